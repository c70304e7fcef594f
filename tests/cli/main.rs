//! The integration tests: one binary that runs the real `jejaring` through a `TestEnv`
//! (temporary home and data file, fixed "now", no colour) and checks stdout, stderr,
//! the exit code and the data file.
//!
//! One module per area: the commands (`contacts` and `contact_fields`, `log`,
//! `global`), input that must be refused without changing anything (`bad_input`), the
//! data file (`store`), several processes at once (`concurrency`), processes killed
//! mid-save (`crash`), the prompts driven through a pseudo-terminal (`pty`), and `--help`
//! in both languages (`help`); then
//! the three steps: `trust`,
//! `goals` (and `goals_pty`), and the weekly habit (`weekly`, `today`); and the words
//! the product prints (`words`). The `scenario_*` modules step `JEJARING_NOW` week by
//! week through a realistic network (`scenario_review`: the review and promises;
//! `scenario_stranger`: from stranger to trusted; `scenario_ten_weeks` and
//! `scenario_ten_weeks_review`: ten weeks of use, each thread a sentence the coach once
//! said untruly).

mod bad_input;
mod cache;
mod coach;
mod concurrency;
mod contact_fields;
mod contacts;
mod crash;
mod dupes;
mod env;
mod escapes;
mod front;
mod global;
mod goals;
mod goals_pty;
mod help;
mod history;
mod history_readers;
mod history_whatsapp;
mod indonesian_words;
mod interop;
mod interop_values;
mod intro;
mod layering;
mod log;
mod merge;
mod prompt_chrome_pty;
mod pty;
mod radicale;
mod scenario_goals;
mod scenario_intro;
mod scenario_review;
mod scenario_stranger;
mod scenario_ten_weeks;
mod scenario_ten_weeks_review;
mod show_part;
mod store;
mod store_hardening;
mod sync;
mod sync_calendar;
mod sync_calendar_down;
mod sync_cards;
mod sync_identity;
mod sync_security;
mod tables_pty;
mod today;
mod trust;
mod weekly;
mod words;
mod wrap_pty;
mod write_part;
