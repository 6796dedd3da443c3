//! The agenda: filter, order and grouping by admin.

use super::*;

#[test]
fn agenda_filters_and_sorts_by_due_then_customer() {
    let lead = |fc: &str| format!("name: X\nfirst_contact: {fc}\n");
    let d = "name: D
first_contact: 2026-11-02 11:00
interactions:
  - at: 2026-11-02 12:00
    kind: followup
";
    let files = [
        ("customers/b.yaml", lead("2026-11-02 10:00")),
        ("customers/a.yaml", lead("2026-11-02 10:00")),
        ("customers/c.yaml", lead("2026-11-02 09:00")),
        ("customers/d.yaml", d.to_string()),
        ("customers/e.yaml", lead("2026-10-01 10:00")),
        ("customers/f.yaml", lead("2026-11-03 10:00")),
        ("customers/g.yaml", lead("2026-11-01 08:00")),
        ("customers/h.yaml", lead("2026-11-04 10:00")),
    ];
    let files: Vec<(&str, &str)> = files.iter().map(|(p, y)| (*p, y.as_str())).collect();
    let shop = shop("", &files);
    let now = t("2026-11-03 10:00");
    let tasks = evaluate(&shop, now);
    let ids = |v: Vec<&Task>| -> Vec<String> {
        v.iter()
            .map(|x| format!("{}:{}", shop.customers[x.customer].id, x.rule.name()))
            .collect()
    };
    // g overdue; c, a, b due; d's lead-1 done, lead-2 upcoming; e missed; f upcoming.
    assert_eq!(
        ids(agenda(&shop, &tasks, now, None)),
        vec!["g:lead-1", "c:lead-1", "a:lead-1", "b:lead-1"]
    );
    // Upcoming with due ≤ now + 24h: f (due exactly at the horizon).
    assert_eq!(
        ids(agenda(&shop, &tasks, now, Some(Dur::hours(24)))),
        vec!["g:lead-1", "c:lead-1", "a:lead-1", "b:lead-1", "f:lead-1"]
    );
    assert_eq!(
        ids(agenda(&shop, &tasks, now, Some(Dur::hours(26)))),
        vec!["g:lead-1", "c:lead-1", "a:lead-1", "b:lead-1", "f:lead-1", "d:lead-2"]
    );
    // The order of the input does not matter.
    let reversed: Vec<Task> = tasks.iter().rev().cloned().collect();
    assert_eq!(
        ids(agenda(&shop, &reversed, now, Some(Dur::hours(24)))),
        vec!["g:lead-1", "c:lead-1", "a:lead-1", "b:lead-1", "f:lead-1"]
    );
    assert_eq!(
        ids(agenda(&shop, &tasks, now, Some(Dur::minutes(1)))),
        vec!["g:lead-1", "c:lead-1", "a:lead-1", "b:lead-1"]
    );
}

#[test]
fn by_admin_names_first_then_the_unassigned_overdue_first_then_by_due() {
    let lead = |fc: &str, admin: &str| format!("name: X\nfirst_contact: {fc}\n{admin}");
    let files = [
        (
            "customers/a.yaml",
            lead("2026-11-02 09:00", "admin: rudi\n"),
        ),
        (
            "customers/b.yaml",
            lead("2026-11-01 08:00", "admin: rudi\n"),
        ),
        ("customers/c.yaml", lead("2026-11-02 08:00", "")),
        (
            "customers/d.yaml",
            lead("2026-11-02 07:00", "admin: dewi\n"),
        ),
        (
            "customers/e.yaml",
            lead("2026-11-02 09:30", "admin: rudi\n"),
        ),
    ];
    let files: Vec<(&str, &str)> = files.iter().map(|(p, y)| (*p, y.as_str())).collect();
    let shop = shop("", &files);
    let now = t("2026-11-03 10:00");
    let tasks = evaluate(&shop, now);
    let list = agenda(&shop, &tasks, now, Some(Dur::hours(24)));
    let groups = by_admin(list.iter().copied(), |t| *t);
    let shown: Vec<(Option<&str>, usize, Vec<&str>)> = groups
        .iter()
        .map(|g| {
            let ids = g
                .items
                .iter()
                .map(|x| shop.customers[x.customer].id.as_str())
                .collect();
            (g.admin.as_deref(), g.overdue, ids)
        })
        .collect();
    // b is overdue (due 2026-11-02 08:00, late 11-03 08:00); a and e are due.
    assert_eq!(
        shown,
        vec![
            (Some("dewi"), 0, vec!["d"]),
            (Some("rudi"), 1, vec!["b", "a", "e"]),
            (None, 0, vec!["c"]),
        ]
    );
    // Entries other than a bare task: the grouping reads the task through `task`.
    let with_messages: Vec<(&Task, usize)> = list.iter().map(|t| (*t, t.customer)).collect();
    let groups = by_admin(with_messages, |(t, _)| *t);
    assert_eq!(groups.len(), 3);
    assert_eq!(groups[1].items.len(), 3);
}
