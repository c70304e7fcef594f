//! A save of part of the network: the records a command changed or added are held
//! (decoded), and every other record is kept as the file read has it, never decoded.
//!
//! A command about one person (`log`, `promise new`, `add-contact`) reads the index, the
//! few contacts it needs whole and the small rest of the network (`Checked::part`). Its
//! save copies every other record's JSON from the file read and its encoding and index
//! entry from the cache read, as a save of the whole network copies the records that
//! did not change (`render`). So it writes the same bytes a save of the whole network
//! would, without decoding it.
//!
//! What a part may do: change the contacts it holds and add contacts and interactions
//! after them. It holds no interactions, so every interaction read is kept; a save
//! checks that the contacts it holds are still the ones read, in their places.

use super::invalid;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use std::io;
use std::ops::Range;
use uuid::Uuid;

/// One record of a list a save writes.
pub(super) enum Item<'a, T> {
    /// Decoded: `was` is its place in the file read, None for a record added.
    Held { record: &'a T, was: Option<usize> },
    /// The `n`th record of the file read, unchanged and not decoded.
    Kept(usize),
}

/// A list as a save writes it: the records a network holds, with those of the file read
/// that a part did not hold kept in their places.
pub(super) struct List<'a, T> {
    held: &'a [T],
    /// The places in the file read of the first records of `held` (the rest were added),
    /// and how many records the file read has; None when `held` is the whole list.
    part: Option<(&'a [usize], usize)>,
}

impl<'a, T> List<'a, T> {
    /// A list held whole.
    pub(super) fn whole(held: &'a [T]) -> List<'a, T> {
        List { held, part: None }
    }

    /// A list of `count` records read, of which `held` holds those at `places` (in
    /// order), followed by the records added.
    pub(super) fn part(held: &'a [T], places: &'a [usize], count: usize) -> List<'a, T> {
        List { held, part: Some((places, count)) }
    }

    pub(super) fn len(&self) -> usize {
        match self.part {
            None => self.held.len(),
            Some((places, count)) => count + self.held.len().saturating_sub(places.len()),
        }
    }

    /// The records in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = Item<'a, T>> + '_ {
        let (places, count) = self.part.unwrap_or((&[], 0));
        let mut held = self.held.iter().zip(places.iter().copied()).peekable();
        let read = (0..count).map(move |n| match held.next_if(|(_, was)| *was == n) {
            Some((record, was)) => Item::Held { record, was: Some(was) },
            None => Item::Kept(n),
        });
        let added = self.held[places.len().min(self.held.len())..].iter();
        read.chain(added.map(|record| Item::Held { record, was: None }))
    }

    /// Whether records were kept undecoded (then a held record is matched only against
    /// the record it was read from).
    pub(super) fn is_part(&self) -> bool {
        self.part.is_some()
    }
}

/// What a save of a part keeps of the cache read, besides the records' bytes (in
/// `Prior`): the index entries of the records it did not decode.
pub(in crate::store) struct Kept {
    /// How many contacts and how many interactions the file read has.
    pub(super) counts: (usize, usize),
    /// The places in the file read of the contacts the part holds, and their ids.
    pub(super) held: Vec<usize>,
    pub(super) held_ids: Vec<Uuid>,
    /// The index's contacts' section as read; each entry's row in it, and the day of
    /// the last talk it recorded.
    pub(super) index: Vec<u8>,
    pub(super) rows: Vec<Range<usize>>,
    pub(super) lasts: Vec<Option<NaiveDate>>,
    /// The index's interactions' section as read.
    pub(super) people: super::index::People,
}

impl Kept {
    /// Whether `contacts` still begins with the contacts read, in their places: a part
    /// may change what they say and add contacts after them, nothing else.
    pub(super) fn fits(&self, contacts: &[crate::model::Contact]) -> io::Result<()> {
        let held = contacts.iter().take(self.held.len()).map(|c| c.id);
        match contacts.len() >= self.held.len() && held.eq(self.held_ids.iter().copied()) {
            true => Ok(()),
            false => Err(io::Error::other("a part of the network lost or moved a contact it read")),
        }
    }

    /// The row of the `n`th contact read, as its index entry has it.
    pub(super) fn row(&self, n: usize) -> io::Result<&[u8]> {
        self.rows.get(n).and_then(|r| self.index.get(r.clone())).ok_or_else(|| invalid("kept row"))
    }

    /// The people of the `n`th interaction read, as its index entry has them.
    pub(super) fn people_of(&self, n: usize) -> io::Result<&[u8]> {
        self.people.people_of(n)
    }

    /// The day of the last talk with a contact: the later of what the index read says
    /// (for a contact read, `was`) and the interactions the part added (`fresh`).
    pub(super) fn last(&self, was: Option<usize>, id: &Uuid, fresh: &FxHashMap<Uuid, NaiveDate>) -> Option<NaiveDate> {
        let read = was.and_then(|n| self.lasts.get(n).copied().flatten());
        read.max(fresh.get(id).copied())
    }
}
