//! `import customers FILE` (alias `import csv`, SPEC §10): the rows of a
//! spreadsheet (`.csv` or `.xlsx`, through `io::sheet`) become customer
//! files. Every row is read and checked before anything is written; a
//! person already in the shop (same phone, else same email) or earlier in
//! the file is not created again, so an import can run twice. Bad rows stop
//! the whole import unless `--skip-bad`. The files are staged and committed
//! as a whole (`io::staging`): an import that is killed leaves the shop with
//! all of its customers (finished by the next command) or none of them.

use super::{cells_of, ranges, read_book, ImportOptions, Out, RowAt};
use crate::commands::new::{customer_text_tagged, free_id, NewCustomer};
use crate::commands::{stamp, Ctx};
use crate::error::{Error, Result};
use crate::io::sheet::{self, date, phone, Book, Cell, Header, Variants};
use crate::io::staging::{import_lock, Staging};
use crate::io::yaml_edit::slug;
use crate::lang::import::{self as say, Existing, ImportWord, Listed, Same};
use crate::shop::config::{Config, Lang};
use crate::shop::index;
use crate::shop::record::{self, normalize_phone};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// What a column of a customer sheet holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Phone,
    Email,
    City,
    Source,
    Admin,
    FirstContact,
    Note,
    Tags,
}

/// The headers that name each field, Indonesian and English, as shops and
/// their spreadsheets write them (compared by `sheet::header_key`: case,
/// spaces and punctuation do not matter).
pub const HEADERS: &[Variants<Field>] = &[
    (
        Field::Name,
        &[
            "nama",
            "name",
            "nama pelanggan",
            "nama lengkap",
            "nama customer",
            "nama konsumen",
            "nama pembeli",
            "customer name",
            "full name",
            "customer",
            "pelanggan",
            "konsumen",
        ],
    ),
    (
        Field::Phone,
        &[
            "no hp",
            "nomor hp",
            "no wa",
            "nomor wa",
            "nomor whatsapp",
            "no whatsapp",
            "whatsapp",
            "wa",
            "hp",
            "handphone",
            "no handphone",
            "phone",
            "phone number",
            "mobile",
            "telepon",
            "no telepon",
            "nomor telepon",
            "telp",
            "no telp",
            "kontak",
            "no hp wa",
            "no wa hp",
        ],
    ),
    (
        Field::Email,
        &["email", "e-mail", "surel", "alamat email", "email address"],
    ),
    (
        Field::City,
        &[
            "kota",
            "domisili",
            "city",
            "kota kabupaten",
            "kabupaten",
            "kota domisili",
            "asal kota",
            "lokasi",
        ],
    ),
    (
        Field::Source,
        &[
            "sumber",
            "source",
            "sumber lead",
            "lead source",
            "sumber pelanggan",
            "asal lead",
            "sumber info",
        ],
    ),
    (
        Field::Admin,
        &["admin", "nama admin", "cs", "pic", "handled by"],
    ),
    (
        Field::FirstContact,
        &[
            "tanggal",
            "tgl",
            "tanggal chat",
            "tgl chat",
            "tanggal kontak",
            "tgl kontak",
            "tanggal kontak pertama",
            "tgl kontak pertama",
            "kontak pertama",
            "first contact",
            "date",
            "tanggal masuk",
            "tgl masuk",
            "tanggal daftar",
            "first chat",
            "first_contact",
        ],
    ),
    (
        Field::Note,
        &["catatan", "keterangan", "ket", "note", "notes", "komentar"],
    ),
    (Field::Tags, &["tags", "tag", "label", "labels", "minat"]),
];

/// Rows already in the shop named one by one up to this many; more are
/// said in one line of line ranges (a sheet that grows and is imported
/// again would otherwise fill the terminal).
const NAMED_ALREADY: usize = 10;

