//! A weekly page (`weeks/2026-W47.html`): the week's figures against the
//! week before, per-admin work, leads not followed up, repeat orders, the
//! complaints open at the week's T and its testimonials.

use super::figures::{
    definitions, empty_metrics, items_text, metric_rows, product_rows, source_rows, week_title,
    SimpleRow,
};
use super::lines::{
    complaint_list, complaint_rows, more_complaints, testimonial_lines, testimonials,
    ComplaintLine, ComplaintList, TestimonialLine, OPEN_COMPLAINTS_SHOWN,
};
use super::{common, context, neighbours, Frame, Link, One};
use crate::incremental::key::{Hashed, Json};
use crate::lang::{self, format::money};
use crate::metrics::Metric;
use crate::report::{customer_week_events, shown_feedback, Figure, Part as Days, Site, WeekEvent};
use crate::rules::{Rule, Status};
use crate::shop::record::{Customer, Item, Order};
use crate::time::Week;
use jiff::Timestamp;
use serde::Serialize;
use std::collections::BTreeMap;

pub const TEMPLATE: &str = "week.html";

/// A lead of the week not followed up, with what the row shows of them.
#[derive(Hash)]
pub struct NotFollowed<'s> {
    pub id: &'s str,
    pub rule: Rule,
    pub status: Status,
    pub name: &'s str,
    pub admin: Option<&'s str>,
}

/// A repeat order placed in the week.
#[derive(Hash)]
pub struct RepeatLine<'s> {
    pub id: &'s str,
    pub name: &'s str,
    pub at: Timestamp,
    pub items: Hashed<'s, [Item]>,
    pub total: i64,
}

impl<'s> NotFollowed<'s> {
    pub fn of(c: &'s Customer, rule: Rule, status: Status) -> NotFollowed<'s> {
        NotFollowed {
            id: &c.id,
            rule,
            status,
            name: &c.name,
            admin: c.admin.as_deref(),
        }
    }
}

impl<'s> RepeatLine<'s> {
    pub fn of(c: &'s Customer, o: &'s Order) -> RepeatLine<'s> {
        RepeatLine {
            id: &c.id,
            name: &c.name,
            at: o.at.t,
            items: Hashed(o.items.as_slice()),
            total: o.total(),
        }
    }
}

#[derive(Hash)]
pub struct Inputs<'s> {
    pub frame: Frame<'s>,
    pub week: Week,
    /// The weeks before and after it in the list of weeks with data.
    pub neighbours: (Option<Week>, Option<Week>),
    pub this: Option<Json<'s, Figure>>,
    /// The week before, or its same first days when this week is running.
    pub prev: Option<Json<'s, Figure>>,
    pub prev_part: Option<Days>,
    pub leads_by_admin: Option<&'s BTreeMap<String, usize>>,
    pub followups_by_admin: Option<&'s BTreeMap<String, usize>>,
    pub overdue_by_admin: Option<&'s BTreeMap<String, i64>>,
    pub not_followed: Vec<NotFollowed<'s>>,
    pub repeat_orders: Vec<RepeatLine<'s>>,
    /// Open at the week's T: its end, or now for the current week.
    pub complaints: ComplaintList<'s>,
    pub testimonials: Vec<TestimonialLine<'s>>,
}

pub fn path(w: Week) -> String {
    format!("weeks/{w}.html")
}

