//! The promise and goal dates the reminders hold (see `reminders`), as all-day events:
//! open promises on their due day, active goals on their deadline and their milestones
//! still ahead.
//!
//! Each UID comes from the record's id (a milestone's from its goal's id and its day),
//! so the same date keeps its event from one export to the next. A date already past
//! (an overdue promise, a deadline gone by) is put on `today`, as the keep-in-touch
//! dates are: a calendar shows nothing useful on a day gone by.

use crate::i18n::Lang;
use crate::model::day_event::DayEvent;
use crate::model::{Goal, Promise};
use crate::t;
use chrono::NaiveDate;
use uuid::Uuid;

/// Open promises made to the people `name_of` knows (the contacts being exported).
pub fn promise_deadlines<'a>(
    promises: impl IntoIterator<Item = &'a Promise>,
    name_of: impl Fn(&Uuid) -> Option<&'a str>,
    today: NaiveDate,
    lang: Lang,
) -> Vec<DayEvent> {
    promises
        .into_iter()
        .filter(|p| p.is_open())
        .filter_map(|p| {
            let name = name_of(&p.contact)?;
            let what = &p.what;
            let summary = if p.due < today {
                t!(lang, "Overdue promise to {name}: {what}", "Janji terlambat kepada {name}: {what}")
            } else {
                t!(lang, "Promise to {name}: {what}", "Janji kepada {name}: {what}")
            };
            let (made, due, n) = (p.made_on, p.due, p.n);
            let mut description = t!(
                lang,
                "You promised this on {made}, due {due}. When it is done: `jejaring promise done {n}`.",
                "Anda menjanjikan ini pada {made}, tenggat {due}. Setelah selesai: `jejaring promise done {n}`."
            );
            if !p.moves.is_empty() {
                let first = p.original_due();
                description.push(' ');
                description.push_str(&t!(lang, "First agreed for {first}.", "Semula disepakati untuk {first}."));
            }
            Some(DayEvent {
                uid: format!("{}-promise@jejaring", p.id),
                date: due.max(today),
                summary,
                description: Some(description),
            })
        })
        .collect()
}

