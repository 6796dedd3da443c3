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
use crate::rules::Task;
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
    pub due: String,
    pub label: String,
    pub customer: String,
    pub customer_href: String,
    pub detail: String,
    pub message: String,
    pub whatsapp: Option<String>,
}

/// A task as the pages show it.
pub fn task_view(basis: &Basis, line: &TaskLine, root: &str) -> TaskView {
    let cfg = basis.cfg;
    let lang = basis.lang();
    let t = &*line.task;
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
    TaskView {
        status: t.status.as_str(),
        status_label: lang::status(t.status, lang),
        due: short_datetime(t.due, &cfg.timezone, lang),
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
}

impl<'s> ComplaintLine<'s> {
    /// Complaint `k` of `customer` (when in the shop) at `at`.
    pub fn at(
        k: &'s Complaint,
        customer: Option<&'s Customer>,
        at: Timestamp,
        overdue: bool,
    ) -> ComplaintLine<'s> {
        let resolved = resolved_at(k, at);
        let age = between(k.opened.t, resolved.map_or(at, |r| r.t)).secs();
        ComplaintLine {
            complaint: Content(k),
            customer: customer.map(|c| (c.name.as_str(), c.admin.as_deref())),
            resolved: resolved.is_some(),
            overdue,
            age: Dur(age - age % 3600),
        }
    }
}

/// Complaints listed at a time T, ranked, and how many there were in all.
#[derive(Hash)]
pub struct ComplaintList<'s> {
    pub lines: Vec<ComplaintLine<'s>>,
    pub total: usize,
}

/// Complaints opened by `at` (only those still open then with `open_only`),
/// overdue first, then by id; at most `limit` lines.
pub fn complaint_list<'s>(
    site: &'s Site,
    at: Timestamp,
    open_only: bool,
    limit: Option<usize>,
) -> ComplaintList<'s> {
    let shop = site.shop;
    // Rank first and make lines only for those shown: a large shop has thousands.
    let mut ranked: Vec<(bool, &str, usize)> = shop
        .complaints
        .iter()
        .enumerate()
        .filter(|(_, k)| exists_at(k, at))
        .filter_map(|(ki, k)| {
            if open_only && !open_at(k, at) {
                return None;
            }
            Some((overdue(k, site.resolve_due[ki], at), k.id.as_str(), ki))
        })
        .collect();
    let total = ranked.len();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    ranked.truncate(limit.unwrap_or(usize::MAX));
    ComplaintList {
        lines: ranked
            .into_iter()
            .map(|(overdue, _, ki)| {
                let k = &shop.complaints[ki];
                ComplaintLine::at(k, shop.customer(&k.customer), at, overdue)
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
}

pub fn age_text(d: Dur, lang: Lang) -> String {
    crate::lang::site::age(lang, d.secs() / 86_400, (d.secs() % 86_400) / 3600)
}

pub fn complaint_rows(basis: &Basis, list: &ComplaintList, root: &str) -> Vec<ComplaintRow> {
    let cfg = basis.cfg;
    let lang = basis.lang();
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
                opened: short_datetime(k.opened.t, &cfg.timezone, lang),
                age: age_text(line.age, lang),
                status: if line.resolved { "resolved" } else { "open" },
                overdue: line.overdue,
                admin: k
                    .admin
                    .as_deref()
                    .or(line.customer.and_then(|(_, admin)| admin))
                    .unwrap_or("–")
                    .to_string(),
                category: k.category.clone().unwrap_or_default(),
                summary: k.summary.clone(),
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
