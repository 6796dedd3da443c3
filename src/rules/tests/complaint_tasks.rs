//! Complaint tasks: response, resolution (open time), survey.

use super::*;

const OPEN_COMPLAINT: &str = "customer: a\nopened: 2026-11-06 08:00\nsummary: Salah kirim\n";

#[test]
fn complaint_response_and_resolve_without_hours() {
    let shop = complaint_shop("", OPEN_COMPLAINT, "");
    let tasks = ktasks(&shop, "2026-11-06 08:00");
    assert_eq!(
        rules_of(&tasks),
        vec![Rule::ComplaintResponse, Rule::ComplaintResolve]
    );
    let resp = &tasks[0];
    assert_eq!(resp.complaint, Some(0));
    assert_eq!(resp.anchor.field, "opened");
    assert_eq!(resp.due, t("2026-11-06 08:05"));
    // Window 0: late = due.
    assert_eq!(resp.late, t("2026-11-06 08:05"));
    assert_eq!(resp.admin.as_deref(), Some("dewi"));
    let resolve = &tasks[1];
    assert_eq!(resolve.due, t("2026-11-07 08:00"));
    assert_eq!(resolve.late, t("2026-11-07 08:00"));
    let r = |now| status(&shop, now, Rule::ComplaintResponse);
    assert_eq!(r("2026-11-06 08:04:59"), Status::Upcoming);
    assert_eq!(r("2026-11-06 08:05"), Status::Overdue);
    assert_eq!(r("2026-11-20 08:04:59"), Status::Overdue);
    // An open complaint never expires (SPEC §4): still overdue long after.
    assert_eq!(r("2026-11-20 08:05"), Status::Overdue);
    assert_eq!(r("2027-06-01 00:00"), Status::Overdue);
    assert_eq!(
        status(&shop, "2026-11-07 07:59", Rule::ComplaintResolve),
        Status::Upcoming
    );
    assert_eq!(
        status(&shop, "2026-11-07 08:00", Rule::ComplaintResolve),
        Status::Overdue
    );
    // Not yet opened at T.
    assert!(ktasks(&shop, "2026-11-06 07:59:59").is_empty());
}

#[test]
fn complaint_response_done_by_first_response() {
    let k = "customer: a\nopened: 2026-11-06 08:00\nsummary: S\nfirst_response: 2026-11-06 08:10\n";
    let shop = complaint_shop("", k, "");
    assert_eq!(
        status(&shop, "2026-11-06 08:09", Rule::ComplaintResponse),
        Status::Overdue
    );
    let x = one(&shop, "2026-11-06 08:10", Rule::ComplaintResponse);
    assert_eq!(x.status, Status::Done);
    assert_eq!(x.done.map(|d| d.ev.t), Some(t("2026-11-06 08:10")));
    // first_response does not resolve.
    assert_eq!(
        status(&shop, "2026-11-06 08:10", Rule::ComplaintResolve),
        Status::Upcoming
    );
}

#[test]
fn complaint_response_done_by_resolved_and_survey_follows() {
    let k = "customer: a\nopened: 2026-11-06 08:00\nsummary: S\nresolved: 2026-11-06 12:00\n";
    let shop = complaint_shop("", k, "");
    let before = ktasks(&shop, "2026-11-06 11:59");
    assert_eq!(
        rules_of(&before),
        vec![Rule::ComplaintResponse, Rule::ComplaintResolve]
    );
    assert_eq!(before[0].status, Status::Overdue);
    let after = ktasks(&shop, "2026-11-06 12:00");
    assert_eq!(
        rules_of(&after),
        vec![
            Rule::ComplaintResponse,
            Rule::ComplaintResolve,
            Rule::ComplaintSurvey
        ]
    );
    assert_eq!(after[0].status, Status::Done);
    assert_eq!(after[1].status, Status::Done);
    assert_eq!(after[1].done.map(|d| d.ev.t), Some(t("2026-11-06 12:00")));
    let s = &after[2];
    assert_eq!(s.anchor.field, "resolved");
    assert_eq!(s.due, t("2026-11-07 12:00"));
    assert_eq!(s.late, t("2026-11-09 12:00"));
    assert_eq!(s.status, Status::Upcoming);
    assert_eq!(s.admin.as_deref(), Some("dewi"));
    let sv = |now| status(&shop, now, Rule::ComplaintSurvey);
    assert_eq!(sv("2026-11-07 12:00"), Status::Due);
    assert_eq!(sv("2026-11-09 12:00"), Status::Overdue);
    assert_eq!(sv("2026-11-23 12:00"), Status::Missed);
}

