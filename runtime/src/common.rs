//! The errors most APIs answer with, ready to return from a handler. Each
//! is derived with this crate's own `#[derive(HttpError)]`, so it follows
//! the same rules and can be wrapped in your own error enum.
//!
//! | type | status | extra |
//! | --- | --- | --- |
//! | [`BadRequest`] | 400 | the message you give |
//! | [`ParseError`] | 400 | malformed request body |
//! | [`Unauthenticated`] | 401 | `www-authenticate` challenge |
//! | [`AuthenticationFailed`] | 401 | `www-authenticate` challenge |
//! | [`PermissionDenied`] | 403 | |
//! | [`NotFound`] | 404 | |
//! | [`MethodNotAllowed`] | 405 | `allow` header |
//! | [`NotAcceptable`] | 406 | |
//! | [`Conflict`] | 409 | the message you give |
//! | [`Gone`] | 410 | |
//! | [`PayloadTooLarge`] | 413 | the limit, where known, as `limit` |
//! | [`UnsupportedMediaType`] | 415 | |
//! | [`UnprocessableContent`] | 422 | the message you give |
//! | [`Throttled`] | 429 | `retry-after` header and `retry_after` payload |
//! | [`InternalServerError`] | 500 | nothing of the cause |
//! | [`ServiceUnavailable`] | 503 | `retry-after` header and payload, where known |
//!
//! The framework's refusals of a request, in the same shape: the
//! rejections of `httperror::axum`'s extractors, each `From` axum's own
//! (none repeats the request):
//!
//! | type | status | answers |
//! | --- | --- | --- |
//! | [`JsonRejection`] | 400, 413, 415, 422 | a JSON body: [`ParseError`] (not JSON), [`InvalidBody`] (another shape), `unsupported_media_type`, [`PayloadTooLarge`], [`BadRequest`] (unreadable) |
//! | [`FormRejection`] | 400, 413, 415, 422 | a form: [`InvalidBody`], `invalid_parameter` (a `GET` form), `unsupported_media_type`, [`PayloadTooLarge`], [`BadRequest`] |
//! | [`BodyRejection`] | 400, 413 | a body as bytes or text: [`PayloadTooLarge`], [`BadRequest`] (unreadable, not UTF-8) |
//! | [`QueryRejection`] | 400 | `invalid_parameter`, with `in` and `parameter` |
//! | [`PathRejection`] | 400, 500 | `invalid_parameter`, with `in` and `parameter`; a route that does not match its handler (logged, never shown) |
//! | [`InvalidBody`] | 422 | the failing field's path as `field` |
//!
//! A validation report, from `validator` or `garde` (features of the same
//! names):
//!
//! | type | status | extra |
//! | --- | --- | --- |
//! | [`ValidationFailed`] | 422 | `errors`: one [`FieldError`] (`field`, `code`, `message`) per failing field and rule |
//!
//! ```
//! use httperror::HttpError;
//! use httperror::common::{MethodNotAllowed, Throttled};
//! use http::Method;
//!
//! let response = Throttled::new(30).to_response();
//! assert_eq!(response.status().as_u16(), 429);
//! assert_eq!(response.headers()["retry-after"], "30");
//! assert_eq!(
//!     response.body().as_ref(),
//!     br#"{"message":"Request was throttled; retry in 30 seconds.","code":"throttled","retry_after":30}"#,
//! );
//!
//! let response = MethodNotAllowed::new(Method::DELETE, [Method::GET, Method::HEAD]).to_response();
//! assert_eq!(response.headers()["allow"], "GET, HEAD");
//! ```

use std::borrow::Cow;
use std::fmt;

use http::Method;

use crate::HttpError;

/// `Display` is the public message, and `Error` has no source: these
/// errors carry nothing internal.
macro_rules! display_is_message {
    ($($ty:ty),* $(,)?) => {$(
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(&HttpError::message(self))
            }
        }

        impl std::error::Error for $ty {}
    )*};
}

display_is_message!(
    BadRequest,
    ParseError,
    Unauthenticated,
    AuthenticationFailed,
    PermissionDenied,
    NotFound,
    MethodNotAllowed,
    NotAcceptable,
    UnsupportedMediaType,
    Throttled,
    Conflict,
    Gone,
    PayloadTooLarge,
    UnprocessableContent,
    InternalServerError,
    ServiceUnavailable,
    InvalidBody,
    JsonRejection,
    FormRejection,
    BodyRejection,
    QueryRejection,
    ValidationFailed,
);

