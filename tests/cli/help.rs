//! `--help` and `help SUBCOMMAND` in the user's language: Indonesian from `--lang id`,
//! `JEJARING_LANG` or the locale; English unchanged otherwise; usage errors still exit 2.

use crate::env::TestEnv;

/// Runs `jejaring ARGS…` with extra environment, expects exit 0, returns stdout.
fn help_with(envs: &[(&str, &str)], args: &[&str]) -> String {
    let env = TestEnv::new();
    let mut cmd = env.cmd();
    cmd.envs(envs.iter().copied()).args(args);
    let out = cmd.assert().success().get_output().stdout.clone();
    assert!(!env.data.exists(), "help must not create the data file");
    String::from_utf8(out).unwrap()
}

#[test]
fn lang_id_prints_indonesian_root_help() {
    let out = help_with(&[], &["--lang", "id", "--help"]);
    for id in [
        "pelatih networking dan pencatat kontak",
        "Pemakaian: jejaring [OPTIONS] <COMMAND>",
        "Perintah:",
        "  add-contact  Tambahkan seseorang ke jaringan Anda",
        "Opsi umum:",
        "Opsi:",
        "[bawaan: auto]",
        "- id: Bahasa Indonesia",
    ] {
        assert!(out.contains(id), "missing {id:?} in:\n{out}");
    }
    for en in ["Usage:", "Commands:", "Global options:", "Add a person", "[default:", "Possible values"] {
        assert!(!out.contains(en), "English {en:?} in:\n{out}");
    }
}

#[test]
fn jejaring_lang_prints_indonesian_subcommand_help() {
    let out = help_with(&[("JEJARING_LANG", "id")], &["promise", "--help"]);
    assert!(out.starts_with("Catat janji, atau tampilkan dan selesaikan janji\n"), "{out}");
    assert!(out.contains("Argumen:\n  <CONTACT>"), "{out}");
    assert!(out.contains("Kepada siapa Anda berjanji"), "{out}");
    assert!(out.contains("  done   Tandai janji sebagai ditepati"), "{out}");
    // Examples are in Indonesian too, and typed as they would be.
    assert!(out.contains("`jejaring promise budi \"kirim materi ukuran pasar\" --due jumat`"), "{out}");
}

#[test]
fn nested_subcommand_help_and_the_help_command_speak_indonesian() {
    let flag = help_with(&[], &["--lang", "id", "goal", "new", "--help"]);
    assert!(flag.starts_with("Tetapkan tujuan SMART baru\n"), "{flag}");
    assert!(flag.contains("Pemakaian: jejaring goal new [OPTIONS]"), "{flag}");
    assert!(flag.contains("T: hari terakhir yang dihitung"), "{flag}");
    assert!(flag.contains("--deadline <DATE>"), "flags and placeholders stay: {flag}");
    let short = help_with(&[("LANG", "id_ID.UTF-8")], &["goal", "new", "-h"]);
    assert!(short.contains("Nama singkat untuk tujuan ini"), "{short}");
    let help = help_with(&[("JEJARING_LANG", "id")], &["help", "goal", "new"]);
    assert!(help.starts_with("Tetapkan tujuan SMART baru\n"), "{help}");
}

#[test]
fn english_help_is_unchanged() {
    let out = help_with(&[], &["--help"]);
    assert!(out.contains("Usage: jejaring [OPTIONS] <COMMAND>"), "{out}");
    assert!(out.contains("Commands:\n  add-contact  Add a person to your network"), "{out}");
    assert!(out.contains("Options:\n  -h, --help\n          Print help (see a summary with '-h')"), "{out}");
    assert!(out.contains("Global options:"), "{out}");
    assert!(!out.contains("Pemakaian"), "{out}");
    // The flag wins over the environment, as it does for every other message.
    let flag = help_with(&[("JEJARING_LANG", "id")], &["--lang", "en", "goal", "new", "--help"]);
    assert!(flag.starts_with("Set a new SMART goal\n"), "{flag}");
    let list = help_with(&[("LANG", "en_US.UTF-8")], &["list", "--help"]);
    assert!(list.starts_with("List contacts\n\nUsage: jejaring list [OPTIONS]\n\nOptions:\n"), "{list}");
}

#[test]
fn usage_errors_still_exit_two_and_version_zero_in_indonesian() {
    let env = TestEnv::new();
    let err = env.fails(&["--lang", "id", "lst"], 2);
    assert!(err.contains("'lst'"), "{err}");
    env.fails(&["--lang", "id", "promise", "done"], 2);
    env.fails(&["--lang", "id", "list", "--color", "sometimes"], 2);
    let (out, _) = env.ok(&["--lang", "id", "--version"]);
    assert_eq!(out, format!("jejaring {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn man_and_completions_stay_english_for_indonesian_users() {
    let man = help_with(&[("JEJARING_LANG", "id")], &["man"]);
    assert!(man.contains("networking coach"), "{man}");
    let fish = help_with(&[("JEJARING_LANG", "id")], &["completions", "fish"]);
    assert!(fish.contains("Add a person to your network"), "{fish}");
}
