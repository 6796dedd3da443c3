//! A complaint's page (`complaints/ID.html`).

use crate::error::Result;
use crate::lang::format::long_datetime;
use crate::lang::pick;
use crate::report::pages::*;
use crate::report::*;
use crate::rules::Status;

pub fn complaint_page(site: &Site, ki: usize) -> Result<Prepared> {
    let shop = site.shop;
    let cfg = site.cfg();
    let lang = site.lang();
    let tz = &cfg.timezone;
    let k = &shop.complaints[ki];
    let ci = shop.customer_index.get(&k.customer).copied();
    let when = |e: Option<crate::shop::record::Ev>| {
        e.filter(|e| e.t <= site.now)
            .map_or(String::new(), |e| long_datetime(e.t, tz, lang))
    };
    let resolved = k.resolved.filter(|r| r.t <= site.now);
    let status = match resolved {
        Some(_) => pick(lang, "selesai", "resolved").to_string(),
        None if site.resolve_due[ki] <= site.now => {
            format!("{} · {}", site.labels["open"], site.labels["overdue"])
        }
        None => site.labels["open"].to_string(),
    };
    let fields: Vec<(&str, String)> = vec![
        (site.labels["status"], status),
        (site.labels["opened"], when(Some(k.opened))),
        (
            site.labels["category"],
            k.category.clone().unwrap_or_default(),
        ),
        (
            site.labels["channel"],
            k.channel.clone().unwrap_or_default(),
        ),
        (site.labels["admin"], k.admin.clone().unwrap_or_default()),
        (site.labels["first_response"], when(k.first_response)),
        (
            site.labels["root_cause"],
            k.root_cause.clone().unwrap_or_default(),
        ),
        (
            site.labels["solution"],
            k.solution.clone().unwrap_or_default(),
        ),
        (site.labels["resolved"], when(k.resolved)),
        (
            site.labels["contacts"],
            k.contacts.map_or(String::new(), |c| c.to_string()),
        ),
        (
            site.labels["csat"],
            k.csat.map_or(String::new(), |c| format!("{c}/5")),
        ),
        (site.labels["record_file"], k.path.display().to_string()),
    ];
    let fields: Vec<(&str, String)> = fields.into_iter().filter(|(_, v)| !v.is_empty()).collect();
    let tasks: Vec<TaskView> = ci
        .map_or_else(Vec::new, |ci| site.customer_tasks(ci))
        .iter()
        .filter(|t| {
            t.complaint == Some(ki)
                && matches!(t.status, Status::Upcoming | Status::Due | Status::Overdue)
        })
        .map(|t| task_view(site, t, "../", None))
        .collect();
    let title = format!(
        "{} {} · {}",
        pick(lang, "Komplain", "Complaint"),
        k.id,
        cfg.name
    );
    let common = common(site, "../", title, "complaints");
    let mut ctx = ctx_with(&common, &site.labels, false);
    ctx.insert("id", &k.id);
    ctx.insert("summary", &k.summary);
    ctx.insert("customer", &ci.map(|i| shop.customers[i].name.clone()));
    ctx.insert(
        "customer_href",
        &format!("../customers/{}.html", k.customer),
    );
    ctx.insert("fields", &fields);
    ctx.insert("tasks", &tasks);
    Ok(Prepared {
        path: format!("complaints/{}.html", k.id),
        template: "complaint.html",
        ctx,
    })
}
