//! `shop.toml` → [`Config`] (SPEC §2): defaults, durations, business hours
//! (`hours`), the catalogue (`catalogue`) and rule overrides. Every bad value
//! is a diagnostic at its place; `raw` is the file as serde reads it.

mod catalogue;
mod hours;
mod raw;

use crate::error::{Diagnostic, Error, Result, SourceLine};
use crate::lang::config as words;
use crate::text::{did_you_mean_in, line_col, plain_serde_message_in};
use crate::time::{parse_duration, Dur, Hours};
use jiff::tz::TimeZone;
use raw::{RawConfig, RawRule, RawService, RawShop};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Id,
    En,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    pub response_target: Dur,
    pub resolve_target: Dur,
    pub inactive_after: Dur,
    pub expire_after: Dur,
    pub high_value: i64,
    pub medium_value: i64,
}

impl Default for Service {
    fn default() -> Self {
        Service {
            response_target: Dur::minutes(5),
            resolve_target: Dur::hours(24),
            inactive_after: Dur::days(60),
            expire_after: Dur::days(14),
            high_value: 1_000_000,
            medium_value: 300_000,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    pub repeat_after: Option<Dur>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Product {
    pub name: String,
    pub category: String,
    pub price: i64,
    pub guide: Option<String>,
    /// Marketplace SKUs or listing names that mean this product (imports
    /// match them with [`sku_key`]); each belongs to one product.
    pub sku: Vec<String>,
}

/// How two SKUs are compared: marketplaces and people differ in case and
/// spacing (`SRM-VC-20`, `srm-vc-20 `), never in meaning.
pub fn sku_key(sku: &str) -> String {
    sku.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Field-by-field override of a built-in rule (`[rules.NAME]`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleOverride {
    pub wait: Option<Dur>,
    pub window: Option<Dur>,
    pub label: Option<String>,
    pub enabled: Option<bool>,
}

#[derive(Debug, Clone)]
pub struct Config {
    /// Path of shop.toml as shown to the user.
    pub path: PathBuf,
    pub name: String,
    pub timezone: TimeZone,
    pub timezone_name: String,
    pub language: Lang,
    pub currency: String,
    pub admins: Vec<String>,
    pub community: Option<String>,
    /// How to pay (a bank account…), said by payment reminders.
    pub payment: Option<String>,
    pub sources: Vec<String>,
    /// How messages address a customer without `call` (SPEC §3).
    pub greeting: String,
    /// The shop's own sender name in WhatsApp chat exports.
    pub whatsapp_name: Option<String>,
    pub hours: Option<Hours>,
    pub service: Service,
    pub categories: BTreeMap<String, Category>,
    pub products: BTreeMap<String, Product>,
    pub rules: BTreeMap<String, RuleOverride>,
    pub mask_contacts: bool,
    /// `[report] base_url`: where the site is published, ending in `/`
    /// (calendar feeds link to customer pages there).
    pub base_url: Option<String>,
    /// `[report] feed_contacts`: WhatsApp links in the calendar feeds even
    /// when the site is masked or encrypted.
    pub feed_contacts: bool,
    /// The site is written encrypted (`report --encrypt`); not in shop.toml.
    pub encrypt: bool,
}

impl Config {
    /// A minimal config, for tests.
    pub fn for_tests(timezone: &str) -> Config {
        Config {
            path: PathBuf::from("shop.toml"),
            name: "Toko".into(),
            timezone: TimeZone::get(timezone).unwrap_or(TimeZone::UTC),
            timezone_name: timezone.into(),
            language: Lang::Id,
            currency: "IDR".into(),
            admins: Vec::new(),
            community: None,
            payment: None,
            sources: Vec::new(),
            greeting: "Kak".into(),
            whatsapp_name: None,
            hours: None,
            service: Service::default(),
            categories: BTreeMap::new(),
            products: BTreeMap::new(),
            rules: BTreeMap::new(),
            mask_contacts: true,
            base_url: None,
            feed_contacts: false,
            encrypt: false,
        }
    }

    pub fn rule(&self, name: &str) -> Option<&RuleOverride> {
        self.rules.get(name)
    }

    /// The product a marketplace SKU or listing name stands for.
    pub fn product_for_sku(&self, sku: &str) -> Option<(&str, &Product)> {
        let key = sku_key(sku);
        self.products
            .iter()
            .find(|(_, p)| p.sku.iter().any(|s| sku_key(s) == key))
            .map(|(id, p)| (id.as_str(), p))
    }
}

const LANGUAGES: [&str; 2] = ["id", "en"];

pub fn is_slug(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
}

struct Ctx<'a> {
    path: &'a Path,
    text: &'a str,
    /// The file's own language: every problem of it is said in it.
    lang: Lang,
    diags: Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn err<T>(&mut self, s: &Spanned<T>, msg: impl Into<String>) {
        self.err_at(s.span(), msg);
    }

    /// An error at the value written at bytes `span` of shop.toml.
    fn err_at(&mut self, span: Range<usize>, msg: impl Into<String>) {
        self.diags.push(at_span(self.path, self.text, span, msg));
    }

    fn duration(&mut self, s: &Option<Spanned<String>>, default: Dur) -> Dur {
        match s {
            None => default,
            Some(v) => match parse_duration(v.get_ref(), self.lang) {
                Ok(d) => d,
                Err(m) => {
                    self.err(v, m);
                    default
                }
            },
        }
    }
}

/// An error at the value written at bytes `span` of `text`, showing its line
/// with the value (up to the line's end) underlined.
fn at_span(path: &Path, text: &str, span: Range<usize>, msg: impl Into<String>) -> Diagnostic {
    let (line, col) = line_col(text, span.start);
    let width = text
        .get(span.clone())
        .map_or(1, |v| v.split('\n').next().unwrap_or("").chars().count());
    let source = SourceLine::at(text, span.start, width);
    Diagnostic::error(path, line, col, msg).with_source(source)
}

/// Reads and validates shop.toml. `shown` is the path as printed in messages.
pub fn load(path: &Path, shown: &Path) -> Result<Config> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(shown, &e))?;
    parse(&text, shown).map_err(|diags| {
        let lang = language_of(&text).unwrap_or(Lang::Id);
        Error::invalid(words::has_errors(&shown.display().to_string(), lang))
            .with_diagnostics(diags)
    })
}

/// The language shop.toml asks for, read before anything else so that every
/// other problem of the file is said in it (and the command line speaks it):
/// Indonesian unless `[shop] language` is `en` (a bad value is said in
/// Indonesian too). A file TOML cannot read is searched line by line, so an
/// English shop's typo in another line is still said in English; `None`
/// when that finds no `language` either.
pub fn language_of(text: &str) -> Option<Lang> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value = match toml::from_str::<toml::Table>(text) {
        Ok(table) => table
            .get("shop")
            .and_then(|s| s.get("language"))
            .and_then(|l| l.as_str())
            .map(str::to_string)
            .unwrap_or_default(),
        Err(_) => language_line(text)?,
    };
    Some(match value.as_str() {
        "en" => Lang::En,
        _ => Lang::Id,
    })
}

/// `language = "en"` under `[shop]`, found line by line.
fn language_line(text: &str) -> Option<String> {
    let mut in_shop = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_shop = line.split('#').next().map(str::trim) == Some("[shop]");
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        if in_shop && key.trim() == "language" {
            let value = value.split('#').next().unwrap_or("").trim();
            return Some(value.trim_matches(|c| c == '"' || c == '\'').to_string());
        }
    }
    None
}

