//! `report`: render the site and say where to open it.

use super::Ctx;
use crate::error::Result;
use crate::lang::cli;
use std::path::Path;

pub fn report(ctx: &mut Ctx, out: Option<&Path>, mask: bool) -> Result<i32> {
    if mask {
        ctx.shop.config.mask_contacts = true;
    }
    let ctx = &*ctx;
    let shop = &ctx.shop;
    let out = out.map_or_else(|| shop.dir.root.join("public"), Path::to_path_buf);
    ctx.warn_left_out();
    let start = std::time::Instant::now();
    let summary = crate::report::build(shop, ctx.now, &out, Vec::new(), ctx.use_cache)?;
    let ms = start.elapsed().as_millis();
    let index = out.join("index.html");
    eprintln!(
        "{}",
        cli::site_built(
            summary.pages,
            summary.written,
            summary.removed,
            ms,
            &index,
            ctx.lang()
        )
    );
    Ok(0)
}
