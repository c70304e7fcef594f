//! Coaching: pure functions from the network and a day passed in to advice — how well
//! you know someone, how reliable you are, how warm each relationship is and why, how
//! SMART a goal is and how far it has come, whom to reach this week, the weekly review.
//! Nothing here prints, reads the clock or touches files, so commands can reuse it and
//! tests can pin every verdict.

pub mod cadence;
pub mod graph;
pub mod index;
pub mod intro;
pub mod intro_text;
pub mod knowing;
pub mod paths;
pub mod progress;
pub mod reliability;
mod reminder_dates;
pub mod reminders;
pub mod review;
pub mod select;
mod select_reasons;
mod select_text;
pub mod shape;
pub mod smart;
mod smart_advice;
mod smart_text;
pub mod stage_up;
pub mod steps;
mod steps_text;
pub mod today;
mod vague;
pub mod warmth;
mod warmth_text;

pub use smart_text::num;

#[cfg(test)]
mod test_support;
