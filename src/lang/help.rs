//! The command line's own words, in Bahasa Indonesia or English: what
//! `--help` says of langgan and of every command and option (keyed by the
//! command's path, e.g. `"new customer"`, and the option's id), clap's
//! headings, and the sentences of a usage error. `cli::localize` puts them
//! into the clap command before parsing.

use super::pick;
use crate::shop::config::Lang;

/// What a command does, keyed by its path (`""` is langgan itself).
pub fn about(path: &str, lang: Lang) -> Option<&'static str> {
    let (id, en) = match path {
        "" => (
            "Catatan pelanggan untuk toko online kecil, disimpan sebagai berkas YAML biasa di git",
            "Customer records for small online shops, kept as plain YAML files in git",
        ),
        "init" => (
            "Buat toko baru (shop.toml, folder customers/ dan complaints/, .gitignore)",
            "Create a new shop skeleton (shop.toml, folders, .gitignore)",
        ),
        "check" => (
            "Periksa semua catatan; masalah ditulis ke stderr sebagai berkas:baris:kolom",
            "Validate every record; problems go to stderr as path:line:col",
        ),
        "due" => (
            "Tugas hari ini per admin, lengkap dengan pesan siap kirim",
            "What is due today, grouped by admin, with ready-to-send messages",
        ),
        "explain" => (
            "Jelaskan tugas dan segmen seorang pelanggan atau sebuah komplain, langkah demi langkah",
            "Explain a customer's or complaint's tasks and segments, step by step",
        ),
        "customers" => (
            "Daftar pelanggan beserta segmennya",
            "List customers with their segments",
        ),
        "complaints" => (
            "Daftar komplain beserta statusnya",
            "List complaints with their status",
        ),
        "report" => (
            "Buat situs laporan statis (bawaan: <toko>/public)",
            "Render the static report site (default: <shop>/public)",
        ),
        "watch" => (
            "Buat laporan, lalu perbarui setiap kali catatan berubah",
            "Build the report, then rebuild it on every change to the records",
        ),
        "new" => (
            "Buat berkas pelanggan atau komplain baru",
            "Create a new customer or complaint file",
        ),
        "new customer" => (
            "Pelanggan baru: berkas customers/<nama>.yaml dengan first_contact = sekarang",
            "A new customer file customers/<name>.yaml with first_contact = now",
        ),
        "new complaint" => (
            "Komplain baru: berkas complaints/<tahun>-<nomor>.yaml dengan opened = sekarang",
            "A new complaint file complaints/<year>-<number>.yaml with opened = now",
        ),
        "log" => (
            "Catat pekerjaan: tambahkan interaksi ke pelanggan, atau perbarui komplain",
            "Record work: append an interaction to a customer, or update a complaint",
        ),
        "import" => (
            "Impor data dari berkas lain (spreadsheet, ekspor marketplace, chat WhatsApp)",
            "Import records from other files (spreadsheets, marketplace exports, WhatsApp chats)",
        ),
        "import csv" => (
            "Baris ekspor CSV (koma atau titik koma) menjadi berkas pelanggan",
            "Rows of a CSV export (comma or semicolon) become customer files",
        ),
        "import customers" => (
            "Baris spreadsheet (.csv atau .xlsx) menjadi berkas pelanggan",
            "Spreadsheet rows (.csv or .xlsx) become customer files",
        ),
        "import orders" => (
            "Ekspor pesanan marketplace (Shopee, TikTok Shop/Tokopedia) menjadi pesanan pelanggan",
            "A marketplace order export (Shopee, TikTok Shop/Tokopedia) becomes orders",
        ),
        "import whatsapp" => (
            "Ekspor chat WhatsApp (.txt atau .zip) menjadi interaksi",
            "A WhatsApp chat export (.txt or .zip) becomes interactions",
        ),
        "stats" => (
            "Angka layanan mingguan, minggu lalu di samping minggu ini",
            "Weekly service metrics, last week beside this week",
        ),
        _ if path == "help" || path.ends_with(" help") => (
            "Tampilkan bantuan ini, atau bantuan perintah yang disebut",
            "Print this message or the help of the given command",
        ),
        _ => return None,
    };
    Some(pick(lang, id, en))
}

