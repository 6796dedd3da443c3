//! Complaint counts, AHT, FCR, CSAT and NPS.

use super::*;

pub(super) fn complaint(opened: &str, extra: &str) -> String {
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
