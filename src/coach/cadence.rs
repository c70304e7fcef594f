//! Keep-in-touch rhythm: the cadence the user set, or a sensible default by circle and
//! stage, and when each contact is next due.

use crate::model::{Circle, Contact, Stage};
use chrono::{Days, NaiveDate};

/// The rhythm in force for a contact, in days, and whether the user chose it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rhythm {
    pub days: u32,
    pub chosen: bool,
}

/// The user's cadence, or a default: close people more often, strangers less.
pub fn rhythm(c: &Contact) -> Rhythm {
    if let Some(every) = c.every {
        return Rhythm { days: every.approx_days(), chosen: true };
    }
    let by_stage = match c.stage {
        Stage::Trusted => 30,
        Stage::Connection => 60,
        Stage::Acquaintance => 90,
        Stage::Stranger | Stage::Unknown(_) => 120,
    };
    let days = match c.circle {
        Circle::Family | Circle::Friend => by_stage.min(45),
        _ => by_stage,
    };
    Rhythm { days, chosen: false }
}

/// The day the contact is next due: from the last conversation or, before the first one,
/// from when you added them (or met them, if that was later). Someone met years ago and
/// added today is not overdue on day one.
pub fn next_due(c: &Contact, last: Option<NaiveDate>) -> NaiveDate {
    let added = c.added.date_naive();
    let from = last.unwrap_or_else(|| c.met_on.map_or(added, |met| met.max(added)));
    match c.every {
        Some(every) => every.due_after(from),
        None => from.checked_add_days(Days::new(rhythm(c).days.into())).unwrap_or(NaiveDate::MAX),
    }
}

/// Days past due (positive) or left (negative).
pub fn overdue_days(c: &Contact, last: Option<NaiveDate>, today: NaiveDate) -> i64 {
    (today - next_due(c, last)).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use uuid::Uuid;

    fn contact(circle: Circle, stage: Stage, every: Option<&str>) -> Contact {
        let mut c =
            Contact::new(Uuid::nil(), "h".into(), "X".into(), Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
        c.circle = circle;
        c.stage = stage;
        c.every = every.map(|e| e.parse().unwrap());
        c
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn chosen_cadence_wins() {
        let c = contact(Circle::Colleague, Stage::Stranger, Some("2w"));
        assert_eq!(rhythm(&c), Rhythm { days: 14, chosen: true });
        assert_eq!(next_due(&c, Some(day("2026-11-01"))), day("2026-11-15"));
    }

    #[test]
    fn defaults_follow_stage_and_circle() {
        assert_eq!(rhythm(&contact(Circle::Colleague, Stage::Connection, None)).days, 60);
        assert_eq!(rhythm(&contact(Circle::Family, Stage::Connection, None)).days, 45);
        assert_eq!(rhythm(&contact(Circle::Other, Stage::Stranger, None)).days, 120);
    }

    #[test]
    fn never_talked_counts_from_meeting_or_adding() {
        let mut c = contact(Circle::Colleague, Stage::Trusted, Some("30d"));
        assert_eq!(next_due(&c, None), day("2026-01-31"));
        c.met_on = Some(day("2026-03-01"));
        assert_eq!(next_due(&c, None), day("2026-03-31"));
        assert_eq!(overdue_days(&c, None, day("2026-04-02")), 2);
    }
}
