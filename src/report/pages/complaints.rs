//! The complaints list (`complaints.html`).

use crate::error::Result;
use crate::report::pages::*;
use crate::report::*;

pub fn complaints_page(site: &Site) -> Result<Prepared> {
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
