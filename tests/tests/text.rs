//! `format = "text"`: a variant, or a whole type, that answers its public
//! message alone as `text/plain; charset=utf-8`, documented as a string.

mod support;

use httperror::HttpError;
use serde_json::{Value, json};
use support::{assert_documented, assert_examples_match, assert_valid_openapi, document_with};

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "code")]
enum Mixed {
    /// The file does not exist.
    #[error("file {id} not found")]
    #[status(404)]
    NotFound {
        #[payload]
        id: String,
    },
    /// The old endpoint answers in plain text.
    #[error("no file {0} here")]
    #[status(404)]
    #[http_error(format = "text")]
    Legacy(String),
    /// A plain-text refusal with a static message.
    #[error("go away")]
    #[status(403)]
    #[http_error(format = "text")]
    Forbidden,
    /// The message of a 5xx stays the reason phrase.
    #[error("database at 10.0.0.3 is down")]
    #[status(503)]
    #[http_error(format = "text")]
    Down,
    #[error("quota {used} of {limit}")]
    #[status(429)]
    #[http_error(format = "text")]
    #[message("used {used} of {limit} \"units\"\n")]
    Quota { used: u64, limit: u64 },
}

#[test]
fn a_text_variant_answers_its_message_as_text_plain() {
    let cases: [(Mixed, u16, &str); 4] = [
        (
            Mixed::Legacy("a<b>.txt".into()),
            404,
            "no file a<b>.txt here",
        ),
        (Mixed::Forbidden, 403, "go away"),
        (Mixed::Down, 503, "Service Unavailable"),
        (
            Mixed::Quota { used: 3, limit: 2 },
            429,
            "used 3 of 2 \"units\"\n",
        ),
    ];
    for (error, status, text) in cases {
        let response = error.to_response();
        assert_eq!(response.status(), status);
        assert_eq!(
            response.headers()["content-type"],
            "text/plain; charset=utf-8"
        );
        assert_eq!(response.body().as_ref(), text.as_bytes());
        assert_eq!(error.to_json(), text.as_bytes(), "to_json() is the body");
        assert_eq!(
            serde_json::to_value(error.body()).unwrap(),
            Value::from(text),
            "the Serialize view is the text as a string"
        );
        assert!(error.to_dict().is_empty(), "a text body is no object");
        assert_documented(&error);
    }
    let json = Mixed::NotFound { id: "a".into() }.to_response();
    assert_eq!(json.headers()["content-type"], "application/json");
    assert_eq!(
        json.body().as_ref(),
        br#"{"message":"file a not found","code":"not_found","id":"a"}"#
    );
}

#[test]
fn a_status_with_json_and_text_variants_documents_both_media_types() {
    let responses = Mixed::openapi_responses();
    assert_valid_openapi(&document_with(responses.clone()));
    assert_examples_match::<Mixed>();
    let content = &responses["404"]["content"];
    assert_eq!(
        content.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["application/json", "text/plain"]
    );
    assert_eq!(content["text/plain"]["schema"], json!({"type": "string"}));
    assert_eq!(
        responses["403"]["content"]["text/plain"]["examples"]["forbidden"]["value"],
        "go away"
    );
    assert_eq!(
        responses["503"]["content"]["text/plain"]["examples"]["down"]["value"],
        "Service Unavailable"
    );
}

/// A whole type in plain text.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "text")]
enum Plain {
    #[error("not found")]
    #[status(404)]
    NotFound,
    #[error("bad {0}")]
    #[status(400)]
    Bad(u8),
}

#[test]
fn a_text_type() {
    let response = Plain::Bad(7).to_response();
    assert_eq!(
        response.headers()["content-type"],
        "text/plain; charset=utf-8"
    );
    assert_eq!(response.body().as_ref(), b"bad 7");
    assert_documented(&Plain::Bad(7));
    assert_documented(&Plain::NotFound);
    assert_eq!(
        Plain::openapi_responses()["404"]["content"],
        json!({"text/plain": {
            "schema": {"type": "string"},
            "examples": {"not_found": {"summary": "NotFound", "value": "not found"}},
        }})
    );
}

/// A `Display` that fails: a plain 500 in text, never half a body.
#[derive(Debug)]
struct Failing;

impl std::fmt::Display for Failing {
    fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Err(std::fmt::Error)
    }
}

#[derive(Debug, thiserror::Error, HttpError)]
enum Broken {
    #[error("broken")]
    #[status(400)]
    #[http_error(format = "text")]
    #[message("value: {0}")]
    Text(Failing),
}

#[test]
fn a_failing_display_answers_a_plain_text_500() {
    let response = Broken::Text(Failing).to_response();
    assert_eq!(response.status(), 500);
    assert_eq!(
        response.headers()["content-type"],
        "text/plain; charset=utf-8"
    );
    assert_eq!(response.body().as_ref(), b"Internal Server Error");
}

/// A text variant in a type with an envelope, fixed members, or the
/// problem format: its body is its message alone all the same.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(envelope = "error", code_key = "code")]
#[member("object", "error")]
enum Enveloped {
    #[error("json")]
    #[status(400)]
    Json,
    #[error("plain")]
    #[status(400)]
    #[http_error(format = "text")]
    Plain,
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "problem")]
enum Problem {
    #[error("plain {0}")]
    #[status(404)]
    #[http_error(format = "text")]
    Plain(u8),
    #[error("problem")]
    #[status(404)]
    Problem,
}

#[test]
fn a_text_variant_ignores_the_types_json_shape() {
    let response = Enveloped::Plain.to_response();
    assert_eq!(
        response.headers()["content-type"],
        "text/plain; charset=utf-8"
    );
    assert_eq!(response.body().as_ref(), b"plain");
    assert_documented(&Enveloped::Plain);
    assert_eq!(
        Enveloped::Json.to_response().body().as_ref(),
        br#"{"error":{"message":"json","code":"json","object":"error"}}"#
    );
    assert_documented(&Enveloped::Json);
    let response = Problem::Plain(3).to_response();
    assert_eq!(
        response.headers()["content-type"],
        "text/plain; charset=utf-8"
    );
    assert_eq!(response.body().as_ref(), b"plain 3");
    assert_documented(&Problem::Plain(3));
    assert_documented(&Problem::Problem);
    let content = &Problem::openapi_responses()["404"]["content"];
    assert_eq!(
        content.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["application/problem+json", "text/plain"]
    );
}

/// A text variant whose status is chosen at run time.
#[derive(Debug, thiserror::Error, HttpError)]
enum Chosen {
    #[error("busy {0}")]
    #[status(TOO_MANY_REQUESTS | SERVICE_UNAVAILABLE, with = busy_status)]
    #[http_error(format = "text")]
    Busy(u8),
}

fn busy_status(n: &u8) -> httperror::StatusCode {
    if *n > 5 {
        httperror::StatusCode::SERVICE_UNAVAILABLE
    } else {
        httperror::StatusCode::TOO_MANY_REQUESTS
    }
}

#[test]
fn a_text_variant_with_a_chosen_status() {
    let low = Chosen::Busy(1).to_response();
    assert_eq!(low.status(), 429);
    assert_eq!(low.body().as_ref(), b"busy 1");
    let high = Chosen::Busy(9).to_response();
    assert_eq!(high.status(), 503);
    assert_eq!(high.body().as_ref(), b"Service Unavailable");
    assert_eq!(high.headers()["content-type"], "text/plain; charset=utf-8");
    assert_documented(&Chosen::Busy(1));
    assert_documented(&Chosen::Busy(9));
}
