//! One `#[derive(HttpError)]` on an error enum gives every variant its HTTP
//! status, a JSON body in the Flask `to_dict()` shape (`{"message": ...,
//! <payload fields>}`), and a complete `http::Response`; and it refuses at
//! compile time what HTTP forbids.
//!
//! ```
//! use httperror::HttpError;
//!
//! #[derive(Debug, thiserror::Error, HttpError)]
//! pub enum StorageError {
//!     /// No file with this id exists.
//!     #[error("file {id} not found")]
//!     #[status(404)]
//!     NotFound { #[payload] id: String },
//!
//!     /// The upload does not fit in the remaining quota.
//!     #[error("quota exceeded: {used} of {limit} bytes used")]
//!     #[status(507)]
//!     #[message("quota exceeded: {used} of {limit} bytes used")]
//!     QuotaExceeded { #[payload] used: u64, #[payload] limit: u64 },
//!
//!     /// The storage backend failed.
//!     #[error("backend failure: {0}")]
//!     #[status(500)]
//!     Backend(#[source] std::io::Error),
//! }
//!
//! let response = StorageError::QuotaExceeded { used: 10, limit: 8 }.to_response();
//! assert_eq!(response.status().as_u16(), 507);
//! assert_eq!(response.headers()["content-type"], "application/json");
//! assert_eq!(
//!     response.body().as_ref(),
//!     br#"{"message":"quota exceeded: 10 of 8 bytes used","used":10,"limit":8}"#,
//! );
//!
//! // A 5xx shows its reason phrase, never the source error's text.
//! let response = StorageError::Backend(std::io::Error::other("disk on fire")).to_response();
//! assert_eq!(response.body().as_ref(), br#"{"message":"Internal Server Error"}"#);
//! ```
//!
//! The derive implements [`HttpError`]: [`status`](HttpError::status),
//! [`code`](HttpError::code), [`message`](HttpError::message),
//! [`to_dict`](HttpError::to_dict), [`to_json`](HttpError::to_json),
//! [`to_response`](HttpError::to_response), a `Serialize` view of the body
//! ([`body`](HttpError::body)) and
//! [`STATUS_CODES`](HttpError::STATUS_CODES). It does not implement
//! `Display` or `Error`: use `thiserror` (as here) or write them, and keep
//! `#[derive(Serialize)]` free for your own use.
//!
//! # `#[status]`
//!
//! On a variant, a struct, or the enum (the default for variants without
//! one): an integer in 100..=999, a `StatusCode` constant name, or a code
//! without a registered reason phrase together with one.
//!
//! ```
//! # use httperror::HttpError;
//! #[derive(Debug, thiserror::Error, HttpError)]
//! #[status(BAD_REQUEST)] // variants without their own status
//! enum ApiError {
//!     #[error("invalid input")]
//!     Invalid,
//!     #[error("no such user")]
//!     #[status(StatusCode::NOT_FOUND)]
//!     NoUser,
//!     #[error("upstream timed out")]
//!     #[status(599, reason = "Network Connect Timeout")]
//!     Upstream,
//! }
//!
//! assert_eq!(ApiError::Invalid.status().as_u16(), 400);
//! assert_eq!(ApiError::NoUser.status().as_u16(), 404);
//! assert_eq!(ApiError::Upstream.message(), "Network Connect Timeout");
//! assert_eq!(ApiError::STATUS_CODES, &[400, 404, 599]);
//! ```
//!
//! A misspelled name is an error that names the right one:
//!
//! ```compile_fail
//! # use httperror::HttpError;
//! #[derive(Debug, thiserror::Error, HttpError)]
//! enum ApiError {
//!     #[error("full")]
//!     #[status(INSUFICIENT_STORAGE)] // did you mean `INSUFFICIENT_STORAGE`?
//!     Full,
//! }
//! ```
//!
//! # `#[message]`
//!
//! The public message, a `format!` template over the fields (`{field}`,
//! `{0}`, `{x:?}`, `{n:>5}`). Without it, a non-5xx answers with its
//! `Display`, and a 5xx with its reason phrase, so internal text reaches a
//! client only where a message was written for it. Where `Display` is
//! thiserror's `#[error("...")]` literal, the derive reads that literal at
//! compile time: without arguments it is a static body, and with integer
//! or string arguments it is written without a formatter, to the same text.
//!
//! ```
//! # use httperror::HttpError;
//! #[derive(Debug, thiserror::Error, HttpError)]
//! enum ApiError {
//!     #[error("pool exhausted after {0} tries")]
//!     #[status(503)]
//!     #[message("busy, retry in {1} s")]
//!     Busy(u32, u32),
//!     #[error("pool exhausted after {0} tries")]
//!     #[status(503)]
//!     Exhausted(u32),
//!     #[error("name {0:?} is taken")]
//!     #[status(409)]
//!     Taken(String),
//! }
//!
//! assert_eq!(ApiError::Busy(3, 10).message(), "busy, retry in 10 s");
//! assert_eq!(ApiError::Exhausted(3).message(), "Service Unavailable");
//! assert_eq!(ApiError::Taken("ada".into()).message(), r#"name "ada" is taken"#);
//! ```
//!
//! A message over fields that are not payload (or named code, below) is
//! not known at compile time, so the OpenAPI examples cannot show it:
//! `#[message("{detail}", example = "The end date is before the start
//! date.")]` gives the message the examples show.
//!
//! # `#[payload]`
//!
//! A field with `#[payload]` goes into the body under its name (raw
//! identifiers lose their `r#`), after the message, in field order; other
//! fields never reach the client. `rename = ".."` gives another key,
//! `flatten` merges a struct's or a string-keyed map's own keys (Flask's
//! `payload` dict). An `Option` that is `None` is left out. The type needs
//! `serde::Serialize`.
//!
//! A body never names a top-level member twice: JSON parsers disagree on
//! which of two wins, and a map built from the request could otherwise rewrite the
//! public message. Two explicit keys that meet, or one that meets the
//! message, code or status key or a `#[member]`, do not compile. A
//! flattened member whose name the crate's own members (message, code and
//! status keys, each `#[member]`, the problem members) or an explicit
//! payload key of the variant already use, or an earlier flattened member
//! wrote, is left out, in `to_json`, `to_response`, `to_dict` and the
//! `Serialize` view alike; with the `tracing` feature its name (never its
//! value) is logged at warn level, once per body, with how many were left
//! out.
//!
//! ```
//! # use httperror::HttpError;
//! # use std::collections::BTreeMap;
//! #[derive(Debug, thiserror::Error, HttpError)]
//! enum ApiError {
//!     #[error("invalid field {field}")]
//!     #[status(422)]
//!     Invalid {
//!         #[payload]
//!         field: &'static str,
//!         #[payload(rename = "hint")]
//!         suggestion: Option<&'static str>,
//!         #[payload(flatten)]
//!         extra: BTreeMap<String, u32>,
//!         internal_id: u64, // never sent
//!     },
//!     #[error("not found")]
//!     #[status(404)]
//!     NotFound(#[payload(rename = "id")] u32),
//! }
//!
//! let error = ApiError::Invalid {
//!     field: "email",
//!     suggestion: None,
//!     extra: BTreeMap::from([("max_length".to_owned(), 64)]),
//!     internal_id: 7,
//! };
//! assert_eq!(
//!     error.to_json(),
//!     br#"{"message":"invalid field email","field":"email","max_length":64}"#,
//! );
//! assert_eq!(ApiError::NotFound(3).to_json(), br#"{"message":"not found","id":3}"#);
//!
//! let spoofed = ApiError::Invalid {
//!     field: "email",
//!     suggestion: None,
//!     extra: BTreeMap::from([("message".to_owned(), 1), ("field".to_owned(), 2)]),
//!     internal_id: 7,
//! };
//! assert_eq!(
//!     spoofed.to_json(),
//!     br#"{"message":"invalid field email","field":"email"}"#,
//! );
//! ```
//!
//! # `#[http_error(..)]`
//!
//! On the enum or struct: `message_key = ".."` renames the message key,
//! `code_key = ".."` adds the machine code to the body, `rename_all = ".."`
//! renames payload keys with serde's rules (an explicit `rename` wins). On a
//! variant or struct: `code = ".."` replaces the machine code, which is
//! otherwise the variant name in snake_case. Envelopes, fixed members, the
//! status as a member and bodies without a message are in [Matching an
//! existing API](#matching-an-existing-api); `negotiate`, a format by the
//! request's `Accept`, in [Content
//! negotiation](#content-negotiation-problem-details-or-json-by-accept-pages-for-browsers).
//!
//! `log = ".."` on the enum, a struct or a variant (the variant's wins) is
//! the level the error is logged at when it becomes a response, with the
//! `tracing` feature: `"off"`, `"error"`, `"warn"`, `"info"`, `"debug"` or
//! `"trace"`. Without it, a 5xx is logged at error and a 4xx not at all.
//! Whatever the level, an event has the status, the code, the error and
//! its whole `source()` chain (a `'static` error is recorded as a
//! `dyn Error` field, which Sentry's `sentry-tracing` layer turns into an
//! exception per error of the chain; a text subscriber writes it as
//! `error.sources`), and, under a request-id layer, the request's
//! `method`, matched `route` and `request_id`. A composed error keeps each
//! wrapped error's level (`log` on the enum is for its own variants, and a
//! transparent variant refuses one).
//!
//! ```
//! # use httperror::HttpError;
//! #[derive(Debug, thiserror::Error, HttpError)]
//! #[http_error(message_key = "detail", code_key = "error", rename_all = "camelCase")]
//! enum ApiError {
//!     #[error("slow down")]
//!     #[status(429)]
//!     TooManyRequests { #[payload] retry_after: u32 },
//!     #[error("gone")]
//!     #[status(410)]
//!     #[http_error(code = "E_GONE")]
//!     Gone,
//! }
//!
//! assert_eq!(
//!     ApiError::TooManyRequests { retry_after: 30 }.to_json(),
//!     br#"{"detail":"slow down","error":"too_many_requests","retryAfter":30}"#,
//! );
//! assert_eq!(ApiError::Gone.code(), "E_GONE");
//! ```
//!
//! # `#[header]`
//!
//! `#[header("name", "value")]` on a variant or struct sends a fixed header;
//! `#[header("name")]` on a field sends the field's `Display` (an `Option`
//! field only when `Some`), and may stand beside `#[payload]`. Names and
//! fixed values are checked at compile time. A field's value that is not a
//! valid header value (a CR or LF, another control byte) is dropped, so a
//! client-controlled string can never inject a header.
//!
//! HTTP requires some headers (RFC 9110): a 401 without `www-authenticate`,
//! a 405 without `allow`, a 407 without `proxy-authenticate` does not
//! compile.
//!
//! An API that has always answered without one of them, and whose
//! clients rely on it, names the deviation from RFC 9110 explicitly, on the
//! type or on one variant: `#[http_error(rfc9110_deviation =
//! "www-authenticate")]` (or `"allow"`, `"proxy-authenticate"`). Strict
//! stays the default, the name is easy to grep for, and a deviation that
//! excuses nothing (no variant answers that status without that header)
//! does not compile. The OpenAPI document shows what is sent: no header.
//!
//! ```
//! # use httperror::HttpError;
//! #[derive(Debug, thiserror::Error, HttpError)]
//! #[http_error(rfc9110_deviation = "www-authenticate")]
//! enum LegacyError {
//!     #[error("login required")]
//!     #[status(401)]
//!     LoginRequired,
//! }
//!
//! let response = LegacyError::LoginRequired.to_response();
//! assert_eq!(response.status(), 401);
//! assert!(response.headers().get("www-authenticate").is_none());
//! ```
//!
//! ```
//! # use httperror::HttpError;
//! #[derive(Debug, thiserror::Error, HttpError)]
//! enum ApiError {
//!     #[error("authentication required")]
//!     #[status(401)]
//!     #[header("www-authenticate", "Bearer")]
//!     Unauthorized,
//!     #[error("too many requests")]
//!     #[status(429)]
//!     Throttled {
//!         #[payload]
//!         #[header("retry-after")]
//!         retry_after: u32,
//!     },
//!     #[error("bad request")]
//!     #[status(400)]
//!     Tagged {
//!         #[header("x-request-id")]
//!         request_id: String,
//!     },
//! }
//!
//! let response = ApiError::Throttled { retry_after: 30 }.to_response();
//! assert_eq!(response.headers()["retry-after"], "30");
//! assert_eq!(ApiError::Unauthorized.headers()["www-authenticate"], "Bearer");
//!
//! let injected = ApiError::Tagged { request_id: "1\r\nSet-Cookie: stolen=1".into() };
//! assert!(injected.headers().is_empty());
//! ```
//!
//! ```compile_fail
//! # use httperror::HttpError;
//! #[derive(Debug, thiserror::Error, HttpError)]
//! enum ApiError {
//!     #[error("authentication required")]
//!     #[status(401)] // a 401 response must send `www-authenticate`
//!     Unauthorized,
//! }
//! ```
//!
//! # Problem details (RFC 9457)
//!
//! `#[http_error(format = "problem")]` answers `application/problem+json`:
//! `type` (`about:blank`, or `type_base` followed by the code), `title` (the
//! reason phrase), `status`, `detail` (the message), then the payload as
//! extension members. A payload key that would replace one of those members
//! does not compile.
//!
//! ```
//! # use httperror::HttpError;
//! #[derive(Debug, thiserror::Error, HttpError)]
//! #[http_error(format = "problem", type_base = "https://example.com/probs/")]
//! enum Billing {
//!     #[error("insufficient credit")]
//!     #[status(403)]
//!     #[http_error(code = "out-of-credit")]
//!     #[message("Your current balance is {balance}, but that costs {cost}.")]
//!     OutOfCredit { #[payload] balance: u32, #[payload] cost: u32 },
//! }
//!
//! let response = Billing::OutOfCredit { balance: 30, cost: 50 }.to_response();
//! assert_eq!(response.headers()["content-type"], "application/problem+json");
//! assert_eq!(
//!     response.body().as_ref(),
//!     br#"{"type":"https://example.com/probs/out-of-credit","title":"Forbidden","status":403,"detail":"Your current balance is 30, but that costs 50.","balance":30,"cost":50}"#,
//! );
//! ```
//!
//! # Matching an existing API
//!
//! An API that already has clients keeps its error format byte for byte.
//! Besides the keys above, the type declares:
//!
//! | declared | body |
//! | --- | --- |
//! | `#[http_error(envelope = "error")]` | `{"error": {<members>}}` |
//! | `#[http_error(envelope_array = "errors")]` | `{"errors": [{<members>}]}` (JSON:API) |
//! | `#[member("object", "error")]` on the type or a variant | `"object": "error"`: a string, number, bool or `null` |
//! | `#[member("doc_url", "https://docs.example.com/errors#{code}")]` | a string made from `{code}`, `{status}` or `{reason}` |
//! | `#[http_error(status_key = "status")]` | `"status": 404` |
//! | `#[http_error(status_key = "status", status_as = "string")]` | `"status": "404"` (JSON:API) |
//! | `#[http_error(skip_message)]` | no message member (Flask-RESTX's `ERROR_INCLUDE_MESSAGE = False`) |
//!
//! **Member order.** The members the type declares come in the order they
//! are written, reading its attributes from top to bottom and each
//! attribute from left to right: `message_key`, `code_key`, `status_key`
//! and each `#[member]` take their places as written; the message, unless
//! its key is written or `skip_message` says it has none, comes first.
//! Then come the variant's own `#[member]`s, then the payload in field
//! order. A variant's `#[member]` with the key of one of the type's
//! replaces that member's value in its place. A problem body keeps RFC
//! 9457's order: `type`, `title`, `status`, `detail`, then the rest.
//! `to_response()`, `to_json()` and [`HttpError::body`] write the members
//! in this order; `to_dict()` holds the same members in a `serde_json::Map`,
//! whose order is serde_json's (sorted, unless its `preserve_order` feature
//! is on). A transparent variant answers in the shape of the error it
//! wraps: the envelope and members of the type around it are not applied
//! to it (so a module error keeps its own shape inside an application
//! error; give both the same options where the API has one shape).
//!
//! Everything but the message, the payload, computed members
//! (`with = path`, templates over fields) and a status chosen at run time
//! is known at compile time, so a body without a dynamic part is still a
//! static byte string, and the
//! others are written from static fragments as the flat body is (see
//! `BENCHMARKS.md`). The OpenAPI document describes the shape exactly: the
//! envelope as an object around the members (a list of exactly one for
//! `envelope_array`), every fixed member `required` with its one value as
//! a one-item `enum` (JSON Schema's `const`, in the form utoipa's schema
//! model keeps; a `null` as `{"type": "null"}`), and examples in the same
//! shape. A number is written as serde_json writes the value (`1e3` as
//! `1000.0`); one no `i64`, `u64` or finite `f64` holds does not compile.
//!
//! Stripe's shape: an envelope, a `type` for the whole API that one
//! variant changes, and a documentation link made from the code.
//!
//! ```
//! # use httperror::HttpError;
//! #[derive(Debug, thiserror::Error, HttpError)]
//! #[http_error(envelope = "error", code_key = "code")]
//! #[member("type", "invalid_request_error")]
//! #[member("doc_url", "https://docs.example.com/errors#{code}")]
//! enum ApiError {
//!     #[error("No such customer: '{id}'")]
//!     #[status(404)]
//!     #[http_error(code = "resource_missing")]
//!     NoSuchCustomer { #[payload] id: String },
//!     #[error("database: {0}")]
//!     #[status(500)]
//!     #[member("type", "api_error")]
//!     Database(String),
//! }
//!
//! assert_eq!(
//!     ApiError::NoSuchCustomer { id: "cus_42".into() }.to_json(),
//!     br#"{"error":{"message":"No such customer: 'cus_42'","code":"resource_missing","type":"invalid_request_error","doc_url":"https://docs.example.com/errors#resource_missing","id":"cus_42"}}"#,
//! );
//! assert_eq!(
//!     ApiError::Database("timeout".into()).to_json(),
//!     br#"{"error":{"message":"Internal Server Error","code":"database","type":"api_error","doc_url":"https://docs.example.com/errors#database"}}"#,
//! );
//! ```
//!
//! JSON:API's error objects: a list, the status as a string first, the
//! reason phrase as the title, the message as `detail`.
//!
//! ```
//! # use httperror::HttpError;
//! #[derive(Debug, thiserror::Error, HttpError)]
//! #[http_error(envelope_array = "errors", status_key = "status", status_as = "string")]
//! #[http_error(code_key = "code")]
//! #[member("title", "{reason}")]
//! #[http_error(message_key = "detail")]
//! enum ApiError {
//!     #[error("article {0} does not exist")]
//!     #[status(404)]
//!     NotFound(u64),
//! }
//!
//! assert_eq!(
//!     ApiError::NotFound(7).to_json(),
//!     br#"{"errors":[{"status":"404","code":"not_found","title":"Not Found","detail":"article 7 does not exist"}]}"#,
//! );
//! ```
//!
//! Google's shape: the numeric status under `code`, and a member per
//! variant.
//!
//! ```
//! # use httperror::HttpError;
//! #[derive(Debug, thiserror::Error, HttpError)]
//! #[http_error(envelope = "error", status_key = "code")]
//! enum ApiError {
//!     #[error("Requested entity was not found.")]
//!     #[status(404)]
//!     #[member("status", "NOT_FOUND")]
//!     NotFound,
//! }
//!
//! let response = ApiError::NotFound.to_response();
//! assert_eq!(
//!     response.body().as_ref(),
//!     br#"{"error":{"message":"Requested entity was not found.","code":404,"status":"NOT_FOUND"}}"#,
//! );
//! ```
//!
//! No message member: the code and the payload, or the payload alone.
//! The public message stays what [`HttpError::message`] returns, for logs.
//!
//! ```
//! # use httperror::HttpError;
//! #[derive(Debug, thiserror::Error, HttpError)]
//! #[http_error(skip_message, code_key = "error")]
//! enum ApiError {
//!     #[error("the name is taken")]
//!     #[status(409)]
//!     Taken { #[payload] name: String },
//! }
//!
//! #[derive(Debug, thiserror::Error, HttpError)]
//! #[http_error(skip_message)]
//! enum Invalid {
//!     #[error("invalid input")]
//!     #[status(422)]
//!     Field { #[payload] field: Option<String>, #[payload] reason: &'static str },
//! }
//!
//! let taken = ApiError::Taken { name: "ada".into() };
//! assert_eq!(taken.to_json(), br#"{"error":"taken","name":"ada"}"#);
//! assert_eq!(taken.message(), "the name is taken");
//! assert_eq!(
//!     Invalid::Field { field: None, reason: "too short" }.to_json(),
//!     br#"{"reason":"too short"}"#,
//! );
//! ```
//!
//! Plain text: `#[http_error(format = "text")]` on a variant (or on the
//! type, for all of them) answers the public message alone, as
//! `text/plain; charset=utf-8`, under the same message rules (a 5xx shows
//! its reason phrase unless a message was written for it). The document
//! lists `text/plain` with a string schema for its status, beside the JSON
//! media type where other variants answer JSON. `to_json()` gives the
//! text's bytes (not JSON), [`HttpError::body`] serializes it as a string,
//! `to_dict()` is empty (a text body is no object); `#[payload]` and
//! `#[member]` on such a variant do not compile.
//!
//! ```
//! # use httperror::HttpError;
//! #[derive(Debug, thiserror::Error, HttpError)]
//! enum ApiError {
//!     #[error("file {id} not found")]
//!     #[status(404)]
//!     NotFound { #[payload] id: String },
//!     #[error("the v1 endpoint is gone; use /v2/{0}")]
//!     #[status(410)]
//!     #[http_error(format = "text")]
//!     Gone(String),
//! }
//!
//! let response = ApiError::Gone("files".into()).to_response();
//! assert_eq!(response.headers()["content-type"], "text/plain; charset=utf-8");
//! assert_eq!(response.body().as_ref(), b"the v1 endpoint is gone; use /v2/files");
//! ```
//!
//! What does not compile: a `#[member]` under a key the body has already
//! (the message, code or status key, a payload key after `rename_all`,
//! another `#[member]` of the same place), an empty key or one with a
//! control character, a `#[member]` on a 204, 205 or 304, a placeholder
//! that is neither `{code}`, `{status}`, `{reason}` nor (on a variant or a
//! struct) a field, and an envelope or a status member on a problem type
//! (RFC 9457 fixes its members). In a member's template, `{code}`,
//! `{status}` and `{reason}` always name those facts.
//!
//! ```compile_fail
//! # use httperror::HttpError;
//! #[derive(Debug, thiserror::Error, HttpError)]
//! #[member("type", "invalid_request_error")]
//! enum ApiError {
//!     #[error("bad")]
//!     #[status(400)]
//!     Bad { #[payload] r#type: String }, // payload key "type" collides
//! }
//! ```
//!
//! ## Messages, members and statuses from code
//!
//! What a template over fields cannot say, a function can. One form names
//! it everywhere, `with = path`, and one rule gives its signature: declared
//! on the enum (or on a struct), the function takes `&Self`; declared on a
//! variant, it takes the variant's fields by reference, in their order
//! (none for a unit variant). A wrong signature is a type error at the
//! path.
//!
//! | declared | the function | gives |
//! | --- | --- | --- |
//! | `#[message(with = path)]` | returns `impl Display` | the public message |
//! | `#[member("reason", with = path)]` | returns `impl Serialize` | a member, documented with the schema of the returned type (`ToSchema`/`JsonSchema` with the `utoipa`/`schemars`/`aide` feature, else an open schema) |
//! | `#[member("reason", "payment {id} does not exist")]` on a variant | (a template) | a member over the variant's fields, which may also name `{code}`, `{status}` and `{reason}` |
//! | `#[status(404 \| 409, with = path)]` | returns `http::StatusCode` | the status, chosen at run time within the set |
//!
//! **5xx stay safe.** A message or a computed member declared on the enum
//! is never used for a 5xx variant: such a variant shows its reason phrase
//! and none of the enum's computed members, unless the attribute is on the
//! variant itself.
//!
//! ```
//! # use httperror::HttpError;
//! #[derive(Debug, thiserror::Error, HttpError)]
//! #[message(with = Self::describe)]
//! enum PaymentError {
//!     #[error("payment {id} missing")]
//!     #[status(404)]
//!     #[member("reason", "payment {id} does not exist")]
//!     Missing { id: String },
//!     #[error("declined")]
//!     #[status(402)]
//!     #[member("retry", with = can_retry)]
//!     Declined { attempts: u32, limit: u32 },
//!     #[error("ledger down")]
//!     #[status(500)]
//!     Ledger,
//! }
//!
//! impl PaymentError {
//!     fn describe(&self) -> &'static str {
//!         match self {
//!             PaymentError::Missing { id } if id.starts_with("pay_") => "no such payment",
//!             PaymentError::Missing { .. } => "not a payment id",
//!             _ => "payment failed",
//!         }
//!     }
//! }
//!
//! fn can_retry(attempts: &u32, limit: &u32) -> bool {
//!     attempts < limit
//! }
//!
//! assert_eq!(
//!     PaymentError::Missing { id: "pay_1".into() }.to_json(),
//!     br#"{"message":"no such payment","reason":"payment pay_1 does not exist"}"#,
//! );
//! assert_eq!(
//!     PaymentError::Declined { attempts: 1, limit: 3 }.to_json(),
//!     br#"{"message":"payment failed","retry":true}"#,
//! );
//! // The enum's message function does not run for a 5xx.
//! assert_eq!(PaymentError::Ledger.to_json(), br#"{"message":"Internal Server Error"}"#);
//! ```
//!
//! **A status chosen at run time.** A database error that is a 404 when
//! the row is missing, a 409 on a unique-key violation, else a 500: the
//! set is written, the function chooses. 500 is always in the set (added
//! when not written). Each status of the set obeys the rules of a fixed
//! status (a 401 needs `www-authenticate`, a 204 refuses a payload, no
//! 1xx), and the variant's body follows the one chosen: its message rules
//! (a 5xx shows its reason phrase unless a message was written for the
//! variant), the status member, a problem's `title`. `STATUS_CODES`,
//! `CODES` and the OpenAPI document list every status of the set. A
//! status outside the set answers the variant's 500, logged with the
//! `tracing` feature: never an undocumented status. The function is called
//! for each part of the response that depends on the status (a few times
//! per response): keep it a cheap, pure look at the fields, so every call
//! chooses the same. Every status of the set needs a registered reason
//! phrase. Such a variant's code answers several statuses by design, so
//! [`assert_one_status_per_code`] fails for its type.
//!
//! ```
//! # use httperror::{HttpError, StatusCode};
//! #[derive(Debug, thiserror::Error, HttpError)]
//! #[http_error(code_key = "code")]
//! enum DbError {
//!     #[error("{table}: {kind}")]
//!     #[status(NOT_FOUND | CONFLICT, with = db_status)]
//!     Query { kind: &'static str, table: &'static str },
//! }
//!
//! fn db_status(kind: &&'static str, _table: &&'static str) -> StatusCode {
//!     match *kind {
//!         "no rows" => StatusCode::NOT_FOUND,
//!         "unique violation" => StatusCode::CONFLICT,
//!         _ => StatusCode::INTERNAL_SERVER_ERROR,
//!     }
//! }
//!
//! assert_eq!(DbError::STATUS_CODES, &[404, 409, 500]);
//! let missing = DbError::Query { kind: "no rows", table: "users" };
//! assert_eq!(missing.status(), 404);
//! assert_eq!(missing.to_json(), br#"{"message":"users: no rows","code":"query"}"#);
//! let broken = DbError::Query { kind: "disk full", table: "users" };
//! assert_eq!(broken.to_json(), br#"{"message":"Internal Server Error","code":"query"}"#);
//! ```
//!
//! # One application error from many: `#[http_error(transparent)]`
//!
//! A one-field variant (or a newtype struct) marked
//! `#[http_error(transparent)]` answers exactly as the `HttpError` in its
//! field: status, code, message, headers, body, media type (an inner
//! problem+json error stays one). It composes with thiserror's
//! `#[error(transparent)]` and `#[from]`, so `?` converts, and it nests.
//! The type's facts merge: [`STATUS_CODES`](HttpError::STATUS_CODES) is the
//! sorted union, still a `const` (a field whose type uses a type or const
//! parameter must then be the type's only variant, as in
//! `struct Wrap<E>(E)`: stable Rust cannot merge a generic list with
//! others in a `const`, and the derive says so),
//! [`CODES`](HttpError::CODES) lists every machine code with its status,
//! and `openapi_responses()` (and utoipa's `IntoResponses`) merges the
//! wrapped documents per status, every variant kept.
//!
//! So a handler documents exactly the errors it can return: give it a
//! small enum of the module errors it can answer.
//!
//! ```
//! # use httperror::HttpError;
//! /// No file with this id exists.
//! #[derive(Debug, thiserror::Error, HttpError)]
//! #[error("file {id} not found")]
//! #[status(404)]
//! struct FileNotFound { #[payload] id: String }
//!
//! /// Too many uploads; retry later.
//! #[derive(Debug, thiserror::Error, HttpError)]
//! #[error("too many requests")]
//! #[status(429)]
//! struct Throttled { #[payload] #[header("retry-after")] retry_after: u32 }
//!
//! /// What a download can answer.
//! #[derive(Debug, thiserror::Error, HttpError)]
//! enum DownloadError {
//!     #[error(transparent)]
//!     #[http_error(transparent)]
//!     NotFound(#[from] FileNotFound),
//!     #[error(transparent)]
//!     #[http_error(transparent)]
//!     Throttled(#[from] Throttled),
//! }
//!
//! fn download(id: &str) -> Result<Vec<u8>, DownloadError> {
//!     Err(FileNotFound { id: id.into() })?
//! }
//!
//! let error = download("a.txt").unwrap_err();
//! assert_eq!(error.to_json(), br#"{"message":"file a.txt not found","id":"a.txt"}"#);
//! const _: () = assert!(DownloadError::STATUS_CODES.len() == 2);
//! assert_eq!(DownloadError::STATUS_CODES, &[404, 429]);
//! assert_eq!(DownloadError::CODES, &[("file_not_found", 404), ("throttled", 429)]);
//! httperror::assert_one_status_per_code::<DownloadError>();
//! let responses = DownloadError::openapi_responses();
//! assert_eq!(responses["404"]["description"], "No file with this id exists.");
//! assert!(responses["429"]["headers"]["retry-after"].is_object());
//! ```
//!
//! Two module errors may share a machine code (`not_found` from storage
//! and from users is one public error to a client): that compiles, and the
//! merged document then lists both bodies with `anyOf`, never with a
//! code discriminator. [`assert_one_status_per_code`] fails a test where
//! one code answers with two statuses, for an API that wants each code to
//! mean one status.
//!
//! # `Abort` and the common errors
//!
//! [`Abort`] is a dynamic error for one-off cases, Flask's
//! `abort(400, custom='value')`; [`common`] has the errors most APIs answer
//! with (bad request, parse error, unauthenticated, authentication failed,
//! permission denied, not found, method not allowed, not acceptable,
//! conflict, gone, payload too large, unsupported media type, unprocessable
//! content, throttled, internal server error, service unavailable) and the
//! framework's refusals of a request (below), derived with this crate's
//! derive.
//!
//! ```
//! use httperror::{Abort, HttpError, StatusCode};
//! use httperror::common::Unauthenticated;
//!
//! let error = Abort::new(StatusCode::BAD_REQUEST).with("custom", "value");
//! assert_eq!(error.to_json(), br#"{"message":"Bad Request","custom":"value"}"#);
//!
//! let response = Unauthenticated::bearer().to_response();
//! assert_eq!(response.headers()["www-authenticate"], "Bearer");
//! ```
//!
//! # OpenAPI
//!
//! [`HttpError::openapi_responses`] is the OpenAPI 3.1 Responses Object of
//! the type, built once: one entry per status, described by the variants'
//! doc comments (several variants at one status are all described), with
//! the schema of every body (`oneOf` with a `discriminator` when `code_key`
//! tells variants apart, else `anyOf`), the headers, and an example per
//! variant wherever the body is known at compile time, with payload values
//! from `#[payload(example = ..)]`. Standard types (integers, floats,
//! strings, `Option`, `Vec`, maps, `serde_json::Value`, ...) are mapped by
//! the macro; other payload types take their schema from `utoipa::ToSchema`
//! or `schemars::JsonSchema` with the `utoipa` or `schemars` feature, or
//! schemars 0.9's `JsonSchema` with `aide`, and are an open schema
//! otherwise.
//!
//! ```
//! # use httperror::HttpError;
//! # use serde_json::json;
//! #[derive(Debug, thiserror::Error, HttpError)]
//! #[http_error(code_key = "code")]
//! enum ApiError {
//!     /// The name is taken.
//!     #[error("name {name} is taken")]
//!     #[status(409)]
//!     Taken { #[payload(example = "ada")] name: String },
//!     /// The version is stale.
//!     #[error("stale version")]
//!     #[status(409)]
//!     Stale { #[payload] current: Option<u32> },
//! }
//!
//! let responses = ApiError::openapi_responses();
//! let conflict = &responses["409"];
//! assert_eq!(
//!     conflict["description"],
//!     "**Taken**: The name is taken.\n\n**Stale**: The version is stale.",
//! );
//! let media = &conflict["content"]["application/json"];
//! assert_eq!(media["schema"]["discriminator"]["propertyName"], "code");
//! assert_eq!(
//!     media["examples"]["taken"]["value"],
//!     json!({"message": "name ada is taken", "code": "taken", "name": "ada"}),
//! );
//! ```
//!
//! With the `utoipa` feature every derived type is `utoipa::IntoResponses`,
//! so it goes straight into `#[utoipa::path(responses(...))]`; unlike
//! utoipa's own derive, several variants at one status are all kept.
//!
//! ```
//! # #[cfg(feature = "utoipa")] {
//! # use httperror::HttpError;
//! # use utoipa::OpenApi;
//! #[derive(Debug, thiserror::Error, HttpError)]
//! enum StorageError {
//!     /// No file with this id exists.
//!     #[error("file {id} not found")]
//!     #[status(404)]
//!     NotFound { #[payload] id: String },
//! }
//!
//! #[utoipa::path(get, path = "/files/{id}", responses(
//!     (status = 200, description = "The file", body = String),
//!     StorageError,
//! ))]
//! async fn get_file() -> Result<String, StorageError> {
//!     Err(StorageError::NotFound { id: "f-1".into() })
//! }
//!
//! #[derive(OpenApi)]
//! #[openapi(paths(get_file))]
//! struct ApiDoc;
//!
//! let document = serde_json::to_value(ApiDoc::openapi()).unwrap();
//! let responses = &document["paths"]["/files/{id}"]["get"]["responses"];
//! assert_eq!(responses["404"]["description"], "No file with this id exists.");
//! # }
//! ```
//!
//! # axum, actix-web, tracing
//!
//! With the `axum` feature every derived type (and [`Abort`]) is
//! `IntoResponse`, so a handler returns `Result<T, StorageError>`; the
//! `httperror::axum` module also answers the router's own 404 and 405 in
//! the crate's default JSON shape (as [`common`]'s errors), and, with
//! tower-http's `CatchPanicLayer::custom`, a panicking handler with a JSON
//! 500 (`httperror::axum::panic_response`, or `panic_response_as::<E>` in
//! your own 500's shape) whose panic message is logged (feature
//! `tracing`), never shown. With `actix-web`, every derived type is
//! `ResponseError`, whose response is [`HttpError::to_response`]'s. With
//! `tracing`, by default every 5xx turned into a response is logged at
//! error level with its `source()` chain, the detail the client never sees
//! (other levels per type or variant: `log` in
//! [`#[http_error(..)]`](#http_error)).
//!
//! ```
//! # #[cfg(feature = "axum")] {
//! use axum::{Router, extract::Path, routing::get};
//! # use httperror::HttpError;
//! # #[derive(Debug, thiserror::Error, HttpError)]
//! # enum StorageError {
//! #     #[error("file {id} not found")]
//! #     #[status(404)]
//! #     NotFound { #[payload] id: String },
//! # }
//!
//! async fn get_file(Path(id): Path<String>) -> Result<String, StorageError> {
//!     Err(StorageError::NotFound { id })
//! }
//!
//! let app: Router = Router::new()
//!     .route("/files/{id}", get(get_file))
//!     .fallback(httperror::axum::not_found);
//! # }
//! ```
//!
//! ```
//! # #[cfg(feature = "actix-web")] {
//! use actix_web::{App, HttpResponse, web};
//! # use httperror::HttpError;
//! # #[derive(Debug, thiserror::Error, HttpError)]
//! # enum StorageError {
//! #     #[error("file {id} not found")]
//! #     #[status(404)]
//! #     NotFound { #[payload] id: String },
//! # }
//!
//! async fn get_file(id: web::Path<String>) -> Result<HttpResponse, StorageError> {
//!     Err(StorageError::NotFound { id: id.into_inner() })
//! }
//!
//! let app = App::new().route("/files/{id}", web::get().to(get_file));
//! # }
//! ```
//!
//! # The framework's own errors
//!
//! A handler's errors are one part of what an API answers: before the
//! handler runs, axum refuses a body that is not JSON, a missing content
//! type, a body over the limit, a path or query parameter of the wrong
//! type; around it, a panic. With the `axum` feature these answer in the
//! same JSON shape as your errors, and are documented:
//!
//! - **Drop-in extractors.** `httperror::axum::{Json, Path, Query, Form,
//!   Bytes, Text}` are axum's, with their rejections converted: swap
//!   `use axum::Json` for `use httperror::axum::Json` and the handlers
//!   stay as they are (`Option<Json<T>>` and `Option<Path<T>>` too). `Bytes`
//!   and `Text` wrap `bytes::Bytes` and `String`: `Bytes(body): Bytes`.
//!
//!   | refusal | status | body (`code`) |
//!   | --- | --- | --- |
//!   | a body that is not valid JSON | 400 | [`common::ParseError`] (`parse_error`), where it breaks: `trailing comma at line 1 column 24` |
//!   | JSON or a form of another shape | 422 | [`common::InvalidBody`] (`invalid_body`), with `field`: `items[2].size` |
//!   | a missing or other content type | 415 | `unsupported_media_type`, with `expected` |
//!   | a body over the limit (`DefaultBodyLimit`) | 413 | [`common::PayloadTooLarge`] (`payload_too_large`) |
//!   | a path or query parameter of the wrong type | 400 | `invalid_parameter`, with `in` (`path`, `query`) and `parameter` |
//!   | an unreadable body, text that is not UTF-8 | 400 | [`common::BadRequest`] (`bad_request`) |
//!   | a route whose parameters do not match its handler | 500 | logged, never shown |
//!
//!   Each extractor's rejection is one type of [`common`]:
//!   [`JsonRejection`](common::JsonRejection),
//!   [`FormRejection`](common::FormRejection),
//!   [`PathRejection`](common::PathRejection),
//!   [`QueryRejection`](common::QueryRejection),
//!   [`BodyRejection`](common::BodyRejection) (`Bytes`, `Text`). Each
//!   converts `From` axum's own rejection, for an application that keeps
//!   axum's extractors and wraps their rejections in its error enum with
//!   `#[http_error(transparent)]`.
//! - **Nothing of the request is repeated.** serde's messages quote the
//!   value they refused (`invalid type: string "…"`); the message here
//!   names the field or parameter and what was expected (`expected u32,
//!   found a string`), never the value. A field path names the keys on
//!   the way to the failing value: the server's field names, and a map's
//!   keys where they are plain names (letters, digits, `_` and `-`, up to
//!   64 bytes); any other key is written `?`.
//! - **Panics.** `CatchPanicLayer::custom(httperror::axum::panic_response)`
//!   (tower-http) answers a panicking handler with
//!   [`common::InternalServerError`], the panic's message logged with the
//!   `tracing` feature, never shown.
//! - **Documented by one rule.** [`FrameworkErrors`], a `utoipa::Modify`,
//!   adds these answers to every operation of an OpenAPI document by what
//!   it takes (a JSON body: 400, 413, 415, 422; path or query parameters:
//!   400; every operation: 500), merged into the responses the operation
//!   already documents. For aide, `FrameworkErrors::complete_document`
//!   completes the finished document (aide keeps one response per status
//!   and would drop the second 400 of a path and a body).
//! - **Your own shape.** An application in problem+json, or with an
//!   envelope of its own, makes its own drop-ins with
//!   `httperror::axum::extractors!(pub MyRejection => Json, Query)`, where
//!   `MyRejection` is an `HttpError` that converts `From` the [`common`]
//!   rejections (see `httperror::axum::extractors!`), and names it in
//!   [`FrameworkErrors`] (`.json::<MyRejection>()`). Macro-made types,
//!   not a type parameter (`Json<T, R>`): a parameter needs a field, and
//!   `Json(value)` patterns would no longer match.
//!
//! ```
//! # #[cfg(all(feature = "axum", feature = "utoipa"))] {
//! use axum::{Router, routing::post};
//! use httperror::FrameworkErrors;
//! use httperror::axum::{Json, Path};
//! use tower_http::catch_panic::CatchPanicLayer;
//! use utoipa::OpenApi;
//!
//! #[derive(serde::Deserialize, utoipa::ToSchema)]
//! struct Copy {
//!     to: String,
//! }
//!
//! #[utoipa::path(post, path = "/files/{id}/copy", params(("id" = String, Path)),
//!     request_body = Copy, responses((status = 201, description = "Copied")))]
//! async fn copy_file(Path(id): Path<String>, Json(copy): Json<Copy>) -> String {
//!     format!("{id} -> {}", copy.to)
//! }
//!
//! const FRAMEWORK_ERRORS: FrameworkErrors = FrameworkErrors::new();
//!
//! #[derive(OpenApi)]
//! #[openapi(paths(copy_file), modifiers(&FRAMEWORK_ERRORS))]
//! struct ApiDoc;
//!
//! let app: Router = Router::new()
//!     .route("/files/{id}/copy", post(copy_file))
//!     .layer(CatchPanicLayer::custom(httperror::axum::panic_response));
//!
//! // `{"to": 7}` answers 422:
//! // {"message":"Invalid request body at `to`: expected a string, found an integer.",
//! //  "code":"invalid_body","field":"to"}
//! let document = serde_json::to_value(ApiDoc::openapi()).unwrap();
//! let responses = &document["paths"]["/files/{id}/copy"]["post"]["responses"];
//! let statuses: Vec<&str> = responses.as_object().unwrap().keys().map(|s| s.as_str()).collect();
//! assert_eq!(statuses, ["201", "400", "413", "415", "422", "500"]);
//! # let _ = app;
//! # }
//! ```
//!
//! **actix-web, the same answers.** With the `actix-web` feature,
//! `httperror::actix::{Json, Path, Query, Form}` answer exactly the bodies
//! axum's drop-ins answer for the same fault (one test table runs against
//! both servers). Their bodies are read under actix-web's `PayloadConfig`
//! limit (256 KiB by default), not `JsonConfig`'s or `FormConfig`'s, which
//! are actix-web's extractors'; `Json` is a `Responder` too. `httperror::actix::extractors!` makes them for your
//! own rejection type. An application that keeps actix-web's extractors
//! gives their configs `httperror::actix::json_error::<JsonRejection>` (and
//! `query_error`, `path_error`, `form_error`): the same shape, though
//! actix-web's errors name no field or query parameter, so those bodies
//! say less. `httperror::actix::CatchPanic` is the middleware actix-web
//! lacks: a panicking handler answers the same 500, the panic logged
//! (wrap it outermost: its answer reaches actix-web as an error, which
//! middleware outside it, such as `Logger`, passes by).
//! Two faults answer apart: actix-web reads an invalid UTF-8 path segment
//! as text (no 400), and has no drop-in for bytes or text bodies (its
//! 413 there is its own). [`FrameworkErrors`] documents actix-web
//! applications by the same rule.
//!
//! ```
//! # #[cfg(feature = "actix-web")] {
//! use actix_web::{App, web};
//! use httperror::actix::{CatchPanic, Json, Path};
//! use httperror::common::JsonRejection;
//!
//! #[derive(serde::Deserialize)]
//! struct Copy {
//!     to: String,
//! }
//!
//! async fn copy_file(Path(id): Path<String>, Json(copy): Json<Copy>) -> String {
//!     format!("{id} -> {}", copy.to)
//! }
//!
//! async fn kept(copy: web::Json<Copy>) -> String {
//!     copy.into_inner().to
//! }
//!
//! let app = App::new()
//!     // The drop-ins' body limit.
//!     .app_data(web::PayloadConfig::new(64 * 1024))
//!     .route("/files/{id}/copy", web::post().to(copy_file))
//!     // actix-web's own `Json`, answering in the same shape.
//!     .app_data(web::JsonConfig::default().error_handler(httperror::actix::json_error::<JsonRejection>))
//!     .route("/kept", web::post().to(kept))
//!     .wrap(CatchPanic::new());
//! # let _ = app;
//! # }
//! ```
//!
//! # Request ids, and errors visible to middleware
//!
//! With the `request-id` feature, one layer (`httperror::axum::RequestIdLayer`
//! for tower, `httperror::actix::RequestIdLayer` for actix-web) gives each
//! request an id: the client's `x-request-id` where it is 1 to 128 bytes
//! of `[A-Za-z0-9._:-]`, else a fresh UUID v7 (a client's other values are
//! never reflected, so nothing can be injected). The id is answered in
//! `x-request-id` on every response, and in every error body httperror
//! renders during the request, rejections, the router's 404 and 405 and
//! panics included: a `request_id` member at the end of the JSON object
//! (inside the envelope where there is one), or `instance`
//! (`urn:request-id:<id>`) in problem details. A body with a member of the
//! same key keeps its own (the header still carries the id). Handlers find
//! the id as [`RequestId`] in the request's extensions. [`RequestIdConfig`]
//! names another header, member or `instance` prefix.
//!
//! The body is written once, id included: the layer makes the request
//! visible to the rendering (a thread-local set while it polls the
//! request), never by rewriting a finished body. So an error rendered in a
//! task the handler spawns (`tokio::spawn`) is outside the request and
//! carries no id; `to_dict()` and the `Serialize` view, which are not the
//! response, carry none either. A flattened payload's members are not
//! checked against the id's key. Events' `route` is axum's `MatchedPath`:
//! known when the layer is added with `Router::layer` (which runs after
//! routing), not when it wraps the router from outside. Without the layer, bodies
//! are byte for byte as before, for under a dozen instructions per
//! response (BENCHMARKS.md). Under it, every response rendered from an
//! [`HttpError`] carries its [`ErrorInfo`] (status, machine code, public
//! message) in its extensions, for metrics and logging middleware.
//! [`RequestIdConfig`] is also a `utoipa::Modify` that documents the
//! member on every error body (and `instance` on problems).
//!
//! ```
//! # #[cfg(all(feature = "axum", feature = "request-id", feature = "utoipa"))] {
//! use axum::{Router, routing::get};
//! use httperror::{ErrorInfo, RequestIdConfig};
//!
//! const REQUEST_ID: RequestIdConfig = RequestIdConfig::new();
//!
//! #[derive(utoipa::OpenApi)]
//! #[openapi(modifiers(&REQUEST_ID))]
//! struct ApiDoc;
//!
//! let app: Router = Router::new()
//!     .route("/", get(|| async { "ok" }))
//!     .layer(axum::middleware::map_response(|response: axum::response::Response| async move {
//!         if let Some(error) = response.extensions().get::<ErrorInfo>() {
//!             // Count `error.code` here.
//!             let _ = (error.status, error.code);
//!         }
//!         response
//!     }))
//!     .layer(tower_http::catch_panic::CatchPanicLayer::custom(httperror::axum::panic_response))
//!     .layer(httperror::axum::RequestIdLayer::new());
//! # let _ = app;
//! # }
//! ```
//!
//! # Content negotiation: problem details or JSON by `Accept`, pages for browsers
//!
//! `#[http_error(negotiate)]` on the enum or struct lets the request's
//! `Accept` choose the body's format, under the request-id layer (which
//! makes `Accept` visible to the rendering as it does the id). The type
//! offers, in its order of preference:
//!
//! 1. its own format: the JSON shape (or problem details with
//!    `format = "problem"`);
//! 2. the other: problem details (`type`, `title`, `status`, `detail`,
//!    `instance`, the code where the type has a code key, then the
//!    payload; `type_base` prefixes `type`), or, for a problem type, the
//!    JSON shape (`message`, the code, the payload, `request_id`);
//! 3. `text/html`: a page made from the error's public facts
//!    ([`html::ErrorPage`]: status, reason, code, message, request id) by
//!    the function set with [`RequestIdConfig::html_page`], else
//!    [`html::default_page`], a minimal HTML document with every value
//!    escaped.
//!
//! Each offer's weight is the `q` of the most specific media range that
//! matches it (RFC 9110 §12.5.1: a range with parameters names only an
//! offer that has them; `q=0` excludes); the highest wins, ties going to
//! the order above, so `*/*` and `application/*` get the type's own format
//! and a browser's `text/html,…,*/*;q=0.8` gets the page. An error never
//! fails negotiation: an `Accept` that accepts nothing offered gets the
//! type's own format, never a 406 in place of the error; a range that
//! cannot be read is skipped, and only the first 64 ranges of the first
//! 4 KiB are read. Every negotiated response carries `Vary: Accept` (a
//! fixed `#[header("vary", ..)]` of the type must name `Accept`, and it is
//! not repeated). The status, the headers, the message rules and the
//! payload are the same in every format; a 5xx shows its reason phrase,
//! never its source, in each. Envelopes, `#[member]`s and a status key
//! shape the type's own JSON body only. A page shows the code even where
//! the JSON body has no code key; a page function that panics gives the
//! default page instead.
//!
//! Outside the layer, and for a type without `negotiate`, nothing
//! changes: one format, whatever `Accept` says. A transparent variant
//! answers in the formats of the error it wraps. The crate's own errors
//! negotiate under the layer: [`common`], so the rejections of
//! `httperror::axum` and `httperror::actix`, the router's 404 and 405, and
//! the 500 of `panic_response` and `CatchPanic::new()` (an application's
//! own panic type negotiates where it has `negotiate`). A text/plain type
//! does not negotiate, and a payload or code key that the other format
//! already uses (a problem's `title`, the JSON shape's `message`) does not
//! compile.
//!
//! With the `request-id` feature, the OpenAPI document lists at each
//! status with a JSON body the three media types, each with its schema and
//! examples (the HTML examples are the default page), and `vary` among the
//! headers; without it, nothing can negotiate and only the type's own
//! format is documented.
//!
//! ```
//! # #[cfg(all(feature = "axum", feature = "request-id"))] {
//! use httperror::HttpError;
//! use httperror::html::{ErrorPage, Escape, default_page};
//!
//! #[derive(Debug, thiserror::Error, HttpError)]
//! #[http_error(negotiate, code_key = "code")]
//! enum FileError {
//!     /// No such file.
//!     #[error("file {id} not found")]
//!     #[status(404)]
//!     NotFound { #[payload] id: String },
//! }
//!
//! // Flask's custom `404.html`: the application's own page for a 404.
//! fn page(error: &ErrorPage<'_>) -> String {
//!     if error.status == 404 {
//!         return format!(
//!             "<!DOCTYPE html><title>Not found</title><p>{}</p>",
//!             Escape(error.message),
//!         );
//!     }
//!     default_page(error)
//! }
//!
//! let app: axum::Router = axum::Router::new()
//!     .route("/files/{id}", axum::routing::get(|| async {
//!         Err::<(), _>(FileError::NotFound { id: "a.txt".into() })
//!     }))
//!     .layer(httperror::axum::RequestIdLayer::with_config(
//!         httperror::RequestIdConfig::new().html_page(page),
//!     ));
//! # let _ = app;
//! // `Accept: application/problem+json` gets
//! // {"type":"about:blank","title":"Not Found","status":404,"detail":"file a.txt not found",
//! //  "code":"not_found","instance":"urn:request-id:<id>","id":"a.txt"};
//! // a browser, the page; `*/*`, none or `image/png`, the JSON shape. Each with `Vary: Accept`.
//!
//! let documented = FileError::openapi_responses();
//! let media: Vec<&String> = documented["404"]["content"].as_object().unwrap().keys().collect();
//! assert_eq!(media, ["application/json", "application/problem+json", "text/html"]);
//! # }
//! ```
//!
//! # Validation reports: validator and garde
//!
//! [`common::ValidationFailed`] is a 422 that lists every failure of a
//! request that breaks the API's rules, one entry per field and rule,
//! sorted by field then code, with the field's path written one way for
//! both libraries (`address.zip`, `items[2].size`). It converts `From`
//! `validator::ValidationErrors` (feature `validator`: the rule's code, and
//! its message or words made from the rule's bounds, never from the
//! `value` its params carry) and `garde::Report` (feature `garde`, which
//! names no rule: code `invalid`, garde's message). Built-in rules'
//! messages never hold the value refused; a custom rule's message is its
//! author's. Paths use the Rust field names the libraries report (not
//! serde's renames), a map's plain keys, and `?` for any other key. Its
//! OpenAPI document gives the entry's schema. In a handler, one line after the drop-in
//! extractor: `body.validate().map_err(ValidationFailed::from)?;`. In
//! problem details, a variant with `#[payload] errors: Vec<FieldError>`
//! makes the list an extension member.
//!
//! ```
//! # #[cfg(feature = "validator")] {
//! use httperror::HttpError;
//! use httperror::common::ValidationFailed;
//!
//! let mut errors = validator::ValidationErrors::new();
//! errors.add("email", validator::ValidationError::new("email"));
//! assert_eq!(
//!     ValidationFailed::from(errors).to_json(),
//!     br#"{"message":"The request failed validation.","code":"validation_failed","errors":[{"field":"email","code":"email","message":"must be an email address"}]}"#,
//! );
//! # }
//! ```
//!
//! # gRPC: tonic
//!
//! With the `tonic` feature, every derived type (composed ones included)
//! and [`Abort`] convert into `tonic::Status`: the code read back from
//! the HTTP mapping of `google.rpc.Code` (the table is in the
//! `httperror::tonic` module), or the one a variant names with
//! `#[http_error(grpc = "ALREADY_EXISTS")]`; the public message, so a 5xx
//! shows its reason phrase (or its `#[message]`), never its source; the
//! machine code in the `x-error-code` metadata.
//!
//! # Typed clients
//!
//! The [`client`] module reads an error response (status, headers, body
//! bytes) back: [`client::decode_body`] gives any type's
//! [`client::ErrorBody`] from every format it answers with;
//! `#[http_error(decode)]` on a type with a code key implements
//! [`client::FromErrorBody`], and [`client::decode`] rebuilds the variant
//! the code names with its payload (the payload types `Deserialize`). An
//! attribute rather than a feature: features unify across a build, and
//! would ask `Deserialize` of every payload of every crate in it.
//!
//! # An error catalogue
//!
//! [`catalogue::Catalogue`] lists every machine code of one or more error
//! types, the types they wrap included, with its status, description (the
//! variant's doc comment), example body (as the type's own format sends
//! it outside a request-id layer) and headers: as Markdown
//! ([`to_markdown`](catalogue::Catalogue::to_markdown); descriptions are
//! Markdown already, codes and bodies go in code spans and fences they
//! cannot close) or as an HTML page
//! ([`to_html`](catalogue::Catalogue::to_html)), every value escaped. The
//! example server serves its catalogue at `/errors`.
//!
//! # aide and poem
//!
//! With the `aide` feature every derived type is an `aide::OperationOutput`
//! whose responses are [`HttpError::openapi_responses`]: a handler of an
//! aide `ApiRouter` that returns `Result<T, StorageError>` documents
//! `StorageError`'s statuses, descriptions, schemas, examples and headers,
//! composed types included. aide collects them when it infers responses,
//! which it does unless `aide::generate::infer_responses(false)` says
//! otherwise; then `httperror::aide::responses::<E>` documents them on an
//! operation. aide keeps the first response it infers for a status, so
//! compose one error type per handler (with `#[http_error(transparent)]`)
//! rather than nesting `Result`s. Payload schemas come from schemars 0.9's
//! `JsonSchema` too, aide's.
//!
//! ```
//! # #[cfg(feature = "aide")] {
//! use aide::axum::{ApiRouter, routing::get};
//! # use httperror::HttpError;
//! # #[derive(Debug, thiserror::Error, HttpError)]
//! # enum StorageError {
//! #     /// No such file.
//! #     #[error("file not found")]
//! #     #[status(404)]
//! #     NotFound,
//! # }
//!
//! async fn get_file() -> Result<String, StorageError> {
//!     Err(StorageError::NotFound)
//! }
//!
//! let mut api = aide::openapi::OpenApi::default();
//! let _app: axum::Router = ApiRouter::new()
//!     .api_route("/files/{id}", get(get_file))
//!     .finish_api(&mut api);
//! let document = serde_json::to_value(&api).unwrap();
//! assert_eq!(
//!     document["paths"]["/files/{id}"]["get"]["responses"]["404"]["description"],
//!     "No such file.",
//! );
//! # }
//! ```
//!
//! With `poem`, every derived type (and [`Abort`]) is a
//! `poem::error::ResponseError` whose response is
//! [`HttpError::to_response`]'s, so a `#[handler]` returns `Result<T, E>`
//! (`E: Send + Sync + 'static`, as poem requires). `httperror::poem::get`
//! and its siblings build routes whose 405 is JSON with the `allow` header,
//! and `httperror::poem::router_errors` answers the router's own 404 in the
//! crate's default JSON shape.
//!
//! ```
//! # #[cfg(feature = "poem")] {
//! use poem::{EndpointExt, Route, handler, web::Path};
//! # use httperror::HttpError;
//! # #[derive(Debug, thiserror::Error, HttpError)]
//! # enum StorageError {
//! #     #[error("file {id} not found")]
//! #     #[status(404)]
//! #     NotFound { #[payload] id: String },
//! # }
//!
//! #[handler]
//! fn get_file(Path(id): Path<String>) -> Result<String, StorageError> {
//!     Err(StorageError::NotFound { id })
//! }
//!
//! let app = Route::new()
//!     .at("/files/:id", httperror::poem::get(get_file))
//!     .around(httperror::poem::router_errors);
//! # let _ = app;
//! # }
//! ```
//!
//! # Responses without content
//!
//! 1xx, 204, 205 and 304 responses carry no content (RFC 9110): they answer
//! with an empty body and no `content-type`, and `#[payload]`,
//! `#[message]` or `#[member]` on such a variant is a compile error, not a
//! body silently dropped.
//!
//! ```
//! # use httperror::HttpError;
//! #[derive(Debug, thiserror::Error, HttpError)]
//! enum Cache {
//!     #[error("not modified")]
//!     #[status(304)]
//!     NotModified,
//! }
//!
//! let response = Cache::NotModified.to_response();
//! assert!(response.body().is_empty());
//! assert!(response.headers().get("content-type").is_none());
//! ```
//!
//! ```compile_fail
//! # use httperror::HttpError;
//! #[derive(Debug, thiserror::Error, HttpError)]
//! enum Deleted {
//!     #[error("deleted")]
//!     #[status(204)]
//!     Done { #[payload] id: u32 }, // RFC 9110 forbids content in a 204
//! }
//! ```
//!
//! # Structs, generics
//!
//! A struct is one response; a generic type gets `Serialize` bounds only on
//! the type parameters its payload uses, and formatting bounds only on
//! those its `#[message]` uses.
//!
//! ```
//! # use httperror::HttpError;
//! #[derive(Debug, thiserror::Error, HttpError)]
//! #[error("{what} is locked")]
//! #[status(423)]
//! struct Locked<T: std::fmt::Display> {
//!     #[payload]
//!     what: T,
//! }
//!
//! assert_eq!(Locked { what: "report.pdf" }.code(), "locked");
//! assert_eq!(
//!     Locked { what: "report.pdf" }.to_json(),
//!     br#"{"message":"report.pdf is locked","what":"report.pdf"}"#,
//! );
//! ```
//!
//! # When a payload fails to serialize
//!
//! A payload whose `Serialize` fails (a map with non-string keys, a custom
//! impl returning an error) never panics and never sends half a body: the
//! response is a plain `500` with `{"message":"Internal Server Error"}` (in
//! the type's own shape: its format, envelope, message and status keys, and
//! those of its fixed members that do not name `{code}`), without the
//! error's headers. A text/plain variant whose `Display` fails answers
//! `Internal Server Error` as text/plain the same way.

