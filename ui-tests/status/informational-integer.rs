use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("wait")]
    #[status(100)]
    Wait,
}

fn main() {}
