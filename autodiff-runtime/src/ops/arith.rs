//! Arithmetic: `+ − × ÷`, negation and the fused multiply-add.

use crate::Real;
use crate::array::Binary;

/// `y = a + b`; `∂y/∂a = ∂y/∂b = 1`. For scalars the partials take no space; for arrays
/// they remember each input's shape, to undo broadcasting in the reverse sweep.
///
/// ```
/// assert_eq!(autodiff_runtime::ops::add(&1.5f64, &2.0).0, 3.5);
/// ```
#[inline(always)]
#[track_caller]
pub fn add<A: Binary<B>, B>(a: &A, b: &B) -> (A::Out, (A::Plus0, A::Plus1)) {
    #[inline(always)]
    fn kernel<T: Real>(a: T, b: T) -> T {
        a + b
    }
    let y = a.zip_value(b, "add", kernel::<A::Elem>);
    let d = a.plus(b, &y);
    (y, d)
}

/// Forward mode of [`add`]: `ẏ = ȧ + ḃ`; `None` marks a constant input.
///
/// ```
/// assert_eq!(autodiff_runtime::ops::add_jvp(&1.5f64, &2.0, Some(&1.0), None), (3.5, 1.0));
/// ```
#[inline(always)]
#[track_caller]
pub fn add_jvp<A: Binary<B>, B>(a: &A, b: &B, a_dot: Option<&A::TA>, b_dot: Option<&A::TB>) -> (A::Out, A::Out) {
    // A constant input adds nothing (not even `+ 0.0`, which would change `-0.0`).
    let (y, (d0, d1)) = add(a, b);
    let t = super::combine(&y, &d0, &d1, a_dot, b_dot);
    (y, t)
}

pull_vjp!(add, add_vjp);

/// `y = a − b`; `∂y/∂a = 1`, `∂y/∂b = −1`.
///
/// ```
/// assert_eq!(autodiff_runtime::ops::sub(&1.5f64, &2.0).0, -0.5);
/// ```
#[inline(always)]
#[track_caller]
pub fn sub<A: Binary<B>, B>(a: &A, b: &B) -> (A::Out, (A::Plus0, A::Minus1)) {
    #[inline(always)]
    fn kernel<T: Real>(a: T, b: T) -> T {
        a - b
    }
    let y = a.zip_value(b, "sub", kernel::<A::Elem>);
    let d = a.minus(b, &y);
    (y, d)
}

/// Forward mode of [`sub`]: `ẏ = ȧ − ḃ`; `None` marks a constant input.
///
/// ```
/// assert_eq!(autodiff_runtime::ops::sub_jvp(&1.5f64, &2.0, None, Some(&1.0)), (-0.5, -1.0));
/// ```
#[inline(always)]
#[track_caller]
pub fn sub_jvp<A: Binary<B>, B>(a: &A, b: &B, a_dot: Option<&A::TA>, b_dot: Option<&A::TB>) -> (A::Out, A::Out) {
    let (y, (d0, d1)) = sub(a, b);
    let t = super::combine(&y, &d0, &d1, a_dot, b_dot);
    (y, t)
}

pull_vjp!(sub, sub_vjp);

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

pull_vjp!(mul_add, mul_add_vjp);
