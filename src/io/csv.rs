//! A small RFC 4180 reader for spreadsheet exports: comma or semicolon
//! (detected from the header), quoted fields with `""` escapes and line
//! breaks, an optional UTF-8 BOM. Each row keeps the file line it starts on.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line in the file where the row starts (the header is line 1).
    pub line: usize,
    pub fields: Vec<String>,
}

/// The delimiter: whichever of `;` and `,` appears more in the header, outside quotes.
pub fn detect_delimiter(text: &str) -> char {
    let mut in_quotes = false;
    let (mut commas, mut semis) = (0, 0);
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' if !in_quotes => break,
            ',' if !in_quotes => commas += 1,
            ';' if !in_quotes => semis += 1,
            _ => {}
        }
    }
    if semis > commas {
        ';'
    } else {
        ','
    }
}

/// Parses the whole text; an unterminated quote is an error with its line.
pub fn parse(text: &str) -> Result<Vec<Row>, (usize, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delim = detect_delimiter(text);
    let mut rows = Vec::new();
    let mut field = String::new();
    let mut fields = Vec::new();
    let mut line = 1;
    let mut row_start = 1;
    let mut in_quotes = false;
    let mut quote_line = 0;
    let mut chars = text.chars().peekable();
    let mut row_has_content = false;
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                '\r' => {}
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() => {
                field.clear();
                in_quotes = true;
                quote_line = line;
                row_has_content = true;
            }
            c if c == delim => {
                fields.push(std::mem::take(&mut field));
                row_has_content = true;
            }
            '\r' => {}
            '\n' => {
                fields.push(std::mem::take(&mut field));
                if row_has_content || fields.iter().any(|f| !f.trim().is_empty()) {
                    rows.push(Row {
                        line: row_start,
                        fields: std::mem::take(&mut fields),
                    });
                } else {
                    fields.clear();
                }
                line += 1;
                row_start = line;
                row_has_content = false;
            }
            c => {
                field.push(c);
                row_has_content = true;
            }
        }
    }
    if in_quotes {
        return Err((
            quote_line,
            "a quoted field is never closed (a `\"` is missing)".into(),
        ));
    }
    if row_has_content || !field.is_empty() {
        fields.push(field);
        rows.push(Row {
            line: row_start,
            fields,
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(rows: &[Row]) -> Vec<Vec<&str>> {
        rows.iter()
            .map(|r| r.fields.iter().map(String::as_str).collect())
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
        assert_eq!(parse("a,b\n\"open,x\n").unwrap_err().0, 2);
    }
}
