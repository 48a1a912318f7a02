//! `#[primitive(vjp = f_vjp, jvp = f_jvp)]`: a user function with hand-written rules.
//!
//! The rules follow the runtime's convention: the VJP takes the inputs, the output `y` and
//! the output cotangent `ȳ`, and returns the cotangent of each active input (bare if there is
//! one); the JVP takes the inputs, `y` and one tangent per active input, and returns `ẏ`.

use crate::emit::{self, Signature};
use crate::error::Ctxt;
use crate::parse::is_inactive_type;
use crate::transform::{callee, tangent_in};
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote};
use syn::parse::{Parse, ParseStream};

struct Args {
    vjp: Option<syn::Path>,
    jvp: Option<syn::Path>,
}

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut args = Args { vjp: None, jvp: None };
        while !input.is_empty() {
            let key: syn::Ident = input.parse()?;
            input.parse::<syn::Token![=]>()?;
            let path: syn::Path = input.parse()?;
            match key.to_string().as_str() {
                "vjp" if args.vjp.is_none() => args.vjp = Some(path),
                "jvp" if args.jvp.is_none() => args.jvp = Some(path),
                "vjp" | "jvp" => return Err(syn::Error::new(key.span(), format!("`{key}` is given twice"))),
                _ => {
                    return Err(syn::Error::new(
                        key.span(),
                        format!("unknown argument `{key}`; `#[primitive]` takes `vjp = path` and `jvp = path`"),
                    ));
                }
            }
            if !input.is_empty() {
                input.parse::<syn::Token![,]>()?;
            }
        }
        Ok(args)
    }
}

pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let func: syn::ItemFn = match syn::parse2(item.clone()) {
        Ok(f) => f,
        Err(_) => {
            let err = syn::Error::new_spanned(&item, "`#[primitive]` applies to free functions");
            let err = err.to_compile_error();
            return quote!(#item #err);
        }
    };
    match build(args, &func) {
        Ok(module) => quote!(#func #module),
        Err(err) => {
            let err = err.to_compile_error();
            quote!(#func #err)
        }
    }
}

fn build(args: TokenStream, func: &syn::ItemFn) -> syn::Result<TokenStream> {
    let span = Span::call_site();
    let args: Args = syn::parse2(args)?;
    let (Some(vjp), Some(jvp)) = (args.vjp, args.jvp) else {
        return Err(syn::Error::new(span, "`#[primitive]` needs both rules: `#[primitive(vjp = f_vjp, jvp = f_jvp)]`"));
    };
    let cx = Ctxt::new();
    crate::validate::function(&cx, func, &crate::args::Args::default());
    let ret = match &func.sig.output {
        syn::ReturnType::Type(_, ty) => (**ty).clone(),
        syn::ReturnType::Default => syn::parse_quote!(()),
    };
    if matches!(ret, syn::Type::Tuple(_)) {
        cx.error_spanned(
            &ret,
            "a `#[primitive]` returns one value; split a function with several outputs into several primitives",
        );
    }
    let mut params = Vec::new();
    for input in &func.sig.inputs {
        let syn::FnArg::Typed(pt) = input else { continue };
        match &*pt.pat {
            syn::Pat::Ident(pi) if pi.subpat.is_none() => {
                params.push((pi.ident.clone(), (*pt.ty).clone(), !is_inactive_type(&pt.ty)));
            }
            other => cx.error_spanned(other, "`#[primitive]` parameters must be plain names"),
        }
    }
    cx.check()?;

    let sig = Signature { vis: func.vis.clone(), name: func.sig.ident.clone(), params, ret };
    let (pb_head, jvp_head) = sig.internal_headers();
    let name = &sig.name;
    let args: Vec<&syn::Ident> = sig.params.iter().map(|p| &p.0).collect();
    let y = format_ident!("__y", span = Span::mixed_site());
    let y_bar = format_ident!("__y_bar", span = Span::mixed_site());
    let seed = format_ident!("__seed", span = Span::mixed_site());
    let vjp_path = callee(&vjp);
    let jvp_path = callee(&jvp);

    let grads: Vec<syn::Ident> =
        sig.params.iter().filter(|p| p.2).map(|p| format_ident!("__{}_bar", p.0, span = Span::mixed_site())).collect();
    let grads_pat = if grads.len() == 1 { grads[0].to_token_stream() } else { quote!((#(#grads,)*)) };
    let results = sig.params.iter().map(|p| {
        if p.2 {
            let g = format_ident!("__{}_bar", p.0, span = Span::mixed_site());
            quote!(#g)
        } else {
            quote!(__ad::NoTangent)
        }
    });
    let tangents: Vec<TokenStream> = sig
        .params
        .iter()
        .filter(|p| p.2)
        .map(|p| {
            let (id, t) = (&p.0, tangent_in(&p.0));
            quote!(match #t { Some(t) => t, None => __ad::Value::zero_tangent(&#id) })
        })
        .collect();
    let internals = quote! {
        #pb_head {
            let #y = super::#name(#(#args),*);
            (#y, move |#seed| {
                let #y_bar = #seed.into_tangent(&#y);
                let #grads_pat = #vjp_path(#(#args,)* #y, #y_bar);
                (#(#results,)*)
            })
        }
        #jvp_head {
            let #y = super::#name(#(#args),*);
            let __y_dot = #jvp_path(#(#args,)* #y, #(#tangents),*);
            (#y, __y_dot)
        }
    };
    let stub = if crate::higher::all_plain(&sig) { crate::higher::jet_stub(&sig) } else { TokenStream::new() };
    Ok(emit::wrap(&sig, internals, stub))
}
