//! Small text helpers shared by the parsers: positions, suggestions and
//! plain-language rewrites of serde's messages.

use crate::lang::check as words;
use crate::shop::config::Lang;

/// 1-based (line, column) of a byte offset; the column counts characters.
pub fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line as u32, col as u32)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The closest candidate, when it is close enough to be a likely typo.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (edit_distance(&lower, &c.to_lowercase()), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 4) && *d < c.len().max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// ` (maksudnya `x`?)` / ` (did you mean `x`?)` in `lang`, or nothing.
pub fn did_you_mean_in<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    lang: Lang,
) -> String {
    words::did_you_mean(suggest(word, candidates), lang)
}

/// The candidates closest to what a person typed, best first, at most
/// `max`: each candidate is an id and a name (`siti-rahma`, `Siti Rahma`).
/// Ids or names that start with the word come first, then those holding it,
/// then likely typos of the id (by edit distance); case does not matter.
pub fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = (&'a str, &'a str)>,
    max: usize,
) -> Vec<&'a str> {
    let w = word.trim().to_lowercase();
    if w.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(usize, &'a str)> = candidates
        .into_iter()
        .filter_map(|(id, name)| {
            let (lid, lname) = (id.to_lowercase(), name.to_lowercase());
            let slug: String = lname.split_whitespace().collect::<Vec<_>>().join("-");
            let score = if lid.starts_with(&w) || lname.starts_with(&w) || slug.starts_with(&w) {
                0
            } else if w.chars().count() >= 3 && (lid.contains(&w) || lname.contains(&w)) {
                1
            } else {
                let d = edit_distance(&w, &lid).min(edit_distance(&w, &slug));
                let limit = 2.max(lid.chars().count() / 4);
                if d > limit || d >= lid.chars().count().max(2) {
                    return None;
                }
                2 + d
            };
            Some((score, id))
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(max).map(|(_, id)| id).collect()
}

/// The spelling a list uses of a name typed in any case (`Yuni` → `yuni`).
pub fn same_name<'a>(typed: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let typed = typed.trim();
    known
        .into_iter()
        .find(|k| k.to_lowercase() == typed.to_lowercase())
}

/// The names after serde's `expected one of` (or `expected`).
pub fn expected_names(tail: &str) -> Vec<&str> {
    tail.split_once("expected one of ")
        .or_else(|| tail.split_once("expected "))
        .map(|(_, list)| {
            list.split(", ")
                .map(|s| s.trim_matches(|c| c == '`' || c == ' '))
                .collect()
        })
        .unwrap_or_default()
}

/// Rewrites serde's messages (from YAML or TOML) into plain words in `lang`.
pub fn plain_serde_message_in(msg: &str, lang: Lang) -> String {
    let msg = msg.trim();
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        if let Some((field, tail)) = rest.split_once('`') {
            let expected = expected_names(tail);
            let hint = did_you_mean_in(field, expected.iter().copied(), lang);
            return words::unknown_field(field, &hint, &expected, lang);
        }
    }
    if let Some(rest) = msg.strip_prefix("unknown variant `") {
        if let Some((value, tail)) = rest.split_once('`') {
            let expected = expected_names(tail);
            let hint = did_you_mean_in(value, expected.iter().copied(), lang);
            return words::unknown_variant(value, &hint, &expected, lang);
        }
    }
    if let Some(rest) = msg.strip_prefix("missing field `") {
        if let Some((field, _)) = rest.split_once('`') {
            return words::missing_field(field, lang);
        }
    }
    if msg.starts_with("invalid i64")
        || msg.starts_with("invalid u")
        || msg.starts_with("invalid i")
    {
        return words::expected_number(lang);
    }
    if msg.starts_with("invalid boolean") {
        return words::expected_bool(lang);
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return words::wrong_type(&words::type_word(expected, lang), found, lang);
        }
    }
    msg.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_ids_by_prefix_substring_and_typo() {
        let c = [
            ("siti-rahma", "Siti Rahma"),
            ("siti-aminah", "Siti Aminah"),
            ("budi", "Pak Budi Santoso"),
            ("2026-0001", "Paket salah kirim"),
        ];
        assert_eq!(closest("siti", c, 3), ["siti-aminah", "siti-rahma"]);
        assert_eq!(closest("siti-rahmaa", c, 3), ["siti-rahma"]);
        assert_eq!(closest("Santoso", c, 3), ["budi"]);
        assert_eq!(closest("2026-001", c, 3), ["2026-0001"]);
        assert!(closest("zzz", c, 3).is_empty());
        assert_eq!(same_name("Yuni", ["dewi", "yuni"]), Some("yuni"));
        assert_eq!(same_name("yunita", ["dewi", "yuni"]), None);
    }

    #[test]
    fn positions() {
        let t = "ab\ncdé\nx";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        assert_eq!(line_col(t, t.find('x').unwrap_or(0)), (3, 1));
        assert_eq!(line_col(t, 999), (3, 2));
    }

    #[test]
    fn suggestions() {
        assert_eq!(suggest("nmae", ["name", "phone"]), Some("name"));
        assert_eq!(suggest("timezon", ["timezone", "name"]), Some("timezone"));
        assert_eq!(suggest("zzzzzz", ["name", "phone"]), None);
        assert_eq!(
            plain_serde_message_in(
                "unknown field `nmae`, expected one of name, phone",
                Lang::En
            ),
            "unknown field `nmae` (did you mean `name`?); known fields here: name, phone"
        );
        assert_eq!(
            plain_serde_message_in("missing field `name`", Lang::En),
            "required field `name` is missing; add `name:` with its value"
        );
    }
}
