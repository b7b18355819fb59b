//! The OpenAPI 3.1 Responses Object of a type, assembled at compile time as
//! JSON text. Only the schemas of non-standard payload types are left to
//! the runtime (see `schema.rs`); the runtime parses the text once.

use std::collections::BTreeMap;

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Ident, LitStr};

use crate::json::Json;
use crate::schema::{self, Dynamic, FLATTEN, Schemas};
use crate::template::{Piece, Template};
use crate::valid::{Head, HeaderValue, Message, Model, Resolved};

pub struct Document<'a> {
    pub text: String,
    /// The schemas the runtime fills in, by placeholder index.
    pub dynamic: Vec<Dynamic<'a>>,
}

pub fn responses<'a>(model: &'a Model<'a>) -> Document<'a> {
    let mut schemas = Schemas::default();
    // Each status's variants, and the same variants in the other format
    // of a negotiating type.
    let mut by_status: BTreeMap<u16, (Vec<&Resolved>, Vec<&Resolved>)> = BTreeMap::new();
    for variant in model.variants.iter().flat_map(Resolved::at_each_status) {
        by_status.entry(variant.status).or_default().0.push(variant);
    }
    let other_variants = model.other.iter().flat_map(|other| &other.variants);
    for variant in other_variants.flat_map(Resolved::at_each_status) {
        by_status.entry(variant.status).or_default().1.push(variant);
    }
    let mut responses = Vec::new();
    for (status, (variants, other)) in by_status {
        let mut response = Json::obj([("description", Json::Str(description(&variants)))]);
        let negotiated = !variants[0].no_body && other.iter().any(|v| !v.text);
        if let Some(headers) = headers(&variants, negotiated, &mut schemas) {
            response.set("headers", headers);
        }
        if !variants[0].no_body {
            response.set("content", content(model, &variants, &other, &mut schemas));
        }
        responses.push((status.to_string(), response));
    }
    Document {
        text: Json::Obj(responses).to_text(),
        dynamic: schemas.dynamic,
    }
}

