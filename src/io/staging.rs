//! Crash-safe imports: every file an import writes is first staged in
//! `.langgan/staging/<id>/`, each synced; then a commit marker (`COMMIT`, the
//! list of staged files and where each goes, synced) is written; only then
//! are the files moved into place, each by an atomic link or rename that
//! never replaces a file, and the staging folder removed.
//!
//! A staged file may also replace a record that exists (an import that adds
//! interactions to customers): its entry carries the hash of the bytes the
//! import read, and the file goes in only while the record still holds
//! them, so an edit made meanwhile is never overwritten.
//!
//! An import that ends early (killed, power cut) leaves its staging folder.
//! [`recover`] (run by every command that opens a shop) finishes one that has
//! its commit marker and discards one that has not, so the shop holds the
//! whole import or none of it.

use crate::error::{Error, Result};
use crate::io::atomic::{place_new, private_dir, replace_if, sync_dir, PRIVATE_DIR};
use crate::lang::cli::Refusal;
use crate::shop::hash::fnv1a;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

const STAGING: &str = "staging";
const OWNER: &str = ".owner";
const COMMIT: &str = "COMMIT";
const HEADER: &str = "langgan import 1";
/// A manifest with replacements (a third column, the replaced file's hash):
/// a langgan that knows only version 1 discards it instead of misreading it.
const HEADER_2: &str = "langgan import 2";

/// A staged file: its name in the staging folder, where it goes (relative
/// to the shop), and for a replacement the FNV-1a hash of the bytes it
/// replaces.
type Entry = (String, PathBuf, Option<u64>);

/// An import being staged. Dropped before [`Staging::commit`], it leaves
/// nothing behind.
pub struct Staging {
    root: PathBuf,
    dir: PathBuf,
    /// Locked while this import runs: a folder whose owner lock can be taken
    /// belongs to an import that ended.
    _owner: std::fs::File,
    entries: Vec<Entry>,
    /// After the commit marker, the folder is recovery's to finish.
    committed: bool,
}

impl Staging {
    pub fn begin(root: &Path) -> Result<Staging> {
        let staging = private_dir(root)?.join(STAGING);
        std::fs::create_dir_all(&staging).map_err(|e| Error::io(&staging, &e))?;
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir = staging.join(format!("{}-{nanos}", std::process::id()));
        std::fs::create_dir(&dir).map_err(|e| Error::io(&dir, &e))?;
        let owner_path = dir.join(OWNER);
        let owner = std::fs::File::create(&owner_path).map_err(|e| Error::io(&owner_path, &e))?;
        owner.lock().map_err(|e| Error::io(&owner_path, &e))?;
        Ok(Staging {
            root: root.to_path_buf(),
            dir,
            _owner: owner,
            entries: Vec::new(),
            committed: false,
        })
    }

    /// Writes the files (target path relative to the shop, text), each synced.
    pub fn stage(&mut self, files: &[(PathBuf, String)]) -> Result<()> {
        let texts: Vec<&str> = files.iter().map(|(_, t)| t.as_str()).collect();
        self.write_staged(&texts)?;
        let first = self.entries.len();
        self.entries.extend(
            files
                .iter()
                .enumerate()
                .map(|(n, (rel, _))| (format!("{}.yaml", first + n), rel.clone(), None)),
        );
        Ok(())
    }

    /// Stages new texts of existing records: (target path relative to the
    /// shop, new text, the bytes the text was made from). At the commit,
    /// each goes in only if its record still holds those bytes.
    pub fn stage_replacing(&mut self, files: &[(PathBuf, String, &[u8])]) -> Result<()> {
        let texts: Vec<&str> = files.iter().map(|(_, t, _)| t.as_str()).collect();
        self.write_staged(&texts)?;
        let first = self.entries.len();
        self.entries
            .extend(files.iter().enumerate().map(|(n, (rel, _, base))| {
                (
                    format!("{}.yaml", first + n),
                    rel.clone(),
                    Some(fnv1a(base)),
                )
            }));
        Ok(())
    }

