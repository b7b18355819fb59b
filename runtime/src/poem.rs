//! poem: [`poem::error::ResponseError`] for every derived type and
//! [`Abort`], so a handler returns `Result<_, E>`, answered exactly as
//! [`HttpError::to_response`] answers; and the router's own 404 and 405 in
//! the crate's default JSON shape (`{"message":..,"code":..}`, as
//! [`common`]'s errors).
//!
//! ```
//! use httperror::HttpError;
//! use poem::web::Path;
//! use poem::{EndpointExt, Route, handler};
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
//!     // `httperror::poem::get` in place of `poem::get`: a request with
//!     // another method answers a JSON 405 with the `allow` header.
//!     .at("/files/:id", httperror::poem::get(get_file))
//!     // An unknown path: JSON, as your errors are. Outermost, so it sees
//!     // the 404s of nested routes too.
//!     .around(httperror::poem::router_errors);
//! # let _ = app;
//! ```
//!
//! A handler's error type must be `Send + Sync + 'static` for poem to take
//! it (`poem::Error` holds it): a `#[source] Box<dyn Error>` needs
//! `+ Send + Sync`.
//!
//! poem's own `RouteMethod` does not tell which methods it takes, so the
//! 405 that [`router_errors`] answers for it carries no `allow` header,
//! which RFC 9110 requires: build routes with [`get`], [`post`] and the
//! others of this module (a [`Methods`], which knows them) and every 405
//! has its `allow`.

use std::sync::Arc;

use http::Method;
use poem::error::{MethodNotAllowedError, NotFoundError};
use poem::{Endpoint, IntoEndpoint, IntoResponse, Request, Response, ResponseParts, RouteMethod};

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

/// For `EndpointExt::around`, outermost: the router's own 404 (poem's
/// `NotFoundError`) answered as [`common::NotFound`], and a 405 of poem's
/// own `RouteMethod` (`MethodNotAllowedError`) as
/// [`common::MethodNotAllowed`], without `allow` (poem does not tell the
/// methods; [`Methods`] does). The request's extensions poem attached to
/// the error (the matched path pattern) are kept; every other response and
/// error passes through.
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
        Err(error) if error.is::<NotFoundError>() => {
            Ok(keep_extensions(error, into_response(&common::NotFound)))
        }
        Err(error) if error.is::<MethodNotAllowedError>() => {
            let mut response = into_response(&common::MethodNotAllowed {
                method,
                allow: Allow(Vec::new()),
            });
            // Unknown here: no `allow` rather than an empty one.
            response.headers_mut().remove(http::header::ALLOW);
            Ok(keep_extensions(error, response))
        }
        Err(error) => Err(error),
    }
}

/// `response`, with the extensions poem attached to `error`.
fn keep_extensions(error: poem::Error, mut response: Response) -> Response {
    let mut original = error.into_response();
    *response.extensions_mut() = std::mem::take(original.extensions_mut());
    response
}

/// A poem `RouteMethod` that knows its methods: a request with another
/// method answers [`common::MethodNotAllowed`] with the `allow` header RFC
/// 9110 requires (HEAD listed wherever GET is, as poem answers it).
#[derive(Default)]
pub struct Methods {
    inner: RouteMethod,
    allow: Vec<Method>,
}

impl Methods {
    /// No method yet.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// `endpoint` for `method`.
    #[must_use]
    pub fn method<E>(mut self, method: Method, endpoint: E) -> Self
    where
        E: IntoEndpoint,
        E::Endpoint: 'static,
    {
        self.allow.push(method.clone());
        self.inner = self.inner.method(method, endpoint);
        self
    }
}

/// `Methods::get`, `Methods::post`… and the functions that start a
/// [`Methods`] with one, as poem's own.
macro_rules! methods {
    ($($name:ident $method:ident),*) => {
        impl Methods {
            $(
                #[doc = concat!("`endpoint` for ", stringify!($method), ".")]
                #[must_use]
                pub fn $name<E>(self, endpoint: E) -> Self
                where
                    E: IntoEndpoint,
                    E::Endpoint: 'static,
                {
                    self.method(Method::$method, endpoint)
                }
            )*
        }

        $(
            #[doc = concat!(
                "A [`Methods`] with `endpoint` for ", stringify!($method),
                ": `poem::", stringify!($name), "` with a JSON 405 that keeps `allow`."
            )]
            #[must_use]
            pub fn $name<E>(endpoint: E) -> Methods
            where
                E: IntoEndpoint,
                E::Endpoint: 'static,
            {
                Methods::new().$name(endpoint)
            }
        )*
    };
}

methods!(get GET, post POST, put PUT, delete DELETE, patch PATCH, head HEAD, options OPTIONS);

impl Endpoint for Methods {
    type Output = Response;

    async fn call(&self, request: Request) -> poem::Result<Response> {
        let method = request.method().clone();
        match self.inner.call(request).await {
            Err(error) if error.is::<MethodNotAllowedError>() => {
                let mut allow = self.allow.clone();
                if allow.contains(&Method::GET) && !allow.contains(&Method::HEAD) {
                    allow.push(Method::HEAD);
                }
                Ok(keep_extensions(
                    error,
                    into_response(&common::MethodNotAllowed::new(method, allow)),
                ))
            }
            other => other,
        }
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
