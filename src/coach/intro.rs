//! Introductions in the weekly picks and the daily digest: ask someone for an
//! introduction when a goal's group needs it (the widen place), ask again kindly when a
//! request has waited past its day, and after an introduction thank the introducer and
//! follow up with the person you met. A request that waits is never a broken promise
//! of the introducer's: it is yours to follow up, without blame.

use super::graph::Count;
use super::paths;
use super::progress::{self, Pace};
use super::select::Candidate;
use crate::model::link::{Intro, IntroStatus};
use crate::model::{Interaction, Network, Stage};
use chrono::{Days, NaiveDate};
use rustc_hash::FxHashSet;
use serde::Serialize;
use uuid::Uuid;

/// Days after an introduction by which to thank the introducer and follow up.
pub const THANK_DAYS: u64 = 7;
/// Days after an introduction after which an unsent thank-you is no longer proposed.
pub const THANK_WINDOW: i64 = 21;
/// A goal's group with nobody talked to in this many days has no one in it to reach.
const QUIET_DAYS: u64 = 30;

/// An introduction's part in the week: the pick's reason (`select::Reason::Intro`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "intro", rename_all = "snake_case")]
pub enum IntroPick {
    /// Ask them to introduce you to `to_name`, for a goal whose group needs it.
    Ask {
        to: Uuid,
        to_name: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        org: Option<String>,
        goal: String,
        /// Conversations and meetings they shared (`Tie::met`), and the latest of them.
        shared: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        last: Option<NaiveDate>,
        /// The strongest evidence they know each other, said when they never met.
        #[serde(skip)]
        evidence: Option<Count>,
    },
    /// Your request #n has waited past its day: ask again, kindly.
    Nudge { n: u32, to_name: String, asked: NaiveDate },
    /// They introduced you to `to_name` on `on`: thank them by `by`.
    Thank { to_name: String, on: NaiveDate, by: NaiveDate },
    /// `via_name` introduced you to them on `on`: follow up by `by`.
    FollowUp { via_name: String, on: NaiveDate, by: NaiveDate },
}

impl IntroPick {
    /// Whether the pick widens the circle (it takes the place kept for someone new).
    pub fn widens(&self) -> bool {
        matches!(self, IntroPick::Ask { .. })
    }
}

/// Something about an introduction to do or wait for, for `today` and the review.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Pending {
    /// Asked, not yet due: waiting, nothing to do.
    Waiting { n: u32, via: Uuid, to: Uuid, asked: NaiveDate, due: NaiveDate },
    /// Asked and past its day: ask again, kindly.
    Nudge { n: u32, via: Uuid, to: Uuid, asked: NaiveDate, due: NaiveDate },
    /// Made and the introducer not yet thanked.
    Thank { n: u32, via: Uuid, to: Uuid, on: NaiveDate, by: NaiveDate },
    /// Made and the person met not yet followed up.
    FollowUp { n: u32, via: Uuid, to: Uuid, on: NaiveDate, by: NaiveDate },
}

