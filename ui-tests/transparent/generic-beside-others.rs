use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum AppError<E: std::error::Error + 'static> {
    #[error(transparent)]
    #[http_error(transparent)]
    Module(E),
    #[error("gone")]
    #[status(410)]
    Gone,
}

fn main() {}
