//! `watch`: build once, then follow the shop folder and rebuild incrementally
//! (SPEC §8). Changed files are re-parsed alone; a file whose new text does not
//! parse keeps its last good record and its error is shown until fixed; only
//! the pages whose inputs changed are rendered again.
//!
//! A batch of events goes: [`events`] (notify's events, or [`poll`]'s
//! own looks with `--poll`) → [`classify`] (which files and folders) → [`files`] (re-read, last good records) → [`patch`]
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
pub mod poll;
pub mod serve;

use crate::error::{Error, Result};
use crate::lang::site;
use crate::report;
use crate::shop::config::Config;
use crate::shop::index::ShopDir;
use classify::{classify, FsEvent};
use events::{convert, is_benign, watch_error};
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
    /// The site password, when the pages are written encrypted (`--encrypt`).
    pub password: Option<String>,
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
    live.encrypt(opts.password.clone());
    crate::commands::report::warn_no_secret(live.files.config.language);
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
    let (tx, rx) = mpsc::channel::<Batch>();
    // Held for as long as the loop runs: dropping it stops the watching.
    let _watching = if opts.poll {
        let mut poller = poll::Poller::new(&root);
        std::thread::spawn(move || {
            // Ends when the loop below is gone.
            while tx.send(Ok(poller.next_batch())).is_ok() {}
        });
        None
    } else {
        let handler = move |r: notify_debouncer_full::DebounceEventResult| {
            let batch = r.map(|events| events.iter().map(|e| convert(&e.event)).collect());
            let _ = tx.send(batch);
        };
        let mut debouncer = notify_debouncer_full::new_debouncer(DEBOUNCE, None, handler)
            .map_err(|e| watch_error(&e, &root, live.files.config.language))?;
        debouncer
            .watch(&root, notify::RecursiveMode::Recursive)
            .map_err(|e| watch_error(&e, &root, live.files.config.language))?;
        Some(debouncer)
    };

    let mut healing = Healing::default();
    loop {
        let wait = healing.next(live.files.next_retry()).map_or(IDLE, |at| {
            at.saturating_duration_since(Instant::now()).min(IDLE)
        });
        match rx.recv_timeout(wait) {
            Ok(Ok(fs_events)) => {
                let plan = classify(&root, out_abs.as_deref(), &fs_events);
                if !plan.is_empty() {
                    let t0 = Instant::now();
                    let ch = live.files.apply(&plan);
                    if ch.full || !ch.files.is_empty() {
                        healing.after(rebuild(&mut live, &ch, t0, &version));
                    } else if !ch.same.is_empty() {
                        println!("{}", unchanged_line(&live, &ch, t0.elapsed().as_millis()));
                    }
                }
            }
            Ok(Err(errors)) => {
                for e in errors.iter().filter(|e| !is_benign(e)) {
                    eprintln!("langgan: watch: {e}");
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                live.flush_manifest();
                if live.clock_moved() {
                    // A new minute: the agenda and this week's figures move
                    // with time, and the next edit starts from this state.
                    let t0 = Instant::now();
                    healing.after(rebuild(&mut live, &Changes::default(), t0, &version));
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
        // What failed heals without an edit: files that read empty or could
        // not be read are read again, and a site that could not be written
        // (a full disk) is written again.
        let now = Instant::now();
        if live.files.next_retry().is_some_and(|at| at <= now) {
            let ch = live.files.retry(now);
            if !ch.files.is_empty() {
                healing.after(rebuild(&mut live, &ch, now, &version));
            }
        }
        if healing.due(now) {
            let full = Changes {
                full: true,
                ..Changes::default()
            };
            healing.after(rebuild(&mut live, &full, now, &version));
        }
    }
    live.flush_manifest();
    Ok(0)
}

/// What the watching thread sends: the events of one batch, or the
/// watcher's errors.
type Batch = std::result::Result<Vec<FsEvent>, Vec<notify::Error>>;

/// How often writing the site is tried again after it failed.
const RETRY_WRITE: Duration = Duration::from_secs(2);

/// A site write that failed, to be tried again; its error is printed once
/// (not every two seconds) until it changes or the site is whole again.
#[derive(Default)]
struct Healing {
    retry_at: Option<Instant>,
    shown: Option<String>,
}

impl Healing {
    fn after(&mut self, result: std::result::Result<(), String>) {
        match result {
            Ok(()) => *self = Healing::default(),
            Err(e) => {
                if self.shown.as_deref() != Some(e.as_str()) {
                    eprintln!("langgan: {e}");
                    self.shown = Some(e);
                }
                self.retry_at = Some(Instant::now() + RETRY_WRITE);
            }
        }
    }

    fn due(&self, now: Instant) -> bool {
        self.retry_at.is_some_and(|at| at <= now)
    }

    fn next(&self, files: Option<Instant>) -> Option<Instant> {
        self.retry_at.into_iter().chain(files).min()
    }
}

/// Rebuilds after `ch` (started at `t0`) and prints the line for it; the
/// error when the site could not be written.
fn rebuild(
    live: &mut Live,
    ch: &Changes,
    t0: Instant,
    version: &AtomicU64,
) -> std::result::Result<(), String> {
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
            Ok(())
        }
        Err(e) => Err(e.message_in(live.files.config.language)),
    }
}
