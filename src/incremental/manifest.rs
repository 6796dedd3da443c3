//! The manifest of files a build wrote (`.langgan-site`), so the next build
//! removes stale ones, skips pages whose inputs did not change, and never
//! touches anything else in the output folder.

use crate::error::Result;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The manifest of files a build wrote, so the next build removes stale ones
/// and never touches anything else in the output folder.
pub const MANIFEST: &str = ".langgan-site";

/// The manifest: every page a build wrote, with the key of its inputs when known.
pub type Manifest = BTreeMap<String, Option<u64>>;

pub fn read_manifest(out: &Path) -> Manifest {
    std::fs::read_to_string(out.join(MANIFEST))
        .map(|s| {
            s.lines()
                .filter(|l| !l.is_empty())
                .map(|l| match l.split_once('\t') {
                    Some((p, k)) => (p.to_string(), u64::from_str_radix(k, 16).ok()),
                    None => (l.to_string(), None),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Writes the manifest a [`write_site`] returned.
pub fn write_manifest(out: &Path, listed: &Manifest) -> Result<()> {
    use std::fmt::Write as _;
    let mut text = String::with_capacity(listed.len() * 48);
    for (p, k) in listed {
        text.push_str(p);
        if let Some(k) = k {
            // Writing into a String cannot fail.
            let _ = write!(text, "\t{k:016x}");
        }
        text.push('\n');
    }
    crate::io::atomic::atomic_write(&out.join(MANIFEST), text.as_bytes())
}

/// What a build knows of the output folder before it writes: the manifest,
/// and which of its pages exist (`None`: ask per page).
pub struct Known {
    pub manifest: Manifest,
    pub present: Option<std::collections::HashSet<String>>,
}

impl Known {
    /// Reads the manifest and, for a whole site (`pages` ≥ 5,000), lists the
    /// folders once; a few pages (a watch rebuild) are checked one by one.
    pub fn read(out: &Path, pages: usize) -> Known {
        let manifest = read_manifest(out);
        let present = (pages >= 5_000).then(|| existing_pages(out, &manifest));
        Known { manifest, present }
    }
}

/// Every folder a site has pages in.
pub const SITE_FOLDERS: [&str; 7] = [
    "",
    "customers",
    "complaints",
    "weeks",
    "months",
    "agenda",
    "x",
];

/// Which pages of the manifest still exist: one listing per folder instead of
/// a stat per page (120,000 pages at 100k customers).
pub fn existing_pages(
    out: &Path,
    listed: &BTreeMap<String, Option<u64>>,
) -> std::collections::HashSet<String> {
    // The site's own folders too, so a page missing from the listing is
    // known not to exist (a new page is then written without a look first).
    let folders: BTreeSet<&str> = listed
        .keys()
        .map(|p| p.rsplit_once('/').map_or("", |(dir, _)| dir))
        .chain(SITE_FOLDERS)
        .collect();
    let mut present = std::collections::HashSet::with_capacity(listed.len());
    for folder in folders {
        let Ok(rd) = std::fs::read_dir(out.join(folder)) else {
            continue;
        };
        for e in rd.flatten() {
            if !e.file_type().is_ok_and(|t| t.is_file()) {
                continue;
            }
            if let Some(name) = e.file_name().to_str() {
                present.insert(if folder.is_empty() {
                    name.to_string()
                } else {
                    format!("{folder}/{name}")
                });
            }
        }
    }
    present
}
