//! Array rules: reductions, the transpose, products, `logsumexp` and `softmax`.
//!
//! Elementwise functions and arithmetic on arrays are the scalar rules of the other modules,
//! applied elementwise; the rules here change shapes.

use super::{Partial, combine};
use crate::Real;
use crate::array::sum as par_sum;
use crate::array::{Dot, Fill, FillAxis, LogSumExpPartial, OuterLhs, OuterRhs, SoftmaxPartial, Transpose, Weights};
use ndarray::{Array, Array1, Array2, ArrayBase, Axis, Data, Dimension, Ix1, RemoveAxis};

/// `y = Σ x` over all elements (`x.sum()`); `∂y/∂xᵢ = 1`.
///
/// ```
/// use ndarray::array;
/// let (y, _) = autodiff_runtime::ops::sum(&array![1.0f64, 2.0, 3.0]);
/// assert_eq!(y, 6.0);
/// ```
pub fn sum<T: Real, S: Data<Elem = T>, D: Dimension>(x: &ArrayBase<S, D>) -> (T, Fill<T, D>) {
    (par_sum(x), Fill::new(x.raw_dim(), T::one()))
}

/// Forward mode of [`sum`].
pub fn sum_jvp<T: Real, S: Data<Elem = T>, D: Dimension>(x: &ArrayBase<S, D>, x_dot: &Array<T, D>) -> (T, T) {
    (par_sum(x), par_sum(x_dot))
}

unary_vjp!(sum, sum_vjp);

/// `y = (1/n) Σ x` (`x.mean().unwrap()` in ndarray, which returns `None` for an empty
/// array); `∂y/∂xᵢ = 1/n`. The mean of an empty array is NaN here.
///
/// ```
/// use ndarray::array;
/// let (y, _) = autodiff_runtime::ops::mean(&array![1.0f64, 2.0, 3.0]);
/// assert_eq!(y, 2.0);
/// ```
pub fn mean<T: Real, S: Data<Elem = T>, D: Dimension>(x: &ArrayBase<S, D>) -> (T, Fill<T, D>) {
    let n = T::c(x.len() as f64);
    (par_sum(x) / n, Fill::new(x.raw_dim(), n.recip()))
}

/// Forward mode of [`mean`].
pub fn mean_jvp<T: Real, S: Data<Elem = T>, D: Dimension>(x: &ArrayBase<S, D>, x_dot: &Array<T, D>) -> (T, T) {
    let n = T::c(x.len() as f64);
    (par_sum(x) / n, par_sum(x_dot) / n)
}

unary_vjp!(mean, mean_vjp);

/// Checks an axis argument, naming the operation and the shape.
#[track_caller]
fn check_axis(op: &str, shape: &[usize], axis: Axis) {
    assert!(axis.index() < shape.len(), "{op}: axis {} is out of range for an array of shape {shape:?}", axis.index());
}

/// `y = Σₖ x` along `axis` (`x.sum_axis(axis)`).
///
/// ```
/// use ndarray::{array, Axis};
/// let (y, _) = autodiff_runtime::ops::sum_axis(&array![[1.0f64, 2.0], [3.0, 4.0]], Axis(0));
/// assert_eq!(y, array![4.0, 6.0]);
/// ```
#[track_caller]
pub fn sum_axis<T: Real, S: Data<Elem = T>, D: RemoveAxis>(
    x: &ArrayBase<S, D>,
    axis: Axis,
) -> (Array<T, D::Smaller>, FillAxis<T, D>) {
    check_axis("sum_axis", x.shape(), axis);
    (x.sum_axis(axis), FillAxis::new(x.raw_dim(), axis, T::one()))
}

/// Forward mode of [`sum_axis`].
#[track_caller]
pub fn sum_axis_jvp<T: Real, S: Data<Elem = T>, D: RemoveAxis>(
    x: &ArrayBase<S, D>,
    axis: Axis,
    x_dot: &Array<T, D>,
) -> (Array<T, D::Smaller>, Array<T, D::Smaller>) {
    check_axis("sum_axis", x.shape(), axis);
    (x.sum_axis(axis), x_dot.sum_axis(axis))
}

unary_vjp!(sum_axis, sum_axis_vjp);

