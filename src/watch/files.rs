//! The shop's files as the watcher holds them: each file's last good record
//! (a half-written file that fails to parse keeps the previous one) and its
//! current problems, re-read file by file as events come.

use super::classify::Plan;
use crate::error::{Diagnostic, Result};
use crate::shop::config::Config;
use crate::shop::index::{self, kind_of, Found, Parsed, RecordKind, ShopDir};
use crate::shop::record::{Complaint, Customer};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a file that reads empty is given to be written: an editor that
/// saves in place truncates first, and a read in between is no problem yet.
const SETTLE: Duration = Duration::from_millis(150);

/// How often files that could not be read (permissions, I/O) are tried
/// again, so fixing them needs no edit.
const RETRY_UNREADABLE: Duration = Duration::from_secs(2);

struct FileState {
    found: Found,
    /// The last version that parsed without errors.
    good: Option<Parsed>,
    /// Problems of the current text on disk.
    diags: Vec<Diagnostic>,
}

/// Every record file of the shop and shop.toml.
pub struct Files {
    pub dir: ShopDir,
    pub config: Config,
    /// Problems of shop.toml (the last good configuration stays in use).
    pub config_diags: Vec<Diagnostic>,
    files: BTreeMap<PathBuf, FileState>,
    /// Files that read empty just after having content, with when to look again.
    settling: BTreeMap<PathBuf, Instant>,
    /// Files whose last read failed (not for being gone), and the next try.
    unreadable: BTreeSet<PathBuf>,
    next_retry: Option<Instant>,
}

/// What one batch changed.
#[derive(Debug, Default)]
pub struct Changes {
    pub full: bool,
    pub files: Vec<PathBuf>,
    /// Files saved with no change to their records or problems (a second
    /// save, a comment): nothing to rebuild.
    pub same: Vec<PathBuf>,
    /// Some file's problems may have changed (else the shop's list stands).
    pub diags: bool,
    pub customers: BTreeSet<String>,
    pub complaints: BTreeSet<String>,
}

fn touched_ids(p: &Option<Parsed>, rel: &Path, ch: &mut Changes) {
    let id = index::record_id(rel).unwrap_or_default().to_string();
    match kind_of(rel) {
        Some(RecordKind::Customer) => {
            ch.customers.insert(id);
        }
        Some(RecordKind::Complaint) => {
            ch.complaints.insert(id);
            if let Some(Parsed::Complaint(k)) = p {
                ch.customers.insert(k.customer.clone());
            }
        }
        None => {}
    }
}

impl Files {
    /// Reads shop.toml and every record (from the index cache where unchanged).
    pub fn load(dir: ShopDir) -> Result<Files> {
        let config = crate::shop::load::load_config(&dir)?;
        let mut files = Files {
            dir,
            config,
            config_diags: Vec::new(),
            files: BTreeMap::new(),
            settling: BTreeMap::new(),
            unreadable: BTreeSet::new(),
            next_retry: None,
        };
        files.reload_all();
        Ok(files)
    }

    /// The last good record of a file.
    pub fn good(&self, rel: &Path) -> Option<&Parsed> {
        self.files.get(rel)?.good.as_ref()
    }

    /// The current problems of a file.
    pub fn diags(&self, rel: &Path) -> &[Diagnostic] {
        self.files.get(rel).map_or(&[], |st| &st.diags)
    }

    /// Every file's last good record.
    pub fn entries(&self) -> Vec<(Found, Parsed)> {
        self.files
            .values()
            .filter_map(|st| Some((st.found.clone(), st.good.clone()?)))
            .collect()
    }

