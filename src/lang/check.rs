//! What `langgan check` says about record files, in Bahasa Indonesia or
//! English: every diagnostic of the walk, the readers and parsers, the value
//! checks and the cross-file checks, and the summary line. Sentences say what
//! is wrong and what to do; `path:line:col: error:` around them stays as the
//! SPEC writes it (editors and tools parse it).

use crate::shop::config::Lang;

/// ` (maksudnya `x`?)` / ` (did you mean `x`?)`, or nothing.
pub fn did_you_mean(suggestion: Option<&str>, lang: Lang) -> String {
    match (suggestion, lang) {
        (None, _) => String::new(),
        (Some(s), Lang::Id) => format!(" (maksudnya `{s}`?)"),
        (Some(s), Lang::En) => format!(" (did you mean `{s}`?)"),
    }
}

/// The words for "customer" and "complaint".
fn record_word(customer: bool, lang: Lang) -> &'static str {
    match (customer, lang) {
        (true, Lang::Id) => "pelanggan",
        (false, Lang::Id) => "komplain",
        (true, Lang::En) => "customer",
        (false, Lang::En) => "complaint",
    }
}

// ------------------------------------------------------------- the summary

/// The last line of `check`. `files`: how many files have a diagnostic.
pub fn summary(
    customers: usize,
    complaints: usize,
    errors: usize,
    warnings: usize,
    files: usize,
    lang: Lang,
) -> String {
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("{n} {one}")
        } else {
            format!("{n} {many}")
        }
    };
    match lang {
        Lang::Id => {
            let loaded = format!("{customers} pelanggan, {complaints} komplain");
            let problems = match (errors, warnings) {
                (0, 0) => return format!("Semua catatan rapi: {loaded}."),
                (0, w) => format!("{w} peringatan"),
                (e, 0) => format!("{e} kesalahan"),
                (e, w) => format!("{e} kesalahan, {w} peringatan"),
            };
            let tail = if errors > 0 {
                " (berkas yang bermasalah dilewati)"
            } else {
                ""
            };
            format!("{problems} di {files} berkas; {loaded} terbaca{tail}.")
        }
        Lang::En => {
            let loaded = format!(
                "{}, {}",
                plural(customers, "customer", "customers"),
                plural(complaints, "complaint", "complaints")
            );
            let problems = match (errors, warnings) {
                (0, 0) => return format!("All records in order: {loaded}."),
                (0, w) => plural(w, "warning", "warnings"),
                (e, 0) => plural(e, "error", "errors"),
                (e, w) => format!(
                    "{}, {}",
                    plural(e, "error", "errors"),
                    plural(w, "warning", "warnings")
                ),
            };
            let tail = if errors > 0 {
                " (files with errors were left out)"
            } else {
                ""
            };
            format!(
                "{problems} in {}; {loaded} loaded{tail}.",
                plural(files, "file", "files")
            )
        }
    }
}

// ---------------------------------------------------------------- reading

/// A record file that cannot be read because of its permissions.
pub fn unreadable(shown: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("berkas ini tidak bisa dibaca: tidak ada izin baca (permission denied); beri izin baca, misalnya `chmod u+r {shown}`, lalu jalankan lagi"),
        Lang::En => format!("this file cannot be read: no read permission (permission denied); give yourself read access, e.g. `chmod u+r {shown}`, then run again"),
    }
}

/// A record folder that cannot be listed because of its permissions.
pub fn folder_unreadable(shown: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("folder ini tidak bisa dibuka: tidak ada izin (permission denied); beri izin, misalnya `chmod u+rx {shown}`, lalu jalankan lagi"),
        Lang::En => format!("this folder cannot be opened: no permission (permission denied); give yourself access, e.g. `chmod u+rx {shown}`, then run again"),
    }
}

/// A file that was listed but is gone when it is read.
pub fn vanished(lang: Lang) -> String {
    match lang {
        Lang::Id => "berkas ini hilang saat sedang dibaca (dihapus atau diganti nama?); jalankan `langgan check` lagi".into(),
        Lang::En => "this file disappeared while it was being read (deleted or renamed?); run `langgan check` again".into(),
    }
}

