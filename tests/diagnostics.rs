//! What `check` says, and in which language (SPEC §3 "Validation", §6): big
//! records that must load, hostile ones refused with the limit named,
//! unreadable / empty files told apart on the cache and `--no-cache` paths,
//! YAML syntax errors turned into what to do, fields in the wrong place,
//! files that look like records but are not read, and the summary. Every
//! message in Indonesian (the default) and English (`language = "en"`), with
//! its `path:line:col` and the caret under the value.

use crate::support::{Output, Test};
use std::time::{Duration, Instant};

/// Hostile input must be refused quickly.
const FAST: Duration = Duration::from_secs(5);

const SITI: &str = "name: Siti Rahma\nfirst_contact: 2026-11-02 10:00\n";

/// `check` of a shop in Indonesian (default) and in English holding `files`.
fn both(files: &[(&str, &[u8])]) -> (Output, Output) {
    let run = |t: Test| {
        let mut t = t;
        for (path, text) in files {
            t = t.file(path, text);
        }
        t.args(&["check"]).run()
    };
    (run(Test::new()), run(Test::english()))
}

/// The rendered diagnostic at `prefix` (its line, source line and caret).
fn rendered(out: &Output, prefix: &str) -> String {
    let err = out.stderr_rel();
    let lines: Vec<&str> = err.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("no diagnostic at {prefix}\n{err}"));
    lines[at..(at + 3).min(lines.len())].join("\n")
}

// ------------------------------------------------------------ big records

/// A customer with `n` plain interactions (about 110 bytes each).
fn big_customer(bytes: usize) -> (String, usize) {
    let mut text =
        String::from("name: Pelanggan Setia\nfirst_contact: 2020-01-01 09:00\ninteractions:\n");
    let mut n = 0;
    while text.len() < bytes {
        let day = 1 + n % 28;
        text.push_str(&format!(
            "  - at: 2021-02-{day:02} 10:00\n    kind: inbound\n    by: dewi\n    note: Tanya stok serum ukuran besar, kak\n    replied: 2021-02-{day:02} 10:05\n"
        ));
        n += 1;
    }
    (text, n)
}

#[test]
fn a_ten_megabyte_record_of_plain_interactions_loads() {
    // Issue 13.10: 3.1 MB (27,740 interactions) was refused as too large.
    let (text, n) = big_customer(10_000_000);
    assert!(n > 70_000, "{n}");
    let t = Test::new().file("customers/setia.yaml", &text);
    let start = Instant::now();
    let out = t.run_args(&["check"]);
    let took = start.elapsed();
    eprintln!(
        "check of a {} byte record ({n} interactions): {took:?}",
        text.len()
    );
    out.code(0)
        .no_diagnostics()
        .stderr_has("Semua catatan rapi: 1 pelanggan, 0 komplain.");
    // From the cache the second time.
    t.run_args(&["check"]).code(0).no_diagnostics();
    let json = t
        .run_args(&["customers", "--format", "json"])
        .code(0)
        .json();
    assert_eq!(json[0]["id"], "setia", "{json}");
}

#[test]
fn an_alias_bomb_is_refused_quickly_saying_what_to_do() {
    // A 1 MiB string through 100 aliases: 100 MiB if expanded.
    let big = "x".repeat(1 << 20);
    let refs = vec!["*s"; 100].join(", ");
    let text = format!("name: &s {big}\nfirst_contact: 2026-11-02\ntags: [{refs}]\n");
    let (id, en) = both(&[
        ("customers/x.yaml", text.as_bytes()),
        ("customers/ok.yaml", SITI.as_bytes()),
    ]);
    id.code(1).within(FAST).diag(
        "customers/x.yaml:3:",
        "alias (`*nama`) di berkas ini mengembang terlalu banyak; tulis nilainya langsung",
    );
    id.stderr_has("1 pelanggan").stderr_lacks("budget breached");
    en.code(1).within(FAST).diag(
        "customers/x.yaml:3:",
        "the aliases (`*name`) in this file expand too much; write the values out",
    );
}

