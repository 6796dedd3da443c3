//! The site on a phone: in headless Chromium at 360, 412 and 1280 px, no
//! page of the example shop or of a hostile shop (300-character words, long
//! links, 5,000-character notes, `<script>` everywhere) scrolls sideways.
//! Screenshots stay in `target/site-screenshots/` as test artefacts. And
//! axe-core finds no serious or critical accessibility fault on any page type,
//! and printed pages name the shop without dead links.

use crate::support::{self, Test, NOW};
use std::path::Path;

/// One page of each type, relative to the site's root.
const PAGES: [&str; 9] = [
    "index.html",
    "weeks/2026-W47.html",
    "months/2026-11.html",
    "hours.html",
    "testimonials.html",
    "customers.html",
    "complaints.html",
    "customers/CUSTOMER.html",
    "complaints/COMPLAINT.html",
];

/// `scrollWidth:innerWidth:cells under 40 px:stacked tables that scroll` of each page at `width`, from one browser run:
/// a page of iframes `width` wide writes its measurements into its title.
fn measure(browser: &str, site: &Path, pages: &[String], width: u32, shot: &Path) -> Vec<String> {
    let frames: String = pages
        .iter()
        .map(|p| format!("<iframe src=\"{p}\" width=\"{width}\" height=\"700\"></iframe>"))
        .collect();
    let probe = format!(
        "<!doctype html><title>probe</title><body style=\"margin:0\">{frames}<script>\
         window.onload = function () {{ var out = []; \
         document.querySelectorAll('iframe').forEach(function (f) {{ \
         var d = f.contentDocument; var e = d && d.scrollingElement; \
         var narrow = d ? Array.prototype.filter.call(d.querySelectorAll('th, td'), function (c) {{ \
         var h = c.closest('thead'); if (h && h.getBoundingClientRect().width <= 1) return false; \
         return c.getClientRects().length && c.textContent.trim().length > 3 && c.getBoundingClientRect().width < 40; }}).length : 0; \
         var clipped = d && f.contentWindow.innerWidth < 480 ? Array.prototype.filter.call(d.querySelectorAll('.scroll'), function (b) {{ \
         return b.querySelector('table.stack') && b.scrollWidth > b.clientWidth + 1; }}).length : 0; \
         out.push(e ? e.scrollWidth + ':' + f.contentWindow.innerWidth + ':' + narrow + ':' + clipped : 'none'); }}); \
         document.title = 'M ' + out.join(' '); }};</script></body>"
    );
    let probe_path = site.join(format!("probe-{width}.html"));
    std::fs::write(&probe_path, probe).expect("probe");
    let profile = site.join(format!(".profile-{width}"));
    let flags = |extra: &[String]| {
        let mut cmd = std::process::Command::new(browser);
        cmd.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--allow-file-access-from-files",
            "--virtual-time-budget=8000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra);
        cmd
    };
    let url = format!("file://{}", probe_path.display());
    let out = flags(&[
        format!("--window-size={width},900"),
        "--dump-dom".into(),
        url,
    ])
    .output()
    .expect("run chromium");
    let dom = String::from_utf8_lossy(&out.stdout);
    let title = dom
        .split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next())
        .unwrap_or("")
        .to_string();
    assert!(
        title.starts_with("M "),
        "no measurement at {width}: {title}"
    );
    let dashboard = format!("file://{}", site.join("index.html").display());
    let _ = flags(&[
        format!("--window-size={width},1600"),
        format!("--screenshot={}", shot.display()),
        dashboard,
    ])
    .output();
    title[2..].split(' ').map(str::to_string).collect()
}

/// The site of `shop` built in a temp folder, with its page of each type.
fn build_site(
    name: &str,
    shop: &Test,
    customer: &str,
    complaint: &str,
) -> (tempfile::TempDir, Vec<String>) {
    let tmp = tempfile::tempdir().expect("tmp");
    let site = tmp.path().join("site");
    shop.run_args(&["--now", NOW, "report", "--out", &site.display().to_string()])
        .code(0);
    let pages: Vec<String> = PAGES
        .iter()
        .map(|p| {
            p.replace("CUSTOMER", customer)
                .replace("COMPLAINT", complaint)
        })
        .collect();
    for p in &pages {
        assert!(site.join(p).is_file(), "{name}: {p} missing");
    }
    (tmp, pages)
}

fn check_site(browser: &str, name: &str, shop: &Test, customer: &str, complaint: &str) {
    let (tmp, pages) = build_site(name, shop, customer, complaint);
    let site = tmp.path().join("site");
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/site-screenshots");
    std::fs::create_dir_all(&shots).expect("screenshots dir");
    for width in [360, 412, 1280] {
        let shot = shots.join(format!("{name}-dashboard-{width}.png"));
        let got = measure(browser, &site, &pages, width, &shot);
        assert_eq!(got.len(), pages.len(), "{name} at {width}: {got:?}");
        for (page, m) in pages.iter().zip(&got) {
            let mut parts = m.split(':').map(|n| n.parse::<u32>().ok());
            let (sw, iw, narrow, clipped) =
                (parts.next(), parts.next(), parts.next(), parts.next());
            let (sw, iw) = (sw.flatten().unwrap_or(u32::MAX), iw.flatten().unwrap_or(0));
            assert!(
                iw > 0 && sw <= iw,
                "{name}: {page} scrolls sideways at {width} px (scrollWidth {sw} > {iw})"
            );
            // A table squeezed to a letter per line does not scroll, but
            // cannot be read either.
            assert_eq!(
                narrow.flatten(),
                Some(0),
                "{name}: {page} at {width} px has table cells under 40 px wide"
            );
            // On a phone a table marked stack is cards: nothing to scroll.
            assert_eq!(
                clipped.flatten(),
                Some(0),
                "{name}: {page} at {width} px scrolls a stacked table in its box"
            );
        }
    }
}

