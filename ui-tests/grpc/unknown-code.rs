use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum FileError {
    #[error("exists")]
    #[status(409)]
    #[http_error(grpc = "ALREADY_EXIST")]
    Exists,
}

// An error is never OK.
#[derive(Debug, thiserror::Error, HttpError)]
enum Other {
    #[error("fine")]
    #[status(400)]
    #[http_error(grpc = "OK")]
    Fine,
}

// Nothing like a code.
#[derive(Debug, thiserror::Error, HttpError)]
enum Third {
    #[error("teapot")]
    #[status(418)]
    #[http_error(grpc = "teapot")]
    Teapot,
}

fn main() {}
