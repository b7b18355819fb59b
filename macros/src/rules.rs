//! The runtime's copies of rules the derive applies, generated from the
//! derive's own definitions by the hidden `__runtime_rules!()`, so the two
//! crates cannot disagree: the status table's snake_case names, the
//! no-content rule, the placeholders in the OpenAPI text, the plain-500
//! body; and, for a test, the JSON escaper's output on every class of
//! character (the one copy that must stay on both sides of the proc-macro
//! boundary).

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::LitByteStr;

use crate::{body, json, schema, status};

pub fn expand() -> TokenStream {
    let mut table: Vec<(u16, String)> = status::TABLE
        .iter()
        .map(|&(code, name, _)| (code, name.to_ascii_lowercase()))
        .collect();
    table.sort_unstable();
    let reasons = table.iter().map(|(code, name)| quote!((#code, #name)));
    let no_content = status::NO_CONTENT
        .iter()
        .map(|&(low, high, _)| quote!(#low..=#high));
    let schema = schema::PLACEHOLDER;
    let flatten = schema::FLATTEN;
    let page = schema::PAGE;
    let negotiated = schema::NEGOTIATED;
    let plain_500 = LitByteStr::new(
        body::object_text(
            None,
            &[(
                "message".to_owned(),
                crate::json::Json::str("Internal Server Error"),
            )],
        )
        .as_bytes(),
        Span::call_site(),
    );
    let escapes = escape_classes().into_iter().map(|input| {
        let escaped = json::string(&input);
        quote!((#input, #escaped))
    });
    quote! {
        /// `(code, snake_case name)` of every registered status, by code.
        pub(crate) const SNAKE_CASE_REASONS: &[(u16, &str)] = &[#(#reasons),*];

        /// Whether a response with this status carries content: not a
        /// 1xx, 204, 205 or 304 (RFC 9110).
        pub(crate) const fn has_body(code: u16) -> bool {
            !matches!(code, #(#no_content)|*)
        }

        /// Where the OpenAPI text leaves a type's schema to the run time.
        pub(crate) const SCHEMA_PLACEHOLDER: &str = #schema;

        /// The schemas of flattened payloads, to merge into the body's.
        pub(crate) const FLATTEN_PLACEHOLDER: &str = #flatten;

        /// An HTML example to render as the default page.
        pub(crate) const PAGE_PLACEHOLDER: &str = #page;

        /// What only a negotiating response sends.
        pub(crate) const NEGOTIATED_PLACEHOLDER: &str = #negotiated;

        /// The plain 500 in the default format and keys.
        pub(crate) const INTERNAL_ERROR_BODY: &[u8] = #plain_500;

        /// `(text, the macro's JSON string for it)` for every class of
        /// character the escaper treats apart.
        #[cfg(test)]
        pub(crate) const JSON_ESCAPES: &[(&str, &str)] = &[#(#escapes),*];
    }
}

/// Every ASCII character alone, and the non-ASCII ones JSON or JavaScript
/// treat apart, alone and in a run.
fn escape_classes() -> Vec<String> {
    let mut inputs: Vec<String> = (0u8..0x80).map(|b| char::from(b).to_string()).collect();
    let others = [
        '\u{80}',
        '\u{e9}',
        '\u{2028}',
        '\u{2029}',
        '\u{feff}',
        '\u{1f600}',
        '\u{10ffff}',
    ];
    inputs.extend(others.iter().map(char::to_string));
    inputs.push(inputs.concat());
    inputs
}
