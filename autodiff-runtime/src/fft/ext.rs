//! The FFT rules as array methods, for the primal code users write.

use super::FftElem;
use super::rules;
use ndarray::{Array, ArrayBase, Axis, Data, Dimension};
use num_complex::Complex;

/// FFT methods on ndarray arrays of `f64`, `f32`, `Complex<f64>` or `Complex<f32>`, with
/// numpy's names and conventions: import the trait (`use autodiff_runtime::FftExt;`) and write
/// `x.fft2()` in ordinary code. Each method returns the value of the rule of the same name in
/// [`crate::fft`] (re-exported by [`crate::ops`]), whose docs give the formulas, the panics and
/// the derivatives; `#[differentiable]` code calling these methods can be differentiated by
/// those rules.
///
/// ```
/// use autodiff_runtime::{Complex64, FftExt};
/// use ndarray::{array, Axis};
/// let x = array![[1.0f64, 2.0], [3.0, 4.0]];
/// let y = x.fft2();
/// assert_eq!(y, array![[10.0, -2.0], [-4.0, 0.0]].mapv(|v| Complex64::new(v, 0.0)));
/// assert_eq!(y.ifft2(), x.mapv(|v| Complex64::new(v, 0.0)));
/// assert_eq!(x.fft_axis(Axis(0)), array![[4.0, 6.0], [-2.0, -2.0]].mapv(|v| Complex64::new(v, 0.0)));
/// assert_eq!(x.fftshift_axes(&[Axis(1)]), array![[2.0, 1.0], [4.0, 3.0]]);
/// ```
pub trait FftExt<E: FftElem, D: Dimension> {
    /// numpy's `np.fft.fft(x)`: along the last axis, unnormalised ([`fft`](rules::fft)).
    fn fft(&self) -> Array<Complex<E::Real>, D>;
    /// numpy's `np.fft.ifft(x)`: along the last axis, divided by its length ([`ifft`](rules::ifft)).
    fn ifft(&self) -> Array<Complex<E::Real>, D>;
    /// numpy's `np.fft.fft(x, axis=k)` ([`fft_axis`](rules::fft_axis)).
    fn fft_axis(&self, axis: Axis) -> Array<Complex<E::Real>, D>;
    /// numpy's `np.fft.ifft(x, axis=k)` ([`ifft_axis`](rules::ifft_axis)).
    fn ifft_axis(&self, axis: Axis) -> Array<Complex<E::Real>, D>;
    /// numpy's `np.fft.fft2(x)`: along the last two axes ([`fft2`](rules::fft2)).
    fn fft2(&self) -> Array<Complex<E::Real>, D>;
    /// numpy's `np.fft.ifft2(x)` ([`ifft2`](rules::ifft2)).
    fn ifft2(&self) -> Array<Complex<E::Real>, D>;
    /// numpy's `np.fft.fftn(x)`: along every axis ([`fftn`](rules::fftn)).
    fn fftn(&self) -> Array<Complex<E::Real>, D>;
    /// numpy's `np.fft.ifftn(x)` ([`ifftn`](rules::ifftn)).
    fn ifftn(&self) -> Array<Complex<E::Real>, D>;
    /// numpy's `np.fft.fftshift(x)`: every axis rolled by `⌊n/2⌋` ([`fftshift`](rules::fftshift)).
    fn fftshift(&self) -> Array<E, D>;
    /// numpy's `np.fft.ifftshift(x)` ([`ifftshift`](rules::ifftshift)).
    fn ifftshift(&self) -> Array<E, D>;
    /// numpy's `np.fft.fftshift(x, axes)` ([`fftshift_axes`](rules::fftshift_axes)).
    fn fftshift_axes(&self, axes: &[Axis]) -> Array<E, D>;
    /// numpy's `np.fft.ifftshift(x, axes)` ([`ifftshift_axes`](rules::ifftshift_axes)).
    fn ifftshift_axes(&self, axes: &[Axis]) -> Array<E, D>;
}

impl<E: FftElem, S: Data<Elem = E>, D: Dimension> FftExt<E, D> for ArrayBase<S, D> {
    #[track_caller]
    fn fft(&self) -> Array<Complex<E::Real>, D> {
        rules::fft(self).0
    }
    #[track_caller]
    fn ifft(&self) -> Array<Complex<E::Real>, D> {
        rules::ifft(self).0
    }
    #[track_caller]
    fn fft_axis(&self, axis: Axis) -> Array<Complex<E::Real>, D> {
        rules::fft_axis(self, axis).0
    }
    #[track_caller]
    fn ifft_axis(&self, axis: Axis) -> Array<Complex<E::Real>, D> {
        rules::ifft_axis(self, axis).0
    }
    #[track_caller]
    fn fft2(&self) -> Array<Complex<E::Real>, D> {
        rules::fft2(self).0
    }
    #[track_caller]
    fn ifft2(&self) -> Array<Complex<E::Real>, D> {
        rules::ifft2(self).0
    }
    fn fftn(&self) -> Array<Complex<E::Real>, D> {
        rules::fftn(self).0
    }
    fn ifftn(&self) -> Array<Complex<E::Real>, D> {
        rules::ifftn(self).0
    }
    fn fftshift(&self) -> Array<E, D> {
        rules::fftshift(self).0
    }
    fn ifftshift(&self) -> Array<E, D> {
        rules::ifftshift(self).0
    }
    #[track_caller]
    fn fftshift_axes(&self, axes: &[Axis]) -> Array<E, D> {
        rules::fftshift_axes(self, axes).0
    }
    #[track_caller]
    fn ifftshift_axes(&self, axes: &[Axis]) -> Array<E, D> {
        rules::ifftshift_axes(self, axes).0
    }
}
