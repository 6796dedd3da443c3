//! A monthly page (`months/2026-11.html`).

use crate::error::Result;
use crate::metrics::Metric;
use crate::report::pages::*;
use crate::report::*;

pub fn month_page(site: &Site, m: Month) -> Result<Prepared> {
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
