//! Array methods that ndarray 0.16 lacks, for primal code that `#[differentiable]` then
//! differentiates: elementwise float functions (`x.exp()`, `x.tanh()`), the reductions
//! `amax`, `amin` and `norm_l2`, and the outer product of two vectors.

use super::Binary;
use crate::{Partial, Real};
use ndarray::{Array, Array1, Array2, ArrayBase, Data, DimMax, Dimension, Ix1};

macro_rules! elementwise_methods {
    ($($name:ident)*) => {
        /// Elementwise float functions, reductions and the outer product, as array methods.
        ///
        /// Import the trait (`use autodiff_runtime::ArrayMath;`) to write `x.tanh()` or
        /// `x.amax()` in ordinary code; in `#[differentiable]` code each has a rule.
        ///
        /// ```
        /// use autodiff_runtime::ArrayMath;
        /// use ndarray::array;
        /// let x = array![0.0f64, 1.0];
        /// assert_eq!(x.exp(), array![1.0, 1f64.exp()]);
        /// assert_eq!(x.amax(), 1.0);
        /// assert_eq!(array![3.0f64, 4.0].norm_l2(), 5.0);
        /// ```
        pub trait ArrayMath<T, D> {
            $(
                #[doc = concat!("`", stringify!($name), "` of every element.")]
                fn $name(&self) -> Array<T, D>;
            )*
            /// The largest element (NaN if any element is NaN; −∞ for an empty array).
            fn amax(&self) -> T;
            /// The smallest element (NaN if any element is NaN; +∞ for an empty array).
            fn amin(&self) -> T;
            /// The Euclidean norm `√(Σ x²)`.
            fn norm_l2(&self) -> T;
            /// `atan2(self, other)` elementwise, broadcasting.
            fn atan2<S2: Data<Elem = T>, E: Dimension>(&self, other: &ArrayBase<S2, E>) -> Array<T, <D as DimMax<E>>::Output>
            where
                D: DimMax<E>;
            /// `hypot(self, other)` elementwise, broadcasting.
            fn hypot<S2: Data<Elem = T>, E: Dimension>(&self, other: &ArrayBase<S2, E>) -> Array<T, <D as DimMax<E>>::Output>
            where
                D: DimMax<E>;
            /// The larger of `self` and `other` elementwise, broadcasting (NumPy's `maximum`).
            fn max<S2: Data<Elem = T>, E: Dimension>(&self, other: &ArrayBase<S2, E>) -> Array<T, <D as DimMax<E>>::Output>
            where
                D: DimMax<E>;
            /// The smaller of `self` and `other` elementwise, broadcasting (NumPy's `minimum`).
            fn min<S2: Data<Elem = T>, E: Dimension>(&self, other: &ArrayBase<S2, E>) -> Array<T, <D as DimMax<E>>::Output>
            where
                D: DimMax<E>;
        }

        impl<T: Real, S: Data<Elem = T>, D: Dimension> ArrayMath<T, D> for ArrayBase<S, D> {
            $(
                fn $name(&self) -> Array<T, D> {
                    self.mapv(|v| v.$name())
                }
            )*
            fn amax(&self) -> T {
                extremum(self, |a, b| a > b, T::neg_infinity())
            }
            fn amin(&self) -> T {
                extremum(self, |a, b| a < b, T::infinity())
            }
            fn norm_l2(&self) -> T {
                self.iter().fold(T::zero(), |s, &v| s + v * v).sqrt()
            }
            fn atan2<S2: Data<Elem = T>, E: Dimension>(&self, other: &ArrayBase<S2, E>) -> Array<T, <D as DimMax<E>>::Output>
            where
                D: DimMax<E>,
            {
                Binary::zip_value(&self.view(), &other.view(), "atan2", |a: T, b: T| a.atan2(b))
            }
            fn hypot<S2: Data<Elem = T>, E: Dimension>(&self, other: &ArrayBase<S2, E>) -> Array<T, <D as DimMax<E>>::Output>
            where
                D: DimMax<E>,
            {
                Binary::zip_value(&self.view(), &other.view(), "hypot", |a: T, b: T| a.hypot(b))
            }
            fn max<S2: Data<Elem = T>, E: Dimension>(&self, other: &ArrayBase<S2, E>) -> Array<T, <D as DimMax<E>>::Output>
            where
                D: DimMax<E>,
            {
                Binary::zip_value(&self.view(), &other.view(), "max", |a: T, b: T| a.max(b))
            }
            fn min<S2: Data<Elem = T>, E: Dimension>(&self, other: &ArrayBase<S2, E>) -> Array<T, <D as DimMax<E>>::Output>
            where
                D: DimMax<E>,
            {
                Binary::zip_value(&self.view(), &other.view(), "min", |a: T, b: T| a.min(b))
            }
        }
    };
}

