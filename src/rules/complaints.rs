//! What a complaint is at a time T (SPEC §4): whether it exists, is
//! resolved, is open, and is past its resolve deadline. Every page, figure
//! and command asks these questions here.

use super::catalog::Rule;
use super::tasks::clock_wait;
use crate::shop::config::Config;
use crate::shop::record::{Complaint, Ev};
use crate::time::add_open;
use jiff::Timestamp;

/// Opened at or before `t`.
pub fn exists_at(k: &Complaint, t: Timestamp) -> bool {
    k.opened.t <= t
}

/// The resolution, if it had happened at `t`.
pub fn resolved_at(k: &Complaint, t: Timestamp) -> Option<Ev> {
    k.resolved.filter(|r| r.t <= t)
}

/// Opened and not resolved at `t`.
pub fn open_at(k: &Complaint, t: Timestamp) -> bool {
    exists_at(k, t) && resolved_at(k, t).is_none()
}

/// The open-time due of a complaint's resolution: `resolve_target`, or the
/// `[rules.complaint-resolve]` wait.
pub fn resolve_due(cfg: &Config, k: &Complaint) -> Timestamp {
    let wait = clock_wait(cfg, Rule::ComplaintResolve);
    add_open(k.opened.t, wait, cfg.hours.as_ref(), &cfg.timezone)
}

/// The open-time due of a complaint's first response: `response_target`, or
/// the `[rules.complaint-response]` wait.
pub fn response_due(cfg: &Config, k: &Complaint) -> Timestamp {
    let wait = clock_wait(cfg, Rule::ComplaintResponse);
    add_open(k.opened.t, wait, cfg.hours.as_ref(), &cfg.timezone)
}

/// Open at `t` and past its resolve due (`complaints_overdue`, the red rows).
pub fn overdue_at(cfg: &Config, k: &Complaint, t: Timestamp) -> bool {
    open_at(k, t) && resolve_due(cfg, k) <= t
}

/// Where a complaint stands at a time, as its lists show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ComplaintStatus {
    Open,
    /// Open and past its resolve due.
    Overdue,
    Resolved,
}

impl ComplaintStatus {
    /// At `t`, for a complaint that exists at `t`.
    pub fn at(cfg: &Config, k: &Complaint, t: Timestamp) -> ComplaintStatus {
        if resolved_at(k, t).is_some() {
            ComplaintStatus::Resolved
        } else if overdue_at(cfg, k, t) {
            ComplaintStatus::Overdue
        } else {
            ComplaintStatus::Open
        }
    }
}
