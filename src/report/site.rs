//! The site model: everything the pages are built from, computed once per build.

use crate::error::Result;
use crate::messages::Messages;
use crate::metrics::{Metrics, Tally};
use crate::report::*;
use crate::rules::{self, Segments, Task};
use crate::shop::config::{Config, Lang};
use crate::shop::index::Shop;
use crate::shop::record::Customer;
use crate::time::Week;
use jiff::Timestamp;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// Everything the pages are built from, computed once.
pub struct Site<'a> {
    pub shop: &'a Shop,
    pub now: Timestamp,
    /// The tasks due or overdue at now (the dashboard's agenda).
    pub tasks: Vec<Task>,
    /// Work left at the end of each week (per-admin overdue, leads not followed up).
    pub week_work: HashMap<Week, WeekWork>,
    pub weeks: Vec<Week>,
    pub months: Vec<Month>,
    pub week_metrics: HashMap<Week, Metrics>,
    pub month_metrics: HashMap<Month, Metrics>,
    pub current_week: Week,
    pub msgs: Messages,
    pub labels: BTreeMap<&'static str, &'static str>,
    /// Problems to show in a banner (the watcher keeps last good records).
    pub problems: Vec<String>,
    /// Per-week lists for the weekly pages, from one pass over the shop.
    pub week_rows: HashMap<Week, WeekRows>,
    /// Public feedback with text up to now: (time, customer, feedback index), by time.
    pub public_feedback: Vec<(Timestamp, usize, usize)>,
    /// The message of each task, by position in `tasks`.
    pub messages: Vec<String>,
    /// Each customer's [`moment_key`] at now.
    pub moments: Vec<u64>,
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
    /// The weekly lists, from [`week_rows`].
    pub rows: HashMap<Week, WeekRows>,
    /// The message of each task given to the site, when already rendered.
    pub messages: Option<Vec<String>>,
    /// Each customer's [`moment_key`] (from [`agenda_of`]).
    pub moments: Vec<u64>,
    /// These three as [`Site`] holds them, when the caller kept them from
    /// a site of the same now and the same records' dates.
    pub public_feedback: Option<Vec<(Timestamp, usize, usize)>>,
    pub listed: Option<Vec<usize>>,
    pub resolve_due: Option<Vec<Timestamp>>,
}

impl<'a> Site<'a> {
    /// A site from figures computed (or kept up to date) by the caller.
    pub fn from_tallies(
        shop: &'a Shop,
        now: Timestamp,
        problems: Vec<String>,
        tasks: Vec<Task>,
        p: Periods,
        figures: Figures,
    ) -> Result<Site<'a>> {
        let cfg = &shop.config;
        let (week_tallies, month_tallies, week_rows) =
            (figures.weeks, figures.months, figures.rows);
        let week_metrics = week_tallies.iter().map(|(w, t)| (*w, t.finish())).collect();
        let month_metrics = month_tallies
            .iter()
            .map(|(m, t)| (*m, t.finish()))
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
        let messages = match figures.messages {
            Some(m) if m.len() == tasks.len() => m,
            _ => tasks.par_iter().map(|t| msgs.render(shop, t)).collect(),
        };
        let (tasks, messages): (Vec<Task>, Vec<String>) = tasks
            .into_iter()
            .zip(messages)
            .filter(|(t, _)| rules::on_agenda(t, now, None))
            .unzip();
        Ok(Site {
            shop,
            now,
            tasks,
            week_work,
            weeks: p.weeks,
            months: p.months,
            week_metrics,
            month_metrics,
            current_week: p.current_week,
            msgs,
            messages,
            moments: figures.moments,
            labels: crate::lang::site::labels(cfg.language),
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
            resolve_due: figures.resolve_due.unwrap_or_else(|| {
                shop.complaints
                    .par_iter()
                    .map(|k| rules::resolve_due(cfg, k))
                    .collect()
            }),
        })
    }

    pub fn cfg(&self) -> &Config {
        &self.shop.config
    }

    /// The day the site is as of, as the pages' footers say it.
    pub fn date_line(&self) -> String {
        crate::lang::format::long_date(self.now, &self.cfg().timezone, self.lang())
    }

    /// A customer's segments at now (computed for the pages being rendered only).
    pub fn segments(&self, ci: usize) -> Segments {
        rules::segments(self.cfg(), &self.shop.customers[ci], self.now)
    }

    /// The tasks of one customer and their complaints, evaluated at now.
    pub fn customer_tasks(&self, ci: usize) -> Vec<Task> {
        rules::tasks_for_customer(self.shop, ci, self.now)
    }

    pub fn lang(&self) -> Lang {
        self.cfg().language
    }
}

