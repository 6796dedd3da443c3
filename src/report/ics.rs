//! A small iCalendar (RFC 5545) writer: what the calendar feeds need and
//! nothing more. Lines end in CRLF and are folded at 75 octets (never inside
//! a UTF-8 character), TEXT values are escaped, and times are a DATE, a
//! DATE-TIME in UTC (`Z`) or a local DATE-TIME with its TZID.

use jiff::civil::Date;
use jiff::Timestamp;
use std::fmt::Write as _;

/// The longest line, in octets, without its CRLF (RFC 5545 §3.1).
pub const LINE_OCTETS: usize = 75;

/// When an event happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// A whole day (`VALUE=DATE`): the event ends the next day.
    Day(Date),
    /// An instant, written in UTC.
    Utc(Timestamp),
}

/// One `VEVENT`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub uid: String,
    pub stamp: Timestamp,
    pub start: When,
    pub summary: String,
    pub description: String,
    pub url: Option<String>,
}

/// A `VCALENDAR` being written.
pub struct Calendar {
    out: String,
}

impl Calendar {
    /// A calendar named `name` (shown by calendar apps as the feed's title).
    pub fn new(prodid: &str, name: &str) -> Calendar {
        let mut c = Calendar { out: String::new() };
        c.line("BEGIN:VCALENDAR");
        c.line("VERSION:2.0");
        c.line(&format!("PRODID:{prodid}"));
        c.line("CALSCALE:GREGORIAN");
        c.line("METHOD:PUBLISH");
        c.line(&format!("X-WR-CALNAME:{}", text(name)));
        c
    }

    pub fn event(&mut self, e: &Event) {
        self.line("BEGIN:VEVENT");
        self.line(&format!("UID:{}", text(&e.uid)));
        self.line(&format!("DTSTAMP:{}", utc(e.stamp)));
        match e.start {
            When::Day(d) => {
                self.line(&format!("DTSTART;VALUE=DATE:{}", date(d)));
                // DTEND is exclusive: an all-day event ends the next day.
                let next = d.tomorrow().unwrap_or(d);
                self.line(&format!("DTEND;VALUE=DATE:{}", date(next)));
            }
            When::Utc(t) => self.line(&format!("DTSTART:{}", utc(t))),
        }
        self.line(&format!("SUMMARY:{}", text(&e.summary)));
        if !e.description.is_empty() {
            self.line(&format!("DESCRIPTION:{}", text(&e.description)));
        }
        if let Some(u) = &e.url {
            // A URI value is not TEXT: no escaping, but no line breaks either.
            self.line(&format!("URL:{}", u.replace(['\r', '\n'], "")));
        }
        self.line("END:VEVENT");
    }

    pub fn finish(mut self) -> String {
        self.line("END:VCALENDAR");
        self.out
    }

    /// Writes one content line, folded.
    fn line(&mut self, l: &str) {
        fold_into(&mut self.out, l);
    }
}

/// Appends `line` folded at [`LINE_OCTETS`] octets: each continuation starts
/// with a space (which counts towards its 75), and a break never falls
/// inside a character.
pub fn fold_into(out: &mut String, line: &str) {
    let mut used = 0;
    for ch in line.chars() {
        let n = ch.len_utf8();
        if used + n > LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(ch);
        used += n;
    }
    out.push_str("\r\n");
}

/// A TEXT value escaped (RFC 5545 §3.3.11): backslash, semicolon, comma and
/// line breaks (as `\n`).
pub fn text(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => o.push_str("\\\\"),
            ';' => o.push_str("\\;"),
            ',' => o.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                o.push_str("\\n");
            }
            '\n' => o.push_str("\\n"),
            // Other control characters are not allowed in TEXT.
            c if c.is_control() && c != '\t' => {}
            c => o.push(c),
        }
    }
    o
}

