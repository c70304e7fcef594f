//! Sync never loses a person, against a real server: a second card of someone is a
//! contact of its own and deleting it takes nobody else; cards under one UID stay
//! apart; a delete on the phone never takes what the user recorded or changed here;
//! setting up again keeps the state (and the calendar) unless told otherwise; a dry
//! run names who would be linked, added, changed and deleted; a first link is no
//! conflict; `--only` keeps imports off the phone.

use crate::env::TestEnv;
use crate::radicale::{Kind, Server, USER, servers};
use crate::sync::{card, names, ok, run, setup_on, summary};
use serde_json::Value;

/// The contact's id.
fn id_of(env: &TestEnv, name: &str) -> String {
    env.contact(name)["id"].as_str().unwrap().to_string()
}

/// The card path the sync state links to a contact id.
fn href_of(env: &TestEnv, id: &str) -> Vec<String> {
    let state = env.json()["sync"]["cards"].as_array().cloned().unwrap_or_default();
    state.iter().filter(|c| c["contact"] == id).map(|c| c["href"].as_str().unwrap().to_string()).collect()
}

fn file_name(href: &str) -> &str {
    href.rsplit('/').next().unwrap()
}

#[test]
fn a_second_card_of_someone_is_its_own_contact_and_deleting_it_takes_nobody() {
    for kind in servers() {
        let (server, env) = setup_on(kind);
        env.add("Ayu Lestari", &["--email", "ayu@example.id", "--circle", "colleague"]);
        let ayu = id_of(&env, "Ayu Lestari");
        server.put_card("ayu.vcf", &card("ayu-1", "Ayu Lestari", "EMAIL:ayu@example.id\r\nTEL:+62 811 0000 0001\r\n"));
        // The mail app's "add to contacts": same person, another UID.
        server.put_card("ayu-mail.vcf", &card("ayu-2", "Ayu Lestari", "EMAIL:AYU@example.id\r\n"));
        let (_, err) = ok(&env, &["sync"]);
        assert!(err.contains("second card: Ayu Lestari ("), "{err}");
        assert!(err.contains("kept as a contact of its own (see `jejaring dupes`)"), "{err}");
        assert_eq!(env.contacts().len(), 2, "{:?}", names(&env));
        let linked = href_of(&env, &ayu);
        assert_eq!(linked.len(), 1, "a contact is linked to one card at most: {linked:?}");
        let cards = env.json()["sync"]["cards"].as_array().unwrap().clone();
        assert_eq!(cards.len(), 2);
        assert_ne!(cards[0]["contact"], cards[1]["contact"]);
        // `dupes` offers the pair for merging.
        let (out, _) = env.ok(&["dupes"]);
        assert_eq!(out.matches("Ayu Lestari").count(), 2, "{out}");

        // The user tidies the phone and deletes the second card: only its own contact goes.
        let other =
            cards.iter().map(|c| c["href"].as_str().unwrap()).find(|h| !linked.contains(&h.to_string())).unwrap();
        server.delete_card(file_name(other));
        let (_, err) = ok(&env, &["sync"]);
        assert_eq!(summary(&err), "Synced: 0 pulled, 0 pushed, 0 merged, 0 conflicts, 1 deleted", "{err}");
        assert!(err.contains("Deleted here (deleted on the phone): Ayu Lestari"), "{err}");
        assert_eq!(env.contacts().len(), 1);
        assert_eq!(id_of(&env, "Ayu Lestari"), ayu, "the user's own contact stays");
        let (_, err) = ok(&env, &["sync"]);
        assert_eq!(summary(&err), "Synced: 0 pulled, 0 pushed, 0 merged, 0 conflicts, 0 deleted", "{err}");
        let left = server.cards();
        assert_eq!(left.len(), 1, "the person's original card stays on the phone");
        assert!(left[0].to_lowercase().contains("ayu@example.id"), "{}", left[0]);
    }
}

