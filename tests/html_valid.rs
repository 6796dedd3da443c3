//! Every page of the example shop's site (Indonesian, English, unmasked,
//! encrypted) and of a hostile shop's passes the Nu Html Checker (vnu).
//! `.ci/run` installs it (npm `vnu-jar`) and sets VNU_JAR; without it the test
//! is skipped locally and fails on CI.

use crate::support::{self, Test, NOW};
use std::path::PathBuf;
use std::process::Command;

fn vnu_jar() -> Option<PathBuf> {
    std::env::var_os("VNU_JAR")
        .map(PathBuf::from)
        .filter(|p| p.is_file())
}

/// The example shop's site (with `extra_toml`, `from=>to`, applied to a
/// copy's shop.toml) built beside the copy, in `site`.
fn build(extra_toml: Option<&str>) -> Test {
    let shop = Test::example_shop();
    if let Some(replace) = extra_toml {
        let path = shop.path().join("shop.toml");
        let toml = std::fs::read_to_string(&path).expect("toml");
        let (from, to) = replace.split_once("=>").expect("from=>to");
        std::fs::write(&path, toml.replace(from, to)).expect("write toml");
    }
    let site = shop.beside("site").display().to_string();
    shop.run_args(&["--no-cache", "--now", NOW, "report", "--out", &site])
        .code(0);
    shop
}

#[test]
fn every_page_is_valid_html() {
    let Some(jar) = vnu_jar() else {
        support::skip_without("VNU_JAR pointing at the Nu Html Checker's vnu.jar");
        return;
    };
    let variants = [
        None,
        Some("language = \"id\"=>language = \"en\""),
        Some("mask_contacts = true=>mask_contacts = false"),
    ];
    let shops: Vec<Test> = variants.iter().map(|v| build(*v)).collect();
    // A shop whose records hold 300-character words, long links, 5,000-character
    // notes and `<script>` in every field.
    let hostile = support::hostile_shop();
    let hostile_site = hostile.beside("site").display().to_string();
    hostile
        .run_args(&["--no-cache", "--now", NOW, "report", "--out", &hostile_site])
        .code(0);
    // The encrypted site's password pages too.
    let (_encrypted, encrypted_site) = support::encrypted_example_site();
    // One checker run over every variant's site: starting the JVM is most of
    // a run's time.
    let o = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--skip-non-html"])
        .args(shops.iter().map(|shop| shop.beside("site")))
        .arg(&encrypted_site)
        .arg(hostile.beside("site"))
        .output()
        .expect("run java -jar vnu.jar");
    let report = String::from_utf8_lossy(&o.stderr);
    let sites: Vec<String> = variants
        .iter()
        .zip(&shops)
        .map(|(variant, shop)| format!("{variant:?} in {}", shop.beside("site").display()))
        .collect();
    assert!(
        o.status.success() && !report.contains("error:"),
        "invalid HTML ({}):\n{}",
        sites.join("; "),
        report.lines().take(30).collect::<Vec<_>>().join("\n")
    );
}
