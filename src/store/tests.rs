//! The store's own tests: big files, and saves that never copy from a file written since
//! it was read.

use super::*;

/// Bigger than one fingerprint piece.
const BIG: usize = 5 << 20;

#[test]
fn big_files_are_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.json");
    // A valid file bigger than one read: one contact with a very long note.
    let note = "x".repeat(BIG);
    let json = format!(
        r#"{{"version":1,"contacts":[{{"id":"0192f0a0-0000-7000-8000-000000000001","handle":"abcd","name":"Ana","circle":"friend","stage":"trusted","note":"{note}","added":"2026-01-01T00:00:00Z"}}],"interactions":[]}}"#
    );
    std::fs::write(&path, &json).unwrap();
    assert_eq!(read_file(&File::open(&path).unwrap()).unwrap(), json.as_bytes());
    let store = Store::open(&path, Duration::from_secs(1), || {}).unwrap();
    assert_eq!(store.net.contacts[0].note.as_ref().map(String::len), Some(BIG));
    // An empty one is refused as truncated.
    std::fs::write(&path, "").unwrap();
    assert!(Store::open(&path, Duration::from_secs(1), || {}).is_err());
}

#[test]
fn a_save_never_copies_from_a_file_written_since_it_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jejaring.json");
    let open = || Store::open_write(&path, Duration::from_secs(1), || {}).unwrap();
    let mut store = open();
    store.net = crate::demo::network(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()).unwrap();
    // More than one fingerprint piece, so the byte check reads the file in parts.
    store.net.contacts[1].note = Some("x".repeat(BIG));
    store.save().unwrap();
    drop(store);

    // Someone rewrites the file in place, keeping its length: a save that copied
    // from it now would write their bytes into the wrong places. Once as the clock
    // shows it, once within the same tick (the stamp unchanged).
    for same_tick in [false, true] {
        let mut store = open();
        assert!(store.prior.as_ref().is_some_and(|p| p.is_current(&path)), "a save can copy from the file it read");
        let doctored = String::from_utf8(std::fs::read(&path).unwrap()).unwrap().replace('a', "b");
        let mut file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        std::io::Write::write_all(&mut file, doctored.as_bytes()).unwrap();
        drop(file);
        if same_tick {
            store.prior.as_mut().unwrap().pretend_stamped_now(&path);
        }
        store.net.contacts[0].note = Some(format!("A change to save ({same_tick})"));
        store.save().unwrap();
        let mut expected = serde_json::to_vec_pretty(&store.net).unwrap();
        expected.push(b'\n');
        assert!(std::fs::read(&path).unwrap() == expected, "the save wrote the network afresh");
    }
}
