//! The sync state's types live in the data model (`crate::model::sync`); this names
//! them where the sync code looks for them.

pub use crate::model::sync::{CardState, EventState, SyncState};
