//! Run-time half of `openapi_responses()`: parsing the document the macro
//! wrote, and the schemas of payload types the macro cannot know from their
//! syntax.

use std::marker::PhantomData;

use serde_json::{Map, Value};

use crate::rules::{
    FLATTEN_PLACEHOLDER as FLATTEN, NEGOTIATED_PLACEHOLDER as NEGOTIATED, PAGE_PLACEHOLDER as PAGE,
    SCHEMA_PLACEHOLDER as PLACEHOLDER,
};

/// Parses the document and fills in the schemas the macro left open.
pub fn assemble(text: &str, schemas: &[fn() -> Value]) -> Value {
    // The text is the macro's own JSON; an empty document if it were not.
    let mut document: Value =
        serde_json::from_str(text).unwrap_or_else(|_| Value::Object(Map::new()));
    resolve(&mut document, schemas);
    document
}

/// The Responses Object of a type with transparent variants: its own,
/// merged per status with those of the errors it wraps. At a status that
/// several answer, every variant is kept: descriptions joined, each media
/// type's schemas as `anyOf` alternatives (no discriminator: codes may
/// repeat across composed types), examples side by side, and a header
/// required only where every answer sends it.
pub fn merge(own: Value, inner: Vec<Value>) -> Value {
    let Value::Object(mut merged) = own else {
        return own;
    };
    for document in inner {
        let Value::Object(document) = document else {
            continue;
        };
        for (status, response) in document {
            match merged.get_mut(&status) {
                Some(existing) => merge_response(existing, response),
                None => {
                    merged.insert(status, response);
                }
            }
        }
    }
    Value::Object(merged)
}

fn merge_response(into: &mut Value, from: Value) {
    let (Value::Object(into), Value::Object(mut from)) = (into, from) else {
        return;
    };
    // Paragraphs joined once each: an error reachable twice reads once.
    if let (Some(Value::String(a)), Some(Value::String(b))) =
        (into.get("description").cloned(), from.remove("description"))
    {
        let mut paragraphs: Vec<&str> = a.split("\n\n").collect();
        for paragraph in b.split("\n\n") {
            if !paragraphs.contains(&paragraph) {
                paragraphs.push(paragraph);
            }
        }
        into.insert("description".into(), Value::String(paragraphs.join("\n\n")));
    }
    if let Some(headers) = merge_headers(into.remove("headers"), from.remove("headers")) {
        into.insert("headers".into(), headers);
    }
    match (into.remove("content"), from.remove("content")) {
        (Some(Value::Object(mut a)), Some(Value::Object(b))) => {
            for (media, b) in b {
                match a.get_mut(&media) {
                    Some(existing) => merge_media(existing, b),
                    None => {
                        a.insert(media, b);
                    }
                }
            }
            into.insert("content".into(), Value::Object(a));
        }
        (Some(content), None) | (None, Some(content)) => {
            into.insert("content".into(), content);
        }
        _ => {}
    }
}

/// Headers of two answers at one status: every header, required only
/// where both answers require it, its schema and description covering both
/// answers' values (two fixed values become one `enum`).
fn merge_headers(a: Option<Value>, b: Option<Value>) -> Option<Value> {
    let a = match a {
        Some(Value::Object(a)) => a,
        _ => Map::new(),
    };
    let b = match b {
        Some(Value::Object(b)) => b,
        _ => Map::new(),
    };
    if a.is_empty() && b.is_empty() {
        return None;
    }
    let mut out = Map::new();
    let names: std::collections::BTreeSet<String> = a.keys().chain(b.keys()).cloned().collect();
    for name in names {
        let header = match (a.get(&name), b.get(&name)) {
            (Some(x), Some(y)) => merge_header(x, y),
            (Some(one), None) | (None, Some(one)) => {
                let mut one = one.clone();
                if let Value::Object(one) = &mut one {
                    one.remove("required");
                }
                one
            }
            (None, None) => continue,
        };
        out.insert(name, header);
    }
    Some(Value::Object(out))
}

