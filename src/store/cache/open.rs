//! Opening a cache: reading it, checking that it was made from the data file as the
//! file is now, and decoding as much of the network as a command shows: all of it, the
//! contacts with the day each was last talked to (`list`), or an outline and then the
//! records one person needs (`show`).

use super::{HEADER, LAYOUT, MAGIC, NOTE_AT, TOC, checked, invalid, path_for, records};
use super::{Json, Place, Places, Prior, Stamp};
use crate::model::text::Haystack;
use crate::model::{Contact, Network};
use crate::store::part::{Listing, Outline, Roster, Wanted, Whole};
use borsh::BorshDeserialize;
use records::Reader;
use rustc_hash::FxHashMap;
use std::fs::File;
use std::io;
use std::ops::Range;
use std::path::Path;
use xxhash_rust::xxh3::xxh3_128;

/// A cache made from exactly the bytes the data file has now: whole, from this build's
/// layout, and checked against the file (by the note that it was checked, or by hashing
/// it).
pub(in crate::store) struct Checked {
    cache: Vec<u8>,
    json: Json,
    stamp: Option<Stamp>,
    /// Where each list's records lie in `cache`.
    contacts: Range<usize>,
    interactions: Range<usize>,
    /// The hash the body must have. It is checked on the second thread while the first
    /// decodes (see `whole`): readers are bounded and never panic on damaged bytes, and
    /// what they read from a damaged body is thrown away.
    body_hash: u128,
}

/// What a cache that cannot be used gives back: the data file, to be parsed, and what it
/// looked like before it was read.
pub(in crate::store) type Unused = (File, Option<Stamp>);

/// The cache beside `data` if it holds the network in `json` (the data file, open).
pub(in crate::store) fn open(data: &Path, json: File) -> Result<Checked, Unused> {
    // Taken before the cache is checked against the bytes: a write after this changes it.
    let stamp = Stamp::of(data);
    let Ok(len) = json.metadata().map(|m| m.len() as usize) else { return Err((json, stamp)) };
    let Ok(cache) = crate::store::read(&path_for(data)) else { return Err((json, stamp)) };
    let json = Json { file: json, len };
    match check(&cache, &json, stamp.as_ref()) {
        Some((contacts, interactions, body_hash, note)) => {
            if let Some(note) = note {
                // Best effort: a cache that cannot take the note is only hashed again.
                let _ = write_note(&path_for(data), &note);
            }
            Ok(Checked { cache, json, stamp, contacts, interactions, body_hash })
        }
        None => Err((json.file, stamp)),
    }
}

/// Where the two lists lie, when `cache` can be used for `json`, and the hash its body
/// must have; with a new note that the file was checked, when it was hashed now and has
/// settled.
type Fit = (Range<usize>, Range<usize>, u128, Option<[u8; checked::SIZE]>);

fn check(cache: &[u8], json: &Json, stamp: Option<&Stamp>) -> Option<Fit> {
    let header = cache.get(..HEADER)?;
    let field = |at: usize, len: usize| &header[at..at + len];
    let u64_at = |at: usize| u64::from_le_bytes(field(at, 8).try_into().unwrap_or_default());
    let u128_at = |at: usize| u128::from_le_bytes(field(at, 16).try_into().unwrap_or_default());
    let body = &cache[HEADER..];
    let fits = field(0, 8) == MAGIC
        && field(8, 16) == LAYOUT
        && u64_at(24) == json.len() as u64
        && u64_at(48) == body.len() as u64;
    if !fits {
        return None;
    }
    let mut toc = body.get(..TOC)?;
    let (interactions_at, rest_at) = <(u64, u64)>::deserialize(&mut toc).ok()?;
    let (interactions_at, rest_at) = (interactions_at as usize, rest_at as usize);
    if !(TOC <= interactions_at && interactions_at <= rest_at && rest_at <= body.len()) {
        return None;
    }
    let lists = (HEADER + TOC..HEADER + interactions_at, HEADER + interactions_at..HEADER + rest_at);
    let json_hash = u128_at(32);
    if checked::vouches(field(NOTE_AT, checked::SIZE), stamp, json_hash) {
        return Some((lists.0, lists.1, u128_at(56), None));
    }
    if json.fingerprint().ok()? != json_hash {
        return None;
    }
    let note = checked::note(stamp, json_hash, std::time::SystemTime::now());
    Some((lists.0, lists.1, u128_at(56), note.iter().any(|&b| b != 0).then_some(note)))
}

/// Writes the note into the cache's header, in place.
#[cfg(unix)]
fn write_note(cache: &Path, note: &[u8; checked::SIZE]) -> io::Result<()> {
    use std::os::unix::fs::{FileExt, OpenOptionsExt};
    let file = std::fs::OpenOptions::new().write(true).custom_flags(libc::O_NOFOLLOW).open(cache)?;
    file.write_all_at(note, NOTE_AT as u64)
}

#[cfg(not(unix))]
fn write_note(_: &Path, _: &[u8; checked::SIZE]) -> io::Result<()> {
    Ok(())
}

