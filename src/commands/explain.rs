//! `explain ID`: every task of a customer or complaint with the rule, the
//! anchor event (file:line), the arithmetic and the reason for its status;
//! the customer's segments and why. Makes every due date checkable by hand.

use crate::commands::Ctx;
use crate::error::{Error, Result};
use crate::lang::format::money;
use crate::lang::{self, pick};
use crate::rules::{self, Lifecycle, Status, Task, WaitReason};
use crate::shop::index::Shop;
use crate::shop::record::Customer;
use crate::time::{add, add_open_steps, short, sub};
use std::fmt::Write;

pub fn run(ctx: &Ctx, id: &str) -> Result<i32> {
    let shop = &ctx.shop;
    let text = if let Some(c) = shop.customer(id) {
        explain_customer(shop, c, ctx.now, None)
    } else if let Some(k) = shop.complaint(id) {
        let c = shop.customer(&k.customer).ok_or_else(|| {
            Error::invalid(format!(
                "complaint {id}: customer {} is not loaded",
                k.customer
            ))
        })?;
        explain_customer(shop, c, ctx.now, Some(id))
    } else {
        let ids = shop
            .customers
            .iter()
            .map(|c| c.id.as_str())
            .chain(shop.complaints.iter().map(|k| k.id.as_str()));
        return Err(Error::usage(format!(
            "no customer or complaint with id `{id}`{}",
            crate::text::did_you_mean(id, ids)
        )));
    };
    print!("{text}");
    Ok(0)
}

fn explain_customer(
    shop: &Shop,
    c: &Customer,
    now: jiff::Timestamp,
    complaint: Option<&str>,
) -> String {
    let cfg = &shop.config;
    let tz = &cfg.timezone;
    let lang = cfg.language;
    let mut s = String::new();
    let path = shop.dir.shown(&c.path);
    let ci = shop.customer_index.get(&c.id).copied().unwrap_or(0);
    let at = |line: u32| format!("{}:{line}", path.display());
    let _ = writeln!(s, "{} ({}) · {}", c.name, c.id, path.display());
    let _ = writeln!(
        s,
        "{}: {}",
        pick(lang, "Dilihat pada", "As of"),
        crate::lang::format::long_datetime(now, tz, lang)
    );
    if let Some(kid) = complaint {
        if let Some(k) = shop.complaint(kid) {
            let kpath = shop.dir.shown(&k.path);
            let _ = writeln!(
                s,
                "{} {} · {} · {}",
                pick(lang, "Komplain", "Complaint"),
                k.id,
                k.summary,
                kpath.display()
            );
        }
    }
    if c.first_contact.t > now {
        let _ = writeln!(
            s,
            "\n{} ({}).",
            pick(
                lang,
                "Pelanggan ini belum ada pada waktu itu: first_contact",
                "This customer did not exist yet: first_contact"
            ),
            short(c.first_contact.t, tz)
        );
        return s;
    }

    if complaint.is_none() {
        let seg = rules::segments(cfg, c, now);
        let _ = writeln!(s, "\n{}", pick(lang, "Segmen", "Segments"));
        let window_start = sub(now, cfg.service.inactive_after);
        let why = match seg.lifecycle {
            Lifecycle::Lead => pick(
                lang,
                "belum ada order (yang tidak dibatalkan)",
                "no order (that is not cancelled)",
            )
            .to_string(),
            l => {
                let last = seg.last_order.map_or(String::new(), |e| {
                    format!("{} ({})", short(e.t, tz), at(e.line))
                });
                let inside = l != Lifecycle::Inactive;
                format!(
                    "{} order, {} {last}; {} {} ({} {})",
                    seg.orders,
                    pick(lang, "terakhir", "latest"),
                    if inside {
                        pick(lang, "di dalam", "inside")
                    } else {
                        pick(lang, "di luar", "outside")
                    },
                    pick(lang, "jendela aktif", "the active window"),
                    pick(lang, "sejak", "since"),
                    short(window_start, tz),
                )
            }
        };
        let _ = writeln!(
            s,
            "  {}: {} — {why}",
            pick(lang, "tahap", "lifecycle"),
            lang::lifecycle(seg.lifecycle, lang)
        );
        let unpaid: Vec<String> = c
            .orders
            .iter()
            .enumerate()
            .filter(|(_, o)| rules::order_counts(o, now) && o.paid.is_none_or(|p| p.t > now))
            .map(|(i, o)| format!("#{} ({})", i + 1, at(o.line)))
            .collect();
        let _ = writeln!(
            s,
            "  {}: {}",
            pick(lang, "belum bayar", "unpaid"),
            if unpaid.is_empty() {
                pick(lang, "tidak", "no").to_string()
            } else {
                format!("{} — order {}", pick(lang, "ya", "yes"), unpaid.join(", "))
            }
        );
        let value = match seg.value {
            None => pick(lang, "– (belum ada order)", "– (no orders)").to_string(),
            Some(v) => format!(
                "{} — {} {} (≥ {} {}, ≥ {} {})",
                lang::value(v, lang),
                pick(lang, "belanja lunas 365 hari", "paid spend in 365 days"),
                money(seg.spend_365d, &cfg.currency),
                money(cfg.service.high_value, &cfg.currency),
                pick(lang, "tinggi", "high"),
                money(cfg.service.medium_value, &cfg.currency),
                pick(lang, "sedang", "medium"),
            ),
        };
        let _ = writeln!(s, "  {}: {value}", pick(lang, "nilai", "value"));
        if !c.tags.is_empty() {
            let _ = writeln!(s, "  tag: {}", c.tags.join(", "));
        }
    }

    let tasks = rules::tasks_for_customer(shop, ci, now);
    let tasks: Vec<&Task> = tasks
        .iter()
        .filter(|t| match complaint {
            Some(kid) => t.complaint.map(|k| shop.complaints[k].id.as_str()) == Some(kid),
            None => true,
        })
        .collect();
    let _ = writeln!(s, "\n{}", pick(lang, "Tugas", "Tasks"));
    if tasks.is_empty() {
        let _ = writeln!(
            s,
            "  {}",
            pick(
                lang,
                "tidak ada tugas pada waktu ini",
                "no tasks at this time"
            )
        );
    }
    for t in tasks {
        explain_task(&mut s, shop, c, t);
    }
    s
}

