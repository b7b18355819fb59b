//! axum: `IntoResponse` for every derived type and [`Abort`]; drop-in
//! extractors ([`Json`], [`Path`], [`Query`], [`Form`], [`Bytes`],
//! [`Text`]) whose rejections answer in the crate's default JSON shape
//! (`{"message":..,"code":..}`, as [`common`]'s errors), without repeating
//! the request; the router's own 404 and 405; and panics, with tower-http's
//! `CatchPanicLayer`. See [the framework's own
//! errors](crate#the-frameworks-own-errors).
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
use std::borrow::Cow;

use ::axum::extract::rejection;
use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};
use http::{HeaderMap, Method, StatusCode, header};
use http_body::Body as _;

use crate::common::{self, Allow, BadRequest, ParseError};
use crate::{Abort, HttpError, input};

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
    {
        crate::report::panicked(&*panic);
        drop(panic);
        crate::report::quietly(|| into_response(&E::from(common::InternalServerError)))
    }
    #[cfg(not(feature = "tracing"))]
    {
        drop(panic);
        into_response(&E::from(common::InternalServerError))
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

// Rejections: axum's, in the crate's shape and without the request's text.

type Source<'a> = &'a (dyn std::error::Error + 'static);

/// The deserializer's error behind one of axum's rejections (which wraps
/// it in its own boxed error).
fn cause<'a, E: std::error::Error + 'static>(rejection: Source<'a>) -> Option<&'a E> {
    let mut next = Some(rejection);
    while let Some(error) = next {
        if let Some(found) = error.downcast_ref::<E>() {
            return Some(found);
        }
        next = error.source();
    }
    None
}

type UrlencodedError = serde_path_to_error::Error<serde_urlencoded::de::Error>;
type JsonError = serde_path_to_error::Error<serde_json::Error>;

fn unreadable() -> BadRequest {
    BadRequest::new("The request body could not be read.")
}

fn too_large() -> common::PayloadTooLarge {
    common::PayloadTooLarge::default()
}

/// A rejection axum may add later, by its status.
fn body_by_status(status: StatusCode) -> common::BodyRejection {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        common::BodyRejection::TooLarge(too_large())
    } else {
        common::BodyRejection::Unreadable(unreadable())
    }
}

/// A body's rejection axum may add later, by its status: another shape
/// (422), another content type (415), else as a body's.
fn by_status<R: From<common::BodyRejection>>(
    status: StatusCode,
    invalid: fn(common::InvalidBody) -> R,
    content_type: R,
) -> R {
    match status {
        StatusCode::UNPROCESSABLE_ENTITY => invalid(input::invalid_body(None)),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => content_type,
        status => body_by_status(status).into(),
    }
}

impl From<rejection::BytesRejection> for common::BodyRejection {
    fn from(rejection: rejection::BytesRejection) -> Self {
        body_by_status(rejection.status())
    }
}

impl From<rejection::StringRejection> for common::BodyRejection {
    fn from(rejection: rejection::StringRejection) -> Self {
        match rejection {
            rejection::StringRejection::InvalidUtf8(_) => common::BodyRejection::Unreadable(
                BadRequest::new("The request body is not valid UTF-8."),
            ),
            other => body_by_status(other.status()),
        }
    }
}

impl From<rejection::JsonRejection> for common::JsonRejection {
    fn from(rejection: rejection::JsonRejection) -> Self {
        use rejection::JsonRejection as Axum;
        match rejection {
            Axum::JsonDataError(error) => {
                common::JsonRejection::Invalid(input::invalid_body(cause::<JsonError>(&error).map(
                    |error| input::Refusal::new(error.path(), &input::json_message(error.inner())),
                )))
            }
            Axum::JsonSyntaxError(error) => {
                let detail = cause::<JsonError>(&error)
                    .map(|error| error.inner())
                    .or_else(|| cause::<serde_json::Error>(&error))
                    .map_or_else(
                        || "The request body is not valid JSON.".to_owned(),
                        input::json_syntax,
                    );
                common::JsonRejection::Malformed(ParseError {
                    detail: Cow::Owned(detail),
                })
            }
            Axum::MissingJsonContentType(_) => common::JsonRejection::ContentType,
            Axum::BytesRejection(rejection) => common::BodyRejection::from(rejection).into(),
            other => by_status(
                other.status(),
                common::JsonRejection::Invalid,
                common::JsonRejection::ContentType,
            ),
        }
    }
}

impl From<rejection::FormRejection> for common::FormRejection {
    fn from(rejection: rejection::FormRejection) -> Self {
        use rejection::FormRejection as Axum;
        match rejection {
            Axum::FailedToDeserializeFormBody(error) => {
                common::FormRejection::Invalid(input::invalid_body(
                    cause::<UrlencodedError>(&error)
                        .map(|error| input::Refusal::new(error.path(), &error.inner().to_string())),
                ))
            }
            Axum::FailedToDeserializeForm(error) => {
                let (parameter, detail) = input::query_parameter(cause::<UrlencodedError>(&error));
                common::FormRejection::InvalidQuery { parameter, detail }
            }
            Axum::InvalidFormContentType(_) => common::FormRejection::ContentType,
            Axum::BytesRejection(rejection) => common::BodyRejection::from(rejection).into(),
            other => by_status(
                other.status(),
                common::FormRejection::Invalid,
                common::FormRejection::ContentType,
            ),
        }
    }
}

impl From<rejection::QueryRejection> for common::QueryRejection {
    fn from(rejection: rejection::QueryRejection) -> Self {
        let (parameter, detail) = input::query_parameter(cause::<UrlencodedError>(&rejection));
        common::QueryRejection::Invalid { parameter, detail }
    }
}

impl From<rejection::PathRejection> for common::PathRejection {
    /// A parameter the deserializer names by its place alone (a
    /// `Path<u32>`, a tuple) is not named here: the drop-in
    /// `httperror::axum::Path` names it from the route.
    fn from(rejection: rejection::PathRejection) -> Self {
        path_rejection(rejection, &[])
    }
}

/// The drop-in `Path`'s rejection: a parameter the deserializer names by
/// its place alone (a `Path<u32>`, a tuple) is named from the route.
pub(crate) async fn path_rejection_named(
    rejection: rejection::PathRejection,
    parts: &mut http::request::Parts,
) -> common::PathRejection {
    use axum_core::extract::FromRequestParts;
    let params = ::axum::extract::RawPathParams::from_request_parts(parts, &()).await;
    let names: Vec<&str> = match &params {
        Ok(params) => params.iter().map(|(name, _)| name).collect(),
        Err(_) => Vec::new(),
    };
    path_rejection(rejection, &names)
}

fn path_rejection(rejection: rejection::PathRejection, names: &[&str]) -> common::PathRejection {
    use ::axum::extract::path::ErrorKind;
    let rejection::PathRejection::FailedToDeserializePathParams(failed) = rejection else {
        return common::PathRejection::Misconfigured(Box::new(rejection));
    };
    let named = |key: &str| input::is_plain_name(key).then(|| key.to_owned());
    let expected = |type_name: &str| format!("expected {}", input::short_type_name(type_name));
    let (parameter, detail) = match failed.kind() {
        ErrorKind::ParseErrorAtKey {
            key, expected_type, ..
        } => input::parameter("path", named(key), &expected(expected_type)),
        ErrorKind::ParseErrorAtIndex {
            index,
            expected_type,
            ..
        } => input::parameter(
            "path",
            names.get(*index).and_then(|name| named(name)),
            &expected(expected_type),
        ),
        ErrorKind::ParseError { expected_type, .. } => {
            let only = match names {
                [name] => named(name),
                _ => None,
            };
            input::parameter("path", only, &expected(expected_type))
        }
        ErrorKind::InvalidUtf8InPathParam { key } => {
            input::parameter("path", named(key), "not valid UTF-8")
        }
        ErrorKind::DeserializeError { key, message, .. } => {
            input::parameter("path", named(key), &input::reason(message))
        }
        ErrorKind::Message(message) => {
            let only = match names {
                [name] => named(name),
                _ => None,
            };
            input::parameter("path", only, &input::reason(message))
        }
        _ if failed.status().is_client_error() => input::parameter("path", None, "invalid value"),
        _ => return common::PathRejection::Misconfigured(Box::new(failed)),
    };
    common::PathRejection::Invalid { parameter, detail }
}

/// Drop-in extractors (`Json`, `Path`, `Query`, `Form`, `Bytes`, `Text`)
/// whose rejections answer in your own error type: for an application in
/// problem+json, or with an envelope of its own, whose refusals should
/// look like the rest of its errors. Each is axum's extractor, its
/// rejection converted to [`common`]'s (without the request's text) and
/// then into your type with `From`.
///
/// `extractors!(pub Refused => Json, Query)` defines the named ones, with
/// that visibility, in the module it is called in. `Refused` is an
/// [`HttpError`] (so it answers, and documents itself) and converts `From`
/// the [`common`] rejection of each it names: [`common::JsonRejection`]
/// (`Json`), [`common::PathRejection`] (`Path`),
/// [`common::QueryRejection`] (`Query`), [`common::FormRejection`]
/// (`Form`), [`common::BodyRejection`] (`Bytes`, `Text`). Then swap
/// `use axum::Json` for the module's, and document them with
/// [`FrameworkErrors`](crate::FrameworkErrors)`::new().json::<Refused>()`.
/// (Types the macro makes, rather than a type parameter `Json<T, R>`: a
/// parameter needs a field of its own, and `Json(value)` patterns would no
/// longer match.)
///
/// ```
/// use httperror::HttpError;
/// use httperror::common::{JsonRejection, ParseError};
///
/// #[derive(Debug, thiserror::Error, HttpError)]
/// #[http_error(format = "problem")]
/// pub enum Refused {
///     /// The request body was refused.
///     #[error("{0}")]
///     #[status(400 | 413 | 415 | 422, with = HttpError::status)]
///     #[message(with = HttpError::message)]
///     Body(JsonRejection),
/// }
///
/// impl From<JsonRejection> for Refused {
///     fn from(rejection: JsonRejection) -> Self {
///         Refused::Body(rejection)
///     }
/// }
///
/// let malformed = Refused::Body(JsonRejection::Malformed(ParseError::default()));
/// assert_eq!(
///     malformed.to_json(),
///     br#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Malformed request body."}"#,
/// );
///
/// // `Json` here is axum's, refusing in `Refused`.
/// httperror::axum::extractors!(pub Refused => Json);
///
/// // A body that is not JSON answers a problem like `malformed`'s.
/// async fn create(Json(body): Json<serde_json::Value>) -> String {
///     body.to_string()
/// }
/// # let _: axum::Router = axum::Router::new().route("/", axum::routing::post(create));
/// ```
#[macro_export]
#[doc(hidden)]
macro_rules! __axum_extractors {
    ($vis:vis $rejection:ty => $($extractor:ident),+ $(,)?) => {
        $crate::__rejection_is_an_http_error!($rejection);
        $( $crate::__axum_extractor!($vis $extractor, $rejection); )+
    };
}

#[doc(inline)]
pub use crate::__axum_extractors as extractors;

/// One drop-in extractor of [`extractors!`].
#[macro_export]
#[doc(hidden)]
macro_rules! __axum_extractor {
    ($vis:vis Json, $rejection:ty) => {
        $crate::__axum_extractor!(@type $vis Json, [Json], JsonRejection, $rejection, "As a response, the value in JSON.");
        $crate::__axum_extractor!(@body Json, [Json], JsonRejection, $rejection);
        $crate::__axum_extractor!(@respond Json, [Json]);

        /// `Option<Json<T>>`: `None` without a `content-type`, as axum's.
        impl<T, S> $crate::__private::axum::extract::OptionalFromRequest<S> for Json<T>
        where
            T: $crate::__private::serde::de::DeserializeOwned,
            S: ::core::marker::Send + ::core::marker::Sync,
        {
            type Rejection = $rejection;

            async fn from_request(
                request: $crate::__private::axum::extract::Request,
                state: &S,
            ) -> ::core::result::Result<::core::option::Option<Self>, $rejection> {
                match <$crate::__private::axum::Json<T> as $crate::__private::axum::extract::OptionalFromRequest<S>>::from_request(request, state).await {
                    ::core::result::Result::Ok(value) => ::core::result::Result::Ok(value.map(|$crate::__private::axum::Json(value)| Json(value))),
                    ::core::result::Result::Err(rejection) => ::core::result::Result::Err(
                        <$rejection as ::core::convert::From<$crate::common::JsonRejection>>::from(::core::convert::From::from(rejection)),
                    ),
                }
            }
        }
    };
    ($vis:vis Form, $rejection:ty) => {
        $crate::__axum_extractor!(@type $vis Form, [Form], FormRejection, $rejection, "As a response, the value as a form.");
        $crate::__axum_extractor!(@body Form, [Form], FormRejection, $rejection);
        $crate::__axum_extractor!(@respond Form, [Form]);
    };
    ($vis:vis Path, $rejection:ty) => {
        $crate::__axum_extractor!(@type $vis Path, [extract::Path], PathRejection, $rejection, "");

        impl<T, S> $crate::__private::axum::extract::FromRequestParts<S> for Path<T>
        where
            T: $crate::__private::serde::de::DeserializeOwned + ::core::marker::Send,
            S: ::core::marker::Send + ::core::marker::Sync,
        {
            type Rejection = $rejection;

            async fn from_request_parts(
                parts: &mut $crate::__private::axum::http::request::Parts,
                state: &S,
            ) -> ::core::result::Result<Self, $rejection> {
                match <$crate::__private::axum::extract::Path<T> as $crate::__private::axum::extract::FromRequestParts<S>>::from_request_parts(parts, state).await {
                    ::core::result::Result::Ok($crate::__private::axum::extract::Path(value)) => ::core::result::Result::Ok(Path(value)),
                    ::core::result::Result::Err(rejection) => ::core::result::Result::Err(
                        <$rejection as ::core::convert::From<$crate::common::PathRejection>>::from(
                            $crate::__private::path_rejection(rejection, parts).await,
                        ),
                    ),
                }
            }
        }

        /// `Option<Path<T>>`: `None` on a route without parameters, as axum's.
        impl<T, S> $crate::__private::axum::extract::OptionalFromRequestParts<S> for Path<T>
        where
            T: $crate::__private::serde::de::DeserializeOwned + ::core::marker::Send + 'static,
            S: ::core::marker::Send + ::core::marker::Sync,
        {
            type Rejection = $rejection;

            async fn from_request_parts(
                parts: &mut $crate::__private::axum::http::request::Parts,
                state: &S,
            ) -> ::core::result::Result<::core::option::Option<Self>, $rejection> {
                match <$crate::__private::axum::extract::Path<T> as $crate::__private::axum::extract::OptionalFromRequestParts<S>>::from_request_parts(parts, state).await {
                    ::core::result::Result::Ok(value) => ::core::result::Result::Ok(value.map(|$crate::__private::axum::extract::Path(value)| Path(value))),
                    ::core::result::Result::Err(rejection) => ::core::result::Result::Err(
                        <$rejection as ::core::convert::From<$crate::common::PathRejection>>::from(
                            $crate::__private::path_rejection(rejection, parts).await,
                        ),
                    ),
                }
            }
        }
    };
    ($vis:vis Query, $rejection:ty) => {
        $crate::__axum_extractor!(@type $vis Query, [extract::Query], QueryRejection, $rejection, "");

        impl<T, S> $crate::__private::axum::extract::FromRequestParts<S> for Query<T>
        where
            T: $crate::__private::serde::de::DeserializeOwned,
            S: ::core::marker::Send + ::core::marker::Sync,
        {
            type Rejection = $rejection;

            async fn from_request_parts(
                parts: &mut $crate::__private::axum::http::request::Parts,
                state: &S,
            ) -> ::core::result::Result<Self, $rejection> {
                match <$crate::__private::axum::extract::Query<T> as $crate::__private::axum::extract::FromRequestParts<S>>::from_request_parts(parts, state).await {
                    ::core::result::Result::Ok($crate::__private::axum::extract::Query(value)) => ::core::result::Result::Ok(Query(value)),
                    ::core::result::Result::Err(rejection) => ::core::result::Result::Err(
                        <$rejection as ::core::convert::From<$crate::common::QueryRejection>>::from(::core::convert::From::from(rejection)),
                    ),
                }
            }
        }
    };
    // A generic drop-in: the type, its docs, `Deref`, `DerefMut`, `From<T>`
    // and its `aide::OperationInput` (axum's own).
    (@type $vis:vis $name:ident, [$($theirs:ident)::+], $common:ident, $rejection:ty, $more:literal) => {
        #[doc = ::core::concat!(
            "`axum::", ::core::stringify!($($theirs)::+), "`, whose rejection answers `", ::core::stringify!($rejection),
            "` (from `httperror::common::", ::core::stringify!($common), "`). ", $more,
        )]
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::marker::Copy, ::core::default::Default)]
        #[must_use]
        $vis struct $name<T>(pub T);

        $crate::__extractor_wrapper!($name);

        $crate::__private::aide_input!([T] $name<T>, $crate::__private::axum::$($theirs)::+<T>);
    };
    // `FromRequest`: axum's extractor, its rejection converted.
    (@body $name:ident, [$($theirs:ident)::+], $common:ident, $rejection:ty) => {
        impl<T, S> $crate::__private::axum::extract::FromRequest<S> for $name<T>
        where
            T: $crate::__private::serde::de::DeserializeOwned,
            S: ::core::marker::Send + ::core::marker::Sync,
        {
            type Rejection = $rejection;

            async fn from_request(
                request: $crate::__private::axum::extract::Request,
                state: &S,
            ) -> ::core::result::Result<Self, $rejection> {
                match <$crate::__private::axum::$($theirs)::+<T> as $crate::__private::axum::extract::FromRequest<S>>::from_request(request, state).await {
                    ::core::result::Result::Ok($crate::__private::axum::$($theirs)::+(value)) => ::core::result::Result::Ok($name(value)),
                    ::core::result::Result::Err(rejection) => ::core::result::Result::Err(
                        <$rejection as ::core::convert::From<$crate::common::$common>>::from(::core::convert::From::from(rejection)),
                    ),
                }
            }
        }
    };
    // As a response, axum's.
    (@respond $name:ident, [$($theirs:ident)::+]) => {
        impl<T: $crate::__private::serde::Serialize> $crate::__private::axum::response::IntoResponse for $name<T> {
            fn into_response(self) -> $crate::__private::axum::response::Response {
                $crate::__private::axum::response::IntoResponse::into_response($crate::__private::axum::$($theirs)::+(self.0))
            }
        }
    };
    ($vis:vis Bytes, $rejection:ty) => {
        #[doc = ::core::concat!(
            "The request body as bytes (axum's `Bytes` extractor), whose rejection answers `",
            ::core::stringify!($rejection), "` (from `httperror::common::BodyRejection`).",
        )]
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::default::Default, ::core::cmp::PartialEq, ::core::cmp::Eq)]
        $vis struct Bytes(pub $crate::__private::Bytes);

        impl<S> $crate::__private::axum::extract::FromRequest<S> for Bytes
        where
            S: ::core::marker::Send + ::core::marker::Sync,
        {
            type Rejection = $rejection;

            async fn from_request(
                request: $crate::__private::axum::extract::Request,
                state: &S,
            ) -> ::core::result::Result<Self, $rejection> {
                match <$crate::__private::Bytes as $crate::__private::axum::extract::FromRequest<S>>::from_request(request, state).await {
                    ::core::result::Result::Ok(bytes) => ::core::result::Result::Ok(Bytes(bytes)),
                    ::core::result::Result::Err(rejection) => ::core::result::Result::Err(
                        <$rejection as ::core::convert::From<$crate::common::BodyRejection>>::from(::core::convert::From::from(rejection)),
                    ),
                }
            }
        }

        impl $crate::__private::axum::response::IntoResponse for Bytes {
            fn into_response(self) -> $crate::__private::axum::response::Response {
                $crate::__private::axum::response::IntoResponse::into_response(self.0)
            }
        }

        impl ::core::ops::Deref for Bytes {
            type Target = $crate::__private::Bytes;

            fn deref(&self) -> &$crate::__private::Bytes {
                &self.0
            }
        }

        impl ::core::convert::AsRef<[u8]> for Bytes {
            fn as_ref(&self) -> &[u8] {
                &self.0
            }
        }

        impl ::core::convert::From<Bytes> for $crate::__private::Bytes {
            fn from(bytes: Bytes) -> Self {
                bytes.0
            }
        }

        $crate::__private::aide_input!([] Bytes, ::std::vec::Vec<u8>);
    };
    ($vis:vis Text, $rejection:ty) => {
        #[doc = ::core::concat!(
            "The request body as UTF-8 text (axum's `String` extractor), whose rejection answers `",
            ::core::stringify!($rejection), "` (from `httperror::common::BodyRejection`).",
        )]
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::default::Default, ::core::cmp::PartialEq, ::core::cmp::Eq)]
        $vis struct Text(pub ::std::string::String);

        impl<S> $crate::__private::axum::extract::FromRequest<S> for Text
        where
            S: ::core::marker::Send + ::core::marker::Sync,
        {
            type Rejection = $rejection;

            async fn from_request(
                request: $crate::__private::axum::extract::Request,
                state: &S,
            ) -> ::core::result::Result<Self, $rejection> {
                match <::std::string::String as $crate::__private::axum::extract::FromRequest<S>>::from_request(request, state).await {
                    ::core::result::Result::Ok(text) => ::core::result::Result::Ok(Text(text)),
                    ::core::result::Result::Err(rejection) => ::core::result::Result::Err(
                        <$rejection as ::core::convert::From<$crate::common::BodyRejection>>::from(::core::convert::From::from(rejection)),
                    ),
                }
            }
        }

        impl $crate::__private::axum::response::IntoResponse for Text {
            fn into_response(self) -> $crate::__private::axum::response::Response {
                $crate::__private::axum::response::IntoResponse::into_response(self.0)
            }
        }

        impl ::core::ops::Deref for Text {
            type Target = ::std::string::String;

            fn deref(&self) -> &::std::string::String {
                &self.0
            }
        }

        impl ::core::convert::AsRef<str> for Text {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl ::core::convert::From<Text> for ::std::string::String {
            fn from(text: Text) -> Self {
                text.0
            }
        }

        $crate::__private::aide_input!([] Text, ::std::string::String);
    };
    ($vis:vis $other:ident, $rejection:ty) => {
        ::core::compile_error!(::core::concat!(
            "httperror::axum::extractors! has no `", ::core::stringify!($other),
            "`; it makes `Json`, `Path`, `Query`, `Form`, `Bytes` and `Text`",
        ));
    };
}

