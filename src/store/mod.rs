//! The data file: load (with migration), lock, crash-safe save and backups.
//!
//! The life of a command: `Store::open` takes the lock (shared to read, exclusive to
//! change), reads the network from the cache when it matches the file (see `cache`) or
//! else parses and checks the file, and hands out the `Network`. `Store::open_write`
//! gives a `Writer` instead, the one type with a `save`, which writes the new file beside
//! the old one, keeps a backup of the previous file and replaces it atomically; dropping
//! either releases the lock. A store opened to read has no `save` at all, so a read
//! command cannot write the data file. A command that shows less than the network reads
//! a part of it instead (`Store::open_roster`, `Store::open_rows`, `Store::open_part`;
//! see `part`).
//!
//! A file that does not parse, or that a newer version wrote, is refused with its path,
//! the position of the problem and the newest backup, and is never written.

pub mod backup;
pub mod cache;
mod error;
mod files;
mod load;
mod lock;
pub mod migrate;
mod parse;
pub mod part;
#[cfg(test)]
mod part_tests;
#[cfg(test)]
mod roundtrip_tests;
mod sweep;
#[cfg(test)]
mod tests;

pub use error::{IoStep, StoreError};
use files::{
    create_private_dir, io_error, new_file, not_regular, not_through_link, open_regular, parent, read_file, take_lock,
};
pub use files::{default_data_file, follow_link, lock_path};
use load::{Opened, load, parse};
pub use lock::LockKind;
pub use parse::decode;
pub use part::{Finding, Found, Listing, Outline, Roster, Wanted};
use part::{read_part, with_handles, with_row_handles};

use crate::model::Network;
use crate::model::listed::Listed;
use chrono::NaiveDate;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How a store was opened: which lock it takes and whether its save writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Access {
    Read,
    Write,
    /// The bundled demo network: held in memory, never saved.
    Demo,
}

/// What `save` did.
#[derive(Debug, PartialEq, Eq)]
pub enum Saved {
    Written,
    /// Demo mode: the change lived only in memory.
    NotInDemo,
}

/// An open data file and the network it holds, opened to read.
pub struct Store {
    path: PathBuf,
    access: Access,
    /// Held for the store's whole life; released on drop.
    _lock: Option<File>,
    /// The version the file had, when it was migrated on load.
    migrated_from: Option<u64>,
    /// The file as read, with its cache: lets a save copy unchanged records' JSON.
    prior: Option<cache::Prior>,
    /// When `net` is a part of the network (`Store::open_write_part`): what its save
    /// keeps of the file read, every record it does not hold.
    kept: Option<cache::Kept>,
    /// Set by `freed_by_exit`.
    leave_to_exit: bool,
    pub net: Network,
}

impl Drop for Store {
    fn drop(&mut self) {
        if self.leave_to_exit {
            std::mem::forget(std::mem::take(&mut self.net));
        }
    }
}

/// A data file opened to change: the lock is exclusive, and only a `Writer` saves.
pub struct Writer(Store);

impl std::ops::Deref for Writer {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.0
    }
}

impl std::ops::DerefMut for Writer {
    fn deref_mut(&mut self) -> &mut Store {
        &mut self.0
    }
}

impl Store {
    /// Opens the data file at `path` to read. A missing file is an empty network. Waits
    /// up to `lock_wait` for a writer, calling `on_wait` once if it has to.
    pub fn open(path: &Path, lock_wait: Duration, on_wait: impl FnOnce()) -> anyhow::Result<Store> {
        Store::open_as(path, Access::Read, lock_wait, on_wait)
    }

    /// Opens the data file at `path` to change it, holding the lock exclusively until
    /// the `Writer` is dropped.
    pub fn open_write(path: &Path, lock_wait: Duration, on_wait: impl FnOnce()) -> anyhow::Result<Writer> {
        Store::open_as(path, Access::Write, lock_wait, on_wait).map(Writer)
    }

