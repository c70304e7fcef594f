//! Schema migrations: an ordered table of small functions, each lifting the file from one
//! version to the next, working on the raw JSON so fields nobody knows survive.
//!
//! To change the layout: bump `model::SCHEMA_VERSION`, add one entry here saying why the
//! version exists, and add an old-version fixture to `tests/fixtures/`.

use crate::model::SCHEMA_VERSION;
use serde_json::{Map, Value};

/// One step: the version it upgrades from, and the change.
struct Migration {
    from: u64,
    apply: fn(&mut Map<String, Value>),
}

/// Every migration, oldest first. `MIGRATIONS[i].from == i`.
const MIGRATIONS: &[Migration] = &[
    // v0: the unversioned drafts kept each contact's interactions inside the contact.
    // v1 keeps them in one top-level list naming contact ids, so a group conversation is
    // one record and the file carries its version first.
    Migration { from: 0, apply: v0_to_v1 },
];

/// The version of a raw document: a missing `version` is v0, anything not a whole
/// number is None (not a jejaring file).
pub fn version_of(doc: &Map<String, Value>) -> Option<u64> {
    match doc.get("version") {
        None => Some(0),
        Some(v) => v.as_u64(),
    }
}

/// Lifts a document to the current version. The caller has already checked that the
/// version is not newer than this build.
pub fn migrate(doc: &mut Map<String, Value>) {
    let mut version = version_of(doc).unwrap_or(0);
    while version < u64::from(SCHEMA_VERSION) {
        let step = &MIGRATIONS[version as usize];
        debug_assert_eq!(step.from, version);
        (step.apply)(doc);
        version += 1;
        doc.insert("version".into(), Value::from(version));
    }
}

fn v0_to_v1(doc: &mut Map<String, Value>) {
    let mut moved = Vec::new();
    if let Some(Value::Array(contacts)) = doc.get_mut("contacts") {
        for contact in contacts.iter_mut().filter_map(Value::as_object_mut) {
            let id = contact.get("id").cloned().unwrap_or(Value::Null);
            if let Some(Value::Array(list)) = contact.remove("interactions") {
                for mut interaction in list {
                    if let Some(obj) = interaction.as_object_mut() {
                        obj.insert("contacts".into(), Value::Array(vec![id.clone()]));
                        moved.push(interaction);
                    }
                }
            }
        }
    }
    let interactions = doc.entry("interactions").or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(list) = interactions {
        list.extend(moved);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_table_covers_every_version() {
        assert_eq!(MIGRATIONS.len(), SCHEMA_VERSION as usize);
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.from, i as u64);
        }
    }

    #[test]
    fn v0_interactions_move_to_the_top_level() {
        let mut doc = json!({
            "contacts": [{"id": "c1", "name": "A", "interactions": [{"kind": "call", "on": "2025-01-01"}]}],
            "mystery": 7
        });
        let doc = doc.as_object_mut().unwrap();
        assert_eq!(version_of(doc), Some(0));
        migrate(doc);
        assert_eq!(doc["version"], 1);
        assert_eq!(doc["interactions"][0]["contacts"], json!(["c1"]));
        assert!(doc["contacts"][0].get("interactions").is_none());
        assert_eq!(doc["mystery"], 7);
    }

    #[test]
    fn version_must_be_a_whole_number() {
        let doc = json!({"version": "two"});
        assert_eq!(version_of(doc.as_object().unwrap()), None);
    }
}
