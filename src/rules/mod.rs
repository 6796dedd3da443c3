//! Tasks derived from records (SPEC §4): the built-in rule table, evaluation
//! as of a time T, and customer segments. Everything here is pure.

pub mod complaints;
pub use complaints::resolve_due;

use crate::shop::config::{Config, RuleOverride};
use crate::shop::index::Shop;
use crate::shop::record::{Complaint, Customer, Ev, Kind, Order};
use crate::time::{add, add_open, sub, Dur};
use jiff::Timestamp;

pub const RULE_NAMES: [&str; 10] = [
    "lead-1",
    "lead-2",
    "lead-3",
    "payment",
    "shipping",
    "aftercare",
    "repeat",
    "complaint-response",
    "complaint-resolve",
    "complaint-survey",
];

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Rule {
    Lead1,
    Lead2,
    Lead3,
    Payment,
    Shipping,
    Aftercare,
    Repeat,
    ComplaintResponse,
    ComplaintResolve,
    ComplaintSurvey,
}

/// How a rule's wait is computed when shop.toml does not override it.
#[derive(Debug, Clone, Copy)]
pub enum Wait {
    Fixed(Dur),
    /// 2d after delivered, 5d after shipped.
    Aftercare,
    /// repeat_after × units of the category.
    Repeat,
    /// `[service] response_target`, open time.
    ResponseTarget,
    /// `[service] resolve_target`, open time.
    ResolveTarget,
}

/// One row of the built-in rule table.
#[derive(Debug, Clone, Copy)]
pub struct RuleDef {
    pub rule: Rule,
    pub name: &'static str,
    pub label_id: &'static str,
    pub label_en: &'static str,
    pub wait: Wait,
    pub window: Dur,
    /// The interaction kind that completes it (customer rules).
    pub done_by: Option<Kind>,
    pub is_complaint: bool,
    /// Whether the task becomes `missed` `expire_after` past its late time;
    /// an open complaint's response and resolution never do (SPEC §4).
    pub expires: bool,
}

pub const RULES: [RuleDef; 10] = [
    RuleDef {
        rule: Rule::Lead1,
        name: "lead-1",
        label_id: "Follow-up pertama calon pembeli",
        label_en: "First lead follow-up",
        wait: Wait::Fixed(Dur(24 * 3600)),
        window: Dur(24 * 3600),
        done_by: Some(Kind::Followup),
        is_complaint: false,
        expires: true,
    },
    RuleDef {
        rule: Rule::Lead2,
        name: "lead-2",
        label_id: "Follow-up kedua calon pembeli",
        label_en: "Second lead follow-up",
        wait: Wait::Fixed(Dur(48 * 3600)),
        window: Dur(24 * 3600),
        done_by: Some(Kind::Followup),
        is_complaint: false,
        expires: true,
    },
    RuleDef {
        rule: Rule::Lead3,
        name: "lead-3",
        label_id: "Follow-up terakhir calon pembeli",
        label_en: "Last lead follow-up",
        wait: Wait::Fixed(Dur(3 * 86_400)),
        window: Dur(2 * 86_400),
        done_by: Some(Kind::Followup),
        is_complaint: false,
        expires: true,
    },
    RuleDef {
        rule: Rule::Payment,
        name: "payment",
        label_id: "Ingatkan pembayaran",
        label_en: "Payment reminder",
        wait: Wait::Fixed(Dur(24 * 3600)),
        window: Dur(24 * 3600),
        done_by: Some(Kind::Payment),
        is_complaint: false,
        expires: true,
    },
    RuleDef {
        rule: Rule::Shipping,
        name: "shipping",
        label_id: "Kabari pengiriman",
        label_en: "Shipping update",
        wait: Wait::Fixed(Dur(0)),
        window: Dur(86_400),
        done_by: Some(Kind::Shipping),
        is_complaint: false,
        expires: true,
    },
    RuleDef {
        rule: Rule::Aftercare,
        name: "aftercare",
        label_id: "Sapa setelah barang sampai",
        label_en: "Aftercare check-in",
        wait: Wait::Aftercare,
        window: Dur(3 * 86_400),
        done_by: Some(Kind::Aftercare),
        is_complaint: false,
        expires: true,
    },
    RuleDef {
        rule: Rule::Repeat,
        name: "repeat",
        label_id: "Tawarkan pesan ulang",
        label_en: "Repeat-order reminder",
        wait: Wait::Repeat,
        window: Dur(7 * 86_400),
        done_by: Some(Kind::Repeat),
        is_complaint: false,
        expires: true,
    },
    RuleDef {
        rule: Rule::ComplaintResponse,
        name: "complaint-response",
        label_id: "Tanggapi komplain",
        label_en: "Respond to complaint",
        wait: Wait::ResponseTarget,
        window: Dur(0),
        done_by: None,
        is_complaint: true,
        expires: false,
    },
    RuleDef {
        rule: Rule::ComplaintResolve,
        name: "complaint-resolve",
        label_id: "Selesaikan komplain",
        label_en: "Resolve complaint",
        wait: Wait::ResolveTarget,
        window: Dur(0),
        done_by: None,
        is_complaint: true,
        expires: false,
    },
    RuleDef {
        rule: Rule::ComplaintSurvey,
        name: "complaint-survey",
        label_id: "Minta penilaian setelah komplain",
        label_en: "Post-complaint survey",
        wait: Wait::Fixed(Dur(86_400)),
        window: Dur(2 * 86_400),
        done_by: Some(Kind::Survey),
        is_complaint: true,
        expires: true,
    },
];

