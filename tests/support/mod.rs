//! What every integration test runs on: a small builder in the style of
//! casey/just's tests (a temporary shop folder with a minimal valid shop.toml,
//! files written into it, and the real `langgan` binary run against it), a
//! copy of the example shop, and the few helpers more than one area needs.
//!
//! ```ignore
//! Test::new()
//!     .file("customers/x.yaml", "name: Siti\nfirst_contact: 2026-11-02\n")
//!     .args(&["check"])
//!     .run()
//!     .code(0)
//!     .no_diagnostics();
//! ```
//!
//! Nothing here writes inside the repository: every shop, site and cache lives
//! in a temp folder of its own, so tests running side by side in this one
//! process share no files.

use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// The moment the example shop is written for (example-shop/COVERAGE.md).
pub const NOW: &str = "2026-11-20 15:00";

/// The shop.toml every test starts with (SPEC §2, minimal and valid).
pub const SHOP_TOML: &str = r#"[shop]
name = "Toko Uji"
timezone = "Asia/Jakarta"
admins = ["dewi", "rudi"]
sources = ["instagram", "tiktok", "whatsapp"]

[categories.skincare]
repeat_after = "30d"

[products.serum]
name = "Serum Vitamin C"
category = "skincare"
price = 85000
"#;

/// [`SHOP_TOML`] with `language = "en"`: for tests that quote the English
/// wording of messages.
pub fn shop_toml_en() -> String {
    SHOP_TOML.replacen("[shop]\n", "[shop]\nlanguage = \"en\"\n", 1)
}

/// A run is killed and the test fails after this long (a hang is a bug).
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// The repository's example shop: read by tests, never run on in place (its
/// cache and site would land in the checkout); see `Test::example_shop`.
fn example_shop_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("example-shop")
}

/// The binary with the tests' environment: no LANGGAN_NOW from the caller, no
/// backtraces. For runs that outlive one call (`watch`); others use `langgan`.
pub fn command() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_langgan"));
    // Nor the site's secret and password (a machine that publishes a site
    // may have them set): tests that need them set them per run.
    cmd.env_remove("LANGGAN_NOW")
        .env_remove("LANGGAN_SITE_SECRET")
        .env_remove("LANGGAN_SITE_PASSWORD")
        .env("RUST_BACKTRACE", "0");
    cmd
}

/// Runs `langgan ARGS…` exactly as given (pass `--shop` yourself), from the
/// temp folder so nothing relative lands in the checkout.
pub fn langgan<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let args: Vec<OsString> = args.into_iter().map(|a| a.as_ref().to_owned()).collect();
    let mut cmd = command();
    cmd.args(&args).current_dir(std::env::temp_dir());
    exec(cmd, &args, String::new())
}

/// Copies the folder `from` into `to`, leaving out a built site (`public/`)
/// and the cache (`.langgan/`): a copy starts as a fresh checkout would.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for e in std::fs::read_dir(from).expect("read folder").flatten() {
        let name = e.file_name();
        if name == "public" || name == ".langgan" {
            continue;
        }
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(&name));
        } else {
            std::fs::copy(&p, to.join(&name)).expect("copy file");
        }
    }
}

/// Every file below `dir` by its relative path, with its bytes: a site as a
/// value, to compare two builds.
pub fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).expect("rel").display().to_string();
                out.insert(rel, std::fs::read(&p).expect("read"));
            }
        }
    }
    out
}

/// A shop whose records hold what breaks layouts and escapes.
pub fn hostile_shop() -> Test {
    let word = "a".repeat(300);
    let url = format!("https://example.com/{}", "x/".repeat(200));
    let note = "catatan panjang ".repeat(320);
    let s = "<script>alert(1)</script>";
    let customer = format!(
        "name: \"{s}{word}\"\nphone: \"+6281234567890\"\nfirst_contact: 2026-11-02 10:00\nadmin: dewi\ncity: \"{word}\"\nsource: instagram\ntags: [\"{word}\", \"{s}\"]\nnote: \"{url} {note} {s}\"\norders:\n  - at: 2026-11-03 10:00\n    items:\n      - product: serum\n        qty: 1\n        price: 85000\ninteractions:\n  - at: 2026-11-19 09:00\n    kind: inbound\n    note: \"{word} {url} {s}\"\nfeedback:\n  - at: 2026-11-10 10:00\n    rating: 5\n    public: true\n    text: \"{word} {url} {s}\"\n"
    );
    let complaint = format!(
        "customer: x\nopened: 2026-11-18 10:00\nsummary: \"{s} {word} {url}\"\ncategory: \"{word}\"\n"
    );
    Test::new()
        .shop_toml(&format!("{}\n[report]\nmask_contacts = false\n", SHOP_TOML))
        .file("customers/x.yaml", customer)
        .file("complaints/2026-0001.yaml", complaint)
}

/// The example shop with its site built `--encrypt`ed beside it, in `site`.
pub fn encrypted_example_site() -> (Test, PathBuf) {
    let shop = Test::example_shop().env("LANGGAN_SITE_PASSWORD", "kata sandi uji");
    let site = shop.beside("site");
    shop.run_args(&[
        "--now",
        NOW,
        "report",
        "--encrypt",
        "--out",
        &site.display().to_string(),
    ])
    .code(0);
    (shop, site)
}

