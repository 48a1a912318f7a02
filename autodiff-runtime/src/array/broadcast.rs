//! Broadcasting: the shape of a binary result, and the reduction of a cotangent back to an
//! input's shape (the reverse of broadcasting, autograd's `unbroadcast`).

use super::kernels::zip_for_each;
use crate::{Partial, Real};
use core::marker::PhantomData;
use ndarray::{Array, ArrayBase, Axis, Data, Dimension, IxDyn, Zip};

/// The broadcast shape of `a` and `b` (ndarray's and NumPy's rule: align trailing axes; an
/// axis of length 1 stretches).
///
/// # Panics
/// If the shapes are incompatible, with a message naming `op` and both shapes.
#[track_caller]
pub(crate) fn co_broadcast<O: Dimension>(op: &str, a: &[usize], b: &[usize]) -> O {
    let n = a.len().max(b.len());
    let mut out = O::zeros(n);
    for k in 0..n {
        let da = if k + a.len() >= n { a[k + a.len() - n] } else { 1 };
        let db = if k + b.len() >= n { b[k + b.len() - n] } else { 1 };
        out[k] = match (da, db) {
            (x, y) if x == y => x,
            (1, y) => y,
            (x, 1) => x,
            _ => panic!("{op}: cannot broadcast shapes {a:?} and {b:?} together"),
        };
    }
    out
}

/// Sums `c` over the axes that broadcasting added or stretched, giving an array of `shape`.
pub(crate) fn unbroadcast<T: Real, O: Dimension, E: Dimension>(c: Array<T, O>, shape: &E) -> Array<T, E> {
    if c.shape() == shape.slice() {
        return c.into_dimensionality::<E>().expect("same shape");
    }
    let mut c: Array<T, IxDyn> = c.into_dyn();
    while c.ndim() > shape.ndim() {
        c = c.sum_axis(Axis(0));
    }
    for k in 0..shape.ndim() {
        if shape[k] == 1 && c.shape()[k] != 1 {
            c = c.sum_axis(Axis(k)).insert_axis(Axis(k));
        }
    }
    c.into_dimensionality::<E>().expect("reduced to the input's rank")
}

/// What a broadcast input is, from the point of view of a rule's output of dimension `O`:
/// an array of some dimension, or a real scalar.
pub trait Target<T: Real, O: Dimension>: Sized {
    /// How the input's shape is remembered (`()` for scalars).
    type Shape: Clone;
    /// The input's shape.
    fn shape_of(x: &Self) -> Self::Shape;
    /// Reduces an output-shaped cotangent to the input's shape.
    fn reduce(c: Array<T, O>, shape: &Self::Shape) -> Self;
    /// Broadcasts an input tangent to the output's shape.
    fn expand(x: &Self, out: &O) -> Array<T, O>;
}

impl<T: Real, O: Dimension, E: Dimension> Target<T, O> for Array<T, E> {
    type Shape = E;
    fn shape_of(x: &Self) -> E {
        x.raw_dim()
    }
    fn reduce(c: Array<T, O>, shape: &E) -> Self {
        unbroadcast(c, shape)
    }
    fn expand(x: &Self, out: &O) -> Array<T, O> {
        x.broadcast(out.clone()).expect("tangent broadcasts like its value").to_owned()
    }
}

macro_rules! scalar_target {
    ($([$($g:tt)*] $t:ty),*) => {$(
        impl<$($g)* O: Dimension> Target<$t, O> for $t {
            type Shape = ();
            fn shape_of(_: &Self) {}
            fn reduce(c: Array<$t, O>, _: &()) -> $t {
                c.sum()
            }
            fn expand(x: &$t, out: &O) -> Array<$t, O> {
                Array::from_elem(out.clone(), *x)
            }
        }
    )*};
}

scalar_target!([] f32, [] f64, [T: Real, const N: usize,] crate::jet::Jet<T, N>);

