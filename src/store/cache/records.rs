//! The binary layout of the two record kinds that make up most of a network: contacts
//! and interactions. Strings, numbers, options and lists are borsh; days, instants, ids
//! and vocabulary values are written here in their smallest exact form.
//!
//! Every field is named when a record is written (a destructuring `let`) and when it is
//! read (a struct literal), so a field added to `Contact` or `Interaction` does not
//! compile until the cache stores it too: the cache can never drop data quietly.

use crate::model::cadence::CadenceUnit;
use crate::model::contact::Birthday;
use crate::model::interaction::{Origin, Source};
use crate::model::text::{Haystack, Needle};
use crate::model::{Cadence, Circle, Contact, Interaction, Kind, Stage};
use borsh::{BorshDeserialize, BorshSerialize};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde_json::{Map, Value};
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

/// A contact's row, for the index: what a row of `list` shows, filters on or sorts by:
/// id, handle, name, circle, stage, organisation, role, meeting day, rhythm, snooze and
/// when added (for the rhythm's due day).
pub fn write_listed(c: &Contact, w: &mut Vec<u8>) -> io::Result<()> {
    let Contact { id, handle, name, circle, stage, org, role, met_on, every, snoozed_until, added, .. } = c;
    write_uuid(id, w);
    (handle, name, circle.key(), stage.key(), org, role).serialize(w)?;
    write_optional_day(met_on, w)?;
    write_cadence(every, w)?;
    write_optional_day(snoozed_until, w)?;
    write_instant(added, w)
}

/// A contact with only its row (see `write_listed`); everything else is left empty.
pub fn read_listed(r: &mut Reader) -> io::Result<Contact> {
    let (id, handle, name) = (read_uuid(r)?, read_string(r)?, read_string(r)?);
    let (circle, stage) = (Circle::from_key(read_str(r)?), Stage::from_key(read_str(r)?));
    let (org, role) = (read_optional_string(r)?, read_optional_string(r)?);
    let (met_on, every, snoozed_until) = (read_optional_day(r)?, read_cadence(r)?, read_optional_day(r)?);
    let mut c = Contact::new(id, handle, name, read_instant(r)?);
    (c.circle, c.stage, c.org, c.role, c.met_on, c.every, c.snoozed_until) =
        (circle, stage, org, role, met_on, every, snoozed_until);
    Ok(c)
}

/// From a row (see `write_listed`), a contact with only its id, and with `names` its
/// handle, name and organisation too; everything else is passed over, unread.
pub fn read_listed_head(r: &mut Reader, names: bool) -> io::Result<Contact> {
    let id = read_uuid(r)?;
    let mut c = Contact::new(id, String::new(), String::new(), chrono::DateTime::UNIX_EPOCH);
    if names {
        (c.handle, c.name) = (read_string(r)?, read_string(r)?);
    } else {
        skip_str(r)?; // handle
        skip_str(r)?; // name
    }
    skip_str(r)?; // circle
    skip_str(r)?; // stage
    c.org = match names {
        true => read_optional_string(r)?,
        false => skip_optional(r, skip_str).map(|()| None)?,
    };
    skip_optional(r, skip_str)?; // role
    skip_optional(r, |r| skip(r, 4))?; // met_on
    skip_optional(r, |r| skip(r, 5))?; // every
    skip_optional(r, |r| skip(r, 4))?; // snoozed_until
    skip(r, 12)?; // added
    Ok(c)
}

/// Whether the contact in this record mentions `needle`, as `Contact::mentions`
/// answers: the same fields, gathered folded into `hay` (ASCII copied, lowered, with no
/// other check) and searched at once.
pub fn mentions(r: &mut Reader, needle: &Needle, hay: &mut Haystack) -> io::Result<bool> {
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
    Ok(needle.in_haystack(hay))
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

fn skip(r: &mut Reader, n: usize) -> io::Result<()> {
    take(r, n).map(drop)
}

fn skip_str(r: &mut Reader) -> io::Result<()> {
    let n = u32::deserialize(r)? as usize;
    skip(r, n)
}

fn skip_strs(r: &mut Reader) -> io::Result<()> {
    let n = u32::deserialize(r)?;
    (0..n).try_for_each(|_| skip_str(r))
}

fn skip_optional(r: &mut Reader, then: impl FnOnce(&mut Reader) -> io::Result<()>) -> io::Result<()> {
    match u8::deserialize(r)? {
        0 => Ok(()),
        1 => then(r),
        _ => Err(invalid("option")),
    }
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

pub fn invalid(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("cache: bad {what}"))
}

pub fn take<'a>(r: &mut Reader<'a>, n: usize) -> io::Result<&'a [u8]> {
    if r.len() < n {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    let (head, rest) = r.split_at(n);
    *r = rest;
    Ok(head)
}

