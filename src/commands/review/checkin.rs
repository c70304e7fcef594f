//! The weekly check-in itself. The report is read without holding the lock; the user's
//! decisions are collected in memory and applied in one save at the end, to the data
//! as it is then. An interrupted review therefore changes nothing, and another
//! terminal is never kept waiting while the user thinks.

use super::render;
use crate::app::App;
use crate::coach::review::{self, Report};
use crate::coach::select::{self, Candidate, Selection};
use crate::coach::stage_up::{self, StageUp};
use crate::dates::{self};
use crate::i18n::Localized;
use crate::model::goal::{self, Change, ProgressEntry};
use crate::model::review::week_of;
use crate::model::{Network, PromiseStatus, Review, text};
use crate::prompt::Prompter;
use crate::ui::style;
use crate::views::past_deadline as goal_decide;
use crate::views::picks;
use crate::{t, tn};
use anyhow::Context;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use serde_json::Map;
use uuid::Uuid;

#[derive(Debug, clap::Args)]
pub struct CheckinArgs {
    /// Review the days up to this one since the last saved review [default: today]
    #[arg(long, value_name = "DATE")]
    pub week: Option<String>,
    /// Save the review (and next week's proposed plan) without asking
    #[arg(long)]
    pub save: bool,
    /// How many people to propose for next week
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub count: usize,
}

/// What the user decided during the review, applied at the end.
#[derive(Debug)]
enum Decision {
    Kept(Uuid),
    Broken(Uuid),
    Moved {
        id: Uuid,
        to: NaiveDate,
        note: String,
    },
    /// Hand-counted progress on a goal.
    Progress {
        goal: Uuid,
        change: Change,
    },
    /// Extend, close or drop a goal past its deadline.
    PastDeadline(goal_decide::Decision),
}

#[derive(Serialize)]
struct Output<'a> {
    report: &'a Report,
    next_week: &'a [Candidate],
    /// Who is ready to move up a stage, as in `select --json`.
    stage_ups: &'a [StageUp],
    saved: bool,
}

pub fn run(app: &App, args: CheckinArgs) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let end = match &args.week {
        Some(s) => dates::parse_past_day(s, today).context("--week")?,
        None => today,
    };
    picks::check_count(args.count, lang)?;
    let store = app.open_read()?;
    let net = &store.net;
    let report = review::report(net, end);
    let interactive = !args.save && !app.ui.json && app.prompter().is_some();

    if app.ui.json {
        let selection = next_week(net, today, args.count);
        let saved = args.save;
        let stage_ups = stage_up::ready(net, today);
        app.ui.json_value(&Output { report: &report, next_week: &selection.picks, stage_ups: &stage_ups, saved })?;
    } else {
        print_report(app, net, &report, args.count, interactive)?;
    }

    let (decisions, picks, went_well, differently) = match app.prompter() {
        Some(mut p) if interactive => {
            app.ui.flush()?;
            let mut decisions = resolve_promises(app, &mut p, net, &report)?;
            decisions.extend(update_goals(app, &mut p, net)?);
            decisions.extend(goal_decide::ask(app, &mut p, net)?.into_iter().map(Decision::PastDeadline));
            // Next week's people follow from the answers just given: a promise kept is
            // no longer a reason, a promise broken asks for repair.
            let mut answered = net.clone();
            apply(&mut answered, &decisions, today, app.clock.now);
            let selection = next_week(&answered, today, args.count);
            app.ui.line("")?;
            app.ui.line(app.ui.paint(style::HEADING, t!(lang, "6. Next week", "6. Minggu depan")))?;
            if let Some(note) = picks::beyond_count_note(lang, args.count, &selection) {
                app.ui.line(format!("  {note}"))?;
            }
            app.ui.flush()?;
            let picks = picks::choose(app, &mut p, &selection)?;
            app.ui.line(app.ui.paint(style::HEADING, t!(lang, "7. Reflection", "7. Refleksi")))?;
            app.ui.flush()?;
            let well =
                ask_text(app, &mut p, t!(lang, "What went well this week?", "Apa yang berjalan baik minggu ini?"))?;
            let diff = ask_text(
                app,
                &mut p,
                t!(lang, "What will you do differently?", "Apa yang akan Anda lakukan berbeda?"),
            )?;
            (decisions, picks, well, diff)
        }
        _ if args.save => (Vec::new(), next_week(net, today, args.count).picks, None, None),
        _ => {
            app.ui.info(t!(
                lang,
                "Nothing saved. Run `jejaring review` on a terminal to check in, or add --save.",
                "Tidak ada yang disimpan. Jalankan `jejaring review` di terminal untuk meninjau minggu ini, atau tambahkan --save."
            ));
            return Ok(());
        }
    };
    drop(store);

    app.change(
        |net| {
            let skipped = apply(net, &decisions, today, app.clock.now);
            let replaced = replace_same_week(net, end);
            // The week's numbers include the decisions just applied, not next week's plan.
            let numbers = review::numbers(net, end);
            let plan = (!picks.is_empty()).then(|| {
                net.plans.push(select::plan(&picks, today, app.clock.now));
                net.plans.last().map(|p| p.id)
            });
            net.reviews.push(Review {
                id: Uuid::now_v7(),
                on: end,
                numbers,
                went_well,
                differently,
                plan: plan.flatten(),
                made: app.clock.now,
                extra: Map::new(),
            });
            Ok(crate::app::Change::Save((skipped, replaced)))
        },
        |net, (skipped, replaced)| {
            if skipped > 0 {
                app.ui.warn(tn!(
                    lang,
                    skipped,
                    "{skipped} promise or goal changed elsewhere during the review and was left as it is",
                    "{skipped} promises or goals changed elsewhere during the review and were left as they are",
                    "{skipped} janji atau tujuan berubah di tempat lain selama tinjauan dan dibiarkan"
                ));
            }
            if replaced && week_of(end) == week_of(today) {
                app.ui.info(t!(
                    lang,
                    "This replaces the review already saved this week.",
                    "Tinjauan ini menggantikan tinjauan yang sudah disimpan minggu ini."
                ));
            } else if replaced {
                let week = week_of(end);
                app.ui.info(t!(
                    lang,
                    "This replaces the review already saved for the week of {week}.",
                    "Tinjauan ini menggantikan tinjauan yang sudah disimpan untuk minggu {week}."
                ));
            }
            // The demo network is never saved (the line above says so): no "Review saved".
            if app.demo {
                return Ok(());
            }
            let streak = render::weeks(lang, crate::model::review::streak(&net.reviews, today));
            app.ui.info(t!(
                lang,
                "Review saved. Streak: {streak} in a row. See you next week.",
                "Tinjauan tersimpan. Anda sudah meninjau {streak} berturut-turut. Sampai jumpa minggu depan."
            ));
            Ok(())
        },
    )
}

