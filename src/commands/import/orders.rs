//! `import orders FILE [--from shopee|tiktok]` (SPEC §10): a marketplace's
//! order export (`.xlsx` or `.csv`, as Shopee Seller Centre or TikTok Shop /
//! Tokopedia Seller Center writes it) becomes orders in the customers'
//! files.
//!
//! - The format is told by the header (Shopee's Indonesian columns, TikTok's
//!   English ones), or by `--from`. The rows of one order number are one
//!   order, `ref: <marketplace>:<number>`, `channel: <marketplace>`; each
//!   row is an item: its product by `sku` in shop.toml (the row's SKU, its
//!   parent SKU, then the listing name with and without the variation), its
//!   quantity, and its unit price after discount (TikTok gives the subtotal
//!   of the row: divided by the quantity).
//! - Times come from the time columns. A status that says the order was
//!   paid (every status past "unpaid" but a cancellation) while the payment
//!   time is empty (cash on delivery) makes it paid at the order's time, so
//!   no payment reminder goes to a buyer the marketplace collects from. A
//!   cancellation or return without a cancel time (Shopee has no such
//!   column) is cancelled at the latest time the row gives, never before
//!   the order: a cancelled order must count nowhere. `shipped` and
//!   `delivered` are only ever taken from their columns (`shipped` only once
//!   the status says the parcel left: Shopee fills its shipping time when
//!   the pickup is arranged).
//! - The customer is the one with the buyer's phone (normalised), else the
//!   one with the buyer's username in `handles.<marketplace>`, else a new
//!   customer file (name from the recipient, `handles`, `city`, `source`
//!   the marketplace when shop.toml allows it, `first_contact` her earliest
//!   order of the file). Masked phones (`******1234`) and usernames are
//!   never used to match and never written.
//! - An order whose `ref` is in the shop gets the times the export now
//!   knows and the record lacks, in place (`yaml_edit::set_item_fields`); a
//!   time written there is never changed. A new one is appended to
//!   `orders:` (`yaml_edit::append_item`). Every changed file must read
//!   back as exactly the old record plus those changes.
//! - As every import: bad rows named by line, nothing written while any is
//!   bad (unless `--skip-bad`), the dry run shows what would be written, a
//!   second run of the same file changes nothing, and the writes are staged
//!   and committed as a whole (`io::staging`), new and changed files alike.

use super::{cells_of, read_book, ImportOptions, Out, RowAt};
use crate::commands::new::{all_ids, customer_text_full, free_id, NewCustomer};
use crate::commands::Ctx;
use crate::error::{Diagnostic, Error, Result};
use crate::io::atomic::Lock;
use crate::io::sheet::{self, date, money, phone, Cell, Header, Sheet, Value, Variants};
use crate::io::staging::{import_lock, Staging};
use crate::io::yaml_edit::{append_item, scalar, set_item_fields, slug, ItemEdit, OneLine};
use crate::lang::import::{self as say, ImportWord};
use crate::lang::orders::{self as words, Counts, OrderWord};
use crate::shop::config::{Config, Lang};
use crate::shop::hash::fnv1a;
use crate::shop::index::{self, RecordKind, ShopDir};
use crate::shop::record::{self, normalize_phone, ref_key, Customer, Ev, Item, Order};
use jiff::civil::DateTime;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// The marketplace an export is from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Market {
    Shopee,
    /// TikTok Shop, and Tokopedia (its orders are in TikTok's Seller Center).
    #[value(alias = "tokopedia")]
    Tiktok,
}

impl Market {
    /// Its name in records: `channel`, `ref` prefix, `handles` key, `source`.
    pub fn id(self) -> &'static str {
        match self {
            Market::Shopee => "shopee",
            Market::Tiktok => "tiktok",
        }
    }

    fn headers(self) -> &'static [Variants<Field>] {
        match self {
            Market::Shopee => SHOPEE,
            Market::Tiktok => TIKTOK,
        }
    }

    fn statuses(self) -> &'static [(&'static str, Stage)] {
        match self {
            Market::Shopee => SHOPEE_STATUSES,
            Market::Tiktok => TIKTOK_STATUSES,
        }
    }
}

/// What a column of an order export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Number,
    Status,
    Created,
    Paid,
    Shipped,
    Delivered,
    Cancelled,
    Sku,
    ParentSku,
    Product,
    Variation,
    Qty,
    /// Unit price after discount (Shopee).
    UnitPrice,
    /// The row's subtotal after discount (TikTok).
    Subtotal,
    /// Unit price before discount: used when the others are missing.
    OriginalPrice,
    Username,
    Recipient,
    Phone,
    City,
}

impl Field {
    /// A column of times (the order's, its payment's, …).
    fn is_time(self) -> bool {
        matches!(
            self,
            Field::Created | Field::Paid | Field::Shipped | Field::Delivered | Field::Cancelled
        )
    }
}

/// Shopee Seller Centre's export (Pesanan Saya › Ekspor), as it names its
/// columns in Indonesian and, when the Seller Centre is set to English, in
/// English. The others (`Alamat Pengiriman`, `Provinsi`, `Opsi Pengiriman`,
/// `No. Resi`, `Total Pembayaran`, …) are not needed.
pub const SHOPEE: &[Variants<Field>] = &[
    (Field::Number, &["No. Pesanan", "Order ID"]),
    (Field::Status, &["Status Pesanan", "Order Status"]),
    (
        Field::Created,
        &["Waktu Pesanan Dibuat", "Order Creation Date"],
    ),
    (
        Field::Paid,
        &["Waktu Pembayaran Dilakukan", "Order Paid Time"],
    ),
    (Field::Shipped, &["Waktu Pengiriman Diatur", "Ship Time"]),
    (
        Field::Delivered,
        &["Waktu Pesanan Selesai", "Order Complete Time"],
    ),
    (Field::Sku, &["Nomor Referensi SKU", "SKU Reference No."]),
    (Field::ParentSku, &["SKU Induk", "Parent SKU Reference No."]),
    (Field::Product, &["Nama Produk", "Product Name"]),
    (Field::Variation, &["Nama Variasi", "Variation Name"]),
    (Field::Qty, &["Jumlah", "Quantity"]),
    (Field::UnitPrice, &["Harga Setelah Diskon", "Deal Price"]),
    (Field::OriginalPrice, &["Harga Awal", "Original Price"]),
    (Field::Username, &["Username (Pembeli)", "Username (Buyer)"]),
    (Field::Recipient, &["Nama Penerima", "Receiver Name"]),
    (Field::Phone, &["No. Telepon", "Phone Number"]),
    (Field::City, &["Kota/Kabupaten", "City"]),
];