impl Rule {
    pub fn def(self) -> &'static RuleDef {
        let def = &RULES[self as usize];
        debug_assert_eq!(def.rule, self, "RULES is in the order of Rule");
        def
    }
    pub fn name(self) -> &'static str {
        self.def().name
    }
}

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

pub fn label(cfg: &Config, rule: Rule) -> String {
    if let Some(l) = cfg.rule(rule.name()).and_then(|o| o.label.clone()) {
        return l;
    }
    match cfg.language {
        crate::shop::config::Lang::Id => rule.def().label_id.to_string(),
        crate::shop::config::Lang::En => rule.def().label_en.to_string(),
    }
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

/// Whether an optional event had happened at `now`.
fn happened(ev: Option<Ev>, now: Timestamp) -> Option<Ev> {
    ev.filter(|e| e.t <= now)
}

/// Placed at or before `now` and not cancelled at `now`.
pub fn order_counts(o: &Order, now: Timestamp) -> bool {
    o.at.t <= now && happened(o.cancelled, now).is_none()
}

/// Position of the customer's first order at `now`: the earliest counting
/// order by `at`, then file position (SPEC §5 `repeat_order_rate`).
pub fn first_order(c: &Customer, now: Timestamp) -> Option<usize> {
    c.orders
        .iter()
        .enumerate()
        .filter(|(_, o)| order_counts(o, now))
        .min_by(|a, b| a.1.at.t.cmp(&b.1.at.t).then(a.0.cmp(&b.0)))
        .map(|(i, _)| i)
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

struct Builder<'a> {
    cfg: &'a Config,
    now: Timestamp,
    out: Vec<Task>,
}

impl Builder<'_> {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        rule: Rule,
        customer: usize,
        complaint: Option<usize>,
        order: Option<usize>,
        category: Option<String>,
        anchor: Anchor,
        default_wait: Dur,
        wait_reason: WaitReason,
        done: Option<Option<Anchor>>,
        admin: Option<String>,
    ) {
        let s = settings(self.cfg, rule);
        if !s.enabled {
            return;
        }
        let (wait, wait_reason) = match s.wait {
            Some(w) => (w, WaitReason::Overridden),
            None => (default_wait, wait_reason),
        };
        let open_time = matches!(rule, Rule::ComplaintResponse | Rule::ComplaintResolve);
        let due = if open_time {
            add_open(
                anchor.ev.t,
                wait,
                self.cfg.hours.as_ref(),
                &self.cfg.timezone,
            )
        } else {
            add(anchor.ev.t, wait)
        };
        let late = add(due, s.window);
        let expire = if rule.def().expires {
            self.cfg.service.expire_after
        } else {
            Dur(i64::MAX)
        };
        let status = status_at(self.now, due, late, expire, done.is_some());
        self.out.push(Task {
            rule,
            customer,
            complaint,
            order,
            category,
            anchor,
            wait,
            wait_reason,
            open_time,
            window: s.window,
            due,
            late,
            status,
            done: done.flatten(),
            admin,
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
    let is_lead = !c.orders.iter().any(|o| order_counts(o, now));

    if is_lead {
        lead_chain(&mut b, &comp, c, ci);
    }

    for (pos, o) in c.orders.iter().enumerate() {
        if !order_counts(o, now) {
            continue;
        }
        let order = Some(pos + 1);
        if happened(o.paid, now).is_none() {
            let anchor = Anchor {
                field: "at",
                ev: o.at,
            };
            let done = done_by(&comp, Kind::Payment, anchor);
            b.push(
                Rule::Payment,
                ci,
                None,
                order,
                None,
                anchor,
                Dur::hours(24),
                WaitReason::Default,
                done,
                c.admin.clone(),
            );
        }
        if let Some(shipped) = happened(o.shipped, now) {
            let anchor = Anchor {
                field: "shipped",
                ev: shipped,
            };
            let done = done_by(&comp, Kind::Shipping, anchor);
            b.push(
                Rule::Shipping,
                ci,
                None,
                order,
                None,
                anchor,
                Dur::ZERO,
                WaitReason::Default,
                done,
                c.admin.clone(),
            );
        }
        let after = match (happened(o.delivered, now), happened(o.shipped, now)) {
            (Some(d), _) => Some((
                Anchor {
                    field: "delivered",
                    ev: d,
                },
                Dur::days(2),
            )),
            (None, Some(s)) => Some((
                Anchor {
                    field: "shipped",
                    ev: s,
                },
                Dur::days(5),
            )),
            _ => None,
        };
        if let Some((anchor, wait)) = after {
            let done = done_by(&comp, Kind::Aftercare, anchor);
            b.push(
                Rule::Aftercare,
                ci,
                None,
                order,
                None,
                anchor,
                wait,
                WaitReason::Default,
                done,
                c.admin.clone(),
            );
        }
    }

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
        let done = done_by(&comp, Kind::Repeat, anchor);
        b.push(
            Rule::Repeat,
            ci,
            None,
            Some(pos + 1),
            Some(cat.clone()),
            anchor,
            per_unit.times(units),
            WaitReason::Repeat { per_unit, units },
            done,
            c.admin.clone(),
        );
    }

    for &ki in &shop.complaints_by_customer[ci] {
        complaint_tasks(&mut b, &comp, c, ci, &shop.complaints[ki], ki);
    }
    b.out
}

fn item_category<'a>(cfg: &'a Config, product: &str) -> Option<&'a String> {
    cfg.products.get(product).map(|p| &p.category)
}

