//! shop.toml as written: serde's view of each table, every value with its
//! span so a problem can point at it.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawConfig {
    pub(super) shop: Option<RawShop>,
    pub(super) hours: Option<RawHours>,
    pub(super) service: Option<RawService>,
    #[serde(default)]
    pub(super) categories: BTreeMap<Spanned<String>, RawCategory>,
    #[serde(default)]
    pub(super) products: BTreeMap<Spanned<String>, RawProduct>,
    #[serde(default)]
    pub(super) rules: BTreeMap<Spanned<String>, RawRule>,
    pub(super) report: Option<RawReport>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawShop {
    pub(super) name: Option<Spanned<String>>,
    pub(super) timezone: Option<Spanned<String>>,
    pub(super) language: Option<Spanned<String>>,
    pub(super) currency: Option<Spanned<String>>,
    pub(super) admins: Option<Vec<Spanned<String>>>,
    pub(super) community: Option<Spanned<String>>,
    pub(super) sources: Option<Vec<Spanned<String>>>,
    pub(super) greeting: Option<Spanned<String>>,
    pub(super) whatsapp_name: Option<Spanned<String>>,
    pub(super) payment: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHours {
    pub(super) days: Option<Vec<Spanned<String>>>,
    pub(super) open: Option<Spanned<String>>,
    pub(super) close: Option<Spanned<String>>,
    pub(super) breaks: Option<Spanned<Vec<Spanned<String>>>>,
    pub(super) holidays: Option<Vec<Spanned<HolidayValue>>>,
    pub(super) mon: Option<Spanned<RawDayHours>>,
    pub(super) tue: Option<Spanned<RawDayHours>>,
    pub(super) wed: Option<Spanned<RawDayHours>>,
    pub(super) thu: Option<Spanned<RawDayHours>>,
    pub(super) fri: Option<Spanned<RawDayHours>>,
    pub(super) sat: Option<Spanned<RawDayHours>>,
    pub(super) sun: Option<Spanned<RawDayHours>>,
}

/// `[hours.fri]`: one weekday's own hours; missing keys come from `[hours]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDayHours {
    pub(super) open: Option<Spanned<String>>,
    pub(super) close: Option<Spanned<String>>,
    pub(super) breaks: Option<Spanned<Vec<Spanned<String>>>>,
}

/// TOML lets people write a holiday as a bare date or a string.
#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum HolidayValue {
    Date(toml::value::Datetime),
    Text(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawService {
    pub(super) response_target: Option<Spanned<String>>,
    pub(super) resolve_target: Option<Spanned<String>>,
    pub(super) inactive_after: Option<Spanned<String>>,
    pub(super) expire_after: Option<Spanned<String>>,
    pub(super) high_value: Option<Spanned<i64>>,
    pub(super) medium_value: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCategory {
    pub(super) repeat_after: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawProduct {
    pub(super) name: Option<Spanned<String>>,
    pub(super) category: Option<Spanned<String>>,
    pub(super) price: Option<Spanned<i64>>,
    pub(super) guide: Option<String>,
    pub(super) sku: Option<Vec<Spanned<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRule {
    pub(super) wait: Option<Spanned<String>>,
    pub(super) window: Option<Spanned<String>>,
    pub(super) label: Option<String>,
    pub(super) enabled: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawReport {
    pub(super) mask_contacts: Option<bool>,
    pub(super) base_url: Option<Spanned<String>>,
    pub(super) feed_contacts: Option<bool>,
}
