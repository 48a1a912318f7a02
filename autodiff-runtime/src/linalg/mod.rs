//! Dense linear algebra and convolution on `f64`/`f32` ndarray arrays, with their derivatives.
//!
//! Everything is written here, in Rust: LU factorisation with partial pivoting
//! ([`solve`](LinalgExt::solve), [`inv`](LinalgExt::inv), [`det`](LinalgExt::det),
//! [`ln_abs_det`](LinalgExt::ln_abs_det)), the Cholesky factorisation
//! ([`cholesky`](LinalgExt::cholesky)), and direct (not FFT) convolution with
//! `scipy.signal.convolve`'s `full`, `valid` and `same` modes. Matrix products inside the
//! derivatives run on ndarray's `dot` (matrixmultiply); there is no LAPACK or BLAS.
//!
//! Primal code calls the methods of [`LinalgExt`] (`use autodiff_runtime::LinalgExt;`);
//! `#[differentiable]` code calls the same methods, which map to the rules of the same names in
//! [`ops`](crate::ops) (`ops::solve`, `ops::inv`, `ops::det`, `ops::ln_abs_det`,
//! `ops::cholesky`, `ops::convolve_full`, ..., `ops::convolve2d_same`). The rules keep
//! the partial types of this module.
//!
//! # Derivatives
//!
//! With `X = A⁻¹B`, `Y = A⁻¹`, `d = det A`, and cotangents written with a bar (formulas of
//! M. Giles, *An extended collection of matrix derivative results for forward and reverse
//! mode algorithmic differentiation*, 2008, §2.2–2.3):
//!
//! | rule | forward | reverse |
//! |---|---|---|
//! | `solve` | `Ẋ = A⁻¹(Ḃ − Ȧ X)` | `B̄ = A⁻ᵀ X̄`, `Ā = −B̄ Xᵀ` |
//! | `inv` | `Ẏ = −Y Ȧ Y` | `Ā = −Yᵀ Ȳ Yᵀ` |
//! | `det` | `ḋ = ⟨cof A, Ȧ⟩` | `Ā = d̄ · cof A` (`cof A = d A⁻ᵀ`, from minors if `A` is singular) |
//! | `ln_abs_det` | `ℓ̇ = ⟨A⁻ᵀ, Ȧ⟩` | `Ā = ℓ̄ A⁻ᵀ` |
//! | `cholesky` | `L̇ = L Φ(L⁻¹ sym(Ȧ) L⁻ᵀ)` | `Ā = sym(L⁻ᵀ Φ(Lᵀ L̄) L⁻¹)` |
//!
//! where `sym(M) = (M + Mᵀ)/2` and `Φ` keeps the lower triangle and halves the diagonal (I.
//! Murray, *Differentiation of the Cholesky decomposition*, arXiv:1602.07527, 2016; the same
//! rule as JAX's `cholesky` JVP and autograd's `grad_cholesky`). Convolution is bilinear:
//! the cotangent of one input is the correlation of the zero-padded output cotangent with the
//! other input (that is, convolution with the flipped other input), each mode's cropping
//! undone by the padding.

mod cholesky;
mod convolve;
mod lu;
#[cfg(test)]
mod tests;

pub use cholesky::CholeskyPartial;
pub use convolve::{ConvDim, ConvolveLhs, ConvolveRhs, Mode};
pub use lu::{DetPartial, InvPartial, LnAbsDetPartial, SolveLhs, SolveRhs};

pub(crate) use cholesky::cholesky_partial;
pub(crate) use convolve::convolve_partial;
pub(crate) use lu::{det_partial, inv_partial, ln_abs_det_partial, solve_partial};

use crate::Real;
use ndarray::{
    Array, Array1, Array2, ArrayBase, ArrayView, ArrayView1, ArrayView2, Axis, Data, Ix1, Ix2, LinalgScalar,
};

mod sealed {
    pub trait Sealed {}
    impl<S: ndarray::RawData, D> Sealed for ndarray::ArrayBase<S, D> {}
    impl Sealed for ndarray::Ix1 {}
    impl Sealed for ndarray::Ix2 {}
}

/// A two-dimensional array: the receiver of the matrix methods of [`LinalgExt`].
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a matrix",
    note = "`solve`, `inv`, `det`, `ln_abs_det`, `det_sign`, `cholesky` and `convolve2d_*` are methods of two-dimensional arrays (`Array2`, `ArrayView2`)"
)]
pub trait Matrix<T>: sealed::Sealed {
    /// A view of the matrix.
    fn matrix(&self) -> ArrayView2<'_, T>;
}

