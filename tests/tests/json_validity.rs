//! Whatever the strings in messages, templates and payloads (quotes,
//! backslashes, control characters, non-BMP characters, U+2028/U+2029,
//! very long values), `to_json()` is valid JSON equal to `to_dict()` and to
//! the `Serialize` view, and no object in it names a member twice (checked
//! by a parser that rejects duplicates, whatever names flattened maps
//! bring); the same for the problem format and `Abort`.

mod support;

use std::collections::BTreeMap;

use httperror::{Abort, HttpError, StatusCode};
use proptest::prelude::*;
use serde_json::Value;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "code")]
enum Json {
    #[error("{0}")]
    #[status(400)]
    Display(String),
    #[error("x")]
    #[status(422)]
    #[message("{text} | {text:?} | {n:>4}")]
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
        list: Vec<String>,
        #[payload]
        float: f64,
    },
    #[error("flattened")]
    #[status(503)]
    Flattened(
        #[payload(flatten)] BTreeMap<String, String>,
        #[payload(flatten)] BTreeMap<String, u32>,
    ),
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "problem", type_base = "https://example.com/")]
enum Problem {
    #[error("{0}")]
    #[status(409)]
    Conflict(#[payload(rename = "resource")] String),
    #[error("{0}")]
    #[status(422)]
    Invalid(
        #[payload(rename = "resource")] String,
        #[payload(flatten)] BTreeMap<String, String>,
    ),
}

/// Member names: random text, or the names the crate and the payloads of
/// these types use.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        text(),
        prop::sample::select(vec![
            "message", "code", "text", "n", "maybe", "list", "float", "type", "title", "status",
            "detail", "instance", "resource", "a",
        ])
        .prop_map(str::to_owned),
    ]
}

/// Strings that stress JSON: everything proptest's `any::<String>()` makes,
/// plus hand-picked troublemakers and long runs of them.
fn text() -> impl Strategy<Value = String> {
    let troublemakers = prop::sample::select(vec![
        "\"",
        "\\",
        "\\\"",
        "\n",
        "\r\n",
        "\t",
        "\u{0}",
        "\u{1f}",
        "\u{7f}",
        "\u{2028}",
        "\u{2029}",
        "\u{1F600}",
        "\u{10FFFF}",
        "\u{FEFF}",
        "{",
        "}",
        "{{}}",
        "</script>",
        "é",
        "\u{D7FF}",
    ]);
    prop_oneof![
        any::<String>(),
        prop::collection::vec(troublemakers, 0..40).prop_map(|parts| parts.concat()),
        (
            prop::sample::select(vec!["\"", "\u{2028}", "a", "\\u0000"]),
            1000..20_000usize
        )
            .prop_map(|(s, n)| s.repeat(n)),
    ]
}

fn check<E: HttpError>(error: &E) {
    let json = error.to_json();
    let parsed = support::assert_strict_json(&json);
    assert_eq!(parsed, Value::Object(error.to_dict()));
    assert_eq!(
        serde_json::to_vec(&error.body()).unwrap(),
        json,
        "same bytes as the Serialize view"
    );
    let response = error.to_response();
    assert_eq!(response.body().as_ref(), json.as_slice());
    // A header value is either sent as it is, or dropped; never mangled.
    for value in response.headers().values() {
        assert!(
            value
                .as_bytes()
                .iter()
                .all(|&b| b == b'\t' || (b >= 0x20 && b != 0x7f))
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn display_messages(s in text()) {
        check(&Json::Display(s));
    }

    #[test]
    fn templates_and_payloads(
        text in text(),
        n in any::<i64>(),
        maybe in prop::option::of(text()),
        extra in prop::collection::btree_map(name(), text(), 0..4),
        list in prop::collection::vec(text(), 0..4),
        float in any::<f64>().prop_filter("JSON has no NaN or infinity", |f| f.is_finite()),
    ) {
        let error = Json::Template { text: text.clone(), n, maybe, extra, list, float };
        check(&error);
        let header = error.headers().get("x-text").map(|v| v.as_bytes().to_vec());
        if let Some(header) = header {
            prop_assert_eq!(header, text.as_bytes());
        }
    }

    #[test]
    fn flattened_maps_that_share_names(
        first in prop::collection::btree_map(name(), text(), 0..24),
        second in prop::collection::btree_map(name(), any::<u32>(), 0..24),
    ) {
        check(&Json::Flattened(first, second));
    }

    #[test]
    fn problem_details(s in text(), extra in prop::collection::btree_map(name(), text(), 0..6)) {
        check(&Problem::Conflict(s.clone()));
        check(&Problem::Invalid(s, extra));
    }

    #[test]
    fn abort(message in text(), key in name(), value in text(), header in text()) {
        let error = Abort::new(StatusCode::BAD_REQUEST)
            .with_message(message)
            .with(key, value)
            .with_header("x-value", header);
        check(&error);
    }
}

#[test]
fn non_finite_floats_serialize_as_null() {
    // serde_json writes NaN and infinities as `null`; so do we, the same way.
    let error = Json::Template {
        text: String::new(),
        n: 0,
        maybe: None,
        extra: BTreeMap::new(),
        list: Vec::new(),
        float: f64::NAN,
    };
    check(&error);
    assert_eq!(error.to_dict()["float"], Value::Null);
}
