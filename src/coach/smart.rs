//! The SMART check: for each letter (Specific, Measurable, Achievable, Realistic,
//! Timed) a verdict — ok, weak or missing — with the findings behind it. Each finding
//! says why and what to do (`smart_text` words them in English and Indonesian).
//!
//! The check is honest rather than strict: it compares the pace a goal needs with the
//! pace the user has actually kept, and the weekly effort of all active goals with the
//! time the user said they have. It never refuses a goal; saving anyway is the user's
//! call.

use super::progress::{self, BestPace};
use super::vague;
use crate::model::Network;
use crate::model::goal::{Goal, Metric};
use chrono::{Days, NaiveDate};
use serde::Serialize;

/// A SMART letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Letter {
    Specific,
    Measurable,
    Achievable,
    Realistic,
    Timed,
}

impl Letter {
    pub const ALL: [Letter; 5] =
        [Letter::Specific, Letter::Measurable, Letter::Achievable, Letter::Realistic, Letter::Timed];

    /// S, M, A, R or T.
    pub fn initial(self) -> char {
        match self {
            Letter::Specific => 'S',
            Letter::Measurable => 'M',
            Letter::Achievable => 'A',
            Letter::Realistic => 'R',
            Letter::Timed => 'T',
        }
    }
}

/// How a letter (or a finding) stands. Ordered from good to bad.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Ok,
    Weak,
    Missing,
}

/// One thing the check noticed about a letter.
#[derive(Clone, Debug, PartialEq)]
pub enum Finding {
    // Specific
    /// Says what and with whom.
    Clear,
    /// No description, and the title alone is too short or vague to say what.
    NoDescription,
    /// Vague words with no number, filter or linked person to pin them down.
    Vague {
        words: Vec<String>,
    },
    /// Counts people, but any contact counts: no circle, tag, stage or linked people.
    NoTargetGroup,
    // Measurable
    /// Counted from the data.
    Counted {
        metric: Metric,
    },
    /// Counted by hand with `goal progress`.
    /// Counted by hand; `number` is the goal's (0 while it is a draft, not yet saved).
    ByHand {
        number: u32,
    },
    NoTarget,
    ZeroTarget,
    /// A metric this build does not know how to count.
    Uncountable {
        metric: String,
    },
    // Achievable
    /// A plan is written down.
    Plan,
    NoPlan,
    /// The pace needed is within the user's best 4-week pace.
    WithinPace {
        needed: f64,
        best: f64,
    },
    /// The pace needed is well beyond the user's best; with a fairer target and deadline.
    TooFast {
        needed: f64,
        best: BestPace,
        fair_target: u32,
        fair_deadline: Option<NaiveDate>,
    },
    /// No past pace to compare with yet.
    NoHistory {
        needed: f64,
    },
    // Realistic
    Reason,
    NoReason,
    /// All active goals together need more minutes a week than the user has.
    OverBudget {
        total: u32,
        weekly: u32,
        this: u32,
        /// Active goals counted by hand, whose time has no estimate: left out of `total`.
        by_hand: usize,
        /// The numbers of active goals whose metric this version cannot count (a newer
        /// version wrote it): left out of `total` too, and never called hand-counted.
        uncountable: Vec<u32>,
    },
    WithinBudget {
        total: u32,
        weekly: u32,
        /// As in `OverBudget`: goals left out of `total`, and said so.
        by_hand: usize,
        uncountable: Vec<u32>,
    },
    /// The user has not said how much time a week they have.
    NoWeeklyTime,
    // Timed
    Deadline {
        deadline: NaiveDate,
        days_left: i64,
    },
    NoDeadline,
    DeadlinePassed {
        deadline: NaiveDate,
    },
    EndsBeforeStart,
    /// More than a year long and no milestones on the way.
    FarWithoutMilestones {
        days: i64,
    },
}

impl Finding {
    pub fn verdict(&self) -> Verdict {
        use Finding::*;
        match self {
            Clear
            | Counted { .. }
            | ByHand { .. }
            | Plan
            | WithinPace { .. }
            | NoHistory { .. }
            | Reason
            | WithinBudget { .. }
            | NoWeeklyTime
            | Deadline { .. } => Verdict::Ok,
            Vague { .. }
            | NoTargetGroup
            | TooFast { .. }
            | OverBudget { .. }
            | DeadlinePassed { .. }
            | FarWithoutMilestones { .. } => Verdict::Weak,
            NoDescription
            | NoTarget
            | ZeroTarget
            | Uncountable { .. }
            | NoPlan
            | NoReason
            | NoDeadline
            | EndsBeforeStart => Verdict::Missing,
        }
    }
}

