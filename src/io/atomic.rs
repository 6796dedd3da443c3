//! Safe writes: a temporary file in the same folder, synced, then a rename
//! into place, so a reader never sees half a file and a crash never loses the
//! old one. Temporary files are named `.NAME.langgan-PID.tmp` (replacing) or
//! `.NAME.langgan-PID.new` (creating); those of a process that is gone are
//! swept by [`sweep_temps`].
//!
//! Writers of records take the shop's write lock ([`Lock`]) and change a
//! record with [`replace_checked`], which never overwrites an edit made
//! outside langgan meanwhile (an editor, `sed -i`).

use crate::error::{Error, Result};
use crate::lang::cli::Refusal;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

/// The shop's private folder (git-ignored; the index cache lives there too).
pub const PRIVATE_DIR: &str = ".langgan";

pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<()> {
    write_via_temp(path, bytes, true)
}

/// The same without waiting for the disk: for generated files (the site) that
/// a rebuild recreates, where a sync per page would dominate the build.
pub fn atomic_write_unsynced(path: &Path, bytes: &[u8]) -> Result<()> {
    write_via_temp(path, bytes, false)
}

fn parent(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// `.NAME.langgan-PID.EXT` beside `path`.
fn temp_path(path: &Path, ext: &str) -> Result<PathBuf> {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| Error::refused(Refusal::NotAFileName(path.to_path_buf())))?;
    Ok(parent(path).join(format!(".{name}.langgan-{}.{ext}", std::process::id())))
}

/// The process id in a temporary file's name, when it is one of ours.
pub fn temp_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?;
    let rest = rest
        .strip_suffix(".tmp")
        .or_else(|| rest.strip_suffix(".new"))?;
    let (stem, pid) = rest.rsplit_once(".langgan-")?;
    if stem.is_empty() || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// Writes a whole file and (with `sync`) waits until it is on disk.
fn write_file(path: &Path, bytes: &[u8], sync: bool) -> std::io::Result<()> {
    let mut f = std::fs::File::create(path)?;
    f.write_all(bytes)?;
    if sync {
        f.sync_all()?;
    }
    Ok(())
}

/// `std::fs::rename`. On Windows a rename over a file fails while another
/// program has it open (an editor, the search indexer, a virus scanner):
/// there it is tried again for up to 2 s before giving up.
pub fn rename(from: &Path, to: &Path) -> std::io::Result<()> {
    #[cfg(windows)]
    {
        use std::time::{Duration, Instant};
        let deadline = Instant::now() + Duration::from_secs(2);
        let mut pause = Duration::from_millis(10);
        loop {
            match std::fs::rename(from, to) {
                Err(e)
                    if e.kind() == std::io::ErrorKind::PermissionDenied
                        && Instant::now() < deadline =>
                {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(200));
                }
                other => return other,
            }
        }
    }
    #[cfg(not(windows))]
    std::fs::rename(from, to)
}

/// Makes a rename or a new name in `dir` durable. Best effort: not every
/// system lets a folder be synced.
pub fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// A new file keeps the permissions of the one it replaces.
fn keep_mode(from: &Path, to: &Path) {
    if let Ok(m) = std::fs::metadata(from) {
        let _ = std::fs::set_permissions(to, m.permissions());
    }
}

fn write_via_temp(path: &Path, bytes: &[u8], sync: bool) -> Result<()> {
    let tmp = temp_path(path, "tmp")?;
    let result = (|| -> std::io::Result<()> {
        write_file(&tmp, bytes, sync)?;
        keep_mode(path, &tmp);
        rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, &e));
    }
    if sync {
        sync_dir(parent(path));
    }
    Ok(())
}

/// Creates a new file without ever replacing one: temp file, then a hard link
/// (which fails when the name exists), then the temp is removed.
pub fn create_new(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = parent(path);
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, &e))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("new");
    let tmp = dir.join(format!(".{name}.langgan-{}.new", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        write_file(&tmp, bytes, true)?;
        place_new(&tmp, path)
    })();
    let _ = std::fs::remove_file(&tmp);
    result.map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            Error::refused(Refusal::AlreadyExists(path.to_path_buf()))
        } else {
            Error::io(path, &e)
        }
    })?;
    sync_dir(dir);
    Ok(())
}

