//! Every word the report site and the watcher show, in Bahasa Indonesia or
//! English, as typed keys: [`Labels`] are the templates' words (`t.NAME`),
//! [`Words`] those the pages put together in Rust, [`WatchWords`] the
//! watcher's. Interaction kinds and task statuses are elsewhere for now
//! (`report::pages::customer::kind_label`, `lang::status`).

use crate::shop::config::Lang;
use serde::Serialize;

/// A struct of words with one instance per language.
macro_rules! words {
    ($(#[$m:meta])* $name:ident { $($key:ident: $id:literal, $en:literal;)* }) => {
        $(#[$m])*
        pub struct $name {
            $(pub $key: &'static str,)*
        }

        impl $name {
            const ID: $name = $name { $($key: $id,)* };
            const EN: $name = $name { $($key: $en,)* };

            pub fn of(lang: Lang) -> &'static $name {
                match lang {
                    Lang::Id => &Self::ID,
                    Lang::En => &Self::EN,
                }
            }
        }
    };
}

words! {
    /// The templates' words: the context's `t` (`t.dashboard`, …).
    #[derive(Serialize)]
    Labels {
        dashboard: "Ringkasan", "Dashboard";
        weeks: "Mingguan", "Weekly";
        months: "Bulanan", "Monthly";
        hours: "Jam ramai", "Busy hours";
        testimonials: "Testimoni", "Testimonials";
        customers: "Pelanggan", "Customers";
        complaints: "Komplain", "Complaints";
        report_of: "Laporan", "Report";
        as_of: "Data per", "Data as of";
        this_week: "Minggu ini", "This week";
        last_week: "Minggu lalu", "Last week";
        this_month: "Bulan ini", "This month";
        last_month: "Bulan lalu", "Last month";
        change: "Perubahan", "Change";
        metric: "Metrik", "Metric";
        trends: "Tren 12 minggu terakhir", "Trends over the last 12 weeks";
        agenda: "Tugas hari ini", "Today's tasks";
        agenda_empty: "Tidak ada tugas yang jatuh tempo. Mantap! 🎉", "Nothing is due. Well done! 🎉";
        open_complaints: "Komplain terbuka", "Open complaints";
        no_open_complaints: "Tidak ada komplain terbuka.", "No open complaints.";
        overdue: "lewat target", "overdue";
        late_tasks: "terlambat", "overdue";
        details: "Selengkapnya", "Details";
        previous: "Sebelumnya", "Previous";
        next: "Berikutnya", "Next";
        week_archive: "Arsip mingguan", "Weekly archive";
        month_archive: "Arsip bulanan", "Monthly archive";
        leads_by_source: "Calon pembeli per sumber", "Leads by source";
        source: "Sumber", "Source";
        count: "Jumlah", "Count";
        top_products: "Produk terlaris", "Top products";
        product: "Produk", "Product";
        units: "Unit", "Units";
        revenue: "Omzet", "Revenue";
        per_admin: "Per admin", "Per admin";
        admin: "Admin", "Admin";
        leads: "Calon pembeli", "Leads";
        closing: "Closing", "Closing";
        followups_done: "Follow-up", "Follow-ups";
        tasks_overdue: "Tugas terlambat", "Overdue tasks";
        leads_not_followed: "Calon pembeli belum di-follow-up", "Leads not followed up";
        none: "Tidak ada.", "None.";
        repeat_orders: "Repeat order", "Repeat orders";
        customer: "Pelanggan", "Customer";
        date: "Tanggal", "Date";
        total: "Total", "Total";
        age: "Umur", "Age";
        definitions: "Arti setiap angka", "What the numbers mean";
        hours_intro: "Kapan pelanggan mengirim pesan (per hari dan jam, waktu toko). Pastikan ada admin yang siaga di jam-jam paling ramai.", "When customers write (by weekday and hour, shop time). Make sure an admin is on hand at the busiest hours.";
        messages: "pesan masuk", "messages";
        period: "Periode", "Period";
        testimonials_intro: "Ulasan pelanggan yang sudah mengizinkan untuk ditampilkan.", "Reviews from customers who agreed to have them shown.";
        no_testimonials: "Belum ada testimoni yang boleh ditampilkan.", "No testimonials to show yet.";
        filter: "Cari…", "Search…";
        name: "Nama", "Name";
        stage: "Tahap", "Stage";
        value: "Belanja", "Spend";
        unpaid: "Belum bayar", "Unpaid";
        orders: "Pesanan", "Orders";
        last_order: "Pesanan terakhir", "Last order";
        city: "Kota", "City";
        tags: "Tag", "Tags";
        spend: "Belanja 1 tahun", "Spend (365 days)";
        profile: "Profil", "Profile";
        phone: "WhatsApp", "WhatsApp";
        landline: "Telepon (bukan WhatsApp)", "Phone (not WhatsApp)";
        call: "Sapaan", "Addressed as";
        handles: "Akun marketplace", "Marketplace accounts";
        order_ref: "no. pesanan", "order no.";
        email: "Email", "Email";
        first_contact: "Kontak pertama", "First contact";
        interested: "Tertarik dengan", "Interested in";
        note: "Catatan", "Note";
        segments: "Segmen", "Segments";
        timeline: "Riwayat", "Timeline";
        open_tasks: "Tugas terbuka", "Open tasks";
        no_tasks: "Tidak ada tugas terbuka.", "No open tasks.";
        send_wa: "Kirim via WhatsApp", "Send on WhatsApp";
        due: "Jatuh tempo", "Due";
        status: "Status", "Status";
        opened: "Dibuka", "Opened";
        category: "Kategori", "Category";
        channel: "Kanal", "Channel";
        summary: "Keluhan", "Summary";
        root_cause: "Penyebab", "Root cause";
        solution: "Solusi", "Solution";
        first_response: "Tanggapan pertama", "First response";
        resolved: "Selesai", "Resolved";
        contacts: "Jumlah kontak", "Contacts";
        csat: "Penilaian", "Rating";
        record_file: "Berkas", "File";
        errors_banner: "Ada berkas yang bermasalah. Data terakhir yang benar tetap dipakai sampai diperbaiki:", "Some files have errors. The last good data is used until they are fixed:";
        generated_by: "Dibuat dengan langgan dari catatan toko.", "Made with langgan from the shop's records.";
        week: "Minggu", "Week";
        month: "Bulan", "Month";
        all_customers: "Semua pelanggan", "All customers";
        all_complaints: "Semua komplain", "All complaints";
        open: "terbuka", "open";
        yes: "ya", "yes";
        no_data: "Belum ada data.", "No data yet.";
    }
}

words! {
    /// Words the pages put together in Rust.
    Words {
        complaint: "Komplain", "Complaint";
        complaint_lower: "komplain", "complaint";
        resolved_lower: "selesai", "resolved";
        no_admin: "Belum ada admin", "No admin";
        million: "jt", "M";
        thousand: "rb", "k";
        page: "Halaman", "Page";
        page_lower: "halaman", "page";
        of: "dari", "of";
        search_page: "Cari di halaman ini…", "Search this page…";
        answered_in: "dibalas dalam", "answered in";
        minutes: "menit", "min";
        feedback: "Ulasan", "Feedback";
        paid: "dibayar", "paid";
        shipped: "dikirim", "shipped";
        delivered: "diterima", "delivered";
        cancelled: "dibatalkan", "cancelled";
        unanswered: "belum dibalas", "not answered";
    }
}

/// `3 dari 1.204 komplain terbuka ditampilkan · lihat semua`.
pub fn more_complaints(lang: Lang, shown: usize, total: &str) -> String {
    match lang {
        Lang::Id => format!("{shown} dari {total} komplain terbuka ditampilkan · lihat semua"),
        Lang::En => format!("{shown} of {total} open complaints shown · see them all"),
    }
}

words! {
    /// The watcher's words.
    WatchWords {
        site_at: "Situs di", "Site at";
        unknown_address: "alamat tidak dikenali", "unknown address";
        not_loopback:
            "alamat ini bukan alamat lokal (loopback), jadi situs beserta data pelanggannya \
             akan bisa dibuka oleh siapa pun di jaringan. Jika memang itu yang diinginkan, \
             silakan tambahkan --public; untuk melihatnya di komputer ini saja, pakai \
             --serve 127.0.0.1:8080.",
            "this is not a loopback address, so the site and its customer data would be \
             served to everyone on the network. If that is intended, add --public; to \
             preview on this computer only, use --serve 127.0.0.1:8080.";
        public_unmasked:
            "--public: kontak pelanggan tidak disamarkan ([report] mask_contacts = false di \
             shop.toml), jadi nomor telepon dan email akan terlihat oleh semua orang di \
             jaringan. Mohon samarkan kontak terlebih dahulu dengan mask_contacts = true di \
             shop.toml, lalu jalankan lagi.",
            "--public: customer contacts are not masked ([report] mask_contacts = false in \
             shop.toml), so phones and emails would be visible to everyone on the network. \
             Please mask contacts first with mask_contacts = true in shop.toml, then run \
             again.";
        cannot_listen: "tidak dapat membuka alamat ini:", "cannot listen:";
        cannot_serve: "tidak dapat menjalankan server web:", "cannot start the web server:";
    }
}

/// Said on stderr when `--public` serves the site beyond this computer.
pub fn public_warning(lang: Lang, url: &str) -> String {
    match lang {
        Lang::Id => format!(
            "perhatian: situs ini dapat dibuka oleh siapa pun di jaringan ({url}), tanpa kata \
             sandi. Hentikan dengan Ctrl+C bila sudah selesai."
        ),
        Lang::En => format!(
            "warning: the site is served to everyone on the network ({url}), without a \
             password. Stop it with Ctrl+C when you are done."
        ),
    }
}

/// The line after a rebuild: `15:00:02 diperbarui 25 ms · 1 berkas berubah
/// (customers/siti.yaml) · 3 halaman · 0 kesalahan`.
pub fn rebuilt(
    lang: Lang,
    clock: &str,
    ms: u128,
    changed: usize,
    files: &str,
    written: usize,
    errors: usize,
) -> String {
    match lang {
        Lang::Id => format!(
            "{clock} diperbarui {ms} ms · {changed} berkas berubah{files} · {written} halaman · {errors} kesalahan"
        ),
        Lang::En => format!(
            "{clock} rebuilt in {ms} ms · {changed} files changed{files} · {written} pages · {errors} errors"
        ),
    }
}

/// The line after saves that changed no record.
pub fn unchanged(lang: Lang, clock: &str, ms: u128, names: &str) -> String {
    match lang {
        Lang::Id => format!("{clock} diperiksa {ms} ms · isi tidak berubah ({names}) · 0 halaman"),
        Lang::En => format!("{clock} checked in {ms} ms · contents unchanged ({names}) · 0 pages"),
    }
}

/// How many answered a score: `5 jawaban`.
pub fn answers(lang: Lang, n: i64) -> String {
    match lang {
        Lang::Id => format!("{n} jawaban"),
        Lang::En => format!("{n} answers"),
    }
}

/// The first `days` days of this month or the one before: `tgl 1–23 bulan ini`.
pub fn month_so_far(lang: Lang, days: u8, prev: bool) -> String {
    match (lang, prev) {
        (Lang::Id, false) => format!("Tgl 1–{days} bulan ini"),
        (Lang::Id, true) => format!("Tgl 1–{days} bulan lalu"),
        (Lang::En, false) => format!("Days 1–{days} this month"),
        (Lang::En, true) => format!("Days 1–{days} last month"),
    }
}

/// The first `days` days of this week or the one before: `Sen–Rab minggu lalu`.
pub fn week_so_far(lang: Lang, days: u8, prev: bool) -> String {
    let names = match lang {
        Lang::Id => ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"],
        Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    };
    let last = names[usize::from(days.clamp(1, 7)) - 1];
    let span = if days <= 1 {
        last.to_string()
    } else {
        format!("{}–{last}", names[0])
    };
    match (lang, prev) {
        (Lang::Id, false) => format!("{span} minggu ini"),
        (Lang::Id, true) => format!("{span} minggu lalu"),
        (Lang::En, false) => format!("{span} this week"),
        (Lang::En, true) => format!("{span} last week"),
    }
}

/// Where a lead came from or a chat or order went through, as a word:
/// `unknown` and slugs never show.
pub fn source_label(source: &str, lang: Lang) -> String {
    let known = match (source, lang) {
        ("unknown", Lang::Id) => "Tidak diketahui",
        ("unknown", Lang::En) => "Not recorded",
        ("referral", Lang::Id) => "Rekomendasi teman",
        ("referral", Lang::En) => "Referral",
        ("offline", Lang::Id) => "Toko offline",
        ("offline", Lang::En) => "In store",
        ("instagram", _) => "Instagram",
        ("facebook", _) => "Facebook",
        ("tiktok", _) => "TikTok",
        ("whatsapp", _) => "WhatsApp",
        ("marketplace", _) => "Marketplace",
        ("website", _) => "Website",
        _ => return words_of(source),
    };
    known.to_string()
}

/// A slug as words: `telat-kirim` → `Telat kirim`.
pub fn words_of(slug: &str) -> String {
    let spaced = slug.replace(['-', '_'], " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(f) => f.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// An admin by name (`dewi` → `Dewi`); nobody → `Belum ada admin`.
pub fn admin_name(admin: Option<&str>, lang: Lang) -> String {
    match admin.filter(|a| !a.is_empty() && *a != "unassigned") {
        Some(a) => a
            .split(['-', '_', ' '])
            .filter(|w| !w.is_empty())
            .map(words_of)
            .collect::<Vec<_>>()
            .join(" "),
        None => Words::of(lang).no_admin.to_string(),
    }
}

/// A span of time in words, to the minute under a day: `20 menit`,
/// `3 jam 5 menit`, `2 hari 3 jam`.
pub fn span(lang: Lang, secs: i64) -> String {
    let secs = secs.max(0);
    let (d, h, m) = (secs / 86_400, (secs % 86_400) / 3600, (secs % 3600) / 60);
    match (lang, d, h) {
        (Lang::Id, 0, 0) => format!("{m} menit"),
        (Lang::En, 0, 0) => format!("{m} min"),
        (Lang::Id, 0, _) if m > 0 => format!("{h} jam {m} menit"),
        (Lang::En, 0, _) if m > 0 => format!("{h} h {m} min"),
        (Lang::Id, 0, _) => format!("{h} jam"),
        (Lang::En, 0, _) => format!("{h} h"),
        (Lang::Id, _, 0) => format!("{d} hari"),
        (Lang::En, _, 0) => format!("{d} d"),
        (Lang::Id, _, _) => format!("{d} hari {h} jam"),
        (Lang::En, _, _) => format!("{d} d {h} h"),
    }
}

/// How a deadline stands at now: `sisa 3 jam 5 menit` or `lewat 2 hari`.
pub fn time_left(lang: Lang, due_minus_now_secs: i64) -> String {
    let s = span(lang, due_minus_now_secs.abs());
    match (lang, due_minus_now_secs >= 0) {
        (Lang::Id, true) => format!("sisa {s}"),
        (Lang::Id, false) => format!("lewat {s}"),
        (Lang::En, true) => format!("{s} left"),
        (Lang::En, false) => format!("{s} overdue"),
    }
}

words! {
    /// The new dashboard's and pages' words (issue 15): the context's `m`.
    #[derive(Serialize)]
    More {
        last_complete_week: "Minggu lalu, sudah lengkap", "Last week, complete";
        week_before: "minggu sebelumnya", "the week before";
        running_week: "Minggu berjalan, dibanding hari yang sama minggu lalu", "This week so far, against the same days last week";
        behind: "Siapa yang tertinggal", "Who is behind";
        jump_to_tasks: "Langsung ke tugas tiap admin", "Go to each admin's tasks";
        tasks_due: "Jatuh tempo", "Due";
        tasks_late: "Terlambat", "Overdue";
        tasks_missed: "Terlewat", "Missed";
        unanswered: "Chat belum dibalas", "Unanswered chats";
        no_unanswered: "Semua chat sudah dibalas.", "Every chat has been answered.";
        unpaid_orders: "Pesanan belum dibayar", "Unpaid orders";
        no_unpaid: "Tidak ada pesanan yang belum dibayar.", "No unpaid orders.";
        waiting: "Menunggu", "Waiting";
        response_median: "Waktu balas (nilai tengah)", "Response time (median)";
        missed_tasks: "Tugas terlewat", "Missed tasks";
        missed_intro: "Tugas yang lewat batas tanpa dikerjakan. Masih bisa dihubungi lagi.", "Tasks that ran out undone. The customer can still be contacted.";
        deadline_first: "Batas tanggapan pertama", "First response due";
        deadline_resolve: "Batas penyelesaian", "Resolve due";
        handling_time: "Lama penanganan", "Handling time";
        time_left: "Sisa waktu", "Time left";
        show_message: "Lihat pesan", "Show message";
        due_at: "jatuh tempo", "due";
        late_at: "batas", "late at";
        order_word: "Pesanan", "Order";
        complaints_trend: "Komplain masuk dan selesai", "Complaints opened and resolved";
        main_nav: "Menu utama", "Main menu";
        pager_nav: "Minggu sebelum dan sesudah", "Previous and next";
        scroll_table: "Tabel, geser ke samping", "Table, scroll sideways";
        chat_wa: "Chat di WhatsApp", "Chat on WhatsApp";
        hidden_note: "disembunyikan", "hidden";
        print_of: "Laporan", "Report of";
        status_due: "perlu dikerjakan", "due";
        status_upcoming: "akan datang", "upcoming";
        last_7_days: "7 hari terakhir", "last 7 days";
        open_since: "Terbuka sejak", "Open since";
        first_response_overdue: "belum ditanggapi", "no first response yet";
    }
}

/// A day relative to today: `hari ini`, `kemarin`, `3 hari lalu`, `besok`, `dalam 3 hari`.
pub fn days_from_today(lang: Lang, days: i64) -> String {
    match (lang, days) {
        (Lang::Id, 0) => "hari ini".into(),
        (Lang::En, 0) => "today".into(),
        (Lang::Id, -1) => "kemarin".into(),
        (Lang::En, -1) => "yesterday".into(),
        (Lang::Id, 1) => "besok".into(),
        (Lang::En, 1) => "tomorrow".into(),
        (Lang::Id, d) if d < 0 => format!("{} hari lalu", -d),
        (Lang::En, d) if d < 0 => format!("{} days ago", -d),
        (Lang::Id, d) => format!("dalam {d} hari"),
        (Lang::En, d) => format!("in {d} days"),
    }
}

words! {
    /// What the preview server answers in the browser when it serves no page.
    ServeWords {
        busy: "server sedang sibuk, silakan coba lagi sebentar lagi",
            "busy, try again";
        unknown_host: "alamat (Host) ini tidak dilayani; buka alamat yang ditampilkan langgan watch",
            "unknown Host";
        only_get: "hanya GET dan HEAD", "only GET and HEAD";
        forbidden: "tidak boleh dibuka", "forbidden";
        not_found: "halaman tidak ditemukan", "not found";
    }
}

/// Watching cannot start: the system's limit on watches or open files.
pub fn watch_limit(lang: Lang, root: &str) -> String {
    match lang {
        Lang::Id => format!(
            "{root}: batas sistem untuk jumlah folder yang diawasi atau berkas yang terbuka \
             sudah tercapai. Naikkan batasnya dengan\n  sudo sysctl fs.inotify.max_user_watches=524288\n\
             (tambahkan ke /etc/sysctl.conf agar tetap berlaku), atau jalankan \
             `langgan watch --poll`, yang tidak memerlukannya"
        ),
        Lang::En => format!(
            "{root}: the system limit on watched folders or open files is reached. Raise it with\n  \
             sudo sysctl fs.inotify.max_user_watches=524288\n(add it to /etc/sysctl.conf to keep \
             it), or run `langgan watch --poll`, which needs no watches"
        ),
    }
}

/// Watching cannot start for another reason (`error`: the system's words).
pub fn cannot_watch(lang: Lang, root: &str, error: &str) -> String {
    match lang {
        Lang::Id => format!(
            "{root}: folder toko tidak bisa diawasi: {error}; di drive jaringan atau WSL coba \
             `langgan watch --poll`"
        ),
        Lang::En => format!(
            "{root}: cannot watch the shop folder: {error}; on network drives or WSL try \
             `langgan watch --poll`"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_say_minutes_under_an_hour_and_which_way() {
        assert_eq!(span(Lang::Id, 20 * 60), "20 menit");
        assert_eq!(span(Lang::Id, 3 * 3600 + 5 * 60), "3 jam 5 menit");
        assert_eq!(span(Lang::Id, 2 * 86_400 + 3 * 3600 + 59), "2 hari 3 jam");
        assert_eq!(time_left(Lang::Id, 20 * 60), "sisa 20 menit");
        assert_eq!(time_left(Lang::Id, -42 * 86_400), "lewat 42 hari");
        assert_eq!(days_from_today(Lang::Id, -7), "7 hari lalu");
        assert_eq!(days_from_today(Lang::Id, 0), "hari ini");
    }

    #[test]
    fn labels_are_words() {
        assert_eq!(source_label("unknown", Lang::Id), "Tidak diketahui");
        assert_eq!(words_of("telat-kirim"), "Telat kirim");
        assert_eq!(admin_name(Some("dewi"), Lang::Id), "Dewi");
        assert_eq!(admin_name(Some("unassigned"), Lang::Id), "Belum ada admin");
        assert_eq!(admin_name(None, Lang::En), "No admin");
        assert_eq!(week_so_far(Lang::Id, 3, true), "Sen–Rab minggu lalu");
        assert_eq!(week_so_far(Lang::Id, 1, false), "Sen minggu ini");
    }
}
