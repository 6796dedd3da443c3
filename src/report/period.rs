//! The periods a site shows: months, the weeks and months with data, and the
//! event days they come from.

use crate::shop::config::{Config, Lang};
use crate::shop::index::Shop;
use crate::shop::record::Customer;
use crate::time::Week;
use jiff::civil::Date;
use jiff::Timestamp;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
pub struct Month {
    pub year: i16,
    pub month: i8,
}

impl Month {
    pub fn containing(t: Timestamp, cfg: &Config) -> Month {
        let (year, month, _) =
            crate::time::civil_from_days(crate::time::local_day(t, &cfg.timezone));
        Month {
            year: year as i16,
            month,
        }
    }
    fn first_day(self) -> Date {
        Date::new(self.year, self.month, 1).unwrap_or(Date::ZERO)
    }
    pub fn prev(self) -> Month {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: self.year,
                month: self.month - 1,
            }
        }
    }
    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }
    pub fn bounds(self, cfg: &Config) -> (Timestamp, Timestamp) {
        let at = |d: Date| {
            cfg.timezone
                .to_ambiguous_timestamp(d.to_datetime(jiff::civil::Time::midnight()))
                .compatible()
                .unwrap_or(Timestamp::MIN)
        };
        (at(self.first_day()), at(self.next().first_day()))
    }
    pub fn slug(self) -> String {
        format!("{}-{:02}", self.year, self.month)
    }
    pub fn title(self, lang: Lang) -> String {
        format!(
            "{} {}",
            crate::lang::format::month_long(self.month, lang),
            self.year
        )
    }
}

/// The periods a site shows: weeks and months with data, and those whose
/// metrics are needed (each with its predecessor, and the last 12 weeks).
#[derive(Debug, Clone, PartialEq)]
pub struct Periods {
    pub weeks: Vec<Week>,
    pub months: Vec<Month>,
    pub needed_weeks: BTreeSet<Week>,
    pub needed_months: BTreeSet<Month>,
    pub current_week: Week,
}

pub fn periods(shop: &Shop, now: Timestamp) -> Periods {
    periods_from_days(&day_counts(shop, now), &shop.config, now)
}

/// How many events fall on each local day up to now (far fewer days than
/// events); the watcher keeps these counts and moves an edit's days.
pub fn day_counts(shop: &Shop, now: Timestamp) -> BTreeMap<i64, u32> {
    let tz = &shop.config.timezone;
    let add = |mut counts: BTreeMap<i64, u32>, days: &mut dyn Iterator<Item = i64>| {
        for d in days {
            *counts.entry(d).or_default() += 1;
        }
        counts
    };
    let mut counts = shop
        .customers
        .par_iter()
        .fold(BTreeMap::new, |counts, c| {
            add(counts, &mut customer_days(c, now, tz))
        })
        .reduce(BTreeMap::new, |mut a, b| {
            for (d, n) in b {
                *a.entry(d).or_default() += n;
            }
            a
        });
    for k in &shop.complaints {
        counts = add(counts, &mut complaint_days(k, now, tz));
    }
    counts
}

/// The local days (day numbers) of a customer's events up to now.
pub fn customer_days<'a>(
    c: &'a Customer,
    now: Timestamp,
    tz: &'a jiff::tz::TimeZone,
) -> impl Iterator<Item = i64> + 'a {
    event_times(c)
        .filter(move |t| *t <= now)
        .map(|t| crate::time::local_day(t, tz))
}

/// The local days a complaint was opened and resolved, up to now.
pub fn complaint_days<'a>(
    k: &crate::shop::record::Complaint,
    now: Timestamp,
    tz: &'a jiff::tz::TimeZone,
) -> impl Iterator<Item = i64> + 'a {
    [Some(k.opened), k.resolved]
        .into_iter()
        .flatten()
        .filter(move |e| e.t <= now)
        .map(|e| crate::time::local_day(e.t, tz))
}

/// The periods of the local days with events (the keys of [`day_counts`]).
pub fn periods_from_days(days: &BTreeMap<i64, u32>, cfg: &Config, now: Timestamp) -> Periods {
    let tz = &cfg.timezone;
    let weeks: BTreeSet<Week> = days.keys().map(|d| Week::of_day(*d)).collect();
    let months: BTreeSet<Month> = days
        .keys()
        .map(|d| {
            let (year, month, _) = crate::time::civil_from_days(*d);
            Month {
                year: year as i16,
                month,
            }
        })
        .collect();
    let current_week = Week::containing(now, tz);
    let mut needed_weeks: BTreeSet<Week> = BTreeSet::new();
    for w in &weeks {
        needed_weeks.insert(*w);
        needed_weeks.insert(w.prev());
    }
    // The trend charts' weeks, each with the week before it.
    needed_weeks.extend(current_week.last(TREND_WEEKS + 1));
    let mut needed_months: BTreeSet<Month> = BTreeSet::new();
    for m in &months {
        needed_months.insert(*m);
        needed_months.insert(m.prev());
    }
    Periods {
        weeks: weeks.into_iter().collect(),
        months: months.into_iter().collect(),
        needed_weeks,
        needed_months,
        current_week,
    }
}

pub fn event_times(c: &Customer) -> impl Iterator<Item = Timestamp> + '_ {
    std::iter::once(c.first_contact.t)
        .chain(c.orders.iter().flat_map(|o| {
            [Some(o.at), o.paid, o.shipped, o.delivered, o.cancelled]
                .into_iter()
                .flatten()
                .map(|e| e.t)
        }))
        .chain(c.interactions.iter().map(|i| i.at.t))
        .chain(c.feedback.iter().map(|f| f.at.t))
}

/// How many weeks the dashboard's trend charts show.
pub const TREND_WEEKS: usize = 12;
