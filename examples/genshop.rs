//! genshop — generate a large, valid langgan shop for benchmarks.
//!
//! Usage:
//!     cargo run --release --example genshop -- OUT_DIR --customers N [--complaints M] [--seed S] [--force]
//!
//! Writes OUT_DIR/shop.toml, OUT_DIR/customers/<bucket>/<id>.yaml and
//! OUT_DIR/complaints/<bucket>/<id>.yaml (at most 1000 files per bucket folder).
//! Every record is valid per SPEC §3: unique slug ids, unique phones, known
//! products/admins/sources, and all event times in order and no later than
//! 2026-11-20 23:59. Output is a pure function of (N, M, seed).
//!
//! Standard library only, so it also builds standalone:
//!     rustc --edition 2021 -O examples/genshop.rs -o /tmp/genshop

use std::fmt;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process;
use std::time::Instant;

const USAGE: &str = "\
usage: genshop OUT_DIR --customers N [--complaints M] [--seed S] [--force]

  OUT_DIR          shop folder to create (shop.toml, customers/, complaints/)
  --customers N    number of customer records (required, at most 100000000)
  --complaints M   number of complaint records (default N/5)
  --seed S         PRNG seed (default 42)
  --force          delete existing OUT_DIR/customers and OUT_DIR/complaints first";

const MAX_CUSTOMERS: u64 = 100_000_000; // phones carry 8 index-derived digits
const FILES_PER_BUCKET: u64 = 1000;

// ---------------------------------------------------------------- arguments

struct Args {
    out: PathBuf,
    customers: u64,
    complaints: u64,
    seed: u64,
    force: bool,
}

fn usage_exit(msg: &str) -> ! {
    eprintln!("genshop: {msg}");
    eprintln!("{USAGE}");
    process::exit(2)
}

fn parse_args() -> Args {
    let mut out: Option<PathBuf> = None;
    let mut customers: Option<u64> = None;
    let mut complaints: Option<u64> = None;
    let mut seed: u64 = 42;
    let mut force = false;

    let mut it = std::env::args_os().skip(1);
    while let Some(raw) = it.next() {
        let Some(arg) = raw.to_str() else {
            // Only OUT_DIR may be a non-UTF-8 path.
            if out.is_none() {
                out = Some(PathBuf::from(raw));
                continue;
            }
            usage_exit("unexpected non-UTF-8 argument");
        };
        let (key, inline) = match arg.split_once('=') {
            Some((k, v)) if k.starts_with("--") => (k.to_owned(), Some(v.to_owned())),
            _ => (arg.to_owned(), None),
        };
        match key.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                process::exit(0)
            }
            "--force" => force = true,
            "--customers" | "--complaints" | "--seed" => {
                let value = match inline {
                    Some(v) => v,
                    None => match it.next().and_then(|v| v.into_string().ok()) {
                        Some(v) => v,
                        None => usage_exit(&format!("{key} needs a value")),
                    },
                };
                let n: u64 = match value.trim().replace('_', "").parse() {
                    Ok(n) => n,
                    Err(_) => usage_exit(&format!(
                        "{key}: expected a non-negative integer, got {value:?}"
                    )),
                };
                match key.as_str() {
                    "--customers" => customers = Some(n),
                    "--complaints" => complaints = Some(n),
                    _ => seed = n,
                }
            }
            k if k.starts_with('-') && k.len() > 1 => usage_exit(&format!("unknown option {k}")),
            _ => {
                if out.is_some() {
                    usage_exit("more than one OUT_DIR given");
                }
                out = Some(PathBuf::from(arg));
            }
        }
    }

    let Some(out) = out else {
        usage_exit("missing OUT_DIR")
    };
    let Some(customers) = customers else {
        usage_exit("missing --customers N")
    };
    if customers > MAX_CUSTOMERS {
        usage_exit(&format!("--customers: at most {MAX_CUSTOMERS}"));
    }
    let complaints = complaints.unwrap_or(customers / 5);
    if complaints > 0 && customers == 0 {
        usage_exit("complaints need at least one customer");
    }
    Args {
        out,
        customers,
        complaints,
        seed,
        force,
    }
}

// ---------------------------------------------------------------- errors

fn io_fail(path: &Path, err: io::Error) -> ! {
    eprintln!("genshop: {}: {err}", path.display());
    process::exit(2)
}

// ---------------------------------------------------------------- PRNG

/// splitmix64: tiny, fast, good enough for test data, fully deterministic.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed ^ 0x6A09_E667_F3BC_C909)
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in 0..n (n > 0); the modulo bias is negligible for our n.
    fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
    /// Uniform in lo..=hi.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        debug_assert!(lo <= hi);
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    /// True with probability pct/100.
    fn chance(&mut self, pct: u64) -> bool {
        self.below(100) < pct
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len() as u64) as usize]
    }
    /// Index into `weights`, chosen proportionally.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
        let mut r = self.below(total);
        for (i, &w) in weights.iter().enumerate() {
            if r < u64::from(w) {
                return i;
            }
            r -= u64::from(w);
        }
        weights.len() - 1
    }
}

// ---------------------------------------------------------------- time

const MIN: i64 = 1;
const HOUR: i64 = 60;
const DAY: i64 = 1440;

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// A civil time in the shop zone, in minutes since 1970-01-01 00:00.
#[derive(Clone, Copy)]
struct Tm(i64);

