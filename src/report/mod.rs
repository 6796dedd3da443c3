//! The static report site (SPEC §7): a page model computed in Rust, rendered
//! by tera templates compiled into the binary (a shop's `templates/report/`
//! overrides them file by file), written deterministically.

pub mod jobs;
pub mod keys;
pub mod pages;
pub mod period;
pub mod site;
pub mod state;
pub mod svg;
pub mod templates;
pub mod weekly;
pub mod write;

pub use crate::incremental::manifest::*;
pub use jobs::*;
pub use keys::*;
pub use pages::customers::CUSTOMERS_PER_PAGE;
pub use period::*;
pub use site::*;
pub use templates::*;
pub use weekly::*;
pub use write::*;

use crate::error::{Error, Result};
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
        return Err(Error::usage(format!(
            "{}: the report cannot be written into the shop's own folders; use a separate folder such as public/",
            out.display()
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
    // Only the agenda: a customer's page evaluates its own tasks when rendered.
    let (tasks, moments) = agenda_and_moments(shop, now);
    let ta = t0.elapsed();
    let p = periods(shop, now);
    let tb = t0.elapsed();
    let (weeks, months) = state::tallies(shop, now, &p, &config_text, remember);
    let tc = t0.elapsed();
    let figures = Figures {
        weeks: &weeks,
        months: &months,
        rows: week_rows(shop, now),
        messages: None,
        moments,
        public_feedback: None,
        listed: None,
        resolve_due: None,
    };
    let site = Site::from_tallies(shop, now, problems, tasks, p, figures)?;
    let t1 = t0.elapsed();
    if std::env::var_os("LANGGAN_TIMING").is_some() {
        eprintln!(
            "timing: tasks {ta:?} periods {:?} tallies {:?} site {:?}",
            tb - ta,
            tc - tb,
            t1 - tc
        );
    }
    let jobs = jobs(&site);
    let keys = remember.then(|| site_key(shop, &config_text));
    let known = reading.join().ok();
    let (summary, manifest) = write_site(&site, &tera, &jobs, out, keys, Removal::Stale, known)?;
    write_manifest(out, &manifest)?;
    if std::env::var_os("LANGGAN_TIMING").is_some() {
        eprintln!("timing: model {t1:?} render+write {:?}", t0.elapsed() - t1);
    }
    Ok(summary)
}

/// What a site's pages have in common: the program, shop.toml (language,
/// currency, rules…), masking and the shop's templates.
pub fn site_key(shop: &Shop, config_text: &[u8]) -> u64 {
    let mut h = state::Fold::default();
    h.str(env!("CARGO_PKG_VERSION"));
    h.bytes(config_text);
    h.u64(u64::from(shop.config.mask_contacts));
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
