//! Pure text edits of record files that keep every byte a person wrote:
//! appending an item to a top-level list (`interactions:`, `orders:`),
//! setting missing fields of a list item in place (an order's `paid:`), and
//! setting top-level fields of a complaint. Composing new records with safe YAML quoting.

/// The file's line ending: CRLF when the file uses it.
pub fn line_ending(text: &str) -> &'static str {
    if text.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    }
}

/// A YAML scalar for free text: plain when that reads back as the same string,
/// else double-quoted.
pub fn scalar(s: &str) -> String {
    let plain_ok = !s.is_empty()
        && s == s.trim()
        && s.chars()
            .all(|c| c.is_alphanumeric() || " -.,/()+'&!?".contains(c))
        && !s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c) || c.is_ascii_digit())
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "y" | "n" | "~"
        );
    if plain_ok {
        return s.to_string();
    }
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_top_key(line: &str, key: &str) -> bool {
    line.strip_prefix(key)
        .and_then(|r| r.strip_prefix(':'))
        .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t', '\r', '\n']))
}

/// Splits text into lines keeping their endings (the last may have none).
fn lines_with_endings(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// Appends one list item (given as `key: value` pairs) to the top-level
/// `interactions:` block list; creates the block at the end when absent.
/// `Err` when `interactions` is written on one line (the caller says so in
/// the shop's language).
pub fn append_interaction(text: &str, fields: &[(&str, String)]) -> Result<String, OneLine> {
    append_interactions(text, &[fields])
}

/// Appends several interactions at once, in order.
pub fn append_interactions<'a, F: AsRef<[(&'a str, String)]>>(
    text: &str,
    items: &[F],
) -> Result<String, OneLine> {
    let items: Vec<Vec<String>> = items
        .iter()
        .map(|f| {
            f.as_ref()
                .iter()
                .map(|(k, v)| format!("{k}: {v}"))
                .collect()
        })
        .collect();
    append_items(text, "interactions", &items)
}

/// A top-level list written on one line with items in it (`orders: [{at:
/// …}]`): an item cannot be added to it without rewriting what a person
/// wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OneLine;

/// Appends one item to the top-level block list `key:` (creating the list
/// at the end of the file when absent, and turning `key: []`, `key: ~` or
/// a bare `key:` into a block), keeping every other byte: the file's line
/// ending, its lack of a final newline, comments, the indentation of the
/// items already there. `lines` are the item's lines as written under the
/// dash: the first key first, nested lines with their extra indentation
/// (`items:`, `  - product: serum`, `    qty: 2`).
pub fn append_item(text: &str, key: &str, lines_in: &[String]) -> Result<String, OneLine> {
    append_items(text, key, &[lines_in])
}

