//! Cleaning up after saves that were killed: their temp files, and what they left in
//! the backups folder.
//!
//! A save writes the new data file as an unnamed temp file where the platform has them
//! (Linux), which vanishes with the process; it gets a name only for the instant before
//! the rename. The cache, and saves elsewhere, use named temp files. A killed process
//! leaves those behind, each as big as the file, and a sync folder would upload them.
//!
//! The sweep runs at the start of every save, under the exclusive lock. Every jejaring
//! that writes the data file or its cache holds the lock while it does, so no save is
//! live and every temp file found is one whose process is gone. Only names jejaring
//! makes are touched: `.<data file>.XXXXXX` and `.<data file>.cache.XXXXXX`, regular
//! files, never links.

use std::fs;
use std::path::Path;

/// Removes stale temp files beside `data` and settles its backups folder. Best effort:
/// a leftover that cannot be removed now is tried again by the next save.
pub(super) fn leftovers(data: &Path) {
    let Some(name) = data.file_name().map(|n| n.to_string_lossy().into_owned()) else { return };
    if let Ok(entries) = fs::read_dir(super::parent(data)) {
        for entry in entries.flatten() {
            if entry.file_type().is_ok_and(|t| t.is_file()) && is_temp(&name, &entry.file_name().to_string_lossy()) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
    let _ = super::backup::settle(data);
}

/// Whether `file` is one of the temp files a save of `data` makes.
fn is_temp(data: &str, file: &str) -> bool {
    let Some(rest) = file.strip_prefix('.').and_then(|f| f.strip_prefix(data)).and_then(|f| f.strip_prefix('.')) else {
        return false;
    };
    let random = rest.strip_prefix("cache.").unwrap_or(rest);
    random.len() == 6 && random.bytes().all(|b| b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_names_a_save_makes_are_temp_files() {
        for temp in [".jejaring.json.Ab3xZ9", ".jejaring.json.cache.q1W2e3"] {
            assert!(is_temp("jejaring.json", temp), "{temp}");
        }
        for other in [
            "jejaring.json",
            "jejaring.json.cache",
            "jejaring.json.lock",
            ".jejaring.json.Ab3xZ",
            ".jejaring.json.Ab3xZ9x",
            ".jejaring.json.cache",
            ".jejaring.json.bak",
            ".jejaring.json.ab-xz9",
            ".other.json.Ab3xZ9",
            "jejaring.json.Ab3xZ9",
        ] {
            assert!(!is_temp("jejaring.json", other), "{other}");
        }
    }
}
