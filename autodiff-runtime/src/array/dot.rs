//! Matrix and vector products (`a.dot(&b)`) and their partials.
//!
//! Products run on ndarray's `dot`, that is matrixmultiply's blocked GEMM for matrices.

use crate::{Partial, Real};
use core::marker::PhantomData;
use ndarray::{ArcArray, Array, Array1, Array2, ArrayBase, ArrayView2, Data, Ix1, Ix2, LinalgScalar};
use rayon::prelude::*;

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
        impl<T: Real + LinalgScalar + Gemm, S: Data<Elem = T>, S2: Data<Elem = T>> Dot<ArrayBase<S2, $db>>
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
                check($a.shape(), $b.shape());
                $value
            }
        }

        impl<T: Real + LinalgScalar + Gemm> Partial<$out> for DotLhs<T, $da, $db> {
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

        impl<T: Real + LinalgScalar + Gemm> Partial<$out> for DotRhs<T, $da, $db> {
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

/// Element types with a matrixmultiply GEMM.
pub trait Gemm: Sized {
    /// `C ← A·B` for an `m×k` `A` and a `k×n` `B` with the given element strides; `C` may be
    /// uninitialised.
    ///
    /// # Safety
    /// The pointers and strides must describe matrices of those sizes inside live
    /// allocations, and `C`'s elements must not alias each other or `A`/`B`.
    #[allow(clippy::too_many_arguments)]
    unsafe fn gemm(
        m: usize,
        k: usize,
        n: usize,
        a: *const Self,
        rsa: isize,
        csa: isize,
        b: *const Self,
        rsb: isize,
        csb: isize,
        c: *mut Self,
        rsc: isize,
        csc: isize,
    );
}

macro_rules! gemm_impl {
    ($t:ty, $f:ident) => {
        impl Gemm for $t {
            unsafe fn gemm(
                m: usize,
                k: usize,
                n: usize,
                a: *const $t,
                rsa: isize,
                csa: isize,
                b: *const $t,
                rsb: isize,
                csb: isize,
                c: *mut $t,
                rsc: isize,
                csc: isize,
            ) {
                // SAFETY: forwarded from the caller; β = 0 lets C be uninitialised.
                unsafe { matrixmultiply::$f(m, k, n, 1.0, a, rsa, csa, b, rsb, csb, 0.0, c, rsc, csc) }
            }
        }
    };
}

gemm_impl!(f64, dgemm);
gemm_impl!(f32, sgemm);

/// Products of jets (higher-order derivatives of matrix code): the plain triple loop, each
/// multiply-add a truncated series product.
impl<T: Real, const N: usize> Gemm for crate::jet::Jet<T, N> {
    unsafe fn gemm(
        m: usize,
        k: usize,
        n: usize,
        a: *const Self,
        rsa: isize,
        csa: isize,
        b: *const Self,
        rsb: isize,
        csb: isize,
        c: *mut Self,
        rsc: isize,
        csc: isize,
    ) {
        for i in 0..m as isize {
            for j in 0..n as isize {
                let mut s = <Self as num_traits::Zero>::zero();
                for l in 0..k as isize {
                    // SAFETY: the caller guarantees these offsets lie inside the matrices.
                    s += unsafe { *a.offset(i * rsa + l * csa) * *b.offset(l * rsb + j * csb) };
                }
                // SAFETY: as above; `C` may be uninitialised, so it is written, not assigned.
                unsafe { c.offset(i * rsc + j * csc).write(s) };
            }
        }
    }
}

/// A raw pointer that rayon tasks may carry; each task writes a disjoint block through it
/// (or only reads through it, for the inputs).
#[derive(Clone, Copy)]
struct Shared<T>(*mut T);
// SAFETY: the blocks the tasks write do not overlap, the inputs are only read, and the
// arrays outlive the tasks.
unsafe impl<T> Send for Shared<T> {}
unsafe impl<T> Sync for Shared<T> {}

impl<T> Shared<T> {
    /// The pointer (a method, so that closures capture the `Send` wrapper, not the field).
    fn get(self) -> *mut T {
        self.0
    }
}

/// `a · b` for matrices, written straight into a new array (never zeroed first): one
/// matrixmultiply GEMM, or for a large product one per block of rows or columns of the
/// result, one block per rayon thread, so that products and elementwise kernels share one
/// thread pool.
pub(crate) fn matmul<T: Real + LinalgScalar + Gemm>(a: ArrayView2<'_, T>, b: ArrayView2<'_, T>) -> Array2<T> {
    let (m, k, n) = (a.nrows(), a.ncols(), b.ncols());
    debug_assert_eq!(k, b.nrows());
    if k == 0 || a.strides().iter().chain(b.strides()).any(|&s| s < 0) {
        let mut c = Array2::zeros((m, n));
        ndarray::linalg::general_mat_mul(T::one(), &a, &b, T::zero(), &mut c);
        return c;
    }
    let mut c = Array2::<T>::uninit((m, n));
    let (pa, pb, pc) = (Shared(a.as_ptr() as *mut T), Shared(b.as_ptr() as *mut T), Shared(c.as_mut_ptr() as *mut T));
    let (sa, sb) = (a.strides(), b.strides());
    let (rsa, csa, rsb, csb) = (sa[0], sa[1], sb[0], sb[1]);
    let threads = rayon::current_num_threads();
    let block = |rows: core::ops::Range<usize>, cols: core::ops::Range<usize>, pc: Shared<T>| {
        // SAFETY: the block `rows × cols` lies inside A's rows, B's columns and C; C has
        // row stride `n` and column stride 1, so blocks of distinct rows or columns are
        // disjoint.
        unsafe {
            T::gemm(
                rows.len(),
                k,
                cols.len(),
                pa.get().offset(rows.start as isize * rsa),
                rsa,
                csa,
                pb.get().offset(cols.start as isize * csb),
                rsb,
                csb,
                pc.get().add(rows.start * n + cols.start),
                n as isize,
                1,
            )
        }
    };
    if threads < 2 || m * n * k < MATMUL_PARALLEL_WORK {
        block(0..m, 0..n, pc);
    } else if n >= m {
        let step = n.div_ceil(threads);
        (0..threads).into_par_iter().for_each(|i| {
            let cols = (i * step).min(n)..((i + 1) * step).min(n);
            block(0..m, cols, pc)
        });
    } else {
        let step = m.div_ceil(threads);
        (0..threads).into_par_iter().for_each(|i| {
            let rows = (i * step).min(m)..((i + 1) * step).min(m);
            block(rows, 0..n, pc)
        });
    }
    // SAFETY: the blocks above cover every element of `c`, and β = 0 makes GEMM write each.
    unsafe { c.assume_init() }
}

/// Matrix products of at least this many multiply-adds are split across threads.
pub const MATMUL_PARALLEL_WORK: usize = 1 << 20;

/// Checks that the inner dimensions agree, naming the shapes.
#[track_caller]
fn check(a: &[usize], b: &[usize]) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Array2, s};

    fn m(r: usize, c: usize, seed: f64) -> Array2<f64> {
        Array2::from_shape_fn((r, c), |(i, j)| ((i * c + j) as f64 * 0.37 + seed).sin())
    }

    #[test]
    fn matmul_agrees_with_ndarray_on_any_layout_and_size() {
        for &(r, k, c) in &[(1, 1, 1), (3, 0, 2), (5, 7, 3), (64, 300, 80), (300, 64, 40), (40, 200, 300)] {
            let (a, b) = (m(r, k, 0.1), m(k, c, 0.7));
            let want = a.dot(&b);
            assert_eq!(matmul(a.view(), b.view()), want);
            // Transposed and stepped views.
            let (at, bt) = (a.t().to_owned(), b.t().to_owned());
            assert_eq!(matmul(at.t(), bt.t()), want);
            let wide = m(r, 2 * k, 0.1);
            let stepped = wide.slice(s![.., ..;2]);
            assert_eq!(matmul(stepped, b.view()), stepped.dot(&b));
            // Reversed rows take the fallback.
            let rev = a.slice(s![..;-1, ..]);
            assert_eq!(matmul(rev, b.view()), rev.dot(&b));
        }
    }

    #[test]
    fn matmul_f32() {
        let a = Array2::from_shape_fn((70, 90), |(i, j)| (i as f32 - j as f32) * 0.01);
        let b = Array2::from_shape_fn((90, 200), |(i, j)| (i as f32 + j as f32) * 0.02);
        let (x, y) = (matmul(a.view(), b.view()), a.dot(&b));
        assert!(x.iter().zip(&y).all(|(x, y)| (x - y).abs() <= 1e-4 * y.abs().max(1.0)));
    }
}
