//! Each contact's strongest reason to be picked this week, with its priority: promises
//! due or overdue, a promise to repair, a birthday, a goal behind, a follow-up, a rhythm
//! passed, warmth cooling, or someone to know better or to widen the circle with.

use super::cadence;
use super::index::Index;
use super::select::{Candidate, GoalLink, Reason};
use crate::model::{Contact, Outcome, Stage};
use chrono::NaiveDate;
use std::collections::HashMap;
use uuid::Uuid;

/// Days of quiet after a conversation before someone is proposed again.
const RESTED_DAYS: i64 = 3;
/// How far back "cooling" looks, and the drop in warmth that counts.
pub(super) const COOLING_DAYS: u64 = 30;
const COOLING_DROP: u8 = 15;

/// A contact's strongest reason to be picked, if any.
pub(super) fn candidate(
    c: &Contact,
    index: &Index,
    today: NaiveDate,
    month_ago: NaiveDate,
    goal_people: &HashMap<Uuid, GoalLink>,
) -> Option<Candidate> {
    let last = index.last_talked(&c.id);
    let mut options: Vec<(i64, Reason)> = promise_options(index.promises(&c.id), today);
    // A snooze rests the relationship, never a debt: an overdue promise is still named.
    if c.snoozed(today) {
        options.retain(|(_, r)| matches!(r, Reason::Promise { overdue: true, .. }));
        return best(c, options);
    }
    options.extend(repair(index.promises(&c.id), last, today));
    options.extend(birthday(c, today));
    let rested = last.is_some_and(|d| (today - d).num_days() < RESTED_DAYS);
    if !rested {
        options.extend(goal_reason(goal_people.get(&c.id)));
        let follow_up = follow_up_reason(c, last, today);
        let overdue = cadence::overdue_days(c, last, today);
        // A stranger is never "overdue": there is no rhythm yet, only a door to open.
        // Someone newly met is on the follow-up instead.
        if follow_up.is_some() {
            options.extend(follow_up);
        } else if overdue > 0 && c.stage != Stage::Stranger {
            let closeness = if matches!(c.stage, Stage::Trusted | Stage::Connection) { 20 } else { 0 };
            options.push((150 + overdue.min(100) + closeness, Reason::Overdue { days: overdue }));
        }
        let (before, now) = (index.warmth_on(c, month_ago).score, index.warmth(c, today).score);
        if before >= now + COOLING_DROP {
            // A sharp fall says more than "a few days late", so it outranks a fresh overdue.
            options.push((170 + i64::from(before - now), Reason::Cooling { from: before, to: now }));
        }
        match c.stage {
            Stage::Stranger => {
                // Fresher the sooner you met; someone whose meeting day is unknown (an
                // import, say) is not fresh, however recently they were entered.
                let fresh = c.met_on.map_or(0, |met| 30 - (today - met).num_days().clamp(0, 30));
                options.push((60 + fresh, Reason::Widen { stage: Stage::Stranger }));
            }
            Stage::Acquaintance => {
                let recent = last.is_some_and(|d| (today - d).num_days() <= 90);
                if recent && index.knowing(c).score < 50 {
                    options.push((80, Reason::Deepen));
                } else {
                    options.push((50, Reason::Widen { stage: Stage::Acquaintance }));
                }
            }
            _ => {}
        }
    }
    let mut pick = best(c, options)?;
    pick.newly_met = cadence::newly_met(c, today);
    Some(pick)
}

/// The contact as a candidate with its strongest reason, if it has one.
fn best(c: &Contact, options: Vec<(i64, Reason)>) -> Option<Candidate> {
    let (priority, reason) = options.into_iter().max_by_key(|(p, _)| *p)?;
    Some(Candidate {
        contact: c.id,
        name: c.name.clone(),
        circle: c.circle.clone(),
        stage: c.stage.clone(),
        reason,
        priority,
        newly_met: false,
    })
}

/// The reason a goal that is behind gives: an introduction for a new-contacts goal,
/// otherwise the goal itself.
fn goal_reason(link: Option<&GoalLink>) -> Option<(i64, Reason)> {
    let link = link?;
    let title = link.title.clone();
    Some(match &link.introduce {
        Some((tags, circles)) => (220, Reason::Introduce { title, tags: tags.clone(), circles: circles.clone() }),
        None => (220, Reason::Goal { title }),
    })
}

/// How many days ahead a follow-up of someone newly met makes them a pick.
const FOLLOW_UP_AHEAD: i64 = 7;

/// Someone newly met whose follow-up is due within the week or past: a first follow-up
/// ranks with a relationship past its rhythm, because a week's silence loses a new door.
fn follow_up_reason(c: &Contact, last: Option<NaiveDate>, today: NaiveDate) -> Option<(i64, Reason)> {
    let (step, due) = cadence::follow_up(c, last, today)?;
    let met = c.met_on?;
    let late = (today - due).num_days();
    if late < -FOLLOW_UP_AHEAD {
        return None;
    }
    let first = step == cadence::FollowUp::First;
    let base = if first { 190 } else { 150 };
    Some((base + late.min(60), Reason::FollowUp { met, due, first, late: late > 0 }))
}

/// How many days back a broken promise still asks for repair.
const REPAIR_DAYS: i64 = 30;
/// How many days ahead a birthday is a reason to reach out.
pub const BIRTHDAY_DAYS: i64 = 7;

/// Promises to one person that make them a pick: the most overdue one (naming the
/// others overdue with it), and those due within a week.
fn promise_options(promises: &[&crate::model::Promise], today: NaiveDate) -> Vec<(i64, Reason)> {
    let mut overdue: Vec<_> = promises.iter().filter(|p| p.outcome(today) == Outcome::Overdue).collect();
    overdue.sort_by_key(|p| (p.due, p.n));
    let mut options = Vec::new();
    if let Some((first, others)) = overdue.split_first() {
        let also = others.iter().map(|p| p.n).collect();
        let days_left = (first.due - today).num_days();
        options.push((300 - days_left, Reason::Promise { n: first.n, due: first.due, overdue: true, also }));
    }
    for p in promises.iter().filter(|p| p.outcome(today) == Outcome::Open) {
        let days_left = (p.due - today).num_days();
        if days_left <= 7 {
            options.push((250 - days_left, Reason::Promise { n: p.n, due: p.due, overdue: false, also: Vec::new() }));
        }
    }
    options
}

/// The latest promise to them broken in the last month with no conversation since.
fn repair(promises: &[&crate::model::Promise], last: Option<NaiveDate>, today: NaiveDate) -> Option<(i64, Reason)> {
    let broken = promises
        .iter()
        .filter(|p| p.outcome(today) == Outcome::Broken)
        .filter_map(|p| p.resolved_on.map(|on| (on, p.n)))
        .filter(|(on, _)| *on <= today && (today - *on).num_days() <= REPAIR_DAYS)
        .max()?;
    let (on, n) = broken;
    // Talking after the break is the chance to acknowledge it; after that, no nagging.
    if last.is_some_and(|d| d > on) {
        return None;
    }
    Some((260, Reason::Repair { n, on }))
}

/// Their birthday, when it falls within the coming week.
fn birthday(c: &Contact, today: NaiveDate) -> Option<(i64, Reason)> {
    let on = c.birthday?.next_on(today)?;
    let in_days = (on - today).num_days();
    (in_days <= BIRTHDAY_DAYS).then(|| (200 - in_days, Reason::Birthday { on, in_days }))
}
