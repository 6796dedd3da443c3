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

/// How a listing command prints; each command's `--format` offers only
/// the ones it prints (`cli::TableOrJson`, `cli::TableJsonCsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
        let now = now_of(now, &shop.config)?;
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

fn json<T: Serialize>(value: &T, lang: Lang) -> Result<i32> {
    let s = serde_json::to_string_pretty(value)
        .map_err(|e| Error::usage(cli::cannot_write_json(&e, lang)))?;
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

/// `--now` (or `LANGGAN_NOW`) in the shop zone; the clock when absent.
pub(crate) fn now_of(now: Option<&str>, cfg: &Config) -> Result<Timestamp> {
    match now {
        Some(s) => typed_time("--now", s, cfg),
        None => Ok(Timestamp::now()),
    }
}

/// A time typed for `option` (`--at`, `--replied`, `--first-contact`).
fn typed_time(option: &str, text: &str, cfg: &Config) -> Result<Timestamp> {
    crate::time::parse_time_in(text, &cfg.timezone, cfg.language)
        .map_err(|_| Error::usage(cli::bad_time(option, text, cfg.language)))
}

/// An admin typed for `option` (`--admin`, `--by`): the spelling shop.toml
/// uses, whatever the case typed; any name when the shop lists no admins.
/// Unknown: the message, with the closest admins.
fn typed_admin(option: &str, typed: &str, cfg: &Config) -> std::result::Result<String, String> {
    typed_name(option, cli::Named::Admin, typed, &cfg.admins, cfg.language)
}

/// A name typed from a list in shop.toml, in the list's spelling.
fn typed_name(
    option: &str,
    what: cli::Named,
    typed: &str,
    known: &[String],
    lang: Lang,
) -> std::result::Result<String, String> {
    let typed = typed.trim();
    if known.is_empty() {
        return Ok(typed.to_string());
    }
    if let Some(k) = crate::text::same_name(typed, known.iter().map(String::as_str)) {
        return Ok(k.to_string());
    }
    let close = crate::text::closest(typed, known.iter().map(|k| (k.as_str(), k.as_str())), 3);
    let hint = cli::suggestions(
        &close
            .iter()
            .map(|k| (k.to_string(), None))
            .collect::<Vec<_>>(),
        lang,
    );
    Err(cli::unknown_name(option, what, typed, &hint, known, lang))
}

/// ` mungkin maksudnya …?` for an id not found among `records`: the closest
/// ids, with their names.
fn id_hint<'a>(
    id: &str,
    records: impl IntoIterator<Item = (&'a str, &'a str)> + Clone,
    lang: Lang,
) -> String {
    let close = crate::text::closest(id, records.clone(), 3);
    let named: Vec<(String, Option<String>)> = close
        .iter()
        .map(|c| {
            let name = records
                .clone()
                .into_iter()
                .find(|(i, _)| i == c)
                .map(|(_, n)| n.to_string());
            (c.to_string(), name)
        })
        .collect();
    cli::suggestions(&named, lang)
}

/// [`id_hint`] over every customer and complaint of `shop` (complaints by
/// their summary).
fn record_hint(shop: &crate::shop::index::Shop, id: &str, lang: Lang) -> String {
    let records = shop
        .customers
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_str()))
        .chain(
            shop.complaints
                .iter()
                .map(|k| (k.id.as_str(), k.summary.as_str())),
        );
    id_hint(id, records, lang)
}

/// A time as the writing commands put it in a record.
fn stamp(t: Timestamp, cfg: &Config) -> String {
    crate::time::short(t, &cfg.timezone)
}

/// A write refused because the text would not load cleanly.
fn invalid(message: String, diags: Vec<Diagnostic>) -> Error {
    Error::invalid(message).with_diagnostics(diags)
}
