//! What `import orders` says, in Bahasa Indonesia or English: why a row of
//! a marketplace export is bad (an SKU shop.toml does not know, with the
//! line to add; a time, amount or quantity that cannot be read; a status it
//! does not know), why a customer file cannot take an order, the dry run's
//! words and the summary. Words shared with `import customers` (where a
//! row is, unreadable files, dates) are in `lang::import`.

use super::pick;
use crate::shop::config::Lang;

/// The marketplaces as a person names them.
pub fn market_name(market: &str) -> &'static str {
    match market {
        "shopee" => "Shopee",
        _ => "TikTok Shop/Tokopedia",
    }
}

/// Fixed words of the order import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderWord {
    /// `--dry-run`: before a customer file that would change.
    WouldChange,
    /// `--dry-run`: before an order that would be added.
    WouldAdd,
    /// `--dry-run`: before fields that would be set in an order.
    WouldSet,
    /// A row without an order number.
    NoOrderNumber,
    /// A row without the order's time.
    NoOrderTime,
    /// A row with neither SKU nor product name.
    NoProduct,
}

impl OrderWord {
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            OrderWord::WouldChange => pick(lang, "akan diubah:", "would change:"),
            OrderWord::WouldAdd => pick(lang, "tambah pesanan", "add order"),
            OrderWord::WouldSet => pick(lang, "isi di pesanan", "set in order"),
            OrderWord::NoOrderNumber => {
                pick(lang, "nomor pesanan kosong", "the order number is empty")
            }
            OrderWord::NoOrderTime => pick(
                lang,
                "waktu pesanan dibuat kosong; tanpa itu pesanan tidak bisa dicatat",
                "the order's creation time is empty; an order cannot be recorded without it",
            ),
            OrderWord::NoProduct => pick(
                lang,
                "tidak ada SKU maupun nama produk",
                "there is neither an SKU nor a product name",
            ),
        }
    }
}

/// No sheet has the order columns of either export.
pub fn no_order_columns(place: &str, from: Option<&str>, lang: Lang) -> String {
    let wanted = match from {
        Some("shopee") => "`No. Pesanan`, `Status Pesanan`, `Waktu Pesanan Dibuat` (Shopee)",
        Some(_) => "`Order ID`, `Order Status`, `Created Time` (TikTok Shop/Tokopedia)",
        None => "`No. Pesanan` (Shopee) or `Order ID` (TikTok Shop/Tokopedia)",
    };
    match lang {
        Lang::Id => format!(
            "{place}: ini bukan ekspor pesanan yang kami kenal; baris judulnya perlu kolom {} — unduh ekspornya dari Seller Centre apa adanya, tanpa mengubah judul kolom",
            wanted.replace(" or ", " atau ")
        ),
        Lang::En => format!(
            "{place}: this is not an order export we know; its header needs the column {wanted} — download the export from the seller centre as it is, without renaming columns"
        ),
    }
}

/// An SKU (or listing name) shop.toml does not map to a product, with the
/// line to add: under `product` when one looks like it, else under the
/// product it is.
pub fn unknown_sku(
    sku: &str,
    listing: Option<&str>,
    product: Option<(&str, &[String])>,
    lang: Lang,
) -> String {
    let quoted = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let listing = listing
        .filter(|l| *l != sku)
        .map(|l| format!(" ({l})"))
        .unwrap_or_default();
    match product {
        Some((id, known)) => {
            let mut all: Vec<String> = known.iter().map(|s| quoted(s)).collect();
            all.push(quoted(sku));
            let line = format!("sku = [{}]", all.join(", "));
            let verb = if known.is_empty() {
                pick(lang, "tambahkan", "add")
            } else {
                pick(lang, "ganti baris `sku` dengan", "replace its `sku` line with")
            };
            match lang {
                Lang::Id => format!(
                    "SKU `{sku}`{listing} tidak ada di shop.toml; kalau ini produk `{id}`, di bawah [products.{id}] {verb}: {line}"
                ),
                Lang::En => format!(
                    "SKU `{sku}`{listing} is not in shop.toml; if it is product `{id}`, under [products.{id}] {verb}: {line}"
                ),
            }
        }
        None => match lang {
            Lang::Id => format!(
                "SKU `{sku}`{listing} tidak ada di shop.toml; di bawah [products.<id>] produk yang dimaksud, tambahkan: sku = [{}]",
                quoted(sku)
            ),
            Lang::En => format!(
                "SKU `{sku}`{listing} is not in shop.toml; under [products.<id>] of the product it is, add: sku = [{}]",
                quoted(sku)
            ),
        },
    }
}

