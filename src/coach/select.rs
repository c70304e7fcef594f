//! Step 3: whom to reach this week. Each candidate gets its strongest reason
//! (`select_reasons`, worded in `select_text`); the picks balance the circles and always
//! include someone new (a stranger or acquaintance) when there is one, because widening
//! the network is the step people skip. Every overdue promise is named, whatever the
//! snooze or the count: a debt is never hidden.

use super::index::Index;
use super::progress::{self, Pace};
use super::select_reasons::{COOLING_DAYS, candidate};
use crate::model::goal::Metric;
use crate::model::{Circle, Network, Pick, Plan, Stage};
use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::Serialize;
use std::collections::HashMap;
use uuid::Uuid;

// The tests word reasons in both languages through `super::*`.
#[cfg(test)]
use crate::i18n::Lang;
#[cfg(test)]
use crate::model::Contact;

/// Why someone is proposed. Each carries the figures its sentence needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// A promise to them is overdue or due within a week; `also` holds their other
    /// overdue promises, so that every one is named.
    Promise {
        n: u32,
        due: NaiveDate,
        overdue: bool,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        also: Vec<u32>,
    },
    /// You broke a promise to them lately and have not talked since: acknowledge it.
    Repair { n: u32, on: NaiveDate },
    /// Their birthday falls within the coming week (`in_days` 0 is today).
    Birthday { on: NaiveDate, in_days: i64 },
    /// Linked to an active goal that is behind.
    Goal { title: String },
    /// Linked to a new-contacts goal that is behind: ask them for an introduction to
    /// someone in the goal's group (its tags, else its circles; none when it has neither).
    Introduce {
        title: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        tags: Vec<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        circles: Vec<Circle>,
    },
    /// Someone newly met whose follow-up is due this week or `late` (`first`: the first
    /// one since meeting).
    FollowUp { met: NaiveDate, due: NaiveDate, first: bool, late: bool },
    /// Past the keep-in-touch rhythm.
    Overdue { days: i64 },
    /// Warmth dropped over the last 30 days (`COOLING_DAYS`).
    Cooling { from: u8, to: u8 },
    /// Someone you know only in passing, worth knowing better.
    Deepen,
    /// A stranger or new acquaintance: widen the circle.
    Widen { stage: Stage },
    /// An introduction to ask for, ask again about, or thank for (`coach::intro`).
    Intro(super::intro::IntroPick),
}

impl Reason {
    /// The short key stored in a plan.
    pub fn key(&self) -> &'static str {
        match self {
            Reason::Promise { .. } => "promise",
            Reason::Repair { .. } => "repair",
            Reason::Birthday { .. } => "birthday",
            Reason::Goal { .. } => "goal",
            Reason::Introduce { .. } => "introduce",
            Reason::FollowUp { .. } => "follow_up",
            Reason::Overdue { .. } => "overdue",
            Reason::Cooling { .. } => "cooling",
            Reason::Deepen => "deepen",
            Reason::Widen { .. } => "widen",
            Reason::Intro(_) => "intro",
        }
    }
}

/// One proposed person.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Candidate {
    pub contact: Uuid,
    pub name: String,
    pub circle: Circle,
    pub stage: Stage,
    pub reason: Reason,
    /// Higher is more pressing.
    pub priority: i64,
    /// Met in the last 30 days (see `cadence::newly_met`): the widen pick prefers them.
    #[serde(skip)]
    pub newly_met: bool,
}

/// The week's proposal: the picks, and the others in order, for swapping.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Selection {
    pub picks: Vec<Candidate>,
    pub alternates: Vec<Candidate>,
    /// How many people owed an overdue promise go beyond the count asked for, because
    /// every one of them is named (the new person of `plus_new` is not among them).
    pub beyond_count: usize,
    /// Whether one new person (a stranger or acquaintance) was added beyond the count,
    /// because debts took every place: the widen place always holds.
    pub plus_new: bool,
}

impl Selection {
    /// How many picks go beyond the count asked for: the debts beyond it, and the new
    /// person added after them.
    pub fn over_count(&self) -> usize {
        self.beyond_count + usize::from(self.plus_new)
    }
}

/// A person's link to a goal that is behind: its title and, for a new-contacts goal,
/// the group they could introduce you to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalLink {
    pub title: String,
    /// Set for a new-contacts goal: someone linked to it can open the door to others.
    pub introduce: Option<(Vec<String>, Vec<Circle>)>,
}

/// This week's plan: the chosen picks with their reasons, starting `today`.
pub fn plan(chosen: &[Candidate], today: NaiveDate, now: DateTime<Utc>) -> Plan {
    let picks = chosen.iter().map(|c| Pick { contact: c.contact, reason: c.reason.key().to_string() }).collect();
    Plan { id: Uuid::now_v7(), starts: today, picks, made: now, extra: serde_json::Map::new() }
}

/// Proposes `count` people to reach this week. `goal_people` maps contacts linked to
/// goals that are behind to the goal (computed by the caller from the goals).
pub fn select(net: &Network, today: NaiveDate, count: usize, goal_people: &HashMap<Uuid, GoalLink>) -> Selection {
    let index = Index::new(net);
    let month_ago = today.checked_sub_days(Days::new(COOLING_DAYS)).unwrap_or(NaiveDate::MIN);
    let mut candidates: Vec<Candidate> =
        net.contacts.iter().filter_map(|c| candidate(c, &index, today, month_ago, goal_people)).collect();
    super::intro::merge(net, today, &mut candidates);
    candidates.sort_by(|a, b| b.priority.cmp(&a.priority).then_with(|| a.name.cmp(&b.name)));
    let (picks, beyond_count, plus_new) = with_every_debt(&candidates, count);
    let alternates = candidates.into_iter().filter(|c| !picks.iter().any(|p| p.contact == c.contact)).collect();
    Selection { picks, alternates, beyond_count, plus_new }
}

