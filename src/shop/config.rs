//! `shop.toml` → [`Config`] (SPEC §2): defaults, durations, business hours,
//! catalogue and rule overrides. Every bad value is a diagnostic at its place.

use crate::error::{Diagnostic, Error, Result, EXIT_INVALID};
use crate::text::{did_you_mean, line_col, plain_serde_message};
use crate::time::{parse_clock, parse_duration, weekday_from_str, DayHours, Dur, Holiday, Hours};
use jiff::civil::{Date, Time, Weekday};
use jiff::tz::TimeZone;
use serde::Deserialize;
use std::collections::BTreeMap;
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
            sources: Vec::new(),
            greeting: "Kak".into(),
            whatsapp_name: None,
            hours: None,
            service: Service::default(),
            categories: BTreeMap::new(),
            products: BTreeMap::new(),
            rules: BTreeMap::new(),
            mask_contacts: true,
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    shop: Option<RawShop>,
    hours: Option<RawHours>,
    service: Option<RawService>,
    #[serde(default)]
    categories: BTreeMap<Spanned<String>, RawCategory>,
    #[serde(default)]
    products: BTreeMap<Spanned<String>, RawProduct>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, RawRule>,
    report: Option<RawReport>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawShop {
    name: Option<Spanned<String>>,
    timezone: Option<Spanned<String>>,
    language: Option<Spanned<String>>,
    currency: Option<Spanned<String>>,
    admins: Option<Vec<Spanned<String>>>,
    community: Option<Spanned<String>>,
    sources: Option<Vec<Spanned<String>>>,
    greeting: Option<Spanned<String>>,
    whatsapp_name: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHours {
    days: Option<Vec<Spanned<String>>>,
    open: Option<Spanned<String>>,
    close: Option<Spanned<String>>,
    breaks: Option<Spanned<Vec<Spanned<String>>>>,
    holidays: Option<Vec<Spanned<HolidayValue>>>,
    mon: Option<Spanned<RawDayHours>>,
    tue: Option<Spanned<RawDayHours>>,
    wed: Option<Spanned<RawDayHours>>,
    thu: Option<Spanned<RawDayHours>>,
    fri: Option<Spanned<RawDayHours>>,
    sat: Option<Spanned<RawDayHours>>,
    sun: Option<Spanned<RawDayHours>>,
}

/// `[hours.fri]`: one weekday's own hours; missing keys come from `[hours]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDayHours {
    open: Option<Spanned<String>>,
    close: Option<Spanned<String>>,
    breaks: Option<Spanned<Vec<Spanned<String>>>>,
}

