//! A small file-storage API on axum whose handlers answer with
//! the errors of `StorageError`, composed per operation so that each
//! operation documents exactly what it can answer, and httperror's common
//! errors, with its OpenAPI document
//! and a Swagger UI. axum's own refusals (a body that is not JSON, a body
//! over the limit, a path or query parameter of the wrong type) come from
//! `httperror::axum`'s extractors and a panic from its `panic_response`,
//! in the same JSON shape, documented by `FrameworkErrors`. The example
//! server runs it; the end-to-end tests start it on an ephemeral port.

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::{get, post};
use axum::{Router, middleware};
use bytes::Bytes;
use httperror::axum::{Json, Path, Query};
use httperror::common::{BadRequest, Conflict, InvalidBody, NotAcceptable};
use httperror::{FrameworkErrors, HttpError};
use serde::{Deserialize, Serialize};
use tower_http::catch_panic::CatchPanicLayer;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_swagger_ui::SwaggerUi;

/// The token uploads and deletions need: `Authorization: Bearer demo-token`.
pub const TOKEN: &str = "demo-token";

/// The token `GET /admin/usage` needs: `Authorization: Bearer admin-token`.
pub const ADMIN_TOKEN: &str = "admin-token";

/// Limits of the store.
#[derive(Clone, Debug)]
pub struct Config {
    /// Bytes the store holds in all.
    pub quota: u64,
    /// Uploads accepted per `window`.
    pub uploads_per_window: usize,
    pub window: Duration,
    /// The largest request body read, in bytes: past it, a 413.
    pub body_limit: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            quota: 1024,
            uploads_per_window: 5,
            window: Duration::from_secs(10),
            body_limit: 64 * 1024,
        }
    }
}

#[derive(Default)]
struct Store {
    files: BTreeMap<String, Bytes>,
    uploads: VecDeque<Instant>,
}

#[derive(Clone)]
struct AppState {
    config: Config,
    store: Arc<Mutex<Store>>,
}

impl AppState {
    fn store(&self) -> std::sync::MutexGuard<'_, Store> {
        // A panicking handler cannot leave the map half-updated.
        self.store.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A stored file.
#[derive(Serialize, utoipa::ToSchema)]
pub struct FileInfo {
    /// The file's id.
    pub id: String,
    /// Its size in bytes.
    pub size: u64,
}

/// A file's contents: any bytes.
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary, content_media_type = "application/octet-stream")]
pub struct FileBytes(pub Bytes);

/// Which files to list.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// List at most this many files.
    // A `u32`: utoipa would say `int32`, whose bound is lower.
    #[param(value_type = Option<u64>, minimum = 0, maximum = 4294967295_u64)]
    pub limit: Option<u32>,
}

/// Where to copy a file.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct CopyRequest {
    /// The id of the copy.
    #[schema(
        example = "report-2.pdf",
        pattern = "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}$"
    )]
    pub to: String,
}

/// Storage usage.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Usage {
    /// Files stored.
    #[schema(example = 2)]
    pub files: u64,
    /// Bytes stored.
    #[schema(example = 512)]
    pub bytes: u64,
    /// Bytes the store may hold.
    #[schema(example = 1024)]
    pub quota: u64,
}

/// No file with this id exists.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(negotiate)]
#[error("file {id} not found")]
#[status(404)]
pub struct FileNotFound {
    /// The id that was asked for.
    #[payload(example = "report.pdf")]
    pub id: String,
}

/// A bearer token is required.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(negotiate)]
#[error("authentication required")]
#[status(401)]
#[header("www-authenticate", "Bearer")]
pub struct Unauthorized;

/// Too many uploads in a short time; retry later.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(negotiate)]
#[error("too many requests")]
#[status(TOO_MANY_REQUESTS)]
pub struct Throttled {
    /// Seconds until the next upload is accepted.
    #[payload(example = 7)]
    #[header("retry-after")]
    pub retry_after: u32,
}

/// The upload does not fit in the remaining quota.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(negotiate)]
#[error("quota exceeded: {used} of {limit} bytes used")]
#[status(507)]
#[message("quota exceeded: {used} of {limit} bytes used")]
pub struct QuotaExceeded {
    /// Bytes in use.
    #[payload(example = 1100)]
    pub used: u64,
    /// Bytes allowed.
    #[payload(example = 1024)]
    pub limit: u64,
}

