//! Generic error types: bounds are added only where a payload or a
//! `#[message]` argument needs them.

use std::fmt::{Debug, Display};

use httperror::HttpError;
use serde::Serialize;

/// The derive emits
/// `impl<'a, T, U: Clone> HttpError for Generic<'a, T, U>
///  where U: Debug, Self: Error, T: Serialize, U: Debug`
/// (`T` for the payload, `U: Debug` for `{inner:?}`); `V` in `PhantomData`
/// gets no bound.
#[derive(Debug, thiserror::Error, HttpError)]
pub enum Generic<'a, T, U: Clone, V = ()>
where
    U: Debug,
{
    #[error("value {0}")]
    #[status(400)]
    Value(#[payload(rename = "value")] T),
    #[error("inner")]
    #[status(409)]
    #[message("inner {inner:?} in {name}")]
    Inner { inner: U, name: &'a str },
    #[error("marker")]
    #[status(500)]
    Marker(std::marker::PhantomData<V>),
}

/// Not `Serialize`, not `Display`: usable where no bound asks for them.
#[derive(Debug, Clone)]
pub struct Opaque;

#[test]
fn bounds_only_where_needed() {
    let value: Generic<'_, u8, Opaque> = Generic::Value(5);
    assert_eq!(value.to_json(), br#"{"message":"value 5","value":5}"#);
    let inner: Generic<'_, u8, Opaque> = Generic::Inner {
        inner: Opaque,
        name: "n",
    };
    assert_eq!(inner.to_json(), br#"{"message":"inner Opaque in n"}"#);
    let marker: Generic<'_, u8, Opaque, Opaque> = Generic::Marker(std::marker::PhantomData);
    assert_eq!(marker.status().as_u16(), 500);
}

/// A generic struct with an optional and a flattened generic payload.
#[derive(Debug, thiserror::Error, HttpError)]
#[error("wrapped")]
#[status(422)]
pub struct Wrapped<T: Display, M> {
    #[payload]
    value: Option<T>,
    #[payload(flatten)]
    extra: M,
}

#[derive(Debug, Serialize)]
struct Extra {
    hint: &'static str,
}

#[test]
fn generic_struct() {
    let error = Wrapped {
        value: Some("v"),
        extra: Extra { hint: "h" },
    };
    assert_eq!(
        error.to_json(),
        br#"{"message":"wrapped","value":"v","hint":"h"}"#
    );
    fn assert_http_error<E: HttpError>(_: &E) {}
    assert_http_error(&error);
}
