//! `jejaring merge A B`: B goes into A with everything about B, in one save; refused
//! without a terminal or --yes; undone by putting the backup back.

use crate::env::{TestEnv, one_error_line};
use crate::pty::{answer, exit_code, spawn};
use serde_json::{Value, json};

/// Two records of one Budi, B with an interaction, a shared interaction, a fact, a
/// trust note, a promise, a goal link and a place in this week's plan.
fn two_budis() -> (TestEnv, String, String) {
    let env = TestEnv::new();
    let a = env.add(
        "Budi Santoso",
        &[
            "--email",
            "budi@tokopedia.example",
            "--org",
            "Tokopedia",
            "--phone",
            "+62 812 1111 2222",
            "--tag",
            "fintech",
        ],
    );
    let b = env.add(
        "Budi S.",
        &[
            "--email",
            "budi.s@mail.example",
            "--org",
            "Gojek",
            "--role",
            "Engineer",
            "--phone",
            "+62-812-1111-2222",
            "--phone",
            "+62 813 0000 0001",
            "--tag",
            "kopi",
            "--force",
        ],
    );
    env.ok(&["log", &b, "coffee at the meetup"]);
    env.ok(&["log", &a, &b, "-m", "lunch together"]);
    env.ok(&["know", &b, "has two kids"]);
    env.ok(&["trust", &b, "--level", "4", "--note", "kept his word"]);
    env.ok(&["promise", &b, "send the deck", "--due", "fri"]);
    env.ok(&[
        "goal",
        "new",
        "--no-input",
        "--title",
        "Meet fintech people",
        "--metric",
        "interactions",
        "--target",
        "5",
        "--deadline",
        "2027-01-31",
    ]);
    env.ok(&["goal", "link", "1", &b]);
    env.ok(&["select", "--save"]);
    (env, a, b)
}

fn id_of(env: &TestEnv, handle: &str) -> Value {
    env.contacts().into_iter().find(|c| c["handle"] == handle).expect("the contact")["id"].clone()
}

#[test]
fn merge_moves_everything_about_b_to_a_in_one_save() {
    let (env, a, b) = two_budis();
    let (ida, idb) = (id_of(&env, &a), id_of(&env, &b));
    let backups_before = env.backup_names().len();
    let (out, err) = env.ok(&["merge", &a, &b, "--yes"]);
    assert_eq!(out, "");
    assert!(err.starts_with(&format!("Merge Budi S. ({b}) into Budi Santoso ({a}):\n")), "{err}");
    assert!(err.contains("  Budi Santoso gains: role, emails, phones, tags\n"), "{err}");
    assert!(err.contains("Budi S.'s go into the note: name \"Budi S.\", organisation \"Gojek\"\n"), "{err}");
    assert!(
        err.contains(
            "  moves to Budi Santoso: 2 interactions, 1 fact, 1 promise, 1 trust note, 1 goal link, 1 plan pick\n"
        ),
        "{err}"
    );
    assert!(err.contains("Merged Budi S. into Budi Santoso.\n"), "{err}");
    assert_eq!(env.backup_names().len(), backups_before + 1, "one save");

    let data = env.json();
    let contacts = data["contacts"].as_array().unwrap();
    assert_eq!(contacts.len(), 1);
    let budi = &contacts[0];
    assert_eq!(budi["id"], ida);
    assert_eq!(budi["name"], "Budi Santoso");
    assert_eq!(budi["org"], "Tokopedia");
    assert_eq!(budi["role"], "Engineer");
    assert_eq!(budi["emails"], json!(["budi@tokopedia.example", "budi.s@mail.example"]));
    assert_eq!(budi["phones"], json!(["+62 812 1111 2222", "+62 813 0000 0001"]));
    assert_eq!(budi["tags"], json!(["fintech", "kopi"]));
    assert_eq!(budi["note"], format!("Merged from Budi S. ({b}) on 2026-11-28:\nname: Budi S.\norganisation: Gojek"));
    let text = data.to_string();
    assert!(!text.contains(idb.as_str().unwrap()), "nothing still points at B");
    let interactions = data["interactions"].as_array().unwrap();
    assert_eq!(interactions.len(), 2);
    for i in interactions {
        assert_eq!(i["contacts"], json!([ida.clone()]), "one talk with both is one talk with Budi");
    }
    assert_eq!(data["facts"][0]["contact"], ida);
    assert_eq!(data["promises"][0]["contact"], ida);
    assert_eq!(data["trust_notes"][0]["contact"], ida);
    assert_eq!(data["goals"][0]["contacts"], json!([ida.clone()]));
    assert_eq!(data["plans"][0]["picks"].as_array().unwrap().len(), 1, "one pick for one person");
    assert_eq!(data["plans"][0]["picks"][0]["contact"], ida);

    let (out, _) = env.ok(&["promise", "list"]);
    assert!(out.contains("Budi Santoso: send the deck"), "{out}");
    let (out, _) = env.ok(&["goal", "show", "1"]);
    assert!(out.contains("Budi Santoso"), "{out}");
}

