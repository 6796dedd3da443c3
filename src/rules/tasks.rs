//! Evaluation of the rule table as of a time T (SPEC §4): every task of a
//! customer and of their complaints, with its anchor, wait, due and late
//! times and status. Waits and windows come from [`super::catalog`], with
//! `[rules.NAME]` overrides applied by [`settings`]. Everything here is pure.

use super::catalog::{Rule, Wait};
use super::orders::{happened, order_counts};
use crate::shop::config::{Config, RuleOverride};
use crate::shop::index::Shop;
use crate::shop::record::{Complaint, Customer, Ev, Kind, Order};
use crate::time::{add, add_open, Dur};
use jiff::Timestamp;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Status {
    Upcoming,
    Due,
    Overdue,
    Missed,
    Done,
}

impl Status {
    /// The name in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Upcoming => "upcoming",
            Status::Due => "due",
            Status::Overdue => "overdue",
            Status::Missed => "missed",
            Status::Done => "done",
        }
    }
}

/// The event a task is anchored at, for `explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    /// Field name in the record (`first_contact`, `at`, `shipped`, …).
    pub field: &'static str,
    pub ev: Ev,
}

/// How the wait was computed, for `explain`.
#[derive(Debug, Clone, PartialEq)]
pub enum WaitReason {
    Default,
    Overridden,
    /// repeat_after × units.
    Repeat {
        per_unit: Dur,
        units: i64,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    pub rule: Rule,
    /// Index into `Shop::customers`.
    pub customer: usize,
    /// Index into `Shop::complaints`.
    pub complaint: Option<usize>,
    /// 1-based position of the order in the file.
    pub order: Option<usize>,
    pub category: Option<String>,
    pub anchor: Anchor,
    pub wait: Dur,
    pub wait_reason: WaitReason,
    /// True when the wait counts open time only.
    pub open_time: bool,
    pub window: Dur,
    pub due: Timestamp,
    pub late: Timestamp,
    pub status: Status,
    /// The completing event, when done (`None` for a csat without a time).
    pub done: Option<Anchor>,
    pub admin: Option<String>,
}

/// A rule's settings after `[rules.NAME]` overrides.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The overriding wait; `None` keeps the catalogue's.
    pub wait: Option<Dur>,
    pub window: Dur,
    pub enabled: bool,
}

pub fn settings(cfg: &Config, rule: Rule) -> Settings {
    let def = rule.def();
    let o: Option<&RuleOverride> = cfg.rule(def.name);
    Settings {
        wait: o.and_then(|o| o.wait),
        window: o.and_then(|o| o.window).unwrap_or(def.window),
        enabled: o.and_then(|o| o.enabled).unwrap_or(true),
    }
}

/// A rule's wait from the catalogue, before overrides. Aftercare's depends
/// on its anchor's field (`delivered` or `shipped`), repeat's on the
/// category's `repeat_after` and the units bought (`per_unit`); the
/// complaint clocks are `[service]`'s targets.
fn catalogue_wait(
    cfg: &Config,
    rule: Rule,
    anchor_field: &str,
    per_unit: Option<(Dur, i64)>,
) -> (Dur, WaitReason) {
    let wait = match rule.def().wait {
        Wait::Fixed(d) => d,
        Wait::Aftercare { delivered, shipped } => {
            if anchor_field == "delivered" {
                delivered
            } else {
                shipped
            }
        }
        Wait::Repeat => {
            let (per_unit, units) = per_unit.unwrap_or((Dur::ZERO, 0));
            return (
                per_unit.times(units),
                WaitReason::Repeat { per_unit, units },
            );
        }
        Wait::ResponseTarget => cfg.service.response_target,
        Wait::ResolveTarget => cfg.service.resolve_target,
    };
    (wait, WaitReason::Default)
}