impl<T, S: Data<Elem = T>> Matrix<T> for ArrayBase<S, Ix2> {
    fn matrix(&self) -> ArrayView2<'_, T> {
        self.view()
    }
}

/// A one-dimensional array: the receiver of the `convolve_*` methods of [`LinalgExt`].
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a one-dimensional signal",
    note = "`convolve_full`, `convolve_valid` and `convolve_same` are methods of one-dimensional arrays; use `convolve2d_*` on two-dimensional ones"
)]
pub trait Vector<T>: sealed::Sealed {
    /// A view of the vector.
    fn vector(&self) -> ArrayView1<'_, T>;
}

impl<T, S: Data<Elem = T>> Vector<T> for ArrayBase<S, Ix1> {
    fn vector(&self) -> ArrayView1<'_, T> {
        self.view()
    }
}

/// The dimension of a right-hand side of [`solve`](LinalgExt::solve): a vector (`Ix1`) or
/// a matrix of column vectors (`Ix2`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not the dimension of a right-hand side of `solve`",
    note = "the right-hand side of `a.solve(&b)` is a one- or two-dimensional array"
)]
pub trait RhsDim: ndarray::Dimension + sealed::Sealed {
    /// `b` as an `n × k` matrix (a vector is one column).
    #[doc(hidden)]
    fn as_columns<T>(b: ArrayView<'_, T, Self>) -> ArrayView2<'_, T>;
    /// The inverse of [`as_columns`](RhsDim::as_columns).
    #[doc(hidden)]
    fn from_columns<T>(x: Array2<T>) -> Array<T, Self>;
}

impl RhsDim for Ix1 {
    fn as_columns<T>(b: ArrayView1<'_, T>) -> ArrayView2<'_, T> {
        b.insert_axis(Axis(1))
    }
    fn from_columns<T>(x: Array2<T>) -> Array1<T> {
        x.index_axis_move(Axis(1), 0)
    }
}

impl RhsDim for Ix2 {
    fn as_columns<T>(b: ArrayView2<'_, T>) -> ArrayView2<'_, T> {
        b
    }
    fn from_columns<T>(x: Array2<T>) -> Array2<T> {
        x
    }
}

/// Linear algebra and convolution methods that ndarray lacks and `#[differentiable]` code
/// can call: import the trait (`use autodiff_runtime::LinalgExt;`) and write `a.solve(&b)`,
/// `a.ln_abs_det()`, `x.convolve_same(&k)`.
///
/// The matrix methods are methods of two-dimensional arrays ([`Matrix`]), the `convolve_*`
/// methods of one-dimensional ones ([`Vector`]); calling one on an array of the other kind
/// does not compile.
///
/// # Panics
///
/// On a shape mismatch, naming the operation and the shapes; `solve` and `inv` on a singular
/// matrix ("solve: the 3x3 matrix is singular"); `cholesky` on a matrix that is not positive
/// definite. A matrix counts as singular when elimination meets an exactly zero pivot (as in
/// LAPACK's `getrf`); a nearly singular matrix gives large, inaccurate results instead.
pub trait LinalgExt<T> {
    /// The solution `x` of `a x = b` (`numpy.linalg.solve`), for `b` a vector or a matrix
    /// whose columns are right-hand sides; by LU factorisation with partial pivoting.
    ///
    /// ```
    /// use autodiff_runtime::LinalgExt;
    /// use ndarray::array;
    /// let a = array![[1.0f64, 2.0], [3.0, 5.0]];
    /// let x = a.solve(&array![1.0, 2.0]);
    /// assert!((x - array![-1.0, 1.0]).iter().all(|e| e.abs() < 1e-12));
    /// let x = a.solve(&array![[1.0, 0.0], [2.0, 1.0]]);
    /// assert!((x - array![[-1.0, 2.0], [1.0, -1.0]]).iter().all(|e| e.abs() < 1e-12));
    /// ```
    fn solve<S2: Data<Elem = T>, E: RhsDim>(&self, b: &ArrayBase<S2, E>) -> Array<T, E>
    where
        Self: Matrix<T>;

    /// The inverse matrix (`numpy.linalg.inv`).
    ///
    /// ```
    /// use autodiff_runtime::LinalgExt;
    /// use ndarray::array;
    /// let a = array![[1.0f64, 2.0], [3.0, 4.0]];
    /// assert!((a.inv() - array![[-2.0, 1.0], [1.5, -0.5]]).iter().all(|e| e.abs() < 1e-12));
    /// ```
    fn inv(&self) -> Array2<T>
    where
        Self: Matrix<T>;

