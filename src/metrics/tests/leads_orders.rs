//! Leads, orders, revenue and products (SPEC §5).

use super::*;

#[test]
fn empty_week_has_zero_counts_and_null_rates() {
    let shop = shop(
        "",
        &[(
            "customers/a.yaml",
            &cust(
                "2026-11-01",
                "feedback:\n  - at: 2026-11-02\n    rating: 5\n",
            ),
        )],
    );
    let m = w47(&shop, "2026-11-30");
    assert_eq!(m.leads_new, 0);
    assert!(m.leads_by_source.is_empty());
    assert_eq!(m.conversion_rate, None);
    assert!(m.closing_rate_by_admin.is_empty());
    assert_eq!((m.orders, m.revenue), (0, 0));
    assert_eq!(m.repeat_order_rate, None);
    assert!(m.top_products.is_empty());
    assert_eq!(m.response_median_minutes, None);
    assert_eq!(m.response_within_target_rate, None);
    assert_eq!((m.followups_done, m.followups_overdue), (0, 0));
    assert_eq!(
        (
            m.complaints_opened,
            m.complaints_resolved,
            m.complaints_open,
            m.complaints_overdue
        ),
        (0, 0, 0, 0)
    );
    assert_eq!(m.csat, None);
    assert_eq!(m.nps, None);
    assert_eq!(m.aht_hours, None);
    assert_eq!(m.fcr_rate, None);
    assert_eq!(m.active_customers, 0);
    assert_eq!(m.retention_rate, None);
    assert_eq!(m.reply_12h_rate, None);
    assert_eq!(m.unanswered, 0);
    // The lead never followed up: lead-1 (late 11-03 00:00) expired 11-17 00:00.
    assert_eq!(m.followups_missed, 1);
    assert_eq!((m.unpaid_orders, m.unpaid_amount), (0, 0));
}

#[test]
fn stats_json_has_week_and_every_key() {
    let shop = shop("", &[]);
    let ws = week_stats(&shop, Week::parse("2026-W47").expect("w"), t("2026-11-30"));
    let v = serde_json::to_value(&ws).expect("json");
    assert_eq!(v["week"], "2026-W47");
    for k in Metric::ALL {
        assert!(v.get(k.name()).is_some(), "missing {}", k.name());
    }
    assert!(v["conversion_rate"].is_null());
    assert!(v["retention_rate"].is_null());
    assert!(v["reply_12h_rate"].is_null());
    assert_eq!(v["unpaid_amount"], 0);
}

#[test]
fn leads_sources_conversion_and_closing_by_admin() {
    // now is past the week: T is just before Monday 2026-11-23 00:00.
    let files = [
        (
            "customers/a.yaml",
            cust(
                "2026-11-16 00:00",
                &format!(
                    "source: instagram\nadmin: dewi\norders:\n{}",
                    order("2026-11-20", "p1", 1, "")
                ),
            ),
        ),
        (
            "customers/b.yaml",
            cust("2026-11-22 23:59", "source: instagram\nadmin: dewi\n"),
        ),
        (
            "customers/c.yaml",
            cust(
                "2026-11-18",
                &format!(
                    "orders:\n{}",
                    order("2026-11-19", "p1", 1, "    cancelled: 2026-11-20\n")
                ),
            ),
        ),
        (
            "customers/d.yaml",
            cust("2026-11-23 00:00", "source: website\nadmin: rudi\n"),
        ),
        (
            "customers/e.yaml",
            cust("2026-11-15 23:59", "source: facebook\n"),
        ),
        (
            "customers/f.yaml",
            cust(
                "2026-11-17",
                &format!(
                    "source: tiktok\nadmin: rudi\norders:\n{}",
                    order("2026-11-21", "p1", 1, "    cancelled: 2026-11-23 00:00\n")
                ),
            ),
        ),
        (
            "customers/g.yaml",
            cust(
                "2026-11-17",
                &format!(
                    "source: tiktok\nadmin: rudi\norders:\n{}",
                    order("2026-11-25", "p1", 1, "")
                ),
            ),
        ),
        (
            "customers/h.yaml",
            cust(
                "2026-11-19",
                &format!(
                    "source: tiktok\nadmin: rudi\norders:\n{}",
                    order("2026-11-19", "p1", 1, "")
                ),
            ),
        ),
    ];
    let shop = shop("", &owned(&files));
    let m = w47(&shop, "2026-11-30");
    // a, b, c, f, g, h; d is next week, e last week.
    assert_eq!(m.leads_new, 6);
    let sources: Vec<(&str, usize)> = m
        .leads_by_source
        .iter()
        .map(|(k, v)| (k.as_str(), *v))
        .collect();
    assert_eq!(
        sources,
        vec![("instagram", 2), ("tiktok", 3), ("unknown", 1)]
    );
    // Converted: a, f (cancelled only after T), h. Not c (cancelled), not g (order after T).
    assert_close(m.conversion_rate, 0.5);
    let admins: Vec<&str> = m.closing_rate_by_admin.keys().map(String::as_str).collect();
    assert_eq!(admins, vec!["dewi", "rudi", "unassigned"]);
    assert_close(m.closing_rate_by_admin.get("dewi").copied(), 0.5);
    assert_close(m.closing_rate_by_admin.get("rudi").copied(), 2.0 / 3.0);
    assert_close(m.closing_rate_by_admin.get("unassigned").copied(), 0.0);
    // Orders in W counting at T: a, f, h.
    assert_eq!(m.orders, 3);
    assert_eq!(m.revenue, 30000);
}

