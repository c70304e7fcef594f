//! `jejaring review`: the weekly check-in, and the history of past reviews.

mod checkin;
mod history;
mod render;

use crate::app::App;

/// The weekly check-in
///
/// Last week's plan against what happened, the week in numbers, promises, goals,
/// cooling relationships and trust changes; then, on a terminal, resolve promises,
/// pick next week's people and write one reflection. Nothing is saved until the end,
/// so an interrupted review leaves your data as it was.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Sub>,
    #[command(flatten)]
    pub checkin: checkin::CheckinArgs,
}

#[derive(Debug, clap::Subcommand)]
pub enum Sub {
    /// Past reviews with their key numbers and the streak
    History(history::ListArgs),
    /// One past review
    Show(history::ShowArgs),
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    match args.command {
        None => checkin::run(app, args.checkin),
        Some(Sub::History(a)) => history::list(app, a),
        Some(Sub::Show(a)) => history::show(app, a),
    }
}