impl fmt::Display for Tm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = civil_from_days(self.0.div_euclid(DAY));
        let mins = self.0.rem_euclid(DAY);
        write!(f, "{y:04}-{m:02}-{d:02} {:02}:{:02}", mins / 60, mins % 60)
    }
}

fn year_of(t: i64) -> i64 {
    civil_from_days(t.div_euclid(DAY)).0
}

/// Move a time forward into shop hours (08:00–21:00), keeping the minute jitter.
fn in_hours(t: i64, rng: &mut Rng) -> i64 {
    let day = t.div_euclid(DAY) * DAY;
    let m = t - day;
    if m < 8 * HOUR {
        day + 8 * HOUR + rng.range(0, 90)
    } else if m >= 21 * HOUR {
        day + DAY + 8 * HOUR + rng.range(0, 90)
    } else {
        t
    }
}

// ---------------------------------------------------------------- catalogue

const ADMINS: [&str; 4] = ["dewi", "rudi", "ayu", "budi"];
const ADMIN_WEIGHTS: [u32; 4] = [40, 25, 20, 15];

const SOURCES: [&str; 8] = [
    "instagram",
    "facebook",
    "tiktok",
    "marketplace",
    "website",
    "referral",
    "whatsapp",
    "offline",
];
const SOURCE_WEIGHTS: [u32; 8] = [30, 10, 20, 15, 5, 8, 10, 2];

struct Product {
    id: &'static str,
    name: &'static str,
    category: &'static str,
    price: u64,
    guide: Option<&'static str>,
}

const PRODUCTS: [Product; 13] = [
    Product {
        id: "serum-vit-c",
        name: "Serum Vitamin C 20ml",
        category: "skincare",
        price: 85_000,
        guide: Some("Pakai 2-3 tetes setelah toner, pagi dan malam."),
    },
    Product {
        id: "toner-mawar",
        name: "Toner Mawar 100ml",
        category: "skincare",
        price: 55_000,
        guide: Some("Tuang ke kapas, usap ke seluruh wajah setelah cuci muka."),
    },
    Product {
        id: "pelembap-aloe",
        name: "Pelembap Aloe Vera 50g",
        category: "skincare",
        price: 65_000,
        guide: None,
    },
    Product {
        id: "sunscreen-spf50",
        name: "Sunscreen SPF 50 40ml",
        category: "skincare",
        price: 75_000,
        guide: Some("Oleskan 15 menit sebelum keluar rumah, ulangi tiap 3 jam."),
    },
    Product {
        id: "masker-clay",
        name: "Masker Clay 100g",
        category: "skincare",
        price: 60_000,
        guide: Some("Pakai 2x seminggu, diamkan 10 menit lalu bilas."),
    },
    Product {
        id: "vitamin-c-1000",
        name: "Vitamin C 1000mg isi 30",
        category: "vitamin",
        price: 45_000,
        guide: Some("Minum 1 tablet sehari sesudah makan."),
    },
    Product {
        id: "kolagen-drink",
        name: "Minuman Kolagen isi 10",
        category: "vitamin",
        price: 120_000,
        guide: None,
    },
    Product {
        id: "multivitamin",
        name: "Multivitamin Harian isi 30",
        category: "vitamin",
        price: 70_000,
        guide: None,
    },
    Product {
        id: "sabun-cuci-muka",
        name: "Sabun Cuci Muka 100ml",
        category: "harian",
        price: 35_000,
        guide: None,
    },
    Product {
        id: "sabun-sereh",
        name: "Sabun Herbal Sereh",
        category: "harian",
        price: 15_000,
        guide: None,
    },
    Product {
        id: "lip-balm-madu",
        name: "Lip Balm Madu",
        category: "harian",
        price: 25_000,
        guide: None,
    },
    Product {
        id: "pouch-kosmetik",
        name: "Pouch Kosmetik Kanvas",
        category: "aksesoris",
        price: 40_000,
        guide: None,
    },
    Product {
        id: "bando-spa",
        name: "Bando Spa Handuk",
        category: "aksesoris",
        price: 30_000,
        guide: None,
    },
];
const PRODUCT_WEIGHTS: [u32; 13] = [20, 12, 10, 12, 6, 10, 6, 6, 8, 5, 5, 2, 2];

