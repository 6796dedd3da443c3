//! Weekly (and monthly) service metrics, SPEC §5. Pure functions of the shop,
//! the period and now; they return numbers, never text.

mod key;
pub use key::{Metric, MetricKind};

use crate::rules::{evaluate, order_counts, Rule, Status, Task};
use crate::shop::index::Shop;
use crate::shop::record::Kind;
use crate::shop::record::{Complaint, Customer};
use crate::time::{add, elapsed_open, sub, Dur, Week};
use jiff::{SignedDuration, Timestamp};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopProduct {
    pub product: String,
    pub units: i64,
    pub revenue: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metrics {
    pub leads_new: usize,
    pub leads_by_source: BTreeMap<String, usize>,
    pub conversion_rate: Option<f64>,
    pub closing_rate_by_admin: BTreeMap<String, f64>,
    pub orders: usize,
    pub revenue: i64,
    pub repeat_order_rate: Option<f64>,
    pub top_products: Vec<TopProduct>,
    pub response_median_minutes: Option<f64>,
    pub response_within_target_rate: Option<f64>,
    pub followups_done: usize,
    pub followups_overdue: usize,
    pub complaints_opened: usize,
    pub complaints_resolved: usize,
    pub complaints_open: usize,
    pub complaints_overdue: usize,
    pub csat: Option<f64>,
    pub nps: Option<f64>,
    pub aht_hours: Option<f64>,
    pub fcr_rate: Option<f64>,
    pub active_customers: usize,
    pub retention_rate: Option<f64>,
    pub reply_12h_rate: Option<f64>,
    pub unanswered: usize,
    pub followups_missed: usize,
    pub unpaid_orders: usize,
    pub unpaid_amount: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekStats {
    pub week: String,
    #[serde(flatten)]
    pub metrics: Metrics,
}

/// The moment a period is seen at: now, or just before its end when now is past it.
pub fn as_of(end: Timestamp, now: Timestamp) -> Timestamp {
    let last = end
        .checked_sub(SignedDuration::from_nanos(1))
        .unwrap_or(end);
    now.min(last)
}

pub fn week_stats(shop: &Shop, week: Week, now: Timestamp) -> WeekStats {
    let (start, end) = week.bounds(&shop.config.timezone);
    WeekStats {
        week: week.to_string(),
        metrics: period_metrics(shop, start, end, now),
    }
}

pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

/// Metrics over [start, end) seen at T = as_of(end, now).
pub fn period_metrics(shop: &Shop, start: Timestamp, end: Timestamp, now: Timestamp) -> Metrics {
    let tasks = evaluate(shop, as_of(end, now));
    period_metrics_with_tasks(shop, start, end, now, &tasks)
}

/// The same, given the tasks evaluated at T in customer order (callers that
/// need them too evaluate once).
pub fn period_metrics_with_tasks(
    shop: &Shop,
    start: Timestamp,
    end: Timestamp,
    now: Timestamp,
    tasks: &[Task],
) -> Metrics {
    shop_tally(shop, start, end, now, tasks).finish()
}

/// The additive parts of one period's metrics: one customer's or complaint's
/// share, or the sum over the shop. The watcher keeps a tally per period and,
/// when a record changes, subtracts its old share and adds the new one instead
/// of recomputing the period.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct Tally {
    leads_new: i64,
    by_source: BTreeMap<String, i64>,
    converted: i64,
    by_admin: BTreeMap<String, (i64, i64)>,
    orders: i64,
    revenue: i64,
    repeat_orders: i64,
    products: BTreeMap<String, (i64, i64)>,
    /// Response times (open-time seconds) → how many.
    response_secs: BTreeMap<i64, i64>,
    within_target: i64,
    followups_done: i64,
    followups_overdue: i64,
    complaints_opened: i64,
    complaints_resolved: i64,
    complaints_open: i64,
    complaints_overdue: i64,
    ratings: (i64, i64),
    nps: (i64, i64, i64),
    aht_secs: (i64, i64),
    fcr: (i64, i64),
    active: i64,
    retention: (i64, i64),
    /// Inbound messages judged for the 12-hour reply score: (judged, replied within 12h).
    reply_12h: (i64, i64),
    unanswered: i64,
    followups_missed: i64,
    unpaid_orders: i64,
    unpaid_amount: i64,
    /// Overdue customer tasks per admin at T (weekly page).
    pub overdue_by_admin: BTreeMap<String, i64>,
    /// Leads of the period not followed up at T: (customer id, rule, status).
    pub not_followed: BTreeSet<(String, Rule, Status)>,
}

fn add_map<K: Ord + Clone>(into: &mut BTreeMap<K, i64>, from: &BTreeMap<K, i64>, sign: i64) {
    for (k, v) in from {
        let e = into.entry(k.clone()).or_default();
        *e += sign * v;
        if *e == 0 {
            into.remove(k);
        }
    }
}

fn add_pair_map(
    into: &mut BTreeMap<String, (i64, i64)>,
    from: &BTreeMap<String, (i64, i64)>,
    sign: i64,
) {
    for (k, (a, b)) in from {
        let e = into.entry(k.clone()).or_default();
        e.0 += sign * a;
        e.1 += sign * b;
        if *e == (0, 0) {
            into.remove(k);
        }
    }
}

impl Tally {
    /// Adds (`sign` 1) or removes (`sign` -1) another tally.
    pub fn merge(&mut self, o: &Tally, sign: i64) {
        self.leads_new += sign * o.leads_new;
        add_map(&mut self.by_source, &o.by_source, sign);
        self.converted += sign * o.converted;
        add_pair_map(&mut self.by_admin, &o.by_admin, sign);
        self.orders += sign * o.orders;
        self.revenue = self.revenue.saturating_add(sign.saturating_mul(o.revenue));
        self.repeat_orders += sign * o.repeat_orders;
        add_pair_map(&mut self.products, &o.products, sign);
        add_map(&mut self.response_secs, &o.response_secs, sign);
        self.within_target += sign * o.within_target;
        self.followups_done += sign * o.followups_done;
        self.followups_overdue += sign * o.followups_overdue;
        self.complaints_opened += sign * o.complaints_opened;
        self.complaints_resolved += sign * o.complaints_resolved;
        self.complaints_open += sign * o.complaints_open;
        self.complaints_overdue += sign * o.complaints_overdue;
        self.ratings.0 += sign * o.ratings.0;
        self.ratings.1 += sign * o.ratings.1;
        self.nps.0 += sign * o.nps.0;
        self.nps.1 += sign * o.nps.1;
        self.nps.2 += sign * o.nps.2;
        self.aht_secs.0 += sign * o.aht_secs.0;
        self.aht_secs.1 += sign * o.aht_secs.1;
        self.fcr.0 += sign * o.fcr.0;
        self.fcr.1 += sign * o.fcr.1;
        self.active += sign * o.active;
        self.retention.0 += sign * o.retention.0;
        self.retention.1 += sign * o.retention.1;
        self.reply_12h.0 += sign * o.reply_12h.0;
        self.reply_12h.1 += sign * o.reply_12h.1;
        self.unanswered += sign * o.unanswered;
        self.followups_missed += sign * o.followups_missed;
        self.unpaid_orders += sign * o.unpaid_orders;
        self.unpaid_amount = self
            .unpaid_amount
            .saturating_add(sign.saturating_mul(o.unpaid_amount));
        add_map(&mut self.overdue_by_admin, &o.overdue_by_admin, sign);
        if sign > 0 {
            self.not_followed.extend(o.not_followed.iter().cloned());
        } else {
            for x in &o.not_followed {
                self.not_followed.remove(x);
            }
        }
    }

    /// The counts behind each rate and score, by metric name: (counted,
    /// out of), so a page can say `38% (3/8)`.
    pub fn fractions(&self) -> BTreeMap<&'static str, (i64, i64)> {
        let responses: i64 = self.response_secs.values().sum();
        [
            (Metric::ConversionRate, (self.converted, self.leads_new)),
            (Metric::RepeatOrderRate, (self.repeat_orders, self.orders)),
            (
                Metric::ResponseWithinTargetRate,
                (self.within_target, responses),
            ),
            (Metric::Csat, (self.ratings.1, self.ratings.0)),
            (Metric::Nps, (self.nps.0, self.nps.0)),
            (Metric::FcrRate, (self.fcr.1, self.fcr.0)),
            (Metric::RetentionRate, (self.retention.1, self.retention.0)),
            (Metric::Reply12hRate, (self.reply_12h.1, self.reply_12h.0)),
            (Metric::ResponseMedianMinutes, (responses, responses)),
            (Metric::AhtHours, (self.aht_secs.1, self.aht_secs.1)),
        ]
        .into_iter()
        .map(|(m, f)| (m.name(), f))
        .collect()
    }

    pub fn finish(&self) -> Metrics {
        let count = |v: i64| usize::try_from(v).unwrap_or(0);
        let rate = |num: i64, den: i64| (den > 0).then(|| num as f64 / den as f64);
        let responses: i64 = self.response_secs.values().sum();
        let mut minutes: Vec<f64> = self
            .response_secs
            .iter()
            .flat_map(|(secs, n)| {
                std::iter::repeat_n(*secs as f64 / 60.0, usize::try_from(*n).unwrap_or(0))
            })
            .collect();
        let response_median_minutes = median(&mut minutes);
        let mut top: Vec<TopProduct> = self
            .products
            .iter()
            .map(|(p, (units, revenue))| TopProduct {
                product: p.clone(),
                units: *units,
                revenue: *revenue,
            })
            .collect();
        top.sort_by(|a, b| {
            b.units
                .cmp(&a.units)
                .then(b.revenue.cmp(&a.revenue))
                .then(a.product.cmp(&b.product))
        });
        top.truncate(5);
        Metrics {
            leads_new: count(self.leads_new),
            leads_by_source: self
                .by_source
                .iter()
                .map(|(k, v)| (k.clone(), count(*v)))
                .collect(),
            conversion_rate: rate(self.converted, self.leads_new),
            closing_rate_by_admin: self
                .by_admin
                .iter()
                .filter(|(_, (n, _))| *n > 0)
                .map(|(a, (n, won))| (a.clone(), *won as f64 / *n as f64))
                .collect(),
            orders: count(self.orders),
            revenue: self.revenue,
            repeat_order_rate: rate(self.repeat_orders, self.orders),
            top_products: top,
            response_median_minutes,
            response_within_target_rate: rate(self.within_target, responses),
            followups_done: count(self.followups_done),
            followups_overdue: count(self.followups_overdue),
            complaints_opened: count(self.complaints_opened),
            complaints_resolved: count(self.complaints_resolved),
            complaints_open: count(self.complaints_open),
            complaints_overdue: count(self.complaints_overdue),
            csat: rate(self.ratings.1, self.ratings.0).map(|r| r * 100.0),
            nps: (self.nps.0 > 0)
                .then(|| (self.nps.1 as f64 - self.nps.2 as f64) * 100.0 / self.nps.0 as f64),
            aht_hours: (self.aht_secs.1 > 0)
                .then(|| self.aht_secs.0 as f64 / 3600.0 / self.aht_secs.1 as f64),
            fcr_rate: rate(self.fcr.1, self.fcr.0),
            active_customers: count(self.active),
            retention_rate: rate(self.retention.1, self.retention.0),
            reply_12h_rate: rate(self.reply_12h.1, self.reply_12h.0),
            unanswered: count(self.unanswered),
            followups_missed: count(self.followups_missed),
            unpaid_orders: count(self.unpaid_orders),
            unpaid_amount: self.unpaid_amount,
        }
    }
}

