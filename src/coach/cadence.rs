//! Keep-in-touch rhythm: the cadence the user set, a short follow-up rhythm for someone
//! newly met, or a sensible default by circle and stage, and when each contact is next due.
//!
//! The follow-up rule: someone you met (`met_on`) and entered within 30 days of meeting,
//! with no cadence of your own, is first due a week after you met (or the day you entered
//! them, if that was later). Each conversation in the 30 days after meeting makes the next
//! one due a month later, while those 30 days last: once they are over the person is no
//! longer new, and the stage's default applies from the last conversation (so a monthly
//! due date moves once, on the day the window closes). A first follow-up never done does
//! not lapse: it stays due until you talk (or snooze them).

use crate::model::listed::Listed;
use crate::model::{Cadence, Circle, Contact, Stage};
use chrono::{Days, NaiveDate};
use serde::Serialize;

/// Someone is newly met for this many days after you met them.
pub const NEW_DAYS: i64 = 30;
/// The first follow-up is due this many days after meeting.
pub const FIRST_FOLLOW_UP_DAYS: u32 = 7;
/// While newly met, each conversation makes the next due this many days later.
pub const FOLLOW_UP_DAYS: u32 = 30;

/// The rhythm in force for a contact, in days, whether the user chose it, and whether
/// it is the follow-up rhythm of someone newly met.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rhythm {
    pub days: u32,
    pub chosen: bool,
    pub follow_up: Option<FollowUp>,
}

/// Which step of the follow-up rhythm is in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUp {
    /// No conversation since the meeting: the first follow-up, a week after.
    First,
    /// Talked since meeting, within the first 30 days: monthly.
    Monthly,
}

/// Whether you met the contact within the last `NEW_DAYS` days, by the one rule for who
/// is new (`Contact::met_between`: the meeting day, never the day you entered them).
pub fn newly_met(c: &Contact, today: NaiveDate) -> bool {
    let from = today.checked_sub_days(Days::new(NEW_DAYS as u64)).unwrap_or(NaiveDate::MIN);
    c.met_between(from, today)
}

/// What a contact's rhythm rests on: their circle and stage (for the default), the
/// cadence you chose, the day you met and the day you added them. A whole contact and a
/// row of `list` (`Listed`) both give it.
#[derive(Clone, Copy, Debug)]
pub struct Basis<'a> {
    pub circle: &'a Circle,
    pub stage: &'a Stage,
    pub every: Option<Cadence>,
    pub met_on: Option<NaiveDate>,
    pub added: NaiveDate,
}

impl<'a> From<&'a Contact> for Basis<'a> {
    fn from(c: &'a Contact) -> Basis<'a> {
        Basis { circle: &c.circle, stage: &c.stage, every: c.every, met_on: c.met_on, added: c.added.date_naive() }
    }
}

impl<'a> From<&'a Listed<'_>> for Basis<'a> {
    fn from(c: &'a Listed<'_>) -> Basis<'a> {
        Basis { circle: &c.circle, stage: &c.stage, every: c.every, met_on: c.met_on, added: c.added.date_naive() }
    }
}

/// The rhythm in force on `today` after the last conversation (`last`): the user's
/// cadence, the follow-up rhythm while someone is newly met, or the stage's default.
pub fn rhythm<'a>(c: impl Into<Basis<'a>>, last: Option<NaiveDate>, today: NaiveDate) -> Rhythm {
    let c = c.into();
    if let Some(every) = c.every {
        return Rhythm { days: every.approx_days(), chosen: true, follow_up: None };
    }
    match follow_up(c, last, today) {
        Some((step @ FollowUp::First, _)) => {
            Rhythm { days: FIRST_FOLLOW_UP_DAYS, chosen: false, follow_up: Some(step) }
        }
        Some((step @ FollowUp::Monthly, _)) => Rhythm { days: FOLLOW_UP_DAYS, chosen: false, follow_up: Some(step) },
        None => Rhythm { days: stage_days(c), chosen: false, follow_up: None },
    }
}

/// The default by stage and circle: close people more often, strangers less.
pub fn stage_days<'a>(c: impl Into<Basis<'a>>) -> u32 {
    let c = c.into();
    let by_stage = match c.stage {
        Stage::Trusted => 30,
        Stage::Connection => 60,
        Stage::Acquaintance => 90,
        Stage::Stranger | Stage::Unknown(_) => 120,
    };
    match c.circle {
        Circle::Family | Circle::Friend => by_stage.min(45),
        _ => by_stage,
    }
}

