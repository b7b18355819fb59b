use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("invalid")]
    #[status(422)]
    Invalid {
        #[payload(flatten)]
        fields: Option<Vec<String>>,
    },
}

fn main() {}
