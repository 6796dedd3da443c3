//! Customers and complaints (SPEC §3): parsing with spans and validation into
//! [`Diagnostic`]s pointing at the offending value.

use crate::error::Diagnostic;
use crate::shop::config::Config;
use crate::shop::hash::fnv1a;
use crate::text::{did_you_mean, plain_serde_message};
use crate::time::parse_time;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub mod file;

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

type S<T> = Spanned<T>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCustomer {
    name: S<String>,
    call: Option<S<String>>,
    phone: Option<S<String>>,
    handles: Option<BTreeMap<String, S<Option<String>>>>,
    email: Option<S<String>>,
    city: Option<String>,
    source: Option<S<String>>,
    admin: Option<S<String>>,
    first_contact: S<String>,
    tags: Option<Vec<String>>,
    interested: Option<Vec<S<String>>>,
    note: Option<String>,
    orders: Option<Vec<S<RawOrder>>>,
    interactions: Option<Vec<S<RawInteraction>>>,
    feedback: Option<Vec<S<RawFeedback>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrder {
    at: S<String>,
    items: S<Vec<S<RawItem>>>,
    paid: Option<S<String>>,
    shipped: Option<S<String>>,
    delivered: Option<S<String>>,
    cancelled: Option<S<String>>,
    channel: Option<S<String>>,
    #[serde(rename = "ref")]
    reference: Option<S<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    product: S<String>,
    qty: Option<S<i64>>,
    price: Option<S<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInteraction {
    at: S<String>,
    kind: S<String>,
    by: Option<S<String>>,
    channel: Option<String>,
    note: Option<String>,
    replied: Option<S<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFeedback {
    at: S<String>,
    rating: Option<S<i64>>,
    nps: Option<S<i64>>,
    text: Option<String>,
    public: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawComplaint {
    customer: S<String>,
    opened: S<String>,
    summary: S<String>,
    category: Option<String>,
    channel: Option<String>,
    admin: Option<S<String>>,
    first_response: Option<S<String>>,
    root_cause: Option<String>,
    solution: Option<String>,
    resolved: Option<S<String>>,
    contacts: Option<S<i64>>,
    csat: Option<S<i64>>,
}

/// SPEC §3: an optional field left empty is absent, also when written `""`.
fn blank_is_absent(field: &mut Option<S<String>>) {
    if field.as_ref().is_some_and(|v| v.value.trim().is_empty()) {
        *field = None;
    }
}

/// Largest quantity and unit price accepted: far above any real order, and
/// small enough that totals never overflow.
pub const MAX_QTY: i64 = 1_000_000;
pub const MAX_PRICE: i64 = 1_000_000_000_000;

/// Records larger than this are refused: no hand-kept record is that big.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

fn yaml_options() -> serde_saphyr::Options {
    let mut o = serde_saphyr::Options::default();
    o.strict_booleans = true;
    o
}

/// Collects diagnostics for one file.
pub struct Checker<'a> {
    pub path: &'a Path,
    pub cfg: &'a Config,
    pub diags: Vec<Diagnostic>,
}

fn line_of<T>(s: &S<T>) -> u32 {
    s.referenced.line() as u32
}

impl<'a> Checker<'a> {
    pub fn new(path: &'a Path, cfg: &'a Config) -> Self {
        Checker {
            path,
            cfg,
            diags: Vec::new(),
        }
    }

    fn err<T>(&mut self, at: &S<T>, msg: impl Into<String>) {
        self.diags.push(Diagnostic::error(
            self.path,
            at.referenced.line() as u32,
            at.referenced.column() as u32,
            msg,
        ));
    }

    fn warn<T>(&mut self, at: &S<T>, msg: impl Into<String>) {
        self.diags.push(Diagnostic::warning(
            self.path,
            at.referenced.line() as u32,
            at.referenced.column() as u32,
            msg,
        ));
    }

    fn has_errors(&self) -> bool {
        self.diags.iter().any(Diagnostic::is_error)
    }

    fn time(&mut self, field: &str, s: &S<String>) -> Option<Ev> {
        match parse_time(&s.value, &self.cfg.timezone) {
            Ok(t) => Some(Ev {
                t,
                line: line_of(s),
                col: s.referenced.column() as u32,
            }),
            Err(m) => {
                self.err(s, format!("`{field}`: {m}"));
                None
            }
        }
    }

    fn opt_time(&mut self, field: &str, s: &Option<S<String>>) -> Option<Ev> {
        s.as_ref().and_then(|s| self.time(field, s))
    }

    /// `later` must not be before `earlier`.
    fn order_check(
        &mut self,
        later_name: &str,
        later: Option<Ev>,
        later_span: &Option<S<String>>,
        earlier_name: &str,
        earlier: Option<Ev>,
    ) {
        if let (Some(l), Some(e), Some(span)) = (later, earlier, later_span) {
            if l.t < e.t {
                let tz = &self.cfg.timezone;
                self.err(
                    span,
                    format!(
                        "`{later_name}` ({}) is before {earlier_name} ({})",
                        crate::time::short(l.t, tz),
                        crate::time::short(e.t, tz)
                    ),
                );
            }
        }
    }

    fn admin(&mut self, field: &str, a: &Option<S<String>>) -> Option<String> {
        let a = a.as_ref()?;
        if !self.cfg.admins.is_empty() && !self.cfg.admins.contains(&a.value) {
            let hint = did_you_mean(&a.value, self.cfg.admins.iter().map(String::as_str));
            self.err(
                a,
                format!(
                    "`{field}`: unknown admin `{}`{hint}; admins in shop.toml: {}",
                    a.value,
                    self.cfg.admins.join(", ")
                ),
            );
        }
        Some(a.value.clone())
    }

    fn product(&mut self, p: &S<String>) {
        if !self.cfg.products.contains_key(&p.value) {
            let hint = did_you_mean(&p.value, self.cfg.products.keys().map(String::as_str));
            self.err(
                p,
                format!(
                    "unknown product `{}`{hint}; products are listed in shop.toml",
                    p.value
                ),
            );
        }
    }

    fn ranged(&mut self, field: &str, v: &Option<S<i64>>, lo: i64, hi: i64) -> Option<i64> {
        let v = v.as_ref()?;
        if v.value < lo || v.value > hi {
            self.err(
                v,
                format!("`{field}` must be from {lo} to {hi}, not {}", v.value),
            );
        }
        Some(v.value)
    }
}

/// The first problem serde met, as a diagnostic at its place, in plain words.
fn yaml_error(path: &Path, text: &str, e: &serde_saphyr::Error) -> Diagnostic {
    let (mut line, mut col) = e
        .location()
        .map_or((0, 0), |l| (l.line() as u32, l.column() as u32));
    let rendered = e
        .without_snippet()
        .render_with_options(serde_saphyr::render_options! {
            snippets: serde_saphyr::SnippetMode::Off,
        });
    let first = rendered.lines().next().unwrap_or("").trim();
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let mut msg = strip_position(first).to_string();
    // "(defined at line 3, column 10) (used at line 4, column 14)": aliases.
    let mut alias_from = None;
    if let Some(i) = msg.find(" (defined at line ") {
        let tail = &msg[i + " (defined at line ".len()..];
        alias_from = tail.split(',').next().map(str::to_string);
        msg.truncate(i);
    }
    let key_on_line = |n: u32| -> String {
        text.lines()
            .nth(n.saturating_sub(1) as usize)
            .and_then(|l| l.trim_start().trim_start_matches("- ").split_once(':'))
            .map(|(k, _)| k.trim().to_string())
            .unwrap_or_default()
    };
    let plain = if msg.starts_with("cannot deserialize null") {
        let key = key_on_line(line);
        if key.is_empty() {
            "a value is required here".to_string()
        } else {
            format!("`{key}` is empty; write a value after `{key}:`")
        }
    } else if let Some(rest) = msg.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        format!("duplicate key `{key}`: it appears twice in the same block; keep only one")
    } else if msg.starts_with("multiple YAML documents") {
        "a record file holds one YAML document; remove the `---` line and what follows it (or split it into two files)".to_string()
    } else if msg.starts_with("budget breached") {
        "this file is too large, too deeply nested or expands aliases too much to be read safely"
            .to_string()
    } else if msg.starts_with("expected sequence start") {
        "expected a list here (items on their own lines starting with `- `, or `[a, b]`)"
            .to_string()
    } else if msg.starts_with("expected mapping start") {
        if key_on_line(line) == "handles" {
            "`handles` pairs a marketplace with a username, like `handles: {shopee: sitirahma88}`"
                .to_string()
        } else {
            "expected `field: value` lines here".to_string()
        }
    } else if msg.starts_with("expected string scalar") {
        "expected text here, not a list or a block".to_string()
    } else if msg.starts_with("missing field") {
        // serde points at the last key of the mapping; the mapping's first key is more useful.
        if line > 0 && col > 0 {
            line = mapping_start(text, line, col);
        }
        plain_serde_message(&msg)
    } else {
        plain_serde_message(&msg)
    };
    let mut plain = if plain.is_empty() {
        "this file is not valid YAML".to_string()
    } else {
        plain
    };
    if let Some(from) = alias_from {
        plain.push_str(&format!(
            " (the value comes from line {from} through an alias)"
        ));
    }
    if line == 0 {
        col = 0;
    }
    Diagnostic::error(path, line, col, plain)
}

/// `message at line 3, column 7` → `message`.
fn strip_position(msg: &str) -> &str {
    if let Some(i) = msg.rfind(" at line ") {
        let tail = &msg[i + " at line ".len()..];
        if tail
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == ' ' || c.is_ascii_alphabetic())
            && tail.contains("column")
        {
            return &msg[..i];
        }
    }
    msg
}

/// The first line of the block mapping whose key at (`line`, `col`) serde
/// reported: walk up over keys at the same indentation.
fn mapping_start(text: &str, line: u32, col: u32) -> u32 {
    let lines: Vec<&str> = text.lines().collect();
    let indent = col.saturating_sub(1) as usize;
    let mut start = line;
    let mut n = line as usize;
    while n > 1 {
        n -= 1;
        let l = lines.get(n - 1).copied().unwrap_or("");
        let trimmed = l.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let lead = l.len() - trimmed.len();
        if lead > indent {
            // Nested content of a key above.
            continue;
        }
        if lead == indent {
            start = n as u32;
            continue;
        }
        // `- key:` opening the list item whose keys sit at `indent`.
        if trimmed.starts_with("- ") && lead + 2 == indent {
            start = n as u32;
        }
        break;
    }
    start
}

/// Decodes file bytes: UTF-8 with an optional BOM; anything else is refused.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String, Diagnostic> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            path,
            0,
            0,
            format!(
                "file is too large ({} MiB); a record must stay under {} MiB",
                bytes.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) if s.contains('\0') => Err(Diagnostic::error(
            path,
            0,
            0,
            "file contains binary data, not text",
        )),
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let (line, col) = crate::text::line_col(
                &String::from_utf8_lossy(&bytes[..e.valid_up_to()]),
                e.valid_up_to(),
            );
            Err(Diagnostic::error(
                path,
                line,
                col,
                "file is not UTF-8 text (save it as UTF-8 in your editor)",
            ))
        }
    }
}

