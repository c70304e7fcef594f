//! The parts of a network read through the cache are the parts of the parsed file, and
//! the note that the file was checked never hides a change.

use super::*;
use crate::model::Contact;
use crate::model::listed::Listed;
use chrono::NaiveDate;
use uuid::Uuid;

fn wait() -> Duration {
    Duration::from_secs(1)
}

/// What `then` makes of the roster `listing` asks for in the data file at `path`.
fn with_roster<T>(path: &Path, listing: Listing, then: impl FnOnce(Roster) -> T) -> T {
    Store::open_roster(path, wait(), || {}, listing, |roster| Ok(then(roster))).unwrap()
}

/// Every row a plain `list` gathers from the data file at `path` (as its Debug text: rows
/// borrow what they were read from), with its id and last talk.
fn rows_in(path: &Path) -> Vec<(String, Uuid, String, Option<NaiveDate>)> {
    let row = |rows: &mut Vec<_>, r: &Listed, last| rows.push((format!("{r:?}"), r.id, r.handle.to_string(), last));
    Store::open_rows(path, wait(), || {}, Vec::with_capacity, row).unwrap().concat()
}

/// The demo network saved to a data file in `dir`, with its cache.
fn saved(dir: &Path) -> (PathBuf, Network) {
    let path = dir.join("jejaring.json");
    let mut store = Store::open_write(&path, wait(), || {}).unwrap();
    store.net = crate::demo::network(NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()).unwrap();
    store.save().unwrap();
    let net = store.net.clone();
    (path, net)
}

/// Every second contact, and every interaction with one of them.
fn choose(outline: &Outline) -> anyhow::Result<Wanted> {
    let contacts: Vec<usize> = (0..outline.heads.len()).step_by(2).collect();
    let ids: Vec<_> = contacts.iter().map(|&n| outline.heads[n].id).collect();
    let interactions: Vec<usize> =
        (0..outline.interactions()).filter(|&n| outline.people(n).any(|c| ids.contains(&c))).collect();
    Ok(Wanted::new(contacts, interactions))
}

#[test]
fn parts_read_through_the_cache_are_the_parts_of_the_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (path, net) = saved(dir.path());
    let outline = Outline::of(net.clone());
    let whole_part = outline.taken(&choose(&Outline::of(net.clone())).unwrap());
    assert!(whole_part.contacts.len() > 1 && !whole_part.interactions.is_empty());
    // Twice with the cache (the first after the save, the second with the cache in
    // place), once with no cache at all.
    for cache in [true, true, false] {
        if !cache {
            std::fs::remove_file(cache::path_for(&path)).unwrap();
        }
        let open = |listing, check: &dyn Fn(Roster)| with_roster(&path, listing, check);
        // Each roster's last talks are its contacts', in their order.
        let all_last = net.last_contacted();
        let last_of = |contacts: &[Contact]| contacts.iter().map(|c| all_last.get(&c.id).copied()).collect::<Vec<_>>();
        open(Listing::Whole, &|whole| {
            assert_eq!((whole.whole, whole.total), (&net.contacts[..], net.contacts.len()));
            // Days that differ, so a list out of step with its contacts shows.
            assert!(whole.last.iter().collect::<std::collections::HashSet<_>>().len() > 2, "{:?}", whole.last);
            assert_eq!(whole.last, last_of(whole.whole));
        });
        // Rows: the same people's rows, each with their last talk.
        let rows: Vec<_> = rows_in(&path).into_iter().map(|(row, _, _, last)| (row, last)).collect();
        let expected = net.contacts.iter().map(|c| format!("{:?}", c.listed())).zip(last_of(&net.contacts));
        assert_eq!(rows, expected.collect::<Vec<_>>());
        // A search: only those who mention the text, whole.
        let needle = crate::model::text::Needle::new(&net.contacts[1].name[..3]);
        let expected: Vec<&Contact> = net.contacts.iter().filter(|c| c.mentions(&needle)).collect();
        assert!(!expected.is_empty() && expected.len() < net.contacts.len());
        open(Listing::Mentioning(&needle), &|mentioning| {
            assert_eq!(mentioning.whole.iter().collect::<Vec<_>>(), expected);
            assert_eq!(mentioning.total, net.contacts.len());
            assert_eq!(mentioning.last, last_of(mentioning.whole));
        });
        let part = Store::open_part(&path, wait(), || {}, Finding::ByName, choose).unwrap();
        assert_eq!(part.net, whole_part, "with a cache: {cache}");
    }
}

#[test]
fn a_choice_that_fails_is_the_commands_error() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = saved(dir.path());
    let err = Store::open_part(&path, wait(), || {}, Finding::ByName, |_| anyhow::bail!("nobody by that name"))
        .err()
        .unwrap();
    assert_eq!(err.to_string(), "nobody by that name");
}

#[cfg(unix)]
#[test]
fn a_file_changed_after_it_was_noted_as_checked_is_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut net) = saved(dir.path());
    let header = || std::fs::read(cache::path_for(&path)).unwrap();
    let before = header();
    // A file changed within the last two seconds gets no note; once settled, the next
    // read hashes it and notes it.
    Store::open(&path, wait(), || {}).unwrap();
    assert_eq!(header(), before, "no note for a file just written");
    std::thread::sleep(Duration::from_millis(2100));
    Store::open(&path, wait(), || {}).unwrap();
    assert_ne!(header(), before, "a note for a settled file");
    // Someone rewrites the file in place, keeping its length: the note no longer fits,
    // and the new text is read.
    let text = std::fs::read_to_string(&path).unwrap();
    let name = net.contacts[0].name.clone();
    let other: String = name.chars().rev().collect();
    assert_eq!(other.len(), name.len());
    let mut file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    std::io::Write::write_all(&mut file, text.replacen(&format!("\"{name}\""), &format!("\"{other}\""), 1).as_bytes())
        .unwrap();
    drop(file);
    net.contacts[0].name = other;
    assert_eq!(Store::open(&path, wait(), || {}).unwrap().net.contacts[0].name, net.contacts[0].name);
    let first = rows_in(&path).remove(0).0;
    assert_eq!(first, format!("{:?}", net.contacts[0].listed()));
}

#[test]
fn a_search_gives_old_handles_the_new_handles_a_listing_gives_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jejaring.json");
    let mut store = Store::open_write(&path, wait(), || {}).unwrap();
    store.net = crate::demo::network(NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()).unwrap();
    // Handles an older version gave: too long, and digits only.
    for (n, c) in store.net.contacts.iter_mut().enumerate() {
        c.handle = if n % 2 == 0 { format!("{}-{n}", c.name.to_lowercase().replace(' ', "-")) } else { format!("{n}") };
    }
    store.save().unwrap();
    drop(store);
    let handles = |listing| {
        with_roster(&path, listing, |roster| roster.whole.iter().map(|c| (c.id, c.handle.clone())).collect::<Vec<_>>())
    };
    let all: Vec<_> = rows_in(&path).into_iter().map(|(_, id, handle, _)| (id, handle)).collect();
    assert!(all.iter().all(|(_, h)| crate::model::contact::handle_fits(h)), "{all:?}");
    assert_eq!(handles(Listing::Whole), all);
    let needle = crate::model::text::Needle::new("siti");
    let some = handles(Listing::Mentioning(&needle));
    assert!(!some.is_empty() && some.len() < all.len());
    assert!(some.iter().all(|h| all.contains(h)), "{some:?} not in {all:?}");
}
