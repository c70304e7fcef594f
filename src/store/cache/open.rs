//! Opening a cache: checking its header against the data file as the file is now, then
//! reading only the sections a command needs, each checked by its own hash: the whole
//! network; the index alone (`list`'s rows, read a piece at a time in `rows`); the
//! folded fields, then the records of those who mention the text (a search); or the
//! index, then the records one person needs, each checked by the hash the index keeps
//! of it (`show`).

use super::index::{self, At};
use super::open_part::IndexRead;
use super::pieces::{PIECE, Pieces};
use super::{HEADER, LAYOUT, MAGIC, NOTE_AT, SECTION_ENTRY, SECTIONS, SECTIONS_AT, Section, checked, invalid};
use super::{Json, Place, Places, Prior, Stamp, path_for, records};
use crate::model::text::Needle;
use crate::model::{Contact, Network};
use crate::store::part::{Finding, Found, Listing, Outline, Wanted, Whole};
use borsh::BorshDeserialize;
use records::Reader;
use std::fs::File;
use std::io;
use std::ops::Range;
use std::path::Path;
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

/// A cache made from exactly the bytes the data file has now: from this build's layout,
/// its header whole, and checked against the file (by the note that it was checked, or
/// by hashing it). Its sections are checked as they are read.
pub(in crate::store) struct Checked {
    pub(super) file: File,
    pub(super) json: Json,
    stamp: Option<Stamp>,
    /// Where each section lies in the cache file, and its hash.
    pub(super) sections: [(Range<usize>, u128); SECTIONS.len()],
}

/// How many bytes of records a search reads at a time (see `Checked::contacts_at`).
const RUN: usize = 128 << 10;

/// What a save needs to copy unchanged records: where they are in the JSON and the
/// cache's bytes.
pub(in crate::store) type Copyable = (Places, Vec<u8>);

/// What a cache that cannot be used gives back: the data file, to be parsed, and what it
/// looked like before it was read.
pub(in crate::store) type Unused = (File, Option<Stamp>);

/// The cache beside `data` if it holds the network in `json` (the data file, open).
pub(in crate::store) fn open(data: &Path, json: File) -> Result<Checked, Unused> {
    // Taken before the cache is checked against the bytes: a write after this changes it.
    let stamp = Stamp::of(data);
    let Ok(len) = json.metadata().map(|m| m.len() as usize) else { return Err((json, stamp)) };
    let json = Json { file: json, len };
    let cache = match crate::store::open_regular(&path_for(data), false) {
        Ok(cache) => cache,
        Err(_) => return Err((json.file, stamp)),
    };
    match check(cache, &json, stamp.as_ref()) {
        Some((file, sections, note)) => {
            if let Some(note) = note {
                // Best effort: a cache that cannot take the note is only hashed again.
                let _ = write_note(&path_for(data), &note);
            }
            Ok(Checked { file, json, stamp, sections })
        }
        None => Err((json.file, stamp)),
    }
}

/// What `read` makes of the cache beside `data`, with the cache for what follows; or
/// the data file, to be parsed, when there is no cache that holds its network or the
/// cache's sections do not read.
pub(in crate::store) fn read_with<T>(
    data: &Path,
    json: File,
    read: impl FnOnce(&Checked) -> io::Result<T>,
) -> Result<(T, Checked), Unused> {
    let checked = open(data, json)?;
    match read(&checked) {
        Ok(value) => Ok((value, checked)),
        Err(_) => Err(checked.unused()),
    }
}

/// The cache file and where its sections lie, when its header fits `json`; with a new
/// note that the file was checked, when it was hashed now and has settled.
type Fit = (File, [(Range<usize>, u128); SECTIONS.len()], Option<[u8; checked::SIZE]>);