#[test]
fn now_inside_the_week_excludes_later_events() {
    let files = [
        ("customers/a.yaml", cust("2026-11-18 12:00", "")),
        ("customers/b.yaml", cust("2026-11-18 12:01", "")),
        (
            "customers/c.yaml",
            cust(
                "2026-11-17",
                &format!(
                    "orders:\n{}{}",
                    order("2026-11-18 12:00", "p1", 1, ""),
                    order("2026-11-18 12:01", "p1", 1, "")
                ),
            ),
        ),
        (
            "customers/d.yaml",
            cust(
                "2026-11-17",
                &format!("orders:\n{}", order("2026-11-19", "p2", 1, "")),
            ),
        ),
    ];
    let shop = shop("", &owned(&files));
    let m = w47(&shop, "2026-11-18 12:00");
    // a (exactly at now), c, d; not b.
    assert_eq!(m.leads_new, 3);
    assert_close(m.conversion_rate, 1.0 / 3.0);
    assert_eq!(m.orders, 1);
    assert_eq!(m.revenue, 10000);
    // Seen later, everything counts.
    let m = w47(&shop, "2026-11-30");
    assert_eq!(m.leads_new, 4);
    assert_eq!(m.orders, 3);
    assert_eq!(m.revenue, 40000);
}

#[test]
fn event_at_next_monday_midnight_belongs_to_next_week() {
    let files = [(
        "customers/a.yaml",
        cust(
            "2026-11-10",
            &format!(
                "orders:\n{}{}interactions:\n  - at: 2026-11-23 00:00\n    kind: followup\n  - at: 2026-11-22 23:59\n    kind: inbound\n    replied: 2026-11-23 00:00\n",
                order("2026-11-22 23:59:59", "p1", 1, ""),
                order("2026-11-23 00:00", "p2", 1, "")
            ),
        ),
    )];
    let shop = shop("", &owned(&files));
    let m = w47(&shop, "2026-12-01");
    assert_eq!(m.orders, 1);
    assert_eq!(m.revenue, 10000);
    assert_eq!(m.followups_done, 0);
    // Answered at next Monday 00:00, after T: no response time yet.
    assert_eq!(m.response_median_minutes, None);
    assert_eq!(m.response_within_target_rate, None);
    let m = week(&shop, "2026-W48", "2026-12-01");
    assert_eq!(m.orders, 1);
    assert_eq!(m.revenue, 20000);
    assert_eq!(m.followups_done, 1);
    // Inbound message is in W47, not in W48.
    assert_eq!(m.response_median_minutes, None);
    // Seen from inside W48 the first order is the 23:59:59 one: the W48 one is a repeat.
    assert_close(m.repeat_order_rate, 1.0);
}

