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
//! With inference off, [`responses`] documents a type's every status on an
//! operation (`get_with(handler, httperror::aide::responses::<E>)`), and
//! aide's own `op.response::<404, E>()` a type that answers one.
//!
//! aide keeps the first response it infers for a status: for
//! `Result<T, E>`, `T`'s before `E`'s, and in `Result<Result<T, E1>, E2>`,
//! `E1`'s before `E2`'s (aide reports the conflict through
//! `aide::generate::on_error`, silent unless set). Compose one error type
//! per handler with `#[http_error(transparent)]`, which merges the
//! responses of a shared status instead.
//!
//! Payload schemas: aide 0.15 works with schemars 0.9, so with the `aide`
//! feature a payload type's schemars-0.9 `JsonSchema` is used too (after
//! utoipa's `ToSchema` and schemars 1's, where those features are on).

use aide::generate::GenContext;
use aide::openapi::{ReferenceOr, Response, StatusCode};
use aide::transform::TransformOperation;
use serde_json::Value;

use crate::{Abort, HttpError};

/// The responses aide infers for `E`: [`HttpError::openapi_responses`], each
/// read into aide's model. One aide's model cannot read keeps its status
/// with the description alone, and is reported through aide's error
/// handler (`aide::generate::on_error`), never a panic.
pub fn inferred_responses<E: HttpError>(ctx: &mut GenContext) -> Vec<(Option<u16>, Response)> {
    let Value::Object(responses) = E::openapi_responses() else {
        return Vec::new();
    };
    responses
        .into_iter()
        .filter_map(|(status, response)| {
            let status = status.parse::<u16>().ok()?;
            Some((Some(status), response_of(ctx, response)))
        })
        .collect()
}

/// The one response of a type that answers one status, for aide's
/// `op.response::<STATUS, E>()`; for a type with several, `None`, reported
/// through aide's error handler: use [`responses`] for those.
pub fn operation_response<E: HttpError>(ctx: &mut GenContext) -> Option<Response> {
    let mut responses = inferred_responses::<E>(ctx);
    if responses.len() == 1 {
        return responses.pop().map(|(_, response)| response);
    }
    ctx.error(aide::Error::Other(Box::new(Several(
        std::any::type_name::<E>(),
    ))));
    None
}

/// Documents every response of `E` on an operation, each under its own
/// status: for routes documented by hand, with inference off
/// (`aide::generate::infer_responses(false)`). A status the operation
/// documents already is replaced, and reported through aide's error
/// handler.
///
/// ```
/// use aide::axum::{ApiRouter, routing::get_with};
/// use httperror::HttpError;
///
/// #[derive(Debug, thiserror::Error, HttpError)]
/// enum StorageError {
///     /// No such file.
///     #[error("file not found")]
///     #[status(404)]
///     NotFound,
///     /// Too many requests.
///     #[error("slow down")]
///     #[status(429)]
///     Throttled,
/// }
///
/// async fn get_file() -> Result<String, StorageError> {
///     Err(StorageError::NotFound)
/// }
///
/// aide::generate::infer_responses(false);
/// let mut api = aide::openapi::OpenApi::default();
/// let _app: axum::Router = ApiRouter::new()
///     .api_route(
///         "/files/{id}",
///         get_with(get_file, httperror::aide::responses::<StorageError>),
///     )
///     .finish_api(&mut api);
/// let document = serde_json::to_value(&api).unwrap();
/// let responses = &document["paths"]["/files/{id}"]["get"]["responses"];
/// assert_eq!(responses["404"]["description"], "No such file.");
/// assert_eq!(responses["429"]["description"], "Too many requests.");
/// # aide::generate::infer_responses(true);
/// ```
pub fn responses<E: HttpError>(mut operation: TransformOperation<'_>) -> TransformOperation<'_> {
    aide::generate::in_context(|ctx| {
        let inferred = inferred_responses::<E>(ctx);
        let responses = operation
            .inner_mut()
            .responses
            .get_or_insert_with(Default::default);
        for (status, response) in inferred {
            let Some(status) = status else { continue };
            let status = StatusCode::Code(status);
            let replaced = responses
                .responses
                .insert(status.clone(), ReferenceOr::Item(response));
            if replaced.is_some() {
                ctx.error(aide::Error::ResponseExists(status));
            }
        }
    });
    operation
}

fn response_of(ctx: &mut GenContext, response: Value) -> Response {
    let description = response
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    serde_json::from_value(response).unwrap_or_else(|error| {
        ctx.error(aide::Error::Other(Box::new(error)));
        Response {
            description,
            ..Response::default()
        }
    })
}

/// A type with several statuses asked for as one response.
#[derive(Debug)]
struct Several(&'static str);

impl std::fmt::Display for Several {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} answers several statuses, which one response cannot document: use \
             `httperror::aide::responses::<{0}>`",
            self.0
        )
    }
}

impl std::error::Error for Several {}

/// `Abort` can answer any status: it documents none, so an operation that
/// returns it documents its statuses itself.
impl aide::OperationOutput for Abort {
    type Inner = Self;
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
                ctx: &mut $crate::__private::aide::generate::GenContext,
                _: &mut $crate::__private::aide::openapi::Operation,
            ) -> ::core::option::Option<$crate::__private::aide::openapi::Response> {
                $crate::aide::operation_response::<Self>(ctx)
            }

            fn inferred_responses(
                ctx: &mut $crate::__private::aide::generate::GenContext,
                _: &mut $crate::__private::aide::openapi::Operation,
            ) -> ::std::vec::Vec<(
                ::core::option::Option<::core::primitive::u16>,
                $crate::__private::aide::openapi::Response,
            )> {
                $crate::aide::inferred_responses::<Self>(ctx)
            }
        }
    };
}

/// `impl aide::OperationInput` for a drop-in extractor of
/// `httperror::axum`: the request documented as axum's own extractor
/// documents it; nothing without the `aide` feature. The rejections are
/// not inferred: aide keeps one response per status and drops the next
/// (a path's 400 and a body's 400 would collide), so
/// [`FrameworkErrors::complete_document`](crate::FrameworkErrors::complete_document)
/// documents them, merged, on the finished document.
#[doc(hidden)]
#[macro_export]
macro_rules! __aide_input {
    ([$($generics:tt)*] $ty:ty, $inner:ty) => {
        impl<$($generics)*> $crate::__private::aide::OperationInput for $ty
        where
            $inner: $crate::__private::aide::OperationInput,
        {
            fn operation_input(
                ctx: &mut $crate::__private::aide::generate::GenContext,
                operation: &mut $crate::__private::aide::openapi::Operation,
            ) {
                <$inner as $crate::__private::aide::OperationInput>::operation_input(ctx, operation)
            }
        }
    };
}
