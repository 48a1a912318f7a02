//! `x.mapv(|v| ...)` in `#[differentiable]` code: the macro turns the closure's body into a
//! kernel `f(v, v̇) -> (y, ẏ)` (forward mode over the scalar body) and the rule keeps each
//! element's derivative as the partial.
//!
//! A real element has one derivative, `f(v, 1)`. A complex element `z = x + iy` has two,
//! along `1` and along `i` (`f(z, 1)` and `f(z, i)`), which hold for any closure, holomorphic
//! or not (`|z| z.norm_sqr()`, `|z| z.conj() * z`): the reverse sweep pulls a cotangent `ȳ` back
//! to `z̄ = Re(ȳ·∂y/∂x) − i Re(ȳ·∂y/∂y)`, autograd's convention (see [`crate::complex`]).

use crate::array::Elementwise;
use crate::{Partial, Real, Value};
use core::marker::PhantomData;
use ndarray::{Array, ArrayBase, Dimension, OwnedRepr, ViewRepr, Zip};
use num_complex::Complex;

/// Arrays whose elements a `mapv` kernel maps to elements of type `B`: real arrays to reals,
/// complex arrays to complex numbers or to reals.
#[diagnostic::on_unimplemented(
    message = "`mapv` cannot differentiate a closure over `{Self}` returning `{B}`",
    note = "closures map real arrays to reals, and complex arrays to complex numbers or reals"
)]
pub trait MapvOperand<B> {
    /// The element type.
    type Elem;
    /// The result.
    type Out;
    /// The tangent of the operand.
    type T;
    /// The saved partial.
    type P;
    /// The values and the partial.
    fn map_kernel(&self, f: impl Fn(Self::Elem, Self::Elem) -> (B, B) + Sync + Send) -> (Self::Out, Self::P);
    /// The values and their tangents.
    fn map_kernel_jvp(
        &self,
        f: impl Fn(Self::Elem, Self::Elem) -> (B, B) + Sync + Send,
        x_dot: &Self::T,
    ) -> (Self::Out, Self::Out);
}

impl<B: Real, X: Elementwise<Elem = B>> MapvOperand<B> for X {
    type Elem = B;
    type Out = X::Tangent;
    type T = X::Tangent;
    type P = X::Tangent;
    #[inline(always)]
    fn map_kernel(&self, f: impl Fn(B, B) -> (B, B) + Sync + Send) -> (X::Tangent, X::Tangent) {
        self.map_partial(|v| f(v, B::one()))
    }
    #[inline(always)]
    fn map_kernel_jvp(&self, f: impl Fn(B, B) -> (B, B) + Sync + Send, x_dot: &X::Tangent) -> (X::Tangent, X::Tangent) {
        let (y, d) = self.map_kernel(f);
        (y, X::times(d, x_dot))
    }
}

/// A complex kernel's output element: complex, or real.
pub trait KernelOut<T: Real>:
    Copy + Send + Sync + Default + core::ops::Mul<Output = Self> + core::ops::Add<Output = Self>
{
    /// `Re(self · other)`.
    fn re_mul(self, other: Self) -> T;
    /// `self · s`.
    fn scaled(self, s: T) -> Self;
}

impl<T: Real> KernelOut<T> for T {
    #[inline(always)]
    fn re_mul(self, other: T) -> T {
        self * other
    }
    #[inline(always)]
    fn scaled(self, s: T) -> T {
        self * s
    }
}

impl<T: Real> KernelOut<T> for Complex<T> {
    #[inline(always)]
    fn re_mul(self, other: Complex<T>) -> T {
        self.re * other.re - self.im * other.im
    }
    #[inline(always)]
    fn scaled(self, s: T) -> Complex<T> {
        self.scale(s)
    }
}

/// The partial of a complex `mapv`: each element's derivatives along `1` and along `i`.
#[derive(Clone, Debug)]
pub struct Wirtinger<T, B, D: Dimension> {
    along_re: Array<B, D>,
    along_im: Array<B, D>,
    real: PhantomData<T>,
}

impl<T: Real, B: KernelOut<T>, D: Dimension> Partial<Array<B, D>> for Wirtinger<T, B, D> {
    type X = Array<Complex<T>, D>;
    fn pull(&self, y_bar: &Array<B, D>) -> Array<Complex<T>, D> {
        Zip::from(y_bar)
            .and(&self.along_re)
            .and(&self.along_im)
            .map_collect(|&yb, &dx, &dy| Complex::new(yb.re_mul(dx), -yb.re_mul(dy)))
    }
    fn push(&self, x_dot: &Array<Complex<T>, D>) -> Array<B, D> {
        Zip::from(x_dot)
            .and(&self.along_re)
            .and(&self.along_im)
            .map_collect(|&z, &dx, &dy| dx.scaled(z.re) + dy.scaled(z.im))
    }
}

