//! The loaded shop: walk the record folders, parse in parallel, check the
//! invariants that span files, and keep an owned in-memory index.

use crate::error::{Diagnostic, Error, Result};
use crate::shop::config::{self, is_slug, Config};
use crate::shop::record::{self, Complaint, Customer};
use rayon::prelude::*;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const CUSTOMERS_DIR: &str = "customers";
pub const COMPLAINTS_DIR: &str = "complaints";

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RecordKind {
    Customer,
    Complaint,
}

/// A shop on disk: where it is and how to show its paths.
#[derive(Debug, Clone)]
pub struct ShopDir {
    pub root: PathBuf,
    /// Prefix for paths shown to the user (empty when the shop is the working directory).
    pub shown_root: PathBuf,
}

impl ShopDir {
    /// `--shop DIR`, else the nearest folder holding shop.toml from the working directory up.
    pub fn locate(explicit: Option<&Path>) -> Result<ShopDir> {
        if let Some(dir) = explicit {
            if !dir.join("shop.toml").is_file() {
                return Err(Error::usage(format!(
                    "{}: no shop.toml here; create a shop with `langgan init {}`",
                    dir.display(),
                    dir.display()
                )));
            }
            let shown = if dir == Path::new(".") {
                PathBuf::new()
            } else {
                dir.to_path_buf()
            };
            return Ok(ShopDir {
                root: dir.to_path_buf(),
                shown_root: shown,
            });
        }
        let cwd = std::env::current_dir()
            .map_err(|e| Error::usage(format!("cannot read the working directory: {e}")))?;
        let mut dir = cwd.as_path();
        let mut ups = PathBuf::new();
        loop {
            if dir.join("shop.toml").is_file() {
                return Ok(ShopDir {
                    root: dir.to_path_buf(),
                    shown_root: ups,
                });
            }
            match dir.parent() {
                Some(p) => {
                    dir = p;
                    ups.push("..");
                }
                None => {
                    return Err(Error::usage(
                        "no shop.toml in this folder or any above it; use --shop DIR or create one with `langgan init`",
                    ))
                }
            }
        }
    }

    /// The path as shown in messages for a path relative to the shop.
    pub fn shown(&self, rel: &Path) -> PathBuf {
        self.shown_root.join(rel)
    }
}

/// One record file found by the walk.
#[derive(Debug, Clone)]
pub struct Found {
    pub kind: RecordKind,
    /// Relative to the shop root.
    pub rel: PathBuf,
}

/// Is this a record file name? An allowlist: `*.yaml`/`*.yml`, not a dot-file.
pub fn is_record_name(name: &str) -> bool {
    !name.starts_with('.') && (name.ends_with(".yaml") || name.ends_with(".yml"))
}

/// The record files found by a walk, in path order, each with its size and
/// mtime (taken in the same pass, relative to the open folder, which is much
/// cheaper than a second stat by full path).
#[derive(Default)]
pub struct Scan {
    pub found: Vec<Found>,
    pub stamps: Vec<Option<crate::shop::cache::Stamp>>,
    pub diags: Vec<Diagnostic>,
}

/// Walks the record folders. Problems with paths become diagnostics.
pub fn walk(dir: &ShopDir) -> Scan {
    // The two folders are independent: walk them on both cores.
    let (mut a, b) = rayon::join(
        || scan_tree(dir, Path::new(CUSTOMERS_DIR)),
        || scan_tree(dir, Path::new(COMPLAINTS_DIR)),
    );
    a.found.extend(b.found);
    a.stamps.extend(b.stamps);
    a.diags.extend(b.diags);
    a
}

/// The kind of record a shop-relative path holds, by its top folder.
pub fn kind_of(rel: &Path) -> Option<RecordKind> {
    match rel.components().next()?.as_os_str().to_str()? {
        CUSTOMERS_DIR => Some(RecordKind::Customer),
        COMPLAINTS_DIR => Some(RecordKind::Complaint),
        _ => None,
    }
}

/// Walks one folder inside a record folder (or the record folder itself).
pub fn walk_tree(dir: &ShopDir, sub: &Path) -> (Vec<Found>, Vec<Diagnostic>) {
    let scan = scan_tree(dir, sub);
    (scan.found, scan.diags)
}

/// Walks one folder depth-first, each folder's entries sorted by name (so the
/// result is in path order), skipping dot-files and never following links.
pub fn scan_tree(dir: &ShopDir, sub: &Path) -> Scan {
    let mut scan = Scan::default();
    let Some(kind) = kind_of(sub) else {
        return scan;
    };
    if std::fs::symlink_metadata(dir.root.join(sub)).is_ok_and(|m| m.is_dir()) {
        scan_folder(dir, kind, sub, &mut scan);
    }
    scan
}

