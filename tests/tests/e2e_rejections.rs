//! The frameworks' own refusals on the wire, through `httperror::axum`'s
//! and `httperror::actix`'s drop-in extractors: each rejection kind, a
//! body over the limit and a panic answer the crate's JSON shape (or the
//! application's own), never repeat the request, and are what the served
//! OpenAPI document says, by `FrameworkErrors`' rule. One table of faults
//! runs against an axum and an actix-web server: the same fault, the same
//! answer.

mod support;

use std::net::SocketAddr;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post, put};
use httperror::FrameworkErrors;
use httperror::HttpError;
use httperror::axum::{Bytes, Form, Json, Path, Query, Text};
use httperror::common::{FormRejection, JsonRejection};
use serde::Deserialize;
use support::assert_served_as_documented;
use tower_http::catch_panic::CatchPanicLayer;
use utoipa::OpenApi;

/// In every refused value; never in a response.
const SECRET: &str = "SECRET-c4f1";

#[derive(Deserialize, utoipa::ToSchema)]
struct Order {
    #[allow(dead_code)]
    name: String,
    items: Vec<Item>,
}

#[derive(Deserialize, utoipa::ToSchema)]
struct Item {
    size: u32,
}

#[derive(Deserialize)]
struct Search {
    limit: u32,
    #[allow(dead_code)]
    q: String,
}

#[derive(Deserialize)]
struct Login {
    #[allow(dead_code)]
    user: String,
    age: u8,
}

#[utoipa::path(post, path = "/orders", request_body = Order,
    responses((status = 201, description = "Ordered")))]
async fn order(Json(order): Json<Order>) -> String {
    order
        .items
        .iter()
        .map(|item| item.size)
        .sum::<u32>()
        .to_string()
}

#[utoipa::path(get, path = "/numbers/{n}", params(("n" = u32, Path)),
    responses((status = 200, description = "The number")))]
async fn number(Path(n): Path<u32>) -> String {
    n.to_string()
}

#[utoipa::path(get, path = "/pairs/{a}/{b}", params(("a" = u32, Path), ("b" = u32, Path)),
    responses((status = 200, description = "The sum")))]
async fn pair(Path((a, b)): Path<(u32, u32)>) -> String {
    (a + b).to_string()
}

/// An id whose own `Deserialize` refuses with the value in its message.
struct Id(String);

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id = String::deserialize(deserializer)?;
        if id.starts_with("id-") {
            Ok(Id(id))
        } else {
            Err(serde::de::Error::custom(format!("{id} is not an id")))
        }
    }
}

#[utoipa::path(get, path = "/ids/{id}", params(("id" = String, Path)),
    responses((status = 200, description = "The id")))]
async fn by_id(Path(Id(id)): Path<Id>) -> String {
    id
}

#[utoipa::path(get, path = "/files/{id}", params(("id" = String, Path)),
    responses((status = 200, description = "The id")))]
async fn file(Path(id): Path<String>) -> String {
    id
}

#[utoipa::path(get, path = "/search",
    params(("limit" = u32, Query), ("q" = String, Query)),
    responses((status = 200, description = "Results")))]
async fn search(Query(search): Query<Search>) -> String {
    search.limit.to_string()
}

#[utoipa::path(post, path = "/login",
    request_body(content = String, content_type = "application/x-www-form-urlencoded"),
    responses((status = 204, description = "Logged in")))]
async fn login(Form(login): Form<Login>) -> String {
    login.age.to_string()
}

#[utoipa::path(put, path = "/raw",
    request_body(content = String, content_type = "application/octet-stream"),
    responses((status = 200, description = "Its length")))]
async fn raw(body: Bytes) -> String {
    body.len().to_string()
}

#[utoipa::path(put, path = "/text",
    request_body(content = String, content_type = "text/plain"),
    responses((status = 200, description = "Its length")))]
async fn text(body: Text) -> String {
    body.len().to_string()
}

