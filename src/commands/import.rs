//! `import csv`: rows of a spreadsheet export become customer files. All
//! rows are checked before anything is written; a person already in the
//! shop is skipped. The files are staged and committed as a whole
//! (`io::staging`): an import that is killed leaves the shop with all of
//! its customers (finished by the next command) or none of them.

use super::new::{customer_text, free_id, NewCustomer};
use super::{stamp, Ctx};
use crate::error::{Error, Result, EXIT_INVALID};
use crate::io::csv::Row;
use crate::io::staging::{import_lock, Staging};
use crate::io::yaml_edit::slug;
use crate::lang::cli::{self, CliWord};
use crate::shop::config::{Config, Lang};
use crate::shop::index;
use crate::shop::record::{self, normalize_phone};
use crate::time::parse_time;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

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
    let rows = read_rows(file)?;
    let Some((header, rows)) = rows.split_first() else {
        return Err(Error::invalid(format!(
            "{}: the file is empty",
            file.display()
        )));
    };
    let columns = columns(file, header, lang)?;
    // Imports take turns; the one that waited sees what the other created.
    let _turn = if opts.dry_run {
        None
    } else {
        Some(import_lock(&shop.dir.root)?)
    };
    let mut known = Known::of(ctx);
    let mut problems: Vec<String> = Vec::new();
    let mut skipped = 0;
    let mut plan: Vec<(PathBuf, String)> = Vec::new();
    let default_time = stamp(ctx.now, cfg);
    for row in rows {
        let bad = |m: String| format!("{}:{}: {m}", file.display(), row.line);
        match plan_row(row, &columns, cfg, &default_time, &mut known) {
            Planned::Create(rel, text) => plan.push((rel, text)),
            Planned::Skip => skipped += 1,
            Planned::Bad(messages) => problems.extend(messages.into_iter().map(bad)),
        }
    }
    for p in &problems {
        eprintln!("{p}");
    }
    if !problems.is_empty() && !opts.skip_bad {
        return Err(Error::invalid(cli::import_refused(problems.len(), lang)));
    }
    if opts.dry_run {
        for (rel, _) in &plan {
            let shown = shop.dir.shown(rel);
            println!("{} {}", CliWord::WouldCreate.text(lang), shown.display());
        }
    } else if !plan.is_empty() {
        let mut staging = Staging::begin(&shop.dir.root)?;
        staging.stage(&plan)?;
        let placed = staging.commit()?;
        let mut stdout = String::new();
        for rel in &placed {
            stdout.push_str(&format!("{}\n", shop.dir.shown(rel).display()));
        }
        print!("{stdout}");
    }
    eprintln!(
        "{}",
        cli::import_summary(plan.len(), opts.dry_run, skipped, problems.len(), lang)
    );
    Ok(if problems.is_empty() { 0 } else { EXIT_INVALID })
}

/// The rows of a CSV file, the header first.
fn read_rows(file: &Path) -> Result<Vec<Row>> {
    let bytes = std::fs::read(file).map_err(|e| Error::io(file, &e))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::invalid(format!(
            "{}: not UTF-8 text; export the sheet as CSV UTF-8",
            file.display()
        ))
    })?;
    crate::io::csv::parse(&text)
        .map_err(|(line, m)| Error::invalid(format!("{}:{line}: {m}", file.display())))
}

/// The field of each column; there must be a name column. Columns it does
/// not know are named on stderr.
fn columns(file: &Path, header: &Row, lang: Lang) -> Result<Vec<Option<&'static str>>> {
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
            CliWord::ColumnsIgnored.text(lang),
            ignored.join(", ")
        );
    }
    Ok(columns)
}

/// The people in the shop and those planned so far: a row for one of them
/// (same phone, else same email) is skipped, so an import can run twice.
struct Known {
    phones: HashSet<String>,
    /// Lowercase.
    emails: BTreeSet<String>,
    /// Every customer file's id, broken ones too.
    ids: BTreeSet<String>,
}

impl Known {
    /// The loaded shop's people, and those of customer files that appeared
    /// since it was loaded (another import or `new` finished meanwhile).
    fn of(ctx: &Ctx) -> Known {
        let shop = &ctx.shop;
        let mut known = Known {
            phones: shop
                .customers
                .iter()
                .filter_map(|c| c.phone.clone())
                .collect(),
            emails: shop
                .customers
                .iter()
                .filter_map(|c| c.email.as_deref())
                .map(str::to_lowercase)
                .collect(),
            ids: BTreeSet::new(),
        };
        let (found, _) = index::walk_tree(&shop.dir, Path::new(index::CUSTOMERS_DIR));
        for f in &found {
            let Some(id) = index::record_id(&f.rel) else {
                continue;
            };
            if !shop.customer_index.contains_key(id) {
                if let (index::Parsed::Customer(c), _) =
                    index::parse_file(&shop.dir, &shop.config, f)
                {
                    known.phones.extend(c.phone.clone());
                    known
                        .emails
                        .extend(c.email.as_deref().map(str::to_lowercase));
                }
            }
            known.ids.insert(id.to_string());
        }
        known
    }
}

/// What becomes of one row.
enum Planned {
    /// A new customer file: its path and text.
    Create(PathBuf, String),
    /// The person is already there.
    Skip,
    /// What is wrong with it.
    Bad(Vec<String>),
}

fn plan_row(
    row: &Row,
    columns: &[Option<&str>],
    cfg: &Config,
    default_time: &str,
    known: &mut Known,
) -> Planned {
    let mut fields: BTreeMap<&str, String> = BTreeMap::new();
    for (v, col) in row.fields.iter().zip(columns) {
        if let Some(col) = col {
            if !v.trim().is_empty() {
                fields.insert(col, v.trim().to_string());
            }
        }
    }
    let Some(name) = fields.get("name").cloned() else {
        return Planned::Bad(vec![CliWord::NameEmpty.text(cfg.language).to_string()]);
    };
    let c = NewCustomer {
        name,
        phone: fields.get("phone").cloned(),
        email: fields.get("email").cloned(),
        city: fields.get("city").cloned(),
        source: fields.get("source").cloned(),
        admin: fields.get("admin").cloned(),
        note: fields.get("note").cloned(),
    };
    let first_contact = match fields.get("first_contact") {
        Some(d) => match spreadsheet_time(d, &cfg.timezone) {
            Ok(t) => t,
            Err(m) => return Planned::Bad(vec![m]),
        },
        None => default_time.to_string(),
    };
    let phone = c.phone.as_deref().and_then(|p| normalize_phone(p).ok());
    let email = c.email.as_deref().map(str::to_lowercase);
    let already = match (&phone, &email) {
        (Some(p), _) => known.phones.contains(p),
        (None, Some(e)) => known.emails.contains(e),
        (None, None) => false,
    };
    if already {
        return Planned::Skip;
    }
    let id = free_id(&slug(&c.name), &|id| known.ids.contains(id));
    let rel = PathBuf::from(index::CUSTOMERS_DIR).join(format!("{id}.yaml"));
    let text = customer_text(&c, &first_contact);
    let (parsed, diags) = record::parse_customer(&id, Path::new("x"), &text, cfg);
    let errors: Vec<String> = diags
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.message.clone())
        .collect();
    if parsed.is_none() || !errors.is_empty() {
        return Planned::Bad(errors);
    }
    known.phones.extend(phone);
    known.emails.extend(email);
    known.ids.insert(id);
    Planned::Create(rel, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_spreadsheet_dates() {
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
