//! Response times and follow-ups.

use super::*;

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
