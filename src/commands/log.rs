//! `log`: append an interaction to a customer, or set a complaint's
//! response, resolution, solution or rating. The file must be free of
//! errors before, and read back as exactly the old record plus the change.
//!
//! The read → change → write holds the shop's write lock, so parallel `log`s
//! take turns, and goes through `replace_checked`, so an edit made outside
//! langgan meanwhile (an editor, `sed -i`) is kept: the change is made again
//! on the new text, or nothing is written.

use super::{invalid, stamp};
use crate::error::{Diagnostic, Error, Result};
use crate::io::atomic::{replace_checked, Lock};
use crate::io::yaml_edit::{append_interaction, scalar, set_field};
use crate::lang::cli::{self, CliWord, WriteWord};
use crate::shop::config::Config;
use crate::shop::index::{self, find_record, Found, RecordKind, ShopDir};
use crate::shop::record::{self, Kind, KIND_NAMES};
use crate::time::parse_time_in;
use jiff::Timestamp;
use std::path::Path;

/// What `log` records.
#[derive(Debug, Default, Clone)]
pub struct LogEntry {
    pub kind: Option<String>,
    pub note: Option<String>,
    pub by: Option<String>,
    pub channel: Option<String>,
    pub at: Option<String>,
    /// An inbound message: when the shop replied.
    pub replied: Option<String>,
    pub response: bool,
    pub resolved: bool,
    pub solution: Option<String>,
    pub csat: Option<u8>,
    /// Set `resolved` on a resolved complaint, or `csat` on an open one.
    pub force: bool,
}

/// The text of a record that must currently be free of errors.
fn clean(f: &Found, shown: &Path, bytes: &[u8], cfg: &Config) -> Result<(String, index::Parsed)> {
    let refusal = || cli::record_has_errors(shown, cfg.language);
    let text =
        record::decode_in(shown, bytes, cfg.language).map_err(|d| invalid(refusal(), vec![d]))?;
    let (parsed, diags) = index::parse_text(f, shown, &text, cfg);
    if matches!(parsed, index::Parsed::Broken) || diags.iter().any(Diagnostic::is_error) {
        return Err(invalid(refusal(), diags));
    }
    Ok((text, parsed))
}

/// How long after writing `log` looks again at the file, for a program
/// that does not take the lock and saved over it (`sed -i` reads the file,
/// then replaces it a moment later with its edit of the old text).
const SETTLE: std::time::Duration = std::time::Duration::from_millis(100);
/// How many times the change is made again after such a program.
const REDOS: usize = 3;

/// Changes one record: under the shop's write lock, reads it, applies
/// `edit` (old text → new text, checked), and writes the result without
/// overwriting an outside edit made meanwhile. Then, after [`SETTLE`], checks
/// that the change is still there (`holds` counts how many times it is in a
/// text); if a program that does not take the lock saved its edit of the
/// older text over it, the change is made again on top of that edit.
fn change(
    dir: &ShopDir,
    f: &Found,
    lang: crate::shop::config::Lang,
    mut edit: impl FnMut(&[u8]) -> Result<String>,
    holds: impl Fn(&[u8]) -> usize,
) -> Result<()> {
    let path = dir.root.join(&f.rel);
    let shown = dir.shown(&f.rel);
    let folder = f.rel.parent().unwrap_or(Path::new(""));
    let mut want = None;
    for round in 0..=REDOS {
        if round > 0 {
            std::thread::sleep(SETTLE);
            let now = std::fs::read(&path).map_err(|e| Error::io(&shown, &e))?;
            if want.is_some_and(|w| holds(&now) >= w) {
                return Ok(());
            }
            if round == REDOS {
                break;
            }
        }
        let lock = Lock::shop(&dir.root, &[folder])?;
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&shown, &e))?;
        if want.is_some_and(|w| holds(&bytes) >= w) {
            return Ok(());
        }
        let (written, _) = replace_checked(&path, bytes, |b| edit(b).map(String::into_bytes))?;
        drop(lock);
        if round > 0 {
            eprintln!("langgan: {}", cli::change_redone(&shown, lang));
        }
        want = Some(holds(&written).max(1));
    }
    Err(Error::usage(cli::change_lost(&shown, lang)))
}

