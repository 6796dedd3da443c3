//! The pages, one file per page type. Each has an `Inputs` struct computed
//! from the site model by `inputs(site, …)`, and a `view(&Inputs)` that makes
//! the template context from exactly that struct; the page's key is the hash
//! of its inputs ([`crate::incremental::key`]). What every page shares is here:
//! the basis (shop.toml, templates, words), the frame (date line, navigation)
//! and the common view of both.

pub mod complaint;
pub mod complaints;
pub mod customer;
pub mod customers;
pub mod dashboard;
pub mod feed;
pub mod figures;
pub mod hours;
pub mod lines;
pub mod month;
pub mod testimonials;
pub mod week;

#[cfg(test)]
mod tests;

use crate::lang::format::long_datetime;
use crate::lang::site::{Labels, Words};
use crate::messages::Messages;
use crate::metrics::Tally;
use crate::report::moment::Moment;
use crate::report::Month;
use crate::rules::Task;
use crate::shop::config::{Config, Lang};
use crate::shop::index::Shop;
use crate::shop::record::{Complaint, Customer};
use crate::time::Week;
use jiff::Timestamp;
use serde::Serialize;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// What every page is built on: the program, shop.toml (language, currency,
/// rules, masking…) and the shop's templates, all in the site key.
#[derive(Clone, Copy)]
pub struct Basis<'s> {
    pub cfg: &'s Config,
    pub labels: &'static Labels,
    pub words: &'static Words,
    pub messages: MessageSource<'s>,
    /// The site key ([`crate::report::site_key`]); 0 when pages are not keyed.
    pub key: u64,
}

impl Hash for Basis<'_> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        h.write_u64(self.key);
    }
}

impl Basis<'_> {
    pub fn lang(&self) -> Lang {
        self.cfg.language
    }
}

/// The ready-to-send message of a task. A message reads the task, its
/// customer's and complaint's records and the message templates: a page
/// that shows messages it renders here has those records in its inputs.
#[derive(Clone, Copy)]
pub struct MessageSource<'s> {
    pub msgs: &'s Messages,
    pub shop: &'s Shop,
}

impl MessageSource<'_> {
    pub fn render(&self, t: &Task) -> String {
        self.msgs.render(self.shop, t)
    }
}

/// What the frame of every page shows beyond its own content: the date the
/// site is as of and the navigation's current week and month.
#[derive(Clone, Copy, Hash)]
pub struct Frame<'s> {
    pub basis: Basis<'s>,
    pub date_line: &'s str,
    pub current_week: Week,
    pub current_month: Month,
}

/// A moment shown only as its date: it takes part in a key by its local day.
#[derive(Clone, Copy)]
pub struct Day {
    pub t: Timestamp,
    day: i64,
}

impl Day {
    pub fn of(t: Timestamp, cfg: &Config) -> Day {
        Day {
            t,
            day: crate::time::local_day(t, &cfg.timezone),
        }
    }
}

impl Hash for Day {
    fn hash<H: Hasher>(&self, h: &mut H) {
        h.write_i64(self.day);
    }
}

#[derive(Serialize)]
pub struct NavItem {
    pub href: String,
    pub label: &'static str,
    pub active: bool,
}

#[derive(Serialize)]
pub struct Common<'s> {
    pub shop: &'s str,
    pub lang: &'static str,
    pub root: &'static str,
    pub title: String,
    pub generated: String,
    pub nav: Vec<NavItem>,
    pub problems: &'s [String],
}

/// The dashboard's own part of the frame: it is as of the minute, and it
/// carries the problems banner (every rebuild with new problems renders it).
pub struct AsOfMinute<'s> {
    pub now: Timestamp,
    pub problems: &'s [String],
}

/// The frame's view. Pages other than the dashboard say the day, so a page
/// whose content did not change keeps its bytes through the day.
pub fn common<'s>(
    frame: &Frame<'s>,
    root: &'static str,
    title: String,
    active: &str,
    minute: Option<AsOfMinute<'s>>,
) -> Common<'s> {
    let basis = &frame.basis;
    let cfg = basis.cfg;
    let t = basis.labels;
    let items = [
        ("index.html".to_string(), "dashboard", t.dashboard),
        (
            format!("weeks/{}.html", frame.current_week),
            "weeks",
            t.weeks,
        ),
        (
            format!("months/{}.html", frame.current_month.slug()),
            "months",
            t.months,
        ),
        ("hours.html".to_string(), "hours", t.hours),
        (
            "testimonials.html".to_string(),
            "testimonials",
            t.testimonials,
        ),
        ("customers.html".to_string(), "customers", t.customers),
        ("complaints.html".to_string(), "complaints", t.complaints),
    ];
    Common {
        shop: &cfg.name,
        lang: if basis.lang() == Lang::Id { "id" } else { "en" },
        root,
        title,
        generated: minute.as_ref().map_or_else(
            || frame.date_line.to_string(),
            |m| long_datetime(m.now, &cfg.timezone, basis.lang()),
        ),
        nav: items
            .into_iter()
            .map(|(href, key, label)| NavItem {
                href: format!("{root}{href}"),
                label,
                active: key == active,
            })
            .collect(),
        problems: minute.map_or(&[], |m| m.problems),
    }
}

/// A template context with the frame's view and the words.
pub fn context(common: &Common, basis: &Basis) -> tera::Context {
    let mut ctx = tera::Context::new();
    ctx.insert("site", common);
    ctx.insert("t", basis.labels);
    ctx.insert("m", crate::lang::site::More::of(basis.lang()));
    ctx
}

#[derive(Serialize)]
pub struct Link {
    pub href: String,
    pub label: String,
}

/// The neighbours of `x` in the sorted list `all` (none when not in it).
pub fn neighbours<T: Ord + Copy>(all: &[T], x: T) -> (Option<T>, Option<T>) {
    match all.binary_search(&x) {
        Ok(p) => (
            p.checked_sub(1).and_then(|p| all.get(p)).copied(),
            all.get(p + 1).copied(),
        ),
        Err(_) => (None, None),
    }
}

/// One customer and their complaints as one version of the shop has them,
/// with what that version's site model says of them. A shop-wide page's
/// `part` is what one customer puts on it, made of the same lines its
/// inputs are made of: the watcher compares a customer's parts before and
/// after an edit to know which shop-wide pages can have changed.
pub struct One<'a> {
    pub customer: &'a Customer,
    /// Their complaints, with their positions in the shop.
    pub complaints: Vec<(usize, &'a Complaint)>,
    pub moment: &'a Moment,
    pub now: Timestamp,
    pub cfg: &'a Config,
    /// Each complaint's resolve due, by position.
    pub resolve_due: &'a [Timestamp],
    /// The figures of each week (their lists of leads not followed up).
    pub tallies: &'a HashMap<Week, Tally>,
    /// The weeks with a page.
    pub weeks: &'a [Week],
}
