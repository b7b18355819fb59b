//! Error reporting through tracing: with Sentry's tracing layer, a 5xx
//! becomes one Sentry event whose exceptions are the error and its source
//! chain, with the request's id; a 4xx becomes none. Sentry's test
//! transport, on one thread.

use httperror::HttpError;
use tracing_subscriber::prelude::*;

#[derive(Debug, thiserror::Error)]
#[error("checksum mismatch in block 7")]
struct Checksum;

#[derive(Debug, thiserror::Error)]
#[error("the block store failed")]
struct Store(#[source] Checksum);

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "code")]
enum FileError {
    #[error("file missing")]
    #[status(404)]
    Missing,
    #[error("backend failure")]
    #[status(500)]
    Backend(#[source] Store),
}

#[test]
fn a_5xx_becomes_one_event_with_its_chain_and_a_4xx_none() {
    let events = sentry::test::with_captured_events(|| {
        let subscriber = tracing_subscriber::registry().with(sentry_tracing::layer());
        tracing::subscriber::with_default(subscriber, || {
            httperror::__private::with_request_id("req-7", || {
                drop(FileError::Backend(Store(Checksum)).to_response());
                drop(FileError::Missing.to_response());
            });
        });
    });
    assert_eq!(events.len(), 1, "{events:#?}");
    let event = &events[0];
    assert_eq!(event.level, sentry::Level::Error);
    let values: Vec<&str> = event
        .exception
        .values
        .iter()
        .filter_map(|exception| exception.value.as_deref())
        .collect();
    // The error and each of its sources, innermost first as Sentry orders
    // a chain.
    assert_eq!(
        values,
        [
            "checksum mismatch in block 7",
            "the block store failed",
            "backend failure"
        ],
        "{event:#?}"
    );
    let json = serde_json::to_string(event).unwrap();
    assert!(json.contains(r#""request_id":"req-7""#), "{json}");
    assert!(json.contains(r#""code":"backend""#), "{json}");
}
