//! Unit tests of the weekly metrics (SPEC §5). Expected values are worked out
//! by hand from the SPEC. Week 2026-W47 runs from Monday 2026-11-16 00:00 to
//! Monday 2026-11-23 00:00, Asia/Jakarta.

use super::*;
use crate::shop::index::shop_from_texts;
use crate::time::parse_time;

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
    parse_time(s, &jiff::tz::TimeZone::get("Asia/Jakarta").expect("tz")).expect("time")
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

#[test]
fn empty_week_has_zero_counts_and_null_rates() {
    let shop = shop(
        "",
        &[(
            "customers/a.yaml",
            &cust(
                "2026-11-01",
                "feedback:\n  - at: 2026-11-02\n    rating: 5\n",
            ),
        )],
    );
    let m = w47(&shop, "2026-11-30");
    assert_eq!(m.leads_new, 0);
    assert!(m.leads_by_source.is_empty());
    assert_eq!(m.conversion_rate, None);
    assert!(m.closing_rate_by_admin.is_empty());
    assert_eq!((m.orders, m.revenue), (0, 0));
    assert_eq!(m.repeat_order_rate, None);
    assert!(m.top_products.is_empty());
    assert_eq!(m.response_median_minutes, None);
    assert_eq!(m.response_within_target_rate, None);
    assert_eq!((m.followups_done, m.followups_overdue), (0, 0));
    assert_eq!(
        (
            m.complaints_opened,
            m.complaints_resolved,
            m.complaints_open,
            m.complaints_overdue
        ),
        (0, 0, 0, 0)
    );
    assert_eq!(m.csat, None);
    assert_eq!(m.nps, None);
    assert_eq!(m.aht_hours, None);
    assert_eq!(m.fcr_rate, None);
    assert_eq!(m.active_customers, 0);
    assert_eq!(m.retention_rate, None);
    assert_eq!(m.reply_12h_rate, None);
    assert_eq!(m.unanswered, 0);
    // The lead never followed up: lead-1 (late 11-03 00:00) expired 11-17 00:00.
    assert_eq!(m.followups_missed, 1);
    assert_eq!((m.unpaid_orders, m.unpaid_amount), (0, 0));
}

#[test]
fn stats_json_has_week_and_every_key() {
    let shop = shop("", &[]);
    let ws = week_stats(&shop, Week::parse("2026-W47").expect("w"), t("2026-11-30"));
    let v = serde_json::to_value(&ws).expect("json");
    assert_eq!(v["week"], "2026-W47");
    for k in Metric::ALL {
        assert!(v.get(k.name()).is_some(), "missing {}", k.name());
    }
    assert!(v["conversion_rate"].is_null());
    assert!(v["retention_rate"].is_null());
    assert!(v["reply_12h_rate"].is_null());
    assert_eq!(v["unpaid_amount"], 0);
}

#[test]
fn leads_sources_conversion_and_closing_by_admin() {
    // now is past the week: T is just before Monday 2026-11-23 00:00.
    let files = [
        (
            "customers/a.yaml",
            cust(
                "2026-11-16 00:00",
                &format!(
                    "source: instagram\nadmin: dewi\norders:\n{}",
                    order("2026-11-20", "p1", 1, "")
                ),
            ),
        ),
        (
            "customers/b.yaml",
            cust("2026-11-22 23:59", "source: instagram\nadmin: dewi\n"),
        ),
        (
            "customers/c.yaml",
            cust(
                "2026-11-18",
                &format!(
                    "orders:\n{}",
                    order("2026-11-19", "p1", 1, "    cancelled: 2026-11-20\n")
                ),
            ),
        ),
        (
            "customers/d.yaml",
            cust("2026-11-23 00:00", "source: website\nadmin: rudi\n"),
        ),
        (
            "customers/e.yaml",
            cust("2026-11-15 23:59", "source: facebook\n"),
        ),
        (
            "customers/f.yaml",
            cust(
                "2026-11-17",
                &format!(
                    "source: tiktok\nadmin: rudi\norders:\n{}",
                    order("2026-11-21", "p1", 1, "    cancelled: 2026-11-23 00:00\n")
                ),
            ),
        ),
        (
            "customers/g.yaml",
            cust(
                "2026-11-17",
                &format!(
                    "source: tiktok\nadmin: rudi\norders:\n{}",
                    order("2026-11-25", "p1", 1, "")
                ),
            ),
        ),
        (
            "customers/h.yaml",
            cust(
                "2026-11-19",
                &format!(
                    "source: tiktok\nadmin: rudi\norders:\n{}",
                    order("2026-11-19", "p1", 1, "")
                ),
            ),
        ),
    ];
    let shop = shop("", &owned(&files));
    let m = w47(&shop, "2026-11-30");
    // a, b, c, f, g, h; d is next week, e last week.
    assert_eq!(m.leads_new, 6);
    let sources: Vec<(&str, usize)> = m
        .leads_by_source
        .iter()
        .map(|(k, v)| (k.as_str(), *v))
        .collect();
    assert_eq!(
        sources,
        vec![("instagram", 2), ("tiktok", 3), ("unknown", 1)]
    );
    // Converted: a, f (cancelled only after T), h. Not c (cancelled), not g (order after T).
    assert_close(m.conversion_rate, 0.5);
    let admins: Vec<&str> = m.closing_rate_by_admin.keys().map(String::as_str).collect();
    assert_eq!(admins, vec!["dewi", "rudi", "unassigned"]);
    assert_close(m.closing_rate_by_admin.get("dewi").copied(), 0.5);
    assert_close(m.closing_rate_by_admin.get("rudi").copied(), 2.0 / 3.0);
    assert_close(m.closing_rate_by_admin.get("unassigned").copied(), 0.0);
    // Orders in W counting at T: a, f, h.
    assert_eq!(m.orders, 3);
    assert_eq!(m.revenue, 30000);
}