elementwise_methods!(sin cos tan asin acos atan sinh cosh tanh asinh acosh atanh exp exp2 exp_m1 ln log2 log10 ln_1p
    sqrt cbrt recip abs);

/// The extremum by `better`, NaN if any element is NaN.
fn extremum<T: Real, S: Data<Elem = T>, D: Dimension>(
    x: &ArrayBase<S, D>,
    better: impl Fn(T, T) -> bool,
    start: T,
) -> T {
    x.iter().fold(start, |m, &v| {
        if v.is_nan() || m.is_nan() {
            T::nan()
        } else if better(v, m) {
            v
        } else {
            m
        }
    })
}

/// The outer product `u vᵀ` of two vectors.
///
/// ```
/// use autodiff_runtime::Outer;
/// use ndarray::array;
/// assert_eq!(array![1.0f64, 2.0].outer(&array![3.0, 4.0, 5.0]), array![[3.0, 4.0, 5.0], [6.0, 8.0, 10.0]]);
/// ```
pub trait Outer<T, S2: Data<Elem = T>> {
    /// `u vᵀ`.
    fn outer(&self, v: &ArrayBase<S2, Ix1>) -> Array2<T>;
}

impl<T: Real, S: Data<Elem = T>, S2: Data<Elem = T>> Outer<T, S2> for ArrayBase<S, Ix1> {
    fn outer(&self, v: &ArrayBase<S2, Ix1>) -> Array2<T> {
        Array2::from_shape_fn((self.len(), v.len()), |(i, j)| self[i] * v[j])
    }
}

/// The partial of a full reduction whose derivative is an array of weights (`amax`, `amin`:
/// the chosen elements, ties sharing equally; `norm_l2`: `x / ‖x‖`).
#[derive(Clone, Debug)]
pub struct Weights<T, D: Dimension>(pub(crate) Array<T, D>);

impl<T: Real, D: Dimension> Partial<T> for Weights<T, D> {
    type X = Array<T, D>;
    fn pull(&self, y_bar: &T) -> Array<T, D> {
        let yb = *y_bar;
        self.0.mapv(|w| w * yb)
    }
    fn push(&self, x_dot: &Array<T, D>) -> T {
        self.0.iter().zip(x_dot).fold(T::zero(), |s, (&w, &t)| s + w * t)
    }
}

/// The partial of `u.outer(&v)` with respect to `u` (it keeps `v`).
#[derive(Clone, Debug)]
pub struct OuterLhs<T>(pub(crate) Array1<T>);

/// The partial of `u.outer(&v)` with respect to `v` (it keeps `u`).
#[derive(Clone, Debug)]
pub struct OuterRhs<T>(pub(crate) Array1<T>);

impl<T: Real> Partial<Array2<T>> for OuterLhs<T> {
    type X = Array1<T>;
    fn pull(&self, y_bar: &Array2<T>) -> Array1<T> {
        Array1::from_shape_fn(y_bar.nrows(), |i| {
            y_bar.row(i).iter().zip(&self.0).fold(T::zero(), |s, (&y, &v)| s + y * v)
        })
    }
    fn push(&self, x_dot: &Array1<T>) -> Array2<T> {
        x_dot.outer(&self.0)
    }
}

impl<T: Real> Partial<Array2<T>> for OuterRhs<T> {
    type X = Array1<T>;
    fn pull(&self, y_bar: &Array2<T>) -> Array1<T> {
        Array1::from_shape_fn(y_bar.ncols(), |j| {
            y_bar.column(j).iter().zip(&self.0).fold(T::zero(), |s, (&y, &u)| s + y * u)
        })
    }
    fn push(&self, x_dot: &Array1<T>) -> Array2<T> {
        self.0.outer(x_dot)
    }
}
