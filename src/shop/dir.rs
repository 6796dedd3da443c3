//! The shop on disk: where it is ([`ShopDir::locate`]) and the walk of its
//! record folders, which finds every record file with its stat.

use crate::error::{Diagnostic, Error, Result};
use crate::lang::check::{self as words, Looks};
use crate::shop::config::Lang;
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
    /// Warnings: files in the record folders that look like records but are
    /// not read (`x.yml.txt`, `x.YAML`, `x.json`, `x.txt`), SPEC §3. Kept
    /// apart from `diags`: they name files that are not records.
    pub not_read: Vec<Diagnostic>,
}

/// Walks the record folders. Problems with paths become diagnostics, said
/// in `lang`.
pub fn walk_in(dir: &ShopDir, lang: Lang) -> Scan {
    // The two folders are independent: walk them on both cores.
    let (mut a, b) = rayon::join(
        || scan_tree_in(dir, Path::new(CUSTOMERS_DIR), lang),
        || scan_tree_in(dir, Path::new(COMPLAINTS_DIR), lang),
    );
    a.found.extend(b.found);
    a.stamps.extend(b.stamps);
    a.diags.extend(b.diags);
    a.not_read.extend(b.not_read);
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
/// Every caller wants the files (ids, a record to change): the diagnostics,
/// never shown, are in the default language.
pub fn walk_tree(dir: &ShopDir, sub: &Path) -> (Vec<Found>, Vec<Diagnostic>) {
    let scan = scan_tree_in(dir, sub, Lang::Id);
    (scan.found, scan.diags)
}

/// Walks one folder depth-first, each folder's entries sorted by name (so the
/// result is in path order), skipping dot-files and never following links;
/// its problems said in `lang`.
pub fn scan_tree_in(dir: &ShopDir, sub: &Path, lang: Lang) -> Scan {
    let mut scan = Scan::default();
    let Some(kind) = kind_of(sub) else {
        return scan;
    };
    if std::fs::symlink_metadata(dir.root.join(sub)).is_ok_and(|m| m.is_dir()) {
        scan_folder(dir, kind, sub, &mut scan, lang);
    }
    scan
}

/// Why a folder could not be listed.
fn folder_error(shown: &Path, e: &std::io::Error, lang: Lang) -> Diagnostic {
    let msg = match e.kind() {
        std::io::ErrorKind::PermissionDenied => {
            words::folder_unreadable(&shown.display().to_string(), lang)
        }
        std::io::ErrorKind::NotFound => words::vanished(lang),
        _ => words::read_failed(&e.to_string(), lang),
    };
    Diagnostic::error(shown, 0, 0, msg)
}

fn scan_folder(dir: &ShopDir, kind: RecordKind, rel_dir: &Path, scan: &mut Scan, lang: Lang) {
    let cannot_read = |scan: &mut Scan, e: &std::io::Error| {
        scan.diags.push(folder_error(&dir.shown(rel_dir), e, lang));
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
                words::name_not_utf8(lang),
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
                    words::symlink(lang),
                ));
            }
        } else if file_type.is_dir() {
            // Keep path order: this folder's earlier files first, then the subfolder.
            flush(&mut files, scan);
            scan_folder(dir, kind, &rel, scan, lang);
        } else if file_type.is_file() && is_record_name(&name) {
            files.push((rel, entry));
        } else if let Some(rename) = file_type
            .is_file()
            .then(|| record_rename(&name))
            .flatten()
            .filter(|_| !needs_a_look(&name) || looks_like(&entry.path()) != Looks::Unknown)
        {
            scan.not_read.push(Diagnostic::warning(
                &dir.shown(&rel),
                0,
                0,
                words::not_read_rename(&rename, lang),
            ));
        }
    }
    flush(&mut files, scan);
}

/// The name a file that looks like a record but is not read should have:
/// `siti.yml.txt` → `siti.yml`, `siti.YAML` → `siti.yaml`, `siti.json` and
/// `siti.txt` → `siti.yaml`. `None` for anything else, editor backups
/// included (`siti.yaml~`, `.siti.yaml.swp`, `#siti.yaml#`).
pub fn record_rename(name: &str) -> Option<String> {
    if name.starts_with('.') || name.starts_with('#') || is_record_name(name) {
        return None;
    }
    let lower = name.to_lowercase();
    let cut = |ext: &str| {
        name[..name.len() - ext.len()]
            .to_lowercase()
            .replace(' ', "-")
    };
    for ext in [".yaml.txt", ".yml.txt"] {
        if lower.ends_with(ext) {
            return Some(format!("{}{}", cut(ext), &ext[..ext.len() - 4]));
        }
    }
    for ext in [".yaml", ".yml"] {
        if lower.ends_with(ext) {
            return Some(format!("{}{ext}", cut(ext)));
        }
    }
    for ext in [".json", ".txt"] {
        if lower.ends_with(ext) && name.len() > ext.len() {
            return Some(format!("{}.yaml", cut(ext)));
        }
    }
    None
}

