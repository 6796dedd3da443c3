//! What each metric is called and what it means, keyed by [`Metric`].

use super::pick;
use crate::metrics::Metric;
use crate::shop::config::Lang;

/// (metric, Indonesian label, English label, what it means in Indonesian, in English).
const METRICS: [(Metric, &str, &str, &str, &str); 27] = [
    (
        Metric::LeadsNew,
        "Calon pembeli baru",
        "New leads",
        "Pelanggan yang pertama kali menghubungi toko pada periode ini.",
        "Customers whose first contact falls in the period.",
    ),
    (
        Metric::LeadsBySource,
        "Sumber calon pembeli",
        "Leads by source",
        "Calon pembeli baru menurut sumbernya.",
        "New leads by where they came from.",
    ),
    (
        Metric::ConversionRate,
        "Konversi",
        "Conversion",
        "Bagian calon pembeli baru yang sudah order.",
        "Share of new leads who have ordered.",
    ),
    (
        Metric::ClosingRateByAdmin,
        "Closing per admin",
        "Closing rate per admin",
        "Konversi calon pembeli baru menurut admin yang menangani.",
        "Conversion of new leads per handling admin.",
    ),
    (
        Metric::Orders,
        "Pesanan",
        "Orders",
        "Pesanan yang masuk pada periode ini (tanpa yang dibatalkan).",
        "Orders placed in the period (cancelled ones excluded).",
    ),
    (
        Metric::Revenue,
        "Omzet",
        "Revenue",
        "Total nilai pesanan tersebut, termasuk yang belum dibayar.",
        "Total value of those orders, unpaid included.",
    ),
    (
        Metric::RepeatOrderRate,
        "Repeat order",
        "Repeat orders",
        "Bagian pesanan yang bukan pesanan pertama pelanggannya.",
        "Share of orders that are not the customer's first.",
    ),
    (
        Metric::TopProducts,
        "Produk terlaris",
        "Top products",
        "Produk dengan unit terbanyak pada periode ini.",
        "Products with the most units in the period.",
    ),
    (
        Metric::ResponseMedianMinutes,
        "Waktu balas (nilai tengah)",
        "Response time (median)",
        "Median waktu admin membalas chat pelanggan, dalam menit jam buka.",
        "Median minutes to answer a customer message, in open hours.",
    ),
    (
        Metric::ResponseWithinTargetRate,
        "Dibalas tepat waktu",
        "Answered within target",
        "Bagian chat yang dibalas dalam target waktu balas.",
        "Share of messages answered within the response target.",
    ),
    (
        Metric::FollowupsDone,
        "Follow-up dikerjakan",
        "Follow-ups done",
        "Pesan keluar (follow-up, tagihan, pengiriman, aftercare, repeat, survei).",
        "Outbound messages (follow-up, payment, shipping, aftercare, repeat, survey).",
    ),
    (
        Metric::FollowupsOverdue,
        "Follow-up terlambat",
        "Follow-ups overdue",
        "Tugas pelanggan yang sudah lewat batas waktunya.",
        "Customer tasks past their late time.",
    ),
    (
        Metric::ComplaintsOpened,
        "Komplain masuk",
        "Complaints opened",
        "Komplain yang dibuka pada periode ini.",
        "Complaints opened in the period.",
    ),
    (
        Metric::ComplaintsResolved,
        "Komplain selesai",
        "Complaints resolved",
        "Komplain yang diselesaikan pada periode ini.",
        "Complaints resolved in the period.",
    ),
    (
        Metric::ComplaintsOpen,
        "Komplain terbuka",
        "Open complaints",
        "Komplain yang belum selesai.",
        "Complaints not yet resolved.",
    ),
    (
        Metric::ComplaintsOverdue,
        "Komplain lewat target",
        "Complaints overdue",
        "Komplain terbuka yang sudah melewati target penyelesaian.",
        "Open complaints past the resolve target.",
    ),
    (
        Metric::Csat,
        "Kepuasan (CSAT)",
        "Satisfaction (CSAT)",
        "Persen penilaian 4 atau 5 dari ulasan dan komplain yang selesai.",
        "Percent of ratings that are 4 or 5.",
    ),
    (
        Metric::Nps,
        "NPS",
        "NPS",
        "Persen promotor (9–10) dikurangi persen detraktor (0–6).",
        "Percent promoters (9–10) minus percent detractors (0–6).",
    ),
    (
        Metric::AhtHours,
        "Lama penanganan komplain",
        "Handling time (AHT)",
        "Rata-rata jam buka dari komplain dibuka sampai selesai.",
        "Mean open hours from complaint opened to resolved.",
    ),
    (
        Metric::FcrRate,
        "Selesai sekali kontak (FCR)",
        "First-contact resolution",
        "Bagian komplain selesai yang cukup satu kali kontak.",
        "Share of resolved complaints that needed one contact.",
    ),
    (
        Metric::ActiveCustomers,
        "Pelanggan aktif",
        "Active customers",
        "Pelanggan yang order dalam periode tidak aktif terakhir.",
        "Customers with an order within the inactivity window.",
    ),
    (
        Metric::RetentionRate,
        "Retensi",
        "Retention",
        "Dari pelanggan yang order pada periode sebelumnya, bagian yang order lagi.",
        "Of the customers who ordered in the window before, the share who ordered again.",
    ),
    (
        Metric::Reply12hRate,
        "Chat dibalas ≤ 12 jam",
        "Chats answered ≤ 12 h",
        "Bagian chat pelanggan yang dibalas dalam 12 jam (jam kalender, seperti skor chat marketplace); chat yang belum dibalas ikut dinilai setelah lewat 12 jam.",
        "Share of customer messages answered within 12 hours (calendar time, like the marketplaces' chat score); an unanswered one is judged once its 12 hours are up.",
    ),
    (
        Metric::Unanswered,
        "Chat belum dibalas",
        "Unanswered chats",
        "Chat pelanggan yang belum dibalas di akhir periode (atau saat ini), dari chat yang masuk selama masa kedaluwarsa tugas (expire_after) terakhir.",
        "Customer messages not answered at the end of the period (or now), among those received within the last expire_after.",
    ),
    (
        Metric::FollowupsMissed,
        "Follow-up terlewat",
        "Follow-ups missed",
        "Tugas pelanggan yang kedaluwarsa pada periode ini tanpa dikerjakan (batas terlambat + expire_after jatuh di periode ini).",
        "Customer tasks that expired undone in the period (late time + expire_after falls in it).",
    ),
    (
        Metric::UnpaidOrders,
        "Pesanan belum dibayar",
        "Unpaid orders",
        "Semua pesanan yang belum dibayar di akhir periode (atau saat ini), dari periode mana pun; pesanan batal tidak dihitung.",
        "Every order unpaid at the end of the period (or now), whatever period it is from; cancelled ones excluded.",
    ),
    (
        Metric::UnpaidAmount,
        "Tagihan belum dibayar",
        "Unpaid amount",
        "Total nilai pesanan yang belum dibayar tersebut.",
        "Total value of those unpaid orders.",
    ),
];

pub fn metric_label(key: Metric, lang: Lang) -> &'static str {
    METRICS
        .iter()
        .find(|m| m.0 == key)
        .map_or("", |m| pick(lang, m.1, m.2))
}

pub fn metric_help(key: Metric, lang: Lang) -> &'static str {
    METRICS
        .iter()
        .find(|m| m.0 == key)
        .map_or("", |m| pick(lang, m.3, m.4))
}