/// serde's and TOML's messages about shop.toml in plain words.
fn toml_message(msg: &str, lang: Lang) -> String {
    if let Some(m) = hours::hours_key_message(msg, lang).or_else(|| words::toml_syntax(msg, lang)) {
        return m;
    }
    let msg = msg.trim();
    if msg.starts_with("data did not match any variant of untagged enum HolidayValue") {
        return words::holiday_not_a_date(lang).to_string();
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            use crate::lang::check;
            let found = words::found_value(found, lang);
            return check::wrong_type(&check::type_word(expected, lang), &found, lang);
        }
    }
    plain_serde_message_in(msg, lang)
}

pub fn parse(text: &str, path: &Path) -> std::result::Result<Config, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lang = language_of(text).unwrap_or(Lang::Id);
    let raw: RawConfig = match toml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            let msg = toml_message(e.message(), lang);
            let d = match e.span() {
                Some(span) => at_span(path, text, span, msg),
                None => Diagnostic::error(path, 0, 0, msg),
            };
            return Err(vec![d]);
        }
    };
    let mut cx = Ctx {
        path,
        text,
        lang,
        diags: Vec::new(),
    };
    let mut cfg = Config::for_tests("Asia/Jakarta");
    cfg.path = path.to_path_buf();
    match raw.shop {
        None => cx
            .diags
            .push(Diagnostic::error(path, 1, 1, words::missing_shop(lang))),
        Some(shop) => shop_table(&mut cx, &mut cfg, shop),
    }
    if let Some(h) = raw.hours {
        cfg.hours = Some(hours::hours(&mut cx, h));
    }
    if let Some(s) = raw.service {
        service(&mut cx, &mut cfg.service, &s);
    }
    catalogue::categories(&mut cx, &mut cfg, raw.categories);
    catalogue::products(&mut cx, &mut cfg, raw.products);
    rule_overrides(&mut cx, &mut cfg, raw.rules);
    if let Some(rep) = raw.report {
        if let Some(m) = rep.mask_contacts {
            cfg.mask_contacts = m;
        }
        cfg.feed_contacts = rep.feed_contacts.unwrap_or(false);
        if let Some(u) = &rep.base_url {
            match base_url(u.get_ref()) {
                Some(url) => cfg.base_url = Some(url),
                None => cx.err(
                    u,
                    format!(
                        "base_url must be the site's web address starting with https:// (or http://), like `https://toko.example/crm/`, not `{}`",
                        u.get_ref()
                    ),
                ),
            }
        }
    }
    if cx.diags.is_empty() {
        Ok(cfg)
    } else {
        cx.diags.sort();
        Err(cx.diags)
    }
}

