//! `jejaring import history` through the real binary, on the exports in
//! `tests/fixtures/history/` (written for these tests): a Google Calendar export with a
//! weekly meeting, an excluded date, a moved, a cancelled and a declined occurrence; a
//! Takeout mbox with threads, a mailing list, a robot and bulk mail; a maildir; a
//! LinkedIn messages.csv; WhatsApp chats from Android and iOS in English and
//! Indonesian. One rule of the issue per test.

use crate::env::{TestEnv, fixtures, one_error_line};
use serde_json::Value;

fn fixture(name: &str) -> String {
    fixtures().join("history").join(name).display().to_string()
}

/// Ayu's network: the people the exports talk about, two namesakes called Eko, and
/// Siti and Fajar known by name only.
fn network() -> TestEnv {
    let env = TestEnv::new();
    env.add(
        "Budi Santoso",
        &[
            "--email",
            "budi@example.com",
            "--phone",
            "+62 812 1111 2222",
            "--linkedin",
            "https://www.linkedin.com/in/budi-santoso",
        ],
    );
    env.add("Citra Dewi", &["--email", "citra@example.com"]);
    env.add("Dimas Pratama", &["--email", "dimas@example.com", "--phone", "0813 2222 3333"]);
    env.add("Eko", &["--org", "Gojek"]);
    env.add("Eko", &["--org", "Tokopedia", "--force"]);
    env.add("Siti Rahayu", &[]);
    env.add("Fajar Nugroho", &[]);
    env
}

/// Runs `import history ARGS… --json` and returns its report.
fn import(env: &TestEnv, args: &[&str]) -> Value {
    let mut all = vec!["--json", "import", "history"];
    all.extend_from_slice(args);
    let (out, _) = env.ok(&all);
    serde_json::from_str(&out).expect("import history --json prints JSON")
}

fn counts(v: &Value) -> (u64, u64, u64, u64) {
    let n = |k: &str| v[k].as_u64().unwrap_or_else(|| panic!("no {k} in {v}"));
    (n("added"), n("already_known"), n("with_unknown_people"), n("ignored"))
}

