//! Relationship warmth: a 0–100 score that explains itself. Each factor adds or takes
//! points and says why ("last conversation 94 days ago; you wanted every 60 days"), so
//! the user can see what would warm the relationship up.
//!
//! The points: recency against the rhythm (up to 40), how often you talk (15),
//! reciprocity (10), trust level (15), knowing score (10), promise record (+10 to −30).

use super::cadence::{self, FollowUp, Rhythm, rhythm};
use crate::model::{Contact, Interaction, Outcome, Promise};
use chrono::{Days, NaiveDate};
use serde::Serialize;

// The tests word reasons through `super::*`; the words live in `warmth_text`.
#[cfg(test)]
use crate::i18n::Lang;

/// How far back "how often you talk" and the promise record look.
pub const WINDOW_DAYS: u32 = 180;

/// What warmth is computed from, gathered by the caller.
pub struct Inputs<'a> {
    pub contact: &'a Contact,
    /// The contact's interactions, most recent first.
    pub interactions: &'a [&'a Interaction],
    /// The trust level in force (a note's, or the stage's baseline), and whether a note set it.
    pub trust: (u8, bool),
    /// The knowing score, 0–100.
    pub knowing: u8,
    pub promises: &'a [&'a Promise],
}

/// A warmth score and the factors behind it, biggest effect first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Warmth {
    pub score: u8,
    pub factors: Vec<Factor>,
}

/// One factor: its points and the reason.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Factor {
    pub points: i32,
    #[serde(flatten)]
    pub reason: Reason,
}

/// Why warmth is what it is. Each variant carries the figures its sentence needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    Overdue {
        days_since: i64,
        every_days: u32,
        chosen: bool,
    },
    /// Someone newly met, on the follow-up rhythm: the first follow-up a week after
    /// meeting (`first`), then monthly; `late` when past it.
    FollowUp {
        days_since: i64,
        every_days: u32,
        first: bool,
        late: bool,
        /// Set when the first follow-up is due later than a week after meeting (they
        /// were entered later): the day it is due.
        entered_later: Option<NaiveDate>,
    },
    OnRhythm {
        days_since: i64,
        every_days: u32,
        chosen: bool,
    },
    NeverTalked {
        days_known: i64,
    },
    Frequency {
        count: usize,
        window_days: u32,
    },
    YouReachOut {
        times: usize,
    },
    TheyReachOut {
        times: usize,
    },
    Mutual {
        they: usize,
        of: usize,
    },
    Trust {
        level: u8,
        from_note: bool,
    },
    Knowing {
        score: u8,
    },
    PromisesOverdue {
        count: usize,
    },
    PromisesBroken {
        count: usize,
    },
    PromisesKept {
        count: usize,
    },
}

