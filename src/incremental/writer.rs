//! Writing pages: skip those whose inputs' key the manifest already has (and
//! whose file exists), render the others, write those whose bytes changed,
//! and remove the pages of the last build that are gone.

use super::manifest::{Known, Manifest};
use crate::error::{Error, Result};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A page to write: where it goes, the key of its inputs, and its bytes.
pub trait Page {
    fn path(&self) -> String;
    fn key(&self) -> u64;
    fn render(&self) -> Result<Vec<u8>>;
}

/// What a build did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct BuildSummary {
    pub pages: usize,
    /// Rendered because their inputs changed (or were not known).
    pub rendered: usize,
    pub written: usize,
    pub removed: usize,
}

/// Which pages of the previous build a write removes.
pub enum Removal<'a> {
    /// Every page the last build wrote and this one did not (a full build).
    Stale,
    /// Only these (an incremental build of some pages).
    Only(&'a [String]),
}

/// What happened to one page.
struct Done {
    path: String,
    key: Option<u64>,
    rendered: bool,
    written: bool,
}

/// Writes the page of each job, in parallel and one page at a time (a
/// 100k-customer site never sits in memory). With `keyed`, a page whose key
/// matches the manifest's and whose file exists is skipped, and the keys go
/// into the new manifest. `known` is what the caller already knows of the
/// folder (else it is read); the new manifest is returned with the summary,
/// for the caller to write with [`super::manifest::write_manifest`].
pub fn write_pages<J: Sync, P: Page>(
    out: &Path,
    jobs: &[J],
    page: impl Fn(&J) -> P + Sync,
    keyed: bool,
    removal: Removal,
    known: Option<Known>,
) -> Result<(BuildSummary, Manifest)> {
    std::fs::create_dir_all(out).map_err(|e| Error::io(out, &e))?;
    let Known {
        manifest: old,
        present: listing,
    } = known.unwrap_or_else(|| Known::read(out, jobs.len()));
    let present = |path: &str| match &listing {
        Some(set) => set.contains(path),
        None => out.join(path).is_file(),
    };
    let done: Vec<Done> = jobs
        .par_iter()
        .map(|j| {
            let p = page(j);
            let path = p.path();
            let key = keyed.then(|| p.key());
            if key.is_some() && old.get(&path) == Some(&key) && present(&path) {
                return Ok(Done {
                    path,
                    key,
                    rendered: false,
                    written: false,
                });
            }
            let bytes = p.render()?;
            let absent = listing.as_ref().is_some_and(|set| !set.contains(&path));
            let written = write_if_changed(out, &path, &bytes, absent)?;
            Ok(Done {
                path,
                key,
                rendered: true,
                written,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let mut summary = BuildSummary {
        pages: done.len(),
        rendered: done.iter().filter(|d| d.rendered).count(),
        written: done.iter().filter(|d| d.written).count(),
        removed: 0,
    };
    // Which pages of the last build go: computed before this build's pages
    // are listed, from the manifest as it was.
    let (mut listed, gone): (Manifest, Vec<String>) = match removal {
        Removal::Stale => {
            let now_listed: BTreeSet<&str> = done.iter().map(|d| d.path.as_str()).collect();
            let gone = old
                .into_keys()
                .filter(|p| !now_listed.contains(p.as_str()))
                .collect();
            (BTreeMap::new(), gone)
        }
        Removal::Only(paths) => {
            let gone = paths
                .iter()
                .filter(|p| old.contains_key(*p))
                .cloned()
                .collect();
            (old, gone)
        }
    };
    for d in done {
        listed.insert(d.path, d.key);
    }
    for rel in &gone {
        // Only files this program wrote (listed in the manifest) are ever removed.
        listed.remove(rel);
        if is_safe_rel(rel) {
            let p = out.join(rel);
            if p.is_file() && std::fs::remove_file(&p).is_ok() {
                summary.removed += 1;
            }
        }
    }
    Ok((summary, listed))
}

fn is_safe_rel(p: &str) -> bool {
    let path = Path::new(p);
    !p.is_empty()
        && path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// Writes a page unless the file already holds these bytes; `absent` when the
/// folder listing showed it does not exist (no need to look).
fn write_if_changed(out: &Path, rel: &str, bytes: &[u8], absent: bool) -> Result<bool> {
    let path: PathBuf = out.join(rel);
    if !absent {
        match std::fs::read(&path) {
            Ok(existing) if existing == bytes => return Ok(false),
            Ok(_) => {
                // Replace atomically: a browser or the --serve preview may be reading it.
                crate::io::atomic::atomic_write_unsynced(&path, bytes)?;
                return Ok(true);
            }
            Err(_) => {}
        }
    }
    // A new page: nobody reads it yet, so write it in place (half the file
    // operations of temp + rename, which dominate a cold build); its folder
    // is made when the first write finds it missing.
    match write_new(&path, bytes) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, &e))?;
            }
            write_new(&path, bytes).map_err(|e| Error::io(&path, &e))?;
        }
        Err(e) => return Err(Error::io(&path, &e)),
    }
    Ok(true)
}

/// Writes a new page in place; when the write fails part way (a full disk)
/// the partial file is removed, so no truncated or empty page is left to be
/// served or published.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::File::create(path)?;
    let result = std::io::Write::write_all(&mut f, bytes);
    if result.is_err() {
        drop(f);
        let _ = std::fs::remove_file(path);
    }
    result
}
