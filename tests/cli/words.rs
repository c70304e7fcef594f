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