/// What an argument or option means, keyed by its command's path and its
/// id (the field name). Global options are under `""`.
pub fn arg(path: &str, id: &str, lang: Lang) -> Option<&'static str> {
    let (i, e) = match (path, id) {
        ("", "shop") => (
            "Folder toko (bawaan: folder terdekat yang berisi shop.toml, dari sini ke atas)",
            "Shop folder (default: the nearest folder with shop.toml, from here upwards)",
        ),
        ("", "now") => (
            "Anggap sekarang waktu ini, mis. \"2026-11-20 15:00\" (zona waktu toko; juga lewat LANGGAN_NOW)",
            "Pretend it is this time, e.g. \"2026-11-20 15:00\" (shop time zone; LANGGAN_NOW also sets it)",
        ),
        ("", "no_cache") => (
            "Baca ulang semua catatan, jangan pakai cache indeks (.langgan/)",
            "Parse every record again instead of reusing the index cache (.langgan/)",
        ),
        ("init", "dir") => (
            "Folder tempat toko dibuat (bawaan: di sini)",
            "Folder to create the shop in (default: here)",
        ),
        ("init", "hooks") => (
            "Pasang git pre-commit hook yang menjalankan `check` pada catatan yang akan di-commit",
            "Install a git pre-commit hook that runs `check` on the staged records",
        ),
        ("init", "ci") => (
            "Tulis alur kerja CI yang memeriksa, membuat situs (kontak disamarkan) dan menerbitkannya",
            "Write a CI workflow that checks, renders (contacts masked) and publishes the site",
        ),
        ("init", "encrypt") => (
            "Dengan --ci: alur kerja yang menerbitkan situs terenkripsi tanpa menyamarkan kontak \
             (kata sandi dari secret LANGGAN_SITE_PASSWORD repositori)",
            "With --ci: a workflow that publishes the site encrypted with contacts shown (the \
             password from the repository secret LANGGAN_SITE_PASSWORD)",
        ),
        ("due", "admin") => (
            "Hanya tugas admin ini (huruf besar/kecil tidak masalah)",
            "Only this admin's tasks (any case)",
        ),
        ("due", "upcoming") => (
            "Tampilkan juga tugas yang jatuh tempo dalam waktu ini, mis. 2d",
            "Also list tasks coming due within this time, e.g. 2d",
        ),
        ("due" | "customers" | "complaints" | "stats", "format") => {
            ("Bentuk keluaran", "Output format")
        }
        ("explain", "id") => (
            "Id pelanggan atau komplain (nama berkas tanpa .yaml)",
            "Customer or complaint id (file name without .yaml)",
        ),
        ("customers", "segment") => (
            "Hanya segmen ini: calon, baru, langganan, pasif, belum-bayar, tinggi, sedang, rendah \
             (atau lead, new, repeat, inactive, unpaid, high, medium, low)",
            "Only this segment: lead, new, repeat, inactive, unpaid, high, medium, low \
             (or in Indonesian: calon, baru, langganan, pasif, belum-bayar, tinggi, sedang, rendah)",
        ),
        ("customers", "tag") => (
            "Hanya pelanggan dengan tag ini (huruf besar/kecil tidak masalah)",
            "Only customers with this tag (any case)",
        ),
        ("complaints", "open") => (
            "Hanya komplain yang belum selesai",
            "Only complaints not yet resolved",
        ),
        ("report" | "watch", "out") => ("Folder keluaran", "Output folder"),
        ("report", "mask") => (
            "Samarkan nomor HP dan email, apa pun isi shop.toml (untuk situs yang diterbitkan)",
            "Mask phones and emails whatever shop.toml says (for a published site)",
        ),
        ("report" | "watch", "encrypt") => (
            "Tulis setiap halaman terenkripsi dengan kata sandi dari LANGGAN_SITE_PASSWORD \
             (untuk situs yang diterbitkan tanpa menyamarkan kontak)",
            "Write every page encrypted with the password in LANGGAN_SITE_PASSWORD (for a site \
             published with contacts unmasked)",
        ),
        ("watch", "poll") => (
            "Periksa perubahan secara berkala, bukan lewat notifikasi sistem berkas (drive jaringan, WSL)",
            "Poll for changes instead of using file-system events (network drives, WSL)",
        ),
        ("watch", "serve") => (
            "Sajikan juga situsnya, halaman dimuat ulang setiap selesai dibuat (bawaan 127.0.0.1:8080)",
            "Also serve the site, reloading pages after each rebuild (default 127.0.0.1:8080)",
        ),
        ("watch", "public") => (
            "Izinkan --serve di alamat selain komputer ini: situs terbuka untuk semua orang di jaringan \
             (ditolak selama kontak tidak disamarkan, kecuali dengan --encrypt)",
            "Allow --serve on an address other than loopback: the site is then served to everyone on \
             the network (refused while contacts are unmasked, unless with --encrypt)",
        ),
        ("new customer", "name") => (
            "Nama lengkap, mis. \"Siti Rahma\"",
            "Full name, e.g. \"Siti Rahma\"",
        ),
        ("new customer", "phone") => (
            "Nomor WhatsApp, mis. 0812-3456-7890",
            "WhatsApp number, e.g. 0812-3456-7890",
        ),
        ("new customer", "email") => ("Alamat email", "Email address"),
        ("new customer", "city") => (
            "Kota domisili atau tujuan kirim",
            "City she lives in or ships to",
        ),
        ("new customer", "source") => (
            "Dari mana dia tahu toko ini, mis. instagram (salah satu `sources` di shop.toml)",
            "Where she found the shop, e.g. instagram (one of `sources` in shop.toml)",
        ),
        ("new customer", "admin") => (
            "Admin yang menangani pelanggan ini",
            "The admin who handles this customer",
        ),
        ("new customer", "note") => (
            "Catatan, mis. \"Nunggu gajian\"",
            "A note, e.g. \"Waiting for payday\"",
        ),
        ("new customer", "first_contact") => (
            "Kapan dia pertama menghubungi (bawaan: sekarang), mis. \"2026-11-02 10:15\"",
            "When she first got in touch (default: now), e.g. \"2026-11-02 10:15\"",
        ),
        ("new customer", "force") => (
            "Tetap buat walaupun nomor HP itu sudah dipakai pelanggan lain",
            "Create it even when the phone already belongs to a customer",
        ),
        ("new complaint", "customer") => ("Id pelanggan", "The customer's id"),
        ("new complaint", "summary") => (
            "Apa masalahnya, dengan beberapa kata (wajib), mis. \"Paket salah kirim\"",
            "What went wrong, in a few words (required), e.g. \"Wrong item sent\"",
        ),
        ("new complaint", "category") => (
            "Jenis masalah, mis. salah-kirim",
            "Kind of problem, e.g. wrong-item",
        ),
        ("new complaint", "admin") => (
            "Admin yang menangani komplain ini",
            "The admin who handles this complaint",
        ),
        ("new complaint", "channel") => (
            "Lewat mana komplain masuk: whatsapp, instagram, marketplace, …",
            "Where the complaint came in: whatsapp, instagram, marketplace, …",
        ),
        ("log", "id") => ("Id pelanggan atau komplain", "Customer or complaint id"),
        ("log", "kind") => (
            "Untuk pelanggan: inbound, followup, payment, shipping, aftercare, repeat, survey, note",
            "For a customer: inbound, followup, payment, shipping, aftercare, repeat, survey, note",
        ),
        ("log", "note") => (
            "Catatan singkat, mis. \"Sudah kirim pricelist\"",
            "A short note, e.g. \"Sent the price list\"",
        ),
        ("log", "by") => ("Siapa yang mengerjakan (admin)", "Who did it (an admin)"),
        ("log", "channel") => (
            "whatsapp, instagram, marketplace, …",
            "whatsapp, instagram, marketplace, …",
        ),
        ("log", "at") => (
            "Kapan terjadinya (bawaan: sekarang), untuk mencatat yang sudah lewat",
            "When it happened (default: now), to record one done earlier",
        ),
        ("log", "replied") => (
            "Pesan masuk (inbound): kapan toko membalasnya",
            "An inbound message: when the shop replied to it",
        ),
        ("log", "response") => (
            "Komplain: isi first_response dengan sekarang (atau --at)",
            "Complaint: set first_response to now (or --at)",
        ),
        ("log", "resolved") => (
            "Komplain: isi resolved dengan sekarang (atau --at)",
            "Complaint: set resolved to now (or --at)",
        ),
        ("log", "solution") => (
            "Komplain: solusi yang diberikan",
            "Complaint: the solution given",
        ),
        ("log", "csat") => (
            "Komplain: penilaian pelanggan 1–5",
            "Complaint: the customer's rating 1–5",
        ),
        ("log", "force") => (
            "Komplain: tetap tulis walaupun sudah selesai (--resolved) atau belum selesai (--csat)",
            "Complaint: write even when already resolved (--resolved) or still open (--csat)",
        ),
        ("import csv" | "import customers" | "import orders" | "import whatsapp", "file") => {
            ("Berkas yang diimpor", "The file to import")
        }
        ("import csv" | "import customers" | "import orders" | "import whatsapp", "dry_run") => (
            "Tampilkan apa yang akan ditulis, tanpa menulis apa pun",
            "Show what would be written, write nothing",
        ),
        ("import csv" | "import customers" | "import orders" | "import whatsapp", "skip_bad") => (
            "Impor baris yang benar walaupun ada baris yang bermasalah",
            "Import the good rows even when some are bad",
        ),
        ("import orders", "from") => (
            "Dari marketplace mana ekspornya (bawaan: dikenali dari judul kolomnya); tokopedia = tiktok",
            "Which marketplace the export is from (default: told by its column headers); tokopedia = tiktok",
        ),
        ("import whatsapp", "files") => (
            "Satu atau beberapa ekspor chat (.txt, atau .zip buatan WhatsApp; Ekspor chat → Tanpa media)",
            "One or more chat exports (.txt, or the .zip WhatsApp makes; Export chat → Without media)",
        ),
        ("import whatsapp", "customer") => (
            "Semua berkas adalah chat pelanggan ini (juga untuk chat grup)",
            "Every file is this customer's chat (also for a group chat)",
        ),
        ("import whatsapp", "me") => (
            "Nama toko di chat (bawaan: whatsapp_name di [shop], atau nama admin)",
            "The shop's name in the chat (default: [shop] whatsapp_name, or an admin's name)",
        ),
        ("import whatsapp", "by") => (
            "Admin yang membalas (ditulis sebagai `by`)",
            "The admin who answered (written as `by`)",
        ),
        ("stats", "week") => (
            "Minggu ISO, mis. 2026-W47 (bawaan: minggu ini)",
            "ISO week, e.g. 2026-W47 (default: the week holding now)",
        ),
        (_, "command") if path == "help" || path.ends_with(" help") => (
            "Perintah yang ingin dilihat bantuannya",
            "The command to show the help of",
        ),
        _ => return None,
    };
    Some(pick(lang, i, e))
}

