//! A save of part of the network writes the very bytes, data file and cache, that a save
//! of the whole network makes of the same change; and it is never written over a file
//! other than the one it was read from.

use super::path_for;
use super::tests::network;
use crate::model::{Contact, Interaction, Kind, Network, Promise};
use crate::store::{Outline, Store, Wanted, Writer};
use chrono::{DateTime, NaiveDate};
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Duration;
use uuid::Uuid;

fn wait() -> Duration {
    Duration::from_secs(1)
}

/// `net` saved whole to a data file in `dir` (its cache knows where records sit).
fn saved(dir: &Path, name: &str, net: &Network) -> PathBuf {
    let path = dir.join(name);
    let mut store = Store::open_write(&path, wait(), || {}).unwrap();
    store.net = net.clone();
    store.save().unwrap();
    path
}

/// A copy of the data file at `from` and its cache, named `name`.
fn copied(from: &Path, name: &str) -> PathBuf {
    let to = from.with_file_name(name);
    std::fs::copy(from, &to).unwrap();
    std::fs::copy(path_for(from), path_for(&to)).unwrap();
    to
}

/// The contacts at `places` (in the outline), by id.
fn choose(places: &[usize]) -> impl Fn(&Outline) -> anyhow::Result<(Wanted, Vec<Uuid>)> + '_ {
    move |outline| {
        let places: Vec<usize> = places.iter().copied().filter(|&n| n < outline.heads.len()).collect();
        let ids = places.iter().map(|&n| outline.heads[n].id).collect();
        Ok((Wanted::new(places, []), ids))
    }
}

/// A change a command about a few people makes: a note on each of `held`, a
/// conversation with them and with `also` (whoever else, held or not), a promise, and
/// someone new.
fn change(net: &mut Network, held: &[Uuid], also: Option<Uuid>, on: NaiveDate) {
    let logged = DateTime::from_timestamp(1_790_000_000, 0).unwrap();
    for id in held {
        let c = net.contacts.iter_mut().find(|c| &c.id == id).unwrap();
        c.note = Some(format!("changed {}", c.note.as_deref().unwrap_or_default()));
    }
    let mut people: Vec<Uuid> = held.to_vec();
    people.extend(also.filter(|a| !held.contains(a)));
    if !people.is_empty() {
        let mut i = Interaction::new(people.clone(), Kind::Call, on, logged);
        i.id = Uuid::from_u128(7);
        net.interactions.push(i);
        let mut p = Promise::new(1, people[0], "send the deck".into(), on, on + chrono::Days::new(7), logged);
        p.id = Uuid::from_u128(8);
        net.promises.push(p);
    }
    let id = Uuid::from_u128(9);
    net.contacts.push(Contact::new(id, "snew".into(), "Someone New".into(), logged));
}

/// The part `places` of the data file at `path`, opened to change.
fn part(path: &Path, places: &[usize]) -> (Writer, Vec<Uuid>) {
    Store::open_write_part(path, wait(), || {}, choose(places)).unwrap()
}

proptest! {
    // Each case saves twice, fsyncs and all.
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn a_part_saves_what_the_whole_would(
        mut net in network(),
        places in proptest::collection::vec(0usize..6, 0..4),
        also in 0usize..8,
        day in 0i64..4000,
    ) {
        // Handles as this version gives them: an older version's are saved by a whole read.
        crate::model::contact::shorten_handles(&mut net.contacts);
        // Conversations with the contacts (as well as with people not among them), so
        // contacts have a last talk to keep or to move.
        let ids: Vec<Uuid> = net.contacts.iter().map(|c| c.id).collect();
        for (k, i) in net.interactions.iter_mut().enumerate() {
            if !ids.is_empty() {
                i.contacts.insert(0, ids[k % ids.len()]);
            }
        }
        let on = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap() + chrono::Days::new(day as u64);
        let dir = tempfile::tempdir().unwrap();
        let by_part = saved(dir.path(), "part.json", &net);
        let by_whole = copied(&by_part, "whole.json");
        let also = net.contacts.get(also).map(|c| c.id);

        let (mut writer, held) = part(&by_part, &places);
        let mut wanted = places.clone();
        wanted.retain(|&n| n < net.contacts.len());
        wanted.sort_unstable();
        wanted.dedup();
        // Only the contacts chosen are read, and no interaction.
        prop_assert_eq!(writer.net.contacts.len(), wanted.len());
        prop_assert!(writer.net.interactions.is_empty());
        change(&mut writer.net, &held, also, on);
        writer.save().unwrap();

        let mut whole = Store::open_write(&by_whole, wait(), || {}).unwrap();
        prop_assert_eq!(whole.net.contacts.len(), net.contacts.len());
        change(&mut whole.net, &held, also, on);
        whole.save().unwrap();

        prop_assert!(std::fs::read(&by_part).unwrap() == std::fs::read(&by_whole).unwrap(), "the data files differ");
        prop_assert!(
            std::fs::read(path_for(&by_part)).unwrap() == std::fs::read(path_for(&by_whole)).unwrap(),
            "the caches differ"
        );
        // And the network read back is the whole one changed.
        drop(whole);
        let read = |path| Store::open(path, wait(), || {}).unwrap().into_network();
        prop_assert_eq!(read(&by_part), read(&by_whole));
    }
}

