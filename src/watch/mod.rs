//! `watch`: build once, then follow the shop folder and rebuild incrementally
//! (SPEC §8). Changed files are re-parsed alone; a file whose new text does not
//! parse keeps its last good record and its error is shown until fixed; only
//! the pages whose inputs changed are rendered again.

pub mod classify;
pub mod serve;

use crate::error::{Diagnostic, Error, Result};
use crate::metrics::Tally;
use crate::report::moment::Moment;
use crate::report::state::{Shares, TallyState};
use crate::report::{self, Job, Site};
use crate::shop::config::Config;
use crate::shop::index::{self, assemble, kind_of, Found, Parsed, RecordKind, Shop, ShopDir};
use crate::shop::record::{Complaint, Customer};
use crate::time::Week;
use classify::{classify, FsEvent, Op, Plan};
use jiff::Timestamp;
use notify::event::{CreateKind, EventKind, ModifyKind, RemoveKind, RenameMode};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

/// Debounce: long enough to join an editor's save steps, short enough to feel instant.
pub const DEBOUNCE: Duration = Duration::from_millis(75);

/// Quiet time after which the watcher writes what can wait (the site manifest).
const IDLE: Duration = Duration::from_millis(100);

struct FileState {
    found: Found,
    /// The last version that parsed without errors.
    good: Option<Parsed>,
    /// Problems of the current text on disk.
    diags: Vec<Diagnostic>,
}

/// The shop as the watcher holds it between rebuilds.
pub struct Live {
    dir: ShopDir,
    out: PathBuf,
    config: Config,
    config_diags: Vec<Diagnostic>,
    files: BTreeMap<PathBuf, FileState>,
    fixed_now: Option<Timestamp>,
    /// The period tallies per bucket of customers, updated incrementally.
    tallies: Option<TallyState>,
    /// The shop of the last rebuild, patched in place when an edit keeps every
    /// record's identity (see [`Live::patch`]) instead of assembled again.
    shop: Option<Shop>,
    /// The cross-file problems of the last full assembly (duplicate ids, shared
    /// phones, complaints without their customer).
    cross_diags: Vec<Diagnostic>,
    /// The records the last patch replaced (`None` after a full assembly).
    replaced: Option<Vec<Parsed>>,
    /// What the last successful rebuild rendered the overview pages from.
    rendered: Option<Rendered>,
    /// Each customer's agenda tasks at a moment (by customer index), so a
    /// patched edit re-evaluates only the customers it touched.
    agenda: Option<(Timestamp, Vec<Moment>)>,
    /// The figures' shares of the customers a patch touched, before it.
    before: Option<Shares>,
    /// How many events fall on each local day up to a moment, and the
    /// periods they give: a patched edit moves only its records' days.
    days: Option<(Timestamp, BTreeMap<i64, u32>, report::Periods)>,
    /// The weekly lists at a moment, moved by a patched edit's customers.
    week_rows: Option<(Timestamp, HashMap<Week, report::WeekRows>)>,
    /// What the last site worked out that an edit rarely changes.
    kept: Option<Kept>,
    /// The site's manifest as this watcher last wrote it.
    manifest: Option<report::Manifest>,
    /// The manifest in memory is newer than the one on disk.
    manifest_dirty: bool,
    /// The page templates and the site key (program, shop.toml, templates),
    /// read again on a full change (templates, shop.toml).
    templates: Option<(Arc<tera::Tera>, u64)>,
    /// Whether the last patched edit changed a touched customer's agenda.
    agenda_changed: bool,
    /// The customers whose moment key changed since the last rebuild (the
    /// clock moved), whose pages are rendered again; `None` when unknown
    /// (the shop was assembled anew).
    moved: Option<Vec<usize>>,
}

/// Parts of the last site kept for the next rebuild at the same now.
struct Kept {
    now: Timestamp,
    public_feedback: Vec<(Timestamp, usize, usize)>,
    listed: Vec<usize>,
    resolve_due: Vec<Timestamp>,
}

/// The shop-wide inputs of the overview pages at the last rebuild.
struct Rendered {
    now: Timestamp,
    weeks: Vec<Week>,
    months: Vec<report::Month>,
    tallies: HashMap<Week, Tally>,
    problems: Vec<String>,
    /// The day the pages say they are as of.
    date: String,
}

/// The overview pages an edit can change, beyond those rendered on every
/// rebuild (dashboard, hours, months, index pages by their keys).
struct Affected {
    weeks: BTreeSet<Week>,
    testimonials: bool,
    complaints: bool,
    hours: bool,
    dashboard: bool,
    /// Pages of the customer index holding an edited customer.
    index_pages: BTreeSet<usize>,
}

/// What one batch changed.
#[derive(Debug, Default)]
pub struct Changes {
    pub full: bool,
    pub files: Vec<PathBuf>,
    /// Files saved with no change to their records or problems (a second
    /// save, a comment): nothing to rebuild.
    pub same: Vec<PathBuf>,
    /// Some file's problems may have changed (else the shop's list stands).
    pub diags: bool,
    pub customers: BTreeSet<String>,
    pub complaints: BTreeSet<String>,
}