/// Any other read failure, with the system's words.
pub fn read_failed(error: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("berkas ini tidak bisa dibaca: {error}"),
        Lang::En => format!("this file cannot be read: {error}"),
    }
}

/// A record file with nothing in it.
pub fn empty_file(customer: bool, lang: Lang) -> String {
    match (customer, lang) {
        (true, Lang::Id) => "berkas ini kosong; tulis catatan pelanggannya (minimal `name:` dan `first_contact:`) atau hapus berkasnya".into(),
        (false, Lang::Id) => "berkas ini kosong; tulis komplainnya (minimal `customer:`, `opened:` dan `summary:`) atau hapus berkasnya".into(),
        (true, Lang::En) => "this file is empty; write the customer's record (at least `name:` and `first_contact:`) or delete the file".into(),
        (false, Lang::En) => "this file is empty; write the complaint (at least `customer:`, `opened:` and `summary:`) or delete the file".into(),
    }
}

pub fn too_large(mib: usize, max_mib: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("berkas ini terlalu besar ({mib} MiB); satu catatan paling besar {max_mib} MiB: pindahkan interaksi lama ke berkas arsip di luar `customers/`"),
        Lang::En => format!("this file is too large ({mib} MiB); a record can be at most {max_mib} MiB: move old interactions to an archive file outside `customers/`"),
    }
}

pub fn binary(lang: Lang) -> String {
    match lang {
        Lang::Id => {
            "berkas ini berisi data biner, bukan teks; catatan harus berupa teks YAML".into()
        }
        Lang::En => "this file holds binary data, not text; a record must be YAML text".into(),
    }
}

pub fn not_utf8(lang: Lang) -> String {
    match lang {
        Lang::Id => "berkas ini bukan teks UTF-8; simpan ulang sebagai UTF-8 di editor".into(),
        Lang::En => "this file is not UTF-8 text; save it as UTF-8 in your editor".into(),
    }
}

pub fn not_a_slug(id: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("`{id}` bukan id yang sah: nama berkas hanya boleh huruf kecil, angka, `.`, `_` atau `-` (seperti `siti-rahma.yaml`); ganti nama berkasnya"),
        Lang::En => format!("`{id}` is not a valid id: file names must be lowercase letters, digits, `.`, `_` or `-` (like `siti-rahma.yaml`); rename the file"),
    }
}

/// A git merge conflict marker (`<<<<<<<`, `=======`, `|||||||`, `>>>>>>>`).
pub fn conflict_marker(marker: &str, lang: Lang) -> String {
    let what = match (marker, lang) {
        ("<<<<<<<", Lang::Id) => "awal bentrok penggabungan git (versi Anda menyusul)",
        ("=======", Lang::Id) => "tengah bentrok penggabungan git (versi lain menyusul)",
        ("|||||||", Lang::Id) => "versi asal bentrok penggabungan git",
        (_, Lang::Id) => "akhir bentrok penggabungan git",
        ("<<<<<<<", Lang::En) => "start of a git merge conflict (your side follows)",
        ("=======", Lang::En) => "middle of a git merge conflict (the other side follows)",
        ("|||||||", Lang::En) => "common ancestor of a git merge conflict",
        (_, Lang::En) => "end of a git merge conflict",
    };
    match lang {
        Lang::Id => {
            format!("`{marker}`: {what}; sisakan baris yang benar, hapus penandanya, lalu simpan")
        }
        Lang::En => {
            format!("`{marker}`: {what}; keep the right lines, delete the markers, then save")
        }
    }
}

// ------------------------------------------------------------------ walk

pub fn name_not_utf8(lang: Lang) -> String {
    match lang {
        Lang::Id => {
            "nama berkas ini bukan UTF-8 yang sah; ganti namanya dengan huruf dan angka biasa"
                .into()
        }
        Lang::En => {
            "this file name is not valid UTF-8; rename it with plain letters and digits".into()
        }
    }
}

