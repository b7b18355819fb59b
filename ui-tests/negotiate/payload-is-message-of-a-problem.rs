use httperror::HttpError;

// A problem type whose payload key is `message`: the negotiated JSON
// shape's message member.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "problem", negotiate)]
enum ApiError {
    #[error("invalid input")]
    #[status(422)]
    Invalid {
        #[payload]
        message: String,
    },
}

fn main() {}
