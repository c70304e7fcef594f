//! Several jejaring processes at once: the lock makes every read-modify-write whole, so
//! no update is lost and readers always see a complete file.

use crate::env::TestEnv;
use serde_json::Value;
use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};

const WRITERS: usize = 4;
const ADDS_EACH: usize = 25;

#[test]
fn four_writers_adding_twenty_five_each_end_with_a_hundred() {
    let env = TestEnv::new();
    let done = AtomicBool::new(false);
    let reads = std::thread::scope(|s| {
        let writers: Vec<_> = (0..WRITERS)
            .map(|w| {
                let env = &env;
                s.spawn(move || {
                    for i in 0..ADDS_EACH {
                        let out = env
                            .cmd()
                            .env("JEJARING_LOCK_WAIT", "120")
                            .args(["add-contact", &format!("Writer {w} Contact {i}"), "--tag", &format!("w{w}")])
                            .output()
                            .unwrap();
                        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
                    }
                })
            })
            .collect();
        // Meanwhile a reader lists again and again; every answer must be whole.
        let reader = s.spawn(|| {
            let mut seen = Vec::new();
            while !done.load(Ordering::Relaxed) {
                let out = env.cmd().env("JEJARING_LOCK_WAIT", "120").args(["--json", "list"]).output().unwrap();
                assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
                let rows: Value = serde_json::from_slice(&out.stdout).expect("list --json is whole JSON");
                seen.push(rows.as_array().unwrap().len());
            }
            seen
        });
        for w in writers {
            w.join().unwrap();
        }
        done.store(true, Ordering::Relaxed);
        reader.join().unwrap()
    });
    assert!(reads.windows(2).all(|w| w[0] <= w[1]), "contacts never disappear: {reads:?}");

    let contacts = env.contacts();
    assert_eq!(contacts.len(), WRITERS * ADDS_EACH);
    let names: HashSet<String> = contacts.iter().map(|c| c["name"].as_str().unwrap().to_string()).collect();
    let expected: HashSet<String> =
        (0..WRITERS).flat_map(|w| (0..ADDS_EACH).map(move |i| format!("Writer {w} Contact {i}"))).collect();
    assert_eq!(names, expected);
    let handles: HashSet<&str> = contacts.iter().map(|c| c["handle"].as_str().unwrap()).collect();
    assert_eq!(handles.len(), WRITERS * ADDS_EACH, "handles are unique");
    // Each writer's own contacts are in the order it added them.
    for w in 0..WRITERS {
        let mine: Vec<&str> = contacts
            .iter()
            .filter(|c| c["tags"][0] == format!("w{w}").as_str())
            .map(|c| c["name"].as_str().unwrap())
            .collect();
        let in_order: Vec<String> = (0..ADDS_EACH).map(|i| format!("Writer {w} Contact {i}")).collect();
        assert_eq!(mine, in_order);
    }
}
