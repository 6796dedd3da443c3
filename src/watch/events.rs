//! From notify's events to the watcher's: what each event is, whether its
//! path is a folder, and advice when watching cannot start.

use super::classify::{FsEvent, Op};
use crate::error::Error;
use crate::lang::site;
use crate::shop::config::Lang;
use notify::event::{CreateKind, EventKind, ModifyKind, RemoveKind, RenameMode};
use std::path::Path;

/// Converts a debounced notify event; re-stats to learn whether a path is a folder.
pub fn convert(ev: &notify::Event) -> FsEvent {
    let op = match ev.kind {
        EventKind::Create(_) => Op::Create,
        EventKind::Modify(ModifyKind::Name(RenameMode::Both)) => Op::RenameBoth,
        EventKind::Modify(ModifyKind::Name(RenameMode::From)) => Op::RenameFrom,
        EventKind::Modify(ModifyKind::Name(RenameMode::To)) => Op::RenameTo,
        // A content change as the poll watcher reports it (a newer mtime),
        // and chmod/chown as inotify does: both may change what reads.
        EventKind::Modify(ModifyKind::Metadata(_)) => Op::Modify,
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

/// Turns a watcher setup failure into advice a person can act on, in `lang`.
pub fn watch_error(e: &notify::Error, root: &Path, lang: Lang) -> Error {
    let limit = matches!(e.kind, notify::ErrorKind::MaxFilesWatch)
        || matches!(&e.kind, notify::ErrorKind::Io(io) if matches!(io.raw_os_error(), Some(28) | Some(24)));
    let root = root.display().to_string();
    if limit {
        Error::usage(site::watch_limit(lang, &root))
    } else {
        Error::usage(site::cannot_watch(lang, &root, &e.to_string()))
    }
}

/// Errors of the watcher that need no word: a file gone between the listing
/// and its stat (editors' temp files, in poll mode every save).
pub fn is_benign(e: &notify::Error) -> bool {
    matches!(&e.kind, notify::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::NotFound)
        || e.paths.iter().any(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn watch_advice_is_in_the_shops_language() {
        let limit = notify::Error::new(notify::ErrorKind::MaxFilesWatch);
        let e = watch_error(&limit, Path::new("toko"), Lang::Id);
        assert_eq!(e.code(), 2);
        assert!(
            e.message
                .starts_with("toko: batas sistem untuk jumlah folder yang diawasi"),
            "{}",
            e.message
        );
        assert!(e.message.contains("langgan watch --poll"), "{}", e.message);
        let e = watch_error(&limit, Path::new("toko"), Lang::En);
        assert!(
            e.message.starts_with("toko: the system limit"),
            "{}",
            e.message
        );
        let other = notify::Error::generic("boom");
        let e = watch_error(&other, Path::new("toko"), Lang::Id);
        assert!(
            e.message
                .starts_with("toko: folder toko tidak bisa diawasi: boom;"),
            "{}",
            e.message
        );
    }
}
