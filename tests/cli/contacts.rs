//! add-contact, list, show, edit and remove.

use crate::env::{NOW, TestEnv, one_error_line};
use serde_json::{Value, json};
use std::io::Read;
use std::process::Stdio;

fn names(list_json: &str) -> Vec<String> {
    let rows: Vec<Value> = serde_json::from_str(list_json).expect("list --json prints a JSON array");
    rows.iter().map(|r| r["name"].as_str().unwrap().to_string()).collect()
}

// ---------------------------------------------------------------- add-contact

#[test]
fn add_contact_with_every_flag() {
    let env = TestEnv::new();
    let (out, err) = env.ok(&[
        "add-contact",
        "  Budi Santoso ",
        "--circle",
        "colleague",
        "--stage",
        "connection",
        "--org",
        "Bank Mandiri",
        "--role",
        "Head of Lending",
        "--email",
        "Budi@Example.co.id",
        "--email",
        "budi@home.example",
        "--phone",
        "+62 812-3456-7890",
        "--phone",
        "021 555 1234",
        "--tag",
        "Fintech",
        "--tag",
        "mentor",
        "--met-at",
        "Fintech meetup, Jakarta",
        "--met-on",
        "last friday",
        "--impression",
        "Calm, listens first",
        "--every",
        "2 weeks",
        "--note",
        "Likes kopi tubruk",
    ]);
    assert_eq!(out, "", "add-contact prints data only with --json");
    let c = env.contact("Budi Santoso");
    let handle = c["handle"].as_str().unwrap();
    // "last friday" is said back as the day it was read as.
    assert_eq!(err, format!("Added Budi Santoso (colleague, connection), met on 2026-11-27; handle {handle}\n"));
    assert!((4..=6).contains(&handle.len()) && handle.bytes().all(|b| (b'k'..=b'z').contains(&b)), "{handle}");
    assert_eq!(c["circle"], "colleague");
    assert_eq!(c["stage"], "connection");
    assert_eq!(c["org"], "Bank Mandiri");
    assert_eq!(c["role"], "Head of Lending");
    assert_eq!(c["emails"], json!(["budi@example.co.id", "budi@home.example"]));
    assert_eq!(c["phones"], json!(["+62 812-3456-7890", "021 555 1234"]));
    assert_eq!(c["tags"], json!(["fintech", "mentor"]));
    assert_eq!(c["met_at"], "Fintech meetup, Jakarta");
    assert_eq!(c["met_on"], "2026-11-27", "last friday, seen from Saturday {NOW}");
    assert_eq!(c["impression"], "Calm, listens first");
    assert_eq!(c["every"], "2w");
    assert_eq!(c["note"], "Likes kopi tubruk");
    assert_eq!(c["added"], "2026-11-28T12:00:00Z");
}

#[test]
fn add_contact_defaults_and_indonesian_aliases() {
    let env = TestEnv::new();
    env.ok(&["add-contact", "Siti"]);
    let c = env.contact("Siti");
    assert_eq!((c["circle"].as_str(), c["stage"].as_str()), (Some("other"), Some("acquaintance")));
    for absent in ["org", "role", "emails", "phones", "tags", "met_at", "impression", "every", "note"] {
        assert!(c.get(absent).is_none(), "{absent} should be left out when empty");
    }
    // An acquaintance entered by hand was met today: a new person.
    assert_eq!(c["met_on"], "2026-11-28");
    env.ok(&["add-contact", "Dewi", "--stage", "acquaintance", "--met-on", ""]);
    assert!(env.contact("Dewi").get("met_on").is_none(), "--met-on \"\" says long ago");
    env.ok(&["add-contact", "Rina", "--circle", "keluarga", "--stage", "tepercaya", "--met-on", "kemarin"]);
    let c = env.contact("Rina");
    assert_eq!((c["circle"].as_str(), c["stage"].as_str()), (Some("family"), Some("trusted")));
    assert_eq!(c["met_on"], "2026-11-27");
}

#[test]
fn add_contact_json_prints_the_saved_contact() {
    let env = TestEnv::new();
    let (out, _) = env.ok(&["--json", "add-contact", "Ana Lestari", "--tag", "hr"]);
    let printed: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(printed, env.contact("Ana Lestari"));
}

