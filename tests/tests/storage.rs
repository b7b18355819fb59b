//! The `StorageError` of the design answers exactly what the design says.

use httperror::HttpError;
use httperror_tests::StorageError;
use serde_json::json;

fn body(error: &StorageError) -> serde_json::Value {
    serde_json::from_slice(&error.to_json()).unwrap()
}

#[test]
fn not_found() {
    let error = StorageError::NotFound { id: "f-42".into() };
    assert_eq!(error.status(), http::StatusCode::NOT_FOUND);
    assert_eq!(error.code(), "not_found");
    assert_eq!(error.message(), "file f-42 not found");
    assert_eq!(
        error.to_json(),
        br#"{"message":"file f-42 not found","id":"f-42"}"#
    );
}

#[test]
fn quota_exceeded_is_the_design_s_example() {
    let error = StorageError::QuotaExceeded { used: 10, limit: 8 };
    let response = error.to_response();
    assert_eq!(response.status().as_u16(), 507);
    assert_eq!(
        response.status().canonical_reason(),
        Some("Insufficient Storage")
    );
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(response.headers().len(), 1);
    assert_eq!(
        response.body().as_ref(),
        br#"{"message":"quota exceeded: 10 of 8 bytes used","used":10,"limit":8}"#
    );
}

#[test]
fn throttled() {
    let error = StorageError::Throttled { retry_after: 30 };
    assert_eq!(error.status().as_u16(), 429);
    assert_eq!(error.code(), "throttled");
    assert_eq!(
        body(&error),
        json!({"message": "too many requests", "retry_after": 30})
    );
}

#[test]
fn unauthorized_has_a_static_body() {
    let error = StorageError::Unauthorized;
    assert_eq!(error.status().as_u16(), 401);
    assert_eq!(error.to_json(), br#"{"message":"authentication required"}"#);
}

#[test]
fn backend_never_shows_the_io_error() {
    let secret = "disk /dev/sda3 on fire";
    let error = StorageError::Backend(std::io::Error::other(secret));
    assert_eq!(error.to_string(), format!("backend failure: {secret}"));
    assert_eq!(error.message(), "Internal Server Error");
    assert_eq!(error.code(), "backend");
    let response = error.to_response();
    assert_eq!(response.status().as_u16(), 500);
    assert_eq!(
        response.body().as_ref(),
        br#"{"message":"Internal Server Error"}"#
    );
    assert!(!String::from_utf8_lossy(response.body()).contains("sda3"));
}

#[test]
fn status_codes_are_sorted_and_const() {
    const CODES: &[u16] = StorageError::STATUS_CODES;
    const _: () = assert!(CODES.len() == 5 && CODES[0] == 401 && CODES[4] == 507);
    assert_eq!(CODES, &[401, 404, 429, 500, 507]);
}

#[test]
fn dict_json_and_serialize_view_agree() {
    let errors = [
        StorageError::NotFound {
            id: "a\"b\\c\n\u{2028}".into(),
        },
        StorageError::QuotaExceeded {
            used: u64::MAX,
            limit: 0,
        },
        StorageError::Throttled { retry_after: 1 },
        StorageError::Unauthorized,
        StorageError::Backend(std::io::Error::other("x")),
    ];
    for error in &errors {
        let from_json: serde_json::Value = serde_json::from_slice(&error.to_json()).unwrap();
        let dict = serde_json::Value::Object(error.to_dict());
        let view = serde_json::to_value(error.body()).unwrap();
        assert_eq!(from_json, dict, "{error:?}");
        assert_eq!(from_json, view, "{error:?}");
        assert_eq!(
            serde_json::to_vec(&error.body()).unwrap(),
            error.to_json(),
            "same bytes, same key order: {error:?}"
        );
        assert_eq!(
            error.to_response().body().as_ref(),
            error.to_json().as_slice()
        );
    }
}
