//! How often the user wants to be in touch with someone: `30d`, `2w`, `3m`, `1y`.

use crate::i18n::Lang;
use crate::i18n::Localized;
use crate::t;
use chrono::{Days, Months, NaiveDate};
use std::fmt;
use std::str::FromStr;

/// A keep-in-touch cadence, stored as its short form (`"30d"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cadence {
    pub count: u32,
    pub unit: CadenceUnit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CadenceUnit {
    Day,
    Week,
    Month,
    Year,
}

/// Why a cadence could not be read.
#[derive(Debug, PartialEq, Eq)]
pub struct CadenceError(pub String);

crate::localized_error!(CadenceError);

impl Localized for CadenceError {
    fn message(&self, lang: Lang) -> String {
        let s = &self.0;
        t!(
            lang,
            "{s:?} is not a cadence; use a number and a unit such as 30d, 2w, 3m or 1y (at most 5 years)",
            "{s:?} bukan jangka waktu; pakai angka dan satuan seperti 30h, 2mg, 3bln atau 1th, atau 2 minggu (paling lama 5 tahun)"
        )
    }
}

impl Cadence {
    /// The longest cadence accepted; beyond this "keep in touch" means nothing.
    const MAX_DAYS: u32 = 5 * 366;

    /// The day the next contact is due, counting from the last one.
    pub fn due_after(&self, last: NaiveDate) -> NaiveDate {
        let next = match self.unit {
            CadenceUnit::Day => last.checked_add_days(Days::new(self.count.into())),
            CadenceUnit::Week => last.checked_add_days(Days::new(u64::from(self.count) * 7)),
            CadenceUnit::Month => last.checked_add_months(Months::new(self.count)),
            CadenceUnit::Year => last.checked_add_months(Months::new(self.count * 12)),
        };
        next.unwrap_or(NaiveDate::MAX)
    }

    /// The cadence as a reader says it: "every 2 weeks", "every month", "setiap 2 minggu",
    /// "setiap bulan" (the short form `2w` is for typing).
    pub fn every(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Lang;
        let n = self.count;
        let unit = match (self.unit, lang, n == 1) {
            (CadenceUnit::Day, Lang::En, true) => "day",
            (CadenceUnit::Day, Lang::En, false) => "days",
            (CadenceUnit::Week, Lang::En, true) => "week",
            (CadenceUnit::Week, Lang::En, false) => "weeks",
            (CadenceUnit::Month, Lang::En, true) => "month",
            (CadenceUnit::Month, Lang::En, false) => "months",
            (CadenceUnit::Year, Lang::En, true) => "year",
            (CadenceUnit::Year, Lang::En, false) => "years",
            (CadenceUnit::Day, Lang::Id, _) => "hari",
            (CadenceUnit::Week, Lang::Id, _) => "minggu",
            (CadenceUnit::Month, Lang::Id, _) => "bulan",
            (CadenceUnit::Year, Lang::Id, _) => "tahun",
        };
        match (lang, n) {
            (Lang::En, 1) => format!("every {unit}"),
            (Lang::En, n) => format!("every {n} {unit}"),
            (Lang::Id, 1) => format!("setiap {unit}"),
            (Lang::Id, n) => format!("setiap {n} {unit}"),
        }
    }

    /// The cadence in days, months counted as 30 and years as 365 (for comparisons).
    pub fn approx_days(&self) -> u32 {
        self.count
            * match self.unit {
                CadenceUnit::Day => 1,
                CadenceUnit::Week => 7,
                CadenceUnit::Month => 30,
                CadenceUnit::Year => 365,
            }
    }
}

impl FromStr for Cadence {
    type Err = CadenceError;

