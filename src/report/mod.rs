//! The static report site (SPEC §7): a page model computed in Rust, rendered
//! by tera templates compiled into the binary (a shop's `templates/report/`
//! overrides them file by file), written deterministically.

pub mod state;
pub mod svg;

use crate::error::{Error, Result};
use crate::lang::format::{change, metric as show};
use crate::lang::format::{
    long_date, long_datetime, mask_email, mask_handle, mask_phone, money, short_name,
};
use crate::lang::{self, metric_help, metric_label, pick};
use crate::messages::{tera_error, Messages};
use crate::metrics::{Metric, Metrics, Tally};
use crate::rules::{self, Segments, Status, Task};
use crate::shop::config::{Config, Lang};
use crate::shop::index::Shop;
use crate::shop::record::{Customer, Kind};
use crate::time::{between, sub, Dur, Week};
use jiff::civil::Date;
use jiff::Timestamp;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

macro_rules! templates {
    ($($name:literal),*) => {
        [$(($name, include_str!(concat!("../../templates/report/", $name)))),*]
    };
}

const TEMPLATES: [(&str, &str); 14] = templates!(
    "base.html",
    "task.html",
    "breakdown.html",
    "dashboard.html",
    "week.html",
    "month.html",
    "hours.html",
    "testimonials.html",
    "customers.html",
    "customer.html",
    "complaints.html",
    "complaint.html",
    "metrics_table.html",
    "style.css"
);

/// The manifest of files a build wrote, so the next build removes stale ones
/// and never touches anything else in the output folder.
pub const MANIFEST: &str = ".langgan-site";

/// Loads the report templates, shop overrides first.
pub fn load_templates(shop: &Shop) -> Result<tera::Tera> {
    let mut tera = tera::Tera::default();
    tera.autoescape_on([".html"]);
    let dir = shop.dir.root.join("templates").join("report");
    let mut sources = Vec::new();
    for (name, builtin) in TEMPLATES {
        let custom = dir.join(name);
        if custom.is_file() {
            let shown = shop.dir.shown(&Path::new("templates/report").join(name));
            let text = std::fs::read_to_string(&custom).map_err(|e| Error::io(&shown, &e))?;
            sources.push((name, text, shown.display().to_string()));
        } else {
            sources.push((name, builtin.to_string(), format!("built-in {name}")));
        }
    }
    // Added together: templates include and extend each other.
    tera.add_raw_templates(sources.iter().map(|(name, text, _)| (*name, text.as_str())))
        .map_err(|e| {
            let overridden: Vec<&str> = sources
                .iter()
                .filter(|(_, _, origin)| !origin.starts_with("built-in"))
                .map(|(_, _, origin)| origin.as_str())
                .collect();
            let hint = if overridden.is_empty() {
                String::new()
            } else {
                format!(" (shop templates: {})", overridden.join(", "))
            };
            Error::invalid(format!("report template error: {}{hint}", tera_error(&e)))
        })?;
    Ok(tera)
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
pub struct Month {
    pub year: i16,
    pub month: i8,
}

impl Month {
    pub fn containing(t: Timestamp, cfg: &Config) -> Month {
        let (year, month, _) =
            crate::time::civil_from_days(crate::time::local_day(t, &cfg.timezone));
        Month {
            year: year as i16,
            month,
        }
    }
    fn first_day(self) -> Date {
        Date::new(self.year, self.month, 1).unwrap_or(Date::ZERO)
    }
    pub fn prev(self) -> Month {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: self.year,
                month: self.month - 1,
            }
        }
    }
    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }
    pub fn bounds(self, cfg: &Config) -> (Timestamp, Timestamp) {
        let at = |d: Date| {
            cfg.timezone
                .to_ambiguous_timestamp(d.to_datetime(jiff::civil::Time::midnight()))
                .compatible()
                .unwrap_or(Timestamp::MIN)
        };
        (at(self.first_day()), at(self.next().first_day()))
    }
    pub fn slug(self) -> String {
        format!("{}-{:02}", self.year, self.month)
    }
    pub fn title(self, lang: Lang) -> String {
        format!(
            "{} {}",
            crate::lang::format::month_long(self.month, lang),
            self.year
        )
    }
}

/// A rendered page: path relative to the output folder, and its bytes.
pub struct Page {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Everything the pages are built from, computed once.
pub struct Site<'a> {
    pub shop: &'a Shop,
    pub now: Timestamp,
    /// The tasks due or overdue at now (the dashboard's agenda).
    pub tasks: Vec<Task>,
    /// Work left at the end of each week (per-admin overdue, leads not followed up).
    pub week_work: HashMap<Week, WeekWork>,
    pub weeks: Vec<Week>,
    pub months: Vec<Month>,
    pub week_metrics: HashMap<Week, Metrics>,
    pub month_metrics: HashMap<Month, Metrics>,
    pub current_week: Week,
    pub msgs: Messages,
    pub labels: BTreeMap<&'static str, &'static str>,
    /// Problems to show in a banner (the watcher keeps last good records).
    pub problems: Vec<String>,
    /// Per-week lists for the weekly pages, from one pass over the shop.
    pub week_rows: HashMap<Week, WeekRows>,
    /// Public feedback with text up to now: (time, customer, feedback index), by time.
    pub public_feedback: Vec<(Timestamp, usize, usize)>,
    /// The message of each task, by position in `tasks`.
    pub messages: Vec<String>,
    /// Each customer's [`moment_key`] at now.
    pub moments: Vec<u64>,
    /// Customers on the index pages (first contact up to now), in id order.
    pub listed: Vec<usize>,
    /// Each complaint's resolution deadline, by complaint index: business-hour
    /// arithmetic done once instead of once per listing page.
    pub resolve_due: Vec<Timestamp>,
}

/// What a weekly page lists from the records of that week (seen at its T).
#[derive(Debug, Default, Clone)]
pub struct WeekRows {
    pub leads_by_admin: BTreeMap<String, usize>,
    pub followups_by_admin: BTreeMap<String, usize>,
    /// (customer, order index) of repeat orders placed in the week.
    pub repeat_orders: Vec<(usize, usize)>,
}

pub enum WeekEvent<'a> {
    Lead(&'a str),
    Followup(&'a str),
    Repeat(usize, usize),
}

/// The weekly lists of every week at once: each event lands in its own week, so
/// one pass replaces a scan of the whole shop per weekly page. An event counts
/// in its week when it is at or before the week's T = min(now, end), i.e. when
/// it is not in the future.
pub fn week_rows(shop: &Shop, now: Timestamp) -> HashMap<Week, WeekRows> {
    let tz = &shop.config.timezone;
    let events: Vec<(Week, WeekEvent)> = shop
        .customers
        .par_iter()
        .enumerate()
        .flat_map_iter(|(ci, c)| customer_week_events(ci, c, now, tz))
        .collect();
    let mut out: HashMap<Week, WeekRows> = HashMap::new();
    add_week_events(&mut out, events, 1);
    out
}

/// What customer `ci` adds to the weekly lists.
pub fn customer_week_events<'a>(
    ci: usize,
    c: &'a Customer,
    now: Timestamp,
    tz: &jiff::tz::TimeZone,
) -> Vec<(Week, WeekEvent<'a>)> {
    let mut v = Vec::new();
    if c.first_contact.t <= now {
        let admin = c.admin.as_deref().unwrap_or("unassigned");
        v.push((
            Week::containing(c.first_contact.t, tz),
            WeekEvent::Lead(admin),
        ));
    }
    for i in &c.interactions {
        if i.at.t <= now && i.kind.is_outbound() {
            if let Some(by) = &i.by {
                v.push((Week::containing(i.at.t, tz), WeekEvent::Followup(by)));
            }
        }
    }
    for (oi, o) in c.orders.iter().enumerate() {
        if o.at.t > now {
            continue;
        }
        let w = Week::containing(o.at.t, tz);
        let t_at = crate::metrics::as_of(w.bounds(tz).1, now);
        if !rules::order_counts(o, t_at) {
            continue;
        }
        // The customer's first order (as counted at T) is not a repeat.
        let first = c
            .orders
            .iter()
            .enumerate()
            .filter(|(_, x)| rules::order_counts(x, t_at))
            .min_by(|a, b| a.1.at.t.cmp(&b.1.at.t).then(a.0.cmp(&b.0)))
            .map(|x| x.0);
        if first != Some(oi) {
            v.push((w, WeekEvent::Repeat(ci, oi)));
        }
    }
    v
}

