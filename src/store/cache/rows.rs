//! The rows of a plain `list`, read from the cache's index a piece at a time and handed
//! on one by one: the index (two megabytes at ten thousand people) is never held whole,
//! and no list of rows is made, so a listing touches little memory beyond its table.

use super::index::{self, At};
use super::open::{Checked, read_at};
use super::{Section, invalid};
use crate::model::contact::handle_fits;
use crate::model::listed::Listed;
use borsh::BorshDeserialize;
use chrono::NaiveDate;
use std::io;
use xxhash_rust::xxh3::Xxh3;

/// How many bytes of the index are read at a time.
const PIECE: usize = 64 << 10;

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
    if !pieces.unread.is_empty() || pieces.more()? {
        return Err(invalid("index length"));
    }
    Ok((Some(gathered), pieces))
}

/// Part of a section read a piece at a time into one buffer, hashed as it is read when
/// a hash is asked for.
struct Pieces<'c> {
    checked: &'c Checked,
    /// Where the part starts in the cache file, and how long it is.
    start: usize,
    len: usize,
    /// How much of it has been read.
    read: usize,
    buf: Vec<u8>,
    /// What of `buf` is read and not yet used.
    unread: std::ops::Range<usize>,
    hash: Option<Xxh3>,
}

impl Pieces<'_> {
    fn new(checked: &Checked, within: std::ops::Range<usize>, piece: usize, hash: Option<Xxh3>) -> Pieces<'_> {
        let (start, len) = (within.start, within.len());
        let buf = vec![0; piece.min(len).max(At::SIZE)];
        Pieces { checked, start, len, read: 0, buf, unread: 0..0, hash }
    }

    /// The hash of what was read and of what follows it in the file, up to `end`, read
    /// on through the buffer.
    fn hash_on(&mut self, end: usize) -> io::Result<u128> {
        let mut hash = self.hash.take().unwrap_or_default();
        let mut at = self.start + self.read;
        while at < end {
            let room = self.buf.len();
            let piece = &mut self.buf[..(end - at).min(room)];
            read_at(&self.checked.file, piece, at)?;
            hash.update(piece);
            at += piece.len();
        }
        Ok(hash.digest128())
    }

    /// Reads the next piece of the section after what is unread, which moves to the
    /// buffer's front (the buffer doubles when that fills half of it: an entry longer
    /// than a piece); false when the section is all read.
    fn more(&mut self) -> io::Result<bool> {
        let left = self.len - self.read;
        if left == 0 {
            return Ok(false);
        }
        self.buf.copy_within(self.unread.clone(), 0);
        self.unread = 0..self.unread.len();
        if self.unread.end > self.buf.len() / 2 {
            self.buf.resize(self.buf.len() * 2, 0);
        }
        let piece = self.unread.end..self.buf.len().min(self.unread.end + left);
        read_at(&self.checked.file, &mut self.buf[piece.clone()], self.start + self.read)?;
        if let Some(hash) = &mut self.hash {
            hash.update(&self.buf[piece.clone()]);
        }
        self.read += piece.len();
        self.unread.end = piece.end;
        Ok(true)
    }

    /// What `parse` makes of what comes next, reading on until it reads (so it may be
    /// called again after an error, never after it succeeds).
    fn next<T>(&mut self, mut parse: impl FnMut(&mut &[u8]) -> io::Result<T>) -> io::Result<T> {
        loop {
            let mut r = &self.buf[self.unread.clone()];
            match parse(&mut r) {
                Ok(value) => {
                    self.unread.start = self.unread.end - r.len();
                    return Ok(value);
                }
                Err(err) if !self.more()? => return Err(err),
                Err(_) => {}
            }
        }
    }
}
