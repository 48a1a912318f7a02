//! Local partial derivatives saved by the forward sweep, and how they carry derivatives.

use crate::{Linear, Real};
use core::marker::PhantomData;

/// A local partial derivative `∂y/∂x` of a rule whose output has tangent type `Y`.
///
/// The forward sweep keeps one per differentiable input; the reverse sweep *pulls* the
/// output's cotangent back through it, forward mode *pushes* an input tangent through it.
/// For real scalars the partial is the number itself; array rules keep what they need (an
/// array of elementwise partials and the input's shape, for broadcasting; the other factor
/// of a matrix product).
///
/// ```
/// use autodiff_runtime::Partial;
/// let d = 3.0f64; // ∂y/∂x
/// assert_eq!(d.pull(&2.0), 6.0);   // x̄ = ȳ · ∂y/∂x
/// assert_eq!(d.push(&0.5), 1.5);   // ẏ = ∂y/∂x · ẋ
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a partial derivative for an output of type `{Y}`",
    note = "the rule's input and output types do not match a differentiable combination (real scalars of one precision, ndarray arrays of them)"
)]
pub trait Partial<Y> {
    /// The tangent type of the input.
    type X;
    /// `ȳ · ∂y/∂x`, reduced to the input's shape.
    fn pull(&self, y_bar: &Y) -> Self::X;
    /// As [`pull`](Partial::pull), reusing `y_bar`'s storage where it can.
    #[inline(always)]
    fn pull_owned(&self, y_bar: Y) -> Self::X {
        self.pull(&y_bar)
    }
    /// `∂y/∂x · ẋ`, broadcast to the output's shape.
    fn push(&self, x_dot: &Self::X) -> Y;
}

macro_rules! scalar_partials {
    ($([$($g:tt)*] $t:ty),*) => {$(
        impl<$($g)*> Partial<$t> for $t {
            type X = $t;
            #[inline(always)]
            fn pull(&self, y_bar: &$t) -> $t {
                *y_bar * *self
            }
            #[inline(always)]
            fn push(&self, x_dot: &$t) -> $t {
                *self * *x_dot
            }
        }

        impl<$($g)*> Partial<$t> for One<$t> {
            type X = $t;
            #[inline(always)]
            fn pull(&self, y_bar: &$t) -> $t {
                *y_bar
            }
            #[inline(always)]
            fn push(&self, x_dot: &$t) -> $t {
                *x_dot
            }
        }

        impl<$($g)*> Partial<$t> for MinusOne<$t> {
            type X = $t;
            #[inline(always)]
            fn pull(&self, y_bar: &$t) -> $t {
                -*y_bar
            }
            #[inline(always)]
            fn push(&self, x_dot: &$t) -> $t {
                -*x_dot
            }
        }
    )*};
}

scalar_partials!([] f32, [] f64, [T: Real, const N: usize,] crate::jet::Jet<T, N>);

/// The partial `∂y/∂x = 1` of a scalar sum (`a + b`); it takes no space.
///
/// ```
/// use autodiff_runtime::{One, Partial};
/// assert_eq!(One::<f64>::default().pull(&2.5), 2.5);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct One<T>(PhantomData<T>);

/// The partial `∂y/∂b = −1` of a scalar difference (`a − b`); it takes no space.
///
/// ```
/// use autodiff_runtime::{MinusOne, Partial};
/// assert_eq!(MinusOne::<f64>::default().pull(&2.5), -2.5);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MinusOne<T>(PhantomData<T>);

/// A partial that is one real number for every element: the other factor of a product
/// when that factor is a constant or a value the reverse sweep can read again, so that the
/// forward sweep saves nothing.
///
/// ```
/// use autodiff_runtime::{Partial, Scale};
/// assert_eq!(Scale(2.0f64).pull(&3.0), 6.0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale<T>(pub T);

impl<T: Real, Y: Linear<Elem = T> + Clone> Partial<Y> for Scale<T> {
    type X = Y;
    #[inline(always)]
    fn pull(&self, y_bar: &Y) -> Y {
        y_bar.clone().scale(self.0)
    }
    #[inline(always)]
    fn pull_owned(&self, y_bar: Y) -> Y {
        y_bar.scale(self.0)
    }
    #[inline(always)]
    fn push(&self, x_dot: &Y) -> Y {
        x_dot.clone().scale(self.0)
    }
}
