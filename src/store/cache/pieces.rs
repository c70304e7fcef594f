//! Part of a cache section read a piece at a time through one buffer, and hashed as it
//! is read: a reader that makes what it needs of each entry as it comes never holds
//! the section whole.

use super::open::{Checked, read_at};
use std::io;
use xxhash_rust::xxh3::Xxh3;

/// How many bytes are read at a time.
pub(super) const PIECE: usize = 64 << 10;

/// Part of a section read a piece at a time into one buffer, hashed as it is read when
/// a hash is asked for.
pub(super) struct Pieces<'c> {
    checked: &'c Checked,
    /// Where the part starts in the cache file, and how long it is.
    start: usize,
    pub(super) len: usize,
    /// How much of it has been read.
    read: usize,
    buf: Vec<u8>,
    /// What of `buf` is read and not yet used.
    unread: std::ops::Range<usize>,
    hash: Option<Xxh3>,
}

impl Pieces<'_> {
    pub(super) fn new(
        checked: &Checked,
        within: std::ops::Range<usize>,
        piece: usize,
        hash: Option<Xxh3>,
    ) -> Pieces<'_> {
        let (start, len) = (within.start, within.len());
        // Never empty, so that it can double.
        let buf = vec![0; piece.min(len).max(64)];
        Pieces { checked, start, len, read: 0, buf, unread: 0..0, hash }
    }

    /// The hash of what was read and of what follows it in the file, up to `end`, read
    /// on through the buffer.
    pub(super) fn hash_on(&mut self, end: usize) -> io::Result<u128> {
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

    /// Whether everything was read and used.
    pub(super) fn at_end(&mut self) -> io::Result<bool> {
        Ok(self.unread.is_empty() && !self.more()?)
    }

    /// What `parse` makes of what comes next, reading on until it reads (so it may be
    /// called again after an error, never after it succeeds).
    pub(super) fn next<T>(&mut self, mut parse: impl FnMut(&mut &[u8]) -> io::Result<T>) -> io::Result<T> {
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