//! # Features
//!
//! | feature | gives |
//! | --- | --- |
//! | (always) | [`HttpError::to_response`], an `http::Response<Bytes>` for hyper or any http 1.x stack |
//! | `utoipa` | `utoipa::IntoResponses` for every derived type; payload schemas from `utoipa::ToSchema` |
//! | `utoipa5` | the same for utoipa 5, for applications not yet on utoipa 6 |
//! | `schemars` | payload schemas from `schemars::JsonSchema` |
//! | `axum` | `IntoResponse` for every derived type and [`Abort`]; `httperror::axum` has drop-in extractors whose rejections answer in JSON, JSON fallbacks for the router's 404 and 405, and `panic_response` for tower-http's `CatchPanicLayer::custom` (see [the framework's own errors](#the-frameworks-own-errors)); axum is built with its `json`, `query` and `form` features |
//! | `actix-web` | `ResponseError` for every derived type and [`Abort`]; `httperror::actix` has drop-in extractors and config error handlers whose rejections answer in JSON, and `CatchPanic` (see [the framework's own errors](#the-frameworks-own-errors)) |
//! | `request-id` | `httperror::axum::RequestIdLayer` and `httperror::actix::RequestIdLayer` (with those features): a request id on every response and in every error body, errors' facts in the response's extensions (see [request ids](#request-ids-and-errors-visible-to-middleware)); ids made with `uuid` |
//! | `validator` | `From<validator::ValidationErrors>` for [`common::ValidationFailed`] |
//! | `garde` | `From<garde::Report>` for [`common::ValidationFailed`] |
//! | `aide` | `aide::OperationOutput` for every derived type (implies `axum`); see the `httperror::aide` module |
//! | `tonic` | `From<E> for tonic::Status` for every derived type and [`Abort`]: the gRPC code from code.proto's HTTP mapping, or `#[http_error(grpc = "..")]`; see the `httperror::tonic` module |
//! | `poem` | `poem::error::ResponseError` for every derived type and [`Abort`]; `httperror::poem::{get, post, …}` for routes whose 405 is JSON with `allow`, `httperror::poem::router_errors` for the router's 404; see the `httperror::poem` module |
//! | `tracing` | every error turned into a response is logged at its `log` level (by default 5xx at error, 4xx not at all) with its `source()` chain, as a `dyn Error` for Sentry's tracing layer |