#[test]
fn now_inside_the_week_excludes_later_events() {
    let files = [
        ("customers/a.yaml", cust("2026-11-18 12:00", "")),
        ("customers/b.yaml", cust("2026-11-18 12:01", "")),
        (
            "customers/c.yaml",
            cust(
                "2026-11-17",
                &format!(
                    "orders:\n{}{}",
                    order("2026-11-18 12:00", "p1", 1, ""),
                    order("2026-11-18 12:01", "p1", 1, "")
                ),
            ),
        ),
        (
            "customers/d.yaml",
            cust(
                "2026-11-17",
                &format!("orders:\n{}", order("2026-11-19", "p2", 1, "")),
            ),
        ),
    ];
    let shop = shop("", &owned(&files));
    let m = w47(&shop, "2026-11-18 12:00");
    // a (exactly at now), c, d; not b.
    assert_eq!(m.leads_new, 3);
    assert_close(m.conversion_rate, 1.0 / 3.0);
    assert_eq!(m.orders, 1);
    assert_eq!(m.revenue, 10000);
    // Seen later, everything counts.
    let m = w47(&shop, "2026-11-30");
    assert_eq!(m.leads_new, 4);
    assert_eq!(m.orders, 3);
    assert_eq!(m.revenue, 40000);
}

#[test]
fn event_at_next_monday_midnight_belongs_to_next_week() {
    let files = [(
        "customers/a.yaml",
        cust(
            "2026-11-10",
            &format!(
                "orders:\n{}{}interactions:\n  - at: 2026-11-23 00:00\n    kind: followup\n  - at: 2026-11-22 23:59\n    kind: inbound\n    replied: 2026-11-23 00:00\n",
                order("2026-11-22 23:59:59", "p1", 1, ""),
                order("2026-11-23 00:00", "p2", 1, "")
            ),
        ),
    )];
    let shop = shop("", &owned(&files));
    let m = w47(&shop, "2026-12-01");
    assert_eq!(m.orders, 1);
    assert_eq!(m.revenue, 10000);
    assert_eq!(m.followups_done, 0);
    // Answered at next Monday 00:00, after T: no response time yet.
    assert_eq!(m.response_median_minutes, None);
    assert_eq!(m.response_within_target_rate, None);
    let m = week(&shop, "2026-W48", "2026-12-01");
    assert_eq!(m.orders, 1);
    assert_eq!(m.revenue, 20000);
    assert_eq!(m.followups_done, 1);
    // Inbound message is in W47, not in W48.
    assert_eq!(m.response_median_minutes, None);
    // Seen from inside W48 the first order is the 23:59:59 one: the W48 one is a repeat.
    assert_close(m.repeat_order_rate, 1.0);
}

#[test]
fn orders_revenue_and_repeat_order_rate() {
    let files = [
        // First order before W; the one in W is a repeat. Price override × qty.
        (
            "customers/a.yaml",
            cust(
                "2026-11-01",
                &format!(
                    "orders:\n{}{}",
                    order("2026-11-10", "p1", 1, ""),
                    "  - at: 2026-11-17\n    items:\n      - product: p1\n        qty: 2\n        price: 9000\n"
                ),
            ),
        ),
        // Earlier order cancelled: the one in W is the first.
        (
            "customers/b.yaml",
            cust(
                "2026-11-01",
                &format!(
                    "orders:\n{}{}",
                    order("2026-11-10", "p1", 1, "    cancelled: 2026-11-11\n"),
                    order("2026-11-18", "p2", 1, "")
                ),
            ),
        ),
        // Two orders at one time: the first in the file is the first order.
        (
            "customers/c.yaml",
            cust(
                "2026-11-01",
                &format!(
                    "orders:\n{}{}",
                    order("2026-11-19 10:00", "p1", 1, ""),
                    order("2026-11-19 10:00", "p2", 1, "")
                ),
            ),
        ),
        // Unpaid money counts; next Monday's order does not.
        (
            "customers/d.yaml",
            cust(
                "2026-11-01",
                &format!(
                    "orders:\n{}{}",
                    order("2026-11-20", "p3", 3, ""),
                    order("2026-11-23", "p3", 1, "")
                ),
            ),
        ),
        // Cancelled in W: counts nowhere.
        (
            "customers/e.yaml",
            cust(
                "2026-11-01",
                &format!(
                    "orders:\n{}",
                    order("2026-11-21", "p2", 5, "    cancelled: 2026-11-22\n")
                ),
            ),
        ),
        // Earlier order cancelled only after T still counts: the one in W is a repeat.
        (
            "customers/f.yaml",
            cust(
                "2026-11-01",
                &format!(
                    "orders:\n{}{}",
                    order("2026-11-10", "p1", 1, "    cancelled: 2026-11-25\n"),
                    order("2026-11-18", "p1", 1, "")
                ),
            ),
        ),
    ];
    let shop = shop("", &owned(&files));
    let m = w47(&shop, "2026-11-30");
    // a 1, b 1, c 2, d 1, f 1.
    assert_eq!(m.orders, 6);
    assert_eq!(m.revenue, 18000 + 20000 + 30000 + 15000 + 10000);
    // Repeats: a's, c's second, f's.
    assert_close(m.repeat_order_rate, 0.5);
}

