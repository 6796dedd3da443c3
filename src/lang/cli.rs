//! What the commands say (`due`, `check`, `customers`, `complaints`,
//! `stats`, `report`, `explain`, `new`, `log`; `import` has `lang::import`), in Bahasa
//! Indonesia or English: fixed words as [`CliWord`] and [`ExplainWord`],
//! sentences holding values as functions. Errors without an Indonesian
//! version stay with their command for now.

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
    /// `new complaint` without `--summary`.
    NewComplaintSummary,
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
            CliWord::NewComplaintSummary => pick(lang, "Komplain baru", "New complaint"),
            CliWord::ComplaintUpdated => pick(lang, "komplain diperbarui", "complaint updated"),
        }
    }
}

/// Commands other than `check` leave out files with errors, and say so.
pub fn left_out(errors: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("langgan: {errors} galat di berkas catatan; berkas yang bermasalah dilewati (jalankan `langgan check`)"),
        Lang::En => format!("langgan: {errors} errors in record files; those files were left out (run `langgan check`)"),
    }
}

/// `init`: said before the shop has a language, so in Indonesian.
pub fn shop_created(dir: &Path) -> String {
    format!(
        "Toko baru dibuat di {}: edit shop.toml, lalu tambahkan pelanggan di customers/.",
        dir.display()
    )
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
