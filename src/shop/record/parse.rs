//! Record text → raw records: the YAML as written, each value with its
//! position, and serde's complaints rewritten in plain words at their place.

use crate::error::{Diagnostic, SourceLine};
use crate::text::plain_serde_message;
use serde::Deserialize;
use serde_saphyr::{Location, Spanned};
use std::collections::BTreeMap;
use std::path::Path;

pub(super) type S<T> = Spanned<T>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCustomer {
    pub(super) name: S<String>,
    pub(super) call: Option<S<String>>,
    pub(super) phone: Option<S<String>>,
    pub(super) handles: Option<BTreeMap<String, S<Option<String>>>>,
    pub(super) email: Option<S<String>>,
    pub(super) city: Option<String>,
    pub(super) source: Option<S<String>>,
    pub(super) admin: Option<S<String>>,
    pub(super) first_contact: S<String>,
    pub(super) tags: Option<Vec<String>>,
    pub(super) interested: Option<Vec<S<String>>>,
    pub(super) note: Option<String>,
    pub(super) orders: Option<Vec<S<RawOrder>>>,
    pub(super) interactions: Option<Vec<S<RawInteraction>>>,
    pub(super) feedback: Option<Vec<S<RawFeedback>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOrder {
    pub(super) at: S<String>,
    pub(super) items: S<Vec<S<RawItem>>>,
    pub(super) paid: Option<S<String>>,
    pub(super) shipped: Option<S<String>>,
    pub(super) delivered: Option<S<String>>,
    pub(super) cancelled: Option<S<String>>,
    pub(super) channel: Option<S<String>>,
    #[serde(rename = "ref")]
    pub(super) reference: Option<S<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawItem {
    pub(super) product: S<String>,
    pub(super) qty: Option<S<i64>>,
    pub(super) price: Option<S<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawInteraction {
    pub(super) at: S<String>,
    pub(super) kind: S<String>,
    pub(super) by: Option<S<String>>,
    pub(super) channel: Option<String>,
    pub(super) note: Option<String>,
    pub(super) replied: Option<S<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFeedback {
    pub(super) at: S<String>,
    pub(super) rating: Option<S<i64>>,
    pub(super) nps: Option<S<i64>>,
    pub(super) text: Option<String>,
    pub(super) public: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawComplaint {
    pub(super) customer: S<String>,
    pub(super) opened: S<String>,
    pub(super) summary: S<String>,
    pub(super) category: Option<String>,
    pub(super) channel: Option<String>,
    pub(super) admin: Option<S<String>>,
    pub(super) first_response: Option<S<String>>,
    pub(super) root_cause: Option<String>,
    pub(super) solution: Option<String>,
    pub(super) resolved: Option<S<String>>,
    pub(super) contacts: Option<S<i64>>,
    pub(super) csat: Option<S<i64>>,
}

/// Records larger than this are refused: no hand-kept record is that big.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

fn yaml_options() -> serde_saphyr::Options {
    let mut o = serde_saphyr::Options::default();
    o.strict_booleans = true;
    o
}

/// The first problem serde met, as a diagnostic at its place, in plain words.
fn yaml_error(path: &Path, text: &str, e: &serde_saphyr::Error) -> Diagnostic {
    let (mut line, mut col) = e
        .location()
        .map_or((0, 0), |l| (l.line() as u32, l.column() as u32));
    let rendered = e
        .without_snippet()
        .render_with_options(serde_saphyr::render_options! {
            snippets: serde_saphyr::SnippetMode::Off,
        });
    let first = rendered.lines().next().unwrap_or("").trim();
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let mut msg = strip_position(first).to_string();
    // "(defined at line 3, column 10) (used at line 4, column 14)": aliases.
    let mut alias_from = None;
    if let Some(i) = msg.find(" (defined at line ") {
        let tail = &msg[i + " (defined at line ".len()..];
        alias_from = tail.split(',').next().map(str::to_string);
        msg.truncate(i);
    }
    let key_on_line = |n: u32| -> String {
        text.lines()
            .nth(n.saturating_sub(1) as usize)
            .and_then(|l| l.trim_start().trim_start_matches("- ").split_once(':'))
            .map(|(k, _)| k.trim().to_string())
            .unwrap_or_default()
    };
    let plain = if msg.starts_with("cannot deserialize null") {
        let key = key_on_line(line);
        if key.is_empty() {
            "a value is required here".to_string()
        } else {
            format!("`{key}` is empty; write a value after `{key}:`")
        }
    } else if let Some(rest) = msg.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        format!("duplicate key `{key}`: it appears twice in the same block; keep only one")
    } else if msg.starts_with("multiple YAML documents") {
        "a record file holds one YAML document; remove the `---` line and what follows it (or split it into two files)".to_string()
    } else if msg.starts_with("budget breached") {
        "this file is too large, too deeply nested or expands aliases too much to be read safely"
            .to_string()
    } else if msg.starts_with("expected sequence start") {
        "expected a list here (items on their own lines starting with `- `, or `[a, b]`)"
            .to_string()
    } else if msg.starts_with("expected mapping start") {
        if key_on_line(line) == "handles" {
            "`handles` pairs a marketplace with a username, like `handles: {shopee: sitirahma88}`"
                .to_string()
        } else {
            "expected `field: value` lines here".to_string()
        }
    } else if msg.starts_with("expected string scalar") {
        "expected text here, not a list or a block".to_string()
    } else if msg.starts_with("missing field") {
        // serde points at the last key of the mapping; the mapping's first key is more useful.
        if line > 0 && col > 0 {
            line = mapping_start(text, line, col);
        }
        plain_serde_message(&msg)
    } else {
        plain_serde_message(&msg)
    };
    let mut plain = if plain.is_empty() {
        "this file is not valid YAML".to_string()
    } else {
        plain
    };
    if let Some(from) = alias_from {
        plain.push_str(&format!(
            " (the value comes from line {from} through an alias)"
        ));
    }
    if line == 0 {
        col = 0;
    }
    let source = match e.location() {
        Some(l) if l.line() == u64::from(line) => source_line(text, &l, l.span().len() as usize),
        _ => SourceLine::at_line_col(text, line, col, 1),
    };
    Diagnostic::error(path, line, col, plain).with_source(source)
}

/// `message at line 3, column 7` → `message`.
fn strip_position(msg: &str) -> &str {
    if let Some(i) = msg.rfind(" at line ") {
        let tail = &msg[i + " at line ".len()..];
        if tail
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == ' ' || c.is_ascii_alphabetic())
            && tail.contains("column")
        {
            return &msg[..i];
        }
    }
    msg
}

/// The first line of the block mapping whose key at (`line`, `col`) serde
/// reported: walk up over keys at the same indentation.
fn mapping_start(text: &str, line: u32, col: u32) -> u32 {
    let lines: Vec<&str> = text.lines().collect();
    let indent = col.saturating_sub(1) as usize;
    let mut start = line;
    let mut n = line as usize;
    while n > 1 {
        n -= 1;
        let l = lines.get(n - 1).copied().unwrap_or("");
        let trimmed = l.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let lead = l.len() - trimmed.len();
        if lead > indent {
            // Nested content of a key above.
            continue;
        }
        if lead == indent {
            start = n as u32;
            continue;
        }
        // `- key:` opening the list item whose keys sit at `indent`.
        if trimmed.starts_with("- ") && lead + 2 == indent {
            start = n as u32;
        }
        break;
    }
    start
}

/// Decodes file bytes: UTF-8 with an optional BOM; anything else is refused.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String, Diagnostic> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            path,
            0,
            0,
            format!(
                "file is too large ({} MiB); a record must stay under {} MiB",
                bytes.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) if s.contains('\0') => Err(Diagnostic::error(
            path,
            0,
            0,
            "file contains binary data, not text",
        )),
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            // Shown with `�` for the bytes that are not text; the valid part
            // before them is the same text, so its offsets hold.
            let shown = String::from_utf8_lossy(bytes);
            let (line, col) = crate::text::line_col(&shown, e.valid_up_to());
            let source = SourceLine::at(&shown, e.valid_up_to(), 1);
            Err(Diagnostic::error(
                path,
                line,
                col,
                "file is not UTF-8 text (save it as UTF-8 in your editor)",
            )
            .with_source(source))
        }
    }
}

/// The line of `text` that `at` points into, `width` characters of the value
/// underlined.
pub(super) fn source_line(text: &str, at: &Location, width: usize) -> Option<SourceLine> {
    match at.span().byte_offset() {
        Some(offset) => SourceLine::at(text, usize::try_from(offset).ok()?, width),
        None => SourceLine::at_line_col(text, at.line() as u32, at.column() as u32, width),
    }
}

pub(super) fn parse_yaml<T: for<'de> Deserialize<'de>>(
    path: &Path,
    text: &str,
) -> Result<T, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::error(path, 0, 0, "file is empty"));
    }
    serde_saphyr::from_str_with_options(text, yaml_options())
        .map_err(|e| yaml_error(path, text, &e))
}
