use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[error("inner")]
#[status(404)]
struct Inner;

#[derive(Debug, thiserror::Error, HttpError)]
#[error(transparent)]
#[http_error(transparent, code_key = "code")]
struct Wrap(Inner);

fn main() {}
