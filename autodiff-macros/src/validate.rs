//! Checks of the signature and the attribute, one function per rule, errors into the `Ctxt`.

use crate::args::Args;
use crate::error::Ctxt;
use crate::parse::is_inactive_type;
use quote::ToTokens;
use syn::visit::{self, Visit};
use syn::{Ident, ItemFn};

/// Every check that needs only the signature.
pub fn function(cx: &Ctxt, item: &ItemFn, args: &Args) {
    qualifiers(cx, item);
    generics(cx, item);
    receiver(cx, item);
    return_type(cx, item);
    wrt(cx, item, args);
    reference_params(cx, item, args);
    higher_order_types(cx, item, args);
    float_names(cx, item, args);
    trailing_plus(cx, item);
}

/// With `order ≥ 2` the derivatives run the function at Taylor-series scalars, which the
/// runtime carries through real scalars, owned arrays, references to them and tuples.
fn higher_order_types(cx: &Ctxt, item: &ItemFn, args: &Args) {
    if args.order.unwrap_or(1) < 2 {
        return;
    }
    let types = item.sig.inputs.iter().filter_map(|i| match i {
        syn::FnArg::Typed(pt) => Some(&*pt.ty),
        syn::FnArg::Receiver(_) => None,
    });
    let ret = match &item.sig.output {
        syn::ReturnType::Type(_, ty) => Some(&**ty),
        syn::ReturnType::Default => None,
    };
    for ty in types.chain(ret) {
        let float_free = !crate::higher::has_float(ty) && is_inactive_type(ty);
        if !float_free && !crate::higher::plain(ty) {
            cx.error_spanned(
                ty,
                format!(
                    "`order = {}` needs values of `f64`, `f32`, owned ndarray arrays (`Array1<f64>`, ...), `&` references to them, or tuples of those; `{}` is not one",
                    args.order.unwrap_or(1),
                    type_text(ty)
                ),
            );
        }
    }
}

/// The jet copy of a function (see `higher::jet_copy`) replaces every identifier `f64` or `f32`
/// by a jet type and every float literal by a jet constant, token by token, so where it applies
/// these identifiers must be types (`x: f64`, `n as f64`) or lead a path (`f64::sin`), and float
/// literals must be expressions, not in a type or a pattern. It applies to the whole function
/// with `order ≥ 2`, and to the parameter and return types of every function (for its
/// `__pullback_jet` stub).
fn float_names(cx: &Ctxt, item: &ItemFn, args: &Args) {
    let order = args.order.unwrap_or(1);
    let mut names = FloatNames { cx, types_and_patterns: 0 };
    for input in &item.sig.inputs {
        match input {
            syn::FnArg::Typed(pt) if order < 2 => names.visit_type(&pt.ty),
            input => names.visit_fn_arg(input),
        }
    }
    names.visit_return_type(&item.sig.output);
    if order >= 2 {
        names.visit_block(&item.block);
    }
}

struct FloatNames<'a> {
    cx: &'a Ctxt,
    /// How many types and patterns the visit is inside.
    types_and_patterns: usize,
}

fn is_float(id: &Ident) -> bool {
    id == "f64" || id == "f32"
}

impl<'ast> Visit<'ast> for FloatNames<'_> {
    fn visit_type(&mut self, ty: &'ast syn::Type) {
        self.types_and_patterns += 1;
        visit::visit_type(self, ty);
        self.types_and_patterns -= 1;
    }

    fn visit_pat(&mut self, pat: &'ast syn::Pat) {
        self.types_and_patterns += 1;
        visit::visit_pat(self, pat);
        self.types_and_patterns -= 1;
    }

    fn visit_type_path(&mut self, tp: &'ast syn::TypePath) {
        match tp.path.segments.last() {
            // `f64`, `core::primitive::f64`: a type, which the copy replaces by a type.
            Some(last) if tp.qself.is_none() && is_float(&last.ident) && last.arguments.is_none() => {}
            _ => visit::visit_type_path(self, tp),
        }
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let n = path.segments.len();
        for (i, seg) in path.segments.iter().enumerate() {
            // `f64::sin`, `std::f64::consts::PI`: the copy keeps an `f64` followed by `::`.
            if i + 1 < n && is_float(&seg.ident) {
                self.visit_path_arguments(&seg.arguments);
            } else {
                self.visit_path_segment(seg);
            }
        }
    }

    fn visit_use_path(&mut self, u: &'ast syn::UsePath) {
        self.visit_use_tree(&u.tree);
    }

    fn visit_path_segment(&mut self, seg: &'ast syn::PathSegment) {
        if is_float(&seg.ident) && !seg.arguments.is_none() {
            self.cx.error_spanned(seg, format!("`{}` takes no generic arguments", seg.ident));
            self.visit_path_arguments(&seg.arguments);
        } else {
            visit::visit_path_segment(self, seg);
        }
    }

    fn visit_ident(&mut self, id: &'ast Ident) {
        if is_float(id) {
            self.cx.error_spanned(
                id,
                format!("`{id}` can only name the type here (`x: {id}`, `n as {id}`, `{id}::sin`): the higher-order derivatives copy the function with `{id}` replaced by a Taylor-series type"),
            );
        }
    }

    fn visit_expr_lit(&mut self, lit: &'ast syn::ExprLit) {
        if self.types_and_patterns > 0 && matches!(lit.lit, syn::Lit::Float(_)) {
            self.cx.error_spanned(
                lit,
                "a float literal cannot be part of a type or a pattern here: the higher-order derivatives copy the function with every float literal replaced by a Taylor-series constant",
            );
        }
    }
}