/// One variant: its doc; several: each variant's name and doc; none
/// documented: the reason phrase.
fn description(variants: &[&Resolved]) -> String {
    if variants.iter().all(|v| v.docs.is_none()) {
        return variants[0].reason.clone();
    }
    if let [only] = variants {
        return only.docs.unwrap_or_default().to_owned();
    }
    variants
        .iter()
        .map(|v| match v.docs {
            Some(docs) => format!("**{}**: {docs}", v.ident),
            None => format!("**{}**", v.ident),
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The headers of a status's variants; `vary` where they negotiate.
fn headers<'a>(
    variants: &[&'a Resolved<'a>],
    negotiated: bool,
    schemas: &mut Schemas<'a>,
) -> Option<Json> {
    let mut names: Vec<&str> = Vec::new();
    for header in variants.iter().flat_map(|v| &v.headers) {
        if !names.contains(&header.name.as_str()) {
            names.push(&header.name);
        }
    }
    let vary = (negotiated && !names.contains(&"vary")).then(|| {
        let vary = Json::obj([
            (
                "description",
                Json::str(
                    "`Accept`: the body's format follows the request's `Accept` \
                     (under httperror's request-id layer).",
                ),
            ),
            ("required", Json::Bool(false)),
            ("schema", schema::string()),
            (schema::NEGOTIATED, Json::Bool(true)),
        ]);
        ("vary".to_owned(), vary)
    });
    if names.is_empty() && vary.is_none() {
        return None;
    }
    let mut headers: Vec<(String, Json)> = vary.into_iter().collect();
    for name in names {
        let all: Vec<_> = variants
            .iter()
            .flat_map(|v| v.headers.iter().filter(|h| h.name == name))
            .collect();
        let always = variants.iter().all(|v| {
            v.headers.iter().any(|h| {
                h.name == name && !matches!(h.value, HeaderValue::Field { optional: true, .. })
            })
        });
        let dynamic = all.iter().find_map(|h| match &h.value {
            HeaderValue::Field { value_ty, .. } => Some(*value_ty),
            HeaderValue::Fixed(_) => None,
        });
        let schema = match dynamic {
            Some(ty) => schemas.of(ty),
            None => {
                let mut values: Vec<Json> = Vec::new();
                for h in &all {
                    if let HeaderValue::Fixed(value) = &h.value
                        && !values.contains(&Json::str(value.clone()))
                    {
                        values.push(Json::str(value.clone()));
                    }
                }
                Json::obj([("type", Json::str("string")), ("enum", Json::Arr(values))])
            }
        };
        let mut header = Json::Obj(Vec::new());
        if let Some(docs) = all.iter().find_map(|h| h.docs) {
            header.set("description", Json::str(docs));
        }
        header.set("required", Json::Bool(always));
        header.set("schema", schema);
        headers.push((name.to_owned(), header));
    }
    Some(Json::Obj(headers))
}

/// The media types a status answers with: the type's JSON format for its
/// JSON variants, `text/plain` for its text ones; for a negotiating type,
/// its other JSON format and an HTML page too.
fn content<'a>(
    model: &'a Model<'a>,
    variants: &[&'a Resolved<'a>],
    other: &[&'a Resolved<'a>],
    schemas: &mut Schemas<'a>,
) -> Json {
    let (text, json): (Vec<&Resolved>, Vec<&Resolved>) = variants.iter().partition(|v| v.text);
    let mut content = Vec::new();
    if !json.is_empty() {
        content.push(json_content(model, &json, schemas));
    }
    let other_json: Vec<&Resolved> = other.iter().copied().filter(|v| !v.text).collect();
    if let (Some(other), false) = (&model.other, other_json.is_empty()) {
        let (media_type, mut media) = json_content(other, &other_json, schemas);
        media.set(schema::NEGOTIATED, Json::Bool(true));
        content.push((media_type, media));
        let mut html = html_media(&json);
        html.set(schema::NEGOTIATED, Json::Bool(true));
        content.push(("text/html".to_owned(), html));
    }
    if !text.is_empty() {
        content.push(("text/plain".to_owned(), text_media(&text)));
    }
    Json::Obj(content)
}

/// An HTML page: a string; examples, the default page, where the message
/// is known (the runtime renders them, from `[status, code, message]`).
fn html_media(variants: &[&Resolved]) -> Json {
    string_media(variants, |v, message| {
        let page = Json::Arr(vec![
            Json::num(v.status),
            Json::str(v.code.clone()),
            Json::Str(message),
        ]);
        (schema::PAGE, page)
    })
}

/// A text/plain body: a string, the message; examples where it is known.
fn text_media(variants: &[&Resolved]) -> Json {
    string_media(variants, |_, message| ("value", Json::Str(message)))
}

/// A string body's media: its schema, and an example per variant whose
/// message is known, named by its code (and its name, where a code
/// repeats), its value the member `value` gives.
fn string_media(
    variants: &[&Resolved],
    value: impl Fn(&Resolved, String) -> (&'static str, Json),
) -> Json {
    let mut media = Json::obj([("schema", schema::string())]);
    let mut examples: Vec<(String, Json)> = Vec::new();
    for v in variants {
        let Some(message) = message_example(v) else {
            continue;
        };
        let mut name = v.code.clone();
        if examples.iter().any(|(n, _)| *n == name) {
            name = format!("{name}_{}", v.ident);
        }
        let summary = Json::str(v.ident.to_string());
        examples.push((name, Json::obj([("summary", summary), value(v, message)])));
    }
    if !examples.is_empty() {
        media.set("examples", Json::Obj(examples));
    }
    media
}

fn json_content<'a>(
    model: &'a Model<'a>,
    variants: &[&'a Resolved<'a>],
    schemas: &mut Schemas<'a>,
) -> (String, Json) {
    let media_type = model.media_type();
    let mut bodies: Vec<Json> = variants
        .iter()
        .map(|v| variant_schema(model, v, schemas))
        .collect();
    // A code shared on purpose cannot tell its variants apart.
    let distinct_codes = variants
        .iter()
        .enumerate()
        .all(|(i, v)| variants[..i].iter().all(|w| w.code != v.code));
    let schema = if bodies.len() == 1 {
        bodies.remove(0)
    } else if let Some(code_key) = &model.code_key
        && distinct_codes
    {
        Json::obj([
            ("oneOf", Json::Arr(bodies)),
            (
                "discriminator",
                Json::obj([("propertyName", Json::str(code_key.clone()))]),
            ),
        ])
    } else {
        // Without the code key, or with a shared code, two variants'
        // bodies may look alike.
        Json::obj([("anyOf", Json::Arr(bodies))])
    };
    let mut media = Json::obj([("schema", enveloped(model, schema))]);
    let mut examples = Vec::new();
    for v in variants {
        if let Some(value) = example(model, v) {
            let mut name = v.code.clone();
            if examples.iter().any(|(n, _): &(String, Json)| *n == name) {
                name = format!("{name}_{}", v.ident);
            }
            let summary = Json::str(v.ident.to_string());
            examples.push((name, Json::obj([("summary", summary), ("value", value)])));
        }
    }
    if !examples.is_empty() {
        media.set("examples", Json::Obj(examples));
    }
    (media_type.to_owned(), media)
}

fn variant_schema<'a>(
    model: &'a Model<'a>,
    v: &'a Resolved<'a>,
    schemas: &mut Schemas<'a>,
) -> Json {
    let mut properties: Vec<(String, Json)> = Vec::new();
    let mut required: Vec<Json> = Vec::new();
    let mut property = |key: &str, schema: Json, is_required: bool| {
        properties.push((key.to_owned(), schema));
        if is_required {
            required.push(Json::str(key));
        }
    };
    for (key, head) in &v.head {
        let schema = match head {
            Head::Message | Head::Text { .. } => schema::string(),
            Head::With(call) => schemas.returned(crate::body::unevaluated_call(call)),
            Head::Value(value) => {
                let mut schema = constant(value);
                if model.problem && key == "type" {
                    schema.set("format", Json::str("uri-reference"));
                }
                schema
            }
        };
        property(key, schema, true);
    }
    let mut flattened = Vec::new();
    for field in &v.payload {
        let mut schema = schemas.of(field.value_ty);
        let Some(key) = &field.key else {
            flattened.push(schema);
            continue;
        };
        if field.optional {
            schema = schema::nullable(schema);
        }
        if let Some(docs) = field.docs {
            schema.set("description", Json::str(docs));
        }
        property(key, schema, !field.optional);
    }
    let mut schema = Json::obj([
        ("title", Json::str(v.ident.to_string())),
        ("type", Json::str("object")),
        ("properties", Json::Obj(properties)),
        ("required", Json::Arr(required)),
    ]);
    if !flattened.is_empty() {
        schema.set(FLATTEN, Json::Arr(flattened));
    }
    schema
}

