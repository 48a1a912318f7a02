//! LU factorisation with partial pivoting, and `solve`, `inv`, `det`, `ln_abs_det` with their
//! partials.

use super::{RhsDim, check_square};
use crate::{Partial, Real};
use core::marker::PhantomData;
use ndarray::{Array, Array2, ArrayBase, ArrayView2, Data, LinalgScalar, Zip};
use std::sync::Arc;

/// `P A = L U` of a square matrix: `L` unit lower triangular (below the diagonal of `lu`),
/// `U` upper triangular (on and above it), `P` the row permutation.
#[derive(Clone, Debug)]
pub(crate) struct Lu<T> {
    n: usize,
    /// Row-major `n × n`.
    lu: Vec<T>,
    /// Row `i` of `P A` is row `perm[i]` of `A`.
    perm: Vec<usize>,
    /// `det P`.
    sign: T,
    /// Some pivot is exactly zero.
    singular: bool,
}

/// Factors `a`, checking that it is square.
#[track_caller]
pub(crate) fn factor<T: Real>(op: &str, a: &ArrayView2<T>) -> Lu<T> {
    check_square(op, a.shape());
    Lu::new(a)
}

impl<T: Real> Lu<T> {
    /// Doolittle elimination by rows, choosing the largest pivot in each column. A column
    /// without a nonzero pivot is skipped, as LAPACK's `getrf` does, and marks the matrix
    /// singular.
    fn new(a: &ArrayView2<T>) -> Self {
        let n = a.nrows();
        let mut lu: Vec<T> = a.iter().copied().collect();
        let mut perm: Vec<usize> = (0..n).collect();
        let (mut sign, mut singular) = (T::one(), false);
        for k in 0..n {
            let mut p = k;
            let mut best = lu[k * n + k].abs();
            for i in k + 1..n {
                let v = lu[i * n + k].abs();
                if v > best {
                    best = v;
                    p = i;
                }
            }
            if p != k {
                for j in 0..n {
                    lu.swap(k * n + j, p * n + j);
                }
                perm.swap(k, p);
                sign = -sign;
            }
            let pivot = lu[k * n + k];
            if pivot == T::zero() {
                singular = true;
                continue;
            }
            let (top, bottom) = lu.split_at_mut((k + 1) * n);
            let row_k = &top[k * n..];
            for row in bottom.chunks_exact_mut(n) {
                let l = row[k] / pivot;
                row[k] = l;
                if l != T::zero() {
                    for (r, &u) in row[k + 1..].iter_mut().zip(&row_k[k + 1..]) {
                        *r -= l * u;
                    }
                }
            }
        }
        Lu { n, lu, perm, sign, singular }
    }

    pub(crate) fn is_singular(&self) -> bool {
        self.singular
    }

    #[track_caller]
    pub(crate) fn assert_regular(&self, op: &str) {
        assert!(!self.singular, "{op}: the {n}x{n} matrix is singular", n = self.n);
    }

