//! The files the store keeps: where the data file is, opening it (and only a regular
//! file), its lock, the new file a save writes, and the errors named by path.

use super::{IoStep, LockKind, StoreError, lock};
use atomic_write_file::AtomicWriteFile;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The default data file: `jejaring.json` in the platform's data folder.
pub fn default_data_file() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "jejaring").map(|d| d.data_dir().join("jejaring.json"))
}

/// The file a data path stands for: a symbolic link is followed (to the end of a chain),
/// so a data file linked into a sync folder is saved there, and the link stays a link.
/// A save renames a new file over the path it is given; given the link, it would
/// replace the link with a plain file and quietly leave the synced copy behind.
pub fn follow_link(path: &Path) -> PathBuf {
    let mut path = path.to_path_buf();
    // A bound, so a loop of links cannot hang jejaring; the OS refuses such a file anyway.
    for _ in 0..40 {
        match std::fs::read_link(&path) {
            Ok(target) => path = parent(&path).join(target),
            Err(_) => break,
        }
    }
    path
}

/// Opens a file to read, refusing anything but a regular file: a device would be read
/// forever, a pipe would hang. `follow`: whether a symbolic link at `path` is followed
/// (the data file's own path) or refused (the paths jejaring makes beside it).
pub(super) fn open_regular(path: &Path, follow: bool) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Not blocking: opening a pipe must not wait for a writer (it is refused below).
        let no_follow = if follow { 0 } else { libc::O_NOFOLLOW };
        options.custom_flags(libc::O_NONBLOCK | no_follow);
    }
    let file = options.open(path).map_err(|e| not_through_link(path, e))?;
    if !file.metadata()?.is_file() {
        return Err(not_regular(path));
    }
    Ok(file)
}

/// Creates a folder (and those above it) readable by its owner only.
pub(super) fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Marks an I/O error as "not a regular file", which the store reports as a refusal.
#[derive(Debug, thiserror::Error)]
#[error("{0} is not a regular file")]
pub(super) struct NotRegular(pub(super) PathBuf);

pub(super) fn not_regular(path: &Path) -> io::Error {
    io::Error::other(NotRegular(path.to_path_buf()))
}

/// Opening with no-follow fails with ELOOP on a link; that is "not a regular file" too.
pub(super) fn not_through_link(path: &Path, e: io::Error) -> io::Error {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        return not_regular(path);
    }
    #[cfg(not(unix))]
    let _ = path;
    e
}

/// The data file's bytes, read whole to be parsed. Files are read rather than mapped: a
/// map of a file that another program rewrites in place would change under the slices
/// decoded from it, and nothing can promise that no program ever will.
pub(super) fn read_file(file: &File) -> io::Result<Vec<u8>> {
    let len = file.metadata()?.len();
    let mut bytes = Vec::with_capacity(len as usize);
    // Nothing moved the file's position: the check against the cache reads by position.
    // No more than the file's size is read: a read allocates only what the file holds.
    io::Read::read_to_end(&mut io::Read::take(file, len), &mut bytes)?;
    Ok(bytes)
}

pub(super) fn io_error(step: IoStep, path: &Path, source: io::Error) -> StoreError {
    // Named by the offending path (a link at the backups folder names the folder).
    if let Some(NotRegular(path)) = source.get_ref().and_then(|e| e.downcast_ref::<NotRegular>()) {
        return StoreError::NotRegular { path: path.clone() };
    }
    StoreError::Io { step, path: path.to_path_buf(), source }
}

pub(super) fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The lock file that guards `data`.
pub fn lock_path(data: &Path) -> PathBuf {
    let mut name = data.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    data.with_file_name(name)
}

pub(super) fn take_lock(data: &Path, kind: LockKind, wait: Duration, on_wait: impl FnOnce()) -> anyhow::Result<File> {
    let path = lock_path(data);
    match lock::acquire(&path, kind, wait, on_wait).map_err(|e| io_error(IoStep::Lock, &path, e))? {
        lock::Locked::Held(file) => Ok(file),
        lock::Locked::TimedOut => {
            Err(StoreError::Locked { path: data.to_path_buf(), waited_secs: wait.as_secs_f64() }.into())
        }
    }
}

/// A new file beside `path` that replaces it atomically on `commit` (and vanishes if
/// dropped before).
pub(super) fn new_file(path: &Path) -> io::Result<AtomicWriteFile> {
    let mut options = AtomicWriteFile::options();
    #[cfg(unix)]
    {
        use atomic_write_file::unix::OpenOptionsExt as _;
        use std::os::unix::fs::OpenOptionsExt;
        // Relationship notes are private: the new file is readable by its owner only,
        // even when the file it replaces had a looser mode (restored with `export json >`).
        options.mode(0o600).preserve_mode(false);
    }
    options.open(path)
}
