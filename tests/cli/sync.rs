//! `jejaring sync` against real servers (see `radicale`; the core tests run against both
//! Radicale and Xandikos): the first sync both ways, changes and deletes on the "phone"
//! side (written straight to the server), the same field edited on both sides, the
//! second sync that changes nothing, the canary that private notes never reach the
//! server, killed syncs, the calendar, and servers that say no.

use crate::env::TestEnv;
use crate::radicale::{Kind, PASSWORD, Radicale, Server, USER, servers};
use serde_json::Value;

pub(crate) fn card(uid: &str, name: &str, extra: &str) -> String {
    format!("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{uid}\r\nFN:{name}\r\nN:;{name};;;\r\n{extra}END:VCARD\r\n")
}

/// Runs jejaring with the sync password in the environment.
pub(crate) fn run(env: &TestEnv, args: &[&str]) -> std::process::Output {
    env.std_command().env("JEJARING_SYNC_PASSWORD", PASSWORD).args(args).output().unwrap()
}

pub(crate) fn ok(env: &TestEnv, args: &[&str]) -> (String, String) {
    let out = run(env, args);
    let (so, se) =
        (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned());
    assert!(out.status.success(), "{args:?} failed\nstdout: {so}\nstderr: {se}");
    (so, se)
}

pub(crate) fn summary(stderr: &str) -> &str {
    stderr.lines().find(|l| l.starts_with("Synced:") || l.starts_with("Dry run")).unwrap_or_default()
}

/// A Radicale with an address book, a data file set up to sync with it.
pub(crate) fn setup() -> (Radicale, TestEnv) {
    setup_on(Kind::Radicale)
}

/// A server of the given kind with an address book, a data file set up to sync with it.
pub(crate) fn setup_on(kind: Kind) -> (Server, TestEnv) {
    let server = Server::of(kind);
    server.make_book();
    let env = TestEnv::new();
    ok(&env, &["sync", "setup", &server.root(), "--user", USER]);
    (server, env)
}

pub(crate) fn names(env: &TestEnv) -> Vec<String> {
    let mut v: Vec<String> = env.contacts().iter().map(|c| c["name"].as_str().unwrap().to_string()).collect();
    v.sort();
    v
}

#[test]
fn setup_discovers_the_address_book_from_the_servers_root() {
    for kind in servers() {
        let (server, env) = setup_on(kind);
        assert_eq!(env.json()["sync"]["addressbook"], Value::from(server.book_url()));
        let text = std::fs::read_to_string(&env.data).unwrap();
        assert!(!text.contains(PASSWORD), "the password is never stored");
        let (out, _) = ok(&env, &["sync", "status"]);
        assert!(out.contains(&server.book_url()), "{out}");
        assert!(out.contains("Last sync:    never"), "{out}");
    }
}

