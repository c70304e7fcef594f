//! The data file: round-trips, migration, refusals, unknown fields, backups, mode, locking.

use crate::env::{TestEnv, fixture, one_error_line};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::process::Stdio;

#[test]
fn a_file_written_by_jejaring_reads_back_the_same() {
    let env = TestEnv::new();
    let handle = env.add(
        "Nur Aisyah",
        &[
            "--circle",
            "friend",
            "--stage",
            "trusted",
            "--org",
            "Telkom",
            "--email",
            "nur@example.id",
            "--tag",
            "alumni",
            "--met-on",
            "2019-08-17",
            "--every",
            "6w",
            "--note",
            "Two lines\nof note",
        ],
    );
    env.ok(&["log", &handle, "-m", "Catch-up call", "--kind", "call", "--on", "2026-11-01"]);
    let stored = env.json();
    let (out, _) = env.ok(&["--json", "show", &handle]);
    let shown: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(shown["contact"], stored["contacts"][0]);
    assert_eq!(shown["interactions"][0], stored["interactions"][0]);
    assert_eq!(shown["next_due"], "2026-12-13");

    // The file is pretty-printed, version first, and ends with a newline.
    let text = String::from_utf8(env.bytes().unwrap()).unwrap();
    assert!(text.starts_with("{\n  \"version\": 1,\n  \"contacts\": [\n"), "{text}");
    assert!(text.ends_with("}\n"));
}

#[test]
fn a_save_changes_only_what_changed() {
    // The fixture is laid out as jejaring writes it, so after one edit the file differs
    // by exactly the new line: stable order, diff-friendly under git or a sync folder.
    let env = TestEnv::with_fixture("network.json");
    env.ok(&["edit", "ana", "--org", "Pertamina"]);
    let after = String::from_utf8(env.bytes().unwrap()).unwrap();
    let original = String::from_utf8(fixture("network.json")).unwrap();
    let added = ["      \"org\": \"Pertamina\",", "      \"edited\": \"2026-11-28T12:00:00Z\","];
    let mut lines: Vec<&str> = after.lines().collect();
    for new in added {
        let at = lines.iter().position(|l| *l == new).unwrap_or_else(|| panic!("the new line {new}:\n{after}"));
        lines.remove(at);
    }
    assert_eq!(lines, original.lines().collect::<Vec<_>>());
}

#[test]
fn an_old_unversioned_file_is_migrated_with_a_backup_kept() {
    let env = TestEnv::with_fixture("v0-unversioned.json");
    let original = fixture("v0-unversioned.json");

    // Reading migrates in memory only.
    let before = env.snapshot();
    let (out, _) = env.ok(&["--json", "show", "dewi"]);
    let shown: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(shown["last_contact"], "2024-06-10");
    assert_eq!(shown["interactions"].as_array().unwrap().len(), 2);
    env.ok(&["list"]);
    before.assert_unchanged();

    // The first write saves the new layout and keeps the old file.
    env.ok(&["log", "made", "Lunch", "--on", "2026-11-20"]);
    let data = env.json();
    assert_eq!(data["version"], 1);
    assert!(data["contacts"][0].get("interactions").is_none());
    let talks = data["interactions"].as_array().unwrap();
    assert_eq!(talks.len(), 3);
    assert_eq!(talks[0]["contacts"], json!(["0182f0a0-0000-7000-8000-0000000000d1"]));
    assert_eq!(talks[0]["text"], "Talked about her new job");
    assert_eq!(talks[2]["contacts"], json!(["0182f0a0-0000-7000-8000-0000000000d2"]));
    assert_eq!(data["drafts_note"], "written by an early build", "unknown fields survive a migration");

    let backups = env.backup_names();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert!(backups[0].starts_with("pre-migration-v0-"), "{backups:?}");
    assert_eq!(std::fs::read(env.backups().join(&backups[0])).unwrap(), original);

    // Later saves keep rolling backups beside it; the pre-migration one stays.
    env.ok(&["log", "dewi", "Coffee"]);
    let backups = env.backup_names();
    assert_eq!(backups.len(), 2, "{backups:?}");
    assert!(backups.iter().any(|b| b.starts_with("pre-migration-v0-")));
    assert!(backups.iter().any(|b| b.starts_with("20")), "{backups:?}");
}

/// Every command, read or write, refuses a bad file with exit 3 and leaves it alone.
#[track_caller]
fn refused_everywhere(env: &TestEnv, needle: &str) -> String {
    let before = env.snapshot();
    let mut last = String::new();
    for args in [
        &["list"][..],
        &["show", "budi"][..],
        &["add-contact", "Putri"][..],
        &["edit", "budi", "--org", "X"][..],
        &["log", "budi", "hi"][..],
        &["remove", "budi", "--yes"][..],
    ] {
        let err = env.fails(args, 3);
        let line = one_error_line(&err);
        assert!(line.contains(&env.data.display().to_string()), "names the path: {line}");
        assert!(line.contains(needle), "{args:?}: expected {needle:?} in {line}");
        before.assert_unchanged();
        last = line.to_string();
    }
    last
}

