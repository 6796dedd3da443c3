//! `import orders FILE` (SPEC §10): Shopee and TikTok Shop / Tokopedia
//! exports written here with the seller centres' headers (CSV, and `.xlsx`
//! made with rust_xlsxwriter): multi-item orders, every status, masked
//! phones, buyers known by phone, by username and new, unknown SKUs, bad
//! times, money in each form; in-place updates byte for byte; twice = once;
//! the dry run; and the same reports as the orders typed by hand.

use crate::support::{self, Output, Test, NOW};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

const SHOP_TOML: &str = r#"[shop]
name = "Toko Uji"
timezone = "Asia/Jakarta"
admins = ["dewi", "rudi"]
sources = ["instagram", "shopee", "tiktok", "whatsapp"]

[categories.skincare]
repeat_after = "30d"

[products.serum]
name = "Serum Vitamin C 20ml"
category = "skincare"
price = 85000
sku = ["SRM-VC-20", "Serum Vitamin C 20ml Glow"]

[products.toner]
name = "Toner Hydrating"
category = "skincare"
price = 60000
sku = ["TNR-01"]
"#;

fn shop() -> Test {
    Test::new().shop_toml(SHOP_TOML)
}

fn english() -> Test {
    Test::new().shop_toml(&SHOP_TOML.replacen("[shop]\n", "[shop]\nlanguage = \"en\"\n", 1))
}

/// Siti, known by her phone; her file has comments and an empty flow list.
const SITI: &str = "# Pelanggan lama\nname: Siti Rahma   # dari IG\nphone: \"0812-3456-7890\"\nfirst_contact: 2026-11-01 10:00\norders: []  # belum ada\ninteractions:\n  - at: 2026-11-01 10:00\n    kind: inbound\n";

/// Budi, known only by his Shopee username: CRLF, no final newline.
const BUDI: &str = "name: Budi\r\nhandles: {shopee: budi88}\r\nfirst_contact: 2026-11-01\r\norders:\r\n  - at: 2026-11-02 10:00\r\n    items:\r\n      - product: serum\r\n    paid: 2026-11-02 11:00\r\n    channel: whatsapp";

fn import(t: &Test, file: &str, extra: &[&str]) -> Output {
    let path = t.path().join(file).display().to_string();
    let mut args = vec!["--now", NOW, "import", "orders", &path];
    args.extend_from_slice(extra);
    t.run_args(&args)
}

