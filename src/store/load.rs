//! Opening the data file: its lock, then the network from the cache when the cache
//! holds it, else parsed from the JSON (and cached for the next command).

use super::{
    Access, IoStep, LockKind, StoreError, cache, create_private_dir, decode, follow_link, io_error, open_regular,
    parent, read_file, take_lock,
};
use crate::model::Network;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A data file opened to read or change, its lock taken, nothing read yet.
pub(super) struct Opened {
    /// The data file's own path (a link followed).
    pub(super) path: PathBuf,
    pub(super) lock: Option<File>,
    /// None when there is no file yet: an empty network.
    pub(super) file: Option<File>,
}

impl Opened {
    pub(super) fn new(
        path: &Path,
        access: Access,
        lock_wait: Duration,
        on_wait: impl FnOnce(),
    ) -> anyhow::Result<Opened> {
        let path = follow_link(path);
        // Checked before the lock, so a device or pipe never gets a lock file beside it.
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => return Err(StoreError::IsFolder { path }.into()),
            Ok(m) if !m.is_file() => return Err(StoreError::NotRegular { path }.into()),
            _ => {}
        }
        let lock = match access {
            Access::Demo => None,
            Access::Write => {
                let dir = parent(&path);
                create_private_dir(dir).map_err(|e| io_error(IoStep::CreateFolder, dir, e))?;
                Some(take_lock(&path, LockKind::Exclusive, lock_wait, on_wait)?)
            }
            // A reader locks only when it can: a missing folder means there is no data to
            // protect, and a read-only folder must still be readable.
            Access::Read if parent(&path).is_dir() => take_lock(&path, LockKind::Shared, lock_wait, on_wait).ok(),
            Access::Read => None,
        };
        let file = match open_regular(&path, true) {
            Ok(file) => Some(file),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(io_error(IoStep::Read, &path, e).into()),
        };
        Ok(Opened { path, lock, file })
    }
}

/// The network in the data file: from the cache when it was made from exactly the
/// file's bytes, else parsed (and then, if `refresh_cache`, cached for the next command).
/// With what a save needs of the file read when `for_save`.
#[allow(clippy::type_complexity)]
pub(super) fn load(
    file: File,
    path: &Path,
    refresh_cache: bool,
    for_save: bool,
) -> Result<(Network, Option<u64>, Option<cache::Prior>), StoreError> {
    let unused = match cache::read_with(path, file, |checked| checked.network(for_save)) {
        Ok(((net, places), checked)) => return Ok((net, None, places.map(|p| checked.prior(p)))),
        Err(unused) => unused,
    };
    let (net, migrated_from) = parse(unused, path, refresh_cache)?;
    Ok((net, migrated_from, None))
}

/// The data file parsed whole (and cached for the next command, if `refresh_cache`).
pub(super) fn parse(
    (file, stamp): cache::Unused,
    path: &Path,
    refresh_cache: bool,
) -> Result<(Network, Option<u64>), StoreError> {
    let bytes = read_file(&file).map_err(|e| io_error(IoStep::Read, path, e))?;
    let (mut net, migrated_from) = decode(&bytes, path)?;
    // A migrated network is cached by its first save, so the save still knows to keep
    // the pre-migration backup.
    if refresh_cache && migrated_from.is_none() {
        let _ = cache::encode(&bytes, &mut net, stamp.as_ref(), path).and_then(|c| c.write(path));
    }
    Ok((net, migrated_from))
}
