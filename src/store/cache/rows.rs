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
    /// What `row` gathers into `new(n)` (`n` the number of rows the index says it has)
    /// from every contact's row and the day of the last talk with them, in the index's
    /// order; None when a row has a handle an older version gave, which is replaced in
    /// the light of every other handle (`store::part::with_row_handles`), so the rows must
    /// be read all at once.
    ///
    /// The section's hash is checked once every row has been read: on an error, what was
    /// gathered is dropped here, and nothing gathered may have left the process.
    pub(in crate::store) fn rows<S>(
        &self,
        new: impl FnOnce(usize) -> S,
        row: impl FnMut(&mut S, &Listed, Option<NaiveDate>),
    ) -> io::Result<Option<S>> {
        self.rows_in_pieces(PIECE, new, row)
    }

    /// `rows`, reading `piece` bytes at a time (tests read a few bytes at a time, so
    /// that entries straddle pieces and outgrow them).
    pub(super) fn rows_in_pieces<S>(
        &self,
        piece: usize,
        new: impl FnOnce(usize) -> S,
        mut row: impl FnMut(&mut S, &Listed, Option<NaiveDate>),
    ) -> io::Result<Option<S>> {
        let (range, hash) = &self.sections[Section::Index as usize];
        let mut pieces = Pieces {
            checked: self,
            start: range.start,
            len: range.len(),
            read: 0,
            buf: vec![0; piece.min(range.len()).max(At::SIZE)],
            unread: 0..0,
            hash: Xxh3::new(),
        };
        // The count, then where the second half starts (for `index::read_halves`).
        let (count, _) = pieces.next(<(u32, u32)>::deserialize)?;
        // Every entry takes at least an At's bytes: room only for what the section can hold.
        let mut gathered = new((count as usize).min(range.len() / At::SIZE));
        for _ in 0..count {
            let fits = pieces.next(|r| {
                let (listed, last) = index::read_row_entry(r)?;
                let fits = handle_fits(&listed.handle);
                if fits {
                    row(&mut gathered, &listed, last);
                }
                Ok(fits)
            })?;
            if !fits {
                return Ok(None);
            }
        }
        if !pieces.unread.is_empty() || pieces.more()? {
            return Err(invalid("index length"));
        }
        match pieces.hash.digest128() == *hash {
            true => Ok(Some(gathered)),
            false => Err(invalid("section hash")),
        }
    }
}

/// A section read a piece at a time into one buffer, hashed as it is read.
struct Pieces<'c> {
    checked: &'c Checked,
    /// Where the section starts in the cache file, and how long it is.
    start: usize,
    len: usize,
    /// How much of it has been read.
    read: usize,
    buf: Vec<u8>,
    /// What of `buf` is read and not yet used.
    unread: std::ops::Range<usize>,
    hash: Xxh3,
}

impl Pieces<'_> {
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
        self.hash.update(&self.buf[piece.clone()]);
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
