//! The read-only commands: `init`, `check`, `due`, `customers`, `complaints`, `stats`.

pub mod explain;
pub mod writes;

use crate::cli::Format;
use crate::error::{Error, Result, EXIT_INVALID};
use crate::io::table::{self, paint, Style};
use crate::lang::format::{local_phone, money, short_datetime};
use crate::lang::{self, pick};
use crate::messages::Messages;
use crate::rules::complaints;
use crate::rules::{self, agenda, Lifecycle, Status, Task, Value};
use crate::shop::config::Lang;
use crate::shop::index::{self, Shop, ShopDir};
use crate::time::{parse_duration, rfc3339, Week};
use jiff::Timestamp;
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// A loaded shop and the moment commands look at.
pub struct Ctx {
    pub shop: Shop,
    pub now: Timestamp,
    /// False with `--no-cache`: nothing remembered from earlier runs is used.
    pub use_cache: bool,
}

impl Ctx {
    pub fn open(dir: ShopDir, now: Option<&str>, use_cache: bool) -> Result<Ctx> {
        let shop = crate::shop::load::load_with(&dir, use_cache)?;
        let now = crate::time::parse_now(now, &shop.config.timezone)?;
        Ok(Ctx {
            shop,
            now,
            use_cache,
        })
    }

    pub fn lang(&self) -> Lang {
        self.shop.config.language
    }

    /// Commands other than `check` work with the valid records and say what was left out.
    fn warn_left_out(&self) {
        let errors = self.shop.error_count();
        if errors > 0 {
            eprintln!(
                "{}",
                match self.lang() {
                    Lang::Id => format!("langgan: {errors} galat di berkas catatan; berkas yang bermasalah dilewati (jalankan `langgan check`)"),
                    Lang::En => format!("langgan: {errors} errors in record files; those files were left out (run `langgan check`)"),
                }
            );
        }
    }
}

fn out(text: &str) -> Result<i32> {
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (e.g. `| head`) is not an error worth reporting.
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
    Ok(0)
}

fn json<T: Serialize>(value: &T) -> Result<i32> {
    let s = serde_json::to_string_pretty(value)
        .map_err(|e| Error::usage(format!("cannot write JSON: {e}")))?;
    out(&(s + "\n"))
}

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

pub fn init(dir: Option<&Path>, hooks: bool, ci: Option<crate::io::team::Ci>) -> Result<i32> {
    let dir = dir.unwrap_or(Path::new("."));
    let toml_path = dir.join("shop.toml");
    // On an existing shop, --hooks and --ci add the team setup.
    if toml_path.exists() && (hooks || ci.is_some()) {
        return team_setup(dir, hooks, ci);
    }
    if toml_path.exists() {
        return Err(Error::usage(format!(
            "{}: a shop already exists here; nothing was changed",
            toml_path.display()
        )));
    }
    for sub in [index::CUSTOMERS_DIR, index::COMPLAINTS_DIR] {
        std::fs::create_dir_all(dir.join(sub)).map_err(|e| Error::io(&dir.join(sub), &e))?;
    }
    crate::io::atomic::atomic_write(&toml_path, SHOP_TOML.as_bytes())?;
    let gitignore = dir.join(".gitignore");
    if !gitignore.exists() {
        crate::io::atomic::atomic_write(&gitignore, b"/public/\n/.langgan/\n")?;
    }
    for sub in [index::CUSTOMERS_DIR, index::COMPLAINTS_DIR] {
        let keep = dir.join(sub).join(".gitkeep");
        if !keep.exists() {
            crate::io::atomic::atomic_write(&keep, b"")?;
        }
    }
    println!(
        "Toko baru dibuat di {}: edit shop.toml, lalu tambahkan pelanggan di customers/.",
        dir.display()
    );
    team_setup(dir, hooks, ci)
}

