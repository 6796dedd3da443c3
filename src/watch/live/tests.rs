//! A watched site stays equal to a fresh report after every kind of edit
//! and clock move, with the watcher driven in-process on a copy of the
//! example shop.

use super::*;
use crate::watch::classify::Plan;
use std::collections::BTreeMap;
use std::path::Path;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read dir").flatten() {
        let p = e.path();
        let name = e.file_name();
        if name == ".langgan" || name == "public" {
            continue;
        }
        if p.is_dir() {
            copy_dir(&p, &to.join(&name));
        } else {
            std::fs::copy(&p, to.join(&name)).expect("copy");
        }
    }
}

/// Every page of a site folder (the manifest's keys are hints, left out).
fn pages(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if e.file_name() != crate::incremental::manifest::MANIFEST {
                let rel = p.strip_prefix(dir).expect("inside").display().to_string();
                out.insert(rel, std::fs::read(&p).expect("read"));
            }
        }
    }
    out
}

struct Harness {
    tmp: tempfile::TempDir,
    shop: PathBuf,
    live: Live,
    fresh: usize,
    /// Pages rendered by each rebuild, for the log of a failure.
    log: Vec<String>,
}

impl Harness {
    fn start(now: &str) -> Harness {
        let tmp = tempfile::tempdir().expect("tmp");
        let shop = tmp.path().join("shop");
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("example-shop"),
            &shop,
        );
        let dir = ShopDir {
            root: shop.clone(),
            shown_root: shop.clone(),
        };
        let mut live = Live::start(dir, tmp.path().join("site"), None).expect("start");
        live.fixed_now = Some(Harness::at(&live, now));
        let mut h = Harness {
            tmp,
            shop,
            live,
            fresh: 0,
            log: Vec::new(),
        };
        h.rebuild(Changes {
            full: true,
            ..Changes::default()
        });
        h
    }

    fn at(live: &Live, now: &str) -> Timestamp {
        crate::time::parse_time_in(
            now,
            &live.files.config.timezone,
            crate::shop::config::Lang::Id,
        )
        .expect("now")
    }

    fn rebuild(&mut self, ch: Changes) {
        let shop = self.live.shop(&ch);
        let summary = self.live.render(&shop, &ch).expect("render");
        self.live.keep(shop);
        self.log
            .push(format!("{:?}: {} rendered", ch.files, summary.rendered));
    }

    /// Writes `rel` (None removes it) and rebuilds as the watcher would.
    fn edit(&mut self, rel: &str, text: Option<String>) {
        let path = self.shop.join(rel);
        match text {
            Some(t) => std::fs::write(&path, t).expect("write"),
            None => std::fs::remove_file(&path).expect("rm"),
        }
        let plan = Plan {
            files: [PathBuf::from(rel)].into_iter().collect(),
            ..Plan::default()
        };
        let ch = self.live.files.apply(&plan);
        if ch.full || !ch.files.is_empty() {
            self.rebuild(ch);
        }
    }

    fn change(&mut self, rel: &str, f: impl Fn(&str) -> String) {
        let text = std::fs::read_to_string(self.shop.join(rel)).expect("read");
        let new = f(&text);
        assert_ne!(new, text, "{rel}: the edit changes the file");
        self.edit(rel, Some(new));
    }

    /// The clock moves to `now` with no edit (the idle watcher's rebuild).
    fn tick(&mut self, now: &str) {
        self.live.fixed_now = Some(Harness::at(&self.live, now));
        self.rebuild(Changes::default());
    }

    fn assert_fresh(&mut self, what: &str) {
        self.fresh += 1;
        let out = self.tmp.path().join(format!("fresh-{}", self.fresh));
        let dir = ShopDir {
            root: self.shop.clone(),
            shown_root: self.shop.clone(),
        };
        let shop = crate::shop::load::load_with(&dir, false).expect("load");
        let now = self.live.now();
        report::build(&shop, now, &out, Vec::new(), false, None).expect("fresh report");
        let (live, fresh) = (pages(&self.tmp.path().join("site")), pages(&out));
        let differing: Vec<&String> = fresh
            .iter()
            .filter(|(k, v)| live.get(*k) != Some(*v))
            .map(|(k, _)| k)
            .chain(live.keys().filter(|k| !fresh.contains_key(*k)))
            .collect();
        assert!(
            differing.is_empty(),
            "{what}: pages differ from a fresh report: {differing:?}\n{:#?}",
            self.log
        );
    }
}