fn merge_header(x: &Value, y: &Value) -> Value {
    let mut merged = Map::new();
    if x["required"] == true && y["required"] == true {
        merged.insert("required".into(), Value::Bool(true));
    }
    match (x["description"].as_str(), y["description"].as_str()) {
        (Some(d), Some(e)) if d != e => {
            merged.insert("description".into(), Value::String(format!("{d}\n\n{e}")));
        }
        (Some(d), _) | (None, Some(d)) => {
            merged.insert("description".into(), Value::String(d.to_owned()));
        }
        (None, None) => {}
    }
    let (s, t) = (&x["schema"], &y["schema"]);
    let schema = match (s["enum"].as_array(), t["enum"].as_array()) {
        _ if s == t => s.clone(),
        (Some(e), Some(f)) if s["type"] == t["type"] => {
            let mut values = e.clone();
            values.extend(f.iter().filter(|v| !e.contains(v)).cloned());
            let mut schema = s.clone();
            schema["enum"] = Value::Array(values);
            schema
        }
        _ => serde_json::json!({ "anyOf": [s, t] }),
    };
    merged.insert("schema".into(), schema);
    Value::Object(merged)
}

/// One media type of two answers: `anyOf` over both sides' alternatives
/// (each once), every example kept (a repeated name gets a suffix, a
/// repeated value is kept once).
fn merge_media(into: &mut Value, from: Value) {
    let (Value::Object(into), Value::Object(mut from)) = (into, from) else {
        return;
    };
    let mut alternatives = alternatives_of(into.remove("schema"));
    for alternative in alternatives_of(from.remove("schema")) {
        if !alternatives.contains(&alternative) {
            alternatives.push(alternative);
        }
    }
    match alternatives.len() {
        0 => {}
        1 => {
            into.insert("schema".into(), alternatives.remove(0));
        }
        _ => {
            into.insert(
                "schema".into(),
                serde_json::json!({ "anyOf": alternatives }),
            );
        }
    }
    if let Some(Value::Object(examples)) = from.remove("examples") {
        let Value::Object(own) = into
            .entry("examples")
            .or_insert_with(|| Value::Object(Map::new()))
        else {
            return;
        };
        for (name, example) in examples {
            if own.values().any(|kept| *kept == example) {
                continue;
            }
            let mut unique = name.clone();
            let mut n = 2;
            while own.contains_key(&unique) {
                unique = format!("{name}_{n}");
                n += 1;
            }
            own.insert(unique, example);
        }
    }
}

/// A body schema's alternatives: the members of a top-level `anyOf` or
/// `oneOf` that says nothing else (its discriminator aside), or the
/// schema itself.
fn alternatives_of(schema: Option<Value>) -> Vec<Value> {
    match schema {
        Some(Value::Object(schema)) => {
            let only_alternatives = schema
                .keys()
                .all(|k| matches!(k.as_str(), "anyOf" | "oneOf" | "discriminator"));
            for key in ["anyOf", "oneOf"] {
                if only_alternatives && let Some(Value::Array(list)) = schema.get(key) {
                    return list.clone();
                }
            }
            vec![Value::Object(schema)]
        }
        Some(other) => vec![other],
        None => Vec::new(),
    }
}