    /// The problems of shop.toml and of every file's current text.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.config_diags
            .iter()
            .chain(self.files.values().flat_map(|st| &st.diags))
    }

    fn reload_all(&mut self) {
        let scan = crate::shop::dir::walk_in(&self.dir, self.config.language);
        let walk_diags = scan.diags.clone();
        // Start from the index cache: only files changed since the last command are parsed.
        let config_text = std::fs::read(self.dir.root.join("shop.toml")).unwrap_or_default();
        let mut diags = Vec::new();
        let entries = crate::shop::cache::load_records(
            &self.dir,
            &self.config,
            &config_text,
            scan,
            &mut diags,
        );
        let mut by_file: HashMap<PathBuf, Vec<Diagnostic>> = HashMap::new();
        for d in diags {
            let rel = d
                .path
                .strip_prefix(&self.dir.shown_root)
                .unwrap_or(&d.path)
                .to_path_buf();
            by_file.entry(rel).or_default().push(d);
        }
        let mut old = std::mem::take(&mut self.files);
        self.unreadable.clear();
        self.settling.clear();
        for (f, p) in entries {
            if matches!(p, Parsed::Broken) {
                let path = self.dir.root.join(&f.rel);
                self.note_readable(&f.rel, &path, true);
            }
            let previous = old.remove(&f.rel).and_then(|s| s.good);
            let good = match p {
                Parsed::Broken => previous,
                p => Some(p),
            };
            let diags = by_file.remove(&f.rel).unwrap_or_default();
            self.files.insert(
                f.rel.clone(),
                FileState {
                    found: f,
                    good,
                    diags,
                },
            );
        }
        // Problems of the walk itself (symlinks, bad names) belong to no parsed file.
        self.keep_walk_diags(walk_diags);
    }

    /// Records problems found by the walk under the path they name.
    fn keep_walk_diags(&mut self, diags: Vec<Diagnostic>) {
        for d in diags {
            let rel = d
                .path
                .strip_prefix(&self.dir.shown_root)
                .unwrap_or(&d.path)
                .to_path_buf();
            let found = Found {
                kind: kind_of(&rel).unwrap_or(RecordKind::Customer),
                rel: rel.clone(),
            };
            self.files.insert(
                rel,
                FileState {
                    found,
                    good: None,
                    diags: vec![d],
                },
            );
        }
    }

    fn reload_file(&mut self, rel: &Path, ch: &mut Changes, pass: Pass) {
        let path = self.dir.root.join(rel);
        let meta = std::fs::symlink_metadata(&path).ok();
        let is_file = meta.as_ref().is_some_and(|m| m.file_type().is_file());
        let had_text = self
            .files
            .get(rel)
            .is_some_and(|st| st.good.is_some() && st.diags.is_empty());
        if pass == Pass::Event && is_file && meta.as_ref().is_some_and(|m| m.len() == 0) && had_text
        {
            // Truncated for an in-place save: look again shortly (the write
            // usually brings its own event first) before calling it empty.
            self.settling
                .entry(rel.to_path_buf())
                .or_insert_with(|| Instant::now() + SETTLE);
            return;
        }
        self.settling.remove(rel);
        let old_good = self.files.get(rel).and_then(|s| s.good.clone());
        touched_ids(&old_good, rel, ch);
        let Some(kind) = kind_of(rel).filter(|_| is_file) else {
            self.unreadable.remove(rel);
            if let Some(st) = self.files.remove(rel) {
                ch.diags |= !st.diags.is_empty();
                ch.files.push(rel.to_path_buf());
            }
            return;
        };
        let found = Found {
            kind,
            rel: rel.to_path_buf(),
        };
        let (p, diags) = index::parse_file(&self.dir, &self.config, &found);
        self.note_readable(rel, &path, matches!(p, Parsed::Broken));
        if let Some(st) = self.files.get(rel) {
            if st.diags == diags && old_good.as_ref().is_some_and(|o| same_record(o, &p)) {
                ch.same.push(rel.to_path_buf());
                return;
            }
        }
        let good = match p {
            Parsed::Broken => old_good,
            p => Some(p),
        };
        touched_ids(&good, rel, ch);
        ch.diags |= !diags.is_empty() || self.files.get(rel).is_some_and(|st| !st.diags.is_empty());
        self.files
            .insert(rel.to_path_buf(), FileState { found, good, diags });
        ch.files.push(rel.to_path_buf());
    }

    /// Remembers whether a file that failed could not be read at all (as
    /// opposed to holding bad text), to try it again on the next retry.
    fn note_readable(&mut self, rel: &Path, path: &Path, broken: bool) {
        let unreadable = broken
            && std::fs::File::open(path)
                .and_then(|mut f| std::io::Read::read(&mut f, &mut [0u8; 1]))
                .is_err_and(|e| e.kind() != std::io::ErrorKind::NotFound);
        if unreadable {
            self.unreadable.insert(rel.to_path_buf());
        } else {
            self.unreadable.remove(rel);
        }
    }

    /// When [`Files::retry`] has something to do, if ever.
    pub fn next_retry(&self) -> Option<Instant> {
        let settle = self.settling.values().min().copied();
        let unreadable = (!self.unreadable.is_empty()).then(|| {
            self.next_retry
                .unwrap_or_else(|| Instant::now() + RETRY_UNREADABLE)
        });
        settle.into_iter().chain(unreadable).min()
    }

    /// Reads again the files whose time has come: those that read empty a
    /// moment ago, and (every few seconds) those that could not be read.
    pub fn retry(&mut self, now: Instant) -> Changes {
        let mut due: Vec<PathBuf> = self
            .settling
            .iter()
            .filter(|(_, at)| **at <= now)
            .map(|(p, _)| p.clone())
            .collect();
        if !self.unreadable.is_empty() {
            match self.next_retry {
                Some(at) if at > now => {}
                Some(_) => {
                    due.extend(self.unreadable.iter().cloned());
                    self.next_retry = Some(now + RETRY_UNREADABLE);
                }
                None => self.next_retry = Some(now + RETRY_UNREADABLE),
            }
        } else {
            self.next_retry = None;
        }
        let mut ch = Changes::default();
        for rel in due {
            self.reload_file(&rel, &mut ch, Pass::Retry);
        }
        finish(&mut ch);
        ch
    }

    /// Applies a plan: re-reads what changed and reports what it touched.
    pub fn apply(&mut self, plan: &Plan) -> Changes {
        let mut ch = Changes::default();
        if plan.full || plan.config {
            match crate::shop::load::load_config(&self.dir) {
                Ok(c) => {
                    self.config = c;
                    self.config_diags.clear();
                }
                Err(e) => self.config_diags = e.diagnostics,
            }
            self.reload_all();
            ch.full = true;
            ch.files.push(PathBuf::from("shop.toml"));
            return ch;
        }
        if plan.templates {
            ch.full = true;
            ch.files.push(PathBuf::from("templates"));
        }
        for d in &plan.dirs {
            let scan = crate::shop::dir::scan_tree_in(&self.dir, d, self.config.language);
            let (found, walk_diags) = (scan.found, scan.diags);
            let present: BTreeSet<PathBuf> = found.iter().map(|f| f.rel.clone()).collect();
            let gone: Vec<PathBuf> = self
                .files
                .keys()
                .filter(|k| k.starts_with(d) && !present.contains(*k))
                .cloned()
                .collect();
            for rel in gone.iter().chain(present.iter()) {
                self.reload_file(rel, &mut ch, Pass::Event);
            }
            ch.diags = true;
            self.keep_walk_diags(walk_diags);
        }
        for f in &plan.files {
            self.reload_file(f, &mut ch, Pass::Event);
        }
        finish(&mut ch);
        ch
    }
}

/// Why a file is read: an event named it, or a retry came due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pass {
    Event,
    Retry,
}

fn finish(ch: &mut Changes) {
    ch.files.sort();
    ch.files.dedup();
    ch.same.retain(|f| ch.files.binary_search(f).is_err());
    ch.same.sort();
    ch.same.dedup();
}

/// Do two parses of a file hold the same record? The source hash is left
/// out: a comment or spacing changes the text but nothing shown.
fn same_record(a: &Parsed, b: &Parsed) -> bool {
    match (a, b) {
        (Parsed::Customer(x), Parsed::Customer(y)) => {
            Customer {
                source_hash: y.source_hash,
                ..(**x).clone()
            } == **y
        }
        (Parsed::Complaint(x), Parsed::Complaint(y)) => {
            Complaint {
                source_hash: y.source_hash,
                ..(**x).clone()
            } == **y
        }
        _ => false,
    }
}
