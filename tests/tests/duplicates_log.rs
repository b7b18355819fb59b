//! With the `tracing` feature, the names of flattened members left out of
//! a body are logged once per body, at warn level, never their values. One
//! test in this binary: it installs the global subscriber (a thread-local
//! one would lose events whose callsite another test registered first).

mod support;

use std::collections::BTreeMap;

use httperror::HttpError;
use support::Captured;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "code")]
enum Flat {
    #[error("map")]
    #[status(400)]
    Client(#[payload(flatten)] BTreeMap<String, u32>),
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
}

fn map(entries: &[(&str, u32)]) -> BTreeMap<String, u32> {
    entries.iter().map(|&(k, v)| (k.to_owned(), v)).collect()
}

#[test]
fn left_out_names_are_logged_once_per_response_without_values() {
    let captured = Captured::global();
    {
        let error = Flat::Two {
            id: 1,
            first: map(&[("message", 424242), ("shared", 1)]),
            second: map(&[("shared", 4), ("code", 5)]),
        };
        let _ = error.to_response();
        // Nothing to leave out: nothing logged.
        let _ = Flat::Client(map(&[("fine", 1)])).to_response();
    }
    let log = captured.text();
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 1, "{log}");
    assert!(lines[0].contains("WARN"), "{log}");
    assert!(lines[0].contains("code=\"two\""), "{log}");
    assert!(
        lines[0].contains(r#"left_out=3 names=["message", "code", "shared"]"#),
        "{log}"
    );
    assert!(!log.contains("424242"), "{log}");
}