/// `.json` and `.txt` files are warned about only when their text looks
/// like a record (a `notes.txt` beside the records is fine); `.yml.txt` and
/// `.YAML` by their name alone.
fn needs_a_look(name: &str) -> bool {
    let lower = name.to_lowercase();
    (lower.ends_with(".json") || lower.ends_with(".txt"))
        && !lower.ends_with(".yaml.txt")
        && !lower.ends_with(".yml.txt")
}

/// Folders of a shop that hold no records and are not looked into for
/// misplaced ones: the site, the templates, and what tools keep.
const NOT_RECORD_FOLDERS: &[&str] = &[
    CUSTOMERS_DIR,
    COMPLAINTS_DIR,
    "public",
    "templates",
    "node_modules",
    "target",
];

/// Warnings for YAML files outside `customers/` and `complaints/` (SPEC
/// §3): in the shop folder and in its other folders, two levels down
/// (`pelanggan/siti.yaml`, `lama/pelanggan/siti.yaml`). Hidden folders
/// (`.git`, `.langgan`) and [`NOT_RECORD_FOLDERS`] are not looked into; a
/// few folder listings, cheap beside the walk of the record folders.
pub fn outside_records(dir: &ShopDir, lang: Lang) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    outside_in(dir, Path::new(""), 0, lang, &mut out);
    out.sort();
    out
}

fn outside_in(dir: &ShopDir, rel_dir: &Path, depth: u32, lang: Lang, out: &mut Vec<Diagnostic>) {
    let Ok(entries) = std::fs::read_dir(dir.root.join(rel_dir)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        let rel = rel_dir.join(name);
        if file_type.is_dir() {
            if depth < 2 && !(depth == 0 && NOT_RECORD_FOLDERS.contains(&name)) {
                outside_in(dir, &rel, depth + 1, lang, out);
            }
            continue;
        }
        let lower = name.to_lowercase();
        if !file_type.is_file() || !(lower.ends_with(".yaml") || lower.ends_with(".yml")) {
            continue;
        }
        let looks = looks_like(&dir.root.join(&rel));
        let target = record_rename(name).unwrap_or_else(|| name.to_string());
        out.push(Diagnostic::warning(
            &dir.shown(&rel),
            0,
            0,
            words::outside_record_folders(looks, &target, lang),
        ));
    }
}

/// What a file seems to hold, from the keys at the start of its lines (or
/// quoted, as JSON writes them) in its first 4 KiB.
fn looks_like(path: &Path) -> Looks {
    use std::io::Read;
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(4096).read_to_end(&mut head));
    if read.is_err() {
        return Looks::Unknown;
    }
    let text = String::from_utf8_lossy(&head);
    let has = |key: &str| {
        text.lines().any(|l| l.starts_with(&format!("{key}:")))
            || text.contains(&format!("\"{key}\""))
    };
    if has("opened") || has("summary") {
        Looks::Complaint
    } else if has("first_contact") || has("name") {
        Looks::Customer
    } else {
        Looks::Unknown
    }
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

/// A shop-relative path as the site and the records' own views write it:
/// with `/` on every system (as git shows it), not Windows' `\`.
pub fn slash_path(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_look_like_records() {
        for (name, rename) in [
            ("siti.yml.txt", Some("siti.yml")),
            ("siti.yaml.txt", Some("siti.yaml")),
            ("Siti.YAML", Some("siti.yaml")),
            ("siti.Yml", Some("siti.yml")),
            ("siti rahma.json", Some("siti-rahma.yaml")),
            ("siti.txt", Some("siti.yaml")),
            ("siti.yaml", None),
            ("siti.yml", None),
            ("siti.yaml~", None),
            (".siti.yaml.swp", None),
            ("#siti.yaml#", None),
            ("siti.yaml.bak", None),
            ("foto.jpg", None),
            (".txt", None),
        ] {
            assert_eq!(record_rename(name).as_deref(), rename, "{name}");
        }
    }
}
