//! Input that must be refused: each case gets a clear error on stderr, a non-zero exit,
//! and leaves the data file byte-for-byte as it was.

use crate::env::{TestEnv, one_error_line};
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;

/// Runs a command that must fail with `code` and an error line containing `needle`, and
/// checks that the data file and its backups did not change.
#[track_caller]
fn refused(env: &TestEnv, args: &[&str], code: i32, needle: &str) {
    let before = env.snapshot();
    let err = env.fails(args, code);
    let line = if code == 2 && err.ends_with("For more information, try '--help'.\n") {
        // clap's own usage errors: the error line first, then possible values or usage.
        err.lines().next().unwrap()
    } else {
        one_error_line(&err)
    };
    assert!(line.starts_with("error: "), "{args:?}: {err}");
    assert!(line.contains(needle), "{args:?}: expected {needle:?} in: {line}");
    before.assert_unchanged();
}

fn env() -> TestEnv {
    TestEnv::with_fixture("network.json")
}

#[test]
fn empty_and_whitespace_names() {
    let env = env();
    refused(&env, &["add-contact", ""], 1, "NAME must not be empty");
    refused(&env, &["add-contact", " \t  "], 1, "NAME must not be empty");
    refused(&env, &["edit", "budi", "--name", "   "], 1, "--name must not be empty");
    // And with no data file yet, none is created.
    let fresh = TestEnv::new();
    refused(&fresh, &["add-contact", "  "], 1, "NAME must not be empty");
    assert!(!fresh.data.exists());
}

#[test]
fn impossible_and_unreadable_dates() {
    let env = env();
    refused(
        &env,
        &["add-contact", "Putri", "--met-on", "2026-02-30"],
        1,
        "--met-on: \"2026-02-30\" is not a real date",
    );
    refused(&env, &["edit", "budi", "--met-on", "2026-13-01"], 1, "\"2026-13-01\" is not a real date");
    refused(&env, &["log", "budi", "--on", "2026-02-30"], 1, "--on: \"2026-02-30\" is not a real date");
    refused(&env, &["log", "budi", "--on", "whenever"], 1, "\"whenever\" is not a date; use YYYY-MM-DD");
}

#[test]
fn unknown_circle_stage_and_kind() {
    let env = env();
    refused(&env, &["add-contact", "Putri", "--circle", "neighbour"], 2, "invalid value 'neighbour' for '--circle");
    refused(&env, &["add-contact", "Putri", "--stage", "besties"], 2, "invalid value 'besties' for '--stage");
    refused(&env, &["edit", "budi", "--circle", "enemy"], 2, "invalid value 'enemy'");
    refused(&env, &["log", "budi", "--kind", "telepathy"], 2, "invalid value 'telepathy'");
    refused(&env, &["list", "--sort", "age"], 2, "invalid value 'age'");
}

#[test]
fn malformed_cadences() {
    let env = env();
    for bad in ["3x", "0d", "-3d", "1.5w", "99999d", "10y", "weekly", "3 d d"] {
        let flag = format!("--every={bad}");
        refused(&env, &["add-contact", "Putri", &flag], 1, &format!("--every: \"{bad}\" is not a cadence"));
    }
    refused(&env, &["edit", "budi", "--every", "3x"], 1, "\"3x\" is not a cadence; use a number and a unit");
}

#[test]
fn malformed_emails_and_phones() {
    let env = env();
    refused(&env, &["add-contact", "Putri", "--email", "putri.example.com"], 1, "is not an email address");
    refused(&env, &["edit", "budi", "--email", "a b@x.com"], 1, "is not an email address");
    refused(&env, &["add-contact", "Putri", "--phone", "call me"], 1, "is not a phone number");
}

#[test]
fn hundred_kilobyte_fields() {
    let env = env();
    let huge = "x".repeat(100 * 1024);
    refused(&env, &["add-contact", &huge], 1, "NAME is 102400 characters long; the limit is 200");
    refused(
        &env,
        &["add-contact", "Putri", "--note", &huge],
        1,
        "--note is 102400 characters long; the limit is 20000",
    );
    refused(&env, &["add-contact", "Putri", "--org", &huge], 1, "--org is 102400 characters long; the limit is 500");
    refused(&env, &["add-contact", "Putri", "--impression", &huge], 1, "--impression is 102400 characters");
    refused(&env, &["edit", "budi", "--role", &huge], 1, "--role is 102400 characters long");
    refused(&env, &["edit", "budi", "--tag", &huge], 1, "--tag is 102400 characters long");
    refused(&env, &["log", "budi", "-m", &huge], 1, "TEXT is 102400 characters long");
    // A huge last word is taken as the note, and refused as one.
    refused(&env, &["log", "budi", &huge], 1, "TEXT is 102400 characters long");
}