/// Appends several `items: &[Vec<String>]` in order ([`append_item`]'s lines
/// each), in one pass over the text (an import may add hundreds).
pub fn append_items<L: AsRef<[String]>>(
    text: &str,
    key: &str,
    items: &[L],
) -> Result<String, OneLine> {
    let nl = line_ending(text);
    let lines = lines_with_endings(text);
    let start = lines.iter().position(|l| is_top_key(l, key));
    let item = |dash_indent: usize, key_indent: usize| -> String {
        let mut s = String::new();
        for lines_in in items {
            for (i, line) in lines_in.as_ref().iter().enumerate() {
                if i == 0 {
                    s.push_str(&" ".repeat(dash_indent));
                    s.push_str("- ");
                    s.push_str(&" ".repeat(key_indent.saturating_sub(dash_indent + 2)));
                } else {
                    s.push_str(&" ".repeat(key_indent));
                }
                s.push_str(line);
                s.push_str(nl);
            }
        }
        s
    };
    let Some(start) = start else {
        // No list yet: a new block at the end of the file.
        let mut out = text.to_string();
        let had_final_newline = text.is_empty() || text.ends_with('\n');
        if !had_final_newline {
            out.push_str(nl);
        }
        out.push_str(&format!("{key}:{nl}"));
        let block = item(2, 4);
        if had_final_newline {
            out.push_str(&block);
        } else {
            // Keep the file's style of having no final newline.
            out.push_str(block.strip_suffix(nl).unwrap_or(&block));
        }
        return Ok(out);
    };
    let head = lines[start];
    let after_colon = head[key.len() + 1..].trim();
    let value = after_colon.split(" #").next().unwrap_or("").trim();
    let value = if value.starts_with('#') { "" } else { value };
    if value == "[]" || value == "~" || value == "null" {
        // An empty list written inline: this one line becomes the block's head.
        let mut out: String = lines[..start].concat();
        let comment = after_colon
            .find('#')
            .map(|i| format!(" {}", &after_colon[i..]))
            .unwrap_or_default();
        let last_line = start + 1 == lines.len() && !head.ends_with('\n');
        out.push_str(&format!("{key}:{comment}{nl}"));
        let block = item(2, 4);
        if last_line {
            out.push_str(block.strip_suffix(nl).unwrap_or(&block));
        } else {
            out.push_str(&block);
        }
        out.push_str(&lines[start + 1..].concat());
        return Ok(out);
    }
    if !value.is_empty() {
        return Err(OneLine);
    }
    // The block: following lines that are indented, blank or comments.
    let mut last_item_line = None;
    let mut dash_indent = None;
    let mut key_indent = None;
    for (i, l) in lines.iter().enumerate().skip(start + 1) {
        let trimmed = l.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let ind = indent_of(l);
        let is_dash = is_dash_line(l);
        if ind == 0 && !is_dash {
            break;
        }
        if is_dash && dash_indent.is_none() {
            dash_indent = Some(ind);
            let rest = &l[ind + 1..];
            key_indent = Some(ind + 1 + (rest.len() - rest.trim_start_matches(' ').len()));
        }
        last_item_line = Some(i);
    }
    let Some(last) = last_item_line else {
        // `key:` with nothing under it.
        let mut out: String = lines[..=start].concat();
        let last_line = !out.ends_with('\n') && start + 1 == lines.len();
        if !out.ends_with('\n') {
            out.push_str(nl);
        }
        let block = item(2, 4);
        if last_line {
            out.push_str(block.strip_suffix(nl).unwrap_or(&block));
        } else {
            out.push_str(&block);
        }
        out.push_str(&lines[start + 1..].concat());
        return Ok(out);
    };
    let d = dash_indent.unwrap_or(2);
    let k = key_indent.unwrap_or(d + 2).max(d + 2);
    let mut out: String = lines[..=last].concat();
    let last_has_newline = out.ends_with('\n');
    if !last_has_newline {
        out.push_str(nl);
    }
    let block = item(d, k);
    if last + 1 == lines.len() && !last_has_newline {
        out.push_str(block.strip_suffix(nl).unwrap_or(&block));
    } else {
        out.push_str(&block);
    }
    out.push_str(&lines[last + 1..].concat());
    Ok(out)
}

fn is_dash_line(l: &str) -> bool {
    let t = l.trim_start_matches(' ');
    t.starts_with("- ") || t.trim_end() == "-"
}

/// Why the fields of a list item cannot be set in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemEdit {
    /// The item is written as a `{…}` mapping on one line, or the line is
    /// not where its key should be.
    NotBlock,
}