/// Gives the file `from` the new name `to`, failing with `AlreadyExists`
/// when `to` exists (never replacing it). A hard link where the file system
/// has them (`from` stays; the caller removes it), else an exclusive rename.
pub fn place_new(from: &Path, to: &Path) -> std::io::Result<()> {
    match std::fs::hard_link(from, to) {
        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => match rename_noreplace(from, to)
        {
            Some(r) => r,
            None if std::fs::symlink_metadata(to).is_ok() => Err(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "file exists",
            )),
            None => rename(from, to),
        },
        other => other,
    }
}

/// `rename` that fails when the target exists; None where the system cannot.
#[cfg(target_os = "linux")]
fn rename_noreplace(from: &Path, to: &Path) -> Option<std::io::Result<()>> {
    match renameat2(from, to, libc::RENAME_NOREPLACE) {
        Err(e) if matches!(e.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS)) => None,
        r => Some(r),
    }
}

#[cfg(not(target_os = "linux"))]
fn rename_noreplace(_from: &Path, _to: &Path) -> Option<std::io::Result<()>> {
    None
}

#[cfg(target_os = "linux")]
fn renameat2(from: &Path, to: &Path, flags: libc::c_uint) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        std::ffi::CString::new(p.as_os_str().as_bytes())
            .map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidInput))
    };
    let (a, b) = (c(from)?, c(to)?);
    // The system call itself: musl (the static release build) has no
    // renameat2 wrapper before 1.2.5.
    // SAFETY: both are valid NUL-terminated paths that outlive the call.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            flags,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Swaps two files atomically (each name then holds the other's file); None
/// where the system or the file system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> Option<std::io::Result<()>> {
    match renameat2(a, b, libc::RENAME_EXCHANGE) {
        Err(e) if matches!(e.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS)) => None,
        r => Some(r),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> Option<std::io::Result<()>> {
    None
}

/// How many times [`replace_checked`] redoes an edit on a file that keeps
/// changing under it before it gives up.
pub const EDIT_ATTEMPTS: usize = 10;

/// Replaces `path`, whose bytes were `base` when read, by `edit(base)`,
/// without losing a change made by someone else in the meantime: just before
/// the new text goes in, the file is read again, and if it is no longer
/// byte-identical to `base` the edit is redone on what is there now. Where
/// the system can, the new file goes in with an atomic exchange and the file
/// taken out is compared too, closing the gap between that check and the
/// rename: an outside save that slipped in is put back and the edit redone.
/// Gives up (writing nothing) after [`EDIT_ATTEMPTS`]. Returns the bytes
/// written and how many times the edit was redone.
///
/// The caller holds the shop's [`Lock`], so langgan's own writers take turns;
/// this guards against writers that do not take it.
pub fn replace_checked(
    path: &Path,
    mut base: Vec<u8>,
    mut edit: impl FnMut(&[u8]) -> Result<Vec<u8>>,
) -> Result<(Vec<u8>, usize)> {
    let tmp = temp_path(path, "tmp")?;
    let io = |e: std::io::Error| Error::io(path, &e);
    let cleanup = |e: Error| {
        let _ = std::fs::remove_file(&tmp);
        e
    };
    for redone in 0..EDIT_ATTEMPTS {
        let new = edit(&base).map_err(cleanup)?;
        write_file(&tmp, &new, true).map_err(io).map_err(cleanup)?;
        keep_mode(path, &tmp);
        let now = std::fs::read(path).map_err(io).map_err(cleanup)?;
        if now != base {
            // Changed since it was read: do the edit again on the new text.
            base = now;
            continue;
        }
        match exchange(&tmp, path) {
            None => {
                // No atomic exchange here: the check above is the last word.
                rename(&tmp, path).map_err(io).map_err(cleanup)?;
                sync_dir(parent(path));
                return Ok((new, redone));
            }
            Some(Err(e)) => return Err(cleanup(io(e))),
            Some(Ok(())) => {
                let out = std::fs::read(&tmp).map_err(io);
                match out {
                    Ok(out) if out == base => {
                        let _ = std::fs::remove_file(&tmp);
                        sync_dir(parent(path));
                        return Ok((new, redone));
                    }
                    Ok(out) => {
                        // Someone saved between the check and the exchange:
                        // put their file back, then redo the edit on it.
                        if !matches!(exchange(&tmp, path), Some(Ok(()))) {
                            // Cannot swap back: a plain rename restores theirs.
                            let _ = rename(&tmp, path);
                            return Err(cleanup(kept_changing(path)));
                        }
                        base = out;
                    }
                    Err(e) => {
                        // What was taken out cannot be checked: put it back.
                        let _ = exchange(&tmp, path);
                        return Err(cleanup(e));
                    }
                }
            }
        }
    }
    Err(cleanup(kept_changing(path)))
}

