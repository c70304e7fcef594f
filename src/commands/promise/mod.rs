//! `jejaring promise`: commitments you made, and whether you kept them. Being reliable
//! is what makes trust grow.

mod list;
mod new;
mod resolve;

use crate::app::App;
use crate::i18n::Lang;
use crate::model::Network;
use crate::t;

/// Record a promise, or list and resolve them
///
/// `jejaring promise budi "send the market sizing deck" --due fri` records one;
/// the subcommands list and resolve them.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Sub>,
    #[command(flatten)]
    pub new: new::NewArgs,
}

#[derive(Debug, clap::Subcommand)]
pub enum Sub {
    /// List open, overdue or all promises
    List(list::Args),
    /// Mark a promise kept (on time or late, from the dates)
    Done(resolve::DoneArgs),
    /// Mark a promise broken
    Broke(resolve::BrokeArgs),
    /// Record a new due date you agreed (both dates are kept)
    Move(resolve::MoveArgs),
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    match args.command {
        None => new::run(app, args.new),
        Some(Sub::List(a)) => list::run(app, a),
        Some(Sub::Done(a)) => resolve::done(app, a),
        Some(Sub::Broke(a)) => resolve::broke(app, a),
        Some(Sub::Move(a)) => resolve::move_due(app, a),
    }
}

/// Finds a promise by its number, or explains how to see them.
pub fn by_number(net: &Network, n: &str, lang: Lang) -> anyhow::Result<usize> {
    let wanted = n.trim().trim_start_matches('#');
    let found = wanted.parse::<u32>().ok().and_then(|n| net.promises.iter().position(|p| p.n == n));
    found.ok_or_else(|| {
        anyhow::anyhow!(t!(
            lang,
            "there is no promise #{wanted}; see the numbers with `jejaring promise list --all`",
            "tidak ada janji #{wanted}; lihat nomornya dengan `jejaring promise list --all`"
        ))
    })
}