/// TOML lets people write a holiday as a bare date or a string.
#[derive(Deserialize)]
#[serde(untagged)]
enum HolidayValue {
    Date(toml::value::Datetime),
    Text(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawService {
    response_target: Option<Spanned<String>>,
    resolve_target: Option<Spanned<String>>,
    inactive_after: Option<Spanned<String>>,
    expire_after: Option<Spanned<String>>,
    high_value: Option<Spanned<i64>>,
    medium_value: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    repeat_after: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProduct {
    name: Option<Spanned<String>>,
    category: Option<Spanned<String>>,
    price: Option<Spanned<i64>>,
    guide: Option<String>,
    sku: Option<Vec<Spanned<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    wait: Option<Spanned<String>>,
    window: Option<Spanned<String>>,
    label: Option<String>,
    enabled: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReport {
    mask_contacts: Option<bool>,
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
    diags: Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn err<T>(&mut self, s: &Spanned<T>, msg: impl Into<String>) {
        let (line, col) = line_col(self.text, s.span().start);
        self.diags
            .push(Diagnostic::error(self.path, line, col, msg));
    }

    fn duration(&mut self, s: &Option<Spanned<String>>, default: Dur) -> Dur {
        match s {
            None => default,
            Some(v) => match parse_duration(v.get_ref()) {
                Ok(d) => d,
                Err(m) => {
                    self.err(v, m);
                    default
                }
            },
        }
    }
}

/// Reads and validates shop.toml. `shown` is the path as printed in messages.
pub fn load(path: &Path, shown: &Path) -> Result<Config> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(shown, &e))?;
    parse(&text, shown).map_err(|diags| {
        Error::with_diagnostics(
            EXIT_INVALID,
            format!("{} has errors", shown.display()),
            diags,
        )
    })
}

pub fn parse(text: &str, path: &Path) -> std::result::Result<Config, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let raw: RawConfig = match toml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            let (line, col) = e.span().map_or((0, 0), |s| line_col(text, s.start));
            let msg =
                hours_key_message(e.message()).unwrap_or_else(|| plain_serde_message(e.message()));
            return Err(vec![Diagnostic::error(path, line, col, msg)]);
        }
    };
    let mut cx = Ctx {
        path,
        text,
        diags: Vec::new(),
    };
    let mut cfg = Config::for_tests("Asia/Jakarta");
    cfg.path = path.to_path_buf();

    match raw.shop {
        None => cx.diags.push(Diagnostic::error(
            path,
            1,
            1,
            "missing the [shop] section (it needs at least `name`)",
        )),
        Some(shop) => {
            if let Some(n) = shop.name {
                cfg.name = n.into_inner();
            }
            if let Some(tz) = &shop.timezone {
                match TimeZone::get(tz.get_ref()) {
                    Ok(z) => {
                        cfg.timezone = z;
                        cfg.timezone_name = tz.get_ref().clone();
                    }
                    Err(_) => cx.err(
                        tz,
                        format!(
                            "unknown time zone `{}`; use an IANA name like `Asia/Jakarta`, `Asia/Makassar` or `Asia/Jayapura`",
                            tz.get_ref()
                        ),
                    ),
                }
            }
            if let Some(lang) = &shop.language {
                match lang.get_ref().as_str() {
                    "id" => cfg.language = Lang::Id,
                    "en" => cfg.language = Lang::En,
                    other => {
                        let hint = did_you_mean(other, LANGUAGES);
                        cx.err(
                            lang,
                            format!("language must be `id` or `en`, not `{other}`{hint}"),
                        );
                    }
                }
            }
            if let Some(c) = shop.currency {
                cfg.currency = c.into_inner();
            }
            for a in shop.admins.unwrap_or_default() {
                if !is_slug(a.get_ref()) {
                    cx.err(
                        &a,
                        format!(
                            "admin `{}` must be a short lowercase name like `dewi`",
                            a.get_ref()
                        ),
                    );
                } else if cfg.admins.contains(a.get_ref()) {
                    cx.err(&a, format!("admin `{}` is listed twice", a.get_ref()));
                } else {
                    cfg.admins.push(a.into_inner());
                }
            }
            cfg.community = shop.community.map(Spanned::into_inner);
            for s in shop.sources.unwrap_or_default() {
                if cfg.sources.contains(s.get_ref()) {
                    cx.err(&s, format!("source `{}` is listed twice", s.get_ref()));
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
    }

    if let Some(h) = raw.hours {
        cfg.hours = Some(hours(&mut cx, h));
    }

    if let Some(s) = raw.service {
        let d = Service::default();
        cfg.service.response_target = cx.duration(&s.response_target, d.response_target);
        cfg.service.resolve_target = cx.duration(&s.resolve_target, d.resolve_target);
        cfg.service.inactive_after = cx.duration(&s.inactive_after, d.inactive_after);
        cfg.service.expire_after = cx.duration(&s.expire_after, d.expire_after);
        for (v, target) in [
            (&s.high_value, &mut cfg.service.high_value),
            (&s.medium_value, &mut cfg.service.medium_value),
        ] {
            if let Some(v) = v {
                if *v.get_ref() < 0 {
                    let (line, col) = line_col(text, v.span().start);
                    cx.diags.push(Diagnostic::error(
                        path,
                        line,
                        col,
                        "an amount cannot be negative",
                    ));
                } else {
                    *target = *v.get_ref();
                }
            }
        }
        if cfg.service.inactive_after == Dur::ZERO {
            if let Some(v) = &s.inactive_after {
                cx.err(v, "inactive_after must be longer than zero");
            }
        }
    }

    for (name, cat) in raw.categories {
        if !is_slug(name.get_ref()) {
            cx.err(
                &name,
                format!("category `{}` must be a lowercase slug", name.get_ref()),
            );
        }
        let repeat_after = match &cat.repeat_after {
            None => None,
            Some(v) => match parse_duration(v.get_ref()) {
                Ok(d) if d > Dur::ZERO => Some(d),
                Ok(_) => {
                    cx.err(v, "repeat_after must be longer than zero");
                    None
                }
                Err(m) => {
                    cx.err(v, m);
                    None
                }
            },
        };
        cfg.categories
            .insert(name.into_inner(), Category { repeat_after });
    }

    // Every sku with its product, to find one written for two products.
    let mut skus: Vec<(Spanned<String>, String)> = Vec::new();
    for (id, p) in raw.products {
        if !is_slug(id.get_ref()) {
            cx.err(
                &id,
                format!(
                    "product id `{}` must be a lowercase slug like `serum-vit-c`",
                    id.get_ref()
                ),
            );
        }
        let category = match &p.category {
            None => {
                cx.err(
                    &id,
                    format!("product `{}` needs a `category`", id.get_ref()),
                );
                String::new()
            }
            Some(c) => {
                if !cfg.categories.contains_key(c.get_ref()) {
                    let hint = did_you_mean(c.get_ref(), cfg.categories.keys().map(String::as_str));
                    cx.err(
                        c,
                        format!(
                            "unknown category `{}`{hint}; add [categories.{}] to shop.toml",
                            c.get_ref(),
                            c.get_ref()
                        ),
                    );
                }
                c.get_ref().clone()
            }
        };
        let price = match &p.price {
            None => {
                cx.err(&id, format!("product `{}` needs a `price`", id.get_ref()));
                0
            }
            Some(v) if *v.get_ref() < 0 => {
                cx.err(v, "a price cannot be negative");
                0
            }
            Some(v) => *v.get_ref(),
        };
        let name = p
            .name
            .map(Spanned::into_inner)
            .unwrap_or_else(|| id.get_ref().clone());
        let mut sku = Vec::new();
        for v in p.sku.unwrap_or_default() {
            if v.get_ref().trim().is_empty() {
                cx.err(
                    &v,
                    "a `sku` is empty; write the SKU or listing name, or remove it",
                );
                continue;
            }
            sku.push(v.get_ref().trim().to_string());
            skus.push((v, id.get_ref().clone()));
        }
        cfg.products.insert(
            id.into_inner(),
            Product {
                name,
                category,
                price,
                guide: p.guide,
                sku,
            },
        );
    }
    // In file order, so the error is at the second one written.
    skus.sort_by_key(|(v, _)| v.span().start);
    let mut first_sku: BTreeMap<String, (usize, &str)> = BTreeMap::new();
    for (v, product) in &skus {
        let key = sku_key(v.get_ref());
        match first_sku.get(&key) {
            Some(&(start, other)) => {
                let (line, col) = line_col(text, start);
                let first = format!("{}:{line}:{col}", path.display());
                let msg = if other == product {
                    format!(
                        "sku `{}` is listed twice for product `{product}` (first at {first})",
                        v.get_ref().trim()
                    )
                } else {
                    format!(
                        "sku `{}` already belongs to product `{other}` ({first}); a sku can belong to one product only",
                        v.get_ref().trim()
                    )
                };
                cx.err(v, msg);
            }
            None => {
                first_sku.insert(key, (v.span().start, product));
            }
        }
    }

    for (name, r) in raw.rules {
        if !crate::rules::catalog::RULE_NAMES.contains(&name.get_ref().as_str()) {
            let hint = did_you_mean(name.get_ref(), crate::rules::catalog::RULE_NAMES);
            cx.err(
                &name,
                format!(
                    "unknown rule `{}`{hint}; rules are {}",
                    name.get_ref(),
                    crate::rules::catalog::RULE_NAMES.join(", ")
                ),
            );
            continue;
        }
        let mut o = RuleOverride {
            label: r.label,
            enabled: r.enabled,
            ..RuleOverride::default()
        };
        for (src, dst) in [(&r.wait, &mut o.wait), (&r.window, &mut o.window)] {
            if let Some(v) = src {
                match parse_duration(v.get_ref()) {
                    Ok(d) => *dst = Some(d),
                    Err(m) => cx.err(v, m),
                }
            }
        }
        cfg.rules.insert(name.into_inner(), o);
    }

    if let Some(rep) = raw.report {
        if let Some(m) = rep.mask_contacts {
            cfg.mask_contacts = m;
        }
    }

    if cx.diags.is_empty() {
        Ok(cfg)
    } else {
        cx.diags.sort();
        Err(cx.diags)
    }
}

/// `[hours]` and its day tables (SPEC §2). Every day's breaks are checked
/// against that day's own open and close, so an inherited lunch break that a
/// short Saturday does not hold is reported.
fn hours(cx: &mut Ctx, h: RawHours) -> Hours {
    const ALL_DAYS: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];
    let mut open_days: Vec<Weekday> = Vec::new();
    match &h.days {
        None => open_days.extend_from_slice(&ALL_DAYS[..6]),
        Some(days) => {
            for d in days {
                match weekday_from_str(d.get_ref()) {
                    Some(w) if !open_days.contains(&w) => open_days.push(w),
                    Some(_) => cx.err(d, format!("`{}` is listed twice", d.get_ref())),
                    None => {
                        let hint = did_you_mean(
                            d.get_ref(),
                            DAY_NAMES.iter().chain(&DAY_NAMES_ID).copied(),
                        );
                        cx.err(
                            d,
                            format!(
                                "`{}` is not a weekday{hint}; use mon, tue, wed, thu, fri, sat, sun",
                                d.get_ref()
                            ),
                        )
                    }
                }
            }
        }
    }
    let clock = |cx: &mut Ctx, v: &Option<Spanned<String>>| {
        v.as_ref().and_then(|v| match parse_clock(v.get_ref()) {
            Ok(t) => Some(t),
            Err(m) => {
                cx.err(v, m);
                None
            }
        })
    };
    let open = clock(cx, &h.open).unwrap_or(Time::constant(8, 0, 0, 0));
    let close = clock(cx, &h.close).unwrap_or(Time::constant(21, 0, 0, 0));
    if open >= close {
        match &h.close {
            Some(c) => cx.err(
                c,
                format!(
                    "closing time {close} must be after opening time {open}",
                    close = hm(close),
                    open = hm(open)
                ),
            ),
            None => cx.diags.push(Diagnostic::error(
                cx.path,
                1,
                1,
                "[hours] close must be after open",
            )),
        }
    }
    let breaks = h
        .breaks
        .as_ref()
        .map(|b| parse_breaks(cx, b))
        .unwrap_or_default();
    let tables = [&h.mon, &h.tue, &h.wed, &h.thu, &h.fri, &h.sat, &h.sun];
    // Breaks that fall outside some day's hours: one diagnostic per break.
    type Outside = ((u32, u32), (Time, Time), Vec<(usize, Time, Time)>);
    let mut outside: Vec<Outside> = Vec::new();
    let mut out = Hours {
        week: Default::default(),
        holidays: Vec::new(),
    };
    for (i, (weekday, table)) in ALL_DAYS.iter().zip(tables).enumerate() {
        let (day_open, day_close, day_breaks) = match table {
            None if !open_days.contains(weekday) => continue,
            None => (open, close, breaks.clone()),
            Some(t) => {
                let t_ref = t.get_ref();
                let o = clock(cx, &t_ref.open).unwrap_or(open);
                let c = clock(cx, &t_ref.close).unwrap_or(close);
                if o >= c {
                    let at = t_ref.close.as_ref().or(t_ref.open.as_ref());
                    let msg = format!(
                        "on {} the shop would close at {} before it opens at {}; closing time must be after opening time",
                        DAY_NAMES[i],
                        hm(c),
                        hm(o)
                    );
                    match at {
                        Some(v) => cx.err(v, msg),
                        None => cx.err(t, msg),
                    }
                    continue;
                }
                let b = match &t_ref.breaks {
                    Some(b) => parse_breaks(cx, b),
                    None => breaks.clone(),
                };
                (o, c, b)
            }
        };
        // Each break must lie inside the day's open hours.
        let mut kept = Vec::new();
        for (from, to, at) in day_breaks {
            if from < day_open || to > day_close {
                let entry = outside.iter_mut().find(|(a, ..)| *a == at);
                let day = (i, day_open, day_close);
                match entry {
                    Some((_, _, days)) => days.push(day),
                    None => outside.push((at, (from, to), vec![day])),
                }
            } else {
                kept.push((from, to));
            }
        }
        if day_open < day_close {
            out.week[i] = Some(DayHours {
                open: day_open,
                close: day_close,
                breaks: kept,
            });
        }
    }
    for ((line, col), (from, to), days) in outside {
        let mut groups: Vec<(Time, Time, Vec<&str>)> = Vec::new();
        for (i, o, c) in days {
            match groups.iter_mut().find(|g| (g.0, g.1) == (o, c)) {
                Some(g) => g.2.push(DAY_NAMES[i]),
                None => groups.push((o, c, vec![DAY_NAMES[i]])),
            }
        }
        let where_ = groups
            .iter()
            .map(|(o, c, d)| format!("{} {}-{}", d.join(", "), hm(*o), hm(*c)))
            .collect::<Vec<_>>()
            .join("; ");
        cx.diags.push(Diagnostic::error(
            cx.path,
            line,
            col,
            format!(
                "break {}-{} is outside the open hours ({where_}); a break must lie inside them",
                hm(from),
                hm(to)
            ),
        ));
    }
    if out.week.iter().all(Option::is_none) && cx.diags.is_empty() {
        cx.diags.push(Diagnostic::error(
            cx.path,
            1,
            1,
            "[hours] opens on no day: list the open days in `days`, like `days = [\"mon\", \"tue\"]`",
        ));
    }
    for hol in h.holidays.unwrap_or_default() {
        match holiday(hol.get_ref()) {
            Ok(d) => out.holidays.push(d),
            Err(m) => cx.err(&hol, m),
        }
    }
    out
}

/// An unknown key in `[hours]` is most often a day table named another way
/// (`[hours.friday]`, `[hours.jumat]`): name the day it means.
fn hours_key_message(msg: &str) -> Option<String> {
    let rest = msg.trim().strip_prefix("unknown field `")?;
    let (key, tail) = rest.split_once('`')?;
    if !tail.contains("`sun`") {
        return None;
    }
    let known = ["days", "open", "close", "breaks", "holidays"];
    let hint = match weekday_from_str(key) {
        Some(w) => format!(
            " (did you mean `[hours.{}]`?)",
            DAY_NAMES[crate::time::weekday_index(w)]
        ),
        None => did_you_mean(key, known.iter().chain(DAY_NAMES.iter()).copied()),
    };
    Some(format!(
        "unknown key `{key}` in [hours]{hint}; [hours] takes days, open, close, breaks and holidays, and a day's own hours go in a table named mon, tue, wed, thu, fri, sat or sun, like `[hours.fri]`"
    ))
}

const DAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/// `days` also takes the Indonesian names (`weekday_from_str`); suggest them too.
const DAY_NAMES_ID: [&str; 7] = [
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
];

fn hm(t: Time) -> String {
    if t == Time::MAX {
        return "24:00".into();
    }
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// `["12:00-13:00", …]` → sorted breaks with the (line, col) of each value;
/// a malformed or overlapping one is reported and left out.
fn parse_breaks(
    cx: &mut Ctx,
    list: &Spanned<Vec<Spanned<String>>>,
) -> Vec<(Time, Time, (u32, u32))> {
    let mut out: Vec<(Time, Time, (u32, u32))> = Vec::new();
    for b in list.get_ref() {
        let text = b.get_ref().trim();
        let parsed = text
            .split_once('-')
            .and_then(|(a, z)| Some((parse_clock(a).ok()?, parse_clock(z).ok()?)));
        let Some((from, to)) = parsed else {
            cx.err(
                b,
                format!("`{text}` is not a break; write it as two clock times like `12:00-13:00`"),
            );
            continue;
        };
        if from >= to {
            cx.err(
                b,
                format!("break `{text}` ends before it starts; write the earlier time first, like `12:00-13:00`"),
            );
            continue;
        }
        let at = line_col(cx.text, b.span().start);
        if let Some(other) = out.iter().find(|(f, t, _)| from < *t && *f < to) {
            cx.err(
                b,
                format!(
                    "break `{text}` overlaps the break {}-{} (line {}); join them into one break",
                    hm(other.0),
                    hm(other.1),
                    other.2 .0
                ),
            );
            continue;
        }
        out.push((from, to, at));
    }
    out.sort_by_key(|b| (b.0, b.1));
    out
}

/// A holiday: a date, or an inclusive range `A..B`.
fn holiday(v: &HolidayValue) -> std::result::Result<Holiday, String> {
    let date = |s: &str| {
        s.trim()
            .parse::<Date>()
            .ok()
            .filter(|_| s.trim().len() == 10)
    };
    match v {
        HolidayValue::Date(d) => d
            .date
            .filter(|_| d.time.is_none())
            .and_then(|d| Date::new(d.year as i16, d.month as i8, d.day as i8).ok())
            .map(|d| Holiday { from: d, to: d })
            .ok_or_else(|| "a holiday must be a date like `2026-12-25`".to_string()),
        HolidayValue::Text(s) => {
            if let Some((a, b)) = s.split_once("..") {
                let (Some(from), Some(to)) = (date(a), date(b)) else {
                    return Err(format!(
                        "`{s}` is not a range of dates; write it like `2027-03-19..2027-03-24`"
                    ));
                };
                if to < from {
                    return Err(format!(
                        "`{s}` ends before it starts; write the first day first, like `{b}..{a}`",
                        a = a.trim(),
                        b = b.trim()
                    ));
                }
                Ok(Holiday { from, to })
            } else {
                date(s).map(|d| Holiday { from: d, to: d }).ok_or_else(|| {
                    format!("`{s}` is not a date; write a holiday like `2026-12-25` or a range like `2027-03-19..2027-03-24`")
                })
            }
        }
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
    fn full() {
        let c = p(r#"
[shop]
name = "Glow"
timezone = "Asia/Makassar"
language = "en"
admins = ["dewi", "rudi"]
greeting = "Sis"
whatsapp_name = "Glow Skincare"
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
        let text = "[shop]\nname = \"T\"\n[categories.s]\n\
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
        let e = p("[shop]\nname = \"T\"\n[categories.s]\n[products.x]\ncategory = \"s\"\nprice = 1\nsku = [\"A\", \" \"]\n")
            .expect_err("bad");
        assert_eq!((e[0].line, e[0].col), (7, 13));
    }

    #[test]
    fn errors_point_at_values() {
        let e = p("[shop]\nname = \"T\"\ntimezon = \"Asia/Jakarta\"\n").expect_err("bad");
        assert_eq!((e[0].line, e[0].col), (3, 1));
        assert!(
            e[0].message.contains("did you mean `timezone`"),
            "{}",
            e[0].message
        );
        let e = p("[shop]\nname = \"T\"\n[service]\nresolve_target = \"24\"\n").expect_err("bad");
        assert_eq!((e[0].line, e[0].col), (4, 18));
        let e = p("[shop]\nname = \"T\"\n[products.x]\ncategory = \"skin\"\nprice = 1\n")
            .expect_err("bad");
        assert_eq!(e[0].line, 4);
        let e = p("[shop]\nname = \"T\"\n[rules.lead-4]\nwait = \"1h\"\n").expect_err("bad");
        assert!(e[0].message.contains("did you mean `lead-1`") || e[0].message.contains("lead-"));
        let e = p("[shop]\ntimezone = \"Asia/Jakartaa\"\n").expect_err("bad");
        assert_eq!(e[0].line, 2);
    }

    fn hm(s: &str) -> Time {
        parse_clock(s).expect("clock")
    }

    #[test]
    fn day_tables_inherit_and_override() {
        let c = p(r#"
[shop]
name = "T"
[hours]
days = ["mon", "tue", "wed", "thu", "fri"]
open = "08:00"
close = "17:00"
breaks = ["12:00-13:00"]
holidays = ["2026-12-25", "2027-03-19..2027-03-24"]
[hours.fri]
breaks = ["11:30-13:00"]
[hours.sat]
open = "09:00"
close = "15:00"
[hours.sun]
open = "10:00"
close = "14:00"
breaks = []
"#)
        .expect("valid");
        let h = c.hours.expect("hours");
        let mon = h.week[0].as_ref().expect("mon");
        assert_eq!(mon.breaks, vec![(hm("12:00"), hm("13:00"))]);
        let fri = h.week[4].as_ref().expect("fri");
        assert_eq!((fri.open, fri.close), (hm("08:00"), hm("17:00")));
        assert_eq!(fri.breaks, vec![(hm("11:30"), hm("13:00"))]);
        // A day table opens a day `days` leaves out and keeps the lunch break.
        let sat = h.week[5].as_ref().expect("sat");
        assert_eq!((sat.open, sat.close), (hm("09:00"), hm("15:00")));
        assert_eq!(sat.breaks, vec![(hm("12:00"), hm("13:00"))]);
        assert!(h.week[6].as_ref().expect("sun").breaks.is_empty());
        assert_eq!(h.holidays.len(), 2);
        assert_eq!(h.holidays[1].to.to_string(), "2027-03-24");
    }

    fn one_error(text: &str) -> Diagnostic {
        let e = p(text).expect_err("invalid");
        assert_eq!(e.len(), 1, "{e:?}");
        e.into_iter().next().expect("one")
    }

    #[test]
    fn hours_errors_point_at_values() {
        let head = "[shop]\nname = \"T\"\n[hours]\n";
        // A break outside open hours.
        let e = one_error(&format!(
            "{head}open = \"08:00\"\nclose = \"17:00\"\nbreaks = [\"07:00-08:30\"]\n"
        ));
        assert_eq!((e.line, e.col), (6, 11), "{}", e.message);
        assert!(
            e.message.contains("outside the open hours"),
            "{}",
            e.message
        );
        // An inherited break that a short day does not hold: at the break.
        let e = one_error(&format!(
            "{head}breaks = [\"12:00-13:00\"]\n[hours.sat]\nclose = \"11:00\"\n"
        ));
        assert_eq!((e.line, e.col), (4, 11), "{}", e.message);
        assert!(e.message.contains("sat"), "{}", e.message);
        // Overlapping breaks: at the second.
        let e = one_error(&format!(
            "{head}breaks = [\"12:00-13:00\", \"12:30-14:00\"]\n"
        ));
        assert_eq!((e.line, e.col), (4, 26), "{}", e.message);
        assert!(e.message.contains("overlaps"), "{}", e.message);
        // A malformed break.
        let e = one_error(&format!("{head}breaks = [\"12-13\"]\n"));
        assert_eq!((e.line, e.col), (4, 11), "{}", e.message);
        assert!(e.message.contains("12:00-13:00"), "{}", e.message);
        // A malformed range, and one that ends before it starts.
        let e = one_error(&format!("{head}holidays = [\"2027-03-19..2027-3-24\"]\n"));
        assert_eq!((e.line, e.col), (4, 13), "{}", e.message);
        let e = one_error(&format!(
            "{head}holidays = [\"2026-12-25\", \"2027-03-24..2027-03-19\"]\n"
        ));
        assert_eq!((e.line, e.col), (4, 27), "{}", e.message);
        assert!(
            e.message.contains("2027-03-19..2027-03-24"),
            "{}",
            e.message
        );
        // Close before open, in [hours] and in a day table.
        let e = one_error(&format!("{head}open = \"17:00\"\nclose = \"08:00\"\n"));
        assert_eq!((e.line, e.col), (5, 9), "{}", e.message);
        let e = one_error(&format!(
            "{head}[hours.fri]\nopen = \"13:00\"\nclose = \"11:00\"\n"
        ));
        assert_eq!((e.line, e.col), (6, 9), "{}", e.message);
        // An unknown day name, with the day it means.
        let e = one_error(&format!("{head}[hours.friday]\nopen = \"13:00\"\n"));
        assert_eq!(e.line, 4, "{}", e.message);
        assert!(
            e.message.contains("did you mean `[hours.fri]`"),
            "{}",
            e.message
        );
        let e = one_error(&format!("{head}[hours.jumat]\nopen = \"13:00\"\n"));
        assert!(
            e.message.contains("did you mean `[hours.fri]`"),
            "{}",
            e.message
        );
        let e = one_error(&format!("{head}days = [\"mon\", \"tues\"]\n"));
        assert_eq!((e.line, e.col), (4, 16), "{}", e.message);
        assert!(e.message.contains("did you mean `tue`"), "{}", e.message);
    }
}
