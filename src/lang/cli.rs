//! What the commands say (`due`, `check`, `customers`, `complaints`,
//! `stats`, `report`, `explain`, `new`, `log`; `import` has `lang::import`), in Bahasa
//! Indonesia or English: fixed words as [`CliWord`] and [`ExplainWord`],
//! sentences holding values as functions, errors included. (What `--help`
//! and usage errors say is in `lang::help`.)

use super::pick;
use crate::shop::config::Lang;
use std::path::Path;

/// Fixed words of the listing and writing commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CliWord {
    /// The agenda's title; the tasks part of `explain`.
    Tasks,
    /// `due` with nothing to do.
    NothingDue,
    /// `stats`: before the week.
    Week,
    /// `log` on a complaint.
    ComplaintUpdated,
}

impl CliWord {
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            CliWord::Tasks => pick(lang, "Tugas", "Tasks"),
            CliWord::NothingDue => pick(
                lang,
                "Tidak ada tugas. Semua pelanggan sudah ditangani 🎉\n",
                "Nothing due. Every customer is taken care of 🎉\n",
            ),
            CliWord::Week => pick(lang, "Minggu", "Week"),
            CliWord::ComplaintUpdated => pick(lang, "komplain diperbarui", "complaint updated"),
        }
    }
}

/// Commands other than `check` leave out files with errors, and say so.
pub fn left_out(errors: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("langgan: {errors} kesalahan di berkas catatan; berkas yang bermasalah dilewati (jalankan `langgan check`)"),
        Lang::En => format!("langgan: {errors} errors in record files; those files were left out (run `langgan check`)"),
    }
}

/// `init`: in the language of `LANGGAN_LANG` (the shop has none yet).
pub fn shop_created(dir: &Path, lang: Lang) -> String {
    let dir = dir.display();
    match lang {
        Lang::Id => format!(
            "Toko baru dibuat di {dir}: edit shop.toml, lalu tambahkan pelanggan di customers/."
        ),
        Lang::En => {
            format!("New shop created in {dir}: edit shop.toml, then add customers in customers/.")
        }
    }
}

/// The head of one admin's tasks in `due`.
pub fn admin_tasks(who: &str, tasks: usize, overdue: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{who} · {tasks} tugas ({overdue} terlambat)"),
        Lang::En => format!("{who} · {tasks} tasks ({overdue} overdue)"),
    }
}

/// The columns of `customers`.
pub fn customers_header(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Id => [
            "ID",
            "NAMA",
            "TAHAP",
            "NILAI",
            "BELANJA 1 THN",
            "ORDER",
            "TERAKHIR",
        ],
        Lang::En => [
            "ID",
            "NAME",
            "STAGE",
            "VALUE",
            "SPEND 365D",
            "ORDERS",
            "LAST",
        ],
    }
}

/// The last line of `customers`.
pub fn customers_count(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{n} pelanggan\n"),
        Lang::En => format!("{n} customers\n"),
    }
}

/// The columns of `complaints`.
pub fn complaints_header(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::Id => ["ID", "PELANGGAN", "DIBUKA", "STATUS", "ADMIN", "KELUHAN"],
        Lang::En => ["ID", "CUSTOMER", "OPENED", "STATUS", "ADMIN", "SUMMARY"],
    }
}

/// The last line of `complaints`.
pub fn complaints_count(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{n} komplain\n"),
        Lang::En => format!("{n} complaints\n"),
    }
}

/// The columns of `stats`.
pub fn stats_header(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Id => ["METRIK", "MINGGU LALU", "MINGGU INI", "PERUBAHAN"],
        Lang::En => ["METRIC", "LAST WEEK", "THIS WEEK", "CHANGE"],
    }
}

/// What `report` did.
pub fn site_built(
    pages: usize,
    written: usize,
    removed: usize,
    ms: u128,
    index: &Path,
    lang: Lang,
) -> String {
    let index = index.display();
    match lang {
        Lang::Id => format!(
            "{pages} halaman ({written} diperbarui, {removed} dihapus) dalam {ms} ms · buka {index}"
        ),
        Lang::En => {
            format!(
                "{pages} pages ({written} updated, {removed} removed) in {ms} ms · open {index}"
            )
        }
    }
}

