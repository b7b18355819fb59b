//! On a compile error: the errors, plus an impl whose bodies are never
//! run, so the rest of the user's crate does not drown in follow-on
//! "HttpError is not implemented" errors (thiserror's fallback).

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

pub fn expand(input: &DeriveInput, error: &syn::Error) -> TokenStream {
    let errors = error.to_compile_error();
    if matches!(input.data, syn::Data::Union(_)) {
        return errors;
    }
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #errors

        #[allow(unused_qualifications)]
        #[automatically_derived]
        impl #impl_generics ::httperror::HttpError for #ident #ty_generics #where_clause {
            const STATUS_CODES: &'static [::core::primitive::u16] = &[];

            fn status(&self) -> ::httperror::__private::StatusCode {
                ::core::unreachable!()
            }

            fn code(&self) -> &'static ::core::primitive::str {
                ::core::unreachable!()
            }

            fn message(&self) -> ::std::borrow::Cow<'_, ::core::primitive::str> {
                ::core::unreachable!()
            }

            fn serialize_body<__S: ::httperror::__private::serde::Serializer>(
                &self,
                __serializer: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                ::core::unreachable!()
            }
        }
    }
}
