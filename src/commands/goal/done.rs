//! `jejaring goal done`: close a goal as achieved.

use super::close::{Close, close};
use crate::app::App;

/// Mark a goal as done
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Goal number, id or part of its title
    pub goal: String,
    /// What you learned, or how it went
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

pub fn run(app: &App, args: Args) -> anyhow::Result<()> {
    close(app, &args.goal, args.note, Close::Done)
}