fn team_setup(dir: &Path, hooks: bool, ci: Option<crate::io::team::Ci>) -> Result<i32> {
    if hooks {
        let p = crate::io::team::install_hook(dir)?;
        println!("pre-commit hook: {}", p.display());
    }
    if let Some(ci) = ci {
        let p = crate::io::team::write_ci(dir, ci)?;
        println!("CI: {}", p.display());
    }
    Ok(0)
}

pub fn check(ctx: &Ctx) -> Result<i32> {
    let shop = &ctx.shop;
    let mut stderr = std::io::stderr().lock();
    for d in &shop.diagnostics {
        let _ = writeln!(stderr, "{}", d.rendered());
    }
    let errors = shop.error_count();
    let warnings = shop.diagnostics.len() - errors;
    let summary = match ctx.lang() {
        Lang::Id => format!(
            "{} pelanggan, {} komplain dimuat; {} galat, {} peringatan",
            shop.customers.len(),
            shop.complaints.len(),
            errors,
            warnings
        ),
        Lang::En => format!(
            "{} customers, {} complaints loaded; {} errors, {} warnings",
            shop.customers.len(),
            shop.complaints.len(),
            errors,
            warnings
        ),
    };
    let _ = writeln!(stderr, "{summary}");
    Ok(if errors > 0 { EXIT_INVALID } else { 0 })
}

#[derive(Serialize)]
struct TaskJson {
    rule: &'static str,
    customer: String,
    complaint: Option<String>,
    order: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<String>,
    anchor: String,
    due: String,
    late: String,
    status: &'static str,
    admin: Option<String>,
    label: String,
    message: String,
    whatsapp: Option<String>,
}

pub fn task_json(shop: &Shop, msgs: &Messages, t: &Task) -> TaskJsonOut {
    let tz = &shop.config.timezone;
    let c = &shop.customers[t.customer];
    let message = msgs.render(shop, t);
    TaskJsonOut(TaskJson {
        rule: t.rule.name(),
        customer: c.id.clone(),
        complaint: t.complaint.map(|k| shop.complaints[k].id.clone()),
        order: t.order,
        category: t.category.clone(),
        anchor: rfc3339(t.anchor.ev.t, tz),
        due: rfc3339(t.due, tz),
        late: rfc3339(t.late, tz),
        status: t.status.as_str(),
        admin: t.admin.clone(),
        label: rules::label(&shop.config, t.rule),
        whatsapp: c
            .phone
            .as_deref()
            .and_then(|p| crate::lang::format::whatsapp_link(p, &message)),
        message,
    })
}

/// A task as SPEC §6 shapes it.
#[derive(Serialize)]
#[serde(transparent)]
pub struct TaskJsonOut(TaskJson);

pub fn due(ctx: &Ctx, admin: Option<&str>, upcoming: Option<&str>, format: Format) -> Result<i32> {
    let shop = &ctx.shop;
    let cfg = &shop.config;
    let horizon = upcoming
        .map(parse_duration)
        .transpose()
        .map_err(|m| Error::usage(format!("--upcoming: {m}")))?;
    if let Some(a) = admin {
        if !cfg.admins.is_empty() && !cfg.admins.iter().any(|x| x == a) {
            return Err(Error::usage(format!(
                "--admin: unknown admin `{a}`{}; admins: {}",
                crate::text::did_you_mean(a, cfg.admins.iter().map(String::as_str)),
                cfg.admins.join(", ")
            )));
        }
    }
    ctx.warn_left_out();
    let tasks = crate::rules::evaluate_where(shop, ctx.now, |t| {
        crate::rules::on_agenda(t, ctx.now, horizon)
    });
    let list: Vec<&Task> = agenda(shop, &tasks, ctx.now, horizon)
        .into_iter()
        .filter(|t| admin.is_none_or(|a| t.admin.as_deref() == Some(a)))
        .collect();
    let msgs = Messages::load(shop)?;
    match format {
        Format::Json => {
            let v: Vec<TaskJsonOut> = list.iter().map(|t| task_json(shop, &msgs, t)).collect();
            json(&v)
        }
        Format::Csv => Err(Error::usage("due supports --format table or json")),
        Format::Table => out(&due_table(ctx, &msgs, &list, table::color_enabled())),
    }
}

