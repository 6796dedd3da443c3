//! Open time: business hours with breaks, day tables and holiday ranges
//! (SPEC §2, §4). SLA clocks count only this time. Everything here is pure.

use super::{add, between, civil, civil_to_timestamp, Dur};
use jiff::civil::{Date, Time, Weekday};
use jiff::tz::TimeZone;
use jiff::Timestamp;
use std::fmt;
/// One weekday's hours: open from `open` to `close` minus `breaks`.
#[derive(Debug, Clone, PartialEq)]
pub struct DayHours {
    pub open: Time,
    pub close: Time,
    /// Sorted, not overlapping, inside [open, close].
    pub breaks: Vec<(Time, Time)>,
}

impl DayHours {
    /// The open intervals of the day, in order (`open`..first break, …, last break..`close`).
    fn intervals(&self) -> impl Iterator<Item = (Time, Time)> + '_ {
        let starts = std::iter::once(self.open).chain(self.breaks.iter().map(|b| b.1));
        let ends = self
            .breaks
            .iter()
            .map(|b| b.0)
            .chain(std::iter::once(self.close));
        starts.zip(ends).filter(|(a, b)| a < b)
    }
}

/// A closed day or an inclusive range of days (`2027-03-19..2027-03-24`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Holiday {
    pub from: Date,
    pub to: Date,
}

impl fmt::Display for Holiday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.from == self.to {
            write!(f, "{}", self.from)
        } else {
            write!(f, "{}..{}", self.from, self.to)
        }
    }
}

/// Business hours: SLA clocks count only open time (SPEC §2, §4).
#[derive(Debug, Clone, PartialEq)]
pub struct Hours {
    /// Monday first; `None` is a closed weekday.
    pub week: [Option<DayHours>; 7],
    /// In the order written.
    pub holidays: Vec<Holiday>,
}

/// The days of the week, Monday first (the order of [`Hours::week`]).
pub const WEEKDAYS: [Weekday; 7] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
    Weekday::Saturday,
    Weekday::Sunday,
];

/// Monday = 0 … Sunday = 6.
pub fn weekday_index(w: Weekday) -> usize {
    usize::from(w.to_monday_zero_offset().unsigned_abs())
}

/// What open-time counting stepped over between two open intervals, for `explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skipped {
    Break(Time, Time),
    Holiday(Holiday),
}

impl Hours {
    /// Hours open `days` from `open` to `close` with no breaks or holidays.
    pub fn simple(days: &[Weekday], open: Time, close: Time) -> Hours {
        let mut week: [Option<DayHours>; 7] = Default::default();
        for d in days {
            week[weekday_index(*d)] = Some(DayHours {
                open,
                close,
                breaks: Vec::new(),
            });
        }
        Hours {
            week,
            holidays: Vec::new(),
        }
    }

    pub fn holiday(&self, d: Date) -> Option<Holiday> {
        self.holidays
            .iter()
            .copied()
            .find(|h| h.from <= d && d <= h.to)
    }

    /// The hours of civil day `d`, if the shop opens that day.
    pub fn day(&self, d: Date) -> Option<&DayHours> {
        let day = self.week[weekday_index(d.weekday())].as_ref()?;
        if self.holiday(d).is_some() {
            return None;
        }
        Some(day)
    }

    /// Calls `f` with each open interval of civil day `d` as instants, in
    /// order; stops when `f` returns false.
    fn each_interval(
        &self,
        d: Date,
        tz: &TimeZone,
        mut f: impl FnMut(Timestamp, Timestamp, Option<(Time, Time)>) -> bool,
    ) {
        let Some(day) = self.day(d) else { return };
        let mut prev_close: Option<Time> = None;
        for (a, b) in day.intervals() {
            let (Some(from), Some(to)) = (
                civil_to_timestamp(d.to_datetime(a), tz),
                civil_to_timestamp(d.to_datetime(b), tz),
            ) else {
                continue;
            };
            let gap = prev_close.map(|c| (c, a));
            prev_close = Some(b);
            if !f(from, to, gap) {
                return;
            }
        }
    }

    fn has_open_time(&self) -> bool {
        self.week
            .iter()
            .flatten()
            .any(|d| d.intervals().next().is_some())
    }
}

/// One step of open-time arithmetic, for `explain`: an open interval used,
/// and the breaks and holidays stepped over before it.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenStep {
    pub from: Timestamp,
    pub to: Timestamp,
    pub skipped: Vec<Skipped>,
}

