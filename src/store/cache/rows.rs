//! The rows of a plain `list`, read from the cache's index a piece at a time and handed
//! on one by one: the index (two megabytes at ten thousand people) is never held whole,
//! and no list of rows is made, so a listing touches little memory beyond its table.

use super::index::{self, At};
use super::open::{Checked, read_at};
use super::pieces::{PIECE, Pieces};
use super::{Section, invalid};
use crate::model::contact::handle_fits;
use crate::model::listed::Listed;
use borsh::BorshDeserialize;
use chrono::NaiveDate;
use std::io;
use xxhash_rust::xxh3::Xxh3;

impl Checked {
    /// What `row` gathers from every contact's row and the day of the last talk with
    /// them, in the index's two halves, each read on a thread of its own into what
    /// `new(n)` makes for it (`n` the rows in that half): the halves' gatherings, in the
    /// index's order. None when a row has a handle an older version gave, which is
    /// replaced in the light of every other handle (`store::part::with_row_handles`), so
    /// the rows must be read all at once.
    ///
    /// The section's hash is checked once every row has been read: on an error, what was
    /// gathered is dropped here, and nothing gathered may have left the process.
    pub(in crate::store) fn rows<S: Send>(
        &self,
        new: impl Fn(usize) -> S + Sync,
        row: impl Fn(&mut S, &Listed, Option<NaiveDate>) + Sync,
    ) -> io::Result<Option<[S; 2]>> {
        self.rows_in_pieces(PIECE, new, row)
    }

    /// `rows`, reading `piece` bytes at a time (tests read a few bytes at a time, so
    /// that entries straddle pieces and outgrow them).
    pub(super) fn rows_in_pieces<S: Send>(
        &self,
        piece: usize,
        new: impl Fn(usize) -> S + Sync,
        row: impl Fn(&mut S, &Listed, Option<NaiveDate>) + Sync,
    ) -> io::Result<Option<[S; 2]>> {
        let (range, expected) = &self.sections[Section::Index as usize];
        // The count, then where the second half starts; the first half is hashed as it
        // is read, after them.
        let mut head = [0; 8];
        if range.len() < head.len() {
            return Err(invalid("index count"));
        }
        read_at(&self.file, &mut head, range.start)?;
        let (count, mid) = <(u32, u32)>::deserialize(&mut &head[..])?;
        let (count, mid) = (count as usize, (mid as usize).max(head.len()));
        if mid > range.len() {
            return Err(invalid("index halves"));
        }
        let mut hash = Xxh3::new();
        hash.update(&head);
        let first = Pieces::new(self, range.start + head.len()..range.start + mid, piece, Some(hash));
        let second = Pieces::new(self, range.start + mid..range.end, piece, None);
        let (first, second) = std::thread::scope(|s| {
            let second = s.spawn(|| gather(second, count - count / 2, &new, &row));
            // The second half is hashed after the first, while its rows are gathered.
            let first = gather(first, count / 2, &new, &row).and_then(|(gathered, mut pieces)| {
                let whole = pieces.hash_on(range.end)?;
                Ok((gathered, whole == *expected))
            });
            (first, second.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
        });
        let ((first, whole), (second, _)) = (first?, second?);
        if !whole {
            return Err(invalid("section hash"));
        }
        Ok(first.zip(second).map(|(first, second)| [first, second]))
    }
}

/// What `row` gathers into `new(n)` from the `n` rows of `pieces`, which must be all it
/// holds; None at a handle an older version gave.
fn gather<'c, S>(
    mut pieces: Pieces<'c>,
    n: usize,
    new: &impl Fn(usize) -> S,
    row: &impl Fn(&mut S, &Listed, Option<NaiveDate>),
) -> io::Result<(Option<S>, Pieces<'c>)> {
    // Every entry takes at least an At's bytes: room only for what the half can hold.
    let mut gathered = new(n.min(pieces.len / At::SIZE));
    for _ in 0..n {
        let fits = pieces.next(|r| {
            let (listed, last) = index::read_row_entry(r)?;
            let fits = handle_fits(&listed.handle);
            if fits {
                row(&mut gathered, &listed, last);
            }
            Ok(fits)
        })?;
        if !fits {
            return Ok((None, pieces));
        }
    }
    if !pieces.at_end()? {
        return Err(invalid("index length"));
    }
    Ok((Some(gathered), pieces))
}
