//! Turns the checked model into the `HttpError` impl.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Ident, LitByteStr};

use crate::codegen::arms;
use crate::generics::where_clause;
use crate::openapi;
use crate::status;
use crate::valid::Model;
use crate::{body, headers};

pub fn impl_http_error(model: &Model) -> TokenStream {
    let ident = &model.input.ident;
    let (impl_generics, ty_generics, _) = model.input.generics.split_for_impl();
    let where_clause = where_clause(model);

    let mut codes: Vec<u16> = model.variants.iter().map(|v| v.status).collect();
    codes.sort_unstable();
    codes.dedup();

    let status_arms = arms(model, |v| {
        let status = status_tokens(v.status);
        (TokenStream::new(), status)
    });
    let code_arms = arms(model, |v| {
        let code = &v.code;
        (TokenStream::new(), quote!(#code))
    });
    let message_arms = arms(model, body::message_expr);
    let serialize_arms = arms(model, |v| body::serialize_body(model, v));
    let payload = model
        .variants
        .iter()
        .any(|v| !v.payload.is_empty())
        .then(|| {
            let payload_arms = arms(model, body::serialize_payload);
            quote! {
                fn serialize_payload<__M: ::httperror::__private::serde::ser::SerializeMap>(
                    &self,
                    __map: &mut __M,
                ) -> ::core::result::Result<(), __M::Error> {
                    #payload_arms
                }
            }
        });
    let write_arms = arms(model, |v| body::write_json(model, v));
    let body_arms = arms(model, |v| body::json_body(model, v));
    let headers = headers::headers_fns(model);
    let problem = model.problem.as_ref().map(|_| {
        quote! {
            const CONTENT_TYPE: &'static ::core::primitive::str = "application/problem+json";
        }
    });
    let internal_error_body = LitByteStr::new(
        body::internal_error_body(model).as_bytes(),
        Span::call_site(),
    );
    let openapi = openapi::openapi_fn(model);
    // Framework impls go through the runtime's macros, which expand to
    // nothing when the runtime's feature for that framework is off.
    let integrations = ["impl_utoipa", "impl_utoipa5", "impl_axum", "impl_actix_web"].map(|name| {
        let name = Ident::new(name, Span::call_site());
        quote! {
            ::httperror::__private::#name! {
                impl [#impl_generics] for [#ident #ty_generics] where [#where_clause]
            }
        }
    });

    quote! {
        #[automatically_derived]
        #[allow(deprecated, unused_qualifications, clippy::match_same_arms)]
        impl #impl_generics ::httperror::HttpError for #ident #ty_generics #where_clause {
            const STATUS_CODES: &'static [::core::primitive::u16] = &[#(#codes),*];
            #problem
            const INTERNAL_ERROR_BODY: &'static [::core::primitive::u8] = #internal_error_body;

            // The hot methods are small matches over the variants: inlined
            // across crates into `to_response`, whichever crate derives.
            #[inline]
            fn status(&self) -> ::httperror::__private::StatusCode {
                #status_arms
            }

            #[inline]
            fn code(&self) -> &'static ::core::primitive::str {
                #code_arms
            }

            fn message(&self) -> ::std::borrow::Cow<'_, ::core::primitive::str> {
                #message_arms
            }

            #headers

            #openapi

            #payload

            fn serialize_body<__S: ::httperror::__private::serde::Serializer>(
                &self,
                __serializer: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                #serialize_arms
            }

            fn write_json(
                &self,
                __out: &mut ::std::vec::Vec<::core::primitive::u8>,
            ) -> ::core::result::Result<(), ::httperror::__private::serde_json::Error> {
                #write_arms
            }

            #[inline]
            fn json_body(
                &self,
            ) -> ::core::result::Result<
                ::httperror::__private::Bytes,
                ::httperror::__private::serde_json::Error,
            > {
                #body_arms
            }
        }

        #(#integrations)*
    }
}

fn status_tokens(code: u16) -> TokenStream {
    match status::TABLE.iter().find(|&&(c, _, _)| c == code) {
        Some(&(_, name, _)) => {
            let name = Ident::new(name, Span::call_site());
            quote!(::httperror::__private::StatusCode::#name)
        }
        None => quote!(const { ::httperror::__private::status(#code) }),
    }
}
