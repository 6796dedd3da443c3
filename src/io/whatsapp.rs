//! WhatsApp chat exports ("Ekspor chat", without media) → messages, each
//! with the line it starts on. Pure: text in, messages out; reading the
//! `.txt` or the `.zip` WhatsApp makes is [`read_export`], at the edge.
//!
//! The formats (SPEC §10):
//! - Android, Indonesian settings: `30/08/25 18.00 - Nama: pesan`
//! - Android, English: `20/06/2021, 14:30 - Nama: pesan`, US `2/22/19, 1:49 PM - …`
//! - iPhone: `[31/12/2022 11:40:26] Nama: pesan`, `[20/08/24, 14.30.15] …`
//! - 12-hour clocks with `AM`/`PM` (also `a.m.`) or `pagi`/`siang`/`sore`/`malam`.
//!
//! Which lines start a message is decided once per file: the header shape
//! most lines have (bracket, separators, comma, seconds, 12-hour marker). A
//! line of a message that merely starts with a date, or a header of another
//! shape, stays part of the message before it. Dates are day first unless
//! the file proves month first (a second field above 12 and no first one).

use jiff::civil::{Date, DateTime, Time};
use std::path::Path;

/// What a message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// Words (emoji included).
    Text,
    /// A photo, video, sticker, document… left out of the export.
    Media,
    /// "Pesan ini telah dihapus": it was written, then taken back.
    Deleted,
    /// WhatsApp's own line: the encryption notice, joins, leaves, security
    /// code changes, group changes.
    System,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// 1-based line of the file where the message starts.
    pub line: u32,
    /// Civil time as the phone wrote it.
    pub at: DateTime,
    /// Who wrote it; None for a system line without a sender.
    pub sender: Option<String>,
    /// The text, its lines joined with `\n`, invisible marks removed.
    pub text: String,
    pub body: Body,
}

/// A line that could not be read as part of the chat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadLine {
    /// Text before the first message: not a WhatsApp export, or cut.
    BeforeFirstMessage,
    /// A message header whose date or time does not exist (`31/02/25`).
    BadDate(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chat {
    pub messages: Vec<Message>,
    /// (line, what is wrong), in file order.
    pub bad: Vec<(u32, BadLine)>,
    /// The dates were read month first (US phone settings).
    pub month_first: bool,
}

impl Chat {
    /// The distinct senders of real messages (not system lines), in order of
    /// first appearance.
    pub fn senders(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for m in &self.messages {
            if m.body == Body::System {
                continue;
            }
            if let Some(s) = m.sender.as_deref() {
                if !out.contains(&s) {
                    out.push(s);
                }
            }
        }
        out
    }
}

/// Removes the marks WhatsApp puts around names, numbers and placeholders
/// (left-to-right mark, embedding and isolate controls, BOM) and turns its
/// no-break spaces (before `PM`, inside numbers) into plain spaces.
pub fn clean(s: &str) -> String {
    clean_cow(s).into_owned()
}

/// [`clean`] without a copy for the lines that have none of those marks
/// (almost all of them).
fn clean_cow(s: &str) -> std::borrow::Cow<'_, str> {
    // Every mark is encoded starting with one of these bytes.
    if !s.bytes().any(|b| matches!(b, 0xC2 | 0xE2 | 0xEF)) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}' => {}
            '\u{00A0}' | '\u{202F}' | '\u{2007}' => out.push(' '),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A 12-hour clock's marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Am,
    Pm,
    Pagi,
    Siang,
    Sore,
    Malam,
    DiniHari,
}

/// The shape of a header: what must be the same on every line that starts
/// a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Shape {
    bracket: bool,
    date_sep: u8,
    comma: bool,
    time_sep: u8,
    seconds: bool,
    twelve_hour: bool,
}

/// A line read as a header, before the date order is known.
#[derive(Debug, Clone, Copy)]
struct Header<'a> {
    shape: Shape,
    /// The date's fields as written, and whether the year had two digits.
    a: u32,
    b: u32,
    year: i32,
    hour: u32,
    minute: u32,
    second: u32,
    marker: Option<Marker>,
    /// After ` - ` (Android) or `] ` (iPhone): `Name: text` or a system line.
    rest: &'a str,
}

/// Reads `digits` (1..=max) at the start of `s`.
fn number(s: &str, min: usize, max: usize) -> Option<(u32, &str)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n < min || n > max {
        return None;
    }
    Some((s[..n].parse().ok()?, &s[n..]))
}