/// Parses the text about to be written; it must load without errors.
fn reparse(f: &Found, shown: &Path, text: &str, cfg: &Config) -> Result<index::Parsed> {
    let (parsed, diags) = index::parse_text(f, shown, text, cfg);
    if matches!(parsed, index::Parsed::Broken) || diags.iter().any(Diagnostic::is_error) {
        return Err(invalid(cli::change_not_valid(shown, cfg.language), diags));
    }
    Ok(parsed)
}

pub fn log(dir: &ShopDir, now: Option<&str>, id: &str, entry: &LogEntry) -> Result<i32> {
    super::recover(dir);
    let cfg = crate::shop::load::load_config(dir)?;
    let lang = cfg.language;
    let now = super::now_of(now, &cfg)?;
    let at = match &entry.at {
        Some(s) => super::typed_time("--at", s, &cfg)?,
        None => now,
    };
    // The time as it is written (to the minute), so the check that the file
    // reads back as the old record plus this change compares like with like.
    let at = parse_time_in(&stamp(at, &cfg), &cfg.timezone, lang).unwrap_or(at);
    // Ids are slugs, lower case: `Siti-Rahma` is `siti-rahma`.
    for id in [id.to_string(), id.trim().to_lowercase()] {
        if let Some(f) = find_record(dir, RecordKind::Customer, &id) {
            return log_customer(dir, &cfg, &f, at, entry);
        }
        if let Some(f) = find_record(dir, RecordKind::Complaint, &id) {
            return log_complaint(dir, &cfg, &f, at, entry);
        }
    }
    // Not found: the closest ids, with names where the shop loads.
    let hint = match crate::shop::load::load(dir) {
        Ok(shop) => super::record_hint(&shop, id, lang),
        Err(_) => String::new(),
    };
    Err(Error::usage(cli::no_such_record(id, &hint, lang)))
}

fn log_customer(
    dir: &ShopDir,
    cfg: &Config,
    f: &Found,
    at: Timestamp,
    e: &LogEntry,
) -> Result<i32> {
    let lang = cfg.language;
    let kind_name = e
        .kind
        .as_deref()
        .ok_or_else(|| Error::usage(cli::kind_missing(&KIND_NAMES, lang)))?;
    let kind = Kind::parse(&kind_name.trim().to_lowercase()).ok_or_else(|| {
        let hint = crate::text::suggest(kind_name, KIND_NAMES)
            .map(|k| vec![(k.to_string(), None)])
            .unwrap_or_default();
        Error::usage(cli::unknown_name(
            "",
            cli::Named::Kind,
            kind_name,
            &cli::suggestions(&hint, lang),
            &KIND_NAMES.map(String::from),
            lang,
        ))
    })?;
    if e.response || e.resolved || e.solution.is_some() || e.csat.is_some() || e.force {
        return Err(Error::usage(
            WriteWord::ComplaintOptionsOnCustomer.text(lang),
        ));
    }
    let replied = match &e.replied {
        Some(_) if kind != Kind::Inbound => {
            return Err(Error::usage(WriteWord::RepliedNotInbound.text(lang)))
        }
        Some(r) => Some(stamp(super::typed_time("--replied", r, cfg)?, cfg)),
        None => None,
    };
    let by =
        e.by.as_deref()
            .map(|b| super::typed_admin("--by", b, cfg).map_err(Error::invalid))
            .transpose()?;
    let shown = dir.shown(&f.rel);
    let mut fields: Vec<(&str, String)> =
        vec![("at", stamp(at, cfg)), ("kind", kind.as_str().to_string())];
    if let Some(by) = &by {
        fields.push(("by", scalar(by)));
    }
    if let Some(ch) = &e.channel {
        fields.push(("channel", scalar(ch)));
    }
    if let Some(n) = e.note.as_deref().filter(|n| !n.trim().is_empty()) {
        fields.push(("note", scalar(n.trim())));
    }
    if let Some(r) = replied {
        fields.push(("replied", r));
    }
    let count = |bytes: &[u8], added: &record::Interaction| match clean(f, &shown, bytes, cfg) {
        Ok((_, index::Parsed::Customer(c))) => c
            .positionless()
            .interactions
            .iter()
            .filter(|i| *i == added)
            .count(),
        _ => 0,
    };
    let added_cell = std::cell::RefCell::new(None);
    change(
        dir,
        f,
        cfg.language,
        |bytes| {
            let (text, parsed) = clean(f, &shown, bytes, cfg)?;
            let index::Parsed::Customer(old) = parsed else {
                return Err(Error::invalid(cli::record_has_errors(&shown, lang)));
            };
            let new_text = append_interaction(&text, &fields)
                .map_err(|_| Error::invalid(cli::interactions_on_one_line(&shown, lang)))?;
            let index::Parsed::Customer(new) = reparse(f, &shown, &new_text, cfg)? else {
                return Err(Error::invalid(cli::change_not_valid(&shown, lang)));
            };
            // The file must read back as the old record plus exactly this interaction.
            let expected = old.positionless();
            let mut got = new.positionless();
            let added = got.interactions.pop();
            let ok = added
                .as_ref()
                .is_some_and(|i| i.kind == kind && i.at.t == at)
                && expected == got;
            if !ok {
                return Err(Error::invalid(cli::append_changes_more(&shown, lang)));
            }
            *added_cell.borrow_mut() = added;
            Ok(new_text)
        },
        |bytes| added_cell.borrow().as_ref().map_or(0, |a| count(bytes, a)),
    )?;
    println!(
        "{}: {}",
        shown.display(),
        cli::interaction_recorded(kind.as_str(), cfg.language)
    );
    Ok(0)
}

