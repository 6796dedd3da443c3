//! `new customer` and `new complaint`: a new record file with its first
//! field at now, parsed back before it is created (never over a file).

use super::{invalid, stamp, Ctx};
use crate::error::{Diagnostic, Error, Result};
use crate::io::atomic::{create_new, Lock};
use crate::io::yaml_edit::{scalar, slug};
use crate::lang::cli::{self, WriteWord};
use crate::shop::index::{self, RecordKind, ShopDir};
use crate::shop::record::{self, normalize_phone_in};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Optional fields of a new customer.
#[derive(Debug, Default, Clone)]
pub struct NewCustomer {
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub city: Option<String>,
    pub source: Option<String>,
    pub admin: Option<String>,
    pub note: Option<String>,
}

/// The YAML text of a new customer, fields in the SPEC's order.
pub fn customer_text(c: &NewCustomer, first_contact: &str) -> String {
    customer_text_tagged(c, first_contact, &[])
}

/// The same with `tags` (an import's tags column).
pub fn customer_text_tagged(c: &NewCustomer, first_contact: &str, tags: &[String]) -> String {
    let mut s = format!("name: {}\n", scalar(c.name.trim()));
    let opt = |s: &mut String, key: &str, v: &Option<String>, quote: bool| {
        if let Some(v) = v.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            let v = if quote {
                format!("\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""))
            } else {
                scalar(v)
            };
            s.push_str(&format!("{key}: {v}\n"));
        }
    };
    opt(&mut s, "phone", &c.phone, true);
    opt(&mut s, "email", &c.email, false);
    opt(&mut s, "city", &c.city, false);
    opt(&mut s, "source", &c.source, false);
    opt(&mut s, "admin", &c.admin, false);
    s.push_str(&format!("first_contact: {first_contact}\n"));
    if !tags.is_empty() {
        // Inside `[…]` a comma or bracket ends a plain word, so those are quoted.
        let words: Vec<String> = tags
            .iter()
            .map(|t| {
                let plain = scalar(t);
                if plain.contains([',', '[', ']', '{', '}']) && !plain.starts_with('"') {
                    format!("\"{}\"", t.replace('\\', "\\\\").replace('"', "\\\""))
                } else {
                    plain
                }
            })
            .collect();
        s.push_str(&format!("tags: [{}]\n", words.join(", ")));
    }
    opt(&mut s, "note", &c.note, false);
    s
}

/// A free id: `siti-rahma`, else `siti-rahma-2`, `-3`, …
pub(super) fn free_id(base: &str, taken: &dyn Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_string())
}

pub(super) fn all_ids(dir: &ShopDir, kind: RecordKind) -> BTreeSet<String> {
    let sub = match kind {
        RecordKind::Customer => index::CUSTOMERS_DIR,
        RecordKind::Complaint => index::COMPLAINTS_DIR,
    };
    index::walk_tree(dir, Path::new(sub))
        .0
        .iter()
        .filter_map(|f| index::record_id(&f.rel).map(String::from))
        .collect()
}

/// `first_contact` is `--first-contact` as typed; absent: now.
pub fn new_customer(
    ctx: &Ctx,
    c: &NewCustomer,
    first_contact: Option<&str>,
    force: bool,
) -> Result<i32> {
    let shop = &ctx.shop;
    let cfg = &shop.config;
    let lang = cfg.language;
    if c.name.trim().is_empty() {
        return Err(Error::usage(WriteWord::NeedsName.text(lang)));
    }
    // Names from shop.toml's lists are written as the list spells them.
    let mut c = c.clone();
    if let Some(a) = &c.admin {
        c.admin = Some(super::typed_admin("--admin", a, cfg).map_err(Error::invalid)?);
    }
    if let Some(s) = &c.source {
        c.source = Some(
            super::typed_name("--source", cli::Named::Source, s, &cfg.sources, lang)
                .map_err(Error::invalid)?,
        );
    }
    let first_contact = match first_contact {
        Some(t) => super::typed_time("--first-contact", t, cfg)?,
        None => ctx.now,
    };
    if let Some(p) = c
        .phone
        .as_deref()
        .and_then(|p| normalize_phone_in(p, cfg.language).ok())
    {
        if let Some(other) = shop
            .customers
            .iter()
            .find(|x| x.phone.as_deref() == Some(p.as_str()))
        {
            if !force {
                return Err(Error::invalid(cli::phone_taken(
                    &shop.dir.shown(&other.path),
                    &other.name,
                    lang,
                )));
            }
        }
    }
    // Under the shop's write lock, so two at once do not pick the same id.
    let _lock = Lock::shop(&shop.dir.root, &[Path::new(index::CUSTOMERS_DIR)])?;
    let ids = all_ids(&shop.dir, RecordKind::Customer);
    let id = free_id(&slug(&c.name), &|id| ids.contains(id));
    let rel = PathBuf::from(index::CUSTOMERS_DIR).join(format!("{id}.yaml"));
    let text = customer_text(&c, &stamp(first_contact, cfg));
    let shown = shop.dir.shown(&rel);
    let (parsed, diags) = record::parse_customer(&id, &shown, &text, cfg);
    if parsed.is_none() || diags.iter().any(Diagnostic::is_error) {
        return Err(invalid(
            cli::new_record_invalid(false, lang).into(),
            diags
                .into_iter()
                .map(|mut d| {
                    d.message = format!("{} {}", WriteWord::NewRecord.text(lang), d.message);
                    d
                })
                .collect(),
        ));
    }
    create_new(&shop.dir.root.join(&rel), text.as_bytes())?;
    println!("{}", shown.display());
    Ok(0)
}

