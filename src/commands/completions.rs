//! `jejaring completions`: shell completion scripts, generated from the CLI definition.

use crate::app::App;
use crate::cli::Cli;
use clap::CommandFactory;

/// Print a shell completion script
///
/// For example: `jejaring completions bash > ~/.local/share/bash-completion/completions/jejaring`
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub fn run(_app: &App, args: Args) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    clap_complete::generate(args.shell, &mut Cli::command(), "jejaring", &mut out);
    Ok(())
}
