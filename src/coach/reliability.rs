//! Your reliability: how often you keep promises on time. Kept late, broken and open
//! past its due date all count against it (an overdue promise is a promise not kept on
//! time, until you resolve it); open promises not yet due do not count.

use crate::model::{Outcome, Promise};
use chrono::NaiveDate;
use serde::Serialize;

/// Counts of promises by outcome.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Reliability {
    pub kept_on_time: usize,
    pub kept_late: usize,
    pub broken: usize,
    /// Open and not yet due.
    pub open: usize,
    /// Open and past due.
    pub overdue: usize,
}

impl Reliability {
    pub fn resolved(&self) -> usize {
        self.kept_on_time + self.kept_late + self.broken
    }

    /// The promises the rate counts: resolved ones and open ones past due.
    pub fn counted(&self) -> usize {
        self.resolved() + self.overdue
    }

    /// Kept on time / (resolved + overdue), 0–100, rounded; None while no promise is
    /// resolved or overdue.
    pub fn rate(&self) -> Option<u8> {
        let counted = self.counted();
        (counted > 0).then(|| crate::i18n::percent(self.kept_on_time as u64, counted as u64) as u8)
    }
}

/// Tallies promises as of `today`. With `since`, resolved promises count only when they
/// were resolved on or after that day (open ones always count: they are current).
pub fn tally<'a>(
    promises: impl IntoIterator<Item = &'a Promise>,
    today: NaiveDate,
    since: Option<NaiveDate>,
) -> Reliability {
    let mut r = Reliability::default();
    for p in promises {
        let recent = match (since, p.resolved_on) {
            (Some(since), Some(on)) => on >= since,
            _ => true,
        };
        match p.outcome_on(today) {
            Outcome::Open => r.open += 1,
            Outcome::Overdue => r.overdue += 1,
            Outcome::KeptOnTime if recent => r.kept_on_time += 1,
            Outcome::KeptLate if recent => r.kept_late += 1,
            Outcome::Broken if recent => r.broken += 1,
            _ => {}
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::test_support;
    use crate::model::PromiseStatus;
    use crate::model::promise::Move;

    use uuid::Uuid;

    fn promise(due: &str, status: PromiseStatus, resolved: Option<&str>) -> Promise {
        test_support::promise(Uuid::nil(), 1, due, status, resolved)
    }

    fn today() -> NaiveDate {
        "2026-11-28".parse().unwrap()
    }

    #[test]
    fn on_time_late_and_broken() {
        let ps = [
            promise("2026-11-10", PromiseStatus::Kept, Some("2026-11-09")),
            promise("2026-11-10", PromiseStatus::Kept, Some("2026-11-10")),
            promise("2026-11-10", PromiseStatus::Kept, Some("2026-11-12")),
            promise("2026-11-10", PromiseStatus::Broken, Some("2026-11-11")),
        ];
        let r = tally(&ps, today(), None);
        assert_eq!((r.kept_on_time, r.kept_late, r.broken), (2, 1, 1));
        assert_eq!(r.rate(), Some(50));
    }

    #[test]
    fn renegotiated_and_kept_by_the_new_date_is_on_time() {
        let mut p = promise("2026-11-20", PromiseStatus::Kept, Some("2026-11-18"));
        p.moves.push(Move {
            from: "2026-11-10".parse().unwrap(),
            to: "2026-11-20".parse().unwrap(),
            on: "2026-11-09".parse().unwrap(),
            note: "asked for more time".into(),
        });
        assert_eq!(tally([&p], today(), None).rate(), Some(100));
    }

    #[test]
    fn open_promises_not_yet_due_do_not_count() {
        let ps = [promise("2026-12-10", PromiseStatus::Open, None)];
        let r = tally(&ps, today(), None);
        assert_eq!((r.open, r.overdue), (1, 0));
        assert_eq!(r.rate(), None);
    }

    #[test]
    fn an_overdue_open_promise_counts_against_the_rate() {
        let ps = [
            promise("2026-11-10", PromiseStatus::Kept, Some("2026-11-09")),
            promise("2026-11-10", PromiseStatus::Kept, Some("2026-11-10")),
            promise("2026-11-01", PromiseStatus::Open, None),
        ];
        let r = tally(&ps, today(), None);
        assert_eq!((r.kept_on_time, r.overdue, r.counted()), (2, 1, 3));
        // 2 of 3, rounded: not the flattering 100% of the resolved ones alone.
        assert_eq!(r.rate(), Some(67));
        assert_eq!(tally(&ps[2..], today(), None).rate(), Some(0));
    }

    #[test]
    fn moved_after_it_was_overdue_then_kept_is_late() {
        let mut p = promise("2026-11-10", PromiseStatus::Open, None);
        p.move_due("2026-11-25".parse().unwrap(), "2026-11-14".parse().unwrap(), "late, sorry".into());
        p.settle(PromiseStatus::Kept, "2026-11-20".parse().unwrap());
        let r = tally([&p], today(), None);
        assert_eq!((r.kept_on_time, r.kept_late), (0, 1));
        assert_eq!(r.rate(), Some(0));
    }

    #[test]
    fn the_window_keeps_recent_resolutions_only() {
        let ps = [
            promise("2026-05-10", PromiseStatus::Broken, Some("2026-05-11")),
            promise("2026-11-10", PromiseStatus::Kept, Some("2026-11-09")),
        ];
        let since = "2026-08-30".parse().ok();
        assert_eq!(tally(&ps, today(), since).rate(), Some(100));
        assert_eq!(tally(&ps, today(), None).rate(), Some(50));
    }
}
