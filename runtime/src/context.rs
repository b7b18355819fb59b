//! The request an error is rendered for: its id and its `Accept`, made
//! visible to the rendering by the request-id layer for as long as it
//! polls the request's future, so a body is written once, in the format
//! the request prefers, id included. Without the layer there is no
//! context: bodies and their cost are as they were.

// Without the `request-id` feature no layer makes a context: only the
// rendering's side is used.
#![cfg_attr(not(feature = "request-id"), allow(dead_code))]

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context as TaskContext, Poll};

use http::HeaderValue;

use crate::__private::escape_into;
use crate::html::PageFn;

/// What the request-id layers put in error bodies and on responses: the
/// header the id is read from and written to, the body member that
/// carries it, the prefix of a problem's `instance`, and the HTML page a
/// negotiating error answers a browser with.
#[derive(Clone, Debug)]
pub struct RequestIdConfig {
    pub(crate) header: http::HeaderName,
    pub(crate) member: Cow<'static, str>,
    pub(crate) instance_prefix: Cow<'static, str>,
    pub(crate) html_page: PageFn,
}

impl Default for RequestIdConfig {
    fn default() -> Self {
        RequestIdConfig::new()
    }
}

impl RequestIdConfig {
    /// `x-request-id`, the `request_id` member, `urn:request-id:`. A
    /// constant, for utoipa's `modifiers(&REQUEST_ID)`: it documents the
    /// members the layer adds (with the `utoipa` feature).
    pub const fn new() -> Self {
        RequestIdConfig {
            header: http::HeaderName::from_static("x-request-id"),
            member: Cow::Borrowed("request_id"),
            instance_prefix: Cow::Borrowed("urn:request-id:"),
            html_page: crate::html::default_page,
        }
    }

    /// The header the id is read from and answered in (`x-request-id`).
    #[must_use]
    pub fn header(mut self, name: http::HeaderName) -> Self {
        self.header = name;
        self
    }

    /// The body member that carries the id (`request_id`).
    #[must_use]
    pub fn member(mut self, key: impl Into<Cow<'static, str>>) -> Self {
        self.member = key.into();
        self
    }

    /// The prefix of a problem's `instance` (`urn:request-id:`).
    #[must_use]
    pub fn instance_prefix(mut self, prefix: impl Into<Cow<'static, str>>) -> Self {
        self.instance_prefix = prefix.into();
        self
    }

    /// The page a negotiating error answers a request that prefers
    /// `text/html` with ([`default_page`](crate::html::default_page)): a
    /// function of the error's public facts, whose values it must escape
    /// ([`Escape`](crate::html::Escape)).
    #[must_use]
    pub const fn html_page(mut self, page: PageFn) -> Self {
        self.html_page = page;
        self
    }

    /// The id of a request: the client's, where it is 1 to 128 bytes of
    /// `[A-Za-z0-9._:-]`, else a fresh one from `fresh` (anything else
    /// the client sent is never reflected).
    #[cfg_attr(not(any(feature = "axum", feature = "actix-web")), allow(dead_code))]
    pub(crate) fn id_for(
        &self,
        sent: Option<&HeaderValue>,
        fresh: impl FnOnce() -> String,
    ) -> RequestId {
        let sent = sent
            .and_then(|value| value.to_str().ok())
            .filter(|id| is_valid_id(id));
        RequestId(Arc::from(sent.map_or_else(fresh, str::to_owned)))
    }
}

/// A request's id: the client's `x-request-id` where it is a valid one,
/// else made by the layer. In the request's extensions for handlers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestId(Arc<str>);

impl RequestId {
    /// The id.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// As a header value (its characters are all valid in one).
    #[cfg_attr(not(feature = "axum"), allow(dead_code))]
    pub(crate) fn header_value(&self) -> Option<HeaderValue> {
        HeaderValue::from_str(&self.0).ok()
    }
}

impl std::fmt::Display for RequestId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// 1 to 128 bytes of `[A-Za-z0-9._:-]`.
pub(crate) fn is_valid_id(id: &str) -> bool {
    (1..=128).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-'))
}

/// The facts of an error a response was rendered from, in the response's
/// extensions under a request-id layer, for middleware: metrics by code,
/// logs, error reporting. Without the layer, no extension is added.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ErrorInfo {
    /// The status answered.
    pub status: http::StatusCode,
    /// The machine code.
    pub code: &'static str,
    /// The public message.
    pub message: Cow<'static, str>,
}