#[test]
fn setup_finds_its_own_calendar_and_never_takes_one_of_yours() {
    let server = Radicale::start();
    server.make_book();
    // The user's own calendar: jejaring must not fill it with reminders.
    server.make_calendar();
    let env = TestEnv::new();
    let out = run(&env, &["sync", "setup", &server.root(), "--user", USER, "--calendar"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("no calendar named jejaring-reminders; pass --create"), "{err}");
    ok(&env, &["sync", "setup", &server.root(), "--user", USER, "--calendar", "--create"]);
    let ours = format!("{}{USER}/jejaring-reminders/", server.root());
    assert_eq!(env.json()["sync"]["calendar"], Value::from(ours.clone()));
    // Found again by discovery, without --create, next to the user's calendar.
    let again = TestEnv::new();
    ok(&again, &["sync", "setup", &server.root(), "--user", USER, "--calendar"]);
    assert_eq!(again.json()["sync"]["calendar"], Value::from(ours));
}

#[test]
fn first_sync_goes_both_ways_and_the_second_changes_nothing() {
    for kind in servers() {
        let (server, env) = setup_on(kind);
        env.add("Budi Santoso", &["--email", "budi@example.id", "--circle", "colleague", "--stage", "trusted"]);
        env.add("Siti Rahma", &["--phone", "+62 812 1111 2222"]);
        server.put_card("phone-1.vcf", &card("phone-1", "Wei Chen", "TEL;TYPE=CELL:+65 9123 4567\r\nORG:Grab\r\n"));
        let (_, err) = ok(&env, &["sync"]);
        assert_eq!(summary(&err), "Synced: 1 pulled, 2 pushed, 0 merged, 0 conflicts, 0 deleted", "{err}");
        assert_eq!(names(&env), ["Budi Santoso", "Siti Rahma", "Wei Chen"]);
        let wei = env.contact("Wei Chen");
        assert_eq!(wei["org"], "Grab");
        assert_eq!(wei["circle"], "other");
        assert_eq!(wei["stage"], "acquaintance");
        assert!(wei.get("met_on").is_none(), "a card from the phone is not someone newly met: {wei}");
        let cards = server.cards();
        assert_eq!(cards.len(), 3);
        let budi = cards.iter().find(|c| c.contains("Budi")).unwrap();
        assert!(budi.contains("X-JEJARING-CIRCLE:colleague"), "{budi}");
        assert!(budi.contains("X-JEJARING-STAGE:trusted"), "{budi}");

        // Nothing changed on either side: nothing is sent and the file is not written.
        let before = env.bytes();
        let backups = env.backup_names();
        let (_, err) = ok(&env, &["sync"]);
        assert_eq!(summary(&err), "Synced: 0 pulled, 0 pushed, 0 merged, 0 conflicts, 0 deleted", "{err}");
        assert_eq!(env.bytes(), before);
        assert_eq!(env.backup_names(), backups);
        assert_eq!(server.cards(), cards);
    }
}

#[test]
fn phone_side_adds_edits_and_deletes_arrive() {
    for kind in servers() {
        let (server, env) = setup_on(kind);
        server.put_card("a.vcf", &card("a", "Ayu Lestari", "EMAIL:ayu@example.id\r\n"));
        server.put_card("b.vcf", &card("b", "Bayu Putra", ""));
        server.put_card("c.vcf", &card("c", "Citra Dewi", ""));
        ok(&env, &["sync"]);
        let citra = env.contact("Citra Dewi")["handle"].as_str().unwrap().to_string();
        ok(&env, &["log", &citra, "Coffee", "--on", "yesterday"]);

        server.put_card("a.vcf", &card("a", "Ayu Lestari", "EMAIL:ayu@example.id\r\nORG:Tokopedia\r\n"));
        server.put_card("d.vcf", &card("d", "Dimas Ardi", ""));
        server.delete_card("b.vcf");
        server.delete_card("c.vcf");
        let (_, err) = ok(&env, &["sync"]);
        assert_eq!(summary(&err), "Synced: 2 pulled, 0 pushed, 0 merged, 0 conflicts, 1 deleted", "{err}");
        assert!(err.contains("kept: Citra Dewi was deleted on the phone, but you have history with them"), "{err}");
        assert_eq!(names(&env), ["Ayu Lestari", "Citra Dewi", "Dimas Ardi"]);
        assert_eq!(env.contact("Ayu Lestari")["org"], "Tokopedia");
        // Citra is kept here and not pushed back to the phone.
        ok(&env, &["sync"]);
        assert_eq!(server.cards().iter().filter(|c| c.contains("Citra")).count(), 0);

        // A contact removed here deletes its card.
        let dimas = env.contact("Dimas Ardi")["handle"].as_str().unwrap().to_string();
        ok(&env, &["remove", &dimas, "--yes"]);
        let (_, err) = ok(&env, &["sync"]);
        assert_eq!(summary(&err), "Synced: 0 pulled, 0 pushed, 0 merged, 0 conflicts, 1 deleted", "{err}");
        assert_eq!(server.cards().len(), 1);
    }
}

#[test]
fn in_a_conflict_the_newer_change_wins_whichever_side_made_it() {
    let (server, env) = setup();
    server.put_card("a.vcf", &card("a", "Ayu Lestari", "ORG:Bank\r\n"));
    ok(&env, &["sync"]);
    let ayu = env.contact("Ayu Lestari")["handle"].as_str().unwrap().to_string();
    server.put_card("a.vcf", &card("a", "Ayu Lestari", "ORG:Tokopedia\r\n"));
    // Edited here after the phone's change (this clock runs a year ahead of the server's).
    env.cmd().env("JEJARING_NOW", "2027-12-01T09:00:00Z").args(["edit", &ayu, "--org", "Gojek"]).assert().success();
    let (_, err) = ok(&env, &["sync"]);
    assert!(err.contains("conflict: Ayu Lestari's organisation changed on both sides"), "{err}");
    assert!(err.contains(", 1 conflict, "), "one conflict, said in the singular: {err}");
    let c = env.contact("Ayu Lestari");
    assert_eq!(c["org"], "Gojek", "jejaring's edit is the newer");
    assert!(c["note"].as_str().unwrap().contains("organisation: Tokopedia"), "the phone's value is kept: {c}");
    assert!(server.cards()[0].contains("ORG:Gojek"), "{}", server.cards()[0]);
}

#[test]
fn without_sync_collection_etags_find_what_changed() {
    let (server, env) = setup();
    let sync = || {
        let out = env
            .std_command()
            .env("JEJARING_SYNC_PASSWORD", PASSWORD)
            .env("JEJARING_SYNC_TEST_NO_SYNC_COLLECTION", "1")
            .arg("sync")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "{err}");
        summary(&err).to_string()
    };
    server.put_card("a.vcf", &card("a", "Ayu Lestari", ""));
    server.put_card("b.vcf", &card("b", "Bayu Putra", ""));
    env.add("Citra Dewi", &[]);
    assert_eq!(sync(), "Synced: 2 pulled, 1 pushed, 0 merged, 0 conflicts, 0 deleted");
    assert!(env.json()["sync"]["token"].is_null(), "no token without sync-collection");
    let before = env.snapshot();
    assert_eq!(sync(), "Synced: 0 pulled, 0 pushed, 0 merged, 0 conflicts, 0 deleted");
    before.assert_unchanged();
    server.put_card("a.vcf", &card("a", "Ayu Lestari", "ORG:Gojek\r\n"));
    server.delete_card("b.vcf");
    assert_eq!(sync(), "Synced: 1 pulled, 0 pushed, 0 merged, 0 conflicts, 1 deleted");
    assert_eq!(names(&env), ["Ayu Lestari", "Citra Dewi"]);
    assert_eq!(env.contact("Ayu Lestari")["org"], "Gojek");
}

