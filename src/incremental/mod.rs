//! What keeps builds incremental, in one home: page keys (the one hash over
//! a page's inputs), the manifest of pages a build wrote with their keys,
//! and the writer that skips, renders and writes pages.
//!
//! The fold itself and the report's bucket tallies stay in
//! `report::state` for now (the hash is being unified with the index
//! cache's in its own change).

pub mod key;
pub mod manifest;
pub mod writer;
