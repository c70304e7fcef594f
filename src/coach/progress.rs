//! Progress measured from the data: what a goal's metric counts over its window, the
//! pace so far, the pace still needed, the projected finish, and the user's own best
//! past 4-week pace at the same metric and filter.
//!
//! # Counting rules
//!
//! - The window is `start..=deadline`: both days are included, and nothing after
//!   `today` counts (a logged future day is not progress yet).
//! - `new_contacts`: a contact counts on the day you met them (`met_on`) and only then.
//!   Someone without a meeting day (imported, entered as a connection or trusted, or
//!   met "long ago") is not new; `add-contact` records today as the meeting day of a
//!   stranger or acquaintance entered by hand unless told otherwise. See
//!   [`crate::model::Contact::met_between`]. A stage filter reads the stage they had
//!   when added (from the stage log).
//!
//! # Pace rule
//!
//! A goal whose projected finish (at the pace so far) falls after its deadline is
//! behind, and so is one with nothing done after its first day: only the first day is
//! spared. Ahead needs a margin over the straight line (one unit, or a tenth of the
//! target). On the deadline day an unreached goal is due today; from the next day it
//! is missed.
//! - `interactions`: each logged interaction involving at least one matching contact.
//! - `people_talked_to`: distinct matching contacts with an interaction in the window.
//! - `stage_ups`: distinct contacts who moved from stranger/acquaintance to
//!   connection/trusted (a stage filter names the stage reached).
//! - `promises_kept`: promises kept (on time or late), by the day they were kept,
//!   plus anything logged by hand.
//! - `manual`: the hand-logged entries replayed in order.

use crate::model::goal::{Goal, Metric};
use crate::model::{Network, PromiseStatus, Stage};
use chrono::{Days, NaiveDate};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// The days on which promises were kept (on time or late).
fn kept_days(net: &Network) -> Vec<NaiveDate> {
    net.promises.iter().filter(|p| p.status == PromiseStatus::Kept).filter_map(|p| p.resolved_on).collect()
}

/// How a metric's units fall on days, sorted by day.
enum Series {
    /// One day per unit.
    Days(Vec<NaiveDate>),
    /// (day, person): a person counts once in any span of days.
    People(Vec<(NaiveDate, Uuid)>),
    /// Nothing in the data counts this.
    None,
}

impl Series {
    fn for_metric(goal: &Goal, net: &Network) -> Series {
        let f = &goal.filters;
        let mut series = match &goal.metric {
            Metric::NewContacts => {
                let first_stage = stage_when_added(net);
                let days = net
                    .contacts
                    .iter()
                    .filter(|c| {
                        let stage = first_stage.get(&c.id).copied().unwrap_or(&c.stage);
                        f.matches_ignoring_stage(c) && (f.stages.is_empty() || f.stages.contains(stage))
                    })
                    .filter_map(|c| c.met_on)
                    .collect();
                Series::Days(days)
            }
            Metric::Interactions => {
                let ok = matching(net, goal);
                let all = f.is_empty();
                Series::Days(
                    net.interactions
                        .iter()
                        .filter(|i| all || i.contacts.iter().any(|c| ok.contains(c)))
                        .map(|i| i.on)
                        .collect(),
                )
            }
            Metric::PeopleTalkedTo => {
                let ok = matching(net, goal);
                let all = f.is_empty();
                Series::People(
                    net.interactions
                        .iter()
                        .flat_map(|i| i.contacts.iter().map(move |c| (i.on, *c)))
                        .filter(|(_, c)| all || ok.contains(c))
                        .collect(),
                )
            }
            Metric::StageUps => {
                let known: HashMap<Uuid, &crate::model::Contact> = net.contacts.iter().map(|c| (c.id, c)).collect();
                Series::People(
                    net.stage_changes
                        .iter()
                        .filter(|s| s.is_stage_up())
                        .filter(|s| f.stages.is_empty() || f.stages.contains(&s.to))
                        .filter(|s| known.get(&s.contact).is_some_and(|c| f.matches_ignoring_stage(c)))
                        .map(|s| (s.on, s.contact))
                        .collect(),
                )
            }
            Metric::PromisesKept => Series::Days(kept_days(net)),
            Metric::Manual | Metric::Unknown(_) => Series::None,
        };
        match &mut series {
            Series::Days(d) => d.sort_unstable(),
            Series::People(p) => p.sort_unstable(),
            Series::None => {}
        }
        series
    }

    /// Units in `from..=to`.
    fn count(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        if to < from {
            return 0;
        }
        match self {
            Series::Days(d) => (d.partition_point(|x| *x <= to) - d.partition_point(|x| *x < from)) as u32,
            Series::People(p) => {
                let slice = &p[p.partition_point(|x| x.0 < from)..p.partition_point(|x| x.0 <= to)];
                slice.iter().map(|x| x.1).collect::<HashSet<_>>().len() as u32
            }
            Series::None => 0,
        }
    }