/// The request is invalid; the message says what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, HttpError)]
#[status(400)]
#[message("{detail}", example = "The request body could not be read.")]
#[http_error(code_key = "code", negotiate)]
pub struct BadRequest {
    /// The public message.
    pub detail: Cow<'static, str>,
}

impl BadRequest {
    /// A 400 with this message.
    pub fn new(detail: impl Into<Cow<'static, str>>) -> Self {
        BadRequest {
            detail: detail.into(),
        }
    }
}

/// The request body could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, HttpError)]
#[status(400)]
#[message(
    "{detail}",
    example = "The request body is not valid JSON: trailing comma at line 1 column 24."
)]
#[http_error(code_key = "code", negotiate)]
pub struct ParseError {
    /// The public message.
    pub detail: Cow<'static, str>,
}

impl Default for ParseError {
    fn default() -> Self {
        ParseError {
            detail: Cow::Borrowed("Malformed request body."),
        }
    }
}

/// No credentials were sent; `www-authenticate` names the scheme to use.
#[derive(Debug, Clone, PartialEq, Eq, HttpError)]
#[status(401)]
#[message("Authentication credentials were not provided.")]
#[http_error(code_key = "code", negotiate)]
pub struct Unauthenticated {
    /// The `www-authenticate` challenge RFC 9110 requires, such as
    /// `Bearer`.
    #[header("www-authenticate")]
    pub challenge: Cow<'static, str>,
}

impl Unauthenticated {
    /// A 401 with this `www-authenticate` challenge.
    pub fn new(challenge: impl Into<Cow<'static, str>>) -> Self {
        Unauthenticated {
            challenge: challenge.into(),
        }
    }

    /// A 401 that asks for a bearer token.
    pub fn bearer() -> Self {
        Unauthenticated::new("Bearer")
    }
}

/// The credentials sent were not accepted; `www-authenticate` says how to
/// authenticate.
#[derive(Debug, Clone, PartialEq, Eq, HttpError)]
#[status(401)]
#[message("Incorrect authentication credentials.")]
#[http_error(code_key = "code", negotiate)]
pub struct AuthenticationFailed {
    /// The `www-authenticate` challenge, such as
    /// `Bearer error="invalid_token"`.
    #[header("www-authenticate")]
    pub challenge: Cow<'static, str>,
}

impl AuthenticationFailed {
    /// A 401 with this `www-authenticate` challenge.
    pub fn new(challenge: impl Into<Cow<'static, str>>) -> Self {
        AuthenticationFailed {
            challenge: challenge.into(),
        }
    }

    /// A 401 for a bearer token that was rejected (RFC 6750 §3.1).
    pub fn invalid_bearer_token() -> Self {
        AuthenticationFailed::new("Bearer error=\"invalid_token\"")
    }
}

/// The credentials are valid but do not allow this action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, HttpError)]
#[status(403)]
#[message("You do not have permission to perform this action.")]
#[http_error(code_key = "code", negotiate)]
pub struct PermissionDenied;

/// Nothing exists at this address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, HttpError)]
#[status(404)]
#[message("Not found.")]
#[http_error(code_key = "code", negotiate)]
pub struct NotFound;

/// The resource does not support this method; `allow` lists the methods
/// it does.
#[derive(Debug, Clone, PartialEq, Eq, HttpError)]
#[status(405)]
#[message("Method \"{method}\" not allowed.")]
#[http_error(code_key = "code", negotiate)]
pub struct MethodNotAllowed {
    /// The method that was used.
    pub method: Method,
    /// The methods the resource supports.
    #[header("allow")]
    pub allow: Allow,
}

impl MethodNotAllowed {
    /// A 405 for `method`, listing the methods that are allowed.
    pub fn new(method: Method, allow: impl IntoIterator<Item = Method>) -> Self {
        MethodNotAllowed {
            method,
            allow: Allow(allow.into_iter().collect()),
        }
    }
}

/// The methods of an `allow` header; displays as `GET, HEAD`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Allow(pub Vec<Method>);

impl fmt::Display for Allow {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for (i, method) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(method.as_str())?;
        }
        Ok(())
    }
}

/// No media type that the request's `Accept` header allows can be
/// produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, HttpError)]
#[status(406)]
#[message("Could not satisfy the request Accept header.")]
#[http_error(code_key = "code", negotiate)]
pub struct NotAcceptable;

/// The request body's `content-type` is not one this operation accepts.
#[derive(Debug, Clone, PartialEq, Eq, HttpError)]
#[status(415)]
#[message("Unsupported media type \"{media_type}\" in request.")]
#[http_error(code_key = "code", negotiate)]
pub struct UnsupportedMediaType {
    /// The request's `content-type`.
    pub media_type: Cow<'static, str>,
}

