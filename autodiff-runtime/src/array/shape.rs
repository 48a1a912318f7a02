//! Partials of the shape and indexing rules: reading an element, slicing, inserting and
//! indexing an axis, reshaping, selecting, permuting axes, concatenating and stacking.
//!
//! All of these rules are linear and merely move elements, so their partials keep only
//! shapes, axes and indices, never values: pushing a tangent forward applies the same
//! operation to it, pulling a cotangent back scatters it into zeros of the input's shape.

use crate::{Partial, Real};
use core::marker::PhantomData;
use ndarray::{Array, Axis, Dimension, NdIndex, Order, RemoveAxis, Slice, SliceArg};

/// The partial of reading one element, `y = x[index]`: the cotangent lands at `index` in a
/// zero array of the input's shape.
///
/// Pulling back allocates that whole zero array, for one nonzero element.
#[derive(Clone, Debug)]
pub struct Element<T, D, I> {
    pub(crate) shape: D,
    pub(crate) index: I,
    pub(crate) _t: PhantomData<T>,
}

impl<T: Real, D: Dimension, I: NdIndex<D> + Copy> Partial<T> for Element<T, D, I> {
    type X = Array<T, D>;
    fn pull(&self, y_bar: &T) -> Array<T, D> {
        let mut x_bar = Array::zeros(self.shape.clone());
        x_bar[self.index] = *y_bar;
        x_bar
    }
    fn push(&self, x_dot: &Array<T, D>) -> T {
        x_dot[self.index]
    }
}

/// The partial of `y = x.slice(info)`: the cotangent is written into zeros of the input's
/// shape through `slice_mut(info)`, the tangent is sliced as the input was.
#[derive(Clone, Debug)]
pub struct Sliced<T, D, I> {
    pub(crate) shape: D,
    pub(crate) info: I,
    pub(crate) _t: PhantomData<T>,
}

impl<T: Real, D: Dimension, I: SliceArg<D> + Clone> Partial<Array<T, I::OutDim>> for Sliced<T, D, I> {
    type X = Array<T, D>;
    fn pull(&self, y_bar: &Array<T, I::OutDim>) -> Array<T, D> {
        let mut x_bar = Array::zeros(self.shape.clone());
        // A slice never visits an element twice (steps are nonzero), so assigning is scattering.
        x_bar.slice_mut(self.info.clone()).assign(y_bar);
        x_bar
    }
    fn push(&self, x_dot: &Array<T, D>) -> Array<T, I::OutDim> {
        x_dot.slice(self.info.clone()).to_owned()
    }
}

/// The partial of `y = x.insert_axis(axis)`: the cotangent with that axis (of length one)
/// removed again.
#[derive(Clone, Debug)]
pub struct InsertAxis<T, D> {
    pub(crate) axis: Axis,
    pub(crate) _t: PhantomData<(T, D)>,
}

impl<T: Real, D: Dimension> Partial<Array<T, D::Larger>> for InsertAxis<T, D> {
    type X = Array<T, D>;
    fn pull(&self, y_bar: &Array<T, D::Larger>) -> Array<T, D> {
        let v = y_bar.index_axis(self.axis, 0);
        v.into_dimensionality::<D>().expect("one axis fewer than the result").to_owned()
    }
    fn pull_owned(&self, y_bar: Array<T, D::Larger>) -> Array<T, D> {
        let v = y_bar.index_axis_move(self.axis, 0);
        v.into_dimensionality::<D>().expect("one axis fewer than the result")
    }
    fn push(&self, x_dot: &Array<T, D>) -> Array<T, D::Larger> {
        x_dot.view().insert_axis(self.axis).to_owned()
    }
}

/// The partial of `y = x.index_axis(axis, index)`: the cotangent is written into the
/// `index`-th subview along `axis` of zeros of the input's shape.
#[derive(Clone, Debug)]
pub struct IndexAxis<T, D> {
    pub(crate) shape: D,
    pub(crate) axis: Axis,
    pub(crate) index: usize,
    pub(crate) _t: PhantomData<T>,
}

impl<T: Real, D: RemoveAxis> Partial<Array<T, D::Smaller>> for IndexAxis<T, D> {
    type X = Array<T, D>;
    fn pull(&self, y_bar: &Array<T, D::Smaller>) -> Array<T, D> {
        let mut x_bar = Array::zeros(self.shape.clone());
        x_bar.index_axis_mut(self.axis, self.index).assign(y_bar);
        x_bar
    }
    fn push(&self, x_dot: &Array<T, D>) -> Array<T, D::Smaller> {
        x_dot.index_axis(self.axis, self.index).to_owned()
    }
}