    fn open_as(path: &Path, access: Access, lock_wait: Duration, on_wait: impl FnOnce()) -> anyhow::Result<Store> {
        let Opened { path, lock, file } = Opened::new(path, access, lock_wait, on_wait)?;
        // A reader that holds the lock refreshes a missing or stale cache; a writer
        // leaves that to its save.
        let refresh_cache = access == Access::Read && lock.is_some();
        let (mut net, migrated_from, prior) = match file {
            Some(file) => load(file, &path, refresh_cache, access == Access::Write)?,
            None => (Network::default(), None, None),
        };
        // Handles older versions made too long or digits only are replaced as the network
        // is read, the same way every time, so the file gets them with its next save.
        crate::model::contact::shorten_handles(&mut net.contacts);
        Ok(Store { path, access, _lock: lock, migrated_from, prior, kept: None, leave_to_exit: false, net })
    }

    /// The contacts `listing` asks for and the day each was last talked to, read to
    /// show (see `Roster`) and given to `then`, which may borrow them.
    pub fn open_roster<T>(
        path: &Path,
        lock_wait: Duration,
        on_wait: impl FnOnce(),
        listing: Listing,
        then: impl FnOnce(Roster) -> anyhow::Result<T>,
    ) -> anyhow::Result<T> {
        let Opened { path, lock, file } = Opened::new(path, Access::Read, lock_wait, on_wait)?;
        let Some(file) = file else { return then(Found::of(Network::default(), listing).roster()) };
        // The lock is let go before `then`, which may write to a pipe that waits on a
        // reader: a change need not wait for that.
        let unused = match cache::open(&path, file) {
            Ok(checked) => match checked.found(listing).and_then(|found| with_handles(&checked, found)) {
                Ok(found) => {
                    drop(lock);
                    return then(found.roster());
                }
                Err(_) => checked.unused(),
            },
            Err(unused) => unused,
        };
        let (mut net, _) = parse(unused, &path, lock.is_some())?;
        drop(lock);
        crate::model::contact::shorten_handles(&mut net.contacts);
        then(Found::of(net, listing).roster())
    }

    /// What `row` gathers into `new(n)` (room for `n` rows) from every contact as a row
    /// of `list` sees them and the day each was last talked to, in file order, one
    /// gathering after another: from a cache, only its index is read, a piece at a time,
    /// its two halves each on a thread of its own. `row` may be given the rows of a
    /// cache that then turns out not to be whole: what it gathered is dropped, and the
    /// rows are gathered again, into a new `new`, from the file.
    pub fn open_rows<S: Send>(
        path: &Path,
        lock_wait: Duration,
        on_wait: impl FnOnce(),
        new: impl Fn(usize) -> S + Sync,
        row: impl Fn(&mut S, &Listed, Option<NaiveDate>) + Sync,
    ) -> anyhow::Result<Vec<S>> {
        let Opened { path, lock, file } = Opened::new(path, Access::Read, lock_wait, on_wait)?;
        let Some(file) = file else { return Ok(vec![new(0)]) };
        let unused = match cache::open(&path, file) {
            Ok(checked) => {
                match checked.rows(&new, &row) {
                    Ok(Some(halves)) => return Ok(halves.into()),
                    // Handles an older version gave: every row is needed to replace them.
                    Ok(None) => {
                        if let Ok(index) = checked.index()
                            && let Ok((rows, last)) = cache::read_rows(&index)
                        {
                            drop(lock);
                            let rows = with_row_handles(rows);
                            return Ok(vec![part::gather(rows.into_iter().zip(last), new, row)]);
                        }
                    }
                    Err(_) => {}
                }
                checked.unused()
            }
            Err(unused) => unused,
        };
        let (mut net, _) = parse(unused, &path, lock.is_some())?;
        drop(lock);
        crate::model::contact::shorten_handles(&mut net.contacts);
        Ok(vec![part::rows_of(&net, new, row)])
    }

    /// The part of the network `choose` wants, read to show: `choose` is given the
    /// network in outline (see `Outline`) and picks the contacts and interactions to read
    /// whole, finding people as `finding` says. The store holds that part: every record
    /// but those two lists, and of them only what was picked.
    pub fn open_part(
        path: &Path,
        lock_wait: Duration,
        on_wait: impl FnOnce(),
        finding: Finding,
        choose: impl Fn(&Outline) -> anyhow::Result<Wanted>,
    ) -> anyhow::Result<Store> {
        let Opened { path, lock, file } = Opened::new(path, Access::Read, lock_wait, on_wait)?;
        let net = match file {
            Some(file) => read_part(file, &path, lock.is_some(), finding, choose)?,
            None => {
                let outline = Outline::of(Network::default());
                let wanted = choose(&outline)?;
                outline.taken(&wanted)
            }
        };
        Ok(Store {
            path,
            access: Access::Read,
            _lock: lock,
            migrated_from: None,
            prior: None,
            kept: None,
            leave_to_exit: false,
            net,
        })
    }
    /// For a process that ends soon after this store: the network's memory is not
    /// freed record by record when the store is dropped (the lock and files still are);
    /// the process's exit returns it all at once. Freeing every record one by one is
    /// work that nothing needs just before the process ends.
    pub fn freed_by_exit(mut self) -> Store {
        self.leave_to_exit = true;
        self
    }

