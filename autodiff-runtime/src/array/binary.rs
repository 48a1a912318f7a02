//! Binary elementwise rules over scalars and broadcasting arrays.

use super::broadcast::{Bcast, Target, co_broadcast, stretch};
use super::kernels::{costly, zip_collect, zip_for_each};
use crate::jet::{Jet, Lift};
use crate::{Accumulate, Linear, MinusOne, One, Partial, Real, Value};
use ndarray::{Array, ArrayBase, CowRepr, Data, DimMax, Dimension, OwnedArcRepr, OwnedRepr, ViewRepr, Zip};

/// Operands that a binary elementwise rule (`+ − × ÷`, `powf`, `atan2`, ...) can combine:
/// two real scalars of one precision, two arrays that broadcast together, or an array and a
/// scalar. Each rule is one scalar kernel; this trait maps it over the operands and keeps
/// the partials the reverse sweep needs, with each input's shape.
#[diagnostic::on_unimplemented(
    message = "`{Self}` and `{B}` cannot be combined by a differentiable elementwise rule",
    note = "operands must be real scalars of one precision (`f64` or `f32`), ndarray arrays of that scalar, or one of each"
)]
pub trait Binary<B: ?Sized> {
    /// The real scalar type.
    type Elem: Real;
    /// The result type.
    type Out: Value<Tangent = Self::Out> + Accumulate + Linear<Elem = Self::Elem> + Clone;
    /// The tangent type of the left operand.
    type TA: Accumulate;
    /// The tangent type of the right operand.
    type TB: Accumulate;
    /// The partial with respect to the left operand.
    type P0: Partial<Self::Out, X = Self::TA>;
    /// The partial with respect to the right operand.
    type P1: Partial<Self::Out, X = Self::TB>;
    /// The partial `+1` with respect to the left operand.
    type Plus0: Partial<Self::Out, X = Self::TA>;
    /// The partial `+1` with respect to the right operand.
    type Plus1: Partial<Self::Out, X = Self::TB>;
    /// The partial `−1` with respect to the right operand.
    type Minus1: Partial<Self::Out, X = Self::TB>;

    /// `f` applied elementwise.
    fn zip_value(&self, b: &B, op: &str, f: impl Fn(Self::Elem, Self::Elem) -> Self::Elem + Sync + Send) -> Self::Out;
    /// `f` applied elementwise, returning the value and the partials.
    #[allow(clippy::type_complexity)]
    fn zip_partial(
        &self,
        b: &B,
        op: &str,
        f: impl Fn(Self::Elem, Self::Elem) -> (Self::Elem, (Self::Elem, Self::Elem)) + Sync + Send,
    ) -> (Self::Out, (Self::P0, Self::P1));
    /// The partials of `a + b`, whose value is `y`.
    fn plus(&self, b: &B, y: &Self::Out) -> (Self::Plus0, Self::Plus1);
    /// The partials of `a − b`, whose value is `y`.
    fn minus(&self, b: &B, y: &Self::Out) -> (Self::Plus0, Self::Minus1);
}

macro_rules! scalar_binary {
    ($([$($g:tt)*] $t:ty),*) => {$(
        impl<$($g)*> Binary<$t> for $t {
            type Elem = $t;
            type Out = $t;
            type TA = $t;
            type TB = $t;
            type P0 = $t;
            type P1 = $t;
            type Plus0 = One<$t>;
            type Plus1 = One<$t>;
            type Minus1 = MinusOne<$t>;
            #[inline(always)]
            fn zip_value(&self, b: &$t, _: &str, f: impl Fn($t, $t) -> $t) -> $t {
                f(*self, *b)
            }
            #[inline(always)]
            fn zip_partial(&self, b: &$t, _: &str, f: impl Fn($t, $t) -> ($t, ($t, $t))) -> ($t, ($t, $t)) {
                f(*self, *b)
            }
            #[inline(always)]
            fn plus(&self, _: &$t, _: &$t) -> (One<$t>, One<$t>) {
                (One::default(), One::default())
            }
            #[inline(always)]
            fn minus(&self, _: &$t, _: &$t) -> (One<$t>, MinusOne<$t>) {
                (One::default(), MinusOne::default())
            }
        }

    )*};
}

scalar_binary!([] f32, [] f64, [T: Real, const N: usize,] Jet<T, N>);

