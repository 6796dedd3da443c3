//! `init`: a new shop skeleton, or the team setup (`--hooks`, `--ci`) of an
//! existing one.

use crate::error::{Error, Result};
use crate::lang::cli;
use crate::shop::config::Lang;
use crate::shop::index;
use std::path::Path;

const SHOP_TOML: &str = r#"# langgan shop configuration. Every section but [shop] is optional.
[shop]
name = "Toko Saya"
timezone = "Asia/Jakarta"
language = "id"              # id | en
currency = "IDR"
# admins = ["dewi", "rudi"]  # when set, `admin` and `by` in records must name one
# sources = ["instagram", "tiktok", "marketplace", "whatsapp", "referral", "offline"]
# greeting = "Kak"           # how messages address a customer without `call`: "Kak Siti"
# whatsapp_name = "Toko Saya"  # the shop's own name in WhatsApp chat exports

# [hours]                    # business hours: complaint clocks count only open time
# days = ["mon", "tue", "wed", "thu", "fri", "sat"]
# open = "08:00"
# close = "21:00"
# holidays = ["2026-12-25"]

[service]
response_target = "5m"
resolve_target = "24h"
inactive_after = "60d"
expire_after = "14d"
high_value = 1000000
medium_value = 300000

# [categories.skincare]
# repeat_after = "30d"       # one unit lasts this long: basis of repeat-order reminders

# [products.serum-vit-c]
# name = "Serum Vitamin C 20ml"
# category = "skincare"
# price = 85000
# sku = ["SRM-VC-20"]        # marketplace SKUs or listing names of this product

[report]
mask_contacts = true
"#;

/// The new shop's `.gitignore`: the generated site, langgan's private folder
/// (index cache, import staging, locks) and the temporary files of a write
/// that was cut off (`.NAME.langgan-PID.tmp` / `.new`, removed by the next
/// command).
const GITIGNORE: &str = "/public/\n/.langgan/\n.*.langgan-*.tmp\n.*.langgan-*.new\n";

/// `lang` is `LANGGAN_LANG`'s (else the shop's, else Indonesian): the words
/// said, and the new shop's `language`.
pub fn init(
    dir: Option<&Path>,
    hooks: bool,
    ci: Option<crate::io::team::Ci>,
    encrypt: bool,
    lang: Lang,
) -> Result<i32> {
    let dir = dir.unwrap_or(Path::new("."));
    let toml_path = dir.join("shop.toml");
    // On an existing shop, --hooks and --ci add the team setup.
    if toml_path.exists() && (hooks || ci.is_some()) {
        return team_setup(dir, hooks, ci, encrypt, lang);
    }
    if toml_path.exists() {
        return Err(Error::usage(cli::shop_exists(&toml_path, lang)));
    }
    for sub in [index::CUSTOMERS_DIR, index::COMPLAINTS_DIR] {
        std::fs::create_dir_all(dir.join(sub)).map_err(|e| Error::io(&dir.join(sub), &e))?;
    }
    let shop_toml = match lang {
        Lang::Id => SHOP_TOML.to_string(),
        Lang::En => SHOP_TOML.replace("language = \"id\"", "language = \"en\""),
    };
    crate::io::atomic::atomic_write(&toml_path, shop_toml.as_bytes())?;
    let gitignore = dir.join(".gitignore");
    if !gitignore.exists() {
        crate::io::atomic::atomic_write(&gitignore, GITIGNORE.as_bytes())?;
    }
    for sub in [index::CUSTOMERS_DIR, index::COMPLAINTS_DIR] {
        let keep = dir.join(sub).join(".gitkeep");
        if !keep.exists() {
            crate::io::atomic::atomic_write(&keep, b"")?;
        }
    }
    println!("{}", cli::shop_created(dir, lang));
    team_setup(dir, hooks, ci, encrypt, lang)
}

fn team_setup(
    dir: &Path,
    hooks: bool,
    ci: Option<crate::io::team::Ci>,
    encrypt: bool,
    lang: Lang,
) -> Result<i32> {
    if hooks {
        let p = crate::io::team::install_hook(dir, lang)?;
        println!("{}", cli::team_file_written(cli::TeamFile::Hook, &p, lang));
    }
    if let Some(ci) = ci {
        let p = crate::io::team::write_ci(dir, ci, encrypt, lang)?;
        println!("{}", cli::team_file_written(cli::TeamFile::Ci, &p, lang));
    }
    Ok(0)
}
