//! `jejaring select`: step 3 — whom to reach this week, each with a reason, and the
//! network's shape. On a terminal the user accepts, swaps or skips each pick and the
//! accepted ones become this week's plan.

use crate::app::{App, Change};
use crate::coach::select::{self, Candidate};
use crate::coach::shape::{self, Shape};
use crate::coach::stage_up::{self, StageUp};
use crate::prompt::Prompter;
use crate::ui::style;
use crate::views::picks;
use crate::{t, tn};
use serde::Serialize;

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
    picks::check_count(args.count, lang)?;
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
        for line in picks::shape_lines(app, &shape)
            .into_iter()
            .chain([String::new()])
            .chain(picks::pick_lines(app, &selection.picks))
        {
            app.ui.line(line)?;
        }
        if let Some(note) = picks::beyond_count_note(lang, args.count, &selection) {
            app.ui.info(note);
        }
        let waiting = crate::views::intro::waiting_lines(app, &net, today);
        for line in waiting {
            app.ui.line(line)?;
        }
        if !stage_ups.is_empty() {
            let heading = app.ui.paint(style::HEADING, t!(lang, "Ready to move up a stage", "Siap naik tahap"));
            for line in [String::new(), heading].into_iter().chain(picks::stage_up_lines(lang, &stage_ups)) {
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
            let chosen = picks::choose(app, &mut p, &selection)?;
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
            net.plans.push(select::plan(&chosen, app.clock.today, app.clock.now));
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
