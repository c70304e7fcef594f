//! Facts: what you have learned about a person, by topic. Trust grows with knowing
//! someone, so these feed the knowing score and the next question worth asking.

use super::vocab::vocab;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

vocab! {
    /// What a fact is about.
    Topic {
        Family => "family", "family", "keluarga";
        Work => "work", "work", "pekerjaan";
        Interests => "interests", "interests", "minat";
        Goals => "goals", "goals", "tujuan";
        Challenges => "challenges", "current challenge", "tantangan";
        Values => "values", "values", "nilai";
        Other => "other", "other", "lainnya";
    }
}

/// One thing you know about someone. `n` is the short number users type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub id: Uuid,
    pub n: u32,
    pub contact: Uuid,
    pub topic: Topic,
    pub text: String,
    /// When you learned it.
    pub on: NaiveDate,
    pub logged: DateTime<Utc>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
