//! `#[http_error(decode)]`: the `FromErrorBody` impl a client reads a
//! response back with, and every type's `BODY_KEYS`.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::{Fields, Member};

use crate::valid::{Model, Resolved};

/// `body_keys()`: the keys of the type's own body (a problem type's
/// negotiated JSON shape has its message under `message`), then those of
/// the types it wraps.
pub fn body_keys(model: &Model) -> TokenStream {
    let keys = quote!(::httperror::client::BodyKeys);
    let own = (!model.variants.is_empty()).then(|| {
        let message = if model.problem {
            Some("message")
        } else {
            model.message_key.as_deref()
        };
        let message = crate::codegen::option(message);
        let code = crate::codegen::option(model.code_key.as_deref());
        let envelope = crate::codegen::option(model.envelope.as_ref().map(|envelope| {
            let (key, array) = (&envelope.key, envelope.array);
            quote!((#key, #array))
        }));
        quote!(#keys { message: #message, code: #code, envelope: #envelope })
    });
    let wrapped = model.transparent.iter().map(|t| {
        let ty = t.ty;
        quote! {
            ::core::iter::Extend::extend(
                &mut __keys,
                <#ty as ::httperror::HttpError>::body_keys(),
            );
        }
    });
    quote! {
        fn body_keys() -> ::std::vec::Vec<#keys> {
            #[allow(unused_mut)]
            let mut __keys = ::std::vec![#own];
            #(#wrapped)*
            __keys
        }
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
        let private = quote!(::httperror::__private);
        // What a flattened payload does not own: the other payload keys,
        // and the members the layer or problem details add.
        let explicit: Vec<&String> = v.payload.iter().filter_map(|p| p.key.as_ref()).collect();
        let values: Vec<TokenStream> = v
            .payload
            .iter()
            .map(|p| {
                let member = &p.member;
                let owned = quote!(#private::serde::de::DeserializeOwned);
                let value = match &p.key {
                    None => {
                        bound(p.ty, owned);
                        let ty = if p.optional { p.value_ty } else { p.ty };
                        let read = quote! {{
                            let mut __members = ::core::clone::Clone::clone(&__body.members);
                            for __key in [#(#explicit,)* "type", "title", "instance", "request_id"] {
                                __members.remove(__key);
                            }
                            <#ty as #private::serde::Deserialize>::deserialize(
                                #private::serde_json::Value::Object(__members),
                            )
                            .ok()
                        }};
                        if p.optional { read } else { quote!(#read?) }
                    }
                    // Absent or null: `None`; present, it must fit.
                    Some(key) if p.optional => {
                        bound(p.value_ty, owned);
                        let ty = p.value_ty;
                        quote! {
                            match __body.members.get(#key) {
                                ::core::option::Option::None
                                | ::core::option::Option::Some(#private::serde_json::Value::Null) => {
                                    ::core::option::Option::None
                                }
                                ::core::option::Option::Some(__value) => ::core::option::Option::Some(
                                    <#ty as #private::serde::Deserialize>::deserialize(__value).ok()?,
                                ),
                            }
                        }
                    }
                    Some(key) => {
                        bound(p.ty, owned);
                        let ty = p.ty;
                        quote! {
                            <#ty as #private::serde::Deserialize>::deserialize(
                                __body.members.get(#key)?,
                            )
                            .ok()?
                        }
                    }
                };
                quote!(#member: #value)
            })
            .collect();
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
    let where_clause = crate::codegen::where_with(
        &input.generics,
        predicates
            .iter()
            .map(|predicate| syn::parse_quote!(#predicate)),
    );
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