/// The partial of a broadcasting elementwise rule with respect to one input: the
/// elementwise partials (or a constant sign, for `+` and `−`), and the input's shape.
#[derive(Clone, Debug)]
pub struct Bcast<T: Real, O: Dimension, X: Target<T, O>> {
    d: Option<Array<T, O>>,
    sign: T,
    shape: X::Shape,
    out: O,
    _x: PhantomData<X>,
}

impl<T: Real, O: Dimension, X: Target<T, O>> Bcast<T, O, X> {
    /// Elementwise partials `d` (of the output's shape) of an input of shape `shape`.
    pub fn new(d: Array<T, O>, shape: X::Shape) -> Self {
        let out = d.raw_dim();
        Bcast { d: Some(d), sign: T::one(), shape, out, _x: PhantomData }
    }

    /// The constant partial `sign` (±1) of an input of shape `shape`.
    pub fn constant(sign: T, shape: X::Shape, out: O) -> Self {
        Bcast { d: None, sign, shape, out, _x: PhantomData }
    }
}

impl<T: Real, O: Dimension, X: Target<T, O>> Partial<Array<T, O>> for Bcast<T, O, X> {
    type X = X;
    fn pull(&self, y_bar: &Array<T, O>) -> X {
        self.pull_owned(y_bar.to_owned())
    }
    fn pull_owned(&self, mut y_bar: Array<T, O>) -> X {
        match &self.d {
            Some(d) => zip_for_each!(false, Zip::from(&mut y_bar).and(d), |y, &d| *y *= d),
            None if self.sign != T::one() => {
                let s = self.sign;
                zip_for_each!(false, Zip::from(&mut y_bar), |y| *y *= s)
            }
            None => {}
        }
        X::reduce(y_bar, &self.shape)
    }
    fn push(&self, x_dot: &X) -> Array<T, O> {
        let mut t = X::expand(x_dot, &self.out);
        match &self.d {
            Some(d) => zip_for_each!(false, Zip::from(&mut t).and(d), |t, &d| *t *= d),
            None if self.sign != T::one() => {
                let s = self.sign;
                zip_for_each!(false, Zip::from(&mut t), |t| *t *= s)
            }
            None => {}
        }
        t
    }
}

/// A view of `x` broadcast to `out`.
///
/// # Panics
/// If `x` does not broadcast to `out`, naming `op` and both shapes.
#[track_caller]
pub(crate) fn stretch<'a, T, S: Data<Elem = T>, D: Dimension, O: Dimension>(
    op: &str,
    x: &'a ArrayBase<S, D>,
    out: &O,
) -> ndarray::ArrayView<'a, T, O> {
    x.broadcast(out.clone())
        .unwrap_or_else(|| panic!("{op}: cannot broadcast shape {:?} to {:?}", x.shape(), out.slice()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Ix1, Ix2, array};

    #[test]
    fn broadcast_shapes() {
        assert_eq!(co_broadcast::<Ix2>("add", &[3, 1], &[4]).slice(), &[3, 4]);
        assert_eq!(co_broadcast::<Ix1>("add", &[1], &[5]).slice(), &[5]);
    }

    #[test]
    #[should_panic(expected = "mul: cannot broadcast shapes [3, 2] and [4]")]
    fn incompatible_shapes_name_the_operation() {
        co_broadcast::<Ix2>("mul", &[3, 2], &[4]);
    }

    #[test]
    fn unbroadcast_sums_stretched_axes() {
        let c = array![[1.0f64, 2.0], [3.0, 4.0], [5.0, 6.0]];
        assert_eq!(unbroadcast(c.clone(), &Ix1(2)), array![9.0, 12.0]);
        assert_eq!(unbroadcast(c.clone(), &Ix2(3, 1)), array![[3.0], [7.0], [11.0]]);
        assert_eq!(unbroadcast(c.clone(), &Ix2(1, 1)), array![[21.0]]);
        assert_eq!(unbroadcast(c.clone(), &Ix2(3, 2)), c);
    }
}