fn read(t: &Test, rel: &str) -> String {
    std::fs::read_to_string(t.path().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The record files of a shop (not its cache), by path.
fn records(t: &Test) -> Vec<(String, Vec<u8>)> {
    support::files(t.path())
        .into_iter()
        .filter(|(p, _)| p.starts_with("customers/") || p.starts_with("complaints/"))
        .collect()
}

/// A CSV field as a seller centre writes it.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Shopee's export columns (Pesanan Saya › Ekspor), the ones langgan reads
/// and some it does not.
const SHOPEE_HEADER: [&str; 22] = [
    "No. Pesanan",
    "Status Pesanan",
    "No. Resi",
    "Opsi Pengiriman",
    "Waktu Pesanan Dibuat",
    "Waktu Pembayaran Dilakukan",
    "Waktu Pengiriman Diatur",
    "Waktu Pesanan Selesai",
    "SKU Induk",
    "Nama Produk",
    "Nomor Referensi SKU",
    "Nama Variasi",
    "Harga Awal",
    "Harga Setelah Diskon",
    "Jumlah",
    "Total Pembayaran",
    "Username (Pembeli)",
    "Nama Penerima",
    "No. Telepon",
    "Alamat Pengiriman",
    "Kota/Kabupaten",
    "Provinsi",
];

/// A Shopee CSV: each row given as (column, value); the rest empty.
fn shopee_csv(rows: &[Vec<(&str, &str)>]) -> String {
    let mut s = SHOPEE_HEADER.join(",") + "\n";
    for r in rows {
        let cells: Vec<String> = SHOPEE_HEADER
            .iter()
            .map(|h| {
                r.iter()
                    .find(|(k, _)| k == h)
                    .map_or(String::new(), |(_, v)| csv_field(v))
            })
            .collect();
        s.push_str(&cells.join(","));
        s.push('\n');
    }
    s
}

/// One Shopee row: order, status, times (created, paid, arranged, done),
/// SKU, listing name, price, qty, buyer (username, recipient, phone, city).
#[allow(clippy::too_many_arguments)]
fn srow<'a>(
    number: &'a str,
    status: &'a str,
    times: [&'a str; 4],
    sku: &'a str,
    listing: &'a str,
    price: &'a str,
    qty: &'a str,
    buyer: [&'a str; 4],
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("No. Pesanan", number),
        ("Status Pesanan", status),
        ("No. Resi", "JX0012345678"),
        ("Opsi Pengiriman", "J&T Express"),
        ("Waktu Pesanan Dibuat", times[0]),
        ("Waktu Pembayaran Dilakukan", times[1]),
        ("Waktu Pengiriman Diatur", times[2]),
        ("Waktu Pesanan Selesai", times[3]),
        ("SKU Induk", "GLOW"),
        ("Nama Produk", listing),
        ("Nomor Referensi SKU", sku),
        ("Harga Awal", "Rp 90.000"),
        ("Harga Setelah Diskon", price),
        ("Jumlah", qty),
        ("Total Pembayaran", "Rp 230.000"),
        ("Username (Pembeli)", buyer[0]),
        ("Nama Penerima", buyer[1]),
        ("No. Telepon", buyer[2]),
        ("Alamat Pengiriman", "Jl. Mawar No. 1, RT 01/RW 02"),
        ("Kota/Kabupaten", buyer[3]),
        ("Provinsi", "Jawa Barat"),
    ]
}

const SITI_BUYER: [&str; 4] = ["sitirahma88", "Siti Rahma", "6281234567890", "KOTA BANDUNG"];
const BUDI_BUYER: [&str; 4] = ["budi88", "B***i", "******7890", "KAB. BOGOR"];
const RINA_BUYER: [&str; 4] = ["rina_w", "Rina Wati", "081399998888", "KOTA DEPOK"];
const DODI_BUYER: [&str; 4] = ["dodi.s", "Dodi Santoso", "62812****89", "KOTA BEKASI"];

/// A week of Shopee orders: a two-item order (Selesai) for Siti, Budi's
/// (Dikirim, listing name instead of SKU), Rina's three (COD Perlu
/// Dikirim, Belum Bayar, Batal) and Dodi's refund; money in every form.
fn shopee_week() -> String {
    shopee_csv(&[
        srow(
            "2611100AAA1",
            "Selesai",
            [
                "2026-11-10 14:03",
                "2026-11-10 14:05",
                "2026-11-11 09:00",
                "2026-11-13 10:00",
            ],
            "SRM-VC-20",
            "Serum Vitamin C 20ml",
            "Rp 85.000",
            "2",
            SITI_BUYER,
        ),
        srow(
            "2611100AAA1",
            "Selesai",
            [
                "2026-11-10 14:03",
                "2026-11-10 14:05",
                "2026-11-11 09:00",
                "2026-11-13 10:00",
            ],
            "TNR-01",
            "Toner Hydrating 100ml",
            "60.000",
            "1",
            SITI_BUYER,
        ),
        srow(
            "2611160BBB2",
            "Dikirim",
            [
                "2026-11-16 08:00",
                "2026-11-16 08:30",
                "2026-11-17 10:00",
                "",
            ],
            "",
            "Serum Vitamin C 20ml Glow",
            "85000",
            "1",
            BUDI_BUYER,
        ),
        srow(
            "2611170CCC3",
            "Perlu Dikirim",
            ["17/11/2026 19:20:45", "", "", ""],
            "TNR-01",
            "Toner Hydrating 100ml",
            "60,000.00",
            "1",
            RINA_BUYER,
        ),
        srow(
            "2611180DDD4",
            "Belum Bayar",
            ["2026-11-18 21:00", "", "", ""],
            "SRM-VC-20",
            "Serum Vitamin C 20ml",
            "85.000",
            "1",
            RINA_BUYER,
        ),
        srow(
            "2611190EEE5",
            "Batal",
            ["2026-11-19 10:00", "", "", ""],
            "SRM-VC-20",
            "Serum Vitamin C 20ml",
            "85000",
            "1",
            RINA_BUYER,
        ),
        srow(
            "2611050FFF6",
            "Pengembalian Dana",
            ["2026-11-05 10:00", "2026-11-05 10:05", "", ""],
            "SRM-VC-20",
            "Serum Vitamin C 20ml",
            "Rp85.000",
            "1",
            DODI_BUYER,
        ),
    ])
}

fn shopee_shop() -> Test {
    shop()
        .file("customers/siti-rahma.yaml", SITI)
        .file("customers/budi.yaml", BUDI)
        .file("shopee.csv", shopee_week())
}

#[test]
fn a_shopee_export_becomes_orders_in_the_right_files() {
    let t = shopee_shop();
    import(&t, "shopee.csv", &[])
        .code(0)
        .stderr_lacks("error")
        .stderr_has("2 pelanggan baru, 6 pesanan ditambahkan, 0 pesanan diperbarui, 0 pesanan sudah tercatat, 0 baris bermasalah");
    // Siti, by phone: the empty flow list became the block, nothing else moved.
    assert_eq!(
        read(&t, "customers/siti-rahma.yaml"),
        "# Pelanggan lama\nname: Siti Rahma   # dari IG\nphone: \"0812-3456-7890\"\nfirst_contact: 2026-11-01 10:00\norders: # belum ada\n  - at: 2026-11-10 14:03\n    items:\n      - product: serum\n        qty: 2\n        price: 85000\n      - product: toner\n        qty: 1\n        price: 60000\n    paid: 2026-11-10 14:05\n    shipped: 2026-11-11 09:00\n    delivered: 2026-11-13 10:00\n    channel: shopee\n    ref: shopee:2611100AAA1\ninteractions:\n  - at: 2026-11-01 10:00\n    kind: inbound\n"
    );
    // Budi, by username (his phone is masked): CRLF kept, still no final newline.
    assert_eq!(
        read(&t, "customers/budi.yaml"),
        format!("{BUDI}\r\n  - at: 2026-11-16 08:00\r\n    items:\r\n      - product: serum\r\n        qty: 1\r\n        price: 85000\r\n    paid: 2026-11-16 08:30\r\n    shipped: 2026-11-17 10:00\r\n    channel: shopee\r\n    ref: shopee:2611160BBB2")
    );
    // Rina, new: COD paid at the order's time, unpaid, cancelled at its time.
    assert_eq!(
        read(&t, "customers/rina-wati.yaml"),
        "name: Rina Wati\nphone: \"081399998888\"\nhandles:\n  shopee: rina_w\ncity: KOTA DEPOK\nsource: shopee\nfirst_contact: 2026-11-17 19:20:45\norders:\n  - at: 2026-11-17 19:20:45\n    items:\n      - product: toner\n        qty: 1\n        price: 60000\n    paid: 2026-11-17 19:20:45\n    channel: shopee\n    ref: shopee:2611170CCC3\n  - at: 2026-11-18 21:00\n    items:\n      - product: serum\n        qty: 1\n        price: 85000\n    channel: shopee\n    ref: shopee:2611180DDD4\n  - at: 2026-11-19 10:00\n    items:\n      - product: serum\n        qty: 1\n        price: 85000\n    cancelled: 2026-11-19 10:00\n    channel: shopee\n    ref: shopee:2611190EEE5\n"
    );
    // Dodi, new with a masked phone: no phone written, the refund cancelled
    // at the latest time the row gives.
    let dodi = read(&t, "customers/dodi-santoso.yaml");
    assert!(!dodi.contains("phone"), "{dodi}");
    assert!(dodi.contains("handles:\n  shopee: dodi.s\n"), "{dodi}");
    assert!(
        dodi.contains("    paid: 2026-11-05 10:05\n    cancelled: 2026-11-05 10:05\n"),
        "{dodi}"
    );
    t.run_args(&["check"]).code(0).no_diagnostics();
}

/// The week's export as Shopee writes it when the Seller Centre is set to
/// English: its English column names and statuses.
fn shopee_week_english() -> String {
    let names = [
        ("No. Pesanan", "Order ID"),
        ("Status Pesanan", "Order Status"),
        ("No. Resi", "Tracking Number*"),
        ("Opsi Pengiriman", "Shipping Option"),
        ("Waktu Pesanan Dibuat", "Order Creation Date"),
        ("Waktu Pembayaran Dilakukan", "Order Paid Time"),
        ("Waktu Pengiriman Diatur", "Ship Time"),
        ("Waktu Pesanan Selesai", "Order Complete Time"),
        ("SKU Induk", "Parent SKU Reference No."),
        ("Nama Produk", "Product Name"),
        ("Nomor Referensi SKU", "SKU Reference No."),
        ("Nama Variasi", "Variation Name"),
        ("Harga Awal", "Original Price"),
        ("Harga Setelah Diskon", "Deal Price"),
        ("Jumlah", "Quantity"),
        ("Total Pembayaran", "Grand Total"),
        ("Username (Pembeli)", "Username (Buyer)"),
        ("Nama Penerima", "Receiver Name"),
        ("No. Telepon", "Phone Number"),
        ("Alamat Pengiriman", "Delivery Address"),
        ("Kota/Kabupaten", "City"),
        ("Provinsi", "Province"),
    ];
    let statuses = [
        (",Selesai,", ",Completed,"),
        (",Dikirim,", ",Shipping,"),
        (",Perlu Dikirim,", ",To ship,"),
        (",Belum Bayar,", ",Unpaid,"),
        (",Batal,", ",Cancelled,"),
        (",Pengembalian Dana,", ",Return/Refund,"),
    ];
    let csv = shopee_week();
    let (header, rows) = csv.split_once('\n').unwrap_or_default();
    let header: Vec<&str> = header
        .split(',')
        .map(|h| {
            names
                .iter()
                .find(|(id, _)| *id == h)
                .map_or(h, |(_, en)| en)
        })
        .collect();
    let rows = statuses
        .iter()
        .fold(rows.to_string(), |r, (id, en)| r.replace(id, en));
    format!("{}\n{rows}", header.join(","))
}

/// An export from a Seller Centre set to English (its order number is
/// `Order ID`, as TikTok's is) is read as Shopee's and gives the same files.
#[test]
fn a_shopee_export_in_english_gives_the_same_files() {
    let indonesian = shopee_shop();
    import(&indonesian, "shopee.csv", &[]).code(0);
    let english = shop()
        .file("customers/siti-rahma.yaml", SITI)
        .file("customers/budi.yaml", BUDI)
        .file("shopee.csv", shopee_week_english());
    import(&english, "shopee.csv", &[])
        .code(0)
        .stderr_lacks("error")
        .stderr_has("2 pelanggan baru, 6 pesanan ditambahkan, 0 pesanan diperbarui, 0 pesanan sudah tercatat, 0 baris bermasalah");
    assert_eq!(records(&english), records(&indonesian));
}

#[test]
fn importing_the_same_export_twice_changes_nothing() {
    let t = shopee_shop();
    import(&t, "shopee.csv", &[]).code(0);
    let once = records(&t);
    import(&t, "shopee.csv", &[])
        .code(0)
        .stderr_has("0 pelanggan baru, 0 pesanan ditambahkan, 0 pesanan diperbarui, 6 pesanan sudah tercatat, 0 baris bermasalah");
    assert_eq!(records(&t), once, "the second import wrote nothing");
}

#[test]
fn the_dry_run_shows_every_change_and_writes_nothing() {
    let t = shopee_shop();
    let before = records(&t);
    let out = import(&t, "shopee.csv", &["--dry-run"]);
    out.code(0).stderr_has(
        "akan dibuat 2 pelanggan baru, ditambahkan 6 pesanan, diperbarui 0 pesanan; 0 pesanan sudah tercatat, 0 baris bermasalah",
    );
    assert_eq!(records(&t), before);
    let stdout = out.stdout.replace(&out.root, "");
    assert!(stdout.contains("akan diubah: customers/budi.yaml\n    + tambah pesanan shopee:2611160BBB2\n        at: 2026-11-16 08:00\n        items:\n          - product: serum\n"), "{stdout}");
    assert!(
        stdout.contains("akan dibuat: customers/rina-wati.yaml\n    name: Rina Wati\n"),
        "{stdout}"
    );
    let t = english()
        .file("customers/siti-rahma.yaml", SITI)
        .file("shopee.csv", shopee_week());
    let out = import(&t, "shopee.csv", &["--dry-run"]);
    out.code(0)
        .stderr_has("would create 3 new customers, add 6 orders, update 0 orders");
    assert!(out.stdout.contains("would change:"), "{}", out.stdout);
    assert!(
        out.stdout.contains("+ add order shopee:2611100AAA1"),
        "{}",
        out.stdout
    );
}

#[test]
fn an_order_already_recorded_gets_only_the_times_it_lacks_in_place() {
    // Typed by hand earlier: a comment, a flow item list, `shipped: ~`, and
    // a paid time the person wrote that differs from the export's.
    let siti = "name: Siti Rahma\nphone: \"0812-3456-7890\"\nfirst_contact: 2026-11-01 10:00\norders:\n  - at: 2026-11-10 14:03   # dari Shopee\n    items: [{product: serum, qty: 2}, {product: toner}]\n    paid: 2026-11-10 15:00\n    shipped: ~  # nanti\n    ref: Shopee:2611100AAA1\n  # catatan\nnote: langganan\n";
    let t = shop().file("customers/siti-rahma.yaml", siti).file(
        "shopee.csv",
        shopee_csv(&[srow(
            "2611100AAA1",
            "Selesai",
            [
                "2026-11-10 14:03",
                "2026-11-10 14:05",
                "2026-11-11 09:00",
                "2026-11-13 10:00",
            ],
            "SRM-VC-20",
            "Serum",
            "85000",
            "2",
            SITI_BUYER,
        )]),
    );
    let out = import(&t, "shopee.csv", &["--dry-run"]);
    out.code(0);
    assert!(
        out.stdout.contains("    isi di pesanan shopee:2611100AAA1: shipped: 2026-11-11 09:00, delivered: 2026-11-13 10:00\n"),
        "{}",
        out.stdout
    );
    import(&t, "shopee.csv", &[])
        .code(0)
        .stderr_has("0 pelanggan baru, 0 pesanan ditambahkan, 1 pesanan diperbarui");
    assert_eq!(
        read(&t, "customers/siti-rahma.yaml"),
        "name: Siti Rahma\nphone: \"0812-3456-7890\"\nfirst_contact: 2026-11-01 10:00\norders:\n  - at: 2026-11-10 14:03   # dari Shopee\n    items: [{product: serum, qty: 2}, {product: toner}]\n    paid: 2026-11-10 15:00\n    shipped: 2026-11-11 09:00  # nanti\n    delivered: 2026-11-13 10:00\n    ref: Shopee:2611100AAA1\n  # catatan\nnote: langganan\n"
    );
    let once = records(&t);
    import(&t, "shopee.csv", &[])
        .code(0)
        .stderr_has("1 pesanan sudah tercatat");
    assert_eq!(records(&t), once);
    t.run_args(&["check"]).code(0).no_diagnostics();
}

#[test]
fn an_order_written_on_one_line_is_not_rewritten() {
    let siti = "name: Siti Rahma\nfirst_contact: 2026-11-01\norders:\n  - {at: 2026-11-10 14:03, items: [{product: serum}], ref: shopee:2611100AAA1}\n";
    let t = shop().file("customers/siti-rahma.yaml", siti).file(
        "shopee.csv",
        shopee_csv(&[srow(
            "2611100AAA1",
            "Selesai",
            ["2026-11-10 14:03", "2026-11-10 14:05", "", ""],
            "SRM-VC-20",
            "Serum",
            "85000",
            "1",
            SITI_BUYER,
        )]),
    );
    import(&t, "shopee.csv", &[])
        .code(1)
        .stderr_has("customers/siti-rahma.yaml: pesanan shopee:2611100AAA1 ditulis dalam satu baris ({…}), jadi kami tidak mengubahnya; tambahkan sendiri: paid: 2026-11-10 14:05")
        .stderr_has("1 baris bermasalah; tidak ada yang ditulis");
    assert_eq!(read(&t, "customers/siti-rahma.yaml"), siti);
}

#[test]
fn an_unknown_sku_names_the_line_to_add_and_a_bad_time_its_cell() {
    let csv = shopee_csv(&[
        srow(
            "2611100AAA1",
            "Selesai",
            ["2026-11-10 14:03", "", "", ""],
            "SRM-VC-50",
            "Serum Vitamin C 50ml",
            "95000",
            "1",
            SITI_BUYER,
        ),
        srow(
            "2611100AAA1",
            "Selesai",
            ["2026-11-10 14:03", "", "", ""],
            "TNR-01",
            "Toner",
            "60000",
            "1",
            SITI_BUYER,
        ),
        srow(
            "2611110BBB2",
            "Perlu Dikirim",
            ["2026-11-11 25:00", "", "", ""],
            "TNR-01",
            "Toner",
            "60000",
            "1",
            RINA_BUYER,
        ),
        srow(
            "2611120CCC3",
            "Perlu Dikirim",
            ["2026-11-12 10:00", "", "", ""],
            "TNR-01",
            "Toner",
            "60000",
            "1",
            RINA_BUYER,
        ),
    ]);
    let t = shop()
        .file("customers/siti-rahma.yaml", SITI)
        .file("s.csv", &csv);
    import(&t, "s.csv", &[])
        .code(1)
        .stderr_has("s.csv:2:")
        .stderr_has("error: kolom \"Nomor Referensi SKU\": SKU `SRM-VC-50` (Serum Vitamin C 50ml) tidak ada di shop.toml; kalau ini produk `serum`, di bawah [products.serum] ganti baris `sku` dengan: sku = [\"SRM-VC-20\", \"Serum Vitamin C 20ml Glow\", \"SRM-VC-50\"]")
        .stderr_has("s.csv:4:")
        .stderr_has("kolom \"Waktu Pesanan Dibuat\": `2026-11-11 25:00` tidak bisa dibaca sebagai tanggal")
        .stderr_has("s.csv:3: dilewati: pesanan shopee:2611100AAA1 tidak diimpor karena baris 2 bermasalah")
        .stderr_has("2 baris bermasalah; tidak ada yang ditulis (perbaiki, atau pakai --skip-bad)");
    assert_eq!(read(&t, "customers/siti-rahma.yaml"), SITI);
    assert!(!t.path().join("customers/rina-wati.yaml").exists());
    // --skip-bad: the good order goes in, the bad ones are named, exit 0.
    import(&t, "s.csv", &["--skip-bad"])
        .code(0)
        .stderr_has("1 pelanggan baru, 1 pesanan ditambahkan, 0 pesanan diperbarui, 0 pesanan sudah tercatat, 2 baris bermasalah dilewati");
    assert_eq!(read(&t, "customers/siti-rahma.yaml"), SITI);
    assert!(read(&t, "customers/rina-wati.yaml").contains("ref: shopee:2611120CCC3"));
    // In English.
    let t = english().file("s.csv", &csv);
    import(&t, "s.csv", &[])
        .code(1)
        .stderr_has("column \"Nomor Referensi SKU\": SKU `SRM-VC-50` (Serum Vitamin C 50ml) is not in shop.toml; if it is product `serum`, under [products.serum] replace its `sku` line with: sku = [\"SRM-VC-20\", \"Serum Vitamin C 20ml Glow\", \"SRM-VC-50\"]")
        .stderr_has("`2026-11-11 25:00` cannot be read as a date")
        .stderr_has("2 bad rows; nothing was written (fix them, or use --skip-bad)");
}

#[test]
fn an_order_before_the_customers_first_contact_is_a_bad_row() {
    let t = shop().file("customers/siti-rahma.yaml", SITI).file(
        "s.csv",
        shopee_csv(&[srow(
            "2610200AAA1",
            "Selesai",
            ["2026-10-20 14:03", "", "", ""],
            "TNR-01",
            "Toner",
            "60000",
            "1",
            SITI_BUYER,
        )]),
    );
    import(&t, "s.csv", &[])
        .code(1)
        .stderr_has("pesanan shopee:2610200AAA1 (2026-10-20 14:03) lebih awal dari first_contact pelanggannya di customers/siti-rahma.yaml (2026-11-01 10:00)");
    assert_eq!(read(&t, "customers/siti-rahma.yaml"), SITI);
}

#[test]
fn a_file_that_is_no_order_export_or_from_the_other_marketplace() {
    let t = shop()
        .file("x.csv", "nama,no hp\nSiti,0812\n")
        .file("shopee.csv", shopee_week());
    import(&t, "x.csv", &[])
        .code(1)
        .stderr_has("x.csv:1: ini bukan ekspor pesanan yang kami kenal; baris judulnya perlu kolom `No. Pesanan` (Shopee) atau `Order ID` (TikTok Shop/Tokopedia)");
    import(&t, "shopee.csv", &["--from", "tiktok"])
        .code(1)
        .stderr_has("`Order ID`, `Order Status`, `Created Time` (TikTok Shop/Tokopedia)");
    import(&t, "shopee.csv", &["--from", "shopee", "--dry-run"]).code(0);
}

// ------------------------------------------------------------ TikTok Shop / Tokopedia

/// TikTok Seller Center's export columns (Orders › Export).
const TIKTOK_HEADER: [&str; 19] = [
    "Order ID",
    "Order Status",
    "Seller SKU",
    "Product Name",
    "Variation",
    "Quantity",
    "SKU Unit Original Price",
    "SKU Subtotal After Discount",
    "Order Amount",
    "Created Time",
    "Paid Time",
    "Shipped Time",
    "Delivered Time",
    "Cancelled Time",
    "Tracking ID",
    "Buyer Username",
    "Recipient",
    "Phone #",
    "Regency and City",
];

/// A TikTok order row: id, status, SKU, qty, subtotal, times (created,
/// paid, shipped, delivered, cancelled), buyer (username, recipient, phone).
type TikTokRow<'a> = (
    &'a str,
    &'a str,
    &'a str,
    f64,
    &'a str,
    [&'a str; 5],
    [&'a str; 3],
);

fn tiktok_rows() -> Vec<TikTokRow<'static>> {
    let ani = ["ani_tt", "Ani Lestari", "6281311112222"];
    let wati = ["wati88", "Wati", "62812****89"];
    let siti = ["siti.r", "Siti Rahma", "+62 812-3456-7890"];
    vec![
        (
            "576461000000000001",
            "Unpaid",
            "SRM-VC-20",
            1.0,
            "Rp 85.000",
            ["2026-11-19 08:00", "", "", "", ""],
            ani,
        ),
        (
            "576461000000000002",
            "Awaiting shipment",
            "TNR-01",
            2.0,
            "110.000",
            ["2026-11-18 08:00", "2026-11-18 08:01", "", "", ""],
            ani,
        ),
        (
            "576461000000000003",
            "Awaiting collection",
            "TNR-01",
            1.0,
            "55000",
            ["2026-11-17 08:00", "2026-11-17 08:02", "", "", ""],
            wati,
        ),
        (
            "576461000000000004",
            "In transit",
            "SRM-VC-20",
            1.0,
            "85,000",
            [
                "2026-11-16 08:00",
                "2026-11-16 08:02",
                "2026-11-17 09:00",
                "",
                "",
            ],
            wati,
        ),
        (
            "576461000000000005",
            "Shipped",
            "SRM-VC-20",
            1.0,
            "85000",
            [
                "2026-11-15 08:00",
                "2026-11-15 08:02",
                "2026-11-16 09:00",
                "",
                "",
            ],
            wati,
        ),
        (
            "576461000000000006",
            "Delivered",
            "SRM-VC-20",
            1.0,
            "85000",
            [
                "20/11/2026 08:00:11",
                "20/11/2026 08:01:00",
                "20/11/2026 09:00:00",
                "20/11/2026 14:03:11",
                "",
            ],
            siti,
        ),
        (
            "576461000000000007",
            "Completed",
            "SRM-VC-20",
            3.0,
            "240000",
            [
                "2026-11-02 08:00",
                "2026-11-02 08:02",
                "2026-11-03 09:00",
                "2026-11-05 10:00",
                "",
            ],
            siti,
        ),
        (
            "576461000000000008",
            "Cancelled",
            "TNR-01",
            1.0,
            "60000",
            ["2026-11-12 08:00", "", "", "", "2026-11-12 09:30"],
            siti,
        ),
    ]
}

/// The export as an .xlsx: TikTok's line of column descriptions under the
/// header, order ids as text, some times as date cells.
fn tiktok_xlsx() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("OrderSKUList").expect("name");
    let when = Format::new().set_num_format("dd/mm/yyyy hh:mm:ss");
    for (c, h) in TIKTOK_HEADER.iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("w");
        ws.write_string(1, c as u16, format!("Description of {h}."))
            .expect("w");
    }
    ws.write_string(1, 0, "Platform unique order ID.")
        .expect("w");
    let col = |h: &str| TIKTOK_HEADER.iter().position(|x| *x == h).expect("column") as u16;
    for (i, (id, status, sku, qty, subtotal, times, buyer)) in tiktok_rows().iter().enumerate() {
        let r = i as u32 + 2;
        ws.write_string(r, col("Order ID"), *id).expect("w");
        ws.write_string(r, col("Order Status"), *status).expect("w");
        ws.write_string(r, col("Seller SKU"), *sku).expect("w");
        ws.write_string(r, col("Product Name"), "Produk Glow")
            .expect("w");
        ws.write_number(r, col("Quantity"), *qty).expect("w");
        ws.write_string(r, col("SKU Unit Original Price"), "Rp 90.000")
            .expect("w");
        ws.write_string(r, col("SKU Subtotal After Discount"), *subtotal)
            .expect("w");
        ws.write_string(r, col("Order Amount"), *subtotal)
            .expect("w");
        let names = [
            "Created Time",
            "Paid Time",
            "Shipped Time",
            "Delivered Time",
            "Cancelled Time",
        ];
        for (name, t) in names.iter().zip(times) {
            if t.is_empty() {
                continue;
            }
            // ISO times as date cells; the others as the text TikTok writes.
            if let Some((d, clock)) = t.split_once(' ').filter(|(d, _)| d.contains('-')) {
                let p: Vec<u16> = d.split('-').filter_map(|x| x.parse().ok()).collect();
                let c: Vec<u16> = clock.split(':').filter_map(|x| x.parse().ok()).collect();
                let dt = ExcelDateTime::from_ymd(p[0], p[1] as u8, p[2] as u8)
                    .and_then(|x| x.and_hms(c[0], c[1] as u8, 0))
                    .expect("date");
                ws.write_datetime_with_format(r, col(name), &dt, &when)
                    .expect("w");
            } else {
                ws.write_string(r, col(name), *t).expect("w");
            }
        }
        ws.write_string(r, col("Tracking ID"), "JX99").expect("w");
        ws.write_string(r, col("Buyer Username"), buyer[0])
            .expect("w");
        ws.write_string(r, col("Recipient"), buyer[1]).expect("w");
        ws.write_string(r, col("Phone #"), buyer[2]).expect("w");
        ws.write_string(r, col("Regency and City"), "Kota Bandung")
            .expect("w");
    }
    wb.save_to_buffer().expect("xlsx")
}