/// The headless browser the site tests drive, when one is installed.
pub fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

/// A test that needs `need` (a tool `.ci/run` installs) is skipped without
/// it locally, with a line saying so, and fails on CI.
pub fn skip_without(need: &str) {
    assert!(
        std::env::var_os("CI").is_none(),
        "{need} is required on CI (.ci/run installs it)"
    );
    eprintln!("skipping: needs {need}");
}

/// A free loopback port (for addresses that are refused before binding;
/// servers are started on port 0 and say where they listen).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("port")
}

/// A shop in a temp folder of its own, at `<temp>/shop`; the temp folder
/// around it has room for other output (`beside`) and is removed with it.
pub struct Test {
    dir: TempDir,
    shop: PathBuf,
    args: Vec<OsString>,
    shop_flag: bool,
    cwd: PathBuf,
    env: Vec<(OsString, OsString)>,
}

impl Default for Test {
    fn default() -> Self {
        Test::new()
    }
}

impl Test {
    /// A temporary shop with the default shop.toml.
    pub fn new() -> Test {
        Test::empty().shop_toml(SHOP_TOML)
    }

    /// A temporary shop whose shop.toml says `language = "en"`.
    pub fn english() -> Test {
        Test::empty().shop_toml(&shop_toml_en())
    }

    /// A temporary folder with nothing in it (no shop.toml).
    pub fn empty() -> Test {
        let dir = tempfile::Builder::new()
            .prefix("langgan-test-")
            .tempdir()
            .expect("create temp dir");
        let shop = dir.path().join("shop");
        std::fs::create_dir(&shop).expect("create shop folder");
        Test {
            dir,
            shop,
            args: Vec::new(),
            shop_flag: true,
            cwd: PathBuf::new(),
            env: Vec::new(),
        }
    }

    /// A copy of the shop at `from` (without its site and cache), so runs
    /// write their cache and site into the copy, never into `from`.
    pub fn copy_of(from: &Path) -> Test {
        let t = Test::empty();
        copy_dir(from, &t.shop);
        t
    }

    /// A copy of the repository's example shop (see `copy_of`).
    pub fn example_shop() -> Test {
        Test::copy_of(&example_shop_dir())
    }

    /// The shop folder.
    pub fn path(&self) -> &Path {
        &self.shop
    }

    /// `name` in the temp folder beside the shop (a site built elsewhere than
    /// `public/`, a second shop): removed with the test, outside the shop.
    pub fn beside(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Replaces shop.toml.
    pub fn shop_toml(self, text: &str) -> Test {
        self.file("shop.toml", text)
    }

    /// Writes a file (text or bytes) relative to the shop, creating folders.
    pub fn file(self, rel: &str, contents: impl AsRef<[u8]>) -> Test {
        let path = self.shop.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folders");
        }
        std::fs::write(&path, contents).expect("write file");
        self
    }

    /// Creates a folder relative to the shop.
    pub fn dir(self, rel: &str) -> Test {
        std::fs::create_dir_all(self.shop.join(rel)).expect("create folder");
        self
    }

    /// Creates a symbolic link at `rel` (relative to the shop) pointing at `target`
    /// (used as given: relative targets are relative to the link's folder).
    pub fn symlink(self, target: impl AsRef<Path>, rel: &str) -> Test {
        let link = self.shop.join(rel);
        if let Some(parent) = link.parent() {
            std::fs::create_dir_all(parent).expect("create folders");
        }
        std::os::unix::fs::symlink(target, &link).expect("create symlink");
        self
    }

    /// Arguments after `--shop <dir>`.
    pub fn args(mut self, args: &[&str]) -> Test {
        self.args.extend(args.iter().map(OsString::from));
        self
    }

    /// Runs without `--shop` (the shop is then found from the working directory).
    pub fn no_shop_flag(mut self) -> Test {
        self.shop_flag = false;
        self
    }

    /// Working directory of the run, relative to the shop folder (default: the shop folder).
    pub fn current_dir(mut self, rel: &str) -> Test {
        self.cwd = PathBuf::from(rel);
        self
    }

    /// Sets an environment variable for the runs (only theirs: tests share a process).
    pub fn env(mut self, key: &str, value: &str) -> Test {
        self.env.push((key.into(), value.into()));
        self
    }

    /// Runs with these arguments instead of the builder's (the shop stays).
    pub fn run_args(&self, args: &[&str]) -> Output {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        self.exec(&args)
    }

    /// Runs `langgan [--shop DIR] ARGS…` with LANGGAN_NOW removed.
    pub fn run(&self) -> Output {
        self.exec(&self.args)
    }

    fn exec(&self, args: &[OsString]) -> Output {
        let mut cmd = command();
        if self.shop_flag {
            cmd.arg("--shop").arg(&self.shop);
        }
        cmd.args(args)
            .current_dir(self.shop.join(&self.cwd))
            .envs(self.env.iter().map(|(k, v)| (k, v)));
        let mut root = self.shop.display().to_string();
        root.push('/');
        exec(cmd, args, root)
    }
}