/// `log` on a customer: `interaksi `followup` dicatat`.
pub fn interaction_recorded(kind: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("interaksi `{kind}` dicatat"),
        Lang::En => format!("interaction `{kind}` recorded"),
    }
}

/// Fixed words of `explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExplainWord {
    /// Before the moment looked at.
    AsOf,
    /// Before a complaint's id, at the start of a line.
    Complaint,
    /// A customer whose `first_contact` is after the moment.
    NotYetCustomer,
    Segments,
    /// The lifecycle line's name.
    Lifecycle,
    /// Why a customer is a lead.
    NoOrder,
    /// The value line's name.
    Value,
    /// The value of a customer without orders.
    NoOrdersValue,
    No,
    Yes,
    NoTasksNow,
    Anchor,
    /// The due time.
    Due,
    /// After a wait counted in open hours.
    OfOpenTime,
    /// The late time.
    Late,
    Now,
    CompletedBy,
    CsatSet,
    FirstResponseUnset,
    ResolvedUnset,
    /// Why an open complaint's task is overdue and not missed.
    ComplaintNeverExpires,
    /// A task without an admin.
    NoneAssigned,
    /// A span of open time that jumps a break.
    SkipsBreak,
    /// A span of open time that jumps a holiday.
    SkipsHoliday,
}

impl ExplainWord {
    pub fn text(self, lang: Lang) -> &'static str {
        use ExplainWord::*;
        match self {
            AsOf => pick(lang, "Dilihat pada", "As of"),
            Complaint => pick(lang, "Komplain", "Complaint"),
            NotYetCustomer => pick(
                lang,
                "Pelanggan ini belum ada pada waktu itu: first_contact",
                "This customer did not exist yet: first_contact",
            ),
            Segments => pick(lang, "Segmen", "Segments"),
            Lifecycle => pick(lang, "tahap", "lifecycle"),
            NoOrder => pick(
                lang,
                "belum ada order (yang tidak dibatalkan)",
                "no order (that is not cancelled)",
            ),
            Value => pick(lang, "nilai", "value"),
            NoOrdersValue => pick(lang, "– (belum ada order)", "– (no orders)"),
            No => pick(lang, "tidak", "no"),
            Yes => pick(lang, "ya", "yes"),
            NoTasksNow => pick(
                lang,
                "tidak ada tugas pada waktu ini",
                "no tasks at this time",
            ),
            Anchor => pick(lang, "jangkar", "anchor"),
            Due => pick(lang, "jatuh tempo", "due"),
            OfOpenTime => pick(lang, "jam buka", "of open time"),
            Late => pick(lang, "terlambat", "late"),
            Now => pick(lang, "sekarang", "now"),
            CompletedBy => pick(lang, "diselesaikan oleh", "completed by"),
            CsatSet => pick(lang, "selesai: `csat` sudah diisi", "done: `csat` is set"),
            FirstResponseUnset => pick(
                lang,
                "`first_response` belum diisi",
                "`first_response` is not set",
            ),
            ResolvedUnset => pick(lang, "`resolved` belum diisi", "`resolved` is not set"),
            ComplaintNeverExpires => pick(
                lang,
                "komplain terbuka tetap terlambat sampai ditangani, tidak pernah kedaluwarsa",
                "an open complaint stays overdue until it is handled; it never expires",
            ),
            NoneAssigned => pick(lang, "belum ditentukan", "none assigned"),
            SkipsBreak => pick(lang, "lewati istirahat", "skips the break"),
            SkipsHoliday => pick(lang, "lewati hari libur", "skips the holiday"),
        }
    }
}

