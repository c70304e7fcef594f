//! The command line: global flags, the list of commands and the dispatch to them. Each
//! command's own flags live beside its code in `commands/`; adding a command touches its
//! file, the list and dispatch here, and its help translation.

use crate::app::App;
use crate::commands;
use crate::i18n::Lang;
use crate::ui::ColorChoice;
use clap::{Args, CommandFactory, Parser, Subcommand};
use std::path::PathBuf;

/// jejaring — a networking coach and contact tracker.
///
/// Grow a network that lasts in three steps: build trust (know people, keep your
/// promises), set SMART goals, and select whom to reach this week, from the people you
/// have to the strangers who widen your circle. Everything stays in one local JSON file.
#[derive(Debug, Parser)]
#[command(name = "jejaring", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command accepts.
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct Global {
    /// The data file [default: the platform's data folder, see `jejaring paths`]
    #[arg(long, global = true, env = "JEJARING_DATA", value_name = "FILE")]
    pub data: Option<PathBuf>,
    /// Use the bundled demo network, in memory; your own file is never touched
    #[arg(long, global = true)]
    pub demo: bool,
    /// Print data as JSON (a stable schema) instead of text
    #[arg(long, global = true)]
    pub json: bool,
    /// When to use colour (NO_COLOR is honoured by auto)
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print only data and warnings, no status messages
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Never prompt; fail naming the missing flag instead
    #[arg(long, global = true)]
    pub no_input: bool,
    /// Language for messages and coaching [default: JEJARING_LANG, then LANG]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    AddContact(commands::add_contact::Args),
    List(commands::list::Args),
    Show(commands::show::Args),
    Edit(commands::edit::Args),
    Remove(commands::remove::Args),
    Dupes(commands::dupes::Args),
    Merge(commands::merge::Args),
    Log(commands::log::Args),
    Trust(commands::trust::Args),
    Know(commands::know::Args),
    Knows(commands::knows::Args),
    Promise(commands::promise::Args),
    Brief(commands::brief::Args),
    Goal(commands::goal::Args),
    Select(commands::select::Args),
    Path(commands::path::Args),
    WhoKnows(commands::who_knows::Args),
    Intro(commands::intro::Args),
    Snooze(commands::snooze::Args),
    Review(commands::review::Args),
    Today(commands::today::Args),
    Coach(commands::coach::Args),
    Import(commands::import::Args),
    Export(commands::export::Args),
    Sync(commands::sync::Args),
    Paths(commands::paths::Args),
    Completions(commands::completions::Args),
    Man(commands::man::Args),
}

/// Runs the parsed command.
pub fn run(app: &App, command: Command) -> anyhow::Result<()> {
    use commands::*;
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
        Command::Knows(args) => knows::run(app, args),
        Command::Path(args) => path::run(app, args),
        Command::WhoKnows(args) => who_knows::run(app, args),
        Command::Intro(args) => intro::run(app, args),
        Command::Promise(args) => promise::run(app, args),
        Command::Brief(args) => brief::run(app, args),
        Command::Coach(args) => coach::run(app, args),
        Command::Review(args) => review::run(app, args),
        Command::Select(args) => select::run(app, args),
        Command::Snooze(args) => snooze::run(app, args),
        Command::Today(args) => today::run(app, args),
        Command::Goal(args) => goal::run(app, args),
        Command::Paths(args) => paths::run(app, args),
        Command::Completions(args) => completions::run(app, args, Cli::command()),
        Command::Man(args) => man::run(app, args, Cli::command()),
        Command::Import(args) => import::run(app, args),
        Command::Export(args) => export::run(app, args),
        Command::Sync(args) => sync::run(app, args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
