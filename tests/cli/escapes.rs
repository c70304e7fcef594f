//! Terminal escape injection: escape sequences, other control characters, marks that
//! reorder text and zero-width characters are refused on every input path (flags, the
//! editor, import), and a value that got in anyway (a hand-edited or synced file) is
//! shown harmlessly on every output path.

use crate::env::{TestEnv, one_error_line};
use crate::pty::exit_code;
use expectrl::Expect;
use expectrl::session::OsSession as Session;
use serde_json::Value;

/// The characters of the torture test, each in a value a person might type.
const HOSTILE: [&str; 6] = [
    "Red\x1b[31m text",
    "Title\x1b]0;pwned\x07",
    "Bell\x07 and backspace\x08",
    "abc\u{202E}fed",
    "Bu\u{200B}di",
    "Bu\u{2060}di",
];

#[test]
fn flags_refuse_control_and_invisible_characters() {
    let env = TestEnv::with_fixture("network.json");
    let before = env.snapshot();
    for value in HOSTILE {
        for args in [
            vec!["add-contact", value],
            vec!["add-contact", "Putri", "--org", value],
            vec!["add-contact", "Putri", "--met-at", value],
            vec!["add-contact", "Putri", "--note", value],
            vec!["edit", "budi", "--role", value],
            vec!["edit", "budi", "--impression", value],
        ] {
            let err = env.fails(&args, 1);
            let line = one_error_line(&err);
            assert!(line.contains("contains control or invisible characters"), "{args:?}: {line}");
            assert!(!line.contains('\x1b') && !line.contains('\u{202E}'), "{line:?}");
        }
    }
    before.assert_unchanged();
    // A note keeps its lines, and emoji keep their joiners.
    env.ok(&["edit", "budi", "--note", "First line\nsecond line 👩\u{200D}💻"]);
    assert_eq!(env.contact("Budi Santoso")["note"], "First line\nsecond line 👩\u{200D}💻");
}

/// A data file edited by hand, holding everything the input paths refuse.
fn hostile_network() -> TestEnv {
    let env = TestEnv::with_fixture("network.json");
    let mut data = env.json();
    let budi = &mut data["contacts"][0];
    budi["name"] = "Budi\x1b]0;pwned\x07 Santoso".into();
    budi["org"] = "Bank\x1b[31m Mandiri".into();
    budi["role"] = "Head\u{202E}gnidnel".into();
    budi["met_at"] = "My first\u{200B} team lead\r".into();
    budi["impression"] = "Calm\x1b[2J".into();
    budi["note"] = "Two lines\nof \u{9b}31m note".into();
    env.write_data(serde_json::to_vec_pretty(&data).unwrap());
    env
}

fn assert_harmless(what: &str, text: &str) {
    for c in ['\x1b', '\x07', '\r', '\u{9b}', '\u{202E}', '\u{200B}'] {
        assert!(!text.contains(c), "{what} holds {c:?} raw: {text:?}");
    }
}

