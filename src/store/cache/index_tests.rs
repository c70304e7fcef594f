//! The index agrees with the network it was made from, a damaged section is never read
//! as whole, and the search and rows read from records answer as the contacts do.

use super::tests::{contact, demo_cache, json_file, network};
use super::*;
use crate::model::Contact;
use crate::model::head::Head;
use proptest::prelude::*;

/// A cache file holding `bytes`, opened against `json`.
fn checked_in(bytes: &[u8], json: &[u8]) -> Option<open::Checked> {
    let mut file = tempfile::tempfile().unwrap();
    std::io::Write::write_all(&mut file, bytes).unwrap();
    open::checked_from(file, json_file(json))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_caches_index_agrees_with_its_network(net in network()) {
        let json = b"{}";
        let bytes = encode(json, &mut net.clone(), None, Path::new("")).unwrap().to_bytes();
        let cache = checked_in(&bytes, json).unwrap();
        let section = cache.index().unwrap();
        let (rows, last) = index::read_rows(&section).unwrap();
        prop_assert_eq!(&rows, &net.contacts.iter().map(Contact::listed).collect::<Vec<_>>());
        // The rows a piece at a time are the same rows, in pieces of every size: entries
        // straddle pieces and outgrow them. A handle an older version gave stops them.
        let fit = rows.iter().all(|r| crate::model::contact::handle_fits(&r.handle));
        let whole: Vec<_> = rows.iter().map(|r| format!("{r:?}")).zip(last.iter().copied()).collect();
        for piece in [1, 16, 61, 4096, 64 << 10] {
            let streamed = cache
                .rows_in_pieces(piece, Vec::with_capacity, |got, r, last| got.push((format!("{r:?}"), last)))
                .unwrap()
                .map(|[first, second]| {
                    // The halves are the index's: the first is the first count / 2 rows.
                    assert_eq!(first.len(), rows.len() / 2);
                    [first, second].concat()
                });
            prop_assert_eq!(streamed.as_ref(), fit.then_some(&whole), "pieces of {}", piece);
        }
        // The last talk of every contact (by id, as the network counts it).
        let all = net.last_contacted();
        let indexed: Vec<_> = rows.iter().map(|r| r.id).zip(last).collect();
        prop_assert_eq!(indexed, net.contacts.iter().map(|c| (c.id, all.get(&c.id).copied())).collect::<Vec<_>>());
        // The places section gives a search the same records and last talks.
        let found = cache.found(crate::store::Listing::Whole).unwrap();
        prop_assert_eq!(&found.contacts, &net.contacts);
        prop_assert_eq!(found.last, net.contacts.iter().map(|c| all.get(&c.id).copied()).collect::<Vec<_>>());
        // A search finds, by the folded fields, whom the contacts say mention its text:
        // a piece of someone's field, and a letter most hold.
        let pieces = net.contacts.first().map(|c| needle_in(c, 0, 1, 3)).into_iter().chain(["a".to_string()]);
        for text in pieces {
            let needle = crate::model::text::Needle::new(&text);
            let found = cache.found(crate::store::Listing::Mentioning(&needle)).unwrap();
            let expected: Vec<&Contact> = net.contacts.iter().filter(|c| c.mentions(&needle)).collect();
            prop_assert_eq!(found.contacts.iter().collect::<Vec<_>>(), expected.clone(), "{:?}", text);
            prop_assert_eq!(found.last, expected.iter().map(|c| all.get(&c.id).copied()).collect::<Vec<_>>());
            prop_assert_eq!(found.total, net.contacts.len());
        }
        // Heads to show come from their own section, without the emails; heads to change
        // from the index's rows, with them.
        let heads: Vec<Head> = net.contacts.iter().map(Head::of).collect();
        let (to_change, _) = cache.outline_to_change().unwrap();
        prop_assert_eq!(&to_change.heads, &heads);
        let outline = cache.outline().unwrap();
        let without_emails: Vec<Head> = heads
            .into_iter()
            .map(|mut h| {
                h.emails.clear();
                h
            })
            .collect();
        prop_assert_eq!(&outline.heads, &without_emails);
        for (n, i) in net.interactions.iter().enumerate() {
            prop_assert_eq!(outline.people(n).collect::<Vec<_>>(), i.contacts.clone());
        }
        let all = crate::store::Wanted::new(0..net.contacts.len(), 0..net.interactions.len());
        let part = cache.slice(outline, &all).unwrap();
        prop_assert_eq!(part, net);
    }
}

