//! The cache's index: five sections derived from the two lists whenever a cache is
//! written, so a command that shows a few columns, or one person, or those who mention
//! some text, reads them instead of every record.
//!
//! - For each contact: what a row of `list` shows, filters on or sorts by (the fields
//!   `write_listed` writes), the day of the last conversation with them, and
//!   where their record lies.
//! - For each interaction: who was in it, and where its record lies.
//! - For each contact again: where their record lies and the last talk alone (a tenth
//!   of the first); their head (id, handle, name, organisation), all that finding
//!   someone needs; and the fields a search looks in, folded, which a search scans
//!   before it reads only the records it found.
//!
//! Where a record lies comes with a hash of its bytes, checked when it is read alone, as
//! a section's hash is checked when the section is read.

use super::encoded::Encoded;
use super::fields::*;
use super::kept::{Item, Kept, List};
use super::records::{Reader, fold_record};
use crate::model::head::Head;
use crate::model::listed::Listed;
use crate::model::text::Haystack;
use crate::model::{Circle, Stage};
use crate::model::{Contact, Interaction, Network};
use borsh::{BorshDeserialize, BorshSerialize};
use chrono::NaiveDate;
use std::borrow::Cow;
use std::io;
use std::ops::Range;
use uuid::Uuid;
use xxhash_rust::xxh3::xxh3_64;

/// Where a record lies in its list's section, and the hash of its bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct At {
    start: u32,
    len: u32,
    hash: u64,
}

impl At {
    /// The bytes an entry's place takes in the index.
    pub const SIZE: usize = 16;

    /// The record's bytes as read, when they are the ones indexed.
    pub fn check<'a>(&self, bytes: &'a [u8]) -> io::Result<&'a [u8]> {
        match bytes.len() == self.len as usize && xxh3_64(bytes) == self.hash {
            true => Ok(bytes),
            false => Err(invalid("indexed record")),
        }
    }

    /// Where the record lies, counted from the start of its list's section.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.start as usize + self.len as usize
    }

    fn write(&self, w: &mut Vec<u8>) -> io::Result<()> {
        (self.start, self.len, self.hash).serialize(w)
    }

    fn read(r: &mut Reader) -> io::Result<At> {
        let (start, len, hash) = <(u32, u32, u64)>::deserialize(r)?;
        Ok(At { start, len, hash })
    }
}

/// Where each record of `list` lies in its section (after the section's count) with its
/// hash.
fn places<'a>(list: &'a Encoded<'_>) -> impl Iterator<Item = io::Result<At>> + 'a {
    let mut start = 4usize;
    list.records().map(move |bytes| {
        let at = At {
            start: u32::try_from(start).map_err(|_| invalid("list size"))?,
            len: u32::try_from(bytes.len()).map_err(|_| invalid("record size"))?,
            hash: xxh3_64(bytes),
        };
        start += bytes.len();
        Ok(at)
    })
}

/// The contacts' sections of the index, for the contacts of `net` as `contacts` lists
/// them (with those a part did not hold as `kept` has them), as `Contacts` has them.
pub fn write_contacts(
    net: &Network,
    contacts: &List<Contact>,
    list: &Encoded,
    kept: Option<&Kept>,
) -> io::Result<Contacts> {
    // The last talks the network holds: all of them, or in a part those it added.
    let fresh = net.last_contacted();
    let count = contacts.len();
    // The count, where the second half of the entries starts (so two threads can read
    // the halves; none are when there are none), then the entries.
    let mut w = Vec::with_capacity(count * 96);
    (count as u32, 0u32).serialize(&mut w)?;
    let mut places_section = Vec::with_capacity(4 + count * (At::SIZE + 5));
    (count as u32).serialize(&mut places_section)?;
    let mut heads = Vec::with_capacity(4 + count * 64);
    (count as u32).serialize(&mut heads)?;
    for (n, (item, at)) in contacts.iter().zip(places(list)).enumerate() {
        if n == count / 2 {
            let mid = u32::try_from(w.len()).map_err(|_| invalid("index size"))?;
            w[4..8].copy_from_slice(&mid.to_le_bytes());
        }
        let at = at?;
        at.write(&mut w)?;
        let row_at = w.len();
        let last = match (item, kept) {
            (Item::Held { record: c, was }, kept) => {
                write_listed(c, &mut w)?;
                match kept {
                    Some(kept) => kept.last(was, &c.id, &fresh),
                    None => fresh.get(&c.id).copied(),
                }
            }
            (Item::Kept(was), Some(kept)) => {
                let row = kept.row(was)?;
                w.extend_from_slice(row);
                kept.last(Some(was), &read_uuid(&mut &row[..])?, &fresh)
            }
            (Item::Kept(_), None) => return Err(invalid("a kept contact with no index read")),
        };
        // The head, as the row has it: written once, copied.
        write_head(&mut &w[row_at..], &mut heads)?;
        write_optional_day(&last, &mut w)?;
        at.write(&mut places_section)?;
        write_optional_day(&last, &mut places_section)?;
    }
    Ok(Contacts { index: w, places: places_section, heads })
}

