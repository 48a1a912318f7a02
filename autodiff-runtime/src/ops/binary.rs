//! Functions of two real arguments: powers, logarithms to a base, angles, extrema.

use crate::{Adjoint, Real};

binary! {
    /// `y = aᵇ` (`a.powf(b)`); `∂y/∂a = b·aᵇ⁻¹`, `∂y/∂b = y·ln a`, taken as `0` at `a = 0`
    /// (as autograd does), and `NaN` for `a < 0`.
    powf, powf_jvp, powf_vjp at (0.7, 1.3): |a, b, y| a.powf(b)
        => (b * a.powf(b - T::one()), if a == T::zero() { T::zero() } else { y * a.ln() });
    /// `y = log_b a` (`a.log(b)`); `∂y/∂a = 1/(a·ln b)`, `∂y/∂b = −y/(b·ln b)`.
    log, log_jvp, log_vjp at (0.7, 3.0): |a, b, y| a.log(b)
        => ((a * b.ln()).recip(), -y / (b * b.ln()));
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
pub fn powi<T: Real>(x: &T, n: i32) -> (T, T) {
    let x = *x;
    let d = if n == 0 { T::zero() } else { T::c(n as f64) * x.powi(n - 1) };
    (x.powi(n), d)
}

/// Forward mode of [`powi`]: `ẏ = n·xⁿ⁻¹·ẋ`.
///
/// ```
/// assert_eq!(autodiff_runtime::ops::powi_jvp(&2.0f64, 3, &0.5), (8.0, 6.0));
/// ```
#[inline(always)]
pub fn powi_jvp<T: Real>(x: &T, n: i32, x_dot: &T) -> (T, T) {
    let (y, d) = powi(x, n);
    (y, d * *x_dot)
}

/// Reverse mode of [`powi`]: `x̄ += ȳ·n·xⁿ⁻¹`, from the partial saved by the forward sweep.
///
/// ```
/// use autodiff_runtime::{ops, Adjoint};
/// let (_, d) = ops::powi(&2.0f64, 3);
/// let mut x_bar = Adjoint::zero();
/// ops::powi_vjp(Adjoint::new(1.0), &mut x_bar, d);
/// assert_eq!(x_bar.get(), Some(12.0));
/// ```
#[inline(always)]
pub fn powi_vjp<T: Real>(y_bar: Adjoint<T>, x_bar: &mut Adjoint<T>, d: T) {
    if let Some(yb) = y_bar.get() {
        x_bar.add(yb * d);
    }
}