/// Adds (`sign` 1) or takes away (-1) a customer's events from the weekly
/// lists; counts that reach zero disappear, as if never added, and repeat
/// orders stay in customer then order sequence.
pub fn add_week_events(
    rows: &mut HashMap<Week, WeekRows>,
    events: Vec<(Week, WeekEvent)>,
    sign: i64,
) {
    fn count(map: &mut BTreeMap<String, usize>, key: &str, sign: i64) {
        if sign > 0 {
            *map.entry(key.to_string()).or_default() += 1;
        } else if let Some(n) = map.get_mut(key) {
            *n -= 1;
            if *n == 0 {
                map.remove(key);
            }
        }
    }
    for (w, e) in events {
        let r = rows.entry(w).or_default();
        match e {
            WeekEvent::Lead(a) => count(&mut r.leads_by_admin, a, sign),
            WeekEvent::Followup(a) => count(&mut r.followups_by_admin, a, sign),
            WeekEvent::Repeat(ci, oi) if sign > 0 => {
                // Usually appended in order; an edit's orders go to their place.
                let at = r.repeat_orders.partition_point(|x| *x < (ci, oi));
                r.repeat_orders.insert(at, (ci, oi));
            }
            WeekEvent::Repeat(ci, oi) => r.repeat_orders.retain(|x| *x != (ci, oi)),
        }
    }
}

fn public_feedback(shop: &Shop, now: Timestamp) -> Vec<(Timestamp, usize, usize)> {
    let mut v: Vec<(Timestamp, usize, usize)> = Vec::new();
    for (ci, c) in shop.customers.iter().enumerate() {
        v.extend(shown_feedback(c, now).map(|(t, fi)| (t, ci, fi)));
    }
    v.sort();
    v
}

/// A customer's feedback shown as testimonials by now: (time, position).
pub fn shown_feedback(
    c: &Customer,
    now: Timestamp,
) -> impl Iterator<Item = (Timestamp, usize)> + '_ {
    c.feedback.iter().enumerate().filter_map(move |(fi, f)| {
        let text = f.text.as_deref().map(str::trim).unwrap_or("");
        (f.public && !text.is_empty() && f.at.t <= now).then_some((f.at.t, fi))
    })
}

/// What the weekly page lists about work, from the week's tally.
#[derive(Debug, Default, Clone)]
pub struct WeekWork {
    pub overdue_by_admin: BTreeMap<String, i64>,
    /// (customer id, rule, status) of leads of the week not followed up.
    pub not_followed: BTreeSet<(String, rules::Rule, Status)>,
}

/// The periods a site shows: weeks and months with data, and those whose
/// metrics are needed (each with its predecessor, and the last 12 weeks).
#[derive(Debug, Clone, PartialEq)]
pub struct Periods {
    pub weeks: Vec<Week>,
    pub months: Vec<Month>,
    pub needed_weeks: BTreeSet<Week>,
    pub needed_months: BTreeSet<Month>,
    pub current_week: Week,
}

pub fn periods(shop: &Shop, now: Timestamp) -> Periods {
    periods_from_days(&day_counts(shop, now), &shop.config, now)
}

/// How many events fall on each local day up to now (far fewer days than
/// events); the watcher keeps these counts and moves an edit's days.
pub fn day_counts(shop: &Shop, now: Timestamp) -> BTreeMap<i64, u32> {
    let tz = &shop.config.timezone;
    let add = |mut counts: BTreeMap<i64, u32>, days: &mut dyn Iterator<Item = i64>| {
        for d in days {
            *counts.entry(d).or_default() += 1;
        }
        counts
    };
    let mut counts = shop
        .customers
        .par_iter()
        .fold(BTreeMap::new, |counts, c| {
            add(counts, &mut customer_days(c, now, tz))
        })
        .reduce(BTreeMap::new, |mut a, b| {
            for (d, n) in b {
                *a.entry(d).or_default() += n;
            }
            a
        });
    for k in &shop.complaints {
        counts = add(counts, &mut complaint_days(k, now, tz));
    }
    counts
}

/// The local days (day numbers) of a customer's events up to now.
pub fn customer_days<'a>(
    c: &'a Customer,
    now: Timestamp,
    tz: &'a jiff::tz::TimeZone,
) -> impl Iterator<Item = i64> + 'a {
    event_times(c)
        .filter(move |t| *t <= now)
        .map(|t| crate::time::local_day(t, tz))
}

/// The local days a complaint was opened and resolved, up to now.
pub fn complaint_days<'a>(
    k: &crate::shop::record::Complaint,
    now: Timestamp,
    tz: &'a jiff::tz::TimeZone,
) -> impl Iterator<Item = i64> + 'a {
    [Some(k.opened), k.resolved]
        .into_iter()
        .flatten()
        .filter(move |e| e.t <= now)
        .map(|e| crate::time::local_day(e.t, tz))
}

/// The periods of the local days with events (the keys of [`day_counts`]).
pub fn periods_from_days(days: &BTreeMap<i64, u32>, cfg: &Config, now: Timestamp) -> Periods {
    let tz = &cfg.timezone;
    let weeks: BTreeSet<Week> = days.keys().map(|d| Week::of_day(*d)).collect();
    let months: BTreeSet<Month> = days
        .keys()
        .map(|d| {
            let (year, month, _) = crate::time::civil_from_days(*d);
            Month {
                year: year as i16,
                month,
            }
        })
        .collect();
    let current_week = Week::containing(now, tz);
    let mut needed_weeks: BTreeSet<Week> = BTreeSet::new();
    for w in &weeks {
        needed_weeks.insert(*w);
        needed_weeks.insert(w.prev());
    }
    // The trend charts' weeks, each with the week before it.
    needed_weeks.extend(current_week.last(TREND_WEEKS + 1));
    let mut needed_months: BTreeSet<Month> = BTreeSet::new();
    for m in &months {
        needed_months.insert(*m);
        needed_months.insert(m.prev());
    }
    Periods {
        weeks: weeks.into_iter().collect(),
        months: months.into_iter().collect(),
        needed_weeks,
        needed_months,
        current_week,
    }
}

pub fn event_times(c: &Customer) -> impl Iterator<Item = Timestamp> + '_ {
    std::iter::once(c.first_contact.t)
        .chain(c.orders.iter().flat_map(|o| {
            [Some(o.at), o.paid, o.shipped, o.delivered, o.cancelled]
                .into_iter()
                .flatten()
                .map(|e| e.t)
        }))
        .chain(c.interactions.iter().map(|i| i.at.t))
        .chain(c.feedback.iter().map(|f| f.at.t))
}

/// The figures a site is built from, computed (or kept up to date) by the caller.
pub struct Figures<'t> {
    pub weeks: &'t HashMap<Week, Tally>,
    pub months: &'t HashMap<Month, Tally>,
    /// The weekly lists, from [`week_rows`].
    pub rows: HashMap<Week, WeekRows>,
    /// The message of each task given to the site, when already rendered.
    pub messages: Option<Vec<String>>,
    /// Each customer's [`moment_key`] (from [`agenda_of`]).
    pub moments: Vec<u64>,
    /// These three as [`Site`] holds them, when the caller kept them from
    /// a site of the same now and the same records' dates.
    pub public_feedback: Option<Vec<(Timestamp, usize, usize)>>,
    pub listed: Option<Vec<usize>>,
    pub resolve_due: Option<Vec<Timestamp>>,
}

impl<'a> Site<'a> {
    /// A site from figures computed (or kept up to date) by the caller.
    pub fn from_tallies(
        shop: &'a Shop,
        now: Timestamp,
        problems: Vec<String>,
        tasks: Vec<Task>,
        p: Periods,
        figures: Figures,
    ) -> Result<Site<'a>> {
        let cfg = &shop.config;
        let (week_tallies, month_tallies, week_rows) =
            (figures.weeks, figures.months, figures.rows);
        let week_metrics = week_tallies.iter().map(|(w, t)| (*w, t.finish())).collect();
        let month_metrics = month_tallies
            .iter()
            .map(|(m, t)| (*m, t.finish()))
            .collect();
        let week_work = week_tallies
            .iter()
            .map(|(w, t)| {
                (
                    *w,
                    WeekWork {
                        overdue_by_admin: t.overdue_by_admin.clone(),
                        not_followed: t.not_followed.clone(),
                    },
                )
            })
            .collect();
        let msgs = Messages::load(shop)?;
        let messages = match figures.messages {
            Some(m) if m.len() == tasks.len() => m,
            _ => tasks.par_iter().map(|t| msgs.render(shop, t)).collect(),
        };
        let (tasks, messages): (Vec<Task>, Vec<String>) = tasks
            .into_iter()
            .zip(messages)
            .filter(|(t, _)| rules::on_agenda(t, now, None))
            .unzip();
        Ok(Site {
            shop,
            now,
            tasks,
            week_work,
            weeks: p.weeks,
            months: p.months,
            week_metrics,
            month_metrics,
            current_week: p.current_week,
            msgs,
            messages,
            moments: figures.moments,
            labels: crate::lang::site::labels(cfg.language),
            problems,
            week_rows,
            public_feedback: figures
                .public_feedback
                .unwrap_or_else(|| public_feedback(shop, now)),
            listed: figures.listed.unwrap_or_else(|| {
                shop.customers
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.first_contact.t <= now)
                    .map(|(i, _)| i)
                    .collect()
            }),
            resolve_due: figures.resolve_due.unwrap_or_else(|| {
                shop.complaints
                    .par_iter()
                    .map(|k| rules::resolve_due(cfg, k))
                    .collect()
            }),
        })
    }

    fn cfg(&self) -> &Config {
        &self.shop.config
    }

    /// The day the site is as of, as the pages' footers say it.
    pub fn date_line(&self) -> String {
        crate::lang::format::long_date(self.now, &self.cfg().timezone, self.lang())
    }

    /// A customer's segments at now (computed for the pages being rendered only).
    pub fn segments(&self, ci: usize) -> Segments {
        rules::segments(self.cfg(), &self.shop.customers[ci], self.now)
    }

    /// The tasks of one customer and their complaints, evaluated at now.
    pub fn customer_tasks(&self, ci: usize) -> Vec<Task> {
        rules::tasks_for_customer(self.shop, ci, self.now)
    }

    fn lang(&self) -> Lang {
        self.cfg().language
    }
}

