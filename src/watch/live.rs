//! The shop as the watcher holds it between rebuilds, and one rebuild: the
//! files ([`Files`]), the patched shop ([`Patcher`]), what was worked out
//! at the last moment ([`Memo`]), the period tallies, and the pages an edit
//! changes ([`impact`]).

use super::files::{Changes, Files};
use super::impact::{footprint, impact, Change, PagesToRender, Touched};
use super::memo::{Epoch, Kept, Memo, Moments};
use super::patch::Patcher;
use crate::error::Result;
use crate::metrics::Tally;
use crate::report::encrypt::Sealer;
use crate::report::moment::Moment;
use crate::report::pages::One;
use crate::report::state::{Shares, Tallies, TallyState};
use crate::report::{self, BuildSummary, Figures, Job, Manifest, Month, Part, Periods, Site};
use crate::rules::complaints::exists_at;
use crate::shop::index::{Parsed, Shop, ShopDir};
use crate::shop::record::{Complaint, Customer};
use crate::time::Week;
use jiff::Timestamp;
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

/// What the last rebuild rendered from, for the next one's [`Change`].
struct Last {
    now: Timestamp,
    weeks: Vec<Week>,
    months: Vec<Month>,
    tallies: HashMap<Week, Tally>,
    parts: HashMap<Part, Tally>,
    problems: Vec<String>,
    /// The day the pages say they are as of.
    date: String,
}

pub struct Live {
    pub files: Files,
    out: PathBuf,
    fixed_now: Option<Timestamp>,
    patcher: Patcher,
    /// The records the last patch replaced (`None` after a full assembly).
    replaced: Option<Vec<Parsed>>,
    memo: Memo,
    /// The period tallies per bucket of customers, updated incrementally.
    tallies: Option<TallyState>,
    /// The figures' shares of the customers a patch touched, before it.
    before: Option<Shares>,
    last: Option<Last>,
    /// The site's manifest as this watcher last wrote it.
    manifest: Option<Manifest>,
    /// The manifest in memory is newer than the one on disk.
    manifest_dirty: bool,
    /// The page templates and the site key (program, shop.toml, templates),
    /// read again on a full change (templates, shop.toml).
    templates: Option<(Arc<tera::Tera>, u64)>,
    /// The site password (`watch --encrypt`), and what seals the pages with
    /// it (made at the first rebuild, again when the shop's name changes).
    password: Option<String>,
    sealer: Option<Sealer>,
}

impl Live {
    pub fn start(dir: ShopDir, out: PathBuf, fixed_now: Option<Timestamp>) -> Result<Live> {
        Ok(Live {
            files: Files::load(dir)?,
            out,
            fixed_now,
            patcher: Patcher::default(),
            replaced: None,
            memo: Memo::default(),
            tallies: None,
            before: None,
            last: None,
            manifest: None,
            manifest_dirty: false,
            templates: None,
            password: None,
            sealer: None,
        })
    }

    /// Writes the pages encrypted with this password (`None`: in the clear).
    pub fn encrypt(&mut self, password: Option<String>) {
        self.password = password;
        self.sealer = None;
    }

