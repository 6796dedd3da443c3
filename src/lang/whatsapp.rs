//! What `import whatsapp` says, in Bahasa Indonesia or English.

use crate::shop::config::Lang;

/// A problem with one export file, or one line of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file cannot be read (the system's words).
    Unreadable(String),
    /// The file is neither UTF-8 text nor a zip.
    NotText,
    /// A damaged `.zip` (the zip library's words).
    BadZip(String),
    /// A `.zip` without the chat's `.txt`.
    NoChatInZip,
    /// Text before the first message.
    BeforeFirstMessage,
    /// A message header whose date or time does not exist.
    BadDate(String),
    /// No message at all.
    NoMessages,
    /// Nobody in the chat is known to be the shop: the senders.
    WhoIsTheShop(Vec<String>),
    /// More than one sender besides the shop: the senders.
    Group(Vec<String>),
    /// Several customers have the other sender's name: the name and their ids.
    AmbiguousName(String, Vec<String>),
    /// The customer's file has errors: its path as shown.
    RecordHasErrors(String),
    /// The text edit could not be made (the editor's words).
    CannotEdit(String),
    /// `interactions: [...]` written on one line: items cannot be appended.
    OneLineList,
}

impl Problem {
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Problem::Unreadable(e), Lang::Id) => format!("tidak bisa dibaca: {e}"),
            (Problem::Unreadable(e), Lang::En) => format!("cannot be read: {e}"),
            (Problem::NotText, Lang::Id) => {
                "bukan teks UTF-8 atau .zip; ekspor ulang chat dari WhatsApp (Ekspor chat → Tanpa media)".into()
            }
            (Problem::NotText, Lang::En) => {
                "not UTF-8 text or a .zip; export the chat again from WhatsApp (Export chat → Without media)".into()
            }
            (Problem::BadZip(e), Lang::Id) => format!("berkas .zip rusak atau bukan .zip ({e})"),
            (Problem::BadZip(e), Lang::En) => format!("a damaged .zip, or not a .zip ({e})"),
            (Problem::NoChatInZip, Lang::Id) => {
                "tidak ada chat (_chat.txt atau Chat WhatsApp dengan ….txt) di dalam .zip ini".into()
            }
            (Problem::NoChatInZip, Lang::En) => {
                "no chat (_chat.txt or WhatsApp Chat with ….txt) inside this .zip".into()
            }
            (Problem::BeforeFirstMessage, Lang::Id) => {
                "baris ini tidak termasuk pesan mana pun; apakah ini ekspor chat WhatsApp yang utuh?"
                    .into()
            }
            (Problem::BeforeFirstMessage, Lang::En) => {
                "this line belongs to no message; is this a whole WhatsApp chat export?".into()
            }
            (Problem::BadDate(d), Lang::Id) => format!("tanggal atau jam `{d}` tidak ada"),
            (Problem::BadDate(d), Lang::En) => format!("the date or time `{d}` does not exist"),
            (Problem::NoMessages, Lang::Id) => {
                "tidak ada pesan; apakah ini ekspor chat WhatsApp?".into()
            }
            (Problem::NoMessages, Lang::En) => "no messages; is this a WhatsApp chat export?".into(),
            (Problem::WhoIsTheShop(senders), Lang::Id) => format!(
                "pengirim mana yang toko? Sebutkan dengan --me NAMA, atau isi `whatsapp_name` di [shop] shop.toml (pengirim: {})",
                senders.join(", ")
            ),
            (Problem::WhoIsTheShop(senders), Lang::En) => format!(
                "which sender is the shop? Name it with --me NAME, or set `whatsapp_name` in [shop] of shop.toml (senders: {})",
                senders.join(", ")
            ),
            (Problem::Group(senders), Lang::Id) => format!(
                "ini chat grup ({} pengirim selain toko: {}); yang diimpor hanya chat pribadi. Pakai --customer ID bila semua pesan itu dari satu pelanggan",
                senders.len(),
                senders.join(", ")
            ),
            (Problem::Group(senders), Lang::En) => format!(
                "this is a group chat ({} senders besides the shop: {}); only one-to-one chats are imported. Use --customer ID if all those messages are one customer's",
                senders.len(),
                senders.join(", ")
            ),
            (Problem::AmbiguousName(name, ids), Lang::Id) => format!(
                "ada {} pelanggan bernama {name} ({}); pilih salah satu dengan --customer ID",
                ids.len(),
                ids.join(", ")
            ),
            (Problem::AmbiguousName(name, ids), Lang::En) => format!(
                "{} customers are called {name} ({}); choose one with --customer ID",
                ids.len(),
                ids.join(", ")
            ),
            (Problem::RecordHasErrors(path), Lang::Id) => format!(
                "{path} bermasalah; perbaiki dulu (jalankan `langgan check`), lalu impor lagi"
            ),
            (Problem::RecordHasErrors(path), Lang::En) => format!(
                "{path} has errors; fix them first (run `langgan check`), then import again"
            ),
            (Problem::OneLineList, Lang::Id) => "`interactions` ditulis dalam satu baris ([…]); tulis sebagai daftar dengan satu `- at:` per baris agar interaksi bisa ditambahkan".into(),
            (Problem::OneLineList, Lang::En) => "`interactions` is written on one line ([…]); write it as a list with one `- at:` item per line so interactions can be added".into(),
            (Problem::CannotEdit(m), Lang::Id) => format!("tidak bisa menambahkan interaksi: {m}"),
            (Problem::CannotEdit(m), Lang::En) => format!("cannot add the interactions: {m}"),
        }
    }
}

