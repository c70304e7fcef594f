//! A binary copy of the network beside the data file, so commands need not parse the
//! JSON, read only what they show, and saves need not write every record's JSON again.
//!
//! The JSON file stays the one source of truth. The cache is derived from it, never
//! backed up, and safe to delete. It records the length and 128-bit fingerprint
//! (`fingerprint`) of the exact JSON bytes it was made from, and is used only while the
//! data file still has those bytes: an edit by hand, a sync from another machine or a
//! restored backup is always seen (a note in the header spares hashing a file that has
//! not changed since it was last checked: `checked`). It also records the layout
//! fingerprint of the build that wrote it (build.rs) and a hash of each of its
//! sections, so a cache from other code, or a torn or damaged one, is ignored. Anything
//! wrong with a cache means "parse the JSON", never an error.
//!
//! Contacts and interactions, nearly all of a network's bytes, are kept in a binary
//! layout (`records`); everything else is kept as compact JSON. A cache written by a
//! save also knows where each of those records sits in the JSON, so the next save copies
//! the JSON of every record that did not change (`render`), and its new cache takes
//! those records' bytes from this one (`encoded`). An index (`index`) lets a command
//! read a listing's rows, or one person's records, without the rest (`open`).
//!
//! The sections, after the header, in the order of `Section`: contacts, interactions
//! (each a count and records); the rest as JSON text, then either 0, or 1 and each
//! record's place in the JSON (its byte offset and length); the index of contacts; the
//! index of interactions; each contact's record's place and last talk alone, all a
//! search reads of the index; each contact's head, all finding someone reads; and each
//! contact's searched fields folded, which a search scans before reading any record.

mod checked;
mod encoded;
mod fields;
mod fingerprint;
mod index;
#[cfg(test)]
mod index_tests;
mod kept;
#[cfg(test)]
mod kept_tests;
mod open;
mod open_part;
mod pieces;
mod records;
mod render;
mod rows;
#[cfg(test)]
mod tests;

pub(super) use index::{At as RecordAt, People, read_rows};
pub(super) use kept::Kept;
pub(super) use open::{Checked, Unused, open, read_with};
pub(super) use render::render;

use crate::model::{Contact, Interaction, Network};
use borsh::BorshSerialize;
use encoded::Encoded;
use kept::List;
use std::io::{self, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::Xxh3;

const MAGIC: &[u8; 8] = b"JJCACHE\x03";
/// The fingerprint of the code that lays records out (see build.rs): 16 hex digits.
const LAYOUT: &[u8] = env!("JEJARING_CACHE_LAYOUT").as_bytes();
/// Where the note that the data file was checked (`checked`) starts: after the magic,
/// layout, JSON length and hash, and the cache's own length.
const NOTE_AT: usize = 8 + 16 + 8 + 16 + 8;
/// Where the table of sections starts: each section's start, length and hash.
const SECTIONS_AT: usize = NOTE_AT + checked::SIZE;
const SECTION_ENTRY: usize = 8 + 8 + 16;
/// The header: all of the above. The sections follow, in the order of `Section`.
const HEADER: usize = SECTIONS_AT + SECTION_COUNT * SECTION_ENTRY;

/// The parts of a cache, each read on its own and checked by its own hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    /// The contacts' records (a count, then the records).
    Contacts,
    /// The interactions' records.
    Interactions,
    /// Everything else as JSON text; then 0, or 1 and each record's place in the JSON.
    Tail,
    /// Each contact's row, last talk and record's place (`index`).
    Index,
    /// Each interaction's people and record's place (`index`).
    People,
    /// Each contact's record's place and last talk alone (`index`): what a search reads
    /// of the index, a tenth of `Index`.
    Places,
    /// Each contact's head (`index`): what finding someone reads of the index.
    Heads,
    /// Each contact's searched fields, folded (`index`): what a search scans.
    Folded,
}

const SECTION_COUNT: usize = 8;
const SECTIONS: [Section; SECTION_COUNT] = [
    Section::Contacts,
    Section::Interactions,
    Section::Tail,
    Section::Index,
    Section::People,
    Section::Places,
    Section::Heads,
    Section::Folded,
];

