//! `watch --serve`: a small web server for the output folder that reloads open
//! pages after each rebuild (like `zola serve`).
//!
//! It is a preview for the shop's own computer, so it is built to stay small
//! and shut whatever a hostile client (or a web page in the same browser)
//! tries: only files whose real path is inside the real output folder are
//! served (`..`, absolute paths and symlinks out are refused); request lines and
//! header blocks are bounded; at most [`MAX_CONNECTIONS`] are served at once,
//! each with deadlines; and a request must name this server in `Host`, which
//! stops DNS rebinding. HTTP/1.1, GET and HEAD only, one request per connection.

use crate::error::{Error, Result};
use crate::lang::site::{ServeWords, WatchWords};
use crate::shop::config::{Config, Lang};
use std::collections::VecDeque;
use std::io::{ErrorKind, Read, Write};
use std::net::{IpAddr, Shutdown, SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub const VERSION_PATH: &str = "/__langgan/version";

/// Longest request line (method, path, version) read.
const MAX_REQUEST_LINE: usize = 8 << 10;
/// Longest header block, request line included.
const MAX_HEAD: usize = 64 << 10;
/// Connections served at once, each on its own thread; beyond this the
/// accepting thread answers 503 itself, so threads and memory stay bounded.
pub const MAX_CONNECTIONS: usize = 64;
/// Time a client has to send its whole request head (drops slow-loris and
/// idle connections).
const HEAD_DEADLINE: Duration = Duration::from_secs(10);
/// Time to send an answer to a client that reads slowly.
const WRITE_DEADLINE: Duration = Duration::from_secs(30);
/// After answering, how long what the client still sends is read and dropped
/// (closing with unread input resets the connection, and the client may then
/// lose the answer, e.g. the 431 after a huge header).
const LINGER: Duration = Duration::from_secs(2);
/// Refused connections kept open (answered, write side shut) until they are
/// a second old, for the same reason; the oldest is closed beyond this.
const MAX_PARKED: usize = 64;
const PARK: Duration = Duration::from_secs(1);
/// Connection threads do little: read a head, read a file, write it.
const STACK: usize = 256 << 10;

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

/// Where to listen, checked before the first build so a refusal is quick.
#[derive(Debug)]
pub struct Plan {
    given: String,
    addrs: Vec<SocketAddr>,
    public: bool,
    lang: Lang,
}

impl Plan {
    /// Does the address reach beyond this computer?
    fn network(&self) -> bool {
        self.addrs.iter().any(|a| !a.ip().is_loopback())
    }
}

/// Checks `--serve ADDR [--public]` against the shop's settings.
/// `encrypted`: the pages are written encrypted (`--encrypt`), so they may
/// be served to the network with contacts unmasked.
pub fn plan(addr: &str, public: bool, config: &Config, encrypted: bool) -> Result<Plan> {
    let lang = config.language;
    let words = WatchWords::of(lang);
    let unknown = |e: String| {
        let what = words.unknown_address;
        Error::usage(format!("--serve {addr}: {what}{e}"))
    };
    let addrs: Vec<SocketAddr> = addr
        .to_socket_addrs()
        .map_err(|e| unknown(format!(": {e}")))?
        .collect();
    if addrs.is_empty() {
        return Err(unknown(String::new()));
    }
    let plan = Plan {
        given: addr.to_string(),
        addrs,
        public,
        lang,
    };
    if plan.network() && !public {
        return Err(Error::usage(format!(
            "--serve {addr}: {}",
            words.not_loopback
        )));
    }
    if public && !config.mask_contacts && !encrypted {
        return Err(Error::usage(words.public_unmasked));
    }
    Ok(plan)
}

/// What each connection needs.
struct Ctx {
    out: PathBuf,
    version: Arc<AtomicU64>,
    /// The host name given to `--serve` (with `--public`), accepted in `Host`.
    given_host: Option<String>,
    /// The shop's language, for what the browser shows when it gets no page.
    lang: Lang,
}

/// Starts the server on a thread; returns the URL to open.
pub fn start(plan: &Plan, out: PathBuf, version: Arc<AtomicU64>) -> Result<String> {
    let lang = plan.lang;
    let listener = TcpListener::bind(&plan.addrs[..]).map_err(|e| {
        Error::usage(format!(
            "--serve {}: {} {e}",
            plan.given,
            WatchWords::of(lang).cannot_listen
        ))
    })?;
    let url = match listener.local_addr() {
        Ok(a) => format!("http://{a}/"),
        Err(_) => format!("http://{}/", plan.given),
    };
    if plan.network() {
        eprintln!("langgan: {}", crate::lang::site::public_warning(lang, &url));
    }
    // An IP given is already the listen address (and 0.0.0.0 names no host):
    // only a host name given with --public is accepted beyond it.
    let given_host = if plan.public {
        split_host(&plan.given)
            .map(|(name, _)| name)
            .filter(|name| name.parse::<IpAddr>().is_err())
    } else {
        None
    };
    let ctx = Arc::new(Ctx {
        out,
        version,
        given_host,
        lang,
    });
    std::thread::Builder::new()
        .name("langgan-serve".into())
        .spawn(move || accept_loop(listener, ctx))
        .map_err(|e| Error::usage(format!("{} {e}", WatchWords::of(lang).cannot_serve)))?;
    Ok(url)
}

/// Frees a connection's slot when its thread ends, however it ends.
struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

fn accept_loop(listener: TcpListener, ctx: Arc<Ctx>) {
    let active = Arc::new(AtomicUsize::new(0));
    let mut parked: VecDeque<(TcpStream, Instant)> = VecDeque::new();
    for conn in listener.incoming() {
        let stream = match conn {
            Ok(s) => s,
            Err(_) => {
                // Out of file descriptors and the like: wait rather than spin.
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
        };
        while parked.front().is_some_and(|(_, at)| at.elapsed() >= PARK) {
            if let Some((s, _)) = parked.pop_front() {
                close_parked(s);
            }
        }
        // Only this thread adds to `active`, so the check cannot be overtaken.
        if active.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
            refuse(stream, &mut parked, ctx.lang);
            continue;
        }
        active.fetch_add(1, Ordering::SeqCst);
        let slot = Slot(active.clone());
        let ctx = ctx.clone();
        // Should the spawn fail, the closure is dropped: the slot is freed
        // and the connection closed.
        let _ = std::thread::Builder::new()
            .name("langgan-conn".into())
            .stack_size(STACK)
            .spawn(move || {
                let _slot = slot;
                connection(stream, &ctx);
            });
    }
}

/// Answers 503 from the accepting thread without ever blocking it.
fn refuse(stream: TcpStream, parked: &mut VecDeque<(TcpStream, Instant)>, lang: Lang) {
    let _ = stream.set_nonblocking(true);
    let busy = Response::text(503, ServeWords::of(lang).busy);
    let head = head_text(&busy, &[("Retry-After", "1")]);
    // A fresh socket's send buffer holds this; if not, the client gets less.
    let _ = (&stream).write_all(head.as_bytes());
    if let Body::Bytes(text) = &busy.body {
        let _ = (&stream).write_all(text);
    }
    let _ = stream.shutdown(Shutdown::Write);
    parked.push_back((stream, Instant::now()));
    if parked.len() > MAX_PARKED {
        if let Some((s, _)) = parked.pop_front() {
            close_parked(s);
        }
    }
}

/// Reads what a refused client sent (without waiting), then closes.
fn close_parked(mut stream: TcpStream) {
    let mut sink = [0u8; 8192];
    for _ in 0..16 {
        match stream.read(&mut sink) {
            Ok(n) if n > 0 => {}
            _ => break,
        }
    }
}

fn connection(mut stream: TcpStream, ctx: &Ctx) {
    let _ = stream.set_nodelay(true);
    let Ok(local) = stream.local_addr() else {
        return;
    };
    let (response, head_only) = match read_head(&mut stream, Instant::now() + HEAD_DEADLINE) {
        Ok(head) => (handle(ctx, &head, local), head.method == "HEAD"),
        Err(Some(code)) => (Response::text(code, reason(code)), false),
        // Closed, or idle until the deadline without a byte: nobody to answer.
        Err(None) => return,
    };
    let _ = send(&mut stream, response, head_only);
    linger(stream);
}

/// A parsed request head.
#[derive(Debug, PartialEq, Eq)]
pub struct Head {
    pub method: String,
    pub target: String,
    pub host: Option<String>,
}

/// Reads until a whole head has arrived: the head, or the status to answer
/// (`None`: close without answering).
fn read_head(stream: &mut TcpStream, deadline: Instant) -> std::result::Result<Head, Option<u16>> {
    let mut buf: Vec<u8> = Vec::with_capacity(4096);
    let mut chunk = [0u8; 4096];
    loop {
        let Some(left) = remaining(deadline) else {
            return Err((!buf.is_empty()).then_some(408));
        };
        if stream.set_read_timeout(Some(left)).is_err() {
            return Err(None);
        }
        // Never hold more than one byte past the limit.
        let room = (MAX_HEAD + 1 - buf.len()).min(chunk.len());
        match stream.read(&mut chunk[..room]) {
            Ok(0) => return Err(None),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return Err((!buf.is_empty()).then_some(408));
            }
            Err(_) => return Err(None),
        }
        if let Some(head) = parse_head(&buf)? {
            return Ok(head);
        }
    }
}

