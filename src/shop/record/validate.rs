//! Raw records → [`Customer`] and [`Complaint`]: every value checked against
//! SPEC §3 and shop.toml, every problem a [`Diagnostic`] at the value.

use super::contact::{is_mobile, normalize_phone_in, valid_email};
use super::model::*;
use super::parse::*;
use crate::error::Diagnostic;
use crate::lang::check::{self as words, Earlier};
use crate::shop::config::Config;
use crate::shop::config::Lang;
use crate::shop::dir::RecordKind;
use crate::shop::hash::fnv1a;
use crate::text::did_you_mean_in;
use crate::time::parse_time_in;
use serde_saphyr::Location;
use std::collections::BTreeMap;
use std::path::Path;

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

/// Collects diagnostics for one file.
pub struct Checker<'a> {
    pub path: &'a Path,
    /// The text being checked, for the source line of each diagnostic.
    pub text: &'a str,
    pub cfg: &'a Config,
    pub diags: Vec<Diagnostic>,
}

fn line_of<T>(s: &S<T>) -> u32 {
    s.referenced.line() as u32
}

impl<'a> Checker<'a> {
    pub fn new(path: &'a Path, text: &'a str, cfg: &'a Config) -> Self {
        Checker {
            path,
            text,
            cfg,
            diags: Vec::new(),
        }
    }

    fn err<T>(&mut self, at: &S<T>, msg: impl Into<String>) {
        let d = Diagnostic::error(self.path, 0, 0, msg);
        self.push_at(d, &at.referenced);
    }

    fn warn<T>(&mut self, at: &S<T>, msg: impl Into<String>) {
        let d = Diagnostic::warning(self.path, 0, 0, msg);
        self.push_at(d, &at.referenced);
    }

    /// `d` placed at the value `at` points to, with its source line.
    fn push_at(&mut self, mut d: Diagnostic, at: &Location) {
        d.line = at.line() as u32;
        d.col = at.column() as u32;
        let source = source_line(self.text, at, at.span().len() as usize);
        self.diags.push(d.with_source(source));
    }

    fn lang(&self) -> Lang {
        self.cfg.language
    }

    fn has_errors(&self) -> bool {
        self.diags.iter().any(Diagnostic::is_error)
    }

