//! `#[http_error(transparent)]`: an application error composed of module
//! errors answers exactly as the module error inside it, and documents
//! every status of every module error.

mod support;

use httperror::HttpError;
use httperror_tests::StorageError;
use serde_json::Value;
use support::{assert_documented, assert_examples_match, assert_strict_json, assert_valid_openapi};

/// An auth module's errors, in RFC 9457's format.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "problem", type_base = "https://example.com/probs/")]
pub enum AuthError {
    /// The token has expired.
    #[error("token expired")]
    #[status(401)]
    #[header("www-authenticate", "Bearer error=\"invalid_token\"")]
    Expired,
    /// The token does not allow this.
    #[error("not allowed: {scope}")]
    #[status(403)]
    Forbidden {
        /// The scope that was missing.
        #[payload(example = "files:write")]
        scope: String,
    },
}

/// The application's error: each module's, as it is.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "code")]
pub enum AppError {
    #[error(transparent)]
    #[http_error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    #[http_error(transparent)]
    Auth {
        #[from]
        source: AuthError,
    },
    /// The request was malformed.
    #[error("bad request")]
    #[status(400)]
    BadRequest,
}

/// A wrapper of the wrapper, as a newtype struct.
#[derive(Debug, thiserror::Error, HttpError)]
#[error(transparent)]
#[http_error(transparent)]
pub struct Outer(#[from] AppError);

/// A generic wrapper.
#[derive(Debug, thiserror::Error, HttpError)]
#[error(transparent)]
#[http_error(transparent)]
pub struct Wrap<E: std::error::Error + 'static>(E);

const _: () = assert!(AppError::STATUS_CODES.len() == 7);

fn storage_errors() -> Vec<StorageError> {
    vec![
        StorageError::NotFound { id: "a.txt".into() },
        StorageError::QuotaExceeded { used: 9, limit: 8 },
        StorageError::Throttled { retry_after: 3 },
        StorageError::Unauthorized,
        StorageError::Backend(std::io::Error::other("disk on fire")),
    ]
}

fn auth_errors() -> Vec<AuthError> {
    vec![
        AuthError::Expired,
        AuthError::Forbidden {
            scope: "files:write".into(),
        },
    ]
}

/// Everything a client sees, and what `to_dict`, `to_json` and the serde
/// view give.
fn same_answer<A: HttpError, B: HttpError>(outer: &A, inner: &B) {
    let (a, b) = (outer.to_response(), inner.to_response());
    assert_eq!(a.status(), b.status());
    assert_eq!(a.headers(), b.headers());
    assert_eq!(a.body(), b.body());
    assert_eq!(outer.code(), inner.code());
    assert_eq!(outer.message(), inner.message());
    assert_eq!(outer.to_json(), inner.to_json());
    assert_eq!(outer.to_dict(), inner.to_dict());
    assert_eq!(
        serde_json::to_vec(&outer.body()).unwrap(),
        serde_json::to_vec(&inner.body()).unwrap()
    );
    if !a.body().is_empty() {
        assert_strict_json(a.body());
    }
}

#[test]
fn every_inner_variant_answers_as_itself() {
    for (outer, inner) in storage_errors().into_iter().zip(storage_errors()) {
        same_answer(&AppError::from(outer), &inner);
    }
    for (outer, inner) in auth_errors().into_iter().zip(auth_errors()) {
        same_answer(&AppError::from(outer), &inner);
    }
    for (outer, inner) in storage_errors().into_iter().zip(storage_errors()) {
        same_answer(&Outer(AppError::from(outer)), &inner);
    }
    for (outer, inner) in storage_errors().into_iter().zip(storage_errors()) {
        same_answer(&Wrap(outer), &inner);
    }
    let response = AppError::from(AuthError::Expired).to_response();
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(
        String::from_utf8_lossy(response.body()),
        r#"{"type":"https://example.com/probs/expired","title":"Unauthorized","status":401,"detail":"token expired"}"#
    );
    let response = AppError::from(StorageError::Throttled { retry_after: 3 }).to_response();
    assert_eq!(response.headers()["retry-after"], "3");
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(
        AppError::BadRequest.to_json(),
        br#"{"message":"bad request","code":"bad_request"}"#
    );
}

#[test]
fn question_mark_converts() {
    fn load() -> Result<(), StorageError> {
        Err(StorageError::NotFound { id: "x".into() })
    }
    fn handler() -> Result<(), Outer> {
        load().map_err(AppError::from)?;
        Ok(())
    }
    let error = handler().unwrap_err();
    assert_eq!(error.status(), 404);
    assert_eq!(
        error.to_json(),
        br#"{"message":"file x not found","id":"x"}"#
    );
}

#[test]
fn statuses_and_codes_merge() {
    assert_eq!(AppError::STATUS_CODES, &[400, 401, 403, 404, 429, 500, 507]);
    assert_eq!(Outer::STATUS_CODES, AppError::STATUS_CODES);
    assert_eq!(
        AppError::CODES,
        &[
            ("bad_request", 400),
            ("not_found", 404),
            ("quota_exceeded", 507),
            ("throttled", 429),
            ("unauthorized", 401),
            ("backend", 500),
            ("expired", 401),
            ("forbidden", 403),
        ]
    );
    httperror::assert_one_status_per_code::<AppError>();
    // A generic wrapper's lists are its field's.
    assert_eq!(
        Wrap::<StorageError>::STATUS_CODES,
        StorageError::STATUS_CODES
    );
    assert_eq!(
        Wrap::<AuthError>::CODES,
        &[("expired", 401), ("forbidden", 403)]
    );
}

#[test]
fn one_code_two_statuses_is_found_by_the_test_helper() {
    #[derive(Debug, thiserror::Error, HttpError)]
    enum Files {
        #[error("no file")]
        #[status(404)]
        NotFound,
    }
    #[derive(Debug, thiserror::Error, HttpError)]
    enum Users {
        #[error("no user")]
        #[status(410)]
        NotFound,
    }
    #[derive(Debug, thiserror::Error, HttpError)]
    enum Both {
        #[error(transparent)]
        #[http_error(transparent)]
        Files(Files),
        #[error(transparent)]
        #[http_error(transparent)]
        Users(Users),
    }
    assert_eq!(Both::CODES, &[("not_found", 404), ("not_found", 410)]);
    assert_eq!(
        Both::Files(Files::NotFound).code(),
        Both::Users(Users::NotFound).code()
    );
    let failure =
        std::panic::catch_unwind(httperror::assert_one_status_per_code::<Both>).unwrap_err();
    let message = failure.downcast_ref::<String>().unwrap();
    assert!(
        message.contains("`not_found` answers 404 and 410"),
        "{message}"
    );
}

#[test]
fn the_merged_document_is_valid_and_true() {
    let responses = AppError::openapi_responses();
    assert_valid_openapi(&support::document_with(responses.clone()));
    assert_examples_match::<AppError>();
    let statuses: Vec<u16> = responses
        .as_object()
        .unwrap()
        .keys()
        .map(|s| s.parse().unwrap())
        .collect();
    assert_eq!(statuses, AppError::STATUS_CODES);
    // 401: the storage module's JSON and the auth module's problem.
    let unauthorized = &responses["401"];
    assert!(unauthorized["content"]["application/json"].is_object());
    assert!(unauthorized["content"]["application/problem+json"].is_object());
    let description = unauthorized["description"].as_str().unwrap();
    assert!(
        description.contains("A bearer token is required."),
        "{description}"
    );
    assert!(
        description.contains("The token has expired."),
        "{description}"
    );
    // Each sends its own www-authenticate: documented, required, both
    // values.
    let header = &unauthorized["headers"]["www-authenticate"];
    assert_eq!(header["required"], true);
    assert_eq!(
        header["schema"]["enum"],
        serde_json::json!(["Bearer", "Bearer error=\"invalid_token\""])
    );
    for error in storage_errors() {
        assert_documented(&AppError::from(error));
    }
    for error in auth_errors() {
        assert_documented(&AppError::from(error));
    }
    assert_documented(&AppError::BadRequest);
    assert_eq!(Outer::openapi_responses(), responses);
    assert_eq!(
        Wrap::<StorageError>::openapi_responses(),
        StorageError::openapi_responses()
    );
    let _: Value = responses;
}

/// An inner status without content: no body, no content type, its headers
/// kept; and an inner type with a lifetime.
#[test]
fn no_content_and_lifetimes() {
    #[derive(Debug, thiserror::Error, HttpError)]
    enum Cache<'a> {
        /// The client's copy is current.
        #[error("not modified")]
        #[status(304)]
        NotModified {
            #[header("etag")]
            etag: &'a str,
        },
    }
    #[derive(Debug, thiserror::Error, HttpError)]
    enum Api<'a> {
        #[error(transparent)]
        #[http_error(transparent)]
        Cache(Cache<'a>),
        /// Gone.
        #[error("gone")]
        #[status(410)]
        Gone,
    }
    let etag = String::from("\"v7\"");
    let error = Api::Cache(Cache::NotModified { etag: &etag });
    let response = error.to_response();
    assert_eq!(response.status(), 304);
    assert!(response.body().is_empty());
    assert!(response.headers().get("content-type").is_none());
    assert_eq!(response.headers()["etag"], "\"v7\"");
    assert!(error.to_dict().is_empty());
    assert_eq!(Api::STATUS_CODES, &[304, 410]);
    assert_documented(&error);
    assert_documented(&Api::Gone);
}
