//! The testimonials page (`testimonials.html`): public feedback with text.

use super::lines::{testimonial_lines, testimonials, TestimonialLine};
use super::{common, context, Frame};
use crate::report::Site;

pub const TEMPLATE: &str = "testimonials.html";
pub const PATH: &str = "testimonials.html";

#[derive(Hash)]
pub struct Inputs<'s> {
    pub frame: Frame<'s>,
    pub lines: Vec<TestimonialLine<'s>>,
}

pub fn inputs<'s>(site: &'s Site) -> Inputs<'s> {
    Inputs {
        frame: site.frame(),
        lines: testimonial_lines(site, None),
    }
}

pub fn view(i: &Inputs) -> tera::Context {
    let basis = &i.frame.basis;
    let title = format!("{} · {}", basis.label("testimonials"), basis.cfg.name);
    let common = common(&i.frame, "", title, "testimonials", None);
    let mut ctx = context(&common, basis);
    ctx.insert("testimonials", &testimonials(basis, &i.lines));
    ctx
}
