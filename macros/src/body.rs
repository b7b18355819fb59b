//! The body: its JSON written from static fragments and values, its serde
//! view, and the public message.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Ident, LitByteStr, LitStr, Member};

use crate::codegen::{bind, binding};
use crate::json::{self, Json};
use crate::template::{Piece, Template};
use crate::valid::{Call, Envelope, Head, Message, Model, Payload, Resolved, TemplateArg};

/// `format_args!` over the bound fields, with the template's own span so
/// rustc's complaints about a format spec point at the user's literal.
fn template_format_args(template: &Template, args: &[TemplateArg]) -> TokenStream {
    let mut fmt = String::new();
    let mut arg_iter = args.iter();
    let mut named = Vec::new();
    for piece in &template.pieces {
        match piece {
            Piece::Text(text) => fmt.push_str(&text.replace('{', "{{").replace('}', "}}")),
            Piece::Arg { spec, .. } => {
                let Some(arg) = arg_iter.next() else { continue };
                let local = binding(&arg.member);
                if !named.contains(&local) {
                    named.push(local.clone());
                }
                fmt.push('{');
                fmt.push_str(&local.to_string());
                if !spec.is_empty() {
                    fmt.push(':');
                    fmt.push_str(spec);
                }
                fmt.push('}');
            }
        }
    }
    let lit = LitStr::new(&fmt, template.lit.span());
    let values = named.iter().map(|name| {
        let arg = args.iter().find(|a| binding(&a.member) == *name);
        let mut value = name.clone();
        if let Some(arg) = arg {
            value.set_span(arg.ty.span());
        }
        value
    });
    quote!(::core::format_args!(#lit, #(#named = #values),*))
}

/// The call of named code: with `self`, or with the variant's bound
/// fields, spanned on the path, so a wrong signature is reported there.
pub(crate) fn call_tokens(call: &Call) -> TokenStream {
    let path = call.path;
    // Bound where the pattern binds them, shown at the path.
    let at_path = Span::call_site().located_at(path.span());
    let args: Vec<TokenStream> = match &call.fields {
        None => vec![quote_spanned!(at_path=> self)],
        Some(fields) => fields
            .iter()
            .map(|(member, _)| {
                let mut local = binding(member);
                local.set_span(at_path);
                local.into_token_stream()
            })
            .collect(),
    };
    quote_spanned!(path.span()=> #path(#(#args),*))
}

/// The call of named code with a value of each argument's type that is
/// never made (`loop {}`): its type is what the code returns, for the
/// OpenAPI schema. Spanned as [`call_tokens`]'s, so a wrong signature is
/// one error, not two.
pub(crate) fn unevaluated_call(call: &Call) -> TokenStream {
    let path = call.path;
    let at_path = Span::mixed_site().located_at(path.span());
    let arg = Ident::new("__arg", at_path);
    let args: Vec<TokenStream> = match &call.fields {
        None => vec![quote_spanned!(at_path=> {
            let #arg: &Self = loop {};
            #arg
        })],
        Some(fields) => fields
            .iter()
            .map(|(_, ty)| {
                quote_spanned!(at_path=> {
                    let #arg: &#ty = loop {};
                    #arg
                })
            })
            .collect(),
    };
    quote_spanned!(path.span()=> #path(#(#args),*))
}

/// The message's `format_args!`: a template's, or named code's result
/// displayed; `None` for a message that is `Display` or static.
fn format_args(v: &Resolved) -> Option<TokenStream> {
    match &v.message {
        Message::Template { template, args } => Some(template_format_args(template, args)),
        Message::With(call) => {
            let call = call_tokens(call);
            Some(quote!(::core::format_args!("{}", #call)))
        }
        _ => None,
    }
}

fn template_bindings(v: &Resolved) -> TokenStream {
    match &v.message {
        Message::Template { args, .. } => bind(args.iter().map(|a| &a.member)),
        Message::With(call) => bind(call.members()),
        _ => TokenStream::new(),
    }
}

pub(crate) fn message_expr(v: &Resolved) -> (TokenStream, TokenStream) {
    let body = match &v.message {
        Message::Static(text) => quote!(::std::borrow::Cow::Borrowed(#text)),
        Message::Template { .. } | Message::With(_) => {
            let args = format_args(v);
            quote!(::std::borrow::Cow::Owned(::httperror::__private::format_message(#args)))
        }
        Message::Display { .. } => quote! {
            ::std::borrow::Cow::Owned(::httperror::__private::format_message(
                ::core::format_args!("{}", self),
            ))
        },
    };
    (template_bindings(v), body)
}

pub(crate) fn serialize_body(model: &Model, v: &Resolved) -> (TokenStream, TokenStream) {
    let serde = quote!(::httperror::__private::serde);
    if v.no_body {
        return (
            TokenStream::new(),
            quote! {
                #serde::ser::SerializeMap::end(
                    #serde::Serializer::serialize_map(__serializer, ::core::option::Option::Some(0))?,
                )
            },
        );
    }
    let Some(envelope) = model.envelope.as_ref().filter(|_| !v.text) else {
        return serialize_members(v);
    };
    let key = &envelope.key;
    let members = if envelope.array {
        quote!(&[::httperror::__private::Members(self)])
    } else {
        quote!(&::httperror::__private::Members(self))
    };
    let body = quote! {{
        let mut __map = #serde::Serializer::serialize_map(
            __serializer,
            ::core::option::Option::Some(1),
        )?;
        #serde::ser::SerializeMap::serialize_entry(&mut __map, #key, #members)?;
        #serde::ser::SerializeMap::end(__map)
    }};
    (TokenStream::new(), body)
}

/// The members of a body, inside its envelope where it has one, as a map
/// written to `__serializer`.
pub(crate) fn serialize_members(v: &Resolved) -> (TokenStream, TokenStream) {
    let serde = quote!(::httperror::__private::serde);
    if v.text {
        let body = quote! {
            #serde::Serializer::serialize_str(
                __serializer,
                &::httperror::HttpError::message(self),
            )
        };
        return (TokenStream::new(), body);
    }
    let mut entries: Vec<TokenStream> = v
        .head
        .iter()
        .map(|(key, head)| {
            let value = match head {
                Head::Message => quote!(&*::httperror::HttpError::message(self)),
                Head::Value(value) => value_tokens(value),
                Head::Text { template, args } => {
                    let args = template_format_args(template, args);
                    quote!(&::httperror::__private::format_message(#args))
                }
                Head::With(call) => {
                    let call = call_tokens(call);
                    quote!(&#call)
                }
            };
            quote! {
                #serde::ser::SerializeMap::serialize_entry(&mut __map, #key, #value)?;
            }
        })
        .collect();
    if v.no_body {
        entries.clear();
    }
    let known_len = v
        .payload
        .iter()
        .all(|field| !field.optional && field.key.is_some());
    let len = if known_len {
        let n = entries.len() + v.payload.len();
        quote!(::core::option::Option::Some(#n))
    } else {
        quote!(::core::option::Option::None)
    };
    let payload = (!v.payload.is_empty())
        .then(|| quote!(::httperror::HttpError::serialize_payload(self, &mut __map)?;));
    let body = quote! {{
        let mut __map = #serde::Serializer::serialize_map(__serializer, #len)?;
        #(#entries)*
        #payload
        #serde::ser::SerializeMap::end(__map)
    }};
    (bind(head_members(v)), body)
}

/// A value known at compile time as an expression serde writes as that
/// JSON: numbers with the suffix of the type that holds them.
fn value_tokens(value: &Json) -> TokenStream {
    match value {
        Json::Null => quote!(&()),
        Json::Bool(b) => quote!(&#b),
        Json::Str(s) => quote!(#s),
        Json::Num(text) => {
            // Canonical already (`attr::parse_literal`): an integer is an
            // `i64` or a `u64`, anything else a finite `f64`.
            let (sign, digits) = match text.strip_prefix('-') {
                Some(digits) => (quote!(-), digits),
                None => (TokenStream::new(), text.as_str()),
            };
            let literal = if let Ok(n) = digits.parse::<i64>() {
                Literal::i64_suffixed(n)
            } else if let (true, Ok(n)) = (sign.is_empty(), digits.parse::<u64>()) {
                Literal::u64_suffixed(n)
            } else {
                match digits.parse::<f64>() {
                    Ok(n) if n.is_finite() => Literal::f64_suffixed(n),
                    _ => return quote!(::core::compile_error!("a number beyond f64")),
                }
            };
            quote!(&#sign #literal)
        }
        // `#[member]` takes no arrays or objects.
        Json::Arr(_) | Json::Obj(_) => {
            quote!(::core::compile_error!("an array or object member"))
        }
    }
}

/// `serialize_payload`'s arm: the payload fields as entries of `__map`,
/// flattened ones leaving out the names the body already has.
pub(crate) fn serialize_payload(v: &Resolved) -> (TokenStream, TokenStream) {
    let serde = quote!(::httperror::__private::serde);
    let (flattened, finish) = flattened_members(v);
    let entries = v.payload.iter().map(|field| {
        let local = binding(&field.member);
        let value = spanned_value(field, &local);
        let write = match &field.key {
            Some(key) => quote_spanned! {field.ty.span()=>
                #serde::ser::SerializeMap::serialize_entry(__map, #key, #value)?;
            },
            None => quote_spanned! {field.ty.span()=>
                ::httperror::__private::serialize_flattened(__map, #value, &mut __flattened)?;
            },
        };
        if field.optional {
            quote!(if let ::core::option::Option::Some(__value) = #local { #write })
        } else {
            write
        }
    });
    let bindings = bind(v.payload.iter().map(|p| &p.member));
    let body = quote! {{
        #flattened
        #(#entries)*
        #finish
        ::core::result::Result::Ok(())
    }};
    (bindings, body)
}

/// The body of a plain 500, in this type's shape, for a payload that
/// fails to serialize.
pub(crate) fn internal_error_body(model: &Model) -> String {
    if model.text {
        return String::from_utf8_lossy(crate::expand::TEXT_INTERNAL_ERROR).into_owned();
    }
    object_text(model.envelope.as_ref(), &model.internal_error)
}

/// A body of members known at compile time, in its envelope; the
/// runtime's plain 500 is `{"message":"Internal Server Error"}`
/// (`crate::rules`).
pub(crate) fn object_text(envelope: Option<&Envelope>, members: &[(String, Json)]) -> String {
    let (open, close) = Envelope::text(envelope);
    let mut text = open;
    for (i, (key, value)) in members.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&json::string(key));
        text.push(':');
        value.write(&mut text);
    }
    text.push_str(close);
    text
}

/// The value a payload write reads, spanned on the field's type so that
/// "`T: Serialize` is not satisfied" points at the field.
fn spanned_value(field: &Payload, local: &Ident) -> Ident {
    let mut value = if field.optional {
        format_ident!("__value")
    } else {
        local.clone()
    };
    value.set_span(field.ty.span());
    value
}

/// A body as a sequence of static JSON text and code that writes values.
enum Segment {
    Static(String),
    Code(TokenStream),
}

/// `context`: with the members a request-id layer adds where one is
/// active (`instance` after a problem's head, the id member at the end of
/// any other object), written at run time only under the layer.
fn segments(model: &Model, v: &Resolved, context: bool) -> Vec<Segment> {
    if v.text {
        return text_segments(v);
    }
    let mut segments = Vec::new();
    let (open, close) = Envelope::text(model.envelope.as_ref());
    let mut text = open.clone();
    for (i, (key, head)) in v.head.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&json::string(key));
        text.push(':');
        match head {
            Head::Value(value) => value.write(&mut text),
            Head::Message => message_segments(v, &mut text, &mut segments),
            Head::Text { template, args } => {
                text.push('"');
                string_segments(template, args, &mut text, &mut segments);
                text.push('"');
            }
            Head::With(call) => {
                segments.push(Segment::Static(std::mem::take(&mut text)));
                let call = call_tokens(call);
                let value = Ident::new("__value", Span::mixed_site());
                segments.push(Segment::Code(quote! {
                    {
                        let #value = #call;
                        #[allow(unused_imports)]
                        use ::httperror::__private::{ValueViaJson as _, ValueViaSerde as _};
                        (&&::httperror::__private::Direct(&#value)).write_value(__out)?;
                    }
                }));
            }
        }
    }
    let mut id_member = None;
    if context && model.problem {
        segments.push(Segment::Static(std::mem::take(&mut text)));
        segments.push(Segment::Code(quote! {
            if ::httperror::__private::context_active() {
                ::httperror::__private::write_instance_member(__out);
            }
        }));
    } else if context {
        // The body's own members win over the id's; an optional one where
        // it is written.
        let head = v.head.iter().map(|(key, _)| quote!(#key));
        let payload = v.payload.iter().filter_map(|field| {
            let key = field.key.as_deref()?;
            Some(if field.optional {
                let local = binding(&field.member);
                quote!(if ::core::option::Option::is_some(#local) { #key } else { "" })
            } else {
                quote!(#key)
            })
        });
        let keys = head.chain(payload);
        id_member = Some(quote! {
            if ::httperror::__private::context_active() {
                ::httperror::__private::write_id_member(__out, &[#(#keys),*]);
            }
        });
    }
    payload_segments(v, text, close, open.len(), segments, id_member)
}

/// A text/plain body: the message as it is, no JSON.
fn text_segments(v: &Resolved) -> Vec<Segment> {
    if let Message::Static(text) = &v.message {
        return vec![Segment::Static(text.clone())];
    }
    let args = format_args(v).unwrap_or_else(|| quote!(::core::format_args!("{}", self)));
    vec![Segment::Code(quote! {
        ::httperror::__private::write_text(__out, #args)?;
    })]
}

/// The public message as a JSON string: static text where it is known,
/// else pieces written at run time.
fn message_segments(v: &Resolved, text: &mut String, segments: &mut Vec<Segment>) {
    if let Message::Static(message) = &v.message {
        text.push_str(&json::string(message));
        return;
    }
    text.push('"');
    if let Some((template, args)) = compiled_message(v) {
        string_segments(template, args, text, segments);
    } else {
        segments.push(Segment::Static(std::mem::take(text)));
        let args = format_args(v).unwrap_or_else(|| quote!(::core::format_args!("{}", self)));
        segments.push(Segment::Code(quote! {
            ::httperror::__private::write_fmt(__out, #args)?;
        }));
    }
    text.push('"');
}

/// The inside of a JSON string from a template: each literal piece escaped
/// here; each value written as it is where every argument is an integer or
/// a string without a format spec (no formatter at run time), else through
/// the template's `format_args!`.
fn string_segments(
    template: &Template,
    args: &[TemplateArg],
    text: &mut String,
    segments: &mut Vec<Segment>,
) {
    if !written_directly(args) {
        segments.push(Segment::Static(std::mem::take(text)));
        let args = template_format_args(template, args);
        segments.push(Segment::Code(quote! {
            ::httperror::__private::write_fmt(__out, #args)?;
        }));
        return;
    }
    let mut args = args.iter();
    for piece in &template.pieces {
        match piece {
            Piece::Text(t) => json::escape_into(text, t),
            Piece::Arg { .. } => {
                let Some(arg) = args.next() else { continue };
                segments.push(Segment::Static(std::mem::take(text)));
                let mut value = binding(&arg.member);
                value.set_span(arg.ty.span());
                segments.push(Segment::Code(quote! {
                    {
                        #[allow(unused_imports)]
                        use ::httperror::__private::{TextViaDisplay as _, TextViaJson as _};
                        (&&::httperror::__private::Direct(#value)).write_text(__out)?;
                    }
                }));
            }
        }
    }
}

/// The payload's members after the head, and the body's end. Without a
/// head, the first member written may be one whose presence is known only
/// at run time: each then writes its comma, and the one after the opening
/// brace is dropped at the end.
fn payload_segments(
    v: &Resolved,
    mut text: String,
    close: &str,
    open_len: usize,
    mut segments: Vec<Segment>,
    id_member: Option<TokenStream>,
) -> Vec<Segment> {
    // Whether a member is surely written before: then each needs a comma.
    let mut after_member = !v.head.is_empty();
    let mut drop_comma = false;
    let (flattened, finish) = flattened_members(v);
    if !flattened.is_empty() {
        segments.push(Segment::Static(std::mem::take(&mut text)));
        segments.push(Segment::Code(flattened));
    }
    for field in &v.payload {
        let local = binding(&field.member);
        let value = spanned_value(field, &local);
        let comma = if after_member || drop_comma || field.optional {
            ","
        } else {
            ""
        };
        let (prefix, write) = match &field.key {
            Some(key) if direct_json(field.value_ty) => (
                format!("{}{}:", comma, json::string(key)),
                quote_spanned! {field.ty.span()=>
                    {
                        #[allow(unused_imports)]
                        use ::httperror::__private::{ValueViaJson as _, ValueViaSerde as _};
                        (&&::httperror::__private::Direct(#value)).write_value(__out)?;
                    }
                },
            ),
            Some(key) => (
                format!("{}{}:", comma, json::string(key)),
                quote_spanned! {field.ty.span()=>
                    ::httperror::__private::write_value(__out, #value)?;
                },
            ),
            None => (
                String::new(),
                quote_spanned! {field.ty.span()=>
                    ::httperror::__private::write_flattened(__out, #value, &mut __flattened)?;
                },
            ),
        };
        if !after_member && (field.optional || field.key.is_none()) {
            drop_comma = true;
        }
        after_member |= !field.optional && field.key.is_some();
        if field.optional {
            segments.push(Segment::Static(std::mem::take(&mut text)));
            let prefix = byte_str(&prefix);
            segments.push(Segment::Code(quote! {
                if let ::core::option::Option::Some(__value) = #local {
                    __out.extend_from_slice(#prefix);
                    #write
                }
            }));
        } else {
            text.push_str(&prefix);
            segments.push(Segment::Static(std::mem::take(&mut text)));
            segments.push(Segment::Code(write));
        }
    }
    if !finish.is_empty() {
        segments.push(Segment::Static(std::mem::take(&mut text)));
        segments.push(Segment::Code(finish));
    }
    if drop_comma {
        segments.insert(
            0,
            Segment::Code(quote!(let __first = __out.len() + #open_len;)),
        );
        segments.push(Segment::Static(std::mem::take(&mut text)));
        segments.push(Segment::Code(quote! {
            ::httperror::__private::drop_leading_comma(__out, __first);
        }));
    }
    if let Some(id_member) = id_member {
        segments.push(Segment::Static(std::mem::take(&mut text)));
        segments.push(Segment::Code(id_member));
    }
    text.push_str(close);
    segments.push(Segment::Static(text));
    segments.retain(|s| !matches!(s, Segment::Static(t) if t.is_empty()));
    segments
}

/// For a variant with a flattened payload: the statement that starts
/// tracking the body's member names (`__flattened`, which each flattened
/// write reads), and the one that reports what was left out. Nothing for
/// other variants, which pay nothing.
fn flattened_members(v: &Resolved) -> (TokenStream, TokenStream) {
    if v.reserved.is_empty() {
        return (TokenStream::new(), TokenStream::new());
    }
    let reserved = &v.reserved;
    let code = &v.code;
    (
        quote! {
            let mut __flattened = ::httperror::__private::Flattened::new(&[#(#reserved),*]);
        },
        quote!(__flattened.finish(#code);),
    )
}

/// A message template whose every argument is an integer or a string
/// with no format spec: its text is the same written piece by piece.
/// thiserror's literal qualifies only so; other types may be displayed by
/// thiserror in its own way (a `Path`, say).
fn compiled_message<'a>(
    v: &'a Resolved<'a>,
) -> Option<(
    &'a crate::template::Template,
    &'a [crate::valid::TemplateArg<'a>],
)> {
    let (template, args) = match &v.message {
        Message::Template { template, args } => (*template, args.as_slice()),
        Message::Display {
            thiserror: Some((template, args)),
        } => (*template, args.as_slice()),
        _ => return None,
    };
    written_directly(args).then_some((template, args))
}

/// Whether a template's every argument is an integer or a string with no
/// format spec, which the body writes without a formatter.
fn written_directly(args: &[TemplateArg]) -> bool {
    args.iter()
        .all(|arg| arg.spec.is_empty() && direct_json(arg.ty))
}

fn byte_str(text: &str) -> LitByteStr {
    LitByteStr::new(text.as_bytes(), Span::call_site())
}

fn body_bindings(v: &Resolved) -> TokenStream {
    if v.text {
        return template_bindings(v);
    }
    let mut members: Vec<&Member> = match (&v.message, compiled_message(v)) {
        (_, Some((_, args))) => args.iter().map(|a| &a.member).collect(),
        (Message::Template { args, .. }, None) => args.iter().map(|a| &a.member).collect(),
        (Message::With(call), None) => call.members().collect(),
        _ => Vec::new(),
    };
    members.extend(head_members(v));
    members.extend(v.payload.iter().map(|p| &p.member));
    bind(members)
}

/// The fields the head's computed members read.
fn head_members<'v>(v: &'v Resolved) -> impl Iterator<Item = &'v Member> {
    v.head
        .iter()
        .flat_map(|(_, head)| -> Box<dyn Iterator<Item = &'v Member> + 'v> {
            match head {
                Head::Text { args, .. } => Box::new(args.iter().map(|a| &a.member)),
                Head::With(call) => Box::new(call.members()),
                Head::Message | Head::Value(_) => Box::new(std::iter::empty()),
            }
        })
}

pub(crate) fn write_json(model: &Model, v: &Resolved) -> (TokenStream, TokenStream) {
    if v.no_body {
        return (TokenStream::new(), quote!(::core::result::Result::Ok(())));
    }
    let statements = segments(model, v, true)
        .into_iter()
        .map(|segment| match segment {
            Segment::Static(text) => {
                let bytes = byte_str(&text);
                quote!(__out.extend_from_slice(#bytes);)
            }
            Segment::Code(code) => code,
        });
    (
        body_bindings(v),
        quote!({
            #(#statements)*
            ::core::result::Result::Ok(())
        }),
    )
}

pub(crate) fn json_body(model: &Model, v: &Resolved) -> (TokenStream, TokenStream) {
    if v.no_body {
        return (
            TokenStream::new(),
            quote!(::core::result::Result::Ok(
                ::httperror::__private::Bytes::new()
            )),
        );
    }
    let segments = segments(model, v, false);
    if let [Segment::Static(text)] = segments.as_slice() {
        let bytes = byte_str(text);
        // Static, unless a request-id layer adds the request's members.
        return (
            TokenStream::new(),
            quote! {
                if ::httperror::__private::context_active() {
                    ::httperror::__private::written_json_body(self)
                } else {
                    ::core::result::Result::Ok(::httperror::__private::Bytes::from_static(#bytes))
                }
            },
        );
    }
    let body = quote! {
        ::httperror::__private::written_json_body(self)
    };
    (TokenStream::new(), body)
}

/// Integers and strings, which `__private::JsonValue` writes without
/// serde's serializer: known by their syntax, through references and
/// smart pointers.
fn direct_json(ty: &syn::Type) -> bool {
    match crate::valid::ungroup(ty) {
        syn::Type::Reference(r) => direct_json(&r.elem),
        syn::Type::Paren(p) => direct_json(&p.elem),
        syn::Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else {
                return false;
            };
            let name = last.ident.to_string();
            match &last.arguments {
                syn::PathArguments::None => matches!(
                    name.as_str(),
                    "u8" | "u16"
                        | "u32"
                        | "u64"
                        | "u128"
                        | "usize"
                        | "i8"
                        | "i16"
                        | "i32"
                        | "i64"
                        | "i128"
                        | "isize"
                        | "str"
                        | "String"
                ),
                syn::PathArguments::AngleBracketed(args) => {
                    let types: Vec<&syn::Type> = args
                        .args
                        .iter()
                        .filter_map(|a| match a {
                            syn::GenericArgument::Type(t) => Some(t),
                            _ => None,
                        })
                        .collect();
                    match (name.as_str(), types.as_slice()) {
                        ("Cow", [inner]) => {
                            matches!(inner, syn::Type::Path(p) if p.path.is_ident("str"))
                        }
                        ("Box" | "Rc" | "Arc", [inner]) => direct_json(inner),
                        _ => false,
                    }
                }
                syn::PathArguments::Parenthesized(_) => false,
            }
        }
        _ => false,
    }
}
