//! `due`: the agenda at now, grouped by admin, each task with its
//! ready-to-send message (SPEC §6).

use super::{json, out, Ctx, Format};
use crate::error::{Error, Result};
use crate::io::table::{self, paint, Style};
use crate::lang::cli::{self, CliWord};
use crate::lang::format::{local_phone, long_datetime, short_datetime, whatsapp_link};
use crate::lang::{rule_label, status, Word};
use crate::messages::Messages;
use crate::rules::agenda::{agenda, by_admin, on_agenda};
use crate::rules::{evaluate_where, Status, Task};
use crate::shop::index::Shop;
use crate::time::{parse_duration, rfc3339};
use serde::Serialize;

#[derive(Serialize)]
struct TaskJson {
    rule: &'static str,
    customer: String,
    complaint: Option<String>,
    order: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<String>,
    anchor: String,
    due: String,
    late: String,
    status: &'static str,
    admin: Option<String>,
    label: String,
    message: String,
    whatsapp: Option<String>,
}

pub fn task_json(shop: &Shop, msgs: &Messages, t: &Task) -> TaskJsonOut {
    let tz = &shop.config.timezone;
    let c = &shop.customers[t.customer];
    let message = msgs.render(shop, t);
    TaskJsonOut(TaskJson {
        rule: t.rule.name(),
        customer: c.id.clone(),
        complaint: t.complaint.map(|k| shop.complaints[k].id.clone()),
        order: t.order,
        category: t.category.clone(),
        anchor: rfc3339(t.anchor.ev.t, tz),
        due: rfc3339(t.due, tz),
        late: rfc3339(t.late, tz),
        status: t.status.as_str(),
        admin: t.admin.clone(),
        label: rule_label(&shop.config, t.rule),
        whatsapp: c.phone.as_deref().and_then(|p| whatsapp_link(p, &message)),
        message,
    })
}

/// A task as SPEC §6 shapes it.
#[derive(Serialize)]
#[serde(transparent)]
pub struct TaskJsonOut(TaskJson);

pub fn due(ctx: &Ctx, admin: Option<&str>, upcoming: Option<&str>, format: Format) -> Result<i32> {
    let shop = &ctx.shop;
    let cfg = &shop.config;
    let horizon = upcoming
        .map(|u| {
            parse_duration(u.trim(), cfg.language)
                .map_err(|_| Error::usage(cli::bad_duration("--upcoming", u, cfg.language)))
        })
        .transpose()?;
    let admin = admin
        .map(|a| super::typed_admin("--admin", a, cfg).map_err(Error::usage))
        .transpose()?;
    let admin = admin.as_deref();
    ctx.warn_left_out();
    let tasks = evaluate_where(shop, ctx.now, |t| on_agenda(t, ctx.now, horizon));
    let list: Vec<&Task> = agenda(shop, &tasks, ctx.now, horizon)
        .into_iter()
        .filter(|t| {
            admin.is_none_or(|a| {
                t.admin
                    .as_deref()
                    .is_some_and(|x| x.eq_ignore_ascii_case(a))
            })
        })
        .collect();
    let msgs = Messages::load(shop)?;
    match format {
        Format::Json => {
            let v: Vec<TaskJsonOut> = list.iter().map(|t| task_json(shop, &msgs, t)).collect();
            json(&v, cfg.language)
        }
        // `--format` offers only table and json (cli::TableOrJson).
        Format::Csv => Err(Error::usage(cli::format_unsupported("due", cfg.language))),
        Format::Table => out(&due_table(ctx, &msgs, &list, table::color_enabled())),
    }
}

/// Where the text under a task's head starts.
const INDENT: &str = "              ";

/// The agenda as text: grouped by admin, overdue first, each with its message.
pub fn due_table(ctx: &Ctx, msgs: &Messages, list: &[&Task], color: bool) -> String {
    let shop = &ctx.shop;
    let cfg = &shop.config;
    let lang = cfg.language;
    let title = format!(
        "{} · {} · {}",
        CliWord::Tasks.text(lang),
        long_datetime(ctx.now, &cfg.timezone, lang),
        cfg.name
    );
    let mut s = paint(&title, Style::Bold, color);
    s.push('\n');
    if list.is_empty() {
        s.push_str(CliWord::NothingDue.text(lang));
        return s;
    }
    for group in by_admin(list.iter().copied(), |t| *t) {
        let who = group
            .admin
            .as_deref()
            .map_or_else(|| Word::NoAdmin.text(lang).to_string(), str::to_uppercase);
        let head = cli::admin_tasks(&who, group.items.len(), group.overdue, lang);
        s.push('\n');
        s.push_str(&paint(&head, Style::Bold, color));
        s.push('\n');
        for t in group.items {
            task_text(&mut s, ctx, msgs, t, color);
        }
    }
    s
}

/// One task of the agenda: status, due and label; who and what; the
/// message and its WhatsApp link.
fn task_text(s: &mut String, ctx: &Ctx, msgs: &Messages, t: &Task, color: bool) {
    let shop = &ctx.shop;
    let cfg = &shop.config;
    let lang = cfg.language;
    let c = &shop.customers[t.customer];
    let style = match t.status {
        Status::Overdue => Style::Red,
        Status::Due => Style::Yellow,
        _ => Style::Dim,
    };
    let head = format!(
        "{:<12}{}  {}",
        status(t.status, lang).to_uppercase(),
        short_datetime(t.due, &cfg.timezone, lang),
        rule_label(cfg, t.rule)
    );
    s.push_str("  ");
    s.push_str(&paint(&table::clip(&head, 76), style, color));
    s.push('\n');
    let mut who = format!("{} ({})", c.name, c.id);
    if let Some(p) = &c.phone {
        who.push_str(&format!(" · {}", local_phone(p)));
    }
    if let Some(k) = t.complaint {
        let k = &shop.complaints[k];
        who.push_str(&format!(" · {} {}", Word::Complaint.text(lang), k.id));
    } else if let Some(o) = t.order {
        who.push_str(&format!(" · order #{o}"));
    }
    if let Some(cat) = &t.category {
        who.push_str(&format!(" · {cat}"));
    }
    s.push_str(&table::wrap(&who, 78, INDENT));
    let message = msgs.render(shop, t);
    s.push_str(&table::wrap(&format!("“{message}”"), 78, INDENT));
    if let Some(link) = c.phone.as_deref().and_then(|p| whatsapp_link(p, &message)) {
        s.push_str(INDENT);
        s.push_str(&paint(&link, Style::Dim, color));
        s.push('\n');
    }
}
