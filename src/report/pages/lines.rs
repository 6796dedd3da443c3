//! Lines several pages list — tasks, complaints, testimonials — as inputs
//! (what a line shows, by reference) and their views. A page listing these
//! holds the lines in its inputs, so their content is in its key.

use super::{Basis, Link};
use crate::incremental::key::{Content, Hashed};
use crate::lang;
use crate::lang::format::{long_date, short_datetime, short_name};
use crate::report::moment::overdue;
use crate::report::Site;
use crate::rules::complaints::{exists_at, open_at, resolved_at};
use crate::rules::{Status, Task};
use crate::shop::config::Lang;
use crate::shop::index::Shop;
use crate::shop::record::{Complaint, Customer};
use crate::time::{between, Dur};
use jiff::Timestamp;
use serde::Serialize;
use std::hash::{Hash, Hasher};

/// A task's ready-to-send message: rendered already (the agenda's), or
/// rendered with the page from the records its inputs hold.
#[derive(Clone, Copy)]
pub enum Message<'s> {
    Rendered(&'s str),
    FromRecords,
}

impl Hash for Message<'_> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        match self {
            Message::Rendered(m) => m.hash(h),
            Message::FromRecords => h.write_u8(0),
        }
    }
}

/// A task with what its row shows of the customer and the complaint.
#[derive(Hash)]
pub struct TaskLine<'s> {
    pub task: Hashed<'s, Task>,
    pub customer_id: &'s str,
    pub customer_name: &'s str,
    pub phone: Option<&'s str>,
    pub complaint_id: Option<&'s str>,
    pub message: Message<'s>,
}

impl<'s> TaskLine<'s> {
    /// Task `t` of customer `c` (about `complaint`, when it is about one).
    pub fn of(
        c: &'s Customer,
        complaint: Option<&'s Complaint>,
        t: &'s Task,
        message: Message<'s>,
    ) -> TaskLine<'s> {
        TaskLine {
            task: Hashed(t),
            customer_id: &c.id,
            customer_name: &c.name,
            phone: c.phone.as_deref(),
            complaint_id: complaint.map(|k| k.id.as_str()),
            message,
        }
    }

    /// Task `t` with its records from the shop.
    pub fn new(shop: &'s Shop, t: &'s Task, message: Message<'s>) -> TaskLine<'s> {
        let complaint = t.complaint.map(|k| &*shop.complaints[k]);
        TaskLine::of(&shop.customers[t.customer], complaint, t, message)
    }
}

#[derive(Serialize)]
pub struct TaskView {
    pub status: &'static str,
    pub status_label: &'static str,
    /// Which time it shows and how it stands: `batas Sen 16 Nov 10:00 · lewat 3 hari`.
    pub due: String,
    pub label: String,
    pub customer: String,
    pub customer_href: String,
    pub detail: String,
    pub message: String,
    pub whatsapp: Option<String>,
}

/// How precisely a page may say how a time stands: the dashboard is as of
/// the minute; other pages are as of the day (their key holds the date).
#[derive(Clone, Copy)]
pub enum Clock {
    Minute(Timestamp),
    Day(Timestamp),
}

/// A time and how it stands at the page's clock: `Sen 16 Nov 10:00 (lewat 3 jam)`.
pub fn standing(basis: &Basis, t: Timestamp, clock: Clock) -> String {
    let cfg = basis.cfg;
    let lang = basis.lang();
    let when = when_text(t, cfg, lang);
    let rel = match clock {
        Clock::Minute(now) => crate::lang::site::time_left(lang, t.as_second() - now.as_second()),
        Clock::Day(now) => {
            let tz = &cfg.timezone;
            let days = crate::time::local_day(t, tz) - crate::time::local_day(now, tz);
            crate::lang::site::days_from_today(lang, days)
        }
    };
    format!("{when} ({rel})")
}

/// `Sen 16 Nov 10:15`, or `Sen 16 Nov` for a moment at midnight (a date
/// written without a time).
pub fn when_text(t: Timestamp, cfg: &crate::shop::config::Config, lang: Lang) -> String {
    let dt = cfg.timezone.to_datetime(t);
    let full = short_datetime(t, &cfg.timezone, lang);
    if dt.hour() == 0 && dt.minute() == 0 && dt.second() == 0 {
        full.trim_end_matches(" 00:00").to_string()
    } else {
        full
    }
}

