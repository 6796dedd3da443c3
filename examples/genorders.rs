//! genorders — a Shopee order export for benchmarking `import orders`.
//!
//! Usage:
//!     cargo run --release --example genorders -- SHOP_DIR OUT.csv [--rows N] [--seed S]
//!
//! Writes OUT.csv with Shopee Seller Centre's columns (SPEC §10): N rows
//! (default 20000), orders of 1–3 items; half the orders from customers of
//! SHOP_DIR (found by their phone, written the way Shopee does, `62…`), the
//! others from a pool of new buyers (some with masked phones, known by
//! username from their second order on); every status; money as `Rp
//! 85.000`, `85.000` or `85000`. Order times are 2026-11-21..27, after every
//! time a genshop shop holds. Adds `sku = ["SKU-<id>"]` to each product of
//! SHOP_DIR/shop.toml that has none, so every row maps to a product.
//! Standard library only; output is a pure function of (shop, N, seed).

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("genorders: {msg}");
    eprintln!("usage: genorders SHOP_DIR OUT.csv [--rows N] [--seed S]");
    process::exit(2)
}

/// Every `phone: "…"` of the shop's customer files, as digits `62…`.
fn phones(dir: &Path, out: &mut Vec<String>) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            phones(&p, out);
        } else if p.extension().is_some_and(|e| e == "yaml") {
            let Ok(text) = fs::read_to_string(&p) else {
                continue;
            };
            if let Some(line) = text.lines().find(|l| l.starts_with("phone:")) {
                let digits: String = line.chars().filter(char::is_ascii_digit).collect();
                let e164 = match digits.strip_prefix('0') {
                    Some(rest) => format!("62{rest}"),
                    None => digits,
                };
                out.push(e164);
            }
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut pos = Vec::new();
    let mut rows = 20_000u64;
    let mut seed = 7u64;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--rows" | "--seed" => {
                let v: u64 = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or_else(|| fail(&format!("{a} needs a number")));
                if a == "--rows" {
                    rows = v;
                } else {
                    seed = v;
                }
            }
            _ => pos.push(a),
        }
    }
    let [shop, out] = &pos[..] else {
        fail("SHOP_DIR and OUT.csv are needed")
    };
    let shop = Path::new(shop);
    let toml_path = shop.join("shop.toml");
    let toml = fs::read_to_string(&toml_path).unwrap_or_else(|e| fail(&format!("shop.toml: {e}")));
    // Products, and a sku for each that has none.
    let mut products: Vec<(String, u64)> = Vec::new();
    let mut new_toml = String::new();
    let mut current: Option<String> = None;
    let mut has_sku = false;
    let close = |new_toml: &mut String, current: &Option<String>, has_sku: bool| {
        if let (Some(id), false) = (current, has_sku) {
            let _ = writeln!(new_toml, "sku = [\"SKU-{id}\"]");
        }
    };
    for line in toml.lines() {
        if line.starts_with('[') {
            close(&mut new_toml, &current, has_sku);
            current = line
                .strip_prefix("[products.")
                .and_then(|r| r.strip_suffix(']'))
                .map(String::from);
            has_sku = false;
            if let Some(id) = &current {
                products.push((id.clone(), 50_000));
            }
        }
        if current.is_some() {
            if line.starts_with("sku") {
                has_sku = true;
            }
            if let Some(p) = line
                .strip_prefix("price = ")
                .and_then(|p| p.trim().parse().ok())
            {
                if let Some(last) = products.last_mut() {
                    last.1 = p;
                }
            }
        }
        new_toml.push_str(line);
        new_toml.push('\n');
    }
    close(&mut new_toml, &current, has_sku);
    if products.is_empty() {
        fail("shop.toml has no products");
    }
    if new_toml != toml {
        fs::write(&toml_path, &new_toml).unwrap_or_else(|e| fail(&format!("shop.toml: {e}")));
    }
    let mut known = Vec::new();
    phones(&shop.join("customers"), &mut known);

    let mut rng = Rng(seed ^ 0x5EED);
    let statuses = [
        "Selesai",
        "Selesai",
        "Selesai",
        "Dikirim",
        "Perlu Dikirim",
        "Belum Bayar",
        "Batal",
        "Pengembalian Dana",
    ];
    let header = "No. Pesanan,Status Pesanan,Alasan Pembatalan,No. Resi,Opsi Pengiriman,Waktu Pengiriman Diatur,Waktu Pesanan Dibuat,Waktu Pembayaran Dilakukan,SKU Induk,Nama Produk,Nomor Referensi SKU,Nama Variasi,Harga Awal,Harga Setelah Diskon,Jumlah,Total Pembayaran,Username (Pembeli),Nama Penerima,No. Telepon,Alamat Pengiriman,Kota/Kabupaten,Provinsi,Waktu Pesanan Selesai\n";
    let mut csv = String::with_capacity(rows as usize * 300);
    csv.push_str(header);
    let pool = (rows / 8).max(1);
    let mut written = 0u64;
    let mut n = 0u64;
    while written < rows {
        n += 1;
        let number = format!("2611{:02}{:07}X", 21 + n % 7, n);
        let status = statuses[rng.below(statuses.len() as u64) as usize];
        let day = 21 + rng.below(7);
        let (h, m, s) = (8 + rng.below(13), rng.below(60), rng.below(60));
        let created = format!("2026-11-{day:02} {h:02}:{m:02}:{s:02}");
        let paid = if status == "Belum Bayar" || (status == "Batal" && rng.below(2) == 0) {
            String::new()
        } else {
            format!("2026-11-{day:02} {h:02}:{:02}:{s:02}", (m + 5).min(59))
        };
        let (arranged, done) = match status {
            "Selesai" => (
                format!("2026-11-{:02} 09:00", day + 1),
                format!("2026-11-{:02} 15:00", day + 3),
            ),
            "Dikirim" => (format!("2026-11-{:02} 09:00", day + 1), String::new()),
            _ => (String::new(), String::new()),
        };
        // The buyer: a customer of the shop by phone, or one of the pool.
        let (user, name, phone, city) = if !known.is_empty() && rng.below(2) == 0 {
            let p = &known[rng.below(known.len() as u64) as usize];
            (
                format!("cust{}", &p[p.len() - 6..]),
                "Pelanggan Lama".to_string(),
                p.clone(),
                "KOTA BANDUNG",
            )
        } else {
            let b = rng.below(pool);
            let phone = if b.is_multiple_of(3) {
                format!("******{:04}", b % 10_000)
            } else {
                format!("62857{:08}", b)
            };
            (
                format!("pembeli{b}"),
                format!("Pembeli Baru {b}"),
                phone,
                "KOTA DEPOK",
            )
        };
        let items = 1 + rng.below(3).min(rows - written - 1);
        for _ in 0..items {
            let (id, price) = &products[rng.below(products.len() as u64) as usize];
            let shown = match rng.below(3) {
                0 => format!("\"Rp {}.{:03}\"", price / 1000, price % 1000),
                1 => format!("{}.{:03}", price / 1000, price % 1000),
                _ => price.to_string(),
            };
            let qty = 1 + rng.below(3);
            let _ = writeln!(
                csv,
                "{number},{status},,JX{n:010},J&T Express,{arranged},{created},{paid},GLOW,Produk {id},SKU-{id},,{price},{shown},{qty},{},{user},{name},{phone},\"Jl. Mawar No. {n}, RT 01\",{city},JAWA BARAT,{done}",
                price * qty
            );
            written += 1;
        }
    }
    fs::write(out, csv).unwrap_or_else(|e| fail(&format!("{out}: {e}")));
    eprintln!("genorders: {written} rows, {n} orders → {out}");
}
