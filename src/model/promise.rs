//! Promises: what you committed to whom, by when, and how it ended. Being reliable is
//! what makes trust grow, so every promise counts towards your reliability rate.

use super::vocab::vocab;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

vocab! {
    /// Where a promise stands.
    PromiseStatus {
        Open => "open", "open", "terbuka";
        Kept => "kept", "kept", "ditepati";
        Broken => "broken", "broken", "diingkari";
    }
}

/// A new due date agreed with the other person. The history keeps both dates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Move {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// When it was agreed.
    pub on: NaiveDate,
    pub note: String,
}

/// One commitment. `n` is the short number users type (`promise done 3`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Promise {
    pub id: Uuid,
    pub n: u32,
    pub contact: Uuid,
    pub what: String,
    /// When you made the promise.
    pub made_on: NaiveDate,
    /// The due date in force (the latest agreed one).
    pub due: NaiveDate,
    pub status: PromiseStatus,
    /// When it was kept or broken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub moves: Vec<Move>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub logged: DateTime<Utc>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// How a promise turned out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Open,
    /// Open and past its due date.
    Overdue,
    KeptOnTime,
    KeptLate,
    Broken,
}

impl Promise {
    /// A new open promise, numbered `n`.
    pub fn new(
        n: u32,
        contact: Uuid,
        what: String,
        made_on: NaiveDate,
        due: NaiveDate,
        logged: DateTime<Utc>,
    ) -> Promise {
        Promise {
            id: Uuid::now_v7(),
            n,
            contact,
            what,
            made_on,
            due,
            status: PromiseStatus::Open,
            resolved_on: None,
            moves: Vec::new(),
            note: None,
            logged,
            extra: Map::new(),
        }
    }

    /// Records how the promise ended (kept or broken) and when.
    pub fn settle(&mut self, status: PromiseStatus, on: NaiveDate) {
        self.status = status;
        self.resolved_on = Some(on);
    }

    /// Records a new due date agreed on `on`; the old one stays in `moves`.
    pub fn move_due(&mut self, to: NaiveDate, on: NaiveDate, note: String) {
        self.moves.push(Move { from: self.due, to, on, note });
        self.due = to;
    }

    /// The outcome as of `today`. Kept by the due date in force counts as on time, so a
    /// promise renegotiated in good faith and kept by the new date keeps faith. A new
    /// date agreed only after the old one had passed is not good faith but a late
    /// promise: kept, it counts as kept late.
    pub fn outcome(&self, today: NaiveDate) -> Outcome {
        match (&self.status, self.resolved_on) {
            (PromiseStatus::Kept, Some(on)) if on > self.due || self.moved_when_overdue() => Outcome::KeptLate,
            (PromiseStatus::Kept, _) => Outcome::KeptOnTime,
            (PromiseStatus::Broken, _) => Outcome::Broken,
            _ if self.due < today => Outcome::Overdue,
            _ => Outcome::Open,
        }
    }

    /// Whether a new date was agreed after the date it replaced had already passed.
    pub fn moved_when_overdue(&self) -> bool {
        self.moves.iter().any(|m| m.on > m.from)
    }

    /// The outcome as it stood on an earlier `day`: a promise resolved after that day
    /// was still open then, and due by the date in force that day (a date agreed later,
    /// perhaps only once it was overdue, does not make an overdue day look open).
    pub fn outcome_on(&self, day: NaiveDate) -> Outcome {
        match self.resolved_on {
            Some(on) if on <= day => self.outcome(day),
            _ if self.due_on(day) < day => Outcome::Overdue,
            _ => Outcome::Open,
        }
    }

    /// The due date in force on `day`: the one replaced by the first move agreed after
    /// that day, or the latest.
    pub fn due_on(&self, day: NaiveDate) -> NaiveDate {
        self.moves.iter().find(|m| m.on > day).map_or(self.due, |m| m.from)
    }

    pub fn is_open(&self) -> bool {
        self.status == PromiseStatus::Open
    }

    /// The first due date agreed, before any renegotiation.
    pub fn original_due(&self) -> NaiveDate {
        self.moves.first().map_or(self.due, |m| m.from)
    }
}

