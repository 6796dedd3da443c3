//! What `now` makes of one customer and their complaints: everything their
//! pages show that moves with time, from one evaluation of the rules. A
//! report computes it for every customer (their pages' keys need it); the
//! watcher keeps it and, when the clock moves, renders again only the pages
//! of customers whose moment changed.

use crate::messages::Messages;
use crate::rules::{self, Segments, Status, Task};
use crate::shop::index::Shop;
use crate::shop::record::{Complaint, Customer, Ev};
use jiff::Timestamp;
use rayon::prelude::*;
use std::hash::{Hash, Hasher};

/// Which of a page's dated events have happened by now. Pages see time only
/// through [`Seen::happened`], asked of the event times the count was taken
/// over: for the same records, the same count means the same answers, so a
/// later moment with the same count gives the same page (it takes part in
/// keys and comparisons by the count alone).
#[derive(Clone, Copy, Debug)]
pub struct Seen {
    now: Timestamp,
    count: usize,
}

impl Seen {
    pub fn of(now: Timestamp, times: impl Iterator<Item = Timestamp>) -> Seen {
        Seen {
            now,
            count: times.filter(|t| *t <= now).count(),
        }
    }

    pub fn happened(&self, t: Timestamp) -> bool {
        t <= self.now
    }

    /// Now, for what a page says by the day (its key holds the date).
    pub fn today(&self) -> super::pages::lines::Clock {
        super::pages::lines::Clock::Day(self.now)
    }
}

impl Seen {
    /// The complaint's resolution, if it has happened.
    pub fn resolved(&self, k: &Complaint) -> Option<Ev> {
        rules::complaints::resolved_at(k, self.now)
    }
}

/// [`rules::complaints::overdue_at`] with the resolve due worked out once
/// per complaint (business-hour arithmetic) instead of per question.
pub fn overdue(k: &Complaint, due: Timestamp, at: Timestamp) -> bool {
    rules::complaints::open_at(k, at) && due <= at
}

impl PartialEq for Seen {
    fn eq(&self, other: &Seen) -> bool {
        self.count == other.count
    }
}

impl Hash for Seen {
    fn hash<H: Hasher>(&self, h: &mut H) {
        h.write_usize(self.count);
    }
}

/// One customer at now.
#[derive(Debug, Clone, PartialEq)]
pub struct Moment {
    /// Their tasks open at now (upcoming, due or overdue), in rule order.
    pub open: Vec<Task>,
    /// Their tasks missed by now (forgotten work stays in sight), in rule order.
    pub missed: Vec<Task>,
    /// The message of each open task on the agenda (due or overdue), in order.
    pub messages: Vec<String>,
    pub segments: Segments,
    /// Their events, replies and complaint events that have happened.
    pub seen: Seen,
    /// Whether each of their complaints (`complaints_by_customer` order) is
    /// open and past its resolve due.
    pub overdue: Vec<bool>,
}

impl Moment {
    /// Customer `ci` at `now`; `resolve_due` gives a complaint's deadline.
    pub fn of(
        shop: &Shop,
        ci: usize,
        now: Timestamp,
        msgs: &Messages,
        resolve_due: &dyn Fn(usize) -> Timestamp,
    ) -> Moment {
        let c = &shop.customers[ci];
        let (mut open, mut missed): (Vec<Task>, Vec<Task>) =
            rules::tasks_for_customer(shop, ci, now)
                .into_iter()
                .filter(|t| {
                    matches!(
                        t.status,
                        Status::Upcoming | Status::Due | Status::Overdue | Status::Missed
                    )
                })
                .partition(|t| t.status != Status::Missed);
        // Collected in place, the lists would keep room for every task: a
        // watcher holds 100k of these.
        open.shrink_to_fit();
        missed.shrink_to_fit();
        let messages = open
            .iter()
            .filter(|t| rules::on_agenda(t, now, None))
            .map(|t| msgs.render(shop, t))
            .collect();
        let complaints = || {
            shop.complaints_by_customer[ci]
                .iter()
                .map(|&ki| &*shop.complaints[ki])
        };
        Moment {
            open,
            missed,
            messages,
            segments: rules::segments(&shop.config, c, now),
            seen: Seen::of(now, shown_times(c, complaints())),
            overdue: shop.complaints_by_customer[ci]
                .iter()
                .map(|&ki| overdue(&shop.complaints[ki], resolve_due(ki), now))
                .collect(),
        }
    }

    /// The open tasks on the agenda, with their messages.
    pub fn agenda(&self, now: Timestamp) -> impl Iterator<Item = (&Task, &str)> {
        self.open
            .iter()
            .filter(move |t| rules::on_agenda(t, now, None))
            .zip(self.messages.iter().map(String::as_str))
    }
}

/// Every dated event a customer's page can show: their own events and
/// replies, and their complaints' openings, first responses and resolutions.
fn shown_times<'a>(
    c: &'a Customer,
    complaints: impl Iterator<Item = &'a Complaint> + 'a,
) -> impl Iterator<Item = Timestamp> + 'a {
    let replies = c.interactions.iter().filter_map(|i| i.replied.map(|e| e.t));
    super::event_times(c)
        .chain(replies)
        .chain(complaints.flat_map(|k| {
            [Some(k.opened), k.first_response, k.resolved]
                .into_iter()
                .flatten()
                .map(|e| e.t)
        }))
}

/// Every customer at `now`, from one parallel evaluation of the rules.
pub fn moments(
    shop: &Shop,
    now: Timestamp,
    msgs: &Messages,
    resolve_due: &[Timestamp],
) -> Vec<Moment> {
    (0..shop.customers.len())
        .into_par_iter()
        .with_min_len(256)
        .map(|ci| Moment::of(shop, ci, now, msgs, &|ki| resolve_due[ki]))
        .collect()
}
