//! `headers` and `write_headers`: fixed headers and headers from fields.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::spanned::Spanned;

use crate::codegen::{arms, bind, binding, delegate};
use crate::valid::{HeaderValue, Model};

/// `write_headers`, always (a type without headers writes nothing, in
/// place of the default's empty map), and `headers` where the type has
/// some.
pub(crate) fn headers_fns(model: &Model) -> TokenStream {
    let private = quote!(::httperror::__private);
    if model.variants.iter().all(|v| v.headers.is_empty()) && model.transparent.is_empty() {
        return quote! {
            #[inline]
            fn write_headers(&self, _: &mut #private::HeaderMap) {}
        };
    }
    let arms = arms(
        model,
        |v| {
            let mut members = Vec::new();
            let statements: Vec<TokenStream> = v
                .headers
                .iter()
                .map(|header| {
                    let name = &header.name;
                    let name = quote!(const { #private::HeaderName::from_static(#name) });
                    match &header.value {
                        HeaderValue::Fixed(value) => quote! {
                            #private::append_fixed_header(
                                __headers,
                                #name,
                                const { #private::HeaderValue::from_static(#value) },
                            );
                        },
                        HeaderValue::Field {
                            member,
                            ty,
                            optional,
                            ..
                        } => {
                            members.push(member);
                            let local = binding(member);
                            let mut value = if *optional {
                                format_ident!("__value")
                            } else {
                                local.clone()
                            };
                            value.set_span(ty.span());
                            let append = quote! {
                                #private::append_header(__headers, #name, #value);
                            };
                            if *optional {
                                quote! {
                                    if let ::core::option::Option::Some(__value) = #local {
                                        #append
                                    }
                                }
                            } else {
                                append
                            }
                        }
                    }
                })
                .collect();
            (bind(members), quote!({ #(#statements)* }))
        },
        delegate("write_headers", quote!(__headers)),
    );
    quote! {
        fn headers(&self) -> #private::HeaderMap {
            let mut __headers = #private::HeaderMap::new();
            ::httperror::HttpError::write_headers(self, &mut __headers);
            __headers
        }

        #[inline]
        fn write_headers(&self, __headers: &mut #private::HeaderMap) {
            #arms
        }
    }
}
