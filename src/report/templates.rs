//! The report templates: built in, overridable by the shop's `templates/report/`.

use crate::error::{Error, Result};
use crate::messages::tera_error;
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
    let mut tera = tera::Tera::default();
    tera.autoescape_on([".html"]);
    let dir = shop.dir.root.join("templates").join("report");
    let mut sources = Vec::new();
    for (name, builtin) in TEMPLATES {
        let custom = dir.join(name);
        if custom.is_file() {
            let shown = shop.dir.shown(&Path::new("templates/report").join(name));
            let text = std::fs::read_to_string(&custom).map_err(|e| Error::io(&shown, &e))?;
            sources.push((name, text, shown.display().to_string()));
        } else {
            sources.push((name, builtin.to_string(), format!("built-in {name}")));
        }
    }
    // Added together: templates include and extend each other.
    tera.add_raw_templates(sources.iter().map(|(name, text, _)| (*name, text.as_str())))
        .map_err(|e| {
            let overridden: Vec<&str> = sources
                .iter()
                .filter(|(_, _, origin)| !origin.starts_with("built-in"))
                .map(|(_, _, origin)| origin.as_str())
                .collect();
            let hint = if overridden.is_empty() {
                String::new()
            } else {
                format!(" (shop templates: {})", overridden.join(", "))
            };
            Error::invalid(format!("report template error: {}{hint}", tera_error(&e)))
        })?;
    Ok(tera)
}

pub fn render(tera: &tera::Tera, name: &str, ctx: &tera::Context) -> Result<Vec<u8>> {
    tera.render(name, ctx)
        .map(String::into_bytes)
        .map_err(|e| Error::invalid(format!("report template {name}: {}", tera_error(&e))))
}
