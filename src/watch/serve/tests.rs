//! The preview server's checks, without a network.

use super::*;
use crate::lang::site::public_warning;

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

/// The answer's status and body as sent.
fn answer(r: Response) -> (u16, Vec<u8>) {
    let (code, mut body) = (r.code, r.body);
    let mut bytes = Vec::new();
    body.each_chunk(|c| {
        bytes.extend_from_slice(c);
        Ok(())
    })
    .expect("body");
    assert_eq!(bytes.len() as u64, body.len(), "Content-Length");
    (code, bytes)
}

#[test]
fn symlinks_out_of_the_site_are_not_followed() {
    let tmp = tempfile::tempdir().expect("tmp");
    let site = tmp.path().join("site");
    let outside = tmp.path().join("outside");
    std::fs::create_dir_all(site.join("weeks")).expect("mkdir");
    std::fs::create_dir_all(&outside).expect("mkdir");
    std::fs::write(site.join("index.html"), "<body>ok</body>").expect("write");
    std::fs::write(outside.join("secret.html"), "RAHASIA").expect("write");
    let link = |target: &Path, at: &str| {
        std::os::unix::fs::symlink(target, site.join(at)).expect("symlink")
    };
    link(&outside.join("secret.html"), "x.html");
    link(Path::new("../outside/secret.html"), "relative.html");
    link(&outside, "away");
    link(Path::new("../../outside"), "weeks/up");
    link(&site.join("index.html"), "same.html");
    link(Path::new("/nonexistent/file"), "dangling.html");
    // The file at /site2 is not inside /site.
    std::fs::create_dir_all(tmp.path().join("site2")).expect("mkdir");
    std::fs::write(tmp.path().join("site2/a.html"), "x").expect("write");

    let within = |url: &str| resolve(&site, url).and_then(|f| contained(&site, &f));
    for url in [
        "/x.html",
        "/relative.html",
        "/away/secret.html",
        "/away/",
        "/away",
        "/weeks/up/secret.html",
        "/dangling.html",
    ] {
        assert_eq!(within(url), None, "{url}");
    }
    assert_eq!(
        contained(&site, &tmp.path().join("site/../site2/a.html")),
        None
    );
    let real = std::fs::canonicalize(site.join("index.html")).expect("canon");
    assert_eq!(within("/same.html"), Some(real.clone()));
    assert_eq!(within("/"), Some(real));

    let version = AtomicU64::new(7);
    let get = |url: &str| answer(respond(&site, url, &version, Lang::En));
    assert_eq!(get("/x.html"), (404, b"not found".to_vec()));
    // In an Indonesian shop the browser reads Indonesian.
    let id = answer(respond(&site, "/x.html", &version, Lang::Id));
    assert_eq!(id, (404, "halaman tidak ditemukan".as_bytes().to_vec()));
    // Missing and outside answer alike.
    assert_eq!(get("/dangling.html"), get("/missing.html"));
    assert_eq!(get("/away/secret.html"), get("/missing.html"));
    let (code, body) = get("/same.html");
    assert_eq!(code, 200);
    assert!(String::from_utf8_lossy(&body).contains(VERSION_PATH));
    assert_eq!(get(VERSION_PATH), (200, b"7".to_vec()));
}

#[test]
fn files_are_streamed_with_the_reload_script_before_body_end() {
    let tmp = tempfile::tempdir().expect("tmp");
    let site = tmp.path();
    let page = format!("<html><body>{}</body></html>\n", "x".repeat(200_000));
    std::fs::write(site.join("a.html"), &page).expect("write");
    std::fs::write(site.join("plain.html"), "no end tag").expect("write");
    let png: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(site.join("b.png"), &png).expect("write");
    let version = AtomicU64::new(1);
    let get = |url: &str| answer(respond(site, url, &version, Lang::En));
    let i = page.rfind("</body>").expect("end");
    let want = format!("{}{RELOAD_SCRIPT}{}", &page[..i], &page[i..]);
    assert_eq!(get("/a.html"), (200, want.into_bytes()));
    assert_eq!(get("/plain.html"), (200, b"no end tag".to_vec()));
    assert_eq!(get("/b.png"), (200, png));
}