pub fn import_customers(ctx: &Ctx, file: &Path, opts: &ImportOptions) -> Result<i32> {
    let shop = &ctx.shop;
    let cfg = &shop.config;
    let lang = cfg.language;
    let shown = file.display().to_string();
    let book = read_book(file, &shown, lang)?;
    let sheets = headers(&book, &shown, lang)?;
    // Imports take turns; the one that waited sees what the other created.
    let _turn = if opts.dry_run {
        None
    } else {
        Some(import_lock(&shop.dir.root)?)
    };
    let mut known = Known::of(ctx);
    let now = stamp(ctx.now, cfg);
    let mut plan: Vec<(PathBuf, String)> = Vec::new();
    let mut bad_rows = 0;
    let mut in_shop: Vec<(Option<&str>, usize)> = Vec::new();
    let mut without_date = 0;
    let has_date_column = sheets
        .iter()
        .any(|(_, h)| h.fields.contains(&Some(Field::FirstContact)));
    let mut out = Out::new(&book, &shown, lang);
    // All of a file's dates one way: month first only when the file says so.
    let day_order = sheet::day_order_of(&sheets, |f| f == Field::FirstContact);
    for (s, header) in &sheets {
        let name = s.name.as_deref();
        for row in s.rows.iter().skip(header.index + 1) {
            if row.is_blank() {
                continue;
            }
            let r = RowAt { sheet: name, row };
            match plan_row(&r, header, cfg, &now, day_order, &mut known) {
                Planned::Create { rel, text, dated } => {
                    without_date += usize::from(!dated);
                    plan.push((rel, text));
                }
                Planned::Already { why, in_file } => {
                    if !in_file {
                        in_shop.push((name, row.line));
                    }
                    out.skipped(&r, &why, !in_file);
                }
                Planned::Bad(problems) => {
                    bad_rows += 1;
                    for (cell, message) in problems {
                        out.error(&r, cell, &message);
                    }
                }
            }
        }
    }
    let skipped = out.skipped_count;
    let many = (in_shop.len() > NAMED_ALREADY)
        .then(|| say::many_already(&shown, in_shop.len(), &ranges(&in_shop, lang), lang));
    out.flush(many);
    if bad_rows > 0 && !opts.skip_bad {
        return Err(Error::invalid(say::import_refused(bad_rows, lang)));
    }
    if opts.dry_run {
        let mut stdout = String::new();
        for (rel, text) in &plan {
            let path = shop.dir.shown(rel);
            stdout.push_str(&format!(
                "{} {}\n",
                ImportWord::WouldCreate.text(lang),
                path.display()
            ));
            for line in text.lines() {
                stdout.push_str(&format!("    {line}\n"));
            }
        }
        print!("{stdout}");
    } else if !plan.is_empty() {
        let mut staging = Staging::begin(&shop.dir.root)?;
        staging.stage(&plan)?;
        super::commit_and_show(staging, &shop.dir)?;
    }
    if !plan.is_empty() {
        if !has_date_column {
            eprintln!("{}", say::no_date_column(&now, lang));
        } else if without_date > 0 {
            eprintln!("{}", say::rows_without_date(without_date, &now, lang));
        }
    }
    eprintln!(
        "{}",
        say::import_summary(plan.len(), opts.dry_run, skipped, bad_rows, lang)
    );
    Ok(0)
}

