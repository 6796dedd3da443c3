//! The index cache: parsed records kept in `.langgan/index.bin` with each
//! file's size, mtime and content hash, so a later command re-parses only the
//! files that changed. Versioned and checksummed: a damaged, truncated or
//! foreign cache is ignored and rebuilt, never trusted.

use crate::error::Diagnostic;
use crate::shop::config::Config;
use crate::shop::dir::{Found, RecordKind, Scan, ShopDir, Stamp};
use crate::shop::hash::fnv1a;
use crate::shop::record::file::{parse_bytes, parse_read, Parsed};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub const DIR: &str = ".langgan";
pub const FILE: &str = "index.bin";
const MAGIC: &[u8; 8] = b"LANGGAN\x01";
/// Bump when the record types or this format change.
const FORMAT: u32 = 4;
/// A file modified this close to the cache's writing may have changed within
/// the same mtime tick: check its content instead of trusting the stat.
const RACY: Duration = Duration::from_secs(2);

/// How many files may be parsed again on load before the cache is rewritten.
const REWRITE_AFTER: usize = 64;

#[derive(Serialize, Deserialize)]
struct Entry {
    rel: String,
    kind: RecordKind,
    stamp: Stamp,
    hash: u64,
    parsed: Parsed,
}

#[derive(Serialize, Deserialize)]
struct Header {
    crate_version: String,
    config_hash: u64,
    written_ns: u128,
}

pub fn path(dir: &ShopDir) -> PathBuf {
    dir.root.join(DIR).join(FILE)
}

/// Entries per section: sections are checked and decoded in parallel.
const SECTION: usize = 4096;

/// Reads a sectioned file: MAGIC, FORMAT (u32), section count (u32), then per
/// section its length and FNV-1a checksum (u64 each), then the sections: a
/// header, then the entries, each section postcard-encoded. `accept` vets the
/// header before the entries are decoded. `None` for anything damaged.
pub fn read_sectioned<H, E>(
    file: &std::path::Path,
    magic: &[u8; 8],
    format: u32,
    accept: impl FnOnce(&H) -> bool,
) -> Option<(H, Vec<E>)>
where
    H: serde::de::DeserializeOwned,
    E: serde::de::DeserializeOwned + Send,
{
    let bytes = std::fs::read(file).ok()?;
    let body = bytes.strip_prefix(magic)?;
    let (found_format, body) = body.split_at_checked(4)?;
    if u32::from_le_bytes(found_format.try_into().ok()?) != format {
        return None;
    }
    let (count, mut body) = body.split_at_checked(4)?;
    let count = usize::try_from(u32::from_le_bytes(count.try_into().ok()?)).ok()?;
    let mut table = Vec::with_capacity(count.min(1 << 20));
    for _ in 0..count {
        let (len, rest) = body.split_at_checked(8)?;
        let (sum, rest) = rest.split_at_checked(8)?;
        let len = usize::try_from(u64::from_le_bytes(len.try_into().ok()?)).ok()?;
        table.push((len, u64::from_le_bytes(sum.try_into().ok()?)));
        body = rest;
    }
    let mut sections = Vec::with_capacity(table.len());
    for (len, sum) in table {
        let (section, rest) = body.split_at_checked(len)?;
        sections.push((section, sum));
        body = rest;
    }
    let ((head, head_sum), rest) = sections.split_first()?;
    if !body.is_empty() || fnv1a(head) != *head_sum {
        return None;
    }
    let header: H = postcard::from_bytes(head).ok()?;
    if !accept(&header) {
        return None;
    }
    let decoded: Option<Vec<Vec<E>>> = rest
        .par_iter()
        .map(|(section, sum)| {
            (fnv1a(section) == *sum)
                .then(|| postcard::from_bytes(section).ok())
                .flatten()
        })
        .collect();
    Some((header, decoded?.into_iter().flatten().collect()))
}

