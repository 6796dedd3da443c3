//! `watch --poll`: for folders where change notifications do not arrive
//! (network drives, WSL's Windows folders, some containers). Every
//! [`INTERVAL`] the files that matter are stat'ed and compared with the
//! last look by size, modification and change time (nanoseconds) and inode,
//! so a save is seen even when it keeps the size and lands within the same
//! second as the one before (notify's poll watcher compares whole seconds
//! only), and a `chmod` is seen too.

use super::classify::{FsEvent, Op};
use crate::shop::index::{COMPLAINTS_DIR, CUSTOMERS_DIR};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How often every file is looked at.
pub const INTERVAL: Duration = Duration::from_millis(500);

/// The longest pause between looks, however long a look takes.
const MAX_PAUSE: Duration = Duration::from_secs(2);

/// After a look that found changes, the next one comes this soon, until a
/// look finds nothing more: an editor's save steps (backup, write, remove)
/// arrive as one batch, never as a vanished file.
const SETTLE: Duration = Duration::from_millis(75);
const SETTLE_ROUNDS: usize = 10;

/// What a file looked like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: i128,
    changed: i128,
    inode: u64,
    is_dir: bool,
}

#[cfg(unix)]
fn stamp(m: &std::fs::Metadata) -> Stamp {
    use std::os::unix::fs::MetadataExt;
    Stamp {
        len: m.len(),
        modified: i128::from(m.mtime()) * 1_000_000_000 + i128::from(m.mtime_nsec()),
        changed: i128::from(m.ctime()) * 1_000_000_000 + i128::from(m.ctime_nsec()),
        inode: m.ino(),
        is_dir: m.is_dir(),
    }
}

#[cfg(not(unix))]
fn stamp(m: &std::fs::Metadata) -> Stamp {
    let nanos = |t: std::io::Result<std::time::SystemTime>| {
        t.ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i128)
    };
    Stamp {
        len: m.len(),
        modified: nanos(m.modified()),
        changed: nanos(m.created()),
        inode: 0,
        is_dir: m.is_dir(),
    }
}

pub struct Poller {
    root: PathBuf,
    seen: HashMap<PathBuf, Stamp>,
    look_took: Duration,
}

impl Poller {
    /// Takes the first look (what later looks are compared with).
    pub fn new(root: &Path) -> Poller {
        let mut p = Poller {
            root: root.to_path_buf(),
            seen: HashMap::new(),
            look_took: Duration::ZERO,
        };
        p.seen = p.look();
        p
    }

    /// Everything that changed since the last look, as events.
    pub fn changes(&mut self) -> Vec<FsEvent> {
        let start = std::time::Instant::now();
        let now = self.look();
        self.look_took = start.elapsed();
        let mut events = Vec::new();
        for (path, st) in &now {
            match self.seen.get(path) {
                None => events.push(event(Op::Create, path, st.is_dir)),
                // A folder's times change whenever an entry comes or goes, and
                // those entries are events of their own: rescanning the folder
                // (a thousand records) for it would only repeat them.
                Some(old) if old != st && !(st.is_dir && old.is_dir) => {
                    events.push(event(Op::Modify, path, st.is_dir))
                }
                Some(_) => {}
            }
        }
        for (path, old) in &self.seen {
            if !now.contains_key(path) {
                events.push(event(Op::Remove, path, old.is_dir));
            }
        }
        self.seen = now;
        events
    }

    /// Waits for the next change and returns it with the steps that follow
    /// it closely.
    pub fn next_batch(&mut self) -> Vec<FsEvent> {
        loop {
            // A big shop's look takes a while (120,000 files: ~180 ms); the
            // pause grows with it so polling keeps under a fifth of a core,
            // up to a bound so a save still shows within seconds.
            std::thread::sleep((self.look_took * 4).clamp(INTERVAL, MAX_PAUSE));
            let mut events = self.changes();
            if events.is_empty() {
                continue;
            }
            for _ in 0..SETTLE_ROUNDS {
                std::thread::sleep(SETTLE);
                let more = self.changes();
                if more.is_empty() {
                    break;
                }
                events.extend(more);
            }
            return events;
        }
    }

