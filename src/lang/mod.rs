//! Labels shown to people, in Bahasa Indonesia (default) or English.

pub mod format;
pub mod site;

use crate::rules::{Lifecycle, Status, Value};
use crate::shop::config::Lang;

pub fn pick(lang: Lang, id: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

pub fn status(s: Status, lang: Lang) -> &'static str {
    match s {
        Status::Upcoming => pick(lang, "akan datang", "upcoming"),
        Status::Due => pick(lang, "hari ini", "due"),
        Status::Overdue => pick(lang, "terlambat", "overdue"),
        Status::Missed => pick(lang, "terlewat", "missed"),
        Status::Done => pick(lang, "selesai", "done"),
    }
}

pub fn lifecycle(l: Lifecycle, lang: Lang) -> &'static str {
    match l {
        Lifecycle::Lead => pick(lang, "calon pembeli", "lead"),
        Lifecycle::New => pick(lang, "pembeli baru", "new"),
        Lifecycle::Repeat => pick(lang, "pelanggan setia", "repeat"),
        Lifecycle::Inactive => pick(lang, "tidak aktif", "inactive"),
    }
}

pub fn value(v: Value, lang: Lang) -> &'static str {
    match v {
        Value::High => pick(lang, "tinggi", "high"),
        Value::Medium => pick(lang, "sedang", "medium"),
        Value::Low => pick(lang, "rendah", "low"),
    }
}

