//! Linear algebra and convolution rules: `solve`, `inv`, `det`, `ln_abs_det`, `cholesky`,
//! and `convolve_{full,valid,same}`, `convolve2d_{full,valid,same}`.
//!
//! The primal methods are those of [`LinalgExt`](crate::LinalgExt); the partials and the
//! sources of the formulas are in [`crate::linalg`].

use super::{Partial, combine};
use crate::linalg::{
    CholeskyPartial, ConvolveLhs, ConvolveRhs, DetPartial, InvPartial, LnAbsDetPartial, Mode, RhsDim, SolveLhs,
    SolveRhs,
};
use crate::{Real, linalg};
use ndarray::{Array, Array2, ArrayBase, Data, Ix1, Ix2, LinalgScalar};

/// `x = a⁻¹ b` (`a.solve(&b)` from [`LinalgExt`](crate::LinalgExt)), for `b` a vector or a
/// matrix. The partials share the LU factors of `a`; the one of `a` also keeps `x`.
///
/// # Panics
/// If `a` is not square or does not have as many rows as `b` (naming both shapes), or if `a`
/// is singular.
///
/// ```
/// use ndarray::array;
/// let (x, _) = autodiff_runtime::ops::solve(&array![[1.0f64, 2.0], [3.0, 5.0]], &array![1.0, 2.0]);
/// assert!((x - array![-1.0, 1.0]).iter().all(|e| e.abs() < 1e-12));
/// ```
#[track_caller]
#[allow(clippy::type_complexity)]
pub fn solve<T: Real + LinalgScalar, S: Data<Elem = T>, S2: Data<Elem = T>, E: RhsDim>(
    a: &ArrayBase<S, Ix2>,
    b: &ArrayBase<S2, E>,
) -> (Array<T, E>, (SolveLhs<T, E>, SolveRhs<T, E>)) {
    linalg::solve_partial(a, b)
}

/// Forward mode of [`solve`]: `ẋ = a⁻¹ (ḃ − ȧ x)`; `None` marks a constant input.
#[track_caller]
pub fn solve_jvp<T: Real + LinalgScalar, S: Data<Elem = T>, S2: Data<Elem = T>, E: RhsDim>(
    a: &ArrayBase<S, Ix2>,
    b: &ArrayBase<S2, E>,
    a_dot: Option<&Array2<T>>,
    b_dot: Option<&Array<T, E>>,
) -> (Array<T, E>, Array<T, E>) {
    let (y, (d0, d1)) = solve(a, b);
    let t = combine(&y, &d0, &d1, a_dot, b_dot);
    (y, t)
}

pull_vjp!(solve, solve_vjp);

/// `y = a⁻¹` (`a.inv()` from [`LinalgExt`](crate::LinalgExt)); the partial keeps `y`.
///
/// # Panics
/// If `a` is not square, or singular.
///
/// ```
/// use ndarray::array;
/// let (y, _) = autodiff_runtime::ops::inv(&array![[2.0f64, 0.0], [0.0, 4.0]]);
/// assert_eq!(y, array![[0.5, 0.0], [0.0, 0.25]]);
/// ```
#[track_caller]
pub fn inv<T: Real + LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> (Array2<T>, InvPartial<T>) {
    linalg::inv_partial(a)
}

/// Forward mode of [`inv`]: `ẏ = −y ȧ y`.
#[track_caller]
pub fn inv_jvp<T: Real + LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    a_dot: &Array2<T>,
) -> (Array2<T>, Array2<T>) {
    let (y, d) = inv(a);
    (y, d.push(a_dot))
}

unary_vjp!(inv, inv_vjp);

/// `d = det a` (`a.det()` from [`LinalgExt`](crate::LinalgExt)); the partial is the cofactor
/// matrix `d a⁻ᵀ`, computed from minors when `a` is singular.
///
/// # Panics
/// If `a` is not square.
///
/// ```
/// use ndarray::array;
/// let (d, _) = autodiff_runtime::ops::det(&array![[2.0f64, 1.0], [1.0, 3.0]]);
/// assert!((d - 5.0).abs() < 1e-15);
/// ```
#[track_caller]
pub fn det<T: Real + LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> (T, DetPartial<T>) {
    linalg::det_partial(a)
}

/// Forward mode of [`det`]: `ḋ = ⟨cof a, ȧ⟩ = d tr(a⁻¹ ȧ)`.
#[track_caller]
pub fn det_jvp<T: Real + LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>, a_dot: &Array2<T>) -> (T, T) {
    let (y, d) = det(a);
    (y, d.push(a_dot))
}

unary_vjp!(det, det_vjp);

