//! The report site end to end: the real binary on temp shops, the output read
//! back as files (and once through headless Chromium).

use crate::support::{self, files, Test, NOW};
use std::path::Path;

fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn example_shop_report_is_complete_and_deterministic() {
    let shop = Test::example_shop();
    let (a, b) = (shop.beside("a"), shop.beside("b"));
    for out in [&a, &b] {
        shop.run_args(&["--now", NOW, "report", "--out", &out.display().to_string()])
            .code(0);
    }
    let fa = files(&a);
    assert_eq!(fa, files(&b), "two builds differ");
    for page in [
        "index.html",
        "style.css",
        "hours.html",
        "testimonials.html",
        "customers.html",
        "complaints.html",
        "weeks/2026-W47.html",
        "weeks/2026-W46.html",
        "months/2026-11.html",
        "customers/siti-rahma.html",
        "complaints/2026-0001.html",
    ] {
        assert!(
            fa.contains_key(page),
            "missing {page}; have {:?}",
            fa.keys().take(20).collect::<Vec<_>>()
        );
    }
    let index = read(&a, "index.html");
    assert!(index.contains("<html lang=\"id\">"));
    assert!(index.contains("Calon pembeli baru"));
    assert!(index.contains("Tugas hari ini"));
    assert!(index.contains("<svg class=\"chart\""));
    assert!(index.contains("Jumat, 20 Nov 2026 15:00"));
    assert!(index.contains("Rp "), "Rupiah amounts");
    // Masked by default: no WhatsApp links, no full phone numbers or emails.
    let all: String = fa
        .values()
        .map(|v| String::from_utf8_lossy(v).into_owned())
        .collect();
    assert!(
        !all.contains("wa.me/"),
        "WhatsApp links must be omitted when masked"
    );
    assert!(
        !all.contains("@example.com\"") && !all.contains("siti.rahma@"),
        "emails must be masked"
    );
    let siti = read(&a, "customers/siti-rahma.html");
    assert!(
        siti.contains("+62 8") && siti.contains("-****-"),
        "masked phone on the customer page"
    );
    // The weekly page links to its neighbour and defines its numbers.
    let w47 = read(&a, "weeks/2026-W47.html");
    assert!(w47.contains("href=\"2026-W46.html\""));
    assert!(w47.contains("Arti setiap angka"));
    // The running week and month are compared with the same days before.
    assert!(w47.contains("Sen–Jum minggu lalu") && w47.contains("Sen–Jum minggu ini"));
    let w46 = read(&a, "weeks/2026-W46.html");
    assert!(w46.contains("Minggu lalu") && w46.contains("Minggu ini"));
    let month = read(&a, "months/2026-11.html");
    assert!(
        month.contains("Tgl 1–20 bulan lalu")
            && month.contains("Tgl 1–20 bulan ini")
            && month.contains("Perubahan")
    );
    let hours = read(&a, "hours.html");
    assert!(hours.contains("<svg class=\"heatmap\""));
}

#[test]
fn testimonials_only_public_with_short_names() {
    let t = Test::new()
        .file(
            "customers/siti.yaml",
            "name: Siti Rahma\nfirst_contact: 2026-11-02\nfeedback:\n  - at: 2026-11-10\n    rating: 5\n    text: Cocok banget\n    public: true\n",
        )
        .file(
            "customers/budi.yaml",
            "name: Budi Santoso\nfirst_contact: 2026-11-02\nfeedback:\n  - at: 2026-11-10\n    rating: 2\n    text: Rahasia jangan dipajang\n",
        )
        .args(&["--now", NOW, "report"]);
    t.run().code(0);
    let page = read(&t.path().join("public"), "testimonials.html");
    assert!(page.contains("Siti R."));
    assert!(page.contains("Cocok banget"));
    assert!(!page.contains("Siti Rahma"));
    assert!(!page.contains("Rahasia jangan dipajang"));
}

#[test]
fn record_values_are_escaped_and_never_evaluated() {
    // Unmasked, so the note is on the page (a masked site leaves notes out).
    let t = Test::new()
        .shop_toml(&format!("{}\n[report]\nmask_contacts = false\n", support::SHOP_TOML))
        .file(
            "customers/x.yaml",
            "name: \"<script>alert(1)</script>\"\nfirst_contact: 2026-11-02\nnote: \"{{ 7 * 7 }} & <b>bold</b>\"\ntags: [\"<i>vip</i>\"]\n",
        )
        .args(&["--now", NOW, "report"]);
    t.run().code(0);
    let out = t.path().join("public");
    for page in ["customers/x.html", "customers.html"] {
        let html = read(&out, page);
        assert!(!html.contains("<script>alert"), "{page} has raw script");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
                || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{page}"
        );
    }
    let html = read(&out, "customers/x.html");
    assert!(
        html.contains("{{ 7 * 7 }}"),
        "template syntax in a note is shown as text"
    );
    assert!(!html.contains("<b>bold</b>"));
    assert!(!html.contains("<i>vip</i>"));
}

