//! `import customers FILE` (alias `import csv`, SPEC §10): sheets as Google
//! Sheets, Excel and LibreOffice write them, `.xlsx` workbooks made here
//! with rust_xlsxwriter, what spreadsheets do to dates and phones, and the
//! import's promises (dry run, all or nothing, --skip-bad, twice = once).

use crate::support::{self, Output, Test, NOW};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// Imports `file` (relative to the shop) with `extra` arguments.
fn import(t: &Test, file: &str, extra: &[&str]) -> Output {
    let path = t.path().join(file).display().to_string();
    let mut args = vec!["--now", NOW, "import", "customers", &path];
    args.extend_from_slice(extra);
    t.run_args(&args)
}

fn read(t: &Test, rel: &str) -> String {
    std::fs::read_to_string(t.path().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The customer files, by name.
fn customers(t: &Test) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(t.path().join("customers"))
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// The value of `key:` in a customer file.
fn field(t: &Test, id: &str, key: &str) -> Option<String> {
    read(t, &format!("customers/{id}.yaml"))
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{key}: ")).map(str::to_string))
}

fn english() -> Test {
    Test::new().shop_toml(&support::SHOP_TOML.replace(
        "timezone = \"Asia/Jakarta\"",
        "timezone = \"Asia/Jakarta\"\nlanguage = \"en\"",
    ))
}

// ------------------------------------------------------------ CSV as exported

/// A sheet from an American locale writes its dates month first: once one
/// date can be read only so, every date of the file is (`11/02/2026` is
/// 2 Nov); a sheet with Indonesian dates keeps day first.
#[test]
fn a_sheet_with_american_dates_is_read_month_first() {
    let csv = "Name,Phone,First Contact\nSiti Rahma,0812-3456-7890,11/14/2026\nBudi Santoso,0813-1111-2222,11/02/2026 9:30 AM\n";
    let t = Test::new().file("us.csv", csv);
    import(&t, "us.csv", &[]).code(0);
    assert_eq!(
        field(&t, "budi-santoso", "first_contact").as_deref(),
        Some("2026-11-02 09:30")
    );
    let csv = "Name,Phone,First Contact\nSiti Rahma,0812-3456-7890,14/11/2026\nBudi Santoso,0813-1111-2222,02/11/2026\n";
    let t = Test::new().file("id.csv", csv);
    import(&t, "id.csv", &[]).code(0);
    assert_eq!(
        field(&t, "budi-santoso", "first_contact").as_deref(),
        Some("2026-11-02 00:00")
    );
}

#[test]
fn a_google_sheets_csv_comma_no_bom_lf_or_crlf() {
    for eol in ["\n", "\r\n"] {
        let csv = [
            "Name,Phone,Email,City,Source,Admin,First Contact,Note,Tags",
            "Siti Rahma,0812-3456-7890,Siti@Example.com,Bandung,Instagram,Dewi,2026-11-01 10:15,\"Tanya serum, minta diskon\",\"bundling, serum\"",
            "Budi Santoso,+62 813 1111 2222,,Cimahi,tiktok,rudi,02/11/2026,,",
        ]
        .join(eol)
            + eol;
        let t = Test::new().file("export.csv", csv);
        import(&t, "export.csv", &[])
            .code(0)
            .stderr_has("2 dibuat, 0 dilewati (sudah ada), 0 baris bermasalah");
        assert_eq!(
            read(&t, "customers/siti-rahma.yaml"),
            "name: Siti Rahma\nphone: \"0812-3456-7890\"\nemail: \"Siti@Example.com\"\ncity: Bandung\nsource: instagram\nadmin: dewi\nfirst_contact: 2026-11-01 10:15\ntags: [bundling, serum]\nnote: Tanya serum, minta diskon\n",
            "{eol:?}"
        );
        assert_eq!(
            field(&t, "budi-santoso", "first_contact").as_deref(),
            Some("2026-11-02 00:00")
        );
        t.run_args(&["check"]).code(0).no_diagnostics();
    }
}

#[test]
fn an_excel_csv_semicolon_bom_crlf_with_quoted_lines() {
    let csv = "\u{feff}Nama;No. WA;Kota;Sumber;Tanggal Chat;Keterangan;Umur\r\nSiti Rahma;81234567890;Bandung;instagram;01/11/2026 14.30;\"Mau yang 20ml;\r\nkatanya \"\"nanti\"\"\";31\r\nDewi Lestari;'081299998888;Jakarta;;7-Nov-26;;\r\n";
    let t = Test::new().file("excel.csv", csv);
    import(&t, "excel.csv", &[])
        .code(0)
        .stderr_has("excel.csv:1: kolom diabaikan: Umur");
    assert_eq!(
        read(&t, "customers/siti-rahma.yaml"),
        "name: Siti Rahma\nphone: \"081234567890\"\ncity: Bandung\nsource: instagram\nfirst_contact: 2026-11-01 14:30\nnote: \"Mau yang 20ml;\\nkatanya \\\"nanti\\\"\"\n"
    );
    assert_eq!(
        field(&t, "dewi-lestari", "phone").as_deref(),
        Some("\"081299998888\"")
    );
    t.run_args(&["check"]).code(0).no_diagnostics();
}

#[test]
fn an_ansi_csv_from_old_excel_is_refused_with_how_to_save_it() {
    // "José" and "Bandung – Dago" in Windows-1252, as Excel's plain "CSV" writes them.
    let mut csv = b"Nama;No HP;Kota\r\nSiti;0812-3456-7890;Bandung\r\nJos".to_vec();
    csv.extend_from_slice(b"\xe9;0813-1111-2222;Bandung \x96 Dago\r\n");
    let t = Test::new().file("ansi.csv", &csv);
    import(&t, "ansi.csv", &[])
        .code(1)
        .stderr_has("ansi.csv:3: berkas ini bukan teks UTF-8")
        .stderr_has("CSV UTF-8 (Comma delimited)");
    assert!(
        customers(&t).is_empty(),
        "nothing is guessed, nothing written"
    );
    let t = english().file("ansi.csv", &csv);
    import(&t, "ansi.csv", &[])
        .code(1)
        .stderr_has("this file is not UTF-8 text")
        .stderr_has("We do not guess the letters");
}

#[test]
fn a_libreoffice_csv_with_every_text_cell_quoted() {
    // LibreOffice's "Quote all text cells", dates as an Indonesian locale shows them.
    let csv = "\"nama\",\"no hp\",\"domisili\",\"tgl kontak pertama\",\"catatan\"\n\"Rina Wati\",\"0857 2222 3333\",\"Bekasi\",01/11/26,\"\"\n\"Tono\",\"\",\"\",\"1 Nov 2026\",\"Langganan lama\"\n";
    let t = Test::new().file("lo.csv", csv);
    import(&t, "lo.csv", &[]).code(0).stderr_lacks("error");
    assert_eq!(
        read(&t, "customers/rina-wati.yaml"),
        "name: Rina Wati\nphone: \"0857 2222 3333\"\ncity: Bekasi\nfirst_contact: 2026-11-01 00:00\n"
    );
    assert_eq!(field(&t, "tono", "note").as_deref(), Some("Langganan lama"));
}

#[test]
fn blank_rows_are_skipped_without_a_word() {
    let csv = "nama,no hp,kota,sumber,tanggal,catatan,tags\n,,,,,,\nSiti,0812-3456-7890,,,,,\n , ,,,,,\n\n\"\",,\nBudi,0813-1111-2222,,,,,\n,,,,,,\n";
    let t = Test::new().file("blank.csv", csv);
    import(&t, "blank.csv", &[])
        .code(0)
        .stderr_lacks("error")
        .stderr_has("2 dibuat, 0 dilewati (sudah ada), 0 baris bermasalah");
    assert_eq!(customers(&t), ["budi.yaml", "siti.yaml"]);
}

// ------------------------------------------------------------ dates and phones

#[test]
fn every_date_form_people_write() {
    let forms = [
        ("2026-11-01", "2026-11-01 00:00"),
        ("01/11/2026", "2026-11-01 00:00"),
        ("1/11/26", "2026-11-01 00:00"),
        ("1 Nov 2026", "2026-11-01 00:00"),
        ("1 November 2026", "2026-11-01 00:00"),
        ("1 Agustus 2026", "2026-08-01 00:00"),
        ("2 Mei 2026", "2026-05-02 00:00"),
        ("3 Oktober 2026", "2026-10-03 00:00"),
        ("4 Desember 2026", "2026-12-04 00:00"),
        ("5 Agu 2026", "2026-08-05 00:00"),
        ("6 Okt 2026", "2026-10-06 00:00"),
        ("7 Des 2026", "2026-12-07 00:00"),
        ("7-Nov-26", "2026-11-07 00:00"),
        ("8/11/2026 14:30", "2026-11-08 14:30"),
        ("9 Nov 2026 14.30", "2026-11-09 14:30"),
    ];
    let mut csv = String::from("nama,tanggal\n");
    for (i, (form, _)) in forms.iter().enumerate() {
        csv.push_str(&format!("Orang {i},{form}\n"));
    }
    let t = Test::new().file("dates.csv", csv);
    import(&t, "dates.csv", &[]).code(0).stderr_lacks("error");
    for (i, (form, want)) in forms.iter().enumerate() {
        assert_eq!(
            field(&t, &format!("orang-{i}"), "first_contact").as_deref(),
            Some(*want),
            "{form}"
        );
    }
}

#[test]
fn a_date_that_cannot_be_read_names_its_cell_and_the_forms() {
    let csv = "nama,tanggal\nSiti,2026-11-01\nBudi,31/02/2026\nAndi,minggu lalu\n";
    let t = Test::new().file("d.csv", csv);
    import(&t, "d.csv", &[])
        .code(1)
        .stderr_has("d.csv:3:6: error: kolom \"tanggal\": `31/02/2026` tidak bisa dibaca sebagai tanggal; tulis seperti 2026-11-01, 01/11/2026, 1/11/26, 1 Nov 2026, 1 Agustus 2026 atau 7-Nov-26")
        .stderr_has("d.csv:4:6: error:")
        .stderr_has("2 baris bermasalah; tidak ada yang ditulis");
    assert!(customers(&t).is_empty());
}

#[test]
fn without_a_date_column_the_summary_says_first_contact_is_now() {
    let t = Test::new().file("n.csv", "nama\nSiti\n");
    import(&t, "n.csv", &[])
        .code(0)
        .stderr_has("tidak ada kolom tanggal: first_contact pelanggan baru diisi waktu impor (2026-11-20 15:00)");
    assert_eq!(
        field(&t, "siti", "first_contact").as_deref(),
        Some("2026-11-20 15:00")
    );
    let t = english().file("n.csv", "name,date\nSiti,\nBudi,2026-11-01\n");
    import(&t, "n.csv", &[]).code(0).stderr_has(
        "1 rows without a date: their first_contact is the time of the import (2026-11-20 15:00)",
    );
}

#[test]
fn phones_a_spreadsheet_mangled_are_restored_or_refused() {
    let csv = "nama;no hp\nSiti;81355554444\nBudi;6,28123E+12\nAndi;6.28123E+12\nRina;6281277778888\nTono;8.1299990000E+10\n";
    let t = Test::new().file("p.csv", csv);
    import(&t, "p.csv", &[])
        .code(1)
        .stderr_has("p.csv:3:6: error: kolom \"no hp\": spreadsheet mengubah nomor ini menjadi 6,28123E+12 dan digitnya hilang; format kolom ini sebagai Teks (Text)")
        .stderr_has("p.csv:4:6: error:");
    let t = english().file("p.csv", csv);
    import(&t, "p.csv", &["--skip-bad"])
        .code(0)
        .stderr_has("p.csv:3:6: error: column \"no hp\": the spreadsheet turned the number into 6,28123E+12 and lost digits; format the column as Text")
        .stderr_has("3 created, 0 skipped (already there), 2 bad rows skipped");
    assert_eq!(
        field(&t, "siti", "phone").as_deref(),
        Some("\"081355554444\"")
    );
    assert_eq!(
        field(&t, "rina", "phone").as_deref(),
        Some("\"6281277778888\"")
    );
    assert_eq!(
        field(&t, "tono", "phone").as_deref(),
        Some("\"081299990000\"")
    );
    t.run_args(&["check"]).code(0).no_diagnostics();
}

// ------------------------------------------------------------ sources, admins, duplicates

#[test]
fn sources_and_admins_match_whatever_the_case() {
    let csv = "nama,sumber,admin\nSiti,INSTAGRAM,Dewi\nBudi,TikTok,RUDI\nAndi,facebok,dewi\nRina,whatsapp,bambang\n";
    let t = Test::new().file("s.csv", csv);
    import(&t, "s.csv", &[])
        .code(1)
        .stderr_has("s.csv:4:6: error: kolom \"sumber\": sumber `facebok` tidak ada di shop.toml; sumber yang ada: instagram, tiktok, whatsapp")
        .stderr_has("s.csv:5:15: error: kolom \"admin\": admin `bambang` tidak ada di shop.toml; admin yang ada: dewi, rudi");
    import(&t, "s.csv", &["--skip-bad"]).code(0);
    assert_eq!(field(&t, "siti", "source").as_deref(), Some("instagram"));
    assert_eq!(field(&t, "siti", "admin").as_deref(), Some("dewi"));
    assert_eq!(field(&t, "budi", "source").as_deref(), Some("tiktok"));
    assert_eq!(field(&t, "budi", "admin").as_deref(), Some("rudi"));
    t.run_args(&["check"]).code(0).no_diagnostics();
}

#[test]
fn a_phone_already_a_customers_is_not_created_again_and_is_named() {
    let t = Test::new()
        .file(
            "customers/siti-lama.yaml",
            "name: Siti Lama\nphone: \"+62 812 3456 7890\"\nfirst_contact: 2026-10-01\n",
        )
        .file(
            "dup.csv",
            "nama,no hp\nSiti Rahma,0812-3456-7890\nBudi,0813 1111 2222\nBudi Lagi,+62 813-1111-2222\nAndi,0857 0000 1111\n",
        );
    let before = read(&t, "customers/siti-lama.yaml");
    import(&t, "dup.csv", &["--skip-bad"])
        .code(0)
        .stderr_has("dup.csv:2: dilewati: Siti Rahma sudah ada di toko: customers/siti-lama.yaml (nomor HP sama)")
        .stderr_has("dup.csv:4: dilewati: Budi Lagi sudah ada di baris 3 berkas ini (nomor HP sama)")
        .stderr_has("2 dibuat, 2 dilewati (sudah ada), 0 baris bermasalah");
    assert_eq!(customers(&t), ["andi.yaml", "budi.yaml", "siti-lama.yaml"]);
    assert_eq!(read(&t, "customers/siti-lama.yaml"), before);
}

#[test]
fn many_rows_already_there_are_named_in_one_line() {
    let mut csv = String::from("nama,no hp\n");
    for i in 0..30 {
        csv.push_str(&format!("Pelanggan {i},0812{i:08}\n"));
    }
    let t = Test::new().file("big.csv", &csv);
    import(&t, "big.csv", &[]).code(0);
    csv.push_str("Baru,0899 1234 5678\n");
    std::fs::write(t.path().join("big.csv"), &csv).expect("write");
    let out = import(&t, "big.csv", &[]);
    out.code(0)
        .stderr_has("big.csv: 30 baris sudah ada di toko (nomor HP, email atau nama sama), dilewati: baris 2–31")
        .stderr_has("1 dibuat, 30 dilewati (sudah ada)");
    assert!(out.stderr.lines().count() < 5, "{}", out.stderr);
}

// ------------------------------------------------------------ the import's promises

#[test]
fn a_dry_run_shows_exactly_what_would_be_written() {
    let csv = "nama,no hp,kota,tanggal\nSiti Rahma,0812-3456-7890,Bandung,1 Nov 2026\nBudi,,,\n";
    let t = Test::new().file("dry.csv", csv);
    let out = import(&t, "dry.csv", &["--dry-run"]);
    out.code(0)
        .stderr_has("2 akan dibuat, 0 dilewati (sudah ada), 0 baris bermasalah")
        .stderr_has("1 baris tanpa tanggal");
    assert_eq!(
        out.stdout.replace(&out.root, ""),
        "akan dibuat: customers/siti-rahma.yaml\n    name: Siti Rahma\n    phone: \"0812-3456-7890\"\n    city: Bandung\n    first_contact: 2026-11-01 00:00\nakan dibuat: customers/budi.yaml\n    name: Budi\n    first_contact: 2026-11-20 15:00\n"
    );
    assert!(customers(&t).is_empty(), "a dry run writes nothing");
    import(&t, "dry.csv", &[]).code(0);
    assert_eq!(
        read(&t, "customers/siti-rahma.yaml"),
        "name: Siti Rahma\nphone: \"0812-3456-7890\"\ncity: Bandung\nfirst_contact: 2026-11-01 00:00\n"
    );
    let en = english().file("dry.csv", csv);
    import(&en, "dry.csv", &["--dry-run"])
        .code(0)
        .stdout_has("would create: ")
        .stderr_has("2 to create, 0 skipped (already there), 0 bad rows");
}

#[test]
fn one_bad_row_writes_nothing_and_every_bad_row_is_named() {
    let csv = "nama,no hp,email,tanggal\nSiti,0812-3456-7890,,\n,0813 1111 2222,x@y.z,\nBudi,12345,,\nAndi,,bukan-email,\nRina,0857 0000 1111,,2026-13-01\n";
    let t = Test::new().file("bad.csv", csv);
    import(&t, "bad.csv", &[])
        .code(1)
        .stderr_has("bad.csv:3:1: error: nama kosong")
        .stderr_has("bad.csv:4:6: error: kolom \"no hp\": `12345` bukan nomor HP Indonesia")
        .stderr_has("bad.csv:5:7: error: kolom \"email\":")
        .stderr_has("bad.csv:6:22: error: kolom \"tanggal\":")
        .stderr_has("4 baris bermasalah; tidak ada yang ditulis (perbaiki, atau pakai --skip-bad)");
    assert!(customers(&t).is_empty(), "all or nothing");
    let out = import(&t, "bad.csv", &["--skip-bad"]);
    out.code(0)
        .stderr_has("bad.csv:3:1: error: nama kosong")
        .stderr_has("bad.csv:6:22: error:")
        .stderr_has("1 dibuat, 0 dilewati (sudah ada), 4 baris bermasalah dilewati");
    assert_eq!(customers(&t), ["siti.yaml"]);
}

#[test]
fn importing_the_same_file_twice_changes_nothing_the_second_time() {
    let csv =
        "nama,no hp,email,kota\nSiti,0812-3456-7890,,Bandung\nBudi,,budi@example.com,\nAndi,,,\n";
    let t = Test::new().file("twice.csv", csv);
    import(&t, "twice.csv", &[]).code(0).stderr_has("3 dibuat");
    let once = support::files(t.path());
    // Andi has neither phone nor email: the name is what tells it is him.
    import(&t, "twice.csv", &[])
        .code(0)
        .stderr_has("twice.csv:4: dilewati: Andi sudah ada di toko: customers/andi.yaml (nama sama, tanpa nomor HP dan email)")
        .stderr_has("0 dibuat, 3 dilewati (sudah ada), 0 baris bermasalah");
    let twice = support::files(t.path());
    let records = |f: &std::collections::BTreeMap<String, Vec<u8>>| {
        f.iter()
            .filter(|(k, _)| !k.starts_with(".langgan"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(records(&twice), records(&once));
}

#[test]
fn import_csv_is_the_same_command() {
    let t = Test::new().file("a.csv", "nama,no hp\nSiti,0812-3456-7890\n");
    let path = t.path().join("a.csv").display().to_string();
    t.run_args(&["--now", NOW, "import", "csv", &path, "--dry-run"])
        .code(0)
        .stdout_has("customers/siti.yaml");
    t.run_args(&["import", "--help"])
        .code(0)
        .stdout_has("customers");
}

// ------------------------------------------------------------ .xlsx workbooks

/// A workbook as a shop keeps it: a customer sheet with a title row, real
/// date cells, a phone as a number cell and as a text cell, a blank row and
/// one bad row; a sheet of source names (no name column); a second
/// customer sheet.
fn workbook(bad: bool) -> Vec<u8> {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let date_time = Format::new().set_num_format("dd/mm/yyyy hh:mm");
    let ws = wb.add_worksheet();
    ws.set_name("Pelanggan").expect("name");
    ws.write_string(0, 0, "Data Pelanggan Toko Uji").expect("w");
    for (c, h) in ["Nama", "No. HP", "Kota", "Sumber", "Tanggal", "Catatan"]
        .iter()
        .enumerate()
    {
        ws.write_string(1, c as u16, *h).expect("w");
    }
    ws.write_string(2, 0, "Siti Rahma").expect("w");
    ws.write_number(2, 1, 81355554444.0).expect("w");
    ws.write_string(2, 2, "Bandung").expect("w");
    ws.write_string(2, 3, "Instagram").expect("w");
    let d = ExcelDateTime::from_ymd(2026, 11, 1)
        .and_then(|d| d.and_hms(14, 30, 0))
        .expect("date");
    ws.write_datetime_with_format(2, 4, &d, &date_time)
        .expect("w");
    ws.write_string(3, 0, "Budi").expect("w");
    ws.write_string(3, 1, "0813-1111-2222").expect("w");
    let d = ExcelDateTime::from_ymd(2026, 8, 17).expect("date");
    ws.write_datetime_with_format(3, 4, &d, &date).expect("w");
    ws.write_number(3, 5, 2.0).expect("w");
    // Row 5 is blank; row 6 a serial number without a date format.
    ws.write_string(5, 0, "Andi").expect("w");
    ws.write_number(5, 4, 46327.0).expect("w");
    if bad {
        ws.write_string(6, 0, "Rina").expect("w");
        ws.write_string(6, 1, "6,28123E+12").expect("w");
        ws.write_string(6, 4, "besok").expect("w");
    }
    let ws = wb.add_worksheet();
    ws.set_name("Sumber").expect("name");
    ws.write_string(0, 0, "sumber").expect("w");
    ws.write_string(1, 0, "instagram").expect("w");
    let ws = wb.add_worksheet();
    ws.set_name("Pelanggan Lama").expect("name");
    ws.write_string(0, 0, "name").expect("w");
    ws.write_string(0, 1, "whatsapp").expect("w");
    ws.write_string(1, 0, "Tono").expect("w");
    ws.write_number(1, 1, 6285700001111.0).expect("w");
    wb.save_to_buffer().expect("xlsx")
}

#[test]
fn an_xlsx_workbook_with_date_cells_number_phones_and_sheets() {
    let t = Test::new().file("pelanggan.xlsx", workbook(false));
    import(&t, "pelanggan.xlsx", &[])
        .code(0)
        .stderr_has("pelanggan.xlsx: sheet \"Sumber\" dilewati: tidak ada kolom nama")
        .stderr_has("4 dibuat, 0 dilewati (sudah ada), 0 baris bermasalah")
        .stderr_lacks("error");
    assert_eq!(
        read(&t, "customers/siti-rahma.yaml"),
        "name: Siti Rahma\nphone: \"081355554444\"\ncity: Bandung\nsource: instagram\nfirst_contact: 2026-11-01 14:30\n"
    );
    assert_eq!(
        read(&t, "customers/budi.yaml"),
        "name: Budi\nphone: \"0813-1111-2222\"\nfirst_contact: 2026-08-17 00:00\nnote: \"2\"\n"
    );
    assert_eq!(
        field(&t, "andi", "first_contact").as_deref(),
        Some("2026-11-01 00:00")
    );
    assert_eq!(
        field(&t, "tono", "phone").as_deref(),
        Some("\"6285700001111\"")
    );
    t.run_args(&["check"]).code(0).no_diagnostics();
    // Twice: nothing changes.
    let once = support::files(&t.path().join("customers"));
    import(&t, "pelanggan.xlsx", &[])
        .code(0)
        .stderr_has("0 dibuat, 4 dilewati (sudah ada)");
    assert_eq!(support::files(&t.path().join("customers")), once);
}

#[test]
fn a_bad_xlsx_row_is_named_by_sheet_row_and_cell() {
    let t = Test::new().file("p.xlsx", workbook(true));
    import(&t, "p.xlsx", &[])
        .code(1)
        .stderr_has("p.xlsx: sheet \"Pelanggan\" baris 7 (sel B7): error: kolom \"No. HP\": spreadsheet mengubah nomor ini menjadi 6,28123E+12 dan digitnya hilang")
        .stderr_has("p.xlsx: sheet \"Pelanggan\" baris 7 (sel E7): error: kolom \"Tanggal\": `besok` tidak bisa dibaca sebagai tanggal");
    assert!(customers(&t).is_empty());
    let t = english().file("p.xlsx", workbook(true));
    import(&t, "p.xlsx", &["--skip-bad"])
        .code(0)
        .stderr_has("p.xlsx: sheet \"Pelanggan\" row 7 (cell B7): error: column \"No. HP\": the spreadsheet turned the number into 6,28123E+12 and lost digits")
        .stderr_has("4 created, 0 skipped (already there), 1 bad rows skipped");
}

#[test]
fn a_file_that_is_no_workbook_says_so() {
    let t = Test::new().file("broken.xlsx", b"PK\x03\x04not really a zip");
    import(&t, "broken.xlsx", &[])
        .code(1)
        .stderr_has("broken.xlsx: workbook ini tidak bisa dibaca");
    let t = Test::new().file("kosong.csv", "");
    import(&t, "kosong.csv", &[])
        .code(1)
        .stderr_has("kosong.csv: berkas ini kosong");
    let t = Test::new().file("x.csv", "umur,kota\n30,Bandung\n");
    import(&t, "x.csv", &[])
        .code(1)
        .stderr_has("x.csv:1: tidak ada kolom nama");
}
