//! Unit tests of the weekly metrics (SPEC §5). Expected values are worked out
//! by hand from the SPEC. Week 2026-W47 runs from Monday 2026-11-16 00:00 to
//! Monday 2026-11-23 00:00, Asia/Jakarta.

mod aging;
mod complaints;
mod customers;
mod leads_orders;
mod service;

use super::*;
use crate::shop::index::shop_from_texts;
use crate::time::parse_time_in;

const CATALOGUE: &str = r#"[shop]
name = "T"
timezone = "Asia/Jakarta"
admins = ["dewi", "rudi"]

[categories.alat]

[products.p1]
category = "alat"
price = 10000
[products.p2]
category = "alat"
price = 20000
[products.p3]
category = "alat"
price = 5000
[products.aa]
category = "alat"
price = 10000
[products.zz]
category = "alat"
price = 12000
[products.cc]
category = "alat"
price = 1000
[products.ka]
category = "alat"
price = 5000
[products.kb]
category = "alat"
price = 5000
[products.ee]
category = "alat"
price = 1000
"#;

/// `[hours]` Monday–Friday 08:00–17:00, Tuesday 2026-11-24 a holiday.
const HOURS_WEEKDAYS: &str = r#"
[hours]
days = ["mon", "tue", "wed", "thu", "fri"]
open = "08:00"
close = "17:00"
holidays = ["2026-11-24"]
"#;

fn t(s: &str) -> Timestamp {
    parse_time_in(
        s,
        &jiff::tz::TimeZone::get("Asia/Jakarta").expect("tz"),
        crate::shop::config::Lang::Id,
    )
    .expect("time")
}

fn shop(extra: &str, files: &[(&str, &str)]) -> Shop {
    shop_from_texts(&format!("{CATALOGUE}{extra}"), files)
}

fn owned<'a>(files: &'a [(&'a str, String)]) -> Vec<(&'a str, &'a str)> {
    files.iter().map(|(p, y)| (*p, y.as_str())).collect()
}

fn week(shop: &Shop, w: &str, now: &str) -> Metrics {
    let ws = week_stats(shop, Week::parse(w).expect("week"), t(now));
    assert_eq!(ws.week, w);
    ws.metrics
}

fn w47(shop: &Shop, now: &str) -> Metrics {
    week(shop, "2026-W47", now)
}

/// A customer with `fc` as first_contact and the given extra YAML.
fn cust(fc: &str, extra: &str) -> String {
    format!("name: X\nfirst_contact: {fc}\n{extra}")
}

/// One order item line block: `  - at: …` with a product and optional extra lines.
fn order(at: &str, product: &str, qty: i64, extra: &str) -> String {
    format!("  - at: {at}\n    items:\n      - product: {product}\n        qty: {qty}\n{extra}")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn assert_close(a: Option<f64>, b: f64) {
    match a {
        Some(a) if close(a, b) => {}
        _ => panic!("expected {b}, got {a:?}"),
    }
}