pub fn not_a_quantity(shown: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("`{shown}` bukan jumlah barang (bilangan bulat 1 atau lebih)"),
        Lang::En => format!("`{shown}` is not a quantity (a whole number, 1 or more)"),
    }
}

pub fn not_an_amount(shown: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => {
            format!("`{shown}` bukan jumlah uang; tulis seperti 85000, 85.000 atau Rp 85.000")
        }
        Lang::En => format!("`{shown}` is not an amount; write it like 85000, 85.000 or Rp 85.000"),
    }
}

/// A status the import does not know.
pub fn unknown_status(status: &str, known: &[&str], lang: Lang) -> String {
    let known = known.join(", ");
    match lang {
        Lang::Id => format!("status `{status}` tidak kami kenal; yang kami kenal: {known}"),
        Lang::En => format!("status `{status}` is not one we know; we know: {known}"),
    }
}

/// An order number a spreadsheet turned into a number that lost digits.
pub fn order_number_lost(shown: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "spreadsheet mengubah nomor pesanan menjadi angka {shown} dan digitnya hilang; pakai berkas ekspor aslinya (jangan disimpan ulang dari Excel)"
        ),
        Lang::En => format!(
            "the spreadsheet turned the order number into the number {shown} and lost digits; use the original export file (do not save it again from Excel)"
        ),
    }
}

/// A row left out because another row of its order is bad.
pub fn order_left_out(reference: &str, rows: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("pesanan {reference} tidak diimpor karena {rows} bermasalah"),
        Lang::En => format!("order {reference} is not imported because {rows} is bad"),
    }
}

/// An order earlier than the customer's first contact.
pub fn before_first_contact(
    reference: &str,
    at: &str,
    path: &str,
    first_contact: &str,
    lang: Lang,
) -> String {
    match lang {
        Lang::Id => format!(
            "pesanan {reference} ({at}) lebih awal dari first_contact pelanggannya di {path} ({first_contact}); kalau pelanggan ini memang sudah ada sejak itu, majukan first_contact-nya, lalu impor lagi"
        ),
        Lang::En => format!(
            "order {reference} ({at}) is earlier than its customer's first_contact in {path} ({first_contact}); if the customer was there by then, move first_contact back and import again"
        ),
    }
}

/// A customer file whose `orders:` is written on one line with items.
pub fn orders_on_one_line(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "{path}: `orders` ditulis dalam satu baris ([…]); tulis sebagai daftar dengan satu `- at:` per pesanan supaya pesanan bisa ditambahkan"
        ),
        Lang::En => format!(
            "{path}: `orders` is written on one line ([…]); write it as a list with one `- at:` item per order so that orders can be added"
        ),
    }
}

/// An order found by its ref but written as `{…}` on one line.
pub fn order_on_one_line(path: &str, reference: &str, fields: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "{path}: pesanan {reference} ditulis dalam satu baris ({{…}}), jadi kami tidak mengubahnya; tambahkan sendiri: {fields}"
        ),
        Lang::En => format!(
            "{path}: order {reference} is written on one line ({{…}}), so we leave it as it is; add by hand: {fields}"
        ),
    }
}

/// The edit of a customer file would not read back as the old record
/// plus the orders (a bug, or a file written in an unusual way).
pub fn edit_not_clean(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "{path}: setelah pesanan ditambahkan, berkas ini tidak terbaca sama seperti sebelumnya ditambah pesanan itu; tidak ada yang diubah di berkas ini"
        ),
        Lang::En => format!(
            "{path}: with the orders added, the file would not read back as before plus those orders; this file is left as it is"
        ),
    }
}

