//! Bounds for generic types: `T: Serialize` only where a payload field's
//! type uses a type parameter, `T: Display` (or the trait its spec needs)
//! only where a `#[message]` argument does (thiserror's approach).

use std::collections::BTreeSet;

use proc_macro2::{TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::WhereClause;

use crate::valid::Model;

pub fn where_clause(model: &Model) -> Option<WhereClause> {
    let generics = &model.input.generics;
    let params: BTreeSet<String> = generics
        .type_params()
        .map(|p| p.ident.to_string())
        .collect();
    let mut clause = generics.where_clause.clone();
    if params.is_empty() {
        return clause;
    }
    let mut predicates: Vec<TokenStream> = Vec::new();
    let mut push = |predicate: TokenStream| {
        let text = predicate.to_string();
        if !predicates.iter().any(|p| p.to_string() == text) {
            predicates.push(predicate);
        }
    };
    // The impl is for the type as the user bounded its `Error` impl.
    push(quote!(Self: ::std::error::Error));
    for variant in model
        .variants
        .iter()
        .flat_map(crate::valid::Resolved::at_each_status)
    {
        for field in &variant.payload {
            let ty = field.value_ty;
            if mentions(ty.to_token_stream(), &params) {
                push(quote!(#ty: ::httperror::__private::serde::Serialize));
            }
        }
        for header in &variant.headers {
            if let crate::valid::HeaderValue::Field { value_ty: ty, .. } = &header.value
                && mentions(ty.to_token_stream(), &params)
            {
                push(quote!(#ty: ::core::fmt::Display));
            }
        }
        // Templates over fields: the message's, and those of members.
        let message = match &variant.message {
            crate::valid::Message::Template { args, .. } => args.as_slice(),
            _ => &[],
        };
        let members = variant.head.iter().filter_map(|(_, head)| match head {
            crate::valid::Head::Text { args, .. } => Some(args.as_slice()),
            _ => None,
        });
        for arg in std::iter::once(message).chain(members).flatten() {
            if mentions(arg.ty.to_token_stream(), &params) {
                let ty = arg.ty;
                let fmt_trait =
                    syn::Ident::new(arg.fmt_trait.name(), proc_macro2::Span::call_site());
                push(quote!(#ty: ::core::fmt::#fmt_trait));
            }
        }
    }
    for t in &model.transparent {
        let ty = t.ty;
        if mentions(ty.to_token_stream(), &params) {
            push(quote!(#ty: ::httperror::HttpError));
        }
    }
    let clause = clause.get_or_insert_with(|| WhereClause {
        where_token: Default::default(),
        predicates: Default::default(),
    });
    for predicate in predicates {
        // Each predicate is built above from valid syntax.
        if let Ok(predicate) = syn::parse2(predicate) {
            clause.predicates.push(predicate);
        }
    }
    Some(clause.clone())
}

pub fn mentions(tokens: TokenStream, params: &BTreeSet<String>) -> bool {
    tokens.into_iter().any(|tree| match tree {
        TokenTree::Ident(ident) => params.contains(&ident.to_string()),
        TokenTree::Group(group) => mentions(group.stream(), params),
        _ => false,
    })
}

/// Whether `ty` names one of the type's type or const parameters, which
/// an item nested in the impl cannot name.
pub fn uses_generics(generics: &syn::Generics, ty: &syn::Type) -> bool {
    let params: BTreeSet<String> = generics
        .type_params()
        .map(|p| p.ident.to_string())
        .chain(generics.const_params().map(|p| p.ident.to_string()))
        .collect();
    mentions(ty.to_token_stream(), &params)
}
