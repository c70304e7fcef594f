//! The binary layout of the two record kinds that make up most of a network: contacts
//! and interactions, each field in its smallest exact form (`fields`).
//!
//! Every field is named when a record is written (a destructuring `let`) and when it is
//! read (a struct literal), so a field added to `Contact` or `Interaction` does not
//! compile until the cache stores it too: the cache can never drop data quietly.

use super::fields::*;
use crate::model::contact::Birthday;
use crate::model::interaction::{Origin, Source};
use crate::model::text::Haystack;
use crate::model::{Circle, Contact, Interaction, Kind, Stage};
use borsh::{BorshDeserialize, BorshSerialize};
use chrono::DateTime;
use std::io;
use std::ops::Range;
use uuid::Uuid;

/// Where reading a cache body has got to.
pub type Reader<'a> = &'a [u8];

pub fn write_contact(c: &Contact, w: &mut Vec<u8>) -> io::Result<()> {
    let Contact {
        id,
        handle,
        name,
        circle,
        stage,
        org,
        role,
        emails,
        phones,
        tags,
        met_at,
        met_on,
        impression,
        every,
        note,
        snoozed_until,
        added,
        urls,
        addresses,
        birthday,
        linkedin,
        source_ids,
        edited,
        extra,
    } = c;
    write_uuid(id, w);
    handle.serialize(w)?;
    name.serialize(w)?;
    circle.key().serialize(w)?;
    stage.key().serialize(w)?;
    org.serialize(w)?;
    role.serialize(w)?;
    emails.serialize(w)?;
    phones.serialize(w)?;
    tags.serialize(w)?;
    met_at.serialize(w)?;
    write_optional_day(met_on, w)?;
    impression.serialize(w)?;
    write_cadence(every, w)?;
    note.serialize(w)?;
    write_optional_day(snoozed_until, w)?;
    write_instant(added, w)?;
    urls.serialize(w)?;
    addresses.serialize(w)?;
    birthday.map(|b| (b.year, b.month, b.day)).serialize(w)?;
    linkedin.serialize(w)?;
    source_ids.serialize(w)?;
    edited.map(|t| (t.timestamp(), t.timestamp_subsec_nanos())).serialize(w)?;
    write_extra(extra, w)
}

pub fn read_contact(r: &mut Reader) -> io::Result<Contact> {
    Ok(Contact {
        id: read_uuid(r)?,
        handle: read_string(r)?,
        name: read_string(r)?,
        circle: Circle::from_key(read_str(r)?),
        stage: Stage::from_key(read_str(r)?),
        org: read_optional_string(r)?,
        role: read_optional_string(r)?,
        emails: read_strings(r)?,
        phones: read_strings(r)?,
        tags: read_strings(r)?,
        met_at: read_optional_string(r)?,
        met_on: read_optional_day(r)?,
        impression: read_optional_string(r)?,
        every: read_cadence(r)?,
        note: read_optional_string(r)?,
        snoozed_until: read_optional_day(r)?,
        added: read_instant(r)?,
        urls: read_strings(r)?,
        addresses: read_strings(r)?,
        birthday: <Option<(Option<i32>, u32, u32)>>::deserialize(r)?
            .map(|(year, month, day)| Birthday::new(year, month, day).ok_or_else(|| invalid("birthday")))
            .transpose()?,
        linkedin: read_optional_string(r)?,
        source_ids: read_strings(r)?,
        edited: <Option<(i64, u32)>>::deserialize(r)?
            .map(|(secs, nanos)| DateTime::from_timestamp(secs, nanos).ok_or_else(|| invalid("instant")))
            .transpose()?,
        extra: read_extra(r)?,
    })
}

pub fn write_interaction(i: &Interaction, w: &mut Vec<u8>) -> io::Result<()> {
    let Interaction { id, contacts, kind, on, text, they_reached_out, logged, source, extra } = i;
    write_uuid(id, w);
    (contacts.len() as u32).serialize(w)?;
    for c in contacts {
        write_uuid(c, w);
    }
    kind.key().serialize(w)?;
    write_day(on, w)?;
    text.serialize(w)?;
    they_reached_out.serialize(w)?;
    write_instant(logged, w)?;
    source.as_ref().map(|s| (s.from.key(), s.key.as_str(), s.one_way, s.people)).serialize(w)?;
    write_extra(extra, w)
}

