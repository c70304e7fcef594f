//! Faster reading of the data file's days and instants, with chrono's results and errors.
//!
//! A network holds several per record, and chrono's general parsers (which accept many
//! layouts) were a visible part of loading the file (BENCHMARK.md). The file holds exactly
//! what jejaring writes — `2026-11-28` and RFC 3339 instants — so those layouts are read
//! directly, and anything else goes to chrono's own parser, which decides as before.

use chrono::{DateTime, NaiveDate, Utc};
use serde::de::{Deserializer, Error, Visitor};
use std::fmt;

/// Reads an instant as `DateTime<Utc>`'s own `Deserialize` does.
pub fn instant<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    struct V;
    impl Visitor<'_> for V {
        type Value = DateTime<Utc>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an RFC 3339 formatted date and time string")
        }
        fn visit_str<E: Error>(self, s: &str) -> Result<DateTime<Utc>, E> {
            parse_instant(s).map_err(E::custom)
        }
    }
    d.deserialize_str(V)
}

/// Reads a calendar day as `NaiveDate`'s own `Deserialize` does.
pub fn day<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(DayVisitor)
}

/// Reads an optional calendar day (`null` or absent is None).
pub fn optional_day<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<NaiveDate>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("option")
        }
        fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            day(d).map(Some)
        }
    }
    d.deserialize_option(V)
}

struct DayVisitor;

impl Visitor<'_> for DayVisitor {
    type Value = NaiveDate;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a formatted date string")
    }
    fn visit_str<E: Error>(self, s: &str) -> Result<NaiveDate, E> {
        parse_day(s).map_err(E::custom)
    }
}

fn parse_instant(s: &str) -> chrono::ParseResult<DateTime<Utc>> {
    match DateTime::parse_from_rfc3339(s) {
        Ok(t) => Ok(t.with_timezone(&Utc)),
        Err(_) => s.parse::<DateTime<Utc>>(),
    }
}

fn parse_day(s: &str) -> chrono::ParseResult<NaiveDate> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10))
        && let Some(day) = NaiveDate::from_ymd_opt(y as i32, m, d)
    {
        return Ok(day);
    }
    s.parse()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_read_as_chrono_reads_them() {
        for s in [
            "2026-11-28",
            "2024-02-29",
            "2026-02-29",
            "2026-02-30",
            "0000-01-01",
            "9999-12-31",
            "2026-13-01",
            "2026-00-10",
            "2026-1-05",
            "2026-01-5",
            "+2026-01-05",
            " 2026-01-05",
            "2026/01/05",
            "20260105",
            "2026-01-05T",
            "abcd-ef-gh",
            "",
            "2026-1-1",
        ] {
            let ours = parse_day(s).map_err(|e| e.to_string());
            let chrono = s.parse::<NaiveDate>().map_err(|e| e.to_string());
            assert_eq!(ours, chrono, "{s:?}");
        }
    }

    #[test]
    fn instants_read_as_chrono_reads_them() {
        for s in [
            "2025-10-24T09:00:00Z",
            "2025-10-24T09:00:00.123456789Z",
            "2025-10-24T16:00:00+07:00",
            "2025-10-24t09:00:00z",
            "2025-10-24 09:00:00Z",
            "2016-12-31T23:59:60Z",
            "2025-10-24T09:00:00",
            "2025-02-30T09:00:00Z",
            "yesterday",
            "",
        ] {
            let ours = parse_instant(s).map_err(|e| e.to_string());
            let chrono = s.parse::<DateTime<Utc>>().map_err(|e| e.to_string());
            assert_eq!(ours, chrono, "{s:?}");
        }
    }

    #[test]
    fn fields_read_through_serde_match_chrono_with_errors() {
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct Ours {
            #[serde(deserialize_with = "day")]
            on: NaiveDate,
            #[serde(default, deserialize_with = "optional_day")]
            met_on: Option<NaiveDate>,
            #[serde(deserialize_with = "instant")]
            at: DateTime<Utc>,
        }
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct Chrono {
            on: NaiveDate,
            #[serde(default)]
            met_on: Option<NaiveDate>,
            at: DateTime<Utc>,
        }
        for json in [
            r#"{"on":"2026-11-28","met_on":"2020-01-02","at":"2026-11-28T12:00:00Z"}"#,
            r#"{"on":"2026-11-28","at":"2026-11-28T12:00:00Z"}"#,
            r#"{"on":"2026-11-28","met_on":null,"at":"2026-11-28T12:00:00Z"}"#,
            r#"{"on":"2026-11-31","at":"2026-11-28T12:00:00Z"}"#,
            r#"{"on":5,"at":"2026-11-28T12:00:00Z"}"#,
            r#"{"on":"2026-11-28","met_on":7,"at":"2026-11-28T12:00:00Z"}"#,
            r#"{"on":"2026-11-28","at":false}"#,
            r#"{"on":"2026-11-28","at":"soon"}"#,
        ] {
            let ours = serde_json::from_str::<Ours>(json).map(|o| (o.on, o.met_on, o.at)).map_err(|e| e.to_string());
            let chrono =
                serde_json::from_str::<Chrono>(json).map(|c| (c.on, c.met_on, c.at)).map_err(|e| e.to_string());
            assert_eq!(ours, chrono, "{json}");
        }
    }
}
