//! Complex numbers as differentiable values: the operands the complex rules take, how they
//! map over scalars and arrays, and the partials of those rules.
//!
//! Cotangents of complex values follow autograd's convention (see [`crate::fft`]): for a
//! real loss `L` of `z = x + iy` the cotangent is `z̄ = ∂L/∂x − i ∂L/∂y`, and a cotangent pairs
//! with a tangent as `Re(z̄ ż)`. With the Wirtinger derivatives `∂f/∂z` and `∂f/∂z̄` of a rule
//! `y = f(z)`, this gives
//!
//! ```text
//! ẏ = ∂f/∂z · ż + ∂f/∂z̄ · conj(ż)                 (JVP)
//! z̄ += ȳ · ∂f/∂z + conj(ȳ) · conj(∂f/∂z̄)           (VJP)
//! ```
//!
//! Three kinds of rules cover every case, each with its partial:
//!
//! * holomorphic (`exp`, `mul`, ...; `∂f/∂z̄ = 0`): [`Holo`] keeps `d = f′(z)`, and
//!   `z̄ += ȳ·d`, `ẏ = d·ż`. A real operand is a complex one with zero imaginary part whose
//!   cotangent is the real part of the complex one (`x̄ += Re(ȳ·d)`), as in autograd.
//! * real-valued (`re`, `norm`, `arg`, ...): [`RealOut`] keeps `c = ∂y/∂x − i ∂y/∂y`, the
//!   gradient of `y` in the convention, and `z̄ += ȳ·c`, `ẏ = Re(c·ż)`.
//! * `conj` ([`Conj`]): `z̄ += conj(ȳ)`, `ẏ = conj(ż)`.

use crate::array::{PARALLEL_THRESHOLD, PARALLEL_THRESHOLD_COSTLY};
use crate::{Partial, Real};
use core::marker::PhantomData;
use ndarray::{Array, ArrayBase, Data, Dimension, Zip};
use num_complex::Complex;

/// An operand of the complex rules: a real (`f64`, `f32`) or complex (`Complex<f64>`,
/// `Complex<f32>`) number. A real operand is taken as complex with zero imaginary part; its
/// cotangent is the real part of the complex cotangent.
///
/// ```
/// use autodiff_runtime::complex::ComplexOperand;
/// use autodiff_runtime::Complex64;
/// assert_eq!(1.5f64.to_complex(), Complex64::new(1.5, 0.0));
/// assert_eq!(f64::from_cotangent(Complex64::new(1.5, 2.0)), 1.5);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an operand of the complex rules",
    note = "the complex rules take `f64`, `f32`, `Complex<f64>`, `Complex<f32>` and ndarray arrays of them"
)]
pub trait ComplexOperand: crate::array::ArrayElem + crate::Value<Tangent = Self> + crate::Accumulate {
    /// This number as a complex number.
    fn to_complex(self) -> Complex<Self::Real>;
    /// The cotangent of this type from a complex cotangent: itself, or its real part.
    fn from_cotangent(c: Complex<Self::Real>) -> Self;
}

macro_rules! real_operand {
    ($($t:ty)*) => {$(
        impl ComplexOperand for $t {
            #[inline(always)]
            fn to_complex(self) -> Complex<$t> {
                Complex::new(self, 0.0)
            }
            #[inline(always)]
            fn from_cotangent(c: Complex<$t>) -> $t {
                c.re
            }
        }
    )*};
}

real_operand!(f32 f64);

impl<T: Real> ComplexOperand for Complex<T> {
    #[inline(always)]
    fn to_complex(self) -> Complex<T> {
        self
    }
    #[inline(always)]
    fn from_cotangent(c: Complex<T>) -> Complex<T> {
        c
    }
}

/// Runs a `Zip` through `$f`, collecting into a new array, on rayon above
/// [`PARALLEL_THRESHOLD_COSTLY`] elements (complex kernels cost a few real ones each).
macro_rules! collect {
    ($zip:expr, $f:expr) => {
        collect!(PARALLEL_THRESHOLD_COSTLY; $zip, $f)
    };
    ($threshold:expr; $zip:expr, $f:expr) => {{
        let zip = $zip;
        if zip.size() >= $threshold { zip.par_map_collect($f) } else { zip.map_collect($f) }
    }};
}

