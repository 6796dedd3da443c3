//! Loading a shop: shop.toml, the walk, then every record file from the index
//! cache or parsed afresh (in parallel), then the assembled [`Shop`]. The one
//! module that knows both the cache and the index, so neither needs the other.

use crate::error::{Diagnostic, Result};
use crate::shop::config::{self, Config};
use crate::shop::dir::{outside_records, walk_in, ShopDir};
use crate::shop::index::{assemble, Shop};
use crate::shop::record::file::{parse_file, Parsed};
use rayon::prelude::*;
use std::path::Path;

/// Loads shop.toml; its problems end the command (nothing else can be read without it).
pub fn load_config(dir: &ShopDir) -> Result<Config> {
    let shown = dir.shown(Path::new("shop.toml"));
    config::load(&dir.root.join("shop.toml"), &shown)
}

/// Loads the whole shop: config, then every record in parallel.
pub fn load(dir: &ShopDir) -> Result<Shop> {
    load_with(dir, true)
}

/// Loads the shop; with `use_cache`, unchanged files come from the index cache
/// (`.langgan/index.bin`) instead of being parsed again.
pub fn load_with(dir: &ShopDir, use_cache: bool) -> Result<Shop> {
    let t0 = std::time::Instant::now();
    let config = load_config(dir)?;
    let lang = config.language;
    let mut scan = walk_in(dir, lang);
    let mut diags = std::mem::take(&mut scan.diags);
    diags.append(&mut scan.not_read);
    diags.extend(outside_records(dir, lang));
    let t1 = t0.elapsed();
    let entries = if use_cache {
        let config_text = std::fs::read(dir.root.join("shop.toml")).unwrap_or_default();
        crate::shop::cache::load_records(dir, &config, &config_text, scan, &mut diags)
    } else {
        let found = scan.found;
        let parsed: Vec<(Parsed, Vec<Diagnostic>)> = found
            .par_iter()
            .map(|f| parse_file(dir, &config, f))
            .collect();
        let mut entries = Vec::with_capacity(found.len());
        for (f, (p, d)) in found.into_iter().zip(parsed) {
            diags.extend(d);
            entries.push((f, p));
        }
        entries
    };
    let t2 = t0.elapsed();
    let shop = assemble(dir.clone(), config, entries, diags);
    if std::env::var_os("LANGGAN_TIMING").is_some() {
        eprintln!(
            "timing: walk {t1:?} parse {:?} assemble {:?}",
            t2 - t1,
            t0.elapsed() - t2
        );
    }
    Ok(shop)
}
