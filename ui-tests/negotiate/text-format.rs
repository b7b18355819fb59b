use httperror::HttpError;

// A text/plain type answers its message alone, whatever `Accept` says.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "text", negotiate)]
enum Plain {
    #[error("gone")]
    #[status(410)]
    Gone,
}

fn main() {}