    /// The network alone, releasing the lock: for a command that asks questions before
    /// it opens the store again to save.
    pub fn into_network(mut self) -> Network {
        std::mem::take(&mut self.net)
    }

    /// A store over a network held only in memory (the demo).
    pub fn in_memory(net: Network) -> Store {
        Store {
            path: PathBuf::new(),
            access: Access::Demo,
            _lock: None,
            migrated_from: None,
            prior: None,
            kept: None,
            leave_to_exit: false,
            net,
        }
    }
}

impl Writer {
    /// A writer over a network held only in memory (the demo): its saves keep nothing.
    pub fn in_memory(net: Network) -> Writer {
        Writer(Store::in_memory(net))
    }

    /// For a process that ends soon after this store (see `Store::freed_by_exit`).
    pub fn freed_by_exit(self) -> Writer {
        Writer(self.0.freed_by_exit())
    }

    /// Writes the network: into a new file beside the data file (mode 0600), then keeps
    /// a backup of the previous file, fsyncs, renames over, and fsyncs the folder.
    pub fn save(&mut self) -> anyhow::Result<Saved> {
        let store = &mut self.0;
        let path = &store.path;
        if store.access == Access::Demo {
            return Ok(Saved::NotInDemo);
        }
        // Whether the file is still the one read is asked first: the sweep may unlink a
        // backup that is the live file itself, which moves the file's change time.
        let prior = store.prior.as_ref().filter(|p| p.is_current(path));
        // A part copies the rest of the network from the file it was read from; when
        // another program wrote that file since, the rest is gone.
        if store.kept.is_some() && store.prior.is_some() && prior.is_none() {
            return Err(StoreError::ChangedMeanwhile { path: path.clone() }.into());
        }
        sweep::leftovers(path);
        // The JSON streams into a new file beside the old one, which stays in place (and
        // whose bytes the rendering copies from) until the rename.
        let mut file = new_file(path).map_err(|e| io_error(IoStep::Save, path, e))?;
        // A part is saved only over the file it was read from, unchanged: render refuses
        // a part with no file to copy the rest from, and nothing is written.
        let cache = cache::render(&mut store.net, prior, store.kept.as_ref(), &mut file)
            .map_err(|e| io_error(IoStep::Save, path, e))?;
        // The cache is written while the data file is kept and fsynced, which mostly
        // waits for the disk. A cache that lands without its data file (the save fails
        // below) names bytes no data file has, so it is never used; one that cannot be
        // written only means the next command reads the JSON.
        std::thread::scope(|s| {
            s.spawn(|| cache.write(path));
            // Backups are named by the real clock, not JEJARING_NOW: they record when the
            // file changed on this disk.
            let now = chrono::Utc::now();
            let pending = match path.exists() {
                true => {
                    let label = store.migrated_from.map(|v| format!("pre-migration-v{v}"));
                    Some(backup::prepare(path, now, label.as_deref()).map_err(|e| io_error(IoStep::Backup, path, e))?)
                }
                false => None,
            };
            // fsync, rename over the data file, fsync the folder.
            if let Err(e) = file.commit() {
                if let Some(pending) = pending {
                    pending.abandon();
                }
                return Err(io_error(IoStep::Save, path, e));
            }
            if let Some(pending) = pending {
                // The save is done whatever happens here: a backup left under its hidden
                // name is named by the next save (see backup::settle).
                let _ = pending.finish(now);
                store.migrated_from = None;
            }
            Ok(())
        })?;
        // The file read is replaced: a second save renders everything afresh (and a part,
        // which has nothing left to copy the rest from, cannot be saved again).
        store.prior = None;
        Ok(Saved::Written)
    }
}
