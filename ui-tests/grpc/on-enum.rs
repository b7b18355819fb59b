use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(grpc = "NOT_FOUND")]
enum FileError {
    #[error("gone")]
    #[status(410)]
    Gone,
}

fn main() {}
