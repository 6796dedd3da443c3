//! Unit tests of the rule table (SPEC §4). Every expected value is worked out
//! by hand from the SPEC; times are Asia/Jakarta civil times.

use super::*;
use crate::shop::index::shop_from_texts;
use crate::time::parse_time;

const TOML: &str = "[shop]\nname = \"T\"\ntimezone = \"Asia/Jakarta\"\n";

/// A shop with a small catalogue: skincare every 30d, vitamin every 20d,
/// `alat` (tools) without `repeat_after`.
const CATALOGUE: &str = r#"[shop]
name = "T"
timezone = "Asia/Jakarta"
admins = ["dewi", "rudi"]

[categories.skincare]
repeat_after = "30d"
[categories.vitamin]
repeat_after = "20d"
[categories.alat]

[products.serum]
category = "skincare"
price = 100000
[products.toner]
category = "skincare"
price = 50000
[products.vitc]
category = "vitamin"
price = 40000
[products.kuas]
category = "alat"
price = 20000
"#;

/// `[hours]` Monday–Friday 08:00–17:00 with Tuesday 2026-11-24 a holiday.
const HOURS: &str = r#"
[hours]
days = ["mon", "tue", "wed", "thu", "fri"]
open = "08:00"
close = "17:00"
holidays = ["2026-11-24"]
"#;

fn t(s: &str) -> Timestamp {
    parse_time(s, &jiff::tz::TimeZone::get("Asia/Jakarta").expect("tz")).expect("time")
}

/// The catalogue shop plus `extra` shop.toml text.
fn shop(extra: &str, files: &[(&str, &str)]) -> Shop {
    shop_from_texts(&format!("{CATALOGUE}{extra}"), files)
}

fn all(shop: &Shop, now: &str) -> Vec<Task> {
    evaluate(shop, t(now))
}

fn of(tasks: &[Task], rule: Rule) -> Vec<Task> {
    tasks.iter().filter(|x| x.rule == rule).cloned().collect()
}

/// The single task of `rule` at `now` (panics when there is not exactly one).
fn one(shop: &Shop, now: &str, rule: Rule) -> Task {
    let v = of(&all(shop, now), rule);
    assert_eq!(
        v.len(),
        1,
        "expected one {} task at {now}: {v:#?}",
        rule.name()
    );
    v.into_iter().next().expect("one task")
}

fn status(shop: &Shop, now: &str, rule: Rule) -> Status {
    one(shop, now, rule).status
}

/// The complaint tasks at `now`.
fn ktasks(shop: &Shop, now: &str) -> Vec<Task> {
    all(shop, now)
        .into_iter()
        .filter(|x| x.complaint.is_some())
        .collect()
}

fn rules_of(tasks: &[Task]) -> Vec<Rule> {
    tasks.iter().map(|x| x.rule).collect()
}

// ---------------------------------------------------------------- lead chain

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

// ------------------------------------------------------ orders and leads

const ONE_ORDER: &str = "name: A
first_contact: 2026-11-01 10:00
orders:
  - at: 2026-11-02 10:00
    items:
      - product: kuas
";

#[test]
fn lead_becomes_customer_at_the_order_time() {
    let yaml = "name: A
first_contact: 2026-11-01 10:00
orders:
  - at: 2026-11-05 10:00
    items:
      - product: kuas
interactions:
  - at: 2026-11-02 10:00
    kind: followup
";
    let shop = shop("", &[("customers/a.yaml", yaml)]);
    assert_eq!(
        rules_of(&all(&shop, "2026-11-05 09:59")),
        vec![Rule::Lead1, Rule::Lead2]
    );
    // The order at exactly T counts: no lead tasks at all, not even done ones.
    assert_eq!(
        rules_of(&all(&shop, "2026-11-05 10:00")),
        vec![Rule::Payment]
    );
}

#[test]
fn cancelled_order_counts_nowhere_but_only_once_cancelled() {
    let yaml = "name: A
first_contact: 2026-11-01 10:00
orders:
  - at: 2026-11-02 10:00
    items:
      - product: serum
    cancelled: 2026-11-02 12:00
";
    let shop = shop("", &[("customers/a.yaml", yaml)]);
    // Cancelled ≤ T: still a lead, no payment or repeat task.
    let tasks = all(&shop, "2026-11-02 12:00");
    assert_eq!(rules_of(&tasks), vec![Rule::Lead1]);
    assert_eq!(tasks[0].status, Status::Due);
    // Cancelled later than T: the order counts.
    let tasks = all(&shop, "2026-11-02 11:59");
    let mut rules = rules_of(&tasks);
    rules.sort();
    assert_eq!(rules, vec![Rule::Payment, Rule::Repeat]);
}

