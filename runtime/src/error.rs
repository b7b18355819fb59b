use std::borrow::Cow;

use bytes::Bytes;
use http::header::{CONTENT_TYPE, HeaderValue, VARY};
use http::{HeaderMap, Response, StatusCode};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use crate::__private::Negotiation;
use crate::html::ErrorPage;
use crate::negotiate::{self, Format};

/// An error that knows its HTTP response: status, public message, machine
/// code, headers and JSON body.
///
/// Derive it with [`#[derive(HttpError)]`](derive@crate::HttpError); the
/// crate documentation lists the attributes.
///
/// # Implementing it by hand
///
/// A hand implementation writes [`STATUS_CODES`](Self::STATUS_CODES),
/// [`status`](Self::status), [`code`](Self::code) and
/// [`message`](Self::message); and, where it has them,
/// [`headers`](Self::headers), [`serialize_payload`](Self::serialize_payload)
/// (the body's members after the message),
/// [`openapi_responses`](Self::openapi_responses) and [`CODES`](Self::CODES)
/// (else a wrapper's `CODES` cannot list them). Everything else follows
/// from those, with the same rules as for derived types: the body is
/// `{"message": .., <payload members>}`, a payload member named `message`
/// or named twice is left out, 1xx, 204, 205 and 304 carry no body, and a
/// payload that fails to serialize becomes a plain 500. `status` never
/// returns a 1xx: an interim response is never an error's answer (the
/// derive refuses one, `Abort` answers a 500 for one). `to_dict`,
/// `to_json` and `to_response` are not for overriding: they follow from
/// the items above, and a transparent wrapper answers through those items.
///
/// ```
/// use std::borrow::Cow;
/// use httperror::{HttpError, StatusCode};
/// use serde::ser::SerializeMap;
///
/// #[derive(Debug, thiserror::Error)]
/// #[error("no seat left on flight {flight}")]
/// struct Overbooked {
///     flight: u32,
/// }
///
/// impl HttpError for Overbooked {
///     const STATUS_CODES: &'static [u16] = &[409];
///
///     fn status(&self) -> StatusCode {
///         StatusCode::CONFLICT
///     }
///
///     fn code(&self) -> &'static str {
///         "overbooked"
///     }
///
///     fn message(&self) -> Cow<'_, str> {
///         Cow::Owned(self.to_string())
///     }
///
///     fn serialize_payload<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
///         map.serialize_entry("flight", &self.flight)
///     }
/// }
///
/// let response = Overbooked { flight: 42 }.to_response();
/// assert_eq!(response.status(), 409);
/// assert_eq!(response.headers()["content-type"], "application/json");
/// assert_eq!(
///     response.body().as_ref(),
///     br#"{"message":"no seat left on flight 42","flight":42}"#,
/// );
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an `HttpError`",
    label = "not an `HttpError`",
    note = "derive it with `#[derive(HttpError)]`, or implement `httperror::HttpError` by hand"
)]
pub trait HttpError: std::error::Error {
    /// Every status this type can answer, sorted and deduplicated, so a
    /// `const` assertion can check an API's error surface:
    ///
    /// ```
    /// # use httperror::HttpError;
    /// # #[derive(Debug, thiserror::Error, HttpError)]
    /// # enum StorageError {
    /// #     #[error("gone")] #[status(404)] NotFound,
    /// #     #[error("full")] #[status(507)] Full,
    /// # }
    /// const _: () = assert!(StorageError::STATUS_CODES.len() == 2);
    /// assert_eq!(StorageError::STATUS_CODES, &[404, 507]);
    /// ```
    const STATUS_CODES: &'static [u16];

    /// The body's media type: `application/json`,
    /// `application/problem+json` with `#[http_error(format = "problem")]`,
    /// or `text/plain; charset=utf-8` with `format = "text"`.
    /// It must be a valid header value: it is made one at compile time.
    #[doc(hidden)]
    const CONTENT_TYPE: &'static str = "application/json";

