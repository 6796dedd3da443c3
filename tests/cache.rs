//! The index cache (.langgan/index.bin): the same answers with and without it,
//! changes picked up, damage detected and repaired.

use crate::support::{self, Test, NOW};
use std::path::{Path, PathBuf};

/// A copy of the example shop (kept alive by the `Test`) and its folder.
fn shop() -> (Test, PathBuf) {
    let t = Test::example_shop();
    let dir = t.path().to_path_buf();
    (t, dir)
}

fn run(shop: &Path, args: &[&str]) -> (i32, String, String) {
    let shop = shop.display().to_string();
    let mut all = vec!["--shop", &shop, "--now", NOW];
    all.extend(args);
    let o = support::langgan(all);
    (o.code, o.stdout, o.stderr)
}

/// Everything the commands answer, as one string.
fn answers(shop: &Path, extra: &[&str]) -> String {
    let mut all = String::new();
    for args in [
        vec!["customers", "--format", "json"],
        vec!["complaints", "--format", "json"],
        vec!["due", "--upcoming", "7d", "--format", "json"],
        vec!["stats", "--format", "json"],
        vec!["check"],
    ] {
        let mut a: Vec<&str> = extra.to_vec();
        a.extend(args);
        let (code, out, err) = run(shop, &a);
        all.push_str(&format!("{code}\n{out}\n{err}\n"));
    }
    all
}

#[test]
fn same_answers_with_and_without_the_cache() {
    let (_tmp, dir) = shop();
    let cold = answers(&dir, &["--no-cache"]);
    assert!(
        !dir.join(".langgan/index.bin").exists(),
        "--no-cache writes no cache"
    );
    let first = answers(&dir, &[]);
    assert!(dir.join(".langgan/index.bin").is_file(), "cache written");
    let warm = answers(&dir, &[]);
    assert_eq!(cold, first);
    assert_eq!(cold, warm);
}

#[test]
fn changes_are_picked_up() {
    let (_tmp, dir) = shop();
    answers(&dir, &[]);
    // Changed (same size and a close mtime are exactly what the racy check is for).
    let siti = dir.join("customers/siti-rahma.yaml");
    let text = std::fs::read_to_string(&siti).expect("read");
    std::fs::write(
        &siti,
        text.replacen("name: Siti Rahma", "name: Siti Rahmi", 1),
    )
    .expect("write");
    // Added, in a new folder.
    std::fs::create_dir_all(dir.join("customers/baru")).expect("mkdir");
    std::fs::write(
        dir.join("customers/baru/nina.yaml"),
        "name: Nina\nfirst_contact: 2026-11-20 09:00\n",
    )
    .expect("add");
    // Removed.
    std::fs::remove_file(dir.join("customers/yoga-saputra.yaml")).expect("rm");
    // Renamed.
    std::fs::rename(
        dir.join("customers/dimas-pratama.yaml"),
        dir.join("customers/dimas-p.yaml"),
    )
    .expect("mv");
    // Broken.
    std::fs::write(dir.join("customers/rina-marlina.yaml"), "name: [\n").expect("break");
    let warm = answers(&dir, &[]);
    let cold = answers(&dir, &["--no-cache"]);
    assert_eq!(warm, cold);
    assert!(warm.contains("Siti Rahmi"));
    assert!(warm.contains("\"nina\""));
    assert!(!warm.contains("\"yoga-saputra\""));
    assert!(warm.contains("\"dimas-p\"") && !warm.contains("\"dimas-pratama\""));
    assert!(
        warm.contains("customers/rina-marlina.yaml:1:"),
        "errors still reported with a warm cache"
    );
    // And again, now that the cache holds the new state.
    assert_eq!(answers(&dir, &[]), cold);
}

#[test]
fn a_damaged_cache_is_detected_and_rebuilt() {
    let (_tmp, dir) = shop();
    let cold = answers(&dir, &["--no-cache"]);
    answers(&dir, &[]);
    let cache = dir.join(".langgan/index.bin");
    let good = std::fs::read(&cache).expect("cache");
    let mut flipped = good.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x55;
    let damages: Vec<Vec<u8>> = vec![
        good[..good.len() / 3].to_vec(),
        flipped,
        b"not a cache at all".to_vec(),
        Vec::new(),
        {
            let mut v = good.clone();
            v[8] = 99; // a future format
            v
        },
    ];
    for bad in damages {
        std::fs::write(&cache, &bad).expect("damage");
        assert_eq!(answers(&dir, &[]), cold, "damaged cache trusted");
        let repaired = std::fs::read(&cache).expect("rewritten");
        assert_ne!(repaired, bad, "cache rebuilt");
    }
    // A changed shop.toml invalidates every entry.
    let toml = dir.join("shop.toml");
    let t = std::fs::read_to_string(&toml).expect("toml");
    std::fs::write(
        &toml,
        t.replace("medium_value = 300000", "medium_value = 100000"),
    )
    .expect("toml");
    assert_eq!(answers(&dir, &[]), answers(&dir, &["--no-cache"]));
}

/// A few edited files are parsed again on every load rather than rewriting the
/// whole cache each time; many make the cache be rewritten. Either way the
/// answers are those of a fresh parse.
#[test]
fn a_few_edits_do_not_rewrite_the_cache_many_do() {
    let (_tmp, dir) = shop();
    // Past the racy window of the copy, so the cache's entries are trusted.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let cache = dir.join(".langgan/index.bin");
    assert_eq!(run(&dir, &["check"]).0, 0);
    let written = std::fs::read(&cache).expect("cache written");

    // One broken save, then its fix: both seen, the cache left as it was.
    let file = dir.join("customers/rina-marlina.yaml");
    let good = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, format!("{good}orders: oops\n")).expect("write");
    let (code, _, err) = run(&dir, &["check"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("rina-marlina.yaml"), "{err}");
    std::fs::write(&file, good.replacen("Surabaya", "Sidoarjo", 1)).expect("write");
    assert_eq!(run(&dir, &["check"]).0, 0);
    let (_, listed, _) = run(&dir, &["customers", "--format", "csv"]);
    assert!(listed.contains("Sidoarjo"), "the edit is seen: {listed}");
    assert_eq!(
        std::fs::read(&cache).expect("cache"),
        written,
        "not rewritten"
    );
    assert_eq!(answers(&dir, &[]), answers(&dir, &["--no-cache"]));

    // Seventy new customers: the cache is rewritten to hold them.
    for i in 0..70 {
        std::fs::write(
            dir.join(format!("customers/baru-{i:02}.yaml")),
            format!(
                "name: Pelanggan Baru {i}\nfirst_contact: 2026-11-10 09:{:02}\n",
                i % 60
            ),
        )
        .expect("write");
    }
    assert_eq!(run(&dir, &["check"]).0, 0);
    assert_ne!(std::fs::read(&cache).expect("cache"), written, "rewritten");
    assert_eq!(answers(&dir, &[]), answers(&dir, &["--no-cache"]));
}