#[test]
fn unmasked_site_has_whatsapp_links_and_contacts() {
    let toml = format!("{}\n[report]\nmask_contacts = false\n", support::SHOP_TOML);
    let t = Test::new()
        .shop_toml(&toml)
        .file(
            "customers/andi.yaml",
            "name: Andi\nphone: \"0812-3456-7890\"\nemail: andi@example.com\nadmin: dewi\nfirst_contact: 2026-11-18 10:00\n",
        )
        .args(&["--now", NOW, "report"]);
    t.run().code(0);
    let html = read(&t.path().join("public"), "customers/andi.html");
    assert!(
        html.contains("https://wa.me/6281234567890?text=Halo%20Kak%20Andi"),
        "{html}"
    );
    assert!(html.contains("0812-3456-7890"));
    assert!(html.contains("andi@example.com"));
}

/// SPEC §3's newer fields show on the customer's page: how messages address
/// her, her marketplace accounts (masked on a shareable site), where each
/// order was placed and its number there; a landline gets no WhatsApp link.
#[test]
fn customer_page_shows_call_handles_channel_and_ref() {
    let maryam = "\
name: Bu Hj. Maryam
phone: (031) 5678 123
handles: {shopee: maryam88}
first_contact: 2026-11-18 10:00
orders:
  - at: 2026-11-18 11:00
    items: [{product: serum}]
    channel: shopee
    ref: shopee:2411183<b>QX</b>
";
    let unmasked = format!("{}\n[report]\nmask_contacts = false\n", support::SHOP_TOML);
    let t = Test::new()
        .shop_toml(&unmasked)
        .file("customers/maryam.yaml", maryam)
        .args(&["--now", NOW, "report"]);
    t.run().code(0);
    let html = read(&t.path().join("public"), "customers/maryam.html");
    assert!(html.contains("<dd>Bu Maryam</dd>"), "{html}");
    assert!(html.contains("<dd>Shopee: maryam88</dd>"), "{html}");
    assert!(
        html.contains("<dt>Telepon (bukan WhatsApp)</dt><dd>(031) 5678123</dd>"),
        "{html}"
    );
    assert!(
        html.contains("via Shopee · no. pesanan shopee:2411183&lt;b&gt;QX&lt;/b&gt;"),
        "{html}"
    );
    assert!(html.contains("Halo Bu Maryam"), "{html}");
    assert!(
        !html.contains("wa.me"),
        "a landline has no WhatsApp link\n{html}"
    );

    let t = Test::new()
        .file("customers/maryam.yaml", maryam)
        .args(&["--now", NOW, "report"]);
    t.run().code(0);
    let html = read(&t.path().join("public"), "customers/maryam.html");
    assert!(html.contains("<dd>Shopee: m***</dd>"), "{html}");
    assert!(!html.contains("maryam88"), "{html}");
}

#[test]
fn stale_pages_are_removed_and_other_files_kept() {
    let t = Test::new()
        .file(
            "customers/andi.yaml",
            "name: Andi\nfirst_contact: 2026-11-02\n",
        )
        .file(
            "customers/budi.yaml",
            "name: Budi\nfirst_contact: 2026-11-03\n",
        )
        .args(&["--now", NOW, "report"]);
    t.run().code(0);
    let out = t.path().join("public");
    std::fs::write(out.join("CNAME"), "toko.example.com").expect("write");
    assert!(out.join("customers/budi.html").is_file());
    std::fs::remove_file(t.path().join("customers/budi.yaml")).expect("rm");
    t.run().code(0);
    assert!(
        !out.join("customers/budi.html").exists(),
        "stale page removed"
    );
    assert!(out.join("customers/andi.html").is_file());
    assert_eq!(
        std::fs::read_to_string(out.join("CNAME")).expect("read"),
        "toko.example.com"
    );
}

