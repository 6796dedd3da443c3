//! The agenda (SPEC §6 `due`, the dashboard's task list): which tasks are on
//! it, their order, and their grouping by admin. `due` and the site both
//! list it through here.

use super::tasks::{Status, Task};
use crate::shop::index::Shop;
use crate::time::{add, Dur};
use jiff::Timestamp;
use std::collections::BTreeMap;

/// Is the task on the agenda: due, overdue, or upcoming within the horizon?
pub fn on_agenda(t: &Task, now: Timestamp, upcoming: Option<Dur>) -> bool {
    match t.status {
        Status::Due | Status::Overdue => true,
        Status::Upcoming => upcoming.is_some_and(|d| t.due <= add(now, d)),
        _ => false,
    }
}

/// The tasks on the agenda, in [`agenda_order`].
pub fn agenda<'a>(
    shop: &Shop,
    tasks: &'a [Task],
    now: Timestamp,
    upcoming: Option<Dur>,
) -> Vec<&'a Task> {
    let mut v: Vec<&Task> = tasks
        .iter()
        .filter(|t| on_agenda(t, now, upcoming))
        .collect();
    v.sort_by(|a, b| agenda_order(shop, a, b));
    v
}

/// The agenda's order: by due time, then customer id, rule and order.
pub fn agenda_order(shop: &Shop, a: &Task, b: &Task) -> std::cmp::Ordering {
    a.due
        .cmp(&b.due)
        .then_with(|| {
            shop.customers[a.customer]
                .id
                .cmp(&shop.customers[b.customer].id)
        })
        .then_with(|| a.rule.cmp(&b.rule))
        .then_with(|| a.order.cmp(&b.order))
}

/// One admin's part of the agenda.
#[derive(Debug, Clone, PartialEq)]
pub struct AdminGroup<T> {
    /// `None` for the tasks nobody is assigned to.
    pub admin: Option<String>,
    /// Overdue first, then due, then upcoming, each by due time.
    pub items: Vec<T>,
    /// How many of `items` are overdue.
    pub overdue: usize,
}

/// The agenda grouped by admin: admins by name, the unassigned last; within
/// a group overdue tasks first, then due, then upcoming, each by due time,
/// ties kept in the order given. `items` are agenda entries in
/// [`agenda_order`] (a `&Task`, or a task with its rendered message);
/// `task` reads an entry's task.
///
/// ```ignore
/// let groups = rules::agenda::by_admin(list, |(t, _message)| *t);
/// ```
pub fn by_admin<T>(
    items: impl IntoIterator<Item = T>,
    task: impl Fn(&T) -> &Task,
) -> Vec<AdminGroup<T>> {
    // `(true, None)` sorts after every `(false, Some(name))`.
    let mut groups: BTreeMap<(bool, Option<String>), Vec<T>> = BTreeMap::new();
    for item in items {
        let admin = task(&item).admin.clone();
        groups
            .entry((admin.is_none(), admin))
            .or_default()
            .push(item);
    }
    let rank = |st: Status| match st {
        Status::Overdue => 0,
        Status::Due => 1,
        _ => 2,
    };
    groups
        .into_iter()
        .map(|((_, admin), mut items)| {
            items.sort_by_key(|i| (rank(task(i).status), task(i).due));
            let overdue = items
                .iter()
                .filter(|i| task(i).status == Status::Overdue)
                .count();
            AdminGroup {
                admin,
                items,
                overdue,
            }
        })
        .collect()
}
