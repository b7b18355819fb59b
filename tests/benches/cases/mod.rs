//! The responses the benchmarks compare, for each variant of the design's
//! `StorageError`: the derive's `to_response()`; the careful hand-written
//! equivalent (a `#[derive(Serialize)]` body, `serde_json::to_vec`,
//! `http::Response`); and the common way (`serde_json::json!` and
//! `axum::Json` into an axum response, body collected).

#![allow(dead_code)]

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use axum::response::IntoResponse;
use bytes::Bytes;
use http::header::{CONTENT_TYPE, HeaderName, RETRY_AFTER, WWW_AUTHENTICATE};
use http::{HeaderValue, Response, StatusCode};
use httperror::HttpError;
use httperror_tests::StorageError;
use serde::Serialize;

pub const VARIANTS: [&str; 5] = [
    "NotFound",
    "QuotaExceeded",
    "Throttled",
    "Unauthorized",
    "Backend",
];

pub fn error(variant: &str) -> StorageError {
    match variant {
        "NotFound" => StorageError::NotFound {
            id: "report-2024.pdf".into(),
        },
        "QuotaExceeded" => StorageError::QuotaExceeded {
            used: 10_485_760,
            limit: 8_388_608,
        },
        "Throttled" => StorageError::Throttled { retry_after: 30 },
        "Unauthorized" => StorageError::Unauthorized,
        _ => StorageError::Backend(std::io::Error::other("disk /dev/sda3 failed")),
    }
}

/// `#[derive(HttpError)]`.
pub fn derived(error: &StorageError) -> Response<Bytes> {
    error.to_response()
}

/// An application error that wraps `StorageError` with
/// `#[http_error(transparent)]`, beside another module's error.
#[derive(Debug, thiserror::Error, HttpError)]
pub enum App {
    #[error(transparent)]
    #[http_error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    #[http_error(transparent)]
    Other(#[from] httperror::common::PermissionDenied),
}

/// The same responses through the transparent variant.
pub fn transparent(error: &App) -> Response<Bytes> {
    error.to_response()
}

/// What a careful developer writes by hand for the same responses: one
/// borrowed `#[derive(Serialize)]` body, the message streamed from
/// `Display` through `collect_str`, `serde_json::to_vec`; the status, the
/// body and the one extra header, for each framework to assemble.
pub fn careful_parts(
    error: &StorageError,
) -> (StatusCode, Vec<u8>, Option<(HeaderName, HeaderValue)>) {
    #[derive(Serialize)]
    struct Body<'a> {
        #[serde(serialize_with = "display")]
        message: &'a dyn std::fmt::Display,
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        used: Option<u64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        limit: Option<u64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        retry_after: Option<u32>,
    }
    fn display<S: serde::Serializer>(
        message: &&dyn std::fmt::Display,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_str(message)
    }
    let mut body = Body {
        message: &"",
        id: None,
        used: None,
        limit: None,
        retry_after: None,
    };
    let mut header = None;
    let status = match error {
        StorageError::NotFound { id } => {
            body.message = error;
            body.id = Some(id);
            StatusCode::NOT_FOUND
        }
        StorageError::QuotaExceeded { used, limit } => {
            body.message = error;
            body.used = Some(*used);
            body.limit = Some(*limit);
            StatusCode::INSUFFICIENT_STORAGE
        }
        StorageError::Throttled { retry_after } => {
            body.message = &"too many requests";
            body.retry_after = Some(*retry_after);
            header = Some((RETRY_AFTER, HeaderValue::from(*retry_after)));
            StatusCode::TOO_MANY_REQUESTS
        }
        StorageError::Unauthorized => {
            body.message = &"authentication required";
            header = Some((WWW_AUTHENTICATE, HeaderValue::from_static("Bearer")));
            StatusCode::UNAUTHORIZED
        }
        StorageError::Backend(_) => {
            body.message = &"Internal Server Error";
            StatusCode::INTERNAL_SERVER_ERROR
        }
    };
    (
        status,
        serde_json::to_vec(&body).unwrap_or_default(),
        header,
    )
}

/// The careful hand-written response as an `http::Response`.
pub fn hand_written(error: &StorageError) -> Response<Bytes> {
    let (status, body, header) = careful_parts(error);
    let mut response = Response::new(Bytes::from(body));
    *response.status_mut() = status;
    json_headers(response.headers_mut(), header);
    response
}