/// Computes warmth as of `today`.
pub fn warmth(inp: &Inputs, today: NaiveDate) -> Warmth {
    let mut factors = Vec::new();
    let Rhythm { days: every_days, chosen, follow_up } =
        rhythm(inp.contact, inp.interactions.first().map(|i| i.on), today);
    let window_start = today.checked_sub_days(Days::new(WINDOW_DAYS.into())).unwrap_or(NaiveDate::MIN);

    match inp.interactions.first() {
        Some(last) => {
            let days_since = (today - last.on).num_days().max(0);
            // Measured against the due date the rest of jejaring shows (a first follow-up
            // is never due before the day they were entered), not the bare rhythm.
            let span = (cadence::next_due(inp.contact, Some(last.on), today) - last.on).num_days().max(1);
            let ratio = days_since as f64 / span as f64;
            let points = match ratio {
                r if r <= 0.5 => 40,
                r if r <= 1.0 => 32,
                r if r <= 1.5 => 15,
                r if r <= 2.0 => 5,
                _ => 0,
            };
            let reason = if let Some(step) = follow_up {
                // Before the first follow-up the clock runs from the meeting.
                let first = step == FollowUp::First;
                let since_met = inp.contact.met_on.map(|met| (today - met).num_days().max(0));
                let days_since = if first { since_met.unwrap_or(days_since) } else { days_since };
                let late = cadence::overdue_days(inp.contact, Some(last.on), today) > 0;
                let due = cadence::next_due(inp.contact, Some(last.on), today);
                let week_after_meeting =
                    inp.contact.met_on.and_then(|m| m.checked_add_days(Days::new(every_days.into())));
                let entered_later = (first && week_after_meeting.is_some_and(|w| due > w)).then_some(due);
                Reason::FollowUp { days_since, every_days, first, late, entered_later }
            } else if ratio > 1.0 {
                Reason::Overdue { days_since, every_days, chosen }
            } else {
                Reason::OnRhythm { days_since, every_days, chosen }
            };
            factors.push(Factor { points, reason });
        }
        None => {
            let known_since = inp.contact.met_on.unwrap_or_else(|| inp.contact.added.date_naive());
            factors.push(Factor {
                points: 0,
                reason: Reason::NeverTalked { days_known: (today - known_since).num_days() },
            });
        }
    }

    let recent = inp.interactions.iter().filter(|i| i.on >= window_start && i.on <= today && i.two_way()).count();
    factors.push(Factor {
        points: (recent.min(5) * 3) as i32,
        reason: Reason::Frequency { count: recent, window_days: WINDOW_DAYS },
    });

    // Who reached out first counts only where both sides took part: a message that
    // went unanswered says nothing about whether they would call you.
    let last_few: Vec<_> = inp.interactions.iter().filter(|i| i.two_way()).take(5).collect();
    if last_few.len() >= 2 {
        let of = last_few.len();
        let they = last_few.iter().filter(|i| i.they_reached_out).count();
        let factor = match they {
            0 => Factor { points: 2, reason: Reason::YouReachOut { times: of } },
            t if t == of => Factor { points: 6, reason: Reason::TheyReachOut { times: of } },
            _ => Factor { points: 10, reason: Reason::Mutual { they, of } },
        };
        factors.push(factor);
    }

    let (level, from_note) = inp.trust;
    factors.push(Factor { points: i32::from(level) * 3, reason: Reason::Trust { level, from_note } });
    factors.push(Factor { points: i32::from(inp.knowing / 10), reason: Reason::Knowing { score: inp.knowing } });

    let outcomes: Vec<(Outcome, Option<NaiveDate>)> =
        inp.promises.iter().map(|p| (p.outcome(today), p.resolved_on)).collect();
    let in_window = |on: &Option<NaiveDate>| on.is_some_and(|d| d >= window_start);
    let overdue = outcomes.iter().filter(|(o, _)| *o == Outcome::Overdue).count();
    let broken = outcomes.iter().filter(|(o, on)| *o == Outcome::Broken && in_window(on)).count();
    let kept = outcomes.iter().filter(|(o, on)| *o == Outcome::KeptOnTime && in_window(on)).count();
    if overdue > 0 {
        factors
            .push(Factor { points: -10 * overdue.min(2) as i32, reason: Reason::PromisesOverdue { count: overdue } });
    }
    if broken > 0 {
        factors.push(Factor { points: -5 * broken.min(2) as i32, reason: Reason::PromisesBroken { count: broken } });
    }
    if kept > 0 {
        factors.push(Factor { points: 2 * kept.min(5) as i32, reason: Reason::PromisesKept { count: kept } });
    }

    let score = factors.iter().map(|f| f.points).sum::<i32>().clamp(0, 100) as u8;
    // Lead with what matters most: the problems, then the biggest contributions.
    factors.sort_by_key(|f| {
        let recency_problem = matches!(
            f.reason,
            Reason::Overdue { .. } | Reason::NeverTalked { .. } | Reason::FollowUp { late: true, .. }
        );
        (f.points >= 0, !recency_problem, -f.points.abs())
    });
    Warmth { score, factors }
}

#[cfg(test)]
#[path = "warmth_tests.rs"]
mod tests;
