//! Opening a cache to change part of the network (see `kept`): the outline with the
//! index as read, then the contacts a command names, the cache's records and where each
//! sits in the data file, so the save can copy every record it did not read.

use super::fields::skip_str;
use super::index::At;
use super::open::{Checked, Copyable, read_at, read_places};
use super::{Kept, Section, invalid, records};
use crate::model::{Contact, Network};
use crate::store::part::{Outline, Wanted, Whole};
use borsh::BorshDeserialize;
use std::io;
use std::ops::Range;

/// The index as read, for a save of a part of the network (see `Kept`).
pub(in crate::store) struct IndexRead {
    pub(super) index: Vec<u8>,
    pub(super) rows: Vec<Range<usize>>,
    pub(super) lasts: Vec<Option<chrono::NaiveDate>>,
}

impl Checked {
    /// The network in outline, for a command that changes part of it (`part`).
    pub(in crate::store) fn outline_to_change(&self) -> io::Result<(Outline, IndexRead)> {
        match self.outline_with(true)? {
            (outline, Some(read)) => Ok((outline, read)),
            _ => Err(invalid("index")),
        }
    }

    /// The part of the network a command changes: the contacts `wanted` of the outline
    /// read whole (no interaction: a part only adds them), the rest of the network,
    /// and what its save needs to copy every record it does not hold (see `kept`). A
    /// cache that does not know where its records sit in the data file cannot give one.
    pub(in crate::store) fn part(
        &self,
        outline: Outline,
        wanted: &Wanted,
        read: IndexRead,
    ) -> io::Result<(Network, Copyable, Kept)> {
        let Outline { rest: mut net, whole: Whole::Cached { contacts: contact_places, interactions: people }, .. } =
            outline
        else {
            return Err(invalid("outline"));
        };
        let end = self.sections[Section::Tail as usize].0.end;
        let mut cache = vec![0; end];
        read_at(&self.file, &mut cache, 0)?;
        let section = |s: Section| -> io::Result<Range<usize>> {
            let range = self.sections[s as usize].0.clone();
            self.whole(s, &cache[range.clone()])?;
            Ok(range)
        };
        let (contacts, interactions, tail) =
            (section(Section::Contacts)?, section(Section::Interactions)?, section(Section::Tail)?);
        let mut r = &cache[tail];
        skip_str(&mut r)?; // the rest, already read with the outline
        if u8::deserialize(&mut r)? == 0 {
            return Err(invalid("no record places"));
        }
        let encoded = |places: &mut dyn Iterator<Item = io::Result<At>>, within: &Range<usize>| {
            places
                .map(|at| {
                    let range = at?.range();
                    match range.end <= within.len() {
                        true => Ok(within.start + range.start..within.start + range.end),
                        false => Err(invalid("record place")),
                    }
                })
                .collect::<io::Result<Vec<Range<usize>>>>()
        };
        let contact_spans = encoded(&mut contact_places.iter().cloned().map(Ok), &contacts)?;
        let interaction_spans = encoded(&mut (0..people.len()).map(|n| people.at(n)), &interactions)?;
        let places = (
            read_places(&mut r, contact_spans, self.json.len())?,
            read_places(&mut r, interaction_spans, self.json.len())?,
        );
        if !r.is_empty() {
            return Err(invalid("bytes after the end"));
        }
        let held: Vec<usize> = wanted.contacts().to_vec();
        let mut picked = Vec::with_capacity(held.len());
        for &n in &held {
            let (at, place) = (contact_places.get(n), places.0.get(n));
            let (Some(at), Some(place)) = (at, place) else { return Err(invalid("record")) };
            picked.push(records::read_contact(&mut at.check(&cache[place.encoded.clone()])?)?);
        }
        let held_ids = picked.iter().map(|c: &Contact| c.id).collect();
        let kept = Kept {
            counts: (contact_places.len(), people.len()),
            held,
            held_ids,
            index: read.index,
            rows: read.rows,
            lasts: read.lasts,
            people,
        };
        net.contacts = picked;
        Ok((net, (places, cache), kept))
    }
}
