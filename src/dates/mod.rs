//! Reading the days people type: ISO dates, and everyday words in English and
//! Indonesian (`yesterday`, `fri`, `last friday`, `3 days ago`, `in 2 weeks`, `15 dec`,
//! `end of march`; `kemarin`, `jumat lalu`, `senin depan`, `seminggu lagi`, `15 des`,
//! `akhir bulan`, `akhir pekan`, `awal bulan depan`, `tgl 20`). Indonesian is turned into
//! the English words first, so both languages accept the same days.
//!
//! ISO dates are read strictly by chrono, so `2026-02-30` is refused rather than rolled
//! over. Everyday English goes to `interim`; a bare weekday is resolved here, because
//! its meaning depends on the question: when logging what happened, `fri` is the last
//! Friday; when setting a due date, it is the next one.

mod spans;

use crate::i18n::Lang;
use crate::i18n::Localized;
use crate::t;
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Looks like an ISO date but the day does not exist.
    Impossible(String),
    /// Not a date at all.
    Unreadable(String),
    /// A day still to come where only one that has happened makes sense.
    Future(NaiveDate),
}

crate::localized_error!(DateError);

impl Localized for DateError {
    fn message(&self, lang: Lang) -> String {
        match self {
            DateError::Impossible(s) => t!(
                lang,
                "{s:?} is not a real date; check the day and month",
                "{s:?} bukan tanggal yang ada; periksa hari dan bulannya"
            ),
            DateError::Future(day) => t!(
                lang,
                "{day} is in the future; log what has happened",
                "{day} masih di masa depan; catat yang sudah terjadi"
            ),
            DateError::Unreadable(s) => t!(
                lang,
                "{s:?} is not a date; use YYYY-MM-DD or words like today, yesterday, fri, 3 days ago, in 2 weeks",
                "{s:?} bukan tanggal; pakai YYYY-MM-DD atau kata seperti hari ini, kemarin, jumat lalu, senin depan, 3 hari lalu, 2 minggu lagi, akhir bulan"
            ),
        }
    }
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
    if let Some(day) = spans::day(&s, today, lean) {
        return Ok(day);
    }
    if let Some(day) = end_of(&s, today, lean) {
        return Ok(day);
    }
    if let Some(day) = weekday(&s) {
        return Ok(nearest(day, today, lean));
    }
    // "next monday" is the first Monday after today and "last friday" the latest Friday
    // before it (interim reads "next monday" on a Saturday as nine days away).
    if let Some(day) = s.strip_prefix("next ").and_then(weekday) {
        return Ok(nearest(day, today + Days::new(1), Lean::Future));
    }
    if let Some(day) = s.strip_prefix("last ").and_then(weekday) {
        return Ok(nearest(day, today - Days::new(1), Lean::Past));
    }
    // interim reads "2 weeks" as two weeks from now but not "in 2 weeks".
    let s = s.strip_prefix("in ").unwrap_or(&s);
    let noon = today.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN)).and_utc();
    interim::parse_date_string(s, noon, interim::Dialect::Uk)
        .map(|t| t.date_naive())
        .map_err(|_| DateError::Unreadable(input.trim().to_string()))
}

/// `end of month`, `end of year` and `end of march` (`akhir bulan`, `akhir maret`): the
/// last day of this month or year, or of the named month, the one ahead (or, for a day
/// that has happened, the one behind: on 5 December `end of month` is 30 November).
fn end_of(s: &str, today: NaiveDate, lean: Lean) -> Option<NaiveDate> {
    let what = s.strip_prefix("end of ")?.trim_start_matches("the ").trim();
    // For a day that has happened, the end of this month or year is still to come
    // (unless it is today): the one meant is the last one.
    let past = lean == Lean::Past;
    match what {
        "month" | "this month" => match last_day(today.year(), today.month())? {
            end if past && end > today => today.with_day(1)?.pred_opt(),
            end => Some(end),
        },
        "year" | "this year" => match NaiveDate::from_ymd_opt(today.year(), 12, 31)? {
            end if past && end > today => NaiveDate::from_ymd_opt(today.year() - 1, 12, 31),
            end => Some(end),
        },
        name => {
            let month = month_number(name)?;
            let this_year = last_day(today.year(), month)?;
            match lean {
                Lean::Future if this_year < today => last_day(today.year() + 1, month),
                Lean::Past if this_year > today => last_day(today.year() - 1, month),
                _ => Some(this_year),
            }
        }
    }
}

/// The last day of `month` in `year`.
fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    let first_of_next =
        if month == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1) } else { NaiveDate::from_ymd_opt(year, month + 1, 1) };
    first_of_next.and_then(|d| d.pred_opt())
}