/// Next week's proposal, from the network as it stands.
fn next_week(net: &Network, today: NaiveDate, count: usize) -> Selection {
    select::select(net, today, count, &select::goal_people(net, today))
}

/// Removes a review already saved for the same calendar week as `end`, with the plan
/// it made: saving again in a week replaces that week's review. Returns whether one was.
fn replace_same_week(net: &mut Network, end: NaiveDate) -> bool {
    let week = week_of(end);
    let (same, keep): (Vec<Review>, Vec<Review>) =
        std::mem::take(&mut net.reviews).into_iter().partition(|r| week_of(r.on) == week);
    net.reviews = keep;
    let plans: Vec<Uuid> = same.iter().filter_map(|r| r.plan).collect();
    net.plans.retain(|p| !plans.contains(&p.id));
    !same.is_empty()
}

fn print_report(app: &App, net: &Network, report: &Report, count: usize, interactive: bool) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let mut lines = render::report(app, net, report);
    lines.push(String::new());
    lines.extend(render::goals(app, report));
    lines.push(String::new());
    lines.extend(render::warmth(app, report));
    lines.extend(picks::stage_up_lines(lang, &stage_up::ready(net, app.clock.today)));
    lines.extend(crate::views::intro::waiting_lines(app, net, app.clock.today));
    if !interactive {
        let selection = next_week(net, app.clock.today, count);
        lines.push(String::new());
        lines.push(app.ui.paint(style::HEADING, t!(lang, "6. Next week", "6. Minggu depan")));
        lines.extend(picks::pick_lines(app, &selection.picks).into_iter().skip(1));
        lines.extend(picks::beyond_count_note(lang, count, &selection).map(|n| format!("  {n}")));
    }
    for line in lines {
        app.ui.line(line)?;
    }
    Ok(())
}