fn scan_folder(dir: &ShopDir, kind: RecordKind, rel_dir: &Path, scan: &mut Scan) {
    let cannot_read = |scan: &mut Scan, e: &std::io::Error| {
        scan.diags.push(Diagnostic::error(
            &dir.shown(rel_dir),
            0,
            0,
            format!("cannot read: {}", crate::error::describe_io(e)),
        ));
    };
    let entries = match std::fs::read_dir(dir.root.join(rel_dir)) {
        Ok(rd) => rd,
        Err(e) => return cannot_read(scan, &e),
    };
    let mut names: Vec<(String, std::fs::DirEntry)> = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                cannot_read(scan, &e);
                continue;
            }
        };
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            scan.diags.push(Diagnostic::error(
                &dir.shown(&rel_dir.join(&name)),
                0,
                0,
                "file name is not valid UTF-8; rename it with plain letters and digits",
            ));
            continue;
        };
        if !name.starts_with('.') {
            names.push((name.to_string(), entry));
        }
    }
    names.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    // Record files of this folder, stat'ed together on every core at the end.
    let mut files: Vec<(PathBuf, std::fs::DirEntry)> = Vec::new();
    let flush = |files: &mut Vec<(PathBuf, std::fs::DirEntry)>, scan: &mut Scan| {
        // fstatat on the open folder: no second lookup of the whole path.
        let stamps: Vec<_> = files
            .par_iter()
            .map(|(_, e)| {
                e.metadata()
                    .ok()
                    .and_then(|m| crate::shop::cache::Stamp::of(&m))
            })
            .collect();
        for ((rel, _), stamp) in files.drain(..).zip(stamps) {
            scan.found.push(Found { kind, rel });
            scan.stamps.push(stamp);
        }
    };
    for (name, entry) in names {
        let rel = rel_dir.join(&name);
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_symlink() {
            let to_dir = std::fs::metadata(entry.path()).map_or(true, |m| m.is_dir());
            if is_record_name(&name) || to_dir {
                scan.diags.push(Diagnostic::error(
                    &dir.shown(&rel),
                    0,
                    0,
                    "symbolic links are not followed; put the record file itself here",
                ));
            }
        } else if file_type.is_dir() {
            // Keep path order: this folder's earlier files first, then the subfolder.
            flush(&mut files, scan);
            scan_folder(dir, kind, &rel, scan);
        } else if file_type.is_file() && is_record_name(&name) {
            files.push((rel, entry));
        }
    }
    flush(&mut files, scan);
}

/// Finds a record file by id without parsing the shop.
pub fn find_record(dir: &ShopDir, kind: RecordKind, id: &str) -> Option<Found> {
    let sub = match kind {
        RecordKind::Customer => CUSTOMERS_DIR,
        RecordKind::Complaint => COMPLAINTS_DIR,
    };
    walk_tree(dir, Path::new(sub))
        .0
        .into_iter()
        .find(|f| record_id(&f.rel) == Some(id))
}

/// The id of a record: its file stem.
pub fn record_id(rel: &Path) -> Option<&str> {
    rel.file_stem().and_then(|s| s.to_str())
}

/// FNV-1a as a `Hasher`: ids and phones are short, and they come from the
/// shop's own files, so SipHash's flood resistance is not worth its cost on
/// every load of a 100k-customer index.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type FastHash = std::hash::BuildHasherDefault<Fnv>;
/// A map keyed by record id.
pub type IdMap<V> = HashMap<String, V, FastHash>;

/// The loaded shop.
#[derive(Debug, Clone)]
pub struct Shop {
    pub dir: ShopDir,
    pub config: Config,
    /// Sorted by id. Shared: the watcher's per-file state and the index hold
    /// the same records, so a rebuild does not copy the shop.
    pub customers: Vec<Arc<Customer>>,
    /// Sorted by id.
    pub complaints: Vec<Arc<Complaint>>,
    pub customer_index: IdMap<usize>,
    /// Complaint positions by customer index.
    pub complaints_by_customer: Vec<Vec<usize>>,
    /// Every problem found, sorted by path then position.
    pub diagnostics: Vec<Diagnostic>,
}

/// The result of parsing one file.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
pub enum Parsed {
    Customer(Arc<Customer>),
    Complaint(Arc<Complaint>),
    Broken,
}

