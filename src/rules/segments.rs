//! A customer's segments at T (SPEC §4 "Segments"): lifecycle, unpaid and
//! value tier. Their words are in `lang::words`.

use super::orders::{happened, order_counts};
use crate::shop::config::Config;
use crate::shop::record::{Customer, Ev, Order};
use crate::time::{sub, Dur};
use jiff::Timestamp;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lifecycle {
    Lead,
    New,
    Repeat,
    Inactive,
}

impl Lifecycle {
    /// The name in JSON and CSV.
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
    /// The name in JSON and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Value::High => "high",
            Value::Medium => "medium",
            Value::Low => "low",
        }
    }
}

/// A customer's segments at T.
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
