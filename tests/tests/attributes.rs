//! Each attribute of the derive, through the responses it produces.

use std::collections::BTreeMap;

use httperror::HttpError;
use serde::Serialize;
use serde_json::json;

fn body<E: HttpError>(error: &E) -> serde_json::Value {
    let value: serde_json::Value = serde_json::from_slice(&error.to_json()).unwrap();
    assert_eq!(
        value,
        serde_json::Value::Object(error.to_dict()),
        "to_dict = to_json"
    );
    value
}

fn text<E: HttpError>(error: &E) -> String {
    String::from_utf8(error.to_json()).unwrap()
}

#[derive(Debug, thiserror::Error, HttpError)]
#[status(BAD_REQUEST)]
enum Forms {
    #[error("integer")]
    #[status(404)]
    Integer,
    #[error("name")]
    #[status(NOT_FOUND)]
    Name,
    #[error("path")]
    #[status(StatusCode::GONE)]
    Path,
    #[error("full path")]
    #[status(http::StatusCode::CONFLICT)]
    FullPath,
    #[error("unregistered")]
    #[status(599, reason = "Network Connect Timeout")]
    Unregistered,
    #[error("unregistered 4xx")]
    #[status(499, reason = "Client Closed Request")]
    Unregistered4xx,
    #[error("default")]
    Default,
}

#[test]
fn status_forms() {
    assert_eq!(Forms::Integer.status().as_u16(), 404);
    assert_eq!(Forms::Name.status().as_u16(), 404);
    assert_eq!(Forms::Path.status().as_u16(), 410);
    assert_eq!(Forms::FullPath.status().as_u16(), 409);
    assert_eq!(Forms::Unregistered.status().as_u16(), 599);
    assert_eq!(Forms::Default.status().as_u16(), 400);
    assert_eq!(Forms::STATUS_CODES, &[400, 404, 409, 410, 499, 599]);
}

#[test]
fn unregistered_5xx_message_is_its_reason() {
    assert_eq!(Forms::Unregistered.message(), "Network Connect Timeout");
    assert_eq!(
        text(&Forms::Unregistered),
        r#"{"message":"Network Connect Timeout"}"#
    );
    // A non-5xx shows its Display, registered or not.
    assert_eq!(
        text(&Forms::Unregistered4xx),
        r#"{"message":"unregistered 4xx"}"#
    );
}