pub fn symlink(lang: Lang) -> String {
    match lang {
        Lang::Id => "tautan simbolik tidak diikuti; taruh berkas catatannya sendiri di sini".into(),
        Lang::En => "symbolic links are not followed; put the record file itself here".into(),
    }
}

/// A file in a record folder that looks like a record but is not read
/// (`x.yml.txt`, `x.YAML`, `x.json`, `x.txt`): rename it to `rename`.
pub fn not_read_rename(rename: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("berkas ini tidak dibaca: hanya berkas `.yaml` atau `.yml` (huruf kecil) yang dibaca; kalau ini catatan, ganti namanya menjadi `{rename}`"),
        Lang::En => format!("this file is not read: only `.yaml` or `.yml` files (lowercase) are read; if it is a record, rename it to `{rename}`"),
    }
}

/// What a YAML file outside the record folders seems to hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Looks {
    Customer,
    Complaint,
    Unknown,
}

/// A YAML file outside `customers/` and `complaints/`.
pub fn outside_record_folders(looks: Looks, name: &str, lang: Lang) -> String {
    match (looks, lang) {
        (Looks::Customer, Lang::Id) => format!("berkas ini tidak dibaca karena di luar `customers/`; isinya seperti catatan pelanggan: pindahkan ke `customers/{name}`"),
        (Looks::Complaint, Lang::Id) => format!("berkas ini tidak dibaca karena di luar `complaints/`; isinya seperti komplain: pindahkan ke `complaints/{name}`"),
        (Looks::Unknown, Lang::Id) => format!("berkas YAML ini tidak dibaca: catatan hanya dibaca dari `customers/` dan `complaints/`; kalau ini catatan pelanggan, pindahkan ke `customers/{name}`"),
        (Looks::Customer, Lang::En) => format!("this file is not read because it is outside `customers/`; it looks like a customer record: move it to `customers/{name}`"),
        (Looks::Complaint, Lang::En) => format!("this file is not read because it is outside `complaints/`; it looks like a complaint: move it to `complaints/{name}`"),
        (Looks::Unknown, Lang::En) => format!("this YAML file is not read: records are read only from `customers/` and `complaints/`; if it is a customer record, move it to `customers/{name}`"),
    }
}

// ------------------------------------------------------------ YAML syntax

/// A tab in a line's indentation.
pub fn tab_indent(lang: Lang) -> String {
    match lang {
        Lang::Id => {
            "baris ini diawali tab; YAML hanya memakai spasi: ganti tab dengan spasi".into()
        }
        Lang::En => {
            "this line is indented with a tab; YAML needs spaces: replace the tab with spaces"
                .into()
        }
    }
}

/// `note: Catatan: kirim pagi`: a value holding `: `; `fixed` is the line
/// as it should be.
pub fn quote_value(fixed: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("nilai ini berisi `: `, jadi YAML membacanya sebagai kolom baru; beri tanda kutip di sekeliling nilainya: `{fixed}`"),
        Lang::En => format!("this value holds `: `, so YAML reads it as a new field; put quotes around the value: `{fixed}`"),
    }
}

/// A line indented deeper or shallower than its siblings; `what` names the
/// sibling (`name` or `-`), at `line`:`col`.
pub fn line_up(what: &str, line: u32, col: u32, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("indentasi baris ini tidak pas; luruskan dengan `{what}` di baris {line} (kolom {col}), pakai spasi sebanyak baris itu"),
        Lang::En => format!("this line is not indented like the ones above; line it up with `{what}` on line {line} (column {col}), with as many spaces as that line"),
    }
}

pub fn nested_too_deep(limit: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("isi berkas ini bersarang terlalu dalam (lebih dari {limit} tingkat `[`, `{{` atau indentasi); catatan biasa hanya beberapa tingkat: periksa kurung yang tidak ditutup"),
        Lang::En => format!("this file is nested too deeply (more than {limit} levels of `[`, `{{` or indentation); a record needs only a few: look for brackets left open"),
    }
}

