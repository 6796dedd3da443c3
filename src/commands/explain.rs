//! `explain ID`: every task of a customer or complaint with the rule, the
//! anchor event (file:line), the arithmetic and the reason for its status;
//! the customer's segments and why. Makes every due date checkable by hand.

use crate::commands::Ctx;
use crate::error::{Error, Result};
use crate::lang::cli::{self, CliWord, ExplainWord as W};
use crate::lang::format::{long_datetime, money, short_datetime};
use crate::lang::{lifecycle, rule_label, status, value, Word};
use crate::rules::{self, Lifecycle, Status, Task, Value, WaitReason};
use crate::shop::config::Lang;
use crate::shop::index::Shop;
use crate::shop::record::Customer;
use crate::time::{add, add_open_steps, short, sub, Skipped};
use jiff::Timestamp;
use std::fmt::Write;
use std::path::Path;

pub fn run(ctx: &Ctx, id: &str) -> Result<i32> {
    let shop = &ctx.shop;
    let lang = shop.config.language;
    // Ids are slugs, lower case: `Siti-Rahma` is `siti-rahma`.
    let typed = id;
    let lower = id.trim().to_lowercase();
    let id = if shop.customer(id).is_some() || shop.complaint(id).is_some() {
        id
    } else {
        lower.as_str()
    };
    let text = if let Some(c) = shop.customer(id) {
        explain_customer(shop, c, ctx.now, None)
    } else if let Some(k) = shop.complaint(id) {
        let c = shop.customer(&k.customer).ok_or_else(|| {
            Error::invalid(cli::complaint_customer_missing(id, &k.customer, lang))
        })?;
        explain_customer(shop, c, ctx.now, Some(id))
    } else {
        let hint = super::record_hint(shop, id, lang);
        return Err(Error::usage(cli::no_such_record(typed, &hint, lang)));
    };
    print!("{text}");
    Ok(0)
}

fn explain_customer(shop: &Shop, c: &Customer, now: Timestamp, complaint: Option<&str>) -> String {
    let cfg = &shop.config;
    let tz = &cfg.timezone;
    let lang = cfg.language;
    let mut s = String::new();
    let path = shop.dir.shown(&c.path);
    let ci = shop.customer_index.get(&c.id).copied().unwrap_or(0);
    let _ = writeln!(s, "{} ({}) · {}", c.name, c.id, path.display());
    let _ = writeln!(
        s,
        "{}: {}",
        W::AsOf.text(lang),
        long_datetime(now, tz, lang)
    );
    if let Some(k) = complaint.and_then(|kid| shop.complaint(kid)) {
        let kpath = shop.dir.shown(&k.path);
        let _ = writeln!(
            s,
            "{} {} · {} · {}",
            W::Complaint.text(lang),
            k.id,
            k.summary,
            kpath.display()
        );
    }
    if c.first_contact.t > now {
        let _ = writeln!(
            s,
            "\n{} ({}).",
            W::NotYetCustomer.text(lang),
            short(c.first_contact.t, tz)
        );
        return s;
    }
    if complaint.is_none() {
        explain_segments(&mut s, shop, c, now);
    }
    let tasks = rules::tasks_for_customer(shop, ci, now);
    let tasks: Vec<&Task> = tasks
        .iter()
        .filter(|t| match complaint {
            Some(kid) => t.complaint.map(|k| shop.complaints[k].id.as_str()) == Some(kid),
            None => true,
        })
        .collect();
    let _ = writeln!(s, "\n{}", CliWord::Tasks.text(lang));
    if tasks.is_empty() {
        let _ = writeln!(s, "  {}", W::NoTasksNow.text(lang));
    }
    for t in tasks {
        explain_task(&mut s, shop, c, t);
    }
    s
}

/// The customer's lifecycle, unpaid orders, value tier and tags, each with why.
fn explain_segments(s: &mut String, shop: &Shop, c: &Customer, now: Timestamp) {
    let cfg = &shop.config;
    let tz = &cfg.timezone;
    let lang = cfg.language;
    let path = shop.dir.shown(&c.path);
    let at = |line: u32| format!("{}:{line}", path.display());
    let seg = rules::segments(cfg, c, now);
    let _ = writeln!(s, "\n{}", W::Segments.text(lang));
    let why = match seg.lifecycle {
        Lifecycle::Lead => W::NoOrder.text(lang).to_string(),
        l => {
            let last = seg.last_order.map_or(String::new(), |e| {
                format!("{} ({})", short(e.t, tz), at(e.line))
            });
            let window_start = sub(now, cfg.service.inactive_after);
            cli::lifecycle_reason(
                seg.orders,
                &last,
                l != Lifecycle::Inactive,
                &short(window_start, tz),
                lang,
            )
        }
    };
    let _ = writeln!(
        s,
        "  {}: {} — {why}",
        W::Lifecycle.text(lang),
        lifecycle(seg.lifecycle, lang)
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
        Word::Unpaid.text(lang),
        if unpaid.is_empty() {
            W::No.text(lang).to_string()
        } else {
            format!("{} — order {}", W::Yes.text(lang), unpaid.join(", "))
        }
    );
    let tier = match seg.value {
        None => W::NoOrdersValue.text(lang).to_string(),
        Some(v) => cli::value_reason(
            value(v, lang),
            &money(seg.spend_365d, &cfg.currency),
            (
                &money(cfg.service.high_value, &cfg.currency),
                value(Value::High, lang),
            ),
            (
                &money(cfg.service.medium_value, &cfg.currency),
                value(Value::Medium, lang),
            ),
            lang,
        ),
    };
    let _ = writeln!(s, "  {}: {tier}", W::Value.text(lang));
    if !c.tags.is_empty() {
        let _ = writeln!(s, "  tag: {}", c.tags.join(", "));
    }
}

