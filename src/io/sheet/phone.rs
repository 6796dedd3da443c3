//! Phone numbers after a spreadsheet had them. A column left as "General"
//! makes `081355554444` the number `81355554444` (the leading 0 is gone but
//! every digit is there, so it can be given back), and a long one
//! `6,28123E+12` when saved to CSV (the digits after the sixth are gone for
//! good: no one can tell which number it was).

use super::{number_text, Value};

/// What became of a phone cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phone {
    /// The phone as it is to be written (the leading 0 given back when the
    /// spreadsheet had dropped it).
    Text(String),
    /// The spreadsheet turned it into this scientific number and lost
    /// digits.
    Lost(String),
    /// A number cell that cannot be a phone (a fraction, negative).
    Invalid(String),
}

/// The phone a cell holds; `None` when it is empty.
pub fn of_cell(v: &Value) -> Option<Phone> {
    Some(match v {
        Value::Empty => return None,
        Value::Number(n) if n.fract() != 0.0 || *n <= 0.0 || *n >= 1e15 => {
            Phone::Invalid(number_text(*n))
        }
        Value::Number(n) => Phone::Text(restore(&number_text(*n))),
        Value::Date(_) => Phone::Invalid(v.text()?),
        Value::Text(t) => {
            // A leading `'` is how a sheet is told "this is text".
            let t = t.trim().trim_start_matches('\'').trim();
            if t.is_empty() {
                return None;
            }
            match scientific(t) {
                Some(Some(digits)) => Phone::Text(restore(&digits)),
                Some(None) => Phone::Lost(t.to_string()),
                None => Phone::Text(restore(t)),
            }
        }
    })
}

/// Digits alone that read as an Indonesian mobile without its leading 0
/// (`8…`, 9 to 13 digits) get it back; anything else is left as it is.
fn restore(t: &str) -> String {
    let whole = t.bytes().all(|b| b.is_ascii_digit());
    if whole && t.starts_with('8') && (9..=13).contains(&t.len()) {
        format!("0{t}")
    } else {
        t.to_string()
    }
}

/// `6,28123E+12` / `6.28123e12` / `8.1355554444E+10`: `None` when the text
/// is not in scientific notation; `Some(None)` when it is and digits were
/// lost (fewer digits after the point than the exponent); else the digits.
fn scientific(t: &str) -> Option<Option<String>> {
    let (mantissa, exp) = t.split_once(['e', 'E'])?;
    let exp = exp.strip_prefix('+').unwrap_or(exp);
    let exp: usize = (!exp.is_empty() && exp.bytes().all(|b| b.is_ascii_digit()))
        .then(|| exp.parse().ok())
        .flatten()?;
    let (int, frac) = mantissa.split_once([',', '.']).unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !digits(int) || !digits(frac) {
        return None;
    }
    Some((frac.len() == exp).then(|| format!("{int}{frac}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Option<Phone> {
        of_cell(&Value::Text(s.into()))
    }

    #[test]
    fn what_spreadsheets_did_to_phones() {
        let t = |s: &str| Some(Phone::Text(s.into()));
        assert_eq!(text("81355554444"), t("081355554444"));
        assert_eq!(text("081355554444"), t("081355554444"));
        assert_eq!(text("'081355554444"), t("081355554444"));
        assert_eq!(text("6281355554444"), t("6281355554444"));
        assert_eq!(text("0812-3456-7890"), t("0812-3456-7890"));
        assert_eq!(text("6,28123E+12"), Some(Phone::Lost("6,28123E+12".into())));
        assert_eq!(text("6.28123E+12"), Some(Phone::Lost("6.28123E+12".into())));
        assert_eq!(text("8.1355554444E+10"), t("081355554444"));
        assert_eq!(of_cell(&Value::Number(81355554444.0)), t("081355554444"));
        assert_eq!(of_cell(&Value::Number(6281355554444.0)), t("6281355554444"));
        assert_eq!(
            of_cell(&Value::Number(812.5)),
            Some(Phone::Invalid("812.5".into()))
        );
        assert_eq!(text("  "), None);
        // A fixed line that lost its 0 is not guessed at.
        assert_eq!(text("215678123"), t("215678123"));
    }
}