/// A resource limit of the YAML reader (`what`: which one, with its number).
pub fn too_big_to_read(what: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("berkas ini tidak dibaca demi keamanan: {what}; kalau catatannya memang sebesar ini, pindahkan interaksi lama ke berkas arsip di luar `customers/`"),
        Lang::En => format!("this file is not read, to stay safe: {what}; if the record really is this big, move old interactions to an archive file outside `customers/`"),
    }
}

/// How many values a record may hold (the reader's node budget).
pub fn limit_values(limit: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("lebih dari {limit} nilai"),
        Lang::En => format!("more than {limit} values"),
    }
}

/// Aliases (`*a`) that expand into too much.
pub fn limit_aliases(lang: Lang) -> String {
    match lang {
        Lang::Id => "alias (`*nama`) di berkas ini mengembang terlalu banyak; tulis nilainya langsung, tanpa `&` dan `*`".into(),
        Lang::En => "the aliases (`*name`) in this file expand too much; write the values out, without `&` and `*`".into(),
    }
}

/// Any other syntax problem, with the YAML reader's words.
pub fn not_yaml(detail: &str, lang: Lang) -> String {
    match (detail.is_empty(), lang) {
        (true, Lang::Id) => "isi berkas ini bukan YAML yang sah".into(),
        (true, Lang::En) => "this file is not valid YAML".into(),
        (false, Lang::Id) => format!("YAML tidak bisa dibaca di sini: {detail}"),
        (false, Lang::En) => format!("YAML cannot be read here: {detail}"),
    }
}

pub fn unclosed_quote(lang: Lang) -> String {
    match lang {
        Lang::Id => "tanda kutip ini tidak ditutup (unclosed quote); tambahkan kutip penutup di akhir nilainya".into(),
        Lang::En => "unclosed quote: add the closing quote at the end of the value".into(),
    }
}

pub fn value_required(key: Option<&str>, lang: Lang) -> String {
    match (key, lang) {
        (None, Lang::Id) => "di sini harus ada nilai".into(),
        (None, Lang::En) => "a value is required here".into(),
        (Some(k), Lang::Id) => format!("`{k}` kosong; tulis nilainya sesudah `{k}:`"),
        (Some(k), Lang::En) => format!("`{k}` is empty; write a value after `{k}:`"),
    }
}

pub fn duplicate_key(key: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "kolom `{key}` ditulis dua kali di blok yang sama (duplicate key); sisakan satu saja"
        ),
        Lang::En => {
            format!("duplicate key `{key}`: it appears twice in the same block; keep only one")
        }
    }
}

pub fn two_documents(lang: Lang) -> String {
    match lang {
        Lang::Id => "satu berkas catatan hanya berisi satu dokumen YAML; hapus baris `---` dan isi sesudahnya (atau pisahkan menjadi dua berkas)".into(),
        Lang::En => "a record file holds one YAML document; remove the `---` line and what follows it (or split it into two files)".into(),
    }
}

pub fn expected_list(lang: Lang) -> String {
    match lang {
        Lang::Id => {
            "di sini harus berupa daftar (tiap isi di barisnya sendiri diawali `- `, atau `[a, b]`)"
                .into()
        }
        Lang::En => {
            "expected a list here (items on their own lines starting with `- `, or `[a, b]`)".into()
        }
    }
}

pub fn expected_handles(lang: Lang) -> String {
    match lang {
        Lang::Id => "`handles` memasangkan marketplace dengan nama pengguna, seperti `handles: {shopee: sitirahma88}`".into(),
        Lang::En => "`handles` pairs a marketplace with a username, like `handles: {shopee: sitirahma88}`".into(),
    }
}

pub fn expected_fields(lang: Lang) -> String {
    match lang {
        Lang::Id => "di sini harus berupa baris `kolom: nilai`".into(),
        Lang::En => "expected `field: value` lines here".into(),
    }
}