#[test]
fn duplicate_names_and_emails_need_force() {
    let env = TestEnv::with_fixture("network.json");
    let before = env.snapshot();
    // Same name after folding case and accents.
    let err = env.fails(&["add-contact", "jurgen weiss"], 1);
    let line = one_error_line(&err);
    assert!(line.contains("Jürgen Weiß (9e2f) already has this name or email"), "{line}");
    assert!(line.contains("--force"), "{line}");
    // A different name but a known email.
    let err = env.fails(&["add-contact", "J. Weiss", "--email", "JW@example.de"], 1);
    assert!(one_error_line(&err).contains("Jürgen Weiß (9e2f)"));
    before.assert_unchanged();

    env.ok(&["add-contact", "jurgen weiss", "--force"]);
    let names: Vec<String> = env.contacts().iter().map(|c| c["name"].as_str().unwrap().to_string()).collect();
    assert_eq!(names.len(), 6);
    assert!(names.contains(&"Jürgen Weiß".to_string()) && names.contains(&"jurgen weiss".to_string()));
}

#[test]
fn handles_are_unique_and_name_the_contact() {
    let env = TestEnv::new();
    let a = env.add("Made Wirawan", &[]);
    let b = env.add("Made Wirawan", &["--force"]);
    assert_ne!(a, b);
    let (out, _) = env.ok(&["--json", "show", &b]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["contact"]["handle"], b.as_str());
}

// ---------------------------------------------------------------- list

#[test]
fn list_is_a_table_sorted_by_name() {
    let env = TestEnv::with_fixture("network.json");
    let (out, err) = env.ok(&["list"]);
    // Piped output is a fixed-width table without colour; cells are padded, so compare
    // the lines without their trailing spaces.
    let out: Vec<&str> = out.lines().map(str::trim_end).collect();
    insta::assert_snapshot!(out.join("\n"), @r"
     handle   name           circle      stage          org / role                               last talked
    -------- -------------- ----------- -------------- ---------------------------------------- -------------
     a4a1     Ana Lestari    family      trusted                                                 yesterday
     b0d1     Budi Santoso   colleague   trusted        Bank Mandiri / Head of Digital Lending   8 days ago
     9e2f     Jürgen Weiß    colleague   acquaintance   SAP                                      never
     5a1e     Siti Rahma     friend      connection     Gojek                                    57 days ago
     5b0e     Sitorus Pane   other       stranger                                                never
    ");
    assert_eq!(err, "5 of 5 contacts\n");
}

#[test]
fn list_filters() {
    let env = TestEnv::with_fixture("network.json");
    let list = |args: &[&str]| {
        let mut a = vec!["--json", "list"];
        a.extend_from_slice(args);
        names(&env.ok(&a).0)
    };
    assert_eq!(list(&["--circle", "colleague"]), ["Budi Santoso", "Jürgen Weiß"]);
    assert_eq!(list(&["--circle", "colleague", "--circle", "family"]), ["Ana Lestari", "Budi Santoso", "Jürgen Weiß"]);
    assert_eq!(list(&["--stage", "trusted"]), ["Ana Lestari", "Budi Santoso"]);
    assert_eq!(list(&["--stage", "orang-asing"]), ["Sitorus Pane"]);
    assert_eq!(list(&["--tag", "fintech"]), ["Budi Santoso", "Jürgen Weiß"]);
    assert_eq!(list(&["--tag", "FINTECH", "--tag", "mentor"]), ["Budi Santoso"]);
    assert_eq!(list(&["--search", "mandiri"]), ["Budi Santoso"]);
    assert_eq!(list(&["--search", "jurgen"]), ["Jürgen Weiß"], "accents are folded");
    assert_eq!(list(&["--search", "example.de"]), ["Jürgen Weiß"], "emails are searched");
    assert_eq!(list(&["--search", "jakarta"]), ["Budi Santoso"], "notes are searched");
    assert_eq!(list(&["--search", "bandung"]), ["Sitorus Pane"], "where you met is searched");
    assert_eq!(list(&["--circle", "friend", "--stage", "trusted"]), Vec::<String>::new());
}

#[test]
fn list_sorts_and_limits() {
    let env = TestEnv::with_fixture("network.json");
    let list = |args: &[&str]| {
        let mut a = vec!["--json", "list"];
        a.extend_from_slice(args);
        names(&env.ok(&a).0)
    };
    assert_eq!(list(&["--sort", "recent"])[..3], ["Ana Lestari", "Budi Santoso", "Siti Rahma"]);
    assert_eq!(
        list(&["--sort", "added"]),
        ["Ana Lestari", "Jürgen Weiß", "Sitorus Pane", "Siti Rahma", "Budi Santoso"]
    );
    assert_eq!(list(&["--sort", "name", "--limit", "2"]), ["Ana Lestari", "Budi Santoso"]);
    let (_, err) = env.ok(&["list", "--limit", "2"]);
    assert_eq!(err, "2 of 5 contacts\n");
    // A table cut to one row is that row's table: the rows left out do not widen it.
    let (first_added, _) = env.ok(&["list", "--sort", "added", "--limit", "1"]);
    assert_eq!(first_added, env.ok(&["list", "--search", "ana lestari"]).0);
    assert!(first_added.contains("Ana Lestari"), "{first_added}");
    assert_eq!(list(&["--limit", "0"]), Vec::<String>::new());
}

#[test]
fn list_json_has_the_contact_and_last_contact() {
    let env = TestEnv::with_fixture("network.json");
    let (out, _) = env.ok(&["list", "--json", "--search", "budi"]);
    let rows: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["handle"], "b0d1");
    assert_eq!(rows[0]["last_contact"], "2026-11-20");
    assert_eq!(rows[0]["emails"], json!(["budi.santoso@example.co.id"]));
}

