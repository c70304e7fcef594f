//! One file per command, each pairing its clap `Args` with its `run`.

pub mod add_contact;
pub mod brief;
pub mod coach;
pub mod completions;
pub mod dupes;
pub mod edit;
pub mod export;
pub mod goal;
pub mod import;
pub mod know;
pub mod list;
pub mod log;
pub mod man;
pub mod merge;
pub mod paths;
pub mod promise;
pub mod remove;
pub mod review;
pub mod select;
pub mod show;
pub mod snooze;
pub mod sync;
pub mod today;
pub mod trust;

mod blocks;
mod fields;
mod filter;
mod resolve;
mod words;

use crate::app::App;
use crate::cli::Command;

/// Runs the parsed command.
pub fn run(app: &App, command: Command) -> anyhow::Result<()> {
    match command {
        Command::AddContact(args) => add_contact::run(app, args),
        Command::List(args) => list::run(app, args),
        Command::Show(args) => show::run(app, args),
        Command::Edit(args) => edit::run(app, args),
        Command::Remove(args) => remove::run(app, args),
        Command::Dupes(args) => dupes::run(app, args),
        Command::Merge(args) => merge::run(app, args),
        Command::Log(args) => log::run(app, args),
        Command::Trust(args) => trust::run(app, args),
        Command::Know(args) => know::run(app, args),
        Command::Promise(args) => promise::run(app, args),
        Command::Brief(args) => brief::run(app, args),
        Command::Coach(args) => coach::run(app, args),
        Command::Review(args) => review::run(app, args),
        Command::Select(args) => select::run(app, args),
        Command::Snooze(args) => snooze::run(app, args),
        Command::Today(args) => today::run(app, args),
        Command::Goal(args) => goal::run(app, args),
        Command::Paths(args) => paths::run(app, args),
        Command::Completions(args) => completions::run(app, args),
        Command::Man(args) => man::run(app, args),
        Command::Import(args) => import::run(app, args),
        Command::Export(args) => export::run(app, args),
        Command::Sync(args) => sync::run(app, args),
    }
}
