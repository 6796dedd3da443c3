//! The calendar feeds (SPEC §7): one per admin of shop.toml and one for the
//! whole shop, `agenda/<admin>-<token>.ics` and `agenda/toko-<token>.ics`.
//! Every open task — due, overdue, or upcoming within [`HORIZON`] — is a
//! `VEVENT` at its due time, from the tasks the site model already holds
//! (`site.moments[ci].open`), with the agenda's messages where it has them.
//!
//! A date-only record value is read as 00:00:00 local time (the time parser
//! keeps no flag), so a task whose anchor is at exactly local midnight is an
//! all-day event on its due day.
//!
//! The events' `DTSTAMP` is the start of the site's day: a feed whose tasks
//! did not change keeps its bytes through the day (the watcher does not
//! rewrite it every minute, a published feed does not churn), and the same
//! records and now still give the same bytes.

use super::lines::{Message, TaskLine};
use super::{Basis, Day};
use crate::incremental::key::Content;
use crate::lang::feeds::{self as words, Description};
use crate::lang::format::{long_date, long_datetime, whatsapp_link};
use crate::report::encrypt::Names;
use crate::report::ics::{Calendar, Event, When};
use crate::report::Site;
use crate::rules::{Status, Task};
use crate::shop::config::Config;
use crate::shop::record::{Complaint, Customer};
use crate::time::{add, Dur};
use hmac::{KeyInit, Mac};
use std::hash::{Hash, Hasher};

/// Upcoming tasks within this are in the feeds.
pub const HORIZON: Dur = Dur(14 * 86_400);

/// The folder of the feeds.
pub const DIR: &str = "agenda";

/// The variable holding the secret the feeds' tokens are made from.
pub const SECRET_VAR: &str = "LANGGAN_SITE_SECRET";

/// Whose feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Feed {
    /// The admin at this position of `[shop] admins`.
    Admin(usize),
    /// Every task of the shop.
    Shop,
}

/// The feeds of a shop: its admins', then its own.
pub fn feeds(cfg: &Config) -> impl Iterator<Item = Feed> {
    (0..cfg.admins.len()).map(Feed::Admin).chain([Feed::Shop])
}

/// One task of a feed, with what its event shows.
#[derive(Hash)]
pub struct Item<'s> {
    pub line: TaskLine<'s>,
    /// The records a message not rendered yet is rendered from.
    pub sources: Option<(Content<'s, Customer>, Option<Content<'s, Complaint>>)>,
}

impl Item<'_> {
    fn order_key(&self) -> (jiff::Timestamp, &str, crate::rules::Rule, Option<usize>) {
        let t = &*self.line.task;
        (t.due, self.line.customer_id, t.rule, t.order)
    }
}

#[derive(Hash)]
pub struct Inputs<'s> {
    pub basis: Basis<'s>,
    pub feed: Feed,
    /// The file name's token (from [`SECRET_VAR`]), if any.
    pub token: Option<String>,
    /// The day the events are stamped with.
    pub day: Day,
    pub items: Vec<Item<'s>>,
    /// The encrypted site's page names, for links to customer pages.
    pub names: Option<NamesRef<'s>>,
}

/// The page names by reference, in a key by their fingerprint.
#[derive(Clone, Copy)]
pub struct NamesRef<'s>(pub &'s Names);

impl Hash for NamesRef<'_> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        h.write_u64(self.0.fingerprint());
    }
}

/// Is task `t` in the feeds at `now`?
pub fn in_feed(t: &Task, now: jiff::Timestamp) -> bool {
    match t.status {
        Status::Due | Status::Overdue => true,
        Status::Upcoming => t.due <= add(now, HORIZON),
        _ => false,
    }
}

/// The feed's token: HMAC-SHA256 of the name keyed by the secret, the first
/// 16 hex digits.
pub fn token(secret: &str, name: &str) -> String {
    let Ok(mut mac) = hmac::Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()) else {
        return String::new();
    };
    mac.update(name.as_bytes());
    let bytes = mac.finalize().into_bytes();
    bytes.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The secret of the tokens, when set (and not blank).
pub fn secret() -> Option<String> {
    std::env::var(SECRET_VAR)
        .ok()
        .filter(|s| !s.trim().is_empty())
}

/// The name a feed goes by (before its token): the admin's id, or `toko`
/// (`semua` when an admin is called `toko`).
pub fn name(cfg: &Config, feed: Feed) -> &str {
    match feed {
        Feed::Admin(i) => cfg.admins.get(i).map_or("admin", String::as_str),
        Feed::Shop if cfg.admins.iter().any(|a| a == "toko") => "semua",
        Feed::Shop => "toko",
    }
}