/// The follow-up step in force on `today` and the day it is due, when the follow-up rule
/// applies (see the module note). None for a chosen cadence, an unknown meeting date,
/// someone entered more than 30 days after meeting, a last conversation after the first
/// 30 days, or the monthly step once those 30 days are over.
pub fn follow_up<'a>(
    c: impl Into<Basis<'a>>,
    last: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<(FollowUp, NaiveDate)> {
    let c = c.into();
    let met = c.met_on?;
    let window_end = met.checked_add_days(Days::new(NEW_DAYS as u64))?;
    let added = c.added;
    if c.every.is_some() || added > window_end {
        return None;
    }
    let add = |from: NaiveDate, days: u32| from.checked_add_days(Days::new(days.into())).unwrap_or(NaiveDate::MAX);
    match last.filter(|&l| l > met) {
        // A conversation on the day you met is the meeting itself, not a follow-up.
        None => Some((FollowUp::First, add(met, FIRST_FOLLOW_UP_DAYS).max(added))),
        // Monthly only while they are new: after the 30 days, the stage's rhythm.
        Some(l) if l <= window_end && today <= window_end => Some((FollowUp::Monthly, add(l, FOLLOW_UP_DAYS))),
        Some(_) => None,
    }
}

/// The day the contact is next due, as it stands on `today`: from the last conversation
/// or, before the first one, from when you added them (or met them, if that was later).
/// Someone met years ago and added today is not overdue on day one.
pub fn next_due<'a>(c: impl Into<Basis<'a>>, last: Option<NaiveDate>, today: NaiveDate) -> NaiveDate {
    let c = c.into();
    if let Some((_, due)) = follow_up(c, last, today) {
        return due;
    }
    let added = c.added;
    let from = last.unwrap_or_else(|| c.met_on.map_or(added, |met| met.max(added)));
    match c.every {
        Some(every) => every.due_after(from),
        None => from.checked_add_days(Days::new(rhythm(c, last, today).days.into())).unwrap_or(NaiveDate::MAX),
    }
}

