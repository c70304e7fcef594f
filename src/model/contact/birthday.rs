//! A birthday: a month and day, with the year when it is known (address books often
//! keep `--03-15`, a birthday without a year).

use crate::i18n::Lang;
use crate::i18n::Localized;
use crate::t;
use chrono::{Datelike, NaiveDate};
use std::fmt;
use std::str::FromStr;

/// A birthday, stored as `1990-03-15` or, without a year, `--03-15` (the vCard 4 form).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Birthday {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

/// Why a birthday could not be read.
#[derive(Debug, PartialEq, Eq)]
pub struct BirthdayError(pub String);

crate::localized_error!(BirthdayError);

impl Localized for BirthdayError {
    fn message(&self, lang: Lang) -> String {
        let s = &self.0;
        t!(
            lang,
            "{s:?} is not a birthday; use MM-DD (03-15) or YYYY-MM-DD (1990-03-15)",
            "{s:?} bukan tanggal lahir; pakai MM-DD (03-15) atau YYYY-MM-DD (1990-03-15)"
        )
    }
}

impl Birthday {
    /// A birthday if the day exists: 29 February is accepted without a year (it exists in
    /// leap years) and with a leap year only.
    pub fn new(year: Option<i32>, month: u32, day: u32) -> Option<Birthday> {
        let check_year = year.unwrap_or(2000);
        NaiveDate::from_ymd_opt(check_year, month, day)?;
        if year.is_some_and(|y| !(1..=9999).contains(&y)) {
            return None;
        }
        Some(Birthday { year, month, day })
    }

    /// The next day, `today` included, the birthday falls on. Outside leap years
    /// 29 February is celebrated on 28 February, so it still comes round every year.
    pub fn next_on(&self, today: NaiveDate) -> Option<NaiveDate> {
        let in_year = |y: i32| {
            NaiveDate::from_ymd_opt(y, self.month, self.day)
                .or_else(|| NaiveDate::from_ymd_opt(y, self.month, self.day.saturating_sub(1)))
        };
        match in_year(today.year())? {
            d if d >= today => Some(d),
            _ => in_year(today.year() + 1),
        }
    }

    /// How old they turn on the birthday that falls on `day`, when the year is known.
    pub fn turns_on(&self, day: NaiveDate) -> Option<i32> {
        self.year.map(|y| day.year() - y).filter(|age| *age > 0)
    }
}

impl FromStr for Birthday {
    type Err = BirthdayError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || BirthdayError(s.to_string());
        let t = s.trim();
        let (year, rest) = match t.strip_prefix("--") {
            Some(rest) => (None, rest),
            None => {
                let (y, rest) = t.split_once('-').ok_or_else(err)?;
                if y.len() != 4 {
                    return Err(err());
                }
                (Some(y.parse::<i32>().map_err(|_| err())?), rest)
            }
        };
        let (m, d) = rest.split_once('-').ok_or_else(err)?;
        if m.len() != 2 || d.len() != 2 {
            return Err(err());
        }
        let month = m.parse().map_err(|_| err())?;
        let day = d.parse().map_err(|_| err())?;
        Birthday::new(year, month, day).ok_or_else(err)
    }
}

impl fmt::Display for Birthday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(y) => write!(f, "{y:04}-{:02}-{:02}", self.month, self.day),
            None => write!(f, "--{:02}-{:02}", self.month, self.day),
        }
    }
}

impl serde::Serialize for Birthday {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Birthday {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_both_forms() {
        for s in ["1990-03-15", "--03-15", "--02-29", "2000-02-29"] {
            assert_eq!(s.parse::<Birthday>().unwrap().to_string(), s);
        }
        for bad in ["", "1990-02-30", "2001-02-29", "--13-01", "90-03-15", "1990/03/15", "--3-15"] {
            assert!(bad.parse::<Birthday>().is_err(), "{bad}");
        }
    }

    #[test]
    fn the_next_birthday_and_the_age_it_brings() {
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        let b: Birthday = "1990-11-30".parse().unwrap();
        assert_eq!(b.next_on(day("2026-11-28")), Some(day("2026-11-30")));
        assert_eq!(b.next_on(day("2026-11-30")), Some(day("2026-11-30")), "today counts");
        assert_eq!(b.next_on(day("2026-12-01")), Some(day("2027-11-30")));
        assert_eq!(b.turns_on(day("2026-11-30")), Some(36));
        let leap: Birthday = "--02-29".parse().unwrap();
        assert_eq!(leap.next_on(day("2026-11-28")), Some(day("2027-02-28")));
        assert_eq!(leap.next_on(day("2027-12-01")), Some(day("2028-02-29")));
        assert_eq!(leap.turns_on(day("2028-02-29")), None, "no year, no age");
    }
}
