use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("wait")]
    #[status(CONTINUE)]
    Wait,
}

fn main() {}