/// `Some(Some(event))` when an interaction of `kind` at ≥ anchor (and ≤ now) exists.
fn done_by(comp: &Completions, kind: Kind, anchor: Anchor) -> Option<Option<Anchor>> {
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
        let default_wait = match rule.def().wait {
            Wait::Fixed(d) => d,
            _ => Dur::ZERO,
        };
        b.push(
            rule,
            ci,
            None,
            None,
            None,
            anchor,
            default_wait,
            WaitReason::Default,
            done.map(Some),
            c.admin.clone(),
        );
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
    let cfg = b.cfg;
    let admin = k.admin.clone().or_else(|| c.admin.clone());
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
    b.push(
        Rule::ComplaintResponse,
        ci,
        Some(ki),
        None,
        None,
        opened,
        cfg.service.response_target,
        WaitReason::Default,
        responded.map(Some),
        admin.clone(),
    );
    b.push(
        Rule::ComplaintResolve,
        ci,
        Some(ki),
        None,
        None,
        opened,
        cfg.service.resolve_target,
        WaitReason::Default,
        resolved.map(Some),
        admin.clone(),
    );
    if let Some(r) = resolved {
        let done = if k.csat.is_some() {
            Some(None)
        } else {
            done_by(comp, Kind::Survey, r)
        };
        b.push(
            Rule::ComplaintSurvey,
            ci,
            Some(ki),
            None,
            None,
            r,
            Dur::days(1),
            WaitReason::Default,
            done,
            admin,
        );
    }
}

