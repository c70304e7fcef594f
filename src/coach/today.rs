//! What needs doing today: promises due or overdue, this week's planned people not yet
//! reached, people newly met whose follow-up is due, birthdays in the next few days, and
//! goal deadlines within a week. Short by design: it runs from a shell start-up file.

use super::cadence::{self, FollowUp};
use super::index::Index;
use crate::model::plan;
use crate::model::{Contact, Goal, Network, Outcome, Promise};
use chrono::NaiveDate;
use serde::Serialize;
use uuid::Uuid;

/// Birthdays this many days ahead are mentioned: time to send a message or a card.
pub const BIRTHDAY_DAYS: i64 = 3;
/// Goal deadlines this many days ahead are mentioned: a week is enough for a last push.
pub const DEADLINE_DAYS: i64 = 7;

#[derive(Debug, Default, Serialize)]
pub struct Digest<'a> {
    /// Open promises due today or earlier, most overdue first.
    pub promises: Vec<&'a Promise>,
    /// People in this week's plan you have not talked to since it started.
    pub planned: Vec<Uuid>,
    /// Follow-ups due today or earlier: people met in the last 30 days, and first
    /// follow-ups never done (see
    /// `cadence::follow_up`), not snoozed and not already in this week's plan.
    pub follow_ups: Vec<FollowUpDue<'a>>,
    /// Birthdays from today to `BIRTHDAY_DAYS` ahead, soonest first.
    pub birthdays: Vec<BirthdaySoon<'a>>,
    /// Active goals due from today to `DEADLINE_DAYS` ahead, soonest first.
    pub deadlines: Vec<DeadlineSoon<'a>>,
}

/// A follow-up of someone newly met that is due.
#[derive(Debug, Serialize)]
pub struct FollowUpDue<'a> {
    #[serde(skip)]
    pub contact: &'a Contact,
    pub met: NaiveDate,
    pub due: NaiveDate,
    /// `first` before any conversation since meeting, then `monthly`.
    pub step: FollowUp,
}

/// A birthday coming up.
#[derive(Debug, Serialize)]
pub struct BirthdaySoon<'a> {
    #[serde(skip)]
    pub contact: &'a Contact,
    pub on: NaiveDate,
    /// 0 is today.
    pub in_days: i64,
    /// The age they reach, when the year is known.
    pub turns: Option<i32>,
}

/// An active goal's deadline coming up.
#[derive(Debug, Serialize)]
pub struct DeadlineSoon<'a> {
    #[serde(skip)]
    pub goal: &'a Goal,
    pub deadline: NaiveDate,
    /// 0 is today.
    pub in_days: i64,
}

impl Digest<'_> {
    pub fn is_empty(&self) -> bool {
        self.promises.is_empty()
            && self.planned.is_empty()
            && self.follow_ups.is_empty()
            && self.birthdays.is_empty()
            && self.deadlines.is_empty()
    }
}

pub fn digest(net: &Network, today: NaiveDate) -> Digest<'_> {
    let mut promises: Vec<&Promise> = net
        .promises
        .iter()
        .filter(|p| matches!(p.outcome(today), Outcome::Overdue | Outcome::Open) && p.due <= today)
        .collect();
    promises.sort_by_key(|p| (p.due, p.n));
    let planned = match plan::current(&net.plans, today) {
        Some(plan) => plan
            .picks
            .iter()
            .map(|p| p.contact)
            .filter(|id| !plan.reached(&net.interactions, id, today))
            .filter(|id| net.contact(id).is_some())
            .collect(),
        None => Vec::new(),
    };
    let follow_ups = follow_ups(net, today, &planned);
    Digest {
        promises,
        planned,
        follow_ups,
        birthdays: birthdays(&net.contacts, today),
        deadlines: deadlines(&net.goals, today),
    }
}

/// Follow-ups due, earliest first: those of people met in the last 30 days, and a first
/// follow-up never done, however long ago the meeting (it stays until done or snoozed,
/// as in `select`; a later monthly one is left to `list --due` and `select`).
pub fn follow_ups<'a>(net: &'a Network, today: NaiveDate, planned: &[Uuid]) -> Vec<FollowUpDue<'a>> {
    let candidates: Vec<&Contact> =
        net.contacts.iter().filter(|c| c.met_on.is_some() && !c.snoozed(today) && !planned.contains(&c.id)).collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    let index = Index::new(net);
    let mut due: Vec<FollowUpDue> = candidates
        .into_iter()
        .filter_map(|c| {
            // `follow_up` already ends the monthly step with the 30 days after meeting.
            let (step, due) = cadence::follow_up(c, index.last_talked(&c.id), today)?;
            let met = c.met_on?;
            (due <= today).then_some(FollowUpDue { contact: c, met, due, step })
        })
        .collect();
    due.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.contact.name.cmp(&b.contact.name)));
    due
}

/// Birthdays from today to `BIRTHDAY_DAYS` ahead, soonest first, then by name.
pub fn birthdays(contacts: &[Contact], today: NaiveDate) -> Vec<BirthdaySoon<'_>> {
    let mut soon: Vec<BirthdaySoon> = contacts
        .iter()
        .filter_map(|c| {
            let birthday = c.birthday?;
            let on = birthday.next_on(today)?;
            let in_days = (on - today).num_days();
            (in_days <= BIRTHDAY_DAYS).then(|| BirthdaySoon { contact: c, on, in_days, turns: birthday.turns_on(on) })
        })
        .collect();
    soon.sort_by(|a, b| a.in_days.cmp(&b.in_days).then_with(|| a.contact.name.cmp(&b.contact.name)));
    soon
}