#[test]
fn complaint_survey_done_by_survey_after_resolved_or_csat() {
    let k = "customer: a\nopened: 2026-11-06 08:00\nsummary: S\nresolved: 2026-11-06 12:00\n";
    // A survey before resolution and a followup after it do not count.
    let shop = complaint_shop(
        "",
        k,
        "interactions:\n  - at: 2026-11-06 11:00\n    kind: survey\n  - at: 2026-11-07 09:00\n    kind: followup\n",
    );
    assert_eq!(
        status(&shop, "2026-11-08", Rule::ComplaintSurvey),
        Status::Due
    );
    // A survey at exactly `resolved` counts.
    let shop = complaint_shop(
        "",
        k,
        "interactions:\n  - at: 2026-11-06 12:00\n    kind: survey\n",
    );
    assert_eq!(
        status(&shop, "2026-11-06 12:00", Rule::ComplaintSurvey),
        Status::Done
    );
    // csat set: done.
    let shop = complaint_shop("", &format!("{k}csat: 4\n"), "");
    assert_eq!(
        status(&shop, "2026-11-30", Rule::ComplaintSurvey),
        Status::Done
    );
}

#[test]
fn complaint_resolved_later_than_t_is_open() {
    let k = "customer: a\nopened: 2026-11-06 08:00\nsummary: S\nfirst_response: 2026-11-06 08:01\nresolved: 2026-11-10 12:00\n";
    let shop = complaint_shop("", k, "");
    let tasks = ktasks(&shop, "2026-11-08");
    assert_eq!(
        rules_of(&tasks),
        vec![Rule::ComplaintResponse, Rule::ComplaintResolve]
    );
    assert_eq!(tasks[0].status, Status::Done);
    assert_eq!(tasks[1].status, Status::Overdue);
}

#[test]
fn complaint_task_admin_falls_back_to_customer() {
    let shop = shop(
        "",
        &[
            ("customers/a.yaml", CUSTOMER_DEWI),
            (
                "customers/b.yaml",
                "name: B\nfirst_contact: 2026-11-01 10:00\n",
            ),
            (
                "complaints/k1.yaml",
                "customer: a\nopened: 2026-11-06 08:00\nsummary: S\nadmin: rudi\n",
            ),
            (
                "complaints/k2.yaml",
                "customer: a\nopened: 2026-11-06 08:00\nsummary: S\n",
            ),
            (
                "complaints/k3.yaml",
                "customer: b\nopened: 2026-11-06 08:00\nsummary: S\n",
            ),
        ],
    );
    let tasks = all(&shop, "2026-11-06 09:00");
    let admin_of = |k: usize| -> Vec<Option<String>> {
        tasks
            .iter()
            .filter(|x| x.complaint == Some(k))
            .map(|x| x.admin.clone())
            .collect()
    };
    assert_eq!(admin_of(0), vec![Some("rudi".to_string()); 2]);
    assert_eq!(admin_of(1), vec![Some("dewi".to_string()); 2]);
    assert_eq!(admin_of(2), vec![None, None]);
}

