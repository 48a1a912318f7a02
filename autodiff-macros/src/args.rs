//! Arguments of the `#[differentiable(...)]` attribute.

use syn::Ident;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;

/// `#[differentiable]` or `#[differentiable(wrt(a, b))]`.
#[derive(Default)]
pub struct Args {
    /// The parameters named in `wrt(...)`, if given.
    pub wrt: Option<Vec<Ident>>,
}

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut args = Args::default();
        while !input.is_empty() {
            let key: Ident = input.parse().map_err(|e| {
                syn::Error::new(e.span(), "expected `wrt(...)`: the only argument of `#[differentiable]` is the list of parameters to differentiate with respect to")
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
            } else {
                return Err(syn::Error::new(
                    key.span(),
                    format!("unknown argument `{key}`; `#[differentiable]` takes only `wrt(param, ...)`"),
                ));
            }
            if !input.is_empty() {
                input.parse::<syn::Token![,]>()?;
            }
        }
        Ok(args)
    }
}
