//! The command line as people meet it: `--help` of every command in both
//! languages (snapshots), usage errors in the shop's language, names typed in
//! any case, segment aliases, suggestions for unknown ids, and the verbs of
//! SPEC §6/§9 (`--replied`, `--at`, `--first-contact`, `--summary`, `--force`).

use crate::support::{Test, NOW};
use std::path::Path;

const SITI: &str = "name: Siti Rahma\nphone: \"0812-3456-7890\"\nfirst_contact: 2026-11-02 10:15\n";

fn read(t: &Test, rel: &str) -> String {
    std::fs::read_to_string(t.path().join(rel)).expect("read")
}

/// Every command whose `--help` is kept as a snapshot.
const COMMANDS: [&str; 18] = [
    "",
    "init",
    "check",
    "due",
    "explain",
    "customers",
    "complaints",
    "report",
    "watch",
    "new",
    "new customer",
    "new complaint",
    "log",
    "import",
    "import customers",
    "import orders",
    "import whatsapp",
    "stats",
];

/// `--help` of every command, in Indonesian and English, against
/// tests/snapshots/help-{id,en}.txt. Set UPDATE_SNAPSHOTS=1 to rewrite.
#[test]
fn help_of_every_command_snapshot() {
    for lang in ["id", "en"] {
        let mut all = String::new();
        for c in COMMANDS {
            let mut args: Vec<&str> = c.split_whitespace().collect();
            args.push("--help");
            let t = Test::empty().no_shop_flag().env("LANGGAN_LANG", lang);
            let out = t.run_args(&args);
            out.code(0);
            assert!(out.stderr.is_empty(), "{}", out.stderr);
            all.push_str(&format!("$ langgan {}\n{}\n", args.join(" "), out.stdout));
        }
        if lang == "id" {
            for english in [
                "Usage:",
                "Options:",
                "Arguments:",
                "Commands:",
                "Print help",
                "Print version",
                "[OPTIONS]",
                "<COMMAND>",
                "possible values",
                "default:",
                "[env:",
            ] {
                assert!(!all.contains(english), "Indonesian help says {english:?}");
            }
        }
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/snapshots/help-{lang}.txt"));
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::write(&path, &all).expect("write snapshot");
        }
        let expected =
            std::fs::read_to_string(&path).expect("snapshot exists (run with UPDATE_SNAPSHOTS=1)");
        assert_eq!(
            all, expected,
            "help ({lang}) changed; review and run with UPDATE_SNAPSHOTS=1"
        );
    }
}

#[test]
fn help_command_and_short_flag_show_the_same_help() {
    let t = Test::new();
    let long = t.run_args(&["new", "customer", "--help"]);
    let short = t.run_args(&["new", "customer", "-h"]);
    let via_help = t.run_args(&["help", "new", "customer"]);
    long.code(0)
        .stdout_has("Penggunaan: langgan new customer [OPSI] <NAMA>");
    assert_eq!(long.stdout, short.stdout);
    via_help.code(0);
    assert_eq!(long.stdout, via_help.stdout);
    t.run_args(&["help", "nwe"])
        .code(2)
        .stderr_has("langgan: perintah `nwe` tidak dikenal");
    t.run_args(&["--version"])
        .code(0)
        .stdout_has(concat!("langgan ", env!("CARGO_PKG_VERSION")));
}

