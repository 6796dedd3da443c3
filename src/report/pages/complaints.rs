//! The complaints list (`complaints.html`): every complaint opened by now.

use super::lines::{complaint_list, complaint_rows, ComplaintLine, ComplaintList};
use super::{common, context, Frame, One};
use crate::report::Site;
use crate::rules::complaints::exists_at;

pub const TEMPLATE: &str = "complaints.html";
pub const PATH: &str = "complaints.html";

#[derive(Hash)]
pub struct Inputs<'s> {
    pub frame: Frame<'s>,
    pub list: ComplaintList<'s>,
}

pub fn inputs<'s>(site: &'s Site) -> Inputs<'s> {
    Inputs {
        frame: site.frame(),
        list: complaint_list(site, site.now, false, None),
    }
}

/// What one customer puts on the list: their complaints opened by now.
pub fn part<'a>(one: &One<'a>) -> Vec<ComplaintLine<'a>> {
    let now = one.now;
    one.complaints
        .iter()
        .filter(|(_, k)| exists_at(k, now))
        .map(|&(ki, k)| ComplaintLine::at(k, Some(one.customer), now, one.resolve_due[ki], one.cfg))
        .collect()
}

pub fn view(i: &Inputs) -> tera::Context {
    let basis = &i.frame.basis;
    let title = format!("{} · {}", basis.labels.complaints, basis.cfg.name);
    let common = common(&i.frame, "", title, "complaints", None);
    let mut ctx = context(&common, basis);
    ctx.insert("complaints", &complaint_rows(basis, &i.list, "", None));
    ctx
}
