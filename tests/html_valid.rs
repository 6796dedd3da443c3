//! Every page of the example shop's site passes the Nu Html Checker (vnu).
//! `.ci/run` installs it (npm `vnu-jar`) and sets VNU_JAR; without it the test
//! is skipped locally and fails on CI.

use std::path::{Path, PathBuf};
use std::process::Command;

fn vnu_jar() -> Option<PathBuf> {
    std::env::var_os("VNU_JAR")
        .map(PathBuf::from)
        .filter(|p| p.is_file())
}

fn build(dir: &Path, extra_toml: Option<&str>) {
    let shop = Path::new(env!("CARGO_MANIFEST_DIR")).join("example-shop");
    let shop = match extra_toml {
        None => shop,
        Some(replace) => {
            // A copy of the example shop with changed settings.
            let copy = dir.join("shop");
            let status = Command::new("cp")
                .arg("-r")
                .arg(&shop)
                .arg(&copy)
                .status()
                .expect("cp");
            assert!(status.success());
            let _ = std::fs::remove_dir_all(copy.join("public"));
            let toml = std::fs::read_to_string(copy.join("shop.toml")).expect("toml");
            let (from, to) = replace.split_once("=>").expect("from=>to");
            std::fs::write(copy.join("shop.toml"), toml.replace(from, to)).expect("write toml");
            copy
        }
    };
    let o = Command::new(env!("CARGO_BIN_EXE_langgan"))
        .arg("--shop")
        .arg(&shop)
        .args(["--no-cache", "--now", "2026-11-20 15:00", "report", "--out"])
        .arg(dir.join("site"))
        .env_remove("LANGGAN_NOW")
        .output()
        .expect("report");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn every_page_is_valid_html() {
    let Some(jar) = vnu_jar() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "VNU_JAR must point at vnu.jar on CI"
        );
        eprintln!("skipping: set VNU_JAR to the Nu Html Checker's vnu.jar");
        return;
    };
    for variant in [
        None,
        Some("language = \"id\"=>language = \"en\""),
        Some("mask_contacts = true=>mask_contacts = false"),
    ] {
        let tmp = tempfile::tempdir().expect("tmp");
        build(tmp.path(), variant);
        let o = Command::new("java")
            .arg("-jar")
            .arg(&jar)
            .args(["--errors-only", "--skip-non-html"])
            .arg(tmp.path().join("site"))
            .output()
            .expect("run java -jar vnu.jar");
        let report = String::from_utf8_lossy(&o.stderr);
        assert!(
            o.status.success() && !report.contains("error:"),
            "invalid HTML ({variant:?}):\n{}",
            report.lines().take(30).collect::<Vec<_>>().join("\n")
        );
    }
}