/// Why a customer who ordered has their lifecycle: `2 order, terakhir
/// 2026-11-02 10:00 (customers/x.yaml:9); di dalam jendela aktif (sejak …)`.
pub fn lifecycle_reason(
    orders: usize,
    last: &str,
    inside: bool,
    window_start: &str,
    lang: Lang,
) -> String {
    let (latest, side, window, since) = match lang {
        Lang::Id => (
            "terakhir",
            if inside { "di dalam" } else { "di luar" },
            "jendela aktif",
            "sejak",
        ),
        Lang::En => (
            "latest",
            if inside { "inside" } else { "outside" },
            "the active window",
            "since",
        ),
    };
    format!("{orders} order, {latest} {last}; {side} {window} ({since} {window_start})")
}

/// Why a customer has their value tier: the paid spend against the
/// thresholds, each named by its tier (`high`, `medium`).
pub fn value_reason(
    tier: &str,
    spend: &str,
    high: (&str, &str),
    medium: (&str, &str),
    lang: Lang,
) -> String {
    let spent = pick(lang, "belanja lunas 365 hari", "paid spend in 365 days");
    format!(
        "{tier} — {spent} {spend} (≥ {} {}, ≥ {} {})",
        high.0, high.1, medium.0, medium.1
    )
}

/// Why a customer task is not done: `belum ada interaksi `payment` sejak …`.
pub fn no_interaction_since(kind: &str, since: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("belum ada interaksi `{kind}` sejak {since}"),
        Lang::En => format!("no `{kind}` interaction since {since}"),
    }
}

/// What the next command says after finishing or discarding an interrupted
/// import (`io::staging`).
pub fn import_recovered(r: &crate::io::staging::Recovered, lang: Lang) -> String {
    use crate::io::staging::Recovered;
    match (r, lang) {
        (Recovered::Discarded, Lang::Id) => "impor sebelumnya terputus sebelum selesai; tidak ada yang ditulis, silakan ulangi.".into(),
        (Recovered::Discarded, Lang::En) => "an earlier import was interrupted before it finished; nothing was written, please run it again.".into(),
        (Recovered::Completed(n), Lang::Id) => format!("impor sebelumnya terputus saat memindahkan berkas; sudah diselesaikan ({n} berkas)."),
        (Recovered::Completed(n), Lang::En) => format!("an earlier import was interrupted while moving its files; it has been completed ({n} files)."),
        (Recovered::Failed(e), Lang::Id) => format!("impor sebelumnya terputus dan belum bisa diselesaikan: {e}; akan dicoba lagi."),
        (Recovered::Failed(e), Lang::En) => format!("an earlier import was interrupted and cannot be completed yet: {e}; it will be tried again."),
    }
}

/// Temporary files of interrupted writes removed by the next command.
pub fn temps_removed(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{n} berkas sementara dari penulisan yang terputus dihapus."),
        Lang::En => format!("removed {n} temporary files left by an interrupted write."),
    }
}

/// What the OS said about a file, in plain words.
pub fn io_problem(kind: std::io::ErrorKind, os_text: &str, lang: Lang) -> String {
    use std::io::ErrorKind::*;
    match kind {
        NotFound => pick(lang, "tidak ditemukan", "not found").into(),
        PermissionDenied => pick(lang, "tidak ada izin", "permission denied").into(),
        InvalidData => pick(lang, "bukan teks UTF-8 yang valid", "not valid UTF-8 text").into(),
        _ => match lang {
            Lang::Id => format!("tidak bisa dibaca atau ditulis ({os_text})"),
            Lang::En => os_text.to_string(),
        },
    }
}

/// `--shop DIR` without a shop.toml in it.
pub fn no_shop_here(dir: &Path, lang: Lang) -> String {
    let dir = dir.display();
    match lang {
        Lang::Id => {
            format!("{dir}: tidak ada shop.toml di sini; buat toko dengan `langgan init {dir}`")
        }
        Lang::En => format!("{dir}: no shop.toml here; create a shop with `langgan init {dir}`"),
    }
}

/// No shop.toml from the working directory upwards.
pub fn no_shop_anywhere(lang: Lang) -> &'static str {
    pick(
        lang,
        "tidak ada shop.toml di folder ini maupun di atasnya; pakai --shop FOLDER, atau buat toko dengan `langgan init`",
        "no shop.toml in this folder or any above it; use --shop DIR or create one with `langgan init`",
    )
}