fn head(host: Option<&str>) -> Vec<u8> {
    let host = host.map(|h| format!("Host: {h}\r\n")).unwrap_or_default();
    format!("GET /a.html?x HTTP/1.1\r\n{host}Accept: */*\r\n\r\n").into_bytes()
}

#[test]
fn request_heads_are_bounded() {
    let ok = Head {
        method: "GET".into(),
        target: "/a.html?x".into(),
        host: Some("localhost:8080".into()),
    };
    assert_eq!(parse_head(&head(Some("localhost:8080"))), Ok(Some(ok)));
    let full = head(Some("localhost:8080"));
    for cut in 0..full.len() {
        assert_eq!(parse_head(&full[..cut]), Ok(None), "{cut} bytes");
    }
    // Bare LF line ends are read too.
    let lf = b"HEAD / HTTP/1.0\nHost: a\n\n";
    assert_eq!(
        parse_head(lf).map(|h| h.map(|h| h.method)),
        Ok(Some("HEAD".into()))
    );
    assert_eq!(
        parse_head(&head(None)).map(|h| h.and_then(|h| h.host)),
        Ok(None)
    );

    // The request line: at most 8 KiB, found out before the line ends.
    let mut long = b"GET /".to_vec();
    long.extend(std::iter::repeat_n(b'a', MAX_REQUEST_LINE));
    assert_eq!(parse_head(&long), Err(414));
    let mut fits = b"GET /".to_vec();
    fits.extend(std::iter::repeat_n(b'a', MAX_REQUEST_LINE - 20));
    fits.extend(b" HTTP/1.1\r\nHost: a\r\n\r\n");
    assert!(matches!(parse_head(&fits), Ok(Some(_))));

    // The whole head: at most 64 KiB, found out before it ends.
    let mut big = b"GET / HTTP/1.1\r\nX: ".to_vec();
    big.extend(std::iter::repeat_n(b'a', MAX_HEAD));
    assert_eq!(parse_head(&big), Err(431));
    big.extend(b"\r\n\r\n");
    assert_eq!(parse_head(&big), Err(431));
    let mut many = b"GET / HTTP/1.1\r\n".to_vec();
    while many.len() <= MAX_HEAD {
        many.extend(b"X-A: b\r\n");
    }
    assert_eq!(parse_head(&many), Err(431));

    for bad in [
        &b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"[..],
        b"GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost : a\r\n\r\n",
        b"GET / HTTP/1.1\r\nno colon\r\n\r\n",
        b"GET http://a/ HTTP/1.1\r\nHost: a\r\n\r\n",
        b"GET  / HTTP/1.1\r\n\r\n",
        b"GET /\r\n\r\n",
        b"\xff / HTTP/1.1\r\n\r\n",
    ] {
        assert_eq!(
            parse_head(bad),
            Err(400),
            "{}",
            String::from_utf8_lossy(bad)
        );
    }
    assert_eq!(parse_head(b"GET / HTTP/2.0\r\n\r\n"), Err(505));
}

