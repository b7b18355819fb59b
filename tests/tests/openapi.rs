//! `openapi_responses()`: exact output for the design's `StorageError` and
//! for shared statuses, flatten, `Option`, generics and problem details;
//! every document valid OpenAPI 3.1; every real body valid against what is
//! documented for its status.

mod support;

use std::collections::BTreeMap;

use httperror::HttpError;
use httperror_tests::StorageError;
use proptest::prelude::*;
use serde::Serialize;
use serde_json::json;
use support::{assert_documented, assert_examples_match, assert_valid_openapi, document_with};

#[test]
fn storage_error_exact() {
    let expected = json!({
        "401": {
            "description": "A bearer token is required.",
            "headers": {
                "www-authenticate": {"required": true, "schema": {"type": "string", "enum": ["Bearer"]}},
            },
            "content": {"application/json": {
                "schema": {
                    "title": "Unauthorized", "type": "object",
                    "properties": {"message": {"type": "string"}},
                    "required": ["message"],
                },
                "examples": {"unauthorized": {
                    "summary": "Unauthorized",
                    "value": {"message": "authentication required"},
                }},
            }},
        },
        "404": {
            "description": "No file with this id exists.",
            "content": {"application/json": {
                "schema": {
                    "title": "NotFound", "type": "object",
                    "properties": {
                        "message": {"type": "string"},
                        "id": {"type": "string", "description": "The id that was asked for."},
                    },
                    "required": ["message", "id"],
                },
                "examples": {"not_found": {
                    "summary": "NotFound",
                    "value": {"message": "file report.pdf not found", "id": "report.pdf"},
                }},
            }},
        },
        "429": {
            "description": "Too many uploads in a short time; retry later.",
            "headers": {"retry-after": {
                "description": "Seconds until the next upload is accepted.",
                "required": true,
                "schema": {"type": "integer", "format": "int64", "minimum": 0, "maximum": 4294967295u64},
            }},
            "content": {"application/json": {
                "schema": {
                    "title": "Throttled", "type": "object",
                    "properties": {
                        "message": {"type": "string"},
                        "retry_after": {
                            "type": "integer", "format": "int64", "minimum": 0, "maximum": 4294967295u64,
                            "description": "Seconds until the next upload is accepted.",
                        },
                    },
                    "required": ["message", "retry_after"],
                },
                "examples": {"throttled": {
                    "summary": "Throttled",
                    "value": {"message": "too many requests", "retry_after": 7},
                }},
            }},
        },
        "500": {
            "description": "The storage backend failed.",
            "content": {"application/json": {
                "schema": {
                    "title": "Backend", "type": "object",
                    "properties": {"message": {"type": "string"}},
                    "required": ["message"],
                },
                "examples": {"backend": {
                    "summary": "Backend",
                    "value": {"message": "Internal Server Error"},
                }},
            }},
        },
        "507": {
            "description": "The upload does not fit in the remaining quota.",
            "content": {"application/json": {
                "schema": {
                    "title": "QuotaExceeded", "type": "object",
                    "properties": {
                        "message": {"type": "string"},
                        "used": {"type": "integer", "format": "int64", "minimum": 0, "description": "Bytes in use."},
                        "limit": {"type": "integer", "format": "int64", "minimum": 0, "description": "Bytes allowed."},
                    },
                    "required": ["message", "used", "limit"],
                },
                "examples": {"quota_exceeded": {
                    "summary": "QuotaExceeded",
                    "value": {"message": "quota exceeded: 1100 of 1024 bytes used", "used": 1100, "limit": 1024},
                }},
            }},
        },
    });
    let responses = StorageError::openapi_responses();
    assert_eq!(responses, expected);
    assert_valid_openapi(&document_with(responses));
    let statuses: Vec<u16> = expected
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.parse().unwrap())
        .collect();
    assert_eq!(statuses, StorageError::STATUS_CODES);
}

/// Several variants at one status: all described, all in the schema.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "code")]
enum Shared {
    /// The name is taken.
    ///
    /// Pick another one.
    #[error("taken")]
    #[status(409)]
    Taken {
        #[payload(example = "ada")]
        name: String,
    },
    /// The version is stale.
    #[error("stale")]
    #[status(409)]
    Stale {
        #[payload(example = 3)]
        current: u32,
    },
    #[error("undocumented")]
    #[status(409)]
    Undocumented,
    #[error("gone")]
    #[status(410)]
    Gone,
}