pub fn cwd_unreadable(e: &std::io::Error, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("folder kerja tidak bisa dibaca: {e}"),
        Lang::En => format!("cannot read the working directory: {e}"),
    }
}

/// `init` where a shop already is.
pub fn shop_exists(toml: &Path, lang: Lang) -> String {
    let toml = toml.display();
    match lang {
        Lang::Id => format!("{toml}: di sini sudah ada toko; tidak ada yang diubah"),
        Lang::En => format!("{toml}: a shop already exists here; nothing was changed"),
    }
}

/// `init --hooks` / `--ci`: what was written.
pub fn team_file_written(what: TeamFile, path: &Path, lang: Lang) -> String {
    let path = path.display();
    match (what, lang) {
        (TeamFile::Hook, Lang::Id) => format!("pre-commit hook dipasang: {path}"),
        (TeamFile::Hook, Lang::En) => format!("pre-commit hook: {path}"),
        (TeamFile::Ci, Lang::Id) => format!("alur kerja CI ditulis: {path}"),
        (TeamFile::Ci, Lang::En) => format!("CI: {path}"),
    }
}

/// Why `init --hooks` / `--ci` cannot do it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamProblem<'a> {
    NoRepo,
    NoHooksFolder,
    HookExists { shop_rel: &'a str },
    CiExists,
}

pub fn team_problem(p: TeamProblem, path: &Path, lang: Lang) -> String {
    let path = path.display();
    match (p, lang) {
        (TeamProblem::NoRepo, Lang::Id) => {
            format!("{path}: bukan di dalam repositori git; jalankan `git init` dulu")
        }
        (TeamProblem::NoRepo, Lang::En) => {
            format!("{path}: not inside a git repository; run `git init` first")
        }
        (TeamProblem::NoHooksFolder, Lang::Id) => {
            format!("{path}: folder hooks git tidak ditemukan")
        }
        (TeamProblem::NoHooksFolder, Lang::En) => {
            format!("{path}: cannot find the git hooks folder")
        }
        (TeamProblem::HookExists { shop_rel }, Lang::Id) => format!(
            "{path}: sudah ada pre-commit hook; tambahkan sendiri `langgan --shop {shop_rel} check` ke dalamnya"
        ),
        (TeamProblem::HookExists { shop_rel }, Lang::En) => format!(
            "{path}: a pre-commit hook already exists; add `langgan --shop {shop_rel} check` to it yourself"
        ),
        (TeamProblem::CiExists, Lang::Id) => {
            format!("{path}: sudah ada; tidak ada yang diubah")
        }
        (TeamProblem::CiExists, Lang::En) => {
            format!("{path}: already exists; nothing was changed")
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamFile {
    Hook,
    Ci,
}

/// A time option that is not a time: `--at: `kemarin` bukan waktu; …`.
pub fn bad_time(option: &str, text: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "{option}: `{text}` bukan waktu; tulis seperti `2026-11-02 10:15` atau `2026-11-02`"
        ),
        Lang::En => format!(
            "{option}: `{text}` is not a time; write it like `2026-11-02 10:15` or `2026-11-02`"
        ),
    }
}

/// A duration option that is not a duration (`--upcoming`).
pub fn bad_duration(option: &str, text: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => {
            format!("{option}: `{text}` bukan durasi; tulis seperti `2d`, `24h`, `90m` atau `1w`")
        }
        Lang::En => format!(
            "{option}: `{text}` is not a duration; write it like `2d`, `24h`, `90m` or `1w`"
        ),
    }
}

/// `stats --week` that is not an ISO week.
pub fn bad_week(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("--week: `{text}` bukan minggu ISO; tulis seperti `2026-W47`"),
        Lang::En => format!("--week: `{text}` is not an ISO week; write it like `2026-W47`"),
    }
}

