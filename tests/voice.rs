//! The rest of what a person reads in the shop's language (SPEC §6):
//! `report`'s refusals and template errors, `log`'s, and the report site's
//! words for groups without a source or an admin.

use crate::support::{Test, NOW};

const SITI: &str = "name: Siti\nfirst_contact: 2026-11-17 10:00\n";

#[test]
fn report_refuses_the_shops_own_folders_in_indonesian() {
    let t = Test::new().file("customers/siti.yaml", SITI);
    let out = t.path().join("customers").join("site");
    t.args(&["--now", NOW, "report", "--out", &out.display().to_string()])
        .run()
        .code(2)
        .stderr_has(
            "laporan tidak boleh ditulis ke dalam folder toko sendiri; pakai folder lain, misalnya public/",
        );
}

#[test]
fn a_broken_shop_template_names_itself_in_the_shops_language() {
    Test::new()
        .file("customers/siti.yaml", SITI)
        .file("templates/report/hours.html", "{% if %}")
        .args(&["--now", NOW, "report"])
        .run()
        .code(1)
        .stderr_has("langgan: template laporan bermasalah: ")
        .stderr_has("(template milik toko: templates/report/hours.html; periksa atau hapus")
        .stderr_lacks("report template error");
    Test::english()
        .file("customers/siti.yaml", SITI)
        .file("templates/report/hours.html", "{% if %}")
        .args(&["--now", NOW, "report"])
        .run()
        .code(1)
        .stderr_has("langgan: report template error: ")
        .stderr_has("(shop templates: templates/report/hours.html)");
}

#[test]
fn a_broken_message_template_names_itself_in_the_shops_language() {
    Test::new()
        .file("customers/siti.yaml", SITI)
        .file("templates/messages/lead-1.txt", "Halo {% if %}")
        .args(&["--now", NOW, "report"])
        .run()
        .code(1)
        .stderr_has("templates/messages/lead-1.txt: template pesan bermasalah: ");
}

#[test]
fn log_without_a_kind_and_on_a_one_line_list() {
    let t = Test::new().file("customers/siti.yaml", SITI);
    t.run_args(&["--now", NOW, "log", "siti"])
        .code(2)
        .stderr_has("langgan: log PELANGGAN JENIS [CATATAN]: JENIS salah satu dari inbound, ");
    let t = Test::new().file(
        "customers/siti.yaml",
        "name: Siti\nfirst_contact: 2026-11-17 10:00\ninteractions: [{at: 2026-11-17 10:00, kind: inbound}]\n",
    );
    let before = std::fs::read(t.path().join("customers/siti.yaml")).expect("read");
    t.run_args(&["--now", NOW, "log", "siti", "followup", "--by", "dewi"])
        .code(1)
        .stderr_has(
            "siti.yaml: `interactions` ditulis dalam satu baris ([…]); tulis sebagai daftar dengan satu `- at:` per baris agar bisa memakai `log`",
        );
    let after = std::fs::read(t.path().join("customers/siti.yaml")).expect("read");
    assert_eq!(before, after, "nothing was written");
    Test::english()
        .file(
            "customers/siti.yaml",
            "name: Siti\nfirst_contact: 2026-11-17 10:00\ninteractions: [{at: 2026-11-17 10:00, kind: inbound}]\n",
        )
        .run_args(&["--now", NOW, "log", "siti", "followup", "--by", "dewi"])
        .code(1)
        .stderr_has("`interactions` is written on one line ([…])");
}

#[test]
fn the_site_names_groups_without_a_source_or_an_admin() {
    let t = Test::new().file("customers/siti.yaml", SITI);
    t.run_args(&["--now", NOW, "report"]).code(0);
    let week =
        std::fs::read_to_string(t.path().join("public/weeks/2026-W47.html")).expect("week page");
    assert!(week.contains("<td>Tidak diketahui</td>"), "{week}");
    assert!(week.contains("<td>Belum ada admin</td>"), "{week}");
    assert!(!week.contains(">unknown<") && !week.contains(">unassigned<"));
    let t = Test::english().file("customers/siti.yaml", SITI);
    t.run_args(&["--now", NOW, "report"]).code(0);
    let week =
        std::fs::read_to_string(t.path().join("public/weeks/2026-W47.html")).expect("week page");
    assert!(week.contains("<td>Not recorded</td>"), "{week}");
    assert!(week.contains("<td>No admin</td>"), "{week}");
}