/// What a customer's and their complaints' pages show that depends on now:
/// their tasks (all of them, with status and due time), their segments, which
/// of their dated events have happened, and whether each complaint is overdue.
/// Two moments with the same key give the same pages but for the date line,
/// so a later report does not render every customer again.
pub fn moment_key(shop: &Shop, ci: usize, now: Timestamp, tasks: &[Task]) -> u64 {
    let c = &shop.customers[ci];
    let mut h = state::Fold::default();
    for t in tasks {
        h.str(t.rule.name());
        h.str(t.status.as_str());
        h.bytes(&t.due.as_nanosecond().to_le_bytes());
        h.bytes(&t.late.as_nanosecond().to_le_bytes());
        h.u64(t.complaint.map_or(u64::MAX, |k| k as u64));
        h.u64(t.order.map_or(u64::MAX, |o| o as u64));
        h.str(t.category.as_deref().unwrap_or(""));
        h.str(t.admin.as_deref().unwrap_or(""));
    }
    let seg = rules::segments(&shop.config, c, now);
    h.u64(seg.lifecycle as u64);
    h.u64(u64::from(seg.unpaid));
    h.u64(seg.value.map_or(u64::MAX, |v| v as u64));
    h.u64(seg.spend_365d as u64);
    h.u64(seg.orders as u64);
    h.bytes(
        &seg.last_order
            .map_or(0, |e| e.t.as_nanosecond())
            .to_le_bytes(),
    );
    // Each dated event shows once it has happened: how many have tells which.
    let replies = c.interactions.iter().filter_map(|i| i.replied.map(|e| e.t));
    let mut happened = event_times(c).chain(replies).filter(|t| *t <= now).count();
    for &ki in &shop.complaints_by_customer[ci] {
        let k = &shop.complaints[ki];
        happened += [Some(k.opened), k.first_response, k.resolved]
            .into_iter()
            .flatten()
            .filter(|e| e.t <= now)
            .count();
        let open = k.resolved.is_none_or(|r| r.t > now);
        h.u64(u64::from(
            open && rules::resolve_due(&shop.config, k) <= now,
        ));
    }
    h.u64(happened as u64);
    h.0
}

/// A customer's tasks on the agenda at now and their [`moment_key`], from
/// one evaluation of the rules (shared by `report` and `watch`).
pub fn agenda_of(shop: &Shop, ci: usize, now: Timestamp) -> (Vec<Task>, u64) {
    let all = rules::tasks_for_customer(shop, ci, now);
    let key = moment_key(shop, ci, now, &all);
    let agenda = all
        .into_iter()
        .filter(|t| rules::on_agenda(t, now, None))
        .collect();
    (agenda, key)
}

/// Every customer's agenda tasks at now, customer by customer, and their
/// moment keys ([`moment_key`]), from one evaluation of the rules.
pub fn agenda_and_moments(shop: &Shop, now: Timestamp) -> (Vec<Task>, Vec<u64>) {
    let per: Vec<(Vec<Task>, u64)> = (0..shop.customers.len())
        .into_par_iter()
        .with_min_len(256)
        .map(|ci| agenda_of(shop, ci, now))
        .collect();
    let mut tasks = Vec::new();
    let mut keys = Vec::with_capacity(per.len());
    for (t, k) in per {
        tasks.extend(t);
        keys.push(k);
    }
    (tasks, keys)
}