/// TikTok Shop / Tokopedia Seller Center's export (Orders › Export). The
/// others (`Tracking ID`, `Province`, `Order Amount`, …) are not needed.
pub const TIKTOK: &[Variants<Field>] = &[
    (Field::Number, &["Order ID"]),
    (Field::Status, &["Order Status"]),
    (Field::Created, &["Created Time"]),
    (Field::Paid, &["Paid Time"]),
    (Field::Shipped, &["Shipped Time"]),
    (Field::Delivered, &["Delivered Time"]),
    (Field::Cancelled, &["Cancelled Time"]),
    (Field::Sku, &["Seller SKU"]),
    (Field::Product, &["Product Name"]),
    (Field::Variation, &["Variation"]),
    (Field::Qty, &["Quantity"]),
    (Field::Subtotal, &["SKU Subtotal After Discount"]),
    (Field::OriginalPrice, &["SKU Unit Original Price"]),
    (Field::Username, &["Buyer Username"]),
    (Field::Recipient, &["Recipient"]),
    (Field::Phone, &["Phone #"]),
    (Field::City, &["Regency and City"]),
];

/// Where an order is, as its status says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    Unpaid,
    /// Paid, not sent yet.
    Paid,
    Shipped,
    /// Delivered or completed.
    Delivered,
    /// Cancelled, returned or refunded: counts nowhere.
    Cancelled,
}

/// Shopee's statuses, Indonesian and English (compared by `header_key`; a
/// longer status starting with one of these is that one: `Pengembalian Dana
/// Berhasil`, `Return/Refund`).
const SHOPEE_STATUSES: &[(&str, Stage)] = &[
    ("Belum Bayar", Stage::Unpaid),
    ("Perlu Dikirim", Stage::Paid),
    ("Sedang Dikemas", Stage::Paid),
    ("Dikirim", Stage::Shipped),
    ("Sedang Dikirim", Stage::Shipped),
    ("Telah Dikirim", Stage::Shipped),
    ("Selesai", Stage::Delivered),
    ("Pesanan Diterima", Stage::Delivered),
    ("Batal", Stage::Cancelled),
    ("Dibatalkan", Stage::Cancelled),
    ("Pengembalian", Stage::Cancelled),
    ("Pengembalian Dana", Stage::Cancelled),
    ("Pengembalian Barang/Dana", Stage::Cancelled),
    ("Unpaid", Stage::Unpaid),
    ("To ship", Stage::Paid),
    ("Ready to ship", Stage::Paid),
    ("Processed", Stage::Paid),
    ("Shipping", Stage::Shipped),
    ("Shipped", Stage::Shipped),
    ("Delivered", Stage::Delivered),
    ("Completed", Stage::Delivered),
    ("Cancelled", Stage::Cancelled),
    ("Canceled", Stage::Cancelled),
    ("Return", Stage::Cancelled),
    ("Refund", Stage::Cancelled),
];

/// TikTok Shop / Tokopedia's statuses, in English and as its Indonesian
/// interface writes them.
const TIKTOK_STATUSES: &[(&str, Stage)] = &[
    ("Unpaid", Stage::Unpaid),
    ("Awaiting shipment", Stage::Paid),
    ("Awaiting collection", Stage::Paid),
    ("To ship", Stage::Paid),
    ("In transit", Stage::Shipped),
    ("Shipped", Stage::Shipped),
    ("Delivered", Stage::Delivered),
    ("Completed", Stage::Delivered),
    ("Cancelled", Stage::Cancelled),
    ("Canceled", Stage::Cancelled),
    ("Belum dibayar", Stage::Unpaid),
    ("Menunggu pengiriman", Stage::Paid),
    ("Menunggu diambil", Stage::Paid),
    ("Dalam pengiriman", Stage::Shipped),
    ("Dikirim", Stage::Shipped),
    ("Terkirim", Stage::Delivered),
    ("Selesai", Stage::Delivered),
    ("Dibatalkan", Stage::Cancelled),
];

fn stage_of(status: &str, market: Market) -> Option<Stage> {
    let key = sheet::header_key(status);
    let list = market.statuses();
    list.iter()
        .find(|(s, _)| sheet::header_key(s) == key)
        .or_else(|| {
            list.iter()
                .filter(|(s, _)| key.starts_with(&sheet::header_key(s)))
                .max_by_key(|(s, _)| s.len())
        })
        .map(|(_, st)| *st)
}

/// One item of an order, as a row gives it.
#[derive(Debug, Clone, PartialEq)]
struct RowItem {
    product: String,
    qty: i64,
    price: Option<i64>,
}

/// What one row says about its order (order-level values may be on the
/// first row only; the first given wins).
#[derive(Debug, Clone, Default)]
struct RowOrder {
    number: String,
    stage: Option<Stage>,
    created: Option<DateTime>,
    paid: Option<DateTime>,
    shipped: Option<DateTime>,
    delivered: Option<DateTime>,
    cancelled: Option<DateTime>,
    username: Option<String>,
    recipient: Option<String>,
    /// As written in the export, unmasked and valid.
    phone: Option<String>,
    e164: Option<String>,
    city: Option<String>,
}

impl RowOrder {
    /// Fills what `self` lacks from a later row of the same order.
    fn merge(&mut self, o: RowOrder) {
        fn fill<T>(a: &mut Option<T>, b: Option<T>) {
            if a.is_none() {
                *a = b;
            }
        }
        fill(&mut self.stage, o.stage);
        fill(&mut self.created, o.created);
        fill(&mut self.paid, o.paid);
        fill(&mut self.shipped, o.shipped);
        fill(&mut self.delivered, o.delivered);
        fill(&mut self.cancelled, o.cancelled);
        fill(&mut self.username, o.username);
        fill(&mut self.recipient, o.recipient);
        if self.e164.is_none() {
            self.phone = o.phone;
            self.e164 = o.e164;
        }
        fill(&mut self.city, o.city);
    }
}

/// The times an order gets (SPEC §3 fields), decided from its status and
/// time columns as the module says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Times {
    at: DateTime,
    paid: Option<DateTime>,
    shipped: Option<DateTime>,
    delivered: Option<DateTime>,
    cancelled: Option<DateTime>,
}

