//! What `report` remembers between runs (`.langgan/report.bin`): the period
//! tallies of fixed groups of customers ("buckets", by a hash of the id), each
//! with a fingerprint of its members' files. A report after a few edits
//! recomputes only the buckets holding an edited customer or complaint, then
//! adds up the buckets per period (tallies are sums of per-record shares).
//! A damaged or foreign file is ignored and rebuilt, like the index cache.

use super::{Month, Part, Periods};
use crate::metrics::{as_of, complaint_tally, customer_tally, Tally};
use crate::rules::tasks_for_customer;
use crate::shop::cache::{read_sectioned, write_sectioned};
use crate::shop::hash::fnv1a;
use crate::shop::index::Shop;
use crate::time::Week;
use jiff::Timestamp;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

const FILE: &str = "report.bin";
const MAGIC: &[u8; 8] = b"LGREPRT\x01";
/// Bump when `Tally`, this layout or the fingerprints' hash changes.
const FORMAT: u32 = 4;
/// ~400 customers each at 100k: a one-record edit recomputes 0.4 % of the shop.
pub const BUCKETS: usize = 256;

#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub enum PeriodKey {
    Week(Week),
    Month(Month),
    Part(Part),
}

/// The tallies of every needed week, month and part of one.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Tallies {
    pub weeks: HashMap<Week, Tally>,
    pub months: HashMap<Month, Tally>,
    pub parts: HashMap<Part, Tally>,
}

/// One period to tally: its bounds and the moment it is seen at.
#[derive(Clone, Copy)]
struct Needed {
    key: PeriodKey,
    start: Timestamp,
    end: Timestamp,
    at: Timestamp,
}

#[derive(Serialize, Deserialize, Default)]
struct Bucket {
    fingerprint: u64,
    /// (period, T in nanoseconds, the bucket's tally), in the order needed.
    tallies: Vec<(PeriodKey, i128, Tally)>,
}

#[derive(Serialize, Deserialize)]
struct Header {
    crate_version: String,
    config_hash: u64,
}

pub fn bucket_of(customer_id: &str) -> usize {
    (fnv1a(customer_id.as_bytes()) % BUCKETS as u64) as usize
}

/// Customers per bucket, and each bucket's fingerprint.
fn members(shop: &Shop) -> (Vec<Vec<usize>>, Vec<u64>) {
    let mut members = vec![Vec::new(); BUCKETS];
    for (ci, c) in shop.customers.iter().enumerate() {
        members[bucket_of(&c.id)].push(ci);
    }
    let fingerprints = members
        .par_iter()
        .map(|cis| fingerprint(shop, cis))
        .collect();
    (members, fingerprints)
}

/// A bucket's fingerprint: the ids, paths and file hashes of its customers
/// and their complaints.
fn fingerprint(shop: &Shop, cis: &[usize]) -> u64 {
    let mut h = Fold::default();
    for &ci in cis {
        let c = &shop.customers[ci];
        h.str(&c.id);
        h.path(&c.path);
        h.u64(c.source_hash);
        for &ki in &shop.complaints_by_customer[ci] {
            let k = &shop.complaints[ki];
            h.str(&k.id);
            h.path(&k.path);
            h.u64(k.source_hash);
        }
    }
    h.0
}

/// Sums in the order of `needed`, by week, month and part.
fn by_period(needed: &[Needed], totals: &[Tally]) -> Tallies {
    let mut out = Tallies::default();
    for (n, t) in needed.iter().zip(totals) {
        match n.key {
            PeriodKey::Week(w) => {
                out.weeks.insert(w, t.clone());
            }
            PeriodKey::Month(m) => {
                out.months.insert(m, t.clone());
            }
            PeriodKey::Part(part) => {
                out.parts.insert(part, t.clone());
            }
        }
    }
    out
}

pub use crate::shop::hash::Fold;

