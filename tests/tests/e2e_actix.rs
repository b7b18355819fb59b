//! actix-web: derived types and `Abort` as `ResponseError`, served on an
//! ephemeral loopback port; each response on the wire is
//! `to_response()`'s, status, headers and body.

mod wire;

use std::net::SocketAddr;

use actix_web::{App, HttpResponse, HttpServer, ResponseError, web};
use httperror::{Abort, HttpError, StatusCode};
use httperror_tests::{Cache, StorageError};

fn storage_error(name: &str) -> StorageError {
    match name {
        "corrupt" => {
            StorageError::Backend(std::io::Error::other("checksum mismatch in corrupt.blk"))
        }
        "throttled" => StorageError::Throttled { retry_after: 30 },
        "private" => StorageError::Unauthorized,
        "quota" => StorageError::QuotaExceeded { used: 10, limit: 8 },
        id => StorageError::NotFound { id: id.to_owned() },
    }
}

fn abort() -> Abort {
    Abort::new(StatusCode::BAD_REQUEST)
        .with("custom", "value")
        .with_header("x-request-id", "r-1")
}

async fn get_file(id: web::Path<String>) -> Result<HttpResponse, StorageError> {
    Err(storage_error(&id))
}

async fn aborted() -> Result<HttpResponse, Abort> {
    Err(abort())
}

async fn cached() -> Result<HttpResponse, Cache> {
    Err(Cache::NotModified { etag: "\"v7\"" })
}

async fn deleted() -> Result<HttpResponse, Cache> {
    Err(Cache::Deleted)
}

fn start() -> SocketAddr {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let server = HttpServer::new(|| {
                App::new()
                    .route("/files/{id}", web::get().to(get_file))
                    .route("/abort", web::get().to(aborted))
                    .route("/cached", web::get().to(cached))
                    .route("/deleted", web::delete().to(deleted))
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

/// The wire response to `path` is exactly `error.to_response()`.
async fn assert_served<E: HttpError>(addr: SocketAddr, path: &str, error: &E) {
    let expected = error.to_response();
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let response = client
        .get(format!("http://{addr}{path}"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status().as_u16(),
        expected.status().as_u16(),
        "{path}"
    );
    for (name, value) in expected.headers() {
        let served: Vec<_> = response
            .headers()
            .get_all(name.as_str())
            .iter()
            .map(|v| v.as_bytes())
            .collect();
        assert_eq!(served, [value.as_bytes()], "{path}: {name}");
    }
    let extra: Vec<_> = response
        .headers()
        .keys()
        .filter(|name| {
            !matches!(name.as_str(), "date" | "content-length")
                && !expected.headers().contains_key(name.as_str())
        })
        .collect();
    assert!(
        extra.is_empty(),
        "{path}: headers beyond to_response(): {extra:?}"
    );
    assert_eq!(
        response.bytes().await.unwrap().as_ref(),
        expected.body().as_ref(),
        "{path}"
    );
}

#[tokio::test]
async fn responses_are_to_response() {
    let addr = start();
    for name in ["report.pdf", "corrupt", "throttled", "private", "quota"] {
        assert_served(addr, &format!("/files/{name}"), &storage_error(name)).await;
    }
    assert_served(addr, "/abort", &abort()).await;

    // The 5xx on the wire says nothing of its source.
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let body = client
        .get(format!("http://{addr}/files/corrupt"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(body, r#"{"message":"Internal Server Error"}"#);
}

#[test]
fn status_code_and_error_response_agree_with_to_response() {
    for name in ["report.pdf", "corrupt", "throttled", "private", "quota"] {
        let error = storage_error(name);
        assert_eq!(
            ResponseError::status_code(&error).as_u16(),
            error.to_response().status().as_u16()
        );
        assert_eq!(
            ResponseError::error_response(&error).status().as_u16(),
            error.status().as_u16()
        );
    }
    assert_eq!(ResponseError::status_code(&abort()).as_u16(), 400);
}

#[tokio::test]
async fn head_304_and_204_carry_no_body_on_the_wire() {
    let addr = start();
    let head = wire::request(addr, "HEAD", "/files/missing", "").await;
    assert_eq!(head.status_line, "HTTP/1.1 404 Not Found");
    assert!(head.body.is_empty());

    let cached = wire::request(addr, "GET", "/cached", "").await;
    cached.assert_no_content("HTTP/1.1 304 Not Modified");
    assert_eq!(cached.header("etag"), Some("\"v7\""));

    let deleted = wire::request(addr, "DELETE", "/deleted", "").await;
    deleted.assert_no_content("HTTP/1.1 204 No Content");
}