fn touched_ids(p: &Option<Parsed>, rel: &Path, ch: &mut Changes) {
    let id = index::record_id(rel).unwrap_or_default().to_string();
    match kind_of(rel) {
        Some(RecordKind::Customer) => {
            ch.customers.insert(id);
        }
        Some(RecordKind::Complaint) => {
            ch.complaints.insert(id);
            if let Some(Parsed::Complaint(k)) = p {
                ch.customers.insert(k.customer.clone());
            }
        }
        None => {}
    }
}

impl Live {
    pub fn start(dir: ShopDir, out: PathBuf, fixed_now: Option<Timestamp>) -> Result<Live> {
        let config = index::load_config(&dir)?;
        let mut live = Live {
            dir,
            out,
            config,
            config_diags: Vec::new(),
            files: BTreeMap::new(),
            fixed_now,
            tallies: None,
            shop: None,
            cross_diags: Vec::new(),
            replaced: None,
            rendered: None,
            agenda: None,
            before: None,
            days: None,
            week_rows: None,
            manifest: None,
            kept: None,
            manifest_dirty: false,
            templates: None,
            agenda_changed: true,
            moved: None,
        };
        live.reload_all();
        Ok(live)
    }

    /// The moment the site is built as of: `--now`, else the clock to the
    /// minute (record times have minutes; within a minute, edits reuse what
    /// was worked out for that moment).
    pub fn now(&self) -> Timestamp {
        self.fixed_now.unwrap_or_else(|| {
            let t = Timestamp::now();
            let floor = t.as_second() - t.as_second().rem_euclid(60);
            Timestamp::from_second(floor).unwrap_or(t)
        })
    }

    /// Has the clock passed into a new minute since the last rebuild?
    fn clock_moved(&self) -> bool {
        self.fixed_now.is_none() && self.rendered.as_ref().is_some_and(|r| r.now != self.now())
    }

    fn config_text(&self) -> Vec<u8> {
        std::fs::read(self.dir.root.join("shop.toml")).unwrap_or_default()
    }

    fn reload_all(&mut self) {
        let scan = index::walk(&self.dir);
        let walk_diags = scan.diags.clone();
        // Start from the index cache: only files changed since the last command are parsed.
        let config_text = std::fs::read(self.dir.root.join("shop.toml")).unwrap_or_default();
        let mut diags = Vec::new();
        let entries = crate::shop::cache::load_records(
            &self.dir,
            &self.config,
            &config_text,
            scan,
            &mut diags,
        );
        let mut by_file: HashMap<PathBuf, Vec<Diagnostic>> = HashMap::new();
        for d in diags {
            let rel = d
                .path
                .strip_prefix(&self.dir.shown_root)
                .unwrap_or(&d.path)
                .to_path_buf();
            by_file.entry(rel).or_default().push(d);
        }
        let mut old = std::mem::take(&mut self.files);
        for (f, p) in entries {
            let previous = old.remove(&f.rel).and_then(|s| s.good);
            let good = match p {
                Parsed::Broken => previous,
                p => Some(p),
            };
            let diags = by_file.remove(&f.rel).unwrap_or_default();
            self.files.insert(
                f.rel.clone(),
                FileState {
                    found: f,
                    good,
                    diags,
                },
            );
        }
        // Problems of the walk itself (symlinks, bad names) belong to no parsed file.
        self.keep_walk_diags(walk_diags);
    }

    /// Records problems found by the walk under the path they name.
    fn keep_walk_diags(&mut self, diags: Vec<Diagnostic>) {
        for d in diags {
            let rel = d
                .path
                .strip_prefix(&self.dir.shown_root)
                .unwrap_or(&d.path)
                .to_path_buf();
            let found = Found {
                kind: kind_of(&rel).unwrap_or(RecordKind::Customer),
                rel: rel.clone(),
            };
            self.files.insert(
                rel,
                FileState {
                    found,
                    good: None,
                    diags: vec![d],
                },
            );
        }
    }

    fn reload_file(&mut self, rel: &Path, ch: &mut Changes) {
        let path = self.dir.root.join(rel);
        let is_file = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
        let old_good = self.files.get(rel).and_then(|s| s.good.clone());
        touched_ids(&old_good, rel, ch);
        let Some(kind) = kind_of(rel).filter(|_| is_file) else {
            if let Some(st) = self.files.remove(rel) {
                ch.diags |= !st.diags.is_empty();
                ch.files.push(rel.to_path_buf());
            }
            return;
        };
        let found = Found {
            kind,
            rel: rel.to_path_buf(),
        };
        let (p, diags) = index::parse_file(&self.dir, &self.config, &found);
        if let Some(st) = self.files.get(rel) {
            if st.diags == diags && old_good.as_ref().is_some_and(|o| same_record(o, &p)) {
                ch.same.push(rel.to_path_buf());
                return;
            }
        }
        let good = match p {
            Parsed::Broken => old_good,
            p => Some(p),
        };
        touched_ids(&good, rel, ch);
        ch.diags |= !diags.is_empty() || self.files.get(rel).is_some_and(|st| !st.diags.is_empty());
        self.files
            .insert(rel.to_path_buf(), FileState { found, good, diags });
        ch.files.push(rel.to_path_buf());
    }

