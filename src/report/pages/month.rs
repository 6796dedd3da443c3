//! A monthly page (`months/2026-11.html`): the month's figures against the
//! month before.

use super::figures::{definitions, empty_metrics, metric_rows, product_rows, source_rows};
use super::{common, context, neighbours, Frame, Link};
use crate::incremental::key::Json;
use crate::metrics::{Metric, Metrics};
use crate::report::{Month, Site};

pub const TEMPLATE: &str = "month.html";

#[derive(Hash)]
pub struct Inputs<'s> {
    pub frame: Frame<'s>,
    pub month: Month,
    /// The months before and after it in the list of months with data.
    pub neighbours: (Option<Month>, Option<Month>),
    pub this: Option<Json<'s, Metrics>>,
    pub prev: Option<Json<'s, Metrics>>,
}

pub fn path(m: Month) -> String {
    format!("months/{}.html", m.slug())
}

pub fn inputs<'s>(site: &'s Site, m: Month) -> Inputs<'s> {
    Inputs {
        frame: site.frame(),
        month: m,
        neighbours: neighbours(&site.months, m),
        this: site.month_metrics.get(&m).map(Json),
        prev: site.month_metrics.get(&m.prev()).map(Json),
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
    ctx.insert("col_this", basis.labels.this_month);
    ctx.insert("col_prev", basis.labels.last_month);
    let link = |x: Option<Month>| {
        x.map(|x| Link {
            href: format!("{}.html", x.slug()),
            label: x.title(lang),
        })
    };
    ctx.insert("prev_link", &link(i.neighbours.0));
    ctx.insert("next_link", &link(i.neighbours.1));
    ctx.insert("sources", &source_rows(this, basis.lang()));
    ctx.insert("products", &product_rows(this, cfg));
    ctx.insert("definitions", &definitions(lang));
    ctx
}