#[test]
fn top_products_order_and_limit() {
    let files = [
        (
            "customers/a.yaml",
            cust(
                "2026-11-01",
                "orders:
  - at: 2026-11-17
    items:
      - product: zz
        qty: 3
      - product: cc
        qty: 7
      - product: kb
        qty: 2
  - at: 2026-11-10
    items:
      - product: ee
        qty: 50
",
            ),
        ),
        (
            "customers/b.yaml",
            cust(
                "2026-11-01",
                "orders:
  - at: 2026-11-18
    items:
      - product: zz
        qty: 2
      - product: aa
        qty: 5
      - product: ka
        qty: 2
      - product: ee
  - at: 2026-11-19
    items:
      - product: ee
        qty: 100
    cancelled: 2026-11-20
",
            ),
        ),
    ];
    let shop = shop("", &owned(&files));
    let m = w47(&shop, "2026-11-30");
    let top: Vec<(&str, i64, i64)> = m
        .top_products
        .iter()
        .map(|p| (p.product.as_str(), p.units, p.revenue))
        .collect();
    // cc 7 units; zz and aa 5 units (zz earns more); ka and kb tie: id asc; ee is sixth.
    assert_eq!(
        top,
        vec![
            ("cc", 7, 7000),
            ("zz", 5, 60000),
            ("aa", 5, 50000),
            ("ka", 2, 10000),
            ("kb", 2, 10000),
        ]
    );
}

#[test]
fn response_times_in_open_minutes_median_and_target() {
    // Default [hours]: Monday–Saturday 08:00–21:00; response_target 5m.
    let interactions = "interactions:
  - at: 2026-11-16 07:00
    kind: inbound
    replied: 2026-11-16 08:03
  - at: 2026-11-17 10:00
    kind: inbound
    replied: 2026-11-17 10:05
  - at: 2026-11-18 20:55
    kind: inbound
    replied: 2026-11-19 08:05
  - at: 2026-11-19 12:00
    kind: inbound
    replied: 2026-11-19 12:20
  - at: 2026-11-20 12:00
    kind: inbound
  - at: 2026-11-22 10:00
    kind: inbound
    replied: 2026-11-23 08:01
  - at: 2026-11-15 10:00
    kind: inbound
    replied: 2026-11-16 08:01
  - at: 2026-11-18 10:00
    kind: followup
";
    let files = [("customers/a.yaml", cust("2026-11-01", interactions))];
    let shop = shop("[hours]\n", &owned(&files));
    let m = w47(&shop, "2026-11-30");
    // 3, 5, 10 (20:55→21:00 and 08:00→08:05), 20 minutes.
    assert_close(m.response_median_minutes, 7.5);
    // 3 and 5 (exactly the target) are within.
    assert_close(m.response_within_target_rate, 0.5);
}

#[test]
fn response_sunday_message_answered_monday_is_three_open_minutes() {
    let files = [(
        "customers/a.yaml",
        cust(
            "2026-11-01",
            "interactions:\n  - at: 2026-11-22 10:00\n    kind: inbound\n    replied: 2026-11-23 08:03\n",
        ),
    )];
    let shop = shop("[hours]\nopen = \"08:00\"\n", &owned(&files));
    let m = period_metrics(&shop, t("2026-11-22"), t("2026-11-24"), t("2026-11-30"));
    assert_close(m.response_median_minutes, 3.0);
    assert_close(m.response_within_target_rate, 1.0);
    // Without [hours] it is calendar time: 22h03m.
    let shop = crate::shop::index::shop_from_texts(CATALOGUE, &owned(&files));
    let m = period_metrics(&shop, t("2026-11-22"), t("2026-11-24"), t("2026-11-30"));
    assert_close(m.response_median_minutes, (22 * 60 + 3) as f64);
    assert_close(m.response_within_target_rate, 0.0);
}

#[test]
fn response_median_of_odd_count() {
    let interactions = "interactions:
  - at: 2026-11-17 10:00
    kind: inbound
    replied: 2026-11-17 10:30
  - at: 2026-11-17 11:00
    kind: inbound
    replied: 2026-11-17 11:01
  - at: 2026-11-17 12:00
    kind: inbound
    replied: 2026-11-17 12:04
";
    let files = [("customers/a.yaml", cust("2026-11-01", interactions))];
    let shop = shop("[service]\nresponse_target = \"4m\"\n", &owned(&files));
    let m = w47(&shop, "2026-11-30");
    assert_close(m.response_median_minutes, 4.0);
    assert_close(m.response_within_target_rate, 2.0 / 3.0);
}

#[test]
fn followups_done_counts_outbound_kinds_in_w() {
    let interactions = "interactions:
  - at: 2026-11-16 00:00
    kind: followup
  - at: 2026-11-17
    kind: payment
  - at: 2026-11-18
    kind: shipping
  - at: 2026-11-19
    kind: aftercare
  - at: 2026-11-20
    kind: repeat
  - at: 2026-11-22 23:59:59
    kind: survey
  - at: 2026-11-17
    kind: inbound
  - at: 2026-11-17
    kind: note
  - at: 2026-11-23 00:00
    kind: followup
  - at: 2026-11-15 23:59
    kind: followup
";
    let files = [("customers/a.yaml", cust("2026-11-01", interactions))];
    let shop = shop("", &owned(&files));
    assert_eq!(w47(&shop, "2026-11-30").followups_done, 6);
    // Seen at Wednesday 2026-11-18 00:00: followup, payment, and shipping at exactly T.
    assert_eq!(w47(&shop, "2026-11-18 00:00").followups_done, 3);
}

