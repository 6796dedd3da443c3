//! Human formats: Rupiah, dates in Indonesian or English, masked contacts.

use crate::lang::Word;
use crate::metrics::{Metric, MetricKind, Metrics};
use crate::shop::config::{Config, Lang};
use jiff::civil::Weekday;
use jiff::tz::TimeZone;
use jiff::Timestamp;

/// `Rp 1.250.000` (IDR) or `1,250,000 USD`-style for other currencies.
pub fn money(amount: i64, currency: &str) -> String {
    let sep = if currency == "IDR" { '.' } else { ',' };
    let digits = amount.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(sep);
        }
        grouped.push(ch);
    }
    let sign = if amount < 0 { "-" } else { "" };
    if currency == "IDR" {
        format!("{sign}Rp {grouped}")
    } else {
        format!("{sign}{grouped} {currency}")
    }
}

pub fn weekday_name(w: Weekday, lang: Lang) -> &'static str {
    let i = w.to_monday_zero_offset() as usize;
    match lang {
        Lang::Id => [
            "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
        ][i],
        Lang::En => [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ][i],
    }
}

pub fn weekday_short(w: Weekday, lang: Lang) -> &'static str {
    let i = w.to_monday_zero_offset() as usize;
    match lang {
        Lang::Id => ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"][i],
        Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][i],
    }
}

pub fn month_short(m: i8, lang: Lang) -> &'static str {
    let i = (m.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Id => [
            "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
        ][i],
        Lang::En => [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ][i],
    }
}

pub fn month_long(m: i8, lang: Lang) -> &'static str {
    let i = (m.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Id => [
            "Januari",
            "Februari",
            "Maret",
            "April",
            "Mei",
            "Juni",
            "Juli",
            "Agustus",
            "September",
            "Oktober",
            "November",
            "Desember",
        ][i],
        Lang::En => [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ][i],
    }
}

/// `Senin, 16 Nov 2026`.
pub fn long_date(t: Timestamp, tz: &TimeZone, lang: Lang) -> String {
    let d = tz.to_datetime(t).date();
    format!(
        "{}, {} {} {}",
        weekday_name(d.weekday(), lang),
        d.day(),
        month_short(d.month(), lang),
        d.year()
    )
}

/// `Sen 16 Nov 10:15`: compact, for tables.
pub fn short_datetime(t: Timestamp, tz: &TimeZone, lang: Lang) -> String {
    let dt = tz.to_datetime(t);
    format!(
        "{} {} {} {:02}:{:02}",
        weekday_short(dt.weekday(), lang),
        dt.day(),
        month_short(dt.month(), lang),
        dt.hour(),
        dt.minute()
    )
}

/// `Senin, 16 Nov 2026 10:15`.
pub fn long_datetime(t: Timestamp, tz: &TimeZone, lang: Lang) -> String {
    let dt = tz.to_datetime(t);
    format!(
        "{} {:02}:{:02}",
        long_date(t, tz, lang),
        dt.hour(),
        dt.minute()
    )
}

/// `+6281234567890` → `0812-3456-7890` (how Indonesians write it); a fixed
/// line as `(031) 5678123`.
pub fn local_phone(e164: &str) -> String {
    let national = e164.strip_prefix("+62").unwrap_or(e164);
    if !crate::shop::record::is_mobile(e164) && national.is_ascii() && national.len() > 5 {
        // Two-digit area codes are the big cities' (Jakarta, Bandung,
        // Semarang, Surabaya, Medan); the others have three.
        let area = if ["21", "22", "24", "31", "61"].contains(&&national[..2]) {
            2
        } else {
            3
        };
        return format!("(0{}) {}", &national[..area], &national[area..]);
    }
    let local = format!("0{national}");
    group_phone(&local)
}

fn group_phone(digits: &str) -> String {
    let (a, rest) = digits.split_at(4.min(digits.len()));
    if rest.len() <= 4 {
        return format!("{a}-{rest}");
    }
    let (b, c) = rest.split_at(rest.len() - 4);
    format!("{a}-{b}-{c}")
}

/// `+6281234567890` → `+62 812-****-7890`.
pub fn mask_phone(e164: &str) -> String {
    let national = e164.strip_prefix("+62").unwrap_or(e164);
    if national.len() < 7 {
        return "+62 ****".into();
    }
    let (head, rest) = national.split_at(3);
    let tail = &rest[rest.len() - 4..];
    format!("+62 {head}-****-{tail}")
}

/// `siti.rahma@example.com` → `s***@example.com`.
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => format!("{}@{domain}", mask_handle(local)),
        None => "***".into(),
    }
}

/// `sitirahma88` → `s***`: a username finds a person as well as an email does.
pub fn mask_handle(user: &str) -> String {
    let first: String = user.chars().take(1).collect();
    format!("{first}***")
}

/// `Siti Rahma` → `Siti R.` (for testimonials).
pub fn short_name(name: &str) -> String {
    let mut words = name.split_whitespace();
    let first = words.next().unwrap_or("");
    match words.last() {
        Some(last) => {
            let initial: String = last.chars().take(1).collect();
            format!("{first} {initial}.")
        }
        None => first.to_string(),
    }
}