/// How much of the data file is read, or of its JSON written, at a time: as big as the
/// write buffer, so a copied chunk goes straight to the file instead of through it.
const CHUNK: usize = 1 << 20;

/// The cache file that belongs to a data file.
pub fn path_for(data: &Path) -> PathBuf {
    let mut name = data.file_name().unwrap_or_default().to_os_string();
    name.push(".cache");
    data.with_file_name(name)
}

/// What a save needs to reuse the JSON of unchanged records: the data file as read, the
/// cache's bytes, and where each record sits in both.
pub(super) struct Prior {
    json: Json,
    /// The data file as it was on disk when read: a save copies from it only while it
    /// has not been written since.
    stamp: Option<Stamp>,
    /// The hash `json` had when read (checked against the cache's header).
    json_hash: u128,
    cache: Vec<u8>,
    contacts: Vec<Place>,
    interactions: Vec<Place>,
}

/// Records' places, contacts then interactions.
pub(super) type Places = (Vec<Place>, Vec<Place>);

/// One record's place: the byte offsets of its encoding in the cache and of its JSON in
/// the data file.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Place {
    encoded: Range<usize>,
    json: Range<usize>,
}

impl Prior {
    /// A decoded cache and the JSON it was checked against.
    fn new(json: Json, stamp: Option<Stamp>, cache: Vec<u8>, (contacts, interactions): Places) -> Prior {
        // decode checked the file against this hash, kept in the header.
        let json_hash = u128::from_le_bytes(cache[32..48].try_into().unwrap_or_default());
        Prior { json, stamp, json_hash, cache, contacts, interactions }
    }

    /// Whether the data file is still the one read (not written since, in place or by a
    /// rename), so its records' JSON can be copied.
    pub(super) fn is_current(&self, data: &Path) -> bool {
        let Some(stamp) = &self.stamp else { return false };
        let Some(now) = Stamp::of(data) else { return false };
        // Another file in its place (renamed over it), or one of another length.
        if !now.same_file(stamp) {
            return false;
        }
        // A write within one tick of the file system's clock can leave the stamp as it
        // was ("racily clean", as git calls it): a file written in the last two seconds
        // is checked byte for byte. So is the same file touched since (a new time, a new
        // link to it from a backup tool): its bytes, read through the handle still open
        // on it, tell whether it was written.
        let settled = stamp.modified.and_then(|m| m.elapsed().ok()).is_some_and(|age| age.as_secs() >= 2);
        (settled && now == *stamp) || self.json.fingerprint().ok() == Some(self.json_hash)
    }

    /// Takes the stamp again, as if the file had not been written since it was read.
    #[cfg(test)]
    pub(super) fn pretend_stamped_now(&mut self, data: &Path) {
        self.stamp = Stamp::of(data);
    }

    fn encoded(&self, place: &Place) -> &[u8] {
        &self.cache[place.encoded.clone()]
    }
}

/// The data file a cache was checked against. It is read in pieces when needed rather
/// than mapped, so its bytes never count against the process's memory.
pub(super) struct Json {
    file: std::fs::File,
    len: usize,
}

impl Json {
    fn len(&self) -> usize {
        self.len
    }

    /// Hands the bytes of `range` to `each`, a chunk at a time.
    fn read(&self, range: Range<usize>, mut each: impl FnMut(&[u8]) -> io::Result<()>) -> io::Result<()> {
        let mut chunk = vec![0; range.len().min(CHUNK)];
        let mut at = range.start;
        while at < range.end {
            let n = (range.end - at).min(chunk.len());
            fingerprint::read_at(&self.file, &mut chunk[..n], at as u64)?;
            each(&chunk[..n])?;
            at += n;
        }
        Ok(())
    }

    fn pieces(&self) -> usize {
        fingerprint::pieces(self.len())
    }

    /// The hashes of the fingerprint's pieces `which`.
    fn piece_hashes(&self, which: Range<usize>) -> io::Result<Vec<u128>> {
        fingerprint::hash_pieces(&self.file, self.len, which)
    }