    fn diag(&self) -> impl Iterator<Item = T> + '_ {
        (0..self.n).map(move |i| self.lu[i * self.n + i])
    }

    pub(crate) fn det(&self) -> T {
        self.diag().fold(self.sign, |d, u| d * u)
    }

    pub(crate) fn ln_abs_det(&self) -> T {
        self.diag().fold(T::zero(), |s, u| s + u.abs().ln())
    }

    pub(crate) fn det_sign(&self) -> T {
        if self.singular { T::zero() } else { self.diag().fold(self.sign, |s, u| if u < T::zero() { -s } else { s }) }
    }

    /// `A⁻¹ B` for an `n × k` matrix `B`; the matrix must be regular.
    pub(crate) fn solve(&self, b: &ArrayView2<T>) -> Array2<T> {
        let (n, k) = (self.n, b.ncols());
        debug_assert!(!self.singular && b.nrows() == n);
        if k == 0 {
            return Array2::zeros((n, 0));
        }
        let mut x: Vec<T> = Vec::with_capacity(n * k);
        for &p in &self.perm {
            x.extend(b.row(p).iter().copied());
        }
        // L z = P b, L unit lower triangular.
        for i in 0..n {
            let (done, rest) = x.split_at_mut(i * k);
            let row = &mut rest[..k];
            for (j, done_j) in done.chunks_exact(k).enumerate() {
                let l = self.lu[i * n + j];
                if l != T::zero() {
                    axpy(row, -l, done_j);
                }
            }
        }
        // U x = z.
        self.upper_solve(&mut x, k);
        Array2::from_shape_vec((n, k), x).expect("n × k")
    }

    /// `U x = z` in place, rows of `k` columns.
    fn upper_solve(&self, x: &mut [T], k: usize) {
        let n = self.n;
        for i in (0..n).rev() {
            let (head, tail) = x.split_at_mut((i + 1) * k);
            let row = &mut head[i * k..];
            for (j, tail_j) in tail.chunks_exact(k).enumerate() {
                let u = self.lu[i * n + i + 1 + j];
                if u != T::zero() {
                    axpy(row, -u, tail_j);
                }
            }
            let d = self.lu[i * n + i];
            row.iter_mut().for_each(|v| *v /= d);
        }
    }

    /// `A⁻ᵀ B` for an `n × k` matrix `B`; the matrix must be regular.
    pub(crate) fn solve_t(&self, b: &ArrayView2<T>) -> Array2<T> {
        let (n, k) = (self.n, b.ncols());
        debug_assert!(!self.singular && b.nrows() == n);
        if k == 0 {
            return Array2::zeros((n, 0));
        }
        // Aᵀ = Uᵀ Lᵀ P: Uᵀ z = b, Lᵀ w = z, x = Pᵀ w.
        let mut z: Vec<T> = b.iter().copied().collect();
        for i in 0..n {
            let (done, rest) = z.split_at_mut(i * k);
            let row = &mut rest[..k];
            for (j, done_j) in done.chunks_exact(k).enumerate() {
                let u = self.lu[j * n + i];
                if u != T::zero() {
                    axpy(row, -u, done_j);
                }
            }
            let d = self.lu[i * n + i];
            row.iter_mut().for_each(|v| *v /= d);
        }
        for i in (0..n).rev() {
            let (head, tail) = z.split_at_mut((i + 1) * k);
            let row = &mut head[i * k..];
            for (j, tail_j) in tail.chunks_exact(k).enumerate() {
                let l = self.lu[(i + 1 + j) * n + i];
                if l != T::zero() {
                    axpy(row, -l, tail_j);
                }
            }
        }
        let mut x = Array2::zeros((n, k));
        for (i, w) in z.chunks_exact(k).enumerate() {
            x.row_mut(self.perm[i]).iter_mut().zip(w).for_each(|(x, &w)| *x = w);
        }
        x
    }

    /// `A⁻¹`; the matrix must be regular.
    pub(crate) fn inverse(&self) -> Array2<T> {
        self.solve(&Array2::eye(self.n).view())
    }
}

/// `y += a x`.
#[inline]
fn axpy<T: Real>(y: &mut [T], a: T, x: &[T]) {
    for (y, &x) in y.iter_mut().zip(x) {
        *y += a * x;
    }
}

/// Checks the operands of `solve`, naming both shapes.
#[track_caller]
fn check_solve(a: &[usize], b: &[usize]) {
    assert!(
        a[0] == a[1] && b[0] == a[0],
        "solve: shapes {a:?} and {b:?} do not match (the matrix must be square, with as many rows as the right-hand side)"
    );
}

#[track_caller]
pub(crate) fn solve_value<T: Real + LinalgScalar, S: Data<Elem = T>, E: RhsDim>(
    a: &ArrayView2<T>,
    b: &ArrayBase<S, E>,
) -> Array<T, E> {
    check_solve(a.shape(), b.shape());
    let lu = Lu::new(a);
    lu.assert_regular("solve");
    E::from_columns(lu.solve(&E::as_columns(b.view())))
}

#[track_caller]
pub(crate) fn inv_value<T: Real + LinalgScalar>(a: &ArrayView2<T>) -> Array2<T> {
    let lu = factor("inv", a);
    lu.assert_regular("inv");
    lu.inverse()
}

