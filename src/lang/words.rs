//! Words shared by the command line, the site and the messages: statuses,
//! segments, interaction kinds, rule labels and a few common words. One
//! word per thing; every caller asks here.

use super::pick;
use crate::rules::complaints::ComplaintStatus;
use crate::rules::{Lifecycle, Rule, Status, Value};
use crate::shop::config::{Config, Lang};
use crate::shop::record::Kind;

/// A task's status.
pub fn status(s: Status, lang: Lang) -> &'static str {
    match s {
        Status::Upcoming => pick(lang, "akan datang", "upcoming"),
        Status::Due => pick(lang, "hari ini", "due"),
        Status::Overdue => pick(lang, "terlambat", "overdue"),
        Status::Missed => pick(lang, "terlewat", "missed"),
        Status::Done => pick(lang, "selesai", "done"),
    }
}

/// Where a complaint stands.
pub fn complaint_status(s: ComplaintStatus, lang: Lang) -> &'static str {
    match s {
        ComplaintStatus::Open => pick(lang, "terbuka", "open"),
        // Not yet the task status's "terlambat": unifying them is a visible
        // change, left to its own commit.
        ComplaintStatus::Overdue => pick(lang, "lewat target", "overdue"),
        ComplaintStatus::Resolved => pick(lang, "selesai", "resolved"),
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

/// A value tier.
pub fn value(v: Value, lang: Lang) -> &'static str {
    match v {
        Value::High => pick(lang, "tinggi", "high"),
        Value::Medium => pick(lang, "sedang", "medium"),
        Value::Low => pick(lang, "rendah", "low"),
    }
}

/// What an interaction of this kind is called in a customer's history.
pub fn kind_label(k: Kind, lang: Lang) -> &'static str {
    match k {
        Kind::Inbound => pick(lang, "Pesan masuk", "Message in"),
        Kind::Followup => pick(lang, "Follow-up", "Follow-up"),
        Kind::Payment => pick(lang, "Tagihan pembayaran", "Payment reminder"),
        Kind::Shipping => pick(lang, "Info pengiriman", "Shipping update"),
        Kind::Aftercare => pick(lang, "Sapa setelah barang sampai", "Aftercare check-in"),
        Kind::Repeat => pick(lang, "Tawaran repeat order", "Repeat-order offer"),
        Kind::Survey => pick(lang, "Survei kepuasan", "Satisfaction survey"),
        Kind::Note => pick(lang, "Catatan", "Note"),
    }
}

/// A rule's built-in label (what its task asks an admin to do).
pub fn builtin_rule_label(rule: Rule, lang: Lang) -> &'static str {
    match rule {
        Rule::Lead1 => pick(
            lang,
            "Follow-up pertama calon pembeli",
            "First lead follow-up",
        ),
        Rule::Lead2 => pick(
            lang,
            "Follow-up kedua calon pembeli",
            "Second lead follow-up",
        ),
        Rule::Lead3 => pick(
            lang,
            "Follow-up terakhir calon pembeli",
            "Last lead follow-up",
        ),
        Rule::Payment => pick(lang, "Ingatkan pembayaran", "Payment reminder"),
        Rule::Shipping => pick(lang, "Kabari pengiriman", "Shipping update"),
        Rule::Aftercare => pick(lang, "Sapa setelah barang sampai", "Aftercare check-in"),
        Rule::Repeat => pick(lang, "Tawarkan pesan ulang", "Repeat-order reminder"),
        Rule::ComplaintResponse => pick(lang, "Tanggapi komplain", "Respond to complaint"),
        Rule::ComplaintResolve => pick(lang, "Selesaikan komplain", "Resolve complaint"),
        Rule::ComplaintSurvey => pick(
            lang,
            "Minta penilaian setelah komplain",
            "Post-complaint survey",
        ),
    }
}

/// A rule's label in this shop: `[rules.NAME] label`, else the built-in
/// one in the shop's language.
pub fn rule_label(cfg: &Config, rule: Rule) -> String {
    match cfg.rule(rule.name()).and_then(|o| o.label.as_deref()) {
        Some(label) => label.to_string(),
        None => builtin_rule_label(rule, cfg.language).to_string(),
    }
}

/// Common words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// The group of tasks nobody is assigned to.
    NoAdmin,
    /// Before a complaint's id: `komplain 2026-0001`.
    Complaint,
    /// A customer with an order not paid yet.
    Unpaid,
    /// The last joint of a list: `A, B dan C`.
    And,
    /// After a number of minutes.
    Minutes,
    /// After a number of hours.
    Hours,
    /// After a change of a rate, in percentage points.
    Points,
    /// A figure that did not change.
    Unchanged,
}

impl Word {
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Word::NoAdmin => pick(lang, "Belum ada admin", "No admin"),
            Word::Complaint => pick(lang, "komplain", "complaint"),
            Word::Unpaid => pick(lang, "belum bayar", "unpaid"),
            Word::And => pick(lang, "dan", "and"),
            Word::Minutes => pick(lang, "menit", "min"),
            Word::Hours => pick(lang, "jam", "h"),
            Word::Points => pick(lang, "poin", "pts"),
            Word::Unchanged => pick(lang, "= tetap", "= same"),
        }
    }
}
