//! `jejaring man`: the manual page in roff, generated from the CLI definition.

use crate::app::App;
use crate::cli::Cli;
use clap::CommandFactory;

/// Print the man page (roff)
///
/// Install it with: `jejaring man > ~/.local/share/man/man1/jejaring.1`
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_app: &App, _args: Args) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    Ok(())
}
