//! Items that only generated code names. Not part of the public API.

pub use crate::adjoint::{Adjoint, NoTangent};
pub use crate::coords::{Coords, columns, rows};
pub use crate::jet::{HigherOrder, IntoJet, Jet, Lift, Taylor};
pub use crate::ops;
pub use crate::partial::Scale;
pub use crate::real::Real;
pub use crate::tape::{Slot, Tape};
pub use crate::value::{Scalar, ShapeOf, Value};
pub use ndarray;
pub use num_traits::Float;

/// The identity: marks a constant that becomes the value of an active variable in code whose
/// jet copy lifts it with [`lift_carry`].
#[inline(always)]
pub fn carry<T>(x: T) -> T {
    x
}

/// A constant seeding an active variable (or an active value), as a value of the jet type `J`.
#[inline(always)]
pub fn lift_carry<J, C: IntoJet<J>>(c: C) -> J {
    c.into_jet()
}

/// The saved factor of a product in jet code: a jet, or a plain constant lifted to one.
#[inline(always)]
pub fn scale_jet<J, C: IntoJet<J>>(c: C) -> Scale<J> {
    Scale(c.into_jet())
}

/// The check at the top of a generated `jvp` (and `hvp`, `taylor`): the `kind` argument `arg`
/// (the tangent `x_dot`, the direction `x_dir`) has the shape of the input `x`, else a panic
/// naming the function `api`, both arguments and both shapes.
#[track_caller]
#[inline]
pub fn check_tangent<V: Value + ?Sized>(api: &str, kind: &str, arg: &str, x: &str, value: &V, tangent: &V::Tangent) {
    if let Some(m) = value.tangent_mismatch(tangent) {
        let p = &m.path;
        panic!("{api}: the {kind} `{arg}{p}` has {}, but the input `{x}{p}` has {}", m.got, m.expected);
    }
}

/// The check in a generated `vjp`: the cotangent `y_bar` has the shape of the output of `f`,
/// else a panic naming `api`, `f` and both shapes.
#[track_caller]
#[inline]
pub fn check_cotangent<V: Value + ?Sized>(api: &str, f: &str, value: &V, cotangent: &V::Tangent) {
    if let Some(m) = value.tangent_mismatch(cotangent) {
        let p = &m.path;
        panic!("{api}: the cotangent `y_bar{p}` has {}, but the output `{f}(..){p}` has {}", m.got, m.expected);
    }
}