fn remaining(deadline: Instant) -> Option<Duration> {
    deadline
        .checked_duration_since(Instant::now())
        .filter(|d| !d.is_zero())
}

/// Parses a request head: `Ok(None)` while it is incomplete (and within the
/// limits), `Err(status)` for one to refuse.
pub fn parse_head(buf: &[u8]) -> std::result::Result<Option<Head>, u16> {
    let Some(eol) = buf.iter().position(|&b| b == b'\n') else {
        return if buf.len() > MAX_REQUEST_LINE {
            Err(414)
        } else {
            Ok(None)
        };
    };
    if eol > MAX_REQUEST_LINE {
        return Err(414);
    }
    // The head ends at the first empty line.
    let mut end = None;
    let mut start = eol + 1;
    while let Some(i) = buf[start..].iter().position(|&b| b == b'\n') {
        let line = &buf[start..start + i];
        if line.is_empty() || line == b"\r" {
            end = Some(start + i + 1);
            break;
        }
        start += i + 1;
    }
    let Some(end) = end.filter(|&e| e <= MAX_HEAD) else {
        return if buf.len() >= MAX_HEAD {
            Err(431)
        } else {
            Ok(None)
        };
    };
    let mut lines = buf[..end]
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l));
    let request_line = lines.next().unwrap_or_default();
    let request_line = std::str::from_utf8(request_line).map_err(|_| 400u16)?;
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(400);
    };
    let token = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_graphic());
    if !token(method) || !token(target) || !target.starts_with('/') {
        return Err(400);
    }
    if version != "HTTP/1.1" && version != "HTTP/1.0" {
        return Err(if version.starts_with("HTTP/") {
            505
        } else {
            400
        });
    }
    let mut host = None;
    for line in lines.filter(|l| !l.is_empty()) {
        // Folded lines and space before the colon are refused (RFC 9112 §5).
        if line[0] == b' ' || line[0] == b'\t' {
            return Err(400);
        }
        let colon = line.iter().position(|&b| b == b':').ok_or(400u16)?;
        let name = &line[..colon];
        if name.is_empty() || name.iter().any(|b| !b.is_ascii_graphic()) {
            return Err(400);
        }
        if name.eq_ignore_ascii_case(b"host") {
            let value = std::str::from_utf8(&line[colon + 1..]).map_err(|_| 400u16)?;
            if host.replace(value.trim().to_string()).is_some() {
                return Err(400);
            }
        }
    }
    Ok(Some(Head {
        method: method.to_string(),
        target: target.to_string(),
        host,
    }))
}

