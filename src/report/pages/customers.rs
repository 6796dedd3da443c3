//! The customer index (`customers.html`, `customers-2.html`, …).

use crate::error::Result;
use crate::lang::format::{long_date, money};
use crate::lang::{self, pick};
use crate::report::pages::*;
use crate::report::*;
use serde::Serialize;

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

/// Customers per index page: a page stays quick to load on a phone, and an
/// edit re-renders one page of the index rather than all of it.
pub const CUSTOMERS_PER_PAGE: usize = 1000;

/// The path of customer index page `p` (0-based).
pub fn customers_index_path(p: usize) -> String {
    if p == 0 {
        "customers.html".into()
    } else {
        format!("customers-{}.html", p + 1)
    }
}

#[derive(Serialize)]
pub struct PagerLink {
    pub label: String,
    pub href: String,
    pub current: bool,
}

pub fn customers_page(site: &Site, page: usize) -> Result<Prepared> {
    let cfg = site.cfg();
    let lang = site.lang();
    let pages = site.listed.len().div_ceil(CUSTOMERS_PER_PAGE).max(1);
    let from = (page * CUSTOMERS_PER_PAGE).min(site.listed.len());
    let to = (from + CUSTOMERS_PER_PAGE).min(site.listed.len());
    let rows: Vec<CustomerRow> = site.listed[from..to]
        .iter()
        .map(|&ci| {
            let c = &site.shop.customers[ci];
            let s = &site.segments(ci);
            CustomerRow {
                id: c.id.clone(),
                href: format!("customers/{}.html", c.id),
                name: c.name.clone(),
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
                admin: c.admin.clone().unwrap_or_else(|| "–".into()),
                city: c.city.clone().unwrap_or_default(),
                tags: c.tags.join(", "),
                spend: money(s.spend_365d, &cfg.currency),
            }
        })
        .collect();
    let title = if pages > 1 {
        format!(
            "{} ({} {}) · {}",
            site.labels["customers"],
            pick(lang, "halaman", "page"),
            page + 1,
            cfg.name
        )
    } else {
        format!("{} · {}", site.labels["customers"], cfg.name)
    };
    let common = common(site, "", title, "customers");
    let mut ctx = ctx_with(&common, &site.labels, false);
    ctx.insert("customers", &rows);
    ctx.insert("total", &site.listed.len());
    let pager: Vec<PagerLink> = if pages > 1 {
        (0..pages)
            .map(|p| {
                // Labelled by the first id on the page, to jump alphabetically.
                let first = &site.shop.customers[site.listed[p * CUSTOMERS_PER_PAGE]].id;
                PagerLink {
                    label: format!("{} · {first}", p + 1),
                    href: customers_index_path(p),
                    current: p == page,
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    ctx.insert("pager", &pager);
    ctx.insert(
        "page_note",
        &(pages > 1).then(|| {
            format!(
                "{} {} {} {pages} · {}–{}",
                pick(lang, "Halaman", "Page"),
                page + 1,
                pick(lang, "dari", "of"),
                from + 1,
                to
            )
        }),
    );
    ctx.insert(
        "filter_label",
        if pages > 1 {
            pick(lang, "Cari di halaman ini…", "Search this page…")
        } else {
            site.labels["filter"]
        },
    );
    Ok(Prepared {
        path: customers_index_path(page),
        template: "customers.html",
        ctx,
    })
}