#[test]
fn a_tiktok_xlsx_export_with_every_status() {
    let t = shop()
        .file("customers/siti-rahma.yaml", SITI)
        .file("tiktok.xlsx", tiktok_xlsx());
    import(&t, "tiktok.xlsx", &[])
        .code(0)
        .stderr_lacks("error")
        .stderr_has("2 pelanggan baru, 8 pesanan ditambahkan");
    assert_eq!(
        read(&t, "customers/ani-lestari.yaml"),
        "name: Ani Lestari\nphone: \"6281311112222\"\nhandles:\n  tiktok: ani_tt\ncity: Kota Bandung\nsource: tiktok\nfirst_contact: 2026-11-18 08:00\norders:\n  - at: 2026-11-18 08:00\n    items:\n      - product: toner\n        qty: 2\n        price: 55000\n    paid: 2026-11-18 08:01\n    channel: tiktok\n    ref: tiktok:576461000000000002\n  - at: 2026-11-19 08:00\n    items:\n      - product: serum\n        qty: 1\n        price: 85000\n    channel: tiktok\n    ref: tiktok:576461000000000001\n"
    );
    let wati = read(&t, "customers/wati.yaml");
    assert!(!wati.contains("phone"), "masked phone not written: {wati}");
    assert_eq!(wati.matches("- at:").count(), 3, "{wati}");
    assert!(wati.contains("    paid: 2026-11-16 08:02\n    shipped: 2026-11-17 09:00\n    channel: tiktok\n    ref: tiktok:576461000000000004\n"), "{wati}");
    let siti = read(&t, "customers/siti-rahma.yaml");
    assert!(siti.contains("  - at: 2026-11-02 08:00\n    items:\n      - product: serum\n        qty: 3\n        price: 80000\n    paid: 2026-11-02 08:02\n    shipped: 2026-11-03 09:00\n    delivered: 2026-11-05 10:00\n"), "{siti}");
    assert!(
        siti.contains("    cancelled: 2026-11-12 09:30\n    channel: tiktok\n"),
        "{siti}"
    );
    assert!(siti.contains("  - at: 2026-11-20 08:00:11\n"), "{siti}");
    assert!(
        siti.contains("    delivered: 2026-11-20 14:03:11\n"),
        "{siti}"
    );
    t.run_args(&["check"]).code(0).no_diagnostics();
    let once = records(&t);
    import(&t, "tiktok.xlsx", &[])
        .code(0)
        .stderr_has("8 pesanan sudah tercatat");
    assert_eq!(records(&t), once);
}