    /// Writes texts as the next staged files, each synced.
    fn write_staged(&self, texts: &[&str]) -> Result<()> {
        let first = self.entries.len();
        let dir = &self.dir;
        texts
            .par_iter()
            .enumerate()
            .try_for_each(|(n, text)| -> Result<()> {
                let path = dir.join(format!("{}.yaml", first + n));
                let write = || -> std::io::Result<()> {
                    let mut f = std::fs::File::create(&path)?;
                    f.write_all(text.as_bytes())?;
                    f.sync_all()
                };
                write().map_err(|e| Error::io(&path, &e))
            })
    }

    /// Writes the commit marker, then moves every staged file into place.
    /// Returns where each went (a name taken meanwhile gets `-2`, `-3`, …).
    /// A record to replace that changed since it was read stops the import
    /// before the marker: nothing is written. The caller holds the shop's
    /// write lock, so langgan's own writers cannot change one meanwhile.
    pub fn commit(mut self) -> Result<Vec<PathBuf>> {
        sync_dir(&self.dir);
        for (_, target, base) in &self.entries {
            if let Some(base) = base {
                let path = self.root.join(target);
                let now = std::fs::read(&path).map_err(|e| Error::io(&path, &e))?;
                if fnv1a(&now) != *base {
                    return Err(Error::usage(format!(
                        "{}: changed while the import was running; nothing was written, run the import again",
                        target.display()
                    )));
                }
            }
        }
        let replaces = self.entries.iter().any(|e| e.2.is_some());
        let mut manifest = format!("{}\n", if replaces { HEADER_2 } else { HEADER });
        for (staged, target, base) in &self.entries {
            let target = target
                .to_str()
                .filter(|t| !t.contains(['\t', '\n']))
                .ok_or_else(|| Error::refused(Refusal::NotAPlainFileName(target.clone())))?;
            match base {
                Some(h) => manifest.push_str(&format!("{staged}\t{target}\t{h:016x}\n")),
                None => manifest.push_str(&format!("{staged}\t{target}\n")),
            }
        }
        manifest.push_str(&format!("end {}\n", self.entries.len()));
        let tmp = self.dir.join(format!("{COMMIT}.tmp"));
        let commit = self.dir.join(COMMIT);
        let write = || -> std::io::Result<()> {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(manifest.as_bytes())?;
            f.sync_all()?;
            crate::io::atomic::rename(&tmp, &commit)
        };
        write().map_err(|e| Error::io(&commit, &e))?;
        sync_dir(&self.dir);
        // From here on the import happens, now or at the next command.
        self.committed = true;
        let placed = move_all(&self.root, &self.dir, &self.entries).map_err(|mut e| {
            e.message.push_str(
                "; the import is committed: the next langgan command in this shop finishes it",
            );
            e
        })?;
        let _ = std::fs::remove_dir_all(&self.dir);
        sync_dir(parent_of(&self.dir));
        Ok(placed)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

fn parent_of(p: &Path) -> &Path {
    p.parent().unwrap_or(Path::new("."))
}

/// Moves the staged files that are still there into place, then syncs the
/// folders they went to. A staged file whose target already holds the same
/// bytes was moved before (by an import that ended during its moves).
fn move_all(root: &Path, dir: &Path, entries: &[Entry]) -> Result<Vec<PathBuf>> {
    let mut placed = Vec::with_capacity(entries.len());
    let mut folders: BTreeSet<PathBuf> = BTreeSet::new();
    for (staged, target, base) in entries {
        let from = dir.join(staged);
        if !from.exists() {
            placed.push(target.clone());
            continue;
        }
        let to_dir = root.join(parent_of(target));
        if let Some(base) = base {
            replace_one(root, &from, target, *base)?;
            folders.insert(to_dir);
            placed.push(target.clone());
            continue;
        }
        std::fs::create_dir_all(&to_dir).map_err(|e| Error::io(&to_dir, &e))?;
        let rel = place_one(root, &from, target)?;
        folders.insert(to_dir);
        placed.push(rel);
    }
    for f in &folders {
        sync_dir(f);
    }
    Ok(placed)
}

/// Puts one staged file in place of the record at `target`, which must still
/// hold the bytes whose hash is `base`. A staged file that itself has that
/// hash is the old record, taken out by a swap that was done before (by an
/// import that ended right after it): only the removal is left.
fn replace_one(root: &Path, from: &Path, target: &Path, base: u64) -> Result<()> {
    let to = root.join(target);
    let staged = std::fs::read(from).map_err(|e| Error::io(from, &e))?;
    if fnv1a(&staged) == base {
        let _ = std::fs::remove_file(from);
        return Ok(());
    }
    if replace_if(from, &to, |now| fnv1a(now) == base).map_err(|e| Error::io(&to, &e))? {
        return Ok(());
    }
    if std::fs::read(&to).is_ok_and(|now| now == staged) {
        let _ = std::fs::remove_file(from);
        return Ok(());
    }
    Err(Error::usage(format!(
        "{}: changed since the import read it; the import's version is kept in {}",
        target.display(),
        from.display()
    )))
}

/// Puts one staged file at `target`, or at `target-2`, `-3`, … when the name
/// was taken meanwhile by another file. Returns the path it went to.
fn place_one(root: &Path, from: &Path, target: &Path) -> Result<PathBuf> {
    let stem = target
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("record")
        .to_string();
    let ext = target
        .extension()
        .and_then(|s| s.to_str())
        .unwrap_or("yaml")
        .to_string();
    let bytes = std::fs::read(from).map_err(|e| Error::io(from, &e))?;
    for n in 1..1000 {
        let rel = if n == 1 {
            target.to_path_buf()
        } else {
            target.with_file_name(format!("{stem}-{n}.{ext}"))
        };
        let to = root.join(&rel);
        match place_new(from, &to) {
            Ok(()) => {
                let _ = std::fs::remove_file(from);
                return Ok(rel);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                if std::fs::read(&to).is_ok_and(|b| b == bytes) {
                    // Moved already (or the very same record is there).
                    let _ = std::fs::remove_file(from);
                    return Ok(rel);
                }
            }
            Err(e) => return Err(Error::io(&to, &e)),
        }
    }
    Err(Error::refused(Refusal::NoFreeName(target.to_path_buf())))
}

/// What [`recover`] did with an import that had ended early.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recovered {
    /// It had its commit marker: its remaining files were moved into place
    /// (the number of files the import wrote in all).
    Completed(usize),
    /// It had not: its staged files were removed; the import wrote nothing.
    Discarded,
    /// It had its marker but the moves failed again (the error); it stays
    /// for the next command.
    Failed(String),
}

/// Finishes or discards every import of this shop that ended early. Imports
/// still running are left alone.
pub fn recover(root: &Path) -> Vec<Recovered> {
    let staging = root.join(PRIVATE_DIR).join(STAGING);
    let Ok(entries) = std::fs::read_dir(&staging) else {
        return Vec::new();
    };
    let mut done = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if !entry.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = std::fs::remove_file(&path);
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        let owner_path = path.join(OWNER);
        // Held for the recovery: a second command recovering at the same
        // time sees the folder as busy and leaves it.
        let owner = std::fs::File::open(&owner_path);
        let locked = owner.as_ref().is_ok_and(|f| f.try_lock().is_ok());
        if !locked && owner.is_ok() {
            continue; // its import is still running
        }
        if !ended(&name, &path) {
            continue; // being set up right now
        }
        done.push(finish_or_discard(root, &path));
        drop(owner);
    }
    if !done.is_empty() {
        sync_dir(&staging);
    }
    done
}

