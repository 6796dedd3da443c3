//! A monthly page (`months/2026-11.html`): the month's figures against the
//! month before.

use super::figures::{definitions, empty_metrics, metric_rows, product_rows, source_rows};
use super::{common, context, neighbours, Frame, Link};
use crate::incremental::key::Json;
use crate::metrics::Metric;
use crate::report::{Figure, Month, Part, Site};

pub const TEMPLATE: &str = "month.html";

#[derive(Hash)]
pub struct Inputs<'s> {
    pub frame: Frame<'s>,
    pub month: Month,
    /// The months before and after it in the list of months with data.
    pub neighbours: (Option<Month>, Option<Month>),
    pub this: Option<Json<'s, Figure>>,
    /// The month before, or its same first days when this month is running.
    pub prev: Option<Json<'s, Figure>>,
    pub prev_part: Option<Part>,
}

pub fn path(m: Month) -> String {
    format!("months/{}.html", m.slug())
}

pub fn inputs<'s>(site: &'s Site, m: Month) -> Inputs<'s> {
    let prev_part = (m == site.current_month)
        .then(|| Part::running(site.now, site.cfg()).1)
        .filter(|p| site.part_metrics.contains_key(p));
    let prev = match prev_part {
        Some(p) => site.part_metrics.get(&p),
        None => site.month_metrics.get(&m.prev()),
    };
    Inputs {
        frame: site.frame(),
        month: m,
        neighbours: neighbours(&site.months, m),
        this: site.month_metrics.get(&m).map(Json),
        prev: prev.map(Json),
        prev_part,
    }
}

pub fn view(i: &Inputs) -> tera::Context {
    let basis = &i.frame.basis;
    let cfg = basis.cfg;
    let lang = basis.lang();
    let empty = empty_metrics();
    let this = i.this.as_deref().unwrap_or(&empty);
    let prev = i.prev.as_deref().unwrap_or(&empty);
    let title = format!("{} · {}", i.month.title(lang), cfg.name);
    let common = common(&i.frame, "../", title, "months", None);
    let mut ctx = context(&common, basis);
    ctx.insert("heading", &i.month.title(lang));
    ctx.insert("rows", &metric_rows(cfg, this, prev, Metric::scalars()));
    match i.prev_part {
        Some(p) => {
            ctx.insert(
                "col_this",
                &crate::lang::site::month_so_far(lang, p.days(), false),
            );
            ctx.insert(
                "col_prev",
                &crate::lang::site::month_so_far(lang, p.days(), true),
            );
            ctx.insert("like_for_like", &true);
        }
        None => {
            ctx.insert("col_this", basis.labels.this_month);
            ctx.insert("col_prev", basis.labels.last_month);
        }
    }
    let link = |x: Option<Month>| {
        x.map(|x| Link {
            href: format!("{}.html", x.slug()),
            label: x.title(lang),
        })
    };
    ctx.insert("prev_link", &link(i.neighbours.0));
    ctx.insert("next_link", &link(i.neighbours.1));
    ctx.insert("sources", &source_rows(this, lang));
    ctx.insert("products", &product_rows(this, cfg));
    ctx.insert("definitions", &definitions(lang));
    ctx
}
