//! Active customers, retention, months and week bounds.

use super::complaints::complaint;
use super::*;

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
