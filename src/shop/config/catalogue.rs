//! The catalogue in shop.toml: `[categories.*]` and `[products.*]`, with
//! each marketplace SKU belonging to one product.

use super::raw::{RawCategory, RawProduct};
use super::{is_slug, sku_key, Category, Config, Ctx, Product};
use crate::lang::config as words;
use crate::text::{did_you_mean_in, line_col};
use crate::time::{parse_duration, Dur};
use std::collections::BTreeMap;
use toml::Spanned;

pub(super) fn categories(
    cx: &mut Ctx,
    cfg: &mut Config,
    raw: BTreeMap<Spanned<String>, RawCategory>,
) {
    for (name, cat) in raw {
        if !is_slug(name.get_ref()) {
            let msg = words::category_not_a_slug(name.get_ref(), cx.lang);
            cx.err(&name, msg);
        }
        let repeat_after = match &cat.repeat_after {
            None => None,
            Some(v) => match parse_duration(v.get_ref(), cx.lang) {
                Ok(d) if d > Dur::ZERO => Some(d),
                Ok(_) => {
                    cx.err(v, words::must_be_longer_than_zero("repeat_after", cx.lang));
                    None
                }
                Err(m) => {
                    cx.err(v, m);
                    None
                }
            },
        };
        cfg.categories
            .insert(name.into_inner(), Category { repeat_after });
    }
}

/// Products need a known category and a price; SKUs are checked across them.
pub(super) fn products(cx: &mut Ctx, cfg: &mut Config, raw: BTreeMap<Spanned<String>, RawProduct>) {
    // Every sku with its product, to find one written for two products.
    let mut skus: Vec<(Spanned<String>, String)> = Vec::new();
    for (id, p) in raw {
        if !is_slug(id.get_ref()) {
            let msg = words::product_not_a_slug(id.get_ref(), cx.lang);
            cx.err(&id, msg);
        }
        let category = match &p.category {
            None => {
                let msg = words::product_needs(id.get_ref(), "category", cx.lang);
                cx.err(&id, msg);
                String::new()
            }
            Some(c) => {
                if !cfg.categories.contains_key(c.get_ref()) {
                    let known = cfg.categories.keys().map(String::as_str);
                    let hint = did_you_mean_in(c.get_ref(), known, cx.lang);
                    let msg = words::unknown_category(c.get_ref(), &hint, cx.lang);
                    cx.err(c, msg);
                }
                c.get_ref().clone()
            }
        };
        let price = match &p.price {
            None => {
                let msg = words::product_needs(id.get_ref(), "price", cx.lang);
                cx.err(&id, msg);
                0
            }
            Some(v) if *v.get_ref() < 0 => {
                cx.err(v, words::negative_price(cx.lang));
                0
            }
            Some(v) => *v.get_ref(),
        };
        let name = p
            .name
            .map(Spanned::into_inner)
            .unwrap_or_else(|| id.get_ref().clone());
        let mut sku = Vec::new();
        for v in p.sku.unwrap_or_default() {
            if v.get_ref().trim().is_empty() {
                cx.err(&v, words::empty_sku(cx.lang));
                continue;
            }
            sku.push(v.get_ref().trim().to_string());
            skus.push((v, id.get_ref().clone()));
        }
        cfg.products.insert(
            id.into_inner(),
            Product {
                name,
                category,
                price,
                guide: p.guide,
                sku,
            },
        );
    }
    unique_skus(cx, skus);
}

/// A SKU (compared by [`sku_key`]) written twice is an error at the second.
fn unique_skus(cx: &mut Ctx, mut skus: Vec<(Spanned<String>, String)>) {
    // In file order, so the error is at the second one written.
    skus.sort_by_key(|(v, _)| v.span().start);
    let mut first_sku: BTreeMap<String, (usize, &str)> = BTreeMap::new();
    for (v, product) in &skus {
        let key = sku_key(v.get_ref());
        match first_sku.get(&key) {
            Some(&(start, other)) => {
                let (line, col) = line_col(cx.text, start);
                let first = format!("{}:{line}:{col}", cx.path.display());
                let sku = v.get_ref().trim();
                let msg = if other == product {
                    words::sku_twice(sku, product, &first, cx.lang)
                } else {
                    words::sku_taken(sku, other, &first, cx.lang)
                };
                cx.err(v, msg);
            }
            None => {
                first_sku.insert(key, (v.span().start, product));
            }
        }
    }
}
