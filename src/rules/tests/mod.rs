//! Unit tests of the rule table (SPEC §4). Every expected value is worked out
//! by hand from the SPEC; times are Asia/Jakarta civil times.

mod agenda;
mod complaint_tasks;
mod leads;
mod orders;
mod overrides;
mod repeat;
mod segments;

use super::agenda::*;
use super::catalog::*;
use super::segments::*;
use super::tasks::*;
use crate::shop::index::{shop_from_texts, Shop};
use crate::time::{parse_time_in, Dur};
use jiff::Timestamp;

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
    parse_time_in(
        s,
        &jiff::tz::TimeZone::get("Asia/Jakarta").expect("tz"),
        crate::shop::config::Lang::Id,
    )
    .expect("time")
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

const ONE_ORDER: &str = "name: A
first_contact: 2026-11-01 10:00
orders:
  - at: 2026-11-02 10:00
    items:
      - product: kuas
";

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

const CUSTOMER_DEWI: &str = "name: A\nfirst_contact: 2026-11-01 10:00\nadmin: dewi\n";
