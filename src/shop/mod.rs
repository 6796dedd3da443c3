//! The shop on disk and in memory. Modules, lowest first (each uses only
//! those above it):
//! - `hash`: FNV-1a and `Fold`, the crate's stable hashes;
//! - `dir`: where the shop is and the walk of its record folders;
//! - `config`: shop.toml;
//! - `record`: customers and complaints, one file each (model, parse, validate);
//! - `index`: the assembled [`index::Shop`] and its cross-file checks;
//! - `cache`: parsed records kept between commands (`.langgan/index.bin`);
//! - `load`: walk → cache or parse → assemble.

pub mod cache;
pub mod config;
pub mod dir;
pub mod hash;
pub mod index;
pub mod load;
pub mod record;
