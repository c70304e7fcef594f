//! `jejaring completions`: shell completion scripts, generated from the CLI definition.

use crate::app::App;

/// Print a shell completion script
///
/// For example: `jejaring completions bash > ~/.local/share/bash-completion/completions/jejaring`
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `cli` is the command line's definition, handed down by the dispatch.
pub fn run(_app: &App, args: Args, mut cli: clap::Command) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    clap_complete::generate(args.shell, &mut cli, "jejaring", &mut out);
    Ok(())
}
