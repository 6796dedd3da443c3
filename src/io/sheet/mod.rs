//! A spreadsheet as the imports see it: sheets of rows of cells (text,
//! number, date or empty), each cell knowing where it is — its line and
//! column in a CSV file, its sheet, row and column in a workbook — so a bad
//! row is named the way the person who made the file can find it.
//!
//! CSV files come as Google Sheets, Excel and LibreOffice write them (`,`,
//! `;` or tab, BOM or not, CRLF, quoted fields; [`super::csv`]); workbooks
//! (`.xlsx`, and `.xls` / `.ods`, which calamine reads the same way) are
//! recognised from their first bytes, not their name. A text file that is
//! not UTF-8 is refused, not guessed at: an ANSI export's `é` and a
//! Windows-1252 `’` would become other letters in a customer's name.
//!
//! Header cells are matched to fields by [`find_header`]; [`date`],
//! [`phone`] and [`money`] read what spreadsheets make of dates, phone
//! numbers and amounts.

pub mod date;
pub mod money;
pub mod phone;

use jiff::civil::DateTime;
use std::path::Path;

/// What a cell holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    /// A number cell of a workbook (CSV cells are always text).
    Number(f64),
    /// A date cell of a workbook.
    Date(DateTime),
}

impl Value {
    /// The cell as text, trimmed; `None` when it is empty or only spaces.
    /// A whole number is written without `.0`; a date as `2026-11-01 14:30`.
    pub fn text(&self) -> Option<String> {
        let s = match self {
            Value::Empty => return None,
            Value::Text(t) => t.trim().to_string(),
            Value::Number(n) => number_text(*n),
            Value::Date(d) => d.strftime("%Y-%m-%d %H:%M").to_string(),
        };
        (!s.is_empty()).then_some(s)
    }

    pub fn is_blank(&self) -> bool {
        self.text().is_none()
    }
}

/// A number as a person would write it: `81355554444`, `12.5`.
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// One cell and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub value: Value,
    /// 1-based: the CSV line the cell starts on, or the sheet's row.
    pub line: usize,
    /// 1-based: the character column in the CSV line, or the sheet's column.
    pub col: usize,
    /// CSV only: byte offset of the cell in [`Book::text`], and the
    /// characters it takes on its line (for a caret under it).
    pub offset: usize,
    pub width: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 1-based: the CSV line the row starts on, or the sheet's row.
    pub line: usize,
    pub cells: Vec<Cell>,
}

impl Row {
    /// All cells empty (`,,,,,`): a blank row, skipped without a word.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.value.is_blank())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The sheet's name in a workbook; `None` for a CSV file.
    pub name: Option<String>,
    pub rows: Vec<Row>,
}

/// What kind of file it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Csv,
    Workbook,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Book {
    pub kind: Kind,
    /// A CSV file's text (for the source line under a problem); empty for a
    /// workbook.
    pub text: String,
    pub sheets: Vec<Sheet>,
}

/// Why a file cannot be read as a spreadsheet.
#[derive(Debug)]
pub enum SheetError {
    Io(std::io::Error),
    /// Text that is not UTF-8 (an ANSI / Windows-1252 export); the line of
    /// the first byte that is not.
    NotUtf8 {
        line: usize,
    },
    /// UTF-16 text (Excel's "Unicode Text").
    Utf16,
    /// A quoted CSV field that never ends; the line where it begins.
    Unclosed {
        line: usize,
    },
    /// A workbook calamine cannot read (damaged, password-protected).
    Workbook(String),
}

/// Reads a whole file.
pub fn read(path: &Path) -> Result<Book, SheetError> {
    let bytes = std::fs::read(path).map_err(SheetError::Io)?;
    parse(bytes)
}

/// A file's bytes as a spreadsheet: a workbook when they start like one
/// (zip: `.xlsx`/`.ods`; OLE: `.xls`), else CSV text.
pub fn parse(bytes: Vec<u8>) -> Result<Book, SheetError> {
    const ZIP: &[u8] = b"PK\x03\x04";
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0];
    if bytes.starts_with(ZIP) || bytes.starts_with(OLE) {
        return workbook(bytes);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(SheetError::Utf16);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        SheetError::NotUtf8 {
            line: good.iter().filter(|&&b| b == b'\n').count() + 1,
        }
    })?;
    let rows = super::csv::parse(&text).map_err(|line| SheetError::Unclosed { line })?;
    let rows = rows
        .into_iter()
        .map(|r| Row {
            line: r.line,
            cells: r
                .fields
                .into_iter()
                .map(|f| Cell {
                    value: if f.text.is_empty() {
                        Value::Empty
                    } else {
                        Value::Text(f.text)
                    },
                    line: f.line,
                    col: f.col,
                    offset: f.offset,
                    width: f.width,
                })
                .collect(),
        })
        .collect();
    Ok(Book {
        kind: Kind::Csv,
        text,
        sheets: vec![Sheet { name: None, rows }],
    })
}