pub fn expected_text(lang: Lang) -> String {
    match lang {
        Lang::Id => "di sini harus berupa teks, bukan daftar atau blok".into(),
        Lang::En => "expected text here, not a list or a block".into(),
    }
}

pub fn expected_number(lang: Lang) -> String {
    match lang {
        Lang::Id => "di sini harus berupa bilangan bulat".into(),
        Lang::En => "expected a whole number here".into(),
    }
}

pub fn expected_bool(lang: Lang) -> String {
    match lang {
        Lang::Id => "di sini harus `true` atau `false`".into(),
        Lang::En => "expected `true` or `false` here".into(),
    }
}

/// `expected`: "text", "a list", … already in `lang`; `found` is serde's.
pub fn wrong_type(expected: &str, found: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("di sini harus berupa {expected}, bukan {found}"),
        Lang::En => format!("expected {expected} here, found {found}"),
    }
}

/// serde's names of types, in plain words.
pub fn type_word(serde: &str, lang: Lang) -> String {
    let w = match (serde, lang) {
        ("a string" | "string", Lang::Id) => "teks",
        ("a string" | "string", Lang::En) => "text",
        ("a sequence" | "sequence", Lang::Id) => "daftar",
        ("a sequence" | "sequence", Lang::En) => "a list",
        ("i64" | "u32" | "u8" | "i32" | "u64", Lang::Id) => "bilangan bulat",
        ("i64" | "u32" | "u8" | "i32" | "u64", Lang::En) => "a whole number",
        ("a boolean", _) => "`true` / `false`",
        (other, _) => other,
    };
    w.to_string()
}

pub fn missing_field(field: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => {
            format!("kolom wajib `{field}` belum ada; tambahkan `{field}:` dengan nilainya")
        }
        Lang::En => format!("required field `{field}` is missing; add `{field}:` with its value"),
    }
}

/// An unknown field; `hint` is [`did_you_mean`]'s, `known` the fields allowed here.
pub fn unknown_field(field: &str, hint: &str, known: &[&str], lang: Lang) -> String {
    let list = known.join(", ");
    match (known.is_empty(), lang) {
        (true, Lang::Id) => format!("kolom `{field}` tidak dikenal{hint}"),
        (true, Lang::En) => format!("unknown field `{field}`{hint}"),
        (false, Lang::Id) => {
            format!("kolom `{field}` tidak dikenal{hint}; kolom yang dikenal di sini: {list}")
        }
        (false, Lang::En) => format!("unknown field `{field}`{hint}; known fields here: {list}"),
    }
}

pub fn unknown_variant(value: &str, hint: &str, known: &[&str], lang: Lang) -> String {
    let list = known.join(", ");
    match lang {
        Lang::Id => format!("`{value}` tidak boleh di sini{hint}; pakai salah satu: {list}"),
        Lang::En => format!("`{value}` is not allowed here{hint}; use one of: {list}"),
    }
}

/// ` (the value comes from line 3 through an alias)`.
pub fn through_alias(line: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(" (nilainya berasal dari baris {line} lewat alias)"),
        Lang::En => format!(" (the value comes from line {line} through an alias)"),
    }
}

// ------------------------------------------------------- structural hints

/// `product`, `qty` or `price` directly under an order.
pub fn put_under_items(field: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("`{field}` milik satu barang pesanan, bukan pesanannya: taruh di bawah `items:`, seperti `items:` lalu `  - {field}: …`"),
        Lang::En => format!("`{field}` belongs to an item of the order, not to the order: put it under `items:`, like `items:` then `  - {field}: …`"),
    }
}

/// An interaction (it has `kind`) written under `orders:`.
pub fn belongs_under_interactions(field: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("ini seperti interaksi (ada `{field}`), bukan pesanan: pindahkan ke bawah `interactions:`, bukan `orders:`"),
        Lang::En => format!("this looks like an interaction (it has `{field}`), not an order: move it under `interactions:`, not `orders:`"),
    }
}