impl Times {
    fn of(o: &RowOrder, at: DateTime) -> Times {
        let stage = o.stage;
        let said_paid = matches!(stage, Some(Stage::Paid | Stage::Shipped | Stage::Delivered));
        let paid = o.paid.or(said_paid.then_some(at));
        let left = !matches!(stage, Some(Stage::Unpaid | Stage::Paid));
        let shipped = o.shipped.filter(|_| left);
        let delivered = o.delivered;
        let cancelled = match stage {
            Some(Stage::Cancelled) => o.cancelled.or_else(|| {
                [Some(at), paid, shipped, delivered]
                    .into_iter()
                    .flatten()
                    .max()
            }),
            _ => o.cancelled,
        };
        Times {
            at,
            paid,
            shipped,
            delivered,
            cancelled,
        }
    }

    /// The optional fields in the order the SPEC writes them.
    fn fields(&self) -> [(&'static str, Option<DateTime>); 4] {
        [
            ("paid", self.paid),
            ("shipped", self.shipped),
            ("delivered", self.delivered),
            ("cancelled", self.cancelled),
        ]
    }
}

/// A time as the import writes it: to the minute, with seconds when the
/// export has them.
fn when(d: DateTime) -> String {
    if d.second() == 0 {
        d.strftime("%Y-%m-%d %H:%M").to_string()
    } else {
        d.strftime("%Y-%m-%d %H:%M:%S").to_string()
    }
}

/// An order of the file: its rows and what they say.
struct FileOrder<'a> {
    reference: String,
    head: RowOrder,
    items: Vec<RowItem>,
    rows: Vec<RowAt<'a>>,
    /// Lines of its rows that are bad.
    bad_rows: Vec<usize>,
}

impl FileOrder<'_> {
    fn times(&self) -> Option<Times> {
        self.head.created.map(|at| Times::of(&self.head, at))
    }
}

/// Who an order goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// A customer of the loaded shop (index in `shop.customers`).
    Shop(usize),
    /// A new customer of this import (index in `buyers`).
    New(usize),
}

/// What happens to one existing customer's file.
#[derive(Default)]
struct Change {
    /// Orders of the file to append.
    append: Vec<usize>,
    /// Orders of the file already in this customer's record, with the
    /// fields to set.
    update: Vec<(usize, SetFields)>,
}