#[test]
fn an_expired_sync_token_lists_everything_afresh() {
    let (server, env) = setup();
    server.put_card("a.vcf", &card("a", "Ayu Lestari", ""));
    ok(&env, &["sync"]);
    server.put_card("b.vcf", &card("b", "Bayu Putra", ""));
    // The server no longer knows the token the data file holds.
    let mut file = env.json();
    file["sync"]["token"] = "http://radicale.org/ns/sync/0000000000000000000000000000000000000000".into();
    env.write_data(serde_json::to_vec_pretty(&file).unwrap());
    let (_, err) = ok(&env, &["sync"]);
    assert_eq!(summary(&err), "Synced: 1 pulled, 0 pushed, 0 merged, 0 conflicts, 0 deleted", "{err}");
    assert_eq!(names(&env), ["Ayu Lestari", "Bayu Putra"]);
    assert_ne!(env.json()["sync"]["token"], file["sync"]["token"]);
    assert_eq!(server.cards().len(), 2, "nothing doubled on the server");
}

#[test]
fn the_same_field_edited_on_both_sides_keeps_both_values() {
    // The phone's change is the newer one here: the edit below is dated by JEJARING_NOW,
    // which is before the server's clock.
    let (server, env) = setup();
    server.put_card("a.vcf", &card("a", "Ayu Lestari", "ORG:Bank\r\nTEL:+62 811 0000 0001\r\n"));
    ok(&env, &["sync"]);
    let ayu = env.contact("Ayu Lestari")["handle"].as_str().unwrap().to_string();
    ok(&env, &["edit", &ayu, "--org", "Gojek", "--role", "Lead"]);
    server.put_card(
        "a.vcf",
        &card("a", "Ayu Lestari", "ORG:Tokopedia\r\nTEL:+62 811 0000 0001\r\nTEL:+62 811 0000 0009\r\n"),
    );
    let (_, err) = ok(&env, &["sync"]);
    assert_eq!(summary(&err), "Synced: 1 pulled, 1 pushed, 1 merged, 1 conflict, 0 deleted", "{err}");
    assert!(err.contains("conflict: Ayu Lestari's organisation changed on both sides"), "{err}");
    let c = env.contact("Ayu Lestari");
    assert_eq!(c["org"], "Tokopedia");
    assert_eq!(c["role"], "Lead");
    assert_eq!(c["phones"].as_array().unwrap().len(), 2);
    assert!(c["note"].as_str().unwrap().contains("organisation: Gojek"), "{c}");
    let cards = server.cards();
    assert!(cards[0].contains("TITLE:Lead"), "{}", cards[0]);
    assert!(cards[0].contains("Gojek"), "the note travels: {}", cards[0]);
    // Both sides agree now.
    let (_, err) = ok(&env, &["sync"]);
    assert_eq!(summary(&err), "Synced: 0 pulled, 0 pushed, 0 merged, 0 conflicts, 0 deleted", "{err}");
}

