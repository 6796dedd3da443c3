//! The commands that write records (SPEC §9): `new customer`, `new complaint`,
//! `log`, `import csv`. Nothing a person wrote is reformatted; every new text is
//! parsed back and compared before it is written; writes are atomic.

use crate::commands::Ctx;
use crate::error::{Diagnostic, Error, Result, EXIT_INVALID};
use crate::io::atomic::{atomic_write, create_new, Lock};
use crate::io::yaml_edit::{append_interaction, scalar, set_field, slug};
use crate::lang::pick;
use crate::shop::config::{Config, Lang};
use crate::shop::index::{self, find_record, Found, RecordKind, ShopDir};
use crate::shop::record::{self, normalize_phone, Kind, KIND_NAMES};
use crate::time::parse_time;
use jiff::Timestamp;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

fn stamp(t: Timestamp, cfg: &Config) -> String {
    crate::time::short(t, &cfg.timezone)
}

fn invalid(message: String, diags: Vec<Diagnostic>) -> Error {
    Error::invalid(message).with_diagnostics(diags)
}

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
    opt(&mut s, "note", &c.note, false);
    s
}

/// A free id: `siti-rahma`, else `siti-rahma-2`, `-3`, …
fn free_id(base: &str, taken: &dyn Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_string())
}

fn all_ids(dir: &ShopDir, kind: RecordKind) -> BTreeSet<String> {
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

pub fn new_customer(ctx: &Ctx, c: &NewCustomer, force: bool) -> Result<i32> {
    let shop = &ctx.shop;
    let cfg = &shop.config;
    if c.name.trim().is_empty() {
        return Err(Error::usage("a customer needs a name"));
    }
    if let Some(p) = c.phone.as_deref().and_then(|p| normalize_phone(p).ok()) {
        if let Some(other) = shop
            .customers
            .iter()
            .find(|x| x.phone.as_deref() == Some(p.as_str()))
        {
            if !force {
                return Err(Error::invalid(format!(
                    "{} already has this phone ({}); use --force to add another customer anyway",
                    shop.dir.shown(&other.path).display(),
                    other.name
                )));
            }
        }
    }
    let ids = all_ids(&shop.dir, RecordKind::Customer);
    let id = free_id(&slug(&c.name), &|id| ids.contains(id));
    let rel = PathBuf::from(index::CUSTOMERS_DIR).join(format!("{id}.yaml"));
    let text = customer_text(c, &stamp(ctx.now, cfg));
    let shown = shop.dir.shown(&rel);
    let (parsed, diags) = record::parse_customer(&id, &shown, &text, cfg);
    if parsed.is_none() || diags.iter().any(Diagnostic::is_error) {
        return Err(invalid(
            "the new customer is not valid; nothing was written".into(),
            diags
                .into_iter()
                .map(|mut d| {
                    d.message = format!("(new record) {}", d.message);
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
    /// Absent: a default title the admin replaces when they write the details.
    pub summary: Option<String>,
    pub category: Option<String>,
    pub admin: Option<String>,
    pub channel: Option<String>,
}

pub fn new_complaint(ctx: &Ctx, k: &NewComplaint) -> Result<i32> {
    let shop = &ctx.shop;
    let cfg = &shop.config;
    if shop.customer(&k.customer).is_none() {
        let hint =
            crate::text::did_you_mean(&k.customer, shop.customers.iter().map(|c| c.id.as_str()));
        return Err(Error::invalid(format!(
            "no customer `{}`{hint}",
            k.customer
        )));
    }
    let summary = match k.summary.as_deref().map(str::trim) {
        Some("") => {
            return Err(Error::usage(
                "--summary: describe the complaint in a few words",
            ))
        }
        Some(s) => s.to_string(),
        None => pick(cfg.language, "Komplain baru", "New complaint").to_string(),
    };
    let year = cfg.timezone.to_datetime(ctx.now).year();
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
        k.customer,
        stamp(ctx.now, cfg),
        scalar(&summary)
    );
    for (key, v) in [
        ("category", &k.category),
        ("channel", &k.channel),
        ("admin", &k.admin),
    ] {
        if let Some(v) = v.as_deref().filter(|v| !v.trim().is_empty()) {
            text.push_str(&format!("{key}: {}\n", scalar(v.trim())));
        }
    }
    let rel = PathBuf::from(index::COMPLAINTS_DIR).join(format!("{id}.yaml"));
    let shown = shop.dir.shown(&rel);
    let (parsed, diags) = record::parse_complaint(&id, &shown, &text, cfg);
    if parsed.is_none() || diags.iter().any(Diagnostic::is_error) {
        return Err(invalid(
            "the new complaint is not valid; nothing was written".into(),
            diags,
        ));
    }
    create_new(&shop.dir.root.join(&rel), text.as_bytes())?;
    println!("{}", shown.display());
    Ok(0)
}

/// What `log` records.
#[derive(Debug, Default, Clone)]
pub struct LogEntry {
    pub kind: Option<String>,
    pub note: Option<String>,
    pub by: Option<String>,
    pub channel: Option<String>,
    pub at: Option<String>,
    pub response: bool,
    pub resolved: bool,
    pub solution: Option<String>,
    pub csat: Option<u8>,
}

/// Reads a record that must currently be free of errors.
fn read_clean(dir: &ShopDir, cfg: &Config, f: &Found) -> Result<(String, index::Parsed)> {
    let shown = dir.shown(&f.rel);
    let bytes = std::fs::read(dir.root.join(&f.rel)).map_err(|e| Error::io(&shown, &e))?;
    let text = record::decode(&shown, &bytes).map_err(|d| invalid(refusal(&shown), vec![d]))?;
    let (parsed, diags) = index::parse_text(f, &shown, &text, cfg);
    if matches!(parsed, index::Parsed::Broken) || diags.iter().any(Diagnostic::is_error) {
        return Err(invalid(refusal(&shown), diags));
    }
    Ok((text, parsed))
}

fn not_valid(shown: &Path) -> String {
    format!(
        "{}: the change is not valid; nothing was written",
        shown.display()
    )
}

/// Parses the text about to be written; it must load without errors.
fn reparse(f: &Found, shown: &Path, text: &str, cfg: &Config) -> Result<index::Parsed> {
    let (parsed, diags) = index::parse_text(f, shown, text, cfg);
    if matches!(parsed, index::Parsed::Broken) || diags.iter().any(Diagnostic::is_error) {
        return Err(invalid(not_valid(shown), diags));
    }
    Ok(parsed)
}

fn refusal(shown: &Path) -> String {
    format!(
        "{} has errors; fix them first (nothing was changed)",
        shown.display()
    )
}

pub fn log(dir: &ShopDir, now: Option<&str>, id: &str, entry: &LogEntry) -> Result<i32> {
    let cfg = crate::shop::load::load_config(dir)?;
    let now = crate::time::parse_now(now, &cfg.timezone)?;
    let at = match &entry.at {
        Some(s) => parse_time(s, &cfg.timezone).map_err(|m| Error::usage(format!("--at: {m}")))?,
        None => now,
    };
    if let Some(f) = find_record(dir, RecordKind::Customer, id) {
        return log_customer(dir, &cfg, &f, at, entry);
    }
    if let Some(f) = find_record(dir, RecordKind::Complaint, id) {
        return log_complaint(dir, &cfg, &f, at, entry);
    }
    Err(Error::usage(format!(
        "no customer or complaint with id `{id}`"
    )))
}

fn log_customer(
    dir: &ShopDir,
    cfg: &Config,
    f: &Found,
    at: Timestamp,
    e: &LogEntry,
) -> Result<i32> {
    let kind_name = e.kind.as_deref().ok_or_else(|| {
        Error::usage(format!(
            "log CUSTOMER KIND [NOTE]: KIND is one of {}",
            KIND_NAMES.join(", ")
        ))
    })?;
    let kind = Kind::parse(kind_name).ok_or_else(|| {
        Error::usage(format!(
            "unknown kind `{kind_name}`{}; use one of {}",
            crate::text::did_you_mean(kind_name, KIND_NAMES),
            KIND_NAMES.join(", ")
        ))
    })?;
    if e.response || e.resolved || e.solution.is_some() || e.csat.is_some() {
        return Err(Error::usage(
            "--response, --resolved, --solution and --csat are for complaints",
        ));
    }
    let path = dir.root.join(&f.rel);
    let shown = dir.shown(&f.rel);
    let _lock = Lock::acquire(&path)?;
    let (text, parsed) = read_clean(dir, cfg, f)?;
    let index::Parsed::Customer(old) = parsed else {
        return Err(Error::invalid(refusal(&shown)));
    };
    let mut fields: Vec<(&str, String)> =
        vec![("at", stamp(at, cfg)), ("kind", kind.as_str().to_string())];
    if let Some(by) = &e.by {
        fields.push(("by", scalar(by)));
    }
    if let Some(ch) = &e.channel {
        fields.push(("channel", scalar(ch)));
    }
    if let Some(n) = e.note.as_deref().filter(|n| !n.trim().is_empty()) {
        fields.push(("note", scalar(n.trim())));
    }
    let new_text = append_interaction(&text, &fields)
        .map_err(|m| Error::invalid(format!("{}: {m}", shown.display())))?;
    let index::Parsed::Customer(new) = reparse(f, &shown, &new_text, cfg)? else {
        return Err(Error::invalid(not_valid(&shown)));
    };
    // The file must read back as the old record plus exactly this interaction.
    let expected = old.positionless();
    let mut got = new.positionless();
    let added = got.interactions.pop();
    let ok = added
        .as_ref()
        .is_some_and(|i| i.kind == kind && i.at.t == at)
        && expected == got;
    if !ok {
        return Err(Error::invalid(format!(
            "{}: appending would change more than the new interaction; nothing was written",
            shown.display()
        )));
    }
    atomic_write(&path, new_text.as_bytes())?;
    println!(
        "{}: {} `{}` {}",
        shown.display(),
        pick(cfg.language, "interaksi", "interaction"),
        kind.as_str(),
        pick(cfg.language, "dicatat", "recorded")
    );
    Ok(0)
}

fn log_complaint(
    dir: &ShopDir,
    cfg: &Config,
    f: &Found,
    at: Timestamp,
    e: &LogEntry,
) -> Result<i32> {
    if e.kind.is_some() || e.note.is_some() {
        return Err(Error::usage(
            "for a complaint use --response, --resolved, --solution TEXT or --csat N (KIND and NOTE are for customers)",
        ));
    }
    if !(e.response || e.resolved || e.solution.is_some() || e.csat.is_some()) {
        return Err(Error::usage(
            "nothing to record: use --response, --resolved, --solution TEXT or --csat N",
        ));
    }
    let path = dir.root.join(&f.rel);
    let shown = dir.shown(&f.rel);
    let _lock = Lock::acquire(&path)?;
    let (mut text, parsed) = read_clean(dir, cfg, f)?;
    let index::Parsed::Complaint(old) = parsed else {
        return Err(Error::invalid(refusal(&shown)));
    };
    let mut expected = old.positionless();
    let when = stamp(at, cfg);
    if e.response {
        text = set_field(&text, "first_response", &when);
        expected.first_response = Some(record::Ev {
            t: at,
            line: 0,
            col: 0,
        });
    }
    if e.resolved {
        text = set_field(&text, "resolved", &when);
        expected.resolved = Some(record::Ev {
            t: at,
            line: 0,
            col: 0,
        });
    }
    if let Some(s) = &e.solution {
        text = set_field(&text, "solution", &scalar(s.trim()));
        expected.solution = Some(s.trim().to_string());
    }
    if let Some(c) = e.csat {
        text = set_field(&text, "csat", &c.to_string());
        expected.csat = Some(i64::from(c));
    }
    let index::Parsed::Complaint(new) = reparse(f, &shown, &text, cfg)? else {
        return Err(Error::invalid(not_valid(&shown)));
    };
    if new.positionless() != expected {
        return Err(Error::invalid(not_valid(&shown)));
    }
    atomic_write(&path, text.as_bytes())?;
    println!(
        "{}: {}",
        shown.display(),
        pick(cfg.language, "komplain diperbarui", "complaint updated")
    );
    Ok(0)
}

/// Spreadsheet headers (English field names or Indonesian ones) → fields.
pub fn header_field(h: &str) -> Option<&'static str> {
    let norm: String = h
        .trim()
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-' || c == '.')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    Some(match norm.as_str() {
        "name" | "nama" | "nama pelanggan" | "nama lengkap" => "name",
        "phone" | "no hp" | "hp" | "nomor hp" | "no telp" | "telepon" | "telp" | "whatsapp"
        | "wa" | "no wa" | "nomor wa" | "nomor whatsapp" => "phone",
        "email" | "e mail" | "surel" => "email",
        "city" | "kota" | "domisili" => "city",
        "source" | "sumber" => "source",
        "admin" => "admin",
        "first contact" | "tanggal" | "tgl" | "tanggal kontak" => "first_contact",
        "note" | "catatan" | "keterangan" => "note",
        _ => return None,
    })
}

/// Dates as spreadsheets write them: ISO, or `20/11/2026` / `20-11-2026`
/// (day first, as in Indonesia), with an optional `HH:MM`.
pub fn spreadsheet_time(s: &str, tz: &jiff::tz::TimeZone) -> std::result::Result<String, String> {
    let s = s.trim();
    if let Ok(t) = parse_time(s, tz) {
        return Ok(crate::time::short(t, tz));
    }
    let (date, time) = s
        .split_once(' ')
        .map_or((s, None), |(d, t)| (d, Some(t.trim())));
    let parts: Vec<&str> = date.split(['/', '-', '.']).collect();
    if let [d, m, y] = parts[..] {
        if y.len() == 4 {
            let iso = format!(
                "{y}-{:0>2}-{:0>2}{}",
                m,
                d,
                time.map(|t| format!(" {t}")).unwrap_or_default()
            );
            if let Ok(t) = parse_time(&iso, tz) {
                return Ok(crate::time::short(t, tz));
            }
        }
    }
    Err(format!(
        "`{s}` is not a date; write it like 2026-11-20 or 20/11/2026"
    ))
}

pub struct ImportOptions {
    pub dry_run: bool,
    pub skip_bad: bool,
}

pub fn import_csv(ctx: &Ctx, file: &Path, opts: &ImportOptions) -> Result<i32> {
    let shop = &ctx.shop;
    let cfg = &shop.config;
    let lang = cfg.language;
    let bytes = std::fs::read(file).map_err(|e| Error::io(file, &e))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::invalid(format!(
            "{}: not UTF-8 text; export the sheet as CSV UTF-8",
            file.display()
        ))
    })?;
    let rows = crate::io::csv::parse(&text)
        .map_err(|(line, m)| Error::invalid(format!("{}:{line}: {m}", file.display())))?;
    let Some((header, rows)) = rows.split_first() else {
        return Err(Error::invalid(format!(
            "{}: the file is empty",
            file.display()
        )));
    };
    let columns: Vec<Option<&str>> = header.fields.iter().map(|h| header_field(h)).collect();
    if !columns.contains(&Some("name")) {
        return Err(Error::invalid(format!(
            "{}:1: no name column; the header needs `nama` (or `name`), and may have no hp, email, kota, sumber, admin, tanggal, catatan",
            file.display()
        )));
    }
    let mut ignored: Vec<&str> = header
        .fields
        .iter()
        .zip(&columns)
        .filter(|(h, c)| c.is_none() && !h.trim().is_empty())
        .map(|(h, _)| h.as_str())
        .collect();
    ignored.dedup();
    if !ignored.is_empty() {
        eprintln!(
            "{}:1: {}: {}",
            file.display(),
            pick(lang, "kolom diabaikan", "columns ignored"),
            ignored.join(", ")
        );
    }
    let mut phones: HashMap<String, String> = shop
        .customers
        .iter()
        .filter_map(|c| c.phone.clone().map(|p| (p, c.id.clone())))
        .collect();
    let mut emails: BTreeSet<String> = shop
        .customers
        .iter()
        .filter_map(|c| c.email.clone())
        .map(|e| e.to_lowercase())
        .collect();
    let mut ids = all_ids(&shop.dir, RecordKind::Customer);
    let mut problems: Vec<String> = Vec::new();
    let mut skipped = 0;
    let mut plan: Vec<(PathBuf, String)> = Vec::new();
    let default_time = stamp(ctx.now, cfg);
    for row in rows {
        let mut c = NewCustomer::default();
        let mut fields: BTreeMap<&str, String> = BTreeMap::new();
        for (v, col) in row.fields.iter().zip(&columns) {
            if let Some(col) = col {
                if !v.trim().is_empty() {
                    fields.insert(col, v.trim().to_string());
                }
            }
        }
        let bad = |m: String| format!("{}:{}: {m}", file.display(), row.line);
        let Some(name) = fields.get("name").cloned() else {
            problems.push(bad(pick(lang, "nama kosong", "name is empty").to_string()));
            continue;
        };
        c.name = name;
        c.phone = fields.get("phone").cloned();
        c.email = fields.get("email").cloned();
        c.city = fields.get("city").cloned();
        c.source = fields.get("source").cloned();
        c.admin = fields.get("admin").cloned();
        c.note = fields.get("note").cloned();
        let first_contact = match fields.get("first_contact") {
            Some(d) => match spreadsheet_time(d, &cfg.timezone) {
                Ok(t) => t,
                Err(m) => {
                    problems.push(bad(m));
                    continue;
                }
            },
            None => default_time.clone(),
        };
        // Idempotent: a person already in the shop (same phone, else same email) is skipped.
        let phone = c.phone.as_deref().and_then(|p| normalize_phone(p).ok());
        if let Some(p) = &phone {
            if phones.contains_key(p) {
                skipped += 1;
                continue;
            }
        } else if let Some(e) = &c.email {
            if emails.contains(&e.to_lowercase()) {
                skipped += 1;
                continue;
            }
        }
        let id = free_id(&slug(&c.name), &|id| ids.contains(id));
        let rel = PathBuf::from(index::CUSTOMERS_DIR).join(format!("{id}.yaml"));
        let text = customer_text(&c, &first_contact);
        let (parsed, diags) = record::parse_customer(&id, Path::new("x"), &text, cfg);
        let errors: Vec<&Diagnostic> = diags.iter().filter(|d| d.is_error()).collect();
        if parsed.is_none() || !errors.is_empty() {
            for d in errors {
                problems.push(bad(d.message.clone()));
            }
            continue;
        }
        if let Some(p) = phone {
            phones.insert(p, id.clone());
        }
        if let Some(e) = &c.email {
            emails.insert(e.to_lowercase());
        }
        ids.insert(id);
        plan.push((rel, text));
    }
    for p in &problems {
        eprintln!("{p}");
    }
    if !problems.is_empty() && !opts.skip_bad {
        return Err(Error::invalid(match lang {
            Lang::Id => format!(
                "{} baris bermasalah; tidak ada yang ditulis (perbaiki, atau pakai --skip-bad)",
                problems.len()
            ),
            Lang::En => format!(
                "{} bad rows; nothing was written (fix them, or use --skip-bad)",
                problems.len()
            ),
        }));
    }
    for (rel, _) in &plan {
        let shown = shop.dir.shown(rel);
        if opts.dry_run {
            println!(
                "{} {}",
                pick(lang, "akan dibuat:", "would create:"),
                shown.display()
            );
        } else {
            println!("{}", shown.display());
        }
    }
    if !opts.dry_run {
        for (rel, text) in &plan {
            create_new(&shop.dir.root.join(rel), text.as_bytes())?;
        }
    }
    eprintln!(
        "{}",
        match lang {
            Lang::Id => format!(
                "{} {}, {skipped} dilewati (sudah ada), {} baris bermasalah",
                plan.len(),
                if opts.dry_run {
                    "akan dibuat"
                } else {
                    "dibuat"
                },
                problems.len()
            ),
            Lang::En => format!(
                "{} {}, {skipped} skipped (already there), {} bad rows",
                plan.len(),
                if opts.dry_run { "to create" } else { "created" },
                problems.len()
            ),
        }
    );
    Ok(if problems.is_empty() { 0 } else { EXIT_INVALID })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complaint_ids_and_headers() {
        let ids: BTreeSet<String> = ["2026-0001", "2026-0007-dewi", "2025-0040", "salah-kirim"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(next_complaint_id(&ids, 2026), "2026-0008");
        assert_eq!(next_complaint_id(&ids, 2027), "2027-0001");
        assert_eq!(header_field(" No HP "), Some("phone"));
        assert_eq!(header_field("Nama"), Some("name"));
        assert_eq!(header_field("first_contact"), Some("first_contact"));
        assert_eq!(header_field("WhatsApp"), Some("phone"));
        assert_eq!(header_field("umur"), None);
        let tz = jiff::tz::TimeZone::get("Asia/Jakarta").expect("tz");
        assert_eq!(
            spreadsheet_time("20/11/2026", &tz).as_deref(),
            Ok("2026-11-20 00:00")
        );
        assert_eq!(
            spreadsheet_time("5-1-2026 14:30", &tz).as_deref(),
            Ok("2026-01-05 14:30")
        );
        assert!(spreadsheet_time("kemarin", &tz).is_err());
    }
}
