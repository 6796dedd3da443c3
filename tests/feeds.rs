//! The calendar feeds (SPEC §7, issue 18): one per admin and one for the
//! shop, valid iCalendar (Python's `icalendar` when it is installed: `.ci/run`
//! installs it, so on CI it is required), folded and escaped, with UIDs that
//! stay across builds, the WhatsApp link only where contacts may be shown,
//! and a task done gone from them.

use crate::support::{self, Test, NOW};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

/// Builds the site of `shop` into `out` at `now`.
fn build(shop: &Test, out: &Path, now: &str, extra: &[&str]) -> crate::support::Output {
    let out_s = out.display().to_string();
    let mut args = vec!["--now", now, "report", "--out", &out_s];
    args.extend_from_slice(extra);
    let o = shop.run_args(&args);
    o.code(0);
    o
}

fn feed(out: &Path, name: &str) -> String {
    std::fs::read_to_string(out.join("agenda").join(name)).expect("feed")
}

/// The feed's lines unfolded (RFC 5545 §3.1).
fn unfolded(ics: &str) -> Vec<String> {
    ics.replace("\r\n ", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn uids(ics: &str) -> BTreeSet<String> {
    unfolded(ics)
        .into_iter()
        .filter_map(|l| l.strip_prefix("UID:").map(str::to_string))
        .collect()
}

/// Every line ends in CRLF and is at most 75 octets; no bare LF.
fn assert_lines_folded(ics: &str) {
    assert!(ics.ends_with("END:VCALENDAR\r\n"), "{ics}");
    assert!(!ics.replace("\r\n", "").contains('\n'), "a bare LF");
    for l in ics.trim_end_matches("\r\n").split("\r\n") {
        assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
        assert!(std::str::from_utf8(l.as_bytes()).is_ok());
    }
}

fn python_has_icalendar() -> bool {
    Command::new("python3")
        .args(["-c", "import icalendar"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Parses each file with Python's `icalendar` and prints its events'
/// (UID, SUMMARY, start) so the test can compare them with what it wrote.
fn parse_with_icalendar(files: &[&Path]) -> Option<String> {
    if !python_has_icalendar() {
        support::skip_without("Python's icalendar (pip install icalendar)");
        return None;
    }
    let script = r#"
import sys, icalendar
for path in sys.argv[1:]:
    cal = icalendar.Calendar.from_ical(open(path, 'rb').read())
    assert cal.get('VERSION') == '2.0', path
    n = 0
    for ev in cal.walk('VEVENT'):
        n += 1
        for prop in ('UID', 'DTSTAMP', 'DTSTART', 'SUMMARY'):
            assert ev.get(prop) is not None, (path, prop)
        start = ev.decoded('DTSTART')
        print('%s\t%s\t%s\t%s' % (path.rsplit('/', 1)[-1], ev.get('UID'), ev.get('SUMMARY'), type(start).__name__))
    print('%s\tevents\t%d' % (path.rsplit('/', 1)[-1], n))
"#;
    let o = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(files)
        .output()
        .expect("python3");
    assert!(
        o.status.success(),
        "icalendar refused a feed:\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    Some(String::from_utf8_lossy(&o.stdout).into_owned())
}

#[test]
fn feeds_are_valid_icalendar_with_stable_uids() {
    let shop = Test::example_shop();
    let a = shop.beside("a");
    let o = build(&shop, &a, NOW, &[]);
    // No secret: the names carry no token, and `report` says so once.
    assert_eq!(
        o.stderr.matches("LANGGAN_SITE_SECRET").count(),
        1,
        "{}",
        o.stderr
    );
    let names: BTreeSet<String> = std::fs::read_dir(a.join("agenda"))
        .expect("agenda/")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let want: BTreeSet<String> = ["dewi.ics", "rudi.ics", "toko.ics"]
        .map(String::from)
        .into();
    assert_eq!(names, want);
    let (dewi, rudi, toko) = (
        feed(&a, "dewi.ics"),
        feed(&a, "rudi.ics"),
        feed(&a, "toko.ics"),
    );
    for f in [&dewi, &rudi, &toko] {
        assert_lines_folded(f);
    }
    // The shop's feed holds every admin's events (and those of nobody's).
    let all = uids(&toko);
    assert!(!uids(&dewi).is_empty() && !uids(&rudi).is_empty());
    assert!(uids(&dewi).is_subset(&all) && uids(&rudi).is_subset(&all));
    assert!(uids(&dewi).is_disjoint(&uids(&rudi)));
    // Words of the shop's language; the masked site gives no WhatsApp link.
    assert!(toko.contains("X-WR-CALNAME:Glow Skincare Bandung · Agenda toko"));
    assert!(dewi.contains("Agenda Dewi"));
    let lines = unfolded(&toko);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("SUMMARY:Follow-up kedua calon pembeli: ")),
        "{toko}"
    );
    assert!(!toko.contains("wa.me"), "masked, yet a WhatsApp link");
    assert!(!toko.contains("URL:"), "no base_url, yet a URL");
    // An all-day event for a date-only anchor, a timed one otherwise.
    assert!(lines.iter().any(|l| l.starts_with("DTSTART;VALUE=DATE:")));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("DTSTART:") && l.ends_with('Z')));
    // The same UIDs from a fresh build elsewhere, and from a build a minute on.
    let b = shop.beside("b");
    build(&shop, &b, NOW, &["--mask"]);
    shop.run_args(&[
        "--no-cache",
        "--now",
        NOW,
        "report",
        "--out",
        &b.display().to_string(),
    ])
    .code(0);
    assert_eq!(feed(&b, "toko.ics"), toko, "deterministic for one now");
    let c = shop.beside("c");
    build(&shop, &c, "2026-11-20 15:01", &[]);
    assert_eq!(uids(&feed(&c, "toko.ics")), all);
    if let Some(parsed) = parse_with_icalendar(&[
        &a.join("agenda/dewi.ics"),
        &a.join("agenda/rudi.ics"),
        &a.join("agenda/toko.ics"),
    ]) {
        assert!(
            parsed.contains(&format!("toko.ics\tevents\t{}", all.len())),
            "{parsed}"
        );
        assert!(
            parsed.contains("\tdate\n") && parsed.contains("\tdatetime\n"),
            "{parsed}"
        );
    }
}

#[test]
fn escaping_links_tokens_and_a_task_done() {
    // A message with commas, semicolons and line breaks, a name with a comma.
    let shop = Test::example_shop()
        .file(
            "templates/messages/lead-2.txt",
            "Halo {{ call }}; ini {{ shop }}, ya.\nBaris kedua\\tanpa tab",
        )
        .env("LANGGAN_SITE_SECRET", "rahasia toko yang panjang");
    let toml_path = shop.path().join("shop.toml");
    let toml = std::fs::read_to_string(&toml_path).expect("toml");
    let toml = toml.replace("mask_contacts = true", "mask_contacts = false");
    let toml = format!("{toml}\nbase_url = \"https://toko.example/crm\"\n");
    assert!(toml.contains("[report]"), "the example shop has [report]");
    std::fs::write(&toml_path, toml).expect("write toml");
    let out = shop.beside("site");
    let o = build(&shop, &out, NOW, &[]);
    o.stderr_lacks("LANGGAN_SITE_SECRET");
    let names: Vec<String> = std::fs::read_dir(out.join("agenda"))
        .expect("agenda/")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    let toko = names
        .iter()
        .find(|n| n.starts_with("toko-"))
        .expect("the shop's feed")
        .clone();
    let token = toko.trim_start_matches("toko-").trim_end_matches(".ics");
    assert_eq!(token.len(), 16, "{toko}");
    assert!(token.chars().all(|c| c.is_ascii_hexdigit()));
    assert!(!names.iter().any(|n| n == "dewi.ics"), "{names:?}");
    let ics = feed(&out, &toko);
    assert_lines_folded(&ics);
    let lines = unfolded(&ics);
    let melati = lines
        .iter()
        .position(|l| l == "UID:lead-2.melati-anggraini@langgan")
        .expect("Melati's second follow-up");
    let desc = lines[melati..]
        .iter()
        .find(|l| l.starts_with("DESCRIPTION:"))
        .expect("description");
    assert!(
        desc.contains(
            "Halo Kak Melati\\; ini Glow Skincare Bandung\\, ya.\\nBaris kedua\\\\tanpa tab"
        ),
        "{desc}"
    );
    // Unmasked: the WhatsApp link; base_url: the customer's page.
    assert!(desc.contains("https://wa.me/62813"), "{desc}");
    let url = lines[melati..]
        .iter()
        .find(|l| l.starts_with("URL:"))
        .expect("url");
    assert_eq!(
        url,
        "URL:https://toko.example/crm/customers/melati-anggraini.html"
    );
    // The follow-up done: the task leaves the feeds.
    shop.run_args(&[
        "--now",
        NOW,
        "log",
        "melati-anggraini",
        "followup",
        "Sudah ditanya lagi",
        "--at",
        "2026-11-20 14:00",
    ])
    .code(0);
    build(&shop, &out, NOW, &[]);
    let after = uids(&feed(&out, &toko));
    assert!(
        !after.contains("lead-2.melati-anggraini@langgan"),
        "{after:?}"
    );
    if let Some(parsed) = parse_with_icalendar(&[&out.join("agenda").join(&toko)]) {
        assert!(parsed.contains("events"), "{parsed}");
    }
}

#[test]
fn encrypted_sites_leave_contacts_out_of_feeds_unless_asked() {
    let shop = Test::example_shop().env("LANGGAN_SITE_PASSWORD", "empat kata acak sekali");
    let toml_path = shop.path().join("shop.toml");
    let toml = std::fs::read_to_string(&toml_path).expect("toml");
    std::fs::write(
        &toml_path,
        toml.replace("mask_contacts = true", "mask_contacts = false"),
    )
    .expect("write toml");
    let out = shop.beside("site");
    build(&shop, &out, NOW, &["--encrypt"]);
    let ics = feed(&out, "toko.ics");
    assert!(ics.contains("BEGIN:VEVENT"), "feeds are not encrypted");
    assert!(
        !ics.contains("wa.me"),
        "encrypted without feed_contacts, yet a link"
    );
    let toml = std::fs::read_to_string(&toml_path).expect("toml");
    std::fs::write(&toml_path, format!("{toml}\nfeed_contacts = true\n")).expect("write toml");
    build(&shop, &out, NOW, &["--encrypt"]);
    assert!(
        feed(&out, "toko.ics").contains("wa.me"),
        "feed_contacts = true"
    );
}

/// The watcher keeps the feeds current: a task done leaves them, a new
/// customer's task comes in, without a full rebuild.
#[test]
fn watch_keeps_the_feeds_current() {
    use crate::watch::{customer, page, Watcher};
    let t = Test::new().file("customers/siti.yaml", customer("Siti Awal"));
    let root = t.path().to_path_buf();
    let mut w = Watcher::start(&root, &[]);
    let dewi = || page(&root, "agenda/dewi.ics");
    assert!(dewi().contains("UID:lead-1.siti@langgan"), "{}", dewi());
    // The first follow-up done: lead-1 goes, lead-2 (due in two days) comes.
    let done = format!(
        "{}interactions:\n  - at: 2026-11-20 14:00\n    kind: followup\n    by: dewi\n",
        customer("Siti Awal")
    );
    std::fs::write(root.join("customers/siti.yaml"), done).expect("write");
    w.wait_for("lead-1 done", || {
        let f = dewi();
        !f.contains("UID:lead-1.siti@langgan") && f.contains("UID:lead-2.siti@langgan")
    });
    // A new lead of Rudi's: in his feed and the shop's, not in Dewi's.
    std::fs::write(
        root.join("customers/ayu.yaml"),
        customer("Ayu Baru").replace("admin: dewi", "admin: rudi"),
    )
    .expect("write");
    w.wait_for("new task", || {
        page(&root, "agenda/rudi.ics").contains("UID:lead-1.ayu@langgan")
            && page(&root, "agenda/toko.ics").contains("UID:lead-1.ayu@langgan")
    });
    assert!(!dewi().contains("ayu"));
    w.alive();
}
