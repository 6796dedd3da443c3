//! The example shop at its fixed date (2026-11-20 15:00): task states and weekly
//! figures checked against reference values worked out independently of this
//! code (example-shop/COVERAGE.md), plus a snapshot of the `due` table.

use crate::support::{Test, NOW};
use serde_json::Value;
use std::path::Path;

/// `langgan --now NOW ARGS…` on a fresh copy of the example shop (its cache
/// is written there, not into the checkout).
fn langgan(args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["--now", NOW];
    all.extend(args);
    let o = Test::example_shop().env("NO_COLOR", "1").run_args(&all);
    (o.code, o.stdout, o.stderr)
}

fn json(args: &[&str]) -> Value {
    let (code, out, err) = langgan(args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("json")
}

fn close(v: &Value, expect: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - expect).abs() < 1e-9)
}

#[test]
fn example_shop_checks_clean() {
    let (code, _, err) = langgan(&["check"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        !err.contains("error:") && !err.contains("warning:"),
        "{err}"
    );
    assert!(err.contains("Semua catatan rapi"), "{err}");
}

#[test]
fn task_states_match_the_coverage_map() {
    let tasks = json(&["due", "--upcoming", "1d", "--format", "json"]);
    let tasks = tasks.as_array().expect("array");
    let has = |rule: &str, customer: &str, status: &str| {
        tasks
            .iter()
            .any(|t| t["rule"] == rule && t["customer"] == customer && t["status"] == status)
    };
    for (rule, customer, status) in [
        ("lead-1", "ayu-lestari", "upcoming"),
        ("lead-1", "nadia-putri", "due"),
        ("lead-1", "rina-marlina", "overdue"),
        ("lead-2", "bayu-firmansyah", "upcoming"),
        ("lead-2", "fajar-nugraha", "due"),
        ("lead-2", "melati-anggraini", "overdue"),
        ("lead-3", "intan-permata", "due"),
        ("lead-3", "dimas-pratama", "overdue"),
        ("payment", "dodi-kurniawan", "due"),
        ("payment", "lina-hartati", "overdue"),
        ("shipping", "andi-wijaya", "due"),
        ("shipping", "wulan-sari", "overdue"),
        ("aftercare", "hendra-gunawan", "due"),
        ("aftercare", "putri-amelia", "due"),
        ("aftercare", "reza-mahendra", "due"),
        ("aftercare", "tari-handayani", "overdue"),
        ("repeat", "mega-puspita", "due"),
        ("repeat", "bambang-sutrisno", "due"),
        ("repeat", "novi-andriani", "due"),
        ("repeat", "bagus-permana", "overdue"),
        ("repeat", "teguh-wibowo", "overdue"),
        ("repeat", "yuni-kartika", "overdue"),
        ("complaint-survey", "tari-handayani", "due"),
        ("complaint-resolve", "hendra-gunawan", "overdue"),
        ("complaint-response", "putri-amelia", "overdue"),
    ] {
        assert!(
            has(rule, customer, status),
            "expected {rule} {status} for {customer}"
        );
    }
    // Missed and done tasks never show in `due`.
    for (rule, customer) in [
        ("lead-1", "yoga-saputra"),
        ("lead-2", "cahya-ningrum"),
        ("payment", "eko-prasetyo"),
    ] {
        assert!(
            !tasks
                .iter()
                .any(|t| t["rule"] == rule && t["customer"] == customer),
            "{rule} {customer}"
        );
    }
    // A complaint without an admin falls back to the customer's.
    let k13 = tasks
        .iter()
        .find(|t| t["complaint"] == "2026-0013" && t["rule"] == "complaint-response")
        .expect("2026-0013 response");
    assert_eq!(k13["admin"], "dewi");
    assert_eq!(k13["due"], "2026-11-20T14:45:00+07:00");
    // One order, two categories: two repeat tasks.
    let month = json(&["due", "--upcoming", "30d", "--format", "json"]);
    let cats: Vec<&str> = month
        .as_array()
        .expect("array")
        .iter()
        .filter(|t| t["customer"] == "teguh-wibowo" && t["rule"] == "repeat")
        .filter_map(|t| t["category"].as_str())
        .collect();
    assert!(
        cats.contains(&"harian") && cats.contains(&"vitamin"),
        "{cats:?}"
    );
}

#[test]
fn weekly_figures_match_the_reference() {
    let w46 = json(&["stats", "--week", "2026-W46", "--format", "json"]);
    let w47 = json(&["stats", "--week", "2026-W47", "--format", "json"]);
    let ints = [
        ("leads_new", 6, 8),
        ("orders", 9, 8),
        ("revenue", 1_532_000, 1_114_000),
        ("followups_done", 14, 11),
        ("followups_overdue", 8, 9),
        ("complaints_opened", 2, 4),
        ("complaints_resolved", 1, 2),
        ("complaints_open", 2, 4),
        ("complaints_overdue", 1, 2),
        ("active_customers", 24, 30),
    ];
    for (k, a, b) in ints {
        assert_eq!(w46[k], a, "W46 {k}");
        assert_eq!(w47[k], b, "W47 {k}");
    }
    let floats = [
        ("conversion_rate", 2.0 / 6.0, 3.0 / 8.0),
        ("repeat_order_rate", 4.0 / 9.0, 2.0 / 8.0),
        ("response_median_minutes", 1.0, 2.0),
        ("response_within_target_rate", 7.0 / 8.0, 11.0 / 13.0),
        ("csat", 100.0, 80.0),
        ("nps", 100.0, 0.0),
        ("aht_hours", 4.5, 21.25),
        ("fcr_rate", 1.0, 0.5),
        ("retention_rate", 0.5, 5.0 / 9.0),
    ];
    for (k, a, b) in floats {
        assert!(close(&w46[k], a), "W46 {k}: {}", w46[k]);
        assert!(close(&w47[k], b), "W47 {k}: {}", w47[k]);
    }
    assert_eq!(w46["leads_by_source"]["instagram"], 3);
    assert_eq!(w47["leads_by_source"]["tiktok"], 2);
    assert!(close(&w46["closing_rate_by_admin"]["dewi"], 0.4));
    assert!(close(&w47["closing_rate_by_admin"]["rudi"], 0.25));
    assert_eq!(w46["top_products"][0]["product"], "masker-sheet");
    assert_eq!(w46["top_products"][0]["units"], 9);
    assert_eq!(w47["top_products"][0]["product"], "kolagen-drink");
    assert_eq!(w47["top_products"][0]["revenue"], 480_000);
}

#[test]
fn segments_match_the_reference() {
    let list = json(&["customers", "--format", "json"]);
    let list = list.as_array().expect("array");
    let seg = |id: &str| {
        list.iter()
            .find(|c| c["id"] == id)
            .cloned()
            .unwrap_or(Value::Null)
    };
    assert_eq!(list.iter().filter(|c| c["lifecycle"] == "lead").count(), 11);
    assert_eq!(seg("melati-anggraini")["lifecycle"], "lead");
    assert_eq!(seg("agus-salim")["lifecycle"], "inactive");
    assert_eq!(seg("vina-oktaviani")["lifecycle"], "repeat");
    assert_eq!(seg("maya-anggraeni")["value"], "high");
    assert_eq!(seg("maya-anggraeni")["spend_365d"], 3_794_000);
    assert_eq!(seg("kevin-santoso")["value"], "medium");
    assert_eq!(seg("lina-hartati")["unpaid"], true);
    assert_eq!(seg("lina-hartati")["value"], "low");
    let unpaid = json(&["customers", "--segment", "unpaid", "--format", "json"]);
    let ids: Vec<&str> = unpaid
        .as_array()
        .expect("a")
        .iter()
        .filter_map(|c| c["id"].as_str())
        .collect();
    assert_eq!(ids, ["dodi-kurniawan", "eko-prasetyo", "lina-hartati"]);
}

#[test]
fn explain_shows_open_time_steps() {
    let (code, out, err) = langgan(&["explain", "2026-0013"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("complaints/2026-0013.yaml:2"), "{out}");
    // Friday afternoon, the short Saturday around its lunch break, then Monday.
    assert!(out.contains("+ 24h jam buka = 2026-11-23 20:40"), "{out}");
    assert!(
        out.contains(
            "Sab 21 Nov 08:00 – 12:00 (4h)\n      (lewati istirahat 12:00–13:00)\n      Sab 21 Nov 13:00 – 15:00 (2h)"
        ),
        "{out}"
    );
    // The open complaint 2026-0005 skipped the warehouse-move closure and is still overdue.
    let (_, out, _) = langgan(&["explain", "2026-0005"]);
    assert!(
        out.contains("(lewati hari libur 2026-10-09..2026-10-10)"),
        "{out}"
    );
    assert!(out.contains("tidak pernah kedaluwarsa"), "{out}");
    let (_, out, _) = langgan(&["explain", "teguh-wibowo"]);
    assert!(out.contains("40d (20d × 2 unit)"), "{out}");
    let (code, _, err) = langgan(&["explain", "siti-rahmaa"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("mungkin maksudnya `siti-rahma` (Siti Rahma)?"),
        "{err}"
    );
}

/// The agenda as an admin reads it. Set UPDATE_SNAPSHOTS=1 to rewrite.
#[test]
fn due_table_snapshot() {
    let (code, out, err) = langgan(&["due"]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains('\x1b'), "no colour when piped");
    for line in out.lines().filter(|l| !l.contains("https://")) {
        assert!(line.chars().count() <= 80, "line over 80 columns: {line}");
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/due-example-shop.txt");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &out).expect("write snapshot");
    }
    let expected =
        std::fs::read_to_string(&path).expect("snapshot exists (run with UPDATE_SNAPSHOTS=1)");
    assert_eq!(
        out, expected,
        "due table changed; review and run with UPDATE_SNAPSHOTS=1"
    );
}

/// An aftercare message for an order of two products names each product's
/// tip, so two tips never run together as one sentence.
#[test]
fn aftercare_names_each_products_tip() {
    let toml = format!(
        "{}guide = \"Pakai 2 tetes setelah toner.\"\n\n[products.toner]\nname = \"Toner Centella\"\ncategory = \"skincare\"\nprice = 60000\nguide = \"Tepuk-tepuk ke wajah.\"\n",
        crate::support::SHOP_TOML
    );
    let t = Test::new().shop_toml(&toml).file(
        "customers/siti.yaml",
        "name: Siti\nphone: \"0812-1111-2222\"\nadmin: dewi\nfirst_contact: 2026-11-10 10:00\norders:\n  - at: 2026-11-10 11:00\n    items:\n      - product: serum\n      - product: toner\n    paid: 2026-11-10 12:00\n    shipped: 2026-11-11 09:00\n    delivered: 2026-11-13 10:00\n",
    );
    let json = t
        .run_args(&["--now", NOW, "due", "--upcoming", "30d", "--format", "json"])
        .code(0)
        .json();
    let aftercare = json
        .as_array()
        .and_then(|a| a.iter().find(|t| t["rule"] == "aftercare"))
        .unwrap_or_else(|| panic!("an aftercare task: {json}"));
    let message = aftercare["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("Serum Vitamin C — Pakai 2 tetes setelah toner.")
            && message.contains("Toner Centella — Tepuk-tepuk ke wajah."),
        "{message}"
    );
}
