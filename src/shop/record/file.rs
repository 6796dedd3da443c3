//! One record file → [`Parsed`]: the id its name gives, the bytes decoded,
//! git conflict markers refused, then the customer or complaint parser.

use crate::error::{Diagnostic, SourceLine};
use crate::lang::check as words;
use crate::shop::config::{is_slug, Config, Lang};
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
    parse_read(dir, cfg, f, std::fs::read(dir.root.join(&f.rel)))
}

/// A record file as reading it went: its bytes parsed, or why it could not
/// be read. The one place both the cache and a fresh load turn a read into
/// a record, so an unreadable file is never taken for an empty one.
pub fn parse_read(
    dir: &ShopDir,
    cfg: &Config,
    f: &Found,
    read: std::io::Result<Vec<u8>>,
) -> (Parsed, Vec<Diagnostic>) {
    match read {
        Ok(bytes) => parse_bytes(dir, cfg, f, &bytes),
        Err(e) => (
            Parsed::Broken,
            vec![read_error(&dir.shown(&f.rel), &e, cfg.language)],
        ),
    }
}

/// Why a record file listed by the walk could not be read: no permission,
/// gone since the walk, or the system's own words.
pub fn read_error(shown: &Path, e: &std::io::Error, lang: Lang) -> Diagnostic {
    let msg = match e.kind() {
        std::io::ErrorKind::PermissionDenied => {
            words::unreadable(&shown.display().to_string(), lang)
        }
        std::io::ErrorKind::NotFound => words::vanished(lang),
        _ => words::read_failed(&e.to_string(), lang),
    };
    Diagnostic::error(shown, 0, 0, msg)
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
                words::not_a_slug(id, cfg.language),
            )],
        );
    }
    let text = match record::decode_in(&shown, bytes, cfg.language) {
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
                Diagnostic::error(shown, line, 1, words::conflict_marker(m, cfg.language))
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Error, ErrorKind};
    use std::path::PathBuf;

    fn setup() -> (ShopDir, Config, Found) {
        let dir = ShopDir {
            root: PathBuf::from("/nonexistent-test-shop"),
            shown_root: PathBuf::new(),
        };
        let f = Found {
            kind: RecordKind::Customer,
            rel: PathBuf::from("customers/siti.yaml"),
        };
        (dir, Config::for_tests("Asia/Jakarta"), f)
    }

    /// Issue 13.7: unreadable, vanished and empty are three different things.
    #[test]
    fn read_failures_are_told_apart_from_empty_files() {
        let (dir, mut cfg, f) = setup();
        let said = |cfg: &Config, read| {
            let (p, d) = parse_read(&dir, cfg, &f, read);
            assert!(matches!(p, Parsed::Broken));
            assert_eq!(d.len(), 1);
            d[0].to_string()
        };
        let denied = said(&cfg, Err(Error::from(ErrorKind::PermissionDenied)));
        assert_eq!(
            denied,
            "customers/siti.yaml:1:1: error: berkas ini tidak bisa dibaca: tidak ada izin baca (permission denied); beri izin baca, misalnya `chmod u+r customers/siti.yaml`, lalu jalankan lagi"
        );
        let gone = said(&cfg, Err(Error::from(ErrorKind::NotFound)));
        assert!(gone.contains("hilang saat sedang dibaca"), "{gone}");
        let empty = said(&cfg, Ok(Vec::new()));
        assert!(empty.contains("berkas ini kosong"), "{empty}");
        let other = said(&cfg, Err(Error::other("disk on fire")));
        assert!(
            other.ends_with("tidak bisa dibaca: disk on fire"),
            "{other}"
        );
        cfg.language = Lang::En;
        let denied = said(&cfg, Err(Error::from(ErrorKind::PermissionDenied)));
        assert!(denied.contains("this file cannot be read: no read permission (permission denied); give yourself read access, e.g. `chmod u+r customers/siti.yaml`"), "{denied}");
        assert!(said(&cfg, Err(Error::from(ErrorKind::NotFound)))
            .contains("disappeared while it was being read"));
        let all = [denied, gone, empty, other];
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }
}