/// The schema of a value fixed at compile time: its JSON type and the one
/// value, as a one-item `enum` (JSON Schema's `const` means the same, but
/// utoipa's schema model has no `const` and would drop it).
fn constant(value: &Json) -> Json {
    let json_type = match value {
        Json::Null => "null",
        Json::Bool(_) => "boolean",
        Json::Num(n) if n.contains(['.', 'e', 'E']) => "number",
        Json::Num(_) => "integer",
        Json::Str(_) => "string",
        Json::Arr(_) => "array",
        Json::Obj(_) => "object",
    };
    let mut schema = Json::obj([("type", Json::str(json_type))]);
    if !matches!(value, Json::Null) {
        schema.set("enum", Json::Arr(vec![value.clone()]));
    }
    schema
}

/// The body's schema inside the type's envelope, if it has one.
fn enveloped(model: &Model, schema: Json) -> Json {
    let Some(envelope) = &model.envelope else {
        return schema;
    };
    let inner = if envelope.array {
        Json::obj([
            ("type", Json::str("array")),
            ("items", schema),
            ("minItems", Json::num(1)),
            ("maxItems", Json::num(1)),
        ])
    } else {
        schema
    };
    Json::obj([
        ("type", Json::str("object")),
        ("properties", Json::Obj(vec![(envelope.key.clone(), inner)])),
        ("required", Json::Arr(vec![Json::str(envelope.key.clone())])),
    ])
}

/// A template with each `{field}` replaced by the field's example; `None`
/// where a field has none or a format spec would change it.
fn render(v: &Resolved, template: &Template) -> Option<String> {
    let mut text = String::new();
    for piece in &template.pieces {
        match piece {
            Piece::Text(t) => text.push_str(t),
            Piece::Arg { field, spec } => {
                if !spec.is_empty() {
                    return None;
                }
                let payload = v.payload.iter().find(|p| field.names(&p.member))?;
                match payload.example? {
                    Json::Str(s) => text.push_str(s),
                    Json::Num(n) => text.push_str(n),
                    Json::Bool(b) => text.push_str(if *b { "true" } else { "false" }),
                    Json::Null | Json::Arr(_) | Json::Obj(_) => return None,
                }
            }
        }
    }
    Some(text)
}

/// The body, where it is known at compile time: a static message (or a
/// template over fields with examples), every payload field with an
/// example (an `Option` without one is left out, as `None` would be).
/// The public message, where it is known at compile time.
pub fn message_example(v: &Resolved) -> Option<String> {
    match &v.message {
        Message::Static(text) => Some(text.clone()),
        _ if v.message_example.is_some() => v.message_example.map(LitStr::value),
        Message::Template { template, .. } => render(v, template),
        Message::Display { .. } => render(v, v.display?),
        Message::With(_) => None,
    }
}

