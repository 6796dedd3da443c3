//! The integration tests, one module per area, built as one test binary (one
//! compile and one link instead of one per file), every module on the same
//! `support`. One area: `cargo test --test lib watch::`.
//!
//! They all drive the real `langgan` binary, each on a shop in a temp folder
//! of its own, so they run side by side in this process without sharing
//! files or ports, and none changes the process's environment or working
//! directory.

mod support;

mod cache;
mod check;
mod cli;
mod config_messages;
mod conformance;
mod diagnostics;
mod distribution;
mod encrypt;
mod example_shop;
mod faults_watch;
mod faults_writes;
mod feeds;
mod html_valid;
mod import_customers;
mod import_orders;
mod import_whatsapp;
mod report;
mod report_incremental;
mod site_browser;
mod site_owner;
mod team;
mod voice;
mod watch;
mod writes;
