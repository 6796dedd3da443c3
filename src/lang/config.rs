//! What langgan says about shop.toml, in Bahasa Indonesia or English: its
//! TOML syntax, `[shop]`, `[hours]`, `[service]`, the catalogue and rule
//! overrides, and the durations and clock times written in it. Each sentence
//! says what is wrong and what to write instead; the `path:line:col: error:`
//! around it stays as the SPEC writes it.

use crate::shop::config::Lang;

// ------------------------------------------------------------ the file

/// The headline above shop.toml's diagnostics.
pub fn has_errors(shown: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{shown} ada yang perlu diperbaiki"),
        Lang::En => format!("{shown} has errors"),
    }
}

pub fn missing_shop(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "bagian [shop] belum ada; tambahkan `[shop]` dengan minimal `name`, seperti `name = \"Toko Glow\"`",
        Lang::En => "missing the [shop] section (it needs at least `name`)",
    }
}

/// TOML's own syntax problems (the `toml` crate's messages, which name what
/// it expected), in plain words; `None` for a message this does not know.
pub fn toml_syntax(msg: &str, lang: Lang) -> Option<String> {
    let head = msg.split(", expected").next().unwrap_or(msg).trim();
    let id = match head {
        "unclosed table" | "unclosed array table" => (
            "judul bagian belum ditutup; akhiri dengan `]`, seperti `[shop]`",
            "unclosed table header; end it with `]`, like `[shop]`",
        ),
        "string values must be quoted" => (
            "teks harus diberi tanda kutip, seperti `name = \"Toko Glow\"`",
            "text must be in quotes, like `name = \"Toko Glow\"`",
        ),
        // A bare word starting with t or f reads as a try at `true`/`false`.
        "invalid boolean" => (
            "teks harus diberi tanda kutip, seperti `name = \"Toko Glow\"`; untuk ya atau tidak tulis `true` atau `false`",
            "text must be in quotes, like `name = \"Toko Glow\"`; for yes or no write `true` or `false`",
        ),
        "unclosed array" => (
            "daftar ini belum ditutup; akhiri dengan `]`, seperti `[\"dewi\", \"rudi\"]`",
            "this list is not closed; end it with `]`, like `[\"dewi\", \"rudi\"]`",
        ),
        "unclosed inline table" => (
            "tabel ini belum ditutup; akhiri dengan `}` di baris yang sama",
            "this inline table is not closed; end it with `}` on the same line",
        ),
        "invalid float" | "integer number overflowed" | "invalid integer" => (
            "angka ini tidak bisa dibaca; tulis angka tanpa titik ribuan, seperti `1000000`, atau beri tanda kutip bila ini teks",
            "this number cannot be read; write digits without thousands separators, like `1000000`, or put quotes around it if it is text",
        ),
        "key with no value" => (
            "pengaturan ini belum diberi nilai; tulis `=` lalu nilainya, seperti `name = \"Toko Glow\"` (teks yang tanda kutipnya belum ditutup juga bisa menyebabkan ini)",
            "this key has no value; write `=` and its value, like `name = \"Toko Glow\"` (a text whose closing quote is missing can cause this too)",
        ),
        "duplicate key" => (
            "pengaturan ini sudah ditulis sebelumnya di bagian yang sama; hapus salah satunya",
            "this key is already written earlier in the same section; remove one of them",
        ),
        "invalid basic string"
        | "invalid literal string"
        | "invalid string"
        | "invalid multi-line basic string"
        | "invalid multi-line literal string" => (
            "tanda kutip teks ini belum ditutup; akhiri teksnya dengan tanda kutip di baris yang sama",
            "this text's closing quote is missing; end the text with a quote on the same line",
        ),
        "missing comma between array elements" => (
            "di antara isi daftar harus ada koma, seperti `[\"dewi\", \"rudi\"]`",
            "list items need a comma between them, like `[\"dewi\", \"rudi\"]`",
        ),
        "unexpected key or value" => (
            "ada tulisan lain sesudah nilai ini; satu baris hanya berisi satu `pengaturan = nilai` (catatan diawali `#`)",
            "something follows this value; a line holds one `key = value` (a comment starts with `#`)",
        ),
        "unquoted keys cannot be empty" => (
            "nama pengaturan sebelum `=` tidak ada; tulis seperti `name = \"Toko Glow\"`",
            "the key before `=` is missing; write it like `name = \"Toko Glow\"`",
        ),
        "missing escaped value" | "invalid escape sequence" => (
            "sesudah `\\` di dalam teks harus ada huruf kode seperti `n`; untuk garis miring terbalik biasa tulis `\\\\`, atau pakai tanda kutip tunggal",
            "a `\\` in a text must be followed by a code like `n`; for a plain backslash write `\\\\`, or use single quotes",
        ),
        "invalid date" | "invalid time" | "invalid datetime" => (
            "tanggal atau jam ini tidak ada; tulis seperti `2026-12-25`",
            "this date or time does not exist; write it like `2026-12-25`",
        ),
        _ => return None,
    };
    Some(match lang {
        Lang::Id => id.0.to_string(),
        Lang::En => id.1.to_string(),
    })
}

