//! Dates as spreadsheets hold them: a workbook's date cells and serial
//! numbers, and the texts people and exports write — ISO (`2026-11-01`),
//! day first as in Indonesia (`01/11/2026`, `1/11/26`, `1-11-2026`,
//! `1.11.2026`), month names in Indonesian or English (`1 Nov 2026`,
//! `1 Agustus 2026`, `7-Nov-26`), an optional weekday before
//! (`Senin, 16 Nov 2026`) and an optional clock after (`14:30`, `14.30`,
//! `14:30:00`, `2:30 PM`). A day-first date whose "month" is over 12 while
//! its "day" is not is read month first (`11/20/2026` from an American
//! locale): that reading is the only one there is.

use super::Value;
use jiff::civil::{Date, DateTime, Time};

/// The date and time a cell holds, or `None` when it holds no date; a
/// numeric date that could be either is read as `order` says.
pub fn of_cell(v: &Value, order: DayOrder) -> Option<DateTime> {
    match v {
        // A time-of-day cell (`14:30` alone) is a date cell of 1899-12-30.
        Value::Date(d) if d.year() < 1900 => None,
        Value::Date(d) => Some(*d),
        Value::Number(n) => from_serial(*n),
        Value::Text(t) => parse_as(t, order),
        Value::Empty => None,
    }
}

/// Which comes first in a numeric date such as `05/11/2026`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DayOrder {
    #[default]
    DayFirst,
    MonthFirst,
}

/// How a file writes its numeric dates, from all of them: month first only
/// when some date can be read only so (`11/20/2026`) and none only day
/// first (`20/11/2026`); then `05/11/2026` in that file is 11 May, as its
/// American writer meant, not 5 Nov.
pub fn day_order<'a>(texts: impl IntoIterator<Item = &'a str>) -> DayOrder {
    let (mut day_first, mut month_first) = (false, false);
    for t in texts {
        let first = t.split_whitespace().find(|w| !is_weekday(w)).unwrap_or("");
        let parts: Vec<&str> = first.split(['/', '-', '.']).collect();
        if let [a, b, c] = parts[..] {
            if a.len() == 4 || year(c).is_none() {
                continue;
            }
            match (num(a), num(b)) {
                (Some(a), Some(b)) if a > 12 && b <= 12 => day_first = true,
                (Some(a), Some(b)) if b > 12 && a <= 12 => month_first = true,
                _ => {}
            }
        }
    }
    if month_first && !day_first {
        DayOrder::MonthFirst
    } else {
        DayOrder::DayFirst
    }
}

/// An Excel serial date (days since 1899-12-30, the fraction the time of
/// day), as a number cell without a date format shows it. Only serials of
/// the years 1950–9999 are taken for dates: a smaller number in a date
/// column (`2026`, `12`) is a mistake, not a day of the 1900s.
pub fn from_serial(n: f64) -> Option<DateTime> {
    const Y1950: f64 = 18_264.0;
    if !(Y1950..2_958_466.0).contains(&n) {
        return None;
    }
    let days = n.floor() as i32;
    let secs = ((n - n.floor()) * 86_400.0).round() as i32;
    let base = Date::new(1899, 12, 30).ok()?;
    let date = base.checked_add(jiff::Span::new().days(days)).ok()?;
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    // A fraction that rounds up to a whole day.
    if h >= 24 {
        return date.tomorrow().ok().map(|d| d.at(0, 0, 0, 0));
    }
    Some(date.at(h as i8, m as i8, s as i8, 0))
}

/// A month by its Indonesian or English name or short form, any case,
/// with or without a final dot.
pub fn month(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.').to_lowercase();
    Some(match w.as_str() {
        "jan" | "januari" | "january" => 1,
        "feb" | "peb" | "februari" | "pebruari" | "february" => 2,
        "mar" | "maret" | "march" => 3,
        "apr" | "april" => 4,
        "mei" | "may" => 5,
        "jun" | "juni" | "june" => 6,
        "jul" | "juli" | "july" => 7,
        "agu" | "agt" | "ags" | "agus" | "agustus" | "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "okt" | "oct" | "oktober" | "october" => 10,
        "nov" | "nop" | "november" | "nopember" => 11,
        "des" | "dec" | "desember" | "december" => 12,
        _ => return None,
    })
}

fn is_weekday(word: &str) -> bool {
    matches!(
        word.trim_end_matches([',', '.']).to_lowercase().as_str(),
        "senin"
            | "selasa"
            | "rabu"
            | "kamis"
            | "jumat"
            | "jum'at"
            | "sabtu"
            | "minggu"
            | "ahad"
            | "sen"
            | "sel"
            | "rab"
            | "kam"
            | "jum"
            | "sab"
            | "min"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "mon"
            | "tue"
            | "wed"
            | "thu"
            | "fri"
            | "sat"
            | "sun"
    )
}

