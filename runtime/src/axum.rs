//! axum: `IntoResponse` for every derived type and [`Abort`], and the
//! router's own 404 and 405 in the crate's default JSON shape
//! (`{"message":..,"code":..}`, as [`common`]'s errors).
//!
//! ```
//! use axum::{Router, extract::Path, middleware, routing::get};
//! use httperror::HttpError;
//!
//! #[derive(Debug, thiserror::Error, HttpError)]
//! enum StorageError {
//!     #[error("file {id} not found")]
//!     #[status(404)]
//!     NotFound { #[payload] id: String },
//! }
//!
//! async fn get_file(Path(id): Path<String>) -> Result<String, StorageError> {
//!     Err(StorageError::NotFound { id })
//! }
//!
//! let app: Router = Router::new()
//!     .route("/files/{id}", get(get_file))
//!     // An unknown path: `{"message":"Not found.","code":"not_found"}`.
//!     .fallback(httperror::axum::not_found)
//!     // A known path with another method: a JSON 405 that keeps `allow`.
//!     .layer(middleware::map_response(httperror::axum::router_errors));
//! ```

use std::any::Any;

use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};
use http::{HeaderMap, Method, StatusCode, header};
use http_body::Body as _;

use crate::common::{self, Allow};
use crate::{Abort, HttpError};

/// The axum response of any [`HttpError`]: [`HttpError::to_response`] with
/// an axum body. Derived types' `IntoResponse` calls this.
pub fn into_response<E: HttpError + ?Sized>(error: &E) -> Response {
    error.to_response().map(Body::from)
}

impl IntoResponse for Abort {
    fn into_response(self) -> Response {
        into_response(&self)
    }
}

/// A fallback handler for unknown paths: [`common::NotFound`].
///
/// `Router::fallback(httperror::axum::not_found)`.
pub async fn not_found() -> Response {
    into_response(&common::NotFound)
}

/// For `axum::middleware::map_response`: replaces the router's own empty
/// 404 and 405 with [`common::NotFound`] and [`common::MethodNotAllowed`]
/// (keeping the `allow` header the router computed). Responses with a body
/// or a content type, such as your handlers' errors, pass through.
pub async fn router_errors(method: Method, response: Response) -> Response {
    let status = response.status();
    let from_router = matches!(
        status,
        StatusCode::NOT_FOUND | StatusCode::METHOD_NOT_ALLOWED
    ) && response.body().size_hint().exact() == Some(0)
        && !response.headers().contains_key(header::CONTENT_TYPE);
    if !from_router {
        return response;
    }
    if status == StatusCode::NOT_FOUND {
        return into_response(&common::NotFound);
    }
    let allow = allowed_methods(response.headers());
    let known = !allow.0.is_empty();
    let mut response = into_response(&common::MethodNotAllowed { method, allow });
    if !known {
        // axum adds the route's `allow` above this layer, unless one is
        // already there.
        response.headers_mut().remove(header::ALLOW);
    }
    response
}

fn allowed_methods(headers: &HeaderMap) -> Allow {
    let methods = headers
        .get_all(header::ALLOW)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .filter_map(|method| method.trim().parse().ok())
        .collect();
    Allow(methods)
}

/// For tower-http's `CatchPanicLayer::custom`: a handler that panics
/// answers [`common::InternalServerError`], in the crate's default JSON
/// shape; the panic's message is logged (feature `tracing`), never shown
/// to the client. For your own 500's shape, use [`panic_response_as`].
///
/// ```
/// use axum::{Router, routing::get};
/// use tower_http::catch_panic::CatchPanicLayer;
///
/// async fn handler() -> &'static str {
///     panic!("the cache is corrupt")
/// }
///
/// let app: Router = Router::new()
///     .route("/", get(handler))
///     .layer(CatchPanicLayer::custom(httperror::axum::panic_response));
/// # let _ = app;
/// ```
pub fn panic_response(panic: Box<dyn Any + Send + 'static>) -> Response {
    panic_response_as::<common::InternalServerError>(panic)
}

/// [`panic_response`] in your own 500's shape: `E` converts from
/// [`common::InternalServerError`] (an enum with an envelope of its own
/// maps it to its 500 variant).
pub fn panic_response_as<E: HttpError + From<common::InternalServerError>>(
    panic: Box<dyn Any + Send + 'static>,
) -> Response {
    #[cfg(feature = "tracing")]
    crate::report::panicked(panic_message(&*panic));
    drop(panic);
    into_response(&E::from(common::InternalServerError))
}

/// A panic's message: the `&str` or `String` it was given.
#[cfg_attr(not(feature = "tracing"), allow(dead_code))]
fn panic_message(panic: &(dyn Any + Send)) -> &str {
    if let Some(message) = panic.downcast_ref::<&str>() {
        message
    } else if let Some(message) = panic.downcast_ref::<String>() {
        message
    } else {
        "(a panic whose payload is not a string)"
    }
}

/// `impl IntoResponse` for a derived type; nothing without the `axum`
/// feature.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    (impl [$($impl_generics:tt)*] for [$($ty:tt)*] where [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::axum_core::response::IntoResponse for $($ty)*
        $($where_clause)*
        {
            fn into_response(self) -> $crate::__private::axum_core::response::Response {
                $crate::axum::into_response(&self)
            }
        }
    };
}
