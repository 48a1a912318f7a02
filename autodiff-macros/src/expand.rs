//! The driver: parse → validate → lower → transform → emit, with the user's item kept
//! unchanged and every error reported at its span.

use crate::args::Args;
use crate::error::Ctxt;
use crate::ir::{Function, Tree};
use crate::{emit, parse, validate};
use proc_macro2::TokenStream;
use quote::quote;

/// `#[differentiable(args)] item`: the function and its module of derivatives, or the
/// function unchanged beside the errors.
pub fn differentiable(args: TokenStream, item: TokenStream) -> TokenStream {
    try_expand(args, item.clone()).unwrap_or_else(|err| fallback(item, err))
}

/// The expansion of `#[differentiable(args)] item`, or every problem found, each at its span.
pub fn try_expand(args: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    let func: syn::ItemFn = syn::parse2(item.clone()).map_err(|_| {
        syn::Error::new_spanned(
            &item,
            "`#[differentiable]` applies to free functions, such as `fn f(x: f64) -> f64 { ... }`",
        )
    })?;
    let args = crate::args::parse(args)?;
    let f = lower(&func, &args)?;
    let module = emit::module(&f);
    Ok(quote!(#func #module))
}

/// Validates and lowers `func`; all problems found come back as one combined error.
pub fn lower(func: &syn::ItemFn, args: &Args) -> syn::Result<Function> {
    let cx = Ctxt::new();
    validate::function(&cx, func, args);
    if cx.has_errors() {
        cx.check()?;
        unreachable!("errors were recorded");
    }
    let lowered = parse::function(&cx, func, args);
    if let Some(f) = &lowered {
        output_shape(&cx, f);
    }
    cx.check()?;
    lowered.ok_or_else(|| syn::Error::new_spanned(&func.sig, "unsupported signature for `#[differentiable]`"))
}

/// The returned value must have the structure of the declared return type, since the
/// pullback takes one adjoint per element of a tuple type.
fn output_shape(cx: &Ctxt, f: &Function) {
    fn check(cx: &Ctxt, ty: &syn::Type, out: &Tree) {
        match (ty, out) {
            (syn::Type::Paren(p), _) => check(cx, &p.elem, out),
            (syn::Type::Tuple(tt), Tree::Tuple(items)) => {
                if tt.elems.len() != items.len() {
                    cx.error_spanned(ty, "the returned tuple has a different length from the return type");
                } else {
                    tt.elems.iter().zip(items).for_each(|(t, o)| check(cx, t, o));
                }
            }
            (syn::Type::Tuple(_), Tree::Leaf(crate::ir::Operand::Var(_))) => cx.error_spanned(
                ty,
                "a tuple returned by a call must be destructured before it is returned: `let (a, b) = g(x); (a, b)`",
            ),
            (_, Tree::Tuple(_)) => cx.error_spanned(
                ty,
                "a function that returns a tuple must spell its return type as a tuple, such as `(f64, f64)`",
            ),
            _ => {}
        }
    }
    check(cx, &f.ret, &f.output);
}

/// The user's item unchanged, and the errors: the rest of the crate still type-checks.
fn fallback(item: TokenStream, err: syn::Error) -> TokenStream {
    let errors = crate::error::to_compile_errors(err);
    quote!(#item #errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::parse_quote;

    fn expand(item: syn::ItemFn) -> String {
        differentiable(TokenStream::new(), quote!(#item)).to_string()
    }

    #[test]
    fn straight_line_expands_to_rules() {
        let out = expand(parse_quote! {
            fn f(x: f64, y: f64) -> f64 { let z = x * y.sin(); z / y }
        });
        assert!(out.contains("ops :: sin"), "{out}");
        assert!(out.contains("mul_vjp"), "{out}");
        assert!(out.contains("div_jvp"), "{out}");
        assert!(!out.contains("compile_error"), "{out}");
    }

    #[test]
    fn unsupported_syntax_is_an_error_not_a_panic() {
        let out = expand(parse_quote! {
            fn f(x: f64) -> f64 { unsafe { x } }
        });
        assert!(out.contains("compile_error"), "{out}");
    }
}