/// A `Host` value (or `--serve` address) as a lowercase name without IPv6
/// brackets, and its port if given.
fn split_host(s: &str) -> Option<(String, Option<u16>)> {
    let s = s.trim().to_ascii_lowercase();
    let (name, port) = match s.strip_prefix('[') {
        Some(rest) => {
            let (name, after) = rest.split_once(']')?;
            name.parse::<std::net::Ipv6Addr>().ok()?;
            let port = match after {
                "" => None,
                p => Some(p.strip_prefix(':')?),
            };
            (name, port)
        }
        None => match s.split_once(':') {
            // An IPv6 address without brackets.
            Some((_, port)) if port.contains(':') => return None,
            Some((name, port)) => (name, Some(port)),
            None => (s.as_str(), None),
        },
    };
    let port = match port {
        Some(p) if p.bytes().all(|b| b.is_ascii_digit()) => Some(p.parse::<u16>().ok()?),
        Some(_) => return None,
        None => None,
    };
    (!name.is_empty()).then(|| (name.to_string(), port))
}

/// Is `host` (a request's `Host`) a name of this server as the connection
/// reached it (`local`)? The address it listens on, `localhost`, or the host
/// given to `--serve --public`, all with its port. A web page that rebinds its
/// own domain to this address still sends its domain, and is refused.
pub fn host_allowed(host: &str, local: SocketAddr, given: Option<&str>) -> bool {
    let Some((name, port)) = split_host(host) else {
        return false;
    };
    if port.unwrap_or(80) != local.port() {
        return false;
    }
    if name == "localhost" {
        return true;
    }
    if let Ok(ip) = name.parse::<IpAddr>() {
        return ip.to_canonical() == local.ip().to_canonical();
    }
    given.is_some_and(|g| g == name)
}