#[test]
fn no_page_scrolls_sideways_on_a_phone() {
    let Some(browser) = support::chromium() else {
        support::skip_without("Chromium");
        return;
    };
    check_site(
        browser,
        "example",
        &Test::example_shop(),
        "siti-rahma",
        "2026-0005",
    );
    check_site(
        browser,
        "hostile",
        &support::hostile_shop(),
        "x",
        "2026-0001",
    );
}

/// Where npm installed axe-core and puppeteer-core (`.ci/run` sets it).
fn axe_modules() -> Option<std::path::PathBuf> {
    std::env::var_os("AXE_MODULES")
        .map(std::path::PathBuf::from)
        .filter(|p| p.join("axe-core/axe.min.js").is_file() && p.join("puppeteer-core").is_dir())
}

/// axe-core's serious and critical violations on `pages` of `site` at a
/// phone's and a desktop's width, one line each.
/// What `tests/support/browser.js` in `mode` (axe or print) found on
/// `site`, as the JSON it prints; `args` follow the site's folder.
fn browser_check(
    mode: &str,
    browser: &str,
    modules: &Path,
    site: &Path,
    args: &[impl AsRef<std::ffi::OsStr>],
) -> serde_json::Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/browser.js");
    let out = std::process::Command::new("node")
        .arg(script)
        .args([mode, browser])
        .arg(modules)
        .arg(site)
        .args(args)
        .output()
        .expect("run node tests/support/browser.js");
    assert!(
        out.status.success(),
        "{mode} run failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("browser.js JSON")
}

fn axe(browser: &str, modules: &Path, site: &Path, pages: &[String]) -> Vec<String> {
    let mut args = vec!["360,1280".to_string()];
    args.extend_from_slice(pages);
    let found = browser_check("axe", browser, modules, site, &args);
    found
        .as_array()
        .map(|all| {
            all.iter()
                .map(|v| {
                    format!(
                        "{} at {} px: {} ({}) {}: {}",
                        v["page"], v["width"], v["id"], v["impact"], v["help"], v["targets"]
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn axe_finds_no_serious_fault_on_any_page_type() {
    let (Some(browser), Some(modules)) = (support::chromium(), axe_modules()) else {
        support::skip_without("Chromium and AXE_MODULES (npm axe-core, puppeteer-core)");
        return;
    };
    let english = Test::example_shop();
    let toml = english.path().join("shop.toml");
    let text = std::fs::read_to_string(&toml).expect("shop.toml");
    std::fs::write(
        &toml,
        text.replace("language = \"id\"", "language = \"en\"")
            .replace("mask_contacts = true", "mask_contacts = false"),
    )
    .expect("write shop.toml");
    let mut faults = Vec::new();
    for (name, shop, customer, complaint) in [
        ("example", Test::example_shop(), "siti-rahma", "2026-0005"),
        ("english-unmasked", english, "siti-rahma", "2026-0005"),
        ("hostile", support::hostile_shop(), "x", "2026-0001"),
    ] {
        let (tmp, pages) = build_site(name, &shop, customer, complaint);
        for fault in axe(browser, &modules, &tmp.path().join("site"), &pages) {
            faults.push(format!("{name}: {fault}"));
        }
    }
    // The password page of an encrypted site.
    let (_encrypted, site) = support::encrypted_example_site();
    for fault in axe(browser, &modules, &site, &["index.html".to_string()]) {
        faults.push(format!("encrypted: {fault}"));
    }
    assert!(
        faults.is_empty(),
        "accessibility faults:\n{}",
        faults.join("\n")
    );
}

/// On paper (Chromium's print media, A4) every page type names the shop at
/// the top and prints no dead links: no navigation, pager, "more →" links,
/// search box or WhatsApp button. The PDFs stay beside the screenshots.
#[test]
fn printed_pages_name_the_shop_and_have_no_dead_links() {
    let (Some(browser), Some(modules)) = (support::chromium(), axe_modules()) else {
        support::skip_without("Chromium and AXE_MODULES (npm puppeteer-core)");
        return;
    };
    let (tmp, pages) = build_site("print", &Test::example_shop(), "siti-rahma", "2026-0005");
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/site-screenshots/print");
    std::fs::create_dir_all(&out).expect("print dir");
    let mut args = vec!["Glow Skincare Bandung".into(), out.clone().into_os_string()];
    args.extend(pages.iter().map(std::ffi::OsString::from));
    let found = browser_check("print", browser, &modules, &tmp.path().join("site"), &args);
    assert_eq!(found, serde_json::json!([]), "on paper");
    for p in &pages {
        let pdf = out.join(format!("{}.pdf", p.replace('/', "_")));
        assert!(pdf.is_file(), "{} printed", pdf.display());
    }
}