/// What serde calls a value it found (`integer `5``, `string "dewi"`), in plain words.
pub fn found_value(found: &str, lang: Lang) -> String {
    let words: [(&str, &str, &str); 5] = [
        ("integer ", "bilangan ", "the number "),
        (
            "floating point ",
            "bilangan desimal ",
            "the decimal number ",
        ),
        ("string ", "teks ", "the text "),
        ("boolean ", "", ""),
        ("sequence", "daftar", "a list"),
    ];
    for (serde, id, en) in words {
        if let Some(rest) = found.strip_prefix(serde) {
            return format!("{}{rest}", crate::lang::pick(lang, id, en));
        }
    }
    found.to_string()
}

/// A holiday that is neither a date nor a text.
pub fn holiday_not_a_date(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "hari libur harus berupa tanggal seperti `2026-12-25`",
        Lang::En => "a holiday must be a date like `2026-12-25`",
    }
}

// ------------------------------------------------------------ [shop]

pub fn unknown_timezone(tz: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("zona waktu `{tz}` tidak dikenal; pakai nama IANA seperti `Asia/Jakarta`, `Asia/Makassar` atau `Asia/Jayapura`"),
        Lang::En => format!("unknown time zone `{tz}`; use an IANA name like `Asia/Jakarta`, `Asia/Makassar` or `Asia/Jayapura`"),
    }
}

/// `hint`: [`crate::lang::check::did_you_mean`]'s.
pub fn bad_language(value: &str, hint: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => {
            format!("bahasa harus `id` (Indonesia) atau `en` (Inggris), bukan `{value}`{hint}")
        }
        Lang::En => format!("language must be `id` or `en`, not `{value}`{hint}"),
    }
}

pub fn admin_not_a_name(admin: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "nama admin `{admin}` harus pendek dan huruf kecil semua, tanpa spasi, seperti `dewi`"
        ),
        Lang::En => format!("admin `{admin}` must be a short lowercase name like `dewi`"),
    }
}

/// `what`: `Admin` or `Source`.
pub fn listed_twice(what: Listed, value: &str, lang: Lang) -> String {
    match (what, lang) {
        (Listed::Admin, Lang::Id) => {
            format!("admin `{value}` tertulis dua kali; hapus salah satunya")
        }
        (Listed::Admin, Lang::En) => format!("admin `{value}` is listed twice"),
        (Listed::Source, Lang::Id) => {
            format!("sumber `{value}` tertulis dua kali; hapus salah satunya")
        }
        (Listed::Source, Lang::En) => format!("source `{value}` is listed twice"),
        (Listed::Day, Lang::Id) => format!("`{value}` tertulis dua kali; hapus salah satunya"),
        (Listed::Day, Lang::En) => format!("`{value}` is listed twice"),
    }
}

/// What a list holds twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listed {
    Admin,
    Source,
    Day,
}

// ------------------------------------------------------------ [service]

pub fn negative_amount(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => {
            "jumlah uang tidak boleh negatif; tulis angkanya tanpa tanda minus, seperti `1000000`"
        }
        Lang::En => "an amount cannot be negative",
    }
}

/// `inactive_after` or `repeat_after` of zero.
pub fn must_be_longer_than_zero(key: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("`{key}` harus lebih dari nol, seperti `30d`"),
        Lang::En => format!("{key} must be longer than zero"),
    }
}

// ------------------------------------------------------------ [rules]

pub fn unknown_rule(name: &str, hint: &str, rules: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("aturan `{name}` tidak dikenal{hint}; aturan yang ada: {rules}"),
        Lang::En => format!("unknown rule `{name}`{hint}; rules are {rules}"),
    }
}

// ------------------------------------------------------------ the catalogue

pub fn category_not_a_slug(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("nama kategori `{name}` harus huruf kecil tanpa spasi (boleh angka dan `-`), seperti `skincare`"),
        Lang::En => format!("category `{name}` must be a lowercase slug"),
    }
}

