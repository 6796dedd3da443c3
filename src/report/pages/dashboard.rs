//! The dashboard (`index.html`): this week's cards, the trend charts, the
//! agenda, the open complaints, the archive links and the problems banner.

use super::figures::{empty_metrics, metric_rows, week_title};
use super::lines::{
    complaint_list, complaint_rows, more_complaints, task_view, ComplaintLine, ComplaintList,
    Message, TaskLine, TaskView, OPEN_COMPLAINTS_SHOWN,
};
use super::{common, context, AsOfMinute, Frame, Link, One};
use crate::incremental::key::Json;
use crate::lang::format::metric as show;
use crate::lang::metric_label;
use crate::lang::site::Words;
use crate::metrics::{Metric, Metrics};
use crate::report::{svg, Month, Site, TREND_WEEKS};
use crate::rules::{self, complaints::open_at, Status};
use crate::shop::config::Lang;
use crate::time::Week;
use jiff::Timestamp;
use serde::Serialize;
use std::collections::BTreeMap;

pub const TEMPLATE: &str = "dashboard.html";
pub const PATH: &str = "index.html";

pub const CARD_KEYS: [Metric; 12] = [
    Metric::LeadsNew,
    Metric::ConversionRate,
    Metric::Orders,
    Metric::Revenue,
    Metric::RepeatOrderRate,
    Metric::ResponseMedianMinutes,
    Metric::ResponseWithinTargetRate,
    Metric::FollowupsOverdue,
    Metric::ComplaintsOpen,
    Metric::Csat,
    Metric::Nps,
    Metric::ActiveCustomers,
];

#[derive(Hash)]
pub struct Inputs<'s> {
    pub frame: Frame<'s>,
    /// The dashboard is as of the minute.
    pub now: Timestamp,
    pub problems: &'s [String],
    /// The figures of the trend weeks and the week before them, oldest first
    /// (the cards compare the last two).
    pub figures: Vec<Option<Json<'s, Metrics>>>,
    /// The tasks due or overdue, in agenda order.
    pub agenda: Vec<TaskLine<'s>>,
    pub complaints: ComplaintList<'s>,
    pub weeks: &'s [Week],
    pub months: &'s [Month],
}

pub fn inputs<'s>(site: &'s Site) -> Inputs<'s> {
    let shop = site.shop;
    let mut agenda: Vec<TaskLine> = site
        .moments
        .iter()
        .flat_map(|m| m.agenda(site.now))
        .map(|(t, m)| TaskLine::new(shop, t, Message::Rendered(m)))
        .collect();
    agenda.sort_by(|a, b| rules::agenda_order(shop, &a.task, &b.task));
    Inputs {
        frame: site.frame(),
        now: site.now,
        problems: &site.problems,
        figures: site
            .current_week
            .last(TREND_WEEKS + 1)
            .iter()
            .map(|w| site.week_metrics.get(w).map(Json))
            .collect(),
        agenda,
        complaints: complaint_list(site, site.now, true, Some(OPEN_COMPLAINTS_SHOWN)),
        weeks: &site.weeks,
        months: &site.months,
    }
}

/// What one customer puts on the dashboard: their tasks on the agenda and
/// their complaints open now.
#[derive(Hash)]
pub struct Part<'a> {
    pub agenda: Vec<TaskLine<'a>>,
    pub complaints: Vec<ComplaintLine<'a>>,
}

pub fn part<'a>(one: &One<'a>) -> Part<'a> {
    let now = one.now;
    let complaint = |ki: usize| one.complaints.iter().find(|x| x.0 == ki).map(|x| x.1);
    Part {
        agenda: one
            .moment
            .agenda(now)
            .map(|(t, m)| {
                let k = t.complaint.and_then(complaint);
                TaskLine::of(one.customer, k, t, Message::Rendered(m))
            })
            .collect(),
        complaints: one
            .complaints
            .iter()
            .filter(|(_, k)| open_at(k, now))
            .map(|&(ki, k)| ComplaintLine::at(k, Some(one.customer), now, one.overdue(ki, k, now)))
            .collect(),
    }
}

#[derive(Serialize)]
pub struct AdminAgenda {
    pub admin: String,
    pub overdue: usize,
    pub tasks: Vec<TaskView>,
}