/// A jet with a plain constant (a literal in differentiated code run at jets): the constant
/// is lifted to a jet; it is never an active input.
macro_rules! jet_constant_binary {
    ($($c:ty)*) => {$(
        impl<T: Lift<$c>, const N: usize> Binary<$c> for Jet<T, N> {
            type Elem = Jet<T, N>;
            type Out = Jet<T, N>;
            type TA = Jet<T, N>;
            type TB = Jet<T, N>;
            type P0 = Jet<T, N>;
            type P1 = Jet<T, N>;
            type Plus0 = One<Jet<T, N>>;
            type Plus1 = One<Jet<T, N>>;
            type Minus1 = MinusOne<Jet<T, N>>;
            #[inline]
            fn zip_value(&self, b: &$c, _: &str, f: impl Fn(Jet<T, N>, Jet<T, N>) -> Jet<T, N>) -> Jet<T, N> {
                f(*self, Lift::lift(*b))
            }
            #[inline]
            fn zip_partial(
                &self,
                b: &$c,
                _: &str,
                f: impl Fn(Jet<T, N>, Jet<T, N>) -> (Jet<T, N>, (Jet<T, N>, Jet<T, N>)),
            ) -> (Jet<T, N>, (Jet<T, N>, Jet<T, N>)) {
                f(*self, Lift::lift(*b))
            }
            #[inline]
            fn plus(&self, _: &$c, _: &Jet<T, N>) -> (Self::Plus0, Self::Plus1) {
                (One::default(), One::default())
            }
            #[inline]
            fn minus(&self, _: &$c, _: &Jet<T, N>) -> (Self::Plus0, Self::Minus1) {
                (One::default(), MinusOne::default())
            }
        }

        impl<T: Lift<$c>, const N: usize> Binary<Jet<T, N>> for $c {
            type Elem = Jet<T, N>;
            type Out = Jet<T, N>;
            type TA = Jet<T, N>;
            type TB = Jet<T, N>;
            type P0 = Jet<T, N>;
            type P1 = Jet<T, N>;
            type Plus0 = One<Jet<T, N>>;
            type Plus1 = One<Jet<T, N>>;
            type Minus1 = MinusOne<Jet<T, N>>;
            #[inline]
            fn zip_value(&self, b: &Jet<T, N>, _: &str, f: impl Fn(Jet<T, N>, Jet<T, N>) -> Jet<T, N>) -> Jet<T, N> {
                f(Lift::lift(*self), *b)
            }
            #[inline]
            fn zip_partial(
                &self,
                b: &Jet<T, N>,
                _: &str,
                f: impl Fn(Jet<T, N>, Jet<T, N>) -> (Jet<T, N>, (Jet<T, N>, Jet<T, N>)),
            ) -> (Jet<T, N>, (Jet<T, N>, Jet<T, N>)) {
                f(Lift::lift(*self), *b)
            }
            #[inline]
            fn plus(&self, _: &Jet<T, N>, _: &Jet<T, N>) -> (Self::Plus0, Self::Plus1) {
                (One::default(), One::default())
            }
            #[inline]
            fn minus(&self, _: &Jet<T, N>, _: &Jet<T, N>) -> (Self::Plus0, Self::Minus1) {
                (One::default(), MinusOne::default())
            }
        }
    )*};
}

jet_constant_binary!(f64 f32);

