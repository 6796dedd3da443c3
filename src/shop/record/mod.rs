//! Customers and complaints (SPEC §3), one YAML file each: the records
//! (`model`), read from text with positions (`parse`), checked into records
//! and [`crate::error::Diagnostic`]s pointing at the offending value
//! (`validate`, with phones and emails in `contact`); `file` takes one
//! file from bytes to a record.

mod contact;
pub mod file;
mod model;
mod parse;
mod validate;

pub use contact::{is_mobile, normalize_phone, normalize_phone_in, valid_email};
pub use model::*;
pub use parse::decode_in;
pub use validate::{parse_complaint, parse_customer, ref_key};
