// The `StorageError` of the design, as a user writes it.
use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
pub enum StorageError {
    /// No file with this id exists.
    #[error("file {id} not found")]
    #[status(404)]
    NotFound {
        #[payload]
        id: String,
    },

    /// The upload does not fit in the remaining quota.
    #[error("quota exceeded: {used} of {limit} bytes used")]
    #[status(507)]
    #[message("quota exceeded: {used} of {limit} bytes used")]
    QuotaExceeded {
        #[payload]
        used: u64,
        #[payload]
        limit: u64,
    },

    /// Too many uploads in a short time; retry later.
    #[error("too many requests")]
    #[status(TOO_MANY_REQUESTS)]
    Throttled {
        #[payload]
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

const _: () = assert!(StorageError::STATUS_CODES.len() == 5);

fn main() {
    let error = StorageError::QuotaExceeded { used: 10, limit: 8 };
    assert_eq!(error.status().as_u16(), 507);
}