fn parse_yaml<T: for<'de> Deserialize<'de>>(path: &Path, text: &str) -> Result<T, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::error(path, 0, 0, "file is empty"));
    }
    serde_saphyr::from_str_with_options(text, yaml_options())
        .map_err(|e| yaml_error(path, text, &e))
}

/// Validates an email loosely: one `@`, something before it, a dotted domain.
pub fn valid_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

/// Indonesian phone numbers to E.164: `0812-3456-7890`, `62812…`, `+62 812 …`;
/// fixed lines too (`(031) 5678 123` → `+62315678123`), see [`is_mobile`].
pub fn normalize_phone(raw: &str) -> Result<String, String> {
    let trimmed = raw.trim();
    let mut digits = String::new();
    for (i, c) in trimmed.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => {}
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => {
                return Err(format!(
                    "`{trimmed}` is not a phone number (only digits, spaces, dashes and dots)"
                ))
            }
        }
    }
    let national = if let Some(rest) = digits.strip_prefix("62") {
        rest.to_string()
    } else if let Some(rest) = digits.strip_prefix('0') {
        rest.to_string()
    } else if digits.starts_with('8') && !trimmed.starts_with('+') {
        digits.clone()
    } else {
        return Err(format!(
            "`{trimmed}` is not an Indonesian number; write it like `0812-3456-7890` or `+62 812 3456 7890`"
        ));
    };
    let national = national.trim_start_matches('0');
    if !(8..=12).contains(&national.len()) {
        return Err(format!(
            "`{trimmed}` has {} digits after the country code; an Indonesian number has 8 to 12",
            national.len()
        ));
    }
    Ok(format!("+62{national}"))
}