/// Drop-in extractors whose rejections answer in the crate's default JSON
/// shape, the [`common`] rejections.
mod extract {
    use crate::common::{
        BodyRejection, FormRejection, JsonRejection, PathRejection, QueryRejection,
    };

    crate::__axum_extractor!(pub Json, JsonRejection);
    crate::__axum_extractor!(pub Form, FormRejection);
    crate::__axum_extractor!(pub Path, PathRejection);
    crate::__axum_extractor!(pub Query, QueryRejection);
    crate::__axum_extractor!(pub Bytes, BodyRejection);
    crate::__axum_extractor!(pub Text, BodyRejection);
}

pub use extract::{Bytes, Form, Json, Path, Query, Text};

#[cfg(feature = "request-id")]
#[doc(no_inline)]
pub use crate::RequestIdLayer;

#[cfg(feature = "request-id")]
impl<S> tower_layer::Layer<S> for RequestIdLayer {
    type Service = RequestIdService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        RequestIdService {
            inner,
            config: std::sync::Arc::clone(&self.config),
        }
    }
}

/// The service of [`RequestIdLayer`].
#[cfg(feature = "request-id")]
#[derive(Clone, Debug)]
pub struct RequestIdService<S> {
    inner: S,
    config: std::sync::Arc<crate::RequestIdConfig>,
}

