//! `jejaring goal drop`: close a goal you are no longer pursuing, with why.

use super::close::{Close, close};
use crate::app::App;

/// Drop a goal you are no longer pursuing
///
/// On a terminal you are asked why, unless --note gives it.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Goal number, id or part of its title
    pub goal: String,
    /// Why it is dropped (worth remembering at the next review)
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    close(app, &args.goal, args.note, Close::Drop)
}
