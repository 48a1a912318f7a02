//! The reverse sweep: the body of the pullback closure.

use super::{bar, forward::first_var, pat, pullback, saved};
use crate::ir::{Function, Operand, Pat, Stmt, Tree, Var};
use crate::rules::Arity;
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use std::collections::BTreeSet;

/// The pullback closure: takes the output's adjoint, returns one cotangent per parameter.
///
/// Shape before and after, for `let y = x.sin() * w; y`:
/// ```text
/// move |__seed0| {
///     let mut __y_bar = __seed0;
///     let mut __t0_bar = __ad::Adjoint::zero();
///     let mut __x_bar = __ad::Adjoint::zero();
///     let mut __w_bar = __ad::Adjoint::zero();
///     __ad::ops::mul_vjp(__y_d, __y_bar, Some(&mut __t0_bar), Some(&mut __w_bar));
///     __ad::ops::sin_vjp(__t0_d, __t0_bar, &mut __x_bar);
///     (__x_bar.into_tangent(&x), __w_bar.into_tangent(&w))
/// }
/// ```
/// Only statements whose result can reach the output are reversed.
pub fn closure(f: &Function) -> TokenStream {
    let reached = reached(f);

    let mut seeds = Vec::new();
    let seed_pat = seed_pattern(&f.ret, &f.output, &mut seeds);
    let mut decls = TokenStream::new();
    let mut seeded = BTreeSet::new();
    for (v, seed) in &seeds {
        let b = bar(f, *v);
        decls.extend(if seeded.insert(*v) {
            quote!(let mut #b = #seed;)
        } else {
            quote!(#b.merge(#seed);)
        });
    }
    for v in &reached {
        if !seeded.contains(v) {
            let b = bar(f, *v);
            decls.extend(quote!(let mut #b = __ad::Adjoint::zero();));
        }
    }

    let mut body = TokenStream::new();
    for stmt in f.body.iter().rev() {
        match stmt {
            Stmt::Inactive(_) => {}
            Stmt::Op(op) if reached.contains(&op.dst) => {
                let rule = format_ident!("{}_vjp", op.rule.name, span = op.span);
                let d = saved(f, op.dst);
                let y_bar = bar(f, op.dst);
                let mut seen: Vec<Var> = Vec::new();
                let mut temps = TokenStream::new();
                let mut merges = TokenStream::new();
                let args: Vec<TokenStream> = op
                    .args
                    .iter()
                    .enumerate()
                    .map(|(i, a)| {
                        let optional = matches!(op.rule.arity, Arity::Binary | Arity::Ternary);
                        let target = match a {
                            Operand::Const(_) => return quote!(None),
                            Operand::Var(v) if seen.contains(v) => {
                                // The same value twice in one rule (`x * x`): a second
                                // adjoint, merged after, keeps the borrows apart.
                                let tmp = format_ident!("__dup{}", i, span = Span::mixed_site());
                                let b = bar(f, *v);
                                temps.extend(quote!(let mut #tmp = __ad::Adjoint::zero();));
                                merges.extend(quote!(#b.merge(#tmp);));
                                tmp
                            }
                            Operand::Var(v) => {
                                seen.push(*v);
                                bar(f, *v)
                            }
                        };
                        if optional { quote!(Some(&mut #target)) } else { quote!(&mut #target) }
                    })
                    .collect();
                let call = quote_spanned!(op.span=> __ad::ops::#rule(#d, #y_bar, #(#args),*););
                body.extend(if temps.is_empty() { call } else { quote!({ #temps #call #merges }) });
            }
            Stmt::Call(call) if call_reached(&call.dst, &reached) => {
                let pb = pullback(f, first_var(&call.dst));
                let dst_bars = pat(f, &call.dst, &|f, v| bar(f, v).to_token_stream());
                let mut names = Vec::new();
                let mut adds = TokenStream::new();
                for (i, a) in call.args.iter().enumerate() {
                    match a {
                        Operand::Var(v) => {
                            let c = format_ident!("__c{}", i, span = Span::mixed_site());
                            let b = bar(f, *v);
                            adds.extend(quote_spanned!(call.span=> __ad::ops::accumulate(&mut #b, #c);));
                            names.push(c.to_token_stream());
                        }
                        Operand::Const(_) => names.push(quote!(_)),
                    }
                }
                body.extend(quote_spanned!(call.span=> let (#(#names,)*) = #pb(#dst_bars);));
                body.extend(adds);
            }
            Stmt::Op(_) | Stmt::Call(_) => {}
        }
    }

    let grads = f.params.iter().map(|p| match &p.active {
        Some(pat) => param_cotangent(f, pat, &reached),
        None => quote!(__ad::NoTangent),
    });
    quote! {
        move |#seed_pat| {
            #decls
            #body
            (#(#grads,)*)
        }
    }
}

/// Values whose adjoint can be non-zero: the output's, and, going backwards, the inputs of
/// every statement whose result is reached (all results of a reached call).
fn reached(f: &Function) -> BTreeSet<Var> {
    let mut reached = BTreeSet::new();
    let mut out = Vec::new();
    f.output.vars(&mut out);
    reached.extend(out);
    for stmt in f.body.iter().rev() {
        match stmt {
            Stmt::Op(op) if reached.contains(&op.dst) => {
                reached.extend(op.args.iter().filter_map(var_of));
            }
            Stmt::Call(call) if call_reached(&call.dst, &reached) => {
                let mut dst = Vec::new();
                call.dst.vars(&mut dst);
                reached.extend(dst);
                reached.extend(call.args.iter().filter_map(var_of));
            }
            _ => {}
        }
    }
    reached
}

fn call_reached(dst: &Pat, reached: &BTreeSet<Var>) -> bool {
    let mut vars = Vec::new();
    dst.vars(&mut vars);
    vars.iter().any(|v| reached.contains(v))
}

fn var_of(op: &Operand) -> Option<Var> {
    match op {
        Operand::Var(v) => Some(*v),
        Operand::Const(_) => None,
    }
}

/// The closure's parameter pattern, following the declared return type: a tuple type is
/// taken apart into one adjoint per element; constant outputs are ignored (`_`).
fn seed_pattern(ty: &syn::Type, out: &Tree, seeds: &mut Vec<(Var, syn::Ident)>) -> TokenStream {
    match (ty, out) {
        (syn::Type::Tuple(tt), Tree::Tuple(items)) => {
            let parts = tt.elems.iter().zip(items).map(|(t, o)| seed_pattern(t, o, seeds));
            quote!((#(#parts,)*))
        }
        (syn::Type::Paren(p), _) => seed_pattern(&p.elem, out, seeds),
        (_, Tree::Leaf(Operand::Var(v))) => {
            let id = format_ident!("__seed{}", seeds.len(), span = Span::mixed_site());
            seeds.push((*v, id.clone()));
            id.to_token_stream()
        }
        _ => quote!(_),
    }
}

fn param_cotangent(f: &Function, p: &Pat, reached: &BTreeSet<Var>) -> TokenStream {
    match p {
        Pat::Var(v) => {
            let x = f.ident(*v);
            if reached.contains(v) {
                let b = bar(f, *v);
                quote!(#b.into_tangent(&#x))
            } else {
                quote!(__ad::Value::zero_tangent(&#x))
            }
        }
        Pat::Tuple(items) => {
            let items = items.iter().map(|i| param_cotangent(f, i, reached));
            quote!((#(#items,)*))
        }
    }
}
