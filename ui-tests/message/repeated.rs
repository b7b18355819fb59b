use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(400)]
    #[message("first")]
    #[message("second")]
    Twice,
}

fn main() {}
