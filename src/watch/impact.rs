//! Which pages a rebuild renders again, as a pure function of what changed
//! (Zola's `PageChangesNeeded`): [`impact`] turns a [`Change`] into
//! [`PagesToRender`]. Pages it names are candidates: the writer still skips
//! those whose inputs' key did not change, so naming a page too many costs
//! its inputs, and naming one too few would leave it stale.
//!
//! What an edit can change on the shop-wide pages is known from the edited
//! customers' [`Footprint`]s before and after: each shop-wide page type's
//! inputs are made of its customers' parts (`report::pages::*::part`, and a
//! test there checks that they add up), so a page type whose part of every
//! edited customer kept its key cannot have changed through them.

use crate::incremental::key::key_of;
use crate::report::pages::{
    complaints, customers, dashboard, feed, hours, testimonials, week, One,
};
use crate::report::TREND_WEEKS;
use crate::time::Week;
use std::collections::{BTreeMap, BTreeSet};

/// What one customer (with their complaints) puts on the shop-wide pages:
/// the key of each page type's part.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Footprint {
    pub dashboard: u64,
    pub weeks: BTreeMap<Week, u64>,
    pub testimonials: u64,
    pub hours: u64,
    pub complaints: u64,
    /// Their tasks in the calendar feeds.
    pub feeds: u64,
    /// Their row on the customer index: (page, key of the row), when listed.
    pub index: Option<(usize, u64)>,
}

/// The footprint of `one`, listed at position `listed` of the index.
pub fn footprint(one: &One, listed: Option<usize>) -> Footprint {
    Footprint {
        dashboard: key_of(&dashboard::part(one)),
        weeks: week::parts(one)
            .into_iter()
            .map(|(w, part)| (w, key_of(&part)))
            .collect(),
        testimonials: key_of(&testimonials::part(one)),
        hours: key_of(&hours::part(one)),
        complaints: key_of(&complaints::part(one)),
        feeds: key_of(&feed::part(one)),
        index: listed
            .zip(customers::part(one))
            .map(|(pos, row)| (pos / customers::CUSTOMERS_PER_PAGE, key_of(&row))),
    }
}

/// A customer whose records a patched edit replaced.
#[derive(Debug, Clone, Default)]
pub struct Touched {
    pub ci: usize,
    /// `None` when only their page is known to change (the shop was
    /// assembled anew, or the clock moved: every shop-wide page is checked).
    pub footprints: Option<(Footprint, Footprint)>,
}

/// What changed since the last rebuild.
#[derive(Debug, Clone)]
pub struct Change {
    /// shop.toml or the templates changed, or there was no rebuild before.
    pub everything: bool,
    /// The pages' date changed: every page's frame.
    pub new_day: bool,
    /// The clock moved to another minute.
    pub new_now: bool,
    /// The shop was assembled anew (records added, removed or renamed).
    pub reassembled: bool,
    /// Customers whose moment moved with the clock; `None` when unknown.
    pub moved: Option<Vec<usize>>,
    /// The weeks or months with data changed (every period page lists them).
    pub periods: bool,
    /// The problems banner changed.
    pub problems: bool,
    /// The figures of the same days of last week or last month changed
    /// (the dashboard, the running week's and month's pages show them).
    pub parts: bool,
    pub current_week: Week,
    /// Weeks whose figures changed.
    pub figures: BTreeSet<Week>,
    /// Customers whose records changed (or whose complaints' records did).
    pub touched: Vec<Touched>,
    /// Complaints whose records changed.
    pub complaints: Vec<usize>,
}

impl Change {
    /// Nothing changed at `current_week`'s moment.
    pub fn none(current_week: Week) -> Change {
        Change {
            everything: false,
            new_day: false,
            new_now: false,
            reassembled: false,
            moved: Some(Vec::new()),
            periods: false,
            problems: false,
            parts: false,
            current_week,
            figures: BTreeSet::new(),
            touched: Vec::new(),
            complaints: Vec::new(),
        }
    }
}

/// Pages of a kind: all of them, or these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Which<T> {
    All,
    These(BTreeSet<T>),
}

impl<T: Ord> Which<T> {
    pub fn contains(&self, x: &T) -> bool {
        match self {
            Which::All => true,
            Which::These(set) => set.contains(x),
        }
    }
}

/// The pages to render again (those whose key did not change are skipped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PagesToRender {
    pub every_page: bool,
    pub dashboard: bool,
    pub hours: bool,
    pub testimonials: bool,
    pub complaints: bool,
    /// The calendar feeds.
    pub feeds: bool,
    pub weeks: Which<Week>,
    pub months: bool,
    pub index_pages: Which<usize>,
    /// Customers whose page and complaints' pages to render.
    pub customers: BTreeSet<usize>,
    /// Complaints whose page to render.
    pub complaint_pages: BTreeSet<usize>,
}