/// Is a normalised number an Indonesian mobile (`+628…`)? Only mobiles have
/// WhatsApp: after the country code a fixed line starts with its area code
/// (`+6221…` Jakarta, `+6231…` Surabaya).
pub fn is_mobile(e164: &str) -> bool {
    e164.starts_with("+628")
}

/// How two order `ref`s are compared: a person may type `Shopee:2411…` for
/// the `shopee:2411…` an import wrote.
pub fn ref_key(reference: &str) -> String {
    reference.trim().to_lowercase()
}

pub fn parse_customer(
    id: &str,
    path: &Path,
    text: &str,
    cfg: &Config,
) -> (Option<Customer>, Vec<Diagnostic>) {
    let mut raw: RawCustomer = match parse_yaml(path, text) {
        Ok(r) => r,
        Err(d) => return (None, vec![d]),
    };
    for field in [
        &mut raw.call,
        &mut raw.phone,
        &mut raw.email,
        &mut raw.source,
        &mut raw.admin,
    ] {
        blank_is_absent(field);
    }
    let mut ck = Checker::new(path, cfg);
    let name = raw.name.value.trim().to_string();
    if name.is_empty() {
        ck.err(&raw.name, "`name` is empty");
    }
    let phone = raw
        .phone
        .as_ref()
        .and_then(|p| match normalize_phone(&p.value) {
            Ok(n) => {
                if !is_mobile(&n) {
                    ck.warn(
                        p,
                        format!(
                            "`{}` is a landline, not a mobile number: it has no WhatsApp, so this customer's messages get no WhatsApp link; if there is a mobile number (08…), write it here instead (the landline can go in `note`)",
                            p.value.trim()
                        ),
                    );
                }
                Some(n)
            }
            Err(m) => {
                ck.err(p, m);
                None
            }
        });
    let phone_at = raw
        .phone
        .as_ref()
        .map_or((0, 0), |p| (line_of(p), p.referenced.column() as u32));
    if let Some(e) = &raw.email {
        if !valid_email(e.value.trim()) {
            ck.err(e, format!("`{}` is not an email address", e.value));
        }
    }
    if let Some(s) = &raw.source {
        if !cfg.sources.is_empty() && !cfg.sources.contains(&s.value) {
            let hint = did_you_mean(&s.value, cfg.sources.iter().map(String::as_str));
            ck.err(
                s,
                format!(
                    "unknown source `{}`{hint}; sources in shop.toml: {}",
                    s.value,
                    cfg.sources.join(", ")
                ),
            );
        }
    }
    let mut handles = BTreeMap::new();
    for (market, user) in raw.handles.unwrap_or_default() {
        let market = market.trim().to_lowercase();
        let Some(name) = user
            .value
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
        else {
            ck.err(
                &user,
                format!("handle `{market}` is empty; write the username there, or remove the line"),
            );
            continue;
        };
        if handles.insert(market.clone(), name.to_string()).is_some() {
            ck.err(
                &user,
                format!("`handles` names `{market}` twice; keep only one"),
            );
        }
    }
    let admin = ck.admin("admin", &raw.admin);
    let first_contact = ck.time("first_contact", &raw.first_contact);
    let mut interested = Vec::new();
    for p in raw.interested.unwrap_or_default() {
        ck.product(&p);
        interested.push(p.value);
    }

    let mut orders = Vec::new();
    for o in raw.orders.unwrap_or_default() {
        let line = line_of(&o);
        let o = o.value;
        let at = ck.time("at", &o.at);
        if let (Some(at), Some(fc)) = (at, first_contact) {
            if at.t < fc.t {
                let tz = &cfg.timezone;
                ck.err(
                    &o.at,
                    format!(
                        "order at {} is before the customer's first_contact ({})",
                        crate::time::short(at.t, tz),
                        crate::time::short(fc.t, tz)
                    ),
                );
            }
        }
        if o.items.value.is_empty() {
            ck.err(&o.items, "an order needs at least one item");
        }
        let mut items = Vec::new();
        for it in &o.items.value {
            let it = &it.value;
            ck.product(&it.product);
            let qty = match &it.qty {
                Some(q) if q.value < 1 => {
                    ck.err(q, format!("`qty` must be at least 1, not {}", q.value));
                    1
                }
                Some(q) if q.value > MAX_QTY => {
                    ck.err(
                        q,
                        format!("`qty` {} is too large (at most {MAX_QTY})", q.value),
                    );
                    1
                }
                Some(q) => q.value,
                None => 1,
            };
            let price = match &it.price {
                Some(p) if p.value < 0 => {
                    ck.err(p, "a price cannot be negative");
                    0
                }
                Some(p) if p.value > MAX_PRICE => {
                    ck.err(
                        p,
                        format!("price {} is too large (at most {MAX_PRICE})", p.value),
                    );
                    0
                }
                Some(p) => p.value,
                None => cfg.products.get(&it.product.value).map_or(0, |p| p.price),
            };
            items.push(Item {
                product: it.product.value.clone(),
                qty,
                price,
            });
        }
        let paid = ck.opt_time("paid", &o.paid);
        let shipped = ck.opt_time("shipped", &o.shipped);
        let delivered = ck.opt_time("delivered", &o.delivered);
        let cancelled = ck.opt_time("cancelled", &o.cancelled);
        ck.order_check("paid", paid, &o.paid, "the order time", at);
        ck.order_check("shipped", shipped, &o.shipped, "the order time", at);
        if shipped.is_some() {
            ck.order_check("delivered", delivered, &o.delivered, "`shipped`", shipped);
        } else {
            ck.order_check("delivered", delivered, &o.delivered, "the order time", at);
        }
        let mut reference = o.reference;
        blank_is_absent(&mut reference);
        let mut channel = o.channel;
        blank_is_absent(&mut channel);
        if let Some(at) = at {
            orders.push(Order {
                line,
                at,
                items,
                paid,
                shipped,
                delivered,
                cancelled,
                channel: channel.map(|c| c.value.trim().to_string()),
                reference_at: reference
                    .as_ref()
                    .map_or((0, 0), |r| (line_of(r), r.referenced.column() as u32)),
                reference: reference.map(|r| r.value.trim().to_string()),
            });
        }
    }

    let mut interactions = Vec::new();
    for i in raw.interactions.unwrap_or_default() {
        let line = line_of(&i);
        let i = i.value;
        let at = ck.time("at", &i.at);
        let kind = Kind::parse(&i.kind.value);
        if kind.is_none() {
            let hint = did_you_mean(&i.kind.value, KIND_NAMES);
            ck.err(
                &i.kind,
                format!(
                    "unknown interaction kind `{}`{hint}; use one of: {}",
                    i.kind.value,
                    KIND_NAMES.join(", ")
                ),
            );
        }
        let by = ck.admin("by", &i.by);
        let replied = ck.opt_time("replied", &i.replied);
        if let (Some(r), Some(k)) = (&i.replied, kind) {
            if k != Kind::Inbound {
                ck.err(r, "`replied` belongs only to `inbound` interactions");
            }
        }
        ck.order_check("replied", replied, &i.replied, "the message (`at`)", at);
        if let (Some(at), Some(kind)) = (at, kind) {
            interactions.push(Interaction {
                line,
                at,
                kind,
                by,
                channel: i.channel,
                note: i.note,
                replied,
            });
        }
    }

    let mut feedback = Vec::new();
    for f in raw.feedback.unwrap_or_default() {
        let line = line_of(&f);
        let f = f.value;
        let at = ck.time("at", &f.at);
        let rating = ck.ranged("rating", &f.rating, 1, 5);
        let nps = ck.ranged("nps", &f.nps, 0, 10);
        if let Some(at) = at {
            feedback.push(Feedback {
                line,
                at,
                rating,
                nps,
                text: f.text,
                public: f.public.unwrap_or(false),
            });
        }
    }

    if ck.has_errors() {
        return (None, ck.diags);
    }
    let Some(first_contact) = first_contact else {
        return (None, ck.diags);
    };
    let customer = Customer {
        id: id.to_string(),
        path: path.to_path_buf(),
        name,
        call: raw.call.map(|c| c.value.trim().to_string()),
        phone,
        phone_at,
        email: raw.email.map(|e| e.value.trim().to_string()),
        handles,
        city: raw.city,
        source: raw.source.map(|s| s.value),
        admin,
        first_contact,
        tags: raw.tags.unwrap_or_default(),
        interested,
        note: raw.note,
        orders,
        interactions,
        feedback,
        source_hash: fnv1a(text.as_bytes()),
    };
    (Some(customer), ck.diags)
}

