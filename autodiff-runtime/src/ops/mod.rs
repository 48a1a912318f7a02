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
//!   an input; a rule of several inputs is called once per differentiable input, with that
//!   input's adjoint and saved partial.
//!
//! The rules are generic: a scalar rule written once serves `f64`, `f32`, and arrays of
//! either, elementwise, with ndarray's broadcasting for binary rules (see [`crate::array`]).
//! The FFT rules (`fft`, `ifft`, `fft2`, `fftshift`, ...) are defined in [`crate::fft`] and
//! re-exported here; the rules of complex scalars and arrays are in [`complex`].
//!
//! ```
//! use autodiff_runtime::{ops, Adjoint};
//! // y = x · sin(x) at x = 2, by hand through the rules:
//! let x = 2.0f64;
//! let (s, ds) = ops::sin(&x);
//! let (y, (dy_dx, dy_ds)) = ops::mul(&x, &s);
//! let (mut x_bar, mut s_bar) = (Adjoint::zero(), Adjoint::zero());
//! let y_bar = Adjoint::new(1.0);
//! ops::mul_vjp(&y_bar, &mut x_bar, &dy_dx);
//! ops::mul_vjp(&y_bar, &mut s_bar, &dy_ds);
//! ops::sin_vjp(s_bar, &mut x_bar, ds);
//! let expected = x.sin() + x * x.cos();
//! assert!((x_bar.get().unwrap() - expected).abs() < 1e-15);
//! assert_eq!(y, x * x.sin());
//! ```
//!
//! Non-differentiable methods (`floor`, `ceil`, `round`, `trunc`, `signum`, comparisons) have
//! no entry here: the macro evaluates them on primal values and treats their results as
//! constants, which is their derivative (zero) wherever one exists.