/// The partial of a reshape `y = x.to_shape((shape, order))`: the cotangent reshaped back to
/// the input's shape, reading and writing elements in the same `order`.
#[derive(Clone, Debug)]
pub struct Reshape<T, D, E> {
    pub(crate) x_shape: D,
    pub(crate) y_shape: E,
    pub(crate) order: Order,
    pub(crate) _t: PhantomData<T>,
}

/// Whether `a` is contiguous in `order`, so that reshaping it in that order moves no data.
fn contiguous_in<T, D: Dimension>(a: &Array<T, D>, order: Order) -> bool {
    match order {
        Order::ColumnMajor => a.t().is_standard_layout(),
        _ => a.is_standard_layout(),
    }
}

impl<T: Real, D: Dimension, E: Dimension> Partial<Array<T, E>> for Reshape<T, D, E> {
    type X = Array<T, D>;
    fn pull(&self, y_bar: &Array<T, E>) -> Array<T, D> {
        y_bar
            .to_shape((self.x_shape.clone(), self.order))
            .expect("the input has as many elements as the result")
            .into_owned()
    }
    fn pull_owned(&self, y_bar: Array<T, E>) -> Array<T, D> {
        if contiguous_in(&y_bar, self.order) {
            y_bar
                .into_shape_with_order((self.x_shape.clone(), self.order))
                .expect("the input has as many elements as the result")
        } else {
            self.pull(&y_bar)
        }
    }
    fn push(&self, x_dot: &Array<T, D>) -> Array<T, E> {
        x_dot
            .to_shape((self.y_shape.clone(), self.order))
            .expect("the input has as many elements as the result")
            .into_owned()
    }
}

/// The partial of `y = x.select(axis, indices)`: the cotangent's subviews are *added* into
/// zeros of the input's shape at their indices, since an index may be selected more than once.
#[derive(Clone, Debug)]
pub struct Select<T, D> {
    pub(crate) shape: D,
    pub(crate) axis: Axis,
    pub(crate) indices: Vec<usize>,
    pub(crate) _t: PhantomData<T>,
}

impl<T: Real, D: RemoveAxis> Partial<Array<T, D>> for Select<T, D> {
    type X = Array<T, D>;
    fn pull(&self, y_bar: &Array<T, D>) -> Array<T, D> {
        let mut x_bar = Array::zeros(self.shape.clone());
        for (j, &i) in self.indices.iter().enumerate() {
            x_bar.index_axis_mut(self.axis, i).zip_mut_with(&y_bar.index_axis(self.axis, j), |a, &b| *a += b);
        }
        x_bar
    }
    fn push(&self, x_dot: &Array<T, D>) -> Array<T, D> {
        x_dot.select(self.axis, &self.indices)
    }
}

/// The partial of `y = x.permuted_axes(axes)`: the cotangent's axes permuted back.
#[derive(Clone, Debug)]
pub struct Permute<T, D> {
    pub(crate) axes: D,
    pub(crate) inverse: D,
    pub(crate) _t: PhantomData<T>,
}

impl<T: Real, D: Dimension> Partial<Array<T, D>> for Permute<T, D> {
    type X = Array<T, D>;
    fn pull(&self, y_bar: &Array<T, D>) -> Array<T, D> {
        y_bar.view().permuted_axes(self.inverse.clone()).to_owned()
    }
    fn pull_owned(&self, y_bar: Array<T, D>) -> Array<T, D> {
        y_bar.permuted_axes(self.inverse.clone())
    }
    fn push(&self, x_dot: &Array<T, D>) -> Array<T, D> {
        x_dot.view().permuted_axes(self.axes.clone()).to_owned()
    }
}

/// The partial of [`concatenate`](crate::ops::concatenate) with respect to one of its inputs:
/// that input's block `start..start + len` along `axis` of the result.
///
/// Pulling back copies the block out of the cotangent; pushing forward places the input's
/// tangent in zeros of the result's shape (the other inputs' tangents are added separately).
#[derive(Clone, Debug)]
pub struct ConcatenatePart<T, D> {
    pub(crate) y_shape: D,
    pub(crate) axis: Axis,
    pub(crate) start: usize,
    pub(crate) len: usize,
    pub(crate) _t: PhantomData<T>,
}

impl<T, D> ConcatenatePart<T, D> {
    pub(crate) fn block(&self) -> Slice {
        Slice::from(self.start..self.start + self.len)
    }
}

