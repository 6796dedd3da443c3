//! `report`: render the site and say where to open it.

use super::Ctx;
use crate::error::Result;
use crate::lang::cli;
use crate::report::encrypt::Sealer;
use std::path::Path;

pub fn report(ctx: &mut Ctx, out: Option<&Path>, mask: bool, encrypt: bool) -> Result<i32> {
    if mask {
        ctx.shop.config.mask_contacts = true;
    }
    // Refused before anything is written: no password, no site.
    let password = encrypt.then(|| Sealer::password(ctx.lang())).transpose()?;
    ctx.shop.config.encrypt = encrypt;
    let ctx = &*ctx;
    let shop = &ctx.shop;
    let out = out.map_or_else(|| shop.dir.root.join("public"), Path::to_path_buf);
    ctx.warn_left_out();
    warn_no_secret(ctx.lang());
    let start = std::time::Instant::now();
    let sealer = match &password {
        Some(p) => {
            crate::report::check_out_dir(shop, &out)?;
            Some(Sealer::open(&out, p, &shop.config, !ctx.use_cache)?)
        }
        None => None,
    };
    let summary = crate::report::build(
        shop,
        ctx.now,
        &out,
        Vec::new(),
        ctx.use_cache,
        sealer.as_ref(),
    )?;
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

/// Says once that the feeds' names carry no token.
pub fn warn_no_secret(lang: crate::shop::config::Lang) {
    if crate::report::pages::feed::secret().is_none() {
        eprintln!("{}", crate::lang::feeds::no_secret(lang));
    }
}