/// One bucket's tallies for the needed periods, computed from its records.
fn compute(shop: &Shop, now: Timestamp, cis: &[usize], needed: &[Needed]) -> Vec<Tally> {
    let mut out = vec![Tally::default(); needed.len()];
    for &ci in cis {
        // Periods seen at the same moment share one evaluation of the rules.
        let mut tasks_at: Option<(Timestamp, Vec<crate::rules::Task>)> = None;
        for (n, tally) in needed.iter().zip(out.iter_mut()) {
            if shop.customers[ci].first_contact.t > n.at {
                continue;
            }
            if tasks_at.as_ref().is_none_or(|(t, _)| *t != n.at) {
                tasks_at = Some((n.at, tasks_for_customer(shop, ci, n.at)));
            }
            let tasks = tasks_at.as_ref().map_or(&[][..], |(_, v)| v.as_slice());
            tally.merge(&customer_tally(shop, ci, n.start, n.end, now, tasks), 1);
            for &ki in &shop.complaints_by_customer[ci] {
                let k = &shop.complaints[ki];
                tally.merge(&complaint_tally(shop, k, n.start, n.end, now), 1);
            }
        }
    }
    out
}

/// Bucket tallies kept between builds: `report` loads them from
/// `.langgan/report.bin` and saves them back; the watcher keeps them in memory.
#[derive(Default)]
pub struct TallyState {
    config_hash: u64,
    buckets: Vec<Bucket>,
    /// What the last [`TallyState::update`] worked out, kept in memory so the
    /// watcher can apply one edit as a difference (never saved).
    last: Option<Last>,
}

/// The periods, members and sums of the last update.
struct Last {
    now: Timestamp,
    needed: Vec<Needed>,
    members: Vec<Vec<usize>>,
    /// Per needed period, the sum of every bucket.
    totals: Vec<Tally>,
}

/// The shares of some customers (and their complaints) in every period of the
/// last update, taken before an edit (see [`TallyState::apply_edit`]).
pub struct Shares {
    now: Timestamp,
    per_customer: Vec<(usize, Vec<Tally>)>,
}

impl TallyState {
    /// The stored state, or an empty one when absent, damaged or for another shop.toml.
    pub fn load(shop: &Shop, config_text: &[u8]) -> TallyState {
        let config_hash = fnv1a(config_text);
        let path = shop.dir.root.join(crate::shop::cache::DIR).join(FILE);
        let buckets = read_sectioned(&path, MAGIC, FORMAT, |h: &Header| {
            h.crate_version == env!("LANGGAN_VERSION") && h.config_hash == config_hash
        })
        .map(|(_, b)| b)
        .filter(|b: &Vec<Bucket>| b.len() == BUCKETS)
        .unwrap_or_default();
        TallyState {
            config_hash,
            buckets,
            last: None,
        }
    }

    /// Writes the state on a background thread (joined before the process exits).
    pub fn save(self, shop: &Shop) {
        let dir = shop.dir.clone();
        let header = Header {
            crate_version: env!("LANGGAN_VERSION").into(),
            config_hash: self.config_hash,
        };
        let buckets = self.buckets;
        crate::shop::cache::in_background(move || {
            write_sectioned(&dir, FILE, MAGIC, FORMAT, &header, &buckets, 16);
        });
    }

    /// A copy to save while the original stays in use (the watcher).
    fn snapshot(&self) -> TallyState {
        TallyState {
            last: None,
            config_hash: self.config_hash,
            buckets: self
                .buckets
                .iter()
                .map(|b| Bucket {
                    fingerprint: b.fingerprint,
                    tallies: b.tallies.clone(),
                })
                .collect(),
        }
    }