#[derive(Debug, thiserror::Error, HttpError)]
enum Messages {
    #[error("internal detail {0}")]
    #[status(503)]
    Redacted(String),
    #[error("internal detail {0}")]
    #[status(503)]
    #[message("try again in {1} s (attempt {0:?})")]
    Tuple(String, u32),
    #[error("x")]
    #[status(400)]
    #[message("{value:>6}|{value:<4}|{value:#x}|{ratio:.2}|{{literal}}")]
    Specs { value: u32, ratio: f64 },
    #[error("x")]
    #[status(400)]
    #[message("static, with {{braces}}")]
    Static,
    #[error("display \"quoted\"\n")]
    #[status(409)]
    Display,
    #[error("x")]
    #[status(422)]
    #[message("kind {type}")]
    Raw { r#type: &'static str },
}

#[test]
fn message_rules() {
    let redacted = Messages::Redacted("db password".into());
    assert_eq!(redacted.message(), "Service Unavailable");
    assert_eq!(text(&redacted), r#"{"message":"Service Unavailable"}"#);

    let tuple = Messages::Tuple("secret".into(), 5);
    assert_eq!(tuple.message(), "try again in 5 s (attempt \"secret\")");
    assert_eq!(
        body(&tuple),
        json!({"message": "try again in 5 s (attempt \"secret\")"})
    );

    let specs = Messages::Specs {
        value: 255,
        ratio: 0.125,
    };
    assert_eq!(specs.message(), "   255|255 |0xff|0.12|{literal}");
    assert_eq!(
        text(&specs),
        r#"{"message":"   255|255 |0xff|0.12|{literal}"}"#
    );

    assert_eq!(Messages::Static.message(), "static, with {braces}");
    assert!(matches!(
        Messages::Static.message(),
        std::borrow::Cow::Borrowed(_)
    ));
    assert_eq!(
        text(&Messages::Static),
        r#"{"message":"static, with {braces}"}"#
    );

    assert_eq!(
        text(&Messages::Display),
        r#"{"message":"display \"quoted\"\n"}"#
    );
    assert_eq!(Messages::Raw { r#type: "a" }.message(), "kind a");
}

#[derive(Debug, Serialize)]
struct Extra {
    zeta: u8,
    alpha: &'static str,
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(rename_all = "camelCase")]
enum Payloads {
    #[error("renamed")]
    #[status(400)]
    Renamed {
        #[payload]
        retry_after: u32,
        #[payload(rename = "USER")]
        user_id: u64,
        #[payload]
        r#type: &'static str,
        not_sent: &'static str,
    },
    #[error("tuple")]
    #[status(400)]
    Tuple(
        #[payload(rename = "first")] u8,
        &'static str,
        #[payload(flatten)] Extra,
    ),
    #[error("optional")]
    #[status(400)]
    Optional {
        #[payload]
        present: Option<u8>,
        #[payload]
        nested: Option<Option<u8>>,
    },
    #[error("flatten map")]
    #[status(400)]
    FlattenMap {
        #[payload]
        before: bool,
        #[payload(flatten)]
        extra: BTreeMap<String, serde_json::Value>,
        #[payload]
        after: Vec<u8>,
    },
}

#[test]
fn payload_keys_and_order() {
    let renamed = Payloads::Renamed {
        retry_after: 3,
        user_id: 7,
        r#type: "t",
        not_sent: "hidden",
    };
    assert_eq!(
        text(&renamed),
        r#"{"message":"renamed","retryAfter":3,"USER":7,"type":"t"}"#
    );

    let tuple = Payloads::Tuple(
        1,
        "hidden",
        Extra {
            zeta: 2,
            alpha: "a",
        },
    );
    assert_eq!(
        text(&tuple),
        r#"{"message":"tuple","first":1,"zeta":2,"alpha":"a"}"#
    );
    assert_eq!(serde_json::to_string(&tuple.body()).unwrap(), text(&tuple));
}

#[test]
fn none_is_left_out() {
    let none = Payloads::Optional {
        present: None,
        nested: None,
    };
    assert_eq!(text(&none), r#"{"message":"optional"}"#);
    let some = Payloads::Optional {
        present: Some(1),
        nested: Some(None),
    };
    assert_eq!(
        text(&some),
        r#"{"message":"optional","present":1,"nested":null}"#
    );
    assert_eq!(serde_json::to_string(&some.body()).unwrap(), text(&some));
}

#[test]
fn flattened_map_is_merged_in_place() {
    let mut extra = BTreeMap::new();
    extra.insert("custom".to_owned(), json!("value"));
    extra.insert("n".to_owned(), json!([1, 2]));
    let error = Payloads::FlattenMap {
        before: true,
        extra,
        after: vec![9],
    };
    assert_eq!(
        text(&error),
        r#"{"message":"flatten map","before":true,"custom":"value","n":[1,2],"after":[9]}"#
    );
    let empty = Payloads::FlattenMap {
        before: false,
        extra: BTreeMap::new(),
        after: vec![],
    };
    assert_eq!(
        text(&empty),
        r#"{"message":"flatten map","before":false,"after":[]}"#
    );
    assert_eq!(serde_json::to_string(&empty.body()).unwrap(), text(&empty));
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(message_key = "detail", code_key = "code")]
enum Keys {
    #[error("gone")]
    #[status(410)]
    #[http_error(code = "E_GONE")]
    Gone,
    #[error("quota")]
    #[status(507)]
    QuotaExceeded {
        #[payload]
        used: u8,
    },
    #[error("http version")]
    #[status(505)]
    HTTPVersion,
}

#[test]
fn machine_code_and_keys() {
    assert_eq!(Keys::Gone.code(), "E_GONE");
    assert_eq!(text(&Keys::Gone), r#"{"detail":"gone","code":"E_GONE"}"#);
    let quota = Keys::QuotaExceeded { used: 1 };
    assert_eq!(quota.code(), "quota_exceeded");
    assert_eq!(
        text(&quota),
        r#"{"detail":"Insufficient Storage","code":"quota_exceeded","used":1}"#
    );
    assert_eq!(Keys::HTTPVersion.code(), "http_version");
}

#[test]
fn code_is_not_in_the_body_unless_asked() {
    assert_eq!(
        Payloads::Optional {
            present: None,
            nested: None
        }
        .code(),
        "optional"
    );
    let value = body(&Payloads::Optional {
        present: None,
        nested: None,
    });
    assert!(value.get("code").is_none());
}

#[derive(Debug, thiserror::Error, HttpError)]
enum NoBody {
    #[error("not modified")]
    #[status(304)]
    NotModified,
    #[error("no content")]
    #[status(NO_CONTENT)]
    NoContent,
    #[error("reset")]
    #[status(205)]
    Reset,
}

#[test]
fn no_body_statuses_have_no_body_and_no_content_type() {
    for error in [NoBody::NotModified, NoBody::NoContent, NoBody::Reset] {
        let response = error.to_response();
        assert_eq!(response.status(), error.status());
        assert!(response.body().is_empty(), "{error:?}");
        assert!(
            response.headers().get("content-type").is_none(),
            "{error:?}"
        );
        assert!(error.to_json().is_empty());
        assert!(error.to_dict().is_empty());
    }
    assert_eq!(NoBody::NoContent.message(), "no content");
}

/// A struct error: its own status, message and code.
#[derive(Debug, thiserror::Error, HttpError)]
#[error("rate limited for {seconds}s")]
#[status(429)]
#[http_error(code_key = "error")]
struct RateLimited {
    #[payload]
    seconds: u32,
}

#[derive(Debug, thiserror::Error, HttpError)]
#[error("tuple struct")]
#[status(409)]
#[message("conflict on {0}")]
struct Conflict(#[payload(rename = "resource")] &'static str);

#[derive(Debug, thiserror::Error, HttpError)]
#[error("unit")]
#[status(418)]
struct Teapot;

#[test]
fn structs() {
    let error = RateLimited { seconds: 3 };
    assert_eq!(error.code(), "rate_limited");
    assert_eq!(
        text(&error),
        r#"{"message":"rate limited for 3s","error":"rate_limited","seconds":3}"#
    );
    assert_eq!(RateLimited::STATUS_CODES, &[429]);
    assert_eq!(
        text(&Conflict("file")),
        r#"{"message":"conflict on file","resource":"file"}"#
    );
    assert_eq!(Teapot.status().as_u16(), 418);
    assert_eq!(Teapot.code(), "teapot");
    assert_eq!(text(&Teapot), r#"{"message":"unit"}"#);
}

struct FailingSerialize;

impl Serialize for FailingSerialize {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom("secret internal state"))
    }
}

impl std::fmt::Debug for FailingSerialize {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("FailingSerialize")
    }
}

#[derive(Debug, thiserror::Error, HttpError)]
enum Failing {
    #[error("bad")]
    #[status(400)]
    Payload {
        #[payload]
        before: u8,
        #[payload]
        value: FailingSerialize,
    },
    #[error("bad map")]
    #[status(400)]
    NonStringKeys {
        #[payload]
        map: BTreeMap<(u8, u8), u8>,
    },
}

#[test]
fn a_payload_that_fails_to_serialize_gives_a_plain_500() {
    let errors = [
        Failing::Payload {
            before: 1,
            value: FailingSerialize,
        },
        Failing::NonStringKeys {
            map: [((1, 2), 3)].into(),
        },
    ];
    for error in &errors {
        let response = error.to_response();
        assert_eq!(response.status().as_u16(), 500);
        assert_eq!(
            response.body().as_ref(),
            br#"{"message":"Internal Server Error"}"#
        );
        assert_eq!(response.headers()["content-type"], "application/json");
        assert_eq!(error.to_json(), br#"{"message":"Internal Server Error"}"#);
        assert_eq!(error.to_dict()["message"], "Internal Server Error");
    }
}