    /// The body of the plain 500 that replaces a response whose payload
    /// failed to serialize, in this type's shape.
    #[doc(hidden)]
    const INTERNAL_ERROR_BODY: &'static [u8] = crate::__private::INTERNAL_ERROR_BODY;

    /// Every machine code this type answers with, each with its status:
    /// own variants first, then those of the errors its transparent
    /// variants wrap. A code may repeat with another status (two module
    /// errors may share `not_found`); [`assert_one_status_per_code`] fails
    /// a test where that is not wanted.
    ///
    /// ```
    /// # use httperror::HttpError;
    /// #[derive(Debug, thiserror::Error, HttpError)]
    /// enum StorageError {
    ///     #[error("gone")] #[status(404)] NotFound,
    ///     #[error("full")] #[status(507)] Full,
    /// }
    /// assert_eq!(StorageError::CODES, &[("not_found", 404), ("full", 507)]);
    /// ```
    ///
    /// [`assert_one_status_per_code`]: crate::assert_one_status_per_code
    const CODES: &'static [(&'static str, u16)] = &[];

    /// The response status.
    fn status(&self) -> StatusCode;

    /// The machine-readable code: the variant name in snake_case unless
    /// `#[http_error(code = "..")]` names another.
    fn code(&self) -> &'static str;

    /// The public message: `#[message]` if given, else `Display` for a
    /// non-5xx, else the reason phrase, so a 5xx shows no internal detail
    /// unless a message was written for it.
    fn message(&self) -> Cow<'_, str>;

    /// Headers of the response besides `content-type`; none by default.
    fn headers(&self) -> HeaderMap {
        HeaderMap::new()
    }

    /// The body's members after the message (and the code, where the type
    /// sends one), as entries of `map`: the `#[payload]` fields of a derived
    /// type; none by default. A member whose name the body already has is
    /// left out of the body.
    fn serialize_payload<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        let _ = map;
        Ok(())
    }

    /// Appends [`headers`](Self::headers) to `headers`:
    /// [`to_response`](Self::to_response) writes them straight into the
    /// response's own map. The derive writes each header in place.
    #[doc(hidden)]
    fn write_headers(&self, headers: &mut HeaderMap) {
        headers.extend(self.headers());
    }

    /// The body, as serde sees it: `{"message": .., <payload>}` by default.
    /// [`body`](Self::body) wraps this in a `Serialize` value; the derive
    /// writes its own, in the type's format and keys.
    #[doc(hidden)]
    fn serialize_body<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::__private::serialize_default_body(self, serializer)
    }

    /// The members inside the body's envelope, for a type that has one
    /// (`envelope = ".."`): the derive's `serialize_body` writes the
    /// envelope around [`Members`](crate::__private::Members), which calls
    /// this.
    #[doc(hidden)]
    fn serialize_members<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.serialize_body(serializer)
    }

    /// Appends the JSON body to `out`. The derive writes it from static,
    /// pre-escaped fragments and the dynamic values only; the default goes
    /// through [`serialize_body`](Self::serialize_body). On error, `out` may
    /// hold part of a body.
    #[doc(hidden)]
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        serde_json::to_writer(out, &Body(self))
    }

    /// Whether this error negotiates its format with the request's
    /// `Accept` (`#[http_error(negotiate)]`), and which JSON format is its
    /// own.
    #[doc(hidden)]
    #[inline]
    fn negotiation(&self) -> crate::__private::Negotiation {
        crate::__private::Negotiation::No
    }

    /// Appends the body in the other JSON format of a negotiating type:
    /// problem details for a JSON type, its JSON shape for a problem type.
    #[doc(hidden)]
    fn write_other_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        self.write_json(out)
    }

    /// The gRPC code written with `#[http_error(grpc = "..")]`, where the
    /// variant has one (google.rpc.Code's number); else its status's.
    #[doc(hidden)]
    #[inline]
    fn grpc_code(&self) -> Option<i32> {
        None
    }

    /// The level this error is logged at when it becomes a response:
    /// `#[http_error(log = "..")]` on its variant or type, else by status
    /// (5xx at error, 4xx not at all).
    #[doc(hidden)]
    #[inline]
    fn log_policy(&self) -> crate::__private::LogPolicy {
        crate::__private::LogPolicy::ByStatus
    }

    /// The public message where it is known at compile time.
    #[doc(hidden)]
    #[inline]
    fn static_message(&self) -> Option<&'static str> {
        None
    }

    /// The error as a `dyn Error + 'static`, where it is one, for error
    /// reporting that walks the source chain (Sentry).
    #[doc(hidden)]
    #[inline]
    fn reported_error(&self) -> Option<&(dyn std::error::Error + 'static)> {
        None
    }

    /// For a variant whose status is chosen at run time: the status its
    /// code chose outside the declared set, which is answered with a 500
    /// instead. `to_response` logs it (feature `tracing`); `status()`
    /// itself has no side effect.
    #[doc(hidden)]
    #[inline]
    fn undeclared_status(&self) -> Option<StatusCode> {
        None
    }

    /// The body's media type as a header value: `CONTENT_TYPE`, or, for a
    /// transparent variant, the wrapped error's.
    #[doc(hidden)]
    #[inline]
    fn content_type(&self) -> HeaderValue {
        const { HeaderValue::from_static(Self::CONTENT_TYPE) }
    }

    /// `INTERNAL_ERROR_BODY`, or, for a transparent variant, the wrapped
    /// error's.
    #[doc(hidden)]
    #[inline]
    fn internal_error_body(&self) -> &'static [u8] {
        Self::INTERNAL_ERROR_BODY
    }

    /// The JSON body as `Bytes`: `Bytes::from_static` where the derive knows
    /// the body at compile time.
    #[doc(hidden)]
    fn json_body(&self) -> Result<Bytes, serde_json::Error> {
        let mut out = Vec::new();
        self.write_json(&mut out)?;
        Ok(Bytes::from(out))
    }

    /// The body as a JSON object, Flask's `to_dict()`: empty for a status
    /// that carries no content.
    fn to_dict(&self) -> Map<String, Value> {
        if !has_body(self.status()) {
            return Map::new();
        }
        match self.serialize_body(serde_json::value::Serializer) {
            Ok(Value::Object(map)) => map,
            // A text/plain body is no object.
            Ok(Value::String(_)) => Map::new(),
            _ => match serde_json::from_slice(self.internal_error_body()) {
                Ok(Value::Object(map)) => map,
                _ => Map::new(),
            },
        }
    }

    /// The body's bytes: JSON with the same content as
    /// [`to_dict`](Self::to_dict), members in the type's order (the crate
    /// documentation's "Matching an existing API"); for a text/plain
    /// variant, its text, which is not JSON.
    fn to_json(&self) -> Vec<u8> {
        if !has_body(self.status()) {
            return Vec::new();
        }
        let mut out = Vec::new();
        match self.write_json(&mut out) {
            Ok(()) => out,
            Err(_) => self.internal_error_body().to_vec(),
        }
    }

    /// The whole response: status, headers, `content-type` (the type's
    /// media type: `application/json`, `application/problem+json` with
    /// `format = "problem"`, `text/plain; charset=utf-8` for a text
    /// variant) and the body; for 204, 205 and 304, no body and
    /// no content-type. If a payload fails to serialize, the response is a
    /// plain 500 that shows nothing of it. With the `tracing` feature, the
    /// error is logged here, once, at its level (by default a 5xx at error
    /// and a 4xx not at all) with its `source()` chain (and a body that
    /// failed to serialize, with the serializer's error). Under a
    /// request-id layer, the body carries the request's id and the
    /// response the error's [`ErrorInfo`](crate::ErrorInfo); a type that
    /// negotiates answers in the format the request's `Accept` prefers,
    /// with `Vary: Accept`.
    fn to_response(&self) -> Response<Bytes> {
        let status = self.status();
        #[cfg(feature = "tracing")]
        {
            if status.is_server_error()
                && crate::report::enabled()
                && let Some(chosen) = self.undeclared_status()
            {
                crate::report::undeclared_status::<Self>(chosen, self.code());
            }
            crate::report::response(self, status);
        }
        // Under a request-id layer, a negotiating type's format is the
        // request's choice: its body and media type.
        let mut negotiated = match self.negotiation() {
            Negotiation::No => None,
            negotiation if has_body(status) => negotiated_body(self, negotiation, status),
            _ => None,
        };
        let vary = negotiated.is_some();
        let body = if has_body(status) {
            let body = match &mut negotiated {
                None => self.json_body(),
                Some((body, _)) => std::mem::replace(body, Ok(Bytes::new())),
            };
            match body {
                Ok(body) => Some(body),
                Err(_error) => {
                    #[cfg(feature = "tracing")]
                    crate::report::serialization_failed(self, &_error);
                    let mut response =
                        serialization_failed(self.content_type(), self.internal_error_body());
                    if vary {
                        vary_by_accept(response.headers_mut());
                    }
                    return response;
                }
            }
        } else {
            None
        };
        // Built in place: the headers go straight into the response's map.
        let has_body = body.is_some();
        let mut response = Response::new(body.unwrap_or_default());
        *response.status_mut() = status;
        let headers = response.headers_mut();
        self.write_headers(headers);
        if has_body {
            let content_type = match negotiated {
                Some((_, media_type)) => media_type,
                None => self.content_type(),
            };
            headers.insert(CONTENT_TYPE, content_type);
            if vary {
                vary_by_accept(headers);
            }
        }
        // Under a request-id layer, the error's facts for middleware.
        if crate::context::active() {
            response.extensions_mut().insert(crate::context::ErrorInfo {
                status,
                code: self.code(),
                message: match self.static_message() {
                    Some(message) => Cow::Borrowed(message),
                    None => Cow::Owned(self.message().into_owned()),
                },
            });
        }
        response
    }

    /// The OpenAPI 3.1 Responses Object of this type: one entry per status,
    /// with the variants' doc comments as its description, the schema of
    /// every body that status can carry, examples where the body is known at
    /// compile time, and the headers. The derive builds it once per type
    /// (per instantiation for a generic type, on each call); the default
    /// documents nothing.
    ///
    /// ```
    /// # use httperror::HttpError;
    /// #[derive(Debug, thiserror::Error, HttpError)]
    /// enum ApiError {
    ///     /// No such user.
    ///     #[error("user {id} not found")]
    ///     #[status(404)]
    ///     #[message("user not found")]
    ///     NoUser { #[payload(example = 7)] id: u64 },
    /// }
    ///
    /// let responses = ApiError::openapi_responses();
    /// assert_eq!(responses["404"]["description"], "No such user.");
    /// let media = &responses["404"]["content"]["application/json"];
    /// assert_eq!(media["schema"]["required"], serde_json::json!(["message", "id"]));
    /// assert_eq!(media["examples"]["no_user"]["value"]["id"], 7);
    /// ```
    fn openapi_responses() -> Value
    where
        Self: Sized,
    {
        Value::Object(Map::new())
    }

    /// The keys of this type's bodies, for a client reading them back
    /// ([`client::decode_body`](crate::client::decode_body)): its own, then
    /// those of the types it wraps.
    #[doc(hidden)]
    fn body_keys() -> Vec<crate::client::BodyKeys>
    where
        Self: Sized,
    {
        vec![crate::client::BodyKeys::DEFAULT]
    }

    /// Each variant at each status it can answer, with its doc comment and
    /// header names, then those of the errors its transparent variants
    /// wrap: the rows of a [`Catalogue`](crate::catalogue::Catalogue).
    #[doc(hidden)]
    fn variants() -> Vec<crate::__private::VariantDoc>
    where
        Self: Sized,
    {
        Vec::new()
    }

    /// The body as a `Serialize` value, for a framework's JSON responder or
    /// a test.
    fn body(&self) -> Body<'_, Self> {
        Body(self)
    }
}