#[test]
fn followups_overdue_counts_customer_tasks_only() {
    let files = [
        // lead-1 due 11-21 10:00, late 11-22 10:00: overdue at T.
        ("customers/a.yaml", cust("2026-11-20 10:00", "")),
        // lead-1 missed long ago.
        ("customers/b.yaml", cust("2026-11-01", "")),
        // Payment late 11-22 10:00: overdue at T.
        (
            "customers/c.yaml",
            cust(
                "2026-11-20 09:00",
                &format!("orders:\n{}", order("2026-11-20 10:00", "p1", 1, "")),
            ),
        ),
        // lead-1 due 11-22 10:00: due, not overdue.
        ("customers/d.yaml", cust("2026-11-21 10:00", "")),
        // lead-1 done, lead-2 upcoming.
        (
            "customers/e.yaml",
            cust(
                "2026-11-20 10:00",
                "interactions:\n  - at: 2026-11-21\n    kind: followup\n",
            ),
        ),
        // Overdue complaint response: not a customer task.
        (
            "complaints/2026-0001.yaml",
            "customer: e\nopened: 2026-11-22 10:00\nsummary: S\n".to_string(),
        ),
    ];
    let shop = shop("", &owned(&files));
    let m = w47(&shop, "2026-11-30");
    assert_eq!(m.followups_overdue, 2);
    assert_eq!(w47(&shop, "2026-11-22 09:59").followups_overdue, 0);
    assert_eq!(w47(&shop, "2026-11-22 10:00").followups_overdue, 2);
}

fn complaint(opened: &str, extra: &str) -> String {
    format!("customer: a\nopened: {opened}\nsummary: S\n{extra}")
}

fn complaint_files() -> Vec<(&'static str, String)> {
    vec![
        ("customers/a.yaml", cust("2026-11-01", "")),
        // Resolved in W (opened before it), Tuesday 00:00 → Monday 00:00 = 36 open hours.
        (
            "complaints/k1.yaml",
            complaint("2026-11-10", "resolved: 2026-11-16 00:00\ncontacts: 1\n"),
        ),
        // Open; 24 open hours end Wednesday 14:00 ≤ T: overdue.
        ("complaints/k2.yaml", complaint("2026-11-16 08:00", "")),
        // Open; due Monday 2026-11-23 (open time): not overdue at T.
        ("complaints/k3.yaml", complaint("2026-11-20 16:00", "")),
        // Resolved only after T: open and overdue (due Thursday 14:00).
        (
            "complaints/k4.yaml",
            complaint("2026-11-17", "resolved: 2026-11-23 00:00\n"),
        ),
        // Opened and resolved in W: 1.5 open hours, 2 contacts.
        (
            "complaints/k5.yaml",
            complaint(
                "2026-11-18 09:00",
                "resolved: 2026-11-18 10:30\ncontacts: 2\n",
            ),
        ),
        // Next week.
        ("complaints/k6.yaml", complaint("2026-11-23 00:00", "")),
        // Long before.
        (
            "complaints/k7.yaml",
            complaint("2026-11-05", "resolved: 2026-11-06\ncontacts: 2\n"),
        ),
        // 1 open hour, 1 contact.
        (
            "complaints/k8.yaml",
            complaint(
                "2026-11-19 09:00",
                "resolved: 2026-11-19 10:00\ncontacts: 1\n",
            ),
        ),
        // Half an hour; no contacts recorded.
        (
            "complaints/k9.yaml",
            complaint("2026-11-19 11:00", "resolved: 2026-11-19 11:30\n"),
        ),
    ]
}

#[test]
fn complaint_counts_overdue_aht_and_fcr_in_open_time() {
    let files = complaint_files();
    let shop = shop(HOURS_WEEKDAYS, &owned(&files));
    let m = w47(&shop, "2026-11-30");
    assert_eq!(m.complaints_opened, 6); // k2 k3 k4 k5 k8 k9
    assert_eq!(m.complaints_resolved, 4); // k1 k5 k8 k9
    assert_eq!(m.complaints_open, 3); // k2 k3 k4
    assert_eq!(m.complaints_overdue, 2); // k2 k4
    assert_close(m.aht_hours, (36.0 + 1.5 + 1.0 + 0.5) / 4.0);
    assert_close(m.fcr_rate, 2.0 / 3.0);
}

#[test]
fn complaints_overdue_uses_the_overridden_resolve_wait() {
    let files = complaint_files();
    // 1 open hour from Friday 16:00 ends exactly at closing time, ≤ T.
    let shop = shop(
        &format!("{HOURS_WEEKDAYS}[rules.complaint-resolve]\nwait = \"1h\"\n"),
        &owned(&files),
    );
    let m = w47(&shop, "2026-11-30");
    assert_eq!(m.complaints_open, 3);
    assert_eq!(m.complaints_overdue, 3);
}

#[test]
fn complaints_without_hours_use_calendar_time() {
    let files = complaint_files();
    let shop = shop("", &owned(&files));
    let m = w47(&shop, "2026-11-30");
    // k3 is due Saturday 16:00 in calendar time.
    assert_eq!(m.complaints_overdue, 3);
    // k1: 6 days = 144h; k5 1.5h; k8 1h; k9 0.5h.
    assert_close(m.aht_hours, (144.0 + 1.5 + 1.0 + 0.5) / 4.0);
}

#[test]
fn complaints_seen_inside_the_week() {
    let files = complaint_files();
    let shop = shop(HOURS_WEEKDAYS, &owned(&files));
    // Wednesday 14:00: k2 is due exactly now.
    let m = w47(&shop, "2026-11-18 14:00");
    assert_eq!(m.complaints_opened, 3); // k2 k4 k5
    assert_eq!(m.complaints_resolved, 2); // k1 k5
    assert_eq!(m.complaints_open, 2); // k2 k4
    assert_eq!(m.complaints_overdue, 1); // k2
    assert_eq!(m.fcr_rate, Some(0.5));
}

