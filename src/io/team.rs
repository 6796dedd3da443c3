//! Working as a team on one shop in git: a pre-commit hook that runs `check`
//! on the staged files, and CI workflows that check, render (contacts masked)
//! and publish the site.

use crate::error::{Error, Result};
use crate::lang::cli::{self, TeamProblem};
use crate::shop::config::Lang;
use std::path::{Path, PathBuf};
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The repository's top folder and the shop's path inside it (`.` at the top).
pub fn repo_of(shop: &Path, lang: Lang) -> Result<(PathBuf, String)> {
    let top = git(shop, &["rev-parse", "--show-toplevel"])
        .ok_or_else(|| Error::usage(cli::team_problem(TeamProblem::NoRepo, shop, lang)))?;
    let top = PathBuf::from(top);
    let shop_abs = std::fs::canonicalize(shop).map_err(|e| Error::io(shop, &e))?;
    let top_abs = std::fs::canonicalize(&top).map_err(|e| Error::io(&top, &e))?;
    let rel = shop_abs
        .strip_prefix(&top_abs)
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    Ok((top_abs, if rel.is_empty() { ".".into() } else { rel }))
}

/// The pre-commit hook: checks the *staged* version of the shop, so what is
/// committed is what was checked.
pub fn hook_script(shop_rel: &str, exe: &str) -> String {
    format!(
        r#"#!/bin/sh
# Installed by `langgan init --hooks`: stops a commit whose records have errors.
# Skip once with `git commit --no-verify`.
set -u
if command -v langgan >/dev/null 2>&1; then LANGGAN=langgan; else LANGGAN='{exe}'; fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
# The staged files, exactly as they will be committed.
git checkout-index --all --prefix="$tmp/" || exit 1
cd "$tmp" || exit 1
if ! "$LANGGAN" --shop '{shop_rel}' check; then
  echo "langgan: commit stopped; fix the errors above, then stage and commit again" >&2
  exit 1
fi
"#
    )
}

pub fn install_hook(shop: &Path, lang: Lang) -> Result<PathBuf> {
    let (top, rel) = repo_of(shop, lang)?;
    let hooks = git(&top, &["rev-parse", "--git-path", "hooks"])
        .map(|p| top.join(p))
        .ok_or_else(|| Error::usage(cli::team_problem(TeamProblem::NoHooksFolder, &top, lang)))?;
    std::fs::create_dir_all(&hooks).map_err(|e| Error::io(&hooks, &e))?;
    let path = hooks.join("pre-commit");
    if let Ok(existing) = std::fs::read_to_string(&path) {
        if !existing.contains("langgan init --hooks") {
            return Err(Error::usage(cli::team_problem(
                TeamProblem::HookExists { shop_rel: &rel },
                &path,
                lang,
            )));
        }
    }
    let exe = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "langgan".into());
    crate::io::atomic::atomic_write(&path, hook_script(&rel, &exe).as_bytes())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
            .map_err(|e| Error::io(&path, &e))?;
    }
    Ok(path)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Ci {
    Github,
    Gitlab,
}

/// The release asset CI runners download (see .github/workflows/release.yml).
pub const RUNNER_TARGET: &str = "x86_64-unknown-linux-musl";

/// Where releases are published; a recipe's LANGGAN_REPO overrides it.
const REPO: &str = match option_env!("CARGO_PKG_REPOSITORY") {
    Some(r) if !r.is_empty() => r,
    _ => "https://github.com/langgan/langgan",
};

/// The repository as `owner/name`.
fn repo_slug() -> &'static str {
    REPO.trim_end_matches('/')
        .trim_end_matches(".git")
        .strip_prefix("https://github.com/")
        .unwrap_or(REPO)
}

