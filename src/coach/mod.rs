//! Coaching: pure functions from the network and `today` to advice — how well you know
//! someone, how reliable you are, how warm each relationship is and why. Nothing here
//! prints, touches files or reads the clock.

pub mod cadence;
pub mod index;
pub mod knowing;
pub mod reliability;
pub mod review;
pub mod select;
pub mod shape;
pub mod today;
pub mod warmth;
