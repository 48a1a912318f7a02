//! The primitive table: one rule per primitive, its primal, JVP and VJP side by side.
//!
//! Generated code calls these functions; users call them only to write their own rules.
//! Each differentiable primitive `op` comes as three functions:
//!
//! * `op(x, ..)`: the primal value, and for non-linear rules the local partial derivatives
//!   `∂y/∂xᵢ` that the reverse sweep needs, so that the reverse sweep is multiply-adds only
//!   (linear rules such as `add` and `neg` have constant partials and save nothing);
//! * `op_jvp(x, .., x_dot, ..) -> (y, ẏ)`: forward mode; `None` marks a constant input;
//! * `op_vjp(ȳ, ..)`: reverse mode, *accumulating* `x̄ᵢ += ȳ · ∂y/∂xᵢ` into the adjoint of
//!   each input; a binary rule takes `Some((&mut x̄ᵢ, ∂y/∂xᵢ))` for an active input and `None`
//!   for a constant one.
//!
//! ```
//! use autodiff_runtime::{ops, Adjoint};
//! // y = x · sin(x) at x = 2, by hand through the rules:
//! let x = 2.0f64;
//! let (s, ds) = ops::sin(&x);
//! let (y, (dy_dx, dy_ds)) = ops::mul(&x, &s);
//! let (mut x_bar, mut s_bar) = (Adjoint::zero(), Adjoint::zero());
//! ops::mul_vjp(Adjoint::new(1.0), Some((&mut x_bar, dy_dx)), Some((&mut s_bar, dy_ds)));
//! ops::sin_vjp(s_bar, &mut x_bar, ds);
//! let expected = x.sin() + x * x.cos();
//! assert!((x_bar.get().unwrap() - expected).abs() < 1e-15);
//! assert_eq!(y, x * x.sin());
//! ```
//!
//! Non-differentiable methods (`floor`, `ceil`, `round`, `trunc`, `signum`, comparisons) have
//! no entry here: the macro evaluates them on primal values and treats their results as
//! constants, which is their derivative (zero) wherever one exists.

