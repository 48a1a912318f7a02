//! `x[i]` in `#[differentiable]` code: one element of an ndarray array or of a `Vec`, read by
//! reference; its reverse adds into one element of the container's cotangent.

use crate::{Accumulate, Adjoint, Mismatch, Partial, Real, ShapeOf, Value, Zeros};
use ndarray::{Array, ArrayBase, Data, Dimension, NdIndex, SliceArg};

/// Containers whose elements `#[differentiable]` code reads with `x[i]`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be indexed by `{I}` in `#[differentiable]` code",
    note = "indexing is differentiable on ndarray arrays (`x[i]`, `a[[i, j]]`) and on `Vec`s and slices of differentiable values"
)]
pub trait Element<I> {
    /// The element type.
    type Out;
    /// What the reverse sweep keeps to find the element again.
    type Part: ElementPartial;
    /// The element and its partial.
    fn element(&self, i: I) -> (&Self::Out, Self::Part);
}

/// The reverse of an element read: `x̄[i] += ȳ`, making `x̄` zero first if nothing has
/// contributed to it yet (one allocation per container, not per element read).
pub trait ElementPartial {
    /// The element's tangent type.
    type Y;
    /// The container's tangent type.
    type X;
    /// `x̄[i] += ȳ`.
    fn pull_into(self, y_bar: Self::Y, x_bar: &mut Adjoint<Self::X>);
    /// `ẋ[i]`.
    fn push(&self, x_dot: &Self::X) -> Self::Y;
}

/// The partial of `x[i]` on an ndarray array: the array's shape and the index.
#[derive(Clone, Debug)]
pub struct ArrayElement<T, D, I> {
    shape: D,
    index: I,
    _t: core::marker::PhantomData<T>,
}

impl<T: Real, S: Data<Elem = T>, D: Dimension, I: NdIndex<D> + Copy + core::fmt::Debug> Element<I> for ArrayBase<S, D> {
    type Out = T;
    type Part = ArrayElement<T, D, I>;
    #[track_caller]
    fn element(&self, i: I) -> (&T, Self::Part) {
        let Some(v) = self.get(i) else {
            panic!("index: index {i:?} is out of range for an array of shape {:?}", self.shape())
        };
        (v, ArrayElement { shape: self.raw_dim(), index: i, _t: core::marker::PhantomData })
    }
}

impl<T: Real, D: Dimension, I: NdIndex<D> + Copy> ElementPartial for ArrayElement<T, D, I> {
    type Y = T;
    type X = Array<T, D>;
    fn pull_into(self, y_bar: T, x_bar: &mut Adjoint<Array<T, D>>) {
        x_bar.get_or_insert_with(|| Array::zeros(self.shape))[self.index] += y_bar;
    }
    fn push(&self, x_dot: &Array<T, D>) -> T {
        x_dot[self.index]
    }
}

/// The partial of `v[i]` on a `Vec`: the shapes of its elements and the index.
pub struct VecElement<V: Value> {
    shape: ShapeOf<Vec<V::Tangent>>,
    index: usize,
}

impl<V: Value<Tangent: Clone>> Element<usize> for [V] {
    type Out = V;
    type Part = VecElement<V>;
    #[track_caller]
    fn element(&self, i: usize) -> (&V, VecElement<V>) {
        let Some(v) = self.get(i) else {
            panic!("index: index {i} is out of range for a slice of length {}", self.len())
        };
        (v, VecElement { shape: self.tangent_shape(), index: i })
    }
}

impl<V: Value<Tangent: Clone>> Element<usize> for Vec<V> {
    type Out = V;
    type Part = VecElement<V>;
    #[track_caller]
    fn element(&self, i: usize) -> (&V, VecElement<V>) {
        self.as_slice().element(i)
    }
}

