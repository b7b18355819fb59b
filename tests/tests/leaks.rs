//! No 5xx response, body or header, in any format and through any
//! integration, contains the text of its source error.

use axum::response::IntoResponse;
use httperror::{Abort, HttpError, StatusCode};

const SECRET: &str = "SECRET-7f3a9c postgres://admin:hunter2@db.internal";

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct Inner(String);

#[derive(Debug, thiserror::Error)]
#[error("pool failed: {0}")]
struct Outer(#[source] Inner);

fn source() -> Outer {
    Outer(Inner(SECRET.to_owned()))
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "code")]
enum Json {
    #[error("database: {0}")]
    #[status(500)]
    Database(#[source] Outer),
    #[error("upstream {0}")]
    #[status(502)]
    Upstream(String),
    #[error("{0}")]
    #[status(599, reason = "Network Connect Timeout")]
    Custom(#[source] Outer),
    #[error("storage: {0}")]
    #[status(507)]
    Storage(#[source] Outer, #[payload(rename = "free")] u64),
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "problem", type_base = "https://example.com/probs/")]
enum Problem {
    #[error("database: {0}")]
    #[status(503)]
    Database(#[source] Outer),
}

#[derive(Debug, thiserror::Error, HttpError)]
#[error("{source}")]
#[status(500)]
#[header("cache-control", "no-store")]
struct Struct {
    source: Outer,
}

fn assert_clean<E: HttpError + IntoResponse + actix_web::ResponseError>(error: E) {
    let texts = [
        String::from_utf8(error.to_json()).unwrap(),
        serde_json::Value::Object(error.to_dict()).to_string(),
        serde_json::to_string(&error.body()).unwrap(),
        error.message().into_owned(),
        format!("{:?}", error.headers()),
        format!("{:?}", error.to_response()),
        String::from_utf8_lossy(error.to_response().body()).into_owned(),
        format!(
            "{:?}",
            actix_web::ResponseError::error_response(&error).headers()
        ),
    ];
    for text in texts {
        assert!(!text.contains("SECRET"), "leaked: {text}");
        assert!(!text.contains("hunter2"), "leaked: {text}");
    }
    let response = error.into_response();
    assert!(response.status().is_server_error());
    assert!(!format!("{:?}", response.headers()).contains("SECRET"));
}

#[test]
fn server_errors_never_show_their_source() {
    // The server side knows the secret; the client never does.
    let chain = |e: &dyn std::error::Error| {
        let mut text = e.to_string();
        let mut source = e.source();
        while let Some(s) = source {
            text.push_str(&s.to_string());
            source = s.source();
        }
        text
    };
    assert!(chain(&Json::Database(source())).contains(SECRET));
    assert!(chain(&Struct { source: source() }).contains(SECRET));
    assert_clean(Json::Database(source()));
    assert_clean(Json::Upstream(SECRET.to_owned()));
    assert_clean(Json::Custom(source()));
    assert_clean(Json::Storage(source(), 0));
    assert_clean(Problem::Database(source()));
    assert_clean(Struct { source: source() });
}

#[test]
fn abort_shows_only_what_was_written() {
    let error = Abort::new(StatusCode::INTERNAL_SERVER_ERROR);
    assert_clean(error);
    assert_eq!(
        Abort::new(StatusCode::BAD_GATEWAY).to_json(),
        br#"{"message":"Bad Gateway"}"#
    );
}

#[test]
fn the_openapi_document_shows_no_runtime_text() {
    let document = Json::openapi_responses().to_string();
    assert!(!document.contains("SECRET"));
    // The documented 500 example is the redacted body.
    assert!(document.contains("\"message\":\"Internal Server Error\""));
}