    /// Brings the state to `shop` at `now` (recomputing the buckets whose
    /// records changed and the periods not stored yet) and returns the tallies
    /// of every needed week and month, and whether anything was recomputed.
    pub fn update(
        &mut self,
        shop: &Shop,
        now: Timestamp,
        p: &Periods,
        config_text: &[u8],
    ) -> (Tallies, bool) {
        let config_hash = fnv1a(config_text);
        if config_hash != self.config_hash {
            // Every figure depends on shop.toml.
            self.buckets.clear();
            self.config_hash = config_hash;
        }
        let cfg = &shop.config;
        let mut needed: Vec<Needed> = Vec::new();
        for w in &p.needed_weeks {
            let (start, end) = w.bounds(&cfg.timezone);
            needed.push(Needed {
                key: PeriodKey::Week(*w),
                start,
                end,
                at: as_of(end, now),
            });
        }
        for m in &p.needed_months {
            let (start, end) = m.bounds(cfg);
            needed.push(Needed {
                key: PeriodKey::Month(*m),
                start,
                end,
                at: as_of(end, now),
            });
        }
        for part in &p.needed_parts {
            let (start, end) = part.bounds(cfg);
            needed.push(Needed {
                key: PeriodKey::Part(*part),
                start,
                end,
                at: as_of(end, now),
            });
        }
        // Grouped by moment so a customer's rules run once per distinct T.
        needed.sort_by_key(|n| (n.at, n.key));
        let (members, fingerprints) = members(shop);
        let mut old: Vec<Option<Bucket>> = std::mem::take(&mut self.buckets)
            .into_iter()
            .map(Some)
            .collect();
        old.resize_with(BUCKETS, || None);
        let fresh: Vec<(Bucket, bool)> = old
            .into_par_iter()
            .enumerate()
            .map(|(b, prev)| {
                let fingerprint = fingerprints[b];
                let mut kept: HashMap<(PeriodKey, i128), Tally> = prev
                    .filter(|x| x.fingerprint == fingerprint)
                    .map(|x| {
                        x.tallies
                            .into_iter()
                            .map(|(k, at, t)| ((k, at), t))
                            .collect()
                    })
                    .unwrap_or_default();
                let missing: Vec<Needed> = needed
                    .iter()
                    .filter(|n| !kept.contains_key(&(n.key, n.at.as_nanosecond())))
                    .copied()
                    .collect();
                let computed = compute(shop, now, &members[b], &missing);
                let changed = !missing.is_empty() || kept.len() != needed.len();
                for (n, t) in missing.iter().zip(computed) {
                    kept.insert((n.key, n.at.as_nanosecond()), t);
                }
                let tallies = needed
                    .iter()
                    .map(|n| {
                        let at = n.at.as_nanosecond();
                        (n.key, at, kept.remove(&(n.key, at)).unwrap_or_default())
                    })
                    .collect();
                (
                    Bucket {
                        fingerprint,
                        tallies,
                    },
                    changed,
                )
            })
            .collect();
        let changed = fresh.iter().any(|(_, c)| *c);
        self.buckets = fresh.into_iter().map(|(b, _)| b).collect();
        let buckets = &self.buckets;
        let totals: Vec<Tally> = (0..needed.len())
            .into_par_iter()
            .map(|j| {
                let mut total = Tally::default();
                for b in buckets {
                    total.merge(&b.tallies[j].2, 1);
                }
                total
            })
            .collect();
        let tallies = by_period(&needed, &totals);
        self.last = Some(Last {
            now,
            needed,
            members,
            totals,
        });
        (tallies, changed)
    }

    /// The shares of customers `cis` in the periods of the last update at
    /// `now`, from `shop` as it is before an edit; `None` without such an update.
    pub fn shares(&self, shop: &Shop, now: Timestamp, cis: &[usize]) -> Option<Shares> {
        let last = self.last.as_ref().filter(|l| l.now == now)?;
        Some(Shares {
            now,
            per_customer: cis
                .iter()
                .map(|&ci| (ci, compute(shop, now, &[ci], &last.needed)))
                .collect(),
        })
    }