#[test]
fn shared_status_with_code_key_is_one_of_with_a_discriminator() {
    let responses = Shared::openapi_responses();
    let conflict = &responses["409"];
    assert_eq!(
        conflict["description"],
        "**Taken**: The name is taken.\n\nPick another one.\n\n**Stale**: The version is stale.\n\n**Undocumented**"
    );
    let schema = &conflict["content"]["application/json"]["schema"];
    assert_eq!(schema["discriminator"], json!({"propertyName": "code"}));
    let titles: Vec<&str> = schema["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Taken", "Stale", "Undocumented"]);
    assert_eq!(
        schema["oneOf"][0],
        json!({
            "title": "Taken", "type": "object",
            "properties": {
                "message": {"type": "string"},
                "code": {"type": "string", "enum": ["taken"]},
                "name": {"type": "string"},
            },
            "required": ["message", "code", "name"],
        })
    );
    // Every variant keeps its example: none overwrites another.
    assert_eq!(
        conflict["content"]["application/json"]["examples"],
        json!({
            "taken": {"summary": "Taken", "value": {"message": "taken", "code": "taken", "name": "ada"}},
            "stale": {"summary": "Stale", "value": {"message": "stale", "code": "stale", "current": 3}},
            "undocumented": {"summary": "Undocumented", "value": {"message": "undocumented", "code": "undocumented"}},
        })
    );
    // Nothing documented at 410: the reason phrase.
    assert_eq!(responses["410"]["description"], "Gone");
    assert_valid_openapi(&document_with(responses));
    assert_examples_match::<Shared>();
    for error in [
        Shared::Taken { name: "x".into() },
        Shared::Stale { current: 1 },
        Shared::Undocumented,
        Shared::Gone,
    ] {
        assert_documented(&error);
    }
}

#[derive(Debug, thiserror::Error, HttpError)]
enum SharedNoCode {
    #[error("a")]
    #[status(400)]
    A,
    #[error("b")]
    #[status(400)]
    B {
        #[payload]
        field: bool,
    },
}

#[test]
fn shared_status_without_code_key_is_any_of() {
    let schema = &SharedNoCode::openapi_responses()["400"]["content"]["application/json"]["schema"];
    assert!(schema.get("oneOf").is_none());
    assert_eq!(schema["anyOf"].as_array().unwrap().len(), 2);
    // A body of B also fits A's schema: `oneOf` would reject it, `anyOf` does not.
    assert_documented(&SharedNoCode::B { field: true });
    assert_documented(&SharedNoCode::A);
}

#[derive(Debug, Serialize)]
struct Extra {
    hint: String,
}

#[derive(Debug, thiserror::Error, HttpError)]
enum Flattened {
    #[error("map")]
    #[status(400)]
    Map {
        #[payload]
        field: &'static str,
        #[payload(flatten)]
        extra: BTreeMap<String, u32>,
    },
    #[error("struct")]
    #[status(422)]
    Struct {
        #[payload(flatten)]
        extra: Extra,
    },
}

#[test]
fn flattened_payloads() {
    let responses = Flattened::openapi_responses();
    assert_eq!(
        responses["400"]["content"]["application/json"]["schema"],
        json!({
            "title": "Map", "type": "object",
            "properties": {"message": {"type": "string"}, "field": {"type": "string"}},
            "required": ["message", "field"],
            "additionalProperties": {"type": "integer", "format": "int64", "minimum": 0, "maximum": 4294967295u64},
        })
    );
    // A type the macro cannot see into, with no schema feature: open.
    assert_eq!(
        responses["422"]["content"]["application/json"]["schema"],
        json!({
            "title": "Struct", "type": "object",
            "properties": {"message": {"type": "string"}},
            "required": ["message"],
        })
    );
    assert_valid_openapi(&document_with(responses));
    assert_documented(&Flattened::Map {
        field: "f",
        extra: [("n".into(), 1)].into(),
    });
    assert_documented(&Flattened::Struct {
        extra: Extra { hint: "h".into() },
    });
}

#[derive(Debug, thiserror::Error, HttpError)]
enum Optional {
    #[error("optional")]
    #[status(400)]
    Fields {
        #[payload]
        count: Option<i16>,
        #[payload]
        tags: Option<Vec<String>>,
        #[payload]
        #[header("x-trace")]
        trace: Option<u64>,
        #[payload]
        extra: Option<Extra>,
    },
}

