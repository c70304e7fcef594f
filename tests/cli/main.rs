//! The one integration-test binary. (Temporary: the lead merges these `mod` lines into
//! the shared `tests/cli/main.rs`.)

mod goals;
mod goals_pty;
