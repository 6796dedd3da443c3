//! Writing a site: render the jobs, write the pages whose bytes changed,
//! remove the pages of the last build that are gone.

use crate::error::{Error, Result};
use crate::report::*;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A rendered page: path relative to the output folder, and its bytes.
pub struct Page {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// What a build did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct BuildSummary {
    pub pages: usize,
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

/// Renders the jobs and writes the pages whose bytes changed, one page at a
/// time (a 100k-customer site never sits in memory). With `site_key`, a page
/// whose inputs match the manifest's key and whose file exists is skipped.
/// `known` is what the caller already knows of the folder (else it is read);
/// the new one is returned with the summary, for the caller to write with
/// [`write_manifest`].
pub fn write_site(
    site: &Site,
    tera: &tera::Tera,
    jobs: &[Job],
    out: &Path,
    site_key: Option<u64>,
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
    let done: Vec<(String, Option<u64>, bool)> = jobs
        .par_iter()
        .map(|j| {
            let key = site_key.and_then(|k| page_key(site, k, *j));
            if let Some((path, k)) = &key {
                if old.get(path) == Some(&Some(*k)) && present(path) {
                    return Ok((path.clone(), Some(*k), false));
                }
            }
            let prepared = prepare_job(site, *j)?;
            // Pages built from the whole shop are keyed by their context.
            let key = key.map(|(_, k)| k).or_else(|| {
                let mut fold = prepared.ctx.fold?;
                fold.u64(site_key?);
                Some(fold.0)
            });
            if let Some(k) = key {
                if old.get(&prepared.path) == Some(&Some(k)) && present(&prepared.path) {
                    return Ok((prepared.path, key, false));
                }
            }
            let page = Page {
                bytes: render(tera, prepared.template, &prepared.ctx.ctx)?,
                path: prepared.path,
            };
            let absent = listing
                .as_ref()
                .is_some_and(|set| !set.contains(&page.path));
            let written = write_if_changed(out, &page, absent)?;
            Ok((page.path, key, written))
        })
        .collect::<Result<Vec<_>>>()?;
    let mut summary = BuildSummary {
        pages: done.len(),
        written: done.iter().filter(|d| d.2).count(),
        removed: 0,
    };
    // Which pages of the last build go: computed before this build's pages
    // are listed, from the manifest as it was.
    let (mut listed, gone): (Manifest, Vec<String>) = match removal {
        Removal::Stale => {
            let now_listed: BTreeSet<&str> = done.iter().map(|d| d.0.as_str()).collect();
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
    for (path, key, _) in done {
        listed.insert(path, key);
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

pub fn is_safe_rel(p: &str) -> bool {
    let path = Path::new(p);
    !p.is_empty()
        && path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// Writes a page unless the file already holds these bytes; `absent` when the
/// folder listing showed it does not exist (no need to look).
pub fn write_if_changed(out: &Path, page: &Page, absent: bool) -> Result<bool> {
    let path: PathBuf = out.join(&page.path);
    if !absent {
        match std::fs::read(&path) {
            Ok(existing) if existing == page.bytes => return Ok(false),
            Ok(_) => {
                // Replace atomically: a browser or the --serve preview may be reading it.
                crate::io::atomic::atomic_write_unsynced(&path, &page.bytes)?;
                return Ok(true);
            }
            Err(_) => {}
        }
    }
    // A new page: nobody reads it yet, so write it in place (half the file
    // operations of temp + rename, which dominate a cold build); its folder
    // is made when the first write finds it missing.
    match std::fs::write(&path, &page.bytes) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, &e))?;
            }
            std::fs::write(&path, &page.bytes).map_err(|e| Error::io(&path, &e))?;
        }
        Err(e) => return Err(Error::io(&path, &e)),
    }
    Ok(true)
}