#[cfg(feature = "request-id")]
impl<S, B, R> tower_service::Service<http::Request<B>> for RequestIdService<S>
where
    S: tower_service::Service<http::Request<B>, Response = http::Response<R>>,
{
    type Response = http::Response<R>;
    type Error = S::Error;
    type Future = RequestIdFuture<S::Future>;

    fn poll_ready(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: http::Request<B>) -> Self::Future {
        let config = &self.config;
        // Known here when the layer is added with `Router::layer`, which
        // runs after routing.
        let route = request
            .extensions()
            .get::<::axum::extract::MatchedPath>()
            .map(|path| Box::from(path.as_str()));
        let context = crate::context::begin(
            config,
            request.headers().get(&config.header),
            crate::context::accept_of(
                request
                    .headers()
                    .get_all(http::header::ACCEPT)
                    .iter()
                    .cloned(),
            ),
            request.method().as_str(),
            route,
        );
        let header = context.id.header_value();
        if let Some(value) = &header {
            request
                .headers_mut()
                .insert(config.header.clone(), value.clone());
        }
        request.extensions_mut().insert(context.id.clone());
        let future = crate::context::scope(&context, || self.inner.call(request));
        RequestIdFuture {
            scoped: crate::context::Scoped {
                context,
                future: Box::pin(future),
            },
            header: header.map(|value| (self.config.header.clone(), value)),
        }
    }
}

/// The response future of [`RequestIdService`].
#[cfg(feature = "request-id")]
pub struct RequestIdFuture<F> {
    scoped: crate::context::Scoped<F>,
    header: Option<(http::HeaderName, http::HeaderValue)>,
}

#[cfg(feature = "request-id")]
impl<F, R, E> std::future::Future for RequestIdFuture<F>
where
    F: std::future::Future<Output = Result<http::Response<R>, E>>,
{
    type Output = F::Output;

    fn poll(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Self::Output> {
        // Nothing here is pinned structurally: the inner future is boxed.
        let this = std::pin::Pin::into_inner(self);
        let mut result = std::task::ready!(std::pin::Pin::new(&mut this.scoped).poll(cx));
        if let (Ok(response), Some((name, value))) = (&mut result, this.header.take()) {
            response.headers_mut().insert(name, value);
        }
        std::task::Poll::Ready(result)
    }
}
