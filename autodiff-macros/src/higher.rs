//! Higher-order derivatives (`#[differentiable(order = n)]`, n ≥ 2).
//!
//! The generated pullback is copied once more with every `f64`/`f32` of the user's types
//! replaced by a generic jet type `Jet<__T, __N>` (truncated Taylor series, see the runtime's
//! `jet` module) and every float literal lifted to a constant jet. Since the runtime's rules
//! are generic over real scalars and jets are real scalars, that copy computes the same
//! value and gradient with every quantity carrying `N` Taylor coefficients:
//!
//! * at `N = 2` (dual numbers) with the inputs moving along `v`, the gradient's first
//!   coefficient is `H·v`: forward over reverse (`hvp`, `hessian`);
//! * the value's coefficients along a line are the derivatives of every order along it
//!   (`taylor::<K>`, `derivatives::<K>`), exact and in one pass: Taylor mode;
//! * nested `grad` modules (`f::grad::grad(x)`) take their value and their own derivative
//!   from one Taylor-mode pass, and provide the same `__pullback`/`__jvp`/`__pullback_jet`
//!   as any generated module, so they compose and differentiate again.

use crate::emit::{Signature, maybe_scalar, tangent_type, wrap};
use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};
use quote::{format_ident, quote};
use syn::{Ident, Type};