impl UnsupportedMediaType {
    /// A 415 for this media type.
    pub fn new(media_type: impl Into<Cow<'static, str>>) -> Self {
        UnsupportedMediaType {
            media_type: media_type.into(),
        }
    }
}

/// Too many requests in a short time; retry after `retry-after` seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, HttpError)]
#[status(429)]
#[message("Request was throttled; retry in {retry_after} seconds.")]
#[http_error(code_key = "code", negotiate)]
pub struct Throttled {
    /// Seconds until a request may succeed.
    #[payload]
    #[header("retry-after")]
    pub retry_after: u64,
}

impl Throttled {
    /// A 429 that asks to retry after this many seconds.
    pub fn new(retry_after: u64) -> Self {
        Throttled { retry_after }
    }
}

/// The request conflicts with the resource's current state (a name
/// already taken, a version that changed); the message says which.
#[derive(Debug, Clone, PartialEq, Eq, HttpError)]
#[status(409)]
#[message("{detail}", example = "A file with this id exists already.")]
#[http_error(code_key = "code", negotiate)]
pub struct Conflict {
    /// The public message.
    pub detail: Cow<'static, str>,
}

impl Conflict {
    /// A 409 with this message.
    pub fn new(detail: impl Into<Cow<'static, str>>) -> Self {
        Conflict {
            detail: detail.into(),
        }
    }
}

/// The resource existed and was removed for good; asking again will not
/// bring it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, HttpError)]
#[status(410)]
#[message("The resource is gone and will not come back.")]
#[http_error(code_key = "code", negotiate)]
pub struct Gone;

/// The request body is larger than the server accepts; `limit`, where
/// known, is the largest it does, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, HttpError)]
#[status(413)]
#[message("Request body is too large.")]
#[http_error(code_key = "code", negotiate)]
pub struct PayloadTooLarge {
    /// The largest body accepted, in bytes.
    #[payload(example = 2097152)]
    pub limit: Option<u64>,
}

impl PayloadTooLarge {
    /// A 413 that names the largest body accepted.
    pub fn with_limit(limit: u64) -> Self {
        PayloadTooLarge { limit: Some(limit) }
    }
}

/// The request is well-formed but its content cannot be processed (a
/// value out of range, a rule of the API broken); the message says why.
#[derive(Debug, Clone, PartialEq, Eq, HttpError)]
#[status(422)]
#[message("{detail}", example = "The end date is before the start date.")]
#[http_error(code_key = "code", negotiate)]
pub struct UnprocessableContent {
    /// The public message.
    pub detail: Cow<'static, str>,
}

impl UnprocessableContent {
    /// A 422 with this message.
    pub fn new(detail: impl Into<Cow<'static, str>>) -> Self {
        UnprocessableContent {
            detail: detail.into(),
        }
    }
}

/// The server failed; the response says nothing of why (the cause belongs
/// in the server's log).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, HttpError)]
#[status(500)]
#[http_error(code_key = "code", negotiate)]
pub struct InternalServerError;

/// The server cannot answer now (overloaded, in maintenance); retry after
/// `retry-after` seconds where it is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, HttpError)]
#[status(503)]
#[http_error(code_key = "code", negotiate)]
pub struct ServiceUnavailable {
    /// Seconds until a request may succeed.
    #[payload]
    #[header("retry-after")]
    pub retry_after: Option<u64>,
}

impl ServiceUnavailable {
    /// A 503 that asks to retry after this many seconds.
    pub fn retry_after(seconds: u64) -> Self {
        ServiceUnavailable {
            retry_after: Some(seconds),
        }
    }
}

/// The request body is well-formed but not what the operation takes: a
/// field of the wrong type, out of range, missing or unknown. `field` is
/// the path of the failing field (`items[2].size`), absent when the body
/// as a whole is wrong.
///
/// The message names the field and what was expected, never the value
/// sent: a rejection does not repeat the request.
#[derive(Debug, Clone, PartialEq, Eq, HttpError)]
#[status(422)]
#[message(
    "{detail}",
    example = "Invalid request body at `items[2].size`: expected u32, found a string."
)]
#[http_error(code_key = "code", negotiate)]
pub struct InvalidBody {
    /// The path of the failing field: names joined by `.`, list indexes
    /// in brackets.
    #[payload(example = "items[2].size")]
    pub field: Option<String>,
    /// The public message.
    pub detail: Cow<'static, str>,
}

