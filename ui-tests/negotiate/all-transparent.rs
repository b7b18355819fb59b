use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(negotiate)]
enum Inner {
    #[error("gone")]
    #[status(410)]
    Gone,
}

// Every variant answers as the error it wraps, which negotiates or not.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(negotiate)]
enum Outer {
    #[error(transparent)]
    #[http_error(transparent)]
    Inner(#[from] Inner),
}

fn main() {}
