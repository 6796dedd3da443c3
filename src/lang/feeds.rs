//! The words of the calendar feeds and of the encrypted site's password
//! page, in Bahasa Indonesia or English.

use crate::shop::config::Lang;

/// A feed's title in calendar apps: `Glow Skincare · Agenda Dewi`.
pub fn calendar_name(shop: &str, admin: Option<&str>, lang: Lang) -> String {
    match (admin, lang) {
        (Some(a), _) => format!("{shop} · Agenda {}", capitalized(a)),
        (None, Lang::Id) => format!("{shop} · Agenda toko"),
        (None, Lang::En) => format!("{shop} · Shop agenda"),
    }
}

/// `dewi` → `Dewi`: admins are named, not shown as ids.
pub fn capitalized(a: &str) -> String {
    let mut c = a.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The lines of an event's description before the message.
pub struct Description<'a> {
    pub label: &'a str,
    pub customer: &'a str,
    /// Complaint, order and category, already joined.
    pub detail: &'a str,
    pub admin: Option<&'a str>,
    /// When the task is due, and when it is late, as dates people read.
    pub due: &'a str,
    pub late: &'a str,
}

pub fn description(d: &Description, lang: Lang) -> String {
    let mut lines = vec![format!("{} — {}", d.label, d.customer)];
    if !d.detail.is_empty() {
        lines.push(d.detail.to_string());
    }
    lines.push(match lang {
        Lang::Id => format!("Jatuh tempo {}; terlambat sejak {}", d.due, d.late),
        Lang::En => format!("Due {}; late from {}", d.due, d.late),
    });
    lines.push(match (d.admin, lang) {
        (Some(a), Lang::Id) => format!("Admin: {}", capitalized(a)),
        (Some(a), Lang::En) => format!("Admin: {}", capitalized(a)),
        (None, Lang::Id) => "Belum ada admin".to_string(),
        (None, Lang::En) => "No admin".to_string(),
    });
    lines.join("\n")
}

/// Before the ready-to-send message.
pub fn message_heading(lang: Lang) -> &'static str {
    crate::lang::pick(lang, "Pesan siap kirim:", "Message to send:")
}

/// Before the WhatsApp link.
pub fn whatsapp_heading(lang: Lang) -> &'static str {
    crate::lang::pick(lang, "Kirim lewat WhatsApp:", "Send on WhatsApp:")
}

/// Said once by `report` when the feeds' names carry no token.
pub fn no_secret(lang: Lang) -> &'static str {
    crate::lang::pick(
        lang,
        "catatan: LANGGAN_SITE_SECRET belum diisi, jadi nama berkas kalender (agenda/*.ics) \
         tanpa token dan mudah ditebak. Isi dengan teks acak yang panjang sebelum situs \
         diterbitkan.",
        "note: LANGGAN_SITE_SECRET is not set, so the calendar feeds' names (agenda/*.ics) \
         carry no token and are easy to guess. Set it to a long random text before the \
         site is published.",
    )
}

/// `report --encrypt` without a password.
pub fn no_password(lang: Lang) -> &'static str {
    crate::lang::pick(
        lang,
        "--encrypt: kata sandi situs belum ada. Isi LANGGAN_SITE_PASSWORD dengan kata sandi \
         yang panjang (mis. empat kata acak), lalu jalankan lagi.",
        "--encrypt: no site password. Set LANGGAN_SITE_PASSWORD to a long password (e.g. four \
         random words), then run again.",
    )
}

/// The system could not give random bytes for the salt or a nonce.
pub fn no_randomness(lang: Lang) -> &'static str {
    crate::lang::pick(
        lang,
        "--encrypt: sistem tidak memberi angka acak untuk enkripsi; situs tidak ditulis.",
        "--encrypt: the system gave no random numbers for the encryption; the site was not written.",
    )
}

/// The password page of an encrypted site.
pub struct Lock {
    pub lang: &'static str,
    pub heading: &'static str,
    pub intro: &'static str,
    pub password: &'static str,
    pub open: &'static str,
    pub opening: &'static str,
    pub wrong: &'static str,
    pub no_crypto: &'static str,
    pub no_script: &'static str,
}

impl Lock {
    pub fn of(lang: Lang) -> &'static Lock {
        match lang {
            Lang::Id => &Lock {
                lang: "id",
                heading: "Halaman ini dikunci",
                intro: "Masukkan kata sandi toko untuk membuka laporan. Cukup sekali: halaman \
                        lain terbuka sendiri selama tab ini tidak ditutup.",
                password: "Kata sandi",
                open: "Buka",
                opening: "Membuka…",
                wrong: "Kata sandi salah. Coba lagi.",
                no_crypto: "Browser ini tidak bisa membuka halaman terkunci dari alamat ini. \
                            Buka lewat https:// atau dari komputer ini sendiri.",
                no_script: "Halaman ini perlu JavaScript untuk dibuka.",
            },
            Lang::En => &Lock {
                lang: "en",
                heading: "This page is locked",
                intro: "Enter the shop's password to open the report. Once is enough: other \
                        pages open by themselves while this tab stays open.",
                password: "Password",
                open: "Open",
                opening: "Opening…",
                wrong: "Wrong password. Please try again.",
                no_crypto: "This browser cannot open locked pages from this address. Open it \
                            over https:// or on this computer.",
                no_script: "This page needs JavaScript to open.",
            },
        }
    }
}