/// Why a JSON request body was refused: the rejection of
/// `httperror::axum::Json`, and the `From` conversion of axum's
/// `JsonRejection`.
#[derive(Debug, Clone, PartialEq, Eq, HttpError)]
#[http_error(code_key = "code", negotiate)]
#[non_exhaustive]
pub enum JsonRejection {
    /// The body is not valid JSON; the message says where it breaks.
    #[http_error(transparent)]
    Malformed(ParseError),
    /// The body is JSON of another shape than the operation takes.
    #[http_error(transparent)]
    Invalid(InvalidBody),
    /// The request is not `content-type: application/json`.
    #[status(415)]
    #[message("Expected a request with `content-type: application/json`.")]
    #[member("expected", "application/json")]
    #[http_error(code = "unsupported_media_type")]
    ContentType,
    /// The body is larger than the server accepts.
    #[http_error(transparent)]
    TooLarge(PayloadTooLarge),
    /// The body could not be read.
    #[http_error(transparent)]
    Unreadable(BadRequest),
}

/// A body refused before it was read as JSON.
impl From<BodyRejection> for JsonRejection {
    fn from(rejection: BodyRejection) -> Self {
        match rejection {
            BodyRejection::TooLarge(too_large) => JsonRejection::TooLarge(too_large),
            BodyRejection::Unreadable(unreadable) => JsonRejection::Unreadable(unreadable),
        }
    }
}

/// A body refused before it was read as a form.
impl From<BodyRejection> for FormRejection {
    fn from(rejection: BodyRejection) -> Self {
        match rejection {
            BodyRejection::TooLarge(too_large) => FormRejection::TooLarge(too_large),
            BodyRejection::Unreadable(unreadable) => FormRejection::Unreadable(unreadable),
        }
    }
}

/// Why a form (`application/x-www-form-urlencoded`) was refused: the
/// rejection of `httperror::axum::Form`, and the `From` conversion of
/// axum's `FormRejection`.
#[derive(Debug, Clone, PartialEq, Eq, HttpError)]
#[http_error(code_key = "code", negotiate)]
#[non_exhaustive]
pub enum FormRejection {
    /// The form body is not of the shape the operation takes.
    #[http_error(transparent)]
    Invalid(InvalidBody),
    /// A form sent in the query string (`GET`, `HEAD`) is not of the shape
    /// the operation takes.
    #[status(400)]
    #[message(
        "{detail}",
        example = "Invalid query parameter `page`: invalid digit found in string."
    )]
    #[member("in", "query")]
    #[http_error(code = "invalid_parameter")]
    InvalidQuery {
        /// The parameter, where it is known.
        #[payload(example = "page")]
        parameter: Option<String>,
        /// The public message.
        detail: Cow<'static, str>,
    },
    /// The request is not `content-type: application/x-www-form-urlencoded`.
    #[status(415)]
    #[message("Expected a request with `content-type: application/x-www-form-urlencoded`.")]
    #[member("expected", "application/x-www-form-urlencoded")]
    #[http_error(code = "unsupported_media_type")]
    ContentType,
    /// The body is larger than the server accepts.
    #[http_error(transparent)]
    TooLarge(PayloadTooLarge),
    /// The body could not be read.
    #[http_error(transparent)]
    Unreadable(BadRequest),
}

/// Why a body taken as bytes or text was refused: the rejection of
/// `httperror::axum::{Bytes, Text}`, and the `From` conversion of axum's
/// `BytesRejection` and `StringRejection`.
#[derive(Debug, Clone, PartialEq, Eq, HttpError)]
#[non_exhaustive]
pub enum BodyRejection {
    /// The body is larger than the server accepts.
    #[http_error(transparent)]
    TooLarge(PayloadTooLarge),
    /// The body could not be read, or is not the UTF-8 text the operation
    /// takes.
    #[http_error(transparent)]
    Unreadable(BadRequest),
}

/// Why the query string was refused: the rejection of
/// `httperror::axum::Query`, and the `From` conversion of axum's
/// `QueryRejection`.
#[derive(Debug, Clone, PartialEq, Eq, HttpError)]
#[http_error(code_key = "code", negotiate)]
#[non_exhaustive]
pub enum QueryRejection {
    /// A query parameter is missing, or not of the type the operation
    /// takes; `parameter` names it where it is known. The message names
    /// it and what was expected, never the value sent.
    #[status(400)]
    #[message(
        "{detail}",
        example = "Invalid query parameter `limit`: invalid digit found in string."
    )]
    #[member("in", "query")]
    #[http_error(code = "invalid_parameter")]
    Invalid {
        /// The parameter, where it is known.
        #[payload(example = "limit")]
        parameter: Option<String>,
        /// The public message.
        detail: Cow<'static, str>,
    },
}