/// A scalar operand with an array: the scalar may be a plain constant lifted to the array's
/// element type (a literal `2.0` with an array of jets).
macro_rules! array_scalar_binary {
    ($([$($ag:tt)*] $t:ty => $a:ty $(where $bound:path)?, $lift:path);*) => {$(
        impl<$($ag)* S: Data<Elem = $a>, D: Dimension> Binary<$t> for ArrayBase<S, D>
        where
            $a: Real + Accumulate + Target<$a, D, Shape = ()> $(+ $bound)?,
        {
            type Elem = $a;
            type Out = Array<$a, D>;
            type TA = Array<$a, D>;
            type TB = $a;
            type P0 = Bcast<$a, D, Array<$a, D>>;
            type P1 = Bcast<$a, D, $a>;
            type Plus0 = Self::P0;
            type Plus1 = Self::P1;
            type Minus1 = Self::P1;
            fn zip_value(&self, b: &$t, _: &str, f: impl Fn($a, $a) -> $a + Sync + Send) -> Array<$a, D> {
                let b = $lift(*b);
                zip_collect!(false, Zip::from(self), |&a| f(a, b))
            }
            fn zip_partial(
                &self,
                b: &$t,
                op: &str,
                f: impl Fn($a, $a) -> ($a, ($a, $a)) + Sync + Send,
            ) -> (Array<$a, D>, (Self::P0, Self::P1)) {
                let b = $lift(*b);
                let (mut y, mut d0, mut d1) =
                    (Array::uninit(self.raw_dim()), Array::uninit(self.raw_dim()), Array::uninit(self.raw_dim()));
                zip_for_each!(costly(op), Zip::from(&mut y).and(&mut d0).and(&mut d1).and(self), |y, d0, d1, &a| {
                    let (v, (p0, p1)) = f(a, b);
                    y.write(v);
                    d0.write(p0);
                    d1.write(p1);
                });
                // SAFETY: the `Zip` above wrote every element of the three arrays.
                let (y, d0, d1) = unsafe { (y.assume_init(), d0.assume_init(), d1.assume_init()) };
                let shape = self.raw_dim();
                (y, (Bcast::new(d0, shape), Bcast::new(d1, ())))
            }
            fn plus(&self, _: &$t, y: &Array<$a, D>) -> (Self::P0, Self::P1) {
                (Bcast::constant(<$a as num_traits::One>::one(), self.raw_dim(), y.raw_dim()), Bcast::constant(<$a as num_traits::One>::one(), (), y.raw_dim()))
            }
            fn minus(&self, _: &$t, y: &Array<$a, D>) -> (Self::P0, Self::P1) {
                (Bcast::constant(<$a as num_traits::One>::one(), self.raw_dim(), y.raw_dim()), Bcast::constant(-<$a as num_traits::One>::one(), (), y.raw_dim()))
            }
        }

        impl<$($ag)* S: Data<Elem = $a>, D: Dimension> Binary<ArrayBase<S, D>> for $t
        where
            $a: Real + Accumulate + Target<$a, D, Shape = ()> $(+ $bound)?,
        {
            type Elem = $a;
            type Out = Array<$a, D>;
            type TA = $a;
            type TB = Array<$a, D>;
            type P0 = Bcast<$a, D, $a>;
            type P1 = Bcast<$a, D, Array<$a, D>>;
            type Plus0 = Self::P0;
            type Plus1 = Self::P1;
            type Minus1 = Self::P1;
            fn zip_value(&self, b: &ArrayBase<S, D>, _: &str, f: impl Fn($a, $a) -> $a + Sync + Send) -> Array<$a, D> {
                let a = $lift(*self);
                zip_collect!(false, Zip::from(b), |&b| f(a, b))
            }
            fn zip_partial(
                &self,
                b: &ArrayBase<S, D>,
                op: &str,
                f: impl Fn($a, $a) -> ($a, ($a, $a)) + Sync + Send,
            ) -> (Array<$a, D>, (Self::P0, Self::P1)) {
                let a = $lift(*self);
                let (mut y, mut d0, mut d1) =
                    (Array::uninit(b.raw_dim()), Array::uninit(b.raw_dim()), Array::uninit(b.raw_dim()));
                zip_for_each!(costly(op), Zip::from(&mut y).and(&mut d0).and(&mut d1).and(b), |y, d0, d1, &b| {
                    let (v, (p0, p1)) = f(a, b);
                    y.write(v);
                    d0.write(p0);
                    d1.write(p1);
                });
                // SAFETY: the `Zip` above wrote every element of the three arrays.
                let (y, d0, d1) = unsafe { (y.assume_init(), d0.assume_init(), d1.assume_init()) };
                let shape = b.raw_dim();
                (y, (Bcast::new(d0, ()), Bcast::new(d1, shape)))
            }
            fn plus(&self, b: &ArrayBase<S, D>, y: &Array<$a, D>) -> (Self::P0, Self::P1) {
                (Bcast::constant(<$a as num_traits::One>::one(), (), y.raw_dim()), Bcast::constant(<$a as num_traits::One>::one(), b.raw_dim(), y.raw_dim()))
            }
            fn minus(&self, b: &ArrayBase<S, D>, y: &Array<$a, D>) -> (Self::P0, Self::P1) {
                (Bcast::constant(<$a as num_traits::One>::one(), (), y.raw_dim()), Bcast::constant(-<$a as num_traits::One>::one(), b.raw_dim(), y.raw_dim()))
            }
        }
    )*};
}

array_scalar_binary!(
    [A,] f32 => A where Lift<f32>, Lift::lift;
    [A,] f64 => A where Lift<f64>, Lift::lift;
    [T: Real, const N: usize,] Jet<T, N> => Jet<T, N>, core::convert::identity
);

