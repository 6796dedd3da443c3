//! `[hours]` and its day tables (SPEC §2): open days, open and close, breaks
//! and holidays, each day checked against its own hours.

use super::raw::{HolidayValue, RawDayHours, RawHours};
use super::Ctx;
use crate::error::Diagnostic;
use crate::lang::config as words;
use crate::shop::config::Lang;
use crate::text::{did_you_mean_in, line_col};
use crate::time::{parse_clock, weekday_from_str, DayHours, Holiday, Hours};
use jiff::civil::{Date, Time, Weekday};
use std::ops::Range;
use toml::Spanned;

/// A break: from, to, and the bytes of shop.toml where it is written.
type Break = (Time, Time, Range<usize>);

/// A break outside some day's hours: where it is written, its times, and
/// each day (index, open, close) it does not fit.
type Outside = (Range<usize>, (Time, Time), Vec<(usize, Time, Time)>);

/// `[hours]` and its day tables. Every day's breaks are checked against that
/// day's own open and close, so an inherited lunch break that a short
/// Saturday does not hold is reported.
pub(super) fn hours(cx: &mut Ctx, h: RawHours) -> Hours {
    let open_days = open_days(cx, h.days.as_deref());
    let open = clock(cx, &h.open).unwrap_or(Time::constant(8, 0, 0, 0));
    let close = clock(cx, &h.close).unwrap_or(Time::constant(21, 0, 0, 0));
    if open >= close {
        match &h.close {
            Some(c) => {
                let msg = words::close_before_open(&hm(close), &hm(open), cx.lang);
                cx.err(c, msg)
            }
            None => cx.diags.push(Diagnostic::error(
                cx.path,
                1,
                1,
                words::default_close_before_open(cx.lang),
            )),
        }
    }
    let breaks = h
        .breaks
        .as_ref()
        .map(|b| parse_breaks(cx, b))
        .unwrap_or_default();
    let tables = [&h.mon, &h.tue, &h.wed, &h.thu, &h.fri, &h.sat, &h.sun];
    // Breaks that fall outside some day's hours: one diagnostic per break.
    let mut outside: Vec<Outside> = Vec::new();
    let mut out = Hours {
        week: Default::default(),
        holidays: Vec::new(),
    };
    for (i, (weekday, table)) in crate::time::WEEKDAYS.iter().zip(tables).enumerate() {
        let (day_open, day_close, day_breaks) = match table {
            None if !open_days.contains(weekday) => continue,
            None => (open, close, breaks.clone()),
            Some(t) => match day_table(cx, i, t, (open, close), &breaks) {
                Some(day) => day,
                None => continue,
            },
        };
        // Each break must lie inside the day's open hours.
        let mut kept = Vec::new();
        for (from, to, at) in day_breaks {
            if from < day_open || to > day_close {
                let entry = outside.iter_mut().find(|(a, ..)| *a == at);
                let day = (i, day_open, day_close);
                match entry {
                    Some((_, _, days)) => days.push(day),
                    None => outside.push((at, (from, to), vec![day])),
                }
            } else {
                kept.push((from, to));
            }
        }
        if day_open < day_close {
            out.week[i] = Some(DayHours {
                open: day_open,
                close: day_close,
                breaks: kept,
            });
        }
    }
    report_outside(cx, outside);
    if out.week.iter().all(Option::is_none) && cx.diags.is_empty() {
        cx.diags.push(Diagnostic::error(
            cx.path,
            1,
            1,
            words::no_open_day(cx.lang),
        ));
    }
    for hol in h.holidays.unwrap_or_default() {
        match holiday(hol.get_ref(), cx.lang) {
            Ok(d) => out.holidays.push(d),
            Err(m) => cx.err(&hol, m),
        }
    }
    out
}

