//! The dashboard (`index.html`): this week's cards, the trend charts, the
//! agenda and the open complaints.

use crate::error::Result;
use crate::lang::format::metric as show;
use crate::lang::{metric_label, pick};
use crate::metrics::Metric;
use crate::report::pages::*;
use crate::report::*;
use crate::rules::{self, Status, Task};
use crate::shop::config::Lang;
use serde::Serialize;
use std::collections::BTreeMap;

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

#[derive(Serialize)]
pub struct AdminAgenda {
    pub admin: String,
    pub overdue: usize,
    pub tasks: Vec<TaskView>,
}

pub fn agenda(site: &Site, root: &str) -> Vec<AdminAgenda> {
    // As rules::agenda, with each task's message rendered beforehand.
    let mut list: Vec<(&Task, &str)> = site
        .tasks
        .iter()
        .zip(site.messages.iter().map(String::as_str))
        .filter(|(t, _)| rules::on_agenda(t, site.now, None))
        .collect();
    list.sort_by(|a, b| rules::agenda_order(site.shop, a.0, b.0));
    let mut groups: BTreeMap<(bool, String), Vec<(&Task, &str)>> = BTreeMap::new();
    for (t, m) in list {
        let key = (t.admin.is_none(), t.admin.clone().unwrap_or_default());
        groups.entry(key).or_default().push((t, m));
    }
    groups
        .into_iter()
        .map(|((_, admin), mut tasks)| {
            tasks.sort_by_key(|(t, _)| (t.status != Status::Overdue, t.due));
            AdminAgenda {
                admin: if admin.is_empty() {
                    pick(site.lang(), "Belum ada admin", "No admin").to_string()
                } else {
                    admin
                },
                overdue: tasks
                    .iter()
                    .filter(|(t, _)| t.status == Status::Overdue)
                    .count(),
                tasks: tasks
                    .iter()
                    .map(|(t, m)| task_view(site, t, root, Some(m)))
                    .collect(),
            }
        })
        .collect()
}

#[derive(Serialize)]
pub struct Chart {
    pub title: &'static str,
    pub svg: String,
}

pub fn charts(site: &Site) -> Vec<Chart> {
    let lang = site.lang();
    let cfg = site.cfg();
    let weeks = site.current_week.last(TREND_WEEKS);
    let empty = empty_metrics();
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
            .map(|w| {
                let m = site.week_metrics.get(w).unwrap_or(&empty);
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
    if f >= 1_000_000.0 {
        format!(
            "{} {}",
            crate::lang::format::decimal(f / 1_000_000.0, 1, lang),
            pick(lang, "jt", "M")
        )
    } else if f >= 1_000.0 {
        format!(
            "{} {}",
            crate::lang::format::decimal(f / 1_000.0, 0, lang),
            pick(lang, "rb", "k")
        )
    } else {
        v.to_string()
    }
}

pub fn dashboard(site: &Site) -> Result<Prepared> {
    let empty = empty_metrics();
    let this = site.week_metrics.get(&site.current_week).unwrap_or(&empty);
    let prev = site
        .week_metrics
        .get(&site.current_week.prev())
        .unwrap_or(&empty);
    let title = format!("{} · {}", site.labels["dashboard"], site.cfg().name);
    let common = common(site, "", title, "dashboard");
    let mut ctx = ctx_with(&common, &site.labels, true);
    ctx.insert("week", &week_title(site.current_week, site.cfg()));
    ctx.insert("week_href", &format!("weeks/{}.html", site.current_week));
    ctx.insert("cards", &metric_rows(site, this, prev, CARD_KEYS));
    ctx.insert("charts", &charts(site));
    ctx.insert("agenda", &agenda(site, ""));
    let (complaints, total) = complaint_rows(site, "", site.now, true, Some(OPEN_COMPLAINTS_SHOWN));
    ctx.insert(
        "more_complaints",
        &more_complaints(complaints.len(), total, site.lang(), ""),
    );
    ctx.insert("complaints", &complaints);
    let weeks: Vec<Link> = site
        .weeks
        .iter()
        .rev()
        .map(|w| Link {
            href: format!("weeks/{w}.html"),
            label: w.to_string(),
        })
        .collect();
    let months: Vec<Link> = site
        .months
        .iter()
        .rev()
        .map(|m| Link {
            href: format!("months/{}.html", m.slug()),
            label: m.title(site.lang()),
        })
        .collect();
    ctx.insert("weeks", &weeks);
    ctx.insert("months", &months);
    Ok(Prepared {
        path: "index.html".into(),
        template: "dashboard.html",
        ctx,
    })
}