/// The generated code names the parameter and return types in qualified paths
/// (`<T as Value>::Tangent`), where a list of bounds ending in `+`, which syn accepts at the end
/// of a return type (`-> dyn Trait + {`), does not parse.
fn trailing_plus(cx: &Ctxt, item: &ItemFn) {
    struct Bounds<'a>(&'a Ctxt);
    impl<'ast> Visit<'ast> for Bounds<'_> {
        fn visit_type_trait_object(&mut self, t: &'ast syn::TypeTraitObject) {
            if t.bounds.trailing_punct() {
                self.0.error_spanned(t, "remove the `+` at the end of this type");
            }
            visit::visit_type_trait_object(self, t);
        }

        fn visit_type_impl_trait(&mut self, t: &'ast syn::TypeImplTrait) {
            if t.bounds.trailing_punct() {
                self.0.error_spanned(t, "remove the `+` at the end of this type");
            }
            visit::visit_type_impl_trait(self, t);
        }
    }
    for input in &item.sig.inputs {
        if let syn::FnArg::Typed(pt) = input {
            Bounds(cx).visit_type(&pt.ty);
        }
    }
    Bounds(cx).visit_return_type(&item.sig.output);
}

fn qualifiers(cx: &Ctxt, item: &ItemFn) {
    let sig = &item.sig;
    if let Some(t) = &sig.asyncness {
        cx.error_spanned(t, "`async fn` cannot be `#[differentiable]`; differentiate a synchronous function and call it from async code");
    }
    if let Some(t) = &sig.unsafety {
        cx.error_spanned(t, "`unsafe fn` cannot be `#[differentiable]`; move the unsafe code into a `#[primitive]` function with hand-written rules");
    }
    if let Some(t) = &sig.constness {
        cx.error_spanned(t, "`const fn` cannot be `#[differentiable]`; remove `const`");
    }
    if let Some(abi) = &sig.abi {
        cx.error_spanned(
            abi,
            "`extern` functions cannot be `#[differentiable]`; differentiate a Rust-ABI function and wrap it",
        );
    }
    if let Some(v) = &sig.variadic {
        cx.error_spanned(v, "variadic functions cannot be `#[differentiable]`");
    }
}

fn generics(cx: &Ctxt, item: &ItemFn) {
    let g = &item.sig.generics;
    let msg = "generic functions are not supported by `#[differentiable]`; write the function for `f64` (or `f32`), one function per type";
    if !g.params.is_empty() {
        cx.error_spanned(g, msg);
    } else if let Some(w) = &g.where_clause {
        // At `where`: an empty clause has no other token.
        cx.error_spanned(&w.where_token, msg);
    }
    for input in &item.sig.inputs {
        if let syn::FnArg::Typed(pt) = input {
            if let syn::Type::ImplTrait(t) = &*pt.ty {
                cx.error_spanned(t, "`impl Trait` parameters are not supported by `#[differentiable]`; use a concrete type such as `f64`");
            }
        }
    }
}

fn receiver(cx: &Ctxt, item: &ItemFn) {
    for input in &item.sig.inputs {
        if let syn::FnArg::Receiver(r) = input {
            cx.error_spanned(r, "methods (functions with `self`) cannot be `#[differentiable]`; write a free function that takes the value as a parameter");
        }
    }
}