/// Each contact's fields a search looks in, folded (`records::fold_record`), from their
/// records in `list`: their count, then each contact's length and bytes. Made from the
/// records' bytes, a part's save makes it as a whole save does.
pub fn write_folded(list: &Encoded) -> io::Result<Vec<u8>> {
    let mut w = vec![0; 4];
    let (mut count, mut hay) = (0u32, Haystack::default());
    for record in list.records() {
        fold_record(&mut &record[..], &mut hay)?;
        u32::try_from(hay.bytes().len()).map_err(|_| invalid("folded size"))?.serialize(&mut w)?;
        w.extend_from_slice(hay.bytes());
        count += 1;
    }
    w[..4].copy_from_slice(&count.to_le_bytes());
    Ok(w)
}

/// The index's sections about contacts (see `write_contacts`).
pub struct Contacts {
    /// Each contact's entry: where their record lies, their row (see `write_listed`) and
    /// the day of the last talk.
    pub index: Vec<u8>,
    /// The places and days alone: all a search needs.
    pub places: Vec<u8>,
    /// Each contact's head (id, handle, name, organisation): all finding someone needs.
    pub heads: Vec<u8>,
}

/// Writes the head of a row (see `write_listed`), as `read_heads` reads it.
fn write_head(row: &mut Reader, w: &mut Vec<u8>) -> io::Result<()> {
    let row = read_listed(row)?;
    write_uuid(&row.id, w);
    (&*row.handle, row.name, row.org).serialize(w)
}

/// Every contact's head, from the index's heads section (see `write_contacts`), in the
/// index's order.
pub fn read_heads(section: &[u8]) -> io::Result<Vec<Head>> {
    let mut r = section;
    let n = u32::deserialize(&mut r)? as usize;
    // Every head takes at least 16 + 4 + 4 + 1 bytes.
    if n > r.len() / 25 {
        return Err(invalid("index count"));
    }
    let mut heads = Vec::with_capacity(n);
    for _ in 0..n {
        let (id, handle, name) = (read_uuid(&mut r)?, read_str(&mut r)?, read_str(&mut r)?);
        heads.push(Head::new(id, handle, name, read_optional_str(&mut r)?, Vec::new()));
    }
    done(r, heads)
}

/// Where each contact's record lies, and the day of the last conversation with them, from
/// the index's places section (see `write_contacts`), in the index's order.
pub fn read_places(section: &[u8]) -> io::Result<(Vec<At>, Vec<Option<NaiveDate>>)> {
    let mut r = section;
    let n = u32::deserialize(&mut r)? as usize;
    if n > r.len() / (At::SIZE + 1) {
        return Err(invalid("index count"));
    }
    let (mut at, mut last) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for _ in 0..n {
        at.push(At::read(&mut r)?);
        last.push(read_optional_day(&mut r)?);
    }
    done(r, (at, last))
}

/// The interactions' section of the index (with those a part did not hold as `kept`
/// has them).
pub fn write_people(interactions: &List<Interaction>, list: &Encoded, kept: Option<&Kept>) -> io::Result<Vec<u8>> {
    let mut w = Vec::with_capacity(interactions.len() * 48);
    (interactions.len() as u32).serialize(&mut w)?;
    for (item, at) in interactions.iter().zip(places(list)) {
        at?.write(&mut w)?;
        match (item, kept) {
            (Item::Held { record: i, .. }, _) => {
                (i.contacts.len() as u32).serialize(&mut w)?;
                i.contacts.iter().for_each(|id| w.extend_from_slice(id.as_bytes()));
            }
            (Item::Kept(was), Some(kept)) => w.extend_from_slice(kept.people_of(was)?),
            (Item::Kept(_), None) => return Err(invalid("a kept interaction with no index read")),
        }
    }
    Ok(w)
}

