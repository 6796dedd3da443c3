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
        value: "Nilai", "Value";
        unpaid: "Belum bayar", "Unpaid";
        orders: "Order", "Orders";
        last_order: "Order terakhir", "Last order";
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
    }
}

/// `3 dari 1.204 komplain terbuka ditampilkan · lihat semua`.
pub fn more_complaints(lang: Lang, shown: usize, total: &str) -> String {
    match lang {
        Lang::Id => format!("{shown} dari {total} komplain terbuka ditampilkan · lihat semua"),
        Lang::En => format!("{shown} of {total} open complaints shown · see them all"),
    }
}

/// A complaint's age: `5 jam`, `2 hari 3 jam`.
pub fn age(lang: Lang, days: i64, hours: i64) -> String {
    match (days, lang) {
        (0, Lang::Id) => format!("{hours} jam"),
        (0, Lang::En) => format!("{hours} h"),
        (d, Lang::Id) => format!("{d} hari {hours} jam"),
        (d, Lang::En) => format!("{d} d {hours} h"),
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

/// How a page names a breakdown's group: the metrics' keys for "no source"
/// and "no admin" (`unknown`, `unassigned`, SPEC §5) in words; every other
/// group by its own name.
pub fn group_label(key: &str, lang: Lang) -> String {
    match key {
        "unknown" => crate::lang::pick(lang, "Tanpa sumber", "No source").to_string(),
        "unassigned" => crate::lang::Word::NoAdmin.text(lang).to_string(),
        other => other.to_string(),
    }
}
