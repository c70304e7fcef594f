//! The words the product prints: articles, singular and plural, rounded percentages.
//! Every sentence a user reads must be one a careful writer would let through.

use crate::env::TestEnv;

#[test]
fn logged_interactions_take_the_right_article() {
    let env = TestEnv::with_fixture("network.json");
    for (kind, phrase) in [
        ("meeting", "a meeting"),
        ("call", "a call"),
        ("message", "a message"),
        ("email", "an email"),
        ("event", "an event"),
        ("intro", "an introduction"),
        ("other", "an interaction"),
    ] {
        let (_, err) = env.ok(&["log", "budi", "-m", "hello", "--kind", kind]);
        assert_eq!(err, format!("Logged {phrase} with Budi Santoso on 2026-11-28\n"), "--kind {kind}");
    }
    let (_, err) = env.ok(&["--lang", "id", "log", "budi", "-m", "halo", "--kind", "other"]);
    assert_eq!(err, "Tercatat interaksi dengan Budi Santoso pada 2026-11-28\n");
    let (_, err) = env.ok(&["--lang", "id", "log", "budi", "-m", "halo", "--kind", "email"]);
    assert_eq!(err, "Tercatat surel dengan Budi Santoso pada 2026-11-28\n");
}

#[test]
fn one_conversation_is_singular_and_today_is_today() {
    let env = TestEnv::with_fixture("network.json");
    env.ok(&["add-contact", "Wayan Sudiarta", "--every", "2w"]);
    env.ok(&["log", "wayan", "-m", "coffee"]);
    let (out, _) = env.ok(&["show", "wayan"]);
    assert!(out.contains("talked today, within the 14-day rhythm"), "{out}");
    assert!(out.contains(" 1 conversation in the last 6 months"), "{out}");
    assert!(!out.contains("(s)") && !out.contains("0 days ago"), "{out}");
}