/// `Siti Rahma` → `Siti`.
pub fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// Words that already say how to address someone (SPEC §3), as usually written.
const HONORIFICS: [&str; 14] = [
    "Bu", "Ibu", "Pak", "Bapak", "Mbak", "Mas", "Kak", "Bang", "Teh", "Om", "Tante", "Hj.", "H.",
    "dr.",
];

/// The honorific a name word is, matched without regard to case or a final dot.
fn honorific(word: &str) -> Option<&'static str> {
    let bare = word.trim_end_matches('.');
    HONORIFICS
        .iter()
        .find(|h| h.trim_end_matches('.').eq_ignore_ascii_case(bare))
        .copied()
}

/// `siti` → `Siti`: a name typed in lowercase still reads as a name.
fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => word.to_string(),
    }
}

/// How a message addresses a customer (SPEC §3): `call` when set; else the
/// honorific the name starts with and the next name word (`Bu Hj. Maryam` →
/// `Bu Maryam`, never `Kak Bu`); else `greeting` and the first word of the
/// name (`Kak Siti`, or `Siti` with an empty greeting).
pub fn address(name: &str, call: Option<&str>, greeting: &str) -> String {
    if let Some(call) = call.map(str::trim).filter(|c| !c.is_empty()) {
        return call.to_string();
    }
    let mut words = name.split_whitespace();
    let Some(first) = words.next() else {
        return greeting.to_string();
    };
    let (head, given) = match honorific(first) {
        Some(h) => {
            // The person's own spelling (`Dr.` is not `dr.`), but a
            // lowercase `ibu` reads as `Ibu`.
            let head = if h.starts_with(char::is_uppercase) {
                capitalized(first)
            } else {
                first.to_string()
            };
            (head, words.find(|w| honorific(w).is_none()))
        }
        None if greeting.is_empty() => return capitalized(first),
        None => (greeting.to_string(), Some(first)),
    };
    match given.map(|w| w.trim_end_matches(',')) {
        Some(w) if !w.is_empty() => format!("{head} {}", capitalized(w)),
        _ => head,
    }
}

/// Percent-encoding for the `text=` of a wa.me link (RFC 3986 unreserved kept).
pub fn url_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The wa.me link that opens a chat with `message` typed in, or `None` for a
/// fixed line, which has no WhatsApp. Every WhatsApp link is made here.
pub fn whatsapp_link(e164: &str, message: &str) -> Option<String> {
    crate::shop::record::is_mobile(e164).then(|| {
        format!(
            "https://wa.me/{}?text={}",
            e164.trim_start_matches('+'),
            url_encode(message)
        )
    })
}

/// A number with the language's decimal mark: `3,5` or `3.5`.
pub fn decimal(v: f64, places: usize, lang: Lang) -> String {
    let s = format!("{v:.places$}");
    let s = if places > 0 {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    match lang {
        Lang::Id => s.replace('.', ","),
        Lang::En => s,
    }
}

/// A fraction as a whole percent (`38%`), `–` when undefined.
pub fn percent(v: Option<f64>, lang: Lang) -> String {
    v.map_or("–".into(), |r| {
        format!("{}%", decimal(r * 100.0, 0, lang))
    })
}

/// A metric's value as people read it.
pub fn metric(key: Metric, m: &Metrics, cfg: &Config) -> String {
    let lang = cfg.language;
    let products = |p: &str| {
        cfg.products
            .get(p)
            .map_or(p.to_string(), |x| x.name.clone())
    };
    let list = |items: Vec<String>| {
        if items.is_empty() {
            "–".to_string()
        } else {
            items.join(", ")
        }
    };
    match key {
        Metric::LeadsBySource => list(
            m.leads_by_source
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect(),
        ),
        Metric::ClosingRateByAdmin => list(
            m.closing_rate_by_admin
                .iter()
                .map(|(k, v)| format!("{k} {}", percent(Some(*v), lang)))
                .collect(),
        ),
        Metric::TopProducts => list(
            m.top_products
                .iter()
                .map(|t| format!("{} ×{}", products(&t.product), t.units))
                .collect(),
        ),
        _ => {
            let Some(v) = key.value(m) else {
                return "–".into();
            };
            match key.kind() {
                MetricKind::Money => money(v as i64, &cfg.currency),
                MetricKind::Rate => percent(Some(v), lang),
                MetricKind::Percent => format!("{}%", decimal(v, 0, lang)),
                MetricKind::Minutes => {
                    format!("{} {}", decimal(v, 1, lang), Word::Minutes.text(lang))
                }
                MetricKind::Hours => format!("{} {}", decimal(v, 1, lang), Word::Hours.text(lang)),
                MetricKind::Count | MetricKind::Score | MetricKind::Breakdown => {
                    decimal(v, 0, lang)
                }
            }
        }
    }
}

/// The change from the previous period, as text and direction.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Change {
    pub text: String,
    /// "up", "down", "same" or "none".
    pub direction: &'static str,
    /// "good", "bad" or "neutral".
    pub tone: &'static str,
}

