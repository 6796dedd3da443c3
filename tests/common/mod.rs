//! A small test builder in the style of casey/just's tests: a temporary shop
//! folder with a minimal valid shop.toml, files written into it, and the real
//! `langgan` binary run against it.
//!
//! ```ignore
//! Test::new()
//!     .file("customers/x.yaml", "name: Siti\nfirst_contact: 2026-11-02\n")
//!     .args(&["check"])
//!     .run()
//!     .code(0)
//!     .no_diagnostics();
//! ```

#![allow(dead_code)]

use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

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

/// A run is killed and the test fails after this long (a hang is a bug).
pub const TIMEOUT: Duration = Duration::from_secs(15);

pub struct Test {
    dir: TempDir,
    args: Vec<OsString>,
    shop_flag: bool,
    cwd: PathBuf,
    timeout: Duration,
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

    /// A temporary folder with nothing in it (no shop.toml).
    pub fn empty() -> Test {
        let dir = tempfile::Builder::new()
            .prefix("langgan-test-")
            .tempdir()
            .expect("create temp dir");
        Test {
            dir,
            args: Vec::new(),
            shop_flag: true,
            cwd: PathBuf::new(),
            timeout: TIMEOUT,
        }
    }

    /// The shop folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Replaces shop.toml.
    pub fn shop_toml(self, text: &str) -> Test {
        self.file("shop.toml", text)
    }

    /// Writes a file (text or bytes) relative to the shop, creating folders.
    pub fn file(self, rel: &str, contents: impl AsRef<[u8]>) -> Test {
        let path = self.dir.path().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folders");
        }
        std::fs::write(&path, contents).expect("write file");
        self
    }

    /// Creates a folder relative to the shop.
    pub fn dir(self, rel: &str) -> Test {
        std::fs::create_dir_all(self.dir.path().join(rel)).expect("create folder");
        self
    }

    /// Creates a symbolic link at `rel` (relative to the shop) pointing at `target`
    /// (used as given: relative targets are relative to the link's folder).
    pub fn symlink(self, target: impl AsRef<Path>, rel: &str) -> Test {
        let link = self.dir.path().join(rel);
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

    pub fn timeout(mut self, timeout: Duration) -> Test {
        self.timeout = timeout;
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
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_langgan"));
        if self.shop_flag {
            cmd.arg("--shop").arg(self.dir.path());
        }
        cmd.args(args)
            .current_dir(self.dir.path().join(&self.cwd))
            .env_remove("LANGGAN_NOW")
            .env("RUST_BACKTRACE", "0")
            .stdin(Stdio::null())
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
            if start.elapsed() > self.timeout {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "langgan {:?} did not finish within {:?} (hang)",
                    args, self.timeout
                );
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        let elapsed = start.elapsed();
        let stdout = String::from_utf8_lossy(&out.join().expect("stdout reader")).into_owned();
        let stderr = String::from_utf8_lossy(&err.join().expect("stderr reader")).into_owned();
        let mut root = self.dir.path().display().to_string();
        root.push('/');
        Output {
            code: status.code().unwrap_or(-1),
            stdout,
            stderr,
            root,
            elapsed,
        }
    }
}

/// What a run printed and how it ended.
#[derive(Debug)]
pub struct Output {
    /// Exit status; -1 when killed by a signal.
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    /// The shop folder as printed in paths (with a trailing `/`).
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