#[test]
fn complaint_waits_count_open_time() {
    let files = [
        ("customers/a.yaml", CUSTOMER_DEWI),
        // Saturday: counting starts Monday 08:00.
        (
            "complaints/k1.yaml",
            "customer: a\nopened: 2026-11-21 10:00\nsummary: S\n",
        ),
        // Monday 16:30: 30 open minutes end exactly at closing time.
        (
            "complaints/k2.yaml",
            "customer: a\nopened: 2026-11-23 16:30\nsummary: S\n",
        ),
        // Friday after closing: counting starts Monday 08:00.
        (
            "complaints/k3.yaml",
            "customer: a\nopened: 2026-11-20 20:00\nsummary: S\n",
        ),
    ];
    let shop = shop(
        &format!("{HOURS}[service]\nresponse_target = \"30m\"\n"),
        &files,
    );
    let tasks = all(&shop, "2026-11-30");
    let due = |k: usize, r: Rule| {
        tasks
            .iter()
            .find(|x| x.complaint == Some(k) && x.rule == r)
            .map(|x| x.due)
            .expect("task")
    };
    assert_eq!(due(0, Rule::ComplaintResponse), t("2026-11-23 08:30"));
    // 24 open hours: Monday 9h, Tuesday holiday, Wednesday 9h, Thursday 6h.
    assert_eq!(due(0, Rule::ComplaintResolve), t("2026-11-26 14:00"));
    assert_eq!(due(1, Rule::ComplaintResponse), t("2026-11-23 17:00"));
    // Monday 0.5h, Wednesday 9h, Thursday 9h, Friday 5.5h.
    assert_eq!(due(1, Rule::ComplaintResolve), t("2026-11-27 13:30"));
    assert_eq!(due(2, Rule::ComplaintResponse), t("2026-11-23 08:30"));
    assert!(tasks
        .iter()
        .filter(|x| x.complaint.is_some())
        .all(|x| x.open_time && x.late == x.due));
    // Status at the open-time due, inclusive.
    let k1 = |now: &str| {
        all(&shop, now)
            .into_iter()
            .find(|x| x.complaint == Some(0) && x.rule == Rule::ComplaintResponse)
            .map(|x| x.status)
            .expect("task")
    };
    assert_eq!(k1("2026-11-23 08:29"), Status::Upcoming);
    assert_eq!(k1("2026-11-23 08:30"), Status::Overdue);
    // Past late + expire_after an open complaint is still overdue (SPEC §4).
    assert_eq!(k1("2026-12-07 08:29"), Status::Overdue);
    assert_eq!(k1("2026-12-07 08:30"), Status::Overdue);
}

#[test]
fn other_waits_stay_calendar_time_with_hours() {
    let yaml = "name: A
first_contact: 2026-11-21 10:00
orders:
  - at: 2026-11-21 10:00
    items:
      - product: kuas
    shipped: 2026-11-21 20:00
";
    let shop = shop(HOURS, &[("customers/a.yaml", yaml)]);
    let p = one(&shop, "2026-11-21 21:00", Rule::Payment);
    assert_eq!(p.due, t("2026-11-22 10:00"));
    assert_eq!(p.late, t("2026-11-23 10:00"));
    assert!(!p.open_time);
    let s = one(&shop, "2026-11-21 21:00", Rule::Shipping);
    assert_eq!(s.due, t("2026-11-21 20:00"));
    assert_eq!(s.late, t("2026-11-22 20:00"));
    let a = one(&shop, "2026-11-21 21:00", Rule::Aftercare);
    assert_eq!(a.due, t("2026-11-26 20:00"));
}

#[test]
fn survey_wait_is_calendar_time_with_hours() {
    let k = "customer: a\nopened: 2026-11-20 10:00\nsummary: S\nresolved: 2026-11-20 16:00\n";
    let shop = complaint_shop(HOURS, k, "");
    let s = one(&shop, "2026-11-21", Rule::ComplaintSurvey);
    assert_eq!(s.due, t("2026-11-21 16:00"));
    assert_eq!(s.late, t("2026-11-23 16:00"));
}

#[test]
fn zero_open_time_wait_gives_due_at_the_anchor_even_outside_hours() {
    // Saturday: closed, yet a wait of 0 gives due = anchor.
    let k = "customer: a\nopened: 2026-11-21 10:00\nsummary: S\n";
    let shop = complaint_shop(
        &format!("{HOURS}[rules.complaint-response]\nwait = \"0\"\n"),
        k,
        "",
    );
    let x = one(&shop, "2026-11-21 10:00", Rule::ComplaintResponse);
    assert_eq!(x.due, t("2026-11-21 10:00"));
    assert_eq!(x.status, Status::Overdue);
}
