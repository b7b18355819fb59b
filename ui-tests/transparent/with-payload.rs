use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError, serde::Serialize)]
#[error("inner")]
#[status(404)]
struct Inner;

#[derive(Debug, thiserror::Error, HttpError)]
enum AppError {
    #[error(transparent)]
    #[http_error(transparent)]
    Inner(#[payload(rename = "inner")] Inner),
}

fn main() {}
