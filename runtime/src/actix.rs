//! actix-web: `ResponseError` for every derived type and [`Abort`], whose
//! `status_code` and `error_response` are [`HttpError::to_response`]'s;
//! drop-in extractors ([`Json`], [`Path`], [`Query`], [`Form`]) and config
//! error handlers ([`json_error`], [`query_error`], [`path_error`],
//! [`form_error`]) whose rejections answer as `httperror::axum`'s do; and
//! [`CatchPanic`], a middleware for panicking handlers. See [the
//! framework's own errors](crate#the-frameworks-own-errors).
//!
//! ```
//! use actix_web::{App, HttpResponse, web};
//! use httperror::HttpError;
//!
//! #[derive(Debug, thiserror::Error, HttpError)]
//! enum StorageError {
//!     #[error("file {id} not found")]
//!     #[status(404)]
//!     NotFound { #[payload] id: String },
//! }
//!
//! async fn get_file(id: web::Path<String>) -> Result<HttpResponse, StorageError> {
//!     Err(StorageError::NotFound { id: id.into_inner() })
//! }
//!
//! let app = App::new().route("/files/{id}", web::get().to(get_file));
//! ```

use actix_web::HttpResponse;
use actix_web::http::StatusCode;

use crate::{Abort, HttpError};

/// The status, in actix-web's `http` 0.2 type.
pub fn status_code<E: HttpError + ?Sized>(error: &E) -> StatusCode {
    // Every status the trait returns is in 100..=999, as actix-web's.
    StatusCode::from_u16(error.status().as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// [`HttpError::to_response`] as an actix-web response: same status,
/// headers and body.
pub fn error_response<E: HttpError + ?Sized>(error: &E) -> HttpResponse {
    use actix_web::http::header::{HeaderName, HeaderValue};
    let (mut parts, body) = error.to_response().into_parts();
    let status =
        StatusCode::from_u16(parts.status.as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    // Made with its body, the headers appended to its own map: actix-web's
    // headers are `http` 0.2's, so each is carried over; the media types
    // the crate answers with are static there too.
    let mut response = HttpResponse::with_body(status, body);
    let headers = response.headers_mut();
    for (name, value) in &parts.headers {
        // The names the crate always writes, without parsing them again.
        let name = if name == http::header::CONTENT_TYPE {
            actix_web::http::header::CONTENT_TYPE
        } else if name == http::header::VARY {
            actix_web::http::header::VARY
        } else {
            match HeaderName::from_bytes(name.as_str().as_bytes()) {
                Ok(name) => name,
                Err(_) => continue,
            }
        };
        // Checked once, at compile time.
        let value = match value.as_bytes() {
            b"application/json" => const { HeaderValue::from_static("application/json") },
            b"application/problem+json" => {
                const { HeaderValue::from_static("application/problem+json") }
            }
            b"text/plain; charset=utf-8" => {
                const { HeaderValue::from_static("text/plain; charset=utf-8") }
            }
            b"text/html; charset=utf-8" => {
                const { HeaderValue::from_static("text/html; charset=utf-8") }
            }
            b"Accept" => const { HeaderValue::from_static("Accept") },
            bytes => match HeaderValue::from_bytes(bytes) {
                Ok(value) => value,
                Err(_) => continue,
            },
        };
        headers.append(name, value);
    }
    if let Some(info) = parts.extensions.remove::<crate::ErrorInfo>() {
        response.extensions_mut().insert(info);
    }
    response.map_into_boxed_body()
}

impl actix_web::ResponseError for Abort {
    fn status_code(&self) -> StatusCode {
        status_code(self)
    }

    fn error_response(&self) -> HttpResponse {
        error_response(self)
    }
}

/// `impl ResponseError` for a derived type; nothing without the
/// `actix-web` feature.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix_web {
    (impl [$($impl_generics:tt)*] for [$($ty:tt)*] where [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::actix_web::ResponseError for $($ty)*
        $($where_clause)*
        {
            fn status_code(&self) -> $crate::__private::actix_web::http::StatusCode {
                $crate::actix::status_code(self)
            }

            fn error_response(&self) -> $crate::__private::actix_web::HttpResponse {
                $crate::actix::error_response(self)
            }
        }
    };
}

// The framework's own refusals, in the crate's shape: the same bodies as
// `httperror::axum`'s for the same fault.

use std::borrow::Cow;
use std::future::Future;
use std::marker::PhantomData;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::task::Poll;

use actix_web::body::MessageBody;
use actix_web::dev::{Payload, Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError, UrlencodedError};
use actix_web::{FromRequest, HttpRequest, ResponseError};
use serde::de::DeserializeOwned;

use crate::common::{self, BadRequest};
use crate::input;

fn unreadable() -> BadRequest {
    BadRequest::new("The request body could not be read.")
}

/// A body actix-web could not read: over the limit (413) or not at all.
fn body_error(error: &actix_web::Error) -> common::BodyRejection {
    if error.as_response_error().status_code() == StatusCode::PAYLOAD_TOO_LARGE {
        common::BodyRejection::TooLarge(common::PayloadTooLarge::default())
    } else {
        common::BodyRejection::Unreadable(unreadable())
    }
}

/// `application/json` or `application/*+json`, parsed as axum's `Json`
/// parses it.
fn is_json(request: &HttpRequest) -> bool {
    use actix_web::HttpMessage;
    matches!(request.mime_type(), Ok(Some(mime))
        if mime.type_() == "application"
            && (mime.subtype() == "json" || mime.suffix().is_some_and(|suffix| suffix == "json")))
}

/// A form's content type, as axum's `Form` checks it: the header starts
/// with `application/x-www-form-urlencoded`.
fn is_form(request: &HttpRequest) -> bool {
    request
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/x-www-form-urlencoded"))
}

/// A JSON body as `T`, refused as `httperror::axum::Json` refuses it.
/// The body is read under actix-web's `PayloadConfig` limit (256 KiB
/// unless the application sets one); `JsonConfig` is actix-web's `Json`'s
/// and does not apply.
pub fn json_body<T: DeserializeOwned>(
    request: &HttpRequest,
    payload: &mut Payload,
) -> impl Future<Output = Result<T, common::JsonRejection>> + 'static {
    let json = is_json(request);
    let bytes = actix_web::web::Bytes::from_request(request, payload);
    async move {
        if !json {
            return Err(common::JsonRejection::ContentType);
        }
        let bytes = bytes.await.map_err(|error| body_error(&error))?;
        input::json_from_slice(&bytes)
    }
}

/// A form as `T` (the query string of a `GET` or `HEAD`, else the body),
/// refused as `httperror::axum::Form` refuses it. The body is read under
/// actix-web's `PayloadConfig` limit; `FormConfig` does not apply.
pub fn form_body<T: DeserializeOwned>(
    request: &HttpRequest,
    payload: &mut Payload,
) -> impl Future<Output = Result<T, common::FormRejection>> + 'static {
    use actix_web::http::Method;
    let in_query = matches!(*request.method(), Method::GET | Method::HEAD);
    let query = in_query.then(|| request.query_string().to_owned());
    let form = is_form(request);
    let bytes = (!in_query).then(|| actix_web::web::Bytes::from_request(request, payload));
    async move {
        if let Some(query) = query {
            return input::query_from_str(&query).map_err(|(parameter, detail)| {
                common::FormRejection::InvalidQuery { parameter, detail }
            });
        }
        if !form {
            return Err(common::FormRejection::ContentType);
        }
        let Some(bytes) = bytes else {
            return Err(common::FormRejection::Unreadable(unreadable()));
        };
        let bytes = bytes.await.map_err(|error| body_error(&error))?;
        input::form_from_slice(&bytes)
    }
}

/// The query string as `T`, refused as `httperror::axum::Query` refuses it.
pub fn query<T: DeserializeOwned>(request: &HttpRequest) -> Result<T, common::QueryRejection> {
    input::query_from_str(request.query_string())
        .map_err(|(parameter, detail)| common::QueryRejection::Invalid { parameter, detail })
}

/// The path's parameters as `T`, refused as `httperror::axum::Path`
/// refuses them: the parameter named (by the field the deserializer was
/// reading, or the route's parameter at that place), what was expected,
/// never the value.
pub fn path<T: DeserializeOwned>(request: &HttpRequest) -> Result<T, common::PathRejection> {
    let deserializer = actix_router::PathDeserializer::new(request.match_info());
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let names: Vec<&str> = request.match_info().iter().map(|(name, _)| name).collect();
        let named = match error.path().iter().next() {
            Some(serde_path_to_error::Segment::Map { key }) => Some(key.as_str()),
            Some(serde_path_to_error::Segment::Seq { index }) => names.get(*index).copied(),
            _ => match names.as_slice() {
                [only] => Some(*only),
                _ => None,
            },
        };
        path_rejection(&error.inner().to_string(), named)
    })
}

