//! The lead chain: three follow-ups, each anchored at the one before.

use super::*;

#[test]
fn lead_one_boundaries() {
    let shop = shop_from_texts(
        TOML,
        &[(
            "customers/a.yaml",
            "name: A\nfirst_contact: 2026-11-02 10:00\n",
        )],
    );
    let at = |s: &str| tasks_for_customer(&shop, 0, t(s));
    assert_eq!(at("2026-11-03 09:59")[0].status, Status::Upcoming);
    assert_eq!(at("2026-11-03 10:00")[0].status, Status::Due);
    assert_eq!(at("2026-11-04 10:00")[0].status, Status::Overdue);
    assert_eq!(at("2026-11-18 10:00")[0].status, Status::Missed);
    assert!(at("2026-11-02 09:59").is_empty());
}

#[test]
fn lead_one_anchor_due_late_and_inclusive_t() {
    let shop = shop(
        "",
        &[(
            "customers/a.yaml",
            "name: A\nfirst_contact: 2026-11-02 10:00\n",
        )],
    );
    // The customer exists at exactly first_contact.
    let x = one(&shop, "2026-11-02 10:00", Rule::Lead1);
    assert_eq!(x.anchor.field, "first_contact");
    assert_eq!(x.anchor.ev.t, t("2026-11-02 10:00"));
    assert_eq!(x.due, t("2026-11-03 10:00"));
    assert_eq!(x.late, t("2026-11-04 10:00"));
    assert_eq!(x.status, Status::Upcoming);
    assert_eq!(
        (x.order, x.complaint, x.category.clone()),
        (None, None, None)
    );
    assert_eq!(x.done, None);
    // Just before each boundary.
    assert_eq!(
        status(&shop, "2026-11-04 09:59:59", Rule::Lead1),
        Status::Due
    );
    assert_eq!(
        status(&shop, "2026-11-18 09:59:59", Rule::Lead1),
        Status::Overdue
    );
    // Only lead-1 exists while it is not done.
    assert_eq!(rules_of(&all(&shop, "2026-11-20")), vec![Rule::Lead1]);
}

#[test]
fn lead_chain_each_followup_completes_one_step_even_at_one_timestamp() {
    let yaml = "name: A
first_contact: 2026-11-02 10:00
interactions:
  - at: 2026-11-02 09:00
    kind: followup
  - at: 2026-11-03 12:00
    kind: followup
  - at: 2026-11-03 12:00
    kind: followup
";
    let shop = shop("", &[("customers/a.yaml", yaml)]);
    let tasks = all(&shop, "2026-11-04 00:00");
    assert_eq!(
        rules_of(&tasks),
        vec![Rule::Lead1, Rule::Lead2, Rule::Lead3]
    );
    // The 09:00 followup is before first_contact and ignored.
    let l1 = &tasks[0];
    assert_eq!(l1.status, Status::Done);
    assert_eq!(l1.done.map(|d| d.ev.t), Some(t("2026-11-03 12:00")));
    let l2 = &tasks[1];
    assert_eq!(l2.anchor.ev.t, t("2026-11-03 12:00"));
    assert_eq!(l2.due, t("2026-11-05 12:00"));
    assert_eq!(l2.late, t("2026-11-06 12:00"));
    assert_eq!(l2.status, Status::Done);
    assert_eq!(l2.done.map(|d| d.ev.t), Some(t("2026-11-03 12:00")));
    // lead-3: anchored where lead-2 was done, wait 3d, window 2d.
    let l3 = &tasks[2];
    assert_eq!(l3.anchor.ev.t, t("2026-11-03 12:00"));
    assert_eq!(l3.due, t("2026-11-06 12:00"));
    assert_eq!(l3.late, t("2026-11-08 12:00"));
    assert_eq!(l3.status, Status::Upcoming);
    assert_eq!(status(&shop, "2026-11-06 12:00", Rule::Lead3), Status::Due);
    assert_eq!(
        status(&shop, "2026-11-08 12:00", Rule::Lead3),
        Status::Overdue
    );
    assert_eq!(
        status(&shop, "2026-11-22 12:00", Rule::Lead3),
        Status::Missed
    );
}

#[test]
fn lead_chain_followup_at_first_contact_counts() {
    let yaml = "name: A
first_contact: 2026-11-02 10:00
interactions:
  - at: 2026-11-02 10:00
    kind: followup
";
    let shop = shop("", &[("customers/a.yaml", yaml)]);
    let l1 = one(&shop, "2026-11-02 10:00", Rule::Lead1);
    assert_eq!(l1.status, Status::Done);
    let l2 = one(&shop, "2026-11-02 10:00", Rule::Lead2);
    assert_eq!(l2.due, t("2026-11-04 10:00"));
}

#[test]
fn lead_chain_ignores_followups_later_than_t() {
    let yaml = "name: A
first_contact: 2026-11-02 10:00
interactions:
  - at: 2026-11-05 10:00
    kind: followup
";
    let shop = shop("", &[("customers/a.yaml", yaml)]);
    let before = all(&shop, "2026-11-05 09:59");
    assert_eq!(rules_of(&before), vec![Rule::Lead1]);
    assert_eq!(before[0].status, Status::Overdue);
    let after = all(&shop, "2026-11-05 10:00");
    assert_eq!(rules_of(&after), vec![Rule::Lead1, Rule::Lead2]);
    assert_eq!(after[0].status, Status::Done);
    assert_eq!(after[1].anchor.ev.t, t("2026-11-05 10:00"));
    assert_eq!(after[1].due, t("2026-11-07 10:00"));
    assert_eq!(after[1].status, Status::Upcoming);
}

