//! Functions of two real arguments: powers, logarithms to a base, angles, extrema.

use crate::Real;
use crate::array::Elementwise;

binary! {
    /// `y = log_b a` (`a.log(b)`); `∂y/∂a = 1/(a·ln b)`, `∂y/∂b = −y/(b·ln b)`; both `NaN`
    /// where `y` is (`a < 0` or `b < 0`).
    log, log_jvp, log_vjp at (0.7, 3.0): |a, b, y| a.log(b)
        => (if a < T::zero() { T::nan() } else { (a * b.ln()).recip() }, -y / (b * b.ln()));
    /// `y = atan2(a, b)`, the angle of the point `(b, a)`; `∂y/∂a = b/(a² + b²)`,
    /// `∂y/∂b = −a/(a² + b²)`; undefined (`NaN`) at the origin.
    atan2, atan2_jvp, atan2_vjp at (0.7, -1.3): |a, b, y| a.atan2(b)
        => { let r = (a * a + b * b).recip(); (b * r, -a * r) };
    /// `y = √(a² + b²)` (`a.hypot(b)`); `∂y/∂a = a/y`, `∂y/∂b = b/y`; undefined (`NaN`) at the origin.
    hypot, hypot_jvp, hypot_vjp at (0.7, -1.3): |a, b, y| a.hypot(b) => (a / y, b / y);
    /// `y = max(a, b)`; the derivative goes to the larger input, split half and half at a tie
    /// (as autograd and JAX); a `NaN` input is ignored as `f64::max` ignores it.
    max, max_jvp, max_vjp at (0.7, -1.3): |a, b, y| a.max(b) => extremum_partials(a, b, y);
    /// `y = min(a, b)`; the derivative goes to the smaller input, split half and half at a tie
    /// (as autograd and JAX); a `NaN` input is ignored as `f64::min` ignores it.
    min, min_jvp, min_vjp at (0.7, -1.3): |a, b, y| a.min(b) => extremum_partials(a, b, y);
}

/// Partials of `max`/`min` whose value was `y`: 1 to the input that was chosen, ½ each at a tie.
#[inline(always)]
fn extremum_partials<T: Real>(a: T, b: T, y: T) -> (T, T) {
    if a == b {
        let half = T::c(0.5);
        (half, half)
    } else if y == a {
        (T::one(), T::zero())
    } else {
        (T::zero(), T::one())
    }
}

/// `y = xⁿ` for an integer `n` (`x.powi(n)`); `∂y/∂x = n·xⁿ⁻¹`.
///
/// ```
/// let (y, d) = autodiff_runtime::ops::powi(&2.0f64, 3);
/// assert_eq!((y, d), (8.0, 12.0));
/// ```
#[inline(always)]
pub fn powi<X: Elementwise>(x: &X, n: i32) -> (X::Tangent, X::Tangent) {
    x.map_partial(move |x| {
        let d = if n == 0 {
            <X::Elem as num_traits::Zero>::zero()
        } else {
            X::Elem::c(n as f64) * num_traits::Float::powi(x, n - 1)
        };
        (num_traits::Float::powi(x, n), d)
    })
}

/// Forward mode of [`powi`]: `ẏ = n·xⁿ⁻¹·ẋ`.
///
/// ```
/// assert_eq!(autodiff_runtime::ops::powi_jvp(&2.0f64, 3, &0.5), (8.0, 6.0));
/// ```
#[inline(always)]
pub fn powi_jvp<X: Elementwise>(x: &X, n: i32, x_dot: &X::Tangent) -> (X::Tangent, X::Tangent) {
    let (y, d) = powi(x, n);
    (y, X::times(d, x_dot))
}

unary_vjp!(
    /// ```
    /// use autodiff_runtime::{ops, Adjoint};
    /// let (_, d) = ops::powi(&2.0f64, 3);
    /// let mut x_bar = Adjoint::zero();
    /// ops::powi_vjp(Adjoint::new(1.0), &mut x_bar, d);
    /// assert_eq!(x_bar.get(), Some(12.0));
    /// ```
    powi,
    powi_vjp
);

/// `y = x.clamp(lo, hi)`; the derivative goes to whichever input `y` is: `x` inside the
/// interval, `lo` below it, `hi` above it (at an end point exactly, to `x`). At `x = NaN` the
/// value is `NaN` and so is `∂y/∂x`.
///
/// Returns `(y, (∂y/∂x, ∂y/∂lo, ∂y/∂hi))`.
///
/// # Panics
/// If `lo > hi` or either is NaN, as `f64::clamp` does.
///
/// ```
/// use autodiff_runtime::ops::clamp;
/// assert_eq!(clamp(&0.5f64, &0.0, &1.0), (0.5, (1.0, 0.0, 0.0)));
/// assert_eq!(clamp(&-2.0f64, &0.0, &1.0), (0.0, (0.0, 1.0, 0.0)));
/// assert_eq!(clamp(&3.0f64, &0.0, &1.0), (1.0, (0.0, 0.0, 1.0)));
/// ```
#[inline(always)]
#[track_caller]
pub fn clamp<T: Real>(x: &T, lo: &T, hi: &T) -> (T, (T, T, T)) {
    let (x, lo, hi) = (*x, *lo, *hi);
    assert!(lo <= hi, "clamp: the lower bound {lo} is above the upper bound {hi} (or one is NaN)");
    let (o, z) = (T::one(), T::zero());
    if x < lo {
        (lo, (z, o, z))
    } else if x > hi {
        (hi, (z, z, o))
    } else if x.is_nan() {
        (x, (x, z, z))
    } else {
        (x, (o, z, z))
    }
}

/// Forward mode of [`clamp`]: the tangent of whichever input the value is; `None` marks a
/// constant input.
///
/// ```
/// use autodiff_runtime::ops::clamp_jvp;
/// assert_eq!(clamp_jvp(&0.5f64, &0.0, &1.0, Some(&2.0), None, None), (0.5, 2.0));
/// assert_eq!(clamp_jvp(&3.0f64, &0.0, &1.0, Some(&2.0), None, None), (1.0, 0.0));
/// ```
#[inline(always)]
#[track_caller]
pub fn clamp_jvp<T: Real>(x: &T, lo: &T, hi: &T, x_dot: Option<&T>, lo_dot: Option<&T>, hi_dot: Option<&T>) -> (T, T) {
    let (y, (dx, dlo, dhi)) = clamp(x, lo, hi);
    let mut y_dot = T::zero();
    for (d, t) in [(dx, x_dot), (dlo, lo_dot), (dhi, hi_dot)] {
        if let (Some(t), true) = (t, d != T::zero()) {
            y_dot = d * *t;
        }
    }
    (y, y_dot)
}

pull_vjp!(clamp, clamp_vjp);