/// ` Mungkin maksudnya `siti-rahma` (Siti Rahma)?` after an unknown name;
/// each suggestion is an id with, where it has one, its name.
pub fn suggestions(list: &[(String, Option<String>)], lang: Lang) -> String {
    if list.is_empty() {
        return String::new();
    }
    let shown: Vec<String> = list
        .iter()
        .map(|(id, name)| match name {
            Some(n) if n != id => format!("`{id}` ({n})"),
            _ => format!("`{id}`"),
        })
        .collect();
    let or = pick(lang, " atau ", " or ");
    match lang {
        Lang::Id => format!("; mungkin maksudnya {}?", shown.join(or)),
        Lang::En => format!("; did you mean {}?", shown.join(or)),
    }
}

/// No record with that id (`explain`, `log`).
pub fn no_such_record(id: &str, hint: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("tidak ada pelanggan atau komplain dengan id `{id}`{hint}"),
        Lang::En => format!("no customer or complaint with id `{id}`{hint}"),
    }
}

/// `new complaint` for a customer that does not exist.
pub fn no_such_customer(id: &str, hint: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("tidak ada pelanggan dengan id `{id}`{hint}"),
        Lang::En => format!("no customer `{id}`{hint}"),
    }
}

/// `explain` of a complaint whose customer did not load.
pub fn complaint_customer_missing(id: &str, customer: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => {
            format!("komplain {id}: pelanggan {customer} tidak termuat (jalankan `langgan check`)")
        }
        Lang::En => {
            format!("complaint {id}: customer {customer} is not loaded (run `langgan check`)")
        }
    }
}

/// A name typed for an option that the shop does not know (`--admin`,
/// `--by`, `--source`): the hint, then the names it knows.
pub fn unknown_name(
    option: &str,
    what: Named,
    typed: &str,
    hint: &str,
    known: &[String],
    lang: Lang,
) -> String {
    let known = known.join(", ");
    match (what, lang) {
        (Named::Admin, Lang::Id) => {
            format!("{option}: admin `{typed}` tidak dikenal (admin di shop.toml: {known}){hint}")
        }
        (Named::Admin, Lang::En) => {
            format!("{option}: unknown admin `{typed}` (admins in shop.toml: {known}){hint}")
        }
        (Named::Source, Lang::Id) => {
            format!("{option}: sumber `{typed}` tidak dikenal (sumber di shop.toml: {known}){hint}")
        }
        (Named::Source, Lang::En) => {
            format!("{option}: unknown source `{typed}` (sources in shop.toml: {known}){hint}")
        }
        (Named::Segment, Lang::Id) => {
            format!("{option}: segmen `{typed}` tidak dikenal (pilihannya: {known}){hint}")
        }
        (Named::Segment, Lang::En) => {
            format!("{option}: unknown segment `{typed}` (use one of: {known}){hint}")
        }
        (Named::Kind, Lang::Id) => {
            format!("jenis interaksi `{typed}` tidak dikenal (pilihannya: {known}){hint}")
        }
        (Named::Kind, Lang::En) => {
            format!("unknown kind `{typed}` (use one of: {known}){hint}")
        }
    }
}

/// What [`unknown_name`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    Admin,
    Source,
    Segment,
    Kind,
}

/// A `--format` a command does not print.
pub fn format_unsupported(command: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{command} hanya bisa --format table atau json"),
        Lang::En => format!("{command} supports --format table or json"),
    }
}

pub fn cannot_write_json(e: &dyn std::fmt::Display, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("JSON tidak bisa ditulis: {e}"),
        Lang::En => format!("cannot write JSON: {e}"),
    }
}

/// Refusals and mistakes of `new` and `log`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteWord {
    /// `new customer ""`.
    NeedsName,
    /// `new complaint --summary ""`.
    SummaryEmpty,
    /// `log CUSTOMER` without a kind.
    KindMissing,
    /// Complaint options given for a customer.
    ComplaintOptionsOnCustomer,
    /// KIND or NOTE given for a complaint.
    CustomerWordsOnComplaint,
    /// `log COMPLAINT` with nothing to set.
    NothingToRecord,
    /// `--replied` on a kind other than `inbound`.
    RepliedNotInbound,
    /// Before the diagnostics of a record `new` would have written.
    NewRecord,
}

