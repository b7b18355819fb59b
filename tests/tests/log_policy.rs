//! The logging policy: a level per type and per variant
//! (`#[http_error(log = "..")]`, `off` included); by default 5xx at error
//! with the source chain and 4xx not at all; a 5xx is never logged without
//! its chain.

mod support;

use httperror::HttpError;
use support::Captured;

#[derive(Debug, thiserror::Error)]
#[error("disk full on /var/lib/store")]
struct Disk;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "code")]
enum Default {
    #[error("missing")]
    #[status(404)]
    Missing,
    #[error("store failed")]
    #[status(500)]
    Store(#[source] Disk),
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "code", log = "info")]
enum Policy {
    /// The type's level.
    #[error("rate limited")]
    #[status(429)]
    Limited,
    /// Its own level.
    #[error("conflict")]
    #[status(409)]
    #[http_error(log = "warn")]
    Conflict,
    /// Not logged at all.
    #[error("probe failed")]
    #[status(503)]
    #[http_error(log = "off")]
    Probe,
    /// A 5xx below error level, still with its chain.
    #[error("store failed")]
    #[status(500)]
    #[http_error(log = "warn")]
    Store(#[source] Disk),
}

/// A composed error keeps each inner error's policy.
#[derive(Debug, thiserror::Error, HttpError)]
enum App {
    #[error(transparent)]
    #[http_error(transparent)]
    Policy(#[from] Policy),
}

fn logged(respond: impl FnOnce()) -> String {
    let captured = Captured::default();
    tracing::subscriber::with_default(
        {
            let writer = captured.clone();
            tracing_subscriber::fmt()
                .with_ansi(false)
                .with_max_level(tracing::Level::TRACE)
                .with_writer(move || writer.clone())
                .finish()
        },
        respond,
    );
    captured.text()
}

#[test]
fn by_default_5xx_at_error_with_the_chain_and_4xx_not_at_all() {
    assert_eq!(logged(|| drop(Default::Missing.to_response())), "");
    let log = logged(|| drop(Default::Store(Disk).to_response()));
    assert!(log.contains(" ERROR "), "{log}");
    assert!(log.contains("status=500 code=\"store\""), "{log}");
    assert!(
        log.contains("error.sources=[disk full on /var/lib/store]"),
        "{log}"
    );
    // And as text, for subscribers that write a `dyn Error` as its
    // `Display` alone (JSON ones).
    assert!(log.contains("sources=disk full on /var/lib/store"), "{log}");
}

#[test]
fn a_level_per_type_and_per_variant() {
    let log = logged(|| drop(Policy::Limited.to_response()));
    assert!(
        log.contains(" INFO ") && log.contains("error response status=429"),
        "{log}"
    );
    let log = logged(|| drop(Policy::Conflict.to_response()));
    assert!(
        log.contains(" WARN ") && log.contains("status=409"),
        "{log}"
    );
    assert_eq!(logged(|| drop(Policy::Probe.to_response())), "");
    let log = logged(|| drop(Policy::Store(Disk).to_response()));
    assert!(
        log.contains(" WARN ") && log.contains("server error response"),
        "{log}"
    );
    assert!(
        log.contains("error.sources=[disk full on /var/lib/store]"),
        "{log}"
    );
    // Through a transparent variant, the inner error's policy.
    let log = logged(|| drop(App::from(Policy::Conflict).to_response()));
    assert!(
        log.contains(" WARN ") && log.contains("status=409"),
        "{log}"
    );
    assert_eq!(logged(|| drop(App::from(Policy::Probe).to_response())), "");
}

#[test]
fn a_level_below_the_subscriber_s_is_not_logged() {
    let captured = Captured::default();
    tracing::subscriber::with_default(
        {
            let writer = captured.clone();
            tracing_subscriber::fmt()
                .with_ansi(false)
                .with_max_level(tracing::Level::WARN)
                .with_writer(move || writer.clone())
                .finish()
        },
        || drop(Policy::Limited.to_response()),
    );
    assert_eq!(captured.text(), "");
}
