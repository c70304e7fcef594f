//! The weekly review's report, computed purely from the network and the week's last
//! day: last week's plan against what happened, the week in numbers, promises, cooling
//! relationships, trust changes, birthdays ahead and the streak. The command adds the
//! conversation with the user.
//!
//! A review covers everything since the last saved review (or the last seven days, for
//! the first one), so a skipped week is never lost: its events come in the next review.

use super::cadence;
use super::index::Index;
use super::progress::{self, Progress};
use super::reliability;
use super::smart::{self, Check, Letter};
use crate::model::review::{self, Numbers};
use crate::model::trust;
use crate::model::{Contact, Interaction, Network, Outcome, Plan, Stage};
use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::Serialize;
use std::collections::HashSet;
use uuid::Uuid;

/// How many days a review covers when there is no earlier review.
pub const WEEK_DAYS: u64 = 7;
/// How far back the reliability rate looks.
const RELIABILITY_DAYS: u64 = 90;
/// How many cooled relationships to show; the report says how many more there are.
const COOLED_SHOWN: usize = 5;
/// A fall in warmth this large over the review is sharp, whatever the rhythm says.
pub const SHARP_DROP: u8 = 15;
/// How many days ahead of the review's last day a birthday is shown.
const BIRTHDAY_DAYS: i64 = 7;

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// The first day covered: the day after the last saved review, or seven days back.
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The last saved review from an earlier week, which this one continues from.
    pub last_review: Option<NaiveDate>,
    /// The streak before this review: consecutive weeks with a review, up to last week.
    pub streak_before: usize,
    /// When no review was saved last week: the streak that ended with the last review.
    pub ended_streak: Option<usize>,
    /// The plan that ran during the week, and whom of it you reached.
    pub plan: Option<PlanReport>,
    pub numbers: Numbers,
    /// New people added this week, by stage key.
    pub new_by_stage: Vec<(String, usize)>,
    /// People met before `start`, in a week already reviewed, but entered after that
    /// review: counted in this one (see `Numbers::late_people`).
    pub late_people: Vec<LatePerson>,
    pub promises: PromiseReport,
    /// Every active goal: its progress this week and overall, and its SMART check.
    pub goals: Vec<GoalReport>,
    /// Relationships that crossed below their rhythm or fell sharply in warmth.
    pub cooled: Vec<Cooled>,
    /// How many more cooled than `cooled` shows.
    pub cooled_more: usize,
    /// Trust levels that changed this week.
    pub trust_changes: Vec<Change>,
    /// Birthdays in the seven days after the review's last day.
    pub birthdays: Vec<Birthday>,
    /// Same as `streak_before`, kept for the JSON output's readers.
    pub streak: usize,
}

impl Report {
    /// How many days the review covers.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

/// A relationship that cooled: its warmth then and now, and, when it crossed below
/// its keep-in-touch rhythm during the review, how many days past it is now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cooled {
    pub contact: Uuid,
    pub name: String,
    pub from: u8,
    pub to: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub past_rhythm_days: Option<i64>,
}

/// Someone met in a week already reviewed but entered after that review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LatePerson {
    pub contact: Uuid,
    pub name: String,
    pub met: NaiveDate,
}

/// A birthday coming up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Birthday {
    pub contact: Uuid,
    pub name: String,
    pub on: NaiveDate,
    pub in_days: i64,
    /// The age they reach, when the year is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub turns: Option<i32>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PlanReport {
    pub starts: NaiveDate,
    pub reached: Vec<Person>,
    pub missed: Vec<Person>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Person {
    pub contact: Uuid,
    pub name: String,
}

/// A value that moved for a person (warmth or trust level).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    pub contact: Uuid,
    pub name: String,
    pub from: u8,
    pub to: u8,
}

