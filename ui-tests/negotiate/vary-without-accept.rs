use httperror::HttpError;

// A negotiated response varies by `Accept`: its fixed `vary` must say so.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(negotiate)]
enum ApiError {
    #[error("gone")]
    #[status(410)]
    #[header("vary", "Origin")]
    Gone,
}

fn main() {}
