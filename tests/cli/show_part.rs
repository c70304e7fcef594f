//! `show` reads only the part of the network about one person (their records and the
//! people around them), and `trust NAME` and `know NAME` only that person; what they
//! say must be exactly what they would say having read the whole network. Every contact
//! of both demo networks and of a small network of links, introductions and colleagues
//! is shown both ways, as text and as JSON, with and without the cache.

use crate::env::TestEnv;

/// `show` of every contact, as text and JSON, reading a part and reading the whole.
fn shown_both_ways(env: &TestEnv, now: &str, lang: &str) {
    let handles: Vec<String> = env.contacts().iter().map(|c| c["handle"].as_str().unwrap().to_string()).collect();
    assert!(handles.len() > 3);
    let run = |args: &[&str], whole: bool| {
        let mut cmd = env.cmd();
        cmd.env("JEJARING_NOW", now).args(["--lang", lang]).args(args);
        if whole {
            cmd.env("JEJARING_TEST_READ_WHOLE", "1");
        }
        let out = cmd.assert().success().get_output().clone();
        String::from_utf8(out.stdout).unwrap()
    };
    for h in &handles {
        let h = h.as_str();
        // `trust NAME` and `know NAME` read one person's own records the same way.
        for args in [
            vec!["show", h, "--history", "100"],
            vec!["--json", "show", h],
            vec!["trust", h],
            vec!["--json", "trust", h],
            vec!["know", h],
            vec!["--json", "know", h],
        ] {
            let (part, whole) = (run(&args, false), run(&args, true));
            assert!(!part.is_empty());
            assert_eq!(part, whole, "{args:?}");
        }
    }
}

#[test]
fn show_says_of_everyone_in_the_demo_networks_what_the_whole_network_says() {
    for (file, lang) in [("demo.json", "en"), ("demo_id.json", "id")] {
        let env = TestEnv::new();
        env.write_data(std::fs::read(format!("{}/examples/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap());
        shown_both_ways(&env, "2026-11-28", lang);
    }
}

#[test]
fn show_names_links_introductions_and_colleagues_as_the_whole_network_does() {
    let env = TestEnv::new();
    for (name, org) in [("Ayu Lestari", "OVO"), ("Budi Santoso", "Bank Mandiri"), ("Citra Dewi", "bank  mandiri")] {
        env.add(name, &["--org", org, "--circle", "colleague"]);
    }
    env.add("Dewi Kartika", &["--introduced-by", "Ayu Lestari"]);
    env.add("Eko Prasetyo", &[]);
    env.ok(&["knows", "Budi Santoso", "Eko Prasetyo", "--how", "old classmates"]);
    env.ok(&["log", "Ayu Lestari", "Citra Dewi", "lunch about the fintech meetup"]);
    env.ok(&["log", "Eko Prasetyo", "a call"]);
    env.ok(&["intro", "ask", "Budi Santoso", "--to", "Dewi Kartika"]);
    shown_both_ways(&env, "2026-12-07", "en");
    // And once more with no cache: the part is then taken from the parsed file.
    std::fs::remove_file(env.data.with_file_name("jejaring.json.cache")).unwrap();
    shown_both_ways(&env, "2026-12-07", "en");
}