/// `days`, or Monday to Saturday when it is left out.
fn open_days(cx: &mut Ctx, days: Option<&[Spanned<String>]>) -> Vec<Weekday> {
    let Some(days) = days else {
        return crate::time::WEEKDAYS[..6].to_vec();
    };
    let mut open_days: Vec<Weekday> = Vec::new();
    for d in days {
        match weekday_from_str(d.get_ref()) {
            Some(w) if !open_days.contains(&w) => open_days.push(w),
            Some(_) => {
                let msg = words::listed_twice(words::Listed::Day, d.get_ref(), cx.lang);
                cx.err(d, msg)
            }
            None => {
                let names = DAY_NAMES.iter().chain(&DAY_NAMES_ID).copied();
                let hint = did_you_mean_in(d.get_ref(), names, cx.lang);
                let msg = words::not_a_weekday(d.get_ref(), &hint, cx.lang);
                cx.err(d, msg)
            }
        }
    }
    open_days
}

fn clock(cx: &mut Ctx, v: &Option<Spanned<String>>) -> Option<Time> {
    v.as_ref()
        .and_then(|v| match parse_clock(v.get_ref(), cx.lang) {
            Ok(t) => Some(t),
            Err(m) => {
                cx.err(v, m);
                None
            }
        })
}

/// Day `i`'s own table (`[hours.fri]`): its open, close and breaks, the
/// missing ones from `[hours]`; `None` (reported) when it closes before it opens.
fn day_table(
    cx: &mut Ctx,
    i: usize,
    t: &Spanned<RawDayHours>,
    (open, close): (Time, Time),
    breaks: &[Break],
) -> Option<(Time, Time, Vec<Break>)> {
    let t_ref = t.get_ref();
    let o = clock(cx, &t_ref.open).unwrap_or(open);
    let c = clock(cx, &t_ref.close).unwrap_or(close);
    if o >= c {
        let at = t_ref.close.as_ref().or(t_ref.open.as_ref());
        let msg = words::day_close_before_open(words::day(i, cx.lang), &hm(c), &hm(o), cx.lang);
        match at {
            Some(v) => cx.err(v, msg),
            None => cx.err(t, msg),
        }
        return None;
    }
    let b = match &t_ref.breaks {
        Some(b) => parse_breaks(cx, b),
        None => breaks.to_vec(),
    };
    Some((o, c, b))
}

/// One error per break outside some day's hours, naming those days' hours.
fn report_outside(cx: &mut Ctx, outside: Vec<Outside>) {
    for (at, (from, to), days) in outside {
        let mut groups: Vec<(Time, Time, Vec<&str>)> = Vec::new();
        for (i, o, c) in days {
            match groups.iter_mut().find(|g| (g.0, g.1) == (o, c)) {
                Some(g) => g.2.push(words::day(i, cx.lang)),
                None => groups.push((o, c, vec![words::day(i, cx.lang)])),
            }
        }
        let where_ = groups
            .iter()
            .map(|(o, c, d)| format!("{} {}-{}", d.join(", "), hm(*o), hm(*c)))
            .collect::<Vec<_>>()
            .join("; ");
        let msg = words::break_outside(&hm(from), &hm(to), &where_, cx.lang);
        cx.err_at(at, msg);
    }
}

/// An unknown key in `[hours]` is most often a day table named another way
/// (`[hours.friday]`, `[hours.jumat]`): name the day it means.
pub(super) fn hours_key_message(msg: &str, lang: Lang) -> Option<String> {
    let rest = msg.trim().strip_prefix("unknown field `")?;
    let (key, tail) = rest.split_once('`')?;
    if !tail.contains("`sun`") {
        return None;
    }
    let known = ["days", "open", "close", "breaks", "holidays"];
    let hint = match weekday_from_str(key) {
        Some(w) => words::did_you_mean_day_table(DAY_NAMES[crate::time::weekday_index(w)], lang),
        None => did_you_mean_in(key, known.iter().chain(DAY_NAMES.iter()).copied(), lang),
    };
    Some(words::unknown_hours_key(key, &hint, lang))
}

const DAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/// `days` also takes the Indonesian names (`weekday_from_str`); suggest them too.
const DAY_NAMES_ID: [&str; 7] = [
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
];