    /// The determinant (`numpy.linalg.det`): the signed product of the LU pivots, `0` for a
    /// singular matrix and `1` for a `0 × 0` one. It overflows for large matrices where
    /// [`ln_abs_det`](LinalgExt::ln_abs_det) does not.
    ///
    /// ```
    /// use autodiff_runtime::LinalgExt;
    /// use ndarray::array;
    /// let a = array![[1.0f64, 2.0], [3.0, 4.0]];
    /// assert!((a.det() + 2.0).abs() < 1e-15);
    /// ```
    fn det(&self) -> T
    where
        Self: Matrix<T>;

    /// `ln |det a|`, the magnitude part of `numpy.linalg.slogdet`, summed from the logarithms
    /// of the pivots so that it neither overflows nor underflows; `-∞` for a singular matrix.
    /// Its derivative is `a⁻ᵀ`. The sign is piecewise constant, hence not differentiable: it
    /// is the separate method [`det_sign`](LinalgExt::det_sign).
    ///
    /// ```
    /// use autodiff_runtime::LinalgExt;
    /// use ndarray::array;
    /// let a = array![[1.0f64, 2.0], [3.0, 4.0]];
    /// assert!((a.ln_abs_det() - 2f64.ln()).abs() < 1e-15);
    /// ```
    fn ln_abs_det(&self) -> T
    where
        Self: Matrix<T>;

    /// The sign of the determinant, `1`, `-1`, or `0` for a singular matrix (the sign part
    /// of `numpy.linalg.slogdet`). A plain method with no derivative rule: in
    /// `#[differentiable]` code its result is a constant.
    ///
    /// ```
    /// use autodiff_runtime::LinalgExt;
    /// use ndarray::array;
    /// assert_eq!(array![[1.0f64, 2.0], [3.0, 4.0]].det_sign(), -1.0);
    /// assert_eq!(array![[1.0f64, 2.0], [2.0, 4.0]].det_sign(), 0.0);
    /// ```
    fn det_sign(&self) -> T
    where
        Self: Matrix<T>;

    /// The lower-triangular Cholesky factor `L` with `a = L Lᵀ` (`numpy.linalg.cholesky`), for
    /// a symmetric positive-definite `a`.
    ///
    /// As JAX's `jnp.linalg.cholesky` does, it factors the symmetric part `(a + aᵀ)/2`, so
    /// that its derivative is the derivative of the function it computes for every
    /// perturbation: for a symmetric perturbation `ȧ` it is Murray's (and JAX's, and
    /// autograd's) `L̇ = L Φ(L⁻¹ ȧ L⁻ᵀ)`, and an antisymmetric perturbation changes nothing.
    /// The cotangent of `a` is accordingly symmetric.
    ///
    /// ```
    /// use autodiff_runtime::LinalgExt;
    /// use ndarray::array;
    /// let a = array![[4.0f64, 12.0, -16.0], [12.0, 37.0, -43.0], [-16.0, -43.0, 98.0]];
    /// assert_eq!(a.cholesky(), array![[2.0, 0.0, 0.0], [6.0, 1.0, 0.0], [-8.0, 5.0, 3.0]]);
    /// ```
    fn cholesky(&self) -> Array2<T>
    where
        Self: Matrix<T>;

    /// The full discrete linear convolution of two one-dimensional arrays
    /// (`scipy.signal.convolve(x, k, mode='full')`), of length `n + m − 1`:
    /// `y[i] = Σⱼ x[i − j] k[j]`.
    ///
    /// ```
    /// use autodiff_runtime::LinalgExt;
    /// use ndarray::array;
    /// let y = array![1.0f64, 2.0, 3.0].convolve_full(&array![0.0, 1.0, 0.5]);
    /// assert_eq!(y, array![0.0, 1.0, 2.5, 4.0, 1.5]);
    /// ```
    fn convolve_full<S2: Data<Elem = T>>(&self, k: &ArrayBase<S2, Ix1>) -> Array1<T>
    where
        Self: Vector<T>;

    /// The part of the full convolution that does not depend on the zero padding
    /// (`scipy.signal.convolve(x, k, mode='valid')`): `|n − m| + 1` elements, from index
    /// `min(n, m) − 1` of the full convolution. Either input may be the longer one.
    ///
    /// ```
    /// use autodiff_runtime::LinalgExt;
    /// use ndarray::array;
    /// let y = array![1.0f64, 2.0, 3.0].convolve_valid(&array![0.0, 1.0, 0.5]);
    /// assert_eq!(y, array![2.5]);
    /// ```
    fn convolve_valid<S2: Data<Elem = T>>(&self, k: &ArrayBase<S2, Ix1>) -> Array1<T>
    where
        Self: Vector<T>;