/// A placeholder shown in usage and help (`--shop <FOLDER>`).
pub fn value_name(name: &str, lang: Lang) -> &str {
    translated_value_name(name, lang).unwrap_or(name)
}

/// [`value_name`] when the language has its own word for it.
pub fn translated_value_name(name: &str, lang: Lang) -> Option<&'static str> {
    if lang == Lang::En {
        return None;
    }
    Some(match name {
        "DIR" => "FOLDER",
        "TIME" => "WAKTU",
        "DUR" => "DURASI",
        "TEXT" => "TEKS",
        "SEGMENT" => "SEGMEN",
        "WEEK" => "MINGGU",
        "CHANNEL" => "KANAL",
        "ADDR" => "ALAMAT",
        "FILE" => "BERKAS",
        "NAME" => "NAMA",
        "CUSTOMER" => "PELANGGAN",
        "KIND" => "JENIS",
        "NOTE" => "CATATAN",
        "FORMAT" => "BENTUK",
        "PHONE" => "NO_HP",
        "CITY" => "KOTA",
        "SOURCE" => "SUMBER",
        "CATEGORY" => "KATEGORI",
        "COMMAND" => "PERINTAH",
        _ => return None,
    })
}

/// Fixed words of `--help` and of usage errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpWord {
    Usage,
    Commands,
    Arguments,
    Options,
    /// The `-h, --help` flag.
    PrintHelp,
    /// The `-V, --version` flag.
    PrintVersion,
    /// Where a list of choices is shown after an option's help.
    Choices,
    /// Before the default value after an option's help.
    Default,
}