#[test]
fn a_corrupt_file_is_refused_with_its_position() {
    let env = TestEnv::with_fixture("corrupt.json");
    let line = refused_everywhere(&env, "(expected `,` or `}` at line 7, column 7); it was left untouched.");
    assert!(line.ends_with("There is no backup to restore from."), "{line}");
}

#[test]
fn a_truncated_file_is_refused() {
    let env = TestEnv::with_fixture("truncated.json");
    refused_everywhere(&env, "the file ends early (it may be truncated) at line 37");
}

#[test]
fn a_file_from_a_newer_version_is_refused() {
    let env = TestEnv::with_fixture("newer-version.json");
    refused_everywhere(&env, "was written by a newer jejaring (schema 99, this build knows up to 1); upgrade jejaring");
}

#[test]
fn other_unreadable_shapes_are_refused() {
    for (bytes, needle) in [
        (&b""[..], "the file ends early"),
        (b"[1, 2, 3]", "the top level is not a JSON object"),
        (b"{\"version\": \"two\"}", "\"version\" is not a whole number"),
        (b"{\"version\": 1, \"contacts\": 5}", "invalid type: integer `5`"),
        (b"\xff\xfe{}", "at line 1, column 1"),
    ] {
        let env = TestEnv::new();
        env.write_data(bytes);
        let before = env.snapshot();
        let err = env.fails(&["add-contact", "Putri"], 3);
        assert!(one_error_line(&err).contains(needle), "{needle}: {err}");
        before.assert_unchanged();
    }
}

#[test]
fn a_refusal_names_the_newest_backup() {
    let env = TestEnv::new();
    env.add("First", &[]);
    env.add("Second", &[]);
    env.add("Third", &[]);
    let backups = env.backup_names();
    assert_eq!(backups.len(), 2);
    env.write_data(fixture("corrupt.json"));
    let err = env.fails(&["list"], 3);
    let newest = env.backups().join(backups.last().unwrap());
    assert!(
        one_error_line(&err)
            .ends_with(&format!("The newest backup is {}; copy it over the data file to restore.", newest.display())),
        "{err}"
    );
    // And that backup is the file as it was before the last save.
    let restored: Value = serde_json::from_slice(&std::fs::read(&newest).unwrap()).unwrap();
    assert_eq!(restored["contacts"].as_array().unwrap().len(), 2);
}

#[test]
fn unknown_fields_and_values_survive_an_edit() {
    let env = TestEnv::with_fixture("unknown-fields.json");
    let original: Value = serde_json::from_slice(&fixture("unknown-fields.json")).unwrap();
    let (out, _) = env.ok(&["show", "putu"]);
    assert!(out.contains("circle:            neighbour"), "{out}");
    assert!(out.contains("stage:             mentor"), "{out}");
    assert!(out.contains("carrier-pigeon"), "{out}");

    env.ok(&["edit", "putu", "--org", "Desa Adat"]);
    let mut expected = original.clone();
    expected["contacts"][0]["org"] = json!("Desa Adat");
    expected["contacts"][0]["edited"] = env.json()["contacts"][0]["edited"].clone();
    assert!(expected["contacts"][0]["edited"].is_string(), "an edit is dated");
    assert_eq!(env.json(), expected, "everything but the edit is as it was");

    // Adding and logging keep them too.
    env.ok(&["log", "putu", "Temple ceremony", "--kind", "event"]);
    env.ok(&["add-contact", "Gede"]);
    let data = env.json();
    for key in ["mentorships", "sync", "settings"] {
        assert_eq!(data[key], original[key], "{key}");
    }
    assert_eq!(data["contacts"][0]["circle"], "neighbour");
    assert_eq!(data["contacts"][0]["stage"], "mentor");
    assert_eq!(data["contacts"][0]["pronouns"], "she/her");
    assert_eq!(data["contacts"][0]["facts"], original["contacts"][0]["facts"]);
    assert_eq!(data["interactions"][0], original["interactions"][0]);
}