#[test]
fn without_a_terminal_or_yes_nothing_changes() {
    let (env, a, b) = two_budis();
    let before = env.snapshot();
    let err = env.fails(&["merge", &a, &b], 2);
    assert_eq!(one_error_line(&err), "error: merging needs confirmation; add --yes");
    before.assert_unchanged();
    let err = env.fails(&["--lang", "id", "merge", &a, &b], 2);
    assert_eq!(err, "galat: penggabungan perlu konfirmasi; tambahkan --yes\n");
    let err = env.fails(&["merge", &a, &a, "--yes"], 2);
    assert_eq!(one_error_line(&err), "error: both names are Budi Santoso; name two different contacts");
    let err = env.fails(&["merge", &a, "nobody-here", "--yes"], 1);
    assert!(one_error_line(&err).contains("no contact matches \"nobody-here\""), "{err}");
    before.assert_unchanged();
}

#[test]
fn json_says_what_was_kept_gained_and_moved() {
    let (env, a, b) = two_budis();
    let (out, _) = env.ok(&["--json", "merge", &a, &b, "--yes"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["kept"]["handle"], a.as_str());
    assert_eq!(v["removed"], json!({ "handle": b, "name": "Budi S." }));
    assert_eq!(v["gained"], json!(["role", "emails", "phones", "tags"]));
    assert_eq!(
        v["kept_in_note"],
        json!([{ "field": "name", "value": "Budi S." }, { "field": "org", "value": "Gojek" }])
    );
    assert_eq!(
        v["moved"],
        json!({ "interactions": 2, "facts": 1, "promises": 1, "trust_notes": 1, "stage_changes": 0, "goals": 1, "plans": 1 })
    );
}

#[test]
fn the_backup_from_before_the_merge_undoes_it() {
    let (env, a, b) = two_budis();
    let before = env.bytes().unwrap();
    let (_, err) = env.ok(&["merge", &a, &b, "--yes"]);
    let undo =
        err.lines().find(|l| l.starts_with("To undo, put back the file from before the merge: cp ")).expect(&err);
    let backup = undo.split('"').nth(1).expect("the backup's path in quotes");
    assert_eq!(std::fs::read(backup).unwrap(), before, "the backup is the network before the merge");
    std::fs::copy(backup, &env.data).unwrap();
    let (out, _) = env.ok(&["list"]);
    assert!(out.contains("Budi S.") && out.contains("Budi Santoso"), "{out}");
}

#[test]
fn merge_asks_first_on_a_terminal() {
    let (env, a, b) = two_budis();
    let before = env.snapshot();
    let mut s = spawn(&env, &["merge", &a, &b]);
    s.expect_str("then Budi S.");
    answer(&mut s, "Merge them?", "n");
    s.expect_str("Nothing merged.");
    assert_eq!(exit_code(s), 0);
    before.assert_unchanged();
    let mut s = spawn(&env, &["merge", &a, &b]);
    answer(&mut s, "Merge them?", "y");
    s.expect_str("Merged Budi S. into Budi Santoso.");
    assert_eq!(exit_code(s), 0);
    assert_eq!(env.contacts().len(), 1);
}

trait ExpectStr {
    fn expect_str(&mut self, text: &str);
}

impl ExpectStr for expectrl::session::OsSession {
    fn expect_str(&mut self, text: &str) {
        use expectrl::Expect;
        self.expect(text).unwrap_or_else(|e| panic!("waiting for {text:?}: {e}"));
    }
}
