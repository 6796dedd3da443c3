//! The weekly lists (leads and follow-ups per admin, repeat orders) of every
//! week from one pass over the shop, and the work left at a week's end.

use crate::rules::{self, Status};
use crate::shop::index::Shop;
use crate::shop::record::Customer;
use crate::time::Week;
use jiff::Timestamp;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What a weekly page lists from the records of that week (seen at its T).
#[derive(Debug, Default, Clone)]
pub struct WeekRows {
    pub leads_by_admin: BTreeMap<String, usize>,
    pub followups_by_admin: BTreeMap<String, usize>,
    /// (customer, order index) of repeat orders placed in the week.
    pub repeat_orders: Vec<(usize, usize)>,
}

pub enum WeekEvent<'a> {
    Lead(&'a str),
    Followup(&'a str),
    Repeat(usize, usize),
}

/// The weekly lists of every week at once: each event lands in its own week, so
/// one pass replaces a scan of the whole shop per weekly page. An event counts
/// in its week when it is at or before the week's T = min(now, end), i.e. when
/// it is not in the future.
pub fn week_rows(shop: &Shop, now: Timestamp) -> HashMap<Week, WeekRows> {
    let tz = &shop.config.timezone;
    let events: Vec<(Week, WeekEvent)> = shop
        .customers
        .par_iter()
        .enumerate()
        .flat_map_iter(|(ci, c)| customer_week_events(ci, c, now, tz))
        .collect();
    let mut out: HashMap<Week, WeekRows> = HashMap::new();
    add_week_events(&mut out, events, 1);
    out
}

/// What customer `ci` adds to the weekly lists.
pub fn customer_week_events<'a>(
    ci: usize,
    c: &'a Customer,
    now: Timestamp,
    tz: &jiff::tz::TimeZone,
) -> Vec<(Week, WeekEvent<'a>)> {
    let mut v = Vec::new();
    if c.first_contact.t <= now {
        let admin = c.admin.as_deref().unwrap_or("unassigned");
        v.push((
            Week::containing(c.first_contact.t, tz),
            WeekEvent::Lead(admin),
        ));
    }
    for i in &c.interactions {
        if i.at.t <= now && i.kind.is_outbound() {
            if let Some(by) = &i.by {
                v.push((Week::containing(i.at.t, tz), WeekEvent::Followup(by)));
            }
        }
    }
    for (oi, o) in c.orders.iter().enumerate() {
        if o.at.t > now {
            continue;
        }
        let w = Week::containing(o.at.t, tz);
        let t_at = crate::metrics::as_of(w.bounds(tz).1, now);
        if !rules::order_counts(o, t_at) {
            continue;
        }
        // The customer's first order (as counted at T) is not a repeat.
        if rules::first_order(c, t_at) != Some(oi) {
            v.push((w, WeekEvent::Repeat(ci, oi)));
        }
    }
    v
}

/// Adds (`sign` 1) or takes away (-1) a customer's events from the weekly
/// lists; counts that reach zero disappear, as if never added, and repeat
/// orders stay in customer then order sequence.
pub fn add_week_events(
    rows: &mut HashMap<Week, WeekRows>,
    events: Vec<(Week, WeekEvent)>,
    sign: i64,
) {
    fn count(map: &mut BTreeMap<String, usize>, key: &str, sign: i64) {
        if sign > 0 {
            *map.entry(key.to_string()).or_default() += 1;
        } else if let Some(n) = map.get_mut(key) {
            *n -= 1;
            if *n == 0 {
                map.remove(key);
            }
        }
    }
    for (w, e) in events {
        let r = rows.entry(w).or_default();
        match e {
            WeekEvent::Lead(a) => count(&mut r.leads_by_admin, a, sign),
            WeekEvent::Followup(a) => count(&mut r.followups_by_admin, a, sign),
            WeekEvent::Repeat(ci, oi) if sign > 0 => {
                // Usually appended in order; an edit's orders go to their place.
                let at = r.repeat_orders.partition_point(|x| *x < (ci, oi));
                r.repeat_orders.insert(at, (ci, oi));
            }
            WeekEvent::Repeat(ci, oi) => r.repeat_orders.retain(|x| *x != (ci, oi)),
        }
    }
}

/// What the weekly page lists about work, from the week's tally.
#[derive(Debug, Default, Clone)]
pub struct WeekWork {
    pub overdue_by_admin: BTreeMap<String, i64>,
    /// (customer id, rule, status) of leads of the week not followed up.
    pub not_followed: BTreeSet<(String, rules::Rule, Status)>,
}
