//! The `utoipa5` feature: derived types are also utoipa 5's
//! `IntoResponses`, and payload types take their schema from utoipa 5's
//! `ToSchema`, for applications not yet on utoipa 6.

mod support;

use std::borrow::Cow;

use httperror::HttpError;
use httperror_tests::StorageError;
use serde::Serialize;
use serde_json::{Value, json};
use utoipa5::openapi::schema::{ObjectBuilder, Type};
use utoipa5::openapi::{RefOr, Schema};

#[test]
fn into_responses_of_utoipa_5() {
    let responses = <StorageError as utoipa5::IntoResponses>::responses();
    let statuses: Vec<&str> = responses.keys().map(String::as_str).collect();
    assert_eq!(statuses, ["401", "404", "429", "500", "507"]);
    let theirs = serde_json::to_value(&responses).unwrap();
    let ours = StorageError::openapi_responses();
    for status in statuses {
        assert_eq!(theirs[status]["description"], ours[status]["description"]);
        assert_eq!(
            theirs[status]["content"], ours[status]["content"],
            "{status}"
        );
    }
    support::assert_valid_openapi(&support::document_with(theirs));
}

/// A type with a hand-written utoipa 5 schema (utoipa 5's derive names the
/// crate `utoipa`, which here is utoipa 6).
#[derive(Debug, Serialize)]
struct Legacy {
    reason: String,
}

impl utoipa5::PartialSchema for Legacy {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .property("reason", ObjectBuilder::new().schema_type(Type::String))
            .required("reason")
            .into()
    }
}

impl utoipa5::ToSchema for Legacy {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Legacy")
    }
}

#[derive(Debug, thiserror::Error, HttpError)]
enum LegacyError {
    #[error("refused")]
    #[status(422)]
    Refused {
        #[payload]
        legacy: Legacy,
    },
}

#[test]
fn payload_schema_from_utoipa_5() {
    let responses = LegacyError::openapi_responses();
    let schema = &responses["422"]["content"]["application/json"]["schema"]["properties"]["legacy"];
    assert_eq!(
        schema,
        &json!({"type": "object", "properties": {"reason": {"type": "string"}}, "required": ["reason"]})
    );
    support::assert_documented(&LegacyError::Refused {
        legacy: Legacy { reason: "r".into() },
    });
    let _: Value =
        serde_json::to_value(<LegacyError as utoipa5::IntoResponses>::responses()).unwrap();
}
