//! Import and export of the values real address books hold: cells a spreadsheet would
//! run, encodings old phones write, phones with extensions, system labels, and the
//! problems an import must name rather than pass over.

use crate::env::TestEnv;

#[test]
fn a_csv_export_runs_no_formula_and_imports_back_the_same() {
    let env = TestEnv::new();
    env.ok(&["add-contact", "Ana =1+1", "--org", "=HYPERLINK(\"https://x.example\",\"go\")", "--role", "@SUM(1+1)"]);
    let out = env.home().join("out.csv");
    let out = out.display().to_string();
    env.ok(&["export", "csv", "--out", &out]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("Ana,,'=1+1,\"'=HYPERLINK(") && text.contains(",'@SUM(1+1),"), "{text}");

    let other = TestEnv::new();
    other.ok(&["import", "csv", &out]);
    let c = other.contact("Ana =1+1");
    assert_eq!(c["org"], "=HYPERLINK(\"https://x.example\",\"go\")");
    assert_eq!(c["role"], "@SUM(1+1)");
}

fn fixture_path(name: &str) -> String {
    crate::env::fixtures().join("interop").join(name).display().to_string()
}

#[test]
fn a_guessed_encoding_is_named_and_every_card_keeps_its_accents() {
    let env = TestEnv::new();
    let (_, stderr) = env.ok(&["import", "vcard", &fixture_path("joined-mixed.vcf")]);
    assert!(
        stderr.contains(
            "joined-mixed.vcf: card 2 (line 6) is not UTF-8 and names no character set; read as Windows-1252"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("Imported: 3 added"), "{stderr}");
    for name in ["Jürgen Weiß", "José Müller", "Zoë Ångström"] {
        env.contact(name);
    }
    let (_, stderr) = env.ok(&["--lang", "id", "import", "vcard", &fixture_path("charsets.vcf")]);
    assert!(!stderr.contains("tebakan"), "a named character set is no guess: {stderr}");
    env.contact("山田太郎");
}

#[test]
fn groups_are_skipped_and_values_phones_write_are_kept() {
    let env = TestEnv::new();
    let (_, stderr) = env.ok(&["import", "vcard", &fixture_path("cardbook-apple-outlook.vcf")]);
    assert!(stderr.contains("Keluarga Santoso: skipped: a group card"), "{stderr}");
    assert!(stderr.contains("Imported: 3 added, 0 updated, 0 unchanged, 2 skipped"), "{stderr}");
    let sari = env.contact("Sari Dewi");
    assert_eq!(sari["phones"], serde_json::json!(["+1-418-656-9254 ext. 102", "+62 21 555 0101 (fax)"]));
    assert_eq!(sari["tags"], serde_json::json!(["klien"]));
    let (_, stderr) = env.ok(&["import", "linkedin", &fixture_path("Connections-2018.csv")]);
    assert!(!stderr.contains("not a date"), "{stderr}");
    assert_eq!(env.contact("Maria Chen")["met_on"], "2017-12-31");
    let (_, stderr) = env.ok(&["--lang", "id", "import", "csv", &fixture_path("unclosed-quote.csv")]);
    assert!(stderr.contains("baris 3: dilewati: tanda kutip (\") dibuka di sini"), "{stderr}");
}

#[test]
fn colleagues_on_one_switchboard_are_imported_as_themselves() {
    let env = TestEnv::new();
    let csv = env.home().join("acme.csv");
    std::fs::write(
        &csv,
        "Name,Company,Phone 1 - Value,E-mail 1 - Value\n\
         Ani Wijaya,Acme,+62 21 555 1234,info@acme.example\n\
         Bayu Pratama,Acme,+62 21 555 1234,info@acme.example\n\
         Citra Lestari,Acme,+62 21 555 1234,citra@acme.example\n",
    )
    .unwrap();
    let csv = csv.display().to_string();
    env.ok(&["import", "csv", &csv]);
    let names: Vec<String> = env.contacts().iter().map(|c| c["name"].as_str().unwrap().to_string()).collect();
    assert_eq!(names, ["Ani Wijaya", "Bayu Pratama", "Citra Lestari"], "nobody merged on the shared line");
    // The same file again finds each of them and adds nothing.
    let before = env.snapshot();
    let (_, err) = env.ok(&["import", "csv", &csv]);
    assert!(err.contains("3 unchanged"), "{err}");
    before.assert_unchanged();
}