#[utoipa::path(get, path = "/panic", responses((status = 200, description = "Never")))]
async fn panics() -> &'static str {
    panic!("the cache is corrupt: {SECRET}")
}

/// An application whose errors are RFC 9457 problem details answers
/// rejected JSON bodies in that shape.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "problem")]
enum Refused {
    /// The request body was refused.
    #[error("{0}")]
    #[status(400 | 413 | 415 | 422, with = HttpError::status)]
    #[message(with = HttpError::message)]
    Body(JsonRejection),
}

impl From<JsonRejection> for Refused {
    fn from(rejection: JsonRejection) -> Self {
        Refused::Body(rejection)
    }
}

mod problem {
    httperror::axum::extractors!(pub(crate) super::Refused => Json);
}

#[utoipa::path(post, path = "/problem/orders", request_body = Order,
    responses((status = 201, description = "Ordered")))]
async fn problem_order(problem::Json(order): problem::Json<Order>) -> String {
    order.items.len().to_string()
}

/// The framework's answers, by rule, in the crate's shape.
const FRAMEWORK_ERRORS: FrameworkErrors = FrameworkErrors::new();

#[derive(OpenApi)]
#[openapi(
    paths(order, number, pair, by_id, file, search, login, raw, text, panics),
    modifiers(&FRAMEWORK_ERRORS)
)]
struct ApiDoc;

/// JSON bodies' rejections in the application's problem shape.
const PROBLEM_ERRORS: FrameworkErrors = FrameworkErrors::new().json::<Refused>();

#[derive(OpenApi)]
#[openapi(paths(problem_order), modifiers(&PROBLEM_ERRORS))]
struct ProblemDoc;

