//! The testimonials page (`testimonials.html`): public feedback with text.

use super::lines::{testimonial_lines, testimonials, TestimonialLine};
use super::{common, context, Frame, One};
use crate::report::{shown_feedback, Site};

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

/// What one customer puts on the page: their public feedback given by now.
pub fn part<'a>(one: &One<'a>) -> Vec<TestimonialLine<'a>> {
    shown_feedback(one.customer, one.now)
        .map(|(at, fi)| TestimonialLine::of(one.customer, at, fi))
        .collect()
}

pub fn view(i: &Inputs) -> tera::Context {
    let basis = &i.frame.basis;
    let title = format!("{} · {}", basis.labels.testimonials, basis.cfg.name);
    let common = common(&i.frame, "", title, "testimonials", None);
    let mut ctx = context(&common, basis);
    ctx.insert("testimonials", &testimonials(basis, &i.lines));
    ctx
}
