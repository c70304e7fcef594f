//! What a save writes: the JSON file, streamed, and its cache.
//!
//! The JSON is exactly `serde_json::to_vec_pretty` of the network plus a newline, but a
//! record whose encoding is byte for byte the one in the previous cache is not
//! serialized again: its JSON is copied from the previous file. Equal encodings mean
//! equal records, and the previous file holds that record's JSON because the save that
//! wrote it recorded where (and the file is still as it was read).

use super::fingerprint::Streaming;
use super::kept::{Item, Kept, List};
use super::{CacheFile, Prior, encoded::Encoded, records};
use crate::model::Network;
use borsh::BorshSerialize;
use std::io::{self, Write};
use std::ops::Range;

/// The room a save's list encodings start with: they hold only the records that changed.
const ROOM: usize = 64 * 1024;

/// Where the two lists go in the pretty JSON of the network without them.
const CONTACTS: &[u8] = b"\n  \"contacts\": []";
const INTERACTIONS: &[u8] = b"\n  \"interactions\": []";

/// Writes `net` as the data file's JSON to `json` and returns the cache for it. `prior`
/// (from the cache the network was read with, while the file is still as read) lets
/// unchanged records be copied. With `kept`, `net` is a part of the network read, and
/// every record it does not hold is copied (see `kept`).
pub fn render<'p>(
    net: &mut Network,
    prior: Option<&'p Prior>,
    kept: Option<&'p Kept>,
    json: &mut impl Write,
) -> io::Result<CacheFile<'p>> {
    // A part is written only over the file it was read from: the rest of the network
    // is nowhere else.
    if let Some(kept) = kept {
        if prior.is_none() {
            return Err(io::Error::other("a part of the network can be saved only over the file it was read from"));
        }
        kept.fits(&net.contacts)?;
    }
    // The network without its two big lists: pretty, as the frame of the file, and
    // compact, for the cache.
    let (frame, rest) =
        super::without_lists(net, |rest| (serde_json::to_vec_pretty(rest), serde_json::to_string(rest)));
    let (frame, rest) = (frame?, rest?);
    let (Some(c), Some(i)) = (find(&frame, CONTACTS), find(&frame, INTERACTIONS)) else {
        return Err(io::Error::other("the network's JSON has no place for its lists"));
    };

    let mut out = io::BufWriter::with_capacity(super::CHUNK, json);
    let mut json = Sink { out: &mut out, len: 0, hash: Streaming::new() };
    let net = &*net;
    let (contact_list, interaction_list) = match kept {
        Some(k) => (List::part(&net.contacts, &k.held, k.counts.0), List::part(&net.interactions, &[], k.counts.1)),
        None => (List::whole(&net.contacts), List::whole(&net.interactions)),
    };
    let mut places = Vec::with_capacity(contact_list.len() + interaction_list.len());
    let prior_contacts = prior.map(|p| (p, p.contacts.as_slice()));
    let prior_interactions = prior.map(|p| (p, p.interactions.as_slice()));
    // The interactions are encoded on another thread while the contacts are encoded and
    // written; then the interactions are written.
    let lists = std::thread::scope(|s| -> io::Result<_> {
        let other = s.spawn(|| Encoded::new(&interaction_list, records::write_interaction, prior_interactions, ROOM));
        let contacts = Encoded::new(&contact_list, records::write_contact, prior_contacts, ROOM)?;
        // Up to `"contacts": `, the list, up to `"interactions": `, the list, the rest.
        json.put(&frame[..c + CONTACTS.len() - 2])?;
        write_list(&mut json, &contact_list, &contacts, &mut places)?;
        json.put(&frame[c + CONTACTS.len()..i + INTERACTIONS.len() - 2])?;
        let interactions = other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        write_list(&mut json, &interaction_list, &interactions, &mut places)?;
        Ok([contacts, interactions])
    })?;
    json.put(&frame[i + INTERACTIONS.len()..])?;
    json.put(b"\n")?;
    let (json_len, json_hash) = (json.len, json.hash.finish());
    out.flush()?;

    let mut tail = Vec::with_capacity(rest.len() + 5 + 16 * places.len());
    rest.serialize(&mut tail)?;
    1u8.serialize(&mut tail)?;
    for (start, len) in places {
        (start as u64, len as u64).serialize(&mut tail)?;
    }
    // No note that the file was checked: it is being written now (see `checked`).
    let listed = (&contact_list, &interaction_list, kept);
    CacheFile::seal(net, listed, lists, tail, (json_len, json_hash), [0; super::checked::SIZE])
}

/// The JSON on its way out, counted (for records' places) and fingerprinted (for the
/// cache).
struct Sink<'w, W: Write> {
    out: &'w mut W,
    len: usize,
    hash: Streaming,
}

impl<W: Write> Sink<'_, W> {
    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.hash.update(bytes);
        self.len += bytes.len();
        self.out.write_all(bytes)
    }
}

/// Writes one list's JSON array (as serde_json lays out an array two levels deep),
/// noting each record's place in it. A record whose encoding the previous cache has is
/// copied from the previous file; records that follow each other there are copied in
/// one piece, separators and all.
fn write_list<T: serde::Serialize, W: Write>(
    json: &mut Sink<W>,
    items: &List<T>,
    encoded: &Encoded,
    places: &mut Vec<(usize, usize)>,
) -> io::Result<()> {
    if items.len() == 0 {
        return json.put(b"[]");
    }
    json.put(b"[")?;
    let mut run: Option<Run> = None;
    for (n, item) in items.iter().enumerate() {
        match encoded.same_json(n) {
            Some((prior, old)) => {
                // Records are joined by the separator in the file that render wrote.
                let joins = run.as_ref().is_some_and(|r| r.old.end + separator(n).len() == old.start);
                if !joins {
                    flush(json, run.take())?;
                    json.put(separator(n))?;
                    run = Some(Run { from: prior, old: old.start..old.start, at: json.len });
                }
                let r = run.as_mut().expect("a run was started");
                r.old.end = old.end;
                places.push((r.at + (old.start - r.old.start), old.len()));
            }
            None => {
                // Only a record held is new or changed: a kept one is always the same.
                let Item::Held { record, .. } = item else {
                    return Err(io::Error::other("a kept record has no JSON to copy"));
                };
                flush(json, run.take())?;
                json.put(separator(n))?;
                let at = json.len;
                indent(&serde_json::to_vec_pretty(record)?, json)?;
                places.push((at, json.len - at));
            }
        }
    }
    flush(json, run)?;
    json.put(b"\n  ]")
}

/// Unchanged records waiting to be copied: where they are in the previous file, and
/// where they start in the new one.
struct Run<'p> {
    from: &'p Prior,
    old: Range<usize>,
    at: usize,
}

/// Copies a run. Records are JSON objects; a run that does not start and end like one
/// means the places are wrong, and the save stops (its new file is never put in place).
fn flush<W: Write>(json: &mut Sink<W>, run: Option<Run>) -> io::Result<()> {
    let Some(r) = run else { return Ok(()) };
    let (mut first, mut last) = (None, None);
    r.from.json.read(r.old, |piece| {
        first = first.or(piece.first().copied());
        last = piece.last().copied().or(last);
        json.put(piece)
    })?;
    match (first, last) {
        (Some(b'{'), Some(b'}')) => Ok(()),
        _ => Err(io::Error::new(io::ErrorKind::InvalidData, "the cache's record places do not fit the data file")),
    }
}

/// What comes before the `n`th record of a list.
fn separator(n: usize) -> &'static [u8] {
    if n == 0 { b"\n    " } else { b",\n    " }
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
