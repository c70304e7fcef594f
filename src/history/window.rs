//! Which traces an import keeps and on which day each falls: the user's own calendar
//! day (their time zone), from `--since` up to now.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, Utc};

/// The time zone whose calendar days the user lives by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    /// The machine's own zone (`TZ`, else the system's).
    Local,
    /// A fixed offset from UTC (tests, and callers that know it).
    Fixed(FixedOffset),
}

impl Zone {
    pub const UTC: Zone = Zone::Fixed(FixedOffset::east_opt(0).expect("zero is an offset"));

    /// The user's calendar day this instant falls on.
    pub fn day(self, at: DateTime<Utc>) -> NaiveDate {
        match self {
            Zone::Local => at.with_timezone(&Local).date_naive(),
            Zone::Fixed(offset) => at.with_timezone(&offset).date_naive(),
        }
    }
}

/// What an import reads: up to `now`, from `since` (a day in the user's calendar),
/// each trace dated in `zone`.
#[derive(Clone, Copy, Debug)]
pub struct Window {
    pub now: DateTime<Utc>,
    pub since: Option<NaiveDate>,
    pub zone: Zone,
}

impl Window {
    /// Everything up to `now`, dated by UTC days.
    pub fn utc(now: DateTime<Utc>) -> Window {
        Window { now, since: None, zone: Zone::UTC }
    }

    /// Whether a day is before the window.
    pub fn before(&self, day: NaiveDate) -> bool {
        self.since.is_some_and(|s| day < s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_instant_falls_on_the_users_own_day() {
        // Wednesday 06:30 in Jakarta is Tuesday 23:30 in UTC.
        let at: DateTime<Utc> = "2026-11-03T23:30:00Z".parse().unwrap();
        let jakarta = Zone::Fixed(FixedOffset::east_opt(7 * 3600).unwrap());
        assert_eq!(jakarta.day(at).to_string(), "2026-11-04");
        assert_eq!(Zone::UTC.day(at).to_string(), "2026-11-03");
    }
}
