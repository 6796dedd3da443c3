//! Which file-system events matter, as a pure function with table tests.
//!
//! Editors save in many ways (in place, write-temp-then-rename, vim's
//! backup-and-rename, JetBrains' `___jb_tmp___`, Emacs lock links). Rather than
//! recognise each temp-file pattern, only record files (`*.yaml`/`*.yml`, not
//! dot-files) inside `customers/` and `complaints/`, `shop.toml` and
//! `templates/` count; after the debounce every such path is re-stat'ed, so a
//! rename over the target, a remove or a move are all handled the same way.

use crate::shop::index::{is_record_name, COMPLAINTS_DIR, CUSTOMERS_DIR};
use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

/// What happened, reduced from notify's event kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Create,
    Modify,
    Remove,
    /// Rename with both ends known: paths are [from, to].
    RenameBoth,
    RenameFrom,
    RenameTo,
    /// Access and other events that change no content.
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FsEvent {
    pub op: Op,
    pub paths: Vec<PathBuf>,
    /// The kernel queue overflowed or the backend asks for a rescan.
    pub rescan: bool,
    /// The event is known to concern a directory.
    pub is_dir: bool,
}

/// What to do after a batch of events. Paths are relative to the shop.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// Reload everything (rescan flag, or something we cannot place).
    pub full: bool,
    pub config: bool,
    pub templates: bool,
    /// Record files to re-stat: reload when present, drop when gone.
    pub files: BTreeSet<PathBuf>,
    /// Folders under the record folders to rescan (created, removed or renamed).
    pub dirs: BTreeSet<PathBuf>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        !self.full
            && !self.config
            && !self.templates
            && self.files.is_empty()
            && self.dirs.is_empty()
    }
}

enum Place {
    Config,
    Templates,
    Record,
    /// A folder (or something without a record name) inside the record folders.
    RecordTree,
    Ignore,
}

fn place(rel: &Path, is_dir: bool) -> Place {
    let comps: Vec<&str> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect();
    if comps.len() != rel.components().count() || comps.is_empty() {
        return Place::Ignore;
    }
    if comps.iter().any(|c| c.starts_with('.')) {
        return Place::Ignore;
    }
    match comps[0] {
        "shop.toml" if comps.len() == 1 => Place::Config,
        "templates" => Place::Templates,
        CUSTOMERS_DIR | COMPLAINTS_DIR => {
            let name = comps[comps.len() - 1];
            if comps.len() == 1 || is_dir {
                Place::RecordTree
            } else if is_record_name(name) {
                Place::Record
            } else if !name.contains('.') && !name.ends_with('~') && name != "4913" {
                // No extension: perhaps a folder whose type the event did not tell.
                Place::RecordTree
            } else {
                Place::Ignore
            }
        }
        _ => Place::Ignore,
    }
}

