//! `#[derive(Parameters)]`: a struct of differentiable fields as one value.
//!
//! The struct is its own tangent type (the gradient of a model is a model-shaped value), so
//! every field's tangent must be the field's own type: `f64`, `f32`, owned ndarray arrays,
//! tuples of them, or other derived structs.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

pub fn expand(item: TokenStream) -> TokenStream {
    match build(item) {
        Ok(t) => t,
        Err(e) => e.to_compile_error(),
    }
}

fn build(item: TokenStream) -> syn::Result<TokenStream> {
    let input: syn::DeriveInput = syn::parse2(item)?;
    let name = &input.ident;
    let syn::Data::Struct(data) = &input.data else {
        return Err(syn::Error::new_spanned(
            &input.ident,
            "`#[derive(Parameters)]` applies to structs with named fields, such as `struct Mlp { w: Array2<f64>, b: Array1<f64> }`",
        ));
    };
    let syn::Fields::Named(fields) = &data.fields else {
        return Err(syn::Error::new_spanned(
            &data.fields,
            "`#[derive(Parameters)]` needs named fields (`struct Mlp { w: Array2<f64> }`), not a tuple or unit struct",
        ));
    };
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(
            &input.generics,
            "`#[derive(Parameters)]` does not support generic structs; name the element and array types",
        ));
    }
    let names: Vec<&syn::Ident> = fields.named.iter().map(|f| f.ident.as_ref().expect("named")).collect();
    let types: Vec<&syn::Type> = fields.named.iter().map(|f| &f.ty).collect();
    let idx: Vec<syn::Index> = (0..names.len()).map(syn::Index::from).collect();
    let ad = quote!(::autodiff_runtime);
    let shape = format_ident!("__shape");
    let field_paths: Vec<String> = names.iter().map(|n| format!(".{n}")).collect();
    Ok(quote! {
        impl #ad::Value for #name {
            type Tangent = #name;
            fn zero_tangent(&self) -> #name {
                #name { #(#names: #ad::Value::zero_tangent(&self.#names),)* }
            }
            fn tangent_shape(&self) -> #ad::ShapeOf<#name> {
                #ad::ShapeOf((#(#ad::Value::tangent_shape(&self.#names).0,)*))
            }
            fn tangent_mismatch(&self, t: &#name) -> ::core::option::Option<#ad::Mismatch> {
                ::core::option::Option::None
                    #(.or_else(|| #ad::Value::tangent_mismatch(&self.#names, &t.#names).map(|m| m.within(#field_paths))))*
            }
        }

        impl #ad::Zeros for #name {
            type Shape = (#(<#types as #ad::Zeros>::Shape,)*);
            fn zeros(#shape: &Self::Shape) -> #name {
                #name { #(#names: <#types as #ad::Zeros>::zeros(&#shape.#idx),)* }
            }
        }

        impl #ad::Accumulate for #name {
            fn accumulate(&mut self, other: #name) {
                #(#ad::Accumulate::accumulate(&mut self.#names, other.#names);)*
            }
        }

        impl #ad::optim::Parameters for #name {
            type Grad = #name;
            fn len(&self) -> usize {
                0 #(+ #ad::optim::Parameters::len(&self.#names))*
            }
            fn for_each(&self, f: &mut impl FnMut(f64)) {
                #(#ad::optim::Parameters::for_each(&self.#names, f);)*
            }
            fn for_each_mut(&mut self, f: &mut impl FnMut(&mut f64)) {
                #(#ad::optim::Parameters::for_each_mut(&mut self.#names, f);)*
            }
            fn zip_mut_with(&mut self, other: &#name, f: &mut impl FnMut(&mut f64, f64)) {
                #(#ad::optim::Parameters::zip_mut_with(&mut self.#names, &other.#names, f);)*
            }
            fn zip_slices_mut(&mut self, other: &#name, f: &mut impl FnMut(&mut [f64], &[f64])) {
                #(#ad::optim::Parameters::zip_slices_mut(&mut self.#names, &other.#names, f);)*
            }
        }
    })
}