/// Puts the file `from` in place of `to` (keeping `to`'s permissions) when
/// what `to` holds passes `unchanged`; returns false, changing nothing, when
/// it does not. Where the system can, the swap is atomic and the file taken
/// out is checked too (an outside save that slipped in is put back). `from`
/// is gone afterwards when the file went in; the caller syncs `to`'s folder
/// ([`sync_dir`]) to make the rename durable. For a committed import
/// (`io::staging`); single edits use [`replace_checked`].
pub fn replace_if(
    from: &Path,
    to: &Path,
    unchanged: impl Fn(&[u8]) -> bool,
) -> std::io::Result<bool> {
    if !unchanged(&std::fs::read(to)?) {
        return Ok(false);
    }
    keep_mode(to, from);
    match exchange(from, to) {
        None => std::fs::rename(from, to)?,
        Some(r) => {
            r?;
            let out = std::fs::read(from)?;
            if !unchanged(&out) {
                exchange(from, to).unwrap_or_else(|| std::fs::rename(from, to))?;
                return Ok(false);
            }
            std::fs::remove_file(from)?;
        }
    }
    // The caller syncs the folder, once for all the files it replaced there.
    Ok(true)
}

fn kept_changing(path: &Path) -> Error {
    Error::refused(Refusal::KeptChanging(path.to_path_buf()))
}

/// The shop's private folder, created with a `.gitignore` of its own so that
/// nothing in it is ever committed, whatever the shop's `.gitignore` says.
pub fn private_dir(root: &Path) -> Result<PathBuf> {
    let dir = root.join(PRIVATE_DIR);
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, &e))?;
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        let _ = create_new(&ignore, b"*\n");
    }
    Ok(dir)
}

/// Is a process with this id running? None where it cannot be told.
#[cfg(target_os = "linux")]
pub fn pid_alive(pid: u32) -> Option<bool> {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return Some(false);
    };
    if pid == 0 {
        return Some(false);
    }
    // SAFETY: signal 0 only asks whether the process exists; nothing is sent.
    let r = unsafe { libc::kill(pid, 0) };
    Some(r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM))
}

#[cfg(not(target_os = "linux"))]
pub fn pid_alive(pid: u32) -> Option<bool> {
    (pid == std::process::id()).then_some(true)
}

/// Is this temporary file abandoned: its process is gone (or, where that
/// cannot be told, it is more than an hour old)?
fn abandoned(path: &Path, pid: u32) -> bool {
    match pid_alive(pid) {
        Some(alive) => !alive,
        None => std::fs::symlink_metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > std::time::Duration::from_secs(3600)),
    }
}

/// Removes the abandoned temporary files of langgan's writes in `dir` (and,
/// with `deep`, its subfolders, never following links). Returns how many.
pub fn sweep_temps(dir: &Path, deep: bool) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        if kind.is_file() {
            if let Some(pid) = temp_pid(name) {
                let path = entry.path();
                if abandoned(&path, pid) && std::fs::remove_file(&path).is_ok() {
                    removed += 1;
                }
            }
        } else if kind.is_dir() && deep && name != PRIVATE_DIR && name != ".git" {
            removed += sweep_temps(&entry.path(), true);
        }
    }
    removed
}

/// The shop's write lock, `.langgan/write.lock` (an OS lock on the file,
/// released by the system when its holder ends, even when killed). Every
/// command that changes a record takes it for the read → change → write, so
/// langgan's own writers take turns. A script can take the same lock:
/// `flock .langgan/write.lock sed -i … customers/x.yaml`.
///
/// The holder writes into the lock file the folders where it may leave
/// temporary files and empties it when done; a holder that was killed leaves
/// them there, and the next one (or [`recover_writes`]) sweeps them.
pub struct Lock {
    file: std::fs::File,
}

const LOCK_FILE: &str = "write.lock";
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(20);

impl Lock {
    /// Waits (up to 20 s) for the lock; `dirs` (relative to the shop) are
    /// where this holder will create temporary files.
    pub fn shop(root: &Path, dirs: &[&Path]) -> Result<Lock> {
        let path = private_dir(root)?.join(LOCK_FILE);
        let mut file = open_lock(&path)?;
        let start = std::time::Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(std::fs::TryLockError::WouldBlock) => {
                    if start.elapsed() > LOCK_WAIT {
                        return Err(Error::refused(Refusal::ShopBusy {
                            root: root.to_path_buf(),
                            secs: LOCK_WAIT.as_secs(),
                            lock: path,
                        }));
                    }
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&path, &e)),
            }
        }
        sweep_after_killed_holder(root, &mut file);
        let mut journal = String::new();
        for d in dirs {
            journal.push_str(&d.to_string_lossy());
            journal.push('\n');
        }
        let _ = file.seek(std::io::SeekFrom::Start(0));
        let _ = file.write_all(journal.as_bytes());
        Ok(Lock { file })
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Done: nothing left to sweep. The OS lock goes with the file handle.
        let _ = self.file.set_len(0);
    }
}

