//! Record text → raw records: the YAML as written, each value with its
//! position, and serde's complaints rewritten in plain words at their place.

use crate::error::{Diagnostic, SourceLine};
use crate::lang::check as words;
use crate::shop::config::Lang;
use crate::shop::dir::RecordKind;
use crate::text::plain_serde_message_in;
use serde::Deserialize;
use serde_saphyr::{Location, Spanned};
use std::collections::BTreeMap;
use std::path::Path;

pub(super) type S<T> = Spanned<T>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCustomer {
    pub(super) name: S<String>,
    pub(super) call: Option<S<String>>,
    pub(super) phone: Option<S<String>>,
    pub(super) handles: Option<BTreeMap<String, S<Option<String>>>>,
    pub(super) email: Option<S<String>>,
    pub(super) city: Option<String>,
    pub(super) source: Option<S<String>>,
    pub(super) admin: Option<S<String>>,
    pub(super) first_contact: S<String>,
    pub(super) tags: Option<Vec<String>>,
    pub(super) interested: Option<Vec<S<String>>>,
    pub(super) note: Option<String>,
    pub(super) orders: Option<Vec<S<RawOrder>>>,
    pub(super) interactions: Option<Vec<S<RawInteraction>>>,
    pub(super) feedback: Option<Vec<S<RawFeedback>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOrder {
    pub(super) at: S<String>,
    pub(super) items: S<Vec<S<RawItem>>>,
    pub(super) paid: Option<S<String>>,
    pub(super) shipped: Option<S<String>>,
    pub(super) delivered: Option<S<String>>,
    pub(super) cancelled: Option<S<String>>,
    pub(super) channel: Option<S<String>>,
    #[serde(rename = "ref")]
    pub(super) reference: Option<S<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawItem {
    pub(super) product: S<String>,
    pub(super) qty: Option<S<i64>>,
    pub(super) price: Option<S<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawInteraction {
    pub(super) at: S<String>,
    pub(super) kind: S<String>,
    pub(super) by: Option<S<String>>,
    pub(super) channel: Option<String>,
    pub(super) note: Option<String>,
    pub(super) replied: Option<S<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFeedback {
    pub(super) at: S<String>,
    pub(super) rating: Option<S<i64>>,
    pub(super) nps: Option<S<i64>>,
    pub(super) text: Option<String>,
    pub(super) public: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawComplaint {
    pub(super) customer: S<String>,
    pub(super) opened: S<String>,
    pub(super) summary: S<String>,
    pub(super) category: Option<String>,
    pub(super) channel: Option<String>,
    pub(super) admin: Option<S<String>>,
    pub(super) first_response: Option<S<String>>,
    pub(super) root_cause: Option<String>,
    pub(super) solution: Option<String>,
    pub(super) resolved: Option<S<String>>,
    pub(super) contacts: Option<S<i64>>,
    pub(super) csat: Option<S<i64>>,
}

/// Records larger than this are refused: no hand-kept record is that big.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// Deepest nesting of lists and mappings read (a record needs about 5).
pub const MAX_NESTING: usize = 64;

/// The reader's options. Its budgets grow with the file: a record of plain
/// values has fewer values (nodes) than bytes and about two events per
/// value, so any record under [`MAX_FILE_BYTES`] fits (a 3 MB record of
/// 27,740 interactions was refused by the default 250,000 nodes), while what
/// makes YAML expensive stays capped: nesting, and aliases (expanded events
/// are limited separately, by `alias_limits`).
fn yaml_options(len: usize) -> serde_saphyr::Options {
    let mut o = serde_saphyr::Options::default();
    o.strict_booleans = true;
    let mut b = serde_saphyr::Budget::default();
    b.max_nodes = b.max_nodes.max(len);
    b.max_events = b.max_events.max(len.saturating_mul(2));
    b.max_depth = MAX_NESTING;
    b.flow_nesting_limit = MAX_NESTING;
    o.budget = Some(b);
    o
}

/// The first problem serde met, as a diagnostic at its place, in plain words
/// that say what to do.
fn yaml_error(
    path: &Path,
    text: &str,
    e: &serde_saphyr::Error,
    kind: RecordKind,
    lang: Lang,
) -> Diagnostic {
    let (mut line, mut col) = e
        .location()
        .map_or((0, 0), |l| (l.line() as u32, l.column() as u32));
    let rendered = e
        .without_snippet()
        .render_with_options(serde_saphyr::render_options! {
            snippets: serde_saphyr::SnippetMode::Off,
        });
    let first = rendered.lines().next().unwrap_or("").trim();
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let mut msg = strip_position(first).to_string();
    // "(defined at line 3, column 10) (used at line 4, column 14)": aliases.
    let mut alias_from = None;
    if let Some(i) = msg.find(" (defined at line ") {
        let tail = &msg[i + " (defined at line ".len()..];
        alias_from = tail.split(',').next().map(str::to_string);
        msg.truncate(i);
    }
    if let Some(d) = syntax_hint(path, text, &msg, line, col, lang) {
        return d;
    }
    let key_on_line = |n: u32| -> String {
        text.lines()
            .nth(n.saturating_sub(1) as usize)
            .and_then(|l| l.trim_start().trim_start_matches("- ").split_once(':'))
            .map(|(k, _)| k.trim().to_string())
            .unwrap_or_default()
    };
    let plain = if let Some(breach) = msg.strip_prefix("budget breached: ") {
        budget_message(breach, alias_from.take().is_some(), text.len(), lang)
    } else if msg.starts_with("alias replay") {
        words::too_big_to_read(&words::limit_aliases(lang), lang)
    } else if msg.starts_with("recursion limit exceeded") {
        words::nested_too_deep(MAX_NESTING, lang)
    } else if msg.starts_with("cannot deserialize null") {
        let key = key_on_line(line);
        words::value_required(Some(key.as_str()).filter(|k| !k.is_empty()), lang)
    } else if let Some(rest) = msg.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        words::duplicate_key(key, lang)
    } else if msg.starts_with("multiple YAML documents") {
        words::two_documents(lang)
    } else if msg.starts_with("expected sequence start") {
        words::expected_list(lang)
    } else if msg.starts_with("expected mapping start") {
        if key_on_line(line) == "handles" {
            words::expected_handles(lang)
        } else {
            words::expected_fields(lang)
        }
    } else if msg.starts_with("expected string scalar") {
        words::expected_text(lang)
    } else if msg.starts_with("missing field") {
        // serde points at the last key of the mapping; the mapping's first key is more useful.
        if line > 0 && col > 0 {
            line = mapping_start(text, line, col);
        }
        plain_serde_message_in(&msg, lang)
    } else if msg.contains("unclosed quote") {
        words::unclosed_quote(lang)
    } else if let Some(hint) = structural_hint(&msg, kind, lang) {
        hint
    } else if msg.starts_with("unknown field")
        || msg.starts_with("unknown variant")
        || msg.starts_with("invalid ")
    {
        plain_serde_message_in(&msg, lang)
    } else {
        words::not_yaml(&msg, lang)
    };
    let mut plain = plain;
    if let Some(from) = alias_from {
        plain.push_str(&words::through_alias(&from, lang));
    }
    if line == 0 {
        col = 0;
    }
    let source = match e.location() {
        Some(l) if l.line() == u64::from(line) => source_line(text, &l, l.span().len() as usize),
        _ => SourceLine::at_line_col(text, line, col, 1),
    };
    Diagnostic::error(path, line, col, plain).with_source(source)
}

/// A reader budget that was breached (`breach`: serde-saphyr's debug form
/// of it, `Depth { depth: 65 }`; the error reaches us wrapped, so its text
/// is what is left to read), in words: which limit and what to do.
fn budget_message(breach: &str, through_alias: bool, len: usize, lang: Lang) -> String {
    let name = breach.split([' ', '{']).next().unwrap_or("");
    match name {
        "Depth" => words::nested_too_deep(MAX_NESTING, lang),
        "Aliases" | "AliasAnchorRatio" | "RecordedAnchorEvents" | "RecordedAnchorBytes" => {
            words::too_big_to_read(&words::limit_aliases(lang), lang)
        }
        // 64 MiB of text from a file under 16 MiB: only aliases do that.
        "ScalarBytes" if through_alias => words::too_big_to_read(&words::limit_aliases(lang), lang),
        _ => {
            let limit = serde_saphyr::Budget::default().max_nodes.max(len);
            words::too_big_to_read(&words::limit_values(limit, lang), lang)
        }
    }
}

/// Fields only a customer has, and only a complaint has: one of them in the
/// other folder's file says the file is in the wrong folder.
const CUSTOMER_ONLY: &[&str] = &[
    "name",
    "call",
    "phone",
    "handles",
    "email",
    "city",
    "source",
    "first_contact",
    "tags",
    "interested",
    "note",
    "orders",
    "interactions",
    "feedback",
];
const COMPLAINT_ONLY: &[&str] = &[
    "customer",
    "opened",
    "summary",
    "category",
    "first_response",
    "root_cause",
    "solution",
    "resolved",
    "contacts",
    "csat",
];

/// An unknown field that belongs elsewhere (SPEC §3): one level deeper, in
/// the other list, or in the other kind of record.
fn structural_hint(msg: &str, kind: RecordKind, lang: Lang) -> Option<String> {
    let rest = msg.strip_prefix("unknown field `")?;
    let (field, tail) = rest.split_once('`')?;
    let expected = crate::text::expected_names(tail);
    let has = |f: &str| expected.contains(&f);
    if has("items") && has("paid") {
        // An order's own fields: the field belongs to an item or an interaction.
        if ["product", "qty", "price"].contains(&field) {
            return Some(words::put_under_items(field, lang));
        }
        if ["kind", "replied", "by"].contains(&field) {
            return Some(words::belongs_under_interactions(field, lang));
        }
    }
    match kind {
        RecordKind::Complaint if has("opened") && CUSTOMER_ONLY.contains(&field) => {
            Some(words::wrong_folder(true, field, lang))
        }
        RecordKind::Customer if has("first_contact") && COMPLAINT_ONLY.contains(&field) => {
            Some(words::wrong_folder(false, field, lang))
        }
        _ => None,
    }
}

/// One line of a record as the hints see it.
struct Shape<'a> {
    /// Spaces before the first character.
    indent: usize,
    /// The line starts with `- `: a list item.
    item: bool,
    /// Column (1-based, characters) of the key, when the line holds `key:`.
    key_col: Option<usize>,
    key: &'a str,
}

fn shape(line: &str) -> Option<Shape<'_>> {
    let trimmed = line.trim_start_matches(' ');
    if trimmed.trim().is_empty() || trimmed.starts_with('#') {
        return None;
    }
    let indent = line.len() - trimmed.len();
    let (item, body, body_at) = match trimmed.strip_prefix('-') {
        Some(rest) if rest.is_empty() || rest.starts_with(' ') => {
            let b = rest.trim_start_matches(' ');
            (true, b, indent + 1 + (rest.len() - b.len()))
        }
        _ => (false, trimmed, indent),
    };
    let key = key_of(body);
    Some(Shape {
        indent,
        item,
        key_col: key.map(|_| body_at + 1),
        key: key.unwrap_or(""),
    })
}

/// `key` of `key: value` or `key:` (a plain key, no quotes or brackets).
fn key_of(body: &str) -> Option<&str> {
    let end = body
        .find(": ")
        .or_else(|| body.strip_suffix(':').map(str::len))?;
    let key = &body[..end];
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'));
    plain.then_some(key)
}

/// The sibling line `n` (1-based) should line up with: the nearest line
/// above of the same sort (list item, or `key:`) indented differently, the
/// closest in indentation first. `(line, column, what)`.
fn sibling(lines: &[&str], n: usize) -> Option<(u32, u32, String)> {
    let cur = shape(lines.get(n.checked_sub(1)?)?)?;
    let mut best: Option<(usize, u32, u32, String)> = None;
    for m in (1..n).rev() {
        let Some(s) = shape(lines[m - 1]) else {
            continue;
        };
        let found = if cur.item {
            (s.item && s.indent != cur.indent)
                .then(|| (s.indent.abs_diff(cur.indent), s.indent + 1, "-".to_string()))
        } else {
            match (s.key_col, cur.key_col) {
                (Some(k), Some(c)) if k != c => Some((k.abs_diff(c), k, s.key.to_string())),
                _ => None,
            }
        };
        if let Some((dist, col, what)) = found {
            if best.as_ref().is_none_or(|b| dist < b.0) {
                best = Some((dist, m as u32, col as u32, what));
            }
            if dist <= 2 {
                break;
            }
        }
        // A line shallower than both ends the block the sibling is in.
        if s.indent
            < cur
                .indent
                .min(best.as_ref().map_or(usize::MAX, |b| b.2 as usize - 1))
            && !s.item
        {
            break;
        }
    }
    best.map(|(_, l, c, w)| (l, c, w))
}

/// YAML syntax errors in words that say what to do (SPEC §3): a tab in the
/// indentation, a value holding `: ` without quotes, a line not lined up
/// with its siblings. `None` for other problems.
fn syntax_hint(
    path: &Path,
    text: &str,
    msg: &str,
    line: u32,
    col: u32,
    lang: Lang,
) -> Option<Diagnostic> {
    let syntax = msg.starts_with("while ")
        || msg.contains("not allowed in this context")
        || msg.contains("did not find expected")
        || msg.contains("found a tab")
        || msg.contains("simple key")
        || msg.contains("cannot start any token")
        || msg.contains("block sequence entries")
        || msg.contains("invalid indentation");
    if !syntax || line == 0 {
        return None;
    }
    let lines: Vec<&str> = text.lines().collect();
    // A tab in the indentation of a line up to the one after the error
    // (a tab-indented line is often read as part of the value above it).
    for (i, l) in lines.iter().enumerate().take(line as usize + 1) {
        let lead = l.len() - l.trim_start_matches([' ', '\t']).len();
        if let Some(t) = l[..lead].find('\t') {
            if l.trim().is_empty() || l.trim_start().starts_with('#') {
                continue;
            }
            let n = i as u32 + 1;
            let c = l[..t].chars().count() as u32 + 1;
            return Some(
                Diagnostic::error(path, n, c, words::tab_indent(lang))
                    .with_source(SourceLine::at_line_col(text, n, c, 1)),
            );
        }
    }
    let here = *lines.get(line as usize - 1)?;
    let cur = shape(here)?;
    if msg.contains("mapping values are not allowed") {
        if let Some(kc) = cur.key_col {
            let colon = kc + cur.key.chars().count();
            if col as usize > colon {
                // `note: Catatan: kirim pagi`: the value holds `: `.
                let value_at = here[..].find(": ").map(|i| i + 2)?;
                let value = here[value_at..].trim_end();
                let value_col = here[..value_at].chars().count() as u32 + 1;
                let fixed = format!("{}{}", &here[..value_at], quoted(value));
                return Some(
                    Diagnostic::error(
                        path,
                        line,
                        value_col,
                        words::quote_value(fixed.trim_start(), lang),
                    )
                    .with_source(SourceLine::at_line_col(
                        text,
                        line,
                        value_col,
                        value.chars().count(),
                    )),
                );
            }
        }
    }
    let indentation = msg.contains("mapping values are not allowed")
        || msg.contains("did not find expected")
        || msg.contains("block sequence entries")
        || msg.contains("invalid indentation");
    if !indentation {
        return None;
    }
    let (sl, sc, what) = sibling(&lines, line as usize)?;
    let at = cur.indent as u32 + 1;
    Some(
        Diagnostic::error(path, line, at, words::line_up(&what, sl, sc, lang))
            .with_source(SourceLine::at_line_col(text, line, at, 1)),
    )
}

/// `value` in double quotes (single when it holds a double quote).
fn quoted(value: &str) -> String {
    if value.contains('"') {
        format!("'{}'", value.replace('\'', "''"))
    } else {
        format!("\"{value}\"")
    }
}

/// `message at line 3, column 7` → `message`.
fn strip_position(msg: &str) -> &str {
    if let Some(i) = msg.rfind(" at line ") {
        let tail = &msg[i + " at line ".len()..];
        if tail
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == ' ' || c.is_ascii_alphabetic())
            && tail.contains("column")
        {
            return &msg[..i];
        }
    }
    msg
}

/// The first line of the block mapping whose key at (`line`, `col`) serde
/// reported: walk up over keys at the same indentation.
fn mapping_start(text: &str, line: u32, col: u32) -> u32 {
    let lines: Vec<&str> = text.lines().collect();
    let indent = col.saturating_sub(1) as usize;
    let mut start = line;
    let mut n = line as usize;
    while n > 1 {
        n -= 1;
        let l = lines.get(n - 1).copied().unwrap_or("");
        let trimmed = l.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let lead = l.len() - trimmed.len();
        if lead > indent {
            // Nested content of a key above.
            continue;
        }
        if lead == indent {
            start = n as u32;
            continue;
        }
        // `- key:` opening the list item whose keys sit at `indent`.
        if trimmed.starts_with("- ") && lead + 2 == indent {
            start = n as u32;
        }
        break;
    }
    start
}

/// Decodes file bytes: UTF-8 with an optional BOM; anything else is refused,
/// said in `lang`.
pub fn decode_in(path: &Path, bytes: &[u8], lang: Lang) -> Result<String, Diagnostic> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            path,
            0,
            0,
            words::too_large(
                bytes.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024),
                lang,
            ),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) if s.contains('\0') => Err(Diagnostic::error(path, 0, 0, words::binary(lang))),
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            // Shown with `�` for the bytes that are not text; the valid part
            // before them is the same text, so its offsets hold.
            let shown = String::from_utf8_lossy(bytes);
            let (line, col) = crate::text::line_col(&shown, e.valid_up_to());
            let source = SourceLine::at(&shown, e.valid_up_to(), 1);
            Err(Diagnostic::error(path, line, col, words::not_utf8(lang)).with_source(source))
        }
    }
}

