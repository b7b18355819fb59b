//! The generated code names everything by absolute path: it compiles where
//! the user shadowed prelude names, and in a `#[no_implicit_prelude]`
//! module.

#![allow(dead_code, non_camel_case_types, clippy::upper_case_acronyms)]

mod shadowed {
    use httperror::HttpError;

    type Result = ();
    type Option = ();
    struct Some;
    struct None;
    struct Ok;
    struct Err;
    struct String;
    struct Vec;
    struct Box;
    struct Cow;
    struct Serialize;
    struct Serializer;
    struct StatusCode;
    struct Bytes;
    type u8 = ();
    type u16 = ();
    type str = ();
    mod core {}
    mod std {}
    mod serde {}
    mod http {}

    #[derive(Debug, thiserror::Error, HttpError)]
    #[http_error(code_key = "code")]
    pub enum Shadowed {
        #[error("not found: {id}")]
        #[status(404)]
        NotFound {
            #[payload]
            id: ::std::string::String,
            #[payload]
            maybe: ::core::option::Option<::core::primitive::u8>,
        },
        #[error("quota")]
        #[status(599, reason = "Custom")]
        #[message("{0} of {1}")]
        Quota(
            #[payload(rename = "used")] ::core::primitive::u64,
            #[payload(rename = "limit")] ::core::primitive::u64,
        ),
        #[error("teapot")]
        #[status(418)]
        Teapot,
    }
}

/// A user's own types named like the standard ones the derive writes
/// without serde: they are written through their own `Serialize` and
/// `Display`.
mod own_string {
    use httperror::HttpError;

    #[derive(Debug, serde::Serialize)]
    pub struct String(pub [u8; 2]);

    impl ::std::fmt::Display for String {
        fn fmt(&self, f: &mut ::std::fmt::Formatter) -> ::std::fmt::Result {
            write!(f, "{}.{}", self.0[0], self.0[1])
        }
    }

    #[derive(Debug, serde::Serialize)]
    #[allow(non_camel_case_types)]
    pub struct u64(pub bool);

    impl ::std::fmt::Display for u64 {
        fn fmt(&self, f: &mut ::std::fmt::Formatter) -> ::std::fmt::Result {
            write!(f, "flag {}", self.0)
        }
    }

    #[derive(Debug, thiserror::Error, HttpError)]
    pub enum OwnTypes {
        #[error("version {version} with {flag}")]
        #[status(409)]
        Conflict {
            #[payload]
            version: String,
            #[payload]
            flag: u64,
        },
    }
}

/// A type whose fields arrive through `macro_rules!` fragments (an
/// invisible group around each `$t:ty`): an `Option` is still one.
mod from_a_macro {
    use httperror::HttpError;

    macro_rules! error_type {
        ($name:ident, $retry:ty, $detail:ty) => {
            #[derive(Debug, thiserror::Error, HttpError)]
            #[error("slow down")]
            #[status(429)]
            pub struct $name {
                #[payload]
                #[header("retry-after")]
                pub retry: $retry,
                #[payload]
                pub detail: $detail,
            }
        };
    }

    error_type!(Limited, Option<u32>, Option<String>);
}

mod no_prelude {
    #![no_implicit_prelude]

    #[derive(::std::fmt::Debug, ::thiserror::Error, ::httperror::HttpError)]
    pub enum NoPrelude {
        #[error("not found")]
        #[status(NOT_FOUND)]
        NotFound {
            #[payload(flatten)]
            extra: ::std::collections::BTreeMap<::std::string::String, ::core::primitive::u8>,
            #[payload]
            maybe: ::core::option::Option<::core::primitive::u8>,
        },
        #[error("gone")]
        #[status(410)]
        #[message("gone: {0}")]
        Gone(#[payload(rename = "what")] &'static ::core::primitive::str),
        #[error("no content")]
        #[status(204)]
        NoContent,
    }

