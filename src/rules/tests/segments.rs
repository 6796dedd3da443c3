//! Segments: lifecycle, unpaid, value tier.

use super::*;

fn seg(shop: &Shop, id: &str, now: &str) -> Segments {
    segments(&shop.config, shop.customer(id).expect("customer"), t(now))
}

fn orders_yaml(orders: &[&str]) -> String {
    let mut s = String::from("name: X\nfirst_contact: 2025-01-01\norders:\n");
    for o in orders {
        s.push_str(o);
    }
    s
}

fn order(at: &str, price: i64, extra: &str) -> String {
    format!("  - at: {at}\n    items:\n      - product: kuas\n        price: {price}\n{extra}")
}

#[test]
fn lifecycle_at_the_window_boundary() {
    // T = 2026-11-30 10:00; T − 60d = 2026-10-01 10:00.
    let now = "2026-11-30 10:00";
    let o = |at: &str| order(at, 1000, "");
    let files = [
        (
            "customers/lead.yaml",
            "name: L\nfirst_contact: 2025-01-01\n".to_string(),
        ),
        (
            "customers/lead-cancelled.yaml",
            orders_yaml(&[&order("2026-11-01", 1000, "    cancelled: 2026-11-02\n")]),
        ),
        (
            "customers/lead-future.yaml",
            orders_yaml(&[&o("2026-11-30 10:01")]),
        ),
        ("customers/new.yaml", orders_yaml(&[&o("2026-10-01 10:01")])),
        (
            "customers/new-at-t.yaml",
            orders_yaml(&[&o("2026-11-30 10:00")]),
        ),
        (
            "customers/edge.yaml",
            orders_yaml(&[&o("2026-10-01 10:00")]),
        ),
        (
            "customers/repeat.yaml",
            orders_yaml(&[&o("2026-09-01"), &o("2026-10-01 10:01")]),
        ),
        (
            "customers/inactive.yaml",
            orders_yaml(&[&o("2026-09-01"), &o("2026-10-01 10:00")]),
        ),
    ];
    let files: Vec<(&str, &str)> = files.iter().map(|(p, y)| (*p, y.as_str())).collect();
    let shop = shop("", &files);
    let life = |id| seg(&shop, id, now).lifecycle;
    assert_eq!(life("lead"), Lifecycle::Lead);
    assert_eq!(life("lead-cancelled"), Lifecycle::Lead);
    assert_eq!(life("lead-future"), Lifecycle::Lead);
    assert_eq!(life("new"), Lifecycle::New);
    assert_eq!(life("new-at-t"), Lifecycle::New);
    assert_eq!(life("edge"), Lifecycle::Inactive);
    assert_eq!(life("repeat"), Lifecycle::Repeat);
    assert_eq!(life("inactive"), Lifecycle::Inactive);
    let l = seg(&shop, "lead-cancelled", now);
    assert_eq!((l.orders, l.last_order, l.value), (0, None, None));
    assert!(!l.unpaid);
    let r = seg(&shop, "repeat", now);
    assert_eq!(r.orders, 2);
    assert_eq!(r.last_order.map(|e| e.t), Some(t("2026-10-01 10:01")));
}

#[test]
fn value_tiers_at_exact_thresholds() {
    let now = "2026-11-30 10:00";
    let paid = "    paid: 2026-11-01 12:00\n";
    let files = [
        (
            "customers/high.yaml",
            orders_yaml(&[&order("2026-11-01", 1_000_000, paid)]),
        ),
        (
            "customers/medium-top.yaml",
            orders_yaml(&[&order("2026-11-01", 999_999, paid)]),
        ),
        (
            "customers/medium.yaml",
            orders_yaml(&[&order("2026-11-01", 300_000, paid)]),
        ),
        (
            "customers/low.yaml",
            orders_yaml(&[&order("2026-11-01", 299_999, paid)]),
        ),
        (
            "customers/unpaid.yaml",
            orders_yaml(&[&order("2026-11-01", 5_000_000, "")]),
        ),
    ];
    let files: Vec<(&str, &str)> = files.iter().map(|(p, y)| (*p, y.as_str())).collect();
    let shop = shop("", &files);
    let v = |id| seg(&shop, id, now);
    assert_eq!(v("high").value, Some(Value::High));
    assert_eq!(v("high").spend_365d, 1_000_000);
    assert_eq!(v("medium-top").value, Some(Value::Medium));
    assert_eq!(v("medium").value, Some(Value::Medium));
    assert_eq!(v("low").value, Some(Value::Low));
    assert!(!v("low").unpaid);
    // Unpaid orders are no spend.
    assert_eq!(v("unpaid").value, Some(Value::Low));
    assert_eq!(v("unpaid").spend_365d, 0);
    assert!(v("unpaid").unpaid);
}

#[test]
fn spend_365d_counts_orders_paid_in_the_last_365_days() {
    // T = 2026-11-30 10:00; T − 365d = 2025-11-30 10:00.
    let now = "2026-11-30 10:00";
    let yaml = orders_yaml(&[
        &order("2025-11-30 09:00", 500_000, "    paid: 2025-11-30 10:00\n"),
        &order("2025-11-30 09:00", 400_000, "    paid: 2025-11-30 10:01\n"),
        &order("2026-11-29", 100_000, "    paid: 2026-11-30 10:01\n"),
        &order("2026-11-29", 50_000, ""),
        &order(
            "2026-11-01",
            70_000,
            "    paid: 2026-11-01\n    cancelled: 2026-11-02\n",
        ),
        &order("2026-11-01", 9_000, "    paid: 2026-11-30 10:00\n"),
    ]);
    let shop = shop("", &[("customers/x.yaml", &yaml)]);
    let s = seg(&shop, "x", now);
    assert_eq!(s.spend_365d, 409_000);
    assert_eq!(s.value, Some(Value::Medium));
    assert!(s.unpaid);
    assert_eq!(s.orders, 5);
    assert_eq!(s.last_order.map(|e| e.t), Some(t("2026-11-29")));
    assert_eq!(s.lifecycle, Lifecycle::Repeat);
}

#[test]
fn unpaid_ignores_cancelled_orders() {
    let yaml = orders_yaml(&[
        &order("2026-11-01", 1000, "    paid: 2026-11-01\n"),
        &order("2026-11-02", 1000, "    cancelled: 2026-11-03\n"),
    ]);
    let shop = shop("", &[("customers/x.yaml", &yaml)]);
    assert!(!seg(&shop, "x", "2026-11-04").unpaid);
    // Before the cancellation, the second order is an unpaid order.
    assert!(seg(&shop, "x", "2026-11-02 12:00").unpaid);
}

#[test]
fn unpaid_when_paid_only_after_t() {
    let yaml = orders_yaml(&[&order("2026-11-01", 1000, "    paid: 2026-11-05\n")]);
    let shop = shop("", &[("customers/x.yaml", &yaml)]);
    let s = seg(&shop, "x", "2026-11-04 23:59");
    assert!(s.unpaid);
    assert_eq!(s.spend_365d, 0);
    let s = seg(&shop, "x", "2026-11-05");
    assert!(!s.unpaid);
    assert_eq!(s.spend_365d, 1000);
}