/// `tasks[starts[ci]..starts[ci + 1]]` are customer `ci`'s (tasks come in customer order).
pub fn task_starts(tasks: &[Task], customers: usize) -> Vec<usize> {
    let mut starts = Vec::with_capacity(customers + 1);
    let mut i = 0;
    for ci in 0..=customers {
        while i < tasks.len() && tasks[i].customer < ci {
            i += 1;
        }
        starts.push(i);
    }
    starts
}

/// The whole shop's tally for [start, end) at T = as_of(end, now).
pub fn shop_tally(
    shop: &Shop,
    start: Timestamp,
    end: Timestamp,
    now: Timestamp,
    tasks: &[Task],
) -> Tally {
    let starts = task_starts(tasks, shop.customers.len());
    let mut total = Tally::default();
    for ci in 0..shop.customers.len() {
        let part = customer_tally(
            shop,
            ci,
            start,
            end,
            now,
            &tasks[starts[ci]..starts[ci + 1]],
        );
        total.merge(&part, 1);
    }
    for k in &shop.complaints {
        total.merge(&complaint_tally(shop, k, start, end, now), 1);
    }
    total
}

/// One customer's share of a period, given their tasks at T.
pub fn customer_tally(
    shop: &Shop,
    ci: usize,
    start: Timestamp,
    end: Timestamp,
    now: Timestamp,
    tasks: &[Task],
) -> Tally {
    let cfg = &shop.config;
    let c = &shop.customers[ci];
    let t = as_of(end, now);
    let mut x = Tally::default();
    if c.first_contact.t > t {
        return x;
    }
    let in_period = |v: Timestamp| start <= v && v < end && v <= t;
    let hours = cfg.hours.as_ref();
    let tz = &cfg.timezone;
    let active_from = sub(t, cfg.service.inactive_after);
    let previous_from = sub(active_from, cfg.service.inactive_after);
    let counting: Vec<(usize, &crate::shop::record::Order)> = c
        .orders
        .iter()
        .enumerate()
        .filter(|(_, o)| order_counts(o, t))
        .collect();
    if in_period(c.first_contact.t) {
        x.leads_new = 1;
        let source = c.source.clone().unwrap_or_else(|| "unknown".into());
        x.by_source.insert(source, 1);
        let won = i64::from(!counting.is_empty());
        x.converted = won;
        let admin = c.admin.clone().unwrap_or_else(|| "unassigned".into());
        x.by_admin.insert(admin, (1, won));
    }
    let first = crate::rules::first_order(c, t);
    for (i, o) in &counting {
        if in_period(o.at.t) {
            x.orders += 1;
            x.revenue = o.total().saturating_add(x.revenue);
            if Some(*i) != first {
                x.repeat_orders += 1;
            }
            for item in &o.items {
                let e = x.products.entry(item.product.clone()).or_default();
                e.0 = e.0.saturating_add(item.qty);
                e.1 = e.1.saturating_add(item.qty.saturating_mul(item.price));
            }
        }
    }
    // Receivables are not week-bounded: every order unpaid at T, however old.
    for (_, o) in counting
        .iter()
        .filter(|(_, o)| o.paid.is_none_or(|p| p.t > t))
    {
        x.unpaid_orders += 1;
        x.unpaid_amount = o.total().saturating_add(x.unpaid_amount);
    }
    let had_recent = counting
        .iter()
        .any(|(_, o)| o.at.t > active_from && o.at.t <= t);
    x.active = i64::from(had_recent);
    if counting
        .iter()
        .any(|(_, o)| o.at.t > previous_from && o.at.t <= active_from)
    {
        x.retention = (1, i64::from(had_recent));
    }
    let expire = cfg.service.expire_after;
    let unanswered_from = sub(t, expire);
    for it in &c.interactions {
        if it.kind == Kind::Inbound
            && it.at.t > unanswered_from
            && it.at.t <= t
            && it.replied.is_none_or(|r| r.t > t)
        {
            x.unanswered += 1;
        }
        if !in_period(it.at.t) {
            continue;
        }
        if it.kind.is_outbound() {
            x.followups_done += 1;
        }
        if it.kind == Kind::Inbound {
            let replied = it.replied.filter(|r| r.t <= t);
            if let Some(r) = replied {
                let d = elapsed_open(it.at.t, r.t, hours, tz);
                *x.response_secs.entry(d.secs()).or_default() += 1;
                x.within_target += i64::from(d <= cfg.service.response_target);
            }
            // The marketplaces' chat score, in calendar time: a message still
            // unanswered is judged only once its 12 hours are up.
            let limit = add(it.at.t, Dur::hours(12));
            let within = match replied {
                Some(r) => Some(r.t <= limit),
                None => (limit <= t).then_some(false),
            };
            if let Some(within) = within {
                x.reply_12h.0 += 1;
                x.reply_12h.1 += i64::from(within);
            }
        }
    }
    feedback_share(&mut x, c, &in_period);
    task_share(&mut x, c, tasks, expire, &in_period);
    x
}