pub fn example(model: &Model, v: &Resolved) -> Option<Json> {
    let mut body: Vec<(String, Json)> = Vec::new();
    for (key, head) in &v.head {
        let value = match head {
            Head::Message => Json::Str(message_example(v)?),
            Head::Value(value) => value.clone(),
            Head::Text { template, .. } => Json::Str(render(v, template)?),
            Head::With(_) => return None,
        };
        body.push((key.clone(), value));
    }
    for field in &v.payload {
        let key = field.key.as_ref()?;
        match field.example {
            Some(example) => body.push((key.clone(), example.clone())),
            None if field.optional => {}
            None => return None,
        }
    }
    let body = Json::Obj(body);
    Some(match &model.envelope {
        None => body,
        Some(envelope) if envelope.array => {
            Json::Obj(vec![(envelope.key.clone(), Json::Arr(vec![body]))])
        }
        Some(envelope) => Json::Obj(vec![(envelope.key.clone(), body)]),
    })
}

/// `openapi_responses()`: the document's text from the macro, parsed once
/// (per type; a generic type's schemas depend on its parameters, so it is
/// assembled on each call).
pub(crate) fn openapi_fn(model: &Model) -> TokenStream {
    let document = responses(model);
    let text = LitStr::new(&document.text, Span::call_site());
    let private = quote!(::httperror::__private);
    let schemas = document.dynamic.iter().map(|dynamic| {
        let probe = match dynamic {
            Dynamic::Type(ty) => {
                let ty = static_lifetimes(ty);
                quote!(#private::openapi::Probe::<#ty>::new())
            }
            // The call is never made: its `loop {}` arguments only let the
            // return type be inferred.
            Dynamic::Returned(call) => quote! {
                #private::openapi::returned(
                    #[allow(unreachable_code, clippy::diverging_sub_expression)]
                    || #call
                )
            },
        };
        let local = Ident::new("__probe", Span::mixed_site());
        quote! {
            || {
                use #private::openapi::{
                    Open as _, ViaHttperror as _, ViaSchemars as _, ViaSchemars09 as _,
                    ViaUtoipa as _, ViaUtoipa5 as _,
                };
                let #local = #probe;
                (&&&&&&#local).schema()
            }
        }
    });
    let inner = model.transparent.iter().map(|t| {
        let ty = t.ty;
        quote!(<#ty as ::httperror::HttpError>::openapi_responses())
    });
    let own = quote! {
        let __schemas: &[fn() -> #private::serde_json::Value] = &[#(#schemas),*];
        #private::openapi::assemble(#text, __schemas)
    };
    let assemble = if model.transparent.is_empty() {
        own
    } else {
        quote! {
            #private::openapi::merge({ #own }, ::std::vec![#(#inner),*])
        }
    };
    let generics = &model.input.generics;
    let body =
        if generics.type_params().next().is_none() && generics.const_params().next().is_none() {
            quote! {
                static __RESPONSES: ::std::sync::OnceLock<#private::serde_json::Value> =
                    ::std::sync::OnceLock::new();
                ::core::clone::Clone::clone(__RESPONSES.get_or_init(|| { #assemble }))
            }
        } else {
            assemble
        };
    quote! {
        fn openapi_responses() -> #private::serde_json::Value {
            #body
        }
    }
}

/// The type with every lifetime made `'static`: a schema does not depend on
/// lifetimes, and the cached document lives in a `static`.
pub(crate) fn static_lifetimes(ty: &syn::Type) -> TokenStream {
    fn walk(tokens: TokenStream) -> TokenStream {
        let mut out = Vec::new();
        let mut after_quote = false;
        for tree in tokens {
            match tree {
                proc_macro2::TokenTree::Group(group) => {
                    let mut new = proc_macro2::Group::new(group.delimiter(), walk(group.stream()));
                    new.set_span(group.span());
                    out.push(proc_macro2::TokenTree::Group(new));
                    after_quote = false;
                }
                proc_macro2::TokenTree::Punct(p) if p.as_char() == '\'' => {
                    out.push(proc_macro2::TokenTree::Punct(p));
                    after_quote = true;
                }
                proc_macro2::TokenTree::Ident(ident) if after_quote => {
                    out.push(proc_macro2::TokenTree::Ident(Ident::new(
                        "static",
                        ident.span(),
                    )));
                    after_quote = false;
                }
                other => {
                    out.push(other);
                    after_quote = false;
                }
            }
        }
        out.into_iter().collect()
    }
    walk(quote::ToTokens::to_token_stream(ty))
}