/// One letter's verdict: the worst of its findings.
#[derive(Clone, Debug, PartialEq)]
pub struct LetterCheck {
    pub letter: Letter,
    pub verdict: Verdict,
    pub findings: Vec<Finding>,
}

impl LetterCheck {
    fn new(letter: Letter, findings: Vec<Finding>) -> LetterCheck {
        let verdict = findings.iter().map(Finding::verdict).max().unwrap_or(Verdict::Ok);
        LetterCheck { letter, verdict, findings }
    }
}

/// The whole check, one entry per letter in S-M-A-R-T order.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    pub letters: Vec<LetterCheck>,
}

impl Check {
    /// The worst verdict over all letters.
    pub fn worst(&self) -> Verdict {
        self.letters.iter().map(|l| l.verdict).max().unwrap_or(Verdict::Ok)
    }

    /// The letters that are not ok.
    pub fn weak_letters(&self) -> Vec<&LetterCheck> {
        self.letters.iter().filter(|l| l.verdict != Verdict::Ok).collect()
    }

    /// `S✓ M✓ A~ R✓ T✗` (or `S+ M+ A~ R+ T-` for plain terminals).
    pub fn summary(&self, ascii: bool) -> String {
        let mark = |v: Verdict| match (v, ascii) {
            (Verdict::Ok, false) => '✓',
            (Verdict::Weak, false) => '~',
            (Verdict::Missing, false) => '✗',
            (Verdict::Ok, true) => '+',
            (Verdict::Weak, true) => '~',
            (Verdict::Missing, true) => '-',
        };
        self.letters.iter().map(|l| format!("{}{}", l.letter.initial(), mark(l.verdict))).collect::<Vec<_>>().join(" ")
    }

    pub fn letter(&self, letter: Letter) -> &LetterCheck {
        self.letters.iter().find(|l| l.letter == letter).unwrap_or(&self.letters[0])
    }
}

/// Worst first, so the first finding is the reason for the letter's verdict.
fn worst_first(mut findings: Vec<Finding>) -> Vec<Finding> {
    findings.sort_by_key(|f| std::cmp::Reverse(f.verdict()));
    findings
}

/// Checks a goal against the network it lives in (the goal may or may not be saved in
/// `net.goals` yet), as of `today`.
pub fn check(goal: &Goal, net: &Network, today: NaiveDate) -> Check {
    Check {
        letters: vec![
            LetterCheck::new(Letter::Specific, specific(goal)),
            LetterCheck::new(Letter::Measurable, measurable(goal)),
            LetterCheck::new(Letter::Achievable, achievable(goal, net, today)),
            LetterCheck::new(Letter::Realistic, realistic(goal, net, today)),
            LetterCheck::new(Letter::Timed, timed(goal, today)),
        ],
    }
}

/// S: does it say what exactly, and with whom?
pub fn specific(goal: &Goal) -> Vec<Finding> {
    worst_first(specific_findings(goal))
}

fn specific_findings(goal: &Goal) -> Vec<Finding> {
    let text = format!("{} {}", goal.title, goal.specific.as_deref().unwrap_or_default());
    let words = vague::find(&text);
    let pinned = !goal.filters.is_empty() || !goal.contacts.is_empty() || text.chars().any(|c| c.is_ascii_digit());
    let mut out = Vec::new();
    if goal.specific.is_none() && (goal.title.split_whitespace().count() < 4 || !words.is_empty()) {
        out.push(Finding::NoDescription);
    }
    if !words.is_empty() && !pinned {
        out.push(Finding::Vague { words: words.iter().map(|w| w.to_string()).collect() });
    }
    if goal.metric.counts_people() && goal.filters.is_empty() && goal.contacts.is_empty() {
        out.push(Finding::NoTargetGroup);
    }
    if out.is_empty() {
        out.push(Finding::Clear);
    }
    out
}

/// M: can it be counted, and is there a number to reach?
pub fn measurable(goal: &Goal) -> Vec<Finding> {
    worst_first(measurable_findings(goal))
}

fn measurable_findings(goal: &Goal) -> Vec<Finding> {
    let mut out = vec![match &goal.metric {
        Metric::Unknown(k) => Finding::Uncountable { metric: k.clone() },
        Metric::Manual => Finding::ByHand { number: goal.number },
        m => Finding::Counted { metric: m.clone() },
    }];
    match goal.target {
        None => out.push(Finding::NoTarget),
        Some(0) => out.push(Finding::ZeroTarget),
        Some(_) => {}
    }
    out
}

