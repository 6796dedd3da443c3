//! Every word a person reads, in Bahasa Indonesia (default) or English:
//! - `words`: shared words (statuses, segments, interaction kinds, rule
//!   labels, common words);
//! - `cli`: what the commands say;
//! - `config`: what is said about shop.toml;
//! - `check`: what `check` says about record files (diagnostics, summary);
//! - `help`: what `--help` and usage errors say;
//! - `import`: what the imports say; `orders`: what `import orders` adds;
//! - `metric`: metric labels and what they mean;
//! - `site`: the report site's labels;
//! - `format`: money, percent, decimals, dates, phones, masks.

pub mod check;
pub mod cli;
pub mod config;
pub mod feeds;
pub mod format;
pub mod help;
pub mod import;
pub mod metric;
pub mod orders;
pub mod site;
pub mod whatsapp;
pub mod words;

pub use metric::{metric_help, metric_label};
pub use words::{complaint_status, lifecycle, rule_label, status, value, Word};

use crate::shop::config::Lang;

/// The word in the given language; each catalogue's entries are built on it.
pub fn pick(lang: Lang, id: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}