/// `--customer ID` that is no customer.
pub fn unknown_customer(id: &str, hint: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("--customer: tidak ada pelanggan dengan id `{id}`{hint}"),
        Lang::En => format!("--customer: no customer with id `{id}`{hint}"),
    }
}

/// `--by ADMIN` that is no admin.
pub fn unknown_admin(name: &str, admins: &[String], lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "--by: `{name}` bukan admin; admin di shop.toml: {}",
            admins.join(", ")
        ),
        Lang::En => format!(
            "--by: `{name}` is not an admin; admins in shop.toml: {}",
            admins.join(", ")
        ),
    }
}

/// A chat with no message from the customer: nothing to import.
pub fn no_customer_messages(lang: Lang) -> &'static str {
    super::pick(
        lang,
        "tidak ada pesan dari pelanggan; dilewati",
        "no messages from a customer; skipped",
    )
}

/// The chat starts before the customer's `first_contact`, which is left as
/// it is.
pub fn earlier_than_first_contact(path: &str, chat: &str, first: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "{path}: chat dimulai {chat}, lebih awal dari first_contact ({first}); first_contact tidak diubah, ubah sendiri bila memang begitu"
        ),
        Lang::En => format!(
            "{path}: the chat starts at {chat}, before first_contact ({first}); first_contact is left as it is, change it by hand if that is right"
        ),
    }
}

/// Nothing written because of problems.
pub fn refused(problems: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "{problems} masalah; tidak ada yang ditulis (perbaiki, atau pakai --skip-bad untuk melewati yang bermasalah)"
        ),
        Lang::En => format!(
            "{problems} problems; nothing was written (fix them, or use --skip-bad to skip what is bad)"
        ),
    }
}

/// `--skip-bad`: after each skipped line or file.
pub fn skipped(lang: Lang) -> &'static str {
    super::pick(lang, "dilewati", "skipped")
}

/// `--dry-run`: before a new customer file.
pub fn would_create(lang: Lang) -> &'static str {
    super::pick(lang, "akan dibuat:", "would create:")
}

/// `--dry-run`: before the lines appended to a file.
pub fn would_append(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("akan ditambahkan ke {path}:"),
        Lang::En => format!("would append to {path}:"),
    }
}

/// `--dry-run`: a `replied` set in place.
pub fn would_set(path: &str, line: u32, field: &str, value: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("akan diisi di {path}:{line}: {field}: {value}"),
        Lang::En => format!("would set in {path}:{line}: {field}: {value}"),
    }
}

/// The counts of one import.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub files: usize,
    pub added: usize,
    pub filled: usize,
    pub created: usize,
    pub known: usize,
    pub problems: usize,
}

/// The last line of `import whatsapp`.
pub fn summary(c: &Counts, dry_run: bool, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "{} chat dibaca: {} interaksi {}, {} balasan {}, {} pelanggan baru, {} sudah tercatat, {} masalah",
            c.files,
            c.added,
            if dry_run { "akan ditambahkan" } else { "ditambahkan" },
            c.filled,
            if dry_run { "akan dilengkapi" } else { "dilengkapi" },
            c.created,
            c.known,
            c.problems
        ),
        Lang::En => format!(
            "{} chats read: {} interactions {}, {} replies {}, {} new customers, {} already recorded, {} problems",
            c.files,
            c.added,
            if dry_run { "to add" } else { "added" },
            c.filled,
            if dry_run { "to fill in" } else { "filled in" },
            c.created,
            c.known,
            c.problems
        ),
    }
}