fn resolve(value: &mut Value, schemas: &[fn() -> Value]) {
    match value {
        Value::Object(map) => {
            if let Some(index) = map.remove(PLACEHOLDER) {
                let schema = index
                    .as_u64()
                    .and_then(|i| schemas.get(usize::try_from(i).ok()?))
                    .map_or_else(|| Value::Object(Map::new()), |schema| schema());
                // Keys beside the placeholder (a field's description) stay.
                let siblings = std::mem::take(map);
                *value = schema;
                if let Value::Object(schema) = value {
                    for (key, sibling) in siblings {
                        schema.entry(key).or_insert(sibling);
                    }
                }
                return;
            }
            if let Some(page) = map.remove(PAGE) {
                map.insert("value".into(), Value::String(example_page(&page)));
                return;
            }
            // What only a negotiating response sends: documented where a
            // request-id layer can negotiate (the feature `request-id`).
            map.retain(|_, child| match child {
                Value::Object(child) => {
                    child.remove(NEGOTIATED).is_none() || cfg!(feature = "request-id")
                }
                _ => true,
            });
            for child in map.values_mut() {
                resolve(child, schemas);
            }
            if let Some(Value::Array(flattened)) = map.remove(FLATTEN) {
                for schema in flattened {
                    merge_flattened(map, schema);
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                resolve(item, schemas);
            }
        }
        _ => {}
    }
}

/// The default page of an HTML example, `[status, code, message]`.
fn example_page(page: &Value) -> String {
    let status = page[0]
        .as_u64()
        .and_then(|status| u16::try_from(status).ok())
        .and_then(|status| http::StatusCode::from_u16(status).ok())
        .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    crate::html::default_page(&crate::html::ErrorPage::new(
        status,
        page[1].as_str().unwrap_or_default(),
        page[2].as_str().unwrap_or_default(),
    ))
}

/// Merges a flattened payload's schema into the body's: its properties and
/// required keys, or, for a map, the schema of its other properties. An
/// open schema adds nothing (other properties are allowed by default).
fn merge_flattened(body: &mut Map<String, Value>, schema: Value) {
    let Value::Object(mut schema) = schema else {
        return;
    };
    if let Some(Value::Object(properties)) = schema.remove("properties")
        && let Some(Value::Object(own)) = body.get_mut("properties")
    {
        for (key, property) in properties {
            own.entry(key).or_insert(property);
        }
    }
    if let Some(Value::Array(required)) = schema.remove("required")
        && let Some(Value::Array(own)) = body.get_mut("required")
    {
        for key in required {
            if !own.contains(&key) {
                own.push(key);
            }
        }
    }
    if let Some(additional) = schema.remove("additionalProperties") {
        body.entry("additionalProperties").or_insert(additional);
    }
}

/// Picks a type's schema by what it implements: this crate's own types
/// know theirs ([`Documented`]), else utoipa 6's `ToSchema` (with the
/// `utoipa` feature), else utoipa 5's (with `utoipa5`), else
/// `schemars::JsonSchema` (with `schemars`), else schemars 0.9's (with
/// `aide`, whose schemas are 0.9's), else an open schema. The macro calls
/// `(&&&&&&Probe::<T>::new()).schema()`; method lookup tries the impls in
/// that order (autoref specialization).
pub struct Probe<T: ?Sized>(PhantomData<fn() -> Box<T>>);

impl<T: ?Sized> Probe<T> {
    /// A probe for `T`.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        Probe(PhantomData)
    }
}

/// A probe for the type a closure returns: the derive's way to name the
/// return type of named code (`#[member(.., with = path)]`), whose closure
/// is never called.
pub fn returned<R, F: FnOnce() -> R>(_: F) -> Probe<R> {
    Probe::new()
}

/// A payload type of this crate (a validation report's entry), whose
/// schema is known whatever the features.
pub trait Documented {
    /// The schema.
    fn documented() -> Value;
}

/// A type's schema through [`Documented`].
pub trait ViaHttperror {
    /// The schema.
    fn schema(&self) -> Value;
}

impl<T: ?Sized + Documented> ViaHttperror for &&&&&Probe<T> {
    fn schema(&self) -> Value {
        T::documented()
    }
}

/// A type's schema through utoipa 6's `ToSchema`.
pub trait ViaUtoipa {
    /// The schema.
    fn schema(&self) -> Value;
}

/// A type's schema through utoipa 5's `ToSchema`.
pub trait ViaUtoipa5 {
    /// The schema.
    fn schema(&self) -> Value;
}

/// A type's schema through `schemars::JsonSchema`.
pub trait ViaSchemars {
    /// The schema.
    fn schema(&self) -> Value;
}

/// A type's schema through schemars 0.9's `JsonSchema`, aide 0.15's.
pub trait ViaSchemars09 {
    /// The schema.
    fn schema(&self) -> Value;
}

/// An open schema: any JSON value.
pub trait Open {
    /// The schema.
    fn schema(&self) -> Value;
}

impl<T: ?Sized> Open for Probe<T> {
    fn schema(&self) -> Value {
        Value::Object(Map::new())
    }
}