/// One-argument elementwise rules with a saved partial: `op(x) -> (y, ∂y/∂x)`, for scalars
/// and, elementwise, for arrays.
macro_rules! unary {
    ($(
        $(#[$meta:meta])*
        $name:ident, $jvp:ident, $vjp:ident at $at:literal: |$x:ident, $y:ident| $primal:expr => $d:expr;
    )*) => {$(
        $(#[$meta])*
        ///
        /// Returns `(y, ∂y/∂x)`; on an array, both elementwise.
        ///
        /// ```
        #[doc = concat!("let (x, h) = (", stringify!($at), "f64, 1e-6);")]
        #[doc = concat!("let (_, d) = autodiff_runtime::ops::", stringify!($name), "(&x);")]
        #[doc = concat!("let f = |x: f64| autodiff_runtime::ops::", stringify!($name), "(&x).0;")]
        /// let fd = (f(x + h) - f(x - h)) / (2.0 * h);
        /// assert!((d - fd).abs() < 1e-7 * (1.0 + fd.abs()), "{d} vs {fd}");
        /// ```
        #[inline(always)]
        pub fn $name<X: $crate::array::Elementwise>(x: &X) -> (X::Tangent, X::Tangent) {
            #[inline(always)]
            fn kernel<T: $crate::Real>($x: T) -> (T, T) {
                let $y: T = $primal;
                ($y, $d)
            }
            x.map_partial(kernel::<X::Elem>)
        }

        #[doc = concat!("Forward mode of [`", stringify!($name), "`]: `(y, ẏ)` with `ẏ = ∂y/∂x · ẋ`.")]
        ///
        /// ```
        #[doc = concat!("let x = ", stringify!($at), "f64;")]
        #[doc = concat!("let (y, d) = autodiff_runtime::ops::", stringify!($name), "(&x);")]
        #[doc = concat!("assert_eq!(autodiff_runtime::ops::", stringify!($jvp), "(&x, &2.0), (y, 2.0 * d));")]
        /// ```
        #[inline(always)]
        pub fn $jvp<X: $crate::array::Elementwise>(x: &X, x_dot: &X::Tangent) -> (X::Tangent, X::Tangent) {
            let (y, d) = $name(x);
            (y, X::times(d, x_dot))
        }

        unary_vjp!($name, $vjp, $at);
    )*};
}

/// The reverse of a rule with one differentiable input: `x̄ += ȳ · ∂y/∂x`. Optional doc
/// attributes (an example) come first; `$at` writes the example of a scalar rule at `$at`.
macro_rules! unary_vjp {
    ($name:ident, $vjp:ident, $at:literal) => {
        unary_vjp!(
            /// ```
            /// use autodiff_runtime::Adjoint;
            #[doc = concat!("let (_, d) = autodiff_runtime::ops::", stringify!($name), "(&", stringify!($at), "f64);")]
            /// let mut x_bar = Adjoint::new(1.0);
            #[doc = concat!("autodiff_runtime::ops::", stringify!($vjp), "(Adjoint::new(2.0), &mut x_bar, d);")]
            /// assert_eq!(x_bar.get(), Some(1.0 + 2.0 * d));
            /// ```
            $name, $vjp
        );
    };
    ($(#[$doc:meta])* $name:ident, $vjp:ident) => {
        #[doc = concat!("Reverse mode of [`", stringify!($name), "`](fn@", stringify!($name), "): `x̄ += ȳ · ∂y/∂x`, from the partial saved by the forward sweep.")]
        ///
        $(#[$doc])*
        #[inline(always)]
        pub fn $vjp<Y, P: $crate::Partial<Y>>(y_bar: $crate::Adjoint<Y>, x_bar: &mut $crate::Adjoint<P::X>, d: P)
        where
            P::X: $crate::Accumulate,
        {
            if let Some(yb) = y_bar.get() {
                x_bar.add(d.pull_owned(yb));
            }
        }
    };
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
        pub fn $name<X: $crate::array::Elementwise>(x: &X) -> X::Tangent {
            #[inline(always)]
            fn kernel<T: $crate::Real>($x: T) -> T {
                $primal
            }
            x.map_value(kernel::<X::Elem>)
        }

        #[doc = concat!("Forward mode of [`", stringify!($name), "`]: `ẏ = c · ẋ`.")]
        #[inline(always)]
        pub fn $jvp<X: $crate::array::Elementwise>(x: &X, x_dot: &X::Tangent) -> (X::Tangent, X::Tangent) {
            #[inline(always)]
            fn c<T: $crate::Real>() -> T {
                $c
            }
            ($name(x), $crate::Linear::scale(x_dot.clone(), c::<X::Elem>()))
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
        pub fn $vjp<Y: $crate::Linear>(y_bar: $crate::Adjoint<Y>, x_bar: &mut $crate::Adjoint<Y>) {
            #[inline(always)]
            fn c<T: $crate::Real>() -> T {
                $c
            }
            if let Some(yb) = y_bar.get() {
                x_bar.add($crate::Linear::scale(yb, c::<Y::Elem>()));
            }
        }
    )*};
}

/// Two-argument elementwise rules with saved partials: `op(a, b) -> (y, (∂y/∂a, ∂y/∂b))`,
/// for scalars and for arrays that broadcast together.
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
        #[track_caller]
        pub fn $name<A: $crate::array::Binary<B>, B>(a: &A, b: &B) -> (A::Out, (A::P0, A::P1)) {
            #[inline(always)]
            fn kernel<T: $crate::Real>($a: T, $b: T) -> (T, (T, T)) {
                let $y: T = $primal;
                ($y, $d)
            }
            a.zip_partial(b, stringify!($name), kernel::<A::Elem>)
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
        #[track_caller]
        pub fn $jvp<A: $crate::array::Binary<B>, B>(a: &A, b: &B, a_dot: Option<&A::TA>, b_dot: Option<&A::TB>) -> (A::Out, A::Out) {
            let (y, (d0, d1)) = $name(a, b);
            let t = $crate::ops::combine(&y, &d0, &d1, a_dot, b_dot);
            (y, t)
        }

        pull_vjp!($name, $vjp);
    )*};
}

/// The reverse of a rule with several differentiable inputs, one input at a time:
/// `x̄ᵢ += ȳ · ∂y/∂xᵢ`.
macro_rules! pull_vjp {
    ($(#[$doc:meta])* $name:ident, $vjp:ident) => {
        #[doc = concat!("Reverse mode of [`", stringify!($name), "`](fn@", stringify!($name), ") for one input: `x̄ += ȳ · ∂y/∂x`, from that input's saved partial.")]
        ///
        /// Generated code calls it once per differentiable input.
        ///
        $(#[$doc])*
        #[inline(always)]
        pub fn $vjp<Y, P: $crate::Partial<Y>>(y_bar: &$crate::Adjoint<Y>, x_bar: &mut $crate::Adjoint<P::X>, d: &P)
        where
            P::X: $crate::Accumulate,
        {
            if let Some(yb) = y_bar.peek() {
                x_bar.add(d.pull(yb));
            }
        }
    };
}

/// `∂y/∂a · ȧ + ∂y/∂b · ḃ` for the inputs that have tangents.
#[inline(always)]
#[doc(hidden)]
pub fn combine<Y, P0, P1>(y: &Y, d0: &P0, d1: &P1, a_dot: Option<&P0::X>, b_dot: Option<&P1::X>) -> Y
where
    Y: Value<Tangent = Y> + Accumulate,
    P0: Partial<Y>,
    P1: Partial<Y>,
{
    match (a_dot, b_dot) {
        (Some(a), Some(b)) => {
            let mut t = d0.push(a);
            t.accumulate(d1.push(b));
            t
        }
        (Some(a), None) => d0.push(a),
        (None, Some(b)) => d1.push(b),
        (None, None) => y.zero_tangent(),
    }
}

mod arith;
mod array;
mod binary;
pub mod complex;
mod dispatch;
mod element;
mod elementwise;
mod field;
mod join;
mod linalg;
mod mapv;
pub mod real;
pub use linalg::*;
mod shape;

pub use arith::*;
pub use dispatch::*;
pub use mapv::{KernelOut, MapvOperand, Wirtinger, mapv, mapv_jvp, mapv_vjp};
// Complex-only rules at the top level, where the macro finds every rule by name.
pub use array::*;
pub use binary::*;
pub use complex::{
    arg, arg_jvp, arg_vjp, conj, conj_jvp, conj_vjp, from_polar, from_polar_jvp, from_polar_vjp, from_real,
    from_real_jvp, from_real_vjp, im, im_jvp, im_vjp, new as complex_new, new_jvp as complex_new_jvp,
    new_vjp as complex_new_vjp, norm, norm_jvp, norm_sqr, norm_sqr_jvp, norm_sqr_vjp, norm_vjp, re, re_jvp, re_vjp,
};
pub use element::*;
pub use elementwise::*;
pub use field::*;
pub use join::*;
pub use real::{add_vjp, div_vjp, exp_vjp, ln_vjp, mul_vjp, neg_vjp, powf_vjp, sqrt_vjp, sub_vjp};
pub use shape::*;

/// The FFT rules ([`crate::fft`]), re-exported for generated code (`ops::fft2(&x)`).
pub use crate::fft::{
    fft, fft_axis, fft_axis_jvp, fft_axis_vjp, fft_jvp, fft_vjp, fft2, fft2_jvp, fft2_vjp, fftn, fftn_jvp, fftn_vjp,
    fftshift, fftshift_axes, fftshift_axes_jvp, fftshift_axes_vjp, fftshift_jvp, fftshift_vjp, ifft, ifft_axis,
    ifft_axis_jvp, ifft_axis_vjp, ifft_jvp, ifft_vjp, ifft2, ifft2_jvp, ifft2_vjp, ifftn, ifftn_jvp, ifftn_vjp,
    ifftshift, ifftshift_axes, ifftshift_axes_jvp, ifftshift_axes_vjp, ifftshift_jvp, ifftshift_vjp,
};

use crate::{Accumulate, Adjoint, Partial, Value};

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
