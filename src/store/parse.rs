//! Parsing the data file's JSON: the current schema in one pass, older ones migrated,
//! newer or malformed ones refused with the position of the problem.

use super::{StoreError, backup, migrate};
use crate::model::{Network, SCHEMA_VERSION};
use std::path::Path;

/// Parses the file's bytes into the current schema, migrating older versions and
/// refusing newer or malformed ones. Returns the network and the version it had when
/// a migration ran.
pub fn decode(bytes: &[u8], path: &Path) -> Result<(Network, Option<u64>), StoreError> {
    // The common case in one pass: a current file parses straight into the types.
    // Reading bytes, serde_json checks UTF-8 string by string; checking the whole file
    // at once and parsing it as text is faster.
    // A file that is not UTF-8 is read as bytes, for serde_json's precise error.
    let typed = match std::str::from_utf8(bytes) {
        Ok(text) => serde_json::from_str::<Network>(text),
        Err(_) => serde_json::from_slice::<Network>(bytes),
    };
    if let Ok(net) = typed.as_ref()
        && net.version == SCHEMA_VERSION
    {
        return typed.map(|net| (net, None)).map_err(|e| corrupt(path, &e));
    }
    // Otherwise read it as plain JSON to learn its version and say precisely what is wrong.
    let mut doc: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| corrupt(path, &e))?;
    let Some(obj) = doc.as_object_mut() else {
        return Err(corrupt_at(path, "the top level is not a JSON object".into(), 1, 1));
    };
    let Some(version) = migrate::version_of(obj) else {
        return Err(corrupt_at(path, "\"version\" is not a whole number".into(), 1, 1));
    };
    if version > u64::from(SCHEMA_VERSION) {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION,
            backup: backup::newest(path),
        });
    }
    if version == u64::from(SCHEMA_VERSION) {
        // Valid JSON of the current version that does not fit the schema.
        return Err(typed.err().map(|e| corrupt(path, &e)).unwrap_or_else(|| corrupt_at(path, "unknown".into(), 1, 1)));
    }
    migrate::migrate(obj);
    let net = serde_json::from_value(doc).map_err(|e| {
        corrupt_at(path, format!("after upgrading from schema {version}: {}", strip_position(&e)), 0, 0)
    })?;
    Ok((net, Some(version)))
}

fn corrupt(path: &Path, e: &serde_json::Error) -> StoreError {
    let reason = match e.classify() {
        serde_json::error::Category::Eof => "the file ends early (it may be truncated)".to_string(),
        _ => strip_position(e),
    };
    corrupt_at(path, reason, e.line(), e.column())
}

fn corrupt_at(path: &Path, reason: String, line: usize, column: usize) -> StoreError {
    StoreError::Corrupt { path: path.to_path_buf(), reason, line, column, backup: backup::newest(path) }
}

/// serde_json appends " at line L column C" to its messages; the position is reported
/// separately, so drop it from the reason.
fn strip_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_str(s: &str) -> Result<(Network, Option<u64>), StoreError> {
        decode(s.as_bytes(), Path::new("/nowhere/jejaring.json"))
    }

    #[test]
    fn current_files_decode_without_migration() {
        let (net, from) = decode_str(r#"{"version":1,"contacts":[],"interactions":[]}"#).unwrap();
        assert_eq!(net.version, 1);
        assert_eq!(from, None);
    }

    #[test]
    fn truncated_files_are_reported_with_a_position() {
        let err = decode_str("{\"version\":1,\n\"contacts\":[").unwrap_err();
        match err {
            StoreError::Corrupt { reason, line, .. } => {
                assert!(reason.contains("truncated"), "{reason}");
                assert_eq!(line, 2);
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn newer_versions_are_refused() {
        let err = decode_str(r#"{"version":99,"contacts":"whatever"}"#).unwrap_err();
        assert!(matches!(err, StoreError::TooNew { found: 99, .. }));
    }

    #[test]
    fn wrong_shapes_are_corrupt() {
        assert!(matches!(decode_str("[1,2]"), Err(StoreError::Corrupt { .. })));
        assert!(matches!(decode_str(r#"{"version":"x"}"#), Err(StoreError::Corrupt { .. })));
        assert!(matches!(decode_str(r#"{"version":1,"contacts":5}"#), Err(StoreError::Corrupt { .. })));
        assert!(matches!(decode_str(""), Err(StoreError::Corrupt { .. })));
    }

    #[test]
    fn text_and_bytes_report_the_same_positions() {
        let text = "{\"version\":1,\n\"contacts\":[{\"id\": 5}]}";
        let from_bytes = serde_json::from_slice::<Network>(text.as_bytes()).unwrap_err();
        match decode_str(text).unwrap_err() {
            StoreError::Corrupt { line, column, .. } => {
                assert_eq!((line, column), (from_bytes.line(), from_bytes.column()));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn files_that_are_not_utf8_are_corrupt_with_a_position() {
        let err = decode(b"{\"version\":1,\n\"contacts\":[{\"name\":\"\xff\"}]}", Path::new("/x.json")).unwrap_err();
        assert!(matches!(err, StoreError::Corrupt { line: 2, .. }), "{err:?}");
    }

    #[test]
    fn unknown_numbers_come_back_exactly() {
        // Without exact float parsing, the last digit of this one drifts on each save.
        let json = r#"{"version":1,"contacts":[],"interactions":[],"x_big":18446744073709551615,"x_score":1.0498474600242397e-206}"#;
        let (net, _) = decode_str(json).unwrap();
        assert_eq!(serde_json::to_string(&net).unwrap(), json);
    }

    #[test]
    fn unversioned_files_migrate() {
        let (net, from) = decode_str(r#"{"contacts":[]}"#).unwrap();
        assert_eq!(from, Some(0));
        assert_eq!(net.version, SCHEMA_VERSION);
    }
}