#[test]
fn a_delete_on_the_phone_never_takes_what_you_recorded_here() {
    for kind in servers() {
        let (server, env) = setup_on(kind);
        for (file, name) in [("a", "Ayu"), ("b", "Bayu"), ("c", "Citra"), ("d", "Dimas"), ("e", "Eka"), ("f", "Fajar")]
        {
            server.put_card(&format!("{file}.vcf"), &card(file, name, ""));
        }
        ok(&env, &["sync"]);
        let handle = |name: &str| env.contact(name)["handle"].as_str().unwrap().to_string();
        env.ok(&["trust", &handle("Ayu"), "--level", "4"]);
        env.ok(&["know", &handle("Bayu"), "runs marathons"]);
        env.ok(&["edit", &handle("Citra"), "--stage", "trusted"]);
        env.ok(&["promise", &handle("Dimas"), "send the deck", "--due", "tomorrow"]);
        env.ok(&["edit", &handle("Eka"), "--impression", "sharp questions"]);
        // Citra's stage travels: it reaches her card first.
        let (_, err) = ok(&env, &["sync"]);
        assert_eq!(summary(&err), "Synced: 0 pulled, 1 pushed, 0 merged, 0 conflicts, 0 deleted", "{err}");
        for file in ["a", "b", "c", "d", "e", "f"] {
            server.delete_card(&format!("{file}.vcf"));
        }
        let (_, err) = ok(&env, &["sync"]);
        for name in ["Ayu", "Bayu", "Citra", "Dimas", "Eka"] {
            assert!(err.contains(&format!("kept: {name} was deleted on the phone")), "{name}: {err}");
        }
        assert!(err.contains("Deleted here (deleted on the phone): Fajar"), "{err}");
        assert_eq!(names(&env), ["Ayu", "Bayu", "Citra", "Dimas", "Eka"]);
        // Kept here only: not sent back.
        ok(&env, &["sync"]);
        assert!(server.cards().is_empty());
    }
}

#[test]
fn a_contact_edited_here_and_deleted_on_the_phone_goes_back_to_the_phone() {
    for kind in servers() {
        let (server, env) = setup_on(kind);
        server.put_card("a.vcf", &card("a", "Ayu Lestari", "ORG:Bank\r\n"));
        ok(&env, &["sync"]);
        let ayu = env.contact("Ayu Lestari")["handle"].as_str().unwrap().to_string();
        env.ok(&["edit", &ayu, "--org", "Gojek"]);
        server.delete_card("a.vcf");
        let (_, err) = ok(&env, &["sync"]);
        assert!(err.contains("sent back: Ayu Lestari was deleted on the phone, but you changed them here"), "{err}");
        assert_eq!(summary(&err), "Synced: 0 pulled, 1 pushed, 0 merged, 0 conflicts, 0 deleted", "{err}");
        assert_eq!(env.contact("Ayu Lestari")["org"], "Gojek");
        let cards = server.cards();
        assert_eq!(cards.len(), 1);
        assert!(cards[0].contains("ORG:Gojek"), "{}", cards[0]);
        let (_, err) = ok(&env, &["sync"]);
        assert_eq!(summary(&err), "Synced: 0 pulled, 0 pushed, 0 merged, 0 conflicts, 0 deleted", "{err}");
    }
}

