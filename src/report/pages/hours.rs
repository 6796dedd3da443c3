//! The busy-hours page (`hours.html`).

use crate::error::Result;
use crate::lang::format::long_date;
use crate::report::pages::*;
use crate::report::*;
use crate::shop::record::Kind;
use crate::time::{sub, Dur};

pub fn hours_page(site: &Site) -> Result<Prepared> {
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
