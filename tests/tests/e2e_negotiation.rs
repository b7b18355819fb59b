//! Content negotiation on axum and actix-web over loopback, under the
//! request-id layer: one matrix of `Accept` values (exact types, ranges,
//! `*/*`, q-values, `q=0`, empty, garbage) against a JSON type, a problem
//! type and a type that does not negotiate, the rejections and the panics;
//! the same answers on both frameworks; HTML pages from the application's
//! page function, every value escaped; no source text in any format.

use std::net::SocketAddr;

use httperror::HttpError;
use httperror::html::{ErrorPage, Escape, default_page};
use serde::Deserialize;

#[derive(Debug, thiserror::Error)]
#[error("connection to db-7 refused: SECRET-SOURCE")]
struct DbError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "code", negotiate)]
enum FileError {
    /// No such file.
    #[error("file {id} not found")]
    #[status(404)]
    NotFound {
        #[payload]
        id: String,
    },
    /// A message no page may run.
    #[error(r#"<script>alert("1")</script> & 'x'"#)]
    #[status(400)]
    Hostile,
    /// The database failed.
    #[error("db")]
    #[status(503)]
    Backend(#[source] DbError),
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "problem", negotiate)]
enum Problem {
    /// Out of credit.
    #[error("out of credit")]
    #[status(403)]
    OutOfCredit,
}

/// One format, whatever `Accept` says.
#[derive(Debug, thiserror::Error, HttpError)]
enum Fixed {
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

fn file_error(name: &str) -> FileError {
    match name {
        "hostile" => FileError::Hostile,
        "backend" => FileError::Backend(DbError),
        id => FileError::NotFound { id: id.to_owned() },
    }
}

/// The application's page: its own for a 404, the default for the rest;
/// it fails on a 503, whose page is then the default.
fn page(error: &ErrorPage<'_>) -> String {
    assert_ne!(error.status, 503, "the page function fails");
    if error.status == 404 {
        return format!(
            "<!DOCTYPE html>\n<title>Not here</title>\n<h1>{}</h1>\n",
            Escape(error.message)
        );
    }
    default_page(error)
}

fn config() -> httperror::RequestIdConfig {
    httperror::RequestIdConfig::new().html_page(page)
}

mod on_axum {
    use axum::Router;
    use axum::routing::{get, post};
    use httperror::axum::{Json, Path};
    use tower_http::catch_panic::CatchPanicLayer;

    use super::{Copy, FileError, Fixed, Problem, file_error};

    async fn file(Path(name): Path<String>) -> Result<&'static str, FileError> {
        Err(file_error(&name))
    }

    async fn problem() -> Result<(), Problem> {
        Err(Problem::OutOfCredit)
    }

    async fn fixed() -> Result<(), Fixed> {
        Err(Fixed::Gone)
    }

    async fn copy(Json(_): Json<Copy>) -> &'static str {
        "copied"
    }

    async fn panics() -> &'static str {
        panic!("SECRET-PANIC")
    }

    pub async fn start() -> std::net::SocketAddr {
        let app = Router::new()
            .route("/files/{name}", get(file))
            .route("/problem", get(problem))
            .route("/fixed", get(fixed))
            .route("/copy", post(copy))
            .route("/panic", get(panics))
            .layer(CatchPanicLayer::custom(httperror::axum::panic_response))
            .layer(httperror::axum::RequestIdLayer::with_config(super::config()));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        addr
    }
}

mod on_actix {
    use actix_web::{App, HttpServer, web};
    use httperror::actix::{Json, Path};

    use super::{Copy, FileError, Fixed, Problem, file_error};

