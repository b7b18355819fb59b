use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("bad")]
    #[status(400)]
    Bad,
    #[error("invalid")]
    #[status(422)]
    #[http_error(code = "bad")]
    Invalid,
}

fn main() {}