fn return_type(cx: &Ctxt, item: &ItemFn) {
    match &item.sig.output {
        syn::ReturnType::Default => cx.error_spanned(
            &item.sig,
            "a `#[differentiable]` function must return a value, as in `fn f(x: f64) -> f64`",
        ),
        syn::ReturnType::Type(_, ty) => {
            if matches!(&**ty, syn::Type::Tuple(t) if t.elems.is_empty()) {
                cx.error_spanned(ty, "a `#[differentiable]` function must return a value, not `()`");
            }
            if is_inactive_type(ty) {
                cx.error_spanned(
                    ty,
                    format!(
                        "a `#[differentiable]` function returns `f64`, `f32` or a tuple of them; `{}` has no derivative",
                        ty.to_token_stream()
                    ),
                );
            }
            if matches!(&**ty, syn::Type::ImplTrait(_)) {
                cx.error_spanned(
                    ty,
                    "`impl Trait` return types are not supported by `#[differentiable]`; name the type",
                );
            }
        }
    }
}

fn param_names(item: &ItemFn) -> Vec<(syn::Ident, &syn::Type)> {
    let mut out = Vec::new();
    for input in &item.sig.inputs {
        if let syn::FnArg::Typed(pt) = input {
            if let syn::Pat::Ident(pi) = &*pt.pat {
                out.push((pi.ident.clone(), &*pt.ty));
            }
        }
    }
    out
}

fn wrt(cx: &Ctxt, item: &ItemFn, args: &Args) {
    let params = param_names(item);
    match &args.wrt {
        Some(names) => {
            for (i, name) in names.iter().enumerate() {
                if names[..i].contains(name) {
                    cx.error_spanned(name, format!("`{name}` is listed twice in `wrt(...)`"));
                }
                match params.iter().find(|(p, _)| p == name) {
                    None => {
                        let list: Vec<String> = params.iter().map(|(p, _)| format!("`{p}`")).collect();
                        cx.error_spanned(name, format!("`wrt` names `{name}`, which is not a parameter of `{}`; its parameters are {}", item.sig.ident, list.join(", ")));
                    }
                    Some((_, ty)) if is_inactive_type(ty) => cx.error_spanned(
                        name,
                        format!("`{name}` has type `{}`, which cannot be differentiated; `wrt` takes parameters of float type", ty.to_token_stream()),
                    ),
                    Some(_) => {}
                }
            }
        }
        None => {
            let any_active =
                item.sig.inputs.iter().any(|i| matches!(i, syn::FnArg::Typed(pt) if !is_inactive_type(&pt.ty)));
            if !any_active && !item.sig.inputs.iter().any(|i| matches!(i, syn::FnArg::Receiver(_))) {
                let msg = format!(
                    "`{}` has no parameter to differentiate with respect to; give one a float type such as `f64`",
                    item.sig.ident
                );
                if item.sig.inputs.is_empty() {
                    cx.error(item.sig.paren_token.span.join(), msg);
                } else {
                    cx.error_spanned(&item.sig.inputs, msg);
                }
            }
        }
    }
}

fn reference_params(cx: &Ctxt, item: &ItemFn, args: &Args) {
    for input in &item.sig.inputs {
        let syn::FnArg::Typed(pt) = input else { continue };
        let syn::Type::Reference(r) = &*pt.ty else { continue };
        let named = |id: &syn::Ident| args.wrt.as_ref().is_none_or(|w| w.contains(id));
        let active = match &*pt.pat {
            syn::Pat::Ident(pi) => named(&pi.ident) && !is_inactive_type(&pt.ty),
            _ => !is_inactive_type(&pt.ty),
        };
        if active && r.mutability.is_some() {
            cx.error_spanned(
                r,
                format!(
                    "active parameters cannot be `&mut`; take `{elem}` or `&{elem}` and return the result",
                    elem = r.elem.to_token_stream()
                ),
            );
        } else if active && matches!(&*r.elem, syn::Type::Tuple(_)) {
            cx.error_spanned(
                r,
                format!(
                    "tuple parameters are taken by value; write `{elem}` instead of `&{elem}`",
                    elem = r.elem.to_token_stream()
                ),
            );
        }
    }
}

/// A type as the user would write it: `ArrayView1<'_, f64>`, not `ArrayView1 < '_, f64 >`.
fn type_text(ty: &syn::Type) -> String {
    let raw = ty.to_token_stream().to_string();
    let mut out = String::with_capacity(raw.len());
    for part in raw.split(' ') {
        let glue = matches!(part, "<" | ">" | "," | "::" | ">>")
            || out.ends_with('<')
            || out.ends_with("::")
            || out.ends_with('&')
            || out.is_empty();
        if !glue {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}