/// Days past due (positive) or left (negative).
pub fn overdue_days<'a>(c: impl Into<Basis<'a>>, last: Option<NaiveDate>, today: NaiveDate) -> i64 {
    (today - next_due(c, last, today)).num_days()
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

    /// The last day of the 30 after a meeting on 2026-11-16.
    fn within() -> NaiveDate {
        day("2026-12-16")
    }

    fn rhythm_of(c: &Contact) -> Rhythm {
        rhythm(c, None, within())
    }

    /// A stranger met at a meetup on `met`, entered the same day.
    fn met_at_meetup(met: &str) -> Contact {
        let mut c = contact(Circle::Other, Stage::Stranger, None);
        c.met_on = Some(day(met));
        c.added = Utc.from_utc_datetime(&day(met).and_hms_opt(20, 0, 0).unwrap());
        c
    }

    #[test]
    fn someone_newly_met_is_followed_up_in_a_week_then_monthly() {
        let c = met_at_meetup("2026-11-16");
        // The meeting day's conversation is the meeting, not the follow-up.
        for last in [None, Some(day("2026-11-16"))] {
            assert_eq!(follow_up(&c, last, within()), Some((FollowUp::First, day("2026-11-23"))));
            assert_eq!(next_due(&c, last, within()), day("2026-11-23"));
            assert_eq!(rhythm(&c, last, within()), Rhythm { days: 7, chosen: false, follow_up: Some(FollowUp::First) });
        }
        assert_eq!(overdue_days(&c, Some(day("2026-11-16")), day("2026-11-28")), 5);
        // Followed up on day 5: the next is a month later, not the stranger's 120 days.
        assert_eq!(next_due(&c, Some(day("2026-11-21")), within()), day("2026-12-21"));
        assert_eq!(rhythm(&c, Some(day("2026-11-21")), within()).follow_up, Some(FollowUp::Monthly));
        // The last day of the 30 still counts; the day after goes back to the stage.
        assert_eq!(next_due(&c, Some(day("2026-12-16")), within()), day("2027-01-15"));
        assert_eq!(next_due(&c, Some(day("2026-12-17")), within()), day("2027-04-16"));
        assert_eq!(rhythm(&c, Some(day("2026-12-17")), within()), Rhythm { days: 120, chosen: false, follow_up: None });
    }

    #[test]
    fn the_monthly_follow_up_ends_with_the_30_days() {
        // Met 11-16, followed up 11-20: monthly while new, next 12-20.
        let c = met_at_meetup("2026-11-16");
        let last = Some(day("2026-11-20"));
        assert_eq!(next_due(&c, last, day("2026-12-16")), day("2026-12-20"));
        // From 12-17 they are no longer new: a stranger's 120 days from that conversation,
        // not a monthly date kept after the window closed.
        for today in ["2026-12-17", "2027-01-25"] {
            assert_eq!(follow_up(&c, last, day(today)), None, "{today}");
            assert_eq!(rhythm(&c, last, day(today)), Rhythm { days: 120, chosen: false, follow_up: None });
            assert_eq!(next_due(&c, last, day(today)), day("2027-03-20"));
        }
        assert_eq!(overdue_days(&c, last, day("2027-01-25")), -54);
        // A first follow-up never done does not lapse: it stays due until they talk.
        assert_eq!(follow_up(&c, None, day("2027-01-25")), Some((FollowUp::First, day("2026-11-23"))));
    }

    #[test]
    fn follow_up_is_only_for_people_newly_met() {
        // Met long ago and entered today: the stage's default, not overdue on day one.
        let mut c = met_at_meetup("2026-11-16");
        c.met_on = Some(day("2022-10-20"));
        assert_eq!(follow_up(&c, None, within()), None);
        assert_eq!(next_due(&c, None, within()), day("2027-03-16"));
        // No meeting date (an import, or entered as someone already known): no follow-up.
        c.met_on = None;
        assert_eq!(follow_up(&c, None, within()), None);
        // A cadence the user chose wins.
        let mut c = met_at_meetup("2026-11-16");
        c.every = Some("2w".parse().unwrap());
        assert_eq!(follow_up(&c, None, within()), None);
        assert_eq!(next_due(&c, Some(day("2026-11-16")), within()), day("2026-11-30"));
        // Met 20 days ago, entered today: the first follow-up is due today, not in the past.
        let mut c = met_at_meetup("2026-11-28");
        c.met_on = Some(day("2026-11-08"));
        assert_eq!(next_due(&c, None, within()), day("2026-11-28"));
    }

    #[test]
    fn newly_met_is_by_the_meeting_date() {
        let c = met_at_meetup("2026-10-29");
        assert!(newly_met(&c, day("2026-11-28")));
        assert!(!newly_met(&c, day("2026-11-29")));
        assert!(!newly_met(&c, day("2026-10-28")), "not met yet");
        let mut c = met_at_meetup("2026-11-16");
        c.met_on = None;
        assert!(!newly_met(&c, day("2026-11-17")), "entered is not met");
    }

    #[test]
    fn chosen_cadence_wins() {
        let c = contact(Circle::Colleague, Stage::Stranger, Some("2w"));
        assert_eq!(rhythm(&c, None, within()), Rhythm { days: 14, chosen: true, follow_up: None });
        assert_eq!(next_due(&c, Some(day("2026-11-01")), within()), day("2026-11-15"));
    }

    #[test]
    fn defaults_follow_stage_and_circle() {
        assert_eq!(rhythm_of(&contact(Circle::Colleague, Stage::Connection, None)).days, 60);
        assert_eq!(rhythm_of(&contact(Circle::Family, Stage::Connection, None)).days, 45);
        assert_eq!(rhythm_of(&contact(Circle::Other, Stage::Stranger, None)).days, 120);
    }

    #[test]
    fn never_talked_counts_from_meeting_or_adding() {
        let mut c = contact(Circle::Colleague, Stage::Trusted, Some("30d"));
        assert_eq!(next_due(&c, None, within()), day("2026-01-31"));
        c.met_on = Some(day("2026-03-01"));
        assert_eq!(next_due(&c, None, within()), day("2026-03-31"));
        assert_eq!(overdue_days(&c, None, day("2026-04-02")), 2);
    }
}