/// The wait of a complaint clock (`complaint-response`,
/// `complaint-resolve`), counted from `opened`: the `[rules.NAME]` wait,
/// else the `[service]` target.
pub fn clock_wait(cfg: &Config, rule: Rule) -> Dur {
    settings(cfg, rule)
        .wait
        .unwrap_or_else(|| catalogue_wait(cfg, rule, "opened", None).0)
}

pub fn status_at(
    now: Timestamp,
    due: Timestamp,
    late: Timestamp,
    expire: Dur,
    done: bool,
) -> Status {
    if done {
        Status::Done
    } else if now < due {
        Status::Upcoming
    } else if now < late {
        Status::Due
    } else if now < add(late, expire) {
        Status::Overdue
    } else {
        Status::Missed
    }
}

/// Interactions of one customer at T, by kind, sorted by time, for lookups in
/// O(log n) per task.
struct Completions {
    /// Interactions at or before T, sorted by kind then time (stable: equal
    /// times keep file order); one allocation per customer.
    events: Vec<(Kind, Ev)>,
}

impl Completions {
    fn new(c: &Customer, now: Timestamp) -> Self {
        let mut events: Vec<(Kind, Ev)> = c
            .interactions
            .iter()
            .filter(|i| i.at.t <= now)
            .map(|i| (i.kind, i.at))
            .collect();
        events.sort_by_key(|(k, e)| (*k, e.t));
        Completions { events }
    }

    /// The interactions of one kind, by time.
    fn of(&self, kind: Kind) -> &[(Kind, Ev)] {
        let a = self.events.partition_point(|(k, _)| *k < kind);
        let b = self.events.partition_point(|(k, _)| *k <= kind);
        &self.events[a..b]
    }

    /// The first interaction of `kind` at or after `anchor`.
    fn first_after(&self, kind: Kind, anchor: Timestamp) -> Option<Ev> {
        let v = self.of(kind);
        let i = v.partition_point(|(_, e)| e.t < anchor);
        v.get(i).map(|(_, e)| *e)
    }
}

/// A task before its times and status: what the record says.
struct Candidate {
    rule: Rule,
    customer: usize,
    complaint: Option<usize>,
    order: Option<usize>,
    category: Option<String>,
    anchor: Anchor,
    /// The category's `repeat_after` and the units bought (repeat only).
    per_unit: Option<(Dur, i64)>,
    /// `Some(completing event)` when done; `Some(None)` when done without a
    /// time (a complaint's csat).
    done: Option<Option<Anchor>>,
    admin: Option<String>,
}

impl Candidate {
    /// A customer task (no complaint, order or category yet).
    fn new(rule: Rule, customer: usize, anchor: Anchor, admin: Option<String>) -> Self {
        Candidate {
            rule,
            customer,
            complaint: None,
            order: None,
            category: None,
            anchor,
            per_unit: None,
            done: None,
            admin,
        }
    }
}

struct Builder<'a> {
    cfg: &'a Config,
    now: Timestamp,
    out: Vec<Task>,
}

impl Builder<'_> {
    /// Adds the task, unless its rule is disabled.
    fn push(&mut self, c: Candidate) {
        let s = settings(self.cfg, c.rule);
        if !s.enabled {
            return;
        }
        let def = c.rule.def();
        let (wait, wait_reason) = match s.wait {
            Some(w) => (w, WaitReason::Overridden),
            None => catalogue_wait(self.cfg, c.rule, c.anchor.field, c.per_unit),
        };
        let due = if def.open_time {
            add_open(
                c.anchor.ev.t,
                wait,
                self.cfg.hours.as_ref(),
                &self.cfg.timezone,
            )
        } else {
            add(c.anchor.ev.t, wait)
        };
        let late = add(due, s.window);
        let expire = if def.expires {
            self.cfg.service.expire_after
        } else {
            Dur(i64::MAX)
        };
        let status = status_at(self.now, due, late, expire, c.done.is_some());
        self.out.push(Task {
            rule: c.rule,
            customer: c.customer,
            complaint: c.complaint,
            order: c.order,
            category: c.category,
            anchor: c.anchor,
            wait,
            wait_reason,
            open_time: def.open_time,
            window: s.window,
            due,
            late,
            status,
            done: c.done.flatten(),
            admin: c.admin,
        });
    }
}

