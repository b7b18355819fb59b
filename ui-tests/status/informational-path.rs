use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[error("hints")]
#[status(StatusCode::EARLY_HINTS)]
struct Hints;

fn main() {}