/// Runs a `Zip` through `$f`, on rayon above [`PARALLEL_THRESHOLD_COSTLY`] elements.
macro_rules! for_each {
    ($zip:expr, $f:expr) => {
        for_each!(PARALLEL_THRESHOLD_COSTLY; $zip, $f)
    };
    ($threshold:expr; $zip:expr, $f:expr) => {{
        let zip = $zip;
        if zip.size() >= $threshold { zip.par_for_each($f) } else { zip.for_each($f) }
    }};
}

/// `f` on every element of `x`, its two results written into two new arrays in one pass.
fn map2<A: Copy + Send + Sync, B: Send, C: Send, S: Data<Elem = A>, D: Dimension>(
    x: &ArrayBase<S, D>,
    f: impl Fn(A) -> (B, C) + Sync + Send,
) -> (Array<B, D>, Array<C, D>) {
    let (mut b, mut c) = (Array::uninit(x.raw_dim()), Array::uninit(x.raw_dim()));
    for_each!(Zip::from(&mut b).and(&mut c).and(x), |b, c, &a| {
        let (u, v) = f(a);
        b.write(u);
        c.write(v);
    });
    // SAFETY: the `Zip` above wrote every element of both arrays.
    unsafe { (b.assume_init(), c.assume_init()) }
}

/// A value a unary complex rule maps over: a scalar operand, or an array of them (owned or
/// viewed). `C` is the complex result of the same shape, `R` the real one.
///
/// ```
/// use autodiff_runtime::complex::ComplexUnary;
/// use autodiff_runtime::Complex64;
/// use ndarray::array;
/// let (y, _) = array![1.0f64, 2.0].map_holo(|z| (z * 2.0, Complex64::new(2.0, 0.0)));
/// assert_eq!(y, array![Complex64::new(2.0, 0.0), Complex64::new(4.0, 0.0)]);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a value a complex rule can map over",
    note = "the complex rules take `f64`, `f32`, `Complex<f64>`, `Complex<f32>` and ndarray arrays of them"
)]
pub trait ComplexUnary {
    /// The element type.
    type Elem: ComplexOperand;
    /// The complex result: `Complex<T>`, or an owned array of them of the same shape.
    type C: crate::Value<Tangent = Self::C> + crate::Accumulate + Clone;
    /// The real result: `T`, or an owned array of them of the same shape.
    type R;
    /// A holomorphic `f(z) -> (y, f′(z))` on every element.
    fn map_holo(
        &self,
        f: impl Fn(Complex<Re<Self>>) -> (Complex<Re<Self>>, Complex<Re<Self>>) + Sync + Send,
    ) -> (Self::C, Holo<Self::Elem, Self::C>);
    /// A real-valued `f(z) -> (y, ∂y/∂x − i ∂y/∂y)` on every element.
    fn map_real(
        &self,
        f: impl Fn(Complex<Re<Self>>) -> (Re<Self>, Complex<Re<Self>>) + Sync + Send,
    ) -> (Self::R, RealOut<Self::Elem, Self::C>);
    /// `f(z)` on every element.
    fn map_value(&self, f: impl Fn(Complex<Re<Self>>) -> Complex<Re<Self>> + Sync + Send) -> Self::C;
}

/// The real precision of a complex rule's operand.
///
/// ```
/// use autodiff_runtime::{complex::Re, Complex32};
/// let x: Re<ndarray::Array1<Complex32>> = 1.5f32;
/// # let _ = x;
/// ```
pub type Re<X> = <<X as ComplexUnary>::Elem as crate::array::ArrayElem>::Real;

impl<E: ComplexOperand> ComplexUnary for E {
    type Elem = E;
    type C = Complex<E::Real>;
    type R = E::Real;
    #[inline(always)]
    fn map_holo(
        &self,
        f: impl Fn(Complex<E::Real>) -> (Complex<E::Real>, Complex<E::Real>),
    ) -> (Self::C, Holo<E, Self::C>) {
        let (y, d) = f(self.to_complex());
        (y, Holo::new(d))
    }
    #[inline(always)]
    fn map_real(&self, f: impl Fn(Complex<E::Real>) -> (E::Real, Complex<E::Real>)) -> (E::Real, RealOut<E, Self::C>) {
        let (y, c) = f(self.to_complex());
        (y, RealOut::new(c))
    }
    #[inline(always)]
    fn map_value(&self, f: impl Fn(Complex<E::Real>) -> Complex<E::Real>) -> Self::C {
        f(self.to_complex())
    }
}