#[test]
fn a_hand_edited_file_is_shown_harmlessly_everywhere() {
    let env = hostile_network();
    for args in [
        &["list"][..],
        &["list", "--format", "mutt"][..],
        &["show", "b0d1"][..],
        &["brief", "b0d1"][..],
        &["log", "b0d1", "Coffee"][..],
        &["edit", "b0d1", "--org", "BCA"][..],
        &["show", "nobody"][..],
    ] {
        let out = env.run(args).get_output().clone();
        assert_harmless(&format!("{args:?} stdout"), &String::from_utf8_lossy(&out.stdout));
        assert_harmless(&format!("{args:?} stderr"), &String::from_utf8_lossy(&out.stderr));
    }
    let (out, _) = env.ok(&["show", "b0d1"]);
    assert!(out.contains("Budi␛]0;pwned␇ Santoso"), "made visible, not dropped: {out}");
    assert!(out.contains("Head<U+202E>gnidnel"), "{out}");
    assert!(out.contains("Two lines\n"), "a note keeps its lines: {out}");

    // With colour on, jejaring's own styles stay; the file's escapes do not get through.
    let out = env.cmd().args(["--color", "always", "show", "b0d1"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("\x1b[1m"), "jejaring's own bold heading: {text:?}");
    assert!(!text.contains("\x1b]") && !text.contains("\x1b[31m") && !text.contains("\x1b[2J"), "{text:?}");

    // JSON keeps the exact values, written as escapes a terminal does not act on.
    let (out, _) = env.ok(&["--json", "show", "b0d1"]);
    assert_harmless("show --json", &out);
    let shown: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(shown["contact"]["role"], "Head\u{202E}gnidnel");
    assert_eq!(shown["contact"]["name"], "Budi\x1b]0;pwned\x07 Santoso");
}

#[test]
fn import_drops_such_values_and_says_so_harmlessly() {
    let env = TestEnv::new();
    let card = env.home().join("evil.vcf");
    std::fs::write(
        &card,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dewi Lestari\r\nORG:Evil\x1b]0;pwned\x07 Corp\r\nNOTE:abc\u{202E}fed\r\nTITLE:Engineer\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bu\u{200B}di\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let out = env.run(&["import", "vcard", card.to_str().unwrap()]).success().get_output().clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_harmless("import's warnings", &stderr);
    assert_harmless("import's report", &String::from_utf8_lossy(&out.stdout));
    let contacts = env.contacts();
    assert_eq!(contacts.len(), 1, "the card whose name hides a character is skipped: {stderr}");
    let dewi = &contacts[0];
    assert_eq!(dewi["name"], "Dewi Lestari");
    assert_eq!(dewi["role"], "Engineer");
    assert!(dewi.get("org").is_none() && dewi.get("note").is_none(), "{dewi}");
    assert!(stderr.contains("contains control or invisible characters"), "{stderr}");
}

/// `jejaring edit` with no flags on a pseudo-terminal, `script` as the editor.
fn edit_in(env: &TestEnv, script: &str) -> Session {
    let editor = env.home().join("editor.sh");
    std::fs::write(&editor, format!("#!/bin/sh\n{script}\n")).unwrap();
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let mut cmd = env.std_command();
    cmd.env("TERM", "xterm").env("VISUAL", &editor).env("TMPDIR", env.home()).args(["edit", "budi"]);
    // Wide, so a long message is one line to expect (wrapping is checked in wrap_pty).
    crate::pty::spawn_sized(cmd, 240, 50)
}

fn kept_edits(env: &TestEnv) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(env.home())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("jejaring-edit-"))
        .collect()
}

#[test]
fn the_editor_path_checks_every_text_field() {
    for (field, from, to) in [
        ("org", "Bank Mandiri", "Bank\\\\u001b]0;pwned\\\\u0007"),
        ("role", "Head of Digital Lending", "Head\\\\u202eof"),
        ("met_at", "My first team lead", "My\\\\u200bfirst"),
        ("impression", "Calm, listens", "Calm\\\\u001b[31m"),
        ("note", "Introduced me", "Introduced\\\\u0007 me"),
    ] {
        let env = TestEnv::with_fixture("network.json");
        let before = env.snapshot();
        let mut s = edit_in(&env, &format!("sed -i 's/{from}/{to}/' \"$1\""));
        s.expect(format!("{field} contains control or invisible characters").as_str())
            .unwrap_or_else(|e| panic!("{field}: {e}"));
        assert_eq!(exit_code(s), 1, "{field}");
        before.assert_unchanged();
        assert_eq!(kept_edits(&env).len(), 1, "{field}: the refused edit is kept for the user");
    }
}

#[test]
fn an_edit_that_lost_the_race_is_kept_and_its_file_named() {
    let env = TestEnv::with_fixture("network.json");
    // While the editor is open, another jejaring changes the same contact.
    let bin = crate::env::bin().display().to_string();
    let mut s = edit_in(
        &env,
        &format!("sed -i 's/Bank Mandiri/BCA/' \"$1\"\n'{bin}' edit budi --role Changed >/dev/null 2>&1"),
    );
    s.expect("Budi Santoso changed in another jejaring while you were editing").unwrap();
    assert_eq!(exit_code(s), 1);
    let kept = kept_edits(&env);
    assert_eq!(kept.len(), 1, "the edit is kept");
    let edited: Value = serde_json::from_slice(&std::fs::read(&kept[0]).unwrap()).unwrap();
    assert_eq!(edited["org"], "BCA", "with the user's change in it");
    let budi = env.contact("Budi Santoso");
    assert_eq!((budi["org"].as_str(), budi["role"].as_str()), (Some("Bank Mandiri"), Some("Changed")));
}
