//! Arithmetic: `+ − × ÷`, negation and the fused multiply-add.

use crate::{Adjoint, Real};

/// `y = a + b`; `∂y/∂a = ∂y/∂b = 1`, so nothing is saved.
///
/// ```
/// assert_eq!(autodiff_runtime::ops::add(&1.5f64, &2.0), 3.5);
/// ```
#[inline(always)]
pub fn add<T: Real>(a: &T, b: &T) -> T {
    *a + *b
}

/// Forward mode of [`add`]: `ẏ = ȧ + ḃ`; `None` marks a constant input.
///
/// ```
/// assert_eq!(autodiff_runtime::ops::add_jvp(&1.5f64, &2.0, Some(&1.0), None), (3.5, 1.0));
/// ```
#[inline(always)]
pub fn add_jvp<T: Real>(a: &T, b: &T, a_dot: Option<&T>, b_dot: Option<&T>) -> (T, T) {
    // A constant input adds nothing (not even `+ 0.0`, which would change `-0.0`).
    let y_dot = match (a_dot, b_dot) {
        (Some(a), Some(b)) => *a + *b,
        (Some(a), None) => *a,
        (None, Some(b)) => *b,
        (None, None) => T::zero(),
    };
    (*a + *b, y_dot)
}

/// Reverse mode of [`add`]: `ā += ȳ`, `b̄ += ȳ`.
///
/// ```
/// use autodiff_runtime::{ops, Adjoint};
/// let mut a_bar = Adjoint::zero();
/// ops::add_vjp(Adjoint::new(2.0f64), Some(&mut a_bar), None);
/// assert_eq!(a_bar.get(), Some(2.0));
/// ```
#[inline(always)]
pub fn add_vjp<T: Real>(y_bar: Adjoint<T>, a_bar: Option<&mut Adjoint<T>>, b_bar: Option<&mut Adjoint<T>>) {
    if let Some(yb) = y_bar.get() {
        if let Some(a_bar) = a_bar {
            a_bar.add(yb);
        }
        if let Some(b_bar) = b_bar {
            b_bar.add(yb);
        }
    }
}

/// `y = a − b`; `∂y/∂a = 1`, `∂y/∂b = −1`, so nothing is saved.
///
/// ```
/// assert_eq!(autodiff_runtime::ops::sub(&1.5f64, &2.0), -0.5);
/// ```
#[inline(always)]
pub fn sub<T: Real>(a: &T, b: &T) -> T {
    *a - *b
}

/// Forward mode of [`sub`]: `ẏ = ȧ − ḃ`; `None` marks a constant input.
///
/// ```
/// assert_eq!(autodiff_runtime::ops::sub_jvp(&1.5f64, &2.0, None, Some(&1.0)), (-0.5, -1.0));
/// ```
#[inline(always)]
pub fn sub_jvp<T: Real>(a: &T, b: &T, a_dot: Option<&T>, b_dot: Option<&T>) -> (T, T) {
    let y_dot = match (a_dot, b_dot) {
        (Some(a), Some(b)) => *a - *b,
        (Some(a), None) => *a,
        (None, Some(b)) => -*b,
        (None, None) => T::zero(),
    };
    (*a - *b, y_dot)
}

/// Reverse mode of [`sub`]: `ā += ȳ`, `b̄ −= ȳ`.
///
/// ```
/// use autodiff_runtime::{ops, Adjoint};
/// let (mut a_bar, mut b_bar) = (Adjoint::zero(), Adjoint::zero());
/// ops::sub_vjp(Adjoint::new(2.0f64), Some(&mut a_bar), Some(&mut b_bar));
/// assert_eq!((a_bar.get(), b_bar.get()), (Some(2.0), Some(-2.0)));
/// ```
#[inline(always)]
pub fn sub_vjp<T: Real>(y_bar: Adjoint<T>, a_bar: Option<&mut Adjoint<T>>, b_bar: Option<&mut Adjoint<T>>) {
    if let Some(yb) = y_bar.get() {
        if let Some(a_bar) = a_bar {
            a_bar.add(yb);
        }
        if let Some(b_bar) = b_bar {
            b_bar.add(-yb);
        }
    }
}

linear_unary! {
    /// `y = −x`; `∂y/∂x = −1`.
    neg, neg_jvp, neg_vjp: |x| -x => -T::one();
    /// `y = x · 180/π`; `∂y/∂x = 180/π`.
    to_degrees, to_degrees_jvp, to_degrees_vjp: |x| x.to_degrees() => T::c(180.0) / T::PI();
    /// `y = x · π/180`; `∂y/∂x = π/180`.
    to_radians, to_radians_jvp, to_radians_vjp: |x| x.to_radians() => T::PI() / T::c(180.0);
    /// `y = x − trunc x`; `∂y/∂x = 1` (away from the integers, where `y` jumps).
    fract, fract_jvp, fract_vjp: |x| x.fract() => T::one();
}

binary! {
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

/// Reverse mode of [`mul_add`]: `ā += ȳ·b`, `b̄ += ȳ·a`, `c̄ += ȳ`, for the inputs given as
/// `Some((adjoint, partial))`.
///
/// ```
/// use autodiff_runtime::{ops, Adjoint};
/// let (_, (da, _, dc)) = ops::mul_add(&2.0f64, &3.0, &1.0);
/// let (mut a_bar, mut c_bar) = (Adjoint::zero(), Adjoint::zero());
/// ops::mul_add_vjp(Adjoint::new(1.0), Some((&mut a_bar, da)), None, Some((&mut c_bar, dc)));
/// assert_eq!((a_bar.get(), c_bar.get()), (Some(3.0), Some(1.0)));
/// ```
#[inline(always)]
pub fn mul_add_vjp<T: Real>(
    y_bar: Adjoint<T>,
    a: Option<(&mut Adjoint<T>, T)>,
    b: Option<(&mut Adjoint<T>, T)>,
    c: Option<(&mut Adjoint<T>, T)>,
) {
    if let Some(yb) = y_bar.get() {
        for (bar, d) in [a, b, c].into_iter().flatten() {
            bar.add(yb * d);
        }
    }
}
