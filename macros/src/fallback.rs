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
    // As the real impl: for the type as the user bounded its `Error` impl,
    // so a generic type's missing bound is not reported a second time.
    let mut where_clause = where_clause.cloned();
    if input.generics.type_params().next().is_some() {
        let clause = where_clause.get_or_insert_with(|| syn::WhereClause {
            where_token: Default::default(),
            predicates: Default::default(),
        });
        clause
            .predicates
            .push(syn::parse_quote!(Self: ::std::error::Error));
    }
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
        }
    }
}