#[test]
fn private_notes_never_reach_the_server() {
    let server = Radicale::start_logging_requests();
    server.make_book();
    let env = TestEnv::new();
    ok(&env, &["sync", "setup", &server.root(), "--user", USER]);
    let h = env.add(
        "Budi Santoso",
        &["--impression", "CANARY-IMPRESSION", "--met-at", "CANARY-MET-AT", "--stage", "acquaintance"],
    );
    ok(&env, &["trust", &h, "--level", "3", "--note", "CANARY-TRUST"]);
    ok(&env, &["know", &h, "CANARY-FACT", "--topic", "interests"]);
    ok(&env, &["promise", &h, "CANARY-PROMISE", "--due", "fri"]);
    ok(&env, &["log", &h, "CANARY-TALK", "--on", "yesterday"]);
    ok(
        &env,
        &["goal", "new", "--title", "CANARY-GOAL", "--metric", "manual", "--target", "3", "--deadline", "in 2 months"],
    );
    let (_, err) = ok(&env, &["sync"]);
    assert!(summary(&err).starts_with("Synced: 0 pulled, 1 pushed"), "{err}");
    let files = server.stored_files();
    assert!(!files.is_empty());
    for (path, text) in &files {
        assert!(!text.contains("CANARY"), "{} holds a private note:\n{text}", path.display());
    }
    assert!(server.cards()[0].contains("FN:Budi Santoso"));
    // Nor in any request: the server logged every request's body.
    let log = server.log();
    assert!(log.contains("FN:Budi Santoso"), "the log holds the requests' bodies");
    assert!(!log.contains("CANARY"), "a request carried a private note:\n{log}");
}

#[test]
fn dry_run_changes_nothing_on_either_side() {
    let (server, env) = setup();
    env.add("Budi Santoso", &[]);
    server.put_card("a.vcf", &card("a", "Ayu Lestari", ""));
    let before = env.bytes();
    let (_, err) = ok(&env, &["sync", "--dry-run"]);
    assert_eq!(
        summary(&err),
        "Dry run, nothing changed: 1 to pull, 1 to push, 0 to merge, 0 conflicts, 0 to delete",
        "{err}"
    );
    assert_eq!(env.bytes(), before);
    assert_eq!(server.cards().len(), 1);
}

