//! Unary elementwise rules over scalars and arrays.

use super::kernels::{zip_collect, zip_for_each};
use crate::{Linear, Partial, Real, Value};
use ndarray::{Array, ArrayBase, CowRepr, Dimension, OwnedArcRepr, OwnedRepr, ViewRepr, Zip};

/// Values a unary elementwise rule (`sin`, `exp`, `tanh`, ...) maps over: a real scalar, or
/// an array of them (owned or a view). The result and the saved partials have the value's
/// tangent type (an owned array of the same shape).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a value an elementwise rule can map over",
    note = "elementwise rules take `f64`, `f32`, or ndarray arrays of them"
)]
pub trait Elementwise:
    Value<Tangent: Linear<Elem = Self::Elem> + Partial<Self::Tangent, X = Self::Tangent> + Clone>
{
    /// The real scalar type.
    type Elem: Real;
    /// `f` applied to every element.
    fn map_value(&self, f: impl Fn(Self::Elem) -> Self::Elem + Sync + Send) -> Self::Tangent;
    /// `f` applied to every element, giving the values and the elementwise partials.
    fn map_partial(
        &self,
        f: impl Fn(Self::Elem) -> (Self::Elem, Self::Elem) + Sync + Send,
    ) -> (Self::Tangent, Self::Tangent);
    /// `d · t`, elementwise, reusing `d`'s storage.
    fn times(d: Self::Tangent, t: &Self::Tangent) -> Self::Tangent;
}

macro_rules! scalar_elementwise {
    ($([$($g:tt)*] $t:ty),*) => {$(
        impl<$($g)*> Elementwise for $t {
            type Elem = $t;
            #[inline(always)]
            fn map_value(&self, f: impl Fn($t) -> $t) -> $t {
                f(*self)
            }
            #[inline(always)]
            fn map_partial(&self, f: impl Fn($t) -> ($t, $t)) -> ($t, $t) {
                f(*self)
            }
            #[inline(always)]
            fn times(d: $t, t: &$t) -> $t {
                d * *t
            }
        }
    )*};
}

scalar_elementwise!([] f32, [] f64, [T: Real, const N: usize,] crate::jet::Jet<T, N>);

/// Arrays: one impl per storage kind (owned, view, shared, copy-on-write), with the element
/// type in the header, so that arrays of complex numbers are known to be no real operands.
macro_rules! array_elementwise {
    ($([$($g:tt)*] $s:ty;)*) => {$(
        impl<$($g)* T: Real, D: Dimension> Elementwise for ArrayBase<$s, D> {
    type Elem = T;
            fn map_value(&self, f: impl Fn(T) -> T + Sync + Send) -> Array<T, D> {
                zip_collect!(false, Zip::from(self), |&x| f(x))
            }
            fn map_partial(&self, f: impl Fn(T) -> (T, T) + Sync + Send) -> (Array<T, D>, Array<T, D>) {
                let (mut y, mut d) = (Array::uninit(self.raw_dim()), Array::uninit(self.raw_dim()));
                zip_for_each!(true, Zip::from(&mut y).and(&mut d).and(self), |y, d, &x| {
                    let (v, p) = f(x);
                    y.write(v);
                    d.write(p);
                });
                // SAFETY: the `Zip` above wrote every element of both arrays.
                unsafe { (y.assume_init(), d.assume_init()) }
            }
            fn times(mut d: Array<T, D>, t: &Array<T, D>) -> Array<T, D> {
                zip_for_each!(false, Zip::from(&mut d).and(t), |d, &t| *d *= t);
                d
            }
        }
    )*};
}

array_elementwise! {
    [] OwnedRepr<T>;
    ['a,] ViewRepr<&'a T>;
    [] OwnedArcRepr<T>;
    ['a,] CowRepr<'a, T>;
}

/// The partial of a unary elementwise rule on an array: the elementwise partials, of the
/// input's (and output's) shape.
impl<T: Real, D: Dimension> Partial<Array<T, D>> for Array<T, D> {
    type X = Array<T, D>;
    fn pull(&self, y_bar: &Array<T, D>) -> Array<T, D> {
        self.pull_owned(y_bar.to_owned())
    }
    fn pull_owned(&self, y_bar: Array<T, D>) -> Array<T, D> {
        <Array<T, D> as Elementwise>::times(y_bar, self)
    }
    fn push(&self, x_dot: &Array<T, D>) -> Array<T, D> {
        <Array<T, D> as Elementwise>::times(x_dot.to_owned(), self)
    }
}