#[test]
fn lead_chain_stops_after_lead_three() {
    let yaml = "name: A
first_contact: 2026-11-02 10:00
interactions:
  - at: 2026-11-03 10:00
    kind: followup
  - at: 2026-11-05 10:00
    kind: followup
  - at: 2026-11-08 10:00
    kind: followup
  - at: 2026-11-09 10:00
    kind: followup
";
    let shop = shop("", &[("customers/a.yaml", yaml)]);
    let tasks = all(&shop, "2026-11-30");
    assert_eq!(
        rules_of(&tasks),
        vec![Rule::Lead1, Rule::Lead2, Rule::Lead3]
    );
    assert!(tasks.iter().all(|x| x.status == Status::Done));
    assert_eq!(tasks[2].done.map(|d| d.ev.t), Some(t("2026-11-08 10:00")));
}

#[test]
fn done_beats_missed() {
    let yaml = "name: A
first_contact: 2026-11-02 10:00
interactions:
  - at: 2026-11-30 10:00
    kind: followup
";
    let shop = shop("", &[("customers/a.yaml", yaml)]);
    assert_eq!(
        status(&shop, "2026-11-30 09:59", Rule::Lead1),
        Status::Missed
    );
    assert_eq!(status(&shop, "2026-11-30 10:00", Rule::Lead1), Status::Done);
    let l2 = one(&shop, "2026-11-30 10:00", Rule::Lead2);
    assert_eq!(l2.anchor.ev.t, t("2026-11-30 10:00"));
}

#[test]
fn lead_chain_sorts_followups_by_time_not_file_order() {
    let yaml = "name: A
first_contact: 2026-11-02 10:00
interactions:
  - at: 2026-11-06 10:00
    kind: followup
  - at: 2026-11-03 10:00
    kind: followup
";
    let shop = shop("", &[("customers/a.yaml", yaml)]);
    let tasks = all(&shop, "2026-11-07");
    assert_eq!(
        rules_of(&tasks),
        vec![Rule::Lead1, Rule::Lead2, Rule::Lead3]
    );
    assert_eq!(tasks[0].done.map(|d| d.ev.t), Some(t("2026-11-03 10:00")));
    assert_eq!(tasks[1].anchor.ev.t, t("2026-11-03 10:00"));
    assert_eq!(tasks[1].done.map(|d| d.ev.t), Some(t("2026-11-06 10:00")));
    assert_eq!(tasks[2].anchor.ev.t, t("2026-11-06 10:00"));
    assert_eq!(tasks[2].due, t("2026-11-09 10:00"));
}

#[test]
fn disabled_middle_step_keeps_the_chain_running() {
    let yaml = "name: A
first_contact: 2026-11-02 10:00
interactions:
  - at: 2026-11-03 10:00
    kind: followup
  - at: 2026-11-04 10:00
    kind: followup
";
    let shop = shop(
        "[rules.lead-2]\nenabled = false\n",
        &[("customers/a.yaml", yaml)],
    );
    let tasks = all(&shop, "2026-11-05");
    assert_eq!(rules_of(&tasks), vec![Rule::Lead1, Rule::Lead3]);
    assert_eq!(tasks[1].anchor.ev.t, t("2026-11-04 10:00"));
    assert_eq!(tasks[1].due, t("2026-11-07 10:00"));
    assert_eq!(tasks[1].late, t("2026-11-09 10:00"));
}

#[test]
fn expire_after_setting_moves_missed() {
    let shop = shop(
        "[service]\nexpire_after = \"1d\"\n",
        &[(
            "customers/a.yaml",
            "name: A\nfirst_contact: 2026-11-02 10:00\n",
        )],
    );
    assert_eq!(
        status(&shop, "2026-11-05 09:59", Rule::Lead1),
        Status::Overdue
    );
    assert_eq!(
        status(&shop, "2026-11-05 10:00", Rule::Lead1),
        Status::Missed
    );
}

#[test]
fn times_follow_the_shop_zone_and_one_day_is_24_hours() {
    // Berlin leaves summer time on 2026-10-25 03:00 → 02:00.
    let toml = "[shop]\nname = \"T\"\ntimezone = \"Europe/Berlin\"\n[categories.alat]\n[products.kuas]\ncategory = \"alat\"\nprice = 1\n";
    let yaml = "name: A
first_contact: 2026-10-24 10:00
orders:
  - at: 2026-10-24 10:00
    items:
      - product: kuas
";
    let shop = shop_from_texts(toml, &[("customers/a.yaml", yaml)]);
    let berlin = jiff::tz::TimeZone::get("Europe/Berlin").expect("tz");
    let b = |s: &str| parse_time_in(s, &berlin, crate::shop::config::Lang::Id).expect("time");
    let x = evaluate(&shop, b("2026-10-24 12:00"));
    assert_eq!(x.len(), 1);
    // 24 hours after 10:00 CEST is 09:00 CET.
    assert_eq!(x[0].due, b("2026-10-25 09:00"));
    assert_eq!(x[0].due, b("2026-10-25T08:00:00Z"));
    assert_eq!(x[0].late, b("2026-10-26 09:00"));
}
