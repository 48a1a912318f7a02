//! Shape and indexing rules: reading an element, slicing, inserting and indexing an axis,
//! reshaping, selecting along an axis, permuting axes, concatenating and stacking.
//!
//! Each rule takes the input by reference and returns an *owned* result, where ndarray
//! returns a view or a `Result`; otherwise it computes what the ndarray spelling computes:
//!
//! | ndarray | rule |
//! |---|---|
//! | `x[i]`, `a[[i, j]]`, `a[(i, j)]` | [`index(&x, i)`](index), [`index(&a, [i, j])`](index) |
//! | `x.slice(s![..])` | [`slice(&x, s![..])`](fn@slice) |
//! | `x.insert_axis(Axis(k))` | [`insert_axis(&x, Axis(k))`](insert_axis) |
//! | `x.index_axis(Axis(k), i)` | [`index_axis(&x, Axis(k), i)`](index_axis) |
//! | `x.into_shape_with_order(s).unwrap()`, `x.to_shape(s).unwrap()` | [`into_shape_with_order(&x, s)`](into_shape_with_order), [`to_shape(&x, s)`](to_shape), [`reshape(&x, s)`](reshape) |
//! | `x.select(Axis(k), &[..])` | [`select(&x, Axis(k), &[..])`](select) |
//! | `x.permuted_axes(axes)` | [`permuted_axes(&x, axes)`](permuted_axes) |
//! | `concatenate(Axis(k), &[a.view(), b.view()]).unwrap()` | [`concatenate(Axis(k), &[a.view(), b.view()])`](concatenate) |
//! | `stack(Axis(k), &[a.view(), b.view()]).unwrap()` | [`stack(Axis(k), &[a.view(), b.view()])`](stack) |
//!
//! The rules are linear, so their partials keep shapes and indices, never values. Rules of
//! one input come with `op_jvp(&x, args.., &ẋ) -> (y, ẏ)` and `op_vjp(ȳ, &mut x̄, partial)`
//! like the other unary rules. [`concatenate`] and [`stack`] have any number of inputs and
//! return one partial per input; see [`concatenate`] for how generated code calls them.
//!
//! Errors that ndarray reports with a `Result` or a generic panic (an index or axis out of
//! range, a size mismatch) panic here with a message naming the rule and the shapes.

use super::Partial;
use crate::Real;
use crate::array::{ConcatenatePart, Element, IndexAxis, InsertAxis, Permute, Reshape, Select, Sliced, StackPart};
use core::marker::PhantomData;
use ndarray::{
    Array, ArrayBase, ArrayView, Axis, Data, Dimension, IntoDimension, NdIndex, Order, RemoveAxis, ShapeArg, SliceArg,
    SliceInfoElem,
};

/// Checks that a tangent has its input's shape.
#[track_caller]
fn check_tangent(op: &str, x: &[usize], x_dot: &[usize]) {
    assert!(x == x_dot, "{op}: the tangent has shape {x_dot:?} but the input has shape {x:?}");
}

/// Checks an axis argument, naming the operation and the shape.
#[track_caller]
fn check_axis(op: &str, shape: &[usize], axis: Axis) {
    assert!(axis.index() < shape.len(), "{op}: axis {} is out of range for an array of shape {shape:?}", axis.index());
}

/// Checks an index along an axis, naming the operation and the shape.
#[track_caller]
fn check_index(op: &str, shape: &[usize], axis: Axis, index: usize) {
    assert!(
        index < shape[axis.index()],
        "{op}: index {index} is out of range for axis {} of an array of shape {shape:?}",
        axis.index()
    );
}

// ---------------------------------------------------------------------------------------
// index

/// Reads one element, panicking if the index is out of range.
#[track_caller]
fn element<T: Real, S: Data<Elem = T>, D: Dimension, I: NdIndex<D> + Copy>(x: &ArrayBase<S, D>, idx: I) -> T {
    let shape = x.shape();
    match x.get(idx) {
        Some(&v) => v,
        None => panic!("index: index {idx:?} is out of range for an array of shape {shape:?}"),
    }
}

/// `y = x[idx]`: one element, with any index ndarray accepts for the array's dimension
/// (`x[i]` on a vector is `index(&x, i)`, `a[[i, j]]` and `a[(i, j)]` on a matrix are
/// `index(&a, [i, j])` and `index(&a, (i, j))`, a 0-d array takes `()`, an `IxDyn` array
/// `&[i, j][..]`).
///
/// The partial keeps the input's shape and the index. Pulling a cotangent back **allocates
/// a zero array of the input's shape** holding `ȳ` at `idx`, for every element read: reading
/// many elements one at a time costs that many full-size arrays in reverse mode, where a
/// slice or a reduction costs one.
///
/// # Panics
/// If `idx` is out of range for `x` (or has the wrong number of axes), naming `index`, the
/// index and the shape.
///
/// ```
/// use autodiff_runtime::{ops, Partial};
/// use ndarray::array;
/// let a = array![[1.0f64, 2.0], [3.0, 4.0]];
/// let (y, d) = ops::index(&a, [1, 0]);
/// assert_eq!(y, 3.0);
/// assert_eq!(d.pull(&5.0), array![[0.0, 0.0], [5.0, 0.0]]);
/// ```
#[track_caller]
pub fn index<T: Real, S: Data<Elem = T>, D: Dimension, I: NdIndex<D> + Copy>(
    x: &ArrayBase<S, D>,
    idx: I,
) -> (T, Element<T, D, I>) {
    (element(x, idx), Element { shape: x.raw_dim(), index: idx, _t: PhantomData })
}

/// Forward mode of [`index`]: `ẏ = ẋ[idx]`.
///
/// ```
/// use ndarray::array;
/// let x = array![1.0f64, 2.0, 3.0];
/// assert_eq!(autodiff_runtime::ops::index_jvp(&x, 2, &array![0.1, 0.2, 0.3]), (3.0, 0.3));
/// ```
#[track_caller]
pub fn index_jvp<T: Real, S: Data<Elem = T>, D: Dimension, I: NdIndex<D> + Copy>(
    x: &ArrayBase<S, D>,
    idx: I,
    x_dot: &Array<T, D>,
) -> (T, T) {
    check_tangent("index", x.shape(), x_dot.shape());
    (element(x, idx), x_dot[idx])
}

unary_vjp!(
    /// ```
    /// use autodiff_runtime::{ops, Adjoint};
    /// use ndarray::array;
    /// let (_, d) = ops::index(&array![1.0f64, 2.0, 3.0], 1);
    /// let mut x_bar = Adjoint::new(array![1.0, 1.0, 1.0]);
    /// ops::index_vjp(Adjoint::new(2.0), &mut x_bar, d);
    /// assert_eq!(x_bar.get(), Some(array![1.0, 3.0, 1.0]));
    /// ```
    index,
    index_vjp
);

// ---------------------------------------------------------------------------------------
// slice

/// Whether `i` (negative counting from the end) lies in `0..len`, or `0..=len` if `inclusive`.
fn in_bounds(i: isize, len: usize, inclusive: bool) -> bool {
    let len = len as isize;
    let abs = if i < 0 { len + i } else { i };
    abs >= 0 && (abs < len || inclusive && abs == len)
}

/// Checks a slice argument against a shape as ndarray's `slice` would, panicking with a
/// message that names `op`, the offending part and the shape.
#[track_caller]
pub(super) fn check_slice<D: Dimension, I: SliceArg<D>>(op: &str, shape: &[usize], info: &I) {
    let elems: &[SliceInfoElem] = info.as_ref();
    let show = || elems.iter().map(|e| e.to_string()).collect::<Vec<_>>().join(", ");
    assert!(
        info.in_ndim() == shape.len(),
        "{op}: `{}` indexes {} axes but the array has shape {shape:?}",
        show(),
        info.in_ndim()
    );
    let mut axis = 0;
    for e in elems {
        match *e {
            SliceInfoElem::NewAxis => continue,
            SliceInfoElem::Index(i) => assert!(
                in_bounds(i, shape[axis], false),
                "{op}: index {i} is out of range for axis {axis} of an array of shape {shape:?}"
            ),
            SliceInfoElem::Slice { start, end, step } => {
                assert!(step != 0, "{op}: `{e}` has step zero");
                let len = shape[axis];
                assert!(
                    in_bounds(start, len, true) && end.is_none_or(|end| in_bounds(end, len, true)),
                    "{op}: `{e}` is out of range for axis {axis} of an array of shape {shape:?}"
                );
            }
        }
        axis += 1;
    }
}

/// `y = x.slice(info)`: a slice made with `s![..]` (ranges with steps, negative indices
/// counting from the end, single indices removing an axis, `NewAxis`), or any other
/// ndarray `SliceArg` (a `SliceInfo`, or `&[SliceInfoElem]` on an `IxDyn` array). The result
/// is owned.
///
/// The partial keeps the input's shape and `info`; pulling back writes `ȳ` into zeros of the
/// input's shape through `slice_mut(info)`.
///
/// # Panics
/// If `info` does not fit `x` (wrong number of axes, an index or bound out of range, a zero
/// step), naming `slice`, the offending part and the shape.
///
/// ```
/// use autodiff_runtime::{ops, Partial};
/// use ndarray::{array, s};
/// let x = array![[1.0f64, 2.0, 3.0], [4.0, 5.0, 6.0]];
/// let (y, d) = ops::slice(&x, s![.., ..;2]);
/// assert_eq!(y, array![[1.0, 3.0], [4.0, 6.0]]);
/// assert_eq!(d.pull(&array![[1.0, 1.0], [1.0, 1.0]]), array![[1.0, 0.0, 1.0], [1.0, 0.0, 1.0]]);
/// ```
#[track_caller]
pub fn slice<T: Real, S: Data<Elem = T>, D: Dimension, I: SliceArg<D> + Clone>(
    x: &ArrayBase<S, D>,
    info: I,
) -> (Array<T, I::OutDim>, Sliced<T, D, I>) {
    check_slice("slice", x.shape(), &info);
    (x.slice(info.clone()).to_owned(), Sliced { shape: x.raw_dim(), info, _t: PhantomData })
}