/// A task as the pages show it.
pub fn task_view(basis: &Basis, line: &TaskLine, root: &str, clock: Clock) -> TaskView {
    let cfg = basis.cfg;
    let lang = basis.lang();
    let more = crate::lang::site::More::of(lang);
    let t = &*line.task;
    let mut detail = Vec::new();
    if let Some(id) = line.complaint_id {
        detail.push(format!("{} {id}", basis.words.complaint_lower));
    }
    if let Some(o) = t.order {
        detail.push(format!("{} #{o}", more.order_word));
    }
    if let Some(cat) = &t.category {
        let label = cfg.categories.get(cat).map_or_else(
            || crate::lang::site::words_of(cat),
            |_| crate::lang::site::words_of(cat),
        );
        detail.push(label);
    }
    if let Some(a) = t.admin.as_deref() {
        detail.push(crate::lang::site::admin_name(Some(a), lang));
    }
    let message = match line.message {
        Message::Rendered(m) => m.to_string(),
        Message::FromRecords => basis.messages.render(t),
    };
    // Due and upcoming tasks show their due time; late ones the time they
    // became late, and how long ago.
    let (which, at, status_label) = match t.status {
        Status::Upcoming => (more.due_at, t.due, more.status_upcoming),
        Status::Due => (more.late_at, t.late, more.status_due),
        _ => (more.late_at, t.late, lang::status(t.status, lang)),
    };
    TaskView {
        status: t.status.as_str(),
        status_label,
        due: format!("{which} {}", standing(basis, at, clock)),
        label: crate::lang::rule_label(cfg, t.rule),
        customer: line.customer_name.to_string(),
        customer_href: format!("{root}customers/{}.html", line.customer_id),
        detail: detail.join(" · "),
        whatsapp: if cfg.mask_contacts {
            None
        } else {
            line.phone
                .and_then(|p| crate::lang::format::whatsapp_link(p, &message))
        },
        message,
    }
}

/// Tasks most urgent first: overdue (longest late first), due, upcoming, missed.
pub fn urgency(t: &Task) -> (u8, Timestamp) {
    match t.status {
        Status::Overdue => (0, t.late),
        Status::Due => (1, t.late),
        Status::Upcoming => (2, t.due),
        _ => (3, t.late),
    }
}

/// Open complaints listed on the dashboard and weekly pages, overdue first;
/// the complaints page lists them all.
pub const OPEN_COMPLAINTS_SHOWN: usize = 100;

/// A complaint as a list shows it at a time T.
#[derive(Hash)]
pub struct ComplaintLine<'s> {
    pub complaint: Content<'s, Complaint>,
    /// The customer's name and admin, when the customer exists.
    pub customer: Option<(&'s str, Option<&'s str>)>,
    /// Resolved at T.
    pub resolved: bool,
    pub overdue: bool,
    /// Open for how long at T (until its resolution if resolved), in the
    /// whole hours shown.
    pub age: Dur,
    /// Its resolve deadline.
    pub resolve_due: Timestamp,
    /// Its first response deadline, while it has had no first response at T.
    pub response_due: Option<Timestamp>,
}

impl<'s> ComplaintLine<'s> {
    /// Complaint `k` of `customer` (when in the shop) at `at`, with its
    /// resolve deadline.
    pub fn at(
        k: &'s Complaint,
        customer: Option<&'s Customer>,
        at: Timestamp,
        resolve_due: Timestamp,
        cfg: &crate::shop::config::Config,
    ) -> ComplaintLine<'s> {
        let resolved = resolved_at(k, at);
        let age = between(k.opened.t, resolved.map_or(at, |r| r.t)).secs();
        let answered = resolved.is_some() || k.first_response.is_some_and(|e| e.t <= at);
        ComplaintLine {
            complaint: Content(k),
            customer: customer.map(|c| (c.name.as_str(), c.admin.as_deref())),
            resolved: resolved.is_some(),
            overdue: overdue(k, resolve_due, at),
            age: Dur(age - age % 3600),
            resolve_due,
            response_due: (!answered).then(|| crate::rules::complaints::response_due(cfg, k)),
        }
    }
}

/// Complaints listed at a time T, ranked, and how many there were in all.
#[derive(Hash)]
pub struct ComplaintList<'s> {
    pub lines: Vec<ComplaintLine<'s>>,
    pub total: usize,
}

/// Complaints opened by `at` (only those still open then with `open_only`):
/// open and late first, then open, then resolved, each by id; at most
/// `limit` lines.
pub fn complaint_list<'s>(
    site: &'s Site,
    at: Timestamp,
    open_only: bool,
    limit: Option<usize>,
) -> ComplaintList<'s> {
    let shop = site.shop;
    // Rank first and make lines only for those shown: a large shop has thousands.
    let mut ranked: Vec<(u8, &str, usize)> = shop
        .complaints
        .iter()
        .enumerate()
        .filter(|(_, k)| exists_at(k, at))
        .filter_map(|(ki, k)| {
            let open = open_at(k, at);
            if open_only && !open {
                return None;
            }
            let rank = match (open, overdue(k, site.resolve_due[ki], at)) {
                (true, true) => 0,
                (true, false) => 1,
                _ => 2,
            };
            Some((rank, k.id.as_str(), ki))
        })
        .collect();
    let total = ranked.len();
    ranked.sort_unstable();
    ranked.truncate(limit.unwrap_or(usize::MAX));
    ComplaintList {
        lines: ranked
            .into_iter()
            .map(|(_, _, ki)| {
                let k = &shop.complaints[ki];
                let c = shop.customer(&k.customer);
                ComplaintLine::at(k, c, at, site.resolve_due[ki], site.cfg())
            })
            .collect(),
        total,
    }
}