/// `ℓ = ln |det a|` (`a.ln_abs_det()` from [`LinalgExt`](crate::LinalgExt)); the partial is
/// `a⁻ᵀ`. The sign of the determinant ([`det_sign`](crate::LinalgExt::det_sign)) has no rule.
///
/// # Panics
/// If `a` is not square. At a singular `a` the value is `−∞`, and pulling or pushing through
/// the partial panics.
///
/// ```
/// use ndarray::array;
/// let (l, _) = autodiff_runtime::ops::ln_abs_det(&array![[-2.0f64, 0.0], [0.0, 4.0]]);
/// assert!((l - 8f64.ln()).abs() < 1e-15);
/// ```
#[track_caller]
pub fn ln_abs_det<T: Real + LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> (T, LnAbsDetPartial<T>) {
    linalg::ln_abs_det_partial(a)
}

/// Forward mode of [`ln_abs_det`]: `ℓ̇ = tr(a⁻¹ ȧ)`.
#[track_caller]
pub fn ln_abs_det_jvp<T: Real + LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>, a_dot: &Array2<T>) -> (T, T) {
    let (y, d) = ln_abs_det(a);
    (y, d.push(a_dot))
}

unary_vjp!(ln_abs_det, ln_abs_det_vjp);

/// `L = cholesky(a)` (`a.cholesky()` from [`LinalgExt`](crate::LinalgExt)): lower triangular
/// with `L Lᵀ = (a + aᵀ)/2`; the partial keeps `L`.
///
/// # Panics
/// If `a` is not square, or not positive definite.
///
/// ```
/// use ndarray::array;
/// let (l, _) = autodiff_runtime::ops::cholesky(&array![[4.0f64, 2.0], [2.0, 5.0]]);
/// assert_eq!(l, array![[2.0, 0.0], [1.0, 2.0]]);
/// ```
#[track_caller]
pub fn cholesky<T: Real + LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S, Ix2>) -> (Array2<T>, CholeskyPartial<T>) {
    linalg::cholesky_partial(a)
}

/// Forward mode of [`cholesky`]: `L̇ = L Φ(L⁻¹ sym(ȧ) L⁻ᵀ)`.
#[track_caller]
pub fn cholesky_jvp<T: Real + LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S, Ix2>,
    a_dot: &Array2<T>,
) -> (Array2<T>, Array2<T>) {
    let (y, d) = cholesky(a);
    (y, d.push(a_dot))
}

unary_vjp!(cholesky, cholesky_vjp);

/// Convolution rules: `name(&x, &k) -> (y, (∂y/∂x, ∂y/∂k))`, `name_jvp`, `name_vjp`, for one
/// dimension and mode.
macro_rules! convolve_rules {
    ($($name:ident, $jvp:ident, $vjp:ident: $dim:ty, $mode:ident, $method:literal, $example:literal;)*) => {$(
        #[doc = concat!("`y = x ∗ k` in `", stringify!($mode), "` mode (`x.", stringify!($name), "(&k)` from [`LinalgExt`](crate::LinalgExt), `scipy.signal.", $method, "`).")]
        ///
        /// The partial of `x` keeps `k`, the partial of `k` keeps `x`.
        ///
        /// # Panics
        /// If an input is empty, or, in `Valid` mode, if neither input is at least as large as
        /// the other along every axis; naming both shapes.
        ///
        /// ```
        /// use ndarray::array;
        #[doc = $example]
        /// ```
        #[track_caller]
        pub fn $name<T: Real, S: Data<Elem = T>, S2: Data<Elem = T>>(
            x: &ArrayBase<S, $dim>,
            k: &ArrayBase<S2, $dim>,
        ) -> (Array<T, $dim>, (ConvolveLhs<T, $dim>, ConvolveRhs<T, $dim>)) {
            linalg::convolve_partial(stringify!($name), Mode::$mode, x, k)
        }

        #[doc = concat!("Forward mode of [`", stringify!($name), "`]: `ẏ = ẋ ∗ k + x ∗ k̇`; `None` marks a constant input.")]
        #[track_caller]
        pub fn $jvp<T: Real, S: Data<Elem = T>, S2: Data<Elem = T>>(
            x: &ArrayBase<S, $dim>,
            k: &ArrayBase<S2, $dim>,
            x_dot: Option<&Array<T, $dim>>,
            k_dot: Option<&Array<T, $dim>>,
        ) -> (Array<T, $dim>, Array<T, $dim>) {
            let (y, (d0, d1)) = $name(x, k);
            let t = combine(&y, &d0, &d1, x_dot, k_dot);
            (y, t)
        }

        pull_vjp!($name, $vjp);
    )*};
}

