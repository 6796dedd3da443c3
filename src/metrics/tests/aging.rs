//! The chat score, unanswered chats, lost follow-ups and receivables.

use super::*;

/// Inbound messages (and one outbound) for the 12-hour reply score.
fn reply_12h_files() -> Vec<(&'static str, String)> {
    let interactions = "interactions:
  - at: 2026-11-15 23:59
    kind: inbound
    replied: 2026-11-16 00:01
  - at: 2026-11-16 00:00
    kind: inbound
  - at: 2026-11-17 08:00
    kind: inbound
    replied: 2026-11-17 20:00
  - at: 2026-11-17 09:00
    kind: inbound
    replied: 2026-11-17 21:01
  - at: 2026-11-18 10:00
    kind: inbound
    replied: 2026-11-18 10:05
  - at: 2026-11-18 11:00
    kind: followup
  - at: 2026-11-22 10:00
    kind: inbound
    replied: 2026-11-23 09:00
  - at: 2026-11-22 13:00
    kind: inbound
  - at: 2026-11-22 14:00
    kind: inbound
    replied: 2026-11-22 15:00
  - at: 2026-11-23 00:00
    kind: inbound
";
    vec![("customers/a.yaml", cust("2026-11-01", interactions))]
}

#[test]
fn reply_12h_rate_judges_answered_and_expired_messages() {
    let shop = shop("", &owned(&reply_12h_files()));
    // Judged: 11-16 00:00 (unanswered, 12h up), 11-17 08:00 (exactly 12h: within),
    // 11-17 09:00 (12h01m), 11-18 10:00 (5 min), 11-22 10:00 (answered only after
    // T, its 12h are up), 11-22 14:00 (answered within the hour). Not judged:
    // 11-22 13:00 (unanswered, 11h before T), the previous week's, the next week's
    // and the outbound follow-up. 3 of 6.
    assert_close(w47(&shop, "2026-11-30").reply_12h_rate, 0.5);
    // At Tuesday 21:00: 11-16 00:00 (no reply, expired), 11-17 08:00 (within),
    // 11-17 09:00 (reply after T, but at + 12h = T): 1 of 3.
    assert_close(w47(&shop, "2026-11-17 21:00").reply_12h_rate, 1.0 / 3.0);
    // A minute earlier 11-17 09:00 is not judged yet.
    assert_close(w47(&shop, "2026-11-17 20:59").reply_12h_rate, 0.5);
    // Monday 11:59: the only message of the week is unanswered and under 12h old.
    assert_eq!(w47(&shop, "2026-11-16 11:59").reply_12h_rate, None);
    assert_close(w47(&shop, "2026-11-16 12:00").reply_12h_rate, 0.0);
}

#[test]
fn reply_12h_rate_counts_calendar_time_not_open_time() {
    let interactions = "interactions:
  - at: 2026-11-19 20:00
    kind: inbound
    replied: 2026-11-20 08:30
  - at: 2026-11-20 16:00
    kind: inbound
    replied: 2026-11-21 03:00
";
    let files = [("customers/a.yaml", cust("2026-11-01", interactions))];
    let shop = shop(HOURS_WEEKDAYS, &owned(&files));
    let m = w47(&shop, "2026-11-30");
    // 12h30m of calendar time is late although only 30 open minutes passed;
    // 11 calendar hours are within although they hold one open hour.
    assert_close(m.reply_12h_rate, 0.5);
    // The response metrics stay in open time: 30 and 60 minutes.
    assert_close(m.response_median_minutes, 45.0);
}

#[test]
fn unanswered_is_a_rolling_window_ending_at_t() {
    let a = "interactions:
  - at: 2026-11-06 12:00
    kind: inbound
  - at: 2026-11-06 12:01
    kind: inbound
  - at: 2026-11-10 09:00
    kind: inbound
    replied: 2026-11-21 09:00
  - at: 2026-11-10 10:00
    kind: inbound
    replied: 2026-11-11 10:00
  - at: 2026-11-12 10:00
    kind: followup
  - at: 2026-11-20 12:00
    kind: inbound
  - at: 2026-11-20 12:01
    kind: inbound
";
    let b = "interactions:\n  - at: 2026-11-15 10:00\n    kind: inbound\n";
    let files = [
        ("customers/a.yaml", cust("2026-11-01", a)),
        ("customers/b.yaml", cust("2026-11-01", b)),
    ];
    let shop = shop("", &owned(&files));
    // T = 11-20 12:00, window (11-06 12:00, T]: 11-06 12:01, 11-10 09:00 (its reply
    // comes after T), 11-20 12:00 (exactly T) and b's 11-15. Not 11-06 12:00
    // (exactly T − 14d), the answered one, the follow-up, nor 11-20 12:01 (after T).
    assert_eq!(w47(&shop, "2026-11-20 12:00").unanswered, 4);
    // Past the week, T is just before 11-23: 11-06 12:01 has left the window and
    // 11-10 09:00 was answered by then; 11-20 12:01 is in.
    assert_eq!(w47(&shop, "2026-11-30").unanswered, 3);
    // Not bounded by the week: the previous week's messages still count.
    assert_eq!(w47(&shop, "2026-11-16 00:00").unanswered, 4);
    let short = shop_from_texts(
        &format!("{CATALOGUE}[service]\nexpire_after = \"7d\"\n"),
        &owned(&files),
    );
    // (11-13 12:00, 11-20 12:00]: b's 11-15 and 11-20 12:00.
    assert_eq!(w47(&short, "2026-11-20 12:00").unanswered, 2);
}

