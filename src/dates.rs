//! Reading the days people type: ISO dates, and everyday words in English and
//! Indonesian (`yesterday`, `fri`, `last friday`, `3 days ago`, `in 2 weeks`, `kemarin`).
//!
//! ISO dates are read strictly by chrono, so `2026-02-30` is refused rather than rolled
//! over. Everyday English goes to `interim`; a bare weekday is resolved here, because
//! its meaning depends on the question: when logging what happened, `fri` is the last
//! Friday; when setting a due date, it is the next one.

use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};

/// Which way a bare weekday points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lean {
    /// Today or the most recent such day (for things that happened).
    Past,
    /// Today or the next such day (for deadlines).
    Future,
}

/// Why a date was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Looks like an ISO date but the day does not exist.
    #[error("{0} is not a real date")]
    Impossible(String),
    /// Not a date at all.
    #[error("{0} is not a date")]
    Unreadable(String),
    /// A day still to come where only one that has happened makes sense.
    #[error("{0} is in the future")]
    Future(NaiveDate),
}

/// Reads a day that has already happened (today included): when you met, talked, kept a
/// promise, learned something. A day still to come is refused.
pub fn parse_past_day(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let day = parse_day(input, today, Lean::Past)?;
    if day > today { Err(DateError::Future(day)) } else { Ok(day) }
}

/// Reads a day relative to `today`.
pub fn parse_day(input: &str, today: NaiveDate, lean: Lean) -> Result<NaiveDate, DateError> {
    let s = input.trim().to_lowercase();
    if s.is_empty() {
        return Err(DateError::Unreadable(input.to_string()));
    }
    if looks_iso(&s) {
        return NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| DateError::Impossible(input.trim().to_string()));
    }
    let s = translate_indonesian(&s);
    if let Some(day) = weekday(&s) {
        return Ok(nearest(day, today, lean));
    }
    // interim reads "2 weeks" as two weeks from now but not "in 2 weeks".
    let s = s.strip_prefix("in ").unwrap_or(&s);
    let noon = today.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN)).and_utc();
    interim::parse_date_string(s, noon, interim::Dialect::Uk)
        .map(|t| t.date_naive())
        .map_err(|_| DateError::Unreadable(input.trim().to_string()))
}

fn looks_iso(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10 && b[4] == b'-' && b[7] == b'-' && s.chars().filter(char::is_ascii_digit).count() == 8
}

fn weekday(s: &str) -> Option<Weekday> {
    s.parse::<Weekday>().ok()
}

fn nearest(day: Weekday, today: NaiveDate, lean: Lean) -> NaiveDate {
    let from = today.weekday().num_days_from_monday();
    let to = day.num_days_from_monday();
    match lean {
        Lean::Past => today - Days::new(u64::from((from + 7 - to) % 7)),
        Lean::Future => today + Days::new(u64::from((to + 7 - from) % 7)),
    }
}

