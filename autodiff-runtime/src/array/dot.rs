//! Matrix and vector products (`a.dot(&b)`) and their partials.
//!
//! Products run on ndarray's `dot`, that is matrixmultiply's blocked GEMM for matrices.

use crate::{Partial, Real};
use core::marker::PhantomData;
use ndarray::linalg::general_mat_mul;
use ndarray::parallel::prelude::*;
use ndarray::{ArcArray, Array, Array1, Array2, ArrayBase, ArrayView2, Axis, Data, Ix1, Ix2, LinalgScalar, s};

/// Operands of a differentiable `a.dot(&b)`: vector·vector, matrix·vector, vector·matrix and
/// matrix·matrix, as ndarray defines them.
#[diagnostic::on_unimplemented(
    message = "`{Self}`.dot(`{B}`) is not a differentiable product",
    note = "`dot` is differentiable for one- and two-dimensional arrays of `f64` or `f32`"
)]
pub trait Dot<B: ?Sized> {
    /// The product's type.
    type Out;
    /// The partial with respect to `self` (it keeps `b`).
    type P0: Partial<Self::Out>;
    /// The partial with respect to `b` (it keeps `self`).
    type P1: Partial<Self::Out>;
    /// The product and both partials.
    fn dot_partial(&self, b: &B) -> (Self::Out, (Self::P0, Self::P1));
    /// The product.
    fn dot_value(&self, b: &B) -> Self::Out;
}

/// The partial of `a.dot(&b)` with respect to `a`: `b`, shared if `b` is an `ArcArray`
/// (parameters held as `ArcArray`s are not copied), else a copy.
#[derive(Clone, Debug)]
pub struct DotLhs<T, DA, DB: ndarray::Dimension> {
    b: ArcArray<T, DB>,
    _a: PhantomData<DA>,
}

/// The partial of `a.dot(&b)` with respect to `b`: `a`, shared or copied as in [`DotLhs`].
#[derive(Clone, Debug)]
pub struct DotRhs<T, DA: ndarray::Dimension, DB> {
    a: ArcArray<T, DA>,
    _b: PhantomData<DB>,
}

fn outer<T: Real + LinalgScalar>(
    u: &ArrayBase<impl Data<Elem = T>, Ix1>,
    v: &ArrayBase<impl Data<Elem = T>, Ix1>,
) -> Array2<T> {
    let (m, n) = (u.len(), v.len());
    let u2 = u.view().into_shape_with_order((m, 1)).expect("column");
    let v2 = v.view().into_shape_with_order((1, n)).expect("row");
    u2.dot(&v2)
}

macro_rules! dot_impl {
    ($da:ty, $db:ty, $out:ty, |$a:ident, $b:ident| $value:expr,
     lhs: |$lb:ident, $ly:ident| $lpull:expr, |$lb2:ident, $lx:ident| $lpush:expr,
     rhs: |$ra:ident, $ry:ident| $rpull:expr, |$ra2:ident, $rx:ident| $rpush:expr) => {
        impl<T: Real + LinalgScalar, S: Data<Elem = T>, S2: Data<Elem = T>> Dot<ArrayBase<S2, $db>>
            for ArrayBase<S, $da>
        {
            type Out = $out;
            type P0 = DotLhs<T, $da, $db>;
            type P1 = DotRhs<T, $da, $db>;
            #[track_caller]
            fn dot_partial(&self, b: &ArrayBase<S2, $db>) -> (Self::Out, (Self::P0, Self::P1)) {
                let y = self.dot_value(b);
                (y, (DotLhs { b: b.to_shared(), _a: PhantomData }, DotRhs { a: self.to_shared(), _b: PhantomData }))
            }
            #[track_caller]
            fn dot_value(&self, $b: &ArrayBase<S2, $db>) -> Self::Out {
                let $a = self;
                check(stringify!($da), $a.shape(), $b.shape());
                $value
            }
        }

        impl<T: Real + LinalgScalar> Partial<$out> for DotLhs<T, $da, $db> {
            type X = Array<T, $da>;
            fn pull(&self, $ly: &$out) -> Self::X {
                let $lb = &self.b;
                $lpull
            }
            fn push(&self, $lx: &Self::X) -> $out {
                let $lb2 = &self.b;
                $lpush
            }
        }

        impl<T: Real + LinalgScalar> Partial<$out> for DotRhs<T, $da, $db> {
            type X = Array<T, $db>;
            fn pull(&self, $ry: &$out) -> Self::X {
                let $ra = &self.a;
                $rpull
            }
            fn push(&self, $rx: &Self::X) -> $out {
                let $ra2 = &self.a;
                $rpush
            }
        }
    };
}

/// `a · b` for matrices: one GEMM (matrixmultiply's) per rayon task, the output split into
/// as many blocks of rows or columns as there are threads when the product is large, so that
/// products and elementwise kernels share one thread pool.
pub(crate) fn matmul<T: Real + LinalgScalar>(a: ArrayView2<'_, T>, b: ArrayView2<'_, T>) -> Array2<T> {
    let (m, k, n) = (a.nrows(), a.ncols(), b.ncols());
    let mut c = Array2::zeros((m, n));
    let threads = rayon::current_num_threads();
    if threads < 2 || m * n * k < MATMUL_PARALLEL_WORK {
        general_mat_mul(T::one(), &a, &b, T::zero(), &mut c);
        return c;
    }
    if n >= m {
        let step = n.div_ceil(threads);
        c.axis_chunks_iter_mut(Axis(1), step).into_par_iter().enumerate().for_each(|(i, mut part)| {
            let cols = i * step..(i * step + part.ncols());
            general_mat_mul(T::one(), &a, &b.slice(s![.., cols]), T::zero(), &mut part);
        });
    } else {
        let step = m.div_ceil(threads);
        c.axis_chunks_iter_mut(Axis(0), step).into_par_iter().enumerate().for_each(|(i, mut part)| {
            let rows = i * step..(i * step + part.nrows());
            general_mat_mul(T::one(), &a.slice(s![rows, ..]), &b, T::zero(), &mut part);
        });
    }
    c
}

/// Matrix products of at least this many multiply-adds are split across threads.
pub const MATMUL_PARALLEL_WORK: usize = 1 << 20;

/// Checks that the inner dimensions agree, naming the shapes.
#[track_caller]
fn check(_: &str, a: &[usize], b: &[usize]) {
    let inner_a = a[a.len() - 1];
    let inner_b = b[0];
    assert!(inner_a == inner_b, "dot: shapes {a:?} and {b:?} are not aligned ({inner_a} != {inner_b})");
}

dot_impl!(Ix2, Ix2, Array2<T>, |a, b| matmul(a.view(), b.view()),
    lhs: |b, y| matmul(y.view(), b.t()), |b, x| matmul(x.view(), b.view()),
    rhs: |a, y| matmul(a.t(), y.view()), |a, x| matmul(a.view(), x.view()));
dot_impl!(Ix2, Ix1, Array1<T>, |a, b| a.dot(b),
    lhs: |b, y| outer(y, b), |b, x| x.dot(b),
    rhs: |a, y| a.t().dot(y), |a, x| a.dot(x));
dot_impl!(Ix1, Ix2, Array1<T>, |a, b| a.dot(b),
    lhs: |b, y| b.dot(y), |b, x| x.dot(b),
    rhs: |a, y| outer(a, y), |a, x| a.dot(x));
dot_impl!(Ix1, Ix1, T, |a, b| a.dot(b),
    lhs: |b, y| b.mapv(|v| v * *y), |b, x| x.dot(b),
    rhs: |a, y| a.mapv(|v| v * *y), |a, x| a.dot(x));