/// actix-router's messages that mean the route and its handler disagree:
/// the server's fault.
const ROUTE_FAULTS: &[&str] = &[
    "wrong number of parameters",
    "unsupported type",
    "expected at least one parameters",
    "unexpected item",
    "Unexpected",
    "not supported",
];

/// A path parameter refused: a 400 naming it, with what was expected and
/// never the value; a 500 where the route and its handler disagree.
fn path_rejection(message: &str, named: Option<&str>) -> common::PathRejection {
    if ROUTE_FAULTS.iter().any(|fault| message.starts_with(fault)) {
        return common::PathRejection::Misconfigured(message.to_owned().into());
    }
    let parameter = named
        .filter(|name| input::is_plain_name(name))
        .map(str::to_owned);
    // `can not parse "<value>" to a u32`: the type is actix-router's own
    // word, after the value.
    let parsed = message
        .strip_prefix("can not parse ")
        .and_then(|rest| rest.rsplit_once(" to a "))
        .map(|(_, type_name)| type_name)
        .filter(|type_name| input::is_plain_name(type_name));
    let reason = match parsed {
        Some(type_name) => Cow::Owned(format!("expected {type_name}")),
        None => input::reason(message),
    };
    let (parameter, detail) = input::parameter("path", parameter, &reason);
    common::PathRejection::Invalid { parameter, detail }
}

