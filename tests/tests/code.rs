//! Messages and members from the user's code, `with = path`: on the enum
//! (or a struct) the function takes `&Self`; on a variant, the variant's
//! fields by reference, in their order.

mod support;

use std::borrow::Cow;

use httperror::HttpError;
use serde_json::json;
use support::{assert_body, assert_examples_match, assert_valid_openapi, document_with};

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

/// A type whose schema only `schemars` knows.
#[derive(Debug, serde::Serialize, schemars::JsonSchema)]
struct Limits {
    max: u32,
}

fn limits(max: &u32) -> Limits {
    Limits { max: *max }
}

/// Generic named code: the argument's type comes from the field.
fn shown<T: std::fmt::Display>(value: &T) -> String {
    format!("<{value}>")
}

#[derive(Debug, thiserror::Error, HttpError)]
enum Generic {
    #[error("a")]
    #[status(400)]
    #[message(with = shown)]
    #[member("text", with = ToString::to_string)]
    #[member("limits", with = limits)]
    A(u32),
}

#[test]
fn generic_functions_and_schemars_schemas() {
    assert_body(
        &Generic::A(5),
        400,
        r#"{"message":"<5>","text":"5","limits":{"max":5}}"#,
    );
    let responses = Generic::openapi_responses();
    let properties = &responses["400"]["content"]["application/json"]["schema"]["properties"];
    assert_eq!(properties["text"], json!({"type": "string"}));
    assert_eq!(properties["limits"]["properties"]["max"]["type"], "integer");
}

/// On the enum, `#[status(..)]` with a set is every variant's default, and
/// its code takes `&Self`.
#[derive(Debug, thiserror::Error, HttpError)]
#[status(NOT_FOUND | GONE, with = Self::status_of)]
enum Lookup {
    #[error("missing {0}")]
    Missing(u32),
    #[error("deleted {0}")]
    Deleted(u32),
    #[error("fixed")]
    #[status(400)]
    Fixed,
}

impl Lookup {
    fn status_of(&self) -> httperror::StatusCode {
        match self {
            Lookup::Deleted(_) => httperror::StatusCode::GONE,
            _ => httperror::StatusCode::NOT_FOUND,
        }
    }
}

#[test]
fn an_enum_level_set_takes_self() {
    assert_eq!(Lookup::STATUS_CODES, &[400, 404, 410, 500]);
    assert_body(&Lookup::Missing(1), 404, r#"{"message":"missing 1"}"#);
    assert_body(&Lookup::Deleted(2), 410, r#"{"message":"deleted 2"}"#);
    assert_body(&Lookup::Fixed, 400, r#"{"message":"fixed"}"#);
}

/// A struct's code takes `&Self`, for the message, a member and the
/// status alike.
#[derive(Debug, thiserror::Error, HttpError)]
#[error("over quota")]
#[status(TOO_MANY_REQUESTS | PAYLOAD_TOO_LARGE, with = Self::status_of)]
#[message(with = Self::describe)]
#[member("left", with = Self::left)]
struct Quota {
    used: u64,
    limit: u64,
    single: bool,
}

impl Quota {
    fn status_of(&self) -> httperror::StatusCode {
        if self.single {
            httperror::StatusCode::PAYLOAD_TOO_LARGE
        } else {
            httperror::StatusCode::TOO_MANY_REQUESTS
        }
    }

    fn describe(&self) -> String {
        format!("{} of {} used", self.used, self.limit)
    }

    fn left(&self) -> u64 {
        self.limit.saturating_sub(self.used)
    }
}

#[test]
fn a_struct_names_code_with_self() {
    let quota = |single| Quota {
        used: 7,
        limit: 10,
        single,
    };
    assert_body(&quota(false), 429, r#"{"message":"7 of 10 used","left":3}"#);
    assert_body(&quota(true), 413, r#"{"message":"7 of 10 used","left":3}"#);
    assert_eq!(Quota::STATUS_CODES, &[413, 429, 500]);
}
