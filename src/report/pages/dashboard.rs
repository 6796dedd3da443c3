//! The dashboard (`index.html`): this week's cards, the trend charts, the
//! agenda, the open complaints, the archive links and the problems banner.

use super::figures::{empty_metrics, metric_rows, week_title};
use super::lines::{
    complaint_list, complaint_rows, more_complaints, standing, task_view, urgency, Clock,
    ComplaintLine, ComplaintList, Message, TaskLine, TaskView, OPEN_COMPLAINTS_SHOWN,
};
use super::{common, context, AsOfMinute, Frame, Link, One};
use crate::incremental::key::{Hashed, Json};
use crate::lang::format::metric as show;
use crate::lang::metric_label;
use crate::lang::site::{admin_name, More, Words};
use crate::metrics::Metric;
use crate::report::{svg, Figure, Month, Part as Days, Site, TREND_WEEKS};
use crate::rules::{self, complaints::open_at, Status, Task};
use crate::shop::config::{Config, Lang};
use crate::shop::record::{Customer, Kind};
use crate::time::{sub, Dur, Week};
use jiff::Timestamp;
use serde::Serialize;
use std::collections::BTreeMap;

pub const TEMPLATE: &str = "dashboard.html";
pub const PATH: &str = "index.html";

/// The running week's figures beside the same days of last week.
pub const RUNNING_KEYS: [Metric; 7] = [
    Metric::LeadsNew,
    Metric::Orders,
    Metric::Revenue,
    Metric::ConversionRate,
    Metric::ResponseMedianMinutes,
    Metric::FollowupsDone,
    Metric::ComplaintsOpened,
];

/// Lines listed on the dashboard at most (the counts cover all of them).
pub const LINES_SHOWN: usize = 50;

/// An inbound message without a reply at now.
#[derive(Hash)]
pub struct ChatLine<'s> {
    pub customer_id: &'s str,
    pub name: &'s str,
    pub admin: Option<&'s str>,
    pub at: Timestamp,
}

/// An order not paid at now.
#[derive(Hash)]
pub struct UnpaidLine<'s> {
    pub customer_id: &'s str,
    pub name: &'s str,
    pub admin: Option<&'s str>,
    /// 1-based position in the file.
    pub order: usize,
    pub at: Timestamp,
    pub total: i64,
}

/// What one customer puts in the owner's lists: unanswered chats, unpaid
/// orders, tasks missed in the last expire_after, replies of the last 7 days
/// (admin, open-time seconds).
#[derive(Hash, Default)]
pub struct Ledger<'s> {
    pub chats: Vec<ChatLine<'s>>,
    pub unpaid: Vec<UnpaidLine<'s>>,
    pub missed: Vec<Hashed<'s, Task>>,
    pub replies: Vec<(Option<&'s str>, i64)>,
}

impl<'s> Ledger<'s> {
    pub fn of(c: &'s Customer, missed: &'s [Task], now: Timestamp, cfg: &Config) -> Ledger<'s> {
        let expire = cfg.service.expire_after;
        let since = sub(now, expire);
        let week_ago = sub(now, Dur::days(7));
        let admin = c.admin.as_deref();
        let mut l = Ledger::default();
        for i in c.interactions.iter().filter(|i| i.kind == Kind::Inbound) {
            if i.at.t > now {
                continue;
            }
            match i.replied.filter(|r| r.t <= now) {
                None if i.at.t > since => l.chats.push(ChatLine {
                    customer_id: &c.id,
                    name: &c.name,
                    admin,
                    at: i.at.t,
                }),
                Some(r) if i.at.t > week_ago => {
                    let open =
                        crate::time::elapsed_open(i.at.t, r.t, cfg.hours.as_ref(), &cfg.timezone);
                    l.replies.push((admin, open.secs()));
                }
                _ => {}
            }
        }
        for (n, o) in c.orders.iter().enumerate() {
            let cancelled = o.cancelled.is_some_and(|e| e.t <= now);
            let paid = o.paid.is_some_and(|e| e.t <= now);
            if o.at.t <= now && !cancelled && !paid {
                l.unpaid.push(UnpaidLine {
                    customer_id: &c.id,
                    name: &c.name,
                    admin,
                    order: n + 1,
                    at: o.at.t,
                    total: o.total(),
                });
            }
        }
        l.missed = missed
            .iter()
            .filter(|t| crate::time::add(t.late, expire) > since)
            .map(Hashed)
            .collect();
        l
    }

    fn is_empty(&self) -> bool {
        self.chats.is_empty()
            && self.unpaid.is_empty()
            && self.missed.is_empty()
            && self.replies.is_empty()
    }
}

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
    /// (the cards compare the last complete week with the one before).
    pub figures: Vec<Option<Json<'s, Figure>>>,
    /// The same days of last week as have begun of this one, and their figures.
    pub part: Days,
    pub part_figure: Option<Json<'s, Figure>>,
    /// The tasks due or overdue, in agenda order.
    pub agenda: Vec<TaskLine<'s>>,
    pub complaints: ComplaintList<'s>,
    /// The customers' lists, those with something in them, in customer order.
    pub ledgers: Vec<Ledger<'s>>,
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
    let part = Days::running(site.now, site.cfg()).0;
    let ledgers = shop
        .customers
        .iter()
        .zip(&site.moments)
        .map(|(c, m)| Ledger::of(c, &m.missed, site.now, site.cfg()))
        .filter(|l| !l.is_empty())
        .collect();
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
        part,
        part_figure: site.part_metrics.get(&part).map(Json),
        agenda,
        ledgers,
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
    pub ledger: Ledger<'a>,
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
            .map(|&(ki, k)| {
                ComplaintLine::at(k, Some(one.customer), now, one.resolve_due[ki], one.cfg)
            })
            .collect(),
        ledger: Ledger::of(one.customer, &one.moment.missed, now, one.cfg),
    }
}

