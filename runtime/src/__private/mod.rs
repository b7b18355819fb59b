//! What the derive's generated code reaches, so users need no direct
//! dependency on http, bytes, serde or serde_json. Not public API: the
//! re-exports, the framework impl macros by feature, and the writers of
//! bodies (`json`) and headers (`http`).

mod compose;
mod http;
mod json;

pub use ::bytes::Bytes;
pub use ::http::header::{HeaderMap, HeaderName, HeaderValue};
pub use ::http::{Response, StatusCode};
pub use ::serde;
pub use ::serde_json;
#[cfg(feature = "utoipa")]
pub use ::utoipa;
#[cfg(feature = "utoipa5")]
pub use ::utoipa5;

pub use self::compose::{codes, codes_len, union, union_len};
pub use self::http::{append_fixed_header, append_header, status};
pub use self::json::{
    Direct, JsonValue, Members, TextViaDisplay, TextViaJson, ValueViaJson, ValueViaSerde,
    drop_leading_comma, escape_into, format_message, json_body, write_fmt, write_text, write_value,
};
pub use crate::members::{Flattened, serialize_default_body, serialize_flattened, write_flattened};

pub mod openapi {
    pub use crate::openapi::*;
}

/// The body of the plain 500 that replaces a response whose payload failed
/// to serialize, in the default format and keys.
pub const INTERNAL_ERROR_BODY: &[u8] = crate::rules::INTERNAL_ERROR_BODY;

// The framework impls the derive asks for, by name: each is the
// framework's macro where its feature is on, and nothing where it is off,
// so the user's crate needs no cfg of its own.
#[cfg(not(feature = "utoipa"))]
pub use crate::__impl_nothing as impl_utoipa;
#[cfg(not(feature = "utoipa5"))]
pub use crate::__impl_nothing as impl_utoipa5;
#[cfg(feature = "utoipa")]
pub use crate::__impl_utoipa as impl_utoipa;
#[cfg(feature = "utoipa5")]
pub use crate::__impl_utoipa5 as impl_utoipa5;

#[cfg(feature = "axum")]
pub use crate::__impl_axum as impl_axum;
#[cfg(not(feature = "axum"))]
pub use crate::__impl_nothing as impl_axum;
#[cfg(feature = "axum")]
pub use ::axum_core;

#[cfg(feature = "aide")]
pub use crate::__impl_aide as impl_aide;
#[cfg(not(feature = "aide"))]
pub use crate::__impl_nothing as impl_aide;
#[cfg(feature = "aide")]
pub use ::aide;

#[cfg(not(feature = "poem"))]
pub use crate::__impl_nothing as impl_poem;
#[cfg(feature = "poem")]
pub use crate::__impl_poem as impl_poem;
#[cfg(feature = "poem")]
pub use ::poem;

#[cfg(feature = "actix-web")]
pub use crate::__impl_actix_web as impl_actix_web;
#[cfg(not(feature = "actix-web"))]
pub use crate::__impl_nothing as impl_actix_web;
#[cfg(feature = "actix-web")]
pub use ::actix_web;

/// The impl of a framework whose feature is off: nothing.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_nothing {
    ($($tokens:tt)*) => {};
}