    /// shop.toml and everything under the record folders and templates/,
    /// links not followed, hidden names left out (as classify does).
    fn look(&self) -> HashMap<PathBuf, Stamp> {
        let mut out = HashMap::new();
        if let Ok(m) = std::fs::symlink_metadata(self.root.join("shop.toml")) {
            out.insert(self.root.join("shop.toml"), stamp(&m));
        }
        for dir in [CUSTOMERS_DIR, COMPLAINTS_DIR, "templates"] {
            let path = self.root.join(dir);
            if let Ok(m) = std::fs::symlink_metadata(&path) {
                out.insert(path.clone(), stamp(&m));
                if m.is_dir() {
                    walk(&path, &mut out);
                }
            }
        }
        out
    }
}

fn walk(dir: &Path, out: &mut HashMap<PathBuf, Stamp>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry
            .file_name()
            .to_str()
            .is_none_or(|n| n.starts_with('.'))
        {
            continue;
        }
        let path = entry.path();
        let Ok(m) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        out.insert(path.clone(), stamp(&m));
        if m.is_dir() {
            walk(&path, out);
        }
    }
}

fn event(op: Op, path: &Path, is_dir: bool) -> FsEvent {
    FsEvent {
        op,
        paths: vec![path.to_path_buf()],
        rescan: false,
        is_dir,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(mut events: Vec<FsEvent>, root: &Path) -> Vec<(Op, String)> {
        events.sort_by(|a, b| a.paths.cmp(&b.paths));
        events
            .into_iter()
            .map(|e| {
                let rel = e.paths[0].strip_prefix(root).unwrap_or(&e.paths[0]);
                (e.op, rel.display().to_string())
            })
            .collect()
    }

    #[test]
    fn same_size_edit_within_a_second_is_seen() -> std::io::Result<()> {
        let tmp = tempfile::tempdir()?;
        let root = tmp.path();
        std::fs::create_dir(root.join("customers"))?;
        std::fs::write(root.join("customers/siti.yaml"), "name: Siti A\n")?;
        let mut p = Poller::new(root);
        assert!(p.changes().is_empty());
        std::fs::write(root.join("customers/siti.yaml"), "name: Siti B\n")?;
        assert_eq!(
            ops(p.changes(), root),
            [(Op::Modify, "customers/siti.yaml".to_string())]
        );
        std::fs::write(root.join("customers/siti.yaml"), "name: Siti C\n")?;
        assert_eq!(p.changes().len(), 1, "a second save in the same second");
        Ok(())
    }

    #[test]
    fn creates_removes_and_hidden_names() -> std::io::Result<()> {
        let tmp = tempfile::tempdir()?;
        let root = tmp.path();
        std::fs::create_dir(root.join("customers"))?;
        std::fs::write(root.join("shop.toml"), "")?;
        let mut p = Poller::new(root);
        std::fs::write(root.join("customers/budi.yaml"), "name: Budi\n")?;
        std::fs::write(root.join("customers/.#budi.yaml"), "lock")?;
        std::fs::remove_file(root.join("shop.toml"))?;
        assert_eq!(
            ops(p.changes(), root),
            [
                (Op::Create, "customers/budi.yaml".to_string()),
                (Op::Remove, "shop.toml".to_string()),
            ]
        );
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn chmod_is_seen() -> std::io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir()?;
        let root = tmp.path();
        std::fs::create_dir(root.join("customers"))?;
        let f = root.join("customers/siti.yaml");
        std::fs::write(&f, "name: Siti\n")?;
        let mut p = Poller::new(root);
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o600))?;
        assert_eq!(p.changes().len(), 1);
        Ok(())
    }
}