convolve_rules! {
    convolve_full, convolve_full_jvp, convolve_full_vjp: Ix1, Full, "convolve(x, k, mode='full')",
        "let (y, _) = autodiff_runtime::ops::convolve_full(&array![1.0f64, 2.0, 3.0], &array![0.0, 1.0, 0.5]);\nassert_eq!(y, array![0.0, 1.0, 2.5, 4.0, 1.5]);";
    convolve_valid, convolve_valid_jvp, convolve_valid_vjp: Ix1, Valid, "convolve(x, k, mode='valid')",
        "let (y, _) = autodiff_runtime::ops::convolve_valid(&array![1.0f64, 2.0, 3.0], &array![0.0, 1.0, 0.5]);\nassert_eq!(y, array![2.5]);";
    convolve_same, convolve_same_jvp, convolve_same_vjp: Ix1, Same, "convolve(x, k, mode='same')",
        "let (y, _) = autodiff_runtime::ops::convolve_same(&array![1.0f64, 2.0, 3.0], &array![0.0, 1.0, 0.5]);\nassert_eq!(y, array![1.0, 2.5, 4.0]);";
    convolve2d_full, convolve2d_full_jvp, convolve2d_full_vjp: Ix2, Full, "convolve2d(x, k, mode='full')",
        "let (y, _) = autodiff_runtime::ops::convolve2d_full(&array![[1.0f64, 2.0]], &array![[1.0], [-1.0]]);\nassert_eq!(y, array![[1.0, 2.0], [-1.0, -2.0]]);";
    convolve2d_valid, convolve2d_valid_jvp, convolve2d_valid_vjp: Ix2, Valid, "convolve2d(x, k, mode='valid')",
        "let (y, _) = autodiff_runtime::ops::convolve2d_valid(&array![[1.0f64, 2.0], [3.0, 4.0]], &array![[1.0, -1.0]]);\nassert_eq!(y, array![[1.0], [1.0]]);";
    convolve2d_same, convolve2d_same_jvp, convolve2d_same_vjp: Ix2, Same, "convolve2d(x, k, mode='same')",
        "let (y, _) = autodiff_runtime::ops::convolve2d_same(&array![[1.0f64, 2.0], [3.0, 4.0]], &array![[0.0, 1.0, 0.0]]);\nassert_eq!(y, array![[1.0, 2.0], [3.0, 4.0]]);";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Adjoint;
    use ndarray::{Array1, array};

    /// The `_vjp` functions accumulate the partials' pulls, and the `_jvp` functions combine
    /// their pushes.
    #[test]
    fn linalg_vjp_and_jvp_wrappers_use_the_partials() {
        let (a, b) = (array![[3.0f64, 1.0], [1.0, 2.0]], array![1.0, -1.0]);
        let (x, (pa, pb)) = solve(&a, &b);
        let x_bar = Adjoint::new(array![0.5, 2.0]);
        let (mut a_bar, mut b_bar) = (Adjoint::new(Array2::ones((2, 2))), Adjoint::zero());
        solve_vjp(&x_bar, &mut a_bar, &pa);
        solve_vjp(&x_bar, &mut b_bar, &pb);
        assert_eq!(a_bar.get().unwrap(), pa.pull(&array![0.5, 2.0]) + 1.0);
        assert_eq!(b_bar.get().unwrap(), pb.pull(&array![0.5, 2.0]));
        let (ad, bd) = (array![[0.1, 0.2], [0.3, 0.4]], array![1.0, 0.5]);
        let (y, t) = solve_jvp(&a, &b, Some(&ad), Some(&bd));
        assert_eq!(y, x);
        assert_eq!(t, pa.push(&ad) + pb.push(&bd));
        assert_eq!(solve_jvp(&a, &b, None, None).1, Array1::zeros(2));

        let (y, d) = det(&a);
        let mut a_bar = Adjoint::zero();
        det_vjp(Adjoint::new(2.0), &mut a_bar, d.clone());
        assert_eq!(a_bar.get().unwrap(), d.pull(&2.0));
        assert_eq!(det_jvp(&a, &ad), (y, d.push(&ad)));

        let (y, (px, pk)) = convolve_same(&b, &array![1.0, 2.0, 3.0]);
        let mut k_bar = Adjoint::zero();
        convolve_same_vjp(&Adjoint::new(array![1.0, 1.0]), &mut k_bar, &pk);
        assert_eq!(k_bar.get().unwrap(), pk.pull(&array![1.0, 1.0]));
        let t = convolve_same_jvp(&b, &array![1.0, 2.0, 3.0], Some(&bd), None);
        assert_eq!(t, (y, px.push(&bd)));
    }
}
