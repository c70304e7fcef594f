//! What a save writes: the JSON file, streamed, and its cache, made in one pass over
//! the records.
//!
//! The JSON is exactly `serde_json::to_vec_pretty` of the network plus a newline, but a
//! record whose encoding is byte for byte the one in the previous cache is not
//! serialized again: its JSON is copied from the previous file. Equal encodings mean
//! equal records, and the previous file holds that record's JSON because the save that
//! wrote it recorded where (and the file still hashes as it did when it was read).

use super::{Place, Prior, records};
use crate::model::Network;
use borsh::BorshSerialize;
use std::collections::HashMap;
use std::io::{self, Write};
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

/// Where the two lists go in the pretty JSON of the network without them.
const CONTACTS: &[u8] = b"\n  \"contacts\": []";
const INTERACTIONS: &[u8] = b"\n  \"interactions\": []";

/// Writes `net` as the data file's JSON to `json` and returns the cache for it. `prior`
/// (from the cache the network was read with, while the file is still as read) lets
/// unchanged records be copied.
pub fn render(net: &mut Network, prior: Option<&Prior>, json: &mut impl Write) -> io::Result<Vec<u8>> {
    // The network without its two big lists: pretty, as the frame of the file, and
    // compact, for the cache. The lists are put back before anything can fail.
    let contacts = std::mem::take(&mut net.contacts);
    let interactions = std::mem::take(&mut net.interactions);
    let frame = serde_json::to_vec_pretty(net);
    let rest = serde_json::to_string(net);
    net.contacts = contacts;
    net.interactions = interactions;
    let (frame, rest) = (frame?, rest?);

    let (Some(c), Some(i)) = (find(&frame, CONTACTS), find(&frame, INTERACTIONS)) else {
        return Err(io::Error::other("the network's JSON has no place for its lists"));
    };
    let size = prior.map_or(frame.len(), |p| p.cache.len());
    let mut out = Output { json: Sink { out: json, len: 0, hash: Xxh3::new() }, cache: super::new_cache(size) };
    let mut places = Vec::with_capacity(net.contacts.len() + net.interactions.len());
    // Up to `"contacts": `, the list, up to `"interactions": `, the list, the rest.
    out.json.put(&frame[..c + CONTACTS.len() - 2])?;
    out.list(&net.contacts, records::write_contact, prior.map(|p| (p, p.contacts.as_slice())), &mut places)?;
    super::mark(&mut out.cache, 0);
    out.json.put(&frame[c + CONTACTS.len()..i + INTERACTIONS.len() - 2])?;
    out.list(
        &net.interactions,
        records::write_interaction,
        prior.map(|p| (p, p.interactions.as_slice())),
        &mut places,
    )?;
    super::mark(&mut out.cache, 1);
    out.json.put(&frame[i + INTERACTIONS.len()..])?;
    out.json.put(b"\n")?;

    let mut cache = out.cache;
    rest.serialize(&mut cache)?;
    1u8.serialize(&mut cache)?;
    for (start, len) in places {
        (start as u64, len as u64).serialize(&mut cache)?;
    }
    Ok(super::seal(cache, out.json.len, out.json.hash.digest128()))
}

/// The JSON on its way out, counted (for records' places) and hashed (for the cache).
struct Sink<'w, W: Write> {
    out: &'w mut W,
    len: usize,
    hash: Xxh3,
}

impl<W: Write> Sink<'_, W> {
    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.hash.update(bytes);
        self.len += bytes.len();
        self.out.write_all(bytes)
    }
}

struct Output<'w, W: Write> {
    json: Sink<'w, W>,
    cache: Vec<u8>,
}

impl<W: Write> Output<'_, W> {
    /// Writes one list: its records to the cache, and its JSON array (as serde_json lays
    /// out an array two levels deep) to the file, noting each record's place in it.
    fn list<T: serde::Serialize>(
        &mut self,
        items: &[T],
        encode: fn(&T, &mut Vec<u8>) -> io::Result<()>,
        prior: Option<(&Prior, &[Place])>,
        places: &mut Vec<(usize, usize)>,
    ) -> io::Result<()> {
        (items.len() as u32).serialize(&mut self.cache)?;
        if items.is_empty() {
            return self.json.put(b"[]");
        }
        self.json.put(b"[")?;
        let mut matcher = prior.map(|(prior, places)| Matcher { prior, places, by_hash: None });
        for (n, item) in items.iter().enumerate() {
            let start = self.cache.len();
            encode(item, &mut self.cache)?;
            self.json.put(if n == 0 { b"\n    " } else { b",\n    " as &[u8] })?;
            let at = self.json.len;
            match matcher.as_mut().and_then(|m| m.json_of(n, &self.cache[start..])) {
                Some(json) => self.json.put(json)?,
                None => indent(&serde_json::to_vec_pretty(item)?, &mut self.json)?,
            }
            places.push((at, self.json.len - at));
        }
        self.json.put(b"\n  ]")
    }
}

/// Finds a record's previous JSON by its encoding.
struct Matcher<'p> {
    prior: &'p Prior,
    places: &'p [Place],
    /// Built on the first record that is not where it was (after an insert or removal).
    by_hash: Option<HashMap<u64, usize>>,
}

impl<'p> Matcher<'p> {
    fn json_of(&mut self, n: usize, encoded: &[u8]) -> Option<&'p [u8]> {
        let (prior, places) = (self.prior, self.places);
        let place = match places.get(n) {
            Some(p) if prior.encoded(p) == encoded => p,
            _ => {
                let by_hash = self.by_hash.get_or_insert_with(|| {
                    places.iter().enumerate().map(|(i, p)| (xxh3_64(prior.encoded(p)), i)).collect()
                });
                let p = &places[*by_hash.get(&xxh3_64(encoded))?];
                if prior.encoded(p) != encoded {
                    return None;
                }
                p
            }
        };
        // A record's JSON is an object; anything else means the places are wrong, and
        // the record is written afresh.
        let json = prior.json(place);
        (json.first() == Some(&b'{') && json.last() == Some(&b'}')).then_some(json)
    }
}

/// Writes a record's pretty JSON two levels deeper (JSON strings hold no raw newline,
/// so every newline starts a line of the layout).
fn indent<W: Write>(pretty: &[u8], json: &mut Sink<W>) -> io::Result<()> {
    for (n, line) in pretty.split(|b| *b == b'\n').enumerate() {
        if n > 0 {
            json.put(b"\n    ")?;
        }
        json.put(line)?;
    }
    Ok(())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