/// Is the import that made this staging folder over? Its owner lock was
/// free (or missing); to tell that from an import between creating the
/// folder and locking it, its process must be gone or the folder be old.
fn ended(name: &str, path: &Path) -> bool {
    let pid = name.split('-').next().and_then(|p| p.parse::<u32>().ok());
    let alive = pid.and_then(crate::io::atomic::pid_alive);
    if alive == Some(false) || pid.is_none() {
        return true;
    }
    std::fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > std::time::Duration::from_secs(60))
}

fn finish_or_discard(root: &Path, dir: &Path) -> Recovered {
    match read_manifest(&dir.join(COMMIT)) {
        Some(entries) => match move_all(root, dir, &entries) {
            Ok(_) => {
                let _ = std::fs::remove_dir_all(dir);
                Recovered::Completed(entries.len())
            }
            Err(e) => Recovered::Failed(e.to_string()),
        },
        None => {
            let _ = std::fs::remove_dir_all(dir);
            Recovered::Discarded
        }
    }
}

/// The commit marker's entries; None when there is no complete marker.
fn read_manifest(path: &Path) -> Option<Vec<Entry>> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut lines = text.lines();
    let header = lines.next()?;
    if header != HEADER && header != HEADER_2 {
        return None;
    }
    let mut entries = Vec::new();
    for line in lines {
        if let Some(n) = line.strip_prefix("end ") {
            return (n.parse::<usize>().ok()? == entries.len()).then_some(entries);
        }
        let (staged, rest) = line.split_once('\t')?;
        let (target, base) = match rest.split_once('\t') {
            Some((t, h)) if header == HEADER_2 => (t, Some(u64::from_str_radix(h, 16).ok()?)),
            Some(_) => return None,
            None => (rest, None),
        };
        let target = PathBuf::from(target);
        // Only plain names inside the shop's record folders.
        let inside = target.is_relative()
            && target
                .components()
                .all(|c| matches!(c, std::path::Component::Normal(_)));
        if staged.contains('/') || !inside {
            return None;
        }
        entries.push((staged.to_string(), target, base));
    }
    None
}

