//! What `import customers` (alias `import csv`) says, in Bahasa Indonesia
//! or English: where a row is, why it is bad or skipped, why a file cannot
//! be read, and the summary.

use super::pick;
use crate::shop::config::Lang;

/// Fixed words of the import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportWord {
    /// Before the header cells no field is named by.
    ColumnsIgnored,
    /// A row with cells but no name.
    NameEmpty,
    /// `--dry-run`: before each file.
    WouldCreate,
    /// Before why a row was not imported.
    Skipped,
}

impl ImportWord {
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            ImportWord::ColumnsIgnored => pick(lang, "kolom diabaikan", "columns ignored"),
            ImportWord::NameEmpty => pick(lang, "nama kosong", "name is empty"),
            ImportWord::WouldCreate => pick(lang, "akan dibuat:", "would create:"),
            ImportWord::Skipped => pick(lang, "dilewati", "skipped"),
        }
    }
}

/// A row of a workbook: `data.xlsx: sheet "Pelanggan" baris 5`, with the
/// cell when there is one (`(sel C5)`). CSV rows are `data.csv:5:3`.
pub fn workbook_place(
    file: &str,
    sheet: &str,
    row: usize,
    cell: Option<&str>,
    lang: Lang,
) -> String {
    let (row_word, cell_word) = match lang {
        Lang::Id => ("baris", "sel"),
        Lang::En => ("row", "cell"),
    };
    match cell {
        Some(c) => format!("{file}: sheet \"{sheet}\" {row_word} {row} ({cell_word} {c})"),
        None => format!("{file}: sheet \"{sheet}\" {row_word} {row}"),
    }
}

/// A row said inside a sentence (`baris 3`, `sheet "Pelanggan" baris 3`);
/// also rows, as runs (`baris 2–9, 12`).
pub fn row_ref(sheet: Option<&str>, rows: &str, lang: Lang) -> String {
    match sheet {
        Some(s) => format!("sheet \"{s}\" {} {rows}", pick(lang, "baris", "row")),
        None => format!("{} {rows}", pick(lang, "baris", "line")),
    }
}

/// How to save a sheet so that it can be read: said by every refusal of a
/// file's encoding.
fn save_as_utf8(lang: Lang) -> &'static str {
    pick(
        lang,
        "buka di Excel, pilih File › Save As (Simpan Sebagai) › \"CSV UTF-8 (Comma delimited) (*.csv)\", lalu impor berkas itu — atau simpan sebagai .xlsx; di Google Sheets: File › Download › CSV",
        "open it in Excel, choose File › Save As › \"CSV UTF-8 (Comma delimited) (*.csv)\" and import that file — or save it as .xlsx; in Google Sheets: File › Download › CSV",
    )
}

/// A text file that is not UTF-8 (an ANSI / Windows-1252 export).
pub fn not_utf8(file: &str, line: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "{file}:{line}: berkas ini bukan teks UTF-8 (mungkin disimpan sebagai \"CSV (Comma delimited)\" biasa, yang memakai huruf ANSI/Windows-1252). Kami tidak menebak hurufnya, supaya nama pelanggan tidak berubah; {}.",
            save_as_utf8(lang)
        ),
        Lang::En => format!(
            "{file}:{line}: this file is not UTF-8 text (it was probably saved as plain \"CSV (Comma delimited)\", which uses ANSI/Windows-1252 letters). We do not guess the letters, so that no customer's name changes; {}.",
            save_as_utf8(lang)
        ),
    }
}

/// A UTF-16 text file (Excel's "Unicode Text").
pub fn utf16(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "{file}: berkas ini teks UTF-16 (\"Unicode Text\" dari Excel), bukan CSV UTF-8; {}.",
            save_as_utf8(lang)
        ),
        Lang::En => format!(
            "{file}: this file is UTF-16 text (Excel's \"Unicode Text\"), not CSV UTF-8; {}.",
            save_as_utf8(lang)
        ),
    }
}

/// A quoted CSV field that is never closed.
pub fn unclosed_quote(file: &str, line: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "{file}:{line}: ada tanda kutip `\"` yang dibuka di baris ini tetapi tidak pernah ditutup"
        ),
        Lang::En => format!("{file}:{line}: a quoted field opened on this line is never closed (a `\"` is missing)"),
    }
}

