//! Human formats: Rupiah, dates in Indonesian or English, masked contacts.

use crate::config::Lang;
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

/// `+6281234567890` → `0812-3456-7890` (how Indonesians write it).
pub fn local_phone(e164: &str) -> String {
    let national = e164.strip_prefix("+62").unwrap_or(e164);
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
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".into(),
    }
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

pub fn whatsapp_link(e164: &str, message: &str) -> String {
    format!(
        "https://wa.me/{}?text={}",
        e164.trim_start_matches('+'),
        url_encode(message)
    )
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
        let t = crate::time::parse_time("2026-11-16 10:15", &tz).expect("t");
        assert_eq!(long_date(t, &tz, Lang::Id), "Senin, 16 Nov 2026");
        assert_eq!(long_date(t, &tz, Lang::En), "Monday, 16 Nov 2026");
        assert_eq!(mask_phone("+6281234567890"), "+62 812-****-7890");
        assert_eq!(local_phone("+6281234567890"), "0812-3456-7890");
        assert_eq!(mask_email("siti.rahma@example.com"), "s***@example.com");
        assert_eq!(short_name("Siti Rahma"), "Siti R.");
        assert_eq!(short_name("Andi"), "Andi");
        assert_eq!(url_encode("Halo Kak, 50%!"), "Halo%20Kak%2C%2050%25%21");
    }
}
