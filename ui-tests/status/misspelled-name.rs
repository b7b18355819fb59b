use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(NOT_FUOND)]
    Missing,
}

fn main() {}