#[test]
fn a_damaged_cache_is_never_read_by_any_reader() {
    let json = b"{}";
    let (net, bytes) = demo_cache(json);
    let cache = checked_in(&bytes, json).unwrap();
    let readers = |cache: &open::Checked| {
        [
            cache.network(false).map(drop),
            cache.index().and_then(|section| index::read_rows(&section).map(drop)),
            cache.rows_in_pieces(100, |_| (), |_, _, _| ()).map(drop),
            cache.found(crate::store::Listing::Whole).map(drop),
            cache.found(crate::store::Listing::Mentioning(&crate::model::text::Needle::new("a"))).map(drop),
            cache
                .outline()
                .and_then(|o| {
                    cache.slice(o, &crate::store::Wanted::new(0..net.contacts.len(), 0..net.interactions.len()))
                })
                .map(drop),
        ]
    };
    assert!(readers(&cache).iter().all(Result::is_ok));
    // A byte changed in each section: whichever reader reads it refuses.
    for (n, section) in SECTIONS.iter().enumerate() {
        let at = SECTIONS_AT + n * SECTION_ENTRY;
        let start = u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap()) as usize;
        let len = u64::from_le_bytes(bytes[at + 8..at + 16].try_into().unwrap()) as usize;
        for byte in [start, start + len / 2, start + len - 1] {
            let mut damaged = bytes.clone();
            damaged[byte] ^= 0x20;
            let cache = checked_in(&damaged, json).unwrap();
            let failed = readers(&cache).iter().filter(|r| r.is_err()).count();
            assert!(failed >= 1, "{section:?}, byte {byte}: read as if whole");
            // The rows read a piece at a time are checked once all are read.
            if *section == Section::Index {
                assert!(cache.rows(|_| (), |_, _, _| ()).is_err(), "byte {byte}: rows read as if whole");
            }
        }
    }
}

/// A needle for `c`: a piece of one of its fields (or of nothing), folded.
fn needle_in(c: &Contact, pick: usize, from: usize, len: usize) -> String {
    let mut fields: Vec<String> = vec![c.name.clone(), c.handle.clone()];
    fields.extend(c.org.iter().chain(&c.note).chain(&c.phones).chain(&c.emails).chain(&c.addresses).cloned());
    fields.extend(c.birthday.map(|b| b.to_string()));
    let folded = crate::model::text::fold(&fields[pick % fields.len()]);
    folded.chars().skip(from).take(len).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_search_in_the_record_answers_as_the_contact_does(
        c in contact(), pick in 0usize..8, from in 0usize..6, len in 0usize..6, other in "[a-z]{0,3}",
    ) {
        let mut bytes = Vec::new();
        records::write_contact(&c, &mut bytes).unwrap();
        for needle in [needle_in(&c, pick, from, len), other] {
            let needle = crate::model::text::Needle::new(&needle);
            let mut r = &bytes[..];
            let mut hay = Default::default();
            records::fold_record(&mut r, &mut hay).unwrap();
            let found = needle.in_folded(hay.bytes());
            prop_assert_eq!(found, c.mentions(&needle), "{:?}", needle);
            prop_assert!(r.is_empty());
        }
    }

    #[test]
    fn a_listed_contact_is_the_contact_with_only_its_row(c in contact()) {
        let mut bytes = Vec::new();
        index::write_listed(&c, &mut bytes).unwrap();
        let mut r = &bytes[..];
        let listed = index::read_listed(&mut r).unwrap();
        prop_assert!(r.is_empty());
        prop_assert_eq!(listed, c.listed());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// The fuzz guard of the cache's readers: a cache damaged anywhere (bytes changed,
    /// cut short or grown) is refused or read, never a panic, whatever each reader is
    /// asked for.
    #[test]
    fn a_damaged_cache_never_panics_a_reader(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 0..8),
        cut in proptest::option::of(any::<prop::sample::Index>()),
        grow in proptest::collection::vec(any::<u8>(), 0..4),
        flips_vouched in any::<bool>(),
        saved in any::<bool>(),
    ) {
        // A cache as a read leaves it, or as a save leaves it (knowing where each record
        // sits in the data file, which a part's save copies from).
        let (net, json, mut bytes) = match saved {
            false => {
                let (net, bytes) = demo_cache(b"{}");
                (net, b"{}".to_vec(), bytes)
            }
            true => demo_saved(),
        };
        let json = &json[..];
        for (at, xor) in flips {
            let n = at.index(bytes.len());
            bytes[n] ^= xor;
        }
        if let Some(cut) = cut {
            bytes.truncate(cut.index(bytes.len()));
        }
        bytes.extend(grow);
        // Half the time the header is made to vouch for the damaged sections again (as a
        // bug in a build of the same layout might write), so the decoders read garbage.
        if flips_vouched {
            rehash(&mut bytes);
        }
        if let Some(cache) = checked_in(&bytes, json) {
            let everyone = crate::store::Wanted::new(0..net.contacts.len() + 2, 0..net.interactions.len() + 2);
            let two = crate::store::Wanted::new([0, net.contacts.len() / 2], []);
            let needle = crate::model::text::Needle::new("budi");
            let _ = cache.network(true);
            let _ = cache.index().map(|section| index::read_rows(&section).map(drop));
            let _ = cache.rows_in_pieces(100, |_| (), |_, _, _| ());
            let _ = cache.found(crate::store::Listing::Whole);
            let _ = cache.found(crate::store::Listing::Mentioning(&needle));
            if let Ok(outline) = cache.outline() {
                let _ = cache.slice(outline, &everyone);
            }
            // A part read to change, and its save, which copies what the cache says.
            if let Ok((outline, read)) = cache.outline_to_change()
                && let Ok((mut part, copyable, kept)) = cache.part(outline, &two, read)
            {
                let prior = cache.prior(copyable);
                let _ = render(&mut part, Some(&prior), Some(&kept), &mut Vec::new());
            }
        }
    }
}

