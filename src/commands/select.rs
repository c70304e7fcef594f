//! `jejaring select`: step 3 — whom to reach this week, each with a reason, and the
//! network's shape. On a terminal the user accepts, swaps or skips each pick and the
//! accepted ones become this week's plan.

use crate::app::{App, Change};
use crate::coach::select::{self, Candidate, Selection};
use crate::coach::shape::{self, Shape};
use crate::coach::stage_up::{self, StageUp};
use crate::model::{Circle, Network, Pick, Plan, Stage};
use crate::prompt::Prompter;
use crate::ui::style;
use crate::{t, tn};
use serde::Serialize;
use serde_json::Map;
use uuid::Uuid;

/// Whom to reach this week (step 3)
///
/// Proposes people with a reason each: promises due, goals behind, past the
/// keep-in-touch rhythm, cooling relationships, acquaintances worth deepening and at
/// least one stranger or acquaintance. On a terminal, accept, swap or skip each one and
/// save the plan; with --no-input it prints the proposal (add --save to keep it).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many people to propose
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub count: usize,
    /// Save the proposal as this week's plan without asking
    #[arg(long)]
    pub save: bool,
}

#[derive(Serialize)]
struct Output<'a> {
    shape: &'a Shape,
    picks: &'a [Candidate],
    alternates: &'a [Candidate],
    /// People the stage-up rule suggests moving up a stage.
    stage_ups: &'a [StageUp],
    saved: bool,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    check_count(args.count, lang)?;
    // Propose from a snapshot; the lock is taken only to save the plan.
    let net = app.open_read()?.into_network();
    let selection = select::select(&net, today, args.count, &select::goal_people(&net, today));
    let shape = shape::shape(&net, today);
    let alternates = &selection.alternates[..selection.alternates.len().min(10)];
    let stage_ups = stage_up::ready(&net, today);
    let print_json = |picks: &[Candidate], saved: bool| {
        app.ui.json_value(&Output { shape: &shape, picks, alternates, stage_ups: &stage_ups, saved })
    };
    if !app.ui.json {
        for line in shape_lines(app, &shape).into_iter().chain([String::new()]).chain(pick_lines(app, &selection.picks))
        {
            app.ui.line(line)?;
        }
        if let Some(note) = beyond_count_note(lang, args.count, selection.beyond_count) {
            app.ui.info(note);
        }
        if !stage_ups.is_empty() {
            let heading = app.ui.paint(style::HEADING, t!(lang, "Ready to move up a stage", "Siap naik tahap"));
            for line in [String::new(), heading].into_iter().chain(stage_up_lines(lang, &stage_ups)) {
                app.ui.line(line)?;
            }
        }
    }
    if selection.picks.is_empty() {
        if app.ui.json {
            print_json(&[], false)?;
        }
        app.ui.info(t!(
            lang,
            "Nobody to propose yet. Start with the people you have: `jejaring add-contact`",
            "Belum ada yang bisa diusulkan. Mulailah dari orang yang sudah Anda kenal: `jejaring add-contact`"
        ));
        return Ok(());
    }
    let chosen = match app.prompter() {
        _ if args.save => selection.picks.clone(),
        Some(mut p) if !app.ui.json => {
            app.ui.flush()?;
            let chosen = choose(app, &mut p, &selection)?;
            let count = chosen.len();
            let question = t!(
                lang,
                "Save these {count} as this week's plan?",
                "Simpan {count} orang ini sebagai rencana minggu ini?"
            );
            if chosen.is_empty() || !p.confirm(&question, true)? {
                app.ui.info(t!(lang, "No plan saved.", "Rencana tidak disimpan."));
                return Ok(());
            }
            chosen
        }
        _ => {
            if app.ui.json {
                print_json(&selection.picks, false)?;
            }
            app.ui.info(t!(
                lang,
                "Save this as the week's plan with --save.",
                "Simpan sebagai rencana minggu ini dengan --save."
            ));
            return Ok(());
        }
    };
    app.change(
        |net| {
            save_plan(net, &chosen, app);
            Ok(Change::Save(()))
        },
        |_, ()| {
            if app.ui.json {
                print_json(&chosen, true)?;
            }
            let count = chosen.len();
            app.ui.info(tn!(
                lang,
                count,
                "Saved this week's plan: {count} person.",
                "Saved this week's plan: {count} people.",
                "Rencana minggu ini tersimpan: {count} orang."
            ));
            Ok(())
        },
    )
}

/// The most people a week's proposal can hold.
const MAX_PICKS: usize = 50;

