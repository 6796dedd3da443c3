//! The site model: everything the pages are built from, computed once per build.

use super::moment::{moments, Moment};
use super::pages::{Basis, Frame, MessageSource, One};
use super::{Month, Part, Periods, WeekRows, WeekWork};
use crate::error::Result;
use crate::lang::site::{Labels, Words};
use crate::messages::Messages;
use crate::metrics::{Metrics, Tally};
use crate::rules;
use crate::shop::config::Config;
use crate::shop::index::Shop;
use crate::shop::record::Customer;
use crate::time::Week;
use jiff::Timestamp;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// A period's figures as the pages show them: the numbers, and the counts
/// behind each rate (`38% (3/8)`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Figure {
    pub metrics: Metrics,
    pub fractions: BTreeMap<&'static str, (i64, i64)>,
}

impl Figure {
    pub fn of(t: &Tally) -> Figure {
        Figure {
            metrics: t.finish(),
            fractions: t.fractions(),
        }
    }

    /// (counted, out of) behind a rate, when the metric is one.
    pub fn fraction(&self, m: crate::metrics::Metric) -> Option<(i64, i64)> {
        self.fractions.get(m.name()).copied()
    }
}

impl std::ops::Deref for Figure {
    type Target = Metrics;
    fn deref(&self) -> &Metrics {
        &self.metrics
    }
}

/// Everything the pages are built from, computed once.
pub struct Site<'a> {
    pub shop: &'a Shop,
    pub now: Timestamp,
    /// The site key ([`super::site_key`]) when pages are keyed to be skipped
    /// unchanged (not with `--no-cache`).
    pub key: Option<u64>,
    /// The day the site is as of, as the pages' footers say it.
    pub date_line: String,
    pub current_week: Week,
    pub current_month: Month,
    /// Work left at the end of each week (per-admin overdue, leads not followed up).
    pub week_work: HashMap<Week, WeekWork>,
    pub weeks: Vec<Week>,
    pub months: Vec<Month>,
    pub week_metrics: HashMap<Week, Figure>,
    pub month_metrics: HashMap<Month, Figure>,
    /// The first days of the week and month before the running ones.
    pub part_metrics: HashMap<Part, Figure>,
    pub msgs: Messages,
    pub labels: &'static Labels,
    /// Problems to show in a banner (the watcher keeps last good records).
    pub problems: Vec<String>,
    /// Per-week lists for the weekly pages, from one pass over the shop.
    pub week_rows: HashMap<Week, WeekRows>,
    /// Public feedback with text up to now: (time, customer, feedback index), by time.
    pub public_feedback: Vec<(Timestamp, usize, usize)>,
    /// Each customer at now: open tasks, agenda messages, segments.
    pub moments: Vec<Moment>,
    /// Customers on the index pages (first contact up to now), in id order.
    pub listed: Vec<usize>,
    /// Each complaint's resolution deadline, by complaint index: business-hour
    /// arithmetic done once instead of once per listing page.
    pub resolve_due: Vec<Timestamp>,
}

pub fn public_feedback(shop: &Shop, now: Timestamp) -> Vec<(Timestamp, usize, usize)> {
    let mut v: Vec<(Timestamp, usize, usize)> = Vec::new();
    for (ci, c) in shop.customers.iter().enumerate() {
        v.extend(shown_feedback(c, now).map(|(t, fi)| (t, ci, fi)));
    }
    v.sort();
    v
}

/// A customer's feedback shown as testimonials by now: (time, position).
pub fn shown_feedback(
    c: &Customer,
    now: Timestamp,
) -> impl Iterator<Item = (Timestamp, usize)> + '_ {
    c.feedback.iter().enumerate().filter_map(move |(fi, f)| {
        let text = f.text.as_deref().map(str::trim).unwrap_or("");
        (f.public && !text.is_empty() && f.at.t <= now).then_some((f.at.t, fi))
    })
}

/// The figures a site is built from, computed (or kept up to date) by the caller.
pub struct Figures<'t> {
    pub weeks: &'t HashMap<Week, Tally>,
    pub months: &'t HashMap<Month, Tally>,
    pub parts: &'t HashMap<Part, Tally>,
    /// The weekly lists, from [`week_rows`].
    pub rows: HashMap<Week, WeekRows>,
    /// Each customer at now ([`moments`]), when the caller keeps them.
    pub moments: Option<Vec<Moment>>,
    /// These three as [`Site`] holds them, when the caller kept them from
    /// a site of the same now and the same records' dates.
    pub public_feedback: Option<Vec<(Timestamp, usize, usize)>>,
    pub listed: Option<Vec<usize>>,
    pub resolve_due: Option<Vec<Timestamp>>,
    /// The site key, when pages are keyed.
    pub key: Option<u64>,
}

