use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(transparent)]
enum AppError {
    #[error("gone")]
    #[status(410)]
    Gone,
}

fn main() {}