#[test]
fn csat_combines_feedback_ratings_and_complaint_csat() {
    let feedback = "feedback:
  - at: 2026-11-16 00:00
    rating: 5
    nps: 10
  - at: 2026-11-17
    rating: 4
    nps: 9
  - at: 2026-11-18
    rating: 3
  - at: 2026-11-19
    nps: 9
  - at: 2026-11-20
    nps: 7
  - at: 2026-11-21
    nps: 3
  - at: 2026-11-23 00:00
    rating: 1
    nps: 0
  - at: 2026-11-15
    rating: 2
    nps: 0
";
    let files = [
        ("customers/a.yaml", cust("2026-11-01", feedback)),
        (
            "complaints/k1.yaml",
            complaint("2026-11-16", "resolved: 2026-11-17\ncsat: 5\n"),
        ),
        (
            "complaints/k2.yaml",
            complaint("2026-11-16", "resolved: 2026-11-18\ncsat: 2\n"),
        ),
        (
            "complaints/k3.yaml",
            complaint("2026-11-09", "resolved: 2026-11-10\ncsat: 1\n"),
        ),
        (
            "complaints/k4.yaml",
            complaint("2026-11-20", "resolved: 2026-11-23 00:00\ncsat: 1\n"),
        ),
    ];
    let shop = shop("", &owned(&files));
    let m = w47(&shop, "2026-11-30");
    // Ratings 5, 4, 3 and csat 5, 2: three of five are 4 or 5.
    assert_close(m.csat, 60.0);
    // NPS 10, 9, 9, 7, 3: 60% promoters − 20% detractors.
    assert_close(m.nps, 40.0);
}

#[test]
fn csat_from_complaints_only_and_nps_detractor_edge() {
    let feedback = "feedback:
  - at: 2026-11-17
    nps: 6
  - at: 2026-11-17
    nps: 8
";
    let files = [
        ("customers/a.yaml", cust("2026-11-01", feedback)),
        (
            "complaints/k1.yaml",
            complaint("2026-11-16", "resolved: 2026-11-17\ncsat: 4\n"),
        ),
    ];
    let shop = shop("", &owned(&files));
    let m = w47(&shop, "2026-11-30");
    assert_close(m.csat, 100.0);
    // 6 is a detractor, 8 passive: 0% − 50%.
    assert_close(m.nps, -50.0);
}

#[test]
fn active_customers_and_retention_windows() {
    // now inside W47: T = 2026-11-20 12:00; T − 60d = 09-21 12:00; T − 120d = 07-23 12:00.
    let c = |orders: &[String]| cust("2026-07-01", &format!("orders:\n{}", orders.concat()));
    let o = |at: &str| order(at, "p1", 1, "");
    let files = [
        (
            "customers/a.yaml",
            c(&[o("2026-09-21 12:00"), o("2026-11-01")]),
        ),
        ("customers/b.yaml", c(&[o("2026-09-21 12:01")])),
        ("customers/c.yaml", c(&[o("2026-07-23 12:00")])),
        ("customers/d.yaml", c(&[o("2026-07-23 12:01")])),
        (
            "customers/e.yaml",
            c(&[order("2026-08-01", "p1", 1, "    cancelled: 2026-08-02\n")]),
        ),
        (
            "customers/f.yaml",
            c(&[o("2026-08-01"), o("2026-11-20 12:00")]),
        ),
        (
            "customers/g.yaml",
            c(&[o("2026-08-01"), o("2026-11-20 12:01")]),
        ),
        (
            "customers/h.yaml",
            c(&[order("2026-08-01", "p1", 1, "    cancelled: 2026-11-21\n")]),
        ),
        ("customers/i.yaml", c(&[o("2026-09-21 12:00")])),
    ];
    let shop = shop("", &owned(&files));
    let m = w47(&shop, "2026-11-20 12:00");
    assert_eq!(m.active_customers, 3); // a b f
    assert_close(m.retention_rate, 2.0 / 6.0); // of a d f g h i: a f
}

#[test]
fn retention_null_without_customers_in_the_previous_window() {
    let files = [(
        "customers/a.yaml",
        cust(
            "2026-11-01",
            &format!("orders:\n{}", order("2026-11-17", "p1", 1, "")),
        ),
    )];
    let shop = shop("", &owned(&files));
    let m = w47(&shop, "2026-11-30");
    assert_eq!(m.active_customers, 1);
    assert_eq!(m.retention_rate, None);
}

#[test]
fn active_window_ends_just_before_next_monday_when_now_is_past() {
    let files = [
        (
            "customers/a.yaml",
            cust(
                "2026-11-01",
                &format!("orders:\n{}", order("2026-11-22 23:59:59", "p1", 1, "")),
            ),
        ),
        (
            "customers/b.yaml",
            cust(
                "2026-11-01",
                &format!("orders:\n{}", order("2026-11-23 00:00", "p1", 1, "")),
            ),
        ),
    ];
    let shop = shop("", &owned(&files));
    assert_eq!(w47(&shop, "2027-01-01").active_customers, 1);
    assert_eq!(w47(&shop, "2026-11-22 23:59:58").active_customers, 0);
}

#[test]
fn inactive_after_setting_moves_the_windows() {
    // inactive_after 7d, T = 2026-11-20 12:00: active (11-13 12:00, T], previous (11-06 12:00, 11-13 12:00].
    let c = |orders: &[String]| cust("2026-10-01", &format!("orders:\n{}", orders.concat()));
    let o = |at: &str| order(at, "p1", 1, "");
    let files = [
        (
            "customers/a.yaml",
            c(&[o("2026-11-13 12:00"), o("2026-11-14")]),
        ),
        ("customers/b.yaml", c(&[o("2026-11-10")])),
        ("customers/c.yaml", c(&[o("2026-11-13 12:01")])),
    ];
    let shop = shop("[service]\ninactive_after = \"7d\"\n", &owned(&files));
    let m = w47(&shop, "2026-11-20 12:00");
    assert_eq!(m.active_customers, 2);
    assert_close(m.retention_rate, 0.5);
}