fn marker(s: &str) -> Option<(Marker, &str)> {
    const MARKERS: [(&str, Marker); 11] = [
        ("dini hari", Marker::DiniHari),
        ("a.m.", Marker::Am),
        ("p.m.", Marker::Pm),
        ("am", Marker::Am),
        ("pm", Marker::Pm),
        ("pagi", Marker::Pagi),
        ("siang", Marker::Siang),
        ("sore", Marker::Sore),
        ("malam", Marker::Malam),
        ("a. m.", Marker::Am),
        ("p. m.", Marker::Pm),
    ];
    for (word, m) in MARKERS {
        if s.len() >= word.len()
            && s.is_char_boundary(word.len())
            && s[..word.len()].eq_ignore_ascii_case(word)
        {
            return Some((m, &s[word.len()..]));
        }
    }
    None
}

/// The 24-hour hour of a 12-hour clock reading.
fn hour24(h: u32, m: Marker) -> Option<u32> {
    if h == 0 || h > 12 {
        return None;
    }
    Some(match m {
        Marker::Am | Marker::Pagi | Marker::DiniHari => h % 12,
        Marker::Pm | Marker::Sore => h % 12 + 12,
        // 11 and 12 siang are late morning and noon; 1 siang is 13:00.
        Marker::Siang => {
            if h >= 11 {
                h
            } else {
                h + 12
            }
        }
        // 12 malam is midnight; 1–5 malam the small hours; 6–11 the evening.
        Marker::Malam => match h {
            12 => 0,
            1..=5 => h,
            _ => h + 12,
        },
    })
}

/// Reads a header from a cleaned line, or None when the line does not start
/// with one.
fn header(line: &str) -> Option<Header<'_>> {
    let (bracket, s) = match line.strip_prefix('[') {
        Some(r) => (true, r),
        None => (false, line),
    };
    let (a, s) = number(s, 1, 2)?;
    let date_sep = *s.as_bytes().first()?;
    if !matches!(date_sep, b'/' | b'.' | b'-') {
        return None;
    }
    let (b, s) = number(&s[1..], 1, 2)?;
    let s = s.strip_prefix(date_sep as char)?;
    let (y, s) = number(s, 2, 4)?;
    let year = if y < 100 { 2000 + y as i32 } else { y as i32 };
    // German-style dates end in a dot before the comma (`31.12.22,`): no.
    let (comma, s) = match s.strip_prefix(',') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let t = s.trim_start_matches(' ');
    if t.len() == s.len() {
        return None;
    }
    let (hour, t) = number(t, 1, 2)?;
    let time_sep = *t.as_bytes().first()?;
    if !matches!(time_sep, b':' | b'.') {
        return None;
    }
    let (minute, t) = number(&t[1..], 2, 2)?;
    let (second, seconds, t) = match t.strip_prefix(time_sep as char) {
        Some(r) => {
            let (sec, r) = number(r, 2, 2)?;
            (sec, true, r)
        }
        None => (0, false, t),
    };
    let after_space = t.trim_start_matches(' ');
    let (marker, t) = match marker(after_space) {
        Some((m, r)) => (Some(m), r),
        None => (None, t),
    };
    let rest = if bracket {
        t.strip_prefix(']')?.strip_prefix(' ').unwrap_or_else(|| {
            // `[…]Name:` without the space still reads.
            &t[1..]
        })
    } else {
        t.strip_prefix(" - ").or_else(|| t.strip_prefix(" – "))?
    };
    Some(Header {
        shape: Shape {
            bracket,
            date_sep,
            comma,
            time_sep,
            seconds,
            twelve_hour: marker.is_some(),
        },
        a,
        b,
        year,
        hour,
        minute,
        second,
        marker,
        rest,
    })
}

impl Header<'_> {
    fn datetime(&self, month_first: bool) -> Result<DateTime, String> {
        let (d, m) = if month_first {
            (self.b, self.a)
        } else {
            (self.a, self.b)
        };
        let hour = match self.marker {
            Some(mk) => hour24(self.hour, mk),
            None => Some(self.hour),
        };
        let date = Date::new(self.year as i16, m as i8, d as i8).ok();
        let time = hour
            .filter(|h| *h < 24)
            .and_then(|h| Time::new(h as i8, self.minute as i8, self.second as i8, 0).ok());
        match (date, time) {
            (Some(date), Some(time)) => Ok(date.to_datetime(time)),
            (None, _) => Err(format!("{}-{:02}-{:02}", self.year, m, d)),
            (Some(_), None) => Err(format!("{:02}:{:02}", self.hour, self.minute)),
        }
    }
}

/// Splits `Name: text` (the sender ends at the first `: `); None for a
/// system line, which has no sender.
fn sender_and_text(rest: &str) -> (Option<&str>, &str) {
    if let Some(i) = rest.find(": ") {
        let name = rest[..i].trim();
        if !name.is_empty() {
            return (Some(name), &rest[i + 2..]);
        }
    }
    if let Some(name) = rest.strip_suffix(':') {
        if !name.trim().is_empty() && !name.contains(": ") {
            return (Some(name.trim()), "");
        }
    }
    (None, rest)
}