fn open_lock(path: &Path) -> Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(|e| Error::io(path, &e))
}

/// With the lock held: folders named in the lock file are those of a holder
/// that ended without finishing; their abandoned temporary files go.
fn sweep_after_killed_holder(root: &Path, file: &mut std::fs::File) -> usize {
    let mut journal = String::new();
    let _ = file.seek(std::io::SeekFrom::Start(0));
    let _ = file.read_to_string(&mut journal);
    if journal.is_empty() {
        return 0;
    }
    let mut removed = 0;
    for line in journal.lines().filter(|l| !l.is_empty()) {
        let rel = Path::new(line);
        // Only folders inside the shop.
        if rel.is_absolute()
            || rel
                .components()
                .any(|c| c == std::path::Component::ParentDir)
        {
            continue;
        }
        removed += sweep_temps(&root.join(rel), false);
    }
    let _ = file.set_len(0);
    removed
}

/// After a langgan that was killed while writing: sweeps its abandoned
/// temporary files (in the folders its lock names, the shop folder and the
/// private folder; the first time, every record folder too, for files left by
/// earlier versions). Returns how many were removed. Leaves the lock alone
/// while another langgan holds it.
pub fn recover_writes(root: &Path) -> usize {
    let private = root.join(PRIVATE_DIR);
    let mut removed = sweep_temps(root, false) + sweep_temps(&private, false);
    let lock = private.join(LOCK_FILE);
    if std::fs::metadata(&lock).is_ok_and(|m| m.len() > 0) {
        if let Ok(mut file) = open_lock(&lock) {
            if file.try_lock().is_ok() {
                removed += sweep_after_killed_holder(root, &mut file);
            }
        }
    }
    let swept = private.join("swept");
    if !swept.exists() {
        for sub in [
            crate::shop::index::CUSTOMERS_DIR,
            crate::shop::index::COMPLAINTS_DIR,
        ] {
            removed += sweep_temps(&root.join(sub), true);
        }
        if private_dir(root).is_ok() {
            let _ = std::fs::write(&swept, b"");
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names() {
        assert_eq!(temp_pid(".siti.yaml.langgan-4242.tmp"), Some(4242));
        assert_eq!(temp_pid(".siti.yaml.langgan-7.new"), Some(7));
        assert_eq!(temp_pid("siti.yaml"), None);
        assert_eq!(temp_pid(".siti.yaml.langgan-x1.tmp"), None);
        assert_eq!(temp_pid(".pelanggan.yaml"), None);
        assert_eq!(temp_pid("..langgan-1.tmp"), None);
    }

    #[test]
    fn replace_checked_redoes_an_edit_over_an_outside_change() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("x.yaml");
        std::fs::write(&path, "a: 1\nb: 1\n").expect("write");
        let base = std::fs::read(&path).expect("read");
        let mut first = true;
        let (written, redone) = replace_checked(&path, base, |text| {
            if first {
                // An editor saves while the edit is being made.
                first = false;
                std::fs::write(&path, "a: 2\nb: 1\n").expect("write");
            }
            let mut t = text.to_vec();
            t.extend_from_slice(b"c: 1\n");
            Ok(t)
        })
        .expect("replace");
        assert_eq!(redone, 1);
        assert_eq!(written, b"a: 2\nb: 1\nc: 1\n");
        assert_eq!(std::fs::read(&path).expect("read"), written);
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("ls")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
    }

    #[test]
    fn abandoned_temps_are_swept_and_live_ones_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let own = format!(".a.yaml.langgan-{}.tmp", std::process::id());
        // A pid far above any pid_max is never a running process.
        let dead = ".b.yaml.langgan-999999999.new";
        for n in [own.as_str(), dead, "c.yaml"] {
            std::fs::write(dir.path().join(n), "x").expect("write");
        }
        if cfg!(target_os = "linux") {
            assert_eq!(sweep_temps(dir.path(), false), 1);
            assert!(dir.path().join(&own).exists());
            assert!(!dir.path().join(dead).exists());
        }
        assert!(dir.path().join("c.yaml").exists());
    }
}
