//! `jejaring man`: the manual page in roff, generated from the CLI definition.

use crate::app::App;

/// Print the man page (roff)
///
/// Install it with: `jejaring man > ~/.local/share/man/man1/jejaring.1`
#[derive(Debug, clap::Args)]
pub struct Args {}

/// `cli` is the command line's definition, handed down by the dispatch.
pub fn run(_app: &App, _args: Args, cli: clap::Command) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    clap_mangen::Man::new(cli).render(&mut out)?;
    Ok(())
}
