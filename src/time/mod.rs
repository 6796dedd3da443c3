//! Times in the shop's zone, durations, ISO weeks and open-time (business
//! hours) arithmetic. Everything here is pure.

use jiff::civil::{Date, DateTime, Time, Weekday};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use std::fmt;

mod hours;
pub use hours::*;

/// A length of time in whole seconds. `1d` is exactly 24 hours (SPEC §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Dur(pub i64);

impl Dur {
    pub const ZERO: Dur = Dur(0);
    pub fn minutes(m: i64) -> Dur {
        Dur(m * 60)
    }
    pub fn hours(h: i64) -> Dur {
        Dur(h * 3600)
    }
    pub fn days(d: i64) -> Dur {
        Dur(d * 86_400)
    }
    pub fn secs(self) -> i64 {
        self.0
    }
    pub fn times(self, n: i64) -> Dur {
        Dur(self.0.saturating_mul(n))
    }
    pub fn signed(self) -> SignedDuration {
        SignedDuration::from_secs(self.0)
    }
}

impl fmt::Display for Dur {
    /// `90m` → `1h30m`, `36h` → `1d12h`; zero is `0m`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = self.0;
        if s == 0 {
            return f.write_str("0m");
        }
        if s < 0 {
            f.write_str("-")?;
            s = -s;
        }
        let (d, rest) = (s / 86_400, s % 86_400);
        let (h, rest) = (rest / 3600, rest % 3600);
        let (m, sec) = (rest / 60, rest % 60);
        if d > 0 {
            write!(f, "{d}d")?;
        }
        if h > 0 {
            write!(f, "{h}h")?;
        }
        if m > 0 {
            write!(f, "{m}m")?;
        }
        if sec > 0 {
            write!(f, "{sec}s")?;
        }
        Ok(())
    }
}

impl Dur {
    /// `24h`, `1h30m`: hours without days, for open-time waits where a "day"
    /// of open time would read like a calendar day.
    pub fn hours_text(self) -> String {
        let h = self.0 / 3600;
        let m = (self.0 % 3600) / 60;
        match (h, m) {
            (0, m) => format!("{m}m"),
            (h, 0) => format!("{h}h"),
            (h, m) => format!("{h}h{m}m"),
        }
    }
}

/// Parses `<n><unit>` joined, units `m` `h` `d` `w` (`90m`, `1d12h`, `6w`);
/// its problem said in `lang`.
pub fn parse_duration(text: &str, lang: crate::shop::config::Lang) -> Result<Dur, String> {
    use crate::lang::config::{not_a_duration, DurProblem};
    let s = text.trim();
    let bad = |p: DurProblem| not_a_duration(s, p, lang);
    if s.is_empty() {
        return Err(bad(DurProblem::Empty));
    }
    if s == "0" {
        return Ok(Dur::ZERO);
    }
    let mut total: i64 = 0;
    let mut num = String::new();
    for ch in s.chars() {
        if ch.is_ascii_digit() {
            num.push(ch);
            continue;
        }
        let unit = match ch {
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            'w' => 7 * 86_400,
            _ => return Err(bad(DurProblem::UnknownUnit(ch))),
        };
        if num.is_empty() {
            return Err(bad(DurProblem::NumberFirst(ch)));
        }
        let n: i64 = num.parse().map_err(|_| bad(DurProblem::NumberTooLarge))?;
        total = n
            .checked_mul(unit)
            .and_then(|v| total.checked_add(v))
            .filter(|v| *v <= 100 * 365 * 86_400)
            .ok_or_else(|| bad(DurProblem::TooLong))?;
        num.clear();
    }
    if !num.is_empty() {
        return Err(bad(DurProblem::NeedsUnit(&num)));
    }
    Ok(Dur(total))
}