use crate::time::clock_text as hm;

/// `["12:00-13:00", …]` → sorted breaks with the (line, col) of each value;
/// a malformed or overlapping one is reported and left out.
fn parse_breaks(cx: &mut Ctx, list: &Spanned<Vec<Spanned<String>>>) -> Vec<Break> {
    let mut out: Vec<Break> = Vec::new();
    for b in list.get_ref() {
        let text = b.get_ref().trim();
        let parsed = text.split_once('-').and_then(|(a, z)| {
            Some((parse_clock(a, cx.lang).ok()?, parse_clock(z, cx.lang).ok()?))
        });
        let Some((from, to)) = parsed else {
            let msg = words::not_a_break(text, cx.lang);
            cx.err(b, msg);
            continue;
        };
        if from >= to {
            let msg = words::break_backwards(text, cx.lang);
            cx.err(b, msg);
            continue;
        }
        if let Some(other) = out.iter().find(|(f, t, _)| from < *t && *f < to) {
            let (line, _) = line_col(cx.text, other.2.start);
            let msg = words::breaks_overlap(text, &hm(other.0), &hm(other.1), line, cx.lang);
            cx.err(b, msg);
            continue;
        }
        out.push((from, to, b.span()));
    }
    out.sort_by_key(|b| (b.0, b.1));
    out
}

