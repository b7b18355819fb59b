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
use http::header::{CONTENT_TYPE, RETRY_AFTER, WWW_AUTHENTICATE};
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

/// What a careful developer writes by hand for the same responses.
pub fn hand_written(error: &StorageError) -> Response<Bytes> {
    #[derive(Serialize)]
    struct Body<'a> {
        message: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        used: Option<u64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        limit: Option<u64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        retry_after: Option<u32>,
    }
    let display;
    let quota;
    let mut body = Body {
        message: "",
        id: None,
        used: None,
        limit: None,
        retry_after: None,
    };
    let mut builder =
        Response::builder().header(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    let status = match error {
        StorageError::NotFound { id } => {
            display = error.to_string();
            body.message = &display;
            body.id = Some(id);
            StatusCode::NOT_FOUND
        }
        StorageError::QuotaExceeded { used, limit } => {
            quota = format!("quota exceeded: {used} of {limit} bytes used");
            body.message = &quota;
            body.used = Some(*used);
            body.limit = Some(*limit);
            StatusCode::INSUFFICIENT_STORAGE
        }
        StorageError::Throttled { retry_after } => {
            body.message = "too many requests";
            body.retry_after = Some(*retry_after);
            builder = builder.header(RETRY_AFTER, HeaderValue::from(*retry_after));
            StatusCode::TOO_MANY_REQUESTS
        }
        StorageError::Unauthorized => {
            body.message = "authentication required";
            builder = builder.header(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            StatusCode::UNAUTHORIZED
        }
        StorageError::Backend(_) => {
            body.message = "Internal Server Error";
            StatusCode::INTERNAL_SERVER_ERROR
        }
    };
    let bytes = serde_json::to_vec(&body).unwrap_or_default();
    builder
        .status(status)
        .body(Bytes::from(bytes))
        .unwrap_or_default()
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

/// The careful hand-written response through axum: its body handed to
/// axum's `Body`, then collected.
pub fn hand_written_through_axum(error: &StorageError) -> Response<Bytes> {
    collect_axum(hand_written(error).map(axum::body::Body::from))
}

fn collect_axum(response: axum::response::Response) -> Response<Bytes> {
    let (parts, body) = response.into_parts();
    let bytes = ready(axum::body::to_bytes(body, usize::MAX)).unwrap_or_default();
    Response::from_parts(parts, bytes)
}

/// The derive through actix-web: `ResponseError::error_response`, then
/// the body collected (the status and body kept).
pub fn derived_through_actix(error: &StorageError) -> Response<Bytes> {
    let response = actix_web::ResponseError::error_response(error);
    let status = StatusCode::from_u16(response.status().as_u16()).unwrap_or_default();
    let body = ready(actix_web::body::to_bytes(response.into_body())).unwrap_or_default();
    let mut collected = Response::new(body);
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
