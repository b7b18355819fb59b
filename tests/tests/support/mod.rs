//! Validation against the official OpenAPI 3.1 schema and against the
//! schemas a type documents.

#![allow(dead_code)]

use std::sync::OnceLock;

use httperror::HttpError;
use serde_json::{Value, json};

/// Shared with the fuzz target, which includes the file by path.
mod strict;
pub use strict::parse_strict;

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
    for (name, value) in response.headers() {
        if name == "content-type" {
            continue;
        }
        let header = documented["headers"]
            .get(name.as_str())
            .unwrap_or_else(|| panic!("header {name} of {status} is not documented"));
        // The value as text, and as a number where it reads as one: a
        // header's schema says which it is.
        let text = value.to_str().unwrap();
        let validator = jsonschema::validator_for(&header["schema"]).unwrap();
        let as_number = text.parse::<u64>().ok().map(Value::from);
        assert!(
            validator.is_valid(&Value::from(text))
                || as_number.is_some_and(|n| validator.is_valid(&n)),
            "header {name}: {text:?} of {status} does not match {:#}",
            header["schema"]
        );
    }
    if response.body().is_empty() {
        assert!(
            documented.get("content").is_none(),
            "{status} documents a body it never sends"
        );
        return;
    }
    let content_type = response.headers()["content-type"].to_str().unwrap();
    // Documented by media type; parameters (`charset`) are the header's.
    let media_type = content_type.split(';').next().unwrap_or_default().trim();
    let schema = &documented["content"][media_type]["schema"];
    assert!(
        !schema.is_null(),
        "{status} documents no {content_type} schema"
    );
    let body: Value = if media_type == "text/plain" {
        Value::from(std::str::from_utf8(response.body()).expect("a text body is UTF-8"))
    } else {
        serde_json::from_slice(response.body()).unwrap()
    };
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

/// Everything one JSON body must agree on: the response's status and
/// bytes are `status` and `expected` (empty: no body), `to_json()` writes
/// the same bytes, the `Serialize` view too, `to_dict()` holds the same
/// members, and the response is what `E` documents.
pub fn assert_body<E: HttpError>(error: &E, status: u16, expected: &str) {
    let response = error.to_response();
    assert_eq!(response.status(), status);
    assert_eq!(
        std::str::from_utf8(response.body()).unwrap(),
        expected,
        "the response's body"
    );
    assert_eq!(
        std::str::from_utf8(&error.to_json()).unwrap(),
        expected,
        "to_json()"
    );
    if !expected.is_empty() {
        assert_eq!(
            serde_json::to_string(&error.body()).unwrap(),
            expected,
            "the Serialize view"
        );
        let parsed = assert_strict_json(expected.as_bytes());
        assert_eq!(Value::Object(error.to_dict()), parsed, "to_dict()");
    }
    assert_documented(error);
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

/// Panics unless `json` is valid JSON with no object that names a member
/// twice; returns it parsed.
pub fn assert_strict_json(json: &[u8]) -> Value {
    parse_strict(json).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(json)))
}

/// A log writer tests read back.
#[derive(Clone, Default)]
pub struct Captured(pub std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl Captured {
    /// A subscriber that writes plain text here.
    pub fn subscriber(&self) -> impl tracing::Subscriber + Send + Sync + use<> {
        let writer = self.clone();
        tracing_subscriber::fmt()
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish()
    }

    /// Captures the whole test binary's log: for a binary of its own.
    pub fn global() -> Self {
        let captured = Captured::default();
        tracing::subscriber::set_global_default(captured.subscriber())
            .expect("the binary's only global subscriber");
        captured
    }

    /// What was logged, as text.
    pub fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }
}

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Panics unless a response on the wire is what `document` (a whole
/// OpenAPI document) says `method path` answers at `status`: the status
/// documented, the content type among its media types, the body valid
/// against that media type's schema (`$ref`s to the document's schemas
/// followed; a body that is not JSON, as a string).
pub fn assert_served_as_documented(
    document: &Value,
    method: &str,
    path: &str,
    status: u16,
    content_type: &str,
    body: &str,
) {
    let response = &document["paths"][path][method]["responses"][status.to_string()];
    assert!(
        response.is_object(),
        "{method} {path} does not document {status}"
    );
    let media_type = content_type.split(';').next().unwrap_or_default().trim();
    let mut schema = response["content"][media_type]["schema"].clone();
    assert!(
        !schema.is_null(),
        "{method} {path} documents no {media_type} body at {status}"
    );
    inline_schema_refs(&mut schema, &document["components"]["schemas"], 0);
    // A JSON body is validated as the value it is; any other, as a string.
    let body: Value = if media_type == "application/json" || media_type.ends_with("+json") {
        serde_json::from_str(body).unwrap()
    } else {
        Value::String(body.to_owned())
    };
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&body)
        .map(|e| e.to_string())
        .collect();
    assert!(
        errors.is_empty(),
        "{method} {path} {status}: {body} does not match the documented schema:\n{}\n{schema:#}",
        errors.join("\n")
    );
}

fn inline_schema_refs(value: &mut Value, schemas: &Value, depth: usize) {
    assert!(depth < 32, "a schema refers to itself");
    if let Some(name) = value
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/components/schemas/"))
    {
        *value = schemas[name].clone();
        return inline_schema_refs(value, schemas, depth + 1);
    }
    match value {
        Value::Object(map) => map
            .values_mut()
            .for_each(|v| inline_schema_refs(v, schemas, depth + 1)),
        Value::Array(list) => list
            .iter_mut()
            .for_each(|v| inline_schema_refs(v, schemas, depth + 1)),
        _ => {}
    }
}