/// A customer file in `complaints/` (`to_customers`) or a complaint in
/// `customers/`; `field` is what gave it away.
pub fn wrong_folder(to_customers: bool, field: &str, lang: Lang) -> String {
    let (what, folder) = if to_customers {
        (record_word(true, lang), "customers/")
    } else {
        (record_word(false, lang), "complaints/")
    };
    match lang {
        Lang::Id => format!(
            "berkas ini seperti catatan {what} (ada `{field}`): pindahkan berkasnya ke `{folder}`"
        ),
        Lang::En => format!(
            "this file looks like a {what} record (it has `{field}`): move it to `{folder}`"
        ),
    }
}

// ------------------------------------------------------------ value checks

/// `field`: the time problem.
pub fn in_field(field: &str, problem: &str) -> String {
    format!("`{field}`: {problem}")
}

pub fn not_a_time(s: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => {
            format!("`{s}` bukan waktu; tulis seperti `2026-11-02 10:15` atau `2026-11-02`")
        }
        Lang::En => {
            format!("`{s}` is not a time; write it like `2026-11-02 10:15` or `2026-11-02`")
        }
    }
}

pub fn not_a_date(s: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("`{s}` bukan tanggal yang ada (periksa bulan dan tanggalnya)"),
        Lang::En => format!("`{s}` is not a real date (check the month and the day)"),
    }
}

pub fn offset_after_date(s: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => {
            format!("`{s}`: zona waktu hanya boleh sesudah jam, seperti `2026-11-02 10:15+07:00`")
        }
        Lang::En => format!(
            "`{s}`: an offset is allowed only after a clock time, like `2026-11-02 10:15+07:00`"
        ),
    }
}

pub fn impossible_clock(s: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("`{s}` jamnya tidak mungkin (pakai 00:00 sampai 23:59)"),
        Lang::En => format!("`{s}` has an impossible clock time (use 00:00 to 23:59)"),
    }
}

/// What an event's time must not be before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Earlier {
    OrderTime,
    Shipped,
    Message,
    Opened,
}

fn earlier_word(e: Earlier, lang: Lang) -> &'static str {
    match (e, lang) {
        (Earlier::OrderTime, Lang::Id) => "waktu pesanan",
        (Earlier::OrderTime, Lang::En) => "the order time",
        (Earlier::Shipped, _) => "`shipped`",
        (Earlier::Message, Lang::Id) => "pesannya (`at`)",
        (Earlier::Message, Lang::En) => "the message (`at`)",
        (Earlier::Opened, _) => "`opened`",
    }
}

pub fn before(later: &str, at: &str, earlier: Earlier, earlier_at: &str, lang: Lang) -> String {
    let e = earlier_word(earlier, lang);
    match lang {
        Lang::Id => format!(
            "`{later}` ({at}) lebih awal dari {e} ({earlier_at}); periksa tanggal dan jamnya"
        ),
        Lang::En => {
            format!("`{later}` ({at}) is before {e} ({earlier_at}); check the date and time")
        }
    }
}

pub fn order_before_first_contact(at: &str, first: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("pesanan {at} lebih awal dari first_contact pelanggan ini ({first}); periksa salah satunya"),
        Lang::En => format!("order at {at} is before the customer's first_contact ({first}); correct one of them"),
    }
}

pub fn unknown_admin(field: &str, admin: &str, hint: &str, admins: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => {
            format!("`{field}`: admin `{admin}` tidak dikenal{hint}; admin di shop.toml: {admins}")
        }
        Lang::En => {
            format!("`{field}`: unknown admin `{admin}`{hint}; admins in shop.toml: {admins}")
        }
    }
}

pub fn unknown_product(product: &str, hint: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => {
            format!("produk `{product}` tidak dikenal{hint}; daftar produk ada di shop.toml")
        }
        Lang::En => format!("unknown product `{product}`{hint}; products are listed in shop.toml"),
    }
}

pub fn unknown_source(source: &str, hint: &str, sources: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => {
            format!("sumber `{source}` tidak dikenal{hint}; sumber di shop.toml: {sources}")
        }
        Lang::En => format!("unknown source `{source}`{hint}; sources in shop.toml: {sources}"),
    }
}