#[test]
fn list_of_an_empty_network_says_how_to_start() {
    let env = TestEnv::new();
    let (out, err) = env.ok(&["list"]);
    assert_eq!(out, "");
    assert!(err.starts_with("No contacts yet."), "{err}");
    assert!(err.contains("jejaring add-contact"), "{err}");
    assert!(!env.data.exists() && !env.data.parent().unwrap().exists(), "a read creates nothing");
    let (out, _) = env.ok(&["list", "--json"]);
    assert_eq!(out.trim(), "[]");

    let env = TestEnv::with_fixture("network.json");
    let (_, err) = env.ok(&["list", "--tag", "nobody-has-this"]);
    assert_eq!(err, "No contact matches these filters.\n");
}

#[test]
fn list_into_a_closed_pipe_exits_zero() {
    // Like `jejaring list | head -1`: far more output than a pipe buffer holds, and the
    // reader goes away after the first bytes.
    let env = TestEnv::new();
    let contacts: Vec<Value> = (0..5000)
        .map(|i| {
            json!({
                "id": format!("0192f0a0-0000-7000-8000-{i:012x}"),
                "handle": format!("h{i:04x}"),
                "name": format!("Person Number {i}"),
                "circle": "other",
                "stage": "acquaintance",
                "org": "Some Organisation With A Long Name",
                "added": "2026-01-01T00:00:00Z"
            })
        })
        .collect();
    env.write_data(serde_json::to_vec(&json!({"version": 1, "contacts": contacts, "interactions": []})).unwrap());
    for args in [&["list"][..], &["list", "--json"][..]] {
        let mut child =
            env.std_command().args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn");
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 64];
        stdout.read_exact(&mut first).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("error"), "{args:?}: {stderr}");
    }
}

// ---------------------------------------------------------------- show