/// A string borrowed from the body, for values that are matched rather than kept.
fn read_str<'a>(r: &mut Reader<'a>) -> io::Result<&'a str> {
    let n = u32::deserialize(r)? as usize;
    std::str::from_utf8(take(r, n)?).map_err(|_| invalid("text"))
}

/// Strings are read by hand rather than with borsh's `String`, which zeroes a buffer
/// before copying into it: work thrown away for every string of the network.
fn read_string(r: &mut Reader) -> io::Result<String> {
    read_str(r).map(str::to_owned)
}

fn read_optional_string(r: &mut Reader) -> io::Result<Option<String>> {
    match u8::deserialize(r)? {
        0 => Ok(None),
        1 => read_string(r).map(Some),
        _ => Err(invalid("option")),
    }
}

fn read_strings(r: &mut Reader) -> io::Result<Vec<String>> {
    let n = u32::deserialize(r)? as usize;
    // Each string takes at least its 4-byte length.
    if n > r.len() / 4 {
        return Err(invalid("list of text"));
    }
    // Exactly as long as the list: collecting from an iterator of results would start
    // at room for four, and most lists hold one or two.
    let mut strings = Vec::with_capacity(n);
    for _ in 0..n {
        strings.push(read_string(r)?);
    }
    Ok(strings)
}

fn write_uuid(id: &Uuid, w: &mut Vec<u8>) {
    w.extend_from_slice(id.as_bytes());
}

fn read_uuid(r: &mut Reader) -> io::Result<Uuid> {
    let bytes: [u8; 16] = take(r, 16)?.try_into().map_err(|_| invalid("id"))?;
    Ok(Uuid::from_bytes(bytes))
}

fn write_day(day: &NaiveDate, w: &mut Vec<u8>) -> io::Result<()> {
    day.num_days_from_ce().serialize(w)
}

fn read_day(r: &mut Reader) -> io::Result<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::deserialize(r)?).ok_or_else(|| invalid("day"))
}

pub fn write_optional_day(day: &Option<NaiveDate>, w: &mut Vec<u8>) -> io::Result<()> {
    day.map(|d| d.num_days_from_ce()).serialize(w)
}

pub fn read_optional_day(r: &mut Reader) -> io::Result<Option<NaiveDate>> {
    <Option<i32>>::deserialize(r)?
        .map(|n| NaiveDate::from_num_days_from_ce_opt(n).ok_or_else(|| invalid("day")))
        .transpose()
}

fn write_instant(t: &DateTime<Utc>, w: &mut Vec<u8>) -> io::Result<()> {
    (t.timestamp(), t.timestamp_subsec_nanos()).serialize(w)
}

fn read_instant(r: &mut Reader) -> io::Result<DateTime<Utc>> {
    let (secs, nanos) = <(i64, u32)>::deserialize(r)?;
    DateTime::from_timestamp(secs, nanos).ok_or_else(|| invalid("instant"))
}

const UNITS: [CadenceUnit; 4] = [CadenceUnit::Day, CadenceUnit::Week, CadenceUnit::Month, CadenceUnit::Year];

fn write_cadence(every: &Option<Cadence>, w: &mut Vec<u8>) -> io::Result<()> {
    let unit = |u: CadenceUnit| UNITS.iter().position(|x| *x == u).unwrap_or_default() as u8;
    every.map(|c| (c.count, unit(c.unit))).serialize(w)
}

fn read_cadence(r: &mut Reader) -> io::Result<Option<Cadence>> {
    <Option<(u32, u8)>>::deserialize(r)?
        .map(|(count, unit)| {
            let unit = *UNITS.get(usize::from(unit)).ok_or_else(|| invalid("cadence"))?;
            Ok(Cadence { count, unit })
        })
        .transpose()
}

/// Unknown fields, as JSON text (most records have none: an empty string).
fn write_extra(extra: &Map<String, Value>, w: &mut Vec<u8>) -> io::Result<()> {
    if extra.is_empty() {
        return "".serialize(w);
    }
    serde_json::to_string(extra)?.serialize(w)
}

fn read_extra(r: &mut Reader) -> io::Result<Map<String, Value>> {
    match read_str(r)? {
        "" => Ok(Map::new()),
        text => serde_json::from_str(text).map_err(|_| invalid("unknown fields")),
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
