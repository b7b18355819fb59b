//! The request-id layer on axum and actix-web, over loopback: the id from
//! `x-request-id` (or a fresh one) on every response and in every error
//! body rendered for the request (handlers' errors, rejections, panics;
//! `instance` in problem details), hostile ids replaced, the error's facts
//! in the response's extensions for middleware.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use httperror::HttpError;
use serde::Deserialize;

/// A JSON-shaped error, one in problem details, one whose payload has the
/// id's key.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "code")]
enum FileError {
    /// No such file.
    #[error("file {id} not found")]
    #[status(404)]
    NotFound {
        #[payload]
        id: String,
    },
    /// Taken.
    #[error("taken")]
    #[status(409)]
    Taken,
    /// The payload's own `request_id` wins.
    #[error("stale")]
    #[status(412)]
    Stale {
        #[payload]
        request_id: &'static str,
    },
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "problem")]
enum Problem {
    /// Out of credit.
    #[error("out of credit")]
    #[status(403)]
    OutOfCredit,
}

/// JSON:API's shape: the id goes inside the array envelope's item.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(envelope_array = "errors", code_key = "code")]
enum Wrapped {
    /// Gone.
    #[error("gone")]
    #[status(410)]
    Gone,
}

#[derive(Deserialize)]
struct Copy {
    #[allow(dead_code)]
    to: String,
}

fn error_for(name: &str) -> FileError {
    match name {
        "taken" => FileError::Taken,
        "stale" => FileError::Stale {
            request_id: "the-payload-s",
        },
        id => FileError::NotFound { id: id.to_owned() },
    }
}

/// Errors counted by code, as a metrics middleware would.
type Counts = Arc<Mutex<BTreeMap<&'static str, u32>>>;

mod on_axum {
    use axum::Router;
    use axum::extract::Request;
    use axum::middleware::{self, Next};
    use axum::routing::{get, post};
    use httperror::axum::{Json, Path};
    use tower_http::catch_panic::CatchPanicLayer;

    use super::{Copy, Counts, FileError, Problem, error_for};

    async fn file(Path(name): Path<String>) -> Result<&'static str, FileError> {
        if name == "ok" {
            return Ok("fine");
        }
        Err(error_for(&name))
    }

    async fn problem() -> Result<(), Problem> {
        Err(Problem::OutOfCredit)
    }

    async fn wrapped() -> Result<(), super::Wrapped> {
        Err(super::Wrapped::Gone)
    }

    async fn copy(Json(_): Json<Copy>) -> &'static str {
        "copied"
    }

    async fn panics() -> &'static str {
        panic!("boom")
    }

    pub async fn start(counts: Counts) -> std::net::SocketAddr {
        let app = Router::new()
            .route("/files/{name}", get(file))
            .route("/problem", get(problem))
            .route("/wrapped", get(wrapped))
            .route("/copy", post(copy))
            .route("/panic", get(panics))
            .layer(middleware::from_fn(move |request: Request, next: Next| {
                let counts = counts.clone();
                async move {
                    let response = next.run(request).await;
                    if let Some(info) = response.extensions().get::<httperror::ErrorInfo>() {
                        *counts.lock().unwrap().entry(info.code).or_default() += 1;
                    }
                    response
                }
            }))
            .layer(CatchPanicLayer::custom(httperror::axum::panic_response))
            .layer(httperror::axum::RequestIdLayer::new());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        addr
    }
}

mod on_actix {
    use actix_web::dev::Service;
    use actix_web::{App, HttpServer, web};
    use httperror::actix::{Json, Path};

    use super::{Copy, Counts, FileError, Problem, error_for};