#[derive(Serialize)]
struct NavItem {
    href: String,
    label: &'static str,
    active: bool,
}

#[derive(Serialize)]
struct Common<'s> {
    shop: &'s str,
    lang: &'static str,
    root: &'static str,
    title: String,
    generated: String,
    nav: Vec<NavItem>,
    problems: &'s [String],
}

fn common<'s>(site: &'s Site, root: &'static str, title: String, active: &str) -> Common<'s> {
    let t = &site.labels;
    let current = site.current_week.to_string();
    let items = [
        ("index.html".to_string(), "dashboard"),
        (format!("weeks/{current}.html"), "weeks"),
        (
            format!(
                "months/{}.html",
                Month::containing(site.now, site.cfg()).slug()
            ),
            "months",
        ),
        ("hours.html".to_string(), "hours"),
        ("testimonials.html".to_string(), "testimonials"),
        ("customers.html".to_string(), "customers"),
        ("complaints.html".to_string(), "complaints"),
    ];
    Common {
        shop: &site.cfg().name,
        lang: if site.lang() == Lang::Id { "id" } else { "en" },
        root,
        title,
        // The dashboard is as of the minute; other pages say the day, so a
        // page whose content did not change keeps its bytes through the day.
        generated: if active == "dashboard" {
            long_datetime(site.now, &site.cfg().timezone, site.lang())
        } else {
            site.date_line()
        },
        nav: items
            .into_iter()
            .map(|(href, key)| NavItem {
                href: format!("{root}{href}"),
                label: t.get(key).copied().unwrap_or(""),
                active: key == active,
            })
            .collect(),
        // The banner lives on the dashboard, which every rebuild renders.
        problems: if active == "dashboard" {
            &site.problems
        } else {
            &[]
        },
    }
}

#[derive(Serialize)]
struct MetricRow {
    key: &'static str,
    label: &'static str,
    this: String,
    prev: String,
    change: String,
    direction: &'static str,
    tone: &'static str,
    help: &'static str,
}

fn metric_rows(
    site: &Site,
    this: &Metrics,
    prev: &Metrics,
    keys: impl IntoIterator<Item = Metric>,
) -> Vec<MetricRow> {
    let cfg = site.cfg();
    let lang = site.lang();
    keys.into_iter()
        .map(|k| {
            let ch = change(k, this, prev, cfg);
            MetricRow {
                key: k.name(),
                label: metric_label(k, lang),
                this: show(k, this, cfg),
                prev: show(k, prev, cfg),
                change: ch.text,
                direction: ch.direction,
                tone: ch.tone,
                help: metric_help(k, lang),
            }
        })
        .collect()
}

