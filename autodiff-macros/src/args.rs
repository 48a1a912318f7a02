//! Arguments of the `#[differentiable(...)]` attribute.

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use syn::Ident;
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;

/// `#[differentiable]`, `#[differentiable(wrt(a, b))]`, `#[differentiable(order = 3)]`.
#[derive(Default)]
pub struct Args {
    /// The parameters named in `wrt(...)`, if given.
    pub wrt: Option<Vec<Ident>>,
    /// The highest derivative order asked for (`order = n`); 1 if not given.
    pub order: Option<u32>,
}

/// Parses the attribute's arguments inside a group spanned at their last token: syn reports
/// arguments cut short (`order =`, `wrt`) at the end of its input, which would otherwise be
/// the call site, and is then that token.
pub fn parse(args: TokenStream) -> syn::Result<Args> {
    let Some(last) = args.clone().into_iter().last() else {
        return Ok(Args::default());
    };
    let mut group = Group::new(Delimiter::Parenthesis, args);
    group.set_span(last.span());
    let parser = |input: ParseStream| {
        let content;
        syn::parenthesized!(content in input);
        content.parse()
    };
    parser.parse2(TokenTree::Group(group).into())
}

/// The largest `order = n` accepted: nested `grad` modules up to this depth.
pub const MAX_ORDER: u32 = 16;

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut args = Args::default();
        while !input.is_empty() {
            let key: Ident = input.parse().map_err(|e| {
                syn::Error::new(e.span(), "expected `wrt(...)` or `order = n`: the arguments of `#[differentiable]` are the parameters to differentiate with respect to and the highest derivative order")
            })?;
            if key == "wrt" {
                if args.wrt.is_some() {
                    return Err(syn::Error::new(
                        key.span(),
                        "`wrt` is given twice; list every parameter in one `wrt(...)`",
                    ));
                }
                let content;
                syn::parenthesized!(content in input);
                let names = Punctuated::<Ident, syn::Token![,]>::parse_terminated(&content)?;
                if names.is_empty() {
                    return Err(syn::Error::new(
                        key.span(),
                        "`wrt()` is empty; name at least one parameter, as in `wrt(x)`",
                    ));
                }
                args.wrt = Some(names.into_iter().collect());
            } else if key == "order" {
                if args.order.is_some() {
                    return Err(syn::Error::new(key.span(), "`order` is given twice"));
                }
                input.parse::<syn::Token![=]>()?;
                let lit: syn::LitInt = input.parse().map_err(|e| {
                    syn::Error::new(
                        e.span(),
                        "expected an integer: `order = 2` for Hessians, `order = n` for n-th derivatives",
                    )
                })?;
                let n: u32 = lit.base10_parse()?;
                if !(1..=MAX_ORDER).contains(&n) {
                    return Err(syn::Error::new(
                        lit.span(),
                        format!(
                            "`order` must be between 1 and {MAX_ORDER}; `derivatives::<K>` gives any order from one `order = 2` function"
                        ),
                    ));
                }
                args.order = Some(n);
            } else {
                return Err(syn::Error::new(
                    key.span(),
                    format!("unknown argument `{key}`; `#[differentiable]` takes `wrt(param, ...)` and `order = n`"),
                ));
            }
            if !input.is_empty() {
                input.parse::<syn::Token![,]>()?;
            }
        }
        Ok(args)
    }
}
