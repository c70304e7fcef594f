//! Your reliability: how often you keep promises on time. Kept late and broken both
//! count against it; open promises do not count until they are resolved.

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

    /// Kept on time / resolved, 0–100; None before any promise is resolved.
    pub fn rate(&self) -> Option<u8> {
        let resolved = self.resolved();
        (resolved > 0).then(|| crate::i18n::percent(self.kept_on_time as u64, resolved as u64) as u8)
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
        match p.outcome(today) {
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
    fn open_promises_do_not_count_until_resolved() {
        let ps = [promise("2026-12-10", PromiseStatus::Open, None), promise("2026-11-01", PromiseStatus::Open, None)];
        let r = tally(&ps, today(), None);
        assert_eq!((r.open, r.overdue), (1, 1));
        assert_eq!(r.rate(), None);
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
