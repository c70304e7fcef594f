//! Typed access to the user's settings, which are stored as an open JSON map so that
//! later features can add their own without a schema change.

use super::Network;
use serde_json::Value;

/// The key under which the weekly networking time is stored.
const WEEKLY_MINUTES: &str = "weekly_minutes";

/// The key under which `import history --me` is remembered.
const HISTORY_ME: &str = "history_me";

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

    /// Who you are in exported mail and chats (`import history --me`): addresses,
    /// numbers and names, as given.
    pub fn history_me(&self) -> Vec<String> {
        let list = self.settings.get(HISTORY_ME).and_then(Value::as_array);
        list.into_iter().flatten().filter_map(Value::as_str).map(str::to_string).collect()
    }

    /// Adds to who you are; returns whether anything was new.
    pub fn remember_me(&mut self, values: &[String]) -> bool {
        let mut list = self.history_me();
        let before = list.len();
        for v in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
            if !list.iter().any(|x| x.eq_ignore_ascii_case(v)) {
                list.push(v.to_string());
            }
        }
        if list.len() == before {
            return false;
        }
        self.settings.insert(HISTORY_ME.into(), Value::from(list));
        true
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

    #[test]
    fn who_you_are_is_remembered_once() {
        let mut net = Network::default();
        assert!(net.history_me().is_empty());
        assert!(net.remember_me(&["ayu@example.com".into(), "Ayu".into()]));
        assert!(!net.remember_me(&["AYU@example.com".into()]));
        assert!(net.remember_me(&["+62 811 1111 2222".into()]));
        assert_eq!(net.history_me(), ["ayu@example.com", "Ayu", "+62 811 1111 2222"]);
    }
}