/// Every task of every enabled rule at `now`, in customer order.
pub fn evaluate(shop: &Shop, now: Timestamp) -> Vec<Task> {
    evaluate_where(shop, now, |_| true)
}

/// The tasks that `keep` accepts, without holding the others (most tasks of
/// a large shop are done long ago; the agenda needs only the open ones).
pub fn evaluate_where(
    shop: &Shop,
    now: Timestamp,
    keep: impl Fn(&Task) -> bool + Sync,
) -> Vec<Task> {
    use rayon::prelude::*;
    // Order is kept: customer by customer, as callers rely on.
    (0..shop.customers.len())
        .into_par_iter()
        .with_min_len(256)
        .flat_map_iter(|ci| tasks_for_customer(shop, ci, now).into_iter().filter(&keep))
        .collect()
}

/// The tasks of one customer and of their complaints.
pub fn tasks_for_customer(shop: &Shop, ci: usize, now: Timestamp) -> Vec<Task> {
    let cfg = &shop.config;
    let c = &shop.customers[ci];
    let mut b = Builder {
        cfg,
        now,
        out: Vec::new(),
    };
    if c.first_contact.t > now {
        return b.out;
    }
    let comp = Completions::new(c, now);
    if !c.orders.iter().any(|o| order_counts(o, now)) {
        lead_chain(&mut b, &comp, c, ci);
    }
    for (pos, o) in c.orders.iter().enumerate() {
        if order_counts(o, now) {
            order_tasks(&mut b, &comp, c, ci, pos, o);
        }
    }
    repeat_tasks(&mut b, &comp, c, ci);
    for &ki in &shop.complaints_by_customer[ci] {
        complaint_tasks(&mut b, &comp, c, ci, &shop.complaints[ki], ki);
    }
    b.out
}

/// Payment, shipping and aftercare of the order at `pos` (0-based).
fn order_tasks(
    b: &mut Builder,
    comp: &Completions,
    c: &Customer,
    ci: usize,
    pos: usize,
    o: &Order,
) {
    let now = b.now;
    let task = |rule: Rule, anchor: Anchor| Candidate {
        order: Some(pos + 1),
        done: completion(comp, rule, anchor),
        ..Candidate::new(rule, ci, anchor, c.admin.clone())
    };
    if happened(o.paid, now).is_none() {
        let anchor = Anchor {
            field: "at",
            ev: o.at,
        };
        b.push(task(Rule::Payment, anchor));
    }
    if let Some(shipped) = happened(o.shipped, now) {
        let anchor = Anchor {
            field: "shipped",
            ev: shipped,
        };
        b.push(task(Rule::Shipping, anchor));
    }
    let after = match (happened(o.delivered, now), happened(o.shipped, now)) {
        (Some(d), _) => Some(Anchor {
            field: "delivered",
            ev: d,
        }),
        (None, Some(s)) => Some(Anchor {
            field: "shipped",
            ev: s,
        }),
        _ => None,
    };
    if let Some(anchor) = after {
        b.push(task(Rule::Aftercare, anchor));
    }
}

