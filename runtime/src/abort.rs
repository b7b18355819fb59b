//! `Abort`: a dynamic error for one-off cases.

use std::borrow::Cow;
use std::fmt;

use http::StatusCode;
use http::header::{HeaderMap, HeaderName};
use serde::Serialize;
use serde::ser::{Error as _, SerializeMap};
use serde_json::Value;

use crate::HttpError;

/// A one-off HTTP error built at run time, the analogue of Flask's
/// `abort(400, custom='value')`, for the case no error type is worth
/// declaring for.
///
/// It answers by the same rules as a derived type: the message is the one
/// given, else the reason phrase (so a 5xx shows nothing internal unless
/// you wrote it); extra keys follow the message in the order they were
/// added; 204, 205 and 304 carry no body, and a 1xx becomes a 500; a
/// header value that is not a
/// valid header value is dropped; a value that fails to serialize turns the
/// response into a plain 500.
///
/// ```
/// use httperror::{Abort, HttpError};
/// use http::StatusCode;
///
/// let error = Abort::new(StatusCode::BAD_REQUEST)
///     .with_message("the upload is empty")
///     .with("field", "file")
///     .with("limits", [1, 1024])
///     .with_header("x-request-id", "r-17");
///
/// let response = error.to_response();
/// assert_eq!(response.status(), StatusCode::BAD_REQUEST);
/// assert_eq!(response.headers()["x-request-id"], "r-17");
/// assert_eq!(
///     response.body().as_ref(),
///     br#"{"message":"the upload is empty","field":"file","limits":[1,1024]}"#,
/// );
/// assert_eq!(error.code(), "bad_request");
///
/// let plain = Abort::new(StatusCode::SERVICE_UNAVAILABLE);
/// assert_eq!(plain.to_json(), br#"{"message":"Service Unavailable"}"#);
/// ```
#[derive(Debug, Clone)]
pub struct Abort {
    status: StatusCode,
    message: Option<Cow<'static, str>>,
    code: Option<&'static str>,
    extra: Vec<(String, Value)>,
    headers: HeaderMap,
    /// A value given to `with` failed to serialize; the response is a 500.
    failed: bool,
}

impl Abort {
    /// An error with this status and its reason phrase as the message.
    ///
    /// A 1xx is an interim response, never an error's answer: given one,
    /// the error answers a 500 (with the `tracing` feature, logged at error
    /// level with the status it was given).
    pub fn new(status: StatusCode) -> Self {
        let status = if status.is_informational() {
            #[cfg(feature = "tracing")]
            crate::report::interim_status_refused(status);
            StatusCode::INTERNAL_SERVER_ERROR
        } else {
            status
        };
        Abort {
            status,
            message: None,
            code: None,
            extra: Vec::new(),
            headers: HeaderMap::new(),
            failed: false,
        }
    }

    /// The public message.
    #[must_use]
    pub fn with_message(mut self, message: impl Into<Cow<'static, str>>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// Another machine code than the reason phrase in snake_case.
    #[must_use]
    pub fn with_code(mut self, code: &'static str) -> Self {
        self.code = Some(code);
        self
    }

    /// An extra key of the body. A key given again replaces its value in
    /// place; the key `message` is the message's own and is ignored here.
    /// If `value` fails to serialize, the response becomes a plain 500.
    #[must_use]
    pub fn with(mut self, key: impl Into<String>, value: impl Serialize) -> Self {
        let key = key.into();
        if key == "message" {
            return self;
        }
        let Ok(value) = serde_json::to_value(value) else {
            self.failed = true;
            return self;
        };
        match self.extra.iter_mut().find(|(k, _)| *k == key) {
            Some((_, slot)) => *slot = value,
            None => self.extra.push((key, value)),
        }
        self
    }

    /// A response header, from its `Display`; appended, so a name given
    /// twice is sent twice. A name or value that is not valid in HTTP (a
    /// CR or LF in the value, say) is dropped, never sent.
    #[must_use]
    pub fn with_header<K, V>(mut self, name: K, value: V) -> Self
    where
        K: TryInto<HeaderName>,
        V: fmt::Display,
    {
        if let Ok(name) = name.try_into() {
            crate::__private::append_header(&mut self.headers, name, &value);
        }
        self
    }
}

impl From<StatusCode> for Abort {
    fn from(status: StatusCode) -> Self {
        Abort::new(status)
    }
}

impl fmt::Display for Abort {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for Abort {}

impl HttpError for Abort {
    /// None: an `Abort`'s status is chosen at run time.
    const STATUS_CODES: &'static [u16] = &[];

    fn status(&self) -> StatusCode {
        self.status
    }

    fn code(&self) -> &'static str {
        self.code
            .unwrap_or_else(|| snake_case_reason(self.status.as_u16()))
    }

    fn message(&self) -> Cow<'_, str> {
        match &self.message {
            Some(message) => Cow::Borrowed(message),
            None => Cow::Borrowed(self.status.canonical_reason().unwrap_or("Error")),
        }
    }

    fn headers(&self) -> HeaderMap {
        self.headers.clone()
    }

    fn write_headers(&self, headers: &mut HeaderMap) {
        for (name, value) in &self.headers {
            headers.append(name, value.clone());
        }
    }

    fn serialize_payload<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        if self.failed {
            return Err(M::Error::custom(
                "a value given to Abort::with failed to serialize",
            ));
        }
        for (key, value) in &self.extra {
            map.serialize_entry(key, value)?;
        }
        Ok(())
    }
}

/// The reason phrase in snake_case: `not_found`, `im_a_teapot`; `error` for
/// a code without one.
fn snake_case_reason(code: u16) -> &'static str {
    use crate::rules::SNAKE_CASE_REASONS;
    SNAKE_CASE_REASONS
        .binary_search_by_key(&code, |&(c, _)| c)
        .map_or("error", |i| SNAKE_CASE_REASONS[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_the_reason_phrases_in_snake_case() {
        for code in 100..=999 {
            let status = StatusCode::from_u16(code).unwrap();
            let expected = match status.canonical_reason() {
                Some(reason) => reason
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || *c == ' ' || *c == '-')
                    .map(|c| {
                        if c == ' ' || c == '-' {
                            '_'
                        } else {
                            c.to_ascii_lowercase()
                        }
                    })
                    .collect(),
                None => "error".to_owned(),
            };
            assert_eq!(snake_case_reason(code), expected, "{code}");
        }
    }
}