/// The agenda as text: grouped by admin, overdue first, each with its message.
pub fn due_table(ctx: &Ctx, msgs: &Messages, list: &[&Task], color: bool) -> String {
    let shop = &ctx.shop;
    let cfg = &shop.config;
    let lang = cfg.language;
    let tz = &cfg.timezone;
    let mut s = String::new();
    s.push_str(&paint(
        &format!(
            "{} · {} · {}",
            pick(lang, "Tugas", "Tasks"),
            crate::lang::format::long_datetime(ctx.now, tz, lang),
            cfg.name
        ),
        Style::Bold,
        color,
    ));
    s.push('\n');
    if list.is_empty() {
        s.push_str(pick(
            lang,
            "Tidak ada tugas. Semua pelanggan sudah ditangani 🎉\n",
            "Nothing due. Every customer is taken care of 🎉\n",
        ));
        return s;
    }
    let mut admins: Vec<Option<&str>> = list.iter().map(|t| t.admin.as_deref()).collect();
    admins.sort_by_key(|a| (a.is_none(), *a));
    admins.dedup();
    for admin in admins {
        let mut group: Vec<&&Task> = list
            .iter()
            .filter(|t| t.admin.as_deref() == admin)
            .collect();
        let rank = |st: Status| match st {
            Status::Overdue => 0,
            Status::Due => 1,
            _ => 2,
        };
        group.sort_by_key(|t| (rank(t.status), t.due));
        let overdue = group.iter().filter(|t| t.status == Status::Overdue).count();
        let who = admin.map_or_else(
            || pick(lang, "Belum ada admin", "No admin").to_string(),
            |a| a.to_uppercase(),
        );
        s.push('\n');
        s.push_str(&paint(
            &match lang {
                Lang::Id => format!("{who} · {} tugas ({overdue} terlambat)", group.len()),
                Lang::En => format!("{who} · {} tasks ({overdue} overdue)", group.len()),
            },
            Style::Bold,
            color,
        ));
        s.push('\n');
        for t in group {
            let c = &shop.customers[t.customer];
            let st = lang::status(t.status, lang).to_uppercase();
            let style = match t.status {
                Status::Overdue => Style::Red,
                Status::Due => Style::Yellow,
                _ => Style::Dim,
            };
            let head = format!(
                "{:<12}{}  {}",
                st,
                short_datetime(t.due, tz, lang),
                rules::label(cfg, t.rule)
            );
            s.push_str("  ");
            s.push_str(&paint(&table::clip(&head, 76), style, color));
            s.push('\n');
            let mut who = format!("{} ({})", c.name, c.id);
            if let Some(p) = &c.phone {
                who.push_str(&format!(" · {}", local_phone(p)));
            }
            if let Some(k) = t.complaint {
                let k = &shop.complaints[k];
                who.push_str(&format!(
                    " · {} {}",
                    pick(lang, "komplain", "complaint"),
                    k.id
                ));
            } else if let Some(o) = t.order {
                who.push_str(&format!(" · order #{o}"));
            }
            if let Some(cat) = &t.category {
                who.push_str(&format!(" · {cat}"));
            }
            s.push_str(&table::wrap(&who, 78, "              "));
            let message = msgs.render(shop, t);
            s.push_str(&table::wrap(&format!("“{message}”"), 78, "              "));
            if let Some(link) = c
                .phone
                .as_deref()
                .and_then(|p| crate::lang::format::whatsapp_link(p, &message))
            {
                s.push_str("              ");
                s.push_str(&paint(&link, Style::Dim, color));
                s.push('\n');
            }
        }
    }
    s
}

#[derive(Serialize)]
struct CustomerJson<'a> {
    id: &'a str,
    name: &'a str,
    lifecycle: &'static str,
    unpaid: bool,
    value: Option<&'static str>,
    tags: &'a [String],
    spend_365d: i64,
    orders: usize,
    last_order: Option<String>,
    admin: Option<&'a str>,
    source: Option<&'a str>,
    city: Option<&'a str>,
}

