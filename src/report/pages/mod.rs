//! The pages, one file per page type, and the parts they share.

pub mod complaint;
pub mod complaints;
pub mod customer;
pub mod customers;
pub mod dashboard;
pub mod hours;
pub mod month;
pub mod testimonials;
pub mod week;

pub use complaint::*;
pub use complaints::*;
pub use customer::*;
pub use customers::*;
pub use dashboard::*;
pub use hours::*;
pub use month::*;
pub use testimonials::*;
pub use week::*;

use crate::lang::format::{change, metric as show};
use crate::lang::format::{long_date, long_datetime, money, short_name};
use crate::lang::{self, metric_help, metric_label, pick};
use crate::metrics::{Metric, Metrics, Tally};
use crate::report::*;
use crate::rules::{self, Task};
use crate::shop::config::{Config, Lang};
use crate::time::{between, Dur, Week};
use jiff::Timestamp;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
pub struct NavItem {
    pub href: String,
    pub label: &'static str,
    pub active: bool,
}

#[derive(Serialize)]
pub struct Common<'s> {
    pub shop: &'s str,
    pub lang: &'static str,
    pub root: &'static str,
    pub title: String,
    pub generated: String,
    pub nav: Vec<NavItem>,
    pub problems: &'s [String],
}

pub fn common<'s>(site: &'s Site, root: &'static str, title: String, active: &str) -> Common<'s> {
    let t = &site.labels;
    let current = site.current_week.to_string();
    let items = [
        ("index.html".to_string(), "dashboard"),
        (format!("weeks/{current}.html"), "weeks"),
        (
            format!(
                "months/{}.html",
                Month::containing(site.now, site.cfg()).slug()
            ),
            "months",
        ),
        ("hours.html".to_string(), "hours"),
        ("testimonials.html".to_string(), "testimonials"),
        ("customers.html".to_string(), "customers"),
        ("complaints.html".to_string(), "complaints"),
    ];
    Common {
        shop: &site.cfg().name,
        lang: if site.lang() == Lang::Id { "id" } else { "en" },
        root,
        title,
        // The dashboard is as of the minute; other pages say the day, so a
        // page whose content did not change keeps its bytes through the day.
        generated: if active == "dashboard" {
            long_datetime(site.now, &site.cfg().timezone, site.lang())
        } else {
            site.date_line()
        },
        nav: items
            .into_iter()
            .map(|(href, key)| NavItem {
                href: format!("{root}{href}"),
                label: t.get(key).copied().unwrap_or(""),
                active: key == active,
            })
            .collect(),
        // The banner lives on the dashboard, which every rebuild renders.
        problems: if active == "dashboard" {
            &site.problems
        } else {
            &[]
        },
    }
}

#[derive(Serialize)]
pub struct MetricRow {
    pub key: &'static str,
    pub label: &'static str,
    pub this: String,
    pub prev: String,
    pub change: String,
    pub direction: &'static str,
    pub tone: &'static str,
    pub help: &'static str,
}

pub fn metric_rows(
    site: &Site,
    this: &Metrics,
    prev: &Metrics,
    keys: impl IntoIterator<Item = Metric>,
) -> Vec<MetricRow> {
    let cfg = site.cfg();
    let lang = site.lang();
    keys.into_iter()
        .map(|k| {
            let ch = change(k, this, prev, cfg);
            MetricRow {
                key: k.name(),
                label: metric_label(k, lang),
                this: show(k, this, cfg),
                prev: show(k, prev, cfg),
                change: ch.text,
                direction: ch.direction,
                tone: ch.tone,
                help: metric_help(k, lang),
            }
        })
        .collect()
}

#[derive(Serialize)]
pub struct TaskView {
    pub status: &'static str,
    pub status_label: &'static str,
    pub due: String,
    pub label: String,
    pub customer: String,
    pub customer_href: String,
    pub detail: String,
    pub message: String,
    pub whatsapp: Option<String>,
}

/// A task as the pages show it; `message` when already rendered.
pub fn task_view(site: &Site, t: &Task, root: &str, message: Option<&str>) -> TaskView {
    let shop = site.shop;
    let cfg = site.cfg();
    let lang = site.lang();
    let c = &shop.customers[t.customer];
    let mut detail = Vec::new();
    if let Some(k) = t.complaint {
        detail.push(format!(
            "{} {}",
            pick(lang, "komplain", "complaint"),
            shop.complaints[k].id
        ));
    }
    if let Some(o) = t.order {
        detail.push(format!("order #{o}"));
    }
    if let Some(cat) = &t.category {
        detail.push(cat.clone());
    }
    let message = message.map_or_else(|| site.msgs.render(shop, t), str::to_string);
    TaskView {
        status: t.status.as_str(),
        status_label: lang::status(t.status, lang),
        due: crate::lang::format::short_datetime(t.due, &cfg.timezone, lang),
        label: rules::label(cfg, t.rule),
        customer: c.name.clone(),
        customer_href: format!("{root}customers/{}.html", c.id),
        detail: detail.join(" · "),
        whatsapp: if cfg.mask_contacts {
            None
        } else {
            c.phone
                .as_deref()
                .and_then(|p| crate::lang::format::whatsapp_link(p, &message))
        },
        message,
    }
}

