//! IR → generated sweeps.
//!
//! * [`forward`]: the primal computation, keeping what the reverse sweep needs (each rule's
//!   saved partials, each call's pullback) in plain locals;
//! * [`reverse`]: the body of the pullback closure, statements in reverse order, `x̄ += …`;
//! * [`tangent`]: forward mode, the primal and its tangent side by side.
//!
//! Generated names derive from a value's hygienic identifier `v`: `__v_d` (saved partials),
//! `__v_pb` (a call's pullback), `__v_bar` (adjoint), `__v_dot` (tangent). Value names never
//! start with `__`, so these cannot collide.

pub mod control;
pub mod forward;
pub mod reverse;
pub mod tangent;

use crate::ir::{Function, Operand, Pat, Tree, Var};
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote};
use syn::Ident;

pub(crate) fn derived(f: &Function, v: Var, suffix: &str) -> Ident {
    format_ident!("__{}_{}", f.ident(v), suffix, span = Span::mixed_site())
}

pub(crate) fn bar(f: &Function, v: Var) -> Ident {
    derived(f, v, "bar")
}

pub(crate) fn dot(f: &Function, v: Var) -> Ident {
    derived(f, v, "dot")
}

pub(crate) fn saved(f: &Function, v: Var) -> Ident {
    derived(f, v, "d")
}

/// The remembered tangent shape of a parameter (see `ShapeOf` in the runtime).
pub(crate) fn shape(f: &Function, v: Var) -> Ident {
    derived(f, v, "shape")
}

pub(crate) fn pullback(f: &Function, v: Var) -> Ident {
    derived(f, v, "pb")
}

/// The primal tokens of an operand.
pub(crate) fn operand(f: &Function, op: &Operand) -> TokenStream {
    match op {
        Operand::Var(v) if f.vars[v.0].deref => {
            let x = f.ident(*v);
            quote!((*#x))
        }
        Operand::Var(v) => f.ident(*v).to_token_stream(),
        Operand::Const(t) => t.clone(),
    }
}

/// The tokens of a value a loop slot takes (its initial value, or its value at the end of an
/// iteration): in functions over arrays, a value that lives on outside the loop body is
/// cloned, since the slot takes ownership and arrays are not `Copy`.
pub(crate) fn carried(f: &Function, op: &Operand, tokens: TokenStream, inside: &[Var]) -> TokenStream {
    match op {
        Operand::Var(v) if !f.scalar && !inside.contains(v) => quote!(::core::clone::Clone::clone(&#tokens)),
        _ => tokens,
    }
}

/// The primal tokens of a constant that becomes the value of an active variable (a slot's
/// initial or end value, an arm's output). In scalar functions with higher-order derivatives
/// it is marked `__ad::carry(..)`, the identity, which the jet copy of the pullback turns into
/// a conversion of the constant (`C0`, `n as f64`) to a jet. Other constants are unchanged.
pub(crate) fn seeded(f: &Function, op: &Operand, tokens: TokenStream) -> TokenStream {
    match op {
        Operand::Const(_) if f.scalar && f.order >= 2 => quote!(__ad::carry(#tokens)),
        _ => tokens,
    }
}

/// The primal tokens of a value tree.
pub(crate) fn tree(f: &Function, t: &Tree) -> TokenStream {
    match t {
        Tree::Leaf(op) => operand(f, op),
        Tree::Tuple(items) => {
            let items = items.iter().map(|i| tree(f, i));
            quote!((#(#items,)*))
        }
    }
}

/// A pattern of identifiers made from each value of `p` by `name`.
pub(crate) fn pat(f: &Function, p: &Pat, name: &dyn Fn(&Function, Var) -> TokenStream) -> TokenStream {
    match p {
        Pat::Var(v) => name(f, *v),
        Pat::Tuple(items) => {
            let items = items.iter().map(|i| pat(f, i, name));
            quote!((#(#items,)*))
        }
    }
}

/// The path of the generated module of a called function: `g` → `super::g`, so that the
/// module's own items (`grad`, `vjp`, …) never shadow the user's functions.
pub(crate) fn callee(path: &syn::Path) -> TokenStream {
    let first = path.segments.first().map(|s| s.ident.to_string()).unwrap_or_default();
    if path.leading_colon.is_some() || first == "crate" {
        path.to_token_stream()
    } else if first == "self" {
        let rest = path.segments.iter().skip(1);
        quote!(super #(::#rest)*)
    } else {
        quote!(super::#path)
    }
}

/// The forward-mode parameter that carries a parameter's tangent into `__jvp`.
pub(crate) fn tangent_in(param: &Ident) -> Ident {
    format_ident!("__{}_dot_in", param)
}