    /// Composed, with no prelude either.
    #[derive(::std::fmt::Debug, ::thiserror::Error, ::httperror::HttpError)]
    pub enum NoPreludeComposed {
        #[error(transparent)]
        #[http_error(transparent)]
        Inner(NoPrelude),
        #[error("own")]
        #[status(418)]
        Own,
    }

    /// Clients, gRPC and negotiation, with no prelude.
    #[derive(::std::fmt::Debug, ::thiserror::Error, ::httperror::HttpError)]
    #[http_error(code_key = "code", decode, negotiate)]
    pub enum NoPreludeClient {
        #[error("exists")]
        #[status(409)]
        #[http_error(grpc = "ALREADY_EXISTS")]
        Exists {
            #[payload]
            name: ::std::string::String,
            #[payload]
            maybe: ::core::option::Option<::core::primitive::u8>,
            #[payload(flatten)]
            extra: ::std::collections::BTreeMap<::std::string::String, ::core::primitive::u8>,
        },
        #[error(transparent)]
        #[http_error(transparent)]
        Composed(NoPreludeComposed),
    }

    impl ::httperror::client::FromErrorBody for NoPreludeComposed {
        fn from_error_body(_: &::httperror::client::ErrorBody) -> ::core::option::Option<Self> {
            ::core::option::Option::None
        }
    }

    /// Every shape option, with no prelude.
    #[derive(::std::fmt::Debug, ::thiserror::Error, ::httperror::HttpError)]
    #[http_error(envelope_array = "errors", status_key = "status", status_as = "string")]
    #[member("object", "error")]
    #[member("param", null)]
    #[member("weight", -1.5)]
    #[member("big", 18446744073709551615)]
    pub enum NoPreludeShaped {
        #[error("bad")]
        #[status(400)]
        #[member("retry", false)]
        Bad {
            #[payload]
            maybe: ::core::option::Option<::core::primitive::u8>,
        },
    }

    /// Named code and computed members, with no prelude.
    #[derive(::std::fmt::Debug, ::thiserror::Error, ::httperror::HttpError)]
    #[message(with = Self::describe)]
    #[member("kind", with = Self::kind)]
    pub enum NoPreludeCode {
        #[error("a")]
        #[status(400)]
        #[member("hint", "field {field} of {code}")]
        A { field: ::core::primitive::u8 },
        #[error("b")]
        #[status(400)]
        #[message(with = b_message)]
        #[member("twice", with = twice)]
        B(::core::primitive::u8),
        #[error("text")]
        #[status(400)]
        #[http_error(format = "text")]
        Text,
        #[error("chosen")]
        #[status(404 | 409, with = chosen)]
        Chosen(::core::primitive::bool),
    }

    fn chosen(conflict: &::core::primitive::bool) -> ::httperror::StatusCode {
        if *conflict {
            ::httperror::StatusCode::CONFLICT
        } else {
            ::httperror::StatusCode::NOT_FOUND
        }
    }

    impl NoPreludeCode {
        fn describe(&self) -> &'static ::core::primitive::str {
            "described"
        }

        fn kind(&self) -> ::core::primitive::u8 {
            7
        }
    }

    fn b_message(n: &::core::primitive::u8) -> ::std::string::String {
        ::std::format!("b {n}")
    }

    fn twice(n: &::core::primitive::u8) -> ::core::primitive::u16 {
        <::core::primitive::u16 as ::core::convert::From<::core::primitive::u8>>::from(*n) * 2
    }

    #[derive(::std::fmt::Debug, ::thiserror::Error, ::httperror::HttpError)]
    #[http_error(skip_message)]
    pub enum NoPreludeNoMessage {
        #[error("bad")]
        #[status(400)]
        Bad {
            #[payload]
            maybe: ::core::option::Option<::core::primitive::u8>,
            #[payload]
            last: ::core::primitive::u8,
        },
    }

    #[derive(::std::fmt::Debug, ::thiserror::Error, ::httperror::HttpError)]
    #[error("struct")]
    #[status(400)]
    pub struct NoPreludeStruct {
        #[payload]
        pub field: ::core::primitive::bool,
    }
}

use httperror::HttpError;