impl<V: Value> ElementPartial for VecElement<V>
where
    V::Tangent: Clone,
{
    type Y = V::Tangent;
    type X = Vec<V::Tangent>;
    fn pull_into(self, y_bar: V::Tangent, x_bar: &mut Adjoint<Vec<V::Tangent>>) {
        x_bar.get_or_insert_with(|| self.shape.zeros())[self.index].accumulate(y_bar);
    }
    fn push(&self, x_dot: &Vec<V::Tangent>) -> V::Tangent {
        x_dot[self.index].clone()
    }
}

/// `y = x[i]`, by reference, for `x[i]` and `a[[i, j]]` in `#[differentiable]` code.
///
/// ```
/// use autodiff_runtime::ops;
/// use ndarray::array;
/// let a = array![[1.0f64, 2.0], [3.0, 4.0]];
/// let (y, _) = ops::element(&a, [1, 0]);
/// assert_eq!(*y, 3.0);
/// let ws = vec![array![1.0f64], array![2.0, 3.0]];
/// let (w, _) = ops::element(&ws, 1);
/// assert_eq!(w.len(), 2);
/// ```
#[track_caller]
#[inline(always)]
pub fn element<X: Element<I> + ?Sized, I>(x: &X, i: I) -> (&X::Out, X::Part) {
    x.element(i)
}

/// Forward mode of [`element`]: the same element of the tangent.
#[track_caller]
#[inline(always)]
pub fn element_jvp<'a, X: Element<I> + ?Sized, I>(
    x: &'a X,
    i: I,
    x_dot: &<X::Part as ElementPartial>::X,
) -> (&'a X::Out, <X::Part as ElementPartial>::Y) {
    let (y, d) = x.element(i);
    (y, d.push(x_dot))
}

/// Reverse mode of [`element`]: `x̄[i] += ȳ`.
#[inline(always)]
pub fn element_vjp<P: ElementPartial>(y_bar: Adjoint<P::Y>, x_bar: &mut Adjoint<P::X>, d: P) {
    if let Some(yb) = y_bar.get() {
        d.pull_into(yb, x_bar);
    }
}

impl<V: Value> Value for [V] {
    type Tangent = Vec<V::Tangent>;
    fn zero_tangent(&self) -> Vec<V::Tangent> {
        self.iter().map(Value::zero_tangent).collect()
    }
    fn tangent_shape(&self) -> ShapeOf<Vec<V::Tangent>> {
        ShapeOf(self.iter().map(|v| v.tangent_shape().0).collect())
    }
    fn tangent_mismatch(&self, t: &Vec<V::Tangent>) -> Option<Mismatch> {
        if self.len() != t.len() {
            return Some(Mismatch::new(format!("length {}", t.len()), format!("length {}", self.len())));
        }
        self.iter().zip(t).enumerate().find_map(|(i, (v, t))| v.tangent_mismatch(t).map(|m| m.within(format!("[{i}]"))))
    }
}

impl<V: Value> Value for Vec<V> {
    type Tangent = Vec<V::Tangent>;
    fn zero_tangent(&self) -> Vec<V::Tangent> {
        self.as_slice().zero_tangent()
    }
    fn tangent_shape(&self) -> ShapeOf<Vec<V::Tangent>> {
        self.as_slice().tangent_shape()
    }
    fn tangent_mismatch(&self, t: &Vec<V::Tangent>) -> Option<Mismatch> {
        self.as_slice().tangent_mismatch(t)
    }
}

impl<T: Zeros> Zeros for Vec<T>
where
    T::Shape: Clone,
{
    type Shape = Vec<T::Shape>;
    fn zeros(shape: &Vec<T::Shape>) -> Vec<T> {
        shape.iter().map(T::zeros).collect()
    }
}

impl<T: Accumulate> Accumulate for Vec<T> {
    #[track_caller]
    fn accumulate(&mut self, other: Vec<T>) {
        assert_eq!(self.len(), other.len(), "accumulating Vec cotangents of different lengths");
        for (a, b) in self.iter_mut().zip(other) {
            a.accumulate(b);
        }
    }
}