#[test]
fn orders_revenue_and_repeat_order_rate() {
    let files = [
        // First order before W; the one in W is a repeat. Price override × qty.
        (
            "customers/a.yaml",
            cust(
                "2026-11-01",
                &format!(
                    "orders:\n{}{}",
                    order("2026-11-10", "p1", 1, ""),
                    "  - at: 2026-11-17\n    items:\n      - product: p1\n        qty: 2\n        price: 9000\n"
                ),
            ),
        ),
        // Earlier order cancelled: the one in W is the first.
        (
            "customers/b.yaml",
            cust(
                "2026-11-01",
                &format!(
                    "orders:\n{}{}",
                    order("2026-11-10", "p1", 1, "    cancelled: 2026-11-11\n"),
                    order("2026-11-18", "p2", 1, "")
                ),
            ),
        ),
        // Two orders at one time: the first in the file is the first order.
        (
            "customers/c.yaml",
            cust(
                "2026-11-01",
                &format!(
                    "orders:\n{}{}",
                    order("2026-11-19 10:00", "p1", 1, ""),
                    order("2026-11-19 10:00", "p2", 1, "")
                ),
            ),
        ),
        // Unpaid money counts; next Monday's order does not.
        (
            "customers/d.yaml",
            cust(
                "2026-11-01",
                &format!(
                    "orders:\n{}{}",
                    order("2026-11-20", "p3", 3, ""),
                    order("2026-11-23", "p3", 1, "")
                ),
            ),
        ),
        // Cancelled in W: counts nowhere.
        (
            "customers/e.yaml",
            cust(
                "2026-11-01",
                &format!(
                    "orders:\n{}",
                    order("2026-11-21", "p2", 5, "    cancelled: 2026-11-22\n")
                ),
            ),
        ),
        // Earlier order cancelled only after T still counts: the one in W is a repeat.
        (
            "customers/f.yaml",
            cust(
                "2026-11-01",
                &format!(
                    "orders:\n{}{}",
                    order("2026-11-10", "p1", 1, "    cancelled: 2026-11-25\n"),
                    order("2026-11-18", "p1", 1, "")
                ),
            ),
        ),
    ];
    let shop = shop("", &owned(&files));
    let m = w47(&shop, "2026-11-30");
    // a 1, b 1, c 2, d 1, f 1.
    assert_eq!(m.orders, 6);
    assert_eq!(m.revenue, 18000 + 20000 + 30000 + 15000 + 10000);
    // Repeats: a's, c's second, f's.
    assert_close(m.repeat_order_rate, 0.5);
}

#[test]
fn top_products_order_and_limit() {
    let files = [
        (
            "customers/a.yaml",
            cust(
                "2026-11-01",
                "orders:
  - at: 2026-11-17
    items:
      - product: zz
        qty: 3
      - product: cc
        qty: 7
      - product: kb
        qty: 2
  - at: 2026-11-10
    items:
      - product: ee
        qty: 50
",
            ),
        ),
        (
            "customers/b.yaml",
            cust(
                "2026-11-01",
                "orders:
  - at: 2026-11-18
    items:
      - product: zz
        qty: 2
      - product: aa
        qty: 5
      - product: ka
        qty: 2
      - product: ee
  - at: 2026-11-19
    items:
      - product: ee
        qty: 100
    cancelled: 2026-11-20
",
            ),
        ),
    ];
    let shop = shop("", &owned(&files));
    let m = w47(&shop, "2026-11-30");
    let top: Vec<(&str, i64, i64)> = m
        .top_products
        .iter()
        .map(|p| (p.product.as_str(), p.units, p.revenue))
        .collect();
    // cc 7 units; zz and aa 5 units (zz earns more); ka and kb tie: id asc; ee is sixth.
    assert_eq!(
        top,
        vec![
            ("cc", 7, 7000),
            ("zz", 5, 60000),
            ("aa", 5, 50000),
            ("ka", 2, 10000),
            ("kb", 2, 10000),
        ]
    );
}