#![deny(missing_docs)]

// The derive names this crate `::httperror`; `common` derives it here.
extern crate self as httperror;

#[doc(hidden)]
pub mod __private;
mod abort;
#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "aide")]
pub mod aide;
#[cfg(feature = "axum")]
pub mod axum;
pub mod catalogue;
pub mod client;
pub mod common;
mod context;
mod error;
mod framework_errors;
pub mod html;
#[cfg(any(feature = "axum", feature = "actix-web"))]
mod input;
mod members;
mod negotiate;
mod openapi;
#[cfg(feature = "poem")]
pub mod poem;
#[cfg(feature = "tracing")]
mod report;
mod rules;
#[cfg(feature = "tonic")]
pub mod tonic;
#[cfg(any(feature = "validator", feature = "garde"))]
mod validation;

pub use crate::abort::Abort;
#[cfg(feature = "request-id")]
pub use crate::context::RequestIdLayer;
pub use crate::context::{ErrorInfo, RequestId, RequestIdConfig};
pub use crate::error::{Body, HttpError, assert_one_status_per_code};
pub use crate::framework_errors::FrameworkErrors;
/// `http::StatusCode`, for [`Abort::new`] and matching on
/// [`HttpError::status`].
pub use http::StatusCode;
/// Derives [`HttpError`](trait@HttpError); see the [crate] documentation for
/// the attributes.
pub use httperror_macros::HttpError;
