//! `jejaring goal edit`: change a goal's letters from flags; the check runs again.

use super::fields::{self, GoalFields, goal_index};
use crate::app::{App, Change};
use crate::coach::smart::{self, Verdict};
use crate::errors::UsageError;
use crate::model::goal::{Filters, Status};
use crate::t;
use crate::views::goal::{self as render, GoalView};

/// Change a goal
///
/// Flags set letters (an empty value clears a text: --specific ""); --circle, --tag and
/// --stage replace that filter; --milestone adds one.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Goal number, id or part of its title
    pub goal: String,
    #[command(flatten)]
    pub fields: GoalFields,
    /// Remove every circle, tag and stage filter (any contact counts)
    #[arg(long)]
    pub clear_filters: bool,
    /// Remove every milestone
    #[arg(long)]
    pub clear_milestones: bool,
    /// Make a done or dropped goal active again
    #[arg(long)]
    pub reopen: bool,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    if !args.fields.any() && !args.clear_filters && !args.clear_milestones && !args.reopen {
        return Err(UsageError(t!(
            lang,
            "nothing to change; give a flag such as --target, --deadline or --specific (see `jejaring goal edit --help`)",
            "tidak ada yang diubah; berikan flag seperti --target, --deadline atau --specific (lihat `jejaring goal edit --help`)"
        ))
        .into());
    }
    let bad = fields::input;
    let weekly = args.fields.weekly_minutes().map_err(&bad)?;
    app.change(
        |net| {
            let i = goal_index(net, &args.goal, lang)?;
            let before = &net.goals[i];
            let mut after = before.clone();
            if args.clear_filters {
                after.filters = Filters::default();
            }
            if args.clear_milestones {
                after.milestones.clear();
            }
            args.fields.apply(&mut after, today).map_err(&bad)?;
            if args.reopen {
                after.status = Status::Active;
                after.closed = None;
            }
            let weekly_changed = weekly.is_some_and(|m| net.weekly_minutes() != Some(m));
            if &after == before && !weekly_changed {
                return Ok(Change::Unchanged((i, false)));
            }
            if let Some(m) = weekly {
                net.set_weekly_minutes(m);
            }
            net.goals[i] = after;
            Ok(Change::Save((i, true)))
        },
        |net, (i, changed)| {
            let g = &net.goals[i];
            let n = g.number;
            if !changed {
                app.ui.info(t!(lang, "Goal {n}: nothing changed", "Tujuan {n}: tidak ada yang berubah"));
                return Ok(());
            }
            let check = smart::check(g, net, today);
            if app.ui.json {
                app.ui.json_value(&GoalView::new(g, net, today, lang))?;
            } else if check.worst() != Verdict::Ok {
                for line in render::weak_lines(&app.ui, &check, lang) {
                    app.ui.info(line);
                }
            }
            let summary = check.summary(false);
            app.ui.info(t!(lang, "Updated goal {n} ({summary})", "Tujuan {n} diperbarui ({summary})"));
            Ok(())
        },
    )
}
