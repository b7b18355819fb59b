//! `write_headers`: fixed headers and headers from fields.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::spanned::Spanned;

use crate::expand::{arms, bind, binding};
use crate::valid::{HeaderValue, Model};

pub(crate) fn headers_fn(model: &Model) -> Option<TokenStream> {
    if model.variants.iter().all(|v| v.headers.is_empty()) {
        return None;
    }
    let private = quote!(::httperror::__private);
    let arms = arms(model, |v| {
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
    });
    Some(quote! {
        fn write_headers(&self, __headers: &mut #private::HeaderMap) {
            #arms
        }
    })
}