/// How a CI runner gets langgan: the release binary of the version that
/// wrote the recipe, its SHA-256 checked against the release's SHA256SUMS;
/// when that release cannot be downloaded, built from the repository with
/// cargo. `BIN` is where the binary goes (on PATH).
fn install_script(bin: &str) -> String {
    format!(
        r#"set -eu
asset="langgan-${{LANGGAN_VERSION}}-{RUNNER_TARGET}"
base="https://github.com/${{LANGGAN_REPO}}/releases/download/v${{LANGGAN_VERSION}}"
mkdir -p "{bin}"
if curl -fsSLO "$base/$asset.tar.gz" && curl -fsSLO "$base/SHA256SUMS"; then
  grep " $asset.tar.gz\$" SHA256SUMS | sha256sum -c -
  tar xzf "$asset.tar.gz"
  install -m 755 "$asset/langgan" "{bin}/langgan"
else
  echo "no release v${{LANGGAN_VERSION}} to download; building langgan with cargo"
  cargo install --locked --root "{bin}/.." --git "https://github.com/${{LANGGAN_REPO}}" langgan
fi
"{bin}/langgan" --version"#
    )
}

/// `text` indented by `by` spaces on every line (a YAML block scalar).
fn indented(text: &str, by: usize) -> String {
    let pad = " ".repeat(by);
    text.lines()
        .map(|l| format!("{pad}{l}\n"))
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// The render step's command, as each recipe writes it: the masked site, or
/// (`encrypt`) the encrypted unmasked one. The output folder's own files
/// (`.langgan-*`: the manifest names every page and feed) are not published.
fn render(out: &str, encrypt: bool) -> String {
    let flag = if encrypt { "--encrypt" } else { "--mask" };
    format!("langgan --shop \"$SHOP\" report {flag} --out {out} && rm -f {out}/.langgan-*")
}

/// What the recipe publishes, for its first comment.
fn what(encrypt: bool) -> &'static str {
    if encrypt {
        "encrypted with the LANGGAN_SITE_PASSWORD secret, contacts shown"
    } else {
        "contacts masked"
    }
}

pub fn github_workflow(shop_rel: &str, encrypt: bool) -> String {
    let render = render("site", encrypt);
    let what = what(encrypt);
    let flag = if encrypt { " --encrypt" } else { "" };
    let install = indented(&install_script("$HOME/.local/bin"), 10);
    let version = env!("CARGO_PKG_VERSION");
    let repo = repo_slug();
    format!(
        r#"# Written by `langgan init --ci github{flag}`: check the records on every push
# and pull request; on main, render the report ({what}) and publish it
# on GitHub Pages (Settings → Pages → Source: GitHub Actions). Repository
# secrets (Settings → Secrets and variables → Actions): LANGGAN_SITE_SECRET,
# a long random text that makes the calendar feeds' names unguessable, and
# for an encrypted site LANGGAN_SITE_PASSWORD.
name: langgan
on:
  push:
  pull_request:
permissions:
  contents: read
  pages: write
  id-token: write
env:
  SHOP: "{shop_rel}"
  LANGGAN_VERSION: "{version}"
  LANGGAN_REPO: "{repo}"
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Install langgan
        run: |
{install}
      - run: echo "$HOME/.local/bin" >> "$GITHUB_PATH"
      - name: Check records
        run: langgan --shop "$SHOP" check
      - name: Render report
        run: {render}
        env:
          LANGGAN_SITE_SECRET: ${{{{ secrets.LANGGAN_SITE_SECRET }}}}
          LANGGAN_SITE_PASSWORD: ${{{{ secrets.LANGGAN_SITE_PASSWORD }}}}
      - uses: actions/upload-pages-artifact@v3
        if: github.ref == 'refs/heads/main'
        with:
          path: site
  publish:
    if: github.ref == 'refs/heads/main'
    needs: check
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{{{ steps.deploy.outputs.page_url }}}}
    steps:
      - id: deploy
        uses: actions/deploy-pages@v4
"#
    )
}