/// Two arrays. One impl per pair of storage kinds (owned, view, shared, copy-on-write) rather
/// than one over every `S: Data<Elem = T>`: with the element type in the impl header, arrays
/// of complex numbers are known to be no real operands, and their rules can dispatch
/// elsewhere (`ops::mul` and its kin).
macro_rules! array_binary {
    ($([$($g:tt)*] $s:ty, $s2:ty;)*) => {$(
        impl<$($g)* T: Real, D: Dimension + DimMax<E>, E: Dimension> Binary<ArrayBase<$s2, E>> for ArrayBase<$s, D> {
    type Elem = T;
            type Out = Array<T, <D as DimMax<E>>::Output>;
            type TA = Array<T, D>;
            type TB = Array<T, E>;
            type P0 = Bcast<T, <D as DimMax<E>>::Output, Array<T, D>>;
            type P1 = Bcast<T, <D as DimMax<E>>::Output, Array<T, E>>;
            type Plus0 = Self::P0;
            type Plus1 = Self::P1;
            type Minus1 = Self::P1;

            #[track_caller]
            fn zip_value(&self, b: &ArrayBase<$s2, E>, op: &str, f: impl Fn(T, T) -> T + Sync + Send) -> Self::Out {
                let out: <D as DimMax<E>>::Output = co_broadcast(op, self.shape(), b.shape());
                let (av, bv) = (stretch(op, self, &out), stretch(op, b, &out));
                zip_collect!(false, Zip::from(av).and(bv), |&a, &b| f(a, b))
            }

            #[track_caller]
            fn zip_partial(
                &self,
                b: &ArrayBase<$s2, E>,
                op: &str,
                f: impl Fn(T, T) -> (T, (T, T)) + Sync + Send,
            ) -> (Self::Out, (Self::P0, Self::P1)) {
                let out: <D as DimMax<E>>::Output = co_broadcast(op, self.shape(), b.shape());
                let (av, bv) = (stretch(op, self, &out), stretch(op, b, &out));
                let (mut y, mut d0, mut d1) = (Array::uninit(out.clone()), Array::uninit(out.clone()), Array::uninit(out));
                zip_for_each!(costly(op), Zip::from(&mut y).and(&mut d0).and(&mut d1).and(av).and(bv), |y, d0, d1, &a, &b| {
                    let (v, (p0, p1)) = f(a, b);
                    y.write(v);
                    d0.write(p0);
                    d1.write(p1);
                });
                // SAFETY: the `Zip` above wrote every element of the three arrays.
                let (y, d0, d1) = unsafe { (y.assume_init(), d0.assume_init(), d1.assume_init()) };
                (y, (Bcast::new(d0, self.raw_dim()), Bcast::new(d1, b.raw_dim())))
            }

            fn plus(&self, b: &ArrayBase<$s2, E>, y: &Self::Out) -> (Self::P0, Self::P1) {
                (Bcast::constant(T::one(), self.raw_dim(), y.raw_dim()), Bcast::constant(T::one(), b.raw_dim(), y.raw_dim()))
            }

            fn minus(&self, b: &ArrayBase<$s2, E>, y: &Self::Out) -> (Self::P0, Self::P1) {
                (Bcast::constant(T::one(), self.raw_dim(), y.raw_dim()), Bcast::constant(-T::one(), b.raw_dim(), y.raw_dim()))
            }
        }
    )*};
}

array_binary! {
    [] OwnedRepr<T>, OwnedRepr<T>;
    ['b,] OwnedRepr<T>, ViewRepr<&'b T>;
    [] OwnedRepr<T>, OwnedArcRepr<T>;
    ['b,] OwnedRepr<T>, CowRepr<'b, T>;
    ['a,] ViewRepr<&'a T>, OwnedRepr<T>;
    ['a, 'b,] ViewRepr<&'a T>, ViewRepr<&'b T>;
    ['a,] ViewRepr<&'a T>, OwnedArcRepr<T>;
    ['a, 'b,] ViewRepr<&'a T>, CowRepr<'b, T>;
    [] OwnedArcRepr<T>, OwnedRepr<T>;
    ['b,] OwnedArcRepr<T>, ViewRepr<&'b T>;
    [] OwnedArcRepr<T>, OwnedArcRepr<T>;
    ['b,] OwnedArcRepr<T>, CowRepr<'b, T>;
    ['a,] CowRepr<'a, T>, OwnedRepr<T>;
    ['a, 'b,] CowRepr<'a, T>, ViewRepr<&'b T>;
    ['a,] CowRepr<'a, T>, OwnedArcRepr<T>;
    ['a, 'b,] CowRepr<'a, T>, CowRepr<'b, T>;
}