/// Each sheet with a name column and its header; the columns no field is
/// named by, and the sheets without a name column, are said once.
fn headers<'b>(
    book: &'b Book,
    shown: &str,
    lang: Lang,
) -> Result<Vec<(&'b sheet::Sheet, Header<Field>)>> {
    let mut found = Vec::new();
    let mut left_out = Vec::new();
    for s in &book.sheets {
        let Some(first) = s.rows.iter().find(|r| !r.is_blank()) else {
            continue;
        };
        match sheet::find_header(s, HEADERS, Field::Name) {
            Some(h) => found.push((s, h)),
            None => left_out.push((s, first.line)),
        }
    }
    let place = |s: &sheet::Sheet, line: usize| match &s.name {
        Some(name) => say::workbook_place(shown, name, line, None, lang),
        None => format!("{shown}:{line}"),
    };
    if found.is_empty() {
        return Err(Error::invalid(match left_out.first() {
            Some((s, line)) => say::no_name_column(&place(s, *line), lang),
            None => say::empty_file(shown, lang),
        }));
    }
    for (s, _) in &left_out {
        if let Some(name) = &s.name {
            eprintln!("{}", say::sheet_left_out(shown, name, lang));
        }
    }
    for (s, h) in &found {
        if !h.ignored.is_empty() {
            eprintln!(
                "{}: {}: {}",
                place(s, s.rows[h.index].line),
                ImportWord::ColumnsIgnored.text(lang),
                h.ignored.join(", ")
            );
        }
    }
    Ok(found)
}

/// Where a person already is: a customer file, or an earlier row.
#[derive(Clone)]
enum Origin {
    Shop(String),
    Row(String),
}

/// The people in the shop and those planned so far: a row for one of them
/// (same phone, else same email; a row with neither, the same name as one
/// with neither) is skipped, so an import can run twice.
struct Known {
    phones: HashMap<String, Origin>,
    /// Lowercase.
    emails: HashMap<String, Origin>,
    /// Lowercase names of the people with neither phone nor email.
    names: HashMap<String, Origin>,
    /// Every customer file's id, broken ones too.
    ids: BTreeSet<String>,
}

impl Known {
    /// The loaded shop's people, and those of customer files that appeared
    /// since it was loaded (another import or `new` finished meanwhile).
    fn of(ctx: &Ctx) -> Known {
        let shop = &ctx.shop;
        let origin = |path: &Path| Origin::Shop(shop.dir.shown(path).display().to_string());
        let mut known = Known {
            phones: HashMap::new(),
            emails: HashMap::new(),
            names: HashMap::new(),
            ids: BTreeSet::new(),
        };
        for c in &shop.customers {
            known.add(c, || origin(&c.path));
        }
        let (found, _) = index::walk_tree(&shop.dir, Path::new(index::CUSTOMERS_DIR));
        for f in &found {
            let Some(id) = index::record_id(&f.rel) else {
                continue;
            };
            if !shop.customer_index.contains_key(id) {
                if let (index::Parsed::Customer(c), _) =
                    index::parse_file(&shop.dir, &shop.config, f)
                {
                    known.add(&c, || origin(&f.rel));
                }
            }
            known.ids.insert(id.to_string());
        }
        known
    }

    fn add(&mut self, c: &record::Customer, origin: impl Fn() -> Origin) {
        if let Some(p) = &c.phone {
            self.phones.entry(p.clone()).or_insert_with(&origin);
        }
        if let Some(e) = &c.email {
            self.emails.entry(e.to_lowercase()).or_insert_with(&origin);
        }
        if c.phone.is_none() && c.email.is_none() {
            self.names.entry(name_key(&c.name)).or_insert_with(&origin);
        }
    }
}

/// A name as compared: lowercase, spaces collapsed.
fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// What becomes of one row.
enum Planned<'a> {
    /// A new customer file: its path and text; `dated` when the row gave
    /// the first contact.
    Create {
        rel: PathBuf,
        text: String,
        dated: bool,
    },
    /// The person is already there (in the shop, or earlier in the file).
    Already { why: String, in_file: bool },
    /// What is wrong with it, each at its cell when there is one.
    Bad(Vec<(Option<&'a Cell>, String)>),
}

/// The spelling shop.toml has for a source or admin, whatever the case.
fn listed<'c>(value: &str, list: &'c [String]) -> Option<&'c str> {
    list.iter()
        .find(|k| k.trim().to_lowercase() == value.trim().to_lowercase())
        .map(String::as_str)
}

