//! Whether a chat's dates are day-first or month-first. WhatsApp writes the phone's
//! order without saying which, so the file decides: a first number above 12 means
//! day-first, a second above 12 month-first; when every number is 12 or less, the order
//! under which the dates run forward (a chat is written in time order) is the one.
//! When neither tells, the reader asks (`--date-order`) instead of guessing. A date that
//! shows the order outweighs `--date-order`, so the reader refuses a chat that
//! contradicts it rather than read it either way; `--date-order` outweighs the order
//! only guessed from which way the dates run.

use super::line::{Head, Written};
use crate::i18n::Lang;
use crate::t;
use chrono::NaiveDate;

/// The order of a date's day and month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DateOrder {
    /// Day, month, year (31/12/23): most of the world.
    Dmy,
    /// Month, day, year (12/31/23): the United States and a few others.
    Mdy,
}

impl DateOrder {
    /// The other order.
    pub fn other(self) -> DateOrder {
        match self {
            DateOrder::Dmy => DateOrder::Mdy,
            DateOrder::Mdy => DateOrder::Dmy,
        }
    }

    /// Its value for `--date-order`.
    pub fn flag(self) -> &'static str {
        match self {
            DateOrder::Dmy => "dmy",
            DateOrder::Mdy => "mdy",
        }
    }

    /// The order in words: "day/month".
    pub fn words(self, lang: Lang) -> String {
        match self {
            DateOrder::Dmy => t!(lang, "day/month", "hari/bulan"),
            DateOrder::Mdy => t!(lang, "month/day", "bulan/hari"),
        }
    }
}

/// The year, month and day of a date written in `order` (year-first dates have one
/// order), whether or not the calendar has that day: a day that does not exist is
/// named by them.
pub fn ymd(h: &Head, order: DateOrder) -> (i32, u32, u32) {
    let (a, b, year) = h.date;
    let (month, day) = match (h.written, order) {
        (Written::YearFirst, _) | (Written::Either, DateOrder::Mdy) => (a, b),
        (Written::Either, DateOrder::Dmy) => (b, a),
    };
    (year, month, day)
}

/// The day of a date written in `order`; None for a day the calendar does not have.
pub fn day(h: &Head, order: DateOrder) -> Option<NaiveDate> {
    let (year, month, day) = ymd(h, order);
    NaiveDate::from_ymd_opt(year, month, day)
}

/// What a chat's dates say of their order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Told {
    /// A date with a number above 12 can be read in this order only: the first such
    /// date, its line and its numbers as written.
    Shown { order: DateOrder, line: usize, date: (u32, u32, i32) },
    /// Either order gives the same days, or the dates run forward in this one only.
    Likely(DateOrder),
    /// Both orders fit.
    Open,
}

/// What the file's dates, each with its line, say of their order.
pub fn decide(heads: &[(usize, Head)]) -> Told {
    let either = heads.iter().filter(|(_, h)| h.written == Written::Either);
    if either.clone().all(|(_, h)| h.date.0 == h.date.1) {
        // Nothing to decide (no such date, or 5/5 either way).
        return Told::Likely(DateOrder::Dmy);
    }
    let shown = |order: DateOrder, (line, h): &(usize, Head)| Told::Shown { order, line: *line, date: h.date };
    if let Some(first) = either.clone().find(|(_, h)| h.date.0 > 12) {
        return shown(DateOrder::Dmy, first);
    }
    if let Some(first) = either.clone().find(|(_, h)| h.date.1 > 12) {
        return shown(DateOrder::Mdy, first);
    }
    let backwards = |order: DateOrder| {
        let days = either.clone().filter_map(|(_, h)| day(h, order));
        days.clone().zip(days.skip(1)).filter(|(a, b)| b < a).count()
    };
    let (dmy, mdy) = (backwards(DateOrder::Dmy), backwards(DateOrder::Mdy));
    match dmy.cmp(&mdy) {
        std::cmp::Ordering::Less => Told::Likely(DateOrder::Dmy),
        std::cmp::Ordering::Greater => Told::Likely(DateOrder::Mdy),
        std::cmp::Ordering::Equal => Told::Open,
    }
}

#[cfg(test)]
mod tests {
    use super::super::line::starts_message;
    use super::*;

    fn order(lines: &[&str]) -> Option<DateOrder> {
        match told(lines) {
            Told::Shown { order, .. } | Told::Likely(order) => Some(order),
            Told::Open => None,
        }
    }

    fn told(lines: &[&str]) -> Told {
        let heads: Vec<(usize, Head)> =
            lines.iter().enumerate().map(|(i, l)| (i + 1, starts_message(l).unwrap())).collect();
        decide(&heads)
    }

    #[test]
    fn the_file_decides_or_nothing_does() {
        assert_eq!(order(&["13/1/24 09.00 - Budi: hai"]), Some(DateOrder::Dmy));
        assert_eq!(order(&["1/13/24, 9:00 AM - Budi: hi"]), Some(DateOrder::Mdy));
        // 1 Feb then 3 Jan runs backward: so it is 2 Jan then 1 Mar.
        assert_eq!(order(&["1/2/24, 9:00 - Budi: hi", "3/1/24, 9:00 - Budi: hi"]), Some(DateOrder::Mdy));
        assert_eq!(order(&["2/1/24, 9:00 - Budi: hi", "1/3/24, 9:00 - Budi: hi"]), Some(DateOrder::Dmy));
        assert_eq!(order(&["5/5/24, 9:00 - Budi: hi"]), Some(DateOrder::Dmy), "the same day either way");
        assert_eq!(order(&["1/2/24, 9:00 AM - Budi: hi", "1/5/24, 9:00 AM - Budi: hi"]), None, "both run forward");
        assert_eq!(order(&["2019/01/03, 20:49 - Budi: hi"]), Some(DateOrder::Dmy), "year-first has one order");
    }

    #[test]
    fn a_date_that_shows_the_order_is_named_by_its_line() {
        let lines = ["1/2/24, 9:00 AM - Budi: hi", "2019/01/30, 20:49 - Budi: hi", "1/13/24, 9:00 AM - Budi: hi"];
        assert_eq!(told(&lines), Told::Shown { order: DateOrder::Mdy, line: 3, date: (1, 13, 2024) });
        let lines = ["1/2/24 09.00 - Budi: hi", "13/2/24 09.00 - Budi: hi", "14/2/24 09.00 - Budi: hi"];
        assert_eq!(told(&lines), Told::Shown { order: DateOrder::Dmy, line: 2, date: (13, 2, 2024) });
        assert_eq!(told(&["2/1/24, 9:00 - Budi: hi", "1/3/24, 9:00 - Budi: hi"]), Told::Likely(DateOrder::Dmy));
    }
}