/// `content-type: application/json` and the one extra header, set in
/// place in a response's own map.
#[inline(always)]
fn json_headers(headers: &mut http::HeaderMap, header: Option<(HeaderName, HeaderValue)>) {
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    if let Some((name, value)) = header {
        headers.insert(name, value);
    }
}

/// The hand-tuned floor: the fastest response written by hand for the
/// same enum. One exactly-sized buffer from static pieces, integers by
/// `itoa`, static bodies and header values where nothing is dynamic.
pub fn tuned_parts(error: &StorageError) -> (StatusCode, Bytes, Option<(HeaderName, HeaderValue)>) {
    /// `pieces` and JSON-safe `values` (no escaping needed), joined.
    fn joined(parts: &[&[u8]]) -> Bytes {
        let mut out = Vec::with_capacity(parts.iter().map(|p| p.len()).sum());
        for part in parts {
            out.extend_from_slice(part);
        }
        Bytes::from(out)
    }
    let plain = |s: &str| s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\');
    match error {
        StorageError::NotFound { id } if plain(id) => (
            StatusCode::NOT_FOUND,
            joined(&[
                b"{\"message\":\"file ",
                id.as_bytes(),
                b" not found\",\"id\":\"",
                id.as_bytes(),
                b"\"}",
            ]),
            None,
        ),
        StorageError::NotFound { .. } => {
            let (status, body, header) = careful_parts(error);
            (status, Bytes::from(body), header)
        }
        StorageError::QuotaExceeded { used, limit } => {
            let (mut used_text, mut limit_text) = (itoa::Buffer::new(), itoa::Buffer::new());
            let (used, limit) = (
                used_text.format(*used).as_bytes(),
                limit_text.format(*limit).as_bytes(),
            );
            (
                StatusCode::INSUFFICIENT_STORAGE,
                joined(&[
                    b"{\"message\":\"quota exceeded: ",
                    used,
                    b" of ",
                    limit,
                    b" bytes used\",\"used\":",
                    used,
                    b",\"limit\":",
                    limit,
                    b"}",
                ]),
                None,
            )
        }
        StorageError::Throttled { retry_after } => {
            let mut text = itoa::Buffer::new();
            let seconds = text.format(*retry_after).as_bytes();
            (
                StatusCode::TOO_MANY_REQUESTS,
                joined(&[
                    b"{\"message\":\"too many requests\",\"retry_after\":",
                    seconds,
                    b"}",
                ]),
                Some((RETRY_AFTER, HeaderValue::from(*retry_after))),
            )
        }
        StorageError::Unauthorized => (
            StatusCode::UNAUTHORIZED,
            Bytes::from_static(b"{\"message\":\"authentication required\"}"),
            Some((WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"))),
        ),
        StorageError::Backend(_) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            Bytes::from_static(b"{\"message\":\"Internal Server Error\"}"),
            None,
        ),
    }
}

/// The hand-tuned floor as an `http::Response`.
pub fn hand_tuned(error: &StorageError) -> Response<Bytes> {
    let (status, body, header) = tuned_parts(error);
    let mut response = Response::new(body);
    *response.status_mut() = status;
    json_headers(response.headers_mut(), header);
    response
}

/// The common way: `json!` and `axum::Json`, then the body collected.
pub fn common_way(error: &StorageError) -> Response<Bytes> {
    use serde_json::json;
    let response = match error {
        StorageError::NotFound { id } => (
            StatusCode::NOT_FOUND,
            axum::Json(json!({"message": error.to_string(), "id": id})),
        )
            .into_response(),
        StorageError::QuotaExceeded { used, limit } => (
            StatusCode::INSUFFICIENT_STORAGE,
            axum::Json(json!({
                "message": format!("quota exceeded: {used} of {limit} bytes used"),
                "used": used,
                "limit": limit,
            })),
        )
            .into_response(),
        StorageError::Throttled { retry_after } => (
            StatusCode::TOO_MANY_REQUESTS,
            [(RETRY_AFTER, retry_after.to_string())],
            axum::Json(json!({"message": "too many requests", "retry_after": retry_after})),
        )
            .into_response(),
        StorageError::Unauthorized => (
            StatusCode::UNAUTHORIZED,
            [(WWW_AUTHENTICATE, "Bearer")],
            axum::Json(json!({"message": "authentication required"})),
        )
            .into_response(),
        StorageError::Backend(_) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            axum::Json(json!({"message": "Internal Server Error"})),
        )
            .into_response(),
    };
    let (parts, body) = response.into_parts();
    let bytes = ready(axum::body::to_bytes(body, usize::MAX)).unwrap_or_default();
    Response::from_parts(parts, bytes)
}

