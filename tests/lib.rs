//! The integration tests, one module per area, built as one test binary:
//! one compile and one link instead of one per file (on two cores the links
//! dominated), with every module on the same `support`.
//!
//! They all drive the real `langgan` binary, each on a shop in a temp folder
//! of its own, so they run side by side in this process without sharing
//! files, ports or the process's environment and working directory.

mod support;

mod cache;
mod check;
mod conformance;
mod example_shop;
mod html_valid;
mod report;
mod report_incremental;
mod team;
mod watch;
mod writes;
