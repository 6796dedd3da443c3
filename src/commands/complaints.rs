//! `complaints`: every complaint at now with where it stands, as a table,
//! JSON or CSV; `--open` keeps the unresolved ones.

use super::{csv, json, out, Ctx, Format};
use crate::error::Result;
use crate::io::table;
use crate::lang::cli;
use crate::lang::complaint_status;
use crate::lang::format::short_datetime;
use crate::rules::complaints::{self, ComplaintStatus};
use crate::shop::index::Shop;
use crate::time::rfc3339;
use serde::Serialize;

#[derive(Serialize)]
struct ComplaintJson<'a> {
    id: &'a str,
    customer: &'a str,
    opened: String,
    status: &'static str,
    overdue: bool,
    admin: Option<&'a str>,
    category: Option<&'a str>,
    summary: &'a str,
    resolved: Option<String>,
    /// `status` and `overdue` in one, for the table.
    #[serde(skip)]
    standing: ComplaintStatus,
}

pub fn complaints(ctx: &Ctx, open_only: bool, format: Format) -> Result<i32> {
    let shop = &ctx.shop;
    let cfg = &shop.config;
    let tz = &cfg.timezone;
    ctx.warn_left_out();
    let rows: Vec<ComplaintJson> = shop
        .complaints
        .iter()
        .filter(|k| complaints::exists_at(k, ctx.now))
        .filter_map(|k| {
            let standing = ComplaintStatus::at(cfg, k, ctx.now);
            if open_only && standing == ComplaintStatus::Resolved {
                return None;
            }
            let admin = k
                .admin
                .as_deref()
                .or_else(|| shop.customer(&k.customer).and_then(|c| c.admin.as_deref()));
            Some(ComplaintJson {
                id: &k.id,
                customer: &k.customer,
                opened: rfc3339(k.opened.t, tz),
                status: match standing {
                    ComplaintStatus::Resolved => "resolved",
                    ComplaintStatus::Open | ComplaintStatus::Overdue => "open",
                },
                overdue: standing == ComplaintStatus::Overdue,
                admin,
                category: k.category.as_deref(),
                summary: &k.summary,
                resolved: complaints::resolved_at(k, ctx.now).map(|r| rfc3339(r.t, tz)),
                standing,
            })
        })
        .collect();
    match format {
        Format::Json => json(&rows, cfg.language),
        Format::Csv => out(&csv_text(&rows)),
        Format::Table => out(&table_text(shop, &rows)),
    }
}

fn csv_text(rows: &[ComplaintJson]) -> String {
    csv(
        "id,customer,opened,status,overdue,admin,category,summary,resolved",
        rows.iter().map(|r| {
            vec![
                r.id.to_string(),
                r.customer.to_string(),
                r.opened.clone(),
                r.status.to_string(),
                r.overdue.to_string(),
                r.admin.unwrap_or("").to_string(),
                r.category.unwrap_or("").to_string(),
                r.summary.to_string(),
                r.resolved.clone().unwrap_or_default(),
            ]
        }),
    )
}

fn table_text(shop: &Shop, rows: &[ComplaintJson]) -> String {
    let cfg = &shop.config;
    let lang = cfg.language;
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let k = shop.complaint(r.id);
            vec![
                r.id.to_string(),
                table::clip(r.customer, 14),
                k.map_or(String::new(), |k| {
                    short_datetime(k.opened.t, &cfg.timezone, lang)
                }),
                complaint_status(r.standing, lang).to_string(),
                r.admin.unwrap_or("-").to_string(),
                table::clip(r.summary, 22),
            ]
        })
        .collect();
    let mut s = table::render(&cli::complaints_header(lang), &body);
    s.push_str(&cli::complaints_count(rows.len(), lang));
    s
}
