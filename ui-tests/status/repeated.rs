use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(404)]
    #[status(410)]
    Twice,
}

fn main() {}
