//! genchats — WhatsApp chat exports for the customers of a generated shop,
//! for the `import whatsapp` benchmark (bench/whatsapp.sh).
//!
//! Usage:
//!     cargo run --release --example genchats -- SHOP_DIR OUT_DIR [--chats N] [--messages M] [--me NAME]
//!
//! Writes OUT_DIR/`Chat WhatsApp dengan <phone>.txt` for the first N customers
//! (by file path) with a phone, each written by that number as WhatsApp
//! shows a number it has no contact for (`+62 812-5149-3459`, inside
//! direction marks; the generated names repeat, phones do not): an Android export
//! with Indonesian settings of M messages: runs of 1–3 customer messages, each
//! answered by the shop (NAME, default "Toko") with 1–2 messages, every 40th
//! message on two lines, one media placeholder in 50. Deterministic.
//! Standard library only.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn usage() -> ! {
    eprintln!("usage: genchats SHOP_DIR OUT_DIR [--chats N] [--messages M] [--me NAME]");
    std::process::exit(2)
}

fn record_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            record_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml") {
            out.push(p);
        }
    }
}

/// The `phone:` of a customer file as WhatsApp shows it: `+62 812-5149-3459`.
fn phone_of(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let line = text.lines().find(|l| l.starts_with("phone: "))?;
    let digits: String = line.chars().filter(char::is_ascii_digit).collect();
    let national = digits
        .strip_prefix("62")
        .or_else(|| digits.strip_prefix('0'))?
        .to_string();
    if national.len() < 9 {
        return None;
    }
    let (a, rest) = national.split_at(3);
    let (b, c) = rest.split_at(4);
    Some(format!("+62 {a}-{b}-{c}"))
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn days_in(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A civil minute counter from 2026-01-01 00:00 → "dd/mm/yy HH.MM".
fn stamp(mut minutes: i64) -> String {
    let (mut y, mut m) = (2026, 1);
    let mut day = minutes / 1440;
    minutes %= 1440;
    while day >= days_in(y, m) {
        day -= days_in(y, m);
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
    format!(
        "{:02}/{:02}/{:02} {:02}.{:02}",
        day + 1,
        m,
        y % 100,
        minutes / 60,
        minutes % 60
    )
}

const WORDS: [&str; 12] = [
    "kak", "serum", "ready", "harga", "berapa", "kirim", "ongkir", "ke", "Bandung", "ya", "terima",
    "kasih",
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mut chats, mut messages, mut me) = (200usize, 2000usize, "Toko".to_string());
    let mut pos = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let value = || args.get(i + 1).cloned().unwrap_or_else(|| usage());
        match args[i].as_str() {
            "--chats" => chats = value().parse().unwrap_or_else(|_| usage()),
            "--messages" => messages = value().parse().unwrap_or_else(|_| usage()),
            "--me" => me = value(),
            a if a.starts_with("--") => usage(),
            a => {
                pos.push(a.to_string());
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    let [shop, out] = &pos[..] else { usage() };
    let mut files = Vec::new();
    record_files(&Path::new(shop).join("customers"), &mut files);
    files.sort();
    let picked: Vec<String> = files
        .iter()
        .filter_map(|p| phone_of(p))
        .take(chats)
        .collect();
    std::fs::create_dir_all(out).unwrap_or_else(|e| {
        eprintln!("genchats: {out}: {e}");
        std::process::exit(2)
    });
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for (c, name) in picked.iter().enumerate() {
        let mut t = 243 * 1440 + (c as i64 % 7) * 60 + 8 * 60; // 2026-09-01 08:00
        let mut s = format!(
            "{} - Pesan dan panggilan dienkripsi secara end-to-end. Tidak seorang pun di luar chat ini, termasuk WhatsApp, yang dapat membaca atau mendengarkannya.\n",
            stamp(t)
        );
        let mut n = 0;
        while n < messages {
            for from_customer in [true, false] {
                let k = if from_customer {
                    1 + rng.below(3)
                } else {
                    1 + rng.below(2)
                };
                for _ in 0..k {
                    if n == messages {
                        break;
                    }
                    t += 1 + rng.below(if from_customer { 5 } else { 90 }) as i64;
                    let who = if from_customer {
                        format!("\u{202a}{name}\u{202c}")
                    } else {
                        me.clone()
                    };
                    let _ = write!(s, "{} - {who}: ", stamp(t));
                    if n % 50 == 49 {
                        s.push_str("<Media tidak disertakan>");
                    } else {
                        let len = 2 + rng.below(8);
                        let text: Vec<&str> = (0..len)
                            .map(|_| WORDS[rng.below(WORDS.len() as u64) as usize])
                            .collect();
                        s.push_str(&text.join(" "));
                        if n % 40 == 39 {
                            s.push_str("\nbaris kedua");
                        }
                    }
                    s.push('\n');
                    n += 1;
                }
            }
        }
        let path = Path::new(out).join(format!("Chat WhatsApp dengan {name}.txt"));
        std::fs::write(&path, s).unwrap_or_else(|e| {
            eprintln!("genchats: {}: {e}", path.display());
            std::process::exit(2)
        });
    }
    eprintln!(
        "genchats: {} exports of {messages} messages in {out}",
        picked.len()
    );
}