    /// Applies a plan: re-reads what changed and reports what it touched.
    pub fn apply(&mut self, plan: &Plan) -> Changes {
        let mut ch = Changes::default();
        if plan.full || plan.config {
            match index::load_config(&self.dir) {
                Ok(c) => {
                    self.config = c;
                    self.config_diags.clear();
                }
                Err(e) => self.config_diags = e.diagnostics,
            }
            self.reload_all();
            ch.full = true;
            ch.files.push(PathBuf::from("shop.toml"));
            return ch;
        }
        if plan.templates {
            ch.full = true;
            ch.files.push(PathBuf::from("templates"));
        }
        for d in &plan.dirs {
            let (found, walk_diags) = index::walk_tree(&self.dir, d);
            let present: BTreeSet<PathBuf> = found.iter().map(|f| f.rel.clone()).collect();
            let gone: Vec<PathBuf> = self
                .files
                .keys()
                .filter(|k| k.starts_with(d) && !present.contains(*k))
                .cloned()
                .collect();
            for rel in gone.iter().chain(present.iter()) {
                self.reload_file(rel, &mut ch);
            }
            ch.diags = true;
            self.keep_walk_diags(walk_diags);
        }
        for f in &plan.files {
            self.reload_file(f, &mut ch);
        }
        ch.files.sort();
        ch.files.dedup();
        ch.same.retain(|f| ch.files.binary_search(f).is_err());
        ch.same.sort();
        ch.same.dedup();
        ch
    }

    /// The shop from the last good version of every file: the last one
    /// patched when `ch` allows it, else assembled anew.
    pub fn shop(&mut self, ch: &Changes) -> Shop {
        self.before = None;
        let patched = self.shop.take().and_then(|shop| {
            if ch.full {
                return None;
            }
            self.patch(shop, &ch.files)
        });
        let mut shop = match patched {
            Some((shop, replaced)) => {
                self.replaced = Some(replaced);
                if !ch.diags {
                    // No file's problems changed and the patch kept every
                    // cross-file check as it was: the list stands.
                    return shop;
                }
                shop
            }
            None => {
                self.replaced = None;
                let entries: Vec<(Found, Parsed)> = self
                    .files
                    .values()
                    .filter_map(|st| Some((st.found.clone(), st.good.clone()?)))
                    .collect();
                let shop = assemble(self.dir.clone(), self.config.clone(), entries, Vec::new());
                self.cross_diags = shop.diagnostics.clone();
                shop
            }
        };
        let mut diags = self.cross_diags.clone();
        diags.extend(self.config_diags.iter().cloned());
        for st in self.files.values() {
            diags.extend(st.diags.iter().cloned());
        }
        diags.sort();
        shop.diagnostics = diags;
        shop
    }

    /// Puts the changed files' records into `shop` when each replaces a record
    /// of the same file that is in the shop, and keeps what other files'
    /// checks look at (id, phone, first contact and order refs of a customer;
    /// customer and opening time of a complaint): then the cross-file problems
    /// and the order of the shop are unchanged. `None` when a change is not
    /// like that.
    fn patch(&mut self, mut shop: Shop, files: &[PathBuf]) -> Option<(Shop, Vec<Parsed>)> {
        // First check every change, then take the touched customers' shares
        // of the figures from the shop as it was, then replace.
        let mut plan: Vec<(usize, Parsed)> = Vec::new();
        let mut cis: Vec<usize> = Vec::new();
        for rel in files {
            let new = self.files.get(rel)?.good.as_ref()?;
            let id = index::record_id(rel)?;
            match new {
                Parsed::Customer(c) => {
                    let ci = *shop.customer_index.get(id)?;
                    let old = &shop.customers[ci];
                    let keeps = old.path == *rel
                        && c.id == old.id
                        && c.phone == old.phone
                        && c.first_contact == old.first_contact
                        && same_refs(c, old);
                    if !keeps {
                        return None;
                    }
                    cis.push(ci);
                    plan.push((ci, new.clone()));
                }
                Parsed::Complaint(k) => {
                    let ki = shop
                        .complaints
                        .binary_search_by(|x| x.id.as_str().cmp(id))
                        .ok()?;
                    let old = &shop.complaints[ki];
                    let keeps = old.path == *rel
                        && k.id == old.id
                        && k.customer == old.customer
                        && k.opened == old.opened;
                    if !keeps {
                        return None;
                    }
                    cis.push(*shop.customer_index.get(&k.customer)?);
                    plan.push((ki, new.clone()));
                }
                Parsed::Broken => return None,
            }
        }
        cis.sort_unstable();
        cis.dedup();
        let now = self.now();
        self.before = self
            .tallies
            .as_ref()
            .and_then(|t| t.shares(&shop, now, &cis));
        let mut replaced = Vec::with_capacity(plan.len());
        for (i, new) in plan {
            match new {
                Parsed::Customer(c) => {
                    replaced.push(Parsed::Customer(std::mem::replace(
                        &mut shop.customers[i],
                        c,
                    )));
                }
                Parsed::Complaint(k) => {
                    replaced.push(Parsed::Complaint(std::mem::replace(
                        &mut shop.complaints[i],
                        k,
                    )));
                }
                Parsed::Broken => {}
            }
        }
        Some((shop, replaced))
    }

