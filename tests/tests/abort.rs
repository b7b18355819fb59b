//! `Abort`: the same response rules as derived types, at run time.

use httperror::{Abort, HttpError, StatusCode};
use serde_json::json;

#[test]
fn flask_abort_with_custom_keys() {
    let error = Abort::new(StatusCode::BAD_REQUEST).with("custom", "value");
    let response = error.to_response();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(
        response.body().as_ref(),
        br#"{"message":"Bad Request","custom":"value"}"#
    );
    assert_eq!(error.to_string(), "Bad Request");
    assert_eq!(error.code(), "bad_request");
}

#[test]
fn keys_keep_their_order_and_a_repeated_key_is_replaced_in_place() {
    let error = Abort::new(StatusCode::CONFLICT)
        .with_message("version conflict")
        .with("zeta", 1)
        .with("alpha", json!({"nested": [true, null]}))
        .with("zeta", 2)
        .with("message", "ignored: the message has its own setter");
    assert_eq!(
        error.to_json(),
        br#"{"message":"version conflict","zeta":2,"alpha":{"nested":[true,null]}}"#
    );
    assert_eq!(
        serde_json::Value::Object(error.to_dict()),
        serde_json::from_slice::<serde_json::Value>(&error.to_json()).unwrap()
    );
    assert_eq!(serde_json::to_vec(&error.body()).unwrap(), error.to_json());
}

#[test]
fn a_5xx_shows_only_what_was_written_for_it() {
    let plain = Abort::new(StatusCode::BAD_GATEWAY);
    assert_eq!(plain.to_json(), br#"{"message":"Bad Gateway"}"#);
    let written = Abort::new(StatusCode::BAD_GATEWAY).with_message("upstream is down");
    assert_eq!(written.to_json(), br#"{"message":"upstream is down"}"#);
}

#[test]
fn no_body_statuses() {
    for status in [
        StatusCode::NO_CONTENT,
        StatusCode::NOT_MODIFIED,
        StatusCode::RESET_CONTENT,
    ] {
        let response = Abort::new(status)
            .with("ignored", 1)
            .with_header("etag", "\"v2\"")
            .to_response();
        assert_eq!(response.status(), status);
        assert!(response.body().is_empty());
        assert!(response.headers().get("content-type").is_none());
        assert_eq!(response.headers()["etag"], "\"v2\"");
    }
}

#[test]
fn an_interim_status_answers_500() {
    for status in [StatusCode::CONTINUE, StatusCode::from_u16(103).unwrap()] {
        let error = Abort::new(status).with("hint", 1);
        let response = error.to_response();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(
            response.body().as_ref(),
            br#"{"message":"Internal Server Error","hint":1}"#
        );
        assert_eq!(error.code(), "internal_server_error");
    }
}

#[test]
fn invalid_headers_are_dropped() {
    let response = Abort::new(StatusCode::TOO_MANY_REQUESTS)
        .with_header("retry-after", 30)
        .with_header("x-evil", "1\r\nSet-Cookie: stolen=1")
        .with_header("bad name", "x")
        .with_header("x-nul", "a\0b")
        .to_response();
    assert_eq!(response.headers()["retry-after"], "30");
    assert!(response.headers().get("x-evil").is_none());
    assert!(response.headers().get("set-cookie").is_none());
    assert!(response.headers().get("x-nul").is_none());
    assert_eq!(
        response.headers().len(),
        2,
        "retry-after and content-type only"
    );
}

#[test]
fn repeated_headers_are_appended() {
    let headers = Abort::new(StatusCode::UNAUTHORIZED)
        .with_header("www-authenticate", "Bearer")
        .with_header("www-authenticate", "Basic")
        .headers();
    assert_eq!(headers.get_all("www-authenticate").iter().count(), 2);
}

#[test]
fn a_value_that_fails_to_serialize_gives_a_plain_500() {
    let mut map = std::collections::BTreeMap::new();
    map.insert((1, 2), "non-string key");
    let error = Abort::new(StatusCode::BAD_REQUEST)
        .with("map", map)
        .with_header("x-a", "b");
    let response = error.to_response();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        response.body().as_ref(),
        br#"{"message":"Internal Server Error"}"#
    );
    assert!(response.headers().get("x-a").is_none());
}

#[test]
fn code_and_conversions() {
    assert_eq!(Abort::new(StatusCode::IM_A_TEAPOT).code(), "im_a_teapot");
    assert_eq!(
        Abort::new(StatusCode::from_u16(599).unwrap()).code(),
        "error"
    );
    assert_eq!(
        Abort::new(StatusCode::from_u16(599).unwrap()).message(),
        "Error"
    );
    assert_eq!(
        Abort::new(StatusCode::GONE).with_code("E_GONE").code(),
        "E_GONE"
    );
    assert_eq!(
        Abort::from(StatusCode::NOT_FOUND).status(),
        StatusCode::NOT_FOUND
    );
    fn is_error<E: std::error::Error + Send + Sync + 'static>(_: &E) {}
    is_error(&Abort::new(StatusCode::NOT_FOUND));
}
