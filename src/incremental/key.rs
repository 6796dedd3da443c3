//! The key of a page: one hash over the struct the page renders from. Each
//! page's `Inputs` derives `Hash`; [`key_of`] feeds it through the one fold,
//! so a field added to a page's inputs is in its key without anything else
//! to keep in step.
//!
//! Three wrappers say how a value takes part when hashing it field by field
//! would be wasteful or impossible: a record by its file ([`Content`]), a
//! figure set by its JSON ([`Json`]), and the few rule types without `Hash`
//! ([`Hashed`]).

use crate::report::state::Fold;
use crate::rules::tasks::Anchor;
use crate::rules::{Segments, Task, WaitReason};
use crate::shop::record::{Complaint, Customer, Ev, Item};
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::path::Path;

/// `std::hash::Hasher` over the fold, so `#[derive(Hash)]` gives page keys
/// that stay the same from one run to the next (no random seed).
#[derive(Default)]
pub struct KeyHasher(Fold);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0.bytes(bytes);
    }
    fn write_u64(&mut self, v: u64) {
        self.0.u64(v);
    }
    fn write_usize(&mut self, v: usize) {
        self.0.u64(v as u64);
    }
    fn finish(&self) -> u64 {
        self.0 .0
    }
}

/// The key of a value: its `Hash` through the fold.
pub fn key_of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = KeyHasher::default();
    value.hash(&mut h);
    h.finish()
}

/// A record that takes part by its file: path and text hash. Everything in a
/// record comes from its text (and shop.toml, in every page's basis), so the
/// pages showing much of a record hash the file instead of each field.
pub struct Content<'a, T>(pub &'a T);

impl<T> Clone for Content<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Content<'_, T> {}

/// A record read from one file.
pub trait Sourced {
    fn path(&self) -> &Path;
    fn source_hash(&self) -> u64;
}

impl Sourced for Customer {
    fn path(&self) -> &Path {
        &self.path
    }
    fn source_hash(&self) -> u64 {
        self.source_hash
    }
}

impl Sourced for Complaint {
    fn path(&self) -> &Path {
        &self.path
    }
    fn source_hash(&self) -> u64 {
        self.source_hash
    }
}

impl<T: Sourced> Hash for Content<'_, T> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.0.path().hash(h);
        h.write_u64(self.0.source_hash());
    }
}

impl<T> Deref for Content<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.0
    }
}

/// A value that takes part by its JSON (period figures: numbers and names,
/// with floats that have no `Hash`).
pub struct Json<'a, T>(pub &'a T);

impl<T> Clone for Json<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Json<'_, T> {}

impl<T: serde::Serialize> Hash for Json<'_, T> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        // Serializing plain figures cannot fail; an error would only mean a
        // page is rendered again.
        h.write(&serde_json::to_vec(self.0).unwrap_or_default());
    }
}

impl<T> Deref for Json<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.0
    }
}

/// A value of another module's type without `Hash`, hashed field by field
/// here. Each impl destructures the whole value, so a new field cannot be
/// left out silently.
pub struct Hashed<'a, T: ?Sized>(pub &'a T);

impl<T: ?Sized> Clone for Hashed<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for Hashed<'_, T> {}

impl<T: ?Sized> Deref for Hashed<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.0
    }
}

impl Hash for Hashed<'_, Ev> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        let Ev { t, line, col } = self.0;
        (t, line, col).hash(h);
    }
}

impl Hash for Hashed<'_, Option<Ev>> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.0.as_ref().map(Hashed).hash(h);
    }
}

impl Hash for Hashed<'_, Anchor> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        let Anchor { field, ev } = self.0;
        field.hash(h);
        Hashed(ev).hash(h);
    }
}

impl Hash for Hashed<'_, WaitReason> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        match self.0 {
            WaitReason::Default => h.write_u8(0),
            WaitReason::Overridden => h.write_u8(1),
            WaitReason::Repeat { per_unit, units } => {
                h.write_u8(2);
                (per_unit, units).hash(h);
            }
        }
    }
}

/// A task but for its customer and complaint, which are positions in the
/// shop (they move when a record is added): a line showing a task holds
/// what it shows of those records instead.
impl Hash for Hashed<'_, Task> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        let Task {
            rule,
            customer: _,
            complaint: _,
            order,
            category,
            anchor,
            wait,
            wait_reason,
            open_time,
            window,
            due,
            late,
            status,
            done,
            admin,
        } = self.0;
        (rule, order, category).hash(h);
        Hashed(anchor).hash(h);
        wait.hash(h);
        Hashed(wait_reason).hash(h);
        (open_time, window, due, late, status).hash(h);
        done.as_ref().map(Hashed).hash(h);
        admin.hash(h);
    }
}

impl Hash for Hashed<'_, Segments> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        let Segments {
            lifecycle,
            unpaid,
            value,
            spend_365d,
            orders,
            last_order,
        } = self.0;
        (lifecycle, unpaid, value, spend_365d, orders).hash(h);
        Hashed(last_order).hash(h);
    }
}

impl Hash for Hashed<'_, [Item]> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        h.write_usize(self.0.len());
        for Item {
            product,
            qty,
            price,
        } in self.0
        {
            (product, qty, price).hash(h);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Hash)]
    struct Inputs<'a> {
        name: &'a str,
        count: usize,
        flags: Vec<bool>,
    }

    /// The key follows every field, and only the fields.
    #[test]
    fn a_key_changes_iff_its_inputs_do() {
        let base = Inputs {
            name: "siti",
            count: 2,
            flags: vec![true, false],
        };
        let same = Inputs {
            name: &String::from("siti"),
            count: 2,
            flags: vec![true, false],
        };
        assert_eq!(key_of(&base), key_of(&same));
        for other in [
            Inputs {
                name: "sitii",
                count: 2,
                flags: vec![true, false],
            },
            Inputs {
                name: "siti",
                count: 3,
                flags: vec![true, false],
            },
            Inputs {
                name: "siti",
                count: 2,
                flags: vec![true, true],
            },
            Inputs {
                name: "siti",
                count: 2,
                flags: vec![true, false, false],
            },
        ] {
            assert_ne!(key_of(&base), key_of(&other));
        }
    }

    /// Adjacent strings do not run together.
    #[test]
    fn field_boundaries_count() {
        assert_ne!(key_of(&("ab", "c")), key_of(&("a", "bc")));
        assert_ne!(
            key_of(&(Some(0u8), None::<u8>)),
            key_of(&(None::<u8>, Some(0u8)))
        );
    }
}
