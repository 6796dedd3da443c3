//! What the owner reads on the dashboard and what a shared (masked) site
//! leaves out, on the example shop.

use crate::support::{files, Test};

fn site_at(now: &str) -> (Test, std::path::PathBuf) {
    let shop = Test::example_shop();
    let out = shop.beside("site");
    shop.run_args(&["--now", now, "report", "--out", &out.display().to_string()])
        .code(0);
    (shop, out)
}

fn read(dir: &std::path::Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).expect(rel)
}

/// Monday 08:00: last week (W47) against the week before (W46), and the
/// running Monday against last Monday; never the empty new week alone.
#[test]
fn monday_compares_the_last_complete_week() {
    let (_shop, out) = site_at("2026-11-23 08:00");
    let d = read(&out, "index.html");
    assert!(d.contains("Minggu lalu, sudah lengkap"), "heading");
    assert!(d.contains("Minggu 2026-W47"), "the cards are W47's");
    assert!(d.contains("href=\"weeks/2026-W47.html\""));
    assert!(d.contains("minggu sebelumnya"));
    assert!(d.contains("Sen minggu lalu") && d.contains("Sen minggu ini"));
    // W47's orders are the big number, not this week's zero.
    assert!(d.contains("Rp 1.114.000"), "W47 revenue on the cards");
    // Rates carry their counts.
    assert!(
        regex_like(&d, "% (", "/"),
        "a rate with its counts, like 38% (3/8)"
    );
    // Week links say their dates.
    assert!(d.contains("W47 · 16–22 Nov"));
    // Who is behind, unanswered chats, unpaid orders.
    assert!(d.contains("Siapa yang tertinggal") && d.contains("id=\"behind\""));
    assert!(d.contains("Chat belum dibalas"));
    assert!(d.contains("Pesanan belum dibayar"));
    assert!(!d.contains(">unknown<") && !d.contains("unassigned"));
}

/// Friday 15:00: the running week Monday–Friday against last Monday–Friday.
#[test]
fn midweek_compares_the_same_days_of_last_week() {
    let (_shop, out) = site_at("2026-11-20 15:00");
    let d = read(&out, "index.html");
    assert!(d.contains("Minggu 2026-W46"), "the cards are W46's");
    assert!(d.contains("Sen–Jum minggu lalu") && d.contains("Sen–Jum minggu ini"));
    let w = read(&out, "weeks/2026-W47.html");
    assert!(w.contains("Sen–Jum minggu lalu"));
}

/// A complaint open 42 days stays overdue with its deadlines; the index
/// lists open and late complaints first.
#[test]
fn long_open_complaints_show_their_deadlines_first() {
    let (_shop, out) = site_at("2026-11-23 08:00");
    let k = read(&out, "complaints/2026-0005.html");
    assert!(k.contains("Batas penyelesaian"), "resolve deadline");
    assert!(k.contains("Batas tanggapan pertama"), "response deadline");
    let index = read(&out, "complaints.html");
    let first_resolved = index.find(">Selesai<").unwrap_or(usize::MAX);
    let last_open = index.rfind(">terbuka").unwrap_or(0);
    assert!(
        last_open < first_resolved,
        "open complaints before resolved ones"
    );
    let d = read(&out, "index.html");
    assert!(d.contains("lewat "), "overdue time said on the dashboard");
    assert!(!d.contains(" 0 jam"), "no 0 jam");
}

/// Tasks nobody did are shown on the customer's page as missed.
#[test]
fn missed_tasks_stay_in_sight() {
    let (_shop, out) = site_at("2026-12-20 10:00");
    let any_missed = files(&out.join("customers"))
        .values()
        .any(|b| String::from_utf8_lossy(b).contains("Tugas terlewat"));
    assert!(any_missed, "some customer page lists missed tasks");
}

/// The masked site (the default) holds no private note and no feedback
/// text not marked public; the unmasked one does.
#[test]
fn a_masked_site_leaves_out_notes_and_private_feedback() {
    let (_shop, out) = site_at("2026-11-20 15:00");
    let all: String = files(&out)
        .values()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    for private in [
        "Beli buat istri, lagi hamil",
        "Produknya bagus, tapi packing kemarin bikin kecewa",
    ] {
        assert!(!all.contains(private), "masked site shows {private:?}");
    }
    let shop = Test::example_shop();
    let toml = std::fs::read_to_string(shop.path().join("shop.toml")).expect("toml");
    let toml = toml.replace("mask_contacts = true", "mask_contacts = false");
    std::fs::write(shop.path().join("shop.toml"), toml).expect("write");
    let out = shop.beside("open");
    shop.run_args(&[
        "--now",
        "2026-11-20 15:00",
        "report",
        "--out",
        &out.display().to_string(),
    ])
    .code(0);
    let agus = read(&out, "customers/agus-salim.html");
    assert!(
        agus.contains("Beli buat istri"),
        "unmasked site shows the note"
    );
    assert!(
        agus.contains("wa.me/"),
        "unmasked customer page has a WhatsApp button"
    );
}

/// `a … b` appear in that order close together.
fn regex_like(s: &str, a: &str, b: &str) -> bool {
    s.match_indices(a)
        .any(|(i, _)| s[i..].chars().take(12).collect::<String>().contains(b))
}

/// Each admin finds their tasks from the top of the dashboard: a jump link
/// per admin, with the count, to that admin's group of tasks; a week page's
/// pager says the neighbouring weeks' dates.
#[test]
fn each_admin_jumps_to_their_tasks() {
    let (_shop, out) = site_at("2026-11-20 15:00");
    let d = read(&out, "index.html");
    let jump = d
        .split("<nav class=\"jump noprint\"")
        .nth(1)
        .and_then(|n| n.split("</nav>").next())
        .expect("the jump links after the heading");
    assert!(
        d.find("class=\"jump noprint\"") < d.find("Minggu lalu, sudah lengkap"),
        "the jump links come before the cards"
    );
    for admin in ["Dewi", "Rudi"] {
        let at = jump.find(&format!(">{admin} <")).expect(admin);
        let href = jump[..at]
            .rsplit("href=\"#")
            .next()
            .and_then(|h| h.split('"').next());
        let anchor = href.expect("a link to the admin's tasks");
        let group = d
            .split(&format!("id=\"{anchor}\""))
            .nth(1)
            .expect("the group the link points at");
        assert!(
            group
                .trim_start_matches('>')
                .trim_start()
                .starts_with(&format!("<h3>{admin} ")),
            "{anchor} is {admin}'s group"
        );
    }
    let w = read(&out, "weeks/2026-W46.html");
    assert!(w.contains("← W45 · 2–8 Nov") && w.contains("W47 · 16–22 Nov →"));
}