impl WriteWord {
    pub fn text(self, lang: Lang) -> &'static str {
        use WriteWord::*;
        match self {
            NeedsName => pick(
                lang,
                "pelanggan perlu nama, mis. `langgan new customer \"Siti Rahma\"`",
                "a customer needs a name, e.g. `langgan new customer \"Siti Rahma\"`",
            ),
            SummaryEmpty => pick(
                lang,
                "--summary: tulis masalahnya dengan beberapa kata, mis. --summary \"Paket salah kirim\"",
                "--summary: describe the complaint in a few words, e.g. --summary \"Wrong item sent\"",
            ),
            KindMissing => pick(
                lang,
                "log PELANGGAN JENIS [CATATAN]: JENIS salah satu dari",
                "log CUSTOMER KIND [NOTE]: KIND is one of",
            ),
            ComplaintOptionsOnCustomer => pick(
                lang,
                "--response, --resolved, --solution, --csat dan --force hanya untuk komplain",
                "--response, --resolved, --solution, --csat and --force are for complaints",
            ),
            CustomerWordsOnComplaint => pick(
                lang,
                "untuk komplain pakai --response, --resolved, --solution TEKS atau --csat N (JENIS, CATATAN dan --replied untuk pelanggan)",
                "for a complaint use --response, --resolved, --solution TEXT or --csat N (KIND, NOTE and --replied are for customers)",
            ),
            NothingToRecord => pick(
                lang,
                "tidak ada yang dicatat: pakai --response, --resolved, --solution TEKS atau --csat N",
                "nothing to record: use --response, --resolved, --solution TEXT or --csat N",
            ),
            RepliedNotInbound => pick(
                lang,
                "--replied hanya untuk pesan masuk: `log PELANGGAN inbound --replied WAKTU`",
                "--replied is for inbound messages: `log CUSTOMER inbound --replied TIME`",
            ),
            NewRecord => pick(lang, "(catatan baru)", "(new record)"),
        }
    }
}

/// A record the command would write is not valid.
pub fn new_record_invalid(complaint: bool, lang: Lang) -> &'static str {
    match (complaint, lang) {
        (false, Lang::Id) => "pelanggan baru ini tidak valid; tidak ada yang ditulis",
        (false, Lang::En) => "the new customer is not valid; nothing was written",
        (true, Lang::Id) => "komplain baru ini tidak valid; tidak ada yang ditulis",
        (true, Lang::En) => "the new complaint is not valid; nothing was written",
    }
}

/// `new customer` with a phone another customer has.
pub fn phone_taken(path: &Path, name: &str, lang: Lang) -> String {
    let path = path.display();
    match lang {
        Lang::Id => format!(
            "{path} sudah memakai nomor ini ({name}); tambahkan --force untuk tetap membuat pelanggan baru"
        ),
        Lang::En => format!(
            "{path} already has this phone ({name}); use --force to add another customer anyway"
        ),
    }
}

/// A record that has errors before `log` touches it.
pub fn record_has_errors(path: &Path, lang: Lang) -> String {
    let path = path.display();
    match lang {
        Lang::Id => format!("{path} masih ada kesalahan; perbaiki dulu (tidak ada yang diubah)"),
        Lang::En => format!("{path} has errors; fix them first (nothing was changed)"),
    }
}

/// The change `log` would make does not read back cleanly.
pub fn change_not_valid(path: &Path, lang: Lang) -> String {
    let path = path.display();
    match lang {
        Lang::Id => format!("{path}: perubahan ini tidak valid; tidak ada yang ditulis"),
        Lang::En => format!("{path}: the change is not valid; nothing was written"),
    }
}

/// Appending would change more than the one new interaction.
pub fn append_changes_more(path: &Path, lang: Lang) -> String {
    let path = path.display();
    match lang {
        Lang::Id => format!(
            "{path}: menambah interaksi ini akan mengubah bagian lain juga; tidak ada yang ditulis"
        ),
        Lang::En => format!(
            "{path}: appending would change more than the new interaction; nothing was written"
        ),
    }
}

