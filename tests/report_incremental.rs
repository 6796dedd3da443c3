//! `report` reuses what the last report computed (period tallies per bucket of
//! customers in `.langgan/report.bin`, page keys in the site's manifest). These
//! tests prove the reuse never shows: after edits, a new `now`, a new
//! shop.toml or template, or a damaged state file, the site is byte-identical
//! to a fresh `--no-cache` build of the same shop.

use crate::support::{self, Output, Test, NOW};
use std::collections::BTreeMap;
use std::path::Path;

fn langgan(args: &[&str]) -> Output {
    let o = support::langgan(args);
    o.code(0);
    o
}

fn report(shop: &Path, out: &Path, now: &str, no_cache: bool) -> String {
    let (shop, out) = (shop.display().to_string(), out.display().to_string());
    let mut args = vec!["--shop", &shop, "--now", now];
    if no_cache {
        args.push("--no-cache");
    }
    args.extend(["report", "--out", &out]);
    langgan(&args).stderr
}

/// Every file of the site except the manifest (which also holds page keys).
fn site(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = support::files(dir);
    out.remove(".langgan-site");
    out
}

/// The incremental site in `kept` equals a fresh build of the shop as it is now.
fn assert_same_as_fresh(shop: &Path, kept: &Path, now: &str, what: &str) {
    let fresh = shop.parent().expect("parent").join("fresh");
    let _ = std::fs::remove_dir_all(&fresh);
    report(shop, &fresh, now, true);
    let (a, b) = (site(kept), site(&fresh));
    let differ: Vec<&String> = a
        .keys()
        .chain(b.keys())
        .filter(|k| a.get(*k) != b.get(*k))
        .collect();
    assert!(
        differ.is_empty(),
        "{what}: incremental site differs from a fresh build in {differ:?}"
    );
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
}