    /// Applies an edit that replaced records in place (same customers at the
    /// same indices): each touched customer's bucket and the sums change by
    /// the customer's new shares minus `before`. `None` (nothing changed) when
    /// the periods, the moment or the members differ from the last update;
    /// the caller then runs [`TallyState::update`].
    pub fn apply_edit(
        &mut self,
        shop: &Shop,
        now: Timestamp,
        p: &Periods,
        config_text: &[u8],
        before: Shares,
    ) -> Option<Tallies> {
        let last = self.last.as_mut()?;
        let same_basis = last.now == now
            && before.now == now
            && fnv1a(config_text) == self.config_hash
            && self.buckets.len() == BUCKETS
            && last.needed.len()
                == p.needed_weeks.len() + p.needed_months.len() + p.needed_parts.len()
            && last.needed.iter().all(|n| match n.key {
                PeriodKey::Week(w) => p.needed_weeks.contains(&w),
                PeriodKey::Month(m) => p.needed_months.contains(&m),
                PeriodKey::Part(part) => p.needed_parts.contains(&part),
            })
            && last.members.iter().map(Vec::len).sum::<usize>() == shop.customers.len();
        if !same_basis {
            return None;
        }
        let mut touched = Vec::new();
        for (ci, old) in &before.per_customer {
            let c = shop.customers.get(*ci)?;
            let b = bucket_of(&c.id);
            if !last.members[b].contains(ci) {
                return None;
            }
            let new = compute(shop, now, &[*ci], &last.needed);
            let bucket = &mut self.buckets[b];
            for (j, (o, n)) in old.iter().zip(&new).enumerate() {
                bucket.tallies[j].2.merge(o, -1);
                bucket.tallies[j].2.merge(n, 1);
                last.totals[j].merge(o, -1);
                last.totals[j].merge(n, 1);
            }
            touched.push(b);
        }
        touched.sort_unstable();
        touched.dedup();
        for b in touched {
            self.buckets[b].fingerprint = fingerprint(shop, &last.members[b]);
        }
        Some(by_period(&last.needed, &last.totals))
    }

    /// Saves a copy (the watcher keeps using its state).
    pub fn save_copy(&self, shop: &Shop) {
        self.snapshot().save(shop);
    }
}

