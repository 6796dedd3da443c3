//! What the watcher keeps from one rebuild for the next, valid for one
//! moment and one set of records: each customer's moment, the event-day
//! counts and periods, the weekly lists, and the site parts an edit rarely
//! changes. One epoch (the moment and whether the records kept their places)
//! decides for all of them: at the same epoch each part is moved by the
//! replaced records only; at a new one everything is worked out again.

use crate::messages::Messages;
use crate::report::moment::Moment;
use crate::report::{self, Periods, WeekRows};
use crate::shop::index::{Parsed, Shop};
use crate::time::Week;
use jiff::Timestamp;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// Parts of the site an edit at the same moment rarely changes.
pub struct Kept {
    pub public_feedback: Vec<(Timestamp, usize, usize)>,
    pub listed: Vec<usize>,
    pub resolve_due: Vec<Timestamp>,
}

/// How a rebuild stands to the last one.
pub enum Epoch {
    /// The same moment and records in the same places: what was worked out
    /// holds but for the replaced records.
    Same,
    /// Another moment or another shop: everything is worked out again. With
    /// the last moments when the records are the same, to tell whose pages
    /// the clock moved.
    New { previous: Option<Vec<Moment>> },
}

#[derive(Default)]
pub struct Memo {
    /// The moment everything below was worked out at.
    now: Option<Timestamp>,
    moments: Option<Vec<Moment>>,
    days: Option<(BTreeMap<i64, u32>, Periods)>,
    week_rows: Option<HashMap<Week, WeekRows>>,
    kept: Option<Kept>,
}

/// Every customer's moment, and what an edit or the clock did to them.
pub struct Moments {
    pub all: Vec<Moment>,
    /// Customers whose moment the clock moved (none for an edit at the same
    /// moment); `None` when unknown.
    pub moved: Option<Vec<usize>>,
    /// The touched customers' moments before the edit (same epoch only).
    pub before: Vec<(usize, Moment)>,
}

impl Memo {
    /// Starts a rebuild at `now`; `same_records` when the shop was patched
    /// (every record kept its place).
    pub fn begin(&mut self, now: Timestamp, same_records: bool) -> Epoch {
        if self.now == Some(now) && same_records {
            return Epoch::Same;
        }
        self.now = Some(now);
        self.days = None;
        self.week_rows = None;
        self.kept = None;
        Epoch::New {
            previous: self.moments.take().filter(|_| same_records),
        }
    }

    /// Every customer at `now`: at the same epoch only the touched customers
    /// are evaluated again.
    pub fn moments(
        &mut self,
        epoch: Epoch,
        shop: &Shop,
        now: Timestamp,
        touched: &[usize],
        msgs: &Messages,
    ) -> Moments {
        let cfg = &shop.config;
        let due = |ki: usize| crate::rules::resolve_due(cfg, &shop.complaints[ki]);
        let of = |ci: usize| Moment::of(shop, ci, now, msgs, &due);
        let kept = self
            .moments
            .take()
            .filter(|v| v.len() == shop.customers.len());
        match (epoch, kept) {
            (Epoch::Same, Some(mut all)) => {
                let before = touched
                    .iter()
                    .map(|&ci| (ci, std::mem::replace(&mut all[ci], of(ci))))
                    .collect();
                Moments {
                    all,
                    moved: Some(Vec::new()),
                    before,
                }
            }
            (epoch, _) => {
                let all: Vec<Moment> = (0..shop.customers.len())
                    .into_par_iter()
                    .with_min_len(256)
                    .map(of)
                    .collect();
                let previous = match epoch {
                    Epoch::New { previous } => previous,
                    Epoch::Same => None,
                };
                // Time moved on (same records): the customers whose pages
                // now show something else.
                let moved = previous
                    .filter(|old| old.len() == all.len())
                    .map(|old| (0..all.len()).filter(|&ci| old[ci] != all[ci]).collect());
                Moments {
                    all,
                    moved,
                    before: Vec::new(),
                }
            }
        }
    }

    /// The periods at `now`: at the same epoch, from the kept day counts
    /// moved by the replaced and new records' days.
    pub fn periods(&mut self, shop: &Shop, now: Timestamp, replaced: &[Parsed]) -> Periods {
        let tz = &shop.config.timezone;
        let Some((mut counts, last)) = self.days.take() else {
            let counts = report::day_counts(shop, now);
            let p = report::periods_from_days(&counts, &shop.config, now);
            self.days = Some((counts, p.clone()));
            return p;
        };
        let mut old_days: Vec<i64> = Vec::new();
        let mut new_days: Vec<i64> = Vec::new();
        for p in replaced {
            match p {
                Parsed::Customer(old) => {
                    old_days.extend(report::customer_days(old, now, tz));
                    if let Some(c) = shop.customer(&old.id) {
                        new_days.extend(report::customer_days(c, now, tz));
                    }
                }
                Parsed::Complaint(old) => {
                    old_days.extend(report::complaint_days(old, now, tz));
                    if let Some(k) = shop.complaint(&old.id) {
                        new_days.extend(report::complaint_days(k, now, tz));
                    }
                }
                Parsed::Broken => {}
            }
        }
        let mut days_changed = false;
        for d in new_days {
            let n = counts.entry(d).or_default();
            days_changed |= *n == 0;
            *n += 1;
        }
        for d in old_days {
            if let Some(n) = counts.get_mut(&d) {
                *n -= 1;
                if *n == 0 {
                    counts.remove(&d);
                    days_changed = true;
                }
            }
        }
        let p = if days_changed {
            report::periods_from_days(&counts, &shop.config, now)
        } else {
            last
        };
        self.days = Some((counts, p.clone()));
        p
    }

    /// The weekly lists at `now`: at the same epoch, the kept lists without
    /// the replaced customers' events and with their new ones.
    pub fn week_rows(
        &mut self,
        shop: &Shop,
        now: Timestamp,
        replaced: &[Parsed],
    ) -> HashMap<Week, WeekRows> {
        let tz = &shop.config.timezone;
        let Some(mut rows) = self.week_rows.take() else {
            return report::week_rows(shop, now);
        };
        for p in replaced {
            let Parsed::Customer(old) = p else { continue };
            let Some(&ci) = shop.customer_index.get(&old.id) else {
                continue;
            };
            let old_events = report::customer_week_events(ci, old, now, tz);
            report::add_week_events(&mut rows, old_events, -1);
            let new_events = report::customer_week_events(ci, &shop.customers[ci], now, tz);
            report::add_week_events(&mut rows, new_events, 1);
        }
        rows
    }

    /// The kept site parts, at the same epoch unless an edited customer's
    /// testimonials changed (the listed customers and the deadlines stay:
    /// a patch keeps first contacts and complaint openings).
    pub fn kept(&mut self, shop: &Shop, now: Timestamp, replaced: &[Parsed]) -> Option<Kept> {
        let same_feedback = replaced.iter().all(|p| match p {
            Parsed::Customer(old) => shop.customer(&old.id).is_some_and(|new| {
                report::shown_feedback(old, now).eq(report::shown_feedback(new, now))
            }),
            _ => true,
        });
        self.kept.take().filter(|_| same_feedback)
    }

    /// Keeps what a rebuild's site worked out, for the next rebuild.
    pub fn keep(&mut self, moments: Vec<Moment>, week_rows: HashMap<Week, WeekRows>, kept: Kept) {
        self.moments = Some(moments);
        self.week_rows = Some(week_rows);
        self.kept = Some(kept);
    }
}