/// `y = (1/n) Σₖ x` along `axis` (`x.mean_axis(axis).unwrap()` in ndarray).
///
/// # Panics
/// If the axis is out of range or has length zero.
///
/// ```
/// use ndarray::{array, Axis};
/// let (y, _) = autodiff_runtime::ops::mean_axis(&array![[1.0f64, 2.0], [3.0, 4.0]], Axis(1));
/// assert_eq!(y, array![1.5, 3.5]);
/// ```
#[track_caller]
pub fn mean_axis<T: Real, S: Data<Elem = T>, D: RemoveAxis>(
    x: &ArrayBase<S, D>,
    axis: Axis,
) -> (Array<T, D::Smaller>, FillAxis<T, D>) {
    check_axis("mean_axis", x.shape(), axis);
    let n = x.len_of(axis);
    assert!(n > 0, "mean_axis: axis {} of shape {:?} is empty", axis.index(), x.shape());
    // Divided by `n`, as ndarray's `mean_axis` does, so that the value is the primal's.
    let n = T::c(n as f64);
    (x.sum_axis(axis).mapv_into(|v| v / n), FillAxis::new(x.raw_dim(), axis, n.recip()))
}

/// Forward mode of [`mean_axis`].
#[track_caller]
pub fn mean_axis_jvp<T: Real, S: Data<Elem = T>, D: RemoveAxis>(
    x: &ArrayBase<S, D>,
    axis: Axis,
    x_dot: &Array<T, D>,
) -> (Array<T, D::Smaller>, Array<T, D::Smaller>) {
    let (y, d) = mean_axis(x, axis);
    (y, d.push(x_dot))
}

unary_vjp!(mean_axis, mean_axis_vjp);

/// `y = xᵀ`, all axes reversed (`x.t()`). Unlike ndarray's `t()`, which is a view, the
/// result is an owned array.
///
/// ```
/// use ndarray::array;
/// let (y, _) = autodiff_runtime::ops::t(&array![[1.0f64, 2.0]]);
/// assert_eq!(y, array![[1.0], [2.0]]);
/// ```
pub fn t<T: Real, S: Data<Elem = T>, D: Dimension>(x: &ArrayBase<S, D>) -> (Array<T, D>, Transpose<T, D>) {
    (x.t().to_owned(), Transpose::default())
}

/// Forward mode of [`t`].
pub fn t_jvp<T: Real, S: Data<Elem = T>, D: Dimension>(
    x: &ArrayBase<S, D>,
    x_dot: &Array<T, D>,
) -> (Array<T, D>, Array<T, D>) {
    (x.t().to_owned(), x_dot.t().to_owned())
}

unary_vjp!(t, t_vjp);

/// `y = a · b` (`a.dot(&b)`): vector·vector, matrix·vector, vector·matrix, matrix·matrix.
/// The partials keep a copy of each operand.
///
/// # Panics
/// If the inner dimensions differ, naming both shapes.
///
/// ```
/// use ndarray::array;
/// let (y, _) = autodiff_runtime::ops::dot(&array![[1.0f64, 2.0]], &array![[3.0], [4.0]]);
/// assert_eq!(y, array![[11.0]]);
/// ```
#[track_caller]
pub fn dot<A: Dot<B>, B>(a: &A, b: &B) -> (A::Out, (A::P0, A::P1)) {
    a.dot_partial(b)
}

/// Forward mode of [`dot`]: `ẏ = ȧ·b + a·ḃ`.
#[track_caller]
pub fn dot_jvp<A: Dot<B>, B>(
    a: &A,
    b: &B,
    a_dot: Option<&<A::P0 as Partial<A::Out>>::X>,
    b_dot: Option<&<A::P1 as Partial<A::Out>>::X>,
) -> (A::Out, A::Out)
where
    A::Out: crate::Value<Tangent = A::Out> + crate::Accumulate,
{
    let (y, (d0, d1)) = dot(a, b);
    let t = combine(&y, &d0, &d1, a_dot, b_dot);
    (y, t)
}

pull_vjp!(dot, dot_vjp);

