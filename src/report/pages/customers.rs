//! The customer index (`customers.html`, `customers-2.html`, …): one row per
//! customer known by now, a thousand to a page.

use super::{common, context, Frame, One};
use crate::incremental::key::Hashed;
use crate::lang;
use crate::lang::format::{long_date, money};
use crate::report::Site;
use crate::rules::Segments;
use crate::shop::record::Customer;
use serde::Serialize;

pub const TEMPLATE: &str = "customers.html";

/// Customers per index page: a page stays quick to load on a phone, and an
/// edit re-renders one page of the index rather than all of it.
pub const CUSTOMERS_PER_PAGE: usize = 1000;

/// What a row shows of a customer.
#[derive(Hash)]
pub struct Row<'s> {
    pub id: &'s str,
    pub name: &'s str,
    pub admin: Option<&'s str>,
    pub city: Option<&'s str>,
    pub tags: &'s [String],
    pub segments: Hashed<'s, Segments>,
}

impl<'s> Row<'s> {
    pub fn of(c: &'s Customer, segments: &'s Segments) -> Row<'s> {
        Row {
            id: &c.id,
            name: &c.name,
            admin: c.admin.as_deref(),
            city: c.city.as_deref(),
            tags: &c.tags,
            segments: Hashed(segments),
        }
    }
}

/// What one customer puts on the index: their row, once known by now.
pub fn part<'a>(one: &One<'a>) -> Option<Row<'a>> {
    (one.customer.first_contact.t <= one.now).then(|| Row::of(one.customer, &one.moment.segments))
}

#[derive(Hash)]
pub struct Inputs<'s> {
    pub frame: Frame<'s>,
    /// 0-based.
    pub page: usize,
    /// Customers listed on all pages.
    pub total: usize,
    pub rows: Vec<Row<'s>>,
    /// The first id of every page, for the pager (when there are pages).
    pub pager: Vec<&'s str>,
}

/// The path of customer index page `p` (0-based).
pub fn path(p: usize) -> String {
    if p == 0 {
        "customers.html".into()
    } else {
        format!("customers-{}.html", p + 1)
    }
}

/// How many index pages `listed` customers fill.
pub fn pages(listed: usize) -> usize {
    listed.div_ceil(CUSTOMERS_PER_PAGE).max(1)
}

pub fn inputs<'s>(site: &'s Site, page: usize) -> Inputs<'s> {
    let shop = site.shop;
    let listed = &site.listed;
    let pages = pages(listed.len());
    let from = (page * CUSTOMERS_PER_PAGE).min(listed.len());
    let to = (from + CUSTOMERS_PER_PAGE).min(listed.len());
    Inputs {
        frame: site.frame(),
        page,
        total: listed.len(),
        rows: listed[from..to]
            .iter()
            .map(|&ci| Row::of(&shop.customers[ci], &site.moments[ci].segments))
            .collect(),
        pager: if pages > 1 {
            (0..pages)
                .map(|p| shop.customers[listed[p * CUSTOMERS_PER_PAGE]].id.as_str())
                .collect()
        } else {
            Vec::new()
        },
    }
}

#[derive(Serialize)]
pub struct CustomerRow {
    pub id: String,
    pub href: String,
    pub name: String,
    pub stage: &'static str,
    pub lifecycle: &'static str,
    pub value: String,
    pub unpaid: bool,
    pub orders: usize,
    pub last_order: String,
    pub admin: String,
    pub city: String,
    pub tags: String,
    pub spend: String,
}

#[derive(Serialize)]
pub struct PagerLink {
    pub label: String,
    pub href: String,
    pub current: bool,
}

pub fn view(i: &Inputs) -> tera::Context {
    let basis = &i.frame.basis;
    let cfg = basis.cfg;
    let lang = basis.lang();
    let pages = pages(i.total);
    let from = (i.page * CUSTOMERS_PER_PAGE).min(i.total);
    let to = (from + CUSTOMERS_PER_PAGE).min(i.total);
    let rows: Vec<CustomerRow> = i
        .rows
        .iter()
        .map(|r| {
            let s = &*r.segments;
            CustomerRow {
                id: r.id.to_string(),
                href: format!("customers/{}.html", r.id),
                name: r.name.to_string(),
                stage: lang::lifecycle(s.lifecycle, lang),
                lifecycle: s.lifecycle.as_str(),
                value: s
                    .value
                    .map_or("–".into(), |v| lang::value(v, lang).to_string()),
                unpaid: s.unpaid,
                orders: s.orders,
                last_order: s
                    .last_order
                    .map_or("–".into(), |e| long_date(e.t, &cfg.timezone, lang)),
                admin: crate::lang::site::admin_name(r.admin, lang),
                city: r.city.unwrap_or_default().to_string(),
                tags: r.tags.join(", "),
                spend: money(s.spend_365d, &cfg.currency),
            }
        })
        .collect();
    let w = basis.words;
    let title = if pages > 1 {
        format!(
            "{} ({} {}) · {}",
            basis.labels.customers,
            w.page_lower,
            i.page + 1,
            cfg.name
        )
    } else {
        format!("{} · {}", basis.labels.customers, cfg.name)
    };
    let common = common(&i.frame, "", title, "customers", None);
    let mut ctx = context(&common, basis);
    ctx.insert("customers", &rows);
    ctx.insert("total", &i.total);
    let pager: Vec<PagerLink> = i
        .pager
        .iter()
        .enumerate()
        .map(|(p, first)| PagerLink {
            // Labelled by the first id on the page, to jump alphabetically.
            label: format!("{} · {first}", p + 1),
            href: path(p),
            current: p == i.page,
        })
        .collect();
    ctx.insert("pager", &pager);
    ctx.insert(
        "page_note",
        &(pages > 1).then(|| {
            format!(
                "{} {} {} {pages} · {}–{}",
                w.page,
                i.page + 1,
                w.of,
                from + 1,
                to
            )
        }),
    );
    ctx.insert(
        "filter_label",
        if pages > 1 {
            w.search_page
        } else {
            basis.labels.filter
        },
    );
    ctx
}