/// For `web::JsonConfig::default().error_handler(..)`, keeping actix-web's
/// `Json`: its refusals as [`common::JsonRejection`], converted into `R`
/// (`json_error::<httperror::common::JsonRejection>` for the crate's
/// shape). actix-web's error names no field: a body of another shape is
/// answered without `field` (the drop-in [`Json`] names it).
pub fn json_error<R>(error: JsonPayloadError, _: &HttpRequest) -> actix_web::Error
where
    R: From<common::JsonRejection> + ResponseError + 'static,
{
    let rejection = match &error {
        JsonPayloadError::ContentType => common::JsonRejection::ContentType,
        JsonPayloadError::Deserialize(error) => match error.classify() {
            serde_json::error::Category::Data => {
                common::JsonRejection::Invalid(input::invalid_body(Some(input::Refusal {
                    field: None,
                    reason: input::reason(&input::json_message(error)),
                })))
            }
            _ => common::JsonRejection::Malformed(common::ParseError {
                detail: Cow::Owned(input::json_syntax(error)),
            }),
        },
        other if other.status_code() == StatusCode::PAYLOAD_TOO_LARGE => {
            common::JsonRejection::TooLarge(common::PayloadTooLarge::default())
        }
        _ => common::JsonRejection::Unreadable(unreadable()),
    };
    R::from(rejection).into()
}

