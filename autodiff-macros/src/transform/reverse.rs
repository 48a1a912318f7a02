//! The reverse sweep: the body of the pullback closure.

use super::control::{
    available, branch_work, count, defined, has_tag, loop_work, partial_name, record, reused_partial, tag, tape, var_of,
};
use super::{bar, forward::first_var, pat, pullback, saved};
use crate::ir::{Block, Branch, Function, Loop, Op, Operand, Pat, Stmt, Tree, Var};
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
///     __ad::ops::mul_vjp(__y_bar, Some((&mut __t0_bar, __y_d0)), Some((&mut __w_bar, __y_d1)));
///     __ad::ops::sin_vjp(__t0_bar, &mut __x_bar, __t0_d);
///     (__x_bar.into_tangent(&x), __w_bar.into_tangent(&w))
/// }
/// ```
/// Statements run backwards; a branch pops its tag and reverses the arm that ran; a loop
/// runs its body's reverse once per recorded iteration, popping each iteration's record.
/// Only statements whose result can reach the output are reversed.
pub fn closure(f: &Function, reached: &BTreeSet<Var>) -> TokenStream {
    let mut seeds = Vec::new();
    let seed_pat = seed_pattern(&f.ret, &f.output, &mut seeds);
    let mut decls = TokenStream::new();
    let mut seeded = BTreeSet::new();
    for (v, seed) in &seeds {
        let b = bar(f, *v);
        decls.extend(if seeded.insert(*v) { quote!(let mut #b = #seed;) } else { quote!(#b.merge(#seed);) });
    }
    let mut params = Vec::new();
    for p in &f.params {
        if let Some(pat) = &p.active {
            pat.vars(&mut params);
        }
    }
    for v in params.iter().chain(defined(&f.body).iter()) {
        if reached.contains(v) && !seeded.contains(v) {
            let b = bar(f, *v);
            decls.extend(quote!(let mut #b = __ad::Adjoint::zero();));
        }
    }
    let g = Rev { f, reached, available: available(f) };
    let body = g.stmts(&f.body);
    let grads = f.params.iter().map(|p| match &p.active {
        Some(pat) => param_cotangent(f, pat, reached),
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

struct Rev<'a> {
    f: &'a Function,
    reached: &'a BTreeSet<Var>,
    available: BTreeSet<Var>,
}

impl Rev<'_> {
    /// The reverse of a nested block: pop its record, declare the adjoints of the values it
    /// defines, run `prologue` (adjoints flowing in from the block's results), then its
    /// statements backwards.
    fn block(&self, b: &Block, prologue: TokenStream) -> TokenStream {
        let f = self.f;
        let mut out = TokenStream::new();
        let items = record(f, b, self.reached);
        if !items.is_empty() {
            let t = tape(b.id);
            out.extend(quote!(let (#(#items,)*) = #t.pop();));
        }
        for v in defined(b) {
            if self.reached.contains(&v) {
                let bv = bar(f, v);
                out.extend(quote!(let mut #bv = __ad::Adjoint::zero();));
            }
        }
        out.extend(prologue);
        out.extend(self.stmts(b));
        out
    }

    fn stmts(&self, b: &Block) -> TokenStream {
        let f = self.f;
        let mut out = TokenStream::new();
        for stmt in b.stmts.iter().rev() {
            match stmt {
                Stmt::Inactive(_) => {}
                Stmt::Op(op) if self.reached.contains(&op.dst) => out.extend(op_rev(f, op, &self.available)),
                Stmt::Call(call) => {
                    let mut dst = Vec::new();
                    call.dst.vars(&mut dst);
                    if !dst.iter().any(|v| self.reached.contains(v)) {
                        continue;
                    }
                    let pb = pullback(f, first_var(&call.dst));
                    let dst_bars = pat(f, &call.dst, &|f, v| bar(f, v).to_token_stream());
                    let mut names = Vec::new();
                    let mut adds = TokenStream::new();
                    for (i, a) in call.args.iter().enumerate() {
                        match a {
                            Operand::Var(v) => {
                                let c = format_ident!("__c{}", i, span = Span::mixed_site());
                                let b = bar(f, *v);
                                let span = call.arg_spans[i];
                                adds.extend(quote_spanned!(span=> __ad::ops::accumulate(&mut #b, #c);));
                                names.push(c.to_token_stream());
                            }
                            Operand::Const(_) => names.push(quote!(_)),
                        }
                    }
                    out.extend(quote_spanned!(call.span=> let (#(#names,)*) = #pb(#dst_bars);));
                    out.extend(adds);
                }
                Stmt::Branch(br) if branch_work(br, self.reached) => out.extend(self.branch(br)),
                Stmt::Loop(l) if loop_work(l, self.reached) => out.extend(self.lp(l)),
                Stmt::Branch(_) | Stmt::Loop(_) => {}
                Stmt::Op(_) => {}
            }
        }
        out
    }

    fn branch(&self, br: &Branch) -> TokenStream {
        let f = self.f;
        let arms: Vec<TokenStream> = br
            .arms
            .iter()
            .map(|arm| {
                // Each output's adjoint flows to the value it had in this arm.
                let mut prologue = TokenStream::new();
                for (o, v) in br.outputs.iter().zip(&arm.values) {
                    if let (true, Some(v)) = (self.reached.contains(o), var_of(v)) {
                        let (ob, vb) = (bar(f, *o), bar(f, v));
                        prologue.extend(quote!(#vb.merge(#ob);));
                    }
                }
                let body = self.block(&arm.block, prologue);
                quote!({ #body })
            })
            .collect();
        if !has_tag(&br.head) {
            return arms[0].clone();
        }
        let t = tag(br.id);
        let ks = 0..arms.len();
        quote! {
            match #t {
                #(#ks => #arms)*
                _ => ::core::unreachable!("branch tag out of range"),
            }
        }
    }

    fn lp(&self, l: &Loop) -> TokenStream {
        let f = self.f;
        // At the end of each iteration every slot took its new value at once; in reverse,
        // each slot's adjoint is taken before any flows back into another slot.
        let mut takes = TokenStream::new();
        let mut gives = TokenStream::new();
        for (k, s) in l.slots.iter().enumerate() {
            if !self.reached.contains(&s.var) || matches!(s.end, Operand::Var(v) if v == s.var) {
                continue;
            }
            let w = format_ident!("__wb{}", k, span = Span::mixed_site());
            let sb = bar(f, s.var);
            takes.extend(quote!(let #w = #sb.take();));
            if let Some(v) = var_of(&s.end) {
                let vb = bar(f, v);
                gives.extend(quote!(#vb.merge(#w);));
            }
        }
        let body = self.block(&l.body, quote!(#takes #gives));
        let n = count(l.id);
        let mut inits = TokenStream::new();
        for s in &l.slots {
            if let (true, Some(i)) = (self.reached.contains(&s.var), var_of(&s.init)) {
                let (sb, ib) = (bar(f, s.var), bar(f, i));
                inits.extend(quote!(#ib.merge(#sb);));
            }
        }
        quote! {
            for _ in 0..#n {
                #body
            }
            #inits
        }
    }
}

fn op_rev(f: &Function, op: &Op, available: &BTreeSet<Var>) -> TokenStream {
    let rule = format_ident!("{}_vjp", op.rule.name, span = op.span);
    let y_bar = bar(f, op.dst);
    if matches!(op.rule.arity, Arity::Binary | Arity::Ternary) {
        // One call per differentiable input, each with that input's partial.
        let mut out = TokenStream::new();
        for (i, a) in op.args.iter().enumerate() {
            let Operand::Var(v) = a else { continue };
            let target = bar(f, *v);
            let d = match reused_partial(op, i, available) {
                Some(other) => {
                    let other = super::operand(f, other);
                    quote!(__ad::Scale(#other))
                }
                None => partial_name(f, op, i).to_token_stream(),
            };
            out.extend(quote_spanned!(op.span=> __ad::ops::#rule(&#y_bar, &mut #target, &#d);));
        }
        return out;
    }
    let Some(Operand::Var(v)) = op.args.first() else { return TokenStream::new() };
    let target = bar(f, *v);
    if op.rule.linear {
        quote_spanned!(op.span=> __ad::ops::#rule(#y_bar, &mut #target);)
    } else {
        let d = saved(f, op.dst);
        quote_spanned!(op.span=> __ad::ops::#rule(#y_bar, &mut #target, #d);)
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
        Pat::Var(v) if !f.scalar => {
            // The pullback keeps each parameter's shape, not the parameter.
            let shape = super::shape(f, *v);
            if reached.contains(v) {
                let b = bar(f, *v);
                quote!(#b.into_tangent_shaped(&#shape))
            } else {
                quote!(#shape.zeros())
            }
        }
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
