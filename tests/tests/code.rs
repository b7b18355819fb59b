//! Messages and members from the user's code, `with = path`: on the enum
//! (or a struct) the function takes `&Self`; on a variant, the variant's
//! fields by reference, in their order.

mod support;

use std::borrow::Cow;

use httperror::HttpError;
use serde_json::json;
use support::{
    assert_body, assert_examples_match,
    assert_valid_openapi, document_with,
};

#[derive(Debug, thiserror::Error, HttpError)]
#[message(with = Self::describe)]
#[member("reason", with = Self::reason)]
#[http_error(code_key = "code")]
enum Payment {
    #[error("payment {id} missing")]
    #[status(404)]
    #[member("hint", "payment {id} does not exist ({code}, {status})")]
    Missing { id: String },
    #[error("declined")]
    #[status(402)]
    #[message(with = declined_message)]
    #[member("retry", with = can_retry)]
    Declined {
        #[payload]
        attempts: u32,
        limit: u32,
    },
    /// The ledger failed: no code of the type's runs for it.
    #[error("ledger at {host} failed")]
    #[status(500)]
    Ledger { host: String },
    #[error("gateway")]
    #[status(502)]
    #[message(with = gateway_message)]
    #[member("upstream", with = upstream)]
    Gateway { name: &'static str },
}

impl Payment {
    fn describe(&self) -> Cow<'static, str> {
        match self {
            Payment::Missing { id } if id.starts_with("pay_") => "no such payment".into(),
            Payment::Missing { .. } => "that is not a payment id".into(),
            _ => "payment failed".into(),
        }
    }

    fn reason(&self) -> Option<&'static str> {
        match self {
            Payment::Missing { .. } => Some("missing"),
            _ => None,
        }
    }
}

fn declined_message(attempts: &u32, limit: &u32) -> String {
    format!("declined after {attempts} of {limit} attempts")
}

fn can_retry(attempts: &u32, limit: &u32) -> bool {
    attempts < limit
}

fn gateway_message(name: &&'static str) -> String {
    format!("the {name} gateway did not answer")
}

fn upstream(name: &&'static str) -> &'static str {
    name
}

#[test]
fn messages_and_members_from_code_in_declared_order() {
    assert_body(
        &Payment::Missing {
            id: "pay_123".into(),
        },
        404,
        r#"{"message":"no such payment","reason":"missing","code":"missing","hint":"payment pay_123 does not exist (missing, 404)"}"#,
    );
    assert_body(
        &Payment::Missing { id: "x\"y".into() },
        404,
        r#"{"message":"that is not a payment id","reason":"missing","code":"missing","hint":"payment x\"y does not exist (missing, 404)"}"#,
    );
    assert_body(
        &Payment::Declined {
            attempts: 1,
            limit: 3,
        },
        402,
        r#"{"message":"declined after 1 of 3 attempts","reason":null,"code":"declined","retry":true,"attempts":1}"#,
    );
}

#[test]
fn the_types_code_never_runs_for_a_5xx() {
    let error = Payment::Ledger {
        host: "10.0.0.3".into(),
    };
    assert_eq!(error.message(), "Internal Server Error");
    assert_body(
        &error,
        500,
        r#"{"message":"Internal Server Error","code":"ledger"}"#,
    );
    // Code the variant names itself runs; the type's `reason` still does
    // not.
    assert_body(
        &Payment::Gateway { name: "card" },
        502,
        r#"{"message":"the card gateway did not answer","code":"gateway","upstream":"card"}"#,
    );
}

#[test]
fn computed_members_are_documented() {
    let responses = Payment::openapi_responses();
    assert_valid_openapi(&document_with(responses.clone()));
    assert_examples_match::<Payment>();
    let missing = &responses["404"]["content"]["application/json"]["schema"];
    assert_eq!(
        missing["required"],
        json!(["message", "reason", "code", "hint"])
    );
    assert_eq!(missing["properties"]["hint"], json!({"type": "string"}));
    let ledger = &responses["500"]["content"]["application/json"]["schema"];
    assert!(ledger["properties"].get("reason").is_none());
}

#[test]
fn a_computed_member_is_documented_with_the_schema_of_what_the_code_returns() {
    // `Option<&str>` and `bool`, through utoipa's `ToSchema` (the feature
    // is on here; without it, an open schema).
    let responses = Payment::openapi_responses();
    assert_eq!(
        responses["404"]["content"]["application/json"]["schema"]["properties"]["reason"],
        json!({"oneOf": [{"type": "null"}, {"type": "string"}]})
    );
    assert_eq!(
        responses["402"]["content"]["application/json"]["schema"]["properties"]["retry"],
        json!({"type": "boolean"})
    );
}
