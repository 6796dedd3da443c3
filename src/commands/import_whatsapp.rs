//! `import whatsapp FILE…`: WhatsApp chat exports become `inbound`
//! interactions (SPEC §10). Each run of customer messages is one `inbound`
//! at its first message, `replied` at the shop's first answer after it.
//!
//! Every file is read and planned before anything is written: the plan for
//! one chat is a pure function of its messages and the customer's record
//! ([`plan`]); the edits are the `log` machinery's byte-preserving appends
//! (`io::yaml_edit`), each new text parsed back and compared with the old
//! record plus exactly the planned interactions; then all changed and new
//! files are committed as one (`io::staging`), so the shop gets the whole
//! import or none of it.

use super::new::{customer_text, free_id, NewCustomer};
use super::Ctx;
use crate::error::{Diagnostic, Error, Result};
use crate::io::atomic::Lock;
use crate::io::staging::{import_lock, Staging};
use crate::io::whatsapp::{self, BadLine, Body, Chat, ReadError};
use crate::io::yaml_edit::{append_interactions, scalar, set_item_fields, slug};
use crate::lang::whatsapp::{self as words, Counts, Problem};
use crate::shop::config::Config;
use crate::shop::hash::fnv1a;
use crate::shop::index::{self, Found, Parsed, RecordKind};
use crate::shop::record::{normalize_phone, Customer, Ev, Interaction, Kind};
use jiff::civil::DateTime;
use jiff::Timestamp;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

pub struct WhatsappOptions {
    /// `--customer ID`: every file is this customer's chat.
    pub customer: Option<String>,
    /// `--me NAME`: the shop's name in the chats.
    pub me: Option<String>,
    /// `--by ADMIN`: who answered, written as `by`.
    pub by: Option<String>,
    pub dry_run: bool,
    pub skip_bad: bool,
}

// ---------------------------------------------------------------- the plan

/// One message as the plan sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg<'a> {
    pub at: Timestamp,
    /// The time as the phone wrote it (and the record will).
    pub civil: DateTime,
    /// Written by the customer (else by the shop).
    pub customer: bool,
    /// The text of a text message (not of a media placeholder).
    pub text: Option<&'a str>,
}

/// An `inbound` to append.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInbound {
    pub at: Timestamp,
    pub stamp: String,
    /// The shop's first answer after the run: (time, as written).
    pub replied: Option<(Timestamp, String)>,
    pub note: Option<String>,
}

/// What one chat changes in one customer's record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub add: Vec<NewInbound>,
    /// (position in the record's interactions, replied, as written): a run
    /// recorded before without an answer that now has one.
    pub fill: Vec<(usize, Timestamp, String)>,
    /// Runs already recorded (nothing to do).
    pub known: usize,
}

/// The runs of a chat: each maximal sequence of customer messages, with
/// the shop's first message after it.
fn runs(msgs: &[Msg]) -> Vec<NewInbound> {
    let mut out: Vec<NewInbound> = Vec::new();
    let mut open = false;
    for m in msgs {
        if m.customer {
            if open {
                // The note comes from the run's first message with words.
                let run = out.last_mut().filter(|r| r.note.is_none());
                if let Some(r) = run {
                    r.note = m.text.and_then(note_of);
                }
            } else {
                out.push(NewInbound {
                    at: m.at,
                    stamp: stamp_of(m.civil),
                    replied: None,
                    note: m.text.and_then(note_of),
                });
                open = true;
            }
        } else if open {
            if let Some(r) = out.last_mut() {
                r.replied = Some((m.at, stamp_of(m.civil)));
            }
            open = false;
        }
    }
    out
}

/// Is this recorded interaction the run starting at `at`? The same time,
/// or the same minute for one written to the minute (by hand, or from a
/// phone that exports minutes) when the run has seconds.
fn same_start(i: &Interaction, at: Timestamp) -> bool {
    let it = i.at.t.as_second();
    let at = at.as_second();
    it == at || (it % 60 == 0 && at.div_euclid(60) * 60 == it)
}