/// `log` wrote its change again over another program's save.
pub fn change_redone(path: &Path, lang: Lang) -> String {
    let path = path.display();
    match lang {
        Lang::Id => format!(
            "{path}: program lain menimpa perubahan ini; perubahan ditulis ulang di atas suntingan program itu"
        ),
        Lang::En => format!(
            "{path}: another program saved over this change; it was made again on top of that program's edit"
        ),
    }
}

/// `log` gave up against a program that keeps saving over the file.
pub fn change_lost(path: &Path, lang: Lang) -> String {
    let path = path.display();
    match lang {
        Lang::Id => format!(
            "{path}: program lain terus menimpa berkas ini; perubahannya mungkin tidak ada, periksa berkasnya"
        ),
        Lang::En => format!(
            "{path}: another program keeps saving over this file; the change may be missing, check it"
        ),
    }
}

/// `log COMPLAINT --resolved` on a resolved complaint, without `--force`.
pub fn already_resolved(path: &Path, when: &str, lang: Lang) -> String {
    let path = path.display();
    match lang {
        Lang::Id => format!(
            "{path}: komplain ini sudah selesai pada {when}; tidak ada yang diubah. \
             Untuk mengganti waktu selesainya, tambahkan --force"
        ),
        Lang::En => format!(
            "{path}: this complaint was already resolved at {when}; nothing was changed. \
             To replace that time, add --force"
        ),
    }
}

/// `log COMPLAINT --csat N` on an open complaint, without `--force`.
pub fn csat_while_open(path: &Path, lang: Lang) -> String {
    let path = path.display();
    match lang {
        Lang::Id => format!(
            "{path}: komplain ini belum selesai, jadi belum bisa dinilai; tidak ada yang diubah. \
             Catat selesainya sekalian (--resolved --csat N), atau tambahkan --force"
        ),
        Lang::En => format!(
            "{path}: this complaint is still open, so it cannot be rated yet; nothing was changed. \
             Record its resolution too (--resolved --csat N), or add --force"
        ),
    }
}

// ------------------------------------------- report, templates and `log`

/// `log CUSTOMER` without a kind: what KIND may be.
pub fn kind_missing(kinds: &[&str], lang: Lang) -> String {
    format!("{} {}", WriteWord::KindMissing.text(lang), kinds.join(", "))
}

/// `log` on a record whose `interactions` is written on one line (`[…]`).
pub fn interactions_on_one_line(path: &Path, lang: Lang) -> String {
    let path = path.display();
    match lang {
        Lang::Id => format!(
            "{path}: `interactions` ditulis dalam satu baris ([…]); tulis sebagai daftar dengan satu `- at:` per baris agar bisa memakai `log`"
        ),
        Lang::En => format!(
            "{path}: `interactions` is written on one line ([…]); write it as a list with one `- at:` item per line to use `log`"
        ),
    }
}

/// `report --out` inside the shop's own folders.
pub fn out_in_shop(out: &Path, lang: Lang) -> String {
    let out = out.display();
    match lang {
        Lang::Id => format!(
            "{out}: laporan tidak boleh ditulis ke dalam folder toko sendiri; pakai folder lain, misalnya public/"
        ),
        Lang::En => format!(
            "{out}: the report cannot be written into the shop's own folders; use a separate folder such as public/"
        ),
    }
}

/// The report's templates cannot be read; `shop_templates`: the shop's own
/// templates (`templates/report/…`) among them, which are the likely cause.
pub fn report_template_error(detail: &str, shop_templates: &[&str], lang: Lang) -> String {
    let list = shop_templates.join(", ");
    match (shop_templates.is_empty(), lang) {
        (true, Lang::Id) => format!("template laporan bermasalah: {detail}"),
        (true, Lang::En) => format!("report template error: {detail}"),
        (false, Lang::Id) => format!(
            "template laporan bermasalah: {detail} (template milik toko: {list}; periksa atau hapus agar template bawaan dipakai)"
        ),
        (false, Lang::En) => format!("report template error: {detail} (shop templates: {list})"),
    }
}

