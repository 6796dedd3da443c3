//! Weekly (and monthly) service metrics, SPEC §5. Pure functions of the shop,
//! the period and now.

use crate::config::{Config, Lang};
use crate::index::Shop;
use crate::record::Kind;
use crate::rules::{evaluate, order_counts, resolve_due, Status};
use crate::time::{elapsed_open, sub, Week};
use jiff::{SignedDuration, Timestamp};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

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

fn rate(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
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

/// The same, given the tasks evaluated at T (callers that need them too
/// evaluate once).
pub fn period_metrics_with_tasks(
    shop: &Shop,
    start: Timestamp,
    end: Timestamp,
    now: Timestamp,
    tasks: &[crate::rules::Task],
) -> Metrics {
    let cfg = &shop.config;
    let t = as_of(end, now);
    let in_period = |x: Timestamp| start <= x && x < end && x <= t;
    let hours = cfg.hours.as_ref();
    let tz = &cfg.timezone;

    let mut leads_new = 0;
    let mut leads_by_source: BTreeMap<String, usize> = BTreeMap::new();
    let mut converted = 0;
    let mut by_admin: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut orders = 0;
    let mut revenue = 0;
    let mut repeat_orders = 0;
    let mut products: HashMap<&str, (i64, i64)> = HashMap::new();
    let mut response_minutes = Vec::new();
    let mut within_target = 0;
    let mut followups_done = 0;
    let mut ratings = (0usize, 0usize);
    let mut nps = (0usize, 0usize, 0usize);
    let mut active = 0;
    let mut retention = (0usize, 0usize);
    let active_from = sub(t, cfg.service.inactive_after);
    let previous_from = sub(active_from, cfg.service.inactive_after);

    for c in &shop.customers {
        if c.first_contact.t > t {
            continue;
        }
        let counting: Vec<(usize, &crate::record::Order)> = c
            .orders
            .iter()
            .enumerate()
            .filter(|(_, o)| order_counts(o, t))
            .collect();
        if in_period(c.first_contact.t) {
            leads_new += 1;
            let source = c.source.clone().unwrap_or_else(|| "unknown".into());
            *leads_by_source.entry(source).or_default() += 1;
            let won = !counting.is_empty();
            converted += usize::from(won);
            let admin = c.admin.clone().unwrap_or_else(|| "unassigned".into());
            let e = by_admin.entry(admin).or_default();
            e.0 += 1;
            e.1 += usize::from(won);
        }
        let first = counting
            .iter()
            .min_by(|a, b| a.1.at.t.cmp(&b.1.at.t).then(a.0.cmp(&b.0)))
            .map(|(i, _)| *i);
        for (i, o) in &counting {
            if in_period(o.at.t) {
                orders += 1;
                revenue = o.total().saturating_add(revenue);
                if Some(*i) != first {
                    repeat_orders += 1;
                }
                for item in &o.items {
                    let e = products.entry(item.product.as_str()).or_default();
                    e.0 = e.0.saturating_add(item.qty);
                    e.1 = e.1.saturating_add(item.qty.saturating_mul(item.price));
                }
            }
        }
        let had_recent = counting
            .iter()
            .any(|(_, o)| o.at.t > active_from && o.at.t <= t);
        active += usize::from(had_recent);
        if counting
            .iter()
            .any(|(_, o)| o.at.t > previous_from && o.at.t <= active_from)
        {
            retention.0 += 1;
            retention.1 += usize::from(had_recent);
        }
        for it in &c.interactions {
            if !in_period(it.at.t) {
                continue;
            }
            if it.kind.is_outbound() {
                followups_done += 1;
            }
            if it.kind == Kind::Inbound {
                if let Some(r) = it.replied.filter(|r| r.t <= t) {
                    let d = elapsed_open(it.at.t, r.t, hours, tz);
                    response_minutes.push(d.secs() as f64 / 60.0);
                    within_target += usize::from(d <= cfg.service.response_target);
                }
            }
        }
        for f in &c.feedback {
            if !in_period(f.at.t) {
                continue;
            }
            if let Some(r) = f.rating {
                ratings.0 += 1;
                ratings.1 += usize::from(r >= 4);
            }
            if let Some(n) = f.nps {
                nps.0 += 1;
                if n >= 9 {
                    nps.1 += 1;
                } else if n <= 6 {
                    nps.2 += 1;
                }
            }
        }
    }

    let mut complaints_opened = 0;
    let mut complaints_resolved = 0;
    let mut complaints_open = 0;
    let mut complaints_overdue = 0;
    let mut aht = Vec::new();
    let mut fcr = (0usize, 0usize);
    for k in &shop.complaints {
        if k.opened.t > t {
            continue;
        }
        complaints_opened += usize::from(in_period(k.opened.t));
        match k.resolved.filter(|r| r.t <= t) {
            Some(r) => {
                if in_period(r.t) {
                    complaints_resolved += 1;
                    aht.push(elapsed_open(k.opened.t, r.t, hours, tz).secs() as f64 / 3600.0);
                    if let Some(c) = k.contacts {
                        fcr.0 += 1;
                        fcr.1 += usize::from(c == 1);
                    }
                    if let Some(s) = k.csat {
                        ratings.0 += 1;
                        ratings.1 += usize::from(s >= 4);
                    }
                }
            }
            None => {
                complaints_open += 1;
                complaints_overdue += usize::from(resolve_due(cfg, k) <= t);
            }
        }
    }

    let followups_overdue = tasks
        .iter()
        .filter(|task| task.status == Status::Overdue && !task.rule.def().is_complaint)
        .count();

    let mut top: Vec<TopProduct> = products
        .into_iter()
        .map(|(p, (units, revenue))| TopProduct {
            product: p.to_string(),
            units,
            revenue,
        })
        .collect();
    top.sort_by(|a, b| {
        b.units
            .cmp(&a.units)
            .then(b.revenue.cmp(&a.revenue))
            .then(a.product.cmp(&b.product))
    });
    top.truncate(5);

    let within = rate(within_target, response_minutes.len());
    Metrics {
        leads_new,
        leads_by_source,
        conversion_rate: rate(converted, leads_new),
        closing_rate_by_admin: by_admin
            .into_iter()
            .map(|(a, (n, won))| (a, won as f64 / n as f64))
            .collect(),
        orders,
        revenue,
        repeat_order_rate: rate(repeat_orders, orders),
        top_products: top,
        response_median_minutes: median(&mut response_minutes),
        response_within_target_rate: within,
        followups_done,
        followups_overdue,
        complaints_opened,
        complaints_resolved,
        complaints_open,
        complaints_overdue,
        csat: rate(ratings.1, ratings.0).map(|r| r * 100.0),
        nps: (nps.0 > 0).then(|| (nps.1 as f64 - nps.2 as f64) * 100.0 / nps.0 as f64),
        aht_hours: (!aht.is_empty()).then(|| aht.iter().sum::<f64>() / aht.len() as f64),
        fcr_rate: rate(fcr.1, fcr.0),
        active_customers: active,
        retention_rate: rate(retention.1, retention.0),
    }
}

/// Metric keys in SPEC order.
pub const KEYS: [&str; 22] = [
    "leads_new",
    "leads_by_source",
    "conversion_rate",
    "closing_rate_by_admin",
    "orders",
    "revenue",
    "repeat_order_rate",
    "top_products",
    "response_median_minutes",
    "response_within_target_rate",
    "followups_done",
    "followups_overdue",
    "complaints_opened",
    "complaints_resolved",
    "complaints_open",
    "complaints_overdue",
    "csat",
    "nps",
    "aht_hours",
    "fcr_rate",
    "active_customers",
    "retention_rate",
];

/// Keys whose value is a map or a list rather than one number.
pub const BREAKDOWN_KEYS: [&str; 3] = ["leads_by_source", "closing_rate_by_admin", "top_products"];

/// The keys of single numbers, in SPEC order.
pub fn scalar_keys() -> Vec<&'static str> {
    KEYS.iter()
        .copied()
        .filter(|k| !BREAKDOWN_KEYS.contains(k))
        .collect()
}