#[test]
fn period_metrics_for_a_month() {
    let files = [(
        "customers/a.yaml",
        cust(
            "2026-10-20",
            &format!(
                "orders:\n{}{}{}",
                order("2026-10-31 23:59", "p1", 1, ""),
                order("2026-11-01 00:00", "p2", 1, ""),
                order("2026-11-30 23:59", "p3", 2, "")
            ),
        ),
    )];
    let shop = shop("", &owned(&files));
    let m = period_metrics(&shop, t("2026-11-01"), t("2026-12-01"), t("2026-12-15"));
    assert_eq!(m.orders, 2);
    assert_eq!(m.revenue, 30000);
    assert_close(m.repeat_order_rate, 1.0);
    assert_eq!(m.leads_new, 0);
}

#[test]
fn median_helper() {
    assert_eq!(median(&mut []), None);
    assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), Some(2.5));
    assert_eq!(median(&mut [5.0, 1.0, 3.0]), Some(3.0));
}

#[test]
fn complaint_past_missed_still_counts_as_overdue() {
    let files = [
        ("customers/a.yaml", cust("2026-09-01", "")),
        ("complaints/k1.yaml", complaint("2026-10-01", "")),
    ];
    let shop = shop("", &owned(&files));
    let m = w47(&shop, "2026-11-30");
    assert_eq!((m.complaints_open, m.complaints_overdue), (1, 1));
    assert_eq!(m.complaints_opened, 0);
    // Complaint tasks never count as overdue follow-ups.
    assert_eq!(m.followups_overdue, 0);
}

#[test]
fn week_bounds_follow_the_shop_zone() {
    // Asia/Jayapura is UTC+9: 2026-11-15T16:30Z is Monday 01:30 there (Sunday 23:30 in Jakarta).
    let toml = CATALOGUE.replace("Asia/Jakarta", "Asia/Jayapura");
    let files = [(
        "customers/a.yaml",
        cust(
            "2026-11-01",
            &format!(
                "orders:\n{}{}",
                order("2026-11-15T16:30:00Z", "p1", 1, ""),
                order("2026-11-22 23:30", "p2", 1, "")
            ),
        ),
    )];
    let shop = shop_from_texts(&toml, &owned(&files));
    let m = w47(&shop, "2026-11-30");
    assert_eq!(m.orders, 2);
    assert_eq!(m.revenue, 30000);
    let shop = shop_from_texts(CATALOGUE, &owned(&files));
    let m = w47(&shop, "2026-11-30");
    assert_eq!(m.orders, 1);
    assert_eq!(m.revenue, 20000);
}

#[test]
fn disabled_rule_is_not_counted_in_followups_overdue() {
    // Payment late 11-22 10:00: overdue at T; the customer is no lead.
    let files = [(
        "customers/c.yaml",
        cust(
            "2026-11-20 09:00",
            &format!("orders:\n{}", order("2026-11-20 10:00", "p1", 1, "")),
        ),
    )];
    let on = shop("", &owned(&files));
    assert_eq!(w47(&on, "2026-11-30").followups_overdue, 1);
    let off = shop("[rules.payment]\nenabled = false\n", &owned(&files));
    assert_eq!(w47(&off, "2026-11-30").followups_overdue, 0);
}

/// Inbound messages (and one outbound) for the 12-hour reply score.
fn reply_12h_files() -> Vec<(&'static str, String)> {
    let interactions = "interactions:
  - at: 2026-11-15 23:59
    kind: inbound
    replied: 2026-11-16 00:01
  - at: 2026-11-16 00:00
    kind: inbound
  - at: 2026-11-17 08:00
    kind: inbound
    replied: 2026-11-17 20:00
  - at: 2026-11-17 09:00
    kind: inbound
    replied: 2026-11-17 21:01
  - at: 2026-11-18 10:00
    kind: inbound
    replied: 2026-11-18 10:05
  - at: 2026-11-18 11:00
    kind: followup
  - at: 2026-11-22 10:00
    kind: inbound
    replied: 2026-11-23 09:00
  - at: 2026-11-22 13:00
    kind: inbound
  - at: 2026-11-22 14:00
    kind: inbound
    replied: 2026-11-22 15:00
  - at: 2026-11-23 00:00
    kind: inbound
";
    vec![("customers/a.yaml", cust("2026-11-01", interactions))]
}

#[test]
fn reply_12h_rate_judges_answered_and_expired_messages() {
    let shop = shop("", &owned(&reply_12h_files()));
    // Judged: 11-16 00:00 (unanswered, 12h up), 11-17 08:00 (exactly 12h: within),
    // 11-17 09:00 (12h01m), 11-18 10:00 (5 min), 11-22 10:00 (answered only after
    // T, its 12h are up), 11-22 14:00 (answered within the hour). Not judged:
    // 11-22 13:00 (unanswered, 11h before T), the previous week's, the next week's
    // and the outbound follow-up. 3 of 6.
    assert_close(w47(&shop, "2026-11-30").reply_12h_rate, 0.5);
    // At Tuesday 21:00: 11-16 00:00 (no reply, expired), 11-17 08:00 (within),
    // 11-17 09:00 (reply after T, but at + 12h = T): 1 of 3.
    assert_close(w47(&shop, "2026-11-17 21:00").reply_12h_rate, 1.0 / 3.0);
    // A minute earlier 11-17 09:00 is not judged yet.
    assert_close(w47(&shop, "2026-11-17 20:59").reply_12h_rate, 0.5);
    // Monday 11:59: the only message of the week is unanswered and under 12h old.
    assert_eq!(w47(&shop, "2026-11-16 11:59").reply_12h_rate, None);
    assert_close(w47(&shop, "2026-11-16 12:00").reply_12h_rate, 0.0);
}