/// Complaint ids: `<year>-<4-digit sequence>`, the next after the highest of
/// that year. Two admins offline can still pick the same number; `check`
/// reports the duplicate after a merge and one file is renamed.
pub fn next_complaint_id(ids: &BTreeSet<String>, year: i16) -> String {
    let prefix = format!("{year}-");
    let max = ids
        .iter()
        .filter_map(|id| id.strip_prefix(&prefix))
        // `2026-0007-dewi` counts as 7 too.
        .filter_map(|n| n.split('-').next().and_then(|n| n.parse::<u32>().ok()))
        .max()
        .unwrap_or(0);
    format!("{year}-{:04}", max + 1)
}

pub struct NewComplaint {
    pub customer: String,
    /// Required: a complaint file says what went wrong.
    pub summary: String,
    pub category: Option<String>,
    pub admin: Option<String>,
    pub channel: Option<String>,
}

pub fn new_complaint(ctx: &Ctx, k: &NewComplaint) -> Result<i32> {
    let shop = &ctx.shop;
    let cfg = &shop.config;
    let lang = cfg.language;
    // Ids are slugs, lower case: `Siti` is `siti`.
    let customer = if shop.customer(&k.customer).is_some() {
        k.customer.clone()
    } else {
        k.customer.trim().to_lowercase()
    };
    if shop.customer(&customer).is_none() {
        let records = shop
            .customers
            .iter()
            .map(|c| (c.id.as_str(), c.name.as_str()));
        let hint = super::id_hint(&k.customer, records, lang);
        return Err(Error::invalid(cli::no_such_customer(
            &k.customer,
            &hint,
            lang,
        )));
    }
    let summary = k.summary.trim();
    if summary.is_empty() {
        return Err(Error::usage(WriteWord::SummaryEmpty.text(lang)));
    }
    let admin = k
        .admin
        .as_deref()
        .map(|a| super::typed_admin("--admin", a, cfg).map_err(Error::invalid))
        .transpose()?;
    let year = cfg.timezone.to_datetime(ctx.now).year();
    // Under the shop's write lock, so two at once do not pick the same number.
    let _lock = Lock::shop(&shop.dir.root, &[Path::new(index::COMPLAINTS_DIR)])?;
    let ids = all_ids(&shop.dir, RecordKind::Complaint);
    let mut id = next_complaint_id(&ids, year);
    // In a team, LANGGAN_ADMIN (who is typing) makes the file name unique to
    // them, so two admins working offline never add the same file (docs/team.md).
    if let Some(me) = std::env::var("LANGGAN_ADMIN")
        .ok()
        .filter(|a| crate::shop::config::is_slug(a))
    {
        id = format!("{id}-{me}");
    }
    let mut text = format!(
        "customer: {}\nopened: {}\nsummary: {}\n",
        customer,
        stamp(ctx.now, cfg),
        scalar(summary)
    );
    for (key, v) in [
        ("category", &k.category),
        ("channel", &k.channel),
        ("admin", &admin),
    ] {
        if let Some(v) = v.as_deref().filter(|v| !v.trim().is_empty()) {
            text.push_str(&format!("{key}: {}\n", scalar(v.trim())));
        }
    }
    let rel = PathBuf::from(index::COMPLAINTS_DIR).join(format!("{id}.yaml"));
    let shown = shop.dir.shown(&rel);
    let (parsed, diags) = record::parse_complaint(&id, &shown, &text, cfg);
    if parsed.is_none() || diags.iter().any(Diagnostic::is_error) {
        return Err(invalid(cli::new_record_invalid(true, lang).into(), diags));
    }
    create_new(&shop.dir.root.join(&rel), text.as_bytes())?;
    println!("{}", shown.display());
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complaint_ids_follow_the_highest_of_the_year() {
        let ids: BTreeSet<String> = ["2026-0001", "2026-0007-dewi", "2025-0040", "salah-kirim"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(next_complaint_id(&ids, 2026), "2026-0008");
        assert_eq!(next_complaint_id(&ids, 2027), "2027-0001");
    }
}