#[test]
fn handles_made_too_long_by_older_versions_are_shortened_and_saved() {
    let env = TestEnv::new();
    env.write_data(
        r#"{"version":1,"contacts":[
        {"id":"01a22d39-3e62-74e3-a983-387325280565","handle":"01a22d393e6274e3a983387325280565","name":"Long Handle","circle":"friend","stage":"trusted","added":"2026-01-01T00:00:00Z"},
        {"id":"0192f0a5-95e6-7658-832c-3898f9ebdacc","handle":"3898","name":"Only Digits","circle":"friend","stage":"trusted","added":"2026-01-01T00:00:00Z"},
        {"id":"0192f0a0-0000-7000-8000-00000000b0d1","handle":"b0d1","name":"Budi Santoso","circle":"colleague","stage":"trusted","added":"2026-01-01T00:00:00Z"}
        ],"interactions":[]}"#,
    );
    let handles = |env: &TestEnv| -> Vec<String> {
        let (out, _) = env.ok(&["--json", "list", "--sort", "name"]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v.as_array().unwrap().iter().map(|c| c["handle"].as_str().unwrap().to_string()).collect()
    };
    // Read: shown short at once, the same on every read, the file untouched.
    let before = env.snapshot();
    let read = handles(&env);
    assert_eq!(handles(&env), read);
    before.assert_unchanged();
    assert_eq!(read[0], "b0d1", "a handle that fits the rule is kept");
    for h in &read[1..] {
        assert!((4..=6).contains(&h.len()) && h.bytes().all(|b| (b'k'..=b'z').contains(&b)), "{h}");
    }
    // The whole id still finds the person the long handle named.
    let (out, _) = env.ok(&["show", "01a22d393e6274e3a983387325280565"]);
    assert!(out.starts_with("Long Handle"), "{out}");
    // The next save writes them to the file.
    env.ok(&["log", "budi", "-m", "coffee"]);
    let saved: Vec<String> = {
        let mut cs = env.contacts();
        cs.sort_by_key(|c| c["name"].as_str().unwrap().to_string());
        cs.iter().map(|c| c["handle"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(saved, read);
}

#[test]
fn onboarding_interrupted_after_step_one_says_what_was_kept() {
    use crate::pty::{ENTER, answer, exit_code, spawn};
    use expectrl::Expect;
    let env = TestEnv::new();
    let mut s = spawn(&env, &["coach"]);
    answer(&mut s, "Name:", "Budi Santoso");
    s.expect("Circle:").unwrap();
    s.send(ENTER).unwrap();
    answer(&mut s, "Name:", "");
    s.expect("Added 1 person.").unwrap();
    s.expect("What would you like to record?").unwrap();
    s.send("\x03").unwrap(); // Ctrl-C
    s.expect("interrupted; what you entered before is saved: 1 person (Budi Santoso)").unwrap();
    assert_eq!(exit_code(s), 130);
    assert_eq!(env.contact("Budi Santoso")["circle"], "friend");

    // Interrupted at the goal, after a trust note: both are named, in Indonesian too.
    let env = TestEnv::new();
    let mut s = spawn(&env, &["--lang", "id", "coach"]);
    answer(&mut s, "Nama:", "Siti Rahma");
    s.expect("Lingkaran:").unwrap();
    s.send(ENTER).unwrap();
    answer(&mut s, "Nama:", "Wei Chen");
    s.expect("Lingkaran:").unwrap();
    s.send(ENTER).unwrap();
    answer(&mut s, "Nama:", "");
    s.expect("2 orang ditambahkan.").unwrap();
    s.expect("Apa yang ingin dicatat?").unwrap();
    s.send(crate::pty::DOWN).unwrap();
    s.send(ENTER).unwrap(); // a trust note
    s.expect("Tentang siapa?").unwrap();
    s.send(ENTER).unwrap(); // Siti
    answer(&mut s, "Apa yang membangun kepercayaan?", "Membantu saat pindahan");
    s.expect("Susun tujuan SMART pertama sekarang?").unwrap();
    s.send("\x03").unwrap();
    s.expect(
        "dihentikan; yang sudah Anda isi sebelumnya tetap tersimpan: 2 orang (Siti Rahma, Wei Chen) dan catatan \
         kepercayaan tentang Siti Rahma",
    )
    .unwrap();
    assert_eq!(exit_code(s), 130);
    assert_eq!(env.json()["trust_notes"][0]["note"], "Membantu saat pindahan");
}

#[test]
fn trust_at_the_level_it_already_has_changes_nothing() {
    let env = TestEnv::with_fixture("network.json");
    env.ok(&["trust", "budi", "--level", "5"]);
    let before = env.snapshot();
    let (out, err) = env.ok(&["trust", "budi", "--level", "5"]);
    assert_eq!(out, "");
    assert_eq!(err, "Budi Santoso is already at trust level 5; nothing changed\n");
    before.assert_unchanged();
    let (_, err) = env.ok(&["--lang", "id", "trust", "budi", "--level", "5"]);
    assert_eq!(err, "Budi Santoso sudah di tingkat kepercayaan 5; tidak ada yang berubah\n");
    before.assert_unchanged();

    // With a note, the note is kept and the level said to stay.
    let (_, err) = env.ok(&["trust", "budi", "--level", "5", "--note", "Vouched for me again"]);
    assert_eq!(err, "Noted for Budi Santoso (trust level stays 5)\n");
    let notes = env.json()["trust_notes"].as_array().unwrap().clone();
    let last = notes.last().unwrap();
    assert_eq!(last["note"], "Vouched for me again");
    assert!(last.get("level").is_none(), "no 5 → 5 recorded: {last}");
}

#[test]
fn facts_are_numbered_per_person() {
    let env = TestEnv::with_fixture("network.json");
    let (_, err) = env.ok(&["know", "siti", "Training for the Bali marathon", "--topic", "interests"]);
    assert!(err.starts_with("Fact #1 about Siti Rahma;"), "{err}");
    let (_, err) = env.ok(&["know", "budi", "Has two daughters", "--topic", "family"]);
    assert!(err.starts_with("Fact #1 about Budi Santoso;"), "Budi's first fact is #1: {err}");
    let (_, err) = env.ok(&["know", "budi", "Wants to open a Surabaya office", "--topic", "goals"]);
    assert!(err.starts_with("Fact #2 about Budi Santoso;"), "{err}");
    let (out, _) = env.ok(&["know", "budi"]);
    assert!(out.contains("#1   family") && out.contains("#2   goals"), "{out}");
    // `--fix N` uses the same number, within the person named.
    let (_, err) = env.ok(&["know", "budi", "--fix", "1", "Has three daughters"]);
    assert_eq!(err, "Fact #1 corrected\n");
    let facts = env.json()["facts"].as_array().unwrap().clone();
    let text_of = |who: &str, n: u64| {
        let id = env.contact(who)["id"].clone();
        facts.iter().find(|f| f["contact"] == id && f["n"] == n).map(|f| f["text"].as_str().unwrap().to_string())
    };
    assert_eq!(text_of("Budi Santoso", 1).as_deref(), Some("Has three daughters"));
    assert_eq!(text_of("Siti Rahma", 1).as_deref(), Some("Training for the Bali marathon"), "Siti's #1 untouched");
}

#[test]
fn the_goal_wizard_speaks_in_questions_not_flags() {
    use crate::pty::{ENTER, answer, exit_code, spawn};
    use expectrl::Expect;
    let env = TestEnv::new();
    let mut s = spawn(&env, &["goal", "new"]);
    answer(&mut s, "Goal, in a few words:", "");
    s.expect("this needs an answer; a few words are enough").unwrap();
    answer(&mut s, "Goal, in a few words:", "Network more");
    answer(&mut s, "What exactly, and with whom?", "");
    answer(&mut s, "Which tag marks these people?", "");
    for q in ["Which circle counts?", "Which stage counts?", "How is progress counted?"] {
        s.expect(q).unwrap();
        s.send(ENTER).unwrap();
    }
    answer(&mut s, "Target number:", "ten");
    s.expect("\"ten\" is not a whole number; type a count such as 10").unwrap();
    answer(&mut s, "Target number:", "6");
    answer(&mut s, "Why is it within reach", "");
    answer(&mut s, "Why does it matter now?", "I am moving into product");
    answer(&mut s, "Minutes a week", "120");
    answer(&mut s, "Start:", "");
    answer(&mut s, "Deadline:", "someday soon");
    s.expect("\"someday soon\" is not a date; type YYYY-MM-DD").unwrap();
    answer(&mut s, "Deadline:", "in 3 months");
    s.expect("S✗").unwrap();
    let check = s.expect("What now?").unwrap();
    let check = String::from_utf8_lossy(check.before()).to_string();
    assert!(check.contains("→ say what exactly, and with whom"), "{check}");
    assert!(check.contains("→ write the plan: where you will meet people"), "{check}");
    assert!(!check.contains("--"), "no flags in the wizard's check: {check}");
    // The first fix offered is the missing Specific.
    s.expect("Fix S (Specific)").unwrap();
    s.send("\x03").unwrap();
    assert_eq!(exit_code(s), 130);
    assert!(env.bytes().is_none(), "an interrupted wizard saves nothing");
}

#[test]
fn counts_of_one_are_singular_in_lists_and_reviews() {
    let env = TestEnv::new();
    env.add("Wayan Sudiarta", &[]);
    let (_, err) = env.ok(&["list"]);
    assert_eq!(err, "1 of 1 contact\n");
    env.ok(&["log", "wayan", "-m", "coffee"]);
    let (out, _) = env.ok(&["review"]);
    assert!(out.contains("1 interaction with 1 person"), "{out}");
    let (out, _) = env.ok(&["--lang", "id", "review"]);
    assert!(out.contains("1 interaksi dengan 1 orang"), "{out}");
}