/// An answer to send.
struct Response {
    code: u16,
    content_type: &'static str,
    body: Body,
    allow: bool,
}

impl Response {
    fn text(code: u16, text: &str) -> Response {
        Response {
            code,
            content_type: "text/plain; charset=utf-8",
            body: Body::Bytes(text.as_bytes().to_vec()),
            allow: false,
        }
    }
}

enum Body {
    Bytes(Vec<u8>),
    /// A file sent as it is read, so a large file costs one buffer per
    /// connection, not its size; the reload script goes in at `script_at`.
    File {
        file: std::fs::File,
        len: u64,
        script_at: Option<u64>,
    },
}

/// Buffer for sending files, and how much of a page's end is searched for
/// `</body>` (pages end with it).
const CHUNK: usize = 64 << 10;

impl Body {
    fn len(&self) -> u64 {
        match self {
            Body::Bytes(b) => b.len() as u64,
            Body::File { len, script_at, .. } => {
                len + script_at.map_or(0, |_| RELOAD_SCRIPT.len() as u64)
            }
        }
    }

    /// Hands the body to `out` piece by piece.
    fn each_chunk(
        &mut self,
        mut out: impl FnMut(&[u8]) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        match self {
            Body::Bytes(b) => out(b),
            Body::File {
                file,
                len,
                script_at,
            } => {
                let mut buf = vec![0u8; CHUNK];
                let split = script_at.unwrap_or(*len);
                copy(file, split, &mut buf, &mut out)?;
                if script_at.is_some() {
                    out(RELOAD_SCRIPT.as_bytes())?;
                    copy(file, *len - split, &mut buf, &mut out)?;
                }
                Ok(())
            }
        }
    }
}