impl PagesToRender {
    fn shop_wide(customers: BTreeSet<usize>, complaint_pages: BTreeSet<usize>) -> PagesToRender {
        PagesToRender {
            every_page: false,
            dashboard: true,
            hours: true,
            testimonials: true,
            complaints: true,
            feeds: true,
            weeks: Which::All,
            months: true,
            index_pages: Which::All,
            customers,
            complaint_pages,
        }
    }
}

pub fn impact(ch: &Change) -> PagesToRender {
    if ch.everything || ch.new_day || (ch.new_now && ch.moved.is_none()) {
        return PagesToRender {
            every_page: true,
            ..PagesToRender::shop_wide(BTreeSet::new(), BTreeSet::new())
        };
    }
    let mut customers: BTreeSet<usize> = ch.touched.iter().map(|t| t.ci).collect();
    customers.extend(ch.moved.iter().flatten());
    let complaint_pages: BTreeSet<usize> = ch.complaints.iter().copied().collect();
    let footprints: Vec<&(Footprint, Footprint)> = ch
        .touched
        .iter()
        .filter_map(|t| t.footprints.as_ref())
        .collect();
    // A new minute, a new shop or a touched customer without footprints:
    // every shop-wide page compares its key.
    if ch.new_now || ch.reassembled || footprints.len() < ch.touched.len() {
        return PagesToRender::shop_wide(customers, complaint_pages);
    }
    let changed = |part: fn(&Footprint) -> u64| footprints.iter().any(|(a, b)| part(a) != part(b));
    let trend = ch.current_week.last(TREND_WEEKS + 1);
    let weeks = if ch.periods {
        Which::All
    } else {
        // A weekly page shows its week's figures against the week before.
        let mut weeks: BTreeSet<Week> = ch.figures.iter().flat_map(|w| [*w, next(*w)]).collect();
        for (a, b) in &footprints {
            let all: BTreeSet<&Week> = a.weeks.keys().chain(b.weeks.keys()).collect();
            weeks.extend(all.into_iter().filter(|w| a.weeks.get(w) != b.weeks.get(w)));
        }
        if ch.parts {
            weeks.insert(ch.current_week);
        }
        Which::These(weeks)
    };
    let mut index_pages = BTreeSet::new();
    for (a, b) in &footprints {
        if a.index != b.index {
            index_pages.extend(a.index.iter().chain(&b.index).map(|(page, _)| *page));
        }
    }
    PagesToRender {
        every_page: false,
        dashboard: ch.problems
            || ch.parts
            || ch.periods
            || trend.iter().any(|w| ch.figures.contains(w))
            || changed(|f| f.dashboard),
        hours: changed(|f| f.hours),
        testimonials: changed(|f| f.testimonials),
        complaints: changed(|f| f.complaints),
        feeds: changed(|f| f.feeds),
        weeks,
        // Their inputs are a few figures: every rebuild compares their keys.
        months: true,
        index_pages: Which::These(index_pages),
        customers,
        complaint_pages,
    }
}