/// Parses a record time (SPEC §3): `YYYY-MM-DD`, `YYYY-MM-DD HH:MM`,
/// `YYYY-MM-DDTHH:MM`, optional `:SS`, optional offset (`+07:00`, `Z`) after a
/// clock time. Without offset the time is civil time in `tz`. Its problems
/// are said in `lang` (records are checked in the shop's language).
pub fn parse_time_in(
    text: &str,
    tz: &TimeZone,
    lang: crate::shop::config::Lang,
) -> Result<Timestamp, String> {
    use crate::lang::check as words;
    let s = text.trim();
    let bad = || words::not_a_time(s, lang);
    let b = s.as_bytes();
    let num = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = b.get(range)?;
        if part.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(part).ok()?.parse().ok()
        } else {
            None
        }
    };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(bad());
    }
    let (y, mo, d) = match (num(0..4), num(5..7), num(8..10)) {
        (Some(y), Some(mo), Some(d)) => (y, mo, d),
        _ => return Err(bad()),
    };
    let date = Date::new(y as i16, mo as i8, d as i8).map_err(|_| words::not_a_date(s, lang))?;
    if b.len() == 10 {
        return civil_to_timestamp(date.to_datetime(Time::midnight()), tz).ok_or_else(bad);
    }
    if !(b[10] == b' ' || b[10] == b'T' || b[10] == b't') {
        if b[10] == b'+' || b[10] == b'-' || b[10] == b'Z' {
            return Err(words::offset_after_date(s, lang));
        }
        return Err(bad());
    }
    let rest = &b[11..];
    if rest.len() < 5 || rest[2] != b':' {
        return Err(bad());
    }
    let (h, mi) = match (num(11..13), num(14..16)) {
        (Some(h), Some(mi)) => (h, mi),
        _ => return Err(bad()),
    };
    let mut pos = 16;
    let mut sec = 0;
    if b.get(pos) == Some(&b':') {
        sec = num(pos + 1..pos + 3).ok_or_else(bad)?;
        pos += 3;
    }
    let time =
        Time::new(h as i8, mi as i8, sec as i8, 0).map_err(|_| words::impossible_clock(s, lang))?;
    let civil = date.to_datetime(time);
    let tail = s[pos..].trim_start();
    if tail.is_empty() {
        return civil_to_timestamp(civil, tz).ok_or_else(bad);
    }
    let offset_secs: i64 = if tail == "Z" || tail == "z" {
        0
    } else {
        let tb = tail.as_bytes();
        let sign = match tb[0] {
            b'+' => 1,
            b'-' => -1,
            _ => return Err(bad()),
        };
        let digits: String = tail[1..].chars().filter(|c| *c != ':').collect();
        if !(digits.len() == 2 || digits.len() == 4) || !digits.bytes().all(|c| c.is_ascii_digit())
        {
            return Err(bad());
        }
        let oh: i64 = digits[..2].parse().map_err(|_| bad())?;
        let om: i64 = if digits.len() == 4 {
            digits[2..].parse().map_err(|_| bad())?
        } else {
            0
        };
        if oh > 18 || om > 59 {
            return Err(bad());
        }
        sign * (oh * 3600 + om * 60)
    };
    let utc = civil_to_timestamp(civil, &TimeZone::UTC).ok_or_else(bad)?;
    utc.checked_sub(SignedDuration::from_secs(offset_secs))
        .map_err(|_| bad())
}

/// A civil time in a zone as an instant, read as record times are (a time
/// in a gap or fold takes the earlier offset).
pub fn civil_to_timestamp(dt: DateTime, tz: &TimeZone) -> Option<Timestamp> {
    tz.to_ambiguous_timestamp(dt).compatible().ok()
}

