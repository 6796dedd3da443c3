//! `import whatsapp`: chat exports written by the tests in each format the
//! phones make, imported into temp shops with the real binary; the record
//! bytes after the import, re-imports, .zip input, refusals, and the
//! `stats` figures the interactions feed.

use crate::support::{Test, NOW};
use std::path::PathBuf;

/// One conversation (the week of 2026-11-16, now = Friday 20 Nov 15:00):
/// (day, hour, minute, from the customer, text). It holds a deleted
/// message, a line that looks like a date, an emoji-only message, a media
/// placeholder, a 3-day gap and an unanswered last run.
const CHAT: &[(i8, i8, i8, bool, &str)] = &[
    (16, 9, 0, true, "Halo kak, serum ada?"),
    (16, 9, 3, false, "Ada kak 😊"),
    // Deleted: not a message; counted, it would start a run at 09:05.
    (16, 9, 5, true, "Pesan ini telah dihapus"),
    (16, 13, 0, true, "Alamat kirim:\n17/11/26 10.00 bisa?"),
    (16, 13, 1, true, "Jl. Merdeka 5"),
    (16, 13, 20, false, "Bisa kak"),
    (16, 20, 0, true, "Kak sudah transfer"),
    (17, 9, 0, false, "Terima kasih, dikirim hari ini"),
    // Three days later.
    (20, 10, 0, true, "👍"),
    (20, 10, 1, true, "<Media tidak disertakan>"),
    (20, 10, 4, false, "Sama-sama kak"),
    (20, 14, 30, true, "Kak mau order 2 lagi"),
];

/// The interactions the conversation gives (by dewi).
const INTERACTIONS: &str = "interactions:
  - at: 2026-11-16 09:00
    kind: inbound
    by: dewi
    channel: whatsapp
    note: Halo kak, serum ada?
    replied: 2026-11-16 09:03
  - at: 2026-11-16 13:00
    kind: inbound
    by: dewi
    channel: whatsapp
    note: \"Alamat kirim:\"
    replied: 2026-11-16 13:20
  - at: 2026-11-16 20:00
    kind: inbound
    by: dewi
    channel: whatsapp
    note: Kak sudah transfer
    replied: 2026-11-17 09:00
  - at: 2026-11-20 10:00
    kind: inbound
    by: dewi
    channel: whatsapp
    note: \"👍\"
    replied: 2026-11-20 10:04
  - at: 2026-11-20 14:30
    kind: inbound
    by: dewi
    channel: whatsapp
    note: Kak mau order 2 lagi
";

const SITI: &str =
    "name: Siti Rahma\nphone: \"0812-3456-7890\"\nfirst_contact: 2026-11-16 09:00  # dari IG\n";

#[derive(Clone, Copy, Debug)]
enum Fmt {
    AndroidId,
    AndroidId12,
    AndroidEn,
    AndroidUs,
    Iphone,
    IphoneDots,
}

fn header(f: Fmt, d: i8, h: i8, mi: i8) -> String {
    let ampm = |h: i8| {
        (
            if h % 12 == 0 { 12 } else { h % 12 },
            if h < 12 { "AM" } else { "PM" },
        )
    };
    let waktu = |h: i8| match h {
        0 => (12, "malam"),
        1..=10 => (h, "pagi"),
        11 | 12 => (h, "siang"),
        13 | 14 => (h - 12, "siang"),
        15..=17 => (h - 12, "sore"),
        _ => (h - 12, "malam"),
    };
    match f {
        Fmt::AndroidId => format!("{d:02}/11/26 {h:02}.{mi:02} - "),
        Fmt::AndroidId12 => {
            let (h, w) = waktu(h);
            format!("{d:02}/11/26 {h}.{mi:02} {w} - ")
        }
        Fmt::AndroidEn => format!("{d:02}/11/2026, {h:02}:{mi:02} - "),
        Fmt::AndroidUs => {
            let (h, m) = ampm(h);
            format!("11/{d}/26, {h}:{mi:02}\u{202f}{m} - ")
        }
        Fmt::Iphone => format!("[{d:02}/11/2026 {h:02}:{mi:02}:00] "),
        Fmt::IphoneDots => format!("[{d:02}/11/26, {h:02}.{mi:02}.00] "),
    }
}

