use super::*;
use proptest::prelude::*;

fn dt(y: i16, mo: i8, d: i8, h: i8, mi: i8, s: i8) -> DateTime {
    Date::new(y, mo, d)
        .expect("date")
        .to_datetime(Time::new(h, mi, s, 0).expect("time"))
}

/// (line, time, sender, text, body) of each message.
fn summary(chat: &Chat) -> Vec<(u32, DateTime, Option<&str>, &str, Body)> {
    chat.messages
        .iter()
        .map(|m| (m.line, m.at, m.sender.as_deref(), m.text.as_str(), m.body))
        .collect()
}

#[test]
fn android_indonesian() {
    let text = "30/08/25 18.00 - Pesan dan panggilan dienkripsi secara end-to-end. Tidak seorang pun di luar chat ini, termasuk WhatsApp, yang dapat membaca atau mendengarkannya.\n\
30/08/25 18.00 - Siti Rahma: Kak, serum vit C masih ada?\n\
30/08/25 18.04 - Glow Skincare: Masih kak 😊\n\
Harganya 85rb\n\
31/08/25 09.15 - Siti Rahma: <Media tidak disertakan>\n\
31/08/25 09.16 - Siti Rahma: Pesan ini telah dihapus\n";
    let chat = parse(text);
    assert!(chat.bad.is_empty(), "{:?}", chat.bad);
    assert!(!chat.month_first);
    assert_eq!(
        summary(&chat),
        vec![
            (
                1,
                dt(2025, 8, 30, 18, 0, 0),
                None,
                "Pesan dan panggilan dienkripsi secara end-to-end. Tidak seorang pun di luar chat ini, termasuk WhatsApp, yang dapat membaca atau mendengarkannya.",
                Body::System
            ),
            (
                2,
                dt(2025, 8, 30, 18, 0, 0),
                Some("Siti Rahma"),
                "Kak, serum vit C masih ada?",
                Body::Text
            ),
            (
                3,
                dt(2025, 8, 30, 18, 4, 0),
                Some("Glow Skincare"),
                "Masih kak 😊\nHarganya 85rb",
                Body::Text
            ),
            (
                5,
                dt(2025, 8, 31, 9, 15, 0),
                Some("Siti Rahma"),
                "<Media tidak disertakan>",
                Body::Media
            ),
            (
                6,
                dt(2025, 8, 31, 9, 16, 0),
                Some("Siti Rahma"),
                "Pesan ini telah dihapus",
                Body::Deleted
            ),
        ]
    );
    assert_eq!(chat.senders(), ["Siti Rahma", "Glow Skincare"]);
}

#[test]
fn android_english_day_first_and_us_month_first() {
    let text = "20/06/2021, 14:30 - Budi: Hi\r\n20/06/2021, 14:31 - Toko: Hello 👋\r\n";
    let chat = parse(text);
    assert!(!chat.month_first);
    assert_eq!(chat.messages[0].at, dt(2021, 6, 20, 14, 30, 0));
    assert_eq!(chat.messages[1].text, "Hello 👋");
    // 2/22/19 proves month first: every date is then read that way.
    let text =
        "2/3/19, 13:49 - \u{202a}+62 812-3456-7890\u{202c}: halo\n2/22/19, 13:50 - Toko: iya\n";
    let chat = parse(text);
    assert!(chat.month_first);
    assert_eq!(chat.messages[0].at, dt(2019, 2, 3, 13, 49, 0));
    assert_eq!(
        chat.messages[0].sender.as_deref(),
        Some("+62 812-3456-7890")
    );
    assert_eq!(chat.messages[1].at, dt(2019, 2, 22, 13, 50, 0));
    // Ambiguous dates are day first.
    let chat = parse("2/3/19, 13:49 - A: x\n");
    assert_eq!(chat.messages[0].at, dt(2019, 3, 2, 13, 49, 0));
}

#[test]
fn iphone_formats() {
    let text = "[31/12/2022 11:40:26] Siti: \u{200e}Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.\n\
[31/12/2022 11:40:26] Siti: Halo kak\n\
[31/12/2022 11:42:01] Toko: \u{200e}image omitted\n\
[31/12/2022 11:42:30] Siti: \u{200e}This message was deleted.\n";
    let chat = parse(text);
    assert!(chat.bad.is_empty());
    let bodies: Vec<Body> = chat.messages.iter().map(|m| m.body).collect();
    assert_eq!(
        bodies,
        [Body::System, Body::Text, Body::Media, Body::Deleted]
    );
    assert_eq!(chat.messages[1].at, dt(2022, 12, 31, 11, 40, 26));
    assert_eq!(chat.messages[2].text, "image omitted");
    let chat = parse("[20/08/24, 14.30.15] Siti: Kak\n[20/08/24, 14.31.00] Toko: Ya\n");
    assert_eq!(chat.messages[0].at, dt(2024, 8, 20, 14, 30, 15));
    assert_eq!(chat.messages[1].sender.as_deref(), Some("Toko"));
}

