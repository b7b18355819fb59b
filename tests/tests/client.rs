//! Typed clients: every variant of a type through `to_response()` and
//! back; the generic body for every format a type answers with (the JSON
//! shape with its envelope and keys, problem details, text/plain, a page);
//! undecodable bodies as error values; and a real response of the example
//! server through reqwest.

use httperror::HttpError;
use httperror::client::{DecodeError, Decoded, ErrorBody, decode, decode_body};
use serde::{Deserialize, Serialize};

#[derive(Debug, thiserror::Error)]
#[error("disk failed")]
struct Disk;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Quota {
    used: u64,
    limit: u64,
}

#[derive(Debug, PartialEq, thiserror::Error, HttpError)]
#[http_error(code_key = "code", decode)]
enum FileError {
    #[error("file {id} not found")]
    #[status(404)]
    NotFound {
        #[payload]
        id: String,
    },
    #[error("slow down")]
    #[status(429)]
    Throttled {
        #[header("retry-after")]
        #[payload]
        retry_after: u32,
        #[payload]
        hint: Option<String>,
    },
    #[error("quota")]
    #[status(507)]
    #[message("quota exceeded")]
    QuotaExceeded(#[payload(flatten)] Quota),
    #[error("tuple {0}")]
    #[status(400)]
    BadName(#[payload(rename = "name")] String),
    #[error("gone")]
    #[status(410)]
    Gone,
    /// Its source never reaches the client.
    #[error("disk")]
    #[status(500)]
    Backend(#[source] Disk),
    /// A field outside the payload never reaches the client either.
    #[error("locked by {owner}")]
    #[status(423)]
    #[message("locked")]
    Locked { owner: String },
}

impl PartialEq for Disk {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

#[derive(Debug, PartialEq, thiserror::Error, HttpError)]
#[http_error(format = "problem", code_key = "code", decode)]
enum Billing {
    #[error("out of credit")]
    #[status(403)]
    OutOfCredit {
        #[payload]
        balance: i64,
    },
}

#[derive(Debug, PartialEq, thiserror::Error, HttpError)]
#[http_error(decode)]
enum AppError {
    #[error(transparent)]
    #[http_error(transparent)]
    File(#[from] FileError),
    #[error(transparent)]
    #[http_error(transparent)]
    Billing(#[from] Billing),
}

#[derive(Debug, PartialEq, thiserror::Error, HttpError)]
#[http_error(envelope_array = "errors", code_key = "code", decode)]
enum Wrapped {
    #[error("conflict on {field}")]
    #[status(409)]
    Conflict {
        #[payload]
        field: String,
    },
}

fn round_trip<E: HttpError + httperror::client::FromErrorBody>(error: &E) -> Decoded<E> {
    let (parts, body) = error.to_response().into_parts();
    decode::<E>(parts.status, &parts.headers, &body).unwrap()
}

#[test]
fn every_variant_that_reaches_the_client_comes_back() {
    for error in [
        FileError::NotFound { id: "a.txt".into() },
        FileError::Throttled {
            retry_after: 30,
            hint: Some("later".into()),
        },
        FileError::Throttled {
            retry_after: 5,
            hint: None,
        },
        FileError::QuotaExceeded(Quota {
            used: 11,
            limit: 10,
        }),
        FileError::BadName("x y".into()),
        FileError::Gone,
    ] {
        let code = error.code();
        match round_trip(&error) {
            Decoded::Known(back) => assert_eq!(back, error, "{code}"),
            Decoded::Other(body) => panic!("{code}: {body:?}"),
        }
    }
}

#[test]
fn a_variant_with_fields_the_client_never_sees_is_the_generic_body() {
    let Decoded::Other(body) = round_trip(&FileError::Backend(Disk)) else {
        panic!("rebuilt a source it never saw")
    };
    assert_eq!(body.status, 500);
    assert_eq!(body.code.as_deref(), Some("backend"));
    assert_eq!(body.message.as_deref(), Some("Internal Server Error"));
    let Decoded::Other(body) = round_trip(&FileError::Locked {
        owner: "ann".into(),
    }) else {
        panic!("rebuilt a field it never saw")
    };
    assert_eq!(body.message.as_deref(), Some("locked"));
    assert!(body.members.is_empty());
}

#[test]
fn problem_details_composed_types_and_envelopes_come_back() {
    let billing = Billing::OutOfCredit { balance: -3 };
    assert_eq!(
        round_trip(&billing),
        Decoded::Known(Billing::OutOfCredit { balance: -3 })
    );
    let app = AppError::from(billing);
    assert_eq!(
        round_trip(&app),
        Decoded::Known(AppError::Billing(Billing::OutOfCredit { balance: -3 }))
    );
    let app = AppError::from(FileError::Gone);
    assert_eq!(
        round_trip(&app),
        Decoded::Known(AppError::File(FileError::Gone))
    );
    let wrapped = Wrapped::Conflict {
        field: "name".into(),
    };
    assert_eq!(
        round_trip(&wrapped),
        Decoded::Known(Wrapped::Conflict {
            field: "name".into()
        })
    );
}

#[test]
fn the_generic_body_of_every_format() {
    let headers = |content_type: &str| {
        let mut headers = http::HeaderMap::new();
        headers.insert("content-type", content_type.parse().unwrap());
        headers
    };
    let status = http::StatusCode::NOT_FOUND;
    let body = decode_body::<FileError>(
        status,
        &headers("application/json"),
        br#"{"message":"file a not found","code":"not_found","id":"a","request_id":"r-1"}"#,
    )
    .unwrap();
    assert_eq!(body.message.as_deref(), Some("file a not found"));
    assert_eq!(body.code.as_deref(), Some("not_found"));
    assert_eq!(body.member::<String>("id").as_deref(), Some("a"));
    assert_eq!(body.member::<String>("request_id").as_deref(), Some("r-1"));
    let body = decode_body::<FileError>(
        status,
        &headers("application/problem+json"),
        br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"gone","code":"not_found","instance":"urn:request-id:r"}"#,
    )
    .unwrap();
    assert_eq!(body.message.as_deref(), Some("gone"));
    assert_eq!(body.code.as_deref(), Some("not_found"));
    assert_eq!(
        body.member::<String>("instance").as_deref(),
        Some("urn:request-id:r")
    );
    let body =
        decode_body::<FileError>(status, &headers("text/plain; charset=utf-8"), b"gone").unwrap();
    assert_eq!(body.message.as_deref(), Some("gone"));
    let body = decode_body::<FileError>(
        status,
        &headers("text/html; charset=utf-8"),
        b"<!DOCTYPE html><title>404</title>",
    )
    .unwrap();
    assert_eq!(body, ErrorBody::clone(&body));
    assert_eq!(body.message, None);
    // No content.
    let body = decode_body::<FileError>(status, &http::HeaderMap::new(), b"").unwrap();
    assert_eq!((body.status, body.message), (status, None));
}

#[test]
fn an_undecodable_body_is_an_error_value() {
    let json = {
        let mut headers = http::HeaderMap::new();
        headers.insert("content-type", "application/json".parse().unwrap());
        headers
    };
    let status = http::StatusCode::BAD_REQUEST;
    for body in [&b"{"[..], b"\xff\xfe", b"nul"] {
        let error = decode_body::<FileError>(status, &json, body).unwrap_err();
        assert!(matches!(error, DecodeError::Json(_)), "{error}");
        assert!(std::error::Error::source(&error).is_some());
    }
    for body in [&b"[1]"[..], b"null", b"\"text\""] {
        let error = decode_body::<FileError>(status, &json, body).unwrap_err();
        assert!(matches!(error, DecodeError::NotAnObject), "{error}");
    }
    let error = decode_body::<Wrapped>(status, &json, br#"{"message":"x"}"#).unwrap_err();
    assert!(
        matches!(error, DecodeError::MissingEnvelope { key: "errors" }),
        "{error}"
    );
    // An empty body is the status alone, whatever its content type says.
    let empty = decode_body::<FileError>(status, &json, b"").unwrap();
    assert_eq!((empty.message, empty.code), (None, None));
    let error = decode_body::<FileError>(status, &http::HeaderMap::new(), b"{}").unwrap_err();
    assert!(matches!(error, DecodeError::MissingContentType), "{error}");
    let mut xml = http::HeaderMap::new();
    xml.insert("content-type", "application/xml".parse().unwrap());
    let error = decode_body::<FileError>(status, &xml, b"<e/>").unwrap_err();
    assert!(matches!(error, DecodeError::MediaType(_)), "{error}");
    let ok = decode_body::<FileError>(http::StatusCode::OK, &json, b"{}").unwrap_err();
    assert!(matches!(ok, DecodeError::NotAnError(_)), "{ok}");
    // A known code whose members do not fit: the generic body, not a panic.
    let decoded = decode::<FileError>(
        http::StatusCode::NOT_FOUND,
        &json,
        br#"{"message":"m","code":"not_found","id":7}"#,
    )
    .unwrap();
    assert!(matches!(decoded, Decoded::Other(_)), "{decoded:?}");
    // A known code at another status: not that variant.
    let decoded = decode::<FileError>(
        http::StatusCode::CONFLICT,
        &json,
        br#"{"message":"m","code":"gone"}"#,
    )
    .unwrap();
    assert!(matches!(decoded, Decoded::Other(_)), "{decoded:?}");
}

/// A JSON type's problem details and a problem type's JSON shape, as the
/// request-id layer negotiates them, with the id's members: read back.
#[test]
fn negotiated_formats_come_back_under_the_layer() {
    #[derive(Debug, PartialEq, thiserror::Error, HttpError)]
    #[http_error(code_key = "code", negotiate, decode)]
    enum Json {
        #[error("quota")]
        #[status(507)]
        #[message("quota exceeded")]
        Quota(#[payload(flatten)] Quota),
        #[error("slow")]
        #[status(429)]
        Slow {
            #[payload]
            hint: Option<String>,
        },
    }
    #[derive(Debug, PartialEq, thiserror::Error, HttpError)]
    #[http_error(format = "problem", code_key = "code", negotiate, decode)]
    enum Problem {
        #[error("out of credit")]
        #[status(403)]
        OutOfCredit {
            #[payload]
            balance: i64,
        },
    }
    fn through<E: HttpError + httperror::client::FromErrorBody>(
        error: &E,
        accept: &str,
    ) -> Decoded<E> {
        let response =
            httperror::__private::with_request("r-9", Some(accept), || error.to_response());
        let (parts, body) = response.into_parts();
        decode::<E>(parts.status, &parts.headers, &body).unwrap()
    }
    let quota = Json::Quota(Quota { used: 3, limit: 2 });
    for accept in ["application/json", "application/problem+json"] {
        // The flattened payload takes neither `request_id` nor the
        // problem's members.
        assert_eq!(
            through(&quota, accept),
            Decoded::Known(Json::Quota(Quota { used: 3, limit: 2 })),
            "{accept}"
        );
        let slow = Json::Slow { hint: None };
        assert_eq!(
            through(&slow, accept),
            Decoded::Known(Json::Slow { hint: None }),
            "{accept}"
        );
    }
    let credit = Problem::OutOfCredit { balance: 5 };
    for accept in ["application/json", "application/problem+json"] {
        assert_eq!(
            through(&credit, accept),
            Decoded::Known(Problem::OutOfCredit { balance: 5 }),
            "{accept}"
        );
    }
    // A page: the generic body, status and headers.
    let Decoded::Other(body) = through(&credit, "text/html") else {
        panic!("a page names no variant")
    };
    assert_eq!(body.status, 403);
    assert_eq!(body.headers["vary"], "Accept");
}

/// Wrapped types with keys of their own, read each with its keys.
#[test]
fn wrapped_types_are_read_with_their_own_keys() {
    #[derive(Debug, PartialEq, thiserror::Error, HttpError)]
    #[http_error(envelope = "error", message_key = "detail", code_key = "type", decode)]
    enum Stripe {
        #[error("card declined")]
        #[status(402)]
        CardDeclined {
            #[payload]
            decline_code: String,
        },
    }
    #[derive(Debug, PartialEq, thiserror::Error, HttpError)]
    #[http_error(code_key = "error", decode)]
    enum Own {
        #[error("teapot")]
        #[status(418)]
        Teapot,
    }
    #[derive(Debug, PartialEq, thiserror::Error, HttpError)]
    #[http_error(code_key = "error", decode)]
    enum Outer {
        #[error("teapot")]
        #[status(418)]
        Mine,
        #[error(transparent)]
        #[http_error(transparent)]
        Stripe(#[from] Stripe),
        #[error(transparent)]
        #[http_error(transparent)]
        File(#[from] FileError),
    }
    let declined = Outer::from(Stripe::CardDeclined {
        decline_code: "insufficient_funds".into(),
    });
    assert_eq!(
        round_trip(&declined),
        Decoded::Known(Outer::Stripe(Stripe::CardDeclined {
            decline_code: "insufficient_funds".into()
        }))
    );
    let file = Outer::from(FileError::NotFound { id: "a".into() });
    assert_eq!(
        round_trip(&file),
        Decoded::Known(Outer::File(FileError::NotFound { id: "a".into() }))
    );
    assert_eq!(round_trip(&Outer::Mine), Decoded::Known(Outer::Mine));
    let _ = Own::Teapot;
}

/// A status chosen at run time, a redirect-free 304, no message member.
#[test]
fn chosen_statuses_no_content_and_no_message_come_back() {
    fn chosen(kind: &u8, _: &String) -> httperror::StatusCode {
        match kind {
            0 => httperror::StatusCode::NOT_FOUND,
            _ => httperror::StatusCode::CONFLICT,
        }
    }
    #[derive(Debug, PartialEq, thiserror::Error, HttpError)]
    #[http_error(code_key = "code", skip_message, decode)]
    enum Db {
        #[error("db")]
        #[status(NOT_FOUND | CONFLICT, with = chosen)]
        Row {
            #[payload]
            kind: u8,
            #[payload]
            message: String,
        },
        #[error("not modified")]
        #[status(304)]
        NotModified,
    }
    for kind in [0, 1] {
        let row = Db::Row {
            kind,
            message: "a member named message".into(),
        };
        assert_eq!(
            round_trip(&row),
            Decoded::Known(Db::Row {
                kind,
                message: "a member named message".into()
            })
        );
    }
    // No content: the status alone names it.
    let (parts, body) = Db::NotModified.to_response().into_parts();
    let decoded = decode_body::<Db>(parts.status, &parts.headers, &body).unwrap();
    assert_eq!((decoded.status.as_u16(), decoded.code), (304, None));
}

/// The example server's 403 over the network, read back into its type.
#[tokio::test]
async fn a_response_of_the_example_server_through_reqwest() {
    use httperror_tests::app::{self, AdminError, Config, TOKEN};
    let router = app::router(Config::default());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let response = client
        .get(format!("http://{addr}/admin/usage"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.unwrap();
    let decoded = decode::<AdminError>(status, &headers, &bytes).unwrap();
    assert!(
        matches!(decoded, Decoded::Known(AdminError::PermissionDenied)),
        "{decoded:?}"
    );
    // A type without `decode`: the generic body, its members kept.
    let response = client
        .get(format!("http://{addr}/files/report.pdf"))
        .send()
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.unwrap();
    let body = decode_body::<app::DownloadError>(status, &headers, &bytes).unwrap();
    assert_eq!(body.status, 404);
    assert_eq!(body.message.as_deref(), Some("file report.pdf not found"));
    assert_eq!(body.member::<String>("id").as_deref(), Some("report.pdf"));
    assert!(body.member::<String>("request_id").is_some());
}