impl<T: Real, D: RemoveAxis> Partial<Array<T, D>> for ConcatenatePart<T, D> {
    type X = Array<T, D>;
    fn pull(&self, y_bar: &Array<T, D>) -> Array<T, D> {
        y_bar.slice_axis(self.axis, self.block()).to_owned()
    }
    fn push(&self, x_dot: &Array<T, D>) -> Array<T, D> {
        let mut y_dot = Array::zeros(self.y_shape.clone());
        y_dot.slice_axis_mut(self.axis, self.block()).assign(x_dot);
        y_dot
    }
}

/// The partial of [`stack`](crate::ops::stack) with respect to one of its inputs: that
/// input's subview `index` along the new `axis` of the result.
#[derive(Clone, Debug)]
pub struct StackPart<T, D: Dimension> {
    pub(crate) y_shape: D::Larger,
    pub(crate) axis: Axis,
    pub(crate) index: usize,
    pub(crate) _t: PhantomData<T>,
}

impl<T: Real, D: Dimension> Partial<Array<T, D::Larger>> for StackPart<T, D> {
    type X = Array<T, D>;
    fn pull(&self, y_bar: &Array<T, D::Larger>) -> Array<T, D> {
        let v = y_bar.index_axis(self.axis, self.index);
        v.into_dimensionality::<D>().expect("one axis fewer than the result").to_owned()
    }
    fn push(&self, x_dot: &Array<T, D>) -> Array<T, D::Larger> {
        let mut y_dot = Array::zeros(self.y_shape.clone());
        y_dot.index_axis_mut(self.axis, self.index).assign(x_dot);
        y_dot
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Ix1, Ix2, array, s};

    #[test]
    fn element_scatters_into_zeros() {
        let p = Element::<f64, Ix2, _> { shape: Ix2(2, 3), index: [1, 2], _t: PhantomData };
        assert_eq!(p.pull(&5.0), array![[0.0, 0.0, 0.0], [0.0, 0.0, 5.0]]);
        assert_eq!(p.push(&array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), 6.0);
    }

    #[test]
    fn pull_owned_agrees_with_pull_on_any_layout() {
        // a column-major cotangent: the reshape cannot reuse its storage in row-major order
        let y_bar = array![[1.0f64, 2.0, 3.0], [4.0, 5.0, 6.0]].reversed_axes();
        let r =
            Reshape::<f64, Ix1, Ix2> { x_shape: Ix1(6), y_shape: Ix2(3, 2), order: Order::RowMajor, _t: PhantomData };
        assert_eq!(r.pull_owned(y_bar.clone()), r.pull(&y_bar));
        assert_eq!(r.pull(&y_bar), array![1.0, 4.0, 2.0, 5.0, 3.0, 6.0]);
        let rf = Reshape { order: Order::ColumnMajor, ..r.clone() };
        assert_eq!(rf.pull_owned(y_bar.clone()), rf.pull(&y_bar));
        assert_eq!(rf.pull(&y_bar), array![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
        let std = y_bar.as_standard_layout().into_owned();
        assert_eq!(r.pull_owned(std.clone()), r.pull(&std));

        let p = Permute::<f64, Ix2> { axes: Ix2(1, 0), inverse: Ix2(1, 0), _t: PhantomData };
        assert_eq!(p.pull_owned(y_bar.clone()), p.pull(&y_bar));
        let i = InsertAxis::<f64, Ix1> { axis: Axis(1), _t: PhantomData };
        let y_bar = array![[1.0f64], [2.0]];
        assert_eq!(i.pull_owned(y_bar.clone()), i.pull(&y_bar));
        assert_eq!(i.pull(&y_bar), array![1.0, 2.0]);
    }

    #[test]
    fn select_adds_repeated_indices() {
        let p = Select::<f64, Ix1> { shape: Ix1(3), axis: Axis(0), indices: vec![2, 0, 2], _t: PhantomData };
        assert_eq!(p.pull(&array![1.0, 2.0, 4.0]), array![2.0, 0.0, 5.0]);
        assert_eq!(p.push(&array![1.0, 2.0, 3.0]), array![3.0, 1.0, 3.0]);
    }

    #[test]
    fn sliced_scatters_through_negative_steps() {
        let p = Sliced::<f64, Ix1, _> { shape: Ix1(4), info: s![..;-2], _t: PhantomData };
        assert_eq!(p.push(&array![1.0, 2.0, 3.0, 4.0]), array![4.0, 2.0]);
        assert_eq!(p.pull(&array![1.0, 2.0]), array![0.0, 2.0, 0.0, 1.0]);
    }
}