/// The pure heart of the import: a chat's messages and the customer's
/// interactions → what to add and what to fill in. A run already recorded
/// (an `inbound` at its start, each matched once) is not added again; its
/// `replied`, when the record lacks it and the chat now has it, is filled.
/// A `replied` a person wrote is never changed.
pub fn plan(msgs: &[Msg], existing: &[Interaction]) -> Plan {
    let mut used = vec![false; existing.len()];
    let mut p = Plan::default();
    for run in runs(msgs) {
        let found = existing
            .iter()
            .enumerate()
            .find(|(i, e)| !used[*i] && e.kind == Kind::Inbound && same_start(e, run.at));
        match found {
            Some((i, e)) => {
                used[i] = true;
                p.known += 1;
                if let (None, Some((t, s))) = (&e.replied, &run.replied) {
                    if t.as_second() >= e.at.t.as_second() {
                        p.fill.push((i, *t, s.clone()));
                    }
                }
            }
            None => p.add.push(run),
        }
    }
    p
}

/// The note of a message: its first line, spaces collapsed, at most 80
/// characters.
pub fn note_of(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let words: Vec<&str> = line.split_whitespace().collect();
    let joined = words.join(" ");
    const MAX: usize = 80;
    if joined.chars().count() <= MAX {
        return Some(joined);
    }
    let cut: String = joined.chars().take(MAX - 1).collect();
    Some(format!("{}…", cut.trim_end()))
}

/// How a chat's time is written in a record: to the minute, with seconds
/// when the export has them.
fn stamp_of(t: DateTime) -> String {
    let mut s = format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute()
    );
    if t.second() != 0 {
        s.push_str(&format!(":{:02}", t.second()));
    }
    s
}

// ---------------------------------------------------------------- who is who

/// A name as compared: case and spacing do not matter.
fn norm(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A sender that is a phone number (`+62 812-3456-7890`), normalised.
fn phone_of(sender: &str) -> Option<String> {
    let looks = sender.chars().any(|c| c.is_ascii_digit())
        && sender
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    looks.then(|| normalize_phone(sender).ok()).flatten()
}

/// A customer being changed by this import: where its file is, the bytes
/// read (None for a new file), its text so far and the record that text
/// must read back as.
struct Work {
    rel: PathBuf,
    base: Option<Vec<u8>>,
    text: String,
    /// Positionless: the old record plus every planned change.
    expected: Customer,
    /// The record as last parsed from `text` (with its lines), and whether
    /// `text` changed since.
    parsed: Customer,
    dirty: bool,
    /// Dry run: what would be written, in order.
    shown: Vec<String>,
}

/// The shop as this import sees it: its customers, those it creates, and
/// who can be found by phone or name.
struct State<'a> {
    ctx: &'a Ctx,
    by_phone: HashMap<String, String>,
    by_name: HashMap<String, Vec<String>>,
    /// Every customer file's id (broken ones too) and the ids planned.
    ids: BTreeSet<String>,
    works: BTreeMap<String, Work>,
    created: BTreeSet<String>,
}

