//! Fixtures shared by the integration tests and the example: the
//! `StorageError` of the design, exactly as a user writes it, and the
//! file-storage API that answers with it.

pub mod app;

use httperror::HttpError;

/// Errors of a small file-storage API.
#[derive(Debug, thiserror::Error, HttpError)]
pub enum StorageError {
    /// No file with this id exists.
    #[error("file {id} not found")]
    #[status(404)]
    NotFound {
        /// The id that was asked for.
        #[payload(example = "report.pdf")]
        id: String,
    },

    /// The upload does not fit in the remaining quota.
    #[error("quota exceeded: {used} of {limit} bytes used")]
    #[status(507)]
    // A 5xx shows only a message written for it.
    #[message("quota exceeded: {used} of {limit} bytes used")]
    QuotaExceeded {
        /// Bytes in use.
        #[payload(example = 1100)]
        used: u64,
        /// Bytes allowed.
        #[payload(example = 1024)]
        limit: u64,
    },

    /// Too many uploads in a short time; retry later.
    #[error("too many requests")]
    #[status(TOO_MANY_REQUESTS)]
    Throttled {
        /// Seconds until the next upload is accepted.
        #[payload(example = 7)]
        #[header("retry-after")]
        retry_after: u32,
    },

    /// A bearer token is required.
    #[error("authentication required")]
    #[status(401)]
    #[header("www-authenticate", "Bearer")]
    Unauthorized,

    /// The storage backend failed.
    #[error("backend failure: {0}")]
    #[status(500)]
    Backend(#[source] std::io::Error),
}

/// Answers without content, for the end-to-end tests: a 304 with its
/// `etag`, and a 204.
#[derive(Debug, thiserror::Error, HttpError)]
pub enum Cache {
    /// The client's copy is current.
    #[error("not modified")]
    #[status(304)]
    NotModified {
        /// The current version.
        #[header("etag")]
        etag: &'static str,
    },
    /// Deleted.
    #[error("deleted")]
    #[status(204)]
    Deleted,
}