/// `[report] base_url` as links are made from it: an absolute http(s)
/// address without spaces, ending in `/`.
fn base_url(u: &str) -> Option<String> {
    let u = u.trim();
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"))?;
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() || u.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    Some(if u.ends_with('/') {
        u.to_string()
    } else {
        format!("{u}/")
    })
}

/// `[shop]`: name, time zone, language, currency, admins, sources, greeting.
fn shop_table(cx: &mut Ctx, cfg: &mut Config, shop: RawShop) {
    if let Some(n) = shop.name {
        cfg.name = n.into_inner();
    }
    if let Some(tz) = &shop.timezone {
        match TimeZone::get(tz.get_ref()) {
            Ok(z) => {
                cfg.timezone = z;
                cfg.timezone_name = tz.get_ref().clone();
            }
            Err(_) => {
                let msg = words::unknown_timezone(tz.get_ref(), cx.lang);
                cx.err(tz, msg)
            }
        }
    }
    if let Some(lang) = &shop.language {
        match lang.get_ref().as_str() {
            "id" => cfg.language = Lang::Id,
            "en" => cfg.language = Lang::En,
            other => {
                let hint = did_you_mean_in(other, LANGUAGES, cx.lang);
                let msg = words::bad_language(other, &hint, cx.lang);
                cx.err(lang, msg);
            }
        }
    }
    if let Some(c) = shop.currency {
        cfg.currency = c.into_inner();
    }
    for a in shop.admins.unwrap_or_default() {
        if !is_slug(a.get_ref()) {
            let msg = words::admin_not_a_name(a.get_ref(), cx.lang);
            cx.err(&a, msg);
        } else if cfg.admins.contains(a.get_ref()) {
            let msg = words::listed_twice(words::Listed::Admin, a.get_ref(), cx.lang);
            cx.err(&a, msg);
        } else {
            cfg.admins.push(a.into_inner());
        }
    }
    cfg.community = shop.community.map(Spanned::into_inner);
    cfg.payment = shop
        .payment
        .map(Spanned::into_inner)
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty());
    for s in shop.sources.unwrap_or_default() {
        if cfg.sources.contains(s.get_ref()) {
            let msg = words::listed_twice(words::Listed::Source, s.get_ref(), cx.lang);
            cx.err(&s, msg);
        } else {
            cfg.sources.push(s.into_inner());
        }
    }
    // An empty greeting is allowed: then messages use the first name alone.
    if let Some(g) = shop.greeting {
        cfg.greeting = g.into_inner().trim().to_string();
    }
    cfg.whatsapp_name = shop
        .whatsapp_name
        .map(|n| n.into_inner().trim().to_string())
        .filter(|n| !n.is_empty());
}

