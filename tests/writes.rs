//! Commands that write records: byte-exact appends, refusals, concurrency and
//! CSV import, on temp shops with the real binary.

use crate::support::{self, Test, NOW};
const ITEM: &str =
    "  - at: 2026-11-20 15:00\n    kind: followup\n    by: dewi\n    note: Sudah kirim pricelist\n";

fn log_followup(t: &Test, id: &str) -> support::Output {
    t.run_args(&[
        "--now",
        NOW,
        "log",
        id,
        "followup",
        "Sudah kirim pricelist",
        "--by",
        "dewi",
    ])
}

fn read(t: &Test, rel: &str) -> String {
    std::fs::read_to_string(t.path().join(rel)).expect("read")
}

#[test]
fn log_appends_only_the_new_lines() {
    let cases = [
        // comments and flow lists elsewhere stay as written
        (
            "# pelanggan lama\nname: Siti   # panggil Kak Siti\ntags: [bundling, \"vip\"]\nfirst_contact: 2026-11-02 10:15\ninteractions:\n  - at: 2026-11-02 10:15\n    kind: inbound   # chat pertama\n    replied: 2026-11-02 10:19\n# akhir\n",
            "# pelanggan lama\nname: Siti   # panggil Kak Siti\ntags: [bundling, \"vip\"]\nfirst_contact: 2026-11-02 10:15\ninteractions:\n  - at: 2026-11-02 10:15\n    kind: inbound   # chat pertama\n    replied: 2026-11-02 10:19\n".to_string() + ITEM + "# akhir\n",
        ),
        // interactions in the middle
        (
            "name: Siti\nfirst_contact: 2026-11-02\ninteractions:\n  - at: 2026-11-03\n    kind: note\nfeedback:\n  - at: 2026-11-10\n    rating: 5\n",
            "name: Siti\nfirst_contact: 2026-11-02\ninteractions:\n  - at: 2026-11-03\n    kind: note\n".to_string() + ITEM + "feedback:\n  - at: 2026-11-10\n    rating: 5\n",
        ),
        // no interactions yet
        (
            "name: Siti\nfirst_contact: 2026-11-02\n",
            "name: Siti\nfirst_contact: 2026-11-02\ninteractions:\n".to_string() + ITEM,
        ),
        // no final newline
        (
            "name: Siti\nfirst_contact: 2026-11-02",
            "name: Siti\nfirst_contact: 2026-11-02\ninteractions:\n".to_string() + ITEM.trim_end_matches('\n'),
        ),
        // CRLF
        (
            "name: Siti\r\nfirst_contact: 2026-11-02\r\ninteractions:\r\n  - at: 2026-11-03\r\n    kind: note\r\n",
            "name: Siti\r\nfirst_contact: 2026-11-02\r\ninteractions:\r\n  - at: 2026-11-03\r\n    kind: note\r\n".to_string() + &ITEM.replace('\n', "\r\n"),
        ),
    ];
    for (old, expected) in cases {
        let t = Test::new().file("customers/siti.yaml", old);
        log_followup(&t, "siti").code(0);
        assert_eq!(read(&t, "customers/siti.yaml"), expected, "from:\n{old}");
        t.run_args(&["check"]).code(0);
    }
}

#[test]
fn log_refuses_a_file_with_errors_and_leaves_it_byte_identical() {
    let broken = "name: Siti\nfirst_contact: 2026-11-02\norders:\n  - at: 2026-11-03\n    items:\n      - product: tidak-ada\n";
    let t = Test::new().file("customers/siti.yaml", broken);
    log_followup(&t, "siti")
        .code(1)
        .stderr_has("masih ada kesalahan; perbaiki dulu")
        .stderr_has("customers/siti.yaml:6:");
    assert_eq!(read(&t, "customers/siti.yaml"), broken);
    // Unknown kind and unknown admin: usage errors, nothing written.
    let ok = "name: Siti\nfirst_contact: 2026-11-02\n";
    let t = Test::new().file("customers/siti.yaml", ok);
    t.run_args(&["--now", NOW, "log", "siti", "folowup"])
        .code(2)
        .stderr_has("maksudnya `followup`");
    t.run_args(&["--now", NOW, "log", "siti", "followup", "--by", "joko"])
        .code(1);
    assert_eq!(read(&t, "customers/siti.yaml"), ok);
}

