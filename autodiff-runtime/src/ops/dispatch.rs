//! The rules that real and complex values share, `+ − × ÷`, negation, `exp`, `ln`, `sqrt`
//! and `powf`: one entry point each, which generated code calls whatever the operands' types
//! (the macro sees no types), dispatching by trait to [`super::real`] for real scalars, jets
//! and arrays of them, and to [`super::complex`] for complex scalars and arrays.
//!
//! ```
//! use autodiff_runtime::{ops, Complex64};
//! assert_eq!(ops::mul(&2.0f64, &3.0).0, 6.0);
//! let (y, _) = ops::mul(&Complex64::new(0.0, 1.0), &Complex64::new(0.0, 1.0));
//! assert_eq!(y, Complex64::new(-1.0, 0.0));
//! assert_eq!(ops::exp(&Complex64::new(0.0, 0.0)).0, Complex64::new(1.0, 0.0));
//! ```
//!
//! Complex operands combine two complex scalars, a complex and a real scalar of the same
//! precision, or two arrays of the same shape (owned or views), complex or one real; complex
//! rules do not broadcast.

use super::{complex, real};
use crate::array::{Binary, Elementwise};
use crate::complex::{ComplexBinary, ComplexUnary, Holo};
use crate::{Partial, Real};
use ndarray::{ArrayBase, Dimension, OwnedRepr, ViewRepr};
use num_complex::Complex;