/// A contact's stored interactions as (day, kind, two-way, they reached out, title),
/// oldest first.
fn talks(env: &TestEnv, name: &str) -> Vec<(String, String, bool, bool, String)> {
    let data = env.json();
    let id = env.contact(name)["id"].clone();
    let mut out: Vec<_> = data["interactions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["contacts"].as_array().unwrap().contains(&id))
        .map(|i| {
            (
                i["on"].as_str().unwrap().to_string(),
                i["kind"].as_str().unwrap().to_string(),
                i["source"]["one_way"] != Value::Bool(true),
                i["they_reached_out"] == Value::Bool(true),
                i["text"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

fn days(env: &TestEnv, name: &str) -> Vec<String> {
    talks(env, name).into_iter().map(|t| t.0).collect()
}

#[test]
fn a_calendar_logs_each_past_occurrence_once_without_declines_or_cancellations() {
    let env = network();
    let r = import(&env, &[&fixture("google-calendar.ics")]);
    assert_eq!(counts(&r), (7, 0, 1, 0));
    // Weekly on Mondays from 5 October: the 12th is excluded, the 19th moved to the
    // 20th, the 2nd cancelled, the 9th declined by Ayu, the 30th still to come.
    assert_eq!(days(&env, "Budi Santoso"), ["2026-10-05", "2026-10-20", "2026-10-26", "2026-11-16", "2026-11-23"]);
    let budi = talks(&env, "Budi Santoso");
    assert!(budi.iter().all(|t| t.1 == "meeting" && t.2 && t.3), "Budi organises: he reached out, and met is talked");
    assert_eq!(budi[1].4, "1:1 Budi / Ayu (moved to Tuesday)");
    // Ayu organised the lunch; Dimas declined it, so only Citra was there.
    assert_eq!(
        talks(&env, "Citra Dewi"),
        [("2026-11-10".into(), "meeting".into(), true, false, "Fintech lunch".into())]
    );
    // An all-day event with attendees is a meeting; one without (a holiday) is not; a
    // cancelled event and a future one are not.
    assert_eq!(days(&env, "Dimas Pratama"), ["2026-11-19"]);
    let text = String::from_utf8(env.bytes().unwrap()).unwrap();
    assert!(!text.contains("secret"), "event descriptions are never stored");
    assert!(!text.contains("Cuti bersama") && !text.contains("Product demo") && !text.contains("Next month"));
    let unknown: Vec<&str> = r["unknown"].as_array().unwrap().iter().map(|u| u["email"].as_str().unwrap()).collect();
    assert_eq!(unknown, ["hendra@unknown.example", "rina@startup.example"]);
}

#[test]
fn importing_the_same_export_again_adds_nothing_and_writes_nothing() {
    let env = network();
    import(&env, &[&fixture("google-calendar.ics"), &fixture("takeout.mbox")]);
    let before = env.snapshot();
    let r = import(&env, &[&fixture("google-calendar.ics"), &fixture("takeout.mbox")]);
    assert_eq!(counts(&r), (0, 12, 3, 3));
    before.assert_unchanged();
}

#[test]
fn a_newer_export_that_overlaps_adds_only_what_is_new() {
    let env = network();
    let (_, err) = env.ok(&["import", "history", &fixture("google-calendar.ics")]);
    assert!(err.contains("History: 7 conversations added"), "{err}");
    // The same calendar exported again, with a meeting that happened since added.
    let newer = env.home().join("newer.ics");
    let ics = std::fs::read_to_string(fixture("google-calendar.ics")).unwrap().replace(
        "END:VCALENDAR",
        "BEGIN:VEVENT\r\nUID:new@google.com\r\nDTSTART:20261125T020000Z\r\nDTEND:20261125T030000Z\r\n\
         ORGANIZER;CN=Citra Dewi:mailto:citra@example.com\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:ayu.lestari@example.com\r\n\
         SUMMARY:Catch-up\r\nEND:VEVENT\r\nEND:VCALENDAR",
    );
    std::fs::write(&newer, ics).unwrap();
    let r = import(&env, &[newer.to_str().unwrap()]);
    assert_eq!(counts(&r), (1, 7, 1, 0));
    assert_eq!(days(&env, "Citra Dewi"), ["2026-11-10", "2026-11-25"]);
}

#[test]
fn mail_logs_one_email_per_thread_a_day_and_ignores_lists_and_robots() {
    let env = network();
    let (_, err) = env.ok(&["import", "history", &fixture("takeout.mbox")]);
    assert!(
        err.lines().any(|l| l
            == "History: 5 conversations added, 0 already known, 2 with people not in your network; \
                left out 4: mailing lists, bulk mail and robots (3), messages without a date (1)"),
        "{err}"
    );
    assert!(err.contains("takeout.mbox: line 144: skipped: a message without a readable date"), "{err}");
    // Budi opened the thread on the 3rd and Ayu answered: talked, he reached out; he
    // wrote again on the 5th, in the same thread: talked, nobody "reached out".
    let budi = talks(&env, "Budi Santoso");
    assert_eq!(budi[0], ("2026-11-03".into(), "email".into(), true, true, "Intro to Rina?".into()));
    assert_eq!(budi[1], ("2026-11-05".into(), "email".into(), true, false, "Intro to Rina?".into()));
    // One message Ayu wrote to Budi and Dimas, unanswered: one group email, "wrote".
    assert_eq!(budi[2], ("2026-11-12".into(), "email".into(), false, false, "Notes from the fintech lunch".into()));
    assert_eq!(days(&env, "Dimas Pratama"), ["2026-11-12"]);
    // Ayu wrote to Citra, nobody answered; Siti (known by her exact name) wrote to Ayu.
    assert_eq!(
        talks(&env, "Citra Dewi"),
        [("2026-11-06".into(), "email".into(), false, false, "Deck for Friday".into())]
    );
    assert_eq!(
        talks(&env, "Siti Rahayu"),
        [("2026-11-08".into(), "email".into(), false, true, "Undangan arisan alumni".into())]
    );
    let text = String::from_utf8(env.bytes().unwrap()).unwrap();
    assert!(!text.contains("SECRET-BODY"), "message bodies are never stored");
    assert!(!text.contains("Meetup next week") && !text.contains("viewed your profile") && !text.contains("digest"));
}

#[test]
fn add_unknown_adds_the_people_you_talked_with_and_never_one_way_senders() {
    let env = network();
    let r = import(&env, &["--add-unknown", &fixture("takeout.mbox")]);
    assert_eq!(r["contacts_added"], serde_json::json!(["Hendra Gunawan"]));
    assert_eq!(counts(&r), (6, 0, 1, 3));
    let hendra = env.contact("Hendra Gunawan");
    assert_eq!(hendra["emails"], serde_json::json!(["hendra@unknown.example"]));
    assert_eq!(talks(&env, "Hendra Gunawan").len(), 1);
    assert!(env.contacts().iter().all(|c| c["name"] != "Recruiter"), "a one-way sender is never added");
}

#[test]
fn a_maildir_with_a_sent_folder_and_a_name_two_contacts_share() {
    let env = network();
    let r = import(&env, &[&fixture("maildir")]);
    assert_eq!(counts(&r), (1, 0, 1, 0));
    assert_eq!(
        talks(&env, "Dimas Pratama"),
        [("2026-11-14".into(), "email".into(), true, true, "Offsite photos".into())]
    );
    let eko = &r["unknown"][0];
    assert_eq!((eko["name"].as_str(), eko["ambiguous"].as_bool()), (Some("Eko"), Some(true)), "{r}");
    let problems = r["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].as_str().unwrap().contains("1763300000.M3P1.laptop: skipped: not a mail message"));
}

#[test]
fn linkedin_conversations_log_one_message_a_day() {
    let env = network();
    let (_, err) = env.ok(&["import", "history", &fixture("messages.csv")]);
    assert!(err.contains("messages.csv: line 8: skipped: a message without a readable date"), "{err}");
    assert!(
        err.contains("History: 3 conversations added, 0 already known, 1 with people not in your network"),
        "{err}"
    );
    // Matched by profile URL; Budi started the conversation, both wrote.
    assert_eq!(
        talks(&env, "Budi Santoso"),
        [
            ("2026-10-20".into(), "message".into(), true, true, "Coffee in Jakarta?".into()),
            ("2026-10-22".into(), "message".into(), true, false, String::new()),
        ]
    );
    // Matched by exact name; only Ayu wrote.
    assert_eq!(talks(&env, "Fajar Nugroho"), [("2026-10-25".into(), "message".into(), false, false, String::new())]);
    assert!(err.contains("Gita Savitri: 1 conversation"), "{err}");
}

#[test]
fn whatsapp_chats_from_android_and_ios_in_english_and_indonesian() {
    let env = network();
    // Each chat shows its own day/month order but Siti's, which has only 11/1 and 11/4:
    // it is skipped and named, and read once the order is said. (Said for the whole
    // folder, it would refuse the chats that show the other order.)
    let r = import(&env, &[&fixture("whatsapp")]);
    assert_eq!(counts(&r), (4, 0, 0, 0));
    assert_eq!(r["readers"].as_array().unwrap().len(), 4);
    assert!(r["problems"].to_string().contains("Siti Rahayu.txt: line 2: skipped: its dates could be"), "{r}");
    let siti = format!("{}/WhatsApp Chat with Siti Rahayu.txt", fixture("whatsapp"));
    assert_eq!(counts(&import(&env, &["--date-order", "mdy", &siti])), (2, 0, 0, 0));
    // Android, US English (month first, AM/PM): Siti wrote first on the 1st and Ayu
    // answered; on the 4th only Ayu wrote.
    assert_eq!(
        talks(&env, "Siti Rahayu"),
        [
            ("2026-11-01".into(), "message".into(), true, true, String::new()),
            ("2026-11-04".into(), "message".into(), false, false, String::new()),
        ]
    );
    // Android, Indonesian (day first, 21.41); iOS Indonesian group (day first); Budi.
    assert_eq!(days(&env, "Budi Santoso"), ["2026-11-13", "2026-11-15", "2026-11-16"]);
    assert!(!talks(&env, "Budi Santoso")[0].3, "Ayu wrote first that day");
    // iOS English one-to-one, and in the group by his number (+62 813…, stored as 0813…).
    assert_eq!(days(&env, "Dimas Pratama"), ["2026-11-14", "2026-11-15"]);
    let data = env.json();
    let group = data["interactions"].as_array().unwrap().iter().find(|i| i["on"] == "2026-11-15").unwrap().clone();
    assert_eq!(
        group["contacts"].as_array().unwrap().len(),
        2,
        "one group interaction with the members who are contacts"
    );
    assert_eq!(r["unknown"][0]["name"], "Joko Susilo");
    // The one-to-one chats said who Ayu is; nothing was typed, so nothing is remembered.
    assert!(data["settings"].get("history_me").is_none());
    assert!(!String::from_utf8(env.bytes().unwrap()).unwrap().contains("SECRET-BODY"));
}

#[test]
fn me_is_asked_for_when_an_export_cannot_tell_and_remembered_once_given() {
    let env = network();
    let group = fixture("whatsapp/WhatsApp Chat - Alumni ITB 2015.txt");
    let before = env.snapshot();
    let err = env.fails(&["import", "history", &group], 2);
    assert!(one_error_line(&err).contains("--me"), "{err}");
    before.assert_unchanged();

    let r = import(&env, &["--me", "Ayu Lestari", &group]);
    assert_eq!(counts(&r).0, 2);
    assert_eq!(env.json()["settings"]["history_me"], serde_json::json!(["Ayu Lestari"]));
    // A later chat of the same group, without --me: the remembered name is used.
    let later = env.home().join("WhatsApp Chat - Alumni ITB 2015.txt");
    std::fs::write(&later, "[20/11/26 19.00.00] Ayu Lestari: SECRET\n[20/11/26 19.01.00] Budi Santoso: SECRET\n")
        .unwrap();
    let r = import(&env, &[later.to_str().unwrap()]);
    assert_eq!(counts(&r), (1, 0, 0, 0));
    assert_eq!(talks(&env, "Budi Santoso")[2], ("2026-11-20".into(), "message".into(), true, false, String::new()));
}

#[test]
fn since_leaves_out_older_conversations() {
    let env = network();
    let r = import(&env, &["--since", "2026-11-01", &fixture("google-calendar.ics")]);
    assert_eq!(counts(&r).0, 4);
    assert_eq!(days(&env, "Budi Santoso"), ["2026-11-16", "2026-11-23"]);
}

#[test]
fn a_dry_run_lists_what_it_would_log_and_changes_nothing() {
    let env = network();
    let before = env.snapshot();
    let (out, err) = env.ok(&[
        "import",
        "history",
        "--dry-run",
        "--me",
        "ayu.lestari@example.com",
        &fixture("google-calendar.ics"),
        &fixture("takeout.mbox"),
        &fixture("maildir"),
        &fixture("messages.csv"),
        &fixture("whatsapp"),
    ]);
    before.assert_unchanged();
    // Siti's WhatsApp chat does not show its day/month order: skipped and named.
    assert_eq!(out.lines().count(), 20, "{out}");
    assert!(out.contains("2026-11-10  meeting   Citra Dewi  Fintech lunch"), "{out}");
    assert!(
        err.contains(
            "History (dry run, nothing saved): 20 conversations to add, 0 already known, 5 with people not in your network; left out "
        ),
        "{err}"
    );
}

#[test]
fn bad_input_is_one_clear_line_and_changes_nothing() {
    let env = network();
    let before = env.snapshot();
    let not_export = env.home().join("notes.txt");
    std::fs::write(&not_export, "shopping list\n").unwrap();
    let (csv, mbox, ics) = (fixture("messages.csv"), fixture("takeout.mbox"), fixture("google-calendar.ics"));
    let cases: [(Vec<&str>, i32, &str); 5] = [
        (vec![not_export.to_str().unwrap()], 1, "cannot tell what this is"),
        (vec!["--from", "calendar", &csv], 1, "this is not an iCalendar (.ics) file"),
        (vec!["--from", "maildir", &mbox], 2, "a maildir is a folder"),
        (vec!["/no/such/export.ics"], 1, "could not read /no/such/export.ics"),
        (vec!["--since", "someday", &ics], 1, "--since"),
    ];
    for (args, code, says) in cases {
        let mut all = vec!["import", "history"];
        all.extend(args);
        let err = env.fails(&all, code);
        assert!(one_error_line(&err).contains(says), "{all:?}: {err}");
        before.assert_unchanged();
    }
}

#[test]
fn the_summary_in_indonesian() {
    let env = network();
    let (_, err) = env.ok(&["--lang", "id", "import", "history", &fixture("google-calendar.ics")]);
    assert!(
        err.lines().any(|l| l
            == "Riwayat: 7 percakapan ditambah, 0 sudah ada, 1 dengan orang yang tidak ada di jaringan Anda; \
                3 dilewati: acara batal, seharian, atau tanpa orang lain (3)"),
        "{err}"
    );
}

#[test]
fn show_brief_and_review_tell_imported_and_one_way_apart() {
    let env = network();
    env.ok(&["import", "history", &fixture("google-calendar.ics"), &fixture("takeout.mbox")]);
    env.ok(&["log", "Citra Dewi", "--on", "2026-11-24"]);
    let (show, _) = env.ok(&["show", "Citra Dewi"]);
    assert!(show.contains("Interactions (3: 2 talked, 1 wrote)"), "{show}");
    assert!(show.contains("2026-11-06  email        [you wrote]  Deck for Friday  · imported from email"), "{show}");
    assert!(show.contains("2026-11-10  meeting      Fintech lunch  · imported from calendar"), "{show}");
    let (brief, _) = env.ok(&["brief", "Siti Rahayu"]);
    assert!(brief.contains("[they wrote]  Undangan arisan alumni  · imported from email"), "{brief}");
    let (review, _) = env.ok(&["review", "--no-input"]);
    // The week of 22 to 28 November: Budi's meeting on the 23rd (imported; he
    // organised it) and the talk with Citra logged by hand on the 24th.
    assert!(review.contains("2 interactions (1 imported rather than logged) with 2 people"), "{review}");
    assert!(review.contains("who made the first move: you 1, they 1"), "{review}");
}

#[test]
fn list_due_counts_imported_conversations() {
    let env = TestEnv::new();
    env.add("Budi Santoso", &["--email", "budi@example.com", "--every", "1w", "--met-on", "2026-06-01"]);
    env.add("Citra Dewi", &["--email", "citra@example.com", "--every", "1w", "--met-on", "2026-06-01"]);
    env.ok(&["log", "Budi Santoso", "Citra Dewi", "--on", "2026-10-01"]);
    let (due, _) = env.ok(&["list", "--due"]);
    assert!(due.contains("Budi Santoso") && due.contains("Citra Dewi"), "{due}");
    env.ok(&["import", "history", &fixture("google-calendar.ics")]);
    // Budi's weekly meeting on the 23rd makes him due on the 30th; Citra's lunch on
    // the 10th leaves her overdue.
    let (due, _) = env.ok(&["list", "--due"]);
    assert!(!due.contains("Budi Santoso") && due.contains("Citra Dewi"), "{due}");
}