/// One request's context.
#[derive(Debug)]
pub(crate) struct RequestContext {
    pub(crate) id: RequestId,
    pub(crate) config: Arc<RequestIdConfig>,
    /// The request's method and matched route, for logs (feature
    /// `tracing`).
    #[cfg_attr(not(feature = "tracing"), allow(dead_code))]
    pub(crate) method: Option<Box<str>>,
    #[cfg_attr(not(feature = "tracing"), allow(dead_code))]
    pub(crate) route: Option<Box<str>>,
    /// The request's `Accept`, its values joined, for negotiating errors.
    pub(crate) accept: Option<HeaderValue>,
}

thread_local! {
    static CURRENT: RefCell<Option<Arc<RequestContext>>> = const { RefCell::new(None) };
    /// Whether `CURRENT` holds a context: read alone on every response,
    /// so that without a layer the check is one thread-local load (a
    /// `Cell<bool>` needs no lazy registration, unlike the `Arc`'s slot).
    static ACTIVE: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` with `context` visible to the rendering, then restores what
/// was visible before (a nested scope, or none).
pub(crate) fn scope<R>(context: &Arc<RequestContext>, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Arc<RequestContext>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0.take();
            let active = previous.is_some();
            let _ = CURRENT.try_with(|current| *current.borrow_mut() = previous);
            ACTIVE.set(active);
        }
    }
    let previous = CURRENT
        .try_with(|current| current.borrow_mut().replace(Arc::clone(context)))
        .ok()
        .flatten();
    ACTIVE.set(true);
    let _restore = Restore(previous);
    f()
}

/// The request's context, where a layer has made one visible.
pub(crate) fn current() -> Option<Arc<RequestContext>> {
    if !ACTIVE.get() {
        return None;
    }
    CURRENT
        .try_with(|current| current.borrow().clone())
        .ok()
        .flatten()
}

/// A future polled with its request's context visible to the rendering.
#[cfg_attr(not(any(feature = "axum", feature = "actix-web")), allow(dead_code))]
pub(crate) struct Scoped<F> {
    pub(crate) context: Arc<RequestContext>,
    pub(crate) future: Pin<Box<F>>,
}

impl<F: Future> Future for Scoped<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<F::Output> {
        let this = &mut *self;
        scope(&this.context, || this.future.as_mut().poll(cx))
    }
}

/// Whether a request's context is visible: a derived body then takes the
/// written path, id included.
#[doc(hidden)]
#[inline]
pub fn active() -> bool {
    ACTIVE.get()
}

/// `,"request_id":"<id>"` (the configured key) at the end of a JSON
/// body's object, unless the body has a member of that key (`keys`, known
/// to the derive): the payload wins.
#[doc(hidden)]
pub fn write_id_member(out: &mut Vec<u8>, keys: &[&str]) {
    let Some(context) = current() else { return };
    let key = context.config.member.as_ref();
    if keys.contains(&key) {
        return;
    }
    if out.last().is_some_and(|&last| last != b'{') {
        out.push(b',');
    }
    string_into(out, key);
    out.push(b':');
    string_into(out, context.id.as_str());
}

fn string_into(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    escape_into(out, s);
    out.push(b'"');
}

/// `,"instance":"urn:request-id:<id>"` after a problem's `detail`.
#[doc(hidden)]
pub fn write_instance_member(out: &mut Vec<u8>) {
    let Some(context) = current() else { return };
    out.extend_from_slice(b",\"instance\":\"");
    escape_into(out, &context.config.instance_prefix);
    escape_into(out, context.id.as_str());
    out.push(b'"');
}

/// Runs `f` as the request-id layer runs a request with this id: for
/// benchmarks and tests of the rendering alone.
#[doc(hidden)]
pub fn with_request_id<R>(id: &str, f: impl FnOnce() -> R) -> R {
    with_request(id, None, f)
}

/// Runs `f` as the request-id layer runs a request with this id and
/// `Accept`: for tests of the rendering alone.
#[doc(hidden)]
pub fn with_request<R>(id: &str, accept: Option<&str>, f: impl FnOnce() -> R) -> R {
    thread_local! {
        // One configuration for every request, as a layer has.
        static CONFIG: Arc<RequestIdConfig> = Arc::new(RequestIdConfig::new());
    }
    let context = Arc::new(RequestContext {
        id: RequestId(Arc::from(id)),
        config: CONFIG.with(Arc::clone),
        method: None,
        route: None,
        accept: accept.and_then(|accept| HeaderValue::from_str(accept).ok()),
    });
    scope(&context, f)
}

/// The request-id layer: it gives every request an id and every error its
/// request's id. A tower `Layer` with the `axum` feature
/// (`.layer(httperror::axum::RequestIdLayer::new())`) and actix-web
/// middleware with `actix-web`
/// (`.wrap(httperror::actix::RequestIdLayer::new())`); feature
/// `request-id`. The id is the client's `x-request-id` where it is 1 to 128
/// bytes of `[A-Za-z0-9._:-]`, else a fresh UUID v7 (the client's other
/// values are never reflected). It is
///
/// - on every response, in the same header;
/// - in every error body httperror renders while the request runs
///   (handlers' errors, rejections, the router's 404 and 405, and a panic's
///   500): a `request_id` member at the end of the JSON object (inside an
///   envelope), or `instance` (`urn:request-id:<id>`) in problem details.
///   A body with a member of the same key keeps its own; the header still
///   carries the id;
/// - in the request's extensions, as [`RequestId`], and in its header, for
///   handlers;
/// - and every response rendered from an [`HttpError`](crate::HttpError)
///   carries its [`ErrorInfo`] in its extensions, for middleware.
///
/// Add it outermost: with axum, as the router's last `.layer(..)` (after
/// tower-http's `CatchPanicLayer`; `Router::layer` runs after routing, so
/// events have the matched route); with actix-web, as the last `.wrap(..)`
/// (after `httperror::actix::CatchPanic`), where an error that reaches it
/// unrendered is rendered, id included.
///
/// ```
/// # #[cfg(all(feature = "axum", feature = "actix-web"))] {
/// use httperror::RequestIdConfig;
///
/// let app: axum::Router = axum::Router::new()
///     .route("/", axum::routing::get(|| async { "ok" }))
///     .layer(tower_http::catch_panic::CatchPanicLayer::custom(httperror::axum::panic_response))
///     .layer(httperror::axum::RequestIdLayer::new());
///
/// let app2 = actix_web::App::new()
///     .route("/", actix_web::web::get().to(|| async { "ok" }))
///     .wrap(httperror::actix::CatchPanic::new())
///     .wrap(httperror::actix::RequestIdLayer::new());
///
/// // Another header, member and `instance` prefix:
/// let layer = httperror::axum::RequestIdLayer::with_config(
///     RequestIdConfig::default().member("trace_id").instance_prefix("https://errors.example.com/"),
/// );
/// # let _ = (app, app2, layer);
/// # }
/// ```
#[cfg(feature = "request-id")]
#[derive(Clone, Debug, Default)]
pub struct RequestIdLayer {
    #[cfg_attr(not(any(feature = "axum", feature = "actix-web")), allow(dead_code))]
    pub(crate) config: Arc<RequestIdConfig>,
}

#[cfg(feature = "request-id")]
impl RequestIdLayer {
    /// `x-request-id`, the `request_id` member, `urn:request-id:`.
    pub fn new() -> Self {
        RequestIdLayer::default()
    }

    /// With another header, member or `instance` prefix.
    pub fn with_config(config: RequestIdConfig) -> Self {
        RequestIdLayer {
            config: Arc::new(config),
        }
    }
}

/// One request's context: its id (the client's valid one, else a fresh
/// UUID v7), method, matched route and `Accept`.
#[cfg(feature = "request-id")]
#[cfg_attr(not(any(feature = "axum", feature = "actix-web")), allow(dead_code))]
pub(crate) fn begin(
    config: &Arc<RequestIdConfig>,
    sent: Option<&HeaderValue>,
    accept: Option<HeaderValue>,
    method: &str,
    route: Option<Box<str>>,
) -> Arc<RequestContext> {
    Arc::new(RequestContext {
        id: config.id_for(sent, || uuid::Uuid::now_v7().to_string()),
        config: Arc::clone(config),
        method: Some(Box::from(method)),
        route,
        accept,
    })
}

/// A request's `Accept`: its one value, or its values joined as one list
/// (RFC 9110 §5.3).
#[cfg(feature = "request-id")]
#[cfg_attr(not(any(feature = "axum", feature = "actix-web")), allow(dead_code))]
pub(crate) fn accept_of(mut values: impl Iterator<Item = HeaderValue>) -> Option<HeaderValue> {
    let first = values.next()?;
    let Some(second) = values.next() else {
        return Some(first);
    };
    let mut joined = first.as_bytes().to_vec();
    // Negotiation reads no more than its first 4 KiB.
    for value in [second].into_iter().chain(values) {
        if joined.len() >= crate::negotiate::MAX_BYTES {
            break;
        }
        joined.extend_from_slice(b", ");
        joined.extend_from_slice(value.as_bytes());
    }
    HeaderValue::from_bytes(&joined).ok()
}