    /// The day the count in `from..` first reached `target`.
    fn reached_on(&self, from: NaiveDate, to: NaiveDate, target: u32) -> Option<NaiveDate> {
        if target == 0 {
            return Some(from);
        }
        match self {
            Series::Days(d) => {
                let slice = &d[d.partition_point(|x| *x < from)..d.partition_point(|x| *x <= to)];
                slice.get(target as usize - 1).copied()
            }
            Series::People(p) => {
                let mut seen = HashSet::new();
                p.iter()
                    .filter(|x| x.0 >= from && x.0 <= to)
                    .find_map(|(day, who)| (seen.insert(*who) && seen.len() as u32 >= target).then_some(*day))
            }
            Series::None => None,
        }
    }

    fn first_day(&self) -> Option<NaiveDate> {
        match self {
            Series::Days(d) => d.first().copied(),
            Series::People(p) => p.first().map(|x| x.0),
            Series::None => None,
        }
    }
}

/// The ids of contacts that pass the goal's filters.
fn matching(net: &Network, goal: &Goal) -> HashSet<Uuid> {
    net.contacts.iter().filter(|c| goal.filters.matches(c)).map(|c| c.id).collect()
}

/// The stage each contact had before its first recorded change.
fn stage_when_added(net: &Network) -> HashMap<Uuid, &Stage> {
    let mut first: HashMap<Uuid, (&chrono::DateTime<chrono::Utc>, &Stage)> = HashMap::new();
    for s in &net.stage_changes {
        first
            .entry(s.contact)
            .and_modify(|e| {
                if &s.at < e.0 {
                    *e = (&s.at, &s.from)
                }
            })
            .or_insert((&s.at, &s.from));
    }
    first.into_iter().map(|(k, v)| (k, v.1)).collect()
}

/// Whether the goal is where it should be by now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pace {
    /// The window has not begun.
    NotStarted,
    Ahead,
    OnTrack,
    Behind,
    /// The target is reached.
    Reached,
    /// Today is the deadline and the target is not reached yet.
    DueToday,
    /// The deadline passed without reaching the target.
    Missed,
    /// No target or no deadline, so there is nothing to be on track for.
    Unknown,
}

/// The user's best 4-week stretch for a metric.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct BestPace {
    /// Units a week in the best stretch.
    pub per_week: f64,
    /// The last day of that stretch.
    pub ending: NaiveDate,
}

/// A milestone and whether it was met.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MilestoneProgress {
    pub on: NaiveDate,
    pub target: u32,
    /// The count on that day (or today, if it is still ahead).
    pub count: u32,
    pub reached: bool,
    /// Its day has come.
    pub due: bool,
}

/// How far a goal has come, as of a day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Progress {
    pub current: u32,
    pub target: Option<u32>,
    /// Counted from the data (false: only from hand-logged entries).
    pub measured: bool,
    /// current / target, 0..1 and beyond (not capped: overshooting is worth seeing).
    pub fraction_done: Option<f64>,
    /// Share of the window's days that have begun, 0..1.
    pub time_elapsed: Option<f64>,
    /// Units a week so far, over the days elapsed.
    pub pace_per_week: Option<f64>,
    /// Units a week still needed, over the days left (today included).
    pub needed_per_week: Option<f64>,
    pub projected_finish: Option<NaiveDate>,
    /// The projected finish falls after the deadline; the goal then reads as behind
    /// (except on its first day).
    pub projected_late: bool,
    pub reached_on: Option<NaiveDate>,
    pub state: Pace,
    pub best_pace: Option<BestPace>,
    pub days_left: Option<i64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<MilestoneProgress>,
}

/// The count of a metric in `from..=to`, measured from the data plus hand-logged
/// entries made on or before `to`.
fn count_between(goal: &Goal, series: &Series, from: NaiveDate, to: NaiveDate) -> u32 {
    let data = series.count(from, to);
    if goal.progress.is_empty() {
        return data;
    }
    data.saturating_add(goal.manual_count(to))
}