#[test]
fn usage_errors_in_indonesian_with_a_hint() {
    let t = Test::new();
    let out = t.run_args(&["due", "--fromat", "json"]);
    out.code(2);
    assert_eq!(
        out.stderr,
        "langgan: opsi atau argumen `--fromat` tidak dikenal; maksudnya `--format`?\n\n\
         Penggunaan: langgan due [OPSI]\n\n\
         Lihat `langgan due --help` untuk semua opsinya.\n"
    );
    t.run_args(&["due", "--format", "csv"])
        .code(2)
        .stderr_has(
            "langgan: `csv` tidak bisa dipakai untuk --format <BENTUK>; pilihannya: table, json",
        )
        .stderr_has("Lihat `langgan due --help`");
    t.run_args(&["due", "--admin"])
        .code(2)
        .stderr_has("langgan: --admin <ADMIN> perlu diberi nilai")
        .stderr_has("  --admin <ADMIN>: Hanya tugas admin ini");
    t.run_args(&["log", "x", "--csat", "9"])
        .code(2)
        .stderr_has("langgan: `9` bukan nilai yang bisa dipakai untuk --csat <N>")
        .stderr_has("penilaian pelanggan 1–5");
    t.run_args(&["dua"])
        .code(2)
        .stderr_has("langgan: perintah `dua` tidak dikenal; maksudnya `due`?");
    t.run_args(&["new"])
        .code(2)
        .stderr_has("Penggunaan: langgan new [OPSI] <PERINTAH>");
}

#[test]
fn usage_errors_in_english_for_an_english_shop() {
    let toml = crate::support::SHOP_TOML.replace(
        "timezone = \"Asia/Jakarta\"",
        "timezone = \"Asia/Jakarta\"\nlanguage = \"en\"",
    );
    let t = Test::new().shop_toml(&toml);
    let out = t.run_args(&["due", "--fromat", "json"]);
    out.code(2);
    assert_eq!(
        out.stderr,
        "langgan: unknown option or argument `--fromat`; did you mean `--format`?\n\n\
         Usage: langgan due [OPTIONS]\n\n\
         See `langgan due --help` for all its options.\n"
    );
    // The shop's language beats LANGGAN_LANG.
    let t = t.env("LANGGAN_LANG", "id");
    t.run_args(&["stats", "--help"])
        .code(0)
        .stdout_has("Usage: langgan stats [OPTIONS]")
        .stdout_has("[possible values: table, json; default: table]");
    t.run_args(&["--now", NOW, "explain", "nobody"])
        .code(2)
        .stderr_has("langgan: no customer or complaint with id `nobody`");
}

#[test]
fn langgan_lang_speaks_where_there_is_no_shop() {
    let t = Test::empty().no_shop_flag();
    t.run_args(&["check"])
        .code(2)
        .stderr_has("langgan: tidak ada shop.toml di folder ini maupun di atasnya");
    let t = t.env("LANGGAN_LANG", "en");
    t.run_args(&["check"])
        .code(2)
        .stderr_has("langgan: no shop.toml in this folder or any above it");
    t.run_args(&["check", "--bogus"])
        .code(2)
        .stderr_has("langgan: unknown option or argument `--bogus`");
    // `init` speaks it, and the new shop keeps it.
    t.run_args(&["init", "toko"])
        .code(0)
        .stdout_has("New shop created in toko");
    assert!(read(&t, "toko/shop.toml").contains("language = \"en\""));
    let t = Test::empty().no_shop_flag();
    t.run_args(&["init", "toko"])
        .code(0)
        .stdout_has("Toko baru dibuat di toko");
    assert!(read(&t, "toko/shop.toml").contains("language = \"id\""));
    t.run_args(&["init", "toko"])
        .code(2)
        .stderr_has("di sini sudah ada toko; tidak ada yang diubah");
}

#[test]
fn help_offers_only_formats_that_work() {
    let t = Test::new().file("customers/siti-rahma.yaml", SITI);
    for (cmd, offered) in [
        ("due", "table, json;"),
        ("stats", "table, json;"),
        ("customers", "table, json, csv;"),
        ("complaints", "table, json, csv;"),
    ] {
        t.run_args(&[cmd, "--help"])
            .code(0)
            .stdout_has(&format!("[pilihan: {offered} bawaan: table]"));
    }
    for (cmd, format) in [
        ("due", "json"),
        ("stats", "json"),
        ("customers", "csv"),
        ("complaints", "csv"),
    ] {
        t.run_args(&["--now", NOW, cmd, "--format", format]).code(0);
    }
    t.run_args(&["--now", NOW, "stats", "--format", "csv"])
        .code(2)
        .stderr_has("pilihannya: table, json");
}

