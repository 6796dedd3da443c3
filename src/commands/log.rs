//! `log`: append an interaction to a customer, or set a complaint's
//! response, resolution, solution or rating. The file must be free of
//! errors before, and read back as exactly the old record plus the change.

use super::{invalid, stamp};
use crate::error::{Diagnostic, Error, Result};
use crate::io::atomic::{atomic_write, Lock};
use crate::io::yaml_edit::{append_interaction, scalar, set_field};
use crate::lang::cli::{self, CliWord};
use crate::shop::config::Config;
use crate::shop::index::{self, find_record, Found, RecordKind, ShopDir};
use crate::shop::record::{self, Kind, KIND_NAMES};
use crate::time::parse_time;
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
    pub response: bool,
    pub resolved: bool,
    pub solution: Option<String>,
    pub csat: Option<u8>,
}

/// Reads a record that must currently be free of errors.
fn read_clean(dir: &ShopDir, cfg: &Config, f: &Found) -> Result<(String, index::Parsed)> {
    let shown = dir.shown(&f.rel);
    let bytes = std::fs::read(dir.root.join(&f.rel)).map_err(|e| Error::io(&shown, &e))?;
    let text = record::decode(&shown, &bytes).map_err(|d| invalid(refusal(&shown), vec![d]))?;
    let (parsed, diags) = index::parse_text(f, &shown, &text, cfg);
    if matches!(parsed, index::Parsed::Broken) || diags.iter().any(Diagnostic::is_error) {
        return Err(invalid(refusal(&shown), diags));
    }
    Ok((text, parsed))
}

fn not_valid(shown: &Path) -> String {
    format!(
        "{}: the change is not valid; nothing was written",
        shown.display()
    )
}

/// Parses the text about to be written; it must load without errors.
fn reparse(f: &Found, shown: &Path, text: &str, cfg: &Config) -> Result<index::Parsed> {
    let (parsed, diags) = index::parse_text(f, shown, text, cfg);
    if matches!(parsed, index::Parsed::Broken) || diags.iter().any(Diagnostic::is_error) {
        return Err(invalid(not_valid(shown), diags));
    }
    Ok(parsed)
}

fn refusal(shown: &Path) -> String {
    format!(
        "{} has errors; fix them first (nothing was changed)",
        shown.display()
    )
}

pub fn log(dir: &ShopDir, now: Option<&str>, id: &str, entry: &LogEntry) -> Result<i32> {
    let cfg = crate::shop::load::load_config(dir)?;
    let now = crate::time::parse_now(now, &cfg.timezone)?;
    let at = match &entry.at {
        Some(s) => parse_time(s, &cfg.timezone).map_err(|m| Error::usage(format!("--at: {m}")))?,
        None => now,
    };
    if let Some(f) = find_record(dir, RecordKind::Customer, id) {
        return log_customer(dir, &cfg, &f, at, entry);
    }
    if let Some(f) = find_record(dir, RecordKind::Complaint, id) {
        return log_complaint(dir, &cfg, &f, at, entry);
    }
    Err(Error::usage(format!(
        "no customer or complaint with id `{id}`"
    )))
}

fn log_customer(
    dir: &ShopDir,
    cfg: &Config,
    f: &Found,
    at: Timestamp,
    e: &LogEntry,
) -> Result<i32> {
    let kind_name = e.kind.as_deref().ok_or_else(|| {
        Error::usage(format!(
            "log CUSTOMER KIND [NOTE]: KIND is one of {}",
            KIND_NAMES.join(", ")
        ))
    })?;
    let kind = Kind::parse(kind_name).ok_or_else(|| {
        Error::usage(format!(
            "unknown kind `{kind_name}`{}; use one of {}",
            crate::text::did_you_mean(kind_name, KIND_NAMES),
            KIND_NAMES.join(", ")
        ))
    })?;
    if e.response || e.resolved || e.solution.is_some() || e.csat.is_some() {
        return Err(Error::usage(
            "--response, --resolved, --solution and --csat are for complaints",
        ));
    }
    let path = dir.root.join(&f.rel);
    let shown = dir.shown(&f.rel);
    let _lock = Lock::acquire(&path)?;
    let (text, parsed) = read_clean(dir, cfg, f)?;
    let index::Parsed::Customer(old) = parsed else {
        return Err(Error::invalid(refusal(&shown)));
    };
    let mut fields: Vec<(&str, String)> =
        vec![("at", stamp(at, cfg)), ("kind", kind.as_str().to_string())];
    if let Some(by) = &e.by {
        fields.push(("by", scalar(by)));
    }
    if let Some(ch) = &e.channel {
        fields.push(("channel", scalar(ch)));
    }
    if let Some(n) = e.note.as_deref().filter(|n| !n.trim().is_empty()) {
        fields.push(("note", scalar(n.trim())));
    }
    let new_text = append_interaction(&text, &fields)
        .map_err(|m| Error::invalid(format!("{}: {m}", shown.display())))?;
    let index::Parsed::Customer(new) = reparse(f, &shown, &new_text, cfg)? else {
        return Err(Error::invalid(not_valid(&shown)));
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
        return Err(Error::invalid(format!(
            "{}: appending would change more than the new interaction; nothing was written",
            shown.display()
        )));
    }
    atomic_write(&path, new_text.as_bytes())?;
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
    if e.kind.is_some() || e.note.is_some() {
        return Err(Error::usage(
            "for a complaint use --response, --resolved, --solution TEXT or --csat N (KIND and NOTE are for customers)",
        ));
    }
    if !(e.response || e.resolved || e.solution.is_some() || e.csat.is_some()) {
        return Err(Error::usage(
            "nothing to record: use --response, --resolved, --solution TEXT or --csat N",
        ));
    }
    let path = dir.root.join(&f.rel);
    let shown = dir.shown(&f.rel);
    let _lock = Lock::acquire(&path)?;
    let (mut text, parsed) = read_clean(dir, cfg, f)?;
    let index::Parsed::Complaint(old) = parsed else {
        return Err(Error::invalid(refusal(&shown)));
    };
    let mut expected = old.positionless();
    let when = stamp(at, cfg);
    if e.response {
        text = set_field(&text, "first_response", &when);
        expected.first_response = Some(record::Ev {
            t: at,
            line: 0,
            col: 0,
        });
    }
    if e.resolved {
        text = set_field(&text, "resolved", &when);
        expected.resolved = Some(record::Ev {
            t: at,
            line: 0,
            col: 0,
        });
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
        return Err(Error::invalid(not_valid(&shown)));
    };
    if new.positionless() != expected {
        return Err(Error::invalid(not_valid(&shown)));
    }
    atomic_write(&path, text.as_bytes())?;
    println!(
        "{}: {}",
        shown.display(),
        CliWord::ComplaintUpdated.text(cfg.language)
    );
    Ok(0)
}