#[test]
fn host_must_name_this_server() {
    let v4: SocketAddr = "127.0.0.1:8080".parse().expect("addr");
    let v6: SocketAddr = "[::1]:8080".parse().expect("addr");
    for host in ["127.0.0.1:8080", "localhost:8080", "LocalHost:8080"] {
        assert!(host_allowed(host, v4, None), "{host}");
    }
    for host in ["[::1]:8080", "localhost:8080", "[0:0:0:0:0:0:0:1]:8080"] {
        assert!(host_allowed(host, v6, None), "{host}");
    }
    for host in [
        "evil.example",
        "evil.example:8080",
        "127.0.0.1:8081",
        "127.0.0.1",
        "localhost",
        "[::1]:8080",
        "127.0.0.2:8080",
        "0.0.0.0:8080",
        "localhost.evil.example:8080",
        "127.0.0.1:8080.evil.example",
        "localhost:8080:8080",
        "::1:8080",
        ":8080",
        "",
    ] {
        assert!(!host_allowed(host, v4, None), "{host}");
    }
    assert!(!host_allowed("127.0.0.1:8080", v6, None));
    // Port 80 may be left out, as browsers do.
    let p80: SocketAddr = "127.0.0.1:80".parse().expect("addr");
    assert!(host_allowed("localhost", p80, None));

    // --serve 0.0.0.0:8080 --public, reached on the LAN address, or
    // --serve toko.local:8080 --public.
    let lan: SocketAddr = "192.168.1.5:8080".parse().expect("addr");
    assert!(host_allowed("192.168.1.5:8080", lan, None));
    assert!(host_allowed("toko.local:8080", lan, Some("toko.local")));
    assert!(!host_allowed("evil.example:8080", lan, Some("toko.local")));
    assert!(!host_allowed("192.168.1.6:8080", lan, None));
    // A dual-stack socket reports IPv4 clients as mapped addresses.
    let mapped: SocketAddr = "[::ffff:192.168.1.5]:8080".parse().expect("addr");
    assert!(host_allowed("192.168.1.5:8080", mapped, None));
}

#[test]
fn requests_are_checked_before_files() {
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::write(tmp.path().join("index.html"), "<body>hai</body>").expect("write");
    let ctx = Ctx {
        out: tmp.path().to_path_buf(),
        version: Arc::new(AtomicU64::new(1)),
        given_host: None,
        lang: Lang::Id,
    };
    let local: SocketAddr = "127.0.0.1:8080".parse().expect("addr");
    let ask = |method: &str, host: Option<&str>| {
        let head = Head {
            method: method.into(),
            target: "/".into(),
            host: host.map(str::to_string),
        };
        handle(&ctx, &head, local).code
    };
    assert_eq!(ask("GET", Some("127.0.0.1:8080")), 200);
    assert_eq!(ask("HEAD", Some("localhost:8080")), 200);
    assert_eq!(ask("GET", Some("evil.example:8080")), 421);
    assert_eq!(ask("GET", None), 421);
    assert_eq!(ask("POST", Some("127.0.0.1:8080")), 405);
    assert_eq!(ask("get", Some("127.0.0.1:8080")), 405);
}

#[test]
fn network_addresses_need_public_and_masked_contacts() {
    let mut config = Config::for_tests("Asia/Jakarta");
    assert!(plan("127.0.0.1:8080", false, &config, false).is_ok());
    assert!(plan("[::1]:8080", false, &config, false).is_ok());
    let e = plan("0.0.0.0:8080", false, &config, false).expect_err("refused");
    assert_eq!(e.kind, crate::error::ErrorKind::Usage);
    assert!(e.message.contains("--public") && e.message.contains("jaringan"));
    config.language = Lang::En;
    let e = plan("[::]:8080", false, &config, false).expect_err("refused");
    assert!(e.message.contains("--public") && e.message.contains("network"));
    assert!(plan("0.0.0.0:8080", true, &config, false).is_ok_and(|p| p.network()));
    assert!(!plan("127.0.0.1:8080", true, &config, false).is_ok_and(|p| p.network()));
    assert!(public_warning(Lang::En, "http://0.0.0.0:8080/").contains("everyone on the network"));
    assert!(public_warning(Lang::Id, "http://0.0.0.0:8080/").contains("siapa pun di jaringan"));
    config.mask_contacts = false;
    let e = plan("0.0.0.0:8080", true, &config, false).expect_err("refused");
    assert!(e.message.contains("mask_contacts"));
    assert!(plan("127.0.0.1:8080", false, &config, false).is_ok());
    // An encrypted site may be served to the network unmasked.
    assert!(plan("0.0.0.0:8080", true, &config, true).is_ok_and(|p| p.network()));
}
