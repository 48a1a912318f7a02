//! Values carried to jets and back: what the higher-order API of `#[differentiable(order = n)]`
//! builds its calls from.

use super::Jet;
use crate::Real;
use ndarray::{Array, Dimension, Zip};

/// A value (real scalar, array of them, tuple of those) and the same value with every scalar
/// a [`Jet`] of `N` coefficients.
///
/// ```
/// use autodiff_runtime::jet::Taylor;
/// use ndarray::array;
/// let x = array![1.0, 2.0];
/// let j = <_ as Taylor<3>>::line(&x, &array![1.0, -1.0]);
/// let sq = j.mapv(|v| v * v);
/// assert_eq!(<ndarray::Array1<f64> as Taylor<3>>::derivative(&sq, 1), array![2.0, -4.0]);
/// ```
pub trait Taylor<const N: usize>: Sized {
    /// The same value with jet scalars.
    type Jet;
    /// This value as a constant: every derivative zero.
    fn constant(&self) -> Self::Jet;
    /// The line through this value in direction `d` (of this value's shape).
    fn line(&self, d: &Self) -> Self::Jet;
    /// The line through this value in direction 1 in every coordinate: for a function that acts
    /// elementwise, its jets hold each element's own derivatives.
    fn variable(&self) -> Self::Jet;
    /// The `k`-th derivative along the line, `k! · c[k]`, coordinate by coordinate.
    fn derivative(jet: &Self::Jet, k: usize) -> Self;
}

impl<T: Real, const N: usize> Taylor<N> for T {
    type Jet = Jet<T, N>;
    #[inline]
    fn constant(&self) -> Jet<T, N> {
        Jet::constant(*self)
    }
    #[inline]
    fn line(&self, d: &T) -> Jet<T, N> {
        Jet::line(*self, *d)
    }
    #[inline]
    fn variable(&self) -> Jet<T, N> {
        Jet::variable(*self)
    }
    #[inline]
    fn derivative(jet: &Jet<T, N>, k: usize) -> T {
        jet.derivative(k)
    }
}

impl<T: Real, D: Dimension, const N: usize> Taylor<N> for Array<T, D> {
    type Jet = Array<Jet<T, N>, D>;
    fn constant(&self) -> Self::Jet {
        self.mapv(Jet::constant)
    }
    #[track_caller]
    fn line(&self, d: &Self) -> Self::Jet {
        assert_eq!(
            self.shape(),
            d.shape(),
            "direction of a derivative: shape {:?} given for a value of shape {:?}",
            d.shape(),
            self.shape()
        );
        Zip::from(self).and(d).map_collect(|&x, &d| Jet::line(x, d))
    }
    fn variable(&self) -> Self::Jet {
        self.mapv(Jet::variable)
    }
    fn derivative(jet: &Self::Jet, k: usize) -> Self {
        jet.map(|j| j.derivative(k))
    }
}

macro_rules! tuple_taylor {
    ($(($($t:ident $i:tt),+))*) => {$(
        impl<const N: usize, $($t: Taylor<N>),+> Taylor<N> for ($($t,)+) {
            type Jet = ($($t::Jet,)+);
            fn constant(&self) -> Self::Jet {
                ($(self.$i.constant(),)+)
            }
            fn line(&self, d: &Self) -> Self::Jet {
                ($(self.$i.line(&d.$i),)+)
            }
            fn variable(&self) -> Self::Jet {
                ($(self.$i.variable(),)+)
            }
            fn derivative(jet: &Self::Jet, k: usize) -> Self {
                ($($t::derivative(&jet.$i, k),)+)
            }
        }
    )*};
}

tuple_taylor! {
    (A 0)
    (A 0, B 1)
    (A 0, B 1, C 2)
    (A 0, B 1, C 2, D 3)
}