    /// The sealer for `shop`'s pages, when encrypting.
    fn sealer(&mut self, shop: &Shop) -> Result<Option<&Sealer>> {
        let Some(password) = &self.password else {
            return Ok(None);
        };
        if !self.sealer.as_ref().is_some_and(|s| s.fits(&shop.config)) {
            self.sealer = Some(Sealer::open(&self.out, password, &shop.config, false)?);
        }
        Ok(self.sealer.as_ref())
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
    pub fn clock_moved(&self) -> bool {
        self.fixed_now.is_none() && self.last.as_ref().is_some_and(|r| r.now != self.now())
    }

    /// The shop from the last good version of every file (see [`Patcher::shop`]).
    pub fn shop(&mut self, ch: &Changes) -> Shop {
        let now = self.now();
        let tallies = &self.tallies;
        let mut before = None;
        let (mut shop, replaced) = self.patcher.shop(&self.files, ch, |shop, cis| {
            before = tallies.as_ref().and_then(|t| t.shares(shop, now, cis));
        });
        self.before = before;
        self.replaced = replaced;
        shop.config.encrypt = self.password.is_some();
        shop
    }

    /// Keeps the shop of this rebuild for the next one to patch.
    pub fn keep(&mut self, shop: Shop) {
        self.patcher.keep(shop);
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
                eprintln!("langgan: {}", e.message_in(self.files.config.language));
            }
        }
    }

    /// The templates and the site key, read again on a full change.
    fn templates(&mut self, shop: &Shop, ch: &Changes) -> Result<(Arc<tera::Tera>, u64)> {
        match &self.templates {
            Some((t, key)) if !ch.full => Ok((t.clone(), *key)),
            _ => {
                let config_text =
                    std::fs::read(shop.dir.root.join("shop.toml")).unwrap_or_default();
                let t = Arc::new(report::load_templates(shop)?);
                let key = report::site_key(shop, &config_text);
                self.templates = Some((t.clone(), key));
                Ok((t, key))
            }
        }
    }

    /// The week and month tallies at `now`: an edit applied as a difference
    /// when it can be, else the stored buckets brought up to date.
    fn figures(&mut self, shop: &Shop, now: Timestamp, p: &Periods, full: bool) -> Tallies {
        let config_text = std::fs::read(shop.dir.root.join("shop.toml")).unwrap_or_default();
        let first = self.tallies.is_none();
        let state = self
            .tallies
            .get_or_insert_with(|| TallyState::load(shop, &config_text));
        let fast = self
            .before
            .take()
            .and_then(|before| state.apply_edit(shop, now, p, &config_text, before));
        let (tallies, changed) = match fast {
            Some(tallies) => (tallies, false),
            None => state.update(shop, now, p, &config_text),
        };
        if changed && (first || full) {
            // So the next `report` (or watch) starts from these figures.
            state.save_copy(shop);
        }
        tallies
    }

    /// Renders the pages a change affects (everything on a full change) and
    /// removes the pages of records that are gone.
    pub fn render(&mut self, shop: &Shop, ch: &Changes) -> Result<BuildSummary> {
        let timing = std::env::var_os("LANGGAN_TIMING").is_some();
        let t0 = Instant::now();
        let now = self.now();
        let problems: Vec<String> = shop
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(ToString::to_string)
            .collect();
        let (tera, site_key) = self.templates(shop, ch)?;
        let replaced = self.replaced.take();
        let epoch = self.memo.begin(now, replaced.is_some());
        let same_epoch = matches!(epoch, Epoch::Same);
        let touched: Vec<usize> = ch
            .customers
            .iter()
            .filter_map(|id| shop.customer_index.get(id).copied())
            .collect();
        let msgs = crate::messages::Messages::load(shop)?;
        let moments = self.memo.moments(epoch, shop, now, &touched, &msgs);
        let t1 = t0.elapsed();
        let records = replaced.as_deref().unwrap_or(&[]);
        let p = self.memo.periods(shop, now, records);
        let Tallies {
            weeks,
            months,
            parts,
        } = self.figures(shop, now, &p, ch.full);
        let t2 = t0.elapsed();
        let kept = if same_epoch {
            self.memo.kept(shop, now, records)
        } else {
            None
        };
        let Moments { all, moved, before } = moments;
        let figures = Figures {
            weeks: &weeks,
            months: &months,
            parts: &parts,
            rows: self.memo.week_rows(shop, now, records),
            moments: Some(all),
            public_feedback: kept.as_ref().map(|k| k.public_feedback.clone()),
            listed: kept.as_ref().map(|k| k.listed.clone()),
            resolve_due: kept.map(|k| k.resolve_due),
            key: Some(site_key),
        };
        let site = Site::from_tallies(shop, now, problems, p, figures)?;
        let change = self.change(
            &site,
            ch,
            (&weeks, &parts),
            &touched,
            moved,
            (replaced.as_deref(), &before),
        );
        let pages = impact(&change);
        let jobs = jobs_for(&site, &pages);
        let t3 = t0.elapsed();
        self.last = None;
        let written = self.write(&site, &tera, &jobs, ch);
        if timing {
            eprintln!(
                "timing: moments {t1:?} periods+tallies {:?} site+impact {:?} write {:?} ({} jobs, {} rendered)",
                t2 - t1,
                t3 - t2,
                t0.elapsed() - t3,
                jobs.len(),
                written.as_ref().map_or(0, |s| s.rendered)
            );
        }
        // What the site worked out goes back to the memo for the next rebuild.
        let Site {
            moments,
            week_rows,
            public_feedback,
            listed,
            resolve_due,
            weeks: shown_weeks,
            months: shown_months,
            problems,
            date_line,
            ..
        } = site;
        let kept = Kept {
            public_feedback,
            listed,
            resolve_due,
        };
        self.memo.keep(moments, week_rows, kept);
        let summary = written?;
        self.last = Some(Last {
            now,
            weeks: shown_weeks,
            months: shown_months,
            tallies: weeks,
            parts,
            problems,
            date: date_line,
        });
        Ok(summary)
    }

    /// What changed since the last rebuild, for [`impact`].
    fn change(
        &self,
        site: &Site,
        ch: &Changes,
        (tallies, parts): (&HashMap<Week, Tally>, &HashMap<Part, Tally>),
        touched: &[usize],
        moved: Option<Vec<usize>>,
        (replaced, before): (Option<&[Parsed]>, &[(usize, Moment)]),
    ) -> Change {
        let reassembled = replaced.is_none();
        let replaced = replaced.unwrap_or(&[]);
        let shop = site.shop;
        let complaints = ch
            .complaints
            .iter()
            .filter_map(|id| {
                shop.complaints
                    .binary_search_by(|k| k.id.as_str().cmp(id))
                    .ok()
            })
            .collect();
        let Some(last) = &self.last else {
            return Change {
                everything: true,
                touched: touched
                    .iter()
                    .map(|&ci| Touched {
                        ci,
                        footprints: None,
                    })
                    .collect(),
                complaints,
                ..Change::none(site.current_week)
            };
        };
        let week_pages = site.week_pages();
        let footprints = |ci: usize| {
            let old = before.iter().find(|(i, _)| *i == ci)?;
            let listed = site.listed.binary_search(&ci).ok();
            let then = previous(site, ci, &old.1, replaced, &last.tallies, &week_pages);
            let now = site.one(ci, tallies, &week_pages);
            Some((footprint(&then, listed), footprint(&now, listed)))
        };
        let weeks: BTreeSet<&Week> = tallies.keys().chain(last.tallies.keys()).collect();
        Change {
            everything: ch.full,
            new_day: last.date != site.date_line,
            new_now: last.now != site.now,
            reassembled,
            moved,
            periods: last.weeks != site.weeks || last.months != site.months,
            problems: last.problems != site.problems,
            parts: last.parts != *parts,
            current_week: site.current_week,
            figures: weeks
                .into_iter()
                .filter(|w| tallies.get(w) != last.tallies.get(w))
                .copied()
                .collect(),
            touched: touched
                .iter()
                .map(|&ci| Touched {
                    ci,
                    footprints: footprints(ci),
                })
                .collect(),
            complaints,
        }
    }

    /// Writes the jobs' pages; a full change lists and prunes the whole
    /// folder, an edit removes the pages of records that are gone.
    fn write(
        &mut self,
        site: &Site,
        tera: &tera::Tera,
        jobs: &[Job],
        ch: &Changes,
    ) -> Result<BuildSummary> {
        let shop = site.shop;
        let now = site.now;
        self.sealer(shop)?;
        let sealer = self.sealer.as_ref();
        let name = |p: String| sealer.map_or_else(|| p.clone(), |s| s.names.page(&p));
        // The watcher's own manifest; a few pages are checked one by one
        // (a full rebuild reads and lists the folder again).
        let known = self
            .manifest
            .take()
            .filter(|_| !ch.full)
            .map(|manifest| report::Known {
                manifest,
                present: None,
            });
        let (summary, manifest) = if ch.full {
            let removal = report::Removal::Stale;
            report::write_site(site, tera, jobs, &self.out, removal, known, sealer)?
        } else {
            let mut removed = Vec::new();
            for id in &ch.customers {
                if shop.customer(id).is_none_or(|c| c.first_contact.t > now) {
                    removed.push(name(format!("customers/{id}.html")));
                }
            }
            for id in &ch.complaints {
                if shop.complaint(id).is_none_or(|k| !exists_at(k, now)) {
                    removed.push(name(format!("complaints/{id}.html")));
                }
            }
            let removal = report::Removal::Only(&removed);
            report::write_site(site, tera, jobs, &self.out, removal, known, sealer)?
        };
        self.manifest = Some(manifest);
        self.manifest_dirty = true;
        Ok(summary)
    }
}

