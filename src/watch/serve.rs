//! `watch --serve`: a small loopback web server for the output folder that
//! reloads open pages after each rebuild (like `zola serve`). Only files inside
//! the output folder are served; `..` and absolute paths are refused.

use crate::error::{Error, Result};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

pub const VERSION_PATH: &str = "/__langgan/version";

/// Polls the rebuild counter and reloads the page when it changes.
const RELOAD_SCRIPT: &str = r#"<script>
(function () {
  var seen = null;
  function tick() {
    fetch('/__langgan/version', { cache: 'no-store' }).then(function (r) { return r.text(); })
      .then(function (v) { if (seen !== null && v !== seen) { location.reload(); } seen = v; })
      .catch(function () {}).finally(function () { setTimeout(tick, 700); });
  }
  tick();
})();
</script>"#;

/// Starts the server on a thread; returns the URL to open.
pub fn start(addr: &str, out: PathBuf, version: Arc<AtomicU64>) -> Result<String> {
    let server = tiny_http::Server::http(addr)
        .map_err(|e| Error::usage(format!("--serve {addr}: cannot listen: {e}")))?;
    let url = match server.server_addr().to_ip() {
        Some(a) => format!("http://{a}/"),
        None => format!("http://{addr}/"),
    };
    std::thread::Builder::new()
        .name("langgan-serve".into())
        .spawn(move || {
            for request in server.incoming_requests() {
                let response = respond(&out, request.url(), &version);
                let _ = request.respond(response);
            }
        })
        .map_err(|e| Error::usage(format!("cannot start the web server: {e}")))?;
    Ok(url)
}

type Resp = tiny_http::Response<std::io::Cursor<Vec<u8>>>;

fn header(name: &str, value: &str) -> Option<tiny_http::Header> {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

fn with_type(r: Resp, content_type: &str) -> Resp {
    match header("Content-Type", content_type) {
        Some(h) => r.with_header(h),
        None => r,
    }
}

fn status(code: u16, text: &str) -> Resp {
    with_type(
        tiny_http::Response::from_data(text.as_bytes().to_vec()).with_status_code(code),
        "text/plain; charset=utf-8",
    )
}

/// Maps a request path to a file under `out`, or refuses it.
pub fn resolve(out: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path)?;
    let rel = Path::new(decoded.trim_start_matches('/'));
    if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    let mut file = out.join(rel);
    if decoded.ends_with('/') || decoded.is_empty() || file.is_dir() {
        file = file.join("index.html");
    }
    Some(file)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let s = String::from_utf8(out).ok()?;
    (!s.contains('\0') && !s.contains('\\')).then_some(s)
}

fn respond(out: &Path, url: &str, version: &AtomicU64) -> Resp {
    if url.split('?').next() == Some(VERSION_PATH) {
        return status(200, &version.load(Ordering::SeqCst).to_string());
    }
    let Some(file) = resolve(out, url) else {
        return status(403, "forbidden");
    };
    let Ok(bytes) = std::fs::read(&file) else {
        return status(404, "not found");
    };
    let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
    let content_type = match ext {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "json" => "application/json",
        _ => "application/octet-stream",
    };
    let body = if ext == "html" {
        let text = String::from_utf8_lossy(&bytes);
        match text.rfind("</body>") {
            Some(i) => format!("{}{RELOAD_SCRIPT}{}", &text[..i], &text[i..]).into_bytes(),
            None => bytes,
        }
    } else {
        bytes
    };
    with_type(tiny_http::Response::from_data(body), content_type)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_site() {
        let out = Path::new("/site");
        assert_eq!(
            resolve(out, "/weeks/2026-W47.html"),
            Some(PathBuf::from("/site/weeks/2026-W47.html"))
        );
        assert_eq!(
            resolve(out, "/index.html?x=1"),
            Some(PathBuf::from("/site/index.html"))
        );
        assert_eq!(resolve(out, "/"), Some(PathBuf::from("/site/index.html")));
        assert_eq!(resolve(out, "/../etc/passwd"), None);
        assert_eq!(resolve(out, "/%2e%2e/etc/passwd"), None);
        assert_eq!(resolve(out, "/a/%2E%2E/%2E%2E/x"), None);
        assert_eq!(resolve(out, "/..%5c..%5cx"), None);
        assert_eq!(resolve(out, "/%00"), None);
        assert_eq!(
            resolve(out, "//etc/passwd"),
            Some(PathBuf::from("/site/etc/passwd"))
        );
    }
}