#[test]
fn reply_12h_rate_counts_calendar_time_not_open_time() {
    let interactions = "interactions:
  - at: 2026-11-19 20:00
    kind: inbound
    replied: 2026-11-20 08:30
  - at: 2026-11-20 16:00
    kind: inbound
    replied: 2026-11-21 03:00
";
    let files = [("customers/a.yaml", cust("2026-11-01", interactions))];
    let shop = shop(HOURS_WEEKDAYS, &owned(&files));
    let m = w47(&shop, "2026-11-30");
    // 12h30m of calendar time is late although only 30 open minutes passed;
    // 11 calendar hours are within although they hold one open hour.
    assert_close(m.reply_12h_rate, 0.5);
    // The response metrics stay in open time: 30 and 60 minutes.
    assert_close(m.response_median_minutes, 45.0);
}

#[test]
fn unanswered_is_a_rolling_window_ending_at_t() {
    let a = "interactions:
  - at: 2026-11-06 12:00
    kind: inbound
  - at: 2026-11-06 12:01
    kind: inbound
  - at: 2026-11-10 09:00
    kind: inbound
    replied: 2026-11-21 09:00
  - at: 2026-11-10 10:00
    kind: inbound
    replied: 2026-11-11 10:00
  - at: 2026-11-12 10:00
    kind: followup
  - at: 2026-11-20 12:00
    kind: inbound
  - at: 2026-11-20 12:01
    kind: inbound
";
    let b = "interactions:\n  - at: 2026-11-15 10:00\n    kind: inbound\n";
    let files = [
        ("customers/a.yaml", cust("2026-11-01", a)),
        ("customers/b.yaml", cust("2026-11-01", b)),
    ];
    let shop = shop("", &owned(&files));
    // T = 11-20 12:00, window (11-06 12:00, T]: 11-06 12:01, 11-10 09:00 (its reply
    // comes after T), 11-20 12:00 (exactly T) and b's 11-15. Not 11-06 12:00
    // (exactly T − 14d), the answered one, the follow-up, nor 11-20 12:01 (after T).
    assert_eq!(w47(&shop, "2026-11-20 12:00").unanswered, 4);
    // Past the week, T is just before 11-23: 11-06 12:01 has left the window and
    // 11-10 09:00 was answered by then; 11-20 12:01 is in.
    assert_eq!(w47(&shop, "2026-11-30").unanswered, 3);
    // Not bounded by the week: the previous week's messages still count.
    assert_eq!(w47(&shop, "2026-11-16 00:00").unanswered, 4);
    let short = shop_from_texts(
        &format!("{CATALOGUE}[service]\nexpire_after = \"7d\"\n"),
        &owned(&files),
    );
    // (11-13 12:00, 11-20 12:00]: b's 11-15 and 11-20 12:00.
    assert_eq!(w47(&short, "2026-11-20 12:00").unanswered, 2);
}

#[test]
fn followups_missed_counts_customer_tasks_expiring_in_w() {
    let files = [
        // lead-1 late 11-02 10:00: expires 11-16 10:00, in W.
        ("customers/c1.yaml", cust("2026-10-31 10:00", "")),
        // lead-1 late 11-01 10:00: expired 11-15 10:00, the week before.
        ("customers/c2.yaml", cust("2026-10-30 10:00", "")),
        // Payment late 11-08 10:00: expires 11-22 10:00, in W.
        (
            "customers/c3.yaml",
            cust(
                "2026-11-06 09:00",
                &format!("orders:\n{}", order("2026-11-06 10:00", "p1", 1, "")),
            ),
        ),
        // Payment late 11-10 10:00: expires 11-24 10:00, still overdue at T.
        (
            "customers/c4.yaml",
            cust(
                "2026-11-08 09:00",
                &format!("orders:\n{}", order("2026-11-08 10:00", "p1", 1, "")),
            ),
        ),
        // lead-1 done 11-01 00:00; lead-2 late 11-04 00:00 expires 11-18 00:00, in W.
        (
            "customers/c5.yaml",
            cust(
                "2026-10-31 10:00",
                "interactions:\n  - at: 2026-11-01 00:00\n    kind: followup\n",
            ),
        ),
        // A complaint-survey (late 11-04 10:00) expiring 11-18 10:00: a complaint
        // task, never a missed follow-up.
        (
            "complaints/k1.yaml",
            "customer: c5\nopened: 2026-10-31 12:00\nsummary: S\nfirst_response: 2026-10-31 12:10\nresolved: 2026-11-01 10:00\n"
                .to_string(),
        ),
    ];
    let shop = shop("", &owned(&files));
    let m = w47(&shop, "2026-11-30");
    assert_eq!(m.followups_missed, 3);
    // Overdue and missed do not overlap: c4 is overdue.
    assert_eq!(m.followups_overdue, 1);
    assert_eq!(week(&shop, "2026-W46", "2026-11-30").followups_missed, 1);
    // Seen mid-week: c5's lead-2 expires exactly at T = 11-18 00:00.
    assert_eq!(w47(&shop, "2026-11-18 00:00").followups_missed, 2);
    assert_eq!(w47(&shop, "2026-11-17 23:59").followups_missed, 1);
    // The next week counts none of them again, only c4 (expired 11-24 10:00).
    assert_eq!(week(&shop, "2026-W48", "2026-11-30").followups_missed, 1);
}

