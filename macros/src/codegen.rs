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
    arms_with(model, arm, delegate, |_| None)
}

fn arms_with(
    model: &Model,
    arm: impl Fn(&Resolved) -> (TokenStream, TokenStream),
    delegate: impl Fn(&Transparent) -> TokenStream,
    outside: impl Fn(&Resolved) -> Option<TokenStream>,
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
        let (bindings, body) = at_chosen_status(v, &arm, outside(v));
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

/// The arms of `status()`: for a variant whose status is chosen at run
/// time, the chosen status where it is in the set, else 500 (which
/// `to_response` logs, through `undeclared_status()`).
pub fn status_arms(
    model: &Model,
    arm: impl Fn(&Resolved) -> (TokenStream, TokenStream),
    delegate: impl Fn(&Transparent) -> TokenStream,
) -> TokenStream {
    arms_with(model, arm, delegate, |_| {
        Some(quote!(
            ::httperror::__private::StatusCode::INTERNAL_SERVER_ERROR
        ))
    })
}

/// The arms of `undeclared_status()`: for a variant whose status is chosen
/// at run time, the status chosen outside its set, if it was.
pub fn undeclared_arms(
    model: &Model,
    delegate: impl Fn(&Transparent) -> TokenStream,
) -> TokenStream {
    let none = quote!(::core::option::Option::None);
    arms_with(
        model,
        |_| (TokenStream::new(), none.clone()),
        delegate,
        |_| {
            let status = status_local();
            Some(quote!(::core::option::Option::Some(#status)))
        },
    )
}

/// `arm` of a variant; for one whose status is chosen at run time, a
/// `match` on the status its code chooses, with `arm` of the variant at
/// each status of the set, the 500 for any other (or `outside`, over the
/// chosen `__status`, where given), and every field bound.
pub fn at_chosen_status(
    v: &Resolved,
    arm: &impl Fn(&Resolved) -> (TokenStream, TokenStream),
    outside: Option<TokenStream>,
) -> (TokenStream, TokenStream) {
    let Some(chosen) = &v.chosen else {
        return arm(v);
    };
    // The variant itself is its view at 500.
    let own = arm(v);
    let others: Vec<(u16, TokenStream)> = chosen
        .views
        .iter()
        .map(|view| (view.status, arm(view).1))
        .collect();
    // What is the same at every status (the code, the headers) needs no
    // call of the code.
    let fallback = own.1.to_string();
    if outside.is_none() && others.iter().all(|(_, body)| body.to_string() == fallback) {
        return own;
    }
    let arms = others
        .into_iter()
        .chain([(v.status, own.1.clone())])
        .map(|(status, body)| quote!(#status => #body,));
    let outside = outside.unwrap_or(own.1);
    let call = crate::body::call_tokens(&chosen.call);
    let status_code = quote_spanned!(chosen.call.path.span()=> ::httperror::__private::StatusCode);
    let status = status_local();
    let body = quote! {{
        let #status: #status_code = #call;
        match #status.as_u16() {
            #(#arms)*
            _ => #outside,
        }
    }};
    // Every field, for whichever arm reads it (`__self_` locals are never
    // reported unused).
    (bind(&chosen.fields), body)
}

/// The local the chosen status is bound to: the macro's own, which no
/// name in the user's scope can shadow.
fn status_local() -> Ident {
    Ident::new("__status", proc_macro2::Span::mixed_site())
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

/// `Some(value)` or `None`, as tokens.
pub fn option<T: quote::ToTokens>(value: Option<T>) -> TokenStream {
    match value {
        Some(value) => quote!(::core::option::Option::Some(#value)),
        None => quote!(::core::option::Option::None),
    }
}

/// The user's own where-clause (or an empty one) with `predicates` added:
/// for the impls whose bounds are not the `HttpError` impl's.
pub fn where_with(
    generics: &syn::Generics,
    predicates: impl IntoIterator<Item = syn::WherePredicate>,
) -> syn::WhereClause {
    let mut clause = generics
        .where_clause
        .clone()
        .unwrap_or_else(|| syn::parse_quote!(where));
    clause.predicates.extend(predicates);
    clause
}