    /// The part of the full convolution of the length of `self`, centred
    /// (`scipy.signal.convolve(x, k, mode='same')`): `n` elements from index `(m − 1) / 2`
    /// (rounded down) of the full convolution; for an even kernel length `m` the extra
    /// element is dropped at the end.
    ///
    /// ```
    /// use autodiff_runtime::LinalgExt;
    /// use ndarray::array;
    /// let y = array![1.0f64, 2.0, 3.0].convolve_same(&array![0.0, 1.0, 0.5]);
    /// assert_eq!(y, array![1.0, 2.5, 4.0]);
    /// // Even kernel: full = [1, 3, 5, 7, 4]; `same` keeps its first four elements.
    /// let y = array![1.0f64, 2.0, 3.0, 4.0].convolve_same(&array![1.0, 1.0]);
    /// assert_eq!(y, array![1.0, 3.0, 5.0, 7.0]);
    /// ```
    fn convolve_same<S2: Data<Elem = T>>(&self, k: &ArrayBase<S2, Ix1>) -> Array1<T>
    where
        Self: Vector<T>;

    /// The convolution of two one-dimensional arrays in the given mode: the same as
    /// [`convolve_full`](LinalgExt::convolve_full), [`convolve_valid`](LinalgExt::convolve_valid)
    /// or [`convolve_same`](LinalgExt::convolve_same), for primal code that chooses the mode
    /// at run time. `#[differentiable]` code calls the three named methods, which have rules.
    ///
    /// ```
    /// use autodiff_runtime::LinalgExt;
    /// use autodiff_runtime::linalg::Mode;
    /// use ndarray::array;
    /// let (x, k) = (array![1.0f64, 2.0, 3.0], array![0.0, 1.0, 0.5]);
    /// assert_eq!(x.convolve(&k, Mode::Same), x.convolve_same(&k));
    /// ```
    fn convolve<S2: Data<Elem = T>>(&self, k: &ArrayBase<S2, Ix1>, mode: Mode) -> Array1<T>
    where
        Self: Vector<T>;

    /// The full two-dimensional convolution (`scipy.signal.convolve2d(x, k, mode='full')`,
    /// equal to `scipy.signal.convolve` on 2-D arrays), of shape `(n₀ + m₀ − 1, n₁ + m₁ − 1)`:
    /// `y[i₀, i₁] = Σⱼ x[i₀ − j₀, i₁ − j₁] k[j₀, j₁]`.
    ///
    /// ```
    /// use autodiff_runtime::LinalgExt;
    /// use ndarray::array;
    /// let y = array![[1.0f64, 2.0], [3.0, 4.0]].convolve2d_full(&array![[1.0, 1.0], [1.0, 1.0]]);
    /// assert_eq!(y, array![[1.0, 3.0, 2.0], [4.0, 10.0, 6.0], [3.0, 7.0, 4.0]]);
    /// ```
    fn convolve2d_full<S2: Data<Elem = T>>(&self, k: &ArrayBase<S2, Ix2>) -> Array2<T>
    where
        Self: Matrix<T>;

    /// The part of the full two-dimensional convolution that does not depend on the zero
    /// padding (`mode='valid'`), of shape `|n − m| + 1` along each axis. One input must be at
    /// least as large as the other along every axis.
    ///
    /// ```
    /// use autodiff_runtime::LinalgExt;
    /// use ndarray::array;
    /// let y = array![[1.0f64, 2.0], [3.0, 4.0]].convolve2d_valid(&array![[1.0, 1.0], [1.0, 1.0]]);
    /// assert_eq!(y, array![[10.0]]);
    /// ```
    fn convolve2d_valid<S2: Data<Elem = T>>(&self, k: &ArrayBase<S2, Ix2>) -> Array2<T>
    where
        Self: Matrix<T>;

    /// The part of the full two-dimensional convolution of the shape of `self`, centred
    /// (`mode='same'`): along each axis, from index `(m − 1) / 2` (rounded down) of the full
    /// convolution.
    ///
    /// ```
    /// use autodiff_runtime::LinalgExt;
    /// use ndarray::array;
    /// let y = array![[1.0f64, 2.0], [3.0, 4.0]].convolve2d_same(&array![[1.0, 1.0], [1.0, 1.0]]);
    /// assert_eq!(y, array![[1.0, 3.0], [4.0, 10.0]]);
    /// ```
    fn convolve2d_same<S2: Data<Elem = T>>(&self, k: &ArrayBase<S2, Ix2>) -> Array2<T>
    where
        Self: Matrix<T>;