/// Imports into one shop take turns (`.langgan/import.lock`), so two runs of
/// the same file at once do not both create its people.
pub struct ImportLock {
    _file: std::fs::File,
}

pub fn import_lock(root: &Path) -> Result<ImportLock> {
    let path = private_dir(root)?.join("import.lock");
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|e| Error::io(&path, &e))?;
    let start = std::time::Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(ImportLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => {
                if start.elapsed() > std::time::Duration::from_secs(120) {
                    return Err(Error::refused(Refusal::ImportRunning { lock: path }));
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&path, &e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(root: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(root.join("customers"))
            .map(|rd| {
                rd.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    }

    fn plan() -> Vec<(PathBuf, String)> {
        (0..5)
            .map(|i| {
                (
                    PathBuf::from(format!("customers/p{i}.yaml")),
                    format!("name: P{i}\n"),
                )
            })
            .collect()
    }

    #[test]
    fn a_commit_moves_everything_and_leaves_no_staging() {
        let root = tempfile::tempdir().expect("tempdir");
        let mut s = Staging::begin(root.path()).expect("begin");
        s.stage(&plan()).expect("stage");
        // A name taken meanwhile: the staged record goes next to it.
        std::fs::create_dir_all(root.path().join("customers")).expect("mkdir");
        std::fs::write(root.path().join("customers/p3.yaml"), "name: Lain\n").expect("write");
        let placed = s.commit().expect("commit");
        assert_eq!(placed[3], PathBuf::from("customers/p3-2.yaml"));
        assert_eq!(files(root.path()).len(), 6);
        let staging = root.path().join(".langgan/staging");
        assert_eq!(std::fs::read_dir(staging).expect("ls").count(), 0);
        assert!(recover(root.path()).is_empty());
    }

    #[test]
    fn recovery_finishes_a_committed_import_and_discards_the_rest() {
        let root = tempfile::tempdir().expect("tempdir");
        // Committed, with two files moved before the end.
        let mut s = Staging::begin(root.path()).expect("begin");
        s.stage(&plan()).expect("stage");
        let dir = s.dir.clone();
        let entries = s.entries.clone();
        let mut manifest = format!("{HEADER}\n");
        for (a, b, _) in &entries {
            manifest.push_str(&format!("{a}\t{}\n", b.display()));
        }
        manifest.push_str(&format!("end {}\n", entries.len()));
        std::fs::write(dir.join(COMMIT), manifest).expect("write");
        move_all(root.path(), &dir, &entries[..2]).expect("move");
        // Staged again under a dead owner: keep the folder past the drop.
        s.committed = true;
        drop(s);
        let dead = dir.with_file_name("999999999-1");
        std::fs::rename(&dir, &dead).expect("rename");
        // Not committed.
        let mut u = Staging::begin(root.path()).expect("begin");
        u.stage(&[(PathBuf::from("customers/x.yaml"), "name: X\n".into())])
            .expect("stage");
        u.committed = true;
        let udir = u.dir.clone();
        drop(u);
        std::fs::rename(&udir, udir.with_file_name("999999998-1")).expect("rename");
        let mut got = recover(root.path());
        got.sort_by_key(|r| format!("{r:?}"));
        assert_eq!(got, vec![Recovered::Completed(5), Recovered::Discarded]);
        assert_eq!(
            files(root.path()),
            ["p0.yaml", "p1.yaml", "p2.yaml", "p3.yaml", "p4.yaml"]
        );
        let staging = root.path().join(".langgan/staging");
        assert_eq!(std::fs::read_dir(staging).expect("ls").count(), 0);
    }

    #[test]
    fn replacements_go_in_only_over_the_bytes_they_were_made_from() {
        let root = tempfile::tempdir().expect("tempdir");
        let customers = root.path().join("customers");
        std::fs::create_dir_all(&customers).expect("mkdir");
        std::fs::write(customers.join("a.yaml"), "name: A\n").expect("write");
        std::fs::write(customers.join("b.yaml"), "name: B\n").expect("write");
        let rel = |n: &str| PathBuf::from(format!("customers/{n}.yaml"));
        // Both replaced, one created, in one commit.
        let mut s = Staging::begin(root.path()).expect("begin");
        s.stage_replacing(&[
            (
                rel("a"),
                "name: A\nnote: x\n".into(),
                b"name: A\n".as_slice(),
            ),
            (
                rel("b"),
                "name: B\nnote: y\n".into(),
                b"name: B\n".as_slice(),
            ),
        ])
        .expect("stage");
        s.stage(&[(rel("c"), "name: C\n".into())]).expect("stage");
        let placed = s.commit().expect("commit");
        assert_eq!(placed, [rel("a"), rel("b"), rel("c")]);
        let read =
            |n: &str| std::fs::read_to_string(customers.join(format!("{n}.yaml"))).expect("read");
        assert_eq!(read("a"), "name: A\nnote: x\n");
        assert_eq!(read("b"), "name: B\nnote: y\n");
        // A record edited after it was read: nothing at all goes in.
        let mut s = Staging::begin(root.path()).expect("begin");
        s.stage_replacing(&[
            (
                rel("a"),
                "name: A2\n".into(),
                b"name: A\nnote: x\n".as_slice(),
            ),
            (rel("b"), "name: B2\n".into(), b"name: B\n".as_slice()),
        ])
        .expect("stage");
        assert!(s.commit().is_err());
        assert_eq!(read("a"), "name: A\nnote: x\n");
        assert_eq!(read("b"), "name: B\nnote: y\n");
        // Committed, then ended before its moves: recovery finishes them,
        // also one whose swap was done (its staged file is the old record).
        let mut s = Staging::begin(root.path()).expect("begin");
        s.stage_replacing(&[
            (
                rel("a"),
                "name: A3\n".into(),
                b"name: A\nnote: x\n".as_slice(),
            ),
            (
                rel("b"),
                "name: B3\n".into(),
                b"name: B\nnote: y\n".as_slice(),
            ),
        ])
        .expect("stage");
        let dir = s.dir.clone();
        let mut manifest = format!("{HEADER_2}\n");
        for (a, b, h) in &s.entries {
            manifest.push_str(&format!(
                "{a}\t{}\t{:016x}\n",
                b.display(),
                h.expect("hash")
            ));
        }
        manifest.push_str("end 2\n");
        std::fs::write(dir.join(COMMIT), manifest).expect("write");
        std::fs::write(customers.join("b.yaml"), "name: B3\n").expect("write");
        std::fs::write(dir.join("1.yaml"), "name: B\nnote: y\n").expect("write");
        s.committed = true;
        drop(s);
        std::fs::rename(&dir, dir.with_file_name("999999997-1")).expect("rename");
        assert_eq!(recover(root.path()), vec![Recovered::Completed(2)]);
        assert_eq!(read("a"), "name: A3\n");
        assert_eq!(read("b"), "name: B3\n");
        let staging = root.path().join(".langgan/staging");
        assert_eq!(std::fs::read_dir(staging).expect("ls").count(), 0);
    }

    #[test]
    fn a_running_import_is_left_alone() {
        let root = tempfile::tempdir().expect("tempdir");
        let mut s = Staging::begin(root.path()).expect("begin");
        s.stage(&plan()).expect("stage");
        // Its owner lock is held (by this process, through another handle
        // the lock conflicts the same way).
        assert!(recover(root.path()).is_empty());
        assert!(s.dir.exists());
        drop(s);
        assert!(files(root.path()).is_empty());
    }
}
