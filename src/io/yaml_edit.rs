//! Pure text edits of record files that keep every byte a person wrote:
//! appending an interaction to the `interactions:` list and setting top-level
//! fields of a complaint. Composing new records with safe YAML quoting.

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

/// `interactions` is written on one line (`[…]`): `log` appends only to a
/// block list (the caller says so in the shop's language).
#[derive(Debug, PartialEq, Eq)]
pub struct OneLineList;

/// Appends one list item (given as `key: value` pairs) to the top-level
/// `interactions:` block list; creates the block at the end when absent.
pub fn append_interaction(text: &str, fields: &[(&str, String)]) -> Result<String, OneLineList> {
    append_interactions(text, &[fields])
}

/// Appends several items at once, in order (one pass over the text, for
/// imports that add hundreds).
pub fn append_interactions(text: &str, items: &[&[(&str, String)]]) -> Result<String, OneLineList> {
    let nl = line_ending(text);
    let lines = lines_with_endings(text);
    let start = lines.iter().position(|l| is_top_key(l, "interactions"));
    let item = |dash_indent: usize, key_indent: usize| -> String {
        let mut s = String::new();
        for fields in items {
            for (i, (k, v)) in fields.iter().enumerate() {
                if i == 0 {
                    s.push_str(&" ".repeat(dash_indent));
                    s.push_str("- ");
                    s.push_str(&" ".repeat(key_indent.saturating_sub(dash_indent + 2)));
                } else {
                    s.push_str(&" ".repeat(key_indent));
                }
                s.push_str(&format!("{k}: {v}{nl}"));
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
        out.push_str(&format!("interactions:{nl}"));
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
    let after_colon = head["interactions".len() + 1..].trim();
    let value = after_colon.split(" #").next().unwrap_or("").trim();
    if value == "[]" || value == "~" || value == "null" {
        // An empty list written inline: this one line becomes the block's head.
        let mut out: String = lines[..start].concat();
        let comment = after_colon
            .find('#')
            .map(|i| format!(" {}", &after_colon[i..]))
            .unwrap_or_default();
        out.push_str(&format!("interactions:{comment}{nl}"));
        out.push_str(&item(2, 4));
        out.push_str(&lines[start + 1..].concat());
        return Ok(out);
    }
    if !value.is_empty() {
        return Err(OneLineList);
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
        let is_dash = l.trim_start().starts_with("- ")
            || l.trim_start() == "-"
            || l.trim_start().starts_with("-\r");
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
        // `interactions:` with nothing under it.
        let mut out: String = lines[..=start].concat();
        if !out.ends_with('\n') {
            out.push_str(nl);
        }
        out.push_str(&item(2, 4));
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

/// Sets `key: value` in the block list item whose first key is on `line`
/// (1-based, as the record parser reports an item): adds the line at the
/// end of the item, at its keys' indentation, or fills in a `key:` that is
/// there but empty (`~`, `null`). Every other byte stays. An item that
/// already has a value for `key`, or is written on one line, is refused.
pub fn set_in_item(text: &str, line: u32, key: &str, value: &str) -> Result<String, String> {
    let nl = line_ending(text);
    let lines = lines_with_endings(text);
    let start = (line as usize)
        .checked_sub(1)
        .filter(|i| *i < lines.len())
        .ok_or("no list item on that line")?;
    // The item's dash: on that line or, for `-` alone on a line, above it.
    let dash = (0..=start)
        .rev()
        .find(|&i| {
            let t = lines[i].trim_start();
            t.starts_with("- ") || t.trim_end() == "-"
        })
        .ok_or("no list item on that line")?;
    let dash_indent = indent_of(lines[dash]);
    let after_dash = &lines[dash][dash_indent + 1..];
    let first_key = after_dash.trim_start_matches(' ');
    if first_key.starts_with('{') {
        return Err(
            "the item is written on one line ({…}); write it with one field per line".into(),
        );
    }
    let key_indent = if first_key.trim().is_empty() {
        lines
            .get(dash + 1)
            .map_or(dash_indent + 2, |l| indent_of(l))
    } else {
        dash_indent + 1 + (after_dash.len() - first_key.len())
    };
    let mut last = dash;
    for (i, l) in lines.iter().enumerate().skip(dash + 1) {
        let t = l.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if indent_of(l) <= dash_indent {
            break;
        }
        last = i;
    }
    // The key on one of the item's lines (the dash line included).
    for i in dash..=last {
        let l = lines[i];
        let body = if i == dash {
            first_key
        } else {
            l.trim_start_matches(' ')
        };
        let at_key = i == dash || indent_of(l) == key_indent;
        if !at_key || !is_top_key(body, key) {
            continue;
        }
        let rest = body[key.len() + 1..].trim_end_matches(['\r', '\n']);
        // The comment keeps the spaces before it.
        let (val, comment) = match rest.find(" #") {
            Some(c) => rest.split_at(rest[..c].trim_end_matches(' ').len()),
            None => (rest, ""),
        };
        if !matches!(val.trim(), "" | "~" | "null" | "Null" | "NULL") {
            return Err(format!("`{key}` is already set"));
        }
        let ending = &l[l.trim_end_matches(['\r', '\n']).len()..];
        let prefix = &l[..l.len() - body.len()];
        let mut out: String = lines[..i].concat();
        out.push_str(&format!("{prefix}{key}: {value}{comment}{ending}"));
        out.push_str(&lines[i + 1..].concat());
        return Ok(out);
    }
    let mut out: String = lines[..=last].concat();
    let new_line = format!("{}{key}: {value}", " ".repeat(key_indent));
    if out.ends_with('\n') {
        out.push_str(&new_line);
        out.push_str(nl);
    } else {
        // The item ends the file without a final newline: keep it so.
        out.push_str(nl);
        out.push_str(&new_line);
    }
    out.push_str(&lines[last + 1..].concat());
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
    fn set_in_item_adds_or_fills_a_field_of_one_item() {
        let old = "interactions:\n  - at: 2026-11-02 10:15  # pagi\n    kind: inbound\n    # komentar\n\n  - at: 2026-11-03\n    kind: note\nfeedback: []\n";
        assert_eq!(
            set_in_item(old, 2, "replied", "2026-11-02 10:19").expect("ok"),
            "interactions:\n  - at: 2026-11-02 10:15  # pagi\n    kind: inbound\n    replied: 2026-11-02 10:19\n    # komentar\n\n  - at: 2026-11-03\n    kind: note\nfeedback: []\n"
        );
        assert_eq!(
            set_in_item(old, 6, "replied", "x").expect("ok"),
            "interactions:\n  - at: 2026-11-02 10:15  # pagi\n    kind: inbound\n    # komentar\n\n  - at: 2026-11-03\n    kind: note\n    replied: x\nfeedback: []\n"
        );
        // An empty value is filled in place, its comment kept.
        let old = "interactions:\n- at: 2026-11-02\n  replied: ~  # belum\n  kind: inbound\n";
        assert_eq!(
            set_in_item(old, 2, "replied", "2026-11-02 10:19").expect("ok"),
            "interactions:\n- at: 2026-11-02\n  replied: 2026-11-02 10:19  # belum\n  kind: inbound\n"
        );
        // CRLF, no final newline, `-` alone on its line.
        let old = "interactions:\r\n  -\r\n    at: 2026-11-02\r\n    kind: inbound";
        assert_eq!(
            set_in_item(old, 3, "replied", "y").expect("ok"),
            format!("{old}\r\n    replied: y")
        );
        assert!(set_in_item(
            "interactions:\n  - at: 1\n    replied: 2\n",
            2,
            "replied",
            "3"
        )
        .is_err());
        assert!(set_in_item(
            "interactions:\n  - {at: 1, kind: inbound}\n",
            2,
            "replied",
            "3"
        )
        .is_err());
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
}