pub fn out_of_range(field: &str, lo: i64, hi: i64, v: i64, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("`{field}` harus dari {lo} sampai {hi}, bukan {v}"),
        Lang::En => format!("`{field}` must be from {lo} to {hi}, not {v}"),
    }
}

pub fn at_least_one(field: &str, v: i64, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("`{field}` paling sedikit 1, bukan {v}"),
        Lang::En => format!("`{field}` must be at least 1, not {v}"),
    }
}

pub fn too_much(field: &str, v: i64, max: i64, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("`{field}` {v} terlalu besar (paling besar {max})"),
        Lang::En => format!("`{field}` {v} is too large (at most {max})"),
    }
}

pub fn negative_price(lang: Lang) -> String {
    match lang {
        Lang::Id => "harga tidak boleh negatif".into(),
        Lang::En => "a price cannot be negative".into(),
    }
}

pub fn blank(field: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("`{field}` kosong; tulis isinya"),
        Lang::En => format!("`{field}` is empty; write it"),
    }
}

pub fn not_an_email(s: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("`{s}` bukan alamat email (seperti `siti@example.com`)"),
        Lang::En => format!("`{s}` is not an email address"),
    }
}

pub fn landline(phone: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("`{phone}` nomor telepon rumah/kantor, bukan nomor HP: tidak ada WhatsApp, jadi pesan untuk pelanggan ini tanpa tautan WhatsApp; kalau ada nomor HP (08…), tulis di sini (nomor telepon ini bisa dipindah ke `note`)"),
        Lang::En => format!("`{phone}` is a landline, not a mobile number: it has no WhatsApp, so this customer's messages get no WhatsApp link; if there is a mobile number (08…), write it here instead (the landline can go in `note`)"),
    }
}

pub fn phone_chars(phone: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => {
            format!("`{phone}` bukan nomor telepon (hanya angka, spasi, tanda hubung dan titik)")
        }
        Lang::En => {
            format!("`{phone}` is not a phone number (only digits, spaces, dashes and dots)")
        }
    }
}

pub fn phone_not_indonesian(phone: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("`{phone}` bukan nomor Indonesia; tulis seperti `0812-3456-7890` atau `+62 812 3456 7890`"),
        Lang::En => format!("`{phone}` is not an Indonesian number; write it like `0812-3456-7890` or `+62 812 3456 7890`"),
    }
}

pub fn phone_length(phone: &str, digits: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("`{phone}` punya {digits} angka sesudah kode negara; nomor Indonesia punya 8 sampai 12"),
        Lang::En => format!("`{phone}` has {digits} digits after the country code; an Indonesian number has 8 to 12"),
    }
}

pub fn empty_handle(market: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => {
            format!("handle `{market}` kosong; tulis nama penggunanya, atau hapus barisnya")
        }
        Lang::En => {
            format!("handle `{market}` is empty; write the username there, or remove the line")
        }
    }
}

pub fn handle_twice(market: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("`handles` menyebut `{market}` dua kali; sisakan satu saja"),
        Lang::En => format!("`handles` names `{market}` twice; keep only one"),
    }
}

pub fn no_items(lang: Lang) -> String {
    match lang {
        Lang::Id => "pesanan perlu paling sedikit satu barang di `items:`".into(),
        Lang::En => "an order needs at least one item under `items:`".into(),
    }
}

pub fn unknown_kind(kind: &str, hint: &str, kinds: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => {
            format!("jenis interaksi `{kind}` tidak dikenal{hint}; pakai salah satu: {kinds}")
        }
        Lang::En => format!("unknown interaction kind `{kind}`{hint}; use one of: {kinds}"),
    }
}

pub fn replied_not_inbound(lang: Lang) -> String {
    match lang {
        Lang::Id => "`replied` hanya untuk interaksi `inbound` (pesan dari pelanggan)".into(),
        Lang::En => {
            "`replied` belongs only to `inbound` interactions (messages from the customer)".into()
        }
    }
}

