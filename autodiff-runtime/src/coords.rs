//! Tangents as coordinate vectors: the basis that Jacobians and Hessians are assembled over.
//!
//! A tangent (a real scalar, an array, a tuple of those) has `len()` scalar coordinates,
//! numbered in order: tuple items one after the other, arrays in logical row-major order.
//! The generated `jacobian`, `jacobian_fwd` and `hessian` call one derivative per basis
//! vector and write the results as rows or columns of a matrix.

use crate::Real;
use ndarray::{Array, Array2, Dimension};

/// A tangent seen as a vector of coordinates.
///
/// ```
/// use autodiff_runtime::Coords;
/// use ndarray::array;
/// let t = (0.0f64, array![0.0, 0.0]);
/// assert_eq!(t.len(), 3);
/// assert_eq!(t.unit(2), (0.0, array![0.0, 1.0]));
/// let mut out = Vec::new();
/// (5.0, array![6.0, 7.0]).push_coords(&mut out);
/// assert_eq!(out, [5.0, 6.0, 7.0]);
/// ```
pub trait Coords: Sized {
    /// The real scalar of the coordinates.
    type Elem: Real;
    /// The number of coordinates.
    fn len(&self) -> usize;
    /// Whether there are no coordinates (an empty array).
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The `i`-th basis vector, shaped like `self` (zero if `i ≥ len()`).
    fn unit(&self, i: usize) -> Self;
    /// The zero vector, shaped like `self`.
    fn zero(&self) -> Self;
    /// All coordinates 1, shaped like `self`.
    fn ones(&self) -> Self;
    /// Appends the coordinates to `out`.
    fn push_coords(&self, out: &mut Vec<Self::Elem>);
}

impl<T: Real> Coords for T {
    type Elem = T;
    #[inline]
    fn len(&self) -> usize {
        1
    }
    #[inline]
    fn unit(&self, i: usize) -> T {
        if i == 0 { T::one() } else { T::zero() }
    }
    #[inline]
    fn zero(&self) -> T {
        T::zero()
    }
    #[inline]
    fn ones(&self) -> T {
        T::one()
    }
    #[inline]
    fn push_coords(&self, out: &mut Vec<T>) {
        out.push(*self);
    }
}

impl<T: Real, D: Dimension> Coords for Array<T, D> {
    type Elem = T;
    fn len(&self) -> usize {
        Array::len(self)
    }
    fn unit(&self, i: usize) -> Self {
        let mut e = Array::zeros(self.raw_dim());
        // A new array is in standard layout: memory order is the coordinates' order.
        if let Some(x) = e.as_slice_mut().expect("standard layout").get_mut(i) {
            *x = T::one();
        }
        e
    }
    fn zero(&self) -> Self {
        Array::zeros(self.raw_dim())
    }
    fn ones(&self) -> Self {
        Array::from_elem(self.raw_dim(), T::one())
    }
    fn push_coords(&self, out: &mut Vec<T>) {
        out.extend(self.iter().copied());
    }
}

macro_rules! tuple_coords {
    ($(($t0:ident 0 $(, $t:ident $i:tt)*))*) => {$(
        impl<$t0: Coords $(, $t: Coords<Elem = $t0::Elem>)*> Coords for ($t0, $($t,)*) {
            type Elem = $t0::Elem;
            fn len(&self) -> usize {
                self.0.len() $(+ self.$i.len())*
            }
            #[allow(unused_mut, unused_assignments, unused_variables)]
            fn unit(&self, i: usize) -> Self {
                let mut offset = 0;
                let first = if i < self.0.len() { self.0.unit(i) } else { self.0.zero() };
                offset += self.0.len();
                (first, $({
                    let item = if i >= offset && i < offset + self.$i.len() { self.$i.unit(i - offset) } else { self.$i.zero() };
                    offset += self.$i.len();
                    item
                },)*)
            }
            fn zero(&self) -> Self {
                (self.0.zero(), $(self.$i.zero(),)*)
            }
            fn ones(&self) -> Self {
                (self.0.ones(), $(self.$i.ones(),)*)
            }
            fn push_coords(&self, out: &mut Vec<Self::Elem>) {
                self.0.push_coords(out);
                $(self.$i.push_coords(out);)*
            }
        }
    )*};
}

tuple_coords! {
    (A 0)
    (A 0, B 1)
    (A 0, B 1, C 2)
    (A 0, B 1, C 2, D 3)
    (A 0, B 1, C 2, D 3, E 4)
    (A 0, B 1, C 2, D 3, E 4, F 5)
}

/// The matrix whose row `i` holds the coordinates of `row(eᵢ)`, for the basis vectors `eᵢ`
/// of `like`'s shape: a reverse-mode Jacobian, one vector-Jacobian product per output
/// coordinate.
///
/// ```
/// use autodiff_runtime::coords::rows;
/// // The Jacobian of (x, y) ↦ (x·y, x + y) at (2, 3), one cotangent at a time.
/// let j = rows(&(0.0, 0.0), |(a, b): (f64, f64)| (3.0 * a + b, 2.0 * a + b));
/// assert_eq!(j, ndarray::array![[3.0, 2.0], [1.0, 1.0]]);
/// ```
pub fn rows<B: Coords, G: Coords<Elem = B::Elem>>(like: &B, mut row: impl FnMut(B) -> G) -> Array2<B::Elem> {
    let m = like.len();
    let mut data = Vec::new();
    let mut n = 0;
    for i in 0..m {
        let before = data.len();
        row(like.unit(i)).push_coords(&mut data);
        n = data.len() - before;
    }
    Array2::from_shape_vec((m, n), data).expect("every row has the length of the first")
}

/// The matrix whose column `j` holds the coordinates of `column(eⱼ)`: a forward-mode Jacobian
/// (one Jacobian-vector product per input coordinate), or a Hessian from Hessian-vector
/// products.
///
/// ```
/// use autodiff_runtime::coords::columns;
/// let j = columns(&(0.0, 0.0), |(dx, dy): (f64, f64)| (3.0 * dx + 2.0 * dy, dx + dy));
/// assert_eq!(j, ndarray::array![[3.0, 2.0], [1.0, 1.0]]);
/// ```
pub fn columns<B: Coords, G: Coords<Elem = B::Elem>>(like: &B, column: impl FnMut(B) -> G) -> Array2<B::Elem> {
    rows(like, column).reversed_axes().as_standard_layout().into_owned()
}