#[test]
fn payment_anchor_due_late_and_statuses() {
    let shop = shop("", &[("customers/a.yaml", ONE_ORDER)]);
    let x = one(&shop, "2026-11-02 10:00", Rule::Payment);
    assert_eq!(x.anchor.field, "at");
    assert_eq!(x.anchor.ev.t, t("2026-11-02 10:00"));
    assert_eq!(x.order, Some(1));
    assert_eq!(x.due, t("2026-11-03 10:00"));
    assert_eq!(x.late, t("2026-11-04 10:00"));
    assert_eq!(x.status, Status::Upcoming);
    assert_eq!(
        status(&shop, "2026-11-03 09:59", Rule::Payment),
        Status::Upcoming
    );
    assert_eq!(
        status(&shop, "2026-11-03 10:00", Rule::Payment),
        Status::Due
    );
    assert_eq!(
        status(&shop, "2026-11-04 10:00", Rule::Payment),
        Status::Overdue
    );
    assert_eq!(
        status(&shop, "2026-11-18 09:59", Rule::Payment),
        Status::Overdue
    );
    assert_eq!(
        status(&shop, "2026-11-18 10:00", Rule::Payment),
        Status::Missed
    );
}

#[test]
fn payment_only_for_orders_unpaid_at_t() {
    let yaml = "name: A
first_contact: 2026-11-01 10:00
orders:
  - at: 2026-11-02 10:00
    items:
      - product: kuas
    paid: 2026-11-02 11:00
";
    let shop = shop("", &[("customers/a.yaml", yaml)]);
    // Paid later than T: unpaid.
    assert_eq!(
        status(&shop, "2026-11-02 10:59", Rule::Payment),
        Status::Upcoming
    );
    assert!(of(&all(&shop, "2026-11-02 11:00"), Rule::Payment).is_empty());
}

#[test]
fn order_position_counts_cancelled_orders() {
    let yaml = "name: A
first_contact: 2026-11-01 10:00
orders:
  - at: 2026-11-02 10:00
    items:
      - product: kuas
    cancelled: 2026-11-02 11:00
  - at: 2026-11-03 10:00
    items:
      - product: kuas
";
    let shop = shop("", &[("customers/a.yaml", yaml)]);
    let x = one(&shop, "2026-11-04", Rule::Payment);
    assert_eq!(x.order, Some(2));
}

/// One order that is unpaid, shipped and delivered, plus one interaction of `kind`.
fn kind_shop(kind: &str, at: &str) -> Shop {
    let yaml = format!(
        "name: A
first_contact: 2026-11-01 10:00
orders:
  - at: 2026-11-02 10:00
    items:
      - product: serum
      - product: vitc
    shipped: 2026-11-03 10:00
    delivered: 2026-11-04 10:00
interactions:
  - at: {at}
    kind: {kind}
"
    );
    shop("", &[("customers/a.yaml", &yaml)])
}

#[test]
fn only_the_matching_kind_completes_a_task() {
    let rules = [
        ("payment", Rule::Payment),
        ("shipping", Rule::Shipping),
        ("aftercare", Rule::Aftercare),
        ("repeat", Rule::Repeat),
    ];
    for kind in [
        "inbound",
        "followup",
        "payment",
        "shipping",
        "aftercare",
        "repeat",
        "survey",
        "note",
    ] {
        let shop = kind_shop(kind, "2026-11-05 10:00");
        let tasks = all(&shop, "2026-11-06");
        // payment, shipping, aftercare, and repeat for skincare and vitamin.
        assert_eq!(tasks.len(), 5, "{kind}: {tasks:#?}");
        for x in &tasks {
            let matches = rules.iter().any(|(k, r)| *k == kind && *r == x.rule);
            assert_eq!(
                x.status == Status::Done,
                matches,
                "{kind} vs {}: {:?}",
                x.rule.name(),
                x.status
            );
            if matches {
                assert_eq!(x.done.map(|d| d.ev.t), Some(t("2026-11-05 10:00")));
            }
        }
    }
}

#[test]
fn completion_only_between_anchor_and_t() {
    // Before the anchor (order at 10:00): does not complete.
    let shop = kind_shop("payment", "2026-11-02 09:59");
    assert_ne!(status(&shop, "2026-11-06", Rule::Payment), Status::Done);
    // At exactly the anchor: completes.
    let shop = kind_shop("payment", "2026-11-02 10:00");
    assert_eq!(
        status(&shop, "2026-11-02 10:00", Rule::Payment),
        Status::Done
    );
    // Later than T: not yet.
    let shop = kind_shop("payment", "2026-11-03 10:00");
    assert_eq!(
        status(&shop, "2026-11-03 09:59", Rule::Payment),
        Status::Upcoming
    );
    assert_eq!(
        status(&shop, "2026-11-03 10:00", Rule::Payment),
        Status::Done
    );
    // An aftercare message before the delivery (the anchor) does not count.
    let shop = kind_shop("aftercare", "2026-11-03 12:00");
    assert_eq!(
        status(&shop, "2026-11-06", Rule::Aftercare),
        Status::Upcoming
    );
}