const FIRST_NAMES: [&str; 40] = [
    "siti", "dewi", "putri", "ayu", "rina", "nur", "fitri", "indah", "sri", "wulan", "anisa",
    "rahma", "lestari", "intan", "maya", "dian", "ratna", "yuni", "eka", "nadia", "citra", "mega",
    "novi", "tari", "vina", "laras", "budi", "agus", "andi", "rizky", "fajar", "hendra", "joko",
    "dimas", "bayu", "teguh", "wahyu", "arif", "yoga", "ilham",
];
const LAST_NAMES: [&str; 30] = [
    "rahma",
    "lestari",
    "wijaya",
    "saputra",
    "pratama",
    "hidayat",
    "kusuma",
    "santoso",
    "nugroho",
    "putri",
    "sari",
    "handayani",
    "wulandari",
    "setiawan",
    "siregar",
    "nasution",
    "harahap",
    "simanjuntak",
    "gunawan",
    "purnama",
    "permata",
    "anggraini",
    "maharani",
    "susanti",
    "hakim",
    "syahputra",
    "ramadhan",
    "firmansyah",
    "utami",
    "rahayu",
];
const CITIES: [&str; 24] = [
    "Bandung",
    "Jakarta Selatan",
    "Jakarta Timur",
    "Surabaya",
    "Medan",
    "Semarang",
    "Yogyakarta",
    "Makassar",
    "Palembang",
    "Depok",
    "Bekasi",
    "Tangerang",
    "Bogor",
    "Malang",
    "Denpasar",
    "Pekanbaru",
    "Balikpapan",
    "Pontianak",
    "Manado",
    "Padang",
    "Solo",
    "Cimahi",
    "Garut",
    "Tasikmalaya",
];
const CITY_WEIGHTS: [u32; 24] = [
    25, 10, 8, 8, 5, 5, 5, 3, 3, 5, 5, 5, 5, 3, 3, 2, 2, 2, 2, 2, 3, 4, 3, 3,
];
const MAIL_DOMAINS: [&str; 5] = [
    "gmail.com",
    "gmail.com",
    "yahoo.co.id",
    "ymail.com",
    "example.com",
];
const PHONE_PREFIXES: [&str; 8] = [
    "0812", "0813", "0811", "0852", "0857", "0878", "0896", "0838",
];
const TAGS: [&str; 8] = [
    "bundling",
    "reseller",
    "kulit-berminyak",
    "kulit-sensitif",
    "promo",
    "gajian",
    "hadiah",
    "member",
];
const CUSTOMER_NOTES: [&str; 6] = [
    "Nunggu gajian",
    "Masih bandingkan dengan merek lain",
    "Minta dikabari kalau ada promo",
    "Reseller, minta harga grosir",
    "Kenal dari teman kantor",
    "Lebih suka dihubungi sore hari",
];

const CHANNELS: [&str; 4] = ["whatsapp", "instagram", "marketplace", "telepon"];
const CHANNEL_WEIGHTS: [u32; 4] = [70, 15, 10, 5];

const INBOUND_NOTES: [&str; 8] = [
    "Tanya harga serum",
    "Tanya ongkir",
    "Minta rekomendasi untuk kulit berminyak",
    "Tanya stok",
    "Tanya cara pakai",
    "Konfirmasi transfer",
    "Tanya promo bundling",
    "Tanya paket sudah dikirim belum",
];
const FOLLOWUP_NOTES: [&str; 4] = [
    "Follow up penawaran",
    "Kirim katalog terbaru",
    "Tawarkan promo bundling",
    "Tanya jadi order atau belum",
];
const PAYMENT_NOTES: [&str; 2] = ["Kirim nomor rekening dan total", "Ingatkan pembayaran"];
const SHIPPING_NOTES: [&str; 2] = ["Kirim nomor resi", "Info paket sudah dikirim"];
const AFTERCARE_NOTES: [&str; 3] = [
    "Tanya hasil pemakaian",
    "Kirim panduan pemakaian",
    "Tanya paket sudah sampai dengan baik",
];
const REPEAT_NOTES: [&str; 2] = ["Ingatkan stok hampir habis", "Tawarkan pesan ulang"];
const SURVEY_NOTES: [&str; 2] = ["Minta rating dan ulasan", "Kirim link survei kepuasan"];
const NOTE_NOTES: [&str; 4] = [
    "Minta dikirim setelah gajian",
    "Pelanggan lama dari bazar",
    "Alamat kantor, kirim hari kerja saja",
    "Alergi pewangi",
];

const FEEDBACK_TEXTS: [[&str; 3]; 5] = [
    [
        "Kecewa, produknya tidak sesuai.",
        "Tidak cocok, bikin breakout.",
        "Pengiriman lama sekali.",
    ],
    [
        "Kurang cocok di kulit saya.",
        "Packing kurang rapi, botol bocor sedikit.",
        "Agak mahal untuk hasilnya.",
    ],
    [
        "Lumayan, tapi agak lama sampainya.",
        "Biasa saja, belum kelihatan hasilnya.",
        "Oke, tapi admin lama balas.",
    ],
    [
        "Bagus, pengiriman cepat.",
        "Produknya enak dipakai.",
        "Packing rapi, admin ramah.",
    ],
    [
        "Serumnya cocok banget!",
        "Mantap, langganan terus di sini.",
        "Kulit jadi lebih cerah, terima kasih!",
    ],
];

struct ComplaintKind {
    category: &'static str,
    summary: &'static str,
    root_cause: &'static str,
    solution: &'static str,
}

const COMPLAINT_KINDS: [ComplaintKind; 6] = [
    ComplaintKind {
        category: "salah-kirim",
        summary: "Paket salah kirim, dapat produk lain",
        root_cause: "Label tertukar saat packing",
        solution: "Kirim ulang produk yang benar, retur gratis",
    },
    ComplaintKind {
        category: "rusak",
        summary: "Botol pecah saat diterima",
        root_cause: "Bubble wrap kurang tebal",
        solution: "Kirim pengganti, packing ditambah",
    },
    ComplaintKind {
        category: "telat",
        summary: "Paket belum sampai lebih dari seminggu",
        root_cause: "Paket tertahan di gudang ekspedisi",
        solution: "Klaim ke ekspedisi, kirim ulang dengan kurir lain",
    },
    ComplaintKind {
        category: "tidak-cocok",
        summary: "Muncul kemerahan setelah pemakaian",
        root_cause: "Kulit sensitif terhadap vitamin C dosis tinggi",
        solution: "Sarankan hentikan pemakaian, tukar dengan produk lain",
    },
    ComplaintKind {
        category: "kurang-item",
        summary: "Isi paket kurang satu item",
        root_cause: "Item terlewat saat packing",
        solution: "Kirim item yang kurang",
    },
    ComplaintKind {
        category: "lainnya",
        summary: "Admin lama membalas chat",
        root_cause: "Chat menumpuk saat promo",
        solution: "Minta maaf, beri voucher diskon",
    },
];
const COMPLAINT_WEIGHTS: [u32; 6] = [20, 20, 25, 15, 12, 8];

