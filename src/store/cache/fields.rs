//! The smallest exact form of each kind of value in the cache's records and index:
//! strings, numbers, options and lists are borsh; days, instants, ids and rhythms are
//! written here; and the readers that pass over a value without decoding it.

use super::records::Reader;
use crate::model::Cadence;
use crate::model::cadence::CadenceUnit;
use borsh::{BorshDeserialize, BorshSerialize};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde_json::{Map, Value};
use std::io;
use uuid::Uuid;

pub fn skip(r: &mut Reader, n: usize) -> io::Result<()> {
    take(r, n).map(drop)
}

pub fn skip_str(r: &mut Reader) -> io::Result<()> {
    let n = u32::deserialize(r)? as usize;
    skip(r, n)
}

pub fn skip_strs(r: &mut Reader) -> io::Result<()> {
    let n = u32::deserialize(r)?;
    (0..n).try_for_each(|_| skip_str(r))
}

pub fn skip_optional(r: &mut Reader, then: impl FnOnce(&mut Reader) -> io::Result<()>) -> io::Result<()> {
    match u8::deserialize(r)? {
        0 => Ok(()),
        1 => then(r),
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

/// Texts (each one, or none) as their lengths (0 for none, else one more than its
/// length), then the texts one after another: read back by `read_texts`, which checks
/// them as text once rather than one by one.
pub fn write_texts<const N: usize>(texts: [Option<&str>; N], w: &mut Vec<u8>) -> io::Result<()> {
    for text in texts {
        let len = text.map_or(Ok(0), |t| u32::try_from(t.len() + 1).map_err(|_| invalid("text length")))?;
        len.serialize(w)?;
    }
    texts.iter().flatten().for_each(|t| w.extend_from_slice(t.as_bytes()));
    Ok(())
}

/// The texts `write_texts` wrote, borrowed.
pub fn read_texts<'a, const N: usize>(r: &mut Reader<'a>) -> io::Result<[Option<&'a str>; N]> {
    let lens = <[u32; N]>::deserialize(r)?;
    let len = |n: u32| (n as usize).saturating_sub(1);
    let total = lens.iter().try_fold(0usize, |sum, &n| sum.checked_add(len(n)));
    let text =
        std::str::from_utf8(take(r, total.ok_or_else(|| invalid("text length"))?)?).map_err(|_| invalid("text"))?;
    let mut at = 0;
    let mut texts = [None; N];
    for (out, n) in texts.iter_mut().zip(lens) {
        if n > 0 {
            // Each text must end where a character does.
            *out = Some(text.get(at..at + len(n)).ok_or_else(|| invalid("text"))?);
            at += len(n);
        }
    }
    Ok(texts)
}

/// A string borrowed from the body, for values that are matched rather than kept.
pub fn read_str<'a>(r: &mut Reader<'a>) -> io::Result<&'a str> {
    let n = u32::deserialize(r)? as usize;
    std::str::from_utf8(take(r, n)?).map_err(|_| invalid("text"))
}

/// Strings are read by hand rather than with borsh's `String`, which zeroes a buffer
/// before copying into it: work thrown away for every string of the network.
pub fn read_string(r: &mut Reader) -> io::Result<String> {
    read_str(r).map(str::to_owned)
}

pub fn read_optional_string(r: &mut Reader) -> io::Result<Option<String>> {
    read_optional_str(r).map(|s| s.map(str::to_owned))
}

pub fn read_optional_str<'a>(r: &mut Reader<'a>) -> io::Result<Option<&'a str>> {
    match u8::deserialize(r)? {
        0 => Ok(None),
        1 => read_str(r).map(Some),
        _ => Err(invalid("option")),
    }
}

pub fn read_strings(r: &mut Reader) -> io::Result<Vec<String>> {
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

pub fn write_uuid(id: &Uuid, w: &mut Vec<u8>) {
    w.extend_from_slice(id.as_bytes());
}

pub fn read_uuid(r: &mut Reader) -> io::Result<Uuid> {
    let bytes: [u8; 16] = take(r, 16)?.try_into().map_err(|_| invalid("id"))?;
    Ok(Uuid::from_bytes(bytes))
}

pub fn write_day(day: &NaiveDate, w: &mut Vec<u8>) -> io::Result<()> {
    day.num_days_from_ce().serialize(w)
}

pub fn read_day(r: &mut Reader) -> io::Result<NaiveDate> {
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

pub fn write_instant(t: &DateTime<Utc>, w: &mut Vec<u8>) -> io::Result<()> {
    (t.timestamp(), t.timestamp_subsec_nanos()).serialize(w)
}

pub fn read_instant(r: &mut Reader) -> io::Result<DateTime<Utc>> {
    let (secs, nanos) = <(i64, u32)>::deserialize(r)?;
    DateTime::from_timestamp(secs, nanos).ok_or_else(|| invalid("instant"))
}

const UNITS: [CadenceUnit; 4] = [CadenceUnit::Day, CadenceUnit::Week, CadenceUnit::Month, CadenceUnit::Year];

pub fn write_cadence(every: &Option<Cadence>, w: &mut Vec<u8>) -> io::Result<()> {
    let unit = |u: CadenceUnit| UNITS.iter().position(|x| *x == u).unwrap_or_default() as u8;
    every.map(|c| (c.count, unit(c.unit))).serialize(w)
}

pub fn read_cadence(r: &mut Reader) -> io::Result<Option<Cadence>> {
    <Option<(u32, u8)>>::deserialize(r)?
        .map(|(count, unit)| {
            let unit = *UNITS.get(usize::from(unit)).ok_or_else(|| invalid("cadence"))?;
            Ok(Cadence { count, unit })
        })
        .transpose()
}

/// Unknown fields, as JSON text (most records have none: an empty string).
pub fn write_extra(extra: &Map<String, Value>, w: &mut Vec<u8>) -> io::Result<()> {
    if extra.is_empty() {
        return "".serialize(w);
    }
    serde_json::to_string(extra)?.serialize(w)
}

pub fn read_extra(r: &mut Reader) -> io::Result<Map<String, Value>> {
    match read_str(r)? {
        "" => Ok(Map::new()),
        text => serde_json::from_str(text).map_err(|_| invalid("unknown fields")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_read_back_as_written_and_a_text_cut_inside_a_character_is_refused() {
        let texts = [Some("Jürgen"), None, Some(""), Some("王伟 🌱")];
        let mut w = Vec::new();
        write_texts(texts, &mut w).unwrap();
        w.push(7);
        let mut r = &w[..];
        assert_eq!(read_texts::<4>(&mut r).unwrap(), texts);
        assert_eq!(r, [7], "the reader stops where the texts end");
        // The same bytes, split one byte into "ü": the text is whole, the pieces are not.
        let mut cut = w.clone();
        cut[..4].copy_from_slice(&3u32.to_le_bytes());
        cut[4..8].copy_from_slice(&6u32.to_le_bytes());
        assert!(read_texts::<4>(&mut &cut[..]).is_err());
        // Lengths past the end, or summing past what a size holds.
        assert!(read_texts::<4>(&mut &w[..w.len() - 3]).is_err());
        let huge = [u32::MAX.to_le_bytes(); 4].concat();
        assert!(read_texts::<4>(&mut &huge[..]).is_err());
    }
}
