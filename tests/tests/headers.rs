//! `#[header]`: fixed values on variants, dynamic values from fields, and
//! dynamic values that are not valid header values dropped, never injected.

mod support;

use httperror::HttpError;
use httperror_tests::StorageError;

#[test]
fn design_headers() {
    let response = StorageError::Throttled { retry_after: 30 }.to_response();
    assert_eq!(response.status().as_u16(), 429);
    assert_eq!(response.headers()["retry-after"], "30");
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(response.headers().len(), 2);
    assert_eq!(
        response.body().as_ref(),
        br#"{"message":"too many requests","retry_after":30}"#
    );

    let response = StorageError::Unauthorized.to_response();
    assert_eq!(response.status().as_u16(), 401);
    assert_eq!(response.headers()["www-authenticate"], "Bearer");
    assert_eq!(response.headers().len(), 2);

    assert!(
        StorageError::NotFound { id: "x".into() }
            .headers()
            .is_empty()
    );
}

#[derive(Debug, thiserror::Error, HttpError)]
enum Auth {
    /// Two challenges: both are sent, in order.
    #[error("sign in")]
    #[status(401)]
    #[header("WWW-Authenticate", "Bearer realm=\"api\"")]
    #[header("www-authenticate", "Basic realm=\"api\", charset=\"UTF-8\"")]
    Challenges,
    /// The challenge and another header from fields.
    #[error("sign in")]
    #[status(UNAUTHORIZED)]
    FromField {
        #[header("www-authenticate")]
        challenge: String,
        #[header("x-request-id")]
        #[payload]
        request_id: String,
        #[header("x-trace")]
        trace: Option<u64>,
    },
    #[error("method")]
    #[status(405)]
    Method {
        #[header("allow")]
        allow: &'static str,
    },
    #[error("proxy")]
    #[status(407)]
    #[header("proxy-authenticate", "Basic realm=\"proxy\"")]
    Proxy,
    #[error("not modified")]
    #[status(304)]
    NotModified {
        #[header("etag")]
        etag: String,
    },
}

#[test]
fn repeated_headers_are_all_sent() {
    let headers = Auth::Challenges.headers();
    let values: Vec<_> = headers.get_all("www-authenticate").iter().collect();
    assert_eq!(
        values,
        [
            "Bearer realm=\"api\"",
            "Basic realm=\"api\", charset=\"UTF-8\""
        ]
    );
}

#[test]
fn headers_from_fields() {
    let error = Auth::FromField {
        challenge: "Bearer error=\"invalid_token\"".into(),
        request_id: "r-1".into(),
        trace: Some(7),
    };
    let response = error.to_response();
    assert_eq!(
        response.headers()["www-authenticate"],
        "Bearer error=\"invalid_token\""
    );
    assert_eq!(response.headers()["x-request-id"], "r-1");
    assert_eq!(response.headers()["x-trace"], "7");
    assert_eq!(
        response.body().as_ref(),
        br#"{"message":"sign in","request_id":"r-1"}"#
    );

    let without = Auth::FromField {
        challenge: "Bearer".into(),
        request_id: "r".into(),
        trace: None,
    };
    assert!(without.headers().get("x-trace").is_none());

    assert_eq!(
        Auth::Method { allow: "GET, HEAD" }.headers()["allow"],
        "GET, HEAD"
    );
    assert_eq!(
        Auth::Proxy.headers()["proxy-authenticate"],
        "Basic realm=\"proxy\""
    );
}

#[test]
fn a_no_body_status_keeps_its_headers() {
    let response = Auth::NotModified {
        etag: "\"v1\"".into(),
    }
    .to_response();
    assert_eq!(response.status().as_u16(), 304);
    assert_eq!(response.headers()["etag"], "\"v1\"");
    assert_eq!(response.headers().len(), 1);
    assert!(response.body().is_empty());
}

#[test]
fn an_injected_header_is_dropped_never_sent() {
    for bad in [
        "1\r\nSet-Cookie: stolen=1",
        "1\nSet-Cookie: stolen=1",
        "1\rSet-Cookie: stolen=1",
        "nul\0byte",
        "del\x7f",
        "bell\x07",
    ] {
        let error = Auth::FromField {
            challenge: "Bearer".into(),
            request_id: bad.into(),
            trace: None,
        };
        let response = error.to_response();
        assert!(response.headers().get("x-request-id").is_none(), "{bad:?}");
        assert!(response.headers().get("set-cookie").is_none(), "{bad:?}");
        assert_eq!(
            response.headers().len(),
            2,
            "{bad:?}: www-authenticate, content-type"
        );
        // The payload still carries the value, JSON-escaped.
        let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
        assert_eq!(body["request_id"], bad);
    }
}

#[test]
fn non_ascii_header_values_are_sent_as_bytes() {
    let error = Auth::FromField {
        challenge: "Bearer".into(),
        request_id: "é".into(),
        trace: None,
    };
    assert_eq!(error.headers()["x-request-id"].as_bytes(), "é".as_bytes());
}

/// A struct and a generic field with a header.
#[derive(Debug, thiserror::Error, HttpError)]
#[error("slow down")]
#[status(503)]
#[header("cache-control", "no-store")]
struct Busy<T: std::fmt::Display + std::fmt::Debug> {
    #[header("retry-after")]
    retry_after: T,
}

#[test]
fn struct_and_generic_headers() {
    let response = Busy { retry_after: 120 }.to_response();
    assert_eq!(response.headers()["retry-after"], "120");
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert_eq!(
        response.body().as_ref(),
        br#"{"message":"Service Unavailable"}"#
    );
}

/// An API that has always answered 401 without `WWW-Authenticate` says so,
/// per type or per variant, and answers exactly that; the document does
/// not claim the header either.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(rfc9110_deviation = "www-authenticate")]
enum Legacy {
    #[error("login required")]
    #[status(401)]
    LoginRequired,
    #[error("method not allowed")]
    #[status(405)]
    #[http_error(rfc9110_deviation = "allow")]
    WrongMethod,
    #[error("token expired")]
    #[status(401)]
    #[header("www-authenticate", "Bearer error=\"invalid_token\"")]
    Expired,
}

#[test]
fn a_named_deviation_answers_without_the_required_header() {
    for error in [Legacy::LoginRequired, Legacy::WrongMethod] {
        let response = error.to_response();
        assert!(response.headers().get("www-authenticate").is_none());
        assert!(response.headers().get("allow").is_none());
        support::assert_documented(&error);
    }
    assert_eq!(
        Legacy::Expired.to_response().headers()["www-authenticate"],
        "Bearer error=\"invalid_token\""
    );
    let responses = Legacy::openapi_responses();
    assert_eq!(
        responses["401"]["headers"]["www-authenticate"]["required"],
        false
    );
    assert!(responses["405"].get("headers").is_none());
}