const CARD_KEYS: [Metric; 12] = [
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
struct TaskView {
    status: &'static str,
    status_label: &'static str,
    due: String,
    label: String,
    customer: String,
    customer_href: String,
    detail: String,
    message: String,
    whatsapp: Option<String>,
}

/// A task as the pages show it; `message` when already rendered.
fn task_view(site: &Site, t: &Task, root: &str, message: Option<&str>) -> TaskView {
    let shop = site.shop;
    let cfg = site.cfg();
    let lang = site.lang();
    let c = &shop.customers[t.customer];
    let mut detail = Vec::new();
    if let Some(k) = t.complaint {
        detail.push(format!(
            "{} {}",
            pick(lang, "komplain", "complaint"),
            shop.complaints[k].id
        ));
    }
    if let Some(o) = t.order {
        detail.push(format!("order #{o}"));
    }
    if let Some(cat) = &t.category {
        detail.push(cat.clone());
    }
    let message = message.map_or_else(|| site.msgs.render(shop, t), str::to_string);
    TaskView {
        status: t.status.as_str(),
        status_label: lang::status(t.status, lang),
        due: crate::lang::format::short_datetime(t.due, &cfg.timezone, lang),
        label: rules::label(cfg, t.rule),
        customer: c.name.clone(),
        customer_href: format!("{root}customers/{}.html", c.id),
        detail: detail.join(" · "),
        whatsapp: if cfg.mask_contacts {
            None
        } else {
            c.phone
                .as_deref()
                .and_then(|p| crate::lang::format::whatsapp_link(p, &message))
        },
        message,
    }
}

#[derive(Serialize)]
struct AdminAgenda {
    admin: String,
    overdue: usize,
    tasks: Vec<TaskView>,
}

fn agenda(site: &Site, root: &str) -> Vec<AdminAgenda> {
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
struct ComplaintRow {
    id: String,
    href: String,
    customer: String,
    customer_href: String,
    opened: String,
    age: String,
    status: &'static str,
    overdue: bool,
    admin: String,
    category: String,
    summary: String,
}

fn age_text(d: Dur, lang: Lang) -> String {
    let days = d.secs() / 86_400;
    let hours = (d.secs() % 86_400) / 3600;
    match (days, lang) {
        (0, Lang::Id) => format!("{hours} jam"),
        (0, Lang::En) => format!("{hours} h"),
        (d, Lang::Id) => format!("{d} hari {hours} jam"),
        (d, Lang::En) => format!("{d} d {hours} h"),
    }
}

/// Open complaints listed on the dashboard and weekly pages, overdue first;
/// the complaints page lists them all.
pub const OPEN_COMPLAINTS_SHOWN: usize = 100;

/// Complaints opened by `at` (only those still open then with `open_only`),
/// overdue first, then by id; at most `limit` rows, and how many there were.
fn complaint_rows(
    site: &Site,
    root: &str,
    at: Timestamp,
    open_only: bool,
    limit: Option<usize>,
) -> (Vec<ComplaintRow>, usize) {
    let shop = site.shop;
    let cfg = site.cfg();
    let lang = site.lang();
    // Rank first and format only the rows shown: a large shop has thousands.
    let mut ranked: Vec<(bool, &str, usize)> = shop
        .complaints
        .iter()
        .enumerate()
        .filter(|(_, k)| k.opened.t <= at)
        .filter_map(|(ki, k)| {
            let open = k.resolved.is_none_or(|r| r.t > at);
            if open_only && !open {
                return None;
            }
            let overdue = open && site.resolve_due[ki] <= at;
            Some((overdue, k.id.as_str(), ki))
        })
        .collect();
    let total = ranked.len();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    ranked.truncate(limit.unwrap_or(usize::MAX));
    let rows = ranked
        .into_iter()
        .map(|(overdue, _, ki)| {
            let k = &shop.complaints[ki];
            let resolved = k.resolved.filter(|r| r.t <= at);
            let c = shop.customer(&k.customer);
            let end = resolved.map_or(at, |r| r.t);
            ComplaintRow {
                id: k.id.clone(),
                href: format!("{root}complaints/{}.html", k.id),
                customer: c.map_or_else(|| k.customer.clone(), |c| c.name.clone()),
                customer_href: format!("{root}customers/{}.html", k.customer),
                opened: crate::lang::format::short_datetime(k.opened.t, &cfg.timezone, lang),
                age: age_text(between(k.opened.t, end), lang),
                status: if resolved.is_some() {
                    "resolved"
                } else {
                    "open"
                },
                overdue,
                admin: k
                    .admin
                    .clone()
                    .or_else(|| c.and_then(|c| c.admin.clone()))
                    .unwrap_or_else(|| "–".into()),
                category: k.category.clone().unwrap_or_default(),
                summary: k.summary.clone(),
            }
        })
        .collect();
    (rows, total)
}

/// The note under a shortened list of open complaints, if it was shortened.
fn more_complaints(shown: usize, total: usize, lang: Lang, root: &str) -> Option<Link> {
    (total > shown).then(|| Link {
        href: format!("{root}complaints.html"),
        label: match lang {
            Lang::Id => format!(
                "{shown} dari {} komplain terbuka ditampilkan · lihat semua",
                crate::lang::format::decimal(total as f64, 0, lang)
            ),
            Lang::En => format!(
                "{shown} of {} open complaints shown · see them all",
                crate::lang::format::decimal(total as f64, 0, lang)
            ),
        },
    })
}

#[derive(Serialize)]
struct Chart {
    title: &'static str,
    svg: String,
}

/// How many weeks the dashboard's trend charts show.
pub const TREND_WEEKS: usize = 12;

fn charts(site: &Site) -> Vec<Chart> {
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
fn compact_money(v: i64, lang: Lang) -> String {
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

/// An empty period's figures: zero counts and null rates, as a tally of nothing gives.
fn empty_metrics() -> Metrics {
    Tally::default().finish()
}

#[derive(Serialize)]
struct Link {
    href: String,
    label: String,
}

fn week_title(w: Week, cfg: &Config) -> String {
    let (a, b) = w.bounds(&cfg.timezone);
    let last = b
        .checked_sub(jiff::SignedDuration::from_secs(1))
        .unwrap_or(b);
    format!(
        "{} {} · {} – {}",
        pick(cfg.language, "Minggu", "Week"),
        w,
        long_date(a, &cfg.timezone, cfg.language),
        long_date(last, &cfg.timezone, cfg.language)
    )
}

fn render(tera: &tera::Tera, name: &str, ctx: &tera::Context) -> Result<Vec<u8>> {
    tera.render(name, ctx)
        .map(String::into_bytes)
        .map_err(|e| Error::invalid(format!("report template {name}: {}", tera_error(&e))))
}

/// A page ready to render: where it goes, its template and its context.
pub struct Prepared {
    pub path: String,
    template: &'static str,
    ctx: PageCtx,
}

/// A template context that can also fingerprint what goes into it: a page
/// built from the whole shop is rendered again only when its context changed.
struct PageCtx {
    ctx: tera::Context,
    fold: Option<state::Fold>,
}

impl PageCtx {
    fn insert<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        if let Some(f) = &mut self.fold {
            f.str(key);
            // Serializing our own view structs cannot fail; an error would only
            // mean a page is rendered again.
            f.bytes(&serde_json::to_vec(value).unwrap_or_default());
        }
        self.ctx.insert(key, value);
    }
}

/// A page context. With `fingerprint`, everything inserted is also hashed.
fn ctx_with(
    common: &Common,
    labels: &BTreeMap<&'static str, &'static str>,
    fingerprint: bool,
) -> PageCtx {
    let mut ctx = PageCtx {
        ctx: tera::Context::new(),
        fold: fingerprint.then(state::Fold::default),
    };
    ctx.insert("site", common);
    ctx.insert("t", labels);
    ctx
}

fn dashboard(site: &Site) -> Result<Prepared> {
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

#[derive(Serialize)]
struct AdminRow {
    admin: String,
    leads: usize,
    closing: String,
    followups_done: usize,
    overdue: usize,
}

#[derive(Serialize)]
struct SimpleRow {
    cells: Vec<String>,
    href: Option<String>,
}

#[derive(Serialize)]
struct Testimonial {
    name: String,
    stars: String,
    rating: Option<i64>,
    text: String,
    date: String,
}

fn testimonials(site: &Site, range: Option<(Timestamp, Timestamp)>) -> Vec<Testimonial> {
    let cfg = site.cfg();
    let all = &site.public_feedback;
    let (a, b) = match range {
        Some((from, to)) => (
            all.partition_point(|x| x.0 < from),
            all.partition_point(|x| x.0 < to),
        ),
        None => (0, all.len()),
    };
    let mut v: Vec<(Timestamp, Testimonial)> = all[a..b]
        .iter()
        .map(|&(t, ci, fi)| {
            let c = &site.shop.customers[ci];
            let f = &c.feedback[fi];
            (
                t,
                Testimonial {
                    name: short_name(&c.name),
                    stars: f.rating.map_or(String::new(), |r| {
                        "★".repeat(r.clamp(0, 5) as usize) + &"☆".repeat(5 - r.clamp(0, 5) as usize)
                    }),
                    rating: f.rating,
                    text: f.text.as_deref().map(str::trim).unwrap_or("").to_string(),
                    date: long_date(t, &cfg.timezone, cfg.language),
                },
            )
        })
        .collect();
    v.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.name.cmp(&b.1.name)));
    v.into_iter().map(|(_, t)| t).collect()
}

fn week_page(site: &Site, w: Week) -> Result<Prepared> {
    let cfg = site.cfg();
    let shop = site.shop;
    let lang = site.lang();
    let tz = &cfg.timezone;
    let empty = empty_metrics();
    let this = site.week_metrics.get(&w).unwrap_or(&empty);
    let prev = site.week_metrics.get(&w.prev()).unwrap_or(&empty);
    let (start, end) = w.bounds(tz);
    let t_at = crate::metrics::as_of(end, site.now);
    let title = week_title(w, cfg);
    let common = common(site, "../", title.clone(), "weeks");
    let mut ctx = ctx_with(&common, &site.labels, true);
    ctx.insert("heading", &title);
    ctx.insert("rows", &metric_rows(site, this, prev, Metric::scalars()));
    ctx.insert("col_this", site.labels["this_week"]);
    ctx.insert("col_prev", site.labels["last_week"]);
    let pos = site.weeks.iter().position(|x| *x == w);
    let link = |x: Option<&Week>| {
        x.map(|x| Link {
            href: format!("{x}.html"),
            label: x.to_string(),
        })
    };
    ctx.insert(
        "prev_link",
        &link(
            pos.and_then(|p| p.checked_sub(1))
                .and_then(|p| site.weeks.get(p)),
        ),
    );
    ctx.insert("next_link", &link(pos.and_then(|p| site.weeks.get(p + 1))));
    ctx.insert("sources", &source_rows(this));
    ctx.insert("products", &product_rows(this, cfg));

    // Work seen at the end of the week (or now), computed with the metrics.
    let empty_work = WeekWork::default();
    let work = site.week_work.get(&w).unwrap_or(&empty_work);
    let mut admins: BTreeMap<String, AdminRow> = BTreeMap::new();
    fn row<'m>(admins: &'m mut BTreeMap<String, AdminRow>, a: &str) -> &'m mut AdminRow {
        admins.entry(a.to_string()).or_insert_with(|| AdminRow {
            admin: a.to_string(),
            leads: 0,
            closing: "–".into(),
            followups_done: 0,
            overdue: 0,
        })
    }
    for a in &cfg.admins {
        row(&mut admins, a);
    }
    for (a, rate) in &this.closing_rate_by_admin {
        let r = row(&mut admins, a);
        r.closing = format!("{}%", crate::lang::format::decimal(rate * 100.0, 0, lang));
    }
    let mut not_followed = Vec::new();
    let mut repeat_orders = Vec::new();
    if let Some(rows) = site.week_rows.get(&w) {
        for (a, n) in &rows.leads_by_admin {
            row(&mut admins, a).leads += n;
        }
        for (a, n) in &rows.followups_by_admin {
            row(&mut admins, a).followups_done += n;
        }
        for &(ci, oi) in &rows.repeat_orders {
            let c = &shop.customers[ci];
            let o = &c.orders[oi];
            repeat_orders.push(SimpleRow {
                cells: vec![
                    c.name.clone(),
                    crate::lang::format::short_datetime(o.at.t, tz, lang),
                    items_text(o, cfg),
                    money(o.total(), &cfg.currency),
                ],
                href: Some(format!("../customers/{}.html", c.id)),
            });
        }
    }
    for (a, n) in &work.overdue_by_admin {
        row(&mut admins, a).overdue += usize::try_from(*n).unwrap_or(0);
    }
    for (id, rule, status) in &work.not_followed {
        let Some(c) = shop.customer(id) else { continue };
        not_followed.push(SimpleRow {
            cells: vec![
                c.name.clone(),
                rules::label(cfg, *rule),
                lang::status(*status, lang).to_string(),
                c.admin.clone().unwrap_or_else(|| "–".into()),
            ],
            href: Some(format!("../customers/{}.html", c.id)),
        });
    }
    ctx.insert("admins", &admins.into_values().collect::<Vec<_>>());
    ctx.insert("not_followed", &not_followed);
    ctx.insert("repeat_orders", &repeat_orders);
    let (complaints, total) = complaint_rows(site, "../", t_at, true, Some(OPEN_COMPLAINTS_SHOWN));
    ctx.insert(
        "more_complaints",
        &more_complaints(complaints.len(), total, lang, "../"),
    );
    ctx.insert("complaints", &complaints);
    ctx.insert("testimonials", &testimonials(site, Some((start, end))));
    ctx.insert("definitions", &definitions(lang));
    Ok(Prepared {
        path: format!("weeks/{w}.html"),
        template: "week.html",
        ctx,
    })
}