/// A workbook that cannot be read.
pub fn unreadable_workbook(file: &str, why: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "{file}: workbook ini tidak bisa dibaca ({why}); kalau diberi kata sandi, buka kuncinya dulu, lalu simpan lagi dari Excel sebagai .xlsx atau sebagai CSV UTF-8"
        ),
        Lang::En => format!(
            "{file}: this workbook cannot be read ({why}); if it has a password, remove it, then save it again from Excel as .xlsx or as CSV UTF-8"
        ),
    }
}

pub fn empty_file(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{file}: berkas ini kosong"),
        Lang::En => format!("{file}: the file is empty"),
    }
}

/// No sheet has a header with a name column.
pub fn no_name_column(place: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "{place}: tidak ada kolom nama; baris judul perlu kolom `nama` (atau `name`), dan boleh ada no hp, email, kota, sumber, admin, tanggal, catatan, tags"
        ),
        Lang::En => format!(
            "{place}: no name column; the header needs `nama` (or `name`), and may have no hp, email, kota, sumber, admin, tanggal, catatan, tags"
        ),
    }
}

/// A sheet of a workbook without a name column, left out.
pub fn sheet_left_out(file: &str, sheet: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{file}: sheet \"{sheet}\" dilewati: tidak ada kolom nama"),
        Lang::En => format!("{file}: sheet \"{sheet}\" left out: it has no name column"),
    }
}

/// A message about one cell, said with its column's header.
pub fn in_column(header: &str, message: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("kolom \"{header}\": {message}"),
        Lang::En => format!("column \"{header}\": {message}"),
    }
}

/// A phone that the spreadsheet turned into a scientific number.
pub fn phone_lost(shown: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "spreadsheet mengubah nomor ini menjadi {shown} dan digitnya hilang; format kolom ini sebagai Teks (Text), isi lagi nomornya, lalu ekspor lagi"
        ),
        Lang::En => format!(
            "the spreadsheet turned the number into {shown} and lost digits; format the column as Text, enter the numbers again and export again"
        ),
    }
}

/// A phone cell that is no Indonesian phone number.
pub fn not_a_phone(shown: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "`{shown}` bukan nomor HP Indonesia; tulis seperti 0812-3456-7890 atau +62 812 3456 7890"
        ),
        Lang::En => format!(
            "`{shown}` is not an Indonesian phone number; write it like 0812-3456-7890 or +62 812 3456 7890"
        ),
    }
}

/// A date that cannot be read, with the forms that can.
pub fn not_a_date(shown: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "`{shown}` tidak bisa dibaca sebagai tanggal; tulis seperti 2026-11-01, 01/11/2026, 1/11/26, 1 Nov 2026, 1 Agustus 2026 atau 7-Nov-26 (boleh dengan jam: 14:30 atau 14.30)"
        ),
        Lang::En => format!(
            "`{shown}` cannot be read as a date; write it like 2026-11-01, 01/11/2026, 1/11/26, 1 Nov 2026, 1 Agustus 2026 or 7-Nov-26 (a time may follow: 14:30 or 14.30)"
        ),
    }
}

/// A source or admin shop.toml does not list.
pub fn unknown_name(
    what: Listed,
    value: &str,
    suggestion: Option<&str>,
    known: &[String],
    lang: Lang,
) -> String {
    let known = known.join(", ");
    let hint = suggestion
        .map(|s| match lang {
            Lang::Id => format!(" (maksudnya `{s}`?)"),
            Lang::En => format!(" (did you mean `{s}`?)"),
        })
        .unwrap_or_default();
    match (what, lang) {
        (Listed::Source, Lang::Id) => format!(
            "sumber `{value}` tidak ada di shop.toml{hint}; sumber yang ada: {known} (tambahkan di `sources` kalau memang baru)"
        ),
        (Listed::Source, Lang::En) => format!(
            "source `{value}` is not in shop.toml{hint}; the sources there: {known} (add it to `sources` if it is a new one)"
        ),
        (Listed::Admin, Lang::Id) => format!(
            "admin `{value}` tidak ada di shop.toml{hint}; admin yang ada: {known}"
        ),
        (Listed::Admin, Lang::En) => {
            format!("admin `{value}` is not in shop.toml{hint}; the admins there: {known}")
        }
    }
}

/// What shop.toml lists that a row must name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listed {
    Source,
    Admin,
}