/// Active goals' deadlines, and their milestones from `today` on.
pub fn goal_deadlines<'a>(goals: impl IntoIterator<Item = &'a Goal>, today: NaiveDate, lang: Lang) -> Vec<DayEvent> {
    let mut events = Vec::new();
    for g in goals.into_iter().filter(|g| g.is_active()) {
        let (n, title) = (g.number, &g.title);
        let show =
            t!(lang, "See how it stands: `jejaring goal show {n}`.", "Lihat kemajuannya: `jejaring goal show {n}`.");
        if let Some(deadline) = g.deadline {
            let summary = if deadline < today {
                t!(lang, "Goal past its deadline: {title}", "Tujuan melewati tenggat: {title}")
            } else {
                t!(lang, "Goal deadline: {title}", "Tenggat tujuan: {title}")
            };
            let description = match g.target {
                Some(target) => {
                    let metric = g.metric.describe(lang);
                    t!(
                        lang,
                        "Goal {n}: {target} {metric} by {deadline}. {show}",
                        "Tujuan {n}: {target} {metric} paling lambat {deadline}. {show}"
                    )
                }
                None => t!(lang, "Goal {n}, due {deadline}. {show}", "Tujuan {n}, tenggat {deadline}. {show}"),
            };
            events.push(DayEvent {
                uid: format!("{}-deadline@jejaring", g.id),
                date: deadline.max(today),
                summary,
                description: Some(description),
            });
        }
        for m in g.milestones.iter().filter(|m| m.on >= today) {
            let target = m.target;
            events.push(DayEvent {
                uid: format!("{}-milestone-{}@jejaring", g.id, m.on.format("%Y%m%d")),
                date: m.on,
                summary: t!(lang, "Goal milestone: {target} for {title}", "Tonggak tujuan: {target} untuk {title}"),
                description: Some(show.clone()),
            });
        }
    }
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::goal::{Metric, Milestone, Status};
    use crate::model::promise::Move;
    use crate::model::{Contact, PromiseStatus};
    use chrono::{DateTime, Utc};
    use serde_json::Map;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn promise(contact: Uuid, due: &str, status: PromiseStatus) -> Promise {
        Promise {
            id: Uuid::now_v7(),
            n: 4,
            contact,
            what: "send the deck".into(),
            made_on: day("2026-11-01"),
            due: day(due),
            status,
            resolved_on: None,
            moves: Vec::new(),
            note: None,
            logged: DateTime::UNIX_EPOCH,
            extra: Map::new(),
        }
    }

    #[test]
    fn open_promises_to_exported_people_become_events() {
        let today = day("2026-11-28");
        let wei = Contact::new(Uuid::now_v7(), "wei1".into(), "Wei Chen".into(), Utc::now());
        let mut late = promise(wei.id, "2026-11-20", PromiseStatus::Open);
        late.moves.push(Move {
            from: day("2026-11-15"),
            to: day("2026-11-20"),
            on: day("2026-11-14"),
            note: "ok".into(),
        });
        let ahead = promise(wei.id, "2026-12-03", PromiseStatus::Open);
        let kept = promise(wei.id, "2026-12-03", PromiseStatus::Kept);
        let elsewhere = promise(Uuid::now_v7(), "2026-12-03", PromiseStatus::Open);
        let all = [late.clone(), ahead.clone(), kept, elsewhere];
        let name_of = |id: &Uuid| (id == &wei.id).then_some(wei.name.as_str());
        let events = promise_deadlines(&all, name_of, today, Lang::En);
        assert_eq!(events.len(), 2, "kept promises and people left out of the export have no event");
        assert_eq!(events[0].summary, "Overdue promise to Wei Chen: send the deck");
        assert_eq!(events[0].date, today, "a date gone by is put on today");
        assert_eq!(events[0].uid, format!("{}-promise@jejaring", late.id));
        assert!(events[0].description.as_deref().unwrap().contains("First agreed for 2026-11-15"));
        assert_eq!(events[1].summary, "Promise to Wei Chen: send the deck");
        assert_eq!(events[1].date, day("2026-12-03"));
        let id = promise_deadlines(&all, name_of, today, Lang::Id);
        assert_eq!(id[1].summary, "Janji kepada Wei Chen: send the deck");
    }

    #[test]
    fn active_goals_give_their_deadline_and_milestones_ahead() {
        let today = day("2026-11-28");
        let mut g = Goal::new(3, "Meet fintech people".into(), Metric::NewContacts, day("2026-10-01"), Utc::now());
        g.target = Some(10);
        g.deadline = Some(day("2026-12-31"));
        g.milestones =
            vec![Milestone { on: day("2026-11-15"), target: 3 }, Milestone { on: day("2026-12-10"), target: 6 }];
        let mut done = g.clone();
        done.id = Uuid::now_v7();
        done.status = Status::Done;
        let events = goal_deadlines([&g, &done], today, Lang::En);
        assert_eq!(events.len(), 2, "{events:?}");
        assert_eq!(events[0].summary, "Goal deadline: Meet fintech people");
        assert_eq!(events[0].uid, format!("{}-deadline@jejaring", g.id));
        assert!(events[0].description.as_deref().unwrap().starts_with("Goal 3: 10 new people"));
        assert_eq!(events[1].date, day("2026-12-10"));
        assert_eq!(events[1].uid, format!("{}-milestone-20261210@jejaring", g.id));
        assert_eq!(events[1].summary, "Goal milestone: 6 for Meet fintech people");

        g.deadline = Some(day("2026-11-20"));
        g.milestones.clear();
        let events = goal_deadlines([&g], today, Lang::Id);
        assert_eq!(events[0].summary, "Tujuan melewati tenggat: Meet fintech people");
        assert_eq!(events[0].date, today);
    }
}