#[test]
fn a_contact_sent_back_by_a_stopped_sync_is_linked_again_not_doubled() {
    for kind in servers() {
        let (server, env) = setup_on(kind);
        server.put_card("a.vcf", &card("a", "Ayu Lestari", "ORG:Bank\r\n"));
        ok(&env, &["sync"]);
        let ayu = env.contact("Ayu Lestari")["handle"].as_str().unwrap().to_string();
        let id = id_of(&env, "Ayu Lestari");
        env.ok(&["edit", &ayu, "--org", "Gojek"]);
        server.delete_card("a.vcf");
        // What a sync stopped after sending her back, before its save, leaves behind.
        let sent = card(&format!("urn:uuid:{id}"), "Ayu Lestari", "ORG:Gojek\r\n");
        server.put_card(&format!("jejaring-{id}.vcf"), &sent);
        let (_, err) = ok(&env, &["sync"]);
        assert_eq!(names(&env), ["Ayu Lestari"], "{err}");
        assert_eq!(href_of(&env, &id).len(), 1, "{err}");
        assert!(href_of(&env, &id)[0].ends_with(&format!("jejaring-{id}.vcf")));
        assert_eq!(server.cards().len(), 1);
        let (_, err) = ok(&env, &["sync"]);
        assert_eq!(summary(&err), "Synced: 0 pulled, 0 pushed, 0 merged, 0 conflicts, 0 deleted", "{err}");
    }
}

/// Puts a card on the server whose UID another card has: over HTTP where the server
/// takes it, else straight into its storage, as another client that does not check
/// UIDs would have.
fn store_card(server: &Server, file: &str, text: &str) {
    let path = format!("{}{file}", server.collection_path("contacts"));
    let (status, _) = server.request("PUT", &path, &[("Content-Type", "text/vcard")], text);
    if (200..300).contains(&status) {
        return;
    }
    match server.kind {
        Kind::Radicale => {
            let dir = server.dir.path().join("collections/collection-root").join(server.collection_path("contacts"));
            std::fs::write(dir.join(file), text).unwrap();
        }
        Kind::Xandikos => panic!("Xandikos refused a card with a UID another card has ({status}); store it by hand"),
    }
}

#[test]
fn cards_sharing_one_uid_stay_apart_and_never_take_each_others_data() {
    for kind in servers() {
        let (server, env) = setup_on(kind);
        server.put_card("first.vcf", &card("shared", "Ayu Lestari", "EMAIL:ayu@example.id\r\n"));
        store_card(&server, "second.vcf", &card("shared", "Ayu Lestari", "EMAIL:ayu@example.id\r\nORG:Gojek\r\n"));
        store_card(&server, "third.vcf", &card("shared", "Budi Santoso", "EMAIL:budi@example.id\r\n"));
        let (_, err) = ok(&env, &["sync"]);
        assert_eq!(env.contacts().len(), 3, "{:?} {err}", names(&env));
        assert_eq!(names(&env), ["Ayu Lestari", "Ayu Lestari", "Budi Santoso"]);
        let before = server.cards();
        // An edit here reaches Budi's card only.
        let budi = env.contact("Budi Santoso")["handle"].as_str().unwrap().to_string();
        env.ok(&["edit", &budi, "--role", "Analyst"]);
        let (_, err) = ok(&env, &["sync"]);
        assert_eq!(summary(&err), "Synced: 0 pulled, 1 pushed, 0 merged, 0 conflicts, 0 deleted", "{err}");
        let after = server.cards();
        let fns = |cards: &[String]| -> Vec<String> {
            let mut v: Vec<String> =
                cards.iter().map(|c| c.lines().find(|l| l.starts_with("FN:")).unwrap().trim().to_string()).collect();
            v.sort();
            v
        };
        assert_eq!(fns(&after), ["FN:Ayu Lestari", "FN:Ayu Lestari", "FN:Budi Santoso"]);
        let changed: Vec<&String> = after.iter().filter(|c| !before.contains(c)).collect();
        assert_eq!(changed.len(), 1, "{changed:?}");
        assert!(changed[0].contains("Budi Santoso") && changed[0].contains("TITLE:Analyst"), "{}", changed[0]);
        assert!(after.iter().filter(|c| c.contains("Ayu")).all(|c| !c.contains("Analyst") && !c.contains("budi@")));
    }
}

