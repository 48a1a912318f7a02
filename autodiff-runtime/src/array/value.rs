//! Arrays as values: their tangents, zeros, accumulation and scaling.

use super::kernels::zip_for_each;
use crate::{Accumulate, Linear, Real, ShapeOf, Value, Zeros};
use ndarray::{Array, ArrayBase, Data, Dimension, Zip};

impl<T: Real, S: Data<Elem = T>, D: Dimension> Value for ArrayBase<S, D> {
    type Tangent = Array<T, D>;
    fn zero_tangent(&self) -> Array<T, D> {
        Array::zeros(self.raw_dim())
    }
    fn tangent_shape(&self) -> ShapeOf<Array<T, D>> {
        ShapeOf(self.raw_dim())
    }
}

impl<T: Real, D: Dimension> Zeros for Array<T, D> {
    type Shape = D;
    fn zeros(shape: &D) -> Self {
        Array::zeros(shape.clone())
    }
}

impl<T: Real, D: Dimension> Accumulate for Array<T, D> {
    #[track_caller]
    fn accumulate(&mut self, other: Self) {
        assert_eq!(
            self.shape(),
            other.shape(),
            "accumulating array cotangents of different shapes {:?} and {:?}",
            self.shape(),
            other.shape()
        );
        zip_for_each!(false, Zip::from(self).and(&other), |a, &b| *a += b);
    }
}

impl<T: Real, D: Dimension> Linear for Array<T, D> {
    type Elem = T;
    fn scale(mut self, c: T) -> Self {
        zip_for_each!(false, Zip::from(&mut self), |a| *a *= c);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn tangents_of_views_are_owned_zeros() {
        let a = array![[1.0f64, 2.0], [3.0, 4.0]];
        let z = a.view().zero_tangent();
        assert_eq!(z, Array::zeros((2, 2)));
        let mut t = array![[1.0, 1.0], [1.0, 1.0]];
        t.accumulate(a.clone());
        assert_eq!(t, &a + 1.0);
        assert_eq!(t.scale(2.0), (&a + 1.0) * 2.0);
    }

    #[test]
    #[should_panic(expected = "different shapes [2] and [3]")]
    fn mismatched_accumulation_names_the_shapes() {
        let mut t = Array::<f64, _>::zeros(2);
        t.accumulate(Array::zeros(3));
    }
}
