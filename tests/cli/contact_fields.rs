//! The contact fields an import brings in — web pages, addresses, birthday, LinkedIn
//! profile — set, shown, searched and changed from the command line.

use crate::env::{TestEnv, one_error_line};
use serde_json::{Value, json};

fn names(list_json: &str) -> Vec<String> {
    let rows: Vec<Value> = serde_json::from_str(list_json).expect("list --json prints a JSON array");
    rows.iter().map(|r| r["name"].as_str().unwrap().to_string()).collect()
}

#[test]
fn imported_fields_can_be_added_shown_searched_and_edited() {
    let env = TestEnv::new();
    env.add(
        "Made Arsana",
        &[
            "--url",
            "https://made.example/portfolio",
            "--address",
            "Jl. Raya Ubud 5, Gianyar, Bali",
            "--birthday",
            "1990-11-30",
            "--linkedin",
            "http://linkedin.com/in/Made-Arsana/",
        ],
    );
    let made = env.contact("Made Arsana");
    assert_eq!(made["urls"], json!(["https://made.example/portfolio"]));
    assert_eq!(made["addresses"], json!(["Jl. Raya Ubud 5, Gianyar, Bali"]));
    assert_eq!(made["birthday"], "1990-11-30");
    assert_eq!(made["linkedin"], "https://www.linkedin.com/in/made-arsana", "kept in its canonical form");

    let (out, _) = env.ok(&["show", "made"]);
    for line in [
        "  LinkedIn:          https://www.linkedin.com/in/made-arsana",
        "  web:               https://made.example/portfolio",
        "  address:           Jl. Raya Ubud 5, Gianyar, Bali",
        "  birthday:          1990-11-30 (turns 36 in 2 days)",
    ] {
        assert!(out.contains(line), "{line:?} missing:\n{out}");
    }
    let (out, _) = env.ok(&["--lang", "id", "show", "made"]);
    assert!(out.contains("  ulang tahun:       1990-11-30 (genap 36 tahun 2 hari lagi)"), "{out}");
    for needle in ["ubud", "portfolio", "made-arsana", "11-30"] {
        let (out, _) = env.ok(&["--json", "list", "--search", needle]);
        assert_eq!(names(&out), ["Made Arsana"], "{needle}");
    }

    env.ok(&[
        "edit",
        "made",
        "--birthday",
        "03-15",
        "--url",
        "https://made.example/blog",
        "--remove-url",
        "https://made.example/portfolio/",
        "--address",
        "Jl. Sudirman 1, Jakarta",
        "--remove-address",
        "jl. raya ubud 5, gianyar, bali",
    ]);
    let made = env.contact("Made Arsana");
    assert_eq!(made["birthday"], "--03-15");
    assert_eq!(made["urls"], json!(["https://made.example/blog"]));
    assert_eq!(made["addresses"], json!(["Jl. Sudirman 1, Jakarta"]));
    let (out, _) = env.ok(&["show", "made"]);
    assert!(out.contains("  birthday:          03-15 (next in 107 days)"), "{out}");

    env.ok(&["edit", "made", "--birthday", "", "--linkedin", ""]);
    let made = env.contact("Made Arsana");
    assert!(made.get("birthday").is_none() && made.get("linkedin").is_none(), "{made}");
    // A LinkedIn profile given as a web page goes to its own field, as on import.
    env.ok(&["edit", "made", "--url", "https://id.linkedin.com/in/made-arsana"]);
    assert_eq!(env.contact("Made Arsana")["linkedin"], "https://www.linkedin.com/in/made-arsana");
}

#[test]
fn bad_web_pages_birthdays_and_profiles_change_nothing() {
    let env = TestEnv::new();
    env.add("Made Arsana", &["--url", "https://made.example"]);
    let before = env.snapshot();
    for (args, message) in [
        (
            vec!["edit", "made", "--birthday", "02-30"],
            "error: --birthday: \"02-30\" is not a birthday; use MM-DD (03-15) or YYYY-MM-DD (1990-03-15)",
        ),
        (vec!["edit", "made", "--birthday", "1990/03/15"], "is not a birthday"),
        (
            vec!["edit", "made", "--linkedin", "https://made.example/me"],
            "error: \"https://made.example/me\" is not a LinkedIn profile (expected https://www.linkedin.com/in/NAME)",
        ),
        (vec!["edit", "made", "--url", "my site"], "\"my site\" is not a web address"),
        (vec!["edit", "made", "--address", "  "], "--address must not be empty"),
        (
            vec!["edit", "made", "--remove-url", "https://other.example"],
            "--remove-url \"https://other.example\": not on this contact (it has: https://made.example)",
        ),
        (vec!["edit", "made", "--remove-address", "Jl. Braga"], "--remove-address"),
    ] {
        let err = env.fails(&args, 1);
        let line = one_error_line(&err);
        assert!(line.contains(message), "{args:?}: {line}");
        before.assert_unchanged();
    }
    let err = env.fails(&["add-contact", "Rina", "--birthday", "13-01"], 1);
    assert!(one_error_line(&err).contains("\"13-01\" is not a birthday"), "{err}");
    let err = env.fails(&["--lang", "id", "edit", "made", "--birthday", "02-30"], 1);
    assert!(err.starts_with("galat: --birthday: \"02-30\" bukan tanggal lahir") && err.lines().count() == 1, "{err}");
    before.assert_unchanged();
}