#[derive(Clone, Debug, Serialize)]
pub struct GoalReport {
    pub goal: Uuid,
    pub number: u32,
    pub title: String,
    /// How much the count moved during the week.
    pub this_week: i64,
    pub progress: Progress,
    /// The SMART letters that are weak or missing.
    pub weak: Vec<Letter>,
    #[serde(skip)]
    pub check: Check,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct PromiseReport {
    /// Numbers of open promises due within the week ahead.
    pub due_soon: Vec<u32>,
    /// Numbers of open promises past due.
    pub overdue: Vec<u32>,
    pub kept: Vec<u32>,
    pub broken: Vec<u32>,
    /// Reliability over the last 90 days, now and a week ago.
    pub rate: Option<u8>,
    pub rate_week_ago: Option<u8>,
}

/// The report for the days since the last saved review, ending on `end`.
pub fn report(net: &Network, end: NaiveDate) -> Report {
    let Week { start, plan, numbers, new_by_stage, late_people, promises } = week(net, end);
    let in_week = |d: NaiveDate| start <= d && d <= end;
    let index = Index::new(net);

    let week_ago = start.pred_opt().unwrap_or(start);
    let last_review = review::previous(&net.reviews, end).map(|r| r.on);
    // A goal's count before this review is the one the last review saw: entries made
    // since, dated before it, moved that count too, and belong to this week's change.
    let as_reviewed = (numbers.late_interactions + numbers.late_people > 0)
        .then(|| review::previous(&net.reviews, end).map(|r| as_of(net, r.made)))
        .flatten();
    let seen = as_reviewed.as_ref().unwrap_or(net);
    let streak_before = review::streak_before(&net.reviews, end);
    let ended_streak = match last_review {
        Some(last) if streak_before == 0 => Some(review::streak(&net.reviews, last)),
        _ => None,
    };
    let goals = net
        .goals
        .iter()
        .filter(|g| g.is_active())
        .map(|g| {
            let progress = progress::measure(g, net, end);
            let before = progress::measure(g, seen, week_ago).current;
            let check = smart::check(g, net, end);
            GoalReport {
                goal: g.id,
                number: g.number,
                title: g.title.clone(),
                this_week: i64::from(progress.current) - i64::from(before),
                progress,
                weak: check.weak_letters().iter().map(|l| l.letter).collect(),
                check,
            }
        })
        .collect();
    let mut cooled: Vec<Cooled> = net.contacts.iter().filter_map(|c| cooled_one(c, &index, week_ago, end)).collect();
    // Crossing the rhythm first (the most overdue first), then the sharpest falls.
    cooled.sort_by_key(|ch| {
        let fall = i16::from(ch.from) - i16::from(ch.to);
        (
            ch.past_rhythm_days.is_none(),
            std::cmp::Reverse(ch.past_rhythm_days),
            std::cmp::Reverse(fall),
            ch.name.clone(),
        )
    });
    let cooled_more = cooled.len().saturating_sub(COOLED_SHOWN);
    cooled.truncate(COOLED_SHOWN);

    let trust_changes = net
        .contacts
        .iter()
        .filter_map(|c| {
            let notes = index.notes(&c.id);
            let to = trust::level_on(notes, end)?;
            let from = trust::level_on(notes, week_ago).unwrap_or_else(|| trust::baseline(&c.stage));
            let changed = notes.iter().any(|n| in_week(n.on) && n.level.is_some());
            (changed && from != to).then(|| Change { contact: c.id, name: c.name.clone(), from, to })
        })
        .collect();

    Report {
        start,
        end,
        last_review,
        streak_before,
        ended_streak,
        plan,
        numbers,
        new_by_stage,
        late_people,
        promises,
        goals,
        cooled,
        cooled_more,
        trust_changes,
        birthdays: birthdays(net, end),
        streak: streak_before,
    }
}

/// The cooling rule: a relationship cooled when, between `before` and `end`, it crossed
/// below its keep-in-touch rhythm (within it then, past it now), or its warmth fell by
/// `SHARP_DROP` or more, provided there was a conversation before to cool from and the
/// warmth did fall. A small decline within the rhythm is not news. Strangers have
/// no rhythm to fall behind yet unless newly met (then the follow-up is their rhythm),
/// and a snoozed person is resting by choice.
fn cooled_one(c: &Contact, index: &Index, before: NaiveDate, end: NaiveDate) -> Option<Cooled> {
    if c.added.date_naive() > before || c.snoozed(end) {
        return None;
    }
    let last_by = |day: NaiveDate| index.interactions(&c.id).iter().find(|i| i.on <= day).map(|i| i.on);
    let (from, to) = (index.warmth_on(c, before).score, index.warmth_on(c, end).score);
    let then = cadence::overdue_days(c, last_by(before), before);
    let now = cadence::overdue_days(c, last_by(end), end);
    let has_rhythm = c.stage != Stage::Stranger || cadence::follow_up(c, last_by(end), end).is_some();
    let crossed = has_rhythm && then <= 0 && now > 0;
    let sharp = from >= to.saturating_add(SHARP_DROP);
    // Cooling needs something to cool from: a conversation before the review's days,
    // and a fall. Someone never talked to is not "cooling" (6 → 6); they are not begun.
    let began = last_by(before).is_some();
    (began && to < from && (crossed || sharp)).then(|| Cooled {
        contact: c.id,
        name: c.name.clone(),
        from,
        to,
        past_rhythm_days: crossed.then_some(now),
    })
}

/// Birthdays in the seven days after `end`, `end` included, soonest first.
fn birthdays(net: &Network, end: NaiveDate) -> Vec<Birthday> {
    let mut soon: Vec<Birthday> = net
        .contacts
        .iter()
        .filter_map(|c| {
            let b = c.birthday?;
            let on = b.next_on(end)?;
            let in_days = (on - end).num_days();
            (in_days <= BIRTHDAY_DAYS).then(|| Birthday {
                contact: c.id,
                name: c.name.clone(),
                on,
                in_days,
                turns: b.turns_on(on),
            })
        })
        .collect();
    soon.sort_by(|a, b| a.in_days.cmp(&b.in_days).then_with(|| a.name.cmp(&b.name)));
    soon
}

/// The figures a saved review records for the days it covers, ending on `end`.
pub fn numbers(net: &Network, end: NaiveDate) -> Numbers {
    week(net, end).numbers
}

/// What `week` finds, before the report adds goals, warmth and trust.
struct Week {
    start: NaiveDate,
    plan: Option<PlanReport>,
    numbers: Numbers,
    new_by_stage: Vec<(String, usize)>,
    late_people: Vec<LatePerson>,
    promises: PromiseReport,
}

/// The first day a review ending on `end` covers: the day after the last saved review
/// from an earlier week, so nothing falls between two reviews; seven days for the first.
pub fn start_of(net: &Network, end: NaiveDate) -> NaiveDate {
    match review::previous(&net.reviews, end) {
        Some(last) => last.on.succ_opt().unwrap_or(last.on).min(end),
        None => end.checked_sub_days(Days::new(WEEK_DAYS - 1)).unwrap_or(NaiveDate::MIN),
    }
}

/// The reviewed days' own facts: the plan against what happened, the numbers, the promises.
fn week(net: &Network, end: NaiveDate) -> Week {
    let start = start_of(net, end);
    let in_week = |d: NaiveDate| start <= d && d <= end;
    let name = |id: &Uuid| net.contact(id).map(|c| c.name.clone()).unwrap_or_default();

    // Entries dated before the reviewed days but made after the last review saw them
    // (someone met on Sunday, entered on Tuesday) count here, or in no week at all.
    // Imported history is the past, not a late entry; so is a day no review ever covered
    // (an old friend met years ago, entered today, is not new this week). The reviews'
    // days run on from the first one's, with no gap between two reviews.
    let reviewed = review::previous(&net.reviews, end).map(|r| r.made);
    let first = net.reviews.iter().filter(|r| review::week_of(r.on) < review::week_of(end)).map(|r| r.on).min();
    let covered_from = first.map_or(start, |on| start_of(net, on));
    let late = |on: NaiveDate, entered: DateTime<Utc>| {
        covered_from <= on && on < start && reviewed.is_some_and(|made| entered > made)
    };
    let is_late_talk = |i: &Interaction| i.source.is_none() && late(i.on, i.logged);
    let week: Vec<_> = net.interactions.iter().filter(|i| in_week(i.on) || is_late_talk(i)).collect();
    let people: HashSet<Uuid> = week.iter().flat_map(|i| i.contacts.iter().copied()).collect();
    // Reciprocity is who opened a two-way exchange; a message nobody answered is not one.
    let two_way: Vec<_> = week.iter().filter(|i| i.two_way()).collect();
    let they = two_way.iter().filter(|i| i.they_reached_out).count();
    let is_late_person = |c: &Contact| c.met_on.is_some_and(|met| late(met, c.added));
    let new_people: Vec<_> = net.contacts.iter().filter(|c| c.met_between(start, end) || is_late_person(c)).collect();
    let late_people: Vec<LatePerson> = new_people
        .iter()
        .filter(|c| is_late_person(c))
        .filter_map(|c| Some(LatePerson { contact: c.id, name: c.name.clone(), met: c.met_on? }))
        .collect();
    let new_by_stage = Stage::ALL
        .iter()
        .map(|s| (s.key().to_string(), new_people.iter().filter(|c| &c.stage == s).count()))
        .filter(|(_, n)| *n > 0)
        .collect();

    let plan = last_plan(&net.plans, start, end).map(|p| {
        let (reached, missed): (Vec<Person>, Vec<Person>) = p
            .picks
            .iter()
            .filter(|pick| net.contact(&pick.contact).is_some())
            .map(|pick| Person { contact: pick.contact, name: name(&pick.contact) })
            .partition(|person| p.reached(&net.interactions, &person.contact, end));
        PlanReport { starts: p.starts, reached, missed }
    });

    let promises = promise_report(net, start, end);
    let numbers = Numbers {
        interactions: week.len(),
        people: people.len(),
        new_people: new_people.len(),
        they_reached_out: they,
        you_reached_out: two_way.len() - they,
        planned: plan.as_ref().map_or(0, |p| p.reached.len() + p.missed.len()),
        planned_reached: plan.as_ref().map_or(0, |p| p.reached.len()),
        promises_kept: promises.kept.len(),
        promises_broken: promises.broken.len(),
        promises_overdue: promises.overdue.len(),
        imported: week.iter().filter(|i| i.source.is_some()).count(),
        late_interactions: week.iter().filter(|i| is_late_talk(i)).count(),
        late_people: late_people.len(),
    };
    Week { start, plan, numbers, new_by_stage, late_people, promises }
}

/// The network as it stood at `made`: without the contacts added and the interactions
/// logged after it.
fn as_of(net: &Network, made: DateTime<Utc>) -> Network {
    let mut then = net.clone();
    then.contacts.retain(|c| c.added <= made);
    then.interactions.retain(|i| i.logged <= made);
    then
}

/// The plan that ran in the week: the latest one that started before the week's last
/// day and covers some of it. A plan made on the last day is for the week after.
fn last_plan(plans: &[Plan], start: NaiveDate, end: NaiveDate) -> Option<&Plan> {
    plans.iter().filter(|p| p.starts < end && p.ends() >= start).max_by_key(|p| (p.starts, p.made))
}

fn promise_report(net: &Network, start: NaiveDate, end: NaiveDate) -> PromiseReport {
    let soon = end.checked_add_days(Days::new(WEEK_DAYS)).unwrap_or(NaiveDate::MAX);
    let mut r = PromiseReport::default();
    for p in &net.promises {
        let resolved_in_week = p.resolved_on.is_some_and(|d| start <= d && d <= end);
        match p.outcome(end) {
            Outcome::Overdue => r.overdue.push(p.n),
            Outcome::Open if p.due <= soon => r.due_soon.push(p.n),
            Outcome::KeptOnTime | Outcome::KeptLate if resolved_in_week => r.kept.push(p.n),
            Outcome::Broken if resolved_in_week => r.broken.push(p.n),
            _ => {}
        }
    }
    // Each day sees the promises made by then, as they stood then.
    let rate_at = |day: NaiveDate| {
        let since = day.checked_sub_days(Days::new(RELIABILITY_DAYS));
        let known = net.promises.iter().filter(|p| p.made_on <= day);
        reliability::tally(known, day, since).rate()
    };
    r.rate = rate_at(end);
    r.rate_week_ago = rate_at(start.pred_opt().unwrap_or(start));
    r
}

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;
