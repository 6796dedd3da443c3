//! `report --encrypt` (SPEC §7): every page written as a small HTML shell
//! holding the page encrypted with AES-256-GCM, and a script that asks for
//! the password, derives the key with WebCrypto (PBKDF2-SHA256, the same
//! [`ITERATIONS`] and salt), decrypts and shows the page, and keeps the key
//! in `sessionStorage` so the other pages of the visit open by themselves.
//!
//! Pages other than `index.html` get opaque names, `x/<hex>.html`, a keyed
//! hash of their path ([`Names`]), and the links inside every page are
//! rewritten to match as its bytes are written ([`rewrite_links`]). The
//! style sheet (no customer data) and the calendar feeds (calendar apps
//! cannot decrypt; they rely on their token) stay as they are.
//!
//! The salt is drawn at random for a fresh build and kept in the output
//! folder ([`STATE`]) while the password stays the same: a page whose inputs
//! did not change keeps its file, and every page of the site must open with
//! the one key a visitor derived. A new password, a lost state file or
//! `--no-cache` draw a new salt, and every page is encrypted again.

use crate::error::{Error, Result};
use crate::lang::feeds::{no_password, no_randomness, Lock};
use crate::shop::config::{Config, Lang};
use aes_gcm::aead::{Aead, Generate, Key, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use hmac::Mac;
use std::path::Path;

/// PBKDF2-SHA256 rounds: OWASP's figure for PBKDF2-HMAC-SHA256 (2023).
pub const ITERATIONS: u32 = 600_000;

/// Where the password comes from.
pub const PASSWORD_VAR: &str = "LANGGAN_SITE_PASSWORD";

/// The kept salt and a check of the key, in the output folder.
pub const STATE: &str = ".langgan-encrypt";

/// The folder of the opaque page names.
pub const OPAQUE_DIR: &str = "x";

type HmacSha256 = hmac::Hmac<sha2::Sha256>;

fn hmac(key: &[u8], data: &[u8]) -> [u8; 32] {
    // HMAC takes a key of any length.
    let mut mac = <HmacSha256 as KeyInit>::new_from_slice(key).unwrap_or_else(|_| {
        <HmacSha256 as KeyInit>::new_from_slice(&[0u8; 32]).expect("a 32-byte HMAC key")
    });
    mac.update(data);
    mac.finalize().into_bytes().into()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn fold64(bytes: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&bytes[..8]);
    u64::from_be_bytes(a)
}

/// PBKDF2-HMAC-SHA256 of the password, 32 bytes.
pub fn derive(password: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    pbkdf2::pbkdf2_hmac_array::<sha2::Sha256, 32>(password.as_bytes(), salt, iterations)
}

/// The opaque names of the pages: HMAC-SHA256 of the path, keyed by a key
/// derived from the password and a fixed label (so names stay across builds
/// and salts). The key is derived with the full PBKDF2 work: a known path
/// (`customers.html`) and its name must not make the password cheap to guess.
pub struct Names {
    key: [u8; 32],
}

impl Names {
    pub fn new(password: &str, shop_name: &str) -> Names {
        let salt = format!("langgan page names\0{shop_name}");
        Names {
            key: derive(password, salt.as_bytes(), ITERATIONS),
        }
    }

    /// The name the page at `path` is written under.
    pub fn page(&self, path: &str) -> String {
        if !is_page(path) || path == "index.html" {
            return path.to_string();
        }
        let h = hmac(&self.key, path.as_bytes());
        format!("{OPAQUE_DIR}/{}.html", hex(&h[..16]))
    }

    /// Stands for the names in page keys.
    pub fn fingerprint(&self) -> u64 {
        fold64(&hmac(&self.key, b"langgan names fingerprint"))
    }
}

/// Is this a page of the site (encrypted, opaquely named), not the style
/// sheet or a feed?
pub fn is_page(path: &str) -> bool {
    path.ends_with(".html")
}

/// What encrypts a build's pages.
pub struct Sealer {
    cipher: Aes256Gcm,
    key: [u8; 32],
    salt: [u8; 16],
    pub names: Names,
    lang: Lang,
    shop_name: String,
}

impl Sealer {
    /// The password from [`PASSWORD_VAR`], or the refusal to encrypt.
    pub fn password(lang: Lang) -> Result<String> {
        std::env::var(PASSWORD_VAR)
            .ok()
            .filter(|p| !p.is_empty())
            .ok_or_else(|| Error::usage(no_password(lang)))
    }

    /// The sealer of a build into `out`: the kept salt when the state there
    /// says it was made with this password (and `fresh` is false), else a
    /// new random one, written to the state file.
    pub fn open(out: &Path, password: &str, cfg: &Config, fresh: bool) -> Result<Sealer> {
        let lang = cfg.language;
        let state = out.join(STATE);
        let kept = (!fresh)
            .then(|| std::fs::read_to_string(&state).ok())
            .flatten()
            .and_then(|s| {
                let (salt, check) = s.trim().split_once('\t')?;
                let salt: [u8; 16] = unhex(salt)?.try_into().ok()?;
                Some((salt, check.to_string()))
            });
        if let Some((salt, check)) = kept {
            let key = derive(password, &salt, ITERATIONS);
            if check_of(&key) == check {
                return Ok(Sealer::with(key, salt, password, cfg));
            }
        }
        let random =
            Key::<Aes256Gcm>::try_generate().map_err(|_| Error::usage(no_randomness(lang)))?;
        let mut salt = [0u8; 16];
        salt.copy_from_slice(&random[..16]);
        let key = derive(password, &salt, ITERATIONS);
        std::fs::create_dir_all(out).map_err(|e| Error::io(out, &e))?;
        let text = format!("{}\t{}\n", hex(&salt), check_of(&key));
        crate::io::atomic::atomic_write(&state, text.as_bytes())?;
        Ok(Sealer::with(key, salt, password, cfg))
    }

    /// A sealer with this key and salt (tests; [`Sealer::open`]).
    pub fn with(key: [u8; 32], salt: [u8; 16], password: &str, cfg: &Config) -> Sealer {
        Sealer {
            cipher: Aes256Gcm::new(&key.into()),
            key,
            salt,
            names: Names::new(password, &cfg.name),
            lang: cfg.language,
            shop_name: cfg.name.clone(),
        }
    }

    /// Was this sealer made for a shop of this name and language?
    pub fn fits(&self, cfg: &Config) -> bool {
        self.shop_name == cfg.name && self.lang == cfg.language
    }

    /// A page's key in the manifest: the key of its plaintext inputs and of
    /// the key and names it is sealed with (a new password renders again).
    pub fn page_key(&self, plain: u64) -> u64 {
        let mut data = plain.to_be_bytes().to_vec();
        data.extend_from_slice(&self.salt);
        data.extend_from_slice(&self.names.fingerprint().to_be_bytes());
        fold64(&hmac(&self.key, &data))
    }

    /// The page at `path` (its plain path) as its encrypted shell.
    pub fn seal(&self, path: &str, html: &[u8]) -> Result<Vec<u8>> {
        let text = String::from_utf8_lossy(html);
        let plain = rewrite_links(&text, path, &self.names);
        let nonce = Nonce::try_generate().map_err(|_| Error::usage(no_randomness(self.lang)))?;
        let sealed = self
            .cipher
            .encrypt(&nonce, plain.as_bytes())
            .map_err(|_| Error::usage(no_randomness(self.lang)))?;
        Ok(shell(
            Lock::of(self.lang),
            &self.shop_name,
            &base64(&self.salt),
            &base64(&nonce),
            &base64(&sealed),
        )
        .into_bytes())
    }

    /// Decrypts a shell's ciphertext (tests).
    #[cfg(test)]
    pub fn open_sealed(&self, nonce: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
        let nonce: [u8; 12] = nonce.try_into().ok()?;
        self.cipher.decrypt(&nonce.into(), sealed).ok()
    }
}

/// The check of a key kept beside the salt: tells whether the password is
/// the same as the last build's. (Every page already lets a guess be
/// checked; this gives nothing more away.)
fn check_of(key: &[u8; 32]) -> String {
    hex(&hmac(key, b"langgan key check")[..16])
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Standard base64 with padding (what `atob` reads).
pub fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut o = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        o.push(A[(n >> 18) as usize & 63] as char);
        o.push(A[(n >> 12) as usize & 63] as char);
        o.push(if c.len() > 1 {
            A[(n >> 6) as usize & 63] as char
        } else {
            '='
        });
        o.push(if c.len() > 2 {
            A[n as usize & 63] as char
        } else {
            '='
        });
    }
    o
}