/// A change to a file's text.
type Edit = Box<dyn Fn(&str) -> String>;

fn after(text: &str, line: &str, insert: &str) -> String {
    text.replacen(line, &format!("{line}{insert}"), 1)
}

#[test]
fn every_kind_of_edit_and_clock_move_keeps_the_site_fresh() {
    let mut h = Harness::start("2026-11-20 15:00");
    h.assert_fresh("first build");
    let siti = "customers/siti-rahma.yaml";
    let edits: Vec<(&str, &str, Edit)> = vec![
        (
            "a city",
            siti,
            Box::new(|t| t.replace("city: Bandung", "city: Bogor")),
        ),
        (
            "a name",
            siti,
            Box::new(|t| t.replace("name: Siti Rahma", "name: Siti Rahmawati")),
        ),
        (
            "an admin",
            siti,
            Box::new(|t| t.replace("admin: dewi", "admin: rudi")),
        ),
        (
            "tags",
            siti,
            Box::new(|t| t.replace("tags: [bundling]", "tags: [bundling, vip]")),
        ),
        (
            "a follow-up",
            "customers/rina-marlina.yaml",
            Box::new(|t| {
                after(
                    t,
                    "interactions:\n",
                    "  - at: 2026-11-19 10:00\n    kind: followup\n    by: dewi\n",
                )
            }),
        ),
        (
            "an inbound message",
            siti,
            Box::new(|t| {
                after(
                    t,
                    "interactions:\n",
                    "  - at: 2026-11-20 09:00\n    kind: inbound\n    by: dewi\n",
                )
            }),
        ),
        (
            "public feedback",
            "customers/andi-wijaya.yaml",
            Box::new(|t| {
                format!("{t}feedback:\n  - at: 2026-11-18 10:00\n    rating: 4\n    text: Mantap\n    public: true\n")
            }),
        ),
        (
            "an order's quantity",
            "customers/andi-wijaya.yaml",
            Box::new(|t| t.replacen("qty: 2", "qty: 7", 1)),
        ),
        (
            "a note only",
            "customers/ayu-lestari.yaml",
            Box::new(|t| format!("{t}note: ditelepon\n")),
        ),
        (
            "a comment only",
            siti,
            Box::new(|t| format!("{t}# sudah\n")),
        ),
        (
            "a complaint resolved",
            "complaints/2026-0011.yaml",
            Box::new(|t| format!("{t}resolved: 2026-11-20 12:00\ncsat: 4\n")),
        ),
        (
            "a complaint's summary",
            "complaints/2026-0005.yaml",
            Box::new(|t| t.replace("Masker terasa kering", "Masker bikin kering")),
        ),
    ];
    for (what, rel, edit) in &edits {
        h.change(rel, edit);
        h.assert_fresh(what);
    }
    // Records added and removed: the shop is assembled anew.
    h.edit(
        "customers/zz-baru.yaml",
        Some(
            "name: Pelanggan Baru\nsource: tiktok\nadmin: rudi\nfirst_contact: 2026-11-19 10:00\n"
                .into(),
        ),
    );
    h.assert_fresh("a new customer");
    h.edit("customers/yoga-saputra.yaml", None);
    h.assert_fresh("a customer removed");
    // The clock: a minute, an hour, a new day, a new week.
    for now in [
        "2026-11-20 15:01",
        "2026-11-20 16:30",
        "2026-11-21 08:00",
        "2026-11-23 09:00",
    ] {
        h.tick(now);
        h.assert_fresh(now);
    }
    // Edits at the new moment.
    h.change(siti, |t| t.replace("name: Siti Rahmawati", "name: Siti R."));
    h.assert_fresh("a name at a later moment");
    h.change("customers/rina-marlina.yaml", |t| {
        after(
            t,
            "interactions:\n",
            "  - at: 2026-11-23 08:30\n    kind: followup\n    by: rudi\n",
        )
    });
    h.assert_fresh("a follow-up at a later moment");
    if std::env::var_os("LANGGAN_TEST_LOG").is_some() {
        eprintln!("{:#?}", h.log);
    }
}
