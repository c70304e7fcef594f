//! Rolling backups of the data file: before each save the previous file is kept in
//! `<data>.backups/`; the newest 20 stay, plus the newest of each day for 30 days.
//!
//! A backup is a hard link to the old file when the filesystem allows it: the save is
//! about to rename a new file over the data path, so the old contents live on under the
//! backup name at no cost. Where links are not possible the file is copied.

use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// How many of the most recent backups are always kept.
pub const KEEP_RECENT: usize = 20;
/// For how many days the newest backup of each day is kept.
pub const KEEP_DAYS: i64 = 30;

/// The name format of a rolling backup; lexical order is time order.
const STAMP: &str = "%Y%m%dT%H%M%S%.3fZ";

/// Where backups of `data` live.
pub fn folder(data: &Path) -> PathBuf {
    let mut name = data.file_name().unwrap_or_default().to_os_string();
    name.push(".backups");
    data.with_file_name(name)
}

/// Keeps the current data file as a backup (named by `at`), then prunes old backups.
/// `label` distinguishes special backups (such as before a migration), which are never pruned.
pub fn keep(data: &Path, at: DateTime<Utc>, label: Option<&str>) -> io::Result<PathBuf> {
    let dir = folder(data);
    fs::create_dir_all(&dir)?;
    let stamp = at.format(STAMP).to_string();
    let base = match label {
        Some(label) => format!("{label}-{stamp}"),
        None => stamp,
    };
    let mut target = dir.join(format!("{base}.json"));
    let mut n = 1;
    while target.exists() {
        target = dir.join(format!("{base}-{n}.json"));
        n += 1;
    }
    if fs::hard_link(data, &target).is_err() {
        fs::copy(data, &target)?;
    }
    if label.is_none() {
        prune(&dir, at.date_naive())?;
    }
    Ok(target)
}

/// The newest backup of any kind, to point the user at when the data file is refused.
pub fn newest(data: &Path) -> Option<PathBuf> {
    let entries = fs::read_dir(folder(data)).ok()?;
    entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
        .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok())
        .map(|e| e.path())
}

fn prune(dir: &Path, today: NaiveDate) -> io::Result<()> {
    let mut rolling: Vec<(String, NaiveDate)> = Vec::new();
    for entry in fs::read_dir(dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if let Some(day) = rolling_day(&name) {
            rolling.push((name, day));
        }
    }
    for name in to_delete(rolling, today) {
        // A backup that vanished meanwhile is no loss; anything else is worth reporting.
        match fs::remove_file(dir.join(&name)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

/// The day of a rolling backup's name, or None for files that are not rolling backups.
fn rolling_day(name: &str) -> Option<NaiveDate> {
    let stem = name.strip_suffix(".json")?;
    let date = stem.get(..8)?;
    if stem.as_bytes().get(8) != Some(&b'T') {
        return None;
    }
    NaiveDate::parse_from_str(date, "%Y%m%d").ok()
}

/// The retention rule, pure: which of the named backups to delete.
fn to_delete(mut backups: Vec<(String, NaiveDate)>, today: NaiveDate) -> Vec<String> {
    backups.sort();
    backups.reverse(); // newest first
    let mut keep: HashSet<&str> = backups.iter().take(KEEP_RECENT).map(|(n, _)| n.as_str()).collect();
    let mut days_seen = HashSet::new();
    for (name, day) in &backups {
        let age = (today - *day).num_days();
        if age < KEEP_DAYS && days_seen.insert(*day) {
            keep.insert(name);
        }
    }
    backups.iter().filter(|(n, _)| !keep.contains(n.as_str())).map(|(n, _)| n.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Days;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn names_sort_by_time_and_carry_their_day() {
        let at: DateTime<Utc> = "2026-11-28T10:11:12.345Z".parse().unwrap();
        let name = format!("{}.json", at.format(STAMP));
        assert_eq!(name, "20261128T101112.345Z.json");
        assert_eq!(rolling_day(&name), Some(day("2026-11-28")));
        assert_eq!(rolling_day("pre-migration-v0-20261128T101112.345Z.json"), None);
        assert_eq!(rolling_day("notes.txt"), None);
    }

    #[test]
    fn keeps_the_newest_twenty() {
        let today = day("2026-11-28");
        let backups: Vec<_> = (0..30).map(|i| (format!("20261128T1000{i:02}.000Z.json"), today)).collect();
        let deleted = to_delete(backups, today);
        assert_eq!(deleted.len(), 10);
        assert!(deleted.iter().all(|n| n.as_str() < "20261128T100010.000Z.json"));
    }

    #[test]
    fn keeps_one_a_day_for_thirty_days() {
        let today = day("2026-11-28");
        let mut backups = Vec::new();
        // Three backups a day for 40 days, newest day first.
        for d in 0..40u64 {
            let date = today.checked_sub_days(Days::new(d)).unwrap();
            for h in 0..3 {
                backups.push((format!("{}T0{h}0000.000Z.json", date.format("%Y%m%d")), date));
            }
        }
        let deleted: HashSet<String> = to_delete(backups.clone(), today).into_iter().collect();
        let kept: Vec<_> = backups.iter().filter(|(n, _)| !deleted.contains(n)).collect();
        // 20 most recent cover the first 7 days (3 a day, minus one), then one a day to day 29.
        let days: HashSet<_> = kept.iter().map(|(_, d)| *d).collect();
        assert_eq!(days.len(), 30);
        assert!(kept.iter().all(|(_, d)| (today - *d).num_days() < 30));
        // Of a day beyond the recent twenty, only its newest backup is kept.
        let old = today.checked_sub_days(Days::new(20)).unwrap();
        let of_old: Vec<_> = kept.iter().filter(|(_, d)| *d == old).collect();
        assert_eq!(of_old.len(), 1);
        assert!(of_old[0].0.contains("T020000"));
    }
}
