//! What a customer and a complaint are once read (SPEC §3): the records the
//! index holds and the cache stores.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// An event time and the line it was written on (for `explain`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ev {
    pub t: Timestamp,
    pub line: u32,
    pub col: u32,
}

// Record times have whole seconds; the index cache stores them as such.
impl Serialize for Ev {
    fn serialize<Se: serde::Serializer>(&self, s: Se) -> Result<Se::Ok, Se::Error> {
        (self.t.as_second(), self.line, self.col).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Ev {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (secs, line, col) = <(i64, u32, u32)>::deserialize(d)?;
        let t = Timestamp::from_second(secs).map_err(serde::de::Error::custom)?;
        Ok(Ev { t, line, col })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Kind {
    Inbound,
    Followup,
    Payment,
    Shipping,
    Aftercare,
    Repeat,
    Survey,
    Note,
}

pub const KIND_NAMES: [&str; 8] = [
    "inbound",
    "followup",
    "payment",
    "shipping",
    "aftercare",
    "repeat",
    "survey",
    "note",
];

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Inbound,
        Kind::Followup,
        Kind::Payment,
        Kind::Shipping,
        Kind::Aftercare,
        Kind::Repeat,
        Kind::Survey,
        Kind::Note,
    ];

    pub fn parse(s: &str) -> Option<Kind> {
        KIND_NAMES
            .iter()
            .position(|k| *k == s)
            .map(|i| Kind::ALL[i])
    }

    pub fn as_str(self) -> &'static str {
        KIND_NAMES[self as usize]
    }

    /// Outbound kinds: the ones that complete tasks (SPEC §3, §5 `followups_done`).
    pub fn is_outbound(self) -> bool {
        !matches!(self, Kind::Inbound | Kind::Note)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub product: String,
    pub qty: i64,
    pub price: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Order {
    /// Line of the list item.
    pub line: u32,
    pub at: Ev,
    pub items: Vec<Item>,
    pub paid: Option<Ev>,
    pub shipped: Option<Ev>,
    pub delivered: Option<Ev>,
    pub cancelled: Option<Ev>,
    /// Where it was ordered (`shopee`, `whatsapp`…).
    pub channel: Option<String>,
    /// The marketplace's order number (`ref:`), unique in the shop by [`ref_key`].
    pub reference: Option<String>,
    /// (line, column) of the `ref` value, for cross-record diagnostics.
    pub reference_at: (u32, u32),
}

impl Order {
    pub fn total(&self) -> i64 {
        self.items.iter().fold(0i64, |acc, i| {
            acc.saturating_add(i.qty.saturating_mul(i.price))
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Interaction {
    pub line: u32,
    pub at: Ev,
    pub kind: Kind,
    pub by: Option<String>,
    pub channel: Option<String>,
    pub note: Option<String>,
    pub replied: Option<Ev>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Feedback {
    pub line: u32,
    pub at: Ev,
    pub rating: Option<i64>,
    pub nps: Option<i64>,
    pub text: Option<String>,
    pub public: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Customer {
    pub id: String,
    /// Path relative to the shop folder.
    pub path: PathBuf,
    pub name: String,
    /// How messages address her (`Bu Hj. Maryam`); see [`crate::lang::format::address`].
    pub call: Option<String>,
    /// E.164, e.g. `+6281234567890`; a fixed line when not [`is_mobile`].
    pub phone: Option<String>,
    /// (line, column) of the phone value.
    pub phone_at: (u32, u32),
    pub email: Option<String>,
    /// Marketplace name (lowercase) → username there.
    pub handles: BTreeMap<String, String>,
    pub city: Option<String>,
    pub source: Option<String>,
    pub admin: Option<String>,
    pub first_contact: Ev,
    pub tags: Vec<String>,
    pub interested: Vec<String>,
    pub note: Option<String>,
    pub orders: Vec<Order>,
    pub interactions: Vec<Interaction>,
    pub feedback: Vec<Feedback>,
    /// FNV-1a of the file's text: tells a report which pages may have changed.
    pub source_hash: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Complaint {
    pub id: String,
    pub path: PathBuf,
    pub customer: String,
    /// (line, column) of the `customer:` value, for cross-record diagnostics.
    pub customer_at: (u32, u32),
    pub opened: Ev,
    pub summary: String,
    pub category: Option<String>,
    pub channel: Option<String>,
    pub admin: Option<String>,
    pub first_response: Option<Ev>,
    pub root_cause: Option<String>,
    pub solution: Option<String>,
    pub resolved: Option<Ev>,
    pub contacts: Option<i64>,
    pub csat: Option<i64>,
    /// FNV-1a of the file's text.
    pub source_hash: u64,
}

fn no_pos(e: &mut Ev) {
    e.line = 0;
    e.col = 0;
}

fn no_pos_opt(e: &mut Option<Ev>) {
    if let Some(e) = e {
        no_pos(e);
    }
}

impl Customer {
    /// The record without file positions, to compare two versions of a file
    /// whose lines moved.
    pub fn positionless(&self) -> Customer {
        let mut c = self.clone();
        c.phone_at = (0, 0);
        c.source_hash = 0;
        no_pos(&mut c.first_contact);
        for o in &mut c.orders {
            o.line = 0;
            o.reference_at = (0, 0);
            no_pos(&mut o.at);
            for e in [
                &mut o.paid,
                &mut o.shipped,
                &mut o.delivered,
                &mut o.cancelled,
            ] {
                no_pos_opt(e);
            }
        }
        for i in &mut c.interactions {
            i.line = 0;
            no_pos(&mut i.at);
            no_pos_opt(&mut i.replied);
        }
        for f in &mut c.feedback {
            f.line = 0;
            no_pos(&mut f.at);
        }
        c
    }
}

impl Complaint {
    pub fn positionless(&self) -> Complaint {
        let mut k = self.clone();
        k.customer_at = (0, 0);
        k.source_hash = 0;
        no_pos(&mut k.opened);
        no_pos_opt(&mut k.first_response);
        no_pos_opt(&mut k.resolved);
        k
    }
}
