//! `jejaring goal edit`: change a goal's letters from flags; the check runs again.

use super::fields::{self, GoalFields, goal_index};
use super::render::{self, GoalView};
use crate::app::App;
use crate::coach::smart::{self, Verdict};
use crate::errors::UsageError;
use crate::model::goal::{Filters, Status};
use crate::t;

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
    let bad = fields::input(lang);
    let weekly = args.fields.weekly_minutes().map_err(&bad)?;
    let mut store = app.open_write()?;
    let i = goal_index(&store.net, &args.goal, lang)?;
    let before = store.net.goals[i].clone();
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
    let n = after.number;
    let weekly_changed = weekly.is_some_and(|m| store.net.weekly_minutes() != Some(m));
    if after == before && !weekly_changed {
        app.ui.info(t!(lang, "Goal {n}: nothing changed", "Tujuan {n}: tidak ada yang berubah"));
        return Ok(());
    }
    if let Some(m) = weekly {
        store.net.set_weekly_minutes(m);
    }
    store.net.goals[i] = after;
    let net = &store.net;
    let g = &net.goals[i];
    let check = smart::check(g, net, today);
    if app.ui.json {
        app.ui.json_value(&GoalView::new(g, net, today, lang))?;
    } else if check.worst() != Verdict::Ok {
        for line in render::weak_lines(&app.ui, &check, lang) {
            app.ui.info(line);
        }
    }
    let summary = check.summary(false);
    app.save(&mut store)?;
    app.ui.info(t!(lang, "Updated goal {n} ({summary})", "Tujuan {n} diperbarui ({summary})"));
    Ok(())
}
