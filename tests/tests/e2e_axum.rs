//! The example's axum app on an ephemeral loopback port, driven by a real
//! HTTP client: statuses, headers and exact bodies on the wire.

mod support;
mod wire;

use std::net::SocketAddr;
use std::time::Duration;

use axum::routing::get;
use httperror_tests::Cache;
use httperror_tests::app::{self, ADMIN_TOKEN, Config, TOKEN};
use reqwest::StatusCode;
use serde_json::Value;

async fn start(config: Config) -> SocketAddr {
    let router = app::router(config).route(
        "/cached",
        get(|| async { Err::<(), _>(Cache::NotModified { etag: "\"v7\"" }) }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    addr
}

/// The id every request of these tests sends: the example's request-id
/// layer answers it in every error body.
const REQUEST_ID: &str = "e2e-1";

fn client() -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-request-id", REQUEST_ID.parse().unwrap());
    reqwest::Client::builder()
        .no_proxy()
        .default_headers(headers)
        .build()
        .unwrap()
}

/// The example's OpenAPI document, as served.
async fn document(client: &reqwest::Client, base: &str) -> Value {
    let response = client
        .get(format!("{base}/openapi.json"))
        .send()
        .await
        .unwrap();
    response.json().await.unwrap()
}

/// A JSON error body as the example answers it: with the request's id.
fn with_id(body: &str) -> String {
    let body = body.strip_suffix('}').expect("a JSON object");
    format!(r#"{body},"request_id":"{REQUEST_ID}"}}"#)
}

/// `PUT` with the token.
async fn upload(
    client: &reqwest::Client,
    url: impl reqwest::IntoUrl,
    body: impl Into<reqwest::Body>,
) -> reqwest::Response {
    client
        .put(url)
        .bearer_auth(TOKEN)
        .body(body)
        .send()
        .await
        .unwrap()
}

/// Status, content type and exact body; the headers for further checks.
async fn expect(
    response: reqwest::Response,
    status: u16,
    body: &str,
) -> reqwest::header::HeaderMap {
    assert_eq!(response.status().as_u16(), status);
    let headers = response.headers().clone();
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(headers["x-request-id"], REQUEST_ID);
    assert_eq!(response.text().await.unwrap(), with_id(body));
    headers
}

#[tokio::test]
async fn storage_errors_on_the_wire() {
    let addr = start(Config::default()).await;
    let client = client();
    let base = format!("http://{addr}");

    let response = client
        .get(format!("{base}/files/report.pdf"))
        .send()
        .await
        .unwrap();
    expect(
        response,
        404,
        r#"{"message":"file report.pdf not found","id":"report.pdf"}"#,
    )
    .await;

    let response = client
        .put(format!("{base}/files/a.txt"))
        .body("hi")
        .send()
        .await
        .unwrap();
    let headers = expect(response, 401, r#"{"message":"authentication required"}"#).await;
    assert_eq!(headers["www-authenticate"], "Bearer");

    let response = upload(&client, format!("{base}/files/big.bin"), vec![0u8; 1025]).await;
    expect(
        response,
        507,
        r#"{"message":"quota exceeded: 1025 of 1024 bytes used","used":1025,"limit":1024}"#,
    )
    .await;

    let response = client
        .get(format!("{base}/files/corrupt"))
        .send()
        .await
        .unwrap();
    let body = expect(response, 500, r#"{"message":"Internal Server Error"}"#).await;
    assert!(!format!("{body:?}").contains("checksum"));
}

#[tokio::test]
async fn throttled_sends_retry_after_in_header_and_body() {
    let addr = start(Config {
        uploads_per_window: 2,
        window: Duration::from_secs(60),
        ..Config::default()
    })
    .await;
    let client = client();
    for i in 0..2 {
        let response = upload(&client, format!("http://{addr}/files/f{i}"), "x").await;
        assert_eq!(response.status(), StatusCode::CREATED);
    }
    let response = upload(&client, format!("http://{addr}/files/f2"), "x").await;
    assert_eq!(response.status().as_u16(), 429);
    let header: u32 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["message"], "too many requests");
    assert_eq!(body["retry_after"], header);
    assert!((1..=60).contains(&header), "{header}");
}

#[tokio::test]
async fn common_errors_and_router_fallbacks() {
    let addr = start(Config::default()).await;
    let client = client();
    let base = format!("http://{addr}");

    let response = client
        .get(format!("{base}/admin/usage"))
        .send()
        .await
        .unwrap();
    let headers = expect(
        response,
        401,
        r#"{"message":"Authentication credentials were not provided.","code":"unauthenticated"}"#,
    )
    .await;
    assert_eq!(headers["www-authenticate"], "Bearer");

    let response = client
        .get(format!("{base}/admin/usage"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    expect(
        response,
        403,
        r#"{"message":"You do not have permission to perform this action.","code":"permission_denied"}"#,
    )
    .await;

    // A listing only in JSON: 406, in JSON where nothing else offered is
    // acceptable, as a page for a browser.
    let response = client
        .get(format!("{base}/files"))
        .header("accept", "image/png")
        .send()
        .await
        .unwrap();
    expect(
        response,
        406,
        r#"{"message":"Could not satisfy the request Accept header.","code":"not_acceptable"}"#,
    )
    .await;
    let response = client
        .get(format!("{base}/files"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 406);
    assert_eq!(
        response.headers()["content-type"],
        "text/html; charset=utf-8"
    );
    assert_eq!(response.headers()["vary"], "Accept");
    let page = response.text().await.unwrap();
    assert!(page.contains("<title>406 Not Acceptable</title>"), "{page}");

    let response = client.get(format!("{base}/nowhere")).send().await.unwrap();
    expect(
        response,
        404,
        r#"{"message":"Not found.","code":"not_found"}"#,
    )
    .await;

    let response = client
        .post(format!("{base}/files/a.txt"))
        .send()
        .await
        .unwrap();
    let headers = expect(
        response,
        405,
        r#"{"message":"Method \"POST\" not allowed.","code":"method_not_allowed"}"#,
    )
    .await;
    assert_eq!(headers["allow"], "GET,HEAD,PUT,DELETE");
}

#[tokio::test]
async fn success_still_succeeds() {
    let addr = start(Config::default()).await;
    let client = client();
    let url = format!("http://{addr}/files/a.txt");
    let put = upload(&client, &url, "hello").await;
    assert_eq!(put.status(), StatusCode::CREATED);
    assert_eq!(
        client.get(&url).send().await.unwrap().text().await.unwrap(),
        "hello"
    );
    let list: Value = client
        .get(format!("http://{addr}/files"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list, serde_json::json!([{"id": "a.txt", "size": 5}]));

    // An upload without a body stores an empty file, as documented.
    let put = client
        .put(format!("http://{addr}/files/empty"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(put.status(), StatusCode::CREATED);

    let usage: Value = client
        .get(format!("http://{addr}/admin/usage"))
        .bearer_auth(ADMIN_TOKEN)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        usage,
        serde_json::json!({"files": 2, "bytes": 5, "quota": 1024})
    );
}

#[tokio::test]
async fn head_and_no_content_carry_no_body_on_the_wire() {
    let addr = start(Config::default()).await;

    let head = wire::request(addr, "HEAD", "/files/missing", "").await;
    assert_eq!(head.status_line, "HTTP/1.1 404 Not Found");
    assert_eq!(head.header("content-type"), Some("application/json"));
    assert!(
        head.body.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&head.body)
    );

    let put = wire::request(
        addr,
        "PUT",
        "/files/a.txt",
        &format!("Authorization: Bearer {TOKEN}\r\nContent-Length: 2\r\n\r\nhi"),
    )
    .await;
    assert_eq!(put.status_line, "HTTP/1.1 201 Created");
    let delete = wire::request(
        addr,
        "DELETE",
        "/files/a.txt",
        &format!("Authorization: Bearer {TOKEN}\r\n"),
    )
    .await;
    delete.assert_no_content("HTTP/1.1 204 No Content");

    let cached = wire::request(addr, "GET", "/cached", "").await;
    cached.assert_no_content("HTTP/1.1 304 Not Modified");
    assert_eq!(cached.header("etag"), Some("\"v7\""));
}

#[tokio::test]
async fn serves_its_openapi_document_and_swagger_ui() {
    let addr = start(Config::default()).await;
    let client = client();
    let document: Value = client
        .get(format!("http://{addr}/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    support::assert_valid_openapi(&document);
    // Each operation documents exactly what its handler can answer, and
    // what axum answers before and around it: a path parameter's 400, a
    // body's 400 and 413, a panic's 500.
    let statuses = |method: &str| -> Vec<String> {
        let responses = &document["paths"]["/files/{id}"][method]["responses"];
        responses.as_object().unwrap().keys().cloned().collect()
    };
    assert_eq!(statuses("get"), ["200", "400", "404", "500"]);
    assert_eq!(
        statuses("put"),
        ["201", "204", "400", "401", "413", "429", "500", "507"]
    );
    assert_eq!(statuses("delete"), ["204", "400", "401", "404", "500"]);
    let put = &document["paths"]["/files/{id}"]["put"]["responses"];
    assert_eq!(
        put["429"]["headers"]["retry-after"]["schema"]["type"],
        "integer"
    );
    assert_eq!(
        document["paths"]["/admin/usage"]["get"]["responses"]["403"]["content"]["application/json"]
            ["schema"]["properties"]["code"]["enum"][0],
        "permission_denied"
    );
    // The request-id layer's member, documented on every error body.
    let not_found = &document["paths"]["/files/{id}"]["get"]["responses"]["404"]["content"]["application/json"]
        ["schema"];
    assert_eq!(not_found["properties"]["request_id"]["type"], "string");
    assert!(
        !not_found["required"]
            .as_array()
            .unwrap()
            .contains(&"request_id".into())
    );
    assert_describes_what_the_server_does(&document);

    let docs = client
        .get(format!("http://{addr}/docs/"))
        .send()
        .await
        .unwrap();
    assert_eq!(docs.status(), StatusCode::OK);
    assert!(docs.text().await.unwrap().contains("swagger-ui"));
    let config = client
        .get(format!("http://{addr}/docs/swagger-initializer.js"))
        .send()
        .await
        .unwrap();
    assert!(config.text().await.unwrap().contains("/openapi.json"));
}

/// What a client and Swagger UI need beyond schema validity: a server, the
/// bearer scheme on exactly the operations that check a token, a success on
/// every operation, file contents as bytes, and a realistic example for
/// every error response.
fn assert_describes_what_the_server_does(document: &Value) {
    assert_eq!(document["servers"][0]["url"], "/");
    assert_eq!(
        document["components"]["securitySchemes"]["bearer"],
        serde_json::json!({
            "type": "http",
            "scheme": "bearer",
            "description": "`demo-token` for uploads and deletions, `admin-token` for `/admin/usage`",
        })
    );
    let mut protected = Vec::new();
    for (path, operations) in document["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            let security = operation["security"].as_array().unwrap();
            if security.iter().any(|s| s.get("bearer").is_some()) {
                protected.push(format!("{method} {path}"));
            }
            let responses = operation["responses"].as_object().unwrap();
            assert!(
                responses.keys().any(|status| status.starts_with('2')),
                "{method} {path} documents no success"
            );
            for (status, response) in responses {
                if status.starts_with('2') {
                    continue;
                }
                let json = &response["content"]["application/json"];
                assert!(
                    json["examples"].as_object().is_some_and(|e| !e.is_empty()),
                    "{method} {path} {status} has no example"
                );
            }
        }
    }
    protected.sort();
    assert_eq!(
        protected,
        [
            "delete /files/{id}",
            "get /admin/usage",
            "post /files/{id}/copy",
            "put /files/{id}"
        ]
    );
    let schemas = &document["components"]["schemas"];
    assert_eq!(schemas["FileBytes"]["type"], "string");
    assert_eq!(schemas["FileBytes"]["format"], "binary");
    assert_eq!(
        schemas["FileBytes"]["contentMediaType"],
        "application/octet-stream"
    );
}

/// axum's own refusals and a panic, in the example: each answers JSON in
/// the handlers' shape that `/openapi.json` documents for that operation
/// and status, and none repeats the request.
#[tokio::test]
async fn the_framework_s_own_refusals_are_json_and_documented() {
    const SECRET: &str = "SECRET-91d2";
    let addr = start(Config {
        body_limit: 4096,
        ..Config::default()
    })
    .await;
    let client = client();
    let base = format!("http://{addr}");
    let document = document(&client, &base).await;
    upload(&client, format!("{base}/files/a.txt"), "hi").await;

    let malformed = client
        .post(format!("{base}/files/a.txt/copy"))
        .bearer_auth(TOKEN)
        .header("content-type", "application/json")
        .body(format!(r#"{{"to": "{SECRET}""#))
        .send()
        .await
        .unwrap();
    let wrong_type = client
        .post(format!("{base}/files/a.txt/copy"))
        .bearer_auth(TOKEN)
        .json(&serde_json::json!({"to": [SECRET]}))
        .send()
        .await
        .unwrap();
    let bad_utf8 = client
        .get(format!("{base}/files/{SECRET}%FF"))
        .send()
        .await
        .unwrap();
    let oversized = upload(&client, format!("{base}/files/big.bin"), vec![b'x'; 4097]).await;
    let bad_limit = client
        .get(format!("{base}/files?limit={SECRET}"))
        .send()
        .await
        .unwrap();
    let panicked = client
        .get(format!("{base}/files/panic"))
        .send()
        .await
        .unwrap();
    for (response, method, path, status, expected) in [
        (
            malformed,
            "post",
            "/files/{id}/copy",
            400,
            r#"{"message":"The request body is not valid JSON: EOF while parsing an object at line 1 column 20.","code":"parse_error"}"#,
        ),
        (
            wrong_type,
            "post",
            "/files/{id}/copy",
            422,
            r#"{"message":"Invalid request body at `to`: expected a string, found an array.","code":"invalid_body","field":"to"}"#,
        ),
        (
            bad_utf8,
            "get",
            "/files/{id}",
            400,
            r#"{"message":"Invalid path parameter `id`: not valid UTF-8.","code":"invalid_parameter","in":"path","parameter":"id"}"#,
        ),
        (
            oversized,
            "put",
            "/files/{id}",
            413,
            r#"{"message":"Request body is too large.","code":"payload_too_large"}"#,
        ),
        (
            bad_limit,
            "get",
            "/files",
            400,
            r#"{"message":"Invalid query parameter `limit`: invalid digit found in string.","code":"invalid_parameter","in":"query","parameter":"limit"}"#,
        ),
        (
            panicked,
            "get",
            "/files/{id}",
            500,
            r#"{"message":"Internal Server Error","code":"internal_server_error"}"#,
        ),
    ] {
        let content_type = response.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(response.status().as_u16(), status, "{method} {path}");
        assert_eq!(content_type, "application/json", "{method} {path}");
        let body = response.text().await.unwrap();
        assert_eq!(body, with_id(expected), "{method} {path}");
        assert!(!body.contains(SECRET), "{method} {path}: {body}");
        support::assert_served_as_documented(&document, method, path, status, &content_type, &body);
    }
}

/// The example's errors by the request's `Accept`: a page for a browser,
/// problem details for a client that asks, the JSON shape otherwise; each
/// with `Vary: Accept`, each as its operation documents it.
#[tokio::test]
async fn errors_answer_in_the_format_accept_prefers_as_documented() {
    let addr = start(Config::default()).await;
    let client = client();
    let base = format!("http://{addr}");
    let document = document(&client, &base).await;
    upload(&client, format!("{base}/files/a.txt"), "hi").await;
    let json = "application/json";
    let problem = "application/problem+json";
    let html = "text/html; charset=utf-8";
    for (path, send_path, status, accept, expected) in [
        ("/files/{id}", "/files/report.pdf", 404, "text/html", html),
        ("/files/{id}", "/files/report.pdf", 404, problem, problem),
        ("/files/{id}", "/files/report.pdf", 404, "*/*", json),
        ("/files/{id}", "/files/corrupt", 500, "text/html", html),
        ("/files/{id}", "/files/panic", 500, problem, problem),
        ("/files/{id}", "/files/%FF", 400, "text/html", html),
        ("/files", "/files?limit=x", 400, problem, problem),
        ("/files", "/files", 406, "text/html", html),
    ] {
        let response = client
            .get(format!("{base}{send_path}"))
            .header("accept", accept)
            .send()
            .await
            .unwrap();
        let case = format!("GET {send_path} Accept: {accept}");
        assert_eq!(response.status().as_u16(), status, "{case}");
        let content_type = response.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(content_type, expected, "{case}");
        assert_eq!(response.headers()["vary"], "Accept", "{case}");
        let body = response.text().await.unwrap();
        match expected {
            "application/problem+json" => {
                let body: Value = serde_json::from_str(&body).unwrap();
                assert_eq!(body["status"], status, "{case}");
                assert_eq!(
                    body["instance"],
                    format!("urn:request-id:{REQUEST_ID}"),
                    "{case}"
                );
            }
            "text/html; charset=utf-8" => {
                assert!(body.starts_with("<!DOCTYPE html>"), "{case}: {body}");
                assert!(
                    body.contains(&format!("<code>{REQUEST_ID}</code>")),
                    "{case}: {body}"
                );
            }
            _ => {}
        }
        assert!(!body.contains("checksum"), "{case}: {body}");
        support::assert_served_as_documented(&document, "get", path, status, &content_type, &body);
    }
    // Every error response of the document offers the three formats.
    let get_file = &document["paths"]["/files/{id}"]["get"]["responses"];
    for status in ["404", "500"] {
        let media: Vec<&String> = get_file[status]["content"]
            .as_object()
            .unwrap()
            .keys()
            .collect();
        assert_eq!(media, [json, problem, "text/html"], "{status}");
    }
    let page = &get_file["404"]["content"]["text/html"]["examples"];
    assert!(
        page.as_object()
            .unwrap()
            .values()
            .any(|example| example["value"]
                .as_str()
                .is_some_and(|page| page.contains("<title>404 Not Found</title>"))),
        "{page:#}"
    );
}

/// The error catalogue at `/errors`, linked from the document's
/// description: every code the example answers, its own and axum's.
#[tokio::test]
async fn serves_its_error_catalogue() {
    let addr = start(Config::default()).await;
    let client = client();
    let base = format!("http://{addr}");
    let response = client.get(format!("{base}/errors")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/html; charset=utf-8"
    );
    let page = response.text().await.unwrap();
    for code in [
        "file_not_found",
        "quota_exceeded",
        "throttled",
        "unauthorized",
        "conflict",
        "permission_denied",
        "not_acceptable",
        "parse_error",
        "invalid_parameter",
        "payload_too_large",
        "method_not_allowed",
        "internal_server_error",
    ] {
        assert!(page.contains(&format!("<code>{code}</code>")), "{code}");
    }
    assert_eq!(page, app::catalogue().to_html("httperror example: errors"));
    let document = document(&client, &base).await;
    let description = document["info"]["description"].as_str().unwrap();
    assert!(
        description.contains("[error catalogue](/errors)"),
        "{description}"
    );
}