/// A number with the language's decimal mark: `3,5` or `3.5`.
pub fn decimal(v: f64, places: usize, lang: Lang) -> String {
    let s = format!("{v:.places$}");
    let s = if places > 0 {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    match lang {
        Lang::Id => s.replace('.', ","),
        Lang::En => s,
    }
}

fn percent(v: Option<f64>, lang: Lang) -> String {
    v.map_or("–".into(), |r| {
        format!("{}%", decimal(r * 100.0, 0, lang))
    })
}

/// Scalar value of a metric, for charts and changes (None when undefined).
pub fn scalar(key: &str, m: &Metrics) -> Option<f64> {
    Some(match key {
        "leads_new" => m.leads_new as f64,
        "conversion_rate" => m.conversion_rate?,
        "orders" => m.orders as f64,
        "revenue" => m.revenue as f64,
        "repeat_order_rate" => m.repeat_order_rate?,
        "response_median_minutes" => m.response_median_minutes?,
        "response_within_target_rate" => m.response_within_target_rate?,
        "followups_done" => m.followups_done as f64,
        "followups_overdue" => m.followups_overdue as f64,
        "complaints_opened" => m.complaints_opened as f64,
        "complaints_resolved" => m.complaints_resolved as f64,
        "complaints_open" => m.complaints_open as f64,
        "complaints_overdue" => m.complaints_overdue as f64,
        "csat" => m.csat?,
        "nps" => m.nps?,
        "aht_hours" => m.aht_hours?,
        "fcr_rate" => m.fcr_rate?,
        "active_customers" => m.active_customers as f64,
        "retention_rate" => m.retention_rate?,
        _ => return None,
    })
}

/// Whether a rise of this metric is good news (for arrows and colours).
pub fn higher_is_better(key: &str) -> bool {
    !matches!(
        key,
        "response_median_minutes"
            | "followups_overdue"
            | "complaints_opened"
            | "complaints_open"
            | "complaints_overdue"
            | "aht_hours"
    )
}

/// A metric as people read it.
pub fn show(key: &str, m: &Metrics, cfg: &Config) -> String {
    let lang = cfg.language;
    let products = |p: &str| {
        cfg.products
            .get(p)
            .map_or(p.to_string(), |x| x.name.clone())
    };
    match key {
        "leads_by_source" => {
            if m.leads_by_source.is_empty() {
                return "–".into();
            }
            m.leads_by_source
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect::<Vec<_>>()
                .join(", ")
        }
        "closing_rate_by_admin" => {
            if m.closing_rate_by_admin.is_empty() {
                return "–".into();
            }
            m.closing_rate_by_admin
                .iter()
                .map(|(k, v)| format!("{k} {}", percent(Some(*v), lang)))
                .collect::<Vec<_>>()
                .join(", ")
        }
        "top_products" => {
            if m.top_products.is_empty() {
                return "–".into();
            }
            m.top_products
                .iter()
                .map(|t| format!("{} ×{}", products(&t.product), t.units))
                .collect::<Vec<_>>()
                .join(", ")
        }
        "revenue" => crate::fmt::money(m.revenue, &cfg.currency),
        "conversion_rate"
        | "repeat_order_rate"
        | "response_within_target_rate"
        | "fcr_rate"
        | "retention_rate" => percent(scalar(key, m), lang),
        "csat" => m
            .csat
            .map_or("–".into(), |v| format!("{}%", decimal(v, 0, lang))),
        "nps" => m.nps.map_or("–".into(), |v| decimal(v, 0, lang)),
        "response_median_minutes" => m.response_median_minutes.map_or("–".into(), |v| {
            format!(
                "{} {}",
                decimal(v, 1, lang),
                crate::i18n::pick(lang, "menit", "min")
            )
        }),
        "aht_hours" => m.aht_hours.map_or("–".into(), |v| {
            format!(
                "{} {}",
                decimal(v, 1, lang),
                crate::i18n::pick(lang, "jam", "h")
            )
        }),
        _ => scalar(key, m).map_or("–".into(), |v| decimal(v, 0, lang)),
    }
}

/// The change from the previous period, as text and direction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub text: String,
    /// "up", "down", "same" or "none".
    pub direction: &'static str,
    /// "good", "bad" or "neutral".
    pub tone: &'static str,
}

