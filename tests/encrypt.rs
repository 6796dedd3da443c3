//! `report --encrypt` (SPEC §7, issue 18): every page an encrypted shell
//! under an opaque name, no record value in any of them, the ciphertext
//! changing with the password, an unchanged page keeping its file; and in
//! headless Chromium the password prompt, the wrong password said so, the
//! right one showing the same text as the plain page, and a second page
//! opened with the key the first kept — from `file://` and `watch --serve`.

use crate::support::{self, files, free_port, Test, NOW};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const PASSWORD: &str = "kopi susu gula aren";

/// The example shop, contacts unmasked (what an encrypted site is for).
fn unmasked_shop() -> Test {
    let shop = Test::example_shop();
    let path = shop.path().join("shop.toml");
    let toml = std::fs::read_to_string(&path).expect("toml");
    std::fs::write(
        &path,
        toml.replace("mask_contacts = true", "mask_contacts = false"),
    )
    .expect("write toml");
    shop
}

fn report(shop: &Test, out: &Path, password: Option<&str>) -> String {
    let mut cmd = crate::support::command();
    cmd.arg("--shop")
        .arg(shop.path())
        .args(["--now", NOW, "report", "--out"])
        .arg(out);
    if let Some(p) = password {
        cmd.arg("--encrypt").env("LANGGAN_SITE_PASSWORD", p);
    }
    let o = cmd.output().expect("run langgan");
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "report failed: {stderr}");
    stderr
}

/// Every customer's name and phone (as written, and its digits) in the shop.
fn record_values(shop: &Path) -> Vec<String> {
    let mut v = Vec::new();
    let mut records = Vec::new();
    let mut dirs = vec![shop.join("customers")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).expect("customers").flatten() {
            if e.path().is_dir() {
                dirs.push(e.path());
            } else if e
                .path()
                .extension()
                .is_some_and(|x| x == "yaml" || x == "yml")
            {
                records.push(e);
            }
        }
    }
    for e in records {
        let text = std::fs::read_to_string(e.path()).expect("record");
        for line in text.lines() {
            if let Some(name) = line.strip_prefix("name: ") {
                v.push(name.trim().trim_matches('"').to_string());
            }
            if let Some(phone) = line.strip_prefix("phone: ") {
                let phone = phone.trim().trim_matches('"');
                v.push(phone.to_string());
                let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
                // Without the leading 0 or 62: how it appears in links.
                v.push(
                    digits
                        .trim_start_matches("62")
                        .trim_start_matches('0')
                        .to_string(),
                );
            }
        }
        let id = e
            .path()
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        v.push(id);
    }
    v.retain(|s| s.len() >= 4);
    v
}

fn is_feed(path: &str) -> bool {
    path.starts_with("agenda/")
}

#[test]
fn encrypted_pages_hide_every_record_value() {
    let shop = unmasked_shop();
    let plain = shop.beside("plain");
    let enc = shop.beside("enc");
    report(&shop, &plain, None);
    // Without a password: refused, nothing written.
    let none = shop.beside("none");
    shop.run_args(&[
        "--now",
        NOW,
        "report",
        "--encrypt",
        "--out",
        &none.display().to_string(),
    ])
    .code(2)
    .stderr_has("LANGGAN_SITE_PASSWORD");
    assert!(!none.exists());
    report(&shop, &enc, Some(PASSWORD));
    let site = files(&enc);
    let plain_files = files(&plain);
    let pages = |s: &BTreeMap<String, Vec<u8>>| s.keys().filter(|p| p.ends_with(".html")).count();
    assert_eq!(pages(&site), pages(&plain_files), "one shell per page");
    let values = record_values(shop.path());
    assert!(values.iter().any(|v| v == "Siti Rahma"), "{values:?}");
    for (path, bytes) in &site {
        if is_feed(path) {
            continue;
        }
        assert!(
            path == "index.html"
                || path == "style.css"
                || path.starts_with('.')
                || (path.starts_with("x/") && path.len() == "x/".len() + 32 + ".html".len()),
            "a page name that is not opaque: {path}"
        );
        let text = String::from_utf8_lossy(bytes);
        for v in &values {
            assert!(!path.contains(v.as_str()), "{v:?} in the name {path}");
            assert!(!text.contains(v.as_str()), "{v:?} in {path}");
        }
        if path.ends_with(".html") {
            assert!(text.contains("data-iterations=\"600000\""), "{path}");
            assert!(text.contains("<html lang=\"id\">") && text.contains("Kata sandi"));
        }
    }
    // The style sheet stays as it is; the feeds are not encrypted.
    assert_eq!(site.get("style.css"), plain_files.get("style.css"));
    assert!(site.contains_key("agenda/toko.ics"));

    // Built again: every unchanged page keeps its file (same salt, same bytes).
    let stderr = report(&shop, &enc, Some(PASSWORD));
    assert_eq!(files(&enc), site, "{stderr}");
    // Another password: other ciphertext and other names.
    let other = shop.beside("other");
    report(&shop, &other, Some("teh manis hangat sekali"));
    let other_site = files(&other);
    assert_ne!(other_site.get("index.html"), site.get("index.html"));
    let names = |s: &BTreeMap<String, Vec<u8>>| -> Vec<String> {
        s.keys().filter(|p| p.starts_with("x/")).cloned().collect()
    };
    assert!(names(&other_site).iter().all(|n| !names(&site).contains(n)));
    // The same password into a new folder: the same names (stable links), other bytes.
    let again = shop.beside("again");
    report(&shop, &again, Some(PASSWORD));
    assert_eq!(names(&files(&again)), names(&site));
    assert_ne!(files(&again).get("index.html"), site.get("index.html"));
}

