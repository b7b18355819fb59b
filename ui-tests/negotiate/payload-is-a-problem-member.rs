use httperror::HttpError;

// A JSON type whose payload key is a member of every problem: the
// negotiated problem details would write it twice.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(negotiate)]
enum ApiError {
    #[error("book not found")]
    #[status(404)]
    NoBook {
        #[payload]
        title: String,
    },
}

fn main() {}