/// Reads [`base64`] back (tests).
#[cfg(test)]
pub fn unbase64(s: &str) -> Option<Vec<u8>> {
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let s = s.trim().as_bytes();
    if !s.len().is_multiple_of(4) {
        return None;
    }
    let mut o = Vec::with_capacity(s.len() / 4 * 3);
    for c in s.chunks(4) {
        let pad = c.iter().rev().take_while(|&&b| b == b'=').count();
        let mut n = 0u32;
        for &b in &c[..4 - pad] {
            n = (n << 6) | val(b)?;
        }
        n <<= 6 * pad as u32;
        let bytes = n.to_be_bytes();
        o.extend_from_slice(&bytes[1..4 - pad]);
    }
    Some(o)
}

/// The folder part of a site path (`customers/a.html` → `customers`).
fn dir_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(d, _)| d)
}

/// `rel` seen from folder `dir`, as a site path (`..` resolved); `None`
/// when it climbs out of the site.
fn resolve(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// The relative link from folder `dir` to site path `to`.
fn relative(dir: &str, to: &str) -> String {
    let from: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    let target: Vec<&str> = to.split('/').collect();
    let common = from
        .iter()
        .zip(&target)
        .take_while(|(a, b)| a == b)
        .count()
        .min(target.len().saturating_sub(1));
    let mut s = "../".repeat(from.len() - common);
    s.push_str(&target[common..].join("/"));
    s
}

/// The page at `path` with every relative `href`/`src` pointing at the
/// renamed pages, seen from the page's own new place.
pub fn rewrite_links(html: &str, path: &str, names: &Names) -> String {
    let old_dir = dir_of(path);
    let new_path = names.page(path);
    let new_dir = dir_of(&new_path);
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    loop {
        let next = ["href=\"", "src=\""]
            .iter()
            .filter_map(|a| rest.find(a).map(|i| (i, a.len())))
            .min();
        let Some((i, alen)) = next else {
            out.push_str(rest);
            break;
        };
        let start = i + alen;
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find('"') else {
            out.push_str(&rest[start..]);
            break;
        };
        let value = &rest[start..start + len];
        out.push_str(&relink(value, old_dir, new_dir, names));
        rest = &rest[start + len..];
    }
    out
}

/// One link value rewritten (as it stands in HTML: `&amp;` kept).
fn relink(value: &str, old_dir: &str, new_dir: &str, names: &Names) -> String {
    let external = value.is_empty()
        || value.starts_with('#')
        || value.starts_with('/')
        || value
            .split(['/', '?', '#'])
            .next()
            .is_some_and(|first| first.contains(':'));
    if external {
        return value.to_string();
    }
    let cut = value.find(['?', '#']).unwrap_or(value.len());
    let (target, tail) = value.split_at(cut);
    let Some(site_path) = resolve(old_dir, target) else {
        return value.to_string();
    };
    let renamed = names.page(&site_path);
    format!("{}{tail}", relative(new_dir, &renamed))
}

/// The inline script of the shell. It reads the ciphertext and the words
/// from the page, so one script serves every page and language.
const SCRIPT: &str = r#"(function () {
  var d = document, c = d.getElementById('langgan-sealed'), f = d.getElementById('langgan-lock');
  var pw = d.getElementById('langgan-password'), wrong = d.getElementById('langgan-wrong');
  var btn = d.getElementById('langgan-open'), S = window.crypto && window.crypto.subtle;
  var STORE = 'langgan-site-key';
  function bytes(s) { var r = atob(s), u = new Uint8Array(r.length); for (var i = 0; i < r.length; i++) u[i] = r.charCodeAt(i); return u; }
  function text64(u) { var r = ''; for (var i = 0; i < u.length; i++) r += String.fromCharCode(u[i]); return btoa(r); }
  if (!S) { d.getElementById('langgan-nocrypto').hidden = false; f.hidden = true; return; }
  var salt = c.getAttribute('data-salt'), iv = bytes(c.getAttribute('data-iv'));
  var iterations = parseInt(c.getAttribute('data-iterations'), 10), sealed = bytes(c.textContent.trim());
  // The page replaces the shell once the shell is parsed (while the parser
  // runs, document.open would add to the shell instead).
  function write(plain) {
    var html = new TextDecoder().decode(plain);
    var go = function () { d.open(); d.write(html); d.close(); };
    if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', go); else go();
  }
  function show(key) {
    return S.decrypt({ name: 'AES-GCM', iv: iv }, key, sealed).then(write);
  }
  function ask() { f.hidden = false; pw.focus(); }
  var kept = null;
  try { kept = JSON.parse(sessionStorage.getItem(STORE) || 'null'); } catch (e) {}
  if (kept && kept.salt === salt) {
    S.importKey('raw', bytes(kept.key), 'AES-GCM', false, ['decrypt']).then(show).catch(ask);
  } else { ask(); }
  f.addEventListener('submit', function (ev) {
    ev.preventDefault();
    wrong.hidden = true; btn.disabled = true; btn.textContent = btn.getAttribute('data-busy');
    S.importKey('raw', new TextEncoder().encode(pw.value), 'PBKDF2', false, ['deriveKey'])
      .then(function (base) {
        return S.deriveKey({ name: 'PBKDF2', salt: bytes(salt), iterations: iterations, hash: 'SHA-256' },
          base, { name: 'AES-GCM', length: 256 }, true, ['decrypt']);
      })
      .then(function (key) {
        return S.decrypt({ name: 'AES-GCM', iv: iv }, key, sealed).then(function (plain) {
          return S.exportKey('raw', key).then(function (raw) {
            try { sessionStorage.setItem(STORE, JSON.stringify({ salt: salt, key: text64(new Uint8Array(raw)) })); } catch (e) {}
            write(plain);
          });
        });
      })
      .catch(function () {
        btn.disabled = false; btn.textContent = btn.getAttribute('data-idle');
        wrong.hidden = false; pw.select();
      });
  });
})();"#;

