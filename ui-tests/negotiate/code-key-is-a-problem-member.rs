use httperror::HttpError;

// The code under `type`: in problem details, `type` is RFC 9457's.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "type", negotiate)]
enum ApiError {
    #[error("gone")]
    #[status(410)]
    Gone,
}

fn main() {}
