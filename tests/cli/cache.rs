//! The cache beside the data file: used while it matches the JSON, and never allowed to
//! hide a change to the JSON (an edit by hand, a restored backup, a damaged file).

use crate::env::{TestEnv, one_error_line};
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

fn cache(env: &TestEnv) -> PathBuf {
    env.data.with_file_name("jejaring.json.cache")
}

fn names(env: &TestEnv) -> String {
    env.ok(&["list"]).0
}

#[test]
fn a_save_writes_a_private_cache_that_reads_agree_with() {
    let env = TestEnv::new();
    env.add("Budi Santoso", &["--org", "Bank Mandiri"]);
    env.add("Ani Wijaya", &["--circle", "family"]);
    assert!(cache(&env).is_file(), "the save wrote the cache");
    assert_eq!(std::fs::metadata(cache(&env)).unwrap().permissions().mode() & 0o777, 0o600);
    let with_cache = (names(&env), env.ok(&["--json", "show", "budi"]).0);

    std::fs::remove_file(cache(&env)).unwrap();
    let from_json = (names(&env), env.ok(&["--json", "show", "budi"]).0);
    assert_eq!(with_cache, from_json);
    assert!(cache(&env).is_file(), "a read put the cache back");
}

#[test]
fn a_hand_edit_of_the_same_length_is_seen() {
    let env = TestEnv::new();
    env.add("Budi Santoso", &[]);
    assert!(names(&env).contains("Budi Santoso"));
    let edited = String::from_utf8(env.bytes().unwrap()).unwrap().replace("Budi", "Bodi");
    env.write_data(edited);
    let out = names(&env);
    assert!(out.contains("Bodi Santoso") && !out.contains("Budi"), "{out}");
    // The next write starts from the edited file, not from the cache.
    env.add("Citra", &[]);
    let stored = env.json();
    assert_eq!(stored["contacts"][0]["name"], "Bodi Santoso");
}

#[test]
fn a_restored_backup_is_read_not_the_cache() {
    let env = TestEnv::new();
    env.add("Dewi", &[]);
    env.add("Eko", &[]);
    let backup = env.backups().join(env.backup_names().last().unwrap());
    std::fs::copy(backup, &env.data).unwrap();
    let out = names(&env);
    assert!(out.contains("Dewi") && !out.contains("Eko"), "{out}");
}

#[test]
fn a_damaged_or_foreign_cache_changes_nothing() {
    let env = TestEnv::new();
    env.add("Fajar", &[]);
    let expected = names(&env);
    let before = env.snapshot();
    for damage in [b"garbage".to_vec(), Vec::new(), std::fs::read(cache(&env)).unwrap()[..100].to_vec()] {
        std::fs::write(cache(&env), damage).unwrap();
        assert_eq!(names(&env), expected);
    }
    // The cache of another data file.
    let other = TestEnv::new();
    other.add("Gita", &[]);
    std::fs::copy(cache(&other), cache(&env)).unwrap();
    assert_eq!(names(&env), expected);
    before.assert_unchanged();
}

#[test]
fn a_broken_data_file_is_refused_even_with_a_good_cache() {
    let env = TestEnv::new();
    env.add("Hadi", &[]);
    let bytes = env.bytes().unwrap();
    env.write_data(&bytes[..bytes.len() / 2]);
    let before = env.snapshot();
    for args in [&["list"][..], &["add-contact", "Indah"][..]] {
        let err = env.fails(args, 3);
        assert!(one_error_line(&err).contains("truncated"), "{err}");
    }
    before.assert_unchanged();
}