pub fn product_not_a_slug(id: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("kode produk `{id}` harus huruf kecil tanpa spasi (boleh angka dan `-`), seperti `serum-vit-c`"),
        Lang::En => format!("product id `{id}` must be a lowercase slug like `serum-vit-c`"),
    }
}

/// A product without `category` or `price`.
pub fn product_needs(id: &str, key: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "produk `{id}` belum punya `{key}`; tambahkan `{key} = …` di bawah [products.{id}]"
        ),
        Lang::En => format!("product `{id}` needs a `{key}`"),
    }
}

pub fn unknown_category(category: &str, hint: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("kategori `{category}` tidak dikenal{hint}; tambahkan [categories.{category}] ke shop.toml"),
        Lang::En => format!("unknown category `{category}`{hint}; add [categories.{category}] to shop.toml"),
    }
}

pub fn negative_price(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "harga tidak boleh negatif; tulis harganya dalam rupiah tanpa tanda minus, seperti `85000`",
        Lang::En => "a price cannot be negative",
    }
}

pub fn empty_sku(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => {
            "ada `sku` yang kosong; tulis SKU atau nama produknya di marketplace, atau hapus"
        }
        Lang::En => "a `sku` is empty; write the SKU or listing name, or remove it",
    }
}

/// `first`: where it is written first (`shop.toml:7:15`).
pub fn sku_twice(sku: &str, product: &str, first: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("sku `{sku}` tertulis dua kali untuk produk `{product}` (pertama di {first}); hapus salah satunya"),
        Lang::En => format!("sku `{sku}` is listed twice for product `{product}` (first at {first})"),
    }
}

pub fn sku_taken(sku: &str, other: &str, first: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("sku `{sku}` sudah milik produk `{other}` ({first}); satu sku hanya boleh untuk satu produk"),
        Lang::En => format!("sku `{sku}` already belongs to product `{other}` ({first}); a sku can belong to one product only"),
    }
}

// ------------------------------------------------------------ [hours]

/// A weekday as shop.toml's day tables name it (English) or in Indonesian;
/// `i` counts from Monday.
pub fn day(i: usize, lang: Lang) -> &'static str {
    const ID: [&str; 7] = [
        "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
    ];
    const EN: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let i = i.min(6);
    match lang {
        Lang::Id => ID[i],
        Lang::En => EN[i],
    }
}

pub fn close_before_open(close: &str, open: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("jam tutup {close} harus sesudah jam buka {open}"),
        Lang::En => format!("closing time {close} must be after opening time {open}"),
    }
}

/// `[hours]` without `close`, opening at or after the default close.
pub fn default_close_before_open(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => {
            "[hours]: jam tutup harus sesudah jam buka; tulis `close`, seperti `close = \"21:00\"`"
        }
        Lang::En => "[hours] close must be after open",
    }
}

pub fn day_close_before_open(day: &str, close: &str, open: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("pada hari {day} toko tutup pukul {close} sebelum buka pukul {open}; jam tutup harus sesudah jam buka"),
        Lang::En => format!("on {day} the shop would close at {close} before it opens at {open}; closing time must be after opening time"),
    }
}

pub fn no_open_day(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "[hours] tidak buka di hari apa pun: tulis hari bukanya di `days`, seperti `days = [\"mon\", \"tue\"]`",
        Lang::En => "[hours] opens on no day: list the open days in `days`, like `days = [\"mon\", \"tue\"]`",
    }
}

pub fn not_a_weekday(value: &str, hint: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("`{value}` bukan nama hari{hint}; pakai mon, tue, wed, thu, fri, sat, sun (atau senin … minggu)"),
        Lang::En => format!("`{value}` is not a weekday{hint}; use mon, tue, wed, thu, fri, sat, sun"),
    }
}

/// `where_`: the days with their hours (`Senin, Selasa 08:00-17:00`).
pub fn break_outside(from: &str, to: &str, where_: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "istirahat {from}-{to} di luar jam buka ({where_}); istirahat harus di dalam jam buka"
        ),
        Lang::En => format!(
            "break {from}-{to} is outside the open hours ({where_}); a break must lie inside them"
        ),
    }
}

/// An unknown key in `[hours]`; `hint` names the day table it likely means.
pub fn unknown_hours_key(key: &str, hint: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("`{key}` tidak dikenal di [hours]{hint}; [hours] berisi days, open, close, breaks dan holidays, dan jam khusus satu hari ditulis di bagian bernama mon, tue, wed, thu, fri, sat atau sun, seperti `[hours.fri]`"),
        Lang::En => format!("unknown key `{key}` in [hours]{hint}; [hours] takes days, open, close, breaks and holidays, and a day's own hours go in a table named mon, tue, wed, thu, fri, sat or sun, like `[hours.fri]`"),
    }
}

