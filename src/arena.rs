//! The process's memory allocator: the system's, except inside `Arena::run`, where
//! allocations are laid end to end in a region that the kernel may back with 2 MiB
//! pages. A load decodes a network's records there, and a save encodes them there.
//!
//! Why: decoding 10,000 contacts and their history makes well over 100,000 small
//! allocations, and the kernel hands a growing heap over one 4 KiB page at a time:
//! several thousand page faults, which took about a third of a `list`. A region of big
//! pages needs a handful of faults, and moving a pointer along costs less than malloc.
//!
//! What it costs: memory in a region is never reused. Freeing something small there
//! does nothing, and growing it moves it; the region stays until the process exits.
//! That fits how jejaring runs: a command loads the network once and ends soon after,
//! and an edit leaves behind only the old bytes of the few strings it changed. An
//! allocation bigger than a chunk (the lists of records, a save's encoded records) has
//! big pages of its own, which go back to the system when it is freed.
//!
//! Only `arena::Allocator` installed as the global allocator (main.rs, and the unit
//! tests) makes regions take effect; without it they are plain unused address space.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The size of the kernel's big pages on x86-64 and most 64-bit ARM: regions and the
/// chunks threads take from them are aligned to it.
const BIG_PAGE: usize = 2 << 20;
/// How much of a region a thread takes at a time: one big page, so two threads
/// decoding at once never write to the same page.
const CHUNK: usize = BIG_PAGE;
/// How many regions one process can reserve. A command needs one or two: a load or a
/// save uses a region that still has room before it reserves another. Unit tests load
/// many networks in one process; past the last region, the system allocator serves.
const REGIONS: usize = 64;
/// The least address space a region reserves. Pages never written cost nothing, and a
/// roomy region serves the next load too.
const MIN_REGION: usize = 256 << 20;

/// One reserved stretch of address space: `[start, end)`, handed out from `next` on.
struct Region {
    start: AtomicUsize,
    next: AtomicUsize,
    end: AtomicUsize,
}

static REGION: [Region; REGIONS] =
    [const { Region { start: AtomicUsize::new(0), next: AtomicUsize::new(0), end: AtomicUsize::new(0) } }; REGIONS];
/// How many regions have been claimed (possibly more than exist: see `reserve`).
static CLAIMED: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// The region this thread allocates from (its number + 1), or 0 for the system
    /// allocator.
    static ACTIVE: Cell<usize> = const { Cell::new(0) };
    /// The chunk this thread is filling: its region (number + 1), the next free byte,
    /// and its end.
    static FILLING: Cell<(usize, usize, usize)> = const { Cell::new((0, 0, 0)) };
}

/// A region that allocations can be put in (see `run`), or none (`Arena::NONE`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arena {
    region: usize,
}

impl Arena {
    /// No region: `run` leaves allocations to the system allocator.
    pub const NONE: Arena = Arena { region: 0 };

    /// A region with room for about `bytes`: one already reserved that has
    /// that much left, or a new one. Only the pages written are ever backed by memory.
    /// `NONE` when the system refuses, or this process has reserved all the regions it
    /// may.
    pub fn reserve(bytes: usize) -> Arena {
        let claimed = CLAIMED.load(Ordering::Acquire).min(REGIONS);
        let roomy = REGION[..claimed]
            .iter()
            .position(|r| r.next.load(Ordering::Relaxed).saturating_add(bytes) <= r.end.load(Ordering::Acquire));
        match roomy {
            Some(n) => Arena { region: n + 1 },
            None => Arena::fresh(bytes.max(MIN_REGION)),
        }
    }

    /// A new region of `bytes`.
    fn fresh(bytes: usize) -> Arena {
        // Room to align the start, and for the chunks two threads have begun.
        let Some(len) = bytes.checked_add(3 * CHUNK) else { return Arena::NONE };
        // No swap is set aside for the part never written.
        let Ok(map) = memmap2::MmapOptions::new().len(len).no_reserve_swap().map_anon() else { return Arena::NONE };
        // Only advice: where the kernel has no big pages to give, it gives small ones.
        #[cfg(target_os = "linux")]
        let _ = map.advise(memmap2::Advice::HugePage);
        let n = CLAIMED.fetch_add(1, Ordering::AcqRel);
        let Some(region) = REGION.get(n) else { return Arena::NONE };
        let start = (map.as_ptr() as usize).next_multiple_of(BIG_PAGE);
        region.start.store(start, Ordering::Release);
        region.next.store(start, Ordering::Release);
        region.end.store(map.as_ptr() as usize + len, Ordering::Release);
        // The region lives as long as the process: records in it may live that long.
        std::mem::forget(map);
        Arena { region: n + 1 }
    }

