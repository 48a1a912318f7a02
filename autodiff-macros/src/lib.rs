//! The `#[differentiable]` and `#[primitive]` attributes of `autodiff-runtime`.
//!
//! Use them through `autodiff_runtime`, which re-exports them and holds the rules that the
//! generated code calls; this crate only transforms syntax. The pipeline is
//! `parse` (syntax → IR, rejecting what is not supported at its span) → `transform`
//! (IR → forward sweep, reverse sweep, tangent sweep) → `emit` (the module of derivatives).

mod args;
mod derive;
mod emit;
mod error;
mod expand;
mod higher;
mod ir;
mod parse;
mod primitive;
mod rules;
mod transform;
mod validate;

use proc_macro::TokenStream;

/// Generates the derivatives of a function at compile time.
///
/// The function is kept as written; a module of the same name is added beside it with
/// `grad`, `value_and_grad`, `vjp`, `jvp` and `SOURCE` (the generated code). See the
/// `autodiff_runtime` crate documentation for the supported language and examples.
#[proc_macro_attribute]
pub fn differentiable(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::differentiable(args.into(), item.into()).into()
}

/// Declares a function as a primitive with hand-written derivative rules:
/// `#[primitive(vjp = f_vjp, jvp = f_jvp)]`.
///
/// The function gets the same generated module as a `#[differentiable]` one, built from the
/// given rules instead of from its body, so `#[differentiable]` code can call it.
#[proc_macro_attribute]
pub fn primitive(args: TokenStream, item: TokenStream) -> TokenStream {
    primitive::expand(args.into(), item.into()).into()
}

/// Makes a struct of differentiable fields one value: parameters of `#[differentiable]`
/// functions (whose code reads the fields, `p.w`), gradients of the same shape, and
/// optimizer steps over all fields.
///
/// Every field's tangent must be its own type: `f64`, `f32`, owned ndarray arrays, tuples of
/// them, or other derived structs. The struct must also implement `Clone`.
#[proc_macro_derive(Parameters)]
pub fn derive_parameters(item: TokenStream) -> TokenStream {
    derive::expand(item.into()).into()
}

#[cfg(test)]
mod fuzz;
#[cfg(test)]
mod golden;