pub fn inputs<'s>(site: &'s Site, w: Week) -> Inputs<'s> {
    let shop = site.shop;
    let (start, end) = w.bounds(&site.cfg().timezone);
    let rows = site.week_rows.get(&w);
    let work = site.week_work.get(&w);
    let not_followed = work.map_or_else(Vec::new, |work| {
        work.not_followed
            .iter()
            .filter_map(|(id, rule, status)| {
                Some(NotFollowed::of(shop.customer(id)?, *rule, *status))
            })
            .collect()
    });
    let repeat_orders = rows.map_or_else(Vec::new, |rows| {
        rows.repeat_orders
            .iter()
            .map(|&(ci, oi)| {
                let c = &shop.customers[ci];
                RepeatLine::of(c, &c.orders[oi])
            })
            .collect()
    });
    let at = crate::metrics::as_of(end, site.now);
    let prev_part = (w == site.current_week)
        .then(|| Days::running(site.now, site.cfg()).0)
        .filter(|p| site.part_metrics.contains_key(p));
    let prev = match prev_part {
        Some(p) => site.part_metrics.get(&p),
        None => site.week_metrics.get(&w.prev()),
    };
    Inputs {
        frame: site.frame(),
        week: w,
        neighbours: neighbours(&site.weeks, w),
        this: site.week_metrics.get(&w).map(Json),
        prev: prev.map(Json),
        prev_part,
        leads_by_admin: rows.map(|r| &r.leads_by_admin),
        followups_by_admin: rows.map(|r| &r.followups_by_admin),
        overdue_by_admin: work.map(|w| &w.overdue_by_admin),
        not_followed,
        repeat_orders,
        complaints: complaint_list(site, at, true, Some(OPEN_COMPLAINTS_SHOWN)),
        testimonials: testimonial_lines(site, Some((start, end))),
    }
}

/// What one customer puts on one weekly page: the same lines as its inputs.
#[derive(Hash, Default)]
pub struct Part<'a> {
    /// The admin of their lead, when they became one that week.
    pub leads: Vec<&'a str>,
    /// Who followed them up.
    pub followups: Vec<&'a str>,
    pub repeat_orders: Vec<RepeatLine<'a>>,
    pub not_followed: Vec<NotFollowed<'a>>,
    pub complaints: Vec<ComplaintLine<'a>>,
    pub testimonials: Vec<TestimonialLine<'a>>,
}

/// What one customer puts on each weekly page.
pub fn parts<'a>(one: &One<'a>) -> BTreeMap<Week, Part<'a>> {
    let c = one.customer;
    let tz = &one.cfg.timezone;
    let mut parts: BTreeMap<Week, Part> = BTreeMap::new();
    // The position only orders repeat orders within a week's list.
    for (w, e) in customer_week_events(0, c, one.now, tz) {
        let part = parts.entry(w).or_default();
        match e {
            WeekEvent::Lead(admin) => part.leads.push(admin),
            WeekEvent::Followup(by) => part.followups.push(by),
            WeekEvent::Repeat(_, oi) => part.repeat_orders.push(RepeatLine::of(c, &c.orders[oi])),
        }
    }
    for (at, fi) in shown_feedback(c, one.now) {
        let w = Week::containing(at, tz);
        parts
            .entry(w)
            .or_default()
            .testimonials
            .push(TestimonialLine::of(c, at, fi));
    }
    for &w in one.weeks {
        let at = crate::metrics::as_of(w.bounds(tz).1, one.now);
        for &(ki, k) in &one.complaints {
            if crate::rules::complaints::open_at(k, at) {
                let line = ComplaintLine::at(k, Some(c), at, one.resolve_due[ki], one.cfg);
                parts.entry(w).or_default().complaints.push(line);
            }
        }
        let Some(tally) = one.tallies.get(&w) else {
            continue;
        };
        for (id, rule, status) in &tally.not_followed {
            if *id == c.id {
                let line = NotFollowed::of(c, *rule, *status);
                parts.entry(w).or_default().not_followed.push(line);
            }
        }
    }
    parts
}

#[derive(Serialize)]
pub struct AdminRow {
    pub admin: String,
    pub leads: usize,
    pub closing: String,
    pub followups_done: usize,
    pub overdue: usize,
}

