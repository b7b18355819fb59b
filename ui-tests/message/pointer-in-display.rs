use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("no row at {0:p}")]
    #[status(404)]
    Missing(&'static str),
}

fn main() {}
