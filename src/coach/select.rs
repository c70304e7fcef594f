//! Step 3: whom to reach this week. Each candidate gets its strongest reason; the picks
//! balance the circles and always include someone new (a stranger or acquaintance)
//! when there is one, because widening the network is the step people skip. Every
//! overdue promise is named, whatever the snooze or the count: a debt is never hidden.

use super::cadence;
use super::index::Index;
use super::progress::{self, Pace};
use crate::i18n::Lang;
use crate::model::goal::Metric;
use crate::model::{Circle, Contact, Network, Outcome, Pick, Plan, Stage};
use crate::{t, tn};
use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::Serialize;
use std::collections::HashMap;
use uuid::Uuid;

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

    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Reason::Promise { n, due, overdue: true, also } if also.is_empty() => t!(
                lang,
                "promise #{n} was due {due}; deliver it or agree a new date",
                "janji #{n} sudah lewat tenggat sejak {due}; tepati atau sepakati tanggal baru"
            ),
            Reason::Promise { n, due, overdue: true, also } => {
                let list = std::iter::once(n).chain(also).map(|n| format!("#{n}")).collect::<Vec<_>>().join(", ");
                t!(
                    lang,
                    "promises {list} are overdue, the first since {due}; deliver them or agree new dates",
                    "janji {list} sudah lewat tenggat, yang pertama sejak {due}; tepati atau sepakati tanggal baru"
                )
            }
            Reason::Promise { n, due, overdue: false, .. } => {
                t!(lang, "promise #{n} is due {due}", "janji #{n} jatuh tempo {due}")
            }
            Reason::Repair { n, on } => t!(
                lang,
                "you broke promise #{n} on {on}; acknowledge it",
                "Anda mengingkari janji #{n} pada {on}; akui itu kepadanya"
            ),
            Reason::Birthday { in_days: 0, .. } => t!(lang, "their birthday is today", "hari ini ulang tahunnya"),
            Reason::Birthday { on, in_days: 1 } => {
                t!(lang, "their birthday is tomorrow, {on}", "besok, {on}, ulang tahunnya")
            }
            Reason::Birthday { on, in_days } => t!(
                lang,
                "their birthday is in {in_days} days, on {on}",
                "ulang tahunnya {in_days} hari lagi, pada {on}"
            ),
            Reason::Goal { title } => t!(
                lang,
                "matters to your goal \"{title}\", which is behind",
                "penting untuk tujuan \"{title}\" yang tertinggal"
            ),
            Reason::Introduce { title, tags, circles } => introduce_text(lang, title, tags, circles),
            Reason::FollowUp { met, due, first: true, late: true } => t!(
                lang,
                "met on {met}; the first follow-up was due {due}, a week after meeting: reach out now",
                "bertemu pada {met}; tindak lanjut pertama sudah lewat tenggat sejak {due}, seminggu setelah bertemu: sapa dia sekarang"
            ),
            Reason::FollowUp { met, due, first: true, late: false } => t!(
                lang,
                "met on {met}; a first follow-up within a week keeps the door open (by {due})",
                "bertemu pada {met}; sapa lagi dalam seminggu agar pintu tetap terbuka (paling lambat {due})"
            ),
            Reason::FollowUp { met, due, first: false, late: true } => t!(
                lang,
                "met on {met}; the monthly follow-up while they are new was due {due}",
                "bertemu pada {met}; tindak lanjut bulanan selama masih baru dikenal sudah lewat tenggat sejak {due}"
            ),
            Reason::FollowUp { met, due, first: false, late: false } => t!(
                lang,
                "met on {met}; follow up monthly while they are new (next by {due})",
                "bertemu pada {met}; sapa sebulan sekali selama masih baru dikenal (berikutnya paling lambat {due})"
            ),
            Reason::Overdue { days } => {
                tn!(
                    lang,
                    days,
                    "{days} day past your keep-in-touch rhythm",
                    "{days} days past your keep-in-touch rhythm",
                    "{days} hari melewati irama jaga kontak"
                )
            }
            Reason::Cooling { from, to } => {
                t!(
                    lang,
                    "warmth fell from {from} to {to} in the last 30 days",
                    "kehangatan turun dari {from} ke {to} dalam 30 hari terakhir"
                )
            }
            Reason::Deepen => t!(
                lang,
                "you know them only in passing; learn one thing more",
                "Anda baru sekadar kenal; pelajari satu hal lagi tentangnya"
            ),
            Reason::Widen { stage: Stage::Stranger } => t!(
                lang,
                "a stranger you met: turn the conversation into a relationship",
                "orang asing yang Anda temui: jadikan percakapan itu sebuah hubungan"
            ),
            Reason::Widen { .. } => {
                t!(lang, "a new acquaintance: widen your circle", "kenalan baru: perluas lingkaran Anda")
            }
            Reason::Intro(pick) => super::intro_text::pick(pick, lang),
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
    /// How many picks go beyond the count asked for, because every person owed an
    /// overdue promise is named.
    pub beyond_count: usize,
    /// Whether one new person (a stranger or acquaintance) was added beyond the count,
    /// because debts took every place: the widen place always holds.
    pub plus_new: bool,
}

/// Days of quiet after a conversation before someone is proposed again.
const RESTED_DAYS: i64 = 3;
/// How far back "cooling" looks, and the drop in warmth that counts.
const COOLING_DAYS: u64 = 30;
const COOLING_DROP: u8 = 15;

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

/// "ask them to introduce you to someone in fintech", for a new-contacts goal behind.
fn introduce_text(lang: Lang, title: &str, tags: &[String], circles: &[Circle]) -> String {
    let someone = if !tags.is_empty() {
        let tags = tags.join(" / ");
        t!(lang, "someone in {tags}", "seseorang dari kalangan {tags}")
    } else if !circles.is_empty() {
        let circles = circles.iter().map(|c| c.label(lang)).collect::<Vec<_>>().join(" / ");
        t!(lang, "someone in your {circles} circle", "seseorang di lingkaran {circles} Anda")
    } else {
        t!(lang, "someone new", "seseorang yang baru")
    };
    t!(
        lang,
        "your goal \"{title}\" is behind: ask them to introduce you to {someone}",
        "tujuan \"{title}\" tertinggal: minta dia memperkenalkan Anda kepada {someone}"
    )
}

/// A contact's strongest reason to be picked, if any.
fn candidate(
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