/// A: is there a plan, and is the pace it needs one the user has managed before?
pub fn achievable(goal: &Goal, net: &Network, today: NaiveDate) -> Vec<Finding> {
    worst_first(achievable_findings(goal, net, today))
}

fn achievable_findings(goal: &Goal, net: &Network, today: NaiveDate) -> Vec<Finding> {
    let mut out = vec![if goal.achievable.is_some() { Finding::Plan } else { Finding::NoPlan }];
    let p = progress::measure(goal, net, today);
    let (Some(needed), Some(target), Some(deadline)) = (p.needed_per_week, goal.target, goal.deadline) else {
        return out;
    };
    if !goal.metric.is_measured() || !goal.is_active() {
        return out;
    }
    match progress::best_pace(goal, net, today) {
        None => out.push(Finding::NoHistory { needed }),
        // A quarter above the best is a stretch worth trying; beyond that is a wish.
        Some(best) if needed > best.per_week * 1.25 + 0.25 => {
            let from = today.max(goal.start);
            let weeks_left = ((deadline - from).num_days() + 1) as f64 / 7.0;
            let fair_target = p.current + (best.per_week * weeks_left).floor() as u32;
            let remaining = f64::from(target.saturating_sub(p.current));
            let fair_deadline = (best.per_week > 0.0)
                .then(|| from.checked_add_days(Days::new((remaining / best.per_week * 7.0).ceil() as u64)))
                .flatten();
            out.push(Finding::TooFast { needed, best, fair_target, fair_deadline });
        }
        Some(best) => out.push(Finding::WithinPace { needed, best: best.per_week }),
    }
    out
}

/// Minutes a week a goal still needs, from its remaining pace.
pub fn weekly_effort(goal: &Goal, net: &Network, today: NaiveDate) -> u32 {
    if !goal.is_active() {
        return 0;
    }
    let Some(per_unit) = progress::minutes_per_unit(&goal.metric) else { return 0 };
    let needed = progress::measure(goal, net, today).needed_per_week.unwrap_or(0.0);
    (needed * f64::from(per_unit)).round() as u32
}

/// R: is there a reason, and do all active goals together fit the user's week?
pub fn realistic(goal: &Goal, net: &Network, today: NaiveDate) -> Vec<Finding> {
    worst_first(realistic_findings(goal, net, today))
}

fn realistic_findings(goal: &Goal, net: &Network, today: NaiveDate) -> Vec<Finding> {
    let mut out = vec![if goal.relevant.is_some() { Finding::Reason } else { Finding::NoReason }];
    let this = weekly_effort(goal, net, today);
    let others: u32 = net.goals.iter().filter(|g| g.id != goal.id).map(|g| weekly_effort(g, net, today)).sum();
    // A hand-counted goal ("give a meetup talk") has no unit to time, nor has a goal
    // whose metric a newer version wrote: neither is in the total, and the sentence says
    // so (each as what it is) rather than letting it cost nothing.
    let untimed: Vec<&Goal> = net
        .goals
        .iter()
        .filter(|g| (g.is_active() || g.id == goal.id) && progress::minutes_per_unit(&g.metric).is_none())
        .collect();
    let by_hand = untimed.iter().filter(|g| g.metric == Metric::Manual).count();
    let uncountable: Vec<u32> =
        untimed.iter().filter(|g| matches!(g.metric, Metric::Unknown(_))).map(|g| g.number).collect();
    match net.weekly_minutes() {
        None => out.push(Finding::NoWeeklyTime),
        Some(weekly) if this > 0 && this + others > weekly => {
            out.push(Finding::OverBudget { total: this + others, weekly, this, by_hand, uncountable })
        }
        Some(weekly) => out.push(Finding::WithinBudget { total: this + others, weekly, by_hand, uncountable }),
    }
    out
}

/// T: is there a deadline, still ahead, with checkpoints if it is far?
pub fn timed(goal: &Goal, today: NaiveDate) -> Vec<Finding> {
    worst_first(timed_findings(goal, today))
}

fn timed_findings(goal: &Goal, today: NaiveDate) -> Vec<Finding> {
    let Some(deadline) = goal.deadline else { return vec![Finding::NoDeadline] };
    if deadline < goal.start {
        return vec![Finding::EndsBeforeStart];
    }
    let mut out = vec![Finding::Deadline { deadline, days_left: (deadline - today).num_days() }];
    if deadline < today && goal.is_active() {
        out.push(Finding::DeadlinePassed { deadline });
    }
    let days = (deadline - goal.start).num_days();
    if days > 365 && goal.milestones.is_empty() {
        out.push(Finding::FarWithoutMilestones { days });
    }
    out
}

#[cfg(test)]
#[path = "smart_tests.rs"]
mod tests;