/// The times to set in an order: field name, time.
type SetFields = Vec<(&'static str, DateTime)>;

/// A new customer of this import and her orders.
struct Buyer {
    orders: Vec<usize>,
}

/// Takes the imports' lock before the shop is loaded, so an import that
/// waited for another sees the orders and customers that one wrote.
pub fn import_orders(
    dir: ShopDir,
    now: Option<&str>,
    use_cache: bool,
    file: &Path,
    from: Option<Market>,
    opts: &ImportOptions,
) -> Result<i32> {
    let _turn = if opts.dry_run {
        None
    } else {
        Some(import_lock(&dir.root)?)
    };
    // Left to the OS at exit, as every command's shop (freeing 100k
    // records one by one only costs time).
    let ctx: &'static Ctx = Box::leak(Box::new(Ctx::open(dir, now, use_cache)?));
    import_into(ctx, file, from, opts)
}

fn import_into(ctx: &Ctx, file: &Path, from: Option<Market>, opts: &ImportOptions) -> Result<i32> {
    let shop = &ctx.shop;
    let lang = shop.config.language;
    let shown = file.display().to_string();
    let book = read_book(file, &shown, lang)?;
    let (market, sheets) = headers(&book.sheets, from, &shown, lang)?;
    let cfg = &shop.config;
    let mut out = Out::new(&book, &shown, lang);
    let mut counts = Counts::default();

    // 1. Every row read; the rows of one order number gathered. An export
    // writes all its dates one way: American (`11/20/2026 2:30 PM`) only
    // when some date says so and none says otherwise.
    let day_order = sheet::day_order_of(&sheets, Field::is_time);
    let mut orders: Vec<FileOrder<'_>> = Vec::new();
    let mut by_ref: HashMap<String, usize> = HashMap::new();
    for (s, header) in &sheets {
        let name = s.name.as_deref();
        for (i, row) in s.rows.iter().enumerate().skip(header.index + 1) {
            if row.is_blank() {
                continue;
            }
            let r = RowAt { sheet: name, row };
            let cells = cells_of(row, header);
            // TikTok's export has a row under the header saying what each
            // column is ("Platform unique order ID."): no order number has
            // a space.
            if i == header.index + 1 {
                if let Some((_, c)) = cells.get(&Field::Number) {
                    if c.value.text().is_some_and(|t| t.contains(' ')) {
                        continue;
                    }
                }
            }
            let (head, item, problems) = read_row(&cells, header, market, day_order, cfg);
            let Some(number) = head.as_ref().map(|h| h.number.clone()) else {
                counts.bad_rows += 1;
                for (cell, m) in problems {
                    out.error(&r, cell, &m);
                }
                continue;
            };
            let reference = format!("{}:{number}", market.id());
            let at = *by_ref.entry(ref_key(&reference)).or_insert_with(|| {
                orders.push(FileOrder {
                    reference: reference.clone(),
                    head: RowOrder::default(),
                    items: Vec::new(),
                    rows: Vec::new(),
                    bad_rows: Vec::new(),
                });
                orders.len() - 1
            });
            let o = &mut orders[at];
            if let Some(h) = head {
                if o.rows.is_empty() {
                    o.head = h;
                } else {
                    o.head.merge(h);
                }
            }
            if !problems.is_empty() {
                counts.bad_rows += 1;
                o.bad_rows.push(row.line);
                for (cell, m) in problems {
                    out.error(&r, cell, &m);
                }
            } else if let Some(item) = item {
                o.items.push(item);
            }
            o.rows.push(r);
        }
    }
    // An order without its time cannot be recorded: its first row says so.
    for o in &mut orders {
        if o.head.created.is_none() && o.bad_rows.is_empty() {
            counts.bad_rows += 1;
            o.bad_rows.push(o.rows[0].row.line);
            out.error(&o.rows[0], None, OrderWord::NoOrderTime.text(lang));
        }
    }

    // 2. Each good order to its customer: already in the shop by `ref`, else
    // by phone, else by username, else a new customer.
    let customers = &shop.customers;
    let mut refs: HashMap<String, (usize, usize)> = HashMap::new();
    let mut phones: HashMap<String, Target> = HashMap::new();
    let mut users: HashMap<String, Target> = HashMap::new();
    for (ci, c) in customers.iter().enumerate() {
        for (oi, o) in c.orders.iter().enumerate() {
            if let Some(r) = &o.reference {
                refs.entry(ref_key(r)).or_insert((ci, oi));
            }
        }
        if let Some(p) = &c.phone {
            phones.entry(p.clone()).or_insert(Target::Shop(ci));
        }
        if let Some(u) = c.handles.get(market.id()) {
            users
                .entry(u.trim().to_lowercase())
                .or_insert(Target::Shop(ci));
        }
    }
    let mut changes: BTreeMap<usize, Change> = BTreeMap::new();
    let mut buyers: Vec<Buyer> = Vec::new();
    for (n, o) in orders.iter().enumerate() {
        if !o.bad_rows.is_empty() {
            continue;
        }
        let Some(t) = o.times() else { continue };
        if let Some(&(ci, oi)) = refs.get(&ref_key(&o.reference)) {
            let have = &customers[ci].orders[oi];
            let had = [have.paid, have.shipped, have.delivered, have.cancelled];
            let set: Vec<(&'static str, DateTime)> = t
                .fields()
                .into_iter()
                .zip(had)
                .filter_map(|((k, v), h)| v.filter(|_| h.is_none()).map(|v| (k, v)))
                .collect();
            if set.is_empty() {
                counts.orders_unchanged += 1;
            } else {
                changes.entry(ci).or_default().update.push((n, set));
            }
            continue;
        }
        let user = o.head.username.as_ref().map(|u| u.to_lowercase());
        let found = o
            .head
            .e164
            .as_ref()
            .and_then(|p| phones.get(p))
            .or_else(|| user.as_ref().and_then(|u| users.get(u)))
            .copied();
        let target = match found {
            Some(t) => t,
            None => {
                buyers.push(Buyer { orders: Vec::new() });
                Target::New(buyers.len() - 1)
            }
        };
        if let Some(p) = &o.head.e164 {
            phones.entry(p.clone()).or_insert(target);
        }
        if let Some(u) = user {
            users.entry(u).or_insert(target);
        }
        match target {
            Target::Shop(ci) => changes.entry(ci).or_default().append.push(n),
            Target::New(b) => buyers[b].orders.push(n),
        }
    }

    // 3. The new texts. The customer files are read again under the shop's
    // write lock, held until the import is committed.
    let _lock = if opts.dry_run {
        None
    } else {
        Some(Lock::shop(
            &shop.dir.root,
            &[Path::new(index::CUSTOMERS_DIR)],
        )?)
    };
    let mut created: Vec<(PathBuf, String)> = Vec::new();
    let mut changed: Vec<(PathBuf, Vec<u8>, String)> = Vec::new();
    let mut shown_plan: Vec<String> = Vec::new();
    for (&ci, change) in &changes {
        let c = &customers[ci];
        let rel = c.path.clone();
        let path_shown = shop.dir.shown(&rel).display().to_string();
        let bytes = std::fs::read(shop.dir.root.join(&rel))
            .map_err(|e| Error::io(&shop.dir.shown(&rel), &e))?;
        // The loaded record when the file is still what was loaded (the
        // usual case: no second parse), else the file parsed again.
        let fresh = match record::decode_in(&shop.dir.shown(&rel), &bytes, lang)
            .ok()
            .and_then(|text| {
                if fnv1a(text.as_bytes()) == c.source_hash {
                    return Some((text, None));
                }
                let (parsed, diags) = parse(&c.id, &rel, &text, cfg);
                parsed
                    .filter(|_| !diags.iter().any(Diagnostic::is_error))
                    .map(|p| (text, Some(p)))
            }) {
            Some(f) => f,
            None => {
                let m = crate::lang::cli::record_has_errors(&shop.dir.shown(&rel), lang);
                for &n in change
                    .append
                    .iter()
                    .chain(change.update.iter().map(|(n, _)| n))
                {
                    file_bad(&orders[n], &m, &mut out, &mut counts);
                }
                continue;
            }
        };
        let (text, parsed) = fresh;
        let old: &Customer = parsed.as_ref().unwrap_or(c);
        match edit_customer(&text, old, change, &orders, cfg) {
            Ok(Edited {
                text: new_text,
                added,
                updated,
                plan,
                problems,
            }) => {
                for (n, m) in problems {
                    file_bad(
                        &orders[n],
                        &m.replace("{path}", &path_shown),
                        &mut out,
                        &mut counts,
                    );
                }
                if added + updated == 0 {
                    continue;
                }
                counts.orders_added += added;
                counts.orders_updated += updated;
                shown_plan.push(format!(
                    "{} {path_shown}\n{plan}",
                    OrderWord::WouldChange.text(lang)
                ));
                changed.push((rel, bytes, new_text));
            }
            Err(m) => {
                let m = m.replace("{path}", &path_shown);
                for &n in change
                    .append
                    .iter()
                    .chain(change.update.iter().map(|(n, _)| n))
                {
                    file_bad(&orders[n], &m, &mut out, &mut counts);
                }
            }
        }
    }
    let source = source_for(market, cfg);
    if source.is_none() && !buyers.is_empty() && !cfg.sources.is_empty() {
        eprintln!("{}", words::no_source(market.id(), lang));
    }
    let mut ids = all_ids(&shop.dir, RecordKind::Customer);
    for b in &buyers {
        match new_customer(b, &orders, market, source.as_deref(), cfg, &mut ids) {
            Ok((rel, text, n)) => {
                counts.customers_created += 1;
                counts.orders_added += n;
                let path = shop.dir.shown(&rel).display().to_string();
                let mut plan = format!("{} {path}\n", ImportWord::WouldCreate.text(lang));
                for line in text.lines() {
                    plan.push_str(&format!("    {line}\n"));
                }
                shown_plan.push(plan);
                created.push((rel, text));
            }
            Err(m) => {
                for &n in &b.orders {
                    file_bad(&orders[n], &m, &mut out, &mut counts);
                }
            }
        }
    }
    // The good rows of a bad order are not imported either: said once.
    for o in &orders {
        if let Some(first_bad) = o.bad_rows.first() {
            let rows = say::row_ref(o.rows[0].sheet, &first_bad.to_string(), lang);
            for r in o.rows.iter().filter(|r| !o.bad_rows.contains(&r.row.line)) {
                out.skipped(r, &words::order_left_out(&o.reference, &rows, lang), false);
            }
        }
    }
    out.flush(None);
    if counts.bad_rows > 0 && !opts.skip_bad {
        return Err(Error::invalid(words::refused(counts.bad_rows, lang)));
    }
    if opts.dry_run {
        print!("{}", shown_plan.concat());
    } else if !created.is_empty() || !changed.is_empty() {
        let mut staging = Staging::begin(&shop.dir.root)?;
        staging.stage(&created)?;
        staging.stage_changes(&changed)?;
        super::commit_and_show(staging, &shop.dir)?;
    }
    eprintln!("{}", words::summary(&counts, opts.dry_run, lang));
    Ok(0)
}

/// Sheets with an order export's header, and the header.
type Sheets<'b> = Vec<(&'b Sheet, Header<Field>)>;

/// The sheets that have an order export's header, and which marketplace's
/// it is (`from` when given, else the first sheet's).
fn headers<'b>(
    sheets: &'b [Sheet],
    from: Option<Market>,
    shown: &str,
    lang: Lang,
) -> Result<(Market, Sheets<'b>)> {
    let markets: &[Market] = match &from {
        Some(m) => std::slice::from_ref(m),
        None => &[Market::Shopee, Market::Tiktok],
    };
    let mut market = None;
    let mut found = Vec::new();
    let mut first_line = None;
    for s in sheets {
        if let Some(first) = s.rows.iter().find(|r| !r.is_blank()) {
            first_line.get_or_insert((s, first.line));
        }
        // Both name their order number `Order ID` in English: the export is
        // the marketplace whose columns its header names most of.
        let best = markets
            .iter()
            .filter(|&&m| market.is_none_or(|k| k == m))
            .filter_map(|&m| Some((m, sheet::find_header(s, m.headers(), Field::Number)?)))
            .max_by_key(|(m, h)| (h.fields.iter().flatten().count(), *m == Market::Shopee));
        if let Some((m, h)) = best {
            market = Some(m);
            found.push((s, h));
        }
    }
    match market {
        Some(m) => Ok((m, found)),
        None => {
            let place = match first_line {
                Some((s, line)) => match &s.name {
                    Some(name) => say::workbook_place(shown, name, line, None, lang),
                    None => format!("{shown}:{line}"),
                },
                None => return Err(Error::invalid(say::empty_file(shown, lang))),
            };
            Err(Error::invalid(words::no_order_columns(
                &place,
                from.map(Market::id),
                lang,
            )))
        }
    }
}

