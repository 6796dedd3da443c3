//! langgan: git-friendly plaintext customer records for small online shops.

pub mod cache;
pub mod cli;
pub mod commands;
pub mod config;
pub mod csv;
pub mod edit;
pub mod error;
pub mod explain;
pub mod fmt;
pub mod i18n;
pub mod index;
pub mod messages;
pub mod metrics;
pub mod record;
pub mod report;
pub mod rules;
pub mod table;
pub mod team;
pub mod text;
pub mod time;
pub mod watch;
pub mod write;
pub mod writes;