/// Runs `cmd` (its stdin empty, its output read as it comes), killing it
/// after `TIMEOUT`. `root` is the shop folder as printed in paths, or empty.
fn exec(mut cmd: Command, args: &[OsString], root: String) -> Output {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = cmd.spawn().expect("spawn langgan");
    let reader = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = pipe.read_to_end(&mut buf);
            buf
        })
    };
    let out = reader(Box::new(child.stdout.take().expect("stdout")));
    let err = reader(Box::new(child.stderr.take().expect("stderr")));
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for langgan") {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("langgan {args:?} did not finish within {TIMEOUT:?} (hang)");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let elapsed = start.elapsed();
    let stdout = String::from_utf8_lossy(&out.join().expect("stdout reader")).into_owned();
    let stderr = String::from_utf8_lossy(&err.join().expect("stderr reader")).into_owned();
    Output {
        code: status.code().unwrap_or(-1),
        stdout,
        stderr,
        root,
        elapsed,
    }
}

/// What a run printed and how it ended.
#[derive(Debug)]
pub struct Output {
    /// Exit status; -1 when killed by a signal.
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    /// The shop folder as printed in paths (with a trailing `/`); empty when
    /// the run was not given one by the builder.
    pub root: String,
    pub elapsed: Duration,
}

impl Output {
    fn show(&self) -> String {
        format!(
            "exit code: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.code, self.stdout, self.stderr
        )
    }

    /// stderr with the shop folder prefix removed from paths.
    pub fn stderr_rel(&self) -> String {
        if self.root.is_empty() {
            return self.stderr.clone();
        }
        self.stderr.replace(&self.root, "")
    }

    /// Diagnostic lines (`…: error: …` / `…: warning: …`), shop prefix removed.
    pub fn diagnostics(&self) -> Vec<String> {
        self.stderr_rel()
            .lines()
            .filter(|l| l.contains(": error: ") || l.contains(": warning: "))
            .map(str::to_string)
            .collect()
    }

    #[track_caller]
    pub fn code(&self, code: i32) -> &Output {
        assert_eq!(self.code, code, "unexpected exit code\n{}", self.show());
        self
    }

    #[track_caller]
    pub fn no_panic(&self) -> &Output {
        assert!(
            !self.stderr.contains("panicked") && self.code != 101 && self.code != -1,
            "langgan panicked or crashed\n{}",
            self.show()
        );
        self
    }

    #[track_caller]
    pub fn within(&self, limit: Duration) -> &Output {
        assert!(
            self.elapsed <= limit,
            "took {:?} (limit {limit:?})\n{}",
            self.elapsed,
            self.show()
        );
        self
    }

    #[track_caller]
    pub fn stderr_has(&self, needle: &str) -> &Output {
        assert!(
            self.stderr_rel().contains(needle),
            "stderr lacks {needle:?}\n{}",
            self.show()
        );
        self
    }

    #[track_caller]
    pub fn stderr_lacks(&self, needle: &str) -> &Output {
        assert!(
            !self.stderr_rel().contains(needle),
            "stderr has {needle:?}\n{}",
            self.show()
        );
        self
    }

    #[track_caller]
    pub fn stdout_has(&self, needle: &str) -> &Output {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}\n{}",
            self.show()
        );
        self
    }

    /// No `error:` or `warning:` anywhere on stderr.
    #[track_caller]
    pub fn no_diagnostics(&self) -> &Output {
        assert!(
            !self.stderr.contains("error:") && !self.stderr.contains("warning:"),
            "expected no diagnostics\n{}",
            self.show()
        );
        self
    }

    /// Some diagnostic line starts with `prefix` (e.g. `customers/x.yaml:3:8: error:`,
    /// relative to the shop) and contains `fragment`.
    #[track_caller]
    pub fn diag(&self, prefix: &str, fragment: &str) -> &Output {
        assert!(
            self.diagnostics()
                .iter()
                .any(|l| l.starts_with(prefix) && l.contains(fragment)),
            "no diagnostic starting with {prefix:?} containing {fragment:?}\n{}",
            self.show()
        );
        self
    }

    /// Exactly one diagnostic, starting with `prefix` and containing `fragment`.
    #[track_caller]
    pub fn only_diag(&self, prefix: &str, fragment: &str) -> &Output {
        let diags = self.diagnostics();
        assert_eq!(diags.len(), 1, "expected one diagnostic\n{}", self.show());
        self.diag(prefix, fragment)
    }

    /// Exit 1 with exactly one error, at `prefix`, containing `fragment`.
    #[track_caller]
    pub fn error(&self, prefix: &str, fragment: &str) -> &Output {
        self.code(1).no_panic().only_diag(prefix, fragment)
    }

    /// stdout parsed as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON: {e}\n{}", self.show()))
    }
}

/// Runs `git ARGS…` in `dir` (with a test identity for commits) and returns
/// its output; fails the test when git does.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=t@example.com"])
        .args(args)
        .output()
        .expect("git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
