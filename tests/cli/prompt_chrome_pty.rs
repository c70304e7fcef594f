//! The prompts' own words on a real pseudo-terminal: in Indonesian the yes/no hint, the
//! echoed answer and the list's key help are Indonesian too.

use crate::env::TestEnv;
use crate::pty::{ENTER, answer, exit_code, spawn};
use expectrl::Expect;

#[test]
fn an_indonesian_confirm_speaks_indonesian() {
    let env = TestEnv::with_fixture("network.json");
    let before = env.snapshot();
    let mut s = spawn(&env, &["--lang", "id", "remove", "budi"]);
    s.expect("Hapus Budi Santoso").unwrap();
    // The default (no) in capitals, in Indonesian.
    s.expect("(y/T)").unwrap();
    s.send("t").unwrap();
    s.send(ENTER).unwrap();
    // The answer is echoed as a word, then the outcome.
    s.expect("Tidak").unwrap();
    s.expect("Budi Santoso tidak dihapus.").unwrap();
    assert_eq!(exit_code(s), 0);
    before.assert_unchanged();

    let mut s = spawn(&env, &["--lang", "id", "remove", "budi"]);
    answer(&mut s, "(y/T)", "ya");
    s.expect("Ya").unwrap();
    assert_eq!(exit_code(s), 0);
    assert_eq!(env.contacts().len(), 4);
}

#[test]
fn an_english_confirm_keeps_its_english_chrome() {
    let env = TestEnv::with_fixture("network.json");
    let mut s = spawn(&env, &["remove", "budi"]);
    answer(&mut s, "(y/N)", "n");
    s.expect("No").unwrap();
    s.expect("Kept Budi Santoso.").unwrap();
    assert_eq!(exit_code(s), 0);
}

#[test]
fn an_indonesian_choice_explains_its_keys_in_indonesian() {
    let env = TestEnv::new();
    let mut s = spawn(&env, &["--lang", "id", "add-contact"]);
    answer(&mut s, "Nama:", "Ibu Sari");
    s.expect("Lingkaran:").unwrap();
    s.expect("[↑↓ untuk pindah, enter untuk memilih, ketik untuk menyaring]").unwrap();
    // Esc stops without saving anything.
    s.send("\x1b").unwrap();
    let code = exit_code(s);
    assert_ne!(code, 0);
    assert!(!env.data.exists(), "nothing was saved");
}
