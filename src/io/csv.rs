//! A small RFC 4180 reader for spreadsheet exports: comma, semicolon or tab
//! (detected from the first line, or Excel's `sep=;` hint line), quoted
//! fields with `""` escapes and line breaks, CRLF or LF, an optional UTF-8
//! BOM. Each field keeps where it starts, so a problem can point at it.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub text: String,
    /// 1-based line of the field's first character (its opening quote).
    pub line: usize,
    /// 1-based column of that character, counted in characters.
    pub col: usize,
    /// Byte offset of that character in the text given to [`parse`].
    pub offset: usize,
    /// Characters the field takes on its first line (quotes included).
    pub width: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line in the file where the row starts (the header is line 1).
    pub line: usize,
    pub fields: Vec<Field>,
}

/// The delimiter: whichever of `;`, `,` and tab appears most in the first
/// line, outside quotes (a comma on a tie: a one-column file).
pub fn detect_delimiter(text: &str) -> char {
    let mut in_quotes = false;
    let (mut commas, mut semis, mut tabs) = (0, 0, 0);
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' if !in_quotes => break,
            ',' if !in_quotes => commas += 1,
            ';' if !in_quotes => semis += 1,
            '\t' if !in_quotes => tabs += 1,
            _ => {}
        }
    }
    if semis > commas && semis >= tabs {
        ';'
    } else if tabs > commas && tabs > semis {
        '\t'
    } else {
        ','
    }
}

/// Parses the whole text (the BOM already removed or not); an unterminated
/// quote is an error with its line. Lines with nothing on them are left out;
/// a row of empty cells (`,,,`) is kept for the caller to judge.
pub fn parse(text: &str) -> Result<Vec<Row>, usize> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut body = &text[bom..];
    let mut start_line = 1;
    // Excel writes (and reads) `sep=;` as a first line naming the delimiter.
    let hint = body
        .lines()
        .next()
        .map(str::trim_end)
        .and_then(|l| l.strip_prefix("sep="))
        .and_then(|d| {
            let mut cs = d.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => Some(c),
                _ => None,
            }
        });
    let mut skip = bom;
    if hint.is_some() {
        let end = body.find('\n').map_or(body.len(), |i| i + 1);
        skip += end;
        body = &body[end..];
        start_line = 2;
    }
    let delim = hint.unwrap_or_else(|| detect_delimiter(body));
    Parser {
        delim,
        rows: Vec::new(),
        fields: Vec::new(),
        field: None,
        line: start_line,
        line_start: skip,
    }
    .run(text, skip)
}

struct Parser {
    delim: char,
    rows: Vec<Row>,
    fields: Vec<Field>,
    /// The field being read, once it has begun.
    field: Option<Field>,
    line: usize,
    /// Byte offset where the current line starts.
    line_start: usize,
}

impl Parser {
    fn begin(&mut self, text: &str, at: usize) -> &mut Field {
        let (line, line_start) = (self.line, self.line_start);
        self.field.get_or_insert_with(|| Field {
            text: String::new(),
            line,
            col: text[line_start..at].chars().count() + 1,
            offset: at,
            width: 0,
        })
    }

    fn end_field(&mut self, text: &str, at: usize) {
        let mut f = self.field.take().unwrap_or_else(|| Field {
            text: String::new(),
            line: self.line,
            col: text[self.line_start..at].chars().count() + 1,
            offset: at,
            width: 0,
        });
        let end = text[f.offset..at].find('\n').map_or(at, |i| f.offset + i);
        f.width = text[f.offset..end].trim_end_matches('\r').chars().count();
        self.fields.push(f);
    }

    fn end_row(&mut self, text: &str, at: usize) {
        if self.field.is_none() && self.fields.is_empty() {
            return;
        }
        self.end_field(text, at);
        let fields = std::mem::take(&mut self.fields);
        self.rows.push(Row {
            line: fields[0].line,
            fields,
        });
    }