/// Passes the next `n` bytes of `file` to `out`. A file that shrank while
/// being sent (a page rewritten) is an error: closing early beats sending
/// less than the Content-Length said.
fn copy(
    file: &mut std::fs::File,
    mut n: u64,
    buf: &mut [u8],
    out: &mut impl FnMut(&[u8]) -> std::io::Result<()>,
) -> std::io::Result<()> {
    while n > 0 {
        let want = buf.len().min(usize::try_from(n).unwrap_or(usize::MAX));
        match file.read(&mut buf[..want]) {
            Ok(0) => return Err(ErrorKind::UnexpectedEof.into()),
            Ok(got) => {
                out(&buf[..got])?;
                n -= got as u64;
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Where the last `</body>` of a page starts, looked for in its end only.
fn script_at(file: &mut std::fs::File, len: u64) -> std::io::Result<Option<u64>> {
    use std::io::{Seek, SeekFrom};
    let tail = len.min(CHUNK as u64);
    file.seek(SeekFrom::Start(len - tail))?;
    let mut buf = vec![0u8; CHUNK.min(tail as usize)];
    file.read_exact(&mut buf)?;
    file.seek(SeekFrom::Start(0))?;
    let at = buf.windows(7).rposition(|w| w == b"</body>");
    Ok(at.map(|i| len - tail + i as u64))
}

fn reason(code: u16) -> &'static str {
    match code {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        414 => "URI Too Long",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Error",
    }
}

fn head_text(r: &Response, extra: &[(&str, &str)]) -> String {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        r.code,
        reason(r.code),
        r.content_type,
        r.body.len()
    );
    if r.allow {
        head.push_str("Allow: GET, HEAD\r\n");
    }
    for (name, value) in extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    head
}

fn send(stream: &mut TcpStream, mut r: Response, head_only: bool) -> std::io::Result<()> {
    let deadline = Instant::now() + WRITE_DEADLINE;
    write_by(stream, head_text(&r, &[]).as_bytes(), deadline)?;
    if !head_only {
        r.body
            .each_chunk(|chunk| write_by(stream, chunk, deadline))?;
    }
    Ok(())
}

/// Writes all of `data` before `deadline`, however slowly the client reads.
fn write_by(stream: &mut TcpStream, data: &[u8], deadline: Instant) -> std::io::Result<()> {
    let mut pos = 0;
    while pos < data.len() {
        let left = remaining(deadline).ok_or(ErrorKind::TimedOut)?;
        stream.set_write_timeout(Some(left))?;
        match stream.write(&data[pos..]) {
            Ok(0) => return Err(ErrorKind::WriteZero.into()),
            Ok(n) => pos += n,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Closes the write side, then reads and drops what the client still sends
/// for at most [`LINGER`], so the answer is not lost to a reset.
fn linger(mut stream: TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let deadline = Instant::now() + LINGER;
    let mut sink = [0u8; 8192];
    while let Some(left) = remaining(deadline) {
        if stream.set_read_timeout(Some(left)).is_err() {
            break;
        }
        match stream.read(&mut sink) {
            Ok(n) if n > 0 => {}
            _ => break,
        }
    }
}

/// The answer to a complete request head.
fn handle(ctx: &Ctx, head: &Head, local: SocketAddr) -> Response {
    let known = head
        .host
        .as_deref()
        .is_some_and(|h| host_allowed(h, local, ctx.given_host.as_deref()));
    let words = ServeWords::of(ctx.lang);
    if !known {
        return Response::text(421, words.unknown_host);
    }
    if head.method != "GET" && head.method != "HEAD" {
        return Response {
            allow: true,
            ..Response::text(405, words.only_get)
        };
    }
    respond(&ctx.out, &head.target, &ctx.version, ctx.lang)
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

/// The real path of `file` when it lies inside the real `site` folder:
/// symlinks are followed only as far as they stay inside. `None` for a file
/// that is missing or outside alike, so an answer tells nothing about what
/// exists outside.
pub fn contained(site: &Path, file: &Path) -> Option<PathBuf> {
    let root = std::fs::canonicalize(site).ok()?;
    let real = std::fs::canonicalize(file).ok()?;
    real.starts_with(&root).then_some(real)
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

fn respond(out: &Path, url: &str, version: &AtomicU64, lang: Lang) -> Response {
    let words = ServeWords::of(lang);
    if url.split('?').next() == Some(VERSION_PATH) {
        return Response::text(200, &version.load(Ordering::SeqCst).to_string());
    }
    let Some(file) = resolve(out, url) else {
        return Response::text(403, words.forbidden);
    };
    let not_found = || Response::text(404, words.not_found);
    let Some(real) = contained(out, &file) else {
        return not_found();
    };
    // Regular files only: opening a FIFO blocks, reading a device never ends.
    if !std::fs::metadata(&real).is_ok_and(|m| m.is_file()) {
        return not_found();
    }
    let Ok(mut f) = std::fs::File::open(&real) else {
        return not_found();
    };
    let Some(len) = f.metadata().ok().filter(|m| m.is_file()).map(|m| m.len()) else {
        return not_found();
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
    let script_at = if ext == "html" {
        match script_at(&mut f, len) {
            Ok(at) => at,
            Err(_) => return not_found(),
        }
    } else {
        None
    };
    Response {
        code: 200,
        content_type,
        body: Body::File {
            file: f,
            len,
            script_at,
        },
        allow: false,
    }
}

#[cfg(test)]
mod tests;
