//! Input and output at the edges: atomic writes, crash-safe import staging,
//! byte-preserving YAML edits, spreadsheet rows (`csv`, `sheet`), terminal tables and the
//! team's git files.

pub mod atomic;
pub mod csv;
pub mod sheet;
pub mod staging;
pub mod table;
pub mod team;
pub mod whatsapp;
pub mod yaml_edit;
