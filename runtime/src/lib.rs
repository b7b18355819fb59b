//! httperror: crate docs (written below).

#[doc(hidden)]
pub mod __private;
mod error;

pub use crate::error::{Body, HttpError};
pub use httperror_macros::HttpError;