fn segment_matches(seg: &rules::Segments, name: &str) -> bool {
    match name {
        "lead" => seg.lifecycle == Lifecycle::Lead,
        "new" => seg.lifecycle == Lifecycle::New,
        "repeat" => seg.lifecycle == Lifecycle::Repeat,
        "inactive" => seg.lifecycle == Lifecycle::Inactive,
        "unpaid" => seg.unpaid,
        "high" => seg.value == Some(Value::High),
        "medium" => seg.value == Some(Value::Medium),
        "low" => seg.value == Some(Value::Low),
        _ => false,
    }
}

const SEGMENTS: [&str; 8] = [
    "lead", "new", "repeat", "inactive", "unpaid", "high", "medium", "low",
];

pub fn customers(
    ctx: &Ctx,
    segment: Option<&str>,
    tag: Option<&str>,
    format: Format,
) -> Result<i32> {
    let shop = &ctx.shop;
    let cfg = &shop.config;
    let lang = cfg.language;
    let tz = &cfg.timezone;
    if let Some(s) = segment {
        if !SEGMENTS.contains(&s) {
            return Err(Error::usage(format!(
                "--segment: unknown segment `{s}`{}; use one of: {}",
                crate::text::did_you_mean(s, SEGMENTS),
                SEGMENTS.join(", ")
            )));
        }
    }
    ctx.warn_left_out();
    let rows: Vec<(&crate::shop::record::Customer, rules::Segments)> = shop
        .customers
        .iter()
        .filter(|c| c.first_contact.t <= ctx.now)
        .map(|c| (&**c, rules::segments(cfg, c, ctx.now)))
        .filter(|(_, seg)| segment.is_none_or(|s| segment_matches(seg, s)))
        .filter(|(c, _)| tag.is_none_or(|t| c.tags.iter().any(|x| x == t)))
        .collect();
    let json_rows: Vec<CustomerJson> = rows
        .iter()
        .map(|(c, seg)| CustomerJson {
            id: &c.id,
            name: &c.name,
            lifecycle: seg.lifecycle.as_str(),
            unpaid: seg.unpaid,
            value: seg.value.map(Value::as_str),
            tags: &c.tags,
            spend_365d: seg.spend_365d,
            orders: seg.orders,
            last_order: seg.last_order.map(|e| rfc3339(e.t, tz)),
            admin: c.admin.as_deref(),
            source: c.source.as_deref(),
            city: c.city.as_deref(),
        })
        .collect();
    match format {
        Format::Json => json(&json_rows),
        Format::Csv => {
            let mut s = String::from("\u{feff}id,name,lifecycle,unpaid,value,tags,spend_365d,orders,last_order,admin,source,city\n");
            for r in &json_rows {
                let cells = [
                    r.id.to_string(),
                    r.name.to_string(),
                    r.lifecycle.to_string(),
                    r.unpaid.to_string(),
                    r.value.unwrap_or("").to_string(),
                    r.tags.join(" "),
                    r.spend_365d.to_string(),
                    r.orders.to_string(),
                    r.last_order.clone().unwrap_or_default(),
                    r.admin.unwrap_or("").to_string(),
                    r.source.unwrap_or("").to_string(),
                    r.city.unwrap_or("").to_string(),
                ];
                let line: Vec<String> = cells.iter().map(|c| table::csv_field(c)).collect();
                s.push_str(&line.join(","));
                s.push('\n');
            }
            out(&s)
        }
        Format::Table => {
            let header = match lang {
                Lang::Id => [
                    "ID",
                    "NAMA",
                    "TAHAP",
                    "NILAI",
                    "BELANJA 1 THN",
                    "ORDER",
                    "TERAKHIR",
                ],
                Lang::En => [
                    "ID",
                    "NAME",
                    "STAGE",
                    "VALUE",
                    "SPEND 365D",
                    "ORDERS",
                    "LAST",
                ],
            };
            let body: Vec<Vec<String>> = rows
                .iter()
                .map(|(c, seg)| {
                    let mut stage = lang::lifecycle(seg.lifecycle, lang).to_string();
                    if seg.unpaid {
                        stage.push_str(pick(lang, " · belum bayar", " · unpaid"));
                    }
                    vec![
                        table::clip(&c.id, 18),
                        table::clip(&c.name, 16),
                        stage,
                        seg.value
                            .map_or("-".into(), |v| lang::value(v, lang).to_string()),
                        money(seg.spend_365d, &cfg.currency),
                        seg.orders.to_string(),
                        seg.last_order.map_or("-".into(), |e| {
                            e.t.to_zoned(tz.clone()).strftime("%Y-%m-%d").to_string()
                        }),
                    ]
                })
                .collect();
            let mut s = table::render(&header, &body);
            s.push_str(&match lang {
                Lang::Id => format!("{} pelanggan\n", rows.len()),
                Lang::En => format!("{} customers\n", rows.len()),
            });
            out(&s)
        }
    }
}

