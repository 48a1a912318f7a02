//! Direct convolution of one- and two-dimensional arrays with `scipy.signal.convolve`'s modes,
//! and its partials.
//!
//! Every mode is a crop of the full convolution `f[i] = Σⱼ x[i − j] k[j]` (`0 ≤ i < n + m − 1`
//! along each axis), `y[o] = f[o + s]` for `0 ≤ o < len`:
//!
//! | mode | `s` | `len` |
//! |---|---|---|
//! | `Full` | `0` | `n + m − 1` |
//! | `Valid` | `min(n, m) − 1` | `|n − m| + 1` |
//! | `Same` | `⌊(m − 1)/2⌋` | `n` |
//!
//! as in scipy (`_centered` for `same`, which starts at `(len(full) − n) // 2`; the swap of
//! the inputs in `valid` mode when the kernel is the larger, convolution being commutative;
//! the C kernel of `convolve2d` starts `same` at `(m − 1) >> 1` likewise). The cotangent of
//! `x` is `x̄[a] = Σⱼ ȳ[a + j − s] k[j]`, that of `k` is `k̄[j] = Σₐ ȳ[a + j − s] x[a]`: the
//! output cotangent, zero-padded back to the full convolution's extent, correlated with the
//! other input.

use super::sealed::Sealed;
use crate::{Partial, Real};
use core::marker::PhantomData;
use ndarray::{Array, Array2, ArrayBase, ArrayView, ArrayView2, Axis, Data, Dimension, Ix1, Ix2};

/// Which part of the full convolution to keep, as in `scipy.signal.convolve`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The full discrete linear convolution, `n + m − 1` elements along each axis.
    Full,
    /// The elements that do not depend on the zero padding, `|n − m| + 1` along each axis.
    Valid,
    /// The shape of the first input, centred on the full convolution (starting at
    /// `⌊(m − 1)/2⌋`).
    Same,
}

