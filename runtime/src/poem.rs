//! poem: [`poem::error::ResponseError`] for every derived type and
//! [`Abort`], so a handler returns `Result<_, E>`, answered exactly as
//! [`HttpError::to_response`] answers; and the router's own 404 and 405 in
//! the same JSON shape as your errors.
//!
//! ```
//! use httperror::HttpError;
//! use poem::web::Path;
//! use poem::{EndpointExt, Route, get, handler};
//!
//! #[derive(Debug, thiserror::Error, HttpError)]
//! enum StorageError {
//!     #[error("file {id} not found")]
//!     #[status(404)]
//!     NotFound { #[payload] id: String },
//! }
//!
//! #[handler]
//! fn get_file(Path(id): Path<String>) -> Result<String, StorageError> {
//!     Err(StorageError::NotFound { id })
//! }
//!
//! let app = Route::new()
//!     .at("/files/:id", get(get_file))
//!     // An unknown path or method: JSON, as your errors are.
//!     .around(httperror::poem::router_errors);
//! # let _ = app;
//! ```
//!
//! poem does not tell which methods a path takes, so the router's 405
//! carries no `allow` header here either (RFC 9110 asks for one): answer
//! 405s from your handlers with [`common::MethodNotAllowed`] where the
//! methods are known.

use std::sync::Arc;

use poem::error::{MethodNotAllowedError, NotFoundError};
use poem::{Endpoint, IntoResponse, Request, Response, ResponseParts};

use crate::common::{self, Allow};
use crate::{Abort, HttpError};

/// The poem response of any [`HttpError`]: [`HttpError::to_response`] with
/// a poem body. Derived types' `ResponseError::as_response` calls this.
pub fn into_response<E: HttpError + ?Sized>(error: &E) -> Response {
    let (parts, body) = error.to_response().into_parts();
    Response::from_parts(
        ResponseParts {
            status: parts.status,
            version: parts.version,
            headers: parts.headers,
            extensions: parts.extensions,
        },
        poem::Body::from(body),
    )
}

impl poem::error::ResponseError for Abort {
    fn status(&self) -> http::StatusCode {
        HttpError::status(self)
    }

    fn as_response(&self) -> Response {
        into_response(self)
    }
}

/// For `EndpointExt::around`: the router's own 404 and 405 (poem's
/// `NotFoundError` and `MethodNotAllowedError`) answered as
/// [`common::NotFound`] and [`common::MethodNotAllowed`]; every other
/// response and error passes through.
///
/// # Errors
///
/// The endpoint's errors other than those two, unchanged.
pub async fn router_errors<E: Endpoint + 'static>(
    endpoint: Arc<E>,
    request: Request,
) -> poem::Result<Response> {
    let method = request.method().clone();
    match endpoint.call(request).await {
        Ok(response) => Ok(response.into_response()),
        Err(error) if error.is::<NotFoundError>() => Ok(into_response(&common::NotFound)),
        Err(error) if error.is::<MethodNotAllowedError>() => {
            let mut response = into_response(&common::MethodNotAllowed {
                method,
                allow: Allow(Vec::new()),
            });
            // Unknown here: no `allow` rather than an empty one.
            response.headers_mut().remove(http::header::ALLOW);
            Ok(response)
        }
        Err(error) => Err(error),
    }
}

/// `impl poem::error::ResponseError` for a derived type; nothing without
/// the `poem` feature.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_poem {
    (impl [$($impl_generics:tt)*] for [$($ty:tt)*] where [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::poem::error::ResponseError for $($ty)*
        $($where_clause)*
        {
            fn status(&self) -> $crate::__private::StatusCode {
                <Self as $crate::HttpError>::status(self)
            }

            fn as_response(&self) -> $crate::__private::poem::Response {
                $crate::poem::into_response(self)
            }
        }
    };
}