/// The storage backend failed.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(negotiate)]
#[error("backend failure: {0}")]
#[status(500)]
pub struct Backend(#[source] pub std::io::Error);

/// What `GET /files/{id}` can answer.
#[derive(Debug, thiserror::Error, HttpError)]
pub enum DownloadError {
    #[error(transparent)]
    #[http_error(transparent)]
    NotFound(#[from] FileNotFound),
    #[error(transparent)]
    #[http_error(transparent)]
    Backend(#[from] Backend),
}

/// What `PUT /files/{id}` can answer.
#[derive(Debug, thiserror::Error, HttpError)]
pub enum UploadError {
    /// The id is not one the store takes.
    #[error(transparent)]
    #[http_error(transparent)]
    InvalidId(#[from] BadRequest),
    #[error(transparent)]
    #[http_error(transparent)]
    Unauthorized(#[from] Unauthorized),
    #[error(transparent)]
    #[http_error(transparent)]
    Throttled(#[from] Throttled),
    #[error(transparent)]
    #[http_error(transparent)]
    QuotaExceeded(#[from] QuotaExceeded),
}

/// What `DELETE /files/{id}` can answer.
#[derive(Debug, thiserror::Error, HttpError)]
pub enum DeleteError {
    #[error(transparent)]
    #[http_error(transparent)]
    Unauthorized(#[from] Unauthorized),
    #[error(transparent)]
    #[http_error(transparent)]
    NotFound(#[from] FileNotFound),
}

/// What `POST /files/{id}/copy` can answer.
#[derive(Debug, thiserror::Error, HttpError)]
pub enum CopyError {
    #[error(transparent)]
    #[http_error(transparent)]
    Unauthorized(#[from] Unauthorized),
    #[error(transparent)]
    #[http_error(transparent)]
    NotFound(#[from] FileNotFound),
    /// The copy's id is not one the store takes.
    #[error(transparent)]
    #[http_error(transparent)]
    InvalidId(#[from] InvalidBody),
    /// A file with the copy's id exists already.
    #[error(transparent)]
    #[http_error(transparent)]
    Exists(#[from] Conflict),
    #[error(transparent)]
    #[http_error(transparent)]
    QuotaExceeded(#[from] QuotaExceeded),
}

/// Why `GET /admin/usage` refused.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "code", negotiate, decode)]
pub enum AdminError {
    /// No bearer token was sent.
    #[error("Authentication credentials were not provided.")]
    #[status(401)]
    #[header("www-authenticate", "Bearer")]
    Unauthenticated,
    /// The token sent is not an administrator's.
    #[error("You do not have permission to perform this action.")]
    #[status(403)]
    PermissionDenied,
}

/// The API, with `/openapi.json`, a Swagger UI at `/docs/`, and the
/// router's own 404 and 405, extractors' rejections and panics in the same
/// JSON shape as the handlers' errors.
pub fn router(config: Config) -> Router {
    let body_limit = config.body_limit;
    let state = AppState {
        config,
        store: Arc::default(),
    };
    Router::new()
        .route("/files", get(list_files))
        .route(
            "/files/{id}",
            get(get_file).put(put_file).delete(delete_file),
        )
        .route("/files/{id}/copy", post(copy_file))
        .route("/admin/usage", get(admin_usage))
        .route("/errors", get(error_catalogue))
        .with_state(state)
        .layer(DefaultBodyLimit::max(body_limit))
        .merge(SwaggerUi::new("/docs").url("/openapi.json", ApiDoc::openapi()))
        .fallback(httperror::axum::not_found)
        .layer(middleware::map_response(httperror::axum::router_errors))
        .layer(CatchPanicLayer::custom(httperror::axum::panic_response))
        // Outermost: every response gets `x-request-id`, every error body
        // its `request_id`, the router's and a panic's included.
        .layer(httperror::axum::RequestIdLayer::new())
}

/// axum's own refusals and a panic's 500, documented on every operation
/// by rule, in the crate's default shape (what `httperror::axum`'s
/// extractors and `panic_response` answer).
const FRAMEWORK_ERRORS: FrameworkErrors = FrameworkErrors::new();

/// The `request_id` member the request-id layer adds to every error body.
const REQUEST_ID: httperror::RequestIdConfig = httperror::RequestIdConfig::new();

#[derive(OpenApi)]
#[openapi(
    info(
        title = "httperror example: file storage",
        description = "A small file store. Every error response below is documented by \
            `#[derive(HttpError)]` from the error types' doc comments. Uploads and deletions \
            need `Authorization: Bearer demo-token`; `/admin/usage` needs `Bearer admin-token`. \
            Errors answer in the format the request's `Accept` prefers: JSON, problem details \
            (`application/problem+json`) or, for a browser, an HTML page. Every error code is \
            listed in the [error catalogue](/errors).",
        license(name = "MIT OR Apache-2.0", identifier = "MIT OR Apache-2.0")
    ),
    servers((url = "/", description = "This server")),
    tags(
        (name = "files", description = "Store, read and delete files"),
        (name = "admin", description = "For the store's administrators")
    ),
    paths(list_files, get_file, put_file, copy_file, delete_file, admin_usage),
    modifiers(&BearerScheme, &FRAMEWORK_ERRORS, &REQUEST_ID)
)]
pub struct ApiDoc;

/// Every error the API answers, by code: the handlers' error types and
/// the framework's own refusals, from `#[derive(HttpError)]`.
pub fn catalogue() -> httperror::catalogue::Catalogue {
    use httperror::common;
    httperror::catalogue::Catalogue::new()
        .with::<DownloadError>()
        .with::<UploadError>()
        .with::<DeleteError>()
        .with::<CopyError>()
        .with::<AdminError>()
        .with::<NotAcceptable>()
        .with::<common::JsonRejection>()
        .with::<common::BodyRejection>()
        .with::<common::QueryRejection>()
        .with::<common::PathRejection>()
        .with::<common::NotFound>()
        .with::<common::MethodNotAllowed>()
        .with::<common::InternalServerError>()
}

/// The error catalogue as a page: `GET /errors`.
async fn error_catalogue() -> axum::response::Html<&'static str> {
    static PAGE: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| catalogue().to_html("httperror example: errors"));
    axum::response::Html(PAGE.as_str())
}

/// The `bearer` security scheme the protected operations name.
struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                Http::builder()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "`demo-token` for uploads and deletions, `admin-token` for `/admin/usage`",
                    ))
                    .build(),
            ),
        );
    }
}

/// List the stored files
#[utoipa::path(
    get,
    path = "/files",
    tag = "files",
    params(ListParams),
    security(()),
    responses((status = 200, description = "The stored files", body = [FileInfo]), NotAcceptable)
)]
async fn list_files(
    State(state): State<AppState>,
    Query(params): Query<ListParams>,
    headers: HeaderMap,
) -> Result<Json<Vec<FileInfo>>, NotAcceptable> {
    if !accepts_json(&headers) {
        return Err(NotAcceptable);
    }
    let limit = params.limit.map_or(usize::MAX, |limit| limit as usize);
    let files = state
        .store()
        .files
        .iter()
        .take(limit)
        .map(|(id, data)| FileInfo {
            id: id.clone(),
            size: data.len() as u64,
        })
        .collect();
    Ok(Json(files))
}

/// Download a file
///
/// The id `corrupt` stands for a file the backend fails to read: it
/// answers the 500, whose detail stays in the server's log. The id `panic`
/// makes the handler panic: the same 500, the panic's message logged.
#[utoipa::path(
    get,
    path = "/files/{id}",
    tag = "files",
    params(("id" = String, Path, description = "The file id", pattern = "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}$")),
    security(()),
    responses(
        (status = 200, description = "The file's bytes", body = FileBytes, content_type = "application/octet-stream"),
        DownloadError,
    )
)]
async fn get_file(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Bytes, DownloadError> {
    if id == "corrupt" {
        return Err(DownloadError::Backend(Backend(std::io::Error::other(
            "checksum mismatch in /var/lib/storage/blocks/corrupt.blk",
        ))));
    }
    if id == "panic" {
        panic!("the block map of /var/lib/storage/blocks is inconsistent");
    }
    state
        .store()
        .files
        .get(&id)
        .cloned()
        .ok_or(FileNotFound { id }.into())
}

/// Upload a file
///
/// Needs `Authorization: Bearer demo-token`. The store accepts a few
/// uploads per window (429 past them, with `retry-after`) and holds a
/// fixed number of bytes in all (507 past them).
#[utoipa::path(
    put,
    path = "/files/{id}",
    tag = "files",
    params(("id" = String, Path, description = "The file id", pattern = "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}$")),
    security(("bearer" = [])),
    request_body(
        content = Option<FileBytes>,
        content_type = "application/octet-stream",
        description = "The file's contents; an upload without a body stores an empty file"
    ),
    responses(
        (status = 201, description = "Stored as a new file"),
        (status = 204, description = "Replaced the file"),
        UploadError,
    )
)]
async fn put_file(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    httperror::axum::Bytes(body): httperror::axum::Bytes,
) -> Result<StatusCode, UploadError> {
    authorize(&headers)?;
    if !is_file_id(&id) {
        return Err(BadRequest::new(FILE_ID_RULE).into());
    }
    let mut store = state.store();
    let now = Instant::now();
    let window = state.config.window;
    while store
        .uploads
        .front()
        .is_some_and(|t| now.duration_since(*t) >= window)
    {
        store.uploads.pop_front();
    }
    if store.uploads.len() >= state.config.uploads_per_window {
        let oldest = store.uploads.front().copied().unwrap_or(now);
        let wait = window.saturating_sub(now.duration_since(oldest));
        return Err(UploadError::Throttled(Throttled {
            retry_after: u32::try_from(wait.as_secs().max(1)).unwrap_or(u32::MAX),
        }));
    }
    let used: u64 = store
        .files
        .iter()
        .filter(|(other, _)| **other != id)
        .map(|(_, data)| data.len() as u64)
        .sum();
    let after = used + body.len() as u64;
    if after > state.config.quota {
        return Err(QuotaExceeded {
            used: after,
            limit: state.config.quota,
        }
        .into());
    }
    store.uploads.push_back(now);
    let replaced = store.files.insert(id, body).is_some();
    Ok(if replaced {
        StatusCode::NO_CONTENT
    } else {
        StatusCode::CREATED
    })
}