    /// The two-dimensional convolution in the given mode, for primal code that chooses the
    /// mode at run time; `#[differentiable]` code calls the three named methods.
    ///
    /// ```
    /// use autodiff_runtime::LinalgExt;
    /// use autodiff_runtime::linalg::Mode;
    /// use ndarray::array;
    /// let (x, k) = (array![[1.0f64, 2.0], [3.0, 4.0]], array![[1.0, -1.0]]);
    /// assert_eq!(x.convolve2d(&k, Mode::Valid), x.convolve2d_valid(&k));
    /// ```
    fn convolve2d<S2: Data<Elem = T>>(&self, k: &ArrayBase<S2, Ix2>, mode: Mode) -> Array2<T>
    where
        Self: Matrix<T>;
}

impl<T: Real + LinalgScalar, S: Data<Elem = T>, D: ndarray::Dimension> LinalgExt<T> for ArrayBase<S, D> {
    #[track_caller]
    fn solve<S2: Data<Elem = T>, E: RhsDim>(&self, b: &ArrayBase<S2, E>) -> Array<T, E>
    where
        Self: Matrix<T>,
    {
        lu::solve_value(&self.matrix(), b)
    }

    #[track_caller]
    fn inv(&self) -> Array2<T>
    where
        Self: Matrix<T>,
    {
        lu::inv_value(&self.matrix())
    }

    #[track_caller]
    fn det(&self) -> T
    where
        Self: Matrix<T>,
    {
        lu::factor("det", &self.matrix()).det()
    }

    #[track_caller]
    fn ln_abs_det(&self) -> T
    where
        Self: Matrix<T>,
    {
        lu::factor("ln_abs_det", &self.matrix()).ln_abs_det()
    }

    #[track_caller]
    fn det_sign(&self) -> T
    where
        Self: Matrix<T>,
    {
        lu::factor("det_sign", &self.matrix()).det_sign()
    }

    #[track_caller]
    fn cholesky(&self) -> Array2<T>
    where
        Self: Matrix<T>,
    {
        cholesky::factor(&self.matrix())
    }

    #[track_caller]
    fn convolve_full<S2: Data<Elem = T>>(&self, k: &ArrayBase<S2, Ix1>) -> Array1<T>
    where
        Self: Vector<T>,
    {
        convolve::convolve_value("convolve_full", Mode::Full, &self.vector(), k)
    }

    #[track_caller]
    fn convolve_valid<S2: Data<Elem = T>>(&self, k: &ArrayBase<S2, Ix1>) -> Array1<T>
    where
        Self: Vector<T>,
    {
        convolve::convolve_value("convolve_valid", Mode::Valid, &self.vector(), k)
    }

    #[track_caller]
    fn convolve_same<S2: Data<Elem = T>>(&self, k: &ArrayBase<S2, Ix1>) -> Array1<T>
    where
        Self: Vector<T>,
    {
        convolve::convolve_value("convolve_same", Mode::Same, &self.vector(), k)
    }

    #[track_caller]
    fn convolve<S2: Data<Elem = T>>(&self, k: &ArrayBase<S2, Ix1>, mode: Mode) -> Array1<T>
    where
        Self: Vector<T>,
    {
        convolve::convolve_value("convolve", mode, &self.vector(), k)
    }

    #[track_caller]
    fn convolve2d_full<S2: Data<Elem = T>>(&self, k: &ArrayBase<S2, Ix2>) -> Array2<T>
    where
        Self: Matrix<T>,
    {
        convolve::convolve_value("convolve2d_full", Mode::Full, &self.matrix(), k)
    }

    #[track_caller]
    fn convolve2d_valid<S2: Data<Elem = T>>(&self, k: &ArrayBase<S2, Ix2>) -> Array2<T>
    where
        Self: Matrix<T>,
    {
        convolve::convolve_value("convolve2d_valid", Mode::Valid, &self.matrix(), k)
    }

    #[track_caller]
    fn convolve2d_same<S2: Data<Elem = T>>(&self, k: &ArrayBase<S2, Ix2>) -> Array2<T>
    where
        Self: Matrix<T>,
    {
        convolve::convolve_value("convolve2d_same", Mode::Same, &self.matrix(), k)
    }

    #[track_caller]
    fn convolve2d<S2: Data<Elem = T>>(&self, k: &ArrayBase<S2, Ix2>, mode: Mode) -> Array2<T>
    where
        Self: Matrix<T>,
    {
        convolve::convolve_value("convolve2d", mode, &self.matrix(), k)
    }
}

/// Checks that a matrix is square, naming the operation and the shape.
#[track_caller]
fn check_square(op: &str, shape: &[usize]) {
    assert!(shape[0] == shape[1], "{op}: expected a square matrix, got shape {shape:?}");
}