#[derive(Serialize)]
struct ComplaintJson<'a> {
    id: &'a str,
    customer: &'a str,
    opened: String,
    status: &'static str,
    overdue: bool,
    admin: Option<&'a str>,
    category: Option<&'a str>,
    summary: &'a str,
    resolved: Option<String>,
}

pub fn complaints(ctx: &Ctx, open_only: bool, format: Format) -> Result<i32> {
    let shop = &ctx.shop;
    let cfg = &shop.config;
    let lang = cfg.language;
    let tz = &cfg.timezone;
    ctx.warn_left_out();
    let rows: Vec<ComplaintJson> = shop
        .complaints
        .iter()
        .filter(|k| complaints::exists_at(k, ctx.now))
        .filter_map(|k| {
            let resolved = complaints::resolved_at(k, ctx.now);
            if open_only && resolved.is_some() {
                return None;
            }
            let admin = k
                .admin
                .as_deref()
                .or_else(|| shop.customer(&k.customer).and_then(|c| c.admin.as_deref()));
            Some(ComplaintJson {
                id: &k.id,
                customer: &k.customer,
                opened: rfc3339(k.opened.t, tz),
                status: if resolved.is_some() {
                    "resolved"
                } else {
                    "open"
                },
                overdue: resolved.is_none() && rules::resolve_due(cfg, k) <= ctx.now,
                admin,
                category: k.category.as_deref(),
                summary: &k.summary,
                resolved: resolved.map(|r| rfc3339(r.t, tz)),
            })
        })
        .collect();
    match format {
        Format::Json => json(&rows),
        Format::Csv => {
            let mut s = String::from(
                "\u{feff}id,customer,opened,status,overdue,admin,category,summary,resolved\n",
            );
            for r in &rows {
                let cells = [
                    r.id.to_string(),
                    r.customer.to_string(),
                    r.opened.clone(),
                    r.status.to_string(),
                    r.overdue.to_string(),
                    r.admin.unwrap_or("").to_string(),
                    r.category.unwrap_or("").to_string(),
                    r.summary.to_string(),
                    r.resolved.clone().unwrap_or_default(),
                ];
                let line: Vec<String> = cells.iter().map(|c| table::csv_field(c)).collect();
                s.push_str(&line.join(","));
                s.push('\n');
            }
            out(&s)
        }
        Format::Table => {
            let header = match lang {
                Lang::Id => ["ID", "PELANGGAN", "DIBUKA", "STATUS", "ADMIN", "KELUHAN"],
                Lang::En => ["ID", "CUSTOMER", "OPENED", "STATUS", "ADMIN", "SUMMARY"],
            };
            let body: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    let k = shop.complaint(r.id);
                    let status = match (r.status, r.overdue) {
                        ("resolved", _) => pick(lang, "selesai", "resolved"),
                        (_, true) => pick(lang, "lewat target", "overdue"),
                        _ => pick(lang, "terbuka", "open"),
                    };
                    vec![
                        r.id.to_string(),
                        table::clip(r.customer, 14),
                        k.map_or(String::new(), |k| short_datetime(k.opened.t, tz, lang)),
                        status.to_string(),
                        r.admin.unwrap_or("-").to_string(),
                        table::clip(r.summary, 22),
                    ]
                })
                .collect();
            let mut s = table::render(&header, &body);
            s.push_str(&match lang {
                Lang::Id => format!("{} komplain\n", rows.len()),
                Lang::En => format!("{} complaints\n", rows.len()),
            });
            out(&s)
        }
    }
}

