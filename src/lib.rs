//! jejaring: a command-line networking coach and contact tracker.
//!
//! # Design
//!
//! Data flows one way. `cli` parses the command line and dispatches; a command in
//! `commands/` opens the `store` (which locks, reads from its cache or migrates the
//! JSON), works on the plain `model` types with the `coach`, and hands what it found to
//! `views` and `ui`. A change goes through `App::change`: open for writing, apply, save
//! atomically with a backup, and only then report. `model` and `dates` never print, never touch files
//! and never read the clock: `now` is read once in `clock` and passed down, so every
//! answer can be reproduced with `JEJARING_NOW`.
//!
//! Every sentence a user reads is written in English and Bahasa Indonesia at the place
//! it is used, with the `t!` macro; only `--help`, whose English is the clap doc comments,
//! takes its Indonesian from a table in `help`.

pub mod app;
pub mod chars;
pub mod cli;
pub mod clock;
pub mod coach;
pub mod commands;
pub mod dates;
pub mod demo;
pub mod errors;
pub mod help;
pub mod history;
pub mod i18n;
pub mod interop;
pub mod model;
pub mod prompt;
pub mod store;
pub mod sync;
pub mod ui;
pub mod views;

use app::App;
use clock::Clock;
use i18n::Lang;
use std::ffi::OsString;
use std::process::ExitCode;
use std::time::Duration;
use ui::{Ui, UiSettings};

/// How long to wait for another jejaring by default; `JEJARING_LOCK_WAIT` (seconds) overrides.
const DEFAULT_LOCK_WAIT: Duration = Duration::from_secs(10);

/// Runs the program with the process's arguments and environment.
pub fn main_entry() -> ExitCode {
    let env = |k: &str| std::env::var(k).ok();
    let args: Vec<OsString> = std::env::args_os().collect();
    // `--help` is printed while parsing, so its language is read from the raw arguments.
    let help_lang = Lang::detect(
        help::lang_in_args(&args),
        env("JEJARING_LANG").as_deref(),
        env("LC_ALL").or_else(|| env("LANG")).as_deref(),
    );
    let cli = match help::parse(help_lang, &args) {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with exit 0; real usage errors exit 2.
            let _ = help::print_error(help_lang, &e);
            return ExitCode::from(e.exit_code().clamp(0, 255) as u8);
        }
    };
    let lang = Lang::detect(
        cli.global.lang,
        env("JEJARING_LANG").as_deref(),
        env("LC_ALL").or_else(|| env("LANG")).as_deref(),
    );
    let ui = Ui::new(UiSettings {
        lang,
        json: cli.global.json,
        quiet: cli.global.quiet,
        no_input: cli.global.no_input,
        color: cli.global.color,
        no_color_env: env("NO_COLOR").is_some_and(|v| !v.is_empty()),
    });
    let clock = match Clock::from_env(env("JEJARING_NOW").as_deref()) {
        Ok(c) => c,
        Err(bad) => {
            ui.error(t!(
                lang,
                "JEJARING_NOW={bad:?} is not a time; use 2026-11-28 or 2026-11-28T09:00:00+07:00",
                "JEJARING_NOW={bad:?} bukan waktu; pakai 2026-11-28 atau 2026-11-28T09:00:00+07:00"
            ));
            return ExitCode::from(errors::code::USAGE);
        }
    };
    let data = match cli.global.data.clone().or_else(store::default_data_file) {
        Some(d) => d,
        None => {
            ui.error(t!(
                lang,
                "could not find a home folder for the data file; pass --data FILE",
                "folder rumah untuk berkas data tidak ditemukan; berikan --data BERKAS"
            ));
            return ExitCode::from(errors::code::USAGE);
        }
    };
    let lock_wait = env("JEJARING_LOCK_WAIT")
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map(Duration::from_secs_f64)
        .unwrap_or(DEFAULT_LOCK_WAIT);
    let app = App { ui, clock, data, demo: cli.global.demo, lock_wait };
    let result = cli::run(&app, cli.command).and_then(|()| app.ui.flush().map_err(Into::into));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            app.ui.discard();
            let (msg, code) = errors::report(&err, lang);
            if let Some(msg) = msg {
                app.ui.error(msg);
            }
            code
        }
    }
}