/// Reduces a batch of events under `root` to a plan; `out` (the site) is ignored.
pub fn classify(root: &Path, out: Option<&Path>, events: &[FsEvent]) -> Plan {
    let mut plan = Plan::default();
    for ev in events {
        if ev.rescan {
            plan.full = true;
            continue;
        }
        if ev.op == Op::Other {
            continue;
        }
        for path in &ev.paths {
            if out.is_some_and(|o| path.starts_with(o)) {
                continue;
            }
            let Ok(rel) = path.strip_prefix(root) else {
                continue;
            };
            if rel.as_os_str().is_empty() {
                // The shop folder itself was moved or removed.
                plan.full = true;
                continue;
            }
            match place(rel, ev.is_dir) {
                Place::Config => plan.config = true,
                Place::Templates => plan.templates = true,
                Place::Record => {
                    plan.files.insert(rel.to_path_buf());
                }
                Place::RecordTree => {
                    plan.dirs.insert(rel.to_path_buf());
                }
                Place::Ignore => {}
            }
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOT: &str = "/shop";

    fn ev(op: Op, paths: &[&str]) -> FsEvent {
        FsEvent {
            op,
            paths: paths.iter().map(|p| Path::new(ROOT).join(p)).collect(),
            rescan: false,
            is_dir: false,
        }
    }

    fn dir_ev(op: Op, paths: &[&str]) -> FsEvent {
        FsEvent {
            is_dir: true,
            ..ev(op, paths)
        }
    }

    fn plan(events: &[FsEvent]) -> Plan {
        classify(Path::new(ROOT), Some(Path::new("/shop/public")), events)
    }

    fn files(p: &Plan) -> Vec<String> {
        p.files.iter().map(|f| f.display().to_string()).collect()
    }

    fn dirs(p: &Plan) -> Vec<String> {
        p.dirs.iter().map(|f| f.display().to_string()).collect()
    }

    #[test]
    fn in_place_write() {
        let p = plan(&[
            ev(Op::Modify, &["customers/siti.yaml"]),
            ev(Op::Other, &["customers/siti.yaml"]),
        ]);
        assert_eq!(files(&p), ["customers/siti.yaml"]);
        assert!(!p.full && !p.config && p.dirs.is_empty());
    }

    #[test]
    fn write_temp_then_rename_over_target() {
        let p = plan(&[
            ev(Op::Create, &["customers/.siti.yaml.tmp123"]),
            ev(Op::Modify, &["customers/.siti.yaml.tmp123"]),
            ev(
                Op::RenameBoth,
                &["customers/.siti.yaml.tmp123", "customers/siti.yaml"],
            ),
        ]);
        assert_eq!(files(&p), ["customers/siti.yaml"]);
    }

    #[test]
    fn vim_backup_and_rename_save() {
        // vim: probe file 4913, rename siti.yaml → siti.yaml~, write a new siti.yaml, remove the backup.
        let p = plan(&[
            ev(Op::Create, &["customers/4913"]),
            ev(Op::Remove, &["customers/4913"]),
            ev(
                Op::RenameBoth,
                &["customers/siti.yaml", "customers/siti.yaml~"],
            ),
            ev(Op::Create, &["customers/siti.yaml"]),
            ev(Op::Modify, &["customers/siti.yaml"]),
            ev(Op::Remove, &["customers/siti.yaml~"]),
        ]);
        assert_eq!(files(&p), ["customers/siti.yaml"]);
        assert!(p.dirs.is_empty());
    }

    #[test]
    fn vim_swap_files_are_ignored() {
        let p = plan(&[
            ev(Op::Create, &["customers/.siti.yaml.swp"]),
            ev(Op::Modify, &["customers/.siti.yaml.swx"]),
        ]);
        assert!(p.is_empty());
    }

    #[test]
    fn jetbrains_safe_write() {
        let p = plan(&[
            ev(Op::Create, &["customers/siti.yaml___jb_tmp___"]),
            ev(Op::Modify, &["customers/siti.yaml___jb_tmp___"]),
            ev(
                Op::RenameBoth,
                &["customers/siti.yaml", "customers/siti.yaml___jb_old___"],
            ),
            ev(
                Op::RenameBoth,
                &["customers/siti.yaml___jb_tmp___", "customers/siti.yaml"],
            ),
            ev(Op::Remove, &["customers/siti.yaml___jb_old___"]),
        ]);
        assert_eq!(files(&p), ["customers/siti.yaml"]);
    }

    #[test]
    fn emacs_lock_link_is_ignored() {
        let p = plan(&[
            ev(Op::Create, &["customers/.#siti.yaml"]),
            ev(Op::Remove, &["customers/.#siti.yaml"]),
        ]);
        assert!(p.is_empty());
        let p = plan(&[
            ev(Op::Create, &["customers/.#siti.yaml"]),
            ev(Op::Modify, &["customers/siti.yaml"]),
            ev(Op::Create, &["customers/#siti.yaml#"]),
        ]);
        assert_eq!(files(&p), ["customers/siti.yaml"]);
    }

    #[test]
    fn remove() {
        let p = plan(&[ev(Op::Remove, &["complaints/2026-0001.yaml"])]);
        assert_eq!(files(&p), ["complaints/2026-0001.yaml"]);
    }

    #[test]
    fn rename_with_both_ends() {
        let p = plan(&[ev(
            Op::RenameBoth,
            &["customers/siti.yaml", "customers/siti-rahma.yaml"],
        )]);
        assert_eq!(
            files(&p),
            ["customers/siti-rahma.yaml", "customers/siti.yaml"]
        );
    }

    #[test]
    fn moved_out_and_moved_in() {
        let p = plan(&[ev(Op::RenameFrom, &["customers/siti.yaml"])]);
        assert_eq!(files(&p), ["customers/siti.yaml"]);
        let p = plan(&[ev(Op::RenameTo, &["customers/arsip/siti.yml"])]);
        assert_eq!(files(&p), ["customers/arsip/siti.yml"]);
        // Moved out of the shop entirely: only `from` is inside.
        let p = classify(
            Path::new(ROOT),
            None,
            &[FsEvent {
                op: Op::RenameBoth,
                paths: vec![
                    PathBuf::from("/shop/customers/siti.yaml"),
                    PathBuf::from("/tmp/siti.yaml"),
                ],
                rescan: false,
                is_dir: false,
            }],
        );
        assert_eq!(files(&p), ["customers/siti.yaml"]);
    }

    #[test]
    fn directories_are_rescanned() {
        let p = plan(&[dir_ev(Op::Create, &["customers/bandung"])]);
        assert_eq!(dirs(&p), ["customers/bandung"]);
        let p = plan(&[dir_ev(Op::Remove, &["customers/bandung"])]);
        assert_eq!(dirs(&p), ["customers/bandung"]);
        let p = plan(&[ev(
            Op::RenameBoth,
            &["customers/bandung", "customers/arsip"],
        )]);
        assert_eq!(dirs(&p), ["customers/arsip", "customers/bandung"]);
        let p = plan(&[dir_ev(Op::RenameFrom, &["complaints/lama"])]);
        assert_eq!(dirs(&p), ["complaints/lama"]);
    }

    #[test]
    fn rescan_flag_means_full_reload() {
        let p = plan(&[FsEvent {
            op: Op::Other,
            paths: vec![],
            rescan: true,
            is_dir: false,
        }]);
        assert!(p.full);
    }

    #[test]
    fn config_templates_output_and_elsewhere() {
        assert!(plan(&[ev(Op::Modify, &["shop.toml"])]).config);
        assert!(plan(&[ev(Op::Modify, &["templates/messages/lead-1.txt"])]).templates);
        assert!(plan(&[ev(Op::Modify, &["public/index.html"])]).is_empty());
        assert!(plan(&[ev(Op::Modify, &[".git/index"])]).is_empty());
        assert!(plan(&[ev(Op::Modify, &[".langgan/index.bin"])]).is_empty());
        assert!(plan(&[ev(Op::Modify, &["README.md"])]).is_empty());
        assert!(plan(&[ev(Op::Modify, &["customers/notes.txt"])]).is_empty());
        assert!(plan(&[ev(Op::Remove, &[""])]).full);
    }
}