// ------------------------------------------------- names typed in any case

#[test]
fn admins_sources_and_tags_match_in_any_case() {
    let t = Test::new().file("customers/siti-rahma.yaml", SITI).file(
        "customers/budi.yaml",
        "name: Budi\nadmin: dewi\ntags: [vip]\nfirst_contact: 2026-11-18 09:00\n",
    );
    let out = t.run_args(&["--now", NOW, "due", "--admin", "DEWI", "--format", "json"]);
    out.code(0);
    let tasks = out.json();
    assert!(
        tasks
            .as_array()
            .is_some_and(|a| !a.is_empty() && a.iter().all(|x| x["admin"] == "dewi")),
        "{tasks}"
    );
    t.run_args(&["--now", NOW, "due", "--admin", "dewo"])
        .code(2)
        .stderr_has("--admin: admin `dewo` tidak dikenal (admin di shop.toml: dewi, rudi); mungkin maksudnya `dewi`?");
    // Written as shop.toml spells them.
    t.run_args(&[
        "--now",
        NOW,
        "new",
        "customer",
        "Ani",
        "--source",
        "Instagram",
        "--admin",
        "RUDI",
    ])
    .code(0);
    assert_eq!(
        read(&t, "customers/ani.yaml"),
        "name: Ani\nsource: instagram\nadmin: rudi\nfirst_contact: 2026-11-20 15:00\n"
    );
    t.run_args(&[
        "--now", NOW, "new", "customer", "Ana", "--source", "tiktokk",
    ])
    .code(1)
    .stderr_has(
        "--source: sumber `tiktokk` tidak dikenal (sumber di shop.toml: instagram, tiktok, whatsapp); mungkin maksudnya `tiktok`?",
    );
    assert!(!t.path().join("customers/ana.yaml").exists());
    t.run_args(&[
        "--now",
        NOW,
        "log",
        "siti-rahma",
        "followup",
        "--by",
        "Dewi",
    ])
    .code(0);
    assert!(read(&t, "customers/siti-rahma.yaml").ends_with("    kind: followup\n    by: dewi\n"));
    t.run_args(&["--now", NOW, "log", "siti-rahma", "Note", "--by", "yuni"])
        .code(1)
        .stderr_has("--by: admin `yuni` tidak dikenal");
    let out = t.run_args(&[
        "--now",
        NOW,
        "customers",
        "--tag",
        "VIP",
        "--format",
        "json",
    ]);
    out.code(0);
    assert_eq!(out.json()[0]["id"], "budi");
    assert_eq!(out.json().as_array().map(Vec::len), Some(1));
}

