//! `jejaring today`: a quiet digest for a shell start-up file or cron. Prints nothing
//! when there is nothing to do.

use crate::app::App;
use crate::coach::cadence::FollowUp;
use crate::coach::today::{self, BirthdaySoon, DeadlineSoon, FollowUpDue};
use crate::i18n::Lang;
use crate::t;
use chrono::NaiveDate;
use serde::Serialize;

/// What is due today (prints nothing when nothing is)
///
/// Promises due or overdue, people planned for this week you have not reached yet,
/// people met recently whose follow-up is due (a first follow-up stays until done),
/// birthdays today and in the next 3 days, and goal deadlines within a week.
#[derive(Debug, clap::Args)]
pub struct Args {}

#[derive(Serialize)]
struct Planned<'a> {
    contact: uuid::Uuid,
    name: &'a str,
    handle: &'a str,
}

/// A birthday in `--json`: who, and the digest's dates.
#[derive(Serialize)]
struct Birthday<'a> {
    contact: uuid::Uuid,
    name: &'a str,
    handle: &'a str,
    #[serde(flatten)]
    soon: &'a BirthdaySoon<'a>,
}

/// A follow-up in `--json`.
#[derive(Serialize)]
struct FollowUpOut<'a> {
    contact: uuid::Uuid,
    name: &'a str,
    handle: &'a str,
    #[serde(flatten)]
    due: &'a FollowUpDue<'a>,
}

/// A goal deadline in `--json`.
#[derive(Serialize)]
struct Deadline<'a> {
    goal: uuid::Uuid,
    number: u32,
    title: &'a str,
    #[serde(flatten)]
    soon: &'a DeadlineSoon<'a>,
}

pub fn run(app: &App, _args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let day = app.clock.today;
    let store = app.open_read()?;
    let net = &store.net;
    let d = today::digest(net, day);
    let intros = crate::coach::intro::pending(net, day);
    let planned: Vec<Planned> = d
        .planned
        .iter()
        .filter_map(|id| net.contact(id))
        .map(|c| Planned { contact: c.id, name: &c.name, handle: &c.handle })
        .collect();
    if app.ui.json {
        #[derive(Serialize)]
        struct Out<'a> {
            promises: &'a [&'a crate::model::Promise],
            planned: &'a [Planned<'a>],
            follow_ups: Vec<FollowUpOut<'a>>,
            birthdays: Vec<Birthday<'a>>,
            goal_deadlines: Vec<Deadline<'a>>,
            introductions: Vec<crate::views::intro::PendingOut<'a>>,
        }
        let birthdays = d
            .birthdays
            .iter()
            .map(|b| Birthday { contact: b.contact.id, name: &b.contact.name, handle: &b.contact.handle, soon: b })
            .collect();
        let follow_ups = d
            .follow_ups
            .iter()
            .map(|f| FollowUpOut { contact: f.contact.id, name: &f.contact.name, handle: &f.contact.handle, due: f })
            .collect();
        let goal_deadlines = d
            .deadlines
            .iter()
            .map(|g| Deadline { goal: g.goal.id, number: g.goal.number, title: &g.goal.title, soon: g })
            .collect();
        let introductions = crate::views::intro::pending_json(net, &intros);
        let out =
            Out { promises: &d.promises, planned: &planned, follow_ups, birthdays, goal_deadlines, introductions };
        return Ok(app.ui.json_value(&out)?);
    }
    for p in &d.promises {
        app.ui.line(crate::views::promise::line(p, net, day, lang))?;
    }
    if !planned.is_empty() {
        let names: Vec<&str> = planned.iter().map(|p| p.name).collect();
        let names = names.join(", ");
        app.ui.line(t!(lang, "still to reach this week: {names}", "belum dihubungi minggu ini: {names}"))?;
    }
    for f in &d.follow_ups {
        app.ui.line(follow_up_line(f, day, lang))?;
    }
    for b in &d.birthdays {
        app.ui.line(birthday_line(b, lang))?;
    }
    for g in &d.deadlines {
        app.ui.line(deadline_line(g, lang))?;
    }
    for line in crate::views::intro::pending_lines(net, &intros, lang) {
        app.ui.line(line)?;
    }
    Ok(())
}

/// "follow up with Kofi Mensah: met 2026-11-16, first follow-up due 2026-11-23".
fn follow_up_line(f: &FollowUpDue, today: NaiveDate, lang: Lang) -> String {
    let (name, met, due) = (&f.contact.name, f.met, f.due);
    match (f.step, due < today) {
        (FollowUp::First, false) => t!(
            lang,
            "follow up with {name}: met {met}, first follow-up due today",
            "sapa lagi {name}: bertemu {met}, tindak lanjut pertama jatuh tempo hari ini"
        ),
        (FollowUp::First, true) => t!(
            lang,
            "follow up with {name}: met {met}, first follow-up was due {due}",
            "sapa lagi {name}: bertemu {met}, tindak lanjut pertama sudah lewat tenggat sejak {due}"
        ),
        (FollowUp::Monthly, false) => t!(
            lang,
            "follow up with {name}: met {met}, monthly follow-up due today",
            "sapa lagi {name}: bertemu {met}, tindak lanjut bulanan jatuh tempo hari ini"
        ),
        (FollowUp::Monthly, true) => t!(
            lang,
            "follow up with {name}: met {met}, monthly follow-up was due {due}",
            "sapa lagi {name}: bertemu {met}, tindak lanjut bulanan sudah lewat tenggat sejak {due}"
        ),
    }
}

/// "birthday in 2 days (2026-11-30): Budi Santoso, turning 36".
fn birthday_line(b: &BirthdaySoon, lang: Lang) -> String {
    let name = &b.contact.name;
    let when = when(b.in_days, b.on, lang);
    match b.turns {
        Some(age) => {
            t!(lang, "birthday {when}: {name}, turning {age}", "ulang tahun {when}: {name}, genap {age} tahun")
        }
        None => t!(lang, "birthday {when}: {name}", "ulang tahun {when}: {name}"),
    }
}

/// "goal 3 deadline in 4 days (2026-12-02): Meet ten fintech people".
fn deadline_line(g: &DeadlineSoon, lang: Lang) -> String {
    let (n, title) = (g.goal.number, &g.goal.title);
    let when = when(g.in_days, g.deadline, lang);
    t!(lang, "goal {n} deadline {when}: {title}", "tenggat tujuan {n} jatuh {when}: {title}")
}

/// "today", "tomorrow (2026-11-29)", "in 3 days (2026-12-01)".
fn when(in_days: i64, on: NaiveDate, lang: Lang) -> String {
    match in_days {
        0 => t!(lang, "today", "hari ini"),
        1 => t!(lang, "tomorrow ({on})", "besok ({on})"),
        n => t!(lang, "in {n} days ({on})", "{n} hari lagi ({on})"),
    }
}
