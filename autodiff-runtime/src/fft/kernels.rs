//! The transforms along the axes of an array, row by row or in batches of columns, on one
//! thread or on rayon; and the circular shift behind `fftshift`.
//!
//! An array in standard (row-major) layout is seen, for the axis being transformed, as
//! `outer × n × inner`: `n` the axis' length, `inner` the product of the lengths after it.
//!
//! * `inner = 1` (the last axis): every lane is a contiguous row; runs of whole rows are
//!   transformed in place by one rustfft call each.
//! * `inner > 1`: the lanes are columns with stride `inner`. They are transformed
//!   [`COLUMN_BATCH`] at a time: the batch is gathered into a contiguous buffer (reading rows
//!   of the batch, which are contiguous), transformed as rows, and scattered back.
//!
//! The work units (runs of rows, batches of columns) are fixed by the shape alone, and each is
//! transformed by the same calls on either path, so [`Par::Seq`] and [`Par::Rayon`] give
//! bitwise equal results.

use super::Axes;
use super::plan::{FftFloat, sized};
use ndarray::parallel::prelude::*;
use ndarray::{Array, ArrayViewMut2, ArrayViewMut3, Axis, Dimension, Slice};
use num_complex::Complex;
use rayon::prelude::*;
use rustfft::FftDirection;

/// Arrays with at least this many elements are transformed on rayon (under [`Par::Auto`]).
///
/// Measured with `fft::tests::measure_threshold` (an ignored test; optimised build) on this
/// project's 2-core machine, complex `f64`, best of 5, µs alone / on rayon:
///
/// | shape, axes | elements | second core idle | second core busy (another build) |
/// |---|---|---|---|
/// | 64 × 64, both | 4,096 | 16.5 / 28 (0.6×) | 16 / 26–45 (0.4–0.6×) |
/// | 128 × 128, both | 16,384 | 87 / 70, 104 / 193 (0.5–1.2×) | 74–100 / 79–150 (0.7–0.9×) |
/// | 256 × 64, last | 16,384 | 36 / 37 (1.0×) | 30–40 / 50–60 (0.6×) |
/// | 64 × 512, last | 32,768 | 113 / 83–90 (1.25–1.35×) | 93–129 / 103–143 (0.8–1.15×) |
/// | 512 × 64, last | 32,768 | 73 / 67–70 (1.05–1.1×) | 63–78 / 84–105 (0.75×) |
/// | 181 × 181, both (Bluestein) | 32,761 | 551–775 / 453–503 (1.2–1.5×) | 540–815 / 483–627 (0.9–1.6×) |
/// | 256 × 256, both | 65,536 | 633–680 / 383–413 (1.65×) | 640–720 / 406–700 (1.0–1.7×) |
/// | 512 × 512, both | 262,144 | 3,450–3,735 / 1,855–1,960 (1.9×) | 3,470–4,220 / 2,890–3,910 (1.05–1.3×) |
///
/// Rayon breaks even around 16,384 elements on an idle second core and gains from 32,768;
/// with the core busy it loses up to 0.75× there. A transform with a single unit of work (one
/// row, or one batch of columns) stays on the calling thread whatever its size.
pub const FFT_PARALLEL_THRESHOLD: usize = 1 << 15;

/// Columns gathered and transformed together along a strided axis: 16 complex `f64` make a
/// 256-byte read per row of the batch (four cache lines). Batches are fixed by the shape,
/// so results do not depend on the number of threads.
///
/// ```
/// use autodiff_runtime::fft::{transform, FftDirection, Par, COLUMN_BATCH};
/// use autodiff_runtime::Complex64;
/// use ndarray::{Array2, Axis};
/// // a transform along the columns of a matrix wider than one batch
/// let x = Array2::from_shape_fn((4, COLUMN_BATCH + 3), |(i, j)| Complex64::new(i as f64, j as f64));
/// let (mut a, mut b) = (x.clone(), x.clone());
/// transform(&mut a, &[Axis(0)], FftDirection::Forward, Par::Seq);
/// transform(&mut b, &[Axis(0)], FftDirection::Forward, Par::Rayon);
/// assert_eq!(a, b);
/// assert_eq!(a[[0, 5]], x.column(5).sum());
/// ```
pub const COLUMN_BATCH: usize = 16;

/// Elements per work unit of contiguous rows (whole rows, at least one).
const ROW_UNIT: usize = 1 << 12;

