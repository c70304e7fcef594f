//! Relationship warmth: a 0–100 score that explains itself. Each factor adds or takes
//! points and says why ("last conversation 94 days ago; you wanted every 60 days"), so
//! the user can see what would warm the relationship up.
//!
//! The points: recency against the rhythm (up to 40), how often you talk (15),
//! reciprocity (10), trust level (15), knowing score (10), promise record (+10 to −30).

use super::cadence::{self, FollowUp, Rhythm, rhythm};
use crate::i18n::Lang;
use crate::model::{Contact, Interaction, Outcome, Promise};
use crate::{t, tn};
use chrono::{Days, NaiveDate};
use serde::Serialize;

/// How far back "how often you talk" and the promise record look.
pub const WINDOW_DAYS: u32 = 180;

/// What warmth is computed from, gathered by the caller.
pub struct Inputs<'a> {
    pub contact: &'a Contact,
    /// The contact's interactions, most recent first.
    pub interactions: &'a [&'a Interaction],
    /// The trust level in force (a note's, or the stage's baseline), and whether a note set it.
    pub trust: (u8, bool),
    /// The knowing score, 0–100.
    pub knowing: u8,
    pub promises: &'a [&'a Promise],
}

/// A warmth score and the factors behind it, biggest effect first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Warmth {
    pub score: u8,
    pub factors: Vec<Factor>,
}

/// One factor: its points and the reason.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Factor {
    pub points: i32,
    #[serde(flatten)]
    pub reason: Reason,
}

/// Why warmth is what it is. Each variant carries the figures its sentence needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    Overdue {
        days_since: i64,
        every_days: u32,
        chosen: bool,
    },
    /// Someone newly met, on the follow-up rhythm: the first follow-up a week after
    /// meeting (`first`), then monthly; `late` when past it.
    FollowUp {
        days_since: i64,
        every_days: u32,
        first: bool,
        late: bool,
        /// Set when the first follow-up is due later than a week after meeting (they
        /// were entered later): the day it is due.
        entered_later: Option<NaiveDate>,
    },
    OnRhythm {
        days_since: i64,
        every_days: u32,
        chosen: bool,
    },
    NeverTalked {
        days_known: i64,
    },
    Frequency {
        count: usize,
        window_days: u32,
    },
    YouReachOut {
        times: usize,
    },
    TheyReachOut {
        times: usize,
    },
    Mutual {
        they: usize,
        of: usize,
    },
    Trust {
        level: u8,
        from_note: bool,
    },
    Knowing {
        score: u8,
    },
    PromisesOverdue {
        count: usize,
    },
    PromisesBroken {
        count: usize,
    },
    PromisesKept {
        count: usize,
    },
}

