//! The busy-hours page (`hours.html`): when customers wrote in the last 12
//! weeks, by weekday and hour.

use super::{common, context, Day, Frame, One};
use crate::lang::format::{long_date, weekday_name, weekday_short};
use crate::report::{svg, Site};
use crate::shop::record::{Customer, Kind};
use crate::time::{sub, Dur};
use jiff::tz::TimeZone;
use jiff::Timestamp;

pub const TEMPLATE: &str = "hours.html";
pub const PATH: &str = "hours.html";

/// Inbound messages per weekday (Monday first) and hour.
pub type Grid = [[usize; 24]; 7];

#[derive(Hash)]
pub struct Inputs<'s> {
    pub frame: Frame<'s>,
    pub grid: Grid,
    pub total: usize,
    /// The window, shown as dates.
    pub since: Day,
    pub until: Day,
}

/// The start of the window ending at `now`.
pub fn since(now: Timestamp) -> Timestamp {
    sub(now, Dur::days(7 * 12))
}

/// A customer's inbound messages in the window (`since`, `now`], as
/// (weekday, hour) slots.
pub fn slots<'c>(
    c: &'c Customer,
    since: Timestamp,
    now: Timestamp,
    tz: &'c TimeZone,
) -> impl Iterator<Item = (usize, usize)> + 'c {
    c.interactions
        .iter()
        .filter(move |i| i.kind == Kind::Inbound && i.at.t > since && i.at.t <= now)
        .map(move |i| {
            let dt = tz.to_datetime(i.at.t);
            (
                dt.weekday().to_monday_zero_offset() as usize,
                dt.hour() as usize,
            )
        })
}

pub fn inputs<'s>(site: &'s Site) -> Inputs<'s> {
    let cfg = site.cfg();
    let since = since(site.now);
    let mut grid = [[0usize; 24]; 7];
    let mut total = 0;
    for c in &site.shop.customers {
        for (d, h) in slots(c, since, site.now, &cfg.timezone) {
            grid[d][h] += 1;
            total += 1;
        }
    }
    Inputs {
        frame: site.frame(),
        grid,
        total,
        since: Day::of(since, cfg),
        until: Day::of(site.now, cfg),
    }
}

/// What one customer puts on the page: their inbound messages in the window.
pub fn part(one: &One) -> Vec<(usize, usize)> {
    let now = one.now;
    slots(one.customer, since(now), now, &one.cfg.timezone).collect()
}

pub fn view(i: &Inputs) -> tera::Context {
    let basis = &i.frame.basis;
    let cfg = basis.cfg;
    let lang = basis.lang();
    let tz = &cfg.timezone;
    let days = crate::time::WEEKDAYS;
    let rows: Vec<(String, [usize; 24])> = days
        .iter()
        .zip(i.grid)
        .map(|(d, r)| (weekday_short(*d, lang).to_string(), r))
        .collect();
    // The three busiest weekday-hour slots, in words.
    let mut slots: Vec<(usize, usize, usize)> = i
        .grid
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
                weekday_name(days[*d], lang),
                h + 1,
                basis.labels.messages
            )
        })
        .collect();
    let title = format!("{} · {}", basis.labels.hours, cfg.name);
    let common = common(&i.frame, "", title, "hours", None);
    let mut ctx = context(&common, basis);
    ctx.insert("heatmap", &svg::heatmap(basis.labels.hours, &rows));
    ctx.insert(
        "heatmap_tall",
        &svg::heatmap_tall(basis.labels.hours, &rows),
    );
    ctx.insert("total", &i.total);
    ctx.insert(
        "period",
        &format!(
            "{} – {}",
            long_date(i.since.t, tz, lang),
            long_date(i.until.t, tz, lang)
        ),
    );
    ctx.insert("busiest", &busiest);
    ctx
}