macro_rules! complex_mapv {
    ($([$($g:tt)*] $s:ty;)*) => {$(
        impl<$($g)* T: Real, B: KernelOut<T>, D: Dimension> MapvOperand<B> for ArrayBase<$s, D>
        where
            Array<B, D>: Value,
        {
            type Elem = Complex<T>;
            type Out = Array<B, D>;
            type T = Array<Complex<T>, D>;
            type P = Wirtinger<T, B, D>;
            fn map_kernel(&self, f: impl Fn(Complex<T>, Complex<T>) -> (B, B) + Sync + Send) -> (Array<B, D>, Wirtinger<T, B, D>) {
                let (one, i) = (Complex::new(T::one(), T::zero()), Complex::new(T::zero(), T::one()));
                let mut along_im = Array::from_elem(self.raw_dim(), B::default());
                let mut along_re = Array::from_elem(self.raw_dim(), B::default());
                let y = Zip::from(self).and(&mut along_re).and(&mut along_im).map_collect(|&z, dx, dy| {
                    let (y, d) = f(z, one);
                    *dx = d;
                    *dy = f(z, i).1;
                    y
                });
                (y, Wirtinger { along_re, along_im, real: PhantomData })
            }
            fn map_kernel_jvp(
                &self,
                f: impl Fn(Complex<T>, Complex<T>) -> (B, B) + Sync + Send,
                x_dot: &Array<Complex<T>, D>,
            ) -> (Array<B, D>, Array<B, D>) {
                let mut t = Array::from_elem(self.raw_dim(), B::default());
                let y = Zip::from(self).and(x_dot).and(&mut t).map_collect(|&z, &zd, t| {
                    let (y, d) = f(z, zd);
                    *t = d;
                    y
                });
                (y, t)
            }
        }
    )*};
}

complex_mapv! {
    [] OwnedRepr<Complex<T>>;
    ['a,] ViewRepr<&'a Complex<T>>;
}

/// `y = f(x)` elementwise for `x.mapv(|v| ...)`: `f(v, v̇)` returns each element's value and
/// tangent; the partial keeps the derivative (two of them for complex elements).
///
/// ```
/// use ndarray::array;
/// let (y, d) = autodiff_runtime::ops::mapv(&array![1.0f64, 2.0], |v, t| (v * v, 2.0 * v * t));
/// assert_eq!((y, d), (array![1.0, 4.0], array![2.0, 4.0]));
/// ```
#[inline(always)]
pub fn mapv<B, X: MapvOperand<B>>(x: &X, f: impl Fn(X::Elem, X::Elem) -> (B, B) + Sync + Send) -> (X::Out, X::P) {
    x.map_kernel(f)
}

/// Forward mode of [`mapv`](fn@mapv).
///
/// ```
/// use ndarray::array;
/// let (y, t) = autodiff_runtime::ops::mapv_jvp(&array![1.0f64, 2.0], |v, t| (v * v, 2.0 * v * t), &array![1.0, 0.5]);
/// assert_eq!((y, t), (array![1.0, 4.0], array![2.0, 2.0]));
/// ```
#[inline(always)]
pub fn mapv_jvp<B, X: MapvOperand<B>>(
    x: &X,
    f: impl Fn(X::Elem, X::Elem) -> (B, B) + Sync + Send,
    x_dot: &X::T,
) -> (X::Out, X::Out) {
    x.map_kernel_jvp(f, x_dot)
}

/// Reverse mode of [`mapv`](fn@mapv): `x̄ += ȳ · ∂y/∂x` elementwise, from the saved partial
/// (for complex elements, `Re(ȳ·∂y/∂x) − i Re(ȳ·∂y/∂y)`).
///
/// ```
/// use autodiff_runtime::{ops, Adjoint};
/// use ndarray::array;
/// let (_, d) = ops::mapv(&array![1.0f64, 2.0], |v, t| (v * v, 2.0 * v * t));
/// let mut x_bar = Adjoint::zero();
/// ops::mapv_vjp(Adjoint::new(array![1.0, 1.0]), &mut x_bar, d);
/// assert_eq!(x_bar.get(), Some(array![2.0, 4.0]));
/// ```
#[inline(always)]
pub fn mapv_vjp<Y, P: Partial<Y>>(y_bar: crate::Adjoint<Y>, x_bar: &mut crate::Adjoint<P::X>, d: P)
where
    P::X: crate::Accumulate,
{
    if let Some(yb) = y_bar.get() {
        x_bar.add(d.pull_owned(yb));
    }
}
