//! The lock around every read-modify-write: an OS file lock on `<data>.lock`, a file of
//! its own that is never deleted. (Locking the data file itself would not work: each
//! save renames a new file over it, and the lock would stay on the old one.)

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;
use std::time::{Duration, Instant};

/// Shared for reading, exclusive for read-modify-write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockKind {
    Shared,
    Exclusive,
}

/// What happened while taking the lock.
pub enum Locked {
    /// The lock is held until the file is dropped.
    Held(File),
    /// Someone else held it for longer than the bound.
    TimedOut,
}

/// Takes the lock, waiting up to `bound`. `on_wait` is called once, the first time the
/// lock is busy, so the user hears why nothing is happening.
pub fn acquire(path: &Path, kind: LockKind, bound: Duration, on_wait: impl FnOnce()) -> std::io::Result<Locked> {
    let file = OpenOptions::new().create(true).truncate(false).write(true).open(path)?;
    let try_lock = |f: &File| match kind {
        LockKind::Shared => f.try_lock_shared(),
        LockKind::Exclusive => f.try_lock(),
    };
    let start = Instant::now();
    let mut on_wait = Some(on_wait);
    let mut pause = Duration::from_millis(2);
    loop {
        match try_lock(&file) {
            Ok(()) => return Ok(Locked::Held(file)),
            Err(TryLockError::Error(e)) => return Err(e),
            Err(TryLockError::WouldBlock) => {}
        }
        if start.elapsed() >= bound {
            return Ok(Locked::TimedOut);
        }
        if let Some(tell) = on_wait.take() {
            tell();
        }
        std::thread::sleep(pause);
        // Back off gently: quick retries for the common short wait, then calmer polling.
        pause = (pause * 2).min(Duration::from_millis(50));
    }
}
