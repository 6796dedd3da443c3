//! Page keys: what a page is built from, so an unchanged page is not rendered again.

use crate::report::pages::*;
use crate::report::*;
use crate::time::Week;

/// The inputs of a customer's or complaint's page beyond the site key: now,
/// and the files of the customer and all their complaints (the page shows
/// their tasks, which span those files). `None` for pages built from the
/// whole shop, which are always rendered.
pub fn page_key(site: &Site, site_key: u64, job: Job) -> Option<(String, u64)> {
    let shop = site.shop;
    if let Job::Week(w) = job {
        return Some((format!("weeks/{w}.html"), week_key(site, site_key, w)));
    }
    if let Job::Customers(p) = job {
        // An index page shows its customers' rows (their files and now) and
        // the total count.
        let mut h = state::Fold::default();
        h.u64(site_key);
        h.str(&site.date_line());
        h.u64(site.listed.len() as u64);
        let from = (p * CUSTOMERS_PER_PAGE).min(site.listed.len());
        let to = (from + CUSTOMERS_PER_PAGE).min(site.listed.len());
        for &ci in &site.listed[from..to] {
            let c = &shop.customers[ci];
            h.path(&c.path);
            h.u64(c.source_hash);
            h.u64(site.moments[ci]);
        }
        return Some((customers_index_path(p), h.0));
    }
    let (path, ci) = match job {
        Job::Customer(ci) => (format!("customers/{}.html", shop.customers[ci].id), ci),
        Job::Complaint(ki) => {
            let k = &shop.complaints[ki];
            (
                format!("complaints/{}.html", k.id),
                *shop.customer_index.get(&k.customer)?,
            )
        }
        _ => return None,
    };
    let mut h = state::Fold::default();
    h.u64(site_key);
    h.str(&site.date_line());
    h.u64(site.moments[ci]);
    h.str(&path);
    let c = &shop.customers[ci];
    h.path(&c.path);
    h.u64(c.source_hash);
    for &ki in &shop.complaints_by_customer[ci] {
        let k = &shop.complaints[ki];
        h.path(&k.path);
        h.u64(k.source_hash);
    }
    Some((path, h.0))
}

/// The inputs of a weekly page, so an unchanged week is not prepared again
/// (a 100k shop has ~105 of them, each listing from the whole shop): the week
/// and now, its neighbours in the list of weeks, this and last week's figures,
/// the week's lists (leads and follow-ups per admin, repeat orders, leads not
/// followed up, overdue per admin), the complaints open at its T (their files)
/// and its testimonials, with what the page shows of each customer listed.
pub fn week_key(site: &Site, site_key: u64, w: Week) -> u64 {
    let shop = site.shop;
    let tz = &site.cfg().timezone;
    let mut h = state::Fold::default();
    h.u64(site_key);
    h.str("week");
    h.str(&w.to_string());
    // Seen at its T (the end of a past week); the date line and the links to
    // the current week and month follow now.
    let at = crate::metrics::as_of(w.bounds(tz).1, site.now);
    h.bytes(&at.as_nanosecond().to_le_bytes());
    h.str(&site.date_line());
    h.str(&site.current_week.to_string());
    h.str(&Month::containing(site.now, site.cfg()).slug());
    // What a weekly page shows of a customer in any of its lists: the link,
    // the name and the admin (not the whole file: a new city or note does
    // not change a weekly page).
    let customer = |h: &mut state::Fold, ci: usize| {
        let c = &shop.customers[ci];
        h.str(&c.id);
        h.str(&c.name);
        h.str(c.admin.as_deref().unwrap_or(""));
    };
    // Previous and next links.
    let pos = site.weeks.iter().position(|x| *x == w);
    for x in [
        pos.and_then(|p| p.checked_sub(1))
            .and_then(|p| site.weeks.get(p)),
        pos.and_then(|p| site.weeks.get(p + 1)),
    ] {
        h.str(&x.map(ToString::to_string).unwrap_or_default());
    }
    for x in [w, w.prev()] {
        // Figures are plain numbers and names: serializing cannot fail.
        let m = site.week_metrics.get(&x).map(serde_json::to_vec);
        h.bytes(&m.and_then(std::result::Result::ok).unwrap_or_default());
    }
    if let Some(work) = site.week_work.get(&w) {
        for (a, n) in &work.overdue_by_admin {
            h.str(a);
            h.u64(*n as u64);
        }
        h.str("not followed");
        for (id, rule, status) in &work.not_followed {
            h.str(id);
            h.str(rule.name());
            h.str(status.as_str());
            if let Some(&ci) = shop.customer_index.get(id) {
                customer(&mut h, ci);
            }
        }
    }
    if let Some(rows) = site.week_rows.get(&w) {
        for (map, label) in [
            (&rows.leads_by_admin, "leads"),
            (&rows.followups_by_admin, "followups"),
        ] {
            h.str(label);
            for (a, n) in map {
                h.str(a);
                h.u64(*n as u64);
            }
        }
        h.str("repeat");
        for &(ci, oi) in &rows.repeat_orders {
            customer(&mut h, ci);
            // The row: when, what and how much.
            let o = &shop.customers[ci].orders[oi];
            h.bytes(&o.at.t.as_nanosecond().to_le_bytes());
            for i in &o.items {
                h.str(&i.product);
                h.u64(i.qty as u64);
                h.u64(i.price as u64);
            }
        }
    }
    let (start, end) = w.bounds(tz);
    h.str("complaints");
    // By customer, so each complaint's customer is at hand without a lookup.
    for (ci, kis) in shop.complaints_by_customer.iter().enumerate() {
        for &ki in kis {
            let k = &shop.complaints[ki];
            if k.opened.t <= at && k.resolved.is_none_or(|r| r.t > at) {
                h.str(&k.id);
                h.u64(k.source_hash);
                h.bytes(&site.resolve_due[ki].as_nanosecond().to_le_bytes());
                customer(&mut h, ci);
            }
        }
    }
    h.str("testimonials");
    let all = &site.public_feedback;
    let (a, b) = (
        all.partition_point(|x| x.0 < start),
        all.partition_point(|x| x.0 < end),
    );
    for &(t, ci, fi) in &all[a..b] {
        customer(&mut h, ci);
        let f = &shop.customers[ci].feedback[fi];
        h.bytes(&t.as_nanosecond().to_le_bytes());
        h.u64(f.rating.map_or(u64::MAX, |r| r as u64));
        h.str(f.text.as_deref().unwrap_or(""));
    }
    h.0
}
