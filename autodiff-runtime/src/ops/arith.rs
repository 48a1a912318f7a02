//! Arithmetic: `+ − × ÷`, negation and the fused multiply-add.

use crate::Real;

linear_unary! {
    /// `y = x · 180/π`; `∂y/∂x = 180/π`.
    to_degrees, to_degrees_jvp, to_degrees_vjp: |x| x.to_degrees() => T::c(180.0) / T::PI();
    /// `y = x · π/180`; `∂y/∂x = π/180`.
    to_radians, to_radians_jvp, to_radians_vjp: |x| x.to_radians() => T::PI() / T::c(180.0);
    /// `y = x − trunc x`; `∂y/∂x = 1` (away from the integers, where `y` jumps).
    fract, fract_jvp, fract_vjp: |x| x.fract() => T::one();
}

/// `y = a · b + c` (`a.mul_add(b, c)`, one rounding); `∂y/∂a = b`, `∂y/∂b = a`, `∂y/∂c = 1`.
///
/// Returns `(y, (∂y/∂a, ∂y/∂b, ∂y/∂c))`.
///
/// ```
/// let (y, d) = autodiff_runtime::ops::mul_add(&2.0f64, &3.0, &1.0);
/// assert_eq!((y, d), (7.0, (3.0, 2.0, 1.0)));
/// ```
#[inline(always)]
pub fn mul_add<T: Real>(a: &T, b: &T, c: &T) -> (T, (T, T, T)) {
    (a.mul_add(*b, *c), (*b, *a, T::one()))
}

/// Forward mode of [`mul_add`]: `ẏ = b·ȧ + a·ḃ + ċ`; `None` marks a constant input.
///
/// ```
/// let (y, y_dot) = autodiff_runtime::ops::mul_add_jvp(&2.0f64, &3.0, &1.0, Some(&1.0), None, Some(&1.0));
/// assert_eq!((y, y_dot), (7.0, 4.0));
/// ```
#[inline(always)]
pub fn mul_add_jvp<T: Real>(a: &T, b: &T, c: &T, a_dot: Option<&T>, b_dot: Option<&T>, c_dot: Option<&T>) -> (T, T) {
    let mut y_dot = T::zero();
    if let Some(a_dot) = a_dot {
        y_dot = *b * *a_dot;
    }
    if let Some(b_dot) = b_dot {
        y_dot += *a * *b_dot;
    }
    if let Some(c_dot) = c_dot {
        y_dot += *c_dot;
    }
    (a.mul_add(*b, *c), y_dot)
}

pull_vjp!(mul_add, mul_add_vjp);