/// The same support for each major version of utoipa a feature names.
macro_rules! utoipa_support {
    ($feature:literal, $utoipa:ident, $via:ident, $responses:ident, $($probe:tt)*) => {
        #[cfg(feature = $feature)]
        impl<T: ?Sized + $utoipa::ToSchema> $via for $($probe)* {
            fn schema(&self) -> Value {
                let mut dependencies = Vec::new();
                T::schemas(&mut dependencies);
                let named: Map<String, Value> = dependencies
                    .into_iter()
                    .filter_map(|(name, schema)| Some((name, serde_json::to_value(schema).ok()?)))
                    .collect();
                let mut schema =
                    serde_json::to_value(T::schema()).unwrap_or_else(|_| Value::Object(Map::new()));
                inline_refs(&mut schema, &named, 0);
                schema
            }
        }

        /// `IntoResponses` from `openapi_responses()`: utoipa's types read
        /// the same JSON.
        #[cfg(feature = $feature)]
        pub fn $responses(
            responses: Value,
        ) -> std::collections::BTreeMap<
            String,
            $utoipa::openapi::RefOr<$utoipa::openapi::response::Response>,
        > {
            let Value::Object(responses) = responses else {
                return std::collections::BTreeMap::new();
            };
            responses
                .into_iter()
                .map(|(status, response)| {
                    let description = response
                        .get("description")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_owned();
                    let mut response = response;
                    readable_by_utoipa(&mut response);
                    let response = serde_json::from_value(response).unwrap_or_else(|_| {
                        $utoipa::openapi::response::Response::new(description)
                    });
                    (status, $utoipa::openapi::RefOr::T(response))
                })
                .collect()
        }
    };
}

/// Every schema in a response that says nothing of its type (`{}`, or a
/// description alone: any value) written with all of JSON's types, which
/// means the same: utoipa's schema model reads no schema without a type,
/// and would drop the whole response.
#[cfg(any(feature = "utoipa", feature = "utoipa5"))]
pub(crate) fn readable_by_utoipa(response: &mut Value) {
    fn schema(value: &mut Value, depth: usize) {
        let Value::Object(map) = value else {
            return;
        };
        if depth > 64 {
            return;
        }
        let typed = ["type", "$ref", "allOf", "anyOf", "oneOf"]
            .iter()
            .any(|key| map.contains_key(*key));
        if !typed {
            map.insert(
                "type".into(),
                serde_json::json!(["array", "boolean", "null", "number", "object", "string"]),
            );
        }
        for key in ["items", "additionalProperties", "not"] {
            if let Some(inner) = map.get_mut(key) {
                schema(inner, depth + 1);
            }
        }
        for key in ["allOf", "anyOf", "oneOf", "prefixItems"] {
            if let Some(Value::Array(list)) = map.get_mut(key) {
                list.iter_mut().for_each(|inner| schema(inner, depth + 1));
            }
        }
        if let Some(Value::Object(properties)) = map.get_mut("properties") {
            properties
                .values_mut()
                .for_each(|inner| schema(inner, depth + 1));
        }
    }
    if let Some(Value::Object(content)) = response.get_mut("content") {
        for media in content.values_mut() {
            if let Some(inner) = media.get_mut("schema") {
                schema(inner, 0);
            }
        }
    }
    if let Some(Value::Object(headers)) = response.get_mut("headers") {
        for header in headers.values_mut() {
            if let Some(inner) = header.get_mut("schema") {
                schema(inner, 0);
            }
        }
    }
}

utoipa_support!("utoipa", utoipa, ViaUtoipa, utoipa_responses, &&&&Probe<T>);
utoipa_support!(
    "utoipa5",
    utoipa5,
    ViaUtoipa5,
    utoipa5_responses,
    &&&Probe<T>
);

