//! Phone numbers and email addresses as customers write them.

use crate::lang::check as words;
use crate::shop::config::Lang;

/// Validates an email loosely: one `@`, something before it, a dotted domain.
pub fn valid_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

/// Indonesian phone numbers to E.164: `0812-3456-7890`, `62812…`, `+62 812 …`;
/// fixed lines too (`(031) 5678 123` → `+62315678123`), see [`is_mobile`].
pub fn normalize_phone(raw: &str) -> Result<String, String> {
    normalize_phone_in(raw, Lang::En)
}

/// [`normalize_phone`], its problems said in `lang`.
pub fn normalize_phone_in(raw: &str, lang: Lang) -> Result<String, String> {
    let trimmed = raw.trim();
    let mut digits = String::new();
    for (i, c) in trimmed.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => {}
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => return Err(words::phone_chars(trimmed, lang)),
        }
    }
    let national = if let Some(rest) = digits.strip_prefix("62") {
        rest.to_string()
    } else if let Some(rest) = digits.strip_prefix('0') {
        rest.to_string()
    } else if digits.starts_with('8') && !trimmed.starts_with('+') {
        digits.clone()
    } else {
        return Err(words::phone_not_indonesian(trimmed, lang));
    };
    let national = national.trim_start_matches('0');
    if !(8..=12).contains(&national.len()) {
        return Err(words::phone_length(trimmed, national.len(), lang));
    }
    Ok(format!("+62{national}"))
}

/// Is a normalised number an Indonesian mobile (`+628…`)? Only mobiles have
/// WhatsApp: after the country code a fixed line starts with its area code
/// (`+6221…` Jakarta, `+6231…` Surabaya).
pub fn is_mobile(e164: &str) -> bool {
    e164.starts_with("+628")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones() {
        for raw in [
            "0812-3456-7890",
            "081234567890",
            "6281234567890",
            "+62 812 3456 7890",
            "+62-812-3456-7890",
            "0812.3456.7890",
            "(0812) 3456 7890",
        ] {
            assert_eq!(
                normalize_phone(raw).as_deref(),
                Ok("+6281234567890"),
                "{raw}"
            );
        }
        for raw in ["0812-3456-7890", "+62 812 3456 7890", "6281234567890"] {
            assert!(normalize_phone(raw).is_ok_and(|p| is_mobile(&p)), "{raw}");
        }
        // Fixed lines: valid, normalised alike, but not mobiles (no WhatsApp).
        for (raw, e164) in [
            ("(031) 5678 123", "+62315678123"),
            ("021-5551234", "+62215551234"),
            ("+62 21 555 1234", "+62215551234"),
            ("62-274-512345", "+62274512345"),
            ("+62 (0)21 555 1234", "+62215551234"),
        ] {
            assert_eq!(normalize_phone(raw).as_deref(), Ok(e164), "{raw}");
            assert!(!is_mobile(e164), "{raw}");
        }
        assert!(normalize_phone("12345").is_err());
        assert!(normalize_phone("0812-34").is_err());
        assert!(normalize_phone("+1 415 555 0100").is_err());
        assert!(normalize_phone("0812 abc").is_err());
    }

    #[test]
    fn emails() {
        assert!(valid_email("siti.rahma@example.com"));
        assert!(!valid_email("siti"));
        assert!(!valid_email("siti@example"));
        assert!(!valid_email("si ti@example.com"));
        assert!(!valid_email("@example.com"));
    }
}