/// One task: its head, anchor, due and late arithmetic, status and admin.
fn explain_task(s: &mut String, shop: &Shop, c: &Customer, t: &Task) {
    let cfg = &shop.config;
    let tz = &cfg.timezone;
    let lang = cfg.language;
    let file = match t.complaint {
        Some(k) => shop.dir.shown(&shop.complaints[k].path),
        None => shop.dir.shown(&c.path),
    };
    let _ = writeln!(
        s,
        "\n  {} — {}",
        task_head(shop, c, t),
        status(t.status, lang).to_uppercase()
    );
    let anchor_file = match (t.complaint, t.anchor.field) {
        (Some(_), "opened" | "resolved") => file.clone(),
        _ => shop.dir.shown(&c.path),
    };
    let _ = writeln!(
        s,
        "    {}: `{}` {} ({}:{})",
        W::Anchor.text(lang),
        t.anchor.field,
        short(t.anchor.ev.t, tz),
        anchor_file.display(),
        t.anchor.ev.line
    );
    explain_due(s, shop, t);
    let _ = writeln!(
        s,
        "    {} = {} + {} = {}",
        W::Late.text(lang),
        short(t.due, tz),
        t.window,
        short(t.late, tz)
    );
    let _ = writeln!(s, "    status: {}", status_reason(shop, c, t, &file));
    match &t.admin {
        Some(a) => {
            let _ = writeln!(s, "    admin: {a}");
        }
        None => {
            let _ = writeln!(s, "    admin: – ({})", W::NoneAssigned.text(lang));
        }
    }
}

/// `Label (rule) · order #1 via shopee (ref X) · komplain 2026-0001 · category`.
fn task_head(shop: &Shop, c: &Customer, t: &Task) -> String {
    let lang = shop.config.language;
    let mut head = format!("{} ({})", rule_label(&shop.config, t.rule), t.rule.name());
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
            Word::Complaint.text(lang),
            shop.complaints[k].id
        ));
    }
    if let Some(cat) = &t.category {
        head.push_str(&format!(" · {cat}"));
    }
    head
}

/// `due = anchor + wait = due`; in open time, each span of open hours.
fn explain_due(s: &mut String, shop: &Shop, t: &Task) {
    let cfg = &shop.config;
    let tz = &cfg.timezone;
    let lang = cfg.language;
    let open_hours = t.open_time && cfg.hours.is_some();
    let wait_shown = if open_hours {
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
    if !open_hours {
        let _ = writeln!(
            s,
            "    {} = {} + {wait_text} = {}",
            W::Due.text(lang),
            short(t.anchor.ev.t, tz),
            short(t.due, tz)
        );
        return;
    }
    let _ = writeln!(
        s,
        "    {} = {} + {wait_text} {} = {}",
        W::Due.text(lang),
        short(t.anchor.ev.t, tz),
        W::OfOpenTime.text(lang),
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
            short_datetime(st.from, tz, lang),
            short(st.to, tz).get(11..).unwrap_or(""),
            crate::time::between(st.from, st.to).hours_text()
        );
    }
}

/// Why the task has its status: what completed it, or what is missing and
/// where now stands against its times.
fn status_reason(shop: &Shop, c: &Customer, t: &Task, file: &Path) -> String {
    let cfg = &shop.config;
    let tz = &cfg.timezone;
    let lang = cfg.language;
    if t.status == Status::Done {
        return match t.done {
            Some(d) => {
                let dfile = if matches!(d.field, "first_response" | "resolved") {
                    file.to_path_buf()
                } else {
                    shop.dir.shown(&c.path)
                };
                format!(
                    "{} `{}` {} ({}:{})",
                    W::CompletedBy.text(lang),
                    d.field,
                    short(d.ev.t, tz),
                    dfile.display(),
                    d.ev.line
                )
            }
            None => W::CsatSet.text(lang).to_string(),
        };
    }
    let missing = match t.rule.def().done_by {
        Some(kind) => cli::no_interaction_since(kind.as_str(), &short(t.anchor.ev.t, tz), lang),
        None => match t.rule {
            rules::Rule::ComplaintResponse => W::FirstResponseUnset.text(lang).to_string(),
            _ => W::ResolvedUnset.text(lang).to_string(),
        },
    };
    let now = W::Now.text(lang);
    let expire = cfg.service.expire_after;
    let when = match t.status {
        Status::Upcoming => format!("{now} < {} {}", W::Due.text(lang), short(t.due, tz)),
        Status::Due => format!("{} ≤ {now} < {}", short(t.due, tz), short(t.late, tz)),
        Status::Overdue if !t.rule.def().expires => format!(
            "{} ≤ {now} ({})",
            short(t.late, tz),
            W::ComplaintNeverExpires.text(lang)
        ),
        Status::Overdue => format!(
            "{} ≤ {now} < {} + expire_after {expire} = {}",
            short(t.late, tz),
            short(t.late, tz),
            short(add(t.late, expire), tz)
        ),
        _ => format!(
            "{now} ≥ {} + expire_after {expire} = {}",
            short(t.late, tz),
            short(add(t.late, expire), tz)
        ),
    };
    format!("{missing}; {when}")
}

/// `lewati istirahat 12:00–13:00`, `lewati hari libur 2027-03-19..2027-03-24`.
fn skipped_text(skip: Skipped, lang: Lang) -> String {
    use crate::time::clock_text as hm;
    match skip {
        Skipped::Break(a, b) => format!("{} {}–{}", W::SkipsBreak.text(lang), hm(a), hm(b)),
        Skipped::Holiday(h) => format!("{} {h}", W::SkipsHoliday.text(lang)),
    }
}
