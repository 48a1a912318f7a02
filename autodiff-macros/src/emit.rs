//! IR → the generated module: the internal sweeps, the public API, and the pretty-printed
//! source.

use crate::higher;
use crate::ir::Function;
use crate::transform::{self, tangent_in};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::{Ident, Type};

/// What the public API needs to know of a function: its name and its signature.
#[derive(Clone)]
pub struct Signature {
    pub vis: syn::Visibility,
    pub name: Ident,
    /// `(identifier, type, active)` for each parameter.
    pub params: Vec<(Ident, Type, bool)>,
    pub ret: Type,
}

impl Signature {
    pub fn of(f: &Function) -> Signature {
        Signature {
            vis: f.vis.clone(),
            name: f.name.clone(),
            params: f.params.iter().map(|p| (p.ident.clone(), p.ty.clone(), p.active.is_some())).collect(),
            ret: f.ret.clone(),
        }
    }

    /// `x: f64, n: usize`
    pub fn inputs(&self) -> TokenStream {
        let ps = self.params.iter().map(|(id, ty, _)| quote!(#id: #ty));
        quote!(#(#ps),*)
    }

    fn args(&self) -> Vec<&Ident> {
        self.params.iter().map(|(id, _, _)| id).collect()
    }

    fn active(&self) -> impl Iterator<Item = &(Ident, Type, bool)> {
        self.params.iter().filter(|p| p.2)
    }

    /// The pullback closure's type: `impl FnOnce(adjoint of output) -> (cotangent per parameter,)`.
    pub fn pullback_type(&self) -> TokenStream {
        let cot = adjoint_type(&self.ret);
        let grads =
            self.params.iter().map(|(_, ty, active)| if *active { tangent_type(ty) } else { quote!(__ad::NoTangent) });
        // `use<>`: the closure owns everything it needs and borrows no argument.
        quote!(impl FnOnce(#cot) -> (#(#grads,)*) + use<>)
    }

    /// `__pullback(x: f64, ..) -> (Ret, impl FnOnce(..) -> ..)` header and `__jvp` header.
    pub fn internal_headers(&self) -> (TokenStream, TokenStream) {
        let inputs = self.inputs();
        let ret = &self.ret;
        let pb = self.pullback_type();
        let tangents = self.params.iter().map(|(id, ty, active)| {
            let t = tangent_in(id);
            if *active {
                let tt = tangent_type(ty);
                quote!(#t: Option<#tt>)
            } else {
                quote!(#t: Option<__ad::NoTangent>)
            }
        });
        let ret_t = tangent_type(ret);
        (
            quote!(#[doc(hidden)] #[inline] pub fn __pullback(#inputs) -> (#ret, #pb)),
            quote!(#[doc(hidden)] #[inline] pub fn __jvp(#inputs, #(#tangents),*) -> (#ret, #ret_t)),
        )
    }
}

/// Whether `ty` may be a real scalar: not a tuple, a reference, an ndarray array type or a
/// complex number.
pub fn maybe_scalar(ty: &Type) -> bool {
    match ty {
        Type::Tuple(_) | Type::Reference(_) | Type::Array(_) | Type::Slice(_) => false,
        Type::Paren(p) => maybe_scalar(&p.elem),
        Type::Path(p) => p.path.segments.last().is_none_or(|s| {
            let name = s.ident.to_string();
            // `grad` needs a real output: a complex one has `vjp` and `jvp`.
            !(name.starts_with("Array") || name == "Vec" || name == "CowArray" || name.starts_with("Complex"))
        }),
        _ => true,
    }
}

/// The owned array type of an ndarray view type (`ArrayView1<'a, f64>` → `Array1<f64>`), which
/// has the same tangent and names no lifetime; other types unchanged.
fn owned_array_type(ty: &Type) -> Type {
    let Type::Path(tp) = ty else { return ty.clone() };
    let Some(last) = tp.path.segments.last() else { return ty.clone() };
    let name = last.ident.to_string();
    let owned = match name.as_str() {
        "CowArray" | "ArrayView" => "Array".to_string(),
        _ => match name.strip_prefix("ArrayView") {
            Some(rank) if rank == "D" || rank.parse::<u8>().is_ok() => format!("Array{rank}"),
            _ => return ty.clone(),
        },
    };
    let mut tp = tp.clone();
    let last = tp.path.segments.last_mut().expect("checked above");
    last.ident = syn::Ident::new(&owned, last.ident.span());
    if let syn::PathArguments::AngleBracketed(args) = &mut last.arguments {
        args.args = args.args.iter().filter(|a| !matches!(a, syn::GenericArgument::Lifetime(_))).cloned().collect();
    }
    Type::Path(tp)
}

/// `<T as Value>::Tangent`
pub fn tangent_type(ty: &Type) -> TokenStream {
    use syn::spanned::Spanned;
    // A borrowed value has the value's tangent; naming it without the borrow keeps the
    // signature free of elided lifetimes.
    let ty = match ty {
        syn::Type::Reference(r) => &*r.elem,
        other => other,
    };
    let ty = owned_array_type(ty);
    quote_spanned!(ty.span()=> <#ty as __ad::Value>::Tangent)
}

/// The adjoint structure a pullback takes for an output of type `ty`: one `Adjoint` per
/// element of a tuple type.
fn adjoint_type(ty: &Type) -> TokenStream {
    match ty {
        Type::Tuple(t) if !t.elems.is_empty() => {
            let items = t.elems.iter().map(adjoint_type);
            quote!((#(#items,)*))
        }
        Type::Paren(p) => adjoint_type(&p.elem),
        _ => {
            let t = tangent_type(ty);
            quote!(__ad::Adjoint<#t>)
        }
    }
}

/// Wraps a cotangent `expr` of type `ty` into the adjoint structure of [`adjoint_type`].
fn wrap_seed(expr: TokenStream, ty: &Type) -> TokenStream {
    match ty {
        Type::Tuple(t) if !t.elems.is_empty() => {
            let items = t.elems.iter().enumerate().map(|(i, e)| {
                let i = syn::Index::from(i);
                wrap_seed(quote!(#expr.#i), e)
            });
            quote!((#(#items,)*))
        }
        Type::Paren(p) => wrap_seed(expr, &p.elem),
        _ => quote!(__ad::Adjoint::new(#expr)),
    }
}

/// The module for a `#[differentiable]` function.
pub fn module(f: &Function) -> TokenStream {
    let sig = Signature::of(f);
    let (pb_head, jvp_head) = sig.internal_headers();
    let reached = transform::control::reached(f);
    let forward = transform::forward::sweep(f, &reached);
    let closure = transform::reverse::closure(f, &reached);
    let value = transform::tree(f, &f.output);
    let tangent = transform::tangent::sweep(f);
    let internals = quote! {
        #pb_head {
            #forward
            (#value, #closure)
        }
        #jvp_head {
            #tangent
        }
    };
    let plain = higher::all_plain(&sig);
    let mut extra = if plain { higher::coordinate_api(&sig) } else { TokenStream::new() };
    if f.order < 2 {
        if plain {
            extra.extend(higher::jet_stub(&sig));
        }
    } else {
        extra.extend(higher::jet_pullback(&sig, quote!(#forward (#value, #closure))));
        extra.extend(higher::api(&sig));
        let active: Vec<_> = sig.params.iter().filter(|p| p.2).collect();
        if active.len() == 1 && f.scalar && maybe_scalar(&sig.ret) && !matches!(active[0].1, Type::Tuple(_)) {
            extra.extend(higher::nested_grad(&sig, 1, f.order - 1));
        }
    }
    wrap(&sig, internals, extra)
}

/// The module around the internal `__pullback` and `__jvp` of any differentiable function
/// (generated or `#[primitive]`): the public API and the pretty-printed source of
/// `internals`; `extra` items go in the module unprinted.
pub fn wrap(sig: &Signature, internals: TokenStream, extra: TokenStream) -> TokenStream {
    let source = pretty(&internals);
    let name = &sig.name;
    let vis = &sig.vis;
    let inputs = sig.inputs();
    let args = sig.args();
    let ret = &sig.ret;

    let g_names: Vec<TokenStream> = sig
        .params
        .iter()
        .enumerate()
        .map(|(i, (_, _, active))| {
            if *active {
                let g = format_ident!("__g{}", i, span = Span::mixed_site());
                quote!(#g)
            } else {
                quote!(_)
            }
        })
        .collect();
    let active_g: Vec<Ident> = sig
        .params
        .iter()
        .enumerate()
        .filter(|(_, p)| p.2)
        .map(|(i, _)| format_ident!("__g{}", i, span = Span::mixed_site()))
        .collect();
    let active_tys: Vec<TokenStream> = sig.active().map(|(_, ty, _)| tangent_type(ty)).collect();
    let (grad_ty, grad_val) = if active_g.len() == 1 {
        let (t, g) = (&active_tys[0], &active_g[0]);
        (quote!(#t), quote!(#g))
    } else {
        (quote!((#(#active_tys,)*)), quote!((#(#active_g,)*)))
    };
    let ret_t = tangent_type(ret);
    let y_bar = format_ident!("y_bar", span = Span::mixed_site());
    let seed = wrap_seed(quote!(#y_bar), ret);
    let one_seed = wrap_seed(quote!(__ad::Scalar::one_tangent(&value)), ret);
    let tangent_params: Vec<TokenStream> = sig
        .active()
        .map(|(id, ty, _)| {
            let t = format_ident!("{}_dot", id, span = Span::mixed_site());
            let tt = tangent_type(ty);
            quote!(#t: #tt)
        })
        .collect();
    let tangent_args = sig.params.iter().map(|(id, _, active)| {
        if *active {
            let t = format_ident!("{}_dot", id, span = Span::mixed_site());
            quote!(Some(#t))
        } else {
            quote!(None)
        }
    });
    let name_str = name.to_string();
    let vjp_api = format!("{name}::vjp");
    let cotangent_check = if is_real_scalar(ret) {
        TokenStream::new()
    } else {
        quote!(__ad::check_cotangent(#vjp_api, #name_str, &value, &#y_bar);)
    };
    let tangent_checks = tangent_checks(sig, "jvp", "tangent", "_dot");
    let active_names: Vec<String> = sig.active().map(|(id, _, _)| format!("`{id}`")).collect();
    let wrt = active_names.join(", ");
    let mod_doc = format!(
        "Derivatives of `{name}`, generated at compile time by `#[differentiable]`.\n\n\
         Active inputs: {wrt}.\n\n# Generated code\n\n```text\n{source}```"
    );
    let grad_doc = format!("The gradient of `{name}` with respect to {wrt}, at the given inputs.");
    let vag_doc = format!("`(value, gradient)` of `{name}` with respect to {wrt}: one forward and one reverse sweep.");
    let vjp_doc = format!(
        "`(value, ȳ·J)`: the value of `{name}` and the cotangent of {wrt} for the output cotangent `y_bar` (reverse mode)."
    );
    let jvp_doc = format!(
        "`(value, J·ẋ)`: the value of `{name}` and its tangent for the tangents of {wrt}, given after the inputs (forward mode)."
    );

    // `grad` and `value_and_grad` need a scalar output; a tuple output has `vjp` and `jvp`.
    let scalar_api = if !maybe_scalar(ret) {
        TokenStream::new()
    } else {
        quote! {
            #[doc = #grad_doc]
            #[inline]
            pub fn grad(#inputs) -> #grad_ty {
                value_and_grad(#(#args),*).1
            }

            #[doc = #vag_doc]
            #[inline]
            pub fn value_and_grad(#inputs) -> (#ret, #grad_ty) {
                let (value, pullback) = __pullback(#(#args),*);
                let (#(#g_names,)*) = pullback(#one_seed);
                (value, #grad_val)
            }
        }
    };

    quote! {
        // The derivatives stand for the function: using them uses it (no dead-code warning for
        // a function called only through its derivatives).
        const _: () = {
            let _ = #name;
        };

        #[doc = #mod_doc]
        #[allow(dead_code, unused_variables, unused_assignments, unused_mut, unused_parens, unused_braces, unused_imports, non_snake_case, clippy::all, clippy::pedantic, clippy::nursery)]
        #vis mod #name {
            use super::*;
            use ::autodiff_runtime::__private as __ad;

            #internals

            #extra

            #scalar_api

            #[doc = #vjp_doc]
            #[inline]
            pub fn vjp(#inputs, #y_bar: #ret_t) -> (#ret, #grad_ty) {
                let (value, pullback) = __pullback(#(#args),*);
                #cotangent_check
                let (#(#g_names,)*) = pullback(#seed);
                (value, #grad_val)
            }

            #[doc = #jvp_doc]
            #[inline]
            pub fn jvp(#inputs, #(#tangent_params),*) -> (#ret, #ret_t) {
                #(#tangent_checks)*
                __jvp(#(#args,)* #(#tangent_args),*)
            }

            /// The generated sweeps of this module, pretty-printed.
            pub const SOURCE: &str = #source;
        }
    }
}

/// Whether `ty` is spelled `f64` or `f32` (or a reference to one, or a tuple of those): a
/// value whose tangents always fit, so that the generated API need not check them.
fn is_real_scalar(ty: &Type) -> bool {
    match ty {
        Type::Reference(r) => is_real_scalar(&r.elem),
        Type::Paren(p) => is_real_scalar(&p.elem),
        Type::Tuple(t) => t.elems.iter().all(is_real_scalar),
        Type::Path(p) => p.qself.is_none() && (p.path.is_ident("f64") || p.path.is_ident("f32")),
        _ => false,
    }
}

/// `__ad::check_tangent(..)` of each active input against its tangent `{x}{suffix}`, at the top
/// of the generated `{name}::{api}`: a tangent of the wrong shape panics there, naming both.
pub fn tangent_checks(sig: &Signature, api: &str, kind: &str, suffix: &str) -> Vec<TokenStream> {
    let api = format!("{}::{api}", sig.name);
    sig.active()
        .filter(|(_, ty, _)| !is_real_scalar(ty))
        .map(|(id, _, _)| {
            let t = format_ident!("{}{}", id, suffix, span = Span::mixed_site());
            let (x, arg) = (id.to_string(), format!("{id}{suffix}"));
            quote!(__ad::check_tangent(#api, #kind, #arg, #x, &#id, &#t);)
        })
        .collect()
}

/// Pretty-printed generated code, for users to read; the tokens as they are if they do not
/// parse or if prettyplease cannot print them.
fn pretty(tokens: &TokenStream) -> String {
    match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) if printable(&file) => prettyplease::unparse(&file),
        _ => tokens.to_string(),
    }
}

/// Whether prettyplease prints `file` rather than panicking: it has no nodes that syn keeps
/// as tokens (`Verbatim`, as for `static k = 1;` without a type) and no `macro_rules!`, whose
/// rules prettyplease reads. The user's items and statements come into the generated code
/// as they are.
fn printable(file: &syn::File) -> bool {
    use syn::visit::{self, Visit};
    struct Printable(bool);
    impl<'ast> Visit<'ast> for Printable {
        fn visit_item(&mut self, i: &'ast syn::Item) {
            let rules = matches!(i, syn::Item::Macro(m) if m.mac.path.is_ident("macro_rules"));
            self.0 &= !rules && !matches!(i, syn::Item::Verbatim(_));
            visit::visit_item(self, i);
        }
        fn visit_expr(&mut self, e: &'ast syn::Expr) {
            self.0 &= !matches!(e, syn::Expr::Verbatim(_));
            visit::visit_expr(self, e);
        }
        fn visit_type(&mut self, t: &'ast Type) {
            self.0 &= !matches!(t, Type::Verbatim(_));
            visit::visit_type(self, t);
        }
        fn visit_pat(&mut self, p: &'ast syn::Pat) {
            self.0 &= !matches!(p, syn::Pat::Verbatim(_));
            visit::visit_pat(self, p);
        }
        fn visit_type_param_bound(&mut self, b: &'ast syn::TypeParamBound) {
            self.0 &= !matches!(b, syn::TypeParamBound::Verbatim(_));
            visit::visit_type_param_bound(self, b);
        }
        fn visit_foreign_item(&mut self, i: &'ast syn::ForeignItem) {
            self.0 &= !matches!(i, syn::ForeignItem::Verbatim(_));
            visit::visit_foreign_item(self, i);
        }
        fn visit_trait_item(&mut self, i: &'ast syn::TraitItem) {
            self.0 &= !matches!(i, syn::TraitItem::Verbatim(_));
            visit::visit_trait_item(self, i);
        }
        fn visit_impl_item(&mut self, i: &'ast syn::ImplItem) {
            self.0 &= !matches!(i, syn::ImplItem::Verbatim(_));
            visit::visit_impl_item(self, i);
        }
    }
    let mut v = Printable(true);
    v.visit_file(file);
    v.0
}