#[test]
fn control_characters() {
    let env = env();
    refused(
        &env,
        &["add-contact", "Bu\u{7}di"],
        1,
        "NAME contains control or invisible characters (an escape code, a right-to-left mark, a zero-width space…); use plain text",
    );
    refused(&env, &["add-contact", "\u{1b}[31mRed\u{1b}[0m"], 1, "NAME contains control or invisible characters");
    refused(
        &env,
        &["add-contact", "Putri", "--org", "Bank\nMandiri"],
        1,
        "--org contains control or invisible characters",
    );
    refused(&env, &["add-contact", "Putri", "--tag", "a\tb"], 1, "--tag contains control or invisible characters");
    refused(&env, &["edit", "budi", "--note", "bell\u{7}"], 1, "--note contains control or invisible characters");
    refused(&env, &["log", "budi", "-m", "esc \u{1b}[2J"], 1, "TEXT contains control or invisible characters");
    // Newlines and tabs are fine in free text.
    env.ok(&["edit", "ana", "--note", "line one\nline two\ttabbed"]);
    assert_eq!(env.contact("Ana Lestari")["note"], "line one\nline two\ttabbed");
}

#[test]
fn non_utf8_arguments() {
    let env = env();
    let before = env.snapshot();
    let bad = OsStr::from_bytes(b"Bu\xffdi");
    let cases: Vec<Vec<&OsStr>> = vec![
        vec![OsStr::new("add-contact"), bad],
        vec![OsStr::new("add-contact"), OsStr::new("Putri"), OsStr::new("--org"), bad],
        vec![OsStr::new("show"), bad],
        vec![OsStr::new("edit"), OsStr::new("budi"), OsStr::new("--note"), bad],
        vec![OsStr::new("log"), OsStr::new("budi"), bad],
        vec![OsStr::new("remove"), bad, OsStr::new("--yes")],
    ];
    for args in cases {
        let a = env.cmd().args(&args).assert().code(2);
        let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
        assert!(err.starts_with("error: invalid UTF-8 was detected"), "{args:?}: {err}");
        before.assert_unchanged();
    }
}

#[test]
fn unknown_and_ambiguous_contacts() {
    let env = env();
    refused(&env, &["show", "Bodi"], 1, "did you mean Budi Santoso (b0d1)?");
    refused(&env, &["edit", "Bodi", "--org", "X"], 1, "did you mean Budi Santoso (b0d1)?");
    refused(&env, &["remove", "Bodi", "--yes"], 1, "did you mean Budi Santoso (b0d1)?");
    refused(&env, &["log", "Bodi", "-m", "hi"], 1, "did you mean Budi Santoso (b0d1)?");
    refused(&env, &["edit", "sit", "--org", "X"], 1, "could mean Siti Rahma (5a1e), Sitorus Pane (5b0e)");
    refused(&env, &["remove", "sit", "--yes"], 1, "could mean Siti Rahma (5a1e), Sitorus Pane (5b0e)");
    refused(&env, &["show", ""], 1, "no contact matches \"\"");
}

#[test]
fn missing_name_without_a_terminal() {
    let env = env();
    refused(&env, &["add-contact", "--no-input", "--circle", "friend"], 2, "missing NAME");
    // Without a terminal the prompts cannot run either, even without --no-input.
    refused(&env, &["add-contact"], 2, "missing NAME: give the contact's name");
}

#[test]
fn usage_mistakes() {
    let env = env();
    refused(&env, &["list", "--limit", "many"], 2, "invalid value 'many' for '--limit <N>'");
    refused(&env, &["add-contact", "Putri", "--bogus"], 2, "unexpected argument '--bogus'");
    refused(&env, &["show"], 2, "the following required arguments were not provided");
}

#[test]
fn a_data_path_that_is_a_folder() {
    let env = TestEnv::new();
    std::fs::create_dir_all(&env.data).unwrap();
    std::fs::write(env.data.join("keep.txt"), "mine").unwrap();
    for args in [&["list"][..], &["add-contact", "Putri"][..], &["show", "x"][..], &["log", "x", "y"][..]] {
        let err = env.fails(args, 3);
        let line = one_error_line(&err);
        assert_eq!(
            line,
            format!("error: {} is a folder, not a data file; pass a file path with --data", env.data.display())
        );
    }
    let entries: Vec<_> = std::fs::read_dir(&env.data).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(entries, ["keep.txt"], "nothing was written into the folder");
}