/// Copy a file
///
/// Needs `Authorization: Bearer demo-token`. The copy counts against the
/// quota; an existing file is never replaced (409).
#[utoipa::path(
    post,
    path = "/files/{id}/copy",
    tag = "files",
    params(("id" = String, Path, description = "The file to copy", pattern = "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}$")),
    security(("bearer" = [])),
    request_body = CopyRequest,
    responses((status = 201, description = "Copied"), CopyError)
)]
async fn copy_file(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Json(copy): Json<CopyRequest>,
) -> Result<StatusCode, CopyError> {
    authorize(&headers)?;
    if !is_file_id(&copy.to) {
        return Err(InvalidBody {
            field: Some("to".into()),
            detail: FILE_ID_RULE.into(),
        }
        .into());
    }
    let mut store = state.store();
    let data = store.files.get(&id).cloned().ok_or(FileNotFound { id })?;
    if store.files.contains_key(&copy.to) {
        return Err(Conflict::new("A file with this id exists already.").into());
    }
    let used: u64 = store.files.values().map(|data| data.len() as u64).sum();
    let after = used + data.len() as u64;
    if after > state.config.quota {
        return Err(QuotaExceeded {
            used: after,
            limit: state.config.quota,
        }
        .into());
    }
    store.files.insert(copy.to, data);
    Ok(StatusCode::CREATED)
}

