//! What langgan says about a bad shop.toml (SPEC §2, §6): every problem in
//! the language the file itself names, Indonesian by default and when the
//! language is what is wrong, at its line and column with what to write.

use crate::support::{Output, Test};

/// `check` on a shop whose shop.toml is `text`.
fn check(text: &str) -> Output {
    Test::empty().shop_toml(text).args(&["check"]).run()
}

/// Two lines of an Indonesian shop, two of an English one.
const ID: &str = "[shop]\nname = \"Toko\"\n";
const EN: &str = "[shop]\nlanguage = \"en\"\n";

#[test]
fn time_zone() {
    check(&format!("{ID}timezone = \"Asia/Jakrta\"\n"))
        .code(1)
        .only_diag(
            "shop.toml:3:12: error:",
            "zona waktu `Asia/Jakrta` tidak dikenal; pakai nama IANA seperti `Asia/Jakarta`, `Asia/Makassar` atau `Asia/Jayapura`",
        )
        .stderr_has("   3 | timezone = \"Asia/Jakrta\"\n     |            ^^^^^^^^^^^^^");
    check(&format!("{EN}timezone = \"Asia/Jakrta\"\n"))
        .code(1)
        .only_diag(
            "shop.toml:3:12: error:",
            "unknown time zone `Asia/Jakrta`; use an IANA name like `Asia/Jakarta`",
        );
}

#[test]
fn a_bad_language_is_said_in_indonesian() {
    check("[shop]\nname = \"Toko\"\nlanguage = \"eng\"\n")
        .code(1)
        .only_diag(
            "shop.toml:3:12: error:",
            "bahasa harus `id` (Indonesia) atau `en` (Inggris), bukan `eng` (maksudnya `en`?)",
        );
    // The other problems of that file too.
    check("[shop]\nlanguage = \"english\"\ntimezone = \"Jakarta\"\n")
        .code(1)
        .diag("shop.toml:2:12: error:", "bukan `english`")
        .diag(
            "shop.toml:3:12: error:",
            "zona waktu `Jakarta` tidak dikenal",
        );
}

#[test]
fn admins_and_sources() {
    check(&format!("{ID}admins = [\"Dewi Lestari\"]\n"))
        .code(1)
        .only_diag(
            "shop.toml:3:11: error:",
            "nama admin `Dewi Lestari` harus pendek dan huruf kecil semua, tanpa spasi, seperti `dewi`",
        );
    check(&format!("{ID}admins = [\"dewi\", \"dewi\"]\n"))
        .code(1)
        .only_diag(
            "shop.toml:3:19: error:",
            "admin `dewi` tertulis dua kali; hapus salah satunya",
        );
    check(&format!("{ID}sources = [\"instagram\", \"instagram\"]\n"))
        .code(1)
        .only_diag(
            "shop.toml:3:25: error:",
            "sumber `instagram` tertulis dua kali",
        );
    check(&format!("{EN}admins = [\"dewi\", \"dewi\"]\n"))
        .code(1)
        .only_diag("shop.toml:3:19: error:", "admin `dewi` is listed twice");
}

#[test]
fn hours() {
    let hours = |body: &str| check(&format!("{ID}[hours]\n{body}"));
    hours("open = \"08:00\"\nclose = \"17:00\"\nbreaks = [\"07:30-08:30\"]\n")
        .code(1)
        .only_diag(
            "shop.toml:6:11: error:",
            "istirahat 07:30-08:30 di luar jam buka (Senin, Selasa, Rabu, Kamis, Jumat, Sabtu 08:00-17:00); istirahat harus di dalam jam buka",
        );
    hours("breaks = [\"12:00-13:00\", \"12:30-13:30\"]\n")
        .code(1)
        .only_diag(
            "shop.toml:4:26: error:",
            "istirahat `12:30-13:30` bertumpuk dengan istirahat 12:00-13:00 (baris 4); gabungkan menjadi satu",
        );
    hours("breaks = [\"12.00-13.00\"]\n").code(1).only_diag(
        "shop.toml:4:11: error:",
        "`12.00-13.00` bukan jam istirahat; tulis dua jam seperti `12:00-13:00`",
    );
    hours("open = \"8 pagi\"\n").code(1).only_diag(
        "shop.toml:4:8: error:",
        "`8 pagi` bukan jam; tulis seperti `08:00`",
    );
    hours("open = \"21:00\"\nclose = \"08:00\"\n")
        .code(1)
        .only_diag(
            "shop.toml:5:9: error:",
            "jam tutup 08:00 harus sesudah jam buka 21:00",
        );
    hours("[hours.sat]\nopen = \"09:00\"\nclose = \"08:00\"\n")
        .code(1)
        .only_diag(
            "shop.toml:6:9: error:",
            "pada hari Sabtu toko tutup pukul 08:00 sebelum buka pukul 09:00",
        );
    hours("[hours.jumat]\nbreaks = [\"11:30-13:00\"]\n")
        .code(1)
        .only_diag(
            "shop.toml:4:",
            "`jumat` tidak dikenal di [hours] (maksudnya `[hours.fri]`?)",
        );
    hours("days = [\"mon\", \"mingu\"]\n").code(1).only_diag(
        "shop.toml:4:16: error:",
        "`mingu` bukan nama hari (maksudnya `minggu`?)",
    );
    hours("holidays = [\"2027-03-24..2027-03-19\"]\n")
        .code(1)
        .only_diag(
            "shop.toml:4:13: error:",
            "selesai sebelum mulai; tulis hari pertama dulu, seperti `2027-03-19..2027-03-24`",
        );
    hours("holidays = [\"25 Desember\"]\n").code(1).only_diag(
        "shop.toml:4:13: error:",
        "`25 Desember` bukan tanggal; tulis hari libur seperti `2026-12-25`",
    );
    // English: the day tables' own names.
    check(&format!(
        "{EN}[hours]\n[hours.sat]\nopen = \"09:00\"\nclose = \"08:00\"\n"
    ))
    .code(1)
    .only_diag(
        "shop.toml:6:9: error:",
        "on sat the shop would close at 08:00 before it opens at 09:00",
    );
}