/// Forward mode of [`slice()`]: `ẏ = ẋ.slice(info)`.
///
/// ```
/// use ndarray::{array, s};
/// let (y, y_dot) = autodiff_runtime::ops::slice_jvp(&array![1.0f64, 2.0, 3.0], s![1..], &array![0.1, 0.2, 0.3]);
/// assert_eq!((y, y_dot), (array![2.0, 3.0], array![0.2, 0.3]));
/// ```
#[track_caller]
pub fn slice_jvp<T: Real, S: Data<Elem = T>, D: Dimension, I: SliceArg<D> + Clone>(
    x: &ArrayBase<S, D>,
    info: I,
    x_dot: &Array<T, D>,
) -> (Array<T, I::OutDim>, Array<T, I::OutDim>) {
    check_tangent("slice", x.shape(), x_dot.shape());
    let (y, d) = slice(x, info);
    (y, d.push(x_dot))
}

unary_vjp!(
    /// ```
    /// use autodiff_runtime::{ops, Adjoint};
    /// use ndarray::{array, s};
    /// let (_, d) = ops::slice(&array![1.0f64, 2.0, 3.0], s![..;-2]);
    /// let mut x_bar = Adjoint::zero();
    /// ops::slice_vjp(Adjoint::new(array![1.0, 2.0]), &mut x_bar, d);
    /// assert_eq!(x_bar.get(), Some(array![2.0, 0.0, 1.0]));
    /// ```
    slice,
    slice_vjp
);

// ---------------------------------------------------------------------------------------
// insert_axis

/// `y = x.insert_axis(axis)`: a new axis of length one at position `axis` (`0..=x.ndim()`).
/// The result is owned.
///
/// # Panics
/// If `axis > x.ndim()`, naming `insert_axis` and the shape.
///
/// ```
/// use autodiff_runtime::{ops, Partial};
/// use ndarray::{array, Axis};
/// let (y, d) = ops::insert_axis(&array![1.0f64, 2.0], Axis(1));
/// assert_eq!(y, array![[1.0], [2.0]]);
/// assert_eq!(d.pull(&array![[3.0], [4.0]]), array![3.0, 4.0]);
/// ```
#[track_caller]
pub fn insert_axis<T: Real, S: Data<Elem = T>, D: Dimension>(
    x: &ArrayBase<S, D>,
    axis: Axis,
) -> (Array<T, D::Larger>, InsertAxis<T, D>) {
    assert!(
        axis.index() <= x.ndim(),
        "insert_axis: axis {} is out of range for an array of shape {:?} (a new axis goes at 0..={})",
        axis.index(),
        x.shape(),
        x.ndim()
    );
    (x.view().insert_axis(axis).to_owned(), InsertAxis { axis, _t: PhantomData })
}

/// Forward mode of [`insert_axis`].
///
/// ```
/// use ndarray::{array, Axis};
/// let (y, y_dot) = autodiff_runtime::ops::insert_axis_jvp(&array![1.0f64, 2.0], Axis(0), &array![0.5, 0.25]);
/// assert_eq!((y, y_dot), (array![[1.0, 2.0]], array![[0.5, 0.25]]));
/// ```
#[track_caller]
pub fn insert_axis_jvp<T: Real, S: Data<Elem = T>, D: Dimension>(
    x: &ArrayBase<S, D>,
    axis: Axis,
    x_dot: &Array<T, D>,
) -> (Array<T, D::Larger>, Array<T, D::Larger>) {
    check_tangent("insert_axis", x.shape(), x_dot.shape());
    let (y, d) = insert_axis(x, axis);
    (y, d.push(x_dot))
}

unary_vjp!(
    /// ```
    /// use autodiff_runtime::{ops, Adjoint};
    /// use ndarray::{array, Axis};
    /// let (_, d) = ops::insert_axis(&array![1.0f64, 2.0], Axis(0));
    /// let mut x_bar = Adjoint::zero();
    /// ops::insert_axis_vjp(Adjoint::new(array![[3.0, 4.0]]), &mut x_bar, d);
    /// assert_eq!(x_bar.get(), Some(array![3.0, 4.0]));
    /// ```
    insert_axis,
    insert_axis_vjp
);

// ---------------------------------------------------------------------------------------
// index_axis

/// `y = x.index_axis(axis, i)`: the `i`-th subview along `axis`, one axis fewer (`a.row(i)`
/// is `index_axis(&a, Axis(0), i)`, `a.column(j)` is `index_axis(&a, Axis(1), j)`). The result
/// is owned.
///
/// The partial keeps the input's shape; pulling back writes `ȳ` into the `i`-th subview of
/// zeros of the input's shape.
///
/// # Panics
/// If `axis` or `i` is out of range, naming `index_axis` and the shape.
///
/// ```
/// use autodiff_runtime::{ops, Partial};
/// use ndarray::{array, Axis};
/// let x = array![[1.0f64, 2.0], [3.0, 4.0]];
/// let (y, d) = ops::index_axis(&x, Axis(1), 0);
/// assert_eq!(y, array![1.0, 3.0]);
/// assert_eq!(d.pull(&array![5.0, 6.0]), array![[5.0, 0.0], [6.0, 0.0]]);
/// ```
#[track_caller]
pub fn index_axis<T: Real, S: Data<Elem = T>, D: RemoveAxis>(
    x: &ArrayBase<S, D>,
    axis: Axis,
    i: usize,
) -> (Array<T, D::Smaller>, IndexAxis<T, D>) {
    check_axis("index_axis", x.shape(), axis);
    check_index("index_axis", x.shape(), axis, i);
    (x.index_axis(axis, i).to_owned(), IndexAxis { shape: x.raw_dim(), axis, index: i, _t: PhantomData })
}

/// Forward mode of [`index_axis`].
///
/// ```
/// use ndarray::{array, Axis};
/// let x = array![[1.0f64, 2.0], [3.0, 4.0]];
/// let (y, y_dot) = autodiff_runtime::ops::index_axis_jvp(&x, Axis(0), 1, &array![[0.0, 0.0], [0.5, 1.5]]);
/// assert_eq!((y, y_dot), (array![3.0, 4.0], array![0.5, 1.5]));
/// ```
#[track_caller]
pub fn index_axis_jvp<T: Real, S: Data<Elem = T>, D: RemoveAxis>(
    x: &ArrayBase<S, D>,
    axis: Axis,
    i: usize,
    x_dot: &Array<T, D>,
) -> (Array<T, D::Smaller>, Array<T, D::Smaller>) {
    check_tangent("index_axis", x.shape(), x_dot.shape());
    let (y, d) = index_axis(x, axis, i);
    (y, d.push(x_dot))
}

unary_vjp!(
    /// ```
    /// use autodiff_runtime::{ops, Adjoint};
    /// use ndarray::{array, Axis};
    /// let (_, d) = ops::index_axis(&array![[1.0f64, 2.0], [3.0, 4.0]], Axis(0), 1);
    /// let mut x_bar = Adjoint::zero();
    /// ops::index_axis_vjp(Adjoint::new(array![1.0, 2.0]), &mut x_bar, d);
    /// assert_eq!(x_bar.get(), Some(array![[0.0, 0.0], [1.0, 2.0]]));
    /// ```
    index_axis,
    index_axis_vjp
);

// ---------------------------------------------------------------------------------------
// reshape, into_shape_with_order, to_shape

/// A reshape in `order`, named `op` in its panic.
#[track_caller]
fn reshape_in<T: Real, S: Data<Elem = T>, D: Dimension, E: Dimension>(
    op: &str,
    x: &ArrayBase<S, D>,
    shape: E,
    order: Order,
) -> (Array<T, E>, Reshape<T, D, E>) {
    assert!(
        shape.size_checked() == Some(x.len()),
        "{op}: cannot reshape an array of shape {:?} into shape {:?}",
        x.shape(),
        shape.slice()
    );
    let y = x.to_shape((shape.clone(), order)).expect("as many elements as the input").into_owned();
    (y, Reshape { x_shape: x.raw_dim(), y_shape: shape, order, _t: PhantomData })
}

/// `y = x` reshaped to `shape`, reading and writing elements in standard (row-major) order,
/// as `x.to_shape(shape)` and `x.into_shape_with_order(shape)` do without an order. Unlike
/// `into_shape_with_order`, any layout is accepted (a non-contiguous input is copied); the
/// result is owned.
///
/// # Panics
/// If `shape` does not have as many elements as `x`, naming `reshape` and both shapes.
///
/// ```
/// use autodiff_runtime::{ops, Partial};
/// use ndarray::array;
/// let (y, d) = ops::reshape(&array![1.0f64, 2.0, 3.0, 4.0, 5.0, 6.0], (2, 3));
/// assert_eq!(y, array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
/// assert_eq!(d.pull(&y), array![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
/// ```
#[allow(clippy::type_complexity)]
#[track_caller]
pub fn reshape<T: Real, S: Data<Elem = T>, D: Dimension, E: IntoDimension>(
    x: &ArrayBase<S, D>,
    shape: E,
) -> (Array<T, E::Dim>, Reshape<T, D, E::Dim>) {
    reshape_in("reshape", x, shape.into_dimension(), Order::RowMajor)
}