#[test]
fn one_interaction_completes_every_task_of_its_kind_anchored_before_it() {
    let yaml = "name: A
first_contact: 2026-11-01 10:00
orders:
  - at: 2026-11-02 10:00
    items:
      - product: kuas
  - at: 2026-11-03 10:00
    items:
      - product: kuas
interactions:
  - at: 2026-11-02 12:00
    kind: payment
  - at: 2026-11-04 12:00
    kind: payment
";
    let shop = shop("", &[("customers/a.yaml", yaml)]);
    let p = of(&all(&shop, "2026-11-03 12:00"), Rule::Payment);
    assert_eq!(p.len(), 2);
    assert_eq!((p[0].order, p[0].status), (Some(1), Status::Done));
    assert_eq!((p[1].order, p[1].status), (Some(2), Status::Upcoming));
    let p = of(&all(&shop, "2026-11-05"), Rule::Payment);
    assert!(p.iter().all(|x| x.status == Status::Done));
    // The first order's payment is done by the first payment message.
    assert_eq!(p[0].done.map(|d| d.ev.t), Some(t("2026-11-02 12:00")));
    assert_eq!(p[1].done.map(|d| d.ev.t), Some(t("2026-11-04 12:00")));
}

// ------------------------------------------------------ shipping, aftercare

const SHIPPED: &str = "name: A
first_contact: 2026-11-01 10:00
orders:
  - at: 2026-11-02 10:00
    items:
      - product: kuas
    paid: 2026-11-02 10:00
    shipped: 2026-11-03 10:00
    delivered: 2026-11-04 10:00
";

#[test]
fn shipping_anchor_boundaries_and_stays_after_delivery() {
    let shop = shop("", &[("customers/a.yaml", SHIPPED)]);
    assert!(all(&shop, "2026-11-03 09:59").is_empty());
    let x = one(&shop, "2026-11-03 10:00", Rule::Shipping);
    assert_eq!(x.anchor.field, "shipped");
    assert_eq!(x.due, t("2026-11-03 10:00"));
    assert_eq!(x.late, t("2026-11-04 10:00"));
    assert_eq!(x.status, Status::Due);
    assert_eq!(x.order, Some(1));
    // Delivered at 11-04 10:00, and the shipping task is still there.
    assert_eq!(
        status(&shop, "2026-11-04 10:00", Rule::Shipping),
        Status::Overdue
    );
    assert_eq!(
        status(&shop, "2026-11-18 09:59", Rule::Shipping),
        Status::Overdue
    );
    assert_eq!(
        status(&shop, "2026-11-18 10:00", Rule::Shipping),
        Status::Missed
    );
}

#[test]
fn aftercare_anchored_at_delivered_else_shipped() {
    let shop = shop("", &[("customers/a.yaml", SHIPPED)]);
    // Shipped, not delivered yet at T: 5d after shipped, window 3d.
    let x = one(&shop, "2026-11-04 09:59", Rule::Aftercare);
    assert_eq!(x.anchor.field, "shipped");
    assert_eq!(x.anchor.ev.t, t("2026-11-03 10:00"));
    assert_eq!(x.due, t("2026-11-08 10:00"));
    assert_eq!(x.late, t("2026-11-11 10:00"));
    // Delivered at T: 2d after delivered.
    let x = one(&shop, "2026-11-04 10:00", Rule::Aftercare);
    assert_eq!(x.anchor.field, "delivered");
    assert_eq!(x.due, t("2026-11-06 10:00"));
    assert_eq!(x.late, t("2026-11-09 10:00"));
    assert_eq!(
        status(&shop, "2026-11-06 10:00", Rule::Aftercare),
        Status::Due
    );
    assert_eq!(
        status(&shop, "2026-11-09 10:00", Rule::Aftercare),
        Status::Overdue
    );
    assert_eq!(
        status(&shop, "2026-11-23 10:00", Rule::Aftercare),
        Status::Missed
    );
}

