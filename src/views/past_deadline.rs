//! The decision a goal past its deadline waits for: extend it (a new deadline), close it
//! with what was reached (and a note), or drop it. The review asks on a terminal;
//! without one, the commands are named instead.

use crate::app::App;
use crate::coach::progress;
use crate::i18n::Lang;
use crate::model::goal::{Closed, Goal, Status};
use crate::model::{Network, text};
use crate::prompt::Prompter;
use crate::t;
use chrono::NaiveDate;
use uuid::Uuid;

/// Active goals whose deadline has passed, reached or not: each needs a decision.
pub fn past_deadline(net: &Network, today: NaiveDate) -> Vec<&Goal> {
    net.goals.iter().filter(|g| g.is_active() && g.deadline.is_some_and(|d| d < today)).collect()
}

/// The commands that decide a goal past its deadline, for when nobody can be asked.
pub fn commands(n: u32, lang: Lang) -> String {
    t!(
        lang,
        "decide: `jejaring goal edit {n} --deadline DATE` to extend it, `jejaring goal done {n} --note \"…\"` to close it with what you reached, or `jejaring goal drop {n}`",
        "putuskan: `jejaring goal edit {n} --deadline TANGGAL` untuk memperpanjang, `jejaring goal done {n} --note \"…\"` untuk menutupnya dengan hasil yang tercapai, atau `jejaring goal drop {n}`"
    )
}

/// What the user decided for one goal.
#[derive(Debug)]
pub enum Decision {
    Extend { goal: Uuid, to: NaiveDate },
    Close { goal: Uuid, note: String },
    Drop { goal: Uuid, note: Option<String> },
}

/// Asks about each goal past its deadline. The default is to decide later.
pub fn ask(app: &App, p: &mut dyn Prompter, net: &Network) -> anyhow::Result<Vec<Decision>> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let mut decisions = Vec::new();
    for g in past_deadline(net, today) {
        let pr = progress::measure(g, net, today);
        let (n, title) = (g.number, &g.title);
        let reached = match pr.target {
            Some(t) => format!("{}/{t}", pr.current),
            None => pr.current.to_string(),
        };
        let deadline = g.deadline.map(|d| d.to_string()).unwrap_or_default();
        let question = t!(
            lang,
            "Goal {n} ({title}) passed its deadline {deadline} at {reached}. What now?",
            "Tujuan {n} ({title}) melewati tenggat {deadline} dengan {reached}. Lalu bagaimana?"
        );
        let options = vec![
            t!(lang, "decide later", "putuskan nanti"),
            t!(lang, "extend it: a new deadline", "perpanjang: tenggat baru"),
            t!(lang, "close it with what I reached", "tutup dengan hasil yang tercapai"),
            t!(lang, "drop it", "batalkan"),
        ];
        match p.choose(&question, &options, 0)? {
            1 => {
                // Enter at the date decides later, as the first choice does.
                if let Some(to) = app.ask_future_day(p, &t!(lang, "New deadline:", "Tenggat baru:"))? {
                    decisions.push(Decision::Extend { goal: g.id, to });
                }
            }
            2 => {
                let note = ask_note(app, p, t!(lang, "What did you learn?", "Apa yang Anda pelajari?"))?;
                let reached_note = t!(lang, "closed at {reached}", "ditutup pada {reached}");
                let note = match note {
                    Some(n) => format!("{reached_note}: {n}"),
                    None => reached_note,
                };
                decisions.push(Decision::Close { goal: g.id, note });
            }
            3 => {
                let note = ask_note(app, p, t!(lang, "Why drop it?", "Mengapa dibatalkan?"))?;
                decisions.push(Decision::Drop { goal: g.id, note });
            }
            _ => {}
        }
    }
    Ok(decisions)
}

/// An optional note; a bad one (control characters, too long) is asked again.
fn ask_note(app: &App, p: &mut dyn Prompter, question: String) -> anyhow::Result<Option<String>> {
    let lang = app.ui.lang;
    let check = |v: &str| text::text("--note", v).map(drop).map_err(anyhow::Error::from);
    let answer = app.ask_checked(p, &question, &t!(lang, "Enter to skip", "Enter untuk melewati"), &check)?;
    Ok(answer.map(|a| text::text("--note", &a)).transpose()?)
}

/// Applies the decisions to the network as it is now; returns how many were skipped
/// because the goal is gone or was closed meanwhile.
pub fn apply(net: &mut Network, decisions: &[Decision], today: NaiveDate) -> usize {
    let mut skipped = 0;
    for d in decisions {
        let id = match d {
            Decision::Extend { goal, .. } | Decision::Close { goal, .. } | Decision::Drop { goal, .. } => goal,
        };
        let Some(g) = net.goals.iter_mut().find(|g| &g.id == id && g.is_active()) else {
            skipped += 1;
            continue;
        };
        match d {
            Decision::Extend { to, .. } => g.deadline = Some(*to),
            Decision::Close { note, .. } => {
                g.status = Status::Done;
                g.closed = Some(Closed { on: today, note: Some(note.clone()) });
            }
            Decision::Drop { note, .. } => {
                g.status = Status::Dropped;
                g.closed = Some(Closed { on: today, note: note.clone() });
            }
        }
    }
    skipped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::goal::Metric;
    use chrono::Utc;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn net() -> Network {
        let mut net = Network::default();
        for (n, deadline) in [(1, "2027-01-25"), (2, "2027-03-31"), (3, "2027-01-10")] {
            let mut g = Goal::new(n, format!("Goal {n}"), Metric::Manual, day("2026-12-01"), Utc::now());
            g.target = Some(6);
            g.deadline = Some(day(deadline));
            net.goals.push(g);
        }
        net.goals[2].status = Status::Dropped;
        net
    }

    #[test]
    fn only_active_goals_past_their_deadline_wait_for_a_decision() {
        let net = net();
        let numbers = |today| past_deadline(&net, day(today)).iter().map(|g| g.number).collect::<Vec<_>>();
        assert_eq!(numbers("2027-01-25"), Vec::<u32>::new(), "the deadline day is not past it");
        assert_eq!(numbers("2027-01-26"), vec![1]);
        assert_eq!(numbers("2027-04-01"), vec![1, 2]);
    }

    #[test]
    fn decisions_extend_close_or_drop_and_skip_what_changed_meanwhile() {
        let mut net = net();
        let (a, b, c) = (net.goals[0].id, net.goals[1].id, net.goals[2].id);
        let today = day("2027-04-02");
        let decisions = [
            Decision::Extend { goal: a, to: day("2027-05-01") },
            Decision::Close { goal: b, note: "closed at 4/6".into() },
            Decision::Drop { goal: c, note: None },
        ];
        assert_eq!(apply(&mut net, &decisions, today), 1, "goal 3 was already dropped");
        assert_eq!((net.goals[0].deadline, net.goals[0].is_active()), (Some(day("2027-05-01")), true));
        assert_eq!(net.goals[1].status, Status::Done);
        assert_eq!(net.goals[1].closed.as_ref().and_then(|c| c.note.as_deref()), Some("closed at 4/6"));
    }
}