/// The conversation as a phone exports it, the customer named `who`.
fn export(f: Fmt, who: &str, chat: &[(i8, i8, i8, bool, &str)]) -> String {
    let mut s = match f {
        Fmt::Iphone | Fmt::IphoneDots => format!(
            "{}{who}: \u{200e}Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.\n",
            header(f, 16, 9, 0)
        ),
        _ => format!(
            "{}Pesan dan panggilan dienkripsi secara end-to-end. Tidak seorang pun di luar chat ini, termasuk WhatsApp, yang dapat membaca atau mendengarkannya.\n",
            header(f, 16, 9, 0)
        ),
    };
    for (d, h, mi, customer, text) in chat {
        s.push_str(&header(f, *d, *h, *mi));
        s.push_str(if *customer { who } else { "Toko Uji" });
        s.push_str(": ");
        let text = match (f, *text) {
            (Fmt::Iphone | Fmt::IphoneDots, "<Media tidak disertakan>") => "\u{200e}image omitted",
            (Fmt::Iphone | Fmt::IphoneDots, "Pesan ini telah dihapus") => {
                "\u{200e}This message was deleted."
            }
            (_, t) => t,
        };
        s.push_str(text);
        s.push('\n');
    }
    s
}

/// Writes an export beside the shop; returns its path.
fn write_export(t: &Test, name: &str, text: &str) -> String {
    let dir = t.beside("exports");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p.display().to_string()
}

fn read(t: &Test, rel: &str) -> String {
    std::fs::read_to_string(t.path().join(rel)).expect("read")
}

fn import(t: &Test, files: &[&str], extra: &[&str]) -> crate::support::Output {
    let mut args = vec!["--now", NOW, "import", "whatsapp"];
    args.extend_from_slice(files);
    args.extend_from_slice(&["--me", "Toko Uji", "--by", "dewi"]);
    args.extend_from_slice(extra);
    t.run_args(&args)
}

#[test]
fn every_export_format_gives_the_same_interactions() {
    for f in [
        Fmt::AndroidId,
        Fmt::AndroidId12,
        Fmt::AndroidEn,
        Fmt::AndroidUs,
        Fmt::Iphone,
        Fmt::IphoneDots,
    ] {
        let t = Test::new().file("customers/siti-rahma.yaml", SITI);
        let file = write_export(
            &t,
            "Chat WhatsApp dengan Siti Rahma.txt",
            &export(f, "Siti Rahma", CHAT),
        );
        import(&t, &[&file], &[])
            .code(0)
            .stdout_has("customers/siti-rahma.yaml")
            .stderr_has("1 chat dibaca: 5 interaksi ditambahkan, 0 balasan dilengkapi, 0 pelanggan baru, 0 sudah tercatat, 0 masalah");
        assert_eq!(
            read(&t, "customers/siti-rahma.yaml"),
            format!("{SITI}{INTERACTIONS}"),
            "format {f:?}"
        );
        t.run_args(&["--now", NOW, "check"]).code(0);
    }
}