fn check(cache: File, json: &Json, stamp: Option<&Stamp>) -> Option<Fit> {
    let len = cache.metadata().ok()?.len() as usize;
    let mut header = [0; HEADER];
    read_at(&cache, &mut header, 0).ok()?;
    let field = |at: usize, len: usize| &header[at..at + len];
    let u64_at = |at: usize| u64::from_le_bytes(field(at, 8).try_into().unwrap_or_default()) as usize;
    let u128_at = |at: usize| u128::from_le_bytes(field(at, 16).try_into().unwrap_or_default());
    if field(0, 8) != MAGIC || field(8, 16) != LAYOUT || u64_at(24) != json.len() || u64_at(48) != len {
        return None;
    }
    // The sections follow the header and one another, and end where the file does.
    let mut sections: [(Range<usize>, u128); SECTIONS.len()] = Default::default();
    let mut end = HEADER;
    for (n, section) in sections.iter_mut().enumerate() {
        let at = SECTIONS_AT + n * SECTION_ENTRY;
        let (start, size) = (u64_at(at), u64_at(at + 8));
        if start != end || start.checked_add(size).is_none_or(|e| e > len) {
            return None;
        }
        end = start + size;
        *section = (start..end, u128_at(at + 16));
    }
    if end != len {
        return None;
    }
    let json_hash = u128_at(32);
    if checked::vouches(field(NOTE_AT, checked::SIZE), stamp, json_hash) {
        return Some((cache, sections, None));
    }
    if json.fingerprint().ok()? != json_hash {
        return None;
    }
    let note = checked::note(stamp, json_hash, std::time::SystemTime::now());
    Some((cache, sections, note.iter().any(|&b| b != 0).then_some(note)))
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

pub(super) fn read_at(file: &File, buf: &mut [u8], at: usize) -> io::Result<()> {
    super::fingerprint::read_at(file, buf, at as u64)
}

impl Checked {
    /// A section's bytes, when they hash to what the header says.
    fn read(&self, section: Section) -> io::Result<Vec<u8>> {
        let range = &self.sections[section as usize].0;
        let mut bytes = vec![0; range.len()];
        read_at(&self.file, &mut bytes, range.start)?;
        self.whole(section, &bytes)?;
        Ok(bytes)
    }

    /// Whether `bytes` are the section the header vouches for.
    pub(super) fn whole(&self, section: Section, bytes: &[u8]) -> io::Result<()> {
        match xxh3_128(bytes) == self.sections[section as usize].1 {
            true => Ok(()),
            false => Err(invalid("section hash")),
        }
    }

    /// The whole network; with the cache's bytes and where its records sit in the JSON,
    /// when `for_save` and the cache knows (for `prior`).
    pub(in crate::store) fn network(&self, for_save: bool) -> io::Result<(Network, Option<Copyable>)> {
        // All of the file at once: a save copies records from it. Each list is checked and
        // read on a thread of its own.
        let end = self.sections[Section::Tail as usize].0.end;
        let mut cache = vec![0; end];
        read_at(&self.file, &mut cache, 0)?;
        let (contacts, interactions) = std::thread::scope(|s| {
            let other = s.spawn(|| self.list(&cache, Section::Interactions, records::read_interaction, for_save));
            let contacts = self.list(&cache, Section::Contacts, records::read_contact, for_save);
            (contacts, other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
        });
        let ((contacts, contact_spans), (interactions, interaction_spans)) = (contacts?, interactions?);
        let tail = &cache[self.sections[Section::Tail as usize].0.clone()];
        self.whole(Section::Tail, tail)?;
        let mut r = tail;
        let rest = String::deserialize(&mut r)?;
        // Only a save needs the places, which take the rest of the tail.
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
        Ok((net, places.map(|p| (p, cache))))
    }

    /// The list in `section` of the cache's bytes, once the section's hash is checked;
    /// with where each record's encoding sits in the cache, when `spans`.
    fn list<T>(
        &self,
        cache: &[u8],
        section: Section,
        read: fn(&mut Reader) -> io::Result<T>,
        spans: bool,
    ) -> io::Result<(Vec<T>, Vec<Range<usize>>)> {
        let range = self.sections[section as usize].0.clone();
        let (at, bytes) = (range.start, &cache[range]);
        self.whole(section, bytes)?;
        let mut r = bytes;
        let (items, spans) = records::read_all(&mut r, read, spans)?;
        if !r.is_empty() {
            return Err(invalid("list length"));
        }
        Ok((items, spans.into_iter().map(|s| at + s.start..at + s.end).collect()))
    }

    /// What a save needs to copy the records at `places` from the file read (`cache`).
    pub(in crate::store) fn prior(self, (places, cache): Copyable) -> Prior {
        Prior::new(self.json, self.stamp, cache, places)
    }

    /// The data file, to be parsed after all: for a cache whose body does not read.
    pub(in crate::store) fn unused(self) -> Unused {
        (self.json.file, self.stamp)
    }

    /// The index's contacts' section whole, whose rows (`index::read_rows`) a plain
    /// `list` reads a piece at a time instead (`Checked::rows`) unless it needs them all
    /// at once.
    pub(in crate::store) fn index(&self) -> io::Result<Vec<u8>> {
        self.read(Section::Index)
    }

    /// The contacts `listing` asks for, whole, and the day each was last talked to, from
    /// the index and the contacts' records: every record, or for a search only those of
    /// the contacts whose folded fields mention the text (`mentioning`).
    pub(in crate::store) fn found(&self, listing: Listing) -> io::Result<Found> {
        let (indexed, lasts) = index::read_places(&self.read(Section::Places)?)?;
        let total = indexed.len();
        let (places, last) = match listing {
            Listing::Whole => (indexed, lasts),
            Listing::Mentioning(needle) => {
                let found = self.mentioning(needle, total)?;
                let places = found.iter().map(|&n| indexed[n].clone()).collect();
                (places, found.iter().map(|&n| lasts.get(n).copied().flatten()).collect())
            }
        };
        // The records are read in two halves, one on each thread, the first half's list
        // with room for them all. Both buffers are made here, beside each other: a thread
        // that allocated its own would take memory of its own from the allocator.
        let half = places.len() / 2;
        let (mut buf_1, mut buf_2) = (Vec::with_capacity(RUN), Vec::with_capacity(RUN));
        let (first, second) = std::thread::scope(|s| {
            let second = s.spawn(|| self.contacts_at(&places[half..], 0, &mut buf_2));
            (
                self.contacts_at(&places[..half], places.len(), &mut buf_1),
                second.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            )
        });
        let (mut contacts, second) = (first?, second?);
        contacts.extend(second);
        Ok(Found { contacts, total, last })
    }

    /// Which of the `count` contacts mention `needle`, by their folded fields (see
    /// `index::write_folded`), in order: the section is read a piece at a time and
    /// checked by its hash once read.
    fn mentioning(&self, needle: &Needle, count: usize) -> io::Result<Vec<usize>> {
        let (range, expected) = &self.sections[Section::Folded as usize];
        let mut pieces = Pieces::new(self, range.clone(), PIECE, Some(Xxh3::new()));
        if pieces.next(u32::deserialize)? as usize != count {
            return Err(invalid("folded count"));
        }
        let mut found = Vec::new();
        for n in 0..count {
            let mentions = pieces.next(|r| {
                let len = u32::deserialize(r)? as usize;
                Ok(needle.in_folded(super::fields::take(r, len)?))
            })?;
            if mentions {
                found.push(n);
            }
        }
        if !pieces.at_end()? || pieces.hash_on(range.end)? != *expected {
            return Err(invalid("folded fields"));
        }
        Ok(found)
    }

    /// The contacts whose records the index `entries` place, in their order, with room
    /// for `room` of them. The records pass through a small buffer, a run of them at a
    /// time, each checked by the hash the index keeps of it: the whole section, held at
    /// once, would be megabytes of memory (fifty at a hundred thousand people) touched
    /// once and dropped.
    fn contacts_at(&self, entries: &[index::At], room: usize, buf: &mut Vec<u8>) -> io::Result<Vec<Contact>> {
        let within = &self.sections[Section::Contacts as usize].0;
        let mut contacts = Vec::with_capacity(room);
        let mut n = 0;
        while let Some(first) = entries.get(n) {
            // The records from `n` that end within a run of the first's start (at least one).
            let start = first.range().start;
            let count =
                1 + entries[n + 1..].iter().take_while(|at| at.range().end.saturating_sub(start) <= RUN).count();
            let end = entries[n..n + count].iter().map(|at| at.range().end).max().unwrap_or(start);
            // Never more than the section holds, whatever the index says.
            if end > within.len() || entries[n..n + count].iter().any(|at| at.range().start < start) {
                return Err(invalid("record place"));
            }
            buf.resize(end - start, 0);
            read_at(&self.file, buf, within.start + start)?;
            for at in &entries[n..n + count] {
                let range = at.range();
                let mut r = at.check(&buf[range.start - start..range.end - start])?;
                contacts.push(records::read_contact(&mut r)?);
                if !r.is_empty() {
                    return Err(invalid("record length"));
                }
            }
            n += count;
        }
        Ok(contacts)
    }

    /// The network in outline (see `Outline`), from the index and the tail, as read to
    /// show.
    #[cfg(test)]
    pub(in crate::store) fn outline(&self) -> io::Result<Outline> {
        self.outline_for(Finding::ByName)
    }

    /// The network in outline, with everyone's emails when people are found by them.
    pub(in crate::store) fn outline_for(&self, finding: Finding) -> io::Result<Outline> {
        self.outline_with(finding == Finding::ByNameOrEmail).map(|(outline, _)| outline)
    }

    /// The network in outline, with the index as read when `keep` (a save of a part
    /// copies the entries of the records it did not decode: see `kept`).
    pub(super) fn outline_with(&self, keep: bool) -> io::Result<(Outline, Option<IndexRead>)> {
        let (contacts, interactions) = std::thread::scope(|s| {
            let other = s.spawn(|| self.read(Section::People).and_then(index::People::read));
            (self.heads(keep), other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
        });
        let (interactions, (heads, places, read)) = (interactions?, contacts?);
        if heads.len() != places.len() {
            return Err(invalid("index count"));
        }
        let tail = self.read(Section::Tail)?;
        let rest: Network = serde_json::from_str(&String::deserialize(&mut &tail[..])?)?;
        Ok((Outline { rest, heads, whole: Whole::Cached { contacts: places, interactions } }, read))
    }

    /// Every contact's head and where their record lies, and the index as read when
    /// `keep`: a change looks people up by email too, and its save copies the index's
    /// entries; finding someone to show needs only their heads and places.
    fn heads(&self, keep: bool) -> io::Result<Heads> {
        if !keep {
            let heads = index::read_heads(&self.read(Section::Heads)?)?;
            let (places, _) = index::read_places(&self.read(Section::Places)?)?;
            return Ok((heads, places, None));
        }
        let index = self.read(Section::Index)?;
        let (heads, entries) = index::read_contacts(&index)?;
        let n = entries.len();
        let (mut places, mut rows, mut lasts) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
        for entry in entries {
            places.push(entry.at);
            rows.push(entry.row);
            lasts.push(entry.last);
        }
        Ok((heads, places, Some(IndexRead { index, rows, lasts })))
    }

    /// The network with the records `wanted` of the outline read whole, and only those:
    /// each read alone, and checked by the hash the index keeps of it.
    pub(in crate::store) fn slice(&self, outline: Outline, wanted: &Wanted) -> io::Result<Network> {
        let Whole::Cached { contacts: contact_places, interactions: interaction_places } = &outline.whole else {
            return Ok(outline.taken(wanted));
        };
        let record = |section: Section, at: io::Result<At>| -> io::Result<Vec<u8>> {
            let at = at?;
            let (range, within) = (at.range(), &self.sections[section as usize].0);
            // Never more than the section holds, whatever the index says.
            if range.end > within.len() {
                return Err(invalid("record place"));
            }
            let mut bytes = vec![0; range.len()];
            read_at(&self.file, &mut bytes, within.start + range.start)?;
            at.check(&bytes)?;
            Ok(bytes)
        };
        let picked_contacts = wanted
            .contacts()
            .iter()
            .map(|&n| {
                let at = contact_places.get(n).cloned().ok_or_else(|| invalid("record"));
                records::read_contact(&mut &record(Section::Contacts, at)?[..])
            })
            .collect::<io::Result<_>>()?;
        let picked_interactions = wanted
            .interactions()
            .iter()
            .map(|&n| records::read_interaction(&mut &record(Section::Interactions, interaction_places.at(n))?[..]))
            .collect::<io::Result<_>>()?;
        let mut net = outline.rest;
        net.contacts = picked_contacts;
        net.interactions = picked_interactions;
        Ok(net)
    }
}

/// Every contact's head and record place, with the index as read when it was read to
/// change (see `Checked::heads`).
type Heads = (Vec<crate::model::head::Head>, Vec<At>, Option<IndexRead>);

/// The network a cache holds for the data file `json`, if it can be used; with the
/// records' places when `places` is asked for and the cache has them.
#[cfg(test)]
pub(super) fn decode(cache: &[u8], json: &Json, places: bool) -> Option<(Network, Option<Places>)> {
    let mut file = tempfile::tempfile().ok()?;
    io::Write::write_all(&mut file, cache).ok()?;
    let json = Json { file: json.file.try_clone().ok()?, len: json.len() };
    let checked = checked_from(file, json)?;
    checked.network(places).ok().map(|(net, prior)| (net, prior.map(|(places, _)| places)))
}

/// The cache in `file`, checked against the data file `json` (no stamp, so hashed).
#[cfg(test)]
pub(super) fn checked_from(file: File, json: Json) -> Option<Checked> {
    let (file, sections, _) = check(file, &json, None)?;
    Some(Checked { file, json, stamp: None, sections })
}

pub(super) fn read_places(r: &mut Reader, encoded: Vec<Range<usize>>, json_len: usize) -> io::Result<Vec<Place>> {
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