    /// The file's fingerprint, half of it hashed on another thread.
    fn fingerprint(&self) -> io::Result<u128> {
        let (n, half) = (self.pieces(), self.pieces() / 2);
        let (first, second) = std::thread::scope(|s| {
            let other = s.spawn(|| self.piece_hashes(half..n));
            (self.piece_hashes(0..half), other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
        });
        let mut hashes = first?;
        hashes.extend(second?);
        Ok(fingerprint::combine(&hashes))
    }
}

/// What a file looks like on disk: enough to tell that it was written since.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    /// The modification time as the file system keeps it: seconds and nanoseconds.
    #[cfg(unix)]
    modified_raw: (i64, i64),
    /// Device, inode and change time: a rename or any write changes them.
    #[cfg(unix)]
    inode: (u64, u64, i64, i64),
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let m = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        Some(Stamp {
            len: m.len(),
            modified: m.modified().ok(),
            #[cfg(unix)]
            modified_raw: (m.mtime(), m.mtime_nsec()),
            #[cfg(unix)]
            inode: (m.dev(), m.ino(), m.ctime(), m.ctime_nsec()),
        })
    }

    /// Whether both stamps are of the same file at the same length: on Unix, the same
    /// device and inode (the handle opened on it still reads what the path names).
    fn same_file(&self, other: &Stamp) -> bool {
        #[cfg(unix)]
        let same_inode = self.inode.0 == other.inode.0 && self.inode.1 == other.inode.1;
        #[cfg(not(unix))]
        let same_inode = self == other;
        same_inode && self.len == other.len
    }

    /// When the file was last changed in any way (its ctime), where the platform says.
    fn changed(&self) -> Option<std::time::SystemTime> {
        #[cfg(unix)]
        {
            let (_, _, secs, nanos) = self.inode;
            let secs = u64::try_from(secs).ok()?;
            Some(std::time::SystemTime::UNIX_EPOCH + std::time::Duration::new(secs, u32::try_from(nanos).ok()?))
        }
        #[cfg(not(unix))]
        None
    }
}

/// The two lists a cache is written for, and what a part kept of the cache read.
type Lists<'a> = (&'a List<'a, Contact>, &'a List<'a, Interaction>, Option<&'a Kept>);

/// A cache file's bytes, in the pieces they come from: the records of each list are in
/// their `Encoded`, many of them in the previous cache, and are written from there
/// rather than joined into one buffer first.
pub(super) struct CacheFile<'p> {
    head: Vec<u8>,
    /// Contacts and interactions.
    lists: [Encoded<'p>; 2],
    /// The tail and the index's sections, in the order of `Section`.
    rest: [Vec<u8>; 6],
}

impl<'p> CacheFile<'p> {
    /// A cache of `net`, whose lists are encoded in `lists` and the rest in `tail`,
    /// made from JSON of this length and hash.
    fn seal(
        net: &Network,
        (contacts, interactions, kept): Lists<'_>,
        lists: [Encoded<'p>; 2],
        tail: Vec<u8>,
        (json_len, json_hash): (usize, u128),
        note: [u8; checked::SIZE],
    ) -> io::Result<CacheFile<'p>> {
        // Each list is hashed, and its part of the index written, on a thread of its own;
        // the contacts' folded fields on a third.
        let list_hash = |list: &Encoded| {
            let mut hash = Xxh3::new();
            list.pieces().for_each(|p| hash.update(p));
            hash.digest128()
        };
        let ((index, contacts_hash), (people, interactions_hash), folded) = std::thread::scope(|s| {
            let other = s.spawn(|| (index::write_people(interactions, &lists[1], kept), list_hash(&lists[1])));
            let folded = s.spawn(|| index::write_folded(&lists[0]));
            let contacts = (index::write_contacts(net, contacts, &lists[0], kept), list_hash(&lists[0]));
            (
                contacts,
                other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                folded.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            )
        });
        let index::Contacts { index, places, heads } = index?;
        let rest = [tail, index, people?, places, heads, folded?];
        let mut table = Vec::with_capacity(SECTION_COUNT * SECTION_ENTRY);
        let mut at = HEADER as u64;
        for section in SECTIONS {
            let (len, hash) = match section {
                Section::Contacts => (lists[0].len(), contacts_hash),
                Section::Interactions => (lists[1].len(), interactions_hash),
                _ => {
                    let bytes = &rest[section as usize - 2];
                    (bytes.len(), xxhash_rust::xxh3::xxh3_128(bytes))
                }
            };
            table.extend_from_slice(&at.to_le_bytes());
            table.extend_from_slice(&(len as u64).to_le_bytes());
            table.extend_from_slice(&hash.to_le_bytes());
            at += len as u64;
        }
        let head = [
            &MAGIC[..],
            LAYOUT,
            &(json_len as u64).to_le_bytes(),
            &json_hash.to_le_bytes(),
            &at.to_le_bytes(),
            &note,
            &table,
        ]
        .concat();
        Ok(CacheFile { head, lists, rest })
    }