impl HelpWord {
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            HelpWord::Usage => pick(lang, "Penggunaan", "Usage"),
            HelpWord::Commands => pick(lang, "Perintah", "Commands"),
            HelpWord::Arguments => pick(lang, "Argumen", "Arguments"),
            HelpWord::Options => pick(lang, "Opsi", "Options"),
            HelpWord::PrintHelp => pick(lang, "Tampilkan bantuan", "Print help"),
            HelpWord::PrintVersion => pick(lang, "Tampilkan versi", "Print version"),
            HelpWord::Choices => pick(lang, "pilihan", "possible values"),
            HelpWord::Default => pick(lang, "bawaan", "default"),
        }
    }
}

/// The `[OPTIONS]` clap writes in a usage line, in the language.
pub fn options_placeholder(lang: Lang) -> &'static str {
    pick(lang, "[OPSI]", "[OPTIONS]")
}

/// What a usage error says, before the usage line and the hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsageProblem {
    /// An option or argument langgan does not know.
    UnknownArgument { arg: String },
    /// A command langgan does not know.
    UnknownCommand { command: String },
    /// A value not among an option's choices.
    InvalidValue {
        arg: String,
        value: String,
        choices: Vec<String>,
    },
    /// An option given without its value.
    MissingValue { arg: String },
    /// A value that option cannot take (`--csat 9`).
    BadValue { arg: String, value: String },
    /// Required arguments not given.
    MissingRequired { args: Vec<String> },
    /// Two options that do not go together.
    Conflict { arg: String, other: Option<String> },
    /// An option given twice.
    Repeated { arg: String },
    /// More values than the command takes.
    Unexpected { value: String },
    /// A command that needs one of its commands (`langgan new`).
    MissingCommand {
        command: String,
        choices: Vec<String>,
    },
    /// Anything else clap refuses.
    Other,
}