/// Where a kernel runs.
///
/// ```
/// use autodiff_runtime::fft::{Par, FFT_PARALLEL_THRESHOLD};
/// assert!(!Par::Auto.parallel(FFT_PARALLEL_THRESHOLD - 1));
/// assert!(Par::Auto.parallel(FFT_PARALLEL_THRESHOLD));
/// assert!(Par::Rayon.parallel(1) && !Par::Seq.parallel(1 << 30));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Par {
    /// On the calling thread.
    Seq,
    /// On rayon's pool, whatever the size (a transform with a single unit of work still runs
    /// on the calling thread).
    Rayon,
    /// On rayon for arrays of at least [`FFT_PARALLEL_THRESHOLD`] elements, else on the
    /// calling thread. What the rules use.
    #[default]
    Auto,
}

impl Par {
    /// Whether an array of `len` elements runs on rayon.
    pub fn parallel(self, len: usize) -> bool {
        match self {
            Par::Seq => false,
            Par::Rayon => true,
            Par::Auto => len >= FFT_PARALLEL_THRESHOLD,
        }
    }
}

/// The discrete Fourier transform of `a` in place along each of `axes`, with numpy's
/// normalisation: [`FftDirection::Forward`] is unnormalised,
/// `yₖ = Σⱼ xⱼ e^{−2πi jk/n}`; [`FftDirection::Inverse`] divides by the product of the
/// transformed lengths, `xⱼ = (1/n) Σₖ yₖ e^{2πi jk/n}`.
///
/// An array not in standard layout is first copied into it. Axes of length 0 or 1 are left
/// alone (the transform of one element is itself).
///
/// # Panics
/// If an axis is out of range or repeated.
///
/// ```
/// use autodiff_runtime::fft::{transform, Par};
/// use autodiff_runtime::Complex64;
/// use ndarray::{array, Axis};
/// use autodiff_runtime::fft::FftDirection;
/// let mut a = array![[Complex64::new(1.0, 0.0), Complex64::new(2.0, 0.0)]];
/// transform(&mut a, &[Axis(1)], FftDirection::Forward, Par::Seq);
/// assert_eq!(a, array![[Complex64::new(3.0, 0.0), Complex64::new(-1.0, 0.0)]]);
/// transform(&mut a, &[Axis(1)], FftDirection::Inverse, Par::Seq);
/// assert_eq!(a, array![[Complex64::new(1.0, 0.0), Complex64::new(2.0, 0.0)]]);
/// ```
#[track_caller]
pub fn transform<T: FftFloat, D: Dimension>(
    a: &mut Array<Complex<T>, D>,
    axes: &[Axis],
    direction: FftDirection,
    par: Par,
) {
    let axes = Axes::from_list("transform", a.shape(), axes);
    transform_axes(a, axes, direction, par);
}

/// [`transform`] along a set of axes already checked.
pub(crate) fn transform_axes<T: FftFloat, D: Dimension>(
    a: &mut Array<Complex<T>, D>,
    axes: Axes,
    direction: FftDirection,
    par: Par,
) {
    if !a.is_standard_layout() {
        *a = a.as_standard_layout().into_owned();
    }
    let shape = a.shape().to_vec();
    let data = a.as_slice_mut().expect("standard layout");
    let parallel = par.parallel(data.len());
    for axis in axes.iter() {
        along_axis(data, &shape, axis, direction, parallel);
    }
    if direction == FftDirection::Inverse {
        let n: usize = axes.iter().map(|k| shape[k]).product();
        if n > 1 {
            scale(data, T::one() / T::c(n as f64), parallel);
        }
    }
}