pub fn parse_file(dir: &ShopDir, cfg: &Config, f: &Found) -> (Parsed, Vec<Diagnostic>) {
    match std::fs::read(dir.root.join(&f.rel)) {
        Ok(bytes) => parse_bytes(dir, cfg, f, &bytes),
        Err(e) => (
            Parsed::Broken,
            vec![Diagnostic::error(
                &dir.shown(&f.rel),
                0,
                0,
                format!("cannot read: {}", crate::error::describe_io(&e)),
            )],
        ),
    }
}

/// Parses a record file's bytes (already read).
pub fn parse_bytes(
    dir: &ShopDir,
    cfg: &Config,
    f: &Found,
    bytes: &[u8],
) -> (Parsed, Vec<Diagnostic>) {
    let shown = dir.shown(&f.rel);
    let id = record_id(&f.rel).unwrap_or_default();
    if !is_slug(id) {
        return (
            Parsed::Broken,
            vec![Diagnostic::error(
                &shown,
                0,
                0,
                format!(
                    "`{id}` is not a valid id: file names must be lowercase letters, digits, `.`, `_` or `-` (like `siti-rahma.yaml`)"
                ),
            )],
        );
    }
    let text = match record::decode(&shown, bytes) {
        Ok(t) => t,
        Err(d) => return (Parsed::Broken, vec![d]),
    };
    parse_text(f, &shown, &text, cfg)
}

/// Lines holding git merge conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`).
pub fn conflict_markers(text: &str) -> Vec<(u32, &'static str)> {
    text.lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let marker = ["<<<<<<<", "=======", ">>>>>>>", "|||||||"]
                .into_iter()
                .find(|m| {
                    l.starts_with(m)
                        && l[m.len()..]
                            .chars()
                            .next()
                            .is_none_or(|c| c == ' ' || c == '\r')
                })?;
            Some((i as u32 + 1, marker))
        })
        .collect()
}

pub fn parse_text(f: &Found, shown: &Path, text: &str, cfg: &Config) -> (Parsed, Vec<Diagnostic>) {
    let markers = conflict_markers(text);
    if !markers.is_empty() {
        let diags = markers
            .into_iter()
            .map(|(line, m)| {
                let what = match m {
                    "<<<<<<<" => "start of a git merge conflict (your side follows)",
                    "=======" => "middle of a git merge conflict (the other side follows)",
                    "|||||||" => "common ancestor of a git merge conflict",
                    _ => "end of a git merge conflict",
                };
                Diagnostic::error(
                    shown,
                    line,
                    1,
                    format!("`{m}`: {what}; keep the right lines, delete the markers, then save"),
                )
            })
            .collect();
        return (Parsed::Broken, diags);
    }
    let id = record_id(&f.rel).unwrap_or_default();
    match f.kind {
        RecordKind::Customer => {
            let (c, d) = record::parse_customer(id, shown, text, cfg);
            match c {
                Some(mut c) => {
                    c.path = f.rel.clone();
                    (Parsed::Customer(Arc::new(c)), d)
                }
                None => (Parsed::Broken, d),
            }
        }
        RecordKind::Complaint => {
            let (c, d) = record::parse_complaint(id, shown, text, cfg);
            match c {
                Some(mut c) => {
                    c.path = f.rel.clone();
                    (Parsed::Complaint(Arc::new(c)), d)
                }
                None => (Parsed::Broken, d),
            }
        }
    }
}

/// Loads shop.toml; its problems end the command (nothing else can be read without it).
pub fn load_config(dir: &ShopDir) -> Result<Config> {
    let shown = dir.shown(Path::new("shop.toml"));
    config::load(&dir.root.join("shop.toml"), &shown)
}

/// Loads the whole shop: config, then every record in parallel.
pub fn load(dir: &ShopDir) -> Result<Shop> {
    load_with(dir, true)
}

/// Loads the shop; with `use_cache`, unchanged files come from the index cache
/// (`.langgan/index.bin`) instead of being parsed again.
pub fn load_with(dir: &ShopDir, use_cache: bool) -> Result<Shop> {
    let t0 = std::time::Instant::now();
    let config = load_config(dir)?;
    let mut scan = walk(dir);
    let mut diags = std::mem::take(&mut scan.diags);
    let t1 = t0.elapsed();
    let entries = if use_cache {
        let config_text = std::fs::read(dir.root.join("shop.toml")).unwrap_or_default();
        crate::shop::cache::load_records(dir, &config, &config_text, scan, &mut diags)
    } else {
        let found = scan.found;
        let parsed: Vec<(Parsed, Vec<Diagnostic>)> = found
            .par_iter()
            .map(|f| parse_file(dir, &config, f))
            .collect();
        let mut entries = Vec::with_capacity(found.len());
        for (f, (p, d)) in found.into_iter().zip(parsed) {
            diags.extend(d);
            entries.push((f, p));
        }
        entries
    };
    let t2 = t0.elapsed();
    let shop = assemble(dir.clone(), config, entries, diags);
    if std::env::var_os("LANGGAN_TIMING").is_some() {
        eprintln!(
            "timing: walk {t1:?} parse {:?} assemble {:?}",
            t2 - t1,
            t0.elapsed() - t2
        );
    }
    Ok(shop)
}

