//! Rolling backups of the data file: before each save the previous file is kept in
//! `<data>.backups/`; the newest 20 stay, plus the newest of each day for 30 days.
//!
//! A backup is a hard link to the old file when the filesystem allows it: the save is
//! about to rename a new file over the data path, so the old contents live on under the
//! backup name at no cost. Where links are not possible, or the old file is readable by
//! others (a link would share that mode), the file is copied, owner-only.
//!
//! The link is made under a hidden name (the backup's name after a dot) and given its
//! real name only once the new data file is in place. Until then it *is* the live file,
//! and a backup that shares the live file's inode is a trap: restoring it with `cp`
//! would also rewrite the backup. A save killed in between leaves the hidden link, which
//! the next save settles (`settle`): still the live file, it goes; otherwise it is the
//! previous file and takes its name.
//!
//! Only names jejaring makes, on regular files, count as backups: links, folders and
//! other names planted in the folder are never followed, written or pruned.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
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
/// How long a stamp is: `20261128T101112.345Z`.
const STAMP_LEN: usize = 20;
/// The prefix of a backup kept before a migration (never pruned).
const MIGRATION: &str = "pre-migration-v";

/// Where backups of `data` live.
pub fn folder(data: &Path) -> PathBuf {
    let mut name = data.file_name().unwrap_or_default().to_os_string();
    name.push(".backups");
    data.with_file_name(name)
}

/// The backups folder, created owner-only if missing; a link or a file in its place is
/// refused rather than written through.
fn ensure_folder(data: &Path) -> io::Result<PathBuf> {
    let dir = folder(data);
    match fs::symlink_metadata(&dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => return Err(super::not_regular(&dir)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => super::create_private_dir(&dir)?,
        Err(e) => return Err(e),
    }
    Ok(dir)
}

/// A backup of the current data file, under its hidden name until `finish`.
pub struct Pending {
    hidden: PathBuf,
    target: PathBuf,
    rolling: bool,
}

/// Keeps the current data file as a backup (named by `at`), under a hidden name until
/// `Pending::finish`. `label` distinguishes special backups (such as before a
/// migration), which are never pruned.
pub fn prepare(data: &Path, at: DateTime<Utc>, label: Option<&str>) -> io::Result<Pending> {
    let dir = ensure_folder(data)?;
    let stamp = at.format(STAMP).to_string();
    let base = match label {
        Some(label) => format!("{label}-{stamp}"),
        None => stamp,
    };
    let mut n = 0;
    loop {
        let name = if n == 0 { format!("{base}.json") } else { format!("{base}-{n}.json") };
        n += 1;
        let (target, hidden) = (dir.join(&name), dir.join(format!(".{name}")));
        // Whatever holds a name (even a dangling link) makes the next name be tried.
        if fs::symlink_metadata(&target).is_ok() || fs::symlink_metadata(&hidden).is_ok() {
            continue;
        }
        // A data file readable by others (restored with `export json >`) is copied, so
        // the backup is owner-only; linking would give it the same loose mode.
        let linked = if private(data)? { fs::hard_link(data, &hidden) } else { Err(io::ErrorKind::Other.into()) };
        match linked {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(_) => copy_new(data, &hidden)?,
        }
        return Ok(Pending { hidden, target, rolling: label.is_none() });
    }
}

/// Whether `path` is readable and writable by its owner only.
fn private(path: &Path) -> io::Result<bool> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Ok(fs::metadata(path)?.permissions().mode() & 0o077 == 0)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(true)
    }
}

impl Pending {
    /// Drops the backup of a save that failed: the data file is still the one it names.
    pub fn abandon(self) {
        let _ = fs::remove_file(&self.hidden);
    }

    /// Gives the backup its name, now that the data file is a new file; then prunes.
    pub fn finish(self, now: DateTime<Utc>) -> io::Result<PathBuf> {
        // A rename replaces whatever was planted at the name; it never writes through it.
        fs::rename(&self.hidden, &self.target)?;
        if self.rolling {
            prune(super::parent(&self.target), now.naive_utc())?;
        }
        Ok(self.target)
    }
}

/// Copies `from` into a new file `to`, owner-only; fails rather than follow anything
/// already at `to`.
fn copy_new(from: &Path, to: &Path) -> io::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut out = options.open(to)?;
    let copied = io::copy(&mut fs::File::open(from)?, &mut out).and_then(|_| out.sync_all());
    if copied.is_err() {
        let _ = fs::remove_file(to);
    }
    copied
}

