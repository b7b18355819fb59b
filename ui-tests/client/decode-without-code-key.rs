use httperror::HttpError;

// The variant is named by its machine code, which the body must carry.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(decode)]
enum FileError {
    #[error("gone")]
    #[status(410)]
    Gone,
}

fn main() {}
