//! actix-web: `ResponseError` for every derived type and [`Abort`], whose
//! `status_code` and `error_response` are [`HttpError::to_response`]'s.
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
    let (parts, body) = error.to_response().into_parts();
    let status =
        StatusCode::from_u16(parts.status.as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut builder = HttpResponse::build(status);
    for (name, value) in &parts.headers {
        builder.append_header((name.as_str(), value.as_bytes()));
    }
    builder.body(body)
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
