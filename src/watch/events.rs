//! From notify's events to the watcher's: what each event is, whether its
//! path is a folder, and advice when watching cannot start.

use super::classify::{FsEvent, Op};
use crate::error::Error;
use notify::event::{CreateKind, EventKind, ModifyKind, RemoveKind, RenameMode};
use std::path::Path;

/// Converts a debounced notify event; re-stats to learn whether a path is a folder.
pub fn convert(ev: &notify::Event) -> FsEvent {
    let op = match ev.kind {
        EventKind::Create(_) => Op::Create,
        EventKind::Modify(ModifyKind::Name(RenameMode::Both)) => Op::RenameBoth,
        EventKind::Modify(ModifyKind::Name(RenameMode::From)) => Op::RenameFrom,
        EventKind::Modify(ModifyKind::Name(RenameMode::To)) => Op::RenameTo,
        EventKind::Modify(ModifyKind::Metadata(_)) => Op::Other,
        EventKind::Modify(_) => Op::Modify,
        EventKind::Remove(_) => Op::Remove,
        EventKind::Access(notify::event::AccessKind::Close(notify::event::AccessMode::Write)) => {
            Op::Modify
        }
        EventKind::Access(_) => Op::Other,
        EventKind::Any | EventKind::Other => Op::Modify,
    };
    let is_dir = matches!(
        ev.kind,
        EventKind::Create(CreateKind::Folder) | EventKind::Remove(RemoveKind::Folder)
    ) || ev.paths.last().is_some_and(|p| p.is_dir());
    FsEvent {
        op,
        paths: ev.paths.clone(),
        rescan: ev.need_rescan(),
        is_dir,
    }
}

/// Turns a watcher setup failure into advice a person can act on.
pub fn watch_error(e: &notify::Error, root: &Path) -> Error {
    let limit = matches!(e.kind, notify::ErrorKind::MaxFilesWatch)
        || matches!(&e.kind, notify::ErrorKind::Io(io) if matches!(io.raw_os_error(), Some(28) | Some(24)));
    if limit {
        Error::usage(format!(
            "{}: the system limit on watched folders or open files is reached. Raise it with\n  sudo sysctl fs.inotify.max_user_watches=524288\n(add it to /etc/sysctl.conf to keep it), or run `langgan watch --poll`, which needs no watches",
            root.display()
        ))
    } else {
        Error::usage(format!(
            "{}: cannot watch the shop folder: {e}; on network drives or WSL try `langgan watch --poll`",
            root.display()
        ))
    }
}

/// The two debouncer types behind one face.
pub trait WatchHandle {
    fn watch_root(&mut self, root: &Path) -> notify::Result<()>;
}

impl<T: notify::Watcher, C: notify_debouncer_full::FileIdCache> WatchHandle
    for notify_debouncer_full::Debouncer<T, C>
{
    fn watch_root(&mut self, root: &Path) -> notify::Result<()> {
        self.watch(root, notify::RecursiveMode::Recursive)
    }
}