/// (key, Indonesian label, English label, what it means in Indonesian, in English).
pub const METRICS: [(&str, &str, &str, &str, &str); 27] = [
    (
        "leads_new",
        "Calon pembeli baru",
        "New leads",
        "Pelanggan yang pertama kali menghubungi toko pada periode ini.",
        "Customers whose first contact falls in the period.",
    ),
    (
        "leads_by_source",
        "Sumber calon pembeli",
        "Leads by source",
        "Calon pembeli baru menurut sumbernya.",
        "New leads by where they came from.",
    ),
    (
        "conversion_rate",
        "Konversi",
        "Conversion",
        "Bagian calon pembeli baru yang sudah order.",
        "Share of new leads who have ordered.",
    ),
    (
        "closing_rate_by_admin",
        "Closing per admin",
        "Closing rate per admin",
        "Konversi calon pembeli baru menurut admin yang menangani.",
        "Conversion of new leads per handling admin.",
    ),
    (
        "orders",
        "Pesanan",
        "Orders",
        "Pesanan yang masuk pada periode ini (tanpa yang dibatalkan).",
        "Orders placed in the period (cancelled ones excluded).",
    ),
    (
        "revenue",
        "Omzet",
        "Revenue",
        "Total nilai pesanan tersebut, termasuk yang belum dibayar.",
        "Total value of those orders, unpaid included.",
    ),
    (
        "repeat_order_rate",
        "Repeat order",
        "Repeat orders",
        "Bagian pesanan yang bukan pesanan pertama pelanggannya.",
        "Share of orders that are not the customer's first.",
    ),
    (
        "top_products",
        "Produk terlaris",
        "Top products",
        "Produk dengan unit terbanyak pada periode ini.",
        "Products with the most units in the period.",
    ),
    (
        "response_median_minutes",
        "Waktu balas (median)",
        "Response time (median)",
        "Median waktu admin membalas chat pelanggan, dalam menit jam buka.",
        "Median minutes to answer a customer message, in open hours.",
    ),
    (
        "response_within_target_rate",
        "Dibalas tepat waktu",
        "Answered within target",
        "Bagian chat yang dibalas dalam target waktu balas.",
        "Share of messages answered within the response target.",
    ),
    (
        "followups_done",
        "Follow-up dikerjakan",
        "Follow-ups done",
        "Pesan keluar (follow-up, tagihan, pengiriman, aftercare, repeat, survei).",
        "Outbound messages (follow-up, payment, shipping, aftercare, repeat, survey).",
    ),
    (
        "followups_overdue",
        "Follow-up terlambat",
        "Follow-ups overdue",
        "Tugas pelanggan yang sudah lewat batas waktunya.",
        "Customer tasks past their late time.",
    ),
    (
        "complaints_opened",
        "Komplain masuk",
        "Complaints opened",
        "Komplain yang dibuka pada periode ini.",
        "Complaints opened in the period.",
    ),
    (
        "complaints_resolved",
        "Komplain selesai",
        "Complaints resolved",
        "Komplain yang diselesaikan pada periode ini.",
        "Complaints resolved in the period.",
    ),
    (
        "complaints_open",
        "Komplain terbuka",
        "Open complaints",
        "Komplain yang belum selesai.",
        "Complaints not yet resolved.",
    ),
    (
        "complaints_overdue",
        "Komplain lewat target",
        "Complaints overdue",
        "Komplain terbuka yang sudah melewati target penyelesaian.",
        "Open complaints past the resolve target.",
    ),
    (
        "csat",
        "Kepuasan (CSAT)",
        "Satisfaction (CSAT)",
        "Persen penilaian 4 atau 5 dari ulasan dan komplain yang selesai.",
        "Percent of ratings that are 4 or 5.",
    ),
    (
        "nps",
        "NPS",
        "NPS",
        "Persen promotor (9–10) dikurangi persen detraktor (0–6).",
        "Percent promoters (9–10) minus percent detractors (0–6).",
    ),
    (
        "aht_hours",
        "Lama penanganan (AHT)",
        "Handling time (AHT)",
        "Rata-rata jam buka dari komplain dibuka sampai selesai.",
        "Mean open hours from complaint opened to resolved.",
    ),
    (
        "fcr_rate",
        "Selesai sekali kontak (FCR)",
        "First-contact resolution",
        "Bagian komplain selesai yang cukup satu kali kontak.",
        "Share of resolved complaints that needed one contact.",
    ),
    (
        "active_customers",
        "Pelanggan aktif",
        "Active customers",
        "Pelanggan yang order dalam periode tidak aktif terakhir.",
        "Customers with an order within the inactivity window.",
    ),
    (
        "retention_rate",
        "Retensi",
        "Retention",
        "Dari pelanggan yang order pada periode sebelumnya, bagian yang order lagi.",
        "Of the customers who ordered in the window before, the share who ordered again.",
    ),
    (
        "reply_12h_rate",
        "Chat dibalas ≤ 12 jam",
        "Chats answered ≤ 12 h",
        "Bagian chat pelanggan yang dibalas dalam 12 jam (jam kalender, seperti skor chat marketplace); chat yang belum dibalas ikut dinilai setelah lewat 12 jam.",
        "Share of customer messages answered within 12 hours (calendar time, like the marketplaces' chat score); an unanswered one is judged once its 12 hours are up.",
    ),
    (
        "unanswered",
        "Chat belum dibalas",
        "Unanswered chats",
        "Chat pelanggan yang belum dibalas di akhir periode (atau saat ini), dari chat yang masuk selama masa kedaluwarsa tugas (expire_after) terakhir.",
        "Customer messages not answered at the end of the period (or now), among those received within the last expire_after.",
    ),
    (
        "followups_missed",
        "Follow-up terlewat",
        "Follow-ups missed",
        "Tugas pelanggan yang kedaluwarsa pada periode ini tanpa dikerjakan (batas terlambat + expire_after jatuh di periode ini).",
        "Customer tasks that expired undone in the period (late time + expire_after falls in it).",
    ),
    (
        "unpaid_orders",
        "Pesanan belum dibayar",
        "Unpaid orders",
        "Semua pesanan yang belum dibayar di akhir periode (atau saat ini), dari periode mana pun; pesanan batal tidak dihitung.",
        "Every order unpaid at the end of the period (or now), whatever period it is from; cancelled ones excluded.",
    ),
    (
        "unpaid_amount",
        "Tagihan belum dibayar",
        "Unpaid amount",
        "Total nilai pesanan yang belum dibayar tersebut.",
        "Total value of those unpaid orders.",
    ),
];

pub fn metric_label(key: &str, lang: Lang) -> &'static str {
    METRICS
        .iter()
        .find(|m| m.0 == key)
        .map_or("", |m| pick(lang, m.1, m.2))
}

pub fn metric_help(key: &str, lang: Lang) -> &'static str {
    METRICS
        .iter()
        .find(|m| m.0 == key)
        .map_or("", |m| pick(lang, m.3, m.4))
}