// ---------------------------------------------------------------- record model

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Inbound,
    Followup,
    Payment,
    Shipping,
    Aftercare,
    Repeat,
    Survey,
    Note,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Inbound => "inbound",
            Kind::Followup => "followup",
            Kind::Payment => "payment",
            Kind::Shipping => "shipping",
            Kind::Aftercare => "aftercare",
            Kind::Repeat => "repeat",
            Kind::Survey => "survey",
            Kind::Note => "note",
        }
    }
    fn notes(self) -> &'static [&'static str] {
        match self {
            Kind::Inbound => &INBOUND_NOTES,
            Kind::Followup => &FOLLOWUP_NOTES,
            Kind::Payment => &PAYMENT_NOTES,
            Kind::Shipping => &SHIPPING_NOTES,
            Kind::Aftercare => &AFTERCARE_NOTES,
            Kind::Repeat => &REPEAT_NOTES,
            Kind::Survey => &SURVEY_NOTES,
            Kind::Note => &NOTE_NOTES,
        }
    }
}

struct Item {
    product: usize,
    qty: u32,
    price: Option<u64>,
}

struct Order {
    at: i64,
    items: Vec<Item>,
    paid: Option<i64>,
    shipped: Option<i64>,
    delivered: Option<i64>,
    cancelled: Option<i64>,
}

struct Interaction {
    at: i64,
    kind: Kind,
    by: Option<usize>,
    channel: &'static str,
    note: &'static str,
    /// Minutes from `at` to the reply (inbound only).
    reply_after: Option<i64>,
}

struct Feedback {
    at: i64,
    rating: usize,
    nps: Option<i64>,
    text: &'static str,
    public: bool,
}

/// What complaints need to know about a customer.
struct CustomerRef {
    first: u8,
    last: u8,
    admin: u8,
    first_contact: i64,
    /// Latest shipped/delivered/order time, if any order: complaints cluster after it.
    last_order_event: Option<i64>,
}

struct Complaint {
    customer: u32,
    opened: i64,
    kind: usize,
    channel: &'static str,
    admin: usize,
    first_response: Option<i64>,
    resolved: Option<i64>,
    contacts: Option<u32>,
    csat: Option<usize>,
    root_cause: bool,
}

// ---------------------------------------------------------------- output

/// Writes whole files from one reusable in-memory buffer: each record is
/// rendered into the buffer and reaches the disk in a single `write`.
struct Output {
    buf: Vec<u8>,
    files: u64,
    bytes: u64,
}

impl Output {
    fn file(&mut self, path: &Path, body: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) {
        self.buf.clear();
        let result = body(&mut self.buf)
            .and_then(|()| File::create(path))
            .and_then(|mut f| f.write_all(&self.buf));
        if let Err(e) = result {
            io_fail(path, e);
        }
        self.files += 1;
        self.bytes += self.buf.len() as u64;
    }
}

fn create_dir(path: &Path) {
    if let Err(e) = fs::create_dir_all(path) {
        io_fail(path, e);
    }
}

fn bucket_dir(root: &Path, index: u64) -> PathBuf {
    root.join(format!("{:03}", index / FILES_PER_BUCKET))
}