pub fn path(i: &Inputs) -> String {
    let name = name(i.basis.cfg, i.feed);
    match &i.token {
        Some(t) => format!("{DIR}/{name}-{t}.ics"),
        None => format!("{DIR}/{name}.ics"),
    }
}

/// Does the task belong to the feed?
fn belongs(cfg: &Config, feed: Feed, t: &Task) -> bool {
    match feed {
        Feed::Shop => true,
        Feed::Admin(i) => match (cfg.admins.get(i), &t.admin) {
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
            _ => false,
        },
    }
}

/// What customer `one` puts on the feeds: their tasks in the feeds at now
/// (the watcher compares these before and after an edit).
pub fn part<'a>(one: &super::One<'a>) -> Vec<Item<'a>> {
    let complaint = |ki: usize| one.complaints.iter().find(|x| x.0 == ki).map(|x| x.1);
    items(one.customer, one.moment, one.now, &complaint)
}

fn items<'a>(
    c: &'a Customer,
    moment: &'a crate::report::moment::Moment,
    now: jiff::Timestamp,
    complaint: &dyn Fn(usize) -> Option<&'a Complaint>,
) -> Vec<Item<'a>> {
    let mut messages = moment.agenda(now).map(|(_, m)| m);
    let mut v = Vec::new();
    for t in &moment.open {
        // The agenda's messages are in the order of its tasks in `open`.
        let agenda_message = crate::rules::on_agenda(t, now, None)
            .then(|| messages.next())
            .flatten();
        if !in_feed(t, now) {
            continue;
        }
        let k = t.complaint.and_then(complaint);
        let (message, sources) = match agenda_message {
            Some(m) => (Message::Rendered(m), None),
            None => (Message::FromRecords, Some((Content(c), k.map(Content)))),
        };
        v.push(Item {
            line: TaskLine::of(c, k, t, message),
            sources,
        });
    }
    v
}

pub fn inputs<'s>(site: &'s Site, feed: Feed) -> Inputs<'s> {
    let shop = site.shop;
    let cfg = &shop.config;
    let mut items: Vec<Item> = Vec::new();
    for (ci, c) in shop.customers.iter().enumerate() {
        let Some(moment) = site.moments.get(ci) else {
            continue;
        };
        if !moment.open.iter().any(|t| belongs(cfg, feed, t)) {
            continue;
        }
        let complaint = |ki: usize| shop.complaints.get(ki).map(|k| &**k);
        items.extend(
            self::items(c, moment, site.now, &complaint)
                .into_iter()
                .filter(|i| belongs(cfg, feed, &i.line.task)),
        );
    }
    items.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
    let token = secret().map(|s| token(&s, name(cfg, feed)));
    Inputs {
        basis: site.basis(),
        feed,
        token,
        day: Day::of(site.now, cfg),
        items,
        names: None,
    }
}

/// May the feeds carry WhatsApp links? When contacts are shown on a site
/// that is not encrypted, or the shop asked for them (`feed_contacts`).
pub fn shows_contacts(cfg: &Config) -> bool {
    cfg.feed_contacts || (!cfg.mask_contacts && !cfg.encrypt)
}

/// The event's UID: what the task is about, not positions in the shop, so
/// it stays across rebuilds and edits of other records.
pub fn uid(line: &TaskLine) -> String {
    let t = &*line.task;
    let mut s = format!("{}.{}", t.rule.name(), line.customer_id);
    if let Some(k) = line.complaint_id {
        s.push_str(&format!(".{k}"));
    }
    if let Some(o) = t.order {
        s.push_str(&format!(".o{o}"));
    }
    if let Some(cat) = &t.category {
        s.push_str(&format!(".{cat}"));
    }
    s.push_str("@langgan");
    s
}