/// The week after `w`.
fn next(w: Week) -> Week {
    let monday = jiff::civil::ISOWeekDate::new(w.year, w.week, jiff::civil::Weekday::Monday)
        .map(|d| d.date())
        .ok();
    monday
        .and_then(|d| d.checked_add(jiff::Span::new().days(7)).ok())
        .map_or(w, |d| {
            let iso = d.iso_week_date();
            Week {
                year: iso.year(),
                week: iso.week(),
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(n: i8) -> Week {
        Week {
            year: 2026,
            week: n,
        }
    }

    fn change() -> Change {
        Change::none(week(47))
    }

    fn print(weeks: &[(i8, u64)]) -> Footprint {
        Footprint {
            dashboard: 1,
            weeks: weeks.iter().map(|(w, k)| (week(*w), *k)).collect(),
            testimonials: 2,
            hours: 3,
            complaints: 4,
            feeds: 6,
            index: Some((0, 5)),
        }
    }

    fn touched(ci: usize, before: Footprint, after: Footprint) -> Touched {
        Touched {
            ci,
            footprints: Some((before, after)),
        }
    }

    fn set<T: Ord + Copy>(xs: &[T]) -> BTreeSet<T> {
        xs.iter().copied().collect()
    }

    #[test]
    fn the_next_week_crosses_years() {
        assert_eq!(next(week(47)), week(48));
        assert_eq!(
            next(week(53)),
            Week {
                year: 2027,
                week: 1
            }
        );
    }

    /// Only the pages the edit's footprint moved, one row per case.
    #[test]
    fn an_edit_renders_the_pages_its_footprint_moved() {
        type Edit = fn(&mut Footprint);
        let cases: [(&str, Edit, &[&str]); 7] = [
            ("nothing shown elsewhere (a city)", |_| {}, &[]),
            (
                "the agenda or open complaints",
                |f| f.dashboard = 9,
                &["dashboard"],
            ),
            ("a testimonial", |f| f.testimonials = 9, &["testimonials"]),
            ("an inbound message", |f| f.hours = 9, &["hours"]),
            ("a complaint's line", |f| f.complaints = 9, &["complaints"]),
            ("the index row", |f| f.index = Some((0, 9)), &["index"]),
            (
                "an event in week 45",
                |f| {
                    f.weeks.insert(week(45), 9);
                },
                &["weeks"],
            ),
        ];
        for (what, edit, expected) in cases {
            let before = print(&[(44, 7), (46, 8)]);
            let mut after = before.clone();
            edit(&mut after);
            let ch = Change {
                touched: vec![touched(3, before, after)],
                ..change()
            };
            let p = impact(&ch);
            let got: Vec<&str> = [
                ("dashboard", p.dashboard),
                ("testimonials", p.testimonials),
                ("hours", p.hours),
                ("complaints", p.complaints),
                ("index", p.index_pages != Which::These(BTreeSet::new())),
                ("weeks", p.weeks != Which::These(BTreeSet::new())),
            ]
            .into_iter()
            .filter(|x| x.1)
            .map(|x| x.0)
            .collect();
            assert_eq!(got, expected, "{what}");
            assert!(!p.every_page && p.months, "{what}");
            assert_eq!(p.customers, set(&[3]), "{what}: the customer's own pages");
        }
    }

    /// Weekly pages: those whose part moved (appearing or gone counts), and
    /// those whose figures or previous week's figures changed.
    #[test]
    fn weekly_pages_follow_parts_and_figures() {
        let before = print(&[(40, 1), (41, 2), (42, 3)]);
        let after = print(&[(41, 2), (42, 4), (43, 5)]);
        let ch = Change {
            touched: vec![touched(0, before, after)],
            figures: set(&[week(30)]),
            ..change()
        };
        let expected = set(&[week(30), week(31), week(40), week(42), week(43)]);
        assert_eq!(impact(&ch).weeks, Which::These(expected));
        // The trend weeks' figures are on the dashboard too.
        let ch = Change {
            figures: set(&[week(46)]),
            ..change()
        };
        let p = impact(&ch);
        assert!(p.dashboard);
        assert_eq!(p.weeks, Which::These(set(&[week(46), week(47)])));
    }

    /// A row moving to another index page renders both.
    #[test]
    fn an_index_row_renders_its_pages() {
        let before = print(&[]);
        let after = Footprint {
            index: Some((2, 6)),
            ..before.clone()
        };
        let ch = Change {
            touched: vec![touched(0, before, after)],
            ..change()
        };
        assert_eq!(impact(&ch).index_pages, Which::These(set(&[0, 2])));
    }

    /// Shop-wide causes, one row per case: (what, change, every page, every
    /// shop-wide page).
    #[test]
    fn shop_wide_causes() {
        type Edit = fn(&mut Change);
        let cases: [(&str, Edit, bool, bool); 8] = [
            ("nothing", |_| {}, false, false),
            (
                "shop.toml or templates",
                |c| c.everything = true,
                true,
                true,
            ),
            ("a new day", |c| c.new_day = true, true, true),
            (
                "a new minute, moments known",
                |c| c.new_now = true,
                false,
                true,
            ),
            (
                "a new minute, moments unknown",
                |c| {
                    c.new_now = true;
                    c.moved = None;
                },
                true,
                true,
            ),
            (
                "records added or removed",
                |c| c.reassembled = true,
                false,
                true,
            ),
            (
                "a touched customer without footprints",
                |c| {
                    c.touched = vec![Touched {
                        ci: 1,
                        footprints: None,
                    }]
                },
                false,
                true,
            ),
            ("other weeks with data", |c| c.periods = true, false, false),
        ];
        for (what, edit, every, shop_wide) in cases {
            let mut ch = change();
            edit(&mut ch);
            let p = impact(&ch);
            assert_eq!(p.every_page, every, "{what}");
            let all = p.dashboard && p.hours && p.testimonials && p.complaints;
            assert_eq!(all && p.index_pages == Which::All, shop_wide, "{what}");
        }
        let mut ch = change();
        ch.periods = true;
        let p = impact(&ch);
        assert!(p.dashboard && p.weeks == Which::All && p.months);
        ch = change();
        ch.problems = true;
        assert!(impact(&ch).dashboard);
        // Last week's same days moved: the dashboard and the running week.
        ch = change();
        ch.parts = true;
        let p = impact(&ch);
        assert!(p.dashboard && p.months && !p.hours);
        assert!(p.weeks.contains(&ch.current_week));
    }

    /// The clock's moved customers and edited complaints get their pages.
    #[test]
    fn moved_customers_and_edited_complaints() {
        let ch = Change {
            new_now: true,
            moved: Some(vec![4, 9]),
            complaints: vec![2],
            ..change()
        };
        let p = impact(&ch);
        assert!(!p.every_page);
        assert_eq!(p.customers, set(&[4, 9]));
        assert_eq!(p.complaint_pages, set(&[2]));
    }
}
