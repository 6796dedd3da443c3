//! The shop on disk and in memory: shop.toml, the record files, their parsing
//! and validation, the assembled [`index::Shop`] and its cache.

pub mod cache;
pub mod config;
pub mod index;
pub mod record;