/// ` (maksudnya `[hours.fri]`?)`.
pub fn did_you_mean_day_table(day: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(" (maksudnya `[hours.{day}]`?)"),
        Lang::En => format!(" (did you mean `[hours.{day}]`?)"),
    }
}

pub fn not_a_break(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("`{text}` bukan jam istirahat; tulis dua jam seperti `12:00-13:00`"),
        Lang::En => {
            format!("`{text}` is not a break; write it as two clock times like `12:00-13:00`")
        }
    }
}

pub fn break_backwards(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("istirahat `{text}` selesai sebelum mulai; tulis jam yang lebih awal dulu, seperti `12:00-13:00`"),
        Lang::En => format!("break `{text}` ends before it starts; write the earlier time first, like `12:00-13:00`"),
    }
}

pub fn breaks_overlap(text: &str, from: &str, to: &str, line: u32, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("istirahat `{text}` bertumpuk dengan istirahat {from}-{to} (baris {line}); gabungkan menjadi satu"),
        Lang::En => format!("break `{text}` overlaps the break {from}-{to} (line {line}); join them into one break"),
    }
}

pub fn not_a_date_range(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => {
            format!("`{text}` bukan rentang tanggal; tulis seperti `2027-03-19..2027-03-24`")
        }
        Lang::En => {
            format!("`{text}` is not a range of dates; write it like `2027-03-19..2027-03-24`")
        }
    }
}

/// `fixed`: the range the right way round.
pub fn range_backwards(text: &str, fixed: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => {
            format!("`{text}` selesai sebelum mulai; tulis hari pertama dulu, seperti `{fixed}`")
        }
        Lang::En => {
            format!("`{text}` ends before it starts; write the first day first, like `{fixed}`")
        }
    }
}

pub fn not_a_holiday(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("`{text}` bukan tanggal; tulis hari libur seperti `2026-12-25` atau rentang seperti `2027-03-19..2027-03-24`"),
        Lang::En => format!("`{text}` is not a date; write a holiday like `2026-12-25` or a range like `2027-03-19..2027-03-24`"),
    }
}

pub fn not_a_clock(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("`{text}` bukan jam; tulis seperti `08:00`"),
        Lang::En => format!("`{text}` is not a clock time; write it like `08:00`"),
    }
}

// ------------------------------------------------------------ durations

/// Why a text is not a duration (`crate::time::parse_duration`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurProblem<'a> {
    Empty,
    UnknownUnit(char),
    NumberFirst(char),
    NumberTooLarge,
    TooLong,
    NeedsUnit(&'a str),
}

pub fn not_a_duration(text: &str, p: DurProblem, lang: Lang) -> String {
    use DurProblem::*;
    match (p, lang) {
        (Empty, Lang::Id) => "durasinya kosong; tulis seperti `24h`, `90m`, `1d12h` atau `2w`".into(),
        (Empty, Lang::En) => "empty duration; write it like `24h`, `90m`, `1d12h` or `2w`".into(),
        (UnknownUnit(c), Lang::Id) => format!("`{text}` bukan durasi: satuan `{c}` tidak dikenal (pakai m untuk menit, h jam, d hari atau w minggu, seperti `1d12h`)"),
        (UnknownUnit(c), Lang::En) => format!("`{text}` is not a duration: unknown unit `{c}` (use m, h, d or w, like `1d12h`)"),
        (NumberFirst(c), Lang::Id) => format!("`{text}` bukan durasi: sebelum `{c}` harus ada angka (seperti `24h`)"),
        (NumberFirst(c), Lang::En) => format!("`{text}` is not a duration: a number must come before `{c}` (like `24h`)"),
        (NumberTooLarge, Lang::Id) => format!("`{text}` bukan durasi: angkanya terlalu besar"),
        (NumberTooLarge, Lang::En) => format!("`{text}` is not a duration: number too large"),
        (TooLong, Lang::Id) => format!("`{text}` terlalu lama untuk sebuah durasi (paling lama 100 tahun)"),
        (TooLong, Lang::En) => format!("`{text}` is too long a duration"),
        (NeedsUnit(n), Lang::Id) => format!("`{text}` bukan durasi: `{n}` perlu satuan (m, h, d atau w), seperti `{n}h`"),
        (NeedsUnit(n), Lang::En) => format!("`{text}` is not a duration: `{n}` needs a unit (m, h, d or w), like `{n}h`"),
    }
}