/// Transforms every lane along `axis` of the standard-layout `data` of `shape`, unnormalised.
fn along_axis<T: FftFloat>(
    data: &mut [Complex<T>],
    shape: &[usize],
    axis: usize,
    direction: FftDirection,
    parallel: bool,
) {
    let n = shape[axis];
    if n <= 1 || data.is_empty() {
        return;
    }
    let outer: usize = shape[..axis].iter().product();
    let inner: usize = shape[axis + 1..].iter().product();
    let plan = T::plan(n, direction);
    let scratch_len = plan.get_inplace_scratch_len();
    if inner == 1 {
        let rows = |chunk: &mut [Complex<T>]| {
            T::with_buffers(|scratch, _| plan.process_with_scratch(chunk, sized(scratch, scratch_len)));
        };
        let unit = n * (ROW_UNIT / n).max(1);
        if parallel && data.len() > unit {
            data.par_chunks_mut(unit).for_each(rows);
        } else {
            data.chunks_mut(unit).for_each(rows);
        }
    } else {
        let columns = |mut cols: ArrayViewMut2<'_, Complex<T>>| {
            let b = cols.ncols();
            let rs = cols.strides()[0];
            debug_assert!(b <= 1 || cols.strides()[1] == 1, "columns of standard-layout data");
            let p = cols.as_mut_ptr();
            // Each row of the block is `b` contiguous elements `rs` apart (standard layout):
            // plain slices, so that the transposing copies compile to tight loops.
            // SAFETY: the block `n × b` with row stride `rs` and unit column stride lies inside
            // `data`, which the view borrows mutably for this closure only.
            let row = |k: usize| unsafe { core::slice::from_raw_parts_mut(p.offset(k as isize * rs), b) };
            T::with_buffers(|scratch, buf| {
                let buf = sized(buf, n * b);
                for k in 0..n {
                    for (j, &v) in row(k).iter().enumerate() {
                        buf[j * n + k] = v;
                    }
                }
                plan.process_with_scratch(buf, sized(scratch, scratch_len));
                for k in 0..n {
                    for (j, v) in row(k).iter_mut().enumerate() {
                        *v = buf[j * n + k];
                    }
                }
            });
        };
        let mut view = ArrayViewMut3::from_shape((outer, n, inner), data).expect("shape of the data");
        if parallel && (outer > 1 || inner > COLUMN_BATCH) {
            view.outer_iter_mut().into_par_iter().for_each(|mut block| {
                block.axis_chunks_iter_mut(Axis(1), COLUMN_BATCH).into_par_iter().for_each(columns)
            });
        } else {
            for mut block in view.outer_iter_mut() {
                block.axis_chunks_iter_mut(Axis(1), COLUMN_BATCH).for_each(columns);
            }
        }
    }
}

/// `data *= c`, elementwise.
fn scale<T: FftFloat>(data: &mut [Complex<T>], c: T, parallel: bool) {
    if parallel {
        data.par_iter_mut().for_each(|v| *v = v.scale(c));
    } else {
        data.iter_mut().for_each(|v| *v = v.scale(c));
    }
}

/// `x` rolled circularly by `shifts[k]` along each axis `k` (numpy's `roll`): the element at
/// index `i` moves to `(i + shift) mod n`. One pass, writing each element once: for `m`
/// shifted axes, `2ᵐ` block copies.
pub(crate) fn roll<E: Clone, S: ndarray::Data<Elem = E>, D: Dimension>(
    x: &ndarray::ArrayBase<S, D>,
    shifts: &[usize],
) -> Array<E, D> {
    let shape = x.shape();
    let shifted: Vec<usize> = (0..shape.len()).filter(|&k| shape[k] > 0 && shifts[k] % shape[k] != 0).collect();
    if shifted.is_empty() {
        return x.to_owned();
    }
    // Every element is written by exactly one of the block copies below.
    let mut y = Array::uninit(x.raw_dim());
    for part in 0..1usize << shifted.len() {
        // Along a shifted axis of length n with shift s: part 0 moves x[0..n-s] to y[s..n],
        // part 1 moves x[n-s..n] to y[0..s].
        let ranges = |k: usize, source: bool| -> Slice {
            match shifted.iter().position(|&a| a == k) {
                None => Slice::from(..),
                Some(bit) => {
                    let (n, s) = (shape[k] as isize, (shifts[k] % shape[k]) as isize);
                    match (part >> bit & 1 == 1, source) {
                        (false, true) => Slice::from(0..n - s),
                        (false, false) => Slice::from(s..n),
                        (true, true) => Slice::from(n - s..n),
                        (true, false) => Slice::from(0..s),
                    }
                }
            }
        };
        let src = x.slice_each_axis(|d| ranges(d.axis.index(), true));
        let mut dst = y.slice_each_axis_mut(|d| ranges(d.axis.index(), false));
        src.assign_to(&mut dst);
    }
    // SAFETY: the blocks of the parts tile the array (along each shifted axis the two target
    // ranges partition 0..n), so every element was written above.
    unsafe { y.assume_init() }
}