    /// Runs `f` with this thread's allocations coming from the region, while it has
    /// room.
    pub fn run<T>(self, f: impl FnOnce() -> T) -> T {
        struct Restore(usize);
        impl Drop for Restore {
            fn drop(&mut self) {
                ACTIVE.set(self.0);
            }
        }
        let _restore = Restore(ACTIVE.replace(self.region));
        f()
    }

    /// Whether `ptr` points into a region.
    fn holds(ptr: *const u8) -> bool {
        let at = ptr as usize;
        let claimed = CLAIMED.load(Ordering::Acquire).min(REGIONS);
        REGION[..claimed].iter().any(|r| r.start.load(Ordering::Acquire) <= at && at < r.end.load(Ordering::Acquire))
    }
}

/// `layout`'s bytes from the region this thread allocates from, if it is in one and it
/// has room. Bytes it returns were never handed out before, so they are still zero.
fn from_region(layout: Layout) -> Option<*mut u8> {
    let region = ACTIVE.get();
    if region == 0 || layout.align() > BIG_PAGE {
        return None;
    }
    let (owner, next, end) = FILLING.get();
    let start = next.next_multiple_of(layout.align());
    if owner == region && start.checked_add(layout.size()).is_some_and(|stop| stop <= end) {
        FILLING.set((owner, start + layout.size(), end));
        return Some(start as *mut u8);
    }
    // A new chunk, leaving the rest of the old one unused; or big pages of its own for
    // an allocation bigger than a chunk.
    let large = layout.size() > CHUNK;
    let take = if large { layout.size().next_multiple_of(BIG_PAGE) } else { CHUNK };
    let r = &REGION[region - 1];
    let end = r.end.load(Ordering::Acquire);
    // `next` never passes the end, however much is asked for.
    let Ok(at) = r
        .next
        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |at| at.checked_add(take).filter(|&stop| stop <= end))
    else {
        // The region is full: this thread goes on with the system allocator.
        ACTIVE.set(0);
        return None;
    };
    if !large {
        FILLING.set((region, at + layout.size(), at + CHUNK));
    }
    // What is taken starts on a big page, so it is aligned for any layout.
    Some(at as *mut u8)
}

/// The global allocator: see the module's documentation.
pub struct Allocator;

// SAFETY: every pointer handed out is either the system allocator's, for the system
// allocator's layout, or a range of a region that no other allocation overlaps (a
// thread's chunk is its own, and within it the next free byte only moves forward),
// aligned as asked, inside a mapping that is never unmapped. Pointers into a region
// are never given to the system allocator.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's layout has a non-zero size, as GlobalAlloc requires.
        from_region(layout).unwrap_or_else(|| unsafe { System.alloc(layout) })
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // A region's fresh bytes are zero: it is anonymous memory that is never reused.
        // SAFETY: as for alloc.
        from_region(layout).unwrap_or_else(|| unsafe { System.alloc_zeroed(layout) })
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if !Arena::holds(ptr) {
            // SAFETY: not a region's, so the system allocator gave it out for `layout`.
            unsafe { System.dealloc(ptr, layout) }
        } else if layout.size() > CHUNK {
            // SAFETY: an allocation bigger than a chunk has big pages of its own, which
            // nothing else uses.
            unsafe { release(ptr, layout.size().next_multiple_of(BIG_PAGE)) }
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if !Arena::holds(ptr) {
            // SAFETY: as for dealloc; the caller guarantees `new_size` is valid.
            return unsafe { System.realloc(ptr, layout, new_size) };
        }
        // SAFETY: the caller guarantees `new_size`, rounded to the alignment, fits isize.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        // SAFETY: a non-zero size, as for alloc.
        let new = unsafe { self.alloc(new_layout) };
        if !new.is_null() {
            // SAFETY: both are valid for the smaller size, and a fresh allocation never
            // overlaps a live one; the old one is the caller's to give up.
            unsafe {
                std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
        }
        new
    }
}