#[test]
fn twelve_hour_clocks() {
    let text = "1/15/23, 9:05\u{202f}AM - A: pagi\n1/15/23, 12:00\u{202f}PM - B: siang\n1/15/23, 12:10 AM - A: tengah malam\n1/15/23, 11:59 p.m. - B: malam\n";
    let chat = parse(text);
    let times: Vec<DateTime> = chat.messages.iter().map(|m| m.at).collect();
    assert_eq!(
        times,
        [
            dt(2023, 1, 15, 9, 5, 0),
            dt(2023, 1, 15, 12, 0, 0),
            dt(2023, 1, 15, 0, 10, 0),
            dt(2023, 1, 15, 23, 59, 0)
        ]
    );
    let text = "30/08/25 8.15 pagi - A: a\n30/08/25 12.30 siang - B: b\n30/08/25 1.05 siang - A: c\n30/08/25 4.00 sore - B: d\n30/08/25 7.45 malam - A: e\n30/08/25 12.20 malam - B: f\n";
    let chat = parse(text);
    let hours: Vec<(i8, i8)> = chat
        .messages
        .iter()
        .map(|m| (m.at.hour(), m.at.minute()))
        .collect();
    assert_eq!(
        hours,
        [(8, 15), (12, 30), (13, 5), (16, 0), (19, 45), (0, 20)]
    );
}

#[test]
fn a_line_that_looks_like_a_date_stays_in_its_message() {
    let text = "30/08/25 18.00 - Siti: Kirimnya kapan kak?\n\
31/08/25 bisa?\n\
30/08/25, 09:00 - catatan lama\n\
30/08/25 18.05 - Toko: Besok kak\n";
    let chat = parse(text);
    assert_eq!(chat.messages.len(), 2);
    assert_eq!(
        chat.messages[0].text,
        "Kirimnya kapan kak?\n31/08/25 bisa?\n30/08/25, 09:00 - catatan lama"
    );
    assert_eq!(chat.messages[1].line, 4);
}

#[test]
fn emoji_only_media_and_invisible_marks() {
    let text = "\u{feff}30/08/25 18.00 - \u{202a}+62\u{a0}812\u{a0}3456\u{a0}7890\u{202c}: 👍🙏\n\
30/08/25 18.01 - Toko: IMG-20250830-WA0001.jpg (file terlampir)\n\
30/08/25 18.02 - Toko: <Media omitted>\n\
30/08/25 18.03 - Toko: \u{200e}sticker omitted\n";
    let chat = parse(text);
    assert_eq!(
        chat.messages[0].sender.as_deref(),
        Some("+62 812 3456 7890")
    );
    assert_eq!(chat.messages[0].text, "👍🙏");
    assert_eq!(chat.messages[0].body, Body::Text);
    assert!(chat.messages[1..].iter().all(|m| m.body == Body::Media));
}

#[test]
fn system_lines_and_bad_lines() {
    let text = "hello\nworld\n30/08/25 18.00 - Budi bergabung menggunakan tautan undangan grup ini\n31/02/25 18.00 - A: tanggal tidak ada\nlanjutan\n01/03/25 18.00 - A: ok\n";
    let chat = parse(text);
    assert_eq!(
        chat.bad,
        vec![
            (1, BadLine::BeforeFirstMessage),
            (4, BadLine::BadDate("2025-02-31".into()))
        ]
    );
    assert_eq!(chat.messages.len(), 2);
    assert_eq!(chat.messages[0].body, Body::System);
    assert_eq!(chat.messages[1].text, "ok");
}

#[test]
fn names_from_file_names() {
    assert_eq!(
        name_from_file_name("Chat WhatsApp dengan Siti Rahma.txt").as_deref(),
        Some("Siti Rahma")
    );
    assert_eq!(
        name_from_file_name("WhatsApp Chat with Budi (2).txt").as_deref(),
        Some("Budi")
    );
    assert_eq!(
        name_from_file_name("WhatsApp Chat - Ani.zip").as_deref(),
        Some("Ani")
    );
    assert_eq!(name_from_file_name("_chat.txt"), None);
}

// ---------------------------------------------------------------- property

