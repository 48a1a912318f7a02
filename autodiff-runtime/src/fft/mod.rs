//! Discrete Fourier transforms with their derivatives: `fft`, `ifft` (along one axis),
//! `fft2`, `ifft2` (the last two axes), `fftn`, `ifftn` (all axes), `fftshift`, `ifftshift`.
//!
//! The rules follow numpy's `numpy.fft`: [`fft`] is unnormalised, `yₖ = Σⱼ xⱼ e^{−2πi jk/n}`,
//! [`ifft`] divides by `n`, `xⱼ = (1/n) Σₖ yₖ e^{2πi jk/n}` (by the product of the lengths for
//! the multi-axis transforms); `fft` and `ifft` act on the last axis as numpy's default does,
//! [`fft_axis`] and [`ifft_axis`] on a given one. The input may be complex
//! (`Complex<f64>`, `Complex<f32>`) or real (`f64`, `f32`, taken as complex with zero
//! imaginary part); the output is complex. Transforms run on [`rustfft`] with plans cached for
//! the whole process ([`FftFloat::plan`]) and, above [`FFT_PARALLEL_THRESHOLD`] elements, on
//! rayon ([`transform`] describes the kernels). The rules are re-exported by [`crate::ops`];
//! ordinary code calls them as array methods through [`FftExt`] (`x.fft2()`).
//!
//! # The complex-gradient convention
//!
//! The runtime follows autograd's convention, so that code written against autograd's
//! gradients works unchanged. For a real loss `L` of a complex `z = x + iy`, the gradient is
//!
//! ```text
//! z̄ = ∂L/∂x − i ∂L/∂y        (= 2 ∂L/∂z, the Wirtinger derivative)
//! ```
//!
//! the *conjugate* of the direction of steepest ascent: a descent step is `z ← z − η·conj(z̄)`.
//! The first-order change of `L` along a tangent `ż` pairs cotangents and tangents without a
//! conjugate, `dL = Re Σ z̄ ż`, and that is the inner product in which a VJP is the adjoint of
//! its JVP: `Re Σ ȳ·(J ż) = Re Σ (Jᵀȳ)·ż`. For a holomorphic map the VJP multiplies by the
//! derivative (`z̄ = ȳ·f′(z)`, no conjugate); for a complex-linear map `y = A z` it is the plain
//! transpose, `z̄ = Aᵀ ȳ`. With `F` the (symmetric) DFT matrix this gives, as autograd's
//! `numpy/fft.py` does:
//!
//! | rule | `y` | VJP `x̄ +=` | JVP `ẏ =` |
//! |---|---|---|---|
//! | [`fft`], [`fft_axis`], [`fft2`], [`fftn`] | `F x` | `fft(ȳ)` (same axes) | `fft(ẋ)` |
//! | [`ifft`], [`ifft_axis`], [`ifft2`], [`ifftn`] | `(1/n) F̄ x` | `ifft(ȳ)` (same axes) | `ifft(ẋ)` |
//! | [`fftshift`], [`fftshift_axes`] | roll by `⌊n/2⌋` | `ifftshift(ȳ)` | `fftshift(ẋ)` |
//! | [`ifftshift`], [`ifftshift_axes`] | roll by `−⌊n/2⌋` | `fftshift(ȳ)` | `ifftshift(ẋ)` |
//!
//! For a real input `x` the cotangent is the real part of the complex one (`∂L/∂y` does not
//! exist), as autograd's `match_complex` does.
//!
//! An example: `L(z) = Σ |fft(z)|²` is `n Σ |z|²` (Parseval), whose gradient in this
//! convention is `2n·conj(z)`. The cotangent of `u = fft(z)` is `∂L/∂Re u − i ∂L/∂Im u =
//! 2 conj(u)`, and the VJP of `fft` carries it back:
//!
//! ```
//! use autodiff_runtime::{ops, Adjoint, Complex64};
//! use ndarray::array;
//! let z = array![Complex64::new(1.0, 2.0), Complex64::new(-0.5, 0.25), Complex64::new(0.0, -1.0)];
//! let (u, d) = ops::fft(&z);
//! let u_bar = u.mapv(|u| 2.0 * u.conj());
//! let mut z_bar = Adjoint::zero();
//! ops::fft_vjp(Adjoint::new(u_bar), &mut z_bar, d);
//! let z_bar = z_bar.get().unwrap();
//! for (g, z) in z_bar.iter().zip(&z) {
//!     assert!((g - 2.0 * 3.0 * z.conj()).norm() < 1e-12);
//! }
//! ```

mod ext;
mod kernels;
mod plan;
mod rules;
#[cfg(test)]
mod tests;

