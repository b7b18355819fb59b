//! Typed clients: an error response (status, headers, body bytes) read
//! back into a value. Every type's responses decode into an [`ErrorBody`]:
//! the status and headers, and from a JSON body (the JSON shape with its
//! envelope and keys, or problem details) the message, the machine code
//! and the other members; a text/plain body gives the message alone, an
//! HTML page (for people) and an empty body nothing more than the status.
//! A type with `#[http_error(decode)]` (which needs a code key) rebuilds
//! its own values: the variant named by the code at that status, its
//! payload fields read back from the members (their types `Deserialize`).
//! A variant with a field outside its payload (a `#[source]`, a field the
//! body does not carry, one sent only as a header) is not rebuilt, and
//! decodes to the generic body; so does a body whose members do not fit.
//! A body that cannot be read is an error value, never a panic.
//!
//! ```
//! use httperror::HttpError;
//! use httperror::client::{Decoded, decode};
//!
//! #[derive(Debug, thiserror::Error, HttpError)]
//! #[http_error(code_key = "code", decode)]
//! enum FileError {
//!     #[error("file {id} not found")]
//!     #[status(404)]
//!     NotFound { #[payload] id: String },
//!     #[error("disk")]
//!     #[status(500)]
//!     Backend(#[source] std::io::Error),
//! }
//!
//! // What a client receives, e.g. from reqwest: status, headers, bytes.
//! let response = FileError::NotFound { id: "a.txt".into() }.to_response();
//! let (parts, body) = response.into_parts();
//! let decoded = decode::<FileError>(parts.status, &parts.headers, &body).unwrap();
//! assert!(matches!(decoded, Decoded::Known(FileError::NotFound { id }) if id == "a.txt"));
//!
//! // The io error never reached the client: the generic body.
//! let response = FileError::Backend(std::io::Error::other("disk")).to_response();
//! let (parts, body) = response.into_parts();
//! let Decoded::Other(body) = decode::<FileError>(parts.status, &parts.headers, &body).unwrap() else {
//!     unreachable!()
//! };
//! assert_eq!(body.code.as_deref(), Some("backend"));
//! assert_eq!(body.message.as_deref(), Some("Internal Server Error"));
//! ```

use std::fmt;

use http::header::CONTENT_TYPE;
use http::{HeaderMap, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::HttpError;

/// The keys a type's JSON body uses, for reading it back.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BodyKeys {
    /// The message's key in the JSON shape (`message` for a problem
    /// type, whose negotiated JSON shape has it); `None` with
    /// `skip_message`.
    pub message: Option<&'static str>,
    /// The code's key, where the body has one.
    pub code: Option<&'static str>,
    /// The envelope's key, and whether it holds a one-item list.
    pub envelope: Option<(&'static str, bool)>,
}

impl BodyKeys {
    /// `{"message": .., <payload>}`.
    pub const DEFAULT: BodyKeys = BodyKeys {
        message: Some("message"),
        code: None,
        envelope: None,
    };
}

/// An error response read back: what any type's body says.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ErrorBody {
    /// The status answered.
    pub status: StatusCode,
    /// The public message (`detail` in problem details, the text of a
    /// text/plain body); `None` where the body has none, an HTML page
    /// included.
    pub message: Option<String>,
    /// The machine code, where the body has one.
    pub code: Option<String>,
    /// The other members of a JSON body: the payload, `request_id`, and a
    /// problem's `type`, `title` and `instance`.
    pub members: Map<String, Value>,
    /// The response's headers (`retry-after`, `www-authenticate`, ..).
    pub headers: HeaderMap,
}

impl ErrorBody {
    /// A body with nothing but its status: for tests of a hand-written
    /// [`FromErrorBody`].
    pub fn new(status: StatusCode) -> Self {
        ErrorBody {
            status,
            message: None,
            code: None,
            members: Map::new(),
            headers: HeaderMap::new(),
        }
    }

    /// A member read as `T`: `None` where it is absent or not a `T`.
    pub fn member<T: DeserializeOwned>(&self, key: &str) -> Option<T> {
        T::deserialize(self.members.get(key)?).ok()
    }

    /// Every member read as `T` (a flattened payload): `None` where they
    /// are not one.
    pub fn members_as<T: DeserializeOwned>(&self) -> Option<T> {
        T::deserialize(Value::Object(self.members.clone())).ok()
    }
}

/// A response read back as `E`: its own value where its variant can be
/// rebuilt, else the generic body.
#[derive(Clone, Debug, PartialEq)]
pub enum Decoded<E> {
    /// The variant its code names, its payload restored.
    Known(E),
    /// A body no variant of `E` can be rebuilt from.
    Other(ErrorBody),
}

/// Why a response could not be read back.
#[derive(Debug)]
#[non_exhaustive]
pub enum DecodeError {
    /// A status the type never answers (a success, or a redirect it does
    /// not send).
    NotAnError(StatusCode),
    /// A JSON body that is not JSON.
    Json(serde_json::Error),
    /// A JSON body that is not an object.
    NotAnObject,
    /// A JSON body without the type's envelope.
    MissingEnvelope {
        /// The envelope's key.
        key: &'static str,
    },
    /// A body without a `content-type`.
    MissingContentType,
    /// A body whose media type no error of this crate answers with.
    MediaType(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotAnError(status) => write!(f, "{status} is not an error response"),
            DecodeError::Json(_) => f.write_str("the error body is not valid JSON"),
            DecodeError::NotAnObject => f.write_str("the error body is not a JSON object"),
            DecodeError::MissingEnvelope { key } => {
                write!(f, "the error body has no `{key}` envelope")
            }
            DecodeError::MissingContentType => f.write_str("the error body has no content-type"),
            DecodeError::MediaType(media) => {
                write!(f, "an error body of media type `{media}` cannot be read")
            }
        }
    }
}

