//! Validation against the official OpenAPI 3.1 schema and against the
//! schemas a type documents.

#![allow(dead_code)]

use std::sync::OnceLock;

use httperror::HttpError;
use serde_json::{Value, json};

/// The official OpenAPI 3.1 schema, kept in the repository as test data
/// (`tests/tests/data/README.md` says where it comes from).
const OPENAPI_SCHEMA: &str = include_str!("../data/openapi-3.1.schema.json");

fn openapi_schema() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let schema: Value = serde_json::from_str(OPENAPI_SCHEMA).unwrap();
        jsonschema::validator_for(&schema).unwrap()
    })
}

/// Panics with every error if `document` is not a valid OpenAPI 3.1
/// document.
pub fn assert_valid_openapi(document: &Value) {
    let errors: Vec<String> = openapi_schema()
        .iter_errors(document)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "invalid OpenAPI document:\n{}\n{document:#}",
        errors.join("\n")
    );
}

/// A whole document with `responses` on one operation.
pub fn document_with(responses: Value) -> Value {
    json!({
        "openapi": "3.1.0",
        "info": {"title": "httperror test", "version": "1.0.0"},
        "paths": {"/files/{id}": {"get": {
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": responses,
        }}},
    })
}

/// Checks that `error`'s real response is what `E` documents: its status is
/// documented, the content type and headers too, and the body validates
/// against the schema documented for that status.
pub fn assert_documented<E: HttpError>(error: &E) {
    let responses = E::openapi_responses();
    let response = error.to_response();
    let status = response.status().as_u16().to_string();
    let documented = responses
        .get(&status)
        .unwrap_or_else(|| panic!("status {status} is not documented"));
    for name in response.headers().keys() {
        if name != "content-type" {
            assert!(
                documented["headers"].get(name.as_str()).is_some(),
                "header {name} of {status} is not documented"
            );
        }
    }
    if response.body().is_empty() {
        assert!(
            documented.get("content").is_none(),
            "{status} documents a body it never sends"
        );
        return;
    }
    let content_type = response.headers()["content-type"].to_str().unwrap();
    let schema = &documented["content"][content_type]["schema"];
    assert!(
        !schema.is_null(),
        "{status} documents no {content_type} schema"
    );
    let body: Value = serde_json::from_slice(response.body()).unwrap();
    let validator = jsonschema::validator_for(schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&body)
        .map(|e| e.to_string())
        .collect();
    assert!(
        errors.is_empty(),
        "body {body} does not match the schema documented for {status}:\n{}\n{schema:#}",
        errors.join("\n")
    );
}

/// Every example documented for every status validates against that
/// status's schema.
pub fn assert_examples_match<E: HttpError>() {
    let responses = E::openapi_responses();
    for (status, response) in responses.as_object().unwrap() {
        let Some(content) = response.get("content").and_then(Value::as_object) else {
            continue;
        };
        for media in content.values() {
            let validator = jsonschema::validator_for(&media["schema"]).unwrap();
            for (name, example) in media["examples"].as_object().into_iter().flatten() {
                assert!(
                    validator.is_valid(&example["value"]),
                    "example {name} of {status} does not match its schema"
                );
            }
        }
    }
}

/// Parses JSON as a parser that rejects duplicate member names would:
/// serde_json alone keeps the last of two, which would hide one.
pub fn parse_strict(json: &[u8]) -> Result<Value, serde_json::Error> {
    serde_json::from_slice::<Strict>(json).map(|strict| strict.0)
}

/// Panics unless `json` is valid JSON with no object that names a member
/// twice; returns it parsed.
pub fn assert_strict_json(json: &[u8]) -> Value {
    parse_strict(json).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(json)))
}

struct Strict(Value);

impl<'de> serde::Deserialize<'de> for Strict {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor)
    }
}

struct StrictVisitor;

impl<'de> serde::de::Visitor<'de> for StrictVisitor {
    type Value = Strict;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("JSON without duplicate member names")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Strict, E> {
        Ok(Strict(Value::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Strict, E> {
        Ok(Strict(Value::from(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Strict, E> {
        Ok(Strict(Value::from(v)))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Strict, E> {
        Ok(Strict(Value::from(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Strict, E> {
        Ok(Strict(Value::String(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Strict, E> {
        Ok(Strict(Value::String(v)))
    }
    fn visit_unit<E>(self) -> Result<Strict, E> {
        Ok(Strict(Value::Null))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Strict, A::Error> {
        let mut items = Vec::new();
        while let Some(Strict(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Strict(Value::Array(items)))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Strict, A::Error> {
        let mut members = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if members.contains_key(&key) {
                return Err(serde::de::Error::custom(format_args!(
                    "duplicate member {key:?}"
                )));
            }
            let Strict(value) = map.next_value()?;
            members.insert(key, value);
        }
        Ok(Strict(Value::Object(members)))
    }
}