async fn start() -> SocketAddr {
    let mut document = ApiDoc::openapi();
    document.merge(ProblemDoc::openapi());
    let app = Router::new()
        .route("/orders", post(order))
        .route("/numbers/{n}", get(number))
        .route("/pairs/{a}/{b}", get(pair))
        .route("/ids/{id}", get(by_id))
        .route("/files/{id}", get(file))
        .route("/search", get(search))
        .route("/login", post(login).get(login))
        .route("/raw", put(raw))
        .route("/text", put(text))
        .route("/panic", get(panics))
        .route("/problem/orders", post(problem_order))
        .route(
            "/openapi.json",
            get(move || async move { axum::Json(document) }),
        )
        .layer(DefaultBodyLimit::max(128))
        .layer(CatchPanicLayer::custom(httperror::axum::panic_response));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

struct Case {
    /// Also asked of the actix-web server (which has no `Bytes` or `Text`
    /// drop-ins, and reads an invalid UTF-8 path segment as text).
    actix: bool,
    method: &'static str,
    /// As sent: percent-encoded where it must be.
    uri: String,
    /// The operation's path in the document.
    documented: &'static str,
    content_type: Option<&'static str>,
    body: Vec<u8>,
    status: u16,
    media_type: &'static str,
    expected: String,
}

fn case(
    method: &'static str,
    uri: impl Into<String>,
    documented: &'static str,
    content_type: Option<&'static str>,
    body: impl Into<Vec<u8>>,
    status: u16,
    expected: impl Into<String>,
) -> Case {
    Case {
        actix: true,
        method,
        uri: uri.into(),
        documented,
        content_type,
        body: body.into(),
        status,
        media_type: "application/json",
        expected: expected.into(),
    }
}

fn axum_only(case: Case) -> Case {
    Case {
        actix: false,
        ..case
    }
}

fn cases() -> Vec<Case> {
    let json = Some("application/json");
    let form = Some("application/x-www-form-urlencoded");
    let too_large = format!(
        r#"{{"name":"{SECRET}","items":[{}]}}"#,
        r#"{"size":1},"#.repeat(16)
    );
    vec![
        case(
            "post",
            "/orders",
            "/orders",
            json,
            format!(r#"{{"name": "{SECRET}",}}"#),
            400,
            r#"{"message":"The request body is not valid JSON: trailing comma at line 1 column 24.","code":"parse_error"}"#,
        ),
        case(
            "post",
            "/orders",
            "/orders",
            json,
            format!(r#"{{"name":"a","items":[{{"size":1}},{{"size":2}},{{"size":"{SECRET}"}}]}}"#),
            422,
            r#"{"message":"Invalid request body at `items[2].size`: expected u32, found a string.","code":"invalid_body","field":"items[2].size"}"#,
        ),
        case(
            "post",
            "/orders",
            "/orders",
            json,
            format!(r#"{{"name":"{SECRET}","items":[{{}}]}}"#),
            422,
            r#"{"message":"Invalid request body at `items[0].size`: missing field.","code":"invalid_body","field":"items[0].size"}"#,
        ),
        case(
            "post",
            "/orders",
            "/orders",
            None,
            format!(r#"{{"name":"{SECRET}","items":[]}}"#),
            415,
            r#"{"message":"Expected a request with `content-type: application/json`.","code":"unsupported_media_type","expected":"application/json"}"#,
        ),
        case(
            "post",
            "/orders",
            "/orders",
            json,
            too_large.clone(),
            413,
            r#"{"message":"Request body is too large.","code":"payload_too_large"}"#,
        ),
        case(
            "get",
            format!("/numbers/{SECRET}"),
            "/numbers/{n}",
            None,
            "",
            400,
            r#"{"message":"Invalid path parameter `n`: expected u32.","code":"invalid_parameter","in":"path","parameter":"n"}"#,
        ),
        case(
            "get",
            format!("/pairs/7/{SECRET}"),
            "/pairs/{a}/{b}",
            None,
            "",
            400,
            r#"{"message":"Invalid path parameter `b`: expected u32.","code":"invalid_parameter","in":"path","parameter":"b"}"#,
        ),
        case(
            "get",
            format!("/ids/{SECRET}"),
            "/ids/{id}",
            None,
            "",
            400,
            r#"{"message":"Invalid path parameter `id`: invalid value.","code":"invalid_parameter","in":"path","parameter":"id"}"#,
        ),
        axum_only(case(
            "get",
            format!("/files/{SECRET}%FF"),
            "/files/{id}",
            None,
            "",
            400,
            r#"{"message":"Invalid path parameter `id`: not valid UTF-8.","code":"invalid_parameter","in":"path","parameter":"id"}"#,
        )),
        case(
            "get",
            format!("/search?q=a&limit={SECRET}"),
            "/search",
            None,
            "",
            400,
            r#"{"message":"Invalid query parameter `limit`: invalid digit found in string.","code":"invalid_parameter","in":"query","parameter":"limit"}"#,
        ),
        case(
            "get",
            format!("/search?q={SECRET}"),
            "/search",
            None,
            "",
            400,
            r#"{"message":"Invalid query parameter `limit`: missing field.","code":"invalid_parameter","in":"query","parameter":"limit"}"#,
        ),
        case(
            "post",
            "/login",
            "/login",
            form,
            format!("user=ada&age={SECRET}"),
            422,
            r#"{"message":"Invalid request body at `age`: invalid digit found in string.","code":"invalid_body","field":"age"}"#,
        ),
        case(
            "post",
            "/login",
            "/login",
            json,
            format!(r#"{{"user":"{SECRET}"}}"#),
            415,
            r#"{"message":"Expected a request with `content-type: application/x-www-form-urlencoded`.","code":"unsupported_media_type","expected":"application/x-www-form-urlencoded"}"#,
        ),
        axum_only(case(
            "put",
            "/raw",
            "/raw",
            Some("application/octet-stream"),
            too_large,
            413,
            r#"{"message":"Request body is too large.","code":"payload_too_large"}"#,
        )),
        axum_only(case(
            "put",
            "/text",
            "/text",
            Some("text/plain"),
            [SECRET.as_bytes(), b"\xff\xfe"].concat(),
            400,
            r#"{"message":"The request body is not valid UTF-8.","code":"bad_request"}"#,
        )),
        case(
            "get",
            "/panic",
            "/panic",
            None,
            "",
            500,
            r#"{"message":"Internal Server Error","code":"internal_server_error"}"#,
        ),
        Case {
            media_type: "application/problem+json",
            ..case(
                "post",
                "/problem/orders",
                "/problem/orders",
                json,
                format!(r#"{{"name":"a","items":[{{"size":"{SECRET}"}}]}}"#),
                422,
                r#"{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"Invalid request body at `items[0].size`: expected u32, found a string."}"#,
            )
        },
    ]
}

/// The same application on actix-web, with `httperror::actix`'s drop-ins.
mod on_actix {
    use actix_web::{App, HttpServer, web};
    use httperror::actix::{Form, Json, Path, Query};
    use httperror::common::{FormRejection, JsonRejection, PathRejection, QueryRejection};

    use super::{Id, Login, Order, SECRET, Search};

    async fn pair(Path((a, b)): Path<(u32, u32)>) -> String {
        (a + b).to_string()
    }

    async fn by_id(Path(Id(id)): Path<Id>) -> String {
        id
    }

    async fn order(Json(order): Json<Order>) -> String {
        order
            .items
            .iter()
            .map(|item| item.size)
            .sum::<u32>()
            .to_string()
    }

    async fn number(Path(n): Path<u32>) -> String {
        n.to_string()
    }

    async fn search(Query(search): Query<Search>) -> String {
        search.limit.to_string()
    }

    async fn login(Form(login): Form<Login>) -> String {
        login.age.to_string()
    }

    async fn panics() -> &'static str {
        panic!("the cache is corrupt: {SECRET}")
    }

    /// actix-web's own extractors, their errors answered by
    /// `httperror::actix`'s config error handlers.
    async fn kept_order(order: web::Json<Order>) -> String {
        order.items.len().to_string()
    }

    async fn kept_number(n: web::Path<u32>) -> String {
        n.to_string()
    }

    async fn kept_search(search: web::Query<Search>) -> String {
        search.limit.to_string()
    }

    async fn kept_login(login: web::Form<Login>) -> String {
        login.age.to_string()
    }

    async fn problem_order(
        super::problem_actix::Json(order): super::problem_actix::Json<Order>,
    ) -> String {
        order.items.len().to_string()
    }

    pub fn start() -> std::net::SocketAddr {
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let server =
                    HttpServer::new(|| {
                        App::new()
                            .app_data(web::PayloadConfig::new(128))
                            .route("/orders", web::post().to(order))
                            .route("/numbers/{n}", web::get().to(number))
                            .route("/pairs/{a}/{b}", web::get().to(pair))
                            .route("/ids/{id}", web::get().to(by_id))
                            .route("/search", web::get().to(search))
                            .route("/login", web::post().to(login))
                            .route("/panic", web::get().to(panics))
                            .route("/problem/orders", web::post().to(problem_order))
                            .service(
                                web::scope("/kept")
                                    .app_data(web::JsonConfig::default().error_handler(
                                        httperror::actix::json_error::<JsonRejection>,
                                    ))
                                    .app_data(web::QueryConfig::default().error_handler(
                                        httperror::actix::query_error::<QueryRejection>,
                                    ))
                                    .app_data(web::PathConfig::default().error_handler(
                                        httperror::actix::path_error::<PathRejection>,
                                    ))
                                    .app_data(web::FormConfig::default().error_handler(
                                        httperror::actix::form_error::<FormRejection>,
                                    ))
                                    .route("/orders", web::post().to(kept_order))
                                    .route("/numbers/{n}", web::get().to(kept_number))
                                    .route("/search", web::get().to(kept_search))
                                    .route("/login", web::post().to(kept_login)),
                            )
                            .wrap(httperror::actix::CatchPanic::new())
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

mod problem_actix {
    httperror::actix::extractors!(pub(crate) super::Refused => Json);
}

#[tokio::test]
async fn rejections_answer_json_never_repeat_the_request_and_are_documented() {
    let addr = start().await;
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let base = format!("http://{addr}");
    let document: serde_json::Value = client
        .get(format!("{base}/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    support::assert_valid_openapi(&document);
    let actix = format!("http://{}", on_actix::start());

    for (base, case) in cases().into_iter().map(|case| (base.as_str(), case)).chain(
        cases()
            .into_iter()
            .filter(|case| case.actix)
            .map(|case| (actix.as_str(), case)),
    ) {
        let method = case.method.to_uppercase().parse().unwrap();
        let mut request = client.request(method, format!("{base}{}", case.uri));
        if let Some(content_type) = case.content_type {
            request = request.header("content-type", content_type);
        }
        let response = request.body(case.body).send().await.unwrap();
        let what = format!("{base} {} {}", case.method, case.uri);
        assert_eq!(response.status().as_u16(), case.status, "{what}");
        let content_type = response.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(content_type, case.media_type, "{what}");
        let body = response.text().await.unwrap();
        assert_eq!(body, case.expected, "{what}");
        assert!(!body.contains(SECRET), "{what} repeats the request: {body}");
        assert_served_as_documented(
            &document,
            case.method,
            case.documented,
            case.status,
            &content_type,
            &body,
        );
    }
}

/// `Option<Json<T>>`, as axum's: `None` without a content type, a refusal
/// otherwise; `Path` outside a route, a 500.
#[tokio::test]
async fn optional_drop_ins_are_none_or_refused() {
    use axum::extract::{FromRequestParts, OptionalFromRequest, OptionalFromRequestParts};
    let request = |content_type: Option<&str>, body: &str| {
        let mut request = axum::http::Request::post("/");
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        request
            .body(axum::body::Body::from(body.to_owned()))
            .unwrap()
    };
    let none = <Json<Order> as OptionalFromRequest<()>>::from_request(request(None, ""), &()).await;
    assert!(matches!(none, Ok(None)));
    let refused = <Json<Order> as OptionalFromRequest<()>>::from_request(
        request(Some("application/json"), &format!("[{SECRET}")),
        &(),
    )
    .await
    .err()
    .unwrap();
    assert_eq!(refused.status(), 400);
    assert!(
        !String::from_utf8(refused.to_json())
            .unwrap()
            .contains(SECRET)
    );

    // Outside a route, `Path` (optional or not) is the server's fault: a
    // 500, its cause logged, never shown.
    let (mut parts, ()) = axum::http::Request::get("/").body(()).unwrap().into_parts();
    let optional = <Path<u32> as OptionalFromRequestParts<()>>::from_request_parts(&mut parts, &())
        .await
        .err()
        .unwrap();
    let required = <Path<u32> as FromRequestParts<()>>::from_request_parts(&mut parts, &())
        .await
        .err()
        .unwrap();
    for misconfigured in [optional, required] {
        assert_eq!(misconfigured.status(), 500);
        assert_eq!(
            misconfigured.to_json(),
            br#"{"message":"Internal Server Error","code":"internal_server_error"}"#
        );
    }
}

/// The `From` conversions alone, for an application that keeps axum's
/// extractors and wraps their rejections in its own enum.
#[tokio::test]
async fn axum_s_rejections_convert() {
    use axum::extract::FromRequest;
    let request = axum::http::Request::post("/")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(axum::body::Body::from(format!("age=7&note={SECRET}")))
        .unwrap();
    let rejection = axum::Form::<Login>::from_request(request, &())
        .await
        .err()
        .unwrap();
    let converted = FormRejection::from(rejection);
    assert_eq!(converted.status(), 422);
    assert_eq!(
        converted.to_json(),
        br#"{"message":"Invalid request body at `user`: missing field.","code":"invalid_body","field":"user"}"#
    );

    // A `GET` form is read from the query string: a parameter's 400.
    let request = axum::http::Request::get(format!("/?user=ada&age={SECRET}"))
        .body(axum::body::Body::empty())
        .unwrap();
    let rejection = axum::Form::<Login>::from_request(request, &())
        .await
        .err()
        .unwrap();
    assert_eq!(
        FormRejection::from(rejection).to_json(),
        br#"{"message":"Invalid query parameter `age`: invalid digit found in string.","code":"invalid_parameter","in":"query","parameter":"age"}"#
    );

    // A map's key the client chose is repeated only where it is a plain
    // name.
    let request = axum::http::Request::post("/")
        .header("content-type", "application/json")
        .body(axum::body::Body::from(
            r#"{"tags": {"<b>SECRET</b>": "x"}}"#,
        ))
        .unwrap();
    let rejection = axum::Json::<Tagged>::from_request(request, &())
        .await
        .err()
        .unwrap();
    assert_eq!(
        JsonRejection::from(rejection).to_json(),
        br#"{"message":"Invalid request body at `tags.?`: expected u32, found a string.","code":"invalid_body","field":"tags.?"}"#
    );
}

#[derive(Deserialize)]
struct Tagged {
    #[allow(dead_code)]
    tags: std::collections::HashMap<String, u32>,
}

/// actix-web's own extractors behind `httperror::actix`'s config error
/// handlers: the crate's shape, nothing of the request; actix-web's errors
/// name no field or query parameter, so those bodies say less than the
/// drop-ins'.
#[tokio::test]
async fn actix_s_own_extractors_answer_through_the_config_handlers() {
    let base = format!("http://{}", on_actix::start());
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let json = Some("application/json");
    for (method, uri, content_type, body, status, expected) in [
        (
            "POST",
            "/kept/orders".to_owned(),
            json,
            format!(r#"{{"name": "{SECRET}",}}"#),
            400,
            r#"{"message":"The request body is not valid JSON: trailing comma at line 1 column 24.","code":"parse_error"}"#,
        ),
        (
            "POST",
            "/kept/orders".to_owned(),
            json,
            format!(r#"{{"name":"a","items":[{{"size":"{SECRET}"}}]}}"#),
            422,
            r#"{"message":"Invalid request body: expected u32, found a string.","code":"invalid_body"}"#,
        ),
        (
            "POST",
            "/kept/orders".to_owned(),
            Some("text/plain"),
            format!(r#"{{"name":"{SECRET}","items":[]}}"#),
            415,
            r#"{"message":"Expected a request with `content-type: application/json`.","code":"unsupported_media_type","expected":"application/json"}"#,
        ),
        (
            "GET",
            format!("/kept/numbers/{SECRET}"),
            None,
            String::new(),
            400,
            r#"{"message":"Invalid path parameter `n`: expected u32.","code":"invalid_parameter","in":"path","parameter":"n"}"#,
        ),
        (
            "GET",
            format!("/kept/search?q=a&limit={SECRET}"),
            None,
            String::new(),
            400,
            r#"{"message":"Invalid query string: invalid digit found in string.","code":"invalid_parameter","in":"query"}"#,
        ),
        (
            "POST",
            "/kept/login".to_owned(),
            Some("application/x-www-form-urlencoded"),
            format!("user=ada&age={SECRET}"),
            422,
            r#"{"message":"Invalid request body: invalid digit found in string.","code":"invalid_body"}"#,
        ),
    ] {
        let mut request = client.request(method.parse().unwrap(), format!("{base}{uri}"));
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        let response = request.body(body).send().await.unwrap();
        assert_eq!(response.status().as_u16(), status, "{method} {uri}");
        assert_eq!(response.headers()["content-type"], "application/json");
        let text = response.text().await.unwrap();
        assert_eq!(text, expected, "{method} {uri}");
        assert!(!text.contains(SECRET));
    }
}
