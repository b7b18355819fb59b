//! Derived code adds no warning under the strictest lints a user may set:
//! `clippy --all-targets -- -D warnings` (CI) checks the clippy ones here.

#![deny(warnings, missing_docs, unused_qualifications, unreachable_pub)]
#![deny(clippy::all, clippy::pedantic)]

use httperror::HttpError;

/// Errors under strict lints.
#[derive(Debug, thiserror::Error, HttpError)]
#[non_exhaustive]
#[status(400)]
pub enum Strict {
    /// Same status as the default.
    #[error("a")]
    A,
    /// Same status, again: `match_same_arms` must not fire.
    #[error("b")]
    B,
    /// A deprecated variant is still answered.
    #[deprecated = "use A"]
    #[error("old {0}")]
    #[status(410)]
    Old(#[payload(rename = "value")] u32),
    /// Not exhaustive.
    #[non_exhaustive]
    #[error("c")]
    #[status(503)]
    C {
        /// A payload field.
        #[payload]
        field: Option<String>,
    },
}

/// An empty error type: never constructed, still an `HttpError`.
#[derive(Debug, thiserror::Error, HttpError)]
pub enum Never {}

#[test]
#[allow(deprecated)]
fn strict_lints_hold_and_deprecated_variants_answer() {
    assert_eq!(
        Strict::Old(1).to_json(),
        br#"{"message":"old 1","value":1}"#
    );
    assert_eq!(Strict::STATUS_CODES, &[400, 410, 503]);
    assert_eq!(
        Strict::C { field: None }.to_json(),
        br#"{"message":"Service Unavailable"}"#
    );
    assert!(Never::STATUS_CODES.is_empty());
}
