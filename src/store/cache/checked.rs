//! The cache's note that its data file was already checked: what the data file looked
//! like on disk (size, inode, change time) when a command last hashed it and found the
//! bytes the cache was made from. A later command that finds the file looking the same
//! skips reading and hashing it, as git trusts a file whose stat data it recorded.
//!
//! The rule that keeps this exact: every write to a file sets its change time (ctime)
//! to the clock, and no program can set it back. A note is made only for a file whose
//! ctime was at least two seconds older than the note (file systems keep coarse times,
//! the coarsest in two-second steps): any later write then gives the file a later ctime,
//! so it no longer looks the same. A file changed within the same tick as it was checked
//! ("racily clean", in git's words) gets no note and is hashed every time until it
//! settles.
//!
//! The note sits in the cache's header, outside the body its hash covers, with a hash of
//! its own: a note that is torn or damaged is no note, and the file is hashed.

use super::Stamp;
use std::time::{Duration, SystemTime};
use xxhash_rust::xxh3::xxh3_64;

/// The note's size in the header: the stamp, the time of the check, what the data file
/// hashed to, and the note's own hash.
pub const SIZE: usize = 8 * 7 + 8 + 16 + 8;

/// How long a file must have been unchanged, by its ctime, before a note vouches for it.
const SETTLED: Duration = Duration::from_secs(2);

/// The note for a data file that looked like `stamp` when its bytes hashed to
/// `json_hash` at `now`; all zeros (no note) while the file is not yet settled.
pub fn note(stamp: Option<&Stamp>, json_hash: u128, now: SystemTime) -> [u8; SIZE] {
    let mut out = [0; SIZE];
    let Some(fields) = stamp.and_then(|s| fields(s).filter(|_| settled(s, now))) else { return out };
    let Ok(at) = now.duration_since(SystemTime::UNIX_EPOCH) else { return out };
    let mut w = &mut out[..];
    for f in fields.into_iter().chain([at.as_secs() as i64]) {
        put(&mut w, &f.to_le_bytes());
    }
    put(&mut w, &json_hash.to_le_bytes());
    let hash = xxh3_64(&out[..SIZE - 8]);
    out[SIZE - 8..].copy_from_slice(&hash.to_le_bytes());
    out
}

/// Whether `note` vouches that a data file that now looks like `stamp` still has the
/// bytes that hashed to `json_hash`.
pub fn vouches(note: &[u8], stamp: Option<&Stamp>, json_hash: u128) -> bool {
    let (Some(stamp), true) = (stamp, note.len() == SIZE) else { return false };
    let (body, hash) = note.split_at(SIZE - 8);
    if hash != xxh3_64(body).to_le_bytes() || note.iter().all(|&b| b == 0) {
        return false;
    }
    let Some(now) = fields(stamp) else { return false };
    let word = |n: usize| i64::from_le_bytes(body[n * 8..n * 8 + 8].try_into().unwrap_or_default());
    let recorded: Vec<i64> = (0..7).map(word).collect();
    let hashed = u128::from_le_bytes(body[64..80].try_into().unwrap_or_default());
    // The note was only made for a settled file, so a matching stamp is one no write
    // has touched since.
    recorded == now && hashed == json_hash
}

/// Whether a file looking like `stamp` had been left alone long enough at `now`.
fn settled(stamp: &Stamp, now: SystemTime) -> bool {
    stamp.changed().is_some_and(|changed| now.duration_since(changed).is_ok_and(|age| age >= SETTLED))
}

/// A stamp as the note keeps it; None where the platform gives no change time.
fn fields(stamp: &Stamp) -> Option<[i64; 7]> {
    #[cfg(unix)]
    {
        let (dev, ino, ctime, ctime_nsec) = stamp.inode;
        let (mtime, mtime_nsec) = stamp.modified_raw;
        Some([stamp.len as i64, dev as i64, ino as i64, ctime, ctime_nsec, mtime, mtime_nsec])
    }
    #[cfg(not(unix))]
    {
        let _ = stamp;
        None
    }
}

fn put(w: &mut &mut [u8], bytes: &[u8]) {
    let (head, rest) = std::mem::take(w).split_at_mut(bytes.len());
    head.copy_from_slice(bytes);
    *w = rest;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(ctime: i64) -> Stamp {
        Stamp {
            len: 10,
            modified: Some(SystemTime::UNIX_EPOCH + Duration::from_secs(ctime as u64)),
            #[cfg(unix)]
            modified_raw: (ctime, 5),
            #[cfg(unix)]
            inode: (1, 2, ctime, 7),
        }
    }

    fn at(secs: u64) -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(secs)
    }

    #[cfg(unix)]
    #[test]
    fn a_settled_file_is_vouched_for_while_it_looks_the_same() {
        let s = stamp(1_000);
        let n = note(Some(&s), 42, at(1_003));
        assert!(vouches(&n, Some(&s), 42));
        // Another hash, size, inode or change time: no.
        assert!(!vouches(&n, Some(&s), 43));
        assert!(!vouches(&n, Some(&Stamp { len: 11, ..stamp(1_000) }), 42));
        assert!(!vouches(&n, Some(&stamp(1_001)), 42));
        let mut moved = stamp(1_000);
        moved.inode.1 = 3;
        assert!(!vouches(&n, Some(&moved), 42));
        assert!(!vouches(&n, None, 42));
    }

    #[cfg(unix)]
    #[test]
    fn a_file_changed_within_the_last_two_seconds_gets_no_note() {
        let s = stamp(1_000);
        for now in [1_000, 1_001] {
            let n = note(Some(&s), 42, at(now));
            assert!(n.iter().all(|&b| b == 0), "checked {} s after the change", now - 1_000);
            assert!(!vouches(&n, Some(&s), 42));
        }
        // A change time in the future (a clock set back) is not settled either.
        assert!(note(Some(&s), 42, at(999)).iter().all(|&b| b == 0));
    }

    #[cfg(unix)]
    #[test]
    fn a_damaged_note_is_no_note() {
        let s = stamp(1_000);
        let n = note(Some(&s), 42, at(1_010));
        for byte in 0..SIZE {
            let mut damaged = n;
            damaged[byte] ^= 1;
            assert!(!vouches(&damaged, Some(&s), 42), "byte {byte} changed");
        }
        assert!(!vouches(&n[..SIZE - 1], Some(&s), 42));
    }
}