/// Forward mode of [`reshape`].
///
/// ```
/// use ndarray::array;
/// let (y, y_dot) = autodiff_runtime::ops::reshape_jvp(&array![[1.0f64, 2.0]], 2, &array![[0.5, 0.25]]);
/// assert_eq!((y, y_dot), (array![1.0, 2.0], array![0.5, 0.25]));
/// ```
#[track_caller]
pub fn reshape_jvp<T: Real, S: Data<Elem = T>, D: Dimension, E: IntoDimension>(
    x: &ArrayBase<S, D>,
    shape: E,
    x_dot: &Array<T, D>,
) -> (Array<T, E::Dim>, Array<T, E::Dim>) {
    check_tangent("reshape", x.shape(), x_dot.shape());
    let (y, d) = reshape(x, shape);
    (y, d.push(x_dot))
}

unary_vjp!(
    /// ```
    /// use autodiff_runtime::{ops, Adjoint};
    /// use ndarray::array;
    /// let (_, d) = ops::reshape(&array![1.0f64, 2.0], (2, 1));
    /// let mut x_bar = Adjoint::zero();
    /// ops::reshape_vjp(Adjoint::new(array![[3.0], [4.0]]), &mut x_bar, d);
    /// assert_eq!(x_bar.get(), Some(array![3.0, 4.0]));
    /// ```
    reshape,
    reshape_vjp
);

/// `y = x.into_shape_with_order(shape).unwrap()`: `shape` is a shape (row-major order) or a
/// `(shape, Order)` pair, as in ndarray 0.16. Unlike ndarray, an input that is not contiguous
/// in that order is copied rather than refused; the result is owned.
///
/// # Panics
/// If `shape` does not have as many elements as `x`, naming `into_shape_with_order` and both
/// shapes.
///
/// ```
/// use autodiff_runtime::{ops, Partial};
/// use ndarray::{array, Order};
/// let x = array![1.0f64, 2.0, 3.0, 4.0];
/// let (y, d) = ops::into_shape_with_order(&x, ((2, 2), Order::ColumnMajor));
/// assert_eq!(y, array![[1.0, 3.0], [2.0, 4.0]]);
/// assert_eq!(d.pull(&y), x);
/// ```
#[allow(clippy::type_complexity)]
#[track_caller]
pub fn into_shape_with_order<T: Real, S: Data<Elem = T>, D: Dimension, E: ShapeArg>(
    x: &ArrayBase<S, D>,
    shape: E,
) -> (Array<T, E::Dim>, Reshape<T, D, E::Dim>) {
    let (shape, order) = shape.into_shape_and_order();
    reshape_in("into_shape_with_order", x, shape, order.unwrap_or(Order::RowMajor))
}

/// Forward mode of [`into_shape_with_order`].
///
/// ```
/// use ndarray::array;
/// let x = array![[1.0f64, 2.0], [3.0, 4.0]];
/// let (_, y_dot) = autodiff_runtime::ops::into_shape_with_order_jvp(&x, 4, &(&x * 0.5));
/// assert_eq!(y_dot, array![0.5, 1.0, 1.5, 2.0]);
/// ```
#[track_caller]
pub fn into_shape_with_order_jvp<T: Real, S: Data<Elem = T>, D: Dimension, E: ShapeArg>(
    x: &ArrayBase<S, D>,
    shape: E,
    x_dot: &Array<T, D>,
) -> (Array<T, E::Dim>, Array<T, E::Dim>) {
    check_tangent("into_shape_with_order", x.shape(), x_dot.shape());
    let (y, d) = into_shape_with_order(x, shape);
    (y, d.push(x_dot))
}

unary_vjp!(
    /// ```
    /// use autodiff_runtime::{ops, Adjoint};
    /// use ndarray::array;
    /// let (_, d) = ops::into_shape_with_order(&array![[1.0f64, 2.0], [3.0, 4.0]], 4);
    /// let mut x_bar = Adjoint::zero();
    /// ops::into_shape_with_order_vjp(Adjoint::new(array![1.0, 2.0, 3.0, 4.0]), &mut x_bar, d);
    /// assert_eq!(x_bar.get(), Some(array![[1.0, 2.0], [3.0, 4.0]]));
    /// ```
    into_shape_with_order,
    into_shape_with_order_vjp
);

/// `y = x.to_shape(shape).unwrap()`, owned: `shape` is a shape (row-major order) or a
/// `(shape, Order)` pair, as in ndarray 0.16.
///
/// # Panics
/// If `shape` does not have as many elements as `x`, naming `to_shape` and both shapes.
///
/// ```
/// use autodiff_runtime::{ops, Partial};
/// use ndarray::array;
/// let x = array![[1.0f64, 2.0], [3.0, 4.0]];
/// let (y, d) = ops::to_shape(&x.t(), 4); // the transpose, read row by row
/// assert_eq!(y, array![1.0, 3.0, 2.0, 4.0]);
/// assert_eq!(d.pull(&y), x.t());
/// ```
#[allow(clippy::type_complexity)]
#[track_caller]
pub fn to_shape<T: Real, S: Data<Elem = T>, D: Dimension, E: ShapeArg>(
    x: &ArrayBase<S, D>,
    shape: E,
) -> (Array<T, E::Dim>, Reshape<T, D, E::Dim>) {
    let (shape, order) = shape.into_shape_and_order();
    reshape_in("to_shape", x, shape, order.unwrap_or(Order::RowMajor))
}

/// Forward mode of [`to_shape`].
///
/// ```
/// use ndarray::array;
/// let (y, y_dot) = autodiff_runtime::ops::to_shape_jvp(&array![1.0f64, 2.0], (1, 2), &array![3.0, 4.0]);
/// assert_eq!((y, y_dot), (array![[1.0, 2.0]], array![[3.0, 4.0]]));
/// ```
#[track_caller]
pub fn to_shape_jvp<T: Real, S: Data<Elem = T>, D: Dimension, E: ShapeArg>(
    x: &ArrayBase<S, D>,
    shape: E,
    x_dot: &Array<T, D>,
) -> (Array<T, E::Dim>, Array<T, E::Dim>) {
    check_tangent("to_shape", x.shape(), x_dot.shape());
    let (y, d) = to_shape(x, shape);
    (y, d.push(x_dot))
}

unary_vjp!(
    /// ```
    /// use autodiff_runtime::{ops, Adjoint};
    /// use ndarray::array;
    /// let (_, d) = ops::to_shape(&array![1.0f64, 2.0], (1, 2));
    /// let mut x_bar = Adjoint::new(array![1.0, 1.0]);
    /// ops::to_shape_vjp(Adjoint::new(array![[3.0, 4.0]]), &mut x_bar, d);
    /// assert_eq!(x_bar.get(), Some(array![4.0, 5.0]));
    /// ```
    to_shape,
    to_shape_vjp
);

// ---------------------------------------------------------------------------------------
// select

/// `y = x.select(axis, indices)`: the subviews at `indices` along `axis`, in that order,
/// concatenated; an index may repeat, and `indices` may be empty.
///
/// The partial keeps the input's shape and a copy of `indices`; pulling back *adds* each of
/// the cotangent's subviews into zeros of the input's shape at its index (a repeated index
/// receives the sum).
///
/// # Panics
/// If `axis` or an index is out of range, naming `select`, the index and the shape.
///
/// ```
/// use autodiff_runtime::{ops, Partial};
/// use ndarray::{array, Axis};
/// let x = array![[1.0f64, 2.0], [3.0, 4.0]];
/// let (y, d) = ops::select(&x, Axis(0), &[1, 1, 0]);
/// assert_eq!(y, array![[3.0, 4.0], [3.0, 4.0], [1.0, 2.0]]);
/// assert_eq!(d.pull(&array![[1.0, 1.0], [1.0, 1.0], [1.0, 1.0]]), array![[1.0, 1.0], [2.0, 2.0]]);
/// ```
#[track_caller]
pub fn select<T: Real, S: Data<Elem = T>, D: RemoveAxis>(
    x: &ArrayBase<S, D>,
    axis: Axis,
    indices: &[usize],
) -> (Array<T, D>, Select<T, D>) {
    check_axis("select", x.shape(), axis);
    for &i in indices {
        check_index("select", x.shape(), axis, i);
    }
    (x.select(axis, indices), Select { shape: x.raw_dim(), axis, indices: indices.to_vec(), _t: PhantomData })
}

/// Forward mode of [`select`]: `ẏ = ẋ.select(axis, indices)`.
///
/// ```
/// use ndarray::{array, Axis};
/// let (y, y_dot) = autodiff_runtime::ops::select_jvp(&array![1.0f64, 2.0], Axis(0), &[1, 0, 1], &array![0.5, 0.25]);
/// assert_eq!((y, y_dot), (array![2.0, 1.0, 2.0], array![0.25, 0.5, 0.25]));
/// ```
#[track_caller]
pub fn select_jvp<T: Real, S: Data<Elem = T>, D: RemoveAxis>(
    x: &ArrayBase<S, D>,
    axis: Axis,
    indices: &[usize],
    x_dot: &Array<T, D>,
) -> (Array<T, D>, Array<T, D>) {
    check_tangent("select", x.shape(), x_dot.shape());
    let (y, d) = select(x, axis, indices);
    (y, d.push(x_dot))
}