/// A report page's template could not be filled in.
pub fn report_template_failed(name: &str, detail: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("template laporan {name} tidak bisa diisi: {detail}"),
        Lang::En => format!("report template {name}: {detail}"),
    }
}

/// A message template (`templates/messages/…`) cannot be read; `origin`: its file.
pub fn message_template_error(origin: &str, detail: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{origin}: template pesan bermasalah: {detail}"),
        Lang::En => format!("{origin}: template error: {detail}"),
    }
}

/// Where a message would be, when its template could not be filled in.
pub fn message_template_failed(name: &str, detail: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("[template {name}.txt tidak bisa diisi: {detail}]"),
        Lang::En => format!("[template {name}.txt: {detail}]"),
    }
}

/// Where a built-in template comes from, in messages about templates.
pub fn builtin_template(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{file} bawaan"),
        Lang::En => format!("built-in {file}"),
    }
}

// ------------------------------------------------ refusals to write a file

/// Why langgan would not write a file; an [`crate::error::Error`] carries
/// it, so the error is said in the shop's language when it is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The path has no file name.
    NotAFileName(std::path::PathBuf),
    /// A file name with a tab or a line break (the import's manifest is lines).
    NotAPlainFileName(std::path::PathBuf),
    /// Every name `x`, `x-2`, … is taken.
    NoFreeName(std::path::PathBuf),
    /// Another import holds the import lock.
    ImportRunning { lock: std::path::PathBuf },
    /// A new file's name was taken meanwhile.
    AlreadyExists(std::path::PathBuf),
    /// The file changed under langgan every time it tried to write it.
    KeptChanging(std::path::PathBuf),
    /// Another langgan holds the shop's write lock.
    ShopBusy {
        root: std::path::PathBuf,
        secs: u64,
        lock: std::path::PathBuf,
    },
}

impl Refusal {
    pub fn text(&self, lang: Lang) -> String {
        use Refusal::*;
        match (self, lang) {
            (NotAFileName(p), Lang::Id) => format!("{}: bukan nama berkas", p.display()),
            (NotAFileName(p), Lang::En) => format!("{}: not a file name", p.display()),
            (NotAPlainFileName(p), Lang::Id) => format!(
                "{}: nama berkas ini berisi tab atau baris baru; ganti namanya",
                p.display()
            ),
            (NotAPlainFileName(p), Lang::En) => format!("{}: not a plain file name", p.display()),
            (NoFreeName(p), Lang::Id) => format!(
                "{}: tidak ada nama berkas yang masih bebas untuk catatan ini",
                p.display()
            ),
            (NoFreeName(p), Lang::En) => format!("{}: no free name for this record", p.display()),
            (ImportRunning { lock }, Lang::Id) => format!(
                "impor lain ke toko ini masih berjalan (kunci {}); coba lagi setelah selesai",
                lock.display()
            ),
            (ImportRunning { lock }, Lang::En) => format!(
                "another import into this shop is still running (lock {}); try again when it is done",
                lock.display()
            ),
            (AlreadyExists(p), Lang::Id) => {
                format!("{}: sudah ada; tidak ada yang ditulis", p.display())
            }
            (AlreadyExists(p), Lang::En) => {
                format!("{}: already exists; nothing was written", p.display())
            }
            (KeptChanging(p), Lang::Id) => format!(
                "{}: berkas ini terus berubah selama langgan menulisnya (sedang disunting di tempat lain); tidak ada yang ditulis, silakan coba lagi",
                p.display()
            ),
            (KeptChanging(p), Lang::En) => format!(
                "{}: the file kept changing while langgan was writing it (edited elsewhere at the same time); nothing was written, try again",
                p.display()
            ),
            (ShopBusy { root, secs, lock }, Lang::Id) => format!(
                "{}: langgan lain sudah {secs} detik menulis ke toko ini (kunci {}); silakan coba lagi",
                root.display(),
                lock.display()
            ),
            (ShopBusy { root, secs, lock }, Lang::En) => format!(
                "{}: another langgan has been writing to this shop for {secs}s (lock {}); try again",
                root.display(),
                lock.display()
            ),
        }
    }
}