/// The line of `text` that `at` points into, `width` characters of the value
/// underlined.
pub(super) fn source_line(text: &str, at: &Location, width: usize) -> Option<SourceLine> {
    match at.span().byte_offset() {
        Some(offset) => SourceLine::at(text, usize::try_from(offset).ok()?, width),
        None => SourceLine::at_line_col(text, at.line() as u32, at.column() as u32, width),
    }
}

pub(super) fn parse_yaml<T: for<'de> Deserialize<'de>>(
    path: &Path,
    text: &str,
    kind: RecordKind,
    lang: Lang,
) -> Result<T, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::error(
            path,
            0,
            0,
            words::empty_file(kind == RecordKind::Customer, lang),
        ));
    }
    serde_saphyr::from_str_with_options(text, yaml_options(text.len()))
        .map_err(|e| yaml_error(path, text, &e, kind, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The diagnostic for customer `text` in `lang`, rendered.
    fn customer(text: &str, lang: Lang) -> String {
        parse_yaml::<RawCustomer>(Path::new("x.yaml"), text, RecordKind::Customer, lang)
            .err()
            .map(|d| d.rendered().to_string())
            .unwrap_or_default()
    }

    fn complaint(text: &str, lang: Lang) -> String {
        parse_yaml::<RawComplaint>(Path::new("x.yaml"), text, RecordKind::Complaint, lang)
            .err()
            .map(|d| d.rendered().to_string())
            .unwrap_or_default()
    }

    const HEAD: &str = "name: Siti\nfirst_contact: 2026-11-02\n";

    #[test]
    fn a_tab_in_the_indentation() {
        let text = "name: x\n\tfirst_contact: 2026-11-02\n";
        assert_eq!(
            customer(text, Lang::Id),
            "x.yaml:2:1: error: baris ini diawali tab; YAML hanya memakai spasi: ganti tab dengan spasi\n   2 |     first_contact: 2026-11-02\n     | ^^^^"
        );
        assert!(customer(text, Lang::En).contains("2:1: error: this line is indented with a tab; YAML needs spaces: replace the tab with spaces"));
        // A tab between a key and its value is fine.
        assert_eq!(
            customer("name: x\nfirst_contact:\t2026-11-02\n", Lang::Id),
            ""
        );
    }

    #[test]
    fn a_value_holding_colon_space_gets_quotes() {
        let text = format!("{HEAD}note: Catatan: kirim pagi\n");
        assert!(customer(&text, Lang::Id).starts_with(
            "x.yaml:3:7: error: nilai ini berisi `: `, jadi YAML membacanya sebagai kolom baru; beri tanda kutip di sekeliling nilainya: `note: \"Catatan: kirim pagi\"`"
        ));
        assert!(customer(&text, Lang::En)
            .contains("put quotes around the value: `note: \"Catatan: kirim pagi\"`"));
        // Inside a list item, keeping the `- `.
        let text = format!(
            "{HEAD}interactions:\n  - note: Kata: dia\n    at: 2026-11-03\n    kind: note\n"
        );
        assert!(
            customer(&text, Lang::En).contains("4:11: error: this value holds `: `, so YAML reads it as a new field; put quotes around the value: `- note: \"Kata: dia\"`"),
            "{}",
            customer(&text, Lang::En)
        );
        assert_eq!(quoted("a \"b\": c'd"), "'a \"b\": c''d'");
    }

    #[test]
    fn lines_out_of_line_name_their_sibling() {
        let text = format!("{HEAD}interactions:\n  - at: 2026-11-03\n    kind: inbound\n   - at: 2026-11-04\n     kind: inbound\n");
        assert_eq!(
            customer(&text, Lang::Id),
            "x.yaml:6:4: error: indentasi baris ini tidak pas; luruskan dengan `-` di baris 4 (kolom 3), pakai spasi sebanyak baris itu\n   6 |    - at: 2026-11-04\n     |    ^"
        );
        let text = "name: Siti\n  first_contact: 2026-11-02\n";
        assert!(customer(text, Lang::En).starts_with(
            "x.yaml:2:3: error: this line is not indented like the ones above; line it up with `name` on line 1 (column 1)"
        ));
        let lines = ["a:", "  - b: 1", "    c: 2", "   d: 3"];
        assert_eq!(sibling(&lines, 4), Some((3, 5, "c".to_string())));
        assert_eq!(sibling(&lines, 1), None);
    }

    #[test]
    fn fields_in_the_wrong_place() {
        let order = format!("{HEAD}orders:\n  - at: 2026-11-03\n    qty: 2\n");
        assert!(customer(&order, Lang::Id).contains("5:5: error: `qty` milik satu barang pesanan, bukan pesanannya: taruh di bawah `items:`"));
        let order = format!("{HEAD}orders:\n  - at: 2026-11-03\n    replied: 2026-11-03\n");
        assert!(customer(&order, Lang::En)
            .contains("this looks like an interaction (it has `replied`)"));
        let c = complaint("phone: 0812\nname: Siti\n", Lang::Id);
        assert!(c.contains("1:1: error: berkas ini seperti catatan pelanggan (ada `phone`): pindahkan berkasnya ke `customers/`"), "{c}");
        let c = customer("summary: Paket salah\n", Lang::En);
        assert!(c.contains("this file looks like a complaint record (it has `summary`): move it to `complaints/`"), "{c}");
        // A field known to neither: a suggestion, not a move.
        let c = customer(&format!("{HEAD}emial: a@b.co\n"), Lang::Id);
        assert!(
            c.contains("kolom `emial` tidak dikenal (maksudnya `email`?)"),
            "{c}"
        );
        // `admin` is in both kinds: no move suggested for a typo next to it.
        let c = complaint(
            "customer: siti\nopened: 2026-11-02\nsummary: x\nnama: y\n",
            Lang::En,
        );
        assert!(
            c.contains("unknown field `nama` (did you mean `name`?)")
                || c.contains("unknown field `nama`"),
            "{c}"
        );
        assert!(!c.contains("move it"), "{c}");
    }

    #[test]
    fn reader_limits_name_the_limit() {
        let text = format!("{HEAD}tags: {}\n", "[".repeat(1000));
        assert!(
            customer(&text, Lang::Id).contains("bersarang terlalu dalam (lebih dari 64 tingkat")
        );
        let deep = (0..80).fold(
            String::from("name: x\nfirst_contact: 2026-11-02\nnote:\n"),
            |mut s, i| {
                s.push_str(&format!("{}k{i}:\n", "  ".repeat(i + 1)));
                s
            },
        );
        let d = customer(&deep, Lang::En);
        assert!(
            d.contains("nested too deeply (more than 64 levels") || d.contains("expected text"),
            "{d}"
        );
        assert!(budget_message("Nodes { nodes: 5 }", false, 10, Lang::En)
            .contains("more than 250000 values"));
        assert!(
            budget_message("ScalarBytes { total_scalar_bytes: 1 }", true, 10, Lang::Id)
                .contains("alias")
        );
        assert!(budget_message("Depth { depth: 65 }", false, 10, Lang::Id).contains("64 tingkat"));
    }

    #[test]
    fn plain_messages_in_both_languages() {
        assert!(customer("name:\nfirst_contact: 2026-11-02\n", Lang::Id)
            .contains("`name` kosong; tulis nilainya sesudah `name:`"));
        assert!(
            customer("name: a\nname: b\nfirst_contact: 2026-11-02\n", Lang::Id)
                .contains("ditulis dua kali")
        );
        assert!(customer("first_contact: 2026-11-02\n", Lang::Id)
            .contains("kolom wajib `name` belum ada"));
        assert!(customer(&format!("{HEAD}---\nname: b\n"), Lang::Id).contains("satu dokumen YAML"));
        assert!(customer(&format!("{HEAD}tags: a\n"), Lang::Id).contains("harus berupa daftar"));
        assert!(customer("", Lang::Id).contains("berkas ini kosong"));
        assert!(complaint(" \n", Lang::En).contains("write the complaint"));
        assert!(decode_in(Path::new("x"), b"a\0b", Lang::Id)
            .is_err_and(|d| d.message.contains("data biner")));
        assert!(decode_in(Path::new("x"), b"a\xffb", Lang::Id)
            .is_err_and(|d| d.message.contains("bukan teks UTF-8")));
    }
}
