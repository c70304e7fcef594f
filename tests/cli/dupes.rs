//! Namesakes are never merged on import, and `jejaring dupes` suggests the pairs that
//! may be one person. Fixtures are written for this repo in the shapes that failed.

use crate::env::{TestEnv, fixtures};
use serde_json::Value;

fn interop(name: &str) -> String {
    fixtures().join("interop").join(name).display().to_string()
}

fn last_line(s: &str) -> &str {
    s.trim_end().lines().last().unwrap_or_default()
}

fn named<'a>(contacts: &'a [Value], name: &str) -> Vec<&'a Value> {
    contacts.iter().filter(|c| c["name"] == name).collect()
}

#[test]
fn vcards_with_different_uids_stay_two_people_and_export_one_uid_each() {
    let env = TestEnv::new();
    let file = interop("budi-namesakes.vcf");
    let (_, err) = env.ok(&["import", "vcard", &file]);
    assert_eq!(last_line(&err), "Imported: 2 added, 0 updated, 0 unchanged, 0 skipped");
    let contacts = env.contacts();
    let budis = named(&contacts, "Budi");
    assert_eq!(budis.len(), 2);
    assert_eq!(budis[0]["source_ids"], serde_json::json!(["aaaa-1"]));
    assert_eq!(budis[0]["phones"], serde_json::json!(["+62 811-1000-0001"]));
    assert_eq!(budis[1]["source_ids"], serde_json::json!(["bbbb-2"]));
    assert_eq!(budis[1]["birthday"], "1988-07-21");

    let (vcf, _) = env.ok(&["export", "vcard"]);
    assert_eq!(vcf.matches("UID:").count(), 2, "one UID per card:\n{vcf}");
    assert!(!vcf.contains("X-JEJARING-UID"), "no card carries the other's UID:\n{vcf}");

    let before = env.snapshot();
    let (_, err) = env.ok(&["import", "vcard", &file]);
    assert_eq!(last_line(&err), "Imported: 0 added, 0 updated, 2 unchanged, 0 skipped");
    before.assert_unchanged();
    let (out, err) = env.ok(&["dupes"]);
    assert_eq!(out, "", "the UIDs say they are two people");
    assert_eq!(err.trim(), "No likely duplicates.");
}