pub fn change(key: &str, this: &Metrics, prev: &Metrics, lang: Lang) -> Change {
    let (Some(a), Some(b)) = (scalar(key, this), scalar(key, prev)) else {
        return Change {
            text: "–".into(),
            direction: "none",
            tone: "neutral",
        };
    };
    let diff = a - b;
    let is_rate = matches!(
        key,
        "conversion_rate"
            | "repeat_order_rate"
            | "response_within_target_rate"
            | "fcr_rate"
            | "retention_rate"
    );
    let text_abs = if is_rate {
        format!(
            "{} {}",
            decimal(diff.abs() * 100.0, 0, lang),
            crate::i18n::pick(lang, "poin", "pts")
        )
    } else if key == "revenue" {
        crate::fmt::money(diff.abs() as i64, "IDR")
    } else {
        decimal(diff.abs(), 1, lang)
    };
    let (direction, arrow) = if diff.abs() < 1e-9 {
        ("same", "=")
    } else if diff > 0.0 {
        ("up", "▲")
    } else {
        ("down", "▼")
    };
    let tone = match direction {
        "same" => "neutral",
        "up" if higher_is_better(key) => "good",
        "down" if !higher_is_better(key) => "good",
        _ => "bad",
    };
    let text = if direction == "same" {
        crate::i18n::pick(lang, "= tetap", "= same").to_string()
    } else {
        format!("{arrow} {text_abs}")
    };
    Change {
        text,
        direction,
        tone,
    }
}

#[cfg(test)]
#[path = "metrics_tests.rs"]
mod tests;