#[test]
fn a_new_customer_by_phone_with_the_name_from_the_file_name() {
    let t = Test::new();
    let text = export(
        Fmt::AndroidId,
        "\u{202a}+62 813-1111-2222\u{202c}",
        &CHAT[..2],
    );
    let file = write_export(&t, "Chat WhatsApp dengan Budi Santoso.txt", &text);
    import(&t, &[&file], &[])
        .code(0)
        .stdout_has("customers/budi-santoso.yaml")
        .stderr_has("1 pelanggan baru");
    assert_eq!(
        read(&t, "customers/budi-santoso.yaml"),
        "name: Budi Santoso\nphone: \"+62 813-1111-2222\"\nsource: whatsapp\nadmin: dewi\nfirst_contact: 2026-11-16 09:00\ninteractions:\n  - at: 2026-11-16 09:00\n    kind: inbound\n    by: dewi\n    channel: whatsapp\n    note: Halo kak, serum ada?\n    replied: 2026-11-16 09:03\n"
    );
    // The same chat again, now as an export of a phone that knows the
    // number by its name: found by the name, nothing added.
    let again = write_export(
        &t,
        "b.txt",
        &export(Fmt::AndroidId, "Budi Santoso", &CHAT[..2]),
    );
    import(&t, &[&again], &[])
        .code(0)
        .stderr_has("0 interaksi ditambahkan")
        .stderr_has("1 sudah tercatat");
    t.run_args(&["--now", NOW, "check"]).code(0);
}

#[test]
fn reimports_add_only_what_is_new() {
    let t = Test::new().file("customers/siti-rahma.yaml", SITI);
    // Exported on Friday before the last answer.
    let first = write_export(&t, "siti.txt", &export(Fmt::AndroidId, "Siti Rahma", CHAT));
    import(&t, &[&first], &[]).code(0);
    let after_first = read(&t, "customers/siti-rahma.yaml");
    // The identical file: nothing changes, not a byte.
    import(&t, &[&first], &[]).code(0).stderr_has(
        "0 interaksi ditambahkan, 0 balasan dilengkapi, 0 pelanggan baru, 5 sudah tercatat",
    );
    assert_eq!(read(&t, "customers/siti-rahma.yaml"), after_first);
    // A longer export of the same chat: the last run got its answer, and
    // a new run came.
    let mut longer = CHAT.to_vec();
    longer.push((20, 14, 50, false, "Siap kak"));
    longer.push((20, 14, 55, true, "Ditunggu ya"));
    let second = write_export(
        &t,
        "siti-2.txt",
        &export(Fmt::AndroidId, "Siti Rahma", &longer),
    );
    import(&t, &[&second], &["--dry-run"])
        .code(0)
        .stdout_has("customers/siti-rahma.yaml:29: replied: 2026-11-20 14:50\n")
        .stdout_has("    note: Ditunggu ya\n");
    assert_eq!(read(&t, "customers/siti-rahma.yaml"), after_first);
    import(&t, &[&second], &[]).code(0).stderr_has(
        "1 interaksi ditambahkan, 1 balasan dilengkapi, 0 pelanggan baru, 5 sudah tercatat",
    );
    // The filled-in time goes with the item's other times, before its
    // `channel:` (as `import orders` places the times it adds).
    let last_channel = INTERACTIONS.rfind("    channel: whatsapp\n").unwrap_or(0);
    let filled = format!(
        "{}    replied: 2026-11-20 14:50\n{}",
        &INTERACTIONS[..last_channel],
        &INTERACTIONS[last_channel..]
    );
    let expected = format!(
        "{SITI}{filled}  - at: 2026-11-20 14:55\n    kind: inbound\n    by: dewi\n    channel: whatsapp\n    note: Ditunggu ya\n"
    );
    assert_eq!(read(&t, "customers/siti-rahma.yaml"), expected);
    t.run_args(&["--now", NOW, "check"]).code(0);
    // A replied written by a person is never changed.
    let edited = expected.replace("replied: 2026-11-16 09:03", "replied: 2026-11-16 09:02");
    std::fs::write(t.path().join("customers/siti-rahma.yaml"), &edited).expect("write");
    import(&t, &[&second], &[])
        .code(0)
        .stderr_has("0 balasan dilengkapi");
    assert_eq!(read(&t, "customers/siti-rahma.yaml"), edited);
}