fn node() -> bool {
    Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs the steps in one Chromium tab (tests/support/cdp.js).
fn browse(browser: &str, profile: &Path, steps: &serde_json::Value) -> serde_json::Value {
    let driver = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/cdp.js");
    let o = Command::new("node")
        .arg(driver)
        .arg(browser)
        .arg(profile)
        .arg(steps.to_string())
        .output()
        .expect("node");
    assert!(
        o.status.success(),
        "browser steps failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).expect("json")
}

const TEXT: &str = "document.body.innerText";
/// The page is shown with its style sheet applied (innerText follows CSS).
const DECRYPTED: &str =
    "!document.getElementById('langgan-sealed') && document.readyState === 'complete' \
     && document.body.innerText.length > 100 \
     && Array.from(document.querySelectorAll('link[rel=stylesheet]')).every(l => l.sheet)";

/// The steps through an encrypted site from `index`: the prompt, a wrong
/// password, the right one, then the customer index by its link.
fn encrypted_steps(index: &str) -> serde_json::Value {
    let submit = |pw: &str| {
        format!(
            "(document.getElementById('langgan-password').value = {pw:?}, \
             document.getElementById('langgan-lock').requestSubmit(), true)"
        )
    };
    serde_json::json!([
        {"go": index},
        {"until": "document.getElementById('langgan-lock') && !document.getElementById('langgan-lock').hidden"},
        {"eval": TEXT, "as": "prompt"},
        {"eval": submit("salah sekali"), "as": "typed"},
        {"until": "!document.getElementById('langgan-wrong').hidden"},
        {"eval": "document.getElementById('langgan-wrong').innerText", "as": "wrong"},
        {"eval": submit(PASSWORD), "as": "typed"},
        {"until": DECRYPTED},
        {"eval": TEXT, "as": "index"},
        {"eval": "Array.from(document.querySelectorAll('nav a')).find(a => a.textContent.trim() === 'Pelanggan').href", "as": "next"},
        {"go": "$next"},
        {"until": DECRYPTED},
        {"eval": TEXT, "as": "customers"},
        {"eval": "location.pathname", "as": "path"},
    ])
}

fn plain_steps(index: &str, customers: &str) -> serde_json::Value {
    serde_json::json!([
        {"go": index},
        {"until": "document.readyState === 'complete'"},
        {"eval": TEXT, "as": "index"},
        {"go": customers},
        {"until": "document.readyState === 'complete'"},
        {"eval": TEXT, "as": "customers"},
    ])
}

fn check_visit(seen: &serde_json::Value, plain: &serde_json::Value) {
    let s = |v: &serde_json::Value, k: &str| v[k].as_str().unwrap_or_default().to_string();
    assert!(s(seen, "prompt").contains("Kata sandi"), "{seen}");
    assert!(!s(seen, "prompt").contains("Siti"), "{seen}");
    assert_eq!(s(seen, "wrong"), "Kata sandi salah. Coba lagi.");
    assert_eq!(
        s(seen, "index"),
        s(plain, "index"),
        "decrypted dashboard text"
    );
    assert_eq!(
        s(seen, "customers"),
        s(plain, "customers"),
        "second page text"
    );
    assert!(s(seen, "path").contains("/x/"), "{seen}");
}

fn browser_or_skip() -> Option<&'static str> {
    match (support::chromium(), node()) {
        (Some(b), true) => Some(b),
        _ => {
            support::skip_without("Chromium and Node");
            None
        }
    }
}

#[test]
fn an_encrypted_site_opens_in_a_browser_from_files() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    let shop = unmasked_shop();
    let (plain, enc) = (shop.beside("plain"), shop.beside("enc"));
    report(&shop, &plain, None);
    report(&shop, &enc, Some(PASSWORD));
    let url = |p: PathBuf| format!("file://{}", p.display());
    let plain_seen = browse(
        browser,
        &shop.beside("profile-plain"),
        &plain_steps(
            &url(plain.join("index.html")),
            &url(plain.join("customers.html")),
        ),
    );
    let seen = browse(
        browser,
        &shop.beside("profile-enc"),
        &encrypted_steps(&url(enc.join("index.html"))),
    );
    check_visit(&seen, &plain_seen);
}

#[test]
fn an_encrypted_site_opens_from_watch_serve() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    let shop = unmasked_shop();
    let plain = shop.beside("plain");
    report(&shop, &plain, None);
    let port = free_port();
    let addr = format!("127.0.0.1:{port}");
    let out = shop.beside("served");
    // Built first: the watcher's first build then only checks the pages
    // (the key derivation is what takes time).
    report(&shop, &out, Some(PASSWORD));
    let mut cmd = crate::support::command();
    cmd.env("LANGGAN_SITE_PASSWORD", PASSWORD);
    let out_s = out.display().to_string();
    let _w = crate::watch::Watcher::spawn(
        crate::watch::Mode::Notify,
        cmd,
        shop.path(),
        &["--out", &out_s, "--serve", &addr, "--encrypt"],
    );
    let url = |p: PathBuf| format!("file://{}", p.display());
    let plain_seen = browse(
        browser,
        &shop.beside("profile-plain"),
        &plain_steps(
            &url(plain.join("index.html")),
            &url(plain.join("customers.html")),
        ),
    );
    let seen = browse(
        browser,
        &shop.beside("profile-enc"),
        &encrypted_steps(&format!("http://{addr}/index.html")),
    );
    check_visit(&seen, &plain_seen);
}