/// The partial of `y = x` with `y[i] = v` with respect to `x`: every element but the `i`th.
#[derive(Clone, Debug)]
pub struct SetArray<T, D, I> {
    index: I,
    _t: core::marker::PhantomData<(T, D)>,
}

/// The partial of `y = x` with `y[i] = v` with respect to `v`: the `i`th element.
#[derive(Clone, Debug)]
pub struct SetValue<T, D, I> {
    index: I,
    shape: D,
    _t: core::marker::PhantomData<T>,
}

impl<T: Real, D: Dimension, I: NdIndex<D> + Copy> Partial<Array<T, D>> for SetArray<T, D, I> {
    type X = Array<T, D>;
    fn pull(&self, y_bar: &Array<T, D>) -> Array<T, D> {
        self.pull_owned(y_bar.clone())
    }
    fn pull_owned(&self, mut y_bar: Array<T, D>) -> Array<T, D> {
        y_bar[self.index] = T::zero();
        y_bar
    }
    fn push(&self, x_dot: &Array<T, D>) -> Array<T, D> {
        self.pull_owned(x_dot.clone())
    }
}

impl<T: Real, D: Dimension, I: NdIndex<D> + Copy> Partial<Array<T, D>> for SetValue<T, D, I> {
    type X = T;
    fn pull(&self, y_bar: &Array<T, D>) -> T {
        y_bar[self.index]
    }
    fn push(&self, v_dot: &T) -> Array<T, D> {
        let mut t = Array::zeros(self.shape.clone());
        t[self.index] = *v_dot;
        t
    }
}

/// `y[i] = v` in `#[differentiable]` code: `y` becomes a copy of the array with its `i`th
/// element replaced. The copy makes an update cost the array's size (an in-place version is
/// future work); the partials keep only the index and the shape.
///
/// # Panics
/// If `i` is out of range, naming the index and the shape.
///
/// ```
/// use ndarray::array;
/// let (y, _) = autodiff_runtime::ops::set(&array![1.0f64, 2.0, 3.0], &9.0, 1);
/// assert_eq!(y, array![1.0, 9.0, 3.0]);
/// ```
#[track_caller]
#[allow(clippy::type_complexity)]
pub fn set<T: Real, S: Data<Elem = T>, D: Dimension, I: NdIndex<D> + Copy + core::fmt::Debug>(
    x: &ArrayBase<S, D>,
    v: &T,
    i: I,
) -> (Array<T, D>, (SetArray<T, D, I>, SetValue<T, D, I>)) {
    let mut y = x.to_owned();
    match y.get_mut(i) {
        Some(e) => *e = *v,
        None => panic!("index: index {i:?} is out of range for an array of shape {:?}", x.shape()),
    }
    let shape = y.raw_dim();
    let p0 = SetArray { index: i, _t: core::marker::PhantomData };
    (y, (p0, SetValue { index: i, shape, _t: core::marker::PhantomData }))
}

/// Forward mode of [`set`]: the tangent of `x` with its `i`th element replaced by `v̇`.
#[track_caller]
pub fn set_jvp<T: Real, S: Data<Elem = T>, D: Dimension, I: NdIndex<D> + Copy + core::fmt::Debug>(
    x: &ArrayBase<S, D>,
    v: &T,
    i: I,
    x_dot: Option<&Array<T, D>>,
    v_dot: Option<&T>,
) -> (Array<T, D>, Array<T, D>) {
    let (y, (d0, d1)) = set(x, v, i);
    let t = super::combine(&y, &d0, &d1, x_dot, v_dot);
    (y, t)
}

pull_vjp!(set, set_vjp);

/// The partial of `y = x` with `y.slice_mut(info).assign(v)` with respect to `x`: every
/// element outside the slice.
#[derive(Clone, Debug)]
pub struct SetSliceArray<T, D, I> {
    info: I,
    _t: core::marker::PhantomData<(T, D)>,
}

/// The partial of `y = x` with `y.slice_mut(info).assign(v)` with respect to `v`: the slice,
/// reduced to `v`'s shape where `assign` broadcast it.
#[derive(Clone, Debug)]
pub struct SetSliceValue<T, D, E, I> {
    info: I,
    shape: D,
    value_shape: E,
    _t: core::marker::PhantomData<T>,
}

