//! Where the user stands on each of the three steps — build trust, set goals, select
//! contacts — as a score out of 100, the evidence behind it and the single next action.
//! Pure: `jejaring coach` words and prints it.

use super::cadence;
use super::index::Index;
use super::knowing::CHECKLIST;
use super::progress::{self, Pace};
use super::reliability;
use super::smart::{self, Letter, Verdict};
use crate::model::{Circle, Network, Outcome, Stage, Topic};
use chrono::{Days, NaiveDate};
use serde::Serialize;

/// One of the method's three steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Trust,
    Goals,
    Contacts,
}

/// A fact the score rests on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "evidence", rename_all = "snake_case")]
pub enum Evidence {
    /// Kept on time / counted, where `counted` is the promises resolved in the last 90
    /// days and those open past due, whenever due (None: nothing to count yet).
    Reliability {
        rate: Option<u8>,
        kept: usize,
        counted: usize,
    },
    OverduePromises {
        count: usize,
    },
    /// Average knowing score of trusted people and connections.
    CloseKnowing {
        average: u8,
        people: usize,
    },
    ActiveGoals {
        count: usize,
    },
    /// Letters judged ok, over all active goals.
    SmartLetters {
        ok: usize,
        total: usize,
    },
    GoalsPace {
        on_track: usize,
        behind: usize,
    },
    /// Circles with at least one person, of the four.
    Circles {
        covered: usize,
    },
    /// Strangers and acquaintances added in the last 30 days.
    NewFaces {
        count: usize,
    },
    /// People past their keep-in-touch rhythm (not snoozed).
    Due {
        count: usize,
        total: usize,
    },
    /// Introductions asked for and made in the last 90 days (shown once there is one).
    Introductions {
        asked: usize,
        made: usize,
    },
}

/// The one thing worth doing next on a step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    KeepPromise { n: u32, name: String, due: NaiveDate },
    RecordPromise,
    LearnAbout { name: String, handle: String, topic: Topic },
    AddTrustNote { name: String, handle: String },
    SetGoal,
    StrengthenGoal { number: u32, letter: Letter },
    CatchUp { number: u32, title: String },
    AddPeople,
    WidenCircle { circle: Circle },
    MeetSomeoneNew,
    Reach { name: String, handle: String, days: i64 },
    Select,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StepReport {
    pub step: Step,
    pub score: u8,
    pub evidence: Vec<Evidence>,
    pub next: Action,
}

/// All three steps.
pub fn steps(net: &Network, today: NaiveDate) -> [StepReport; 3] {
    let index = Index::new(net);
    [trust(net, &index, today), goals(net, today), contacts(net, &index, today)]
}

/// Step 1: reliability (seven tenths) and knowing close people (three tenths). An
/// overdue promise weighs once, as a promise not kept on time in the rate: it is
/// named as evidence and as the next action, not charged a second time.
fn trust(net: &Network, index: &Index, today: NaiveDate) -> StepReport {
    let since = today.checked_sub_days(Days::new(90));
    let rel = reliability::tally(&net.promises, today, since);
    let close: Vec<_> = net.contacts.iter().filter(|c| matches!(c.stage, Stage::Trusted | Stage::Connection)).collect();
    let knowing: Vec<(u8, &crate::model::Contact)> = close.iter().map(|c| (index.knowing(c).score, *c)).collect();
    let average = if knowing.is_empty() {
        0
    } else {
        let sum: u64 = knowing.iter().map(|(k, _)| u64::from(*k)).sum();
        crate::i18n::percent(sum, 100 * knowing.len() as u64) as u8
    };
    let overdue: Vec<_> = net.promises.iter().filter(|p| p.outcome(today) == Outcome::Overdue).collect();
    // Before any promise is resolved there is nothing to hold against the user: half marks.
    let rate = f64::from(rel.rate().unwrap_or(50));
    let score = rate * 0.7 + f64::from(average) * 0.3;

    let next = if let Some(p) = overdue.iter().min_by_key(|p| p.due) {
        let name = net.contact(&p.contact).map_or_else(String::new, |c| c.name.clone());
        Action::KeepPromise { n: p.n, name, due: p.due }
    } else if net.promises.is_empty() && !net.contacts.is_empty() {
        Action::RecordPromise
    } else if let Some((_, c)) = knowing.iter().filter(|(k, _)| *k < 50).min_by_key(|(k, c)| (*k, c.name.clone())) {
        let topic = index.knowing(c).next.unwrap_or(CHECKLIST[0].clone());
        Action::LearnAbout { name: c.name.clone(), handle: c.handle.clone(), topic }
    } else if let Some(c) = close.iter().find(|c| index.notes(&c.id).is_empty()) {
        Action::AddTrustNote { name: c.name.clone(), handle: c.handle.clone() }
    } else if net.contacts.is_empty() {
        Action::AddPeople
    } else {
        Action::RecordPromise
    };
    StepReport {
        step: Step::Trust,
        score: score.round().clamp(0.0, 100.0) as u8,
        evidence: vec![
            Evidence::Reliability { rate: rel.rate(), kept: rel.kept_on_time, counted: rel.counted() },
            Evidence::OverduePromises { count: overdue.len() },
            Evidence::CloseKnowing { average, people: close.len() },
        ],
        next,
    }
}