fn plan_row<'a>(
    r: &RowAt<'a>,
    header: &Header<Field>,
    cfg: &Config,
    now: &str,
    day_order: date::DayOrder,
    known: &mut Known,
) -> Planned<'a> {
    let lang = cfg.language;
    let cells = cells_of(r.row, header);
    let text = |f: Field| cells.get(&f).and_then(|(_, c)| c.value.text());
    // A problem with a field's cell, said with its column's header.
    let at = |f: Field, message: String, bad: &mut Vec<(Option<&'a Cell>, String)>| match cells
        .get(&f)
    {
        Some((i, c)) => bad.push((Some(*c), say::in_column(&header.name(*i), &message, lang))),
        None => bad.push((None, message)),
    };
    let mut bad: Vec<(Option<&'a Cell>, String)> = Vec::new();
    let name = text(Field::Name);
    if name.is_none() {
        at(
            Field::Name,
            ImportWord::NameEmpty.text(lang).to_string(),
            &mut bad,
        );
    }
    let phone = match cells
        .get(&Field::Phone)
        .and_then(|(_, c)| phone::of_cell(&c.value))
    {
        None => None,
        Some(phone::Phone::Text(t)) => {
            if normalize_phone(&t).is_err() {
                at(Field::Phone, say::not_a_phone(&t, lang), &mut bad);
            }
            Some(t)
        }
        Some(phone::Phone::Lost(t)) => {
            at(Field::Phone, say::phone_lost(&t, lang), &mut bad);
            None
        }
        Some(phone::Phone::Invalid(t)) => {
            at(Field::Phone, say::not_a_phone(&t, lang), &mut bad);
            None
        }
    };
    let pick_listed = |f: Field, what: Listed, list: &[String], bad: &mut Vec<_>| {
        let v = text(f)?;
        if list.is_empty() {
            return Some(v);
        }
        match listed(&v, list) {
            Some(k) => Some(k.to_string()),
            None => {
                let hint = crate::text::suggest(&v, list.iter().map(String::as_str));
                at(f, say::unknown_name(what, &v, hint, list, lang), bad);
                None
            }
        }
    };
    let source = pick_listed(Field::Source, Listed::Source, &cfg.sources, &mut bad);
    let admin = pick_listed(Field::Admin, Listed::Admin, &cfg.admins, &mut bad);
    let first_contact = match cells.get(&Field::FirstContact) {
        None => None,
        Some((_, c)) => match date::of_cell(&c.value, day_order) {
            Some(d) => Some(d.strftime("%Y-%m-%d %H:%M").to_string()),
            None => {
                let shown = c.value.text().unwrap_or_default();
                at(Field::FirstContact, say::not_a_date(&shown, lang), &mut bad);
                None
            }
        },
    };
    let tags: Vec<String> = text(Field::Tags)
        .map(|t| {
            let mut seen = Vec::new();
            for w in t.split([',', ';']).map(str::trim).filter(|w| !w.is_empty()) {
                if !seen.iter().any(|s: &String| s == w) {
                    seen.push(w.to_string());
                }
            }
            seen
        })
        .unwrap_or_default();
    let Some(name) = name else {
        return Planned::Bad(bad);
    };
    if !bad.is_empty() {
        return Planned::Bad(bad);
    }
    let c = NewCustomer {
        name,
        phone,
        email: text(Field::Email),
        city: text(Field::City),
        source,
        admin,
        note: text(Field::Note),
    };
    let e164 = c.phone.as_deref().and_then(|p| normalize_phone(p).ok());
    let email = c.email.as_deref().map(str::to_lowercase);
    let name = name_key(&c.name);
    let found = match (&e164, &email) {
        (Some(p), _) => known.phones.get(p).map(|o| (Same::Phone, o)),
        (None, Some(e)) => known.emails.get(e).map(|o| (Same::Email, o)),
        (None, None) => known.names.get(&name).map(|o| (Same::Name, o)),
    };
    if let Some((same, origin)) = found {
        let (existing, in_file) = match origin {
            Origin::Shop(p) => (Existing::Shop(p), false),
            Origin::Row(at) => (Existing::Row(at), true),
        };
        return Planned::Already {
            why: say::already(&c.name, same, existing, lang),
            in_file,
        };
    }
    let dated = first_contact.is_some();
    let first_contact = first_contact.unwrap_or_else(|| now.to_string());
    let id = free_id(&slug(&c.name), &|id| known.ids.contains(id));
    let rel = PathBuf::from(index::CUSTOMERS_DIR).join(format!("{id}.yaml"));
    let text = customer_text_tagged(&c, &first_contact, &tags);
    let (parsed, diags) = record::parse_customer(&id, Path::new("x"), &text, cfg);
    let mut errors: Vec<(Option<&'a Cell>, String)> = Vec::new();
    for d in diags.iter().filter(|d| d.is_error()) {
        {
            // The field of the written line the problem is on, and its cell.
            let key = text
                .lines()
                .nth((d.line as usize).saturating_sub(1))
                .and_then(|l| l.split_once(':'))
                .map(|(k, _)| k);
            let field = match key {
                Some("name") => Some(Field::Name),
                Some("phone") => Some(Field::Phone),
                Some("email") => Some(Field::Email),
                Some("city") => Some(Field::City),
                Some("source") => Some(Field::Source),
                Some("admin") => Some(Field::Admin),
                Some("first_contact") => Some(Field::FirstContact),
                Some("note") => Some(Field::Note),
                Some("tags") => Some(Field::Tags),
                _ => None,
            };
            match field {
                Some(f) => at(f, d.message.clone(), &mut errors),
                None => errors.push((None, d.message.clone())),
            }
        }
    }
    if parsed.is_none() || !errors.is_empty() {
        return Planned::Bad(errors);
    }
    let here = Origin::Row(say::row_ref(r.sheet, &r.row.line.to_string(), lang));
    match (e164, email) {
        (None, None) => {
            known.names.insert(name, here);
        }
        (p, e) => {
            if let Some(p) = p {
                known.phones.insert(p, here.clone());
            }
            if let Some(e) = e {
                known.emails.entry(e).or_insert(here);
            }
        }
    }
    known.ids.insert(id);
    Planned::Create { rel, text, dated }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sheet::{field_of, header_key};

    #[test]
    fn headers_people_write_name_their_fields() {
        let cases = [
            (
                Field::Name,
                &["Nama", "NAME", " nama pelanggan ", "Nama_Lengkap"][..],
            ),
            (
                Field::Phone,
                &[
                    "No HP",
                    "no. hp",
                    "No. WA",
                    "no wa",
                    "Nomor WhatsApp",
                    "WhatsApp",
                    "phone",
                    "Telepon",
                    "HP",
                    "No. HP (WA)",
                    "NO_HP",
                ],
            ),
            (Field::Email, &["Email", "E-mail"]),
            (Field::City, &["Kota", "Domisili", "City"]),
            (Field::Source, &["Sumber", "source"]),
            (Field::Admin, &["Admin"]),
            (
                Field::FirstContact,
                &[
                    "Tanggal",
                    "Tanggal Chat",
                    "Tgl. Kontak Pertama",
                    "First Contact",
                    "date",
                    "first_contact",
                ],
            ),
            (Field::Note, &["Catatan", "Keterangan", "Note"]),
            (Field::Tags, &["Tags", "tag", "Label"]),
        ];
        for (field, headers) in cases {
            for h in headers {
                assert_eq!(field_of(h, HEADERS), Some(field), "{h}");
            }
        }
        assert_eq!(field_of("Umur", HEADERS), None);
        // No header names two fields.
        let mut seen = std::collections::HashMap::new();
        for (field, names) in HEADERS {
            for n in *names {
                if let Some(other) = seen.insert(header_key(n), *field) {
                    assert_eq!(other, *field, "{n} names two fields");
                }
            }
        }
    }
}
