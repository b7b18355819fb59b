use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[status(102)]
enum ApiError {
    #[error("processing")]
    Processing,
    #[error("gone")]
    #[status(410)]
    Gone,
}

fn main() {}
