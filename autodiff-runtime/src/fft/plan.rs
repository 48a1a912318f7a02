//! The FFT plan cache and the per-thread work buffers of the kernels.
//!
//! Planning a transform of length `n` (choosing the algorithm, computing twiddle factors) costs
//! more than running it once, so plans are made once per (length, direction) and shared: one
//! [`rustfft::FftPlanner`] per precision lives behind a `Mutex` in a `OnceLock`, for the whole
//! process, and hands out `Arc<dyn Fft>` clones (the planner caches the plans it made). The
//! lock is held only while a plan is looked up, never while a transform runs, so threads
//! transform concurrently. Each thread also keeps its work buffers (rustfft's scratch and the
//! gathered columns of a strided transform) between calls.

use crate::Real;
use num_complex::Complex;
use rustfft::{Fft, FftDirection, FftNum, FftPlanner};
use std::cell::RefCell;
use std::sync::{Arc, Mutex, OnceLock};

/// A real precision the FFT rules run in: `f64` or `f32`.
///
/// Each precision has its own shared plan cache and per-thread buffers; the trait is sealed.
///
/// ```
/// use autodiff_runtime::fft::FftFloat;
/// use autodiff_runtime::fft::FftDirection;
/// let a = f64::plan(8, FftDirection::Forward);
/// let b = f64::plan(8, FftDirection::Forward);
/// assert!(std::sync::Arc::ptr_eq(&a, &b)); // planned once, shared after
/// assert_eq!(a.len(), 8);
/// ```
pub trait FftFloat: Real + FftNum + sealed::Sealed {
    /// The cached plan of a transform of length `n` in `direction`, made on first use.
    fn plan(n: usize, direction: FftDirection) -> Arc<dyn Fft<Self>>;

    /// Runs `f` with this thread's two work buffers (emptied of meaning, not of capacity:
    /// callers resize them). If the buffers are already in use on this thread (a re-entrant
    /// call), `f` gets fresh ones.
    #[doc(hidden)]
    fn with_buffers<R>(f: impl FnOnce(&mut Vec<Complex<Self>>, &mut Vec<Complex<Self>>) -> R) -> R;
}

mod sealed {
    /// Only `f64` and `f32` are FFT precisions: each has its own statics.
    pub trait Sealed {}
    impl Sealed for f64 {}
    impl Sealed for f32 {}
}

/// Looks `n` up in a planner behind a mutex; a planner poisoned by a panic elsewhere is still
/// a valid cache, so the poison is ignored.
fn plan_in<T: FftNum>(planner: &Mutex<FftPlanner<T>>, n: usize, direction: FftDirection) -> Arc<dyn Fft<T>> {
    let mut planner = planner.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    planner.plan_fft(n, direction)
}

macro_rules! fft_float {
    ($($t:ty => $planner:ident, $buffers:ident;)*) => {$(
        static $planner: OnceLock<Mutex<FftPlanner<$t>>> = OnceLock::new();

        thread_local! {
            static $buffers: RefCell<(Vec<Complex<$t>>, Vec<Complex<$t>>)> = const { RefCell::new((Vec::new(), Vec::new())) };
        }

        impl FftFloat for $t {
            fn plan(n: usize, direction: FftDirection) -> Arc<dyn Fft<$t>> {
                plan_in($planner.get_or_init(|| Mutex::new(FftPlanner::new())), n, direction)
            }

            fn with_buffers<R>(f: impl FnOnce(&mut Vec<Complex<$t>>, &mut Vec<Complex<$t>>) -> R) -> R {
                $buffers.with(|cell| match cell.try_borrow_mut() {
                    Ok(mut pair) => {
                        let (a, b) = &mut *pair;
                        f(a, b)
                    }
                    Err(_) => f(&mut Vec::new(), &mut Vec::new()),
                })
            }
        }
    )*};
}

fft_float! {
    f64 => PLANNER_F64, BUFFERS_F64;
    f32 => PLANNER_F32, BUFFERS_F32;
}

/// Resizes a work buffer to `len` elements (contents unspecified) and returns it as a slice.
pub(crate) fn sized<T: FftFloat>(v: &mut Vec<Complex<T>>, len: usize) -> &mut [Complex<T>] {
    if v.len() < len {
        v.resize(len, Complex::new(T::zero(), T::zero()));
    }
    &mut v[..len]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_are_shared_across_threads() {
        let here = f32::plan(12, FftDirection::Inverse);
        let there = std::thread::spawn(|| f32::plan(12, FftDirection::Inverse)).join().unwrap();
        assert!(Arc::ptr_eq(&here, &there));
        assert_eq!(here.fft_direction(), FftDirection::Inverse);
        assert!(!Arc::ptr_eq(&here, &f32::plan(12, FftDirection::Forward)));
    }

    #[test]
    fn re_entrant_buffers_are_fresh() {
        f64::with_buffers(|a, _| {
            a.push(Complex::new(1.0, 0.0));
            f64::with_buffers(|inner, _| assert!(inner.is_empty()));
        });
    }
}
