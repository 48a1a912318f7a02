//! The real-valued implementations of the rules that complex numbers share (`+ − × ÷`,
//! negation, `exp`, `ln`, `sqrt`, `powf`): [`super`]'s functions of the same names dispatch
//! here for real scalars, jets and arrays of them, and to [`super::complex`] for complex
//! values (see `dispatch.rs`).

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
}

binary! {
    /// `y = a · b`; `∂y/∂a = b`, `∂y/∂b = a`.
    mul, mul_jvp, mul_vjp at (0.7, -1.3): |a, b, y| a * b => (b, a);
    /// `y = a / b`; `∂y/∂a = 1/b`, `∂y/∂b = −y/b`; infinite at `b = 0`.
    div, div_jvp, div_vjp at (0.7, -1.3): |a, b, y| a / b => (b.recip(), -y / b);
}

binary! {
    /// `y = aᵇ` (`a.powf(b)`); `∂y/∂a = b·aᵇ⁻¹`, `∂y/∂b = y·ln a`, taken as `0` at `a = 0`
    /// (as autograd does), and `NaN` for `a < 0`.
    powf, powf_jvp, powf_vjp at (0.7, 1.3): |a, b, y| a.powf(b)
        => (b * a.powf(b - T::one()), if a == T::zero() { T::zero() } else { y * a.ln() });
}

unary! {
    /// `y = eˣ`; `∂y/∂x = y`.
    exp, exp_jvp, exp_vjp at 0.7: |x, y| x.exp() => y;
    /// `y = ln x`; `∂y/∂x = 1/x`, infinite at `x = 0`, `NaN` for `x < 0` (where `y` is `NaN`).
    ln, ln_jvp, ln_vjp at 0.7: |x, y| x.ln() => if x < T::zero() { T::nan() } else { x.recip() };
    /// `y = √x`; `∂y/∂x = 1/(2y)`, infinite at `x = 0`.
    sqrt, sqrt_jvp, sqrt_vjp at 0.7: |x, y| x.sqrt() => (y + y).recip();
}
