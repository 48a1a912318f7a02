//! Items that only generated code names. Not part of the public API.

pub use crate::adjoint::{Adjoint, NoTangent};
pub use crate::coords::{Coords, columns, rows};
pub use crate::jet::{HigherOrder, Jet, Lift, Taylor};
pub use crate::ops;
pub use crate::partial::Scale;
pub use crate::real::Real;
pub use crate::tape::{Slot, Tape};
pub use crate::value::{Scalar, ShapeOf, Value};
pub use ndarray;
pub use num_traits::Float;
