//! The cache gives back exactly the network it was made from (every field of every
//! record, odd text and unknown values included), and nothing at all when it is stale,
//! damaged or from other code.

use super::open::decode;
use super::*;
use crate::model::contact::Birthday;
use crate::model::interaction::{Origin, Source};
use crate::model::{Cadence, Circle, Contact, Interaction, Kind, Stage, cadence::CadenceUnit};
use chrono::{DateTime, NaiveDate, Utc};
use proptest::prelude::*;
use serde_json::{Map, Value};
use uuid::Uuid;

fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("(?s).{0,16}").unwrap()
}

fn texts() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(text(), 0..3)
}

fn maybe() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(text())
}

fn id() -> impl Strategy<Value = Uuid> {
    any::<u128>().prop_map(Uuid::from_u128)
}

fn day() -> impl Strategy<Value = NaiveDate> {
    // chrono's whole range of days.
    (-262_000i32 * 365..262_000 * 365).prop_filter_map("a day chrono knows", NaiveDate::from_num_days_from_ce_opt)
}

fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    (-8_000_000_000_000i64..8_000_000_000_000, 0u32..1_000_000_000)
        .prop_filter_map("an instant chrono knows", |(s, n)| DateTime::from_timestamp(s, n))
}

fn key(known: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![proptest::sample::select(known).prop_map(str::to_string), text()]
}

fn extra() -> impl Strategy<Value = Map<String, Value>> {
    let value = prop_oneof![
        text().prop_map(Value::String),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        Just(Value::Null),
        texts().prop_map(|v| Value::Array(v.into_iter().map(Value::String).collect())),
    ];
    proptest::collection::btree_map(text(), value, 0..3).prop_map(|m| m.into_iter().collect())
}

fn cadence() -> impl Strategy<Value = Cadence> {
    let units = [CadenceUnit::Day, CadenceUnit::Week, CadenceUnit::Month, CadenceUnit::Year];
    (1u32..2000, proptest::sample::select(units.to_vec())).prop_map(|(count, unit)| Cadence { count, unit })
}

fn birthday() -> impl Strategy<Value = Birthday> {
    (proptest::option::of(1i32..=9999), 1u32..=12, 1u32..=28)
        .prop_filter_map("a real day", |(y, m, d)| Birthday::new(y, m, d))
}

prop_compose! {
    pub(super) fn contact()(
        (id, handle, name, circle, stage, org, role) in (
            id(), text(), text(),
            key(&["friend", "colleague", "family", "other"]),
            key(&["stranger", "acquaintance", "connection", "trusted"]),
            maybe(), maybe(),
        ),
        (emails, phones, tags, met_at, met_on, impression, every) in (
            texts(), texts(), texts(), maybe(), proptest::option::of(day()), maybe(), proptest::option::of(cadence()),
        ),
        (note, snoozed_until, added, urls, addresses, birthday, linkedin, source_ids, edited, extra) in (
            maybe(), proptest::option::of(day()), instant(), texts(), texts(),
            proptest::option::of(birthday()), maybe(), texts(), proptest::option::of(instant()), extra(),
        ),
    ) -> Contact {
        Contact {
            id, handle, name, circle: Circle::from_key(&circle), stage: Stage::from_key(&stage), org, role,
            emails, phones, tags, met_at, met_on, impression, every, note, snoozed_until, added, urls,
            addresses, birthday, linkedin, source_ids, edited, extra,
        }
    }
}

prop_compose! {
    fn interaction()(
        id in id(),
        contacts in proptest::collection::vec(id(), 0..4),
        kind in key(&["meeting", "call", "message", "email", "event", "intro", "other"]),
        on in day(),
        text in maybe(),
        they_reached_out in any::<bool>(),
        logged in instant(),
        source in proptest::option::of((key(&["calendar", "email", "linkedin", "whatsapp", "fax"]), ".{0,40}", any::<bool>(), proptest::option::of(any::<u32>()))),
        extra in extra(),
    ) -> Interaction {
        let source = source.map(|(from, key, one_way, people)| Source { from: Origin::from_key(&from), key, one_way, people });
        Interaction { id, contacts, kind: Kind::from_key(&kind), on, text, they_reached_out, logged, source, extra }
    }
}

