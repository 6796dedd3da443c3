//! The testimonials page (`testimonials.html`).

use crate::error::Result;
use crate::report::pages::*;
use crate::report::*;

pub fn testimonials_page(site: &Site) -> Result<Prepared> {
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