unary_vjp!(
    /// ```
    /// use autodiff_runtime::{ops, Adjoint};
    /// use ndarray::{array, Axis};
    /// let (_, d) = ops::select(&array![1.0f64, 2.0], Axis(0), &[1, 1]);
    /// let mut x_bar = Adjoint::zero();
    /// ops::select_vjp(Adjoint::new(array![3.0, 4.0]), &mut x_bar, d);
    /// assert_eq!(x_bar.get(), Some(array![0.0, 7.0]));
    /// ```
    select,
    select_vjp
);

// ---------------------------------------------------------------------------------------
// permuted_axes

/// Checks that `axes` permutes the axes of `shape`, and returns the inverse permutation.
#[track_caller]
fn inverse_permutation<D: Dimension>(shape: &[usize], axes: &D) -> D {
    let n = shape.len();
    let mut inverse = D::zeros(n);
    inverse.slice_mut().fill(usize::MAX);
    let ok = axes.ndim() == n
        && axes.slice().iter().enumerate().all(|(i, &a)| {
            let fresh = a < n && inverse[a] == usize::MAX;
            if fresh {
                inverse[a] = i;
            }
            fresh
        });
    assert!(ok, "permuted_axes: {:?} is not a permutation of the axes of an array of shape {shape:?}", axes.slice());
    inverse
}

/// `y = x.permuted_axes(axes)`: axis `i` of the result is axis `axes[i]` of `x` (`axes` as
/// ndarray takes it: `[1, 0]`, `(2, 0, 1)`, ...). The result is owned, in the input's memory
/// order.
///
/// # Panics
/// If `axes` is not a permutation of `0..x.ndim()`, naming `permuted_axes` and the shape.
///
/// ```
/// use autodiff_runtime::{ops, Partial};
/// use ndarray::Array3;
/// let x = Array3::<f64>::zeros((2, 3, 4));
/// let (y, d) = ops::permuted_axes(&x, [2, 0, 1]);
/// assert_eq!(y.shape(), [4, 2, 3]);
/// assert_eq!(d.pull(&y).shape(), [2, 3, 4]);
/// ```
#[track_caller]
pub fn permuted_axes<T: Real, S: Data<Elem = T>, D: Dimension, A: IntoDimension<Dim = D>>(
    x: &ArrayBase<S, D>,
    axes: A,
) -> (Array<T, D>, Permute<T, D>) {
    let axes = axes.into_dimension();
    let inverse = inverse_permutation(x.shape(), &axes);
    (x.view().permuted_axes(axes.clone()).to_owned(), Permute { axes, inverse, _t: PhantomData })
}

/// Forward mode of [`permuted_axes`].
///
/// ```
/// use ndarray::array;
/// let (y, y_dot) = autodiff_runtime::ops::permuted_axes_jvp(&array![[1.0f64, 2.0]], [1, 0], &array![[3.0, 4.0]]);
/// assert_eq!((y, y_dot), (array![[1.0], [2.0]], array![[3.0], [4.0]]));
/// ```
#[track_caller]
pub fn permuted_axes_jvp<T: Real, S: Data<Elem = T>, D: Dimension, A: IntoDimension<Dim = D>>(
    x: &ArrayBase<S, D>,
    axes: A,
    x_dot: &Array<T, D>,
) -> (Array<T, D>, Array<T, D>) {
    check_tangent("permuted_axes", x.shape(), x_dot.shape());
    let (y, d) = permuted_axes(x, axes);
    (y, d.push(x_dot))
}

unary_vjp!(
    /// ```
    /// use autodiff_runtime::{ops, Adjoint};
    /// use ndarray::array;
    /// let (_, d) = ops::permuted_axes(&array![[1.0f64, 2.0]], [1, 0]);
    /// let mut x_bar = Adjoint::zero();
    /// ops::permuted_axes_vjp(Adjoint::new(array![[3.0], [4.0]]), &mut x_bar, d);
    /// assert_eq!(x_bar.get(), Some(array![[3.0, 4.0]]));
    /// ```
    permuted_axes,
    permuted_axes_vjp
);

// ---------------------------------------------------------------------------------------
// concatenate, stack

/// The shapes of `arrays`, for messages.
fn shapes<S: Data, D: Dimension>(arrays: &[ArrayBase<S, D>]) -> Vec<&[usize]> {
    arrays.iter().map(|a| a.shape()).collect()
}

/// Checks one tangent per input, each of its input's shape.
#[track_caller]
fn check_tangents<T, S: Data, D: Dimension>(op: &str, arrays: &[ArrayBase<S, D>], tangents: &[Option<&Array<T, D>>]) {
    assert!(tangents.len() == arrays.len(), "{op}: {} tangents for {} arrays", tangents.len(), arrays.len());
    for (a, t) in arrays.iter().zip(tangents) {
        if let Some(t) = t {
            check_tangent(op, a.shape(), t.shape());
        }
    }
}

/// `y = concatenate(axis, arrays)`: the arrays joined along the existing `axis`, as ndarray's
/// `concatenate(axis, &[a.view(), b.view()]).unwrap()`. `arrays` may be views or owned arrays.
///
/// Returns the result and **one partial per input, in order**: `parts[i]` is `∂y/∂arrays[i]`,
/// the block of `y` that `arrays[i]` fills. Generated code pulls the cotangent back once per
/// differentiable input with [`concatenate_vjp`]`(&ȳ, &mut x̄ᵢ, &parts[i])`, skipping
/// constant inputs (an array passed twice gets both contributions):
///
/// ```
/// use autodiff_runtime::{ops, Adjoint};
/// use ndarray::{array, Axis};
/// let (a, b) = (array![[1.0f64, 2.0]], array![[3.0, 4.0], [5.0, 6.0]]);
/// let (y, parts) = ops::concatenate(Axis(0), &[a.view(), b.view()]);
/// assert_eq!(y, array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]);
/// let y_bar = Adjoint::new(array![[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]]);
/// let (mut a_bar, mut b_bar) = (Adjoint::zero(), Adjoint::zero());
/// ops::concatenate_vjp(&y_bar, &mut a_bar, &parts[0]);
/// ops::concatenate_vjp(&y_bar, &mut b_bar, &parts[1]);
/// assert_eq!(a_bar.get(), Some(array![[1.0, 1.0]]));
/// assert_eq!(b_bar.get(), Some(array![[2.0, 2.0], [3.0, 3.0]]));
/// ```
///
/// # Panics
/// If `arrays` is empty, `axis` is out of range, or the arrays' shapes differ in another axis,
/// naming `concatenate` and the shapes.
#[track_caller]
pub fn concatenate<T: Real, S: Data<Elem = T>, D: RemoveAxis>(
    axis: Axis,
    arrays: &[ArrayBase<S, D>],
) -> (Array<T, D>, Vec<ConcatenatePart<T, D>>) {
    assert!(!arrays.is_empty(), "concatenate: no arrays to concatenate");
    let first = arrays[0].shape();
    check_axis("concatenate", first, axis);
    let fits = |a: &ArrayBase<S, D>| {
        a.ndim() == first.len()
            && a.shape().iter().zip(first).enumerate().all(|(k, (m, n))| k == axis.index() || m == n)
    };
    assert!(
        arrays.iter().all(fits),
        "concatenate: arrays of shapes {:?} differ in an axis other than axis {}",
        shapes(arrays),
        axis.index()
    );
    let views: Vec<ArrayView<'_, T, D>> = arrays.iter().map(|a| a.view()).collect();
    let y = ndarray::concatenate(axis, &views).expect("shapes checked");
    let mut start = 0;
    let parts = arrays
        .iter()
        .map(|a| {
            let len = a.len_of(axis);
            let part = ConcatenatePart { y_shape: y.raw_dim(), axis, start, len, _t: PhantomData };
            start += len;
            part
        })
        .collect();
    (y, parts)
}

/// Forward mode of [`concatenate`]: `ẏ` is the tangents concatenated, zeros standing for
/// `None` (a constant input). `tangents` has one entry per array.
///
/// ```
/// use ndarray::{array, Axis};
/// let (a, b) = (array![1.0f64], array![2.0, 3.0]);
/// let (y, y_dot) = autodiff_runtime::ops::concatenate_jvp(Axis(0), &[a.view(), b.view()], &[None, Some(&array![1.0, 1.0])]);
/// assert_eq!((y, y_dot), (array![1.0, 2.0, 3.0], array![0.0, 1.0, 1.0]));
/// ```
#[track_caller]
pub fn concatenate_jvp<T: Real, S: Data<Elem = T>, D: RemoveAxis>(
    axis: Axis,
    arrays: &[ArrayBase<S, D>],
    tangents: &[Option<&Array<T, D>>],
) -> (Array<T, D>, Array<T, D>) {
    check_tangents("concatenate", arrays, tangents);
    let (y, parts) = concatenate(axis, arrays);
    let mut y_dot = Array::zeros(y.raw_dim());
    for (part, t) in parts.iter().zip(tangents) {
        if let Some(t) = t {
            y_dot.slice_axis_mut(axis, part.block()).assign(*t);
        }
    }
    (y, y_dot)
}

