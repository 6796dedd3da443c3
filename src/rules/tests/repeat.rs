//! Repeat-order reminders: one per category, units × repeat_after.

use super::*;

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
