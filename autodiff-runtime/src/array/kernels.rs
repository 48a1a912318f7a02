//! Elementwise kernels: sequential for small arrays, on rayon for large ones.
//!
//! Whether a kernel is worth splitting depends on its cost per element. Measured on this
//! project's benchmark machine (2 cores; `BENCHMARKS.md`): an addition is memory-bound and
//! gains from two threads only above about 250,000 elements, while `tanh` (about 20 ns per
//! element) already gains at 8,000.

/// Arrays with at least this many elements run cheap kernels (arithmetic, accumulation,
/// scaling) in parallel.
pub const PARALLEL_THRESHOLD: usize = 1 << 18;

/// Arrays with at least this many elements run costly kernels (transcendental functions and
/// `mapv` closures) in parallel.
pub const PARALLEL_THRESHOLD_COSTLY: usize = 1 << 13;

/// Whether the binary rule `op` costs a transcendental function call per element.
pub(crate) fn costly(op: &str) -> bool {
    matches!(op, "powf" | "log" | "atan2" | "hypot")
}

/// Runs a `Zip` sequentially or in parallel, by its size and whether its kernel is costly.
macro_rules! zip_for_each {
    ($costly:expr, $zip:expr, $f:expr) => {{
        let zip = $zip;
        let threshold =
            if $costly { $crate::array::PARALLEL_THRESHOLD_COSTLY } else { $crate::array::PARALLEL_THRESHOLD };
        if zip.size() >= threshold { zip.par_for_each($f) } else { zip.for_each($f) }
    }};
}

/// Collects a `Zip` into a new array through `$f`, sequentially or in parallel as
/// [`zip_for_each`] decides; the array is written once, never zeroed first.
macro_rules! zip_collect {
    ($costly:expr, $zip:expr, $f:expr) => {{
        let zip = $zip;
        let threshold =
            if $costly { $crate::array::PARALLEL_THRESHOLD_COSTLY } else { $crate::array::PARALLEL_THRESHOLD };
        if zip.size() >= threshold { zip.par_map_collect($f) } else { zip.map_collect($f) }
    }};
}

pub(crate) use {zip_collect, zip_for_each};

/// Elements per chunk of a parallel sum. The chunks do not depend on the number of threads,
/// so neither does the result.
const SUM_CHUNK: usize = 1 << 15;

/// `Σ x`: ndarray's sum below [`PARALLEL_THRESHOLD`] elements (or for a non-contiguous
/// array); above it, sums of fixed chunks computed in parallel and added in order, so the
/// result is the same for any number of threads.
///
/// ```
/// let x = ndarray::Array1::from_elem(1 << 20, 0.5f64);
/// assert_eq!(autodiff_runtime::array::sum(&x), (1 << 19) as f64);
/// ```
pub fn sum<T: crate::Real, S: ndarray::Data<Elem = T>, D: ndarray::Dimension>(x: &ndarray::ArrayBase<S, D>) -> T {
    match x.as_slice_memory_order() {
        Some(s) if s.len() >= PARALLEL_THRESHOLD => {
            use rayon::prelude::*;
            let parts: Vec<T> = s.par_chunks(SUM_CHUNK).map(|c| c.iter().fold(T::zero(), |a, &v| a + v)).collect();
            parts.into_iter().fold(T::zero(), |a, v| a + v)
        }
        _ => x.sum(),
    }
}
