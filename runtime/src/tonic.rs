//! gRPC beside HTTP: `From<E> for tonic::Status` for every derived type
//! (and [`Abort`](crate::Abort)), so one error enum answers both. Feature
//! `tonic`.
//!
//! The code is the HTTP status read back through the mapping of
//! `google.rpc.Code` ([code.proto], each code's "HTTP Mapping"):
//!
//! | HTTP status | gRPC code |
//! | --- | --- |
//! | 400 | `INVALID_ARGUMENT` |
//! | 401 | `UNAUTHENTICATED` |
//! | 403 | `PERMISSION_DENIED` |
//! | 404 | `NOT_FOUND` |
//! | 409 | `ABORTED` |
//! | 429 | `RESOURCE_EXHAUSTED` |
//! | 499 | `CANCELLED` |
//! | 501 | `UNIMPLEMENTED` |
//! | 503 | `UNAVAILABLE` |
//! | 504 | `DEADLINE_EXCEEDED` |
//! | any other 4xx | `FAILED_PRECONDITION` |
//! | any other 5xx | `INTERNAL` |
//! | anything else | `UNKNOWN` |
//!
//! Where a status means another code (a 409 that is `ALREADY_EXISTS`,
//! which code.proto also maps to 409), `#[http_error(grpc = "..")]` on the
//! variant names it. The status's message is the public message, so a
//! 5xx shows its reason phrase (or the `#[message]` written for it), never
//! its source; the machine code is in the status's metadata under
//! `x-error-code`. With the `tracing` feature the conversion logs the
//! error as a response does, at its level: convert once, where the error
//! leaves the service.
//!
//! The impls come with the feature, for every derived type in the build
//! (features unify): a crate that wants its own `From<E> for Status` for a
//! derived type implements it on a wrapper instead.
//!
//! ```
//! use httperror::HttpError;
//!
//! #[derive(Debug, thiserror::Error, HttpError)]
//! enum FileError {
//!     #[error("file {0} not found")]
//!     #[status(404)]
//!     NotFound(String),
//!     #[error("file {0} exists")]
//!     #[status(409)]
//!     #[http_error(grpc = "ALREADY_EXISTS")]
//!     Exists(String),
//! }
//!
//! let status = tonic::Status::from(FileError::NotFound("a.txt".into()));
//! assert_eq!(status.code(), tonic::Code::NotFound);
//! assert_eq!(status.message(), "file a.txt not found");
//! assert_eq!(status.metadata().get("x-error-code").unwrap(), "not_found");
//! let status = tonic::Status::from(FileError::Exists("a.txt".into()));
//! assert_eq!(status.code(), tonic::Code::AlreadyExists);
//! ```
//!
//! [code.proto]: https://github.com/googleapis/googleapis/blob/master/google/rpc/code.proto

use ::tonic::metadata::{MetadataMap, MetadataValue};
use ::tonic::{Code, Status};
use http::StatusCode;

use crate::HttpError;

/// The metadata key the machine code is sent under.
pub const ERROR_CODE_KEY: &str = "x-error-code";

/// The gRPC code of an HTTP status, as the table above reads code.proto.
pub fn code_for(status: StatusCode) -> Code {
    // The specific statuses first, then their classes.
    #[allow(clippy::match_overlapping_arm)]
    match status.as_u16() {
        400 => Code::InvalidArgument,
        401 => Code::Unauthenticated,
        403 => Code::PermissionDenied,
        404 => Code::NotFound,
        409 => Code::Aborted,
        429 => Code::ResourceExhausted,
        499 => Code::Cancelled,
        501 => Code::Unimplemented,
        503 => Code::Unavailable,
        504 => Code::DeadlineExceeded,
        400..=499 => Code::FailedPrecondition,
        500..=599 => Code::Internal,
        _ => Code::Unknown,
    }
}

/// The `tonic::Status` of any [`HttpError`]: what `From` gives a derived
/// type.
pub fn status<E: HttpError + ?Sized>(error: &E) -> Status {
    let http_status = error.status();
    #[cfg(feature = "tracing")]
    crate::report::response(error, http_status);
    // A status chosen outside its set answers a 500: so does its code.
    let code = match error.grpc_code() {
        Some(number) if error.undeclared_status().is_none() => Code::from_i32(number),
        _ => code_for(http_status),
    };
    let mut metadata = MetadataMap::new();
    // Machine codes are written by the derive or by hand; one that is no
    // metadata value is left out, never a panic.
    if let Ok(value) = MetadataValue::try_from(error.code()) {
        metadata.insert(ERROR_CODE_KEY, value);
    }
    Status::with_metadata(code, error.message().into_owned(), metadata)
}

impl From<crate::Abort> for Status {
    fn from(error: crate::Abort) -> Self {
        status(&error)
    }
}

/// `From<E> for tonic::Status` for a derived type; nothing without the
/// `tonic` feature.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_tonic {
    (impl [$($impl_generics:tt)*] for [$($ty:tt)*] where [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* ::core::convert::From<$($ty)*> for $crate::__private::tonic::Status
        $($where_clause)*
        {
            fn from(error: $($ty)*) -> Self {
                $crate::tonic::status(&error)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_the_table() {
        for (status, code) in [
            (400, Code::InvalidArgument),
            (401, Code::Unauthenticated),
            (403, Code::PermissionDenied),
            (404, Code::NotFound),
            (409, Code::Aborted),
            (429, Code::ResourceExhausted),
            (499, Code::Cancelled),
            (501, Code::Unimplemented),
            (503, Code::Unavailable),
            (504, Code::DeadlineExceeded),
            (410, Code::FailedPrecondition),
            (422, Code::FailedPrecondition),
            (500, Code::Internal),
            (502, Code::Internal),
            (507, Code::Internal),
            (304, Code::Unknown),
        ] {
            assert_eq!(
                code_for(StatusCode::from_u16(status).unwrap()),
                code,
                "{status}"
            );
        }
    }
}