pub fn stats(ctx: &Ctx, week: Option<&str>, format: Format) -> Result<i32> {
    let shop = &ctx.shop;
    let cfg = &shop.config;
    let week = match week {
        Some(w) => Week::parse(w).map_err(|m| Error::usage(format!("--week: {m}")))?,
        None => Week::containing(ctx.now, &cfg.timezone),
    };
    ctx.warn_left_out();
    let this = crate::metrics::week_stats(shop, week, ctx.now);
    match format {
        Format::Json => json(&this),
        Format::Csv => Err(Error::usage("stats supports --format table or json")),
        Format::Table => {
            let prev = crate::metrics::week_stats(shop, week.prev(), ctx.now);
            out(&stats_table(cfg, &this, &prev))
        }
    }
}

/// This week beside last week, with the change, one metric a line.
pub fn stats_table(
    cfg: &crate::shop::config::Config,
    this: &crate::metrics::WeekStats,
    prev: &crate::metrics::WeekStats,
) -> String {
    use crate::lang::format::{change, metric as show};
    use crate::metrics::{Metric, MetricKind};
    let lang = cfg.language;
    let header = match lang {
        Lang::Id => ["METRIK", "MINGGU LALU", "MINGGU INI", "PERUBAHAN"],
        Lang::En => ["METRIC", "LAST WEEK", "THIS WEEK", "CHANGE"],
    };
    let rows: Vec<Vec<String>> = Metric::scalars()
        .map(|k| {
            vec![
                lang::metric_label(k, lang).to_string(),
                show(k, &prev.metrics, cfg),
                show(k, &this.metrics, cfg),
                change(k, &this.metrics, &prev.metrics, cfg).text,
            ]
        })
        .collect();
    let mut s = format!(
        "{} {} · {}\n\n",
        pick(lang, "Minggu", "Week"),
        this.week,
        cfg.name
    );
    s.push_str(&table::render(&header, &rows));
    for k in Metric::ALL
        .into_iter()
        .filter(|k| k.kind() == MetricKind::Breakdown)
    {
        s.push_str(&format!(
            "\n{}: {}\n",
            lang::metric_label(k, lang),
            show(k, &this.metrics, cfg)
        ));
    }
    s
}

/// `report`: render the site and say where to open it.
pub fn report(ctx: &mut Ctx, out: Option<&Path>, mask: bool) -> Result<i32> {
    if mask {
        ctx.shop.config.mask_contacts = true;
    }
    let ctx = &*ctx;
    let shop = &ctx.shop;
    let out = out.map_or_else(|| shop.dir.root.join("public"), Path::to_path_buf);
    ctx.warn_left_out();
    let start = std::time::Instant::now();
    let summary = crate::report::build(shop, ctx.now, &out, Vec::new(), ctx.use_cache)?;
    let ms = start.elapsed().as_millis();
    let index = out.join("index.html");
    eprintln!(
        "{}",
        match ctx.lang() {
            Lang::Id => format!(
                "{} halaman ({} diperbarui, {} dihapus) dalam {ms} ms · buka {}",
                summary.pages,
                summary.written,
                summary.removed,
                index.display()
            ),
            Lang::En => format!(
                "{} pages ({} updated, {} removed) in {ms} ms · open {}",
                summary.pages,
                summary.written,
                summary.removed,
                index.display()
            ),
        }
    );
    Ok(0)
}