    /// The weekly, testimonial and complaint-list pages a patched edit can
    /// change, or `None` when every page must be rendered (a full change, a new
    /// now, other weeks). A weekly page changes when its or the previous week's
    /// figures do, or when it can show an edited record: a customer with an
    /// event in the week or among its leads not followed up, or one of their
    /// complaints open at the week's T. Both the old and new versions count.
    fn affected(
        &self,
        site: &Site,
        ch: &Changes,
        tallies: &HashMap<Week, Tally>,
    ) -> Option<Affected> {
        let last = self.rendered.as_ref()?;
        let replaced = self.replaced.as_ref()?;
        if ch.full || last.now != site.now || last.weeks != site.weeks || last.months != site.months
        {
            return None;
        }
        let same_problems = last.problems == site.problems;
        let shop = site.shop;
        let mut customers: Vec<&Customer> = Vec::new();
        let mut complaints: Vec<&Complaint> = Vec::new();
        for p in replaced {
            match p {
                Parsed::Customer(c) => customers.push(c),
                Parsed::Complaint(k) => complaints.push(k),
                Parsed::Broken => {}
            }
        }
        for id in &ch.customers {
            if let Some(&ci) = shop.customer_index.get(id) {
                customers.push(&shop.customers[ci]);
                complaints.extend(
                    shop.complaints_by_customer[ci]
                        .iter()
                        .map(|&ki| &*shop.complaints[ki]),
                );
            }
        }
        complaints.extend(ch.complaints.iter().filter_map(|id| shop.complaint(id)));
        let tz = &shop.config.timezone;
        // The old and new versions of each edited customer.
        let pairs: Vec<(&Customer, &Customer)> = replaced
            .iter()
            .filter_map(|p| match p {
                Parsed::Customer(old) => Some((&**old, shop.customer(&old.id)?)),
                _ => None,
            })
            .collect();
        // What weekly pages can show of a customer beyond the figures: their
        // link, name and admin in lists, their orders, interactions and
        // feedback as events. A new city, phone or note shows on none.
        fn weekly(c: &Customer) -> impl PartialEq + '_ {
            (
                &c.name,
                &c.admin,
                &c.source,
                c.first_contact,
                &c.orders,
                &c.interactions,
                &c.feedback,
            )
        }
        fn named(c: &Customer) -> impl PartialEq + '_ {
            (&c.name, &c.admin)
        }
        let mut week_customers: Vec<&Customer> = Vec::new();
        let mut week_complaints: Vec<&Complaint> = replaced
            .iter()
            .filter_map(|p| match p {
                Parsed::Complaint(k) => Some(&**k),
                _ => None,
            })
            .chain(ch.complaints.iter().filter_map(|id| shop.complaint(id)))
            .collect();
        for (old, new) in &pairs {
            if weekly(old) != weekly(new) {
                week_customers.extend([*old, *new]);
            }
            if named(old) != named(new) {
                if let Some(&ci) = shop.customer_index.get(&new.id) {
                    week_complaints.extend(
                        shop.complaints_by_customer[ci]
                            .iter()
                            .map(|&ki| &*shop.complaints[ki]),
                    );
                }
            }
        }
        let ids: BTreeSet<&str> = week_customers.iter().map(|c| c.id.as_str()).collect();
        let event_weeks: BTreeSet<Week> = week_customers
            .iter()
            .flat_map(|c| report::event_times(c))
            .filter(|t| *t <= site.now)
            .map(|t| Week::containing(t, tz))
            .collect();
        let changed = |w: &Week| tallies.get(w) != last.tallies.get(w);
        let weeks = site
            .weeks
            .iter()
            .chain([&site.current_week])
            .filter(|w| {
                let at = crate::metrics::as_of(w.bounds(tz).1, site.now);
                event_weeks.contains(w)
                    || changed(w)
                    || changed(&w.prev())
                    || week_complaints
                        .iter()
                        .any(|k| k.opened.t <= at && k.resolved.is_none_or(|r| r.t > at))
                    || tallies.get(w).is_some_and(|t| {
                        t.not_followed
                            .iter()
                            .any(|(id, _, _)| ids.contains(id.as_str()))
                    })
            })
            .copied()
            .collect();
        // What the testimonial and busy-hours pages show of them.
        let public = |c: &Customer| {
            let items: Vec<_> = c
                .feedback
                .iter()
                .filter(|f| f.public)
                .map(|f| (f.at.t, f.rating, f.text.clone()))
                .collect();
            (!items.is_empty()).then(|| (c.name.clone(), items))
        };
        let inbound = |c: &Customer| -> Vec<Timestamp> {
            c.interactions
                .iter()
                .filter(|i| i.kind == crate::shop::record::Kind::Inbound)
                .map(|i| i.at.t)
                .collect()
        };
        // The dashboard: this week's and last week's cards, the 12 weeks
        // of charts, the agenda, the open complaints and the problems banner.
        let chart_weeks = site.current_week.last(report::TREND_WEEKS + 1);
        let dashboard = self.agenda_changed
            || !same_problems
            || chart_weeks.iter().any(changed)
            || pairs.iter().any(|(o, n)| o.name != n.name)
            || complaints
                .iter()
                .any(|k| k.opened.t <= site.now && k.resolved.is_none_or(|r| r.t > site.now));
        // The index pages listing an edited customer (a row shows only them).
        let index_pages = ch
            .customers
            .iter()
            .filter_map(|id| shop.customer_index.get(id))
            .filter_map(|ci| site.listed.binary_search(ci).ok())
            .map(|pos| pos / report::CUSTOMERS_PER_PAGE)
            .collect();
        Some(Affected {
            weeks,
            testimonials: pairs.iter().any(|(o, n)| public(o) != public(n)),
            complaints: !complaints.is_empty(),
            hours: pairs.iter().any(|(o, n)| inbound(o) != inbound(n)),
            dashboard,
            index_pages,
        })
    }

    /// Every customer at `now` ([`Moment`]): after a patched edit at the
    /// same now only the touched customers are evaluated again.
    fn agenda_tasks(&mut self, shop: &Shop, ch: &Changes, now: Timestamp) -> Result<Vec<Moment>> {
        use rayon::prelude::*;
        let msgs = crate::messages::Messages::load(shop)?;
        let cfg = &shop.config;
        let due = |ki: usize| crate::rules::resolve_due(cfg, &shop.complaints[ki]);
        let of = |ci: usize| Moment::of(shop, ci, now, &msgs, &due);
        self.agenda_changed = true;
        self.moved = None;
        let per_customer = match self.agenda.take() {
            Some((at, mut v))
                if at == now && self.replaced.is_some() && v.len() == shop.customers.len() =>
            {
                self.agenda_changed = false;
                self.moved = Some(Vec::new());
                for id in &ch.customers {
                    if let Some(&ci) = shop.customer_index.get(id) {
                        let new = of(ci);
                        self.agenda_changed |= !new.agenda(now).eq(v[ci].agenda(now));
                        v[ci] = new;
                    }
                }
                v
            }
            previous => {
                let fresh: Vec<Moment> = (0..shop.customers.len())
                    .into_par_iter()
                    .with_min_len(256)
                    .map(of)
                    .collect();
                // Time moved on (same records): the customers whose pages
                // now show something else.
                if let Some((_, old)) =
                    previous.filter(|(_, old)| self.replaced.is_some() && old.len() == fresh.len())
                {
                    self.moved = Some(
                        (0..fresh.len())
                            .filter(|&ci| old[ci] != fresh[ci])
                            .collect(),
                    );
                }
                fresh
            }
        };
        Ok(per_customer)
    }

    /// The periods at `now`: after a patched edit at the same now, from the
    /// kept day counts moved by the replaced and new records' days.
    fn periods(&mut self, shop: &Shop, now: Timestamp) -> report::Periods {
        let tz = &shop.config.timezone;
        let (mut counts, last) = match (self.days.take(), &self.replaced) {
            (Some((at, counts, last)), Some(_)) if at == now => (counts, Some(last)),
            _ => (report::day_counts(shop, now), None),
        };
        let mut days_changed = last.is_none();
        if last.is_some() {
            let mut old_days: Vec<i64> = Vec::new();
            let mut new_days: Vec<i64> = Vec::new();
            for p in self.replaced.iter().flatten() {
                match p {
                    Parsed::Customer(old) => {
                        old_days.extend(report::customer_days(old, now, tz));
                        if let Some(c) = shop.customer(&old.id) {
                            new_days.extend(report::customer_days(c, now, tz));
                        }
                    }
                    Parsed::Complaint(old) => {
                        old_days.extend(report::complaint_days(old, now, tz));
                        if let Some(k) = shop.complaint(&old.id) {
                            new_days.extend(report::complaint_days(k, now, tz));
                        }
                    }
                    Parsed::Broken => {}
                }
            }
            for d in new_days {
                let n = counts.entry(d).or_default();
                days_changed |= *n == 0;
                *n += 1;
            }
            for d in old_days {
                if let Some(n) = counts.get_mut(&d) {
                    *n -= 1;
                    if *n == 0 {
                        counts.remove(&d);
                        days_changed = true;
                    }
                }
            }
        }
        let p = match last {
            Some(last) if !days_changed => last,
            _ => report::periods_from_days(&counts, &shop.config, now),
        };
        self.days = Some((now, counts, p.clone()));
        p
    }

    /// The weekly lists at `now`: after a patched edit at the same now, the
    /// kept lists without the replaced customers' events and with their new ones.
    fn week_rows(&mut self, shop: &Shop, now: Timestamp) -> HashMap<Week, report::WeekRows> {
        let tz = &shop.config.timezone;
        let rows = match (self.week_rows.take(), &self.replaced) {
            (Some((at, mut rows)), Some(replaced)) if at == now => {
                for p in replaced {
                    let Parsed::Customer(old) = p else { continue };
                    let Some(&ci) = shop.customer_index.get(&old.id) else {
                        continue;
                    };
                    report::add_week_events(
                        &mut rows,
                        report::customer_week_events(ci, old, now, tz),
                        -1,
                    );
                    report::add_week_events(
                        &mut rows,
                        report::customer_week_events(ci, &shop.customers[ci], now, tz),
                        1,
                    );
                }
                rows
            }
            _ => report::week_rows(shop, now),
        };
        self.week_rows = Some((now, rows.clone()));
        rows
    }

    /// Writes the manifest if a rebuild changed it: when the watcher is idle,
    /// not in the middle of an edit (only a later `report` reads it; a stale
    /// one only makes that report render a few pages again).
    pub fn flush_manifest(&mut self) {
        if !self.manifest_dirty {
            return;
        }
        self.manifest_dirty = false;
        if let Some(m) = &self.manifest {
            if let Err(e) = report::write_manifest(&self.out, m) {
                eprintln!("langgan: {e}");
            }
        }
    }

    /// Keeps the shop of this rebuild for the next one to patch.
    fn keep(&mut self, shop: Shop) {
        self.shop = Some(shop);
    }

    /// Renders the pages a change affects (everything on a full change) and
    /// removes the pages of records that are gone.
    pub fn render(&mut self, shop: &Shop, ch: &Changes) -> Result<report::BuildSummary> {
        let problems: Vec<String> = shop
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(ToString::to_string)
            .collect();
        let now = self.now();
        let timing = std::env::var_os("LANGGAN_TIMING").is_some();
        let t0 = Instant::now();
        let config_text = self.config_text();
        let (tera, site_key) = match &self.templates {
            Some((t, key)) if !ch.full => (t.clone(), *key),
            _ => {
                let t = Arc::new(report::load_templates(shop)?);
                let key = report::site_key(shop, &config_text);
                self.templates = Some((t.clone(), key));
                (t, key)
            }
        };
        let moments = self.agenda_tasks(shop, ch, now)?;
        let t1 = t0.elapsed();
        let p = self.periods(shop, now);
        let t2 = t0.elapsed();
        let first = self.tallies.is_none();
        let state = self
            .tallies
            .get_or_insert_with(|| TallyState::load(shop, &config_text));
        let fast = self
            .before
            .take()
            .and_then(|before| state.apply_edit(shop, now, &p, &config_text, before));
        let (weeks, months, changed) = match fast {
            Some((weeks, months)) => (weeks, months, false),
            None => state.update(shop, now, &p, &config_text),
        };
        if changed && (first || ch.full) {
            // So the next `report` (or watch) starts from these figures.
            state.save_copy(shop);
        }
        let t3 = t0.elapsed();
        // After a patched edit (same records, first contacts and complaint
        // openings) at the same now, the listed customers and deadlines stay;
        // the testimonials too unless an edited customer's changed.
        let kept = self.kept.take().filter(|k| {
            k.now == now
                && self.replaced.as_ref().is_some_and(|replaced| {
                    replaced.iter().all(|p| match p {
                        Parsed::Customer(old) => shop.customer(&old.id).is_some_and(|new| {
                            report::shown_feedback(old, now).eq(report::shown_feedback(new, now))
                        }),
                        _ => true,
                    })
                })
        });
        let shown_weeks = p.weeks.clone();
        let shown_months = p.months.clone();
        let shown_problems = problems.clone();
        let shown_date =
            crate::lang::format::long_date(now, &shop.config.timezone, shop.config.language);
        let summary = {
            let figures = report::Figures {
                weeks: &weeks,
                months: &months,
                rows: self.week_rows(shop, now),
                moments: Some(moments),
                public_feedback: kept.as_ref().map(|k| k.public_feedback.clone()),
                listed: kept.as_ref().map(|k| k.listed.clone()),
                resolve_due: kept.map(|k| k.resolve_due),
                key: Some(site_key),
            };
            let site = Site::from_tallies(shop, now, problems, p, figures)?;
            self.kept = Some(Kept {
                now,
                public_feedback: site.public_feedback.clone(),
                listed: site.listed.clone(),
                resolve_due: site.resolve_due.clone(),
            });
            if timing {
                eprintln!(
                    "timing: tasks {t1:?} periods {:?} tallies {:?} site {:?}",
                    t2 - t1,
                    t3 - t2,
                    t0.elapsed() - t3
                );
            }
            let affected = self.affected(&site, ch, &weeks);
            // Every page when the day on the pages changed, or when the clock
            // moved and which customers' pages it changed is not known.
            let (clock_moved, new_day) = self
                .rendered
                .as_ref()
                .map_or((true, true), |r| (r.now != now, r.date != site.date_line));
            let every_page = ch.full || new_day || (clock_moved && self.moved.is_none());
            self.rendered = None;
            let mut jobs: Vec<Job> = if every_page {
                report::jobs(&site)
            } else {
                let mut jobs: Vec<Job> = report::overview_jobs(&site)
                    .into_iter()
                    .filter(|j| match (j, &affected) {
                        (_, None) => true,
                        (Job::Week(w), Some(a)) => a.weeks.contains(w),
                        (Job::Testimonials, Some(a)) => a.testimonials,
                        (Job::Complaints, Some(a)) => a.complaints,
                        (Job::Hours, Some(a)) => a.hours,
                        (Job::Dashboard, Some(a)) => a.dashboard,
                        (Job::Customers(page), Some(a)) => a.index_pages.contains(page),
                        _ => true,
                    })
                    .collect();
                // The edited records' pages; a complaint's page also shows
                // its customer's name and tasks.
                let mut complaints: BTreeSet<usize> = BTreeSet::new();
                let moved = self.moved.iter().flatten().copied();
                let edited = ch
                    .customers
                    .iter()
                    .filter_map(|id| shop.customer_index.get(id).copied());
                for ci in edited.chain(moved) {
                    if shop.customers[ci].first_contact.t <= now {
                        jobs.push(Job::Customer(ci));
                    }
                    complaints.extend(&shop.complaints_by_customer[ci]);
                }
                for id in &ch.complaints {
                    if let Ok(ki) = shop.complaints.binary_search_by(|k| k.id.as_str().cmp(id)) {
                        complaints.insert(ki);
                    }
                }
                jobs.extend(
                    complaints
                        .into_iter()
                        .filter(|&ki| shop.complaints[ki].opened.t <= now)
                        .map(Job::Complaint),
                );
                jobs
            };
            jobs.sort();
            jobs.dedup();
            // The watcher's own manifest; a few pages are checked one by one.
            // (a full rebuild reads and lists the folder again).
            let known = self
                .manifest
                .take()
                .filter(|_| !ch.full)
                .map(|manifest| report::Known {
                    manifest,
                    present: None,
                });
            let written = if ch.full {
                report::write_site(
                    &site,
                    &tera,
                    &jobs,
                    &self.out,
                    report::Removal::Stale,
                    known,
                )
            } else {
                let mut removed = Vec::new();
                for id in &ch.customers {
                    if shop.customer(id).is_none_or(|c| c.first_contact.t > now) {
                        removed.push(format!("customers/{id}.html"));
                    }
                }
                for id in &ch.complaints {
                    if shop.complaint(id).is_none_or(|k| k.opened.t > now) {
                        removed.push(format!("complaints/{id}.html"));
                    }
                }
                report::write_site(
                    &site,
                    &tera,
                    &jobs,
                    &self.out,
                    report::Removal::Only(&removed),
                    known,
                )
            };
            // The moments go back to the memo for the next rebuild.
            self.agenda = Some((now, site.moments));
            written?
        };
        let (summary, manifest) = summary;
        self.manifest = Some(manifest);
        self.manifest_dirty = true;
        self.rendered = Some(Rendered {
            now,
            weeks: shown_weeks,
            months: shown_months,
            tallies: weeks,
            problems: shown_problems,
            date: shown_date,
        });
        Ok(summary)
    }
}

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
fn watch_error(e: &notify::Error, root: &Path) -> Error {
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

pub struct Options {
    pub out: PathBuf,
    pub poll: bool,
    pub serve: Option<serve::Plan>,
}

fn clock(now: Timestamp, cfg: &Config) -> String {
    let dt = cfg.timezone.to_datetime(now);
    format!("{:02}:{:02}:{:02}", dt.hour(), dt.minute(), dt.second())
}

fn line(live: &Live, errors: usize, ch: &Changes, ms: u128, written: usize) -> String {
    let lang = live.config.language;
    let names: Vec<String> = ch
        .files
        .iter()
        .take(3)
        .map(|p| p.display().to_string())
        .collect();
    let more = if ch.files.len() > 3 { ", …" } else { "" };
    let files = if ch.files.is_empty() {
        String::new()
    } else {
        format!(" ({}{more})", names.join(", "))
    };
    match lang {
        crate::shop::config::Lang::Id => format!(
            "{} diperbarui {ms} ms · {} berkas berubah{files} · {written} halaman · {errors} galat",
            clock(Timestamp::now(), &live.config),
            ch.files.len()
        ),
        crate::shop::config::Lang::En => format!(
            "{} rebuilt in {ms} ms · {} files changed{files} · {written} pages · {errors} errors",
            clock(Timestamp::now(), &live.config),
            ch.files.len()
        ),
    }
}

/// The line for saves that changed no record.
fn unchanged_line(live: &Live, ch: &Changes, ms: u128) -> String {
    let names: Vec<String> = ch.same.iter().map(|p| p.display().to_string()).collect();
    let now = clock(Timestamp::now(), &live.config);
    match live.config.language {
        crate::shop::config::Lang::Id => format!(
            "{now} diperiksa {ms} ms · isi tidak berubah ({}) · 0 halaman",
            names.join(", ")
        ),
        crate::shop::config::Lang::En => format!(
            "{now} checked in {ms} ms · contents unchanged ({}) · 0 pages",
            names.join(", ")
        ),
    }
}

/// The order refs of two versions of a customer are the same, where they are
/// written too: the duplicate-ref check (and the place its error names) stands.
fn same_refs(a: &Customer, b: &Customer) -> bool {
    let refs = |c: &Customer| {
        c.orders
            .iter()
            .filter(|o| o.reference.is_some())
            .map(|o| (o.reference.clone(), o.reference_at))
            .collect::<Vec<_>>()
    };
    refs(a) == refs(b)
}

/// Do two parses of a file hold the same record? The source hash is left
/// out: a comment or spacing changes the text but nothing shown.
fn same_record(a: &Parsed, b: &Parsed) -> bool {
    match (a, b) {
        (Parsed::Customer(x), Parsed::Customer(y)) => {
            Customer {
                source_hash: y.source_hash,
                ..(**x).clone()
            } == **y
        }
        (Parsed::Complaint(x), Parsed::Complaint(y)) => {
            Complaint {
                source_hash: y.source_hash,
                ..(**x).clone()
            } == **y
        }
        _ => false,
    }
}

/// Runs the watcher until the process is stopped.
pub fn run(dir: ShopDir, fixed_now: Option<Timestamp>, opts: Options) -> Result<i32> {
    let start = Instant::now();
    let mut live = Live::start(dir, opts.out.clone(), fixed_now)?;
    let full = Changes {
        full: true,
        ..Changes::default()
    };
    let shop = live.shop(&full);
    report::check_out_dir(&shop, &opts.out)?;
    for d in &shop.diagnostics {
        eprintln!("{d}");
    }
    let errors = shop.error_count();
    let summary = live.render(&shop, &full)?;
    live.keep(shop);
    println!(
        "{}",
        line(
            &live,
            errors,
            &Changes::default(),
            start.elapsed().as_millis(),
            summary.written
        )
    );
    let version = Arc::new(AtomicU64::new(1));
    if let Some(plan) = &opts.serve {
        let url = serve::start(plan, opts.out.clone(), version.clone())?;
        println!(
            "{} {url}",
            crate::lang::pick(live.config.language, "Situs di", "Site at")
        );
    }

    let root = std::fs::canonicalize(&live.dir.root).map_err(|e| Error::io(&live.dir.root, &e))?;
    let out_abs = std::fs::canonicalize(&opts.out).ok();
    let (tx, rx) = mpsc::channel();
    let mut debouncer: Box<dyn WatchHandle> = if opts.poll {
        let config = notify::Config::default().with_poll_interval(Duration::from_millis(500));
        Box::new(
            notify_debouncer_full::new_debouncer_opt::<
                _,
                notify::PollWatcher,
                notify_debouncer_full::NoCache,
            >(DEBOUNCE, None, tx, notify_debouncer_full::NoCache, config)
            .map_err(|e| watch_error(&e, &root))?,
        )
    } else {
        Box::new(
            notify_debouncer_full::new_debouncer(DEBOUNCE, None, tx)
                .map_err(|e| watch_error(&e, &root))?,
        )
    };
    debouncer
        .watch_root(&root)
        .map_err(|e| watch_error(&e, &root))?;

    loop {
        let batch = match rx.recv_timeout(IDLE) {
            Ok(batch) => batch,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                live.flush_manifest();
                if live.clock_moved() {
                    // A new minute: the agenda and this week's figures move
                    // with time, and the next edit starts from this state.
                    rebuild(&mut live, &Changes::default(), Instant::now(), &version);
                }
                continue;
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        let events = match batch {
            Ok(events) => events,
            Err(errors) => {
                for e in errors {
                    eprintln!("langgan: watch: {e}");
                }
                continue;
            }
        };
        let fs_events: Vec<FsEvent> = events.iter().map(|e| convert(&e.event)).collect();
        let plan = classify(&root, out_abs.as_deref(), &fs_events);
        if plan.is_empty() {
            continue;
        }
        let t0 = Instant::now();
        let ch = live.apply(&plan);
        if !ch.full && ch.files.is_empty() {
            if !ch.same.is_empty() {
                println!("{}", unchanged_line(&live, &ch, t0.elapsed().as_millis()));
            }
            continue;
        }
        rebuild(&mut live, &ch, t0, &version);
    }
    live.flush_manifest();
    Ok(0)
}

/// Rebuilds after `ch` (started at `t0`) and prints the line for it.
fn rebuild(live: &mut Live, ch: &Changes, t0: Instant, version: &AtomicU64) {
    let shop = live.shop(ch);
    if std::env::var_os("LANGGAN_TIMING").is_some() {
        eprintln!("timing: apply+shop {:?}", t0.elapsed());
    }
    for f in &ch.files {
        if let Some(st) = live.files.get(f) {
            for d in &st.diags {
                eprintln!("{d}");
            }
        }
    }
    for d in &live.config_diags {
        eprintln!("{d}");
    }
    let errors = shop.error_count();
    let rendered = live.render(&shop, ch);
    live.keep(shop);
    match rendered {
        Ok(summary) => {
            println!(
                "{}",
                line(live, errors, ch, t0.elapsed().as_millis(), summary.written)
            );
            version.fetch_add(1, Ordering::SeqCst);
        }
        Err(e) => eprintln!("langgan: {e}"),
    }
}

/// The two debouncer types behind one face.
trait WatchHandle {
    fn watch_root(&mut self, root: &Path) -> notify::Result<()>;
}

impl<T: notify::Watcher, C: notify_debouncer_full::FileIdCache> WatchHandle
    for notify_debouncer_full::Debouncer<T, C>
{
    fn watch_root(&mut self, root: &Path) -> notify::Result<()> {
        self.watch(root, notify::RecursiveMode::Recursive)
    }
}
