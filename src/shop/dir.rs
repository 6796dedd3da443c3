//! The shop on disk: where it is ([`ShopDir::locate`]) and the walk of its
//! record folders, which finds every record file with its stat.

use crate::error::{Diagnostic, Error, Result};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

pub const CUSTOMERS_DIR: &str = "customers";
pub const COMPLAINTS_DIR: &str = "complaints";

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RecordKind {
    Customer,
    Complaint,
}

/// A shop on disk: where it is and how to show its paths.
#[derive(Debug, Clone)]
pub struct ShopDir {
    pub root: PathBuf,
    /// Prefix for paths shown to the user (empty when the shop is the working directory).
    pub shown_root: PathBuf,
}

impl ShopDir {
    /// `--shop DIR`, else the nearest folder holding shop.toml from the working directory up.
    /// Errors are said in `lang` (the shop's language is not known yet).
    pub fn locate(explicit: Option<&Path>, lang: crate::shop::config::Lang) -> Result<ShopDir> {
        use crate::lang::cli;
        if let Some(dir) = explicit {
            if !dir.join("shop.toml").is_file() {
                return Err(Error::usage(cli::no_shop_here(dir, lang)));
            }
            let shown = if dir == Path::new(".") {
                PathBuf::new()
            } else {
                dir.to_path_buf()
            };
            return Ok(ShopDir {
                root: dir.to_path_buf(),
                shown_root: shown,
            });
        }
        let cwd =
            std::env::current_dir().map_err(|e| Error::usage(cli::cwd_unreadable(&e, lang)))?;
        let mut dir = cwd.as_path();
        let mut ups = PathBuf::new();
        loop {
            if dir.join("shop.toml").is_file() {
                return Ok(ShopDir {
                    root: dir.to_path_buf(),
                    shown_root: ups,
                });
            }
            match dir.parent() {
                Some(p) => {
                    dir = p;
                    ups.push("..");
                }
                None => return Err(Error::usage(cli::no_shop_anywhere(lang))),
            }
        }
    }

    /// The path as shown in messages for a path relative to the shop.
    pub fn shown(&self, rel: &Path) -> PathBuf {
        self.shown_root.join(rel)
    }
}

/// One record file found by the walk.
#[derive(Debug, Clone)]
pub struct Found {
    pub kind: RecordKind,
    /// Relative to the shop root.
    pub rel: PathBuf,
}

/// Is this a record file name? An allowlist: `*.yaml`/`*.yml`, not a dot-file.
pub fn is_record_name(name: &str) -> bool {
    !name.starts_with('.') && (name.ends_with(".yaml") || name.ends_with(".yml"))
}

/// The record files found by a walk, in path order, each with its size and
/// mtime (taken in the same pass, relative to the open folder, which is much
/// cheaper than a second stat by full path).
#[derive(Default)]
pub struct Scan {
    pub found: Vec<Found>,
    pub stamps: Vec<Option<Stamp>>,
    pub diags: Vec<Diagnostic>,
}

/// Walks the record folders. Problems with paths become diagnostics.
pub fn walk(dir: &ShopDir) -> Scan {
    // The two folders are independent: walk them on both cores.
    let (mut a, b) = rayon::join(
        || scan_tree(dir, Path::new(CUSTOMERS_DIR)),
        || scan_tree(dir, Path::new(COMPLAINTS_DIR)),
    );
    a.found.extend(b.found);
    a.stamps.extend(b.stamps);
    a.diags.extend(b.diags);
    a
}

/// The kind of record a shop-relative path holds, by its top folder.
pub fn kind_of(rel: &Path) -> Option<RecordKind> {
    match rel.components().next()?.as_os_str().to_str()? {
        CUSTOMERS_DIR => Some(RecordKind::Customer),
        COMPLAINTS_DIR => Some(RecordKind::Complaint),
        _ => None,
    }
}

/// Walks one folder inside a record folder (or the record folder itself).
pub fn walk_tree(dir: &ShopDir, sub: &Path) -> (Vec<Found>, Vec<Diagnostic>) {
    let scan = scan_tree(dir, sub);
    (scan.found, scan.diags)
}

