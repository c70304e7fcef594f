//! "Now", read once per run. `JEJARING_NOW` pretends a time (RFC 3339 or a plain date)
//! so tests and demos give the same answers every day.

use chrono::{DateTime, Local, NaiveDate, NaiveTime, Utc};

/// The moment a command runs and the calendar day it counts as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    pub now: DateTime<Utc>,
    /// Today in the user's calendar (their time zone, or the offset `JEJARING_NOW` gave).
    pub today: NaiveDate,
}

impl Clock {
    /// The real clock, or the pretend one from `JEJARING_NOW`.
    pub fn from_env(pretend: Option<&str>) -> Result<Clock, String> {
        match pretend.map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => Clock::parse(s).ok_or_else(|| s.to_string()),
            None => {
                let local = Local::now();
                Ok(Clock { now: local.with_timezone(&Utc), today: local.date_naive() })
            }
        }
    }

    /// Reads `2026-11-28T09:00:00+07:00` or `2026-11-28` (noon UTC that day).
    pub fn parse(s: &str) -> Option<Clock> {
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            return Some(Clock { now: t.with_timezone(&Utc), today: t.date_naive() });
        }
        let day = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
        let noon = NaiveTime::from_hms_opt(12, 0, 0)?;
        Some(Clock { now: day.and_time(noon).and_utc(), today: day })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_dates_and_rfc3339_are_read() {
        let c = Clock::parse("2026-11-28").unwrap();
        assert_eq!(c.today.to_string(), "2026-11-28");
        assert_eq!(c.now.to_rfc3339(), "2026-11-28T12:00:00+00:00");
        let c = Clock::parse("2026-11-28T23:30:00-05:00").unwrap();
        assert_eq!(c.today.to_string(), "2026-11-28");
        assert_eq!(c.now.to_rfc3339(), "2026-11-29T04:30:00+00:00");
        assert!(Clock::parse("soon").is_none());
        assert!(Clock::from_env(Some("2026-13-01")).is_err());
    }
}
