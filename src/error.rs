//! One error type for the whole program: its kind (which knows the exit
//! status, SPEC §6: 1 invalid input, 2 usage or I/O), a message and the
//! diagnostics that explain it; and [`Diagnostic`], a problem at a place in a
//! shop file.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// A problem found in a shop file, pointing at the offending value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// Path as shown to the user (relative to the shop folder when possible).
    pub path: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: u32,
    /// 1-based column; 0 when unknown.
    pub col: u32,
    pub severity: Severity,
    pub message: String,
    /// The line the problem is on, as it was parsed, for the terminal's
    /// rendering ([`Diagnostic::rendered`]); `None` without a position.
    pub source: Option<SourceLine>,
}

impl Diagnostic {
    pub fn error(path: &Path, line: u32, col: u32, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.to_path_buf(),
            line,
            col,
            severity: Severity::Error,
            message: message.into(),
            source: None,
        }
    }

    pub fn warning(path: &Path, line: u32, col: u32, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, line, col, message)
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The same diagnostic showing its source line (kept only when it has a
    /// position: a problem with the whole file shows no line).
    pub fn with_source(mut self, source: Option<SourceLine>) -> Self {
        self.source = source.filter(|_| self.line > 0);
        self
    }

    /// The diagnostic as the terminal shows it: the one-line form editors
    /// parse, then its source line with a caret under the value (no final
    /// newline). The site shows only the one-line form (`Display`).
    pub fn rendered(&self) -> Rendered<'_> {
        Rendered(self)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = self.path.display();
        match (self.line, self.col) {
            // A problem with the whole file points at its start, so every
            // diagnostic has the same `path:line:col:` shape for editors.
            (0, _) => write!(f, "{path}:1:1: {kind}: {}", self.message),
            (line, 0) => write!(f, "{path}:{line}: {kind}: {}", self.message),
            (line, col) => write!(f, "{path}:{line}:{col}: {kind}: {}", self.message),
        }
    }
}

/// Characters of a long line shown before and after the value's start.
const SHOWN_BEFORE: usize = 40;
const SHOWN_AFTER: usize = 80;
/// How wide a tab is shown: a fixed width keeps the caret under the value
/// whatever the terminal's tab stops.
const TAB: &str = "    ";

/// The line a diagnostic points into, as it was parsed: only the part around
/// the value when the line is long (a hostile one-line file must not be
/// copied into every diagnostic).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SourceLine {
    /// The line (or its shown part), without its line ending.
    text: String,
    /// Characters of `text` before the value.
    before: u32,
    /// Characters of the value under the caret, at least 1.
    width: u32,
    /// The line starts before `text`.
    cut_before: bool,
    /// The line goes on after `text`.
    cut_after: bool,
}

impl SourceLine {
    /// The line of `text` holding byte `offset`, where a value of `width`
    /// characters starts (the caret stops at the end of the line). `None`
    /// when `offset` is not a character boundary of `text`.
    pub fn at(text: &str, offset: usize, width: usize) -> Option<SourceLine> {
        let (head, tail) = (text.get(..offset)?, text.get(offset..)?);
        let mut start = offset;
        let mut before = 0;
        for (i, c) in head.char_indices().rev() {
            if c == '\n' || before == SHOWN_BEFORE {
                break;
            }
            start = i;
            before += 1;
        }
        let cut_before = head[..start].chars().next_back().is_some_and(|c| c != '\n');
        let mut end = offset;
        let mut after = 0;
        for (i, c) in tail.char_indices() {
            if c == '\n' || after == SHOWN_AFTER {
                break;
            }
            end = offset + i + c.len_utf8();
            after += 1;
        }
        let cut_after = text[end..].chars().next().is_some_and(|c| c != '\n');
        let mut line = &text[start..end];
        if !cut_after {
            if let Some(l) = line.strip_suffix('\r') {
                line = l;
                after = after.saturating_sub(1);
            }
        }
        Some(SourceLine {
            text: line.to_string(),
            before: before as u32,
            width: width.clamp(1, after.max(1)) as u32,
            cut_before,
            cut_after,
        })
    }

