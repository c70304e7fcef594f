//! `jejaring goal progress`: see how far a goal has come, or log progress by hand
//! (`+N`, `-N`, `=N`) for goals the data cannot count.

use super::fields::{self, goal_index};
use crate::app::App;
use crate::coach::progress;
use crate::model::goal::{self, Change, Metric, ProgressEntry};
use crate::model::text;
use crate::views::goal::{self as render, GoalView};
use crate::{t, tn};
use serde_json::Map;

/// Show a goal's progress, or log progress by hand: +N, -N or =N
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Goal number, id or part of its title
    pub goal: String,
    /// +3 adds, -1 takes back, =12 sets the count (only for goals counted by hand)
    #[arg(allow_hyphen_values = true, value_name = "+N|-N|=N")]
    pub change: Option<String>,
    /// What happened
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// The day it happened [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let Some(change) = &args.change else {
        if args.note.is_some() || args.on.is_some() {
            return Err(crate::errors::UsageError(t!(
                lang,
                "--note and --on need a change such as +1 or =5",
                "--note dan --on butuh perubahan seperti +1 atau =5"
            ))
            .into());
        }
        return show(app, &args.goal);
    };
    let change = goal::parse_change(change).map_err(fields::input)?;
    let note = args.note.as_deref().map(|n| text::text("--note", n)).transpose()?;
    let on = match &args.on {
        Some(s) => crate::dates::parse_past_day(s, today)
            .map_err(|error| fields::input(goal::GoalInputError::Date { flag: "--on", error }))?,
        None => today,
    };
    app.change(
        |net| {
            let i = goal_index(net, &args.goal, lang)?;
            let g = &net.goals[i];
            let (n, metric) = (g.number, g.metric.label(lang).to_string());
            if !g.is_active() {
                let status = g.status.label(lang);
                anyhow::bail!(t!(
                    lang,
                    "goal {n} is {status}; progress is closed (reopen it with `jejaring goal edit {n} --reopen`)",
                    "tujuan {n} berstatus {status}; kemajuan sudah ditutup (buka lagi dengan `jejaring goal edit {n} --reopen`)"
                ));
            }
            let by_hand = matches!(g.metric, Metric::Manual | Metric::Unknown(_));
            if !by_hand {
                anyhow::bail!(t!(
                    lang,
                    "goal {n} is counted from your data ({metric}); it moves when you add contacts or log conversations",
                    "tujuan {n} dihitung dari data Anda ({metric}); angkanya bergerak saat Anda menambah kontak atau mencatat percakapan"
                ));
            }
            net.goals[i].progress.push(ProgressEntry { on, change, note, logged: app.clock.now, extra: Map::new() });
            Ok(crate::app::Change::Save(i))
        },
        |net, i| {
            let g = &net.goals[i];
            let n = g.number;
            let p = progress::measure(g, net, today);
            if app.ui.json {
                app.ui.json_value(&GoalView::new(g, net, today, lang))?;
            }
            let line = render::progress_line(&app.ui, &p, lang);
            let shown = match change {
                Change::Add(d) if d >= 0 => format!("+{d}"),
                Change::Add(d) => d.to_string(),
                Change::Set(v) => format!("={v}"),
            };
            app.ui.info(t!(lang, "Goal {n}: {shown} logged; now {line}", "Tujuan {n}: {shown} dicatat; sekarang {line}"));
            Ok(())
        },
    )
}

fn show(app: &App, query: &str) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let store = app.open_read()?;
    let net = &store.net;
    let g = &net.goals[goal_index(net, query, lang)?];
    let view = GoalView::new(g, net, today, lang);
    if app.ui.json {
        return Ok(app.ui.json_value(&view)?);
    }
    let p = &view.progress;
    app.ui.line(format!("#{} {}", g.number, g.title))?;
    app.ui.line(format!("  {}", render::progress_line(&app.ui, p, lang)))?;
    if let Some(line) = render::pace_line(p, lang) {
        app.ui.line(format!("  {line}"))?;
    }
    if let Some(d) = p.days_left.filter(|d| *d >= 0) {
        app.ui.line(tn!(lang, d, "  {d} day left", "  {d} days left", "  {d} hari lagi"))?;
    }
    if !p.measured && g.metric == Metric::PromisesKept {
        app.ui.line(t!(
            lang,
            "  promises are not tracked by this version yet; log kept ones with `goal progress {query} +1`",
            "  janji belum dicatat oleh versi ini; catat yang ditepati dengan `goal progress {query} +1`"
        ))?;
    }
    Ok(())
}
