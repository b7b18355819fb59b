//! Code-generation helpers every generator shares: the `match self` over
//! the variants, and the locals fields are bound to.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{Ident, Member};

use crate::valid::{Model, Resolved};

/// A `match self` with one arm per variant; `arm` gives the fields the arm
/// binds and its expression.
pub fn arms(model: &Model, arm: impl Fn(&Resolved) -> (TokenStream, TokenStream)) -> TokenStream {
    if model.variants.is_empty() {
        return quote!(match *self {});
    }
    let arms = model.variants.iter().map(|v| {
        let (bindings, body) = arm(v);
        let path = if model.is_enum {
            let variant = v.ident;
            quote!(Self::#variant)
        } else {
            quote!(Self)
        };
        quote!(#path { #bindings .. } => #body,)
    });
    quote! {
        match self {
            #(#arms)*
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
