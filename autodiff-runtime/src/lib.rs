//! Compile-time automatic differentiation of ordinary Rust numeric code.
//!
//! Put `#[differentiable]` on a function written with `f64` or `f32`; the macro leaves the
//! function as it is and adds a module of the same name holding its derivatives, generated
//! at compile time as plain Rust: no tape of operations, no boxing, no run-time graph.
//!
//! ```
//! use autodiff_runtime::differentiable;
//!
//! #[differentiable]
//! fn f(x: f64, y: f64) -> f64 {
//!     x * y.sin() + (x / y).exp()
//! }
//!
//! let (dx, dy) = f::grad(1.0, 2.0);
//! assert!((dx - (2f64.sin() + 0.5f64.exp() / 2.0)).abs() < 1e-12);
//! assert!((dy - (2f64.cos() - 0.5f64.exp() / 4.0)).abs() < 1e-12);
//! let (value, _) = f::value_and_grad(1.0, 2.0);
//! assert_eq!(value, f(1.0, 2.0));
//! ```
//!
//! The generated module `f` holds:
//!
//! | item | returns |
//! |---|---|
//! | `f::grad(args..)` | the gradient w.r.t. every active input (bare if there is one, else a tuple in parameter order) |
//! | `f::value_and_grad(args..)` | `(value, gradient)` |
//! | `f::vjp(args.., y_bar)` | `(value, gradient)` for an explicit output cotangent `ȳ` (any output type) |
//! | `f::jvp(args.., tangents..)` | `(value, tangent)`: forward mode, one tangent per active input |
//! | `f::jacobian(args..)`, `f::jacobian_fwd(args..)` | the Jacobian matrix by reverse or forward mode (see [`coords`]) |
//! | `f::egrad(args..)` | the elementwise gradient (autograd's `elementwise_grad`) |
//! | `f::SOURCE` | the generated code, pretty-printed |
//!
//! `#[differentiable(order = n)]` (n ≥ 2) adds `hvp` and `hessian` (forward over reverse),
//! `taylor::<K>` and `derivatives::<K>` (Taylor mode, every order in one pass) and nested
//! modules `f::grad::grad::..` to depth n − 1, all built on [`jet::Jet`] scalars:
//!
//! ```
//! use autodiff_runtime::differentiable;
//!
//! #[differentiable(order = 2)]
//! fn f(x: f64, y: f64) -> f64 {
//!     x * x * y + y.sin()
//! }
//!
//! let h = f::hessian(1.0, 2.0);
//! assert_eq!((h[[0, 0]], h[[0, 1]]), (4.0, 2.0));
//! let (hx, hy) = f::hvp(1.0, 2.0, 0.0, 1.0); // H·(0, 1)
//! assert_eq!(hx, 2.0);
//! assert!((hy + 2f64.sin()).abs() < 1e-15);
//! ```
//!
//! Active inputs are the parameters whose type is not an integer, `bool`, `char` or `&str`;
//! `#[differentiable(wrt(x, y))]` names them explicitly. Calls from one `#[differentiable]`
//! function to another compose through the callee's generated code.
//!
//! The crate also holds the rules the generated code calls ([`ops`]), the types it is written
//! against ([`Value`], [`Adjoint`]), and a finite-difference checker ([`check_grads`]) for
//! users' own derivatives. Complex numbers (`Complex64`, `Complex32`, re-exported from
//! num-complex) and arrays of them are values too; their cotangents follow autograd's
//! convention, stated in [`fft`] beside the FFT rules, and [`ops::complex`] holds the
//! elementwise complex rules.

#![warn(missing_docs)]

// Lets this crate's own tests and doctests use the macro, whose output names `::autodiff_runtime`.
extern crate self as autodiff_runtime;

mod adjoint;
pub mod alloc;
pub mod array;
pub mod check;
pub mod complex;
pub mod coords;
pub mod fft;
pub mod jet;
pub mod linalg;
pub mod ops;
pub mod optim;
mod partial;
mod real;
mod tape;
mod value;

#[doc(hidden)]
pub mod __private;

pub use adjoint::{Adjoint, Contribution, NoTangent};
pub use array::{ArrayExt, ArrayMath, ComplexMath, Outer};
pub use autodiff_macros::{Parameters, differentiable, primitive};
pub use check::check_grads;
pub use coords::Coords;
pub use fft::FftExt;
pub use linalg::LinalgExt;
pub use optim::Parameters;
pub use partial::{MinusOne, One, Partial, Scale};
pub use real::Real;
pub use tape::{Slot, Tape};
pub use value::{Accumulate, Linear, Mismatch, Scalar, ShapeOf, Value, Zeros};

/// The ndarray version the runtime is built against, re-exported so that users and
/// generated code name the same types.
pub use ndarray;
/// The num-complex version the runtime is built against (the one ndarray and rustfft use),
/// re-exported so that users and generated code name the same complex types.
pub use num_complex;
pub use num_complex::{Complex, Complex32, Complex64};