    async fn file(Path(name): Path<String>) -> Result<&'static str, FileError> {
        if name == "ok" {
            return Ok("fine");
        }
        Err(error_for(&name))
    }

    async fn problem() -> Result<&'static str, Problem> {
        Err(Problem::OutOfCredit)
    }

    async fn wrapped() -> Result<&'static str, super::Wrapped> {
        Err(super::Wrapped::Gone)
    }

    async fn copy(Json(_): Json<Copy>) -> &'static str {
        "copied"
    }

    async fn panics() -> &'static str {
        panic!("boom")
    }

    pub fn start(counts: Counts) -> std::net::SocketAddr {
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let server = HttpServer::new(move || {
                    let counts = counts.clone();
                    App::new()
                        .route("/files/{name}", web::get().to(file))
                        .route("/problem", web::get().to(problem))
                        .route("/wrapped", web::get().to(wrapped))
                        .route("/copy", web::post().to(copy))
                        .route("/panic", web::get().to(panics))
                        .wrap_fn(move |request, service| {
                            let counts = counts.clone();
                            let response = service.call(request);
                            async move {
                                let response = response.await?;
                                if let Some(info) = response
                                    .response()
                                    .extensions()
                                    .get::<httperror::ErrorInfo>()
                                {
                                    *counts.lock().unwrap().entry(info.code).or_default() += 1;
                                }
                                Ok(response)
                            }
                        })
                        .wrap(httperror::actix::CatchPanic::new())
                        .wrap(httperror::actix::RequestIdLayer::new())
                })
                .workers(1)
                .bind(("127.0.0.1", 0))
                .unwrap();
                sender.send(server.addrs()[0]).unwrap();
                server.run().await.unwrap();
            });
        });
        receiver.recv().unwrap()
    }
}