/// Repairs what a killed save can leave in the backups folder, under the writer's lock:
/// a hidden backup is settled (see the module note), and a backup that is the live file
/// itself (an older jejaring linked it before the rename) becomes a copy of its own.
pub fn settle(data: &Path) -> io::Result<()> {
    let Ok(entries) = fs::read_dir(folder(data)) else { return Ok(()) };
    let live = fs::metadata(data).ok();
    let is_live = |path: &Path| match (&live, fs::symlink_metadata(path)) {
        (Some(live), Ok(m)) => same_file(live, &m),
        _ => false,
    };
    let dir = folder(data);
    for entry in entries {
        let entry = entry?;
        if !entry.file_type()?.is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        match name.strip_prefix('.') {
            Some(real) if backup_time(real).is_some() => {
                if is_live(&path) {
                    fs::remove_file(&path)?;
                } else {
                    fs::rename(&path, dir.join(real))?;
                }
            }
            Some(_) => {}
            None if backup_time(&name).is_some() && is_live(&path) => {
                let hidden = dir.join(format!(".{name}"));
                copy_new(data, &hidden)?;
                fs::rename(&hidden, &path)?;
            }
            None => {}
        }
    }
    Ok(())
}

/// Whether two files are one (the same inode on the same device).
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

/// The newest backup of any kind, to point the user at when the data file is refused.
pub fn newest(data: &Path) -> Option<PathBuf> {
    let entries = fs::read_dir(folder(data)).ok()?;
    entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| backup_time(&e.file_name().to_string_lossy()).is_some())
        .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok())
        .map(|e| e.path())
}