/// The tallies of every needed week and month, reusing what the last report
/// stored for buckets whose records did not change. With `remember` false the
/// stored state is neither read nor written (`--no-cache`).
pub fn tallies(
    shop: &Shop,
    now: Timestamp,
    p: &Periods,
    config_text: &[u8],
    remember: bool,
) -> Tallies {
    let mut state = if remember {
        TallyState::load(shop, config_text)
    } else {
        TallyState::default()
    };
    let (tallies, changed) = state.update(shop, now, p, config_text);
    if remember && changed {
        state.save(shop);
    }
    tallies
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shop::index::shop_from_texts;

    /// A change to one file's text: (path, new text from old).
    type Edit<'a> = (&'a str, &'a dyn Fn(&str) -> String);

    /// The example shop, with `edit` applied to one file.
    fn example(edit: Option<Edit>) -> Shop {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("example-shop");
        let toml = std::fs::read_to_string(root.join("shop.toml")).expect("shop.toml");
        // Every record file, found as `check` finds them.
        let dir = crate::shop::index::ShopDir {
            root: root.clone(),
            shown_root: root.clone(),
        };
        let mut rels: Vec<String> =
            crate::shop::index::walk_in(&dir, crate::shop::config::Lang::Id)
                .found
                .iter()
                .filter_map(|f| Some(f.rel.to_str()?.to_string()))
                .collect();
        rels.sort();
        let mut files: Vec<(String, String)> = Vec::new();
        for rel in rels {
            let mut text = std::fs::read_to_string(root.join(&rel)).expect("read");
            if let Some((which, f)) = &edit {
                if rel == *which {
                    text = f(&text);
                }
            }
            files.push((rel, text));
        }
        let borrowed: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        shop_from_texts(&toml, &borrowed)
    }

    /// Applying an edit as a difference gives the figures of a fresh
    /// computation, and leaves a state that a full update finds current.
    #[test]
    fn an_edit_applied_as_a_difference_equals_a_fresh_computation() {
        let before = example(None);
        let tz = before.config.timezone.clone();
        let now =
            crate::time::parse_time_in("2026-11-20 15:00", &tz, crate::shop::config::Lang::Id)
                .expect("now");
        let config_text = b"same shop.toml";
        let mut state = TallyState::default();
        let p = super::super::periods(&before, now);
        state.update(&before, now, &p, config_text);

        // A follow-up logged and a feedback given by a lead, in this week.
        let add = |t: &str| {
            t.replacen(
                "interactions:\n",
                "interactions:\n  - at: 2026-11-19 10:00\n    kind: followup\n    by: dewi\n",
                1,
            ) + "feedback:\n  - at: 2026-11-20 09:00\n    rating: 5\n    nps: 10\n"
        };
        let after = example(Some(("customers/rina-marlina.yaml", &add)));
        let ci = *after.customer_index.get("rina-marlina").expect("customer");
        assert_eq!(before.customers.len(), after.customers.len());
        assert_ne!(before.customers[ci], after.customers[ci]);

        let shares = state.shares(&before, now, &[ci]).expect("shares");
        let p_after = super::super::periods(&after, now);
        let applied = state
            .apply_edit(&after, now, &p_after, config_text, shares)
            .expect("applied");

        let mut fresh = TallyState::default();
        let (fresh_tallies, _) = fresh.update(&after, now, &p_after, config_text);
        assert_eq!(applied, fresh_tallies);
        let fresh_weeks = fresh_tallies.weeks;
        // The figures did move (the edit counts this week).
        let w = crate::time::Week::containing(now, &tz);
        assert_ne!(
            state.update(&before, now, &p, config_text).0.weeks.get(&w),
            fresh_weeks.get(&w)
        );
    }

    /// The fold tells apart what a page key must: split points, lengths, a
    /// bit anywhere in a word, trailing bytes.
    #[test]
    fn the_fold_separates_close_inputs() {
        let of = |parts: &[&[u8]]| {
            let mut h = Fold::default();
            for p in parts {
                h.bytes(p);
            }
            h.0
        };
        let mut seen = std::collections::HashSet::new();
        let inputs: Vec<Vec<&[u8]>> = vec![
            vec![b"ab", b"c"],
            vec![b"a", b"bc"],
            vec![b"abc"],
            vec![b"abc", b""],
            vec![b"abcdefgh"],
            vec![b"abcdefgi"],
            vec![b"abcdefgh\x80"],
            vec![b"\x80bcdefgh"],
            vec![b"abcdefgh\0"],
        ];
        for i in &inputs {
            assert!(seen.insert(of(i)), "collision for {i:?}");
        }
        // A change in the top bit of the last word still changes the result.
        assert_ne!(
            of(&[&[0u8; 16]]),
            of(&[&[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80]])
        );
    }

    /// A different now or other periods are not applied as a difference.
    #[test]
    fn an_edit_at_another_now_is_refused() {
        let shop = example(None);
        let tz = shop.config.timezone.clone();
        let now =
            crate::time::parse_time_in("2026-11-20 15:00", &tz, crate::shop::config::Lang::Id)
                .expect("now");
        let later =
            crate::time::parse_time_in("2026-11-21 15:00", &tz, crate::shop::config::Lang::Id)
                .expect("later");
        let mut state = TallyState::default();
        let p = super::super::periods(&shop, now);
        state.update(&shop, now, &p, b"x");
        assert!(state.shares(&shop, later, &[0]).is_none());
        let shares = state.shares(&shop, now, &[0]).expect("shares");
        let p_later = super::super::periods(&shop, later);
        assert!(state
            .apply_edit(&shop, later, &p_later, b"x", shares)
            .is_none());
    }
}
