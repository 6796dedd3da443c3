//! Order tasks: payment, shipping, aftercare; what completes them.

use super::*;

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