#[test]
fn option_is_nullable_and_not_required() {
    let responses = Optional::openapi_responses();
    let schema = &responses["400"]["content"]["application/json"]["schema"];
    assert_eq!(schema["required"], json!(["message"]));
    assert_eq!(
        schema["properties"]["count"],
        json!({"type": ["integer", "null"], "format": "int32", "minimum": -32768, "maximum": 32767})
    );
    assert_eq!(
        schema["properties"]["tags"],
        json!({"type": ["array", "null"], "items": {"type": "string"}})
    );
    assert_eq!(
        schema["properties"]["extra"],
        json!({"anyOf": [{}, {"type": "null"}]})
    );
    assert_eq!(
        responses["400"]["headers"]["x-trace"],
        json!({"required": false, "schema": {"type": "integer", "format": "int64", "minimum": 0}})
    );
    // A body with no optional payload has no example to document: none is
    // given; an `Option` without `example` would simply be left out.
    assert_valid_openapi(&document_with(responses));
    assert_documented(&Optional::Fields {
        count: None,
        tags: None,
        trace: None,
        extra: None,
    });
    assert_documented(&Optional::Fields {
        count: Some(-1),
        tags: Some(vec!["a".into()]),
        trace: Some(9),
        extra: Some(Extra { hint: "h".into() }),
    });
}

#[derive(Debug, thiserror::Error, HttpError)]
enum Generic<T: std::fmt::Debug + std::fmt::Display> {
    #[error("value {value}")]
    #[status(400)]
    Value {
        #[payload]
        value: T,
        #[payload]
        values: Vec<T>,
    },
}

#[test]
fn generic_payloads_are_open_and_assembled_per_call() {
    let responses = Generic::<u8>::openapi_responses();
    assert_eq!(
        responses["400"]["content"]["application/json"]["schema"]["properties"],
        json!({"message": {"type": "string"}, "value": {}, "values": {"type": "array", "items": {}}})
    );
    assert_eq!(responses, Generic::<String>::openapi_responses());
    assert_valid_openapi(&document_with(responses));
    assert_documented(&Generic::Value {
        value: 5u8,
        values: vec![1],
    });
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(
    format = "problem",
    type_base = "https://example.com/probs/",
    code_key = "code"
)]
enum Problem {
    /// Not enough credit.
    #[error("insufficient credit")]
    #[status(403)]
    #[http_error(code = "out-of-credit")]
    #[message("Your current balance is {balance}, but that costs {cost}.")]
    OutOfCredit {
        #[payload(example = 30)]
        balance: u32,
        #[payload(example = 50)]
        cost: u32,
    },
    #[error("internal")]
    #[status(503)]
    Busy,
    #[error("moved")]
    #[status(204)]
    Gone,
}

#[test]
fn problem_format() {
    let responses = Problem::openapi_responses();
    let media = &responses["403"]["content"]["application/problem+json"];
    assert_eq!(
        media["schema"],
        json!({
            "title": "OutOfCredit", "type": "object",
            "properties": {
                "type": {"type": "string", "format": "uri-reference", "enum": ["https://example.com/probs/out-of-credit"]},
                "title": {"type": "string", "enum": ["Forbidden"]},
                "status": {"type": "integer", "enum": [403]},
                "detail": {"type": "string"},
                "code": {"type": "string", "enum": ["out-of-credit"]},
                "balance": {"type": "integer", "format": "int64", "minimum": 0, "maximum": 4294967295u64},
                "cost": {"type": "integer", "format": "int64", "minimum": 0, "maximum": 4294967295u64},
            },
            "required": ["type", "title", "status", "detail", "code", "balance", "cost"],
        })
    );
    assert_eq!(
        media["examples"]["out-of-credit"]["value"],
        json!({
            "type": "https://example.com/probs/out-of-credit",
            "title": "Forbidden",
            "status": 403,
            "detail": "Your current balance is 30, but that costs 50.",
            "code": "out-of-credit",
            "balance": 30,
            "cost": 50,
        })
    );
    // The example is the real body.
    let real: serde_json::Value = serde_json::from_slice(
        &Problem::OutOfCredit {
            balance: 30,
            cost: 50,
        }
        .to_json(),
    )
    .unwrap();
    assert_eq!(media["examples"]["out-of-credit"]["value"], real);
    assert!(responses["503"]["content"]["application/problem+json"].is_object());
    assert_eq!(responses["204"], json!({"description": "No Content"}));
    assert_valid_openapi(&document_with(responses));
    assert_examples_match::<Problem>();
    assert_documented(&Problem::Busy);
    assert_documented(&Problem::Gone);
}

#[test]
fn the_document_is_built_once() {
    let first = StorageError::openapi_responses();
    let second = StorageError::openapi_responses();
    assert_eq!(first, second);
}