#[derive(Serialize)]
pub struct AdminAgenda {
    pub admin: String,
    /// The group's id on the page, for the jump links at the top.
    pub anchor: String,
    pub overdue: usize,
    pub tasks: Vec<TaskView>,
}

/// The agenda by admin (those without one last), most urgent first in each.
fn agenda(i: &Inputs) -> Vec<AdminAgenda> {
    let basis = &i.frame.basis;
    let lang = basis.lang();
    let mut groups: BTreeMap<(bool, String), Vec<&TaskLine>> = BTreeMap::new();
    for line in &i.agenda {
        let admin = &line.task.admin;
        let key = (admin.is_none(), admin.clone().unwrap_or_default());
        groups.entry(key).or_default().push(line);
    }
    groups
        .into_iter()
        .enumerate()
        .map(|(n, ((_, admin), mut tasks))| {
            tasks.sort_by_key(|l| urgency(&l.task));
            AdminAgenda {
                admin: admin_name(Some(&admin), lang),
                anchor: format!("agenda-{}", n + 1),
                overdue: tasks
                    .iter()
                    .filter(|l| l.task.status == Status::Overdue)
                    .count(),
                tasks: tasks
                    .iter()
                    .map(|l| task_view(basis, l, "", Clock::Minute(i.now)))
                    .collect(),
            }
        })
        .collect()
}

/// One admin's row in the table of who is behind.
#[derive(Serialize, Default)]
pub struct BehindRow {
    pub admin: String,
    pub due: usize,
    pub overdue: usize,
    pub missed: usize,
    pub unanswered: usize,
    pub response: String,
}

/// Per admin of shop.toml and per admin with work: tasks due and overdue
/// now, missed in the last expire_after, unanswered chats, median response
/// of the last 7 days. Nobody's work comes last.
fn behind(i: &Inputs) -> Vec<BehindRow> {
    let basis = &i.frame.basis;
    let cfg = basis.cfg;
    let lang = basis.lang();
    let mut rows: BTreeMap<(bool, String), (BehindRow, Vec<f64>)> = BTreeMap::new();
    let key = |a: Option<&str>| (a.is_none(), a.unwrap_or_default().to_string());
    for a in &cfg.admins {
        rows.entry(key(Some(a))).or_default();
    }
    for l in &i.agenda {
        let r = &mut rows.entry(key(l.task.admin.as_deref())).or_default().0;
        match l.task.status {
            Status::Overdue => r.overdue += 1,
            _ => r.due += 1,
        }
    }
    for l in &i.ledgers {
        for t in &l.missed {
            rows.entry(key(t.admin.as_deref())).or_default().0.missed += 1;
        }
        for c in &l.chats {
            rows.entry(key(c.admin)).or_default().0.unanswered += 1;
        }
        for (a, secs) in &l.replies {
            rows.entry(key(*a)).or_default().1.push(*secs as f64 / 60.0);
        }
    }
    rows.into_iter()
        .map(|((_, a), (mut row, mut minutes))| {
            row.admin = admin_name(Some(&a), lang);
            row.response = crate::metrics::median(&mut minutes).map_or("–".into(), |m| {
                format!(
                    "{} {}",
                    crate::lang::format::decimal(m, 0, lang),
                    basis.words.minutes
                )
            });
            row
        })
        .collect()
}

#[derive(Serialize)]
pub struct ListRow {
    pub name: String,
    pub href: String,
    pub when: String,
    pub admin: String,
    pub amount: String,
}

/// Unanswered chats, longest waiting first, and how many in all.
fn chats(i: &Inputs) -> (Vec<ListRow>, usize) {
    let basis = &i.frame.basis;
    let lang = basis.lang();
    let mut all: Vec<&ChatLine> = i.ledgers.iter().flat_map(|l| &l.chats).collect();
    all.sort_by(|a, b| a.at.cmp(&b.at).then(a.customer_id.cmp(b.customer_id)));
    let n = all.len();
    let rows = all
        .into_iter()
        .take(LINES_SHOWN)
        .map(|c| ListRow {
            name: c.name.to_string(),
            href: format!("customers/{}.html", c.customer_id),
            when: standing(basis, c.at, Clock::Minute(i.now)).replace("lewat ", ""),
            admin: admin_name(c.admin, lang),
            amount: String::new(),
        })
        .collect();
    (rows, n)
}