#[test]
fn the_billion_laughs_is_refused_quickly() {
    let mut bomb = String::from(
        "name: x\nfirst_contact: 2026-11-02\nnote: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    bomb.push_str("tags: [");
    bomb.push_str(&["*a"; 9].join(","));
    bomb.push_str("]\n");
    // Refused at the first alias, as a list where text belongs: nothing is
    // expanded (the alias limits guard where the types would allow it).
    let (id, en) = both(&[("customers/x.yaml", bomb.as_bytes())]);
    id.code(1)
        .within(FAST)
        .only_diag("customers/x.yaml:3:10: error:", "harus berupa teks");
    en.code(1)
        .within(FAST)
        .only_diag("customers/x.yaml:3:10: error:", "expected text here");
}

#[test]
fn deep_nesting_is_refused_quickly_naming_the_limit() {
    let text = format!(
        "name: Siti\nfirst_contact: 2026-11-02\ntags: {}\n",
        "[".repeat(10_000)
    );
    let (id, en) = both(&[
        ("customers/x.yaml", text.as_bytes()),
        ("customers/ok.yaml", SITI.as_bytes()),
    ]);
    id.code(1)
        .within(FAST)
        .only_diag(
            "customers/x.yaml:3:",
            "bersarang terlalu dalam (lebih dari 64 tingkat",
        )
        .stderr_has("periksa kurung yang tidak ditutup")
        .stderr_has("1 pelanggan");
    en.code(1)
        .within(FAST)
        .only_diag(
            "customers/x.yaml:3:",
            "nested too deeply (more than 64 levels",
        )
        .stderr_has("look for brackets left open");
}

#[test]
fn a_file_over_the_limit_says_the_limit_and_what_to_do() {
    let mut text = String::from("name: Besar\nfirst_contact: 2026-11-02\nnote: ");
    text.push_str(&"a".repeat(17 * 1024 * 1024));
    let (id, en) = both(&[("customers/x.yaml", text.as_bytes())]);
    id.code(1).only_diag(
        "customers/x.yaml:1:1: error:",
        "terlalu besar (17 MiB); satu catatan paling besar 16 MiB: pindahkan interaksi lama",
    );
    en.code(1).only_diag(
        "customers/x.yaml:1:1: error:",
        "too large (17 MiB); a record can be at most 16 MiB: move old interactions",
    );
}

// --------------------------------------------- unreadable, empty, vanished

/// Root reads any file whatever its mode: the permission test cannot fail
/// then, and says so instead (the message itself is unit-tested with an
/// injected error in `record::file`).
fn running_as_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

#[test]
fn an_unreadable_record_is_not_called_empty_with_or_without_the_cache() {
    if running_as_root() {
        eprintln!("skipped: running as root, which can read a chmod 000 file");
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    for lang in ["id", "en"] {
        let t = (if lang == "id" {
            Test::new()
        } else {
            Test::english()
        })
        .file("customers/ok.yaml", SITI)
        .file("customers/kunci.yaml", SITI);
        // A first run writes the cache with both records in it.
        t.run_args(&["check"]).code(0);
        let file = t.path().join("customers/kunci.yaml");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        // Touched, so the cache must read it again.
        std::fs::write(t.path().join("customers/ok.yaml"), SITI).expect("touch");
        for args in [&["check"][..], &["check", "--no-cache"][..]] {
            let out = t.run_args(args);
            let want = if lang == "id" {
                "tidak bisa dibaca: tidak ada izin baca"
            } else {
                "cannot be read: no read permission"
            };
            out.code(1)
                .only_diag("customers/kunci.yaml:1:1: error:", want)
                .stderr_has("chmod u+r")
                .stderr_lacks("empty")
                .stderr_lacks("kosong");
        }
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    }
}

#[test]
fn an_empty_record_says_what_to_write_with_or_without_the_cache() {
    for args in [&["check"][..], &["check", "--no-cache"][..]] {
        let id = Test::new()
            .file("customers/x.yaml", "")
            .file("complaints/k.yaml", "\n  \n")
            .run_args(args);
        id.code(1)
            .diag(
                "customers/x.yaml:1:1: error:",
                "berkas ini kosong; tulis catatan pelanggannya (minimal `name:` dan `first_contact:`) atau hapus berkasnya",
            )
            .diag("complaints/k.yaml:1:1: error:", "tulis komplainnya");
        let en = Test::english().file("customers/x.yaml", "").run_args(args);
        en.code(1).only_diag(
            "customers/x.yaml:1:1: error:",
            "this file is empty; write the customer's record (at least `name:` and `first_contact:`) or delete the file",
        );
    }
}

// ------------------------------------------------------------ YAML syntax

#[test]
fn a_tab_in_the_indentation_says_replace_it_with_spaces() {
    let text = "name: Siti\nfirst_contact: 2026-11-02\norders:\n  - at: 2026-11-03\n\titems: [{product: serum}]\n";
    let (id, en) = both(&[("customers/x.yaml", text.as_bytes())]);
    id.code(1);
    assert_eq!(
        rendered(&id, "customers/x.yaml:5:1: error:"),
        "customers/x.yaml:5:1: error: baris ini diawali tab; YAML hanya memakai spasi: ganti tab dengan spasi\n   5 |     items: [{product: serum}]\n     | ^^^^"
    );
    en.code(1).only_diag(
        "customers/x.yaml:5:1: error:",
        "replace the tab with spaces",
    );
}

#[test]
fn a_value_holding_colon_space_says_put_quotes_around_it() {
    let text = "name: Siti\nfirst_contact: 2026-11-02\nnote: Catatan: kirim pagi\n";
    let (id, en) = both(&[("customers/x.yaml", text.as_bytes())]);
    id.code(1);
    assert_eq!(
        rendered(&id, "customers/x.yaml:3:7: error:"),
        "customers/x.yaml:3:7: error: nilai ini berisi `: `, jadi YAML membacanya sebagai kolom baru; beri tanda kutip di sekeliling nilainya: `note: \"Catatan: kirim pagi\"`\n   3 | note: Catatan: kirim pagi\n     |       ^^^^^^^^^^^^^^^^^^^"
    );
    en.code(1).only_diag(
        "customers/x.yaml:3:7: error:",
        "put quotes around the value: `note: \"Catatan: kirim pagi\"`",
    );
    // A value that already holds a double quote gets single ones.
    Test::english()
        .file(
            "customers/x.yaml",
            "name: Siti\nfirst_contact: 2026-11-02\nnote: Kata \"dia\": besok\n",
        )
        .args(&["check"])
        .run()
        .error(
            "customers/x.yaml:3:7: error:",
            "`note: 'Kata \"dia\": besok'`",
        );
}

#[test]
fn a_list_item_out_of_line_says_which_item_to_line_up_with() {
    let text = "name: Siti\nfirst_contact: 2026-11-02\ninteractions:\n  - at: 2026-11-03\n    kind: inbound\n - at: 2026-11-04\n   kind: inbound\n";
    let (id, en) = both(&[("customers/x.yaml", text.as_bytes())]);
    id.code(1);
    assert_eq!(
        rendered(&id, "customers/x.yaml:6:2: error:"),
        "customers/x.yaml:6:2: error: indentasi baris ini tidak pas; luruskan dengan `-` di baris 4 (kolom 3), pakai spasi sebanyak baris itu\n   6 |  - at: 2026-11-04\n     |  ^"
    );
    en.code(1).only_diag(
        "customers/x.yaml:6:2: error:",
        "line it up with `-` on line 4 (column 3)",
    );
    // Indented one space too deep: the `did not find expected '-'` case.
    let text = "name: Siti\nfirst_contact: 2026-11-02\norders:\n  - at: 2026-11-03\n    items:\n      - product: serum\n     - product: serum\n";
    Test::english()
        .file("customers/x.yaml", text)
        .args(&["check"])
        .run()
        .error(
            "customers/x.yaml:7:6: error:",
            "line it up with `-` on line 6 (column 7)",
        );
}

#[test]
fn a_key_indented_under_a_plain_value_says_line_it_up() {
    let text = "name: Siti\nfirst_contact: 2026-11-02\n  note: pagi\n";
    let (id, en) = both(&[("customers/x.yaml", text.as_bytes())]);
    id.code(1).only_diag(
        "customers/x.yaml:3:3: error:",
        "luruskan dengan `first_contact` di baris 2 (kolom 1)",
    );
    en.code(1).only_diag(
        "customers/x.yaml:3:3: error:",
        "line it up with `first_contact` on line 2 (column 1)",
    );
}

#[test]
fn an_unclosed_quote_says_add_the_closing_one() {
    let (id, en) = both(&[(
        "customers/x.yaml",
        b"name: \"Siti\nfirst_contact: 2026-11-02\n",
    )]);
    id.code(1)
        .only_diag("customers/x.yaml:1:7: error:", "tambahkan kutip penutup");
    en.code(1)
        .only_diag("customers/x.yaml:1:7: error:", "unclosed quote");
}

// ------------------------------------------------------ structural hints

#[test]
fn product_directly_under_an_order_says_put_it_under_items() {
    let text =
        "name: Siti\nfirst_contact: 2026-11-02\norders:\n  - at: 2026-11-03\n    product: serum\n";
    let (id, en) = both(&[("customers/x.yaml", text.as_bytes())]);
    id.code(1);
    assert_eq!(
        rendered(&id, "customers/x.yaml:5:5: error:"),
        "customers/x.yaml:5:5: error: `product` milik satu barang pesanan, bukan pesanannya: taruh di bawah `items:`, seperti `items:` lalu `  - product: …`\n   5 |     product: serum\n     |     ^^^^^^^"
    );
    en.code(1)
        .only_diag("customers/x.yaml:5:5: error:", "put it under `items:`");
}

#[test]
fn an_interaction_under_orders_says_it_belongs_under_interactions() {
    let text =
        "name: Siti\nfirst_contact: 2026-11-02\norders:\n  - at: 2026-11-03\n    kind: inbound\n";
    let (id, en) = both(&[("customers/x.yaml", text.as_bytes())]);
    id.code(1).only_diag(
        "customers/x.yaml:5:5: error:",
        "ini seperti interaksi (ada `kind`), bukan pesanan: pindahkan ke bawah `interactions:`",
    );
    en.code(1).only_diag(
        "customers/x.yaml:5:5: error:",
        "move it under `interactions:`, not `orders:`",
    );
}

#[test]
fn a_record_in_the_other_folder_says_where_to_move_it() {
    let (id, en) = both(&[
        ("customers/siti.yaml", SITI.as_bytes()),
        (
            "complaints/budi.yaml",
            b"name: Budi\nfirst_contact: 2026-11-02\n",
        ),
        (
            "customers/k1.yaml",
            b"customer: siti\nopened: 2026-11-06\nsummary: Paket salah\n",
        ),
    ]);
    id.code(1)
        .diag(
            "complaints/budi.yaml:1:1: error:",
            "berkas ini seperti catatan pelanggan (ada `name`): pindahkan berkasnya ke `customers/`",
        )
        .diag(
            "customers/k1.yaml:1:1: error:",
            "seperti catatan komplain (ada `customer`): pindahkan berkasnya ke `complaints/`",
        );
    en.code(1)
        .diag(
            "complaints/budi.yaml:1:1: error:",
            "looks like a customer record (it has `name`): move it to `customers/`",
        )
        .diag("customers/k1.yaml:1:1: error:", "move it to `complaints/`");
}

#[test]
fn an_unknown_field_close_to_a_known_one_suggests_it() {
    let text = "name: Siti\nfirst_contact: 2026-11-02\nphoen: 0812-3456-7890\n";
    let (id, en) = both(&[("customers/x.yaml", text.as_bytes())]);
    id.code(1).only_diag(
        "customers/x.yaml:3:1: error:",
        "kolom `phoen` tidak dikenal (maksudnya `phone`?)",
    );
    en.code(1).only_diag(
        "customers/x.yaml:3:1: error:",
        "unknown field `phoen` (did you mean `phone`?)",
    );
}

// ------------------------------------------- files that are not read

#[test]
fn files_that_look_like_records_but_are_not_read_are_warnings() {
    let files: &[(&str, &[u8])] = &[
        ("customers/ok.yaml", SITI.as_bytes()),
        (
            "customers/also.yml",
            b"name: Yml\nfirst_contact: 2026-11-02\n",
        ),
        ("customers/siti.yml.txt", SITI.as_bytes()),
        ("customers/budi.YAML", SITI.as_bytes()),
        ("customers/sub/ani.Yml", SITI.as_bytes()),
        (
            "customers/ani.json",
            b"{\"name\": \"Ani\", \"first_contact\": \"2026-11-02\"}",
        ),
        (
            "customers/k1.txt",
            b"customer: ok\nopened: 2026-11-06\nsummary: x\n",
        ),
        (
            "complaints/k2.yaml.txt",
            b"customer: ok\nopened: 2026-11-06\nsummary: x\n",
        ),
        // Not warned: editor backups and swap files, notes that are no record.
        ("customers/siti.yaml~", SITI.as_bytes()),
        ("customers/.siti.yaml.swp", b"\0\0"),
        ("customers/#siti.yaml#", SITI.as_bytes()),
        ("customers/catatan.txt", b"telepon balik besok\n"),
    ];
    let (id, en) = both(files);
    id.code(0)
        .diag(
            "customers/siti.yml.txt:1:1: warning:",
            "berkas ini tidak dibaca: hanya berkas `.yaml` atau `.yml` (huruf kecil) yang dibaca; kalau ini catatan, ganti namanya menjadi `siti.yml`",
        )
        .diag("customers/budi.YAML:1:1: warning:", "`budi.yaml`")
        .diag("customers/sub/ani.Yml:1:1: warning:", "`ani.yml`")
        .diag("customers/ani.json:1:1: warning:", "`ani.yaml`")
        .diag("customers/k1.txt:1:1: warning:", "`k1.yaml`")
        .diag("complaints/k2.yaml.txt:1:1: warning:", "`k2.yaml`")
        .stderr_has("6 peringatan di 6 berkas; 2 pelanggan, 0 komplain terbaca.");
    assert_eq!(id.diagnostics().len(), 6, "{}", id.stderr);
    en.code(0)
        .diag(
            "customers/siti.yml.txt:1:1: warning:",
            "this file is not read: only `.yaml` or `.yml` files (lowercase) are read; if it is a record, rename it to `siti.yml`",
        )
        .stderr_has("6 warnings in 6 files; 2 customers, 0 complaints loaded.");
}

#[test]
fn yaml_files_outside_the_record_folders_are_warnings() {
    let files: &[(&str, &[u8])] = &[
        ("customers/ok.yaml", SITI.as_bytes()),
        ("siti.yaml", SITI.as_bytes()),
        ("pelanggan/budi.yaml", SITI.as_bytes()),
        (
            "lama/komplain/k1.yml",
            b"customer: ok\nopened: 2026-11-06\nsummary: x\n",
        ),
        ("daftar.yml", b"- satu\n- dua\n"),
        // Not warned: the cache, the site, templates, git, hidden folders.
        (".langgan/x.yaml", SITI.as_bytes()),
        ("public/x.yaml", SITI.as_bytes()),
        ("templates/x.yaml", SITI.as_bytes()),
        (".git/x.yaml", SITI.as_bytes()),
        (".github/workflows/ci.yml", b"on: push\n"),
    ];
    let (id, en) = both(files);
    id.code(0)
        .diag(
            "siti.yaml:1:1: warning:",
            "berkas ini tidak dibaca karena di luar `customers/`; isinya seperti catatan pelanggan: pindahkan ke `customers/siti.yaml`",
        )
        .diag("pelanggan/budi.yaml:1:1: warning:", "pindahkan ke `customers/budi.yaml`")
        .diag(
            "lama/komplain/k1.yml:1:1: warning:",
            "isinya seperti komplain: pindahkan ke `complaints/k1.yml`",
        )
        .diag("daftar.yml:1:1: warning:", "catatan hanya dibaca dari `customers/` dan `complaints/`");
    assert_eq!(id.diagnostics().len(), 4, "{}", id.stderr);
    en.code(0)
        .diag(
            "siti.yaml:1:1: warning:",
            "this file is not read because it is outside `customers/`; it looks like a customer record: move it to `customers/siti.yaml`",
        )
        .diag("daftar.yml:1:1: warning:", "records are read only from `customers/` and `complaints/`");
}

// ------------------------------------------------- messages and summary

#[test]
fn validation_messages_are_in_the_shops_language() {
    let text = "name: Siti\nfirst_contact: kemarin\nphone: 12345\nemail: siti\ninterested: [serun]\nadmin: budi\n";
    let (id, en) = both(&[("customers/x.yaml", text.as_bytes())]);
    id.code(1)
        .diag("customers/x.yaml:2:16: error:", "`first_contact`: `kemarin` bukan waktu; tulis seperti `2026-11-02 10:15`")
        .diag("customers/x.yaml:3:8: error:", "`12345` bukan nomor Indonesia")
        .diag("customers/x.yaml:4:8: error:", "`siti` bukan alamat email")
        .diag("customers/x.yaml:5:14: error:", "produk `serun` tidak dikenal (maksudnya `serum`?)")
        .diag("customers/x.yaml:6:8: error:", "admin `budi` tidak dikenal")
        .stderr_has("5 kesalahan di 1 berkas; 0 pelanggan, 0 komplain terbaca (berkas yang bermasalah dilewati).")
        .stderr_lacks("galat");
    assert_eq!(
        rendered(&id, "customers/x.yaml:5:14: error:"),
        "customers/x.yaml:5:14: error: produk `serun` tidak dikenal (maksudnya `serum`?); daftar produk ada di shop.toml\n   5 | interested: [serun]\n     |              ^^^^^"
    );
    en.code(1)
        .diag("customers/x.yaml:2:16: error:", "`kemarin` is not a time")
        .diag("customers/x.yaml:5:14: error:", "unknown product `serun` (did you mean `serum`?)")
        .stderr_has("5 errors in 1 file; 0 customers, 0 complaints loaded (files with errors were left out).");
}

#[test]
fn cross_file_messages_are_in_the_shops_language() {
    let (id, en) = both(&[
        ("customers/siti.yaml", SITI.as_bytes()),
        ("customers/a/siti.yaml", SITI.as_bytes()),
        (
            "complaints/k.yaml",
            b"customer: sity\nopened: 2026-11-06\nsummary: x\n",
        ),
    ]);
    id.code(1)
        .diag(
            "customers/siti.yaml:1:1: error:",
            "id pelanggan `siti` dipakai dua kali",
        )
        .diag(
            "complaints/k.yaml:1:11: error:",
            "pelanggan `sity` tidak dikenal (maksudnya `siti`?)",
        );
    en.code(1)
        .diag(
            "customers/siti.yaml:1:1: error:",
            "duplicate customer id `siti`",
        )
        .diag(
            "complaints/k.yaml:1:11: error:",
            "unknown customer `sity` (did you mean `siti`?)",
        );
}

#[test]
fn a_clean_shop_says_so() {
    let (id, en) = both(&[
        ("customers/siti.yaml", SITI.as_bytes()),
        (
            "complaints/k.yaml",
            b"customer: siti\nopened: 2026-11-06\nsummary: x\n",
        ),
    ]);
    id.code(0)
        .no_diagnostics()
        .stderr_has("Semua catatan rapi: 1 pelanggan, 1 komplain.");
    en.code(0)
        .no_diagnostics()
        .stderr_has("All records in order: 1 customer, 1 complaint.");
}

#[test]
fn file_level_messages_are_in_the_shops_language() {
    let conflict = "name: Siti\n<<<<<<< HEAD\nfirst_contact: 2026-11-02\n=======\nfirst_contact: 2026-11-03\n>>>>>>> other\n";
    let id = Test::new()
        .file("customers/Siti Rahma.yaml", SITI)
        .file("customers/konflik.yaml", conflict)
        .file("customers/biner.yaml", b"name: a\0b\n")
        .symlink("konflik.yaml", "customers/tautan.yaml")
        .args(&["check"])
        .run();
    id.code(1)
        .diag(
            "customers/Siti Rahma.yaml:1:1: error:",
            "`Siti Rahma` bukan id yang sah: nama berkas hanya boleh huruf kecil",
        )
        .diag(
            "customers/konflik.yaml:2:1: error:",
            "`<<<<<<<`: awal bentrok penggabungan git (versi Anda menyusul); sisakan baris yang benar, hapus penandanya, lalu simpan",
        )
        .diag("customers/konflik.yaml:4:1: error:", "tengah bentrok")
        .diag("customers/konflik.yaml:6:1: error:", "akhir bentrok")
        .diag("customers/biner.yaml:1:1: error:", "berisi data biner, bukan teks")
        .diag("customers/tautan.yaml:1:1: error:", "tautan simbolik tidak diikuti")
        .stderr_lacks("symbolic");
}
