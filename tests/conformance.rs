//! Runs every case of ../shared/conformance against the real binary, compared
//! as the conformance README says: extra keys allowed, times as instants,
//! numbers within 1e-9, `due` arrays ordered by (due, customer) with ties free.
//! Each case's shop is copied first: the cases run on the copy, cache and all,
//! and nothing is written into ../shared.

use crate::support::Test;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn conformance_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance");
    dir.is_dir().then_some(dir)
}

fn instant(s: &str) -> Option<jiff::Timestamp> {
    if s.len() >= 20 && s.as_bytes().get(10) == Some(&b'T') {
        s.parse().ok()
    } else {
        None
    }
}

fn equal(expect: &Value, actual: &Value, path: &str, exact_keys: bool) -> Result<(), String> {
    match (expect, actual) {
        (Value::Object(e), Value::Object(a)) => {
            if exact_keys && e.len() != a.len() {
                return Err(format!("{path}: expected map {expect}, got {actual}"));
            }
            for (k, ev) in e {
                let av = a.get(k).ok_or_else(|| format!("{path}.{k}: missing"))?;
                let exact = matches!(k.as_str(), "leads_by_source" | "closing_rate_by_admin");
                equal(ev, av, &format!("{path}.{k}"), exact)?;
            }
            Ok(())
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                return Err(format!(
                    "{path}: expected {} items, got {}: {actual}",
                    e.len(),
                    a.len()
                ));
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                equal(ev, av, &format!("{path}[{i}]"), false)?;
            }
            Ok(())
        }
        (Value::Number(e), Value::Number(a)) => {
            let (e, a) = (
                e.as_f64().unwrap_or(f64::NAN),
                a.as_f64().unwrap_or(f64::NAN),
            );
            if (e - a).abs() <= 1e-9 {
                Ok(())
            } else {
                Err(format!("{path}: expected {e}, got {a}"))
            }
        }
        (Value::String(e), Value::String(a)) => match (instant(e), instant(a)) {
            (Some(x), Some(y)) if x == y => Ok(()),
            _ if e == a => Ok(()),
            _ => Err(format!("{path}: expected {e:?}, got {a:?}")),
        },
        _ if expect == actual => Ok(()),
        _ => Err(format!("{path}: expected {expect}, got {actual}")),
    }
}

/// `due` arrays: the same tasks in any order within (due, customer) ties, and
/// the output itself sorted by (due, customer).
fn equal_due(expect: &[Value], actual: &[Value]) -> Result<(), String> {
    if expect.len() != actual.len() {
        return Err(format!(
            "expected {} tasks, got {}:\n{}",
            expect.len(),
            actual.len(),
            serde_json::to_string_pretty(actual).unwrap_or_default()
        ));
    }
    let key = |v: &Value| {
        let due = v["due"].as_str().and_then(instant);
        (due, v["customer"].as_str().map(String::from))
    };
    for pair in actual.windows(2) {
        if key(&pair[0]) > key(&pair[1]) {
            return Err(format!(
                "tasks out of order: {} before {}",
                pair[0], pair[1]
            ));
        }
    }
    let mut unused: Vec<&Value> = actual.iter().collect();
    for (i, e) in expect.iter().enumerate() {
        let pos = unused
            .iter()
            .position(|a| equal(e, a, "", false).is_ok())
            .ok_or_else(|| {
                format!(
                    "expected task [{i}] not found: {e}\nactual:\n{}",
                    serde_json::to_string_pretty(actual).unwrap_or_default()
                )
            })?;
        unused.remove(pos);
    }
    Ok(())
}

#[test]
fn conformance_cases() {
    let Some(dir) = conformance_dir() else {
        crate::support::skip_without("../shared/conformance beside the checkout");
        return;
    };
    let mut folders: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("read conformance dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("cases.json").is_file())
        .collect();
    folders.sort();
    assert!(!folders.is_empty(), "no conformance cases found");
    let mut failures = Vec::new();
    let mut count = 0;
    for folder in folders {
        let text = std::fs::read_to_string(folder.join("cases.json")).expect("read cases");
        let cases: Vec<Value> = serde_json::from_str(&text).expect("parse cases");
        let shop = Test::copy_of(&folder.join("shop"));
        for (i, case) in cases.iter().enumerate() {
            count += 1;
            let args: Vec<&str> = case["args"]
                .as_array()
                .expect("args")
                .iter()
                .map(|a| a.as_str().expect("arg"))
                .collect();
            let output = shop.run_args(&args);
            let name = format!(
                "{} #{i}: langgan {}",
                folder.file_name().unwrap_or_default().to_string_lossy(),
                args.join(" ")
            );
            if output.code != 0 {
                failures.push(format!("{name}: exit {}\n{}", output.code, output.stderr));
                continue;
            }
            let actual: Value = match serde_json::from_str(&output.stdout) {
                Ok(v) => v,
                Err(e) => {
                    failures.push(format!("{name}: stdout is not JSON: {e}"));
                    continue;
                }
            };
            let result = if args.contains(&"due") {
                match (case["expect"].as_array(), actual.as_array()) {
                    (Some(e), Some(a)) => equal_due(e, a),
                    _ => Err("due output is not an array".into()),
                }
            } else {
                equal(&case["expect"], &actual, "", false)
            };
            if let Err(msg) = result {
                failures.push(format!("{name}: {msg}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} conformance cases failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
