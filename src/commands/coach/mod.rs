//! `jejaring coach`: where you stand on each of the three steps, with a score, the
//! evidence and the single next action. On an empty network it is the onboarding.

mod onboarding;

use crate::app::App;
use crate::coach::steps::{self, StepReport};
use crate::t;
use crate::ui::style;
use serde::Serialize;

/// Your three steps: a score, the evidence and the next action for each
///
/// On a new, empty network this is the onboarding: the method in a few lines, then
/// (on a terminal) your first contacts, a first promise or trust note, and a first goal.
#[derive(Debug, clap::Args)]
pub struct Args {}

#[derive(Serialize)]
struct Output<'a> {
    steps: &'a [StepReport],
    /// The step to work on first: the lowest score.
    focus: crate::coach::steps::Step,
}

pub fn run(app: &App, _args: Args) -> anyhow::Result<()> {
    let store = app.open_read()?;
    if store.net.contacts.is_empty() && !app.ui.json {
        drop(store);
        return onboarding::run(app);
    }
    let reports = steps::steps(&store.net, app.clock.today);
    let focus = reports.iter().min_by_key(|r| r.score).map(|r| r.step).unwrap_or(steps::Step::Trust);
    if app.ui.json {
        return Ok(app.ui.json_value(&Output { steps: &reports, focus })?);
    }
    for line in lines(app, &reports, focus) {
        app.ui.line(line)?;
    }
    Ok(())
}

fn lines(app: &App, reports: &[StepReport], focus: steps::Step) -> Vec<String> {
    let lang = app.ui.lang;
    let ui = &app.ui;
    let mut lines = Vec::new();
    for (i, r) in reports.iter().enumerate() {
        let n = i + 1;
        let score = r.score;
        let painted = ui.paint(
            match score {
                0..=39 => style::BAD,
                40..=69 => style::WARN,
                _ => style::GOOD,
            },
            format!("{score}/100"),
        );
        let filled = usize::from(score) / 10;
        let bar = format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled));
        lines.push(format!("{} {bar} {painted}", ui.paint(style::HEADING, format!("{n}. {:<20}", r.step.title(lang)))));
        lines.push(format!("   {}", ui.paint(style::DIM, r.step.why(lang))));
        lines.extend(r.evidence.iter().map(|e| format!("   · {}", e.describe(lang))));
        lines.push(format!("   → {}", r.next.describe(lang)));
        lines.push(String::new());
    }
    let title = focus.title(lang);
    lines.push(t!(
        lang,
        "Start with \"{title}\": it has the lowest score. Run `jejaring review` each week to keep the habit.",
        "Mulailah dengan \"{title}\": nilainya paling rendah. Jalankan `jejaring review` setiap minggu agar terbiasa."
    ));
    lines
}