#[test]
fn english_labels_and_dates() {
    let toml = support::SHOP_TOML.replace(
        "timezone = \"Asia/Jakarta\"",
        "timezone = \"Asia/Jakarta\"\nlanguage = \"en\"",
    );
    let t = Test::new()
        .shop_toml(&toml)
        .file(
            "customers/andi.yaml",
            "name: Andi\nfirst_contact: 2026-11-16 10:00\n",
        )
        .args(&["--now", NOW, "report"]);
    t.run().code(0);
    let index = read(&t.path().join("public"), "index.html");
    assert!(index.contains("<html lang=\"en\">"));
    assert!(index.contains("Dashboard") && index.contains("New leads"));
    assert!(index.contains("Friday, 20 Nov 2026"));
    assert!(!index.contains("Calon pembeli"));
}

#[test]
fn shop_templates_override_builtin_pages() {
    let t = Test::new()
        .file("customers/andi.yaml", "name: Andi\nfirst_contact: 2026-11-02\n")
        .file(
            "templates/report/testimonials.html",
            "{% extends \"base.html\" %}{% block content %}<h1>Kata Mereka</h1>{% endblock content %}",
        )
        .args(&["--now", NOW, "report"]);
    t.run().code(0);
    let html = read(&t.path().join("public"), "testimonials.html");
    assert!(html.contains("<h1>Kata Mereka</h1>"));
    assert!(html.contains("style.css"), "base.html still applies");
}

#[test]
fn broken_shop_template_is_a_clear_error() {
    Test::new()
        .file("templates/report/hours.html", "{% if %}")
        .args(&["--now", NOW, "report"])
        .run()
        .code(1)
        .stderr_has("template")
        .no_panic();
}

#[test]
fn report_refuses_to_write_into_record_folders() {
    // An English shop: the assertion quotes the English wording.
    let t = Test::english().file(
        "customers/andi.yaml",
        "name: Andi\nfirst_contact: 2026-11-02\n",
    );
    let out = t.path().join("customers").join("site");
    t.args(&["--now", NOW, "report", "--out", &out.display().to_string()])
        .run()
        .code(2)
        .stderr_has("cannot be written into");
}

/// Loads the dashboard in headless Chromium and checks what a person sees.
#[test]
fn dashboard_renders_in_a_headless_browser() {
    let Some(browser) = support::chromium() else {
        support::skip_without("Chromium");
        return;
    };
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("site");
    let shop = Test::example_shop();
    shop.run_args(&["--now", NOW, "report", "--out", &out.display().to_string()])
        .code(0);
    let profile = tmp.path().join("profile");
    let shot = tmp.path().join("phone.png");
    let url = format!("file://{}", out.join("index.html").display());
    let common_flags = [
        "--headless".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-quic".into(),
        "--no-first-run".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        format!("--user-data-dir={}", profile.display()),
    ];
    let dump = |url: &str| {
        let o = std::process::Command::new(browser)
            .args(&common_flags)
            .arg("--dump-dom")
            .arg(url)
            .output()
            .expect("run chromium");
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    // The dashboard: key figures are visible text in the rendered DOM.
    let dom = dump(&url);
    for figure in [
        "Calon pembeli baru",
        "Rp 1.114.000",
        "38%",
        "Tugas hari ini",
        "Komplain terbuka",
    ] {
        assert!(
            dom.contains(figure),
            "dashboard lacks {figure:?}: {}",
            &dom[..dom.len().min(400)]
        );
    }
    assert!(dom.contains("<svg"), "charts present in the DOM");
    // A customer page: profile, masked phone, timeline.
    let customer_url = format!(
        "file://{}",
        out.join("customers/putri-amelia.html").display()
    );
    let dom = dump(&customer_url);
    for text in ["Putri Amelia", "-****-", "Riwayat", "Tugas terbuka"] {
        assert!(dom.contains(text), "customer page lacks {text:?}");
    }
    // Screenshots at phone and desktop widths, kept for people to look at.
    let shots = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&shots).expect("screenshot dir");
    for (page_url, name) in [(&url, "dashboard"), (&customer_url, "customer")] {
        for (w, h, label) in [(360, 800, "phone"), (1280, 900, "desktop")] {
            let shot = shots.join(format!("{name}-{label}.png"));
            let st = std::process::Command::new(browser)
                .args(&common_flags)
                .arg(format!("--window-size={w},{h}"))
                .arg(format!("--screenshot={}", shot.display()))
                .arg(page_url)
                .output()
                .expect("screenshot");
            assert!(st.status.success());
            let png = std::fs::read(&shot).expect("screenshot written");
            assert!(png.starts_with(b"\x89PNG"), "a PNG screenshot");
        }
    }
    let _ = shot;
}
