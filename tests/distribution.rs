//! What shipping needs: the version names its commit, the binary works away
//! from the source tree, and the CI recipes `init --ci` writes download an
//! asset the release workflow actually publishes. (The cross builds and the
//! Windows run under Wine are `.ci/cross`.)

use crate::support::{files, Test, NOW};
use std::path::Path;
use std::process::Command;

#[test]
fn version_names_the_version_and_commit() {
    let out = crate::support::langgan(["--version"]);
    out.code(0);
    let line = out.stdout.trim().to_string();
    assert!(
        line.starts_with(&format!("langgan {}", env!("CARGO_PKG_VERSION"))),
        "{line}"
    );
    // Built in a git checkout: the commit in brackets.
    if Path::new(env!("CARGO_MANIFEST_DIR")).join(".git").exists() {
        assert!(line.contains(" ("), "commit shown: {line}");
    }
}

/// Templates and message texts are compiled in: a copy of the binary in an
/// empty folder, run from there, renders the same site as the built one.
#[test]
fn binary_runs_away_from_the_source_tree() {
    let t = Test::example_shop();
    let away = t.beside("bin");
    std::fs::create_dir_all(&away).expect("mkdir");
    let exe = away.join(if cfg!(windows) {
        "langgan.exe"
    } else {
        "langgan"
    });
    std::fs::copy(env!("CARGO_BIN_EXE_langgan"), &exe).expect("copy binary");
    let here = t.beside("here");
    let there = t.beside("there");
    t.run_args(&["--now", NOW, "report", "--out", &here.display().to_string()])
        .code(0);
    let out = Command::new(&exe)
        .current_dir(&away)
        .arg("--shop")
        .arg(t.path())
        .args(["--now", NOW, "report", "--out"])
        .arg(&there)
        .env_remove("LANGGAN_NOW")
        .output()
        .expect("run the copy");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (a, b) = (files(&here), files(&there));
    assert!(a.len() > 20, "a whole site: {} files", a.len());
    assert!(a == b, "the copied binary renders the same site");
}

fn yaml(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).expect("read yaml");
    serde_saphyr::from_str(&text).expect("valid yaml")
}

/// The asset the recipes download is one the release workflow builds and
/// names, with the checksum file beside it.
#[test]
fn ci_recipes_download_a_published_asset() {
    let release =
        yaml(&Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows/release.yml"));
    let targets: Vec<(String, String)> = release["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_array()
        .expect("matrix")
        .iter()
        .map(|m| {
            (
                m["target"].as_str().unwrap_or_default().to_string(),
                m["archive"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    for want in [
        "x86_64-pc-windows-msvc",
        "aarch64-apple-darwin",
        "x86_64-apple-darwin",
        "x86_64-unknown-linux-musl",
    ] {
        assert!(
            targets.iter().any(|(t, _)| t == want),
            "release builds {want}"
        );
    }
    let release_text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows/release.yml"),
    )
    .expect("read");
    assert!(release_text.contains(r#"name="langgan-${version}-${{ matrix.target }}""#));
    assert!(release_text.contains("SHA256SUMS"));

    for ci in ["github", "gitlab"] {
        let t = Test::new();
        t.run_args(&["init", "--ci", ci]).code(0);
        let path = if ci == "github" {
            t.path().join(".github/workflows/langgan.yml")
        } else {
            t.path().join(".gitlab-ci.yml")
        };
        let recipe = yaml(&path);
        let text = std::fs::read_to_string(&path).expect("read recipe");
        let vars = if ci == "github" {
            &recipe["env"]
        } else {
            &recipe["variables"]
        };
        assert_eq!(
            vars["LANGGAN_VERSION"],
            env!("CARGO_PKG_VERSION"),
            "{ci}: pinned"
        );
        let (target, archive) = targets
            .iter()
            .find(|(t, _)| text.contains(&format!("langgan-${{LANGGAN_VERSION}}-{t}")))
            .unwrap_or_else(|| panic!("{ci}: downloads no asset the release builds"));
        assert!(
            text.contains(&format!("$asset.{archive}")),
            "{ci}: {target} as .{archive}"
        );
        assert!(text.contains("sha256sum -c"), "{ci}: checksum verified");
        assert!(
            text.contains("cargo install --locked"),
            "{ci}: falls back to cargo"
        );
        assert!(
            !text.contains("cargo install langgan"),
            "{ci}: no unpublished crate"
        );
    }
}