/// A Google Contacts CSV export (contacts.google.com, "Google CSV"): three pairs of
/// namesakes with different mobiles, and one person listed twice with one mobile.
#[test]
fn google_namesakes_with_different_phones_are_added_and_suggested() {
    let env = TestEnv::new();
    let file = interop("google-namesakes.csv");
    let (_, err) = env.ok(&["import", "csv", &file]);
    assert!(err.contains("Imported: 7 added, 1 updated, 0 unchanged, 0 skipped\n"), "{err}");
    assert_eq!(last_line(&err), "3 possible duplicates — see `jejaring dupes`");
    let contacts = env.contacts();
    for name in ["Manu", "RAJEEV", "SALEEM"] {
        let people = named(&contacts, name);
        assert_eq!(people.len(), 2, "{name}");
        assert_eq!(people[0]["phones"].as_array().unwrap().len(), 1, "{name} kept one phone each");
        assert_ne!(people[0]["phones"], people[1]["phones"]);
    }
    let priya = named(&contacts, "Priya Nair");
    assert_eq!(priya.len(), 1, "the same mobile makes one person");
    assert_eq!(priya[0]["emails"], serde_json::json!(["priya@infosys.example", "priya.nair@mail.example"]));

    let before = env.snapshot();
    let (_, err) = env.ok(&["import", "csv", &file]);
    assert_eq!(last_line(&err), "Imported: 0 added, 0 updated, 8 unchanged, 0 skipped");
    before.assert_unchanged();

    let (out, err) = env.ok(&["dupes"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines[0].starts_with("Manu ("), "{out}");
    assert!(lines[0].ends_with("): same name (accents, case and word order aside)"), "{out}");
    assert_eq!(err.trim(), "3 likely duplicate pairs. Merge one with `jejaring merge A B` (B goes into A).");

    let (json, _) = env.ok(&["--json", "dupes"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["pairs"].as_array().unwrap().len(), 3);
    assert_eq!(v["pairs"][0]["a"]["name"], "Manu");
    assert_eq!(v["pairs"][0]["evidence"], serde_json::json!([{ "kind": "name" }]));
    assert_eq!(v["pairs"][0]["conflicts"], serde_json::json!([]));
    assert_eq!(v["crowds"], serde_json::json!([]));
    let (_, err) = env.ok(&["--lang", "id", "dupes"]);
    assert_eq!(
        err.trim(),
        "3 pasangan kemungkinan duplikat. Gabungkan satu dengan `jejaring merge A B` (B masuk ke A)."
    );
}

/// LinkedIn's Connections.csv (Settings → Data privacy → Get a copy of your data):
/// two "Rahul Sharma, Tata Consultancy Services" with different profile URLs.
#[test]
fn linkedin_namesakes_with_different_profiles_keep_their_own_url_role_and_date() {
    let env = TestEnv::new();
    let file = interop("linkedin-namesakes.csv");
    let (_, err) = env.ok(&["import", "linkedin", &file]);
    assert_eq!(last_line(&err), "Imported: 2 added, 0 updated, 0 unchanged, 0 skipped");
    let contacts = env.contacts();
    let rahul = named(&contacts, "Rahul Sharma");
    assert_eq!(rahul.len(), 2);
    assert_eq!(rahul[0]["linkedin"], "https://www.linkedin.com/in/rahul-sharma-1a2b3c");
    assert_eq!(rahul[0]["role"], "Systems Engineer");
    assert_eq!(rahul[1]["linkedin"], "https://www.linkedin.com/in/rahulsharma-tcs");
    assert_eq!(rahul[1]["role"], "Delivery Manager");
    assert_ne!(rahul[0]["met_on"], rahul[1]["met_on"]);
    let before = env.snapshot();
    env.ok(&["import", "linkedin", &file]);
    before.assert_unchanged();
}

/// Common Indonesian single-word names, many people to each.
const NAMES: [&str; 40] = [
    "Tukiyem", "Sutrisno", "Suparman", "Sri", "Wati", "Slamet", "Sumarni", "Joko", "Agus", "Budi", "Siti", "Dewi",
    "Yanto", "Paijo", "Ngatini", "Sukirman", "Parmi", "Wagiman", "Suyatmi", "Karto", "Sugiyono", "Marni", "Tarno",
    "Sarinah", "Darmi", "Mulyono", "Rukmini", "Warsito", "Juminten", "Sukarti", "Bejo", "Painem", "Kasiyem", "Suwarno",
    "Sumini", "Legiman", "Tumini", "Sarmo", "Giyem", "Wartini",
];

#[test]
fn a_thousand_cards_of_common_single_word_names_import_as_a_thousand() {
    let env = TestEnv::new();
    // One card per person, with its own mobile; two in three carry a UID, as a phone's
    // export does, and the rest none, as a hand-made file does.
    let mut vcf = String::new();
    for i in 0..1000 {
        let name = NAMES[i % NAMES.len()];
        vcf.push_str(&format!("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nTEL;TYPE=CELL:+62 813 {i:08}\r\n"));
        if i % 3 != 0 {
            vcf.push_str(&format!("UID:card-{i}\r\n"));
        }
        vcf.push_str("END:VCARD\r\n");
    }
    let file = env.home().join("thousand.vcf");
    std::fs::write(&file, vcf).unwrap();
    let file = file.display().to_string();
    let (_, err) = env.ok(&["import", "vcard", &file]);
    assert!(err.contains("Imported: 1000 added, 0 updated, 0 unchanged, 0 skipped\n"), "{err}");
    assert_eq!(env.contacts().len(), 1000);

    // Namesakes that both carry a UID are told apart by it; every other pair of
    // namesakes is a suggestion.
    let mut expected = 0;
    for n in 0..NAMES.len() {
        let cards: Vec<usize> = (0..1000).filter(|i| i % NAMES.len() == n).collect();
        let with_uid = cards.iter().filter(|i| *i % 3 != 0).count();
        expected += cards.len() * (cards.len() - 1) / 2 - with_uid * (with_uid - 1) / 2;
    }
    assert_eq!(last_line(&err), format!("{expected} possible duplicates — see `jejaring dupes`"));
    let (json, _) = env.ok(&["--json", "dupes"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["pairs"].as_array().unwrap().len(), expected);

    let before = env.snapshot();
    let (_, err) = env.ok(&["import", "vcard", &file]);
    assert_eq!(last_line(&err), "Imported: 0 added, 0 updated, 1000 unchanged, 0 skipped");
    before.assert_unchanged();
}

/// A names-only CSV (a list typed into a spreadsheet; any client's "Name" column):
/// nothing identifies anyone, so an exact repeat is the same record.
#[test]
fn a_names_only_csv_imports_twice_without_copies() {
    let env = TestEnv::new();
    let file = env.home().join("names.csv");
    std::fs::write(&file, "Name,Company\nTukiyem,\nTukiyem,\nAna,Gojek\nAna,Tokopedia\n").unwrap();
    let file = file.display().to_string();
    let (_, err) = env.ok(&["import", "csv", &file]);
    assert!(err.contains("Imported: 3 added, 0 updated, 1 unchanged, 0 skipped\n"), "{err}");
    let before = env.snapshot();
    let (_, err) = env.ok(&["import", "csv", &file]);
    assert_eq!(last_line(&err), "Imported: 0 added, 0 updated, 4 unchanged, 0 skipped");
    before.assert_unchanged();
}

#[test]
fn strong_evidence_comes_first_with_what_speaks_against_it() {
    let env = TestEnv::new();
    env.add("Budi Santoso", &["--email", "budi@example.com", "--birthday", "1990-03-15"]);
    env.add("B. Santoso", &["--email", "BUDI@example.com", "--birthday", "1991-03-15", "--force"]);
    env.add("Siti Rahma", &["--phone", "+62 812 1111 2222"]);
    env.add("Siti R.", &["--phone", "(+62) 812-1111-2222", "--force"]);
    env.add("José Pérez", &["--org", "Gojek"]);
    env.add("Perez Jose", &["--org", "GOJEK", "--force"]);
    let (out, _) = env.ok(&["dupes"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines[0].contains("same email budi@example.com; but different birthdays"), "{out}");
    assert!(lines[1].contains("same phone number (digits 6281211112222)"), "{out}");
    assert!(lines[2].contains("same name and organisation"), "{out}");
    let (out, _) = env.ok(&["--lang", "id", "dupes"]);
    assert!(out.contains("email sama budi@example.com; tetapi tanggal lahir berbeda"), "{out}");
}