/// Why a row was not created: the person is already a customer, or was
/// an earlier row of this file.
pub fn already(name: &str, same: Same, existing: Existing<'_>, lang: Lang) -> String {
    let same = match (same, lang) {
        (Same::Phone, Lang::Id) => "nomor HP sama",
        (Same::Email, Lang::Id) => "email sama",
        (Same::Name, Lang::Id) => "nama sama, tanpa nomor HP dan email",
        (Same::Phone, Lang::En) => "same phone",
        (Same::Email, Lang::En) => "same email",
        (Same::Name, Lang::En) => "same name, no phone or email",
    };
    match (existing, lang) {
        (Existing::Shop(path), Lang::Id) => format!("{name} sudah ada di toko: {path} ({same})"),
        (Existing::Shop(path), Lang::En) => {
            format!("{name} is already a customer: {path} ({same})")
        }
        (Existing::Row(at), Lang::Id) => format!("{name} sudah ada di {at} berkas ini ({same})"),
        (Existing::Row(at), Lang::En) => format!("{name} is already on {at} of this file ({same})"),
    }
}

/// What tells that a row is a person already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Same {
    Phone,
    Email,
    /// Neither has a phone or an email: the name is all there is.
    Name,
}

/// Who a row is the same person as.
#[derive(Debug, Clone, Copy)]
pub enum Existing<'a> {
    /// A customer file of the shop.
    Shop(&'a str),
    /// An earlier row of the file (`baris 2`).
    Row(&'a str),
}

/// Many rows already in the shop, said in one line: `…: 1990 baris sudah
/// ada di toko (nomor HP atau email sama), dilewati: baris 2–1991`.
pub fn many_already(file: &str, rows: usize, where_: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "{file}: {rows} baris sudah ada di toko (nomor HP, email atau nama sama), dilewati: {where_}"
        ),
        Lang::En => format!(
            "{file}: {rows} rows are already customers (same phone, email or name), skipped: {where_}"
        ),
    }
}

/// `import` refusing a file with bad rows.
pub fn import_refused(bad_rows: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "{bad_rows} baris bermasalah; tidak ada yang ditulis (perbaiki, atau pakai --skip-bad)"
        ),
        Lang::En => {
            format!("{bad_rows} bad rows; nothing was written (fix them, or use --skip-bad)")
        }
    }
}

/// The last line of `import`.
pub fn import_summary(
    created: usize,
    dry_run: bool,
    skipped: usize,
    bad_rows: usize,
    lang: Lang,
) -> String {
    match lang {
        Lang::Id => format!(
            "{created} {}, {skipped} dilewati (sudah ada), {bad_rows} baris bermasalah{}",
            if dry_run { "akan dibuat" } else { "dibuat" },
            if bad_rows > 0 { " dilewati" } else { "" },
        ),
        Lang::En => format!(
            "{created} {}, {skipped} skipped (already there), {bad_rows} bad rows{}",
            if dry_run { "to create" } else { "created" },
            if bad_rows > 0 { " skipped" } else { "" },
        ),
    }
}

/// Said once when the file has no date column: every new customer's first
/// contact is the import's time.
pub fn no_date_column(now: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "tidak ada kolom tanggal: first_contact pelanggan baru diisi waktu impor ({now})"
        ),
        Lang::En => format!(
            "no date column: the new customers' first_contact is the time of the import ({now})"
        ),
    }
}

/// Said once when some rows have an empty date cell.
pub fn rows_without_date(rows: usize, now: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => {
            format!("{rows} baris tanpa tanggal: first_contact-nya diisi waktu impor ({now})")
        }
        Lang::En => format!(
            "{rows} rows without a date: their first_contact is the time of the import ({now})"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages() {
        assert_eq!(
            workbook_place("a.xlsx", "Pelanggan", 5, Some("C5"), Lang::Id),
            "a.xlsx: sheet \"Pelanggan\" baris 5 (sel C5)"
        );
        assert_eq!(
            workbook_place("a.xlsx", "Sheet1", 5, None, Lang::En),
            "a.xlsx: sheet \"Sheet1\" row 5"
        );
        assert!(phone_lost("6,28123E+12", Lang::En).starts_with(
            "the spreadsheet turned the number into 6,28123E+12 and lost digits; format the column as Text"
        ));
        assert!(!not_utf8("a.csv", 2, Lang::Id).contains("galat"));
        assert_eq!(
            import_summary(0, false, 3, 0, Lang::Id),
            "0 dibuat, 3 dilewati (sudah ada), 0 baris bermasalah"
        );
    }
}
