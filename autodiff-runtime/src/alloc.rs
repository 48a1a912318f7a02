//! A global allocator that keeps large freed blocks for reuse.
//!
//! Array code allocates the same large buffers on every step of a training loop: the
//! results and partials of each rule, and the gradients. The system allocator hands blocks
//! of this size back to the operating system when they are freed, so every step pays page
//! faults and the zeroing of fresh pages again; on the digits MLP that was about a quarter
//! of the time of a step (`BENCHMARKS.md`). [`CachingAlloc`] keeps freed blocks of at least
//! [`CachingAlloc::MIN_SIZE`] bytes in a small table and hands them out again for requests
//! of exactly the same size and alignment, up to a total it is given.
//!
//! Opt in from a binary (an example, a benchmark, an application):
//!
//! ```
//! use autodiff_runtime::alloc::CachingAlloc;
//!
//! #[global_allocator]
//! static ALLOC: CachingAlloc = CachingAlloc::new(1 << 30); // keep up to 1 GiB of free blocks
//!
//! let v = vec![0.0f64; 1 << 16];
//! drop(v);
//! let w = vec![1.0f64; 1 << 16]; // the same block again, without a page fault
//! assert_eq!(w.len(), 1 << 16);
//! ```

use core::alloc::{GlobalAlloc, Layout};
use core::sync::atomic::{AtomicBool, Ordering};
use std::alloc::System;

/// How many free blocks the cache remembers: enough for the records of a long chain of array
/// rules (the optical network keeps about ten arrays per plate for its reverse sweep).
const SLOTS: usize = 1024;

/// A free block: its address and layout (`size == 0` marks an empty slot).
#[derive(Clone, Copy)]
struct Block {
    ptr: *mut u8,
    size: usize,
    align: usize,
}

const EMPTY: Block = Block { ptr: core::ptr::null_mut(), size: 0, align: 0 };

/// A global allocator over [`System`] that reuses large freed blocks; see the
/// [module documentation](self).
pub struct CachingAlloc {
    lock: AtomicBool,
    // Only touched while `lock` is held.
    cache: core::cell::UnsafeCell<Cache>,
}

struct Cache {
    blocks: [Block; SLOTS],
    bytes: usize,
    capacity: usize,
}

// SAFETY: the cache is only read or written while the spin lock is held, and the raw pointers
// it stores are free blocks owned by the cache, not shared with anyone.
unsafe impl Sync for CachingAlloc {}

impl CachingAlloc {
    /// Blocks smaller than this are left to the system allocator, which reuses them well.
    pub const MIN_SIZE: usize = 64 * 1024;

    /// A caching allocator that keeps at most `capacity` bytes of free blocks.
    pub const fn new(capacity: usize) -> Self {
        CachingAlloc {
            lock: AtomicBool::new(false),
            cache: core::cell::UnsafeCell::new(Cache { blocks: [EMPTY; SLOTS], bytes: 0, capacity }),
        }
    }

    /// Runs `f` on the cache with the lock held.
    fn with<R>(&self, f: impl FnOnce(&mut Cache) -> R) -> R {
        while self.lock.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
            core::hint::spin_loop();
        }
        // SAFETY: the lock gives this thread exclusive access to the cache until released.
        let r = f(unsafe { &mut *self.cache.get() });
        self.lock.store(false, Ordering::Release);
        r
    }

    /// A cached block of exactly `layout`, if there is one.
    fn take(&self, layout: Layout) -> Option<*mut u8> {
        self.with(|c| {
            let slot = c.blocks.iter_mut().find(|b| b.size == layout.size() && b.align == layout.align())?;
            let ptr = slot.ptr;
            *slot = EMPTY;
            c.bytes -= layout.size();
            Some(ptr)
        })
    }

    /// Keeps a freed block if there is room; `false` if the caller must free it.
    fn put(&self, ptr: *mut u8, layout: Layout) -> bool {
        self.with(|c| {
            if c.bytes + layout.size() > c.capacity {
                return false;
            }
            let Some(slot) = c.blocks.iter_mut().find(|b| b.size == 0) else { return false };
            *slot = Block { ptr, size: layout.size(), align: layout.align() };
            c.bytes += layout.size();
            true
        })
    }

    /// The bytes currently held in free blocks.
    ///
    /// ```
    /// use autodiff_runtime::alloc::CachingAlloc;
    /// assert_eq!(CachingAlloc::new(1 << 20).cached_bytes(), 0);
    /// ```
    pub fn cached_bytes(&self) -> usize {
        self.with(|c| c.bytes)
    }
}

