//! The report templates: built in, overridable by the shop's `templates/report/`.

use crate::error::{Error, Result};
use crate::lang::cli;
use crate::messages::tera_error;
use crate::shop::config::Lang;
use crate::shop::index::Shop;
use std::path::Path;

macro_rules! templates {
    ($($name:literal),*) => {
        [$(($name, include_str!(concat!("../../templates/report/", $name)))),*]
    };
}

pub const TEMPLATES: [(&str, &str); 14] = templates!(
    "base.html",
    "task.html",
    "breakdown.html",
    "dashboard.html",
    "week.html",
    "month.html",
    "hours.html",
    "testimonials.html",
    "customers.html",
    "customer.html",
    "complaints.html",
    "complaint.html",
    "metrics_table.html",
    "style.css"
);

/// Loads the report templates, shop overrides first.
pub fn load_templates(shop: &Shop) -> Result<tera::Tera> {
    let lang = shop.config.language;
    let mut tera = tera::Tera::default();
    tera.autoescape_on([".html"]);
    let dir = shop.dir.root.join("templates").join("report");
    let mut sources = Vec::new();
    for (name, builtin) in TEMPLATES {
        let custom = dir.join(name);
        if custom.is_file() {
            let shown = shop.dir.shown(&Path::new("templates/report").join(name));
            let text = std::fs::read_to_string(&custom).map_err(|e| Error::io(&shown, &e))?;
            sources.push((name, text, Some(shown.display().to_string())));
        } else {
            sources.push((name, builtin.to_string(), None));
        }
    }
    // Added together: templates include and extend each other.
    tera.add_raw_templates(sources.iter().map(|(name, text, _)| (*name, text.as_str())))
        .map_err(|e| {
            let overridden: Vec<&str> = sources
                .iter()
                .filter_map(|(_, _, shop)| shop.as_deref())
                .collect();
            Error::invalid(cli::report_template_error(
                &tera_error(&e),
                &overridden,
                lang,
            ))
        })?;
    Ok(tera)
}

/// Renders page `name`; a failure is said in the page's language (its
/// context's `site.lang`, which every page but the style sheet has).
pub fn render(tera: &tera::Tera, name: &str, ctx: &tera::Context) -> Result<Vec<u8>> {
    tera.render(name, ctx).map(String::into_bytes).map_err(|e| {
        let lang = ctx
            .get("site")
            .and_then(|s| s.get_from_path("lang"))
            .and_then(|l| l.as_str());
        let lang = if lang == Some("en") {
            Lang::En
        } else {
            Lang::Id
        };
        Error::invalid(cli::report_template_failed(name, &tera_error(&e), lang))
    })
}