/// For `web::QueryConfig::default().error_handler(..)`: as
/// [`common::QueryRejection`], converted into `R`. actix-web's error names
/// no parameter (the drop-in [`Query`] names it).
pub fn query_error<R>(error: QueryPayloadError, _: &HttpRequest) -> actix_web::Error
where
    R: From<common::QueryRejection> + ResponseError + 'static,
{
    let QueryPayloadError::Deserialize(error) = &error else {
        let (parameter, detail) = input::parameter("query", None, "invalid value");
        return R::from(common::QueryRejection::Invalid { parameter, detail }).into();
    };
    let (parameter, detail) = input::parameter("query", None, &input::reason(&error.to_string()));
    R::from(common::QueryRejection::Invalid { parameter, detail }).into()
}

/// For `web::PathConfig::default().error_handler(..)`: as
/// [`common::PathRejection`], converted into `R` (a 400 in place of
/// actix-web's 404).
pub fn path_error<R>(error: PathError, request: &HttpRequest) -> actix_web::Error
where
    R: From<common::PathRejection> + ResponseError + 'static,
{
    let PathError::Deserialize(error) = &error else {
        return R::from(common::PathRejection::Misconfigured(
            error.to_string().into(),
        ))
        .into();
    };
    // actix-web's error says not which parameter: the only one, if so.
    let only = match request.match_info().iter().collect::<Vec<_>>().as_slice() {
        [(name, _)] => Some(*name),
        _ => None,
    };
    R::from(path_rejection(&error.to_string(), only)).into()
}

/// For `web::FormConfig::default().error_handler(..)`: as
/// [`common::FormRejection`], converted into `R`. actix-web's error names
/// no field (the drop-in [`Form`] names it).
pub fn form_error<R>(error: UrlencodedError, _: &HttpRequest) -> actix_web::Error
where
    R: From<common::FormRejection> + ResponseError + 'static,
{
    let rejection = match &error {
        UrlencodedError::ContentType => common::FormRejection::ContentType,
        UrlencodedError::Parse(error) => {
            common::FormRejection::Invalid(input::invalid_body(Some(input::Refusal {
                field: None,
                reason: input::reason(&error.to_string()),
            })))
        }
        other if other.status_code() == StatusCode::PAYLOAD_TOO_LARGE => {
            common::FormRejection::TooLarge(common::PayloadTooLarge::default())
        }
        _ => common::FormRejection::Unreadable(unreadable()),
    };
    R::from(rejection).into()
}

/// A middleware that answers a panicking handler with a 500 in the crate's
/// shape ([`common::InternalServerError`], or your own 500 with
/// [`CatchPanic::answering`]), the panic's message logged (feature
/// `tracing`), never shown. actix-web has no such layer of its own: a
/// panic there drops the connection.
///
/// The answer is returned as an error, which actix-web turns into `E`'s
/// response (the panicking request cannot be reused to build one):
/// middleware wrapped outside this one sees an error, not a response, so
/// wrap it outermost (after `Logger`, CORS and header middleware, which
/// otherwise pass the error by). With `panic = "abort"` there is nothing
/// to catch.
///
/// ```
/// use actix_web::{App, web};
///
/// async fn handler() -> &'static str {
///     panic!("the cache is corrupt")
/// }
///
/// let app = App::new()
///     .route("/", web::get().to(handler))
///     .wrap(httperror::actix::CatchPanic::new());
/// # let _ = app;
/// ```
pub struct CatchPanic<E = common::InternalServerError>(PhantomData<fn() -> E>);

impl CatchPanic {
    /// Answers [`common::InternalServerError`].
    pub const fn new() -> Self {
        CatchPanic(PhantomData)
    }
}

impl Default for CatchPanic {
    fn default() -> Self {
        CatchPanic::new()
    }
}

impl<E> CatchPanic<E> {
    /// Answers `E`, made from [`common::InternalServerError`]:
    /// `CatchPanic::<ApiError>::answering()`.
    pub const fn answering() -> Self {
        CatchPanic(PhantomData)
    }
}