/// The dimension of a convolution's operands: one- or two-dimensional.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not the dimension of a convolution",
    note = "`convolve_*` convolves one-dimensional arrays, `convolve2d_*` two-dimensional ones"
)]
pub trait ConvDim: Dimension + Sealed {
    /// The array as a matrix (a vector is one row).
    #[doc(hidden)]
    fn as_2d<T>(a: ArrayView<'_, T, Self>) -> ArrayView2<'_, T>;
    /// The inverse of [`as_2d`](ConvDim::as_2d).
    #[doc(hidden)]
    fn from_2d<T>(a: Array2<T>) -> Array<T, Self>;
}

impl ConvDim for Ix1 {
    fn as_2d<T>(a: ArrayView<'_, T, Ix1>) -> ArrayView2<'_, T> {
        a.insert_axis(Axis(0))
    }
    fn from_2d<T>(a: Array2<T>) -> Array<T, Ix1> {
        a.index_axis_move(Axis(0), 0)
    }
}

impl ConvDim for Ix2 {
    fn as_2d<T>(a: ArrayView2<'_, T>) -> ArrayView2<'_, T> {
        a
    }
    fn from_2d<T>(a: Array2<T>) -> Array2<T> {
        a
    }
}

/// The crop of the full convolution: `y[o] = full[o + start]` for `o < len`, per axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Plan {
    start: [usize; 2],
    len: [usize; 2],
}

#[track_caller]
fn plan(op: &str, mode: Mode, x: &[usize], k: &[usize], x2: [usize; 2], k2: [usize; 2]) -> Plan {
    assert!(x2.iter().chain(&k2).all(|&n| n > 0), "{op}: cannot convolve an empty array: shapes {x:?} and {k:?}");
    if mode == Mode::Valid {
        let x_larger = (0..2).all(|a| x2[a] >= k2[a]);
        let k_larger = (0..2).all(|a| k2[a] >= x2[a]);
        assert!(
            x_larger || k_larger,
            "{op}: in 'valid' mode one input must be at least as large as the other along every axis, got shapes {x:?} and {k:?}"
        );
    }
    let axis = |a: usize| {
        let (n, m) = (x2[a], k2[a]);
        match mode {
            Mode::Full => (0, n + m - 1),
            Mode::Valid => (n.min(m) - 1, n.abs_diff(m) + 1),
            Mode::Same => ((m - 1) / 2, n),
        }
    };
    let ((s0, l0), (s1, l1)) = (axis(0), axis(1));
    Plan { start: [s0, s1], len: [l0, l1] }
}

fn dims<T>(a: &ArrayView2<T>) -> [usize; 2] {
    [a.nrows(), a.ncols()]
}

/// `out[o] = Σ_q u[o + start − q] v[q]` for `o < len` (terms with `u` out of range are zero).
fn conv<T: Real>(u: ArrayView2<T>, v: ArrayView2<T>, plan: Plan) -> Array2<T> {
    let (u, v) = (u.as_standard_layout(), v.as_standard_layout());
    let (us, vs) = (u.as_slice().expect("standard layout"), v.as_slice().expect("standard layout"));
    let ([nu0, nu1], [nv0, nv1]) = (dims(&u.view()), dims(&v.view()));
    Array2::from_shape_fn((plan.len[0], plan.len[1]), |(o0, o1)| {
        let (c0, c1) = (o0 + plan.start[0], o1 + plan.start[1]);
        let (q0_lo, q0_hi) = ((c0 + 1).saturating_sub(nu0), (c0 + 1).min(nv0));
        let (q1_lo, q1_hi) = ((c1 + 1).saturating_sub(nu1), (c1 + 1).min(nv1));
        let mut acc = T::zero();
        for q0 in q0_lo..q0_hi {
            let (ur, vr) = ((c0 - q0) * nu1, q0 * nv1);
            for q1 in q1_lo..q1_hi {
                acc += us[ur + c1 - q1] * vs[vr + q1];
            }
        }
        acc
    })
}

/// `out[p] = Σ_q u[p + q − start] v[q]` for `p < len` (terms with `u` out of range are zero):
/// the reverse of [`conv`] with respect to either operand.
fn corr<T: Real>(u: ArrayView2<T>, v: ArrayView2<T>, start: [usize; 2], len: [usize; 2]) -> Array2<T> {
    let (u, v) = (u.as_standard_layout(), v.as_standard_layout());
    let (us, vs) = (u.as_slice().expect("standard layout"), v.as_slice().expect("standard layout"));
    let ([nu0, nu1], [nv0, nv1]) = (dims(&u.view()), dims(&v.view()));
    let range = |p: usize, s: usize, nu: usize, nv: usize| {
        // q with 0 ≤ p + q − s < nu and 0 ≤ q < nv.
        let lo = s.saturating_sub(p);
        let hi = (nu + s).saturating_sub(p).min(nv);
        (lo, hi.max(lo))
    };
    Array2::from_shape_fn((len[0], len[1]), |(p0, p1)| {
        let (q0_lo, q0_hi) = range(p0, start[0], nu0, nv0);
        let (q1_lo, q1_hi) = range(p1, start[1], nu1, nv1);
        let mut acc = T::zero();
        for q0 in q0_lo..q0_hi {
            let (ur, vr) = ((p0 + q0 - start[0]) * nu1, q0 * nv1);
            for q1 in q1_lo..q1_hi {
                acc += us[ur + p1 + q1 - start[1]] * vs[vr + q1];
            }
        }
        acc
    })
}

#[track_caller]
pub(crate) fn convolve_value<T: Real, S2: Data<Elem = T>, D: ConvDim>(
    op: &str,
    mode: Mode,
    x: &ArrayView<T, D>,
    k: &ArrayBase<S2, D>,
) -> Array<T, D> {
    let (x2, k2) = (D::as_2d(x.view()), D::as_2d(k.view()));
    let plan = plan(op, mode, x.shape(), k.shape(), dims(&x2), dims(&k2));
    D::from_2d(conv(x2, k2, plan))
}

/// The partial of a convolution `y = x.convolve_*(&k)` with respect to the signal `x`: the
/// kernel `k` and the crop; `x̄[a] = Σⱼ ȳ[a + j − s] k[j]`, `ẏ = ẋ ∗ k` cropped.
#[derive(Clone, Debug)]
pub struct ConvolveLhs<T, D> {
    k: Array2<T>,
    x_dim: [usize; 2],
    plan: Plan,
    _d: PhantomData<D>,
}

/// The partial of a convolution `y = x.convolve_*(&k)` with respect to the kernel `k`: the
/// signal `x` and the crop; `k̄[j] = Σₐ ȳ[a + j − s] x[a]`, `ẏ = x ∗ k̇` cropped.
#[derive(Clone, Debug)]
pub struct ConvolveRhs<T, D> {
    x: Array2<T>,
    k_dim: [usize; 2],
    plan: Plan,
    _d: PhantomData<D>,
}

#[track_caller]
fn check_tangent(what: &str, expected: [usize; 2], got: [usize; 2], shape: &[usize]) {
    assert!(expected == got, "convolve: {what} of shape {shape:?} does not match the convolution's operands");
}

impl<T: Real, D: ConvDim> Partial<Array<T, D>> for ConvolveLhs<T, D> {
    type X = Array<T, D>;
    #[track_caller]
    fn pull(&self, y_bar: &Array<T, D>) -> Array<T, D> {
        let yb = D::as_2d(y_bar.view());
        check_tangent("cotangent", self.plan.len, dims(&yb), y_bar.shape());
        D::from_2d(corr(yb, self.k.view(), self.plan.start, self.x_dim))
    }
    #[track_caller]
    fn push(&self, x_dot: &Array<T, D>) -> Array<T, D> {
        let xd = D::as_2d(x_dot.view());
        check_tangent("tangent", self.x_dim, dims(&xd), x_dot.shape());
        D::from_2d(conv(xd, self.k.view(), self.plan))
    }
}

impl<T: Real, D: ConvDim> Partial<Array<T, D>> for ConvolveRhs<T, D> {
    type X = Array<T, D>;
    #[track_caller]
    fn pull(&self, y_bar: &Array<T, D>) -> Array<T, D> {
        let yb = D::as_2d(y_bar.view());
        check_tangent("cotangent", self.plan.len, dims(&yb), y_bar.shape());
        D::from_2d(corr(yb, self.x.view(), self.plan.start, self.k_dim))
    }
    #[track_caller]
    fn push(&self, k_dot: &Array<T, D>) -> Array<T, D> {
        let kd = D::as_2d(k_dot.view());
        check_tangent("tangent", self.k_dim, dims(&kd), k_dot.shape());
        D::from_2d(conv(self.x.view(), kd, self.plan))
    }
}

#[track_caller]
#[allow(clippy::type_complexity)]
pub(crate) fn convolve_partial<T: Real, S: Data<Elem = T>, S2: Data<Elem = T>, D: ConvDim>(
    op: &str,
    mode: Mode,
    x: &ArrayBase<S, D>,
    k: &ArrayBase<S2, D>,
) -> (Array<T, D>, (ConvolveLhs<T, D>, ConvolveRhs<T, D>)) {
    let (x2, k2) = (D::as_2d(x.view()), D::as_2d(k.view()));
    let (x_dim, k_dim) = (dims(&x2), dims(&k2));
    let plan = plan(op, mode, x.shape(), k.shape(), x_dim, k_dim);
    let y = D::from_2d(conv(x2.view(), k2.view(), plan));
    let lhs = ConvolveLhs { k: k2.to_owned(), x_dim, plan, _d: PhantomData };
    let rhs = ConvolveRhs { x: x2.to_owned(), k_dim, plan, _d: PhantomData };
    (y, (lhs, rhs))
}