/// TikTok's CSV of [`tiktok_rows`], each time written by `time`: a tab
/// before each value so Excel keeps ids as text, the descriptions' line.
fn tiktok_csv(time: fn(&str) -> String) -> String {
    let mut csv = TIKTOK_HEADER.join(",") + "\n";
    csv.push_str(&TIKTOK_HEADER.map(|_| "\"Column description.\"").join(","));
    csv.push('\n');
    for (id, status, sku, qty, subtotal, times, buyer) in tiktok_rows() {
        let mut cells = vec![String::new(); TIKTOK_HEADER.len()];
        let mut set = |h: &str, v: &str| {
            let i = TIKTOK_HEADER.iter().position(|x| *x == h).expect("column");
            cells[i] = csv_field(&format!("\t{v}"));
        };
        set("Order ID", id);
        set("Order Status", status);
        set("Seller SKU", sku);
        set("Quantity", &qty.to_string());
        set("SKU Subtotal After Discount", subtotal);
        for (h, v) in [
            "Created Time",
            "Paid Time",
            "Shipped Time",
            "Delivered Time",
            "Cancelled Time",
        ]
        .iter()
        .zip(times)
        {
            set(h, &time(v));
        }
        set("Buyer Username", buyer[0]);
        set("Recipient", buyer[1]);
        set("Phone #", buyer[2]);
        csv.push_str(&cells.join(","));
        csv.push('\n');
    }
    csv
}

