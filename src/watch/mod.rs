//! `watch`: build once, then follow the shop folder and rebuild incrementally
//! (SPEC §8). Changed files are re-parsed alone; a file whose new text does not
//! parse keeps its last good record and its error is shown until fixed; only
//! the pages whose inputs changed are rendered again.
//!
//! A batch of events goes: [`events`] (notify's events) → [`classify`] (which
//! files and folders) → [`files`] (re-read, last good records) → [`patch`]
//! (the shop, patched in place) → [`live`] (the memo of the last moment, the
//! tallies, the site) → [`impact`] (which pages) → the writer. [`serve`] is
//! the preview server.

pub mod classify;
pub mod events;
pub mod files;
pub mod impact;
pub mod live;
pub mod memo;
pub mod patch;
pub mod serve;

use crate::error::{Error, Result};
use crate::lang::site;
use crate::report;
use crate::shop::config::Config;
use crate::shop::index::ShopDir;
use classify::{classify, FsEvent};
use events::{convert, watch_error, WatchHandle};
use files::Changes;
use jiff::Timestamp;
use live::Live;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

/// Debounce: long enough to join an editor's save steps, short enough to feel instant.
pub const DEBOUNCE: Duration = Duration::from_millis(75);

/// Quiet time after which the watcher writes what can wait (the site manifest).
const IDLE: Duration = Duration::from_millis(100);

pub struct Options {
    pub out: PathBuf,
    pub poll: bool,
    pub serve: Option<serve::Plan>,
}

fn clock(now: Timestamp, cfg: &Config) -> String {
    let dt = cfg.timezone.to_datetime(now);
    format!("{:02}:{:02}:{:02}", dt.hour(), dt.minute(), dt.second())
}

fn line(live: &Live, errors: usize, ch: &Changes, ms: u128, written: usize) -> String {
    let lang = live.files.config.language;
    let names: Vec<String> = ch
        .files
        .iter()
        .take(3)
        .map(|p| p.display().to_string())
        .collect();
    let more = if ch.files.len() > 3 { ", …" } else { "" };
    let files = if ch.files.is_empty() {
        String::new()
    } else {
        format!(" ({}{more})", names.join(", "))
    };
    let now = clock(Timestamp::now(), &live.files.config);
    site::rebuilt(lang, &now, ms, ch.files.len(), &files, written, errors)
}

/// The line for saves that changed no record.
fn unchanged_line(live: &Live, ch: &Changes, ms: u128) -> String {
    let names: Vec<String> = ch.same.iter().map(|p| p.display().to_string()).collect();
    let now = clock(Timestamp::now(), &live.files.config);
    site::unchanged(live.files.config.language, &now, ms, &names.join(", "))
}

/// Runs the watcher until the process is stopped.
pub fn run(dir: ShopDir, fixed_now: Option<Timestamp>, opts: Options) -> Result<i32> {
    let start = Instant::now();
    let mut live = Live::start(dir, opts.out.clone(), fixed_now)?;
    let full = Changes {
        full: true,
        ..Changes::default()
    };
    let shop = live.shop(&full);
    report::check_out_dir(&shop, &opts.out)?;
    for d in &shop.diagnostics {
        eprintln!("{}", d.rendered());
    }
    let errors = shop.error_count();
    let summary = live.render(&shop, &full)?;
    live.keep(shop);
    println!(
        "{}",
        line(
            &live,
            errors,
            &Changes::default(),
            start.elapsed().as_millis(),
            summary.written
        )
    );
    let version = Arc::new(AtomicU64::new(1));
    if let Some(plan) = &opts.serve {
        let url = serve::start(plan, opts.out.clone(), version.clone())?;
        println!(
            "{} {url}",
            site::WatchWords::of(live.files.config.language).site_at
        );
    }

    let root = std::fs::canonicalize(&live.files.dir.root)
        .map_err(|e| Error::io(&live.files.dir.root, &e))?;
    let out_abs = std::fs::canonicalize(&opts.out).ok();
    let (tx, rx) = mpsc::channel();
    let mut debouncer: Box<dyn WatchHandle> = if opts.poll {
        let config = notify::Config::default().with_poll_interval(Duration::from_millis(500));
        Box::new(
            notify_debouncer_full::new_debouncer_opt::<
                _,
                notify::PollWatcher,
                notify_debouncer_full::NoCache,
            >(DEBOUNCE, None, tx, notify_debouncer_full::NoCache, config)
            .map_err(|e| watch_error(&e, &root))?,
        )
    } else {
        Box::new(
            notify_debouncer_full::new_debouncer(DEBOUNCE, None, tx)
                .map_err(|e| watch_error(&e, &root))?,
        )
    };
    debouncer
        .watch_root(&root)
        .map_err(|e| watch_error(&e, &root))?;

    loop {
        let batch = match rx.recv_timeout(IDLE) {
            Ok(batch) => batch,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                live.flush_manifest();
                if live.clock_moved() {
                    // A new minute: the agenda and this week's figures move
                    // with time, and the next edit starts from this state.
                    rebuild(&mut live, &Changes::default(), Instant::now(), &version);
                }
                continue;
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        let events = match batch {
            Ok(events) => events,
            Err(errors) => {
                for e in errors {
                    eprintln!("langgan: watch: {e}");
                }
                continue;
            }
        };
        let fs_events: Vec<FsEvent> = events.iter().map(|e| convert(&e.event)).collect();
        let plan = classify(&root, out_abs.as_deref(), &fs_events);
        if plan.is_empty() {
            continue;
        }
        let t0 = Instant::now();
        let ch = live.files.apply(&plan);
        if !ch.full && ch.files.is_empty() {
            if !ch.same.is_empty() {
                println!("{}", unchanged_line(&live, &ch, t0.elapsed().as_millis()));
            }
            continue;
        }
        rebuild(&mut live, &ch, t0, &version);
    }
    live.flush_manifest();
    Ok(0)
}

/// Rebuilds after `ch` (started at `t0`) and prints the line for it.
fn rebuild(live: &mut Live, ch: &Changes, t0: Instant, version: &AtomicU64) {
    let shop = live.shop(ch);
    if std::env::var_os("LANGGAN_TIMING").is_some() {
        eprintln!("timing: apply+shop {:?}", t0.elapsed());
    }
    for f in &ch.files {
        for d in live.files.diags(f) {
            eprintln!("{}", d.rendered());
        }
    }
    for d in &live.files.config_diags {
        eprintln!("{}", d.rendered());
    }
    let errors = shop.error_count();
    let rendered = live.render(&shop, ch);
    live.keep(shop);
    match rendered {
        Ok(summary) => {
            println!(
                "{}",
                line(live, errors, ch, t0.elapsed().as_millis(), summary.written)
            );
            version.fetch_add(1, Ordering::SeqCst);
        }
        Err(e) => eprintln!("langgan: {e}"),
    }
}