prop_compose! {
    pub(super) fn network()(
        contacts in proptest::collection::vec(contact(), 0..6),
        interactions in proptest::collection::vec(interaction(), 0..8),
        extra in extra(),
        settings in extra(),
    ) -> Network {
        Network { contacts, interactions, extra, settings, ..Network::default() }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_cache_gives_back_the_network_it_was_made_from(net in network(), json in "(?s).{0,64}") {
        let mut cached = net.clone();
        let bytes = encode(json.as_bytes(), &mut cached, None, Path::new("")).unwrap().to_bytes();
        prop_assert_eq!(&cached, &net, "encoding leaves the network as it was");
        prop_assert_eq!(network_in(&bytes, json.as_bytes()), Some(net));
    }
}

/// The network a cache holds for `json`.
fn network_in(cache: &[u8], json: &[u8]) -> Option<Network> {
    decode(cache, &json_file(json), true).map(|(net, _)| net)
}

/// A data file holding `bytes`, as a cache is checked against.
pub(super) fn json_file(bytes: &[u8]) -> Json {
    let mut file = tempfile::tempfile().unwrap();
    std::io::Write::write_all(&mut file, bytes).unwrap();
    Json { file, len: bytes.len() }
}

/// A cache of the demo network (every kind of record), made from `json`.
pub(super) fn demo_cache(json: &[u8]) -> (Network, Vec<u8>) {
    let mut net = crate::demo::network(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()).unwrap();
    let bytes = encode(json, &mut net, None, Path::new("")).unwrap().to_bytes();
    (net, bytes)
}

#[test]
fn the_demo_network_comes_back_whole() {
    let (net, bytes) = demo_cache(b"{}");
    assert!(!net.promises.is_empty() && !net.goals.is_empty() && !net.reviews.is_empty());
    assert_eq!(network_in(&bytes, b"{}"), Some(net));
}

#[test]
fn a_cache_of_other_json_is_not_used() {
    let (_, bytes) = demo_cache(br#"{"version":1,"contacts":[{"name":"Budi"}]}"#);
    // The same length, one letter changed: only the hash can tell.
    assert_eq!(network_in(&bytes, br#"{"version":1,"contacts":[{"name":"Bodi"}]}"#), None);
    assert_eq!(network_in(&bytes, b""), None);
}

#[test]
fn a_damaged_or_foreign_cache_is_not_used() {
    let json = b"{}";
    let (_, bytes) = demo_cache(json);
    assert!(network_in(&bytes, json).is_some());
    // Any one byte changed in the header (but the note, which is only a shortcut), or
    // at the start of the contacts (see also a_damaged_cache_is_never_read_by_any_reader).
    let table = SECTIONS_AT;
    for at in [0, 9, 26, 30, 50, table + 1, table + 9, table + 20, table + 40, HEADER, HEADER + 1] {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x20;
        assert_eq!(network_in(&damaged, json), None, "byte {at} changed");
    }
    // Cut short anywhere, or with something after the end.
    for len in [0, 8, HEADER - 1, HEADER, bytes.len() - 1] {
        assert_eq!(network_in(&bytes[..len], json), None, "cut to {len} bytes");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(network_in(&longer, json), None);
}

#[test]
fn a_body_that_does_not_read_is_not_used_even_with_a_matching_hash() {
    // A header that vouches for sections this layout cannot read (as a bug in another
    // build with the same layout might write): still nothing, not a panic.
    let json = b"{}";
    let empty_list = 0u32.to_le_bytes().to_vec();
    let mut tail = Vec::new();
    r#"{"version":1}"#.serialize(&mut tail).unwrap();
    0u8.serialize(&mut tail).unwrap();
    let mut good: [Vec<u8>; SECTION_COUNT] = std::array::from_fn(|_| empty_list.clone());
    good[Section::Tail as usize] = tail;
    let bads = [vec![], vec![0xff; 4], vec![5, 0, 0, 0], [vec![1, 0, 0, 0], vec![0; 20]].concat()];
    assert!(network_in(&cache_with(&good, json), json).is_some(), "the good sections read");
    for n in [0, 1, 2] {
        for bad in &bads {
            let mut sections = good.clone();
            sections[n] = bad.clone();
            assert_eq!(network_in(&cache_with(&sections, json), json), None, "section {n}: {bad:?}");
        }
    }
}

/// A cache whose header vouches for these sections.
fn cache_with(sections: &[Vec<u8>; SECTION_COUNT], json: &[u8]) -> Vec<u8> {
    let mut table = Vec::new();
    let mut at = HEADER as u64;
    for s in sections {
        table.extend_from_slice(&at.to_le_bytes());
        table.extend_from_slice(&(s.len() as u64).to_le_bytes());
        table.extend_from_slice(&xxhash_rust::xxh3::xxh3_128(s).to_le_bytes());
        at += s.len() as u64;
    }
    let mut bytes = Vec::new();
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(LAYOUT);
    bytes.extend_from_slice(&(json.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&fingerprint::of(json).to_le_bytes());
    bytes.extend_from_slice(&at.to_le_bytes());
    bytes.extend_from_slice(&[0; checked::SIZE]);
    bytes.extend_from_slice(&table);
    sections.iter().for_each(|s| bytes.extend_from_slice(s));
    bytes
}

#[test]
fn the_cache_file_is_private_and_replaced_whole() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("jejaring.json");
    let mut net = crate::demo::network(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()).unwrap();
    encode(b"first", &mut net, None, &data).unwrap().write(&data).unwrap();
    encode(b"second", &mut net, None, &data).unwrap().write(&data).unwrap();
    let path = path_for(&data);
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    let loaded = |json: &[u8]| {
        std::fs::write(&data, json).unwrap();
        read_with(&data, std::fs::File::open(&data).unwrap(), |c| c.network(false)).ok().map(|((net, _), _)| net)
    };
    assert_eq!(loaded(b"second"), Some(net));
    assert_eq!(loaded(b"first"), None);
    std::fs::remove_file(&data).unwrap();
    // Only the cache is left: no temp files.
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, vec![path.file_name().unwrap().to_owned()]);
}

// ---------------------------------------------------------------- render

/// A save's two files, in memory.
struct Rendered {
    json: Vec<u8>,
    cache: Vec<u8>,
}

fn render(net: &mut Network, prior: Option<&Prior>) -> Rendered {
    let mut json = Vec::new();
    let cache = super::render(net, prior, None, &mut json).unwrap().to_bytes();
    Rendered { json, cache }
}

/// What a plain save would write.
fn pretty(net: &Network) -> Vec<u8> {
    let mut json = serde_json::to_vec_pretty(net).unwrap();
    json.push(b'\n');
    json
}

/// The prior a command would hold after reading `rendered` back.
fn prior_of(rendered: &Rendered) -> (Network, Prior) {
    let json = json_file(&rendered.json);
    let (net, places) = decode(&rendered.cache, &json, true).expect("a rendered cache reads back");
    let prior = Prior::new(json, None, rendered.cache.clone(), places.unwrap());
    (net, prior)
}

/// A change a command might make between reading the file and saving it.
#[derive(Clone, Debug)]
enum Edit {
    Rename(usize, String),
    AddContact(Box<Contact>),
    RemoveContact(usize),
    Log(Interaction),
    Unlog(usize),
    Retext(usize, Option<String>),
    Setting(String),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), text()).prop_map(|(i, s)| Edit::Rename(i, s)),
        contact().prop_map(|c| Edit::AddContact(Box::new(c))),
        any::<usize>().prop_map(Edit::RemoveContact),
        interaction().prop_map(Edit::Log),
        any::<usize>().prop_map(Edit::Unlog),
        (any::<usize>(), maybe()).prop_map(|(i, s)| Edit::Retext(i, s)),
        text().prop_map(Edit::Setting),
    ]
}

fn apply(net: &mut Network, edit: Edit) {
    let (nc, ni) = (net.contacts.len().max(1), net.interactions.len().max(1));
    match edit {
        Edit::Rename(i, name) => net.contacts.get_mut(i % nc).into_iter().for_each(|c| c.name = name.clone()),
        Edit::AddContact(c) => net.contacts.push(*c),
        Edit::RemoveContact(i) => {
            if !net.contacts.is_empty() {
                let id = net.contacts[i % nc].id;
                net.remove_contact(&id);
            }
        }
        Edit::Log(i) => net.interactions.push(i),
        Edit::Unlog(i) => {
            if !net.interactions.is_empty() {
                net.interactions.remove(i % ni);
            }
        }
        Edit::Retext(i, text) => net.interactions.get_mut(i % ni).into_iter().for_each(|x| x.text = text.clone()),
        Edit::Setting(v) => {
            net.settings.insert("x_setting".into(), Value::String(v));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_save_writes_what_serde_json_writes_and_a_cache_that_reads_back(
        net in network(),
        edits in proptest::collection::vec(edit(), 0..6),
    ) {
        // From nothing: every record serialized.
        let mut net = net;
        let first = render(&mut net, None);
        prop_assert_eq!(String::from_utf8(first.json.clone()).unwrap(), String::from_utf8(pretty(&net)).unwrap());
        let (read_back, prior) = prior_of(&first);
        prop_assert_eq!(&read_back, &net);

        // After some edits: unchanged records copied, the file still exactly as serde_json
        // would write it, and its cache reads back as the edited network.
        let mut edited = read_back;
        for e in edits {
            apply(&mut edited, e);
        }
        let second = render(&mut edited, Some(&prior));
        prop_assert_eq!(String::from_utf8(second.json.clone()).unwrap(), String::from_utf8(pretty(&edited)).unwrap());
        let (again, _) = prior_of(&second);
        prop_assert_eq!(again, edited);
    }
}

#[test]
fn unchanged_records_are_copied_not_serialized_again() {
    let mut net = crate::demo::network(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()).unwrap();
    let first = render(&mut net, None);
    // Doctor the previous file so that copying shows: the first contact's JSON is
    // swapped for another object of the same length.
    let (net, prior) = prior_of(&first);
    let place = prior.contacts[0].clone();
    let mut doctored = first.json.clone();
    let marker = format!("{{\"copied\": {}}}", "0".repeat(place.json.len() - 12));
    doctored[place.json.clone()].copy_from_slice(marker.as_bytes());
    let prior = Prior { json: json_file(&doctored), ..prior };
    let mut same = net.clone();
    let second = render(&mut same, Some(&prior));
    assert!(second.json.windows(marker.len()).any(|w| w == marker.as_bytes()), "the first contact was copied");

    // Places that do not fit the file (no object where one should be) stop the save.
    let mut broken = doctored;
    broken[place.json.start] = b'x';
    let prior = Prior { json: json_file(&broken), ..prior };
    assert!(super::render(&mut same, Some(&prior), None, &mut Vec::new()).is_err());
}

#[test]
fn a_save_holds_only_the_encodings_of_changed_records() {
    let mut net = crate::demo::network(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()).unwrap();
    let first = render(&mut net, None);
    let (mut net, prior) = prior_of(&first);
    let middle = net.contacts.len() / 2;
    net.contacts[middle].name.push_str(" Jr.");
    let mut changed = Vec::new();
    records::write_contact(&net.contacts[middle], &mut changed).unwrap();
    let cache = super::render(&mut net, Some(&prior), None, &mut Vec::new()).unwrap();
    assert_eq!(cache.lists[0].own_len(), changed.len(), "only the renamed contact is encoded anew");
    assert_eq!(cache.lists[1].own_len(), 0, "no interaction changed");
    // The rest comes from the previous cache, and the whole reads back.
    assert!(cache.lists[0].pieces().count() >= 3, "before, the change, after");
    let (again, _) = prior_of(&Rendered { json: pretty(&net), cache: cache.to_bytes() });
    assert_eq!(again, net);
}