/// `20/11/2026 14:03:11` or `2026-11-05 08:00` as an American locale
/// writes it: `11/20/2026 2:03:11 PM`, `11/05/2026 8:00 AM`.
fn american(t: &str) -> String {
    let Some((date, clock)) = t.split_once(' ') else {
        return t.to_string();
    };
    let (y, m, d) = match date.split(['/', '-']).collect::<Vec<_>>()[..] {
        [y, m, d] if y.len() == 4 => (y, m, d),
        [d, m, y] => (y, m, d),
        _ => return t.to_string(),
    };
    let h: u32 = clock[..2].parse().unwrap_or(0);
    let (h12, half) = match h {
        0 => (12, "AM"),
        1..=11 => (h, "AM"),
        12 => (12, "PM"),
        _ => (h - 12, "PM"),
    };
    format!("{m}/{d}/{y} {h12}{} {half}", &clock[2..])
}

#[test]
fn a_tiktok_csv_export_with_its_tab_prefixed_cells() {
    let t = shop()
        .file("customers/siti-rahma.yaml", SITI)
        .file("tiktok.csv", tiktok_csv(str::to_string));
    import(&t, "tiktok.csv", &[])
        .code(0)
        .stderr_lacks("error")
        .stderr_has("2 pelanggan baru, 8 pesanan ditambahkan");
    assert!(read(&t, "customers/ani-lestari.yaml").contains("ref: tiktok:576461000000000002\n"));
    t.run_args(&["check"]).code(0).no_diagnostics();
}

