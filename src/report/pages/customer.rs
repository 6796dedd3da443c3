//! A customer's page (`customers/ID.html`).

use crate::error::Result;
use crate::lang::format::{long_datetime, mask_email, mask_handle, mask_phone, money};
use crate::lang::{self, pick};
use crate::report::pages::*;
use crate::report::*;
use crate::rules::Status;
use crate::shop::config::Lang;
use crate::shop::record::{Customer, Kind};
use jiff::Timestamp;
use serde::Serialize;

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

pub fn kind_label(k: Kind, lang: Lang) -> &'static str {
    match k {
        Kind::Inbound => pick(lang, "Pesan masuk", "Message in"),
        Kind::Followup => pick(lang, "Follow-up", "Follow-up"),
        Kind::Payment => pick(lang, "Tagihan pembayaran", "Payment reminder"),
        Kind::Shipping => pick(lang, "Info pengiriman", "Shipping update"),
        Kind::Aftercare => pick(lang, "Aftercare", "Aftercare"),
        Kind::Repeat => pick(lang, "Tawaran repeat order", "Repeat-order offer"),
        Kind::Survey => pick(lang, "Survei kepuasan", "Satisfaction survey"),
        Kind::Note => pick(lang, "Catatan", "Note"),
    }
}

pub fn contact(site: &Site, c: &Customer) -> (String, String) {
    let cfg = site.cfg();
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

pub fn customer_page(site: &Site, ci: usize) -> Result<Prepared> {
    let shop = site.shop;
    let cfg = site.cfg();
    let lang = site.lang();
    let tz = &cfg.timezone;
    let now = site.now;
    let c = &shop.customers[ci];
    let seg = &site.segments(ci);
    let mut items: Vec<(Timestamp, u32, TimelineItem)> = Vec::new();
    let when = |t: Timestamp| long_datetime(t, tz, lang);
    items.push((
        c.first_contact.t,
        c.first_contact.line,
        TimelineItem {
            when: when(c.first_contact.t),
            iso: crate::time::rfc3339(c.first_contact.t, tz),
            kind: "contact",
            title: site.labels["first_contact"].to_string(),
            text: c
                .source
                .clone()
                .map_or(String::new(), |s| format!("{}: {s}", site.labels["source"])),
            href: None,
        },
    ));
    for (i, o) in c.orders.iter().enumerate() {
        if o.at.t > now {
            continue;
        }
        let n = i + 1;
        // Where it was ordered and its marketplace number, to find it there.
        let mut text = vec![items_text(o, cfg)];
        if let Some(ch) = &o.channel {
            text.push(format!("via {ch}"));
        }
        if let Some(r) = &o.reference {
            text.push(format!("{} {r}", site.labels["order_ref"]));
        }
        items.push((
            o.at.t,
            o.at.line,
            TimelineItem {
                when: when(o.at.t),
                iso: crate::time::rfc3339(o.at.t, tz),
                kind: "order",
                title: format!("Order #{n} · {}", money(o.total(), &cfg.currency)),
                text: text.join(" · "),
                href: None,
            },
        ));
        for (ev, id, en) in [
            (o.paid, "dibayar", "paid"),
            (o.shipped, "dikirim", "shipped"),
            (o.delivered, "diterima", "delivered"),
            (o.cancelled, "dibatalkan", "cancelled"),
        ] {
            if let Some(e) = ev.filter(|e| e.t <= now) {
                items.push((
                    e.t,
                    e.line,
                    TimelineItem {
                        when: when(e.t),
                        iso: crate::time::rfc3339(e.t, tz),
                        kind: "order-event",
                        title: format!("Order #{n} {}", pick(lang, id, en)),
                        text: String::new(),
                        href: None,
                    },
                ));
            }
        }
    }
    for i in &c.interactions {
        if i.at.t > now {
            continue;
        }
        let mut bits = Vec::new();
        if let Some(b) = &i.by {
            bits.push(b.clone());
        }
        if let Some(ch) = &i.channel {
            bits.push(ch.clone());
        }
        if let Some(r) = i.replied.filter(|r| r.t <= now) {
            let mins =
                crate::time::elapsed_open(i.at.t, r.t, cfg.hours.as_ref(), tz).secs() as f64 / 60.0;
            bits.push(format!(
                "{} {} {}",
                pick(lang, "dibalas dalam", "answered in"),
                crate::lang::format::decimal(mins, 0, lang),
                pick(lang, "menit", "min")
            ));
        }
        let mut text = i.note.clone().unwrap_or_default();
        if !bits.is_empty() {
            text = if text.is_empty() {
                bits.join(" · ")
            } else {
                format!("{text} ({})", bits.join(" · "))
            };
        }
        items.push((
            i.at.t,
            i.at.line,
            TimelineItem {
                when: when(i.at.t),
                iso: crate::time::rfc3339(i.at.t, tz),
                kind: i.kind.as_str(),
                title: kind_label(i.kind, lang).to_string(),
                text,
                href: None,
            },
        ));
    }
    for f in &c.feedback {
        if f.at.t > now {
            continue;
        }
        let mut title = pick(lang, "Ulasan", "Feedback").to_string();
        if let Some(r) = f.rating {
            title.push_str(&format!(" {}", "★".repeat(r.clamp(0, 5) as usize)));
        }
        if let Some(n) = f.nps {
            title.push_str(&format!(" · NPS {n}"));
        }
        items.push((
            f.at.t,
            f.at.line,
            TimelineItem {
                when: when(f.at.t),
                iso: crate::time::rfc3339(f.at.t, tz),
                kind: "feedback",
                title,
                text: f.text.clone().unwrap_or_default(),
                href: None,
            },
        ));
    }
    for &ki in &shop.complaints_by_customer[ci] {
        let k = &shop.complaints[ki];
        if k.opened.t > now {
            continue;
        }
        items.push((
            k.opened.t,
            0,
            TimelineItem {
                when: when(k.opened.t),
                iso: crate::time::rfc3339(k.opened.t, tz),
                kind: "complaint",
                title: format!("{} {}", pick(lang, "Komplain", "Complaint"), k.id),
                text: k.summary.clone(),
                href: Some(format!("../complaints/{}.html", k.id)),
            },
        ));
        if let Some(r) = k.resolved.filter(|r| r.t <= now) {
            items.push((
                r.t,
                0,
                TimelineItem {
                    when: when(r.t),
                    iso: crate::time::rfc3339(r.t, tz),
                    kind: "complaint",
                    title: format!(
                        "{} {} {}",
                        pick(lang, "Komplain", "Complaint"),
                        k.id,
                        pick(lang, "selesai", "resolved")
                    ),
                    text: k.solution.clone().unwrap_or_default(),
                    href: Some(format!("../complaints/{}.html", k.id)),
                },
            ));
        }
    }
    items.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    let open: Vec<TaskView> = site
        .customer_tasks(ci)
        .iter()
        .filter(|t| matches!(t.status, Status::Upcoming | Status::Due | Status::Overdue))
        .map(|t| task_view(site, t, "../", None))
        .collect();
    let (phone, email) = contact(site, c);
    let interested: Vec<String> = c
        .interested
        .iter()
        .map(|p| cfg.products.get(p).map_or(p.clone(), |x| x.name.clone()))
        .collect();
    let mut segs = vec![lang::lifecycle(seg.lifecycle, lang).to_string()];
    if seg.unpaid {
        segs.push(site.labels["unpaid"].to_lowercase());
    }
    if let Some(v) = seg.value {
        segs.push(format!(
            "{} {}",
            site.labels["value"].to_lowercase(),
            lang::value(v, lang)
        ));
    }
    let phone_label = match &c.phone {
        Some(p) if !crate::shop::record::is_mobile(p) => site.labels["landline"],
        _ => site.labels["phone"],
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
            format!("{market}: {user}")
        })
        .collect();
    let profile: Vec<(&str, String)> = vec![
        (
            site.labels["call"],
            crate::lang::format::address(&c.name, c.call.as_deref(), &cfg.greeting),
        ),
        (phone_label, phone),
        (site.labels["handles"], handles.join(", ")),
        (site.labels["email"], email),
        (site.labels["city"], c.city.clone().unwrap_or_default()),
        (site.labels["source"], c.source.clone().unwrap_or_default()),
        (site.labels["admin"], c.admin.clone().unwrap_or_default()),
        (
            site.labels["first_contact"],
            long_datetime(c.first_contact.t, tz, lang),
        ),
        (site.labels["tags"], c.tags.join(", ")),
        (
            site.labels["interested"],
            crate::messages::join_names(&interested, lang),
        ),
        (site.labels["note"], c.note.clone().unwrap_or_default()),
        (site.labels["spend"], money(seg.spend_365d, &cfg.currency)),
        (site.labels["record_file"], c.path.display().to_string()),
    ];
    let profile: Vec<(&str, String)> = profile.into_iter().filter(|(_, v)| !v.is_empty()).collect();
    let title = format!("{} · {}", c.name, cfg.name);
    let common = common(site, "../", title, "customers");
    let mut ctx = ctx_with(&common, &site.labels, false);
    ctx.insert("name", &c.name);
    ctx.insert("profile", &profile);
    ctx.insert("segments", &segs);
    ctx.insert(
        "timeline",
        &items.into_iter().map(|x| x.2).collect::<Vec<_>>(),
    );
    ctx.insert("tasks", &open);
    Ok(Prepared {
        path: format!("customers/{}.html", c.id),
        template: "customer.html",
        ctx,
    })
}
