//! A complaint's page (`complaints/ID.html`): its fields, its customer and
//! its open tasks.

use super::lines::{task_view, Message, TaskLine, TaskView};
use super::{common, context, Frame};
use crate::incremental::key::Content;
use crate::lang::format::long_datetime;
use crate::report::moment::{overdue, Seen};
use crate::report::Site;
use crate::shop::record::{Complaint, Customer, Ev};

pub const TEMPLATE: &str = "complaint.html";

#[derive(Hash)]
pub struct Inputs<'s> {
    pub frame: Frame<'s>,
    pub complaint: Content<'s, Complaint>,
    /// Its customer, when in the shop: the page shows the name, and the
    /// tasks' messages read the record.
    pub customer: Option<Content<'s, Customer>>,
    /// The customer's open tasks about this complaint.
    pub tasks: Vec<TaskLine<'s>>,
    /// Which of its opening, first response and resolution have happened.
    pub seen: Seen,
    /// Open and past its resolve due.
    pub overdue: bool,
    /// Its deadlines: first response and resolution.
    pub response_due: jiff::Timestamp,
    pub resolve_due: jiff::Timestamp,
}

pub fn path(id: &str) -> String {
    format!("complaints/{id}.html")
}

pub fn inputs<'s>(site: &'s Site, ki: usize) -> Inputs<'s> {
    let shop = site.shop;
    let k = &shop.complaints[ki];
    let ci = shop.customer_index.get(&k.customer).copied();
    let tasks = ci.map_or_else(Vec::new, |ci| {
        site.moments[ci]
            .open
            .iter()
            .filter(|t| t.complaint == Some(ki))
            .map(|t| TaskLine::new(shop, t, Message::FromRecords))
            .collect()
    });
    let events = [Some(k.opened), k.first_response, k.resolved];
    Inputs {
        frame: site.frame(),
        complaint: Content(k),
        customer: ci.map(|ci| Content(&*shop.customers[ci])),
        tasks,
        seen: Seen::of(site.now, events.into_iter().flatten().map(|e| e.t)),
        overdue: overdue(k, site.resolve_due[ki], site.now),
        response_due: crate::rules::complaints::response_due(site.cfg(), k),
        resolve_due: site.resolve_due[ki],
    }
}

pub fn view(i: &Inputs) -> tera::Context {
    let basis = &i.frame.basis;
    let cfg = basis.cfg;
    let lang = basis.lang();
    let w = basis.words;
    let k = &*i.complaint;
    let when = |e: Option<Ev>| {
        e.filter(|e| i.seen.happened(e.t))
            .map_or(String::new(), |e| long_datetime(e.t, &cfg.timezone, lang))
    };
    let status = match i.seen.resolved(k) {
        Some(_) => w.resolved_lower.to_string(),
        None if i.overdue => format!("{} · {}", basis.labels.open, basis.labels.overdue),
        None => basis.labels.open.to_string(),
    };
    let more = crate::lang::site::More::of(lang);
    let clock = i.seen.today();
    let answered =
        i.seen.resolved(k).is_some() || k.first_response.is_some_and(|e| i.seen.happened(e.t));
    let deadline = |t: jiff::Timestamp, done: bool| {
        if done {
            crate::report::pages::lines::when_text(t, cfg, lang)
        } else {
            crate::report::pages::lines::standing(basis, t, clock)
        }
    };
    let handling = i.seen.resolved(k).map_or(String::new(), |r| {
        let open = crate::time::elapsed_open(k.opened.t, r.t, cfg.hours.as_ref(), &cfg.timezone);
        crate::lang::site::span(lang, open.secs())
    });
    let admin = k
        .admin
        .as_deref()
        .or(i.customer.as_ref().and_then(|c| c.0.admin.as_deref()));
    let fields: Vec<(&str, String)> = vec![
        (basis.labels.status, status),
        (basis.labels.opened, when(Some(k.opened))),
        (more.deadline_first, deadline(i.response_due, answered)),
        (
            more.deadline_resolve,
            deadline(i.resolve_due, i.seen.resolved(k).is_some()),
        ),
        (more.handling_time, handling),
        (
            basis.labels.category,
            k.category
                .as_deref()
                .map(crate::lang::site::words_of)
                .unwrap_or_default(),
        ),
        (
            basis.labels.channel,
            k.channel
                .as_deref()
                .map(|ch| crate::lang::site::source_label(ch, lang))
                .unwrap_or_default(),
        ),
        (
            basis.labels.admin,
            crate::lang::site::admin_name(admin, lang),
        ),
        (basis.labels.first_response, when(k.first_response)),
        (
            basis.labels.root_cause,
            k.root_cause.clone().unwrap_or_default(),
        ),
        (
            basis.labels.solution,
            k.solution.clone().unwrap_or_default(),
        ),
        (basis.labels.resolved, when(k.resolved)),
        (
            basis.labels.contacts,
            k.contacts.map_or(String::new(), |c| c.to_string()),
        ),
        (
            basis.labels.csat,
            k.csat.map_or(String::new(), |c| format!("{c}/5")),
        ),
        (
            basis.labels.record_file,
            crate::shop::dir::slash_path(&k.path),
        ),
    ];
    let fields: Vec<(&str, String)> = fields.into_iter().filter(|(_, v)| !v.is_empty()).collect();
    let tasks: Vec<TaskView> = i
        .tasks
        .iter()
        .map(|t| task_view(basis, t, "../", i.seen.today()))
        .collect();
    let title = format!("{} {} · {}", w.complaint, k.id, cfg.name);
    let common = common(&i.frame, "../", title, "complaints", None);
    let mut ctx = context(&common, basis);
    ctx.insert("id", &k.id);
    ctx.insert("summary", &k.summary);
    ctx.insert("customer", &i.customer.map(|c| c.name.clone()));
    ctx.insert(
        "customer_href",
        &format!("../customers/{}.html", k.customer),
    );
    ctx.insert("fields", &fields);
    ctx.insert("tasks", &tasks);
    ctx
}