/// An export whose times an American locale wrote (month first, AM/PM):
/// every date is read month first, `11/05/2026` too, and the files are the
/// same as from the day-first export.
#[test]
fn a_tiktok_export_with_american_dates_reads_them_month_first() {
    let day_first = shop()
        .file("customers/siti-rahma.yaml", SITI)
        .file("tiktok.csv", tiktok_csv(str::to_string));
    import(&day_first, "tiktok.csv", &[]).code(0);
    let csv = tiktok_csv(american);
    // Dates only month first can read, and dates either way could.
    assert!(
        csv.contains("11/20/2026 2:03:11 PM") && csv.contains("11/16/2026 8:00 AM"),
        "{csv}"
    );
    assert!(
        csv.contains("11/05/2026") || csv.contains("11/10/2026"),
        "{csv}"
    );
    let t = shop()
        .file("customers/siti-rahma.yaml", SITI)
        .file("tiktok.csv", csv);
    import(&t, "tiktok.csv", &[]).code(0).stderr_lacks("error");
    assert_eq!(records(&t), records(&day_first));
}

// ------------------------------------------------------------ the same as by hand

/// The Shopee week's orders as a person would type them.
fn typed_by_hand() -> Test {
    shop()
        .file("customers/siti-rahma.yaml", "name: Siti Rahma\nphone: \"0812-3456-7890\"\nfirst_contact: 2026-11-01 10:00\norders:\n  - at: 2026-11-10 14:03\n    items: [{product: serum, qty: 2}, {product: toner}]\n    paid: 2026-11-10 14:05\n    shipped: 2026-11-11 09:00\n    delivered: 2026-11-13 10:00\n    channel: shopee\n    ref: shopee:2611100AAA1\ninteractions:\n  - {at: 2026-11-01 10:00, kind: inbound}\n")
        .file("customers/budi.yaml", "name: Budi\nhandles: {shopee: budi88}\nfirst_contact: 2026-11-01\norders:\n  - at: 2026-11-02 10:00\n    items: [{product: serum}]\n    paid: 2026-11-02 11:00\n    channel: whatsapp\n  - at: 2026-11-16 08:00\n    items: [{product: serum}]\n    paid: 2026-11-16 08:30\n    shipped: 2026-11-17 10:00\n    channel: shopee\n    ref: shopee:2611160BBB2\n")
        .file("customers/rina-wati.yaml", "name: Rina Wati\nphone: 0813-9999-8888\nhandles: {shopee: rina_w}\ncity: KOTA DEPOK\nsource: shopee\nfirst_contact: 2026-11-17 19:20:45\norders:\n  - {at: 2026-11-17 19:20:45, items: [{product: toner}], paid: 2026-11-17 19:20:45, channel: shopee, ref: shopee:2611170CCC3}\n  - {at: 2026-11-18 21:00, items: [{product: serum}], channel: shopee, ref: shopee:2611180DDD4}\n  - {at: 2026-11-19 10:00, items: [{product: serum}], cancelled: 2026-11-19 10:00, channel: shopee, ref: shopee:2611190EEE5}\n")
        .file("customers/dodi-santoso.yaml", "name: Dodi Santoso\nhandles: {shopee: dodi.s}\ncity: KOTA BEKASI\nsource: shopee\nfirst_contact: 2026-11-05 10:00\norders:\n  - at: 2026-11-05 10:00\n    items:\n      - product: serum\n    paid: 2026-11-05 10:05\n    cancelled: 2026-11-05 10:05\n    channel: shopee\n    ref: shopee:2611050FFF6\n")
}

#[test]
fn the_imported_shop_reports_as_the_orders_typed_by_hand() {
    let imported = shopee_shop();
    import(&imported, "shopee.csv", &[]).code(0);
    let hand = typed_by_hand();
    for args in [
        &["due", "--format", "json", "--upcoming", "60d"][..],
        &["stats", "--format", "json"],
        &["stats", "--format", "json", "--week", "2026-W46"],
        &["customers", "--format", "json"],
    ] {
        let mut full = vec!["--now", NOW];
        full.extend_from_slice(args);
        let a = imported.run_args(&full);
        let b = hand.run_args(&full);
        a.code(0);
        b.code(0);
        assert_eq!(a.json(), b.json(), "{args:?}");
    }
    // And the reminders a seller looks for are there.
    let full = vec!["--now", NOW, "due", "--format", "json", "--upcoming", "60d"];
    let due = imported.run_args(&full).json();
    let rules: Vec<&str> = due
        .as_array()
        .map(|a| a.iter().filter_map(|t| t["rule"].as_str()).collect())
        .unwrap_or_default();
    assert!(rules.contains(&"repeat"), "{due}");
    assert!(rules.contains(&"payment"), "{due}");
}
