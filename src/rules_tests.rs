use super::*;
use crate::index::shop_from_texts;
use crate::time::parse_time;

const TOML: &str = "[shop]\nname = \"T\"\ntimezone = \"Asia/Jakarta\"\n";

fn t(s: &str) -> Timestamp {
    parse_time(s, &jiff::tz::TimeZone::get("Asia/Jakarta").expect("tz")).expect("time")
}

#[test]
fn lead_one_boundaries() {
    let shop = shop_from_texts(
        TOML,
        &[(
            "customers/a.yaml",
            "name: A\nfirst_contact: 2026-11-02 10:00\n",
        )],
    );
    let at = |s: &str| tasks_for_customer(&shop, 0, t(s));
    assert_eq!(at("2026-11-03 09:59")[0].status, Status::Upcoming);
    assert_eq!(at("2026-11-03 10:00")[0].status, Status::Due);
    assert_eq!(at("2026-11-04 10:00")[0].status, Status::Overdue);
    assert_eq!(at("2026-11-18 10:00")[0].status, Status::Missed);
    assert!(at("2026-11-02 09:59").is_empty());
}
