//! The `#[derive(HttpError)]` macro of the `httperror` crate. Depend on
//! `httperror`, which re-exports it; this crate is its implementation.

mod ast;
mod attr;
mod body;
mod case;
mod codegen;
mod ctxt;
mod decode;
mod doc;
mod expand;
#[cfg(test)]
mod expansion;
mod fallback;
mod generics;
mod headers;
mod json;
mod openapi;
#[cfg(test)]
mod robustness;
mod rules;
mod schema;
mod status;
mod suggest;
mod template;
mod valid;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Derives `httperror::HttpError`; see the `httperror` crate for the
/// attributes.
#[proc_macro_derive(
    HttpError,
    attributes(status, message, payload, header, member, http_error)
)]
pub fn derive_http_error(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    derive(&input).into()
}

/// Not public API: the `httperror` runtime's copies of the derive's rules
/// (status names, the no-content rule, OpenAPI placeholders, the plain-500
/// body), generated from the derive's own definitions.
#[doc(hidden)]
#[proc_macro]
pub fn __runtime_rules(input: TokenStream) -> TokenStream {
    let _ = input;
    rules::expand().into()
}

/// The whole derive over proc-macro2 tokens, so tests can drive it outside
/// a proc-macro context.
fn derive(input: &DeriveInput) -> proc_macro2::TokenStream {
    let cx = ctxt::Ctxt::new();
    let parsed = match ast::Input::from_syn(&cx, input) {
        Ok(parsed) => parsed,
        Err(error) => return fallback::expand(input, &error),
    };
    let model = valid::check(&cx, &parsed);
    // Expanded only without errors: a model with errors is incomplete.
    match cx.check() {
        Ok(()) => expand::impl_http_error(&model),
        Err(error) => fallback::expand(input, &error),
    }
}
