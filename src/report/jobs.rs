//! The flat list of render jobs, one per page, and each job's inputs.

use super::pages::{
    complaint, complaints, customer, customers, dashboard, feed, hours, month, testimonials, week,
    Basis,
};
use super::{render, Month, Site};
use crate::error::Result;
use crate::incremental::key::key_of;
use crate::rules::complaints::exists_at;
use crate::time::Week;

/// One unit of rendering work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Job {
    Css,
    Dashboard,
    Week(Week),
    Month(Month),
    Hours,
    Testimonials,
    /// One page of the customer index (0-based).
    Customers(usize),
    Customer(usize),
    Complaints,
    Complaint(usize),
    /// A calendar feed (not a page: not encrypted, named by its token).
    Feed(feed::Feed),
}

pub fn jobs(site: &Site) -> Vec<Job> {
    let mut v = overview_jobs(site);
    v.extend(
        site.shop
            .customers
            .iter()
            .enumerate()
            .filter(|(_, c)| c.first_contact.t <= site.now)
            .map(|(i, _)| Job::Customer(i)),
    );
    v.extend(
        site.shop
            .complaints
            .iter()
            .enumerate()
            .filter(|(_, k)| exists_at(k, site.now))
            .map(|(i, _)| Job::Complaint(i)),
    );
    v
}

/// The pages built from the whole shop: all but the customer and complaint pages.
pub fn overview_jobs(site: &Site) -> Vec<Job> {
    let mut v = vec![
        Job::Css,
        Job::Dashboard,
        Job::Hours,
        Job::Testimonials,
        Job::Complaints,
    ];
    v.extend((0..customers::pages(site.listed.len())).map(Job::Customers));
    v.extend(site.week_pages().into_iter().map(Job::Week));
    v.extend(site.month_pages().into_iter().map(Job::Month));
    v.extend(feed::feeds(site.cfg()).map(Job::Feed));
    v
}

/// A page's inputs, by page type.
pub enum Inputs<'s> {
    /// The style sheet: the templates alone.
    Css(Basis<'s>),
    Dashboard(dashboard::Inputs<'s>),
    Week(week::Inputs<'s>),
    Month(month::Inputs<'s>),
    /// Boxed: the grid is large beside the other variants.
    Hours(Box<hours::Inputs<'s>>),
    Testimonials(testimonials::Inputs<'s>),
    Customers(customers::Inputs<'s>),
    Customer(customer::Inputs<'s>),
    Complaints(complaints::Inputs<'s>),
    Complaint(complaint::Inputs<'s>),
    Feed(feed::Inputs<'s>),
}

/// The inputs of a job's page.
pub fn inputs<'s>(site: &'s Site, job: Job) -> Inputs<'s> {
    match job {
        Job::Css => Inputs::Css(site.basis()),
        Job::Dashboard => Inputs::Dashboard(dashboard::inputs(site)),
        Job::Week(w) => Inputs::Week(week::inputs(site, w)),
        Job::Month(m) => Inputs::Month(month::inputs(site, m)),
        Job::Hours => Inputs::Hours(Box::new(hours::inputs(site))),
        Job::Testimonials => Inputs::Testimonials(testimonials::inputs(site)),
        Job::Customers(p) => Inputs::Customers(customers::inputs(site, p)),
        Job::Customer(ci) => Inputs::Customer(customer::inputs(site, ci)),
        Job::Complaints => Inputs::Complaints(complaints::inputs(site)),
        Job::Complaint(ki) => Inputs::Complaint(complaint::inputs(site, ki)),
        Job::Feed(f) => Inputs::Feed(feed::inputs(site, f)),
    }
}

impl Inputs<'_> {
    /// Where the page goes, relative to the output folder.
    pub fn path(&self) -> String {
        match self {
            Inputs::Css(_) => "style.css".into(),
            Inputs::Dashboard(_) => dashboard::PATH.into(),
            Inputs::Week(i) => week::path(i.week),
            Inputs::Month(i) => month::path(i.month),
            Inputs::Hours(_) => hours::PATH.into(),
            Inputs::Testimonials(_) => testimonials::PATH.into(),
            Inputs::Customers(i) => customers::path(i.page),
            Inputs::Customer(i) => customer::path(&i.customer.id),
            Inputs::Complaints(_) => complaints::PATH.into(),
            Inputs::Complaint(i) => complaint::path(&i.complaint.id),
            Inputs::Feed(i) => feed::path(i),
        }
    }

    /// The key of the inputs: the page is rendered again when it changes.
    pub fn key(&self) -> u64 {
        match self {
            Inputs::Css(b) => key_of(b),
            Inputs::Dashboard(i) => key_of(i),
            Inputs::Week(i) => key_of(i),
            Inputs::Month(i) => key_of(i),
            Inputs::Hours(i) => key_of(i),
            Inputs::Testimonials(i) => key_of(i),
            Inputs::Customers(i) => key_of(i),
            Inputs::Customer(i) => key_of(i),
            Inputs::Complaints(i) => key_of(i),
            Inputs::Complaint(i) => key_of(i),
            Inputs::Feed(i) => key_of(i),
        }
    }

    /// The page's bytes: its view rendered by its template.
    pub fn render(&self, tera: &tera::Tera) -> Result<Vec<u8>> {
        let (template, ctx) = match self {
            Inputs::Css(_) => ("style.css", tera::Context::new()),
            Inputs::Dashboard(i) => (dashboard::TEMPLATE, dashboard::view(i)),
            Inputs::Week(i) => (week::TEMPLATE, week::view(i)),
            Inputs::Month(i) => (month::TEMPLATE, month::view(i)),
            Inputs::Hours(i) => (hours::TEMPLATE, hours::view(i)),
            Inputs::Testimonials(i) => (testimonials::TEMPLATE, testimonials::view(i)),
            Inputs::Customers(i) => (customers::TEMPLATE, customers::view(i)),
            Inputs::Customer(i) => (customer::TEMPLATE, customer::view(i)),
            Inputs::Complaints(i) => (complaints::TEMPLATE, complaints::view(i)),
            Inputs::Complaint(i) => (complaint::TEMPLATE, complaint::view(i)),
            Inputs::Feed(i) => return Ok(feed::render(i)),
        };
        render(tera, template, &ctx)
    }
}
