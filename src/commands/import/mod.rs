//! The imports (SPEC §10): `import customers` (alias `import csv`,
//! [`customers`]) and `import orders` ([`orders`]). What they share is
//! here: reading the file, naming a row the way the person who made the
//! file finds it (`data.csv:5:3` with the line and a caret, or
//! `data.xlsx: sheet "Pesanan" baris 5 (sel C5)`), saying every row's
//! problem at once at the end, and the options.

pub mod customers;
pub mod orders;
pub use customers::import_customers;
pub use orders::{import_orders, Market};

use crate::error::{Diagnostic, Error, Result, SourceLine};
use crate::io::sheet::{self, Book, Cell, Header, Kind, Row, SheetError};
use crate::lang::import::{self as say, ImportWord};
use crate::shop::config::Lang;
use crate::shop::index::ShopDir;
use std::collections::HashMap;
use std::hash::Hash;
use std::path::Path;

/// Moves what an import staged into place as one commit, then prints each
/// file it wrote, as the shop shows it.
pub fn commit_and_show(staging: crate::io::staging::Staging, dir: &ShopDir) -> Result<()> {
    let placed = staging.commit()?;
    let mut stdout = String::new();
    for rel in &placed {
        stdout.push_str(&format!("{}\n", dir.shown(rel).display()));
    }
    print!("{stdout}");
    Ok(())
}

pub struct ImportOptions {
    pub dry_run: bool,
    pub skip_bad: bool,
}

/// The file as sheets of cells; a file that cannot be read says why and how
/// to save it so that it can.
pub(super) fn read_book(file: &Path, shown: &str, lang: Lang) -> Result<Book> {
    sheet::read(file).map_err(|e| match e {
        SheetError::Io(e) => Error::io(file, &e),
        SheetError::NotUtf8 { line } => Error::invalid(say::not_utf8(shown, line, lang)),
        SheetError::Utf16 => Error::invalid(say::utf16(shown, lang)),
        SheetError::Unclosed { line } => Error::invalid(say::unclosed_quote(shown, line, lang)),
        SheetError::Workbook(why) => Error::invalid(say::unreadable_workbook(shown, &why, lang)),
    })
}

/// A row and the sheet it is on (`None` in a CSV file).
pub(super) struct RowAt<'a> {
    pub sheet: Option<&'a str>,
    pub row: &'a Row,
}

/// What the import says about rows, on stderr, written at once at the end
/// (stderr is unbuffered and a file may have thousands of rows).
pub(super) struct Out<'a> {
    book: &'a Book,
    shown: &'a str,
    lang: Lang,
    /// Each line, and whether it names a row already in the shop (those
    /// are said in one line when there are many).
    lines: Vec<(String, bool)>,
    pub skipped_count: usize,
}

impl<'a> Out<'a> {
    pub fn new(book: &'a Book, shown: &'a str, lang: Lang) -> Self {
        Out {
            book,
            shown,
            lang,
            lines: Vec::new(),
            skipped_count: 0,
        }
    }

    pub fn line(&mut self, s: String) {
        self.lines.push((s, false));
    }

    /// `data.csv:5` or `data.xlsx: sheet "Pelanggan" baris 5`.
    pub fn row_place(&self, r: &RowAt<'_>) -> String {
        match r.sheet {
            Some(name) => say::workbook_place(self.shown, name, r.row.line, None, self.lang),
            None => format!("{}:{}", self.shown, r.row.line),
        }
    }

    /// A bad row's problem, at its cell when it has one: in a CSV file the
    /// `path:line:col: error:` form with the line and a caret under the cell.
    pub fn error(&mut self, r: &RowAt<'_>, cell: Option<&Cell>, message: &str) {
        let cell = cell.or(r.row.cells.first());
        match (self.book.kind, r.sheet, cell) {
            (Kind::Csv, _, Some(c)) => {
                let d =
                    Diagnostic::error(Path::new(self.shown), c.line as u32, c.col as u32, message)
                        .with_source(SourceLine::at(&self.book.text, c.offset, c.width));
                self.line(d.rendered().to_string());
            }
            (_, Some(name), Some(c)) => {
                let at = format!("{}{}", sheet::column_letters(c.col), c.line);
                let place = say::workbook_place(self.shown, name, r.row.line, Some(&at), self.lang);
                self.line(format!("{place}: error: {message}"));
            }
            _ => {
                let place = self.row_place(r);
                self.line(format!("{place}: error: {message}"));
            }
        }
    }

    /// A row not created, and why.
    pub fn skipped(&mut self, r: &RowAt<'_>, why: &str, in_shop: bool) {
        self.skipped_count += 1;
        let place = self.row_place(r);
        let s = format!("{place}: {}: {why}", ImportWord::Skipped.text(self.lang));
        self.lines.push((s, in_shop));
    }

    /// Writes the lines at once; `many` replaces the lines of rows already
    /// in the shop.
    pub fn flush(&mut self, many: Option<String>) {
        let mut text = String::new();
        for (line, in_shop) in std::mem::take(&mut self.lines) {
            if !(in_shop && many.is_some()) {
                text.push_str(&line);
                text.push('\n');
            }
        }
        if let Some(m) = many {
            text.push_str(&m);
            text.push('\n');
        }
        eprint!("{text}");
    }
}

/// Rows as runs of lines: `baris 2–1991, 1995` / `sheet "A" baris 2–9; sheet "B" baris 2`.
pub(super) fn ranges(rows: &[(Option<&str>, usize)], lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let sheet = rows[i].0;
        let mut runs: Vec<String> = Vec::new();
        while i < rows.len() && rows[i].0 == sheet {
            let start = rows[i].1;
            let mut end = start;
            while i + 1 < rows.len() && rows[i + 1].0 == sheet && rows[i + 1].1 == end + 1 {
                i += 1;
                end += 1;
            }
            runs.push(if end > start {
                format!("{start}–{end}")
            } else {
                start.to_string()
            });
            i += 1;
        }
        parts.push(say::row_ref(sheet, &runs.join(", "), lang));
    }
    parts.join("; ")
}

/// A row's cells by field, each with its column's index: the first
/// non-empty cell of the columns naming the field (a sheet may have both
/// `No HP` and `No WA`).
pub(super) fn cells_of<'a, F: Copy + Eq + Hash>(
    row: &'a Row,
    header: &Header<F>,
) -> HashMap<F, (usize, &'a Cell)> {
    let mut cells = HashMap::new();
    for (i, (cell, field)) in row.cells.iter().zip(&header.fields).enumerate() {
        if let Some(f) = field {
            if !cell.value.is_blank() {
                cells.entry(*f).or_insert((i, cell));
            }
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_as_runs() {
        let rows = [(None, 2), (None, 3), (None, 4), (None, 7)];
        assert_eq!(ranges(&rows, Lang::Id), "baris 2–4, 7");
        let rows = [(Some("A"), 2), (Some("A"), 3), (Some("B"), 2)];
        assert_eq!(
            ranges(&rows, Lang::En),
            "sheet \"A\" row 2–3; sheet \"B\" row 2"
        );
    }
}
