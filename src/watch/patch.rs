//! The shop of the last rebuild, patched in place when an edit keeps every
//! record's identity, instead of assembled again from every file.

use super::files::{Changes, Files};
use crate::error::Diagnostic;
use crate::shop::index::{self, assemble, Parsed, Shop};
use crate::shop::record::Customer;
use std::path::PathBuf;

#[derive(Default)]
pub struct Patcher {
    shop: Option<Shop>,
    /// The cross-file problems of the last full assembly (duplicate ids, shared
    /// phones, complaints without their customer).
    cross_diags: Vec<Diagnostic>,
}

/// The records a patch puts in place (by position), and the customers they touch.
struct Patch {
    customers: Vec<usize>,
    edits: Vec<(usize, Parsed)>,
}

impl Patcher {
    /// The shop from the last good version of every file: the last one with
    /// the changed records put in place when `ch` allows it, else assembled
    /// anew. With it, the records the patch replaced (`None` after a full
    /// assembly). `before` sees the shop and the touched customers just
    /// before their records are replaced.
    pub fn shop(
        &mut self,
        files: &Files,
        ch: &Changes,
        before: impl FnOnce(&Shop, &[usize]),
    ) -> (Shop, Option<Vec<Parsed>>) {
        let kept = self.shop.take().filter(|_| !ch.full);
        let patched = kept.and_then(|mut shop| {
            let patch = plan(&shop, files, &ch.files)?;
            before(&shop, &patch.customers);
            let replaced = apply(&mut shop, patch);
            Some((shop, replaced))
        });
        let (mut shop, replaced) = match patched {
            Some((shop, replaced)) if !ch.diags => {
                // No file's problems changed and the patch kept every
                // cross-file check as it was: the list stands.
                return (shop, Some(replaced));
            }
            Some((shop, replaced)) => (shop, Some(replaced)),
            None => {
                let shop = assemble(
                    files.dir.clone(),
                    files.config.clone(),
                    files.entries(),
                    Vec::new(),
                );
                self.cross_diags = shop.diagnostics.clone();
                (shop, None)
            }
        };
        let mut diags = self.cross_diags.clone();
        diags.extend(files.diagnostics().cloned());
        diags.sort();
        shop.diagnostics = diags;
        (shop, replaced)
    }

    /// Keeps the shop of this rebuild for the next one to patch.
    pub fn keep(&mut self, shop: Shop) {
        self.shop = Some(shop);
    }
}

/// A patch putting the changed files' records into `shop`, when each
/// replaces a record of the same file that is in the shop and keeps what
/// other files' checks look at (id, phone, first contact and order refs of a
/// customer; customer and opening time of a complaint): then the cross-file
/// problems and the order of the shop are unchanged. `None` when a change is
/// not like that.
fn plan(shop: &Shop, files: &Files, changed: &[PathBuf]) -> Option<Patch> {
    let mut edits: Vec<(usize, Parsed)> = Vec::new();
    let mut customers: Vec<usize> = Vec::new();
    for rel in changed {
        let new = files.good(rel)?;
        let id = index::record_id(rel)?;
        match new {
            Parsed::Customer(c) => {
                let ci = *shop.customer_index.get(id)?;
                let old = &shop.customers[ci];
                let keeps = old.path == *rel
                    && c.id == old.id
                    && c.phone == old.phone
                    && c.first_contact == old.first_contact
                    && same_refs(c, old);
                if !keeps {
                    return None;
                }
                customers.push(ci);
                edits.push((ci, new.clone()));
            }
            Parsed::Complaint(k) => {
                let ki = shop
                    .complaints
                    .binary_search_by(|x| x.id.as_str().cmp(id))
                    .ok()?;
                let old = &shop.complaints[ki];
                let keeps = old.path == *rel
                    && k.id == old.id
                    && k.customer == old.customer
                    && k.opened == old.opened;
                if !keeps {
                    return None;
                }
                customers.push(*shop.customer_index.get(&k.customer)?);
                edits.push((ki, new.clone()));
            }
            Parsed::Broken => return None,
        }
    }
    customers.sort_unstable();
    customers.dedup();
    Some(Patch { customers, edits })
}

/// Puts a patch's records in place; returns the records they replaced.
fn apply(shop: &mut Shop, patch: Patch) -> Vec<Parsed> {
    let mut replaced = Vec::with_capacity(patch.edits.len());
    for (i, new) in patch.edits {
        match new {
            Parsed::Customer(c) => {
                replaced.push(Parsed::Customer(std::mem::replace(
                    &mut shop.customers[i],
                    c,
                )));
            }
            Parsed::Complaint(k) => {
                replaced.push(Parsed::Complaint(std::mem::replace(
                    &mut shop.complaints[i],
                    k,
                )));
            }
            Parsed::Broken => {}
        }
    }
    replaced
}

/// The order refs of two versions of a customer are the same, where they are
/// written too: the duplicate-ref check (and the place its error names) stands.
fn same_refs(a: &Customer, b: &Customer) -> bool {
    let refs = |c: &Customer| {
        c.orders
            .iter()
            .filter(|o| o.reference.is_some())
            .map(|o| (o.reference.clone(), o.reference_at))
            .collect::<Vec<_>>()
    };
    refs(a) == refs(b)
}