#[test]
fn a_zip_export_is_read() {
    use std::io::Write;
    let t = Test::new().file("customers/siti-rahma.yaml", SITI);
    let zip_path = t.beside("WhatsApp Chat - Siti Rahma.zip");
    let file = std::fs::File::create(&zip_path).expect("create");
    let mut zip = zip::ZipWriter::new(file);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("_chat.txt", opts).expect("start");
    zip.write_all(export(Fmt::Iphone, "Siti Rahma", CHAT).as_bytes())
        .expect("write");
    zip.start_file("00000012-PHOTO-2026-11-20-10-01-00.jpg", opts)
        .expect("start");
    zip.write_all(b"\xff\xd8\xff").expect("write");
    zip.finish().expect("finish");
    import(&t, &[&zip_path.display().to_string()], &[]).code(0);
    assert_eq!(
        read(&t, "customers/siti-rahma.yaml"),
        format!("{SITI}{INTERACTIONS}")
    );
}

#[test]
fn several_files_are_all_or_nothing() {
    let t = Test::new().file("customers/siti-rahma.yaml", SITI);
    let good = write_export(&t, "siti.txt", &export(Fmt::AndroidId, "Siti Rahma", CHAT));
    let bad = write_export(
        &t,
        "rusak.txt",
        "ini bukan chat\n30/08/25 18.00 - Ani: halo\n31/02/25 18.00 - Ani: tanggal tidak ada\n",
    );
    let out = import(&t, &[&good, &bad], &[]);
    out.code(1)
        .stderr_has("rusak.txt:1: baris ini tidak termasuk pesan mana pun")
        .stderr_has("rusak.txt:3: tanggal atau jam `2025-02-31` tidak ada")
        .stderr_has("tidak ada yang ditulis");
    assert_eq!(read(&t, "customers/siti-rahma.yaml"), SITI);
    assert!(!t.path().join("customers/ani.yaml").exists());
    // --skip-bad: the good file and the good lines go in, each skipped one named.
    import(&t, &[&good, &bad], &["--skip-bad"])
        .code(0)
        .stderr_has("rusak.txt:1: ")
        .stderr_has("(dilewati)")
        .stderr_has("2 chat dibaca: 6 interaksi ditambahkan");
    assert_eq!(
        read(&t, "customers/siti-rahma.yaml"),
        format!("{SITI}{INTERACTIONS}")
    );
    assert!(read(&t, "customers/ani.yaml").contains("first_contact: 2025-08-30 18:00\n"));
    t.run_args(&["--now", NOW, "check"]).code(0);
}

#[test]
fn dry_run_shows_the_lines_and_writes_nothing() {
    let t = Test::new().file("customers/siti-rahma.yaml", SITI);
    let file = write_export(&t, "siti.txt", &export(Fmt::AndroidId, "Siti Rahma", CHAT));
    let out = import(&t, &[&file], &["--dry-run"]);
    out.code(0)
        .stdout_has("akan ditambahkan ke ")
        .stdout_has("customers/siti-rahma.yaml:\n  - at: 2026-11-16 09:00\n    kind: inbound\n    by: dewi\n")
        .stderr_has("5 interaksi akan ditambahkan");
    assert_eq!(read(&t, "customers/siti-rahma.yaml"), SITI);
    assert!(
        !t.path().join(".langgan/staging").exists()
            || std::fs::read_dir(t.path().join(".langgan/staging"))
                .expect("ls")
                .count()
                == 0
    );
}