/// Tasks shown by `due`: due or overdue, plus upcoming with due ≤ now + horizon;
/// sorted by due time then customer id.
/// Is the task on the agenda: due, overdue, or upcoming within the horizon?
pub fn on_agenda(t: &Task, now: Timestamp, upcoming: Option<Dur>) -> bool {
    match t.status {
        Status::Due | Status::Overdue => true,
        Status::Upcoming => upcoming.is_some_and(|d| t.due <= add(now, d)),
        _ => false,
    }
}

pub fn agenda<'a>(
    shop: &Shop,
    tasks: &'a [Task],
    now: Timestamp,
    upcoming: Option<Dur>,
) -> Vec<&'a Task> {
    let mut v: Vec<&Task> = tasks
        .iter()
        .filter(|t| on_agenda(t, now, upcoming))
        .collect();
    v.sort_by(|a, b| agenda_order(shop, a, b));
    v
}

/// The agenda's order: by due time, then customer id, rule and order.
pub fn agenda_order(shop: &Shop, a: &Task, b: &Task) -> std::cmp::Ordering {
    a.due
        .cmp(&b.due)
        .then_with(|| {
            shop.customers[a.customer]
                .id
                .cmp(&shop.customers[b.customer].id)
        })
        .then_with(|| a.rule.cmp(&b.rule))
        .then_with(|| a.order.cmp(&b.order))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lifecycle {
    Lead,
    New,
    Repeat,
    Inactive,
}

impl Lifecycle {
    pub fn as_str(self) -> &'static str {
        match self {
            Lifecycle::Lead => "lead",
            Lifecycle::New => "new",
            Lifecycle::Repeat => "repeat",
            Lifecycle::Inactive => "inactive",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Value {
    High,
    Medium,
    Low,
}

impl Value {
    pub fn as_str(self) -> &'static str {
        match self {
            Value::High => "high",
            Value::Medium => "medium",
            Value::Low => "low",
        }
    }
}

/// A customer's segments at T (SPEC §4 "Segments").
#[derive(Debug, Clone, PartialEq)]
pub struct Segments {
    pub lifecycle: Lifecycle,
    pub unpaid: bool,
    pub value: Option<Value>,
    pub spend_365d: i64,
    pub orders: usize,
    pub last_order: Option<Ev>,
}

pub fn segments(cfg: &Config, c: &Customer, now: Timestamp) -> Segments {
    let counting: Vec<&Order> = c.orders.iter().filter(|o| order_counts(o, now)).collect();
    let last_order = counting.iter().map(|o| o.at).max_by_key(|e| e.t);
    let window_start = sub(now, cfg.service.inactive_after);
    let lifecycle = match (counting.len(), last_order) {
        (0, _) | (_, None) => Lifecycle::Lead,
        (_, Some(l)) if l.t <= window_start => Lifecycle::Inactive,
        (1, _) => Lifecycle::New,
        _ => Lifecycle::Repeat,
    };
    let unpaid = counting.iter().any(|o| happened(o.paid, now).is_none());
    let year_ago = sub(now, Dur::days(365));
    let spend_365d: i64 = counting
        .iter()
        .filter(|o| happened(o.paid, now).is_some_and(|p| p.t > year_ago))
        .fold(0i64, |acc, o| acc.saturating_add(o.total()));
    let value = if counting.is_empty() {
        None
    } else if spend_365d >= cfg.service.high_value {
        Some(Value::High)
    } else if spend_365d >= cfg.service.medium_value {
        Some(Value::Medium)
    } else {
        Some(Value::Low)
    };
    Segments {
        lifecycle,
        unpaid,
        value,
        spend_365d,
        orders: counting.len(),
        last_order,
    }
}

#[cfg(test)]
mod tests;