/// Why the path's parameters were refused: the rejection of
/// `httperror::axum::Path`, and the `From` conversion of axum's
/// `PathRejection`.
#[derive(Debug, HttpError)]
#[http_error(code_key = "code", negotiate)]
#[non_exhaustive]
pub enum PathRejection {
    /// A path parameter is not of the type the operation takes;
    /// `parameter` names it where it is known. The message names it and
    /// what was expected, never the value sent.
    #[status(400)]
    #[message("{detail}", example = "Invalid path parameter `id`: not valid UTF-8.")]
    #[member("in", "path")]
    #[http_error(code = "invalid_parameter")]
    Invalid {
        /// The parameter, where it is known.
        #[payload(example = "id")]
        parameter: Option<String>,
        /// The public message.
        detail: Cow<'static, str>,
    },
    /// The route and its handler disagree on the path's parameters: a
    /// fault of the server, logged with its cause, never shown.
    #[status(500)]
    #[http_error(code = "internal_server_error")]
    Misconfigured(Box<dyn std::error::Error + Send + Sync>),
}

impl fmt::Display for PathRejection {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            PathRejection::Misconfigured(cause) => {
                write!(
                    f,
                    "the route's path parameters do not match its handler: {cause}"
                )
            }
            _ => f.write_str(&HttpError::message(self)),
        }
    }
}

impl std::error::Error for PathRejection {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PathRejection::Misconfigured(cause) => Some(&**cause),
            _ => None,
        }
    }
}

/// The request is well-formed but breaks the operation's validation rules:
/// `errors` lists every failure, one entry per field and rule, sorted by
/// field then code. `From` a `validator::ValidationErrors` (feature
/// `validator`) or a `garde::Report` (feature `garde`); no entry repeats
/// the value refused.
#[derive(Debug, Clone, PartialEq, Eq, HttpError)]
#[status(422)]
#[message("The request failed validation.")]
#[http_error(code_key = "code", negotiate)]
pub struct ValidationFailed {
    /// Every failure.
    #[payload]
    pub errors: Vec<FieldError>,
}

impl ValidationFailed {
    /// A report of these failures: sorted by field (list indexes in
    /// numeric order: `items[2]` before `items[10]`), then code, then
    /// message; a failure given twice is kept once.
    pub fn new(errors: impl IntoIterator<Item = FieldError>) -> Self {
        let mut errors: Vec<FieldError> = errors.into_iter().collect();
        errors.sort_by(|a, b| {
            path_order(&a.field, &b.field)
                .then_with(|| a.code.cmp(&b.code))
                .then_with(|| a.message.cmp(&b.message))
        });
        errors.dedup();
        ValidationFailed { errors }
    }
}

/// Field paths in order, part by part: names as text, indexes as numbers.
fn path_order(a: &str, b: &str) -> std::cmp::Ordering {
    let parts = |path: &str| {
        path.split(['.', '['])
            .map(|part| {
                let index = part.strip_suffix(']').and_then(|n| n.parse::<u64>().ok());
                (index, part.to_owned())
            })
            .collect::<Vec<_>>()
    };
    parts(a).cmp(&parts(b))
}

/// One failure of a [`ValidationFailed`] report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's path: names joined by `.`, list indexes in brackets
    /// (`address.zip`, `items[2].size`); empty for the request as a whole.
    pub field: String,
    /// The rule broken (`email`, `length`); `invalid` where the validator
    /// names none.
    pub code: Cow<'static, str>,
    /// What is wrong, without the value refused.
    pub message: Cow<'static, str>,
}

impl serde::Serialize for FieldError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut entry = serializer.serialize_struct("FieldError", 3)?;
        entry.serialize_field("field", &self.field)?;
        entry.serialize_field("code", &self.code)?;
        entry.serialize_field("message", &self.message)?;
        entry.end()
    }
}

impl crate::openapi::Documented for FieldError {
    fn documented() -> serde_json::Value {
        serde_json::json!({
            "type": "object",
            "description": "One failure: the field, the rule broken and what is wrong.",
            "properties": {
                "field": {"type": "string", "examples": ["address.zip"]},
                "code": {"type": "string", "examples": ["length"]},
                "message": {"type": "string", "examples": ["the length must be 5"]},
            },
            "required": ["field", "code", "message"],
        })
    }
}