/// One row per admin of shop.toml and per admin named in the week's lists.
fn admin_rows(i: &Inputs, this: &Figure) -> Vec<AdminRow> {
    let cfg = i.frame.basis.cfg;
    let mut admins: BTreeMap<String, AdminRow> = BTreeMap::new();
    fn row<'m>(admins: &'m mut BTreeMap<String, AdminRow>, a: &str) -> &'m mut AdminRow {
        admins.entry(a.to_string()).or_insert_with(|| AdminRow {
            admin: crate::lang::site::admin_name(Some(a), crate::shop::config::Lang::Id),
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
        r.closing = format!(
            "{}%",
            crate::lang::format::decimal(rate * 100.0, 0, cfg.language)
        );
    }
    for (a, n) in i.leads_by_admin.into_iter().flatten() {
        row(&mut admins, a).leads += n;
    }
    for (a, n) in i.followups_by_admin.into_iter().flatten() {
        row(&mut admins, a).followups_done += n;
    }
    for (a, n) in i.overdue_by_admin.into_iter().flatten() {
        row(&mut admins, a).overdue += usize::try_from(*n).unwrap_or(0);
    }
    let lang = cfg.language;
    admins
        .into_iter()
        .map(|(a, mut r)| {
            r.admin = crate::lang::site::admin_name(Some(&a), lang);
            r
        })
        .collect()
}

pub fn view(i: &Inputs) -> tera::Context {
    let basis = &i.frame.basis;
    let cfg = basis.cfg;
    let lang = basis.lang();
    let tz = &cfg.timezone;
    let empty = empty_metrics();
    let this = i.this.as_deref().unwrap_or(&empty);
    let prev = i.prev.as_deref().unwrap_or(&empty);
    let title = week_title(i.week, cfg);
    let common = common(&i.frame, "../", title.clone(), "weeks", None);
    let mut ctx = context(&common, basis);
    ctx.insert("heading", &title);
    ctx.insert("rows", &metric_rows(cfg, this, prev, Metric::scalars()));
    match i.prev_part {
        Some(p) => {
            ctx.insert(
                "col_this",
                &crate::lang::site::week_so_far(lang, p.days(), false),
            );
            ctx.insert(
                "col_prev",
                &crate::lang::site::week_so_far(lang, p.days(), true),
            );
        }
        None => {
            ctx.insert("col_this", basis.labels.this_week);
            ctx.insert("col_prev", basis.labels.last_week);
        }
    }
    let link = |x: Option<Week>| {
        x.map(|x| Link {
            href: format!("{x}.html"),
            label: super::dashboard::week_link_label(x, cfg),
        })
    };
    ctx.insert("prev_link", &link(i.neighbours.0));
    ctx.insert("next_link", &link(i.neighbours.1));
    ctx.insert("sources", &source_rows(this, lang));
    ctx.insert("products", &product_rows(this, cfg));
    let repeat_orders: Vec<SimpleRow> = i
        .repeat_orders
        .iter()
        .map(|r| SimpleRow {
            cells: vec![
                r.name.to_string(),
                crate::lang::format::short_datetime(r.at, tz, lang),
                items_text(&r.items, cfg),
                money(r.total, &cfg.currency),
            ],
            href: Some(format!("../customers/{}.html", r.id)),
        })
        .collect();
    let not_followed: Vec<SimpleRow> = i
        .not_followed
        .iter()
        .map(|n| SimpleRow {
            cells: vec![
                n.name.to_string(),
                crate::lang::rule_label(cfg, n.rule),
                lang::status(n.status, lang).to_string(),
                crate::lang::site::admin_name(n.admin, lang),
            ],
            href: Some(format!("../customers/{}.html", n.id)),
        })
        .collect();
    ctx.insert("admins", &admin_rows(i, this));
    ctx.insert("not_followed", &not_followed);
    ctx.insert("repeat_orders", &repeat_orders);
    ctx.insert(
        "more_complaints",
        &more_complaints(&i.complaints, lang, "../"),
    );
    ctx.insert(
        "complaints",
        &complaint_rows(basis, &i.complaints, "../", None),
    );
    ctx.insert("testimonials", &testimonials(basis, &i.testimonials));
    ctx.insert("definitions", &definitions(lang));
    ctx
}