fn explain_task(s: &mut String, shop: &Shop, c: &Customer, t: &Task) {
    let cfg = &shop.config;
    let tz = &cfg.timezone;
    let lang = cfg.language;
    let file = match t.complaint {
        Some(k) => shop.dir.shown(&shop.complaints[k].path),
        None => shop.dir.shown(&c.path),
    };
    let mut head = format!("{} ({})", rules::label(cfg, t.rule), t.rule.name());
    if let Some(o) = t.order {
        head.push_str(&format!(" · order #{o}"));
        // Where it was ordered, so the order can be found in the marketplace.
        if let Some(order) = o.checked_sub(1).and_then(|i| c.orders.get(i)) {
            if let Some(ch) = &order.channel {
                head.push_str(&format!(" via {ch}"));
            }
            if let Some(r) = &order.reference {
                head.push_str(&format!(" (ref {r})"));
            }
        }
    }
    if let Some(k) = t.complaint {
        head.push_str(&format!(
            " · {} {}",
            pick(lang, "komplain", "complaint"),
            shop.complaints[k].id
        ));
    }
    if let Some(cat) = &t.category {
        head.push_str(&format!(" · {cat}"));
    }
    let _ = writeln!(
        s,
        "\n  {head} — {}",
        lang::status(t.status, lang).to_uppercase()
    );
    let anchor_file = match (t.complaint, t.anchor.field) {
        (Some(_), "opened" | "resolved") => file.clone(),
        _ => shop.dir.shown(&c.path),
    };
    let _ = writeln!(
        s,
        "    {}: `{}` {} ({}:{})",
        pick(lang, "jangkar", "anchor"),
        t.anchor.field,
        short(t.anchor.ev.t, tz),
        anchor_file.display(),
        t.anchor.ev.line
    );
    let wait_shown = if t.open_time && cfg.hours.is_some() {
        t.wait.hours_text()
    } else {
        t.wait.to_string()
    };
    let wait_text = match &t.wait_reason {
        WaitReason::Default => wait_shown,
        WaitReason::Overridden => format!("{wait_shown} ([rules.{}] wait)", t.rule.name()),
        WaitReason::Repeat { per_unit, units } => {
            format!("{} ({per_unit} × {units} unit)", t.wait)
        }
    };
    if t.open_time && cfg.hours.is_some() {
        let _ = writeln!(
            s,
            "    {} = {} + {wait_text} {} = {}",
            pick(lang, "jatuh tempo", "due"),
            short(t.anchor.ev.t, tz),
            pick(lang, "jam buka", "of open time"),
            short(t.due, tz)
        );
        let (_, steps) = add_open_steps(t.anchor.ev.t, t.wait, cfg.hours.as_ref(), tz);
        for st in steps {
            for skip in &st.skipped {
                let _ = writeln!(s, "      ({})", skipped_text(*skip, lang));
            }
            let _ = writeln!(
                s,
                "      {} – {} ({})",
                crate::lang::format::short_datetime(st.from, tz, lang),
                short(st.to, tz).get(11..).unwrap_or(""),
                crate::time::between(st.from, st.to).hours_text()
            );
        }
    } else {
        let _ = writeln!(
            s,
            "    {} = {} + {wait_text} = {}",
            pick(lang, "jatuh tempo", "due"),
            short(t.anchor.ev.t, tz),
            short(t.due, tz)
        );
    }
    let _ = writeln!(
        s,
        "    {} = {} + {} = {}",
        pick(lang, "terlambat", "late"),
        short(t.due, tz),
        t.window,
        short(t.late, tz)
    );
    let expire = cfg.service.expire_after;
    let reason = match t.status {
        Status::Done => match t.done {
            Some(d) => {
                let dfile = if matches!(d.field, "first_response" | "resolved") {
                    file.clone()
                } else {
                    shop.dir.shown(&c.path)
                };
                format!(
                    "{} `{}` {} ({}:{})",
                    pick(lang, "diselesaikan oleh", "completed by"),
                    d.field,
                    short(d.ev.t, tz),
                    dfile.display(),
                    d.ev.line
                )
            }
            None => pick(lang, "selesai: `csat` sudah diisi", "done: `csat` is set").to_string(),
        },
        st => {
            let missing = match t.rule.def().done_by {
                Some(kind) => format!(
                    "{} `{}` {} {}",
                    pick(lang, "belum ada interaksi", "no"),
                    kind.as_str(),
                    pick(lang, "sejak", "interaction since"),
                    short(t.anchor.ev.t, tz)
                ),
                None => match t.rule {
                    rules::Rule::ComplaintResponse => pick(
                        lang,
                        "`first_response` belum diisi",
                        "`first_response` is not set",
                    )
                    .to_string(),
                    _ => pick(lang, "`resolved` belum diisi", "`resolved` is not set").to_string(),
                },
            };
            let when = match st {
                Status::Upcoming => format!(
                    "{} < {} {}",
                    pick(lang, "sekarang", "now"),
                    pick(lang, "jatuh tempo", "due"),
                    short(t.due, tz)
                ),
                Status::Due => format!(
                    "{} ≤ {} < {}",
                    short(t.due, tz),
                    pick(lang, "sekarang", "now"),
                    short(t.late, tz)
                ),
                Status::Overdue if !t.rule.def().expires => format!(
                    "{} ≤ {} ({})",
                    short(t.late, tz),
                    pick(lang, "sekarang", "now"),
                    pick(
                        lang,
                        "komplain terbuka tetap terlambat sampai ditangani, tidak pernah kedaluwarsa",
                        "an open complaint stays overdue until it is handled; it never expires"
                    )
                ),
                Status::Overdue => format!(
                    "{} ≤ {} < {} + expire_after {expire} = {}",
                    short(t.late, tz),
                    pick(lang, "sekarang", "now"),
                    short(t.late, tz),
                    short(add(t.late, expire), tz)
                ),
                _ => format!(
                    "{} ≥ {} + expire_after {expire} = {}",
                    pick(lang, "sekarang", "now"),
                    short(t.late, tz),
                    short(add(t.late, expire), tz)
                ),
            };
            format!("{missing}; {when}")
        }
    };
    let _ = writeln!(s, "    status: {reason}");
    match &t.admin {
        Some(a) => {
            let _ = writeln!(s, "    admin: {a}");
        }
        None => {
            let _ = writeln!(
                s,
                "    admin: – ({})",
                pick(lang, "belum ditentukan", "none assigned")
            );
        }
    }
}

/// `lewati istirahat 12:00–13:00`, `lewati libur 2027-03-19..2027-03-24`.
fn skipped_text(skip: crate::time::Skipped, lang: crate::shop::config::Lang) -> String {
    let hm = |t: jiff::civil::Time| format!("{:02}:{:02}", t.hour(), t.minute());
    match skip {
        crate::time::Skipped::Break(a, b) => format!(
            "{} {}–{}",
            pick(lang, "lewati istirahat", "skips the break"),
            hm(a),
            hm(b)
        ),
        crate::time::Skipped::Holiday(h) => format!(
            "{} {h}",
            pick(lang, "lewati hari libur", "skips the holiday")
        ),
    }
}
