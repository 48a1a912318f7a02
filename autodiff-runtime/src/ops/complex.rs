//! Complex rules: `conj`, `re`, `im`, `norm`, `norm_sqr`, `arg`, `exp`, `ln`, `sqrt`,
//! `from_real`, and `add`, `sub`, `mul`, `div`, `powf`, `new`, `from_polar`, on complex scalars
//! and elementwise on arrays of them.
//!
//! They follow [`num_complex::Complex`]'s methods (`z.conj()`, `z.norm()`, `z.arg()`,
//! `z.exp()`, `z.ln()`, `z.sqrt()`, `z.powf(p)`/`z.powc(w)`, `Complex::new(a, b)`,
//! `Complex::from_polar(r, θ)`) and numpy's `conj`, `real`, `imag`, `abs`, `angle`. Operands
//! may be complex or real (`f64`, `f32`, taken as complex with zero imaginary part, as numpy
//! does when it mixes them); results are complex, except for the real-valued `re`, `im`,
//! `norm`, `norm_sqr` and `arg`. Binary rules take two scalars or two arrays of the same shape
//! (they do not broadcast).
//!
//! Cotangents follow autograd's convention (see [`crate::fft`] and [`crate::complex`]):
//! `z̄ = ∂L/∂x − i ∂L/∂y`. Holomorphic rules pull back `z̄ += ȳ·f′(z)` with no conjugate;
//! a real operand keeps the real part of that; real-valued rules pull back `z̄ += ȳ·c` with
//! `c = ∂y/∂x − i ∂y/∂y`; `conj` pulls back `conj(ȳ)`.
//!
//! ```
//! use autodiff_runtime::{ops::complex, Adjoint, Complex64};
//! // L(z) = |exp(z)|² = e^{2x}: ∂L/∂x = 2e^{2x}, ∂L/∂y = 0
//! let z = Complex64::new(0.3, 1.2);
//! let (u, du) = complex::exp(&z);
//! let (_, dl) = complex::norm_sqr(&u);
//! let mut u_bar = Adjoint::zero();
//! complex::norm_sqr_vjp(Adjoint::new(1.0), &mut u_bar, dl);
//! let mut z_bar = Adjoint::zero();
//! complex::exp_vjp(u_bar, &mut z_bar, du);
//! let g = z_bar.get().unwrap();
//! assert!((g - Complex64::new(2.0 * (0.6f64).exp(), 0.0)).norm() < 1e-12);
//! ```

use super::combine;
use crate::Partial;
use crate::complex::{ComplexBinary, ComplexUnary, Conj, Holo, RealOut};
use num_complex::Complex;

pub use crate::complex::Re;

/// The tangent type of the operand of a unary complex rule: the operand's own type, owned.
///
/// ```
/// use autodiff_runtime::{ops::complex::Dot, Complex64};
/// let t: Dot<ndarray::ArrayView1<Complex64>> = ndarray::Array1::zeros(3);
/// # let _ = t;
/// ```
pub type Dot<X> = <Holo<<X as ComplexUnary>::Elem, <X as ComplexUnary>::C> as Partial<<X as ComplexUnary>::C>>::X;

/// The tangent type of the first operand of a binary complex rule.
///
/// ```
/// use autodiff_runtime::{ops::complex::DotA, Complex64};
/// let t: DotA<f64, Complex64> = 1.0;
/// # let _ = t;
/// ```
pub type DotA<A, B> =
    <Holo<<A as ComplexBinary<B>>::A, <A as ComplexBinary<B>>::C> as Partial<<A as ComplexBinary<B>>::C>>::X;

/// The tangent type of the second operand of a binary complex rule.
///
/// ```
/// use autodiff_runtime::{ops::complex::DotB, Complex64};
/// let t: DotB<f64, Complex64> = Complex64::new(1.0, 0.0);
/// # let _ = t;
/// ```
pub type DotB<A, B> =
    <Holo<<A as ComplexBinary<B>>::B, <A as ComplexBinary<B>>::C> as Partial<<A as ComplexBinary<B>>::C>>::X;

