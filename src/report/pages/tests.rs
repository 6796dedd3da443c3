//! The pages' inputs against their parts and their keys, on the example shop.

use super::*;
use crate::incremental::key::{key_of, Json};
use crate::report::{periods, state, week_rows, Figures, Site};
use crate::shop::index::ShopDir;
use crate::shop::load::load_with;
use std::collections::BTreeMap;

const MOMENTS: [&str; 3] = ["2026-11-20 15:00", "2026-11-23 08:00", "2026-12-03 10:00"];

fn example_shop() -> Shop {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("example-shop");
    let dir = ShopDir {
        root: root.clone(),
        shown_root: root,
    };
    load_with(&dir, false).expect("example shop")
}

/// The example shop's site at `now`, with the tallies it was made from.
fn with_site(shop: &Shop, now: &str, mut test: impl FnMut(&Site, &HashMap<Week, Tally>)) {
    let now =
        crate::time::parse_time_in(now, &shop.config.timezone, shop.config.language).expect("now");
    let p = periods(shop, now);
    let tallies = state::tallies(shop, now, &p, b"test", false);
    let weeks = &tallies.weeks;
    let figures = Figures {
        weeks,
        months: &tallies.months,
        parts: &tallies.parts,
        rows: week_rows(shop, now),
        moments: None,
        public_feedback: None,
        listed: None,
        resolve_due: None,
        key: Some(1),
    };
    let site = Site::from_tallies(shop, now, Vec::new(), p, figures).expect("site");
    test(&site, weeks);
}

/// The keys of some lines, in order, to compare lists as multisets.
fn sorted_keys<T: Hash>(lines: impl IntoIterator<Item = T>) -> Vec<u64> {
    let mut v: Vec<u64> = lines.into_iter().map(|l| key_of(&l)).collect();
    v.sort_unstable();
    v
}

/// Every shop-wide page's inputs are made of its customers' parts, and of
/// nothing else from the records: what the watcher compares per customer is
/// all an edit can change on those pages.
#[test]
fn shop_wide_inputs_are_the_sum_of_the_customers_parts() {
    let shop = example_shop();
    for now in MOMENTS {
        with_site(&shop, now, |site, tallies| {
            let weeks = site.week_pages();
            let ones: Vec<One> = (0..shop.customers.len())
                .map(|ci| site.one(ci, tallies, &weeks))
                .collect();

            let t = testimonials::inputs(site);
            let parts = ones.iter().flat_map(|o| testimonials::part(o));
            assert_eq!(
                sorted_keys(&t.lines),
                sorted_keys(parts),
                "testimonials at {now}"
            );

            let h = hours::inputs(site);
            let mut grid = [[0usize; 24]; 7];
            for (d, hr) in ones.iter().flat_map(hours::part) {
                grid[d][hr] += 1;
            }
            assert_eq!(h.grid, grid, "hours at {now}");

            let c = complaints::inputs(site);
            assert_eq!(c.list.total, c.list.lines.len());
            let parts = ones.iter().flat_map(|o| complaints::part(o));
            assert_eq!(
                sorted_keys(&c.list.lines),
                sorted_keys(parts),
                "complaints at {now}"
            );

            let rows: Vec<u64> = (0..customers::pages(site.listed.len()))
                .flat_map(|p| customers::inputs(site, p).rows)
                .map(|r| key_of(&r))
                .collect();
            let parts: Vec<u64> = ones
                .iter()
                .filter_map(|o| customers::part(o))
                .map(|r| key_of(&r))
                .collect();
            assert_eq!(rows, parts, "customer index at {now}");

            let d = dashboard::inputs(site);
            let parts: Vec<dashboard::Part> = ones.iter().map(dashboard::part).collect();
            assert_eq!(
                sorted_keys(&d.agenda),
                sorted_keys(parts.iter().flat_map(|p| &p.agenda)),
                "agenda at {now}"
            );
            assert_eq!(d.complaints.total, d.complaints.lines.len());
            assert_eq!(
                sorted_keys(&d.complaints.lines),
                sorted_keys(parts.iter().flat_map(|p| &p.complaints)),
                "open complaints at {now}"
            );

            let parts: Vec<BTreeMap<Week, week::Part>> = ones.iter().map(week::parts).collect();
            for &w in &weeks {
                let i = week::inputs(site, w);
                let of = |w: Week| parts.iter().filter_map(move |p| p.get(&w));
                let count = |names: Vec<&str>| {
                    let mut m: BTreeMap<String, usize> = BTreeMap::new();
                    for n in names {
                        *m.entry(n.to_string()).or_default() += 1;
                    }
                    m
                };
                let leads = count(of(w).flat_map(|p| p.leads.iter().copied()).collect());
                assert_eq!(i.leads_by_admin.cloned().unwrap_or_default(), leads, "{w}");
                let follow = count(of(w).flat_map(|p| p.followups.iter().copied()).collect());
                assert_eq!(i.followups_by_admin.cloned().unwrap_or_default(), follow);
                let repeat = of(w).flat_map(|p| &p.repeat_orders);
                assert_eq!(sorted_keys(&i.repeat_orders), sorted_keys(repeat), "{w}");
                let nf = of(w).flat_map(|p| &p.not_followed);
                assert_eq!(sorted_keys(&i.not_followed), sorted_keys(nf), "{w}");
                assert_eq!(i.complaints.total, i.complaints.lines.len());
                let open = of(w).flat_map(|p| &p.complaints);
                assert_eq!(sorted_keys(&i.complaints.lines), sorted_keys(open), "{w}");
                let given = of(w).flat_map(|p| &p.testimonials);
                assert_eq!(sorted_keys(&i.testimonials), sorted_keys(given), "{w}");
            }
        });
    }
}

/// A customer page's key changes with what it shows and only with that.
#[test]
fn a_customer_page_key_follows_its_inputs() {
    let shop = example_shop();
    let ci = *shop.customer_index.get("putri-amelia").expect("customer");
    let key = |shop: &Shop, now: &str| {
        let mut k = 0;
        with_site(shop, now, |site, _| {
            k = key_of(&customer::inputs(site, ci));
        });
        k
    };
    let base = key(&shop, "2026-11-20 15:00");
    assert_eq!(base, key(&shop, "2026-11-20 15:00"), "the same inputs");

    // Another customer's record: not on this page.
    let mut other = example_shop();
    let oi = *other.customer_index.get("teguh-wibowo").expect("other");
    std::sync::Arc::make_mut(&mut other.customers[oi]).city = Some("Medan".into());
    assert_eq!(base, key(&other, "2026-11-20 15:00"));

    // Her own record: on the page.
    let mut edited = example_shop();
    let c = std::sync::Arc::make_mut(&mut edited.customers[ci]);
    c.city = Some("Medan".into());
    c.source_hash ^= 1;
    assert_ne!(base, key(&edited, "2026-11-20 15:00"));

    // A later moment with a new date line.
    assert_ne!(base, key(&shop, "2026-12-03 10:00"));
}

/// Every shop-wide page's key changes when a week's figures do.
#[test]
fn period_keys_follow_their_figures() {
    let shop = example_shop();
    with_site(&shop, "2026-11-20 15:00", |site, _| {
        let w = site.current_week;
        let base = key_of(&week::inputs(site, w));
        let mut i = week::inputs(site, w);
        assert_eq!(base, key_of(&i));
        let mut m = (*i.this.expect("figures")).clone();
        m.metrics.orders += 1;
        i.this = Some(Json(&m));
        assert_ne!(base, key_of(&i));
    });
}