/// The agenda by admin (those without one last), overdue first in each.
fn agenda(i: &Inputs) -> Vec<AdminAgenda> {
    let basis = &i.frame.basis;
    let mut groups: BTreeMap<(bool, String), Vec<&TaskLine>> = BTreeMap::new();
    for line in &i.agenda {
        let admin = &line.task.admin;
        let key = (admin.is_none(), admin.clone().unwrap_or_default());
        groups.entry(key).or_default().push(line);
    }
    groups
        .into_iter()
        .map(|((_, admin), mut tasks)| {
            tasks.sort_by_key(|l| (l.task.status != Status::Overdue, l.task.due));
            AdminAgenda {
                admin: if admin.is_empty() {
                    basis.words.no_admin.to_string()
                } else {
                    admin
                },
                overdue: tasks
                    .iter()
                    .filter(|l| l.task.status == Status::Overdue)
                    .count(),
                tasks: tasks.iter().map(|l| task_view(basis, l, "")).collect(),
            }
        })
        .collect()
}

#[derive(Serialize)]
pub struct Chart {
    pub title: &'static str,
    pub svg: String,
}

fn charts(i: &Inputs, weeks: &[Week]) -> Vec<Chart> {
    let cfg = i.frame.basis.cfg;
    let lang = cfg.language;
    let empty = empty_metrics();
    // The last TREND_WEEKS of the figures, which start a week earlier.
    let figures = &i.figures[i.figures.len().saturating_sub(weeks.len())..];
    [
        Metric::LeadsNew,
        Metric::Orders,
        Metric::Revenue,
        Metric::ConversionRate,
        Metric::Csat,
        Metric::Nps,
        Metric::ResponseMedianMinutes,
    ]
    .into_iter()
    .map(|key| {
        let points: Vec<svg::Point> = weeks
            .iter()
            .zip(figures)
            .map(|(w, m)| {
                let m = m.as_deref().unwrap_or(&empty);
                let value = key.value(m);
                let text = match (key, value) {
                    (_, None) => "–".to_string(),
                    (Metric::Revenue, Some(v)) => compact_money(v as i64, lang),
                    _ => show(key, m, cfg).replace(" menit", "").replace(" min", ""),
                };
                svg::Point {
                    label: format!("W{:02}", w.week),
                    value,
                    text,
                }
            })
            .collect();
        let title = metric_label(key, lang);
        Chart {
            title,
            svg: svg::bar_chart(title, &points),
        }
    })
    .collect()
}

/// `1,2 jt` / `850 rb` for chart labels.
pub fn compact_money(v: i64, lang: Lang) -> String {
    let f = v as f64;
    let w = Words::of(lang);
    if f >= 1_000_000.0 {
        let n = crate::lang::format::decimal(f / 1_000_000.0, 1, lang);
        format!("{n} {}", w.million)
    } else if f >= 1_000.0 {
        let n = crate::lang::format::decimal(f / 1_000.0, 0, lang);
        format!("{n} {}", w.thousand)
    } else {
        v.to_string()
    }
}

pub fn view(i: &Inputs) -> tera::Context {
    let basis = &i.frame.basis;
    let cfg = basis.cfg;
    let current = i.frame.current_week;
    let empty = empty_metrics();
    let at = |back: usize| {
        i.figures
            .len()
            .checked_sub(back + 1)
            .and_then(|p| i.figures[p].as_deref())
            .unwrap_or(&empty)
    };
    let title = format!("{} · {}", basis.labels.dashboard, cfg.name);
    let minute = AsOfMinute {
        now: i.now,
        problems: i.problems,
    };
    let common = common(&i.frame, "", title, "dashboard", Some(minute));
    let mut ctx = context(&common, basis);
    ctx.insert("week", &week_title(current, cfg));
    ctx.insert("week_href", &format!("weeks/{current}.html"));
    ctx.insert("cards", &metric_rows(cfg, at(0), at(1), CARD_KEYS));
    ctx.insert("charts", &charts(i, &current.last(TREND_WEEKS)));
    ctx.insert("agenda", &agenda(i));
    ctx.insert(
        "more_complaints",
        &more_complaints(&i.complaints, basis.lang(), ""),
    );
    ctx.insert("complaints", &complaint_rows(basis, &i.complaints, ""));
    let weeks: Vec<Link> = i
        .weeks
        .iter()
        .rev()
        .map(|w| Link {
            href: format!("weeks/{w}.html"),
            label: w.to_string(),
        })
        .collect();
    let months: Vec<Link> = i
        .months
        .iter()
        .rev()
        .map(|m| Link {
            href: format!("months/{}.html", m.slug()),
            label: m.title(basis.lang()),
        })
        .collect();
    ctx.insert("weeks", &weeks);
    ctx.insert("months", &months);
    ctx
}