/// Customer `ci` as the last rebuild had them: the records an edit replaced
/// (the others are the same), their moment then and the figures then.
fn previous<'a>(
    site: &'a Site,
    ci: usize,
    moment: &'a Moment,
    replaced: &'a [Parsed],
    tallies: &'a HashMap<Week, Tally>,
    weeks: &'a [Week],
) -> One<'a> {
    let shop = site.shop;
    let id = &shop.customers[ci].id;
    let customer: &Customer = replaced
        .iter()
        .find_map(|p| match p {
            Parsed::Customer(c) if c.id == *id => Some(&**c),
            _ => None,
        })
        .unwrap_or(&shop.customers[ci]);
    let complaint = |ki: usize| -> &Complaint {
        let k = &shop.complaints[ki];
        replaced
            .iter()
            .find_map(|p| match p {
                Parsed::Complaint(old) if old.id == k.id => Some(&**old),
                _ => None,
            })
            .unwrap_or(k)
    };
    One {
        customer,
        complaints: shop.complaints_by_customer[ci]
            .iter()
            .map(|&ki| (ki, complaint(ki)))
            .collect(),
        moment,
        now: site.now,
        cfg: &shop.config,
        resolve_due: &site.resolve_due,
        tallies,
        weeks,
    }
}

/// The jobs of the pages to render.
fn jobs_for(site: &Site, pages: &PagesToRender) -> Vec<Job> {
    if pages.every_page {
        return report::jobs(site);
    }
    let shop = site.shop;
    let mut jobs: Vec<Job> = report::overview_jobs(site)
        .into_iter()
        .filter(|j| match j {
            Job::Dashboard => pages.dashboard,
            Job::Week(w) => pages.weeks.contains(w),
            Job::Month(_) => pages.months,
            Job::Hours => pages.hours,
            Job::Testimonials => pages.testimonials,
            Job::Customers(p) => pages.index_pages.contains(p),
            Job::Complaints => pages.complaints,
            Job::Feed(_) => pages.feeds,
            // The style sheet's key is the site key: checked, not rendered.
            _ => true,
        })
        .collect();
    // A customer's page, and their complaints' pages (which show the
    // customer's name and tasks).
    let mut complaints: BTreeSet<usize> = pages.complaint_pages.clone();
    for &ci in &pages.customers {
        if shop.customers[ci].first_contact.t <= site.now {
            jobs.push(Job::Customer(ci));
        }
        complaints.extend(&shop.complaints_by_customer[ci]);
    }
    jobs.extend(
        complaints
            .into_iter()
            .filter(|&ki| exists_at(&shop.complaints[ki], site.now))
            .map(Job::Complaint),
    );
    jobs.sort();
    jobs.dedup();
    jobs
}

#[cfg(test)]
mod tests;
