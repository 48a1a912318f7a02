//! The forward sweep of the pullback: the primal, keeping what the reverse sweep needs.

use super::{callee, operand, pat, pullback, saved};
use crate::ir::{Function, Operand, Stmt};
use proc_macro2::TokenStream;
use quote::{ToTokens, format_ident, quote, quote_spanned};

/// Shape before and after, for `let y = x.sin() * w;`:
/// ```text
/// let (t0, __t0_d) = __ad::ops::sin(&x);      // value and ∂t0/∂x
/// let (y, __y_d) = __ad::ops::mul(&t0, &w);   // value and (∂y/∂t0, ∂y/∂w)
/// ```
pub fn sweep(f: &Function) -> TokenStream {
    let mut out = TokenStream::new();
    for stmt in &f.body {
        out.extend(match stmt {
            Stmt::Inactive(tokens) => tokens.clone(),
            Stmt::Op(op) => {
                let y = f.ident(op.dst);
                let d = saved(f, op.dst);
                let rule = format_ident!("{}", op.rule.name, span = op.span);
                let args = op.args.iter().map(|a| {
                    let a = operand(f, a);
                    quote!(&#a)
                });
                let int = op.int_arg.iter();
                quote_spanned!(op.span=> let (#y, #d) = __ad::ops::#rule(#(#args,)* #(#int)*);)
            }
            Stmt::Call(call) => {
                let dst = pat(f, &call.dst, &|f, v| f.ident(v).to_token_stream());
                let first = first_var(&call.dst);
                let pb = pullback(f, first);
                let path = callee(&call.path);
                let args = call.args.iter().map(|a| match a {
                    Operand::Var(v) => f.ident(*v).to_token_stream(),
                    Operand::Const(t) => t.clone(),
                });
                quote_spanned!(call.span=> let (#dst, #pb) = #path::__pullback(#(#args),*);)
            }
        });
    }
    out
}

/// The value whose name a call's pullback takes.
pub(crate) fn first_var(p: &crate::ir::Pat) -> crate::ir::Var {
    let mut vars = Vec::new();
    p.vars(&mut vars);
    vars[0]
}
