//! The `poem` feature, over loopback against a real poem server: a
//! handler's `Result<_, E>` is answered exactly as `to_response()`
//! answers, and the router's own 404 and 405 in the same JSON shape.

use httperror::{Abort, HttpError, StatusCode};
use httperror_tests::StorageError;
use poem::listener::{Acceptor, Listener, TcpListener};
use poem::web::Path;
use poem::{EndpointExt, Route, Server, get, handler};

#[handler]
fn get_file(Path(id): Path<String>) -> Result<String, StorageError> {
    match id.as_str() {
        "slow" => Err(StorageError::Throttled { retry_after: 30 }),
        "locked" => Err(StorageError::Unauthorized),
        "broken" => Err(StorageError::Backend(std::io::Error::other("disk on fire"))),
        _ => Err(StorageError::NotFound { id }),
    }
}

/// Through `poem::Error`, which any `ResponseError` converts into.
#[handler]
fn aborted() -> poem::Result<String> {
    Err(Abort::new(StatusCode::CONFLICT)
        .with_message("already there")
        .into())
}

/// `Result<_, Abort>` directly.
#[allow(clippy::result_large_err)]
#[handler]
fn gone() -> Result<String, Abort> {
    Err(Abort::new(StatusCode::GONE))
}

async fn serve() -> std::net::SocketAddr {
    let app = Route::new()
        .at("/files/:id", httperror::poem::get(get_file).put(get_file))
        .at("/plain/:id", get(get_file))
        .at("/abort", get(aborted))
        .at("/gone", get(gone))
        .nest("/v1", Route::new().at("/files/:id", get(get_file)))
        .around(httperror::poem::router_errors);
    let acceptor = TcpListener::bind("127.0.0.1:0")
        .into_acceptor()
        .await
        .unwrap();
    let addr = *acceptor.local_addr()[0].as_socket_addr().unwrap();
    tokio::spawn(async move { Server::new_with_acceptor(acceptor).run(app).await });
    addr
}

/// The response over the wire equals `expected.to_response()`: status,
/// every value of every header but the server's own framing and date, and
/// the body.
async fn assert_answers<E: HttpError>(response: reqwest::Response, expected: &E) {
    let want = expected.to_response();
    assert_eq!(response.status().as_u16(), want.status().as_u16());
    let headers = |map: &http::HeaderMap| -> Vec<(String, Vec<u8>)> {
        let mut all: Vec<(String, Vec<u8>)> = map
            .iter()
            .filter(|(name, _)| !["content-length", "date"].contains(&name.as_str()))
            .map(|(name, value)| (name.as_str().to_owned(), value.as_bytes().to_vec()))
            .collect();
        all.sort();
        all
    };
    let got: http::HeaderMap = response
        .headers()
        .iter()
        .map(|(name, value)| {
            (
                http::HeaderName::from_bytes(name.as_str().as_bytes()).unwrap(),
                http::HeaderValue::from_bytes(value.as_bytes()).unwrap(),
            )
        })
        .collect();
    assert_eq!(headers(&got), headers(want.headers()));
    assert_eq!(response.bytes().await.unwrap(), want.body());
}

#[tokio::test]
async fn handlers_answer_as_to_response() {
    let addr = serve().await;
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let get = |path: &str| client.get(format!("http://{addr}{path}")).send();
    assert_answers(
        get("/files/a.txt").await.unwrap(),
        &StorageError::NotFound { id: "a.txt".into() },
    )
    .await;
    assert_answers(
        get("/files/slow").await.unwrap(),
        &StorageError::Throttled { retry_after: 30 },
    )
    .await;
    assert_answers(
        get("/files/locked").await.unwrap(),
        &StorageError::Unauthorized,
    )
    .await;
    let broken = get("/files/broken").await.unwrap();
    assert_eq!(broken.status(), 500);
    assert_eq!(
        broken.text().await.unwrap(),
        r#"{"message":"Internal Server Error"}"#
    );
    assert_answers(
        get("/abort").await.unwrap(),
        &Abort::new(StatusCode::CONFLICT).with_message("already there"),
    )
    .await;
    assert_answers(get("/gone").await.unwrap(), &Abort::new(StatusCode::GONE)).await;
    // HEAD answers as GET, without the body.
    let head = client
        .head(format!("http://{addr}/files/a.txt"))
        .send()
        .await
        .unwrap();
    assert_eq!(head.status(), 404);
    assert_eq!(head.headers()["content-type"], "application/json");
    assert!(head.bytes().await.unwrap().is_empty());
}

#[tokio::test]
async fn the_routers_own_refusals_in_the_same_shape() {
    let addr = serve().await;
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let missing = client
        .get(format!("http://{addr}/nowhere"))
        .send()
        .await
        .unwrap();
    assert_answers(missing, &httperror::common::NotFound).await;
    // In a nested route too.
    let nested = client
        .get(format!("http://{addr}/v1/nowhere"))
        .send()
        .await
        .unwrap();
    assert_answers(nested, &httperror::common::NotFound).await;
    // A route built with `httperror::poem::get` knows its methods: `allow`.
    let wrong = client
        .delete(format!("http://{addr}/files/a"))
        .send()
        .await
        .unwrap();
    assert_answers(
        wrong,
        &httperror::common::MethodNotAllowed::new(
            http::Method::DELETE,
            [http::Method::GET, http::Method::PUT, http::Method::HEAD],
        ),
    )
    .await;
    // poem's own `get` does not tell: the 405 is JSON, without `allow`.
    let plain = client
        .delete(format!("http://{addr}/plain/a"))
        .send()
        .await
        .unwrap();
    assert_eq!(plain.status(), 405);
    assert_eq!(plain.headers()["content-type"], "application/json");
    assert!(plain.headers().get("allow").is_none());
    assert_eq!(
        plain.text().await.unwrap(),
        r#"{"message":"Method \"DELETE\" not allowed.","code":"method_not_allowed"}"#
    );
}