/// Gives the pages of `len` bytes at `ptr` back to the system. They stay part of the
/// region's mapping, so no other mapping can take their place while `Arena::holds`
/// counts them as the region's; nothing touches them again.
///
/// # Safety
/// The range is in a region, on big-page boundaries, and no live allocation uses it.
unsafe fn release(ptr: *mut u8, len: usize) {
    #[cfg(unix)]
    // SAFETY: see above; MADV_DONTNEED on private anonymous memory only drops pages.
    unsafe {
        libc::madvise(ptr.cast(), len, libc::MADV_DONTNEED);
    }
    #[cfg(not(unix))]
    let _ = (ptr, len);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allocations_in_a_region_come_from_it_and_behave() {
        let arena = Arena::reserve(8 << 20);
        assert_ne!(arena, Arena::NONE, "a region can be reserved");
        let (text, list, zeroed) = arena.run(|| {
            let text = String::from("Jürgen Weiß");
            let list: Vec<u64> = (0..100).collect();
            let zeroed = vec![0u128; 64];
            (text, list, zeroed)
        });
        for ptr in [text.as_ptr(), list.as_ptr().cast(), zeroed.as_ptr().cast()] {
            assert!(Arena::holds(ptr));
        }
        assert_eq!(text, "Jürgen Weiß");
        assert_eq!(list.iter().sum::<u64>(), 4950);
        assert!(zeroed.iter().all(|&z| z == 0));
        assert_eq!(list.as_ptr() as usize % std::mem::align_of::<u64>(), 0);
        assert_eq!(zeroed.as_ptr() as usize % std::mem::align_of::<u128>(), 0);

        // Outside `run`, allocations are the system's again.
        let outside = String::from("outside");
        assert!(!Arena::holds(outside.as_ptr()));

        // Growing a region's string moves it out, keeping its text; freeing is harmless.
        let mut grown = text.clone();
        assert!(!Arena::holds(grown.as_ptr()), "a clone outside run is the system's");
        let mut text = text;
        text.push_str(" and more text than before");
        assert!(!Arena::holds(text.as_ptr()));
        assert_eq!(text, "Jürgen Weiß and more text than before");
        grown.push('!');
        drop((text, list, zeroed, grown));

        // What does not fit in the chunk gets big pages of its own, between small ones.
        let (small, big, after) = arena.run(|| (Box::new(1u8), vec![7u8; CHUNK + 1], Box::new(2u8)));
        for ptr in [&*small as *const u8, big.as_ptr(), &*after] {
            assert!(Arena::holds(ptr));
        }
        assert_eq!(big.as_ptr() as usize % BIG_PAGE, 0);
        assert_eq!((*small, big.iter().map(|&b| usize::from(b)).sum::<usize>(), *after), (1, 7 * (CHUNK + 1), 2));
        assert_eq!(&*after as *const u8 as usize, &*small as *const u8 as usize + 1, "the chunk goes on");
    }

    #[test]
    fn threads_fill_chunks_of_their_own_and_a_full_region_falls_back() {
        // Room for a few chunks: two threads take one each, then run out.
        let arena = Arena::fresh(CHUNK);
        assert_ne!(arena, Arena::NONE);
        let strings = std::thread::scope(|s| {
            let workers: Vec<_> = (0..2)
                .map(|t| {
                    s.spawn(move || {
                        arena.run(|| (0..20_000).map(|i| format!("thread {t} string {i:>180}")).collect::<Vec<_>>())
                    })
                })
                .collect();
            workers.into_iter().map(|w| w.join().unwrap()).collect::<Vec<_>>()
        });
        for (t, list) in strings.iter().enumerate() {
            for (i, s) in list.iter().enumerate() {
                assert_eq!(*s, format!("thread {t} string {i:>180}"));
            }
        }
        let held = strings.iter().flatten().filter(|s| Arena::holds(s.as_ptr())).count();
        // 40,000 strings of 200 bytes do not fit in the region's few chunks.
        assert!(held > 0 && held < 40_000, "{held} strings in the region");
    }

    #[test]
    fn big_blocks_keep_their_bytes_when_they_grow_and_give_their_pages_back() {
        let arena = Arena::reserve(16 << 20);
        let mut big = arena.run(|| (0..CHUNK + 10).map(|n| n as u8).collect::<Vec<u8>>());
        assert!(Arena::holds(big.as_ptr()));
        let old = big.as_ptr();
        // Outside `run`, growing moves the block to the system allocator and gives the
        // region's pages back; the bytes come along.
        big.extend_from_slice(&[1; CHUNK]);
        assert!(!Arena::holds(big.as_ptr()) && big.as_ptr() != old);
        assert!(big[..CHUNK + 10].iter().enumerate().all(|(n, &b)| b == n as u8));
        // Growing inside `run` stays in the region.
        let mut inside = arena.run(|| {
            let mut v = vec![3u8; CHUNK + 1];
            v.resize(3 * CHUNK, 4);
            v
        });
        assert!(Arena::holds(inside.as_ptr()));
        assert_eq!((inside[CHUNK], inside[3 * CHUNK - 1]), (3, 4));
        inside.truncate(1);
        drop((big, inside));
    }

    /// A block the test owns: where, its layout, and the byte it is filled with.
    type Block = (*mut u8, Layout, u8);

    fn filled(ptr: *mut u8, layout: Layout, fill: u8) -> Block {
        assert!(!ptr.is_null() && (ptr as usize).is_multiple_of(layout.align()));
        // SAFETY: a live allocation of `layout.size()` bytes.
        unsafe { std::ptr::write_bytes(ptr, fill, layout.size()) };
        (ptr, layout, fill)
    }

    /// The first and last bytes of a block still hold its fill.
    fn intact(&(ptr, layout, fill): &Block) -> bool {
        // SAFETY: a live allocation of `layout.size()` bytes.
        let bytes = unsafe { std::slice::from_raw_parts(ptr, layout.size()) };
        let n = bytes.len().min(32);
        bytes[..n].iter().chain(&bytes[bytes.len() - n..]).all(|&b| b == fill)
    }

    proptest::proptest! {
        /// Allocating, growing, shrinking and freeing, inside a region and outside it,
        /// small blocks and ones bigger than a chunk: no block ever overlaps another or
        /// loses its bytes.
        #[test]
        fn any_mix_of_allocations_keeps_every_block_intact(
            ops in proptest::collection::vec((0u8..4, 1usize..4000, 0u32..5, proptest::bool::ANY), 1..120)
        ) {
            let arena = Arena::reserve(64 << 20);
            let mut live: Vec<Block> = Vec::new();
            for (n, (op, size, align, inside)) in ops.into_iter().enumerate() {
                let fill = n as u8;
                let here = if inside { arena } else { Arena::NONE };
                match op {
                    // A new block; one in four bigger than a chunk.
                    0 | 1 => {
                        let size = if op == 1 && size % 4 == 0 { CHUNK + size * 100 } else { size };
                        let layout = Layout::from_size_align(size, 1 << align).unwrap();
                        // SAFETY: a non-zero size.
                        let ptr = here.run(|| unsafe { std::alloc::alloc(layout) });
                        live.push(filled(ptr, layout, fill));
                    }
                    // Grow or shrink a block.
                    2 if !live.is_empty() => {
                        let (ptr, layout, old_fill) = live.swap_remove(size % live.len());
                        let new_size = if size % 3 == 0 { layout.size() / 2 + 1 } else { layout.size() + size };
                        // SAFETY: a live block of `layout`, and a non-zero size.
                        let new = here.run(|| unsafe { std::alloc::realloc(ptr, layout, new_size) });
                        let kept = layout.size().min(new_size);
                        // SAFETY: the new block has at least `kept` bytes.
                        let moved = unsafe { std::slice::from_raw_parts(new, kept) };
                        proptest::prop_assert!(moved.iter().all(|&b| b == old_fill), "realloc kept the bytes");
                        live.push(filled(new, Layout::from_size_align(new_size, layout.align()).unwrap(), fill));
                    }
                    _ if !live.is_empty() => {
                        let (ptr, layout, _) = live.swap_remove(size % live.len());
                        // SAFETY: a live block of `layout`.
                        here.run(|| unsafe { std::alloc::dealloc(ptr, layout) });
                    }
                    _ => {}
                }
                proptest::prop_assert!(live.iter().all(intact), "after op {n}");
            }
            for (ptr, layout, _) in live {
                // SAFETY: a live block of `layout`.
                unsafe { std::alloc::dealloc(ptr, layout) };
            }
        }
    }

    #[test]
    fn no_region_means_the_system_allocator() {
        let s = Arena::NONE.run(|| String::from("plain"));
        assert!(!Arena::holds(s.as_ptr()));
    }
}
