//! Typed clients: an error response (status, headers, body bytes) read
//! back into a value. Every type's responses decode into an [`ErrorBody`]:
//! status, message, machine code and the other members, from the JSON
//! shape (its envelope and keys), problem details, text/plain or an HTML
//! page. A type with `#[http_error(decode)]` (which needs a code key)
//! rebuilds its own values: the variant named by the code, its payload
//! fields read back from the members (their types `Deserialize`). A
//! variant with fields that never reach the client (a `#[source]`, a
//! field that is not in the payload) cannot be rebuilt, and decodes to the
//! generic body. A body that cannot be read is an error value, never a
//! panic.
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
    /// The message's key; `None` with `skip_message`.
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
}

impl ErrorBody {
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
    /// A status that is no error (below 400).
    NotAnError(StatusCode),
    /// A JSON body that is not JSON, or no object.
    Json(String),
    /// A body whose media type no error of this crate answers with.
    MediaType(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotAnError(status) => write!(f, "{status} is not an error response"),
            DecodeError::Json(why) => write!(f, "the error body is not a JSON object: {why}"),
            DecodeError::MediaType(media) => {
                write!(f, "an error body of media type `{media}` cannot be read")
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// A type whose values a client can rebuild from their responses: derived
/// with `#[http_error(decode)]`.
pub trait FromErrorBody: Sized {
    /// The value the body's code names, its payload read from the members;
    /// `None` where no variant can be rebuilt from it.
    fn from_error_body(body: &ErrorBody) -> Option<Self>;
}

/// Reads an error response of `E` back: the generic body, for any type.
///
/// # Errors
///
/// A status below 400, a JSON body that is not an object, or a media type
/// no error answers with.
pub fn decode_body<E: HttpError>(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<ErrorBody, DecodeError> {
    if status.as_u16() < 400 {
        return Err(DecodeError::NotAnError(status));
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
    let mut decoded = ErrorBody {
        status,
        message: None,
        code: None,
        members: Map::new(),
    };
    match media_type.as_deref() {
        // No content.
        None if body.is_empty() => Ok(decoded),
        Some("application/problem+json") => {
            let mut members = object(body)?;
            decoded.message = take_string(&mut members, "detail");
            members.remove("status");
            decoded.code = E::BODY_KEYS
                .code
                .and_then(|key| take_string(&mut members, key));
            decoded.members = members;
            Ok(decoded)
        }
        Some(media) if media == "application/json" || media.ends_with("+json") => {
            let keys = E::BODY_KEYS;
            let mut members = object(body)?;
            if let Some((key, array)) = keys.envelope {
                members = unwrap_envelope(members, key, array)?;
            }
            let message_key = keys.message.unwrap_or("message");
            decoded.message = take_string(&mut members, message_key);
            decoded.code = keys.code.and_then(|key| take_string(&mut members, key));
            decoded.members = members;
            Ok(decoded)
        }
        Some("text/plain") => {
            decoded.message = Some(String::from_utf8_lossy(body).into_owned());
            Ok(decoded)
        }
        // A page for a browser: its facts are for people to read.
        Some("text/html") => Ok(decoded),
        Some(media) => Err(DecodeError::MediaType(media.to_owned())),
        None => Err(DecodeError::MediaType(String::new())),
    }
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

fn object(body: &[u8]) -> Result<Map<String, Value>, DecodeError> {
    match serde_json::from_slice(body) {
        Ok(Value::Object(members)) => Ok(members),
        Ok(_) => Err(DecodeError::Json("not an object".to_owned())),
        Err(error) => Err(DecodeError::Json(error.to_string())),
    }
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
    key: &str,
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
    inner.ok_or_else(|| DecodeError::Json(format!("no `{key}` envelope")))
}