pub fn render(i: &Inputs) -> Vec<u8> {
    let basis = &i.basis;
    let cfg = basis.cfg;
    let lang = basis.lang();
    let tz = &cfg.timezone;
    let admin = match i.feed {
        Feed::Admin(a) => cfg.admins.get(a).map(String::as_str),
        Feed::Shop => None,
    };
    let mut cal = Calendar::new(
        "-//langgan//agenda//EN",
        &words::calendar_name(&cfg.name, admin, lang),
    );
    let stamp = tz
        .to_datetime(i.day.t)
        .date()
        .to_zoned(tz.clone())
        .map_or(i.day.t, |z| z.timestamp());
    for item in &i.items {
        let line = &item.line;
        let t = &*line.task;
        let label = crate::lang::rule_label(cfg, t.rule);
        let mut detail = Vec::new();
        if let Some(id) = line.complaint_id {
            detail.push(format!("{} {id}", basis.words.complaint_lower));
        }
        if let Some(o) = t.order {
            detail.push(format!("order #{o}"));
        }
        if let Some(cat) = &t.category {
            detail.push(cat.clone());
        }
        let message = match line.message {
            Message::Rendered(m) => m.to_string(),
            Message::FromRecords => basis.messages.render(t),
        };
        let local = tz.to_datetime(t.anchor.ev.t);
        let date_only = local.time() == jiff::civil::Time::midnight();
        // An all-day task says its days, not midnight.
        let when = |at| {
            if date_only {
                long_date(at, tz, lang)
            } else {
                long_datetime(at, tz, lang)
            }
        };
        let mut description = words::description(
            &Description {
                label: &label,
                customer: line.customer_name,
                detail: &detail.join(" · "),
                admin: t.admin.as_deref(),
                due: &when(t.due),
                late: &when(t.late),
            },
            lang,
        );
        if !message.trim().is_empty() {
            description.push_str("\n\n");
            description.push_str(words::message_heading(lang));
            description.push('\n');
            description.push_str(message.trim_end());
        }
        if shows_contacts(cfg) {
            if let Some(link) = line.phone.and_then(|p| whatsapp_link(p, &message)) {
                description.push_str("\n\n");
                description.push_str(words::whatsapp_heading(lang));
                description.push('\n');
                description.push_str(&link);
            }
        }
        let start = if date_only {
            When::Day(tz.to_datetime(t.due).date())
        } else {
            When::Utc(t.due)
        };
        let page = super::customer::path(line.customer_id);
        let page = match &i.names {
            Some(n) => n.0.page(&page),
            None => page,
        };
        cal.event(&Event {
            uid: uid(line),
            stamp,
            start,
            summary: format!("{label}: {}", line.customer_name),
            description,
            url: cfg.base_url.as_ref().map(|b| format!("{b}{page}")),
        });
    }
    cal.finish().into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::incremental::key::key_of;
    use crate::report::{periods, state, week_rows, Figures};
    use crate::shop::index::ShopDir;

    /// The shop's feed is made of its customers' parts (what the watcher
    /// compares per customer), and the admins' feeds split its tasks.
    #[test]
    fn the_shops_feed_is_the_sum_of_the_customers_parts() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("example-shop");
        let dir = ShopDir {
            root: root.clone(),
            shown_root: root,
        };
        let shop = crate::shop::load::load_with(&dir, false).expect("example shop");
        for now in ["2026-11-20 15:00", "2026-12-03 10:00"] {
            let now = crate::time::parse_time_in(now, &shop.config.timezone, shop.config.language)
                .expect("now");
            let p = periods(&shop, now);
            let tallies = state::tallies(&shop, now, &p, b"test", false);
            let weeks = &tallies.weeks;
            let figures = Figures {
                weeks,
                months: &tallies.months,
                parts: &tallies.parts,
                rows: week_rows(&shop, now),
                moments: None,
                public_feedback: None,
                listed: None,
                resolve_due: None,
                key: Some(1),
            };
            let site = Site::from_tallies(&shop, now, Vec::new(), p, figures).expect("site");
            let shown = site.week_pages();
            let mut parts: Vec<u64> = (0..shop.customers.len())
                .flat_map(|ci| part(&site.one(ci, weeks, &shown)))
                .map(|i| key_of(&i))
                .collect();
            parts.sort_unstable();
            let whole = inputs(&site, Feed::Shop);
            let mut keys: Vec<u64> = whole.items.iter().map(key_of).collect();
            keys.sort_unstable();
            assert!(!keys.is_empty());
            assert_eq!(keys, parts);
            let by_admins: usize = (0..shop.config.admins.len())
                .map(|a| inputs(&site, Feed::Admin(a)).items.len())
                .sum();
            let with_admin = whole
                .items
                .iter()
                .filter(|i| i.line.task.admin.is_some())
                .count();
            assert_eq!(by_admins, with_admin);
            // Upcoming tasks beyond the horizon are left out.
            let horizon = add(now, HORIZON);
            assert!(whole
                .items
                .iter()
                .all(|i| i.line.task.due <= horizon || i.line.task.status != Status::Upcoming));
        }
    }
}