impl<S, B, E> Transform<S, ServiceRequest> for CatchPanic<E>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: MessageBody + 'static,
    E: HttpError + ResponseError + From<common::InternalServerError> + 'static,
{
    type Response = ServiceResponse<B>;
    type Error = actix_web::Error;
    type Transform = CatchPanicService<S, E>;
    type InitError = ();
    type Future = std::future::Ready<Result<Self::Transform, ()>>;

    fn new_transform(&self, service: S) -> Self::Future {
        std::future::ready(Ok(CatchPanicService {
            service,
            answers: PhantomData,
        }))
    }
}

/// The service [`CatchPanic`] wraps around the application.
pub struct CatchPanicService<S, E> {
    service: S,
    answers: PhantomData<fn() -> E>,
}

impl<S, B, E> Service<ServiceRequest> for CatchPanicService<S, E>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: MessageBody + 'static,
    E: HttpError + ResponseError + From<common::InternalServerError> + 'static,
{
    type Response = ServiceResponse<B>;
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, actix_web::Error>>>>;

    actix_web::dev::forward_ready!(service);

    fn call(&self, request: ServiceRequest) -> Self::Future {
        // The answer is an error, which actix-web turns into `E`'s
        // response: the request stays the handler's alone (actix-web needs
        // it unshared).
        let answer = |panic: Box<dyn std::any::Any + Send>| {
            #[cfg(feature = "tracing")]
            crate::report::panicked(&*panic);
            drop(panic);
            // Rendered now (the panic was logged: no second event), kept
            // as the error's response.
            let error = E::from(common::InternalServerError);
            #[cfg(feature = "tracing")]
            let response = crate::report::quietly(|| error_response(&error));
            #[cfg(not(feature = "tracing"))]
            let response = error_response(&error);
            Err(actix_web::error::InternalError::from_response(error, response).into())
        };
        // The call itself may panic before it returns a future.
        let future = match std::panic::catch_unwind(AssertUnwindSafe(|| self.service.call(request)))
        {
            Ok(future) => future,
            Err(panic) => return Box::pin(std::future::ready(answer(panic))),
        };
        Box::pin(async move {
            let mut future = std::pin::pin!(future);
            let caught = std::future::poll_fn(|cx| {
                std::panic::catch_unwind(AssertUnwindSafe(|| future.as_mut().poll(cx)))
                    .map_or_else(|panic| Poll::Ready(Err(panic)), |poll| poll.map(Ok))
            });
            match caught.await {
                Ok(result) => result,
                Err(panic) => answer(panic),
            }
        })
    }
}

/// Drop-in extractors (`Json`, `Path`, `Query`, `Form`) whose rejections
/// answer in your own error type, as `httperror::axum::extractors!` makes
/// them for axum: `extractors!(pub Refused => Json, Query)` defines the
/// named ones, with that visibility, in the module it is called in.
/// `Refused` is an [`HttpError`] that converts `From` the [`common`]
/// rejection of each: [`common::JsonRejection`], [`common::PathRejection`],
/// [`common::QueryRejection`], [`common::FormRejection`].
///
/// ```
/// use httperror::HttpError;
/// use httperror::common::JsonRejection;
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
/// httperror::actix::extractors!(pub Refused => Json);
///
/// async fn create(Json(body): Json<serde_json::Value>) -> String {
///     body.to_string()
/// }
/// # let _ = actix_web::App::new().route("/", actix_web::web::post().to(create));
/// ```
#[macro_export]
#[doc(hidden)]
macro_rules! __actix_extractors {
    ($vis:vis $rejection:ty => $($extractor:ident),+ $(,)?) => {
        $crate::__rejection_is_an_http_error!($rejection);
        $( $crate::__actix_extractor!($vis $extractor, $rejection); )+
    };
}

#[doc(inline)]
pub use crate::__actix_extractors as extractors;

