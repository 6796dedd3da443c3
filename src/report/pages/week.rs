//! A weekly page (`weeks/2026-W47.html`).

use crate::error::Result;
use crate::lang::format::money;
use crate::lang::{self};
use crate::metrics::Metric;
use crate::report::pages::*;
use crate::report::*;
use crate::rules::{self};
use crate::time::Week;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
pub struct AdminRow {
    pub admin: String,
    pub leads: usize,
    pub closing: String,
    pub followups_done: usize,
    pub overdue: usize,
}

pub fn week_page(site: &Site, w: Week) -> Result<Prepared> {
    let cfg = site.cfg();
    let shop = site.shop;
    let lang = site.lang();
    let tz = &cfg.timezone;
    let empty = empty_metrics();
    let this = site.week_metrics.get(&w).unwrap_or(&empty);
    let prev = site.week_metrics.get(&w.prev()).unwrap_or(&empty);
    let (start, end) = w.bounds(tz);
    let t_at = crate::metrics::as_of(end, site.now);
    let title = week_title(w, cfg);
    let common = common(site, "../", title.clone(), "weeks");
    let mut ctx = ctx_with(&common, &site.labels, true);
    ctx.insert("heading", &title);
    ctx.insert("rows", &metric_rows(site, this, prev, Metric::scalars()));
    ctx.insert("col_this", site.labels["this_week"]);
    ctx.insert("col_prev", site.labels["last_week"]);
    let pos = site.weeks.iter().position(|x| *x == w);
    let link = |x: Option<&Week>| {
        x.map(|x| Link {
            href: format!("{x}.html"),
            label: x.to_string(),
        })
    };
    ctx.insert(
        "prev_link",
        &link(
            pos.and_then(|p| p.checked_sub(1))
                .and_then(|p| site.weeks.get(p)),
        ),
    );
    ctx.insert("next_link", &link(pos.and_then(|p| site.weeks.get(p + 1))));
    ctx.insert("sources", &source_rows(this));
    ctx.insert("products", &product_rows(this, cfg));

    // Work seen at the end of the week (or now), computed with the metrics.
    let empty_work = WeekWork::default();
    let work = site.week_work.get(&w).unwrap_or(&empty_work);
    let mut admins: BTreeMap<String, AdminRow> = BTreeMap::new();
    fn row<'m>(admins: &'m mut BTreeMap<String, AdminRow>, a: &str) -> &'m mut AdminRow {
        admins.entry(a.to_string()).or_insert_with(|| AdminRow {
            admin: a.to_string(),
            leads: 0,
            closing: "–".into(),
            followups_done: 0,
            overdue: 0,
        })
    }
    for a in &cfg.admins {
        row(&mut admins, a);
    }
    for (a, rate) in &this.closing_rate_by_admin {
        let r = row(&mut admins, a);
        r.closing = format!("{}%", crate::lang::format::decimal(rate * 100.0, 0, lang));
    }
    let mut not_followed = Vec::new();
    let mut repeat_orders = Vec::new();
    if let Some(rows) = site.week_rows.get(&w) {
        for (a, n) in &rows.leads_by_admin {
            row(&mut admins, a).leads += n;
        }
        for (a, n) in &rows.followups_by_admin {
            row(&mut admins, a).followups_done += n;
        }
        for &(ci, oi) in &rows.repeat_orders {
            let c = &shop.customers[ci];
            let o = &c.orders[oi];
            repeat_orders.push(SimpleRow {
                cells: vec![
                    c.name.clone(),
                    crate::lang::format::short_datetime(o.at.t, tz, lang),
                    items_text(o, cfg),
                    money(o.total(), &cfg.currency),
                ],
                href: Some(format!("../customers/{}.html", c.id)),
            });
        }
    }
    for (a, n) in &work.overdue_by_admin {
        row(&mut admins, a).overdue += usize::try_from(*n).unwrap_or(0);
    }
    for (id, rule, status) in &work.not_followed {
        let Some(c) = shop.customer(id) else { continue };
        not_followed.push(SimpleRow {
            cells: vec![
                c.name.clone(),
                rules::label(cfg, *rule),
                lang::status(*status, lang).to_string(),
                c.admin.clone().unwrap_or_else(|| "–".into()),
            ],
            href: Some(format!("../customers/{}.html", c.id)),
        });
    }
    ctx.insert("admins", &admins.into_values().collect::<Vec<_>>());
    ctx.insert("not_followed", &not_followed);
    ctx.insert("repeat_orders", &repeat_orders);
    let (complaints, total) = complaint_rows(site, "../", t_at, true, Some(OPEN_COMPLAINTS_SHOWN));
    ctx.insert(
        "more_complaints",
        &more_complaints(complaints.len(), total, lang, "../"),
    );
    ctx.insert("complaints", &complaints);
    ctx.insert("testimonials", &testimonials(site, Some((start, end))));
    ctx.insert("definitions", &definitions(lang));
    Ok(Prepared {
        path: format!("weeks/{w}.html"),
        template: "week.html",
        ctx,
    })
}
