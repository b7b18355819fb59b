//! A panicking axum handler behind tower-http's `CatchPanicLayer` with
//! `httperror::axum::panic_response`: a 500 in the crate's JSON shape,
//! documented, the panic logged and never shown. Its own test binary: it
//! installs the global subscriber.

mod support;

use axum::Router;
use axum::routing::get;
use httperror::HttpError;
use httperror::common::InternalServerError;
use support::Captured;
use tower_http::catch_panic::CatchPanicLayer;

const SECRET: &str = "secret-7f3a";

async fn panics() -> &'static str {
    panic!("the cache is corrupt: {SECRET}")
}

/// An application's own 500, in its own shape.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(envelope = "error", code_key = "code")]
enum AppError {
    #[error("internal")]
    #[status(500)]
    Internal,
}

impl From<InternalServerError> for AppError {
    fn from(_: InternalServerError) -> Self {
        AppError::Internal
    }
}

#[tokio::test]
async fn a_panic_answers_a_500_in_the_same_shape_and_is_logged() {
    let captured = Captured::global();

    let app = Router::new()
        .route(
            "/default",
            get(panics).layer(CatchPanicLayer::custom(httperror::axum::panic_response)),
        )
        .route(
            "/own",
            get(panics).layer(CatchPanicLayer::custom(
                httperror::axum::panic_response_as::<AppError>,
            )),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    let client = reqwest::Client::builder().no_proxy().build().unwrap();

    let cases = [
        ("/default", InternalServerError.to_response()),
        ("/own", AppError::Internal.to_response()),
    ];
    let responses_logged = || captured.text().matches("server error response").count();
    let before = responses_logged();
    for (path, expected) in cases {
        let response = client
            .get(format!("http://{addr}{path}"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 500);
        assert_eq!(response.headers()["content-type"], "application/json");
        let body = response.bytes().await.unwrap();
        assert_eq!(body, expected.body(), "{path}");
        assert!(!String::from_utf8_lossy(&body).contains(SECRET));
    }
    assert_eq!(
        InternalServerError.to_response().body().as_ref(),
        br#"{"message":"Internal Server Error","code":"internal_server_error"}"#
    );
    assert_eq!(
        AppError::Internal.to_response().body().as_ref(),
        br#"{"error":{"message":"Internal Server Error","code":"internal"}}"#
    );
    support::assert_documented(&InternalServerError);

    let log = captured.text();
    assert_eq!(log.matches("a handler panicked").count(), 2, "{log}");
    // One event per panic: its 500 is not logged again as a response
    // (the three since `before` are this test's own `to_response()` calls).
    assert_eq!(responses_logged(), before + 3, "{log}");
    assert!(
        log.contains(SECRET),
        "the log keeps what the client never sees: {log}"
    );
}
