//! Weekly plans: whom the user chose to reach in a week, and why. `review` compares the
//! plan with what happened.

use super::Interaction;
use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

/// How long a plan runs, from the day it was made.
pub const PLAN_DAYS: u64 = 7;

/// One person picked for the week and the reason they were proposed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pick {
    pub contact: Uuid,
    /// The reason's key (see `coach::select::Reason::key`), kept as text so an unknown
    /// reason from a newer version survives.
    pub reason: String,
}

/// A week's plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub id: Uuid,
    /// The first day of the plan's week.
    pub starts: NaiveDate,
    pub picks: Vec<Pick>,
    pub made: DateTime<Utc>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Plan {
    /// The last day the plan covers.
    pub fn ends(&self) -> NaiveDate {
        self.starts.checked_add_days(Days::new(PLAN_DAYS - 1)).unwrap_or(NaiveDate::MAX)
    }

    pub fn covers(&self, day: NaiveDate) -> bool {
        self.starts <= day && day <= self.ends()
    }

    /// Whether `i` reached one of the plan's people: it happened after the plan was
    /// made, by `to`. A conversation on the plan's first day counts only when it was
    /// logged after the plan was saved: the lunch that came before the review that made
    /// the plan is not the plan's doing.
    pub fn reached_by(&self, i: &Interaction, to: NaiveDate) -> bool {
        i.on <= to && (i.on > self.starts || (i.on == self.starts && i.logged >= self.made))
    }

    /// Whether anyone reached `contact` after the plan was made, by `to`.
    pub fn reached(&self, interactions: &[Interaction], contact: &Uuid, to: NaiveDate) -> bool {
        interactions.iter().any(|i| i.involves(contact) && self.reached_by(i, to))
    }
}

/// The plan in force on `day`: the latest one covering it.
pub fn current(plans: &[Plan], day: NaiveDate) -> Option<&Plan> {
    plans.iter().filter(|p| p.covers(day)).max_by_key(|p| (p.starts, p.made))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(starts: &str) -> Plan {
        Plan { id: Uuid::now_v7(), starts: starts.parse().unwrap(), picks: vec![], made: Utc::now(), extra: Map::new() }
    }

    #[test]
    fn a_plan_covers_seven_days() {
        let p = plan("2026-11-23");
        assert_eq!(p.ends().to_string(), "2026-11-29");
        assert!(p.covers("2026-11-29".parse().unwrap()));
        assert!(!p.covers("2026-11-30".parse().unwrap()));
    }

    #[test]
    fn a_plan_counts_only_what_came_after_it() {
        let made = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 12, 20, 18, 0, 0).unwrap();
        let p = Plan { made, ..plan("2026-12-20") };
        let who = Uuid::now_v7();
        let talk = |on: &str, logged_hour: u32| {
            let logged = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 12, 20, logged_hour, 0, 0).unwrap();
            Interaction::new(vec![who], super::super::Kind::Meeting, on.parse().unwrap(), logged)
        };
        let end = "2026-12-26".parse().unwrap();
        // Lunch logged at noon, the review saving the plan at six: not the plan's doing.
        assert!(!p.reached(&[talk("2026-12-20", 12)], &who, end));
        assert!(p.reached(&[talk("2026-12-20", 19)], &who, end), "logged after the plan, the same day");
        assert!(p.reached(&[talk("2026-12-21", 12)], &who, end));
        assert!(!p.reached(&[talk("2026-12-19", 19)], &who, end));
        assert!(!p.reached(&[talk("2026-12-27", 19)], &who, end), "after the reviewed days");
    }

    #[test]
    fn the_latest_covering_plan_is_current() {
        let plans = [plan("2026-11-16"), plan("2026-11-21"), plan("2026-12-05")];
        assert_eq!(current(&plans, "2026-11-22".parse().unwrap()).unwrap().starts.to_string(), "2026-11-21");
        assert!(current(&plans, "2026-12-01".parse().unwrap()).is_none());
    }
}