/// Polls a future that is ready at once (a full body) to its value.
fn ready<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
    }
}

/// The derive through axum, as a handler's `Err` is answered:
/// `IntoResponse`, then the body collected.
pub fn derived_through_axum(error: &StorageError) -> Response<Bytes> {
    collect_axum(httperror::axum::into_response(error))
}

/// The careful hand-written response through axum, as pinned:
/// `Response::new(Body::from(Bytes::from(vec)))`, headers set in place,
/// then the body collected.
pub fn hand_written_through_axum(error: &StorageError) -> Response<Bytes> {
    let (status, body, header) = careful_parts(error);
    let mut response = axum::response::Response::new(axum::body::Body::from(Bytes::from(body)));
    *response.status_mut() = status;
    json_headers(response.headers_mut(), header);
    collect_axum(response)
}

/// The hand-tuned floor through axum.
pub fn hand_tuned_through_axum(error: &StorageError) -> Response<Bytes> {
    let (status, body, header) = tuned_parts(error);
    let mut response = axum::response::Response::new(axum::body::Body::from(body));
    *response.status_mut() = status;
    json_headers(response.headers_mut(), header);
    collect_axum(response)
}

/// axum's own floor: an empty response with one static header, the body
/// collected.
pub fn axum_floor(_: &StorageError) -> Response<Bytes> {
    let mut response = axum::response::Response::new(axum::body::Body::empty());
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    collect_axum(response)
}

fn collect_axum(response: axum::response::Response) -> Response<Bytes> {
    let (parts, body) = response.into_parts();
    let bytes = ready(axum::body::to_bytes(body, usize::MAX)).unwrap_or_default();
    Response::from_parts(parts, bytes)
}

/// The derive through actix-web: `ResponseError::error_response`, then
/// the body collected.
pub fn derived_through_actix(error: &StorageError) -> Response<Bytes> {
    collect_actix(actix_web::ResponseError::error_response(error))
}

/// The careful hand-written response through actix-web: its builder, the
/// same serialized body.
pub fn hand_written_through_actix(error: &StorageError) -> Response<Bytes> {
    let (status, body, header) = careful_parts(error);
    let mut builder = actix_web::HttpResponse::build(actix_status(status));
    builder.content_type("application/json");
    if let Some((name, value)) = header {
        builder.insert_header((name.as_str(), value.as_bytes()));
    }
    collect_actix(builder.body(body))
}

/// The hand-tuned floor through actix-web: the response made with its
/// body, headers inserted into its own map.
pub fn hand_tuned_through_actix(error: &StorageError) -> Response<Bytes> {
    use actix_web::http::header::{self as actix, HeaderValue as ActixValue};
    let (status, body, _) = tuned_parts(error);
    let mut response = actix_web::HttpResponse::with_body(actix_status(status), body);
    let headers = response.headers_mut();
    headers.insert(
        actix::CONTENT_TYPE,
        ActixValue::from_static("application/json"),
    );
    match error {
        StorageError::Throttled { retry_after } => {
            headers.insert(actix::RETRY_AFTER, ActixValue::from(*retry_after));
        }
        StorageError::Unauthorized => {
            headers.insert(actix::WWW_AUTHENTICATE, ActixValue::from_static("Bearer"));
        }
        _ => {}
    }
    collect_actix(response.map_into_boxed_body())
}