#[test]
fn common_errors_and_examples_are_documented_truthfully() {
    use httperror::common::*;
    assert_examples_match::<Throttled>();
    assert_documented(&Throttled::new(3));
    assert_documented(&Unauthenticated::bearer());
    assert_documented(&MethodNotAllowed::new(
        http::Method::POST,
        [http::Method::GET],
    ));
    assert_valid_openapi(&document_with(MethodNotAllowed::openapi_responses()));
    assert_examples_match::<StorageError>();
}

fn storage_error() -> impl Strategy<Value = StorageError> {
    prop_oneof![
        any::<String>().prop_map(|id| StorageError::NotFound { id }),
        (any::<u64>(), any::<u64>())
            .prop_map(|(used, limit)| StorageError::QuotaExceeded { used, limit }),
        any::<u32>().prop_map(|retry_after| StorageError::Throttled { retry_after }),
        Just(()).prop_map(|()| StorageError::Unauthorized),
        any::<String>().prop_map(|e| StorageError::Backend(std::io::Error::other(e))),
    ]
}

proptest! {
    #[test]
    fn storage_bodies_validate_against_their_documented_schema(error in storage_error()) {
        assert_documented(&error);
    }

    #[test]
    fn optional_and_flattened_bodies_validate(
        count in any::<Option<i16>>(),
        tags in any::<Option<Vec<String>>>(),
        trace in any::<Option<u64>>(),
        extra in proptest::collection::btree_map(any::<String>(), any::<u32>(), 0..4),
        field in "[a-z]{0,8}",
    ) {
        assert_documented(&Optional::Fields { count, tags, trace, extra: None });
        let field: &'static str = Box::leak(field.into_boxed_str());
        assert_documented(&Flattened::Map { field, extra });
    }

    #[test]
    fn shared_and_problem_bodies_validate(name in any::<String>(), n in any::<u32>()) {
        assert_documented(&Shared::Taken { name });
        assert_documented(&Shared::Stale { current: n });
        assert_documented(&Problem::OutOfCredit { balance: n, cost: n / 2 });
    }
}

/// The checks above are only worth something if they can fail.
#[test]
fn the_validators_reject_lies() {
    // A response without its required description is not OpenAPI 3.1.
    let invalid = document_with(json!({"404": {"content": {}}}));
    assert!(std::panic::catch_unwind(|| assert_valid_openapi(&invalid)).is_err());
    // A status code key that is not one.
    let invalid = document_with(json!({"4044": {"description": "x"}}));
    assert!(std::panic::catch_unwind(|| assert_valid_openapi(&invalid)).is_err());

    // A type whose hand-written documentation lies about its body.
    #[derive(Debug, thiserror::Error)]
    #[error("liar")]
    struct Liar;
    impl HttpError for Liar {
        const STATUS_CODES: &'static [u16] = &[400];
        fn status(&self) -> http::StatusCode {
            http::StatusCode::BAD_REQUEST
        }
        fn code(&self) -> &'static str {
            "liar"
        }
        fn message(&self) -> std::borrow::Cow<'_, str> {
            "liar".into()
        }
        fn openapi_responses() -> serde_json::Value {
            json!({"400": {"description": "x", "content": {"application/json": {"schema": {
                "type": "object", "required": ["id"],
            }}}}})
        }
    }
    assert!(std::panic::catch_unwind(|| assert_documented(&Liar)).is_err());
}

/// A code shared on purpose (one public `internal` code for two 500s)
/// compiles, and is never used as a discriminator: the variants' bodies are
/// documented with `anyOf`.
#[test]
fn a_shared_code_is_no_discriminator() {
    #[derive(Debug, thiserror::Error, HttpError)]
    #[http_error(code_key = "code")]
    enum Internal {
        /// The database failed.
        #[error("database")]
        #[status(500)]
        #[http_error(code = "internal")]
        Database,
        /// The cache failed.
        #[error("cache")]
        #[status(500)]
        #[http_error(code = "internal")]
        Cache,
        /// A bad request.
        #[error("bad")]
        #[status(400)]
        Bad,
    }
    assert_eq!(Internal::Database.code(), "internal");
    assert_eq!(Internal::Cache.code(), "internal");
    assert_eq!(Internal::Bad.code(), "bad");
    let responses = Internal::openapi_responses();
    let schema = &responses["500"]["content"]["application/json"]["schema"];
    assert!(schema.get("discriminator").is_none(), "{schema:#}");
    assert_eq!(schema["anyOf"].as_array().unwrap().len(), 2);
    assert_valid_openapi(&document_with(responses));
    assert_documented(&Internal::Database);
    assert_documented(&Internal::Cache);
}