/// `y = ln Σₖ exp(x)` along `axis` (`x.logsumexp(axis)` from [`ArrayExt`](crate::ArrayExt)),
/// computed stably; `∂y/∂x` = the softmax along `axis`.
///
/// ```
/// use ndarray::{array, Axis};
/// let (y, _) = autodiff_runtime::ops::logsumexp(&array![[0.0f64, 0.0]], Axis(1));
/// assert!((y[0] - 2f64.ln()).abs() < 1e-15);
/// ```
#[track_caller]
pub fn logsumexp<T: Real, S: Data<Elem = T>, D: RemoveAxis>(
    x: &ArrayBase<S, D>,
    axis: Axis,
) -> (Array<T, D::Smaller>, LogSumExpPartial<T, D>) {
    let (l, p) = crate::array::logsumexp_with_softmax("logsumexp", x, axis);
    (l, LogSumExpPartial { p, axis })
}

/// Forward mode of [`logsumexp`].
#[track_caller]
pub fn logsumexp_jvp<T: Real, S: Data<Elem = T>, D: RemoveAxis>(
    x: &ArrayBase<S, D>,
    axis: Axis,
    x_dot: &Array<T, D>,
) -> (Array<T, D::Smaller>, Array<T, D::Smaller>) {
    let (y, d) = logsumexp(x, axis);
    (y, d.push(x_dot))
}

unary_vjp!(logsumexp, logsumexp_vjp);

/// `y = softmax(x)` along `axis` (`x.softmax(axis)` from [`ArrayExt`](crate::ArrayExt)).
///
/// ```
/// use ndarray::{array, Axis};
/// let (y, _) = autodiff_runtime::ops::softmax(&array![[0.0f64, 0.0]], Axis(1));
/// assert_eq!(y, array![[0.5, 0.5]]);
/// ```
#[track_caller]
pub fn softmax<T: Real, S: Data<Elem = T>, D: RemoveAxis>(
    x: &ArrayBase<S, D>,
    axis: Axis,
) -> (Array<T, D>, SoftmaxPartial<T, D>) {
    let (_, p) = crate::array::logsumexp_with_softmax("softmax", x, axis);
    (p.clone(), SoftmaxPartial { p, axis })
}

/// Forward mode of [`softmax`].
#[track_caller]
pub fn softmax_jvp<T: Real, S: Data<Elem = T>, D: RemoveAxis>(
    x: &ArrayBase<S, D>,
    axis: Axis,
    x_dot: &Array<T, D>,
) -> (Array<T, D>, Array<T, D>) {
    let (y, d) = softmax(x, axis);
    (y, d.push(x_dot))
}

unary_vjp!(softmax, softmax_vjp);

/// Weights `1/k` at the `k` positions where `x` equals `m` (ties share the derivative, as
/// autograd and JAX do).
fn ties<T: Real, S: Data<Elem = T>, D: Dimension>(x: &ArrayBase<S, D>, m: T) -> Array<T, D> {
    if m.is_nan() {
        // The extremum of an array holding a NaN is NaN, and so is its derivative there.
        return x.mapv(|v| if v.is_nan() { v } else { T::zero() });
    }
    let k = x.iter().filter(|&&v| v == m).count();
    let w = if k == 0 { T::zero() } else { T::c(k as f64).recip() };
    x.mapv(|v| if v == m { w } else { T::zero() })
}

/// `y = max x` over all elements (`x.amax()` from [`ArrayMath`](crate::ArrayMath)); the
/// derivative goes to the largest element, shared equally between ties. If an element is
/// `NaN`, the value is `NaN`, and the derivative is `NaN` at each `NaN` element and 0 elsewhere.
///
/// ```
/// use ndarray::array;
/// let (y, _) = autodiff_runtime::ops::amax(&array![1.0f64, 3.0, 2.0]);
/// assert_eq!(y, 3.0);
/// ```
pub fn amax<T: Real, S: Data<Elem = T>, D: Dimension>(x: &ArrayBase<S, D>) -> (T, Weights<T, D>) {
    let m = crate::ArrayMath::amax(x);
    (m, Weights(ties(x, m)))
}

/// Forward mode of [`amax`].
pub fn amax_jvp<T: Real, S: Data<Elem = T>, D: Dimension>(x: &ArrayBase<S, D>, x_dot: &Array<T, D>) -> (T, T) {
    let (y, d) = amax(x);
    (y, d.push(x_dot))
}