/// The partial of `x = a.solve(&b)` with respect to `a`: the factors of `a` and the solution
/// `x`; `Ā = −A⁻ᵀ X̄ Xᵀ`, `Ẋ = −A⁻¹ Ȧ X`.
#[derive(Clone, Debug)]
pub struct SolveLhs<T, E: ndarray::Dimension> {
    lu: Arc<Lu<T>>,
    x: Array<T, E>,
}

/// The partial of `x = a.solve(&b)` with respect to `b`: the factors of `a`;
/// `B̄ = A⁻ᵀ X̄`, `Ẋ = A⁻¹ Ḃ`.
#[derive(Clone, Debug)]
pub struct SolveRhs<T, E> {
    lu: Arc<Lu<T>>,
    _e: PhantomData<E>,
}

impl<T: Real + LinalgScalar, E: RhsDim> Partial<Array<T, E>> for SolveLhs<T, E> {
    type X = Array2<T>;
    fn pull(&self, x_bar: &Array<T, E>) -> Array2<T> {
        let b_bar = self.lu.solve_t(&E::as_columns(x_bar.view()));
        let x = E::as_columns(self.x.view());
        b_bar.dot(&x.t()).mapv_into(|v| -v)
    }
    fn push(&self, a_dot: &Array2<T>) -> Array<T, E> {
        let ax = a_dot.dot(&E::as_columns(self.x.view()));
        E::from_columns(self.lu.solve(&ax.view()).mapv_into(|v| -v))
    }
}

impl<T: Real + LinalgScalar, E: RhsDim> Partial<Array<T, E>> for SolveRhs<T, E> {
    type X = Array<T, E>;
    fn pull(&self, x_bar: &Array<T, E>) -> Array<T, E> {
        E::from_columns(self.lu.solve_t(&E::as_columns(x_bar.view())))
    }
    fn push(&self, b_dot: &Array<T, E>) -> Array<T, E> {
        E::from_columns(self.lu.solve(&E::as_columns(b_dot.view())))
    }
}

#[track_caller]
#[allow(clippy::type_complexity)]
pub(crate) fn solve_partial<T: Real + LinalgScalar, S: Data<Elem = T>, S2: Data<Elem = T>, E: RhsDim>(
    a: &ArrayBase<S, ndarray::Ix2>,
    b: &ArrayBase<S2, E>,
) -> (Array<T, E>, (SolveLhs<T, E>, SolveRhs<T, E>)) {
    check_solve(a.shape(), b.shape());
    let lu = Lu::new(&a.view());
    lu.assert_regular("solve");
    let x = E::from_columns(lu.solve(&E::as_columns(b.view())));
    let lu = Arc::new(lu);
    let lhs = SolveLhs { lu: lu.clone(), x: x.clone() };
    (x, (lhs, SolveRhs { lu, _e: PhantomData }))
}

/// The partial of `y = a.inv()`: the inverse `Y`; `Ā = −Yᵀ Ȳ Yᵀ`, `Ẏ = −Y Ȧ Y`.
#[derive(Clone, Debug)]
pub struct InvPartial<T> {
    y: Array2<T>,
}

impl<T: Real + LinalgScalar> Partial<Array2<T>> for InvPartial<T> {
    type X = Array2<T>;
    fn pull(&self, y_bar: &Array2<T>) -> Array2<T> {
        let yt = self.y.t();
        yt.dot(y_bar).dot(&yt).mapv_into(|v| -v)
    }
    fn push(&self, a_dot: &Array2<T>) -> Array2<T> {
        self.y.dot(a_dot).dot(&self.y).mapv_into(|v| -v)
    }
}

#[track_caller]
pub(crate) fn inv_partial<T: Real + LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, ndarray::Ix2>,
) -> (Array2<T>, InvPartial<T>) {
    let y = inv_value(&a.view());
    (y.clone(), InvPartial { y })
}

/// The partial of `d = a.det()`: the cofactor matrix `cof A = d A⁻ᵀ` (for a singular `A`,
/// computed from the `(n−1) × (n−1)` minors); `Ā = d̄ cof A`, `ḋ = ⟨cof A, Ȧ⟩`.
#[derive(Clone, Debug)]
pub struct DetPartial<T> {
    cof: Array2<T>,
}

