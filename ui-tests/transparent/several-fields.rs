use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[error("inner")]
#[status(404)]
struct Inner;

#[derive(Debug, thiserror::Error, HttpError)]
enum AppError {
    #[error("inner")]
    #[http_error(transparent)]
    Inner(Inner, u32),
}

fn main() {}