#[test]
fn incremental_report_equals_a_fresh_build_after_every_kind_of_change() {
    let t = Test::example_shop();
    let (shop, out) = (t.path().to_path_buf(), t.beside("site"));
    report(&shop, &out, NOW, false);
    assert!(shop.join(".langgan/report.bin").is_file(), "state kept");
    assert_same_as_fresh(&shop, &out, NOW, "first build");

    // Nothing changed: nothing is written.
    let said = report(&shop, &out, NOW, false);
    assert!(said.contains("(0 diperbarui, 0 dihapus)"), "{said}");

    // A customer's name (shown on their page, the indexes, complaints, weeks).
    edit(
        &shop.join("customers/siti-rahma.yaml"),
        "name: Siti Rahma",
        "name: Siti Rahmawati",
    );
    report(&shop, &out, NOW, false);
    assert_same_as_fresh(&shop, &out, NOW, "renamed customer");

    // A new interaction that completes a task (metrics and agenda move).
    let dewi = shop.join("customers/ayu-lestari.yaml");
    let mut text = std::fs::read_to_string(&dewi).expect("read");
    if !text.contains("interactions:") {
        text.push_str("interactions:\n");
    }
    text.push_str(
        "  - at: 2026-11-20 09:00\n    kind: followup\n    by: rina\n    note: Tanya kabar\n",
    );
    std::fs::write(&dewi, text).expect("write");
    report(&shop, &out, NOW, false);
    assert_same_as_fresh(&shop, &out, NOW, "new interaction");

    // A bigger order: revenue of a past week and month (a stored tally) moves.
    edit(&shop.join("customers/andi-wijaya.yaml"), "qty: 2", "qty: 7");
    report(&shop, &out, NOW, false);
    assert_same_as_fresh(&shop, &out, NOW, "changed order");

    // A customer added, one removed (with their complaints), a complaint resolved.
    std::fs::write(
        shop.join("customers/zz-baru.yaml"),
        "name: Pelanggan Baru\nsource: tiktok\nfirst_contact: 2026-11-19 10:00\n",
    )
    .expect("write");
    let removed = shop.join("customers/agus-salim.yaml");
    let removed_id = "agus-salim";
    for e in std::fs::read_dir(shop.join("complaints"))
        .expect("dir")
        .flatten()
    {
        let t = std::fs::read_to_string(e.path()).unwrap_or_default();
        if t.contains(&format!("customer: {removed_id}")) {
            std::fs::remove_file(e.path()).expect("rm complaint");
        }
    }
    std::fs::remove_file(&removed).expect("rm");
    report(&shop, &out, NOW, false);
    assert_same_as_fresh(&shop, &out, NOW, "added and removed records");
    assert!(!out.join("customers/agus-salim.html").exists());

    // Time moves on: a minute, an hour (tasks fall due, complaints age), a
    // day (every footer's date), a new week. Pages whose content stays are
    // kept; the others must be exactly what a fresh build makes.
    let mut written = Vec::new();
    for now in [
        "2026-11-20 15:01",
        "2026-11-20 16:30",
        "2026-11-21 08:00",
        "2026-11-23 09:00",
    ] {
        written.push(report(&shop, &out, now, false));
        assert_same_as_fresh(&shop, &out, now, &format!("new now {now}"));
    }
    // A minute later only what shows the minute (the dashboard) and what
    // changed with it is written, not the whole site.
    let pages_written = |said: &str| -> usize {
        said.split(" halaman (")
            .nth(1)
            .and_then(|r| r.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(usize::MAX)
    };
    let minute = pages_written(&written[0]);
    assert!(minute < 10, "a minute later: {}", written[0]);

    // shop.toml changes every figure's basis; a template override every page.
    let toml = shop.join("shop.toml");
    let cfg = std::fs::read_to_string(&toml).expect("toml");
    std::fs::write(&toml, format!("{cfg}\n# tweaked\n")).expect("write");
    std::fs::create_dir_all(shop.join("templates/report")).expect("mkdir");
    let css = include_str!("../templates/report/style.css");
    std::fs::write(
        shop.join("templates/report/style.css"),
        format!("{css}\n/* shop */\n"),
    )
    .expect("write");
    report(&shop, &out, NOW, false);
    assert_same_as_fresh(&shop, &out, NOW, "config and template");
}

#[test]
fn a_damaged_state_or_a_deleted_page_is_repaired() {
    let t = Test::example_shop();
    let (shop, out) = (t.path().to_path_buf(), t.beside("site"));
    report(&shop, &out, NOW, false);
    let state = shop.join(".langgan/report.bin");
    let mut bytes = std::fs::read(&state).expect("state");
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xff;
    std::fs::write(&state, &bytes).expect("write");
    edit(
        &shop.join("customers/siti-rahma.yaml"),
        "name: Siti Rahma",
        "name: Siti R. Rahma",
    );
    std::fs::remove_file(out.join("customers/ahmad-fauzi.html")).expect("rm page");
    std::fs::write(out.join("weeks/2026-W47.html"), "").expect("truncate");
    report(&shop, &out, NOW, false);
    assert_same_as_fresh(&shop, &out, NOW, "damaged state, deleted page");
    // Truncated files are not pages whose key matches: a page is skipped only
    // when its inputs match and it exists, and overview pages compare bytes.
    assert!(
        std::fs::read(&state).expect("state") != bytes,
        "state rewritten"
    );
}

#[test]
fn customer_index_is_paginated_for_large_shops() {
    let t = Test::empty()
        .shop_toml("[shop]\nname = \"Toko Besar\"\n")
        .dir("customers");
    let shop = t.path().to_path_buf();
    for i in 0..1001 {
        std::fs::write(
            shop.join(format!("customers/c{i:04}.yaml")),
            format!(
                "name: Pelanggan {i}\nfirst_contact: 2026-11-0{} 10:00\n",
                1 + i % 9
            ),
        )
        .expect("write");
    }
    let out = t.beside("site");
    report(&shop, &out, NOW, false);
    let first = std::fs::read_to_string(out.join("customers.html")).expect("page 1");
    let second = std::fs::read_to_string(out.join("customers-2.html")).expect("page 2");
    assert_eq!(first.matches("<tr data-lifecycle").count(), 1000);
    assert_eq!(second.matches("<tr data-lifecycle").count(), 1);
    assert!(
        second.contains("customers/c1000.html"),
        "last customer on page 2"
    );
    for page in [&first, &second] {
        assert!(page.contains("<small>1001</small>"), "total on every page");
        assert!(
            page.contains("href=\"customers-2.html\"") || page.contains("aria-current=\"page\">2")
        );
        assert!(page.contains("Cari di halaman ini"));
    }
    assert!(first.contains("Halaman 1 dari 2 · 1–1000"));
    assert!(second.contains("Halaman 2 dari 2 · 1001–1001"));
    // Removing customers shrinks the index and removes the extra page.
    std::fs::remove_file(shop.join("customers/c1000.yaml")).expect("rm");
    report(&shop, &out, NOW, false);
    assert!(
        !out.join("customers-2.html").exists(),
        "stale index page removed"
    );
    assert_same_as_fresh(&shop, &out, NOW, "index shrank");
}
