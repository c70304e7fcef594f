//! What a save writes: the JSON file and its cache, made in one pass over the records.
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
use std::io;
use xxhash_rust::xxh3::{xxh3_64, xxh3_128};

/// The bytes of the data file and of its cache.
pub struct Rendered {
    pub json: Vec<u8>,
    pub cache: Vec<u8>,
}

/// Where the two lists go in the pretty JSON of the network without them.
const CONTACTS: &[u8] = b"\n  \"contacts\": []";
const INTERACTIONS: &[u8] = b"\n  \"interactions\": []";

/// Renders `net` for saving. `prior` (from the cache the network was read with) lets
/// unchanged records be copied; it is ignored when the data file changed since.
pub fn render(net: &mut Network, prior: Option<&Prior>) -> io::Result<Rendered> {
    let prior = prior.filter(|p| xxh3_128(&p.json) == p.json_hash);
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
    let size = prior.map_or(frame.len(), |p| p.json.len()) + 64 * 1024;
    let mut out = Output { json: Vec::with_capacity(size), body: Vec::with_capacity(size / 2), places: Vec::new() };
    // Up to `"contacts": `, the list, up to `"interactions": `, the list, the rest.
    out.json.extend_from_slice(&frame[..c + CONTACTS.len() - 2]);
    out.list(&net.contacts, records::write_contact, prior.map(|p| (p, p.contacts.as_slice())))?;
    out.json.extend_from_slice(&frame[c + CONTACTS.len()..i + INTERACTIONS.len() - 2]);
    out.list(&net.interactions, records::write_interaction, prior.map(|p| (p, p.interactions.as_slice())))?;
    out.json.extend_from_slice(&frame[i + INTERACTIONS.len()..]);
    out.json.push(b'\n');

    rest.serialize(&mut out.body)?;
    1u8.serialize(&mut out.body)?;
    for (start, len) in &out.places {
        (*start as u64, *len as u64).serialize(&mut out.body)?;
    }
    let cache = super::with_header(&out.json, out.body);
    Ok(Rendered { json: out.json, cache })
}

struct Output {
    json: Vec<u8>,
    body: Vec<u8>,
    /// Each record's place in `json`: contacts, then interactions.
    places: Vec<(usize, usize)>,
}

impl Output {
    /// Writes one list: its records to the cache body, and its JSON array (as serde_json
    /// lays out an array two levels deep) to the file.
    fn list<T: serde::Serialize>(
        &mut self,
        items: &[T],
        encode: fn(&T, &mut Vec<u8>) -> io::Result<()>,
        prior: Option<(&Prior, &[Place])>,
    ) -> io::Result<()> {
        (items.len() as u32).serialize(&mut self.body)?;
        if items.is_empty() {
            self.json.extend_from_slice(b"[]");
            return Ok(());
        }
        self.json.push(b'[');
        let mut matcher = prior.map(|(prior, places)| Matcher { prior, places, by_hash: None });
        for (n, item) in items.iter().enumerate() {
            let start = self.body.len();
            encode(item, &mut self.body)?;
            self.json.extend_from_slice(if n == 0 { b"\n    " } else { b",\n    " });
            let at = self.json.len();
            match matcher.as_mut().and_then(|m| m.json_of(n, &self.body[start..])) {
                Some(json) => self.json.extend_from_slice(json),
                None => indent(&serde_json::to_vec_pretty(item)?, &mut self.json),
            }
            self.places.push((at, self.json.len() - at));
        }
        self.json.extend_from_slice(b"\n  ]");
        Ok(())
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

/// Appends a record's pretty JSON two levels deeper (JSON strings hold no raw newline,
/// so every newline starts a line of the layout).
fn indent(pretty: &[u8], json: &mut Vec<u8>) {
    for (n, line) in pretty.split(|b| *b == b'\n').enumerate() {
        if n > 0 {
            json.extend_from_slice(b"\n    ");
        }
        json.extend_from_slice(line);
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
