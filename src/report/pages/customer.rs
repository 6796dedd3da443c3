//! A customer's page (`customers/ID.html`): profile, segments, the timeline
//! of what happened so far, and the open tasks.

use super::lines::{task_view, Message, TaskLine, TaskView};
use super::{common, context, Basis, Frame};
use crate::incremental::key::{Content, Hashed};
use crate::lang;
use crate::lang::format::{long_datetime, mask_email, mask_handle, mask_phone, money};
use crate::report::moment::Seen;
use crate::report::Site;
use crate::rules::Segments;
use crate::shop::config::Config;
use crate::shop::record::{Complaint, Customer, Order};
use jiff::Timestamp;
use serde::Serialize;

pub const TEMPLATE: &str = "customer.html";

#[derive(Hash)]
pub struct Inputs<'s> {
    pub frame: Frame<'s>,
    pub customer: Content<'s, Customer>,
    /// Their complaints: the timeline shows them, the tasks name them.
    pub complaints: Vec<Content<'s, Complaint>>,
    /// Their open tasks, most urgent first; the messages follow from the
    /// records above.
    pub tasks: Vec<TaskLine<'s>>,
    /// Their missed tasks, latest first.
    pub missed: Vec<TaskLine<'s>>,
    pub segments: Hashed<'s, Segments>,
    /// Which of the events above have happened by now.
    pub seen: Seen,
}

pub fn path(id: &str) -> String {
    format!("customers/{id}.html")
}

pub fn inputs<'s>(site: &'s Site, ci: usize) -> Inputs<'s> {
    let shop = site.shop;
    let moment = &site.moments[ci];
    let mut open: Vec<&crate::rules::Task> = moment.open.iter().collect();
    open.sort_by_key(|t| super::lines::urgency(t));
    let mut missed: Vec<&crate::rules::Task> = moment.missed.iter().collect();
    missed.sort_by_key(|t| std::cmp::Reverse(t.late));
    Inputs {
        frame: site.frame(),
        customer: Content(&shop.customers[ci]),
        complaints: shop.complaints_by_customer[ci]
            .iter()
            .map(|&ki| Content(&*shop.complaints[ki]))
            .collect(),
        tasks: open
            .into_iter()
            .map(|t| TaskLine::new(shop, t, Message::FromRecords))
            .collect(),
        missed: missed
            .into_iter()
            .map(|t| TaskLine::new(shop, t, Message::FromRecords))
            .collect(),
        segments: Hashed(&moment.segments),
        seen: moment.seen,
    }
}

pub fn view(i: &Inputs) -> tera::Context {
    let basis = &i.frame.basis;
    let c = &*i.customer;
    let title = format!("{} · {}", c.name, basis.cfg.name);
    let common = common(&i.frame, "../", title, "customers", None);
    let mut ctx = context(&common, basis);
    ctx.insert("name", &c.name);
    ctx.insert("profile", &profile(basis, c, &i.segments));
    ctx.insert("segments", &segments(basis, &i.segments));
    ctx.insert("timeline", &timeline(i));
    let tasks: Vec<TaskView> = i
        .tasks
        .iter()
        .map(|t| task_view(basis, t, "../", i.seen.today()))
        .collect();
    ctx.insert("tasks", &tasks);
    let missed: Vec<TaskView> = i
        .missed
        .iter()
        .map(|t| task_view(basis, t, "../", i.seen.today()))
        .collect();
    ctx.insert("missed", &missed);
    // A chat button only where contacts are shown and the number has WhatsApp.
    let wa = match &c.phone {
        Some(p) if !basis.cfg.mask_contacts && crate::shop::record::is_mobile(p) => {
            crate::lang::format::whatsapp_link(p, "")
        }
        _ => None,
    };
    ctx.insert("whatsapp", &wa);
    ctx
}

#[derive(Serialize)]
pub struct TimelineItem {
    pub when: String,
    /// RFC 3339, for the `<time datetime>` attribute.
    pub iso: String,
    pub kind: &'static str,
    pub title: String,
    pub text: String,
    pub href: Option<String>,
}

fn contact(cfg: &Config, c: &Customer) -> (String, String) {
    let phone = c.phone.as_deref().map_or(String::new(), |p| {
        if cfg.mask_contacts {
            mask_phone(p)
        } else {
            crate::lang::format::local_phone(p)
        }
    });
    let email = c.email.as_deref().map_or(String::new(), |e| {
        if cfg.mask_contacts {
            mask_email(e)
        } else {
            e.to_string()
        }
    });
    (phone, email)
}

