//! `customers`: every customer at now with their segments (SPEC §4), as a
//! table, JSON or CSV; `--segment` and `--tag` filter.

use super::{csv, json, out, Ctx, Format};
use crate::error::{Error, Result};
use crate::io::table;
use crate::lang::cli;
use crate::lang::format::money;
use crate::lang::{lifecycle, value, Word};
use crate::rules::{segments, Lifecycle, Segments, Value};
use crate::shop::config::{Config, Lang};
use crate::shop::record::Customer;
use crate::time::rfc3339;
use serde::Serialize;

#[derive(Serialize)]
struct CustomerJson<'a> {
    id: &'a str,
    name: &'a str,
    lifecycle: &'static str,
    unpaid: bool,
    value: Option<&'static str>,
    tags: &'a [String],
    spend_365d: i64,
    orders: usize,
    last_order: Option<String>,
    admin: Option<&'a str>,
    source: Option<&'a str>,
    city: Option<&'a str>,
}

fn segment_matches(seg: &Segments, name: &str) -> bool {
    match name {
        "lead" => seg.lifecycle == Lifecycle::Lead,
        "new" => seg.lifecycle == Lifecycle::New,
        "repeat" => seg.lifecycle == Lifecycle::Repeat,
        "inactive" => seg.lifecycle == Lifecycle::Inactive,
        "unpaid" => seg.unpaid,
        "high" => seg.value == Some(Value::High),
        "medium" => seg.value == Some(Value::Medium),
        "low" => seg.value == Some(Value::Low),
        _ => false,
    }
}

const SEGMENTS: [&str; 8] = [
    "lead", "new", "repeat", "inactive", "unpaid", "high", "medium", "low",
];

/// The segments' Indonesian names as the shop is told them (SPEC §6).
const SEGMENTS_ID: [&str; 8] = [
    "calon",
    "baru",
    "langganan",
    "pasif",
    "belum-bayar",
    "tinggi",
    "sedang",
    "rendah",
];

/// Indonesian names of the segments (SPEC §6), with the words the shop
/// sees for them in `lang::words` (`calon pembeli`, `tinggi`, …).
const ALIASES: [(&str, &str); 14] = [
    ("calon", "lead"),
    ("calon-pembeli", "lead"),
    ("baru", "new"),
    ("pembeli-baru", "new"),
    ("langganan", "repeat"),
    ("pelanggan-setia", "repeat"),
    ("setia", "repeat"),
    ("pasif", "inactive"),
    ("tidak-aktif", "inactive"),
    ("belum-bayar", "unpaid"),
    ("belum-lunas", "unpaid"),
    ("tinggi", "high"),
    ("sedang", "medium"),
    ("rendah", "low"),
];

/// The segment a person typed, in any case, English or Indonesian
/// (`Belum Bayar` → `unpaid`).
pub fn segment_name(typed: &str) -> Option<&'static str> {
    let t = typed
        .trim()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-");
    SEGMENTS
        .iter()
        .copied()
        .find(|s| *s == t)
        .or_else(|| ALIASES.iter().find(|(a, _)| *a == t).map(|(_, s)| *s))
}

pub fn customers(
    ctx: &Ctx,
    segment: Option<&str>,
    tag: Option<&str>,
    format: Format,
) -> Result<i32> {
    let shop = &ctx.shop;
    let cfg = &shop.config;
    let lang = cfg.language;
    let segment = match segment {
        None => None,
        Some(s) => Some(segment_name(s).ok_or_else(|| {
            let names: &[&str] = match lang {
                Lang::Id => &SEGMENTS_ID,
                Lang::En => &SEGMENTS,
            };
            let all = SEGMENTS.iter().chain(ALIASES.iter().map(|(a, _)| a));
            let hint = crate::text::suggest(s, all.copied())
                .map(|h| vec![(h.to_string(), None)])
                .unwrap_or_default();
            Error::usage(cli::unknown_name(
                "--segment",
                cli::Named::Segment,
                s,
                &cli::suggestions(&hint, lang),
                &names.iter().map(|n| n.to_string()).collect::<Vec<_>>(),
                lang,
            ))
        })?),
    };
    let tag = tag.map(|t| t.trim().to_lowercase());
    ctx.warn_left_out();
    let rows: Vec<(&Customer, Segments)> = shop
        .customers
        .iter()
        .filter(|c| c.first_contact.t <= ctx.now)
        .map(|c| (&**c, segments(cfg, c, ctx.now)))
        .filter(|(_, seg)| segment.is_none_or(|s| segment_matches(seg, s)))
        .filter(|(c, _)| {
            tag.as_deref()
                .is_none_or(|t| c.tags.iter().any(|x| x.to_lowercase() == t))
        })
        .collect();
    match format {
        Format::Json => json(&json_rows(cfg, &rows), lang),
        Format::Csv => out(&csv_text(&json_rows(cfg, &rows))),
        Format::Table => out(&table_text(cfg, &rows)),
    }
}

fn json_rows<'a>(cfg: &Config, rows: &[(&'a Customer, Segments)]) -> Vec<CustomerJson<'a>> {
    rows.iter()
        .map(|(c, seg)| CustomerJson {
            id: &c.id,
            name: &c.name,
            lifecycle: seg.lifecycle.as_str(),
            unpaid: seg.unpaid,
            value: seg.value.map(Value::as_str),
            tags: &c.tags,
            spend_365d: seg.spend_365d,
            orders: seg.orders,
            last_order: seg.last_order.map(|e| rfc3339(e.t, &cfg.timezone)),
            admin: c.admin.as_deref(),
            source: c.source.as_deref(),
            city: c.city.as_deref(),
        })
        .collect()
}

fn csv_text(rows: &[CustomerJson]) -> String {
    csv(
        "id,name,lifecycle,unpaid,value,tags,spend_365d,orders,last_order,admin,source,city",
        rows.iter().map(|r| {
            vec![
                r.id.to_string(),
                r.name.to_string(),
                r.lifecycle.to_string(),
                r.unpaid.to_string(),
                r.value.unwrap_or("").to_string(),
                r.tags.join(" "),
                r.spend_365d.to_string(),
                r.orders.to_string(),
                r.last_order.clone().unwrap_or_default(),
                r.admin.unwrap_or("").to_string(),
                r.source.unwrap_or("").to_string(),
                r.city.unwrap_or("").to_string(),
            ]
        }),
    )
}

fn table_text(cfg: &Config, rows: &[(&Customer, Segments)]) -> String {
    let lang = cfg.language;
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|(c, seg)| {
            let mut stage = lifecycle(seg.lifecycle, lang).to_string();
            if seg.unpaid {
                stage.push_str(&format!(" · {}", Word::Unpaid.text(lang)));
            }
            vec![
                table::clip(&c.id, 18),
                table::clip(&c.name, 16),
                stage,
                seg.value.map_or("-".into(), |v| value(v, lang).to_string()),
                money(seg.spend_365d, &cfg.currency),
                seg.orders.to_string(),
                seg.last_order.map_or("-".into(), |e| {
                    e.t.to_zoned(cfg.timezone.clone())
                        .strftime("%Y-%m-%d")
                        .to_string()
                }),
            ]
        })
        .collect();
    let mut s = table::render(&cli::customers_header(lang), &body);
    s.push_str(&cli::customers_count(rows.len(), lang));
    s
}
