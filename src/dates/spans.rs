//! Days named by a span of the calendar rather than a count: the weekend, this week or
//! month, the start or end of the next one, a day of the month (`the 20th`). Indonesian
//! (`akhir pekan`, `awal bulan depan`, `tgl 20`) arrives already turned into these
//! English words.
//!
//! A span is a stretch of days; which of them is meant depends on the question, as for
//! a bare weekday: a deadline takes the span's last day (`this week` is its Sunday), a
//! day that happened its first (`this week` is its Monday). "The weekend" is its
//! Saturday either way, and "end of week" its Sunday.

use super::{Lean, last_day};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// The day a span names, None when `s` names none.
pub(super) fn day(s: &str, today: NaiveDate, lean: Lean) -> Option<NaiveDate> {
    let s = s.trim();
    let s = s.strip_prefix("by ").or_else(|| s.strip_prefix("on ")).unwrap_or(s);
    let monday = today - Days::new(u64::from(today.weekday().num_days_from_monday()));
    let first_of = |d: NaiveDate| d.with_day(1);
    let next_month = first_of(today)? + Months::new(1);
    match s {
        "weekend" | "this weekend" | "the weekend" => Some(saturday(today, lean)),
        "next weekend" => Some(monday + Days::new(7 + 5)),
        "end of week" | "end of the week" | "end of this week" => Some(monday + Days::new(6)),
        "end of next week" => Some(monday + Days::new(13)),
        "start of next week" | "beginning of next week" => Some(monday + Days::new(7)),
        "this week" => Some(match lean {
            Lean::Future => monday + Days::new(6),
            Lean::Past => monday,
        }),
        "this month" => match lean {
            Lean::Future => last_day(today.year(), today.month()),
            Lean::Past => first_of(today),
        },
        // A deadline at "the start of the month" is the next first (today on the first).
        "start of month"
        | "start of the month"
        | "beginning of month"
        | "beginning of the month"
        | "start of this month" => match lean {
            Lean::Future if today.day() > 1 => Some(next_month),
            _ => first_of(today),
        },
        "start of next month" | "beginning of next month" => Some(next_month),
        "end of next month" => last_day(next_month.year(), next_month.month()),
        "start of next year" | "beginning of next year" => NaiveDate::from_ymd_opt(today.year() + 1, 1, 1),
        "end of next year" => NaiveDate::from_ymd_opt(today.year() + 1, 12, 31),
        _ => day_of_month(s).and_then(|n| nth(n, today, lean)),
    }
}

/// The Saturday of the weekend meant: the coming one (today on a Saturday, yesterday on
/// a Sunday, whose weekend it still is) or, for a day that happened, the last one.
fn saturday(today: NaiveDate, lean: Lean) -> NaiveDate {
    let back = (today.weekday().num_days_from_monday() + 7 - Weekday::Sat.num_days_from_monday()) % 7;
    match (lean, today.weekday()) {
        (Lean::Past, _) | (Lean::Future, Weekday::Sun) => today - Days::new(u64::from(back)),
        (Lean::Future, _) => today + Days::new(u64::from((7 - back) % 7)),
    }
}

/// `day 20`, `the 20th`, `20th`: a day of the month (a bare `20` says too little).
fn day_of_month(s: &str) -> Option<u32> {
    let (prefixed, s) = match s.strip_prefix("day ").or_else(|| s.strip_prefix("the ")) {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &s[digits.len()..];
    let ordinal = matches!(suffix, "st" | "nd" | "rd" | "th");
    let number = (1..=2).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    if !number || !(ordinal || (prefixed && suffix.is_empty())) {
        return None;
    }
    digits.parse().ok().filter(|n| (1..=31).contains(n))
}

/// The `n`th of this month or the next (a deadline), or of this month or the last (a day
/// that happened), skipping months too short to have it.
fn nth(n: u32, today: NaiveDate, lean: Lean) -> Option<NaiveDate> {
    let first = today.with_day(1)?;
    for k in 0..3 {
        let month = match lean {
            Lean::Future => first + Months::new(k),
            Lean::Past => first - Months::new(k),
        };
        if let Some(d) = month.with_day(n) {
            let fits = match lean {
                Lean::Future => d >= today,
                Lean::Past => d <= today,
            };
            if fits {
                return Some(d);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::{Lean, parse_day};
    use chrono::NaiveDate;

    /// 2026-11-25 is a Wednesday.
    fn wed() -> NaiveDate {
        "2026-11-25".parse().unwrap()
    }

    fn on(s: &str, today: NaiveDate, lean: Lean) -> String {
        parse_day(s, today, lean).map(|d| d.to_string()).unwrap_or_else(|e| format!("error: {e}"))
    }

    #[test]
    fn indonesian_spans_read_as_their_english_words() {
        use Lean::{Future, Past};
        let cases = [
            ("akhir pekan", "this weekend", Future, "2026-11-28"),
            ("akhir minggu", "the weekend", Future, "2026-11-28"),
            ("akhir pekan", "weekend", Past, "2026-11-21"),
            ("akhir pekan depan", "next weekend", Future, "2026-12-05"),
            ("minggu ini", "this week", Future, "2026-11-29"),
            ("minggu ini", "this week", Past, "2026-11-23"),
            ("pekan ini", "this week", Future, "2026-11-29"),
            ("bulan ini", "this month", Future, "2026-11-30"),
            ("awal bulan", "start of month", Future, "2026-12-01"),
            ("awal bulan", "start of the month", Past, "2026-11-01"),
            ("awal bulan depan", "start of next month", Future, "2026-12-01"),
            ("akhir bulan depan", "end of next month", Future, "2026-12-31"),
            ("awal minggu depan", "start of next week", Future, "2026-11-30"),
            ("akhir tahun depan", "end of next year", Future, "2027-12-31"),
            ("tgl 20", "the 20th", Future, "2026-12-20"),
            ("tanggal 20", "20th", Past, "2026-11-20"),
            ("tgl 25", "on the 25th", Future, "2026-11-25"),
            ("tgl 31", "31st", Future, "2026-12-31"),
        ];
        for (id, en, lean, day) in cases {
            assert_eq!(on(id, wed(), lean), day, "{id} ({lean:?})");
            assert_eq!(on(en, wed(), lean), day, "{en} ({lean:?})");
        }
    }

    #[test]
    fn weekends_and_months_at_their_edges() {
        let sat: NaiveDate = "2026-11-28".parse().unwrap();
        let sun: NaiveDate = "2026-11-29".parse().unwrap();
        assert_eq!(on("akhir pekan", sat, Lean::Future), "2026-11-28", "on a Saturday it is today");
        assert_eq!(on("akhir pekan", sun, Lean::Future), "2026-11-28", "on a Sunday it is still this weekend");
        assert_eq!(on("akhir pekan", sun, Lean::Past), "2026-11-28");
        let first: NaiveDate = "2026-12-01".parse().unwrap();
        assert_eq!(on("awal bulan", first, Lean::Future), "2026-12-01");
        let jan31: NaiveDate = "2027-01-31".parse().unwrap();
        assert_eq!(on("akhir bulan depan", jan31, Lean::Future), "2027-02-28");
        assert_eq!(on("tgl 30", jan31, Lean::Future), "2027-03-30", "February has no 30th");
    }

    #[test]
    fn numbers_alone_and_impossible_days_are_not_spans() {
        assert!(on("tgl 32", wed(), Lean::Future).starts_with("error"));
        assert!(on("the 0th", wed(), Lean::Future).starts_with("error"));
        assert!(on("20 bananas", wed(), Lean::Future).starts_with("error"));
    }
}