/// Refuses a `--count` of people to propose that makes no sense (for select and review).
pub fn check_count(count: usize, lang: crate::i18n::Lang) -> anyhow::Result<()> {
    if count == 0 || count > MAX_PICKS {
        anyhow::bail!(t!(lang, "--count must be between 1 and {MAX_PICKS}", "--count harus antara 1 dan {MAX_PICKS}"));
    }
    Ok(())
}

/// Records a plan starting today.
pub fn save_plan(net: &mut Network, chosen: &[Candidate], app: &App) {
    let picks = chosen.iter().map(|c| Pick { contact: c.contact, reason: c.reason.key().to_string() }).collect();
    net.plans.push(Plan { id: Uuid::now_v7(), starts: app.clock.today, picks, made: app.clock.now, extra: Map::new() });
}

/// Walks through the picks: accept, swap for the next alternate, or skip.
pub fn choose(app: &App, p: &mut dyn Prompter, s: &Selection) -> anyhow::Result<Vec<Candidate>> {
    let lang = app.ui.lang;
    let mut alternates = s.alternates.iter();
    let mut chosen = Vec::new();
    for pick in &s.picks {
        let mut current = pick.clone();
        loop {
            let question = format!("{} — {}", current.name, current.reason.describe(lang));
            let options = vec![
                t!(lang, "accept", "terima"),
                t!(lang, "swap for someone else", "ganti dengan orang lain"),
                t!(lang, "skip", "lewati"),
            ];
            match p.choose(&question, &options, 0)? {
                0 => {
                    chosen.push(current);
                    break;
                }
                1 => match alternates.next() {
                    Some(next) => current = next.clone(),
                    None => {
                        app.ui.info(t!(lang, "Nobody else to propose.", "Tidak ada orang lain untuk diusulkan."));
                        chosen.push(current);
                        break;
                    }
                },
                _ => break,
            }
        }
    }
    Ok(chosen)
}

/// Says that the picks go beyond `--count` because every overdue promise is named.
pub fn beyond_count_note(lang: crate::i18n::Lang, count: usize, beyond: usize) -> Option<String> {
    match beyond {
        0 => None,
        1 => Some(t!(
            lang,
            "One pick more than the {count} asked for: every overdue promise is named.",
            "Satu usulan lebih dari {count} yang diminta: setiap janji yang lewat tenggat disebut."
        )),
        k => Some(t!(
            lang,
            "{k} picks more than the {count} asked for: every overdue promise is named.",
            "{k} usulan lebih dari {count} yang diminta: setiap janji yang lewat tenggat disebut."
        )),
    }
}

/// Stage-up suggestions as indented lines, each with its command (for select and review).
pub fn stage_up_lines(lang: crate::i18n::Lang, ups: &[StageUp]) -> Vec<String> {
    ups.iter().map(|u| format!("  {}", u.describe(lang))).collect()
}

/// The picks as lines: `1. Wei Chen (colleague) — promise #4 was due …`.
pub fn pick_lines(app: &App, picks: &[Candidate]) -> Vec<String> {
    let lang = app.ui.lang;
    let mut lines = vec![app.ui.paint(style::HEADING, t!(lang, "Reach out this week", "Hubungi minggu ini"))];
    for (i, c) in picks.iter().enumerate() {
        let circle = c.circle.label(lang);
        lines.push(format!("  {}. {} ({circle}) — {}", i + 1, c.name, c.reason.describe(lang)));
    }
    lines
}

/// The shape as lines: counts by circle and stage, new people, observations.
pub fn shape_lines(app: &App, s: &Shape) -> Vec<String> {
    let lang = app.ui.lang;
    let ui = &app.ui;
    let label = |key: &str, circle: bool| {
        if circle {
            Circle::from_key(key).label(lang).to_string()
        } else {
            Stage::from_key(key).label(lang).to_string()
        }
    };
    let join = |v: &[(String, usize)], circle: bool| {
        v.iter().map(|(k, n)| format!("{} {n}", label(k, circle))).collect::<Vec<_>>().join(", ")
    };
    let (total, new) = (s.total, s.new_this_month);
    let mut lines = vec![ui.paint(
        style::HEADING,
        tn!(
            lang,
            total,
            "Your network: {total} person, {new} new this month",
            "Your network: {total} people, {new} new this month",
            "Jaringan Anda: {total} orang, {new} baru bulan ini"
        ),
    )];
    lines.push(format!("  {}: {}", t!(lang, "circles", "lingkaran"), join(&s.circles, true)));
    lines.push(format!("  {}: {}", t!(lang, "stages", "tahap"), join(&s.stages, false)));
    for o in &s.observations {
        lines.push(format!("  {}", ui.paint(style::WARN, o.describe(lang))));
    }
    lines
}