#[derive(Serialize)]
pub struct ComplaintRow {
    pub id: String,
    pub href: String,
    pub customer: String,
    pub customer_href: String,
    pub opened: String,
    pub age: String,
    pub status: &'static str,
    pub overdue: bool,
    pub admin: String,
    pub category: String,
    pub summary: String,
}

pub fn age_text(d: Dur, lang: Lang) -> String {
    let days = d.secs() / 86_400;
    let hours = (d.secs() % 86_400) / 3600;
    match (days, lang) {
        (0, Lang::Id) => format!("{hours} jam"),
        (0, Lang::En) => format!("{hours} h"),
        (d, Lang::Id) => format!("{d} hari {hours} jam"),
        (d, Lang::En) => format!("{d} d {hours} h"),
    }
}

/// Open complaints listed on the dashboard and weekly pages, overdue first;
/// the complaints page lists them all.
pub const OPEN_COMPLAINTS_SHOWN: usize = 100;

/// Complaints opened by `at` (only those still open then with `open_only`),
/// overdue first, then by id; at most `limit` rows, and how many there were.
pub fn complaint_rows(
    site: &Site,
    root: &str,
    at: Timestamp,
    open_only: bool,
    limit: Option<usize>,
) -> (Vec<ComplaintRow>, usize) {
    let shop = site.shop;
    let cfg = site.cfg();
    let lang = site.lang();
    // Rank first and format only the rows shown: a large shop has thousands.
    let mut ranked: Vec<(bool, &str, usize)> = shop
        .complaints
        .iter()
        .enumerate()
        .filter(|(_, k)| k.opened.t <= at)
        .filter_map(|(ki, k)| {
            let open = k.resolved.is_none_or(|r| r.t > at);
            if open_only && !open {
                return None;
            }
            let overdue = open && site.resolve_due[ki] <= at;
            Some((overdue, k.id.as_str(), ki))
        })
        .collect();
    let total = ranked.len();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    ranked.truncate(limit.unwrap_or(usize::MAX));
    let rows = ranked
        .into_iter()
        .map(|(overdue, _, ki)| {
            let k = &shop.complaints[ki];
            let resolved = k.resolved.filter(|r| r.t <= at);
            let c = shop.customer(&k.customer);
            let end = resolved.map_or(at, |r| r.t);
            ComplaintRow {
                id: k.id.clone(),
                href: format!("{root}complaints/{}.html", k.id),
                customer: c.map_or_else(|| k.customer.clone(), |c| c.name.clone()),
                customer_href: format!("{root}customers/{}.html", k.customer),
                opened: crate::lang::format::short_datetime(k.opened.t, &cfg.timezone, lang),
                age: age_text(between(k.opened.t, end), lang),
                status: if resolved.is_some() {
                    "resolved"
                } else {
                    "open"
                },
                overdue,
                admin: k
                    .admin
                    .clone()
                    .or_else(|| c.and_then(|c| c.admin.clone()))
                    .unwrap_or_else(|| "–".into()),
                category: k.category.clone().unwrap_or_default(),
                summary: k.summary.clone(),
            }
        })
        .collect();
    (rows, total)
}

/// The note under a shortened list of open complaints, if it was shortened.
pub fn more_complaints(shown: usize, total: usize, lang: Lang, root: &str) -> Option<Link> {
    (total > shown).then(|| Link {
        href: format!("{root}complaints.html"),
        label: match lang {
            Lang::Id => format!(
                "{shown} dari {} komplain terbuka ditampilkan · lihat semua",
                crate::lang::format::decimal(total as f64, 0, lang)
            ),
            Lang::En => format!(
                "{shown} of {} open complaints shown · see them all",
                crate::lang::format::decimal(total as f64, 0, lang)
            ),
        },
    })
}

/// An empty period's figures: zero counts and null rates, as a tally of nothing gives.
pub fn empty_metrics() -> Metrics {
    Tally::default().finish()
}

#[derive(Serialize)]
pub struct Link {
    pub href: String,
    pub label: String,
}

