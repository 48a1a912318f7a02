//! The traits through which generated code is typed: values, their tangents, and zeros.

use crate::Real;
use num_complex::Complex;

/// A value that `#[differentiable]` code can differentiate with respect to.
///
/// `Tangent` is the type of its derivatives (tangents in forward mode, cotangents in reverse
/// mode); for real scalars it is the type itself, for tuples the tuple of the parts'
/// tangents.
///
/// ```
/// use autodiff_runtime::Value;
/// assert_eq!(2.5f64.zero_tangent(), 0.0);
/// assert_eq!((1.0f64, 2.0f32).zero_tangent(), (0.0, 0.0));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a differentiable value type",
    label = "this value has no tangent type",
    note = "`#[differentiable]` differentiates `f64`, `f32`, ndarray arrays of them, and tuples of those; mark integer or other constant parameters as inactive with `#[differentiable(wrt(...))]`"
)]
pub trait Value {
    /// The type of this value's derivatives.
    type Tangent: Accumulate + Zeros;
    /// A zero tangent of the same shape as `self`.
    fn zero_tangent(&self) -> Self::Tangent;
    /// The shape of this value's tangent, from which a zero tangent can be made later
    /// without keeping the value.
    fn tangent_shape(&self) -> ShapeOf<Self::Tangent>;
    /// How `t`, given as a tangent or cotangent of `self`, fails to have `self`'s shape, or
    /// `None` if it fits. The generated `vjp` and `jvp` check their seeds with it once per
    /// call, so that a seed of the wrong shape panics naming the argument and both shapes
    /// instead of deep inside a rule. Scalars always fit (the default).
    ///
    /// ```
    /// use autodiff_runtime::{Mismatch, Value};
    /// use ndarray::array;
    /// let x = (1.0f64, array![1.0, 2.0, 3.0]);
    /// assert_eq!(x.tangent_mismatch(&(0.0, array![0.0, 0.0, 0.0])), None);
    /// let m = x.tangent_mismatch(&(0.0, array![0.0, 0.0])).unwrap();
    /// assert_eq!(m, Mismatch { path: ".1".into(), got: "shape [2]".into(), expected: "shape [3]".into() });
    /// ```
    fn tangent_mismatch(&self, t: &Self::Tangent) -> Option<Mismatch> {
        let _ = t;
        None
    }
}

/// Where a tangent does not fit its value ([`Value::tangent_mismatch`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// The way from the value to the part that differs: empty for the value itself, then
    /// `.1` for a tuple item, `[2]` for a `Vec` item, `.w` for a field.
    pub path: String,
    /// What the tangent has there, such as `shape [2]` or `length 2`.
    pub got: String,
    /// What the value has there.
    pub expected: String,
}

impl Mismatch {
    /// A mismatch of `got` against `expected` at the value itself.
    pub fn new(got: impl Into<String>, expected: impl Into<String>) -> Self {
        Mismatch { path: String::new(), got: got.into(), expected: expected.into() }
    }

    /// The same mismatch seen from a container: `part` (`.1`, `[2]`, `.w`) goes before the path.
    pub fn within(mut self, part: impl core::fmt::Display) -> Self {
        self.path = format!("{part}{}", self.path);
        self
    }
}

/// Tangents that can be made zero from a remembered shape.
///
/// ```
/// use autodiff_runtime::Zeros;
/// assert_eq!(<(f64, f32)>::zeros(&((), ())), (0.0, 0.0));
/// ```
pub trait Zeros: Sized {
    /// What a zero of this type needs to know (`()` for scalars, the dimensions for arrays).
    type Shape: Clone;
    /// A zero tangent of `shape`.
    fn zeros(shape: &Self::Shape) -> Self;
}

/// The remembered shape of a tangent of type `T`: what a pullback keeps of each parameter,
/// so that it need not keep (or borrow) the parameter itself.
///
/// ```
/// use autodiff_runtime::Value;
/// let s = 2.5f64.tangent_shape();
/// assert_eq!(s.zeros(), 0.0);
/// ```
pub struct ShapeOf<T: Zeros>(pub T::Shape);

impl<T: Zeros> ShapeOf<T> {
    /// A zero tangent of this shape.
    #[inline(always)]
    pub fn zeros(&self) -> T {
        T::zeros(&self.0)
    }
}

/// A scalar-valued output, for which `grad` and `value_and_grad` seed the reverse sweep with one.
///
/// ```
/// use autodiff_runtime::Scalar;
/// assert_eq!(3.0f32.one_tangent(), 1.0);
/// ```
#[diagnostic::on_unimplemented(
    message = "`grad` needs a function whose output is a real scalar, but it returns `{Self}`",
    label = "not a scalar output",
    note = "use `vjp` with an explicit output cotangent, or `jvp` for forward mode"
)]
pub trait Scalar: Value {
    /// The tangent `1` of this scalar.
    fn one_tangent(&self) -> Self::Tangent;
}

/// In-place addition of tangents: `self += other`.
///
/// ```
/// use autodiff_runtime::Accumulate;
/// let mut a = (1.0f64, 2.0f64);
/// a.accumulate((0.5, 0.25));
/// assert_eq!(a, (1.5, 2.25));
/// ```
#[diagnostic::on_unimplemented(
    message = "tangents of type `{Self}` cannot be accumulated",
    note = "tangent types are `f64`, `f32`, owned ndarray arrays of them, and tuples of those"
)]
pub trait Accumulate {
    /// Adds `other` into `self`.
    fn accumulate(&mut self, other: Self);
}