/// One repeat task per category with `repeat_after`, from the latest
/// counting order holding it.
fn repeat_tasks(b: &mut Builder, comp: &Completions, c: &Customer, ci: usize) {
    let cfg = b.cfg;
    let now = b.now;
    for (cat, def) in &cfg.categories {
        let Some(per_unit) = def.repeat_after else {
            continue;
        };
        // Latest counting order holding the category; ties go to the later one in the file.
        let mut latest: Option<(usize, &Order)> = None;
        for (pos, o) in c.orders.iter().enumerate() {
            if !order_counts(o, now)
                || !o
                    .items
                    .iter()
                    .any(|i| item_category(cfg, &i.product) == Some(cat))
            {
                continue;
            }
            if latest.is_none_or(|(_, l)| o.at.t >= l.at.t) {
                latest = Some((pos, o));
            }
        }
        let Some((pos, o)) = latest else { continue };
        let units: i64 = o
            .items
            .iter()
            .filter(|i| item_category(cfg, &i.product) == Some(cat))
            .map(|i| i.qty)
            .sum();
        let anchor = match happened(o.delivered, now) {
            Some(d) => Anchor {
                field: "delivered",
                ev: d,
            },
            None => Anchor {
                field: "at",
                ev: o.at,
            },
        };
        b.push(Candidate {
            order: Some(pos + 1),
            category: Some(cat.clone()),
            per_unit: Some((per_unit, units)),
            done: completion(comp, Rule::Repeat, anchor),
            ..Candidate::new(Rule::Repeat, ci, anchor, c.admin.clone())
        });
    }
}

fn item_category<'a>(cfg: &'a Config, product: &str) -> Option<&'a String> {
    cfg.products.get(product).map(|p| &p.category)
}

/// `Some(Some(event))` when an interaction of the kind that completes `rule`
/// (the catalogue's `done_by`) exists at ≥ anchor (and ≤ now).
fn completion(comp: &Completions, rule: Rule, anchor: Anchor) -> Option<Option<Anchor>> {
    let kind = rule.def().done_by?;
    comp.first_after(kind, anchor.ev.t).map(|ev| {
        Some(Anchor {
            field: kind.as_str(),
            ev,
        })
    })
}

fn lead_chain(b: &mut Builder, comp: &Completions, c: &Customer, ci: usize) {
    // Followups at or after first contact (and at or before T), by time then file order.
    let all = comp.of(Kind::Followup);
    let followups = &all[all.partition_point(|(_, e)| e.t < c.first_contact.t)..];
    let mut anchor = Anchor {
        field: "first_contact",
        ev: c.first_contact,
    };
    for (k, rule) in [Rule::Lead1, Rule::Lead2, Rule::Lead3]
        .into_iter()
        .enumerate()
    {
        let done = followups.get(k).map(|(_, ev)| Anchor {
            field: "followup",
            ev: *ev,
        });
        b.push(Candidate {
            done: done.map(Some),
            ..Candidate::new(rule, ci, anchor, c.admin.clone())
        });
        match done {
            Some(d) => anchor = d,
            None => break,
        }
    }
}

fn complaint_tasks(
    b: &mut Builder,
    comp: &Completions,
    c: &Customer,
    ci: usize,
    k: &Complaint,
    ki: usize,
) {
    let now = b.now;
    if k.opened.t > now {
        return;
    }
    let admin = k.admin.clone().or_else(|| c.admin.clone());
    let task = |rule: Rule, anchor: Anchor, done: Option<Option<Anchor>>| Candidate {
        complaint: Some(ki),
        done,
        ..Candidate::new(rule, ci, anchor, admin.clone())
    };
    let opened = Anchor {
        field: "opened",
        ev: k.opened,
    };
    let first_response = happened(k.first_response, now).map(|ev| Anchor {
        field: "first_response",
        ev,
    });
    let resolved = happened(k.resolved, now).map(|ev| Anchor {
        field: "resolved",
        ev,
    });
    let responded = match (first_response, resolved) {
        (Some(a), Some(r)) => Some(if r.ev.t < a.ev.t { r } else { a }),
        (a, r) => a.or(r),
    };
    b.push(task(Rule::ComplaintResponse, opened, responded.map(Some)));
    b.push(task(Rule::ComplaintResolve, opened, resolved.map(Some)));
    if let Some(r) = resolved {
        let done = if k.csat.is_some() {
            Some(None)
        } else {
            completion(comp, Rule::ComplaintSurvey, r)
        };
        b.push(task(Rule::ComplaintSurvey, r, done));
    }
}
