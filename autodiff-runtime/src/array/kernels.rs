//! Elementwise kernels: sequential below a size threshold, on rayon above it.

/// Arrays with at least this many elements are processed in parallel by the elementwise,
/// broadcasting and accumulation kernels. Below it, rayon's scheduling costs more than it
/// saves on this project's benchmark machine.
pub const PARALLEL_THRESHOLD: usize = 1 << 15;

/// Runs a `Zip` sequentially or in parallel depending on `len`.
macro_rules! zip_for_each {
    ($zip:expr, $f:expr) => {{
        let zip = $zip;
        if zip.size() >= $crate::array::PARALLEL_THRESHOLD { zip.par_for_each($f) } else { zip.for_each($f) }
    }};
}

pub(crate) use zip_for_each;