macro_rules! scalar_impls {
    ($([$($g:tt)*] $t:ty),*) => {$(
        impl<$($g)*> Value for $t {
            type Tangent = $t;
            #[inline(always)]
            fn zero_tangent(&self) -> $t {
                <$t as num_traits::Zero>::zero()
            }
            #[inline(always)]
            fn tangent_shape(&self) -> ShapeOf<$t> {
                ShapeOf(())
            }
        }

        impl<$($g)*> Zeros for $t {
            type Shape = ();
            #[inline(always)]
            fn zeros(_: &()) -> $t {
                <$t as num_traits::Zero>::zero()
            }
        }

        impl<$($g)*> Scalar for $t {
            #[inline(always)]
            fn one_tangent(&self) -> $t {
                <$t as num_traits::One>::one()
            }
        }

        impl<$($g)*> Accumulate for $t {
            #[inline(always)]
            fn accumulate(&mut self, other: $t) {
                *self += other;
            }
        }

        impl<$($g)*> Linear for $t {
            type Elem = $t;
            #[inline(always)]
            fn scale(self, c: $t) -> $t {
                self * c
            }
        }
    )*};
}

scalar_impls!([] f32, [] f64, [T: Real, const N: usize,] crate::jet::Jet<T, N>);

/// A complex scalar is a value whose tangent is a complex scalar; its cotangents follow the
/// convention of [`crate::fft`] (`z̄ = ∂L/∂x − i ∂L/∂y` for `z = x + iy`).
///
/// ```
/// use autodiff_runtime::{Accumulate, Complex64, Linear, Value};
/// let mut z = Complex64::new(1.0, 2.0);
/// assert_eq!(z.zero_tangent(), Complex64::new(0.0, 0.0));
/// z.accumulate(Complex64::new(0.5, 0.5));
/// assert_eq!(z.scale(2.0), Complex64::new(3.0, 5.0));
/// ```
impl<T: Real> Value for Complex<T> {
    type Tangent = Complex<T>;
    #[inline(always)]
    fn zero_tangent(&self) -> Complex<T> {
        Complex::new(T::zero(), T::zero())
    }
    #[inline(always)]
    fn tangent_shape(&self) -> ShapeOf<Complex<T>> {
        ShapeOf(())
    }
}

impl<T: Real> Zeros for Complex<T> {
    type Shape = ();
    #[inline(always)]
    fn zeros(_: &()) -> Complex<T> {
        Complex::new(T::zero(), T::zero())
    }
}

impl<T: Real> Accumulate for Complex<T> {
    #[inline(always)]
    fn accumulate(&mut self, other: Complex<T>) {
        *self = *self + other;
    }
}

impl<T: Real> Linear for Complex<T> {
    type Elem = T;
    #[inline(always)]
    fn scale(self, c: T) -> Complex<T> {
        Complex::new(self.re * c, self.im * c)
    }
}

/// A borrowed value is differentiated as the value itself: `&Array2<f64>` parameters have
/// `Array2<f64>` gradients.
impl<V: Value + ?Sized> Value for &V {
    type Tangent = V::Tangent;
    #[inline(always)]
    fn zero_tangent(&self) -> V::Tangent {
        (**self).zero_tangent()
    }
    #[inline(always)]
    fn tangent_shape(&self) -> ShapeOf<V::Tangent> {
        (**self).tangent_shape()
    }
    #[inline(always)]
    fn tangent_mismatch(&self, t: &V::Tangent) -> Option<Mismatch> {
        (**self).tangent_mismatch(t)
    }
}

impl<V: Scalar + ?Sized> Scalar for &V {
    #[inline(always)]
    fn one_tangent(&self) -> V::Tangent {
        (**self).one_tangent()
    }
}

/// Tangents that scale by a real number: the reverse of linear rules such as `neg`.
///
/// ```
/// use autodiff_runtime::Linear;
/// assert_eq!(2.0f64.scale(-1.5), -3.0);
/// ```
pub trait Linear: Accumulate + Sized {
    /// The real scalar of the tangent space.
    type Elem: Real;
    /// `self · c`.
    fn scale(self, c: Self::Elem) -> Self;
}

macro_rules! tuple_impls {
    ($(($($t:ident $i:tt),+))*) => {$(
        impl<$($t: Value),+> Value for ($($t,)+) {
            type Tangent = ($($t::Tangent,)+);
            #[inline(always)]
            fn zero_tangent(&self) -> Self::Tangent {
                ($(self.$i.zero_tangent(),)+)
            }
            #[inline(always)]
            fn tangent_shape(&self) -> ShapeOf<Self::Tangent> {
                ShapeOf(($(self.$i.tangent_shape().0,)+))
            }
            fn tangent_mismatch(&self, t: &Self::Tangent) -> Option<Mismatch> {
                None$(.or_else(|| self.$i.tangent_mismatch(&t.$i).map(|m| m.within(concat!(".", stringify!($i))))))+
            }
        }
        impl<$($t: Zeros),+> Zeros for ($($t,)+) {
            type Shape = ($($t::Shape,)+);
            #[inline(always)]
            fn zeros(shape: &Self::Shape) -> Self {
                ($($t::zeros(&shape.$i),)+)
            }
        }
        impl<$($t: Accumulate),+> Accumulate for ($($t,)+) {
            #[inline(always)]
            fn accumulate(&mut self, other: Self) {
                $(self.$i.accumulate(other.$i);)+
            }
        }
    )*};
}

tuple_impls! {
    (A 0)
    (A 0, B 1)
    (A 0, B 1, C 2)
    (A 0, B 1, C 2, D 3)
    (A 0, B 1, C 2, D 3, E 4)
    (A 0, B 1, C 2, D 3, E 4, F 5)
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6)
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7)
}