/// Builds the index from parsed files and checks cross-file invariants.
pub fn assemble(
    dir: ShopDir,
    config: Config,
    entries: Vec<(Found, Parsed)>,
    mut diags: Vec<Diagnostic>,
) -> Shop {
    // Entries by (kind, id, path): duplicates become neighbours and customers
    // come out sorted by id, with no map of every id.
    let mut order: Vec<usize> = (0..entries.len()).collect();
    let keys: Vec<(u8, &str)> = entries
        .iter()
        .map(|(f, _)| (f.kind as u8, record_id(&f.rel).unwrap_or_default()))
        .collect();
    let key = |i: usize| keys[i];
    // Stable, so among duplicates the first in walk (path) order is kept.
    order.sort_by_key(|&i| keys[i]);
    // Customer ids with a file, loadable or not, so one broken file does not cascade.
    let mut known_customers: Vec<String> = Vec::new();
    let mut first_of: Vec<Option<usize>> = vec![None; entries.len()];
    for w in 1..order.len() {
        if key(order[w - 1]) == key(order[w]) {
            first_of[order[w]] = Some(first_of[order[w - 1]].unwrap_or(order[w - 1]));
        }
    }
    for &i in &order {
        let f = &entries[i].0;
        if let Some(first) = first_of[i] {
            let what = match f.kind {
                RecordKind::Customer => "customer",
                RecordKind::Complaint => "complaint",
            };
            diags.push(Diagnostic::error(
                &dir.shown(&f.rel),
                0,
                0,
                format!(
                    "duplicate {what} id `{}`: {} has the same file name; rename one of them",
                    key(i).1,
                    dir.shown(&entries[first].0.rel).display()
                ),
            ));
        } else if f.kind == RecordKind::Customer {
            known_customers.push(key(i).1.to_string());
        }
    }
    let mut slots: Vec<Option<Parsed>> = entries.into_iter().map(|(_, p)| Some(p)).collect();
    let mut customers = Vec::new();
    let mut complaints = Vec::new();
    for i in order {
        if first_of[i].is_some() {
            continue;
        }
        match slots[i].take() {
            Some(Parsed::Customer(c)) => customers.push(c),
            Some(Parsed::Complaint(c)) => complaints.push(c),
            _ => {}
        }
    }
    drop(slots);
    let customers = without_duplicate_refs(&dir, customers, &mut diags);
    let customer_index: IdMap<usize> = customers
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();

    // Two customers with one phone: likely the same person twice.
    let mut phones: HashMap<&str, &Customer, FastHash> = HashMap::default();
    for c in &customers {
        if let Some(p) = c.phone.as_deref() {
            if let Some(other) = phones.get(p) {
                diags.push(Diagnostic::warning(
                    &dir.shown(&c.path),
                    c.phone_at.0,
                    c.phone_at.1,
                    format!(
                        "same phone as customer `{}` ({}); is this the same person?",
                        other.id,
                        dir.shown(&other.path).display()
                    ),
                ));
            } else {
                phones.insert(p, c);
            }
        }
    }

    let mut kept = Vec::with_capacity(complaints.len());
    for c in complaints {
        let shown = dir.shown(&c.path);
        let (line, col) = c.customer_at;
        match customer_index.get(&c.customer) {
            Some(&i) => {
                let fc = customers[i].first_contact.t;
                if c.opened.t < fc {
                    let tz = &config.timezone;
                    diags.push(Diagnostic::error(
                        &shown,
                        c.opened.line,
                        c.opened.col,
                        format!(
                            "complaint opened {} before customer `{}` first contacted the shop ({})",
                            crate::time::short(c.opened.t, tz),
                            c.customer,
                            crate::time::short(fc, tz)
                        ),
                    ));
                    continue;
                }
                kept.push(c);
            }
            None if known_customers.binary_search(&c.customer).is_ok() => {
                // The customer's file has errors of its own; those are reported there.
                diags.push(Diagnostic::error(
                    &shown,
                    line,
                    col,
                    format!(
                        "customer `{}` cannot be loaded because its file has errors",
                        c.customer
                    ),
                ));
            }
            None => {
                let hint = crate::text::did_you_mean(
                    &c.customer,
                    known_customers.iter().map(String::as_str),
                );
                diags.push(Diagnostic::error(
                    &shown,
                    line,
                    col,
                    format!(
                        "unknown customer `{}`{hint}; there is no customers/{}.yaml",
                        c.customer, c.customer
                    ),
                ));
            }
        }
    }
    let complaints = kept;
    let mut complaints_by_customer = vec![Vec::new(); customers.len()];
    for (i, c) in complaints.iter().enumerate() {
        if let Some(&ci) = customer_index.get(&c.customer) {
            complaints_by_customer[ci].push(i);
        }
    }
    diags.sort();
    Shop {
        dir,
        config,
        customers,
        complaints,
        customer_index,
        complaints_by_customer,
        diagnostics: diags,
    }
}

