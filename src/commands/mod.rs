//! One file per command (SPEC §6, §9). The read-only ones open a [`Ctx`]
//! (the loaded shop and the moment looked at); the writing ones (`new`,
//! `log`, `import`) parse every new text back before writing it.

pub mod check;
pub mod complaints;
pub mod customers;
pub mod due;
pub mod explain;
pub mod import;
pub mod import_whatsapp;
pub mod init;
pub mod log;
pub mod new;
pub mod report;
pub mod stats;

use crate::error::{Diagnostic, Error, Result};
use crate::lang::cli;
use crate::shop::config::{Config, Lang};
use crate::shop::index::{Shop, ShopDir};
use jiff::Timestamp;
use serde::Serialize;
use std::io::Write;

/// How a listing command prints (`--format`).
#[derive(Clone, Copy, Debug, clap::ValueEnum, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Csv,
}

/// A loaded shop and the moment commands look at.
pub struct Ctx {
    pub shop: Shop,
    pub now: Timestamp,
    /// False with `--no-cache`: nothing remembered from earlier runs is used.
    pub use_cache: bool,
}

impl Ctx {
    pub fn open(dir: ShopDir, now: Option<&str>, use_cache: bool) -> Result<Ctx> {
        recover(&dir);
        let shop = crate::shop::load::load_with(&dir, use_cache)?;
        let now = crate::time::parse_now(now, &shop.config.timezone)?;
        Ok(Ctx {
            shop,
            now,
            use_cache,
        })
    }

    pub fn lang(&self) -> Lang {
        self.shop.config.language
    }

    /// Commands other than `check` work with the valid records and say what was left out.
    fn warn_left_out(&self) {
        let errors = self.shop.error_count();
        if errors > 0 {
            eprintln!("{}", cli::left_out(errors, self.lang()));
        }
    }
}

/// Cleans up after a langgan that ended in the middle of a write (killed,
/// power cut): finishes an import that had committed or discards one that
/// had not (`io::staging`), and removes abandoned temporary files
/// (`io::atomic`). Each thing done is said in one line on stderr. Called
/// before the shop is loaded by every command that opens one (through
/// [`Ctx::open`], and by `log`), so what is read afterwards is whole.
pub(crate) fn recover(dir: &ShopDir) {
    let imports = crate::io::staging::recover(&dir.root);
    let temps = crate::io::atomic::recover_writes(&dir.root);
    if imports.is_empty() && temps == 0 {
        return;
    }
    let lang = crate::shop::load::load_config(dir).map_or(Lang::Id, |c| c.language);
    for r in &imports {
        eprintln!("langgan: {}", crate::lang::cli::import_recovered(r, lang));
    }
    if temps > 0 {
        eprintln!("langgan: {}", crate::lang::cli::temps_removed(temps, lang));
    }
}

fn out(text: &str) -> Result<i32> {
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (e.g. `| head`) is not an error worth reporting.
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
    Ok(0)
}

fn json<T: Serialize>(value: &T) -> Result<i32> {
    let s = serde_json::to_string_pretty(value)
        .map_err(|e| Error::usage(format!("cannot write JSON: {e}")))?;
    out(&(s + "\n"))
}

/// A CSV text (with a BOM, for spreadsheets): the header line, then one
/// line per row of cells.
fn csv(header: &str, rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut s = format!("\u{feff}{header}\n");
    for cells in rows {
        let line: Vec<String> = cells
            .iter()
            .map(|c| crate::io::table::csv_field(c))
            .collect();
        s.push_str(&line.join(","));
        s.push('\n');
    }
    s
}

/// A time as the writing commands put it in a record.
fn stamp(t: Timestamp, cfg: &Config) -> String {
    crate::time::short(t, &cfg.timezone)
}

/// A write refused because the text would not load cleanly.
fn invalid(message: String, diags: Vec<Diagnostic>) -> Error {
    Error::invalid(message).with_diagnostics(diags)
}
