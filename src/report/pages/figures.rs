//! How the period pages and the dashboard show figures: metric rows, sources,
//! products and the definitions of every number.

use crate::lang::format::{change, metric as show, money};
use crate::lang::site::Labels;
use crate::lang::{metric_help, metric_label};
use crate::metrics::{Metric, MetricKind, Tally};
use crate::report::Figure;
use crate::shop::config::{Config, Lang};
use crate::shop::record::Item;
use crate::time::Week;
use serde::Serialize;

/// An empty period's figures: zero counts and null rates, as a tally of nothing gives.
pub fn empty_metrics() -> Figure {
    Figure::of(&Tally::default())
}

/// A figure with the counts behind it: `38% (3/8)`, `NPS 20 (5 jawaban)`.
pub fn shown(k: Metric, f: &Figure, cfg: &Config) -> String {
    let (text, basis) = shown_parts(k, f, cfg);
    joined(&text, basis.as_deref())
}

fn joined(text: &str, basis: Option<&str>) -> String {
    match basis {
        Some(basis) => format!("{text} ({basis})"),
        None => text.to_string(),
    }
}

/// A figure and, apart, the counts behind it: (`38%`, `3/8`).
pub fn shown_parts(k: Metric, f: &Figure, cfg: &Config) -> (String, Option<String>) {
    let text = show(k, f, cfg);
    let basis = match (k.kind(), f.fraction(k)) {
        (MetricKind::Rate | MetricKind::Percent, Some((a, b))) if b > 0 => Some(format!("{a}/{b}")),
        (MetricKind::Score, Some((_, n))) if n > 0 => {
            Some(crate::lang::site::answers(cfg.language, n))
        }
        _ => None,
    };
    (text, basis)
}

#[derive(Serialize)]
pub struct MetricRow {
    pub key: &'static str,
    pub label: &'static str,
    pub this: String,
    /// `this` apart from its counts, for a card's big number.
    pub this_value: String,
    pub this_basis: Option<String>,
    pub prev: String,
    pub change: String,
    pub direction: &'static str,
    pub tone: &'static str,
    pub help: &'static str,
}

pub fn metric_rows(
    cfg: &Config,
    this: &Figure,
    prev: &Figure,
    keys: impl IntoIterator<Item = Metric>,
) -> Vec<MetricRow> {
    let lang = cfg.language;
    keys.into_iter()
        .map(|k| {
            let ch = change(k, this, prev, cfg);
            let (this_value, this_basis) = shown_parts(k, this, cfg);
            MetricRow {
                key: k.name(),
                label: metric_label(k, lang),
                this: joined(&this_value, this_basis.as_deref()),
                this_value,
                this_basis,
                prev: shown(k, prev, cfg),
                change: ch.text,
                direction: ch.direction,
                tone: ch.tone,
                help: metric_help(k, lang),
            }
        })
        .collect()
}

pub fn week_title(w: Week, cfg: &Config) -> String {
    let (a, b) = w.bounds(&cfg.timezone);
    let last = b
        .checked_sub(jiff::SignedDuration::from_secs(1))
        .unwrap_or(b);
    format!(
        "{} {} · {} – {}",
        Labels::of(cfg.language).week,
        w,
        crate::lang::format::long_date(a, &cfg.timezone, cfg.language),
        crate::lang::format::long_date(last, &cfg.timezone, cfg.language)
    )
}

#[derive(Serialize)]
pub struct SimpleRow {
    pub cells: Vec<String>,
    pub href: Option<String>,
}

/// `2× Serum, 1× Toner`.
pub fn items_text(items: &[Item], cfg: &Config) -> String {
    items
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

pub fn source_rows(m: &Figure, lang: Lang) -> Vec<SimpleRow> {
    let mut v: Vec<(&String, &usize)> = m.leads_by_source.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    v.into_iter()
        .map(|(s, n)| SimpleRow {
            cells: vec![crate::lang::site::source_label(s, lang), n.to_string()],
            href: None,
        })
        .collect()
}

pub fn product_rows(m: &Figure, cfg: &Config) -> Vec<SimpleRow> {
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
pub struct Definition {
    pub label: &'static str,
    pub help: &'static str,
}

pub fn definitions(lang: Lang) -> Vec<Definition> {
    Metric::ALL
        .into_iter()
        .map(|k| Definition {
            label: metric_label(k, lang),
            help: metric_help(k, lang),
        })
        .collect()
}