/// The first line of a usage error.
pub fn usage_problem(p: &UsageProblem, lang: Lang) -> String {
    use UsageProblem::*;
    match (p, lang) {
        (UnknownArgument { arg }, Lang::Id) => format!("opsi atau argumen `{arg}` tidak dikenal"),
        (UnknownArgument { arg }, Lang::En) => format!("unknown option or argument `{arg}`"),
        (UnknownCommand { command }, Lang::Id) => format!("perintah `{command}` tidak dikenal"),
        (UnknownCommand { command }, Lang::En) => format!("unknown command `{command}`"),
        (
            InvalidValue {
                arg,
                value,
                choices,
            },
            Lang::Id,
        ) => format!(
            "`{value}` tidak bisa dipakai untuk {arg}; pilihannya: {}",
            choices.join(", ")
        ),
        (
            InvalidValue {
                arg,
                value,
                choices,
            },
            Lang::En,
        ) => format!(
            "`{value}` is not a value of {arg}; use one of: {}",
            choices.join(", ")
        ),
        (MissingValue { arg }, Lang::Id) => format!("{arg} perlu diberi nilai"),
        (MissingValue { arg }, Lang::En) => format!("{arg} needs a value"),
        (BadValue { arg, value }, Lang::Id) => {
            format!("`{value}` bukan nilai yang bisa dipakai untuk {arg}")
        }
        (BadValue { arg, value }, Lang::En) => format!("`{value}` is not a valid value for {arg}"),
        (MissingRequired { args }, Lang::Id) => {
            format!("{} wajib diisi", args.join(", "))
        }
        (MissingRequired { args }, Lang::En) => format!("{} is required", args.join(", ")),
        (Conflict { arg, other }, Lang::Id) => match other {
            Some(o) => format!("{arg} tidak bisa dipakai bersama {o}"),
            None => format!("{arg} tidak bisa dipakai di sini"),
        },
        (Conflict { arg, other }, Lang::En) => match other {
            Some(o) => format!("{arg} cannot be used with {o}"),
            None => format!("{arg} cannot be used here"),
        },
        (Unexpected { value }, Lang::Id) => {
            format!("`{value}` berlebih; perintah ini tidak menerima nilai sebanyak itu")
        }
        (Unexpected { value }, Lang::En) => {
            format!("unexpected `{value}`; this command takes fewer values")
        }
        (Repeated { arg }, Lang::Id) => format!("{arg} hanya boleh dipakai sekali"),
        (Repeated { arg }, Lang::En) => format!("{arg} can be given only once"),
        (MissingCommand { command, choices }, Lang::Id) => format!(
            "`{command}` perlu diikuti salah satu perintahnya: {}",
            choices.join(", ")
        ),
        (MissingCommand { command, choices }, Lang::En) => format!(
            "`{command}` needs one of its commands: {}",
            choices.join(", ")
        ),
        (Other, Lang::Id) => "perintah ini tidak bisa dijalankan seperti itu".into(),
        (Other, Lang::En) => "the command line is not valid".into(),
    }
}

