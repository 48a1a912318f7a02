//! Forward mode: each statement computes its value and its tangent.

use super::{callee, dot, operand, pat, tree};
use crate::ir::{Function, Operand, Stmt, Tree};
use crate::rules::Arity;
use proc_macro2::TokenStream;
use quote::{ToTokens, format_ident, quote, quote_spanned};

/// Shape before and after, for `let y = x.sin() * w; y`:
/// ```text
/// let (t0, __t0_dot) = __ad::ops::sin_jvp(&x, &__x_dot);
/// let (y, __y_dot) = __ad::ops::mul_jvp(&t0, &w, Some(&__t0_dot), Some(&__w_dot));
/// (y, __y_dot)
/// ```
pub fn sweep(f: &Function) -> TokenStream {
    let mut out = TokenStream::new();
    // Parameter tangents: the caller passes `None` for an input it does not vary.
    for p in &f.params {
        if let Some(pat_) = &p.active {
            let ident = &p.ident;
            let names = pat(f, pat_, &|f, v| dot(f, v).to_token_stream());
            let arg = super::tangent_in(ident);
            out.extend(quote! {
                let #names = match #arg {
                    Some(t) => t,
                    None => __ad::Value::zero_tangent(&#ident),
                };
            });
        }
    }
    for stmt in &f.body {
        out.extend(match stmt {
            Stmt::Inactive(tokens) => tokens.clone(),
            Stmt::Op(op) => {
                let y = f.ident(op.dst);
                let y_dot = dot(f, op.dst);
                let rule = format_ident!("{}_jvp", op.rule.name, span = op.span);
                let primals = op.args.iter().map(|a| {
                    let a = operand(f, a);
                    quote!(&#a)
                });
                let int = op.int_arg.iter();
                let tangents = op.args.iter().map(|a| {
                    let optional = matches!(op.rule.arity, Arity::Binary | Arity::Ternary);
                    match (a, optional) {
                        (Operand::Var(v), true) => {
                            let d = dot(f, *v);
                            quote!(Some(&#d))
                        }
                        (Operand::Var(v), false) => {
                            let d = dot(f, *v);
                            quote!(&#d)
                        }
                        (Operand::Const(_), _) => quote!(None),
                    }
                });
                quote_spanned!(op.span=> let (#y, #y_dot) = __ad::ops::#rule(#(#primals,)* #(#int,)* #(#tangents),*);)
            }
            Stmt::Call(call) => {
                let dst = pat(f, &call.dst, &|f, v| f.ident(v).to_token_stream());
                let dst_dot = pat(f, &call.dst, &|f, v| dot(f, v).to_token_stream());
                let path = callee(&call.path);
                let primals = call.args.iter().map(|a| operand(f, a));
                let tangents = call.args.iter().map(|a| match a {
                    Operand::Var(v) => {
                        let d = dot(f, *v);
                        quote!(Some(#d))
                    }
                    Operand::Const(_) => quote!(None),
                });
                quote_spanned!(call.span=> let (#dst, #dst_dot) = #path::__jvp(#(#primals,)* #(#tangents),*);)
            }
        });
    }
    let value = tree(f, &f.output);
    let tangent = tangent_tree(f, &f.output);
    out.extend(quote!((#value, #tangent)));
    out
}

fn tangent_tree(f: &Function, t: &Tree) -> TokenStream {
    match t {
        Tree::Leaf(Operand::Var(v)) => dot(f, *v).to_token_stream(),
        Tree::Leaf(Operand::Const(c)) => quote!(__ad::Value::zero_tangent(&#c)),
        Tree::Tuple(items) => {
            let items = items.iter().map(|i| tangent_tree(f, i));
            quote!((#(#items,)*))
        }
    }
}

