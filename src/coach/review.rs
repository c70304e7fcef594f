//! The weekly review's report, computed purely from the network and the week's last
//! day: last week's plan against what happened, the week in numbers, promises, cooling
//! relationships, trust changes and the streak. The command adds the goals and the
//! conversation with the user.

use super::index::Index;
use super::progress::{self, Progress};
use super::reliability;
use super::smart::{self, Check, Letter};
use crate::model::review::{self, Numbers};
use crate::model::trust;
use crate::model::{Network, Outcome, Plan, Stage};
use chrono::{Days, NaiveDate};
use serde::Serialize;
use std::collections::HashSet;
use uuid::Uuid;

/// How many days a review covers.
pub const WEEK_DAYS: u64 = 7;
/// How far back the reliability rate looks.
const RELIABILITY_DAYS: u64 = 90;
/// How many cooled relationships to show.
const COOLED_SHOWN: usize = 3;

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The plan that ran during the week, and whom of it you reached.
    pub plan: Option<PlanReport>,
    pub numbers: Numbers,
    /// New people added this week, by stage key.
    pub new_by_stage: Vec<(String, usize)>,
    pub promises: PromiseReport,
    /// Every active goal: its progress this week and overall, and its SMART check.
    pub goals: Vec<GoalReport>,
    /// Relationships whose warmth fell most this week.
    pub cooled: Vec<Change>,
    /// Trust levels that changed this week.
    pub trust_changes: Vec<Change>,
    /// Consecutive weekly reviews before this one.
    pub streak: usize,
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