#[test]
fn setting_up_the_same_book_spelled_otherwise_keeps_the_state() {
    for kind in servers() {
        let (server, env) = setup_on(kind);
        server.put_card("c.vcf", &card("c", "Citra Dewi", ""));
        env.add("Budi Santoso", &[]);
        ok(&env, &["sync"]);
        let citra = env.contact("Citra Dewi")["handle"].as_str().unwrap().to_string();
        env.ok(&["log", &citra, "Coffee", "--on", "yesterday"]);
        server.delete_card("c.vcf");
        ok(&env, &["sync"]);
        let before = env.json()["sync"].clone();
        assert_eq!(before["kept"].as_array().unwrap().len(), 1);
        // localhost for 127.0.0.1, and no trailing slash.
        let spelled = format!("http://localhost:{}/{}", server.port, server.collection_path("contacts"));
        let spelled = spelled.trim_end_matches('/');
        let (_, err) = ok(&env, &["sync", "setup", spelled, "--user", USER]);
        assert!(err.contains("The same address book as before: what is known about its 1 card stays."), "{err}");
        let after = env.json()["sync"].clone();
        assert_eq!(after["cards"], before["cards"]);
        assert_eq!(after["kept"], before["kept"]);
        assert_eq!(after["token"], before["token"]);
        let (_, err) = ok(&env, &["sync"]);
        assert_eq!(summary(&err), "Synced: 0 pulled, 0 pushed, 0 merged, 0 conflicts, 0 deleted", "{err}");
        assert!(!server.cards().iter().any(|c| c.contains("Citra")), "Citra, kept here, is not pushed back");
    }
}

#[test]
fn setting_up_another_book_says_what_will_happen_and_needs_a_yes() {
    for kind in servers() {
        let (server, env) = setup_on(kind);
        env.add("Budi Santoso", &[]);
        ok(&env, &["sync"]);
        let body = r#"<?xml version="1.0"?><d:mkcol xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav"><d:set><d:prop><d:resourcetype><d:collection/><c:addressbook/></d:resourcetype></d:prop></d:set></d:mkcol>"#;
        let work = server.collection_path("work");
        let (status, _) = server.request("MKCOL", &work, &[("Content-Type", "application/xml")], body);
        assert!((200..300).contains(&status), "{status}");
        let work = format!("{}{work}", server.root());
        let before = env.bytes();
        let out = run(&env, &["sync", "setup", &work, "--user", USER]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains("is another address book than the one synced so far"), "{err}");
        assert!(err.contains("forgets its link to the 1 card there"), "{err}");
        assert!(err.contains("pass --switch-book to go ahead"), "{err}");
        assert_eq!(env.bytes(), before, "nothing changed");
        ok(&env, &["sync", "setup", &work, "--user", USER, "--switch-book"]);
        assert_eq!(env.json()["sync"]["addressbook"], Value::from(work));
        let (_, err) = ok(&env, &["sync"]);
        assert_eq!(summary(&err), "Synced: 0 pulled, 1 pushed, 0 merged, 0 conflicts, 0 deleted", "{err}");
    }
}

#[test]
fn setup_keeps_the_calendar_unless_told_to_drop_it_and_dropping_removes_the_reminders() {
    for kind in servers() {
        let server = Server::of(kind);
        server.make_book();
        server.make_calendar();
        let env = TestEnv::new();
        ok(&env, &["sync", "setup", &server.book_url(), "--user", USER, "--calendar", &server.calendar_url()]);
        env.add("Budi Santoso", &["--every", "30d"]);
        ok(&env, &["sync"]);
        assert_eq!(server.items("reminders", "ics").len(), 1);
        // Again, only to give a password command: the calendar stays.
        ok(&env, &["sync", "setup", &server.book_url(), "--user", USER, "--password-command", "echo secret"]);
        assert_eq!(env.json()["sync"]["calendar"], Value::from(server.calendar_url()));
        assert_eq!(env.json()["sync"]["events"].as_array().unwrap().len(), 1);
        let (_, err) = ok(&env, &["sync"]);
        assert!(!err.contains("Calendar:"), "nothing to send again: {err}");
        // Dropped: the reminders jejaring put there go.
        let (_, err) = ok(&env, &["sync", "setup", &server.book_url(), "--user", USER, "--no-calendar"]);
        assert!(err.contains("Removed the 1 reminder jejaring had put in the calendar it no longer uses."), "{err}");
        assert!(server.items("reminders", "ics").is_empty());
        assert!(env.json()["sync"].get("calendar").is_none());
        assert!(env.json()["sync"].get("events").is_none());
    }
}

