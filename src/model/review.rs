//! Weekly reviews: the week's numbers, the user's reflection and the plan made for the
//! next week. Saved so progress and the streak can be seen over time.

use chrono::{DateTime, NaiveDate, Utc};
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

/// Consecutive weekly reviews up to `today`: each within 10 days of the next, the
/// latest within 10 days of today (a few days' slack, since life does not run on a
/// timetable).
pub fn streak(reviews: &[Review], today: NaiveDate) -> usize {
    const SLACK: i64 = 10;
    let mut days: Vec<NaiveDate> = reviews.iter().map(|r| r.on).filter(|d| *d <= today).collect();
    days.sort_unstable();
    days.dedup();
    let mut streak = 0;
    let mut next = today;
    for day in days.iter().rev() {
        if (next - *day).num_days() > SLACK {
            break;
        }
        // Two reviews in the same week count once.
        if streak == 0 || (next - *day).num_days() >= 4 {
            streak += 1;
            next = *day;
        }
    }
    streak
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
        let r = [review("2026-11-07"), review("2026-11-14"), review("2026-11-21"), review("2026-11-27")];
        assert_eq!(streak(&r, today()), 4);
    }

    #[test]
    fn a_gap_breaks_the_streak() {
        let r = [review("2026-10-10"), review("2026-11-14"), review("2026-11-21")];
        assert_eq!(streak(&r, today()), 2);
        assert_eq!(streak(&r, "2026-12-20".parse().unwrap()), 0);
        assert_eq!(streak(&[], today()), 0);
    }

    #[test]
    fn two_reviews_in_one_week_count_once() {
        let r = [review("2026-11-20"), review("2026-11-21"), review("2026-11-27")];
        assert_eq!(streak(&r, today()), 2);
    }
}
