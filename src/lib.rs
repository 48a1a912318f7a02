//! Examples, integration tests and benchmarks of the `#[differentiable]` workspace.
//!
//! This package hosts `examples/`, `tests/` and `benches/`, so that they use the macro as a
//! user's crate does. The library itself is [`autodiff_runtime`], re-exported here.
//!
//! ```
//! use autodiff::differentiable;
//!
//! #[differentiable]
//! fn square(x: f64) -> f64 { x * x }
//!
//! assert_eq!(square::grad(3.0), 6.0);
//! ```

pub use autodiff_runtime::*;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
