//! The Cholesky factorisation and its partial (Murray 2016; JAX's and autograd's rule).

use super::check_square;
use crate::{Partial, Real};
use ndarray::{Array2, ArrayBase, ArrayView2, Data, Ix2, LinalgScalar};

/// The lower-triangular `L` with `L Lᵀ = (a + aᵀ)/2` (Cholesky–Banachiewicz, by rows).
#[track_caller]
pub(crate) fn factor<T: Real>(a: &ArrayView2<T>) -> Array2<T> {
    check_square("cholesky", a.shape());
    let n = a.nrows();
    let half = T::c(0.5);
    let mut l = vec![T::zero(); n * n];
    for i in 0..n {
        for j in 0..=i {
            let (li, lj) = (&l[i * n..i * n + j], &l[j * n..j * n + j]);
            let dot = li.iter().zip(lj).fold(T::zero(), |s, (&p, &q)| s + p * q);
            let s = (a[[i, j]] + a[[j, i]]) * half - dot;
            l[i * n + j] = if i == j {
                // `!(s > 0)` also catches NaN.
                assert!(s > T::zero(), "cholesky: the {n}x{n} matrix is not positive definite");
                s.sqrt()
            } else {
                s / l[j * n + j]
            };
        }
    }
    Array2::from_shape_vec((n, n), l).expect("n × n")
}

/// `L X = B` for lower-triangular `L`.
fn lower_solve<T: Real + LinalgScalar>(l: &Array2<T>, b: ArrayView2<T>) -> Array2<T> {
    let (n, k) = b.dim();
    let mut x = b.as_standard_layout().into_owned();
    for i in 0..n {
        for j in 0..i {
            let c = l[[i, j]];
            if c != T::zero() {
                let (done, mut rest) = x.view_mut().split_at(ndarray::Axis(0), i);
                rest.row_mut(0).scaled_add(-c, &done.row(j));
            }
        }
        let d = l[[i, i]];
        x.row_mut(i).mapv_inplace(|v| v / d);
    }
    debug_assert_eq!(x.ncols(), k);
    x
}

/// `Lᵀ X = B` for lower-triangular `L`.
fn lower_t_solve<T: Real + LinalgScalar>(l: &Array2<T>, b: ArrayView2<T>) -> Array2<T> {
    let n = b.nrows();
    let mut x = b.as_standard_layout().into_owned();
    for i in (0..n).rev() {
        for j in i + 1..n {
            let c = l[[j, i]];
            if c != T::zero() {
                let (mut head, tail) = x.view_mut().split_at(ndarray::Axis(0), i + 1);
                head.row_mut(i).scaled_add(-c, &tail.row(j - i - 1));
            }
        }
        let d = l[[i, i]];
        x.row_mut(i).mapv_inplace(|v| v / d);
    }
    x
}

/// `Φ(M)`: the lower triangle of `M` with its diagonal halved.
fn phi<T: Real>(mut m: Array2<T>) -> Array2<T> {
    let half = T::c(0.5);
    for ((i, j), v) in m.indexed_iter_mut() {
        if j > i {
            *v = T::zero();
        } else if i == j {
            *v *= half;
        }
    }
    m
}

/// `(M + Mᵀ)/2`.
fn sym<T: Real>(m: &ArrayView2<T>) -> Array2<T> {
    let half = T::c(0.5);
    Array2::from_shape_fn(m.dim(), |(i, j)| (m[[i, j]] + m[[j, i]]) * half)
}

/// The partial of `L = a.cholesky()`: the factor `L`;
/// `Ā = sym(L⁻ᵀ Φ(Lᵀ L̄) L⁻¹)`, `L̇ = L Φ(L⁻¹ sym(Ȧ) L⁻ᵀ)`.
///
/// The two are adjoint for every `Ȧ` and `L̄` (a cotangent above the diagonal of `L` pulls
/// back to nothing, as it should).
#[derive(Clone, Debug)]
pub struct CholeskyPartial<T> {
    l: Array2<T>,
}

impl<T: Real + LinalgScalar> Partial<Array2<T>> for CholeskyPartial<T> {
    type X = Array2<T>;
    fn pull(&self, l_bar: &Array2<T>) -> Array2<T> {
        let p = phi(self.l.t().dot(l_bar));
        let y = lower_t_solve(&self.l, p.view());
        let s = lower_t_solve(&self.l, y.t());
        sym(&s.t())
    }
    fn push(&self, a_dot: &Array2<T>) -> Array2<T> {
        let z = lower_solve(&self.l, sym(&a_dot.view()).view());
        let w = lower_solve(&self.l, z.t());
        self.l.dot(&phi(w.reversed_axes()))
    }
}

#[track_caller]
pub(crate) fn cholesky_partial<T: Real + LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
) -> (Array2<T>, CholeskyPartial<T>) {
    let l = factor(&a.view());
    (l.clone(), CholeskyPartial { l })
}