pub use ext::FftExt;
pub use kernels::{COLUMN_BATCH, FFT_PARALLEL_THRESHOLD, Par, transform};
pub use plan::FftFloat;
pub use rules::*;
pub use rustfft::{self, FftDirection};

use crate::complex::ComplexOperand;
use ndarray::{Array, Axis, Dimension};
use num_complex::Complex;

/// An element the FFT rules take: an operand of the complex rules (`f64`, `f32`,
/// `Complex<f64>`, `Complex<f32>`; see [`ComplexOperand`]) of a precision rustfft transforms,
/// converted a whole array at a time. Its cotangent has the same type; a real input's
/// cotangent is the real part of the complex cotangent the transform pulls back.
///
/// ```
/// use autodiff_runtime::fft::FftElem;
/// use autodiff_runtime::Complex64;
/// use ndarray::array;
/// assert_eq!(f64::into_complex_array(array![2.0]), array![Complex64::new(2.0, 0.0)]);
/// assert_eq!(f64::from_cotangent_array(array![Complex64::new(2.0, 3.0)]), array![2.0]);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an element type the FFT rules transform",
    note = "the FFT rules take arrays of `f64`, `f32`, `Complex<f64>` or `Complex<f32>`"
)]
pub trait FftElem: ComplexOperand<Real: FftFloat> {
    /// The array as a complex array in standard layout (reusing its storage where it can).
    fn into_complex_array<D: Dimension>(x: Array<Self, D>) -> Array<Complex<Self::Real>, D>;
    /// The array of cotangents of this type, from complex cotangents.
    fn from_cotangent_array<D: Dimension>(c: Array<Complex<Self::Real>, D>) -> Array<Self, D>;
}

macro_rules! real_fft_elem {
    ($($t:ty)*) => {$(
        impl FftElem for $t {
            fn into_complex_array<D: Dimension>(x: Array<$t, D>) -> Array<Complex<$t>, D> {
                // `map` writes a standard-layout array whatever the layout of `x`.
                x.map(|&v| v.to_complex())
            }
            fn from_cotangent_array<D: Dimension>(c: Array<Complex<$t>, D>) -> Array<$t, D> {
                c.map(|&v| <$t>::from_cotangent(v))
            }
        }
    )*};
}

real_fft_elem!(f32 f64);

impl<T: FftFloat> FftElem for Complex<T> {
    fn into_complex_array<D: Dimension>(x: Array<Complex<T>, D>) -> Array<Complex<T>, D> {
        if x.is_standard_layout() { x } else { x.as_standard_layout().into_owned() }
    }
    fn from_cotangent_array<D: Dimension>(c: Array<Complex<T>, D>) -> Array<Complex<T>, D> {
        c
    }
}

/// A set of distinct axes of an array of at most 64 dimensions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Axes(u64);

impl Axes {
    /// The axes in `list`, checked against an array of `shape`.
    ///
    /// # Panics
    /// If an axis is out of range or repeated, naming `op` (and the shape).
    #[track_caller]
    pub(crate) fn from_list(op: &str, shape: &[usize], list: &[Axis]) -> Self {
        let mut set = 0u64;
        for a in list {
            let k = a.index();
            assert!(k < shape.len(), "{op}: axis {k} is out of range for an array of shape {shape:?}");
            assert!(
                set >> k & 1 == 0,
                "{op}: axis {k} is repeated in {:?}",
                list.iter().map(|a| a.index()).collect::<Vec<_>>()
            );
            set |= 1 << k;
        }
        Axes(set)
    }

    /// The last `k` axes of an array of `shape`.
    ///
    /// # Panics
    /// If the array has fewer than `k` dimensions, naming `op` and the shape.
    #[track_caller]
    pub(crate) fn last(op: &str, shape: &[usize], k: usize) -> Self {
        let ndim = shape.len();
        assert!(ndim >= k, "{op}: transforms the last {k} axes, but the array has shape {shape:?}");
        Self::range(ndim - k, ndim)
    }

    /// All the axes of an array of `ndim` dimensions.
    pub(crate) fn all(ndim: usize) -> Self {
        Self::range(0, ndim)
    }

    #[track_caller]
    fn range(from: usize, to: usize) -> Self {
        assert!(to <= 64, "FFT rules take arrays of at most 64 dimensions, not {to}");
        Axes((from..to).fold(0, |s, k| s | 1 << k))
    }

    /// The axes, in increasing order.
    pub(crate) fn iter(self) -> impl Iterator<Item = usize> {
        (0..64).filter(move |k| self.0 >> k & 1 == 1)
    }
}

/// Checks that a tangent or cotangent has the shape it should, naming the rule.
#[track_caller]
pub(crate) fn check_shape(op: &str, what: &str, expected: &[usize], got: &[usize]) {
    assert!(expected == got, "{op}: the {what} has shape {got:?} but should have shape {expected:?}");
}