/// A holiday: a date, or an inclusive range `A..B`.
fn holiday(v: &HolidayValue, lang: Lang) -> std::result::Result<Holiday, String> {
    let date = |s: &str| {
        s.trim()
            .parse::<Date>()
            .ok()
            .filter(|_| s.trim().len() == 10)
    };
    match v {
        HolidayValue::Date(d) => d
            .date
            .filter(|_| d.time.is_none())
            .and_then(|d| Date::new(d.year as i16, d.month as i8, d.day as i8).ok())
            .map(|d| Holiday { from: d, to: d })
            .ok_or_else(|| words::holiday_not_a_date(lang).to_string()),
        HolidayValue::Text(s) => {
            if let Some((a, b)) = s.split_once("..") {
                let (Some(from), Some(to)) = (date(a), date(b)) else {
                    return Err(words::not_a_date_range(s, lang));
                };
                if to < from {
                    let fixed = format!("{}..{}", b.trim(), a.trim());
                    return Err(words::range_backwards(s, &fixed, lang));
                }
                Ok(Holiday { from, to })
            } else {
                date(s)
                    .map(|d| Holiday { from: d, to: d })
                    .ok_or_else(|| words::not_a_holiday(s, lang))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{parse, Config};
    use super::*;
    use std::path::Path;

    fn p(text: &str) -> std::result::Result<Config, Vec<Diagnostic>> {
        parse(text, Path::new("shop.toml"))
    }

    fn hm(s: &str) -> Time {
        parse_clock(s, Lang::En).expect("clock")
    }

    #[test]
    fn day_tables_inherit_and_override() {
        let c = p(r#"
[shop]
name = "T"
[hours]
days = ["mon", "tue", "wed", "thu", "fri"]
open = "08:00"
close = "17:00"
breaks = ["12:00-13:00"]
holidays = ["2026-12-25", "2027-03-19..2027-03-24"]
[hours.fri]
breaks = ["11:30-13:00"]
[hours.sat]
open = "09:00"
close = "15:00"
[hours.sun]
open = "10:00"
close = "14:00"
breaks = []
"#)
        .expect("valid");
        let h = c.hours.expect("hours");
        let mon = h.week[0].as_ref().expect("mon");
        assert_eq!(mon.breaks, vec![(hm("12:00"), hm("13:00"))]);
        let fri = h.week[4].as_ref().expect("fri");
        assert_eq!((fri.open, fri.close), (hm("08:00"), hm("17:00")));
        assert_eq!(fri.breaks, vec![(hm("11:30"), hm("13:00"))]);
        // A day table opens a day `days` leaves out and keeps the lunch break.
        let sat = h.week[5].as_ref().expect("sat");
        assert_eq!((sat.open, sat.close), (hm("09:00"), hm("15:00")));
        assert_eq!(sat.breaks, vec![(hm("12:00"), hm("13:00"))]);
        assert!(h.week[6].as_ref().expect("sun").breaks.is_empty());
        assert_eq!(h.holidays.len(), 2);
        assert_eq!(h.holidays[1].to.to_string(), "2027-03-24");
    }

    fn one_error(text: &str) -> Diagnostic {
        let e = p(text).expect_err("invalid");
        assert_eq!(e.len(), 1, "{e:?}");
        e.into_iter().next().expect("one")
    }

    #[test]
    fn hours_errors_point_at_values() {
        let head = "[shop]\nlanguage = \"en\"\n[hours]\n";
        // A break outside open hours.
        let e = one_error(&format!(
            "{head}open = \"08:00\"\nclose = \"17:00\"\nbreaks = [\"07:00-08:30\"]\n"
        ));
        assert_eq!((e.line, e.col), (6, 11), "{}", e.message);
        assert!(
            e.message.contains("outside the open hours"),
            "{}",
            e.message
        );
        // An inherited break that a short day does not hold: at the break.
        let e = one_error(&format!(
            "{head}breaks = [\"12:00-13:00\"]\n[hours.sat]\nclose = \"11:00\"\n"
        ));
        assert_eq!((e.line, e.col), (4, 11), "{}", e.message);
        assert!(e.message.contains("sat"), "{}", e.message);
        // Overlapping breaks: at the second.
        let e = one_error(&format!(
            "{head}breaks = [\"12:00-13:00\", \"12:30-14:00\"]\n"
        ));
        assert_eq!((e.line, e.col), (4, 26), "{}", e.message);
        assert!(e.message.contains("overlaps"), "{}", e.message);
        // A malformed break.
        let e = one_error(&format!("{head}breaks = [\"12-13\"]\n"));
        assert_eq!((e.line, e.col), (4, 11), "{}", e.message);
        assert!(e.message.contains("12:00-13:00"), "{}", e.message);
        // A malformed range, and one that ends before it starts.
        let e = one_error(&format!("{head}holidays = [\"2027-03-19..2027-3-24\"]\n"));
        assert_eq!((e.line, e.col), (4, 13), "{}", e.message);
        let e = one_error(&format!(
            "{head}holidays = [\"2026-12-25\", \"2027-03-24..2027-03-19\"]\n"
        ));
        assert_eq!((e.line, e.col), (4, 27), "{}", e.message);
        assert!(
            e.message.contains("2027-03-19..2027-03-24"),
            "{}",
            e.message
        );
        // Close before open, in [hours] and in a day table.
        let e = one_error(&format!("{head}open = \"17:00\"\nclose = \"08:00\"\n"));
        assert_eq!((e.line, e.col), (5, 9), "{}", e.message);
        let e = one_error(&format!(
            "{head}[hours.fri]\nopen = \"13:00\"\nclose = \"11:00\"\n"
        ));
        assert_eq!((e.line, e.col), (6, 9), "{}", e.message);
        // An unknown day name, with the day it means.
        let e = one_error(&format!("{head}[hours.friday]\nopen = \"13:00\"\n"));
        assert_eq!(e.line, 4, "{}", e.message);
        assert!(
            e.message.contains("did you mean `[hours.fri]`"),
            "{}",
            e.message
        );
        let e = one_error(&format!("{head}[hours.jumat]\nopen = \"13:00\"\n"));
        assert!(
            e.message.contains("did you mean `[hours.fri]`"),
            "{}",
            e.message
        );
        let e = one_error(&format!("{head}days = [\"mon\", \"tues\"]\n"));
        assert_eq!((e.line, e.col), (4, 16), "{}", e.message);
        assert!(e.message.contains("did you mean `tue`"), "{}", e.message);
    }
}