#[test]
fn parallel_logs_all_land() {
    let t = Test::new().file(
        "customers/siti.yaml",
        "name: Siti\nfirst_contact: 2026-11-02\n",
    );
    let handles: Vec<_> = (0..12)
        .map(|i| {
            let shop = t.path().to_path_buf();
            std::thread::spawn(move || {
                std::process::Command::new(env!("CARGO_BIN_EXE_langgan"))
                    .arg("--shop")
                    .arg(&shop)
                    .args(["--now", NOW, "log", "siti", "note", &format!("catatan {i}")])
                    .env_remove("LANGGAN_NOW")
                    .output()
                    .expect("run")
            })
        })
        .collect();
    for h in handles {
        let o = h.join().expect("join");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let text = read(&t, "customers/siti.yaml");
    for i in 0..12 {
        assert!(
            text.contains(&format!("note: catatan {i}\n")),
            "missing {i}:\n{text}"
        );
    }
    assert_eq!(text.matches("kind: note").count(), 12);
    t.run_args(&["check"]).code(0);
}

#[test]
fn complaint_updates_set_only_their_lines() {
    let old = "customer: siti\nopened: 2026-11-06 08:00  # pagi\nsummary: Salah kirim\nresolved:   # belum\n";
    let t = Test::new()
        .file(
            "customers/siti.yaml",
            "name: Siti\nfirst_contact: 2026-11-02\n",
        )
        .file("complaints/2026-0001.yaml", old);
    t.run_args(&[
        "--now",
        NOW,
        "log",
        "2026-0001",
        "--resolved",
        "--solution",
        "Kirim ulang: gratis",
        "--csat",
        "5",
    ])
    .code(0);
    assert_eq!(
        read(&t, "complaints/2026-0001.yaml"),
        "customer: siti\nopened: 2026-11-06 08:00  # pagi\nsummary: Salah kirim\nresolved: 2026-11-20 15:00   # belum\nsolution: \"Kirim ulang: gratis\"\ncsat: 5\n"
    );
    t.run_args(&["check"]).code(0);
}

#[test]
fn new_customer_and_complaint() {
    let t = Test::new().file(
        "customers/siti-rahma.yaml",
        "name: Siti Rahma\nphone: \"0812-3456-7890\"\nfirst_contact: 2026-11-02\n",
    );
    t.run_args(&[
        "--now",
        NOW,
        "new",
        "customer",
        "Siti Rahma",
        "--phone",
        "0813 1111 2222",
        "--admin",
        "dewi",
        "--note",
        "Yes",
    ])
    .code(0)
    .stdout_has("customers/siti-rahma-2.yaml");
    assert_eq!(
        read(&t, "customers/siti-rahma-2.yaml"),
        "name: Siti Rahma\nphone: \"0813 1111 2222\"\nadmin: dewi\nfirst_contact: 2026-11-20 15:00\nnote: \"Yes\"\n"
    );
    // The same phone again is refused, naming the file.
    t.run_args(&[
        "--now",
        NOW,
        "new",
        "customer",
        "Siti Lain",
        "--phone",
        "+62 812 3456 7890",
    ])
    .code(1)
    .stderr_has("customers/siti-rahma.yaml");
    t.run_args(&[
        "--now",
        NOW,
        "new",
        "customer",
        "Siti Lain",
        "--phone",
        "+62 812 3456 7890",
        "--force",
    ])
    .code(0);
    // An invalid field is refused before anything is written.
    t.run_args(&["--now", NOW, "new", "customer", "Budi", "--admin", "joko"])
        .code(1);
    assert!(!t.path().join("customers/budi.yaml").exists());
    t.run_args(&[
        "--now",
        NOW,
        "new",
        "complaint",
        "siti-rahma",
        "--summary",
        "Botol bocor",
    ])
    .code(0)
    .stdout_has("complaints/2026-0001.yaml");
    t.run_args(&[
        "--now",
        NOW,
        "new",
        "complaint",
        "siti-rahma",
        "--summary",
        "Lagi",
    ])
    .code(0)
    .stdout_has("complaints/2026-0002.yaml");
    t.run_args(&[
        "--now",
        NOW,
        "new",
        "complaint",
        "tidak-ada",
        "--summary",
        "x",
    ])
    .code(1);
    t.run_args(&["check"]).code(0);
}

#[test]
fn import_csv_validates_everything_first() {
    let csv = "Nama;No HP;Kota;Sumber;Tanggal;Catatan\nSiti Rahma;0812-3456-7890;Bandung;instagram;20/11/2026;\"Minta katalog; juga diskon\"\nBudi;0813-1111-2222;Cimahi;facebookk;2026-11-19;\n";
    let t = Test::new().file("data.csv", csv);
    let file = t.path().join("data.csv").display().to_string();
    t.run_args(&["--now", NOW, "import", "csv", &file])
        .code(1)
        .stderr_has("data.csv:3:")
        .stderr_has("facebookk");
    assert!(
        !t.path().join("customers/siti-rahma.yaml").exists(),
        "all or nothing"
    );
    // SPEC §6: an import told to --skip-bad exits 0 and names the skipped row.
    t.run_args(&["--now", NOW, "import", "csv", &file, "--skip-bad"])
        .code(0)
        .stderr_has("data.csv:3:");
    assert_eq!(
        read(&t, "customers/siti-rahma.yaml"),
        "name: Siti Rahma\nphone: \"0812-3456-7890\"\ncity: Bandung\nsource: instagram\nfirst_contact: 2026-11-20 00:00\nnote: \"Minta katalog; juga diskon\"\n"
    );
    t.run_args(&["check"]).code(0);
}

#[test]
fn import_csv_is_idempotent_with_english_headers_bom_and_quotes() {
    let csv = "\u{feff}name,phone,email,city,note\n\"Rahma, Siti\",+62 812 3456 7890,siti@example.com,Bandung,\"Bilang \"\"nanti\"\"\"\nBudi,,budi@example.com,,\nAndi,081234567890,,,\n";
    let t = Test::new().file("data.csv", csv);
    let file = t.path().join("data.csv").display().to_string();
    t.run_args(&["--now", NOW, "import", "csv", &file, "--dry-run"])
        .code(0)
        .stdout_has("rahma-siti.yaml");
    assert!(
        !t.path().join("customers/rahma-siti.yaml").exists(),
        "dry run writes nothing"
    );
    t.run_args(&["--now", NOW, "import", "csv", &file])
        .code(0)
        .stderr_has("1 dilewati");
    // Andi has the same phone as Siti (written differently): skipped.
    assert!(!t.path().join("customers/andi.yaml").exists());
    assert!(read(&t, "customers/rahma-siti.yaml").contains("note: \"Bilang \\\"nanti\\\"\"\n"));
    t.run_args(&["--now", NOW, "import", "csv", &file])
        .code(0)
        .stderr_has("0 dibuat, 3 dilewati");
    t.run_args(&["check"]).code(0);
}

#[test]
fn csv_exports_open_cleanly_in_a_spreadsheet() {
    let t = Test::new()
        .file(
            "customers/x.yaml",
            "name: \"=HYPERLINK(\\\"http://x\\\")\"\nfirst_contact: 2026-11-02\ntags: [a, b]\n",
        )
        .file(
            "customers/siti.yaml",
            "name: Siti, Rahma\nfirst_contact: 2026-11-02\n",
        )
        .file(
            "complaints/k1.yaml",
            "customer: siti\nopened: 2026-11-03\nsummary: \"@cek, \\\"isi\\\"\"\n",
        );
    let out = t.run_args(&["--now", NOW, "customers", "--format", "csv"]);
    out.code(0);
    assert!(
        out.stdout.starts_with('\u{feff}'),
        "UTF-8 BOM for spreadsheets"
    );
    assert!(out.stdout.contains("\"Siti, Rahma\""));
    assert!(
        out.stdout.contains("\"'=HYPERLINK(\"\"http://x\"\")\""),
        "{}",
        out.stdout
    );
    let out = t.run_args(&["--now", NOW, "complaints", "--format", "csv"]);
    assert!(out.stdout.starts_with('\u{feff}'));
    assert!(
        out.stdout.contains("\"'@cek, \"\"isi\"\"\""),
        "{}",
        out.stdout
    );
}

#[test]
fn new_complaint_without_a_summary_is_refused() {
    let t = Test::new().file(
        "customers/siti.yaml",
        "name: Siti\nfirst_contact: 2026-11-02\n",
    );
    t.run_args(&["--now", NOW, "new", "complaint", "siti"])
        .code(2)
        .stderr_has("langgan: --summary <TEKS> wajib diisi")
        .stderr_has("mis. \"Paket salah kirim\"");
    assert!(!t.path().join("complaints/2026-0001.yaml").exists());
    t.run_args(&["--now", NOW, "new", "complaint", "siti", "--summary", " "])
        .code(2)
        .stderr_has("--summary: tulis masalahnya dengan beberapa kata");
    assert!(!t.path().join("complaints/2026-0001.yaml").exists());
}