pull_vjp!(
    /// See [`concatenate`] for how generated code calls it.
    ///
    /// ```
    /// use autodiff_runtime::{ops, Adjoint};
    /// use ndarray::{array, Axis};
    /// let (_, parts) = ops::concatenate(Axis(0), &[array![1.0f64], array![2.0, 3.0]]);
    /// let mut b_bar = Adjoint::new(array![1.0, 1.0]);
    /// ops::concatenate_vjp(&Adjoint::new(array![4.0, 5.0, 6.0]), &mut b_bar, &parts[1]);
    /// assert_eq!(b_bar.get(), Some(array![6.0, 7.0]));
    /// ```
    concatenate,
    concatenate_vjp
);

/// `y = stack(axis, arrays)`: the arrays, all of one shape, stacked along a new `axis`
/// (`0..=ndim`), as ndarray's `stack(axis, &[a.view(), b.view()]).unwrap()`. `arrays` may be
/// views or owned arrays.
///
/// Returns the result and **one partial per input, in order**: `parts[i]` is `∂y/∂arrays[i]`,
/// the `i`-th subview of `y` along `axis`. Generated code pulls the cotangent back once per
/// differentiable input with [`stack_vjp`]`(&ȳ, &mut x̄ᵢ, &parts[i])`, as for [`concatenate`]:
///
/// ```
/// use autodiff_runtime::{ops, Adjoint};
/// use ndarray::{array, Axis};
/// let (a, b) = (array![1.0f64, 2.0], array![3.0, 4.0]);
/// let (y, parts) = ops::stack(Axis(1), &[a.view(), b.view()]);
/// assert_eq!(y, array![[1.0, 3.0], [2.0, 4.0]]);
/// let y_bar = Adjoint::new(array![[1.0, 2.0], [3.0, 4.0]]);
/// let (mut a_bar, mut b_bar) = (Adjoint::zero(), Adjoint::zero());
/// ops::stack_vjp(&y_bar, &mut a_bar, &parts[0]);
/// ops::stack_vjp(&y_bar, &mut b_bar, &parts[1]);
/// assert_eq!(a_bar.get(), Some(array![1.0, 3.0]));
/// assert_eq!(b_bar.get(), Some(array![2.0, 4.0]));
/// ```
///
/// # Panics
/// If `arrays` is empty, `axis > ndim`, or the arrays' shapes differ, naming `stack` and the
/// shapes.
#[allow(clippy::type_complexity)]
#[track_caller]
pub fn stack<T: Real, S: Data<Elem = T>, D: Dimension>(
    axis: Axis,
    arrays: &[ArrayBase<S, D>],
) -> (Array<T, D::Larger>, Vec<StackPart<T, D>>) {
    assert!(!arrays.is_empty(), "stack: no arrays to stack");
    let first = arrays[0].shape();
    assert!(
        axis.index() <= first.len(),
        "stack: axis {} is out of range for arrays of shape {first:?} (a new axis goes at 0..={})",
        axis.index(),
        first.len()
    );
    assert!(arrays.iter().all(|a| a.shape() == first), "stack: arrays of shapes {:?} differ", shapes(arrays));
    let views: Vec<ArrayView<'_, T, D>> = arrays.iter().map(|a| a.view()).collect();
    let y = ndarray::stack(axis, &views).expect("shapes checked");
    let parts =
        (0..arrays.len()).map(|index| StackPart { y_shape: y.raw_dim(), axis, index, _t: PhantomData }).collect();
    (y, parts)
}

/// Forward mode of [`stack`]: `ẏ` is the tangents stacked, zeros standing for `None` (a
/// constant input). `tangents` has one entry per array.
///
/// ```
/// use ndarray::{array, Axis};
/// let (a, b) = (array![1.0f64, 2.0], array![3.0, 4.0]);
/// let (_, y_dot) = autodiff_runtime::ops::stack_jvp(Axis(0), &[a.view(), b.view()], &[Some(&array![1.0, 1.0]), None]);
/// assert_eq!(y_dot, array![[1.0, 1.0], [0.0, 0.0]]);
/// ```
#[track_caller]
pub fn stack_jvp<T: Real, S: Data<Elem = T>, D: Dimension>(
    axis: Axis,
    arrays: &[ArrayBase<S, D>],
    tangents: &[Option<&Array<T, D>>],
) -> (Array<T, D::Larger>, Array<T, D::Larger>) {
    check_tangents("stack", arrays, tangents);
    let (y, _) = stack(axis, arrays);
    let mut y_dot = Array::zeros(y.raw_dim());
    for (i, t) in tangents.iter().enumerate() {
        if let Some(t) = t {
            y_dot.index_axis_mut(axis, i).assign(*t);
        }
    }
    (y, y_dot)
}

