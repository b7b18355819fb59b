//! With the `tracing` feature: server errors, logged where they become
//! responses, with the detail the response itself never shows.

use std::fmt;

use http::StatusCode;

use crate::HttpError;

/// Whether an error event would be recorded: checked inline, so a server
/// that logs nothing pays a load and a compare per 5xx.
#[inline]
pub(crate) fn enabled() -> bool {
    tracing::Level::ERROR <= tracing::level_filters::STATIC_MAX_LEVEL
        && tracing::Level::ERROR <= tracing::level_filters::LevelFilter::current()
}

/// Logs an error that became a response, at its policy's level
/// (`#[http_error(log = "..")]`; by default 5xx at error and 4xx not at
/// all): status, code, its `Display` and always its `source()` chain;
/// under a request-id layer, the request's method, matched route and id.
/// An error that is `'static` is recorded as a `dyn Error` field, so
/// error reporting (Sentry's tracing layer) builds the exception chain
/// from it; a subscriber that formats text writes its chain as
/// `error.sources`.
#[inline]
pub(crate) fn response<E: HttpError + ?Sized>(error: &E, status: StatusCode) {
    use crate::__private::LogPolicy;
    use tracing::Level;
    let level = match error.log_policy() {
        LogPolicy::ByStatus if status.is_server_error() => Level::ERROR,
        LogPolicy::ByStatus | LogPolicy::Off => return,
        LogPolicy::Error => Level::ERROR,
        LogPolicy::Warn => Level::WARN,
        LogPolicy::Info => Level::INFO,
        LogPolicy::Debug => Level::DEBUG,
        LogPolicy::Trace => Level::TRACE,
    };
    if level <= tracing::level_filters::STATIC_MAX_LEVEL
        && level <= tracing::level_filters::LevelFilter::current()
        && !QUIET.with(std::cell::Cell::get)
    {
        event(error, status, level);
    }
}

thread_local! {
    /// Set while a response is rendered for something already logged.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Renders with the response's own event left out: a panic's 500, whose
/// panic was logged with its message (one event per panic, one Sentry
/// issue).
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) fn quietly<R>(render: impl FnOnce() -> R) -> R {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            QUIET.with(|quiet| quiet.set(self.0));
        }
    }
    let _restore = Restore(QUIET.with(|quiet| quiet.replace(true)));
    render()
}

fn event<E: HttpError + ?Sized>(error: &E, status: StatusCode, level: tracing::Level) {
    use tracing::Level;
    let context = crate::context::current();
    let (method, route, request_id) = match &context {
        Some(context) => (
            context.method.as_deref(),
            context.route.as_deref(),
            Some(context.id.as_str()),
        ),
        None => (None, None, None),
    };
    let what = if status.is_server_error() {
        "server error response"
    } else {
        "error response"
    };
    macro_rules! at {
        ($level:expr) => {
            match error.reported_error() {
                // The chain twice: as a `dyn Error` for error reporting, and
                // as text for every subscriber (a JSON one writes a
                // `dyn Error` as its `Display` alone).
                Some(dyn_error) => tracing::event!(
                    $level,
                    status = status.as_u16(),
                    code = error.code(),
                    error = dyn_error,
                    sources = error.source().map(|_| tracing::field::display(Sources(error))),
                    method,
                    route,
                    request_id,
                    "{what}",
                ),
                None => tracing::event!(
                    $level,
                    status = status.as_u16(),
                    code = error.code(),
                    error = %error,
                    sources = error.source().map(|_| tracing::field::display(Sources(error))),
                    method,
                    route,
                    request_id,
                    "{what}",
                ),
            }
        };
    }
    match level {
        Level::ERROR => at!(Level::ERROR),
        Level::WARN => at!(Level::WARN),
        Level::INFO => at!(Level::INFO),
        Level::DEBUG => at!(Level::DEBUG),
        _ => at!(Level::TRACE),
    }
}

/// Logs a status chosen at run time outside the variant's declared set,
/// answered with a 500.
pub(crate) fn undeclared_status<E: ?Sized>(chosen: StatusCode, code: &'static str) {
    tracing::error!(
        status = chosen.as_u16(),
        code,
        r#type = std::any::type_name::<E>(),
        "a status outside the variant's declared set was chosen; answered with a 500",
    );
}

/// Logs a handler's panic, answered with a 500 that shows nothing of it.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) fn panicked(panic: &(dyn std::any::Any + Send)) {
    // The `&str` or `String` the panic was given.
    let message = if let Some(message) = panic.downcast_ref::<&str>() {
        message
    } else if let Some(message) = panic.downcast_ref::<String>() {
        message.as_str()
    } else {
        "(a panic whose payload is not a string)"
    };
    let context = crate::context::current();
    let request_id = context.as_ref().map(|context| context.id.as_str());
    let method = context
        .as_ref()
        .and_then(|context| context.method.as_deref());
    let route = context
        .as_ref()
        .and_then(|context| context.route.as_deref());
    tracing::error!(
        panic = message,
        method,
        route,
        request_id,
        "a handler panicked; answered with a 500"
    );
}

/// Logs a body that failed to serialize, which is answered with a plain 500.
pub(crate) fn serialization_failed<E: HttpError + ?Sized>(error: &E, cause: &serde_json::Error) {
    tracing::error!(
        status = error.status().as_u16(),
        code = error.code(),
        error = %error,
        cause = %cause,
        "error response body failed to serialize; answered with a plain 500",
    );
}

/// Logs flattened payload members left out of one body because the
/// crate's own members or earlier ones had their names: how many, and the
/// first few names, escaped (they may come from the request); never their
/// values.
pub(crate) fn flattened_members_dropped(code: &'static str, count: usize, names: &[String]) {
    tracing::warn!(
        code,
        left_out = count,
        names = ?names,
        "payload members left out of an error body: their names are taken",
    );
}

/// Logs an `Abort` given a 1xx, which answers a 500 instead.
pub(crate) fn interim_status_refused(status: StatusCode) {
    tracing::error!(
        given = status.as_u16(),
        "Abort given an interim (1xx) status, never an error's answer; it answers 500",
    );
}

/// The `source()` chain, `outer: inner: innermost`.
struct Sources<'a, E: ?Sized>(&'a E);

impl<E: HttpError + ?Sized> fmt::Display for Sources<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let mut source = self.0.source();
        let mut first = true;
        while let Some(error) = source {
            if !first {
                f.write_str(": ")?;
            }
            write!(f, "{error}")?;
            first = false;
            source = error.source();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Sources;

    #[derive(Debug, thiserror::Error)]
    #[error("pool exhausted")]
    struct Pool(#[source] std::io::Error);

    #[derive(Debug, thiserror::Error, crate::HttpError)]
    enum StorageError {
        #[error("backend failure")]
        #[status(500)]
        Backend(#[source] Pool),
        #[error("no source")]
        #[status(503)]
        Alone,
    }

    #[test]
    fn the_chain_reads_outer_to_inner() {
        let error = StorageError::Backend(Pool(std::io::Error::other("disk on fire")));
        assert_eq!(Sources(&error).to_string(), "pool exhausted: disk on fire");
        assert_eq!(Sources(&StorageError::Alone).to_string(), "");
    }
}
