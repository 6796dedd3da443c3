//! `check`: every diagnostic on stderr, then a summary; exit 1 on errors.

use super::Ctx;
use crate::error::{Result, EXIT_INVALID};
use crate::lang::check as words;
use std::io::Write;

pub fn check(ctx: &Ctx) -> Result<i32> {
    let shop = &ctx.shop;
    let mut stderr = std::io::stderr().lock();
    for d in &shop.diagnostics {
        let _ = writeln!(stderr, "{}", d.rendered());
    }
    let errors = shop.error_count();
    let warnings = shop.diagnostics.len() - errors;
    // The diagnostics are sorted by path: one file's are neighbours.
    let mut files: Vec<&std::path::Path> =
        shop.diagnostics.iter().map(|d| d.path.as_path()).collect();
    files.dedup();
    let summary = words::summary(
        shop.customers.len(),
        shop.complaints.len(),
        errors,
        warnings,
        files.len(),
        ctx.lang(),
    );
    let _ = writeln!(stderr, "{summary}");
    Ok(if errors > 0 { EXIT_INVALID } else { 0 })
}
