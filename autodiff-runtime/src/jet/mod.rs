//! Truncated Taylor series ("jets"): the scalar type of higher-order derivatives.
//!
//! A [`Jet<T, N>`] holds the first `N` normalised Taylor coefficients of a quantity along a
//! line `x(t) = x₀ + t·v`: `c[k] = (dᵏ/dtᵏ f(x(t)))(0) / k!`. Arithmetic and every float
//! method propagate all coefficients exactly (by the standard recurrences, O(N²) per
//! operation), so evaluating a function at a jet gives its derivatives of every order up to
//! `N − 1` in one pass: Taylor-mode forward differentiation.
//!
//! `Jet` implements [`Real`], so every rule of the runtime, and so every generated
//! derivative, runs at jets: with `N = 2` a jet is a dual number and running a generated
//! gradient at it is forward-over-reverse (Hessian-vector products); nesting
//! (`Jet<Jet<f64, 2>, 2>`) differentiates again. `#[differentiable(order = n)]` generates
//! these derivatives (see the crate docs); users rarely name `Jet` themselves.
//!
//! ```
//! use autodiff_runtime::jet::{Float, Jet};
//! // sin(x)/x and its derivatives up to order 3 at x = 1:
//! let x = Jet::<f64, 4>::variable(1.0);
//! let y = x.sin() / x;
//! let (s, c) = 1f64.sin_cos();
//! assert!((y.derivative(0) - s).abs() < 1e-15);
//! assert!((y.derivative(1) - (c - s)).abs() < 1e-15);
//! assert!((y.derivative(2) - (-s - 2.0 * c + 2.0 * s)).abs() < 1e-14);
//! ```

mod float;
mod lift;
mod ops;
mod series;

pub use lift::Taylor;
/// The float methods of jets (`sin`, `exp`, ...) are those of `num_traits::Float`.
pub use num_traits::Float;

use crate::Real;

/// The first `N` Taylor coefficients of a scalar along a line (see the [module docs](self)).
///
/// Comparisons (`<`, `==`, `max`, ...) look at the value (coefficient 0) only, as branches of
/// differentiated code do.
#[derive(Clone, Copy, Debug)]
pub struct Jet<T, const N: usize> {
    c: [T; N],
}

impl<T: Real, const N: usize> Jet<T, N> {
    /// A constant: value `v`, every derivative zero.
    ///
    /// ```
    /// use autodiff_runtime::jet::Jet;
    /// assert_eq!(Jet::<f64, 3>::constant(2.0).coefficients(), &[2.0, 0.0, 0.0]);
    /// ```
    #[inline]
    pub fn constant(v: T) -> Self {
        Jet { c: core::array::from_fn(|k| if k == 0 { v } else { T::zero() }) }
    }

    /// The input variable at `v`: value `v`, first derivative 1.
    ///
    /// ```
    /// use autodiff_runtime::jet::Jet;
    /// assert_eq!(Jet::<f64, 3>::variable(2.0).coefficients(), &[2.0, 1.0, 0.0]);
    /// ```
    #[inline]
    pub fn variable(v: T) -> Self {
        Self::line(v, T::one())
    }

    /// The point `v` moving in direction `d`: coefficients `[v, d, 0, ...]`.
    ///
    /// ```
    /// use autodiff_runtime::jet::Jet;
    /// assert_eq!(Jet::<f64, 2>::line(2.0, -1.0).coefficients(), &[2.0, -1.0]);
    /// ```
    #[inline]
    pub fn line(v: T, d: T) -> Self {
        let mut j = Self::constant(v);
        if N > 1 {
            j.c[1] = d;
        }
        j
    }

    /// A jet from its normalised coefficients `f⁽ᵏ⁾/k!`.
    ///
    /// ```
    /// use autodiff_runtime::jet::Jet;
    /// let j = Jet::from_coefficients([1.0, 2.0, 3.0]);
    /// assert_eq!(j.derivative(2), 6.0);
    /// ```
    #[inline]
    pub fn from_coefficients(c: [T; N]) -> Self {
        Jet { c }
    }