/// One drop-in extractor of [`extractors!`].
#[macro_export]
#[doc(hidden)]
macro_rules! __actix_extractor {
    ($vis:vis Json, $rejection:ty) => {
        $crate::__actix_extractor!(@body $vis Json, $rejection, json_body, JsonRejection, "actix_web::web::Json");

        impl<T: $crate::__private::serde::Serialize> $crate::__private::actix_web::Responder for Json<T> {
            type Body = <$crate::__private::actix_web::web::Json<T> as $crate::__private::actix_web::Responder>::Body;

            fn respond_to(
                self,
                request: &$crate::__private::actix_web::HttpRequest,
            ) -> $crate::__private::actix_web::HttpResponse<Self::Body> {
                $crate::__private::actix_web::Responder::respond_to($crate::__private::actix_web::web::Json(self.0), request)
            }
        }
    };
    ($vis:vis Form, $rejection:ty) => {
        $crate::__actix_extractor!(@body $vis Form, $rejection, form_body, FormRejection, "actix_web::web::Form");
    };
    ($vis:vis Query, $rejection:ty) => {
        $crate::__actix_extractor!(@parts $vis Query, $rejection, query, QueryRejection, "actix_web::web::Query");
    };
    ($vis:vis Path, $rejection:ty) => {
        $crate::__actix_extractor!(@parts $vis Path, $rejection, path, PathRejection, "actix_web::web::Path");
    };
    (@body $vis:vis $name:ident, $rejection:ty, $read:ident, $common:ident, $theirs:literal) => {
        #[doc = ::core::concat!(
            "`", $theirs, "`, read as `httperror::axum`'s is, whose rejection answers `",
            ::core::stringify!($rejection), "` (from `httperror::common::", ::core::stringify!($common), "`).",
        )]
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::marker::Copy, ::core::default::Default)]
        $vis struct $name<T>(pub T);

        impl<T> $crate::__private::actix_web::FromRequest for $name<T>
        where
            T: $crate::__private::serde::de::DeserializeOwned + 'static,
        {
            type Error = $rejection;
            type Future = ::std::pin::Pin<::std::boxed::Box<
                dyn ::core::future::Future<Output = ::core::result::Result<Self, $rejection>>,
            >>;

            fn from_request(
                request: &$crate::__private::actix_web::HttpRequest,
                payload: &mut $crate::__private::actix_web::dev::Payload,
            ) -> Self::Future {
                let read = $crate::actix::$read::<T>(request, payload);
                ::std::boxed::Box::pin(async move {
                    match read.await {
                        ::core::result::Result::Ok(value) => ::core::result::Result::Ok($name(value)),
                        ::core::result::Result::Err(rejection) => ::core::result::Result::Err(
                            <$rejection as ::core::convert::From<$crate::common::$common>>::from(rejection),
                        ),
                    }
                })
            }
        }

        $crate::__extractor_wrapper!($name);
    };
    (@parts $vis:vis $name:ident, $rejection:ty, $read:ident, $common:ident, $theirs:literal) => {
        #[doc = ::core::concat!(
            "`", $theirs, "`, read as `httperror::axum`'s is, whose rejection answers `",
            ::core::stringify!($rejection), "` (from `httperror::common::", ::core::stringify!($common), "`).",
        )]
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::marker::Copy, ::core::default::Default)]
        $vis struct $name<T>(pub T);

        impl<T> $crate::__private::actix_web::FromRequest for $name<T>
        where
            T: $crate::__private::serde::de::DeserializeOwned,
        {
            type Error = $rejection;
            type Future = ::core::future::Ready<::core::result::Result<Self, $rejection>>;

            fn from_request(
                request: &$crate::__private::actix_web::HttpRequest,
                _: &mut $crate::__private::actix_web::dev::Payload,
            ) -> Self::Future {
                ::core::future::ready(match $crate::actix::$read::<T>(request) {
                    ::core::result::Result::Ok(value) => ::core::result::Result::Ok($name(value)),
                    ::core::result::Result::Err(rejection) => ::core::result::Result::Err(
                        <$rejection as ::core::convert::From<$crate::common::$common>>::from(rejection),
                    ),
                })
            }
        }

        $crate::__extractor_wrapper!($name);
    };
    ($vis:vis $other:ident, $rejection:ty) => {
        ::core::compile_error!(::core::concat!(
            "httperror::actix::extractors! has no `", ::core::stringify!($other),
            "`; it makes `Json`, `Path`, `Query` and `Form`",
        ));
    };
}