/// Delete a file
///
/// Needs `Authorization: Bearer demo-token`.
#[utoipa::path(
    delete,
    path = "/files/{id}",
    tag = "files",
    params(("id" = String, Path, description = "The file id", pattern = "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}$")),
    security(("bearer" = [])),
    responses((status = 204, description = "Deleted"), DeleteError)
)]
async fn delete_file(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<StatusCode, DeleteError> {
    authorize(&headers)?;
    match state.store().files.remove(&id) {
        Some(_) => Ok(StatusCode::NO_CONTENT),
        None => Err(FileNotFound { id }.into()),
    }
}

/// Storage usage
///
/// Needs `Authorization: Bearer admin-token`; another token is refused
/// with a 403.
#[utoipa::path(
    get,
    path = "/admin/usage",
    tag = "admin",
    security(("bearer" = [])),
    responses((status = 200, description = "Storage usage", body = Usage), AdminError)
)]
async fn admin_usage(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<Usage>, AdminError> {
    match bearer_token(&headers) {
        Some(ADMIN_TOKEN) => {}
        Some(_) => return Err(AdminError::PermissionDenied),
        None => return Err(AdminError::Unauthenticated),
    }
    let store = state.store();
    Ok(Json(Usage {
        files: store.files.len() as u64,
        bytes: store.files.values().map(|data| data.len() as u64).sum(),
        quota: state.config.quota,
    }))
}

/// What a file id may be (the `pattern` its parameter documents): a path
/// segment no client or proxy rewrites, as `.` and `..` are.
const FILE_ID_RULE: &str = "A file id is 1 to 255 letters, digits, `.`, `_` or `-`, not first `.`.";

fn is_file_id(id: &str) -> bool {
    (1..=255).contains(&id.len())
        && !id.starts_with('.')
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

fn authorize(headers: &HeaderMap) -> Result<(), Unauthorized> {
    match bearer_token(headers) {
        Some(TOKEN) => Ok(()),
        _ => Err(Unauthorized),
    }
}

fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
}

/// No `Accept`, or one that allows JSON.
fn accepts_json(headers: &HeaderMap) -> bool {
    let Some(accept) = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    accept.split(',').any(|range| {
        let range = range.split(';').next().unwrap_or("").trim();
        matches!(range, "*/*" | "application/*" | "application/json")
    })
}
