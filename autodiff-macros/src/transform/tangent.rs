//! Forward mode: each statement computes its value and its tangent; branches and loops keep
//! their shape, carrying tangents beside values.

use super::forward::{bind, head, write_back};
use super::{callee, dot, operand, pat, tree};
use crate::ir::{Block, Branch, Function, Loop, LoopHead, Operand, Stmt, Tree};
use crate::rules::Arity;
use proc_macro2::{Ident, Span, TokenStream};
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
    out.extend(block(f, &f.body));
    let value = tree(f, &f.output);
    let tangent = tangent_tree(f, &f.output);
    out.extend(quote!((#value, #tangent)));
    out
}

fn block(f: &Function, b: &Block) -> TokenStream {
    let mut out = TokenStream::new();
    for stmt in &b.stmts {
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
                let optional = matches!(op.rule.arity, Arity::Binary | Arity::Ternary);
                let tangents = op.args.iter().map(|a| match a {
                    Operand::Var(v) => {
                        let d = dot(f, *v);
                        if optional { quote!(Some(&#d)) } else { quote!(&#d) }
                    }
                    Operand::Const(_) => quote!(None),
                });
                quote_spanned!(op.span=> let (#y, #y_dot) = __ad::ops::#rule(#(#primals,)* #(#int,)* #(#tangents),*);)
            }
            Stmt::Call(call) => {
                let dst = pat(f, &call.dst, &|f, v| f.ident(v).to_token_stream());
                let dst_dot = pat(f, &call.dst, &|f, v| dot(f, v).to_token_stream());
                let path = callee(&call.path);
                let primals = call.args.iter().enumerate().map(|(i, a)| call.arg_tokens(i, operand(f, a)));
                let tangents = call.args.iter().zip(&call.arg_spans).map(|(a, span)| match a {
                    // Array tangents are not `Copy`; the caller may still need its own.
                    Operand::Var(v) if !f.scalar => {
                        let d = dot(f, *v);
                        quote_spanned!(*span=> Some(::core::clone::Clone::clone(&#d)))
                    }
                    Operand::Var(v) => {
                        let d = dot(f, *v);
                        quote_spanned!(*span=> Some(#d))
                    }
                    Operand::Const(_) => quote!(None),
                });
                quote_spanned!(call.span=> let (#dst, #dst_dot) = #path::__jvp(#(#primals,)* #(#tangents),*);)
            }
            Stmt::Branch(br) => branch(f, br),
            Stmt::Loop(l) => lp(f, l),
        });
    }
    out
}

fn branch(f: &Function, br: &Branch) -> TokenStream {
    let mut outs: Vec<TokenStream> = br.outputs.iter().map(|v| f.ident(*v).to_token_stream()).collect();
    outs.extend(br.outputs.iter().map(|v| dot(f, *v).to_token_stream()));
    outs.extend(br.result.iter().map(ToTokens::to_token_stream));
    let arms: Vec<TokenStream> = br
        .arms
        .iter()
        .map(|arm| {
            let body = block(f, &arm.block);
            // Tangents are taken before the values move into the arm's result (a constant's
            // zero tangent borrows the value).
            let names: Vec<Ident> =
                (0..arm.values.len()).map(|k| format_ident!("__arm_dot{}", k, span = Span::mixed_site())).collect();
            let inside = super::control::defined(&arm.block);
            let tangents = arm.values.iter().map(|v| super::carried(f, v, operand_tangent(f, v), &inside));
            let mut vals: Vec<TokenStream> =
                arm.values.iter().map(|v| super::carried(f, v, operand(f, v), &inside)).collect();
            vals.extend(names.iter().map(ToTokens::to_token_stream));
            vals.extend(arm.result.clone());
            if vals.is_empty() { quote!({ #body }) } else { quote!({ #body #(let #names = #tangents;)* (#(#vals,)*) }) }
        })
        .collect();
    bind(&outs, head(&br.head, &arms))
}

fn lp(f: &Function, l: &Loop) -> TokenStream {
    let (brk, skip) = (&l.brk, &l.skip);
    let inits = l.slots.iter().map(|s| {
        let (v, init) = (f.ident(s.var), super::carried(f, &s.init, operand(f, &s.init), &[]));
        let (vd, init_dot) = (dot(f, s.var), super::carried(f, &s.init, operand_tangent(f, &s.init), &[]));
        // The tangent first: a constant's zero tangent borrows the value the slot then takes.
        quote!(let mut #vd = #init_dot; let mut #v = #init;)
    });
    let inside = super::control::defined(&l.body);
    let values =
        write_back(f, l, &|f, v| f.ident(v).to_token_stream(), &|f, op| super::carried(f, op, operand(f, op), &inside));
    let tangents = write_back(f, l, &|f, v| dot(f, v).to_token_stream(), &|f, op| {
        super::carried(f, op, operand_tangent(f, op), &inside)
    });
    let body = block(f, &l.body);
    let head = match &l.head {
        LoopHead::For { pat, iter } => quote!(for #pat in #iter),
        LoopHead::While(cond) => quote!(while #cond),
        LoopHead::Loop => quote!(loop),
    };
    quote! {
        #(#inits)*
        let mut #brk = false;
        let mut #skip = false;
        #head {
            #skip = false;
            #body
            #tangents
            #values
            if #brk {
                break;
            }
        }
    }
}

fn operand_tangent(f: &Function, op: &Operand) -> TokenStream {
    match op {
        Operand::Var(v) => dot(f, *v).to_token_stream(),
        Operand::Const(c) => quote!(__ad::Value::zero_tangent(&#c)),
    }
}

fn tangent_tree(f: &Function, t: &Tree) -> TokenStream {
    match t {
        Tree::Leaf(op) => operand_tangent(f, op),
        Tree::Tuple(items) => {
            let items = items.iter().map(|i| tangent_tree(f, i));
            quote!((#(#items,)*))
        }
    }
}