/// `; maksudnya `--format`?` after a usage problem.
pub fn did_you_mean(suggestions: &[String], lang: Lang) -> String {
    if suggestions.is_empty() {
        return String::new();
    }
    let list: Vec<String> = suggestions.iter().map(|s| format!("`{s}`")).collect();
    let or = pick(lang, " atau ", " or ");
    match lang {
        Lang::Id => format!("; maksudnya {}?", list.join(or)),
        Lang::En => format!("; did you mean {}?", list.join(or)),
    }
}

/// The last line of a usage error: where to read more.
pub fn see_help(command: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("Lihat `{command} --help` untuk semua opsinya."),
        Lang::En => format!("See `{command} --help` for all its options."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_has_both_languages() {
        for w in [
            HelpWord::Usage,
            HelpWord::Commands,
            HelpWord::Arguments,
            HelpWord::Options,
            HelpWord::PrintHelp,
            HelpWord::PrintVersion,
            HelpWord::Choices,
            HelpWord::Default,
        ] {
            assert_ne!(w.text(Lang::Id), w.text(Lang::En), "{w:?}");
        }
        assert_eq!(value_name("DIR", Lang::Id), "FOLDER");
        assert_eq!(value_name("DIR", Lang::En), "DIR");
    }

    #[test]
    fn usage_problems_read_as_sentences() {
        let p = UsageProblem::InvalidValue {
            arg: "--format <BENTUK>".into(),
            value: "xml".into(),
            choices: vec!["table".into(), "json".into()],
        };
        assert_eq!(
            usage_problem(&p, Lang::Id),
            "`xml` tidak bisa dipakai untuk --format <BENTUK>; pilihannya: table, json"
        );
        assert_eq!(
            did_you_mean(&["--format".into()], Lang::Id),
            "; maksudnya `--format`?"
        );
        assert_eq!(did_you_mean(&[], Lang::En), "");
    }
}