/// Computes warmth as of `today`.
pub fn warmth(inp: &Inputs, today: NaiveDate) -> Warmth {
    let mut factors = Vec::new();
    let Rhythm { days: every_days, chosen, follow_up } =
        rhythm(inp.contact, inp.interactions.first().map(|i| i.on), today);
    let window_start = today.checked_sub_days(Days::new(WINDOW_DAYS.into())).unwrap_or(NaiveDate::MIN);

    match inp.interactions.first() {
        Some(last) => {
            let days_since = (today - last.on).num_days().max(0);
            // Measured against the due date the rest of jejaring shows (a first follow-up
            // is never due before the day they were entered), not the bare rhythm.
            let span = (cadence::next_due(inp.contact, Some(last.on), today) - last.on).num_days().max(1);
            let ratio = days_since as f64 / span as f64;
            let points = match ratio {
                r if r <= 0.5 => 40,
                r if r <= 1.0 => 32,
                r if r <= 1.5 => 15,
                r if r <= 2.0 => 5,
                _ => 0,
            };
            let reason = if let Some(step) = follow_up {
                // Before the first follow-up the clock runs from the meeting.
                let first = step == FollowUp::First;
                let since_met = inp.contact.met_on.map(|met| (today - met).num_days().max(0));
                let days_since = if first { since_met.unwrap_or(days_since) } else { days_since };
                let late = cadence::overdue_days(inp.contact, Some(last.on), today) > 0;
                let due = cadence::next_due(inp.contact, Some(last.on), today);
                let week_after_meeting =
                    inp.contact.met_on.and_then(|m| m.checked_add_days(Days::new(every_days.into())));
                let entered_later = (first && week_after_meeting.is_some_and(|w| due > w)).then_some(due);
                Reason::FollowUp { days_since, every_days, first, late, entered_later }
            } else if ratio > 1.0 {
                Reason::Overdue { days_since, every_days, chosen }
            } else {
                Reason::OnRhythm { days_since, every_days, chosen }
            };
            factors.push(Factor { points, reason });
        }
        None => {
            let known_since = inp.contact.met_on.unwrap_or_else(|| inp.contact.added.date_naive());
            factors.push(Factor {
                points: 0,
                reason: Reason::NeverTalked { days_known: (today - known_since).num_days() },
            });
        }
    }

    let recent = inp.interactions.iter().filter(|i| i.on >= window_start && i.on <= today && i.two_way()).count();
    factors.push(Factor {
        points: (recent.min(5) * 3) as i32,
        reason: Reason::Frequency { count: recent, window_days: WINDOW_DAYS },
    });

    // Who reached out first counts only where both sides took part: a message that
    // went unanswered says nothing about whether they would call you.
    let last_few: Vec<_> = inp.interactions.iter().filter(|i| i.two_way()).take(5).collect();
    if last_few.len() >= 2 {
        let of = last_few.len();
        let they = last_few.iter().filter(|i| i.they_reached_out).count();
        let factor = match they {
            0 => Factor { points: 2, reason: Reason::YouReachOut { times: of } },
            t if t == of => Factor { points: 6, reason: Reason::TheyReachOut { times: of } },
            _ => Factor { points: 10, reason: Reason::Mutual { they, of } },
        };
        factors.push(factor);
    }

    let (level, from_note) = inp.trust;
    factors.push(Factor { points: i32::from(level) * 3, reason: Reason::Trust { level, from_note } });
    factors.push(Factor { points: i32::from(inp.knowing / 10), reason: Reason::Knowing { score: inp.knowing } });

    let outcomes: Vec<(Outcome, Option<NaiveDate>)> =
        inp.promises.iter().map(|p| (p.outcome(today), p.resolved_on)).collect();
    let in_window = |on: &Option<NaiveDate>| on.is_some_and(|d| d >= window_start);
    let overdue = outcomes.iter().filter(|(o, _)| *o == Outcome::Overdue).count();
    let broken = outcomes.iter().filter(|(o, on)| *o == Outcome::Broken && in_window(on)).count();
    let kept = outcomes.iter().filter(|(o, on)| *o == Outcome::KeptOnTime && in_window(on)).count();
    if overdue > 0 {
        factors
            .push(Factor { points: -10 * overdue.min(2) as i32, reason: Reason::PromisesOverdue { count: overdue } });
    }
    if broken > 0 {
        factors.push(Factor { points: -5 * broken.min(2) as i32, reason: Reason::PromisesBroken { count: broken } });
    }
    if kept > 0 {
        factors.push(Factor { points: 2 * kept.min(5) as i32, reason: Reason::PromisesKept { count: kept } });
    }

    let score = factors.iter().map(|f| f.points).sum::<i32>().clamp(0, 100) as u8;
    // Lead with what matters most: the problems, then the biggest contributions.
    factors.sort_by_key(|f| {
        let recency_problem = matches!(
            f.reason,
            Reason::Overdue { .. } | Reason::NeverTalked { .. } | Reason::FollowUp { late: true, .. }
        );
        (f.points >= 0, !recency_problem, -f.points.abs())
    });
    Warmth { score, factors }
}

