//! Code-generation helpers every generator shares: the `match self` over
//! the variants, and the locals fields are bound to.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Ident, Member};

use crate::valid::{Model, Resolved, Transparent};

/// A `match self` with one arm per variant; `arm` gives the fields an own
/// variant's arm binds and its expression, `delegate` the expression of a
/// transparent variant's arm, over its field bound as `__inner`.
pub fn arms(
    model: &Model,
    arm: impl Fn(&Resolved) -> (TokenStream, TokenStream),
    delegate: impl Fn(&Transparent) -> TokenStream,
) -> TokenStream {
    if model.variants.is_empty() && model.transparent.is_empty() {
        return quote!(match *self {});
    }
    let path = |ident: &Ident| {
        if model.is_enum {
            quote!(Self::#ident)
        } else {
            quote!(Self)
        }
    };
    let own = model.variants.iter().map(|v| {
        let (bindings, body) = arm(v);
        let path = path(v.ident);
        quote!(#path { #bindings .. } => #body,)
    });
    let transparent = model.transparent.iter().map(|t| {
        let path = path(t.ident);
        let member = &t.member;
        let body = delegate(t);
        quote!(#path { #member: __inner, .. } => #body,)
    });
    quote! {
        match self {
            #(#own)*
            #(#transparent)*
        }
    }
}

/// A transparent arm that calls `HttpError::method(__inner, args..)`,
/// spanned on the field's type, so a type that is not an `HttpError` is
/// the one pointed at.
pub fn delegate(method: &str, args: TokenStream) -> impl Fn(&Transparent) -> TokenStream {
    let method = Ident::new(method, proc_macro2::Span::call_site());
    move |t| {
        let ty = t.ty;
        // Resolved where the pattern binds it, shown at the type.
        let inner = Ident::new(
            "__inner",
            proc_macro2::Span::call_site().located_at(ty.span()),
        );
        quote_spanned! {ty.span()=>
            <#ty as ::httperror::HttpError>::#method(#inner, #args)
        }
    }
}

/// The local a field is bound to: `__self_used`, `__self_0`.
pub fn binding(member: &Member) -> Ident {
    match member {
        Member::Named(ident) => {
            let name = ident.to_string();
            format_ident!("__self_{}", name.strip_prefix("r#").unwrap_or(&name))
        }
        Member::Unnamed(index) => format_ident!("__self_{}", index.index),
    }
}

pub fn bind<'m>(members: impl IntoIterator<Item = &'m Member>) -> TokenStream {
    let mut seen = BTreeSet::new();
    members
        .into_iter()
        .filter(|member| seen.insert(binding(member)))
        .map(|member| {
            let local = binding(member);
            quote!(#member: #local,)
        })
        .collect()
}