#[test]
fn products_and_skus() {
    let head = format!("{ID}[categories.skincare]\n");
    check(&format!("{head}[products.serum]\ncategory = \"skincar\"\nprice = 1\n"))
        .code(1)
        .only_diag(
            "shop.toml:5:12: error:",
            "kategori `skincar` tidak dikenal (maksudnya `skincare`?); tambahkan [categories.skincar] ke shop.toml",
        );
    check(&format!(
        "{head}[products.serum]\ncategory = \"skincare\"\n"
    ))
    .code(1)
    .only_diag(
        "shop.toml:4:11: error:",
        "produk `serum` belum punya `price`; tambahkan `price = …` di bawah [products.serum]",
    );
    check(&format!(
        "{head}[products.serum]\ncategory = \"skincare\"\nprice = -5\n"
    ))
    .code(1)
    .only_diag("shop.toml:6:9: error:", "harga tidak boleh negatif");
    check(&format!(
        "{head}[products.Serum_C]\ncategory = \"skincare\"\nprice = 1\n"
    ))
    .code(1)
    .only_diag(
        "shop.toml:4:11: error:",
        "kode produk `Serum_C` harus huruf kecil tanpa spasi",
    );
    check(&format!(
        "{head}[products.serum]\ncategory = \"skincare\"\nprice = 1\nsku = [\"SRM-1\"]\n[products.toner]\ncategory = \"skincare\"\nprice = 1\nsku = [\"srm-1\"]\n"
    ))
    .code(1)
    .only_diag(
        "shop.toml:11:8: error:",
        "sku `srm-1` sudah milik produk `serum` (shop.toml:7:8); satu sku hanya boleh untuk satu produk",
    );
    check(&format!(
        "{head}[products.serum]\ncategory = \"skincare\"\nprice = 1\nsku = [\"SRM-1\", \" \"]\n"
    ))
    .code(1)
    .only_diag("shop.toml:7:17: error:", "ada `sku` yang kosong");
}

#[test]
fn categories() {
    check(&format!("{ID}[categories.Skin_Care]\n"))
        .code(1)
        .only_diag(
            "shop.toml:3:13: error:",
            "nama kategori `Skin_Care` harus huruf kecil tanpa spasi",
        );
    check(&format!(
        "{ID}[categories.skincare]\nrepeat_after = \"0\"\n"
    ))
    .code(1)
    .only_diag(
        "shop.toml:4:16: error:",
        "`repeat_after` harus lebih dari nol",
    );
}

#[test]
fn rules() {
    check(&format!("{ID}[rules.lead-4]\nwait = \"1h\"\n"))
        .code(1)
        .only_diag(
            "shop.toml:3:8: error:",
            "aturan `lead-4` tidak dikenal (maksudnya `lead-1`?); aturan yang ada: lead-1",
        );
    check(&format!("{EN}[rules.lead-4]\nwait = \"1h\"\n"))
        .code(1)
        .only_diag(
            "shop.toml:3:8: error:",
            "unknown rule `lead-4` (did you mean `lead-1`?); rules are lead-1",
        );
    check(&format!("{ID}[rules.lead-2]\nwait = \"2 hari\"\n"))
        .code(1)
        .only_diag(
            "shop.toml:4:8: error:",
            "`2 hari` bukan durasi: satuan ` ` tidak dikenal",
        );
}