/// Turns common Indonesian date words into the English ones interim reads.
fn translate_indonesian(s: &str) -> String {
    const WORDS: &[(&str, &str)] = &[
        ("hari ini", "today"),
        ("sekarang", "today"),
        ("kemarin lusa", "2 days ago"),
        ("kemarin", "yesterday"),
        ("besok lusa", "in 2 days"),
        ("lusa", "in 2 days"),
        ("besok", "tomorrow"),
        ("senin", "monday"),
        ("selasa", "tuesday"),
        ("rabu", "wednesday"),
        ("kamis", "thursday"),
        ("jumat", "friday"),
        ("jum'at", "friday"),
        ("sabtu", "saturday"),
        ("minggu lalu", "last week"),
        ("bulan lalu", "last month"),
    ];
    if let Some((_, en)) = WORDS.iter().find(|(id, _)| *id == s) {
        return (*en).to_string();
    }
    // "3 hari lalu", "2 minggu lagi", "dalam 2 minggu"
    let s = s.strip_prefix("dalam ").map(|r| format!("in {r}")).unwrap_or_else(|| s.to_string());
    let unit = |w: &str| match w {
        "hari" => Some("days"),
        "minggu" | "pekan" => Some("weeks"),
        "bulan" => Some("months"),
        "tahun" => Some("years"),
        _ => None,
    };
    let words: Vec<&str> = s.split_whitespace().collect();
    match words.as_slice() {
        [n, u, "lalu" | "yang lalu"] if unit(u).is_some() => format!("{n} {} ago", unit(u).unwrap_or_default()),
        [n, u, "lagi"] if unit(u).is_some() => format!("in {n} {}", unit(u).unwrap_or_default()),
        ["in", n, u] if unit(u).is_some() => format!("in {n} {}", unit(u).unwrap_or_default()),
        ["minggu"] => "sunday".to_string(),
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-11-28 is a Saturday.
    fn today() -> NaiveDate {
        "2026-11-28".parse().unwrap()
    }

    fn past(s: &str) -> String {
        parse_day(s, today(), Lean::Past).map(|d| d.to_string()).unwrap_or_else(|e| format!("error: {e}"))
    }

    fn future(s: &str) -> String {
        parse_day(s, today(), Lean::Future).map(|d| d.to_string()).unwrap_or_else(|e| format!("error: {e}"))
    }

    #[test]
    fn iso_dates_are_strict() {
        assert_eq!(past("2026-11-03"), "2026-11-03");
        assert_eq!(past("2026-02-30"), "error: 2026-02-30 is not a real date");
        assert_eq!(past("2024-02-29"), "2024-02-29");
    }

    #[test]
    fn everyday_english() {
        assert_eq!(past("today"), "2026-11-28");
        assert_eq!(past("Yesterday"), "2026-11-27");
        assert_eq!(past("3 days ago"), "2026-11-25");
        assert_eq!(future("in 2 weeks"), "2026-12-12");
        assert_eq!(future("tomorrow"), "2026-11-29");
        assert_eq!(past("last friday"), "2026-11-27");
    }

    #[test]
    fn bare_weekdays_lean_the_right_way() {
        assert_eq!(past("fri"), "2026-11-27");
        assert_eq!(past("sat"), "2026-11-28");
        assert_eq!(past("monday"), "2026-11-23");
        assert_eq!(future("fri"), "2026-12-04");
        assert_eq!(future("monday"), "2026-11-30");
    }

    #[test]
    fn everyday_indonesian() {
        assert_eq!(past("kemarin"), "2026-11-27");
        assert_eq!(past("hari ini"), "2026-11-28");
        assert_eq!(future("besok"), "2026-11-29");
        assert_eq!(past("3 hari lalu"), "2026-11-25");
        assert_eq!(future("2 minggu lagi"), "2026-12-12");
        assert_eq!(future("dalam 2 minggu"), "2026-12-12");
        assert_eq!(past("jumat"), "2026-11-27");
        assert_eq!(past("minggu"), "2026-11-22");
    }

    #[test]
    fn nonsense_is_refused() {
        assert!(past("whenever").starts_with("error"));
        assert!(past("").starts_with("error"));
        assert!(past("2026-1-1x").starts_with("error"));
    }

    #[test]
    fn past_days_refuse_the_future() {
        assert_eq!(parse_past_day("yesterday", today()).unwrap().to_string(), "2026-11-27");
        assert_eq!(parse_past_day("today", today()).unwrap(), today());
        assert_eq!(parse_past_day("tomorrow", today()), Err(DateError::Future("2026-11-29".parse().unwrap())));
        assert!(parse_past_day("soonish", today()).is_err());
    }

    #[test]
    fn month_and_year_ends() {
        let eve: NaiveDate = "2026-12-31".parse().unwrap();
        assert_eq!(parse_day("tomorrow", eve, Lean::Future).unwrap().to_string(), "2027-01-01");
        assert_eq!(parse_day("in 2 days", eve, Lean::Future).unwrap().to_string(), "2027-01-02");
    }
}