// ----------------------------------------------------------- across files

pub fn duplicate_id(customer: bool, id: &str, other: &str, lang: Lang) -> String {
    let what = record_word(customer, lang);
    match lang {
        Lang::Id => format!("id {what} `{id}` dipakai dua kali: {other} punya nama berkas yang sama; ganti nama salah satunya"),
        Lang::En => format!("duplicate {what} id `{id}`: {other} has the same file name; rename one of them"),
    }
}

pub fn same_phone(other: &str, other_path: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("nomor teleponnya sama dengan pelanggan `{other}` ({other_path}); apakah ini orang yang sama?"),
        Lang::En => format!("same phone as customer `{other}` ({other_path}); is this the same person?"),
    }
}

pub fn opened_before_first_contact(
    opened: &str,
    customer: &str,
    first: &str,
    lang: Lang,
) -> String {
    match lang {
        Lang::Id => format!("komplain dibuka {opened}, sebelum pelanggan `{customer}` pertama menghubungi toko ({first})"),
        Lang::En => format!("complaint opened {opened} before customer `{customer}` first contacted the shop ({first})"),
    }
}

pub fn customer_has_errors(customer: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("pelanggan `{customer}` tidak bisa dimuat karena berkasnya bermasalah; perbaiki berkas itu dulu"),
        Lang::En => format!("customer `{customer}` cannot be loaded because its file has errors; fix that file first"),
    }
}

pub fn unknown_customer(customer: &str, hint: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "pelanggan `{customer}` tidak dikenal{hint}; tidak ada customers/{customer}.yaml"
        ),
        Lang::En => {
            format!("unknown customer `{customer}`{hint}; there is no customers/{customer}.yaml")
        }
    }
}

/// Whose order first used a ref: this file's (`None`) or another customer's.
pub fn ref_used(
    reference: &str,
    order: usize,
    customer: Option<&str>,
    at: &str,
    lang: Lang,
) -> String {
    match (customer, lang) {
        (None, Lang::Id) => format!("ref pesanan `{reference}` sudah dipakai pesanan ke-{order} di berkas ini ({at}); catat tiap pesanan sekali saja: hapus salinan ini atau perbaiki ref-nya"),
        (Some(c), Lang::Id) => format!("ref pesanan `{reference}` sudah dipakai pesanan ke-{order} pelanggan `{c}` ({at}); catat tiap pesanan sekali saja: hapus salinan ini atau perbaiki ref-nya"),
        (None, Lang::En) => format!("order ref `{reference}` is already used by order #{order} in this file ({at}); record each order once: remove this copy or correct its ref"),
        (Some(c), Lang::En) => format!("order ref `{reference}` is already used by order #{order} of customer `{c}` ({at}); record each order once: remove this copy or correct its ref"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries() {
        assert_eq!(
            summary(12, 3, 0, 0, 0, Lang::Id),
            "Semua catatan rapi: 12 pelanggan, 3 komplain."
        );
        assert_eq!(
            summary(12, 3, 2, 1, 2, Lang::Id),
            "2 kesalahan, 1 peringatan di 2 berkas; 12 pelanggan, 3 komplain terbaca (berkas yang bermasalah dilewati)."
        );
        assert_eq!(
            summary(1, 0, 0, 1, 1, Lang::Id),
            "1 peringatan di 1 berkas; 1 pelanggan, 0 komplain terbaca."
        );
        assert_eq!(
            summary(1, 1, 0, 0, 0, Lang::En),
            "All records in order: 1 customer, 1 complaint."
        );
        assert_eq!(
            summary(2, 0, 1, 2, 1, Lang::En),
            "1 error, 2 warnings in 1 file; 2 customers, 0 complaints loaded (files with errors were left out)."
        );
        for lang in [Lang::Id, Lang::En] {
            assert!(!summary(1, 2, 3, 4, 5, lang).contains("galat"));
        }
    }
}