    /// The file's bytes in order, in pieces.
    fn pieces(&self) -> impl Iterator<Item = &[u8]> {
        std::iter::once(&self.head[..])
            .chain(self.lists.iter().flat_map(Encoded::pieces))
            .chain(self.rest.iter().map(Vec::as_slice))
    }

    /// Writes the cache beside `data`, whole or not at all: to a temp file beside,
    /// renamed into place. It is not fsynced: after a crash the section hashes find a damaged
    /// cache, and the JSON is read.
    pub(super) fn write(&self, data: &Path) -> io::Result<()> {
        let path = path_for(data);
        let mut prefix = std::ffi::OsString::from(".");
        prefix.push(path.file_name().unwrap_or_default());
        prefix.push(".");
        // A new temp file is readable by its owner only, like the data file.
        let mut temp = tempfile::Builder::new().prefix(&prefix).tempfile_in(super::parent(data))?;
        // Changed records between unchanged ones make many small pieces.
        let mut out = io::BufWriter::with_capacity(CHUNK, &mut temp);
        self.pieces().try_for_each(|p| out.write_all(p))?;
        out.into_inner().map_err(io::IntoInnerError::into_error)?;
        temp.persist(&path).map_err(|e| e.error)?;
        Ok(())
    }

    #[cfg(test)]
    fn to_bytes(&self) -> Vec<u8> {
        self.pieces().collect::<Vec<_>>().concat()
    }
}

/// Encodes both lists at once, the interactions on another thread, with no previous
/// cache to match them against. A list's encoding is shorter than the pretty JSON the
/// network was read from (`json_len` bytes), so room for that much is never outgrown.
fn encode_lists(net: &Network, json_len: usize) -> io::Result<[Encoded<'static>; 2]> {
    let (contacts, interactions) = std::thread::scope(|s| {
        let other =
            s.spawn(|| Encoded::new(&List::whole(&net.interactions), records::write_interaction, None, json_len));
        let contacts = Encoded::new(&List::whole(&net.contacts), records::write_contact, None, json_len);
        (contacts, other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    });
    Ok([contacts?, interactions?])
}

/// The cache for `net`, read from `json` (records' places in it unknown), which the data
/// file had while it looked like `stamp` (then noted as checked, when it still does).
pub(super) fn encode(
    json: &[u8],
    net: &mut Network,
    stamp: Option<&Stamp>,
    data: &Path,
) -> io::Result<CacheFile<'static>> {
    let lists = encode_lists(net, json.len())?;
    let mut tail = Vec::new();
    write_rest(net, &mut tail)?;
    0u8.serialize(&mut tail)?;
    let json_hash = fingerprint::of(json);
    let unchanged = stamp.is_some() && Stamp::of(data).as_ref() == stamp;
    let note = checked::note(stamp.filter(|_| unchanged), json_hash, std::time::SystemTime::now());
    let listed = (&List::whole(&net.contacts), &List::whole(&net.interactions), None);
    CacheFile::seal(net, listed, lists, tail, (json.len(), json_hash), note)
}

/// Everything but contacts and interactions, as compact JSON.
fn write_rest(net: &mut Network, tail: &mut Vec<u8>) -> io::Result<()> {
    without_lists(net, serde_json::to_string)?.serialize(tail)
}

/// Runs `f` on the network without its two big lists, which are put back after (so
/// before anything `f` returns can fail).
fn without_lists<T>(net: &mut Network, f: impl FnOnce(&Network) -> T) -> T {
    let contacts = std::mem::take(&mut net.contacts);
    let interactions = std::mem::take(&mut net.interactions);
    let result = f(net);
    net.contacts = contacts;
    net.interactions = interactions;
    result
}

fn invalid(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("cache: {what}"))
}