pull_vjp!(
    /// See [`stack`] for how generated code calls it.
    ///
    /// ```
    /// use autodiff_runtime::{ops, Adjoint};
    /// use ndarray::{array, Axis};
    /// let (_, parts) = ops::stack(Axis(0), &[array![1.0f64], array![2.0]]);
    /// let mut x_bar = Adjoint::zero();
    /// ops::stack_vjp(&Adjoint::new(array![[4.0], [5.0]]), &mut x_bar, &parts[1]);
    /// assert_eq!(x_bar.get(), Some(array![5.0]));
    /// ```
    stack,
    stack_vjp
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Adjoint;
    use core::fmt::Debug;
    use ndarray::{Ix0, Ix1, Ix2, Ix3, IxDyn, NewAxis, OwnedRepr, ShapeBuilder, Slice, SliceInfo, array, s};

    /// SplitMix64: a small deterministic generator for shapes, indices and values.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        fn real(&mut self) -> f64 {
            (self.next() >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
        }
    }

    /// Values and tangents seen as flat vectors, in logical (row-major) order.
    trait Flat: Clone + PartialEq + Debug {
        fn flat(&self) -> Vec<f64>;
        fn dims(&self) -> Vec<usize>;
        fn random_like(&self, rng: &mut Rng) -> Self;
    }

    impl Flat for f64 {
        fn flat(&self) -> Vec<f64> {
            vec![*self]
        }
        fn dims(&self) -> Vec<usize> {
            vec![]
        }
        fn random_like(&self, rng: &mut Rng) -> f64 {
            rng.real()
        }
    }

    impl<D: Dimension> Flat for Array<f64, D> {
        fn flat(&self) -> Vec<f64> {
            self.iter().copied().collect()
        }
        fn dims(&self) -> Vec<usize> {
            self.shape().to_vec()
        }
        fn random_like(&self, rng: &mut Rng) -> Self {
            random(rng, self.raw_dim())
        }
    }

    fn random<D: Dimension>(rng: &mut Rng, shape: D) -> Array<f64, D> {
        Array::from_shape_simple_fn(shape, || rng.real())
    }

    fn inner(a: &[f64], b: &[f64]) -> f64 {
        assert_eq!(a.len(), b.len());
        a.iter().zip(b).map(|(a, b)| a * b).sum()
    }

    /// A random shape of `ndim` axes of lengths `min..=3`.
    fn random_shape<D: Dimension>(rng: &mut Rng, ndim: usize, min: usize) -> D {
        let mut d = D::zeros(ndim);
        for v in d.slice_mut() {
            *v = min + rng.below(4 - min);
        }
        d
    }

    /// Random arrays of `shape` in four layouts: standard, column-major, every other element
    /// of a larger array (stepped), and reversed along every axis (negative strides).
    fn layouts<D: Dimension>(rng: &mut Rng, shape: &D) -> Vec<Array<f64, D>> {
        let standard = random(rng, shape.clone());
        let column_major = Array::from_shape_simple_fn(shape.clone().f(), || rng.real());
        let mut big = shape.clone();
        for v in big.slice_mut() {
            *v = 2 * *v + 1;
        }
        let mut stepped = random(rng, big);
        stepped.slice_each_axis_inplace(|_| Slice::new(1, None, 2));
        let mut reversed = random(rng, shape.clone());
        reversed.slice_each_axis_inplace(|_| Slice::new(0, None, -1));
        assert_eq!(stepped.shape(), shape.slice());
        vec![standard, column_major, stepped, reversed]
    }

    #[track_caller]
    fn close(a: &[f64], b: &[f64], what: &str) {
        assert_eq!(a.len(), b.len(), "{what}: lengths differ");
        for (x, y) in a.iter().zip(b) {
            assert!((x - y).abs() <= 1e-8 * (1.0 + y.abs()), "{what}: {a:?} vs {b:?}");
        }
    }

    /// Checks a rule at `x` (any layout): the primal against the same rule on a
    /// standard-layout copy, the JVP against the partial's push, push and pull against central
    /// differences, the adjoint identity ⟨ȳ, push(ẋ)⟩ = ⟨pull(ȳ), ẋ⟩, and `pull_owned`.
    #[track_caller]
    fn check<D, Y, P>(
        rng: &mut Rng,
        x: ArrayView<'_, f64, D>,
        f: impl Fn(ArrayView<'_, f64, D>) -> (Y, P),
        jvp: impl Fn(ArrayView<'_, f64, D>, &Array<f64, D>) -> (Y, Y),
    ) where
        D: Dimension,
        Y: Flat,
        P: Partial<Y, X = Array<f64, D>>,
    {
        let (y, p) = f(x.view());
        let x_std = x.as_standard_layout().into_owned();
        assert_eq!(f(x_std.view()).0, y, "the primal depends on the input's layout");
        let x_dot = random(rng, x.raw_dim());
        let y_bar = y.random_like(rng);
        let (push, pull) = (p.push(&x_dot), p.pull(&y_bar));
        assert_eq!(pull.shape(), x.shape(), "pull to the input's shape");
        assert_eq!(push.dims(), y.dims(), "push to the output's shape");
        assert_eq!(p.pull_owned(y_bar.clone()), pull, "pull_owned");
        let (y_j, t_j) = jvp(x.view(), &x_dot);
        assert_eq!(y_j, y, "jvp primal");
        close(&t_j.flat(), &push.flat(), "jvp tangent vs push");

        let h = 1e-3;
        let eval = |x: &Array<f64, D>| f(x.view()).0.flat();
        let step = &x_dot * h;
        let (up, down) = (eval(&(&x_std + &step)), eval(&(&x_std - &step)));
        let fd: Vec<f64> = up.iter().zip(&down).map(|(a, b)| (a - b) / (2.0 * h)).collect();
        close(&push.flat(), &fd, "push vs central differences");
        let yb = y_bar.flat();
        let fd: Vec<f64> = (0..x.len())
            .map(|k| {
                let (mut up, mut down) = (x_std.clone(), x_std.clone());
                *up.iter_mut().nth(k).unwrap() += h;
                *down.iter_mut().nth(k).unwrap() -= h;
                (inner(&yb, &eval(&up)) - inner(&yb, &eval(&down))) / (2.0 * h)
            })
            .collect();
        close(&pull.flat(), &fd, "pull vs central differences");

        let (lhs, rhs) = (inner(&yb, &push.flat()), inner(&pull.flat(), &x_dot.flat()));
        assert!((lhs - rhs).abs() <= 1e-12 * (1.0 + lhs.abs()), "adjoint identity: {lhs} vs {rhs}");
    }

    fn index_at<D: Dimension>(rng: &mut Rng, ndim: usize)
    where
        D::Pattern: NdIndex<D> + Copy,
    {
        for _ in 0..3 {
            let shape: D = random_shape(rng, ndim, 1);
            let mut i = D::zeros(ndim);
            for (v, &n) in i.slice_mut().iter_mut().zip(shape.slice()) {
                *v = rng.below(n);
            }
            let i = i.into_pattern();
            for x in layouts(rng, &shape) {
                check(rng, x.view(), |x| index(&x, i), |x, t| index_jvp(&x, i, t));
            }
        }
    }

    #[test]
    fn index_reads_one_element() {
        let rng = &mut Rng(1);
        index_at::<Ix0>(rng, 0);
        index_at::<Ix1>(rng, 1);
        index_at::<Ix2>(rng, 2);
        index_at::<Ix3>(rng, 3);
        // `a[[i, j]]` and `&[..]` on a dynamic-dimensional array
        for x in layouts(rng, &Ix2(2, 3)) {
            check(rng, x.view(), |x| index(&x, [1, 2]), |x, t| index_jvp(&x, [1, 2], t));
        }
        for x in layouts(rng, &IxDyn(&[3, 1, 2])) {
            let i: &[usize] = &[2, 0, 1];
            check(rng, x.view(), |x| index(&x, i), |x, t| index_jvp(&x, i, t));
            assert_eq!(index(&x, i).0, x[[2, 0, 1]]);
        }
    }

    macro_rules! slices {
        ($rng:ident, $dim:ty, $ndim:expr, $min:expr; $($info:expr),* $(,)?) => {
            for _ in 0..3 {
                let shape: $dim = random_shape($rng, $ndim, $min);
                for x in layouts($rng, &shape) {
                    $(check($rng, x.view(), |x| slice(&x, $info), |x, t| slice_jvp(&x, $info, t));)*
                }
            }
        };
    }

    #[test]
    fn slice_scatters_back() {
        let rng = &mut Rng(2);
        slices!(rng, Ix1, 1, 1; s![..], s![..;-2], s![1..], s![-1..], s![..;2, NewAxis], s![0], s![-1]);
        slices!(rng, Ix1, 1, 0; s![..;-1], s![0..0]);
        slices!(rng, Ix2, 2, 1; s![.., ..;-2], s![0, 1..], s![..;2, NewAxis, -1], s![-1.., ..1]);
        slices!(rng, Ix3, 3, 1; s![1.., .., 0], s![..;-1, ..;2, ..], s![0, 0, 0], s![NewAxis, .., 0, NewAxis, ..]);
        // empty results
        slices!(rng, Ix2, 2, 1; s![1..1, ..], s![.., -1..-1], s![..;-1, 1..1]);
        // dynamic dimension: a `SliceInfo` of a `Vec`, and `&[SliceInfoElem]`
        let info = SliceInfo::<Vec<SliceInfoElem>, IxDyn, IxDyn>::try_from(vec![
            Slice::new(0, None, -1).into(),
            SliceInfoElem::Index(-1),
            SliceInfoElem::NewAxis,
        ])
        .unwrap();
        let elems: &[SliceInfoElem] = &[Slice::new(1, None, 2).into(), SliceInfoElem::NewAxis, SliceInfoElem::Index(0)];
        for x in layouts(rng, &IxDyn(&[3, 2])) {
            check(rng, x.view(), |x| slice(&x, &info), |x, t| slice_jvp(&x, &info, t));
            check(rng, x.view(), |x| slice(&x, elems), |x, t| slice_jvp(&x, elems, t));
        }
    }

    fn insert_axis_at<D: Dimension>(rng: &mut Rng, ndim: usize, min: usize) {
        for k in 0..=ndim {
            let shape: D = random_shape(rng, ndim, min);
            for x in layouts(rng, &shape) {
                check(rng, x.view(), |x| insert_axis(&x, Axis(k)), |x, t| insert_axis_jvp(&x, Axis(k), t));
            }
        }
    }

    #[test]
    fn insert_axis_removes_it_again() {
        let rng = &mut Rng(3);
        for min in [0, 1] {
            insert_axis_at::<Ix0>(rng, 0, min);
            insert_axis_at::<Ix1>(rng, 1, min);
            insert_axis_at::<Ix2>(rng, 2, min);
            insert_axis_at::<Ix3>(rng, 3, min);
            insert_axis_at::<IxDyn>(rng, 2, min);
        }
    }

    fn index_axis_at<D: RemoveAxis>(rng: &mut Rng, ndim: usize) {
        for k in 0..ndim {
            let shape: D = random_shape(rng, ndim, 1);
            let i = rng.below(shape[k]);
            for x in layouts(rng, &shape) {
                check(rng, x.view(), |x| index_axis(&x, Axis(k), i), |x, t| index_axis_jvp(&x, Axis(k), i, t));
            }
        }
    }

    #[test]
    fn index_axis_scatters_one_subview() {
        let rng = &mut Rng(4);
        index_axis_at::<Ix1>(rng, 1);
        index_axis_at::<Ix2>(rng, 2);
        index_axis_at::<Ix3>(rng, 3);
        index_axis_at::<IxDyn>(rng, 3);
        // other axes empty
        for x in layouts(rng, &Ix2(2, 0)) {
            check(rng, x.view(), |x| index_axis(&x, Axis(0), 1), |x, t| index_axis_jvp(&x, Axis(0), 1, t));
        }
    }

    /// Every spelling of a reshape of `x` to `shape`, in both orders where there is a choice.
    fn reshapes<D: Dimension, E: Dimension>(rng: &mut Rng, x: &Array<f64, D>, shape: E) {
        let sh = shape.clone();
        check(rng, x.view(), |x| reshape(&x, sh.clone()), |x, t| reshape_jvp(&x, sh.clone(), t));
        for order in [Order::RowMajor, Order::ColumnMajor] {
            let arg = (shape.clone(), order);
            check(rng, x.view(), |x| to_shape(&x, arg.clone()), |x, t| to_shape_jvp(&x, arg.clone(), t));
            check(
                rng,
                x.view(),
                |x| into_shape_with_order(&x, arg.clone()),
                |x, t| into_shape_with_order_jvp(&x, arg.clone(), t),
            );
        }
        check(rng, x.view(), |x| to_shape(&x, sh.clone()), |x, t| to_shape_jvp(&x, sh.clone(), t));
        check(
            rng,
            x.view(),
            |x| into_shape_with_order(&x, sh.clone()),
            |x, t| into_shape_with_order_jvp(&x, sh.clone(), t),
        );
        // row-major: the elements in the same logical order
        assert_eq!(reshape(x, shape).0.flat(), x.flat());
    }

    #[test]
    fn reshape_in_either_order() {
        let rng = &mut Rng(5);
        for _ in 0..3 {
            for min in [0, 1] {
                let shape: Ix3 = random_shape(rng, 3, min);
                let (a, b, c) = shape.into_pattern();
                for x in layouts(rng, &shape) {
                    reshapes(rng, &x, Ix3(c, b, a));
                    reshapes(rng, &x, Ix1(a * b * c));
                    reshapes(rng, &x, Ix2(a * b, c));
                    reshapes(rng, &x, IxDyn(&[1, a, 1, b * c]));
                }
            }
        }
        for x in layouts(rng, &Ix0()) {
            reshapes(rng, &x, Ix1(1));
            reshapes(rng, &x, Ix2(1, 1));
        }
        for x in layouts(rng, &Ix2(1, 1)) {
            reshapes(rng, &x, Ix0());
        }
        for x in layouts(rng, &Ix2(0, 3)) {
            reshapes(rng, &x, Ix2(3, 0));
            reshapes(rng, &x, Ix1(0));
        }
    }

    fn select_at<D: RemoveAxis>(rng: &mut Rng, ndim: usize) {
        for k in 0..ndim {
            for n in [0, 1, 4] {
                let shape: D = random_shape(rng, ndim, 1);
                let indices: Vec<usize> = (0..n).map(|_| rng.below(shape[k])).collect();
                for x in layouts(rng, &shape) {
                    check(
                        rng,
                        x.view(),
                        |x| select(&x, Axis(k), &indices),
                        |x, t| select_jvp(&x, Axis(k), &indices, t),
                    );
                }
            }
        }
    }

    #[test]
    fn select_adds_back_repeats() {
        let rng = &mut Rng(6);
        select_at::<Ix1>(rng, 1);
        select_at::<Ix2>(rng, 2);
        select_at::<Ix3>(rng, 3);
        select_at::<IxDyn>(rng, 2);
        for x in layouts(rng, &Ix2(3, 2)) {
            check(
                rng,
                x.view(),
                |x| select(&x, Axis(0), &[2, 2, 2, 0]),
                |x, t| select_jvp(&x, Axis(0), &[2, 2, 2, 0], t),
            );
        }
    }

    #[test]
    fn permuted_axes_permute_back() {
        let rng = &mut Rng(7);
        for min in [0, 1] {
            let shape: Ix2 = random_shape(rng, 2, min);
            for x in layouts(rng, &shape) {
                for p in [[0, 1], [1, 0]] {
                    check(rng, x.view(), |x| permuted_axes(&x, p), |x, t| permuted_axes_jvp(&x, p, t));
                }
            }
            let shape: Ix3 = random_shape(rng, 3, min);
            for x in layouts(rng, &shape) {
                for p in [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]] {
                    check(rng, x.view(), |x| permuted_axes(&x, p), |x, t| permuted_axes_jvp(&x, p, t));
                }
            }
            let shape: IxDyn = random_shape(rng, 3, min);
            for x in layouts(rng, &shape) {
                let p = IxDyn(&[2, 0, 1]);
                check(rng, x.view(), |x| permuted_axes(&x, p.clone()), |x, t| permuted_axes_jvp(&x, p.clone(), t));
            }
        }
        let x = Array::from_shape_fn((2, 3, 4), |(i, j, k)| (100 * i + 10 * j + k) as f64);
        let (y, _) = permuted_axes(&x, [2, 0, 1]);
        assert_eq!(y[[3, 1, 2]], x[[1, 2, 3]]);
    }

    /// `views` with the `i`-th replaced by `xi` (views are invariant in their lifetime, hence
    /// `reborrow`).
    fn with<'a, 'b: 'a, 'c: 'a, D: Dimension>(
        views: &[ArrayView<'b, f64, D>],
        i: usize,
        xi: ArrayView<'c, f64, D>,
    ) -> Vec<ArrayView<'a, f64, D>> {
        let v = |j: usize, v: &ArrayView<'b, f64, D>| if j == i { xi.clone().reborrow() } else { v.clone().reborrow() };
        views.iter().enumerate().map(|(j, x)| v(j, x)).collect()
    }

    /// `n` tangents, `t` the `i`-th and the others `None`.
    fn only<D: Dimension>(n: usize, i: usize, t: &Array<f64, D>) -> Vec<Option<&Array<f64, D>>> {
        (0..n).map(|j| if j == i { Some(t) } else { None }).collect()
    }

    /// Checks `concatenate` and `stack` of `xs` (of one shape) with respect to each input in
    /// turn, the others held, and the JVP with every tangent at once.
    fn joins<D: RemoveAxis>(rng: &mut Rng, axis: Axis, xs: &[Array<f64, D>]) {
        check_concatenate_only(rng, axis, xs);
        check_stack_only(rng, axis, xs);
        let views: Vec<ArrayView<'_, f64, D>> = xs.iter().map(|x| x.view()).collect();
        // all tangents at once: the sum of the pushes
        let ts: Vec<Array<f64, D>> = xs.iter().map(|x| random(rng, x.raw_dim())).collect();
        let some: Vec<_> = ts.iter().map(Some).collect();
        let (y, parts) = concatenate(axis, &views);
        let sum = parts.iter().zip(&ts).fold(Array::zeros(y.raw_dim()), |acc, (p, t)| acc + p.push(t));
        assert_eq!(concatenate_jvp(axis, &views, &some), (y, sum));
        let (y, parts) = stack(axis, &views);
        let sum = parts.iter().zip(&ts).fold(Array::zeros(y.raw_dim()), |acc, (p, t)| acc + p.push(t));
        assert_eq!(stack_jvp(axis, &views, &some), (y, sum));
    }

    fn concatenate_at<D: RemoveAxis>(rng: &mut Rng, ndim: usize) {
        for k in 0..ndim {
            for n in 1..=3 {
                let common: D = random_shape(rng, ndim, 1);
                let mut xs = Vec::new();
                for _ in 0..n {
                    let mut shape = common.clone();
                    shape[k] = rng.below(4); // including an empty block
                    let mut ls = layouts(rng, &shape);
                    xs.push(ls.swap_remove(rng.below(4)));
                }
                check_concatenate_only(rng, Axis(k), &xs);
            }
        }
    }

    /// `concatenate` with respect to each of `xs` (which may differ along `axis`).
    fn check_concatenate_only<D: RemoveAxis>(rng: &mut Rng, axis: Axis, xs: &[Array<f64, D>]) {
        let views: Vec<ArrayView<'_, f64, D>> = xs.iter().map(|x| x.view()).collect();
        for i in 0..xs.len() {
            check(
                rng,
                xs[i].view(),
                |xi| {
                    let (y, mut parts) = concatenate(axis, &with(&views, i, xi));
                    (y, parts.swap_remove(i))
                },
                |xi, t| concatenate_jvp(axis, &with(&views, i, xi), &only(xs.len(), i, t)),
            );
        }
    }

    #[test]
    fn concatenate_splits_the_cotangent() {
        let rng = &mut Rng(8);
        concatenate_at::<Ix1>(rng, 1);
        concatenate_at::<Ix2>(rng, 2);
        concatenate_at::<Ix3>(rng, 3);
        concatenate_at::<IxDyn>(rng, 2);
        let (a, b) = (array![[1.0, 2.0]], array![[3.0, 4.0]]);
        let (y, _) = concatenate(Axis(1), &[a.t(), b.t()]);
        assert_eq!(y, array![[1.0, 3.0], [2.0, 4.0]]);
    }

    #[test]
    fn stack_and_concatenate_of_equal_shapes() {
        let rng = &mut Rng(9);
        for min in [0, 1] {
            for n in 1..=3 {
                let shape: Ix1 = random_shape(rng, 1, min);
                let xs: Vec<_> = (0..n).map(|i| layouts(rng, &shape).swap_remove(i % 4)).collect();
                joins(rng, Axis(0), &xs);
                check_stack_only(rng, Axis(1), &xs);
                let shape: Ix2 = random_shape(rng, 2, min);
                let xs: Vec<_> = (0..n).map(|i| layouts(rng, &shape).swap_remove((i + 1) % 4)).collect();
                joins(rng, Axis(0), &xs);
                joins(rng, Axis(1), &xs);
                check_stack_only(rng, Axis(2), &xs);
            }
        }
        // 0-d arrays stack into a vector
        let xs: Vec<Array<f64, Ix0>> = (0..3).map(|_| random(rng, Ix0())).collect();
        check_stack_only(rng, Axis(0), &xs);
        assert_eq!(stack(Axis(0), &xs).0, array![xs[0][()], xs[1][()], xs[2][()]]);
    }

    /// `stack` with respect to each of `xs` (of one shape).
    fn check_stack_only<D: Dimension>(rng: &mut Rng, axis: Axis, xs: &[Array<f64, D>]) {
        let views: Vec<ArrayView<'_, f64, D>> = xs.iter().map(|x| x.view()).collect();
        for i in 0..xs.len() {
            check(
                rng,
                xs[i].view(),
                |xi| {
                    let (y, mut parts) = stack(axis, &with(&views, i, xi));
                    (y, parts.swap_remove(i))
                },
                |xi, t| stack_jvp(axis, &with(&views, i, xi), &only(xs.len(), i, t)),
            );
        }
    }

    #[test]
    #[allow(clippy::type_complexity)]
    fn vjps_accumulate_into_the_adjoint() {
        let x = array![[1.0f64, 2.0, 3.0], [4.0, 5.0, 6.0]];
        let ones = Array::<f64, _>::ones((2, 3));
        let run = |f: &dyn Fn(&mut Adjoint<Array<f64, Ix2>>)| {
            let mut x_bar = Adjoint::new(ones.clone());
            f(&mut x_bar);
            x_bar.get().unwrap() - &ones
        };
        let (y, d) = index(&x, (1, 2));
        assert_eq!(run(&|b| index_vjp(Adjoint::new(y), b, d.clone())), d.pull(&y));
        let (y, d) = slice(&x, s![.., 1..]);
        assert_eq!(run(&|b| slice_vjp(Adjoint::new(y.clone()), b, d.clone())), d.pull(&y));
        let (y, d) = index_axis(&x, Axis(1), 1);
        assert_eq!(run(&|b| index_axis_vjp(Adjoint::new(y.clone()), b, d.clone())), d.pull(&y));
        let (y, d) = insert_axis(&x, Axis(2));
        assert_eq!(run(&|b| insert_axis_vjp(Adjoint::new(y.clone()), b, d.clone())), d.pull(&y));
        let (y, d) = reshape(&x, 6);
        assert_eq!(run(&|b| reshape_vjp(Adjoint::new(y.clone()), b, d.clone())), x);
        let (y, d) = select(&x, Axis(1), &[0, 0]);
        assert_eq!(run(&|b| select_vjp(Adjoint::new(y.clone()), b, d.clone())), d.pull(&y));
        let (y, d) = permuted_axes(&x, [1, 0]);
        assert_eq!(run(&|b| permuted_axes_vjp(Adjoint::new(y.clone()), b, d.clone())), x);
        // an empty cotangent contributes nothing
        assert_eq!(run(&|b| permuted_axes_vjp(Adjoint::zero(), b, d.clone())), Array::zeros((2, 3)));
        let (y, parts) = concatenate(Axis(0), &[x.view(), x.view()]);
        let y_bar = Adjoint::new(y);
        assert_eq!(
            run(&|b| parts.iter().for_each(|p| concatenate_vjp(&y_bar, b, p))),
            &x * 2.0,
            "an array passed twice gets both blocks"
        );
        let (y, parts) = stack(Axis(2), &[x.view(), x.view()]);
        let y_bar = Adjoint::new(y);
        assert_eq!(run(&|b| parts.iter().for_each(|p| stack_vjp(&y_bar, b, p))), &x * 2.0);
    }

    #[test]
    fn single_precision() {
        let x = array![[1.0f32, 2.0], [3.0, 4.0]];
        assert_eq!(index(&x, [0, 1]).0, 2.0f32);
        assert_eq!(slice(&x, s![1, ..]).1.pull(&array![1.0f32, 1.0]), array![[0.0, 0.0], [1.0, 1.0]]);
        assert_eq!(reshape(&x, 4).1.push(&x), array![1.0f32, 2.0, 3.0, 4.0]);
        assert_eq!(select(&x, Axis(0), &[1]).0, array![[3.0f32, 4.0]]);
        assert_eq!(insert_axis(&x, Axis(0)).0.shape(), [1, 2, 2]);
        assert_eq!(index_axis(&x, Axis(1), 1).0, array![2.0f32, 4.0]);
        assert_eq!(permuted_axes(&x, [1, 0]).0, x.t());
        assert_eq!(concatenate(Axis(0), &[x.view(), x.view()]).0.shape(), [4, 2]);
        assert_eq!(stack(Axis(0), &[x.view(), x.view()]).0.shape(), [2, 2, 2]);
    }

    // ---- panics ------------------------------------------------------------------------

    #[test]
    #[should_panic(expected = "index: index [2, 0] is out of range for an array of shape [2, 3]")]
    fn index_out_of_range() {
        let _ = index(&Array::<f64, _>::zeros((2, 3)), [2, 0]);
    }

    #[test]
    #[should_panic(expected = "index: index 3 is out of range for an array of shape [3]")]
    fn index_out_of_range_1d() {
        let _ = index(&array![1.0f64, 2.0, 3.0], 3);
    }

    #[test]
    #[should_panic(expected = "index: index [0] is out of range for an array of shape [2, 2]")]
    fn index_with_too_few_axes() {
        let i: &[usize] = &[0];
        let _ = index(&Array::<f64, _>::zeros(IxDyn(&[2, 2])), i);
    }

    #[test]
    #[should_panic(expected = "slice: `5..` is out of range for axis 0 of an array of shape [3, 2]")]
    fn slice_out_of_range() {
        let _ = slice(&Array::<f64, _>::zeros((3, 2)), s![5.., ..]);
    }

    #[test]
    #[should_panic(expected = "slice: `..-4` is out of range for axis 0 of an array of shape [3]")]
    fn slice_negative_bound_out_of_range() {
        let _ = slice(&Array::<f64, _>::zeros(3), s![..-4]);
    }

    #[test]
    #[should_panic(expected = "slice: index 2 is out of range for axis 1 of an array of shape [3, 2]")]
    fn slice_index_out_of_range() {
        let _ = slice(&Array::<f64, _>::zeros((3, 2)), s![.., 2]);
    }

    #[test]
    #[should_panic(expected = "slice: `..;0` has step zero")]
    fn slice_step_zero() {
        let elems: &[SliceInfoElem] = &[SliceInfoElem::Slice { start: 0, end: None, step: 0 }];
        let _ = slice(&Array::<f64, _>::zeros(IxDyn(&[3])), elems);
    }

    #[test]
    #[should_panic(expected = "slice: `.., 0` indexes 2 axes but the array has shape [3]")]
    fn slice_wrong_number_of_axes() {
        let elems: &[SliceInfoElem] = &[Slice::from(..).into(), SliceInfoElem::Index(0)];
        let _ = slice(&Array::<f64, _>::zeros(IxDyn(&[3])), elems);
    }

    #[test]
    #[should_panic(expected = "insert_axis: axis 3 is out of range for an array of shape [2, 2]")]
    fn insert_axis_out_of_range() {
        let _ = insert_axis(&Array::<f64, _>::zeros((2, 2)), Axis(3));
    }

    #[test]
    #[should_panic(expected = "index_axis: axis 2 is out of range for an array of shape [2, 2]")]
    fn index_axis_axis_out_of_range() {
        let _ = index_axis(&Array::<f64, _>::zeros((2, 2)), Axis(2), 0);
    }

    #[test]
    #[should_panic(expected = "index_axis: index 3 is out of range for axis 1 of an array of shape [2, 3]")]
    fn index_axis_index_out_of_range() {
        let _ = index_axis(&Array::<f64, _>::zeros((2, 3)), Axis(1), 3);
    }

    #[test]
    #[should_panic(expected = "reshape: cannot reshape an array of shape [2, 3] into shape [4, 2]")]
    fn reshape_size_mismatch() {
        let _ = reshape(&Array::<f64, _>::zeros((2, 3)), (4, 2));
    }

    #[test]
    #[should_panic(expected = "into_shape_with_order: cannot reshape an array of shape [2, 3] into shape [5]")]
    fn into_shape_with_order_size_mismatch() {
        let _ = into_shape_with_order(&Array::<f64, _>::zeros((2, 3)), (5, Order::ColumnMajor));
    }

    #[test]
    #[should_panic(expected = "to_shape: cannot reshape an array of shape [6] into shape [2, 2]")]
    fn to_shape_size_mismatch() {
        let _ = to_shape(&Array::<f64, _>::zeros(6), (2, 2));
    }

    #[test]
    #[should_panic(expected = "select: index 3 is out of range for axis 0 of an array of shape [3, 2]")]
    fn select_index_out_of_range() {
        let _ = select(&Array::<f64, _>::zeros((3, 2)), Axis(0), &[0, 3]);
    }

    #[test]
    #[should_panic(expected = "select: axis 2 is out of range for an array of shape [3, 2]")]
    fn select_axis_out_of_range() {
        let _ = select(&Array::<f64, _>::zeros((3, 2)), Axis(2), &[0]);
    }

    #[test]
    #[should_panic(expected = "permuted_axes: [0, 0] is not a permutation of the axes of an array of shape [2, 3]")]
    fn permuted_axes_not_a_permutation() {
        let _ = permuted_axes(&Array::<f64, _>::zeros((2, 3)), [0, 0]);
    }

    #[test]
    #[should_panic(expected = "permuted_axes: [0] is not a permutation of the axes of an array of shape [2, 3]")]
    fn permuted_axes_too_few() {
        let _ = permuted_axes(&Array::<f64, _>::zeros(IxDyn(&[2, 3])), IxDyn(&[0]));
    }

    #[test]
    #[should_panic(expected = "concatenate: no arrays to concatenate")]
    fn concatenate_nothing() {
        let _ = concatenate::<f64, OwnedRepr<f64>, Ix1>(Axis(0), &[]);
    }

    #[test]
    #[should_panic(expected = "concatenate: arrays of shapes [[2, 3], [2, 4]] differ in an axis other than axis 0")]
    fn concatenate_mismatch() {
        let _ = concatenate(Axis(0), &[Array::<f64, _>::zeros((2, 3)), Array::zeros((2, 4))]);
    }

    #[test]
    #[should_panic(expected = "concatenate: axis 2 is out of range for an array of shape [2, 3]")]
    fn concatenate_axis_out_of_range() {
        let _ = concatenate(Axis(2), &[Array::<f64, _>::zeros((2, 3))]);
    }

    #[test]
    #[should_panic(expected = "stack: no arrays to stack")]
    fn stack_nothing() {
        let _ = stack::<f64, OwnedRepr<f64>, Ix1>(Axis(0), &[]);
    }

    #[test]
    #[should_panic(expected = "stack: arrays of shapes [[2], [3]] differ")]
    fn stack_mismatch() {
        let _ = stack(Axis(0), &[Array::<f64, _>::zeros(2), Array::zeros(3)]);
    }

    #[test]
    #[should_panic(expected = "stack: axis 2 is out of range for arrays of shape [2]")]
    fn stack_axis_out_of_range() {
        let _ = stack(Axis(2), &[Array::<f64, _>::zeros(2)]);
    }

    #[test]
    #[should_panic(expected = "slice: the tangent has shape [2] but the input has shape [3]")]
    fn tangent_of_another_shape() {
        let _ = slice_jvp(&Array::<f64, _>::zeros(3), s![..], &Array::zeros(2));
    }

    #[test]
    #[should_panic(expected = "concatenate: 1 tangents for 2 arrays")]
    fn concatenate_tangent_count() {
        let x = Array::<f64, _>::zeros(2);
        let _ = concatenate_jvp(Axis(0), &[x.view(), x.view()], &[None]);
    }
}
