use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[error("inner")]
#[status(404)]
struct Inner;

#[derive(Debug, thiserror::Error, HttpError)]
enum AppError {
    #[error(transparent)]
    #[message("something went wrong")]
    #[http_error(transparent)]
    Inner(Inner),
}

fn main() {}