pub fn week_title(w: Week, cfg: &Config) -> String {
    let (a, b) = w.bounds(&cfg.timezone);
    let last = b
        .checked_sub(jiff::SignedDuration::from_secs(1))
        .unwrap_or(b);
    format!(
        "{} {} · {} – {}",
        pick(cfg.language, "Minggu", "Week"),
        w,
        long_date(a, &cfg.timezone, cfg.language),
        long_date(last, &cfg.timezone, cfg.language)
    )
}

#[derive(Serialize)]
pub struct SimpleRow {
    pub cells: Vec<String>,
    pub href: Option<String>,
}

#[derive(Serialize)]
pub struct Testimonial {
    pub name: String,
    pub stars: String,
    pub rating: Option<i64>,
    pub text: String,
    pub date: String,
}

pub fn testimonials(site: &Site, range: Option<(Timestamp, Timestamp)>) -> Vec<Testimonial> {
    let cfg = site.cfg();
    let all = &site.public_feedback;
    let (a, b) = match range {
        Some((from, to)) => (
            all.partition_point(|x| x.0 < from),
            all.partition_point(|x| x.0 < to),
        ),
        None => (0, all.len()),
    };
    let mut v: Vec<(Timestamp, Testimonial)> = all[a..b]
        .iter()
        .map(|&(t, ci, fi)| {
            let c = &site.shop.customers[ci];
            let f = &c.feedback[fi];
            (
                t,
                Testimonial {
                    name: short_name(&c.name),
                    stars: f.rating.map_or(String::new(), |r| {
                        "★".repeat(r.clamp(0, 5) as usize) + &"☆".repeat(5 - r.clamp(0, 5) as usize)
                    }),
                    rating: f.rating,
                    text: f.text.as_deref().map(str::trim).unwrap_or("").to_string(),
                    date: long_date(t, &cfg.timezone, cfg.language),
                },
            )
        })
        .collect();
    v.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.name.cmp(&b.1.name)));
    v.into_iter().map(|(_, t)| t).collect()
}

pub fn items_text(o: &crate::shop::record::Order, cfg: &Config) -> String {
    o.items
        .iter()
        .map(|i| {
            let name = cfg
                .products
                .get(&i.product)
                .map_or(i.product.as_str(), |p| p.name.as_str());
            format!("{}× {name}", i.qty)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn source_rows(m: &Metrics) -> Vec<SimpleRow> {
    let mut v: Vec<(&String, &usize)> = m.leads_by_source.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    v.into_iter()
        .map(|(s, n)| SimpleRow {
            cells: vec![s.clone(), n.to_string()],
            href: None,
        })
        .collect()
}

pub fn product_rows(m: &Metrics, cfg: &Config) -> Vec<SimpleRow> {
    m.top_products
        .iter()
        .map(|p| SimpleRow {
            cells: vec![
                cfg.products
                    .get(&p.product)
                    .map_or(p.product.clone(), |x| x.name.clone()),
                p.units.to_string(),
                money(p.revenue, &cfg.currency),
            ],
            href: None,
        })
        .collect()
}

#[derive(Serialize)]
pub struct Definition {
    pub label: &'static str,
    pub help: &'static str,
}

pub fn definitions(lang: Lang) -> Vec<Definition> {
    Metric::ALL
        .into_iter()
        .map(|k| Definition {
            label: metric_label(k, lang),
            help: metric_help(k, lang),
        })
        .collect()
}

/// A page ready to render: where it goes, its template and its context.
pub struct Prepared {
    pub path: String,
    pub template: &'static str,
    pub ctx: PageCtx,
}

/// A template context that can also fingerprint what goes into it: a page
/// built from the whole shop is rendered again only when its context changed.
pub struct PageCtx {
    pub ctx: tera::Context,
    pub fold: Option<state::Fold>,
}

impl PageCtx {
    fn insert<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        if let Some(f) = &mut self.fold {
            f.str(key);
            // Serializing our own view structs cannot fail; an error would only
            // mean a page is rendered again.
            f.bytes(&serde_json::to_vec(value).unwrap_or_default());
        }
        self.ctx.insert(key, value);
    }
}

/// A page context. With `fingerprint`, everything inserted is also hashed.
pub fn ctx_with(
    common: &Common,
    labels: &BTreeMap<&'static str, &'static str>,
    fingerprint: bool,
) -> PageCtx {
    let mut ctx = PageCtx {
        ctx: tera::Context::new(),
        fold: fingerprint.then(state::Fold::default),
    };
    ctx.insert("site", common);
    ctx.insert("t", labels);
    ctx
}
