//! Whatever the strings and numbers in an error, its body is valid JSON
//! equal to `to_dict()` and to the `Serialize` view, with no object that
//! names a member twice (whatever names flattened maps bring), in the
//! default and the problem format and for `Abort`; header values are never
//! mangled.
//!
//! RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir tests/fuzz json_body -- -max_total_time=60

#![no_main]

use std::collections::BTreeMap;

use arbitrary::Arbitrary;
use httperror::{Abort, HttpError, StatusCode};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "code")]
enum Json {
    #[error("{0}")]
    #[status(400)]
    Display(String),
    #[error("x")]
    #[status(422)]
    #[message("{text} | {text:?} | {n:>4} | {n}")]
    Template {
        #[payload]
        #[header("x-text")]
        text: String,
        #[payload]
        n: i64,
        #[payload]
        maybe: Option<String>,
        #[payload(flatten)]
        extra: BTreeMap<String, String>,
        #[payload]
        float: f64,
    },
    #[error("flattened")]
    #[status(500)]
    Flattened(
        #[payload(flatten)] BTreeMap<String, String>,
        #[payload(flatten)] BTreeMap<String, u32>,
    ),
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "problem")]
enum Problem {
    #[error("{0}")]
    #[status(409)]
    Conflict(
        #[payload(rename = "resource")] String,
        #[payload(flatten)] BTreeMap<String, String>,
    ),
}

/// The names the crate and these types' payloads use, which flattened
/// maps must not repeat; arbitrary strings would seldom hit them.
const NAMES: &[&str] = &[
    "message", "code", "text", "n", "maybe", "float", "type", "title", "status", "detail",
    "instance", "resource",
];

#[derive(Debug, Arbitrary)]
enum Name {
    Taken(u8),
    Any(String),
}

impl Name {
    fn text(self) -> String {
        match self {
            Name::Taken(i) => NAMES[usize::from(i) % NAMES.len()].to_owned(),
            Name::Any(s) => s,
        }
    }
}

#[derive(Debug, Arbitrary)]
struct Input {
    text: String,
    n: i64,
    maybe: Option<String>,
    extra: Vec<(Name, String)>,
    numbers: Vec<(Name, u32)>,
    float: f64,
    status: u16,
}

fn check<E: HttpError>(error: &E) {
    let json = error.to_json();
    if matches!(error.status().as_u16(), 100..=199 | 204 | 205 | 304) {
        // No content, by RFC 9110: nothing to parse, nothing sent.
        assert!(json.is_empty() && error.to_dict().is_empty());
        assert!(error.to_response().body().is_empty());
        return;
    }
    let value = strict::parse_strict(&json).expect("valid JSON, no member named twice");
    assert_eq!(value, Value::Object(error.to_dict()));
    assert_eq!(serde_json::to_vec(&error.body()).unwrap(), json);
    let response = error.to_response();
    assert_eq!(response.body().as_ref(), json.as_slice());
    for value in response.headers().values() {
        assert!(
            value
                .as_bytes()
                .iter()
                .all(|&b| b == b'\t' || (b >= 0x20 && b != 0x7f))
        );
    }
}

#[path = "../../tests/support/strict.rs"]
mod strict;

fuzz_target!(|input: Input| {
    let extra: BTreeMap<String, String> =
        input.extra.into_iter().map(|(k, v)| (k.text(), v)).collect();
    let numbers: BTreeMap<String, u32> =
        input.numbers.into_iter().map(|(k, v)| (k.text(), v)).collect();
    check(&Json::Display(input.text.clone()));
    check(&Problem::Conflict(input.text.clone(), extra.clone()));
    check(&Json::Template {
        text: input.text.clone(),
        n: input.n,
        maybe: input.maybe.clone(),
        extra: extra.clone(),
        float: input.float,
    });
    check(&Json::Flattened(extra.clone(), numbers));
    let status = StatusCode::from_u16(input.status % 900 + 100).unwrap();
    let abort = Abort::new(status)
        .with_message(input.text.clone())
        .with(input.maybe.unwrap_or_default(), extra)
        .with_header("x-value", input.text);
    check(&abort);
});
