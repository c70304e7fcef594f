//! `log`, `promise` (new, done, broke, move), `add-contact`, `snooze`, `knows`,
//! `know` and `trust` change only part of the network (the people they name, and
//! records they add), read from the cache's index; what they say and the file they
//! save must be exactly what they would say and save having read the whole network.
//! Each step is run on two copies of a network, one changed by a part and one (a
//! test switch) by the whole, and both copies compared after every step.

use crate::env::TestEnv;
use std::collections::HashMap;

/// Two copies of the same network: one changed by parts, the other read whole.
struct Twins {
    part: TestEnv,
    whole: TestEnv,
}

impl Twins {
    fn of(bytes: &[u8]) -> Twins {
        let (part, whole) = (TestEnv::new(), TestEnv::new());
        part.write_data(bytes);
        whole.write_data(bytes);
        Twins { part, whole }
    }

    /// Runs `args` on both copies; they must answer alike and be alike after.
    fn step(&self, args: &[&str]) {
        let run = |env: &TestEnv, whole: bool| {
            let mut cmd = env.cmd();
            cmd.env("JEJARING_NOW", "2026-11-28T10:00:00Z").args(args);
            if whole {
                cmd.env("JEJARING_TEST_READ_WHOLE", "1");
            }
            let out = cmd.output().unwrap();
            let said = [out.stdout, out.stderr].map(|b| String::from_utf8(b).unwrap());
            (out.status.code(), said, String::from_utf8(env.bytes().unwrap()).unwrap())
        };
        let (part, whole) = (run(&self.part, false), run(&self.whole, true));
        // Records added get ids (and a new contact a handle) at random: each copy's are
        // named by the order they first appear in, here and in the file alike.
        let (part, whole) = (same_names(part), same_names(whole));
        assert_eq!(part, whole, "{args:?}");
    }
}

type Outcome = (Option<i32>, [String; 2], String);

/// The outcome with every id, and every handle a test added, named by order of first
/// appearance.
fn same_names((code, [out, err], file): Outcome) -> Outcome {
    let data: serde_json::Value = serde_json::from_str(&file).unwrap();
    let added: Vec<String> = data["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["name"].as_str().unwrap().starts_with("Nadia"))
        .map(|c| c["handle"].as_str().unwrap().to_string())
        .collect();
    let mut names: HashMap<String, String> = HashMap::new();
    let mut rename = |text: &str| -> String {
        let mut text = text.to_string();
        for handle in &added {
            text = text.replace(handle.as_str(), "HANDLE");
        }
        let mut out = String::new();
        let mut rest = text.as_str();
        // Ids are 36 characters: 8-4-4-4-12 hex digits.
        while let Some(at) = rest.find(|c: char| c.is_ascii_hexdigit()) {
            out.push_str(&rest[..at]);
            let candidate = rest.get(at..at + 36).filter(|s| uuid::Uuid::parse_str(s).is_ok() && s.len() == 36);
            match candidate {
                Some(id) => {
                    let n = names.len();
                    out.push_str(names.entry(id.to_string()).or_insert_with(|| format!("ID{n}")));
                    rest = &rest[at + 36..];
                }
                None => {
                    let len = rest[at..].chars().next().unwrap().len_utf8();
                    out.push_str(&rest[at..at + len]);
                    rest = &rest[at + len..];
                }
            }
        }
        out.push_str(rest);
        out
    };
    (code, [rename(&out), rename(&err)], rename(&file))
}

#[test]
fn changes_of_a_part_save_what_a_change_of_the_whole_network_saves() {
    let demo = std::fs::read(format!("{}/examples/demo.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let twins = Twins::of(&demo);
    for args in [
        // The first change has no cache to read a part from; it leaves one.
        &["log", "Budi", "Siti", "coffee after the meetup"][..],
        &["log", "orpo", "--on", "3 days ago", "--kind", "call", "-m", "about the deck"],
        &["--json", "log", "Siti", "Rina"],
        &["log", "nobody-by-this-name", "hello"],
        &["promise", "Budi", "send the deck", "--due", "in 2 weeks", "--note", "for the board"],
        &["--json", "promise", "Rina", "an introduction to Andi", "--due", "2026-11-20"],
        &["promise", "nobody-by-this-name", "x", "--due", "fri"],
        &["add-contact", "Nadia Putri", "--email", "nadia@example.com", "--introduced-by", "Dewi"],
        // A conversation before the day they were met moves the meeting day.
        &["log", "Nadia", "--on", "10 days ago", "-m", "a talk we both went to"],
        &["log", "Nadia", "Budi", "lunch"],
        &["promise", "Nadia", "share the slides", "--due", "mon"],
        // Already there, by name and by email.
        &["add-contact", "Nadia Putri"],
        &["add-contact", "N. Putri", "--email", "nadia@example.com"],
        &["add-contact", "Someone Else", "--email", "budi.santoso@example.co.id"],
        &["--json", "add-contact", "Nadia Putri", "--force", "--stage", "stranger"],
        &["log", "Nadia Putri", "who is it?"],
        &["snooze", "Budi", "--until", "in 3 weeks"],
        &["--json", "snooze", "Rina", "--until", "2027-01-10"],
        &["snooze", "Budi", "--off"],
        &["knows", "Budi", "Rina", "--how", "old classmates"],
        &["knows", "Budi", "Rina", "--on", "10 days ago"],
        &["knows", "Budi", "Rina"],
        &["--json", "knows", "Siti", "Andi"],
        &["knows", "Siti", "Andi", "--forget"],
        &["knows", "Budi", "Budi"],
        // The promises made above are #8 and #9; the demo's own come first.
        &["promise", "done", "8"],
        &["promise", "done", "8"],
        &["--json", "promise", "broke", "9", "--note", "forgot", "--on", "yesterday"],
        &["promise", "move", "10", "--due", "in 3 weeks", "--note", "she asked for more time"],
        &["promise", "done", "2", "--on", "2020-01-01"],
        &["promise", "move", "99", "--due", "fri", "--note", "x"],
        &["know", "Nadia", "runs the fintech meetup", "--topic", "work"],
        &["--json", "know", "Budi", "two kids, plays futsal on Sundays", "--topic", "family"],
        &["know", "Budi", "--fix", "1", "two kids, plays futsal on Saturdays"],
        &["know", "Budi", "--remove", "1"],
        &["know", "Budi", "--remove", "99"],
        &["trust", "Nadia", "--up", "--note", "kept her word on the intro"],
        &["--json", "trust", "Budi", "--level", "4"],
        &["trust", "Budi", "--level", "4"],
        &["trust", "Budi", "--level", "4", "--note", "vouched for me", "--on", "3 days ago"],
        &["trust", "Budi", "--down"],
        &["trust", "Budi", "--level", "9"],
    ] {
        twins.step(args);
    }
    // And the network both ways came to is what `list` and `show` read.
    for args in [&["--json", "list"][..], &["--json", "show", "Budi"]] {
        twins.step(args);
    }
}

#[test]
fn a_change_with_the_cache_gone_saves_what_the_whole_network_saves() {
    let demo = std::fs::read(format!("{}/examples/demo_id.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let twins = Twins::of(&demo);
    twins.step(&["log", "Budi", "kopi"]);
    for env in [&twins.part, &twins.whole] {
        std::fs::remove_file(env.data.with_file_name("jejaring.json.cache")).unwrap();
    }
    twins.step(&["log", "Siti", "Budi", "makan siang"]);
    twins.step(&["promise", "Budi", "kirim deck", "--due", "jumat"]);
    twins.step(&["add-contact", "Nadia Putri", "--introduced-by", "Siti"]);
}