impl Reason {
    /// The reason as a sentence fragment for the reader.
    pub fn describe(&self, lang: Lang) -> String {
        // Short gaps read as words ("today", "yesterday"), a rhythm of one day in the
        // singular ("every day"): never "1 days".
        let ago = |d: i64| crate::i18n::days_ago(d, lang);
        let every = |e: u32| tn!(lang, e, "every day", "every {e} days", "setiap {e} hari");
        let within = |e: u32| tn!(lang, e, "within a day", "within {e} days", "dalam {e} hari");
        match *self {
            Reason::Overdue { days_since, every_days, chosen: true } => {
                let (ago, every) = (ago(days_since), every(every_days));
                t!(lang, "last conversation {ago}; you wanted {every}", "terakhir bicara {ago}; Anda ingin {every}")
            }
            Reason::Overdue { days_since, every_days, chosen: false } => {
                let (ago, every) = (ago(days_since), every(every_days));
                t!(
                    lang,
                    "last conversation {ago}; about {every} suits this contact",
                    "terakhir bicara {ago}; sekitar {every} cocok untuk kontak ini"
                )
            }
            // Past the first 30 days they are no longer newly met: say what is true then.
            // Entered later than a week after meeting: the first follow-up is due from
            // the day they were entered, and the sentence gives that day.
            Reason::FollowUp { days_since, first: true, late, entered_later: Some(due), .. } => {
                let ago = ago(days_since);
                match late {
                    true => t!(
                        lang,
                        "met {ago} and never followed up; the first follow-up was due {due}",
                        "bertemu {ago} dan belum pernah ditindaklanjuti; tindak lanjut pertama mestinya {due}"
                    ),
                    false => t!(
                        lang,
                        "met {ago}, entered since; the first follow-up is due {due}",
                        "bertemu {ago}, dicatat belakangan; tindak lanjut pertama jatuh pada {due}"
                    ),
                }
            }
            Reason::FollowUp { days_since, first: true, late: true, .. } if days_since > cadence::NEW_DAYS => {
                let ago = ago(days_since);
                t!(
                    lang,
                    "met {ago} and never followed up; the first follow-up was due a week after meeting",
                    "bertemu {ago} dan belum pernah ditindaklanjuti; tindak lanjut pertama mestinya seminggu setelah bertemu"
                )
            }
            Reason::FollowUp { days_since, every_days, first: true, late: true, .. } => {
                let (ago, within) = (ago(days_since), within(every_days));
                t!(
                    lang,
                    "met {ago} and no follow-up yet; someone newly met needs one {within}",
                    "bertemu {ago} dan belum ada tindak lanjut; orang yang baru dikenal perlu disapa lagi {within}"
                )
            }
            Reason::FollowUp { days_since, every_days, first: true, late: false, .. } => {
                let (ago, within) = (ago(days_since), within(every_days));
                t!(
                    lang,
                    "met {ago}; a first follow-up is due {within} of meeting",
                    "bertemu {ago}; tindak lanjut pertama sebaiknya {within} setelah bertemu"
                )
            }
            Reason::FollowUp { days_since, every_days, first: false, late: true, .. } => {
                let (ago, every) = (ago(days_since), every(every_days));
                t!(
                    lang,
                    "last conversation {ago}; someone newly met needs a follow-up {every}",
                    "terakhir bicara {ago}; orang yang baru dikenal perlu disapa {every}"
                )
            }
            Reason::FollowUp { days_since, every_days, first: false, late: false, .. } => {
                let ago = ago(days_since);
                t!(
                    lang,
                    "talked {ago}, within the {every_days}-day follow-up of someone newly met",
                    "bicara {ago}, masih dalam tindak lanjut {every_days} hari untuk orang yang baru dikenal"
                )
            }
            Reason::OnRhythm { days_since: 0, every_days, .. } => t!(
                lang,
                "talked today, within the {every_days}-day rhythm",
                "bicara hari ini, masih dalam irama {every_days} hari"
            ),
            Reason::OnRhythm { days_since: 1, every_days, .. } => t!(
                lang,
                "talked yesterday, within the {every_days}-day rhythm",
                "bicara kemarin, masih dalam irama {every_days} hari"
            ),
            Reason::OnRhythm { days_since, every_days, .. } => t!(
                lang,
                "talked {days_since} days ago, within the {every_days}-day rhythm",
                "bicara {days_since} hari lalu, masih dalam irama {every_days} hari"
            ),
            Reason::NeverTalked { days_known: 0 } => t!(
                lang,
                "no conversation logged yet (added today)",
                "belum ada percakapan tercatat (baru ditambahkan hari ini)"
            ),
            Reason::NeverTalked { days_known } => tn!(
                lang,
                days_known,
                "no conversation logged yet (known for {days_known} day)",
                "no conversation logged yet (known for {days_known} days)",
                "belum ada percakapan tercatat (dikenal sejak {days_known} hari)"
            ),
            Reason::Frequency { count: 0, .. } => {
                t!(lang, "no conversation in the last 6 months", "tidak ada percakapan dalam 6 bulan terakhir")
            }
            Reason::Frequency { count, .. } => {
                tn!(
                    lang,
                    count,
                    "{count} conversation in the last 6 months",
                    "{count} conversations in the last 6 months",
                    "{count} percakapan dalam 6 bulan terakhir"
                )
            }
            Reason::YouReachOut { times } => {
                t!(lang, "you reached out the last {times} times", "Anda yang menghubungi {times} kali terakhir")
            }
            Reason::TheyReachOut { times } => t!(
                lang,
                "they reached out the last {times} times; return the favour",
                "mereka yang menghubungi {times} kali terakhir; balaslah perhatiannya"
            ),
            Reason::Mutual { they, of } => t!(
                lang,
                "they started {they} of the last {of} conversations",
                "mereka memulai {they} dari {of} percakapan terakhir"
            ),
            Reason::Trust { level, from_note: true } => {
                t!(lang, "trust level {level} of 5", "tingkat kepercayaan {level} dari 5")
            }
            Reason::Trust { level, from_note: false } => t!(
                lang,
                "trust level {level} of 5 (from the stage; no trust note yet)",
                "tingkat kepercayaan {level} dari 5 (dari tahap; belum ada catatan kepercayaan)"
            ),
            Reason::Knowing { score } => {
                t!(lang, "you know {score}% of the basics about them", "Anda tahu {score}% hal dasar tentang mereka")
            }
            Reason::PromisesOverdue { count } => {
                tn!(lang, count, "{count} promise overdue", "{count} promises overdue", "{count} janji terlambat")
            }
            Reason::PromisesBroken { count } => tn!(
                lang,
                count,
                "{count} promise broken in the last 6 months",
                "{count} promises broken in the last 6 months",
                "{count} janji diingkari dalam 6 bulan terakhir"
            ),
            Reason::PromisesKept { count } => tn!(
                lang,
                count,
                "{count} promise kept on time recently",
                "{count} promises kept on time recently",
                "{count} janji ditepati tepat waktu belakangan ini"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::test_support;
    use crate::model::PromiseStatus;
    use chrono::{TimeZone, Utc};

    use uuid::Uuid;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn today() -> NaiveDate {
        day("2026-11-28")
    }

    fn contact(every: Option<&str>) -> Contact {
        let mut c =
            Contact::new(Uuid::nil(), "h".into(), "X".into(), Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
        c.every = every.map(|e| e.parse().unwrap());
        c
    }

    fn talk(on: &str, they: bool) -> Interaction {
        test_support::interaction(&[Uuid::nil()], on, they)
    }

    fn promise(due: &str, status: PromiseStatus, resolved: Option<&str>) -> Promise {
        test_support::promise(Uuid::nil(), 1, due, status, resolved)
    }

    fn run(c: &Contact, talks: &[Interaction], promises: &[Promise]) -> Warmth {
        let talks: Vec<&Interaction> = talks.iter().collect();
        let promises: Vec<&Promise> = promises.iter().collect();
        warmth(
            &Inputs { contact: c, interactions: &talks, trust: (3, true), knowing: 50, promises: &promises },
            today(),
        )
    }

    fn has(w: &Warmth, r: &Reason) -> bool {
        w.factors.iter().any(|f| &f.reason == r)
    }

    #[test]
    fn overdue_against_the_chosen_cadence() {
        let w = run(&contact(Some("60d")), &[talk("2026-08-26", false)], &[]);
        assert!(has(&w, &Reason::Overdue { days_since: 94, every_days: 60, chosen: true }));
        assert_eq!(w.factors[0].reason.describe(Lang::En), "last conversation 94 days ago; you wanted every 60 days");
    }

    #[test]
    fn a_first_follow_up_is_measured_against_its_due_date() {
        let mut c = contact(None);
        c.stage = crate::model::Stage::Stranger;
        c.met_on = Some(day("2026-11-10"));
        // Entered 18 days after meeting (today): the first follow-up is due today, not
        // eleven days ago, so the meeting's talk is within the rhythm, not cold.
        c.added = Utc.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap();
        let w = run(&c, &[talk("2026-11-10", false)], &[]);
        let entered_later = Some(day("2026-11-28"));
        let due_today = Reason::FollowUp { days_since: 18, every_days: 7, first: true, late: false, entered_later };
        assert_eq!(w.factors[0], Factor { points: 32, reason: due_today });
        // Not "within 7 days of meeting", which 18 days ago could not be.
        assert_eq!(
            w.factors[0].reason.describe(Lang::En),
            "met 18 days ago, entered since; the first follow-up is due 2026-11-28"
        );
    }

    #[test]
    fn someone_newly_met_is_measured_against_the_follow_up() {
        let mut c = contact(None);
        c.stage = crate::model::Stage::Stranger;
        c.met_on = Some(day("2026-11-16"));
        c.added = Utc.with_ymd_and_hms(2026, 11, 16, 20, 0, 0).unwrap();
        // Only the meeting itself, 12 days ago: the week for a first follow-up has passed.
        let w = run(&c, &[talk("2026-11-16", false)], &[]);
        let late = Reason::FollowUp { days_since: 12, every_days: 7, first: true, late: true, entered_later: None };
        assert_eq!(w.factors[0], Factor { points: 5, reason: late });
        assert_eq!(
            w.factors[0].reason.describe(Lang::En),
            "met 12 days ago and no follow-up yet; someone newly met needs one within 7 days"
        );
        // Followed up 8 days ago: on the monthly rhythm, not the stranger's 120 days.
        let w = run(&c, &[talk("2026-11-20", true), talk("2026-11-16", false)], &[]);
        let on = Reason::FollowUp { days_since: 8, every_days: 30, first: false, late: false, entered_later: None };
        assert!(w.factors.contains(&Factor { points: 40, reason: on }));
    }

    #[test]
    fn within_the_rhythm_scores_recency_high() {
        let w = run(&contact(Some("30d")), &[talk("2026-11-20", false)], &[]);
        let f = w.factors.iter().find(|f| matches!(f.reason, Reason::OnRhythm { .. })).unwrap();
        assert_eq!(f.points, 40);
    }

    #[test]
    fn no_interactions_still_explains_itself() {
        let w = run(&contact(None), &[], &[]);
        assert!(has(&w, &Reason::NeverTalked { days_known: 331 }));
        assert!(has(&w, &Reason::Frequency { count: 0, window_days: WINDOW_DAYS }));
        assert!(w.factors.iter().all(|f| !f.reason.describe(Lang::Id).is_empty()));
    }

    #[test]
    fn reciprocity_is_read_from_the_last_five() {
        let one_sided: Vec<_> = (1..=5).map(|d| talk(&format!("2026-11-{:02}", 20 - d), false)).collect();
        assert!(has(&run(&contact(None), &one_sided, &[]), &Reason::YouReachOut { times: 5 }));
        let theirs: Vec<_> = (1..=3).map(|d| talk(&format!("2026-11-{:02}", 20 - d), true)).collect();
        assert!(has(&run(&contact(None), &theirs, &[]), &Reason::TheyReachOut { times: 3 }));
        let mixed = [talk("2026-11-20", true), talk("2026-11-10", false), talk("2026-11-01", false)];
        assert!(has(&run(&contact(None), &mixed, &[]), &Reason::Mutual { they: 1, of: 3 }));
        assert!(!run(&contact(None), &[talk("2026-11-20", true)], &[]).factors.iter().any(|f| matches!(
            f.reason,
            Reason::Mutual { .. } | Reason::YouReachOut { .. } | Reason::TheyReachOut { .. }
        )));
    }

    #[test]
    fn trust_and_knowing_contribute() {
        let w = run(&contact(None), &[], &[]);
        assert!(w.factors.contains(&Factor { points: 9, reason: Reason::Trust { level: 3, from_note: true } }));
        assert!(w.factors.contains(&Factor { points: 5, reason: Reason::Knowing { score: 50 } }));
    }

    #[test]
    fn promises_overdue_broken_and_kept() {
        let ps = [
            promise("2026-11-20", PromiseStatus::Open, None),
            promise("2026-10-01", PromiseStatus::Broken, Some("2026-10-02")),
            promise("2026-09-01", PromiseStatus::Kept, Some("2026-08-30")),
        ];
        let w = run(&contact(None), &[talk("2026-11-25", false)], &ps);
        assert!(w.factors.contains(&Factor { points: -10, reason: Reason::PromisesOverdue { count: 1 } }));
        assert!(w.factors.contains(&Factor { points: -5, reason: Reason::PromisesBroken { count: 1 } }));
        assert!(w.factors.contains(&Factor { points: 2, reason: Reason::PromisesKept { count: 1 } }));
        // Problems come first.
        assert!(w.factors[0].points < 0);
    }

    #[test]
    fn the_score_is_the_clamped_sum() {
        let w = run(&contact(Some("30d")), &[talk("2026-11-27", true), talk("2026-11-20", false)], &[]);
        let sum: i32 = w.factors.iter().map(|f| f.points).sum();
        assert_eq!(i32::from(w.score), sum.clamp(0, 100));
        assert!(w.score > 50);
    }

    #[test]
    fn a_one_day_rhythm_and_short_gaps_are_never_said_as_1_days() {
        let r = Reason::Overdue { days_since: 2, every_days: 1, chosen: true };
        assert_eq!(r.describe(Lang::En), "last conversation 2 days ago; you wanted every day");
        let r = Reason::FollowUp { days_since: 1, every_days: 7, first: false, late: false, entered_later: None };
        assert_eq!(r.describe(Lang::En), "talked yesterday, within the 7-day follow-up of someone newly met");
        let r = Reason::FollowUp { days_since: 8, every_days: 7, first: true, late: true, entered_later: None };
        assert_eq!(
            r.describe(Lang::Id),
            "bertemu 8 hari lalu dan belum ada tindak lanjut; orang yang baru dikenal perlu disapa lagi dalam 7 hari"
        );
    }

    #[test]
    fn someone_met_long_ago_and_never_followed_up_is_not_called_newly_met() {
        let r = Reason::FollowUp { days_since: 400, every_days: 7, first: true, late: true, entered_later: None };
        let said = r.describe(Lang::En);
        assert_eq!(said, "met 400 days ago and never followed up; the first follow-up was due a week after meeting");
        assert!(!said.contains("newly"));
    }
}
