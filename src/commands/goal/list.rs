//! `jejaring goal list`: every goal with a progress bar, the share of time used, and
//! whether it is on track, with the projected finish.

use crate::app::App;
use crate::coach::progress;
use crate::coach::smart;
use crate::i18n::Lang;
use crate::model::Network;
use crate::model::goal::{Goal, Status};
use crate::t;
use crate::ui::Rows;
use crate::ui::style;
use crate::views::goal::{self as render, GoalView};
use crate::views::past_deadline as decide;

/// List goals with their progress
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Include goals that are done or dropped
    #[arg(long)]
    pub all: bool,
    /// Only goals with this status
    #[arg(long, value_enum)]
    pub status: Option<Status>,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let today = app.clock.today;
    let store = app.open_read()?;
    let net = &store.net;
    let shown: Vec<_> = net
        .goals
        .iter()
        .filter(|g| match &args.status {
            Some(s) => &g.status == s,
            None => args.all || g.is_active(),
        })
        .collect();
    if app.ui.json {
        let views: Vec<GoalView> = shown.iter().map(|g| GoalView::new(g, net, today, lang)).collect();
        return Ok(app.ui.json_value(&views)?);
    }
    if shown.is_empty() {
        let closed = net.goals.len();
        app.ui.info(if closed > 0 {
            t!(
                lang,
                "No goals match; `--all` shows the {closed} closed ones.",
                "Tidak ada tujuan yang cocok; `--all` menampilkan {closed} yang sudah ditutup."
            )
        } else {
            t!(
                lang,
                "No goals yet. Decide what your network is for: `jejaring goal new`",
                "Belum ada tujuan. Tentukan untuk apa jejaring Anda: `jejaring goal new`"
            )
        });
        return Ok(());
    }
    let header = match lang {
        Lang::En => ["#", "goal", "counts", "progress", "time", "state", "deadline", "SMART"],
        Lang::Id => ["#", "tujuan", "dihitung", "kemajuan", "waktu", "status", "tenggat", "SMART"],
    };
    // Goals past their deadline wait for a decision, so they stand apart.
    let (past, current): (Vec<&Goal>, Vec<&Goal>) =
        shown.iter().partition(|g| g.is_active() && g.deadline.is_some_and(|d| d < today));
    if !current.is_empty() {
        app.ui.show_table(&table(app, net, &current, &header))?;
    }
    if !past.is_empty() {
        if !current.is_empty() {
            app.ui.line("")?;
        }
        app.ui.line(app.ui.paint(
            style::HEADING,
            t!(
                lang,
                "Past the deadline: extend, close or drop each",
                "Lewat tenggat: perpanjang, tutup, atau batalkan masing-masing"
            ),
        ))?;
        app.ui.show_table(&table(app, net, &past, &header))?;
        for g in &past {
            app.ui.line(format!("  {}. {}", g.number, decide::commands(g.number, lang)))?;
        }
    }
    Ok(())
}

/// The goals as a table: progress, time used, state with the projected finish.
fn table(app: &App, net: &Network, shown: &[&Goal], header: &[&str]) -> Rows {
    let (lang, today) = (app.ui.lang, app.clock.today);
    let mut table = app.ui.table(header.iter().map(|s| s.to_string()).collect());
    for g in shown {
        let p = progress::measure(g, net, today);
        let state = if g.is_active() {
            let mut s = render::pace_painted(&app.ui, &p, lang);
            if let Some(f) = render::finish(&p, lang) {
                s.push_str(&format!(" ({f})"));
            }
            s
        } else {
            g.status.label(lang).to_string()
        };
        table.add_row(vec![
            g.number.to_string(),
            g.title.clone(),
            g.metric.label(lang).to_string(),
            format!("{} {}", render::bar(p.fraction_done.unwrap_or(0.0), 10), render::count(&p)),
            p.time_elapsed.map(|t| format!("{}%", (t * 100.0).round())).unwrap_or_else(|| "-".into()),
            state,
            g.deadline.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
            smart::check(g, net, today).summary(false),
        ]);
    }
    table
}