fn segments(basis: &Basis, seg: &Segments) -> Vec<String> {
    let lang = basis.lang();
    let mut segs = vec![lang::lifecycle(seg.lifecycle, lang).to_string()];
    if seg.unpaid {
        segs.push(basis.labels.unpaid.to_lowercase());
    }
    if let Some(v) = seg.value {
        segs.push(format!(
            "{} {}",
            basis.labels.value.to_lowercase(),
            lang::value(v, lang)
        ));
    }
    segs
}

/// The profile's rows that have a value.
fn profile(basis: &Basis, c: &Customer, seg: &Segments) -> Vec<(&'static str, String)> {
    let cfg = basis.cfg;
    let lang = basis.lang();
    let (phone, email) = contact(cfg, c);
    let interested: Vec<String> = c
        .interested
        .iter()
        .map(|p| cfg.products.get(p).map_or(p.clone(), |x| x.name.clone()))
        .collect();
    let phone_label = match &c.phone {
        Some(p) if !crate::shop::record::is_mobile(p) => basis.labels.landline,
        _ => basis.labels.phone,
    };
    let handles: Vec<String> = c
        .handles
        .iter()
        .map(|(market, user)| {
            let user = if cfg.mask_contacts {
                mask_handle(user)
            } else {
                user.clone()
            };
            let market = crate::lang::site::source_label(market, basis.lang());
            format!("{market}: {user}")
        })
        .collect();
    let profile = vec![
        (
            basis.labels.call,
            crate::lang::format::address(&c.name, c.call.as_deref(), &cfg.greeting),
        ),
        (phone_label, phone),
        (basis.labels.handles, handles.join(", ")),
        (basis.labels.email, email),
        (basis.labels.city, c.city.clone().unwrap_or_default()),
        (
            basis.labels.source,
            c.source
                .as_deref()
                .map(|s| crate::lang::site::source_label(s, lang))
                .unwrap_or_default(),
        ),
        (
            basis.labels.admin,
            c.admin
                .as_deref()
                .map(|a| crate::lang::site::admin_name(Some(a), lang))
                .unwrap_or_default(),
        ),
        (
            basis.labels.first_contact,
            long_datetime(c.first_contact.t, &cfg.timezone, lang),
        ),
        (basis.labels.tags, c.tags.join(", ")),
        (
            basis.labels.interested,
            crate::messages::join_names(&interested, lang),
        ),
        (
            basis.labels.note,
            if cfg.mask_contacts {
                String::new()
            } else {
                c.note.clone().unwrap_or_default()
            },
        ),
        (basis.labels.spend, money(seg.spend_365d, &cfg.currency)),
        (
            basis.labels.record_file,
            crate::shop::dir::slash_path(&c.path),
        ),
    ];
    profile.into_iter().filter(|(_, v)| !v.is_empty()).collect()
}

/// Everything that happened, newest first: (time, line in the file, item).
struct Timeline<'b> {
    basis: &'b Basis<'b>,
    seen: Seen,
    items: Vec<(Timestamp, u32, TimelineItem)>,
}