pub fn parse_complaint(
    id: &str,
    path: &Path,
    text: &str,
    cfg: &Config,
) -> (Option<Complaint>, Vec<Diagnostic>) {
    let mut raw: RawComplaint = match parse_yaml(path, text) {
        Ok(r) => r,
        Err(d) => return (None, vec![d]),
    };
    for field in [&mut raw.admin, &mut raw.first_response, &mut raw.resolved] {
        blank_is_absent(field);
    }
    let mut ck = Checker::new(path, cfg);
    if raw.summary.value.trim().is_empty() {
        ck.err(&raw.summary, "`summary` is empty");
    }
    let opened = ck.time("opened", &raw.opened);
    let first_response = ck.opt_time("first_response", &raw.first_response);
    let resolved = ck.opt_time("resolved", &raw.resolved);
    ck.order_check(
        "first_response",
        first_response,
        &raw.first_response,
        "`opened`",
        opened,
    );
    ck.order_check("resolved", resolved, &raw.resolved, "`opened`", opened);
    let admin = ck.admin("admin", &raw.admin);
    let contacts = match &raw.contacts {
        Some(c) if c.value < 1 => {
            ck.err(c, format!("`contacts` must be at least 1, not {}", c.value));
            None
        }
        c => c.as_ref().map(|c| c.value),
    };
    let csat = ck.ranged("csat", &raw.csat, 1, 5);
    if ck.has_errors() {
        return (None, ck.diags);
    }
    let Some(opened) = opened else {
        return (None, ck.diags);
    };
    let c = Complaint {
        id: id.to_string(),
        path: path.to_path_buf(),
        customer: raw.customer.value.clone(),
        customer_at: (
            line_of(&raw.customer),
            raw.customer.referenced.column() as u32,
        ),
        opened,
        summary: raw.summary.value.trim().to_string(),
        category: raw.category,
        channel: raw.channel,
        admin,
        first_response,
        root_cause: raw.root_cause,
        solution: raw.solution,
        resolved,
        contacts,
        csat,
        source_hash: fnv1a(text.as_bytes()),
    };
    (Some(c), ck.diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones() {
        for raw in [
            "0812-3456-7890",
            "081234567890",
            "6281234567890",
            "+62 812 3456 7890",
            "+62-812-3456-7890",
            "0812.3456.7890",
            "(0812) 3456 7890",
        ] {
            assert_eq!(
                normalize_phone(raw).as_deref(),
                Ok("+6281234567890"),
                "{raw}"
            );
        }
        for raw in ["0812-3456-7890", "+62 812 3456 7890", "6281234567890"] {
            assert!(normalize_phone(raw).is_ok_and(|p| is_mobile(&p)), "{raw}");
        }
        // Fixed lines: valid, normalised alike, but not mobiles (no WhatsApp).
        for (raw, e164) in [
            ("(031) 5678 123", "+62315678123"),
            ("021-5551234", "+62215551234"),
            ("+62 21 555 1234", "+62215551234"),
            ("62-274-512345", "+62274512345"),
            ("+62 (0)21 555 1234", "+62215551234"),
        ] {
            assert_eq!(normalize_phone(raw).as_deref(), Ok(e164), "{raw}");
            assert!(!is_mobile(e164), "{raw}");
        }
        assert!(normalize_phone("12345").is_err());
        assert!(normalize_phone("0812-34").is_err());
        assert!(normalize_phone("+1 415 555 0100").is_err());
        assert!(normalize_phone("0812 abc").is_err());
    }

    #[test]
    fn emails() {
        assert!(valid_email("siti.rahma@example.com"));
        assert!(!valid_email("siti"));
        assert!(!valid_email("siti@example"));
        assert!(!valid_email("si ti@example.com"));
        assert!(!valid_email("@example.com"));
    }

    fn cfg() -> Config {
        let mut c = Config::for_tests("Asia/Jakarta");
        c.products.insert(
            "serum".into(),
            crate::shop::config::Product {
                name: "Serum".into(),
                category: "skincare".into(),
                price: 85000,
                guide: None,
                sku: Vec::new(),
            },
        );
        c
    }

    #[test]
    fn new_optional_fields() {
        let text = "\
name: Bu Hj. Maryam
call: Bu Hj. Maryam
phone: (031) 5678 123
handles: {Shopee: maryam88, tiktok: 12345}
first_contact: 2026-11-02
orders:
  - at: 2026-11-03
    items: [{product: serum}]
    channel: shopee
    ref: shopee:2411203KQ7XBNA
  - at: 2026-11-04
    items: [{product: serum}]
    channel: \"\"
    ref: ~
";
        let (c, d) = parse_customer("x", Path::new("x.yaml"), text, &cfg());
        let c = c.expect("customer");
        assert_eq!(c.call.as_deref(), Some("Bu Hj. Maryam"));
        assert_eq!(c.phone.as_deref(), Some("+62315678123"));
        assert_eq!(
            c.handles.iter().collect::<Vec<_>>(),
            [
                (&"shopee".to_string(), &"maryam88".to_string()),
                (&"tiktok".to_string(), &"12345".to_string())
            ]
        );
        assert_eq!(c.orders[0].channel.as_deref(), Some("shopee"));
        assert_eq!(
            c.orders[0].reference.as_deref(),
            Some("shopee:2411203KQ7XBNA")
        );
        assert_eq!(c.orders[0].reference_at, (10, 10));
        assert_eq!(
            (
                c.orders[1].channel.as_deref(),
                c.orders[1].reference.as_deref()
            ),
            (None, None)
        );
        // The landline is a warning at the phone value, nothing else.
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(
            !d[0].is_error() && d[0].message.contains("landline"),
            "{d:?}"
        );
        assert_eq!((d[0].line, d[0].col), (3, 8));
        assert_eq!(
            ref_key(" Shopee:2411203KQ7XBNA"),
            ref_key("shopee:2411203kq7xbna")
        );

        let (c, d) = parse_customer(
            "x",
            Path::new("x.yaml"),
            "name: A\ncall:\nhandles:\nfirst_contact: 2026-11-02\n",
            &cfg(),
        );
        assert!(d.is_empty(), "{d:?}");
        let c = c.expect("customer");
        assert_eq!((c.call, c.handles.len()), (None, 0));

        let (c, d) = parse_customer(
            "x",
            Path::new("x.yaml"),
            "name: A\nhandles:\n  shopee: \"\"\nfirst_contact: 2026-11-02\n",
            &cfg(),
        );
        assert!(c.is_none());
        assert_eq!((d[0].line, d[0].col), (3, 11), "{d:?}");
    }

    #[test]
    fn tricky_values_parse() {
        let text = "\u{1F600}name: Yes\nphone: 081234567890\ncity: No\nnote: 08:30\nfirst_contact: 2026-11-02\nemail:\ntags: ~\n";
        let text = text.replacen('\u{1F600}', "", 1);
        let (c, d) = parse_customer("x", Path::new("x.yaml"), &text, &cfg());
        assert!(d.is_empty(), "{d:?}");
        let c = c.expect("customer");
        assert_eq!(c.name, "Yes");
        assert_eq!(c.city.as_deref(), Some("No"));
        assert_eq!(c.note.as_deref(), Some("08:30"));
        assert_eq!(c.phone.as_deref(), Some("+6281234567890"));
        assert_eq!(c.email, None);
    }

    #[test]
    fn errors_at_values() {
        let text = "name: A\nfirst_contact: 2026-11-02\norders:\n  - at: 2026-11-03\n    items:\n      - product: serun\n        qty: 0\n";
        let (c, d) = parse_customer("x", Path::new("x.yaml"), text, &cfg());
        assert!(c.is_none());
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!((d[0].line, d[0].col), (6, 18));
        assert!(d[0].message.contains("did you mean `serum`"));
        assert_eq!((d[1].line, d[1].col), (7, 14));
    }
}