/// The tokens of `ts` with the user's scalar types and literals made jets, and calls to
/// other generated pullbacks made calls to their jet copies.
pub fn jet_copy(ts: TokenStream) -> TokenStream {
    let toks: Vec<TokenTree> = ts.into_iter().collect();
    let mut out = TokenStream::new();
    let mut i = 0;
    while i < toks.len() {
        let prev = i.checked_sub(1).map(|j| &toks[j]);
        let next = toks.get(i + 1);
        match &toks[i] {
            TokenTree::Group(g) => {
                let mut ng = Group::new(g.delimiter(), jet_copy(g.stream()));
                ng.set_span(g.span());
                out.extend([TokenTree::Group(ng)]);
            }
            TokenTree::Ident(id) if (id == "f64" || id == "f32") && !is_ident(prev, "as") && !is_punct(next, ':') => {
                out.extend(jet_type());
            }
            TokenTree::Ident(id)
                if id == "__pullback"
                    && matches!(next, Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis) =>
            {
                // The generic arguments take the call's span, so that an error about them (a
                // callee without higher-order derivatives) points at the call.
                let name = Ident::new("__pullback_jet", id.span());
                out.extend(quote::quote_spanned!(id.span()=> #name::<__T, __N>));
            }
            TokenTree::Ident(id)
                if (id == "carry" || id == "Scale")
                    && is_punct(prev, ':')
                    && matches!(next, Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis) =>
            {
                // A constant seeding an active variable (`__ad::carry(C0)`), or a product's saved
                // factor (`__ad::Scale(DT)`), may be a plain float: converted to a jet.
                let lifted = if id == "carry" { "lift_carry" } else { "scale_jet" };
                let name = Ident::new(lifted, id.span());
                let jet = jet_type();
                out.extend(quote!(#name::<#jet, _>));
            }
            TokenTree::Ident(id) if id == "use" && is_punct(next, '<') && is_punct(toks.get(i + 2), '>') => {
                out.extend(quote!(use<__T, __N>));
                i += 3;
                continue;
            }
            TokenTree::Literal(l) if !is_punct(prev, '.') && matches!(syn::Lit::new(l.clone()), syn::Lit::Float(_)) => {
                let jet = jet_type();
                out.extend(quote!((<#jet as __ad::Real>::c(#l as f64))));
            }
            other => out.extend([other.clone()]),
        }
        i += 1;
    }
    out
}

fn jet_type() -> TokenStream {
    quote!(__ad::Jet<__T, __N>)
}

fn is_ident(t: Option<&TokenTree>, name: &str) -> bool {
    matches!(t, Some(TokenTree::Ident(i)) if i == name)
}

fn is_punct(t: Option<&TokenTree>, c: char) -> bool {
    matches!(t, Some(TokenTree::Punct(p)) if p.as_char() == c)
}

/// Whether `ty` names a float type anywhere (and so changes in the jet copy).
pub fn has_float(ty: &Type) -> bool {
    fn walk(ts: TokenStream) -> bool {
        ts.into_iter().any(|t| match t {
            TokenTree::Ident(i) => i == "f64" || i == "f32",
            TokenTree::Group(g) => walk(g.stream()),
            _ => false,
        })
    }
    walk(quote!(#ty))
}

/// The user's scalar type: `f32` if the signature names it, else `f64`.
pub fn scalar_type(sig: &Signature) -> TokenStream {
    fn names_f32(ts: TokenStream) -> bool {
        ts.into_iter().any(|t| match t {
            TokenTree::Ident(i) => i == "f32",
            TokenTree::Group(g) => names_f32(g.stream()),
            _ => false,
        })
    }
    let types = sig.params.iter().map(|p| &p.1);
    let ret = &sig.ret;
    if names_f32(quote!(#(#types)* #ret)) { quote!(f32) } else { quote!(f64) }
}

/// Whether values of `ty` can be carried to jets and back: real scalars, owned arrays,
/// references to them, and tuples of those (not complex ones).
pub fn plain(ty: &Type) -> bool {
    fn names_complex(ts: TokenStream) -> bool {
        ts.into_iter().any(|t| match t {
            TokenTree::Ident(i) => i.to_string().starts_with("Complex"),
            TokenTree::Group(g) => names_complex(g.stream()),
            _ => false,
        })
    }
    if names_complex(quote!(#ty)) {
        return false;
    }
    match ty {
        Type::Tuple(t) => !t.elems.is_empty() && t.elems.iter().all(plain),
        Type::Paren(p) => plain(&p.elem),
        Type::Group(g) => plain(&g.elem),
        Type::Reference(r) => r.mutability.is_none() && !matches!(&*r.elem, Type::Reference(_)) && plain(&r.elem),
        Type::Path(p) => {
            p.qself.is_none()
                && p.path.segments.last().is_some_and(|s| {
                    let name = s.ident.to_string();
                    name == "f64"
                        || name == "f32"
                        || name == "Array"
                        || (name.starts_with("Array") && name[5..].parse::<u8>().is_ok())
                        || name == "ArrayD"
                })
        }
        _ => false,
    }
}

/// Whether every value of the signature can be carried to jets: active inputs and the
/// result [`plain`], inactive inputs plain or free of floats (integers, flags).
pub fn all_plain(sig: &Signature) -> bool {
    sig.params.iter().all(|(_, ty, active)| plain(ty) || (!active && !has_float(ty))) && plain(&sig.ret)
}

/// `__pullback_jet<__T, const __N>`: the pullback's body with jet scalars.
pub fn jet_pullback(sig: &Signature, body: TokenStream) -> TokenStream {
    let s = scalar_type(sig);
    let inputs = jet_copy(sig.inputs());
    let ret = &sig.ret;
    let ret = jet_copy(quote!(#ret));
    let pb = jet_copy(sig.pullback_type());
    let body = jet_copy(body);
    quote! {
        #[doc(hidden)]
        #[inline]
        pub fn __pullback_jet<__T: __ad::Lift<#s>, const __N: usize>(#inputs) -> (#ret, #pb) {
            #[allow(unused_imports)]
            use __ad::Float as _;
            #body
        }
    }
}

/// How an active input enters a jet copy.
#[derive(Clone, Copy)]
enum Seed {
    /// On the line through it in the direction `<name>_dir`.
    Line,
    /// Moving with slope 1 in every coordinate.
    Variable,
}

/// The `__pullback_jet` of a function without higher-order derivatives (`order = 1`, or a
/// `#[primitive]`): calling it from `order ≥ 2` code fails on a bound whose message says what
/// to declare, instead of a missing internal item.
pub fn jet_stub(sig: &Signature) -> TokenStream {
    let s = scalar_type(sig);
    let inputs = jet_copy(sig.inputs());
    let ret = &sig.ret;
    let ret = jet_copy(quote!(#ret));
    let pb = jet_copy(sig.pullback_type());
    quote! {
        #[doc(hidden)]
        #[allow(unreachable_code)]
        pub fn __pullback_jet<__T: __ad::Lift<#s> + __ad::HigherOrder, const __N: usize>(#inputs) -> (#ret, #pb) {
            (::core::unreachable!(), move |_| ::core::unreachable!())
        }
    }
}

/// The argument passed for each parameter to a jet copy of `n` coefficients: active ones
/// seeded, float-typed inactive ones as constants, others unchanged.
fn lifted_args(sig: &Signature, n: &TokenStream, seed: Seed) -> Vec<TokenStream> {
    sig.params
        .iter()
        .map(|(id, ty, is_active)| {
            let by_ref = matches!(ty, Type::Reference(_));
            let value = if by_ref { quote!(#id) } else { quote!(&#id) };
            let call = if *is_active {
                match seed {
                    Seed::Line => {
                        let d = dir(id);
                        quote!(<_ as __ad::Taylor<#n>>::line(#value, &#d))
                    }
                    Seed::Variable => quote!(<_ as __ad::Taylor<#n>>::variable(#value)),
                }
            } else if has_float(ty) {
                quote!(<_ as __ad::Taylor<#n>>::constant(#value))
            } else {
                return quote!(#id);
            };
            if by_ref { quote!(&#call) } else { call }
        })
        .collect()
}

fn dir(id: &Ident) -> Ident {
    format_ident!("{}_dir", id, span = Span::mixed_site())
}

/// The public higher-order API of a function with `order ≥ 2`.
pub fn api(sig: &Signature) -> TokenStream {
    let name = &sig.name;
    let inputs = sig.inputs();
    let ret = &sig.ret;
    let s = scalar_type(sig);
    let active: Vec<&(Ident, Type, bool)> = sig.params.iter().filter(|p| p.2).collect();
    let dir_params: Vec<TokenStream> = active
        .iter()
        .map(|(id, ty, _)| {
            let (d, t) = (dir(id), tangent_type(ty));
            quote!(#d: #t)
        })
        .collect();
    let dirs: Vec<Ident> = active.iter().map(|p| dir(&p.0)).collect();
    let clones: Vec<TokenStream> = sig
        .params
        .iter()
        .map(|p| {
            let id = &p.0;
            quote!(::core::clone::Clone::clone(&#id))
        })
        .collect();
    let k = quote!(__K);
    let on_line = lifted_args(sig, &k, Seed::Line);
    let at_variable = lifted_args(sig, &k, Seed::Variable);
    let dual = lifted_args(sig, &quote!(2), Seed::Line);
    let wrt: Vec<String> = active.iter().map(|p| format!("`{}`", p.0)).collect();
    let wrt = wrt.join(", ");
    let taylor_checks = crate::emit::tangent_checks(sig, "taylor", "direction", "_dir");

    let taylor_doc = format!(
        "The derivatives of `{name}` of orders `0..K` along the line through the inputs in the given directions (of {wrt}): element `k` is `dᵏ/dtᵏ {name}(x + t·v)` at `t = 0`. One Taylor-mode pass, exact to rounding."
    );
    let mut out = quote! {
        #[doc = #taylor_doc]
        pub fn taylor<const __K: usize>(#inputs, #(#dir_params),*) -> [#ret; __K] {
            #(#taylor_checks)*
            let (__y, _) = __pullback_jet::<_, __K>(#(#on_line),*);
            ::core::array::from_fn(|__k| <#ret as __ad::Taylor<__K>>::derivative(&__y, __k))
        }
    };
    if active.len() == 1 {
        let doc = format!(
            "The derivatives of `{name}` of orders `0..K` with respect to {wrt}: element `k` is the `k`-th derivative (for an array input, of each output element with respect to every input element moving together, which is each element's own derivative when `{name}` acts elementwise). One Taylor-mode pass, exact to rounding."
        );
        out.extend(quote! {
            #[doc = #doc]
            pub fn derivatives<const __K: usize>(#inputs) -> [#ret; __K] {
                let (__y, _) = __pullback_jet::<_, __K>(#(#at_variable),*);
                ::core::array::from_fn(|__k| <#ret as __ad::Taylor<__K>>::derivative(&__y, __k))
            }
        });
    }
    if maybe_scalar(ret) {
        let g: Vec<Ident> = active.iter().map(|p| format_ident!("__g_{}", p.0, span = Span::mixed_site())).collect();
        let g_pat = sig.params.iter().map(|p| {
            if p.2 {
                let g = format_ident!("__g_{}", p.0, span = Span::mixed_site());
                quote!(#g)
            } else {
                quote!(_)
            }
        });
        let tts: Vec<TokenStream> = active.iter().map(|p| tangent_type(&p.1)).collect();
        let hv = quote!(#(<#tts as __ad::Taylor<2>>::derivative(&#g, 1)),*);
        let (grad_ty, hv) = if active.len() == 1 {
            let t = &tts[0];
            (quote!(#t), hv)
        } else {
            (quote!((#(#tts,)*)), quote!((#hv)))
        };
        let hvp_doc = format!(
            "The Hessian of `{name}` with respect to {wrt} times the directions `v` (one per input, after the inputs), by forward mode over reverse mode: one gradient computed with dual numbers, without forming the Hessian."
        );
        let hessian_doc = format!(
            "The Hessian matrix of `{name}` with respect to {wrt}, coordinates in parameter order (arrays row-major), one Hessian-vector product per coordinate."
        );
        let zeros = active.iter().map(|p| {
            let id = &p.0;
            quote!(__ad::Value::zero_tangent(&#id))
        });
        let hvp_checks = crate::emit::tangent_checks(sig, "hvp", "direction", "_dir");
        out.extend(quote! {
            #[doc = #hvp_doc]
            pub fn hvp(#inputs, #(#dir_params),*) -> #grad_ty {
                #(#hvp_checks)*
                let (__y, __pb) = __pullback_jet::<_, 2>(#(#dual),*);
                let (#(#g_pat,)*) = __pb(__ad::Adjoint::new(__ad::Scalar::one_tangent(&__y)));
                #hv
            }

            #[doc = #hessian_doc]
            pub fn hessian(#inputs) -> __ad::ndarray::Array2<#s> {
                let __like = (#(#zeros,)*);
                __ad::columns(&__like, |(#(#dirs,)*)| hvp(#(#clones,)* #(#dirs),*))
            }
        });
    }
    out
}

/// `egrad`, `jacobian` and `jacobian_fwd`, for functions of plain values (any order).
pub fn coordinate_api(sig: &Signature) -> TokenStream {
    let name = &sig.name;
    let inputs = sig.inputs();
    let ret = &sig.ret;
    let s = scalar_type(sig);
    let args: Vec<&Ident> = sig.params.iter().map(|p| &p.0).collect();
    let active: Vec<&(Ident, Type, bool)> = sig.params.iter().filter(|p| p.2).collect();
    let clones: Vec<TokenStream> = sig
        .params
        .iter()
        .map(|p| {
            let id = &p.0;
            quote!(::core::clone::Clone::clone(&#id))
        })
        .collect();
    let dirs: Vec<Ident> = active.iter().map(|p| dir(&p.0)).collect();
    let zeros = active.iter().map(|p| {
        let id = &p.0;
        quote!(__ad::Value::zero_tangent(&#id))
    });
    let wrt: Vec<String> = active.iter().map(|p| format!("`{}`", p.0)).collect();
    let wrt = wrt.join(", ");
    let rev_doc = format!(
        "The Jacobian matrix of `{name}` with respect to {wrt} by reverse mode (one vector-Jacobian product per output coordinate): row `i` is output coordinate `i`, column `j` input coordinate `j`, coordinates in order (tuple items in turn, arrays row-major)."
    );
    let fwd_doc = format!(
        "The Jacobian matrix of `{name}` with respect to {wrt} by forward mode (one Jacobian-vector product per input coordinate), laid out as `jacobian`."
    );
    let mut out = quote! {
        #[doc = #rev_doc]
        pub fn jacobian(#inputs) -> __ad::ndarray::Array2<#s> {
            let (__value, _) = __pullback(#(#clones),*);
            __ad::rows(&__ad::Value::zero_tangent(&__value), |__y_bar| vjp(#(#clones,)* __y_bar).1)
        }

        #[doc = #fwd_doc]
        pub fn jacobian_fwd(#inputs) -> __ad::ndarray::Array2<#s> {
            let __like = (#(#zeros,)*);
            __ad::columns(&__like, |(#(#dirs,)*)| jvp(#(#clones,)* #(#dirs),*).1)
        }
    };
    if active.len() == 1 && !matches!(ret, Type::Tuple(_)) {
        let doc = format!(
            "The elementwise gradient of `{name}` (autograd's `elementwise_grad`): the vector-Jacobian product with a cotangent of ones, which for a function acting elementwise is each output element's derivative with respect to its own input element."
        );
        let g_pat = sig.params.iter().map(|p| if p.2 { quote!(__g) } else { quote!(_) });
        let grad_ty = tangent_type(&active[0].1);
        out.extend(quote! {
            #[doc = #doc]
            pub fn egrad(#inputs) -> #grad_ty {
                let (__value, __pb) = __pullback(#(#args),*);
                let __seed = __ad::Coords::ones(&__ad::Value::zero_tangent(&__value));
                let (#(#g_pat,)*) = __pb(__ad::Adjoint::new(__seed));
                __g
            }
        });
    }
    out
}

/// The nested module `grad` at `depth` (the `depth`-th derivative's module) for a function of
/// one active real scalar with a real scalar result, and deeper ones up to `max_depth`.
pub fn nested_grad(sig: &Signature, depth: u32, max_depth: u32) -> TokenStream {
    let root = (0..depth).fold(quote!(), |p, _| quote!(#p super::));
    let (k, k1) = (depth as usize, depth as usize + 1);
    let n = proc_macro2::Literal::usize_unsuffixed(depth as usize + 2);
    let n = quote!(#n);
    let s = scalar_type(sig);
    let ret = &sig.ret;
    let inputs = sig.inputs();
    let jet_inputs = jet_copy(inputs.clone());
    let pb = sig.pullback_type();
    let jet_ret = jet_copy(quote!(#ret));
    let jet_pb = jet_copy(pb.clone());
    let lifted = lifted_args(sig, &n, Seed::Variable);
    let y = format_ident!("__y", span = Span::mixed_site());
    let seed = format_ident!("__seed", span = Span::mixed_site());
    let results: Vec<TokenStream> = sig
        .params
        .iter()
        .map(|p| if p.2 { quote!(#seed.into_tangent(&__g) * __dg) } else { quote!(__ad::NoTangent) })
        .collect();
    let tangent_params = sig.params.iter().map(|(id, ty, active)| {
        let t = crate::transform::tangent_in(id);
        if *active {
            let tt = tangent_type(ty);
            quote!(#t: Option<#tt>)
        } else {
            quote!(#t: Option<__ad::NoTangent>)
        }
    });
    let active_tangent = sig.params.iter().find(|p| p.2).map(|p| crate::transform::tangent_in(&p.0));
    let body = quote! {
        let (#y, _) = #root __pullback_jet::<_, #n>(#(#lifted),*);
        let (__g, __dg) = (#y.derivative(#k), #y.derivative(#k1));
    };
    let internals = quote! {
        #[doc(hidden)]
        #[inline]
        pub fn __pullback(#inputs) -> (#ret, #pb) {
            #body
            (__g, move |#seed| (#(#results,)*))
        }
        #[doc(hidden)]
        #[inline]
        pub fn __jvp(#inputs, #(#tangent_params),*) -> (#ret, #ret) {
            #body
            (__g, #active_tangent.map_or(__ad::Value::zero_tangent(&__g), |t| t * __dg))
        }
    };
    let jet_internals = quote! {
        #[doc(hidden)]
        #[inline]
        pub fn __pullback_jet<__T: __ad::Lift<#s>, const __N: usize>(#jet_inputs) -> (#jet_ret, #jet_pb) {
            #body
            (__g, move |#seed| (#(#results,)*))
        }
    };
    let deeper = if depth < max_depth { nested_grad(sig, depth + 1, max_depth) } else { TokenStream::new() };
    let mut inner = sig.clone();
    inner.name = Ident::new("grad", Span::call_site());
    inner.vis = syn::parse_quote!(pub);
    wrap(&inner, internals, quote!(#jet_internals #deeper))
}
