//! What an order is at a time T (SPEC §4): whether it counts, and which is a
//! customer's first. Tasks, segments and figures ask these questions here.

use crate::shop::record::{Customer, Ev, Order};
use jiff::Timestamp;

/// An optional event, if it had happened at `now`.
pub fn happened(ev: Option<Ev>, now: Timestamp) -> Option<Ev> {
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