/// The body of an [`HttpError`] as a `Serialize` value: what
/// [`to_json`](HttpError::to_json) writes, for serializers other than
/// serde_json. Made by [`HttpError::body`].
pub struct Body<'a, E: ?Sized>(&'a E);

impl<E: ?Sized + HttpError> Serialize for Body<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_body(serializer)
    }
}

impl<E: ?Sized> Clone for Body<'_, E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E: ?Sized> Copy for Body<'_, E> {}

/// The body of a negotiating error in the format its request prefers,
/// with that format's media type; `None` outside a request-id layer.
#[inline(never)]
fn negotiated_body<E: ?Sized + HttpError>(
    error: &E,
    negotiation: Negotiation,
    status: StatusCode,
) -> Option<(Result<Bytes, serde_json::Error>, HeaderValue)> {
    let context = crate::context::current()?;
    let format = negotiate::choose(negotiation, context.accept.as_ref());
    let body = match format {
        Format::Own => error.json_body(),
        Format::Other => {
            let mut out = Vec::new();
            error.write_other_json(&mut out).map(|()| Bytes::from(out))
        }
        Format::Html => Ok(html_body(error, status, &context)),
    };
    Some((body, negotiation.media_type(format)))
}

/// `Vary: Accept`, unless the error's own headers say it already (or
/// `*`).
fn vary_by_accept(headers: &mut HeaderMap) {
    let said = headers.get_all(VARY).iter().any(|value| {
        value.as_bytes().split(|&b| b == b',').any(|name| {
            let name = name.trim_ascii();
            name.eq_ignore_ascii_case(b"accept") || name == b"*"
        })
    });
    if !said {
        headers.append(VARY, HeaderValue::from_static("Accept"));
    }
}