/// One contact's entry in the index, beside their head: where their record lies, the day
/// of the last conversation with them, and where the entry's row lies in the section
/// (see `write_listed`).
#[derive(Clone, Debug, Default)]
pub struct Entry {
    pub at: At,
    pub last: Option<NaiveDate>,
    pub row: Range<usize>,
}

/// Every contact of the index: their heads with their emails, which a change looks
/// people up by too, and their entries, in the index's order.
pub fn read_contacts(section: &[u8]) -> io::Result<(Vec<Head>, Vec<Entry>)> {
    let n = count(section)?;
    let mut contacts = vec![Head::default(); n];
    let mut entries = vec![Entry::default(); n];
    read_halves(section, &mut contacts, &mut entries, |r, end, contact, entry| {
        let at = At::read(r)?;
        let start = end - r.len();
        let head = read_listed_head(r)?;
        if let Some(contact) = contact {
            *contact = head;
        }
        let row = start..end - r.len();
        *entry = Entry { at, last: read_optional_day(r)?, row };
        Ok(())
    })?;
    Ok((contacts, entries))
}

/// Every contact's row, borrowed from the section, and the day of the last conversation
/// with each, in the index's order: all a plain `list` shows (which reads them one at a
/// time, `Checked::rows`, unless it needs them all at once).
pub fn read_rows(section: &[u8]) -> io::Result<(Vec<Listed<'_>>, Vec<Option<NaiveDate>>)> {
    let n = count(section)?;
    let (mut rows, mut last) = (vec![Listed::blank(); n], vec![None; n]);
    read_halves(section, &mut rows, &mut last, |r, _, row, last| {
        let (listed, day) = read_row_entry(r)?;
        if let Some(row) = row {
            *row = listed;
        }
        *last = day;
        Ok(())
    })?;
    Ok((rows, last))
}

/// One contact's entry as a row of `list` sees it: their row, borrowed, and the day of
/// the last conversation with them (where their record lies is passed over).
pub fn read_row_entry<'a>(r: &mut Reader<'a>) -> io::Result<(Listed<'a>, Option<NaiveDate>)> {
    skip(r, At::SIZE)?;
    let row = read_listed(r)?;
    Ok((row, read_optional_day(r)?))
}

/// How many contacts the section holds. Every entry takes at least 16 bytes: a count the
/// section cannot hold is corrupt, and nothing is set aside for it.
fn count(section: &[u8]) -> io::Result<usize> {
    let n = u32::deserialize(&mut &section[..])? as usize;
    match n > section.len() / 16 {
        true => Err(invalid("index count")),
        false => Ok(n),
    }
}

/// Reads the section's entries in its two halves, a thread each, each straight into its
/// half of `each` (one item an entry) and of `rows` (one an entry, or none): a contact is
/// a few hundred bytes, and at ten thousand of them, moving lists from one allocation to
/// the next cost more memory touched than reading them. `read` reads one entry, given
/// where its half ends (so `end - r.len()` is where it is in the section).
fn read_halves<'s, R: Send, E: Send>(
    section: &'s [u8],
    rows: &mut [R],
    each: &mut [E],
    read: impl Fn(&mut Reader<'s>, usize, Option<&mut R>, &mut E) -> io::Result<()> + Sync,
) -> io::Result<()> {
    let (n, mid) = <(u32, u32)>::deserialize(&mut &section[..])?;
    let (half, mid) = (n as usize / 2, (mid as usize).max(8));
    let (Some(first), Some(second)) = (section.get(8..mid), section.get(mid..)) else {
        return Err(invalid("index halves"));
    };
    let (rows_1, rows_2) = rows.split_at_mut(half.min(rows.len()));
    let (each_1, each_2) = each.split_at_mut(half.min(each.len()));
    let read_half = |bytes: &'s [u8], end: usize, rows: &mut [R], each: &mut [E]| {
        let mut r = bytes;
        for (k, item) in each.iter_mut().enumerate() {
            read(&mut r, end, rows.get_mut(k), item)?;
        }
        done(r, ())
    };
    let (first, second) = std::thread::scope(|s| {
        let second = s.spawn(|| read_half(second, section.len(), rows_2, each_2));
        (read_half(first, mid, rows_1, each_1), second.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    });
    first.and(second)
}

/// The interactions' section of the index as read, with where each entry starts. Who was
/// in an interaction, and where its record lies, are read from the section when asked:
/// an outline holds the section once instead of lists made of it.
pub struct People {
    section: Vec<u8>,
    starts: Vec<u32>,
}

