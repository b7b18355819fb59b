use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[error("inner")]
#[status(404)]
struct Inner;

#[derive(Debug, thiserror::Error, HttpError)]
enum AppError {
    #[error(transparent)]
    #[http_error(transparent)]
    #[header("cache-control", "no-store")]
    Inner(Inner),
}

fn main() {}
