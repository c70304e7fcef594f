//! A list's records encoded for a new cache. A record whose encoding is byte for byte
//! one in the previous cache is not kept: the new cache takes those bytes from the
//! previous one, and the save copies that record's JSON from the previous file.
//!
//! So a save holds only what changed. At 100,000 contacts, holding every record's
//! encoding took 75 MB of fresh memory, and the kernel handing it over was a good part
//! of a save.

use super::{Place, Prior};
use crate::arena::Arena;
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
    records: Vec<Record>,
    /// The previous cache and this list's places in it.
    prior: Option<(&'p Prior, &'p [Place])>,
}

/// Where a record's encoding is.
#[derive(Clone, Debug, PartialEq)]
enum Record {
    Own(Range<usize>),
    /// The same bytes as the record at this place in the previous cache.
    Same(usize),
}

/// Bytes of a new cache: in `own`, or in the previous cache.
#[derive(Clone, Debug, PartialEq)]
enum Span {
    Own(Range<usize>),
    Prior(Range<usize>),
}

impl<'p> Encoded<'p> {
    /// Encodes `items` with `write`, matching each against the records of `prior`. The
    /// list of where each record is, as long as the list, goes in `arena`.
    pub(super) fn new<T>(
        items: &[T],
        write: fn(&T, &mut Vec<u8>) -> io::Result<()>,
        prior: Option<(&'p Prior, &'p [Place])>,
        arena: Arena,
    ) -> io::Result<Encoded<'p>> {
        let mut count = Vec::with_capacity(4);
        (items.len() as u32).serialize(&mut count)?;
        let mut own = Vec::with_capacity(64 * 1024);
        let mut records = arena.run(|| Vec::with_capacity(items.len()));
        let mut matcher = prior.map(|(prior, places)| Matcher { prior, places, by_hash: None });
        for (n, item) in items.iter().enumerate() {
            let start = own.len();
            write(item, &mut own)?;
            match matcher.as_mut().and_then(|m| m.find(n, &own[start..])) {
                Some(place) => {
                    own.truncate(start);
                    records.push(Record::Same(place));
                }
                None => records.push(Record::Own(start..own.len())),
            }
        }
        Ok(Encoded { count: count.try_into().unwrap_or_default(), own, records, prior })
    }

    /// Where the `n`th record's JSON is in the previous file, when it did not change.
    pub(super) fn same_json(&self, n: usize) -> Option<(&'p Prior, Range<usize>)> {
        match (&self.records[n], self.prior) {
            (Record::Same(place), Some((prior, places))) => Some((prior, places[*place].json.clone())),
            _ => None,
        }
    }

    /// The list's bytes in order: its count and its records, records that sit next to
    /// each other joined into one piece.
    pub(super) fn pieces(&self) -> impl Iterator<Item = &[u8]> {
        let mut spans: Vec<Span> = Vec::new();
        for record in &self.records {
            let span = match record {
                Record::Own(range) => Span::Own(range.clone()),
                Record::Same(place) => match self.prior {
                    Some((_, places)) => Span::Prior(places[*place].encoded.clone()),
                    None => continue,
                },
            };
            match (spans.last_mut(), span) {
                (Some(Span::Own(last)), Span::Own(next)) if last.end == next.start => last.end = next.end,
                (Some(Span::Prior(last)), Span::Prior(next)) if last.end == next.start => last.end = next.end,
                (_, span) => spans.push(span),
            }
        }
        let cache = self.prior.map(|(prior, _)| &prior.cache[..]).unwrap_or_default();
        std::iter::once(&self.count[..]).chain(spans.into_iter().map(move |span| match span {
            Span::Own(range) => &self.own[range],
            Span::Prior(range) => &cache[range],
        }))
    }

    /// How many bytes of the list are its own rather than the previous cache's.
    #[cfg(test)]
    pub(super) fn own_len(&self) -> usize {
        self.own.len()
    }

    /// How many bytes the list takes.
    pub(super) fn len(&self) -> usize {
        self.pieces().map(<[u8]>::len).sum()
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