/// The next short number for a list of numbered records.
pub fn next_number(taken: impl Iterator<Item = u32>) -> u32 {
    taken.max().unwrap_or(0) + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn promise(due: &str, status: PromiseStatus, resolved: Option<&str>) -> Promise {
        let mut p =
            Promise::new(1, Uuid::nil(), "send the deck".into(), day("2026-11-01"), day(due), DateTime::UNIX_EPOCH);
        if let Some(on) = resolved {
            p.settle(status, day(on));
        }
        p
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn outcomes_follow_the_dates() {
        let today = day("2026-11-28");
        assert_eq!(promise("2026-12-01", PromiseStatus::Open, None).outcome(today), Outcome::Open);
        assert_eq!(promise("2026-11-28", PromiseStatus::Open, None).outcome(today), Outcome::Open);
        assert_eq!(promise("2026-11-27", PromiseStatus::Open, None).outcome(today), Outcome::Overdue);
        assert_eq!(promise("2026-11-20", PromiseStatus::Kept, Some("2026-11-20")).outcome(today), Outcome::KeptOnTime);
        assert_eq!(promise("2026-11-20", PromiseStatus::Kept, Some("2026-11-21")).outcome(today), Outcome::KeptLate);
        assert_eq!(promise("2026-11-20", PromiseStatus::Broken, Some("2026-11-21")).outcome(today), Outcome::Broken);
    }

    #[test]
    fn renegotiated_promises_keep_both_dates() {
        let mut p = promise("2026-11-30", PromiseStatus::Open, None);
        p.move_due(day("2026-12-10"), day("2026-11-29"), "agreed".into());
        p.settle(PromiseStatus::Kept, day("2026-12-08"));
        assert_eq!(p.moves[0].to, day("2026-12-10"));
        assert_eq!(p.original_due(), day("2026-11-30"));
        assert_eq!(p.outcome(day("2026-12-20")), Outcome::KeptOnTime);
    }

    #[test]
    fn a_date_moved_after_it_passed_then_kept_is_late() {
        let mut p = promise("2026-11-20", PromiseStatus::Open, None);
        p.move_due(day("2026-12-10"), day("2026-11-25"), "sorry, next month".into());
        p.settle(PromiseStatus::Kept, day("2026-12-01"));
        assert_eq!(p.outcome(day("2026-12-20")), Outcome::KeptLate);
        // Moved on the due day itself is still in time.
        let mut q = promise("2026-11-20", PromiseStatus::Open, None);
        q.move_due(day("2026-12-10"), day("2026-11-20"), "agreed".into());
        q.settle(PromiseStatus::Kept, day("2026-12-01"));
        assert_eq!(q.outcome(day("2026-12-20")), Outcome::KeptOnTime);
    }

    #[test]
    fn an_earlier_day_sees_a_later_resolution_as_open() {
        let p = promise("2026-11-20", PromiseStatus::Kept, Some("2026-11-26"));
        assert_eq!(p.outcome_on(day("2026-11-22")), Outcome::Overdue);
        assert_eq!(p.outcome_on(day("2026-11-18")), Outcome::Open);
        assert_eq!(p.outcome_on(day("2026-11-28")), Outcome::KeptLate);
    }

    #[test]
    fn an_earlier_day_sees_the_due_date_in_force_then() {
        // Due 20 Nov, overdue on 22 Nov, moved on 25 Nov to 10 Dec, kept on 1 Dec.
        let mut p = promise("2026-11-20", PromiseStatus::Open, None);
        p.move_due(day("2026-12-10"), day("2026-11-25"), "sorry, next month".into());
        assert_eq!(p.due_on(day("2026-11-22")), day("2026-11-20"));
        assert_eq!(p.outcome_on(day("2026-11-22")), Outcome::Overdue, "the later date does not flatter that week");
        assert_eq!(p.outcome_on(day("2026-11-27")), Outcome::Open, "once moved, it is due 10 Dec");
        p.settle(PromiseStatus::Kept, day("2026-12-01"));
        assert_eq!(p.outcome_on(day("2026-11-22")), Outcome::Overdue);
        assert_eq!(p.outcome_on(day("2026-12-02")), Outcome::KeptLate);
    }

    #[test]
    fn numbers_count_up() {
        assert_eq!(next_number([].into_iter()), 1);
        assert_eq!(next_number([3, 1, 7].into_iter()), 8);
    }
}