pub fn change(key: Metric, this: &Metrics, prev: &Metrics, cfg: &Config) -> Change {
    let lang = cfg.language;
    let (Some(a), Some(b)) = (key.value(this), key.value(prev)) else {
        return Change {
            text: "–".into(),
            direction: "none",
            tone: "neutral",
        };
    };
    let diff = a - b;
    // Every change says its unit: points of a rate or score, minutes, hours.
    let unit =
        |n: f64, digits: usize, w: Word| format!("{} {}", decimal(n, digits, lang), w.text(lang));
    let text_abs = match key.kind() {
        MetricKind::Rate => unit(diff.abs() * 100.0, 0, Word::Points),
        MetricKind::Percent | MetricKind::Score => unit(diff.abs(), 0, Word::Points),
        MetricKind::Money => money(diff.abs() as i64, &cfg.currency),
        MetricKind::Minutes => unit(diff.abs(), 1, Word::Minutes),
        MetricKind::Hours => unit(diff.abs(), 1, Word::Hours),
        MetricKind::Count | MetricKind::Breakdown => decimal(diff.abs(), 0, lang),
    };
    let (direction, arrow) = if diff.abs() < 1e-9 {
        ("same", "=")
    } else if diff > 0.0 {
        ("up", "▲")
    } else {
        ("down", "▼")
    };
    let tone = match direction {
        "same" => "neutral",
        "up" if key.higher_is_better() => "good",
        "down" if !key.higher_is_better() => "good",
        _ => "bad",
    };
    let text = if direction == "same" {
        Word::Unchanged.text(lang).to_string()
    } else {
        format!("{arrow} {text_abs}")
    };
    Change {
        text,
        direction,
        tone,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(money(1_250_000, "IDR"), "Rp 1.250.000");
        assert_eq!(money(0, "IDR"), "Rp 0");
        assert_eq!(money(85_000, "IDR"), "Rp 85.000");
        assert_eq!(money(-5_000, "IDR"), "-Rp 5.000");
        let tz = TimeZone::get("Asia/Jakarta").expect("tz");
        let t = crate::time::parse_time_in("2026-11-16 10:15", &tz, Lang::Id).expect("t");
        assert_eq!(long_date(t, &tz, Lang::Id), "Senin, 16 Nov 2026");
        assert_eq!(long_date(t, &tz, Lang::En), "Monday, 16 Nov 2026");
        assert_eq!(mask_phone("+6281234567890"), "+62 812-****-7890");
        assert_eq!(local_phone("+6281234567890"), "0812-3456-7890");
        assert_eq!(mask_email("siti.rahma@example.com"), "s***@example.com");
        assert_eq!(short_name("Siti Rahma"), "Siti R.");
        assert_eq!(short_name("Andi"), "Andi");
        assert_eq!(url_encode("Halo Kak, 50%!"), "Halo%20Kak%2C%2050%25%21");
    }

    #[test]
    fn address_rule() {
        for (name, call, greeting, want) in [
            ("Siti Rahma", None, "Kak", "Kak Siti"),
            ("Siti", None, "Kak", "Kak Siti"),
            ("siti rahma", None, "Kak", "Kak Siti"),
            ("Bu Hj. Maryam", None, "Kak", "Bu Maryam"),
            ("Hj. Maryam", None, "Kak", "Hj. Maryam"),
            ("ibu siti", None, "Kak", "Ibu Siti"),
            ("Mbak Rina Sari", None, "Kak", "Mbak Rina"),
            ("PAK Budi Santoso", None, "Kak", "PAK Budi"),
            ("Kak Dewi", None, "Kak", "Kak Dewi"),
            ("Tante Hj Rosa", None, "Kak", "Tante Rosa"),
            ("H. Ahmad Dahlan", None, "Kak", "H. Ahmad"),
            ("dr. Ani", None, "Kak", "dr. Ani"),
            ("Bu", None, "Kak", "Bu"),
            ("Rina Wati", Some("Mbak Rina"), "Kak", "Mbak Rina"),
            ("Siti Rahma", Some("Kak Siti"), "Kak", "Kak Siti"),
            (
                "Bu Hj. Maryam",
                Some("Bu Hj. Maryam"),
                "Kak",
                "Bu Hj. Maryam",
            ),
            ("Siti Rahma", Some("  "), "Kak", "Kak Siti"),
            ("Siti Rahma", None, "Sis", "Sis Siti"),
            ("Bu Hj. Maryam", None, "Sis", "Bu Maryam"),
            ("Siti Rahma", None, "", "Siti"),
        ] {
            assert_eq!(
                address(name, call, greeting),
                want,
                "{name:?} {call:?} {greeting:?}"
            );
        }
    }

    #[test]
    fn landlines() {
        assert_eq!(local_phone("+62315678123"), "(031) 5678123");
        assert_eq!(local_phone("+62215551234"), "(021) 5551234");
        assert_eq!(local_phone("+62274512345"), "(0274) 512345");
        assert_eq!(whatsapp_link("+62315678123", "Halo"), None);
        assert_eq!(
            whatsapp_link("+6281234567890", "Halo Kak").as_deref(),
            Some("https://wa.me/6281234567890?text=Halo%20Kak")
        );
    }
}