/// Step 2: how SMART the active goals are (half) and how many are on pace (half).
fn goals(net: &Network, today: NaiveDate) -> StepReport {
    let active: Vec<_> = net.goals.iter().filter(|g| g.is_active()).collect();
    if active.is_empty() {
        return StepReport {
            step: Step::Goals,
            score: 0,
            evidence: vec![Evidence::ActiveGoals { count: 0 }],
            next: Action::SetGoal,
        };
    }
    let checks: Vec<_> = active.iter().map(|g| (g, smart::check(g, net, today))).collect();
    let total = checks.len() * Letter::ALL.len();
    let ok: usize = checks.iter().map(|(_, c)| c.letters.iter().filter(|l| l.verdict == Verdict::Ok).count()).sum();
    let paces: Vec<_> = active.iter().map(|g| (g, progress::measure(g, net, today).state)).collect();
    let on_track = paces.iter().filter(|(_, s)| matches!(s, Pace::Ahead | Pace::OnTrack | Pace::Reached)).count();
    let behind = paces.iter().filter(|(_, s)| matches!(s, Pace::Behind | Pace::DueToday | Pace::Missed)).count();
    let judged = on_track + behind;
    let pace_share = if judged == 0 { 1.0 } else { on_track as f64 / judged as f64 };
    let score = 50.0 * ok as f64 / total as f64 + 50.0 * pace_share;

    let weakest = checks
        .iter()
        .flat_map(|(g, c)| {
            c.letters.iter().filter(|l| l.verdict != Verdict::Ok).map(move |l| (l.verdict, g.number, l.letter))
        })
        // The worst verdict leads; among equals, the first goal and the first letter in
        // S-M-A-R-T order (min_by_key keeps the first of equals), so "network more", missing
        // S, A and R, is sent to Specific first.
        .min_by_key(|(v, n, _)| (std::cmp::Reverse(*v), *n));
    let next = if let Some((g, _)) = paces.iter().find(|(_, s)| matches!(s, Pace::Behind | Pace::DueToday)) {
        Action::CatchUp { number: g.number, title: g.title.clone() }
    } else if let Some((_, number, letter)) = weakest {
        Action::StrengthenGoal { number, letter }
    } else {
        Action::Select
    };
    StepReport {
        step: Step::Goals,
        score: score.round() as u8,
        evidence: vec![
            Evidence::ActiveGoals { count: active.len() },
            Evidence::SmartLetters { ok, total },
            Evidence::GoalsPace { on_track, behind },
        ],
        next,
    }
}

/// Step 3: breadth across circles (three tenths), new faces this month (three tenths),
/// and how few people are overdue (two fifths).
fn contacts(net: &Network, index: &Index, today: NaiveDate) -> StepReport {
    let total = net.contacts.len();
    if total == 0 {
        return StepReport {
            step: Step::Contacts,
            score: 0,
            evidence: vec![Evidence::Circles { covered: 0 }, Evidence::Due { count: 0, total: 0 }],
            next: Action::AddPeople,
        };
    }
    let covered = Circle::ALL.iter().filter(|c| net.contacts.iter().any(|x| &x.circle == *c)).count();
    let new_faces = net
        .contacts
        .iter()
        .filter(|c| matches!(c.stage, Stage::Stranger | Stage::Acquaintance) && cadence::newly_met(c, today))
        .count();
    let mut due: Vec<(i64, &crate::model::Contact)> = net
        .contacts
        .iter()
        .filter(|c| !c.snoozed(today))
        .map(|c| (cadence::overdue_days(c, index.last_talked(&c.id), today), c))
        .filter(|(d, _)| *d > 0)
        .collect();
    due.sort_by_key(|(d, c)| (std::cmp::Reverse(*d), c.name.clone()));
    let score = 30.0 * covered as f64 / Circle::ALL.len() as f64
        + 30.0 * new_faces.min(3) as f64 / 3.0
        + 40.0 * (1.0 - due.len() as f64 / total as f64);

    let missing_circle = Circle::ALL.iter().find(|c| !net.contacts.iter().any(|x| &x.circle == *c));
    let next = if new_faces == 0 {
        Action::MeetSomeoneNew
    } else if let Some((days, c)) = due.first() {
        Action::Reach { name: c.name.clone(), handle: c.handle.clone(), days: *days }
    } else if let Some(circle) = missing_circle {
        Action::WidenCircle { circle: circle.clone() }
    } else {
        Action::Select
    };
    StepReport {
        step: Step::Contacts,
        score: score.round().clamp(0.0, 100.0) as u8,
        evidence: vec![
            Evidence::Circles { covered },
            Evidence::NewFaces { count: new_faces },
            Evidence::Due { count: due.len(), total },
        ]
        .into_iter()
        .chain(introductions(net, today))
        .collect(),
        next,
    }
}

