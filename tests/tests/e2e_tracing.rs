//! With the `tracing` feature, a 5xx is logged once, at error level, with
//! its source chain, while the body shows none of it. One test in this
//! binary: it installs the global subscriber.

mod support;

use httperror::HttpError;
use httperror_tests::app::{self, Config};
use support::Captured;

/// A payload whose `Serialize` fails: a map with non-string keys.
#[derive(Debug, thiserror::Error, HttpError)]
#[error("bad")]
#[status(400)]
struct Unserializable {
    #[payload]
    map: std::collections::BTreeMap<(u8, u8), u8>,
}

#[tokio::test]
async fn a_5xx_is_logged_with_its_chain() {
    let captured = Captured::global();

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(listener, app::router(Config::default()))
            .await
            .unwrap()
    });
    let client = reqwest::Client::builder().no_proxy().build().unwrap();

    let response = client
        .get(format!("http://{addr}/files/corrupt"))
        .header("x-request-id", "t-500")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 500);
    let body = response.text().await.unwrap();
    assert_eq!(
        body,
        r#"{"message":"Internal Server Error","request_id":"t-500"}"#
    );

    // A 4xx is not a server error: not logged.
    let response = client
        .get(format!("http://{addr}/files/missing"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 404);

    // A 5xx without a source: logged with no empty `sources` field.
    let response = client
        .put(format!("http://{addr}/files/big.bin"))
        .bearer_auth(app::TOKEN)
        .body(vec![0u8; 2000])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 507);

    let log = captured.text();
    let lines: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("server error response"))
        .collect();
    assert_eq!(lines.len(), 2, "logged once each:\n{log}");
    let quota = lines[1];
    assert!(quota.contains("status=507"), "{quota}");
    assert!(!quota.contains("sources"), "{quota}");
    let line = lines[0];
    assert!(line.contains("ERROR"), "{line}");
    assert!(line.contains("status=500"), "{line}");
    assert!(line.contains("code=\"backend\""), "{line}");
    // The chain, recorded as a `dyn Error` (which the text subscriber
    // writes as `error.sources`), and the request it answered.
    assert!(
        line.contains("error.sources=[checksum mismatch in /var/lib/storage/blocks/corrupt.blk]"),
        "{line}"
    );
    assert!(
        line.contains(r#"method="GET" route="/files/{id}" request_id="t-500""#),
        "{line}"
    );
    assert!(!log.contains("missing"), "{log}");

    // A body that fails to serialize: a plain 500, and a log line that says
    // why, without the value.
    let response = Unserializable {
        map: [((1, 2), 3)].into(),
    }
    .to_response();
    assert_eq!(response.status().as_u16(), 500);
    let log = captured.text();
    let line = log
        .lines()
        .find(|l| l.contains("failed to serialize"))
        .unwrap_or_else(|| panic!("not logged:\n{log}"));
    assert!(
        line.contains("ERROR") && line.contains("status=400"),
        "{line}"
    );
    assert!(line.contains("key must be a string"), "{line}");

    // An `Abort` given a 1xx answers a 500, and says why in the log.
    let response = httperror::Abort::new(httperror::StatusCode::CONTINUE).to_response();
    assert_eq!(response.status().as_u16(), 500);
    let log = captured.text();
    let line = log
        .lines()
        .find(|l| l.contains("interim (1xx) status"))
        .unwrap_or_else(|| panic!("not logged:\n{log}"));
    assert!(
        line.contains("ERROR") && line.contains("given=100"),
        "{line}"
    );
}