    fn run(mut self, text: &str, from: usize) -> Result<Vec<Row>, usize> {
        let mut chars = text[from..].char_indices().map(|(i, c)| (i + from, c));
        let mut in_quotes = false;
        let mut quote_line = 0;
        let mut pending: Option<(usize, char)> = None;
        while let Some((i, c)) = pending.take().or_else(|| chars.next()) {
            if in_quotes {
                match c {
                    '"' => match chars.next() {
                        Some((_, '"')) => self.begin(text, i).text.push('"'),
                        next => {
                            in_quotes = false;
                            pending = next;
                        }
                    },
                    '\n' => {
                        self.begin(text, i).text.push('\n');
                        self.line += 1;
                        self.line_start = i + 1;
                    }
                    '\r' => {}
                    c => self.begin(text, i).text.push(c),
                }
                continue;
            }
            match c {
                '"' if self.field.as_ref().is_none_or(|f| f.text.trim().is_empty()) => {
                    // Spaces before an opening quote are not part of the field.
                    self.field = None;
                    self.begin(text, i);
                    in_quotes = true;
                    quote_line = self.line;
                }
                c if c == self.delim => self.end_field(text, i),
                '\r' => {}
                '\n' => {
                    self.end_row(text, i);
                    self.line += 1;
                    self.line_start = i + 1;
                }
                c => self.begin(text, i).text.push(c),
            }
        }
        if in_quotes {
            return Err(quote_line);
        }
        self.end_row(text, text.len());
        Ok(self.rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(rows: &[Row]) -> Vec<Vec<&str>> {
        rows.iter()
            .map(|r| r.fields.iter().map(|f| f.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn commas_semicolons_quotes_and_lines() {
        let rows = parse("\u{feff}nama,hp\r\n\"Siti, Rahma\",0812\r\n\r\nBudi,\"08\"\"13\"\n")
            .expect("ok");
        assert_eq!(
            f(&rows),
            vec![
                vec!["nama", "hp"],
                vec!["Siti, Rahma", "0812"],
                vec!["Budi", "08\"13"]
            ]
        );
        assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [1, 2, 4]);
        let rows =
            parse("nama;kota\nSiti;\"Bandung;Jabar\"\n\"multi\nline\";x\nLast;y").expect("ok");
        assert_eq!(
            f(&rows),
            vec![
                vec!["nama", "kota"],
                vec!["Siti", "Bandung;Jabar"],
                vec!["multi\nline", "x"],
                vec!["Last", "y"]
            ]
        );
        assert_eq!(rows[3].line, 5);
        assert_eq!(parse("a,b\n\"open,x\n").unwrap_err(), 2);
    }

    #[test]
    fn fields_know_where_they_are() {
        let text = "nama;tgl\r\n\"Siti\nRahma\";32/13/2026\r\n;\r\n";
        let rows = parse(text).expect("ok");
        let tgl = &rows[1].fields[1];
        assert_eq!((tgl.line, tgl.col, tgl.width), (3, 8, 10));
        assert_eq!(&text[tgl.offset..tgl.offset + 10], "32/13/2026");
        let siti = &rows[1].fields[0];
        assert_eq!((siti.line, siti.col, siti.width), (2, 1, 5));
        // A row of empty cells is kept; the caller decides it is blank.
        assert_eq!(f(&rows[2..]), vec![vec!["", ""]]);
    }

    #[test]
    fn excel_sep_hint_and_tabs() {
        let rows = parse("sep=;\nnama;kota\nSiti, R;Bandung\n").expect("ok");
        assert_eq!(
            f(&rows),
            vec![vec!["nama", "kota"], vec!["Siti, R", "Bandung"]]
        );
        assert_eq!(rows[0].line, 2);
        let rows = parse("nama\tkota\nSiti\tBandung\n").expect("ok");
        assert_eq!(f(&rows)[1], vec!["Siti", "Bandung"]);
    }
}