/// `start + d` counting only open time. A wait of 0 gives `start`; a wait that
/// uses up an interval exactly ends at its end (closing time, or the start of
/// a break), not at the next opening. Without hours it is calendar time.
pub fn add_open(start: Timestamp, d: Dur, hours: Option<&Hours>, tz: &TimeZone) -> Timestamp {
    walk_open(start, d, hours, tz, false).0
}

/// Like [`add_open`], also returning the open intervals used.
pub fn add_open_steps(
    start: Timestamp,
    d: Dur,
    hours: Option<&Hours>,
    tz: &TimeZone,
) -> (Timestamp, Vec<OpenStep>) {
    walk_open(start, d, hours, tz, true)
}

fn walk_open(
    start: Timestamp,
    d: Dur,
    hours: Option<&Hours>,
    tz: &TimeZone,
    record: bool,
) -> (Timestamp, Vec<OpenStep>) {
    let hours = match hours {
        Some(h) if h.has_open_time() => h,
        _ => {
            let end = add(start, d);
            let steps = if record {
                vec![OpenStep {
                    from: start,
                    to: end,
                    skipped: Vec::new(),
                }]
            } else {
                Vec::new()
            };
            return (end, steps);
        }
    };
    if d.0 <= 0 {
        return (start, Vec::new());
    }
    let mut remaining = d.0;
    let mut day = civil(start, tz).date();
    let mut steps = Vec::new();
    let mut skipped: Vec<Skipped> = Vec::new();
    let mut end = None;
    // A shop with open days but endless holidays would loop forever; 200 years is plenty.
    for _ in 0..(366 * 200) {
        if record {
            if let Some(h) = hours.holiday(day) {
                if skipped.last() != Some(&Skipped::Holiday(h))
                    && hours.week[weekday_index(day.weekday())].is_some()
                {
                    skipped.push(Skipped::Holiday(h));
                }
            }
        }
        hours.each_interval(day, tz, |open, close, gap| {
            if close <= start {
                return true;
            }
            let from = open.max(start);
            if record && from == open {
                if let Some((b, e)) = gap {
                    skipped.push(Skipped::Break(b, e));
                }
            }
            let avail = close.as_second() - from.as_second();
            if remaining <= avail {
                let to = add(from, Dur(remaining));
                if record {
                    steps.push(OpenStep {
                        from,
                        to,
                        skipped: std::mem::take(&mut skipped),
                    });
                }
                end = Some(to);
                return false;
            }
            remaining -= avail;
            if record {
                steps.push(OpenStep {
                    from,
                    to: close,
                    skipped: std::mem::take(&mut skipped),
                });
            }
            true
        });
        if let Some(to) = end {
            return (to, steps);
        }
        match day.tomorrow() {
            Ok(next) => day = next,
            Err(_) => break,
        }
    }
    (Timestamp::MAX, steps)
}

/// Open time between `a` and `b` (zero when `b <= a`).
pub fn elapsed_open(a: Timestamp, b: Timestamp, hours: Option<&Hours>, tz: &TimeZone) -> Dur {
    if b <= a {
        return Dur::ZERO;
    }
    let hours = match hours {
        Some(h) if h.has_open_time() => h,
        _ => return between(a, b),
    };
    let mut total = 0;
    let mut day = civil(a, tz).date();
    let last = civil(b, tz).date();
    while day <= last {
        hours.each_interval(day, tz, |open, close, _| {
            let from = open.max(a);
            let to = close.min(b);
            if to > from {
                total += to.as_second() - from.as_second();
            }
            close < b
        });
        match day.tomorrow() {
            Ok(next) => day = next,
            Err(_) => break,
        }
    }
    Dur(total)
}

pub fn weekday_from_str(s: &str) -> Option<Weekday> {
    Some(match s.to_ascii_lowercase().as_str() {
        "mon" | "monday" | "sen" | "senin" => Weekday::Monday,
        "tue" | "tuesday" | "sel" | "selasa" => Weekday::Tuesday,
        "wed" | "wednesday" | "rab" | "rabu" => Weekday::Wednesday,
        "thu" | "thursday" | "kam" | "kamis" => Weekday::Thursday,
        "fri" | "friday" | "jum" | "jumat" => Weekday::Friday,
        "sat" | "saturday" | "sab" | "sabtu" => Weekday::Saturday,
        "sun" | "sunday" | "min" | "minggu" => Weekday::Sunday,
        _ => return None,
    })
}

