//! aide: every derived type is an [`aide::OperationOutput`] whose
//! responses are its [`openapi_responses`](HttpError::openapi_responses):
//! a handler that returns `Result<T, E>` documents `E`'s statuses in an
//! `ApiRouter`'s document, with the same descriptions, schemas, examples
//! and headers as everywhere else.
//!
//! aide collects an output's responses when it infers them, which is on
//! unless `aide::generate::infer_responses(false)` turned it off:
//!
//! ```
//! use aide::axum::{ApiRouter, routing::get};
//! use aide::openapi::OpenApi;
//! use httperror::HttpError;
//!
//! #[derive(Debug, thiserror::Error, HttpError)]
//! enum StorageError {
//!     /// No file with this id exists.
//!     #[error("file not found")]
//!     #[status(404)]
//!     NotFound,
//! }
//!
//! async fn get_file() -> Result<String, StorageError> {
//!     Err(StorageError::NotFound)
//! }
//!
//! aide::generate::infer_responses(true); // the default, said aloud
//! let mut api = OpenApi::default();
//! let _app: axum::Router = ApiRouter::new()
//!     .api_route("/files/{id}", get(get_file))
//!     .finish_api(&mut api);
//! let document = serde_json::to_value(&api).unwrap();
//! let responses = &document["paths"]["/files/{id}"]["get"]["responses"];
//! assert_eq!(responses["404"]["description"], "No file with this id exists.");
//! ```
//!
//! With inference off, `op.response::<404, StorageError>()` in a
//! `transform` documents a type that answers one status.

use aide::openapi::Response;
use serde_json::Value;

use crate::HttpError;

/// The responses aide infers for `E`: [`HttpError::openapi_responses`], each
/// read into aide's model (a response it cannot read keeps its status with
/// the description alone, never a panic).
pub fn inferred_responses<E: HttpError>() -> Vec<(Option<u16>, Response)> {
    let Value::Object(responses) = E::openapi_responses() else {
        return Vec::new();
    };
    responses
        .into_iter()
        .filter_map(|(status, response)| {
            let status = if status == "default" {
                None
            } else {
                Some(status.parse::<u16>().ok()?)
            };
            Some((status, response_of(response)))
        })
        .collect()
}

/// The one response of a type that answers one status, for
/// `op.response::<STATUS, E>()`; `None` for several.
pub fn operation_response<E: HttpError>() -> Option<Response> {
    match inferred_responses::<E>().as_mut_slice() {
        [(_, response)] => Some(std::mem::take(response)),
        _ => None,
    }
}

fn response_of(response: Value) -> Response {
    let description = response
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    serde_json::from_value(response).unwrap_or_else(|_| Response {
        description,
        ..Response::default()
    })
}

/// `impl aide::OperationOutput` for a derived type; nothing without the
/// `aide` feature.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_aide {
    (impl [$($impl_generics:tt)*] for [$($ty:tt)*] where [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::aide::OperationOutput for $($ty)*
        $($where_clause)*
        {
            type Inner = Self;

            fn operation_response(
                _: &mut $crate::__private::aide::generate::GenContext,
                _: &mut $crate::__private::aide::openapi::Operation,
            ) -> ::core::option::Option<$crate::__private::aide::openapi::Response> {
                $crate::aide::operation_response::<Self>()
            }

            fn inferred_responses(
                _: &mut $crate::__private::aide::generate::GenContext,
                _: &mut $crate::__private::aide::openapi::Operation,
            ) -> ::std::vec::Vec<(
                ::core::option::Option<::core::primitive::u16>,
                $crate::__private::aide::openapi::Response,
            )> {
                $crate::aide::inferred_responses::<Self>()
            }
        }
    };
}