/// Complex array types with a rule: owned arrays and views.
macro_rules! complex_arrays {
    ($mac:ident) => {
        $mac!(OwnedRepr<Complex<T>>);
        $mac!(ViewRepr<&'a Complex<T>>);
    };
}

macro_rules! binary_dispatch {
    ($(
        $(#[$meta:meta])*
        $trait:ident: $name:ident, $jvp:ident, ($p0:ident, $p1:ident);
    )*) => {$(
        #[doc = concat!("Operands of [`", stringify!($name), "`](fn@", stringify!($name), "): real ones (see [`Binary`]) or complex ones.")]
        #[diagnostic::on_unimplemented(
            message = "`{Self}` and `{B}` cannot be combined by a differentiable elementwise rule",
            note = "operands must be real scalars of one precision (`f64` or `f32`), ndarray arrays of that scalar, or one of each; or complex scalars (with a real one of the same precision), or complex arrays of the same shape"
        )]
        pub trait $trait<B> {
            /// The result.
            type Out;
            /// The left operand's tangent.
            type TA;
            /// The right operand's tangent.
            type TB;
            /// The partial with respect to the left operand.
            type P0;
            /// The partial with respect to the right operand.
            type P1;
            /// The value and both partials.
            fn apply(&self, b: &B) -> (Self::Out, (Self::P0, Self::P1));
            /// The value and its tangent; `None` marks a constant operand.
            fn apply_jvp(&self, b: &B, a_dot: Option<&Self::TA>, b_dot: Option<&Self::TB>) -> (Self::Out, Self::Out);
        }

        impl<A: Binary<B>, B> $trait<B> for A {
            type Out = A::Out;
            type TA = A::TA;
            type TB = A::TB;
            type P0 = A::$p0;
            type P1 = A::$p1;
            #[inline(always)]
            #[track_caller]
            fn apply(&self, b: &B) -> (Self::Out, (Self::P0, Self::P1)) {
                real::$name(self, b)
            }
            #[inline(always)]
            #[track_caller]
            fn apply_jvp(&self, b: &B, a_dot: Option<&A::TA>, b_dot: Option<&A::TB>) -> (A::Out, A::Out) {
                real::$jvp(self, b, a_dot, b_dot)
            }
        }

        binary_dispatch!(@complex $trait, $name, $jvp, [T: Real] Complex<T>, Complex<T>);
        binary_dispatch!(@complex $trait, $name, $jvp, [] Complex<f64>, f64);
        binary_dispatch!(@complex $trait, $name, $jvp, [] f64, Complex<f64>);
        binary_dispatch!(@complex $trait, $name, $jvp, [] Complex<f32>, f32);
        binary_dispatch!(@complex $trait, $name, $jvp, [] f32, Complex<f32>);
        binary_dispatch!(@complex $trait, $name, $jvp, ['a, 'b, T: Real, D: Dimension] ArrayBase<OwnedRepr<Complex<T>>, D>, ArrayBase<OwnedRepr<Complex<T>>, D>);
        binary_dispatch!(@complex $trait, $name, $jvp, ['a, 'b, T: Real, D: Dimension] ArrayBase<OwnedRepr<Complex<T>>, D>, ArrayBase<ViewRepr<&'b Complex<T>>, D>);
        binary_dispatch!(@complex $trait, $name, $jvp, ['a, 'b, T: Real, D: Dimension] ArrayBase<ViewRepr<&'a Complex<T>>, D>, ArrayBase<OwnedRepr<Complex<T>>, D>);
        binary_dispatch!(@complex $trait, $name, $jvp, ['a, 'b, T: Real, D: Dimension] ArrayBase<ViewRepr<&'a Complex<T>>, D>, ArrayBase<ViewRepr<&'b Complex<T>>, D>);
        // Real and complex arrays of the same shape.
        binary_dispatch!(@complex $trait, $name, $jvp, ['a, 'b, D: Dimension] ArrayBase<OwnedRepr<f64>, D>, ArrayBase<OwnedRepr<Complex<f64>>, D>);
        binary_dispatch!(@complex $trait, $name, $jvp, ['a, 'b, D: Dimension] ArrayBase<OwnedRepr<Complex<f64>>, D>, ArrayBase<OwnedRepr<f64>, D>);
        binary_dispatch!(@complex $trait, $name, $jvp, ['a, 'b, D: Dimension] ArrayBase<OwnedRepr<f64>, D>, ArrayBase<ViewRepr<&'b Complex<f64>>, D>);
        binary_dispatch!(@complex $trait, $name, $jvp, ['a, 'b, D: Dimension] ArrayBase<OwnedRepr<Complex<f64>>, D>, ArrayBase<ViewRepr<&'b f64>, D>);
        binary_dispatch!(@complex $trait, $name, $jvp, ['a, 'b, D: Dimension] ArrayBase<ViewRepr<&'a f64>, D>, ArrayBase<OwnedRepr<Complex<f64>>, D>);
        binary_dispatch!(@complex $trait, $name, $jvp, ['a, 'b, D: Dimension] ArrayBase<ViewRepr<&'a Complex<f64>>, D>, ArrayBase<OwnedRepr<f64>, D>);
        binary_dispatch!(@complex $trait, $name, $jvp, ['a, 'b, D: Dimension] ArrayBase<ViewRepr<&'a f64>, D>, ArrayBase<ViewRepr<&'b Complex<f64>>, D>);
        binary_dispatch!(@complex $trait, $name, $jvp, ['a, 'b, D: Dimension] ArrayBase<ViewRepr<&'a Complex<f64>>, D>, ArrayBase<ViewRepr<&'b f64>, D>);
        binary_dispatch!(@complex $trait, $name, $jvp, ['a, 'b, D: Dimension] ArrayBase<OwnedRepr<f32>, D>, ArrayBase<OwnedRepr<Complex<f32>>, D>);
        binary_dispatch!(@complex $trait, $name, $jvp, ['a, 'b, D: Dimension] ArrayBase<OwnedRepr<Complex<f32>>, D>, ArrayBase<OwnedRepr<f32>, D>);
        binary_dispatch!(@complex $trait, $name, $jvp, ['a, 'b, D: Dimension] ArrayBase<OwnedRepr<f32>, D>, ArrayBase<ViewRepr<&'b Complex<f32>>, D>);
        binary_dispatch!(@complex $trait, $name, $jvp, ['a, 'b, D: Dimension] ArrayBase<OwnedRepr<Complex<f32>>, D>, ArrayBase<ViewRepr<&'b f32>, D>);
        binary_dispatch!(@complex $trait, $name, $jvp, ['a, 'b, D: Dimension] ArrayBase<ViewRepr<&'a f32>, D>, ArrayBase<OwnedRepr<Complex<f32>>, D>);
        binary_dispatch!(@complex $trait, $name, $jvp, ['a, 'b, D: Dimension] ArrayBase<ViewRepr<&'a Complex<f32>>, D>, ArrayBase<OwnedRepr<f32>, D>);
        binary_dispatch!(@complex $trait, $name, $jvp, ['a, 'b, D: Dimension] ArrayBase<ViewRepr<&'a f32>, D>, ArrayBase<ViewRepr<&'b Complex<f32>>, D>);
        binary_dispatch!(@complex $trait, $name, $jvp, ['a, 'b, D: Dimension] ArrayBase<ViewRepr<&'a Complex<f32>>, D>, ArrayBase<ViewRepr<&'b f32>, D>);

        $(#[$meta])*
        ///
        /// Real operands go to the real rule (broadcasting arrays), complex ones to the
        /// complex rule in [`crate::ops::complex`].
        #[inline(always)]
        #[track_caller]
        pub fn $name<A: $trait<B>, B>(a: &A, b: &B) -> (A::Out, (A::P0, A::P1)) {
            a.apply(b)
        }

        #[doc = concat!("Forward mode of [`", stringify!($name), "`](fn@", stringify!($name), "); `None` marks a constant operand.")]
        ///
        /// ```
        #[doc = concat!("let (y, t) = autodiff_runtime::ops::", stringify!($jvp), "(&1.5f64, &2.0, Some(&1.0), None);")]
        #[doc = concat!("assert_eq!(y, autodiff_runtime::ops::", stringify!($name), "(&1.5f64, &2.0).0);")]
        /// # let _ = t;
        /// ```
        #[inline(always)]
        #[track_caller]
        pub fn $jvp<A: $trait<B>, B>(a: &A, b: &B, a_dot: Option<&A::TA>, b_dot: Option<&A::TB>) -> (A::Out, A::Out) {
            a.apply_jvp(b, a_dot, b_dot)
        }
    )*};
    (@complex $trait:ident, $name:ident, $jvp:ident, [$($g:tt)*] $a:ty, $b:ty) => {
        impl<$($g)*> $trait<$b> for $a
        where
            $a: ComplexBinary<$b>,
            Holo<<$a as ComplexBinary<$b>>::A, <$a as ComplexBinary<$b>>::C>: Partial<<$a as ComplexBinary<$b>>::C>,
            Holo<<$a as ComplexBinary<$b>>::B, <$a as ComplexBinary<$b>>::C>: Partial<<$a as ComplexBinary<$b>>::C>,
        {
            type Out = <$a as ComplexBinary<$b>>::C;
            type TA = complex::DotA<$a, $b>;
            type TB = complex::DotB<$a, $b>;
            type P0 = Holo<<$a as ComplexBinary<$b>>::A, Self::Out>;
            type P1 = Holo<<$a as ComplexBinary<$b>>::B, Self::Out>;
            #[inline(always)]
            #[track_caller]
            fn apply(&self, b: &$b) -> (Self::Out, (Self::P0, Self::P1)) {
                complex::$name(self, b)
            }
            #[inline(always)]
            #[track_caller]
            fn apply_jvp(&self, b: &$b, a_dot: Option<&Self::TA>, b_dot: Option<&Self::TB>) -> (Self::Out, Self::Out) {
                complex::$jvp(self, b, a_dot, b_dot)
            }
        }
    };
}

binary_dispatch! {
    /// `y = a + b`; `∂y/∂a = ∂y/∂b = 1`.
    ///
    /// ```
    /// assert_eq!(autodiff_runtime::ops::add(&1.5f64, &2.0).0, 3.5);
    /// ```
    AddOperands: add, add_jvp, (Plus0, Plus1);
    /// `y = a − b`; `∂y/∂a = 1`, `∂y/∂b = −1`.
    ///
    /// ```
    /// assert_eq!(autodiff_runtime::ops::sub(&1.5f64, &2.0).0, -0.5);
    /// ```
    SubOperands: sub, sub_jvp, (Plus0, Minus1);
    /// `y = a · b`; `∂y/∂a = b`, `∂y/∂b = a`.
    ///
    /// ```
    /// assert_eq!(autodiff_runtime::ops::mul(&1.5f64, &2.0).0, 3.0);
    /// ```
    MulOperands: mul, mul_jvp, (P0, P1);
    /// `y = a / b`; `∂y/∂a = 1/b`, `∂y/∂b = −y/b`.
    ///
    /// ```
    /// assert_eq!(autodiff_runtime::ops::div(&3.0f64, &2.0).0, 1.5);
    /// ```
    DivOperands: div, div_jvp, (P0, P1);
    /// `y = aᵇ` (`a.powf(b)`; for complex `a`, the principal branch).
    ///
    /// ```
    /// assert_eq!(autodiff_runtime::ops::powf(&2.0f64, &3.0).0, 8.0);
    /// ```
    PowfOperands: powf, powf_jvp, (P0, P1);
}

macro_rules! unary_dispatch {
    ($(
        $(#[$meta:meta])*
        $trait:ident: $name:ident, $jvp:ident, real = |$x:ident| $real:expr, real_jvp = |$xj:ident, $t:ident| $real_jvp:expr, partial = $p:ty;
    )*) => {$(
        #[doc = concat!("Operands of [`", stringify!($name), "`](fn@", stringify!($name), "): real scalars and arrays (see [`Elementwise`]) or complex ones.")]
        #[diagnostic::on_unimplemented(
            message = "`{Self}` is not a value this elementwise rule can map over",
            note = "elementwise rules take `f64`, `f32`, ndarray arrays of them, or complex scalars and arrays"
        )]
        pub trait $trait {
            /// The result.
            type Out;
            /// The operand's tangent.
            type T;
            /// The partial.
            type P;
            /// The value and the partial.
            fn apply(&self) -> (Self::Out, Self::P);
            /// The value and its tangent.
            fn apply_jvp(&self, x_dot: &Self::T) -> (Self::Out, Self::Out);
        }

        impl<X: Elementwise> $trait for X {
            type Out = X::Tangent;
            type T = X::Tangent;
            type P = $p;
            #[inline(always)]
            fn apply(&self) -> (Self::Out, Self::P) {
                let $x = self;
                $real
            }
            #[inline(always)]
            fn apply_jvp(&self, x_dot: &X::Tangent) -> (X::Tangent, X::Tangent) {
                let ($xj, $t) = (self, x_dot);
                $real_jvp
            }
        }

        unary_dispatch!(@complex $trait, $name, $jvp, [T: Real] Complex<T>);
        macro_rules! complex_array {
            ($s:ty) => {
                unary_dispatch!(@complex $trait, $name, $jvp, ['a, T: Real, D: Dimension] ArrayBase<$s, D>);
            };
        }
        complex_arrays!(complex_array);

        $(#[$meta])*
        ///
        /// Real operands go to the real rule, complex ones to the complex rule in
        /// [`crate::ops::complex`].
        #[inline(always)]
        pub fn $name<X: $trait>(x: &X) -> (X::Out, X::P) {
            x.apply()
        }

        #[doc = concat!("Forward mode of [`", stringify!($name), "`](fn@", stringify!($name), ").")]
        ///
        /// ```
        #[doc = concat!("let (y, _) = autodiff_runtime::ops::", stringify!($jvp), "(&0.5f64, &1.0);")]
        #[doc = concat!("assert_eq!(y, autodiff_runtime::ops::", stringify!($name), "(&0.5f64).0);")]
        /// ```
        #[inline(always)]
        pub fn $jvp<X: $trait>(x: &X, x_dot: &X::T) -> (X::Out, X::Out) {
            x.apply_jvp(x_dot)
        }
    )*};
    (@complex $trait:ident, $name:ident, $jvp:ident, [$($g:tt)*] $x:ty) => {
        impl<$($g)*> $trait for $x
        where
            Holo<<$x as ComplexUnary>::Elem, <$x as ComplexUnary>::C>: Partial<<$x as ComplexUnary>::C>,
        {
            type Out = <$x as ComplexUnary>::C;
            type T = complex::Dot<$x>;
            type P = Holo<<$x as ComplexUnary>::Elem, Self::Out>;
            #[inline(always)]
            fn apply(&self) -> (Self::Out, Self::P) {
                complex::$name(self)
            }
            #[inline(always)]
            fn apply_jvp(&self, x_dot: &Self::T) -> (Self::Out, Self::Out) {
                complex::$jvp(self, x_dot)
            }
        }
    };
}

unary_dispatch! {
    /// `y = eˣ`; `∂y/∂x = y`.
    ///
    /// ```
    /// assert_eq!(autodiff_runtime::ops::exp(&0.0f64).0, 1.0);
    /// ```
    ExpOperand: exp, exp_jvp, real = |x| real::exp(x), real_jvp = |x, t| real::exp_jvp(x, t), partial = X::Tangent;
    /// `y = ln x`; `∂y/∂x = 1/x`.
    ///
    /// ```
    /// assert_eq!(autodiff_runtime::ops::ln(&1.0f64).0, 0.0);
    /// ```
    LnOperand: ln, ln_jvp, real = |x| real::ln(x), real_jvp = |x, t| real::ln_jvp(x, t), partial = X::Tangent;
    /// `y = √x`; `∂y/∂x = 1/(2y)`.
    ///
    /// ```
    /// assert_eq!(autodiff_runtime::ops::sqrt(&4.0f64).0, 2.0);
    /// ```
    SqrtOperand: sqrt, sqrt_jvp, real = |x| real::sqrt(x), real_jvp = |x, t| real::sqrt_jvp(x, t), partial = X::Tangent;
}

/// Operands of [`neg`](fn@neg): real scalars and arrays (see [`Elementwise`]) or complex ones.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be negated by a differentiable rule",
    note = "negation takes `f64`, `f32`, ndarray arrays of them, or complex scalars and arrays"
)]
pub trait NegOperand {
    /// The result (also the tangent).
    type Out;
    /// `−x`.
    fn apply(&self) -> Self::Out;
    /// `(−x, −ẋ)`.
    fn apply_jvp(&self, x_dot: &Self::Out) -> (Self::Out, Self::Out);
}

impl<X: Elementwise> NegOperand for X {
    type Out = X::Tangent;
    #[inline(always)]
    fn apply(&self) -> X::Tangent {
        real::neg(self)
    }
    #[inline(always)]
    fn apply_jvp(&self, x_dot: &X::Tangent) -> (X::Tangent, X::Tangent) {
        real::neg_jvp(self, x_dot)
    }
}

macro_rules! complex_neg {
    ([$($g:tt)*] $x:ty) => {
        impl<$($g)*> NegOperand for $x
        where
            Holo<<$x as ComplexUnary>::Elem, <$x as ComplexUnary>::C>: Partial<<$x as ComplexUnary>::C, X = <$x as ComplexUnary>::C>,
        {
            type Out = <$x as ComplexUnary>::C;
            #[inline(always)]
            fn apply(&self) -> Self::Out {
                complex::neg(self).0
            }
            #[inline(always)]
            fn apply_jvp(&self, x_dot: &Self::Out) -> (Self::Out, Self::Out) {
                complex::neg_jvp(self, x_dot)
            }
        }
    };
}

complex_neg!([T: Real] Complex<T>);
macro_rules! complex_neg_array {
    ($s:ty) => {
        complex_neg!(['a, T: Real, D: Dimension] ArrayBase<$s, D>);
    };
}
complex_arrays!(complex_neg_array);

/// `y = −x`; `∂y/∂x = −1` (nothing saved); real or complex.
///
/// ```
/// use autodiff_runtime::{ops, Complex64};
/// assert_eq!(ops::neg(&4.0f64), -4.0);
/// assert_eq!(ops::neg(&Complex64::new(1.0, -2.0)), Complex64::new(-1.0, 2.0));
/// ```
#[inline(always)]
pub fn neg<X: NegOperand>(x: &X) -> X::Out {
    x.apply()
}

/// Forward mode of [`neg`](fn@neg): `(−x, −ẋ)`.
///
/// ```
/// assert_eq!(autodiff_runtime::ops::neg_jvp(&0.7f64, &1.0), (-0.7, -1.0));
/// ```
#[inline(always)]
pub fn neg_jvp<X: NegOperand>(x: &X, x_dot: &X::Out) -> (X::Out, X::Out) {
    x.apply_jvp(x_dot)
}