/// `[service]`: the targets and thresholds, each with its default.
fn service(cx: &mut Ctx, service: &mut Service, s: &RawService) {
    let d = Service::default();
    service.response_target = cx.duration(&s.response_target, d.response_target);
    service.resolve_target = cx.duration(&s.resolve_target, d.resolve_target);
    service.inactive_after = cx.duration(&s.inactive_after, d.inactive_after);
    service.expire_after = cx.duration(&s.expire_after, d.expire_after);
    for (v, target) in [
        (&s.high_value, &mut service.high_value),
        (&s.medium_value, &mut service.medium_value),
    ] {
        if let Some(v) = v {
            if *v.get_ref() < 0 {
                cx.err(v, words::negative_amount(cx.lang));
            } else {
                *target = *v.get_ref();
            }
        }
    }
    if service.inactive_after == Dur::ZERO {
        if let Some(v) = &s.inactive_after {
            cx.err(
                v,
                words::must_be_longer_than_zero("inactive_after", cx.lang),
            );
        }
    }
}

/// `[rules.NAME]`: field-by-field overrides of the built-in rules.
fn rule_overrides(cx: &mut Ctx, cfg: &mut Config, rules: BTreeMap<Spanned<String>, RawRule>) {
    for (name, r) in rules {
        if !crate::rules::catalog::RULE_NAMES.contains(&name.get_ref().as_str()) {
            let hint = did_you_mean_in(name.get_ref(), crate::rules::catalog::RULE_NAMES, cx.lang);
            let rules = crate::rules::catalog::RULE_NAMES.join(", ");
            let msg = words::unknown_rule(name.get_ref(), &hint, &rules, cx.lang);
            cx.err(&name, msg);
            continue;
        }
        let mut o = RuleOverride {
            label: r.label,
            enabled: r.enabled,
            ..RuleOverride::default()
        };
        for (src, dst) in [(&r.wait, &mut o.wait), (&r.window, &mut o.window)] {
            if let Some(v) = src {
                match parse_duration(v.get_ref(), cx.lang) {
                    Ok(d) => *dst = Some(d),
                    Err(m) => cx.err(v, m),
                }
            }
        }
        cfg.rules.insert(name.into_inner(), o);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> std::result::Result<Config, Vec<Diagnostic>> {
        parse(text, Path::new("shop.toml"))
    }

    #[test]
    fn defaults() {
        let c = p("[shop]\nname = \"Toko\"\n").expect("valid");
        assert_eq!(c.service, Service::default());
        assert_eq!(c.timezone_name, "Asia/Jakarta");
        assert_eq!(c.language, Lang::Id);
        assert!(c.hours.is_none());
        assert!(c.mask_contacts);
        assert_eq!(c.greeting, "Kak");
        assert_eq!(c.whatsapp_name, None);
        let c = p("[shop]\nname = \"T\"\n[hours]\n").expect("valid");
        let h = c.hours.expect("hours");
        assert_eq!(h.week.iter().flatten().count(), 6);
        assert!(h.week[6].is_none());
        let mon = h.week[0].as_ref().expect("monday");
        assert_eq!(mon.open.to_string(), "08:00:00");
        assert_eq!(mon.close.to_string(), "21:00:00");
        assert!(mon.breaks.is_empty());
    }

    #[test]
    fn report_base_url_and_feed_contacts() {
        let c = p("[shop]\nname = \"T\"\n[report]\nbase_url = \"https://toko.example/crm\"\nfeed_contacts = true\n")
            .expect("valid");
        assert_eq!(c.base_url.as_deref(), Some("https://toko.example/crm/"));
        assert!(c.feed_contacts);
        let c = p("[shop]\nname = \"T\"\n").expect("valid");
        assert_eq!((c.base_url, c.feed_contacts), (None, false));
        for bad in ["toko.example", "https://", "https://a b/", "ftp://x/"] {
            let e = p(&format!(
                "[shop]\nname = \"T\"\n[report]\nbase_url = \"{bad}\"\n"
            ))
            .expect_err(bad);
            assert_eq!((e[0].line, e[0].col), (4, 12), "{bad}");
            assert!(e[0].message.contains("https://"), "{}", e[0].message);
        }
        let e = p("[shop]\nname = \"T\"\n[report]\nfeed_contact = true\n").expect_err("typo");
        assert!(e[0].message.contains("feed_contacts"), "{}", e[0].message);
    }

    #[test]
    fn full() {
        let c = p(r#"
[shop]
name = "Glow"
timezone = "Asia/Makassar"
language = "en"
admins = ["dewi", "rudi"]
greeting = "Sis"
whatsapp_name = "Glow Skincare"
payment = "BCA 1234567890 a.n. Dewi Lestari"
[hours]
days = ["mon", "tue"]
open = "09:00"
close = "17:00"
holidays = ["2026-12-25", 2026-08-17]
[service]
response_target = "10m"
inactive_after = "6w"
[categories.skincare]
repeat_after = "1d12h"
[products.serum]
name = "Serum"
category = "skincare"
price = 85000
sku = ["SRM-VC-20", "Serum Vitamin C 20ml Glow"]
[rules.lead-2]
wait = "48h"
enabled = false
[report]
mask_contacts = false
"#)
        .expect("valid");
        assert_eq!(c.language, Lang::En);
        assert_eq!(c.service.inactive_after, Dur::days(42));
        assert_eq!(c.categories["skincare"].repeat_after, Some(Dur::hours(36)));
        assert_eq!(c.hours.as_ref().map(|h| h.holidays.len()), Some(2));
        assert_eq!(c.rules["lead-2"].wait, Some(Dur::hours(48)));
        assert!(!c.mask_contacts);
        assert_eq!(c.greeting, "Sis");
        assert_eq!(c.whatsapp_name.as_deref(), Some("Glow Skincare"));
        assert_eq!(
            c.payment.as_deref(),
            Some("BCA 1234567890 a.n. Dewi Lestari")
        );
        assert_eq!(
            c.products["serum"].sku,
            ["SRM-VC-20", "Serum Vitamin C 20ml Glow"]
        );
        assert_eq!(
            c.product_for_sku(" serum  vitamin c 20ml GLOW")
                .map(|(id, _)| id),
            Some("serum")
        );
        assert!(c.product_for_sku("SRM").is_none());
    }

    #[test]
    fn sku_on_two_products() {
        // `zeta` comes first in the file though last by id: the error is at
        // the second one written.
        let text = "[shop]\nlanguage = \"en\"\n[categories.s]\n\
[products.zeta]\ncategory = \"s\"\nprice = 1\nsku = [\"A-1\", \"B-2\"]\n\
[products.alpha]\ncategory = \"s\"\nprice = 1\nsku = [\"b-2\"]\n";
        let e = p(text).expect_err("bad");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!((e[0].line, e[0].col), (11, 8));
        assert!(
            e[0].message
                .contains("already belongs to product `zeta` (shop.toml:7:15)"),
            "{}",
            e[0].message
        );
        let e = p("[shop]\nlanguage = \"en\"\n[categories.s]\n[products.x]\ncategory = \"s\"\nprice = 1\nsku = [\"A\", \" \"]\n")
            .expect_err("bad");
        assert_eq!((e[0].line, e[0].col), (7, 13));
    }

    #[test]
    fn errors_show_their_line_with_a_caret() {
        let e =
            p("[shop]\nlanguage = \"en\"\n[service]\nresolve_target = \"24\"\n").expect_err("bad");
        assert_eq!(
            e[0].rendered().to_string(),
            "shop.toml:4:18: error: `24` is not a duration: `24` needs a unit (m, h, d or w), like `24h`\n   4 | resolve_target = \"24\"\n     |                  ^^^^"
        );
        // serde's own errors too, and a value spanning lines up to its line's end.
        let e = p("[shop]\nlanguage = \"en\"\ntimezon = \"Asia/Jakarta\"\n").expect_err("bad");
        let shown = e[0].rendered().to_string();
        assert!(
            shown.ends_with("\n   3 | timezon = \"Asia/Jakarta\"\n     | ^^^^^^^"),
            "{shown}"
        );
        let e = p("[shop]\nlanguage = \"en\"\nadmins = [\n  \"Dewi\",\n]\n").expect_err("bad");
        let shown = e[0].rendered().to_string();
        assert!(
            shown.ends_with("\n   4 |   \"Dewi\",\n     |   ^^^^^^"),
            "{shown}"
        );
        // A problem with the whole file shows no line.
        let e = p("[report]\nmask_contacts = true\n").expect_err("bad");
        assert_eq!(e[0].rendered().to_string(), e[0].to_string());
    }

    #[test]
    fn the_language_is_read_first() {
        assert_eq!(language_of("[shop]\nlanguage = \"en\"\n"), Some(Lang::En));
        assert_eq!(language_of("[shop]\nname = \"T\"\n"), Some(Lang::Id));
        assert_eq!(language_of("[shop]\nlanguage = \"eng\"\n"), Some(Lang::Id));
        // TOML cannot read these: found line by line, only under [shop].
        let broken = "[shop]\nlanguage = 'en' # English\nname = Toko\n";
        assert_eq!(language_of(broken), Some(Lang::En));
        let e = p(broken).expect_err("bad");
        assert!(
            e[0].message.starts_with("text must be in quotes"),
            "{}",
            e[0].message
        );
        assert_eq!(language_of("[hours]\nlanguage = \"en\"\nopen = 8\n["), None);
        assert_eq!(language_of("[shop\n"), None);
    }

    #[test]
    fn errors_point_at_values() {
        let e = p("[shop]\nlanguage = \"en\"\ntimezon = \"Asia/Jakarta\"\n").expect_err("bad");
        assert_eq!((e[0].line, e[0].col), (3, 1));
        assert!(
            e[0].message.contains("did you mean `timezone`"),
            "{}",
            e[0].message
        );
        let e =
            p("[shop]\nlanguage = \"en\"\n[service]\nresolve_target = \"24\"\n").expect_err("bad");
        assert_eq!((e[0].line, e[0].col), (4, 18));
        let e = p("[shop]\nlanguage = \"en\"\n[products.x]\ncategory = \"skin\"\nprice = 1\n")
            .expect_err("bad");
        assert_eq!(e[0].line, 4);
        let e = p("[shop]\nlanguage = \"en\"\n[rules.lead-4]\nwait = \"1h\"\n").expect_err("bad");
        assert!(e[0].message.contains("did you mean `lead-1`") || e[0].message.contains("lead-"));
        let e = p("[shop]\ntimezone = \"Asia/Jakartaa\"\n").expect_err("bad");
        assert_eq!(e[0].line, 2);
    }
}
