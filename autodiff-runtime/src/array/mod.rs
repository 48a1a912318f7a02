//! ndarray support: arrays as differentiable values, broadcasting, and the array rules.
//!
//! Arrays of `f64` or `f32` of any dimension, owned or viewed, are values whose tangent is
//! an owned array of the same shape. Binary rules broadcast as ndarray does, and their
//! reverse reduces each cotangent back to its input's shape. Large elementwise kernels run
//! on rayon (see [`PARALLEL_THRESHOLD`]).

mod binary;
mod broadcast;
mod complex_math;
mod dot;
mod elementwise;
mod kernels;
mod math;
mod reduce;
mod shape;
mod softmax;
mod value;

pub use binary::Binary;
pub use broadcast::{Bcast, Target};
pub(crate) use broadcast::{stretch, unbroadcast};
pub use complex_math::ComplexMath;
pub use dot::{Dot, DotLhs, DotRhs};
pub use elementwise::Elementwise;
pub use kernels::{PARALLEL_THRESHOLD, PARALLEL_THRESHOLD_COSTLY, sum};
pub use math::{ArrayMath, Outer, OuterLhs, OuterRhs, Weights};
pub use reduce::{Fill, FillAxis, Transpose};
pub use shape::*;
pub(crate) use softmax::logsumexp_with_softmax;
pub use softmax::{ArrayExt, LogSumExpPartial, SoftmaxPartial};
pub use value::ArrayElem;