    /// The normalised coefficients `f⁽ᵏ⁾/k!`, `k = 0..N`.
    ///
    /// ```
    /// use autodiff_runtime::jet::Jet;
    /// let x = Jet::<f64, 3>::variable(3.0);
    /// assert_eq!((x * x).coefficients(), &[9.0, 6.0, 1.0]);
    /// ```
    #[inline]
    pub fn coefficients(&self) -> &[T; N] {
        &self.c
    }

    /// The value: coefficient 0.
    ///
    /// ```
    /// use autodiff_runtime::jet::Jet;
    /// assert_eq!(Jet::<f64, 2>::variable(3.0).value(), 3.0);
    /// ```
    #[inline]
    pub fn value(&self) -> T {
        self.c[0]
    }

    /// The `k`-th derivative along the line, `k! · c[k]`; zero for `k ≥ N`.
    ///
    /// ```
    /// use autodiff_runtime::jet::Jet;
    /// let x = Jet::<f64, 4>::variable(2.0);
    /// assert_eq!((x * x * x).derivative(3), 6.0);
    /// ```
    #[inline]
    pub fn derivative(&self, k: usize) -> T {
        if k >= N {
            return T::zero();
        }
        let factorial = (1..=k).fold(T::one(), |f, i| f * T::c(i as f64));
        self.c[k] * factorial
    }

    #[inline]
    fn map(self, f: impl Fn(T) -> T) -> Self {
        Jet { c: self.c.map(f) }
    }

    /// Whether every coefficient but the value is zero.
    #[inline]
    fn is_constant(&self) -> bool {
        self.c.iter().skip(1).all(|c| c.is_zero())
    }
}

impl<T: Real, const N: usize> Default for Jet<T, N> {
    #[inline]
    fn default() -> Self {
        Self::constant(T::zero())
    }
}

impl<T: Real, const N: usize> core::fmt::Display for Jet<T, N> {
    /// The value, then the derivatives: `1 + 2ε + 0ε²` style, `f⁽ᵏ⁾/k!` per power.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}", self.c[0])?;
        for (k, c) in self.c.iter().enumerate().skip(1) {
            write!(f, " + {c}ε^{k}")?;
        }
        Ok(())
    }
}

impl<T: Real, const N: usize> ndarray::ScalarOperand for Jet<T, N> {}

impl<T: Real, const N: usize> Real for Jet<T, N> {
    #[inline]
    fn c(v: f64) -> Self {
        Self::constant(T::c(v))
    }
    #[inline]
    fn to_f64_lossy(self) -> f64 {
        self.c[0].to_f64_lossy()
    }
}

/// A constant that can be lifted into a scalar type: `f64` into `f64` and into jets of
/// `f64`, and so on. Lets a literal `2.0` meet an array of jets in generated code.
///
/// ```
/// use autodiff_runtime::jet::{Jet, Lift};
/// assert_eq!(<Jet<f64, 2> as Lift<f64>>::lift(3.0).coefficients(), &[3.0, 0.0]);
/// ```
pub trait Lift<C>: Real {
    /// `c` as a constant of this type.
    fn lift(c: C) -> Self;
}

impl Lift<f64> for f64 {
    #[inline(always)]
    fn lift(c: f64) -> f64 {
        c
    }
}

impl Lift<f32> for f32 {
    #[inline(always)]
    fn lift(c: f32) -> f32 {
        c
    }
}

impl<C, T: Lift<C>, const N: usize> Lift<C> for Jet<T, N> {
    #[inline(always)]
    fn lift(c: C) -> Self {
        Self::constant(T::lift(c))
    }
}

/// Marks the scalars at which a function called from `#[differentiable(order = n)]` code
/// (n ≥ 2) runs its higher-order derivatives. No type implements it: the generated
/// placeholder of a function without them requires it, so that calling one from higher-order
/// code is a compile error with this trait's message.
#[diagnostic::on_unimplemented(
    message = "a function called from `#[differentiable(order = n)]` code has no higher-order derivatives",
    label = "this function is not declared with `order = 2` or more",
    note = "declare the called function `#[differentiable(order = 2)]` as well (a `#[primitive]` has first derivatives only)"
)]
pub trait HigherOrder {}

#[cfg(test)]
mod tests;