#[test]
fn aftercare_for_an_order_delivered_without_shipped() {
    let yaml = "name: A
first_contact: 2026-11-01 10:00
orders:
  - at: 2026-11-02 10:00
    items:
      - product: kuas
    paid: 2026-11-02 10:00
    delivered: 2026-11-02 15:00
";
    let shop = shop("", &[("customers/a.yaml", yaml)]);
    let tasks = all(&shop, "2026-11-03");
    assert_eq!(rules_of(&tasks), vec![Rule::Aftercare]);
    assert_eq!(tasks[0].due, t("2026-11-04 15:00"));
}

// ------------------------------------------------------------------ repeat

#[test]
fn repeat_one_task_per_category_with_units_times_repeat_after() {
    let yaml = "name: A
first_contact: 2026-11-01 10:00
orders:
  - at: 2026-11-01 10:00
    items:
      - product: serum
        qty: 2
      - product: toner
      - product: vitc
      - product: kuas
        qty: 3
    paid: 2026-11-01 10:00
    delivered: 2026-11-03 10:00
";
    let shop = shop("", &[("customers/a.yaml", yaml)]);
    let r = of(&all(&shop, "2026-11-02"), Rule::Repeat);
    // No task for `alat`, which has no repeat_after.
    assert_eq!(r.len(), 2, "{r:#?}");
    let skin = r
        .iter()
        .find(|x| x.category.as_deref() == Some("skincare"))
        .expect("skincare");
    let vit = r
        .iter()
        .find(|x| x.category.as_deref() == Some("vitamin"))
        .expect("vitamin");
    // Not delivered at T: anchored at the order time.
    assert_eq!(skin.anchor.field, "at");
    assert_eq!(skin.order, Some(1));
    // 3 skincare units × 30d = 90d.
    assert_eq!(skin.wait, Dur::days(90));
    assert_eq!(
        skin.wait_reason,
        WaitReason::Repeat {
            per_unit: Dur::days(30),
            units: 3
        }
    );
    assert_eq!(skin.due, t("2027-01-30 10:00"));
    assert_eq!(skin.late, t("2027-02-06 10:00"));
    assert_eq!(vit.due, t("2026-11-21 10:00"));
    assert_eq!(vit.late, t("2026-11-28 10:00"));
    // Delivered at T: anchored at delivered.
    let r = of(&all(&shop, "2026-11-03 10:00"), Rule::Repeat);
    assert!(r.iter().all(|x| x.anchor.field == "delivered"));
    let vit = r
        .iter()
        .find(|x| x.category.as_deref() == Some("vitamin"))
        .expect("vitamin");
    assert_eq!(vit.due, t("2026-11-23 10:00"));
    assert_eq!(vit.late, t("2026-11-30 10:00"));
    let vit_at = |now| {
        of(&all(&shop, now), Rule::Repeat)
            .into_iter()
            .find(|x| x.category.as_deref() == Some("vitamin"))
            .map(|x| x.status)
            .expect("vitamin")
    };
    assert_eq!(vit_at("2026-11-23 09:59"), Status::Upcoming);
    assert_eq!(vit_at("2026-11-23 10:00"), Status::Due);
    assert_eq!(vit_at("2026-11-30 10:00"), Status::Overdue);
    assert_eq!(vit_at("2026-12-14 10:00"), Status::Missed);
}

#[test]
fn repeat_uses_latest_non_cancelled_order_holding_the_category() {
    let yaml = "name: A
first_contact: 2026-11-01 10:00
orders:
  - at: 2026-11-01 10:00
    items:
      - product: serum
  - at: 2026-11-10 10:00
    items:
      - product: toner
        qty: 2
      - product: kuas
  - at: 2026-11-05 10:00
    items:
      - product: serum
        qty: 5
  - at: 2026-11-15 10:00
    items:
      - product: serum
    cancelled: 2026-11-16 10:00
  - at: 2026-11-18 10:00
    items:
      - product: kuas
";
    let shop = shop("", &[("customers/a.yaml", yaml)]);
    // Cancelled at T: the latest is the second order (by `at`, not by file position).
    let x = one(&shop, "2026-11-20", Rule::Repeat);
    assert_eq!(x.order, Some(2));
    assert_eq!(x.category.as_deref(), Some("skincare"));
    assert_eq!(x.wait, Dur::days(60));
    assert_eq!(x.due, t("2027-01-09 10:00"));
    // Not cancelled yet at T: the fourth order is the latest.
    let x = one(&shop, "2026-11-15 12:00", Rule::Repeat);
    assert_eq!(x.order, Some(4));
    assert_eq!(x.due, t("2026-12-15 10:00"));
}

