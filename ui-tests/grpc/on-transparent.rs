use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum Inner {
    #[error("exists")]
    #[status(409)]
    Exists,
}

// The wrapped error answers, with its own gRPC code.
#[derive(Debug, thiserror::Error, HttpError)]
enum Outer {
    #[error(transparent)]
    #[http_error(transparent, grpc = "ALREADY_EXISTS")]
    Inner(#[from] Inner),
}

fn main() {}