/// Everything about introductions worth a line today: open requests (waiting or past
/// their day), and introductions made lately whose thank-you or follow-up is not done.
pub fn pending(net: &Network, today: NaiveDate) -> Vec<Pending> {
    let mut out = Vec::new();
    for i in &net.intros {
        let (n, via, to) = (i.n, i.via, i.to);
        match (&i.status, i.resolved_on) {
            (IntroStatus::Open, _) if i.nudge_due(today) => {
                out.push(Pending::Nudge { n, via, to, asked: i.asked_on, due: i.due })
            }
            (IntroStatus::Open, _) => out.push(Pending::Waiting { n, via, to, asked: i.asked_on, due: i.due }),
            (IntroStatus::Done, Some(on)) if on <= today && (today - on).num_days() <= THANK_WINDOW => {
                let by = on.checked_add_days(Days::new(THANK_DAYS)).unwrap_or(on);
                if !talked_since(net, i, &via, on) {
                    out.push(Pending::Thank { n, via, to, on, by });
                }
                if !talked_since(net, i, &to, on) {
                    out.push(Pending::FollowUp { n, via, to, on, by });
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether you talked with `who` on or after `on`, apart from the introduction itself.
fn talked_since(net: &Network, intro: &Intro, who: &Uuid, on: NaiveDate) -> bool {
    let own = |i: &Interaction| Some(i.id) == intro.interaction;
    net.interactions.iter().any(|i| i.on >= on && i.involves(who) && !own(i))
}

/// The picks introductions give this week: (contact, priority, pick).
pub fn picks(net: &Network, today: NaiveDate) -> Vec<(Uuid, i64, IntroPick)> {
    let name = |id: &Uuid| net.contact(id).map(|c| c.name.clone()).unwrap_or_default();
    let mut out = Vec::new();
    for p in pending(net, today) {
        match p {
            Pending::Nudge { n, via, to, asked, .. } => {
                out.push((via, 205, IntroPick::Nudge { n, to_name: name(&to), asked }))
            }
            Pending::Thank { via, to, on, by, .. } => {
                out.push((via, 198, IntroPick::Thank { to_name: name(&to), on, by }))
            }
            Pending::FollowUp { via, to, on, by, .. } => {
                out.push((to, 196, IntroPick::FollowUp { via_name: name(&via), on, by }))
            }
            Pending::Waiting { .. } => {}
        }
    }
    out.extend(goal_pick(net, today));
    out
}

/// One introduction for the first active goal with a group (tags or circles) that is
/// behind, or that has nobody in it you talked to lately: ask the person you can ask
/// most who knows someone in the group you do not know yet.
fn goal_pick(net: &Network, today: NaiveDate) -> Option<(Uuid, i64, IntroPick)> {
    let quiet_since = today.checked_sub_days(Days::new(QUIET_DAYS)).unwrap_or(NaiveDate::MIN);
    let asked: FxHashSet<Uuid> = net.intros.iter().filter(|i| i.is_open()).map(|i| i.to).collect();
    for goal in net.goals.iter().filter(|g| g.is_active()) {
        if goal.filters.tags.is_empty() && goal.filters.circles.is_empty() {
            continue;
        }
        let members: Vec<&crate::model::Contact> = net.contacts.iter().filter(|c| goal.filters.matches(c)).collect();
        let behind = matches!(progress::measure(goal, net, today).state, Pace::Behind | Pace::DueToday);
        let quiet = !members.iter().any(|c| net.talked_with(&c.id, quiet_since, today));
        if !(behind || quiet) {
            continue;
        }
        let targets: Vec<Uuid> = members
            .iter()
            .filter(|c| matches!(c.stage, Stage::Stranger | Stage::Acquaintance) && !asked.contains(&c.id))
            .filter(|c| !c.snoozed(today))
            .map(|c| c.id)
            .collect();
        if targets.is_empty() {
            continue;
        }
        let routes = paths::who_knows(net, &targets, today);
        let route =
            routes.routes.iter().find(|r| r.ask.askable && net.contact(&r.via).is_some_and(|c| !c.snoozed(today)));
        let Some(route) = route else { continue };
        let (to, tie) = route.knows.first()?;
        let target = net.contact(to)?;
        let (shared, last) = tie.met();
        let pick = IntroPick::Ask {
            to: *to,
            to_name: target.name.clone(),
            org: target.org.clone(),
            goal: goal.title.clone(),
            shared,
            last,
            evidence: tie.evidence.first().cloned(),
        };
        return Some((route.via, 215, pick));
    }
    None
}

/// Adds the introduction picks to select's candidates: a person's pick replaces their
/// candidacy when it is more pressing. Snoozed people rest.
pub fn merge(net: &Network, today: NaiveDate, candidates: &mut Vec<Candidate>) {
    for (id, priority, pick) in picks(net, today) {
        let Some(c) = net.contact(&id).filter(|c| !c.snoozed(today)) else { continue };
        let reason = super::select::Reason::Intro(pick);
        match candidates.iter_mut().find(|x| x.contact == id) {
            Some(x) if x.priority >= priority => {}
            Some(x) => {
                x.priority = priority;
                x.reason = reason;
            }
            None => candidates.push(Candidate {
                contact: id,
                name: c.name.clone(),
                circle: c.circle.clone(),
                stage: c.stage.clone(),
                reason,
                priority,
                newly_met: super::cadence::newly_met(c, today),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::goal::{Filters, Goal, Metric};
    use crate::model::{Circle, Contact, Kind};
    use chrono::{DateTime, Utc};

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn person(net: &mut Network, name: &str, stage: Stage, tag: Option<&str>) -> Uuid {
        let mut c = Contact::new(Uuid::now_v7(), format!("h{}", net.contacts.len()), name.into(), DateTime::UNIX_EPOCH);
        c.stage = stage;
        c.circle = Circle::Colleague;
        c.tags = tag.map(|t| vec![t.to_string()]).unwrap_or_default();
        let id = c.id;
        net.contacts.push(c);
        id
    }

    fn request(via: Uuid, to: Uuid, asked: &str, due: &str) -> Intro {
        Intro::new(1, via, to, day(asked), day(due), DateTime::UNIX_EPOCH)
    }

    #[test]
    fn a_request_waits_then_nudges_then_asks_for_thanks_until_you_talk() {
        let mut net = Network::default();
        let budi = person(&mut net, "Budi", Stage::Trusted, None);
        let dewi = person(&mut net, "Dewi", Stage::Stranger, None);
        net.intros.push(request(budi, dewi, "2026-11-01", "2026-11-15"));
        assert!(matches!(pending(&net, day("2026-11-15"))[..], [Pending::Waiting { .. }]));
        assert!(matches!(pending(&net, day("2026-11-16"))[..], [Pending::Nudge { .. }]));
        let p = picks(&net, day("2026-11-16"));
        assert_eq!(p[0].0, budi);
        let mut it = Interaction::new(vec![budi, dewi], Kind::Intro, day("2026-11-20"), Utc::now());
        net.intros[0].status = IntroStatus::Done;
        net.intros[0].resolved_on = Some(day("2026-11-20"));
        net.intros[0].interaction = Some(it.id);
        it.text = Some("intro".into());
        net.interactions.push(it);
        let p = pending(&net, day("2026-11-21"));
        assert!(matches!(p[..], [Pending::Thank { .. }, Pending::FollowUp { .. }]), "{p:?}");
        net.interactions.push(Interaction::new(vec![budi], Kind::Message, day("2026-11-21"), Utc::now()));
        assert!(matches!(pending(&net, day("2026-11-22"))[..], [Pending::FollowUp { .. }]));
        assert!(pending(&net, day("2026-12-31")).is_empty(), "three weeks on, it is history");
    }

    #[test]
    fn a_goal_behind_asks_whoever_knows_someone_in_its_group() {
        let mut net = Network::default();
        let budi = person(&mut net, "Budi", Stage::Trusted, None);
        let dewi = person(&mut net, "Dewi", Stage::Stranger, Some("fintech"));
        net.interactions.push(Interaction::new(vec![budi, dewi], Kind::Meeting, day("2026-10-20"), Utc::now()));
        let mut g = Goal::new(1, "Meet fintech people".into(), Metric::NewContacts, day("2026-11-01"), Utc::now());
        g.filters = Filters { tags: vec!["fintech".into()], ..Filters::default() };
        net.goals.push(g);
        let p = picks(&net, day("2026-11-28"));
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].0, budi);
        assert!(matches!(&p[0].2, IntroPick::Ask { to, shared: 1, .. } if *to == dewi));
        // Once asked, the coach waits for the answer instead of asking again.
        net.intros.push(request(budi, dewi, "2026-11-27", "2026-12-10"));
        assert!(picks(&net, day("2026-11-28")).is_empty());
    }

    #[test]
    fn the_introduction_takes_the_place_kept_for_someone_new() {
        let mut net = Network::default();
        let budi = person(&mut net, "Budi", Stage::Trusted, None);
        let dewi = person(&mut net, "Dewi", Stage::Stranger, Some("fintech"));
        net.interactions.push(Interaction::new(vec![budi, dewi], Kind::Meeting, day("2026-10-20"), Utc::now()));
        for i in 0..4 {
            let f = person(&mut net, &format!("Friend {i}"), Stage::Trusted, None);
            net.contacts.last_mut().unwrap().circle = Circle::Friend;
            net.contacts.last_mut().unwrap().every = Some("30d".parse().unwrap());
            net.interactions.push(Interaction::new(vec![f], Kind::Call, day("2026-09-01"), Utc::now()));
        }
        let mut g = Goal::new(1, "Meet fintech people".into(), Metric::NewContacts, day("2026-11-01"), Utc::now());
        g.filters = Filters { tags: vec!["fintech".into()], ..Filters::default() };
        net.goals.push(g);
        let s = super::super::select::select(&net, day("2026-11-28"), 3, &Default::default());
        let ids: Vec<Uuid> = s.picks.iter().map(|c| c.contact).collect();
        assert!(ids.contains(&budi), "{:?}", s.picks);
        assert!(!ids.contains(&dewi), "the introduction is the widening this week: {:?}", s.picks);
        let ask = s.picks.iter().find(|c| c.contact == budi).map(|c| &c.reason);
        assert!(matches!(ask, Some(super::super::select::Reason::Intro(IntroPick::Ask { .. }))));
    }
}