    /// Line `line`, column `col` (1-based, in characters) of `text`: for the
    /// few diagnostics that know only their position.
    pub fn at_line_col(text: &str, line: u32, col: u32, width: usize) -> Option<SourceLine> {
        let line_start = match line {
            0 => return None,
            1 => 0,
            n => text.match_indices('\n').nth(n as usize - 2)?.0 + 1,
        };
        let rest = &text[line_start..];
        let line_len = rest.find('\n').unwrap_or(rest.len());
        let in_line = rest[..line_len]
            .char_indices()
            .nth(col.saturating_sub(1) as usize)
            .map_or(line_len, |(i, _)| i);
        SourceLine::at(text, line_start + in_line, width)
    }
}

/// A character as the excerpt shows it: tabs as spaces, control characters
/// (which could drive the terminal) as `�`.
fn shown(c: char) -> (std::borrow::Cow<'static, str>, usize) {
    use unicode_width::UnicodeWidthChar;
    match c {
        '\t' => (TAB.into(), TAB.len()),
        c if c.is_control() => ("\u{fffd}".into(), 1),
        c => (c.to_string().into(), c.width().unwrap_or(0)),
    }
}

/// [`Diagnostic::rendered`]: like casey/just's errors,
/// ```text
/// shop.toml:4:18: error: `24` is not a duration: …
///    4 | resolve_target = "24"
///      |                  ^^^^
/// ```
pub struct Rendered<'a>(&'a Diagnostic);

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Built whole, then written once: stderr is unbuffered, and `check`
        // may print thousands of these.
        let d = self.0;
        let mut out = d.to_string();
        if let Some(src) = &d.source {
            excerpt(&mut out, d.line, src);
        }
        f.write_str(&out)
    }
}

/// The source line under a diagnostic's one-line form, and the caret line.
fn excerpt(out: &mut String, line_number: u32, src: &SourceLine) {
    let number = line_number.to_string();
    let gutter = number.len().max(4);
    let (mut line, mut pad, mut carets) = (String::new(), 0, 0);
    if src.cut_before {
        line.push('…');
        pad += 1;
    }
    for (i, c) in src.text.chars().enumerate() {
        let (text, width) = shown(c);
        line.push_str(&text);
        let i = i as u32;
        if i < src.before {
            pad += width;
        } else if i < src.before + src.width {
            carets += width;
        }
    }
    if src.cut_after {
        line.push('…');
    }
    let carets = "^".repeat(carets.max(1));
    out.push_str(&format!("\n{number:>gutter$} | {line}"));
    out.push_str(&format!("\n{:>gutter$} | {:pad$}{carets}", "", ""));
}

/// What went wrong, as far as the exit status is concerned (SPEC §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The command line asks for something impossible (exit 2).
    Usage,
    /// A file or folder cannot be read or written (exit 2).
    Io,
    /// The shop or the command's input is invalid (exit 1).
    Invalid,
}

impl ErrorKind {
    pub const fn code(self) -> i32 {
        match self {
            ErrorKind::Invalid => 1,
            ErrorKind::Usage | ErrorKind::Io => 2,
        }
    }
}

/// The exit status of a command that finishes rather than fails, having found
/// its input invalid (`check` on a shop with errors).
pub const EXIT_INVALID: i32 = ErrorKind::Invalid.code();

/// An error that ends a command.
#[derive(Debug)]
pub struct Error {
    pub kind: ErrorKind,
    pub message: String,
    /// Diagnostics to print before the message (e.g. a broken shop.toml).
    pub diagnostics: Vec<Diagnostic>,
    /// For an I/O error: the path shown and what the OS said, so the
    /// report can say it in the shop's language.
    io: Option<(PathBuf, std::io::ErrorKind, String)>,
    /// For a refusal to write a file: which, said in the shop's language
    /// when shown.
    refusal: Option<Box<crate::lang::cli::Refusal>>,
}