/// Sets fields of the list item (a block mapping under a `- `) that has
/// `anchor_key` on line `anchor_line` (1-based; e.g. an order's `ref:`),
/// keeping every other byte. A field the item has with a value is left as
/// it is; one written empty (`paid:`, `paid: ~`) gets the value on its line
/// (its comment kept); one it lacks is added as a line at the item's key
/// indentation, before its `channel:` or `ref:` line when it has one (so the
/// times stay together), else after its last line.
pub fn set_item_fields(
    text: &str,
    anchor_line: usize,
    anchor_key: &str,
    fields: &[(&str, String)],
) -> Result<String, ItemEdit> {
    let nl = line_ending(text);
    let mut lines: Vec<String> = lines_with_endings(text)
        .into_iter()
        .map(String::from)
        .collect();
    let a = anchor_line.checked_sub(1).ok_or(ItemEdit::NotBlock)?;
    let anchor = lines.get(a).ok_or(ItemEdit::NotBlock)?;
    // The column where the item's keys start.
    let key_col = |l: &str| -> (usize, bool) {
        let ind = indent_of(l);
        if is_dash_line(l) {
            let rest = &l[ind + 1..];
            (
                ind + 1 + (rest.len() - rest.trim_start_matches(' ').len()),
                true,
            )
        } else {
            (ind, false)
        }
    };
    let key_at = |l: &str, col: usize| -> Option<String> {
        let body = l.get(col..)?;
        let (k, _) = body.split_once(':')?;
        let k = k.trim_end();
        (!k.is_empty() && k.chars().all(|c| c.is_alphanumeric() || c == '_')).then(|| k.to_string())
    };
    let (col, _) = key_col(anchor);
    if key_at(anchor, col).as_deref() != Some(anchor_key) {
        return Err(ItemEdit::NotBlock);
    }
    // Up to the line with the item's dash.
    let mut dash = a;
    loop {
        let l = &lines[dash];
        let (c, is_dash) = key_col(l);
        // `- at: …`, or a dash alone on its line with the keys below it.
        if is_dash && (c == col || (l.trim() == "-" && indent_of(l) < col)) {
            break;
        }
        let t = l.trim();
        let content = !(t.is_empty() || t.starts_with('#'));
        if dash == 0 || (content && indent_of(l) < col) {
            return Err(ItemEdit::NotBlock);
        }
        dash -= 1;
    }
    // Down to its last line: lines indented at least to its keys.
    let mut end = a;
    for (i, l) in lines.iter().enumerate().skip(dash + 1) {
        let t = l.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if indent_of(l) < col {
            break;
        }
        end = i;
    }
    end = end.max(a);
    let key_lines: Vec<(usize, String)> = (dash..=end)
        .filter(|&i| i == dash || (indent_of(&lines[i]) == col && !is_dash_line(&lines[i])))
        .filter_map(|i| key_at(&lines[i], col).map(|k| (i, k)))
        .collect();
    let mut insert_at = key_lines
        .iter()
        .find(|(i, k)| *i != dash && (k == "channel" || k == "ref"))
        .map_or(end + 1, |(i, _)| *i);
    let mut added: Vec<String> = Vec::new();
    for (key, value) in fields {
        match key_lines.iter().find(|(_, k)| k == key) {
            Some((i, _)) => {
                let l = &lines[*i];
                let body = l.trim_end_matches(['\r', '\n']);
                let ending = &l[body.len()..];
                let split = col + key.len() + 1;
                let rest = &body[split..];
                let v = rest.split(" #").next().unwrap_or("").trim();
                let v = if rest.trim_start().starts_with('#') {
                    ""
                } else {
                    v
                };
                if !(v.is_empty() || v == "~" || v == "null") {
                    continue; // written already: never changed
                }
                // Keep a trailing comment with the spaces before it.
                let comment = rest
                    .find(" #")
                    .map(|c| rest[rest[..c].trim_end_matches(' ').len()..].to_string())
                    .unwrap_or_default();
                lines[*i] = format!("{}: {value}{comment}{ending}", &body[..split - 1]);
            }
            None => added.push(format!("{}{key}: {value}", " ".repeat(col))),
        }
    }
    if added.is_empty() {
        return Ok(lines.concat());
    }
    if insert_at > lines.len() {
        insert_at = lines.len();
    }
    let mut block = String::new();
    let at_end = insert_at == lines.len();
    let last_open = at_end && lines.last().is_some_and(|l| !l.ends_with('\n'));
    if last_open {
        // No final newline: the new lines go after one, and keep that style.
        block.push_str(nl);
        block.push_str(&added.join(nl));
    } else {
        for l in &added {
            block.push_str(l);
            block.push_str(nl);
        }
    }
    let mut out: String = lines[..insert_at].concat();
    out.push_str(&block);
    out.push_str(&lines[insert_at..].concat());
    Ok(out)
}

/// Sets a top-level `key: value`: replaces the value on its line (keeping a
/// trailing comment), or appends the line at the end of the file.
pub fn set_field(text: &str, key: &str, value: &str) -> String {
    let nl = line_ending(text);
    let lines = lines_with_endings(text);
    if let Some(i) = lines.iter().position(|l| is_top_key(l, key)) {
        let l = lines[i];
        let ending = if l.ends_with("\r\n") {
            "\r\n"
        } else if l.ends_with('\n') {
            "\n"
        } else {
            ""
        };
        let body = l.trim_end_matches(['\r', '\n']);
        let rest = &body[key.len() + 1..];
        // Keep a trailing comment with the spaces before it.
        let comment = rest
            .find(" #")
            .map(|i| {
                let start = rest[..i].trim_end_matches(' ').len();
                rest[start..].to_string()
            })
            .unwrap_or_default();
        let mut out: String = lines[..i].concat();
        out.push_str(&format!("{key}: {value}{comment}{ending}"));
        out.push_str(&lines[i + 1..].concat());
        return out;
    }
    let mut out = text.to_string();
    let had_final_newline = text.is_empty() || text.ends_with('\n');
    if !had_final_newline {
        out.push_str(nl);
        out.push_str(&format!("{key}: {value}"));
    } else {
        out.push_str(&format!("{key}: {value}{nl}"));
    }
    out
}

