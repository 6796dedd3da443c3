//! Ready-to-send WhatsApp messages for tasks: one tera template per rule,
//! compiled in, overridable by the shop's `templates/messages/`.

use crate::error::{Error, Result};
use crate::lang::format::{address, first_name, long_date, money};
use crate::lang::Word;
use crate::rules::catalog::RULE_NAMES;
use crate::rules::{Rule, Task};
use crate::shop::config::Lang;
use crate::shop::index::Shop;

/// The built-in templates, Indonesian and English, in the catalogue's order.
/// `include_str!` needs literal paths, so the names are spelled here once
/// more; the assertion below stops the build when they leave the catalogue.
macro_rules! builtin {
    ($($name:literal),*) => {
        [$(($name,
            include_str!(concat!("../templates/messages/", $name, ".txt")),
            include_str!(concat!("../templates/messages/en/", $name, ".txt")))),*]
    };
}

const BUILTIN: [(&str, &str, &str); RULE_NAMES.len()] = builtin!(
    "lead-1",
    "lead-2",
    "lead-3",
    "payment",
    "shipping",
    "aftercare",
    "repeat",
    "complaint-response",
    "complaint-resolve",
    "complaint-survey"
);

const _: () = assert!(
    names_are_the_catalogues(),
    "BUILTIN must name the rules of rules::catalog, in its order"
);

const fn names_are_the_catalogues() -> bool {
    let mut i = 0;
    while i < RULE_NAMES.len() {
        let (a, b) = (BUILTIN[i].0.as_bytes(), RULE_NAMES[i].as_bytes());
        if a.len() != b.len() {
            return false;
        }
        let mut j = 0;
        while j < a.len() {
            if a[j] != b[j] {
                return false;
            }
            j += 1;
        }
        i += 1;
    }
    true
}

pub struct Messages {
    tera: tera::Tera,
}

impl Messages {
    /// Loads the templates for the shop's language, shop overrides first.
    pub fn load(shop: &Shop) -> Result<Messages> {
        let lang = shop.config.language;
        let mut tera = tera::Tera::default();
        tera.autoescape_on(Vec::<&str>::new());
        let dir = shop.dir.root.join("templates").join("messages");
        for (name, id, en) in BUILTIN {
            let builtin = match lang {
                Lang::Id => id,
                Lang::En => en,
            };
            let mut candidates = Vec::new();
            if lang == Lang::En {
                candidates.push(dir.join("en").join(format!("{name}.txt")));
            }
            candidates.push(dir.join(format!("{name}.txt")));
            let mut source = builtin.to_string();
            let mut origin = crate::lang::cli::builtin_template(&format!("{name}.txt"), lang);
            if let Some(p) = candidates.iter().find(|p| p.is_file()) {
                let rel = p.strip_prefix(&shop.dir.root).unwrap_or(p);
                let shown = shop.dir.shown(rel);
                source = std::fs::read_to_string(p).map_err(|e| Error::io(&shown, &e))?;
                origin = shown.display().to_string();
            }
            tera.add_raw_template(name, source.trim_end())
                .map_err(|e| {
                    Error::invalid(crate::lang::cli::message_template_error(
                        &origin,
                        &tera_error(&e),
                        lang,
                    ))
                })?;
        }
        Ok(Messages { tera })
    }

    /// The message for a task; a template that fails to render says so in its place.
    pub fn render(&self, shop: &Shop, task: &Task) -> String {
        let ctx = context(shop, task);
        match self.tera.render(task.rule.name(), &ctx) {
            Ok(s) => s.trim().to_string(),
            Err(e) => crate::lang::cli::message_template_failed(
                task.rule.name(),
                &tera_error(&e),
                shop.config.language,
            ),
        }
    }
}

/// Tera's error with its causes, on one line.
pub fn tera_error(e: &tera::Error) -> String {
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg.replace('\n', " ")
}

/// `A`, `A dan B`, `A, B dan C` (or `and`).
pub fn join_names(names: &[String], lang: Lang) -> String {
    let and = Word::And.text(lang);
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

fn context(shop: &Shop, task: &Task) -> tera::Context {
    let cfg = &shop.config;
    let c = &shop.customers[task.customer];
    let order = task.order.and_then(|o| c.orders.get(o - 1));
    let mut product_ids: Vec<&str> = match order {
        Some(o) => o
            .items
            .iter()
            .filter(|i| {
                task.category.as_ref().is_none_or(|cat| {
                    cfg.products.get(&i.product).map(|p| &p.category) == Some(cat)
                })
            })
            .map(|i| i.product.as_str())
            .collect(),
        None if !task.rule.def().is_complaint => c.interested.iter().map(String::as_str).collect(),
        None => Vec::new(),
    };
    product_ids.dedup();
    let names: Vec<String> = product_ids
        .iter()
        .map(|p| {
            cfg.products
                .get(*p)
                .map_or_else(|| p.to_string(), |x| x.name.clone())
        })
        .collect();
    // Each product's tip; with several products each is named, so two tips
    // do not run together as one.
    let several = product_ids.len() > 1;
    let guides: Vec<String> = product_ids
        .iter()
        .filter_map(|p| {
            let product = cfg.products.get(*p)?;
            let guide = product.guide.as_deref()?.trim();
            Some(if several {
                format!("{} — {guide}", product.name)
            } else {
                guide.to_string()
            })
        })
        .collect();
    let admin = task.admin.as_deref().map(capitalize);
    let complaint = task.complaint.map(|k| &shop.complaints[k]);
    let mut ctx = tera::Context::new();
    ctx.insert("customer", &c.name);
    // How the built-in templates greet her; `first_name` stays for shops' own.
    ctx.insert("call", &address(&c.name, c.call.as_deref(), &cfg.greeting));
    ctx.insert("first_name", first_name(&c.name));
    ctx.insert("shop", &cfg.name);
    ctx.insert("admin", &admin);
    ctx.insert("products", &join_names(&names, cfg.language));
    ctx.insert("product_names", &names);
    ctx.insert("guide", &guides.join(" "));
    ctx.insert("community", &cfg.community);
    ctx.insert("payment", &cfg.payment);
    ctx.insert("rule", task.rule.name());
    ctx.insert("category", &task.category);
    ctx.insert("total", &order.map(|o| money(o.total(), &cfg.currency)));
    ctx.insert(
        "shipped",
        &order
            .and_then(|o| o.shipped)
            .map(|e| long_date(e.t, &cfg.timezone, cfg.language)),
    );
    ctx.insert(
        "delivered",
        &(task.anchor.field == "delivered" && task.rule == Rule::Aftercare),
    );
    ctx.insert("summary", &complaint.map(|k| k.summary.clone()));
    ctx.insert("complaint_id", &complaint.map(|k| k.id.clone()));
    ctx
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(f) => f.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
