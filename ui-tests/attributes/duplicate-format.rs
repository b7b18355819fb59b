use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "json", format = "problem")]
enum ApiError {
    #[error("gone")]
    #[status(410)]
    Gone,
}

fn main() {}
