//! Error accumulation: every problem in a function is reported at once, at its own span.

use proc_macro2::{Span, TokenStream};
use std::cell::RefCell;

/// Collects errors while parsing and validating, so that users see all of them in one build.
#[derive(Default)]
pub struct Ctxt {
    errors: RefCell<Vec<syn::Error>>,
}

impl Ctxt {
    pub fn new() -> Self {
        Ctxt::default()
    }

    /// Records an error at `span`.
    pub fn error(&self, span: Span, msg: impl std::fmt::Display) {
        self.errors.borrow_mut().push(syn::Error::new(span, msg));
    }

    /// Records an error spanning the tokens of `node`.
    pub fn error_spanned(&self, node: &impl quote::ToTokens, msg: impl std::fmt::Display) {
        self.errors.borrow_mut().push(syn::Error::new_spanned(node, msg));
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.borrow().is_empty()
    }

    /// All recorded errors combined into one, or `Ok` if there were none.
    pub fn check(self) -> Result<(), syn::Error> {
        let mut errors = self.errors.into_inner().into_iter();
        let Some(mut first) = errors.next() else {
            return Ok(());
        };
        for e in errors {
            first.combine(e);
        }
        Err(first)
    }
}

/// `compile_error!` invocations for `err`, to emit beside the user's unchanged item.
pub fn to_compile_errors(err: syn::Error) -> TokenStream {
    err.to_compile_error()
}
