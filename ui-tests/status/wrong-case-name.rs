use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(TooManyRequests)]
    Throttled,
}

fn main() {}
