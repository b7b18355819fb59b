use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("a")]
    #[status(404)]
    HasOne,
    #[error("b")]
    HasNone,
}

fn main() {}