impl<E: ComplexOperand, S: Data<Elem = E>, D: Dimension> ComplexUnary for ArrayBase<S, D> {
    type Elem = E;
    type C = Array<Complex<E::Real>, D>;
    type R = Array<E::Real, D>;
    fn map_holo(
        &self,
        f: impl Fn(Complex<E::Real>) -> (Complex<E::Real>, Complex<E::Real>) + Sync + Send,
    ) -> (Self::C, Holo<E, Self::C>) {
        let (y, d) = map2(self, |x: E| f(x.to_complex()));
        (y, Holo::new(d))
    }
    fn map_real(
        &self,
        f: impl Fn(Complex<E::Real>) -> (E::Real, Complex<E::Real>) + Sync + Send,
    ) -> (Self::R, RealOut<E, Self::C>) {
        let (y, c) = map2(self, |x: E| f(x.to_complex()));
        (y, RealOut::new(c))
    }
    fn map_value(&self, f: impl Fn(Complex<E::Real>) -> Complex<E::Real> + Sync + Send) -> Self::C {
        collect!(Zip::from(self), |&x: &E| f(x.to_complex()))
    }
}

/// Two operands a binary complex rule zips: two scalars (each real or complex, of one
/// precision), or two arrays of the same shape (each of real or complex elements).
///
/// ```
/// use autodiff_runtime::complex::ComplexBinary;
/// use autodiff_runtime::Complex64;
/// let (y, _) = Complex64::new(1.0, 1.0).zip_holo(&2.0f64, "mul", |a, b| (a * b, (b, a)));
/// assert_eq!(y, Complex64::new(2.0, 2.0));
/// ```
#[diagnostic::on_unimplemented(
    message = "a complex rule cannot combine `{Self}` with `{B}`",
    note = "binary complex rules take two scalars (`f64`/`f32` or `Complex` of the same precision) or two arrays of the same shape"
)]
pub trait ComplexBinary<B> {
    /// The real precision.
    type Real: Real;
    /// The element type of the first operand.
    type A: ComplexOperand<Real = Self::Real>;
    /// The element type of the second operand.
    type B: ComplexOperand<Real = Self::Real>;
    /// The complex result.
    type C: crate::Value<Tangent = Self::C> + crate::Accumulate + Clone;
    /// A holomorphic `f(a, b) -> (y, (∂y/∂a, ∂y/∂b))` on every pair of elements.
    ///
    /// # Panics
    /// If two arrays differ in shape, naming `op`.
    #[allow(clippy::type_complexity)]
    fn zip_holo(
        &self,
        b: &B,
        op: &str,
        f: impl Fn(
            Complex<Self::Real>,
            Complex<Self::Real>,
        ) -> (Complex<Self::Real>, (Complex<Self::Real>, Complex<Self::Real>))
        + Sync
        + Send,
    ) -> (Self::C, (Holo<Self::A, Self::C>, Holo<Self::B, Self::C>));
}

impl<A: ComplexOperand, B: ComplexOperand<Real = A::Real>> ComplexBinary<B> for A {
    type Real = A::Real;
    type A = A;
    type B = B;
    type C = Complex<A::Real>;
    #[inline(always)]
    fn zip_holo(
        &self,
        b: &B,
        _: &str,
        f: impl Fn(Complex<A::Real>, Complex<A::Real>) -> (Complex<A::Real>, (Complex<A::Real>, Complex<A::Real>)),
    ) -> (Self::C, (Holo<A, Self::C>, Holo<B, Self::C>)) {
        let (y, (da, db)) = f(self.to_complex(), b.to_complex());
        (y, (Holo::new(da), Holo::new(db)))
    }
}

