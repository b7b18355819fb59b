//! Existing APIs' error formats, declared with the derive: envelopes,
//! fixed members, the status as a member, no message member. Each body is
//! checked byte for byte against the format's own text, against
//! `to_json()`, `to_dict()` and the `Serialize` view, and against the
//! schema the type documents.

mod support;

use httperror::HttpError;
use proptest::prelude::*;
use serde_json::json;
use support::{
    assert_body, assert_documented, assert_examples_match, assert_strict_json,
    assert_valid_openapi, document_with,
};

fn assert_document<E: HttpError>() {
    assert_valid_openapi(&document_with(E::openapi_responses()));
    assert_examples_match::<E>();
}

/// Stripe's shape: everything inside `{"error": {..}}`, a `type` for the
/// whole API that one variant changes, and a documentation link made from
/// the machine code.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(envelope = "error", code_key = "code")]
#[member("type", "invalid_request_error")]
#[member("doc_url", "https://docs.example.com/errors#{code}")]
#[http_error(message_key = "message")]
enum Stripe {
    /// The object does not exist.
    #[error("No such customer: '{id}'")]
    #[status(404)]
    #[http_error(code = "resource_missing")]
    NoSuchCustomer {
        #[payload(example = "cus_42")]
        id: String,
        #[payload(example = "id")]
        param: &'static str,
    },
    /// Too many requests hit the API too quickly.
    #[error("Too many requests")]
    #[status(429)]
    RateLimit,
    /// Something went wrong on the server.
    #[error("database: {0}")]
    #[status(500)]
    #[member("type", "api_error")]
    Api(String),
}

#[test]
fn stripe_style_object_envelope() {
    assert_body(
        &Stripe::NoSuchCustomer {
            id: "cus_42".into(),
            param: "id",
        },
        404,
        r#"{"error":{"code":"resource_missing","type":"invalid_request_error","doc_url":"https://docs.example.com/errors#resource_missing","message":"No such customer: 'cus_42'","id":"cus_42","param":"id"}}"#,
    );
    assert_body(
        &Stripe::RateLimit,
        429,
        r#"{"error":{"code":"rate_limit","type":"invalid_request_error","doc_url":"https://docs.example.com/errors#rate_limit","message":"Too many requests"}}"#,
    );
    assert_body(
        &Stripe::Api("connection reset".into()),
        500,
        r#"{"error":{"code":"api","type":"api_error","doc_url":"https://docs.example.com/errors#api","message":"Internal Server Error"}}"#,
    );
    assert_document::<Stripe>();
}

#[test]
fn an_envelope_is_documented_as_a_nested_schema_with_fixed_members() {
    let responses = Stripe::openapi_responses();
    let media = &responses["404"]["content"]["application/json"];
    assert_eq!(media["schema"]["required"], json!(["error"]));
    let inner = &media["schema"]["properties"]["error"];
    assert_eq!(
        inner["properties"]["type"],
        json!({"type": "string", "enum": ["invalid_request_error"]})
    );
    assert_eq!(
        inner["properties"]["doc_url"],
        json!({"type": "string", "enum": ["https://docs.example.com/errors#resource_missing"]})
    );
    assert_eq!(
        inner["required"],
        json!(["code", "type", "doc_url", "message", "id", "param"])
    );
    assert_eq!(
        media["examples"]["resource_missing"]["value"],
        json!({"error": {
            "code": "resource_missing",
            "type": "invalid_request_error",
            "doc_url": "https://docs.example.com/errors#resource_missing",
            "message": "No such customer: 'cus_42'",
            "id": "cus_42",
            "param": "id",
        }})
    );
    // The variant's own `type` replaces the type's, in its place.
    assert_eq!(
        responses["500"]["content"]["application/json"]["schema"]["properties"]["error"]["properties"]
            ["type"]["enum"][0],
        "api_error"
    );
}

