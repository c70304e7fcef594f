//! Killing jejaring (SIGKILL) at random moments while it saves: afterwards the data file
//! always parses, and every contact whose add reported success is in it.

use crate::env::TestEnv;
use serde_json::{Value, json};
use std::collections::HashSet;
use std::os::unix::process::ExitStatusExt;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// How many times a kill must land on a running process.
const KILLS: usize = 100;
/// Contacts already in the file, so that a save takes a while.
const CONTACTS: usize = 2000;

/// A small xorshift generator: the test needs varied delays, not good randomness, and
/// prints its seed so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// A network big enough that a save (parse, serialize, write, fsync) takes a while.
fn big_network(contacts: usize) -> Value {
    let people: Vec<Value> = (0..contacts)
        .map(|i| {
            json!({
                "id": format!("0192f0a0-0000-7000-8000-{i:012x}"),
                "handle": format!("p{i:05x}"),
                "name": format!("Existing Person {i}"),
                "circle": "colleague",
                "stage": "acquaintance",
                "org": "PT Contoh Sejahtera Abadi",
                "role": "Business Development Manager",
                "emails": [format!("person{i}@example.co.id")],
                "tags": ["fintech", "jakarta"],
                "met_at": "Annual industry conference, Jakarta Convention Center",
                "note": "Knows everyone in payments; follow up about the partnership pilot in Q1.",
                "added": "2026-01-01T00:00:00Z"
            })
        })
        .collect();
    json!({"version": 1, "contacts": people, "interactions": []})
}

#[test]
fn killed_saves_never_corrupt_or_lose_a_confirmed_contact() {
    let env = TestEnv::new();
    env.write_data(serde_json::to_vec_pretty(&big_network(CONTACTS)).unwrap());
    let run = |name: &str| {
        env.std_command()
            .args(["add-contact", name])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };

    // How long one add takes here, so the kills spread over a whole run: timed on the
    // second add, as every add after the first reads its part through the cache the
    // first one leaves.
    assert!(run("Calibration").wait().unwrap().success());
    let start = Instant::now();
    assert!(run("Calibration Two").wait().unwrap().success());
    let span = start.elapsed().max(Duration::from_millis(5));

    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
    eprintln!("crash test seed {seed}, one add takes about {span:?}");
    let mut rng = Rng(seed);
    let mut confirmed: HashSet<String> = HashSet::from(["Calibration".to_string(), "Calibration Two".to_string()]);
    let (mut kills, mut attempts) = (0, 0);
    while kills < KILLS {
        attempts += 1;
        assert!(attempts < 20 * KILLS, "only {kills} kills landed in {attempts} attempts");
        let name = format!("Crash Test {attempts}");
        let mut child = run(&name);
        // Half the kills anywhere from the start to a little past the usual end of a
        // run; the other half in its last part, where the save happens.
        let r = (rng.next() % 1000) as f64 / 1000.0;
        let at = if attempts % 2 == 0 { r * 1.2 } else { 0.6 + r * 0.5 };
        let delay = span.mul_f64(at);
        std::thread::sleep(delay);
        child.kill().unwrap();
        let status = child.wait().unwrap();
        match status.signal() {
            Some(9) => kills += 1,
            _ => {
                assert!(status.success(), "{name}: {status}");
                confirmed.insert(name);
            }
        }
        // The file is whole after every kill.
        let data: Value = serde_json::from_slice(&env.bytes().expect("the data file exists"))
            .unwrap_or_else(|e| panic!("after {attempts} attempts (seed {seed}) the file does not parse: {e}"));
        assert_eq!(data["version"], 1);
        // And no backup is the live file itself, which restoring it with `cp` would rewrite.
        assert_eq!(
            backups_sharing_the_live_file(&env),
            Vec::<String>::new(),
            "after {attempts} attempts (seed {seed})"
        );
    }

    let contacts = env.contacts();
    eprintln!(
        "{kills} kills in {attempts} attempts; {} killed adds had already saved; {} temporary files left",
        contacts.len() - CONTACTS - confirmed.len(),
        temp_files(&env).len(),
    );
    let names: HashSet<&str> = contacts.iter().map(|c| c["name"].as_str().unwrap()).collect();
    for name in &confirmed {
        assert!(names.contains(name.as_str()), "{name} was added successfully but is gone (seed {seed})");
    }
    assert!(contacts.len() >= CONTACTS + confirmed.len());
    // jejaring itself still reads it, and can still write to it.
    env.ok(&["show", "calibration"]);
    env.ok(&["add-contact", "After The Storm"]);
    assert_eq!(env.contacts().len(), contacts.len() + 1);
    // That save swept what the killed ones left: no temp file survives, in the data
    // folder or among the backups, and no backup shares the live file.
    assert_eq!(temp_files(&env), Vec::<String>::new());
    assert_eq!(backups_sharing_the_live_file(&env), Vec::<String>::new());
}

/// The hidden files beside the data file and among its backups: temp files, and backups
/// not yet given their names.
fn temp_files(env: &TestEnv) -> Vec<String> {
    [env.data.parent().unwrap().to_path_buf(), env.backups()]
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).into_iter().flatten())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect()
}

/// The backups that are the data file itself (one inode under two names).
fn backups_sharing_the_live_file(env: &TestEnv) -> Vec<String> {
    use std::os::unix::fs::MetadataExt;
    let live = std::fs::metadata(&env.data).unwrap();
    env.backup_names()
        .into_iter()
        .filter(|name| !name.starts_with('.'))
        .filter(|name| {
            let m = std::fs::metadata(env.backups().join(name)).unwrap();
            (m.dev(), m.ino()) == (live.dev(), live.ino())
        })
        .collect()
}