    async fn file(Path(name): Path<String>) -> Result<&'static str, FileError> {
        Err(file_error(&name))
    }

    async fn problem() -> Result<&'static str, Problem> {
        Err(Problem::OutOfCredit)
    }

    async fn fixed() -> Result<&'static str, Fixed> {
        Err(Fixed::Gone)
    }

    async fn copy(Json(_): Json<Copy>) -> &'static str {
        "copied"
    }

    async fn panics() -> &'static str {
        panic!("SECRET-PANIC")
    }

    pub fn start() -> std::net::SocketAddr {
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let server = HttpServer::new(move || {
                    App::new()
                        .route("/files/{name}", web::get().to(file))
                        .route("/problem", web::get().to(problem))
                        .route("/fixed", web::get().to(fixed))
                        .route("/copy", web::post().to(copy))
                        .route("/panic", web::get().to(panics))
                        .wrap(httperror::actix::CatchPanic::new())
                        .wrap(httperror::actix::RequestIdLayer::with_config(
                            super::config(),
                        ))
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

#[derive(Debug)]
struct Answer {
    status: u16,
    content_type: String,
    vary: Vec<String>,
    request_id: String,
    body: String,
}

async fn send(client: &reqwest::Client, base: &str, path: &str, accept: &str) -> Answer {
    let request = if path == "/copy" {
        client
            .post(format!("{base}{path}"))
            .header("content-type", "application/json")
            .body("{")
    } else {
        client.get(format!("{base}{path}"))
    };
    let response = request
        .header("accept", accept)
        .header("x-request-id", "neg-1")
        .send()
        .await
        .unwrap();
    let header = |name: &str| {
        response
            .headers()
            .get_all(name)
            .iter()
            .map(|value| value.to_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    let content_type = header("content-type").join(", ");
    let vary = header("vary");
    let request_id = header("x-request-id").join(", ");
    Answer {
        status: response.status().as_u16(),
        content_type,
        vary,
        request_id,
        body: response.text().await.unwrap(),
    }
}

const JSON: &str = "application/json";
const PROBLEM: &str = "application/problem+json";
const HTML: &str = "text/html; charset=utf-8";

/// What a JSON-first type answers for each `Accept`, and a problem-first
/// one: the type's own format where nothing offered is acceptable.
const MATRIX: &[(&str, &str, &str)] = &[
    // Exact types.
    ("application/json", JSON, JSON),
    ("application/problem+json", PROBLEM, PROBLEM),
    ("text/html", HTML, HTML),
    ("TEXT/HTML", HTML, HTML),
    // Ranges.
    ("*/*", JSON, PROBLEM),
    ("application/*", JSON, PROBLEM),
    ("text/*", HTML, HTML),
    // A browser's.
    (
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        HTML,
        HTML,
    ),
    // q-values.
    (
        "application/json;q=0.5, application/problem+json",
        PROBLEM,
        PROBLEM,
    ),
    ("application/json, text/html;q=0.9", JSON, JSON),
    ("text/html;q=0.4, */*;q=0.5", JSON, PROBLEM),
    // q=0 excludes.
    ("application/json;q=0, */*", PROBLEM, PROBLEM),
    ("application/problem+json;q=0, */*", JSON, JSON),
    (
        "application/json;q=0, application/problem+json;q=0, */*",
        HTML,
        HTML,
    ),
    // Nothing offered acceptable, empty, garbage: the type's own format.
    ("image/png", JSON, PROBLEM),
    ("application/json;q=0", JSON, PROBLEM),
    ("", JSON, PROBLEM),
    ("garbage", JSON, PROBLEM),
    ("text/html;q=7", JSON, PROBLEM),
    (";;, ,/", JSON, PROBLEM),
];

#[tokio::test]
async fn the_same_matrix_on_both_frameworks() {
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let servers: [SocketAddr; 2] = [on_axum::start().await, on_actix::start()];
    let mut answers: [Vec<String>; 2] = [Vec::new(), Vec::new()];
    for (i, addr) in servers.into_iter().enumerate() {
        let base = format!("http://{addr}");
        for &(accept, json_first, problem_first) in MATRIX {
            for (path, status, expected) in [
                ("/files/a.txt", 404, json_first),
                ("/problem", 403, problem_first),
                ("/copy", 400, json_first),
                ("/panic", 500, json_first),
                ("/fixed", 410, JSON),
            ] {
                let answer = send(&client, &base, path, accept).await;
                let case = format!("{addr} {path} Accept: {accept:?}: {answer:?}");
                assert_eq!(answer.status, status, "{case}");
                assert_eq!(answer.content_type, expected, "{case}");
                assert_eq!(answer.request_id, "neg-1", "{case}");
                // Negotiated answers vary by `Accept`; the one-format type's
                // does not.
                let vary = if path == "/fixed" {
                    vec![]
                } else {
                    vec!["Accept".to_owned()]
                };
                assert_eq!(answer.vary, vary, "{case}");
                assert!(!answer.body.contains("SECRET"), "{case}");
                match answer.content_type.as_str() {
                    HTML => assert!(answer.body.starts_with("<!DOCTYPE html>\n"), "{case}"),
                    _ => {
                        let body: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
                        let (message, id) = if expected == PROBLEM {
                            (&body["detail"], &body["instance"])
                        } else {
                            (&body["message"], &body["request_id"])
                        };
                        assert!(message.is_string(), "{case}");
                        assert!(id.as_str().unwrap().ends_with("neg-1"), "{case}");
                        if expected == PROBLEM {
                            assert_eq!(body["status"], status, "{case}");
                        }
                    }
                }
                answers[i].push(format!(
                    "{path} {accept} {} {}",
                    answer.content_type, answer.body
                ));
            }
        }
    }
    // Byte for byte the same on both frameworks.
    for (a, b) in answers[0].iter().zip(&answers[1]) {
        assert_eq!(a, b);
    }
}

#[tokio::test]
async fn pages_come_from_the_application_and_escape_every_value() {
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    for addr in [on_axum::start().await, on_actix::start()] {
        let base = format!("http://{addr}");
        // The application's own 404 page.
        let answer = send(&client, &base, "/files/a<b>.txt", "text/html").await;
        assert_eq!(answer.status, 404);
        assert_eq!(
            answer.body,
            "<!DOCTYPE html>\n<title>Not here</title>\n<h1>file a&lt;b&gt;.txt not found</h1>\n"
        );
        // The default page for the rest, the message escaped.
        let answer = send(&client, &base, "/files/hostile", "text/html").await;
        assert_eq!(answer.status, 400);
        assert!(!answer.body.contains("<script"), "{}", answer.body);
        assert!(
            answer.body.contains(
                "<p>&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; &#39;x&#39;</p>"
            ),
            "{}",
            answer.body
        );
        assert!(
            answer.body.contains("<code>neg-1</code>"),
            "{}",
            answer.body
        );
        // A page function that fails: the default page.
        let answer = send(&client, &base, "/files/backend", "text/html").await;
        assert!(
            answer
                .body
                .contains("<title>503 Service Unavailable</title>"),
            "{}",
            answer.body
        );
        // A 5xx's page shows its reason phrase, never its source.
        for accept in ["text/html", "application/json", "application/problem+json"] {
            let answer = send(&client, &base, "/files/backend", accept).await;
            assert_eq!(answer.status, 503);
            assert!(
                answer.body.contains("Service Unavailable"),
                "{}",
                answer.body
            );
            assert!(!answer.body.contains("SECRET"), "{}", answer.body);
            assert!(!answer.body.contains("db-7"), "{}", answer.body);
        }
        // A hostile request id is never reflected: a fresh one is on the
        // page instead.
        let response = client
            .get(format!("{base}/files/hostile"))
            .header("accept", "text/html")
            .header("x-request-id", "\"><script>x</script>")
            .send()
            .await
            .unwrap();
        let id = response.headers()["x-request-id"]
            .to_str()
            .unwrap()
            .to_owned();
        let body = response.text().await.unwrap();
        assert!(!body.contains("<script>x"), "{body}");
        assert!(body.contains(&format!("<code>{id}</code>")), "{body}");
    }
}