fn workbook(bytes: Vec<u8>) -> Result<Book, SheetError> {
    use calamine::{Data, Reader, SheetType};
    let mut wb = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| SheetError::Workbook(e.to_string()))?;
    let names: Vec<String> = wb
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
    let mut sheets = Vec::new();
    for name in names {
        let range = wb
            .worksheet_range(&name)
            .map_err(|e| SheetError::Workbook(e.to_string()))?;
        let (top, left) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, cells)| {
                let line = top as usize + i + 1;
                Row {
                    line,
                    cells: cells
                        .iter()
                        .enumerate()
                        .map(|(j, d)| Cell {
                            value: match d {
                                Data::Empty => Value::Empty,
                                Data::String(s) => Value::Text(s.clone()),
                                Data::Int(n) => Value::Number(*n as f64),
                                Data::Float(f) => Value::Number(*f),
                                Data::Bool(b) => Value::Text(b.to_string().to_uppercase()),
                                Data::DateTime(dt) if dt.is_datetime() => {
                                    let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
                                    jiff::civil::DateTime::new(
                                        y as i16, mo as i8, d as i8, h as i8, mi as i8, s as i8, 0,
                                    )
                                    .map_or_else(|_| Value::Number(dt.as_f64()), Value::Date)
                                }
                                Data::DateTime(dt) => Value::Number(dt.as_f64()),
                                Data::DateTimeIso(s) | Data::DurationIso(s) => {
                                    Value::Text(s.clone())
                                }
                                Data::Error(e) => Value::Text(e.to_string()),
                            },
                            line,
                            col: left as usize + j + 1,
                            offset: 0,
                            width: 0,
                        })
                        .collect(),
                }
            })
            .collect();
        sheets.push(Sheet {
            name: Some(name),
            rows,
        });
    }
    Ok(Book {
        kind: Kind::Workbook,
        text: String::new(),
        sheets,
    })
}

/// A workbook column's letters: 1 → `A`, 27 → `AA`.
pub fn column_letters(mut col: usize) -> String {
    let mut s = Vec::new();
    while col > 0 {
        let r = (col - 1) % 26;
        s.push(b'A' + r as u8);
        col = (col - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// A header cell as compared: lowercase letters and digits only, so case,
/// spaces, dots, dashes and underscores do not matter (`No. HP` = `no hp` =
/// `NO_HP` → `nohp`).
pub fn header_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The same without what is in parentheses (`No HP (WA)` → `nohp`), tried
/// when the whole header names no field.
fn header_key_bare(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    header_key(&out)
}

/// A field and the headers that name it, as people write them.
pub type Variants<F> = (F, &'static [&'static str]);

/// A sheet's header row and what each of its columns holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Header<F> {
    /// Index of the header row in [`Sheet::rows`].
    pub index: usize,
    /// The field of each column, `None` for a column no field is named by.
    pub fields: Vec<Option<F>>,
    /// Each column's header as written (trimmed), to name it in messages.
    pub names: Vec<Option<String>>,
    /// The non-empty header cells that name no field, in order, once each.
    pub ignored: Vec<String>,
}

impl<F> Header<F> {
    /// The header of column `index` (0-based), or its letter when it has none.
    pub fn name(&self, index: usize) -> String {
        self.names
            .get(index)
            .cloned()
            .flatten()
            .unwrap_or_else(|| column_letters(index + 1))
    }
}

/// How many non-blank rows from the top are looked through for the header
/// (a sheet may have a title row or two above it).
const HEADER_WITHIN: usize = 5;

/// The field a header cell names, if any.
pub fn field_of<F: Copy>(header: &str, table: &[Variants<F>]) -> Option<F> {
    let find = |key: &str| {
        table
            .iter()
            .find(|(_, names)| names.iter().any(|n| header_key(n) == key))
            .map(|(f, _)| *f)
    };
    let key = header_key(header);
    if key.is_empty() {
        return None;
    }
    find(&key).or_else(|| find(&header_key_bare(header)))
}

/// The header: the first of the first few non-blank rows with a column
/// naming `required`; `None` when there is none.
pub fn find_header<F: Copy + PartialEq>(
    sheet: &Sheet,
    table: &[Variants<F>],
    required: F,
) -> Option<Header<F>> {
    let (index, row) = sheet
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_blank())
        .take(HEADER_WITHIN)
        .find(|(_, r)| {
            r.cells.iter().any(|c| {
                c.value
                    .text()
                    .and_then(|h| field_of(&h, table))
                    .is_some_and(|f| f == required)
            })
        })?;
    let mut ignored: Vec<String> = Vec::new();
    let fields = row
        .cells
        .iter()
        .map(|c| {
            let h = c.value.text()?;
            let f = field_of(&h, table);
            if f.is_none() && !ignored.contains(&h) {
                ignored.push(h);
            }
            f
        })
        .collect();
    Some(Header {
        index,
        fields,
        names: row.cells.iter().map(|c| c.value.text()).collect(),
        ignored,
    })
}