fn write_shop_toml(w: &mut impl Write) -> io::Result<()> {
    writeln!(w, "# Generated by examples/genshop.rs (benchmark data).")?;
    writeln!(w, "[shop]")?;
    writeln!(w, "name = \"Glow Skincare Bandung (bench)\"")?;
    writeln!(w, "timezone = \"Asia/Jakarta\"")?;
    writeln!(w, "language = \"id\"")?;
    writeln!(w, "currency = \"IDR\"")?;
    let admins: Vec<String> = ADMINS.iter().map(|a| format!("\"{a}\"")).collect();
    writeln!(w, "admins = [{}]", admins.join(", "))?;
    writeln!(
        w,
        "community = \"https://whatsapp.com/channel/glow-skincare-bench\""
    )?;
    let sources: Vec<String> = SOURCES.iter().map(|s| format!("\"{s}\"")).collect();
    writeln!(w, "sources = [{}]", sources.join(", "))?;
    writeln!(w)?;
    writeln!(w, "[hours]")?;
    writeln!(
        w,
        "days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\"]"
    )?;
    writeln!(w, "open = \"08:00\"")?;
    writeln!(w, "close = \"21:00\"")?;
    writeln!(
        w,
        "holidays = [\"2025-08-17\", \"2025-12-25\", \"2026-08-17\", \"2026-12-25\"]"
    )?;
    writeln!(w)?;
    writeln!(w, "[service]")?;
    writeln!(w, "response_target = \"5m\"")?;
    writeln!(w, "resolve_target = \"24h\"")?;
    writeln!(w, "inactive_after = \"60d\"")?;
    writeln!(w, "expire_after = \"14d\"")?;
    writeln!(w, "high_value = 1000000")?;
    writeln!(w, "medium_value = 300000")?;
    for (cat, repeat) in [
        ("skincare", Some("30d")),
        ("vitamin", Some("20d")),
        ("harian", Some("7d")),
        ("aksesoris", None),
    ] {
        writeln!(w)?;
        writeln!(w, "[categories.{cat}]")?;
        if let Some(r) = repeat {
            writeln!(w, "repeat_after = \"{r}\"")?;
        }
    }
    for p in &PRODUCTS {
        writeln!(w)?;
        writeln!(w, "[products.{}]", p.id)?;
        writeln!(w, "name = \"{}\"", p.name)?;
        writeln!(w, "category = \"{}\"", p.category)?;
        writeln!(w, "price = {}", p.price)?;
        if let Some(g) = p.guide {
            writeln!(w, "guide = \"{g}\"")?;
        }
    }
    writeln!(w)?;
    writeln!(w, "[report]")?;
    writeln!(w, "mask_contacts = true")?;
    Ok(())
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

// ---------------------------------------------------------------- customers

/// The reference "now" of the data set: nothing happens after it.
fn end_time() -> i64 {
    days_from_civil(2026, 11, 20) * DAY + 23 * HOUR + 59 * MIN
}

struct Gen {
    rng: Rng,
    end: i64,
    id_width: usize,
}

impl Gen {
    fn admin(&mut self) -> usize {
        self.rng.weighted(&ADMIN_WEIGHTS)
    }

    fn interaction(&mut self, at: i64, kind: Kind, admin: usize) -> Interaction {
        let rng = &mut self.rng;
        let channel = CHANNELS[rng.weighted(&CHANNEL_WEIGHTS)];
        let note = rng.pick(kind.notes());
        let by = if kind == Kind::Inbound {
            if rng.chance(50) {
                Some(admin)
            } else {
                None
            }
        } else if rng.chance(85) {
            Some(admin)
        } else {
            Some(rng.below(ADMINS.len() as u64) as usize)
        };
        let reply_after = if kind == Kind::Inbound && rng.chance(96) {
            Some(match rng.weighted(&[55, 30, 15]) {
                0 => rng.range(1, 5),
                1 => rng.range(6, 90),
                _ => rng.range(91, 16 * HOUR),
            })
        } else {
            None
        };
        Interaction {
            at,
            kind,
            by,
            channel,
            note,
            reply_after,
        }
    }

    /// Generate and write customer `index`, whose name indices were already drawn.
    fn customer(
        &mut self,
        index: u64,
        first: u8,
        last: u8,
        w: &mut impl Write,
    ) -> io::Result<CustomerRef> {
        let end = self.end;
        let admin = self.admin();

        // first_contact: a day in the two years before 2026-11-20, 06:00–22:59,
        // and at least two hours before the end of the data set.
        let start_day = days_from_civil(2026, 11, 20) - 730;
        let fc = loop {
            let day = start_day + self.rng.range(0, 730);
            let t = day * DAY + self.rng.range(6 * HOUR, 23 * HOUR - 1);
            if t <= end - 2 * HOUR {
                break t;
            }
        };

        let mut inter: Vec<Interaction> = Vec::with_capacity(16);
        let mut orders: Vec<Order> = Vec::new();
        let mut feedback: Vec<Feedback> = Vec::new();

        inter.push(self.interaction(fc, Kind::Inbound, admin));

        let n_orders = self.rng.weighted(&[30, 35, 20, 10, 5]);
        let mut cursor = fc;
        let mut last_order_event = None;
        let mut last_delivered = None;
        for k in 0..n_orders {
            let gap = if k == 0 {
                match self.rng.weighted(&[50, 30, 20]) {
                    0 => self.rng.range(10, 6 * HOUR),
                    1 => self.rng.range(6 * HOUR, 3 * DAY),
                    _ => self.rng.range(3 * DAY, 30 * DAY),
                }
            } else {
                self.rng.range(7 * DAY, 75 * DAY)
            };
            let at = in_hours(cursor + gap, &mut self.rng);
            if at > end {
                break;
            }
            // Lead follow-ups before a slow first order.
            if k == 0 && at - fc > 26 * HOUR && self.rng.chance(70) {
                let f = in_hours(fc + self.rng.range(20 * HOUR, 28 * HOUR), &mut self.rng);
                if f < at {
                    inter.push(self.interaction(f, Kind::Followup, admin));
                }
            }
            // The customer asks something shortly before ordering.
            if k > 0 && self.rng.chance(50) {
                let q = at - self.rng.range(5, 3 * HOUR);
                if q > cursor {
                    inter.push(self.interaction(q, Kind::Inbound, admin));
                }
            }

            let n_items = 1 + self.rng.weighted(&[60, 30, 10]);
            let items = (0..n_items)
                .map(|_| {
                    let product = self.rng.weighted(&PRODUCT_WEIGHTS);
                    let qty = 1 + self.rng.weighted(&[70, 22, 8]) as u32;
                    let price = if self.rng.chance(15) {
                        // A discount, rounded to 500 rupiah.
                        Some(PRODUCTS[product].price * 9 / 10 / 500 * 500)
                    } else {
                        None
                    };
                    Item {
                        product,
                        qty,
                        price,
                    }
                })
                .collect();

            let mut order = Order {
                at,
                items,
                paid: None,
                shipped: None,
                delivered: None,
                cancelled: None,
            };
            if self.rng.chance(5) {
                let c = at + self.rng.range(30, 2 * DAY);
                order.cancelled = (c <= end).then_some(c);
            } else if self.rng.chance(93) {
                let delay = match self.rng.weighted(&[70, 25, 5]) {
                    0 => self.rng.range(3, 3 * HOUR),
                    1 => self.rng.range(3 * HOUR, 2 * DAY),
                    _ => self.rng.range(2 * DAY, 6 * DAY),
                };
                if delay > DAY && self.rng.chance(70) {
                    let p = at + self.rng.range(20 * HOUR, 26 * HOUR);
                    if p <= end {
                        let p = in_hours(p, &mut self.rng).min(end);
                        inter.push(self.interaction(p, Kind::Payment, admin));
                    }
                }
                let paid = at + delay;
                if paid <= end {
                    order.paid = Some(paid);
                    let shipped = in_hours(paid + self.rng.range(HOUR, 36 * HOUR), &mut self.rng);
                    if shipped <= end {
                        order.shipped = Some(shipped);
                        if self.rng.chance(80) {
                            let s = shipped + self.rng.range(5, 10 * HOUR);
                            let s = in_hours(s, &mut self.rng).min(end);
                            inter.push(self.interaction(s, Kind::Shipping, admin));
                        }
                        let delivered = shipped + self.rng.range(DAY, 5 * DAY);
                        if delivered <= end && self.rng.chance(95) {
                            order.delivered = Some(delivered);
                            last_delivered = Some(delivered);
                        }
                        let care_base = order.delivered.map_or(shipped + 5 * DAY, |d| d + 2 * DAY);
                        if self.rng.chance(60) {
                            let a = in_hours(care_base + self.rng.range(0, 3 * DAY), &mut self.rng);
                            inter.push(self.interaction(a, Kind::Aftercare, admin));
                        }
                        if let Some(d) = order.delivered {
                            if self.rng.chance(30) {
                                let r =
                                    in_hours(d + self.rng.range(25 * DAY, 35 * DAY), &mut self.rng);
                                inter.push(self.interaction(r, Kind::Repeat, admin));
                            }
                            if self.rng.chance(20) {
                                let s = in_hours(d + self.rng.range(DAY, 4 * DAY), &mut self.rng);
                                inter.push(self.interaction(s, Kind::Survey, admin));
                            }
                        }
                    }
                }
            }
            last_order_event = Some(order.delivered.or(order.shipped).unwrap_or(at));
            cursor = at;
            orders.push(order);
        }

        // Leads get a follow-up chain.
        if orders.is_empty() && self.rng.chance(65) {
            let mut t = fc;
            for step in 0..3 {
                let wait = [24 * HOUR, 48 * HOUR, 3 * DAY][step];
                t = in_hours(
                    t + wait + self.rng.range(-4 * HOUR, 20 * HOUR),
                    &mut self.rng,
                );
                inter.push(self.interaction(t, Kind::Followup, admin));
                if !self.rng.chance(55) {
                    break;
                }
            }
        }
        if self.rng.chance(10) {
            let t = fc + self.rng.range(MIN, 60 * DAY);
            inter.push(self.interaction(t, Kind::Note, admin));
        }

        // Interactions: chronological, strictly increasing, within the data set, at most 8.
        inter.sort_by_key(|i| i.at);
        let mut prev = i64::MIN;
        for i in inter.iter_mut() {
            if i.at <= prev {
                i.at = prev + 1;
            }
            prev = i.at;
        }
        inter.retain(|i| i.at <= end);
        inter.truncate(8);

        if let Some(d) = last_delivered {
            if self.rng.chance(35) {
                let at = d + self.rng.range(DAY, 10 * DAY);
                if at <= end {
                    let rating = self.rng.weighted(&[3, 4, 10, 30, 53]) + 1;
                    let nps = if self.rng.chance(80) {
                        Some(match rating {
                            5 => self.rng.range(9, 10),
                            4 => self.rng.range(7, 9),
                            3 => self.rng.range(5, 7),
                            _ => self.rng.range(0, 5),
                        })
                    } else {
                        None
                    };
                    let text = self.rng.pick(&FEEDBACK_TEXTS[rating - 1]);
                    let public = self.rng.chance(if rating >= 4 { 60 } else { 10 });
                    feedback.push(Feedback {
                        at,
                        rating,
                        nps,
                        text,
                        public,
                    });
                }
            }
        }

        // ---- write YAML
        let first_name = FIRST_NAMES[first as usize];
        let last_name = LAST_NAMES[last as usize];
        writeln!(
            w,
            "name: {} {}",
            capitalize(first_name),
            capitalize(last_name)
        )?;

        // Unique phone: 8 digits from a bijection of the index modulo 10^8
        // (48271 is coprime to 10^8), so no two customers share one.
        let digits = (index * 48_271 + 12_345_678) % 100_000_000;
        let prefix = self.rng.pick(&PHONE_PREFIXES);
        let (a, b) = (digits / 10_000, digits % 10_000);
        match self.rng.weighted(&[60, 20, 10, 10]) {
            0 => writeln!(w, "phone: \"{prefix}-{a:04}-{b:04}\"")?,
            1 => writeln!(w, "phone: \"{prefix}{a:04}{b:04}\"")?,
            2 => writeln!(w, "phone: \"+62 {}-{a:04}-{b:04}\"", &prefix[1..])?,
            _ => writeln!(w, "phone: \"62{}{a:04}{b:04}\"", &prefix[1..])?,
        }
        if self.rng.chance(70) {
            let domain = self.rng.pick(&MAIL_DOMAINS);
            writeln!(
                w,
                "email: {first_name}.{last_name}{}@{domain}",
                index % 1000
            )?;
        }
        if self.rng.chance(90) {
            writeln!(w, "city: {}", CITIES[self.rng.weighted(&CITY_WEIGHTS)])?;
        }
        if self.rng.chance(95) {
            writeln!(w, "source: {}", SOURCES[self.rng.weighted(&SOURCE_WEIGHTS)])?;
        }
        writeln!(w, "admin: {}", ADMINS[admin])?;
        writeln!(w, "first_contact: {}", Tm(fc))?;
        if self.rng.chance(30) {
            let t1 = self.rng.pick(&TAGS);
            if self.rng.chance(30) {
                let t2 = self.rng.pick(&TAGS);
                if t2 != t1 {
                    writeln!(w, "tags: [{t1}, {t2}]")?;
                } else {
                    writeln!(w, "tags: [{t1}]")?;
                }
            } else {
                writeln!(w, "tags: [{t1}]")?;
            }
        }
        if orders.is_empty() && self.rng.chance(50) {
            writeln!(
                w,
                "interested: [{}]",
                PRODUCTS[self.rng.weighted(&PRODUCT_WEIGHTS)].id
            )?;
        }
        if self.rng.chance(10) {
            writeln!(w, "note: \"{}\"", self.rng.pick(&CUSTOMER_NOTES))?;
        }

        if !orders.is_empty() {
            writeln!(w, "orders:")?;
            for o in &orders {
                writeln!(w, "  - at: {}", Tm(o.at))?;
                writeln!(w, "    items:")?;
                for it in &o.items {
                    writeln!(w, "      - product: {}", PRODUCTS[it.product].id)?;
                    writeln!(w, "        qty: {}", it.qty)?;
                    if let Some(p) = it.price {
                        writeln!(w, "        price: {p}")?;
                    }
                }
                for (key, v) in [
                    ("paid", o.paid),
                    ("shipped", o.shipped),
                    ("delivered", o.delivered),
                    ("cancelled", o.cancelled),
                ] {
                    if let Some(t) = v {
                        writeln!(w, "    {key}: {}", Tm(t))?;
                    }
                }
            }
        }

        writeln!(w, "interactions:")?;
        for i in &inter {
            writeln!(w, "  - at: {}", Tm(i.at))?;
            writeln!(w, "    kind: {}", i.kind.name())?;
            if let Some(by) = i.by {
                writeln!(w, "    by: {}", ADMINS[by])?;
            }
            writeln!(w, "    channel: {}", i.channel)?;
            writeln!(w, "    note: \"{}\"", i.note)?;
            if let Some(d) = i.reply_after {
                // Slow replies come during shop hours.
                let r = if d > 5 {
                    in_hours(i.at + d, &mut self.rng)
                } else {
                    i.at + d
                };
                if r <= end {
                    writeln!(w, "    replied: {}", Tm(r))?;
                }
            }
        }

        if !feedback.is_empty() {
            writeln!(w, "feedback:")?;
            for f in &feedback {
                writeln!(w, "  - at: {}", Tm(f.at))?;
                writeln!(w, "    rating: {}", f.rating)?;
                if let Some(n) = f.nps {
                    writeln!(w, "    nps: {n}")?;
                }
                writeln!(w, "    text: \"{}\"", f.text)?;
                writeln!(w, "    public: {}", f.public)?;
            }
        }

        Ok(CustomerRef {
            first,
            last,
            admin: admin as u8,
            first_contact: fc,
            last_order_event,
        })
    }

    /// Customer ids are `<first>-<last>-<zero-padded index>`: unique slugs.
    fn id(&self, first: u8, last: u8, index: u64) -> String {
        format!(
            "{}-{}-{:0width$}",
            FIRST_NAMES[first as usize],
            LAST_NAMES[last as usize],
            index,
            width = self.id_width
        )
    }

    fn complaint(&mut self, customers: &[CustomerRef]) -> Complaint {
        let end = self.end;
        let ci = self.rng.below(customers.len() as u64) as usize;
        let c = &customers[ci];
        // Opened strictly after first_contact (which is ≤ end − 2h), usually soon
        // after the customer's latest order event.
        let opened = match c.last_order_event {
            Some(t) if t + HOUR < end && self.rng.chance(85) => {
                (t + self.rng.range(HOUR, 7 * DAY)).min(end)
            }
            _ => c.first_contact + self.rng.range(MIN, (end - c.first_contact).min(120 * DAY)),
        };
        let kind = self.rng.weighted(&COMPLAINT_WEIGHTS);
        let channel = CHANNELS[self.rng.weighted(&CHANNEL_WEIGHTS)];
        let admin = if self.rng.chance(70) {
            c.admin as usize
        } else {
            self.admin()
        };

        let mut first_response = None;
        let mut resolved = None;
        if self.rng.chance(92) {
            let delay = match self.rng.weighted(&[60, 30, 10]) {
                0 => self.rng.range(1, 10),
                1 => self.rng.range(11, 2 * HOUR),
                _ => self.rng.range(2 * HOUR, 20 * HOUR),
            };
            // Quick answers come any time; slower ones wait for shop hours.
            let fr = if delay > 10 {
                in_hours(opened + delay, &mut self.rng)
            } else {
                opened + delay
            };
            if fr <= end {
                first_response = Some(fr);
                if self.rng.chance(85) {
                    let r = in_hours(fr + self.rng.range(30, 3 * DAY), &mut self.rng);
                    resolved = (r <= end).then_some(r);
                }
            }
        }
        let contacts = if resolved.is_some() || self.rng.chance(40) {
            Some(1 + self.rng.weighted(&[65, 25, 10]) as u32)
        } else {
            None
        };
        let csat = if resolved.is_some() && self.rng.chance(60) {
            Some(self.rng.weighted(&[5, 8, 15, 35, 37]) + 1)
        } else {
            None
        };
        let root_cause = resolved.is_some() && self.rng.chance(80);
        Complaint {
            customer: ci as u32,
            opened,
            kind,
            channel,
            admin,
            first_response,
            resolved,
            contacts,
            csat,
            root_cause,
        }
    }
}

fn write_complaint(w: &mut impl Write, customer_id: &str, c: &Complaint) -> io::Result<()> {
    let k = &COMPLAINT_KINDS[c.kind];
    writeln!(w, "customer: {customer_id}")?;
    writeln!(w, "opened: {}", Tm(c.opened))?;
    writeln!(w, "summary: \"{}\"", k.summary)?;
    writeln!(w, "category: {}", k.category)?;
    writeln!(w, "channel: {}", c.channel)?;
    writeln!(w, "admin: {}", ADMINS[c.admin])?;
    if let Some(t) = c.first_response {
        writeln!(w, "first_response: {}", Tm(t))?;
    }
    if c.root_cause {
        writeln!(w, "root_cause: \"{}\"", k.root_cause)?;
    }
    if let Some(t) = c.resolved {
        writeln!(w, "solution: \"{}\"", k.solution)?;
        writeln!(w, "resolved: {}", Tm(t))?;
    }
    if let Some(n) = c.contacts {
        writeln!(w, "contacts: {n}")?;
    }
    if let Some(s) = c.csat {
        writeln!(w, "csat: {s}")?;
    }
    Ok(())
}

// ---------------------------------------------------------------- main

fn dir_has_entries(path: &Path) -> bool {
    match fs::read_dir(path) {
        Ok(mut rd) => rd.next().is_some(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => false,
        Err(e) => io_fail(path, e),
    }
}

fn main() {
    let args = parse_args();
    let started = Instant::now();

    let cust_root = args.out.join("customers");
    let comp_root = args.out.join("complaints");
    for dir in [&cust_root, &comp_root] {
        if dir_has_entries(dir) {
            if !args.force {
                eprintln!(
                    "genshop: {} is not empty; remove it or pass --force",
                    dir.display()
                );
                process::exit(2);
            }
            if let Err(e) = fs::remove_dir_all(dir) {
                io_fail(dir, e);
            }
        }
    }
    create_dir(&cust_root);
    create_dir(&comp_root);

    let mut out = Output {
        buf: Vec::with_capacity(16 * 1024),
        files: 0,
        bytes: 0,
    };
    out.file(&args.out.join("shop.toml"), write_shop_toml);

    let mut gen = Gen {
        rng: Rng::new(args.seed),
        end: end_time(),
        id_width: args.customers.saturating_sub(1).to_string().len().max(6),
    };

    let mut refs: Vec<CustomerRef> = Vec::with_capacity(args.customers as usize);
    let mut dir = PathBuf::new();
    for index in 0..args.customers {
        if index.is_multiple_of(FILES_PER_BUCKET) {
            dir = bucket_dir(&cust_root, index);
            create_dir(&dir);
        }
        // The file is named by the id, so draw the name before generating the rest.
        let first = gen.rng.below(FIRST_NAMES.len() as u64) as u8;
        let last = gen.rng.below(LAST_NAMES.len() as u64) as u8;
        let id = gen.id(first, last, index);
        let path = dir.join(format!("{id}.yaml"));
        let mut made = None;
        out.file(&path, |w| {
            made = Some(gen.customer(index, first, last, w)?);
            Ok(())
        });
        if let Some(r) = made {
            refs.push(r);
        }
    }

    // Complaints, numbered in the order they were opened; the id's year is the opening year.
    let mut complaints: Vec<Complaint> =
        (0..args.complaints).map(|_| gen.complaint(&refs)).collect();
    complaints.sort_by_key(|c| (c.opened, c.customer));
    let seq_width = args.complaints.to_string().len().max(6);
    for (index, c) in complaints.iter().enumerate() {
        let index = index as u64;
        if index.is_multiple_of(FILES_PER_BUCKET) {
            dir = bucket_dir(&comp_root, index);
            create_dir(&dir);
        }
        let id = format!("{}-{:0seq_width$}", year_of(c.opened), index + 1);
        let r = &refs[c.customer as usize];
        let customer_id = gen.id(r.first, r.last, u64::from(c.customer));
        let path = dir.join(format!("{id}.yaml"));
        out.file(&path, |w| write_complaint(w, &customer_id, c));
    }

    let secs = started.elapsed().as_secs_f64();
    println!(
        "genshop: {} customers, {} complaints -> {}: {} files, {} bytes ({:.1} MiB) in {:.2}s",
        args.customers,
        args.complaints,
        args.out.display(),
        out.files,
        out.bytes,
        out.bytes as f64 / (1024.0 * 1024.0),
        secs
    );
}