type Problems<'a> = Vec<(Option<&'a Cell>, String)>;

/// One row: what it says about its order (`None` without an order number),
/// its item, and its problems, each at its cell.
fn read_row<'a>(
    cells: &HashMap<Field, (usize, &'a Cell)>,
    header: &Header<Field>,
    market: Market,
    day_order: date::DayOrder,
    cfg: &Config,
) -> (Option<RowOrder>, Option<RowItem>, Problems<'a>) {
    let lang = cfg.language;
    let mut bad: Problems<'a> = Vec::new();
    let cell = |f: Field| cells.get(&f).map(|(_, c)| *c);
    let text = |f: Field| cell(f).and_then(|c| c.value.text());
    let at = |f: Field, message: String, bad: &mut Problems<'a>| match cells.get(&f) {
        Some((i, c)) => bad.push((Some(*c), say::in_column(&header.name(*i), &message, lang))),
        None => bad.push((None, message)),
    };
    // Unmasked, or nothing: `******1234`, `s***a`.
    let clear = |f: Field| text(f).filter(|t| !t.contains('*'));

    let number = match cell(Field::Number).map(|c| &c.value) {
        Some(Value::Number(n)) if *n >= 1e15 => {
            at(
                Field::Number,
                words::order_number_lost(&sheet::number_text(*n), lang),
                &mut bad,
            );
            None
        }
        _ => text(Field::Number),
    };
    let Some(number) = number else {
        if bad.is_empty() {
            at(
                Field::Number,
                OrderWord::NoOrderNumber.text(lang).to_string(),
                &mut bad,
            );
        }
        return (None, None, bad);
    };
    let time = |f: Field, bad: &mut Problems<'a>| -> Option<DateTime> {
        let c = cell(f)?;
        if c.value.is_blank() {
            return None;
        }
        // TikTok writes `--` or `0` where a time is not there yet.
        if c.value
            .text()
            .is_some_and(|t| t == "-" || t == "--" || t == "0")
        {
            return None;
        }
        match date::of_cell(&c.value, day_order) {
            Some(d) => Some(d),
            None => {
                at(
                    f,
                    say::not_a_date(&c.value.text().unwrap_or_default(), lang),
                    bad,
                );
                None
            }
        }
    };
    let stage = match text(Field::Status) {
        None => None,
        Some(s) => match stage_of(&s, market) {
            Some(st) => Some(st),
            None => {
                let known: Vec<&str> = market.statuses().iter().map(|(s, _)| *s).collect();
                at(
                    Field::Status,
                    words::unknown_status(&s, &known, lang),
                    &mut bad,
                );
                None
            }
        },
    };
    let e164 = clear(Field::Phone).and_then(|_| {
        match cell(Field::Phone).and_then(|c| phone::of_cell(&c.value)) {
            Some(phone::Phone::Text(t)) => normalize_phone(&t).ok().map(|e| (t, e)),
            _ => None,
        }
    });
    let head = RowOrder {
        number,
        stage,
        created: time(Field::Created, &mut bad),
        paid: time(Field::Paid, &mut bad),
        shipped: time(Field::Shipped, &mut bad),
        delivered: time(Field::Delivered, &mut bad),
        cancelled: time(Field::Cancelled, &mut bad),
        username: clear(Field::Username),
        recipient: clear(Field::Recipient),
        phone: e164.as_ref().map(|(t, _)| t.clone()),
        e164: e164.map(|(_, e)| e),
        city: clear(Field::City),
    };
    let qty = match cell(Field::Qty).filter(|c| !c.value.is_blank()) {
        None => 1,
        Some(c) => {
            let n = match &c.value {
                Value::Number(n) if n.fract() == 0.0 && *n >= 1.0 && *n < 1e9 => Some(*n as i64),
                Value::Text(t) => t.trim().parse::<i64>().ok().filter(|n| *n >= 1),
                _ => None,
            };
            match n {
                Some(n) => n,
                None => {
                    at(
                        Field::Qty,
                        words::not_a_quantity(&c.value.text().unwrap_or_default(), lang),
                        &mut bad,
                    );
                    1
                }
            }
        }
    };
    let amount = |f: Field, bad: &mut Problems<'a>| -> Option<i64> {
        let c = cell(f).filter(|c| !c.value.is_blank())?;
        let a = money::of_cell(&c.value);
        if a.is_none() {
            at(
                f,
                words::not_an_amount(&c.value.text().unwrap_or_default(), lang),
                bad,
            );
        }
        a
    };
    let price = match market {
        Market::Shopee => amount(Field::UnitPrice, &mut bad),
        // The subtotal of the row, for `qty` units.
        Market::Tiktok => amount(Field::Subtotal, &mut bad).map(|s| (s + qty / 2) / qty),
    }
    .or_else(|| amount(Field::OriginalPrice, &mut bad));
    let product = product_of(&text, cfg);
    let item = match product {
        Ok(p) => Some(RowItem {
            product: p.to_string(),
            qty,
            price,
        }),
        Err(Some((sku, cell_field))) => {
            let listing = text(Field::Product);
            let hint = close_product(listing.as_deref().unwrap_or(&sku), cfg);
            let m = words::unknown_sku(&sku, listing.as_deref(), hint, lang);
            at(cell_field, m, &mut bad);
            None
        }
        Err(None) => {
            at(
                Field::Sku,
                OrderWord::NoProduct.text(lang).to_string(),
                &mut bad,
            );
            None
        }
    };
    (Some(head), item, bad)
}