pub fn read_interaction(r: &mut Reader) -> io::Result<Interaction> {
    Ok(Interaction {
        id: read_uuid(r)?,
        contacts: {
            let n = u32::deserialize(r)? as usize;
            // Each id takes 16 bytes, so a count the body cannot hold is refused before
            // anything is allocated for it.
            if n > r.len() / 16 {
                return Err(invalid("interaction contacts"));
            }
            let mut ids = Vec::with_capacity(n);
            for _ in 0..n {
                ids.push(read_uuid(r)?);
            }
            ids
        },
        kind: Kind::from_key(read_str(r)?),
        on: read_day(r)?,
        text: read_optional_string(r)?,
        they_reached_out: bool::deserialize(r)?,
        logged: read_instant(r)?,
        source: read_source(r)?,
        extra: read_extra(r)?,
    })
}

/// The fields of the contact in this record that a search looks in (as
/// `Contact::mentions` does), folded into `hay` (ASCII copied, lowered, with no other
/// check): a needle is in them when the contact mentions it.
pub fn fold_record(r: &mut Reader, hay: &mut Haystack) -> io::Result<()> {
    hay.clear();
    let mut add = |r: &mut Reader| -> io::Result<()> {
        let n = u32::deserialize(r)? as usize;
        hay.add_bytes(take(r, n)?).map_err(|_| invalid("text"))
    };
    skip(r, 16)?; // id
    skip_str(r)?; // handle
    add(r)?; // name
    skip_str(r)?; // circle
    skip_str(r)?; // stage
    skip_optional(r, &mut add)?; // org
    skip_optional(r, &mut add)?; // role
    each(r, &mut add)?; // emails
    skip_strs(r)?; // phones
    each(r, &mut add)?; // tags
    skip_optional(r, &mut add)?; // met_at
    skip_optional(r, |r| skip(r, 4))?; // met_on
    skip_optional(r, skip_str)?; // impression
    skip_optional(r, |r| skip(r, 5))?; // every
    skip_optional(r, &mut add)?; // note
    skip_optional(r, |r| skip(r, 4))?; // snoozed_until
    skip(r, 12)?; // added
    each(r, &mut add)?; // urls
    each(r, &mut add)?; // addresses
    let birthday = <Option<(Option<i32>, u32, u32)>>::deserialize(r)?;
    skip_optional(r, &mut add)?; // linkedin
    skip_strs(r)?; // source_ids
    skip_optional(r, |r| skip(r, 12))?; // edited
    skip_str(r)?; // extra
    if let Some(b) = birthday.and_then(|(year, month, day)| Birthday::new(year, month, day)) {
        hay.add(&b.to_string());
    }
    Ok(())
}

/// Calls `one` for every item of a list (its count, then the items).
fn each(r: &mut Reader, mut one: impl FnMut(&mut Reader) -> io::Result<()>) -> io::Result<()> {
    let n = u32::deserialize(r)?;
    (0..n).try_for_each(|_| one(r))
}

/// The ids in the bytes of a list of ids (16 bytes each), one by one.
pub fn ids(bytes: &[u8]) -> impl Iterator<Item = Uuid> + '_ {
    bytes.chunks_exact(16).map(|b| Uuid::from_bytes(b.try_into().unwrap_or_default()))
}

/// Where an imported interaction came from (see `write_interaction`).
fn read_source(r: &mut Reader) -> io::Result<Option<Source>> {
    match u8::deserialize(r)? {
        0 => Ok(None),
        1 => Ok(Some(Source {
            from: Origin::from_key(read_str(r)?),
            key: read_string(r)?,
            one_way: bool::deserialize(r)?,
            people: Option::<u32>::deserialize(r)?,
        })),
        _ => Err(invalid("option")),
    }
}

/// Room in a list read for records a command adds, so adding one does not reallocate
/// the whole list.
const SPARE: usize = 16;

/// Reads a list: a count, then the records; with where each record's bytes are, counted
/// from where `r` started, when `spans` (a save needs them, a read does not).
pub fn read_all<T>(
    r: &mut Reader,
    one: fn(&mut Reader) -> io::Result<T>,
    spans: bool,
) -> io::Result<(Vec<T>, Vec<Range<usize>>)> {
    let whole = r.len();
    let n = u32::deserialize(r)? as usize;
    // Every record takes at least 16 bytes; a count the rest cannot hold is corrupt.
    if n > r.len() / 16 {
        return Err(invalid("record count"));
    }
    let mut items = Vec::with_capacity(n + SPARE);
    let mut places = Vec::with_capacity(if spans { n } else { 0 });
    for _ in 0..n {
        let start = whole - r.len();
        items.push(one(r)?);
        if spans {
            places.push(start..whole - r.len());
        }
    }
    Ok((items, places))
}