#[test]
fn json_and_indonesian() {
    let (server, env) = setup();
    server.put_card("a.vcf", &card("a", "Ayu Lestari", ""));
    let (out, _) = ok(&env, &["--json", "sync"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["pulled"], 1);
    assert_eq!(v["conflicts"], Value::Array(vec![]));
    let (_, err) = ok(&env, &["--lang", "id", "sync"]);
    assert!(err.contains("Sinkron: 0 ditarik, 0 dikirim, 0 digabung, 0 konflik, 0 dihapus"), "{err}");
    let (_, err) = ok(&env, &["--quiet", "sync"]);
    assert_eq!(err, "");
}

#[test]
fn bad_servers_give_one_clear_line_and_change_nothing() {
    let server = Radicale::start();
    server.make_book();
    let env = TestEnv::new();
    env.add("Budi Santoso", &[]);
    let before = env.bytes();
    // A wrong password.
    let out = env
        .std_command()
        .env("JEJARING_SYNC_PASSWORD", "wrong")
        .args(["sync", "setup", &server.root(), "--user", USER])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(&format!("127.0.0.1:{} refused the user name or password", server.port)), "{err}");
    assert!(!err.contains("wrong"), "the password is never shown: {err}");
    assert_eq!(env.bytes(), before);
    // Something that is not a WebDAV server at all (a port nobody listens on).
    let dead = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let out = run(&env, &["sync", "setup", &format!("http://127.0.0.1:{dead}/"), "--user", USER]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(&format!("could not talk to 127.0.0.1:{dead}")), "{err}");
    // A server that never answers.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let out = env
        .std_command()
        .env("JEJARING_SYNC_PASSWORD", PASSWORD)
        .env("JEJARING_SYNC_TIMEOUT", "0.2")
        .args(["sync", "setup", &format!("http://127.0.0.1:{port}/"), "--user", USER])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(&format!("127.0.0.1:{port} did not answer in time")), "{err}");
    assert_eq!(env.bytes(), before);
    // Sync without setup.
    let out = run(&env, &["sync"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_killed_sync_converges_without_duplicates() {
    let (server, env) = setup();
    for i in 0..40 {
        env.add(&format!("Person {i:02}"), &["--email", &format!("p{i}@example.id")]);
    }
    for i in 0..20 {
        server.put_card(&format!("phone-{i}.vcf"), &card(&format!("phone-{i}"), &format!("Phone {i:02}"), ""));
    }
    // Stopped at spread-out points; each run gets further or finishes.
    for delay_ms in [40u64, 150, 400, 700, 1000, 1500, 2200] {
        let mut child = env
            .std_command()
            .env("JEJARING_SYNC_PASSWORD", PASSWORD)
            .args(["sync"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
    }
    ok(&env, &["sync"]);
    let (_, err) = ok(&env, &["sync"]);
    assert_eq!(summary(&err), "Synced: 0 pulled, 0 pushed, 0 merged, 0 conflicts, 0 deleted", "{err}");
    let contacts = names(&env);
    assert_eq!(contacts.len(), 60, "{contacts:?}");
    let mut dedup = contacts.clone();
    dedup.dedup();
    assert_eq!(dedup.len(), 60);
    let cards = server.cards();
    assert_eq!(cards.len(), 60, "no duplicate on the server");
    for c in env.contacts() {
        let name = format!("FN:{}\r\n", c["name"].as_str().unwrap());
        assert_eq!(cards.iter().filter(|card| card.contains(&name)).count(), 1, "{name}");
    }
}

#[test]
fn reminders_appear_move_and_vanish() {
    let server = Radicale::start();
    server.make_book();
    server.make_calendar();
    let env = TestEnv::new();
    ok(&env, &["sync", "setup", &server.book_url(), "--user", USER, "--calendar", &server.calendar_url()]);
    let h = env.add("Budi Santoso", &["--every", "30d"]);
    let (_, err) = ok(&env, &["sync"]);
    assert!(err.contains("Calendar: 1 added, 0 updated, 0 removed"), "{err}");
    let events = server.items("reminders", "ics");
    assert_eq!(events.len(), 1);
    assert!(events[0].contains("Get in touch with Budi Santoso"), "{}", events[0]);
    // A conversation moves the date.
    ok(&env, &["log", &h, "Lunch", "--on", "yesterday"]);
    let (_, err) = ok(&env, &["sync"]);
    assert!(err.contains("Calendar: 0 added, 1 updated, 0 removed"), "{err}");
    let events = server.items("reminders", "ics");
    assert_eq!(events.len(), 1);
    assert!(events[0].contains("DTSTART;VALUE=DATE:20261227"), "{}", events[0]);
    // A birthday goes to the phone as the card's BDAY, which its own birthday calendar
    // shows: not a second time here. Siti's keep-in-touch day (her stage's default) comes.
    let siti = env.add("Siti Rahma", &["--birthday", "1990-12-03"]);
    let (_, err) = ok(&env, &["sync"]);
    assert!(err.contains("Calendar: 1 added, 0 updated, 0 removed"), "{err}");
    assert!(!server.items("reminders", "ics").iter().any(|e| e.contains("birthday")));
    assert!(server.cards().iter().any(|c| c.contains("BDAY") && c.contains("Siti Rahma")));
    ok(&env, &["remove", &siti, "--yes"]);
    // No cadence of his own, met today: the first follow-up, as `today` says.
    ok(&env, &["edit", &h, "--every", ""]);
    let (_, err) = ok(&env, &["sync"]);
    assert!(err.contains("Calendar: 0 added, 1 updated, 1 removed"), "{err}");
    let events = server.items("reminders", "ics");
    assert_eq!(events.len(), 1);
    assert!(events[0].contains("Follow up with Budi Santoso"), "{}", events[0]);
    ok(&env, &["remove", &h, "--yes"]);
    let (_, err) = ok(&env, &["sync"]);
    assert!(err.contains("Calendar: 0 added, 0 updated, 1 removed"), "{err}");
    assert!(server.items("reminders", "ics").is_empty());
}

#[test]
fn the_phones_calendar_holds_reminders_for_the_people_on_the_phone_only() {
    let server = Radicale::start();
    server.make_book();
    server.make_calendar();
    let env = TestEnv::new();
    ok(&env, &["sync", "setup", &server.book_url(), "--user", USER, "--calendar", &server.calendar_url()]);
    env.add("Budi Santoso", &["--every", "30d", "--tag", "inner"]);
    // An import kept off the phone: no card there, so no reminder either.
    env.add("Lina Import", &["--every", "30d"]);
    let (_, err) = ok(&env, &["sync", "--only", "inner"]);
    assert!(err.contains("Calendar: 1 added, 0 updated, 0 removed"), "{err}");
    let events = server.items("reminders", "ics");
    assert!(events.iter().any(|e| e.contains("Budi Santoso")), "{events:?}");
    assert!(!events.iter().any(|e| e.contains("Lina Import")), "{events:?}");
    // Once on the phone (sent to everyone again), her reminder comes too.
    let (_, err) = ok(&env, &["sync", "--all"]);
    assert!(err.contains("Calendar: 1 added, 0 updated, 0 removed"), "{err}");
    assert!(server.items("reminders", "ics").iter().any(|e| e.contains("Lina Import")));
}

/// A shell command that writes a card to the server as the phone would.
pub(crate) fn phone_writes(env: &TestEnv, server: &Radicale, file: &str, card: &str) -> String {
    let script = env.home().join("phone.py");
    let url = format!("{}{USER}/contacts/{file}", server.root());
    std::fs::write(
        &script,
        format!(
            "import base64, urllib.request\nreq = urllib.request.Request({url:?}, data={card:?}.encode(), method='PUT')\nreq.add_header('Authorization', 'Basic ' + base64.b64encode(b'{USER}:{PASSWORD}').decode())\nreq.add_header('Content-Type', 'text/vcard')\nurllib.request.urlopen(req).read()\n"
        ),
    )
    .unwrap();
    format!("'{}' '{}'", crate::radicale::python().display(), script.display())
}

#[test]
fn a_card_changed_on_the_phone_while_jejaring_writes_it_is_merged_not_overwritten() {
    let (server, env) = setup();
    server.put_card("a.vcf", &card("a", "Ayu Lestari", "ORG:Bank\r\n"));
    ok(&env, &["sync"]);
    let ayu = env.contact("Ayu Lestari")["handle"].as_str().unwrap().to_string();
    ok(&env, &["edit", &ayu, "--role", "Lead"]);
    // Just before jejaring writes Ayu's card, the phone changes her organisation: the
    // conditional write gets 412, and jejaring fetches, merges and writes again.
    let hook = phone_writes(&env, &server, "a.vcf", &card("a", "Ayu Lestari", "ORG:Tokopedia\r\n"));
    let out = env
        .std_command()
        .env("JEJARING_SYNC_PASSWORD", PASSWORD)
        .env("JEJARING_SYNC_TEST_BEFORE_WRITE", hook)
        .args(["sync"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert_eq!(summary(&err), "Synced: 1 pulled, 1 pushed, 1 merged, 0 conflicts, 0 deleted", "{err}");
    let cards = server.cards();
    assert!(cards[0].contains("ORG:Tokopedia") && cards[0].contains("TITLE:Lead"), "{}", cards[0]);
    let c = env.contact("Ayu Lestari");
    assert_eq!((c["org"].as_str(), c["role"].as_str()), (Some("Tokopedia"), Some("Lead")));
    let (_, err) = ok(&env, &["sync"]);
    assert_eq!(summary(&err), "Synced: 0 pulled, 0 pushed, 0 merged, 0 conflicts, 0 deleted", "{err}");
}

#[test]
fn an_edit_made_here_during_a_sync_is_kept_and_sent_next_time() {
    let (server, env) = setup();
    server.put_card("a.vcf", &card("a", "Ayu Lestari", "ORG:Bank\r\n"));
    env.add("Budi Santoso", &[]);
    ok(&env, &["sync"]);
    server.put_card("a.vcf", &card("a", "Ayu Lestari", "ORG:Tokopedia\r\n"));
    let budi = env.contact("Budi Santoso")["handle"].as_str().unwrap().to_string();
    let ayu = env.contact("Ayu Lestari")["handle"].as_str().unwrap().to_string();
    ok(&env, &["edit", &budi, "--org", "Gojek"]);
    // While the sync talks to the server (the data file is not locked then), the user
    // edits Ayu in another terminal.
    let hook = format!("'{}' edit {ayu} --role 'Head of Data'", crate::env::bin().display());
    let out = env
        .std_command()
        .env("JEJARING_SYNC_PASSWORD", PASSWORD)
        .env("JEJARING_SYNC_TEST_BEFORE_WRITE", hook)
        .args(["sync"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let c = env.contact("Ayu Lestari");
    assert_eq!(c["org"], "Tokopedia", "pulled: {c}");
    assert_eq!(c["role"], "Head of Data", "the edit made during the sync is kept: {c}");
    let (_, err) = ok(&env, &["sync"]);
    assert_eq!(summary(&err), "Synced: 0 pulled, 1 pushed, 0 merged, 0 conflicts, 0 deleted", "{err}");
    assert!(server.cards().iter().any(|c| c.contains("TITLE:Head of Data")));
}

/// A server that answers every request with `reply` (None: drops the connection), on a
/// thread that stops with the test. For the misbehaving servers a real one never is.
fn fake_server(reply: Option<&'static str>) -> u16 {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(20) {
            let Ok(mut s) = stream else { continue };
            let _ = s.set_read_timeout(Some(std::time::Duration::from_secs(2)));
            let mut buf = [0u8; 65536];
            let _ = s.read(&mut buf);
            if let Some(r) = reply {
                let _ = write!(s, "HTTP/1.1 {r}");
            }
            // The rest of the request is read before the socket closes: closing with a
            // request body unread resets the connection, and the client would see the
            // reset instead of the answer.
            let _ = s.shutdown(std::net::Shutdown::Write);
            let _ = std::io::copy(&mut s, &mut std::io::sink());
        }
    });
    port
}

#[test]
fn servers_that_send_nonsense_or_hang_up_are_named() {
    let env = TestEnv::new();
    env.add("Budi Santoso", &[]);
    let before = env.bytes();
    let malformed = fake_server(Some(
        "207 Multi-Status\r\nContent-Type: application/xml\r\nContent-Length: 42\r\nConnection: close\r\n\r\n<multistatus xmlns=\"DAV:\"><response><href>",
    ));
    let out = run(&env, &["sync", "setup", &format!("http://127.0.0.1:{malformed}/"), "--user", USER]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(&format!("127.0.0.1:{malformed} sent an answer that is not valid WebDAV")), "{err}");
    let web_page = fake_server(Some(
        "200 OK\r\nContent-Type: text/html\r\nContent-Length: 13\r\nConnection: close\r\n\r\n<html></html>",
    ));
    let out = run(&env, &["sync", "setup", &format!("http://127.0.0.1:{web_page}/"), "--user", USER]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("is not a CardDAV server or address book; check the URL"), "{err}");
    let hangs_up = fake_server(None);
    let out = run(&env, &["sync", "setup", &format!("http://127.0.0.1:{hangs_up}/"), "--user", USER]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(&format!("could not talk to 127.0.0.1:{hangs_up}")), "{err}");
    assert_eq!(env.bytes(), before);
}

#[test]
fn a_server_that_goes_away_mid_sync_leaves_the_data_file_as_it_was() {
    let (server, env) = setup();
    env.add("Budi Santoso", &[]);
    let before = env.bytes();
    drop(server);
    let out = run(&env, &["sync"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("could not talk to 127.0.0.1:"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert_eq!(env.bytes(), before);
}

#[test]
fn cards_that_are_not_people_are_left_alone() {
    let (server, env) = setup();
    server.put_card("g.vcf", "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:g\r\nKIND:group\r\nFN:Family\r\nEND:VCARD\r\n");
    server.put_card("a.vcf", &card("a", "Ayu Lestari", ""));
    let (_, err) = ok(&env, &["sync"]);
    assert!(err.contains("1 card on the server is not a person jejaring can read"), "{err}");
    assert_eq!(names(&env), ["Ayu Lestari"]);
    assert_eq!(server.cards().len(), 2);
}

#[test]
fn setup_makes_an_address_book_when_asked_and_takes_a_password_command() {
    let server = Radicale::start();
    let env = TestEnv::new();
    let out = env
        .std_command()
        .args(["sync", "setup", &server.root(), "--user", USER, "--password-command", "echo secret"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "no address book and no --create: {err}");
    assert!(err.contains("pass --create"), "{err}");
    let out = env
        .std_command()
        .args(["sync", "setup", &server.root(), "--user", USER, "--password-command", "echo secret", "--create"])
        .arg("--calendar")
        .arg(format!("{}{USER}/jejaring-reminders/", server.root()))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(env.json()["sync"]["calendar"], Value::from(format!("{}{USER}/jejaring-reminders/", server.root())));
    assert_eq!(env.json()["sync"]["addressbook"], Value::from(format!("{}{USER}/jejaring/", server.root())));
    assert_eq!(env.json()["sync"]["password_command"], "echo secret");
    env.add("Budi Santoso", &[]);
    let (out, _) = env.ok(&["--json", "sync", "status"]);
    let status: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(status["pending"]["new"], 1);
    let out = env.std_command().args(["sync"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(summary(&err), "Synced: 0 pulled, 1 pushed, 0 merged, 0 conflicts, 0 deleted", "{err}");
    let (out, _) = env.ok(&["sync", "status"]);
    assert!(out.contains("Waiting to be sent: 0 new, 0 edited, 0 removed"), "{out}");
    assert!(out.contains("Last sync:    2026-11-28 12:00 UTC"), "{out}");
}

#[test]
fn https_checks_the_certificate_unless_told_not_to() {
    let server = Radicale::start_tls();
    let env = TestEnv::new();
    let out = run(&env, &["sync", "setup", &server.root(), "--user", USER, "--create"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(&format!("the secure connection to 127.0.0.1:{} failed", server.port)), "{err}");
    assert!(err.contains("--insecure"), "{err}");
    assert!(env.bytes().is_none(), "nothing written");
    let (_, err) = ok(&env, &["sync", "setup", &server.root(), "--user", USER, "--create", "--insecure"]);
    assert!(err.contains("warning: the server's certificate is not checked (--insecure)"), "{err}");
    env.add("Budi Santoso", &[]);
    let (_, err) = ok(&env, &["sync"]);
    assert!(err.contains("warning: the server's certificate is not checked"), "every sync warns: {err}");
    assert_eq!(summary(&err), "Synced: 0 pulled, 1 pushed, 0 merged, 0 conflicts, 0 deleted", "{err}");
}

#[test]
fn a_first_sync_links_people_already_here_instead_of_doubling_them() {
    let (server, env) = setup();
    // Imported from the phone's export earlier (same UID), and typed in by hand (same email).
    let vcf = env.home().join("phone.vcf");
    std::fs::write(&vcf, card("phone-ayu", "Ayu Lestari", "TEL:+62 811 0000 0001\r\n")).unwrap();
    ok(&env, &["import", "vcard", vcf.to_str().unwrap()]);
    env.add("Budi Santoso", &["--email", "budi@example.id"]);
    // A namesake with nothing in common stays a different person.
    env.add("Wei Chen", &["--email", "wei@here.example"]);
    server.put_card("ayu.vcf", &card("phone-ayu", "Ayu Lestari", "TEL:+62 811 0000 0001\r\nORG:Gojek\r\n"));
    server.put_card("budi.vcf", &card("phone-budi", "Budi S.", "EMAIL:budi@example.id\r\n"));
    server.put_card("wei.vcf", &card("phone-wei", "Wei Chen", "EMAIL:wei@there.example\r\n"));
    let (_, err) = ok(&env, &["sync"]);
    assert_eq!(env.contacts().len(), 4, "{:?}", names(&env));
    assert_eq!(env.contact("Ayu Lestari")["org"], "Gojek");
    assert!(names(&env).contains(&"Budi S.".to_string()), "the phone's name for Budi: {:?}", names(&env));
    assert_eq!(names(&env).iter().filter(|n| *n == "Wei Chen").count(), 2, "namesakes are never merged");
    assert_eq!(server.cards().len(), 4, "{err}");
}