/// The product a row's SKU or listing name is mapped to in shop.toml; else
/// the SKU to name (and its column), or `None` when the row has neither.
fn product_of<'c>(
    text: &dyn Fn(Field) -> Option<String>,
    cfg: &'c Config,
) -> std::result::Result<&'c str, Option<(String, Field)>> {
    let sku = text(Field::Sku);
    let parent = text(Field::ParentSku);
    let name = text(Field::Product);
    let variation = text(Field::Variation);
    let mut tries: Vec<String> = Vec::new();
    tries.extend(sku.clone());
    tries.extend(parent.clone());
    if let (Some(n), Some(v)) = (&name, &variation) {
        tries.push(format!("{n} {v}"));
        tries.push(format!("{n} - {v}"));
        tries.push(format!("{n} ({v})"));
    }
    tries.extend(name.clone());
    for t in &tries {
        if let Some((id, _)) = cfg.product_for_sku(t) {
            return Ok(id);
        }
    }
    Err(match (sku, parent, name) {
        (Some(s), _, _) => Some((s, Field::Sku)),
        (None, Some(p), _) => Some((p, Field::ParentSku)),
        (None, None, Some(n)) => Some((n, Field::Product)),
        (None, None, None) => None,
    })
}

/// The product whose name shares the most words with a listing name (for
/// the `sku = […]` line to suggest), with its SKUs.
fn close_product<'c>(listing: &str, cfg: &'c Config) -> Option<(&'c str, &'c [String])> {
    let words_of = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_lowercase)
            .collect()
    };
    let want = words_of(listing);
    cfg.products
        .iter()
        .map(|(id, p)| {
            let have = words_of(&format!("{} {id}", p.name));
            let shared = want.iter().filter(|w| have.contains(w)).count();
            (shared, id, p)
        })
        .filter(|(n, _, _)| *n > 0)
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(a.1)))
        .map(|(_, id, p)| (id.as_str(), p.sku.as_slice()))
}

/// The `source` a new buyer gets: the marketplace when shop.toml lists it
/// (or lists no sources), else `marketplace` when it lists that, else none.
fn source_for(market: Market, cfg: &Config) -> Option<String> {
    if cfg.sources.is_empty() {
        return Some(market.id().to_string());
    }
    let listed = |w: &str| {
        cfg.sources
            .iter()
            .find(|s| s.trim().eq_ignore_ascii_case(w))
            .cloned()
    };
    listed(market.id()).or_else(|| listed("marketplace"))
}

/// An order that cannot go into its customer's file: its first row says why.
fn file_bad(o: &FileOrder<'_>, message: &str, out: &mut Out<'_>, counts: &mut Counts) {
    counts.bad_rows += 1;
    out.error(&o.rows[0], None, message);
}

/// An order's lines as written under its dash.
fn order_lines(o: &FileOrder<'_>, t: &Times, market: Market) -> Vec<String> {
    let mut lines = vec![format!("at: {}", when(t.at)), "items:".to_string()];
    for it in &o.items {
        lines.push(format!("  - product: {}", scalar(&it.product)));
        lines.push(format!("    qty: {}", it.qty));
        if let Some(p) = it.price {
            lines.push(format!("    price: {p}"));
        }
    }
    for (k, v) in t.fields() {
        if let Some(v) = v {
            lines.push(format!("{k}: {}", when(v)));
        }
    }
    lines.push(format!("channel: {}", market.id()));
    lines.push(format!("ref: {}", ref_text(&o.reference)));
    lines
}

/// `shopee:2411203KQ7XBNA` plain when it reads back as itself, else quoted.
fn ref_text(r: &str) -> String {
    let plain = r.split_once(':').is_some_and(|(a, b)| {
        a.chars().all(|c| c.is_ascii_lowercase())
            && !b.is_empty()
            && b.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    });
    if plain {
        r.to_string()
    } else {
        scalar(r)
    }
}

/// The order as it reads back from those lines (to check a file's edit).
fn order_record(o: &FileOrder<'_>, t: &Times, market: Market, cfg: &Config) -> Option<Order> {
    let ev = |d: DateTime| -> Option<Ev> {
        let t = crate::time::parse_time_in(&when(d), &cfg.timezone, cfg.language).ok()?;
        Some(Ev { t, line: 0, col: 0 })
    };
    let opt = |d: Option<DateTime>| -> Option<Option<Ev>> {
        match d {
            None => Some(None),
            Some(d) => ev(d).map(Some),
        }
    };
    Some(Order {
        line: 0,
        at: ev(t.at)?,
        items: o
            .items
            .iter()
            .map(|it| Item {
                product: it.product.clone(),
                qty: it.qty,
                price: it
                    .price
                    .or_else(|| cfg.products.get(&it.product).map(|p| p.price))
                    .unwrap_or(0),
            })
            .collect(),
        paid: opt(t.paid)?,
        shipped: opt(t.shipped)?,
        delivered: opt(t.delivered)?,
        cancelled: opt(t.cancelled)?,
        channel: Some(market.id().to_string()),
        reference: Some(o.reference.clone()),
        reference_at: (0, 0),
    })
}