/// A DATE-TIME in UTC: `20261116T013000Z`.
pub fn utc(t: Timestamp) -> String {
    let d = t.to_zoned(jiff::tz::TimeZone::UTC).datetime();
    let mut s = String::with_capacity(16);
    let _ = write!(
        s,
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        d.year(),
        d.month(),
        d.day(),
        d.hour(),
        d.minute(),
        d.second()
    );
    s
}

/// A DATE: `20261116`.
pub fn date(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// A local DATE-TIME with its zone, as a property's parameter and value:
/// `;TZID=Asia/Jakarta:20261116T083000` (for a `DTSTART` written that way;
/// the feeds write UTC, which needs no `VTIMEZONE`).
#[cfg_attr(not(test), allow(dead_code))]
pub fn local(t: Timestamp, tz: &jiff::tz::TimeZone, tzid: &str) -> String {
    let d = t.to_zoned(tz.clone()).datetime();
    format!(
        ";TZID={tzid}:{:04}{:02}{:02}T{:02}{:02}{:02}",
        d.year(),
        d.month(),
        d.day(),
        d.hour(),
        d.minute(),
        d.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().expect("timestamp")
    }

    #[test]
    fn lines_are_folded_at_75_octets_between_characters() {
        let mut out = String::new();
        let long = format!("DESCRIPTION:{}", "é".repeat(100));
        fold_into(&mut out, &long);
        assert!(out.ends_with("\r\n"));
        for l in out.trim_end_matches("\r\n").split("\r\n") {
            assert!(l.len() <= LINE_OCTETS, "{} octets: {l}", l.len());
        }
        // Unfolding gives the line back.
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);
        // A line of exactly 75 octets is not folded.
        let mut out = String::new();
        fold_into(&mut out, &"a".repeat(75));
        assert_eq!(out, format!("{}\r\n", "a".repeat(75)));
        let mut out = String::new();
        fold_into(&mut out, &"a".repeat(76));
        assert_eq!(out, format!("{}\r\n a\r\n", "a".repeat(75)));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            text("a,b;c\\d\ne\r\nf\u{7}"),
            "a\\,b\\;c\\\\d\\ne\\nf".to_string()
        );
    }

    #[test]
    fn dates_and_times() {
        let t = ts("2026-11-16T01:30:05Z");
        assert_eq!(utc(t), "20261116T013005Z");
        let jkt = jiff::tz::TimeZone::get("Asia/Jakarta").expect("tz");
        assert_eq!(
            local(t, &jkt, "Asia/Jakarta"),
            ";TZID=Asia/Jakarta:20261116T083005"
        );
        assert_eq!(date(jiff::civil::date(2026, 1, 5)), "20260105");
    }

    #[test]
    fn an_event_has_its_properties_in_crlf_lines() {
        let mut c = Calendar::new("-//langgan//ID", "Toko, agenda");
        c.event(&Event {
            uid: "lead-1/siti@langgan".into(),
            stamp: ts("2026-11-16T00:00:00Z"),
            start: When::Day(jiff::civil::date(2026, 12, 31)),
            summary: "Follow-up: Siti".into(),
            description: "Kirim pesan;\nlalu catat".into(),
            url: Some("https://toko.example/x.html".into()),
        });
        c.event(&Event {
            uid: "b".into(),
            stamp: ts("2026-11-16T00:00:00Z"),
            start: When::Utc(ts("2026-11-16T03:00:00Z")),
            summary: "S".into(),
            description: String::new(),
            url: None,
        });
        let s = c.finish();
        assert!(!s.replace("\r\n", "").contains('\n'), "bare LF in {s:?}");
        for want in [
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n",
            "X-WR-CALNAME:Toko\\, agenda\r\n",
            "DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n",
            "DESCRIPTION:Kirim pesan\\;\\nlalu catat\r\n",
            "URL:https://toko.example/x.html\r\n",
            "DTSTART:20261116T030000Z\r\n",
            "DTSTAMP:20261116T000000Z\r\n",
        ] {
            assert!(s.contains(want), "{want:?} not in {s}");
        }
        assert!(s.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        assert_eq!(s.matches("BEGIN:VEVENT").count(), 2);
    }
}