/// JSON:API's error objects: a list under `errors`, the status as a
/// string, the reason phrase as the title, the message as `detail`.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(envelope_array = "errors", status_key = "status", status_as = "string")]
#[http_error(code_key = "code")]
#[member("title", "{reason}")]
#[http_error(message_key = "detail")]
enum JsonApi {
    #[error("article {0} does not exist")]
    #[status(404)]
    #[http_error(code = "not_found")]
    Missing(u64),
    /// Two writers changed the same article.
    #[error("the article changed since version {version}")]
    #[status(409)]
    Conflict {
        #[payload(example = 3)]
        version: u32,
    },
}

#[test]
fn json_api_array_envelope_with_the_status_as_a_string() {
    assert_body(
        &JsonApi::Missing(7),
        404,
        r#"{"errors":[{"status":"404","code":"not_found","title":"Not Found","detail":"article 7 does not exist"}]}"#,
    );
    assert_body(
        &JsonApi::Conflict { version: 3 },
        409,
        r#"{"errors":[{"status":"409","code":"conflict","title":"Conflict","detail":"the article changed since version 3","version":3}]}"#,
    );
    assert_document::<JsonApi>();
    let schema = &JsonApi::openapi_responses()["409"]["content"]["application/json"]["schema"];
    let errors = &schema["properties"]["errors"];
    assert_eq!(errors["type"], "array");
    assert_eq!(
        (errors["minItems"].as_u64(), errors["maxItems"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(
        errors["items"]["properties"]["status"],
        json!({"type": "string", "enum": ["409"]})
    );
}

/// Google's shape: `{"error": {"code": 404, "message": .., "status":
/// "NOT_FOUND"}}`: the numeric status under `code`, and a per-variant
/// member for the canonical name.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(envelope = "error", status_key = "code")]
enum Google {
    #[error("Requested entity was not found.")]
    #[status(404)]
    #[member("status", "NOT_FOUND")]
    NotFound,
    #[error("quota exceeded for {quota}")]
    #[status(429)]
    #[member("status", "RESOURCE_EXHAUSTED")]
    Exhausted {
        #[payload]
        quota: String,
    },
}

#[test]
fn google_style_numeric_status_member_and_per_variant_members() {
    assert_body(
        &Google::NotFound,
        404,
        r#"{"error":{"message":"Requested entity was not found.","code":404,"status":"NOT_FOUND"}}"#,
    );
    assert_body(
        &Google::Exhausted {
            quota: "reads".into(),
        },
        429,
        r#"{"error":{"message":"quota exceeded for reads","code":429,"status":"RESOURCE_EXHAUSTED","quota":"reads"}}"#,
    );
    assert_document::<Google>();
    // Known at compile time, the whole body is one static byte string:
    // two responses share it, where a written body would be two buffers.
    let (a, b) = (
        Google::NotFound.to_response(),
        Google::NotFound.to_response(),
    );
    assert_eq!(a.body().as_ptr(), b.body().as_ptr());
    let quota = || {
        Google::Exhausted {
            quota: "reads".into(),
        }
        .to_response()
    };
    let (a, b) = (quota(), quota());
    assert_ne!(a.body().as_ptr(), b.body().as_ptr());
    assert_eq!(
        Google::openapi_responses()["404"]["content"]["application/json"]["schema"]["properties"]["error"]
            ["properties"]["code"],
        json!({"type": "integer", "enum": [404]})
    );
}

/// OpenAI's shape: fixed `null`s, a boolean, and the type of error per
/// variant.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(envelope = "error")]
#[member("type", "invalid_request_error")]
#[member("param", null)]
#[member("retryable", false)]
#[member("version", 2)]
#[member("weight", 0.5)]
enum OpenAi {
    #[error("The model does not exist")]
    #[status(404)]
    #[member("retryable", true)]
    ModelNotFound,
}

#[test]
fn null_bool_and_number_members() {
    assert_body(
        &OpenAi::ModelNotFound,
        404,
        r#"{"error":{"message":"The model does not exist","type":"invalid_request_error","param":null,"retryable":true,"version":2,"weight":0.5}}"#,
    );
    assert_document::<OpenAi>();
    let inner = &OpenAi::openapi_responses()["404"]["content"]["application/json"]["schema"]["properties"]
        ["error"]["properties"];
    assert_eq!(inner["param"], json!({"type": "null"}));
    assert_eq!(
        inner["retryable"],
        json!({"type": "boolean", "enum": [true]})
    );
    assert_eq!(inner["weight"], json!({"type": "number", "enum": [0.5]}));
}

/// Flask-RESTX with `ERROR_INCLUDE_MESSAGE = False`: the code and the
/// payload, no message.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(skip_message, code_key = "error")]
enum NoMessage {
    #[error("the name is taken")]
    #[status(409)]
    Taken {
        #[payload]
        name: String,
    },
    #[error("gone")]
    #[status(410)]
    Gone,
}

#[test]
fn no_message_member() {
    assert_body(
        &NoMessage::Taken { name: "ada".into() },
        409,
        r#"{"error":"taken","name":"ada"}"#,
    );
    assert_body(&NoMessage::Gone, 410, r#"{"error":"gone"}"#);
    // The public message is still there for logs and for the docs.
    assert_eq!(NoMessage::Gone.message(), "gone");
    assert_document::<NoMessage>();
    let schema = &NoMessage::openapi_responses()["409"]["content"]["application/json"]["schema"];
    assert!(schema["properties"].get("message").is_none());
}

/// The payload alone: which member comes first is known only at run time.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(skip_message)]
enum PayloadOnly {
    #[error("invalid")]
    #[status(422)]
    Invalid {
        #[payload]
        field: Option<String>,
        #[payload]
        reason: &'static str,
        #[payload]
        hint: Option<u32>,
    },
    #[error("flattened")]
    #[status(400)]
    Flat {
        #[payload]
        first: Option<u8>,
        #[payload(flatten)]
        extra: std::collections::BTreeMap<String, u32>,
        #[payload]
        last: u8,
    },
    #[error("empty")]
    #[status(400)]
    #[http_error(code = "empty")]
    Empty {
        #[payload]
        only: Option<u8>,
    },
}

#[test]
fn payload_only_bodies_have_no_stray_comma() {
    for (field, hint, expected) in [
        (None, None, r#"{"reason":"too short"}"#),
        (
            Some("name"),
            None,
            r#"{"field":"name","reason":"too short"}"#,
        ),
        (None, Some(3), r#"{"reason":"too short","hint":3}"#),
        (
            Some("name"),
            Some(3),
            r#"{"field":"name","reason":"too short","hint":3}"#,
        ),
    ] {
        let error = PayloadOnly::Invalid {
            field: field.map(str::to_owned),
            reason: "too short",
            hint,
        };
        assert_body(&error, 422, expected);
    }
    let extra: std::collections::BTreeMap<String, u32> =
        [("a".to_owned(), 1), ("b".to_owned(), 2)].into();
    assert_body(
        &PayloadOnly::Flat {
            first: None,
            extra: extra.clone(),
            last: 9,
        },
        400,
        r#"{"a":1,"b":2,"last":9}"#,
    );
    assert_body(
        &PayloadOnly::Flat {
            first: None,
            extra: Default::default(),
            last: 9,
        },
        400,
        r#"{"last":9}"#,
    );
    assert_body(
        &PayloadOnly::Flat {
            first: Some(1),
            extra,
            last: 9,
        },
        400,
        r#"{"first":1,"a":1,"b":2,"last":9}"#,
    );
    assert_body(&PayloadOnly::Empty { only: None }, 400, "{}");
    assert_body(&PayloadOnly::Empty { only: Some(1) }, 400, r#"{"only":1}"#);
    assert_document::<PayloadOnly>();
}

/// A payload that fails to serialize answers the plain 500 in the type's
/// own shape: inside its envelope, with its fixed members.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(envelope = "error", status_key = "status")]
#[member("object", "error")]
#[member("doc_url", "https://docs.example.com/errors#{code}")]
enum Failing {
    #[error("bad")]
    #[status(400)]
    Bad {
        #[payload]
        value: Unserializable,
    },
}

#[derive(Debug)]
struct Unserializable;

impl serde::Serialize for Unserializable {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom("no"))
    }
}

#[test]
fn the_plain_500_keeps_the_shape() {
    let response = Failing::Bad {
        value: Unserializable,
    }
    .to_response();
    assert_eq!(response.status(), 500);
    assert_eq!(
        std::str::from_utf8(response.body()).unwrap(),
        r#"{"error":{"message":"Internal Server Error","status":500,"object":"error"}}"#
    );
}

proptest! {
    #[test]
    fn every_shape_validates_against_its_documented_schema(
        id in any::<String>(),
        n in any::<u64>(),
        v in any::<u32>(),
        field in proptest::option::of(any::<String>()),
        hint in proptest::option::of(any::<u32>()),
        first in proptest::option::of(any::<u8>()),
        extra in proptest::collection::btree_map("[a-z]{1,3}", any::<u32>(), 0..4),
    ) {
        assert_documented(&Stripe::NoSuchCustomer { id: id.clone(), param: "id" });
        assert_documented(&Stripe::Api(id.clone()));
        assert_documented(&JsonApi::Missing(n));
        assert_documented(&JsonApi::Conflict { version: v });
        assert_documented(&Google::Exhausted { quota: id.clone() });
        assert_documented(&NoMessage::Taken { name: id });
        let body = PayloadOnly::Invalid { field, reason: "r", hint };
        assert_strict_json(&body.to_json());
        assert_documented(&body);
        let body = PayloadOnly::Flat { first, extra, last: 1 };
        assert_strict_json(&body.to_json());
        assert_documented(&body);
    }
}

/// The payload alone inside an envelope: the comma after the envelope's
/// opening is the one dropped.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(envelope = "error", skip_message)]
enum EnvelopedPayload {
    #[error("invalid")]
    #[status(422)]
    Invalid {
        #[payload]
        field: Option<String>,
        #[payload]
        reason: &'static str,
    },
}

#[test]
fn payload_only_inside_an_envelope() {
    assert_body(
        &EnvelopedPayload::Invalid {
            field: None,
            reason: "short",
        },
        422,
        r#"{"error":{"reason":"short"}}"#,
    );
    assert_body(
        &EnvelopedPayload::Invalid {
            field: Some("name".into()),
            reason: "short",
        },
        422,
        r#"{"error":{"field":"name","reason":"short"}}"#,
    );
    assert_document::<EnvelopedPayload>();
}

/// A problem without `detail` (RFC 9457 makes it optional).
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "problem", skip_message)]
enum TerseProblem {
    #[error("gone")]
    #[status(410)]
    Gone {
        #[payload(example = "a.txt")]
        id: String,
    },
}

#[test]
fn a_problem_without_detail() {
    let error = TerseProblem::Gone { id: "a.txt".into() };
    assert_body(
        &error,
        410,
        r#"{"type":"about:blank","title":"Gone","status":410,"id":"a.txt"}"#,
    );
    assert_eq!(
        error.to_response().headers()["content-type"],
        "application/problem+json"
    );
    assert_document::<TerseProblem>();
}

/// Numbers are written as serde_json writes the values they hold, on
/// every path to the body; braces written twice stay braces, in the plain
/// 500 too.
#[derive(Debug, thiserror::Error, HttpError)]
#[member("thousand", 1e3)]
#[member("price", 2.50)]
#[member("zero", -0)]
#[member("small", 1e-7)]
#[member("braces", "{{code}}")]
enum Numbers {
    #[error("n")]
    #[status(400)]
    N {
        #[payload]
        value: Unserializable,
    },
    #[error("m")]
    #[status(400)]
    M,
}

#[test]
fn numbers_in_members_are_written_as_serde_json_writes_them() {
    assert_body(
        &Numbers::M,
        400,
        r#"{"message":"m","thousand":1000.0,"price":2.5,"zero":0,"small":1e-7,"braces":"{code}"}"#,
    );
    assert_document::<Numbers>();
    let plain = Numbers::N {
        value: Unserializable,
    }
    .to_response();
    assert_eq!(
        std::str::from_utf8(plain.body()).unwrap(),
        r#"{"message":"Internal Server Error","thousand":1000.0,"price":2.5,"zero":0,"small":1e-7,"braces":"{code}"}"#
    );
}