impl std::error::Error for DecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DecodeError::Json(error) => Some(error),
            _ => None,
        }
    }
}

/// A type whose values a client can rebuild from their responses: derived
/// with `#[http_error(decode)]`.
pub trait FromErrorBody: Sized {
    /// The value the body's code names, its payload read from the members;
    /// `None` where no variant can be rebuilt from it.
    fn from_error_body(body: &ErrorBody) -> Option<Self>;
}

/// Reads an error response of `E` back: the generic body, for any type.
/// A composed type's body is read with the keys of the type that answers
/// it (the first whose code and status `E` answers).
///
/// # Errors
///
/// A status `E` never answers below 400, a JSON body that is not an
/// object (or lacks the type's envelope), or a media type no error
/// answers with.
pub fn decode_body<E: HttpError>(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<ErrorBody, DecodeError> {
    if status.as_u16() < 400 && !E::STATUS_CODES.contains(&status.as_u16()) {
        return Err(DecodeError::NotAnError(status));
    }
    let mut decoded = ErrorBody::new(status);
    decoded.headers = headers.clone();
    if body.is_empty() {
        // No content (a 304, a HEAD request): the status says it all.
        return Ok(decoded);
    }
    let media_type = headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .map(|value| {
            value
                .split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase()
        });
    let problem = match media_type.as_deref() {
        Some("application/problem+json") => true,
        Some(media) if media == "application/json" || media.ends_with("+json") => false,
        Some("text/plain") => {
            decoded.message = Some(String::from_utf8_lossy(body).into_owned());
            return Ok(decoded);
        }
        // A page for a browser: its facts are for people to read.
        Some("text/html") => return Ok(decoded),
        Some(media) => return Err(DecodeError::MediaType(media.to_owned())),
        None => return Err(DecodeError::MissingContentType),
    };
    let object = match serde_json::from_slice(body).map_err(DecodeError::Json)? {
        Value::Object(object) => object,
        _ => return Err(DecodeError::NotAnObject),
    };
    // Each key set the type's bodies may use; the first that reads a code
    // `E` answers at this status, else the first that reads at all.
    let mut first = None;
    let mut failed = None;
    for keys in E::body_keys() {
        let (message, code, members) = match read(object.clone(), keys, problem) {
            Ok(read) => read,
            Err(error) => {
                failed.get_or_insert(error);
                continue;
            }
        };
        let known = code.as_deref().is_some_and(|code| {
            E::CODES
                .iter()
                .any(|&(c, s)| c == code && s == status.as_u16())
        });
        if known || first.is_none() {
            first = Some((message, code, members));
        }
        if known {
            break;
        }
    }
    let (message, code, members) = match (first, failed) {
        (Some(read), _) => read,
        (None, Some(error)) => return Err(error),
        (None, None) => read(object, BodyKeys::DEFAULT, problem)?,
    };
    decoded.message = message;
    decoded.code = code;
    decoded.members = members;
    Ok(decoded)
}

type Read = (Option<String>, Option<String>, Map<String, Value>);

/// A JSON body's message, code and other members under `keys`.
fn read(
    mut members: Map<String, Value>,
    keys: BodyKeys,
    problem: bool,
) -> Result<Read, DecodeError> {
    if problem {
        let message = take_string(&mut members, "detail");
        members.remove("status");
        let code = keys.code.and_then(|key| take_string(&mut members, key));
        return Ok((message, code, members));
    }
    if let Some((key, array)) = keys.envelope {
        members = unwrap_envelope(members, key, array)?;
    }
    let message = keys.message.and_then(|key| take_string(&mut members, key));
    let code = keys.code.and_then(|key| take_string(&mut members, key));
    Ok((message, code, members))
}

/// Reads an error response of `E` back into `E` where its variant can be
/// rebuilt, else the generic body.
///
/// # Errors
///
/// As [`decode_body`].
pub fn decode<E: HttpError + FromErrorBody>(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Decoded<E>, DecodeError> {
    let body = decode_body::<E>(status, headers, body)?;
    Ok(match E::from_error_body(&body) {
        Some(error) => Decoded::Known(error),
        None => Decoded::Other(body),
    })
}

fn take_string(members: &mut Map<String, Value>, key: &str) -> Option<String> {
    match members.remove(key)? {
        Value::String(text) => Some(text),
        other => {
            members.insert(key.to_owned(), other);
            None
        }
    }
}

fn unwrap_envelope(
    mut members: Map<String, Value>,
    key: &'static str,
    array: bool,
) -> Result<Map<String, Value>, DecodeError> {
    let inner = match (members.remove(key), array) {
        (Some(Value::Object(inner)), false) => Some(inner),
        (Some(Value::Array(items)), true) => match items.into_iter().next() {
            Some(Value::Object(inner)) => Some(inner),
            _ => None,
        },
        _ => None,
    };
    inner.ok_or(DecodeError::MissingEnvelope { key })
}