/// `2026-11-03T10:15:00+07:00`: RFC 3339 with seconds and the zone's offset.
pub fn rfc3339(t: Timestamp, tz: &TimeZone) -> String {
    t.to_zoned(tz.clone())
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// `2026-11-03 10:15` in the shop zone, for tables and explanations.
pub fn short(t: Timestamp, tz: &TimeZone) -> String {
    t.to_zoned(tz.clone())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

pub fn civil(t: Timestamp, tz: &TimeZone) -> DateTime {
    tz.to_datetime(t)
}

/// The local calendar day of `t` as days since 1970-01-01.
pub fn local_day(t: Timestamp, tz: &TimeZone) -> i64 {
    (t.as_second() + i64::from(tz.to_offset(t).seconds())).div_euclid(86_400)
}

/// (year, month, day) of a day number (days since 1970-01-01, proleptic
/// Gregorian), after Howard Hinnant's `civil_from_days`.
pub fn civil_from_days(z: i64) -> (i64, i8, i8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m as i8, d as i8)
}

/// The day number of a civil date (inverse of `civil_from_days`).
pub fn days_from_civil(y: i64, m: i8, d: i8) -> i64 {
    let (m, d) = (i64::from(m), i64::from(d));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub fn add(t: Timestamp, d: Dur) -> Timestamp {
    t.checked_add(d.signed()).unwrap_or(if d.0 >= 0 {
        Timestamp::MAX
    } else {
        Timestamp::MIN
    })
}

pub fn sub(t: Timestamp, d: Dur) -> Timestamp {
    add(t, Dur(-d.0))
}

/// Seconds from `a` to `b` (negative when `b` is earlier).
pub fn between(a: Timestamp, b: Timestamp) -> Dur {
    Dur(b.as_second() - a.as_second())
}

/// An ISO week, e.g. `2026-W47`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Week {
    pub year: i16,
    pub week: i8,
}

impl Week {
    /// `2026-W47`; `None` for anything else (the caller says so in the
    /// shop's language, `lang::cli::bad_week`).
    pub fn parse(text: &str) -> Option<Week> {
        let (y, w) = text.trim().split_once(['W', 'w'])?;
        let y: i16 = y.trim_end_matches('-').parse().ok()?;
        let w: i8 = w.parse().ok()?;
        jiff::civil::ISOWeekDate::new(y, w, Weekday::Monday).ok()?;
        Some(Week { year: y, week: w })
    }

    /// The week of `t` in the zone. Called for every event of the shop, so it
    /// works on the local day number instead of a full civil conversion.
    pub fn containing(t: Timestamp, tz: &TimeZone) -> Week {
        Week::of_day(local_day(t, tz))
    }

    /// The ISO week of a local day (days since 1970-01-01): the week belongs
    /// to the year of its Thursday.
    pub fn of_day(day: i64) -> Week {
        let weekday = (day + 3).rem_euclid(7); // 1970-01-01 was a Thursday; Monday = 0
        let thursday = day - weekday + 3;
        let (year, _, _) = civil_from_days(thursday);
        let jan1 = days_from_civil(year, 1, 1);
        Week {
            year: year as i16,
            week: ((thursday - jan1) / 7 + 1) as i8,
        }
    }

    pub fn monday(self) -> Date {
        jiff::civil::ISOWeekDate::new(self.year, self.week, Weekday::Monday)
            .map(|d| d.date())
            .unwrap_or(Date::ZERO)
    }

    /// [start, end) of the week in the shop zone.
    pub fn bounds(self, tz: &TimeZone) -> (Timestamp, Timestamp) {
        let mon = self.monday();
        let next = mon.checked_add(jiff::Span::new().days(7)).unwrap_or(mon);
        let start =
            civil_to_timestamp(mon.to_datetime(Time::midnight()), tz).unwrap_or(Timestamp::MIN);
        let end =
            civil_to_timestamp(next.to_datetime(Time::midnight()), tz).unwrap_or(Timestamp::MAX);
        (start, end)
    }

    pub fn prev(self) -> Week {
        let mon = self.monday();
        let d = mon.checked_sub(jiff::Span::new().days(7)).unwrap_or(mon);
        let iso = d.iso_week_date();
        Week {
            year: iso.year(),
            week: iso.week(),
        }
    }

    /// The `n` weeks ending with this one, oldest first.
    pub fn last(self, n: usize) -> Vec<Week> {
        let mut weeks = Vec::with_capacity(n);
        let mut w = self;
        for _ in 0..n {
            weeks.push(w);
            w = w.prev();
        }
        weeks.reverse();
        weeks
    }

    #[cfg(test)]
    pub fn next(self) -> Week {
        let mon = self.monday();
        let d = mon.checked_add(jiff::Span::new().days(7)).unwrap_or(mon);
        let iso = d.iso_week_date();
        Week {
            year: iso.year(),
            week: iso.week(),
        }
    }
}

impl fmt::Display for Week {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-W{:02}", self.year, self.week)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shop::config::Lang;

    fn jkt() -> TimeZone {
        TimeZone::get("Asia/Jakarta").expect("zone")
    }

    fn t(s: &str) -> Timestamp {
        parse_time_in(s, &jkt(), Lang::En).expect("time")
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90m", Lang::En), Ok(Dur(5400)));
        assert_eq!(parse_duration("1d12h", Lang::En), Ok(Dur(36 * 3600)));
        assert_eq!(parse_duration("6w", Lang::En), Ok(Dur::days(42)));
        assert_eq!(parse_duration("0", Lang::En), Ok(Dur::ZERO));
        assert_eq!(parse_duration(" 24h ", Lang::En), Ok(Dur::hours(24)));
        assert!(parse_duration("", Lang::En).is_err());
        assert!(parse_duration("24", Lang::En).is_err());
        assert!(parse_duration("h", Lang::En).is_err());
        assert!(parse_duration("3x", Lang::En).is_err());
        assert!(parse_duration("99999999999999999d", Lang::En).is_err());
        assert_eq!(Dur(36 * 3600).to_string(), "1d12h");
        assert_eq!(Dur(5400).to_string(), "1h30m");
        assert_eq!(Dur::ZERO.to_string(), "0m");
        assert_eq!(Dur::hours(24).hours_text(), "24h");
        assert_eq!(Dur(5400).hours_text(), "1h30m");
    }

    #[test]
    fn time_formats() {
        let z = jkt();
        let base = t("2026-11-02 10:15");
        assert_eq!(rfc3339(base, &z), "2026-11-02T10:15:00+07:00");
        assert_eq!(t("2026-11-02T10:15"), base);
        assert_eq!(t("2026-11-02 10:15:00"), base);
        assert_eq!(t("2026-11-02T03:15:00Z"), base);
        assert_eq!(t("2026-11-02 10:15+07:00"), base);
        assert_eq!(t("2026-11-02T10:15:00+0700"), base);
        assert_eq!(rfc3339(t("2026-11-02"), &z), "2026-11-02T00:00:00+07:00");
        assert!(parse_time_in("2026-11-02+07:00", &z, Lang::En).is_err());
        assert!(parse_time_in("2026-02-30", &z, Lang::En).is_err());
        assert!(parse_time_in("2026-11-02 25:00", &z, Lang::En).is_err());
        assert!(parse_time_in("kemarin", &z, Lang::En).is_err());
        assert!(parse_time_in("2026-11-02 10:15 WIB", &z, Lang::En).is_err());
        assert!(parse_time_in("2026-1-2", &z, Lang::En).is_err());
    }

    #[test]
    fn weeks() {
        let z = jkt();
        let w = Week::parse("2026-W47").expect("week");
        assert_eq!(w.to_string(), "2026-W47");
        let (a, b) = w.bounds(&z);
        assert_eq!(rfc3339(a, &z), "2026-11-16T00:00:00+07:00");
        assert_eq!(rfc3339(b, &z), "2026-11-23T00:00:00+07:00");
        assert_eq!(Week::containing(b, &z), w.next());
        assert_eq!(w.prev().to_string(), "2026-W46");
        let three: Vec<String> = w.last(3).iter().map(ToString::to_string).collect();
        assert_eq!(three, ["2026-W45", "2026-W46", "2026-W47"]);
        assert!(Week::parse("2025-W53").is_none());
        assert!(Week::parse("2020-W53").is_some());
        assert_eq!(
            Week::parse("2021-W01").expect("w").prev().to_string(),
            "2020-W53"
        );
    }

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn week_and_day_arithmetic_match_jiff(secs in -2_000_000_000i64..4_000_000_000i64) {
            let ts = Timestamp::from_second(secs).expect("in range");
            for tz in [jkt(), TimeZone::get("America/New_York").expect("tz"), TimeZone::UTC] {
                let date = civil(ts, &tz).date();
                let iso = date.iso_week_date();
                let w = Week::containing(ts, &tz);
                prop_assert_eq!((w.year, w.week), (iso.year(), iso.week()));
                let (y, m, d) = civil_from_days(local_day(ts, &tz));
                prop_assert_eq!((y, m, d), (i64::from(date.year()), date.month(), date.day()));
                prop_assert_eq!(days_from_civil(y, m, d), local_day(ts, &tz));
            }
        }

    }
}
