//! One file per command, each pairing its clap `Args` with its `run`. Commands are
//! leaves: they use the model, the coach, the store and `views`, not one another. Two
//! hand over on purpose: the first-run coach sets its goal with `goal new`'s wizard, and
//! `import history` is `import`'s subcommand. `cli` lists them and dispatches to them.

pub mod add_contact;
pub mod brief;
pub mod coach;
pub mod completions;
pub mod dupes;
pub mod edit;
pub mod export;
pub mod goal;
pub mod import;
pub mod import_history;
pub mod intro;
pub mod know;
pub mod knows;
pub mod list;
pub mod log;
pub mod man;
pub mod merge;
pub mod path;
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
pub mod who_knows;

mod fields;
mod filter;
mod resolve;
