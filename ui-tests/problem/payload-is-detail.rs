use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[error("e")]
#[status(400)]
#[http_error(format = "problem")]
struct Bad {
    #[payload]
    detail: String,
}

fn main() {}
