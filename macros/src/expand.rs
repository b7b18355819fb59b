//! Turns the checked model into the `HttpError` impl.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Ident, LitByteStr, LitStr};

use crate::codegen::{arms, delegate};
use crate::generics::where_clause;
use crate::openapi;
use crate::status;
use crate::valid::{Model, Resolved};
use crate::{body, headers};

/// The media type of a text/plain body.
pub const TEXT: &str = "text/plain; charset=utf-8";

/// The plain 500 of a text/plain body, for a `Display` that fails.
pub const TEXT_INTERNAL_ERROR: &[u8] = b"Internal Server Error";

pub fn impl_http_error(model: &Model) -> TokenStream {
    let ident = &model.input.ident;
    let (impl_generics, ty_generics, _) = model.input.generics.split_for_impl();
    let where_clause = where_clause(model);

    let status_codes = status_codes(model);
    let codes = codes(model);

    let status_arms = crate::codegen::status_arms(
        model,
        |v| (TokenStream::new(), status_tokens(v.status)),
        delegate("status", quote!()),
    );
    let code_arms = arms(
        model,
        |v| {
            let code = &v.code;
            (TokenStream::new(), quote!(#code))
        },
        delegate("code", quote!()),
    );
    let message_arms = arms(model, body::message_expr, delegate("message", quote!()));
    // The error as a `dyn Error` with its chain, for error reporting
    // (Sentry's tracing layer reads it): only a type without generic
    // parameters is surely `'static`.
    let reported_error = model.input.generics.params.is_empty().then(|| {
        quote! {
            #[inline]
            fn reported_error(
                &self,
            ) -> ::core::option::Option<&(dyn ::std::error::Error + 'static)> {
                ::core::option::Option::Some(self)
            }
        }
    });
    // The public message where it is known at compile time, so the facts
    // a request-id layer puts in a response's extensions borrow it.
    let static_message = (model
        .variants
        .iter()
        .any(|v| matches!(v.message, crate::valid::Message::Static(_)))
        || !model.transparent.is_empty())
    .then(|| {
        let message_arms = arms(
            model,
            |v| {
                let message = match &v.message {
                    crate::valid::Message::Static(text) => {
                        quote!(::core::option::Option::Some(#text))
                    }
                    _ => quote!(::core::option::Option::None),
                };
                (TokenStream::new(), message)
            },
            delegate("static_message", quote!()),
        );
        quote! {
            #[inline]
            fn static_message(&self) -> ::core::option::Option<&'static ::core::primitive::str> {
                #message_arms
            }
        }
    });
    // A logging policy where one is written, or wrapped types may have one.
    let log_policy = (model.variants.iter().any(|v| v.log.is_some())
        || !model.transparent.is_empty())
    .then(|| {
        let policy_arms = arms(
            model,
            |v| {
                let level = match v.log.map(LitStr::value).as_deref() {
                    Some("off") => quote!(Off),
                    Some("error") => quote!(Error),
                    Some("warn") => quote!(Warn),
                    Some("info") => quote!(Info),
                    Some("debug") => quote!(Debug),
                    Some("trace") => quote!(Trace),
                    _ => quote!(ByStatus),
                };
                (
                    TokenStream::new(),
                    quote!(::httperror::__private::LogPolicy::#level),
                )
            },
            delegate("log_policy", quote!()),
        );
        quote! {
            #[inline]
            fn log_policy(&self) -> ::httperror::__private::LogPolicy {
                #policy_arms
            }
        }
    });
    // Only a type with a status chosen at run time, or one that wraps
    // others, can choose outside a set.
    let undeclared = (model.variants.iter().any(|v| v.chosen.is_some())
        || !model.transparent.is_empty())
    .then(|| {
        let undeclared_arms =
            crate::codegen::undeclared_arms(model, delegate("undeclared_status", quote!()));
        quote! {
            #[inline]
            fn undeclared_status(
                &self,
            ) -> ::core::option::Option<::httperror::__private::StatusCode> {
                #undeclared_arms
            }
        }
    });
    let serialize_arms = arms(
        model,
        |v| body::serialize_body(model, v),
        delegate("serialize_body", quote!(__serializer)),
    );
    // An envelope's members, as serde sees them, for the runtime's
    // `Members` inside the envelope `serialize_body` writes.
    let members = model.envelope.as_ref().map(|_| {
        let member_arms = arms(
            model,
            body::serialize_members,
            delegate("serialize_members", quote!(__serializer)),
        );
        quote! {
            fn serialize_members<__S: ::httperror::__private::serde::Serializer>(
                &self,
                __serializer: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                #member_arms
            }
        }
    });
    let payload = (model.variants.iter().any(|v| !v.payload.is_empty())
        || !model.transparent.is_empty())
    .then(|| {
        let payload_arms = arms(
            model,
            body::serialize_payload,
            delegate("serialize_payload", quote!(__map)),
        );
        quote! {
            fn serialize_payload<__M: ::httperror::__private::serde::ser::SerializeMap>(
                &self,
                __map: &mut __M,
            ) -> ::core::result::Result<(), __M::Error> {
                #payload_arms
            }
        }
    });
    let write_arms = arms(
        model,
        |v| body::write_json(model, v),
        delegate("write_json", quote!(__out)),
    );
    let body_arms = arms(
        model,
        |v| body::json_body(model, v),
        delegate("json_body", quote!()),
    );
    let negotiation = negotiation(model);
    // A gRPC code written on a variant, or wrapped types that may have one.
    let grpc = (model.variants.iter().any(|v| v.grpc.is_some()) || !model.transparent.is_empty())
        .then(|| {
            let grpc_arms = arms(
                model,
                |v| (TokenStream::new(), crate::codegen::option(v.grpc)),
                delegate("grpc_code", quote!()),
            );
            quote! {
                #[inline]
                fn grpc_code(&self) -> ::core::option::Option<::core::primitive::i32> {
                    #grpc_arms
                }
            }
        });
    let headers = headers::headers_fns(model);
    let content_type = if model.problem {
        Some("application/problem+json")
    } else if model.text {
        Some(TEXT)
    } else {
        None
    };
    let content_type = content_type.map(|content_type| {
        quote! {
            const CONTENT_TYPE: &'static ::core::primitive::str = #content_type;
        }
    });
    let internal_error_body = LitByteStr::new(
        body::internal_error_body(model).as_bytes(),
        Span::call_site(),
    );
    // A transparent variant's media type and plain 500 are its field's; a
    // text variant's, text.
    let mixed_text = !model.text && model.variants.iter().any(|v| v.text);
    let text_internal_error = LitByteStr::new(TEXT_INTERNAL_ERROR, Span::call_site());
    let per_value = (!model.transparent.is_empty() || mixed_text).then(|| {
        let content_type_arms = arms(
            model,
            |v| {
                let content_type = if v.text && !model.text {
                    quote!(#TEXT)
                } else {
                    quote!(<Self as ::httperror::HttpError>::CONTENT_TYPE)
                };
                (
                    TokenStream::new(),
                    quote!(const { ::httperror::__private::HeaderValue::from_static(#content_type) }),
                )
            },
            delegate("content_type", quote!()),
        );
        let internal_arms = arms(
            model,
            |v| {
                let body = if v.text && !model.text {
                    quote!(#text_internal_error)
                } else {
                    quote!(<Self as ::httperror::HttpError>::INTERNAL_ERROR_BODY)
                };
                (TokenStream::new(), body)
            },
            delegate("internal_error_body", quote!()),
        );
        quote! {
            fn content_type(&self) -> ::httperror::__private::HeaderValue {
                #content_type_arms
            }

            fn internal_error_body(&self) -> &'static [::core::primitive::u8] {
                #internal_arms
            }
        }
    });
    let openapi = openapi::openapi_fn(model);
    let variants = variants_fn(model);
    let body_keys = crate::decode::body_keys(model);
    let from_error_body = crate::decode::from_error_body(model);
    // Framework impls go through the runtime's macros, which expand to
    // nothing when the runtime's feature for that framework is off.
    let integrations = [
        "impl_utoipa",
        "impl_utoipa5",
        "impl_axum",
        "impl_actix_web",
        "impl_aide",
        "impl_poem",
    ]
    .map(|name| {
        let name = Ident::new(name, Span::call_site());
        quote! {
            ::httperror::__private::#name! {
                impl [#impl_generics] for [#ident #ty_generics] where [#where_clause]
            }
        }
    });
    // `From<Type> for tonic::Status`: `Self` is the status there, so the
    // bounds are the user's and the type's own `HttpError`.
    let tonic_where = crate::codegen::where_with(
        &model.input.generics,
        [syn::parse_quote!(#ident #ty_generics: ::httperror::HttpError)],
    );
    let tonic = quote! {
        ::httperror::__private::impl_tonic! {
            impl [#impl_generics] for [#ident #ty_generics] where [#tonic_where]
        }
    };

    quote! {
        #[automatically_derived]
        #[allow(deprecated, unused_qualifications, clippy::match_same_arms)]
        impl #impl_generics ::httperror::HttpError for #ident #ty_generics #where_clause {
            const STATUS_CODES: &'static [::core::primitive::u16] = #status_codes;
            const CODES: &'static [(&'static ::core::primitive::str, ::core::primitive::u16)] = #codes;
            #content_type
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
            #variants
            #body_keys

            #payload

            #undeclared
            #log_policy
            #reported_error
            #static_message

            #members

            #per_value
            #negotiation
            #grpc

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
        #tonic
        #from_error_body
    }
}

/// `STATUS_CODES`: the own statuses, and with transparent variants the
/// sorted union with theirs.
fn status_codes(model: &Model) -> TokenStream {
    let mut own: Vec<u16> = model
        .variants
        .iter()
        .flat_map(Resolved::at_each_status)
        .map(|v| v.status)
        .collect();
    own.sort_unstable();
    own.dedup();
    let own = own.iter().map(|status| quote!(#status)).collect();
    let private = quote!(::httperror::__private);
    merged_list(
        model,
        own,
        &quote!(::core::primitive::u16),
        "STATUS_CODES",
        &quote!(#private::union_len),
        &quote!(#private::union),
    )
}

/// `CODES`: each machine code with the status it answers, own variants
/// first, then the transparent fields'.
fn codes(model: &Model) -> TokenStream {
    let mut own: Vec<(&str, u16)> = Vec::new();
    for v in model.variants.iter().flat_map(Resolved::at_each_status) {
        if !own.contains(&(v.code.as_str(), v.status)) {
            own.push((v.code.as_str(), v.status));
        }
    }
    let own = own
        .iter()
        .map(|(code, status)| quote!((#code, #status)))
        .collect();
    let private = quote!(::httperror::__private);
    merged_list(
        model,
        own,
        &quote!((&'static ::core::primitive::str, ::core::primitive::u16)),
        "CODES",
        &quote!(#private::codes_len),
        &quote!(#private::codes),
    )
}

/// A type-level list: the own `items`, and with transparent variants their
/// fields' `constant` merged in a `const` by `len` and `merge`.
fn merged_list(
    model: &Model,
    items: Vec<TokenStream>,
    item: &TokenStream,
    constant: &str,
    len: &TokenStream,
    merge: &TokenStream,
) -> TokenStream {
    let constant = Ident::new(constant, Span::call_site());
    // A lone generic field's list is the type's (validation refuses a
    // generic field beside other statuses: stable Rust cannot merge it).
    if let ([], [t]) = (items.as_slice(), model.transparent.as_slice())
        && crate::generics::uses_generics(&model.input.generics, t.ty)
    {
        let ty = t.ty;
        return quote!(<#ty as ::httperror::HttpError>::#constant);
    }
    let inner: Vec<TokenStream> = model
        .transparent
        .iter()
        .map(|t| {
            let ty = crate::openapi::static_lifetimes(t.ty);
            quote!(<#ty as ::httperror::HttpError>::#constant)
        })
        .collect();
    if inner.is_empty() {
        return quote!(&[#(#items),*]);
    }
    quote!({
        const __LISTS: &[&[#item]] = &[&[#(#items),*], #(#inner),*];
        const __LEN: ::core::primitive::usize = #len(__LISTS);
        const __MERGED: [#item; __LEN] = #merge(__LISTS);
        &__MERGED
    })
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

/// `negotiation()` and the body in the other JSON format, for a type that
/// negotiates (its text variants excepted), or wraps types that may.
fn negotiation(model: &Model) -> Option<TokenStream> {
    if model.other.is_none() && model.transparent.is_empty() {
        return None;
    }
    let own = match &model.other {
        Some(_) if model.problem => quote!(Problem),
        Some(_) => quote!(Json),
        None => quote!(No),
    };
    let negotiation_arms = arms(
        model,
        |v| {
            let negotiation = if v.text { quote!(No) } else { own.clone() };
            (
                TokenStream::new(),
                quote!(::httperror::__private::Negotiation::#negotiation),
            )
        },
        delegate("negotiation", quote!()),
    );
    // An own variant that does not negotiate is never written in another
    // format: its arm is its own body.
    let write_arms = match &model.other {
        Some(other) => arms(
            other,
            |v| body::write_json(other, v),
            delegate("write_other_json", quote!(__out)),
        ),
        None => arms(
            model,
            |_| {
                (
                    TokenStream::new(),
                    quote!(::httperror::HttpError::write_json(self, __out)),
                )
            },
            delegate("write_other_json", quote!(__out)),
        ),
    };
    Some(quote! {
        #[inline]
        fn negotiation(&self) -> ::httperror::__private::Negotiation {
            #negotiation_arms
        }

        fn write_other_json(
            &self,
            __out: &mut ::std::vec::Vec<::core::primitive::u8>,
        ) -> ::core::result::Result<(), ::httperror::__private::serde_json::Error> {
            #write_arms
        }
    })
}

/// `variants()`: each variant at each status it can answer, with its doc
/// and header names, then those of the errors its transparent variants
/// wrap: the rows of an error catalogue.
fn variants_fn(model: &Model) -> TokenStream {
    let private = quote!(::httperror::__private);
    let own = model
        .variants
        .iter()
        .flat_map(Resolved::at_each_status)
        .map(|v| {
            let code = &v.code;
            let status = v.status;
            let ident = v.ident.to_string();
            let docs = crate::codegen::option(v.docs);
            let reason = &v.reason;
            let headers = v.headers.iter().map(|h| {
                let name = &h.name;
                let always = !matches!(
                    h.value,
                    crate::valid::HeaderValue::Field { optional: true, .. }
                );
                quote!((#name, #always))
            });
            // The body's media type and its example, where it is known.
            let (media_type, example) = if v.no_body {
                (String::new(), None)
            } else if v.text {
                (TEXT.to_owned(), openapi::message_example(v))
            } else {
                let example = openapi::example(model, v).map(|json| json.to_text());
                (model.media_type().to_owned(), example)
            };
            let example = crate::codegen::option(example);
            quote! {
                #private::VariantDoc {
                    code: #code,
                    status: #status,
                    reason: #reason,
                    ident: #ident,
                    docs: #docs,
                    headers: &[#(#headers),*],
                    media_type: #media_type,
                    example: #example,
                }
            }
        });
    let wrapped = model.transparent.iter().map(|t| {
        let ty = t.ty;
        quote!(::core::iter::Extend::extend(&mut __variants, <#ty as ::httperror::HttpError>::variants());)
    });
    quote! {
        fn variants() -> ::std::vec::Vec<#private::VariantDoc> {
            // Static data: nothing per variant for the compiler to build.
            const __OWN: &[#private::VariantDoc] = &[#(#own),*];
            #[allow(unused_mut)]
            let mut __variants = <[#private::VariantDoc]>::to_vec(__OWN);
            #(#wrapped)*
            __variants
        }
    }
}