#[test]
fn show_prints_everything_known() {
    let env = TestEnv::with_fixture("network.json");
    let (out, err) = env.ok(&["show", "budi"]);
    assert_eq!(err, "");
    insta::assert_snapshot!(out, @r#"
    Budi Santoso  b0d1
      circle:            colleague
      stage:             trusted
      organisation:      Bank Mandiri
      role:              Head of Digital Lending
      email:             budi.santoso@example.co.id
      phone:             +62 812-3456-7890
      tags:              fintech, mentor
      met:               My first team lead (2022-10-20)
      first impression:  Calm, listens before he speaks
      last talked:       2026-11-20 (8 days ago)
      keep in touch:     every month; next 2026-12-20 (in 22 days)
      note:              Introduced me to half of Jakarta fintech
      added:             2025-10-24

    Warmth 69/100
      +40  talked 8 days ago, within the 30-day rhythm
      +12  trust level 4 of 5 (from the stage; no trust note yet)
      +10  they started 1 of the last 2 conversations
      +6   2 conversations in the last 6 months
      +1   you know 17% of the basics about them

    Trust
      trust level 4 of 5 (from the stage; set it with --level)
      no promise resolved yet (0 open)

    What you know about Budi Santoso (17%)
      no facts noted yet; their work is known from the organisation or role
      not yet known: interests, goals, current challenge, family, values
      next time, ask: What do you enjoy outside work?

    Promises
      none open

    Who Budi knows
      Siti Rahma (5a1e) — a conversation you logged with both, on 2026-10-02

    Interactions (2)
      2026-11-20  meeting      Coffee after the fintech meetup
      2026-10-02  call         [they reached out] (with Siti Rahma)  Planning the alumni dinner
    "#);
}

#[test]
fn show_history_is_limited_on_request() {
    let env = TestEnv::with_fixture("network.json");
    let (out, _) = env.ok(&["show", "b0d1", "--history", "1"]);
    assert!(out.contains("Coffee after the fintech meetup"));
    assert!(!out.contains("alumni dinner"));
    assert!(out.contains("… 1 more (use --history N)"), "{out}");

    let (out, _) = env.ok(&["show", "sitorus"]);
    assert!(out.contains("Interactions (0)"), "{out}");
    assert!(out.contains("jejaring log 5b0e"), "{out}");
}

#[test]
fn show_json() {
    let env = TestEnv::with_fixture("network.json");
    let (out, _) = env.ok(&["show", "Budi Santoso", "--json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["contact"]["name"], "Budi Santoso");
    assert_eq!(v["last_contact"], "2026-11-20");
    assert_eq!(v["next_due"], "2026-12-20");
    let days: Vec<&str> = v["interactions"].as_array().unwrap().iter().map(|i| i["on"].as_str().unwrap()).collect();
    assert_eq!(days, ["2026-11-20", "2026-10-02"], "most recent first");
}

#[test]
fn show_finds_people_by_handle_prefix_word_and_folded_accents() {
    let env = TestEnv::with_fixture("network.json");
    let who = |q: &str| {
        let (out, _) = env.ok(&["--json", "show", q]);
        serde_json::from_str::<Value>(&out).unwrap()["contact"]["name"].as_str().unwrap().to_string()
    };
    assert_eq!(who("jurgen"), "Jürgen Weiß");
    assert_eq!(who("JÜRGEN"), "Jürgen Weiß");
    assert_eq!(who("weiss"), "Jürgen Weiß");
    assert_eq!(who("5b0e"), "Sitorus Pane");
    assert_eq!(who("santo"), "Budi Santoso");
    assert_eq!(who("0192f0a0-0000-7000-8000-00000000a4a1"), "Ana Lestari");
    assert_eq!(who("siti"), "Siti Rahma", "an exact first word beats a longer prefix match");
}

#[test]
fn an_ambiguous_name_lists_the_candidates() {
    let env = TestEnv::with_fixture("network.json");
    let err = env.fails(&["show", "sit"], 1);
    let line = one_error_line(&err);
    assert_eq!(
        line,
        "error: \"sit\" could mean Siti Rahma (5a1e), Sitorus Pane (5b0e); type more of the name or use the handle"
    );
}

#[test]
fn an_unknown_name_suggests_the_closest() {
    let env = TestEnv::with_fixture("network.json");
    let err = env.fails(&["show", "Bodi"], 1);
    assert_eq!(one_error_line(&err), "error: no contact matches \"Bodi\"; did you mean Budi Santoso (b0d1)?");
    let err = env.fails(&["show", "zzzz"], 1);
    assert!(one_error_line(&err).contains("see `jejaring list`"), "{err}");
}

// ---------------------------------------------------------------- edit

#[test]
fn edit_sets_clears_adds_and_removes() {
    let env = TestEnv::with_fixture("network.json");
    let (out, err) = env.ok(&[
        "edit",
        "budi",
        "--org",
        "BCA",
        "--role",
        "",
        "--stage",
        "connection",
        "--email",
        "Budi@BCA.example",
        "--remove-email",
        "BUDI.SANTOSO@example.co.id",
        "--phone",
        "+62 811 000 111",
        "--remove-phone",
        "+62 (812) 3456 7890",
        "--tag",
        "Speaker",
        "--remove-tag",
        "mentor",
        "--met-on",
        "",
        "--every",
        "3m",
        "--note",
        "",
    ]);
    assert_eq!(out, "");
    assert_eq!(err, "Updated Budi Santoso\n");
    let c = env.contact("Budi Santoso");
    assert_eq!(c["org"], "BCA");
    assert!(c.get("role").is_none(), "an empty value clears");
    assert!(c.get("met_on").is_none());
    assert!(c.get("note").is_none());
    assert_eq!(c["stage"], "connection");
    assert_eq!(c["emails"], json!(["budi@bca.example"]));
    assert_eq!(c["phones"], json!(["+62 811 000 111"]));
    assert_eq!(c["tags"], json!(["fintech", "speaker"]));
    assert_eq!(c["every"], "3m");
    // Untouched fields stay.
    assert_eq!(c["impression"], "Calm, listens before he speaks");
    assert_eq!(c["handle"], "b0d1");
    assert_eq!(c["added"], "2025-10-24T09:00:00Z");
}

#[test]
fn edit_renames_and_prints_json() {
    let env = TestEnv::with_fixture("network.json");
    let (out, _) = env.ok(&["--json", "edit", "ana", "--name", "Ana Lestari-Putri"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["name"], "Ana Lestari-Putri");
    assert_eq!(v, env.contact("Ana Lestari-Putri"));
}

#[test]
fn edit_removing_what_is_not_there_changes_nothing() {
    let env = TestEnv::with_fixture("network.json");
    let before = env.snapshot();
    let err = env.fails(&["edit", "budi", "--org", "BCA", "--remove-tag", "golf"], 1);
    assert_eq!(one_error_line(&err), "error: --remove-tag \"golf\": not on this contact (it has: fintech, mentor)");
    let err = env.fails(&["edit", "ana", "--remove-email", "ana@example.com"], 1);
    assert!(one_error_line(&err).contains("(it has: -)"), "{err}");
    before.assert_unchanged();
}

#[test]
fn edit_without_changes_writes_nothing() {
    let env = TestEnv::with_fixture("network.json");
    let before = env.snapshot();
    let (_, err) = env.ok(&["edit", "budi", "--org", "Bank Mandiri"]);
    assert_eq!(err, "Budi Santoso: nothing changed\n");
    before.assert_unchanged();
    let err = env.fails(&["edit", "budi"], 2);
    assert!(one_error_line(&err).contains("nothing to change; give a flag such as --org"), "{err}");
    before.assert_unchanged();
}

// ---------------------------------------------------------------- remove

#[test]
fn remove_with_yes_removes_the_contact_and_their_part_in_interactions() {
    let env = TestEnv::with_fixture("network.json");
    let (out, err) = env.ok(&["remove", "budi", "--yes"]);
    assert_eq!(out, "");
    assert_eq!(err, "Removed Budi Santoso\n");
    let data = env.json();
    let names: Vec<&str> = data["contacts"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Siti Rahma", "Sitorus Pane", "Jürgen Weiß", "Ana Lestari"]);
    let talks = data["interactions"].as_array().unwrap();
    // The meeting with Budi alone is gone; the call with Budi and Siti stays, with Siti.
    let ids: Vec<&str> = talks.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["0192f0a0-0000-7000-8000-0000000001a2", "0192f0a0-0000-7000-8000-0000000001a3"]);
    assert_eq!(talks[0]["contacts"], json!(["0192f0a0-0000-7000-8000-000000005a1e"]));
}

#[test]
fn remove_json_prints_the_removed_contact() {
    let env = TestEnv::with_fixture("network.json");
    let (out, _) = env.ok(&["--json", "remove", "ana", "-y"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["name"], "Ana Lestari");
    assert_eq!(env.contacts().len(), 4);
}

#[test]
fn remove_without_a_terminal_needs_yes() {
    let env = TestEnv::with_fixture("network.json");
    let before = env.snapshot();
    let err = env.fails(&["remove", "budi"], 2);
    assert_eq!(one_error_line(&err), "error: removing Budi Santoso needs confirmation; add --yes");
    let err = env.fails(&["remove", "nobody at all", "--yes"], 1);
    assert!(one_error_line(&err).starts_with("error: no contact matches \"nobody at all\""), "{err}");
    before.assert_unchanged();
}

#[test]
fn list_sorts_by_folded_name_then_by_when_added() {
    let env = TestEnv::new();
    // Long names that share their first sixteen letters, and two that fold the same.
    for name in ["Sekar Ayu Kusumawati Zed", "budi", "Sekar Ayu Kusumawati Ani", "Ánna", "Anna", "Sekar Ayu Kusuma"] {
        env.add(name, &["--force"]);
    }
    let (out, _) = env.ok(&["list", "--json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let names: Vec<&str> = rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        ["Ánna", "Anna", "budi", "Sekar Ayu Kusuma", "Sekar Ayu Kusumawati Ani", "Sekar Ayu Kusumawati Zed"]
    );
}