fn parse(id: &str, rel: &Path, text: &str, cfg: &Config) -> (Option<Customer>, Vec<Diagnostic>) {
    record::parse_customer(id, rel, text, cfg)
}

/// A customer file's edit: its new text, how many orders were added and
/// updated, the dry run's lines, and the orders that could not go in (with
/// why; `{path}` stands for the file).
struct Edited {
    text: String,
    added: usize,
    updated: usize,
    plan: String,
    problems: Vec<(usize, String)>,
}

/// Sets the fields of the orders found by ref (from the last in the file
/// up, so the lines of the others do not move) and appends the new ones
/// (by time); the result must read back as the old record plus exactly
/// that. `Err`: the whole file's changes are refused, with why.
fn edit_customer(
    text: &str,
    old: &Customer,
    change: &Change,
    orders: &[FileOrder<'_>],
    cfg: &Config,
) -> std::result::Result<Edited, String> {
    let lang = cfg.language;
    let market_of = |o: &FileOrder<'_>| {
        if o.reference.starts_with("shopee:") {
            Market::Shopee
        } else {
            Market::Tiktok
        }
    };
    let mut expected = old.positionless();
    let mut problems: Vec<(usize, String)> = Vec::new();
    let mut plan = String::new();
    let mut new = text.to_string();
    // Updates, from the last line up.
    let mut updates: Vec<(u32, usize, usize, &SetFields)> = Vec::new();
    for (n, set) in &change.update {
        let key = ref_key(&orders[*n].reference);
        if let Some(oi) = old
            .orders
            .iter()
            .position(|o| o.reference.as_deref().map(ref_key).as_deref() == Some(&key))
        {
            updates.push((old.orders[oi].reference_at.0, oi, *n, set));
        }
    }
    updates.sort_by_key(|u| std::cmp::Reverse(u.0));
    let mut updated = 0;
    let mut update_plan: Vec<(u32, String)> = Vec::new();
    for (line, oi, n, set) in updates {
        let have = &old.orders[oi];
        // Only what the record (as read now) lacks.
        let fields: Vec<(&str, String)> = set
            .iter()
            .filter(|(k, _)| match *k {
                "paid" => have.paid.is_none(),
                "shipped" => have.shipped.is_none(),
                "delivered" => have.delivered.is_none(),
                _ => have.cancelled.is_none(),
            })
            .map(|(k, v)| (*k, when(*v)))
            .collect();
        if fields.is_empty() {
            continue;
        }
        match set_item_fields(&new, line as usize, "ref", &fields) {
            Ok(t) => new = t,
            Err(ItemEdit::NotBlock) => {
                let said: Vec<String> = fields.iter().map(|(k, v)| format!("{k}: {v}")).collect();
                problems.push((
                    n,
                    words::order_on_one_line(
                        "{path}",
                        &orders[n].reference,
                        &said.join(", "),
                        lang,
                    ),
                ));
                continue;
            }
        }
        let e = &mut expected.orders[oi];
        for (k, v) in &fields {
            let t = crate::time::parse_time_in(v, &cfg.timezone, cfg.language)
                .map_err(|_| words::edit_not_clean("{path}", lang))?;
            let ev = Some(Ev { t, line: 0, col: 0 });
            match *k {
                "paid" => e.paid = ev,
                "shipped" => e.shipped = ev,
                "delivered" => e.delivered = ev,
                _ => e.cancelled = ev,
            }
        }
        let said: Vec<String> = fields.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        update_plan.push((
            line,
            format!(
                "    {} {}: {}\n",
                OrderWord::WouldSet.text(lang),
                orders[n].reference,
                said.join(", ")
            ),
        ));
        updated += 1;
    }
    update_plan.sort();
    for (_, l) in update_plan {
        plan.push_str(&l);
    }
    // Appends, by time (ties: file order).
    // (An order already in the file as read now is not added again.)
    let in_file = |n: usize| {
        let key = ref_key(&orders[n].reference);
        old.orders
            .iter()
            .any(|o| o.reference.as_deref().map(ref_key).as_deref() == Some(key.as_str()))
    };
    let mut appends: Vec<(Times, usize)> = change
        .append
        .iter()
        .filter(|&&n| !in_file(n))
        .filter_map(|&n| orders[n].times().map(|t| (t, n)))
        .collect();
    appends.sort_by_key(|(t, n)| (t.at, *n));
    let first_contact = crate::time::civil(old.first_contact.t, &cfg.timezone);
    let mut added = 0;
    for (t, n) in appends {
        let o = &orders[n];
        if t.at < first_contact {
            problems.push((
                n,
                words::before_first_contact(
                    &o.reference,
                    &when(t.at),
                    "{path}",
                    &when(first_contact),
                    lang,
                ),
            ));
            continue;
        }
        let market = market_of(o);
        let lines = order_lines(o, &t, market);
        new = append_item(&new, "orders", &lines)
            .map_err(|OneLine| words::orders_on_one_line("{path}", lang))?;
        let rec = order_record(o, &t, market, cfg)
            .ok_or_else(|| words::edit_not_clean("{path}", lang))?;
        expected.orders.push(rec);
        plan.push_str(&format!(
            "    + {} {}\n",
            OrderWord::WouldAdd.text(lang),
            o.reference
        ));
        for l in &lines {
            plan.push_str(&format!("        {l}\n"));
        }
        added += 1;
    }
    if added + updated > 0 {
        let (got, diags) = parse(&old.id, &old.path, &new, cfg);
        let same = got.map(|g| g.positionless() == expected).unwrap_or(false);
        if !same || diags.iter().any(Diagnostic::is_error) {
            let why: Vec<String> = diags
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.message.clone())
                .collect();
            let mut m = words::edit_not_clean("{path}", lang);
            if !why.is_empty() {
                m.push_str(&format!(" ({})", why.join("; ")));
            }
            return Err(m);
        }
    }
    Ok(Edited {
        text: new,
        added,
        updated,
        plan,
        problems,
    })
}