fn prune(dir: &Path, now: NaiveDateTime) -> io::Result<()> {
    let mut rolling: Vec<(String, NaiveDateTime)> = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        // A link or a folder under a backup's name is not a backup jejaring made.
        if !entry.file_type()?.is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(at) = rolling_time(&name) {
            rolling.push((name, at));
        }
    }
    for name in to_delete(rolling, now) {
        // A backup that vanished meanwhile is no loss; anything else is worth reporting.
        match fs::remove_file(dir.join(&name)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

/// When a backup of either kind was made, by its name; None for names jejaring does not make.
fn backup_time(name: &str) -> Option<NaiveDateTime> {
    match name.strip_prefix(MIGRATION) {
        Some(rest) => {
            let digits = rest.find(|c: char| !c.is_ascii_digit())?;
            rolling_time(rest[digits..].strip_prefix('-').filter(|_| digits > 0)?)
        }
        None => rolling_time(name),
    }
}

/// The time in a rolling backup's name (`<stamp>.json` or `<stamp>-<n>.json`), or None
/// for any other name.
fn rolling_time(name: &str) -> Option<NaiveDateTime> {
    let stem = name.strip_suffix(".json")?;
    let stamp = stem.get(..STAMP_LEN)?;
    let rest = &stem[STAMP_LEN..];
    if let Some(n) = rest.strip_prefix('-') {
        if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    } else if !rest.is_empty() {
        return None;
    }
    NaiveDateTime::parse_from_str(stamp, STAMP).ok()
}

/// The retention rule, pure: which of the named backups to delete, at `now`.
///
/// Names are stamped by the clock of the moment, so their order is time order, except
/// for a name stamped after `now`: a clock that once ran ahead made it, earlier than any
/// backup stamped since. Such backups count as the oldest of all, and their day (which
/// never was) keeps none of them; otherwise they would outrank every new backup until
/// the real clock caught up.
fn to_delete(mut backups: Vec<(String, NaiveDateTime)>, now: NaiveDateTime) -> Vec<String> {
    backups.sort_by(|(a_name, a), (b_name, b)| {
        // Newest first: present ones by time, then the future-dated ones.
        (*b <= now, b, b_name).cmp(&(*a <= now, a, a_name))
    });
    let mut keep: HashSet<&str> = backups.iter().take(KEEP_RECENT).map(|(n, _)| n.as_str()).collect();
    let mut days_seen: HashSet<NaiveDate> = HashSet::new();
    let today = now.date();
    for (name, at) in &backups {
        let age = (today - at.date()).num_days();
        if (0..KEEP_DAYS).contains(&age) && days_seen.insert(at.date()) {
            keep.insert(name);
        }
    }
    backups.iter().filter(|(n, _)| !keep.contains(n.as_str())).map(|(n, _)| n.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Days;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, STAMP).unwrap()
    }

    fn named(stamp: String) -> (String, NaiveDateTime) {
        let time = at(&stamp);
        (format!("{stamp}.json"), time)
    }

    #[test]
    fn names_sort_by_time_and_carry_their_time() {
        let when: DateTime<Utc> = "2026-11-28T10:11:12.345Z".parse().unwrap();
        let name = format!("{}.json", when.format(STAMP));
        assert_eq!(name, "20261128T101112.345Z.json");
        assert_eq!(rolling_time(&name), Some(when.naive_utc()));
        assert_eq!(rolling_time("20261128T101112.345Z-3.json"), Some(when.naive_utc()));
        assert_eq!(rolling_time("pre-migration-v0-20261128T101112.345Z.json"), None);
        assert_eq!(backup_time("pre-migration-v0-20261128T101112.345Z.json"), Some(when.naive_utc()));
        for other in ["notes.txt", "20261128T101112.345Z.json.txt", "20261128T101112.345Zx.json", "20261128T1.json"] {
            assert_eq!(rolling_time(other), None, "{other}");
        }
        assert_eq!(backup_time("pre-migration-v-20261128T101112.345Z.json"), None);
    }

    #[test]
    fn keeps_the_newest_twenty() {
        let now = at("20261128T120000.000Z");
        let backups: Vec<_> = (0..30).map(|i| named(format!("20261128T1000{i:02}.000Z"))).collect();
        let deleted = to_delete(backups, now);
        assert_eq!(deleted.len(), 10);
        assert!(deleted.iter().all(|n| n.as_str() < "20261128T100010.000Z.json"));
    }

    #[test]
    fn keeps_one_a_day_for_thirty_days() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let now = at("20261128T235959.000Z");
        let mut backups = Vec::new();
        // Three backups a day for 40 days, newest day first.
        for d in 0..40u64 {
            let date = today.checked_sub_days(Days::new(d)).unwrap();
            for h in 0..3 {
                backups.push(named(format!("{}T0{h}0000.000Z", date.format("%Y%m%d"))));
            }
        }
        let deleted: HashSet<String> = to_delete(backups.clone(), now).into_iter().collect();
        let kept: Vec<_> = backups.iter().filter(|(n, _)| !deleted.contains(n)).collect();
        // 20 most recent cover the first 7 days (3 a day, minus one), then one a day to day 29.
        let days: HashSet<_> = kept.iter().map(|(_, t)| t.date()).collect();
        assert_eq!(days.len(), 30);
        assert!(kept.iter().all(|(_, t)| (today - t.date()).num_days() < 30));
        // Of a day beyond the recent twenty, only its newest backup is kept.
        let old = today.checked_sub_days(Days::new(20)).unwrap();
        let of_old: Vec<_> = kept.iter().filter(|(_, t)| t.date() == old).collect();
        assert_eq!(of_old.len(), 1);
        assert!(of_old[0].0.contains("T020000"));
    }

    #[test]
    fn backups_dated_in_the_future_do_not_crowd_out_todays() {
        let now = at("20261128T120000.000Z");
        // Thirty backups from a clock that ran a year ahead, then twenty-five today.
        let mut backups: Vec<_> = (0..30).map(|i| named(format!("20271128T1000{i:02}.000Z"))).collect();
        backups.extend((0..25).map(|i| named(format!("20261128T1100{i:02}.000Z"))));
        let deleted: HashSet<String> = to_delete(backups, now).into_iter().collect();
        // Today's newest twenty stay; every future-dated one goes, and so do today's oldest.
        assert_eq!(deleted.len(), 35, "{deleted:?}");
        assert!(deleted.iter().filter(|n| n.starts_with("2027")).count() == 30);
        assert!((5..25).all(|i| !deleted.contains(&format!("20261128T1100{i:02}.000Z.json"))));
    }

    #[test]
    fn future_dated_backups_stay_while_there_are_few_others() {
        let now = at("20261128T120000.000Z");
        let mut backups: Vec<_> = (0..3).map(|i| named(format!("20271128T1000{i:02}.000Z"))).collect();
        backups.extend((0..5).map(|i| named(format!("20261128T1100{i:02}.000Z"))));
        assert_eq!(to_delete(backups, now), Vec::<String>::new());
    }
}
