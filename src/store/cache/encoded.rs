//! A list's records encoded for a new cache. A record whose encoding is byte for byte
//! one in the previous cache is not kept: the new cache takes those bytes from the
//! previous one, and the save copies that record's JSON from the previous file.
//!
//! So a save holds only what changed. Holding every record's encoding would take about
//! as much fresh memory as the cache itself, and the kernel hands a process fresh
//! memory one page at a time.

use super::kept::{Item, List};
use super::{Place, Prior, invalid};
use borsh::BorshSerialize;
use rustc_hash::FxHashMap;
use std::io;
use std::ops::Range;
use xxhash_rust::xxh3::xxh3_64;

/// One list, encoded.
pub(super) struct Encoded<'p> {
    count: [u8; 4],
    /// The encodings of the records that are new or changed.
    own: Vec<u8>,
    /// For each record that did not change, its place in the previous cache.
    same: Vec<Option<usize>>,
    /// The list's bytes after the count, in order, neighbours joined.
    spans: Vec<Span>,
    /// Each record's bytes, one span a record (for the index).
    each: Vec<Span>,
    /// The list's length in bytes.
    len: usize,
    /// The previous cache and this list's places in it.
    prior: Option<(&'p Prior, &'p [Place])>,
}

/// Bytes of a new cache: in `own`, or in the previous cache.
#[derive(Clone, Debug, PartialEq)]
enum Span {
    Own(Range<usize>),
    Prior(Range<usize>),
}

impl<'p> Encoded<'p> {
    /// Encodes the records of `list` with `write`, matching each against the records of
    /// `prior` (a record kept undecoded is the one read). `room`: how many bytes of
    /// encodings to make room for at once. Room is address space until it is written,
    /// so a generous guess costs no memory; growing instead copies what was encoded, and
    /// the allocator may keep the old block a while.
    pub(super) fn new<T>(
        list: &List<T>,
        write: fn(&T, &mut Vec<u8>) -> io::Result<()>,
        prior: Option<(&'p Prior, &'p [Place])>,
        room: usize,
    ) -> io::Result<Encoded<'p>> {
        let n_items = list.len();
        let mut count = Vec::with_capacity(4);
        (n_items as u32).serialize(&mut count)?;
        let mut own = Vec::with_capacity(room);
        let mut same = Vec::with_capacity(n_items);
        let (mut spans, mut len) = (Vec::new(), count.len());
        let mut each = Vec::with_capacity(n_items);
        let mut matcher = prior.map(|(prior, places)| Matcher { prior, places, by_hash: None });
        for (n, item) in list.iter().enumerate() {
            let start = own.len();
            let found = match item {
                Item::Kept(was) => match &matcher {
                    Some(m) if was < m.places.len() => Some(was),
                    _ => return Err(invalid("a kept record the cache read does not have")),
                },
                Item::Held { record, was } => {
                    write(record, &mut own)?;
                    let found = match (&mut matcher, list.is_part()) {
                        // In a part, a record is the one it was read from, or new.
                        (Some(m), true) => was.filter(|&i| m.is(i, &own[start..])),
                        (Some(m), false) => m.find(n, &own[start..]),
                        (None, _) => None,
                    };
                    if found.is_some() {
                        own.truncate(start);
                    }
                    found
                }
            };
            let span = match (found, &matcher) {
                (Some(i), Some(m)) => Span::Prior(m.places[i].encoded.clone()),
                _ => Span::Own(start..own.len()),
            };
            same.push(found);
            len += match &span {
                Span::Own(r) | Span::Prior(r) => r.len(),
            };
            each.push(span.clone());
            match (spans.last_mut(), span) {
                (Some(Span::Own(last)), Span::Own(next)) if last.end == next.start => last.end = next.end,
                (Some(Span::Prior(last)), Span::Prior(next)) if last.end == next.start => last.end = next.end,
                (_, span) => spans.push(span),
            }
        }
        Ok(Encoded { count: count.try_into().unwrap_or_default(), own, same, spans, each, len, prior })
    }

    /// Where the `n`th record's JSON is in the previous file, when it did not change.
    pub(super) fn same_json(&self, n: usize) -> Option<(&'p Prior, Range<usize>)> {
        let (prior, places) = self.prior?;
        Some((prior, places[self.same[n]?].json.clone()))
    }

    /// The list's bytes in order: its count and its records, records that sit next to
    /// each other joined into one piece.
    pub(super) fn pieces(&self) -> impl Iterator<Item = &[u8]> {
        let cache = self.prior.map(|(prior, _)| &prior.cache[..]).unwrap_or_default();
        std::iter::once(&self.count[..]).chain(self.spans.iter().map(move |span| match span {
            Span::Own(range) => &self.own[range.clone()],
            Span::Prior(range) => &cache[range.clone()],
        }))
    }

    /// Each record's bytes, in order.
    pub(super) fn records(&self) -> impl Iterator<Item = &[u8]> {
        let cache = self.prior.map(|(prior, _)| &prior.cache[..]).unwrap_or_default();
        self.each.iter().map(move |span| match span {
            Span::Own(range) => &self.own[range.clone()],
            Span::Prior(range) => &cache[range.clone()],
        })
    }

    /// How many bytes of the list are its own rather than the previous cache's.
    #[cfg(test)]
    pub(super) fn own_len(&self) -> usize {
        self.own.len()
    }

    /// How many bytes the list takes.
    pub(super) fn len(&self) -> usize {
        self.len
    }
}

/// Finds the record in the previous cache with the same encoding.
struct Matcher<'p> {
    prior: &'p Prior,
    places: &'p [Place],
    /// Built on the first record that is not where it was (after an insert or removal).
    by_hash: Option<FxHashMap<u64, usize>>,
}

impl Matcher<'_> {
    /// Whether the `i`th record read has this encoding.
    fn is(&self, i: usize, encoded: &[u8]) -> bool {
        self.places.get(i).is_some_and(|p| self.prior.encoded(p) == encoded)
    }

    /// The place of the record with this encoding, `n`th in its list now.
    fn find(&mut self, n: usize, encoded: &[u8]) -> Option<usize> {
        let (prior, places) = (self.prior, self.places);
        if places.get(n).is_some_and(|p| prior.encoded(p) == encoded) {
            return Some(n);
        }
        let by_hash = self
            .by_hash
            .get_or_insert_with(|| places.iter().enumerate().map(|(i, p)| (xxh3_64(prior.encoded(p)), i)).collect());
        let i = *by_hash.get(&xxh3_64(encoded))?;
        (prior.encoded(&places[i]) == encoded).then_some(i)
    }
}
