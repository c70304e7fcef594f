//! The interactive path, through a real pseudo-terminal: `add-contact` with no name asks
//! for each field, and `remove` asks before deleting.

use crate::env::TestEnv;
use expectrl::session::OsSession as Session;
use expectrl::{Eof, Expect};
use std::collections::HashSet;
use std::process::Command;
use std::time::Duration;

pub(crate) const DOWN: &str = "\x1b[B";
pub(crate) const UP: &str = "\x1b[A";
pub(crate) const ENTER: &str = "\r";

/// Starts `jejaring ARGS…` on a pseudo-terminal (stdin, stdout and stderr), in the test
/// environment, with a generous timeout for every expected prompt.
pub(crate) fn spawn(env: &TestEnv, args: &[&str]) -> Session {
    let mut cmd = env.std_command();
    cmd.env("TERM", "xterm").args(args);
    // Wide, so a long message is one line to expect (wrapping is checked in wrap_pty).
    spawn_sized(cmd, 240, 50)
}

/// Starts `cmd` on a pseudo-terminal `cols` wide, with a generous timeout for every
/// expected prompt. A pseudo-terminal opens 80 columns wide, and a program that reads
/// its width before the window is resized would lay out for 80: so a shell starts
/// first, waits for a line, and only then runs the program, in the resized window.
pub(crate) fn spawn_sized(cmd: Command, cols: u16, rows: u16) -> Session {
    let mut sh = Command::new("sh");
    sh.env_clear();
    for (k, v) in cmd.get_envs() {
        if let Some(v) = v {
            sh.env(k, v);
        }
    }
    if let Some(dir) = cmd.get_current_dir() {
        sh.current_dir(dir);
    }
    sh.arg("-c").arg("read go && exec \"$0\" \"$@\"").arg(cmd.get_program()).args(cmd.get_args());
    let mut s = Session::spawn(sh).expect("spawn on a pty");
    s.set_expect_timeout(Some(Duration::from_secs(30)));
    s.get_process_mut().set_window_size(cols, rows).expect("resize the window");
    s.send("\r").unwrap();
    s
}

/// Every word on the screen is a word of `whole` (or one cut short with `…`).
pub(crate) fn assert_whole_words(shown: &str, whole: &HashSet<String>, what: &str) {
    for word in shown.split_whitespace() {
        if word.chars().all(|c| c == '─') {
            continue;
        }
        let ok = whole.contains(word)
            || word.strip_suffix(':').is_some_and(|w| whole.contains(w))
            || word.strip_suffix('…').is_some_and(|head| !head.is_empty() && whole.iter().any(|w| w.starts_with(head)));
        assert!(ok, "{what}: {word:?} is not a word of the unwrapped text\n{shown}");
    }
}

/// Waits for the prompt, then types the answer and Enter.
pub(crate) fn answer(s: &mut Session, prompt: &str, text: &str) {
    s.expect(prompt).unwrap_or_else(|e| panic!("waiting for {prompt:?}: {e}"));
    s.send(text).unwrap();
    s.send(ENTER).unwrap();
}

/// Waits for the process to end and returns its exit code.
pub(crate) fn exit_code(mut s: Session) -> i32 {
    s.expect(Eof).expect("the program ends");
    match s.get_process().wait().unwrap() {
        expectrl::process::unix::WaitStatus::Exited(_, code) => code,
        other => panic!("unexpected end: {other:?}"),
    }
}

