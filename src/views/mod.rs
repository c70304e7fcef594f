//! What several commands show (and ask) alike, in one place, so each command stays a
//! leaf that only wires its flags to these views and to the coach.

pub mod blocks;
pub mod contact;
pub mod goal;
pub mod intro;
pub mod past_deadline;
pub mod picks;
pub mod problems;
pub mod promise;
pub mod trust;
pub mod words;
