use httperror::HttpError;

// The format is the type's: negotiation too.
#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("gone")]
    #[status(410)]
    #[http_error(negotiate)]
    Gone,
}

fn main() {}