#[test]
fn group_chats_and_unknown_shops_are_refused_clearly() {
    let t = Test::new().file("customers/siti-rahma.yaml", SITI);
    let mut group = export(Fmt::AndroidId, "Siti Rahma", CHAT);
    group.push_str("20/11/26 14.40 - Ani: aku juga mau kak\n");
    let file = write_export(&t, "grup.txt", &group);
    import(&t, &[&file], &[])
        .code(1)
        .stderr_has("ini chat grup (2 pengirim selain toko: Siti Rahma, Ani)")
        .stderr_has("--customer");
    assert_eq!(read(&t, "customers/siti-rahma.yaml"), SITI);
    // With --customer, every other sender's message is that customer's.
    import(&t, &[&file], &["--customer", "siti-rahma"]).code(0);
    assert!(read(&t, "customers/siti-rahma.yaml").starts_with(&format!("{SITI}{INTERACTIONS}")));
    // Nobody known as the shop: ask for --me (English shop).
    let t = Test::new()
        .shop_toml(&crate::support::SHOP_TOML.replace("[shop]\n", "[shop]\nlanguage = \"en\"\n"));
    let file = write_export(&t, "x.txt", &export(Fmt::AndroidEn, "Siti Rahma", CHAT));
    t.run_args(&["--now", NOW, "import", "whatsapp", &file])
        .code(1)
        .stderr_has("which sender is the shop? Name it with --me NAME, or set `whatsapp_name`")
        .stderr_has("senders: Siti Rahma, Toko Uji");
}

#[test]
fn the_shop_is_found_by_whatsapp_name_and_first_contact_is_never_moved() {
    let toml =
        crate::support::SHOP_TOML.replace("[shop]\n", "[shop]\nwhatsapp_name = \"toko uji\"\n");
    let later = SITI.replace("2026-11-16 09:00", "2026-11-18 08:00");
    let t = Test::new()
        .shop_toml(&toml)
        .file("customers/siti-rahma.yaml", &later);
    let file = write_export(&t, "siti.txt", &export(Fmt::AndroidId, "Siti Rahma", CHAT));
    t.run_args(&["--now", NOW, "import", "whatsapp", &file])
        .code(0)
        .stderr_has("chat dimulai 2026-11-16 09:00, lebih awal dari first_contact (2026-11-18 08:00); first_contact tidak diubah");
    let text = read(&t, "customers/siti-rahma.yaml");
    assert!(text.starts_with(&later), "{text}");
    // No --by: the interactions carry no `by`.
    assert!(!text.contains("by:"));
    assert!(text.contains("  - at: 2026-11-16 09:00\n    kind: inbound\n    channel: whatsapp\n"));
}

#[test]
fn stats_figures_come_from_the_imported_chat() {
    let t = Test::new().file("customers/siti-rahma.yaml", SITI);
    let file = write_export(&t, "siti.txt", &export(Fmt::AndroidId, "Siti Rahma", CHAT));
    import(&t, &[&file], &[]).code(0);
    let s = t
        .run_args(&[
            "--now", NOW, "stats", "--week", "2026-W47", "--format", "json",
        ])
        .code(0)
        .json();
    // Answered runs: 3, 20, 780 (13 h) and 4 minutes; median (4 + 20) / 2.
    assert_eq!(s["response_median_minutes"], serde_json::json!(12.0));
    // Within the 5-minute target: 3 and 4.
    assert_eq!(s["response_within_target_rate"], serde_json::json!(0.5));
    // The 14:30 run is neither answered nor 12 hours old: not counted;
    // of the other four, the 13-hour answer is late.
    assert_eq!(s["reply_12h_rate"], serde_json::json!(0.75));
    assert_eq!(s["unanswered"], serde_json::json!(1));
}

#[test]
fn usage_errors() {
    let t = Test::new().file("customers/siti-rahma.yaml", SITI);
    let file = write_export(&t, "siti.txt", &export(Fmt::AndroidId, "Siti Rahma", CHAT));
    t.run_args(&["import", "whatsapp", &file, "--customer", "siti-rama"])
        .code(2)
        .stderr_has("maksudnya `siti-rahma`");
    t.run_args(&[
        "import", "whatsapp", &file, "--me", "Toko Uji", "--by", "joko",
    ])
    .code(2)
    .stderr_has("--by: `joko` bukan admin");
    let missing: PathBuf = t.beside("tidak-ada.txt");
    t.run_args(&[
        "import",
        "whatsapp",
        &missing.display().to_string(),
        "--me",
        "Toko Uji",
    ])
    .code(1);
    assert_eq!(read(&t, "customers/siti-rahma.yaml"), SITI);
}