// SAFETY: every block handed out comes either from `System` with the requested layout, or
// from the cache, which only holds blocks that were allocated by `System` with exactly the
// same size and alignment and then freed by the program; each cached block is handed out at
// most once (its slot is emptied under the lock). Blocks are returned to `System` with the
// layout they were allocated with.
unsafe impl GlobalAlloc for CachingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.size() >= Self::MIN_SIZE {
            if let Some(p) = self.take(layout) {
                return p;
            }
        }
        // SAFETY: forwarded with the caller's layout, which has a non-zero size.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.size() >= Self::MIN_SIZE {
            if let Some(p) = self.take(layout) {
                // SAFETY: the block is `layout.size()` bytes long and owned by the caller now.
                unsafe { core::ptr::write_bytes(p, 0, layout.size()) };
                return p;
            }
        }
        // SAFETY: as in `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if layout.size() >= Self::MIN_SIZE && self.put(ptr, layout) {
            return;
        }
        // SAFETY: `ptr` was allocated by `System` (directly or through the cache) with `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.size() < Self::MIN_SIZE && new_size < Self::MIN_SIZE {
            // SAFETY: small blocks never enter the cache, so `ptr` is `System`'s with `layout`.
            return unsafe { System.realloc(ptr, layout, new_size) };
        }
        // SAFETY: the caller guarantees a valid `layout` and `new_size`; the new layout keeps
        // the alignment, and the copy covers the smaller of the two sizes.
        unsafe {
            let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
            let new = self.alloc(new_layout);
            if !new.is_null() {
                core::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            new
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reuses_blocks_of_the_same_layout_up_to_its_capacity() {
        let a = CachingAlloc::new(3 * CachingAlloc::MIN_SIZE);
        let big = Layout::from_size_align(2 * CachingAlloc::MIN_SIZE, 8).unwrap();
        let other = Layout::from_size_align(2 * CachingAlloc::MIN_SIZE, 64).unwrap();
        unsafe {
            let p = a.alloc(big);
            p.write(7);
            a.dealloc(p, big);
            assert_eq!(a.cached_bytes(), big.size());
            // Another alignment does not take it; the same layout does.
            let q = a.alloc(other);
            assert_ne!(q, p);
            let r = a.alloc_zeroed(big);
            assert_eq!(r, p);
            assert_eq!(*r, 0);
            assert_eq!(a.cached_bytes(), 0);
            // Over capacity: the second block goes back to the system.
            a.dealloc(r, big);
            a.dealloc(q, other);
            assert_eq!(a.cached_bytes(), big.size());
            // Growing a cached-size block copies its contents.
            let s = a.alloc(big);
            s.add(5).write(42);
            let t = a.realloc(s, big, 3 * CachingAlloc::MIN_SIZE);
            assert_eq!(*t.add(5), 42);
            a.dealloc(t, Layout::from_size_align(3 * CachingAlloc::MIN_SIZE, 8).unwrap());
        }
    }

    #[test]
    fn small_blocks_are_not_cached() {
        let a = CachingAlloc::new(1 << 30);
        let small = Layout::from_size_align(1024, 8).unwrap();
        unsafe {
            let p = a.alloc(small);
            let p = a.realloc(p, small, 2048);
            a.dealloc(p, Layout::from_size_align(2048, 8).unwrap());
        }
        assert_eq!(a.cached_bytes(), 0);
    }
}