impl Checked {
    /// The whole network; with where its records sit in the JSON, when `for_save` and
    /// the cache knows (for `prior`).
    pub(in crate::store) fn network(&self, for_save: bool) -> io::Result<(Network, Option<Places>)> {
        // The two lists are read at once, one on another thread: they are nearly all of
        // the work of loading, so a second core shares it.
        let (contacts, interactions) = std::thread::scope(|s| {
            let other = s.spawn(|| {
                self.whole()?;
                read_list(&self.cache, self.interactions.clone(), records::read_interaction, for_save)
            });
            let contacts = read_list(&self.cache, self.contacts.clone(), records::read_contact, for_save);
            (contacts, other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
        });
        let ((contacts, contact_spans), (interactions, interaction_spans)) = (contacts?, interactions?);
        let (rest, mut r) = self.rest()?;
        // Only a save needs the places, which take the rest of the body.
        let places = match u8::deserialize(&mut r)? {
            0 => None,
            _ if !for_save => {
                r = &[];
                None
            }
            _ => Some((
                read_places(&mut r, contact_spans, self.json.len())?,
                read_places(&mut r, interaction_spans, self.json.len())?,
            )),
        };
        if !r.is_empty() {
            return Err(invalid("bytes after the end"));
        }
        let mut net: Network = serde_json::from_str(&rest)?;
        net.contacts = contacts;
        net.interactions = interactions;
        Ok((net, places))
    }

    /// What a save needs to copy the records at `places` from the file read.
    pub(in crate::store) fn prior(self, places: Places) -> Prior {
        Prior::new(self.json, self.stamp, self.cache, places)
    }

    /// The data file, to be parsed after all: for a cache whose body does not read.
    pub(in crate::store) fn unused(self) -> Unused {
        (self.json.file, self.stamp)
    }

    /// The contacts `listing` asks for and the day each was last talked to: the
    /// interactions are passed over, on another thread, for their people and day alone.
    pub(in crate::store) fn roster(&self, listing: Listing) -> io::Result<Roster> {
        self.checking(|| self.roster_unchecked(listing))
    }

    fn roster_unchecked(&self, listing: Listing) -> io::Result<Roster> {
        let (contacts, last) = std::thread::scope(|s| {
            let other = s.spawn(|| {
                let mut last: FxHashMap<uuid::Uuid, chrono::NaiveDate> = FxHashMap::default();
                each_record(&self.cache[self.interactions.clone()], |r| {
                    let (ids, on) = records::skim_interaction(r)?;
                    for id in records::ids(ids) {
                        last.entry(id).and_modify(|d| *d = (*d).max(on)).or_insert(on);
                    }
                    Ok(())
                })
                .map(|_| last)
            });
            (self.contacts(listing), other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
        });
        let (contacts, total) = contacts?;
        Ok(Roster { contacts, total, last_contacted: last? })
    }

    /// The contacts `listing` asks for, and how many there are in all.
    fn contacts(&self, listing: Listing) -> io::Result<(Vec<Contact>, usize)> {
        let part = &self.cache[self.contacts.clone()];
        let (mut contacts, mut hay) = (Vec::new(), Haystack::default());
        let spans = each_record(part, |r| {
            let record = *r;
            match listing {
                Listing::Whole => contacts.push(records::read_contact(r)?),
                Listing::Rows => contacts.push(records::read_listed(r)?),
                // The few that mention the text are read again, whole.
                Listing::Mentioning(needle) => {
                    if records::mentions(r, needle, &mut hay)? {
                        contacts.push(records::read_contact(&mut &record[..])?);
                    }
                }
            }
            Ok(())
        })?;
        Ok((contacts, spans.len()))
    }

    /// The network in outline (see `Outline`): the interactions are passed over, on
    /// another thread, for their people alone.
    pub(in crate::store) fn outline(&self) -> io::Result<Outline> {
        self.checking(|| self.outline_unchecked())
    }

    fn outline_unchecked(&self) -> io::Result<Outline> {
        let (contacts, people) = std::thread::scope(|s| {
            let other = s.spawn(|| {
                let (mut people, mut ends) = (Vec::new(), Vec::new());
                let spans = each_record(&self.cache[self.interactions.clone()], |r| {
                    people.extend(records::ids(records::skim_interaction(r)?.0));
                    ends.push(people.len());
                    Ok(())
                });
                spans.map(|spans| (people, ends, spans))
            });
            let mut heads = Vec::with_capacity(self.contacts.len() / 64);
            let spans = each_record(&self.cache[self.contacts.clone()], |r| {
                let head = records::skim_contact(r)?;
                let mut c = Contact::new(head.id, head.handle.to_string(), head.name.to_string(), Default::default());
                c.org = head.org.map(str::to_string);
                heads.push(c);
                Ok(())
            });
            (spans.map(|spans| (heads, spans)), other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
        });
        let ((heads, contact_spans), (people, ends, interaction_spans)) = (contacts?, people?);
        let mut net: Network = serde_json::from_str(&self.rest()?.0)?;
        net.contacts = heads;
        let whole = Whole::Cached { contacts: contact_spans, interactions: interaction_spans };
        Ok(Outline::from_parts(net, people, ends, whole))
    }

    /// The network with the records `wanted` of the outline read whole, and only those.
    pub(in crate::store) fn slice(&self, outline: Outline, wanted: &Wanted) -> io::Result<Network> {
        let Whole::Cached { contacts: contact_spans, interactions: interaction_spans } = &outline.whole else {
            return Ok(outline.taken(wanted));
        };
        let contacts = &self.cache[self.contacts.clone()];
        let interactions = &self.cache[self.interactions.clone()];
        let read = |spans: &[Range<usize>], n: usize| spans.get(n).cloned().ok_or_else(|| invalid("record"));
        let picked_contacts = wanted
            .contacts()
            .iter()
            .map(|&n| records::read_contact(&mut &contacts[read(contact_spans, n)?]))
            .collect::<io::Result<_>>()?;
        let picked_interactions = wanted
            .interactions()
            .iter()
            .map(|&n| records::read_interaction(&mut &interactions[read(interaction_spans, n)?]))
            .collect::<io::Result<_>>()?;
        let mut net = outline.net;
        // The outline's contacts are of no more use: leave them to the process's exit,
        // like the network itself (see `Store::freed_by_exit`).
        std::mem::forget(std::mem::replace(&mut net.contacts, picked_contacts));
        net.interactions = picked_interactions;
        Ok(net)
    }

    /// What `read` gives, read while the body's hash is checked on a thread of its own
    /// (these reads use little of the second core): kept only when the body is whole.
    fn checking<T: Send>(&self, read: impl FnOnce() -> io::Result<T> + Send) -> io::Result<T> {
        std::thread::scope(|s| {
            let hashed = s.spawn(|| self.whole());
            let read = read();
            hashed.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
            read
        })
    }

    /// Whether the body is the one the header vouches for.
    fn whole(&self) -> io::Result<()> {
        match xxh3_128(&self.cache[HEADER..]) == self.body_hash {
            true => Ok(()),
            false => Err(invalid("body hash")),
        }
    }

    /// Everything but the two lists, as JSON text, and the reader after it.
    fn rest(&self) -> io::Result<(String, Reader<'_>)> {
        let mut r = &self.cache[self.interactions.end..];
        let rest = String::deserialize(&mut r)?;
        Ok((rest, r))
    }
}

/// The network a cache holds for the data file `json`, if it can be used; with the
/// records' places when `places` is asked for and the cache has them.
#[cfg(test)]
pub(super) fn decode(cache: &[u8], json: &Json, places: bool) -> Option<(Network, Option<Places>)> {
    let (contacts, interactions, body_hash, _) = check(cache, json, None)?;
    let json = Json { file: json.file.try_clone().ok()?, len: json.len() };
    let checked = Checked { cache: cache.to_vec(), json, stamp: None, contacts, interactions, body_hash };
    checked.network(places).ok()
}

/// Calls `each` on every record of the list in `part` (a count, then the records), and
/// gives back each record's span in `part`.
fn each_record(part: &[u8], mut each: impl FnMut(&mut Reader) -> io::Result<()>) -> io::Result<Vec<Range<usize>>> {
    let mut r = part;
    let n = u32::deserialize(&mut r)? as usize;
    // Every record takes at least 16 bytes; a count the rest cannot hold is corrupt.
    if n > r.len() / 16 {
        return Err(invalid("record count"));
    }
    let mut spans = Vec::with_capacity(n);
    for _ in 0..n {
        let start = part.len() - r.len();
        each(&mut r)?;
        spans.push(start..part.len() - r.len());
    }
    if !r.is_empty() {
        return Err(invalid("list length"));
    }
    Ok(spans)
}

/// Reads the list in `cache[part]`; with where each record's encoding sits in the
/// cache, when `spans`.
fn read_list<T>(
    cache: &[u8],
    part: Range<usize>,
    read: fn(&mut Reader) -> io::Result<T>,
    spans: bool,
) -> io::Result<(Vec<T>, Vec<Range<usize>>)> {
    let at = part.start;
    let mut r = &cache[part];
    let (items, spans) = records::read_all(&mut r, read, spans)?;
    if !r.is_empty() {
        return Err(invalid("list length"));
    }
    Ok((items, spans.into_iter().map(|s| at + s.start..at + s.end).collect()))
}

fn read_places(r: &mut Reader, encoded: Vec<Range<usize>>, json_len: usize) -> io::Result<Vec<Place>> {
    encoded
        .into_iter()
        .map(|encoded| {
            let (start, len) = <(u64, u64)>::deserialize(r)?;
            let (start, len) = (start as usize, len as usize);
            if start.checked_add(len).is_none_or(|end| end > json_len) {
                return Err(invalid("record place"));
            }
            Ok(Place { encoded, json: start..start + len })
        })
        .collect()
}