/// The export formats the property renders into.
#[derive(Debug, Clone, Copy)]
enum Fmt {
    AndroidId,
    AndroidId12,
    AndroidEn,
    AndroidUs12,
    Iphone,
    IphoneDots,
}

const FMTS: [Fmt; 6] = [
    Fmt::AndroidId,
    Fmt::AndroidId12,
    Fmt::AndroidEn,
    Fmt::AndroidUs12,
    Fmt::Iphone,
    Fmt::IphoneDots,
];

fn ampm(h: i8) -> (i8, &'static str) {
    let h12 = if h % 12 == 0 { 12 } else { h % 12 };
    (h12, if h < 12 { "AM" } else { "PM" })
}

fn waktu(h: i8) -> (i8, &'static str) {
    match h {
        0 => (12, "malam"),
        1..=10 => (h, "pagi"),
        11 | 12 => (h, "siang"),
        13 | 14 => (h - 12, "siang"),
        15..=17 => (h - 12, "sore"),
        _ => (h - 12, "malam"),
    }
}

fn header_text(f: Fmt, t: DateTime) -> String {
    let (y, mo, d, h, mi, s) = (
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
    );
    let yy = y % 100;
    match f {
        Fmt::AndroidId => format!("{d:02}/{mo:02}/{yy:02} {h:02}.{mi:02} - "),
        Fmt::AndroidId12 => {
            let (h, w) = waktu(h);
            format!("{d:02}/{mo:02}/{yy:02} {h}.{mi:02} {w} - ")
        }
        Fmt::AndroidEn => format!("{d:02}/{mo:02}/{y}, {h:02}:{mi:02} - "),
        Fmt::AndroidUs12 => {
            let (h, m) = ampm(h);
            format!("{mo}/{d}/{yy}, {h}:{mi:02}\u{202f}{m} - ")
        }
        Fmt::Iphone => format!("[{d:02}/{mo:02}/{y} {h:02}:{mi:02}:{s:02}] "),
        Fmt::IphoneDots => format!("[{d:02}/{mo:02}/{yy:02}, {h:02}.{mi:02}.{s:02}] "),
    }
}

fn has_seconds(f: Fmt) -> bool {
    matches!(f, Fmt::Iphone | Fmt::IphoneDots)
}

fn render(f: Fmt, msgs: &[(DateTime, usize, String)]) -> String {
    let names = [
        "Siti Rahma",
        "Glow Skincare",
        "\u{202a}+62 812-3456-7890\u{202c}",
    ];
    let mut out = String::new();
    for (t, who, text) in msgs {
        out.push_str(&header_text(f, *t));
        out.push_str(names[*who]);
        out.push_str(": ");
        out.push_str(text);
        out.push('\n');
    }
    out
}

fn conversation() -> impl Strategy<Value = (i8, Vec<(u32, usize, String)>)> {
    let word = prop::sample::select(vec![
        "halo", "kak", "serum", "85rb", "ok", "👍", "Harga?", "ya", "12/12", "10.00", "-", "a: b",
    ]);
    let line = prop::collection::vec(word, 1..6).prop_map(|w| w.join(" "));
    let text = prop::collection::vec(line, 1..4).prop_map(|l| l.join("\n"));
    let msg = (0u32..3000, 0usize..3, text);
    (13i8..=28, prop::collection::vec(msg, 1..30))
}

proptest! {
    #[test]
    fn rendered_conversations_parse_back((day, msgs) in conversation(), fi in 0usize..FMTS.len(), secs in 0i8..60) {
        let f = FMTS[fi];
        // Day 13 or later first, so a month-first export proves itself.
        let mut t = dt(2025, 3, day, 8, 0, 0);
        let mut timed = Vec::new();
        for (gap, who, text) in &msgs {
            t = t.checked_add(jiff::Span::new().minutes(i64::from(*gap))).expect("time");
            let at = if has_seconds(f) { t.with().second(secs).build().expect("sec") } else { t };
            timed.push((at, *who, text.clone()));
        }
        let chat = parse(&render(f, &timed));
        prop_assert!(chat.bad.is_empty(), "{:?}", chat.bad);
        let got: Vec<(DateTime, String, String)> = chat
            .messages
            .iter()
            .map(|m| (m.at, m.sender.clone().unwrap_or_default(), m.text.clone()))
            .collect();
        let names = ["Siti Rahma", "Glow Skincare", "+62 812-3456-7890"];
        let want: Vec<(DateTime, String, String)> = timed
            .iter()
            .map(|(t, who, text)| (*t, names[*who].to_string(), text.clone()))
            .collect();
        prop_assert_eq!(got, want);
    }
}
