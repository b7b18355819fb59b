//! `#[http_error(decode)]`: the `FromErrorBody` impl a client reads a
//! response back with, and every type's `BODY_KEYS`.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::{Fields, Member};

use crate::valid::{Model, Resolved};

/// `const BODY_KEYS`: the keys of the type's own body; with only
/// transparent variants, those of the first type it wraps.
pub fn body_keys(model: &Model) -> TokenStream {
    let keys = quote!(::httperror::client::BodyKeys);
    if let ([], [first, ..]) = (model.variants.as_slice(), model.transparent.as_slice()) {
        let ty = first.ty;
        return quote! {
            const BODY_KEYS: #keys = <#ty as ::httperror::HttpError>::BODY_KEYS;
        };
    }
    let some_or_none = |value: Option<&str>| match value {
        Some(value) => quote!(::core::option::Option::Some(#value)),
        None => quote!(::core::option::Option::None),
    };
    let message = some_or_none(model.message_key.as_deref());
    let code = some_or_none(model.code_key.as_deref());
    let envelope = match &model.envelope {
        Some(envelope) => {
            let key = &envelope.key;
            let array = envelope.array;
            quote!(::core::option::Option::Some((#key, #array)))
        }
        None => quote!(::core::option::Option::None),
    };
    quote! {
        const BODY_KEYS: #keys = #keys {
            message: #message,
            code: #code,
            envelope: #envelope,
        };
    }
}

/// `impl FromErrorBody`: each own variant whose every field is in its
/// payload, rebuilt where the body's code and status are its own; each
/// wrapped type, where it rebuilds one of its own.
pub fn from_error_body(model: &Model) -> Option<TokenStream> {
    if !model.decode {
        return None;
    }
    let input = model.input;
    let ident = &input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let params: BTreeSet<String> = input
        .generics
        .type_params()
        .map(|p| p.ident.to_string())
        .collect();
    let mut predicates: Vec<TokenStream> = Vec::new();
    let mut bound = |ty: &syn::Type, bound: TokenStream| {
        if crate::generics::mentions(ty.to_token_stream(), &params) {
            let predicate = quote!(#ty: #bound);
            if !predicates
                .iter()
                .any(|p| p.to_string() == predicate.to_string())
            {
                predicates.push(predicate);
            }
        }
    };
    let mut arms = Vec::new();
    for v in &model.variants {
        let Some(fields) = fields_of(model, v) else {
            continue;
        };
        // A field that never reaches the client cannot be rebuilt.
        let payload_members: Vec<&Member> = v.payload.iter().map(|p| &p.member).collect();
        if fields
            .iter()
            .any(|member| !payload_members.contains(&member))
        {
            continue;
        }
        let values = v.payload.iter().map(|p| {
            let member = &p.member;
            let value = match &p.key {
                None => {
                    bound(
                        p.ty,
                        quote!(::httperror::__private::serde::de::DeserializeOwned),
                    );
                    let ty = p.ty;
                    quote!(__body.members_as::<#ty>()?)
                }
                Some(key) if p.optional => {
                    bound(
                        p.value_ty,
                        quote!(::httperror::__private::serde::de::DeserializeOwned),
                    );
                    let ty = p.value_ty;
                    quote!(__body.member::<#ty>(#key))
                }
                Some(key) => {
                    bound(
                        p.ty,
                        quote!(::httperror::__private::serde::de::DeserializeOwned),
                    );
                    let ty = p.ty;
                    quote!(__body.member::<#ty>(#key)?)
                }
            };
            quote!(#member: #value)
        });
        let path = if model.is_enum {
            let variant = v.ident;
            quote!(Self::#variant)
        } else {
            quote!(Self)
        };
        let code = &v.code;
        let statuses = v.at_each_status().into_iter().map(|view| view.status);
        arms.push(quote! {
            if __code == ::core::option::Option::Some(#code)
                && ::core::matches!(__status, #(#statuses)|*)
            {
                let __rebuilt = (|| ::core::option::Option::Some(#path { #(#values),* }))();
                if __rebuilt.is_some() {
                    return __rebuilt;
                }
            }
        });
    }
    let wrapped: Vec<TokenStream> = model
        .transparent
        .iter()
        .map(|t| {
            let ty = t.ty;
            bound(ty, quote!(::httperror::client::FromErrorBody));
            let variant = t.ident;
            let member = &t.member;
            let path = if model.is_enum {
                quote!(Self::#variant)
            } else {
                quote!(Self)
            };
            quote! {
                if let ::core::option::Option::Some(__inner) =
                    <#ty as ::httperror::client::FromErrorBody>::from_error_body(__body)
                {
                    return ::core::option::Option::Some(#path { #member: __inner });
                }
            }
        })
        .collect();
    let mut where_clause = input
        .generics
        .where_clause
        .clone()
        .unwrap_or_else(|| syn::parse_quote!(where));
    for predicate in &predicates {
        where_clause.predicates.push(syn::parse_quote!(#predicate));
    }
    Some(quote! {
        #[automatically_derived]
        impl #impl_generics ::httperror::client::FromErrorBody for #ident #ty_generics #where_clause {
            #[allow(unused_variables)]
            fn from_error_body(
                __body: &::httperror::client::ErrorBody,
            ) -> ::core::option::Option<Self> {
                let __code = ::core::option::Option::as_deref(&__body.code);
                let __status = __body.status.as_u16();
                #(#arms)*
                #(#wrapped)*
                ::core::option::Option::None
            }
        }
    })
}

/// Every field of variant `v`, by member.
fn fields_of(model: &Model, v: &Resolved) -> Option<Vec<Member>> {
    let fields: &Fields = match &model.input.data {
        syn::Data::Enum(data) => {
            &data
                .variants
                .iter()
                .find(|variant| variant.ident == *v.ident)?
                .fields
        }
        syn::Data::Struct(data) => &data.fields,
        syn::Data::Union(_) => return None,
    };
    Some(fields.members().collect())
}
