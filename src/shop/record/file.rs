//! One record file → [`Parsed`]: the id its name gives, the bytes decoded,
//! git conflict markers refused, then the customer or complaint parser.

use crate::error::{Diagnostic, SourceLine};
use crate::shop::config::{is_slug, Config};
use crate::shop::dir::{record_id, Found, RecordKind, ShopDir};
use crate::shop::record::{self, Complaint, Customer};
use std::path::Path;
use std::sync::Arc;

/// The result of parsing one file.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
pub enum Parsed {
    Customer(Arc<Customer>),
    Complaint(Arc<Complaint>),
    Broken,
}

pub fn parse_file(dir: &ShopDir, cfg: &Config, f: &Found) -> (Parsed, Vec<Diagnostic>) {
    match std::fs::read(dir.root.join(&f.rel)) {
        Ok(bytes) => parse_bytes(dir, cfg, f, &bytes),
        Err(e) => (
            Parsed::Broken,
            vec![Diagnostic::error(
                &dir.shown(&f.rel),
                0,
                0,
                format!("cannot read: {}", crate::error::describe_io(&e)),
            )],
        ),
    }
}

/// Parses a record file's bytes (already read).
pub fn parse_bytes(
    dir: &ShopDir,
    cfg: &Config,
    f: &Found,
    bytes: &[u8],
) -> (Parsed, Vec<Diagnostic>) {
    let shown = dir.shown(&f.rel);
    let id = record_id(&f.rel).unwrap_or_default();
    if !is_slug(id) {
        return (
            Parsed::Broken,
            vec![Diagnostic::error(
                &shown,
                0,
                0,
                format!(
                    "`{id}` is not a valid id: file names must be lowercase letters, digits, `.`, `_` or `-` (like `siti-rahma.yaml`)"
                ),
            )],
        );
    }
    let text = match record::decode(&shown, bytes) {
        Ok(t) => t,
        Err(d) => return (Parsed::Broken, vec![d]),
    };
    parse_text(f, &shown, &text, cfg)
}

/// Lines holding git merge conflict markers (`<<<<<<<`, `=======`,
/// `>>>>>>>`): each line's number, the byte where it starts, and the marker.
pub fn conflict_markers(text: &str) -> Vec<(u32, usize, &'static str)> {
    let mut start = 0;
    let mut found = Vec::new();
    for (i, raw) in text.split_inclusive('\n').enumerate() {
        let line_start = start;
        start += raw.len();
        let l = raw.strip_suffix('\n').unwrap_or(raw);
        let l = l.strip_suffix('\r').unwrap_or(l);
        let marker = ["<<<<<<<", "=======", ">>>>>>>", "|||||||"]
            .into_iter()
            .find(|m| {
                l.starts_with(m)
                    && l[m.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| c == ' ' || c == '\r')
            });
        if let Some(m) = marker {
            found.push((i as u32 + 1, line_start, m));
        }
    }
    found
}

pub fn parse_text(f: &Found, shown: &Path, text: &str, cfg: &Config) -> (Parsed, Vec<Diagnostic>) {
    let markers = conflict_markers(text);
    if !markers.is_empty() {
        let diags = markers
            .into_iter()
            .map(|(line, offset, m)| {
                let what = match m {
                    "<<<<<<<" => "start of a git merge conflict (your side follows)",
                    "=======" => "middle of a git merge conflict (the other side follows)",
                    "|||||||" => "common ancestor of a git merge conflict",
                    _ => "end of a git merge conflict",
                };
                Diagnostic::error(
                    shown,
                    line,
                    1,
                    format!("`{m}`: {what}; keep the right lines, delete the markers, then save"),
                )
                .with_source(SourceLine::at(text, offset, m.len()))
            })
            .collect();
        return (Parsed::Broken, diags);
    }
    let id = record_id(&f.rel).unwrap_or_default();
    match f.kind {
        RecordKind::Customer => {
            let (c, d) = record::parse_customer(id, shown, text, cfg);
            match c {
                Some(mut c) => {
                    c.path = f.rel.clone();
                    (Parsed::Customer(Arc::new(c)), d)
                }
                None => (Parsed::Broken, d),
            }
        }
        RecordKind::Complaint => {
            let (c, d) = record::parse_complaint(id, shown, text, cfg);
            match c {
                Some(mut c) => {
                    c.path = f.rel.clone();
                    (Parsed::Complaint(Arc::new(c)), d)
                }
                None => (Parsed::Broken, d),
            }
        }
    }
}
