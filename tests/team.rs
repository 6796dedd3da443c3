//! A team on one git repository: the pre-commit hook, CI files and merge
//! conflict markers.

use crate::support::{self, Test};
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "Dewi")
        .env("GIT_AUTHOR_EMAIL", "dewi@example.com")
        .env("GIT_COMMITTER_NAME", "Dewi")
        .env("GIT_COMMITTER_EMAIL", "dewi@example.com")
        // The hook finds this langgan when none is on PATH.
        .env(
            "PATH",
            format!(
                "{}:{}",
                Path::new(env!("CARGO_BIN_EXE_langgan"))
                    .parent()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .output()
        .expect("git")
}

#[test]
fn pre_commit_hook_blocks_broken_records_and_lets_clean_ones_through() {
    let repo = tempfile::tempdir().expect("tmp");
    let root = repo.path();
    assert!(git(root, &["init", "-q"]).status.success());
    let shop = root.join("toko");
    let o = Command::new(env!("CARGO_BIN_EXE_langgan"))
        .args(["init", "--hooks"])
        .arg(&shop)
        .output()
        .expect("init");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(root.join(".git/hooks/pre-commit").is_file());

    std::fs::write(
        shop.join("customers/siti.yaml"),
        "name: Siti\nfirst_contact: 2026-11-02\n",
    )
    .expect("write");
    git(root, &["add", "-A"]);
    let ok = git(root, &["commit", "-q", "-m", "pelanggan baru"]);
    assert!(
        ok.status.success(),
        "clean commit refused: {}",
        String::from_utf8_lossy(&ok.stderr)
    );

    std::fs::write(
        shop.join("customers/budi.yaml"),
        "name: Budi\nfirst_contact: kemarin\n",
    )
    .expect("write");
    git(root, &["add", "-A"]);
    let bad = git(root, &["commit", "-q", "-m", "rusak"]);
    assert!(!bad.status.success(), "a broken record was committed");
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("toko/customers/budi.yaml:2:16: error:"),
        "{err}"
    );

    // The staged version is what counts: fixing the file without staging still fails.
    std::fs::write(
        shop.join("customers/budi.yaml"),
        "name: Budi\nfirst_contact: 2026-11-03\n",
    )
    .expect("fix");
    assert!(!git(root, &["commit", "-q", "-m", "belum di-stage"])
        .status
        .success());
    git(root, &["add", "-A"]);
    assert!(git(root, &["commit", "-q", "-m", "diperbaiki"])
        .status
        .success());
}

#[test]
fn init_ci_writes_workflows() {
    let repo = tempfile::tempdir().expect("tmp");
    let root = repo.path();
    git(root, &["init", "-q"]);
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_langgan"))
            .args(args)
            .arg(root)
            .output()
            .expect("init")
    };
    assert!(run(&["init", "--ci", "github"]).status.success());
    let gh = std::fs::read_to_string(root.join(".github/workflows/langgan.yml")).expect("workflow");
    assert!(gh.contains("report --mask") && gh.contains("deploy-pages"));
    assert!(run(&["init", "--ci", "gitlab"]).status.success());
    let gl = std::fs::read_to_string(root.join(".gitlab-ci.yml")).expect("gitlab");
    assert!(gl.contains("pages:") && gl.contains("--out public"));
    // Never overwritten.
    assert_eq!(run(&["init", "--ci", "github"]).status.code(), Some(2));
}

#[test]
fn conflict_markers_are_errors_at_their_lines() {
    Test::new()
        .file(
            "customers/siti.yaml",
            "name: Siti\nfirst_contact: 2026-11-02\n<<<<<<< HEAD\nnote: Minta diskon\n=======\nnote: Sudah bayar\n>>>>>>> rudi\n",
        )
        .args(&["check"])
        .run()
        .code(1)
        .diag("customers/siti.yaml:3:1: error:", "<<<<<<<")
        .diag("customers/siti.yaml:5:1: error:", "=======")
        .diag("customers/siti.yaml:7:1: error:", ">>>>>>>");
}

#[test]
fn report_mask_overrides_the_shop_setting() {
    let toml = format!("{}\n[report]\nmask_contacts = false\n", support::SHOP_TOML);
    let t = Test::new().shop_toml(&toml).file(
        "customers/andi.yaml",
        "name: Andi\nphone: \"0812-3456-7890\"\nfirst_contact: 2026-11-18\n",
    );
    t.run_args(&["--now", "2026-11-20 15:00", "report", "--mask"])
        .code(0);
    let html = std::fs::read_to_string(t.path().join("public/customers/andi.html")).expect("page");
    assert!(html.contains("+62 812-****-7890"));
    assert!(!html.contains("wa.me"));
}