/// One-argument rules with a saved partial: `op(x) -> (y, ∂y/∂x)`.
macro_rules! unary {
    ($(
        $(#[$meta:meta])*
        $name:ident, $jvp:ident, $vjp:ident at $at:literal: |$x:ident, $y:ident| $primal:expr => $d:expr;
    )*) => {$(
        $(#[$meta])*
        ///
        /// Returns `(y, ∂y/∂x)`.
        ///
        /// ```
        #[doc = concat!("let (x, h) = (", stringify!($at), "f64, 1e-6);")]
        #[doc = concat!("let (_, d) = autodiff_runtime::ops::", stringify!($name), "(&x);")]
        #[doc = concat!("let f = |x: f64| autodiff_runtime::ops::", stringify!($name), "(&x).0;")]
        /// let fd = (f(x + h) - f(x - h)) / (2.0 * h);
        /// assert!((d - fd).abs() < 1e-7 * (1.0 + fd.abs()), "{d} vs {fd}");
        /// ```
        #[inline(always)]
        pub fn $name<T: Real>($x: &T) -> (T, T) {
            let $x = *$x;
            let $y: T = $primal;
            ($y, $d)
        }

        #[doc = concat!("Forward mode of [`", stringify!($name), "`]: `(y, ẏ)` with `ẏ = ∂y/∂x · ẋ`.")]
        ///
        /// ```
        #[doc = concat!("let x = ", stringify!($at), "f64;")]
        #[doc = concat!("let (y, d) = autodiff_runtime::ops::", stringify!($name), "(&x);")]
        #[doc = concat!("assert_eq!(autodiff_runtime::ops::", stringify!($jvp), "(&x, &2.0), (y, 2.0 * d));")]
        /// ```
        #[inline(always)]
        pub fn $jvp<T: Real>(x: &T, x_dot: &T) -> (T, T) {
            let (y, d) = $name(x);
            (y, d * *x_dot)
        }

        #[doc = concat!("Reverse mode of [`", stringify!($name), "`]: `x̄ += ȳ · ∂y/∂x`, from the partial saved by the forward sweep.")]
        ///
        /// ```
        /// use autodiff_runtime::Adjoint;
        #[doc = concat!("let (_, d) = autodiff_runtime::ops::", stringify!($name), "(&", stringify!($at), "f64);")]
        /// let mut x_bar = Adjoint::new(1.0);
        #[doc = concat!("autodiff_runtime::ops::", stringify!($vjp), "(Adjoint::new(2.0), &mut x_bar, d);")]
        /// assert_eq!(x_bar.get(), Some(1.0 + 2.0 * d));
        /// ```
        #[inline(always)]
        pub fn $vjp<T: Real>(y_bar: Adjoint<T>, x_bar: &mut Adjoint<T>, d: T) {
            if let Some(yb) = y_bar.get() {
                x_bar.add(yb * d);
            }
        }
    )*};
}

/// One-argument linear rules with a constant derivative `c`: `op(x) -> y`, nothing saved.
macro_rules! linear_unary {
    ($(
        $(#[$meta:meta])*
        $name:ident, $jvp:ident, $vjp:ident: |$x:ident| $primal:expr => $c:expr;
    )*) => {$(
        $(#[$meta])*
        ///
        /// ```
        #[doc = concat!("let y = autodiff_runtime::ops::", stringify!($name), "(&0.7f64);")]
        #[doc = concat!("assert_eq!(autodiff_runtime::ops::", stringify!($jvp), "(&0.7f64, &0.0), (y, 0.0));")]
        /// ```
        #[inline(always)]
        pub fn $name<T: Real>($x: &T) -> T {
            let $x = *$x;
            $primal
        }

        #[doc = concat!("Forward mode of [`", stringify!($name), "`]: `ẏ = c · ẋ`.")]
        #[inline(always)]
        pub fn $jvp<T: Real>(x: &T, x_dot: &T) -> (T, T) {
            let c: T = $c;
            ($name(x), c * *x_dot)
        }

        #[doc = concat!("Reverse mode of [`", stringify!($name), "`]: `x̄ += c · ȳ`.")]
        ///
        /// ```
        /// use autodiff_runtime::Adjoint;
        /// let mut x_bar = Adjoint::zero();
        #[doc = concat!("autodiff_runtime::ops::", stringify!($vjp), "(Adjoint::new(1.0f64), &mut x_bar);")]
        #[doc = concat!("assert_eq!(x_bar.get(), Some(autodiff_runtime::ops::", stringify!($jvp), "(&0.7, &1.0).1));")]
        /// ```
        #[inline(always)]
        pub fn $vjp<T: Real>(y_bar: Adjoint<T>, x_bar: &mut Adjoint<T>) {
            if let Some(yb) = y_bar.get() {
                let c: T = $c;
                x_bar.add(c * yb);
            }
        }
    )*};
}

/// Two-argument rules with saved partials: `op(a, b) -> (y, (∂y/∂a, ∂y/∂b))`.
macro_rules! binary {
    ($(
        $(#[$meta:meta])*
        $name:ident, $jvp:ident, $vjp:ident at ($a0:literal, $b0:literal):
            |$a:ident, $b:ident, $y:ident| $primal:expr => $d:expr;
    )*) => {$(
        $(#[$meta])*
        ///
        /// Returns `(y, (∂y/∂a, ∂y/∂b))`.
        ///
        /// ```
        #[doc = concat!("let (a, b, h) = (", stringify!($a0), "f64, ", stringify!($b0), "f64, 1e-6);")]
        #[doc = concat!("let (_, (da, db)) = autodiff_runtime::ops::", stringify!($name), "(&a, &b);")]
        #[doc = concat!("let f = |a: f64, b: f64| autodiff_runtime::ops::", stringify!($name), "(&a, &b).0;")]
        /// let (fa, fb) = ((f(a + h, b) - f(a - h, b)) / (2.0 * h), (f(a, b + h) - f(a, b - h)) / (2.0 * h));
        /// assert!((da - fa).abs() < 1e-7 * (1.0 + fa.abs()), "{da} vs {fa}");
        /// assert!((db - fb).abs() < 1e-7 * (1.0 + fb.abs()), "{db} vs {fb}");
        /// ```
        #[inline(always)]
        pub fn $name<T: Real>($a: &T, $b: &T) -> (T, (T, T)) {
            let ($a, $b) = (*$a, *$b);
            let $y: T = $primal;
            ($y, $d)
        }

        #[doc = concat!("Forward mode of [`", stringify!($name), "`]: `ẏ = ∂y/∂a · ȧ + ∂y/∂b · ḃ`; `None` marks a constant input.")]
        ///
        /// ```
        #[doc = concat!("let (a, b) = (", stringify!($a0), "f64, ", stringify!($b0), "f64);")]
        #[doc = concat!("let (y, (da, db)) = autodiff_runtime::ops::", stringify!($name), "(&a, &b);")]
        #[doc = concat!("assert_eq!(autodiff_runtime::ops::", stringify!($jvp), "(&a, &b, Some(&1.0), None), (y, da));")]
        #[doc = concat!("assert_eq!(autodiff_runtime::ops::", stringify!($jvp), "(&a, &b, None, Some(&1.0)), (y, db));")]
        /// ```
        #[inline(always)]
        pub fn $jvp<T: Real>(a: &T, b: &T, a_dot: Option<&T>, b_dot: Option<&T>) -> (T, T) {
            let (y, (da, db)) = $name(a, b);
            let y_dot = match (a_dot, b_dot) {
                (Some(a_dot), Some(b_dot)) => da * *a_dot + db * *b_dot,
                (Some(a_dot), None) => da * *a_dot,
                (None, Some(b_dot)) => db * *b_dot,
                (None, None) => T::zero(),
            };
            (y, y_dot)
        }

        #[doc = concat!("Reverse mode of [`", stringify!($name), "`]: `ā += ȳ · ∂y/∂a`, `b̄ += ȳ · ∂y/∂b`, for the inputs given as `Some((adjoint, partial))`.")]
        ///
        /// ```
        /// use autodiff_runtime::Adjoint;
        #[doc = concat!("let (_, (da, db)) = autodiff_runtime::ops::", stringify!($name), "(&", stringify!($a0), "f64, &", stringify!($b0), "f64);")]
        /// let (mut a_bar, mut b_bar) = (Adjoint::zero(), Adjoint::zero());
        #[doc = concat!("autodiff_runtime::ops::", stringify!($vjp), "(Adjoint::new(2.0), Some((&mut a_bar, da)), Some((&mut b_bar, db)));")]
        /// assert_eq!((a_bar.get(), b_bar.get()), (Some(2.0 * da), Some(2.0 * db)));
        /// ```
        #[inline(always)]
        pub fn $vjp<T: Real>(
            y_bar: Adjoint<T>,
            a: Option<(&mut Adjoint<T>, T)>,
            b: Option<(&mut Adjoint<T>, T)>,
        ) {
            if let Some(yb) = y_bar.get() {
                if let Some((a_bar, da)) = a {
                    a_bar.add(yb * da);
                }
                if let Some((b_bar, db)) = b {
                    b_bar.add(yb * db);
                }
            }
        }
    )*};
}

mod arith;
mod binary;
mod elementwise;

pub use arith::*;
pub use binary::*;
pub use elementwise::*;

use crate::Adjoint;

/// Adds a contribution of a pullback into an adjoint: the reverse of passing an argument to
/// a `#[differentiable]` call.
///
/// ```
/// use autodiff_runtime::{ops, Adjoint};
/// let mut x_bar = Adjoint::new(1.0f64);
/// ops::accumulate(&mut x_bar, 2.0);
/// assert_eq!(x_bar.get(), Some(3.0));
/// ```
#[inline(always)]
pub fn accumulate<T, C: crate::Contribution<T>>(bar: &mut Adjoint<T>, c: C) {
    c.add_to(bar)
}