/// A slug id from a person's name: `Siti Rahma` → `siti-rahma`.
pub fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in name.chars() {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'Ò' | 'Ó' | 'Ô' | 'Ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            'ñ' | 'Ñ' => 'n',
            'ç' | 'Ç' => 'c',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    let s = s.trim_end_matches('-').to_string();
    if s.is_empty() {
        "pelanggan".into()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> Vec<(&'static str, String)> {
        vec![
            ("at", "2026-11-20 15:00".into()),
            ("kind", "followup".into()),
            ("by", "dewi".into()),
        ]
    }

    const ITEM: &str = "  - at: 2026-11-20 15:00\n    kind: followup\n    by: dewi\n";

    #[test]
    fn appends_after_the_last_item_keeping_everything_else() {
        let old = "# Pelanggan\nname: Siti   # nama\ntags: [a, b]\ninteractions:\n  - at: 2026-11-02 10:15\n    kind: inbound   # chat\n    # komentar\n\nfeedback: []\n";
        let new = append_interaction(old, &fields()).expect("ok");
        let expect = "# Pelanggan\nname: Siti   # nama\ntags: [a, b]\ninteractions:\n  - at: 2026-11-02 10:15\n    kind: inbound   # chat\n".to_string()
            + ITEM
            + "    # komentar\n\nfeedback: []\n";
        assert_eq!(new, expect);
    }

    #[test]
    fn follows_the_existing_indentation() {
        let old = "name: A\ninteractions:\n- at: 2026-11-02\n  kind: inbound\n";
        let new = append_interaction(old, &fields()).expect("ok");
        assert_eq!(
            new,
            format!("{old}- at: 2026-11-20 15:00\n  kind: followup\n  by: dewi\n")
        );
        let old = "name: A\ninteractions:\n    -   at: 2026-11-02\n        kind: inbound\n";
        let new = append_interaction(old, &fields()).expect("ok");
        assert!(
            new.ends_with(
                "    -   at: 2026-11-20 15:00\n        kind: followup\n        by: dewi\n"
            ),
            "{new}"
        );
    }

    #[test]
    fn absent_list_goes_at_the_end() {
        let old = "name: A\nfirst_contact: 2026-11-02\n";
        assert_eq!(
            append_interaction(old, &fields()).expect("ok"),
            format!("{old}interactions:\n{ITEM}")
        );
        let old = "name: A\nfirst_contact: 2026-11-02";
        assert_eq!(
            append_interaction(old, &fields()).expect("ok"),
            format!("{old}\ninteractions:\n{}", ITEM.trim_end_matches('\n'))
        );
    }

    #[test]
    fn crlf_and_missing_final_newline() {
        let old = "name: A\r\ninteractions:\r\n  - at: 2026-11-02\r\n    kind: inbound";
        let new = append_interaction(old, &fields()).expect("ok");
        assert_eq!(
            new,
            format!(
                "{old}\r\n{}",
                ITEM.replace('\n', "\r\n").trim_end_matches("\r\n")
            )
        );
    }

    #[test]
    fn list_in_the_middle_and_empty_forms() {
        let old = "name: A\ninteractions:\n  - at: 2026-11-02\n    kind: inbound\norders: []\n";
        let new = append_interaction(old, &fields()).expect("ok");
        assert_eq!(
            new,
            format!(
                "name: A\ninteractions:\n  - at: 2026-11-02\n    kind: inbound\n{ITEM}orders: []\n"
            )
        );
        let new = append_interaction("name: A\ninteractions: []  # belum\nnote: x\n", &fields())
            .expect("ok");
        assert_eq!(
            new,
            format!("name: A\ninteractions: # belum\n{ITEM}note: x\n")
        );
        let new = append_interaction("name: A\ninteractions:\nnote: x\n", &fields()).expect("ok");
        assert_eq!(new, format!("name: A\ninteractions:\n{ITEM}note: x\n"));
        assert!(
            append_interaction("interactions: [{at: 2026-11-02, kind: note}]\n", &fields())
                .is_err()
        );
    }

    #[test]
    fn set_field_replaces_or_appends() {
        let old = "customer: a\nopened: 2026-11-06 08:00  # pagi\nresolved: ~  # nanti\n";
        let new = set_field(old, "resolved", "2026-11-07 10:00");
        assert_eq!(
            new,
            "customer: a\nopened: 2026-11-06 08:00  # pagi\nresolved: 2026-11-07 10:00  # nanti\n"
        );
        let new = set_field(old, "csat", "5");
        assert_eq!(new, format!("{old}csat: 5\n"));
        assert_eq!(set_field("a: 1", "b", "2"), "a: 1\nb: 2");
        assert_eq!(set_field("a: 1\r\n", "b", "2"), "a: 1\r\nb: 2\r\n");
    }

    #[test]
    fn scalars_and_slugs() {
        assert_eq!(scalar("Siti Rahma"), "Siti Rahma");
        assert_eq!(scalar("Yes"), "\"Yes\"");
        assert_eq!(scalar("08:30"), "\"08:30\"");
        assert_eq!(scalar("a: b"), "\"a: b\"");
        assert_eq!(scalar("say \"hi\""), "\"say \\\"hi\\\"\"");
        assert_eq!(scalar("- list"), "\"- list\"");
        assert_eq!(scalar("#tag"), "\"#tag\"");
        assert_eq!(scalar("Bu Siti (reseller)"), "Bu Siti (reseller)");
        assert_eq!(slug("Siti Rahma"), "siti-rahma");
        assert_eq!(slug("  Dédé  O'Neil "), "dede-o-neil");
        assert_eq!(slug("!!!"), "pelanggan");
    }

    fn order() -> Vec<String> {
        [
            "at: 2026-11-20 14:03",
            "items:",
            "  - product: serum",
            "    qty: 2",
            "    price: 80000",
            "channel: shopee",
            "ref: shopee:2411203KQ7XBNA",
        ]
        .map(String::from)
        .to_vec()
    }

    const ORDER: &str = "  - at: 2026-11-20 14:03\n    items:\n      - product: serum\n        qty: 2\n        price: 80000\n    channel: shopee\n    ref: shopee:2411203KQ7XBNA\n";

    #[test]
    fn an_order_is_appended_keeping_every_other_byte() {
        // After the last order, before the comment and the next list.
        let old = "name: A  # nama\norders:\n  - at: 2026-11-03 14:00   # pertama\n    items: [{product: serum}]\n    paid: 2026-11-03 15:00\n  # lama\ninteractions: []\n";
        let new = append_item(old, "orders", &order()).expect("ok");
        let want = "name: A  # nama\norders:\n  - at: 2026-11-03 14:00   # pertama\n    items: [{product: serum}]\n    paid: 2026-11-03 15:00\n".to_string()
            + ORDER
            + "  # lama\ninteractions: []\n";
        assert_eq!(new, want);
        // Absent: a new list at the end; without a final newline, still none.
        let old = "name: A\nfirst_contact: 2026-11-01\n";
        assert_eq!(
            append_item(old, "orders", &order()).expect("ok"),
            format!("{old}orders:\n{ORDER}")
        );
        let old = "name: A\nfirst_contact: 2026-11-01";
        assert_eq!(
            append_item(old, "orders", &order()).expect("ok"),
            format!("{old}\norders:\n{}", ORDER.trim_end_matches('\n'))
        );
        // A flow list that is empty becomes the block; with items it is refused.
        let old = "name: A\norders: []   # belum\nnote: x\n";
        assert_eq!(
            append_item(old, "orders", &order()).expect("ok"),
            format!("name: A\norders: # belum\n{ORDER}note: x\n")
        );
        assert_eq!(
            append_item("orders: []", "orders", &order()).expect("ok"),
            format!("orders:\n{}", ORDER.trim_end_matches('\n'))
        );
        assert_eq!(
            append_item(
                "orders: [{at: 2026-11-01, items: [{product: a}]}]\n",
                "orders",
                &order()
            ),
            Err(OneLine)
        );
        // Items written at the margin keep that style.
        let old = "orders:\n- at: 2026-11-03\n  items:\n  - product: serum\n";
        let new = append_item(old, "orders", &order()).expect("ok");
        assert!(new.starts_with(old), "{new}");
        assert!(new.ends_with("- at: 2026-11-20 14:03\n  items:\n    - product: serum\n      qty: 2\n      price: 80000\n  channel: shopee\n  ref: shopee:2411203KQ7XBNA\n"), "{new}");
    }

    #[test]
    fn an_order_is_appended_to_a_crlf_file_without_final_newline() {
        let old =
            "name: A\r\norders:\r\n  - at: 2026-11-03\r\n    items:\r\n      - product: serum";
        let new = append_item(old, "orders", &order()).expect("ok");
        assert_eq!(
            new,
            format!(
                "{old}\r\n{}",
                ORDER.replace('\n', "\r\n").trim_end_matches("\r\n")
            )
        );
    }

    fn times() -> Vec<(&'static str, String)> {
        vec![
            ("paid", "2026-11-20 14:10".into()),
            ("shipped", "2026-11-21 09:00".into()),
        ]
    }

    #[test]
    fn fields_go_into_the_order_found_by_its_ref() {
        let old = "name: A\norders:\n  - at: 2026-11-03  # a\n    items:\n      - product: serum\n        qty: 1\n    # catatan\n    channel: shopee\n    ref: shopee:1\n  - at: 2026-11-20 14:03\n    items: [{product: serum}]\n    paid: 2026-11-20 14:05   # oleh pembeli\n    ref: shopee:2\ninteractions: []\n";
        // The first order: before its channel line.
        let new = set_item_fields(old, 9, "ref", &times()).expect("ok");
        assert_eq!(
            new,
            old.replace(
                "    # catatan\n    channel: shopee\n",
                "    # catatan\n    paid: 2026-11-20 14:10\n    shipped: 2026-11-21 09:00\n    channel: shopee\n"
            )
        );
        // The second: its `paid` a person wrote stays; `shipped` goes before `ref`.
        let new = set_item_fields(old, 13, "ref", &times()).expect("ok");
        assert_eq!(
            new,
            old.replace(
                "    ref: shopee:2\n",
                "    shipped: 2026-11-21 09:00\n    ref: shopee:2\n"
            )
        );
        // Nothing to set: the very same bytes.
        let once = set_item_fields(old, 13, "ref", &times()).expect("ok");
        let twice = set_item_fields(&once, 14, "ref", &times()).expect("ok");
        assert_eq!(once, twice);
        // Not the ref's line, or a one-line item: refused.
        assert_eq!(
            set_item_fields(old, 8, "ref", &times()),
            Err(ItemEdit::NotBlock)
        );
        let flow = "orders:\n  - {at: 2026-11-03, items: [{product: a}], ref: shopee:1}\n";
        assert_eq!(
            set_item_fields(flow, 2, "ref", &times()),
            Err(ItemEdit::NotBlock)
        );
    }

    #[test]
    fn fields_of_an_order_written_empty_crlf_or_last_without_newline() {
        // `paid: ~` gets the value on its line, comment kept.
        let old = "orders:\r\n  - at: 2026-11-03\r\n    items:\r\n      - product: serum\r\n    paid: ~  # nanti\r\n    ref: shopee:1";
        let new = set_item_fields(old, 6, "ref", &times()).expect("ok");
        assert_eq!(
            new,
            "orders:\r\n  - at: 2026-11-03\r\n    items:\r\n      - product: serum\r\n    paid: 2026-11-20 14:10  # nanti\r\n    shipped: 2026-11-21 09:00\r\n    ref: shopee:1"
        );
        // The ref first and the item last in a file without a final newline.
        let old =
            "orders:\n  - ref: tiktok:9\n    at: 2026-11-03\n    items:\n      - product: serum";
        let new = set_item_fields(old, 2, "ref", &times()).expect("ok");
        assert_eq!(
            new,
            format!("{old}\n    paid: 2026-11-20 14:10\n    shipped: 2026-11-21 09:00")
        );
        // The dash on a line of its own.
        let old = "orders:\n  -\n    at: 2026-11-03\n    items: [{product: serum}]\n    ref: tiktok:9\nnote: x\n";
        let new = set_item_fields(old, 5, "ref", &times()).expect("ok");
        assert_eq!(
            new,
            old.replace(
                "    ref: tiktok:9\n",
                "    paid: 2026-11-20 14:10\n    shipped: 2026-11-21 09:00\n    ref: tiktok:9\n"
            )
        );
    }
}