fn items_text(o: &crate::shop::record::Order, cfg: &Config) -> String {
    o.items
        .iter()
        .map(|i| {
            let name = cfg
                .products
                .get(&i.product)
                .map_or(i.product.as_str(), |p| p.name.as_str());
            format!("{}× {name}", i.qty)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn source_rows(m: &Metrics) -> Vec<SimpleRow> {
    let mut v: Vec<(&String, &usize)> = m.leads_by_source.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    v.into_iter()
        .map(|(s, n)| SimpleRow {
            cells: vec![s.clone(), n.to_string()],
            href: None,
        })
        .collect()
}

fn product_rows(m: &Metrics, cfg: &Config) -> Vec<SimpleRow> {
    m.top_products
        .iter()
        .map(|p| SimpleRow {
            cells: vec![
                cfg.products
                    .get(&p.product)
                    .map_or(p.product.clone(), |x| x.name.clone()),
                p.units.to_string(),
                money(p.revenue, &cfg.currency),
            ],
            href: None,
        })
        .collect()
}

#[derive(Serialize)]
struct Definition {
    label: &'static str,
    help: &'static str,
}

fn definitions(lang: Lang) -> Vec<Definition> {
    Metric::ALL
        .into_iter()
        .map(|k| Definition {
            label: metric_label(k, lang),
            help: metric_help(k, lang),
        })
        .collect()
}

fn month_page(site: &Site, m: Month) -> Result<Prepared> {
    let cfg = site.cfg();
    let lang = site.lang();
    let empty = empty_metrics();
    let this = site.month_metrics.get(&m).unwrap_or(&empty);
    let prev = site.month_metrics.get(&m.prev()).unwrap_or(&empty);
    let title = format!("{} · {}", m.title(lang), cfg.name);
    let common = common(site, "../", title, "months");
    let mut ctx = ctx_with(&common, &site.labels, true);
    ctx.insert("heading", &m.title(lang));
    ctx.insert("rows", &metric_rows(site, this, prev, Metric::scalars()));
    ctx.insert("col_this", site.labels["this_month"]);
    ctx.insert("col_prev", site.labels["last_month"]);
    let pos = site.months.iter().position(|x| *x == m);
    let link = |x: Option<&Month>| {
        x.map(|x| Link {
            href: format!("{}.html", x.slug()),
            label: x.title(lang),
        })
    };
    ctx.insert(
        "prev_link",
        &link(
            pos.and_then(|p| p.checked_sub(1))
                .and_then(|p| site.months.get(p)),
        ),
    );
    ctx.insert("next_link", &link(pos.and_then(|p| site.months.get(p + 1))));
    ctx.insert("sources", &source_rows(this));
    ctx.insert("products", &product_rows(this, cfg));
    ctx.insert("definitions", &definitions(lang));
    Ok(Prepared {
        path: format!("months/{}.html", m.slug()),
        template: "month.html",
        ctx,
    })
}

fn hours_page(site: &Site) -> Result<Prepared> {
    let cfg = site.cfg();
    let lang = site.lang();
    let tz = &cfg.timezone;
    let since = sub(site.now, Dur::days(7 * 12));
    let mut grid = [[0usize; 24]; 7];
    let mut total = 0;
    for c in &site.shop.customers {
        for i in &c.interactions {
            if i.kind == Kind::Inbound && i.at.t > since && i.at.t <= site.now {
                let dt = tz.to_datetime(i.at.t);
                grid[dt.weekday().to_monday_zero_offset() as usize][dt.hour() as usize] += 1;
                total += 1;
            }
        }
    }
    let days = [
        jiff::civil::Weekday::Monday,
        jiff::civil::Weekday::Tuesday,
        jiff::civil::Weekday::Wednesday,
        jiff::civil::Weekday::Thursday,
        jiff::civil::Weekday::Friday,
        jiff::civil::Weekday::Saturday,
        jiff::civil::Weekday::Sunday,
    ];
    let rows: Vec<(String, [usize; 24])> = days
        .iter()
        .zip(grid)
        .map(|(d, r)| (crate::lang::format::weekday_short(*d, lang).to_string(), r))
        .collect();
    // The three busiest weekday-hour slots, in words.
    let mut slots: Vec<(usize, usize, usize)> = grid
        .iter()
        .enumerate()
        .flat_map(|(d, r)| r.iter().enumerate().map(move |(h, n)| (*n, d, h)))
        .filter(|(n, _, _)| *n > 0)
        .collect();
    slots.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let busiest: Vec<String> = slots
        .iter()
        .take(3)
        .map(|(n, d, h)| {
            format!(
                "{} {h:02}:00–{:02}:00 ({n} {})",
                crate::lang::format::weekday_name(days[*d], lang),
                h + 1,
                site.labels["messages"]
            )
        })
        .collect();
    let title = format!("{} · {}", site.labels["hours"], cfg.name);
    let common = common(site, "", title, "hours");
    let mut ctx = ctx_with(&common, &site.labels, true);
    ctx.insert("heatmap", &svg::heatmap(site.labels["hours"], &rows));
    ctx.insert("total", &total);
    ctx.insert(
        "period",
        &format!(
            "{} – {}",
            long_date(since, tz, lang),
            long_date(site.now, tz, lang)
        ),
    );
    ctx.insert("busiest", &busiest);
    Ok(Prepared {
        path: "hours.html".into(),
        template: "hours.html",
        ctx,
    })
}

fn testimonials_page(site: &Site) -> Result<Prepared> {
    let title = format!("{} · {}", site.labels["testimonials"], site.cfg().name);
    let common = common(site, "", title, "testimonials");
    let mut ctx = ctx_with(&common, &site.labels, true);
    ctx.insert("testimonials", &testimonials(site, None));
    Ok(Prepared {
        path: "testimonials.html".into(),
        template: "testimonials.html",
        ctx,
    })
}

#[derive(Serialize)]
struct CustomerRow {
    id: String,
    href: String,
    name: String,
    stage: &'static str,
    lifecycle: &'static str,
    value: String,
    unpaid: bool,
    orders: usize,
    last_order: String,
    admin: String,
    city: String,
    tags: String,
    spend: String,
}

/// Customers per index page: a page stays quick to load on a phone, and an
/// edit re-renders one page of the index rather than all of it.
pub const CUSTOMERS_PER_PAGE: usize = 1000;

/// The path of customer index page `p` (0-based).
fn customers_index_path(p: usize) -> String {
    if p == 0 {
        "customers.html".into()
    } else {
        format!("customers-{}.html", p + 1)
    }
}

#[derive(Serialize)]
struct PagerLink {
    label: String,
    href: String,
    current: bool,
}

fn customers_page(site: &Site, page: usize) -> Result<Prepared> {
    let cfg = site.cfg();
    let lang = site.lang();
    let pages = site.listed.len().div_ceil(CUSTOMERS_PER_PAGE).max(1);
    let from = (page * CUSTOMERS_PER_PAGE).min(site.listed.len());
    let to = (from + CUSTOMERS_PER_PAGE).min(site.listed.len());
    let rows: Vec<CustomerRow> = site.listed[from..to]
        .iter()
        .map(|&ci| {
            let c = &site.shop.customers[ci];
            let s = &site.segments(ci);
            CustomerRow {
                id: c.id.clone(),
                href: format!("customers/{}.html", c.id),
                name: c.name.clone(),
                stage: lang::lifecycle(s.lifecycle, lang),
                lifecycle: s.lifecycle.as_str(),
                value: s
                    .value
                    .map_or("–".into(), |v| lang::value(v, lang).to_string()),
                unpaid: s.unpaid,
                orders: s.orders,
                last_order: s
                    .last_order
                    .map_or("–".into(), |e| long_date(e.t, &cfg.timezone, lang)),
                admin: c.admin.clone().unwrap_or_else(|| "–".into()),
                city: c.city.clone().unwrap_or_default(),
                tags: c.tags.join(", "),
                spend: money(s.spend_365d, &cfg.currency),
            }
        })
        .collect();
    let title = if pages > 1 {
        format!(
            "{} ({} {}) · {}",
            site.labels["customers"],
            pick(lang, "halaman", "page"),
            page + 1,
            cfg.name
        )
    } else {
        format!("{} · {}", site.labels["customers"], cfg.name)
    };
    let common = common(site, "", title, "customers");
    let mut ctx = ctx_with(&common, &site.labels, false);
    ctx.insert("customers", &rows);
    ctx.insert("total", &site.listed.len());
    let pager: Vec<PagerLink> = if pages > 1 {
        (0..pages)
            .map(|p| {
                // Labelled by the first id on the page, to jump alphabetically.
                let first = &site.shop.customers[site.listed[p * CUSTOMERS_PER_PAGE]].id;
                PagerLink {
                    label: format!("{} · {first}", p + 1),
                    href: customers_index_path(p),
                    current: p == page,
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    ctx.insert("pager", &pager);
    ctx.insert(
        "page_note",
        &(pages > 1).then(|| {
            format!(
                "{} {} {} {pages} · {}–{}",
                pick(lang, "Halaman", "Page"),
                page + 1,
                pick(lang, "dari", "of"),
                from + 1,
                to
            )
        }),
    );
    ctx.insert(
        "filter_label",
        if pages > 1 {
            pick(lang, "Cari di halaman ini…", "Search this page…")
        } else {
            site.labels["filter"]
        },
    );
    Ok(Prepared {
        path: customers_index_path(page),
        template: "customers.html",
        ctx,
    })
}

#[derive(Serialize)]
struct TimelineItem {
    when: String,
    /// RFC 3339, for the `<time datetime>` attribute.
    iso: String,
    kind: &'static str,
    title: String,
    text: String,
    href: Option<String>,
}

fn kind_label(k: Kind, lang: Lang) -> &'static str {
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

fn contact(site: &Site, c: &Customer) -> (String, String) {
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

fn customer_page(site: &Site, ci: usize) -> Result<Prepared> {
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

fn complaints_page(site: &Site) -> Result<Prepared> {
    let title = format!("{} · {}", site.labels["complaints"], site.cfg().name);
    let common = common(site, "", title, "complaints");
    let mut ctx = ctx_with(&common, &site.labels, true);
    ctx.insert(
        "complaints",
        &complaint_rows(site, "", site.now, false, None).0,
    );
    Ok(Prepared {
        path: "complaints.html".into(),
        template: "complaints.html",
        ctx,
    })
}

fn complaint_page(site: &Site, ki: usize) -> Result<Prepared> {
    let shop = site.shop;
    let cfg = site.cfg();
    let lang = site.lang();
    let tz = &cfg.timezone;
    let k = &shop.complaints[ki];
    let ci = shop.customer_index.get(&k.customer).copied();
    let when = |e: Option<crate::shop::record::Ev>| {
        e.filter(|e| e.t <= site.now)
            .map_or(String::new(), |e| long_datetime(e.t, tz, lang))
    };
    let resolved = k.resolved.filter(|r| r.t <= site.now);
    let status = match resolved {
        Some(_) => pick(lang, "selesai", "resolved").to_string(),
        None if site.resolve_due[ki] <= site.now => {
            format!("{} · {}", site.labels["open"], site.labels["overdue"])
        }
        None => site.labels["open"].to_string(),
    };
    let fields: Vec<(&str, String)> = vec![
        (site.labels["status"], status),
        (site.labels["opened"], when(Some(k.opened))),
        (
            site.labels["category"],
            k.category.clone().unwrap_or_default(),
        ),
        (
            site.labels["channel"],
            k.channel.clone().unwrap_or_default(),
        ),
        (site.labels["admin"], k.admin.clone().unwrap_or_default()),
        (site.labels["first_response"], when(k.first_response)),
        (
            site.labels["root_cause"],
            k.root_cause.clone().unwrap_or_default(),
        ),
        (
            site.labels["solution"],
            k.solution.clone().unwrap_or_default(),
        ),
        (site.labels["resolved"], when(k.resolved)),
        (
            site.labels["contacts"],
            k.contacts.map_or(String::new(), |c| c.to_string()),
        ),
        (
            site.labels["csat"],
            k.csat.map_or(String::new(), |c| format!("{c}/5")),
        ),
        (site.labels["record_file"], k.path.display().to_string()),
    ];
    let fields: Vec<(&str, String)> = fields.into_iter().filter(|(_, v)| !v.is_empty()).collect();
    let tasks: Vec<TaskView> = ci
        .map_or_else(Vec::new, |ci| site.customer_tasks(ci))
        .iter()
        .filter(|t| {
            t.complaint == Some(ki)
                && matches!(t.status, Status::Upcoming | Status::Due | Status::Overdue)
        })
        .map(|t| task_view(site, t, "../", None))
        .collect();
    let title = format!(
        "{} {} · {}",
        pick(lang, "Komplain", "Complaint"),
        k.id,
        cfg.name
    );
    let common = common(site, "../", title, "complaints");
    let mut ctx = ctx_with(&common, &site.labels, false);
    ctx.insert("id", &k.id);
    ctx.insert("summary", &k.summary);
    ctx.insert("customer", &ci.map(|i| shop.customers[i].name.clone()));
    ctx.insert(
        "customer_href",
        &format!("../customers/{}.html", k.customer),
    );
    ctx.insert("fields", &fields);
    ctx.insert("tasks", &tasks);
    Ok(Prepared {
        path: format!("complaints/{}.html", k.id),
        template: "complaint.html",
        ctx,
    })
}

/// One unit of rendering work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Job {
    Css,
    Dashboard,
    Week(Week),
    Month(Month),
    Hours,
    Testimonials,
    /// One page of the customer index (0-based).
    Customers(usize),
    Customer(usize),
    Complaints,
    Complaint(usize),
}

pub fn jobs(site: &Site) -> Vec<Job> {
    let mut v = overview_jobs(site);
    v.extend(
        site.shop
            .customers
            .iter()
            .enumerate()
            .filter(|(_, c)| c.first_contact.t <= site.now)
            .map(|(i, _)| Job::Customer(i)),
    );
    v.extend(
        site.shop
            .complaints
            .iter()
            .enumerate()
            .filter(|(_, k)| k.opened.t <= site.now)
            .map(|(i, _)| Job::Complaint(i)),
    );
    v
}

/// The pages built from the whole shop: all but the customer and complaint pages.
pub fn overview_jobs(site: &Site) -> Vec<Job> {
    let mut v = vec![
        Job::Css,
        Job::Dashboard,
        Job::Hours,
        Job::Testimonials,
        Job::Complaints,
    ];
    let index_pages = site.listed.len().div_ceil(CUSTOMERS_PER_PAGE).max(1);
    v.extend((0..index_pages).map(Job::Customers));
    v.extend(site.weeks.iter().map(|w| Job::Week(*w)));
    if !site.weeks.contains(&site.current_week) {
        v.push(Job::Week(site.current_week));
    }
    v.extend(site.months.iter().map(|m| Job::Month(*m)));
    let current_month = Month::containing(site.now, site.cfg());
    if !site.months.contains(&current_month) {
        v.push(Job::Month(current_month));
    }
    v
}

/// The page of a job, ready to render.
pub fn prepare_job(site: &Site, job: Job) -> Result<Prepared> {
    match job {
        Job::Css => Ok(Prepared {
            path: "style.css".into(),
            template: "style.css",
            ctx: PageCtx {
                ctx: tera::Context::new(),
                fold: Some(state::Fold::default()),
            },
        }),
        Job::Dashboard => dashboard(site),
        Job::Week(w) => week_page(site, w),
        Job::Month(m) => month_page(site, m),
        Job::Hours => hours_page(site),
        Job::Testimonials => testimonials_page(site),
        Job::Customers(p) => customers_page(site, p),
        Job::Customer(i) => customer_page(site, i),
        Job::Complaints => complaints_page(site),
        Job::Complaint(i) => complaint_page(site, i),
    }
}

/// What a build did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct BuildSummary {
    pub pages: usize,
    pub written: usize,
    pub removed: usize,
}

/// Refuses output folders that would mix the site with the records.
pub fn check_out_dir(shop: &Shop, out: &Path) -> Result<()> {
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let root = canon(&shop.dir.root);
    let out_c = if out.exists() {
        canon(out)
    } else {
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        canon(parent).join(out.file_name().unwrap_or_default())
    };
    let inside_records = [
        crate::shop::index::CUSTOMERS_DIR,
        crate::shop::index::COMPLAINTS_DIR,
        "templates",
    ]
    .iter()
    .any(|d| out_c.starts_with(root.join(d)));
    if out_c == root || inside_records {
        return Err(Error::usage(format!(
            "{}: the report cannot be written into the shop's own folders; use a separate folder such as public/",
            out.display()
        )));
    }
    Ok(())
}

/// Renders every page and writes the changed ones; removes pages of the previous
/// build that no longer exist. With `remember`, period tallies come from the
/// last report's state where their records did not change, and pages whose
/// inputs did not change since the last build are not rendered again.
pub fn build(
    shop: &Shop,
    now: Timestamp,
    out: &Path,
    problems: Vec<String>,
    remember: bool,
) -> Result<BuildSummary> {
    check_out_dir(shop, out)?;
    let t0 = std::time::Instant::now();
    // Reading the manifest and listing the site's folders (120k entries at
    // 100k customers) is file-system work: it runs beside the figures.
    let reading = {
        let out = out.to_path_buf();
        let pages = shop.customers.len() + shop.complaints.len();
        std::thread::spawn(move || Known::read(&out, pages))
    };
    let tera = load_templates(shop)?;
    let config_text = std::fs::read(shop.dir.root.join("shop.toml")).unwrap_or_default();
    // Only the agenda: a customer's page evaluates its own tasks when rendered.
    let (tasks, moments) = agenda_and_moments(shop, now);
    let ta = t0.elapsed();
    let p = periods(shop, now);
    let tb = t0.elapsed();
    let (weeks, months) = state::tallies(shop, now, &p, &config_text, remember);
    let tc = t0.elapsed();
    let figures = Figures {
        weeks: &weeks,
        months: &months,
        rows: week_rows(shop, now),
        messages: None,
        moments,
        public_feedback: None,
        listed: None,
        resolve_due: None,
    };
    let site = Site::from_tallies(shop, now, problems, tasks, p, figures)?;
    let t1 = t0.elapsed();
    if std::env::var_os("LANGGAN_TIMING").is_some() {
        eprintln!(
            "timing: tasks {ta:?} periods {:?} tallies {:?} site {:?}",
            tb - ta,
            tc - tb,
            t1 - tc
        );
    }
    let jobs = jobs(&site);
    let keys = remember.then(|| site_key(shop, &config_text));
    let known = reading.join().ok();
    let (summary, manifest) = write_site(&site, &tera, &jobs, out, keys, Removal::Stale, known)?;
    write_manifest(out, &manifest)?;
    if std::env::var_os("LANGGAN_TIMING").is_some() {
        eprintln!("timing: model {t1:?} render+write {:?}", t0.elapsed() - t1);
    }
    Ok(summary)
}

/// What a site's pages have in common: the program, shop.toml (language,
/// currency, rules…), masking and the shop's templates.
pub fn site_key(shop: &Shop, config_text: &[u8]) -> u64 {
    let mut h = state::Fold::default();
    h.str(env!("CARGO_PKG_VERSION"));
    h.bytes(config_text);
    h.u64(u64::from(shop.config.mask_contacts));
    let mut files = Vec::new();
    list_files(&shop.dir.root.join("templates"), &mut files);
    files.sort();
    for f in files {
        h.str(&f.to_string_lossy());
        h.bytes(&std::fs::read(&f).unwrap_or_default());
    }
    h.0
}

fn list_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() => list_files(&p, out),
            Ok(_) => out.push(p),
            Err(_) => {}
        }
    }
}

/// The inputs of a customer's or complaint's page beyond the site key: now,
/// and the files of the customer and all their complaints (the page shows
/// their tasks, which span those files). `None` for pages built from the
/// whole shop, which are always rendered.
fn page_key(site: &Site, site_key: u64, job: Job) -> Option<(String, u64)> {
    let shop = site.shop;
    if let Job::Week(w) = job {
        return Some((format!("weeks/{w}.html"), week_key(site, site_key, w)));
    }
    if let Job::Customers(p) = job {
        // An index page shows its customers' rows (their files and now) and
        // the total count.
        let mut h = state::Fold::default();
        h.u64(site_key);
        h.str(&site.date_line());
        h.u64(site.listed.len() as u64);
        let from = (p * CUSTOMERS_PER_PAGE).min(site.listed.len());
        let to = (from + CUSTOMERS_PER_PAGE).min(site.listed.len());
        for &ci in &site.listed[from..to] {
            let c = &shop.customers[ci];
            h.path(&c.path);
            h.u64(c.source_hash);
            h.u64(site.moments[ci]);
        }
        return Some((customers_index_path(p), h.0));
    }
    let (path, ci) = match job {
        Job::Customer(ci) => (format!("customers/{}.html", shop.customers[ci].id), ci),
        Job::Complaint(ki) => {
            let k = &shop.complaints[ki];
            (
                format!("complaints/{}.html", k.id),
                *shop.customer_index.get(&k.customer)?,
            )
        }
        _ => return None,
    };
    let mut h = state::Fold::default();
    h.u64(site_key);
    h.str(&site.date_line());
    h.u64(site.moments[ci]);
    h.str(&path);
    let c = &shop.customers[ci];
    h.path(&c.path);
    h.u64(c.source_hash);
    for &ki in &shop.complaints_by_customer[ci] {
        let k = &shop.complaints[ki];
        h.path(&k.path);
        h.u64(k.source_hash);
    }
    Some((path, h.0))
}

/// What a customer's and their complaints' pages show that depends on now:
/// their tasks (all of them, with status and due time), their segments, which
/// of their dated events have happened, and whether each complaint is overdue.
/// Two moments with the same key give the same pages but for the date line,
/// so a later report does not render every customer again.
pub fn moment_key(shop: &Shop, ci: usize, now: Timestamp, tasks: &[Task]) -> u64 {
    let c = &shop.customers[ci];
    let mut h = state::Fold::default();
    for t in tasks {
        h.str(t.rule.name());
        h.str(t.status.as_str());
        h.bytes(&t.due.as_nanosecond().to_le_bytes());
        h.bytes(&t.late.as_nanosecond().to_le_bytes());
        h.u64(t.complaint.map_or(u64::MAX, |k| k as u64));
        h.u64(t.order.map_or(u64::MAX, |o| o as u64));
        h.str(t.category.as_deref().unwrap_or(""));
        h.str(t.admin.as_deref().unwrap_or(""));
    }
    let seg = rules::segments(&shop.config, c, now);
    h.u64(seg.lifecycle as u64);
    h.u64(u64::from(seg.unpaid));
    h.u64(seg.value.map_or(u64::MAX, |v| v as u64));
    h.u64(seg.spend_365d as u64);
    h.u64(seg.orders as u64);
    h.bytes(
        &seg.last_order
            .map_or(0, |e| e.t.as_nanosecond())
            .to_le_bytes(),
    );
    // Each dated event shows once it has happened: how many have tells which.
    let replies = c.interactions.iter().filter_map(|i| i.replied.map(|e| e.t));
    let mut happened = event_times(c).chain(replies).filter(|t| *t <= now).count();
    for &ki in &shop.complaints_by_customer[ci] {
        let k = &shop.complaints[ki];
        happened += [Some(k.opened), k.first_response, k.resolved]
            .into_iter()
            .flatten()
            .filter(|e| e.t <= now)
            .count();
        let open = k.resolved.is_none_or(|r| r.t > now);
        h.u64(u64::from(
            open && rules::resolve_due(&shop.config, k) <= now,
        ));
    }
    h.u64(happened as u64);
    h.0
}

/// A customer's tasks on the agenda at now and their [`moment_key`], from
/// one evaluation of the rules (shared by `report` and `watch`).
pub fn agenda_of(shop: &Shop, ci: usize, now: Timestamp) -> (Vec<Task>, u64) {
    let all = rules::tasks_for_customer(shop, ci, now);
    let key = moment_key(shop, ci, now, &all);
    let agenda = all
        .into_iter()
        .filter(|t| rules::on_agenda(t, now, None))
        .collect();
    (agenda, key)
}

/// Every customer's agenda tasks at now, customer by customer, and their
/// moment keys ([`moment_key`]), from one evaluation of the rules.
pub fn agenda_and_moments(shop: &Shop, now: Timestamp) -> (Vec<Task>, Vec<u64>) {
    let per: Vec<(Vec<Task>, u64)> = (0..shop.customers.len())
        .into_par_iter()
        .with_min_len(256)
        .map(|ci| agenda_of(shop, ci, now))
        .collect();
    let mut tasks = Vec::new();
    let mut keys = Vec::with_capacity(per.len());
    for (t, k) in per {
        tasks.extend(t);
        keys.push(k);
    }
    (tasks, keys)
}

/// The inputs of a weekly page, so an unchanged week is not prepared again
/// (a 100k shop has ~105 of them, each listing from the whole shop): the week
/// and now, its neighbours in the list of weeks, this and last week's figures,
/// the week's lists (leads and follow-ups per admin, repeat orders, leads not
/// followed up, overdue per admin), the complaints open at its T (their files)
/// and its testimonials, with what the page shows of each customer listed.
fn week_key(site: &Site, site_key: u64, w: Week) -> u64 {
    let shop = site.shop;
    let tz = &site.cfg().timezone;
    let mut h = state::Fold::default();
    h.u64(site_key);
    h.str("week");
    h.str(&w.to_string());
    // Seen at its T (the end of a past week); the date line and the links to
    // the current week and month follow now.
    let at = crate::metrics::as_of(w.bounds(tz).1, site.now);
    h.bytes(&at.as_nanosecond().to_le_bytes());
    h.str(&site.date_line());
    h.str(&site.current_week.to_string());
    h.str(&Month::containing(site.now, site.cfg()).slug());
    // What a weekly page shows of a customer in any of its lists: the link,
    // the name and the admin (not the whole file: a new city or note does
    // not change a weekly page).
    let customer = |h: &mut state::Fold, ci: usize| {
        let c = &shop.customers[ci];
        h.str(&c.id);
        h.str(&c.name);
        h.str(c.admin.as_deref().unwrap_or(""));
    };
    // Previous and next links.
    let pos = site.weeks.iter().position(|x| *x == w);
    for x in [
        pos.and_then(|p| p.checked_sub(1))
            .and_then(|p| site.weeks.get(p)),
        pos.and_then(|p| site.weeks.get(p + 1)),
    ] {
        h.str(&x.map(ToString::to_string).unwrap_or_default());
    }
    for x in [w, w.prev()] {
        // Figures are plain numbers and names: serializing cannot fail.
        let m = site.week_metrics.get(&x).map(serde_json::to_vec);
        h.bytes(&m.and_then(std::result::Result::ok).unwrap_or_default());
    }
    if let Some(work) = site.week_work.get(&w) {
        for (a, n) in &work.overdue_by_admin {
            h.str(a);
            h.u64(*n as u64);
        }
        h.str("not followed");
        for (id, rule, status) in &work.not_followed {
            h.str(id);
            h.str(rule.name());
            h.str(status.as_str());
            if let Some(&ci) = shop.customer_index.get(id) {
                customer(&mut h, ci);
            }
        }
    }
    if let Some(rows) = site.week_rows.get(&w) {
        for (map, label) in [
            (&rows.leads_by_admin, "leads"),
            (&rows.followups_by_admin, "followups"),
        ] {
            h.str(label);
            for (a, n) in map {
                h.str(a);
                h.u64(*n as u64);
            }
        }
        h.str("repeat");
        for &(ci, oi) in &rows.repeat_orders {
            customer(&mut h, ci);
            // The row: when, what and how much.
            let o = &shop.customers[ci].orders[oi];
            h.bytes(&o.at.t.as_nanosecond().to_le_bytes());
            for i in &o.items {
                h.str(&i.product);
                h.u64(i.qty as u64);
                h.u64(i.price as u64);
            }
        }
    }
    let (start, end) = w.bounds(tz);
    h.str("complaints");
    // By customer, so each complaint's customer is at hand without a lookup.
    for (ci, kis) in shop.complaints_by_customer.iter().enumerate() {
        for &ki in kis {
            let k = &shop.complaints[ki];
            if k.opened.t <= at && k.resolved.is_none_or(|r| r.t > at) {
                h.str(&k.id);
                h.u64(k.source_hash);
                h.bytes(&site.resolve_due[ki].as_nanosecond().to_le_bytes());
                customer(&mut h, ci);
            }
        }
    }
    h.str("testimonials");
    let all = &site.public_feedback;
    let (a, b) = (
        all.partition_point(|x| x.0 < start),
        all.partition_point(|x| x.0 < end),
    );
    for &(t, ci, fi) in &all[a..b] {
        customer(&mut h, ci);
        let f = &shop.customers[ci].feedback[fi];
        h.bytes(&t.as_nanosecond().to_le_bytes());
        h.u64(f.rating.map_or(u64::MAX, |r| r as u64));
        h.str(f.text.as_deref().unwrap_or(""));
    }
    h.0
}

/// Which pages of the previous build a write removes.
pub enum Removal<'a> {
    /// Every page the last build wrote and this one did not (a full build).
    Stale,
    /// Only these (an incremental build of some pages).
    Only(&'a [String]),
}

/// The manifest: every page a build wrote, with the key of its inputs when known.
pub type Manifest = BTreeMap<String, Option<u64>>;

fn read_manifest(out: &Path) -> Manifest {
    std::fs::read_to_string(out.join(MANIFEST))
        .map(|s| {
            s.lines()
                .filter(|l| !l.is_empty())
                .map(|l| match l.split_once('\t') {
                    Some((p, k)) => (p.to_string(), u64::from_str_radix(k, 16).ok()),
                    None => (l.to_string(), None),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Writes the manifest a [`write_site`] returned.
pub fn write_manifest(out: &Path, listed: &Manifest) -> Result<()> {
    use std::fmt::Write as _;
    let mut text = String::with_capacity(listed.len() * 48);
    for (p, k) in listed {
        text.push_str(p);
        if let Some(k) = k {
            // Writing into a String cannot fail.
            let _ = write!(text, "\t{k:016x}");
        }
        text.push('\n');
    }
    crate::io::atomic::atomic_write(&out.join(MANIFEST), text.as_bytes())
}

/// What a build knows of the output folder before it writes: the manifest,
/// and which of its pages exist (`None`: ask per page).
pub struct Known {
    pub manifest: Manifest,
    pub present: Option<std::collections::HashSet<String>>,
}

impl Known {
    /// Reads the manifest and, for a whole site (`pages` ≥ 5,000), lists the
    /// folders once; a few pages (a watch rebuild) are checked one by one.
    pub fn read(out: &Path, pages: usize) -> Known {
        let manifest = read_manifest(out);
        let present = (pages >= 5_000).then(|| existing_pages(out, &manifest));
        Known { manifest, present }
    }
}

/// Every folder a site has pages in.
const SITE_FOLDERS: [&str; 5] = ["", "customers", "complaints", "weeks", "months"];

/// Which pages of the manifest still exist: one listing per folder instead of
/// a stat per page (120,000 pages at 100k customers).
fn existing_pages(
    out: &Path,
    listed: &BTreeMap<String, Option<u64>>,
) -> std::collections::HashSet<String> {
    // The site's own folders too, so a page missing from the listing is
    // known not to exist (a new page is then written without a look first).
    let folders: BTreeSet<&str> = listed
        .keys()
        .map(|p| p.rsplit_once('/').map_or("", |(dir, _)| dir))
        .chain(SITE_FOLDERS)
        .collect();
    let mut present = std::collections::HashSet::with_capacity(listed.len());
    for folder in folders {
        let Ok(rd) = std::fs::read_dir(out.join(folder)) else {
            continue;
        };
        for e in rd.flatten() {
            if !e.file_type().is_ok_and(|t| t.is_file()) {
                continue;
            }
            if let Some(name) = e.file_name().to_str() {
                present.insert(if folder.is_empty() {
                    name.to_string()
                } else {
                    format!("{folder}/{name}")
                });
            }
        }
    }
    present
}

/// Renders the jobs and writes the pages whose bytes changed, one page at a
/// time (a 100k-customer site never sits in memory). With `site_key`, a page
/// whose inputs match the manifest's key and whose file exists is skipped.
/// `known` is what the caller already knows of the folder (else it is read);
/// the new one is returned with the summary, for the caller to write with
/// [`write_manifest`].
pub fn write_site(
    site: &Site,
    tera: &tera::Tera,
    jobs: &[Job],
    out: &Path,
    site_key: Option<u64>,
    removal: Removal,
    known: Option<Known>,
) -> Result<(BuildSummary, Manifest)> {
    std::fs::create_dir_all(out).map_err(|e| Error::io(out, &e))?;
    let Known {
        manifest: old,
        present: listing,
    } = known.unwrap_or_else(|| Known::read(out, jobs.len()));
    let present = |path: &str| match &listing {
        Some(set) => set.contains(path),
        None => out.join(path).is_file(),
    };
    let done: Vec<(String, Option<u64>, bool)> = jobs
        .par_iter()
        .map(|j| {
            let key = site_key.and_then(|k| page_key(site, k, *j));
            if let Some((path, k)) = &key {
                if old.get(path) == Some(&Some(*k)) && present(path) {
                    return Ok((path.clone(), Some(*k), false));
                }
            }
            let prepared = prepare_job(site, *j)?;
            // Pages built from the whole shop are keyed by their context.
            let key = key.map(|(_, k)| k).or_else(|| {
                let mut fold = prepared.ctx.fold?;
                fold.u64(site_key?);
                Some(fold.0)
            });
            if let Some(k) = key {
                if old.get(&prepared.path) == Some(&Some(k)) && present(&prepared.path) {
                    return Ok((prepared.path, key, false));
                }
            }
            let page = Page {
                bytes: render(tera, prepared.template, &prepared.ctx.ctx)?,
                path: prepared.path,
            };
            let absent = listing
                .as_ref()
                .is_some_and(|set| !set.contains(&page.path));
            let written = write_if_changed(out, &page, absent)?;
            Ok((page.path, key, written))
        })
        .collect::<Result<Vec<_>>>()?;
    let mut summary = BuildSummary {
        pages: done.len(),
        written: done.iter().filter(|d| d.2).count(),
        removed: 0,
    };
    // Which pages of the last build go: computed before this build's pages
    // are listed, from the manifest as it was.
    let (mut listed, gone): (Manifest, Vec<String>) = match removal {
        Removal::Stale => {
            let now_listed: BTreeSet<&str> = done.iter().map(|d| d.0.as_str()).collect();
            let gone = old
                .into_keys()
                .filter(|p| !now_listed.contains(p.as_str()))
                .collect();
            (BTreeMap::new(), gone)
        }
        Removal::Only(paths) => {
            let gone = paths
                .iter()
                .filter(|p| old.contains_key(*p))
                .cloned()
                .collect();
            (old, gone)
        }
    };
    for (path, key, _) in done {
        listed.insert(path, key);
    }
    for rel in &gone {
        // Only files this program wrote (listed in the manifest) are ever removed.
        listed.remove(rel);
        if is_safe_rel(rel) {
            let p = out.join(rel);
            if p.is_file() && std::fs::remove_file(&p).is_ok() {
                summary.removed += 1;
            }
        }
    }
    Ok((summary, listed))
}

fn is_safe_rel(p: &str) -> bool {
    let path = Path::new(p);
    !p.is_empty()
        && path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// Writes a page unless the file already holds these bytes; `absent` when the
/// folder listing showed it does not exist (no need to look).
fn write_if_changed(out: &Path, page: &Page, absent: bool) -> Result<bool> {
    let path: PathBuf = out.join(&page.path);
    if !absent {
        match std::fs::read(&path) {
            Ok(existing) if existing == page.bytes => return Ok(false),
            Ok(_) => {
                // Replace atomically: a browser or the --serve preview may be reading it.
                crate::io::atomic::atomic_write_unsynced(&path, &page.bytes)?;
                return Ok(true);
            }
            Err(_) => {}
        }
    }
    // A new page: nobody reads it yet, so write it in place (half the file
    // operations of temp + rename, which dominate a cold build); its folder
    // is made when the first write finds it missing.
    match std::fs::write(&path, &page.bytes) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, &e))?;
            }
            std::fs::write(&path, &page.bytes).map_err(|e| Error::io(&path, &e))?;
        }
        Err(e) => return Err(Error::io(&path, &e)),
    }
    Ok(true)
}