/// Active goals whose deadline is from today to `DEADLINE_DAYS` ahead. A deadline
/// already past is the weekly review's business (close the goal or move it), not a
/// daily reminder.
pub fn deadlines(goals: &[Goal], today: NaiveDate) -> Vec<DeadlineSoon<'_>> {
    let mut soon: Vec<DeadlineSoon> = goals
        .iter()
        .filter(|g| g.is_active())
        .filter_map(|g| {
            let deadline = g.deadline?;
            let in_days = (deadline - today).num_days();
            (0..=DEADLINE_DAYS).contains(&in_days).then_some(DeadlineSoon { goal: g, deadline, in_days })
        })
        .collect();
    soon.sort_by_key(|d| (d.deadline, d.goal.number));
    soon
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Contact, Interaction, Kind, Pick, Plan, PromiseStatus};
    use chrono::{DateTime, Utc};
    use serde_json::Map;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn promise(n: u32, due: &str, status: PromiseStatus) -> Promise {
        Promise {
            id: Uuid::now_v7(),
            n,
            contact: Uuid::nil(),
            what: "x".into(),
            made_on: day("2026-11-01"),
            due: day(due),
            status,
            resolved_on: None,
            moves: vec![],
            note: None,
            logged: DateTime::UNIX_EPOCH,
            extra: Map::new(),
        }
    }

    #[test]
    fn due_and_overdue_promises_only() {
        let net = Network {
            promises: vec![
                promise(1, "2026-11-28", PromiseStatus::Open),
                promise(2, "2026-11-20", PromiseStatus::Open),
                promise(3, "2026-11-29", PromiseStatus::Open),
                promise(4, "2026-11-20", PromiseStatus::Kept),
            ],
            ..Network::default()
        };
        let d = digest(&net, day("2026-11-28"));
        assert_eq!(d.promises.iter().map(|p| p.n).collect::<Vec<_>>(), vec![2, 1]);
    }

    #[test]
    fn planned_people_drop_off_once_reached() {
        let mut net = Network::default();
        let (a, b) = (
            Contact::new(Uuid::now_v7(), "a".into(), "A".into(), Utc::now()),
            Contact::new(Uuid::now_v7(), "b".into(), "B".into(), Utc::now()),
        );
        let (aid, bid) = (a.id, b.id);
        net.contacts = vec![a, b];
        net.plans.push(Plan {
            id: Uuid::now_v7(),
            starts: day("2026-11-25"),
            picks: vec![Pick { contact: aid, reason: "overdue".into() }, Pick { contact: bid, reason: "widen".into() }],
            made: Utc::now(),
            extra: Map::new(),
        });
        net.interactions.push(Interaction {
            id: Uuid::now_v7(),
            contacts: vec![aid],
            kind: Kind::Call,
            on: day("2026-11-26"),
            text: None,
            they_reached_out: false,
            logged: DateTime::UNIX_EPOCH,
            source: None,
            extra: Map::new(),
        });
        let d = digest(&net, day("2026-11-28"));
        assert_eq!(d.planned, vec![bid]);
        assert!(digest(&Network::default(), day("2026-11-28")).is_empty());
    }

    fn born(name: &str, birthday: &str) -> Contact {
        let mut c = Contact::new(Uuid::now_v7(), name.to_lowercase(), name.into(), Utc::now());
        c.birthday = Some(birthday.parse().unwrap());
        c
    }

    #[test]
    fn birthdays_today_and_in_the_next_three_days() {
        let contacts = vec![
            born("Dewi", "--12-01"),
            born("Ayu", "1996-11-28"),
            born("Citra", "--12-02"),
            born("Budi", "--11-27"),
            born("Eka", "--11-30"),
        ];
        let soon = birthdays(&contacts, day("2026-11-28"));
        let got: Vec<(&str, i64, Option<i32>)> =
            soon.iter().map(|b| (b.contact.name.as_str(), b.in_days, b.turns)).collect();
        assert_eq!(got, [("Ayu", 0, Some(30)), ("Eka", 2, None), ("Dewi", 3, None)], "yesterday and day 4 are out");
        // Across the year end.
        let fajar = [born("Fajar", "--01-01")];
        let soon = birthdays(&fajar, day("2026-12-30"));
        assert_eq!(soon[0].in_days, 2);
        assert_eq!(soon[0].on, day("2027-01-01"));
    }

    #[test]
    fn active_goal_deadlines_within_a_week() {
        use crate::model::goal::{Metric, Status};
        let goal = |n: u32, deadline: Option<&str>, status: Status| {
            let mut g = Goal::new(n, format!("g{n}"), Metric::Manual, day("2026-10-01"), Utc::now());
            g.deadline = deadline.map(day);
            g.status = status;
            g
        };
        let goals = vec![
            goal(1, Some("2026-12-05"), Status::Active),
            goal(2, Some("2026-11-28"), Status::Active),
            goal(3, Some("2026-12-06"), Status::Active),
            goal(4, Some("2026-11-27"), Status::Active),
            goal(5, Some("2026-11-30"), Status::Done),
            goal(6, None, Status::Active),
        ];
        let soon = deadlines(&goals, day("2026-11-28"));
        let got: Vec<(u32, i64)> = soon.iter().map(|d| (d.goal.number, d.in_days)).collect();
        assert_eq!(got, [(2, 0), (1, 7)]);
        let net = Network { goals, ..Network::default() };
        assert!(!digest(&net, day("2026-11-28")).is_empty());
    }
}
