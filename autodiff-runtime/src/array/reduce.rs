//! Partials of reductions (`sum`, `mean`, `sum_axis`, `mean_axis`) and of the transpose.

use crate::{Partial, Real};
use core::marker::PhantomData;
use ndarray::{Array, Axis, Dimension, RemoveAxis};

/// The partial of a full reduction `y = c · Σ x`: every element gets `c · ȳ`.
#[derive(Clone, Debug)]
pub struct Fill<T, D> {
    shape: D,
    scale: T,
}

impl<T, D> Fill<T, D> {
    /// The partial of `c · Σ x` for an input of shape `shape`.
    pub fn new(shape: D, scale: T) -> Self {
        Fill { shape, scale }
    }
}

impl<T: Real, D: Dimension> Partial<T> for Fill<T, D> {
    type X = Array<T, D>;
    fn pull(&self, y_bar: &T) -> Array<T, D> {
        Array::from_elem(self.shape.clone(), *y_bar * self.scale)
    }
    fn push(&self, x_dot: &Array<T, D>) -> T {
        x_dot.sum() * self.scale
    }
}

/// The partial of a reduction along one axis, `y = c · Σₖ x`: every element gets the
/// cotangent of its lane, times `c`.
#[derive(Clone, Debug)]
pub struct FillAxis<T, D> {
    shape: D,
    axis: Axis,
    scale: T,
}

impl<T, D> FillAxis<T, D> {
    /// The partial of `c · Σ` along `axis` for an input of shape `shape`.
    pub fn new(shape: D, axis: Axis, scale: T) -> Self {
        FillAxis { shape, axis, scale }
    }
}

impl<T: Real, D: RemoveAxis> Partial<Array<T, D::Smaller>> for FillAxis<T, D> {
    type X = Array<T, D>;
    fn pull(&self, y_bar: &Array<T, D::Smaller>) -> Array<T, D> {
        let lanes = y_bar.view().insert_axis(self.axis);
        let lanes = lanes.into_dimensionality::<D>().expect("one axis more than the result");
        let s = self.scale;
        lanes.broadcast(self.shape.clone()).expect("result lanes span the input").mapv(|v| v * s)
    }
    fn push(&self, x_dot: &Array<T, D>) -> Array<T, D::Smaller> {
        let s = self.scale;
        x_dot.sum_axis(self.axis).mapv_into(|v| v * s)
    }
}

/// The partial of the transpose `y = xᵀ` (all axes reversed): the cotangent transposed back.
#[derive(Clone, Copy, Debug, Default)]
pub struct Transpose<T, D>(PhantomData<(T, D)>);

impl<T: Real, D: Dimension> Partial<Array<T, D>> for Transpose<T, D> {
    type X = Array<T, D>;
    fn pull(&self, y_bar: &Array<T, D>) -> Array<T, D> {
        y_bar.t().to_owned()
    }
    fn pull_owned(&self, y_bar: Array<T, D>) -> Array<T, D> {
        y_bar.reversed_axes()
    }
    fn push(&self, x_dot: &Array<T, D>) -> Array<T, D> {
        x_dot.t().to_owned()
    }
}
