//! The static report site (SPEC §7): a page model computed in Rust, rendered
//! by tera templates compiled into the binary (a shop's `templates/report/`
//! overrides them file by file), written deterministically.
//!
//! A build: the site model ([`site::Site`], from the shop, the period
//! tallies and each customer's [`moment::Moment`]), the flat list of jobs
//! ([`jobs`]), and per job the page's inputs, key and view ([`pages`]);
//! [`crate::incremental`] skips the pages whose key did not change.

pub mod encrypt;
pub mod ics;
pub mod jobs;
pub mod moment;
pub mod pages;
pub mod period;
pub mod site;
pub mod state;
pub mod svg;
pub mod templates;
pub mod weekly;

pub use crate::incremental::manifest::{write_manifest, Known, Manifest};
pub use crate::incremental::writer::{BuildSummary, Removal};
pub use jobs::{jobs, overview_jobs, Job};
pub use period::{
    complaint_days, customer_days, day_counts, event_times, periods, periods_from_days, Month,
    Part, Periods, TREND_WEEKS,
};
pub use site::{shown_feedback, Figure, Figures, Site};
pub use templates::{load_templates, render};
pub use weekly::{add_week_events, customer_week_events, week_rows, WeekEvent, WeekRows, WeekWork};

use crate::error::{Error, Result};
use crate::incremental::writer::{write_pages, Page};
use crate::shop::index::Shop;
use jiff::Timestamp;
use std::path::{Path, PathBuf};

/// Refuses output folders that would mix the site with the records.
pub fn check_out_dir(shop: &Shop, out: &Path) -> Result<()> {
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let root = canon(&shop.dir.root);
    let out_c = if out.exists() {
        canon(out)
    } else {
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        canon(parent).join(out.file_name().unwrap_or_default())
    };
    let inside_records = [
        crate::shop::index::CUSTOMERS_DIR,
        crate::shop::index::COMPLAINTS_DIR,
        "templates",
    ]
    .iter()
    .any(|d| out_c.starts_with(root.join(d)));
    if out_c == root || inside_records {
        return Err(Error::usage(crate::lang::cli::out_in_shop(
            out,
            shop.config.language,
        )));
    }
    Ok(())
}

/// Renders every page and writes the changed ones; removes pages of the previous
/// build that no longer exist. With `remember`, period tallies come from the
/// last report's state where their records did not change, and pages whose
/// inputs did not change since the last build are not rendered again.
pub fn build(
    shop: &Shop,
    now: Timestamp,
    out: &Path,
    problems: Vec<String>,
    remember: bool,
    sealer: Option<&encrypt::Sealer>,
) -> Result<BuildSummary> {
    check_out_dir(shop, out)?;
    let t0 = std::time::Instant::now();
    // Reading the manifest and listing the site's folders (120k entries at
    // 100k customers) is file-system work: it runs beside the figures.
    let reading = {
        let out = out.to_path_buf();
        let pages = shop.customers.len() + shop.complaints.len();
        std::thread::spawn(move || Known::read(&out, pages))
    };
    let tera = load_templates(shop)?;
    let config_text = std::fs::read(shop.dir.root.join("shop.toml")).unwrap_or_default();
    let p = periods(shop, now);
    let tb = t0.elapsed();
    let tallies = state::tallies(shop, now, &p, &config_text, remember);
    let tc = t0.elapsed();
    let figures = Figures {
        weeks: &tallies.weeks,
        months: &tallies.months,
        parts: &tallies.parts,
        rows: week_rows(shop, now),
        moments: None,
        public_feedback: None,
        listed: None,
        resolve_due: None,
        key: remember.then(|| site_key(shop, &config_text)),
    };
    let site = Site::from_tallies(shop, now, problems, p, figures)?;
    let t1 = t0.elapsed();
    let timing = std::env::var_os("LANGGAN_TIMING").is_some();
    if timing {
        eprintln!(
            "timing: periods {tb:?} tallies {:?} site (moments) {:?}",
            tc - tb,
            t1 - tc
        );
    }
    let jobs = jobs(&site);
    let known = reading.join().ok();
    let (summary, manifest) = write_site(&site, &tera, &jobs, out, Removal::Stale, known, sealer)?;
    write_manifest(out, &manifest)?;
    if timing {
        eprintln!(
            "timing: model {t1:?} render+write {:?} ({} of {} pages rendered)",
            t0.elapsed() - t1,
            summary.rendered,
            summary.pages
        );
    }
    Ok(summary)
}

/// What a site's pages have in common: the program, shop.toml (language,
/// currency, rules…), masking and the shop's templates.
pub fn site_key(shop: &Shop, config_text: &[u8]) -> u64 {
    let mut h = state::Fold::default();
    h.str(env!("LANGGAN_VERSION"));
    h.bytes(config_text);
    h.u64(u64::from(shop.config.mask_contacts));
    h.u64(u64::from(shop.config.encrypt));
    let mut files = Vec::new();
    list_files(&shop.dir.root.join("templates"), &mut files);
    files.sort();
    for f in files {
        h.str(&f.to_string_lossy());
        h.bytes(&std::fs::read(&f).unwrap_or_default());
    }
    h.0
}

fn list_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() => list_files(&p, out),
            Ok(_) => out.push(p),
            Err(_) => {}
        }
    }
}

/// A job's page as the writer takes it; with a sealer, pages are written
/// encrypted under their opaque names (the style sheet and feeds as they are).
struct Rendering<'s> {
    inputs: jobs::Inputs<'s>,
    tera: &'s tera::Tera,
    sealer: Option<&'s encrypt::Sealer>,
}

impl Rendering<'_> {
    fn sealed(&self) -> Option<&encrypt::Sealer> {
        self.sealer
            .filter(|_| encrypt::is_page(&self.inputs.path()))
    }
}

impl Page for Rendering<'_> {
    fn path(&self) -> String {
        let path = self.inputs.path();
        match self.sealed() {
            Some(s) => s.names.page(&path),
            None => path,
        }
    }
    fn key(&self) -> u64 {
        // The manifest keeps the key of the plaintext inputs (with the
        // sealing key's): an unchanged page keeps its encrypted file.
        match self.sealed() {
            Some(s) => s.page_key(self.inputs.key()),
            None => self.inputs.key(),
        }
    }
    fn render(&self) -> Result<Vec<u8>> {
        let bytes = self.inputs.render(self.tera)?;
        match self.sealed() {
            Some(s) => s.seal(&self.inputs.path(), &bytes),
            None => Ok(bytes),
        }
    }
}

/// Writes the pages of `jobs` ([`write_pages`]): keyed when the site has a
/// key, so pages whose inputs did not change are not rendered again.
pub fn write_site(
    site: &Site,
    tera: &tera::Tera,
    jobs: &[Job],
    out: &Path,
    removal: Removal,
    known: Option<Known>,
    sealer: Option<&encrypt::Sealer>,
) -> Result<(BuildSummary, Manifest)> {
    let page = |job: &Job| {
        let mut inputs = jobs::inputs(site, *job);
        if let (jobs::Inputs::Feed(f), Some(s)) = (&mut inputs, sealer) {
            f.names = Some(pages::feed::NamesRef(&s.names));
        }
        Rendering {
            inputs,
            tera,
            sealer,
        }
    };
    write_pages(out, jobs, page, site.key.is_some(), removal, known)
}
