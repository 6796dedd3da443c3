//! `stats`: one week's metrics (SPEC §5), beside the week before.

use super::{json, out, Ctx, Format};
use crate::error::{Error, Result};
use crate::io::table;
use crate::lang::cli::{self, CliWord};
use crate::lang::format::{change, metric as show};
use crate::lang::metric_label;
use crate::metrics::{Metric, MetricKind, WeekStats};
use crate::shop::config::Config;
use crate::time::Week;

pub fn stats(ctx: &Ctx, week: Option<&str>, format: Format) -> Result<i32> {
    let shop = &ctx.shop;
    let cfg = &shop.config;
    let week = match week {
        Some(w) => Week::parse(w).ok_or_else(|| Error::usage(cli::bad_week(w, cfg.language)))?,
        None => Week::containing(ctx.now, &cfg.timezone),
    };
    ctx.warn_left_out();
    let this = crate::metrics::week_stats(shop, week, ctx.now);
    match format {
        Format::Json => json(&this, cfg.language),
        // `--format` offers only table and json (cli::TableOrJson).
        Format::Csv => Err(Error::usage(cli::format_unsupported("stats", cfg.language))),
        Format::Table => {
            let prev = crate::metrics::week_stats(shop, week.prev(), ctx.now);
            out(&stats_table(cfg, &this, &prev))
        }
    }
}

/// This week beside last week, with the change, one metric a line.
pub fn stats_table(cfg: &Config, this: &WeekStats, prev: &WeekStats) -> String {
    let lang = cfg.language;
    let rows: Vec<Vec<String>> = Metric::scalars()
        .map(|k| {
            vec![
                metric_label(k, lang).to_string(),
                show(k, &prev.metrics, cfg),
                show(k, &this.metrics, cfg),
                change(k, &this.metrics, &prev.metrics, cfg).text,
            ]
        })
        .collect();
    let mut s = format!(
        "{} {} · {}\n\n",
        CliWord::Week.text(lang),
        this.week,
        cfg.name
    );
    s.push_str(&table::render(&cli::stats_header(lang), &rows));
    for k in Metric::ALL
        .into_iter()
        .filter(|k| k.kind() == MetricKind::Breakdown)
    {
        s.push_str(&format!(
            "\n{}: {}\n",
            metric_label(k, lang),
            show(k, &this.metrics, cfg)
        ));
    }
    s
}
