//! Money as exports and people write it, in whole currency units (Rupiah
//! has no cents in practice): `85000`, `85.000` and `Rp 1.250.000`
//! (Indonesian grouping), `85,000` and `85,000.00` (English), `85.000,00`,
//! `Rp85.000`, `IDR 85,000`, and a workbook's number cell. A separator
//! followed by exactly three digits, again and again to the end, groups
//! thousands; the last separator before one or two digits (or other than
//! three) is the decimal point. A fraction is rounded to the unit.

use super::Value;

/// The amount a cell holds; `None` when it holds none (empty, words, a
/// negative amount).
pub fn of_cell(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) if n.is_finite() && *n >= 0.0 && *n < 1e15 => Some(n.round() as i64),
        Value::Text(t) => parse(t),
        _ => None,
    }
}

/// An amount as text.
pub fn parse(text: &str) -> Option<i64> {
    let mut s = text.trim();
    for prefix in ["IDR", "idr", "Rp.", "rp.", "RP.", "Rp", "rp", "RP"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest;
            break;
        }
    }
    // Spaces and non-breaking spaces may group digits too (`1 250 000`).
    let s: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    let s = s.strip_suffix(",-").unwrap_or(&s);
    if s.is_empty() || !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if !s
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    // Where the decimal point is, if any: the last separator, unless every
    // separator of its kind is followed by a group of three digits (and
    // the other kind does not follow it).
    let last = s.rfind(['.', ',']);
    let decimal = last.filter(|&i| {
        let sep = s.as_bytes()[i] as char;
        let other = if sep == '.' { ',' } else { '.' };
        if s.contains(other) {
            // Both kinds: the one written last is the decimal point.
            return true;
        }
        let groups: Vec<&str> = s.split(sep).collect();
        let grouping = groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3);
        !grouping
    });
    let (whole, frac) = match decimal {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s, ""),
    };
    if frac.contains(['.', ',']) {
        return None;
    }
    // The grouping separators of the whole part, in groups of three.
    let groups: Vec<&str> = whole.split(['.', ',']).collect();
    if groups.len() > 1
        && (groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3))
    {
        return None;
    }
    let digits: String = groups.concat();
    let whole: i64 = digits.parse().ok()?;
    let round_up = frac.chars().next().is_some_and(|c| c >= '5');
    whole.checked_add(i64::from(round_up))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_exports_write() {
        let cases = [
            ("85000", 85_000),
            ("85.000", 85_000),
            ("85,000", 85_000),
            ("Rp 85.000", 85_000),
            ("Rp85.000", 85_000),
            ("Rp. 85.000,-", 85_000),
            ("IDR 85,000", 85_000),
            ("85,000.00", 85_000),
            ("85.000,00", 85_000),
            ("1.250.000", 1_250_000),
            ("Rp 1.250.000", 1_250_000),
            ("1,250,000.50", 1_250_001),
            ("1 250 000", 1_250_000),
            ("85000.00", 85_000),
            ("85000,5", 85_001),
            ("12.5", 13),
            ("0", 0),
        ];
        for (text, want) in cases {
            assert_eq!(parse(text), Some(want), "{text}");
        }
        assert_eq!(of_cell(&Value::Number(85000.0)), Some(85_000));
        assert_eq!(of_cell(&Value::Text("Rp 85.000".into())), Some(85_000));
    }

    #[test]
    fn what_is_no_amount() {
        for s in [
            "",
            "Rp",
            "gratis",
            "-5000",
            "85.00.0",
            "1.2345.000",
            "1,25,000",
            "8x",
        ] {
            assert_eq!(parse(s), None, "{s}");
        }
        assert_eq!(of_cell(&Value::Number(-1.0)), None);
        assert_eq!(of_cell(&Value::Empty), None);
    }
}
