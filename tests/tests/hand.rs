//! A hand implementation of `HttpError` needs only the trait's public
//! items: status, code, message, and where it has them headers and a
//! payload. Every response rule holds for it as for a derived type.

mod support;

use std::borrow::Cow;

use http::{HeaderMap, HeaderValue, StatusCode};
use httperror::HttpError;
use serde::ser::SerializeMap;
use serde_json::json;

#[derive(Debug, thiserror::Error)]
#[error("slow down")]
struct Limited {
    retry_after: u32,
    status: StatusCode,
}

impl HttpError for Limited {
    const STATUS_CODES: &'static [u16] = &[204, 429];

    fn status(&self) -> StatusCode {
        self.status
    }

    fn code(&self) -> &'static str {
        "limited"
    }

    fn message(&self) -> Cow<'_, str> {
        Cow::Owned(self.to_string())
    }

    fn headers(&self) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("retry-after", HeaderValue::from(self.retry_after));
        headers
    }

    fn serialize_payload<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("retry_after", &self.retry_after)?;
        // Names the body already has: left out.
        map.serialize_entry("message", "spoofed")?;
        map.serialize_entry("retry_after", &0)?;
        map.serialize_entry(&7u8, "a number key, as serde_json writes one")
    }
}

#[test]
fn headers_payload_and_the_no_duplicate_rule() {
    let error = Limited {
        retry_after: 30,
        status: StatusCode::TOO_MANY_REQUESTS,
    };
    let response = error.to_response();
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["retry-after"], "30");
    assert_eq!(response.headers()["content-type"], "application/json");
    let expected =
        r#"{"message":"slow down","retry_after":30,"7":"a number key, as serde_json writes one"}"#;
    assert_eq!(String::from_utf8_lossy(response.body()), expected);
    assert_eq!(error.to_json(), expected.as_bytes());
    assert_eq!(serde_json::to_string(&error.body()).unwrap(), expected);
    let parsed = support::assert_strict_json(expected.as_bytes());
    assert_eq!(serde_json::Value::Object(error.to_dict()), parsed);
    assert_eq!(error.headers()["retry-after"], "30");
}

#[test]
fn no_content_and_a_payload_that_fails() {
    let error = Limited {
        retry_after: 1,
        status: StatusCode::NO_CONTENT,
    };
    let response = error.to_response();
    assert!(response.body().is_empty());
    assert!(response.headers().get("content-type").is_none());
    assert_eq!(response.headers()["retry-after"], "1");
    assert!(error.to_dict().is_empty());
    assert_eq!(serde_json::to_string(&error.body()).unwrap(), "{}");

    #[derive(Debug, thiserror::Error)]
    #[error("broken")]
    struct Broken;
    impl HttpError for Broken {
        const STATUS_CODES: &'static [u16] = &[400];
        fn status(&self) -> StatusCode {
            StatusCode::BAD_REQUEST
        }
        fn code(&self) -> &'static str {
            "broken"
        }
        fn message(&self) -> Cow<'_, str> {
            Cow::Borrowed("broken")
        }
        fn serialize_payload<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
            map.serialize_entry(&[1, 2], &1)
        }
    }
    let response = Broken.to_response();
    assert_eq!(response.status(), 500);
    assert_eq!(
        response.body().as_ref(),
        br#"{"message":"Internal Server Error"}"#
    );
    assert_eq!(
        serde_json::Value::Object(Broken.to_dict()),
        json!({"message": "Internal Server Error"})
    );
}