#[test]
fn a_setup_run_during_a_sync_is_not_reverted_by_it() {
    for kind in servers() {
        let (server, env) = setup_on(kind);
        env.add("Budi Santoso", &[]);
        let setup_again = format!(
            "'{}' sync setup '{}' --user {USER} --password-command 'echo secret'",
            crate::env::bin().display(),
            server.book_url()
        );
        let out = env
            .std_command()
            .env("JEJARING_SYNC_PASSWORD", crate::radicale::PASSWORD)
            .env("JEJARING_SYNC_TEST_BEFORE_WRITE", setup_again)
            .args(["sync"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let state = env.json()["sync"].clone();
        assert_eq!(state["password_command"], "echo secret", "{state}");
        assert_eq!(state["cards"].as_array().unwrap().len(), 1);
    }
}

#[test]
fn a_dry_run_names_who_would_be_linked_added_changed_and_deleted() {
    for kind in servers() {
        let (server, env) = setup_on(kind);
        env.add("Budi Santoso", &["--email", "budi@example.id"]);
        env.add("Siti Rahma", &[]);
        server.put_card("budi.vcf", &card("b", "Budi S.", "EMAIL:budi@example.id\r\n"));
        server.put_card("wei.vcf", &card("w", "Wei Chen", ""));
        let before = env.bytes();
        let (out, err) = ok(&env, &["sync", "--dry-run"]);
        assert_eq!(
            out,
            "Would link (the contact here and the card on the phone become one):\n  Budi Santoso \u{2194} Budi S. (budi.vcf)\n\
         Would add here (new from the phone):\n  Wei Chen\nWould add to the phone:\n  Siti Rahma\n",
            "{err}"
        );
        assert_eq!(env.bytes(), before);
        let (out, _) = ok(&env, &["--json", "sync", "--dry-run"]);
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["linked"][0]["contact"], "Budi Santoso");
        assert_eq!(v["linked"][0]["card"], "Budi S.");
        assert_eq!(v["added_here"], serde_json::json!(["Wei Chen"]));
        assert_eq!(v["added_to_phone"], serde_json::json!(["Siti Rahma"]));

        ok(&env, &["sync"]);
        let siti = env.contact("Siti Rahma")["handle"].as_str().unwrap().to_string();
        env.ok(&["edit", &siti, "--org", "Gojek"]);
        server.put_card("wei.vcf", &card("w", "Wei Chen", "ORG:Grab\r\n"));
        let budi = env.contact("Budi S.")["handle"].as_str().unwrap().to_string();
        env.ok(&["remove", &budi, "--yes"]);
        let (out, _) = ok(&env, &["sync", "--dry-run"]);
        assert_eq!(
            out,
            "Would change here:\n  Wei Chen\nWould change on the phone:\n  Siti Rahma\nWould delete on the phone (removed here):\n  Budi S.\n"
        );
        let (_, err) = ok(&env, &["sync"]);
        assert!(err.contains("Deleted on the phone (removed here): Budi S."), "{err}");
    }
}

#[test]
fn a_first_link_keeps_the_phones_spelling_and_writes_no_conflict_note() {
    for kind in servers() {
        let (server, env) = setup_on(kind);
        env.add(
            "Budi Santoso",
            &["--email", "budi@example.id", "--org", "Bank Mandiri", "--phone", "+62 811 2222 3333"],
        );
        server.put_card("budi.vcf", &card("b", "Budi Santoso Jr.", "EMAIL:budi@example.id\r\nORG:Mandiri\r\n"));
        let (_, err) = ok(&env, &["sync"]);
        assert!(!err.contains("conflict:"), "{err}");
        assert_eq!(summary(&err), "Synced: 1 pulled, 1 pushed, 1 merged, 0 conflicts, 0 deleted", "{err}");
        let budi = env.contact("Budi Santoso Jr.");
        assert_eq!(budi["org"], "Mandiri");
        assert!(budi.get("note").is_none(), "{budi}");
        let cards = server.cards();
        assert!(!cards[0].contains("NOTE"), "no note on the phone on day one: {}", cards[0]);
        assert!(cards[0].contains("FN:Budi Santoso Jr."), "{}", cards[0]);
        assert!(cards[0].contains("+62 811 2222 3333"), "what only jejaring had is added: {}", cards[0]);
    }
}

/// A vCard file of `n` people, for an import.
fn many(n: usize) -> String {
    (0..n).map(|i| card(&format!("imp-{i}"), &format!("Imported Person {i}"), "")).collect()
}

#[test]
fn only_keeps_the_imports_off_the_phone_and_is_remembered() {
    for kind in servers() {
        let (server, env) = setup_on(kind);
        let file = env.home().join("linkedin.vcf");
        std::fs::write(&file, many(250)).unwrap();
        env.ok(&["import", "vcard", file.to_str().unwrap()]);
        env.add("Budi Santoso", &["--circle", "colleague"]);
        env.add("Siti Rahma", &["--tag", "mentor"]);
        // Told up front, before anything is sent.
        let (_, err) = ok(&env, &["sync", "--dry-run"]);
        assert!(
            err.contains("252 contacts to send to the phone as new cards; a slow server takes up to about"),
            "{err}"
        );
        assert!(err.contains("`jejaring sync --only TAG|CIRCLE`"), "{err}");
        let bad = run(&env, &["sync", "--only", "nobody-has-this"]);
        assert_eq!(bad.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&bad.stderr).contains("no circle or tag is called \"nobody-has-this\""));

        // Stopped before its first write: run again plainly, it keeps the choice.
        let out = env
            .std_command()
            .env("JEJARING_SYNC_PASSWORD", crate::radicale::PASSWORD)
            .env("JEJARING_SYNC_TEST_BEFORE_WRITE", "kill -9 $PPID")
            .args(["sync", "--only", "colleague", "--only", "mentor"])
            .output()
            .unwrap();
        assert!(!out.status.success(), "the sync was stopped");
        assert!(server.cards().is_empty());
        let (_, err) = ok(&env, &["sync"]);
        assert_eq!(summary(&err), "Synced: 0 pulled, 2 pushed, 0 merged, 0 conflicts, 0 deleted", "{err}");
        assert!(err.contains("250 contacts are not sent to the phone (outside `sync --only`"), "{err}");
        assert_eq!(server.cards().len(), 2);
        // Remembered: a plain sync sends a new colleague, not the imports.
        env.add("Dewi Anggraini", &["--circle", "colleague"]);
        let (_, err) = ok(&env, &["sync"]);
        assert_eq!(summary(&err), "Synced: 0 pulled, 1 pushed, 0 merged, 0 conflicts, 0 deleted", "{err}");
        let (out, _) = ok(&env, &["sync", "status"]);
        assert!(out.contains("Only:         colleague, mentor (250 contacts not sent"), "{out}");
        // Cards from the phone still come in.
        server.put_card("w.vcf", &card("w", "Wei Chen", ""));
        let (_, err) = ok(&env, &["sync"]);
        assert_eq!(summary(&err), "Synced: 1 pulled, 0 pushed, 0 merged, 0 conflicts, 0 deleted", "{err}");
        let (_, err) = ok(&env, &["sync", "--all", "--dry-run"]);
        assert!(err.contains("250 to push"), "{err}");
    }
}
