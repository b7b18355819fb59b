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

pub use self::compose::{codes, codes_len, union, union_len};
pub use self::http::{append_fixed_header, append_header, status};
pub use self::json::{
    Direct, JsonValue, Members, TextViaDisplay, TextViaJson, ValueViaJson, ValueViaSerde,
    drop_leading_comma, escape_into, format_message, json_body, write_fmt, write_text, write_value,
    written_json_body,
};
pub use crate::members::{Flattened, serialize_default_body, serialize_flattened, write_flattened};

pub use crate::negotiate::Negotiation;

pub use crate::context::{
    active as context_active, with_request, with_request_id, write_id_member, write_instance_member,
};

/// One variant of a derived type at one of its statuses, as the derive
/// describes it for an error catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VariantDoc {
    /// The machine code.
    pub code: &'static str,
    /// The status.
    pub status: u16,
    /// Its reason phrase, registered or given.
    pub reason: &'static str,
    /// The variant's name.
    pub ident: &'static str,
    /// Its doc comment.
    pub docs: Option<&'static str>,
    /// The headers it sends, lowercase, each with whether it is always
    /// sent.
    pub headers: &'static [(&'static str, bool)],
    /// Its body's media type; empty for a status without content.
    pub media_type: &'static str,
    /// Its body, where it is known at compile time (or given by
    /// `example = ..`).
    pub example: Option<&'static str>,
}

/// The level an error is logged at when it becomes a response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogPolicy {
    /// 5xx at error, 4xx not at all.
    ByStatus,
    /// Not logged.
    Off,
    /// At error.
    Error,
    /// At warn.
    Warn,
    /// At info.
    Info,
    /// At debug.
    Debug,
    /// At trace.
    Trace,
}

pub mod openapi {
    pub use crate::openapi::*;
}

/// The body of the plain 500 that replaces a response whose payload failed
/// to serialize, in the default format and keys.
pub const INTERNAL_ERROR_BODY: &[u8] = crate::rules::INTERNAL_ERROR_BODY;

// The framework impls the derive asks for, by name: each is the
// framework's macro where its feature is on, and nothing where it is off,
// so the user's crate needs no cfg of its own; and the framework crate
// itself, which those macros name.
macro_rules! framework {
    ($feature:literal, $name:ident, $impl:ident $(, $krate:ident)?) => {
        #[cfg(feature = $feature)]
        pub use crate::$impl as $name;
        #[cfg(not(feature = $feature))]
        pub use crate::__impl_nothing as $name;
        $(
            #[cfg(feature = $feature)]
            pub use ::$krate;
        )?
    };
}

framework!("utoipa", impl_utoipa, __impl_utoipa, utoipa);
framework!("utoipa5", impl_utoipa5, __impl_utoipa5, utoipa5);
framework!("axum", impl_axum, __impl_axum, axum_core);
#[cfg(feature = "axum")]
pub use ::axum;

/// The drop-in `Path`'s rejection: axum's, its parameter named from the
/// route where the deserializer names it by its place alone.
#[cfg(feature = "axum")]
pub async fn path_rejection(
    rejection: ::axum::extract::rejection::PathRejection,
    parts: &mut ::http::request::Parts,
) -> crate::common::PathRejection {
    crate::axum::path_rejection_named(rejection, parts).await
}
framework!("aide", impl_aide, __impl_aide, aide);
framework!("aide", aide_input, __aide_input);
framework!("poem", impl_poem, __impl_poem, poem);
framework!("actix-web", impl_actix_web, __impl_actix_web, actix_web);
framework!("tonic", impl_tonic, __impl_tonic, tonic);

/// The frameworks' `extractors!`: the rejection type answers as an
/// `HttpError`, and documents itself.
#[doc(hidden)]
#[macro_export]
macro_rules! __rejection_is_an_http_error {
    ($rejection:ty) => {
        const _: () = {
            fn rejection_is_an_http_error<R: $crate::HttpError>() {}
            let _: fn() = rejection_is_an_http_error::<$rejection>;
        };
    };
}

/// The impl of a framework whose feature is off: nothing.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_nothing {
    ($($tokens:tt)*) => {};
}

/// What every drop-in extractor wrapper has, for axum's and actix-web's
/// alike: `Deref`, `DerefMut` and `From` its inner value.
#[doc(hidden)]
#[macro_export]
macro_rules! __extractor_wrapper {
    ($name:ident) => {
        impl<T> ::core::ops::Deref for $name<T> {
            type Target = T;

            fn deref(&self) -> &T {
                &self.0
            }
        }

        impl<T> ::core::ops::DerefMut for $name<T> {
            fn deref_mut(&mut self) -> &mut T {
                &mut self.0
            }
        }

        impl<T> ::core::convert::From<T> for $name<T> {
            fn from(value: T) -> Self {
                $name(value)
            }
        }
    };
}