fn num(s: &str) -> Option<i32> {
    (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// A year of two or four digits (`26` → 2026).
fn year(s: &str) -> Option<i16> {
    let y = num(s)?;
    match s.len() {
        2 => Some(2000 + y as i16),
        4 => Some(y as i16),
        _ => None,
    }
}

/// `14:30`, `14.30`, `14:30:00`, `9.05`; `None` when it is not a clock.
fn clock(s: &str) -> Option<(i8, i8, i8)> {
    let parts: Vec<&str> = s.split([':', '.']).collect();
    let (h, m, sec) = match parts[..] {
        [h, m] => (h, m, "0"),
        [h, m, s] => (h, m, s),
        _ => return None,
    };
    if !(1..=2).contains(&h.len()) || m.len() != 2 || !(1..=2).contains(&sec.len()) {
        return None;
    }
    let (h, m, sec) = (num(h)?, num(m)?, num(sec)?);
    (h < 24 && m < 60 && sec < 60).then_some((h as i8, m as i8, sec as i8))
}

/// The date of three parts: day, month (number or name), year; or year,
/// month, day when the first has four digits.
fn date_of(a: &str, b: &str, c: &str, order: DayOrder) -> Option<Date> {
    if a.len() == 4 {
        return Date::new(year(a)?, num(b)? as i8, num(c)? as i8).ok();
    }
    let y = year(c)?;
    let (d, m) = match (num(a), month(b), num(b)) {
        (Some(d), Some(m), _) => (d, m as i32),
        (Some(d), None, Some(m)) if m > 12 && d <= 12 => (m, d),
        (Some(m), None, Some(d)) if order == DayOrder::MonthFirst && m <= 12 => (d, m),
        (Some(d), None, Some(m)) => (d, m),
        // `Nov 1 2026`, `Nov-1-26`.
        (None, _, Some(d)) => (d, month(a)? as i32),
        _ => return None,
    };
    Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

/// A date, with an optional clock, as text, day first when it could be either.
#[cfg(test)]
pub fn parse(text: &str) -> Option<DateTime> {
    parse_as(text, DayOrder::DayFirst)
}

/// The same, reading a numeric date that could be either as `order` says.
pub fn parse_as(text: &str, order: DayOrder) -> Option<DateTime> {
    let cleaned = text.trim().replace(',', " ");
    let mut words: Vec<&str> = cleaned.split_whitespace().collect();
    if words.first().is_some_and(|w| is_weekday(w)) {
        words.remove(0);
    }
    // ISO `2026-11-01T14:30`.
    let split_t;
    if let [one] = words[..] {
        if let Some((d, t)) = one.split_once('T') {
            split_t = [d, t];
            words = split_t.to_vec();
        }
    }
    // An `AM`/`PM` after the clock, or stuck to it.
    let mut half: Option<bool> = None;
    if let Some(last) = words.last().copied() {
        let lower = last.to_lowercase();
        for (suffix, pm) in [("am", false), ("pm", true), ("a.m.", false), ("p.m.", true)] {
            if lower == suffix {
                half = Some(pm);
                words.pop();
                break;
            }
            if let Some(rest) = lower.strip_suffix(suffix) {
                if clock(rest).is_some() {
                    half = Some(pm);
                    let n = words.len();
                    words[n - 1] = &last[..rest.len()];
                    break;
                }
            }
        }
    }
    let time = match words.last().and_then(|w| clock(w)) {
        Some((h, m, s)) if words.len() > 1 => {
            words.pop();
            let h = match half {
                None => h,
                Some(_) if !(1..=12).contains(&h) => return None,
                Some(pm) => h % 12 + if pm { 12 } else { 0 },
            };
            Time::new(h, m, s, 0).ok()?
        }
        _ if half.is_some() => return None,
        _ => Time::midnight(),
    };
    let date = match words[..] {
        [one] => {
            let parts: Vec<&str> = one.split(['/', '-', '.']).collect();
            match parts[..] {
                [a, b, c] => date_of(a, b, c, order)?,
                _ => return None,
            }
        }
        [a, b, c] => date_of(a, b, c, order)?,
        _ => return None,
    };
    Some(date.to_datetime(time))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<String> {
        parse(s).map(|d| d.strftime("%Y-%m-%d %H:%M").to_string())
    }

    #[test]
    fn a_file_of_american_dates_reads_every_date_month_first() {
        let american = ["11/20/2026 2:30:05 PM", "11/05/2026 9:00:00 AM", "--"];
        assert_eq!(day_order(american), DayOrder::MonthFirst);
        let at = |t: &str, o| parse_as(t, o).map(|d| d.strftime("%Y-%m-%d %H:%M").to_string());
        assert_eq!(
            at("11/05/2026 9:00:00 AM", DayOrder::MonthFirst).as_deref(),
            Some("2026-11-05 09:00")
        );
        assert_eq!(
            at("11/05/2026 9:00:00 AM", DayOrder::DayFirst).as_deref(),
            Some("2026-05-11 09:00")
        );
        // A day-first date the other way stays readable.
        assert_eq!(
            at("20/11/2026", DayOrder::MonthFirst).as_deref(),
            Some("2026-11-20 00:00")
        );
        // Indonesian files, and files with both kinds or neither, are day first.
        assert_eq!(
            day_order(["20/11/2026 08:00", "05/11/2026"]),
            DayOrder::DayFirst
        );
        assert_eq!(day_order(["20/11/2026", "11/20/2026"]), DayOrder::DayFirst);
        assert_eq!(day_order(["05/11/2026", "2026-11-20"]), DayOrder::DayFirst);
        assert_eq!(day_order(["Senin, 16 Nov 2026"]), DayOrder::DayFirst);
    }

    #[test]
    fn every_form_people_write() {
        let cases = [
            ("2026-11-01", "2026-11-01 00:00"),
            ("2026-11-01 14:30", "2026-11-01 14:30"),
            ("2026-11-01T14:30:00", "2026-11-01 14:30"),
            ("2026/11/01", "2026-11-01 00:00"),
            ("01/11/2026", "2026-11-01 00:00"),
            ("1/11/26", "2026-11-01 00:00"),
            ("1-11-2026 14.30", "2026-11-01 14:30"),
            ("1.11.2026", "2026-11-01 00:00"),
            ("1 Nov 2026", "2026-11-01 00:00"),
            ("1 November 2026", "2026-11-01 00:00"),
            ("1 Agustus 2026", "2026-08-01 00:00"),
            ("17 agu 2026", "2026-08-17 00:00"),
            ("3 Okt 2026", "2026-10-03 00:00"),
            ("25 Des 2026 09.05", "2026-12-25 09:05"),
            ("5 Mei 2026", "2026-05-05 00:00"),
            ("7-Nov-26", "2026-11-07 00:00"),
            ("07-nov-2026 14:30", "2026-11-07 14:30"),
            ("Senin, 16 Nov 2026", "2026-11-16 00:00"),
            ("Nov 16, 2026", "2026-11-16 00:00"),
            ("11/20/2026 2:30 PM", "2026-11-20 14:30"),
            ("20/11/2026 12:15am", "2026-11-20 00:15"),
        ];
        for (text, want) in cases {
            assert_eq!(p(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn marketplace_date_times_keep_their_seconds() {
        let full = |s: &str| parse(s).map(|d| d.strftime("%Y-%m-%d %H:%M:%S").to_string());
        for (text, want) in [
            ("2024-11-20 14:03", "2024-11-20 14:03:00"),
            ("2024-11-20 14:03:11", "2024-11-20 14:03:11"),
            ("20/11/2024 14:03:11", "2024-11-20 14:03:11"),
            ("20/11/2024 14:03", "2024-11-20 14:03:00"),
            ("2024/11/20 14:03:11", "2024-11-20 14:03:11"),
        ] {
            assert_eq!(full(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn what_is_not_a_date() {
        for s in [
            "kemarin",
            "32/13/2026",
            "31/02/2026",
            "1 Nopem 2026",
            "2026-11-01 25:00",
            "14:30",
            "1/11",
            "1/11/126",
            "01/11/2026 13:00 PM",
        ] {
            assert_eq!(p(s), None, "{s}");
        }
    }

    #[test]
    fn serial_numbers() {
        let d = from_serial(46327.604166666664).expect("date");
        assert_eq!(d.strftime("%Y-%m-%d %H:%M").to_string(), "2026-11-01 14:30");
        assert_eq!(from_serial(12.0), None);
        assert_eq!(from_serial(2026.0), None);
        let time_only = Date::new(1899, 12, 30).expect("d").at(14, 30, 0, 0);
        assert_eq!(of_cell(&Value::Date(time_only), DayOrder::DayFirst), None);
        assert_eq!(
            of_cell(&Value::Number(46327.0), DayOrder::DayFirst).map(|d| d.date()),
            Date::new(2026, 11, 1).ok()
        );
    }
}
