//! Complex arrays' elementwise methods, as `Complex`'s own methods are on scalars: what
//! `#[differentiable]` code calls on arrays (`u.norm_sqr()`, `u.conj()`, ...), each with a rule
//! in [`crate::ops::complex`].

use ndarray::{Array, ArrayBase, Data, Dimension};
use num_complex::Complex;

/// `norm_sqr`, `norm`, `arg`, `re`, `im` and `conj` of every element of a complex array.
///
/// ```
/// use autodiff_runtime::{ComplexMath, Complex64};
/// use ndarray::array;
/// let u = array![Complex64::new(3.0, 4.0), Complex64::new(0.0, -1.0)];
/// assert_eq!(u.norm_sqr(), array![25.0, 1.0]);
/// assert_eq!(u.norm(), array![5.0, 1.0]);
/// assert_eq!(u.re(), array![3.0, 0.0]);
/// assert_eq!(u.im(), array![4.0, -1.0]);
/// assert_eq!(u.conj()[0], Complex64::new(3.0, -4.0));
/// assert_eq!(u.arg()[1], -std::f64::consts::FRAC_PI_2);
/// ```
pub trait ComplexMath<T, D: Dimension> {
    /// `|z|²` of every element.
    fn norm_sqr(&self) -> Array<T, D>;
    /// `|z|` of every element (numpy's `abs`).
    fn norm(&self) -> Array<T, D>;
    /// The argument (angle) of every element, in `(−π, π]` (numpy's `angle`).
    fn arg(&self) -> Array<T, D>;
    /// The real parts.
    fn re(&self) -> Array<T, D>;
    /// The imaginary parts.
    fn im(&self) -> Array<T, D>;
    /// The complex conjugates.
    fn conj(&self) -> Array<Complex<T>, D>;
}

impl<T: num_traits::Float, S: Data<Elem = Complex<T>>, D: Dimension> ComplexMath<T, D> for ArrayBase<S, D> {
    fn norm_sqr(&self) -> Array<T, D> {
        self.map(|z| z.norm_sqr())
    }
    fn norm(&self) -> Array<T, D> {
        self.map(|z| z.norm())
    }
    fn arg(&self) -> Array<T, D> {
        self.map(|z| z.arg())
    }
    fn re(&self) -> Array<T, D> {
        self.map(|z| z.re)
    }
    fn im(&self) -> Array<T, D> {
        self.map(|z| z.im)
    }
    fn conj(&self) -> Array<Complex<T>, D> {
        self.map(|z| z.conj())
    }
}