impl<'a> State<'a> {
    fn new(ctx: &'a Ctx) -> State<'a> {
        let shop = &ctx.shop;
        let mut by_phone = HashMap::new();
        let mut by_name: HashMap<String, Vec<String>> = HashMap::new();
        for c in &shop.customers {
            if let Some(p) = &c.phone {
                by_phone.entry(p.clone()).or_insert_with(|| c.id.clone());
            }
            by_name.entry(norm(&c.name)).or_default().push(c.id.clone());
        }
        State {
            ctx,
            by_phone,
            by_name,
            ids: super::new::all_ids(&shop.dir, RecordKind::Customer),
            works: BTreeMap::new(),
            created: BTreeSet::new(),
        }
    }

    fn find_name(&self, name: &str) -> std::result::Result<Option<String>, Problem> {
        match self.by_name.get(&norm(name)).map(Vec::as_slice) {
            None | Some([]) => Ok(None),
            Some([one]) => Ok(Some(one.clone())),
            Some(many) => Err(Problem::AmbiguousName(name.to_string(), many.to_vec())),
        }
    }

    /// The work on an existing customer, read from disk the first time.
    fn work(&mut self, id: &str) -> std::result::Result<&mut Work, Problem> {
        if !self.works.contains_key(id) {
            let w = self.open(id)?;
            self.works.insert(id.to_string(), w);
        }
        self.works
            .get_mut(id)
            .ok_or_else(|| Problem::CannotEdit(id.to_string()))
    }

    fn open(&self, id: &str) -> std::result::Result<Work, Problem> {
        let shop = &self.ctx.shop;
        let cfg = &shop.config;
        let Some(c) = shop.customer(id) else {
            return Err(Problem::CannotEdit(id.to_string()));
        };
        let shown = shop.dir.shown(&c.path);
        let has_errors = || Problem::RecordHasErrors(shown.display().to_string());
        let bytes = std::fs::read(shop.dir.root.join(&c.path))
            .map_err(|e| Problem::Unreadable(crate::error::describe_io(&e)))?;
        let text = crate::shop::record::decode_in(&shown, &bytes, cfg.language)
            .map_err(|_| has_errors())?;
        let in_error = shop
            .diagnostics
            .iter()
            .any(|d| d.is_error() && d.path == shown);
        if in_error {
            return Err(has_errors());
        }
        // The loaded record is this text's unless the file changed since.
        let parsed = if c.source_hash == fnv1a(text.as_bytes()) {
            c.clone()
        } else {
            parse_clean(&c.path, &shown, &text, cfg).ok_or_else(has_errors)?
        };
        Ok(Work {
            rel: c.path.clone(),
            base: Some(bytes),
            text,
            expected: parsed.positionless(),
            parsed,
            dirty: false,
            shown: Vec::new(),
        })
    }
}

/// The customer in `text`, when it reads without errors.
fn parse_clean(rel: &Path, shown: &Path, text: &str, cfg: &Config) -> Option<Customer> {
    let f = Found {
        kind: RecordKind::Customer,
        rel: rel.to_path_buf(),
    };
    match index::parse_text(&f, shown, text, cfg) {
        (Parsed::Customer(c), diags) if !diags.iter().any(Diagnostic::is_error) => {
            Some((*c).clone())
        }
        _ => None,
    }
}

// ---------------------------------------------------------------- one file

/// What one export did.
#[derive(Default)]
struct FileDone {
    added: usize,
    filled: usize,
    known: usize,
}

/// Where a chat goes.
enum Target {
    Existing(String),
    New(NewCustomer),
}

/// Reads and parses one export (pure but for the read: run in parallel).
fn read_chat(path: &Path) -> std::result::Result<(Chat, Option<String>), Problem> {
    let export = whatsapp::read_export(path).map_err(|e| match e {
        ReadError::Io(e) => Problem::Unreadable(crate::error::describe_io(&e)),
        ReadError::NotText => Problem::NotText,
        ReadError::BadZip(m) => Problem::BadZip(m),
        ReadError::NoChatInZip => Problem::NoChatInZip,
    })?;
    Ok((whatsapp::parse(&export.text), export.chat_name))
}

fn import_file(
    st: &mut State,
    path: &Path,
    read: std::result::Result<(Chat, Option<String>), Problem>,
    opts: &WhatsappOptions,
    by: Option<&str>,
    problems: &mut Vec<String>,
    notes: &mut Vec<String>,
) -> std::result::Result<FileDone, Problem> {
    let cfg = &st.ctx.shop.config;
    let lang = cfg.language;
    let shown = path.display().to_string();
    let (chat, chat_name) = read?;
    for (line, bad) in &chat.bad {
        let p = match bad {
            BadLine::BeforeFirstMessage => Problem::BeforeFirstMessage,
            BadLine::BadDate(d) => Problem::BadDate(d.clone()),
        };
        problems.push(format!("{shown}:{line}: {}", p.text(lang)));
    }
    let (shop_side, customer_side) = sides(&chat, cfg, opts)?;
    if customer_side.is_empty() {
        notes.push(format!("{shown}: {}", words::no_customer_messages(lang)));
        return Ok(FileDone::default());
    }
    if customer_side.len() > 1 && opts.customer.is_none() {
        return Err(Problem::Group(customer_side));
    }
    let msgs = messages(&chat, &shop_side, &cfg.timezone);
    let Some(first) = msgs.first().cloned() else {
        return Err(Problem::NoMessages);
    };
    let target = match &opts.customer {
        Some(id) => Target::Existing(id.clone()),
        None => find_customer(st, &customer_side[0], chat_name.as_deref())?,
    };
    let id = match target {
        Target::Existing(id) => {
            let ctx = st.ctx;
            let w = st.work(&id)?;
            let fc = w.expected.first_contact.t;
            if first.at < fc {
                let tz = &cfg.timezone;
                notes.push(words::earlier_than_first_contact(
                    &ctx.shop.dir.shown(&w.rel).display().to_string(),
                    &stamp_of(first.civil),
                    &crate::time::short(fc, tz),
                    lang,
                ));
            }
            id
        }
        Target::New(mut c) => {
            let id = free_id(&slug(&c.name), &|id| st.ids.contains(id));
            c.admin = by.map(str::to_string);
            if cfg.sources.is_empty() || cfg.sources.iter().any(|s| s == "whatsapp") {
                c.source = Some("whatsapp".into());
            }
            let rel = PathBuf::from(index::CUSTOMERS_DIR).join(format!("{id}.yaml"));
            let text = customer_text(&c, &stamp_of(first.civil));
            let shown_new = st.ctx.shop.dir.shown(&rel);
            let parsed = parse_clean(&rel, &shown_new, &text, cfg)
                .ok_or_else(|| Problem::CannotEdit(c.name.clone()))?;
            let phone = parsed.phone.clone();
            let name = norm(&parsed.name);
            let mut w = Work {
                rel,
                base: None,
                text,
                expected: parsed.positionless(),
                parsed,
                dirty: false,
                shown: Vec::new(),
            };
            let done = apply(&mut w, &msgs, by, cfg)?;
            if let Some(p) = phone {
                st.by_phone.insert(p, id.clone());
            }
            st.by_name.entry(name).or_default().push(id.clone());
            st.ids.insert(id.clone());
            st.created.insert(id.clone());
            st.works.insert(id, w);
            return Ok(done);
        }
    };
    let w = st.work(&id)?;
    apply(w, &msgs, by, cfg)
}

/// Which senders are the shop and which the customer. The shop is `--me`,
/// else `[shop] whatsapp_name`, else a sender named like an admin.
fn sides(
    chat: &Chat,
    cfg: &Config,
    opts: &WhatsappOptions,
) -> std::result::Result<(Vec<String>, Vec<String>), Problem> {
    let senders: Vec<String> = chat.senders().into_iter().map(str::to_string).collect();
    if senders.is_empty() {
        return Err(Problem::NoMessages);
    }
    let mut names: Vec<String> = Vec::new();
    names.extend(opts.me.as_deref().map(norm));
    if opts.me.is_none() {
        names.extend(cfg.whatsapp_name.as_deref().map(norm));
    }
    let admin = |s: &str| {
        cfg.admins
            .iter()
            .any(|a| norm(a) == norm(s) || *a == slug(s))
    };
    let (shop, customer): (Vec<String>, Vec<String>) = senders
        .iter()
        .cloned()
        .partition(|s| names.contains(&norm(s)) || (opts.me.is_none() && admin(s)));
    if shop.is_empty() && names.is_empty() {
        return Err(Problem::WhoIsTheShop(senders));
    }
    Ok((shop, customer))
}

/// The chat's messages as the plan sees them: real messages (not system
/// lines, not deleted ones), in file order.
fn messages<'a>(chat: &'a Chat, shop_side: &[String], tz: &jiff::tz::TimeZone) -> Vec<Msg<'a>> {
    chat.messages
        .iter()
        .filter(|m| matches!(m.body, Body::Text | Body::Media))
        .filter_map(|m| {
            let at = crate::time::civil_to_timestamp(m.at, tz)?;
            let from_shop = m.sender.as_ref().is_some_and(|s| shop_side.contains(s));
            Some(Msg {
                at,
                civil: m.at,
                customer: !from_shop,
                text: (m.body == Body::Text).then_some(m.text.as_str()),
            })
        })
        .collect()
}

