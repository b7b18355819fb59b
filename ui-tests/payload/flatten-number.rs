use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("busy")]
    #[status(503)]
    Busy(#[payload(flatten)] u32),
}

fn main() {}
