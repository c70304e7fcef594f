//! Whether a chat's dates are day-first or month-first. WhatsApp writes the phone's
//! order without saying which, so the file decides: a first number above 12 means
//! day-first, a second above 12 month-first; when every number is 12 or less, the order
//! under which the dates run forward (a chat is written in time order) is the one.
//! When neither tells, the reader asks (`--date-order`) instead of guessing.

use super::line::{Head, Written};
use chrono::NaiveDate;

/// The order of a date's day and month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DateOrder {
    /// Day, month, year (31/12/23): most of the world.
    Dmy,
    /// Month, day, year (12/31/23): the United States and a few others.
    Mdy,
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

/// The file's order, or None when its dates allow both.
pub fn decide<'h>(heads: impl Iterator<Item = &'h Head<'h>> + Clone) -> Option<DateOrder> {
    let either = heads.filter(|h| h.written == Written::Either);
    if either.clone().all(|h| h.date.0 == h.date.1) {
        // Nothing to decide (no such date, or 5/5 either way).
        return Some(DateOrder::Dmy);
    }
    if either.clone().any(|h| h.date.0 > 12) {
        return Some(DateOrder::Dmy);
    }
    if either.clone().any(|h| h.date.1 > 12) {
        return Some(DateOrder::Mdy);
    }
    let backwards = |order: DateOrder| {
        let days = either.clone().filter_map(|h| day(h, order));
        days.clone().zip(days.skip(1)).filter(|(a, b)| b < a).count()
    };
    let (dmy, mdy) = (backwards(DateOrder::Dmy), backwards(DateOrder::Mdy));
    match dmy.cmp(&mdy) {
        std::cmp::Ordering::Less => Some(DateOrder::Dmy),
        std::cmp::Ordering::Greater => Some(DateOrder::Mdy),
        std::cmp::Ordering::Equal => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::line::starts_message;
    use super::*;

    fn order(lines: &[&str]) -> Option<DateOrder> {
        let heads: Vec<Head> = lines.iter().map(|l| starts_message(l).unwrap()).collect();
        decide(heads.iter())
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
}
