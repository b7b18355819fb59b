use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[allow(clippy::upper_case_acronyms)]
enum ApiError {
    #[error("upstream")]
    #[status(502)]
    HTTPError,
    #[error("local")]
    #[status(500)]
    HttpError,
}

fn main() {}