#[test]
fn followups_missed_counts_customer_tasks_expiring_in_w() {
    let files = [
        // lead-1 late 11-02 10:00: expires 11-16 10:00, in W.
        ("customers/c1.yaml", cust("2026-10-31 10:00", "")),
        // lead-1 late 11-01 10:00: expired 11-15 10:00, the week before.
        ("customers/c2.yaml", cust("2026-10-30 10:00", "")),
        // Payment late 11-08 10:00: expires 11-22 10:00, in W.
        (
            "customers/c3.yaml",
            cust(
                "2026-11-06 09:00",
                &format!("orders:\n{}", order("2026-11-06 10:00", "p1", 1, "")),
            ),
        ),
        // Payment late 11-10 10:00: expires 11-24 10:00, still overdue at T.
        (
            "customers/c4.yaml",
            cust(
                "2026-11-08 09:00",
                &format!("orders:\n{}", order("2026-11-08 10:00", "p1", 1, "")),
            ),
        ),
        // lead-1 done 11-01 00:00; lead-2 late 11-04 00:00 expires 11-18 00:00, in W.
        (
            "customers/c5.yaml",
            cust(
                "2026-10-31 10:00",
                "interactions:\n  - at: 2026-11-01 00:00\n    kind: followup\n",
            ),
        ),
        // A complaint-survey (late 11-04 10:00) expiring 11-18 10:00: a complaint
        // task, never a missed follow-up.
        (
            "complaints/k1.yaml",
            "customer: c5\nopened: 2026-10-31 12:00\nsummary: S\nfirst_response: 2026-10-31 12:10\nresolved: 2026-11-01 10:00\n"
                .to_string(),
        ),
    ];
    let shop = shop("", &owned(&files));
    let m = w47(&shop, "2026-11-30");
    assert_eq!(m.followups_missed, 3);
    // Overdue and missed do not overlap: c4 is overdue.
    assert_eq!(m.followups_overdue, 1);
    assert_eq!(week(&shop, "2026-W46", "2026-11-30").followups_missed, 1);
    // Seen mid-week: c5's lead-2 expires exactly at T = 11-18 00:00.
    assert_eq!(w47(&shop, "2026-11-18 00:00").followups_missed, 2);
    assert_eq!(w47(&shop, "2026-11-17 23:59").followups_missed, 1);
    // The next week counts none of them again, only c4 (expired 11-24 10:00).
    assert_eq!(week(&shop, "2026-W48", "2026-11-30").followups_missed, 1);
}

#[test]
fn unpaid_orders_and_amount_at_t_whatever_week() {
    let a = format!(
        "orders:\n{}{}{}{}{}{}",
        // Old and unpaid: counted.
        order("2026-09-02", "p1", 2, ""),
        // Paid in W.
        order("2026-11-17", "p2", 1, "    paid: 2026-11-17\n"),
        // Cancelled and unpaid: not counted once cancelled.
        order(
            "2026-11-18 00:00",
            "p1",
            1,
            "        price: 9000\n    cancelled: 2026-11-19\n"
        ),
        // Paid only after T: unpaid at T.
        order("2026-11-19", "p2", 3, "    paid: 2026-11-23 00:00\n"),
        // Placed after T.
        order("2026-11-23 00:00", "p1", 1, ""),
        // Cancelled after T: still counts at T.
        order("2026-11-20", "p3", 1, "    cancelled: 2026-11-23 00:00\n"),
    );
    let files = [
        ("customers/a.yaml", cust("2026-09-01", &a)),
        (
            "customers/b.yaml",
            cust(
                "2026-10-01",
                &format!("orders:\n{}", order("2026-11-01", "p3", 2, "")),
            ),
        ),
    ];
    let shop = shop("", &owned(&files));
    let m = w47(&shop, "2026-11-30");
    // 20000 + 60000 + 5000 + b's 10000.
    assert_eq!((m.unpaid_orders, m.unpaid_amount), (4, 95000));
    // Wednesday noon: 20000, the 9000 not yet cancelled, b's 10000.
    let m = w47(&shop, "2026-11-18 12:00");
    assert_eq!((m.unpaid_orders, m.unpaid_amount), (3, 39000));
    // W48 at 11-30: 20000, the order of 11-23 (10000), b's 10000.
    let m = week(&shop, "2026-W48", "2026-11-30");
    assert_eq!((m.unpaid_orders, m.unpaid_amount), (3, 40000));
}