#[test]
fn repeat_tie_goes_to_the_later_order_in_the_file() {
    let yaml = "name: A
first_contact: 2026-11-01 10:00
orders:
  - at: 2026-11-02 10:00
    items:
      - product: serum
  - at: 2026-11-02 10:00
    items:
      - product: toner
        qty: 2
";
    let shop = shop("", &[("customers/a.yaml", yaml)]);
    let x = one(&shop, "2026-11-03", Rule::Repeat);
    assert_eq!(x.order, Some(2));
    assert_eq!(x.due, t("2027-01-01 10:00"));
}

#[test]
fn one_repeat_message_completes_both_category_tasks() {
    let shop = kind_shop("repeat", "2026-11-04 10:00");
    let r = of(&all(&shop, "2026-11-04 10:00"), Rule::Repeat);
    assert_eq!(r.len(), 2);
    assert!(r.iter().all(|x| x.status == Status::Done));
}

// -------------------------------------------------------------- complaints

const CUSTOMER_DEWI: &str = "name: A\nfirst_contact: 2026-11-01 10:00\nadmin: dewi\n";

fn complaint_shop(extra: &str, complaint: &str, interactions: &str) -> Shop {
    let cust = format!("{CUSTOMER_DEWI}{interactions}");
    shop(
        extra,
        &[
            ("customers/a.yaml", &cust),
            ("complaints/2026-0001.yaml", complaint),
        ],
    )
}

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

// --------------------------------------------------------------- overrides

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

// ------------------------------------------------------------------ agenda

#[test]
fn agenda_filters_and_sorts_by_due_then_customer() {
    let lead = |fc: &str| format!("name: X\nfirst_contact: {fc}\n");
    let d = "name: D
first_contact: 2026-11-02 11:00
interactions:
  - at: 2026-11-02 12:00
    kind: followup
";
    let files = [
        ("customers/b.yaml", lead("2026-11-02 10:00")),
        ("customers/a.yaml", lead("2026-11-02 10:00")),
        ("customers/c.yaml", lead("2026-11-02 09:00")),
        ("customers/d.yaml", d.to_string()),
        ("customers/e.yaml", lead("2026-10-01 10:00")),
        ("customers/f.yaml", lead("2026-11-03 10:00")),
        ("customers/g.yaml", lead("2026-11-01 08:00")),
        ("customers/h.yaml", lead("2026-11-04 10:00")),
    ];
    let files: Vec<(&str, &str)> = files.iter().map(|(p, y)| (*p, y.as_str())).collect();
    let shop = shop("", &files);
    let now = t("2026-11-03 10:00");
    let tasks = evaluate(&shop, now);
    let ids = |v: Vec<&Task>| -> Vec<String> {
        v.iter()
            .map(|x| format!("{}:{}", shop.customers[x.customer].id, x.rule.name()))
            .collect()
    };
    // g overdue; c, a, b due; d's lead-1 done, lead-2 upcoming; e missed; f upcoming.
    assert_eq!(
        ids(agenda(&shop, &tasks, now, None)),
        vec!["g:lead-1", "c:lead-1", "a:lead-1", "b:lead-1"]
    );
    // Upcoming with due ≤ now + 24h: f (due exactly at the horizon).
    assert_eq!(
        ids(agenda(&shop, &tasks, now, Some(Dur::hours(24)))),
        vec!["g:lead-1", "c:lead-1", "a:lead-1", "b:lead-1", "f:lead-1"]
    );
    assert_eq!(
        ids(agenda(&shop, &tasks, now, Some(Dur::hours(26)))),
        vec!["g:lead-1", "c:lead-1", "a:lead-1", "b:lead-1", "f:lead-1", "d:lead-2"]
    );
    // The order of the input does not matter.
    let reversed: Vec<Task> = tasks.iter().rev().cloned().collect();
    assert_eq!(
        ids(agenda(&shop, &reversed, now, Some(Dur::hours(24)))),
        vec!["g:lead-1", "c:lead-1", "a:lead-1", "b:lead-1", "f:lead-1"]
    );
    assert_eq!(
        ids(agenda(&shop, &tasks, now, Some(Dur::minutes(1)))),
        vec!["g:lead-1", "c:lead-1", "a:lead-1", "b:lead-1"]
    );
}

// ---------------------------------------------------------------- segments

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
    let b = |s: &str| parse_time(s, &berlin).expect("time");
    let x = evaluate(&shop, b("2026-10-24 12:00"));
    assert_eq!(x.len(), 1);
    // 24 hours after 10:00 CEST is 09:00 CET.
    assert_eq!(x[0].due, b("2026-10-25 09:00"));
    assert_eq!(x[0].due, b("2026-10-25T08:00:00Z"));
    assert_eq!(x[0].late, b("2026-10-26 09:00"));
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