impl Error {
    fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            diagnostics: Vec::new(),
            io: None,
            refusal: None,
        }
    }

    /// A refusal to write a file (exit 2).
    pub fn refused(r: crate::lang::cli::Refusal) -> Self {
        let mut e = Error::usage(r.text(crate::shop::config::Lang::En));
        e.refusal = Some(Box::new(r));
        e
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Usage, message)
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Invalid, message)
    }

    pub fn io(path: &Path, err: &std::io::Error) -> Self {
        let mut e = Error::new(
            ErrorKind::Io,
            format!("{}: {}", path.display(), describe_io(err)),
        );
        e.io = Some((path.to_path_buf(), err.kind(), err.to_string()));
        e
    }

    /// The same error with the diagnostics that explain it (e.g. shop.toml's).
    pub fn with_diagnostics(mut self, diags: Vec<Diagnostic>) -> Self {
        self.diagnostics = diags;
        self
    }

    /// The process exit status for this error.
    pub fn code(&self) -> i32 {
        self.kind.code()
    }

    /// What the terminal shows: the diagnostics, then `langgan: message`,
    /// an I/O error's or a refusal's words in `lang` (every other message is
    /// made in the shop's language where it happens).
    pub fn report_in(&self, lang: crate::shop::config::Lang) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            out.push_str(&format!("{}\n", d.rendered()));
        }
        out.push_str(&format!("langgan: {}\n", self.message_in(lang)));
        out
    }

    /// The message alone, an I/O error's or a refusal's words in `lang`.
    pub fn message_in(&self, lang: crate::shop::config::Lang) -> String {
        if let Some(r) = &self.refusal {
            return r.text(lang);
        }
        match &self.io {
            Some((path, kind, text)) if lang == crate::shop::config::Lang::Id => {
                format!(
                    "{}: {}",
                    path.display(),
                    crate::lang::cli::io_problem(*kind, text, lang)
                )
            }
            _ => self.message.clone(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

/// Plain words for the I/O errors people actually meet.
pub fn describe_io(err: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match err.kind() {
        NotFound => "not found".to_string(),
        PermissionDenied => "permission denied".to_string(),
        InvalidData => "not valid UTF-8 text".to_string(),
        _ => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The diagnostic at byte `offset` of `text` (line and column worked out
    /// as the parsers do), rendered.
    fn render(text: &str, offset: usize, width: usize) -> String {
        let (line, col) = crate::text::line_col(text, offset);
        Diagnostic::error(Path::new("x.yaml"), line, col, "bad")
            .with_source(SourceLine::at(text, offset, width))
            .rendered()
            .to_string()
    }

    #[test]
    fn caret_under_the_value() {
        let text = "[shop]\nname = \"T\"\n[service]\nresolve_target = \"24\"\n";
        let at = text.find("\"24\"").expect("value");
        assert_eq!(
            render(text, at, 4),
            "x.yaml:4:18: error: bad\n   4 | resolve_target = \"24\"\n     |                  ^^^^"
        );
    }

    #[test]
    fn first_line_is_the_one_line_form() {
        let d = Diagnostic::warning(Path::new("a/b.yaml"), 3, 8, "careful")
            .with_source(SourceLine::at("x\ny\nphone: 021\n", 11, 3));
        let rendered = d.rendered().to_string();
        assert_eq!(rendered.lines().next(), Some(d.to_string().as_str()));
        assert_eq!(d.to_string(), "a/b.yaml:3:8: warning: careful");
    }

    #[test]
    fn tabs_are_shown_as_spaces_under_and_over() {
        let text = "a:\t\tvalue\n";
        assert_eq!(
            render(text, 4, 5),
            "x.yaml:1:5: error: bad\n   1 | a:        value\n     |           ^^^^^"
        );
    }

    #[test]
    fn crlf_line_endings_are_not_shown() {
        let text = "name: A\r\nfirst_contact: kemarin\r\nx: 1\r\n";
        let at = text.find("kemarin").expect("value");
        assert_eq!(
            render(text, at, 99),
            "x.yaml:2:16: error: bad\n   2 | first_contact: kemarin\n     |                ^^^^^^^"
        );
    }

    #[test]
    fn columns_count_characters_and_carets_count_their_width() {
        // é is two bytes and one column; 🌸 is four bytes and two columns.
        let text = "{name: \"é🌸\", first_contact: kemarin}";
        let at = text.find("kemarin").expect("value");
        let out = render(text, at, 7);
        let lines: Vec<&str> = out.lines().collect();
        // 28 characters before the value, 29 columns.
        assert_eq!(lines[0], "x.yaml:1:29: error: bad");
        assert_eq!(lines[1], format!("   1 | {text}"));
        assert_eq!(lines[2], format!("     | {}^^^^^^^", " ".repeat(29)));
        let text = "note: 🌸🌸\n";
        assert_eq!(
            render(text, 6, 2),
            "x.yaml:1:7: error: bad\n   1 | note: 🌸🌸\n     |       ^^^^"
        );
    }

    #[test]
    fn a_value_at_the_end_of_the_line() {
        // An empty value: the caret stands just after the line.
        let text = "name: A\ncity:\nx: 1\n";
        assert_eq!(
            render(text, 13, 0),
            "x.yaml:2:6: error: bad\n   2 | city:\n     |      ^"
        );
        // A value running past the line (a block) is underlined to its end,
        // also on the last line of a file without a final newline.
        assert_eq!(
            render("a: |\n  one\n  two", 7, 10),
            "x.yaml:2:3: error: bad\n   2 |   one\n     |   ^^^"
        );
        assert_eq!(
            render("a: b\nc: dd", 8, 10),
            "x.yaml:2:4: error: bad\n   2 | c: dd\n     |    ^^"
        );
    }

    #[test]
    fn long_lines_show_the_part_around_the_value() {
        let text = format!("tags: [{}, bad, {}]", "a, ".repeat(100), "b, ".repeat(100));
        let at = text.find("bad").expect("value");
        let out = render(&text, at, 3);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "x.yaml:1:310: error: bad");
        let shown = lines[1].strip_prefix("   1 | ").expect("gutter");
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert_eq!(shown.chars().count(), 1 + 40 + 80 + 1);
        let caret = lines[2].strip_prefix("     | ").expect("gutter");
        assert_eq!(caret, format!("{}^^^", " ".repeat(41)));
        assert_eq!(&shown[shown.find("bad").expect("shown")..][..3], "bad");
    }

    #[test]
    fn control_characters_do_not_reach_the_terminal() {
        let out = render("a: \u{1b}[31mred\n", 3, 1);
        assert!(!out.contains('\u{1b}'), "{out:?}");
        assert!(out.contains("a: \u{fffd}[31mred"), "{out:?}");
    }

    #[test]
    fn whole_file_problems_and_unknown_places_show_no_line() {
        let d = Diagnostic::error(Path::new("x.yaml"), 0, 0, "file is empty")
            .with_source(SourceLine::at("text\n", 0, 1));
        assert_eq!(d.rendered().to_string(), "x.yaml:1:1: error: file is empty");
        assert!(
            SourceLine::at("é", 1, 1).is_none(),
            "not a character boundary"
        );
        assert!(SourceLine::at_line_col("a\nb\n", 5, 1, 1).is_none());
    }

    #[test]
    fn positions_by_line_and_column() {
        let text = "a: 1\nname: Sé🌸x\n";
        let d = Diagnostic::error(Path::new("x.yaml"), 2, 10, "bad")
            .with_source(SourceLine::at_line_col(text, 2, 10, 1));
        // Under the `x`: nine characters before it, ten columns.
        assert_eq!(
            d.rendered().to_string(),
            format!(
                "x.yaml:2:10: error: bad\n   2 | name: Sé🌸x\n     | {}^",
                " ".repeat(10)
            )
        );
    }

    #[test]
    fn wide_line_numbers_widen_the_gutter() {
        let text = format!("{}x: bad\n", "\n".repeat(12344));
        let at = text.find("bad").expect("value");
        assert_eq!(
            render(&text, at, 3),
            "x.yaml:12345:4: error: bad\n12345 | x: bad\n      |    ^^^"
        );
    }

    #[test]
    fn refusals_are_said_in_the_language_shown() {
        use crate::lang::cli::Refusal;
        use crate::shop::config::Lang;
        let e = Error::refused(Refusal::KeptChanging(PathBuf::from("customers/siti.yaml")));
        assert_eq!(e.code(), 2);
        assert!(e
            .to_string()
            .starts_with("customers/siti.yaml: the file kept changing"));
        assert_eq!(
            e.report_in(Lang::Id),
            "langgan: customers/siti.yaml: berkas ini terus berubah selama langgan menulisnya (sedang disunting di tempat lain); tidak ada yang ditulis, silakan coba lagi\n"
        );
        assert_eq!(e.message_in(Lang::En), e.to_string());
    }

    #[test]
    fn kinds_know_their_exit_status() {
        assert_eq!(Error::usage("x").code(), 2);
        let io = std::io::Error::from(std::io::ErrorKind::NotFound);
        let e = Error::io(Path::new("shop.toml"), &io);
        assert_eq!((e.kind, e.code()), (ErrorKind::Io, 2));
        assert_eq!(e.message, "shop.toml: not found");
        use crate::shop::config::Lang;
        assert_eq!(e.report_in(Lang::En), "langgan: shop.toml: not found\n");
        assert_eq!(
            e.report_in(Lang::Id),
            "langgan: shop.toml: tidak ditemukan\n"
        );
        assert_eq!(Error::invalid("x").code(), EXIT_INVALID);
        assert_eq!(EXIT_INVALID, 1);
    }
}