/// A month's number from its English name or its first three letters.
fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let n = MONTHS.iter().position(|m| *m == name || (name.len() >= 3 && m.starts_with(name)))?;
    u32::try_from(n + 1).ok()
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
        // "minggu" alone is Sunday; with lalu/depan it is the week.
        ("minggu lalu", "last week"),
        ("pekan lalu", "last week"),
        ("minggu depan", "next week"),
        ("pekan depan", "next week"),
        ("bulan lalu", "last month"),
        ("bulan depan", "next month"),
        ("tahun lalu", "last year"),
        ("tahun depan", "next year"),
        ("akhir bulan", "end of month"),
        ("akhir bulan ini", "end of month"),
        ("akhir tahun", "end of year"),
        ("akhir tahun ini", "end of year"),
        // The spans `spans::day` reads; "akhir minggu" is said for the weekend.
        ("akhir pekan", "weekend"),
        ("akhir pekan ini", "weekend"),
        ("akhir minggu", "weekend"),
        ("akhir minggu ini", "weekend"),
        ("akhir pekan depan", "next weekend"),
        ("akhir minggu depan", "next weekend"),
        ("minggu ini", "this week"),
        ("pekan ini", "this week"),
        ("bulan ini", "this month"),
        ("awal minggu depan", "start of next week"),
        ("awal pekan depan", "start of next week"),
        ("awal bulan", "start of month"),
        ("awal bulan ini", "start of month"),
        ("awal bulan depan", "start of next month"),
        ("akhir bulan depan", "end of next month"),
        ("awal tahun depan", "start of next year"),
        ("akhir tahun depan", "end of next year"),
    ];
    if let Some((_, en)) = WORDS.iter().find(|(id, _)| *id == s) {
        return (*en).to_string();
    }
    // Word by word: weekdays, months, "se-" (one), and the words around them.
    let word = |w: &str| -> Option<&'static str> {
        Some(match w {
            "senin" => "monday",
            "selasa" => "tuesday",
            "rabu" => "wednesday",
            "kamis" => "thursday",
            "jumat" | "jum'at" => "friday",
            "sabtu" => "saturday",
            "minggu" | "ahad" => "sunday",
            "januari" => "january",
            "februari" | "pebruari" => "february",
            "maret" => "march",
            "mei" => "may",
            "juni" => "june",
            "juli" => "july",
            "agustus" | "agu" | "agt" | "ags" => "august",
            "oktober" | "okt" => "october",
            "desember" | "des" => "december",
            "pekan" => "weeks",
            "hari" => "days",
            "bulan" => "months",
            "tahun" => "years",
            "sehari" => "1 days",
            "seminggu" | "sepekan" => "1 weeks",
            "sebulan" => "1 months",
            "setahun" => "1 years",
            _ => return None,
        })
    };
    let words: Vec<&str> = s.split_whitespace().collect();
    let english = |ws: &[&str]| ws.iter().map(|w| word(w).unwrap_or(w)).collect::<Vec<_>>().join(" ");
    let unit = |w: &str| matches!(w, "hari" | "minggu" | "pekan" | "bulan" | "tahun");
    let one = |w: &str| matches!(w, "sehari" | "seminggu" | "sepekan" | "sebulan" | "setahun");
    let span = |ws: &[&str]| -> String {
        // "2 minggu": here minggu is weeks, not Sunday.
        ws.iter().map(|w| if *w == "minggu" { "weeks" } else { word(w).unwrap_or(w) }).collect::<Vec<_>>().join(" ")
    };
    match words.as_slice() {
        // "3 hari lalu", "seminggu yang lalu", "2 minggu lagi", "dalam 2 minggu"
        [n, u, "lalu"] | [n, u, "yang", "lalu"] if unit(u) => format!("{} ago", span(&[n, u])),
        [single, "lalu"] | [single, "yang", "lalu"] if one(single) => {
            format!("{} ago", span(&[single]))
        }
        [n, u, "lagi"] if unit(u) => format!("in {}", span(&[n, u])),
        [single, "lagi"] if one(single) => format!("in {}", span(&[single])),
        ["dalam", n, u] if unit(u) => format!("in {}", span(&[n, u])),
        ["dalam", single] if one(single) => format!("in {}", span(&[single])),
        // "jumat lalu", "senin depan"
        [day, "lalu"] => format!("last {}", english(&[day])),
        [day, "depan"] => format!("next {}", english(&[day])),
        // "akhir maret"
        ["akhir", month] => format!("end of {}", english(&[month])),
        // "tgl 20", "tanggal 20": a day of the month
        ["tgl" | "tgl." | "tanggal", n] => format!("day {n}"),
        // "15 des", "15 desember 2026", "maret"
        _ => english(&words),
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
        assert_eq!(past("2026-02-30"), "error: \"2026-02-30\" is not a real date; check the day and month");
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
    fn english_months_and_ends() {
        assert_eq!(future("15 dec"), "2026-12-15");
        assert_eq!(future("next monday"), "2026-11-30");
        assert_eq!(future("next saturday"), "2026-12-05");
        assert_eq!(past("last saturday"), "2026-11-21");
        assert_eq!(past("last friday"), "2026-11-27");
        assert_eq!(future("end of month"), "2026-11-30");
        assert_eq!(future("end of march"), "2027-03-31");
        assert_eq!(future("End of the year"), "2026-12-31");
        assert_eq!(past("end of march"), "2026-03-31");
        assert_eq!(future("end of nov"), "2026-11-30");
        assert!(future("end of never").starts_with("error"));
    }

    /// Every Indonesian day word reads as its English counterpart.
    #[test]
    fn indonesian_words_match_the_english_ones() {
        let pairs = [
            ("jumat lalu", "last friday", "2026-11-27"),
            ("senin lalu", "last monday", "2026-11-23"),
            ("senin depan", "next monday", "2026-11-30"),
            ("sabtu depan", "next saturday", "2026-12-05"),
            ("minggu depan", "next week", "2026-12-05"),
            ("pekan depan", "next week", "2026-12-05"),
            ("minggu lalu", "last week", "2026-11-21"),
            ("bulan depan", "next month", "2026-12-28"),
            ("bulan lalu", "last month", "2026-10-28"),
            ("tahun depan", "next year", "2027-11-28"),
            ("seminggu lagi", "in 1 week", "2026-12-05"),
            ("sebulan lagi", "in 1 month", "2026-12-28"),
            ("dalam seminggu", "in 1 week", "2026-12-05"),
            ("seminggu yang lalu", "1 week ago", "2026-11-21"),
            ("3 minggu yang lalu", "3 weeks ago", "2026-11-07"),
            ("2 bulan lagi", "in 2 months", "2027-01-28"),
            ("15 des", "15 dec", "2026-12-15"),
            ("15 desember", "15 december", "2026-12-15"),
            ("1 mei 2027", "1 may 2027", "2027-05-01"),
            ("3 agustus 2026", "3 august 2026", "2026-08-03"),
            ("10 okt 2026", "10 oct 2026", "2026-10-10"),
            ("akhir bulan", "end of month", "2026-11-30"),
            ("akhir tahun", "end of year", "2026-12-31"),
            ("akhir maret", "end of march", "2027-03-31"),
            ("akhir februari", "end of february", "2027-02-28"),
            ("Akhir Desember", "end of december", "2026-12-31"),
            ("minggu", "sunday", ""),
            ("ahad depan", "next sunday", "2026-11-29"),
        ];
        for (id, en, day) in pairs {
            assert!(!future(en).starts_with("error"), "{en} is read");
            assert_eq!(future(id), future(en), "{id} reads as {en}");
            assert_eq!(past(id), past(en), "{id} reads as {en} for a day that happened");
            if !day.is_empty() {
                assert_eq!(future(id), day, "{id}");
            }
        }
        assert_eq!(past("jumat lalu"), "2026-11-27");
        assert!(parse_past_day("senin depan", today()).is_err(), "a day to come is not one that happened");
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
    fn the_end_of_month_that_happened_is_the_last_one() {
        let dec5: NaiveDate = "2026-12-05".parse().unwrap();
        assert_eq!(parse_past_day("end of month", dec5).unwrap().to_string(), "2026-11-30");
        assert_eq!(parse_past_day("akhir bulan", dec5).unwrap().to_string(), "2026-11-30");
        assert_eq!(parse_past_day("end of year", dec5).unwrap().to_string(), "2025-12-31");
        let mar1: NaiveDate = "2027-03-01".parse().unwrap();
        assert_eq!(parse_past_day("end of month", mar1).unwrap().to_string(), "2027-02-28");
        let nov30: NaiveDate = "2026-11-30".parse().unwrap();
        assert_eq!(parse_past_day("akhir bulan", nov30).unwrap(), nov30, "on the last day it is today");
        assert_eq!(parse_day("end of month", dec5, Lean::Future).unwrap().to_string(), "2026-12-31");
    }

    #[test]
    fn month_and_year_ends() {
        let eve: NaiveDate = "2026-12-31".parse().unwrap();
        assert_eq!(parse_day("tomorrow", eve, Lean::Future).unwrap().to_string(), "2027-01-01");
        assert_eq!(parse_day("in 2 days", eve, Lean::Future).unwrap().to_string(), "2027-01-02");
    }
}