#[test]
fn add_contact_asks_for_every_field_on_a_terminal() {
    let env = TestEnv::new();
    let mut s = spawn(&env, &["add-contact", "--tag", "pty"]);
    answer(&mut s, "Name:", "Dewi Lestari");
    // Circle: the list starts at friend; one step down is colleague.
    s.expect("Circle:").unwrap();
    s.send(DOWN).unwrap();
    s.send(ENTER).unwrap();
    // Stage: Enter takes the default, acquaintance.
    s.expect("How well do you know them?").unwrap();
    s.send(ENTER).unwrap();
    answer(&mut s, "Organisation:", "Tokopedia");
    answer(&mut s, "Role:", ""); // skipped
    answer(&mut s, "How or where did you meet?", "PyCon ID");
    // When: one step down from "today" is another day, asked for next. A bad date is
    // explained and asked again.
    s.expect("When did you meet?").unwrap();
    s.send(DOWN).unwrap();
    s.send(ENTER).unwrap();
    answer(&mut s, "Which day?", "2026-02-30");
    s.expect("is not a real date").unwrap();
    answer(&mut s, "Which day?", "yesterday");
    answer(&mut s, "First impression:", "Sharp questions after the talk");
    answer(&mut s, "Keep in touch every:", "2w");
    answer(&mut s, "Email:", "Dewi@Example.com");
    s.expect("Added Dewi Lestari (colleague, acquaintance), met on 2026-11-27; handle").unwrap();
    assert_eq!(exit_code(s), 0);

    let c = env.contact("Dewi Lestari");
    assert_eq!(c["circle"], "colleague");
    assert_eq!(c["stage"], "acquaintance");
    assert_eq!(c["org"], "Tokopedia");
    assert!(c.get("role").is_none());
    assert_eq!(c["met_at"], "PyCon ID");
    assert_eq!(c["met_on"], "2026-11-27");
    assert_eq!(c["impression"], "Sharp questions after the talk");
    assert_eq!(c["every"], "2w");
    assert_eq!(c["emails"], serde_json::json!(["dewi@example.com"]));
    assert_eq!(c["tags"], serde_json::json!(["pty"]), "flags given are not asked again");
}

#[test]
fn prompts_speak_indonesian_and_flags_skip_questions() {
    let env = TestEnv::new();
    let mut s = spawn(
        &env,
        &["--lang", "id", "add-contact", "--circle", "family", "--stage", "trusted", "--org", "", "--role", ""],
    );
    answer(&mut s, "Nama:", "Ibu Sari");
    answer(&mut s, "Bagaimana atau di mana kalian bertemu?", "");
    // Someone trusted was known before: Enter takes "long ago", so no meeting day.
    s.expect("Kapan kalian bertemu?").unwrap();
    s.send(ENTER).unwrap();
    answer(&mut s, "Kesan pertama:", "");
    answer(&mut s, "Jaga kontak setiap:", "1w");
    answer(&mut s, "Email:", "");
    s.expect("Ibu Sari ditambahkan (keluarga, tepercaya)").unwrap();
    assert_eq!(exit_code(s), 0);
    let c = env.contact("Ibu Sari");
    assert_eq!(
        (c["circle"].as_str(), c["stage"].as_str(), c["every"].as_str()),
        (Some("family"), Some("trusted"), Some("1w"))
    );
    assert!(c.get("met_on").is_none(), "someone you trust is not a new person");
}

#[test]
fn add_contact_asks_when_you_met_and_a_stranger_was_met_today() {
    let env = TestEnv::new();
    let mut s = spawn(
        &env,
        &["add-contact", "--circle", "other", "--stage", "stranger", "--org", "", "--role", "", "--met-at", ""],
    );
    answer(&mut s, "Name:", "Kofi Mensah");
    // The first answer, and the default for a stranger, is today.
    s.expect("When did you meet?").unwrap();
    s.expect("today").unwrap();
    s.send(ENTER).unwrap();
    answer(&mut s, "First impression:", "");
    answer(&mut s, "Keep in touch every:", "");
    answer(&mut s, "Email:", "");
    s.expect("Added Kofi Mensah").unwrap();
    assert_eq!(exit_code(s), 0);
    assert_eq!(env.contact("Kofi Mensah")["met_on"], "2026-11-28");

    // Long ago: two steps down. An acquaintance known for years is not new.
    let mut s =
        spawn(&env, &["add-contact", "--stage", "acquaintance", "--circle", "friend", "--org", "", "--role", ""]);
    answer(&mut s, "Name:", "Rina Wijaya");
    answer(&mut s, "How or where did you meet?", "");
    s.expect("When did you meet?").unwrap();
    s.send(DOWN).unwrap();
    s.send(DOWN).unwrap();
    s.send(ENTER).unwrap();
    // With someone in the network, who introduced you is asked too.
    answer(&mut s, "Who introduced you?", "kofi");
    answer(&mut s, "First impression:", "");
    answer(&mut s, "Keep in touch every:", "");
    answer(&mut s, "Email:", "");
    s.expect("Added Rina Wijaya").unwrap();
    assert_eq!(exit_code(s), 0);
    assert!(env.contact("Rina Wijaya").get("met_on").is_none());
    let link = &env.json()["links"][0];
    assert_eq!(
        (link["a"].clone(), link["b"].clone()),
        (env.contact("Kofi Mensah")["id"].clone(), env.contact("Rina Wijaya")["id"].clone())
    );
}

