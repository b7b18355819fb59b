//! No body ever names a member twice: a flattened payload's member whose
//! name the crate's own members (message, code, problem members) or an
//! earlier payload already use is left out, through `to_json()`,
//! `to_response()`, the `Serialize` view and `to_dict()` alike. Each body is
//! checked byte for byte and by a parser that rejects duplicate names.

mod support;

use std::collections::BTreeMap;

use httperror::HttpError;
use serde::Serialize;
use serde_json::{Value, json};
use support::{assert_strict_json, parse_strict};

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "code")]
enum Flat {
    #[error("map")]
    #[status(400)]
    Client(#[payload(flatten)] BTreeMap<String, u32>),
    #[error("disk {0:?} failed")]
    #[status(503)]
    Server(#[payload(flatten)] BTreeMap<String, u32>),
    #[error("two maps")]
    #[status(422)]
    Two {
        #[payload]
        id: u32,
        #[payload(flatten)]
        first: BTreeMap<String, u32>,
        #[payload(flatten)]
        second: BTreeMap<String, u32>,
    },
    #[error("struct")]
    #[status(409)]
    Struct(#[payload(flatten)] Meta),
}

/// A flattened struct whose own `message` field meets the crate's member,
/// with another type than the crate's.
#[derive(Debug, Serialize, schemars::JsonSchema)]
struct Meta {
    message: u32,
    resource: &'static str,
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "problem")]
enum Problem {
    #[error("conflict")]
    #[status(409)]
    Conflict(#[payload(flatten)] BTreeMap<String, u32>),
}

fn map(entries: &[(&str, u32)]) -> BTreeMap<String, u32> {
    entries.iter().map(|&(k, v)| (k.to_owned(), v)).collect()
}

/// Every path to the body gives `expected`, byte for byte where the crate
/// writes bytes, and no path names a member twice.
fn check<E: HttpError>(error: &E, expected: &str) {
    let json = error.to_json();
    assert_eq!(String::from_utf8_lossy(&json), expected);
    let parsed = assert_strict_json(&json);
    let response = error.to_response();
    assert_eq!(response.body().as_ref(), expected.as_bytes());
    let view = serde_json::to_vec(&error.body()).unwrap();
    assert_eq!(String::from_utf8_lossy(&view), expected);
    assert_eq!(Value::Object(error.to_dict()), parsed);
}

#[test]
fn the_strict_parser_rejects_what_serde_json_accepts() {
    let twice = br#"{"message":"map","code":"b","code":8,"message":7}"#;
    assert!(serde_json::from_slice::<Value>(twice).is_ok());
    let error = parse_strict(twice).unwrap_err().to_string();
    assert!(error.contains("duplicate member \"code\""), "{error}");
    assert!(parse_strict(br#"{"a":[{"b":1,"b":2}]}"#).is_err());
    assert_eq!(
        parse_strict(br#"{"a":[{"b":1},{"b":2}]}"#).unwrap(),
        json!({"a": [{"b": 1}, {"b": 2}]})
    );
}

#[test]
fn a_flattened_map_cannot_override_message_or_code() {
    let error = Flat::Client(map(&[("code", 8), ("message", 7), ("other", 1)]));
    check(&error, r#"{"message":"map","code":"client","other":1}"#);
}

#[test]
fn a_5xx_keeps_its_redacted_message() {
    let error = Flat::Server(map(&[("message", 7), ("retry", 2)]));
    check(
        &error,
        r#"{"message":"Service Unavailable","code":"server","retry":2}"#,
    );
}

#[test]
fn problem_members_win() {
    let keys = ["type", "title", "status", "detail", "instance", "extra"];
    let error = Problem::Conflict(keys.iter().map(|&k| (k.to_owned(), 1)).collect());
    check(
        &error,
        r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"conflict","extra":1}"#,
    );
}

#[test]
fn a_flattened_struct_with_a_message_field() {
    let error = Flat::Struct(Meta {
        message: 7,
        resource: "file",
    });
    check(
        &error,
        r#"{"message":"struct","code":"struct","resource":"file"}"#,
    );
}

#[test]
fn two_flattened_payloads_share_a_key() {
    let error = Flat::Two {
        id: 1,
        first: map(&[("id", 9), ("shared", 1), ("a", 2)]),
        second: map(&[("b", 3), ("shared", 4), ("code", 5)]),
    };
    check(
        &error,
        r#"{"message":"two maps","code":"two","id":1,"a":2,"shared":1,"b":3}"#,
    );
}

#[test]
fn the_documented_schema_keeps_the_crates_members() {
    let responses = Flat::openapi_responses();
    let schema = &responses["409"]["content"]["application/json"]["schema"];
    assert_eq!(schema["properties"]["message"], json!({"type": "string"}));
    assert_eq!(schema["properties"]["code"]["enum"], json!(["struct"]));
    assert_eq!(schema["properties"]["resource"]["type"], "string");
    support::assert_documented(&Flat::Struct(Meta {
        message: 7,
        resource: "file",
    }));
    let schema = &responses["400"]["content"]["application/json"]["schema"];
    assert_eq!(schema["properties"]["message"], json!({"type": "string"}));
    assert_eq!(schema["properties"]["code"]["enum"], json!(["client"]));
    let error = Flat::Client(map(&[("code", 8), ("message", 7)]));
    support::assert_documented(&error);
}
