//! `[rules.NAME]` overrides: wait, window, enabled.

use super::*;

#[test]
fn override_wait_and_window() {
    let shop = shop(
        "[rules.payment]\nwait = \"2h\"\nwindow = \"1h\"\n",
        &[("customers/a.yaml", ONE_ORDER)],
    );
    let x = one(&shop, "2026-11-02 10:00", Rule::Payment);
    assert_eq!(x.due, t("2026-11-02 12:00"));
    assert_eq!(x.late, t("2026-11-02 13:00"));
    assert_eq!(x.wait_reason, WaitReason::Overridden);
    assert_eq!(
        status(&shop, "2026-11-02 12:00", Rule::Payment),
        Status::Due
    );
    assert_eq!(
        status(&shop, "2026-11-02 13:00", Rule::Payment),
        Status::Overdue
    );
    assert_eq!(
        status(&shop, "2026-11-16 13:00", Rule::Payment),
        Status::Missed
    );
}

#[test]
fn override_wait_replaces_repeat_and_aftercare_waits_whole() {
    let yaml = "name: A
first_contact: 2026-11-01 10:00
orders:
  - at: 2026-11-01 10:00
    items:
      - product: serum
        qty: 3
    paid: 2026-11-01 10:00
    shipped: 2026-11-02 10:00
    delivered: 2026-11-03 10:00
";
    let shop = shop(
        "[rules.repeat]\nwait = \"10d\"\n[rules.aftercare]\nwait = \"1d\"\n",
        &[("customers/a.yaml", yaml)],
    );
    // Not delivered yet: repeat from the order time, aftercare from shipped.
    let r = one(&shop, "2026-11-02 12:00", Rule::Repeat);
    assert_eq!(r.wait, Dur::days(10));
    assert_eq!(r.due, t("2026-11-11 10:00"));
    assert_eq!(r.late, t("2026-11-18 10:00"));
    let a = one(&shop, "2026-11-02 12:00", Rule::Aftercare);
    assert_eq!(a.due, t("2026-11-03 10:00"));
    // Delivered: both from delivered.
    let r = one(&shop, "2026-11-03 10:00", Rule::Repeat);
    assert_eq!(r.due, t("2026-11-13 10:00"));
    let a = one(&shop, "2026-11-03 10:00", Rule::Aftercare);
    assert_eq!(a.due, t("2026-11-04 10:00"));
    assert_eq!(a.late, t("2026-11-07 10:00"));
}

#[test]
fn override_wait_of_complaint_rule_stays_open_time() {
    let k = "customer: a\nopened: 2026-11-21 10:00\nsummary: S\n";
    let shop = complaint_shop(
        &format!("{HOURS}[rules.complaint-response]\nwait = \"1h\"\n[rules.complaint-resolve]\nwait = \"10h\"\nwindow = \"2h\"\n"),
        k,
        "",
    );
    let x = one(&shop, "2026-11-21 12:00", Rule::ComplaintResponse);
    assert_eq!(x.due, t("2026-11-23 09:00"));
    assert_eq!(x.late, t("2026-11-23 09:00"));
    // Monday 9h, Tuesday holiday, Wednesday 1h; the window is calendar time.
    let x = one(&shop, "2026-11-21 12:00", Rule::ComplaintResolve);
    assert_eq!(x.due, t("2026-11-25 09:00"));
    assert_eq!(x.late, t("2026-11-25 11:00"));
    assert_eq!(
        status(&shop, "2026-11-25 09:00", Rule::ComplaintResolve),
        Status::Due
    );
}

#[test]
fn disabled_rule_hides_tasks_but_lead_chain_runs_through_it() {
    let yaml = "name: A
first_contact: 2026-11-02 10:00
interactions:
  - at: 2026-11-03 10:00
    kind: followup
";
    let shop = shop(
        "[rules.lead-1]\nenabled = false\n",
        &[("customers/a.yaml", yaml)],
    );
    assert!(all(&shop, "2026-11-03 09:59").is_empty());
    let tasks = all(&shop, "2026-11-04");
    assert_eq!(rules_of(&tasks), vec![Rule::Lead2]);
    assert_eq!(tasks[0].anchor.ev.t, t("2026-11-03 10:00"));
    assert_eq!(tasks[0].due, t("2026-11-05 10:00"));
}

#[test]
fn disabled_payment_hides_only_payment() {
    let shop = shop(
        "[rules.payment]\nenabled = false\n[rules.lead-2]\nwait = \"1h\"\n",
        &[
            ("customers/a.yaml", ONE_ORDER),
            (
                "customers/b.yaml",
                "name: B\nfirst_contact: 2026-11-02 10:00\ninteractions:\n  - at: 2026-11-02 11:00\n    kind: followup\n",
            ),
        ],
    );
    let tasks = all(&shop, "2026-11-03");
    assert_eq!(rules_of(&tasks), vec![Rule::Lead1, Rule::Lead2]);
    assert_eq!(tasks[1].due, t("2026-11-02 12:00"));
}

#[test]
fn disabled_complaint_survey_and_override_windows() {
    let k = "customer: a\nopened: 2026-11-06 08:00\nsummary: S\nresolved: 2026-11-06 12:00\n";
    let shop = complaint_shop(
        "[rules.complaint-survey]\nenabled = false\n[rules.lead-1]\nwindow = \"2h\"\n",
        k,
        "",
    );
    let kt = ktasks(&shop, "2026-11-10");
    assert_eq!(
        rules_of(&kt),
        vec![Rule::ComplaintResponse, Rule::ComplaintResolve]
    );
    let l1 = one(&shop, "2026-11-02 12:00", Rule::Lead1);
    assert_eq!(l1.due, t("2026-11-02 10:00"));
    assert_eq!(l1.late, t("2026-11-02 12:00"));
    assert_eq!(l1.status, Status::Overdue);
}