/// Introductions asked for and made in the last 90 days, once there is one to count.
fn introductions(net: &Network, today: NaiveDate) -> Option<Evidence> {
    let since = today.checked_sub_days(Days::new(90)).unwrap_or(NaiveDate::MIN);
    let (asked, made) = crate::model::link::counts_between(net, since, today);
    (asked + made > 0).then_some(Evidence::Introductions { asked, made })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::test_support;
    use crate::model::{Contact, PromiseStatus};
    use chrono::{TimeZone, Utc};

    use uuid::Uuid;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn today() -> NaiveDate {
        day("2026-11-28")
    }

    fn add(net: &mut Network, name: &str, circle: Circle, stage: Stage, added: &str) -> Uuid {
        let at = Utc.from_utc_datetime(&day(added).and_hms_opt(12, 0, 0).unwrap());
        let mut c = Contact::new(Uuid::now_v7(), format!("h{}", net.contacts.len()), name.into(), at);
        c.circle = circle;
        c.stage = stage;
        c.met_on = Some(day(added));
        let id = c.id;
        net.contacts.push(c);
        id
    }

    fn promise(net: &mut Network, who: Uuid, due: &str, status: PromiseStatus, resolved: Option<&str>) {
        let n = net.promises.len() as u32 + 1;
        net.promises.push(test_support::promise(who, n, due, status, resolved));
    }

    #[test]
    fn an_empty_network_starts_at_zero_with_first_steps() {
        let [t, g, c] = steps(&Network::default(), today());
        assert_eq!(t.next, Action::AddPeople);
        assert_eq!((g.score, g.next), (0, Action::SetGoal));
        assert_eq!((c.score, c.next), (0, Action::AddPeople));
    }

    #[test]
    fn an_overdue_promise_is_the_next_trust_action() {
        let mut net = Network::default();
        let a = add(&mut net, "Ana", Circle::Friend, Stage::Trusted, "2026-01-01");
        promise(&mut net, a, "2026-11-20", PromiseStatus::Open, None);
        promise(&mut net, a, "2026-11-01", PromiseStatus::Kept, Some("2026-10-30"));
        let [t, _, _] = steps(&net, today());
        assert_eq!(t.next, Action::KeepPromise { n: 1, name: "Ana".into(), due: day("2026-11-20") });
        assert!(t.evidence.contains(&Evidence::OverduePromises { count: 1 }));
        // The overdue promise counts against the rate: 1 of 2 kept on time.
        assert!(t.evidence.contains(&Evidence::Reliability { rate: Some(50), kept: 1, counted: 2 }));
        // 50% reliability (35) + knowing 0: the overdue promise weighs once, in the rate.
        assert_eq!(t.score, 35);
    }

    #[test]
    fn with_no_promise_yet_the_next_trust_action_is_to_record_one() {
        let mut net = Network::default();
        add(&mut net, "Ana", Circle::Friend, Stage::Trusted, "2026-01-01");
        let [t, _, _] = steps(&net, today());
        assert_eq!(t.next, Action::RecordPromise);
        assert_eq!(t.score, 35, "half marks for reliability before any promise");
    }

    #[test]
    fn knowing_close_people_is_suggested_once_promises_are_in_order() {
        let mut net = Network::default();
        let a = add(&mut net, "Ana", Circle::Friend, Stage::Trusted, "2026-01-01");
        promise(&mut net, a, "2026-11-01", PromiseStatus::Kept, Some("2026-10-30"));
        let [t, _, _] = steps(&net, today());
        assert_eq!(t.next, Action::LearnAbout { name: "Ana".into(), handle: "h0".into(), topic: Topic::Work });
    }

    #[test]
    fn contacts_score_breadth_new_faces_and_due() {
        let mut net = Network::default();
        let a = add(&mut net, "Old friend", Circle::Friend, Stage::Trusted, "2026-01-01");
        net.interactions.push(test_support::interaction(&[a], "2026-06-01", false));
        let [_, _, c] = steps(&net, today());
        assert_eq!(c.next, Action::MeetSomeoneNew, "nobody new this month comes first");
        // Met four days ago: their first follow-up is not due until a week after meeting.
        add(&mut net, "New", Circle::Colleague, Stage::Stranger, "2026-11-24");
        let [_, _, c] = steps(&net, today());
        assert_eq!(c.next, Action::Reach { name: "Old friend".into(), handle: "h0".into(), days: 150 });
        assert!(c.evidence.contains(&Evidence::Due { count: 1, total: 2 }));
        assert!(c.evidence.contains(&Evidence::Circles { covered: 2 }));
        // 2 of 4 circles (15) + 1 new face (10) + half not due (20).
        assert_eq!(c.score, 45);
    }

    #[test]
    fn a_vague_goal_is_sent_to_specific_first() {
        let mut net = Network::default();
        let mut g = crate::model::goal::Goal::new(
            1,
            "network more".into(),
            crate::model::goal::Metric::NewContacts,
            today(),
            Utc::now(),
        );
        g.target = Some(5);
        g.deadline = Some(day("2027-01-31"));
        net.goals.push(g);
        let [_, goals, _] = steps(&net, today());
        assert_eq!(goals.next, Action::StrengthenGoal { number: 1, letter: Letter::Specific });
    }
}