    fn time(&mut self, field: &str, s: &S<String>) -> Option<Ev> {
        match parse_time_in(&s.value, &self.cfg.timezone, self.lang()) {
            Ok(t) => Some(Ev {
                t,
                line: line_of(s),
                col: s.referenced.column() as u32,
            }),
            Err(m) => {
                self.err(s, words::in_field(field, &m));
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
        earlier_name: Earlier,
        earlier: Option<Ev>,
    ) {
        if let (Some(l), Some(e), Some(span)) = (later, earlier, later_span) {
            if l.t < e.t {
                let tz = &self.cfg.timezone;
                let msg = words::before(
                    later_name,
                    &crate::time::short(l.t, tz),
                    earlier_name,
                    &crate::time::short(e.t, tz),
                    self.lang(),
                );
                self.err(span, msg);
            }
        }
    }

    fn admin(&mut self, field: &str, a: &Option<S<String>>) -> Option<String> {
        let a = a.as_ref()?;
        if !self.cfg.admins.is_empty() && !self.cfg.admins.contains(&a.value) {
            let lang = self.lang();
            let hint = did_you_mean_in(&a.value, self.cfg.admins.iter().map(String::as_str), lang);
            let msg =
                words::unknown_admin(field, &a.value, &hint, &self.cfg.admins.join(", "), lang);
            self.err(a, msg);
        }
        Some(a.value.clone())
    }

    fn product(&mut self, p: &S<String>) {
        if !self.cfg.products.contains_key(&p.value) {
            let lang = self.lang();
            let hint =
                did_you_mean_in(&p.value, self.cfg.products.keys().map(String::as_str), lang);
            self.err(p, words::unknown_product(&p.value, &hint, lang));
        }
    }

    fn ranged(&mut self, field: &str, v: &Option<S<i64>>, lo: i64, hi: i64) -> Option<i64> {
        let v = v.as_ref()?;
        if v.value < lo || v.value > hi {
            let msg = words::out_of_range(field, lo, hi, v.value, self.lang());
            self.err(v, msg);
        }
        Some(v.value)
    }
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
    let mut raw: RawCustomer = match parse_yaml(path, text, RecordKind::Customer, cfg.language) {
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
    let mut ck = Checker::new(path, text, cfg);
    let name = raw.name.value.trim().to_string();
    if name.is_empty() {
        ck.err(&raw.name, words::blank("name", cfg.language));
    }
    let phone = raw.phone.as_ref().and_then(|p| ck.phone(p));
    let phone_at = raw
        .phone
        .as_ref()
        .map_or((0, 0), |p| (line_of(p), p.referenced.column() as u32));
    if let Some(e) = &raw.email {
        if !valid_email(e.value.trim()) {
            ck.err(e, words::not_an_email(&e.value, cfg.language));
        }
    }
    if let Some(s) = &raw.source {
        ck.source(s);
    }
    let handles = ck.handles(raw.handles.unwrap_or_default());
    let admin = ck.admin("admin", &raw.admin);
    let first_contact = ck.time("first_contact", &raw.first_contact);
    let mut interested = Vec::new();
    for p in raw.interested.unwrap_or_default() {
        ck.product(&p);
        interested.push(p.value);
    }
    // Pushed one by one, not collected from the raw lists: a collect would
    // reuse a raw list's (much larger) allocation for the records the index
    // keeps, doubling a loaded shop's memory.
    let mut orders = Vec::new();
    for o in raw.orders.unwrap_or_default() {
        orders.extend(ck.order(o, first_contact));
    }
    let mut interactions = Vec::new();
    for i in raw.interactions.unwrap_or_default() {
        interactions.extend(ck.interaction(i));
    }
    let mut feedback = Vec::new();
    for f in raw.feedback.unwrap_or_default() {
        feedback.extend(ck.feedback(f));
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

/// The parts of a customer record, each checked where it was written.
impl Checker<'_> {
    /// A phone in E.164; a landline is kept, with a warning (no WhatsApp).
    fn phone(&mut self, p: &S<String>) -> Option<String> {
        match normalize_phone_in(&p.value, self.lang()) {
            Ok(n) => {
                if !is_mobile(&n) {
                    self.warn(p, words::landline(p.value.trim(), self.lang()));
                }
                Some(n)
            }
            Err(m) => {
                self.err(p, m);
                None
            }
        }
    }

    fn source(&mut self, s: &S<String>) {
        let sources = &self.cfg.sources;
        if !sources.is_empty() && !sources.contains(&s.value) {
            let lang = self.lang();
            let hint = did_you_mean_in(&s.value, sources.iter().map(String::as_str), lang);
            let msg = words::unknown_source(&s.value, &hint, &sources.join(", "), lang);
            self.err(s, msg);
        }
    }

    /// Marketplace (lowercase) → username; empty or repeated ones are errors.
    fn handles(&mut self, raw: BTreeMap<String, S<Option<String>>>) -> BTreeMap<String, String> {
        let mut handles = BTreeMap::new();
        for (market, user) in raw {
            let market = market.trim().to_lowercase();
            let Some(name) = user
                .value
                .as_deref()
                .map(str::trim)
                .filter(|u| !u.is_empty())
            else {
                self.err(&user, words::empty_handle(&market, self.lang()));
                continue;
            };
            if handles.insert(market.clone(), name.to_string()).is_some() {
                self.err(&user, words::handle_twice(&market, self.lang()));
            }
        }
        handles
    }

    /// An order; `None` when its time is unreadable (the error is reported).
    fn order(&mut self, o: S<RawOrder>, first_contact: Option<Ev>) -> Option<Order> {
        let line = line_of(&o);
        let o = o.value;
        let at = self.time("at", &o.at);
        if let (Some(at), Some(fc)) = (at, first_contact) {
            if at.t < fc.t {
                let tz = &self.cfg.timezone;
                let msg = words::order_before_first_contact(
                    &crate::time::short(at.t, tz),
                    &crate::time::short(fc.t, tz),
                    self.lang(),
                );
                self.err(&o.at, msg);
            }
        }
        if o.items.value.is_empty() {
            self.err(&o.items, words::no_items(self.lang()));
        }
        let items = o
            .items
            .value
            .iter()
            .map(|it| self.item(&it.value))
            .collect();
        let paid = self.opt_time("paid", &o.paid);
        let shipped = self.opt_time("shipped", &o.shipped);
        let delivered = self.opt_time("delivered", &o.delivered);
        let cancelled = self.opt_time("cancelled", &o.cancelled);
        self.order_check("paid", paid, &o.paid, Earlier::OrderTime, at);
        self.order_check("shipped", shipped, &o.shipped, Earlier::OrderTime, at);
        if shipped.is_some() {
            self.order_check(
                "delivered",
                delivered,
                &o.delivered,
                Earlier::Shipped,
                shipped,
            );
        } else {
            self.order_check("delivered", delivered, &o.delivered, Earlier::OrderTime, at);
        }
        let mut reference = o.reference;
        blank_is_absent(&mut reference);
        let mut channel = o.channel;
        blank_is_absent(&mut channel);
        Some(Order {
            line,
            at: at?,
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
        })
    }

    /// An order item; a bad quantity counts as 1 and a bad price as 0 (the
    /// record is refused anyway, this only keeps checking).
    fn item(&mut self, it: &RawItem) -> Item {
        self.product(&it.product);
        let qty = match &it.qty {
            Some(q) if q.value < 1 => {
                self.err(q, words::at_least_one("qty", q.value, self.lang()));
                1
            }
            Some(q) if q.value > MAX_QTY => {
                self.err(q, words::too_much("qty", q.value, MAX_QTY, self.lang()));
                1
            }
            Some(q) => q.value,
            None => 1,
        };
        let price = match &it.price {
            Some(p) if p.value < 0 => {
                self.err(p, words::negative_price(self.lang()));
                0
            }
            Some(p) if p.value > MAX_PRICE => {
                self.err(p, words::too_much("price", p.value, MAX_PRICE, self.lang()));
                0
            }
            Some(p) => p.value,
            None => self
                .cfg
                .products
                .get(&it.product.value)
                .map_or(0, |p| p.price),
        };
        Item {
            product: it.product.value.clone(),
            qty,
            price,
        }
    }

    fn interaction(&mut self, i: S<RawInteraction>) -> Option<Interaction> {
        let line = line_of(&i);
        let i = i.value;
        let at = self.time("at", &i.at);
        let kind = Kind::parse(&i.kind.value);
        if kind.is_none() {
            let lang = self.lang();
            let hint = did_you_mean_in(&i.kind.value, KIND_NAMES, lang);
            let msg = words::unknown_kind(&i.kind.value, &hint, &KIND_NAMES.join(", "), lang);
            self.err(&i.kind, msg);
        }
        let by = self.admin("by", &i.by);
        let replied = self.opt_time("replied", &i.replied);
        if let (Some(r), Some(k)) = (&i.replied, kind) {
            if k != Kind::Inbound {
                self.err(r, words::replied_not_inbound(self.lang()));
            }
        }
        self.order_check("replied", replied, &i.replied, Earlier::Message, at);
        Some(Interaction {
            line,
            at: at?,
            kind: kind?,
            by,
            channel: i.channel,
            note: i.note,
            replied,
        })
    }

    fn feedback(&mut self, f: S<RawFeedback>) -> Option<Feedback> {
        let line = line_of(&f);
        let f = f.value;
        let at = self.time("at", &f.at);
        let rating = self.ranged("rating", &f.rating, 1, 5);
        let nps = self.ranged("nps", &f.nps, 0, 10);
        Some(Feedback {
            line,
            at: at?,
            rating,
            nps,
            text: f.text,
            public: f.public.unwrap_or(false),
        })
    }
}

pub fn parse_complaint(
    id: &str,
    path: &Path,
    text: &str,
    cfg: &Config,
) -> (Option<Complaint>, Vec<Diagnostic>) {
    let mut raw: RawComplaint = match parse_yaml(path, text, RecordKind::Complaint, cfg.language) {
        Ok(r) => r,
        Err(d) => return (None, vec![d]),
    };
    for field in [&mut raw.admin, &mut raw.first_response, &mut raw.resolved] {
        blank_is_absent(field);
    }
    let mut ck = Checker::new(path, text, cfg);
    if raw.summary.value.trim().is_empty() {
        ck.err(&raw.summary, words::blank("summary", cfg.language));
    }
    let opened = ck.time("opened", &raw.opened);
    let first_response = ck.opt_time("first_response", &raw.first_response);
    let resolved = ck.opt_time("resolved", &raw.resolved);
    ck.order_check(
        "first_response",
        first_response,
        &raw.first_response,
        Earlier::Opened,
        opened,
    );
    ck.order_check("resolved", resolved, &raw.resolved, Earlier::Opened, opened);
    let admin = ck.admin("admin", &raw.admin);
    let contacts = match &raw.contacts {
        Some(c) if c.value < 1 => {
            ck.err(c, words::at_least_one("contacts", c.value, cfg.language));
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

    /// The tests' shop, in English (the wording the assertions quote).
    fn cfg() -> Config {
        let mut c = Config::for_tests("Asia/Jakarta");
        c.language = Lang::En;
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
    fn diagnostics_show_the_line_that_was_parsed() {
        let text = "name: Sé🌸\r\nfirst_contact: 2026-11-02\r\nemail:\t\"si ti@x.com\"\r\n";
        let (_, d) = parse_customer("x", Path::new("x.yaml"), text, &cfg());
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            d[0].rendered().to_string(),
            "x.yaml:3:8: error: `si ti@x.com` is not an email address\n   3 | email:    \"si ti@x.com\"\n     |           ^^^^^^^^^^^^^"
        );
        // After wide characters on the line, through an alias, in a flow mapping.
        let text = "name: A\nfirst_contact: 2026-11-02\ninterested: &p [serum]\nnote: 🌸\ninteractions: [{at: 2026-11-03, kind: 🌸x}]\n";
        let (_, d) = parse_customer("x", Path::new("x.yaml"), text, &cfg());
        let shown = d[0].rendered().to_string();
        assert!(
            shown.ends_with(&format!(
                "\n   5 | interactions: [{{at: 2026-11-03, kind: 🌸x}}]\n     | {}^^^",
                " ".repeat(38)
            )),
            "{shown}"
        );
        // serde's errors show their line too.
        let (_, d) = parse_customer("x", Path::new("x.yaml"), "name: A\nnmae: B\n", &cfg());
        let shown = d[0].rendered().to_string();
        assert!(shown.ends_with("\n   2 | nmae: B\n     | ^^^^"), "{shown}");
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
