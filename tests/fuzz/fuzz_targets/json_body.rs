//! Whatever the strings and numbers in an error, its body is valid JSON
//! equal to `to_dict()` and to the `Serialize` view, in the default and the
//! problem format and for `Abort`; header values are never mangled.
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
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "problem")]
enum Problem {
    #[error("{0}")]
    #[status(409)]
    Conflict(#[payload(rename = "resource")] String),
}

#[derive(Debug, Arbitrary)]
struct Input {
    text: String,
    n: i64,
    maybe: Option<String>,
    extra: BTreeMap<String, String>,
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
    let value: Value = serde_json::from_slice(&json).expect("valid JSON");
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

fuzz_target!(|input: Input| {
    check(&Json::Display(input.text.clone()));
    check(&Problem::Conflict(input.text.clone()));
    check(&Json::Template {
        text: input.text.clone(),
        n: input.n,
        maybe: input.maybe.clone(),
        extra: input.extra.clone(),
        float: input.float,
    });
    let status = StatusCode::from_u16(input.status % 900 + 100).unwrap();
    let abort = Abort::new(status)
        .with_message(input.text.clone())
        .with(input.maybe.unwrap_or_default(), input.extra)
        .with_header("x-value", input.text);
    check(&abort);
});