/// Text as HTML: the shop's name is the shell's one value from shop.toml.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The shell of one page.
fn shell(w: &Lock, shop: &str, salt: &str, iv: &str, sealed: &str) -> String {
    let shop = escape(shop);
    format!(
        r#"<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{shop}</title>
<style>
body{{font-family:system-ui,sans-serif;margin:0;padding:1.5rem;color:#1a1a1a;background:#fff;line-height:1.5}}
main{{max-width:26rem;margin:10vh auto}}
label{{display:block;font-weight:600;margin:1rem 0 .25rem}}
input{{font:inherit;width:100%;box-sizing:border-box;padding:.6rem;border:1px solid #555;border-radius:.4rem}}
button{{font:inherit;margin-top:.75rem;padding:.6rem 1.2rem;border:0;border-radius:.4rem;background:#0b5c3a;color:#fff}}
.problem{{color:#a00000;font-weight:600}}
</style>
</head>
<body>
<main>
<p>{shop}</p>
<h1>{heading}</h1>
<p>{intro}</p>
<form id="langgan-lock" hidden>
<label for="langgan-password">{password}</label>
<input id="langgan-password" name="password" type="password" autocomplete="current-password" required>
<button id="langgan-open" type="submit" data-idle="{open}" data-busy="{opening}">{open}</button>
<p id="langgan-wrong" class="problem" role="alert" hidden>{wrong}</p>
</form>
<p id="langgan-nocrypto" class="problem" hidden>{no_crypto}</p>
<noscript><p class="problem">{no_script}</p></noscript>
</main>
<script id="langgan-sealed" type="application/octet-stream" data-salt="{salt}" data-iv="{iv}" data-iterations="{ITERATIONS}">{sealed}</script>
<script>{SCRIPT}</script>
</body>
</html>
"#,
        lang = w.lang,
        heading = w.heading,
        intro = w.intro,
        password = w.password,
        open = w.open,
        opening = w.opening,
        wrong = w.wrong,
        no_crypto = w.no_crypto,
        no_script = w.no_script,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg() -> Config {
        let mut c = Config::for_tests("Asia/Jakarta");
        c.name = "Glow & Co".into();
        c
    }

    /// The sealed part of a shell: (salt, iv, ciphertext).
    fn parts(shell: &str) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
        let attr = |name: &str| {
            let at = shell.find(&format!("{name}=\"")).expect(name) + name.len() + 2;
            let len = shell[at..].find('"').expect("end");
            unbase64(&shell[at..at + len]).expect("base64")
        };
        let start = shell
            .find("data-iterations=\"600000\">")
            .expect("iterations")
            + 25;
        let len = shell[start..].find("</script>").expect("end");
        (
            attr("data-salt"),
            attr("data-iv"),
            unbase64(&shell[start..start + len]).expect("base64"),
        )
    }

    #[test]
    fn base64_round_trips() {
        for n in 0..20 {
            let v: Vec<u8> = (0..n).map(|i| (i * 37 + 5) as u8).collect();
            assert_eq!(unbase64(&base64(&v)), Some(v));
        }
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
    }

    #[test]
    fn a_page_round_trips_with_the_same_kdf_and_differs_by_password() {
        let tmp = tempfile::tempdir().expect("tmp");
        let html = "<p>Siti Rahma +6281234567890</p>";
        let a = Sealer::open(tmp.path(), "kata sandi satu", &cfg(), false).expect("open");
        let shell =
            String::from_utf8(a.seal("index.html", html.as_bytes()).expect("seal")).expect("utf8");
        assert!(!shell.contains("Siti"), "plaintext in {shell}");
        assert!(!shell.contains("81234567890"));
        assert!(shell.contains("Kata sandi"), "Indonesian form");
        let (salt, iv, sealed) = parts(&shell);
        // What the browser does: the key from the password and the page's salt.
        let key = derive("kata sandi satu", &salt, ITERATIONS);
        let again = Sealer::with(key, salt.clone().try_into().expect("16"), "x", &cfg());
        let plain = again.open_sealed(&iv, &sealed).expect("decrypts");
        assert_eq!(String::from_utf8(plain).expect("utf8"), html);
        // A wrong password does not open it.
        let wrong = derive("kata sandi dua", &salt, ITERATIONS);
        let wrong = Sealer::with(wrong, salt.clone().try_into().expect("16"), "x", &cfg());
        assert!(wrong.open_sealed(&iv, &sealed).is_none());
        // The salt is kept for the same password, and a fresh nonce is drawn per page.
        let b = Sealer::open(tmp.path(), "kata sandi satu", &cfg(), false).expect("open");
        assert_eq!(a.salt, b.salt);
        let shell2 =
            String::from_utf8(b.seal("index.html", html.as_bytes()).expect("seal")).expect("utf8");
        assert_ne!(parts(&shell2).1, iv, "nonce reused");
        // Another password: another salt and key, other ciphertext and names.
        let c = Sealer::open(tmp.path(), "kata sandi dua", &cfg(), false).expect("open");
        assert_ne!(a.salt, c.salt);
        let shell3 =
            String::from_utf8(c.seal("index.html", html.as_bytes()).expect("seal")).expect("utf8");
        assert_ne!(parts(&shell3).2, sealed);
        assert_ne!(
            a.names.page("customers/siti.html"),
            c.names.page("customers/siti.html")
        );
        assert_ne!(a.page_key(7), c.page_key(7));
        // `fresh` draws a new salt even for the same password.
        let d = Sealer::open(tmp.path(), "kata sandi dua", &cfg(), true).expect("open");
        assert_ne!(c.salt, d.salt);
    }

    #[test]
    fn names_are_opaque_and_stable_and_links_follow() {
        let n = Names::new("rahasia", "Toko");
        assert_eq!(n.page("index.html"), "index.html");
        assert_eq!(n.page("style.css"), "style.css");
        assert_eq!(n.page("agenda/dewi-abc.ics"), "agenda/dewi-abc.ics");
        let siti = n.page("customers/siti-rahma.html");
        assert!(siti.starts_with("x/") && siti.ends_with(".html"), "{siti}");
        assert!(!siti.contains("siti"));
        assert_eq!(
            siti,
            Names::new("rahasia", "Toko").page("customers/siti-rahma.html")
        );
        let file = |p: &str| n.page(p).trim_start_matches("x/").to_string();
        let html = r##"<a href="../index.html">i</a><link href="../style.css" rel="stylesheet" media="print">
<a href="siti-rahma.html#tasks">s</a><a href="../complaints/2026-0001.html">k</a>
<a href="https://wa.me/62812?text=a&amp;b">w</a><a href="#top">t</a><a href="mailto:a@b">m</a>"##;
        let out = rewrite_links(html, "customers/budi.html", &n);
        assert!(out.contains(r#"href="../index.html""#), "{out}");
        assert!(out.contains(r#"href="../style.css""#), "{out}");
        assert!(
            out.contains(&format!(
                r#"href="{}#tasks""#,
                file("customers/siti-rahma.html")
            )),
            "{out}"
        );
        assert!(out.contains(&format!(r#"href="{}""#, file("complaints/2026-0001.html"))));
        assert!(out.contains(r#"href="https://wa.me/62812?text=a&amp;b""#));
        assert!(out.contains(r##"href="#top""##) && out.contains(r#"href="mailto:a@b""#));
        // From the entry page, into x/.
        let out = rewrite_links(r#"<a href="weeks/2026-W47.html">w</a>"#, "index.html", &n);
        assert_eq!(
            out,
            format!(r#"<a href="{}">w</a>"#, n.page("weeks/2026-W47.html"))
        );
        let out = rewrite_links(
            r#"<a href="../customers.html">c</a>"#,
            "weeks/2026-W47.html",
            &n,
        );
        assert_eq!(
            out,
            format!(r#"<a href="{}">c</a>"#, file("customers.html"))
        );
    }
}