impl<A, B, S, S2, D> ComplexBinary<ArrayBase<S2, D>> for ArrayBase<S, D>
where
    A: ComplexOperand,
    B: ComplexOperand<Real = A::Real>,
    S: Data<Elem = A>,
    S2: Data<Elem = B>,
    D: Dimension,
{
    type Real = A::Real;
    type A = A;
    type B = B;
    type C = Array<Complex<A::Real>, D>;
    #[track_caller]
    fn zip_holo(
        &self,
        b: &ArrayBase<S2, D>,
        op: &str,
        f: impl Fn(Complex<A::Real>, Complex<A::Real>) -> (Complex<A::Real>, (Complex<A::Real>, Complex<A::Real>))
        + Sync
        + Send,
    ) -> (Self::C, (Holo<A, Self::C>, Holo<B, Self::C>)) {
        assert!(
            self.shape() == b.shape(),
            "{op}: the operands have shapes {:?} and {:?}; complex rules do not broadcast",
            self.shape(),
            b.shape()
        );
        let dim = self.raw_dim();
        let (mut y, mut da, mut db) = (Array::uninit(dim.clone()), Array::uninit(dim.clone()), Array::uninit(dim));
        // Arithmetic is memory-bound: rayon pays only for large arrays; powers and polar forms
        // call transcendental functions per element.
        let threshold =
            if matches!(op, "powf" | "from_polar") { PARALLEL_THRESHOLD_COSTLY } else { PARALLEL_THRESHOLD };
        for_each!(threshold; Zip::from(&mut y).and(&mut da).and(&mut db).and(self).and(b), |y, da, db, &a: &A, &b: &B| {
            let (v, (p, q)) = f(a.to_complex(), b.to_complex());
            y.write(v);
            da.write(p);
            db.write(q);
        });
        // SAFETY: the `Zip` above wrote every element of the three arrays.
        let (y, da, db) = unsafe { (y.assume_init(), da.assume_init(), db.assume_init()) };
        (y, (Holo::new(da), Holo::new(db)))
    }
}

/// The partial of a holomorphic rule with respect to an operand of element type `E`: the
/// complex derivative `d = ∂y/∂x` (a number, or an array of them). `x̄ += ȳ·d` (its real part
/// for a real operand), `ẏ = d·ẋ`.
///
/// ```
/// use autodiff_runtime::{ops, Complex64, Partial};
/// let z = Complex64::new(0.5, 1.0);
/// let (y, d) = ops::complex::exp(&z);
/// assert_eq!(d.pull(&Complex64::new(2.0, 0.0)), 2.0 * y); // ȳ·exp(z)
/// ```
#[derive(Clone, Debug)]
pub struct Holo<E, P> {
    d: P,
    _e: PhantomData<E>,
}

impl<E, P> Holo<E, P> {
    /// The partial with derivative `d`.
    ///
    /// ```
    /// use autodiff_runtime::{complex::Holo, Complex64, Partial};
    /// let d = Holo::<f64, _>::new(Complex64::new(0.0, 1.0)); // y = i·x of a real x
    /// assert_eq!(d.pull(&Complex64::new(2.0, 3.0)), -3.0);  // x̄ = Re(ȳ·i)
    /// assert_eq!(d.push(&2.0), Complex64::new(0.0, 2.0));
    /// ```
    pub fn new(d: P) -> Self {
        Holo { d, _e: PhantomData }
    }
}

impl<E: ComplexOperand> Partial<Complex<E::Real>> for Holo<E, Complex<E::Real>> {
    type X = E;
    #[inline(always)]
    fn pull(&self, y_bar: &Complex<E::Real>) -> E {
        E::from_cotangent(*y_bar * self.d)
    }
    #[inline(always)]
    fn push(&self, x_dot: &E) -> Complex<E::Real> {
        self.d * x_dot.to_complex()
    }
}

impl<E: ComplexOperand, D: Dimension> Partial<Array<Complex<E::Real>, D>> for Holo<E, Array<Complex<E::Real>, D>> {
    type X = Array<E, D>;
    #[track_caller]
    fn pull(&self, y_bar: &Array<Complex<E::Real>, D>) -> Array<E, D> {
        check("the cotangent", self.d.shape(), y_bar.shape());
        collect!(PARALLEL_THRESHOLD; Zip::from(y_bar).and(&self.d), |&y, &d| E::from_cotangent(y * d))
    }
    #[track_caller]
    fn push(&self, x_dot: &Array<E, D>) -> Array<Complex<E::Real>, D> {
        check("the tangent", self.d.shape(), x_dot.shape());
        collect!(PARALLEL_THRESHOLD; Zip::from(x_dot).and(&self.d), |&x: &E, &d| d * x.to_complex())
    }
}

/// The partial of a real-valued rule of an operand of element type `E`: `c = ∂y/∂x − i ∂y/∂y`,
/// the gradient of `y` in the convention. `x̄ += ȳ·c` (its real part for a real operand),
/// `ẏ = Re(c·ẋ)`.
///
/// ```
/// use autodiff_runtime::{ops, Complex64, Partial};
/// let z = Complex64::new(3.0, 4.0);
/// let (r, d) = ops::complex::norm(&z);
/// assert_eq!(r, 5.0);
/// assert_eq!(d.pull(&1.0), z.conj() / 5.0); // ∂|z|/∂x − i ∂|z|/∂y
/// ```
#[derive(Clone, Debug)]
pub struct RealOut<E, P> {
    c: P,
    _e: PhantomData<E>,
}