#[test]
fn remove_asks_first_on_a_terminal() {
    let env = TestEnv::with_fixture("network.json");
    let before = env.snapshot();
    let mut s = spawn(&env, &["remove", "budi"]);
    answer(&mut s, "Remove Budi Santoso and their part in 2 logged interactions?", "n");
    s.expect("Kept Budi Santoso.").unwrap();
    assert_eq!(exit_code(s), 0);
    before.assert_unchanged();

    let mut s = spawn(&env, &["remove", "budi"]);
    answer(&mut s, "Remove Budi Santoso", "y");
    s.expect("Removed Budi Santoso").unwrap();
    assert_eq!(exit_code(s), 0);
    assert_eq!(env.contacts().len(), 4);
}

#[test]
fn a_duplicate_asks_before_adding_on_a_terminal() {
    let env = TestEnv::with_fixture("network.json");
    let before = env.snapshot();
    let mut s = spawn(&env, &["add-contact", "Budi Santoso"]);
    s.expect("this looks like Budi Santoso (b0d1)").unwrap();
    answer(&mut s, "Add as a new contact anyway?", "n");
    s.expect("nothing added").unwrap();
    assert_eq!(exit_code(s), 1);
    before.assert_unchanged();
}

#[test]
fn a_shared_email_asks_before_adding_on_a_terminal_with_the_cache_in_place() {
    let env = TestEnv::with_fixture("network.json");
    // A first command leaves the cache, which the question is then asked from.
    env.run(&["list"]).success();
    let before = env.snapshot();
    let mut s = spawn(&env, &["add-contact", "Pak Budi", "--email", "budi.santoso@example.co.id"]);
    s.expect("this looks like Budi Santoso (b0d1)").unwrap();
    answer(&mut s, "Add as a new contact anyway?", "n");
    s.expect("nothing added").unwrap();
    assert_eq!(exit_code(s), 1);
    before.assert_unchanged();
}

#[test]
fn edit_without_flags_opens_the_contact_in_the_editor() {
    let env = TestEnv::with_fixture("network.json");
    // The "editor" notes the file's permissions, then changes the organisation.
    let editor = env.home().join("editor.sh");
    let seen = env.home().join("seen-mode");
    std::fs::write(
        &editor,
        format!("#!/bin/sh\nstat -c %a \"$1\" > '{}'\nsed -i 's/Bank Mandiri/BCA/' \"$1\"\n", seen.display()),
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();

    let mut cmd = env.std_command();
    cmd.env("TERM", "xterm").env("VISUAL", &editor).env("TMPDIR", env.home()).args(["edit", "budi"]);
    let mut s = Session::spawn(cmd).expect("spawn on a pty");
    s.set_expect_timeout(Some(Duration::from_secs(30)));
    s.expect("Updated Budi Santoso").unwrap();
    assert_eq!(exit_code(s), 0);
    let c = env.contact("Budi Santoso");
    assert_eq!(c["org"], "BCA");
    assert_eq!(c["role"], "Head of Digital Lending");
    assert_eq!(std::fs::read_to_string(&seen).unwrap().trim(), "600", "the notes are private while edited");
    let left: Vec<_> = std::fs::read_dir(env.home())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("jejaring-edit-"))
        .collect();
    assert!(left.is_empty(), "the temporary file is removed: {left:?}");
}

#[test]
fn a_failing_editor_changes_nothing() {
    let env = TestEnv::with_fixture("network.json");
    let before = env.snapshot();
    let mut cmd = env.std_command();
    cmd.env("TERM", "xterm").env("VISUAL", "false").env("TMPDIR", env.home()).args(["edit", "budi"]);
    let mut s = Session::spawn(cmd).expect("spawn on a pty");
    s.set_expect_timeout(Some(Duration::from_secs(30)));
    s.expect("the editor exited with an error; nothing changed").unwrap();
    assert_eq!(exit_code(s), 1);
    before.assert_unchanged();
}

