use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[error("hints")]
#[status(103)]
struct Hints {
    #[payload]
    link: String,
}

fn main() {}