/// SPEC §3: an order `ref` is unique in the shop. The second one written (in
/// path order, then line) is an error naming the first; its customer is left
/// out of the index, like any record with errors.
fn without_duplicate_refs(
    dir: &ShopDir,
    customers: Vec<Arc<Customer>>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Arc<Customer>> {
    // (customer, order) of every ref; most shops have few, so this stays cheap.
    let mut refs: Vec<(usize, usize)> = Vec::new();
    for (ci, c) in customers.iter().enumerate() {
        for (oi, o) in c.orders.iter().enumerate() {
            if o.reference.is_some() {
                refs.push((ci, oi));
            }
        }
    }
    if refs.is_empty() {
        return customers;
    }
    let order = |&(ci, oi): &(usize, usize)| {
        let c = &customers[ci];
        (&c.path, c.orders[oi].reference_at)
    };
    refs.sort_by(|a, b| order(a).cmp(&order(b)));
    let mut first: HashMap<String, (usize, usize), FastHash> = HashMap::default();
    let mut broken = vec![false; customers.len()];
    for (ci, oi) in refs {
        let c = &customers[ci];
        let o = &c.orders[oi];
        let Some(r) = o.reference.as_deref() else {
            continue;
        };
        match first.entry(record::ref_key(r)) {
            Entry::Occupied(e) => {
                let (fci, foi) = *e.get();
                let f = &customers[fci];
                let (line, col) = f.orders[foi].reference_at;
                let whose = if fci == ci {
                    format!("order #{} in this file", foi + 1)
                } else {
                    format!("order #{} of customer `{}`", foi + 1, f.id)
                };
                diags.push(Diagnostic::error(
                    &dir.shown(&c.path),
                    o.reference_at.0,
                    o.reference_at.1,
                    format!(
                        "order ref `{r}` is already used by {whose} ({}:{line}:{col}); record each order once: remove this copy or correct its ref",
                        dir.shown(&f.path).display()
                    ),
                ));
                broken[ci] = true;
            }
            Entry::Vacant(e) => {
                e.insert((ci, oi));
            }
        }
    }
    customers
        .into_iter()
        .zip(broken)
        .filter_map(|(c, b)| (!b).then_some(c))
        .collect()
}

impl Shop {
    pub fn customer(&self, id: &str) -> Option<&Customer> {
        self.customer_index.get(id).map(|&i| &*self.customers[i])
    }

    pub fn complaint(&self, id: &str) -> Option<&Complaint> {
        self.complaints
            .binary_search_by(|c| c.id.as_str().cmp(id))
            .ok()
            .map(|i| &*self.complaints[i])
    }

    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}

/// Builds a shop from in-memory files, for unit tests of rules and metrics.
#[cfg(test)]
pub fn shop_from_texts(shop_toml: &str, files: &[(&str, &str)]) -> Shop {
    let dir = ShopDir {
        root: PathBuf::from("/nonexistent-test-shop"),
        shown_root: PathBuf::new(),
    };
    let config = match config::parse(shop_toml, Path::new("shop.toml")) {
        Ok(c) => c,
        Err(d) => panic!("shop.toml: {d:?}"),
    };
    let mut entries = Vec::new();
    let mut diags = Vec::new();
    for (path, text) in files {
        let rel = PathBuf::from(path);
        let kind = if path.starts_with(COMPLAINTS_DIR) {
            RecordKind::Complaint
        } else {
            RecordKind::Customer
        };
        let f = Found {
            kind,
            rel: rel.clone(),
        };
        let (p, d) = parse_text(&f, &rel, text, &config);
        diags.extend(d);
        entries.push((f, p));
    }
    let shop = assemble(dir, config, entries, diags);
    assert!(
        shop.diagnostics.iter().all(|d| !d.is_error()),
        "test shop has errors: {:?}",
        shop.diagnostics
    );
    shop
}