/// Unpaid orders, oldest first, how many and how much in all.
fn unpaid(i: &Inputs) -> (Vec<ListRow>, usize, String) {
    let basis = &i.frame.basis;
    let cfg = basis.cfg;
    let lang = basis.lang();
    let mut all: Vec<&UnpaidLine> = i.ledgers.iter().flat_map(|l| &l.unpaid).collect();
    all.sort_by(|a, b| a.at.cmp(&b.at).then(a.customer_id.cmp(b.customer_id)));
    let n = all.len();
    let sum: i64 = all.iter().map(|u| u.total).fold(0, i64::saturating_add);
    let more = More::of(lang);
    let rows = all
        .into_iter()
        .take(LINES_SHOWN)
        .map(|u| ListRow {
            name: format!("{} · {} #{}", u.name, more.order_word, u.order),
            href: format!("customers/{}.html", u.customer_id),
            when: super::lines::when_text(u.at, cfg, lang),
            admin: admin_name(u.admin, lang),
            amount: crate::lang::format::money(u.total, &cfg.currency),
        })
        .collect();
    (rows, n, crate::lang::format::money(sum, &cfg.currency))
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
        Metric::ComplaintsOpened,
        Metric::ComplaintsOverdue,
    ]
    .into_iter()
    .map(|key| {
        let points: Vec<svg::Point> = weeks
            .iter()
            .zip(figures)
            .map(|(w, m)| {
                let m: &Figure = m.as_deref().unwrap_or(&empty);
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
    let lang = basis.lang();
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
    let last = current.prev();
    ctx.insert("week", &week_title(last, cfg));
    ctx.insert("week_href", &format!("weeks/{last}.html"));
    ctx.insert("cards", &metric_rows(cfg, at(1), at(2), CARD_KEYS));
    let part_figure = i.part_figure.as_deref().unwrap_or(&empty);
    ctx.insert(
        "running",
        &metric_rows(cfg, at(0), part_figure, RUNNING_KEYS),
    );
    ctx.insert(
        "running_this",
        &crate::lang::site::week_so_far(lang, i.part.days(), false),
    );
    ctx.insert(
        "running_prev",
        &crate::lang::site::week_so_far(lang, i.part.days(), true),
    );
    ctx.insert("running_href", &format!("weeks/{current}.html"));
    ctx.insert("charts", &charts(i, &current.last(TREND_WEEKS)));
    ctx.insert("agenda", &agenda(i));
    ctx.insert("behind", &behind(i));
    let (chats, chats_total) = chats(i);
    ctx.insert("chats", &chats);
    ctx.insert("chats_total", &chats_total);
    let (unpaid, unpaid_total, unpaid_sum) = unpaid(i);
    ctx.insert("unpaid", &unpaid);
    ctx.insert("unpaid_total", &unpaid_total);
    ctx.insert("unpaid_sum", &unpaid_sum);
    ctx.insert("more_complaints", &more_complaints(&i.complaints, lang, ""));
    ctx.insert(
        "complaints",
        &complaint_rows(basis, &i.complaints, "", Some(i.now)),
    );
    let weeks: Vec<Link> = i
        .weeks
        .iter()
        .rev()
        .map(|w| Link {
            href: format!("weeks/{w}.html"),
            label: week_link_label(*w, cfg),
        })
        .collect();
    let months: Vec<Link> = i
        .months
        .iter()
        .rev()
        .map(|m| Link {
            href: format!("months/{}.html", m.slug()),
            label: m.title(lang),
        })
        .collect();
    ctx.insert("weeks", &weeks);
    ctx.insert("months", &months);
    ctx
}

/// `W47 · 16–22 Nov`: a week link says its dates.
pub fn week_link_label(w: Week, cfg: &Config) -> String {
    let (a, b) = w.bounds(&cfg.timezone);
    let tz = &cfg.timezone;
    let first = tz.to_datetime(a).date();
    let last = tz
        .to_datetime(
            b.checked_sub(jiff::SignedDuration::from_secs(1))
                .unwrap_or(b),
        )
        .date();
    let month = |d: jiff::civil::Date| crate::lang::format::month_short(d.month(), cfg.language);
    if first.month() == last.month() {
        format!(
            "W{:02} · {}–{} {}",
            w.week,
            first.day(),
            last.day(),
            month(last)
        )
    } else {
        format!(
            "W{:02} · {} {} – {} {}",
            w.week,
            first.day(),
            month(first),
            last.day(),
            month(last)
        )
    }
}