/// Placeholders of media left out of the export, in Indonesian and English.
fn is_media(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    if t.contains('\n') {
        return false;
    }
    const EXACT: [&str; 6] = [
        "<media tidak disertakan>",
        "<media omitted>",
        "<media dihilangkan>",
        "<media disembunyikan>",
        "null",
        "<pesan sekali lihat>",
    ];
    if EXACT.contains(&t.as_str()) {
        return true;
    }
    if (t.starts_with("<attached:") || t.starts_with("<terlampir:")) && t.ends_with('>') {
        return true;
    }
    if t.ends_with("(file terlampir)") || t.ends_with("(file attached)") {
        return true;
    }
    const WORDS: [&str; 14] = [
        "image", "video", "audio", "sticker", "gif", "document", "card", "gambar", "foto",
        "stiker", "dokumen", "kontak", "photo", "pdf",
    ];
    let ends = ["omitted", "tidak disertakan", "dihilangkan"];
    ends.iter().any(|e| {
        t.strip_suffix(e).is_some_and(|before| {
            let before = before.trim_end();
            WORDS.iter().any(|w| before.ends_with(w))
        })
    })
}

fn is_deleted(text: &str) -> bool {
    let t = text.trim().trim_end_matches('.').to_lowercase();
    matches!(
        t.as_str(),
        "pesan ini dihapus"
            | "pesan ini telah dihapus"
            | "anda menghapus pesan ini"
            | "this message was deleted"
            | "you deleted this message"
    )
}

/// WhatsApp's own lines that iPhone exports write with a sender (the chat's
/// name): the encryption notice, security codes, calls and group changes.
fn is_system_text(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    const PHRASES: [&str; 9] = [
        "end-to-end encrypted",
        "dienkripsi secara end-to-end",
        "terenkripsi end-to-end",
        "security code",
        "kode keamanan",
        "joined using this group",
        "bergabung menggunakan tautan",
        "changed their phone number",
        "mengganti nomor telepon",
    ];
    !t.contains('\n') && PHRASES.iter().any(|p| t.contains(p))
}

fn body_of(sender: Option<&str>, text: &str) -> Body {
    if sender.is_none() || is_system_text(text) {
        Body::System
    } else if is_deleted(text) {
        Body::Deleted
    } else if is_media(text) {
        Body::Media
    } else {
        Body::Text
    }
}

/// Reads a chat export's text. Never fails: lines it cannot read are in
/// [`Chat::bad`].
pub fn parse(text: &str) -> Chat {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let lines: Vec<std::borrow::Cow<str>> = text
        .split('\n')
        .map(|l| clean_cow(l.strip_suffix('\r').unwrap_or(l)))
        .collect();
    let headers: Vec<Option<Header>> = lines.iter().map(|l| header(l)).collect();
    // The shape most headers have decides which lines start a message.
    let mut counts: Vec<(Shape, usize)> = Vec::new();
    for h in headers.iter().flatten() {
        match counts.iter_mut().find(|(s, _)| *s == h.shape) {
            Some((_, n)) => *n += 1,
            None => counts.push((h.shape, 1)),
        }
    }
    let shape = counts.iter().max_by_key(|(_, n)| *n).map(|(s, _)| *s);
    let is_start =
        |h: &Option<Header>| -> bool { h.as_ref().is_some_and(|h| Some(h.shape) == shape) };
    let starts: Vec<&Header> = headers.iter().filter(|h| is_start(h)).flatten().collect();
    let day_first_proven = starts.iter().any(|h| h.a > 12);
    let month_first = !day_first_proven && starts.iter().any(|h| h.b > 12);
    let mut chat = Chat {
        messages: Vec::new(),
        bad: Vec::new(),
        month_first,
    };
    // The message being read: its lines are collected until the next header.
    let mut current: Option<(Message, Vec<&str>)> = None;
    let mut skipping = false;
    let finish = |current: Option<(Message, Vec<&str>)>, chat: &mut Chat| {
        if let Some((mut m, more)) = current {
            for l in more {
                m.text.push('\n');
                m.text.push_str(l);
            }
            let trimmed = m.text.trim_end();
            m.text.truncate(trimmed.len());
            m.body = body_of(m.sender.as_deref(), &m.text);
            chat.messages.push(m);
        }
    };
    for (i, (line, h)) in lines.iter().zip(&headers).enumerate() {
        let n = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if is_start(h) {
            let Some(h) = h else { continue };
            finish(current.take(), &mut chat);
            match h.datetime(month_first) {
                Ok(at) => {
                    let (sender, text) = sender_and_text(h.rest);
                    current = Some((
                        Message {
                            line: n,
                            at,
                            sender: sender.map(str::to_string),
                            text: text.to_string(),
                            body: Body::Text,
                        },
                        Vec::new(),
                    ));
                    skipping = false;
                }
                Err(what) => {
                    chat.bad.push((n, BadLine::BadDate(what)));
                    // Its continuation lines go with it.
                    skipping = true;
                }
            }
            continue;
        }
        match &mut current {
            Some((_, more)) if !skipping => more.push(line.as_ref()),
            _ if skipping => {}
            _ => {
                if !line.trim().is_empty() {
                    chat.bad.push((n, BadLine::BeforeFirstMessage));
                    skipping = true;
                }
            }
        }
    }
    finish(current, &mut chat);
    chat
}

