//! The fingerprint a cache records of the data file it was made from: the xxh3-128 of
//! the xxh3-128 of each 4 MiB piece of the file. Pieces are hashed apart, so the two
//! threads that load a network can share the work of checking the file, and a save can
//! still compute it as its bytes stream out.

use std::fs::File;
use std::io;
use std::ops::Range;
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

pub const PIECE: usize = 4 << 20;

/// Combines the hashes of a file's pieces, in order.
pub fn combine(pieces: &[u128]) -> u128 {
    let mut outer = Xxh3::new();
    pieces.iter().for_each(|p| outer.update(&p.to_le_bytes()));
    outer.digest128()
}

/// The fingerprint of bytes in memory.
pub fn of(bytes: &[u8]) -> u128 {
    combine(&bytes.chunks(PIECE).map(xxh3_128).collect::<Vec<_>>())
}

/// How many pieces a file of `len` bytes has.
pub fn pieces(len: usize) -> usize {
    len.div_ceil(PIECE)
}

/// How much of a piece is read at a time: small enough that the buffer's fresh pages
/// cost little, big enough that the reads' own cost is lost in the hashing.
const READ: usize = 256 << 10;

/// The hashes of pieces `which` of a file `len` bytes long. Reads by position, so
/// threads can share the file.
pub fn hash_pieces(file: &File, len: usize, which: Range<usize>) -> io::Result<Vec<u128>> {
    let mut buf = vec![0; READ.min(len)];
    let mut hash = Xxh3::new();
    which
        .map(|n| {
            let (start, end) = (n * PIECE, ((n + 1) * PIECE).min(len));
            hash.reset();
            for at in (start..end).step_by(READ) {
                let part = &mut buf[..READ.min(end - at)];
                read_at(file, part, at as u64)?;
                hash.update(part);
            }
            Ok(hash.digest128())
        })
        .collect()
}

/// The fingerprint of bytes as they stream past.
pub struct Streaming {
    pieces: Vec<u128>,
    piece: Xxh3,
    in_piece: usize,
}

impl Streaming {
    pub fn new() -> Streaming {
        Streaming { pieces: Vec::new(), piece: Xxh3::new(), in_piece: 0 }
    }

    pub fn update(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            let n = (PIECE - self.in_piece).min(bytes.len());
            self.piece.update(&bytes[..n]);
            self.in_piece += n;
            if self.in_piece == PIECE {
                self.pieces.push(self.piece.digest128());
                self.piece.reset();
                self.in_piece = 0;
            }
            bytes = &bytes[n..];
        }
    }

    pub fn finish(mut self) -> u128 {
        if self.in_piece > 0 {
            self.pieces.push(self.piece.digest128());
        }
        combine(&self.pieces)
    }
}

/// Fills `buf` from the file at `offset`, without moving a shared file position.
#[cfg(unix)]
pub fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

/// Fills `buf` from the file at `offset`, without moving a shared file position.
#[cfg(windows)]
pub fn read_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match file.seek_read(buf, offset)? {
            0 => return Err(io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn every_way_of_computing_it_agrees() {
        for len in [0, 1, PIECE - 1, PIECE, PIECE + 1, 2 * PIECE + 12345] {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
            let whole = of(&bytes);
            // Streamed in uneven bits.
            let mut streaming = Streaming::new();
            let mut rest = &bytes[..];
            for step in [1, 4095, 1 << 20, 3 << 20, usize::MAX].iter().cycle() {
                if rest.is_empty() {
                    break;
                }
                let n = (*step).min(rest.len());
                streaming.update(&rest[..n]);
                rest = &rest[n..];
            }
            assert_eq!(streaming.finish(), whole, "streamed, {len} bytes");
            // From a file, in two halves.
            let mut file = tempfile::tempfile().unwrap();
            file.write_all(&bytes).unwrap();
            let n = pieces(len);
            let mut hashes = hash_pieces(&file, len, 0..n / 2).unwrap();
            hashes.extend(hash_pieces(&file, len, n / 2..n).unwrap());
            assert_eq!(combine(&hashes), whole, "from a file, {len} bytes");
        }
        assert_ne!(of(b"a"), of(b"b"));
    }
}
