//! Weekly reviews: the week's numbers, the user's reflection and the plan made for the
//! next week. Saved so progress and the streak can be seen over time.

use chrono::{DateTime, Days, NaiveDate, Utc, Weekday};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

/// The figures a review records about its week.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Numbers {
    pub interactions: usize,
    pub people: usize,
    pub new_people: usize,
    pub they_reached_out: usize,
    pub you_reached_out: usize,
    pub planned: usize,
    pub planned_reached: usize,
    pub promises_kept: usize,
    pub promises_broken: usize,
    pub promises_overdue: usize,
    /// Of `interactions`, how many `import history` found rather than you logged.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub imported: usize,
    /// Of `interactions`, how many are dated in an earlier, already reviewed week but
    /// were logged after that review: counted here so they are in some week's numbers.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub late_interactions: usize,
    /// Of `new_people`, how many were met in an earlier, already reviewed week but
    /// entered after that review.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub late_people: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// One weekly review.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub id: Uuid,
    /// The last day of the week reviewed (the week is the seven days ending here).
    pub on: NaiveDate,
    pub numbers: Numbers,
    /// What went well.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub went_well: Option<String>,
    /// What to do differently.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub differently: Option<String>,
    /// The plan made for the next week, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Uuid>,
    pub made: DateTime<Utc>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The Monday that starts the calendar week of `day`. Reviews are counted by calendar
/// week (Monday to Sunday): one review a week, whichever day suits.
pub fn week_of(day: NaiveDate) -> NaiveDate {
    day.week(Weekday::Mon).first_day()
}

/// The streak as of `today`: the consecutive calendar weeks, each with a saved review,
/// that end with the latest review, as long as that review was this week or last week.
/// A calendar week without a review resets it to 0. This one definition is used by the
/// review's header, the message after saving and `review history`.
pub fn streak(reviews: &[Review], today: NaiveDate) -> usize {
    let mut weeks: Vec<NaiveDate> = reviews.iter().filter(|r| r.on <= today).map(|r| week_of(r.on)).collect();
    weeks.sort_unstable();
    weeks.dedup();
    let mut expected = week_of(today);
    let mut streak = 0;
    for (i, week) in weeks.iter().rev().enumerate() {
        // The latest review may be this week or last week; after it, no week is skipped.
        if *week != expected && !(i == 0 && Some(*week) == expected.checked_sub_days(Days::new(7))) {
            break;
        }
        streak += 1;
        match week.checked_sub_days(Days::new(7)) {
            Some(before) => expected = before,
            None => break,
        }
    }
    streak
}

/// The latest saved review from a calendar week before the week of `end`: the one a
/// review of the week ending on `end` continues from. A review from the same week is
/// not it: saving again that week replaces it.
pub fn previous(reviews: &[Review], end: NaiveDate) -> Option<&Review> {
    let week = week_of(end);
    reviews.iter().filter(|r| week_of(r.on) < week).max_by_key(|r| (r.on, r.made))
}

/// The streak a review of the week ending on `end` continues: the reviews before that
/// week, as of `end`. 0 when none was saved last week (a skipped week) or ever.
pub fn streak_before(reviews: &[Review], end: NaiveDate) -> usize {
    let week = week_of(end);
    let earlier: Vec<Review> = reviews.iter().filter(|r| week_of(r.on) < week).cloned().collect();
    streak(&earlier, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review(on: &str) -> Review {
        Review {
            id: Uuid::now_v7(),
            on: on.parse().unwrap(),
            numbers: Numbers::default(),
            went_well: None,
            differently: None,
            plan: None,
            made: Utc::now(),
            extra: Map::new(),
        }
    }

    fn today() -> NaiveDate {
        "2026-11-28".parse().unwrap()
    }

    #[test]
    fn weekly_reviews_build_a_streak() {
        // 2026-11-28 is a Saturday; one review in each of the last four calendar weeks.
        let r = [review("2026-11-07"), review("2026-11-14"), review("2026-11-21"), review("2026-11-27")];
        assert_eq!(streak(&r, today()), 4);
        // Any day of the week will do: Monday, then Sunday of the next week.
        let r = [review("2026-11-16"), review("2026-11-29")];
        assert_eq!(streak(&r, "2026-11-29".parse().unwrap()), 2);
    }

    #[test]
    fn last_weeks_review_keeps_the_streak_alive_until_the_week_after() {
        let r = [review("2026-11-14"), review("2026-11-21")];
        assert_eq!(streak(&r, today()), 2, "this week's review is still to come");
        assert_eq!(streak(&r, "2026-11-29".parse().unwrap()), 2, "Sunday of the next week");
        assert_eq!(streak(&r, "2026-11-30".parse().unwrap()), 0, "a whole calendar week without a review");
    }

    #[test]
    fn a_skipped_week_resets_the_streak() {
        let r = [review("2026-10-31"), review("2026-11-07"), review("2026-11-21")];
        assert_eq!(streak(&r, today()), 1);
        assert_eq!(streak(&[], today()), 0);
        // Before this week's review: the week of 2026-11-09 had none, so nothing continues.
        let r = [review("2026-10-31"), review("2026-11-07")];
        assert_eq!(streak_before(&r, "2026-11-21".parse().unwrap()), 0);
        assert_eq!(streak_before(&r, "2026-11-14".parse().unwrap()), 2);
        assert_eq!(previous(&r, "2026-11-21".parse().unwrap()).map(|r| r.on), Some("2026-11-07".parse().unwrap()));
    }

    #[test]
    fn two_reviews_in_one_week_count_once() {
        let r = [review("2026-11-20"), review("2026-11-21"), review("2026-11-27")];
        assert_eq!(streak(&r, today()), 2);
        // The week's own earlier review is replaced, not continued.
        assert_eq!(previous(&r, "2026-11-28".parse().unwrap()).map(|r| r.on), Some("2026-11-21".parse().unwrap()));
        assert_eq!(streak_before(&r, "2026-11-28".parse().unwrap()), 1);
    }
}