pub fn gitlab_ci(shop_rel: &str, encrypt: bool) -> String {
    let render = render("public", encrypt);
    let what = what(encrypt);
    let flag = if encrypt { " --encrypt" } else { "" };
    let install = indented(&install_script("/usr/local/bin"), 6);
    let version = env!("CARGO_PKG_VERSION");
    let repo = repo_slug();
    format!(
        r#"# Written by `langgan init --ci gitlab{flag}`: check the records on every push;
# on the default branch render the report ({what}) to GitLab Pages.
# CI/CD variables (Settings → CI/CD → Variables, masked): LANGGAN_SITE_SECRET,
# a long random text that makes the calendar feeds' names unguessable, and
# for an encrypted site LANGGAN_SITE_PASSWORD.
variables:
  SHOP: "{shop_rel}"
  LANGGAN_VERSION: "{version}"
  LANGGAN_REPO: "{repo}"
default:
  image: rust:latest
  before_script:
    - |
{install}
check:
  stage: test
  script:
    - langgan --shop "$SHOP" check
pages:
  stage: deploy
  script:
    - langgan --shop "$SHOP" check
    - {render}
  artifacts:
    paths:
      - public
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
"#
    )
}

/// Writes the CI file at the repository's top (or the shop's, outside git).
pub fn write_ci(shop: &Path, ci: Ci, encrypt: bool, lang: Lang) -> Result<PathBuf> {
    let (top, rel) = match repo_of(shop, lang) {
        Ok(x) => x,
        Err(_) => (shop.to_path_buf(), ".".to_string()),
    };
    let (path, text) = match ci {
        Ci::Github => (
            top.join(".github/workflows/langgan.yml"),
            github_workflow(&rel, encrypt),
        ),
        Ci::Gitlab => (top.join(".gitlab-ci.yml"), gitlab_ci(&rel, encrypt)),
    };
    if path.exists() {
        return Err(Error::usage(cli::team_problem(
            TeamProblem::CiExists,
            &path,
            lang,
        )));
    }
    crate::io::atomic::create_new(&path, text.as_bytes())?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflows_are_valid_yaml_with_the_steps() {
        let gh: serde_json::Value =
            serde_saphyr::from_str(&github_workflow("toko", false)).expect("github yaml");
        let steps = gh["jobs"]["check"]["steps"].as_array().expect("steps");
        let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
        assert!(runs.iter().any(|r| r.contains("check")));
        assert!(runs.iter().any(|r| r.contains("report --mask")));
        assert_eq!(gh["env"]["SHOP"], "toko");
        assert_eq!(
            gh["jobs"]["publish"]["steps"][0]["uses"],
            "actions/deploy-pages@v4"
        );
        let gl: serde_json::Value =
            serde_saphyr::from_str(&gitlab_ci(".", false)).expect("gitlab yaml");
        let script: Vec<&str> = gl["pages"]["script"]
            .as_array()
            .expect("script")
            .iter()
            .filter_map(|s| s.as_str())
            .collect();
        assert!(script
            .iter()
            .any(|s| s.contains("report --mask --out public")));
        assert_eq!(gl["pages"]["artifacts"]["paths"][0], "public");
    }

    #[test]
    fn encrypted_recipes_publish_with_the_password_secret() {
        let gh: serde_json::Value =
            serde_saphyr::from_str(&github_workflow("toko", true)).expect("github yaml");
        let steps = gh["jobs"]["check"]["steps"].as_array().expect("steps");
        let render = steps
            .iter()
            .find(|s| s["name"] == "Render report")
            .expect("render step");
        let run = render["run"].as_str().expect("run");
        assert!(run.contains("report --encrypt --out site"), "{run}");
        assert!(!run.contains("--mask"));
        assert!(run.contains("rm -f site/.langgan-*"));
        assert_eq!(
            render["env"]["LANGGAN_SITE_PASSWORD"],
            "${{ secrets.LANGGAN_SITE_PASSWORD }}"
        );
        let gl: serde_json::Value =
            serde_saphyr::from_str(&gitlab_ci(".", true)).expect("gitlab yaml");
        let script = gl["pages"]["script"].to_string();
        assert!(script.contains("report --encrypt --out public"), "{script}");
    }
}
