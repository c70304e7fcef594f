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