/// The customer whose phone or name is the other sender, else the one the
/// file name names, else a new one.
fn find_customer(
    st: &State,
    sender: &str,
    chat_name: Option<&str>,
) -> std::result::Result<Target, Problem> {
    let phone = phone_of(sender);
    if let Some(p) = &phone {
        if let Some(id) = st.by_phone.get(p) {
            return Ok(Target::Existing(id.clone()));
        }
    } else if let Some(id) = st.find_name(sender)? {
        return Ok(Target::Existing(id));
    }
    if let Some(name) = chat_name.filter(|n| phone_of(n).is_none()) {
        if let Some(id) = st.find_name(name)? {
            return Ok(Target::Existing(id));
        }
    }
    let name = match (&phone, chat_name) {
        (Some(_), Some(n)) if phone_of(n).is_none() => n.to_string(),
        _ => sender.to_string(),
    };
    Ok(Target::New(NewCustomer {
        name,
        phone: phone.map(|_| sender.to_string()),
        ..NewCustomer::default()
    }))
}

/// Plans one chat against the customer's record and makes the edits on
/// its text; on an error the work is as it was.
fn apply(
    w: &mut Work,
    msgs: &[Msg],
    by: Option<&str>,
    cfg: &Config,
) -> std::result::Result<FileDone, Problem> {
    if w.dirty {
        // An earlier file of this import changed the text: its lines moved.
        let shown = PathBuf::from(&w.rel);
        w.parsed = parse_clean(&w.rel, &shown, &w.text, cfg)
            .ok_or_else(|| Problem::CannotEdit(w.rel.display().to_string()))?;
        w.dirty = false;
    }
    let p = plan(msgs, &w.parsed.interactions);
    let mut text = w.text.clone();
    let mut expected = w.expected.clone();
    let mut shown: Vec<String> = Vec::new();
    // Fills from the bottom up, so the lines above stay where they are.
    let mut fills = p.fill.clone();
    fills.sort_by_key(|(i, _, _)| std::cmp::Reverse(w.parsed.interactions[*i].line));
    for (i, t, s) in &fills {
        let line = w.parsed.interactions[*i].line;
        text = set_item_fields(&text, line as usize, "at", &[("replied", s.clone())])
            .map_err(|_| Problem::CannotEdit(format!("{}:{line}", w.rel.display())))?;
        expected.interactions[*i].replied = Some(ev(*t));
        shown.push(format!("{line}\treplied\t{s}"));
    }
    let items: Vec<Vec<(&str, String)>> = p
        .add
        .iter()
        .map(|r| {
            let mut f: Vec<(&str, String)> =
                vec![("at", r.stamp.clone()), ("kind", "inbound".into())];
            if let Some(b) = by {
                f.push(("by", scalar(b)));
            }
            f.push(("channel", "whatsapp".into()));
            if let Some(n) = &r.note {
                f.push(("note", scalar(n)));
            }
            if let Some((_, s)) = &r.replied {
                f.push(("replied", s.clone()));
            }
            f
        })
        .collect();
    if !items.is_empty() {
        let refs: Vec<&[(&str, String)]> = items.iter().map(Vec::as_slice).collect();
        text = append_interactions(&text, &refs).map_err(|_| Problem::OneLineList)?;
    }
    for (r, f) in p.add.iter().zip(&items) {
        expected.interactions.push(Interaction {
            line: 0,
            at: ev(r.at),
            kind: Kind::Inbound,
            by: by.map(str::to_string),
            channel: Some("whatsapp".into()),
            note: r.note.clone(),
            replied: r.replied.as_ref().map(|(t, _)| ev(*t)),
        });
        let mut lines = String::new();
        for (i, (k, v)) in f.iter().enumerate() {
            lines.push_str(if i == 0 { "  - " } else { "    " });
            lines.push_str(&format!("{k}: {v}\n"));
        }
        shown.push(lines);
    }
    w.expected = expected;
    w.shown.extend(shown);
    if text != w.text {
        w.text = text;
        w.dirty = true;
    }
    Ok(FileDone {
        added: p.add.len(),
        filled: p.fill.len(),
        known: p.known,
    })
}