/// The name of a buyer the export gives no usable name for.
pub fn buyer_name(market: &str, number: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("Pembeli {} {number}", market_name(market)),
        Lang::En => format!("{} buyer {number}", market_name(market)),
    }
}

/// Said once when shop.toml's `sources` has neither the marketplace nor
/// `marketplace`: new buyers are written without a source.
pub fn no_source(market: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "`sources` di shop.toml tidak memuat `{market}` atau `marketplace`, jadi pelanggan baru dari impor ini ditulis tanpa `source` (tambahkan `{market}` ke `sources` kalau mau dicatat)"
        ),
        Lang::En => format!(
            "`sources` in shop.toml has neither `{market}` nor `marketplace`, so the new customers of this import have no `source` (add `{market}` to `sources` to record it)"
        ),
    }
}

/// `import orders` refusing a file with bad rows.
pub fn refused(bad_rows: usize, lang: Lang) -> String {
    super::import::import_refused(bad_rows, lang)
}

/// The counts an order import ends with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub customers_created: usize,
    pub orders_added: usize,
    pub orders_updated: usize,
    pub orders_unchanged: usize,
    pub bad_rows: usize,
}

/// The last line of `import orders`.
pub fn summary(n: &Counts, dry_run: bool, lang: Lang) -> String {
    let skipped = if n.bad_rows > 0 {
        pick(lang, " dilewati", " skipped")
    } else {
        ""
    };
    match (lang, dry_run) {
        (Lang::Id, false) => format!(
            "{} pelanggan baru, {} pesanan ditambahkan, {} pesanan diperbarui, {} pesanan sudah tercatat, {} baris bermasalah{skipped}",
            n.customers_created, n.orders_added, n.orders_updated, n.orders_unchanged, n.bad_rows
        ),
        (Lang::Id, true) => format!(
            "akan dibuat {} pelanggan baru, ditambahkan {} pesanan, diperbarui {} pesanan; {} pesanan sudah tercatat, {} baris bermasalah{skipped}",
            n.customers_created, n.orders_added, n.orders_updated, n.orders_unchanged, n.bad_rows
        ),
        (Lang::En, false) => format!(
            "{} new customers, {} orders added, {} orders updated, {} orders already recorded, {} bad rows{skipped}",
            n.customers_created, n.orders_added, n.orders_updated, n.orders_unchanged, n.bad_rows
        ),
        (Lang::En, true) => format!(
            "would create {} new customers, add {} orders, update {} orders; {} orders already recorded, {} bad rows{skipped}",
            n.customers_created, n.orders_added, n.orders_updated, n.orders_unchanged, n.bad_rows
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sku_line_to_add_in_both_languages() {
        let known = vec!["SRM-VC-20".to_string()];
        assert_eq!(
            unknown_sku("SRM-VC-50", Some("Serum Vitamin C 50ml"), Some(("serum", &known)), Lang::Id),
            "SKU `SRM-VC-50` (Serum Vitamin C 50ml) tidak ada di shop.toml; kalau ini produk `serum`, di bawah [products.serum] ganti baris `sku` dengan: sku = [\"SRM-VC-20\", \"SRM-VC-50\"]"
        );
        assert_eq!(
            unknown_sku("X-1", None, None, Lang::En),
            "SKU `X-1` is not in shop.toml; under [products.<id>] of the product it is, add: sku = [\"X-1\"]"
        );
        let n = Counts {
            customers_created: 1,
            orders_added: 2,
            ..Counts::default()
        };
        assert_eq!(
            summary(&n, false, Lang::Id),
            "1 pelanggan baru, 2 pesanan ditambahkan, 0 pesanan diperbarui, 0 pesanan sudah tercatat, 0 baris bermasalah"
        );
        assert!(!summary(&n, true, Lang::Id).contains("galat"));
    }
}
