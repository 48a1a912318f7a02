//! Arithmetic: `+ − × ÷` and the fused multiply-add.

use crate::{Adjoint, Real};

binary! {
    /// `y = a + b`; `∂y/∂a = 1`, `∂y/∂b = 1`.
    add, add_jvp, add_vjp at (0.7, -1.3): |a, b, y| a + b => (T::one(), T::one());
    /// `y = a − b`; `∂y/∂a = 1`, `∂y/∂b = −1`.
    sub, sub_jvp, sub_vjp at (0.7, -1.3): |a, b, y| a - b => (T::one(), -T::one());
    /// `y = a · b`; `∂y/∂a = b`, `∂y/∂b = a`.
    mul, mul_jvp, mul_vjp at (0.7, -1.3): |a, b, y| a * b => (b, a);
    /// `y = a / b`; `∂y/∂a = 1/b`, `∂y/∂b = −y/b`; infinite at `b = 0`.
    div, div_jvp, div_vjp at (0.7, -1.3): |a, b, y| a / b => (b.recip(), -y / b);
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
pub fn mul_add_jvp<T: Real>(
    a: &T,
    b: &T,
    c: &T,
    a_dot: Option<&T>,
    b_dot: Option<&T>,
    c_dot: Option<&T>,
) -> (T, T) {
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

/// Reverse mode of [`mul_add`]: `ā += ȳ·b`, `b̄ += ȳ·a`, `c̄ += ȳ`; `None` marks a constant input.
///
/// ```
/// use autodiff_runtime::{ops, Adjoint};
/// let (_, d) = ops::mul_add(&2.0f64, &3.0, &1.0);
/// let (mut a_bar, mut c_bar) = (Adjoint::zero(), Adjoint::zero());
/// ops::mul_add_vjp(d, Adjoint::new(1.0), Some(&mut a_bar), None, Some(&mut c_bar));
/// assert_eq!((a_bar.get(), c_bar.get()), (Some(3.0), Some(1.0)));
/// ```
#[inline(always)]
pub fn mul_add_vjp<T: Real>(
    d: (T, T, T),
    y_bar: Adjoint<T>,
    a_bar: Option<&mut Adjoint<T>>,
    b_bar: Option<&mut Adjoint<T>>,
    c_bar: Option<&mut Adjoint<T>>,
) {
    if let Some(yb) = y_bar.get() {
        if let Some(a_bar) = a_bar {
            a_bar.add(yb * d.0);
        }
        if let Some(b_bar) = b_bar {
            b_bar.add(yb * d.1);
        }
        if let Some(c_bar) = c_bar {
            c_bar.add(yb * d.2);
        }
    }
}