impl<T: Real, D: Dimension, I: SliceArg<D> + Clone> Partial<Array<T, D>> for SetSliceArray<T, D, I> {
    type X = Array<T, D>;
    fn pull(&self, y_bar: &Array<T, D>) -> Array<T, D> {
        self.pull_owned(y_bar.clone())
    }
    fn pull_owned(&self, mut y_bar: Array<T, D>) -> Array<T, D> {
        y_bar.slice_mut(self.info.clone()).fill(T::zero());
        y_bar
    }
    fn push(&self, x_dot: &Array<T, D>) -> Array<T, D> {
        self.pull_owned(x_dot.clone())
    }
}

impl<T: Real, D: Dimension, E: Dimension, I: SliceArg<D> + Clone> Partial<Array<T, D>> for SetSliceValue<T, D, E, I> {
    type X = Array<T, E>;
    fn pull(&self, y_bar: &Array<T, D>) -> Array<T, E> {
        crate::array::unbroadcast(y_bar.slice(self.info.clone()).to_owned(), &self.value_shape)
    }
    fn push(&self, v_dot: &Array<T, E>) -> Array<T, D> {
        let mut t = Array::zeros(self.shape.clone());
        t.slice_mut(self.info.clone()).assign(v_dot);
        t
    }
}

/// `y.slice_mut(info).assign(&v)` in `#[differentiable]` code: `y` becomes a copy of the
/// array with the slice replaced by `v` (broadcast as `assign` broadcasts). As [`set`], the
/// copy costs the array's size.
///
/// # Panics
/// If `info` does not fit `x`, naming `slice_mut` (as [`slice`](fn@super::slice) does), or if
/// `v` does not broadcast to the slice's shape, naming `assign` and both shapes.
///
/// ```
/// use ndarray::{array, s};
/// let (y, _) = autodiff_runtime::ops::set_slice(&array![1.0f64, 2.0, 3.0], &array![7.0, 8.0], s![1..]);
/// assert_eq!(y, array![1.0, 7.0, 8.0]);
/// ```
#[track_caller]
#[allow(clippy::type_complexity)]
pub fn set_slice<T: Real, S: Data<Elem = T>, S2: Data<Elem = T>, D: Dimension, E: Dimension, I: SliceArg<D> + Clone>(
    x: &ArrayBase<S, D>,
    v: &ArrayBase<S2, E>,
    info: I,
) -> (Array<T, D>, (SetSliceArray<T, D, I>, SetSliceValue<T, D, E, I>)) {
    super::shape::check_slice("slice_mut", x.shape(), &info);
    let mut y = x.to_owned();
    let mut part = y.slice_mut(info.clone());
    let v_out = crate::array::stretch("assign", v, &part.raw_dim());
    part.assign(&v_out);
    let p0 = SetSliceArray { info: info.clone(), _t: core::marker::PhantomData };
    let p1 = SetSliceValue { info, shape: y.raw_dim(), value_shape: v.raw_dim(), _t: core::marker::PhantomData };
    (y, (p0, p1))
}

/// Forward mode of [`set_slice`].
#[track_caller]
pub fn set_slice_jvp<
    T: Real,
    S: Data<Elem = T>,
    S2: Data<Elem = T>,
    D: Dimension,
    E: Dimension,
    I: SliceArg<D> + Clone,
>(
    x: &ArrayBase<S, D>,
    v: &ArrayBase<S2, E>,
    info: I,
    x_dot: Option<&Array<T, D>>,
    v_dot: Option<&Array<T, E>>,
) -> (Array<T, D>, Array<T, D>) {
    let (y, (d0, d1)) = set_slice(x, v, info);
    let t = super::combine(&y, &d0, &d1, x_dot, v_dot);
    (y, t)
}

pull_vjp!(set_slice, set_slice_vjp);
