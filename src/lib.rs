//! langgan: git-friendly plaintext customer records for small online shops.
//! The module map is in docs/architecture.md.

pub mod cli;
pub(crate) mod commands;
pub(crate) mod error;
pub(crate) mod incremental;
pub(crate) mod io;
pub(crate) mod lang;
pub(crate) mod messages;
pub(crate) mod metrics;
pub(crate) mod report;
pub(crate) mod rules;
pub mod shop;
pub(crate) mod text;
pub(crate) mod time;
pub(crate) mod watch;
