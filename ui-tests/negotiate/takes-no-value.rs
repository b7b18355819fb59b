use httperror::HttpError;

// A flag, not a list of formats.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(negotiate = "problem")]
enum ApiError {
    #[error("gone")]
    #[status(410)]
    Gone,
}

fn main() {}
