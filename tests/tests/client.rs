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
    for body in [&b"{"[..], b"[1]", b"\xff\xfe", b"", b"null"] {
        let error = decode_body::<FileError>(status, &json, body).unwrap_err();
        assert!(matches!(error, DecodeError::Json(_)), "{error}");
    }
    let error = decode_body::<Wrapped>(status, &json, br#"{"message":"x"}"#).unwrap_err();
    assert!(error.to_string().contains("`errors` envelope"), "{error}");
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