/// `i` in precision `T`.
#[inline(always)]
fn i<T: crate::Real>() -> Complex<T> {
    Complex::new(T::zero(), T::one())
}

/// One-operand holomorphic rules: `op(z) -> (y, Holo(f′(z)))`.
macro_rules! holomorphic {
    ($(
        $(#[$meta:meta])*
        $name:ident, $jvp:ident, $vjp:ident: |$z:ident, $y:ident| $primal:expr => $d:expr;
    )*) => {$(
        $(#[$meta])*
        ///
        /// Returns `(y, f′(z))`, elementwise on an array.
        ///
        /// ```
        /// use autodiff_runtime::{ops::complex, Complex64, Partial};
        /// let (z, h) = (Complex64::new(0.7, -0.4), 1e-6);
        #[doc = concat!("let (_, d) = complex::", stringify!($name), "(&z);")]
        #[doc = concat!("let f = |z: Complex64| complex::", stringify!($name), "(&z).0;")]
        /// // holomorphic: the derivative is the difference quotient along either axis
        /// let fd = (f(z + h) - f(z - h)) / (2.0 * h);
        /// let d = d.push(&Complex64::new(1.0, 0.0));
        /// assert!((d - fd).norm() < 1e-7 * (1.0 + fd.norm()), "{d} vs {fd}");
        /// ```
        #[inline(always)]
        pub fn $name<X: ComplexUnary>(x: &X) -> (X::C, Holo<X::Elem, X::C>) {
            #[inline(always)]
            fn kernel<T: crate::Real>($z: Complex<T>) -> (Complex<T>, Complex<T>) {
                let $y: Complex<T> = $primal;
                ($y, $d)
            }
            x.map_holo(kernel::<Re<X>>)
        }

        #[doc = concat!("Forward mode of [`", stringify!($name), "`]: `ẏ = f′(z)·ż`.")]
        ///
        /// ```
        /// use autodiff_runtime::{ops::complex, Complex64, Partial};
        /// let z = Complex64::new(0.7, -0.4);
        #[doc = concat!("let (y, d) = complex::", stringify!($name), "(&z);")]
        #[doc = concat!("let (y2, t) = complex::", stringify!($jvp), "(&z, &Complex64::new(0.0, 2.0));")]
        /// assert_eq!((y2, t), (y, d.push(&Complex64::new(0.0, 2.0))));
        /// ```
        #[inline(always)]
        #[track_caller]
        pub fn $jvp<X: ComplexUnary>(x: &X, x_dot: &Dot<X>) -> (X::C, X::C)
        where
            Holo<X::Elem, X::C>: Partial<X::C>,
        {
            let (y, d) = $name(x);
            (y, d.push(x_dot))
        }

        unary_vjp!(
            /// ```
            /// use autodiff_runtime::{ops::complex, Adjoint, Complex64};
            /// let z = Complex64::new(0.7, -0.4);
            #[doc = concat!("let (_, d) = complex::", stringify!($name), "(&z);")]
            /// let mut z_bar = Adjoint::zero();
            #[doc = concat!("complex::", stringify!($vjp), "(Adjoint::new(Complex64::new(1.0, 0.0)), &mut z_bar, d.clone());")]
            /// // z̄ = ȳ·f′(z): with ȳ = 1, the derivative itself
            /// assert_eq!(z_bar.get(), Some(autodiff_runtime::Partial::push(&d, &Complex64::new(1.0, 0.0))));
            /// ```
            $name,
            $vjp
        );
    )*};
}

holomorphic! {
    /// `y = eᶻ` (`z.exp()`); `f′(z) = y`.
    exp, exp_jvp, exp_vjp: |z, y| z.exp() => y;
    /// `y = ln z` (`z.ln()`), the principal branch, cut along the negative real axis;
    /// `f′(z) = 1/z`, infinite at `z = 0`.
    ln, ln_jvp, ln_vjp: |z, y| z.ln() => z.inv();
    /// `y = √z` (`z.sqrt()`), the principal root, cut along the negative real axis;
    /// `f′(z) = 1/(2√z)`, infinite at `z = 0`.
    sqrt, sqrt_jvp, sqrt_vjp: |z, y| z.sqrt() => (y + y).inv();
    /// `y = z` as a complex number (`Complex::new(x, 0.0)` of a real `x`, numpy's
    /// `x.astype(complex)`); `f′ = 1`, so a real operand gets `x̄ += Re ȳ`.
    from_real, from_real_jvp, from_real_vjp: |z, y| z => Complex::new(T::one(), T::zero());
    /// `y = −z`; `f′(z) = −1`.
    neg, neg_jvp, neg_vjp: |z, y| -z => Complex::new(-T::one(), T::zero());
}

/// One-operand real-valued rules: `op(z) -> (y, RealOut(∂y/∂x − i ∂y/∂y))`.
macro_rules! real_valued {
    ($(
        $(#[$meta:meta])*
        $name:ident, $jvp:ident, $vjp:ident: |$z:ident, $y:ident| $primal:expr => $c:expr;
    )*) => {$(
        $(#[$meta])*
        ///
        /// Returns `(y, c)` with `c = ∂y/∂x − i ∂y/∂y`, elementwise on an array.
        ///
        /// ```
        /// use autodiff_runtime::{ops::complex, Complex64, Partial};
        /// let (z, h) = (Complex64::new(0.7, -0.4), 1e-6);
        #[doc = concat!("let (_, d) = complex::", stringify!($name), "(&z);")]
        #[doc = concat!("let f = |z: Complex64| complex::", stringify!($name), "(&z).0;")]
        /// let dx = (f(z + h) - f(z - h)) / (2.0 * h);
        /// let dy = (f(z + Complex64::i() * h) - f(z - Complex64::i() * h)) / (2.0 * h);
        /// // the cotangent of z for ȳ = 1 is ∂y/∂x − i ∂y/∂y
        /// assert!((d.pull(&1.0) - Complex64::new(dx, -dy)).norm() < 1e-7);
        /// ```
        #[inline(always)]
        pub fn $name<X: ComplexUnary>(x: &X) -> (X::R, RealOut<X::Elem, X::C>) {
            #[inline(always)]
            fn kernel<T: crate::Real>($z: Complex<T>) -> (T, Complex<T>) {
                let $y: T = $primal;
                ($y, $c)
            }
            x.map_real(kernel::<Re<X>>)
        }

        #[doc = concat!("Forward mode of [`", stringify!($name), "`]: `ẏ = Re(c·ż)`.")]
        ///
        /// ```
        /// use autodiff_runtime::{ops::complex, Complex64};
        /// let (z, h) = (Complex64::new(0.7, -0.4), 1e-6);
        /// let dz = Complex64::new(0.3, 0.8);
        #[doc = concat!("let (_, t) = complex::", stringify!($jvp), "(&z, &dz);")]
        #[doc = concat!("let f = |z: Complex64| complex::", stringify!($name), "(&z).0;")]
        /// let fd = (f(z + dz * h) - f(z - dz * h)) / (2.0 * h);
        /// assert!((t - fd).abs() < 1e-7, "{t} vs {fd}");
        /// ```
        #[inline(always)]
        #[track_caller]
        pub fn $jvp<X: ComplexUnary>(x: &X, x_dot: &<RealOut<X::Elem, X::C> as Partial<X::R>>::X) -> (X::R, X::R)
        where
            RealOut<X::Elem, X::C>: Partial<X::R>,
        {
            let (y, d) = $name(x);
            (y, d.push(x_dot))
        }

        unary_vjp!(
            /// ```
            /// use autodiff_runtime::{ops::complex, Adjoint, Complex64};
            #[doc = concat!("let (_, d) = complex::", stringify!($name), "(&Complex64::new(0.7, -0.4));")]
            /// let mut z_bar = Adjoint::new(Complex64::new(1.0, 1.0));
            #[doc = concat!("complex::", stringify!($vjp), "(Adjoint::new(2.0), &mut z_bar, d.clone());")]
            /// assert_eq!(z_bar.get(), Some(Complex64::new(1.0, 1.0) + autodiff_runtime::Partial::pull(&d, &2.0)));
            /// ```
            $name,
            $vjp
        );
    )*};
}

real_valued! {
    /// `y = Re z` (`z.re`, numpy's `real`); `c = 1`.
    re, re_jvp, re_vjp: |z, y| z.re => Complex::new(T::one(), T::zero());
    /// `y = Im z` (`z.im`, numpy's `imag`); `c = −i`.
    im, im_jvp, im_vjp: |z, y| z.im => Complex::new(T::zero(), -T::one());
    /// `y = |z|²` (`z.norm_sqr()`); `c = 2 conj(z)`.
    norm_sqr, norm_sqr_jvp, norm_sqr_vjp: |z, y| z.norm_sqr() => z.conj() + z.conj();
    /// `y = |z|` (`z.norm()`, numpy's `abs`); `c = conj(z)/|z|`, and `0` at `z = 0` as in
    /// autograd.
    norm, norm_jvp, norm_vjp: |z, y| z.norm() => if y == T::zero() { Complex::new(T::zero(), T::zero()) } else { z.conj().unscale(y) };
    /// `y = arg z` (`z.arg()`, numpy's `angle`), in `(−π, π]`; `c = −i/z`, NaN at `z = 0` as
    /// in autograd.
    arg, arg_jvp, arg_vjp: |z, y| z.arg() => Complex::new(-z.im, -z.re).unscale(z.norm_sqr());
}

/// `y = conj(z)` (`z.conj()`). Not holomorphic: `z̄ += conj(ȳ)`, `ẏ = conj(ż)`.
///
/// ```
/// use autodiff_runtime::{ops::complex, Complex64};
/// use ndarray::array;
/// let (y, _) = complex::conj(&array![Complex64::new(1.0, 2.0)]);
/// assert_eq!(y, array![Complex64::new(1.0, -2.0)]);
/// ```
#[inline(always)]
pub fn conj<X: ComplexUnary>(x: &X) -> (X::C, Conj<X::Elem, X::C>) {
    (x.map_value(|z| z.conj()), Conj::new())
}

/// Forward mode of [`conj`]: `ẏ = conj(ż)`.
///
/// ```
/// use autodiff_runtime::{ops::complex, Complex64};
/// let (_, t) = complex::conj_jvp(&Complex64::new(1.0, 2.0), &Complex64::new(0.5, 0.5));
/// assert_eq!(t, Complex64::new(0.5, -0.5));
/// ```
#[inline(always)]
#[track_caller]
pub fn conj_jvp<X: ComplexUnary>(x: &X, x_dot: &<Conj<X::Elem, X::C> as Partial<X::C>>::X) -> (X::C, X::C)
where
    Conj<X::Elem, X::C>: Partial<X::C>,
{
    let (y, d) = conj(x);
    (y, d.push(x_dot))
}

unary_vjp!(
    /// ```
    /// use autodiff_runtime::{ops::complex, Adjoint, Complex64};
    /// let (_, d) = complex::conj(&Complex64::new(1.0, 2.0));
    /// let mut z_bar = Adjoint::zero();
    /// complex::conj_vjp(Adjoint::new(Complex64::new(0.5, 3.0)), &mut z_bar, d);
    /// assert_eq!(z_bar.get(), Some(Complex64::new(0.5, -3.0)));
    /// ```
    conj,
    conj_vjp
);

/// Two-operand holomorphic rules: `op(a, b) -> (y, (Holo(∂y/∂a), Holo(∂y/∂b)))`.
macro_rules! holomorphic2 {
    ($(
        $(#[$meta:meta])*
        $name:ident, $jvp:ident, $vjp:ident: |$a:ident, $b:ident, $y:ident| $primal:expr => $d:expr;
    )*) => {$(
        $(#[$meta])*
        ///
        /// Returns `(y, (∂y/∂a, ∂y/∂b))`, elementwise on arrays.
        ///
        /// # Panics
        /// If two arrays differ in shape.
        ///
        /// ```
        /// use autodiff_runtime::{ops::complex, Complex64, Partial};
        /// let (a, b, h) = (Complex64::new(0.7, -0.4), Complex64::new(-0.3, 1.1), 1e-6);
        #[doc = concat!("let (_, (da, db)) = complex::", stringify!($name), "(&a, &b);")]
        #[doc = concat!("let f = |a: Complex64, b: Complex64| complex::", stringify!($name), "(&a, &b).0;")]
        /// let one = Complex64::new(1.0, 0.0);
        /// let fa = (f(a + h, b) - f(a - h, b)) / (2.0 * h);
        /// let fb = (f(a, b + h) - f(a, b - h)) / (2.0 * h);
        /// assert!((da.push(&one) - fa).norm() < 1e-7 * (1.0 + fa.norm()));
        /// assert!((db.push(&one) - fb).norm() < 1e-7 * (1.0 + fb.norm()));
        /// ```
        #[inline(always)]
        #[track_caller]
        #[allow(clippy::type_complexity)]
        pub fn $name<A: ComplexBinary<B>, B>(a: &A, b: &B) -> (A::C, (Holo<A::A, A::C>, Holo<A::B, A::C>)) {
            #[inline(always)]
            fn kernel<T: crate::Real>($a: Complex<T>, $b: Complex<T>) -> (Complex<T>, (Complex<T>, Complex<T>)) {
                let $y: Complex<T> = $primal;
                ($y, $d)
            }
            a.zip_holo(b, stringify!($name), kernel::<A::Real>)
        }

        #[doc = concat!("Forward mode of [`", stringify!($name), "`]: `ẏ = ∂y/∂a·ȧ + ∂y/∂b·ḃ`; `None` marks a constant operand.")]
        ///
        /// ```
        /// use autodiff_runtime::{ops::complex, Complex64, Partial};
        /// let (a, b) = (Complex64::new(0.7, -0.4), 2.0f64);
        #[doc = concat!("let (y, (da, _)) = complex::", stringify!($name), "(&a, &b);")]
        #[doc = concat!("let (y2, t) = complex::", stringify!($jvp), "(&a, &b, Some(&Complex64::new(0.0, 1.0)), None);")]
        /// assert_eq!((y2, t), (y, da.push(&Complex64::new(0.0, 1.0))));
        /// ```
        #[inline(always)]
        #[track_caller]
        pub fn $jvp<A: ComplexBinary<B>, B>(a: &A, b: &B, a_dot: Option<&DotA<A, B>>, b_dot: Option<&DotB<A, B>>) -> (A::C, A::C)
        where
            Holo<A::A, A::C>: Partial<A::C>,
            Holo<A::B, A::C>: Partial<A::C>,
        {
            let (y, (d0, d1)) = $name(a, b);
            let t = combine(&y, &d0, &d1, a_dot, b_dot);
            (y, t)
        }

        pull_vjp!(
            /// ```
            /// use autodiff_runtime::{ops::complex, Adjoint, Complex64, Partial};
            /// let (a, b) = (Complex64::new(0.7, -0.4), 2.0f64);
            #[doc = concat!("let (_, (da, db)) = complex::", stringify!($name), "(&a, &b);")]
            /// let y_bar = Adjoint::new(Complex64::new(1.0, -1.0));
            /// let (mut a_bar, mut b_bar) = (Adjoint::zero(), Adjoint::zero());
            #[doc = concat!("complex::", stringify!($vjp), "(&y_bar, &mut a_bar, &da);")]
            #[doc = concat!("complex::", stringify!($vjp), "(&y_bar, &mut b_bar, &db);")]
            /// // a complex operand gets ȳ·∂y/∂a, a real one the real part of ȳ·∂y/∂b
            /// let ones = Complex64::new(1.0, 0.0);
            /// assert_eq!(a_bar.get(), Some(Complex64::new(1.0, -1.0) * da.push(&ones)));
            /// assert_eq!(b_bar.get(), Some((Complex64::new(1.0, -1.0) * db.push(&1.0)).re));
            /// ```
            $name,
            $vjp
        );
    )*};
}

holomorphic2! {
    /// `y = a + b`; `∂y/∂a = ∂y/∂b = 1`.
    add, add_jvp, add_vjp: |a, b, y| a + b => (Complex::new(T::one(), T::zero()), Complex::new(T::one(), T::zero()));
    /// `y = a − b`; `∂y/∂a = 1`, `∂y/∂b = −1`.
    sub, sub_jvp, sub_vjp: |a, b, y| a - b => (Complex::new(T::one(), T::zero()), Complex::new(-T::one(), T::zero()));
    /// `y = a·b`; `∂y/∂a = b`, `∂y/∂b = a`.
    mul, mul_jvp, mul_vjp: |a, b, y| a * b => (b, a);
    /// `y = a/b`; `∂y/∂a = 1/b`, `∂y/∂b = −y/b`; infinite at `b = 0`. A real divisor (one
    /// whose imaginary part is 0) divides each part, as `Complex / T` does.
    div, div_jvp, div_vjp: |a, b, y| quotient(a, b) => (b.inv(), -y / b);
    /// `y = aᵇ` (`a.powf(b)` for a real `b`, `a.powc(b)` for a complex one), the principal
    /// branch; `∂y/∂a = b·aᵇ⁻¹`, `∂y/∂b = y·ln a` (NaN at `a = 0`).
    powf, powf_jvp, powf_vjp: |a, b, y| pow(a, b) => (b * pow(a, b - T::one()), y * a.ln());
    /// `y = a + i·b` (`Complex::new(a, b)` of real `a`, `b`); `∂y/∂a = 1`, `∂y/∂b = i`, so
    /// `ā += Re ȳ` and `b̄ += −Im ȳ`.
    new, new_jvp, new_vjp: |a, b, y| a + b * i::<T>() => (Complex::new(T::one(), T::zero()), i::<T>());
    /// `y = r·e^{iθ}` (`Complex::from_polar(r, θ)` of real `r`, `θ`); `∂y/∂r = e^{iθ}`,
    /// `∂y/∂θ = i·y`.
    from_polar, from_polar_jvp, from_polar_vjp: |r, theta, y| r * (theta * i::<T>()).exp() => ((theta * i::<T>()).exp(), y * i::<T>());
}

/// `a/b`, by `Complex / T` when `b` is real (the operand of `z / x` for a real `x`, exact in
/// each part) and by complex division otherwise.
#[inline(always)]
fn quotient<T: crate::Real>(a: Complex<T>, b: Complex<T>) -> Complex<T> {
    if b.im == T::zero() { a / b.re } else { a / b }
}

/// `aᵇ`: `powf` for a real exponent (more accurate than going through `ln`), `powc` otherwise.
#[inline(always)]
fn pow<T: crate::Real>(a: Complex<T>, b: Complex<T>) -> Complex<T> {
    if b.im == T::zero() { a.powf(b.re) } else { a.powc(b) }
}

#[cfg(test)]
#[path = "complex_tests.rs"]
mod tests;
