//! Tasks and segments derived from records (SPEC §4), all pure:
//! - `catalog`: the one rule table (names, waits, windows, done-by);
//! - `tasks`: its evaluation as of a time T, with overrides;
//! - `orders`, `complaints`: what an order or a complaint is at T;
//! - `agenda`: which tasks are on the agenda, their order and grouping;
//! - `segments`: a customer's lifecycle, unpaid and value tier.

pub mod agenda;
pub mod catalog;
pub mod complaints;
pub mod orders;
pub mod segments;
pub mod tasks;

// The names the rest of the crate uses, at the top as before the split.
pub use agenda::{agenda_order, on_agenda};
pub use catalog::Rule;
pub use complaints::resolve_due;
pub use orders::{first_order, order_counts};
pub use segments::{segments, Lifecycle, Segments, Value};
pub use tasks::{evaluate, evaluate_where, tasks_for_customer, Status, Task, WaitReason};

#[cfg(test)]
mod tests;