#[test]
fn an_undamaged_saved_cache_gives_a_part_and_its_save() {
    let (net, json, bytes) = demo_saved();
    let cache = checked_in(&bytes, &json).unwrap();
    let (outline, read) = cache.outline_to_change().unwrap();
    let (mut part, copyable, kept) = cache.part(outline, &crate::store::Wanted::new([0, 3], []), read).unwrap();
    assert_eq!(part.contacts, vec![net.contacts[0].clone(), net.contacts[3].clone()]);
    let prior = cache.prior(copyable);
    let mut again = Vec::new();
    render(&mut part, Some(&prior), Some(&kept), &mut again).unwrap();
    assert!(again == json, "a part changed nothing, so its save is the file read");
}

/// The demo network as a save writes it: its JSON, and its cache, which knows where
/// each record sits in that JSON.
fn demo_saved() -> (Network, Vec<u8>, Vec<u8>) {
    let mut net = crate::demo::network(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()).unwrap();
    let mut json = Vec::new();
    let cache = render(&mut net, None, None, &mut json).unwrap().to_bytes();
    (net, json, cache)
}

/// Makes the header's section hashes those of the sections as they now are, where the
/// table still fits the file.
fn rehash(bytes: &mut [u8]) {
    for n in 0..SECTIONS.len() {
        let at = SECTIONS_AT + n * SECTION_ENTRY;
        let Some(entry) = bytes.get(at..at + 16) else { return };
        let start = u64::from_le_bytes(entry[..8].try_into().unwrap()) as usize;
        let len = u64::from_le_bytes(entry[8..16].try_into().unwrap()) as usize;
        let Some(section) = start.checked_add(len).and_then(|end| bytes.get(start..end)) else { continue };
        let hash = xxhash_rust::xxh3::xxh3_128(section).to_le_bytes();
        bytes[at + 16..at + 32].copy_from_slice(&hash);
    }
}

/// The demo cache with its first contact's record length made as big as it can be in
/// `section`, at `offset` bytes into it, and the section hashes made to match.
fn with_a_wrong_place(section: Section, offset: usize) -> (Network, Vec<u8>) {
    let (net, mut bytes) = demo_cache(b"{}");
    let at = SECTIONS_AT + (section as usize) * SECTION_ENTRY;
    let start = u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap()) as usize + offset;
    bytes[start..start + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    rehash(&mut bytes);
    (net, bytes)
}

#[test]
fn a_record_place_the_index_gets_wrong_is_refused() {
    // After the count and the halves' middle, then the record's start.
    let (_, bytes) = with_a_wrong_place(Section::Index, 8 + 4);
    let cache = checked_in(&bytes, b"{}").unwrap();
    let (outline, read) = cache.outline_to_change().unwrap();
    assert!(cache.part(outline, &crate::store::Wanted::new([1], []), read).is_err());
}

#[test]
fn a_record_place_the_places_section_gets_wrong_is_refused() {
    // After the count, then the record's start.
    let (net, bytes) = with_a_wrong_place(Section::Places, 4 + 4);
    let cache = checked_in(&bytes, b"{}").unwrap();
    // A search refuses the cache rather than read past its section.
    assert!(cache.found(crate::store::Listing::Whole).is_err());
    let needle = crate::model::text::Needle::new("a");
    assert!(cache.found(crate::store::Listing::Mentioning(&needle)).is_err());
    // So does reading that contact alone; the others still read.
    let outline = cache.outline().unwrap();
    assert!(cache.slice(outline, &crate::store::Wanted::new([0], [])).is_err());
    let outline = cache.outline().unwrap();
    let part = cache.slice(outline, &crate::store::Wanted::new([1], [])).unwrap();
    assert_eq!(part.contacts, [net.contacts[1].clone()]);
    // The cache as written reads.
    let (_, good) = demo_cache(b"{}");
    assert!(checked_in(&good, b"{}").unwrap().found(crate::store::Listing::Whole).is_ok());
}