#[test]
fn each_save_keeps_a_backup_and_old_ones_are_pruned() {
    let env = TestEnv::new();
    env.add("Contact 0", &[]);
    assert_eq!(env.backup_names(), Vec::<String>::new(), "the first save has nothing to back up");
    for i in 1..=3 {
        env.add(&format!("Contact {i}"), &[]);
        assert_eq!(env.backup_names().len(), i);
    }
    // Each backup is a whole earlier file: 1, 2 and 3 contacts.
    let counts: Vec<usize> = env
        .backup_names()
        .iter()
        .map(|b| {
            let v: Value = serde_json::from_slice(&std::fs::read(env.backups().join(b)).unwrap()).unwrap();
            v["contacts"].as_array().unwrap().len()
        })
        .collect();
    assert_eq!(counts, [1, 2, 3]);

    // A read-only command adds none.
    env.ok(&["list"]);
    assert_eq!(env.backup_names().len(), 3);

    // After many saves in one day, the newest 20 remain.
    for i in 4..=24 {
        env.ok(&["log", "contact 0", "-m", &format!("talk {i}")]);
    }
    let backups = env.backup_names();
    assert_eq!(backups.len(), 20, "{backups:?}");
    let newest: Value = serde_json::from_slice(&std::fs::read(env.backups().join(&backups[19])).unwrap()).unwrap();
    assert_eq!(newest["interactions"].as_array().unwrap().len(), 20, "the newest backup is the previous file");
}

#[test]
fn the_data_file_is_private() {
    let env = TestEnv::new();
    env.add("Wulan", &[]);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&env.data), 0o600);
    env.add("Yoga", &[]);
    assert_eq!(mode(&env.data), 0o600);
    for b in env.backup_names() {
        assert_eq!(mode(&env.backups().join(b)), 0o600);
    }
}

#[test]
fn read_only_commands_never_write() {
    let env = TestEnv::with_fixture("network.json");
    let before = env.snapshot();
    for args in [
        &["list"][..],
        &["list", "--json", "--sort", "recent"][..],
        &["show", "budi"][..],
        &["show", "budi", "--json"][..],
        &["paths"][..],
        &["completions", "bash"][..],
        &["man"][..],
        &["show", "nobody"][..],
    ] {
        let _ = env.run(args);
    }
    before.assert_unchanged();
}

/// Holds the lock on the data file from the test, as another jejaring would.
fn hold_lock(env: &TestEnv) -> std::fs::File {
    let path = env.data.with_file_name("jejaring.json.lock");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let f = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(path).unwrap();
    f.lock().unwrap();
    f
}

#[test]
fn a_held_lock_makes_writers_wait_then_give_up() {
    let env = TestEnv::with_fixture("network.json");
    let before = env.snapshot();
    let lock = hold_lock(&env);
    let a = env.cmd().env("JEJARING_LOCK_WAIT", "0.3").args(["add-contact", "Putri"]).assert().code(3);
    let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert_eq!(lines[0], format!("waiting for another jejaring to finish with {}…", env.data.display()));
    assert!(
        lines[1].starts_with(&format!("error: waited 0.3 s for {}, and its lock was held", env.data.display())),
        "{err}"
    );
    assert!(lines[1].ends_with("or wait longer with JEJARING_LOCK_WAIT"), "{err}");
    before.assert_unchanged();
    drop(lock);
}

#[test]
fn a_writer_goes_ahead_once_the_lock_is_released() {
    let env = TestEnv::with_fixture("network.json");
    let lock = hold_lock(&env);
    let mut child = env
        .std_command()
        .env("JEJARING_LOCK_WAIT", "60")
        .args(["add-contact", "Putri"])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until it says it is waiting, then let it go.
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut first = String::new();
    stderr.read_line(&mut first).unwrap();
    assert!(first.starts_with("waiting for another jejaring"), "{first}");
    assert_eq!(env.contacts().len(), 5, "nothing is written while it waits");
    drop(lock);
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut rest).unwrap();
    assert!(child.wait().unwrap().success(), "{rest}");
    assert!(rest.starts_with("Added Putri"), "{rest}");
    assert_eq!(env.contacts().len(), 6);
}

#[test]
fn a_data_file_linked_into_a_sync_folder_stays_linked() {
    let env = TestEnv::new();
    let synced = env.home().join("Sync");
    std::fs::create_dir_all(&synced).unwrap();
    let real = synced.join("jejaring.json");
    std::fs::create_dir_all(env.data.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(&real, &env.data).unwrap();

    env.add("Budi Santoso", &[]);
    env.add("Siti Rahma", &[]);
    assert!(std::fs::symlink_metadata(&env.data).unwrap().file_type().is_symlink(), "the link is still a link");
    let saved: Value = serde_json::from_slice(&std::fs::read(&real).unwrap()).unwrap();
    assert_eq!(saved["contacts"].as_array().unwrap().len(), 2, "the synced file holds the changes");
    assert!(synced.join("jejaring.json.backups").is_dir(), "backups sit beside the real file");
    assert!(synced.join("jejaring.json.lock").exists(), "and so does the lock");
    let (out, _) = env.ok(&["paths"]);
    assert!(out.contains(&real.display().to_string()), "{out}");
}