/// The common way through actix-web: `json!` and the builder's `json`.
pub fn common_way_through_actix(error: &StorageError) -> Response<Bytes> {
    use serde_json::json;
    let mut builder = actix_web::HttpResponse::build(actix_status(derived(error).status()));
    let response = match error {
        StorageError::NotFound { id } => {
            builder.json(json!({"message": error.to_string(), "id": id}))
        }
        StorageError::QuotaExceeded { used, limit } => builder.json(json!({
            "message": format!("quota exceeded: {used} of {limit} bytes used"),
            "used": used,
            "limit": limit,
        })),
        StorageError::Throttled { retry_after } => builder
            .insert_header(("retry-after", retry_after.to_string()))
            .json(json!({"message": "too many requests", "retry_after": retry_after})),
        StorageError::Unauthorized => builder
            .insert_header(("www-authenticate", "Bearer"))
            .json(json!({"message": "authentication required"})),
        StorageError::Backend(_) => builder.json(json!({"message": "Internal Server Error"})),
    };
    collect_actix(response)
}

/// actix-web's own floor: an empty response with one static header, the
/// body collected.
pub fn actix_floor(_: &StorageError) -> Response<Bytes> {
    let mut response = actix_web::HttpResponse::Ok().finish();
    response.headers_mut().insert(
        actix_web::http::header::CONTENT_TYPE,
        actix_web::http::header::HeaderValue::from_static("application/json"),
    );
    collect_actix(response)
}

fn actix_status(status: StatusCode) -> actix_web::http::StatusCode {
    actix_web::http::StatusCode::from_u16(status.as_u16()).unwrap_or_default()
}

/// An actix-web response collected: its status and body (its headers are
/// left in actix-web's map, where a server writes them from).
fn collect_actix(response: actix_web::HttpResponse) -> Response<Bytes> {
    let status = StatusCode::from_u16(response.status().as_u16()).unwrap_or_default();
    let mut collected =
        Response::new(ready(actix_web::body::to_bytes(response.into_body())).unwrap_or_default());
    *collected.status_mut() = status;
    collected
}

pub type Case = fn(&StorageError) -> Response<Bytes>;

pub const WAYS: [(&str, Case); 3] = [
    ("derived", derived),
    ("hand-written", hand_written),
    ("common way", common_way),
];

/// `StorageError`'s variants, with the same values, in another body shape.
macro_rules! storage_shape {
    ($(#[$shape:meta])* $name:ident) => {
        #[derive(Debug, thiserror::Error, HttpError)]
        $(#[$shape])*
        pub enum $name {
            #[error("file {id} not found")]
            #[status(404)]
            NotFound {
                #[payload]
                id: String,
            },
            #[error("quota exceeded: {used} of {limit} bytes used")]
            #[status(507)]
            #[message("quota exceeded: {used} of {limit} bytes used")]
            QuotaExceeded {
                #[payload]
                used: u64,
                #[payload]
                limit: u64,
            },
            #[error("too many requests")]
            #[status(TOO_MANY_REQUESTS)]
            Throttled {
                #[payload]
                #[header("retry-after")]
                retry_after: u32,
            },
            #[error("authentication required")]
            #[status(401)]
            #[header("www-authenticate", "Bearer")]
            Unauthorized,
            #[error("storage backend failed")]
            #[status(500)]
            Backend(#[source] std::io::Error),
        }

        impl From<StorageError> for $name {
            fn from(error: StorageError) -> Self {
                match error {
                    StorageError::NotFound { id } => $name::NotFound { id },
                    StorageError::QuotaExceeded { used, limit } => {
                        $name::QuotaExceeded { used, limit }
                    }
                    StorageError::Throttled { retry_after } => $name::Throttled { retry_after },
                    StorageError::Unauthorized => $name::Unauthorized,
                    StorageError::Backend(source) => $name::Backend(source),
                }
            }
        }
    };
}

storage_shape!(
    /// The flat body, as `StorageError`'s, derived in this crate like the
    /// other shapes, so the three compare like for like.
    Flat
);

storage_shape!(
    /// `{"error": {"message": .., <payload>}}`.
    #[http_error(envelope = "error")]
    Enveloped
);

storage_shape!(
    /// The flat body with two fixed members, one made from the code.
    #[member("object", "error")]
    #[member("doc_url", "https://docs.example.com/errors#{code}")]
    FixedMembers
);

/// `to_response()` of any derived type.
pub fn shaped<E: HttpError>(error: &E) -> Response<Bytes> {
    error.to_response()
}