/// Walks one folder depth-first, each folder's entries sorted by name (so the
/// result is in path order), skipping dot-files and never following links.
pub fn scan_tree(dir: &ShopDir, sub: &Path) -> Scan {
    let mut scan = Scan::default();
    let Some(kind) = kind_of(sub) else {
        return scan;
    };
    if std::fs::symlink_metadata(dir.root.join(sub)).is_ok_and(|m| m.is_dir()) {
        scan_folder(dir, kind, sub, &mut scan);
    }
    scan
}

fn scan_folder(dir: &ShopDir, kind: RecordKind, rel_dir: &Path, scan: &mut Scan) {
    let cannot_read = |scan: &mut Scan, e: &std::io::Error| {
        scan.diags.push(Diagnostic::error(
            &dir.shown(rel_dir),
            0,
            0,
            format!("cannot read: {}", crate::error::describe_io(e)),
        ));
    };
    let entries = match std::fs::read_dir(dir.root.join(rel_dir)) {
        Ok(rd) => rd,
        Err(e) => return cannot_read(scan, &e),
    };
    let mut names: Vec<(String, std::fs::DirEntry)> = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                cannot_read(scan, &e);
                continue;
            }
        };
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            scan.diags.push(Diagnostic::error(
                &dir.shown(&rel_dir.join(&name)),
                0,
                0,
                "file name is not valid UTF-8; rename it with plain letters and digits",
            ));
            continue;
        };
        if !name.starts_with('.') {
            names.push((name.to_string(), entry));
        }
    }
    names.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    // Record files of this folder, stat'ed together on every core at the end.
    let mut files: Vec<(PathBuf, std::fs::DirEntry)> = Vec::new();
    let flush = |files: &mut Vec<(PathBuf, std::fs::DirEntry)>, scan: &mut Scan| {
        // fstatat on the open folder: no second lookup of the whole path.
        let stamps: Vec<_> = files
            .par_iter()
            .map(|(_, e)| e.metadata().ok().and_then(|m| Stamp::of(&m)))
            .collect();
        for ((rel, _), stamp) in files.drain(..).zip(stamps) {
            scan.found.push(Found { kind, rel });
            scan.stamps.push(stamp);
        }
    };
    for (name, entry) in names {
        let rel = rel_dir.join(&name);
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_symlink() {
            let to_dir = std::fs::metadata(entry.path()).map_or(true, |m| m.is_dir());
            if is_record_name(&name) || to_dir {
                scan.diags.push(Diagnostic::error(
                    &dir.shown(&rel),
                    0,
                    0,
                    "symbolic links are not followed; put the record file itself here",
                ));
            }
        } else if file_type.is_dir() {
            // Keep path order: this folder's earlier files first, then the subfolder.
            flush(&mut files, scan);
            scan_folder(dir, kind, &rel, scan);
        } else if file_type.is_file() && is_record_name(&name) {
            files.push((rel, entry));
        }
    }
    flush(&mut files, scan);
}

/// Finds a record file by id without parsing the shop.
pub fn find_record(dir: &ShopDir, kind: RecordKind, id: &str) -> Option<Found> {
    let sub = match kind {
        RecordKind::Customer => CUSTOMERS_DIR,
        RecordKind::Complaint => COMPLAINTS_DIR,
    };
    walk_tree(dir, Path::new(sub))
        .0
        .into_iter()
        .find(|f| record_id(&f.rel) == Some(id))
}

/// The id of a record: its file stem.
pub fn record_id(rel: &Path) -> Option<&str> {
    rel.file_stem().and_then(|s| s.to_str())
}

/// What a stat says about a file: enough to tell it has not changed.
#[derive(serde::Serialize, serde::Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
pub struct Stamp {
    pub size: u64,
    pub mtime_ns: u128,
}

impl Stamp {
    /// For a file whose stat failed.
    pub const UNKNOWN: Stamp = Stamp {
        size: 0,
        mtime_ns: 0,
    };

    pub fn of(m: &std::fs::Metadata) -> Option<Stamp> {
        let mtime = m
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        Some(Stamp {
            size: m.len(),
            mtime_ns: mtime.as_nanos(),
        })
    }
}
