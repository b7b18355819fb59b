use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("invalid")]
    #[status(422)]
    Invalid {
        #[payload(flatten)]
        field: &'static str,
    },
}

fn main() {}