    /// Accepts a whole number and a unit, with or without a space: `d`/`day(s)`, `w`/`week(s)`,
    /// `m`/`month(s)`, `y`/`year(s)`, and in Indonesian `h`/`hari`, `mg`/`minggu`/`pekan`,
    /// `bln`/`bulan`, `th`/`thn`/`tahun`.
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let err = || CadenceError(input.to_string());
        let s = input.trim().to_lowercase();
        let split = s.find(|c: char| !c.is_ascii_digit()).ok_or_else(err)?;
        let (digits, unit) = s.split_at(split);
        let count: u32 = digits.parse().map_err(|_| err())?;
        let unit = match unit.trim() {
            "d" | "day" | "days" | "h" | "hr" | "hari" => CadenceUnit::Day,
            "w" | "week" | "weeks" | "mg" | "minggu" | "pekan" => CadenceUnit::Week,
            "m" | "month" | "months" | "bln" | "bulan" => CadenceUnit::Month,
            "y" | "year" | "years" | "th" | "thn" | "tahun" => CadenceUnit::Year,
            _ => return Err(err()),
        };
        let cadence = Cadence { count, unit };
        if count == 0 || count > Self::MAX_DAYS || cadence.approx_days() > Self::MAX_DAYS {
            return Err(err());
        }
        Ok(cadence)
    }
}

impl fmt::Display for Cadence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match self.unit {
            CadenceUnit::Day => 'd',
            CadenceUnit::Week => 'w',
            CadenceUnit::Month => 'm',
            CadenceUnit::Year => 'y',
        };
        write!(f, "{}{unit}", self.count)
    }
}

impl serde::Serialize for Cadence {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Cadence {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn parses_short_and_long_forms() {
        assert_eq!("30d".parse::<Cadence>().unwrap().to_string(), "30d");
        assert_eq!("2 weeks".parse::<Cadence>().unwrap().to_string(), "2w");
        assert_eq!("3M".parse::<Cadence>().unwrap().to_string(), "3m");
        assert_eq!("1 tahun".parse::<Cadence>().unwrap().to_string(), "1y");
        assert_eq!("2 minggu".parse::<Cadence>().unwrap().approx_days(), 14);
    }

    #[test]
    fn cadences_read_as_words() {
        use crate::i18n::Lang;
        let every = |s: &str, lang| s.parse::<Cadence>().unwrap().every(lang);
        assert_eq!(every("1m", Lang::En), "every month");
        assert_eq!(every("2w", Lang::En), "every 2 weeks");
        assert_eq!(every("1m", Lang::Id), "setiap bulan");
        assert_eq!(every("2mg", Lang::Id), "setiap 2 minggu");
        assert_eq!(every("30d", Lang::Id), "setiap 30 hari");
    }

    #[test]
    fn indonesian_units_short_and_long() {
        for (given, read) in [
            ("30h", "30d"),
            ("30 hari", "30d"),
            ("2mg", "2w"),
            ("2 mg", "2w"),
            ("2 minggu", "2w"),
            ("3 pekan", "3w"),
            ("3bln", "3m"),
            ("3 bulan", "3m"),
            ("1th", "1y"),
            ("1 thn", "1y"),
            ("1 Tahun", "1y"),
        ] {
            assert_eq!(given.parse::<Cadence>().map(|c| c.to_string()), Ok(read.to_string()), "{given}");
        }
    }

    #[test]
    fn refuses_nonsense() {
        for bad in ["", "d", "30", "0d", "-3d", "3x", "1.5w", "99999d", "10y", "3 d d"] {
            assert!(bad.parse::<Cadence>().is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn due_dates_cross_month_and_year_ends() {
        let c: Cadence = "1m".parse().unwrap();
        assert_eq!(c.due_after(day(2026, 1, 31)), day(2026, 2, 28));
        let c: Cadence = "2w".parse().unwrap();
        assert_eq!(c.due_after(day(2026, 12, 25)), day(2027, 1, 8));
        let c: Cadence = "1y".parse().unwrap();
        assert_eq!(c.due_after(day(2028, 2, 29)), day(2029, 2, 28));
    }

    #[test]
    fn round_trips_through_json() {
        let c: Cadence = "6w".parse().unwrap();
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, "\"6w\"");
        assert_eq!(serde_json::from_str::<Cadence>(&json).unwrap(), c);
    }
}