/// Replaces `{"$ref": "#/components/schemas/Name"}` with the schema of
/// `Name`, so a response's schema stands alone; a recursive type keeps its
/// reference below a fixed depth.
#[cfg(any(feature = "utoipa", feature = "utoipa5"))]
fn inline_refs(value: &mut Value, named: &Map<String, Value>, depth: usize) {
    const MAX_DEPTH: usize = 16;
    match value {
        Value::Object(map) => {
            let target = map
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/components/schemas/"))
                .and_then(|name| named.get(name));
            if let Some(target) = target
                && depth < MAX_DEPTH
            {
                let mut target = target.clone();
                inline_refs(&mut target, named, depth + 1);
                map.remove("$ref");
                if let Value::Object(target) = target {
                    for (key, v) in target {
                        map.entry(key).or_insert(v);
                    }
                }
                return;
            }
            for child in map.values_mut() {
                inline_refs(child, named, depth);
            }
        }
        Value::Array(items) => {
            for item in items {
                inline_refs(item, named, depth);
            }
        }
        _ => {}
    }
}

/// The same support for each major version of schemars a feature names.
macro_rules! schemars_support {
    ($feature:literal, $schemars:ident, $via:ident, $($probe:tt)*) => {
        #[cfg(feature = $feature)]
        impl<T: ?Sized + $schemars::JsonSchema> $via for $($probe)* {
            fn schema(&self) -> Value {
                let generator = $schemars::generate::SchemaSettings::draft2020_12()
                    .with(|settings| settings.inline_subschemas = true)
                    .into_generator();
                let mut schema = generator.into_root_schema_for::<T>().to_value();
                if let Value::Object(map) = &mut schema {
                    map.remove("$schema");
                }
                schema
            }
        }
    };
}

schemars_support!("schemars", schemars, ViaSchemars, &&Probe<T>);
schemars_support!("aide", schemars09, ViaSchemars09, &Probe<T>);

/// `impl IntoResponses` of one utoipa major version for a derived type.
#[cfg(any(feature = "utoipa", feature = "utoipa5"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_into_responses {
    ($utoipa:ident, $responses:ident, impl [$($impl_generics:tt)*] for [$($ty:tt)*] where [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::$utoipa::IntoResponses for $($ty)* $($where_clause)* {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::__private::$utoipa::openapi::RefOr<
                    $crate::__private::$utoipa::openapi::response::Response,
                >,
            > {
                $crate::__private::openapi::$responses(
                    <$($ty)* as $crate::HttpError>::openapi_responses(),
                )
            }
        }
    };
}

/// `impl utoipa::IntoResponses` (utoipa 6); nothing without the `utoipa`
/// feature, so the user's crate needs no cfg of its own.
#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    ($($tokens:tt)*) => {
        $crate::__impl_into_responses! { utoipa, utoipa_responses, $($tokens)* }
    };
}

/// `impl IntoResponses` of utoipa 5; nothing without the `utoipa5` feature.
#[cfg(feature = "utoipa5")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa5 {
    ($($tokens:tt)*) => {
        $crate::__impl_into_responses! { utoipa5, utoipa5_responses, $($tokens)* }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn placeholders_are_filled_and_flattened_schemas_merged() {
        fn extra() -> Value {
            json!({"type": "object", "properties": {"hint": {"type": "string"}}, "required": ["hint"]})
        }
        fn open() -> Value {
            json!({})
        }
        let text = r#"{"a":{"$httperror_schema":1,"description":"d"},"b":{"type":"object","properties":{"message":{"type":"string"}},"required":["message"],"$httperror_flatten":[{"$httperror_schema":0},{"type":"object","additionalProperties":{"type":"integer"}}]}}"#;
        let document = assemble(text, &[extra, open]);
        assert_eq!(
            document,
            json!({
                "a": {"description": "d"},
                "b": {
                    "type": "object",
                    "properties": {"message": {"type": "string"}, "hint": {"type": "string"}},
                    "required": ["message", "hint"],
                    "additionalProperties": {"type": "integer"},
                },
            })
        );
    }

    #[test]
    #[allow(clippy::needless_borrow)]
    fn fallback_is_an_open_schema() {
        struct NotDocumented;
        use Open as _;
        #[allow(unused_imports)]
        use {
            ViaHttperror as _, ViaSchemars as _, ViaSchemars09 as _, ViaUtoipa as _,
            ViaUtoipa5 as _,
        };
        assert_eq!((&&&&&&Probe::<NotDocumented>::new()).schema(), json!({}));
    }
}