fn ev(t: Timestamp) -> Ev {
    Ev { t, line: 0, col: 0 }
}

// ---------------------------------------------------------------- the command

pub fn import_whatsapp(ctx: &Ctx, files: &[PathBuf], opts: &WhatsappOptions) -> Result<i32> {
    let shop = &ctx.shop;
    let cfg = &shop.config;
    let lang = cfg.language;
    let by = match &opts.by {
        Some(b) if !cfg.admins.is_empty() => Some(
            cfg.admins
                .iter()
                .find(|a| a.eq_ignore_ascii_case(b.trim()))
                .cloned()
                .ok_or_else(|| Error::usage(words::unknown_admin(b, &cfg.admins, lang)))?,
        ),
        Some(b) => Some(b.trim().to_string()),
        None => None,
    };
    if let Some(id) = &opts.customer {
        if shop.customer(id).is_none() {
            let hint = crate::text::did_you_mean_in(
                id,
                shop.customers.iter().map(|c| c.id.as_str()),
                lang,
            );
            return Err(Error::usage(words::unknown_customer(id, &hint, lang)));
        }
    }
    // Imports take turns; the one that waited sees what the other wrote.
    let _turn = if opts.dry_run {
        None
    } else {
        Some(import_lock(&shop.dir.root)?)
    };
    let mut st = State::new(ctx);
    let mut problems: Vec<String> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut counts = Counts {
        files: files.len(),
        ..Counts::default()
    };
    let chats: Vec<_> = {
        use rayon::prelude::*;
        files.par_iter().map(|f| read_chat(f)).collect()
    };
    for (file, read) in files.iter().zip(chats) {
        // A file's edits count only when the whole file could be planned
        // (import_file changes the state only then).
        match import_file(
            &mut st,
            file,
            read,
            opts,
            by.as_deref(),
            &mut problems,
            &mut notes,
        ) {
            Ok(done) => {
                counts.added += done.added;
                counts.filled += done.filled;
                counts.known += done.known;
            }
            Err(p) => {
                problems.push(format!("{}: {}", file.display(), p.text(lang)));
            }
        }
    }
    counts.problems = problems.len();
    for p in &problems {
        if opts.skip_bad {
            eprintln!("{p} ({})", words::skipped(lang));
        } else {
            eprintln!("{p}");
        }
    }
    for n in &notes {
        eprintln!("langgan: {n}");
    }
    if !problems.is_empty() && !opts.skip_bad {
        return Err(Error::invalid(words::refused(problems.len(), lang)));
    }
    counts.created = st.created.len();
    verify(&st, cfg)?;
    let changed: Vec<(&String, &Work)> = st
        .works
        .iter()
        .filter(|(_, w)| w.base.is_none() || w.base.as_deref() != Some(w.text.as_bytes()))
        .collect();
    if opts.dry_run {
        let mut out = String::new();
        for (id, w) in &changed {
            let shown = shop.dir.shown(&w.rel).display().to_string();
            if st.created.contains(*id) {
                out.push_str(&format!("{} {shown}\n", words::would_create(lang)));
                out.push_str(&w.text);
                continue;
            }
            let mut appended = String::new();
            for s in &w.shown {
                match s.split('\t').collect::<Vec<_>>()[..] {
                    [line, field, value] => out.push_str(&format!(
                        "{}\n",
                        words::would_set(&shown, line.parse().unwrap_or(0), field, value, lang)
                    )),
                    _ => appended.push_str(s),
                }
            }
            if !appended.is_empty() {
                out.push_str(&format!(
                    "{}\n{appended}",
                    words::would_append(&shown, lang)
                ));
            }
        }
        print!("{out}");
    } else if !changed.is_empty() {
        // Under the shop's write lock: `log` and the others wait, and the
        // records to replace are checked against the bytes read.
        let folders: BTreeSet<&Path> = changed.iter().filter_map(|(_, w)| w.rel.parent()).collect();
        let folders: Vec<&Path> = folders.into_iter().collect();
        let _lock = Lock::shop(&shop.dir.root, &folders)?;
        let mut staging = Staging::begin(&shop.dir.root)?;
        let replaced: Vec<(PathBuf, Vec<u8>, String)> = changed
            .iter()
            .filter_map(|(_, w)| {
                w.base
                    .as_deref()
                    .map(|b| (w.rel.clone(), b.to_vec(), w.text.clone()))
            })
            .collect();
        let created: Vec<(PathBuf, String)> = changed
            .iter()
            .filter(|(_, w)| w.base.is_none())
            .map(|(_, w)| (w.rel.clone(), w.text.clone()))
            .collect();
        staging.stage_changes(&replaced)?;
        staging.stage(&created)?;
        super::import::commit_and_show(staging, &shop.dir)?;
    }
    eprintln!("{}", words::summary(&counts, opts.dry_run, lang));
    // With --skip-bad, what could be written was: each skipped part is named above.
    Ok(0)
}