impl<'a> Site<'a> {
    /// A site from figures computed (or kept up to date) by the caller.
    pub fn from_tallies(
        shop: &'a Shop,
        now: Timestamp,
        problems: Vec<String>,
        p: Periods,
        figures: Figures,
    ) -> Result<Site<'a>> {
        let cfg = &shop.config;
        let (week_tallies, month_tallies, week_rows) =
            (figures.weeks, figures.months, figures.rows);
        let week_metrics = week_tallies
            .iter()
            .map(|(w, t)| (*w, Figure::of(t)))
            .collect();
        let month_metrics = month_tallies
            .iter()
            .map(|(m, t)| (*m, Figure::of(t)))
            .collect();
        let part_metrics = figures
            .parts
            .iter()
            .map(|(p, t)| (*p, Figure::of(t)))
            .collect();
        let week_work = week_tallies
            .iter()
            .map(|(w, t)| {
                (
                    *w,
                    WeekWork {
                        overdue_by_admin: t.overdue_by_admin.clone(),
                        not_followed: t.not_followed.clone(),
                    },
                )
            })
            .collect();
        let msgs = Messages::load(shop)?;
        let resolve_due = figures.resolve_due.unwrap_or_else(|| {
            shop.complaints
                .par_iter()
                .map(|k| rules::resolve_due(cfg, k))
                .collect()
        });
        let moments = match figures.moments {
            Some(m) if m.len() == shop.customers.len() => m,
            _ => moments(shop, now, &msgs, &resolve_due),
        };
        Ok(Site {
            shop,
            now,
            key: figures.key,
            date_line: crate::lang::format::long_date(now, &cfg.timezone, cfg.language),
            current_week: p.current_week,
            current_month: Month::containing(now, cfg),
            week_work,
            weeks: p.weeks,
            months: p.months,
            week_metrics,
            month_metrics,
            part_metrics,
            msgs,
            moments,
            labels: Labels::of(cfg.language),
            problems,
            week_rows,
            public_feedback: figures
                .public_feedback
                .unwrap_or_else(|| public_feedback(shop, now)),
            listed: figures.listed.unwrap_or_else(|| {
                shop.customers
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.first_contact.t <= now)
                    .map(|(i, _)| i)
                    .collect()
            }),
            resolve_due,
        })
    }

    pub fn cfg(&self) -> &Config {
        &self.shop.config
    }

    /// The weeks with a weekly page: those with data, and the current week.
    pub fn week_pages(&self) -> Vec<Week> {
        let mut v = self.weeks.clone();
        if !v.contains(&self.current_week) {
            v.push(self.current_week);
        }
        v
    }

    /// The months with a monthly page: those with data, and the current month.
    pub fn month_pages(&self) -> Vec<Month> {
        let mut v = self.months.clone();
        if !v.contains(&self.current_month) {
            v.push(self.current_month);
        }
        v
    }

    /// Customer `ci` as this site has them, for the pages' parts; `tallies`
    /// are the figures the site was made from.
    pub fn one<'s>(
        &'s self,
        ci: usize,
        tallies: &'s HashMap<Week, Tally>,
        weeks: &'s [Week],
    ) -> One<'s> {
        let shop = self.shop;
        One {
            customer: &shop.customers[ci],
            complaints: shop.complaints_by_customer[ci]
                .iter()
                .map(|&ki| (ki, &*shop.complaints[ki]))
                .collect(),
            moment: &self.moments[ci],
            now: self.now,
            cfg: &shop.config,
            resolve_due: &self.resolve_due,
            tallies,
            weeks,
        }
    }

    /// What every page is built on: shop.toml, the templates, the words.
    pub fn basis(&self) -> Basis<'_> {
        Basis {
            cfg: &self.shop.config,
            labels: self.labels,
            words: Words::of(self.shop.config.language),
            messages: MessageSource {
                msgs: &self.msgs,
                shop: self.shop,
            },
            key: self.key.unwrap_or(0),
        }
    }

    /// What every page's frame shows: the basis, the date, the navigation.
    pub fn frame(&self) -> Frame<'_> {
        Frame {
            basis: self.basis(),
            date_line: &self.date_line,
            current_week: self.current_week,
            current_month: self.current_month,
        }
    }
}
