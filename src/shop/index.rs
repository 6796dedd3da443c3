//! The loaded shop: the parsed records assembled into an owned in-memory
//! index, with the invariants that span files checked.

use crate::error::{Diagnostic, SourceLine};
use crate::lang::check as words;
use crate::shop::config::{Config, Lang};
use crate::shop::hash::{fnv1a, FastHash};
use crate::shop::record::{self, Complaint, Customer};
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

// Paths other modules name through `index`, kept while commands/, report/ and
// watch/ are restructured in parallel; new code names `dir` and `record::file`.
pub use crate::shop::dir::{
    find_record, is_record_name, kind_of, record_id, walk_in, walk_tree, Found, RecordKind,
    ShopDir, COMPLAINTS_DIR, CUSTOMERS_DIR,
};
pub use crate::shop::record::file::{parse_file, parse_text, Parsed};

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

/// Builds the index from parsed files and checks cross-file invariants.
pub fn assemble(
    dir: ShopDir,
    config: Config,
    entries: Vec<(Found, Parsed)>,
    mut diags: Vec<Diagnostic>,
) -> Shop {
    let mut sources = SourceLines::new(&dir);
    let lang = config.language;
    let distinct = distinct_records(&dir, entries, &mut diags, lang);
    let customers = without_duplicate_refs(&mut sources, distinct.customers, &mut diags, lang);
    let customer_index: IdMap<usize> = customers
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    same_phones(&mut sources, &customers, &mut diags, lang);
    let complaints = complaints_of_known_customers(
        &mut sources,
        &config,
        distinct.complaints,
        (&customers, &customer_index),
        &distinct.known_customers,
        &mut diags,
    );
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

/// The records of the shop, one per id.
struct Distinct {
    /// Sorted by id.
    customers: Vec<Arc<Customer>>,
    /// Sorted by id.
    complaints: Vec<Arc<Complaint>>,
    /// Customer ids with a file, loadable or not (sorted), so one broken file
    /// does not cascade into errors in the complaints that name it.
    known_customers: Vec<String>,
}

/// Keeps the first file of each id (in path order); a second file with the
/// same id is an error naming the first.
fn distinct_records(
    dir: &ShopDir,
    entries: Vec<(Found, Parsed)>,
    diags: &mut Vec<Diagnostic>,
    lang: Lang,
) -> Distinct {
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
            diags.push(Diagnostic::error(
                &dir.shown(&f.rel),
                0,
                0,
                words::duplicate_id(
                    f.kind == RecordKind::Customer,
                    key(i).1,
                    &dir.shown(&entries[first].0.rel).display().to_string(),
                    lang,
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
    Distinct {
        customers,
        complaints,
        known_customers,
    }
}

/// Two customers with one phone: likely the same person twice (a warning).
fn same_phones(
    sources: &mut SourceLines,
    customers: &[Arc<Customer>],
    diags: &mut Vec<Diagnostic>,
    lang: Lang,
) {
    let dir = sources.dir;
    let mut phones: HashMap<&str, &Customer, FastHash> = HashMap::default();
    for c in customers {
        if let Some(p) = c.phone.as_deref() {
            if let Some(other) = phones.get(p) {
                let d = Diagnostic::warning(
                    &dir.shown(&c.path),
                    c.phone_at.0,
                    c.phone_at.1,
                    words::same_phone(
                        &other.id,
                        &dir.shown(&other.path).display().to_string(),
                        lang,
                    ),
                );
                diags.push(sources.attach(d, &c.path, c.source_hash));
            } else {
                phones.insert(p, c);
            }
        }
    }
}

/// The complaints whose customer is in the index and that were not opened
/// before she first contacted the shop; each other one is an error.
fn complaints_of_known_customers(
    sources: &mut SourceLines,
    config: &Config,
    complaints: Vec<Arc<Complaint>>,
    (customers, customer_index): (&[Arc<Customer>], &IdMap<usize>),
    known_customers: &[String],
    diags: &mut Vec<Diagnostic>,
) -> Vec<Arc<Complaint>> {
    let lang = config.language;
    let mut kept = Vec::with_capacity(complaints.len());
    for c in complaints {
        let shown = sources.dir.shown(&c.path);
        let (line, col) = c.customer_at;
        match customer_index.get(&c.customer) {
            Some(&i) => {
                let fc = customers[i].first_contact.t;
                if c.opened.t < fc {
                    let tz = &config.timezone;
                    let d = Diagnostic::error(
                        &shown,
                        c.opened.line,
                        c.opened.col,
                        words::opened_before_first_contact(
                            &crate::time::short(c.opened.t, tz),
                            &c.customer,
                            &crate::time::short(fc, tz),
                            lang,
                        ),
                    );
                    diags.push(sources.attach(d, &c.path, c.source_hash));
                    continue;
                }
                kept.push(c);
            }
            None if known_customers.binary_search(&c.customer).is_ok() => {
                // The customer's file has errors of its own; those are reported there.
                let d = Diagnostic::error(
                    &shown,
                    line,
                    col,
                    words::customer_has_errors(&c.customer, lang),
                );
                diags.push(sources.attach(d, &c.path, c.source_hash));
            }
            None => {
                let hint = crate::text::did_you_mean_in(
                    &c.customer,
                    known_customers.iter().map(String::as_str),
                    lang,
                );
                let d = Diagnostic::error(
                    &shown,
                    line,
                    col,
                    words::unknown_customer(&c.customer, &hint, lang),
                );
                diags.push(sources.attach(d, &c.path, c.source_hash));
            }
        }
    }
    kept
}

/// SPEC §3: an order `ref` is unique in the shop. The second one written (in
/// path order, then line) is an error naming the first; its customer is left
/// out of the index, like any record with errors.
fn without_duplicate_refs(
    sources: &mut SourceLines,
    customers: Vec<Arc<Customer>>,
    diags: &mut Vec<Diagnostic>,
    lang: Lang,
) -> Vec<Arc<Customer>> {
    let dir = sources.dir;
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
                let whose = (fci != ci).then_some(f.id.as_str());
                let at = format!("{}:{line}:{col}", dir.shown(&f.path).display());
                let d = Diagnostic::error(
                    &dir.shown(&c.path),
                    o.reference_at.0,
                    o.reference_at.1,
                    words::ref_used(r, foi + 1, whose, &at, lang),
                );
                diags.push(sources.attach(d, &c.path, c.source_hash));
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

/// Source lines for the diagnostics found across files. The index keeps no
/// text, so a record's file is read again, and its line shown only when the
/// file still holds the text that was parsed (same hash as the record).
struct SourceLines<'a> {
    dir: &'a ShopDir,
    /// Per record file: its text and where each line starts, or `None` when it
    /// cannot be read or has changed since it was parsed.
    files: HashMap<PathBuf, Option<(String, Vec<usize>)>>,
}

impl<'a> SourceLines<'a> {
    fn new(dir: &'a ShopDir) -> Self {
        SourceLines {
            dir,
            files: HashMap::new(),
        }
    }

    /// `d`, a problem in the record at `rel` (parsed from text hashing to
    /// `source_hash`), with its source line when the file still has it.
    fn attach(&mut self, d: Diagnostic, rel: &Path, source_hash: u64) -> Diagnostic {
        if d.line == 0 {
            return d;
        }
        let dir = self.dir;
        let file = self.files.entry(rel.to_path_buf()).or_insert_with(|| {
            let bytes = std::fs::read(dir.root.join(rel)).ok()?;
            let text = record::decode_in(rel, &bytes, Lang::Id).ok()?;
            if fnv1a(text.as_bytes()) != source_hash {
                return None;
            }
            let starts = std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect();
            Some((text, starts))
        });
        let source = file.as_ref().and_then(|(text, starts)| {
            let start = *starts.get(d.line as usize - 1)?;
            let line = text[start..].split('\n').next().unwrap_or("");
            let in_line = line
                .char_indices()
                .nth(d.col.saturating_sub(1) as usize)
                .map_or(line.len(), |(i, _)| i);
            // The records keep where a value starts, not how long it is.
            SourceLine::at(text, start + in_line, 1)
        });
        d.with_source(source)
    }
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
    use crate::shop::config;
    use std::path::{Path, PathBuf};
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cross_file_problems_show_their_line_while_the_file_is_unchanged() {
        let root = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(root.path().join(COMPLAINTS_DIR)).expect("folder");
        let text = "customer: budi\nopened: 2026-11-03\nsummary: x\n";
        let file = root.path().join("complaints/k.yaml");
        std::fs::write(&file, text).expect("write");
        let dir = ShopDir {
            root: root.path().to_path_buf(),
            shown_root: PathBuf::new(),
        };
        let mut config = Config::for_tests("Asia/Jakarta");
        config.language = Lang::En;
        let f = Found {
            kind: RecordKind::Complaint,
            rel: PathBuf::from("complaints/k.yaml"),
        };
        let (parsed, d) = parse_text(&f, &f.rel, text, &config);
        assert!(d.is_empty(), "{d:?}");
        let entries = vec![(f, parsed)];
        let shop = assemble(dir.clone(), config.clone(), entries.clone(), Vec::new());
        assert_eq!(
            shop.diagnostics[0].rendered().to_string(),
            "complaints/k.yaml:1:11: error: unknown customer `budi`; there is no customers/budi.yaml\n   1 | customer: budi\n     |           ^"
        );
        // Edited since it was parsed: its lines are not the ones checked.
        std::fs::write(&file, format!("# note\n{text}")).expect("write");
        let shop = assemble(dir, config, entries, Vec::new());
        assert_eq!(shop.diagnostics[0].line, 1);
        assert!(shop.diagnostics[0].source.is_none());
    }
}
