use httperror::HttpError;

// A bad attribute yields its own error, not a cascade of "HttpError is not
// implemented" where the type is used.
#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(1234)]
    Bad,
}

fn respond<T: HttpError>(error: &T) -> u16 {
    error.status().as_u16()
}

fn uses() -> u16 {
    respond(&E::Bad)
}

fn main() {}