/// The report for the seven days ending on `end`.
pub fn report(net: &Network, end: NaiveDate) -> Report {
    let Week { start, plan, numbers, new_by_stage, promises } = week(net, end);
    let in_week = |d: NaiveDate| start <= d && d <= end;
    let index = Index::new(net);

    let week_ago = start.pred_opt().unwrap_or(start);
    let goals = net
        .goals
        .iter()
        .filter(|g| g.is_active())
        .map(|g| {
            let progress = progress::measure(g, net, end);
            let before = progress::measure(g, net, week_ago).current;
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
    let mut cooled: Vec<Change> = net
        .contacts
        .iter()
        .filter(|c| c.added.date_naive() <= week_ago)
        .map(|c| Change {
            contact: c.id,
            name: c.name.clone(),
            from: index.warmth_on(c, week_ago).score,
            to: index.warmth(c, end).score,
        })
        .filter(|ch| ch.to < ch.from)
        .collect();
    cooled.sort_by_key(|ch| (std::cmp::Reverse(ch.from - ch.to), ch.name.clone()));
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
        plan,
        numbers,
        new_by_stage,
        promises,
        goals,
        cooled,
        trust_changes,
        streak: review::streak(&net.reviews, week_ago),
    }
}

/// The figures a saved review records for the seven days ending on `end`.
pub fn numbers(net: &Network, end: NaiveDate) -> Numbers {
    week(net, end).numbers
}

/// What `week` finds, before the report adds goals, warmth and trust.
struct Week {
    start: NaiveDate,
    plan: Option<PlanReport>,
    numbers: Numbers,
    new_by_stage: Vec<(String, usize)>,
    promises: PromiseReport,
}

/// The week's own facts: the plan against what happened, the numbers, the promises.
fn week(net: &Network, end: NaiveDate) -> Week {
    let start = end.checked_sub_days(Days::new(WEEK_DAYS - 1)).unwrap_or(NaiveDate::MIN);
    let in_week = |d: NaiveDate| start <= d && d <= end;
    let name = |id: &Uuid| net.contact(id).map(|c| c.name.clone()).unwrap_or_default();

    let week: Vec<_> = net.interactions.iter().filter(|i| in_week(i.on)).collect();
    let people: HashSet<Uuid> = week.iter().flat_map(|i| i.contacts.iter().copied()).collect();
    let they = week.iter().filter(|i| i.they_reached_out).count();
    let new_people: Vec<_> = net.contacts.iter().filter(|c| in_week(c.added.date_naive())).collect();
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
            .partition(|person| net.talked_with(&person.contact, p.starts, end));
        PlanReport { starts: p.starts, reached, missed }
    });

    let promises = promise_report(net, start, end);
    let numbers = Numbers {
        interactions: week.len(),
        people: people.len(),
        new_people: new_people.len(),
        they_reached_out: they,
        you_reached_out: week.len() - they,
        planned: plan.as_ref().map_or(0, |p| p.reached.len() + p.missed.len()),
        planned_reached: plan.as_ref().map_or(0, |p| p.reached.len()),
        promises_kept: promises.kept.len(),
        promises_broken: promises.broken.len(),
        promises_overdue: promises.overdue.len(),
    };
    Week { start, plan, numbers, new_by_stage, promises }
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
    let rate_at = |day: NaiveDate| {
        let since = day.checked_sub_days(Days::new(RELIABILITY_DAYS));
        let known = net.promises.iter().filter(|p| p.resolved_on.is_none_or(|d| d <= day));
        reliability::tally(known, day, since).rate()
    };
    r.rate = rate_at(end);
    r.rate_week_ago = rate_at(start.pred_opt().unwrap_or(start));
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::test_support;
    use crate::model::{Contact, Pick, PromiseStatus, TrustNote};
    use chrono::{DateTime, TimeZone, Utc};
    use serde_json::Map;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn end() -> NaiveDate {
        day("2026-11-28")
    }

    fn person(net: &mut Network, name: &str, stage: Stage, added: &str) -> Uuid {
        let at = Utc.from_utc_datetime(&day(added).and_hms_opt(9, 0, 0).unwrap());
        let mut c = Contact::new(Uuid::now_v7(), format!("h{}", net.contacts.len()), name.into(), at);
        c.stage = stage;
        c.every = Some("2w".parse().unwrap());
        let id = c.id;
        net.contacts.push(c);
        id
    }

    fn talk(net: &mut Network, who: Uuid, on: &str, they: bool) {
        net.interactions.push(test_support::interaction(&[who], on, they));
    }

    fn promise(net: &mut Network, n: u32, due: &str, status: PromiseStatus, resolved: Option<&str>) {
        let who = net.contacts[0].id;
        net.promises.push(test_support::promise(who, n, due, status, resolved));
    }

    #[test]
    fn the_plan_is_compared_with_what_happened() {
        let mut net = Network::default();
        let a = person(&mut net, "A", Stage::Connection, "2026-01-01");
        let b = person(&mut net, "B", Stage::Connection, "2026-01-01");
        net.plans.push(Plan {
            id: Uuid::now_v7(),
            starts: day("2026-11-21"),
            picks: vec![Pick { contact: a, reason: "overdue".into() }, Pick { contact: b, reason: "widen".into() }],
            made: Utc::now(),
            extra: Map::new(),
        });
        talk(&mut net, a, "2026-11-24", false);
        let r = report(&net, end());
        let plan = r.plan.unwrap();
        assert_eq!(plan.reached, vec![Person { contact: a, name: "A".into() }]);
        assert_eq!(plan.missed, vec![Person { contact: b, name: "B".into() }]);
        assert_eq!((r.numbers.planned, r.numbers.planned_reached), (2, 1));
    }

    #[test]
    fn the_week_in_numbers() {
        let mut net = Network::default();
        let a = person(&mut net, "A", Stage::Connection, "2026-01-01");
        let s = person(&mut net, "S", Stage::Stranger, "2026-11-25");
        talk(&mut net, a, "2026-11-22", true);
        talk(&mut net, a, "2026-11-27", false);
        talk(&mut net, s, "2026-11-25", false);
        talk(&mut net, a, "2026-11-21", false); // the day before the week
        let r = report(&net, end());
        let n = &r.numbers;
        assert_eq!((n.interactions, n.people, n.new_people, n.they_reached_out, n.you_reached_out), (3, 2, 1, 1, 2));
        assert_eq!(r.new_by_stage, vec![("stranger".to_string(), 1)]);
        assert!(r.plan.is_none());
    }

    #[test]
    fn promises_and_the_reliability_trend() {
        let mut net = Network::default();
        person(&mut net, "A", Stage::Connection, "2026-01-01");
        promise(&mut net, 1, "2026-11-20", PromiseStatus::Open, None);
        promise(&mut net, 2, "2026-12-02", PromiseStatus::Open, None);
        promise(&mut net, 3, "2026-11-25", PromiseStatus::Kept, Some("2026-11-24"));
        promise(&mut net, 4, "2026-11-10", PromiseStatus::Broken, Some("2026-11-11"));
        promise(&mut net, 5, "2027-02-01", PromiseStatus::Open, None);
        let r = report(&net, end()).promises;
        assert_eq!(r.overdue, vec![1]);
        assert_eq!(r.due_soon, vec![2]);
        assert_eq!(r.kept, vec![3]);
        assert!(r.broken.is_empty(), "broken before the week");
        assert_eq!(r.rate_week_ago, Some(0));
        assert_eq!(r.rate, Some(50));
    }

    #[test]
    fn cooling_and_trust_changes() {
        let mut net = Network::default();
        let a = person(&mut net, "A", Stage::Connection, "2026-01-01");
        talk(&mut net, a, "2026-11-10", false);
        net.trust_notes.push(TrustNote {
            id: Uuid::now_v7(),
            contact: a,
            on: day("2026-11-26"),
            level: Some(5),
            note: None,
            logged: DateTime::UNIX_EPOCH,
            extra: Map::new(),
        });
        let r = report(&net, end());
        assert_eq!(r.trust_changes, vec![Change { contact: a, name: "A".into(), from: 3, to: 5 }]);
        // 11 days → 18 days since the last talk on a 2-week rhythm: recency dropped.
        assert_eq!(r.cooled.len(), 1);
        assert!(r.cooled[0].from > r.cooled[0].to);
    }

    #[test]
    fn goals_report_the_weeks_progress_and_weak_letters() {
        use crate::model::goal::{Goal, Metric};
        let mut net = Network::default();
        person(&mut net, "Old", Stage::Connection, "2026-10-05");
        person(&mut net, "New 1", Stage::Stranger, "2026-11-23");
        person(&mut net, "New 2", Stage::Stranger, "2026-11-27");
        let mut g = Goal::new(1, "Meet people".into(), Metric::NewContacts, day("2026-10-01"), Utc::now());
        g.target = Some(10);
        g.deadline = Some(day("2026-12-31"));
        net.goals.push(g);
        let mut dropped = Goal::new(2, "Old goal".into(), Metric::Manual, day("2026-10-01"), Utc::now());
        dropped.status = crate::model::goal::Status::Dropped;
        net.goals.push(dropped);
        let r = report(&net, end());
        assert_eq!(r.goals.len(), 1, "only active goals");
        let g = &r.goals[0];
        assert_eq!((g.progress.current, g.this_week), (3, 2));
        // No specific description, no reasons: S, A and R are flagged.
        assert!(g.weak.contains(&Letter::Specific) && g.weak.contains(&Letter::Realistic), "{:?}", g.weak);
    }

    #[test]
    fn an_empty_network_has_a_quiet_report() {
        let r = report(&Network::default(), end());
        assert_eq!(r.numbers, Numbers::default());
        assert!(r.cooled.is_empty() && r.trust_changes.is_empty() && r.plan.is_none());
        assert_eq!(r.streak, 0);
        assert_eq!(r.start, day("2026-11-22"));
    }
}
