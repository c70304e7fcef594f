//! Several jejaring processes at once: the lock makes every read-modify-write whole, so
//! no update is lost and readers always see a complete file.

use crate::env::TestEnv;
use serde_json::Value;
use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};

const WRITERS: usize = 8;
const ADDS_EACH: usize = 50;
/// Readers listing in a loop all the while: they must not starve the writers.
const READERS: usize = 4;

/// Eight writers adding fifty contacts each while four readers list in a loop, with the
/// default wait for the lock (10 s): every write gets its turn.
#[test]
fn eight_writers_and_four_reader_loops_end_with_four_hundred() {
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
                            .args(["add-contact", &format!("Writer {w} Contact {i}"), "--tag", &format!("w{w}")])
                            .output()
                            .unwrap();
                        if !out.status.success() {
                            return Err(String::from_utf8_lossy(&out.stderr).into_owned());
                        }
                    }
                    Ok(())
                })
            })
            .collect();
        // Meanwhile readers list again and again; every answer must be whole.
        let readers: Vec<_> = (0..READERS)
            .map(|_| {
                s.spawn(|| {
                    let mut seen = Vec::new();
                    while !done.load(Ordering::Relaxed) {
                        let out = env.cmd().args(["--json", "list"]).output().unwrap();
                        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
                        let rows: Value = serde_json::from_slice(&out.stdout).expect("list --json is whole JSON");
                        seen.push(rows.as_array().unwrap().len());
                    }
                    seen
                })
            })
            .collect();
        let failed: Vec<String> = writers.into_iter().filter_map(|w| w.join().unwrap().err()).collect();
        done.store(true, Ordering::Relaxed);
        let reads: Vec<Vec<usize>> = readers.into_iter().map(|r| r.join().unwrap()).collect();
        assert_eq!(failed, Vec::<String>::new(), "no write gave up waiting");
        reads
    });
    for seen in &reads {
        assert!(seen.windows(2).all(|w| w[0] <= w[1]), "contacts never disappear: {seen:?}");
    }

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
