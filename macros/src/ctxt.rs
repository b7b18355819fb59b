//! Collects every error of one expansion, so the user fixes all the bad
//! attributes of a type in one compile (serde's `Ctxt`).

use std::cell::RefCell;

use proc_macro2::Span;
use quote::ToTokens;

#[derive(Default)]
pub struct Ctxt {
    errors: RefCell<Vec<syn::Error>>,
}

impl Ctxt {
    pub fn new() -> Self {
        Self::default()
    }

    /// An error spanned on the tokens of `tokens`.
    pub fn error_spanned_by<T: ToTokens, M: std::fmt::Display>(&self, tokens: T, message: M) {
        self.push(syn::Error::new_spanned(tokens, message));
    }

    pub fn error_at<M: std::fmt::Display>(&self, span: Span, message: M) {
        self.push(syn::Error::new(span, message));
    }

    /// Reports `error`, once: a variant whose status is chosen at run time
    /// is checked at each status of its set, and what is wrong at all of
    /// them is said once.
    pub fn push(&self, error: syn::Error) {
        let mut errors = self.errors.borrow_mut();
        let key = |e: &syn::Error| (e.to_string(), format!("{:?}", e.span()));
        if !errors.iter().any(|e| key(e) == key(&error)) {
            errors.push(error);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.errors.borrow().is_empty()
    }

    /// Every error, one by one.
    pub fn into_errors(self) -> Vec<syn::Error> {
        self.errors.into_inner()
    }

    /// All errors, combined into one, or `Ok` if there were none.
    pub fn check(self) -> syn::Result<()> {
        let mut errors = self.errors.into_inner().into_iter();
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        for error in errors {
            combined.combine(error);
        }
        Err(combined)
    }
}
