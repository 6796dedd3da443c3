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
    pub fn first_day(self) -> Date {
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

/// The first whole days of a week or month: what a period still running is
/// compared with (the same days of the one before), never a whole period.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
pub enum Part {
    /// The week's first `n` days (Monday first).
    Week(Week, u8),
    /// The month's first `n` days (at most the whole month).
    Month(Month, u8),
}

impl Part {
    /// [start, end) in the shop zone: the period's start, then `n` local days
    /// later or the period's end, whichever comes first.
    pub fn bounds(self, cfg: &Config) -> (Timestamp, Timestamp) {
        let (first, n, (start, end)) = match self {
            Part::Week(w, n) => (w.monday(), n, w.bounds(&cfg.timezone)),
            Part::Month(m, n) => (m.first_day(), n, m.bounds(cfg)),
        };
        let cut = first
            .checked_add(jiff::Span::new().days(i64::from(n)))
            .ok()
            .and_then(|d| {
                cfg.timezone
                    .to_ambiguous_timestamp(d.to_datetime(jiff::civil::Time::midnight()))
                    .compatible()
                    .ok()
            })
            .unwrap_or(end);
        (start, cut.min(end))
    }

    /// The days of the period running at `now` that have begun, as the
    /// same part of the week before and of the month before.
    pub fn running(now: Timestamp, cfg: &Config) -> (Part, Part) {
        let day = crate::time::local_day(now, &cfg.timezone);
        let (_, _, dom) = crate::time::civil_from_days(day);
        let weekday = (day + 3).rem_euclid(7) as u8; // Monday = 0
        let week = Week::of_day(day);
        let month = Month::containing(now, cfg);
        (
            Part::Week(week.prev(), weekday + 1),
            Part::Month(month.prev(), dom as u8),
        )
    }

    pub fn days(self) -> u8 {
        match self {
            Part::Week(_, n) | Part::Month(_, n) => n,
        }
    }
}

/// The periods a site shows: weeks and months with data, and those whose
/// metrics are needed (each with its predecessor, and the last 12 weeks),
/// and the parts of the weeks and months before the running ones.
#[derive(Debug, Clone, PartialEq)]
pub struct Periods {
    pub weeks: Vec<Week>,
    pub months: Vec<Month>,
    pub needed_weeks: BTreeSet<Week>,
    pub needed_months: BTreeSet<Month>,
    pub needed_parts: BTreeSet<Part>,
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
    let (week_part, month_part) = Part::running(now, cfg);
    Periods {
        weeks: weeks.into_iter().collect(),
        months: months.into_iter().collect(),
        needed_weeks,
        needed_months,
        needed_parts: [week_part, month_part].into_iter().collect(),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str, cfg: &Config) -> Timestamp {
        crate::time::parse_time_in(s, &cfg.timezone, crate::shop::config::Lang::En).expect("time")
    }

    /// Monday 08:00 compares with last Monday; Friday with Monday–Friday;
    /// the 31st of a month with the whole shorter month before.
    #[test]
    fn running_periods_compare_with_the_same_days_before() {
        let cfg = Config::for_tests("Asia/Jakarta");
        let (w, m) = Part::running(at("2026-11-23 08:00", &cfg), &cfg);
        assert_eq!(
            w,
            Part::Week(
                Week {
                    year: 2026,
                    week: 47
                },
                1
            )
        );
        assert_eq!(
            w.bounds(&cfg),
            (at("2026-11-16 00:00", &cfg), at("2026-11-17 00:00", &cfg))
        );
        assert_eq!(
            m,
            Part::Month(
                Month {
                    year: 2026,
                    month: 10
                },
                23
            )
        );
        assert_eq!(
            m.bounds(&cfg),
            (at("2026-10-01 00:00", &cfg), at("2026-10-24 00:00", &cfg))
        );
        let (w, _) = Part::running(at("2026-11-27 15:00", &cfg), &cfg);
        assert_eq!(
            w.bounds(&cfg),
            (at("2026-11-16 00:00", &cfg), at("2026-11-21 00:00", &cfg))
        );
        let (_, m) = Part::running(at("2026-03-31 10:00", &cfg), &cfg);
        assert_eq!(
            m.bounds(&cfg),
            (at("2026-02-01 00:00", &cfg), at("2026-03-01 00:00", &cfg))
        );
    }
}
