//! Arrays as values: their tangents, zeros, accumulation and scaling.

use super::kernels::zip_for_each;
use crate::{Accumulate, Linear, Mismatch, Real, ShapeOf, Value, Zeros};
use ndarray::{Array, ArrayBase, Data, Dimension, Zip};
use num_complex::Complex;

/// An element type of differentiable arrays: a real scalar (`f64`, `f32`) or a complex one
/// (`Complex<f64>`, `Complex<f32>`, whose cotangents follow the convention of
/// [`crate::fft`]). An array of such elements, owned or viewed, is a [`Value`] whose tangent is
/// an owned array of the same element type and shape.
///
/// ```
/// use autodiff_runtime::{array::ArrayElem, Complex64};
/// assert_eq!(ArrayElem::scale(Complex64::new(1.0, -2.0), 0.5), Complex64::new(0.5, -1.0));
/// assert_eq!(ArrayElem::scale(3.0f32, 2.0), 6.0);
/// ```
#[diagnostic::on_unimplemented(
    message = "arrays of `{Self}` are not differentiable values",
    note = "`#[differentiable]` differentiates arrays of `f64`, `f32`, `Complex<f64>` and `Complex<f32>`"
)]
pub trait ArrayElem:
    Copy + Send + Sync + core::fmt::Debug + num_traits::Zero + core::ops::Add<Output = Self> + 'static
{
    /// The real scalar that tangents scale by.
    type Real: Real;
    /// `self · c`.
    fn scale(self, c: Self::Real) -> Self;
}

impl<T: Real> ArrayElem for T {
    type Real = T;
    #[inline(always)]
    fn scale(self, c: T) -> T {
        self * c
    }
}

impl<T: Real> ArrayElem for Complex<T> {
    type Real = T;
    #[inline(always)]
    fn scale(self, c: T) -> Complex<T> {
        Complex::new(self.re * c, self.im * c)
    }
}

impl<E: ArrayElem, S: Data<Elem = E>, D: Dimension> Value for ArrayBase<S, D> {
    type Tangent = Array<E, D>;
    fn zero_tangent(&self) -> Array<E, D> {
        Array::zeros(self.raw_dim())
    }
    fn tangent_shape(&self) -> ShapeOf<Array<E, D>> {
        ShapeOf(self.raw_dim())
    }
    fn tangent_mismatch(&self, t: &Array<E, D>) -> Option<Mismatch> {
        (self.shape() != t.shape())
            .then(|| Mismatch::new(format!("shape {:?}", t.shape()), format!("shape {:?}", self.shape())))
    }
}

impl<E: ArrayElem, D: Dimension> Zeros for Array<E, D> {
    type Shape = D;
    fn zeros(shape: &D) -> Self {
        Array::zeros(shape.clone())
    }
}

impl<E: ArrayElem, D: Dimension> Accumulate for Array<E, D> {
    #[track_caller]
    fn accumulate(&mut self, other: Self) {
        assert_eq!(
            self.shape(),
            other.shape(),
            "accumulating array cotangents of different shapes {:?} and {:?}",
            self.shape(),
            other.shape()
        );
        zip_for_each!(false, Zip::from(self).and(&other), |a, &b| *a = *a + b);
    }
}

impl<E: ArrayElem, D: Dimension> Linear for Array<E, D> {
    type Elem = E::Real;
    fn scale(mut self, c: E::Real) -> Self {
        zip_for_each!(false, Zip::from(&mut self), |a| *a = ArrayElem::scale(*a, c));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn tangents_of_views_are_owned_zeros() {
        let a = array![[1.0f64, 2.0], [3.0, 4.0]];
        let z = a.view().zero_tangent();
        assert_eq!(z, Array::zeros((2, 2)));
        let mut t = array![[1.0, 1.0], [1.0, 1.0]];
        t.accumulate(a.clone());
        assert_eq!(t, &a + 1.0);
        assert_eq!(t.scale(2.0), (&a + 1.0) * 2.0);
    }

    #[test]
    fn complex_arrays_are_values() {
        let a = array![Complex::new(1.0f64, 2.0), Complex::new(-1.0, 0.5)];
        assert_eq!(a.view().zero_tangent(), Array::zeros(2));
        let mut t = a.clone();
        t.accumulate(a.clone());
        assert_eq!(t, a.mapv(|v| v * 2.0));
        assert_eq!(t.scale(0.5), a);
        assert_eq!(<Array<Complex<f32>, ndarray::Ix1> as Zeros>::zeros(&ndarray::Ix1(3)), Array::zeros(3));
    }

    #[test]
    #[should_panic(expected = "different shapes [2] and [3]")]
    fn mismatched_accumulation_names_the_shapes() {
        let mut t = Array::<f64, _>::zeros(2);
        t.accumulate(Array::zeros(3));
    }
}