impl Timeline<'_> {
    fn push(
        &mut self,
        (t, line): (Timestamp, u32),
        kind: &'static str,
        title: String,
        text: String,
        href: Option<String>,
    ) {
        let tz = &self.basis.cfg.timezone;
        self.items.push((
            t,
            line,
            TimelineItem {
                when: {
                    let lang = self.basis.lang();
                    let dt = tz.to_datetime(t);
                    // A date written without a time is not "00:00".
                    if dt.hour() == 0 && dt.minute() == 0 && dt.second() == 0 {
                        crate::lang::format::long_date(t, tz, lang)
                    } else {
                        long_datetime(t, tz, lang)
                    }
                },
                iso: crate::time::rfc3339(t, tz),
                kind,
                title,
                text,
                href,
            },
        ));
    }

    fn order(&mut self, n: usize, o: &Order) {
        let basis = self.basis;
        let cfg = basis.cfg;
        // Where it was ordered and its marketplace number, to find it there.
        let lang = basis.lang();
        let order_word = crate::lang::site::More::of(lang).order_word;
        let mut text = vec![super::figures::items_text(&o.items, cfg)];
        if let Some(ch) = &o.channel {
            text.push(format!("via {}", crate::lang::site::source_label(ch, lang)));
        }
        if let Some(r) = &o.reference {
            text.push(format!("{} {r}", basis.labels.order_ref));
        }
        self.push(
            (o.at.t, o.at.line),
            "order",
            format!("{order_word} #{n} · {}", money(o.total(), &cfg.currency)),
            text.join(" · "),
            None,
        );
        let w = basis.words;
        for (ev, word) in [
            (o.paid, w.paid),
            (o.shipped, w.shipped),
            (o.delivered, w.delivered),
            (o.cancelled, w.cancelled),
        ] {
            if let Some(e) = ev.filter(|e| self.seen.happened(e.t)) {
                let title = format!("{order_word} #{n} {word}");
                self.push((e.t, e.line), "order-event", title, String::new(), None);
            }
        }
    }

    fn interactions(&mut self, c: &Customer) {
        let cfg = self.basis.cfg;
        let lang = self.basis.lang();
        let seen = self.seen;
        let masked = cfg.mask_contacts;
        for i in c.interactions.iter().filter(|i| seen.happened(i.at.t)) {
            let mut bits = Vec::new();
            if let Some(b) = &i.by {
                bits.push(crate::lang::site::admin_name(Some(b), lang));
            }
            if let Some(ch) = &i.channel {
                bits.push(crate::lang::site::source_label(ch, lang));
            }
            if let Some(r) = i.replied.filter(|r| seen.happened(r.t)) {
                let open =
                    crate::time::elapsed_open(i.at.t, r.t, cfg.hours.as_ref(), &cfg.timezone);
                bits.push(format!(
                    "{} {} {}",
                    self.basis.words.answered_in,
                    crate::lang::format::decimal(open.secs() as f64 / 60.0, 0, lang),
                    self.basis.words.minutes
                ));
            }
            if i.kind == crate::shop::record::Kind::Inbound
                && i.replied.filter(|r| seen.happened(r.t)).is_none()
            {
                bits.push(self.basis.words.unanswered.to_string());
            }
            // A shared (masked) site leaves out free-text notes.
            let mut text = if masked {
                String::new()
            } else {
                i.note.clone().unwrap_or_default()
            };
            if !bits.is_empty() {
                text = if text.is_empty() {
                    bits.join(" · ")
                } else {
                    format!("{text} ({})", bits.join(" · "))
                };
            }
            let title = crate::lang::words::kind_label(i.kind, lang).to_string();
            self.push((i.at.t, i.at.line), i.kind.as_str(), title, text, None);
        }
    }

    fn feedback(&mut self, c: &Customer) {
        let seen = self.seen;
        for f in c.feedback.iter().filter(|f| seen.happened(f.at.t)) {
            let mut title = self.basis.words.feedback.to_string();
            if let Some(r) = f.rating {
                title.push_str(&format!(" {}", "★".repeat(r.clamp(0, 5) as usize)));
            }
            if let Some(n) = f.nps {
                title.push_str(&format!(" · NPS {n}"));
            }
            // Feedback text not marked public stays off a shared site.
            let text = if self.basis.cfg.mask_contacts && !f.public {
                String::new()
            } else {
                f.text.clone().unwrap_or_default()
            };
            self.push((f.at.t, f.at.line), "feedback", title, text, None);
        }
    }

    fn complaint(&mut self, k: &Complaint) {
        let words = self.basis.words;
        let word = words.complaint;
        let href = Some(format!("../complaints/{}.html", k.id));
        let title = format!("{word} {}", k.id);
        self.push(
            (k.opened.t, 0),
            "complaint",
            title,
            k.summary.clone(),
            href.clone(),
        );
        if let Some(r) = self.seen.resolved(k) {
            let title = format!("{word} {} {}", k.id, words.resolved_lower);
            let text = k.solution.clone().unwrap_or_default();
            self.push((r.t, 0), "complaint", title, text, href);
        }
    }
}

fn timeline(i: &Inputs) -> Vec<TimelineItem> {
    let basis = &i.frame.basis;
    let c = &*i.customer;
    let mut tl = Timeline {
        basis,
        seen: i.seen,
        items: Vec::new(),
    };
    let source = c
        .source
        .clone()
        .map_or(String::new(), |s| format!("{}: {s}", basis.labels.source));
    let title = basis.labels.first_contact.to_string();
    let first = (c.first_contact.t, c.first_contact.line);
    tl.push(first, "contact", title, source, None);
    for (n, o) in c.orders.iter().enumerate() {
        if tl.seen.happened(o.at.t) {
            tl.order(n + 1, o);
        }
    }
    tl.interactions(c);
    tl.feedback(c);
    for k in &i.complaints {
        if tl.seen.happened(k.opened.t) {
            tl.complaint(k);
        }
    }
    let mut items = tl.items;
    items.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    items.into_iter().map(|x| x.2).collect()
}
