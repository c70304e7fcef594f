//! `jejaring goal new`: set a SMART goal. On a terminal a wizard walks through each
//! letter (see `wizard`); in scripts every answer is a flag, and a missing required
//! flag is a usage error that names it.

use super::fields::{self, GoalFields};
use super::wizard;
use crate::app::{App, Change};
use crate::coach::smart::{self, Verdict};
use crate::errors::UsageError;
use crate::model::goal::{self, Goal, Metric};
use crate::t;
use crate::views::goal::{self as render, GoalView};

/// Set a new SMART goal
///
/// On a terminal, a wizard asks for each letter (Specific, Measurable, Achievable,
/// Realistic, Timed), checks the goal and lets you fix weak letters or save anyway.
/// Without a terminal (or with --no-input), --title, --metric, --target and --deadline
/// are required; the check is printed and the goal saved unless --strict.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub fields: GoalFields,
    /// Refuse to save (exit 1) when a letter is weak or missing
    #[arg(long)]
    pub strict: bool,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let bad = fields::input;
    let mut weekly = args.fields.weekly_minutes().map_err(&bad)?;
    // Draft against a snapshot: the lock is not held while the user thinks.
    let mut snapshot = app.open_read()?.into_network();
    if let Some(m) = weekly {
        snapshot.set_weekly_minutes(m);
    }
    let mut draft =
        Goal::new(0, String::new(), args.fields.metric.clone().unwrap_or(Metric::NewContacts), today, app.clock.now);
    args.fields.apply(&mut draft, today).map_err(&bad)?;

    match app.prompter() {
        Some(mut p) => {
            let outcome = wizard::run(app, &mut p, &args.fields, &mut draft, &mut snapshot)?;
            if outcome == wizard::Outcome::Cancelled {
                app.ui.info(t!(lang, "Nothing saved.", "Tidak ada yang disimpan."));
                return Ok(());
            }
            weekly = snapshot.weekly_minutes();
        }
        None => {
            let f = &args.fields;
            let missing: Vec<&str> = [
                ("--title", f.title.is_none()),
                ("--metric", f.metric.is_none()),
                ("--target", f.target.is_none()),
                ("--deadline", f.deadline.is_none()),
            ]
            .iter()
            .filter(|(_, m)| *m)
            .map(|(n, _)| *n)
            .collect();
            if !missing.is_empty() {
                let list = missing.join(", ");
                return Err(UsageError(t!(
                    lang,
                    "missing {list}: without a terminal, goal new needs --title, --metric, --target and --deadline (see `jejaring goal new --help`)",
                    "{list} belum diisi: tanpa terminal, goal new butuh --title, --metric, --target dan --deadline (lihat `jejaring goal new --help`)"
                ))
                .into());
            }
            let check = smart::check(&draft, &snapshot, today);
            if check.worst() != Verdict::Ok {
                for line in render::weak_lines(&app.ui, &check, lang) {
                    app.ui.warn(line.trim_start());
                }
                if args.strict {
                    let summary = check.summary(true);
                    anyhow::bail!(t!(
                        lang,
                        "not saved: the goal is not SMART yet ({summary}); fix the letters above or drop --strict",
                        "tidak disimpan: tujuan ini belum SMART ({summary}); perbaiki huruf di atas atau hapus --strict"
                    ));
                }
            }
        }
    }
    goal::check_window(draft.start, draft.deadline).map_err(&bad)?;

    app.change(
        |net| {
            if let Some(m) = weekly {
                net.set_weekly_minutes(m);
            }
            // Numbered under the lock, so two goals set at once never share a number.
            draft.number = goal::next_number(&net.goals);
            net.goals.push(draft);
            Ok(Change::Save(net.goals.len() - 1))
        },
        |net, i| {
            let saved = &net.goals[i];
            let (number, title) = (saved.number, &saved.title);
            let summary = smart::check(saved, net, today).summary(false);
            if app.ui.json {
                app.ui.json_value(&GoalView::new(saved, net, today, lang))?;
            }
            app.ui.info(t!(
                lang,
                "Saved goal {number}: {title} ({summary}); follow it with `jejaring goal show {number}`",
                "Tujuan {number} disimpan: {title} ({summary}); pantau dengan `jejaring goal show {number}`"
            ));
            Ok(())
        },
    )
}
