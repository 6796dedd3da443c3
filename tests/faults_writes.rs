//! Faults against the commands that write (SPEC §9, §10), with the real
//! binary on temp shops: parallel `log`s racing an outside editor, imports
//! killed with SIGKILL at random points and rerun, and what the next command
//! cleans up. Run with `--nocapture` to see the measured counts
//! (docs/reliability.md).

use crate::support::Test;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const NOW: &str = "2026-11-20 15:00";

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_langgan"));
    c.env_remove("LANGGAN_NOW")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

/// A small xorshift generator, seeded from the clock (the seed is printed,
/// so a failure can be replayed with LANGGAN_TEST_SEED).
struct Rng(u64);

impl Rng {
    fn new(what: &str) -> Rng {
        let seed = std::env::var("LANGGAN_TEST_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(1, |d| d.as_nanos() as u64)
                    | 1
            });
        eprintln!("{what}: seed {seed}");
        Rng(seed)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// How many trials: `default`, or LANGGAN_FAULT_TRIALS to probe longer.
pub fn trials(default: usize) -> usize {
    std::env::var("LANGGAN_FAULT_TRIALS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// Every file under `dir` (relative), dot-files included.
fn all_files(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        for e in rd.flatten() {
            let p = e.path();
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                walk(root, &p, out);
            } else {
                out.push(p.strip_prefix(root).unwrap_or(&p).display().to_string());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

fn customer_files(shop: &Path) -> Vec<String> {
    all_files(&shop.join("customers"))
        .into_iter()
        .filter(|f| f.ends_with(".yaml"))
        .filter(|f| !f.rsplit('/').next().unwrap_or("").starts_with('.'))
        .collect()
}

/// Temporary files of a write (`.NAME.langgan-PID.tmp` / `.new`) anywhere in the shop.
fn temp_files(shop: &Path) -> Vec<String> {
    all_files(shop)
        .into_iter()
        .filter(|f| f.contains(".langgan-") && (f.ends_with(".tmp") || f.ends_with(".new")))
        .collect()
}

fn staging_leftovers(shop: &Path) -> Vec<String> {
    all_files(&shop.join(".langgan/staging"))
}

// ---------------------------------------------------------------- log races

const CUSTOMER: &str = "name: Siti\nfirst_contact: 2026-11-02\ncity: Bandung\n";

/// An outside editor like `sed -i 's/city: Bandung/city: Jakarta/'`: reads
/// the file, writes its edit of that text to a temporary file in the same
/// folder and renames it over the record. It takes no lock and checks
/// nothing, so it can save over a write that landed after it read.
fn sed_like(path: &Path) {
    let text = std::fs::read_to_string(path).expect("read");
    let edited = text.replace("city: Bandung", "city: Jakarta");
    let tmp = path.with_file_name("sedXk3f9q");
    std::fs::write(&tmp, edited).expect("write temp");
    std::fs::rename(&tmp, path).expect("rename");
}

#[test]
fn parallel_logs_and_an_outside_edit_lose_nothing() {
    const LOGS: usize = 8;
    let trials_n = trials(100);
    let mut rng = Rng::new("parallel_logs_and_an_outside_edit_lose_nothing");
    let start = Instant::now();
    let (mut redone, mut lost_entries, mut lost_edits) = (0, 0, 0);
    for trial in 0..trials_n {
        let t = Test::new().file("customers/siti.yaml", CUSTOMER);
        let shop = t.path().to_path_buf();
        let logs: Vec<_> = (0..LOGS)
            .map(|i| {
                let mut c = bin();
                c.arg("--shop").arg(&shop).args([
                    "--now",
                    NOW,
                    "log",
                    "siti",
                    "note",
                    &format!("catatan {i}"),
                ]);
                c.spawn().expect("spawn log")
            })
            .collect();
        // The edit lands somewhere in the burst of writes (the logs start,
        // wait their turn on the lock and write within ~100 ms here).
        std::thread::sleep(Duration::from_micros(rng.below(80_000)));
        sed_like(&shop.join("customers/siti.yaml"));
        for child in logs {
            let out = child.wait_with_output().expect("wait");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "trial {trial}: log failed: {err}");
            redone += err.matches("menimpa").count();
        }
        let text = std::fs::read_to_string(shop.join("customers/siti.yaml")).expect("read");
        if !text.contains("city: Jakarta\n") {
            lost_edits += 1;
        }
        for i in 0..LOGS {
            let n = text.matches(&format!("note: catatan {i}\n")).count();
            assert!(n <= 1, "trial {trial}: entry {i} twice:\n{text}");
            lost_entries += 1 - n;
        }
        assert_eq!(temp_files(&shop), Vec::<String>::new(), "trial {trial}");
        if trial == trials_n - 1 {
            t.run_args(&["check"]).code(0).no_diagnostics();
        }
    }
    eprintln!(
        "{trials_n} trials of {LOGS} parallel logs + 1 sed-like edit in {:?}: {lost_entries} of {} entries lost, {lost_edits} of {trials_n} outside edits lost, {redone} entries written again after the editor saved over them",
        start.elapsed(),
        trials_n * LOGS
    );
    assert_eq!(lost_entries, 0, "entries lost");
    assert_eq!(lost_edits, 0, "outside edits lost");
}

#[test]
fn a_complaint_update_survives_an_outside_edit() {
    let mut rng = Rng::new("a_complaint_update_survives_an_outside_edit");
    for trial in 0..20 {
        let t = Test::new()
            .file("customers/siti.yaml", "name: Siti\nfirst_contact: 2026-11-02\n")
            .file(
                "complaints/2026-0001.yaml",
                "customer: siti\nopened: 2026-11-06 08:00\nsummary: Salah kirim\ncategory: Bandung\n",
            );
        let shop = t.path().to_path_buf();
        let mut c = bin();
        c.arg("--shop").arg(&shop).args([
            "--now",
            NOW,
            "log",
            "2026-0001",
            "--resolved",
            "--csat",
            "5",
        ]);
        let child = c.spawn().expect("spawn");
        std::thread::sleep(Duration::from_micros(rng.below(40_000)));
        let path = shop.join("complaints/2026-0001.yaml");
        let text = std::fs::read_to_string(&path).expect("read");
        let tmp = path.with_file_name("sedQ1");
        std::fs::write(&tmp, text.replace("category: Bandung", "category: kirim")).expect("w");
        std::fs::rename(&tmp, &path).expect("rename");
        let out = child.wait_with_output().expect("wait");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(
            text.contains("category: kirim\n"),
            "trial {trial}: edit lost:\n{text}"
        );
        assert!(
            text.contains("resolved: 2026-11-20 15:00\n"),
            "trial {trial}:\n{text}"
        );
        assert!(text.contains("csat: 5\n"), "trial {trial}:\n{text}");
    }
}

#[test]
fn log_without_now_records_the_current_minute() {
    let t = Test::new().file(
        "customers/siti.yaml",
        "name: Siti\nfirst_contact: 2026-11-02\n",
    );
    t.run_args(&["log", "siti", "note", "tanpa --now"]).code(0);
    let text = std::fs::read_to_string(t.path().join("customers/siti.yaml")).expect("read");
    assert!(text.contains("note: tanpa --now\n"), "{text}");
}

// ------------------------------------------------------------ killed imports

const ROWS: usize = 2000;

fn write_csv(t: &Test) -> String {
    let mut csv = String::from("nama,no hp,kota,catatan\n");
    for i in 0..ROWS {
        csv.push_str(&format!(
            "Pelanggan {i},0812{i:08},Bandung,baris {}\n",
            i + 2
        ));
    }
    let path = t.path().join("data.csv");
    std::fs::write(&path, csv).expect("write csv");
    path.display().to_string()
}

fn import(shop: &Path, csv: &str) -> std::process::Child {
    let mut c = bin();
    c.arg("--shop")
        .arg(shop)
        .args(["--now", NOW, "import", "csv", csv]);
    c.spawn().expect("spawn import")
}

/// Waits (up to 30 s) until `ready` says so.
fn wait_for(shop: &Path, ready: impl Fn(&Path) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !ready(shop) {
        assert!(
            Instant::now() < deadline,
            "the import wrote nothing in 30 s"
        );
        std::thread::sleep(Duration::from_micros(200));
    }
}

fn staging_dirs(shop: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(shop.join(".langgan/staging"))
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default()
}

/// Is some file ending in `.yaml` (not a dot-file) directly in `dir`?
fn has_yaml(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|rd| {
        rd.flatten().any(|e| {
            let n = e.file_name();
            let n = n.to_string_lossy();
            n.ends_with(".yaml") && !n.starts_with('.')
        })
    })
}

/// Has the import written a file yet (staged, or a customer)?
fn began_writing(shop: &Path) -> bool {
    staging_dirs(shop).iter().any(|d| has_yaml(d)) || has_yaml(&shop.join("customers"))
}

/// Is an import's commit marker there?
fn committed(shop: &Path) -> bool {
    staging_dirs(shop).iter().any(|d| d.join("COMMIT").exists())
}

/// Kills the child with SIGKILL (`Child::kill`) and reaps it.
fn kill9(mut child: std::process::Child) -> bool {
    let finished = child.try_wait().expect("try_wait").is_some();
    let _ = child.kill();
    let _ = child.wait();
    !finished
}

/// After a killed import and one more command: none of its customers or all
/// of them, nothing staged, no temporary file. Returns what the next command
/// said it did.
#[track_caller]
fn assert_whole(t: &Test, what: &str) -> &'static str {
    let out = t.run_args(&["check"]);
    out.code(0).no_panic();
    let n = customer_files(t.path()).len();
    assert!(
        n == 0 || n == ROWS,
        "{what}: {n} of {ROWS} customers\n{}",
        out.stderr
    );
    assert_eq!(staging_leftovers(t.path()), Vec::<String>::new(), "{what}");
    assert_eq!(temp_files(t.path()), Vec::<String>::new(), "{what}");
    let notes = out
        .stderr
        .lines()
        .filter(|l| l.contains("impor sebelumnya"))
        .count();
    assert!(
        notes <= 1,
        "{what}: one line per interrupted import\n{}",
        out.stderr
    );
    if out.stderr.contains("sudah diselesaikan") {
        assert_eq!(n, ROWS, "{what}");
        "completed"
    } else if out.stderr.contains("tidak ada yang ditulis") {
        assert_eq!(n, 0, "{what}");
        "discarded"
    } else if n == ROWS {
        "finished before the kill"
    } else {
        "killed before staging"
    }
}

fn tally(counts: &mut Vec<(&'static str, usize)>, what: &'static str) {
    match counts.iter_mut().find(|(w, _)| *w == what) {
        Some((_, n)) => *n += 1,
        None => counts.push((what, 1)),
    }
}

#[test]
fn a_killed_import_leaves_all_or_nothing() {
    let mut rng = Rng::new("a_killed_import_leaves_all_or_nothing");
    let start = Instant::now();
    let mut counts = Vec::new();
    // How long a whole import takes here, to spread some kills over all of it.
    let t = Test::new();
    let csv = write_csv(&t);
    let whole = Instant::now();
    let out = import(t.path(), &csv).wait_with_output().expect("import");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let whole = whole.elapsed();
    assert_eq!(customer_files(t.path()).len(), ROWS);
    let trials = trials(30);
    let first = trials * 2 / 3;
    for trial in 0..trials {
        let t = Test::new();
        let csv = write_csv(&t);
        // Two thirds (20) killed within 300 ms of the start; the others (10)
        // once the import has begun writing (staging, committing, moving),
        // within half a whole import.
        let child = import(t.path(), &csv);
        let when = if trial < first {
            "after the start"
        } else {
            wait_for(t.path(), began_writing);
            "after the first file"
        };
        let range = if trial < first {
            300_000
        } else {
            whole.as_micros() as u64 / 2
        };
        let delay = Duration::from_micros(rng.below(range));
        std::thread::sleep(delay);
        kill9(child);
        let what = assert_whole(&t, &format!("trial {trial}, killed {delay:?} {when}"));
        tally(&mut counts, what);
    }
    eprintln!(
        "{trials} imports of {ROWS} rows killed (a whole one takes {whole:?}) in {:?}: {counts:?}",
        start.elapsed()
    );
}

#[test]
fn an_import_killed_after_its_commit_is_completed_by_the_next_command() {
    let start = Instant::now();
    let mut counts = Vec::new();
    for trial in 0..4 {
        let t = Test::new();
        let csv = write_csv(&t);
        let child = import(t.path(), &csv);
        // Kill as soon as the commit marker is there: in the middle of the moves.
        wait_for(t.path(), committed);
        kill9(child);
        let what = assert_whole(&t, &format!("trial {trial}"));
        tally(&mut counts, what);
        // Nothing twice: a rerun creates nothing.
        t.run_args(&["--now", NOW, "import", "csv", &csv])
            .code(0)
            .stderr_has(&format!("0 dibuat, {ROWS} dilewati"));
    }
    eprintln!(
        "4 imports killed right after their commit marker in {:?}: {counts:?}",
        start.elapsed()
    );
    assert!(
        counts.iter().any(|(w, _)| *w == "completed"),
        "no kill landed during the moves: {counts:?}"
    );
}

#[test]
fn a_rerun_after_a_killed_import_imports_everyone_exactly_once() {
    let mut rng = Rng::new("a_rerun_after_a_killed_import_imports_everyone_exactly_once");
    for trial in 0..4 {
        let t = Test::new();
        let csv = write_csv(&t);
        let child = import(t.path(), &csv);
        // Killed while it writes: once its first file is there (staged, or
        // a customer), and a random 0–100 ms later.
        wait_for(t.path(), began_writing);
        std::thread::sleep(Duration::from_micros(rng.below(100_000)));
        kill9(child);
        // The rerun itself is the next command: it cleans up, then imports.
        t.run_args(&["--now", NOW, "import", "csv", &csv])
            .code(0)
            .no_panic();
        let files = customer_files(t.path());
        assert_eq!(files.len(), ROWS, "trial {trial}");
        let mut phones: Vec<String> = files
            .iter()
            .map(|f| {
                let text =
                    std::fs::read_to_string(t.path().join("customers").join(f)).expect("read");
                text.lines()
                    .find(|l| l.starts_with("phone:"))
                    .expect("phone")
                    .to_string()
            })
            .collect();
        phones.sort();
        phones.dedup();
        assert_eq!(phones.len(), ROWS, "trial {trial}: each person once");
        assert_eq!(staging_leftovers(t.path()), Vec::<String>::new());
        assert_eq!(temp_files(t.path()), Vec::<String>::new());
        t.run_args(&["--now", NOW, "import", "csv", &csv])
            .code(0)
            .stderr_has(&format!("0 dibuat, {ROWS} dilewati"));
        t.run_args(&["check"]).code(0).no_diagnostics();
    }
}

#[test]
fn two_imports_of_one_file_at_once_create_each_person_once() {
    let t = Test::new();
    let csv = write_csv(&t);
    let a = import(t.path(), &csv);
    let b = import(t.path(), &csv);
    for c in [a, b] {
        let out = c.wait_with_output().expect("wait");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(customer_files(t.path()).len(), ROWS);
}

// ------------------------------------------------------------ leftovers

#[test]
fn the_next_command_says_in_english_what_it_cleaned_up() {
    let t = Test::new().shop_toml(&crate::support::SHOP_TOML.replacen(
        "[shop]\n",
        "[shop]\nlanguage = \"en\"\n",
        1,
    ));
    let csv = write_csv(&t);
    let child = import(t.path(), &csv);
    // Killed once it is staging files, before its commit marker.
    wait_for(t.path(), |shop| {
        staging_dirs(shop).iter().any(|d| has_yaml(d))
    });
    let killed = kill9(child);
    let out = t.run_args(&["check"]);
    out.code(0);
    if killed && customer_files(t.path()).is_empty() {
        out.stderr_has(
            "langgan: an earlier import was interrupted before it finished; nothing was written, please run it again.",
        );
    }
    assert_eq!(staging_leftovers(t.path()), Vec::<String>::new());
}

#[test]
fn abandoned_temporary_files_are_removed_and_live_ones_kept() {
    // A pid above any pid_max is never running; this test's own pid is.
    let live = format!("customers/.budi.yaml.langgan-{}.tmp", std::process::id());
    let t = Test::new()
        .file(
            "customers/siti.yaml",
            "name: Siti\nfirst_contact: 2026-11-02\n",
        )
        .file("customers/.siti.yaml.langgan-999999999.tmp", "name: Si")
        .file(
            "customers/lama/.andi.yaml.langgan-999999998.new",
            "name: An",
        )
        .file("complaints/.2026-0001.yaml.langgan-999999997.tmp", "")
        .file(".shop.toml.langgan-999999996.tmp", "")
        .file(&live, "name: Budi\n");
    t.run_args(&["check"])
        .code(0)
        .stderr_has("langgan: 4 berkas sementara dari penulisan yang terputus dihapus.");
    assert_eq!(
        temp_files(t.path()),
        vec![live.clone()],
        "only the live writer's file stays"
    );
    // Later: a writer killed while holding the shop's write lock left the
    // folders it was writing in named in the lock; the next command sweeps them.
    std::fs::write(t.path().join(".langgan/write.lock"), "customers\n").expect("write");
    std::fs::write(
        t.path().join("customers/.siti.yaml.langgan-999999995.tmp"),
        "x",
    )
    .expect("w");
    t.run_args(&["--now", NOW, "log", "siti", "note", "lanjut"])
        .code(0)
        .stderr_has("1 berkas sementara");
    assert_eq!(temp_files(t.path()), vec![live]);
    assert_eq!(
        std::fs::read(t.path().join(".langgan/write.lock")).expect("read"),
        b"",
        "a finished writer leaves its lock empty"
    );
}

#[test]
fn init_ignores_what_an_interrupted_write_can_leave() {
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("git not installed; skipped");
        return;
    }
    let t = Test::empty();
    t.run_args(&["init", &t.path().join("toko").display().to_string()])
        .code(0);
    let shop = t.path().join("toko");
    for (rel, text) in [
        (
            "customers/siti.yaml",
            "name: Siti\nfirst_contact: 2026-11-02\n",
        ),
        ("customers/.siti.yaml.langgan-4242.tmp", "name: Si"),
        ("customers/.budi.yaml.langgan-4242.new", "name: Bu"),
        (".langgan/staging/4242-1/0.yaml", "name: X\n"),
    ] {
        let p = shop.join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }
    let git = |args: &[&str]| crate::support::git(&shop, args);
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    let staged = git(&["diff", "--cached", "--name-only"]);
    assert!(staged.contains("customers/siti.yaml"), "{staged}");
    assert!(
        !staged.contains("langgan-"),
        "temporary file staged:\n{staged}"
    );
    assert!(
        !staged.contains(".langgan/"),
        "private folder staged:\n{staged}"
    );
}
