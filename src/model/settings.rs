//! Typed access to the user's settings, which are stored as an open JSON map so that
//! later features can add their own without a schema change.

use super::Network;
use serde_json::Value;

/// The key under which the weekly networking time is stored.
const WEEKLY_MINUTES: &str = "weekly_minutes";

/// The most minutes a week can hold.
pub const MAX_WEEKLY_MINUTES: u32 = 7 * 24 * 60;

impl Network {
    /// How many minutes a week the user sets aside for networking, if they said.
    pub fn weekly_minutes(&self) -> Option<u32> {
        self.settings.get(WEEKLY_MINUTES).and_then(Value::as_u64).and_then(|m| u32::try_from(m).ok())
    }

    /// Stores the weekly networking time.
    pub fn set_weekly_minutes(&mut self, minutes: u32) {
        self.settings.insert(WEEKLY_MINUTES.into(), Value::from(minutes));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekly_minutes_round_trip_and_ignore_junk() {
        let mut net = Network::default();
        assert_eq!(net.weekly_minutes(), None);
        net.set_weekly_minutes(90);
        assert_eq!(net.weekly_minutes(), Some(90));
        net.settings.insert(WEEKLY_MINUTES.into(), Value::from("lots"));
        assert_eq!(net.weekly_minutes(), None);
    }
}