#[test]
fn shadowed_prelude_names() {
    let error = shadowed::Shadowed::NotFound {
        id: "x".into(),
        maybe: Some(1),
    };
    assert_eq!(
        error.to_json(),
        br#"{"message":"not found: x","code":"not_found","id":"x","maybe":1}"#
    );
    let quota = shadowed::Shadowed::Quota(1, 2);
    assert_eq!(
        quota.to_json(),
        br#"{"message":"1 of 2","code":"quota","used":1,"limit":2}"#
    );
    assert_eq!(shadowed::Shadowed::Teapot.status().as_u16(), 418);
}

#[test]
fn option_fields_from_a_macro() {
    let none = from_a_macro::Limited {
        retry: None,
        detail: None,
    };
    assert_eq!(none.to_json(), br#"{"message":"slow down"}"#);
    assert!(none.to_response().headers().get("retry-after").is_none());
    let some = from_a_macro::Limited {
        retry: Some(3),
        detail: Some("d".into()),
    };
    assert_eq!(
        some.to_json(),
        br#"{"message":"slow down","retry":3,"detail":"d"}"#
    );
    assert_eq!(some.to_response().headers()["retry-after"], "3");
}

#[test]
fn own_types_named_like_standard_ones() {
    let error = own_string::OwnTypes::Conflict {
        version: own_string::String([1, 2]),
        flag: own_string::u64(true),
    };
    assert_eq!(
        error.to_json(),
        br#"{"message":"version 1.2 with flag true","version":[1,2],"flag":true}"#
    );
    assert_eq!(serde_json::to_vec(&error.body()).unwrap(), error.to_json());
}

#[test]
fn shapes_without_a_prelude() {
    let error = no_prelude::NoPreludeShaped::Bad { maybe: Some(1) };
    let expected = br#"{"errors":[{"message":"bad","status":"400","object":"error","param":null,"weight":-1.5,"big":18446744073709551615,"retry":false,"maybe":1}]}"#;
    assert_eq!(error.to_json(), expected);
    assert_eq!(serde_json::to_vec(&error.body()).unwrap(), expected);
    let error = no_prelude::NoPreludeNoMessage::Bad {
        maybe: None,
        last: 2,
    };
    assert_eq!(error.to_json(), br#"{"last":2}"#);
    assert_eq!(serde_json::to_vec(&error.body()).unwrap(), error.to_json());
}

#[test]
fn named_code_without_a_prelude() {
    use no_prelude::NoPreludeCode;
    assert_eq!(
        NoPreludeCode::A { field: 3 }.to_json(),
        br#"{"message":"described","kind":7,"hint":"field 3 of a"}"#
    );
    assert_eq!(
        NoPreludeCode::B(4).to_json(),
        br#"{"message":"b 4","kind":7,"twice":8}"#
    );
    assert_eq!(NoPreludeCode::Text.to_json(), b"described");
    assert_eq!(NoPreludeCode::Chosen(true).status(), 409);
    assert_eq!(NoPreludeCode::Chosen(false).status(), 404);
}

#[test]
fn no_implicit_prelude() {
    let error = no_prelude::NoPrelude::NotFound {
        extra: [("k".into(), 1)].into(),
        maybe: None,
    };
    assert_eq!(error.to_json(), br#"{"message":"not found","k":1}"#);
    assert_eq!(
        no_prelude::NoPrelude::Gone("x").to_json(),
        br#"{"message":"gone: x","what":"x"}"#
    );
    assert!(
        no_prelude::NoPrelude::NoContent
            .to_response()
            .body()
            .is_empty()
    );
    assert_eq!(
        no_prelude::NoPreludeStruct { field: true }.to_json(),
        br#"{"message":"struct","field":true}"#
    );
    let composed = no_prelude::NoPreludeComposed::Inner(no_prelude::NoPrelude::Gone("x"));
    assert_eq!(composed.to_json(), br#"{"message":"gone: x","what":"x"}"#);
    assert_eq!(
        no_prelude::NoPreludeComposed::STATUS_CODES,
        &[204, 404, 410, 418]
    );
}
