use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("at {0:p}")]
    #[status(400)]
    #[message("at {0:p}")]
    At(&'static str),
}

fn main() {}