/// Drop-in extractors whose rejections answer in the crate's default JSON
/// shape, the [`common`] rejections: the same bodies as
/// `httperror::axum`'s for the same fault.
mod extract {
    use crate::common::{FormRejection, JsonRejection, PathRejection, QueryRejection};

    crate::__actix_extractor!(pub Json, JsonRejection);
    crate::__actix_extractor!(pub Form, FormRejection);
    crate::__actix_extractor!(pub Path, PathRejection);
    crate::__actix_extractor!(pub Query, QueryRejection);
}

pub use extract::{Form, Json, Path, Query};

#[cfg(feature = "request-id")]
#[doc(no_inline)]
pub use crate::RequestIdLayer;

#[cfg(feature = "request-id")]
impl<S, B> Transform<S, ServiceRequest> for RequestIdLayer
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<B>;
    type Error = actix_web::Error;
    type Transform = RequestIdService<S>;
    type InitError = ();
    type Future = std::future::Ready<Result<Self::Transform, ()>>;

    fn new_transform(&self, service: S) -> Self::Future {
        std::future::ready(Ok(RequestIdService {
            service,
            config: std::sync::Arc::clone(&self.config),
        }))
    }
}

/// The service of [`RequestIdLayer`].
#[cfg(feature = "request-id")]
pub struct RequestIdService<S> {
    service: S,
    config: std::sync::Arc<crate::RequestIdConfig>,
}

#[cfg(feature = "request-id")]
impl<S, B> Service<ServiceRequest> for RequestIdService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<B>;
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, actix_web::Error>>>>;

    actix_web::dev::forward_ready!(service);

    fn call(&self, mut request: ServiceRequest) -> Self::Future {
        use actix_web::HttpMessage;
        use actix_web::http::header::{HeaderName, HeaderValue};
        let config = &self.config;
        let name = HeaderName::from_bytes(config.header.as_str().as_bytes()).ok();
        let sent = name
            .as_ref()
            .and_then(|name| request.headers().get(name))
            .and_then(|value| http::HeaderValue::from_bytes(value.as_bytes()).ok());
        let accept = request
            .headers()
            .get_all(actix_web::http::header::ACCEPT)
            .filter_map(|value| {
                // Negotiation reads no more than its first 4 KiB.
                let bytes = value.as_bytes();
                let read = &bytes[..bytes.len().min(crate::negotiate::MAX_BYTES)];
                http::HeaderValue::from_bytes(read).ok()
            });
        let context = crate::context::begin(
            config,
            sent.as_ref(),
            crate::context::accept_of(accept),
            request.method().as_str(),
            request.match_pattern().map(String::into_boxed_str),
        );
        let header = name.zip(HeaderValue::from_str(context.id.as_str()).ok());
        if let Some((name, value)) = &header {
            request.headers_mut().insert(name.clone(), value.clone());
        }
        request.extensions_mut().insert(context.id.clone());
        let future = crate::context::scope(&context, || self.service.call(request));
        let scoped = crate::context::Scoped {
            context: std::sync::Arc::clone(&context),
            future: Box::pin(future),
        };
        Box::pin(async move {
            match scoped.await {
                Ok(mut response) => {
                    if let Some((name, value)) = header {
                        response.headers_mut().insert(name, value);
                    }
                    Ok(response)
                }
                // Rendered here, while the request is visible: the body
                // carries the id; then kept as the error's response.
                Err(error) => {
                    let mut rendered = crate::context::scope(&context, || {
                        error.as_response_error().error_response()
                    });
                    if let Some((name, value)) = header {
                        rendered.headers_mut().insert(name, value);
                    }
                    Err(actix_web::error::InternalError::from_response(error, rendered).into())
                }
            }
        })
    }
}