async fn get(
    client: &reqwest::Client,
    base: &str,
    path: &str,
    id: Option<&str>,
) -> (u16, Option<String>, String) {
    let mut request = client.get(format!("{base}{path}"));
    if let Some(id) = id {
        request = request.header("x-request-id", id);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let header = response
        .headers()
        .get("x-request-id")
        .map(|value| value.to_str().unwrap().to_owned());
    (status, header, response.text().await.unwrap())
}

fn is_fresh_id(id: &str) -> bool {
    id.len() == 36 && id.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
}

#[tokio::test]
async fn every_error_carries_its_request_s_id_on_both_frameworks() {
    let axum_counts = Counts::default();
    let actix_counts = Counts::default();
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let servers: [(SocketAddr, &Counts); 2] = [
        (on_axum::start(axum_counts.clone()).await, &axum_counts),
        (on_actix::start(actix_counts.clone()), &actix_counts),
    ];
    for (addr, counts) in servers {
        let base = format!("http://{addr}");
        // The client's id, in the header and the body.
        let (status, header, body) = get(&client, &base, "/files/a.txt", Some("abc")).await;
        assert_eq!(status, 404);
        assert_eq!(header.as_deref(), Some("abc"));
        assert_eq!(
            body,
            r#"{"message":"file a.txt not found","code":"not_found","id":"a.txt","request_id":"abc"}"#
        );
        // A static body too.
        let (_, _, body) = get(&client, &base, "/files/taken", Some("r-2")).await;
        assert_eq!(
            body,
            r#"{"message":"taken","code":"taken","request_id":"r-2"}"#
        );
        // The payload's own member wins; the header still has the id.
        let (_, header, body) = get(&client, &base, "/files/stale", Some("r-3")).await;
        assert_eq!(header.as_deref(), Some("r-3"));
        assert_eq!(
            body,
            r#"{"message":"stale","code":"stale","request_id":"the-payload-s"}"#
        );
        // Problem details: `instance`, in RFC 9457's place.
        let (status, _, body) = get(&client, &base, "/problem", Some("abc")).await;
        assert_eq!(status, 403);
        assert_eq!(
            body,
            r#"{"type":"about:blank","title":"Forbidden","status":403,"detail":"out of credit","instance":"urn:request-id:abc"}"#
        );
        // Inside the envelope.
        let (_, _, body) = get(&client, &base, "/wrapped", Some("w-1")).await;
        assert_eq!(
            body,
            r#"{"errors":[{"message":"gone","code":"gone","request_id":"w-1"}]}"#
        );
        // Without an id: a fresh one per request, the same in header and
        // body.
        let (_, first, body) = get(&client, &base, "/files/taken", None).await;
        let first = first.unwrap();
        assert!(is_fresh_id(&first), "{first}");
        assert_eq!(
            body,
            format!(r#"{{"message":"taken","code":"taken","request_id":"{first}"}}"#)
        );
        let (_, second, _) = get(&client, &base, "/files/taken", None).await;
        assert_ne!(second.unwrap(), first);
        // A success: the header, the body as it was.
        let (status, header, body) = get(&client, &base, "/files/ok", Some("abc")).await;
        assert_eq!(
            (status, header.as_deref(), body.as_str()),
            (200, Some("abc"), "fine")
        );
        // Hostile or over-long ids are replaced, never reflected.
        for hostile in ["a\"b<script>", "x y", &"a".repeat(129)] {
            let (_, header, body) = get(&client, &base, "/files/taken", Some(hostile)).await;
            let header = header.unwrap();
            assert!(is_fresh_id(&header), "{hostile} -> {header}");
            assert!(!body.contains(hostile));
        }
        let (_, header, _) = get(&client, &base, "/files/taken", Some(&"a".repeat(128))).await;
        assert_eq!(header.unwrap(), "a".repeat(128));
        // Rejections and panics get the id too.
        let response = client
            .post(format!("{base}/copy"))
            .header("x-request-id", "rj-1")
            .header("content-type", "application/json")
            .body("{")
            .send()
            .await
            .unwrap();
        assert_eq!(response.headers()["x-request-id"], "rj-1");
        assert_eq!(
            response.text().await.unwrap(),
            r#"{"message":"The request body is not valid JSON: EOF while parsing an object at line 1 column 1.","code":"parse_error","request_id":"rj-1"}"#
        );
        let (status, header, body) = get(&client, &base, "/panic", Some("p-1")).await;
        assert_eq!((status, header.as_deref()), (500, Some("p-1")));
        assert_eq!(
            body,
            r#"{"message":"Internal Server Error","code":"internal_server_error","request_id":"p-1"}"#
        );
        // The middleware counted every error the handlers answered by its
        // code.
        let counts = counts.lock().unwrap().clone();
        assert_eq!(counts.get("not_found"), Some(&1), "{counts:?}");
        assert_eq!(counts.get("taken"), Some(&7), "{counts:?}");
        assert_eq!(counts.get("out_of_credit"), Some(&1), "{counts:?}");
        assert_eq!(counts.get("parse_error"), Some(&1), "{counts:?}");
    }
}

/// Without the layer, nothing changes: the same bytes, no extension.
#[test]
fn without_the_layer_bodies_are_as_before() {
    let response = FileError::Taken.to_response();
    assert_eq!(
        response.body().as_ref(),
        br#"{"message":"taken","code":"taken"}"#
    );
    assert!(
        response
            .extensions()
            .get::<httperror::ErrorInfo>()
            .is_none()
    );
}

/// Under the layer, the error's facts: a static message borrowed, a
/// formatted one owned.
#[test]
fn the_facts_borrow_what_is_static() {
    use std::borrow::Cow;
    let info = |error: FileError| {
        httperror::__private::with_request_id("f-1", || error.to_response())
            .extensions()
            .get::<httperror::ErrorInfo>()
            .cloned()
            .unwrap()
    };
    let taken = info(FileError::Taken);
    assert_eq!((taken.status.as_u16(), taken.code), (409, "taken"));
    assert!(matches!(taken.message, Cow::Borrowed("taken")), "{taken:?}");
    let missing = info(FileError::NotFound { id: "a".into() });
    assert!(
        matches!(missing.message, Cow::Owned(ref m) if m == "file a not found"),
        "{missing:?}"
    );
}

/// `Abort` and any body written through serde carry the id too.
#[test]
fn an_abort_carries_the_id() {
    let response = httperror::__private::with_request_id("a-1", || {
        httperror::Abort::new(httperror::StatusCode::CONFLICT)
            .with("custom", "value")
            .to_response()
    });
    assert_eq!(
        response.body().as_ref(),
        br#"{"message":"Conflict","custom":"value","request_id":"a-1"}"#
    );
}

/// An optional payload member with the id's key wins where it is written;
/// where it is `None`, the id is written.
#[test]
fn an_optional_payload_member_wins_only_when_present() {
    #[derive(Debug, thiserror::Error, HttpError)]
    #[error("traced")]
    #[status(409)]
    struct Traced {
        #[payload]
        request_id: Option<&'static str>,
    }
    let body = |error: Traced| {
        httperror::__private::with_request_id("o-1", || error.to_response()).into_body()
    };
    assert_eq!(
        body(Traced { request_id: None }).as_ref(),
        br#"{"message":"traced","request_id":"o-1"}"#
    );
    assert_eq!(
        body(Traced {
            request_id: Some("own")
        })
        .as_ref(),
        br#"{"message":"traced","request_id":"own"}"#
    );
}