/// Whether the candidate is owed an overdue promise.
fn owes(c: &Candidate) -> bool {
    matches!(c.reason, Reason::Promise { overdue: true, .. })
}

/// The balanced picks, as long as they name everyone owed an overdue promise (they
/// come first, so they usually do). When the circles' balance or the count would leave
/// one out, everyone owed comes first, beyond `count` if need be, and the places left
/// are balanced as usual. When the debts take every place, the widen place is added
/// after them ("plus one new person"): widening the circle is the step people skip, and
/// a week of debts is no reason to skip it. Returns the picks, how many debts go beyond
/// `count`, and whether the new person was added beyond it.
fn with_every_debt(sorted: &[Candidate], count: usize) -> (Vec<Candidate>, usize, bool) {
    let picks = balance(sorted, count);
    let (owed, rest): (Vec<Candidate>, Vec<Candidate>) = sorted.iter().cloned().partition(owes);
    if owed.iter().all(|o| picks.iter().any(|p| p.contact == o.contact)) {
        return (picks, 0, false);
    }
    let beyond = owed.len().saturating_sub(count);
    let mut picks = owed;
    let room = count.saturating_sub(picks.len());
    if room > 0 {
        picks.extend(balance(&rest, room));
        return (picks, beyond, false);
    }
    match newcomer(&rest, &picks).cloned() {
        Some(new) if count > 0 => {
            picks.push(new);
            (picks, beyond, true)
        }
        _ => (picks, beyond, false),
    }
}

/// Contacts linked to active goals that are behind, with the goal (the first such goal
/// when a person matters to several).
pub fn goal_people(net: &Network, today: NaiveDate) -> HashMap<Uuid, GoalLink> {
    let mut people = HashMap::new();
    for goal in net.goals.iter().filter(|g| g.is_active()) {
        if matches!(progress::measure(goal, net, today).state, Pace::Behind | Pace::DueToday) {
            let introduce =
                (goal.metric == Metric::NewContacts).then(|| (goal.filters.tags.clone(), goal.filters.circles.clone()));
            for id in &goal.contacts {
                people
                    .entry(*id)
                    .or_insert_with(|| GoalLink { title: goal.title.clone(), introduce: introduce.clone() });
            }
        }
    }
    people
}

/// Takes the most pressing candidates, at most about half from any one circle, and
/// makes room for someone new when nobody new made the cut.
fn balance(sorted: &[Candidate], count: usize) -> Vec<Candidate> {
    let cap = count.div_ceil(2).max(1);
    let mut picks: Vec<Candidate> = Vec::new();
    let mut per_circle: HashMap<&Circle, usize> = HashMap::new();
    for c in sorted {
        if picks.len() == count {
            break;
        }
        let n = per_circle.entry(&c.circle).or_default();
        if *n < cap {
            *n += 1;
            picks.push(c.clone());
        }
    }
    // Not enough variety to fill the list: top up from whatever is left.
    for c in sorted {
        if picks.len() >= count {
            break;
        }
        if !picks.iter().any(|p| p.contact == c.contact) {
            picks.push(c.clone());
        }
    }
    make_room_for_newcomer(sorted, &mut picks, count);
    picks
}

/// The widen pick: someone newly met (a stranger or acquaintance met in the last 30
/// days, strangers first) when nobody newly met made the cut, even if a long-quiet
/// acquaintance did; otherwise any stranger or acquaintance. The least pressing pick
/// makes room.
fn make_room_for_newcomer(sorted: &[Candidate], picks: &mut Vec<Candidate>, count: usize) {
    if let Some(newcomer) = newcomer(sorted, picks).filter(|_| count > 0) {
        if picks.len() == count {
            picks.pop();
        }
        picks.push(newcomer.clone());
    }
}

/// The person for the widen place when `picks` has nobody for it: someone newly met (a
/// stranger or acquaintance met in the last 30 days, strangers first) when no pick is
/// newly met; otherwise any stranger or acquaintance when no pick is one.
fn newcomer<'a>(sorted: &'a [Candidate], picks: &[Candidate]) -> Option<&'a Candidate> {
    // Asking for an introduction widens the circle too: it can take the place.
    let widens = |c: &Candidate| matches!(&c.reason, Reason::Intro(p) if p.widens());
    let is_new = |c: &Candidate| matches!(c.stage, Stage::Stranger | Stage::Acquaintance) || widens(c);
    let is_newly_met = |c: &Candidate| (is_new(c) && c.newly_met) || widens(c);
    let newly_met_stranger = sorted.iter().find(|c| c.newly_met && c.stage == Stage::Stranger);
    if picks.iter().any(is_newly_met) {
        None
    } else if let Some(met) = newly_met_stranger.or_else(|| sorted.iter().find(|c| is_newly_met(c))) {
        Some(met)
    } else if picks.iter().any(is_new) {
        None
    } else {
        sorted.iter().find(|c| is_new(c))
    }
}

#[cfg(test)]
#[path = "select_tests.rs"]
mod tests;