fn demo() -> Network {
    crate::demo::network(NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()).unwrap()
}

#[test]
fn a_part_is_never_saved_over_a_file_changed_since_it_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path(), "jejaring.json", &demo());
    let (mut writer, held) = part(&path, &[1]);
    assert_eq!(writer.net.contacts.len(), 1);
    // Another program rewrites the file after it was read.
    let text = std::fs::read_to_string(&path).unwrap().replacen("\"version\"", "\"version\" ", 1);
    std::fs::write(&path, &text).unwrap();
    change(&mut writer.net, &held, None, NaiveDate::from_ymd_opt(2026, 11, 20).unwrap());
    let err = writer.save().expect_err("a part saved over a file it was not read from");
    assert!(matches!(err.downcast_ref(), Some(crate::store::StoreError::ChangedMeanwhile { .. })), "{err}");
    assert!(err.to_string().contains("run the command again"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "the file was changed");
}

#[test]
fn a_part_is_never_saved_over_a_file_rewritten_in_place_at_the_same_length() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path(), "jejaring.json", &demo());
    let (mut writer, held) = part(&path, &[1]);
    let text = std::fs::read_to_string(&path).unwrap();
    let name = &demo().contacts[0].name;
    let other: String = name.chars().rev().collect();
    let text = text.replacen(name.as_str(), &other, 1);
    let mut file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    std::io::Write::write_all(&mut file, text.as_bytes()).unwrap();
    drop(file);
    change(&mut writer.net, &held, None, NaiveDate::from_ymd_opt(2026, 11, 20).unwrap());
    let err = writer.save().expect_err("a part saved over a file written in place");
    assert!(matches!(err.downcast_ref(), Some(crate::store::StoreError::ChangedMeanwhile { .. })), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[cfg(unix)]
#[test]
fn a_file_only_touched_or_linked_meanwhile_is_still_the_one_read() {
    let dir = tempfile::tempdir().unwrap();
    let by_part = saved(dir.path(), "part.json", &demo());
    let by_whole = copied(&by_part, "whole.json");
    let (mut writer, held) = part(&by_part, &[1, 4]);
    // A backup tool links the file, and something sets its time: its bytes are as read.
    std::fs::hard_link(&by_part, dir.path().join("a-backup-tool's-link.json")).unwrap();
    let file = std::fs::File::options().write(true).open(&by_part).unwrap();
    file.set_modified(std::time::SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000)).unwrap();
    drop(file);
    let on = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    change(&mut writer.net, &held, None, on);
    writer.save().unwrap();
    let mut whole = Store::open_write(&by_whole, wait(), || {}).unwrap();
    change(&mut whole.net, &held, None, on);
    whole.save().unwrap();
    assert!(std::fs::read(&by_part).unwrap() == std::fs::read(&by_whole).unwrap());
}

#[test]
fn a_part_is_saved_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path(), "jejaring.json", &demo());
    let (mut writer, held) = part(&path, &[0, 2]);
    change(&mut writer.net, &held, None, NaiveDate::from_ymd_opt(2026, 11, 20).unwrap());
    writer.save().unwrap();
    let after = std::fs::read(&path).unwrap();
    // The part holds two contacts and one interaction of the network: a second save
    // would write it as if it were the whole.
    writer.net.contacts[0].note = Some("again".into());
    assert!(writer.save().is_err());
    assert_eq!(std::fs::read(&path).unwrap(), after);
    assert_eq!(Store::open(&path, wait(), || {}).unwrap().net.contacts.len(), demo().contacts.len() + 1);
}

#[test]
fn a_part_that_lost_a_contact_it_read_is_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path(), "jejaring.json", &demo());
    let before = std::fs::read(&path).unwrap();
    let (mut writer, _) = part(&path, &[0, 2]);
    writer.net.contacts.remove(0);
    assert!(writer.save().is_err());
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn without_a_cache_that_knows_its_records_places_the_whole_network_is_changed() {
    let dir = tempfile::tempdir().unwrap();
    let net = demo();
    let path = saved(dir.path(), "jejaring.json", &net);
    // No cache at all; then a cache a reader made, which does not know where the records
    // sit in the file.
    std::fs::remove_file(path_for(&path)).unwrap();
    assert_eq!(part(&path, &[1]).0.net.contacts.len(), net.contacts.len());
    Store::open(&path, wait(), || {}).unwrap();
    assert!(path_for(&path).exists());
    let (mut writer, held) = part(&path, &[1]);
    assert_eq!(writer.net.contacts.len(), net.contacts.len());
    change(&mut writer.net, &held, None, NaiveDate::from_ymd_opt(2026, 11, 20).unwrap());
    writer.save().unwrap();
    drop(writer);
    // Its save leaves a cache that does: the next change reads a part.
    assert_eq!(part(&path, &[1]).0.net.contacts.len(), 1);
}