impl<T: Real> Partial<T> for DetPartial<T> {
    type X = Array2<T>;
    fn pull(&self, d_bar: &T) -> Array2<T> {
        self.cof.mapv(|c| c * *d_bar)
    }
    #[track_caller]
    fn push(&self, a_dot: &Array2<T>) -> T {
        assert_eq!(
            self.cof.shape(),
            a_dot.shape(),
            "det: tangent of shape {:?} for a matrix of shape {:?}",
            a_dot.shape(),
            self.cof.shape()
        );
        Zip::from(&self.cof).and(a_dot).fold(T::zero(), |s, &c, &t| s + c * t)
    }
}

/// The cofactor matrix of `a`: `det(A) A⁻ᵀ` when `A` is regular; otherwise each cofactor is a
/// signed `(n−1) × (n−1)` minor (`O(n⁵)`, for exactly singular matrices only).
fn cofactors<T: Real>(a: &ArrayView2<T>, lu: &Lu<T>) -> Array2<T> {
    let n = lu.n;
    if !lu.singular {
        let d = lu.det();
        return lu.solve_t(&Array2::eye(n).view()).mapv_into(|v| v * d);
    }
    Array2::from_shape_fn((n, n), |(i, j)| {
        let minor = Array2::from_shape_fn((n - 1, n - 1), |(r, c)| {
            a[[if r < i { r } else { r + 1 }, if c < j { c } else { c + 1 }]]
        });
        let m = Lu::new(&minor.view()).det();
        if (i + j) % 2 == 0 { m } else { -m }
    })
}

#[track_caller]
pub(crate) fn det_partial<T: Real, S: Data<Elem = T>>(a: &ArrayBase<S, ndarray::Ix2>) -> (T, DetPartial<T>) {
    let a = a.view();
    let lu = factor("det", &a);
    (lu.det(), DetPartial { cof: cofactors(&a, &lu) })
}

/// The partial of `ℓ = a.ln_abs_det()`: `A⁻ᵀ`; `Ā = ℓ̄ A⁻ᵀ`, `ℓ̇ = ⟨A⁻ᵀ, Ȧ⟩`. At a singular
/// matrix, where `ℓ = −∞` and the derivative is unbounded, pulling or pushing panics.
#[derive(Clone, Debug)]
pub struct LnAbsDetPartial<T> {
    /// `None` for a singular matrix.
    inv_t: Option<Array2<T>>,
    n: usize,
}

impl<T: Real> LnAbsDetPartial<T> {
    #[track_caller]
    fn inv_t(&self) -> &Array2<T> {
        match &self.inv_t {
            Some(m) => m,
            None => panic!("ln_abs_det: no derivative at the singular {n}x{n} matrix", n = self.n),
        }
    }
}

impl<T: Real> Partial<T> for LnAbsDetPartial<T> {
    type X = Array2<T>;
    #[track_caller]
    fn pull(&self, l_bar: &T) -> Array2<T> {
        self.inv_t().mapv(|c| c * *l_bar)
    }
    #[track_caller]
    fn push(&self, a_dot: &Array2<T>) -> T {
        let m = self.inv_t();
        assert_eq!(
            m.shape(),
            a_dot.shape(),
            "ln_abs_det: tangent of shape {:?} for a matrix of shape {:?}",
            a_dot.shape(),
            m.shape()
        );
        Zip::from(m).and(a_dot).fold(T::zero(), |s, &c, &t| s + c * t)
    }
}

#[track_caller]
pub(crate) fn ln_abs_det_partial<T: Real, S: Data<Elem = T>>(
    a: &ArrayBase<S, ndarray::Ix2>,
) -> (T, LnAbsDetPartial<T>) {
    let lu = factor("ln_abs_det", &a.view());
    let inv_t = (!lu.is_singular()).then(|| lu.solve_t(&Array2::eye(lu.n).view()));
    (lu.ln_abs_det(), LnAbsDetPartial { inv_t, n: lu.n })
}
