use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum AppError {
    #[error("nothing")]
    #[http_error(transparent)]
    Nothing,
}

fn main() {}