impl People {
    /// The section, every entry checked to lie whole within it.
    pub fn read(section: Vec<u8>) -> io::Result<People> {
        let mut r = &section[..];
        let n = u32::deserialize(&mut r)? as usize;
        if n > r.len() / 16 {
            return Err(invalid("index count"));
        }
        let mut starts = Vec::with_capacity(n);
        for _ in 0..n {
            starts.push(u32::try_from(section.len() - r.len()).map_err(|_| invalid("index size"))?);
            skip(&mut r, At::SIZE)?;
            let people = u32::deserialize(&mut r)? as usize;
            take(&mut r, people.checked_mul(16).ok_or_else(|| invalid("people"))?)?;
        }
        done(r, ())?;
        Ok(People { section, starts })
    }

    /// How many interactions the section holds.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Interaction `n`'s entry: where its record lies, then its people.
    fn entry(&self, n: usize) -> Option<&[u8]> {
        let start = *self.starts.get(n)? as usize;
        let end = self.starts.get(n + 1).map_or(self.section.len(), |&end| end as usize);
        self.section.get(start..end)
    }

    /// Where interaction `n`'s record lies.
    pub fn at(&self, n: usize) -> io::Result<At> {
        At::read(&mut self.entry(n).ok_or_else(|| invalid("interaction"))?)
    }

    /// Interaction `n`'s people as its entry has them: their count, then their ids.
    pub fn people_of(&self, n: usize) -> io::Result<&[u8]> {
        self.entry(n).and_then(|entry| entry.get(At::SIZE..)).ok_or_else(|| invalid("interaction"))
    }

    /// Who was in interaction `n` (nobody, for an interaction the section does not hold).
    pub fn ids(&self, n: usize) -> impl Iterator<Item = Uuid> + '_ {
        let people = self.people_of(n).unwrap_or_default();
        super::records::ids(people.get(4..).unwrap_or_default())
    }
}

/// A contact's row, for the index: what a row of `list` shows, filters on or sorts by:
/// id; handle, name, circle, stage, organisation and role, as texts checked together
/// (`write_texts`); meeting day, rhythm, snooze and when added (for the rhythm's due
/// day); then the emails, by which `add-contact` knows someone already there.
pub fn write_listed(c: &Contact, w: &mut Vec<u8>) -> io::Result<()> {
    let Contact { id, handle, name, circle, stage, org, role, met_on, every, snoozed_until, added, emails, .. } = c;
    write_uuid(id, w);
    let texts =
        [Some(handle.as_str()), Some(name), Some(circle.key()), Some(stage.key()), org.as_deref(), role.as_deref()];
    write_texts(texts, w)?;
    write_optional_day(met_on, w)?;
    write_cadence(every, w)?;
    write_optional_day(snoozed_until, w)?;
    write_instant(added, w)?;
    emails.serialize(w)
}

/// A contact's row (see `write_listed`), its text borrowed from the section.
pub fn read_listed<'a>(r: &mut Reader<'a>) -> io::Result<Listed<'a>> {
    let id = read_uuid(r)?;
    let [Some(handle), Some(name), Some(circle), Some(stage), org, role] = read_texts(r)? else {
        return Err(invalid("row"));
    };
    let (handle, circle, stage) = (Cow::Borrowed(handle), Circle::from_key(circle), Stage::from_key(stage));
    let (met_on, every, snoozed_until) = (read_optional_day(r)?, read_cadence(r)?, read_optional_day(r)?);
    let added = read_instant(r)?;
    skip_strs(r)?; // emails
    Ok(Listed { id, handle, name, circle, stage, org, role, met_on, every, snoozed_until, added })
}

/// From a row (see `write_listed`), the contact's head with their emails; the rest of
/// the row is passed over, unread.
fn read_listed_head(r: &mut Reader) -> io::Result<Head> {
    let id = read_uuid(r)?;
    let [Some(handle), Some(name), _circle, _stage, org, _role] = read_texts(r)? else {
        return Err(invalid("row"));
    };
    skip_optional(r, |r| skip(r, 4))?; // met_on
    skip_optional(r, |r| skip(r, 5))?; // every
    skip_optional(r, |r| skip(r, 4))?; // snoozed_until
    skip(r, 12)?; // added
    Ok(Head::new(id, handle, name, org, read_strings(r)?))
}

fn done<T>(rest: &[u8], out: T) -> io::Result<T> {
    match rest.is_empty() {
        true => Ok(out),
        false => Err(invalid("index length")),
    }
}