fn log_complaint(
    dir: &ShopDir,
    cfg: &Config,
    f: &Found,
    at: Timestamp,
    e: &LogEntry,
) -> Result<i32> {
    let lang = cfg.language;
    if e.kind.is_some() || e.note.is_some() || e.replied.is_some() {
        return Err(Error::usage(WriteWord::CustomerWordsOnComplaint.text(lang)));
    }
    if !(e.response || e.resolved || e.solution.is_some() || e.csat.is_some()) {
        return Err(Error::usage(WriteWord::NothingToRecord.text(lang)));
    }
    let shown = dir.shown(&f.rel);
    let when = stamp(at, cfg);
    let ev = || record::Ev {
        t: at,
        line: 0,
        col: 0,
    };
    // Is every field this sets there, with the value it sets?
    let holds = |bytes: &[u8]| match clean(f, &shown, bytes, cfg) {
        Ok((_, index::Parsed::Complaint(k))) => {
            let ok = (!e.response || k.first_response.as_ref().is_some_and(|r| r.t == at))
                && (!e.resolved || k.resolved.as_ref().is_some_and(|r| r.t == at))
                && e.solution
                    .as_ref()
                    .is_none_or(|s| k.solution.as_deref() == Some(s.trim()))
                && e.csat.is_none_or(|c| k.csat == Some(i64::from(c)));
            usize::from(ok)
        }
        _ => 0,
    };
    change(
        dir,
        f,
        cfg.language,
        |bytes| {
            let (mut text, parsed) = clean(f, &shown, bytes, cfg)?;
            let index::Parsed::Complaint(old) = parsed else {
                return Err(Error::invalid(cli::record_has_errors(&shown, lang)));
            };
            // Overwriting a resolution, or rating what is not resolved, only
            // when asked to (SPEC §9).
            if let (true, Some(r), false) = (e.resolved, &old.resolved, e.force) {
                let when = crate::time::short(r.t, &cfg.timezone);
                return Err(Error::invalid(cli::already_resolved(&shown, &when, lang)));
            }
            if e.csat.is_some() && !e.resolved && old.resolved.is_none() && !e.force {
                return Err(Error::invalid(cli::csat_while_open(&shown, lang)));
            }
            let mut expected = old.positionless();
            if e.response {
                text = set_field(&text, "first_response", &when);
                expected.first_response = Some(ev());
            }
            if e.resolved {
                text = set_field(&text, "resolved", &when);
                expected.resolved = Some(ev());
            }
            if let Some(s) = &e.solution {
                text = set_field(&text, "solution", &scalar(s.trim()));
                expected.solution = Some(s.trim().to_string());
            }
            if let Some(c) = e.csat {
                text = set_field(&text, "csat", &c.to_string());
                expected.csat = Some(i64::from(c));
            }
            let index::Parsed::Complaint(new) = reparse(f, &shown, &text, cfg)? else {
                return Err(Error::invalid(cli::change_not_valid(&shown, lang)));
            };
            if new.positionless() != expected {
                return Err(Error::invalid(cli::change_not_valid(&shown, lang)));
            }
            Ok(text)
        },
        holds,
    )?;
    println!(
        "{}: {}",
        shown.display(),
        CliWord::ComplaintUpdated.text(cfg.language)
    );
    Ok(0)
}