#[test]
fn new_metrics_show_and_change_with_the_shop_currency_and_direction() {
    use crate::lang::format::{change, metric as show};
    use crate::shop::config::{Config, Lang};
    let mut cfg = Config::for_tests("Asia/Jakarta");
    cfg.currency = "USD".into();
    cfg.language = Lang::En;
    let mut this = Tally::default().finish();
    let mut prev = Tally::default().finish();
    this.unpaid_amount = 1_250_000;
    prev.unpaid_amount = 250_000;
    this.reply_12h_rate = Some(0.75);
    prev.reply_12h_rate = Some(0.5);
    this.unanswered = 2;
    prev.unanswered = 5;
    assert_eq!(show(Metric::UnpaidAmount, &this, &cfg), "1,250,000 USD");
    assert_eq!(show(Metric::Reply12hRate, &this, &cfg), "75%");
    assert_eq!(show(Metric::Unanswered, &this, &cfg), "2");
    let ch = change(Metric::UnpaidAmount, &this, &prev, &cfg);
    assert_eq!((ch.text.as_str(), ch.tone), ("▲ 1,000,000 USD", "bad"));
    let ch = change(Metric::Revenue, &this, &prev, &cfg);
    assert_eq!(ch.tone, "neutral");
    this.revenue = 1000;
    assert_eq!(
        change(Metric::Revenue, &this, &prev, &cfg).text,
        "▲ 1,000 USD"
    );
    let ch = change(Metric::Reply12hRate, &this, &prev, &cfg);
    assert_eq!((ch.text.as_str(), ch.tone), ("▲ 25 pts", "good"));
    let ch = change(Metric::Unanswered, &this, &prev, &cfg);
    assert_eq!((ch.direction, ch.tone), ("down", "good"));
    let newer = [
        Metric::Unanswered,
        Metric::FollowupsMissed,
        Metric::UnpaidOrders,
        Metric::UnpaidAmount,
    ];
    for k in newer {
        assert!(!k.higher_is_better(), "{}", k.name());
        assert!(k.value(&this).is_some(), "{}", k.name());
    }
    assert!(Metric::Reply12hRate.higher_is_better());
    // Every metric has its labels.
    for k in Metric::ALL {
        assert!(
            !crate::lang::metric_label(k, Lang::Id).is_empty(),
            "{}",
            k.name()
        );
        assert!(
            !crate::lang::metric_help(k, Lang::En).is_empty(),
            "{}",
            k.name()
        );
    }
}

/// The new shares are additive: a shop's tally is the sum of its customers',
/// and taking one customer's share away leaves the others' sum.
#[test]
fn new_tally_fields_merge_and_unmerge() {
    let files = reply_12h_files();
    let mut files: Vec<(&str, String)> = files;
    files.push((
        "customers/b.yaml",
        cust(
            "2026-10-01",
            &format!("orders:\n{}", order("2026-11-01", "p3", 2, "")),
        ),
    ));
    let shop = shop("", &owned(&files));
    let w = Week::parse("2026-W47").expect("week");
    let (start, end) = w.bounds(&shop.config.timezone);
    let now = t("2026-11-30");
    let tasks = evaluate(&shop, as_of(end, now));
    let mut total = shop_tally(&shop, start, end, now, &tasks);
    let starts = task_starts(&tasks, shop.customers.len());
    let b = *shop.customer_index.get("b").expect("b");
    let part = customer_tally(&shop, b, start, end, now, &tasks[starts[b]..starts[b + 1]]);
    assert_eq!(part.finish().unpaid_amount, 10000);
    total.merge(&part, -1);
    let a = *shop.customer_index.get("a").expect("a");
    let only_a = customer_tally(&shop, a, start, end, now, &tasks[starts[a]..starts[a + 1]]);
    assert_eq!(total, only_a);
    let m = total.finish();
    assert_eq!((m.unpaid_orders, m.unpaid_amount), (0, 0));
    assert_close(m.reply_12h_rate, 0.5);
    // 11-16 00:00, 11-22 10:00 (answered after T) and 11-22 13:00.
    assert_eq!(m.unanswered, 3);
}
