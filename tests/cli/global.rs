//! Commands and flags around the data: paths, completions, man, --demo, languages,
//! --quiet, --data, JEJARING_NOW and the exit codes.

use crate::env::{TestEnv, one_error_line};
use serde_json::Value;

// ---------------------------------------------------------------- paths

#[test]
fn paths_names_the_data_lock_cache_and_backups() {
    let env = TestEnv::new();
    let d = env.data.display();
    let (out, err) = env.ok(&["paths"]);
    assert_eq!(
        out,
        format!("data file:    {d}\nlock file:    {d}.lock\ncache:        {d}.cache\nbackups:      {d}.backups\n"),
        "one path per line, aligned"
    );
    assert_eq!(err, "(the data file does not exist yet; it is created on the first change)\n");
    assert!(!env.data.exists());

    let (out, _) = env.ok(&["paths", "--json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["data"], d.to_string());
    assert_eq!(v["lock"], format!("{d}.lock"));
    assert_eq!(v["cache"], format!("{d}.cache"));
    assert_eq!(v["backups"], format!("{d}.backups"));
    assert_eq!(v["exists"], false);

    env.add("Someone", &[]);
    let (out, err) = env.ok(&["--json", "paths"]);
    assert_eq!(serde_json::from_str::<Value>(&out).unwrap()["exists"], true);
    assert_eq!(err, "");
}

#[test]
fn the_data_flag_wins_over_the_environment() {
    let env = TestEnv::new();
    let other = env.home().join("elsewhere.json");
    env.ok(&["--data", other.to_str().unwrap(), "add-contact", "Wayan"]);
    assert!(other.is_file());
    assert!(!env.data.exists(), "JEJARING_DATA was overridden");
    let (out, _) = env.ok(&["paths", "--data", other.to_str().unwrap()]);
    assert!(out.starts_with(&format!("data file:    {}\n", other.display())), "{out}");
}

#[test]
fn the_first_write_creates_the_folders() {
    let env = TestEnv::new();
    let deep = env.home().join("a").join("b").join("c").join("net.json");
    env.ok(&["--data", deep.to_str().unwrap(), "add-contact", "Kadek"]);
    let v: Value = serde_json::from_slice(&std::fs::read(&deep).unwrap()).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["contacts"][0]["name"], "Kadek");
}

#[test]
fn the_default_data_file_lives_under_home() {
    // With neither --data nor JEJARING_DATA, the platform's data folder is used; on
    // Linux that is under $XDG_DATA_HOME, else $HOME/.local/share.
    let env = TestEnv::new();
    let out = env.cmd().env_remove("JEJARING_DATA").args(["paths", "--json"]).output().unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let data = v["data"].as_str().unwrap();
    assert!(data.starts_with(env.home().to_str().unwrap()), "{data}");
    assert!(data.ends_with("jejaring.json"), "{data}");
}

// ---------------------------------------------------------------- completions and man

#[test]
fn completions_for_each_shell() {
    let env = TestEnv::new();
    let (bash, _) = env.ok(&["completions", "bash"]);
    assert!(bash.contains("_jejaring()") && bash.contains("add-contact"), "{bash}");
    assert!(bash.contains("--they-reached-out"));
    let (zsh, _) = env.ok(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef jejaring"), "{zsh}");
    let (fish, _) = env.ok(&["completions", "fish"]);
    assert!(fish.contains("complete -c jejaring"), "{fish}");
    assert!(fish.contains("add-contact"));
    let err = env.fails(&["completions", "cmd.exe"], 2);
    assert!(err.starts_with("error: invalid value 'cmd.exe'"), "{err}");
}

#[test]
fn man_page() {
    let env = TestEnv::new();
    let (man, err) = env.ok(&["man"]);
    assert_eq!(err, "");
    assert!(man.contains(".TH jejaring 1"), "{man}");
    assert!(man.contains("networking coach"), "{man}");
    assert!(!env.data.exists());
}

#[test]
fn help_and_version_go_to_stdout_with_exit_zero() {
    let env = TestEnv::new();
    let (out, _) = env.ok(&["--help"]);
    assert!(out.contains("add-contact") && out.contains("--demo"), "{out}");
    let (out, _) = env.ok(&["--version"]);
    assert_eq!(out, format!("jejaring {}\n", env!("CARGO_PKG_VERSION")));
    let (out, _) = env.ok(&["log", "--help"]);
    assert!(out.contains("--they-reached-out"));
}

// ---------------------------------------------------------------- demo

#[test]
fn demo_reads_work_and_the_users_file_is_never_created() {
    let env = TestEnv::new();
    let (out, err) = env.ok(&["--demo", "list"]);
    assert!(out.contains("Budi Santoso"), "{out}");
    assert!(err.contains(" contacts"), "{err}");
    let (out, _) = env.ok(&["--demo", "show", "budi"]);
    assert!(out.contains("Bank Mandiri"), "{out}");
    let (out, _) = env.ok(&["--demo", "--json", "list"]);
    assert!(serde_json::from_str::<Value>(&out).unwrap().as_array().unwrap().len() >= 10);

    for args in [
        &["--demo", "add-contact", "Nadia", "--circle", "friend"][..],
        &["--demo", "log", "budi", "lunch"][..],
        &["--demo", "edit", "budi", "--org", "BCA"][..],
        &["--demo", "remove", "budi", "--yes"][..],
    ] {
        let (_, err) = env.ok(args);
        assert!(err.contains("(demo network: this change is not saved)"), "{args:?}: {err}");
    }
    // The change really was not kept: a fresh demo still has Budi at his bank.
    let (out, _) = env.ok(&["--demo", "show", "budi"]);
    assert!(out.contains("Bank Mandiri"));
    assert!(!env.data.parent().unwrap().exists(), "no data folder, file or lock was created");
}

#[test]
fn demo_leaves_an_existing_file_alone() {
    let env = TestEnv::with_fixture("network.json");
    let before = env.snapshot();
    env.ok(&["--demo", "add-contact", "Nadia"]);
    env.ok(&["--demo", "remove", "siti", "--yes"]);
    let (out, _) = env.ok(&["--demo", "paths"]);
    assert!(out.contains(&env.data.display().to_string()));
    before.assert_unchanged();
}

// ---------------------------------------------------------------- languages

#[test]
fn lang_id_speaks_indonesian() {
    let env = TestEnv::with_fixture("network.json");
    let err = env.fails(&["--lang", "id", "show", "nobody"], 1);
    assert!(err.starts_with("galat: tidak ada kontak yang cocok dengan \"nobody\""), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    let (_, err) = env.ok(&["--lang", "id", "add-contact", "Wayan", "--circle", "friend", "--stage", "stranger"]);
    assert!(err.starts_with("Wayan ditambahkan (teman, orang asing); kodenya "), "{err}");
    let (out, err) = env.ok(&["--lang", "id", "list", "--limit", "1"]);
    assert!(out.contains("lingkaran") && out.contains("terakhir bicara"), "{out}");
    assert_eq!(err, "1 dari 6 kontak\n");
    let (_, err) = env.ok(&["--lang", "id", "log", "wayan", "ngopi", "--on", "kemarin"]);
    assert_eq!(err, "Tercatat pertemuan dengan Wayan pada 2026-11-27\n");
    let (out, _) = env.ok(&["--lang", "id", "show", "budi"]);
    assert!(out.contains("lingkaran:") && out.contains("kolega") && out.contains("Interaksi (2)"), "{out}");
}

#[test]
fn jejaring_lang_and_lang_choose_the_language_and_the_flag_wins() {
    let env = TestEnv::with_fixture("network.json");
    let stderr = |envs: &[(&str, &str)], args: &[&str]| {
        let out = env.cmd().envs(envs.iter().copied()).args(args).output().unwrap();
        String::from_utf8(out.stderr).unwrap()
    };
    let id = "tidak ada kontak yang cocok";
    let en = "no contact matches";
    assert!(stderr(&[("JEJARING_LANG", "id")], &["show", "nobody"]).contains(id));
    assert!(stderr(&[("LANG", "id_ID.UTF-8")], &["show", "nobody"]).contains(id));
    assert!(stderr(&[("LANG", "id_ID.UTF-8"), ("JEJARING_LANG", "en")], &["show", "nobody"]).contains(en));
    assert!(stderr(&[("JEJARING_LANG", "id")], &["--lang", "en", "show", "nobody"]).contains(en));
    assert!(stderr(&[], &["show", "nobody"]).contains(en));
}

#[test]
fn error_messages_are_labelled_in_the_users_language() {
    let env = TestEnv::with_fixture("network.json");
    let err = env.fails(&["--lang", "id", "remove", "budi"], 2);
    assert_eq!(err, "galat: menghapus Budi Santoso perlu konfirmasi; tambahkan --yes\n");
    let err = env.fails(&["remove", "budi"], 2);
    assert_eq!(err, "error: removing Budi Santoso needs confirmation; add --yes\n");
}

// ---------------------------------------------------------------- quiet, now, exit codes

#[test]
fn quiet_keeps_stderr_for_warnings_and_errors() {
    let env = TestEnv::with_fixture("network.json");
    let (out, err) = env.ok(&["-q", "add-contact", "Komang"]);
    assert_eq!((out.as_str(), err.as_str()), ("", ""));
    let (out, err) = env.ok(&["list", "--quiet", "--limit", "1"]);
    assert!(out.contains("Ana Lestari"));
    assert_eq!(err, "");
    let err = env.fails(&["-q", "show", "nobody"], 1);
    one_error_line(&err);
}

#[test]
fn jejaring_now_sets_today() {
    let env = TestEnv::new();
    let out = env.cmd().env("JEJARING_NOW", "2027-01-05T23:30:00+07:00").args(["add-contact", "Ketut"]).output();
    assert!(out.unwrap().status.success());
    assert_eq!(env.contact("Ketut")["added"], "2027-01-05T16:30:00Z");
    let out = env.cmd().env("JEJARING_NOW", "2027-01-05").args(["log", "ketut", "--on", "yesterday"]).output();
    assert!(out.unwrap().status.success());
    assert_eq!(env.json()["interactions"][0]["on"], "2027-01-04");

    let before = env.snapshot();
    let a = env.cmd().env("JEJARING_NOW", "next tuesday-ish").args(["add-contact", "Nyoman"]).assert().code(2);
    let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
    assert!(one_error_line(&err).contains("JEJARING_NOW=\"next tuesday-ish\" is not a time"), "{err}");
    before.assert_unchanged();
}

#[test]
fn exit_codes() {
    let env = TestEnv::with_fixture("network.json");
    env.run(&["list"]).code(0);
    env.run(&["show", "nobody"]).code(1);
    env.run(&["list", "--no-such-flag"]).code(2);
    env.run(&["no-such-command"]).code(2);
    env.run(&["--no-input", "add-contact"]).code(2);
    env.write_data(b"{ not json");
    env.run(&["list"]).code(3);
    env.run(&["add-contact", "Someone"]).code(3);
}