#[derive(Serialize)]
pub struct ComplaintRow {
    pub id: String,
    pub href: String,
    pub customer: String,
    pub customer_href: String,
    pub opened: String,
    pub age: String,
    pub status: &'static str,
    pub overdue: bool,
    pub admin: String,
    pub category: String,
    pub summary: String,
    /// The resolve deadline (and, on the dashboard, the time left).
    pub deadline: String,
    /// The first response deadline, while there was none.
    pub response: Option<String>,
    /// The first response is late.
    pub response_late: bool,
}

pub fn age_text(d: Dur, lang: Lang) -> String {
    crate::lang::site::span(lang, d.secs())
}

/// Complaint rows; with `now`, the deadlines say the time left.
pub fn complaint_rows(
    basis: &Basis,
    list: &ComplaintList,
    root: &str,
    now: Option<Timestamp>,
) -> Vec<ComplaintRow> {
    let cfg = basis.cfg;
    let lang = basis.lang();
    let deadline = |t: Timestamp| match now {
        Some(now) => standing(basis, t, Clock::Minute(now)),
        None => when_text(t, cfg, lang),
    };
    list.lines
        .iter()
        .map(|line| {
            let k = &*line.complaint;
            ComplaintRow {
                id: k.id.clone(),
                href: format!("{root}complaints/{}.html", k.id),
                customer: line
                    .customer
                    .map_or_else(|| k.customer.clone(), |(name, _)| name.to_string()),
                customer_href: format!("{root}customers/{}.html", k.customer),
                opened: when_text(k.opened.t, cfg, lang),
                age: age_text(line.age, lang),
                status: if line.resolved { "resolved" } else { "open" },
                overdue: line.overdue,
                admin: crate::lang::site::admin_name(
                    k.admin
                        .as_deref()
                        .or(line.customer.and_then(|(_, admin)| admin)),
                    lang,
                ),
                category: k
                    .category
                    .as_deref()
                    .map(crate::lang::site::words_of)
                    .unwrap_or_default(),
                summary: k.summary.clone(),
                deadline: if line.resolved {
                    String::new()
                } else {
                    deadline(line.resolve_due)
                },
                response: line.response_due.map(deadline),
                response_late: match (line.response_due, now) {
                    (Some(d), Some(now)) => d <= now,
                    _ => false,
                },
            }
        })
        .collect()
}

/// The note under a shortened list of open complaints, if it was shortened.
pub fn more_complaints(list: &ComplaintList, lang: Lang, root: &str) -> Option<Link> {
    let (shown, total) = (list.lines.len(), list.total);
    (total > shown).then(|| Link {
        href: format!("{root}complaints.html"),
        label: crate::lang::site::more_complaints(
            lang,
            shown,
            &crate::lang::format::decimal(total as f64, 0, lang),
        ),
    })
}

/// Public feedback as a testimonial shows it.
#[derive(Hash)]
pub struct TestimonialLine<'s> {
    pub at: Timestamp,
    pub name: &'s str,
    pub rating: Option<i64>,
    pub text: &'s str,
}

/// The testimonials given in `range` (all with `None`), in time order.
pub fn testimonial_lines<'s>(
    site: &'s Site,
    range: Option<(Timestamp, Timestamp)>,
) -> Vec<TestimonialLine<'s>> {
    let all = &site.public_feedback;
    let (a, b) = match range {
        Some((from, to)) => (
            all.partition_point(|x| x.0 < from),
            all.partition_point(|x| x.0 < to),
        ),
        None => (0, all.len()),
    };
    all[a..b]
        .iter()
        .map(|&(at, ci, fi)| TestimonialLine::of(&site.shop.customers[ci], at, fi))
        .collect()
}

impl<'s> TestimonialLine<'s> {
    /// Feedback `fi` of customer `c`, given at `at`.
    pub fn of(c: &'s Customer, at: Timestamp, fi: usize) -> TestimonialLine<'s> {
        let f = &c.feedback[fi];
        TestimonialLine {
            at,
            name: &c.name,
            rating: f.rating,
            text: f.text.as_deref().map(str::trim).unwrap_or(""),
        }
    }
}

#[derive(Serialize)]
pub struct Testimonial {
    pub name: String,
    pub stars: String,
    pub rating: Option<i64>,
    pub text: String,
    pub date: String,
}

/// Newest first, then by the name shown.
pub fn testimonials(basis: &Basis, lines: &[TestimonialLine]) -> Vec<Testimonial> {
    let cfg = basis.cfg;
    let mut v: Vec<(Timestamp, Testimonial)> = lines
        .iter()
        .map(|l| {
            (
                l.at,
                Testimonial {
                    name: short_name(l.name),
                    stars: l.rating.map_or(String::new(), |r| {
                        "★".repeat(r.clamp(0, 5) as usize) + &"☆".repeat(5 - r.clamp(0, 5) as usize)
                    }),
                    rating: l.rating,
                    text: l.text.to_string(),
                    date: long_date(l.at, &cfg.timezone, cfg.language),
                },
            )
        })
        .collect();
    v.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.name.cmp(&b.1.name)));
    v.into_iter().map(|(_, t)| t).collect()
}