/// A new customer's file: the buyer from her first order of the file, her
/// orders by time. Returns its path, text and how many orders it holds.
fn new_customer(
    b: &Buyer,
    orders: &[FileOrder<'_>],
    market: Market,
    source: Option<&str>,
    cfg: &Config,
    ids: &mut std::collections::BTreeSet<String>,
) -> std::result::Result<(PathBuf, String, usize), String> {
    let lang = cfg.language;
    let mut mine: Vec<(Times, usize)> = b
        .orders
        .iter()
        .filter_map(|&n| orders[n].times().map(|t| (t, n)))
        .collect();
    mine.sort_by_key(|(t, n)| (t.at, *n));
    let Some(&(first_t, first)) = mine.first() else {
        return Err(words::edit_not_clean("customers/", lang));
    };
    // Who she is: from the first of her orders that says.
    let pick =
        |f: &dyn Fn(&RowOrder) -> Option<String>| b.orders.iter().find_map(|&n| f(&orders[n].head));
    let username = pick(&|h| h.username.clone());
    let name = pick(&|h| h.recipient.clone())
        .or_else(|| username.clone())
        .unwrap_or_else(|| {
            let number = orders[first]
                .reference
                .split_once(':')
                .map_or("", |(_, n)| n);
            words::buyer_name(market.id(), number, lang)
        });
    let c = NewCustomer {
        name: name.clone(),
        phone: pick(&|h| h.phone.clone()),
        email: None,
        city: pick(&|h| h.city.clone()),
        source: source.map(String::from),
        admin: None,
        note: None,
    };
    let handles: Vec<(String, String)> = username
        .map(|u| vec![(market.id().to_string(), u)])
        .unwrap_or_default();
    let mut text = customer_text_full(&c, &when(first_t.at), &[], &handles);
    for (t, n) in &mine {
        let lines = order_lines(&orders[*n], t, market);
        text = append_item(&text, "orders", &lines)
            .map_err(|OneLine| words::edit_not_clean("customers/", lang))?;
    }
    let id = free_id(&slug(&name), &|id| ids.contains(id));
    let rel = PathBuf::from(index::CUSTOMERS_DIR).join(format!("{id}.yaml"));
    let (parsed, diags) = parse(&id, &rel, &text, cfg);
    let errors: Vec<String> = diags
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.message.clone())
        .collect();
    if parsed.is_none() || !errors.is_empty() {
        return Err(errors.join("; "));
    }
    ids.insert(id);
    Ok((rel, text, mine.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sheet::{field_of, header_key};

    #[test]
    fn the_columns_of_both_exports() {
        for (table, header, field) in [
            (SHOPEE, "No. Pesanan", Field::Number),
            (SHOPEE, "Username (Pembeli)", Field::Username),
            (SHOPEE, "Kota/Kabupaten", Field::City),
            (SHOPEE, "Harga Setelah Diskon", Field::UnitPrice),
            (TIKTOK, "Phone #", Field::Phone),
            (TIKTOK, "SKU Subtotal After Discount", Field::Subtotal),
            (TIKTOK, "Regency and City", Field::City),
        ] {
            assert_eq!(field_of(header, table), Some(field), "{header}");
        }
        for extra in [
            "Alamat Pengiriman",
            "Provinsi",
            "No. Resi",
            "Total Pembayaran",
            "Jumlah Produk di Pesan",
        ] {
            assert_eq!(field_of(extra, SHOPEE), None, "{extra}");
        }
        for extra in ["Tracking ID", "Province", "Order Amount"] {
            assert_eq!(field_of(extra, TIKTOK), None, "{extra}");
        }
        for table in [SHOPEE, TIKTOK] {
            let mut seen = std::collections::HashSet::new();
            for (_, names) in table {
                for n in *names {
                    assert!(seen.insert(header_key(n)), "{n} twice");
                }
            }
        }
    }

    #[test]
    fn statuses() {
        let s = |t: &str| stage_of(t, Market::Shopee);
        assert_eq!(s("Belum Bayar"), Some(Stage::Unpaid));
        assert_eq!(s("perlu dikirim"), Some(Stage::Paid));
        assert_eq!(s("Dikirim"), Some(Stage::Shipped));
        assert_eq!(s("Selesai"), Some(Stage::Delivered));
        assert_eq!(s("Batal"), Some(Stage::Cancelled));
        assert_eq!(s("Pengembalian Dana Berhasil"), Some(Stage::Cancelled));
        assert_eq!(s("Menunggu"), None);
        let t = |x: &str| stage_of(x, Market::Tiktok);
        assert_eq!(t("Awaiting shipment"), Some(Stage::Paid));
        assert_eq!(t("Awaiting collection"), Some(Stage::Paid));
        assert_eq!(t("In transit"), Some(Stage::Shipped));
        assert_eq!(t("Completed"), Some(Stage::Delivered));
        assert_eq!(t("Cancelled"), Some(Stage::Cancelled));
        assert_eq!(t("Unpaid"), Some(Stage::Unpaid));
    }

    fn dt(s: &str) -> DateTime {
        date::parse(s).expect("time")
    }

    #[test]
    fn times_from_status_and_columns() {
        let at = dt("2024-11-20 14:03");
        let o = |stage, paid: Option<&str>, shipped: Option<&str>| RowOrder {
            stage: Some(stage),
            paid: paid.map(dt),
            shipped: shipped.map(dt),
            ..RowOrder::default()
        };
        // Cash on delivery: paid at the order's time.
        let t = Times::of(&o(Stage::Paid, None, Some("2024-11-21 09:00")), at);
        assert_eq!((t.paid, t.shipped, t.cancelled), (Some(at), None, None));
        let t = Times::of(&o(Stage::Unpaid, None, None), at);
        assert_eq!(t.paid, None);
        let t = Times::of(
            &o(
                Stage::Shipped,
                Some("2024-11-20 14:10"),
                Some("2024-11-21 09:00"),
            ),
            at,
        );
        assert_eq!(t.shipped, Some(dt("2024-11-21 09:00")));
        // Cancelled without a time: the latest the row gives.
        let t = Times::of(&o(Stage::Cancelled, Some("2024-11-20 14:10"), None), at);
        assert_eq!(t.cancelled, Some(dt("2024-11-20 14:10")));
        assert_eq!(t.paid, Some(dt("2024-11-20 14:10")));
        let t = Times::of(&o(Stage::Cancelled, None, None), at);
        assert_eq!((t.paid, t.cancelled), (None, Some(at)));
        assert_eq!(when(dt("2024-11-20 14:03:11")), "2024-11-20 14:03:11");
        assert_eq!(when(at), "2024-11-20 14:03");
        assert_eq!(ref_text("shopee:2411203KQ7XBNA"), "shopee:2411203KQ7XBNA");
        assert_eq!(ref_text("shopee:24 11"), "\"shopee:24 11\"");
    }
}