/// Asks about each overdue promise and each one due by today.
fn resolve_promises(app: &App, p: &mut dyn Prompter, net: &Network, report: &Report) -> anyhow::Result<Vec<Decision>> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let mut decisions = Vec::new();
    let due: Vec<_> = net
        .promises
        .iter()
        .filter(|pr| report.promises.overdue.contains(&pr.n) || (pr.is_open() && pr.due <= today))
        .collect();
    for pr in due {
        let question = crate::views::promise::line(pr, net, today, lang);
        let options = vec![
            t!(lang, "kept it", "sudah ditepati"),
            t!(lang, "agreed a new date", "sepakati tanggal baru"),
            t!(lang, "broke it", "tidak ditepati"),
            t!(lang, "leave it open", "biarkan terbuka"),
        ];
        // Enter leaves the promise open: a debt is resolved only by a deliberate answer.
        match p.choose(&question, &options, 3)? {
            0 => decisions.push(Decision::Kept(pr.id)),
            1 => {
                // Enter at the date leaves the promise open, as the default choice does.
                let Some(to) = app.ask_future_day(p, &t!(lang, "New due date:", "Tanggal baru:"))? else { continue };
                let note =
                    ask_text(app, p, t!(lang, "What did you agree?", "Apa yang disepakati?"))?.unwrap_or_else(|| {
                        t!(lang, "agreed during the weekly review", "disepakati saat tinjauan mingguan")
                    });
                decisions.push(Decision::Moved { id: pr.id, to, note });
            }
            2 => decisions.push(Decision::Broken(pr.id)),
            _ => {}
        }
    }
    Ok(decisions)
}

/// Asks for this week's progress on each active goal counted by hand.
fn update_goals(app: &App, p: &mut dyn Prompter, net: &Network) -> anyhow::Result<Vec<Decision>> {
    let lang = app.ui.lang;
    let mut decisions = Vec::new();
    // A goal already reached is not asked about: the report offers `goal done` instead.
    let reached = |g: &&goal::Goal| {
        crate::coach::progress::measure(g, net, app.clock.today).state == crate::coach::progress::Pace::Reached
    };
    for g in net.goals.iter().filter(|g| g.is_active() && !g.metric.is_measured() && !reached(g)) {
        let (n, title) = (g.number, &g.title);
        let question = t!(lang, "Progress on goal {n} ({title})?", "Kemajuan tujuan {n} ({title})?");
        let help = t!(
            lang,
            "+2 to add, =7 to set, Enter to skip",
            "+2 untuk menambah, =7 untuk menetapkan, Enter untuk melewati"
        );
        loop {
            let answer = p.text(&question, Some(&help))?;
            if answer.trim().is_empty() {
                break;
            }
            match goal::parse_change(&answer) {
                Ok(change) => {
                    decisions.push(Decision::Progress { goal: g.id, change });
                    break;
                }
                Err(e) => app.ui.warn(e.message(lang)),
            }
        }
    }
    Ok(decisions)
}

/// Free text, optional; a bad answer (control characters, too long) is asked again.
fn ask_text(app: &App, p: &mut dyn Prompter, question: String) -> anyhow::Result<Option<String>> {
    let lang = app.ui.lang;
    let check = |v: &str| text::text("answer", v).map(drop).map_err(anyhow::Error::from);
    let answer = app.ask_checked(p, &question, &t!(lang, "Enter to skip", "Enter untuk melewati"), &check)?;
    Ok(answer.map(|a| text::text("answer", &a)).transpose()?)
}

/// Applies the decisions to the network as it is now; returns how many were skipped
/// because the promise or goal is gone or was closed meanwhile.
fn apply(net: &mut Network, decisions: &[Decision], today: NaiveDate, logged: DateTime<Utc>) -> usize {
    let mut skipped = 0;
    for d in decisions {
        let applied = match d {
            Decision::PastDeadline(decision) => goal_decide::apply(net, std::slice::from_ref(decision), today) == 0,
            Decision::Progress { goal, change } => net
                .goals
                .iter_mut()
                .find(|g| &g.id == goal && g.is_active())
                .map(|g| {
                    g.progress.push(ProgressEntry { on: today, change: *change, note: None, logged, extra: Map::new() })
                })
                .is_some(),
            Decision::Kept(id) | Decision::Broken(id) | Decision::Moved { id, .. } => {
                let Some(p) = net.promises.iter_mut().find(|p| &p.id == id && p.is_open()) else {
                    skipped += 1;
                    continue;
                };
                match d {
                    Decision::Moved { to, note, .. } => p.move_due(*to, today, note.clone()),
                    Decision::Kept(_) => p.settle(PromiseStatus::Kept, today),
                    _ => p.settle(PromiseStatus::Broken, today),
                }
                true
            }
        };
        if !applied {
            skipped += 1;
        }
    }
    skipped
}