#[test]
fn durations() {
    check(&format!("{ID}[service]\nresolve_target = \"24\"\n"))
        .code(1)
        .only_diag(
            "shop.toml:4:18: error:",
            "`24` bukan durasi: `24` perlu satuan (m, h, d atau w), seperti `24h`",
        )
        .stderr_has("   4 | resolve_target = \"24\"\n     |                  ^^^^");
    check(&format!("{ID}[service]\nresponse_target = \"5 menit\"\n"))
        .code(1)
        .only_diag("shop.toml:4:19: error:", "`5 menit` bukan durasi");
    check(&format!("{ID}[service]\ninactive_after = \"\"\n"))
        .code(1)
        .only_diag(
            "shop.toml:4:18: error:",
            "durasinya kosong; tulis seperti `24h`",
        );
    check(&format!("{ID}[service]\ninactive_after = \"0\"\n"))
        .code(1)
        .only_diag(
            "shop.toml:4:18: error:",
            "`inactive_after` harus lebih dari nol",
        );
    check(&format!("{ID}[service]\nhigh_value = -1\n"))
        .code(1)
        .only_diag("shop.toml:4:14: error:", "jumlah uang tidak boleh negatif");
    check(&format!("{EN}[service]\nresolve_target = \"24\"\n"))
        .code(1)
        .only_diag(
            "shop.toml:4:18: error:",
            "`24` is not a duration: `24` needs a unit (m, h, d or w), like `24h`",
        );
}

#[test]
fn toml_syntax_and_unknown_keys() {
    check("[shop\nname = \"Toko\"\n").code(1).only_diag(
        "shop.toml:1:6: error:",
        "judul bagian belum ditutup; akhiri dengan `]`, seperti `[shop]`",
    );
    check(&format!("{ID}greeting = Kak\n")).code(1).only_diag(
        "shop.toml:3:12: error:",
        "teks harus diberi tanda kutip, seperti `name = \"Toko Glow\"`",
    );
    // A bare word starting with t or f is TOML's try at `true`/`false`.
    check(&format!("{ID}greeting = Teteh\n")).code(1).only_diag(
        "shop.toml:3:12: error:",
        "teks harus diberi tanda kutip, seperti `name = \"Toko Glow\"`; untuk ya atau tidak tulis `true` atau `false`",
    );
    check(&format!("{ID}admins = [\"dewi\",\n"))
        .code(1)
        .only_diag(
            "shop.toml:3:18: error:",
            "daftar ini belum ditutup; akhiri dengan `]`",
        );
    check(&format!("{ID}name = \"Toko Lain\"\n"))
        .code(1)
        .only_diag(
            "shop.toml:3:1: error:",
            "pengaturan ini sudah ditulis sebelumnya di bagian yang sama; hapus salah satunya",
        );
    check(&format!("{ID}admins = [\"dewi\" \"rudi\"]\n"))
        .code(1)
        .only_diag(
            "shop.toml:3:18: error:",
            "di antara isi daftar harus ada koma",
        );
    check(&format!("{ID}admins = \"dewi\"\n"))
        .code(1)
        .only_diag(
            "shop.toml:3:10: error:",
            "di sini harus berupa daftar, bukan teks \"dewi\"",
        );
    check(&format!("{ID}timezon = \"Asia/Jakarta\"\n"))
        .code(1)
        .only_diag(
            "shop.toml:3:1: error:",
            "kolom `timezon` tidak dikenal (maksudnya `timezone`?)",
        );
    // No [shop] at all: the language is not known, so Indonesian.
    check("[shopp]\nname = \"Toko\"\n").code(1).only_diag(
        "shop.toml:1:2: error:",
        "kolom `shopp` tidak dikenal (maksudnya `shop`?)",
    );
    check("[report]\nmask_contacts = true\n")
        .code(1)
        .stderr_has("bagian [shop] belum ada; tambahkan `[shop]`");
    // A file TOML cannot read is still said in its language.
    check(&format!("{EN}greeting = Kak\n")).code(1).only_diag(
        "shop.toml:3:12: error:",
        "text must be in quotes, like `name = \"Toko Glow\"`",
    );
}

#[test]
fn the_headline_is_in_the_shops_language() {
    check(&format!("{ID}timezone = \"Asia/Jakrta\"\n"))
        .code(1)
        .stderr_has("shop.toml ada yang perlu diperbaiki");
    check(&format!("{EN}timezone = \"Asia/Jakrta\"\n"))
        .code(1)
        .stderr_has("shop.toml has errors");
}