#[test]
fn segments_have_indonesian_names_in_any_case() {
    let t = Test::new()
        .file("customers/siti-rahma.yaml", SITI)
        .file(
            "customers/budi.yaml",
            "name: Budi\nfirst_contact: 2026-11-01\norders:\n  - at: 2026-11-02\n    items:\n      - product: serum\n",
        );
    let ids = |seg: &str| -> Vec<String> {
        let out = t.run_args(&[
            "--now",
            NOW,
            "customers",
            "--segment",
            seg,
            "--format",
            "json",
        ]);
        out.code(0);
        out.json()
            .as_array()
            .expect("array")
            .iter()
            .map(|c| c["id"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(ids("lead"), ["siti-rahma"]);
    assert_eq!(ids("calon"), ["siti-rahma"]);
    assert_eq!(ids("Calon"), ["siti-rahma"]);
    assert_eq!(ids("baru"), ["budi"]);
    assert_eq!(ids("NEW"), ["budi"]);
    assert_eq!(ids("belum-bayar"), ["budi"]);
    assert_eq!(ids("Belum Bayar"), ["budi"]);
    assert_eq!(ids("rendah"), ["budi"]);
    assert!(ids("langganan").is_empty());
    assert!(ids("pasif").is_empty());
    t.run_args(&["--now", NOW, "customers", "--segment", "calom"])
        .code(2)
        .stderr_has(
            "--segment: segmen `calom` tidak dikenal (pilihannya: calon, baru, langganan, pasif, belum-bayar, tinggi, sedang, rendah); mungkin maksudnya `calon`?",
        );
}

#[test]
fn unknown_ids_suggest_the_closest() {
    let t = Test::new()
        .file("customers/siti-rahma.yaml", SITI)
        .file(
            "customers/siti-aminah.yaml",
            "name: Siti Aminah\nfirst_contact: 2026-11-02\n",
        )
        .file(
            "customers/budi.yaml",
            "name: Pak Budi Santoso\nfirst_contact: 2026-11-02\n",
        );
    t.run_args(&["--now", NOW, "explain", "siti"])
        .code(2)
        .stderr_has(
            "langgan: tidak ada pelanggan atau komplain dengan id `siti`; mungkin maksudnya `siti-aminah` (Siti Aminah) atau `siti-rahma` (Siti Rahma)?",
        );
    t.run_args(&["--now", NOW, "explain", "santoso"])
        .code(2)
        .stderr_has("mungkin maksudnya `budi` (Pak Budi Santoso)?");
    t.run_args(&["--now", NOW, "log", "siti-rahmaa", "followup"])
        .code(2)
        .stderr_has("dengan id `siti-rahmaa`; mungkin maksudnya `siti-rahma` (Siti Rahma)?");
    t.run_args(&[
        "--now",
        NOW,
        "new",
        "complaint",
        "siti-rahmaa",
        "--summary",
        "Bocor",
    ])
    .code(1)
    .stderr_has(
        "tidak ada pelanggan dengan id `siti-rahmaa`; mungkin maksudnya `siti-rahma` (Siti Rahma)?",
    );
    // An id typed in capitals is the id.
    t.run_args(&["--now", NOW, "explain", "Siti-Rahma"])
        .code(0)
        .stdout_has("Siti Rahma (siti-rahma)");
    t.run_args(&["--now", NOW, "log", "SITI-RAHMA", "note", "Tanya ongkir"])
        .code(0);
    t.run_args(&[
        "--now",
        NOW,
        "new",
        "complaint",
        "Budi",
        "--summary",
        "Telat",
    ])
    .code(0);
    assert!(read(&t, "complaints/2026-0001.yaml").starts_with("customer: budi\n"));
}

// ---------------------------------------------------------- the verbs

#[test]
fn log_inbound_with_replied_and_a_past_at() {
    let t = Test::new().file("customers/siti-rahma.yaml", SITI);
    t.run_args(&[
        "--now",
        NOW,
        "log",
        "siti-rahma",
        "inbound",
        "Tanya harga serum",
        "--at",
        "2026-11-20 09:00",
        "--replied",
        "2026-11-20 09:04",
    ])
    .code(0)
    .stdout_has("interaksi `inbound` dicatat");
    assert_eq!(
        read(&t, "customers/siti-rahma.yaml"),
        SITI.to_string()
            + "interactions:\n  - at: 2026-11-20 09:00\n    kind: inbound\n    note: Tanya harga serum\n    replied: 2026-11-20 09:04\n"
    );
    // A follow-up done earlier completes the lead task back then.
    let before = t.run_args(&["--now", NOW, "explain", "siti-rahma"]);
    assert!(
        !before.stdout.contains("diselesaikan oleh"),
        "{}",
        before.stdout
    );
    t.run_args(&[
        "--now",
        NOW,
        "log",
        "siti-rahma",
        "followup",
        "--at",
        "2026-11-03 08:00",
    ])
    .code(0);
    assert!(read(&t, "customers/siti-rahma.yaml")
        .ends_with("  - at: 2026-11-03 08:00\n    kind: followup\n"));
    t.run_args(&["--now", NOW, "explain", "siti-rahma"])
        .code(0)
        .stdout_has("diselesaikan oleh");
    t.run_args(&["check"]).code(0);
    let before = read(&t, "customers/siti-rahma.yaml");
    // --replied is for inbound messages, and must be a time.
    t.run_args(&[
        "--now",
        NOW,
        "log",
        "siti-rahma",
        "followup",
        "--replied",
        "2026-11-20 09:04",
    ])
    .code(2)
    .stderr_has("--replied hanya untuk pesan masuk");
    t.run_args(&[
        "--now",
        NOW,
        "log",
        "siti-rahma",
        "inbound",
        "--replied",
        "tadi",
    ])
    .code(2)
    .stderr_has("--replied: `tadi` bukan waktu; tulis seperti `2026-11-02 10:15`");
    t.run_args(&["--now", NOW, "log", "siti-rahma", "note", "--at", "kemarin"])
        .code(2)
        .stderr_has("--at: `kemarin` bukan waktu");
    // A reply before the message is not written.
    t.run_args(&[
        "--now",
        NOW,
        "log",
        "siti-rahma",
        "inbound",
        "--at",
        "2026-11-20 09:00",
        "--replied",
        "2026-11-20 08:00",
    ])
    .code(1)
    .stderr_has("perubahan ini tidak valid; tidak ada yang ditulis");
    assert_eq!(read(&t, "customers/siti-rahma.yaml"), before);
}

#[test]
fn new_customer_with_first_contact() {
    let t = Test::new();
    t.run_args(&[
        "--now",
        NOW,
        "new",
        "customer",
        "Bu Hj. Maryam",
        "--first-contact",
        "2026-11-01 10:30",
    ])
    .code(0)
    .stdout_has("customers/bu-hj-maryam.yaml");
    assert_eq!(
        read(&t, "customers/bu-hj-maryam.yaml"),
        "name: Bu Hj. Maryam\nfirst_contact: 2026-11-01 10:30\n"
    );
    t.run_args(&[
        "--now",
        NOW,
        "new",
        "customer",
        "Ani",
        "--first-contact",
        "1 Nopember",
    ])
    .code(2)
    .stderr_has("--first-contact: `1 Nopember` bukan waktu");
    assert!(!t.path().join("customers/ani.yaml").exists());
}

/// A resolved complaint's time is replaced, and an open one rated, only
/// with `--force`; each refusal says what to do and changes no byte.
#[test]
fn complaint_refusals_without_force() {
    let resolved = "customer: siti-rahma\nopened: 2026-11-06 08:00\nsummary: Salah kirim\nresolved: 2026-11-07 10:00\n";
    let open = "customer: siti-rahma\nopened: 2026-11-06 08:00\nsummary: Bocor\n";
    let t = Test::new()
        .file("customers/siti-rahma.yaml", SITI)
        .file("complaints/2026-0001.yaml", resolved)
        .file("complaints/2026-0002.yaml", open);
    t.run_args(&["--now", NOW, "log", "2026-0001", "--resolved"])
        .code(1)
        .stderr_has("complaints/2026-0001.yaml: komplain ini sudah selesai pada 2026-11-07 10:00; tidak ada yang diubah. Untuk mengganti waktu selesainya, tambahkan --force");
    assert_eq!(read(&t, "complaints/2026-0001.yaml"), resolved);
    t.run_args(&["--now", NOW, "log", "2026-0001", "--resolved", "--force"])
        .code(0);
    assert_eq!(
        read(&t, "complaints/2026-0001.yaml"),
        resolved.replace("2026-11-07 10:00", "2026-11-20 15:00")
    );
    // A resolved complaint can be rated.
    t.run_args(&["--now", NOW, "log", "2026-0001", "--csat", "4"])
        .code(0);
    assert!(read(&t, "complaints/2026-0001.yaml").ends_with("csat: 4\n"));
    t.run_args(&["--now", NOW, "log", "2026-0002", "--csat", "5"])
        .code(1)
        .stderr_has("komplain ini belum selesai, jadi belum bisa dinilai; tidak ada yang diubah. Catat selesainya sekalian (--resolved --csat N), atau tambahkan --force");
    assert_eq!(read(&t, "complaints/2026-0002.yaml"), open);
    t.run_args(&[
        "--now",
        NOW,
        "log",
        "2026-0002",
        "--resolved",
        "--csat",
        "5",
    ])
    .code(0);
    assert_eq!(
        read(&t, "complaints/2026-0002.yaml"),
        format!("{open}resolved: 2026-11-20 15:00\ncsat: 5\n")
    );
    let t = Test::new()
        .file("customers/siti-rahma.yaml", SITI)
        .file("complaints/2026-0002.yaml", open);
    t.run_args(&["--now", NOW, "log", "2026-0002", "--csat", "3", "--force"])
        .code(0);
    assert_eq!(
        read(&t, "complaints/2026-0002.yaml"),
        format!("{open}csat: 3\n")
    );
    // --force is for complaints.
    t.run_args(&["--now", NOW, "log", "siti-rahma", "note", "--force"])
        .code(2)
        .stderr_has("hanya untuk komplain");
}

#[test]
fn complaint_refusal_in_english() {
    let toml = crate::support::SHOP_TOML.replace(
        "timezone = \"Asia/Jakarta\"",
        "timezone = \"Asia/Jakarta\"\nlanguage = \"en\"",
    );
    let resolved = "customer: siti-rahma\nopened: 2026-11-06 08:00\nsummary: Salah kirim\nresolved: 2026-11-07 10:00\n";
    let t = Test::new()
        .shop_toml(&toml)
        .file("customers/siti-rahma.yaml", SITI)
        .file("complaints/2026-0001.yaml", resolved);
    t.run_args(&["--now", NOW, "log", "2026-0001", "--resolved"])
        .code(1)
        .stderr_has("this complaint was already resolved at 2026-11-07 10:00; nothing was changed. To replace that time, add --force");
    t.run_args(&["--now", NOW, "new", "complaint", "siti-rahma"])
        .code(2)
        .stderr_has("langgan: --summary <TEXT> is required");
}

// ------------------------------------------------------------ greetings

/// `Bu Hj. Maryam` is greeted `Bu Maryam`, never `Kak Bu`; a landline has
/// no WhatsApp link.
#[test]
fn messages_greet_by_the_honorific_and_skip_landlines() {
    let t = Test::new()
        .file(
            "customers/maryam.yaml",
            "name: Bu Hj. Maryam\nphone: \"0812-1111-2222\"\nfirst_contact: 2026-11-18 09:00\n",
        )
        .file(
            "customers/mbak-rina.yaml",
            "name: Mbak Rina\nphone: \"(031) 5678 123\"\nfirst_contact: 2026-11-18 09:00\n",
        )
        .file(
            "customers/siti-rahma.yaml",
            "name: Siti Rahma\nfirst_contact: 2026-11-18 09:00\n",
        );
    let out = t.run_args(&["--now", NOW, "due", "--format", "json"]);
    out.code(0);
    let tasks = out.json();
    let of = |id: &str| {
        tasks
            .as_array()
            .and_then(|a| a.iter().find(|x| x["customer"] == id))
            .cloned()
            .unwrap_or_else(|| panic!("no task for {id}: {tasks}"))
    };
    let maryam = of("maryam");
    let msg = maryam["message"].as_str().unwrap_or_default();
    assert!(msg.starts_with("Halo Bu Maryam "), "{msg}");
    assert!(maryam["whatsapp"]
        .as_str()
        .is_some_and(|w| w.starts_with("https://wa.me/6281211112222?text=Halo%20Bu%20Maryam")));
    let rina = of("mbak-rina");
    assert!(rina["message"]
        .as_str()
        .is_some_and(|m| m.starts_with("Halo Mbak Rina ")));
    assert!(rina["whatsapp"].is_null(), "{rina}");
    assert!(of("siti-rahma")["message"]
        .as_str()
        .is_some_and(|m| m.starts_with("Halo Kak Siti ")));
    assert!(!out.stdout.contains("Kak Bu") && !out.stdout.contains("Kak Mbak"));
}
