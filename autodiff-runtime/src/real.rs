//! The scalar element types that rules are written for.

use core::fmt::{Debug, Display};
use core::ops::{AddAssign, DivAssign, MulAssign, SubAssign};

/// A real floating-point scalar: `f64` or `f32`.
///
/// Every scalar rule in [`ops`](crate::ops) is written once, generically over `Real`, so the
/// same rule serves both precisions.
///
/// ```
/// use autodiff_runtime::Real;
/// fn twice<T: Real>(x: T) -> T { x + x }
/// assert_eq!(twice(1.5f32), 3.0);
/// assert_eq!(twice(1.5f64), 3.0);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a real scalar that `#[differentiable]` code can differentiate",
    label = "expected `f64` or `f32` here",
    note = "scalar rules are defined for `f64` and `f32`; a parameter of another type is differentiated unless `#[differentiable(wrt(...))]` leaves it out"
)]
pub trait Real:
    num_traits::Float
    + num_traits::FloatConst
    + AddAssign
    + SubAssign
    + MulAssign
    + DivAssign
    + Debug
    + Display
    + Default
    + Send
    + Sync
    + 'static
{
    /// Converts an `f64` constant (such as `0.5` in a rule) into this type.
    fn c(v: f64) -> Self;
    /// Converts this value to `f64` (used by the gradient checker).
    fn to_f64_lossy(self) -> f64;
}

impl Real for f64 {
    #[inline(always)]
    fn c(v: f64) -> Self {
        v
    }
    #[inline(always)]
    fn to_f64_lossy(self) -> f64 {
        self
    }
}

impl Real for f32 {
    #[inline(always)]
    fn c(v: f64) -> Self {
        v as f32
    }
    #[inline(always)]
    fn to_f64_lossy(self) -> f64 {
        self as f64
    }
}