/// Whether the tests run as root, who ignores file permissions.
fn running_as_root(env: &TestEnv) -> bool {
    use std::os::unix::fs::MetadataExt;
    env.home().metadata().unwrap().uid() == 0
}

/// Set to skip the checks that need an unprivileged user when they cannot have one.
const MAY_SKIP: &str = "JEJARING_TESTS_SKIP_UNPRIVILEGED";

/// Runs `jejaring ARGS…` as an unprivileged user when the tests run as root, so that a
/// read-only folder is read-only to it. None when switching users is not allowed here.
fn run_unprivileged(env: &TestEnv, args: &[&str]) -> Option<std::process::Output> {
    use std::os::unix::process::CommandExt;
    let mut cmd = env.std_command();
    cmd.args(args);
    if running_as_root(env) {
        cmd.uid(65534).gid(65534);
    }
    match cmd.output() {
        Ok(out) => Some(out),
        // A test that passes without checking anything would hide a regression, so a
        // skip must be asked for: the run then says, on stderr, what it did not check.
        Err(e) if running_as_root(env) && std::env::var_os(MAY_SKIP).is_some() => {
            eprintln!(
                "SKIPPED (as {MAY_SKIP} allows): running as root and cannot switch to an unprivileged user ({e})"
            );
            None
        }
        Err(e) if running_as_root(env) => panic!(
            "running as root and cannot switch to an unprivileged user ({e}), so read-only folders cannot be tested; \
             run the tests as another user, or set {MAY_SKIP}=1 to skip this check knowingly"
        ),
        Err(e) => panic!("could not run jejaring: {e}"),
    }
}

#[test]
fn a_data_file_in_a_read_only_folder() {
    use std::fs::{Permissions, set_permissions};
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::with_fixture("network.json");
    let folder = env.data.parent().unwrap().to_path_buf();
    let lock = env.data.with_file_name("jejaring.json.lock");
    // Whoever runs jejaring must be able to reach and read the data file.
    set_permissions(env.home(), Permissions::from_mode(0o755)).unwrap();
    set_permissions(&env.data, Permissions::from_mode(0o644)).unwrap();
    set_permissions(&folder, Permissions::from_mode(0o555)).unwrap();
    let before = env.snapshot();

    // No lock file yet, and none can be made: the write is refused before reading.
    let Some(out) = run_unprivileged(&env, &["add-contact", "Putri"]) else { return };
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{err}");
    let line = one_error_line(&err);
    assert!(line.contains("Permission denied"), "{line}");
    assert!(line.contains(&folder.display().to_string()), "the message names the place: {line}");
    before.assert_unchanged();

    // Reading still works.
    let out = run_unprivileged(&env, &["show", "budi"]).unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Bank Mandiri"));

    // With a lock file already there, the save fails when it makes the new file beside
    // the old one; still nothing changes.
    set_permissions(&folder, Permissions::from_mode(0o755)).unwrap();
    std::fs::write(&lock, "").unwrap();
    set_permissions(&lock, Permissions::from_mode(0o666)).unwrap();
    set_permissions(&folder, Permissions::from_mode(0o555)).unwrap();
    let before = env.snapshot();
    for args in [
        &["--json", "log", "budi", "lunch"][..],
        &["--json", "add-contact", "Putri"][..],
        &["--json", "edit", "budi", "--org", "BCA"][..],
        &["--json", "remove", "ana", "--yes"][..],
    ] {
        let out = run_unprivileged(&env, args).unwrap();
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        let line = one_error_line(&err);
        assert!(line.contains("the file is as it was") && line.contains("Permission denied"), "{line}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), "", "{args:?}: no data is printed for what was not saved");
        before.assert_unchanged();
    }
    set_permissions(&folder, Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn days_that_have_not_happened_yet_are_refused_where_only_the_past_makes_sense() {
    let env = TestEnv::with_fixture("network.json");
    env.ok(&["promise", "budi", "Send the slides", "--due", "2026-12-01"]);
    let before = env.snapshot();
    for args in [
        &["add-contact", "Putri", "--met-on", "tomorrow"][..],
        &["edit", "budi", "--met-on", "2026-12-25"],
        &["trust", "budi", "--note", "Helped", "--on", "in 2 days"],
        &["know", "budi", "Plays chess", "--on", "besok"],
        &["promise", "done", "1", "--on", "2026-11-29"],
        &["review", "--week", "2026-12-05", "--no-input"],
    ] {
        let err = env.fails(args, 1);
        assert!(one_error_line(&err).contains("is in the future"), "{args:?}: {err}");
    }
    before.assert_unchanged();
}