#[test]
fn another_day_left_empty_keeps_the_day_the_stage_implies() {
    let env = TestEnv::new();
    let mut s = spawn(
        &env,
        &["add-contact", "--circle", "other", "--stage", "stranger", "--org", "", "--role", "", "--met-at", ""],
    );
    answer(&mut s, "Name:", "Kofi Mensah");
    s.expect("When did you meet?").unwrap();
    s.send(DOWN).unwrap();
    s.send(ENTER).unwrap();
    // Enter at "Which day?" is not "long ago": a stranger was met today.
    answer(&mut s, "Which day?", "");
    answer(&mut s, "First impression:", "");
    answer(&mut s, "Keep in touch every:", "");
    answer(&mut s, "Email:", "");
    s.expect("Added Kofi Mensah").unwrap();
    assert_eq!(exit_code(s), 0);
    assert_eq!(env.contact("Kofi Mensah")["met_on"], "2026-11-28");
}

#[test]
fn dropping_a_goal_asks_why_without_holding_the_lock() {
    let env = TestEnv::with_fixture("network.json");
    env.ok(&["goal", "new", "--title", "Old idea", "--metric", "manual", "--target", "1", "--deadline", "2027-01-31"]);
    let mut s = spawn(&env, &["goal", "drop", "1"]);
    s.expect("Why drop it?").unwrap();
    // While the question waits, another jejaring writes at once: nobody holds the lock.
    env.cmd().env("JEJARING_LOCK_WAIT", "1").args(["log", "budi", "coffee"]).assert().success();
    s.send("no time this year").unwrap();
    s.send(ENTER).unwrap();
    s.expect("Goal 1 dropped").unwrap();
    assert_eq!(exit_code(s), 0);
    let file = env.json();
    assert_eq!(file["goals"][0]["closed"]["note"], "no time this year");
    assert_eq!(file["interactions"].as_array().unwrap().iter().filter(|i| i["text"] == "coffee").count(), 1);
}

#[test]
fn a_merge_refuses_when_either_contact_changed_after_the_preview() {
    let env = TestEnv::with_fixture("network.json");
    env.add("Budi S.", &["--email", "budi.s@example.com"]);
    let mut s = spawn(&env, &["merge", "Budi Santoso", "Budi S."]);
    s.expect("Merge them?").unwrap();
    // What the preview promised no longer holds: Budi S. now has a conversation to move.
    env.ok(&["log", "Budi S.", "lunch"]);
    s.send("y").unwrap();
    s.send(ENTER).unwrap();
    s.expect("changed meanwhile; nothing merged").unwrap();
    assert_ne!(exit_code(s), 0);
    assert!(env.contacts().iter().any(|c| c["name"] == "Budi S."), "both are still there");
}

#[test]
fn the_review_asks_what_now_for_a_goal_past_its_deadline() {
    let env = TestEnv::new();
    let set = |args: &[&str]| env.cmd().env("JEJARING_NOW", "2026-10-01").args(args).assert().success();
    set(&[
        "goal",
        "new",
        "--title",
        "Give two talks",
        "--metric",
        "manual",
        "--target",
        "2",
        "--deadline",
        "2026-11-01",
    ]);
    set(&[
        "goal",
        "new",
        "--title",
        "Write a newsletter",
        "--metric",
        "manual",
        "--target",
        "4",
        "--deadline",
        "2026-11-15",
    ]);
    let mut s = spawn(&env, &["review"]);
    answer(&mut s, "Progress on goal 1", "");
    answer(&mut s, "Progress on goal 2", "");
    // Goal 1: extend it; a day already past is explained in words and asked again.
    s.expect("Goal 1 (Give two talks) passed its deadline").unwrap();
    s.send(DOWN).unwrap();
    s.send(ENTER).unwrap();
    answer(&mut s, "New deadline:", "yesterday");
    s.expect("is not after today; give a later day").unwrap();
    answer(&mut s, "New deadline:", "2027-01-31");
    // Goal 2: extend it, then Enter at the date: decided later, nothing changes.
    s.expect("Goal 2 (Write a newsletter) passed its deadline").unwrap();
    s.send(DOWN).unwrap();
    s.send(ENTER).unwrap();
    answer(&mut s, "New deadline:", "");
    answer(&mut s, "What went well this week?", "");
    answer(&mut s, "What will you do differently?", "");
    s.expect("Review saved.").unwrap();
    assert_eq!(exit_code(s), 0);
    let goals = &env.json()["goals"];
    assert_eq!(goals[0]["deadline"], "2027-01-31");
    assert_eq!(goals[1]["deadline"], "2026-11-15");
    assert_eq!(goals[1]["status"], "active");
}