/// Writes a sectioned file (see `read_sectioned`) into the shop's `.langgan/`.
/// A file that cannot be written (read-only shop) only costs speed next time.
pub fn write_sectioned<H: Serialize, E: Serialize + Sync>(
    dir: &ShopDir,
    name: &str,
    magic: &[u8; 8],
    format: u32,
    header: &H,
    entries: &[E],
    per_section: usize,
) {
    let Ok(head) = postcard::to_allocvec(header) else {
        return;
    };
    let Ok(mut sections) = entries
        .par_chunks(per_section.max(1))
        .map(postcard::to_allocvec)
        .collect::<Result<Vec<Vec<u8>>, _>>()
    else {
        return;
    };
    sections.insert(0, head);
    let total: usize = sections.iter().map(Vec::len).sum();
    let mut bytes = Vec::with_capacity(16 + 16 * sections.len() + total);
    bytes.extend_from_slice(magic);
    bytes.extend_from_slice(&format.to_le_bytes());
    bytes.extend_from_slice(&(sections.len() as u32).to_le_bytes());
    let sums: Vec<u64> = sections.par_iter().map(|s| fnv1a(s)).collect();
    for (s, sum) in sections.iter().zip(sums) {
        bytes.extend_from_slice(&(s.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&sum.to_le_bytes());
    }
    for s in &sections {
        bytes.extend_from_slice(s);
    }
    let folder = dir.root.join(DIR);
    if std::fs::create_dir_all(&folder).is_err() {
        return;
    }
    if !folder.join(".gitignore").exists() {
        let _ = std::fs::write(folder.join(".gitignore"), "*\n");
    }
    let _ = crate::io::atomic::atomic_write_unsynced(&folder.join(name), &bytes);
}

fn read(dir: &ShopDir, config_hash: u64) -> Option<(Header, Vec<Entry>)> {
    read_sectioned(&path(dir), MAGIC, FORMAT, |h: &Header| {
        h.crate_version == env!("LANGGAN_VERSION") && h.config_hash == config_hash
    })
}

fn write(dir: &ShopDir, header: &Header, entries: &[Entry]) {
    write_sectioned(dir, FILE, MAGIC, FORMAT, header, entries, SECTION);
}

/// Cache files being written on other threads.
static PENDING: std::sync::Mutex<Vec<std::thread::JoinHandle<()>>> =
    std::sync::Mutex::new(Vec::new());

/// Runs a cache write on its own thread, so a command does not wait for it
/// until it ends (`wait_for_writes`).
pub fn in_background(write: impl FnOnce() + Send + 'static) {
    let handle = std::thread::spawn(write);
    if let Ok(mut pending) = PENDING.lock() {
        pending.push(handle);
    }
}

/// Waits for every cache write started by `in_background`; called before the
/// process exits, so a cache file is never left half-written by us.
pub fn wait_for_writes() {
    let handles: Vec<_> = PENDING
        .lock()
        .map(|mut p| p.drain(..).collect())
        .unwrap_or_default();
    for h in handles {
        let _ = h.join();
    }
}

enum Outcome {
    Cached {
        parsed: Parsed,
        stamp: Stamp,
        hash: u64,
    },
    Fresh {
        parsed: Parsed,
        diags: Vec<Diagnostic>,
        stamp: Option<Stamp>,
        hash: u64,
    },
}

/// Matches walked files with cache entries. Both are in walk order, so the
/// common case is a straight zip; a map is built only when they diverge.
fn match_entries(found: &[Found], entries: Vec<Entry>) -> (Vec<Option<Entry>>, bool) {
    let total = entries.len();
    let mut slots: Vec<Option<Entry>> = entries.into_iter().map(Some).collect();
    let mut by_rel: Option<HashMap<String, usize>> = None;
    let mut cursor = 0;
    let mut taken = 0;
    let out = found
        .iter()
        .map(|f| {
            let rel = f.rel.to_str()?;
            let at = if slots
                .get(cursor)
                .and_then(Option::as_ref)
                .is_some_and(|e| e.rel == rel)
            {
                cursor += 1;
                cursor - 1
            } else {
                let map = by_rel.get_or_insert_with(|| {
                    slots
                        .iter()
                        .enumerate()
                        .filter_map(|(i, e)| Some((e.as_ref()?.rel.clone(), i)))
                        .collect()
                });
                *map.get(rel)?
            };
            let e = slots.get_mut(at)?.take();
            taken += usize::from(e.is_some());
            e
        })
        .collect();
    (out, taken < total)
}

/// Loads every found file, from the cache where it is still valid.
pub fn load_records(
    dir: &ShopDir,
    config: &Config,
    config_text: &[u8],
    scan: Scan,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(Found, Parsed)> {
    let config_hash = fnv1a(config_text);
    let (written_ns, entries) = match read(dir, config_hash) {
        Some((h, entries)) => (h.written_ns, entries),
        None => (0, Vec::new()),
    };
    let had_cache = written_ns > 0;
    let racy_ns = written_ns.saturating_sub(RACY.as_nanos());
    let Scan { found, stamps, .. } = scan;
    let (matched, removed_any) = match_entries(&found, entries);
    let started_ns = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let results: Vec<(Found, Outcome)> = found
        .into_par_iter()
        .zip(stamps)
        .zip(matched)
        .map(|((f, stamp), entry)| {
            let outcome = reuse_or_parse(dir, config, &f, stamp, entry, racy_ns);
            (f, outcome)
        })
        .collect();
    // Parsed again and worth keeping: a few are cheaper to parse again next
    // time than rewriting the whole cache (55 MB at 100k customers) now.
    let mut fresh_kept = 0usize;
    let mut out = Vec::with_capacity(results.len());
    let mut refs_meta: Vec<(Stamp, u64, bool)> = Vec::with_capacity(results.len());
    for (f, outcome) in results {
        match outcome {
            Outcome::Cached {
                parsed,
                stamp,
                hash,
            } => {
                refs_meta.push((stamp, hash, true));
                out.push((f, parsed));
            }
            Outcome::Fresh {
                parsed,
                diags: d,
                stamp,
                hash,
            } => {
                // Files with problems are not cached: they are few and re-checked each time.
                let keep = d.is_empty() && !matches!(parsed, Parsed::Broken) && stamp.is_some();
                fresh_kept += usize::from(keep);
                refs_meta.push((stamp.unwrap_or(Stamp::UNKNOWN), hash, keep));
                diags.extend(d);
                out.push((f, parsed));
            }
        }
    }
    // A file left out stays valid to skip: its entry no longer matches the
    // file's size, mtime or hash, so it is read again.
    let dirty = !had_cache || removed_any || fresh_kept > REWRITE_AFTER;
    if dirty {
        let header = Header {
            crate_version: env!("LANGGAN_VERSION").into(),
            config_hash,
            written_ns: started_ns,
        };
        rewrite_in_background(dir, header, &out, &refs_meta);
    }
    out
}

/// One file: its cache entry when the stat (or, failing that, the content)
/// shows it unchanged, else parsed afresh.
fn reuse_or_parse(
    dir: &ShopDir,
    config: &Config,
    f: &Found,
    stamp: Option<Stamp>,
    entry: Option<Entry>,
    racy_ns: u128,
) -> Outcome {
    let entry = match entry {
        Some(e)
            if stamp
                .is_some_and(|st| e.kind == f.kind && e.stamp == st && st.mtime_ns < racy_ns) =>
        {
            return Outcome::Cached {
                parsed: e.parsed,
                stamp: e.stamp,
                hash: e.hash,
            };
        }
        other => other,
    };
    let full = dir.root.join(&f.rel);
    let bytes = match std::fs::read(&full) {
        Ok(b) => b,
        // Unreadable or gone since the walk: said so (not parsed as an empty file).
        Err(e) => {
            let (parsed, diags) = parse_read(dir, config, f, Err(e));
            return Outcome::Fresh {
                parsed,
                diags,
                stamp,
                hash: 0,
            };
        }
    };
    let hash = fnv1a(&bytes);
    if let Some(e) = entry.filter(|e| e.hash == hash && e.kind == f.kind && stamp.is_some()) {
        // Touched but unchanged (e.g. a git checkout): keep, note the new stamp.
        return Outcome::Fresh {
            parsed: e.parsed,
            diags: Vec::new(),
            stamp,
            hash,
        };
    }
    let (parsed, diags) = parse_bytes(dir, config, f, &bytes);
    Outcome::Fresh {
        parsed,
        diags,
        stamp,
        hash,
    }
}

/// Writes the cache again with the records worth keeping, on another thread
/// while the command goes on; `wait_for_writes` joins it. Owned (records are
/// shared, so this copies only paths).
fn rewrite_in_background(
    dir: &ShopDir,
    header: Header,
    out: &[(Found, Parsed)],
    refs_meta: &[(Stamp, u64, bool)],
) {
    let entries: Vec<Entry> = out
        .par_iter()
        .zip(refs_meta.par_iter())
        .filter_map(|((f, p), (stamp, hash, keep))| {
            if !keep {
                return None;
            }
            Some(Entry {
                rel: f.rel.to_str()?.to_string(),
                kind: f.kind,
                stamp: *stamp,
                hash: *hash,
                parsed: p.clone(),
            })
        })
        .collect();
    let dir = dir.clone();
    in_background(move || write(&dir, &header, &entries));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 13.7: a file the walk listed but that cannot be read is said so
    /// on the cache path too, never parsed as an empty file.
    #[test]
    fn a_file_that_cannot_be_read_is_not_taken_for_an_empty_one() {
        let root = tempfile::tempdir().expect("temp dir");
        let dir = ShopDir {
            root: root.path().to_path_buf(),
            shown_root: PathBuf::new(),
        };
        std::fs::create_dir_all(root.path().join("customers")).expect("folder");
        std::fs::write(root.path().join("customers/empty.yaml"), "").expect("write");
        let found = |rel: &str| Found {
            kind: RecordKind::Customer,
            rel: PathBuf::from(rel),
        };
        let scan = Scan {
            // Gone since the walk (as after a rename by an editor).
            found: vec![found("customers/empty.yaml"), found("customers/gone.yaml")],
            stamps: vec![
                Some(Stamp {
                    size: 0,
                    mtime_ns: 1,
                }),
                Some(Stamp {
                    size: 10,
                    mtime_ns: 1,
                }),
            ],
            ..Scan::default()
        };
        let config = Config::for_tests("Asia/Jakarta");
        let mut diags = Vec::new();
        let out = load_records(&dir, &config, b"", scan, &mut diags);
        wait_for_writes();
        assert_eq!(out.len(), 2);
        let said: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(
            said[0].starts_with("customers/empty.yaml:1:1: error: berkas ini kosong"),
            "{said:?}"
        );
        assert!(
            said[1].starts_with(
                "customers/gone.yaml:1:1: error: berkas ini hilang saat sedang dibaca"
            ),
            "{said:?}"
        );
    }
}
