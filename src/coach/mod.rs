//! Coaching: pure functions from the data (and a day passed in) to advice. Nothing
//! here prints, reads the clock or touches files, so review and coach can reuse it
//! and tests can pin every verdict.
//!
//! - `progress`: how far a goal has come, measured from the data over its window, the
//!   pace, the projected finish and the user's own best past pace.
//! - `smart`: the SMART check, a verdict per letter with its reason and a suggestion.

pub mod progress;
pub mod smart;
mod smart_text;
mod vague;

pub use smart_text::num;

#[cfg(test)]
mod test_support;