impl<E, P> RealOut<E, P> {
    /// The partial with gradient `c`.
    ///
    /// ```
    /// use autodiff_runtime::{complex::RealOut, Complex64, Partial};
    /// let d = RealOut::<Complex64, _>::new(Complex64::new(0.0, -1.0)); // y = Im z
    /// assert_eq!(d.pull(&2.0), Complex64::new(0.0, -2.0));
    /// assert_eq!(d.push(&Complex64::new(5.0, 7.0)), 7.0);
    /// ```
    pub fn new(c: P) -> Self {
        RealOut { c, _e: PhantomData }
    }
}

impl<E: ComplexOperand> Partial<E::Real> for RealOut<E, Complex<E::Real>> {
    type X = E;
    #[inline(always)]
    fn pull(&self, y_bar: &E::Real) -> E {
        E::from_cotangent(self.c.scale(*y_bar))
    }
    #[inline(always)]
    fn push(&self, x_dot: &E) -> E::Real {
        (self.c * x_dot.to_complex()).re
    }
}

impl<E: ComplexOperand, D: Dimension> Partial<Array<E::Real, D>> for RealOut<E, Array<Complex<E::Real>, D>> {
    type X = Array<E, D>;
    #[track_caller]
    fn pull(&self, y_bar: &Array<E::Real, D>) -> Array<E, D> {
        check("the cotangent", self.c.shape(), y_bar.shape());
        collect!(PARALLEL_THRESHOLD; Zip::from(y_bar).and(&self.c), |&y, &c: &Complex<E::Real>| E::from_cotangent(c.scale(y)))
    }
    #[track_caller]
    fn push(&self, x_dot: &Array<E, D>) -> Array<E::Real, D> {
        check("the tangent", self.c.shape(), x_dot.shape());
        collect!(PARALLEL_THRESHOLD; Zip::from(x_dot).and(&self.c), |&x: &E, &c| (c * x.to_complex()).re)
    }
}

/// The partial of `conj` on an operand of element type `E`, for a result of type `Y`:
/// `x̄ += conj(ȳ)` (its real part for a real operand), `ẏ = conj(ẋ)`. It keeps nothing.
///
/// ```
/// use autodiff_runtime::{ops, Complex64, Partial};
/// let (_, d) = ops::complex::conj(&Complex64::new(1.0, 2.0));
/// assert_eq!(d.pull(&Complex64::new(0.5, 3.0)), Complex64::new(0.5, -3.0));
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Conj<E, Y>(PhantomData<(E, Y)>);

impl<E, Y> Conj<E, Y> {
    /// The partial of `conj`.
    ///
    /// ```
    /// use autodiff_runtime::{complex::Conj, Complex64, Partial};
    /// let d = Conj::<Complex64, Complex64>::new();
    /// assert_eq!(d.push(&Complex64::new(1.0, 1.0)), Complex64::new(1.0, -1.0));
    /// ```
    pub fn new() -> Self {
        Conj(PhantomData)
    }
}

impl<E: ComplexOperand> Partial<Complex<E::Real>> for Conj<E, Complex<E::Real>> {
    type X = E;
    #[inline(always)]
    fn pull(&self, y_bar: &Complex<E::Real>) -> E {
        E::from_cotangent(y_bar.conj())
    }
    #[inline(always)]
    fn push(&self, x_dot: &E) -> Complex<E::Real> {
        x_dot.to_complex().conj()
    }
}

impl<E: ComplexOperand, D: Dimension> Partial<Array<Complex<E::Real>, D>> for Conj<E, Array<Complex<E::Real>, D>> {
    type X = Array<E, D>;
    fn pull(&self, y_bar: &Array<Complex<E::Real>, D>) -> Array<E, D> {
        collect!(PARALLEL_THRESHOLD; Zip::from(y_bar), |&y: &Complex<E::Real>| E::from_cotangent(y.conj()))
    }
    fn push(&self, x_dot: &Array<E, D>) -> Array<Complex<E::Real>, D> {
        collect!(PARALLEL_THRESHOLD; Zip::from(x_dot), |&x: &E| x.to_complex().conj())
    }
}

/// Checks that a tangent or cotangent has the shape of the partial.
#[track_caller]
fn check(what: &str, expected: &[usize], got: &[usize]) {
    assert!(expected == got, "complex rule: {what} has shape {got:?} but should have shape {expected:?}");
}