/// A clock time as shop hours are written: `08:00`, `24:00` for the end of
/// the day (the inverse of [`parse_clock`]).
pub fn clock_text(t: Time) -> String {
    if t == Time::MAX {
        return "24:00".into();
    }
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// A clock time `HH:MM` (`24:00` the end of the day); its problem said in `lang`.
pub fn parse_clock(s: &str, lang: crate::shop::config::Lang) -> Result<Time, String> {
    let bad = || crate::lang::config::not_a_clock(s, lang);
    let (h, m) = s.trim().split_once(':').ok_or_else(bad)?;
    let h: i8 = h.parse().map_err(|_| bad())?;
    let m: i8 = m.parse().map_err(|_| bad())?;
    if h == 24 && m == 0 {
        return Ok(Time::MAX);
    }
    Time::new(h, m, 0, 0).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_time_in;

    fn jkt() -> TimeZone {
        TimeZone::get("Asia/Jakarta").expect("zone")
    }

    fn t(s: &str) -> Timestamp {
        parse_time_in(s, &jkt(), crate::shop::config::Lang::En).expect("time")
    }

    const WEEKDAYS: [Weekday; 5] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
    ];

    fn clock(s: &str) -> Time {
        parse_clock(s, crate::shop::config::Lang::En).expect("clock")
    }

    fn date(s: &str) -> Date {
        s.parse().expect("date")
    }

    fn hours() -> Hours {
        let mut h = Hours::simple(&WEEKDAYS, clock("08:00"), clock("17:00"));
        h.holidays.push(Holiday {
            from: date("2026-11-24"),
            to: date("2026-11-24"),
        });
        h
    }

    #[test]
    fn open_time_matches_conformance() {
        let z = jkt();
        let h = hours();
        // Saturday midnight + 30m → Monday 08:30.
        assert_eq!(
            add_open(t("2026-11-21"), Dur::minutes(30), Some(&h), &z),
            t("2026-11-23 08:30")
        );
        // 24 open hours from Saturday, skipping the Tuesday holiday: Mon 9h, Wed 9h, Thu 6h.
        assert_eq!(
            add_open(t("2026-11-21"), Dur::hours(24), Some(&h), &z),
            t("2026-11-26 14:00")
        );
        // Lands exactly on closing time.
        assert_eq!(
            add_open(t("2026-11-26 16:30"), Dur::minutes(30), Some(&h), &z),
            t("2026-11-26 17:00")
        );
        assert_eq!(
            add_open(t("2026-11-21"), Dur::ZERO, Some(&h), &z),
            t("2026-11-21")
        );
        assert_eq!(
            elapsed_open(t("2026-11-20 16:00"), t("2026-11-25 09:00"), Some(&h), &z),
            Dur::hours(11)
        );
        assert_eq!(
            add_open(t("2026-11-21"), Dur::hours(24), None, &z),
            t("2026-11-22")
        );
    }

    /// Mon–Fri 08:00–17:00 with lunch 12:00–13:00, Friday prayer 11:30–13:00,
    /// Saturday 09:00–15:00 keeping lunch, and Lebaran 8–9 Dec 2026.
    fn shop_hours() -> Hours {
        let mut h = Hours::simple(&WEEKDAYS, clock("08:00"), clock("17:00"));
        for day in h.week.iter_mut().flatten() {
            day.breaks = vec![(clock("12:00"), clock("13:00"))];
        }
        if let Some(fri) = h.week[4].as_mut() {
            fri.breaks = vec![(clock("11:30"), clock("13:00"))];
        }
        h.week[5] = Some(DayHours {
            open: clock("09:00"),
            close: clock("15:00"),
            breaks: vec![(clock("12:00"), clock("13:00"))],
        });
        h.holidays.push(Holiday {
            from: date("2026-12-08"),
            to: date("2026-12-09"),
        });
        h
    }

    #[test]
    fn open_time_with_breaks_day_tables_and_ranges() {
        let z = jkt();
        let h = shop_hours();
        let open = |a: &str, mins: i64| add_open(t(a), Dur::minutes(mins), Some(&h), &z);
        // Monday 11:30 + 1h: 30 minutes before lunch, 30 after.
        assert_eq!(open("2026-11-30 11:30", 60), t("2026-11-30 13:30"));
        // A due landing exactly on the start of a break stays there.
        assert_eq!(open("2026-11-30 11:00", 60), t("2026-11-30 12:00"));
        // An anchor inside a break starts counting when it ends.
        assert_eq!(open("2026-11-30 12:20", 30), t("2026-11-30 13:30"));
        // Friday prayer break from the day table.
        assert_eq!(open("2026-12-04 11:00", 60), t("2026-12-04 13:30"));
        // Saturday keeps the lunch break and closes at 15:00 (3h from 11:00);
        // the other 2h fall on Monday.
        assert_eq!(open("2026-12-05 11:00", 60 * 5), t("2026-12-07 10:00"));
        // Across Sunday: Saturday 14:00 + 4h is Sat 1h, Mon 08:00–11:00.
        assert_eq!(open("2026-12-05 14:00", 60 * 4), t("2026-12-07 11:00"));
        // Monday 16:00 + 2h: Mon 1h, then Tue–Wed are Lebaran, Thu 08:00–09:00.
        assert_eq!(open("2026-12-07 16:00", 120), t("2026-12-10 09:00"));
        // An anchor on a holiday starts at the next opening.
        assert_eq!(open("2026-12-08 10:00", 30), t("2026-12-10 08:30"));
        // A wait of 0 is the anchor, even inside a break.
        assert_eq!(open("2026-11-30 12:20", 0), t("2026-11-30 12:20"));
        // Elapsed open time skips the break and the holidays.
        let el = |a: &str, b: &str| elapsed_open(t(a), t(b), Some(&h), &z);
        assert_eq!(el("2026-11-30 11:50", "2026-11-30 13:10"), Dur::minutes(20));
        assert_eq!(el("2026-12-07 16:30", "2026-12-10 08:30"), Dur::minutes(60));
        assert_eq!(el("2026-11-30 12:10", "2026-11-30 12:50"), Dur::ZERO);
    }

    #[test]
    fn open_steps_name_what_they_skip() {
        let z = jkt();
        let h = shop_hours();
        let (end, steps) = add_open_steps(t("2026-12-07 11:00"), Dur::hours(7), Some(&h), &z);
        // Mon 11–12, 13–17 (5h), then Lebaran, Thu 08:00–10:00.
        assert_eq!(end, t("2026-12-10 10:00"));
        assert_eq!(steps.len(), 3);
        assert!(steps[0].skipped.is_empty());
        assert_eq!(
            steps[1].skipped,
            vec![Skipped::Break(clock("12:00"), clock("13:00"))]
        );
        assert_eq!(
            steps[2].skipped,
            vec![Skipped::Holiday(Holiday {
                from: date("2026-12-08"),
                to: date("2026-12-09"),
            })]
        );
        assert_eq!(
            Holiday {
                from: date("2026-12-08"),
                to: date("2026-12-09")
            }
            .to_string(),
            "2026-12-08..2026-12-09"
        );
    }

    /// The arithmetic before breaks and day tables existed: one interval a
    /// day, single holidays. Kept here to prove the new code agrees with it.
    fn old_add_open(start: Timestamp, d: Dur, h: &Hours, tz: &TimeZone) -> Timestamp {
        if d.0 <= 0 {
            return start;
        }
        let mut remaining = d.0;
        let mut day = civil(start, tz).date();
        loop {
            if let Some(dh) = h.week[weekday_index(day.weekday())].as_ref() {
                if h.holiday(day).is_none() {
                    let open = civil_to_timestamp(day.to_datetime(dh.open), tz).expect("t");
                    let close = civil_to_timestamp(day.to_datetime(dh.close), tz).expect("t");
                    let from = open.max(start);
                    if from < close {
                        let avail = close.as_second() - from.as_second();
                        if remaining <= avail {
                            return add(from, Dur(remaining));
                        }
                        remaining -= avail;
                    }
                }
            }
            day = day.tomorrow().expect("day");
        }
    }

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn open_time_roundtrip(start in 0i64..(3 * 365 * 86_400), mins in 0i64..(60 * 24 * 20)) {
            let z = jkt();
            let h = hours();
            let a = add(t("2026-01-01"), Dur(start));
            let d = Dur::minutes(mins);
            let end = add_open(a, d, Some(&h), &z);
            prop_assert_eq!(elapsed_open(a, end, Some(&h), &z), d);
            let longer = add_open(a, Dur::minutes(mins + 1), Some(&h), &z);
            prop_assert!(longer >= end);
        }

        #[test]
        fn open_time_without_breaks_equals_the_old_arithmetic(
            start in 0i64..(3 * 365 * 86_400),
            mins in 0i64..(60 * 24 * 20),
        ) {
            let z = jkt();
            let h = hours();
            let a = add(t("2026-01-01"), Dur(start));
            let d = Dur::minutes(mins);
            prop_assert_eq!(add_open(a, d, Some(&h), &z), old_add_open(a, d, &h, &z));
        }

        #[test]
        fn open_time_with_breaks_roundtrip(start in 0i64..(365 * 86_400), mins in 0i64..(60 * 24 * 10)) {
            let z = jkt();
            let h = shop_hours();
            let a = add(t("2026-06-01"), Dur(start));
            let d = Dur::minutes(mins);
            let end = add_open(a, d, Some(&h), &z);
            prop_assert_eq!(elapsed_open(a, end, Some(&h), &z), d);
        }
    }
}