/// Rounds to two decimals, so JSON output stays stable and readable.
fn r2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Measures a goal as of `today`.
pub fn measure(goal: &Goal, net: &Network, today: NaiveDate) -> Progress {
    let series = Series::for_metric(goal, net);
    let measured = !matches!(series, Series::None);
    let end = goal.deadline.map_or(today, |d| d.min(today));
    let current = count_between(goal, &series, goal.start, end);
    // The same "your best 4 weeks" the SMART check compares with, over the goal's filter.
    let best_pace = best_pace_of(&series, today);
    let target = goal.target;
    let days = |a: NaiveDate, b: NaiveDate| (b - a).num_days() + 1;

    let elapsed = days(goal.start, end).max(0);
    let pace_per_week = (elapsed > 0).then(|| r2(f64::from(current) * 7.0 / elapsed as f64));
    let reached = target.is_some_and(|t| current >= t);
    let reached_on = match target {
        Some(t) if reached && goal.progress.is_empty() => series.reached_on(goal.start, end, t),
        _ => None,
    };
    let (mut time_elapsed, mut needed_per_week, mut projected_finish, mut days_left) = (None, None, None, None);
    let mut state = Pace::Unknown;
    if let Some(deadline) = goal.deadline {
        let total = days(goal.start, deadline).max(1);
        time_elapsed = Some(r2((elapsed as f64 / total as f64).clamp(0.0, 1.0)));
        let left = days(today.max(goal.start), deadline).max(0);
        days_left = Some((deadline - today).num_days());
        if let Some(t) = target {
            let remaining = t.saturating_sub(current);
            // On the deadline day "N a week" would be a pace nobody can keep; the state
            // says how many are short instead.
            if remaining > 0 && left > 0 && today < deadline {
                needed_per_week = Some(r2(f64::from(remaining) * 7.0 / left as f64));
            }
            if !reached && current > 0 && elapsed > 0 {
                let need_days = (f64::from(t) * elapsed as f64 / f64::from(current)).ceil() as u64;
                projected_finish = goal.start.checked_add_days(Days::new(need_days.saturating_sub(1)));
            }
            let expected = f64::from(t) * elapsed as f64 / total as f64;
            // Ahead is a claim worth a margin: one unit, or a tenth of the target.
            let margin = (f64::from(t) * 0.1).max(1.0);
            // Nothing done yet projects no finish at all, which is later than any deadline.
            let late = match projected_finish {
                Some(p) => p > deadline,
                None => true,
            };
            state = if reached {
                Pace::Reached
            } else if today < goal.start {
                Pace::NotStarted
            } else if today > deadline {
                Pace::Missed
            } else if today == deadline {
                Pace::DueToday
            } else if late && today > goal.start {
                // The first day is the only one spared: no day has passed to judge by.
                Pace::Behind
            } else if f64::from(current) >= expected + margin {
                Pace::Ahead
            } else {
                Pace::OnTrack
            };
        }
    } else if reached {
        state = Pace::Reached;
    }
    let milestones = goal
        .milestones
        .iter()
        .map(|m| {
            let by = m.on.min(today);
            let count = count_between(goal, &series, goal.start, by);
            MilestoneProgress { on: m.on, target: m.target, count, reached: count >= m.target, due: m.on <= today }
        })
        .collect();
    Progress {
        current,
        target,
        measured,
        fraction_done: target.filter(|t| *t > 0).map(|t| r2(f64::from(current) / f64::from(t))),
        time_elapsed,
        pace_per_week,
        needed_per_week,
        projected_finish,
        projected_late: matches!((projected_finish, goal.deadline), (Some(p), Some(d)) if p > d),
        reached_on,
        state,
        best_pace,
        days_left,
        milestones,
    }
}

/// The best number of units in any 4-week block counted back from `today`, as a weekly
/// pace. `None` when the metric has never happened or the first time is less than four
/// weeks ago (too little history to call anything "your pace").
fn best_pace_of(series: &Series, today: NaiveDate) -> Option<BestPace> {
    let first = series.first_day().filter(|d| *d <= today)?;
    if (today - first).num_days() < 27 {
        return None;
    }
    let mut best: Option<(u32, NaiveDate)> = None;
    let mut end = today;
    while end >= first {
        let begin = end - Days::new(27);
        let n = series.count(begin, end);
        if best.is_none_or(|(b, _)| n > b) {
            best = Some((n, end));
        }
        let Some(next) = end.checked_sub_days(Days::new(28)) else { break };
        end = next;
    }
    best.map(|(n, ending)| BestPace { per_week: r2(f64::from(n) / 4.0), ending })
}

/// The user's best past 4-week pace at what the goal counts: its own metric over its
/// own filter (colleagues talked to, not everyone talked to), so "your best 4 weeks"
/// and the Achievable check rest on the same thing the goal measures.
pub fn best_pace(goal: &Goal, net: &Network, today: NaiveDate) -> Option<BestPace> {
    best_pace_of(&Series::for_metric(goal, net), today)
}

/// Counts per week from the goal's start up to today (or the deadline), newest last.
pub fn weekly(goal: &Goal, net: &Network, today: NaiveDate) -> Vec<(NaiveDate, NaiveDate, u32)> {
    let series = Series::for_metric(goal, net);
    let end = goal.deadline.map_or(today, |d| d.min(today));
    let mut out = Vec::new();
    let mut from = goal.start;
    while from <= end {
        let to = (from + Days::new(6)).min(end);
        let before = if from == goal.start { 0 } else { count_between(goal, &series, goal.start, from - Days::new(1)) };
        let upto = count_between(goal, &series, goal.start, to);
        out.push((from, to, upto.saturating_sub(before)));
        from = to + Days::new(1);
    }
    out
}

/// Rough minutes one unit of a metric takes, for weighing goals against the user's
/// weekly time. `None` where a unit has no typical size (hand-counted goals).
pub fn minutes_per_unit(metric: &Metric) -> Option<u32> {
    match metric {
        // Finding someone, the first conversation and a follow-up.
        Metric::NewContacts => Some(60),
        Metric::Interactions | Metric::PeopleTalkedTo | Metric::PromisesKept => Some(30),
        // Several real conversations before someone becomes a connection.
        Metric::StageUps => Some(120),
        Metric::Manual | Metric::Unknown(_) => None,
    }
}

#[cfg(test)]
#[path = "progress_tests.rs"]
mod tests;
