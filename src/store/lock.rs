//! The lock around every read-modify-write: OS file locks on `<data>.lock`, a file of its
//! own that is never deleted. (Locking the data file itself would not work: each save
//! renames a new file over it, and the lock would stay on the old one.)
//!
//! Waiting is fair, so a stream of readers cannot starve a writer. A plain shared lock
//! lets each new reader in while a writer waits for the last one to leave, and with a
//! few readers in a loop that moment never comes. So the file carries two locks:
//! - the gate, a `flock` of the whole file: a writer holds it exclusively for its whole
//!   run; a reader holds it only for the instant it takes to get in;
//! - the room (Linux), an open-file-description lock (`F_OFD_SETLKW`) on the same file:
//!   shared by readers, exclusive for a writer.
//!
//! A waiting writer holds the gate, so no new reader gets in; it waits only for the
//! readers already inside. Both waits block in the kernel (no polling), on a thread of
//! their own so that the wait can be bounded. Elsewhere the gate alone is the lock
//! (shared for readers), as before. Another program that locks the file with `flock`
//! holds the gate, and so still keeps every jejaring out.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::Path;
use std::time::Duration;

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
    /// Other jejaring commands kept it for longer than the bound.
    TimedOut,
}

/// How long a wait may last before the user is told about it: readers pass through
/// the gate in an instant, and one that meets another there has nothing to report.
const QUIET_WAIT: Duration = Duration::from_millis(200);

/// Takes the lock, waiting up to `bound`. `on_wait` is called once, when the lock has
/// been busy for a moment, so the user hears why nothing is happening.
pub fn acquire(path: &Path, kind: LockKind, bound: Duration, on_wait: impl FnOnce()) -> io::Result<Locked> {
    let file = open(path)?;
    // The common case takes no thread: nobody else is in.
    if let Some(file) = try_enter(file, kind)? {
        return Ok(Locked::Held(file));
    }
    let file = open(path)?;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        // If the caller gave up meanwhile, the send fails and dropping the file lets go.
        let _ = tx.send(enter(file, kind));
    });
    let quiet = QUIET_WAIT.min(bound);
    let entered = match rx.recv_timeout(quiet) {
        Ok(entered) => entered,
        Err(_) => {
            on_wait();
            match rx.recv_timeout(bound - quiet) {
                Ok(entered) => entered,
                // The thread stays blocked in the kernel; the process is about to report
                // the error and end, and if it did get the lock meanwhile it lets it go.
                Err(_) => return Ok(Locked::TimedOut),
            }
        }
    };
    entered.map(Locked::Held)
}

/// Opens (or creates) the lock file: owner-only, never through a symbolic link planted
/// at its name, and never anything but a regular file (opening a pipe must not hang).
fn open(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).read(true).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| super::not_through_link(path, e))?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(super::not_regular(path));
    }
    // A lock file an older jejaring made readable by others is made owner-only; but
    // only a file that is nothing else: a hard link planted at the lock's name (one
    // more name for someone's other file) or a file of someone other than the folder's
    // owner keeps its mode.
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        // The folder's owner stands for the user: its data lives there.
        let mine = path.parent().and_then(|p| std::fs::metadata(p).ok()).is_some_and(|d| d.uid() == meta.uid());
        if meta.permissions().mode() & 0o077 != 0 && meta.nlink() == 1 && mine {
            let _ = file.set_permissions(std::fs::Permissions::from_mode(0o600));
        }
    }
    Ok(file)
}

/// Tries to get in without waiting: the file back when in, None when busy.
fn try_enter(file: File, kind: LockKind) -> io::Result<Option<File>> {
    let gate = match (kind, ROOM) {
        (LockKind::Shared, false) => file.try_lock_shared(),
        _ => file.try_lock(),
    };
    match gate {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => return Ok(None),
        Err(TryLockError::Error(e)) => return Err(e),
    }
    if ROOM {
        if !room(&file, kind, false)? {
            return Ok(None);
        }
        if kind == LockKind::Shared {
            file.unlock()?;
        }
    }
    Ok(Some(file))
}

/// Gets in, waiting as long as it takes.
fn enter(file: File, kind: LockKind) -> io::Result<File> {
    match (kind, ROOM) {
        (LockKind::Shared, false) => file.lock_shared()?,
        _ => file.lock()?,
    }
    if ROOM {
        room(&file, kind, true)?;
        if kind == LockKind::Shared {
            file.unlock()?;
        }
    }
    Ok(file)
}

#[cfg(target_os = "linux")]
const ROOM: bool = true;
#[cfg(not(target_os = "linux"))]
const ROOM: bool = false;

/// Takes the room's lock (see the module note); false when `wait` is off and it is busy.
#[cfg(target_os = "linux")]
fn room(file: &File, kind: LockKind, wait: bool) -> io::Result<bool> {
    use nix::fcntl::{FcntlArg, fcntl};
    let l_type = match kind {
        LockKind::Shared => libc::F_RDLCK,
        LockKind::Exclusive => libc::F_WRLCK,
    };
    // The whole file (a length of 0 reaches to its end, whatever it becomes).
    let range = libc::flock { l_type: l_type as i16, l_whence: libc::SEEK_SET as i16, l_start: 0, l_len: 0, l_pid: 0 };
    let arg = || if wait { FcntlArg::F_OFD_SETLKW(&range) } else { FcntlArg::F_OFD_SETLK(&range) };
    loop {
        match fcntl(file, arg()) {
            Ok(_) => return Ok(true),
            Err(nix::errno::Errno::EINTR) => continue,
            Err(nix::errno::Errno::EAGAIN | nix::errno::Errno::EACCES) if !wait => return Ok(false),
            Err(e) => return Err(e.into()),
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn room(_: &File, _: LockKind, _: bool) -> io::Result<bool> {
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_moment_at_the_gate_is_not_reported_as_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data.lock");
        let other = open(&path).unwrap();
        other.lock().unwrap();
        // Another jejaring passing through the gate: it lets go after a moment.
        let release = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(20));
            drop(other);
        });
        let mut told = false;
        let got = acquire(&path, LockKind::Shared, Duration::from_secs(30), || told = true).unwrap();
        assert!(matches!(got, Locked::Held(_)));
        assert!(!told, "a wait of a moment says nothing");
        release.join().unwrap();
    }
}