#[test]
fn unpaid_orders_and_amount_at_t_whatever_week() {
    let a = format!(
        "orders:\n{}{}{}{}{}{}",
        // Old and unpaid: counted.
        order("2026-09-02", "p1", 2, ""),
        // Paid in W.
        order("2026-11-17", "p2", 1, "    paid: 2026-11-17\n"),
        // Cancelled and unpaid: not counted once cancelled.
        order(
            "2026-11-18 00:00",
            "p1",
            1,
            "        price: 9000\n    cancelled: 2026-11-19\n"
        ),
        // Paid only after T: unpaid at T.
        order("2026-11-19", "p2", 3, "    paid: 2026-11-23 00:00\n"),
        // Placed after T.
        order("2026-11-23 00:00", "p1", 1, ""),
        // Cancelled after T: still counts at T.
        order("2026-11-20", "p3", 1, "    cancelled: 2026-11-23 00:00\n"),
    );
    let files = [
        ("customers/a.yaml", cust("2026-09-01", &a)),
        (
            "customers/b.yaml",
            cust(
                "2026-10-01",
                &format!("orders:\n{}", order("2026-11-01", "p3", 2, "")),
            ),
        ),
    ];
    let shop = shop("", &owned(&files));
    let m = w47(&shop, "2026-11-30");
    // 20000 + 60000 + 5000 + b's 10000.
    assert_eq!((m.unpaid_orders, m.unpaid_amount), (4, 95000));
    // Wednesday noon: 20000, the 9000 not yet cancelled, b's 10000.
    let m = w47(&shop, "2026-11-18 12:00");
    assert_eq!((m.unpaid_orders, m.unpaid_amount), (3, 39000));
    // W48 at 11-30: 20000, the order of 11-23 (10000), b's 10000.
    let m = week(&shop, "2026-W48", "2026-11-30");
    assert_eq!((m.unpaid_orders, m.unpaid_amount), (3, 40000));
}

#[test]
fn new_metrics_show_and_change_with_the_shop_currency_and_direction() {
    use crate::lang::format::{change, metric as show};
    use crate::shop::config::{Config, Lang};
    let mut cfg = Config::for_tests("Asia/Jakarta");
    cfg.currency = "USD".into();
    cfg.language = Lang::En;
    let mut this = Tally::default().finish();
    let mut prev = Tally::default().finish();
    this.unpaid_amount = 1_250_000;
    prev.unpaid_amount = 250_000;
    this.reply_12h_rate = Some(0.75);
    prev.reply_12h_rate = Some(0.5);
    this.unanswered = 2;
    prev.unanswered = 5;
    assert_eq!(show(Metric::UnpaidAmount, &this, &cfg), "1,250,000 USD");
    assert_eq!(show(Metric::Reply12hRate, &this, &cfg), "75%");
    assert_eq!(show(Metric::Unanswered, &this, &cfg), "2");
    let ch = change(Metric::UnpaidAmount, &this, &prev, &cfg);
    assert_eq!((ch.text.as_str(), ch.tone), ("▲ 1,000,000 USD", "bad"));
    let ch = change(Metric::Revenue, &this, &prev, &cfg);
    assert_eq!(ch.tone, "neutral");
    this.revenue = 1000;
    assert_eq!(
        change(Metric::Revenue, &this, &prev, &cfg).text,
        "▲ 1,000 USD"
    );
    let ch = change(Metric::Reply12hRate, &this, &prev, &cfg);
    assert_eq!((ch.text.as_str(), ch.tone), ("▲ 25 pts", "good"));
    let ch = change(Metric::Unanswered, &this, &prev, &cfg);
    assert_eq!((ch.direction, ch.tone), ("down", "good"));
    let newer = [
        Metric::Unanswered,
        Metric::FollowupsMissed,
        Metric::UnpaidOrders,
        Metric::UnpaidAmount,
    ];
    for k in newer {
        assert!(!k.higher_is_better(), "{}", k.name());
        assert!(k.value(&this).is_some(), "{}", k.name());
    }
    assert!(Metric::Reply12hRate.higher_is_better());
    // Every metric has its labels.
    for k in Metric::ALL {
        assert!(
            !crate::lang::metric_label(k, Lang::Id).is_empty(),
            "{}",
            k.name()
        );
        assert!(
            !crate::lang::metric_help(k, Lang::En).is_empty(),
            "{}",
            k.name()
        );
    }
}

/// The new shares are additive: a shop's tally is the sum of its customers',
/// and taking one customer's share away leaves the others' sum.
#[test]
fn new_tally_fields_merge_and_unmerge() {
    let files = reply_12h_files();
    let mut files: Vec<(&str, String)> = files;
    files.push((
        "customers/b.yaml",
        cust(
            "2026-10-01",
            &format!("orders:\n{}", order("2026-11-01", "p3", 2, "")),
        ),
    ));
    let shop = shop("", &owned(&files));
    let w = Week::parse("2026-W47").expect("week");
    let (start, end) = w.bounds(&shop.config.timezone);
    let now = t("2026-11-30");
    let tasks = evaluate(&shop, as_of(end, now));
    let mut total = shop_tally(&shop, start, end, now, &tasks);
    let starts = task_starts(&tasks, shop.customers.len());
    let b = *shop.customer_index.get("b").expect("b");
    let part = customer_tally(&shop, b, start, end, now, &tasks[starts[b]..starts[b + 1]]);
    assert_eq!(part.finish().unpaid_amount, 10000);
    total.merge(&part, -1);
    let a = *shop.customer_index.get("a").expect("a");
    let only_a = customer_tally(&shop, a, start, end, now, &tasks[starts[a]..starts[a + 1]]);
    assert_eq!(total, only_a);
    let m = total.finish();
    assert_eq!((m.unpaid_orders, m.unpaid_amount), (0, 0));
    assert_close(m.reply_12h_rate, 0.5);
    // 11-16 00:00, 11-22 10:00 (answered after T) and 11-22 13:00.
    assert_eq!(m.unanswered, 3);
}