/// The HTML page of a negotiating error, made by the request's page
/// function from the error's public facts; the default page where that
/// function panics (a panic handler would answer a page by it again).
fn html_body<E: ?Sized + HttpError>(
    error: &E,
    status: StatusCode,
    context: &crate::context::RequestContext,
) -> Bytes {
    let message = error.message();
    let page = ErrorPage {
        status,
        reason: status.canonical_reason(),
        code: error.code(),
        message: &message,
        request_id: Some(context.id.as_str()),
    };
    let render = context.config.html_page;
    let page = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| render(&page)))
        .unwrap_or_else(|_| crate::html::default_page(&page));
    Bytes::from(page)
}

/// A plain 500 that shows nothing of the error whose body failed to
/// serialize, not even its headers.
fn serialization_failed(content_type: HeaderValue, body: &'static [u8]) -> Response<Bytes> {
    let mut response = Response::new(Bytes::from_static(body));
    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    response.headers_mut().insert(CONTENT_TYPE, content_type);
    response
}

/// The no-content rule, for hand implementations and `Abort` as for
/// derived types: 1xx, 204, 205 and 304 answer with no body.
const fn has_body(status: StatusCode) -> bool {
    crate::rules::has_body(status.as_u16())
}

/// Fails, naming each one, where one machine code answers with more than
/// one status in `E` and the types it wraps: for a test of an API that
/// wants each code to mean one status (some APIs deliberately do
/// otherwise, so the derive allows it).
///
/// ```
/// # use httperror::HttpError;
/// #[derive(Debug, thiserror::Error, HttpError)]
/// enum StorageError {
///     #[error("gone")] #[status(404)] NotFound,
/// }
/// httperror::assert_one_status_per_code::<StorageError>();
/// ```
///
/// # Panics
///
/// Where a code has two statuses, with the list of them.
#[track_caller]
pub fn assert_one_status_per_code<E: HttpError>() {
    let mut clashes = Vec::new();
    for (i, &(code, status)) in E::CODES.iter().enumerate() {
        for &(other_code, other_status) in &E::CODES[..i] {
            if code == other_code && status != other_status {
                clashes.push(format!("`{code}` answers {other_status} and {status}"));
            }
        }
    }
    assert!(
        clashes.is_empty(),
        "{}: one machine code, several statuses: {}",
        std::any::type_name::<E>(),
        clashes.join("; ")
    );
}