/// How the date columns of these sheets write their numeric dates
/// ([`date::day_order`]): the columns are those whose field `is_date`.
pub fn day_order_of<F: Copy>(
    sheets: &[(&Sheet, Header<F>)],
    is_date: impl Fn(F) -> bool,
) -> date::DayOrder {
    let mut texts = Vec::new();
    for (sheet, header) in sheets {
        let columns: Vec<usize> = (0..header.fields.len())
            .filter(|&i| header.fields[i].is_some_and(&is_date))
            .collect();
        for row in sheet.rows.iter().skip(header.index + 1) {
            for &i in &columns {
                if let Some(Cell {
                    value: Value::Text(t),
                    ..
                }) = row.cells.get(i)
                {
                    texts.push(t.as_str());
                }
            }
        }
    }
    date::day_order(texts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum F {
        Name,
        Phone,
    }
    const TABLE: &[Variants<F>] = &[
        (F::Name, &["nama", "name"]),
        (F::Phone, &["no hp", "no. wa", "whatsapp"]),
    ];

    #[test]
    fn headers_match_whatever_the_case_and_punctuation() {
        for h in [
            " No HP ",
            "NO_HP",
            "no.hp",
            "No. WA",
            "WhatsApp",
            "No HP (aktif)",
        ] {
            assert_eq!(field_of(h, TABLE), Some(F::Phone), "{h}");
        }
        assert_eq!(field_of("NAMA", TABLE), Some(F::Name));
        assert_eq!(field_of("umur", TABLE), None);
        assert_eq!(field_of("()", TABLE), None);
    }

    #[test]
    fn the_header_may_sit_below_a_title() {
        let book = parse(b"Data Pelanggan;;\n;;\nNama;No HP;Umur;Umur\nSiti;0812;30\n".to_vec())
            .expect("csv");
        let h = find_header(&book.sheets[0], TABLE, F::Name).expect("header");
        // The `;;` row is kept (blank); the header is the third row.
        assert_eq!(h.index, 2);
        assert_eq!(h.fields, vec![Some(F::Name), Some(F::Phone), None, None]);
        assert_eq!(h.ignored, vec!["Umur".to_string()]);
        assert_eq!(book.sheets[0].rows[2].line, 3);
    }

    #[test]
    fn text_that_is_not_utf8_is_refused_with_its_line() {
        // "José" in Windows-1252, as Excel's plain "CSV" saves it.
        let ansi = b"nama,kota\nJos\xe9,Bandung\n".to_vec();
        assert!(matches!(parse(ansi), Err(SheetError::NotUtf8 { line: 2 })));
        assert!(matches!(
            parse(b"\xff\xfen\x00a\x00".to_vec()),
            Err(SheetError::Utf16)
        ));
        assert!(matches!(
            parse(b"PK\x03\x04garbage".to_vec()),
            Err(SheetError::Workbook(_))
        ));
    }

    #[test]
    fn cells_as_text() {
        assert_eq!(
            Value::Number(81355554444.0).text().as_deref(),
            Some("81355554444")
        );
        assert_eq!(Value::Number(12.5).text().as_deref(), Some("12.5"));
        assert_eq!(Value::Text("  ".into()).text(), None);
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(28), "AB");
    }
}
