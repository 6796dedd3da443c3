//! The flat list of render jobs, one per page, and how a job is prepared.

use crate::error::Result;
use crate::report::pages::*;
use crate::report::*;
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
            .filter(|(_, k)| k.opened.t <= site.now)
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
    let index_pages = site.listed.len().div_ceil(CUSTOMERS_PER_PAGE).max(1);
    v.extend((0..index_pages).map(Job::Customers));
    v.extend(site.weeks.iter().map(|w| Job::Week(*w)));
    if !site.weeks.contains(&site.current_week) {
        v.push(Job::Week(site.current_week));
    }
    v.extend(site.months.iter().map(|m| Job::Month(*m)));
    let current_month = Month::containing(site.now, site.cfg());
    if !site.months.contains(&current_month) {
        v.push(Job::Month(current_month));
    }
    v
}

/// The page of a job, ready to render.
pub fn prepare_job(site: &Site, job: Job) -> Result<Prepared> {
    match job {
        Job::Css => Ok(Prepared {
            path: "style.css".into(),
            template: "style.css",
            ctx: PageCtx {
                ctx: tera::Context::new(),
                fold: Some(state::Fold::default()),
            },
        }),
        Job::Dashboard => dashboard(site),
        Job::Week(w) => week_page(site, w),
        Job::Month(m) => month_page(site, m),
        Job::Hours => hours_page(site),
        Job::Testimonials => testimonials_page(site),
        Job::Customers(p) => customers_page(site, p),
        Job::Customer(i) => customer_page(site, i),
        Job::Complaints => complaints_page(site),
        Job::Complaint(i) => complaint_page(site, i),
    }
}