unary_vjp!(amax, amax_vjp);

/// `y = min x` over all elements (`x.amin()`); as [`amax`] for the smallest element.
///
/// ```
/// use ndarray::array;
/// let (y, _) = autodiff_runtime::ops::amin(&array![1.0f64, 3.0, 2.0]);
/// assert_eq!(y, 1.0);
/// ```
pub fn amin<T: Real, S: Data<Elem = T>, D: Dimension>(x: &ArrayBase<S, D>) -> (T, Weights<T, D>) {
    let m = crate::ArrayMath::amin(x);
    (m, Weights(ties(x, m)))
}

/// Forward mode of [`amin`].
pub fn amin_jvp<T: Real, S: Data<Elem = T>, D: Dimension>(x: &ArrayBase<S, D>, x_dot: &Array<T, D>) -> (T, T) {
    let (y, d) = amin(x);
    (y, d.push(x_dot))
}

unary_vjp!(amin, amin_vjp);

/// `y = ‖x‖ = √(Σ x²)` (`x.norm_l2()`); `∂y/∂x = x / y`, NaN at the zero vector (where the
/// norm has no derivative).
///
/// ```
/// use ndarray::array;
/// let (y, _) = autodiff_runtime::ops::norm_l2(&array![3.0f64, 4.0]);
/// assert_eq!(y, 5.0);
/// ```
pub fn norm_l2<T: Real, S: Data<Elem = T>, D: Dimension>(x: &ArrayBase<S, D>) -> (T, Weights<T, D>) {
    let y = crate::ArrayMath::norm_l2(x);
    (y, Weights(x.mapv(|v| v / y)))
}

/// Forward mode of [`norm_l2`].
pub fn norm_l2_jvp<T: Real, S: Data<Elem = T>, D: Dimension>(x: &ArrayBase<S, D>, x_dot: &Array<T, D>) -> (T, T) {
    let (y, d) = norm_l2(x);
    (y, d.push(x_dot))
}

unary_vjp!(norm_l2, norm_l2_vjp);

/// `y = u vᵀ` (`u.outer(&v)` from [`Outer`](crate::Outer)).
///
/// ```
/// use ndarray::array;
/// let (y, _) = autodiff_runtime::ops::outer(&array![1.0f64, 2.0], &array![3.0]);
/// assert_eq!(y, array![[3.0], [6.0]]);
/// ```
pub fn outer<T: Real, S: Data<Elem = T>, S2: Data<Elem = T>>(
    u: &ArrayBase<S, Ix1>,
    v: &ArrayBase<S2, Ix1>,
) -> (Array2<T>, (OuterLhs<T>, OuterRhs<T>)) {
    (crate::Outer::outer(u, v), (OuterLhs(v.to_owned()), OuterRhs(u.to_owned())))
}

/// Forward mode of [`outer`].
pub fn outer_jvp<T: Real, S: Data<Elem = T>, S2: Data<Elem = T>>(
    u: &ArrayBase<S, Ix1>,
    v: &ArrayBase<S2, Ix1>,
    u_dot: Option<&Array1<T>>,
    v_dot: Option<&Array1<T>>,
) -> (Array2<T>, Array2<T>) {
    let (y, (d0, d1)) = outer(u, v);
    let t = combine(&y, &d0, &d1, u_dot, v_dot);
    (y, t)
}

pull_vjp!(outer, outer_vjp);

/// `y = xᵀ` for `x.reversed_axes()` (ndarray's consuming spelling of [`t`]).
pub fn reversed_axes<T: Real, S: Data<Elem = T>, D: Dimension>(x: &ArrayBase<S, D>) -> (Array<T, D>, Transpose<T, D>) {
    t(x)
}

/// Forward mode of [`reversed_axes`].
pub fn reversed_axes_jvp<T: Real, S: Data<Elem = T>, D: Dimension>(
    x: &ArrayBase<S, D>,
    x_dot: &Array<T, D>,
) -> (Array<T, D>, Array<T, D>) {
    t_jvp(x, x_dot)
}

unary_vjp!(reversed_axes, reversed_axes_vjp);