/// The other person's name in an export's file name: `Chat WhatsApp dengan
/// Siti Rahma.txt`, `WhatsApp Chat with Siti Rahma.txt`, `WhatsApp Chat -
/// Siti Rahma.zip` (iPhone). None for `_chat.txt` and other names.
pub fn name_from_file_name(name: &str) -> Option<String> {
    let stem = Path::new(name).file_stem()?.to_str()?;
    let stem = clean(stem);
    // A second export of the same chat may be saved as `… (1).txt`.
    let stem = match stem.rsplit_once(" (") {
        Some((s, tail))
            if tail
                .trim_end_matches(')')
                .bytes()
                .all(|b| b.is_ascii_digit()) =>
        {
            s.to_string()
        }
        _ => stem,
    };
    let lower = stem.to_lowercase();
    for prefix in [
        "chat whatsapp dengan ",
        "whatsapp chat with ",
        "whatsapp chat - ",
        "chat whatsapp - ",
        "whatsapp chat mit ",
    ] {
        if lower.starts_with(prefix) {
            let name = stem[prefix.len()..].trim();
            return (!name.is_empty()).then(|| name.to_string());
        }
    }
    None
}

/// One export file as read from disk: its text and the name it gives.
#[derive(Debug, Clone)]
pub struct Export {
    pub text: String,
    /// The other person's name from the file name (or the name of the
    /// `.txt` inside a `.zip`).
    pub chat_name: Option<String>,
}

/// Why an export file could not be read.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// Not UTF-8 text.
    NotText,
    /// A `.zip` that is not one, or is damaged.
    BadZip(String),
    /// A `.zip` without a chat `.txt` in it.
    NoChatInZip,
}

/// Reads a `.txt` export, or the `.zip` WhatsApp makes (it holds
/// `_chat.txt` or `WhatsApp Chat with X.txt`, and media files when they
/// were included).
pub fn read_export(path: &Path) -> Result<Export, ReadError> {
    let bytes = std::fs::read(path).map_err(ReadError::Io)?;
    let file_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let is_zip =
        bytes.starts_with(b"PK\x03\x04") || file_name.to_ascii_lowercase().ends_with(".zip");
    if !is_zip {
        let text = String::from_utf8(bytes).map_err(|_| ReadError::NotText)?;
        return Ok(Export {
            text,
            chat_name: name_from_file_name(file_name),
        });
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| ReadError::BadZip(e.to_string()))?;
    // `_chat.txt` first (iPhone), else the one `.txt` whose name says chat.
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    let base = |n: &str| n.rsplit('/').next().unwrap_or(n).to_string();
    let pick = names
        .iter()
        .find(|n| base(n) == "_chat.txt")
        .or_else(|| {
            names.iter().find(|n| {
                let b = base(n).to_lowercase();
                b.ends_with(".txt") && (b.contains("whatsapp") || b.contains("chat"))
            })
        })
        .or_else(|| {
            let txts: Vec<&String> = names
                .iter()
                .filter(|n| n.to_lowercase().ends_with(".txt"))
                .collect();
            (txts.len() == 1).then(|| txts[0])
        })
        .ok_or(ReadError::NoChatInZip)?
        .clone();
    let mut entry = zip
        .by_name(&pick)
        .map_err(|e| ReadError::BadZip(e.to_string()))?;
    let mut raw = Vec::new();
    std::io::Read::read_to_end(&mut entry, &mut raw).map_err(ReadError::Io)?;
    let text = String::from_utf8(raw).map_err(|_| ReadError::NotText)?;
    Ok(Export {
        text,
        chat_name: name_from_file_name(&base(&pick)).or_else(|| name_from_file_name(file_name)),
    })
}

#[cfg(test)]
mod tests;