/// Ratings and NPS answers given in the period.
fn feedback_share(x: &mut Tally, c: &Customer, in_period: &impl Fn(Timestamp) -> bool) {
    for f in &c.feedback {
        if !in_period(f.at.t) {
            continue;
        }
        if let Some(r) = f.rating {
            x.ratings.0 += 1;
            x.ratings.1 += i64::from(r >= 4);
        }
        if let Some(n) = f.nps {
            x.nps.0 += 1;
            if n >= 9 {
                x.nps.1 += 1;
            } else if n <= 6 {
                x.nps.2 += 1;
            }
        }
    }
}

/// Overdue and lost customer tasks, and leads of the period not followed up.
fn task_share(
    x: &mut Tally,
    c: &Customer,
    tasks: &[Task],
    expire: Dur,
    in_period: &impl Fn(Timestamp) -> bool,
) {
    for task in tasks {
        let customer_task = !task.rule.def().is_complaint;
        if task.status == Status::Overdue && customer_task {
            x.followups_overdue += 1;
            if let Some(a) = &task.admin {
                *x.overdue_by_admin.entry(a.clone()).or_default() += 1;
            }
        }
        // Counted in the period its task expired in, so each lost task counts once.
        if task.status == Status::Missed && customer_task && in_period(add(task.late, expire)) {
            x.followups_missed += 1;
        }
        if matches!(task.rule, Rule::Lead1 | Rule::Lead2 | Rule::Lead3)
            && matches!(task.status, Status::Due | Status::Overdue | Status::Missed)
            && in_period(c.first_contact.t)
        {
            x.not_followed
                .insert((c.id.clone(), task.rule, task.status));
        }
    }
}

/// One complaint's share of a period.
pub fn complaint_tally(
    shop: &Shop,
    k: &Complaint,
    start: Timestamp,
    end: Timestamp,
    now: Timestamp,
) -> Tally {
    let cfg = &shop.config;
    let t = as_of(end, now);
    let mut x = Tally::default();
    if k.opened.t > t {
        return x;
    }
    let in_period = |v: Timestamp| start <= v && v < end && v <= t;
    x.complaints_opened = i64::from(in_period(k.opened.t));
    match crate::rules::complaints::resolved_at(k, t) {
        Some(r) => {
            if in_period(r.t) {
                x.complaints_resolved = 1;
                let secs = elapsed_open(k.opened.t, r.t, cfg.hours.as_ref(), &cfg.timezone).secs();
                x.aht_secs = (secs, 1);
                if let Some(c) = k.contacts {
                    x.fcr = (1, i64::from(c == 1));
                }
                if let Some(s) = k.csat {
                    x.ratings = (1, i64::from(s >= 4));
                }
            }
        }
        None => {
            x.complaints_open = 1;
            x.complaints_overdue = i64::from(crate::rules::complaints::overdue_at(cfg, k, t));
        }
    }
    x
}

#[cfg(test)]
mod tests;
