//! `jejaring goal`: step 2 of the method. Decide what the network is for, write it as
//! a SMART goal, and watch progress move as you add contacts and log conversations.

pub mod check;
pub mod done;
pub mod drop;
pub mod edit;
pub mod link;
pub mod list;
pub mod new;
pub mod progress;
pub mod show;

mod close;
mod fields;
pub mod wizard;

use crate::app::App;

/// Set SMART goals for your network and follow their progress
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: GoalCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum GoalCommand {
    New(new::Args),
    Check(check::Args),
    List(list::Args),
    Show(show::Args),
    Progress(progress::Args),
    Link(link::Args),
    Done(done::Args),
    Drop(drop::Args),
    Edit(edit::Args),
}

/// Runs a `goal` subcommand.
pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    match args.command {
        GoalCommand::New(a) => new::run(app, a),
        GoalCommand::Check(a) => check::run(app, a),
        GoalCommand::List(a) => list::run(app, a),
        GoalCommand::Show(a) => show::run(app, a),
        GoalCommand::Progress(a) => progress::run(app, a),
        GoalCommand::Link(a) => link::run(app, a),
        GoalCommand::Done(a) => done::run(app, a),
        GoalCommand::Drop(a) => drop::run(app, a),
        GoalCommand::Edit(a) => edit::run(app, a),
    }
}