/// Every changed text must read back, without errors, as exactly the old
/// record plus the planned interactions (in parallel: a large import
/// changes hundreds of files).
fn verify(st: &State, cfg: &Config) -> Result<()> {
    use rayon::prelude::*;
    let shop = &st.ctx.shop;
    let bad: Vec<String> = st
        .works
        .par_iter()
        .filter(|(_, w)| w.base.as_deref() != Some(w.text.as_bytes()))
        .filter_map(|(_, w)| {
            let shown = shop.dir.shown(&w.rel);
            let ok = parse_clean(&w.rel, &shown, &w.text, cfg)
                .is_some_and(|c| c.positionless() == w.expected);
            (!ok).then(|| shown.display().to_string())
        })
        .collect();
    match bad.first() {
        None => Ok(()),
        Some(path) => Err(Error::invalid(format!(
            "{path}: {}",
            Problem::CannotEdit(path.clone()).text(cfg.language)
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_time_in;

    fn t(s: &str) -> Timestamp {
        let tz = jiff::tz::TimeZone::get("Asia/Jakarta").expect("tz");
        parse_time_in(s, &tz, crate::shop::config::Lang::En).expect("time")
    }

    fn msg(at: &'static str, customer: bool, text: &'static str) -> Msg<'static> {
        let tz = jiff::tz::TimeZone::get("Asia/Jakarta").expect("tz");
        Msg {
            at: t(at),
            civil: tz.to_datetime(t(at)),
            customer,
            text: (!text.is_empty()).then_some(text),
        }
    }

    fn inbound(at: &str, replied: Option<&str>) -> Interaction {
        Interaction {
            line: 0,
            at: ev(t(at)),
            kind: Kind::Inbound,
            by: None,
            channel: None,
            note: None,
            replied: replied.map(|r| ev(t(r))),
        }
    }

    #[test]
    fn runs_become_inbounds_with_the_first_answer() {
        let msgs = [
            msg("2026-11-02 10:15", true, ""),
            msg("2026-11-02 10:16", true, "Tanya harga serum"),
            msg("2026-11-02 10:19", false, "Rp 85.000"),
            msg("2026-11-02 10:20", false, "Ada lagi kak?"),
            msg("2026-11-05 09:00", true, "Jadi order 2"),
        ];
        let p = plan(&msgs, &[]);
        assert_eq!(p.known, 0);
        assert!(p.fill.is_empty());
        assert_eq!(
            p.add,
            vec![
                NewInbound {
                    at: t("2026-11-02 10:15"),
                    stamp: "2026-11-02 10:15".into(),
                    replied: Some((t("2026-11-02 10:19"), "2026-11-02 10:19".into())),
                    note: Some("Tanya harga serum".into()),
                },
                NewInbound {
                    at: t("2026-11-05 09:00"),
                    stamp: "2026-11-05 09:00".into(),
                    replied: None,
                    note: Some("Jadi order 2".into()),
                },
            ]
        );
    }

    #[test]
    fn recorded_runs_are_skipped_and_a_new_answer_filled_in() {
        let msgs = [
            msg("2026-11-02 10:15", true, "a"),
            msg("2026-11-02 10:19", false, ""),
            msg("2026-11-05 09:00", true, "b"),
            msg("2026-11-05 09:30:15", false, ""),
            msg("2026-11-06 08:00", true, "c"),
        ];
        let existing = [
            inbound("2026-11-02 10:15", Some("2026-11-02 10:18")),
            inbound("2026-11-05 09:00", None),
        ];
        let p = plan(&msgs, &existing);
        assert_eq!(p.known, 2);
        assert_eq!(
            p.fill,
            vec![(1, t("2026-11-05 09:30:15"), "2026-11-05 09:30:15".into())]
        );
        assert_eq!(p.add.len(), 1);
        assert_eq!(p.add[0].stamp, "2026-11-06 08:00");
        // A run with seconds matches one written to its minute.
        let p = plan(
            &[msg("2026-11-02 10:15:40", true, "a")],
            &[inbound("2026-11-02 10:15", None)],
        );
        assert_eq!((p.known, p.add.len()), (1, 0));
    }

    #[test]
    fn notes_are_one_short_line() {
        assert_eq!(
            note_of("  Halo   kak\nbaris dua").as_deref(),
            Some("Halo kak")
        );
        assert_eq!(note_of("\n\n").as_deref(), None);
        let long = "a".repeat(200);
        let n = note_of(&long).expect("note");
        assert_eq!(n.chars().count(), 80);
        assert!(n.ends_with('…'));
    }
}
